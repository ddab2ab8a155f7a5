// dict: a compact, insertion-ordered hash table probed exactly as CPython's (Objects/dictobject.c), with a fast
// path for exact-str keys. Lookups return undefined for a missing key (no KeyError is created internally).
// See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_FromSpecStatic, PyUnicodeObject, PyUnicode_Type, Py_HashHi, Py_None, METH_O,
  Py_NotImplemented, Py_EQ, Py_NE, Py_TYPE, METH_NOARGS, METH_FASTCALL, METH_KEYWORDS, METH_CLASS,
  Py_TPFLAGS_BASETYPE, Py_TPFLAGS_DICT_SUBCLASS, Py_TPFLAGS_MAPPING, hasFlag, type PyVal,
} from "./object.js";
import { PyObject_Hash, PyObject_RichCompareBool, PyObject_Repr, PyObject_GetIter, PyIter_Next, PyObject_GetAttrStr,
  _PyObject_LookupSpecial,
  PyObject_CallNoArgs, PySequence_Fast } from "./abstract.js";
import { PyErr_Format, PyErr_SetKeyError, Py_EnterRecursiveCall, Py_LeaveRecursiveCall, Py_ReprEnter, Py_ReprLeave } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_RuntimeError, PyExc_ValueError } from "./exceptions.js";
import { unicode_hash, PyUnicode_FromString } from "./unicodeobject.js";
import { PyTuple_New, PyTupleObject } from "./tupleobject.js";
import { PyList_New } from "./listobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { unpackArgs } from "../runtime/getargs.js";
import { PySet_FromIterable } from "./setobject.js";
import { snapshotRecording, _PySnapshot_Record } from "../runtime/snapshot_registry.js";
import { _PyIter_PickleMethods, _PyEval_GetBuiltin } from "./iterobject.js";

const DKIX_EMPTY = -1;
const DKIX_DUMMY = -2;
const PERTURB_SHIFT = 5;
const PyDict_MINSIZE = 8;
/** The one-slot index table of a dict whose stored hashes belong to another hash secret (a restored start-up snapshot's:
 *  src/runtime/pylifecycle.ts). A probe reads DKIX_STALE at once and rehashes the dict first, so only the dicts a
 *  program uses are rehashed, and lookups in other dicts never reach the check. */
const DKIX_STALE = -3;
const STALE_INDICES = new Int32Array([DKIX_STALE]);

export class PyDictObject extends PyObject {
  ma_used: number;
  /** Changes whenever the set of keys changes (not on value updates): the guard of LOAD_GLOBAL caches. */
  ma_keys_version: number;
  /** Changes on every mutation; iterators use it to detect modification. */
  ma_version: number;
  dk_indices: Int32Array;
  dk_nentries: number;
  dk_usable: number;
  /** Entries in insertion order; a deleted entry has key null. */
  me_key: (PyVal | null)[];
  me_value: (PyVal | null)[];
  me_hashlo: number[];
  me_hashhi: number[];
  constructor(type: PyTypeObject = PyDict_Type) {
    super(type);
    this.ma_used = 0;
    this.ma_keys_version = nextKeysVersion++;
    this.ma_version = 0;
    this.dk_indices = new Int32Array(PyDict_MINSIZE).fill(DKIX_EMPTY);
    this.dk_nentries = 0;
    this.dk_usable = (PyDict_MINSIZE << 1) / 3 | 0;
    this.me_key = [];
    this.me_value = [];
    this.me_hashlo = [];
    this.me_hashhi = [];
    if (snapshotRecording) _PySnapshot_Record(this);
  }
}

let nextKeysVersion = 1;

export function PyDict_New(): PyDictObject {
  return new PyDictObject();
}

export function PyDict_Check(v: PyVal): v is PyDictObject {
  return typeof v !== "number" && hasFlag(v.ob_type, Py_TPFLAGS_DICT_SUBCLASS);
}
export function PyDict_CheckExact(v: PyVal): v is PyDictObject {
  return typeof v !== "number" && v.ob_type === PyDict_Type;
}

/** Find the entry index of `key` (with hash lo/hi), or -1. May call __eq__, which may mutate the dict. */
function lookup(d: PyDictObject, key: PyVal, lo: number, hi: number): number {
  restart: for (;;) {
    const indices = d.dk_indices;
    const mask = indices.length - 1;
    let i = lo & mask;
    let plo = lo | 0;
    let phi = hi | 0;
    const strKey = typeof key !== "number" && key.ob_type === PyUnicode_Type ? (key as PyUnicodeObject).value : null;
    for (;;) {
      const ix = indices[i];
      if (ix === DKIX_EMPTY) return -1;
      if (ix >= 0) {
        const k = d.me_key[ix]!;
        if (k === key) return ix;
        if (d.me_hashlo[ix] === lo && d.me_hashhi[ix] === hi) {
          if (strKey !== null) {
            if (typeof k !== "number" && k.ob_type === PyUnicode_Type && (k as PyUnicodeObject).value === strKey) return ix;
            if (typeof k !== "number" && k.ob_type === PyUnicode_Type) { /* different exact str */ }
            else if (cmpSlow(d, indices, ix, k, key)) return ix;
            else if (d.dk_indices !== indices || d.me_key[ix] !== k) continue restart;
          } else if (typeof k === "number" && typeof key === "number") {
            if (k === key) return ix;
          } else {
            if (cmpSlow(d, indices, ix, k, key)) return ix;
            if (d.dk_indices !== indices || d.me_key[ix] !== k) continue restart;
          }
        }
      } else if (ix === DKIX_STALE) {
        _PyDict_Rehash(d);
        continue restart;
      }
      // perturb >>= 5 on a 64-bit unsigned value held as two int32 halves (signed, so that V8's cold tiers keep them
      // small integers; the probe only uses the low bits, which are the same).
      plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + plo + 1) & mask;
    }
  }
}

