// set and frozenset: CPython's open-addressing table (LINEAR_PROBES=9 runs, then perturbation), its resize policy,
// merge shortcuts and frozenset hash, so iteration orders equal CPython's. Counterpart: Objects/setobject.c.
// See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, PyUnicode_Type, PyBaseObject_Type, Py_HashHi, Py_None,
  Py_NotImplemented, Py_EQ, Py_NE, Py_LT, Py_LE, Py_GT, Py_GE, METH_NOARGS, METH_O, METH_FASTCALL,
  Py_TPFLAGS_BASETYPE, Py_TPFLAGS_MATCH_SELF, type PyVal, PyUnicodeObject,
} from "./object.js";
import { PyErr_Format, PyErr_SetKeyError, Py_ReprEnter, Py_ReprLeave } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_KeyError, PyExc_RuntimeError, PyBaseExceptionObject } from "./exceptions.js";
import { PyObject_Hash, PyObject_RichCompareBool, PyObject_Repr, PyObject_GetIter, PyIter_Next, PyType_IsSubtype,
  PyObject_IsTrue, _PyObject_LookupAttr } from "./abstract.js";
import { unicode_hash, PyUnicode_FromString } from "./unicodeobject.js";
import { PyTuple_New } from "./tupleobject.js";
import { PyList_New } from "./listobject.js";
import { PyDictObject, PyDict_CheckExact, PyDict_GetItem, PyDict_GetItemString, _PyDict_Refresh,
  _PyDict_Contains_KnownHash, dictSetHooks } from "./dictobject.js";
import { getBuiltins } from "../runtime/bltinmodule.js";
import { PyBool_FromLong } from "./boolobject.js";
import { unpackArgs, checkNoKwargs } from "../runtime/getargs.js";
import { PyObject_CallNoArgs } from "./abstract.js";
import { PyUnicode_InternFromString } from "./object.js";
import { snapshotRecording, _PySnapshot_Record } from "../runtime/snapshot_registry.js";

const PySet_MINSIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;

/** The key stored in deleted slots (its hash is -1, which no live key has). */
const dummy = new PyObject(PyBaseObject_Type);

export const PySet_Type = PyType_Declare("set");
export const PyFrozenSet_Type = PyType_Declare("frozenset");
export const PySetIter_Type = PyType_Declare("set_iterator");

export class PySetObject extends PyObject {
  /** Active + dummy slots. */
  fill: number;
  /** Active slots. */
  used: number;
  mask: number;
  /** The table: null = unused (hash 0), `dummy` = deleted (hash -1), else an active key. */
  table: (PyVal | null)[];
  hashLo: Int32Array;
  hashHi: Int32Array;
  /** frozenset's cached hash (CPython's so->hash; hashed false means -1). */
  hash: number;
  hashHiCached: number;
  hashed: boolean;
  /** Where set.pop resumes its search. */
  finger: number;
  constructor(type: PyTypeObject) {
    super(type);
    this.fill = 0;
    this.used = 0;
    this.mask = PySet_MINSIZE - 1;
    this.table = new Array<PyVal | null>(PySet_MINSIZE).fill(null);
    this.hashLo = new Int32Array(PySet_MINSIZE);
    this.hashHi = new Int32Array(PySet_MINSIZE);
    this.hash = 0;
    this.hashHiCached = 0;
    this.hashed = false;
    this.finger = 0;
    if (snapshotRecording) _PySnapshot_Record(this);
  }
}

export function PyAnySet_Check(v: PyVal): v is PySetObject {
  if (typeof v === "number") return false;
  const t = v.ob_type;
  return t === PySet_Type || t === PyFrozenSet_Type || PyType_IsSubtype(t, PySet_Type) ||
    PyType_IsSubtype(t, PyFrozenSet_Type);
}
export function PyAnySet_CheckExact(v: PyVal): v is PySetObject {
  return typeof v !== "number" && (v.ob_type === PySet_Type || v.ob_type === PyFrozenSet_Type);
}
export function PySet_Check(v: PyVal): v is PySetObject {
  return typeof v !== "number" && (v.ob_type === PySet_Type || PyType_IsSubtype(v.ob_type, PySet_Type));
}
export function PyFrozenSet_CheckExact(v: PyVal): v is PySetObject {
  return typeof v !== "number" && v.ob_type === PyFrozenSet_Type;
}
function isFrozenSet(v: PySetObject): boolean {
  return v.ob_type === PyFrozenSet_Type || PyType_IsSubtype(v.ob_type, PyFrozenSet_Type);
}

/** _PyObject_HashFast: the cached hash of an exact str, else PyObject_Hash (high word in Py_HashHi[0]). */
function hashFast(key: PyVal): number {
  if (typeof key !== "number" && key.ob_type === PyUnicode_Type) {
    const u = key as PyUnicodeObject;
    if (u.hashed) { Py_HashHi[0] = u.hashHi; return u.hashLo; }
    return unicode_hash(u);
  }
  return PyObject_Hash(key);
}

function isExactStrEqual(a: PyVal, b: PyVal): boolean {
  return typeof a !== "number" && typeof b !== "number" && a.ob_type === PyUnicode_Type && b.ob_type === PyUnicode_Type &&
    (a as PyUnicodeObject).value === (b as PyUnicodeObject).value;
}

// ---- probing (set_lookkey, set_add_entry, set_insert_clean) ----

