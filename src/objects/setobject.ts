// set and frozenset (Objects/setobject.c): an open-addressing table probed exactly as CPython's (9 linear probes,
// then perturbation), with CPython's resize rules, so iteration orders equal CPython's. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, PyUnicode_Type, PyUnicodeObject, Py_None,
  Py_NotImplemented, Py_TYPE, Py_HashHi, Py_EQ, Py_NE, Py_LT, Py_LE, Py_GT, Py_GE, METH_NOARGS, METH_O, METH_FASTCALL,
  Py_TPFLAGS_BASETYPE, type PyVal,
} from "./object.js";
import { PyErr_Format, PyErr_SetKeyError, Py_ReprEnter, Py_ReprLeave } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_KeyError, PyExc_RuntimeError } from "./exceptions.js";
import { PyObject_Hash, PyObject_RichCompareBool, PyObject_GetIter, PyObject_Repr, PyType_IsSubtype } from "./abstract.js";
import { PyDictObject } from "./dictobject.js";
import { PyUnicode_FromString } from "./unicodeobject.js";
import { PyList_New } from "./listobject.js";
import { PyTuple_New } from "./tupleobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { checkNoKwargs } from "../runtime/getargs.js";

export const PySet_Type = PyType_Declare("set");
export const PyFrozenSet_Type = PyType_Declare("frozenset");
export const PySetIter_Type = PyType_Declare("set_iterator");

const PySet_MINSIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;
/** The dummy key of a deleted entry. */
const dummy = {} as PyVal;

export class PySetObject extends PyObject {
  fill: number;
  used: number;
  mask: number;
  keys: (PyVal | null)[];
  hlo: Int32Array;
  hhi: Int32Array;
  /** Cached frozenset hash (lo, hi), valid when hashed. */
  hashed: boolean;
  hashLo: number;
  hashHi: number;
  /** Where set.pop() resumes its scan. */
  finger: number;
  constructor(type: PyTypeObject) {
    super(type);
    this.finger = 0;
    this.fill = 0;
    this.used = 0;
    this.mask = PySet_MINSIZE - 1;
    this.keys = new Array<PyVal | null>(PySet_MINSIZE).fill(null);
    this.hlo = new Int32Array(PySet_MINSIZE);
    this.hhi = new Int32Array(PySet_MINSIZE);
    this.hashed = false;
    this.hashLo = 0;
    this.hashHi = 0;
  }
}

export function PyAnySet_Check(v: PyVal): v is PySetObject {
  return v instanceof PySetObject;
}

function hashOf(key: PyVal): number {
  try {
    return PyObject_Hash(key);
  } catch (e) {
    throw e;
  }
}

function isStrExact(v: PyVal): v is PyUnicodeObject {
  return typeof v !== "number" && v.ob_type === PyUnicode_Type;
}

/** The index of key's entry, or of the empty slot ending the search (set_lookkey). */
function set_lookkey(so: PySetObject, key: PyVal, lo: number, hi: number): number {
  for (;;) {
    let mask = so.mask;
    let i = lo & mask;
    let plo = lo >>> 0, phi = hi >>> 0;
    let restart = false;
    outer: for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = so.keys[j];
        if (k === null) return j;
        if (so.hlo[j] === lo && so.hhi[j] === hi && k !== dummy) {
          if (k === key) return j;
          if (isStrExact(k) && isStrExact(key) && k.value === key.value) return j;
          if (!(typeof k === "number" && typeof key === "number")) {
            const keys = so.keys;
            const cmp = PyObject_RichCompareBool(k, key, Py_EQ);
            if (keys !== so.keys || so.keys[j] !== k) { restart = true; break outer; }
            if (cmp) return j;
            mask = so.mask;
          }
        }
        j++;
      } while (probes--);
      plo = ((plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT))) >>> 0;
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + 1 + plo) & mask;
    }
    if (!restart) break;
  }
  return -1;
}

function set_insert_clean(keys: (PyVal | null)[], hl: Int32Array, hh: Int32Array, mask: number, key: PyVal, lo: number, hi: number): void {
  let plo = lo >>> 0, phi = hi >>> 0;
  let i = lo & mask;
  for (;;) {
    if (keys[i] === null) break;
    let found = -1;
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (keys[i + j] === null) { found = i + j; break; }
      }
    }
    if (found >= 0) { i = found; break; }
    plo = ((plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT))) >>> 0;
    phi = phi >>> PERTURB_SHIFT;
    i = (i * 5 + 1 + plo) & mask;
  }
  keys[i] = key;
  hl[i] = lo;
  hh[i] = hi;
}