function cmpSlow(d: PyDictObject, indices: Int32Array, ix: number, k: PyVal, key: PyVal): boolean {
  const r = PyObject_RichCompareBool(k, key, Py_EQ);
  if (d.dk_indices !== indices || d.me_key[ix] !== k) return false;
  return r;
}

function findEmptySlot(indices: Int32Array, lo: number, hi: number): number {
  const mask = indices.length - 1;
  let i = lo & mask;
  let plo = lo | 0;
  let phi = hi | 0;
  while (indices[i] >= 0) {
    plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
    phi = phi >>> PERTURB_SHIFT;
    i = (i * 5 + plo + 1) & mask;
  }
  return i;
}

function calculateKeysize(minsize: number): number {
  let size = PyDict_MINSIZE;
  while (size < minsize) size <<= 1;
  return size;
}

/** Rebuild the tables with room for at least `minsize` slots, compacting deleted entries. */
function dictresize(d: PyDictObject, minsize: number): void {
  const size = calculateKeysize(minsize);
  const indices = new Int32Array(size).fill(DKIX_EMPTY);
  const keys: (PyVal | null)[] = [];
  const values: (PyVal | null)[] = [];
  const los: number[] = [];
  const his: number[] = [];
  const n = d.dk_nentries;
  for (let j = 0; j < n; j++) {
    const k = d.me_key[j];
    if (k === null) continue;
    const lo = d.me_hashlo[j], hi = d.me_hashhi[j];
    indices[findEmptySlot(indices, lo, hi)] = keys.length;
    keys.push(k);
    values.push(d.me_value[j]);
    los.push(lo);
    his.push(hi);
  }
  d.dk_indices = indices;
  d.me_key = keys;
  d.me_value = values;
  d.me_hashlo = los;
  d.me_hashhi = his;
  d.dk_nentries = keys.length;
  d.dk_usable = ((size << 1) / 3 | 0) - keys.length;
}

/** Recompute every entry's hash and rebuild the index table (a restored start-up snapshot changed the hash secret:
 *  src/runtime/pylifecycle.ts). Entries keep their positions, so a live iterator or an inline cache still sees them
 *  where they were; the table gets the smallest size that holds what the old one could. */
export function _PyDict_Rehash(d: PyDictObject): void {
  let size = PyDict_MINSIZE;
  while (((size << 1) / 3 | 0) < d.dk_nentries + d.dk_usable) size <<= 1;
  const indices = new Int32Array(size).fill(DKIX_EMPTY);
  for (let j = 0; j < d.dk_nentries; j++) {
    const k = d.me_key[j];
    if (k === null) continue;
    const lo = hashOf(k), hi = Py_HashHi[0];
    d.me_hashlo[j] = lo;
    d.me_hashhi[j] = hi;
    indices[findEmptySlot(indices, lo, hi)] = j;
  }
  d.dk_indices = indices;
  d.dk_usable = ((size << 1) / 3 | 0) - d.dk_nentries;
  d.ma_keys_version = nextKeysVersion++;
}

/** Defer _PyDict_Rehash to the dict's first use (see STALE_INDICES): its entries stay readable in order meanwhile. */
export function _PyDict_MarkStale(d: PyDictObject): void {
  if (d.ma_used !== 0) d.dk_indices = STALE_INDICES;
}

/** Rehash a stale dict now: for code that reads the stored hashes without a lookup. */
export function _PyDict_Refresh(d: PyDictObject): void {
  if (d.dk_indices === STALE_INDICES) _PyDict_Rehash(d);
}

function insertNew(d: PyDictObject, key: PyVal, value: PyVal, lo: number, hi: number): void {
  if (d.dk_usable <= 0) dictresize(d, d.ma_used * 3);
  const ix = d.dk_nentries++;
  d.dk_indices[findEmptySlot(d.dk_indices, lo, hi)] = ix;
  d.me_key[ix] = key;
  d.me_value[ix] = value;
  d.me_hashlo[ix] = lo;
  d.me_hashhi[ix] = hi;
  d.dk_usable--;
  d.ma_used++;
  d.ma_keys_version = nextKeysVersion++;
  d.ma_version++;
}

function hashOf(key: PyVal): number {
  if (typeof key !== "number" && key.ob_type === PyUnicode_Type) {
    const u = key as PyUnicodeObject;
    if (u.hashed) { Py_HashHi[0] = u.hashHi; return u.hashLo; }
    return unicode_hash(u);
  }
  return PyObject_Hash(key);
}

/** d[key] or undefined; raises only if hashing or comparing raises (PyDict_GetItemWithError). */
export function PyDict_GetItem(d: PyDictObject, key: PyVal): PyVal | undefined {
  const lo = hashOf(key);
  const ix = lookup(d, key, lo, Py_HashHi[0]);
  return ix < 0 ? undefined : d.me_value[ix]!;
}

/** Lookup by an str key (attribute names, globals). */
export function PyDict_GetItemStr(d: PyDictObject, key: PyUnicodeObject): PyVal | undefined {
  const ix = _PyDict_LookupIndexStr(d, key);
  return ix < 0 ? undefined : d.me_value[ix]!;
}