/** The slot index holding key, or the index of the unused slot ending the search when absent (set_lookkey). */
function set_lookkey(so: PySetObject, key: PyVal, lo: number, hi: number): number {
  restart: for (;;) {
    let mask = so.mask;
    let i = lo & mask;
    let plo = lo | 0, phi = hi | 0;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const startkey = so.table[j];
        if (startkey === null && so.hashLo[j] === 0 && so.hashHi[j] === 0) return j;
        if (so.hashLo[j] === lo && so.hashHi[j] === hi) {
          if (startkey === key) return j;
          if (isExactStrEqual(startkey!, key)) return j;
          const table = so.table;
          const cmp = PyObject_RichCompareBool(startkey!, key, Py_EQ);
          if (table !== so.table || so.table[j] !== startkey) continue restart;
          if (cmp) return j;
          mask = so.mask;
        }
        j++;
      } while (probes-- > 0);
      plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + 1 + plo) & mask;
    }
  }
}

function set_contains_entry(so: PySetObject, key: PyVal, lo: number, hi: number): boolean {
  return so.table[set_lookkey(so, key, lo, hi)] !== null;
}

function set_add_entry(so: PySetObject, key: PyVal, lo: number, hi: number): void {
  restart: for (;;) {
    let mask = so.mask;
    let i = lo & mask;
    let freeslot = -1;
    let plo = lo | 0, phi = hi | 0;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const startkey = so.table[j];
        const elo = so.hashLo[j], ehi = so.hashHi[j];
        if (startkey === null && elo === 0 && ehi === 0) {
          if (freeslot >= 0) {
            so.used++;
            so.table[freeslot] = key;
            so.hashLo[freeslot] = lo;
            so.hashHi[freeslot] = hi;
            return;
          }
          so.fill++;
          so.used++;
          so.table[j] = key;
          so.hashLo[j] = lo;
          so.hashHi[j] = hi;
          if (so.fill * 5 < mask * 3) return;
          set_table_resize(so, so.used > 50000 ? so.used * 2 : so.used * 4);
          return;
        }
        if (elo === lo && ehi === hi) {
          if (startkey === key) return;
          if (isExactStrEqual(startkey!, key)) return;
          const table = so.table;
          const cmp = PyObject_RichCompareBool(startkey!, key, Py_EQ);
          if (cmp) return;
          if (table !== so.table || so.table[j] !== startkey) continue restart;
          mask = so.mask;
        } else if (elo === -1 && ehi === -1) {
          freeslot = j;
        }
        j++;
      } while (probes-- > 0);
      plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + 1 + plo) & mask;
    }
  }
}

function set_insert_clean(table: (PyVal | null)[], hl: Int32Array, hh: Int32Array, mask: number, key: PyVal, lo: number,
  hi: number): void {
  let i = lo & mask;
  let plo = lo | 0, phi = hi | 0;
  for (;;) {
    if (table[i] === null) { table[i] = key; hl[i] = lo; hh[i] = hi; return; }
    if (i + LINEAR_PROBES <= mask) {
      for (let j = i + 1; j <= i + LINEAR_PROBES; j++) {
        if (table[j] === null) { table[j] = key; hl[j] = lo; hh[j] = hi; return; }
      }
    }
    plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
    phi = phi >>> PERTURB_SHIFT;
    i = (i * 5 + 1 + plo) & mask;
  }
}

function set_table_resize(so: PySetObject, minused: number): void {
  let newsize = PySet_MINSIZE;
  while (newsize <= minused) newsize *= 2;
  const oldtable = so.table, oldlo = so.hashLo, oldhi = so.hashHi;
  if (newsize === PySet_MINSIZE && oldtable.length === PySet_MINSIZE && so.fill === so.used) return;
  const table = new Array<PyVal | null>(newsize).fill(null);
  const hl = new Int32Array(newsize), hh = new Int32Array(newsize);
  const newmask = newsize - 1;
  if (so.fill !== so.used) so.fill = so.used;
  for (let k = 0; k < oldtable.length; k++) {
    const key = oldtable[k];
    if (key !== null && key !== dummy) set_insert_clean(table, hl, hh, newmask, key, oldlo[k], oldhi[k]);
  }
  so.table = table;
  so.hashLo = hl;
  so.hashHi = hh;
  so.mask = newmask;
}

/** 1 found and removed, 0 absent (set_discard_entry). */
function set_discard_entry(so: PySetObject, key: PyVal, lo: number, hi: number): number {
  const j = set_lookkey(so, key, lo, hi);
  if (so.table[j] === null) return 0;
  so.table[j] = dummy;
  so.hashLo[j] = -1;
  so.hashHi[j] = -1;
  so.used--;
  return 1;
}

function set_add_key(so: PySetObject, key: PyVal): void {
  const lo = hashFast(key);
  set_add_entry(so, key, lo, Py_HashHi[0]);
}
function set_contains_key(so: PySetObject, key: PyVal): boolean {
  const lo = hashFast(key);
  return set_contains_entry(so, key, lo, Py_HashHi[0]);
}
function set_discard_key(so: PySetObject, key: PyVal): number {
  const lo = hashFast(key);
  return set_discard_entry(so, key, lo, Py_HashHi[0]);
}

function set_empty_to_minsize(so: PySetObject): void {
  so.table = new Array<PyVal | null>(PySet_MINSIZE).fill(null);
  so.hashLo = new Int32Array(PySet_MINSIZE);
  so.hashHi = new Int32Array(PySet_MINSIZE);
  so.fill = 0;
  so.used = 0;
  so.mask = PySet_MINSIZE - 1;
  so.hashed = false;
}