function set_table_resize(so: PySetObject, minused: number): void {
  let newsize = PySet_MINSIZE;
  while (newsize <= minused) newsize *= 2;
  const oldkeys = so.keys, oldlo = so.hlo, oldhi = so.hhi;
  if (newsize === PySet_MINSIZE && oldkeys.length === PySet_MINSIZE && so.fill === so.used) return;
  const keys = new Array<PyVal | null>(newsize).fill(null);
  const hl = new Int32Array(newsize), hh = new Int32Array(newsize);
  const mask = newsize - 1;
  so.fill = so.used;
  for (let j = 0; j < oldkeys.length; j++) {
    const k = oldkeys[j];
    if (k !== null && k !== dummy) set_insert_clean(keys, hl, hh, mask, k, oldlo[j], oldhi[j]);
  }
  so.keys = keys;
  so.hlo = hl;
  so.hhi = hh;
  so.mask = mask;
}

export function set_add_entry(so: PySetObject, key: PyVal, lo: number, hi: number): void {
  restart: for (;;) {
    let mask = so.mask;
    let i = lo & mask;
    let freeslot = -1;
    let plo = lo >>> 0, phi = hi >>> 0;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = so.keys[j];
        if (k === null) {
          if (freeslot >= 0) {
            so.used++;
            so.keys[freeslot] = key; so.hlo[freeslot] = lo; so.hhi[freeslot] = hi;
            return;
          }
          so.fill++;
          so.used++;
          so.keys[j] = key; so.hlo[j] = lo; so.hhi[j] = hi;
          if (so.fill * 5 < mask * 3) return;
          set_table_resize(so, so.used > 50000 ? so.used * 2 : so.used * 4);
          return;
        }
        if (k === dummy) freeslot = j;
        else if (so.hlo[j] === lo && so.hhi[j] === hi) {
          if (k === key) return;
          if (isStrExact(k) && isStrExact(key) && k.value === key.value) return;
          if (!(typeof k === "number" && typeof key === "number")) {
            const keys = so.keys;
            const cmp = PyObject_RichCompareBool(k, key, Py_EQ);
            if (cmp) return;
            if (keys !== so.keys || so.keys[j] !== k) continue restart;
            mask = so.mask;
          }
        }
        j++;
      } while (probes--);
      plo = ((plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT))) >>> 0;
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + 1 + plo) & mask;
    }
  }
}

export function PySet_Add(so: PySetObject, key: PyVal): void {
  const lo = hashOf(key);
  set_add_entry(so, key, lo, Py_HashHi[0]);
}

export function PySet_Contains(so: PySetObject, key: PyVal): boolean {
  let lo: number;
  try {
    lo = hashOf(key);
  } catch (e) {
    // A set key is looked up as a frozenset (set.__contains__ special case).
    if (key instanceof PySetObject && key.ob_type !== PyFrozenSet_Type && e instanceof PyObject && Py_TYPE(e) === PyExc_TypeError) {
      return PySet_Contains(so, frozenCopy(key));
    }
    throw e;
  }
  const j = set_lookkey(so, key, lo, Py_HashHi[0]);
  return j >= 0 && so.keys[j] !== null;
}

function set_discard_entry(so: PySetObject, key: PyVal, lo: number, hi: number): boolean {
  const j = set_lookkey(so, key, lo, hi);
  if (j < 0 || so.keys[j] === null) return false;
  so.keys[j] = dummy;
  so.hlo[j] = -1;
  so.hhi[j] = -1;
  so.used--;
  return true;
}

function set_discard_key(so: PySetObject, key: PyVal): boolean {
  let lo: number;
  try {
    lo = hashOf(key);
  } catch (e) {
    if (key instanceof PySetObject && key.ob_type !== PyFrozenSet_Type && e instanceof PyObject && Py_TYPE(e) === PyExc_TypeError) {
      return set_discard_key(so, frozenCopy(key));
    }
    throw e;
  }
  return set_discard_entry(so, key, lo, Py_HashHi[0]);
}

function frozenCopy(s: PySetObject): PySetObject {
  const f = new PySetObject(PyFrozenSet_Type);
  set_merge(f, s);
  return f;
}