/** The entry index of the str key `key` in `d` (_Py_dict_lookup's ix), or -1: for the eval loop's caches. */
export function _PyDict_LookupIndexStr(d: PyDictObject, key: PyUnicodeObject): number {
  let lo: number, hi: number;
  if (key.hashed) { lo = key.hashLo; hi = key.hashHi; } else { lo = unicode_hash(key); hi = Py_HashHi[0]; }
  return lookup(d, key, lo, hi);
}

export function PyDict_GetItemString(d: PyDictObject, key: string): PyVal | undefined {
  return PyDict_GetItemStr(d, PyUnicode_FromString(key));
}

export function PyDict_SetItem(d: PyDictObject, key: PyVal, value: PyVal): void {
  const lo = hashOf(key);
  _PyDict_SetItem_KnownHash(d, key, value, lo, Py_HashHi[0]);
}

/** d[key] = value with the key's hash known (_PyDict_SetItem_KnownHash): a set's or dict's stored hash. */
export function _PyDict_SetItem_KnownHash(d: PyDictObject, key: PyVal, value: PyVal, lo: number, hi: number): void {
  const ix = lookup(d, key, lo, hi);
  if (ix >= 0) {
    d.me_value[ix] = value;
    d.ma_version++;
    return;
  }
  insertNew(d, key, value, lo, hi);
}

/** key in d with the key's hash known (_PyDict_Contains_KnownHash). */
export function _PyDict_Contains_KnownHash(d: PyDictObject, key: PyVal, lo: number, hi: number): boolean {
  return lookup(d, key, lo, hi) >= 0;
}

export function PyDict_SetItemString(d: PyDictObject, key: string, value: PyVal): void {
  PyDict_SetItem(d, PyUnicode_FromString(key), value);
}

/** Delete d[key]; returns false if the key was missing (the caller decides whether that is a KeyError). */
export function PyDict_DelItemIf(d: PyDictObject, key: PyVal): boolean {
  const lo = hashOf(key);
  const hi = Py_HashHi[0];
  const ix = lookup(d, key, lo, hi);
  if (ix < 0) return false;
  deleteEntry(d, ix, lo, hi);
  return true;
}

function deleteEntry(d: PyDictObject, ix: number, lo: number, hi: number): void {
  const indices = d.dk_indices;
  const mask = indices.length - 1;
  let i = lo & mask;
  let plo = lo | 0;
  let phi = hi | 0;
  while (indices[i] !== ix) {
    plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
    phi = phi >>> PERTURB_SHIFT;
    i = (i * 5 + plo + 1) & mask;
  }
  indices[i] = DKIX_DUMMY;
  d.me_key[ix] = null;
  d.me_value[ix] = null;
  d.ma_used--;
  d.ma_keys_version = nextKeysVersion++;
  d.ma_version++;
  // Trailing deleted entries can be dropped so that popitem-heavy code does not grow the entry list.
  while (d.dk_nentries > 0 && d.me_key[d.dk_nentries - 1] === null && d.ma_used === 0) {
    d.dk_nentries--;
  }
  if (d.ma_used === 0) dictClearTables(d);
}

function dictClearTables(d: PyDictObject): void {
  d.dk_indices = new Int32Array(PyDict_MINSIZE).fill(DKIX_EMPTY);
  d.me_key = [];
  d.me_value = [];
  d.me_hashlo = [];
  d.me_hashhi = [];
  d.dk_nentries = 0;
  d.dk_usable = (PyDict_MINSIZE << 1) / 3 | 0;
}

export function PyDict_DelItem(d: PyDictObject, key: PyVal): void {
  if (!PyDict_DelItemIf(d, key)) PyErr_SetKeyError(key);
}

export function PyDict_Clear(d: PyDictObject): void {
  dictClearTables(d);
  d.ma_used = 0;
  d.ma_keys_version = nextKeysVersion++;
  d.ma_version++;
}

export function PyDict_Size(d: PyDictObject): number {
  return d.ma_used;
}

/** Iterate (key, value) pairs in insertion order. Callers must not mutate the dict while iterating. */
export function* PyDict_Items(d: PyDictObject): Generator<[PyVal, PyVal]> {
  for (let j = 0; j < d.dk_nentries; j++) {
    const k = d.me_key[j];
    if (k !== null) yield [k, d.me_value[j]!];
  }
}

export function PyDict_Keys(d: PyDictObject): PyVal[] {
  const out: PyVal[] = [];
  for (let j = 0; j < d.dk_nentries; j++) {
    const k = d.me_key[j];
    if (k !== null) out.push(k);
  }
  return out;
}

export function PyDict_Values(d: PyDictObject): PyVal[] {
  const out: PyVal[] = [];
  for (let j = 0; j < d.dk_nentries; j++) if (d.me_key[j] !== null) out.push(d.me_value[j]!);
  return out;
}

export function PyDict_Copy(d: PyDictObject): PyDictObject {
  _PyDict_Refresh(d);
  const c = new PyDictObject();
  for (let j = 0; j < d.dk_nentries; j++) {
    const k = d.me_key[j];
    if (k !== null) insertNew(c, k, d.me_value[j]!, d.me_hashlo[j], d.me_hashhi[j]);
  }
  return c;
}

/** PyDict_Merge (dict_merge): from a dict, or from any mapping (an object with keys()); anything else raises the
 *  AttributeError of its missing keys() (PyMapping_Keys). `override`: true replaces, false keeps, "raise" raises
 *  KeyError on a duplicate (**-unpacking in calls). Iterables of pairs are dict_update_arg's. */