function set_clear_internal(so: PySetObject): void {
  set_empty_to_minsize(so);
}

/** The active slots' indices in table order (set_next over the whole table). */
/** The indices of the set's live entries now. Comparisons may mutate the set while a caller walks them (test_set's
 *  mutating __eq__): a slot may then be empty or beyond the table (undefined), and the callers skip it. */
function activeSlots(so: PySetObject): number[] {
  const out: number[] = [];
  const t = so.table;
  for (let i = 0; i <= so.mask; i++) {
    const k = t[i];
    if (k !== null && k !== dummy) out.push(i);
  }
  return out;
}

/** dict.fromkeys over an exact set or frozenset takes the stored hashes (_PyDict_FromKeys); installed at start-up
 *  (dictobject.ts loads after this file in some import orders). */
export function _PySet_InstallDictFromKeys(): void {
  dictSetHooks.entries = setEntries;
}
function setEntries(v: PyVal): [PyVal[], number[], number[]] | null {
  if (!(v instanceof PySetObject) || (v.ob_type !== PySet_Type && v.ob_type !== PyFrozenSet_Type)) return null;
  const keys: PyVal[] = [], lo: number[] = [], hi: number[] = [];
  for (let i = 0; i <= v.mask; i++) {
    const k = v.table[i];
    if (k !== null && k !== dummy) { keys.push(k); lo.push(v.hashLo[i]); hi.push(v.hashHi[i]); }
  }
  return [keys, lo, hi];
}

/** The keys in iteration order. */
export function setItems(so: PySetObject): PyVal[] {
  const out: PyVal[] = [];
  const t = so.table;
  for (let i = 0; i <= so.mask; i++) {
    const k = t[i];
    if (k !== null && k !== dummy) out.push(k);
  }
  return out;
}

// ---- merging and updating ----

function set_merge(so: PySetObject, other: PySetObject): void {
  if (other === so || other.used === 0) return;
  if ((so.fill + other.used) * 5 >= so.mask * 3) set_table_resize(so, (so.used + other.used) * 2);
  if (so.fill === 0 && so.mask === other.mask && other.fill === other.used) {
    for (let i = 0; i <= other.mask; i++) {
      const key = other.table[i];
      if (key !== null) {
        so.table[i] = key;
        so.hashLo[i] = other.hashLo[i];
        so.hashHi[i] = other.hashHi[i];
      }
    }
    so.fill = other.fill;
    so.used = other.used;
    return;
  }
  if (so.fill === 0) {
    so.fill = other.used;
    so.used = other.used;
    for (let i = 0; i <= other.mask; i++) {
      const key = other.table[i];
      if (key !== null && key !== dummy) {
        set_insert_clean(so.table, so.hashLo, so.hashHi, so.mask, key, other.hashLo[i], other.hashHi[i]);
      }
    }
    return;
  }
  // Snapshot: a comparison in set_add_entry may mutate `other`.
  const keys = other.table.slice(), hl = other.hashLo.slice(), hh = other.hashHi.slice();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== null && key !== dummy) set_add_entry(so, key, hl[i], hh[i]);
  }
}

function set_update_dict(so: PySetObject, other: PyDictObject): void {
  const dictsize = other.ma_used;
  if ((so.fill + dictsize) * 5 >= so.mask * 3) set_table_resize(so, (so.used + dictsize) * 2);
  _PyDict_Refresh(other);
  const n = other.dk_nentries;
  const keys = other.me_key.slice(0, n), hl = other.me_hashlo.slice(0, n), hh = other.me_hashhi.slice(0, n);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (k !== null) set_add_entry(so, k, hl[i], hh[i]);
  }
}

function set_update_iterable(so: PySetObject, other: PyVal): void {
  const it = PyObject_GetIter(other);
  for (let key = PyIter_Next(it); key !== undefined; key = PyIter_Next(it)) set_add_key(so, key);
}

/** set.update(other) for one argument (set_update_internal; SET_UPDATE). */
export function set_update_internal(so: PySetObject, other: PyVal): void {
  if (PyAnySet_Check(other)) set_merge(so, other);
  else if (PyDict_CheckExact(other)) set_update_dict(so, other);
  else set_update_iterable(so, other);
}

function make_new_set(type: PyTypeObject, iterable: PyVal | null): PySetObject {
  const so = new PySetObject(type);
  if (iterable !== null) set_update_internal(so, iterable);
  return so;
}

function make_new_set_basetype(type: PyTypeObject, iterable: PyVal | null): PySetObject {
  if (type !== PySet_Type && type !== PyFrozenSet_Type) {
    type = PyType_IsSubtype(type, PySet_Type) ? PySet_Type : PyFrozenSet_Type;
  }
  return make_new_set(type, iterable);
}

// ---- the public C API used by the evaluation loop, marshal and other modules ----

/** BUILD_SET and marshal's set: a new set with the items added in order (PySet_New(NULL) + PySet_Add). */
export function PySet_New(items: readonly PyVal[]): PySetObject {
  const so = new PySetObject(PySet_Type);
  for (let i = 0; i < items.length; i++) set_add_key(so, items[i]);
  return so;
}
export function PyFrozenSet_New(items: readonly PyVal[]): PySetObject {
  const so = new PySetObject(PyFrozenSet_Type);
  for (let i = 0; i < items.length; i++) set_add_key(so, items[i]);
  return so;
}
/** set(iterable) / frozenset(iterable) of an exact type (make_new_set). */
export function PySet_FromIterable(iterable: PyVal, frozen = false): PySetObject {
  return make_new_set(frozen ? PyFrozenSet_Type : PySet_Type, iterable);
}
export function PySet_Add(so: PySetObject, key: PyVal): void {
  set_add_key(so, key);
}
export function PySet_Size(so: PySetObject): number {
  return so.used;
}
export function PySet_Contains(so: PySetObject, key: PyVal): boolean {
  return set_contains(so, key);
}
export function PySet_Discard(so: PySetObject, key: PyVal): boolean {
  return set_discard_key(so, key) === 1;
}


