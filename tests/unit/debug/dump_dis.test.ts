// Unit tests of the dis formatter's parts (src/debug/dump_dis.ts, set_order.ts) on hand-built code records; the whole
// output is checked against CPython by tests/unit/compiler/golden.test.ts and `npm run diff -- dis_cpython`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CodeRecord } from "../../../src/compiler/code.js";
import { ConstTuple, type ConstValue } from "../../../src/compiler/consts.js";
import { PyBytes, PyComplex } from "../../../src/ast/constant.js";
import { coLines, disCode, parseExceptionTable, unpackOpargs, DIS_ADDRESS } from "../../../src/debug/dump_dis.js";
import { frozensetIterationOrder } from "../../../src/debug/set_order.js";
import * as O from "../../../src/opcode/opcode_metadata.js";

function record(f: Partial<ConstructorParameters<typeof CodeRecord>[0]>): CodeRecord {
  return new CodeRecord({
    co_argcount: 0, co_posonlyargcount: 0, co_kwonlyargcount: 0, co_stacksize: 1, co_flags: 0,
    co_code: new Uint8Array([O.RESUME, 0, O.RETURN_CONST, 0]), co_consts: [null], co_names: [],
    co_localsplusnames: [], co_localspluskinds: new Uint8Array(0), co_filename: "t.py", co_name: "<module>",
    co_qualname: "<module>", co_firstlineno: 1, co_linetable: new Uint8Array([0x80 | (13 << 3) | 1, 0]),
    co_exceptiontable: new Uint8Array(0), ...f,
  });
}

test("_parse_exception_table: the example of Objects/exception_handling_notes.txt", () => {
  // start 20, size 8, target 100, depth 3, lasti False is encoded as 148, 8, 65, 36, 6 (offsets in code units).
  assert.deepEqual(parseExceptionTable(new Uint8Array([148, 8, 65, 36, 6])), [
    { start: 40, end: 56, target: 200, depth: 3, lasti: false },
  ]);
  assert.deepEqual(parseExceptionTable(new Uint8Array([148, 8])), [], "a truncated entry is dropped");
});

test("co_lines: one-line, no-location and line-delta entries; equal lines merged", () => {
  const co = record({
    co_code: new Uint8Array(16),
    co_linetable: new Uint8Array([
      0x80 | (10 << 3) | 0, 0, 5, // 1 unit, line 1 (delta 0), columns 0-5
      0x80 | (10 << 3) | 0, 1, 2, // 1 unit, still line 1: merged with the previous range
      0x80 | (15 << 3) | 1, // 2 units without location
      0x80 | (11 << 3) | 0, 0, 3, // 1 unit, line 2
      0x80 | (13 << 3) | 2, 0x05, // 3 units, no columns, line delta -2 (zig-zag 5): line 0
    ]),
  });
  assert.deepEqual(coLines(co), [
    { start: 0, end: 4, line: 1 },
    { start: 4, end: 8, line: null },
    { start: 8, end: 10, line: 2 },
    { start: 10, end: 16, line: 0 },
  ]);
});

test("_unpack_opargs: EXTENDED_ARG folds into the next oparg; caches are skipped", () => {
  const code = new Uint8Array([O.EXTENDED_ARG, 1, O.LOAD_CONST, 2, O.BINARY_OP, 0, 0, 0, O.RETURN_VALUE, 0]);
  assert.deepEqual(unpackOpargs(code), [
    { offset: 0, op: O.EXTENDED_ARG, arg: 1 },
    { offset: 2, op: O.LOAD_CONST, arg: 258 },
    { offset: 4, op: O.BINARY_OP, arg: 0 },
    { offset: 8, op: O.RETURN_VALUE, arg: null },
  ]);
});

test("dis: a code object's heading and its LOAD_CONST share one fixed address", () => {
  const inner = record({ co_name: "f", co_qualname: "f", co_firstlineno: 2 });
  const co = record({
    co_code: new Uint8Array([O.RESUME, 0, O.LOAD_CONST, 0, O.MAKE_FUNCTION, 0, O.RETURN_VALUE, 0]),
    co_consts: [inner], co_linetable: new Uint8Array([0x80 | (13 << 3) | 3, 0]),
  });
  const text = disCode(co);
  const repr = `<code object f at ${DIS_ADDRESS(1)}, file "t.py", line 2>`;
  assert.ok(text.includes(`LOAD_CONST               0 (${repr})`), text);
  assert.ok(text.includes(`\nDisassembly of ${repr}:\n`), text);
});

test("frozenset order: CPython's set table, seed 0 (values from python3.13 with PYTHONHASHSEED=0)", () => {
  const never = (): boolean => false;
  const ints = (xs: number[]): ConstValue[] => xs.map((x) => BigInt(x));
  assert.deepEqual(frozensetIterationOrder(ints([0, 8, 16, 24]), never), ints([0, 8, 16, 24]));
  assert.deepEqual(frozensetIterationOrder(ints([24, 16, 8, 0]), never), ints([24, 16, 8, 0]));
  // hash(-1) == hash(-2) == -2; 2**61 hashes to 1, -0.0 to 0.
  assert.deepEqual(
    frozensetIterationOrder([-1n, -2n, 2n ** 61n, 2n ** 64n + 3n, 0.5, -0, new PyComplex(0, 7)], never),
    [0.5, 2n ** 61n, -0, 2n ** 64n + 3n, new PyComplex(0, 7), -1n, -2n],
  );
  const t = (...xs: ConstValue[]): ConstTuple => new ConstTuple(xs);
  const x = new PyBytes(new Uint8Array([0x78]));
  assert.deepEqual(
    frozensetIterationOrder([t(1n, 2n), t(2n, 1n), t(1n, "a"), null, true, x, "spam", "eggs", new PyComplex(2.5, 1), 1e300], never),
    [null, t(1n, "a"), true, t(1n, 2n), x, t(2n, 1n), new PyComplex(2.5, 1), "eggs", "spam", 1e300],
  );
  assert.deepEqual(frozensetIterationOrder([...'abcdefghijklmnop'], never), [...'dfnghkbijcamopel']);
  assert.deepEqual(frozensetIterationOrder([1n, 1.0, true], never), [1n], "1, 1.0 and True are one element");
});

test("dis never throws on a malformed code record", () => {
  let seed = 12345;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => rnd(256));
  for (let i = 0; i < 2000; i++) {
    const co = record({
      co_code: bytes(2 * rnd(40)), co_linetable: bytes(rnd(30)), co_exceptiontable: bytes(rnd(12)),
      co_consts: rnd(2) ? [null, 1n] : [], co_names: rnd(2) ? ["a"] : [], co_localsplusnames: rnd(2) ? ["x"] : [],
      co_localspluskinds: new Uint8Array([0x20]),
    });
    assert.equal(typeof disCode(co, { showCaches: rnd(2) === 1, showOffsets: rnd(2) === 1 }), "string");
  }
});