export function PyDict_Merge(d: PyDictObject, other: PyVal, override: boolean | "raise"): void {
  if (PyDict_Check(other) && (other as PyObject).ob_type.tp_iter === PyDict_Type.tp_iter) {
    const o = other as PyDictObject;
    if (o === d) return;
    _PyDict_Refresh(o);
    const n = o.dk_nentries;
    for (let j = 0; j < n && j < o.dk_nentries; j++) {
      const k = o.me_key[j];
      if (k === null) continue;
      const v = o.me_value[j]!;
      if (override === true) { PyDict_SetItem(d, k, v); continue; }
      const lo = o.me_hashlo[j], hi = o.me_hashhi[j];
      if (lookup(d, k, lo, hi) >= 0) {
        if (override === "raise") PyErr_SetKeyError(k);
        continue;
      }
      insertNew(d, k, v, lo, hi);
    }
    return;
  }
  const keysMeth = PyObject_GetAttrStr(other, "keys", true);
  if (keysMeth !== undefined) {
    const it = PyObject_GetIter(PyObject_CallNoArgs(keysMeth));
    for (let k = PyIter_Next(it); k !== undefined; k = PyIter_Next(it)) {
      const v = (Py_TYPE(other).mp_subscript ?? missingSubscript)(other, k);
      if (override !== true && PyDict_GetItem(d, k) !== undefined) {
        if (override === "raise") PyErr_SetKeyError(k);
        continue;
      }
      PyDict_SetItem(d, k, v);
    }
    return;
  }
  PyObject_GetAttrStr(other, "keys");
}

/** dict_update_arg: dict(x), d.update(x), d |= x and SimpleNamespace(x) take a mapping (has keys()) or else an
 *  iterable of key/value pairs. */
export function dict_update_arg(d: PyDictObject, arg: PyVal): void {
  if (PyDict_Check(arg) || PyObject_GetAttrStr(arg, "keys", true) !== undefined) PyDict_Merge(d, arg, true);
  else PyDict_MergeFromSeq2(d, arg, true);
}

function missingSubscript(o: PyVal): PyVal {
  return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(o).tp_name}' object is not subscriptable`);
}

export function PyDict_MergeFromSeq2(d: PyDictObject, seq2: PyVal, override: boolean): void {
  const it = PyObject_GetIter(seq2);
  let i = 0;
  for (let item = PyIter_Next(it); item !== undefined; item = PyIter_Next(it), i++) {
    let fast: PyVal[];
    try {
      fast = PySequence_Fast(item, "");
    } catch (e) {
      return PyErr_Format(PyExc_TypeError, `cannot convert dictionary update sequence element #${i} to a sequence`);
    }
    if (fast.length !== 2) {
      return PyErr_Format(PyExc_ValueError, `dictionary update sequence element #${i} has length ${fast.length}; 2 is required`);
    }
    if (override || PyDict_GetItem(d, fast[0]) === undefined) PyDict_SetItem(d, fast[0], fast[1]);
  }
}

// ---- the dict type ----

function dict_repr(self: PyVal): PyUnicodeObject {
  const d = self as PyDictObject;
  if (d.ma_used === 0) return PyUnicode_FromString("{}");
  if (!Py_ReprEnter(d)) return PyUnicode_FromString("{...}");
  try {
    Py_EnterRecursiveCall(" while getting the repr of an object");
    try {
      const parts: string[] = [];
      for (let j = 0; j < d.dk_nentries; j++) {
        const k = d.me_key[j];
        if (k === null) continue;
        const v = d.me_value[j]!;
        parts.push(`${PyObject_Repr(k).value}: ${PyObject_Repr(v).value}`);
      }
      return PyUnicode_FromString(`{${parts.join(", ")}}`);
    } finally {
      Py_LeaveRecursiveCall();
    }
  } finally {
    Py_ReprLeave(d);
  }
}

function dict_length(self: PyVal): number {
  return (self as PyDictObject).ma_used;
}

function dict_subscript(self: PyVal, key: PyVal): PyVal {
  const d = self as PyDictObject;
  const v = PyDict_GetItem(d, key);
  if (v !== undefined) return v;
  if (d.ob_type !== PyDict_Type) {
    // __missing__ is looked up on the type and bound (_PyObject_LookupSpecial): an instance attribute, or a class's
    // __getattr__/__getattribute__, does not count.
    const missing = _PyObject_LookupSpecial(d, "__missing__");
    if (missing !== undefined) return callOne(missing, key);
  }
  return PyErr_SetKeyError(key);
}

/** view.mapping: a mappingproxy of the dict (installed at start-up: descrobject.ts defines mappingproxy). */
let mappingProxyHook: (d: PyDictObject) => PyVal = (d) => d;
export function _PyDict_InstallMappingProxy(f: (d: PyDictObject) => PyVal): void {
  mappingProxyHook = f;
}

let callOne: (f: PyVal, a: PyVal) => PyVal = () => { throw new Error("dictobject: call hook not installed"); };
/** Installed by abstract.ts at start-up to avoid a module cycle at evaluation time. */
export function _PyDict_InstallCall(f: (f: PyVal, a: PyVal) => PyVal): void {
  callOne = f;
}

function dict_ass_sub(self: PyVal, key: PyVal, v: PyVal | null): void {
  const d = self as PyDictObject;
  if (v === null) PyDict_DelItem(d, key);
  else PyDict_SetItem(d, key, v);
}

function dict_contains(self: PyVal, key: PyVal): boolean {
  return PyDict_GetItem(self as PyDictObject, key) !== undefined;
}

