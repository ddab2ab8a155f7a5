// The evaluation loop's case labels are literal opcode numbers; every label must name the opcode that src/opcode's
// generated table gives that number, every base opcode of 3.13 must have a case, and the dispatch switch has no other
// kind of label (V8 builds a jump table only for a switch whose labels are all small-integer literals).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { opmap, MIN_SPECIALIZED_OPCODE } from "../../../src/opcode/opcode_metadata.js";

const src = readFileSync(new URL("../../../../src/vm/ceval.ts", import.meta.url), "utf8");

test("every case label of the loop matches the generated opcode table", () => {
  const labels = [...src.matchAll(/case (\d+) \/\* ([A-Z_0-9]+) \*\//g)];
  assert.ok(labels.length > 100, `found only ${labels.length} labels`);
  for (const [, num, name] of labels) {
    assert.equal(opmap[name], Number(num), `case ${num} is labelled ${name}, which is ${opmap[name]}`);
  }
  assert.equal(/^\s*case op\./m.test(src), false, "use literal labels, not op.X (V8 cannot build a jump table from loads)");
});

test("every base opcode has a case", () => {
  const handled = new Set([...src.matchAll(/case (\d+) \/\* ([A-Z_0-9]+) \*\//g)].map((m) => m[2]));
  const missing = Object.entries(opmap)
    .filter(([name, n]) => n < MIN_SPECIALIZED_OPCODE && !name.startsWith("INSTRUMENTED") && name !== "BINARY_OP_INPLACE_ADD_UNICODE")
    .map(([name]) => name)
    .filter((name) => !handled.has(name));
  assert.deepEqual(missing, []);
});

test("the dispatch switch is a jump table in V8's every tier", () => {
  // V8 11.3's bytecode generator emits SwitchOnSmiNoFeedback (a jump table) only for a switch whose labels are all
  // small-integer literals spread over less than three times their number (switch_table_spread_threshold); else it
  // compares the value with each label in turn in the interpreter and baseline tiers. With 71 labels over 2..254 the
  // loop compared 27 times per instruction in issue #5's import line.
  const start = src.indexOf("switch (word & 255) {");
  const end = src.indexOf("\n        }\n", start);
  assert.ok(start > 0 && end > start);
  const lines = src.slice(start, end).split("\n").filter((l) => /^ {10}case /.test(l));
  const labels = lines.flatMap((l) => [...l.matchAll(/case ([^:]+):/g)].map((m) => m[1].trim()));
  assert.deepEqual(labels.filter((l) => !/^\d+( \/\* [A-Z_0-9]+ \*\/)?$/.test(l)), []);
  const nums = labels.map((l) => parseInt(l, 10));
  const spread = Math.max(...nums) - Math.min(...nums);
  assert.ok(spread < 3 * nums.length, `${nums.length} labels over ${spread}: V8 tests them one by one`);
  // And what V8 makes of it: the loop's bytecode, printed by node for the unbundled modules. Py_Main on an in-memory
  // host returns (the command's process.exit could cut V8's buffered printout short when stdout is a pipe).
  const main = new URL("../../../src/runtime/main.js", import.meta.url).href;
  const memory = new URL("../../../src/host/memory.js", import.meta.url).href;
  const script = `const [m, h] = await Promise.all([import(${JSON.stringify(main)}), import(${JSON.stringify(memory)})]);
    m.Py_Main(h.createMemoryHost({ env: { PYTHONHASHSEED: "0" } }), ["-c", "pass"]);`;
  const r = spawnSync(process.execPath, ["--print-bytecode", "--print-bytecode-filter=evalLoop", "--input-type=module",
    "-e", script], { encoding: "utf8", maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /SwitchOnSmiNoFeedback/);
});