// ---- slots ----

function set_repr(self: PyVal): PyUnicodeObject {
  const so = self as PySetObject;
  const name = so.ob_type.tp_name;
  if (!Py_ReprEnter(so)) return PyUnicode_FromString(`${name}(...)`);
  try {
    if (so.used === 0) return PyUnicode_FromString(`${name}()`);
    const listrepr = PyObject_Repr(PyList_New(setItems(so))).value;
    const inner = listrepr.slice(1, -1);
    if (so.ob_type !== PySet_Type) return PyUnicode_FromString(`${name}({${inner}})`);
    return PyUnicode_FromString(`{${inner}}`);
  } finally {
    Py_ReprLeave(so);
  }
}

function set_len(self: PyVal): number {
  return (self as PySetObject).used;
}

function isTypeError(e: unknown): boolean {
  return e instanceof PyBaseExceptionObject && PyType_IsSubtype(e.ob_type, PyExc_TypeError);
}

function set_contains(self: PyVal, key: PyVal): boolean {
  const so = self as PySetObject;
  try {
    return set_contains_key(so, key);
  } catch (e) {
    if (!PySet_Check(key) || !isTypeError(e)) throw e;
  }
  return set_contains_key(so, make_new_set(PyFrozenSet_Type, key));
}

function set_richcompare(v: PyVal, w: PyVal, op: number): PyVal {
  const so = v as PySetObject;
  if (!PyAnySet_Check(w)) return Py_NotImplemented;
  switch (op) {
    case Py_EQ:
      if (so.used !== w.used) return PyBool_FromLong(false);
      if (so.hashed && w.hashed && (so.hash !== w.hash || so.hashHiCached !== w.hashHiCached)) return PyBool_FromLong(false);
      return set_issubset(so, w);
    case Py_NE:
      return PyBool_FromLong(!PyObject_IsTrue(set_richcompare(v, w, Py_EQ)));
    case Py_LE:
      return set_issubset(so, w);
    case Py_GE:
      return set_issuperset(so, w);
    case Py_LT:
      if (so.used >= w.used) return PyBool_FromLong(false);
      return set_issubset(so, w);
    case Py_GT:
      if (so.used <= w.used) return PyBool_FromLong(false);
      return set_issuperset(so, w);
    default:
      return Py_NotImplemented;
  }
}

// frozenset_hash works on unsigned 64-bit values; BigInt keeps it exact (hashing a frozenset is not a hot path).
const M64 = (1n << 64n) - 1n;
function _shuffle_bits(h: bigint): bigint {
  return (((h ^ 89869747n) ^ ((h << 16n) & M64)) * 3644798167n) & M64;
}
function u64(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

function frozenset_hash(self: PyVal): number {
  const so = self as PySetObject;
  if (so.hashed) { Py_HashHi[0] = so.hashHiCached; return so.hash; }
  let hash = 0n;
  for (let i = 0; i <= so.mask; i++) hash ^= _shuffle_bits(u64(so.hashLo[i], so.hashHi[i]));
  if (((so.mask + 1 - so.fill) & 1) !== 0) hash ^= _shuffle_bits(0n);
  if (((so.fill - so.used) & 1) !== 0) hash ^= _shuffle_bits(M64);
  hash ^= ((BigInt(so.used) + 1n) * 1927868237n) & M64;
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = (hash * 69069n + 907133923n) & M64;
  if (hash === M64) hash = 590923713n;
  so.hash = Number(hash & 0xffffffffn) | 0;
  so.hashHiCached = Number(hash >> 32n) | 0;
  so.hashed = true;
  Py_HashHi[0] = so.hashHiCached;
  return so.hash;
}

// ---- iterator ----

export class PySetIterObject extends PyObject {
  si_set: PySetObject | null;
  si_used: number;
  si_pos: number;
  len: number;
  constructor(so: PySetObject) {
    super(PySetIter_Type);
    this.si_set = so;
    this.si_used = so.used;
    this.si_pos = 0;
    this.len = so.used;
  }
}

function set_iter(self: PyVal): PyVal {
  return new PySetIterObject(self as PySetObject);
}

function setiter_iternext(self: PyVal): PyVal | undefined {
  const si = self as PySetIterObject;
  const so = si.si_set;
  if (so === null) return undefined;
  if (si.si_used !== so.used) {
    si.si_used = -1;
    return PyErr_Format(PyExc_RuntimeError, "Set changed size during iteration");
  }
  let i = si.si_pos;
  const t = so.table, mask = so.mask;
  while (i <= mask && (t[i] === null || t[i] === dummy)) i++;
  si.si_pos = i + 1;
  if (i > mask) {
    si.si_set = null;
    return undefined;
  }
  si.len--;
  return t[i]!;
}

function setiter_len(self: PyVal): PyVal {
  const si = self as PySetIterObject;
  return si.si_set !== null && si.si_used === si.si_set.used ? si.len : 0;
}

function setiter_reduce(self: PyVal): PyVal {
  const si = self as PySetIterObject;
  const items: PyVal[] = [];
  const so = si.si_set;
  if (so !== null) {
    for (let i = si.si_pos; i <= so.mask; i++) {
      const k = so.table[i];
      if (k !== null && k !== dummy) items.push(k);
    }
  }
  return PyTuple_New([builtinIter(), PyTuple_New([PyList_New(items)])]);
}

/** builtins.iter, for __reduce__ results. */
function builtinIter(): PyVal {
  return PyDict_GetItemString(getBuiltins().dict!, "iter") ?? Py_None;
}

PyType_FromSpecStatic({
  name: "set_iterator",
  slots: { tp_iter: (s) => s, tp_iternext: setiter_iternext },
  methods: [
    { name: "__length_hint__", meth: setiter_len, flags: METH_NOARGS, doc: "Private method returning an estimate of len(list(it))." },
    { name: "__reduce__", meth: setiter_reduce, flags: METH_NOARGS, doc: "Return state information for pickling." },
  ],
}, PySetIter_Type);

// ---- constructors ----

function set_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  void args; void kwnames;
  return new PySetObject(type);
}

