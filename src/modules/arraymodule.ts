// The array module (Modules/arraymodule.c): array.array, a typed sequence over one byte buffer (every typecode of
// 3.13, little-endian x86-64 sizes), exported through the buffer protocol (memoryview, bytes(), writes through views),
// with slicing, slice assignment, comparisons, pickling via _array_reconstructor and CPython's messages. docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE,
  Py_LT, Py_LE, Py_GT, Py_GE, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_SEQUENCE, METH_NOARGS, METH_O, METH_FASTCALL, METH_CLASS,
  type PyVal, type PyUnicodeObject,
} from "../objects/object.js";
import { PyTuple_New, PyTuple_Check, PyTupleObject } from "../objects/tupleobject.js";
import { PyList_New, PyList_Check, PyListObject } from "../objects/listobject.js";
import { PyUnicode_FromString, PyUnicode_Check, codePoints } from "../objects/unicodeobject.js";
import { PyBytes_FromArray, PyBytes_Check, bytesLikeData } from "../objects/bytesobject.js";
import { PyByteArray_Check } from "../objects/bytearrayobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyFloat_FromDouble, PyFloat_AsDouble } from "../objects/floatobject.js";
import { PyLong_FromBigInt, PyLong_Check, longValue } from "../objects/longobject.js";
import { PySliceObject, PySlice_Unpack, PySlice_AdjustIndices } from "../objects/sliceobject.js";
import { PyBuffer_RegisterExporter } from "../objects/memoryobject.js";
import { decodeUTF16, decodeUTF32 } from "../objects/unicodecodecs.js";
import { Py_GenericAlias } from "../objects/genericaliasobject.js";
import {
  PyExc_TypeError, PyExc_ValueError, PyExc_IndexError, PyExc_OverflowError, PyExc_RuntimeError, PyExc_BufferError,
  PyExc_EOFError, PyExc_DeprecationWarning,
} from "../objects/exceptions.js";
import {
  PyObject_GetIter, PyIter_Next, PyObject_RichCompare, PyObject_RichCompareBool, PyObject_Repr, PyNumber_Index,
  PyNumber_AsSsize_t, PyObject_CallMethod, PyType_IsSubtype, _PyObject_LookupAttr, PyObject_GetAttrStr,
} from "../objects/abstract.js";
import { PyImport_ImportModule } from "../runtime/import.js";
import { PyUnicode_InternFromString } from "../objects/object.js";
import { PyErr_Format, PyErr_BadArgument } from "../runtime/errors.js";
import { unpackArgs } from "../runtime/getargs.js";
import { PyErr_WarnEx } from "./_warnings.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { _PyGC_AddRoot } from "../runtime/gc.js";

export const PyArray_Type = PyType_Declare("array.array");
export const PyArrayIter_Type = PyType_Declare("array.arrayiterator");

/** One row of CPython's `descriptors` table; `format` is the buffer format (3.13 exports 'u' as 'w'). */
interface ArrayDescr {
  readonly typecode: string;
  readonly itemsize: number;
  readonly isInteger: boolean;
  readonly isSigned: boolean;
  readonly format: string;
  /** typecode_to_mformat_code on little-endian x86-64 (wchar_t is 4 bytes: UTF32_LE). */
  readonly mformat: number;
}

const descriptors: readonly ArrayDescr[] = [
  { typecode: "b", itemsize: 1, isInteger: true, isSigned: true, format: "b", mformat: 1 },
  { typecode: "B", itemsize: 1, isInteger: true, isSigned: false, format: "B", mformat: 0 },
  { typecode: "u", itemsize: 4, isInteger: false, isSigned: false, format: "w", mformat: 20 },
  { typecode: "w", itemsize: 4, isInteger: false, isSigned: false, format: "w", mformat: 20 },
  { typecode: "h", itemsize: 2, isInteger: true, isSigned: true, format: "h", mformat: 4 },
  { typecode: "H", itemsize: 2, isInteger: true, isSigned: false, format: "H", mformat: 2 },
  { typecode: "i", itemsize: 4, isInteger: true, isSigned: true, format: "i", mformat: 8 },
  { typecode: "I", itemsize: 4, isInteger: true, isSigned: false, format: "I", mformat: 6 },
  { typecode: "l", itemsize: 8, isInteger: true, isSigned: true, format: "l", mformat: 12 },
  { typecode: "L", itemsize: 8, isInteger: true, isSigned: false, format: "L", mformat: 10 },
  { typecode: "q", itemsize: 8, isInteger: true, isSigned: true, format: "q", mformat: 12 },
  { typecode: "Q", itemsize: 8, isInteger: true, isSigned: false, format: "Q", mformat: 10 },
  { typecode: "f", itemsize: 4, isInteger: false, isSigned: false, format: "f", mformat: 14 },
  { typecode: "d", itemsize: 8, isInteger: false, isSigned: false, format: "d", mformat: 16 },
];

/** mformat_descriptors: (size, signed, big-endian) of each machine format code 0..21. */
const mformatDescriptors: readonly (readonly [number, boolean, boolean])[] = [
  [1, false, false], [1, true, false], [2, false, false], [2, false, true], [2, true, false], [2, true, true],
  [4, false, false], [4, false, true], [4, true, false], [4, true, true], [8, false, false], [8, false, true],
  [8, true, false], [8, true, true], [4, false, false], [4, false, true], [8, false, false], [8, false, true],
  [4, false, false], [4, false, true], [8, false, false], [8, false, true],
];

export class PyArrayObject extends PyObject {
  ob_descr: ArrayDescr;
  /** The storage: `allocated` items, of which the first `ob_size` are the array. */
  ob_item: Uint8Array;
  view: DataView;
  ob_size: number;
  allocated: number;
  ob_exports: number;
  constructor(type: PyTypeObject, descr: ArrayDescr) {
    super(type);
    this.ob_descr = descr;
    this.ob_item = new Uint8Array(0);
    this.view = new DataView(this.ob_item.buffer);
    this.ob_size = 0;
    this.allocated = 0;
    this.ob_exports = 0;
  }
}