function* entries(so: PySetObject): Generator<number> {
  for (let j = 0; j <= so.mask; j++) {
    const k = so.keys[j];
    if (k !== null && k !== dummy) yield j;
  }
}

function setItems(so: PySetObject): PyVal[] {
  const out: PyVal[] = [];
  for (let j = 0; j <= so.mask; j++) {
    const k = so.keys[j];
    if (k !== null && k !== dummy) out.push(k);
  }
  return out;
}

function set_merge(so: PySetObject, other: PySetObject): void {
  if (other === so || other.used === 0) return;
  if ((so.fill + other.used) * 5 >= so.mask * 3) set_table_resize(so, (so.used + other.used) * 2);
  if (so.fill === 0 && so.mask === other.mask && other.fill === other.used) {
    for (let j = 0; j <= other.mask; j++) {
      const k = other.keys[j];
      if (k !== null) { so.keys[j] = k; so.hlo[j] = other.hlo[j]; so.hhi[j] = other.hhi[j]; }
    }
    so.fill = other.fill;
    so.used = other.used;
    return;
  }
  if (so.fill === 0) {
    so.fill = other.used;
    so.used = other.used;
    for (let j = 0; j <= other.mask; j++) {
      const k = other.keys[j];
      if (k !== null && k !== dummy) set_insert_clean(so.keys, so.hlo, so.hhi, so.mask, k, other.hlo[j], other.hhi[j]);
    }
    return;
  }
  for (let j = 0; j <= other.mask; j++) {
    const k = other.keys[j];
    if (k !== null && k !== dummy) set_add_entry(so, k, other.hlo[j], other.hhi[j]);
  }
}

export function set_update_internal(so: PySetObject, other: PyVal): void {
  if (other instanceof PySetObject) { set_merge(so, other); return; }
  if (other instanceof PyDictObject && other.ob_type.tp_name === "dict") {
    const n = other.ma_used;
    if ((so.fill + n) * 5 >= so.mask * 3) set_table_resize(so, (so.used + n) * 2);
    for (let j = 0; j < other.dk_nentries; j++) {
      const k = other.me_key[j];
      if (k !== null) set_add_entry(so, k, other.me_hashlo[j], other.me_hashhi[j]);
    }
    return;
  }
  const it = PyObject_GetIter(other);
  const next = Py_TYPE(it).tp_iternext!;
  for (let k = next(it); k !== undefined; k = next(it)) PySet_Add(so, k);
}

export function make_new_set(type: PyTypeObject, iterable: PyVal | null): PySetObject {
  const so = new PySetObject(type);
  if (iterable !== null) set_update_internal(so, iterable);
  return so;
}

function baseType(t: PyTypeObject): PyTypeObject {
  return PyType_IsSubtype(t, PyFrozenSet_Type) ? PyFrozenSet_Type : PySet_Type;
}

function set_copy(so: PySetObject): PySetObject {
  return make_new_set(baseType(so.ob_type), so);
}

export function PySet_New(items: PyVal[]): PySetObject {
  const s = new PySetObject(PySet_Type);
  for (const x of items) PySet_Add(s, x);
  return s;
}

export function PyFrozenSet_New(items: PyVal[]): PySetObject {
  const s = new PySetObject(PyFrozenSet_Type);
  for (const x of items) PySet_Add(s, x);
  return s;
}

function set_clear_internal(so: PySetObject): void {
  so.fill = 0;
  so.used = 0;
  so.mask = PySet_MINSIZE - 1;
  so.keys = new Array<PyVal | null>(PySet_MINSIZE).fill(null);
  so.hlo = new Int32Array(PySet_MINSIZE);
  so.hhi = new Int32Array(PySet_MINSIZE);
}

function set_intersection(so: PySetObject, other: PyVal): PySetObject {
  if (so === other) return set_copy(so);
  const result = new PySetObject(baseType(so.ob_type));
  if (other instanceof PySetObject) {
    let a = so, b = other;
    if (b.used > a.used) { const t = a; a = b; b = t; }
    for (const j of entries(b)) {
      const k = b.keys[j]!, lo = b.hlo[j], hi = b.hhi[j];
      const f = set_lookkey(a, k, lo, hi);
      if (f >= 0 && a.keys[f] !== null) set_add_entry(result, k, lo, hi);
    }
    return result;
  }
  const it = PyObject_GetIter(other);
  const next = Py_TYPE(it).tp_iternext!;
  for (let k = next(it); k !== undefined; k = next(it)) {
    const lo = hashOf(k), hi = Py_HashHi[0];
    const f = set_lookkey(so, k, lo, hi);
    if (f >= 0 && so.keys[f] !== null) set_add_entry(result, k, lo, hi);
  }
  return result;
}

