// slice objects and index normalisation (Objects/sliceobject.c: PySlice_Unpack, PySlice_AdjustIndices).
// Also declares the Ellipsis type's table. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_Ellipsis, PyEllipsis_Type,
  Py_NotImplemented, Py_EQ, Py_NE, METH_O, METH_NOARGS, Py_HashHi, type PyVal, PyUnicodeObject,
} from "./object.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_ValueError } from "./exceptions.js";
import { PyObject_Repr, PyNumber_Index, PyObject_RichCompare, PyObject_Hash } from "./abstract.js";
import { TupleHasher } from "../runtime/pyhash.js";
import { PyUnicode_FromString } from "./unicodeobject.js";
import { PyTuple_New } from "./tupleobject.js";
import { longValue, PyLong_FromBigInt } from "./longobject.js";
import { parseArgs } from "../runtime/getargs.js";

export const PySlice_Type = PyType_Declare("slice");

export class PySliceObject extends PyObject {
  start: PyVal;
  stop: PyVal;
  step: PyVal;
  constructor(start: PyVal, stop: PyVal, step: PyVal) {
    super(PySlice_Type);
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}

export function PySlice_New(start: PyVal, stop: PyVal, step: PyVal): PySliceObject {
  return new PySliceObject(start, stop, step);
}

const MAXS = 0x7fffffffffff;

/** An index bound clamped to a safe range (_PyEval_SliceIndex). */
function sliceIndex(v: PyVal): number {
  if (typeof v === "number") return v;
  let x: number | bigint;
  try {
    x = longValue(PyNumber_Index(v));
  } catch (e) {
    if (e instanceof PyObject && (e as PyObject).ob_type === PyExc_TypeError) {
      return PyErr_Format(PyExc_TypeError, "slice indices must be integers or None or have an __index__ method");
    }
    throw e;
  }
  if (typeof x === "number") return x;
  return x > 0n ? MAXS : -MAXS;
}

/** (start, stop, step) with None resolved to the sentinels CPython uses. */
export function PySlice_Unpack(s: PySliceObject): [number, number, number] {
  let step = 1;
  if (s.step !== Py_None) {
    step = sliceIndex(s.step);
    if (step === 0) return PyErr_Format(PyExc_ValueError, "slice step cannot be zero");
  }
  const start = s.start === Py_None ? (step < 0 ? MAXS : 0) : sliceIndex(s.start);
  const stop = s.stop === Py_None ? (step < 0 ? -MAXS : MAXS) : sliceIndex(s.stop);
  return [start, stop, step];
}

/** Clamp to a sequence of `length`; returns [start, stop, slicelength]. */
export function PySlice_AdjustIndices(length: number, start: number, stop: number, step: number): [number, number, number] {
  if (start < 0) { start += length; if (start < 0) start = step < 0 ? -1 : 0; }
  else if (start >= length) start = step < 0 ? length - 1 : length;
  if (stop < 0) { stop += length; if (stop < 0) stop = step < 0 ? -1 : 0; }
  else if (stop >= length) stop = step < 0 ? length - 1 : length;
  let len = 0;
  if (step < 0) { if (stop < start) len = Math.floor((start - stop - 1) / -step) + 1; }
  else if (start < stop) len = Math.floor((stop - start - 1) / step) + 1;
  return [start, stop, len];
}

function slice_repr(self: PyVal): PyUnicodeObject {
  const s = self as PySliceObject;
  return PyUnicode_FromString(`slice(${PyObject_Repr(s.start).value}, ${PyObject_Repr(s.stop).value}, ${PyObject_Repr(s.step).value})`);
}

function slice_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  void type;
  if (kwnames !== null && kwnames.length) return PyErr_Format(PyExc_TypeError, "slice() takes no keyword arguments");
  if (args.length === 0) return PyErr_Format(PyExc_TypeError, "slice expected at least 1 argument, got 0");
  if (args.length > 3) return PyErr_Format(PyExc_TypeError, `slice expected at most 3 arguments, got ${args.length}`);
  if (args.length === 1) return new PySliceObject(Py_None, args[0], Py_None);
  return new PySliceObject(args[0], args[1], args.length > 2 ? args[2] : Py_None);
}