function dict_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if (!PyDict_Check(b) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
  const eq = dict_equal(a as PyDictObject, b as PyDictObject);
  return PyBool_FromLong(op === Py_EQ ? eq : !eq);
}

function dict_equal(a: PyDictObject, b: PyDictObject): boolean {
  if (a.ma_used !== b.ma_used) return false;
  for (let j = 0; j < a.dk_nentries; j++) {
    const k = a.me_key[j];
    if (k === null) continue;
    const av = a.me_value[j]!;
    const bv = PyDict_GetItem(b, k);
    if (bv === undefined) return false;
    if (av !== bv && !PyObject_RichCompareBool(av, bv, Py_EQ)) return false;
  }
  return true;
}

function dict_new(type: PyTypeObject): PyVal {
  return new PyDictObject(type);
}

function dict_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const d = self as PyDictObject;
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos > 1) PyErr_Format(PyExc_TypeError, `dict expected at most 1 argument, got ${npos}`);
  if (npos === 1) dict_update_arg(d, args[0]);
  for (let i = 0; i < nkw; i++) PyDict_SetItem(d, kwnames![i], args[npos + i]);
}

function dict_get(self: PyVal, args: PyVal[]): PyVal {
  const [key, dflt] = unpackArgs("get", args, 1, 2);
  const v = PyDict_GetItem(self as PyDictObject, key!);
  return v !== undefined ? v : (dflt ?? Py_None);
}

function dict_setdefault(self: PyVal, args: PyVal[]): PyVal {
  const [key, dflt] = unpackArgs("setdefault", args, 1, 2);
  const d = self as PyDictObject;
  const v = PyDict_GetItem(d, key!);
  if (v !== undefined) return v;
  const nv = dflt ?? Py_None;
  PyDict_SetItem(d, key!, nv);
  return nv;
}

function dict_pop(self: PyVal, args: PyVal[]): PyVal {
  const [key, dflt] = unpackArgs("pop", args, 1, 2);
  const d = self as PyDictObject;
  const v = PyDict_GetItem(d, key!);
  if (v === undefined) {
    if (dflt !== undefined) return dflt;
    return PyErr_SetKeyError(key!);
  }
  PyDict_DelItemIf(d, key!);
  return v;
}

function dict_popitem(self: PyVal): PyVal {
  const d = self as PyDictObject;
  _PyDict_Refresh(d);
  for (let j = d.dk_nentries - 1; j >= 0; j--) {
    const k = d.me_key[j];
    if (k === null) continue;
    const v = d.me_value[j]!;
    deleteEntry(d, j, d.me_hashlo[j], d.me_hashhi[j]);
    d.dk_nentries = Math.min(d.dk_nentries, j);
    return PyTuple_New([k, v]);
  }
  return PyErr_SetKeyError(PyUnicode_FromString("popitem(): dictionary is empty"), true);
}

function dict_update(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  dict_init(self, args, kwnames);
  return Py_None;
}

function dict_clear(self: PyVal): PyVal {
  PyDict_Clear(self as PyDictObject);
  return Py_None;
}

function dict_copy(self: PyVal): PyVal {
  return PyDict_Copy(self as PyDictObject);
}

function dict_fromkeys(type: PyVal, args: PyVal[]): PyVal {
  const [iterable, value] = unpackArgs("fromkeys", args, 1, 2);
  const d = PyObject_CallNoArgs(type);
  const v = value ?? Py_None;
  // _PyDict_FromKeys: into an exact, empty dict, a dict's or a set's keys go in with the hashes they have stored.
  if (d instanceof PyDictObject && d.ob_type === PyDict_Type && d.ma_used === 0 && fromKeysKnownHash(d, iterable!, v)) return d;
  const it = PyObject_GetIter(iterable!);
  for (let k = PyIter_Next(it); k !== undefined; k = PyIter_Next(it)) {
    if (PyDict_Check(d)) PyDict_SetItem(d, k, v);
    else Py_TYPE(d).mp_ass_subscript!(d, k, v);
  }
  return d;
}

/** Hooks for dict.fromkeys' fast path over an exact set or frozenset (src/objects/setobject.ts installs it). */
export const dictSetHooks = {
  /** The set's keys with their stored hashes (lo, hi), or null when `v` is not an exact set or frozenset. */
  entries: (v: PyVal): [PyVal[], number[], number[]] | null => { void v; return null; },
};

function fromKeysKnownHash(d: PyDictObject, iterable: PyVal, value: PyVal): boolean {
  let keys: PyVal[], lo: number[], hi: number[];
  if (iterable instanceof PyDictObject && iterable.ob_type === PyDict_Type) {
    _PyDict_Refresh(iterable);
    const n = iterable.dk_nentries;
    keys = []; lo = []; hi = [];
    for (let i = 0; i < n; i++) {
      const k = iterable.me_key[i];
      if (k !== null) { keys.push(k); lo.push(iterable.me_hashlo[i]); hi.push(iterable.me_hashhi[i]); }
    }
  } else {
    const e = dictSetHooks.entries(iterable);
    if (e === null) return false;
    [keys, lo, hi] = e;
  }
  for (let i = 0; i < keys.length; i++) _PyDict_SetItem_KnownHash(d, keys[i], value, lo[i], hi[i]);
  return true;
}

// ---- views and iterators ----

export const DICT_KEYS = 0, DICT_VALUES = 1, DICT_ITEMS = 2;