function set_difference_update_internal(so: PySetObject, other: PyVal): void {
  if (so === other) { set_clear_internal(so); return; }
  if (other instanceof PySetObject) {
    const o = (other.used >> 3) > so.used ? set_intersection(so, other) : other;
    for (const j of entries(o)) set_discard_entry(so, o.keys[j]!, o.hlo[j], o.hhi[j]);
  } else {
    const it = PyObject_GetIter(other);
    const next = Py_TYPE(it).tp_iternext!;
    for (let k = next(it); k !== undefined; k = next(it)) set_discard_key(so, k);
  }
  if (so.fill - so.used <= (so.mask >>> 2)) return;
  set_table_resize(so, so.used > 50000 ? so.used * 2 : so.used * 4);
}

function set_difference(so: PySetObject, other: PyVal): PySetObject {
  let otherSize: number;
  if (other instanceof PySetObject) otherSize = other.used;
  else if (other instanceof PyDictObject && other.ob_type.tp_name === "dict") otherSize = other.ma_used;
  else {
    const r = set_copy(so);
    set_difference_update_internal(r, other);
    return r;
  }
  if ((so.used >> 2) > otherSize) {
    const r = set_copy(so);
    set_difference_update_internal(r, other);
    return r;
  }
  const result = new PySetObject(baseType(so.ob_type));
  for (const j of entries(so)) {
    const k = so.keys[j]!, lo = so.hlo[j], hi = so.hhi[j];
    let present: boolean;
    if (other instanceof PySetObject) {
      const f = set_lookkey(other, k, lo, hi);
      present = f >= 0 && other.keys[f] !== null;
    } else present = dictContains(other as PyDictObject, k);
    if (!present) set_add_entry(result, k, lo, hi);
  }
  return result;
}

let dictContains: (d: PyDictObject, k: PyVal) => boolean = () => false;
export function _PySet_InstallDictContains(f: (d: PyDictObject, k: PyVal) => boolean): void {
  dictContains = f;
}

function set_symmetric_difference_update_set(so: PySetObject, other: PySetObject): void {
  for (const j of entries(other)) {
    const k = other.keys[j]!, lo = other.hlo[j], hi = other.hhi[j];
    if (!set_discard_entry(so, k, lo, hi)) set_add_entry(so, k, lo, hi);
  }
}

function set_symmetric_difference_update(so: PySetObject, other: PyVal): void {
  if (so === other) { set_clear_internal(so); return; }
  if (other instanceof PyDictObject && other.ob_type.tp_name === "dict") {
    for (let j = 0; j < other.dk_nentries; j++) {
      const k = other.me_key[j];
      if (k === null) continue;
      const lo = other.me_hashlo[j], hi = other.me_hashhi[j];
      if (!set_discard_entry(so, k, lo, hi)) set_add_entry(so, k, lo, hi);
    }
    return;
  }
  const o = other instanceof PySetObject ? other : make_new_set(baseType(so.ob_type), other);
  set_symmetric_difference_update_set(so, o);
}

function set_symmetric_difference(so: PySetObject, other: PyVal): PySetObject {
  const result = new PySetObject(baseType(so.ob_type));
  set_update_internal(result, other);
  set_symmetric_difference_update_set(result, so);
  return result;
}

function set_issubset(so: PySetObject, other: PyVal): boolean {
  if (!(other instanceof PySetObject)) {
    const tmp = make_new_set(PySet_Type, other);
    return set_issubset(so, tmp);
  }
  if (so.used > other.used) return false;
  for (const j of entries(so)) {
    const f = set_lookkey(other, so.keys[j]!, so.hlo[j], so.hhi[j]);
    if (f < 0 || other.keys[f] === null) return false;
  }
  return true;
}

