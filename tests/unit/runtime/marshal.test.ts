// marshal.loads and .pyc reading (src/runtime/marshal.ts) against files CPython 3.13 wrote (tests/golden/pyc).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
// Load the runtime the way the entry point does, so modules evaluate in their usual order.
import "../../../src/runtime/pythonrun.js";
import { readPyc, looksLikePyc, marshal_loads } from "../../../src/runtime/marshal.js";
import { marshal_dumps } from "../../../src/runtime/marshal_write.js";
import { PyFunctionObject } from "../../../src/objects/funcobject.js";
import { PyDict_New } from "../../../src/objects/dictobject.js";
import { PyBytesObject } from "../../../src/objects/bytesobject.js";
import { PyUnicode_InternFromString, PyUnicodeObject } from "../../../src/objects/object.js";
import { PyTupleObject } from "../../../src/objects/tupleobject.js";
import { PyCodeObject, _PyCode_Adaptive, _PyCode_Materialize } from "../../../src/objects/codeobject.js";
import { Py_Initialize } from "../../../src/runtime/pylifecycle.js";
import type { Host } from "../../../src/host/host.js";

const ROOT = new URL("../../../../tests/golden/pyc/", import.meta.url).pathname;

function collect(dir: string, out: string[]): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) collect(p, out);
    else if (n.endsWith(".pyc")) out.push(p);
  }
  return out;
}

test("every CPython-written .pyc of the corpus loads into code objects", () => {
  const host = {
    readFile: () => new Uint8Array(), writeStdout: () => undefined, writeStderr: () => undefined,
    readStdin: () => new Uint8Array(), cwd: () => "/", env: () => new Map([["PYTHONHASHSEED", "0"]]),
    timeNs: () => 0n, monotonicNs: () => 0n,
  } as unknown as Host;
  Py_Initialize(host, [""]);
  const files = collect(ROOT, []);
  assert.ok(files.length > 100, `only ${files.length} pyc files`);
  for (const f of files) {
    const data = readFileSync(f);
    assert.ok(looksLikePyc(data), f);
    const code = readPyc(data);
    assert.ok(code instanceof PyCodeObject, f);
    assert.equal(code.co_name.value, "<module>", f);
    assert.equal(code._co_code_adaptive.length * 2, code.co_code.ob_bytes.length, f);
  }
});

test("a bad magic number is CPython's RuntimeError", () => {
  const data = new Uint8Array(20);
  assert.throws(() => readPyc(data), (e: unknown) => (e as { ob_type: { tp_name: string } }).ob_type.tp_name === "RuntimeError");
});

test("strings read through the reader's byte-keyed cache: right text, interned ones shared, others fresh objects", () => {
  // A tuple of 20,000 short strings (far more than the cache's slots, so slots collide and are replaced), each twice:
  // as TYPE_SHORT_ASCII_INTERNED ('Z') and as TYPE_SHORT_ASCII ('z'); then the whole tuple read a second time.
  const texts: string[] = [];
  for (let i = 0; i < 20000; i++) texts.push(`n${(i * 7919) % 100003}_${"x".repeat(i % 30)}`);
  texts.push("", "a", "\xe9t\xe9");
  const bytes: number[] = [];
  const tuple = (n: number): void => { bytes.push(0x28, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, 0); };
  tuple(2 * texts.length);
  for (const t of texts) {
    for (const code of [0x5a, 0x7a]) {
      bytes.push(code, t.length);
      for (let i = 0; i < t.length; i++) bytes.push(t.charCodeAt(i));
    }
  }
  const data = new Uint8Array(bytes);
  for (let round = 0; round < 2; round++) {
    const v = marshal_loads(data) as PyTupleObject;
    assert.equal(v.ob_item.length, 2 * texts.length);
    for (let i = 0; i < texts.length; i++) {
      const interned = v.ob_item[2 * i] as PyUnicodeObject;
      const plain = v.ob_item[2 * i + 1] as PyUnicodeObject;
      assert.equal(interned.value, texts[i]);
      assert.equal(plain.value, texts[i]);
      assert.equal(interned, PyUnicode_InternFromString(texts[i]));
      assert.ok(interned.interned && !plain.interned && plain !== interned);
    }
  }
});

/** Every code object under `c`, depth first. */
function codes(c: PyCodeObject, out: PyCodeObject[] = []): PyCodeObject[] {
  out.push(c);
  for (const k of c.co_consts.ob_item) if (k instanceof PyCodeObject) codes(k, out);
  return out;
}

test("code objects read from a shared buffer (bytes fields made on first use) equal those read eagerly", () => {
  for (const f of collect(ROOT, []).slice(0, 60)) {
    const data = new Uint8Array(readFileSync(f));
    const eager = codes(marshal_loads(data, 16, false) as PyCodeObject);
    const lazy = codes(marshal_loads(data, 16, true) as PyCodeObject);
    assert.equal(lazy.length, eager.length, f);
    for (let i = 0; i < eager.length; i++) {
      const [e, l] = [eager[i], lazy[i]];
      assert.equal(l._co_code, null, `${f}: co_code made before it was asked for`);
      assert.equal(l._co_code_adaptive.length, 0, `${f}: units copied before the first frame`);
      assert.deepEqual(_PyCode_Adaptive(l), e._co_code_adaptive, f);
      for (const k of ["co_code", "co_linetable", "co_exceptiontable", "co_localspluskinds"] as const) {
        assert.deepEqual([...l[k].ob_bytes], [...e[k].ob_bytes], `${f}: ${k}`);
      }
      assert.deepEqual([l.co_nlocalsplus, l.co_nlocals, l.co_ncellvars, l.co_nfreevars, l._co_firsttraceable],
        [e.co_nlocalsplus, e.co_nlocals, e.co_ncellvars, e.co_nfreevars, e._co_firsttraceable], f);
    }
  }
});

