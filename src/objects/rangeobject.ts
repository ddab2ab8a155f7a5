// range and its iterators (Objects/rangeobject.c): the small-int iterator never allocates, and long ranges fall
// back to bigint arithmetic. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE,
  Py_HashHi, METH_NOARGS, METH_O, type PyVal, PyUnicodeObject,
} from "./object.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_IndexError, PyExc_OverflowError } from "./exceptions.js";
import { hooks, PyNumber_Index, PyObject_Repr, PyObject_Hash, PyObject_RichCompareBool,
  _PyObject_RegisterExactLength } from "./abstract.js";
import { longValue, PyLong_FromBigInt, PyLong_CheckExact, PyLong_Check } from "./longobject.js";
import { PySliceObject, PySlice_Unpack, PySlice_AdjustIndices } from "./sliceobject.js";
import { PyTuple_New } from "./tupleobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { _PyIter_PickleMethods, _PyIter_StateIndex, _PyEval_GetBuiltin } from "./iterobject.js";

export const PyRange_Type = PyType_Declare("range");
export const PyRangeIter_Type = PyType_Declare("range_iterator");
export const PyLongRangeIter_Type = PyType_Declare("longrange_iterator");

export class PyRangeObject extends PyObject {
  start: PyVal;
  stop: PyVal;
  step: PyVal;
  length: PyVal;
  constructor(start: PyVal, stop: PyVal, step: PyVal, length: PyVal) {
    super(PyRange_Type);
    this.start = start;
    this.stop = stop;
    this.step = step;
    this.length = length;
  }
}

function big(v: PyVal): bigint {
  const x = longValue(v);
  return typeof x === "bigint" ? x : BigInt(x);
}

function computeLength(start: bigint, stop: bigint, step: bigint): bigint {
  if (step > 0n) return start < stop ? (stop - start - 1n) / step + 1n : 0n;
  return start > stop ? (start - stop - 1n) / -step + 1n : 0n;
}

export function makeRange(start: PyVal, stop: PyVal, step: PyVal): PyRangeObject {
  if (typeof start === "number" && typeof stop === "number" && typeof step === "number") {
    let len = 0;
    if (step > 0) len = start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    else len = start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
    return new PyRangeObject(start, stop, step, len);
  }
  return new PyRangeObject(start, stop, step, PyLong_FromBigInt(computeLength(big(start), big(stop), big(step))));
}

function range_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  void type;
  if (kwnames !== null && kwnames.length) return PyErr_Format(PyExc_TypeError, "range() takes no keyword arguments");
  const idx = (v: PyVal): PyVal => PyNumber_Index(v);
  switch (args.length) {
    case 1: return makeRange(0, idx(args[0]), 1);
    case 2: return makeRange(idx(args[0]), idx(args[1]), 1);
    case 3: {
      const step = idx(args[2]);
      if (step === 0 || longValue(step) === 0n) return PyErr_Format(PyExc_ValueError, "range() arg 3 must not be zero");
      return makeRange(idx(args[0]), idx(args[1]), step);
    }
    case 0: return PyErr_Format(PyExc_TypeError, "range expected at least 1 argument, got 0");
    default: return PyErr_Format(PyExc_TypeError, `range expected at most 3 arguments, got ${args.length}`);
  }
}

function range_repr(self: PyVal): PyUnicodeObject {
  const r = self as PyRangeObject;
  const s = PyObject_Repr(r.start).value, e = PyObject_Repr(r.stop).value;
  if (r.step === 1) return hooks.str(`range(${s}, ${e})`);
  return hooks.str(`range(${s}, ${e}, ${PyObject_Repr(r.step).value})`);
}

const PY_SSIZE_T_MAX = (1n << 63n) - 1n;

/** The length as a Python int, at most sys.maxsize (range_length's PyLong_AsSsize_t). */
function range_length_object(self: PyVal): PyVal {
  const n = (self as PyRangeObject).length;
  if (typeof n !== "number" && big(n) > PY_SSIZE_T_MAX) {
    return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
  }
  return n;
}