class PyArrayIterObject extends PyObject {
  ao: PyArrayObject | null;
  index: number;
  constructor(ao: PyArrayObject) {
    super(PyArrayIter_Type);
    this.ao = ao;
    this.index = 0;
  }
}

function array_Check(v: PyVal): v is PyArrayObject {
  return v instanceof PyArrayObject;
}

function typeName(a: PyVal): string {
  const n = Py_TYPE(a).tp_name;
  return n.slice(n.lastIndexOf(".") + 1);
}

// ---- storage ----

function setCapacity(a: PyArrayObject, items: number): void {
  const buf = new Uint8Array(items * a.ob_descr.itemsize);
  buf.set(a.ob_item.subarray(0, Math.min(a.ob_size, items) * a.ob_descr.itemsize));
  a.ob_item = buf;
  a.view = new DataView(buf.buffer);
  a.allocated = items;
}

/** array_resize: CPython's over-allocation, and no resizing while a buffer is exported. */
function array_resize(a: PyArrayObject, newsize: number): void {
  if (a.ob_exports > 0 && newsize !== a.ob_size) {
    PyErr_Format(PyExc_BufferError, "cannot resize an array that is exporting buffers");
  }
  if (a.allocated >= newsize && a.ob_size < newsize + 16 && a.allocated > 0) {
    a.ob_size = newsize;
    return;
  }
  if (newsize === 0) {
    a.ob_item = new Uint8Array(0);
    a.view = new DataView(a.ob_item.buffer);
    a.allocated = 0;
    a.ob_size = 0;
    return;
  }
  const allocated = (newsize >> 4) + (a.ob_size < 8 ? 3 : 7) + newsize;
  setCapacity(a, allocated);
  a.ob_size = newsize;
}

function newArray(type: PyTypeObject, descr: ArrayDescr, size: number): PyArrayObject {
  const a = new PyArrayObject(type, descr);
  if (size > 0) {
    setCapacity(a, size);
    a.ob_size = size;
  }
  return a;
}

function bytesOf(a: PyArrayObject): Uint8Array {
  return a.ob_item.subarray(0, a.ob_size * a.ob_descr.itemsize);
}

// ---- items: getitem / setitem per typecode ----

function getitem(a: PyArrayObject, i: number): PyVal {
  const v = a.view;
  const off = i * a.ob_descr.itemsize;
  switch (a.ob_descr.typecode) {
    case "b": return v.getInt8(off);
    case "B": return v.getUint8(off);
    case "u": case "w": return PyUnicode_FromString(String.fromCodePoint(v.getUint32(off, true)));
    case "h": return v.getInt16(off, true);
    case "H": return v.getUint16(off, true);
    case "i": return v.getInt32(off, true);
    case "I": return v.getUint32(off, true);
    case "l": case "q": return PyLong_FromBigInt(v.getBigInt64(off, true));
    case "L": case "Q": return PyLong_FromBigInt(v.getBigUint64(off, true));
    case "f": return PyFloat_FromDouble(v.getFloat32(off, true));
    case "d": return PyFloat_FromDouble(v.getFloat64(off, true));
    default: return PyErr_Format(PyExc_RuntimeError, "unknown typecode");
  }
}

const LONG_MIN = -(2n ** 63n), LONG_MAX = 2n ** 63n - 1n, ULONG_MAX = 2n ** 64n - 1n;

function overflow(msg: string): never {
  return PyErr_Format(PyExc_OverflowError, msg);
}

/** The "l"-style conversion of PyArg_Parse: __index__, then the C long range. */
function asLong(v: PyVal): number | bigint {
  const x = longValue(PyNumber_Index(v));
  if (typeof x === "bigint" && (x < LONG_MIN || x > LONG_MAX)) overflow("Python int too large to convert to C long");
  return x;
}

function checkRange(x: number | bigint, lo: number, hi: number, what: string): number {
  if (x < lo) overflow(`${what} is less than minimum`);
  if (x > hi) overflow(`${what} is greater than maximum`);
  return Number(x);
}

/** PyLong_AsUnsignedLong after __index__ (II_setitem, LL_setitem). */
function asUnsignedLong(v: PyVal): bigint {
  const x = BigInt(longValue(PyLong_Check(v) ? v : PyNumber_Index(v)));
  if (x < 0n) overflow("can't convert negative value to unsigned int");
  if (x > ULONG_MAX) overflow("Python int too large to convert to C unsigned long");
  return x;
}

/** The value an item will hold, converted and checked before anything is stored (CPython's *_setitem). */
function convertItem(descr: ArrayDescr, v: PyVal): number | bigint {
  switch (descr.typecode) {
    case "b": {
      const x = checkRange(asLong(v), -32768, 32767, "signed short integer");
      return checkRange(x, -128, 127, "signed char");
    }
    case "B": return checkRange(asLong(v), 0, 255, "unsigned byte integer");
    case "h": return checkRange(asLong(v), -32768, 32767, "signed short integer");
    case "H": {
      const x = checkRange(asLong(v), -2147483648, 2147483647, "signed integer");
      return checkRange(x, 0, 65535, "unsigned short");
    }
    case "i": return checkRange(asLong(v), -2147483648, 2147483647, "signed integer");
    case "I": {
      const x = asUnsignedLong(v);
      if (x > 0xffffffffn) overflow("unsigned int is greater than maximum");
      return Number(x);
    }
    case "l": return BigInt(asLong(v));
    case "L": return asUnsignedLong(v);
    case "q": {
      const x = BigInt(longValue(PyNumber_Index(v)));
      if (x < LONG_MIN || x > LONG_MAX) overflow("int too big to convert");
      return x;
    }
    case "Q": {
      const x = BigInt(longValue(PyNumber_Index(v)));
      if (x < 0n) overflow("can't convert negative int to unsigned");
      if (x > ULONG_MAX) overflow("int too big to convert");
      return x;
    }
    case "f": case "d": return PyFloat_AsDouble(v);
    case "u": case "w": {
      if (PyUnicode_Check(v)) {
        const s = (v as PyUnicodeObject).value;
        const cp = s.codePointAt(0);
        if (cp !== undefined && s.length === (cp > 0xffff ? 2 : 1)) return cp;
      }
      return PyErr_Format(PyExc_TypeError, "array item must be unicode character");
    }
    default: return PyErr_Format(PyExc_RuntimeError, "unknown typecode");
  }
}

