// memoryview and the buffer protocol: views over bytes, bytearray (with export counting that blocks resizes) and
// objects with __buffer__; native single-character struct formats, 1-D slicing, cast to N-D shapes, tolist,
// tobytes, hex, comparison, hashing, release and the context manager. Counterpart: Objects/memoryobject.c.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_Ellipsis,
  Py_EQ, Py_NE, METH_O, METH_NOARGS, METH_FASTCALL, METH_KEYWORDS, METH_CLASS, type PyVal, PyUnicodeObject,
  PyUnicode_InternFromString, Py_HashHi, Py_TPFLAGS_HEAPTYPE,
} from "./object.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_IndexError, PyExc_ValueError, PyExc_NotImplementedError } from "./exceptions.js";
import { PyUnicode_FromString, PyUnicode_Check } from "./unicodeobject.js";
import { PySliceObject, PySlice_Unpack, PySlice_AdjustIndices } from "./sliceobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { PyTuple_New, PyTuple_Check } from "./tupleobject.js";
import { PyList_New, PyList_Check } from "./listobject.js";
import { PyNumber_AsSsize_t, PyNumber_Index, PyObject_IsTrue, _PyObject_LookupAttr, PyObject_CallOneArg,
  PyObject_Hash } from "./abstract.js";
import { longValue, PyLong_FromBigInt } from "./longobject.js";
import { PyFloat_FromDouble, PyFloat_AsDouble, PyFloat_Check } from "./floatobject.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyBytesObject, PyBytes_FromArray, PyBytes_Check } from "./bytesobject.js";
import { PyByteArrayObject } from "./bytearrayobject.js";
import { strhex } from "./bytes_methods.js";
import { addressOf } from "./methodobject.js";
import { _PyType_LookupStr } from "./typeobject.js";

export const PyMemoryView_Type = PyType_Declare("memoryview");
export const PyMemoryIter_Type = PyType_Declare("memory_iterator");

/** The exporter shared by every view taken from it (CPython's _PyManagedBufferObject). */
class ManagedBuffer {
  readonly obj: PyVal;
  readonly data: Uint8Array;
  readonly readonly: boolean;
  views: number;
  constructor(obj: PyVal, data: Uint8Array, readonly: boolean) {
    this.obj = obj;
    this.data = data;
    this.readonly = readonly;
    this.views = 0;
  }
}

const ITEMSIZE: Record<string, number> = {
  "?": 1, c: 1, b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, n: 8, N: 8, f: 4, d: 8, e: 2, P: 8,
};

export class PyMemoryViewObject extends PyObject {
  mbuf: ManagedBuffer;
  /** Byte offset of element [0, ..., 0] in mbuf.data. */
  offset: number;
  format: string;
  itemsize: number;
  ndim: number;
  shape: number[];
  strides: number[];
  readonly: boolean;
  released: boolean;
  hashLo: number;
  hashHi: number;
  hashed: boolean;
  constructor(mbuf: ManagedBuffer, offset: number, format: string, itemsize: number, shape: number[], strides: number[],
    readonly: boolean) {
    super(PyMemoryView_Type);
    this.mbuf = mbuf;
    this.offset = offset;
    this.format = format;
    this.itemsize = itemsize;
    this.ndim = shape.length;
    this.shape = shape;
    this.strides = strides;
    this.readonly = readonly;
    this.released = false;
    this.hashLo = 0;
    this.hashHi = 0;
    this.hashed = false;
    mbuf.views++;
  }
}

function registerExport(obj: PyVal): void {
  if (obj instanceof PyByteArrayObject) obj.ob_exports++;
  else if (typeof obj !== "number" && nativeExporter(obj) !== undefined) (obj as PyObject & NativeExporter).ob_exports++;
}
function releaseExport(obj: PyVal): void {
  if (obj instanceof PyByteArrayObject) obj.ob_exports--;
  else if (typeof obj !== "number" && nativeExporter(obj) !== undefined) (obj as PyObject & NativeExporter).ob_exports--;
}

/** A view of `data` on behalf of `obj` that counts no export (BytesIO.getbuffer, whose buffer may then be replaced). */
export function PyMemoryView_FromMemory(obj: PyVal, data: Uint8Array, readonly: boolean): PyMemoryViewObject {
  return new PyMemoryViewObject(new ManagedBuffer(obj, data, readonly), 0, "B", 1, [data.length], [1], readonly);
}