function set_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const so = self as PySetObject;
  checkNoKwargs("set", kwnames);
  const [iterable] = unpackArgs(so.ob_type.tp_name, args, 0, 1);
  if (so.fill) set_clear_internal(so);
  so.hashed = false;
  if (iterable === undefined) return;
  set_update_internal(so, iterable);
}

function frozenset_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  if (type === PyFrozenSet_Type || type.tp_init === PyFrozenSet_Type.tp_init) checkNoKwargs("frozenset", kwnames);
  const nkw = kwnames === null ? 0 : kwnames.length;
  const [iterable] = unpackArgs(type.tp_name, args.slice(0, args.length - nkw), 0, 1);
  if (type !== PyFrozenSet_Type) return make_new_set(type, iterable ?? null);
  if (iterable !== undefined && PyFrozenSet_CheckExact(iterable)) return iterable;
  return make_new_set(type, iterable ?? null);
}

// ---- methods ----

function set_copy(self: PyVal): PyVal {
  const so = self as PySetObject;
  const copy = make_new_set_basetype(so.ob_type, null);
  set_merge(copy, so);
  return copy;
}

function frozenset_copy(self: PyVal): PyVal {
  if (PyFrozenSet_CheckExact(self)) return self;
  return set_copy(self);
}

function set_clear(self: PyVal): PyVal {
  set_clear_internal(self as PySetObject);
  return Py_None;
}

function set_pop(self: PyVal): PyVal {
  const so = self as PySetObject;
  if (so.used === 0) return PyErr_Format(PyExc_KeyError, "pop from an empty set");
  let i = so.finger & so.mask;
  while (so.table[i] === null || so.table[i] === dummy) {
    i++;
    if (i > so.mask) i = 0;
  }
  const key = so.table[i]!;
  so.table[i] = dummy;
  so.hashLo[i] = -1;
  so.hashHi[i] = -1;
  so.used--;
  so.finger = i + 1;
  return key;
}

function set_add(self: PyVal, key: PyVal): PyVal {
  set_add_key(self as PySetObject, key);
  return Py_None;
}

function set___contains__(self: PyVal, key: PyVal): PyVal {
  return PyBool_FromLong(set_contains(self, key));
}

/** set.discard/remove: an unhashable set argument is looked up as a frozenset. */
function discardWithFrozenRetry(so: PySetObject, key: PyVal): number {
  try {
    return set_discard_key(so, key);
  } catch (e) {
    if (!PySet_Check(key) || !isTypeError(e)) throw e;
  }
  return set_discard_key(so, make_new_set(PyFrozenSet_Type, key));
}

function set_remove(self: PyVal, key: PyVal): PyVal {
  if (discardWithFrozenRetry(self as PySetObject, key) === 0) PyErr_SetKeyError(key);
  return Py_None;
}

function set_discard(self: PyVal, key: PyVal): PyVal {
  discardWithFrozenRetry(self as PySetObject, key);
  return Py_None;
}

function set_update(self: PyVal, args: readonly PyVal[]): PyVal {
  for (const other of args) set_update_internal(self as PySetObject, other);
  return Py_None;
}

function set_union(self: PyVal, args: readonly PyVal[]): PyVal {
  const result = set_copy(self) as PySetObject;
  for (const other of args) {
    if (other === self) continue;
    set_update_internal(result, other);
  }
  return result;
}

function set_intersection(so: PySetObject, other: PyVal): PySetObject {
  if (so === other) return set_copy(so) as PySetObject;
  const result = make_new_set_basetype(so.ob_type, null);
  if (PyAnySet_Check(other)) {
    let a = so, b: PySetObject = other;
    if (b.used > a.used) { const t = a; a = b; b = t; }
    for (const i of activeSlots(b)) {
      const key = b.table[i], lo = b.hashLo[i], hi = b.hashHi[i];
      if (key === null || key === dummy || key === undefined) continue;
      if (set_contains_entry(a, key, lo, hi)) set_add_entry(result, key, lo, hi);
    }
    return result;
  }
  const it = PyObject_GetIter(other);
  for (let key = PyIter_Next(it); key !== undefined; key = PyIter_Next(it)) {
    const lo = PyObject_Hash(key), hi = Py_HashHi[0];
    if (set_contains_entry(so, key, lo, hi)) {
      set_add_entry(result, key, lo, hi);
      if (result.used >= so.used) break;
    }
  }
  return result;
}