function store(a: PyArrayObject, i: number, x: number | bigint): void {
  const v = a.view;
  const off = i * a.ob_descr.itemsize;
  switch (a.ob_descr.typecode) {
    case "b": v.setInt8(off, x as number); return;
    case "B": v.setUint8(off, x as number); return;
    case "u": case "w": v.setUint32(off, x as number, true); return;
    case "h": v.setInt16(off, x as number, true); return;
    case "H": v.setUint16(off, x as number, true); return;
    case "i": v.setInt32(off, x as number, true); return;
    case "I": v.setUint32(off, x as number, true); return;
    case "l": case "q": v.setBigInt64(off, x as bigint, true); return;
    case "L": case "Q": v.setBigUint64(off, x as bigint, true); return;
    case "f": v.setFloat32(off, x as number, true); return;
    case "d": v.setFloat64(off, x as number, true); return;
    default: PyErr_Format(PyExc_RuntimeError, "unknown typecode");
  }
}

function setitem(a: PyArrayObject, i: number, v: PyVal): void {
  store(a, i, convertItem(a.ob_descr, v));
}

function ins1(a: PyArrayObject, where: number, v: PyVal): void {
  const x = convertItem(a.ob_descr, v);
  const n = a.ob_size;
  array_resize(a, n + 1);
  if (where < 0) { where += n; if (where < 0) where = 0; }
  if (where > n) where = n;
  const sz = a.ob_descr.itemsize;
  if (where < n) a.ob_item.copyWithin((where + 1) * sz, where * sz, n * sz);
  store(a, where, x);
}

function tolist(a: PyArrayObject): PyListObject {
  const out: PyVal[] = new Array(a.ob_size);
  for (let i = 0; i < a.ob_size; i++) out[i] = getitem(a, i);
  return PyList_New(out);
}

function tounicodeText(a: PyArrayObject): string {
  let s = "";
  for (let i = 0; i < a.ob_size; i++) s += String.fromCodePoint(a.view.getUint32(i * 4, true));
  return s;
}

// ---- bulk operations ----

function frombytes(a: PyArrayObject, src: Uint8Array): void {
  const sz = a.ob_descr.itemsize;
  if (src.length % sz !== 0) PyErr_Format(PyExc_ValueError, "bytes length not a multiple of item size");
  const data = src.slice();
  const old = a.ob_size;
  array_resize(a, old + data.length / sz);
  a.ob_item.set(data, old * sz);
}

function fromunicode(a: PyArrayObject, s: string): void {
  const cps = codePoints(s);
  if (cps.length === 0) return;
  const old = a.ob_size;
  array_resize(a, old + cps.length);
  for (let k = 0; k < cps.length; k++) a.view.setUint32((old + k) * 4, cps[k], true);
}

/** array_do_extend / array_iter_extend. */
function extend(a: PyArrayObject, bb: PyVal): void {
  if (!array_Check(bb)) {
    const it = PyObject_GetIter(bb);
    for (let v = PyIter_Next(it); v !== undefined; v = PyIter_Next(it)) ins1(a, a.ob_size, v);
    return;
  }
  if (bb.ob_descr !== a.ob_descr) PyErr_Format(PyExc_TypeError, "can only extend with array of same kind");
  const data = bytesOf(bb).slice();
  const old = a.ob_size;
  array_resize(a, old + bb.ob_size);
  a.ob_item.set(data, old * a.ob_descr.itemsize);
}

function slice(a: PyArrayObject, lo: number, hi: number): PyArrayObject {
  const sz = a.ob_descr.itemsize;
  const r = newArray(PyArray_Type, a.ob_descr, hi - lo);
  r.ob_item.set(a.ob_item.subarray(lo * sz, hi * sz));
  return r;
}

function copyArray(a: PyArrayObject): PyArrayObject {
  return slice(a, 0, a.ob_size);
}

// ---- construction ----