/** sq_length: beyond 2**53 the number is approximate (len() and __len__ use range_length_object). */
function range_length(self: PyVal): number {
  const n = range_length_object(self);
  return typeof n === "number" ? n : Number(big(n));
}
_PyObject_RegisterExactLength(range_length, range_length_object);

/** A slice of a range whose length is beyond JS numbers: compute_slice's bigint indices (_PySlice_GetLongIndices). */
function bigSliceIndices(s: PySliceObject, length: bigint): [bigint, bigint, bigint] {
  const step = s.step === Py_None ? 1n : big(PyNumber_Index(s.step));
  if (step === 0n) return PyErr_Format(PyExc_ValueError, "slice step cannot be zero");
  const lower = step < 0n ? -1n : 0n;
  const upper = step < 0n ? length - 1n : length;
  const clamp = (v: PyVal, dflt: bigint): bigint => {
    if (v === Py_None) return dflt;
    let x = big(PyNumber_Index(v));
    if (x < 0n) {
      x += length;
      if (x < lower) x = lower;
    } else if (x > upper) x = upper;
    return x;
  };
  return [clamp(s.start, step < 0n ? upper : lower), clamp(s.stop, step < 0n ? lower : upper), step];
}

function range_item(r: PyRangeObject, i: bigint): PyVal {
  return PyLong_FromBigInt(big(r.start) + i * big(r.step));
}

function range_subscript(self: PyVal, item: PyVal): PyVal {
  const r = self as PyRangeObject;
  if (item instanceof PySliceObject) {
    const len = r.length;
    if (typeof len !== "number") {
      const [start, stop, st] = bigSliceIndices(item, big(len));
      return makeRange(range_item(r, start), range_item(r, stop), PyLong_FromBigInt(big(r.step) * st));
    }
    const [s0, e0, st] = PySlice_Unpack(item);
    const [start, stop, ] = PySlice_AdjustIndices(len, s0, e0, st);
    const step = big(r.step) * BigInt(st);
    return makeRange(range_item(r, BigInt(start)), range_item(r, BigInt(stop)), PyLong_FromBigInt(step));
  }
  if (typeof item !== "number" && Py_TYPE(item).nb_index === null) {
    return PyErr_Format(PyExc_TypeError, `range indices must be integers or slices, not ${Py_TYPE(item).tp_name}`);
  }
  let i = big(PyNumber_Index(item));
  const len = big(r.length);
  if (i < 0n) i += len;
  if (i < 0n || i >= len) return PyErr_Format(PyExc_IndexError, "range object index out of range");
  if (typeof r.start === "number" && typeof r.step === "number" && typeof r.length === "number") {
    const v = r.start + Number(i) * r.step;
    if (Number.isSafeInteger(v)) return v;
  }
  return range_item(r, i);
}

function isIntOrBool(v: PyVal): boolean {
  return PyLong_CheckExact(v) || (typeof v !== "number" && v.ob_type.tp_name === "bool");
}

/** The items equal to `v` in order (PyObject_RichCompareBool), with their indices, until `found` says stop. */
function iterSearch(r: PyRangeObject, v: PyVal, found: (i: bigint) => boolean): void {
  const n = big(r.length);
  for (let i = 0n; i < n; i++) if (PyObject_RichCompareBool(range_item(r, i), v, Py_EQ) && found(i)) return;
}

function range_contains(self: PyVal, v: PyVal): boolean {
  const r = self as PyRangeObject;
  if (PyLong_CheckExact(v) || (typeof v !== "number" && v.ob_type.tp_name === "bool")) {
    const x = big(v), start = big(r.start), stop = big(r.stop), step = big(r.step);
    if (step > 0n ? !(x >= start && x < stop) : !(x <= start && x > stop)) return false;
    return (x - start) % step === 0n;
  }
  const len = range_length(self);
  for (let i = 0; i < len; i++) if (PyObject_RichCompareBool(range_item(r, BigInt(i)), v, Py_EQ)) return true;
  return false;
}