function set_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if (!(b instanceof PySetObject)) return Py_NotImplemented;
  const v = a as PySetObject;
  switch (op) {
    case Py_EQ:
      if (v.used !== b.used) return PyBool_FromLong(false);
      if (v.hashed && b.hashed && (v.hashLo !== b.hashLo || v.hashHi !== b.hashHi)) return PyBool_FromLong(false);
      return PyBool_FromLong(set_issubset(v, b));
    case Py_NE: {
      const r = set_richcompare(a, b, Py_EQ);
      return PyBool_FromLong(r !== PyBool_FromLong(true));
    }
    case Py_LE: return PyBool_FromLong(set_issubset(v, b));
    case Py_GE: return PyBool_FromLong(set_issubset(b, v));
    case Py_LT: return PyBool_FromLong(v.used < b.used && set_issubset(v, b));
    case Py_GT: return PyBool_FromLong(v.used > b.used && set_issubset(b, v));
    default: return Py_NotImplemented;
  }
}

function shuffle(h: bigint): bigint {
  return BigInt.asUintN(64, ((h ^ 89869747n) ^ BigInt.asUintN(64, h << 16n)) * 3644798167n);
}

function frozenset_hash(self: PyVal): number {
  const so = self as PySetObject;
  if (so.hashed) { Py_HashHi[0] = so.hashHi; return so.hashLo; }
  let hash = 0n;
  for (let j = 0; j <= so.mask; j++) {
    const k = so.keys[j];
    const h = k === null ? 0n : BigInt.asUintN(64, (BigInt(so.hhi[j]) << 32n) | BigInt(so.hlo[j] >>> 0));
    hash ^= shuffle(h);
  }
  // The table above included empty slots as hash 0 and dummies as -1; CPython removes an odd count of each.
  if (((so.mask + 1 - so.fill) & 1) !== 0) hash ^= shuffle(0n);
  if (((so.fill - so.used) & 1) !== 0) hash ^= shuffle(BigInt.asUintN(64, -1n));
  hash ^= BigInt.asUintN(64, (BigInt(so.used) + 1n) * 1927868237n);
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = BigInt.asUintN(64, hash * 69069n + 907133923n);
  if (hash === BigInt.asUintN(64, -1n)) hash = 590923713n;
  so.hashLo = Number(hash & 0xffffffffn) | 0;
  so.hashHi = Number(hash >> 32n) | 0;
  so.hashed = true;
  Py_HashHi[0] = so.hashHi;
  return so.hashLo;
}

function set_repr(self: PyVal): PyUnicodeObject {
  const so = self as PySetObject;
  const name = so.ob_type.tp_name;
  if (!Py_ReprEnter(so)) return PyUnicode_FromString(`${name}(...)`);
  try {
    if (so.used === 0) return PyUnicode_FromString(`${name}()`);
    const inner = PyObject_Repr(PyList_New(setItems(so))).value.slice(1, -1);
    if (so.ob_type === PySet_Type) return PyUnicode_FromString(`{${inner}}`);
    return PyUnicode_FromString(`${name}({${inner}})`);
  } finally {
    Py_ReprLeave(so);
  }
}

// ---- iterator ----

export class PySetIterObject extends PyObject {
  si_set: PySetObject | null;
  si_used: number;
  si_pos: number;
  len: number;
  constructor(s: PySetObject) {
    super(PySetIter_Type);
    this.si_set = s;
    this.si_used = s.used;
    this.si_pos = 0;
    this.len = s.used;
  }
}

function setiter_next(self: PyVal): PyVal | undefined {
  const it = self as PySetIterObject;
  const so = it.si_set;
  if (so === null) return undefined;
  if (it.si_used !== so.used) {
    it.si_used = -1;
    return PyErr_Format(PyExc_RuntimeError, "Set changed size during iteration");
  }
  let i = it.si_pos;
  const mask = so.mask;
  while (i <= mask && (so.keys[i] === null || so.keys[i] === dummy)) i++;
  it.si_pos = i + 1;
  if (i > mask) { it.si_set = null; return undefined; }
  it.len--;
  return so.keys[i]!;
}

PyType_FromSpecStatic({
  name: "set_iterator",
  slots: { tp_iter: (s) => s, tp_iternext: setiter_next },
  methods: [{ name: "__length_hint__", meth: (s: PyVal) => {
    const it = s as PySetIterObject;
    return it.si_set !== null && it.si_used === it.si_set.used ? it.len : 0;
  }, flags: METH_NOARGS }],
}, PySetIter_Type);

// ---- methods ----

const S = (v: PyVal): PySetObject => v as PySetObject;