/** What a native exporter's bf_getbuffer hands out: its live bytes, the struct format of one item, its size. */
export interface NativeBuffer {
  readonly data: Uint8Array;
  readonly format: string;
  readonly itemsize: number;
  readonly readonly: boolean;
}
/** A native exporter counts its live exports (it must not resize while one exists). */
export interface NativeExporter {
  ob_exports: number;
}
/** bf_getbuffer of native types other than bytes and bytearray (array.array), found through the MRO. */
const bufferProcs = new Map<PyTypeObject, (v: PyVal) => NativeBuffer>();
export function PyBuffer_RegisterExporter(type: PyTypeObject, getbuffer: (v: PyVal) => NativeBuffer): void {
  bufferProcs.set(type, getbuffer);
}
function nativeExporter(v: PyObject): ((v: PyVal) => NativeBuffer) | undefined {
  if (bufferProcs.size === 0) return undefined;
  for (let t: PyTypeObject | null = v.ob_type; t !== null; t = t.tp_base) {
    const f = bufferProcs.get(t);
    if (f !== undefined) return f;
  }
  return undefined;
}

function newManaged(obj: PyVal, data: Uint8Array, readonly: boolean): ManagedBuffer {
  registerExport(obj);
  return new ManagedBuffer(obj, data, readonly);
}