function array_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  if ((type === PyArray_Type || type.tp_init === PyArray_Type.tp_init) && kwnames !== null && kwnames.length > 0) {
    PyErr_Format(PyExc_TypeError, "array.array() takes no keyword arguments");
  }
  if (args.length < 1) PyErr_Format(PyExc_TypeError, `array() takes at least 1 argument (${args.length} given)`);
  if (args.length > 2) PyErr_Format(PyExc_TypeError, `array() takes at most 2 arguments (${args.length} given)`);
  const tc = args[0];
  const chars = PyUnicode_Check(tc) ? codePoints((tc as PyUnicodeObject).value) : null;
  if (chars === null || chars.length !== 1) {
    PyErr_Format(PyExc_TypeError, `array() argument 1 must be a unicode character, not ${Py_TYPE(tc).tp_name}`);
  }
  const c = String.fromCodePoint(chars![0]);
  let initial: PyVal | undefined = args[1];
  if (c === "u") {
    PyErr_WarnEx(PyExc_DeprecationWarning, PyUnicode_FromString("The 'u' type code is deprecated and will be removed in Python 3.16"), 1);
  }
  const isUnicode = c === "u" || c === "w";
  if (initial !== undefined && !isUnicode) {
    if (PyUnicode_Check(initial)) {
      PyErr_Format(PyExc_TypeError, `cannot use a str to initialize an array with typecode '${c}'`);
    } else if (array_Check(initial) && (initial.ob_descr.typecode === "u" || initial.ob_descr.typecode === "w")) {
      PyErr_Format(PyExc_TypeError, `cannot use a unicode array to initialize an array with typecode '${c}'`);
    }
  }
  let it: PyVal | undefined;
  if (initial !== undefined && !(PyList_Check(initial) || PyByteArray_Check(initial) || PyBytes_Check(initial) ||
    PyTuple_Check(initial) || (isUnicode && PyUnicode_Check(initial)) ||
    (array_Check(initial) && initial.ob_descr.typecode === c))) {
    it = PyObject_GetIter(initial);
    initial = undefined;
  }
  const descr = descriptors.find((d) => d.typecode === c);
  if (descr === undefined) {
    return PyErr_Format(PyExc_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  }
  let items: PyVal[] | null = null;
  if (initial !== undefined && (PyList_Check(initial) || PyTuple_Check(initial))) {
    items = (initial as PyListObject | PyTupleObject).ob_item.slice();
  }
  const a = newArray(type, descr, items === null ? 0 : items.length);
  if (items !== null) {
    for (let i = 0; i < items.length; i++) setitem(a, i, items[i]);
  } else if (initial !== undefined && (PyBytes_Check(initial) || PyByteArray_Check(initial))) {
    frombytes(a, bytesLikeData(initial)!);
  } else if (initial !== undefined && PyUnicode_Check(initial)) {
    fromunicode(a, (initial as PyUnicodeObject).value);
  } else if (initial !== undefined && array_Check(initial)) {
    frombytes(a, bytesOf(initial));
  }
  if (it !== undefined) extend(a, it);
  return a;
}

// ---- sequence and mapping slots ----

function index(a: PyArrayObject, i: number, msg: string): number {
  if (i < 0) i += a.ob_size;
  if (i < 0 || i >= a.ob_size) PyErr_Format(PyExc_IndexError, msg);
  return i;
}

function array_subscr(self: PyVal, item: PyVal): PyVal {
  const a = self as PyArrayObject;
  if (item instanceof PySliceObject) {
    const [s0, e0, step] = PySlice_Unpack(item);
    const [start, , len] = PySlice_AdjustIndices(a.ob_size, s0, e0, step);
    if (step === 1) return slice(a, start, start + len);
    const r = newArray(PyArray_Type, a.ob_descr, len);
    const sz = a.ob_descr.itemsize;
    for (let k = 0, cur = start; k < len; k++, cur += step) r.ob_item.set(a.ob_item.subarray(cur * sz, cur * sz + sz), k * sz);
    return r;
  }
  if (typeof item !== "number" && Py_TYPE(item).nb_index === null) {
    return PyErr_Format(PyExc_TypeError, "array indices must be integers");
  }
  return getitem(a, index(a, PyNumber_AsSsize_t(item, PyExc_IndexError), "array index out of range"));
}

/** array_ass_subscr: item assignment and deletion, slice assignment from an array of the same kind. */
function array_ass_subscr(self: PyVal, item: PyVal, value: PyVal | null): void {
  const a = self as PyArrayObject;
  if (!(item instanceof PySliceObject)) {
    if (typeof item !== "number" && Py_TYPE(item).nb_index === null) {
      PyErr_Format(PyExc_TypeError, "array indices must be integers");
    }
    const i = index(a, PyNumber_AsSsize_t(item, PyExc_IndexError), "array assignment index out of range");
    if (value === null) { delSlice(a, i, i + 1, 1, 1); return; }
    setitem(a, i, value);
    return;
  }
  const [s0, e0, step] = PySlice_Unpack(item);
  let [start, stop, slicelength] = PySlice_AdjustIndices(a.ob_size, s0, e0, step);
  let other: PyArrayObject | null = null;
  if (value !== null) {
    if (!array_Check(value)) {
      PyErr_Format(PyExc_TypeError, `can only assign array (not "${Py_TYPE(value).tp_name}") to array slice`);
    }
    other = value === a ? copyArray(a) : value;
    if (other.ob_descr !== a.ob_descr) PyErr_BadArgument();
  }
  const needed = other === null ? 0 : other.ob_size;
  const sz = a.ob_descr.itemsize;
  if (step === 1) {
    if (stop < start) stop = start;
    const n = a.ob_size;
    const tail = a.ob_item.slice(stop * sz, n * sz);
    const newsize = n - (stop - start) + needed;
    if (newsize !== n) array_resize(a, newsize);
    if (needed > 0) a.ob_item.set(bytesOf(other!), start * sz);
    a.ob_item.set(tail, (start + needed) * sz);
    return;
  }
  if (other === null) {
    delSlice(a, start, stop, step, slicelength);
    return;
  }
  if (needed !== slicelength) {
    PyErr_Format(PyExc_ValueError, `attempt to assign array of size ${needed} to extended slice of size ${slicelength}`);
  }
  for (let k = 0, cur = start; k < slicelength; k++, cur += step) {
    a.ob_item.set(other.ob_item.subarray(k * sz, k * sz + sz), cur * sz);
  }
}