function multiArg(self: PyVal, args: PyVal[], f: (acc: PySetObject, o: PyVal) => PySetObject): PyVal {
  let r = S(self);
  if (args.length === 0) return set_copy(r);
  for (const o of args) r = f(r, o);
  return r;
}

function set_or(a: PyVal, b: PyVal): PyVal {
  if (!(a instanceof PySetObject) || !(b instanceof PySetObject)) return Py_NotImplemented;
  const r = set_copy(a);
  if (a !== b) set_update_internal(r, b);
  return r;
}
function set_and(a: PyVal, b: PyVal): PyVal {
  if (!(a instanceof PySetObject) || !(b instanceof PySetObject)) return Py_NotImplemented;
  return set_intersection(a, b);
}
function set_sub(a: PyVal, b: PyVal): PyVal {
  if (!(a instanceof PySetObject) || !(b instanceof PySetObject)) return Py_NotImplemented;
  return set_difference(a, b);
}
function set_xor(a: PyVal, b: PyVal): PyVal {
  if (!(a instanceof PySetObject) || !(b instanceof PySetObject)) return Py_NotImplemented;
  return set_symmetric_difference(a, b);
}

function set_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  if (type === PySet_Type) checkNoKwargs("set", kwnames);
  return new PySetObject(type);
}

function set_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  if (Py_TYPE(self) === PySet_Type) checkNoKwargs("set", kwnames);
  if (args.length > 1) PyErr_Format(PyExc_TypeError, `set expected at most 1 argument, got ${args.length}`);
  const so = self as PySetObject;
  if (so.used > 0) set_clear_internal(so);
  if (args.length === 1) set_update_internal(so, args[0]);
}

function frozenset_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  if (type === PyFrozenSet_Type) checkNoKwargs("frozenset", kwnames);
  if (args.length > 1) return PyErr_Format(PyExc_TypeError, `frozenset expected at most 1 argument, got ${args.length}`);
  const it = args.length === 1 ? args[0] : null;
  if (type === PyFrozenSet_Type && it instanceof PySetObject && it.ob_type === PyFrozenSet_Type) return it;
  return make_new_set(type, it);
}

const commonMethods = [
  { name: "copy", meth: (s: PyVal) => (S(s).ob_type === PyFrozenSet_Type ? s : set_copy(S(s))), flags: METH_NOARGS },
  { name: "union", meth: (s: PyVal, a: PyVal[]) => multiArg(s, a, (r, o) => {
    const x = r === s ? set_copy(r) : r;
    set_update_internal(x, o);
    return x;
  }), flags: METH_FASTCALL },
  { name: "intersection", meth: (s: PyVal, a: PyVal[]) => multiArg(s, a, set_intersection), flags: METH_FASTCALL },
  { name: "difference", meth: (s: PyVal, a: PyVal[]) => multiArg(s, a, (r, o) => {
    if (r === s) return set_difference(r, o);
    set_difference_update_internal(r, o);
    return r;
  }), flags: METH_FASTCALL },
  { name: "symmetric_difference", meth: (s: PyVal, o: PyVal) => set_symmetric_difference(S(s), o), flags: METH_O },
  { name: "issubset", meth: (s: PyVal, o: PyVal) => PyBool_FromLong(set_issubset(S(s), o)), flags: METH_O },
  { name: "issuperset", meth: (s: PyVal, o: PyVal) => {
    if (o instanceof PySetObject) return PyBool_FromLong(set_issubset(o, S(s)));
    const it = PyObject_GetIter(o);
    for (let k = Py_TYPE(it).tp_iternext!(it); k !== undefined; k = Py_TYPE(it).tp_iternext!(it)) {
      if (!PySet_Contains(S(s), k)) return PyBool_FromLong(false);
    }
    return PyBool_FromLong(true);
  }, flags: METH_O },
  { name: "isdisjoint", meth: (s: PyVal, o: PyVal) => {
    const so = S(s);
    if (o instanceof PySetObject) {
      let a = so, b = o;
      if (b.used > a.used) { const t = a; a = b; b = t; }
      for (const j of entries(b)) {
        const f = set_lookkey(a, b.keys[j]!, b.hlo[j], b.hhi[j]);
        if (f >= 0 && a.keys[f] !== null) return PyBool_FromLong(false);
      }
      return PyBool_FromLong(true);
    }
    const it = PyObject_GetIter(o);
    for (let k = Py_TYPE(it).tp_iternext!(it); k !== undefined; k = Py_TYPE(it).tp_iternext!(it)) {
      if (PySet_Contains(so, k)) return PyBool_FromLong(false);
    }
    return PyBool_FromLong(true);
  }, flags: METH_O },
  { name: "__reduce__", meth: (s: PyVal) => PyTuple_New([S(s).ob_type, PyTuple_New([PyList_New(setItems(S(s)))]), Py_None]), flags: METH_NOARGS },
  { name: "__sizeof__", meth: (s: PyVal) => 200 + 16 * (S(s).mask + 1), flags: METH_NOARGS },
];