function range_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if (!(b instanceof PyRangeObject) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
  const x = a as PyRangeObject;
  let eq: boolean;
  if (big(x.length) !== big(b.length)) eq = false;
  else if (big(x.length) === 0n) eq = true;
  else if (big(x.start) !== big(b.start)) eq = false;
  else if (big(x.length) === 1n) eq = true;
  else eq = big(x.step) === big(b.step);
  return PyBool_FromLong(op === Py_EQ ? eq : !eq);
}

function range_hash(self: PyVal): number {
  const r = self as PyRangeObject;
  const n = big(r.length);
  const t = n === 0n ? PyTuple_New([r.length, Py_None, Py_None]) : n === 1n ? PyTuple_New([r.length, r.start, Py_None])
    : PyTuple_New([r.length, r.start, r.step]);
  return PyObject_Hash(t);
}

// ---- iterators ----

export class PyRangeIterObject extends PyObject {
  start: number;
  step: number;
  len: number;
  constructor(start: number, step: number, len: number) {
    super(PyRangeIter_Type);
    this.start = start;
    this.step = step;
    this.len = len;
  }
}

function rangeiter_next(self: PyVal): PyVal | undefined {
  const it = self as PyRangeIterObject;
  if (it.len > 0) {
    const r = it.start;
    it.start = r + it.step;
    it.len--;
    return r;
  }
  return undefined;
}

PyType_FromSpecStatic({
  name: "range_iterator",
  slots: { tp_iter: (s) => s, tp_iternext: rangeiter_next },
  methods: [{ name: "__length_hint__", meth: (s: PyVal) => (s as PyRangeIterObject).len, flags: METH_NOARGS },
    ..._PyIter_PickleMethods((s) => {
      // rangeiter_reduce: (iter, (range(start, start + len * step, step),), None).
      const it = s as PyRangeIterObject;
      const r = makeRange(PyLong_FromBigInt(BigInt(it.start)), PyLong_FromBigInt(BigInt(it.start) + BigInt(it.len) * BigInt(it.step)),
        PyLong_FromBigInt(BigInt(it.step)));
      return PyTuple_New([_PyEval_GetBuiltin("iter"), PyTuple_New([r]), Py_None]);
    }, (s, state) => {
      const it = s as PyRangeIterObject;
      const i = Math.min(Math.max(_PyIter_StateIndex(state), 0), it.len);
      it.start += i * it.step;
      it.len -= i;
      return Py_None;
    })],
}, PyRangeIter_Type);

export class PyLongRangeIterObject extends PyObject {
  start: bigint;
  step: bigint;
  len: bigint;
  constructor(start: bigint, step: bigint, len: bigint) {
    super(PyLongRangeIter_Type);
    this.start = start;
    this.step = step;
    this.len = len;
  }
}

PyType_FromSpecStatic({
  name: "longrange_iterator",
  slots: {
    tp_iter: (s) => s,
    tp_iternext: (s) => {
      const it = s as PyLongRangeIterObject;
      if (it.len <= 0n) return undefined;
      const r = it.start;
      it.start += it.step;
      it.len--;
      return PyLong_FromBigInt(r);
    },
  },
  methods: [{ name: "__length_hint__", meth: (s: PyVal) => PyLong_FromBigInt((s as PyLongRangeIterObject).len), flags: METH_NOARGS },
    ..._PyIter_PickleMethods((s) => {
      const it = s as PyLongRangeIterObject;
      const r = makeRange(PyLong_FromBigInt(it.start), PyLong_FromBigInt(it.start + it.len * it.step), PyLong_FromBigInt(it.step));
      return PyTuple_New([_PyEval_GetBuiltin("iter"), PyTuple_New([r]), Py_None]);
    }, (s, state) => {
      // longrangeiter_setstate: clipped to [0, len] (any int, compared as Python ints).
      const it = s as PyLongRangeIterObject;
      if (!PyLong_Check(state)) return PyErr_Format(PyExc_TypeError, "an integer is required");
      let i = big(state);
      if (i < 0n) i = 0n;
      else if (i > it.len) i = it.len;
      it.start += i * it.step;
      it.len -= i;
      return Py_None;
    })],
}, PyLongRangeIter_Type);