/** Delete `len` items start, start+step, ... (step may be negative). */
function delSlice(a: PyArrayObject, start: number, _stop: number, step: number, len: number): void {
  if (len <= 0) return;
  if (step < 0) {
    start = start + step * (len - 1);
    step = -step;
  }
  const sz = a.ob_descr.itemsize;
  const keep = new Uint8Array((a.ob_size - len) * sz);
  let k = 0;
  let next = start, removed = 0;
  for (let i = 0; i < a.ob_size; i++) {
    if (i === next && removed < len) { removed++; next += step; continue; }
    keep.set(a.ob_item.subarray(i * sz, i * sz + sz), k * sz);
    k++;
  }
  array_resize(a, a.ob_size - len);
  a.ob_item.set(keep);
}

function array_concat(self: PyVal, bb: PyVal): PyVal {
  const a = self as PyArrayObject;
  if (!array_Check(bb)) return PyErr_Format(PyExc_TypeError, `can only append array (not "${Py_TYPE(bb).tp_name}") to array`);
  if (bb.ob_descr !== a.ob_descr) return PyErr_BadArgument();
  const r = newArray(PyArray_Type, a.ob_descr, a.ob_size + bb.ob_size);
  r.ob_item.set(bytesOf(a));
  r.ob_item.set(bytesOf(bb), a.ob_size * a.ob_descr.itemsize);
  return r;
}

function array_repeat(self: PyVal, n: number): PyVal {
  const a = self as PyArrayObject;
  if (n < 0) n = 0;
  const src = bytesOf(a);
  const r = newArray(PyArray_Type, a.ob_descr, a.ob_size * n);
  for (let k = 0; k < n; k++) r.ob_item.set(src, k * src.length);
  return r;
}

function array_inplace_repeat(self: PyVal, n: number): PyVal {
  const a = self as PyArrayObject;
  if (a.ob_size > 0) {
    if (n < 0) n = 0;
    const src = bytesOf(a).slice();
    array_resize(a, a.ob_size * n);
    for (let k = 0; k < n; k++) a.ob_item.set(src, k * src.length);
  }
  return a;
}

function array_richcompare(v: PyVal, w: PyVal, op: number): PyVal {
  if (!array_Check(v) || !array_Check(w)) return Py_NotImplemented;
  if (v.ob_size !== w.ob_size && (op === Py_EQ || op === Py_NE)) return PyBool_FromLong(op === Py_NE ? 1 : 0);
  let k = 0;
  let vi: PyVal = Py_None, wi: PyVal = Py_None;
  for (; k < v.ob_size && k < w.ob_size; k++) {
    vi = getitem(v, k);
    wi = getitem(w, k);
    if (!PyObject_RichCompareBool(vi, wi, Py_EQ)) break;
  }
  if (k >= v.ob_size || k >= w.ob_size) {
    const vs = v.ob_size, ws = w.ob_size;
    let cmp: boolean;
    switch (op) {
      case Py_LT: cmp = vs < ws; break;
      case Py_LE: cmp = vs <= ws; break;
      case Py_EQ: cmp = vs === ws; break;
      case Py_NE: cmp = vs !== ws; break;
      case Py_GT: cmp = vs > ws; break;
      default: cmp = vs >= ws;
    }
    return PyBool_FromLong(cmp ? 1 : 0);
  }
  if (op === Py_EQ) return PyBool_FromLong(0);
  if (op === Py_NE) return PyBool_FromLong(1);
  return PyObject_RichCompare(vi, wi, op);
}

function array_repr(self: PyVal): PyUnicodeObject {
  const a = self as PyArrayObject;
  const tc = a.ob_descr.typecode;
  if (a.ob_size === 0) return PyUnicode_FromString(`${typeName(a)}('${tc}')`);
  const body = tc === "u" || tc === "w" ? PyObject_Repr(PyUnicode_FromString(tounicodeText(a))).value : PyObject_Repr(tolist(a)).value;
  return PyUnicode_FromString(`${typeName(a)}('${tc}', ${body})`);
}

// ---- methods ----

function clampIndex(v: PyVal | undefined, n: number, dflt: number): number {
  if (v === undefined) return dflt;
  let i = PyNumber_AsSsize_t(v, null);
  if (i < 0) { i += n; if (i < 0) i = 0; }
  return i;
}

function typecodeArg(fname: string, v: PyVal): string {
  const cps = PyUnicode_Check(v) ? codePoints((v as PyUnicodeObject).value) : null;
  if (cps === null || cps.length !== 1) {
    PyErr_Format(PyExc_TypeError, `${fname}() argument 2 must be a unicode character, not ${Py_TYPE(v).tp_name}`);
  }
  return String.fromCodePoint(cps![0]);
}