/** The number slots of keys/items views (a function so it can be used before the definitions below run). */
function viewSetSlots() {
  return {
    nb_or: (a: PyVal, b: PyVal) => viewNumberSlots.nb_or(a, b),
    nb_and: (a: PyVal, b: PyVal) => viewNumberSlots.nb_and(a, b),
    nb_subtract: (a: PyVal, b: PyVal) => viewNumberSlots.nb_subtract(a, b),
    nb_xor: (a: PyVal, b: PyVal) => viewNumberSlots.nb_xor(a, b),
  };
}

export class PyDictViewObject extends PyObject {
  dv_dict: PyDictObject;
  kind: number;
  constructor(type: PyTypeObject, d: PyDictObject, kind: number) {
    super(type);
    this.dv_dict = d;
    this.kind = kind;
  }
}

export class PyDictIterObject extends PyObject {
  di_dict: PyDictObject | null;
  di_pos: number;
  di_used: number;
  kind: number;
  len: number;
  constructor(type: PyTypeObject, d: PyDictObject, kind: number) {
    super(type);
    this.di_dict = d;
    this.di_pos = 0;
    this.di_used = d.ma_used;
    this.kind = kind;
    this.len = d.ma_used;
  }
}

function dictiter_iternext(self: PyVal): PyVal | undefined {
  const it = self as PyDictIterObject;
  const d = it.di_dict;
  if (d === null) return undefined;
  if (it.di_used !== d.ma_used) {
    it.di_used = -1;
    return PyErr_Format(PyExc_RuntimeError, "dictionary changed size during iteration");
  }
  let j = it.di_pos;
  const n = d.dk_nentries;
  while (j < n && d.me_key[j] === null) j++;
  if (j >= n) {
    it.di_dict = null;
    return undefined;
  }
  it.di_pos = j + 1;
  it.len--;
  switch (it.kind) {
    case DICT_KEYS: return d.me_key[j]!;
    case DICT_VALUES: return d.me_value[j]!;
    default: return PyTuple_New([d.me_key[j]!, d.me_value[j]!]);
  }
}

/** dictiter_reduce: (iter, (list of what a copy of the iterator yields,)). */
function dictiter_reduce(self: PyVal): PyVal {
  const items: PyVal[] = [];
  let copy: PyVal;
  if (self instanceof PyDictRevIterObject) {
    const c = new PyDictRevIterObject(self.ob_type, self.di_dict ?? PyDict_New(), self.kind);
    c.di_dict = self.di_dict; c.di_pos = self.di_pos; c.di_used = self.di_used;
    copy = c;
  } else {
    const it = self as PyDictIterObject;
    const c = new PyDictIterObject(it.ob_type, it.di_dict ?? PyDict_New(), it.kind);
    c.di_dict = it.di_dict; c.di_pos = it.di_pos; c.di_used = it.di_used; c.len = it.len;
    copy = c;
  }
  const next = Py_TYPE(copy).tp_iternext!;
  for (let v = next(copy); v !== undefined; v = next(copy)) items.push(v);
  return PyTuple_New([_PyEval_GetBuiltin("iter"), PyTuple_New([PyList_New(items)])]);
}

function selfIter(self: PyVal): PyVal {
  return self;
}

function dictiter_length_hint(self: PyVal): PyVal {
  const it = self as PyDictIterObject;
  return it.di_dict !== null && it.di_used === it.di_dict.ma_used ? it.len : 0;
}

export const PyDictIterKey_Type = PyType_FromSpecStatic({
  name: "dict_keyiterator",
  slots: { tp_iter: selfIter, tp_iternext: dictiter_iternext },
  methods: [{ name: "__length_hint__", meth: dictiter_length_hint, flags: METH_NOARGS }, ..._PyIter_PickleMethods(dictiter_reduce, null)],
});
export const PyDictIterValue_Type = PyType_FromSpecStatic({
  name: "dict_valueiterator",
  slots: { tp_iter: selfIter, tp_iternext: dictiter_iternext },
  methods: [{ name: "__length_hint__", meth: dictiter_length_hint, flags: METH_NOARGS }, ..._PyIter_PickleMethods(dictiter_reduce, null)],
});
export const PyDictIterItem_Type = PyType_FromSpecStatic({
  name: "dict_itemiterator",
  slots: { tp_iter: selfIter, tp_iternext: dictiter_iternext },
  methods: [{ name: "__length_hint__", meth: dictiter_length_hint, flags: METH_NOARGS }, ..._PyIter_PickleMethods(dictiter_reduce, null)],
});

const iterTypes = [PyDictIterKey_Type, PyDictIterValue_Type, PyDictIterItem_Type];

function dict_iter(self: PyVal): PyVal {
  return new PyDictIterObject(PyDictIterKey_Type, self as PyDictObject, DICT_KEYS);
}

function dictview_iter(self: PyVal): PyVal {
  const v = self as PyDictViewObject;
  return new PyDictIterObject(iterTypes[v.kind], v.dv_dict, v.kind);
}

function dictview_len(self: PyVal): number {
  return (self as PyDictViewObject).dv_dict.ma_used;
}

function dictview_repr(self: PyVal): PyUnicodeObject {
  const v = self as PyDictViewObject;
  if (!Py_ReprEnter(v)) return PyUnicode_FromString("...");
  try {
    const items: string[] = [];
    const it = dictview_iter(v);
    for (let x = dictiter_iternext(it); x !== undefined; x = dictiter_iternext(it)) items.push(PyObject_Repr(x).value);
    return PyUnicode_FromString(`${v.ob_type.tp_name}([${items.join(", ")}])`);
  } finally {
    Py_ReprLeave(v);
  }
}