function fitsIter(r: PyRangeObject): boolean {
  if (typeof r.start !== "number" || typeof r.step !== "number" || typeof r.length !== "number") return false;
  const last = r.start + (r.length - 1) * r.step;
  return Number.isSafeInteger(last) && Number.isSafeInteger(last + r.step);
}

export function range_iter(self: PyVal): PyVal {
  const r = self as PyRangeObject;
  if (fitsIter(r)) return new PyRangeIterObject(r.start as number, r.step as number, r.length as number);
  return new PyLongRangeIterObject(big(r.start), big(r.step), big(r.length));
}

function range_reversed(self: PyVal): PyVal {
  const r = self as PyRangeObject;
  const n = big(r.length);
  const last = big(r.start) + (n - 1n) * big(r.step);
  const rev = makeRange(PyLong_FromBigInt(last), PyLong_FromBigInt(big(r.start) - big(r.step)), PyLong_FromBigInt(-big(r.step)));
  if (n === 0n) return range_iter(makeRange(0, 0, 1));
  return range_iter(rev);
}

PyType_FromSpecStatic({
  name: "range",
  flags: 1 << 5, // Py_TPFLAGS_SEQUENCE
  doc: "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or decrement).",
  slots: {
    tp_new: range_new, tp_repr: range_repr, tp_iter: range_iter, tp_richcompare: range_richcompare, tp_hash: range_hash,
    sq_length: range_length, sq_contains: range_contains, mp_length: range_length, mp_subscript: range_subscript,
    nb_bool: (s) => big((s as PyRangeObject).length) !== 0n,
  },
  methods: [
    { name: "__reversed__", meth: range_reversed, flags: METH_NOARGS },
    // range_count and range_index: arithmetic for an exact int or a bool, else a search by == over the items
    // (_PySequence_IterSearch), as for any sequence.
    { name: "count", meth: (s: PyVal, v: PyVal) => {
      if (isIntOrBool(v)) return range_contains(s, v) ? 1 : 0;
      let n = 0;
      iterSearch(s as PyRangeObject, v, () => { n++; return false; });
      return n;
    }, flags: METH_O },
    { name: "index", meth: (s: PyVal, v: PyVal) => {
      const r = s as PyRangeObject;
      if (!isIntOrBool(v)) {
        let at = -1n;
        iterSearch(r, v, (i) => { at = i; return true; });
        if (at < 0n) return PyErr_Format(PyExc_ValueError, "sequence.index(x): x not in sequence");
        return PyLong_FromBigInt(at);
      }
      if (!range_contains(s, v)) return PyErr_Format(PyExc_ValueError, `${PyObject_Repr(v).value} is not in range`);
      return PyLong_FromBigInt((big(v) - big(r.start)) / big(r.step));
    }, flags: METH_O },
    { name: "__reduce__", meth: (s: PyVal) => {
      const r = s as PyRangeObject;
      return PyTuple_New([PyRange_Type, PyTuple_New([r.start, r.stop, r.step])]);
    }, flags: METH_NOARGS },
  ],
  members: [
    { name: "start", get: (s) => (s as PyRangeObject).start },
    { name: "stop", get: (s) => (s as PyRangeObject).stop },
    { name: "step", get: (s) => (s as PyRangeObject).step },
  ],
}, PyRange_Type);