/** array._array_reconstructor(arraytype, typecode, mformat_code, items): the portable pickle form. */
function array_reconstructor(_m: PyVal, args: PyVal[]): PyVal {
  const [arraytype, tcArg, mfArg, items] = unpackArgs("_array_reconstructor", args, 4, 4) as PyVal[];
  let typecode = typecodeArg("_array_reconstructor", tcArg);
  const mformat = PyNumber_AsSsize_t(mfArg, PyExc_OverflowError);
  if (!(arraytype instanceof PyTypeObject)) {
    return PyErr_Format(PyExc_TypeError, `first argument must be a type object, not ${Py_TYPE(arraytype).tp_name}`);
  }
  if (!PyType_IsSubtype(arraytype, PyArray_Type)) {
    return PyErr_Format(PyExc_TypeError, `${arraytype.tp_name} is not a subtype of ${PyArray_Type.tp_name}`);
  }
  const descr = descriptors.find((d) => d.typecode === typecode);
  if (descr === undefined) return PyErr_Format(PyExc_ValueError, "second argument must be a valid type code");
  if (mformat < 0 || mformat > 21) return PyErr_Format(PyExc_ValueError, "third argument must be a valid machine format code.");
  if (!PyBytes_Check(items)) return PyErr_Format(PyExc_TypeError, `fourth argument should be bytes, not ${Py_TYPE(items).tp_name}`);
  const make = (tc: string, init: PyVal): PyVal => array_new(arraytype, [PyUnicode_FromString(tc), init], null);
  if (mformat === descr.mformat) return make(typecode, items);
  const data = items.ob_bytes;
  const [size, signed, big] = mformatDescriptors[mformat];
  if (data.length % size !== 0) return PyErr_Format(PyExc_ValueError, "string length not a multiple of item size");
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const n = data.length / size;
  const out: PyVal[] = [];
  if (mformat === 14 || mformat === 15) {
    for (let k = 0; k < n; k++) out.push(PyFloat_FromDouble(dv.getFloat32(k * 4, !big)));
  } else if (mformat === 16 || mformat === 17) {
    for (let k = 0; k < n; k++) out.push(PyFloat_FromDouble(dv.getFloat64(k * 8, !big)));
  } else if (mformat >= 18) {
    // UTF-16 or UTF-32 in the given byte order, decoded strictly (PyUnicode_DecodeUTF16/32 with a byte order).
    const byteorder = big ? 1 : -1;
    const s = mformat <= 19 ? decodeUTF16(data, "strict", items, byteorder)[0] : decodeUTF32(data, "strict", items, byteorder)[0];
    return make(typecode, PyUnicode_FromString(s));
  } else {
    // A narrower or wider integer type that fits the pickled items better (the last matching descriptor wins).
    for (const d of descriptors) if (d.isInteger && d.itemsize === size && d.isSigned === signed) typecode = d.typecode;
    for (let k = 0; k < n; k++) {
      let x = 0n;
      for (let b = 0; b < size; b++) x |= BigInt(data[k * size + (big ? b : size - 1 - b)]) << BigInt(8 * (size - 1 - b));
      if (signed && x >= 1n << BigInt(8 * size - 1)) x -= 1n << BigInt(8 * size);
      out.push(PyLong_FromBigInt(x));
    }
  }
  return make(typecode, PyList_New(out));
}

let reconstructor: PyVal | null = null;
_PyGC_AddRoot("array", () => reconstructor);

function array_reduce_ex(self: PyVal, value: PyVal): PyVal {
  const a = self as PyArrayObject;
  if (!PyLong_Check(value)) return PyErr_Format(PyExc_TypeError, "__reduce_ex__ argument should be an integer");
  const protocol = longValue(value);
  const dict = _PyObject_LookupAttr(a, PyUnicode_InternFromString("__dict__")) ?? Py_None;
  const tc = PyUnicode_FromString(a.ob_descr.typecode);
  if (protocol < 3) return PyTuple_New([Py_TYPE(a), PyTuple_New([tc, tolist(a)]), dict]);
  return PyTuple_New([reconstructor ?? Py_None, PyTuple_New([Py_TYPE(a), tc, a.ob_descr.mformat, PyBytes_FromArray(bytesOf(a).slice())]), dict]);
}

function array_byteswap(self: PyVal): PyVal {
  const a = self as PyArrayObject;
  const sz = a.ob_descr.itemsize;
  const b = a.ob_item;
  if (sz !== 1 && sz !== 2 && sz !== 4 && sz !== 8) return PyErr_Format(PyExc_RuntimeError, "don't know how to byteswap this array type");
  for (let i = 0; i < a.ob_size; i++) b.subarray(i * sz, i * sz + sz).reverse();
  return Py_None;
}

function array_index(self: PyVal, args: PyVal[]): PyVal {
  const a = self as PyArrayObject;
  const [v, st, sp] = unpackArgs("index", args, 1, 3);
  const start = clampIndex(st, a.ob_size, 0);
  const stop = Math.min(clampIndex(sp, a.ob_size, a.ob_size), a.ob_size);
  for (let i = start; i < stop && i < a.ob_size; i++) {
    if (PyObject_RichCompareBool(getitem(a, i), v!, Py_EQ)) return i;
  }
  return PyErr_Format(PyExc_ValueError, "array.index(x): x not in array");
}

function array_pop(self: PyVal, args: PyVal[]): PyVal {
  const a = self as PyArrayObject;
  const [iv] = unpackArgs("pop", args, 0, 1);
  let i = iv === undefined ? -1 : PyNumber_AsSsize_t(iv, PyExc_OverflowError);
  if (a.ob_size === 0) return PyErr_Format(PyExc_IndexError, "pop from empty array");
  if (i < 0) i += a.ob_size;
  if (i < 0 || i >= a.ob_size) return PyErr_Format(PyExc_IndexError, "pop index out of range");
  const v = getitem(a, i);
  delSlice(a, i, i + 1, 1, 1);
  return v;
}

function array_fromfile(self: PyVal, args: PyVal[]): PyVal {
  const a = self as PyArrayObject;
  const [f, nv] = unpackArgs("fromfile", args, 2, 2) as PyVal[];
  const n = PyNumber_AsSsize_t(nv, PyExc_OverflowError);
  if (n < 0) return PyErr_Format(PyExc_ValueError, "negative count");
  const nbytes = n * a.ob_descr.itemsize;
  const b = PyObject_CallMethod(f, "read", [nbytes]);
  if (!PyBytes_Check(b)) return PyErr_Format(PyExc_TypeError, "read() didn't return bytes");
  const notEnough = b.ob_bytes.length !== nbytes;
  frombytes(a, b.ob_bytes.subarray(0, b.ob_bytes.length - (b.ob_bytes.length % a.ob_descr.itemsize)));
  if (notEnough) return PyErr_Format(PyExc_EOFError, "read() didn't return enough bytes");
  return Py_None;
}