function dictkeys_contains(self: PyVal, key: PyVal): boolean {
  return PyDict_GetItem((self as PyDictViewObject).dv_dict, key) !== undefined;
}

function dictitems_contains(self: PyVal, item: PyVal): boolean {
  if (!(item instanceof PyTupleObject) || item.ob_item.length !== 2) return false;
  const v = PyDict_GetItem((self as PyDictViewObject).dv_dict, item.ob_item[0]);
  return v !== undefined && PyObject_RichCompareBool(v, item.ob_item[1], Py_EQ);
}

function dictvalues_contains(self: PyVal, x: PyVal): boolean {
  const d = (self as PyDictViewObject).dv_dict;
  for (let j = 0; j < d.dk_nentries; j++) {
    if (d.me_key[j] !== null && PyObject_RichCompareBool(d.me_value[j]!, x, Py_EQ)) return true;
  }
  return false;
}

export const PyDictKeys_Type = PyType_FromSpecStatic({
  name: "dict_keys",
  slots: { tp_iter: dictview_iter, sq_length: dictview_len, tp_repr: dictview_repr, sq_contains: dictkeys_contains,
    tp_richcompare: (a, b, op) => dictview_richcompare(a, b, op), tp_hash: null, ...viewSetSlots() },
  methods: [{ name: "__reversed__", meth: (s: PyVal) => dictview_reversed(s), flags: METH_NOARGS },
    { name: "isdisjoint", meth: (s: PyVal, o: PyVal) => dictview_isdisjoint(s, o), flags: METH_O }],
  getset: [{ name: "mapping", get: (s: PyVal) => mappingProxyHook((s as PyDictViewObject).dv_dict) }],
});
export const PyDictValues_Type = PyType_FromSpecStatic({
  name: "dict_values",
  slots: { tp_iter: dictview_iter, sq_length: dictview_len, tp_repr: dictview_repr, sq_contains: dictvalues_contains },
  methods: [{ name: "__reversed__", meth: (s: PyVal) => dictview_reversed(s), flags: METH_NOARGS }],
  getset: [{ name: "mapping", get: (s: PyVal) => mappingProxyHook((s as PyDictViewObject).dv_dict) }],
});
export const PyDictItems_Type = PyType_FromSpecStatic({
  name: "dict_items",
  slots: { tp_iter: dictview_iter, sq_length: dictview_len, tp_repr: dictview_repr, sq_contains: dictitems_contains,
    tp_richcompare: (a, b, op) => dictview_richcompare(a, b, op), tp_hash: null, ...viewSetSlots() },
  methods: [{ name: "__reversed__", meth: (s: PyVal) => dictview_reversed(s), flags: METH_NOARGS },
    { name: "isdisjoint", meth: (s: PyVal, o: PyVal) => dictview_isdisjoint(s, o), flags: METH_O }],
  getset: [{ name: "mapping", get: (s: PyVal) => mappingProxyHook((s as PyDictViewObject).dv_dict) }],
});

// Set operations on keys and items views (dictviews_or/and/sub/xor): the result is a set.
function viewSetOp(name: "union" | "intersection" | "difference" | "symmetric_difference") {
  return (a: PyVal, b: PyVal): PyVal => {
    let self = a, other = b;
    if (name === "intersection" && !(self instanceof PyDictViewObject)) { self = b; other = a; }
    const result = PySet_FromIterable(self);
    const meth = PyObject_GetAttrStr(result, name === "union" ? "update" : `${name}_update`)!;
    PyObject_CallOneArgLocal(meth, other);
    return result;
  };
}
function PyObject_CallOneArgLocal(f: PyVal, a: PyVal): PyVal {
  return callOne(f, a);
}
/** Comparison of keys/items views with sets and other views, as sets (dictview_richcompare). */
function dictview_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  const t = Py_TYPE(b);
  const setLike = t.tp_name === "set" || t.tp_name === "frozenset" || t === PyDictKeys_Type || t === PyDictItems_Type ||
    t.mro.some((x) => x.tp_name === "set" || x.tp_name === "frozenset");
  if (!setLike) return Py_NotImplemented;
  const la = dictview_len(a);
  const lb = typeof b !== "number" && Py_TYPE(b).sq_length !== null ? Py_TYPE(b).sq_length!(b) : 0;
  const within = (x: PyVal, y: PyVal): boolean => {
    const it = PyObject_GetIter(x);
    for (let k = PyIter_Next(it); k !== undefined; k = PyIter_Next(it)) {
      if (!(Py_TYPE(y).sq_contains!(y, k))) return false;
    }
    return true;
  };
  let r: boolean;
  switch (op) {
    case Py_EQ: r = la === lb && within(a, b); break;
    case Py_NE: r = !(la === lb && within(a, b)); break;
    case 0: r = la < lb && within(a, b); break;
    case 1: r = la <= lb && within(a, b); break;
    case 4: r = la > lb && within(b, a); break;
    default: r = la >= lb && within(b, a); break;
  }
  return PyBool_FromLong(r);
}

function dictview_isdisjoint(self: PyVal, other: PyVal): PyVal {
  const it = PyObject_GetIter(other);
  for (let k = PyIter_Next(it); k !== undefined; k = PyIter_Next(it)) {
    if (Py_TYPE(self).sq_contains!(self, k)) return PyBool_FromLong(false);
  }
  return PyBool_FromLong(true);
}

