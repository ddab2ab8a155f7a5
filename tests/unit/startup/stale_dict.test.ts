// Dicts restored from the start-up snapshot are rehashed lazily (src/objects/dictobject.ts, _PyDict_MarkStale): a dict
// built under one hash secret, marked stale after the secret changed, must behave through every entry point exactly
// as a dict built under the new secret (lookups, stores, deletions, copies, merges, popitem, sizeof, sets made from
// it, an iterator opened before its first lookup). See docs/cli.md ("Start-up").
import { test } from "node:test";
import assert from "node:assert/strict";
// pythonrun first: it imports the runtime's modules in the order their top-level code needs.
import "../../../src/runtime/pythonrun.js";
import { _Py_InitializeCore } from "../../../src/runtime/pylifecycle.js";
import { _Py_HashRandomization_Init } from "../../../src/runtime/pyhash.js";
import { PyDictObject, PyDict_New, PyDict_SetItem, PyDict_GetItem, PyDict_DelItem, PyDict_Copy, PyDict_Merge,
  PyDict_Keys, _PyDict_MarkStale } from "../../../src/objects/dictobject.js";
import { PyUnicodeObject, PyUnicode_FromString } from "../../../src/objects/unicodeobject.js";
import { PySet_New, set_update_internal, setItems, PySetObject } from "../../../src/objects/setobject.js";
import { PyObject_CallMethod, PyObject_GetIter, PyIter_Next } from "../../../src/objects/abstract.js";
import type { PyVal } from "../../../src/objects/object.js";

_Py_InitializeCore(0);
const noEntropy = (n: number): Uint8Array => new Uint8Array(n);

const NAMES = Array.from({ length: 40 }, (_, i) => `name_${i}_${"x".repeat(i % 5)}`);

/** A dict of 40 str keys (and one int key) with 3 deletions, built under PYTHONHASHSEED=`seed`. */
function build(seed: number): { d: PyDictObject; keys: PyUnicodeObject[] } {
  _Py_HashRandomization_Init(seed, noEntropy);
  const keys = NAMES.map((n) => PyUnicode_FromString(n) as PyUnicodeObject);
  const d = PyDict_New();
  keys.forEach((k, i) => PyDict_SetItem(d, k, i));
  PyDict_SetItem(d, 12345, -1);
  for (const i of [3, 17, 39]) PyDict_DelItem(d, keys[i]);
  return { d, keys };
}

/** The same dict built under seed 1, then given seed 2 as a restored snapshot is; and a reference built under 2. */
function staleAndFresh(): { stale: PyDictObject; fresh: PyDictObject; keys: PyUnicodeObject[] } {
  const { d: stale, keys } = build(1);
  _Py_HashRandomization_Init(2, noEntropy);
  for (const k of keys) k.hashed = false;
  _PyDict_MarkStale(stale);
  const { d: fresh } = build(2);
  return { stale, fresh, keys };
}

const text = (vs: readonly PyVal[]): string[] => vs.map((v) => (typeof v === "number" ? String(v) : (v as PyUnicodeObject).value));

test("lookups, stores and deletions in a stale dict", () => {
  const { stale, fresh, keys } = staleAndFresh();
  for (let i = 0; i < keys.length; i++) {
    assert.equal(PyDict_GetItem(stale, PyUnicode_FromString(NAMES[i])), PyDict_GetItem(fresh, PyUnicode_FromString(NAMES[i])));
  }
  assert.equal(PyDict_GetItem(stale, 12345), -1);
  assert.equal(PyDict_GetItem(stale, PyUnicode_FromString("missing")), undefined);
  PyDict_SetItem(stale, PyUnicode_FromString("new"), 7);
  PyDict_DelItem(stale, PyUnicode_FromString(NAMES[0]));
  PyDict_SetItem(fresh, PyUnicode_FromString("new"), 7);
  PyDict_DelItem(fresh, PyUnicode_FromString(NAMES[0]));
  assert.deepEqual(text(PyDict_Keys(stale)), text(PyDict_Keys(fresh)));
  assert.equal(PyDict_GetItem(stale, PyUnicode_FromString("new")), 7);
});

test("copies, merges, popitem and __sizeof__ of a stale dict", () => {
  let { stale, fresh } = staleAndFresh();
  const c = PyDict_Copy(stale);
  assert.equal(PyDict_GetItem(c, PyUnicode_FromString(NAMES[5])), 5);
  ({ stale, fresh } = staleAndFresh());
  const m = PyDict_New();
  PyDict_SetItem(m, PyUnicode_FromString(NAMES[6]), 100);
  PyDict_Merge(m, stale, false);
  assert.equal(PyDict_GetItem(m, PyUnicode_FromString(NAMES[6])), 100);
  assert.equal(PyDict_GetItem(m, PyUnicode_FromString(NAMES[7])), 7);
  ({ stale, fresh } = staleAndFresh());
  assert.equal(PyObject_CallMethod(stale, "__sizeof__", []), PyObject_CallMethod(fresh, "__sizeof__", []));
  ({ stale, fresh } = staleAndFresh());
  const popped = PyObject_CallMethod(stale, "popitem", []);
  assert.deepEqual(text((popped as unknown as { ob_item: PyVal[] }).ob_item), ["12345", "-1"]);
  PyObject_CallMethod(stale, "popitem", []);
  PyObject_CallMethod(fresh, "popitem", []);
  PyObject_CallMethod(fresh, "popitem", []);
  assert.deepEqual(text(PyDict_Keys(stale)), text(PyDict_Keys(fresh)));
  assert.equal(PyDict_GetItem(stale, PyUnicode_FromString(NAMES[1])), 1);
});

test("sets made from a stale dict hash its keys under the new secret", () => {
  let { stale, fresh } = staleAndFresh();
  const s = PySet_New([]);
  set_update_internal(s, stale);
  const r = PySet_New([]);
  set_update_internal(r, fresh);
  assert.deepEqual(text(setItems(s)), text(setItems(r)));
  ({ stale, fresh } = staleAndFresh());
  const x = PySet_New([PyUnicode_FromString(NAMES[1]), PyUnicode_FromString("other")]);
  const y = PySet_New([PyUnicode_FromString(NAMES[1]), PyUnicode_FromString("other")]);
  PyObject_CallMethod(x, "symmetric_difference_update", [stale]);
  PyObject_CallMethod(y, "symmetric_difference_update", [fresh]);
  assert.deepEqual(text(setItems(x as PySetObject)), text(setItems(y as PySetObject)));
});

test("an iterator opened before the first lookup keeps its place when the lookup rehashes", () => {
  const { stale, fresh } = staleAndFresh();
  const it = PyObject_GetIter(stale);
  const first = [PyIter_Next(it)!, PyIter_Next(it)!];
  assert.equal(PyDict_GetItem(stale, PyUnicode_FromString(NAMES[20])), 20);
  const rest: PyVal[] = [];
  for (let v = PyIter_Next(it); v !== undefined; v = PyIter_Next(it)) rest.push(v);
  assert.deepEqual(text([...first, ...rest]), text(PyDict_Keys(fresh)));
});