function array_tofile(self: PyVal, f: PyVal): PyVal {
  const a = self as PyArrayObject;
  const BLOCKSIZE = 64 * 1024;
  const data = bytesOf(a);
  for (let off = 0; off < data.length; off += BLOCKSIZE) {
    PyObject_CallMethod(f, "write", [PyBytes_FromArray(data.slice(off, Math.min(off + BLOCKSIZE, data.length)))]);
  }
  return Py_None;
}

function unicodeOnly(a: PyArrayObject, what: string): void {
  const tc = a.ob_descr.typecode;
  if (tc !== "u" && tc !== "w") PyErr_Format(PyExc_ValueError, `${what}() may only be called on unicode type arrays ('u' or 'w')`);
}

PyType_FromSpecStatic({
  name: "array.array",
  flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_SEQUENCE,
  doc: "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\ninitialized from the optional initializer value, which must be a list,\nstring, or iterable over elements of the appropriate type.\n\nArrays represent basic values and behave very much like lists, except\nthe type of objects stored in them is constrained. The type is specified\nat object creation time by using a type code, which is a single character.",
  slots: {
    tp_new: array_new,
    tp_repr: array_repr,
    tp_richcompare: array_richcompare,
    tp_iter: (s) => new PyArrayIterObject(s as PyArrayObject),
    sq_length: (s) => (s as PyArrayObject).ob_size,
    sq_concat: array_concat,
    sq_repeat: array_repeat,
    sq_item: (s, i) => getitem(s as PyArrayObject, index(s as PyArrayObject, i, "array index out of range")),
    sq_contains: (s, v) => {
      const a = s as PyArrayObject;
      for (let i = 0; i < a.ob_size; i++) if (PyObject_RichCompareBool(getitem(a, i), v, Py_EQ)) return true;
      return false;
    },
    sq_inplace_concat: (s, bb) => {
      if (!array_Check(bb)) return PyErr_Format(PyExc_TypeError, `can only extend array with array (not "${Py_TYPE(bb).tp_name}")`);
      extend(s as PyArrayObject, bb);
      return s;
    },
    sq_inplace_repeat: array_inplace_repeat,
    mp_length: (s) => (s as PyArrayObject).ob_size,
    mp_subscript: array_subscr,
    mp_ass_subscript: array_ass_subscr,
  },
  methods: [
    { name: "append", meth: (s: PyVal, v: PyVal) => { ins1(s as PyArrayObject, (s as PyArrayObject).ob_size, v); return Py_None; }, flags: METH_O, doc: "Append new value v to the end of the array." },
    { name: "buffer_info", meth: (s: PyVal) => PyTuple_New([0x7f0000000000 + (s as PyArrayObject).allocated, (s as PyArrayObject).ob_size]), flags: METH_NOARGS, doc: "Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents.\n\nThe length should be multiplied by the itemsize attribute to calculate\nthe buffer length in bytes." },
    { name: "byteswap", meth: array_byteswap, flags: METH_NOARGS, doc: "Byteswap all items of the array.\n\nIf the items in the array are not 1, 2, 4, or 8 bytes in size, RuntimeError is\nraised." },
    { name: "clear", meth: (s: PyVal) => { array_resize(s as PyArrayObject, 0); return Py_None; }, flags: METH_NOARGS, doc: "Remove all items from the array." },
    { name: "__copy__", meth: (s: PyVal) => copyArray(s as PyArrayObject), flags: METH_NOARGS, doc: "Return a copy of the array." },
    { name: "count", meth: (s: PyVal, v: PyVal) => {
      const a = s as PyArrayObject;
      let n = 0;
      for (let i = 0; i < a.ob_size; i++) if (PyObject_RichCompareBool(getitem(a, i), v, Py_EQ)) n++;
      return n;
    }, flags: METH_O, doc: "Return number of occurrences of v in the array." },
    { name: "__deepcopy__", meth: (s: PyVal) => copyArray(s as PyArrayObject), flags: METH_O, doc: "Return a copy of the array." },
    { name: "extend", meth: (s: PyVal, v: PyVal) => { extend(s as PyArrayObject, v); return Py_None; }, flags: METH_O, doc: "Append items to the end of the array." },
    { name: "frombytes", meth: (s: PyVal, v: PyVal) => {
      const d = bytesLikeData(v);
      if (d === null) return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
      frombytes(s as PyArrayObject, d);
      return Py_None;
    }, flags: METH_O, doc: "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method." },
    { name: "fromfile", meth: array_fromfile, flags: METH_FASTCALL, doc: "Read n objects from the file object f and append them to the end of the array." },
    { name: "fromlist", meth: (s: PyVal, v: PyVal) => {
      const a = s as PyArrayObject;
      if (!PyList_Check(v)) return PyErr_Format(PyExc_TypeError, "arg must be list");
      const items = v.ob_item.slice();
      const vals = items.map((x) => convertItem(a.ob_descr, x));
      const old = a.ob_size;
      array_resize(a, old + vals.length);
      vals.forEach((x, k) => store(a, old + k, x));
      return Py_None;
    }, flags: METH_O, doc: "Append items to array from list." },
    { name: "fromunicode", meth: (s: PyVal, v: PyVal) => {
      if (!PyUnicode_Check(v)) return PyErr_Format(PyExc_TypeError, `fromunicode() argument must be str, not ${Py_TYPE(v).tp_name}`);
      unicodeOnly(s as PyArrayObject, "fromunicode");
      fromunicode(s as PyArrayObject, (v as PyUnicodeObject).value);
      return Py_None;
    }, flags: METH_O, doc: "Extends this array with data from the unicode string ustr.\n\nThe array must be a unicode type array; otherwise a ValueError is raised.\nUse array.frombytes(ustr.encode(...)) to append Unicode data to an array of\nsome other type." },
    { name: "index", meth: array_index, flags: METH_FASTCALL, doc: "Return index of first occurrence of v in the array.\n\nRaise ValueError if the value is not present." },
    { name: "insert", meth: (s: PyVal, args: PyVal[]) => {
      const [iv, v] = unpackArgs("insert", args, 2, 2) as PyVal[];
      ins1(s as PyArrayObject, PyNumber_AsSsize_t(iv, PyExc_OverflowError), v);
      return Py_None;
    }, flags: METH_FASTCALL, doc: "Insert a new item v into the array before position i." },
    { name: "pop", meth: array_pop, flags: METH_FASTCALL, doc: "Return the i-th element and delete it from the array.\n\ni defaults to -1." },
    { name: "__reduce_ex__", meth: array_reduce_ex, flags: METH_O, doc: "Return state information for pickling." },
    { name: "remove", meth: (s: PyVal, v: PyVal) => {
      const a = s as PyArrayObject;
      for (let i = 0; i < a.ob_size; i++) {
        if (PyObject_RichCompareBool(getitem(a, i), v, Py_EQ)) { delSlice(a, i, i + 1, 1, 1); return Py_None; }
      }
      return PyErr_Format(PyExc_ValueError, "array.remove(x): x not in array");
    }, flags: METH_O, doc: "Remove the first occurrence of v in the array." },
    { name: "reverse", meth: (s: PyVal) => {
      const a = s as PyArrayObject;
      const sz = a.ob_descr.itemsize;
      const src = bytesOf(a).slice();
      for (let i = 0; i < a.ob_size; i++) a.ob_item.set(src.subarray(i * sz, i * sz + sz), (a.ob_size - 1 - i) * sz);
      return Py_None;
    }, flags: METH_NOARGS, doc: "Reverse the order of the items in the array." },
    { name: "tobytes", meth: (s: PyVal) => PyBytes_FromArray(bytesOf(s as PyArrayObject).slice()), flags: METH_NOARGS, doc: "Convert the array to an array of machine values and return the bytes representation." },
    { name: "tofile", meth: array_tofile, flags: METH_O, doc: "Write all items (as machine values) to the file object f." },
    { name: "tolist", meth: (s: PyVal) => tolist(s as PyArrayObject), flags: METH_NOARGS, doc: "Convert array to an ordinary list with the same items." },
    { name: "tounicode", meth: (s: PyVal) => {
      unicodeOnly(s as PyArrayObject, "tounicode");
      return PyUnicode_FromString(tounicodeText(s as PyArrayObject));
    }, flags: METH_NOARGS, doc: "Extends this array with data from the unicode string ustr.\n\nConvert the array to a unicode string.  The array must be a unicode type array;\notherwise a ValueError is raised.  Use array.tobytes().decode() to obtain a\nunicode string from an array of some other type." },
    { name: "__sizeof__", meth: (s: PyVal) => 64 + (s as PyArrayObject).allocated * (s as PyArrayObject).ob_descr.itemsize, flags: METH_NOARGS, doc: "Size of the array in memory, in bytes." },
    { name: "__class_getitem__", meth: (cls: PyVal, a: PyVal) => Py_GenericAlias(cls, a), flags: METH_O | METH_CLASS },
  ],
  getset: [
    { name: "typecode", get: (s) => PyUnicode_FromString((s as PyArrayObject).ob_descr.typecode), doc: "the typecode character used to create the array" },
    { name: "itemsize", get: (s) => (s as PyArrayObject).ob_descr.itemsize, doc: "the size, in bytes, of one array item" },
  ],
}, PyArray_Type);