const viewNumberSlots = {
  nb_or: viewSetOp("union"), nb_and: viewSetOp("intersection"),
  nb_subtract: viewSetOp("difference"), nb_xor: viewSetOp("symmetric_difference"),
};

function dict_keys(self: PyVal): PyVal {
  return new PyDictViewObject(PyDictKeys_Type, self as PyDictObject, DICT_KEYS);
}
function dict_values(self: PyVal): PyVal {
  return new PyDictViewObject(PyDictValues_Type, self as PyDictObject, DICT_VALUES);
}
function dict_items(self: PyVal): PyVal {
  return new PyDictViewObject(PyDictItems_Type, self as PyDictObject, DICT_ITEMS);
}

function dict_or(a: PyVal, b: PyVal): PyVal {
  if (!PyDict_Check(a) || !PyDict_Check(b)) return Py_NotImplemented;
  const c = PyDict_Copy(a);
  PyDict_Merge(c, b, true);
  return c;
}

function dict_ior(a: PyVal, b: PyVal): PyVal {
  dict_update_arg(a as PyDictObject, b);
  return a;
}

function dict_sizeof(self: PyVal): PyVal {
  _PyDict_Refresh(self as PyDictObject);
  return 48 + 8 * (self as PyDictObject).dk_indices.length;
}

/** Reverse iterators (dictreviter_iternext): walk the entries from the end, checking for size changes. */
export class PyDictRevIterObject extends PyObject {
  di_dict: PyDictObject | null;
  di_pos: number;
  di_used: number;
  kind: number;
  constructor(type: PyTypeObject, d: PyDictObject, kind: number) {
    super(type);
    this.di_dict = d;
    this.di_pos = d.dk_nentries - 1;
    this.di_used = d.ma_used;
    this.kind = kind;
  }
}

function dictreviter_iternext(self: PyVal): PyVal | undefined {
  const it = self as PyDictRevIterObject;
  const d = it.di_dict;
  if (d === null) return undefined;
  if (it.di_used !== d.ma_used) {
    it.di_used = -1;
    return PyErr_Format(PyExc_RuntimeError, "dictionary changed size during iteration");
  }
  let j = it.di_pos;
  while (j >= 0 && d.me_key[j] === null) j--;
  if (j < 0) { it.di_dict = null; return undefined; }
  it.di_pos = j - 1;
  switch (it.kind) {
    case DICT_KEYS: return d.me_key[j]!;
    case DICT_VALUES: return d.me_value[j]!;
    default: return PyTuple_New([d.me_key[j]!, d.me_value[j]!]);
  }
}

export const PyDictRevIterKey_Type = PyType_FromSpecStatic({
  name: "dict_reversekeyiterator", slots: { tp_iter: (s) => s, tp_iternext: dictreviter_iternext },
  methods: _PyIter_PickleMethods(dictiter_reduce, null),
});
export const PyDictRevIterValue_Type = PyType_FromSpecStatic({
  name: "dict_reversevalueiterator", slots: { tp_iter: (s) => s, tp_iternext: dictreviter_iternext },
  methods: _PyIter_PickleMethods(dictiter_reduce, null),
});
export const PyDictRevIterItem_Type = PyType_FromSpecStatic({
  name: "dict_reverseitemiterator", slots: { tp_iter: (s) => s, tp_iternext: dictreviter_iternext },
  methods: _PyIter_PickleMethods(dictiter_reduce, null),
});
const revIterTypes = [PyDictRevIterKey_Type, PyDictRevIterValue_Type, PyDictRevIterItem_Type];

function dict_reversed(self: PyVal): PyVal {
  return new PyDictRevIterObject(PyDictRevIterKey_Type, self as PyDictObject, DICT_KEYS);
}

function dictview_reversed(self: PyVal): PyVal {
  const v = self as PyDictViewObject;
  return new PyDictRevIterObject(revIterTypes[v.kind], v.dv_dict, v.kind);
}

export const PyDict_Type = PyType_FromSpecStatic({
  name: "dict",
  flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DICT_SUBCLASS | Py_TPFLAGS_MAPPING,
  doc: "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)",
  slots: {
    tp_repr: dict_repr, tp_hash: null, tp_richcompare: dict_richcompare, tp_iter: dict_iter,
    tp_new: dict_new, tp_init: dict_init,
    mp_length: dict_length, mp_subscript: dict_subscript, mp_ass_subscript: dict_ass_sub,
    sq_contains: dict_contains, nb_or: dict_or, nb_inplace_or: dict_ior,
  },
  methods: [
    { name: "get", meth: dict_get, flags: METH_FASTCALL, doc: "Return the value for key if key is in the dictionary, else default." },
    { name: "setdefault", meth: dict_setdefault, flags: METH_FASTCALL },
    { name: "pop", meth: dict_pop, flags: METH_FASTCALL },
    { name: "popitem", meth: dict_popitem, flags: METH_NOARGS },
    { name: "keys", meth: dict_keys, flags: METH_NOARGS },
    { name: "values", meth: dict_values, flags: METH_NOARGS },
    { name: "items", meth: dict_items, flags: METH_NOARGS },
    { name: "update", meth: dict_update, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "clear", meth: dict_clear, flags: METH_NOARGS },
    { name: "copy", meth: dict_copy, flags: METH_NOARGS },
    { name: "fromkeys", meth: dict_fromkeys, flags: METH_FASTCALL | METH_CLASS },
    { name: "__sizeof__", meth: dict_sizeof, flags: METH_NOARGS },
    { name: "__reversed__", meth: dict_reversed, flags: METH_NOARGS },
  ],
});