function slice_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if (!(b instanceof PySliceObject)) return Py_NotImplemented;
  const x = a as PySliceObject;
  return PyObject_RichCompare(PyTuple_New([x.start, x.stop, x.step]), PyTuple_New([b.start, b.stop, b.step]), op);
}

/** slice_hash (3.12+): the tuple xxHash lanes over (start, stop, step), without the length term. */
function slice_hash(self: PyVal): number {
  const s = self as PySliceObject;
  const h = new TupleHasher();
  h.add(PyObject_Hash(s.start), Py_HashHi[0]);
  h.add(PyObject_Hash(s.stop), Py_HashHi[0]);
  h.add(PyObject_Hash(s.step), Py_HashHi[0]);
  if (h.ah === 0xffffffff && h.al === 0xffffffff) { Py_HashHi[0] = 0; return 1546275796; }
  Py_HashHi[0] = h.ah | 0;
  return h.al | 0;
}

/** slice.indices (_PySlice_GetLongIndices): exact for lengths and bounds of any size. */
function slice_indices(self: PyVal, len: PyVal): PyVal {
  const sl = self as PySliceObject;
  const length = BigInt(longValue(PyNumber_Index(len)));
  if (length < 0n) return PyErr_Format(PyExc_ValueError, "length should not be negative");
  const idx = (v: PyVal): bigint => {
    try {
      return BigInt(longValue(PyNumber_Index(v)));
    } catch (e) {
      if (e instanceof PyObject && (e as PyObject).ob_type === PyExc_TypeError) {
        return PyErr_Format(PyExc_TypeError, "slice indices must be integers or None or have an __index__ method");
      }
      throw e;
    }
  };
  const step = sl.step === Py_None ? 1n : idx(sl.step);
  if (step === 0n) return PyErr_Format(PyExc_ValueError, "slice step cannot be zero");
  const neg = step < 0n;
  const lower = neg ? -1n : 0n, upper = neg ? length - 1n : length;
  const bound = (v: PyVal, dflt: bigint): bigint => {
    if (v === Py_None) return dflt;
    let x = idx(v);
    if (x < 0n) { x += length; if (x < lower) x = lower; } else if (x > upper) x = upper;
    return x;
  };
  const start = bound(sl.start, neg ? upper : lower);
  const stop = bound(sl.stop, neg ? lower : upper);
  const out = (x: bigint): PyVal => (x >= -0x1fffffffffffffn && x <= 0x1fffffffffffffn ? Number(x) : PyLong_FromBigInt(x));
  return PyTuple_New([out(start), out(stop), out(step)]);
}

PyType_FromSpecStatic({
  name: "slice",
  doc: "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
  slots: { tp_repr: slice_repr, tp_new: slice_new, tp_richcompare: slice_richcompare, tp_hash: slice_hash },
  methods: [
    { name: "indices", meth: slice_indices, flags: METH_O },
    { name: "__reduce__", meth: (s: PyVal) => {
      const x = s as PySliceObject;
      return PyTuple_New([PySlice_Type, PyTuple_New([x.start, x.stop, x.step])]);
    }, flags: METH_NOARGS },
  ],
  members: [
    { name: "start", get: (s) => (s as PySliceObject).start },
    { name: "stop", get: (s) => (s as PySliceObject).stop },
    { name: "step", get: (s) => (s as PySliceObject).step },
  ],
}, PySlice_Type);

PyType_FromSpecStatic({
  name: "ellipsis",
  slots: {
    tp_repr: () => PyUnicode_FromString("Ellipsis"),
    tp_new: (_t, args, kw) => {
      if (args.length || (kw && kw.length)) return PyErr_Format(PyExc_TypeError, "ellipsis() takes no arguments");
      return Py_Ellipsis;
    },
  },
  methods: [{ name: "__reduce__", meth: () => PyUnicode_FromString("Ellipsis"), flags: METH_NOARGS }],
}, PyEllipsis_Type);