function set_intersection_multi(self: PyVal, args: readonly PyVal[]): PyVal {
  if (args.length === 0) return set_copy(self);
  let result = self as PySetObject;
  for (const other of args) result = set_intersection(result, other);
  return result;
}

/** set_swap_bodies: exchange the tables of a and b. */
function set_swap_bodies(a: PySetObject, b: PySetObject): void {
  const f = a.fill; a.fill = b.fill; b.fill = f;
  const u = a.used; a.used = b.used; b.used = u;
  const m = a.mask; a.mask = b.mask; b.mask = m;
  const t = a.table; a.table = b.table; b.table = t;
  const l = a.hashLo; a.hashLo = b.hashLo; b.hashLo = l;
  const h = a.hashHi; a.hashHi = b.hashHi; b.hashHi = h;
  if (isFrozenSet(a) && isFrozenSet(b)) {
    const x = a.hash; a.hash = b.hash; b.hash = x;
    const y = a.hashHiCached; a.hashHiCached = b.hashHiCached; b.hashHiCached = y;
    const z = a.hashed; a.hashed = b.hashed; b.hashed = z;
  } else {
    a.hashed = false;
    b.hashed = false;
  }
}

function set_intersection_update_multi(self: PyVal, args: readonly PyVal[]): PyVal {
  const tmp = set_intersection_multi(self, args) as PySetObject;
  set_swap_bodies(self as PySetObject, tmp);
  return Py_None;
}

function set_isdisjoint(self: PyVal, other: PyVal): PyVal {
  let so = self as PySetObject;
  if (so === other) return PyBool_FromLong(so.used === 0);
  if (PyAnySet_CheckExact(other)) {
    let b: PySetObject = other;
    if (b.used > so.used) { const t = so; so = b; b = t; }
    for (const i of activeSlots(b)) {
      const key = b.table[i];
      if (key === null || key === dummy || key === undefined) continue;
      if (set_contains_entry(so, key, b.hashLo[i], b.hashHi[i])) return PyBool_FromLong(false);
    }
    return PyBool_FromLong(true);
  }
  const it = PyObject_GetIter(other);
  for (let key = PyIter_Next(it); key !== undefined; key = PyIter_Next(it)) {
    if (set_contains_key(so, key)) return PyBool_FromLong(false);
  }
  return PyBool_FromLong(true);
}

function set_difference_update_internal(so: PySetObject, other: PyVal): void {
  if (so === other) { set_clear_internal(so); return; }
  if (PyAnySet_Check(other)) {
    let o: PySetObject = other;
    if ((o.used >> 3) > so.used) o = set_intersection(so, o);
    const keys = o.table.slice(), hl = o.hashLo.slice(), hh = o.hashHi.slice();
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== null && key !== dummy) set_discard_entry(so, key, hl[i], hh[i]);
    }
  } else {
    const it = PyObject_GetIter(other);
    for (let key = PyIter_Next(it); key !== undefined; key = PyIter_Next(it)) set_discard_key(so, key);
  }
  if (so.fill - so.used <= (so.mask >>> 2)) return;
  set_table_resize(so, so.used > 50000 ? so.used * 2 : so.used * 4);
}

function set_difference_update(self: PyVal, args: readonly PyVal[]): PyVal {
  for (const other of args) set_difference_update_internal(self as PySetObject, other);
  return Py_None;
}

function set_copy_and_difference(so: PySetObject, other: PyVal): PySetObject {
  const result = set_copy(so) as PySetObject;
  set_difference_update_internal(result, other);
  return result;
}

function set_difference(so: PySetObject, other: PyVal): PySetObject {
  let other_size: number;
  if (PyAnySet_Check(other)) other_size = other.used;
  else if (PyDict_CheckExact(other)) other_size = other.ma_used;
  else return set_copy_and_difference(so, other);
  if ((so.used >> 2) > other_size) return set_copy_and_difference(so, other);
  const result = make_new_set_basetype(so.ob_type, null);
  for (const i of activeSlots(so)) {
    const key = so.table[i], lo = so.hashLo[i], hi = so.hashHi[i];
    if (key === null || key === dummy || key === undefined) continue;
    // The set's stored hash, as CPython's _PyDict_Contains_KnownHash: the key's __hash__ is not called again.
    const present = PyDict_CheckExact(other) ? _PyDict_Contains_KnownHash(other, key, lo, hi)
      : set_contains_entry(other as PySetObject, key, lo, hi);
    if (!present) set_add_entry(result, key, lo, hi);
  }
  return result;
}

function set_difference_multi(self: PyVal, args: readonly PyVal[]): PyVal {
  if (args.length === 0) return set_copy(self);
  const result = set_difference(self as PySetObject, args[0]);
  for (let i = 1; i < args.length; i++) set_difference_update_internal(result, args[i]);
  return result;
}

function set_symmetric_difference_update_set(so: PySetObject, other: PySetObject): void {
  for (const i of activeSlots(other)) {
    const key = other.table[i], lo = other.hashLo[i], hi = other.hashHi[i];
    if (key === null || key === dummy || key === undefined) continue;
    if (set_discard_entry(so, key, lo, hi) === 0) set_add_entry(so, key, lo, hi);
  }
}