/** PyMemoryView_FromObject: a view of a buffer exporter, or TypeError. */
export function PyMemoryView_FromObject(v: PyVal): PyMemoryViewObject {
  if (v instanceof PyMemoryViewObject) {
    checkReleased(v);
    return new PyMemoryViewObject(v.mbuf, v.offset, v.format, v.itemsize, v.shape.slice(), v.strides.slice(), v.readonly);
  }
  if (PyBytes_Check(v)) {
    const d = (v as PyBytesObject).ob_bytes;
    return new PyMemoryViewObject(newManaged(v, d, true), 0, "B", 1, [d.length], [1], true);
  }
  if (v instanceof PyByteArrayObject) {
    const d = v.ob_bytes.subarray(0, v.ob_size);
    return new PyMemoryViewObject(newManaged(v, d, false), 0, "B", 1, [d.length], [1], false);
  }
  const native = typeof v === "number" ? undefined : nativeExporter(v);
  if (native !== undefined) {
    const b = native(v);
    const n = b.data.length / b.itemsize;
    return new PyMemoryViewObject(newManaged(v, b.data, b.readonly), 0, b.format, b.itemsize, [n], [b.itemsize], b.readonly);
  }
  if (typeof v !== "number") {
    const f = _PyObject_LookupAttr(v, PyUnicode_InternFromString("__buffer__"));
    if (f !== undefined && Py_TYPE(v).tp_name !== "type") {
      const r = PyObject_CallOneArg(f, 0);
      if (!(r instanceof PyMemoryViewObject)) {
        return PyErr_Format(PyExc_TypeError, `__buffer__ returned non-memoryview object`);
      }
      return r;
    }
  }
  return PyErr_Format(PyExc_TypeError, `memoryview: a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
}

function checkReleased(m: PyMemoryViewObject): void {
  if (m.released) PyErr_Format(PyExc_ValueError, "operation forbidden on released memoryview object");
}

function isCContiguous(m: PyMemoryViewObject): boolean {
  let sd = m.itemsize;
  for (let i = m.ndim - 1; i >= 0; i--) {
    if (m.shape[i] > 1 && m.strides[i] !== sd) return false;
    sd *= m.shape[i];
  }
  return true;
}
function isFContiguous(m: PyMemoryViewObject): boolean {
  let sd = m.itemsize;
  for (let i = 0; i < m.ndim; i++) {
    if (m.shape[i] > 1 && m.strides[i] !== sd) return false;
    sd *= m.shape[i];
  }
  return true;
}
function nbytes(m: PyMemoryViewObject): number {
  let n = m.itemsize;
  for (const s of m.shape) n *= s;
  return n;
}

/** The view's bytes in C order (a subarray when contiguous, else a copy). */
export function memoryBytes(m: PyMemoryViewObject, order = "C"): Uint8Array {
  checkReleased(m);
  const n = nbytes(m);
  if (isCContiguous(m) && (order !== "F" || m.ndim <= 1 || isFContiguous(m))) {
    return m.mbuf.data.subarray(m.offset, m.offset + n);
  }
  const out = new Uint8Array(n);
  let k = 0;
  const idx = new Array<number>(m.ndim).fill(0);
  const dims = order === "F" ? [...Array(m.ndim).keys()] : [...Array(m.ndim).keys()].reverse();
  if (n === 0) return out;
  for (;;) {
    let off = m.offset;
    for (let d = 0; d < m.ndim; d++) off += idx[d] * m.strides[d];
    out.set(m.mbuf.data.subarray(off, off + m.itemsize), k);
    k += m.itemsize;
    let d = 0;
    for (; d < dims.length; d++) {
      const dim = dims[d];
      if (++idx[dim] < m.shape[dim]) break;
      idx[dim] = 0;
    }
    if (d === dims.length) break;
  }
  return out;
}

/** The bytes of any bytes-like object (bytes, bytearray, memoryview), or null: installed as bytesLikeData. */
export function PyObject_GetBufferData(v: PyVal): Uint8Array | null {
  if (PyBytes_Check(v)) return (v as PyBytesObject).ob_bytes;
  if (v instanceof PyByteArrayObject) return v.ob_bytes.subarray(0, v.ob_size);
  if (v instanceof PyMemoryViewObject) return memoryBytes(v);
  const native = typeof v === "number" ? undefined : nativeExporter(v);
  if (native !== undefined) return native(v).data;
  // A class written in Python exports a buffer through __buffer__ (PEP 688).
  if (typeof v !== "number" && (v.ob_type.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0 &&
    _PyType_LookupStr(v.ob_type, "__buffer__") !== null) {
    const m = PyMemoryView_FromObject(v);
    const data = memoryBytes(m).slice();
    memory_release(m);
    return data;
  }
  return null;
}

// ---- struct formats ----

function dv(m: PyMemoryViewObject): DataView {
  const d = m.mbuf.data;
  return new DataView(d.buffer, d.byteOffset, d.byteLength);
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

function unpackItem(m: PyMemoryViewObject, off: number): PyVal {
  const v = dv(m);
  switch (nativeFormat(m.format)) {
    case "B": return v.getUint8(off);
    case "b": return v.getInt8(off);
    case "c": return PyBytes_FromArray(m.mbuf.data.slice(off, off + 1));
    case "?": return PyBool_FromLong(v.getUint8(off) !== 0);
    case "h": return v.getInt16(off, true);
    case "H": return v.getUint16(off, true);
    case "i": return v.getInt32(off, true);
    case "I": return v.getUint32(off, true);
    case "l": case "q": case "n": return PyLong_FromBigInt(v.getBigInt64(off, true));
    case "L": case "Q": case "N": case "P": return PyLong_FromBigInt(v.getBigUint64(off, true));
    case "f": return PyFloat_FromDouble(v.getFloat32(off, true));
    case "d": return PyFloat_FromDouble(v.getFloat64(off, true));
    case "e": return PyFloat_FromDouble(halfToFloat(v.getUint16(off, true)));
    default: return PyErr_Format(PyExc_NotImplementedError, `memoryview: format ${m.format} not supported`);
  }
}

/** IEEE binary16 bits of x rounded half to even (PyFloat_Pack2), or -1 when x overflows the format. */
function floatToHalf(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  if (Number.isNaN(x)) return 0x7e00;
  const a = Math.abs(x);
  if (a === Infinity) return sign | 0x7c00;
  if (a === 0) return sign;
  // In units of the smallest subnormal (2**-24), or of the value's own ulp for normal results.
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (e < -14) {
    const m = roundHalfEven(a * 2 ** 24);
    return sign | m; // m == 1024 rolls into the smallest normal, which has the same bits
  }
  let m = roundHalfEven(a * 2 ** (10 - e));
  if (m === 2048) { m = 1024; e++; }
  if (e > 15) return -1;
  return sign | ((e + 15) << 10) | (m - 1024);
}
function roundHalfEven(y: number): number {
  const f = Math.floor(y);
  const d = y - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}

const INT_RANGE: Record<string, [bigint, bigint]> = {
  B: [0n, 255n], b: [-128n, 127n], h: [-32768n, 32767n], H: [0n, 65535n], i: [-(2n ** 31n), 2n ** 31n - 1n],
  I: [0n, 2n ** 32n - 1n], l: [-(2n ** 63n), 2n ** 63n - 1n], q: [-(2n ** 63n), 2n ** 63n - 1n],
  n: [-(2n ** 63n), 2n ** 63n - 1n], L: [0n, 2n ** 64n - 1n], Q: [0n, 2n ** 64n - 1n], N: [0n, 2n ** 64n - 1n],
  P: [0n, 2n ** 64n - 1n],
};

/** pack_single: store `item` at off, with CPython's type/value errors. */
function packItem(m: PyMemoryViewObject, off: number, item: PyVal): void {
  const f = nativeFormat(m.format) ?? m.format;
  const v = dv(m);
  const bad = (what: string): never => PyErr_Format(what === "type" ? PyExc_TypeError : PyExc_ValueError,
    `memoryview: invalid ${what} for format '${f}'`);
  if (f === "c") {
    if (!PyBytes_Check(item)) bad("type");
    const d = (item as PyBytesObject).ob_bytes;
    if (d.length !== 1) bad("value");
    v.setUint8(off, d[0]);
    return;
  }
  if (f === "?") { v.setUint8(off, PyObject_IsTrue(item) ? 1 : 0); return; }
  if (f === "f" || f === "d" || f === "e") {
    if (typeof item !== "number" && !PyFloat_Check(item) && Py_TYPE(item).nb_float === null && Py_TYPE(item).nb_index === null) bad("type");
    const x = PyFloat_AsDouble(item);
    if (f === "f") v.setFloat32(off, x, true);
    else if (f === "d") v.setFloat64(off, x, true);
    else {
      const h = floatToHalf(x);
      if (h < 0) bad("value");
      v.setUint16(off, h, true);
    }
    return;
  }
  if (typeof item !== "number" && Py_TYPE(item).nb_index === null) bad("type");
  const n = BigInt(longValue(PyNumber_Index(item)));
  const [lo, hi] = INT_RANGE[f];
  if (n < lo || n > hi) bad("value");
  switch (f) {
    case "B": v.setUint8(off, Number(n)); return;
    case "b": v.setInt8(off, Number(n)); return;
    case "h": v.setInt16(off, Number(n), true); return;
    case "H": v.setUint16(off, Number(n), true); return;
    case "i": v.setInt32(off, Number(n), true); return;
    case "I": v.setUint32(off, Number(n), true); return;
    case "l": case "q": case "n": v.setBigInt64(off, n, true); return;
    default: v.setBigUint64(off, n, true);
  }
}

/** The native single-character format of a cast ("@B" is "B"), or null. */
function nativeFormat(fmt: string): string | null {
  const f = fmt.startsWith("@") ? fmt.slice(1) : fmt;
  return f.length === 1 && ITEMSIZE[f] !== undefined ? f : null;
}

// ---- the type ----

function memory_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  void type;
  const [obj] = parseArgs("memoryview", args, kwnames, ["object"], 1, 1);
  return PyMemoryView_FromObject(obj!);
}

function memory_repr(self: PyVal): PyUnicodeObject {
  const m = self as PyMemoryViewObject;
  return PyUnicode_FromString(`<${m.released ? "released " : ""}memory at ${addressOf(m)}>`);
}

function memory_length(self: PyVal): number {
  const m = self as PyMemoryViewObject;
  checkReleased(m);
  if (m.ndim === 0) return PyErr_Format(PyExc_TypeError, "0-dim memory has no length");
  return m.shape[0];
}

function itemOffset(m: PyMemoryViewObject, dim: number, index: PyVal): number {
  let i = PyNumber_AsSsize_t(index, PyExc_IndexError);
  const n = m.shape[dim];
  if (i < 0) i += n;
  if (i < 0 || i >= n) return PyErr_Format(PyExc_IndexError, `index out of bounds on dimension ${dim + 1}`);
  return i * m.strides[dim];
}

function isIndex(v: PyVal): boolean {
  return typeof v === "number" || Py_TYPE(v).nb_index !== null;
}

function memory_subscript(self: PyVal, key: PyVal): PyVal {
  const m = self as PyMemoryViewObject;
  checkReleased(m);
  if (m.ndim === 0) {
    if (key === Py_Ellipsis) return m;
    if (PyTuple_Check(key) && key.ob_item.length === 0) return unpackItem(m, m.offset);
    return PyErr_Format(PyExc_TypeError, "invalid indexing of 0-dim memory");
  }
  if (isIndex(key)) {
    if (m.ndim > 1) return PyErr_Format(PyExc_NotImplementedError, "multi-dimensional sub-views are not implemented");
    return unpackItem(m, m.offset + itemOffset(m, 0, key));
  }
  if (key instanceof PySliceObject) {
    const [s0, e0, step] = PySlice_Unpack(key);
    const [start, , len] = PySlice_AdjustIndices(m.shape[0], s0, e0, step);
    const shape = m.shape.slice(), strides = m.strides.slice();
    shape[0] = len;
    strides[0] = m.strides[0] * step;
    return new PyMemoryViewObject(m.mbuf, m.offset + start * m.strides[0], m.format, m.itemsize, shape, strides, m.readonly);
  }
  if (key === Py_Ellipsis) return m;
  if (PyTuple_Check(key)) {
    const items = key.ob_item;
    if (items.every(isIndex)) {
      if (items.length < m.ndim) return PyErr_Format(PyExc_NotImplementedError, "sub-views are not implemented");
      if (items.length > m.ndim) {
        return PyErr_Format(PyExc_TypeError, `cannot index ${m.ndim}-dimension view with ${items.length}-element tuple`);
      }
      let off = m.offset;
      for (let d = 0; d < m.ndim; d++) off += itemOffset(m, d, items[d]);
      return unpackItem(m, off);
    }
    if (items.every((x) => x instanceof PySliceObject)) {
      return PyErr_Format(PyExc_NotImplementedError, "multi-dimensional slicing is not implemented");
    }
    return PyErr_Format(PyExc_TypeError, "memoryview: invalid slice key");
  }
  return PyErr_Format(PyExc_TypeError, "memoryview: invalid slice key");
}

function memory_ass_sub(self: PyVal, key: PyVal, value: PyVal | null): void {
  const m = self as PyMemoryViewObject;
  checkReleased(m);
  if (m.readonly) { PyErr_Format(PyExc_TypeError, "cannot modify read-only memory"); }
  if (value === null) { PyErr_Format(PyExc_TypeError, "cannot delete memory"); }
  if (m.ndim === 0) {
    if (key === Py_Ellipsis || (PyTuple_Check(key) && key.ob_item.length === 0)) { packItem(m, m.offset, value!); return; }
    PyErr_Format(PyExc_TypeError, "invalid indexing of 0-dim memory");
  }
  if (isIndex(key)) {
    if (m.ndim > 1) PyErr_Format(PyExc_NotImplementedError, "sub-views are not implemented");
    packItem(m, m.offset + itemOffset(m, 0, key), value!);
    return;
  }
  if (key instanceof PySliceObject) {
    if (m.ndim !== 1) PyErr_Format(PyExc_NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
    const dest = memory_subscript(m, key) as PyMemoryViewObject;
    const src = PyMemoryView_FromObject(value!);
    if (src.format !== dest.format && !(nativeFormat(src.format) === nativeFormat(dest.format)) ||
      src.ndim !== dest.ndim || src.shape.some((s, k) => s !== dest.shape[k])) {
      PyErr_Format(PyExc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
    }
    const bytes = memoryBytes(src).slice();
    for (let i = 0; i < dest.shape[0]; i++) {
      const off = dest.offset + i * dest.strides[0];
      dest.mbuf.data.set(bytes.subarray(i * dest.itemsize, (i + 1) * dest.itemsize), off);
    }
    memory_release(src);
    return;
  }
  if (PyTuple_Check(key) && key.ob_item.every(isIndex)) {
    if (key.ob_item.length !== m.ndim) PyErr_Format(PyExc_TypeError, `cannot index ${m.ndim}-dimension view with ${key.ob_item.length}-element tuple`);
    let off = m.offset;
    for (let d = 0; d < m.ndim; d++) off += itemOffset(m, d, key.ob_item[d]);
    packItem(m, off, value!);
    return;
  }
  PyErr_Format(PyExc_TypeError, "memoryview: invalid slice key");
}

/** All elements in C order, unpacked. */
function elements(m: PyMemoryViewObject): PyVal[] {
  const out: PyVal[] = [];
  const walk = (dim: number, off: number): void => {
    if (dim === m.ndim) { out.push(unpackItem(m, off)); return; }
    for (let i = 0; i < m.shape[dim]; i++) walk(dim + 1, off + i * m.strides[dim]);
  };
  walk(0, m.offset);
  return out;
}

function memory_tolist(self: PyVal): PyVal {
  const m = self as PyMemoryViewObject;
  checkReleased(m);
  if (m.ndim === 0) return unpackItem(m, m.offset);
  const build = (dim: number, off: number): PyVal => {
    const items: PyVal[] = [];
    for (let i = 0; i < m.shape[dim]; i++) {
      const o = off + i * m.strides[dim];
      items.push(dim === m.ndim - 1 ? unpackItem(m, o) : build(dim + 1, o));
    }
    return PyList_New(items);
  };
  return build(0, m.offset);
}

function memory_tobytes(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const m = self as PyMemoryViewObject;
  const [order] = parseArgs("tobytes", args, kwnames, ["order"], 0, 1);
  let o = "C";
  if (order !== undefined && order !== Py_None) {
    if (!PyUnicode_Check(order)) return PyErr_Format(PyExc_TypeError, `tobytes() argument 'order' must be str or None, not ${Py_TYPE(order).tp_name}`);
    o = order.value;
    if (o !== "C" && o !== "F" && o !== "A") return PyErr_Format(PyExc_ValueError, "order must be 'C', 'F' or 'A'");
  }
  return PyBytes_FromArray(memoryBytes(m, o === "F" ? "F" : "C").slice());
}

function memory_hex(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const m = self as PyMemoryViewObject;
  const [sep, per] = parseArgs("hex", args, kwnames, ["sep", "bytes_per_sep"], 0, 2);
  return PyUnicode_FromString(strhex(memoryBytes(m), sep, per));
}

function memory_release(self: PyVal): PyVal {
  const m = self as PyMemoryViewObject;
  if (m.released) return Py_None;
  m.released = true;
  if (--m.mbuf.views === 0) releaseExport(m.mbuf.obj);
  return Py_None;
}

function memory_cast(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const m = self as PyMemoryViewObject;
  checkReleased(m);
  const [fmtArg, shapeArg] = parseArgs("cast", args, kwnames, ["format", "shape"], 1, 2);
  if (!PyUnicode_Check(fmtArg!)) {
    return PyErr_Format(PyExc_TypeError, `cast() argument 'format' must be str, not ${Py_TYPE(fmtArg!).tp_name}`);
  }
  if (!isCContiguous(m)) return PyErr_Format(PyExc_TypeError, "memoryview: casts are restricted to C-contiguous views");
  const fmt = nativeFormat(fmtArg.value);
  if (fmt === null) {
    return PyErr_Format(PyExc_ValueError,
      "memoryview: destination format must be a native single character format prefixed with an optional '@'");
  }
  const byteFmt = (f: string): boolean => f === "B" || f === "b" || f === "c";
  const srcFmt = nativeFormat(m.format) ?? m.format;
  if (!byteFmt(srcFmt) && !byteFmt(fmt)) {
    return PyErr_Format(PyExc_TypeError, "memoryview: cannot cast between two non-byte formats");
  }
  const itemsize = ITEMSIZE[fmt];
  const n = nbytes(m);
  let shape: number[];
  if (shapeArg === undefined || shapeArg === Py_None) {
    if (n % itemsize !== 0) return PyErr_Format(PyExc_TypeError, "memoryview: length is not a multiple of itemsize");
    shape = [n / itemsize];
  } else {
    if (!PyList_Check(shapeArg) && !PyTuple_Check(shapeArg)) {
      return PyErr_Format(PyExc_TypeError, "shape must be a list or a tuple");
    }
    const items = (shapeArg as { ob_item: PyVal[] }).ob_item;
    if (m.ndim !== 1 && items.length !== 1) {
      return PyErr_Format(PyExc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
    }
    if (items.length > 64) return PyErr_Format(PyExc_ValueError, "memoryview: number of dimensions must not exceed 64");
    shape = items.map((x) => {
      if (typeof x !== "number" || x <= 0) {
        return PyErr_Format(PyExc_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
      }
      return x;
    });
    let prod = itemsize;
    for (const s of shape) {
      prod *= s;
      if (prod > 2 ** 63) return PyErr_Format(PyExc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
    }
    if (prod !== n) return PyErr_Format(PyExc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
  }
  const strides = new Array<number>(shape.length);
  let sd = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) { strides[i] = sd; sd *= shape[i]; }
  return new PyMemoryViewObject(m.mbuf, m.offset, fmtArg.value, itemsize, shape, strides, m.readonly);
}

function memory_toreadonly(self: PyVal): PyVal {
  const m = self as PyMemoryViewObject;
  checkReleased(m);
  return new PyMemoryViewObject(m.mbuf, m.offset, m.format, m.itemsize, m.shape.slice(), m.strides.slice(), true);
}

function memory_richcompare(v: PyVal, w: PyVal, op: number): PyVal {
  if (op !== Py_EQ && op !== Py_NE) return Py_NotImplemented;
  const m = v as PyMemoryViewObject;
  if (v === w) return PyBool_FromLong(op === Py_EQ);
  if (m.released || (w instanceof PyMemoryViewObject && w.released)) return PyBool_FromLong(op === Py_NE);
  let other: PyMemoryViewObject;
  if (w instanceof PyMemoryViewObject) other = w;
  else if (PyBytes_Check(w) || w instanceof PyByteArrayObject) other = PyMemoryView_FromObject(w);
  else return Py_NotImplemented;
  let equal = m.ndim === other.ndim && m.shape.every((s, k) => s === other.shape[k]);
  if (equal) {
    const a = elements(m), b = elements(other);
    for (let i = 0; i < a.length && equal; i++) {
      const x = a[i], y = b[i];
      equal = x === y || Py_TYPE(x).tp_richcompare!(x, y, Py_EQ) === PyBool_FromLong(true);
    }
  }
  if (other !== w) memory_release(other);
  return PyBool_FromLong(equal === (op === Py_EQ));
}

function memory_hash(self: PyVal): number {
  const m = self as PyMemoryViewObject;
  if (!m.hashed) {
    checkReleased(m);
    if (!m.readonly) return PyErr_Format(PyExc_ValueError, "cannot hash writable memoryview object");
    const f = nativeFormat(m.format);
    if (f !== "B" && f !== "b" && f !== "c") {
      return PyErr_Format(PyExc_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    }
    const lo = PyObject_Hash(PyBytes_FromArray(memoryBytes(m).slice()));
    m.hashLo = lo;
    m.hashHi = Py_HashHi[0];
    m.hashed = true;
  }
  Py_HashHi[0] = m.hashHi;
  return m.hashLo;
}


// ---- iterator ----

export class PyMemoryIterObject extends PyObject {
  it_view: PyMemoryViewObject | null;
  it_index: number;
  constructor(m: PyMemoryViewObject) {
    super(PyMemoryIter_Type);
    this.it_view = m;
    this.it_index = 0;
  }
}

function memory_iter(self: PyVal): PyVal {
  const m = self as PyMemoryViewObject;
  checkReleased(m);
  if (m.ndim === 0) return PyErr_Format(PyExc_TypeError, "invalid indexing of 0-dim memory");
  if (m.ndim > 1) return PyErr_Format(PyExc_NotImplementedError, "multi-dimensional sub-views are not implemented");
  return new PyMemoryIterObject(m);
}

PyType_FromSpecStatic({
  name: "memory_iterator",
  slots: {
    tp_iter: (s) => s,
    tp_iternext: (s) => {
      const it = s as PyMemoryIterObject;
      const m = it.it_view;
      if (m === null) return undefined;
      checkReleased(m);
      if (it.it_index >= m.shape[0]) { it.it_view = null; return undefined; }
      return unpackItem(m, m.offset + it.it_index++ * m.strides[0]);
    },
  },
}, PyMemoryIter_Type);

const shapeTuple = (xs: number[]): PyVal => PyTuple_New(xs.slice());

PyType_FromSpecStatic({
  name: "memoryview",
  doc: "Create a new memoryview object which references the given object.",
  slots: {
    tp_repr: memory_repr, tp_hash: memory_hash, tp_richcompare: memory_richcompare, tp_iter: memory_iter,
    tp_new: memory_new, sq_length: memory_length, mp_length: memory_length, mp_subscript: memory_subscript,
    mp_ass_subscript: memory_ass_sub,
  },
  methods: [
    { name: "release", meth: memory_release, flags: METH_NOARGS, doc: "Release the underlying buffer exposed by the memoryview object." },
    { name: "tobytes", meth: memory_tobytes, flags: METH_FASTCALL | METH_KEYWORDS, doc: "Return the data in the buffer as a byte string." },
    { name: "hex", meth: memory_hex, flags: METH_FASTCALL | METH_KEYWORDS, doc: "Return the data in the buffer as a str of hexadecimal numbers." },
    { name: "tolist", meth: memory_tolist, flags: METH_NOARGS, doc: "Return the data in the buffer as a list of elements." },
    { name: "cast", meth: memory_cast, flags: METH_FASTCALL | METH_KEYWORDS, doc: "Cast a memoryview to a new format or shape." },
    { name: "toreadonly", meth: memory_toreadonly, flags: METH_NOARGS, doc: "Return a readonly version of the memoryview." },
    { name: "_from_flags", meth: (_c: PyVal, a: PyVal[]) => PyMemoryView_FromObject(a[0]), flags: METH_FASTCALL | METH_CLASS },
    { name: "__buffer__", meth: (s: PyVal, _f: PyVal) => PyMemoryView_FromObject(s), flags: METH_O },
    { name: "__release_buffer__", meth: (_s: PyVal, b: PyVal) => memory_release(b), flags: METH_O },
    { name: "__enter__", meth: (s: PyVal) => { checkReleased(s as PyMemoryViewObject); return s; }, flags: METH_NOARGS },
    { name: "__exit__", meth: (s: PyVal, _a: PyVal[]) => memory_release(s), flags: METH_FASTCALL },
  ],
  getset: [
    { name: "obj", get: (s) => { checkReleased(s as PyMemoryViewObject); return (s as PyMemoryViewObject).mbuf.obj; }, doc: "The underlying object of the memoryview." },
    { name: "nbytes", get: (s) => { checkReleased(s as PyMemoryViewObject); return nbytes(s as PyMemoryViewObject); } },
    { name: "readonly", get: (s) => { checkReleased(s as PyMemoryViewObject); return PyBool_FromLong((s as PyMemoryViewObject).readonly); } },
    { name: "itemsize", get: (s) => { checkReleased(s as PyMemoryViewObject); return (s as PyMemoryViewObject).itemsize; } },
    { name: "format", get: (s) => { checkReleased(s as PyMemoryViewObject); return PyUnicode_FromString((s as PyMemoryViewObject).format); } },
    { name: "ndim", get: (s) => { checkReleased(s as PyMemoryViewObject); return (s as PyMemoryViewObject).ndim; } },
    { name: "shape", get: (s) => { checkReleased(s as PyMemoryViewObject); return shapeTuple((s as PyMemoryViewObject).shape); } },
    { name: "strides", get: (s) => { checkReleased(s as PyMemoryViewObject); return shapeTuple((s as PyMemoryViewObject).strides); } },
    { name: "suboffsets", get: (s) => { checkReleased(s as PyMemoryViewObject); return PyTuple_New([]); } },
    { name: "c_contiguous", get: (s) => { checkReleased(s as PyMemoryViewObject); return PyBool_FromLong(isCContiguous(s as PyMemoryViewObject)); } },
    { name: "f_contiguous", get: (s) => { checkReleased(s as PyMemoryViewObject); return PyBool_FromLong(isFContiguous(s as PyMemoryViewObject)); } },
    { name: "contiguous", get: (s) => {
      const m = s as PyMemoryViewObject;
      checkReleased(m);
      return PyBool_FromLong(isCContiguous(m) || isFContiguous(m));
    } },
  ],
}, PyMemoryView_Type);