test("a back-reference to a code object's skipped co_code gets its bytes", () => {
  const pyc = new Uint8Array(readFileSync(collect(ROOT, [])[0]));
  // (code, <ref 1>): the code object (FLAG_REF) takes slot 0 and its co_code (FLAG_REF in CPython's .pyc) slot 1.
  assert.equal(pyc[16], 0xe3);
  const body = pyc.subarray(16);
  const data = new Uint8Array(2 + body.length + 5);
  data.set([0x29, 2]);
  data.set(body, 2);
  data.set([0x72, 1, 0, 0, 0], 2 + body.length);
  for (const share of [false, true]) {
    const t = marshal_loads(data, 0, share) as PyTupleObject;
    const [c, ref] = t.ob_item as [PyCodeObject, { ob_bytes: Uint8Array }];
    assert.deepEqual([...ref.ob_bytes], [...c.co_code.ob_bytes], `share ${share}`);
  }
});

/** A description of a marshalled value that two readings of the same data must share (types, values, structure). */
function shape(v: unknown): unknown {
  if (v instanceof PyCodeObject) {
    _PyCode_Materialize(v);
    return {
      code: [v.co_argcount, v.co_posonlyargcount, v.co_kwonlyargcount, v.co_stacksize, v.co_flags, v.co_firstlineno,
        v.co_filename.value, v.co_name.value, v.co_qualname.value, v.co_nlocalsplus, v.co_nlocals, v.co_ncellvars,
        v.co_nfreevars, v.co_framesize, v._co_firsttraceable],
      bytes: [v.co_code, v.co_linetable, v.co_exceptiontable, v.co_localspluskinds].map((b) => [...b.ob_bytes]),
      units: [..._PyCode_Adaptive(v)],
      names: v.co_names.ob_item.map(shape),
      lpnames: v.co_localsplusnames.ob_item.map(shape),
      consts: v.co_consts.ob_item.map(shape),
    };
  }
  if (v instanceof PyUnicodeObject) return [v.interned ? "interned" : "str", v.value];
  if (v instanceof PyTupleObject) return ["tuple", v.ob_item.map(shape)];
  if (v instanceof PyBytesObject) return ["bytes", [...v.ob_bytes]];
  if (typeof v === "number" || typeof v === "string") return v;
  return [(v as { ob_type: { tp_name: string } }).ob_type.tp_name, String((v as { value?: unknown }).value ?? "")];
}

test("Typhon's stdlib cache format: nested code objects are lazy records, read at first use, equal to eager ones", () => {
  for (const f of collect(ROOT, []).slice(0, 60)) {
    const data = new Uint8Array(readFileSync(f));
    const eager = marshal_loads(data, 16, false) as PyCodeObject;
    const cache = marshal_dumps(eager, 4, true, true);
    // Only Typhon's cache reader knows the record: marshal.loads refuses it as an unknown type code.
    if (codes(eager).length > 1) {
      assert.throws(() => marshal_loads(cache, 0, false), (e: unknown) =>
        (e as { ob_type: { tp_name: string } }).ob_type.tp_name === "ValueError", f);
    }
    const top = marshal_loads(cache, 0, true, true) as PyCodeObject;
    assert.equal(top._lazy, null, `${f}: the module's own code object is read at once`);
    const nested = top.co_consts.ob_item.filter((k) => k instanceof PyCodeObject) as PyCodeObject[];
    for (const c of nested) {
      assert.notEqual(c._lazy, null, `${f}: ${c.co_name.value} read before its first use`);
      // A function made from it keeps the body unread and gets co_consts[0] as its docstring (the same object).
      const fn = new PyFunctionObject(c, PyDict_New(), PyDict_New(), null);
      assert.notEqual(c._lazy, null, `${f}: ${c.co_name.value} read by making a function`);
      const doc = fn.func_doc;
      const c0 = _PyCode_Materialize(c).co_consts.ob_item[0];
      assert.equal(c._lazy, null);
      assert.equal(doc, c0 instanceof PyUnicodeObject ? c0 : doc, `${f}: ${c.co_name.value}'s docstring`);
      if (!(c0 instanceof PyUnicodeObject)) assert.equal((doc as { ob_type: { tp_name: string } }).ob_type.tp_name, "NoneType");
    }
    assert.deepEqual(shape(top), shape(eager), f);
    // Written again as a plain .pyc body, it reads back the same.
    assert.deepEqual(shape(marshal_loads(marshal_dumps(top), 0, false)), shape(eager), f);
  }
});