function set_symmetric_difference_update(self: PyVal, other: PyVal): PyVal {
  const so = self as PySetObject;
  if (so === other) return set_clear(so);
  if (PyDict_CheckExact(other)) {
    _PyDict_Refresh(other);
    const n = other.dk_nentries;
    const keys = other.me_key.slice(0, n), hl = other.me_hashlo.slice(0, n), hh = other.me_hashhi.slice(0, n);
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      if (key === null) continue;
      if (set_discard_entry(so, key, hl[i], hh[i]) === 0) set_add_entry(so, key, hl[i], hh[i]);
    }
  } else if (PyAnySet_Check(other)) {
    set_symmetric_difference_update_set(so, other);
  } else {
    set_symmetric_difference_update_set(so, make_new_set_basetype(so.ob_type, other));
  }
  return Py_None;
}

function set_symmetric_difference(self: PyVal, other: PyVal): PyVal {
  const so = self as PySetObject;
  const result = make_new_set_basetype(so.ob_type, null);
  set_update_internal(result, other);
  set_symmetric_difference_update_set(result, so);
  return result;
}

function set_issubset(so: PySetObject, other: PyVal): PyVal {
  if (!PyAnySet_Check(other)) {
    const tmp = set_intersection(so, other);
    return PyBool_FromLong(tmp.used === so.used);
  }
  if (so.used > other.used) return PyBool_FromLong(false);
  for (const i of activeSlots(so)) {
    const key = so.table[i];
    if (key === null || key === dummy || key === undefined) continue;
    if (!set_contains_entry(other, key, so.hashLo[i], so.hashHi[i])) return PyBool_FromLong(false);
  }
  return PyBool_FromLong(true);
}

function set_issuperset(so: PySetObject, other: PyVal): PyVal {
  if (PyAnySet_Check(other)) return set_issubset(other, so);
  const it = PyObject_GetIter(other);
  for (let key = PyIter_Next(it); key !== undefined; key = PyIter_Next(it)) {
    if (!set_contains_key(so, key)) return PyBool_FromLong(false);
  }
  return PyBool_FromLong(true);
}

function set_reduce(self: PyVal): PyVal {
  const so = self as PySetObject;
  const keys = PyList_New(setItems(so));
  let state: PyVal = Py_None;
  const getstate = _PyObject_LookupAttr(so, PyUnicode_InternFromString("__getstate__"));
  if (getstate !== undefined) state = PyObject_CallNoArgs(getstate);
  return PyTuple_New([so.ob_type, PyTuple_New([keys]), state]);
}

function set_sizeof(self: PyVal): PyVal {
  const so = self as PySetObject;
  // sizeof(PySetObject) is 200 on 64-bit builds; a table larger than the small table adds 16 bytes per slot.
  return 200 + (so.mask + 1 > PySet_MINSIZE ? (so.mask + 1) * 16 : 0);
}

// ---- number protocol ----

function set_sub(a: PyVal, b: PyVal): PyVal {
  if (!PyAnySet_Check(a) || !PyAnySet_Check(b)) return Py_NotImplemented;
  return set_difference(a, b);
}
function set_isub(a: PyVal, b: PyVal): PyVal {
  if (!PyAnySet_Check(b)) return Py_NotImplemented;
  set_difference_update_internal(a as PySetObject, b);
  return a;
}
function set_and(a: PyVal, b: PyVal): PyVal {
  if (!PyAnySet_Check(a) || !PyAnySet_Check(b)) return Py_NotImplemented;
  return set_intersection(a, b);
}
function set_iand(a: PyVal, b: PyVal): PyVal {
  if (!PyAnySet_Check(b)) return Py_NotImplemented;
  set_swap_bodies(a as PySetObject, set_intersection(a as PySetObject, b));
  return a;
}
function set_or(a: PyVal, b: PyVal): PyVal {
  if (!PyAnySet_Check(a) || !PyAnySet_Check(b)) return Py_NotImplemented;
  const result = set_copy(a) as PySetObject;
  if (a === b) return result;
  set_update_internal(result, b);
  return result;
}
function set_ior(a: PyVal, b: PyVal): PyVal {
  if (!PyAnySet_Check(b)) return Py_NotImplemented;
  set_update_internal(a as PySetObject, b);
  return a;
}
function set_xor(a: PyVal, b: PyVal): PyVal {
  if (!PyAnySet_Check(a) || !PyAnySet_Check(b)) return Py_NotImplemented;
  return set_symmetric_difference(a, b);
}
function set_ixor(a: PyVal, b: PyVal): PyVal {
  if (!PyAnySet_Check(b)) return Py_NotImplemented;
  set_symmetric_difference_update(a, b);
  return a;
}

const genericAlias = {
  // Until types.GenericAlias exists, set[int] evaluates to set itself (usable in annotations).
  f: (cls: PyVal, arg: PyVal): PyVal => { void arg; return cls; },
};
/** types.GenericAlias, for __class_getitem__ (installed when the type exists). */
export function _PySet_InstallGenericAlias(f: (cls: PyVal, arg: PyVal) => PyVal): void {
  genericAlias.f = f;
}