PyType_FromSpecStatic({
  name: "array.arrayiterator",
  slots: {
    tp_iter: (s) => s,
    tp_iternext: (s) => {
      const it = s as PyArrayIterObject;
      const a = it.ao;
      if (a === null) return undefined;
      if (it.index < a.ob_size) return getitem(a, it.index++);
      it.ao = null;
      return undefined;
    },
  },
  methods: [
    { name: "__reduce__", meth: (s: PyVal) => {
      const it = s as PyArrayIterObject;
      // The built-in iter, as CPython's _PyEval_GetBuiltin(&_Py_ID(iter)).
      const iterFn = PyObject_GetAttrStr(PyImport_ImportModule("builtins"), "iter")!;
      if (it.ao === null) return PyTuple_New([iterFn, PyTuple_New([PyTuple_New([])])]);
      return PyTuple_New([iterFn, PyTuple_New([it.ao]), it.index]);
    }, flags: METH_NOARGS },
    { name: "__setstate__", meth: (s: PyVal, state: PyVal) => {
      const it = s as PyArrayIterObject;
      let i = PyNumber_AsSsize_t(state, PyExc_OverflowError);
      if (i < 0) i = 0;
      else if (it.ao !== null && i > it.ao.ob_size) i = it.ao.ob_size;
      it.index = i;
      return Py_None;
    }, flags: METH_O },
  ],
}, PyArrayIter_Type);

PyBuffer_RegisterExporter(PyArray_Type, (v) => {
  const a = v as PyArrayObject;
  return { data: bytesOf(a), format: a.ob_descr.format, itemsize: a.ob_descr.itemsize, readonly: false };
});

export const arraymodule: PyModuleDef = {
  m_name: "array",
  m_doc: "This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating-point\nnumbers.  Arrays are sequence types and behave very much like lists,\nexcept that the type of objects stored in them is constrained.\n",
  m_methods: [
    { name: "_array_reconstructor", meth: array_reconstructor, flags: METH_FASTCALL, doc: "Internal. Used for pickling support." },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "typecodes", PyUnicode_FromString(descriptors.map((d) => d.typecode).join("")));
    PyModule_Add(m, "array", PyArray_Type);
    PyModule_Add(m, "ArrayType", PyArray_Type);
    reconstructor = _PyObject_LookupAttr(m, PyUnicode_InternFromString("_array_reconstructor")) ?? null;
  },
};