const commonSlots = {
  tp_repr: set_repr, tp_richcompare: set_richcompare,
  tp_iter: (s: PyVal) => new PySetIterObject(S(s)),
  sq_length: (s: PyVal) => S(s).used,
  sq_contains: (s: PyVal, k: PyVal) => PySet_Contains(S(s), k),
  nb_or: set_or, nb_and: set_and, nb_subtract: set_sub, nb_xor: set_xor,
};

function inplace(f: (so: PySetObject, o: PyVal) => void) {
  return (a: PyVal, b: PyVal): PyVal => {
    if (!(b instanceof PySetObject)) return Py_NotImplemented;
    f(S(a), b);
    return a;
  };
}

function set_intersection_update(so: PySetObject, o: PyVal): void {
  const r = set_intersection(so, o);
  so.fill = r.fill; so.used = r.used; so.mask = r.mask; so.keys = r.keys; so.hlo = r.hlo; so.hhi = r.hhi;
}

PyType_FromSpecStatic({
  name: "set",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Build an unordered collection of unique elements.",
  slots: {
    ...commonSlots, tp_new: set_new, tp_init: set_init, tp_hash: null,
    nb_inplace_or: inplace(set_update_internal), nb_inplace_and: inplace(set_intersection_update),
    nb_inplace_subtract: inplace(set_difference_update_internal), nb_inplace_xor: inplace(set_symmetric_difference_update),
  },
  methods: [
    ...commonMethods,
    { name: "add", meth: (s: PyVal, k: PyVal) => { PySet_Add(S(s), k); return Py_None; }, flags: METH_O },
    { name: "clear", meth: (s: PyVal) => { set_clear_internal(S(s)); return Py_None; }, flags: METH_NOARGS },
    { name: "discard", meth: (s: PyVal, k: PyVal) => { set_discard_key(S(s), k); return Py_None; }, flags: METH_O },
    { name: "remove", meth: (s: PyVal, k: PyVal) => {
      if (!set_discard_key(S(s), k)) PyErr_SetKeyError(k);
      return Py_None;
    }, flags: METH_O },
    { name: "pop", meth: (s: PyVal) => {
      const so = S(s);
      if (so.used === 0) return PyErr_Format(PyExc_KeyError, "pop from an empty set");
      // CPython remembers a "finger" so repeated pops are O(1) amortised; the starting point is slot 0 & mask.
      let i = so.finger & so.mask;
      while (so.keys[i] === null || so.keys[i] === dummy) { i++; if (i > so.mask) i = 0; }
      const k = so.keys[i]!;
      so.keys[i] = dummy; so.hlo[i] = -1; so.hhi[i] = -1;
      so.used--;
      so.finger = i + 1;
      return k;
    }, flags: METH_NOARGS },
    { name: "update", meth: (s: PyVal, a: PyVal[]) => { for (const o of a) set_update_internal(S(s), o); return Py_None; }, flags: METH_FASTCALL },
    { name: "intersection_update", meth: (s: PyVal, a: PyVal[]) => {
      for (const o of a) set_intersection_update(S(s), o);
      return Py_None;
    }, flags: METH_FASTCALL },
    { name: "difference_update", meth: (s: PyVal, a: PyVal[]) => {
      for (const o of a) set_difference_update_internal(S(s), o);
      return Py_None;
    }, flags: METH_FASTCALL },
    { name: "symmetric_difference_update", meth: (s: PyVal, o: PyVal) => {
      set_symmetric_difference_update(S(s), o);
      return Py_None;
    }, flags: METH_O },
  ],
}, PySet_Type);

PyType_FromSpecStatic({
  name: "frozenset",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Build an immutable unordered collection of unique elements.",
  slots: { ...commonSlots, tp_new: frozenset_new, tp_hash: frozenset_hash },
  methods: commonMethods,
}, PyFrozenSet_Type);