const D = {
  add: "Add an element to a set.\n\nThis has no effect if the element is already present.",
  clear: "Remove all elements from this set.",
  contains: "x.__contains__(y) <==> y in x.",
  copy: "Return a shallow copy of a set.",
  discard: "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set.",
  difference: "Return a new set with elements in the set that are not in the others.",
  difference_update: "Update the set, removing elements found in others.",
  intersection: "Return a new set with elements common to the set and all others.",
  intersection_update: "Update the set, keeping only elements found in it and all others.",
  isdisjoint: "Return True if two sets have a null intersection.",
  issubset: "Report whether another set contains this set.",
  issuperset: "Report whether this set contains another set.",
  pop: "Remove and return an arbitrary set element.\n\nRaises KeyError if the set is empty.",
  reduce: "Return state information for pickling.",
  remove: "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError.",
  sizeof: "S.__sizeof__() -> size of S in memory, in bytes.",
  symmetric_difference: "Return a new set with elements in either the set or other but not both.",
  symmetric_difference_update: "Update the set, keeping only elements found in either set, but not in both.",
  union: "Return a new set with elements from the set and all others.",
  update: "Update the set, adding elements from all others.",
} as const;

const classGetItem = { name: "__class_getitem__", meth: (cls: PyVal, a: PyVal) => genericAlias.f(cls, a), flags: METH_O | 0x10, doc: "See PEP 585" };

PyType_FromSpecStatic({
  name: "set",
  flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_MATCH_SELF,
  doc: "Build an unordered collection of unique elements.",
  slots: {
    tp_repr: set_repr, tp_richcompare: set_richcompare, tp_iter: set_iter, tp_init: set_init, tp_new: set_new,
    sq_length: set_len, sq_contains: set_contains,
    nb_subtract: set_sub, nb_and: set_and, nb_xor: set_xor, nb_or: set_or,
    nb_inplace_subtract: set_isub, nb_inplace_and: set_iand, nb_inplace_xor: set_ixor, nb_inplace_or: set_ior,
  },
  methods: [
    { name: "add", meth: set_add, flags: METH_O, doc: D.add },
    { name: "clear", meth: set_clear, flags: METH_NOARGS, doc: D.clear },
    { name: "__contains__", meth: set___contains__, flags: METH_O, doc: D.contains },
    { name: "copy", meth: set_copy, flags: METH_NOARGS, doc: D.copy },
    { name: "discard", meth: set_discard, flags: METH_O, doc: D.discard },
    { name: "difference", meth: set_difference_multi, flags: METH_FASTCALL, doc: D.difference },
    { name: "difference_update", meth: set_difference_update, flags: METH_FASTCALL, doc: D.difference_update },
    { name: "intersection", meth: set_intersection_multi, flags: METH_FASTCALL, doc: D.intersection },
    { name: "intersection_update", meth: set_intersection_update_multi, flags: METH_FASTCALL, doc: D.intersection_update },
    { name: "isdisjoint", meth: set_isdisjoint, flags: METH_O, doc: D.isdisjoint },
    { name: "issubset", meth: (s: PyVal, o: PyVal) => set_issubset(s as PySetObject, o), flags: METH_O, doc: D.issubset },
    { name: "issuperset", meth: (s: PyVal, o: PyVal) => set_issuperset(s as PySetObject, o), flags: METH_O, doc: D.issuperset },
    { name: "pop", meth: set_pop, flags: METH_NOARGS, doc: D.pop },
    { name: "__reduce__", meth: set_reduce, flags: METH_NOARGS, doc: D.reduce },
    { name: "remove", meth: set_remove, flags: METH_O, doc: D.remove },
    { name: "__sizeof__", meth: set_sizeof, flags: METH_NOARGS, doc: D.sizeof },
    { name: "symmetric_difference", meth: set_symmetric_difference, flags: METH_O, doc: D.symmetric_difference },
    { name: "symmetric_difference_update", meth: set_symmetric_difference_update, flags: METH_O, doc: D.symmetric_difference_update },
    { name: "union", meth: set_union, flags: METH_FASTCALL, doc: D.union },
    { name: "update", meth: set_update, flags: METH_FASTCALL, doc: D.update },
    classGetItem,
  ],
}, PySet_Type);

PyType_FromSpecStatic({
  name: "frozenset",
  flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_MATCH_SELF,
  doc: "Build an immutable unordered collection of unique elements.",
  slots: {
    tp_repr: set_repr, tp_hash: frozenset_hash, tp_richcompare: set_richcompare, tp_iter: set_iter,
    tp_new: frozenset_new, sq_length: set_len, sq_contains: set_contains,
    nb_subtract: set_sub, nb_and: set_and, nb_xor: set_xor, nb_or: set_or,
  },
  methods: [
    { name: "__contains__", meth: set___contains__, flags: METH_O, doc: D.contains },
    { name: "copy", meth: frozenset_copy, flags: METH_NOARGS, doc: D.copy },
    { name: "difference", meth: set_difference_multi, flags: METH_FASTCALL, doc: D.difference },
    { name: "intersection", meth: set_intersection_multi, flags: METH_FASTCALL, doc: D.intersection },
    { name: "isdisjoint", meth: set_isdisjoint, flags: METH_O, doc: D.isdisjoint },
    { name: "issubset", meth: (s: PyVal, o: PyVal) => set_issubset(s as PySetObject, o), flags: METH_O, doc: D.issubset },
    { name: "issuperset", meth: (s: PyVal, o: PyVal) => set_issuperset(s as PySetObject, o), flags: METH_O, doc: D.issuperset },
    { name: "__reduce__", meth: set_reduce, flags: METH_NOARGS, doc: D.reduce },
    { name: "__sizeof__", meth: set_sizeof, flags: METH_NOARGS, doc: D.sizeof },
    { name: "symmetric_difference", meth: set_symmetric_difference, flags: METH_O, doc: D.symmetric_difference },
    { name: "union", meth: set_union, flags: METH_FASTCALL, doc: D.union },
    classGetItem,
  ],
}, PyFrozenSet_Type);

