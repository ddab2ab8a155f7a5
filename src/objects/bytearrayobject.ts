// bytearray: a mutable, resizable byte buffer (a Uint8Array with spare capacity) sharing bytes' methods
// (bytes_methods.ts), plus item/slice assignment, append/extend/insert/pop/remove, and resize checks against live
// memoryview exports. Counterpart: Objects/bytearrayobject.c. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE,
  Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, METH_O, METH_NOARGS, METH_FASTCALL, METH_KEYWORDS, METH_CLASS, METH_STATIC,
  Py_TPFLAGS_BASETYPE, type PyVal, PyUnicodeObject, PyUnicode_InternFromString,
} from "./object.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_IndexError, PyExc_ValueError, PyExc_BufferError, PyExc_OverflowError } from "./exceptions.js";
import { PyUnicode_FromString, PyUnicode_Check } from "./unicodeobject.js";
import { PySliceObject, PySlice_Unpack, PySlice_AdjustIndices } from "./sliceobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { PyTuple_New } from "./tupleobject.js";
import { PyObject_GetIter, PyIter_Next, PyNumber_AsSsize_t, PyNumber_Index, PyObject_CallOneArg, PyObject_CallNoArgs,
  _PyObject_LookupAttr, PyObject_CallMethod } from "./abstract.js";
import { longValue } from "./longobject.js";
import { parseArgs, unpackArgs } from "../runtime/getargs.js";
import { bytesLikeData, bytesReprText, decodeBytes, PyBytes_FromArray } from "./bytesobject.js";
import { codecArg } from "./unicodecodecs.js";
import * as M from "./bytes_methods.js";
import { PyMemoryView_FromObject } from "./memoryobject.js";
import { _PyIter_PickleMethods, _PyIter_Reduce, _PyIter_StateIndex } from "./iterobject.js";

export const PyByteArray_Type = PyType_Declare("bytearray");
export const PyByteArrayIter_Type = PyType_Declare("bytearray_iterator");

export class PyByteArrayObject extends PyObject {
  /** Storage; bytes past ob_size are spare capacity. */
  ob_bytes: Uint8Array;
  ob_size: number;
  /** Live buffer exports (memoryviews); while non-zero the size cannot change. */
  ob_exports: number;
  constructor(type: PyTypeObject, data: Uint8Array) {
    super(type);
    this.ob_bytes = data;
    this.ob_size = data.length;
    this.ob_exports = 0;
  }
}

export function PyByteArray_FromArray(data: Uint8Array): PyByteArrayObject {
  return new PyByteArrayObject(PyByteArray_Type, data);
}

export function PyByteArray_Check(v: PyVal): v is PyByteArrayObject {
  return v instanceof PyByteArrayObject;
}

/** The live contents (a view). */
export function byteArrayData(b: PyByteArrayObject): Uint8Array {
  return b.ob_bytes.subarray(0, b.ob_size);
}

/** PyByteArray_Resize: grow or shrink, refusing while buffers are exported. */
export function PyByteArray_Resize(b: PyByteArrayObject, size: number): void {
  if (size === b.ob_size) return;
  if (b.ob_exports > 0) PyErr_Format(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
  if (size > b.ob_bytes.length) {
    // Over-allocate like CPython's bytearray_resize (size + size/8 + small constant) to keep appends amortised O(1).
    const cap = Math.min(size + (size >> 3) + (size < 9 ? 3 : 6), Math.max(size, M.MAX_BUFFER));
    const nb = M.allocBytes(cap);
    nb.set(b.ob_bytes.subarray(0, b.ob_size));
    b.ob_bytes = nb;
  } else if (size < b.ob_size) {
    b.ob_bytes.fill(0, size, b.ob_size);
  }
  b.ob_size = size;
}

/** _getbytevalue: an int in range(256) from an object with __index__. */
function getbytevalue(v: PyVal): number {
  if (typeof v !== "number" && Py_TYPE(v).nb_index === null) {
    return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(v).tp_name}' object cannot be interpreted as an integer`);
  }
  const n = longValue(PyNumber_Index(v));
  if (n < 0 || n > 255) return PyErr_Format(PyExc_ValueError, "byte must be in range(0, 256)");
  return Number(n);
}

/** The bytes of an iterable of ints (bytearray(iterable), slice assignment, extend). */
function bytesFromIterable(it: PyVal): Uint8Array {
  const out: number[] = [];
  const iter = PyObject_GetIter(it);
  for (let v = PyIter_Next(iter); v !== undefined; v = PyIter_Next(iter)) out.push(getbytevalue(v));
  return Uint8Array.from(out);
}

// ---- construction ----

function bytearray_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  void args; void kwnames;
  return new PyByteArrayObject(type, new Uint8Array(0));
}

function bytearray_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const b = self as PyByteArrayObject;
  const [arg, enc, err] = parseArgs("bytearray", args, kwnames, ["source", "encoding", "errors"], 0, 3);
  if (enc !== undefined && !PyUnicode_Check(enc)) {
    PyErr_Format(PyExc_TypeError, `bytearray() argument 'encoding' must be str, not ${Py_TYPE(enc).tp_name}`);
  }
  if (err !== undefined && !PyUnicode_Check(err)) {
    PyErr_Format(PyExc_TypeError, `bytearray() argument 'errors' must be str, not ${Py_TYPE(err).tp_name}`);
  }
  if (b.ob_size !== 0) PyByteArray_Resize(b, 0);
  if (arg === undefined) {
    if (enc !== undefined) PyErr_Format(PyExc_TypeError, "encoding without a string argument");
    if (err !== undefined) PyErr_Format(PyExc_TypeError, "errors without a string argument");
    return;
  }
  let data: Uint8Array;
  if (PyUnicode_Check(arg)) {
    if (enc === undefined) PyErr_Format(PyExc_TypeError, "string argument without an encoding");
    const encoded = PyObject_CallOneArg(lookupMethod(arg, "encode"), enc!);
    const d = err === undefined ? encoded : callEncode(arg, enc!, err);
    data = bytesLikeData(d)!.slice();
  } else {
    if (enc !== undefined) PyErr_Format(PyExc_TypeError, "encoding without a string argument");
    if (err !== undefined) PyErr_Format(PyExc_TypeError, "errors without a string argument");
    const buf = bytesLikeData(arg);
    if (buf !== null) data = buf.slice();
    else if (typeof arg === "number" || Py_TYPE(arg).nb_index !== null) {
      const n = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
      if (n < 0) PyErr_Format(PyExc_ValueError, "negative count");
      data = M.allocBytes(n);
    } else {
      if (Py_TYPE(arg).tp_iter === null && Py_TYPE(arg).sq_item === null) {
        PyErr_Format(PyExc_TypeError, `cannot convert '${Py_TYPE(arg).tp_name}' object to bytearray`);
      }
      data = bytesFromIterable(arg);
    }
  }
  if (b.ob_exports > 0 && data.length !== b.ob_size) {
    PyErr_Format(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
  }
  b.ob_bytes = data;
  b.ob_size = data.length;
}

function lookupMethod(o: PyVal, name: string): PyVal {
  return _PyObject_LookupAttr(o, PyUnicode_InternFromString(name))!;
}
function callEncode(s: PyVal, enc: PyVal, err: PyVal): PyVal {
  const f = lookupMethod(s, "encode");
  return Py_TYPE(f).tp_call!(f, [enc, err], null);
}

// ---- slots ----

function bytearray_repr(self: PyVal): PyUnicodeObject {
  const b = self as PyByteArrayObject;
  const name = b.ob_type === PyByteArray_Type ? "bytearray" : b.ob_type.tp_name;
  return PyUnicode_FromString(`${name}(${bytesReprText(byteArrayData(b))})`);
}

function bytearray_richcompare(a: PyVal, w: PyVal, op: number): PyVal {
  const x = bytesLikeData(a), y = bytesLikeData(w);
  if (x === null || y === null) return Py_NotImplemented;
  if ((op === Py_EQ || op === Py_NE) && x.length !== y.length) return PyBool_FromLong(op === Py_NE);
  const n = Math.min(x.length, y.length);
  let c = 0;
  for (let i = 0; i < n && c === 0; i++) c = x[i] - y[i];
  if (c === 0) c = x.length - y.length;
  switch (op) {
    case Py_LT: return PyBool_FromLong(c < 0);
    case Py_LE: return PyBool_FromLong(c <= 0);
    case Py_EQ: return PyBool_FromLong(c === 0);
    case Py_NE: return PyBool_FromLong(c !== 0);
    case Py_GT: return PyBool_FromLong(c > 0);
    default: return PyBool_FromLong(c >= 0);
  }
}

function bytearray_length(self: PyVal): number {
  return (self as PyByteArrayObject).ob_size;
}

function bytearray_subscript(self: PyVal, index: PyVal): PyVal {
  const b = self as PyByteArrayObject;
  const data = byteArrayData(b);
  if (index instanceof PySliceObject) {
    const [s0, e0, step] = PySlice_Unpack(index);
    const [start, , len] = PySlice_AdjustIndices(data.length, s0, e0, step);
    if (step === 1) return PyByteArray_FromArray(data.slice(start, start + len));
    const out = new Uint8Array(len);
    for (let i = 0, cur = start; i < len; i++, cur += step) out[i] = data[cur];
    return PyByteArray_FromArray(out);
  }
  if (typeof index !== "number" && Py_TYPE(index).nb_index === null) {
    return PyErr_Format(PyExc_TypeError, `bytearray indices must be integers or slices, not ${Py_TYPE(index).tp_name}`);
  }
  let i = PyNumber_AsSsize_t(index, PyExc_IndexError);
  if (i < 0) i += data.length;
  if (i < 0 || i >= data.length) return PyErr_Format(PyExc_IndexError, "bytearray index out of range");
  return data[i];
}

/** bytearray_setslice_linear: replace data[lo:hi] with `bytes`. */
function setslice(b: PyByteArrayObject, lo: number, hi: number, bytes: Uint8Array): void {
  const size = b.ob_size;
  if (hi < lo) hi = lo;
  if (lo === 0 && hi > 0 && bytes.length === 0) {
    // Deleting a prefix (del b[:n], b.pop(0)) is O(1), as CPython's ob_start makes it: the view moves forward.
    if (b.ob_exports > 0) PyErr_Format(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
    b.ob_bytes = b.ob_bytes.subarray(hi);
    b.ob_size = size - hi;
    return;
  }
  const growth = bytes.length - (hi - lo);
  if (growth !== 0) {
    const tail = b.ob_bytes.slice(hi, size);
    PyByteArray_Resize(b, size + growth);
    b.ob_bytes.set(tail, hi + growth);
  }
  b.ob_bytes.set(bytes, lo);
}

function bytearray_ass_subscript(self: PyVal, index: PyVal, values: PyVal | null): void {
  const b = self as PyByteArrayObject;
  if (!(index instanceof PySliceObject)) {
    if (typeof index !== "number" && Py_TYPE(index).nb_index === null) {
      PyErr_Format(PyExc_TypeError, `bytearray indices must be integers or slices, not ${Py_TYPE(index).tp_name}`);
    }
    let i = PyNumber_AsSsize_t(index, PyExc_IndexError);
    if (i < 0) i += b.ob_size;
    if (i < 0 || i >= b.ob_size) PyErr_Format(PyExc_IndexError, "bytearray index out of range");
    if (values === null) { setslice(b, i, i + 1, new Uint8Array(0)); return; }
    b.ob_bytes[i] = getbytevalue(values);
    return;
  }
  const [s0, e0, step] = PySlice_Unpack(index);
  const [start, stop, slicelen] = PySlice_AdjustIndices(b.ob_size, s0, e0, step);
  let bytes: Uint8Array;
  if (values === null) bytes = new Uint8Array(0);
  else if (values === self) bytes = byteArrayData(b).slice();
  else {
    const buf = bytesLikeData(values);
    if (buf !== null) bytes = buf.slice();
    else if (typeof values === "number" || PyUnicode_Check(values) || Py_TYPE(values).nb_index !== null ||
      Py_TYPE(values).tp_iter === null && Py_TYPE(values).sq_item === null) {
      return PyErr_Format(PyExc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    } else bytes = bytesFromIterable(values);
  }
  if (step === 1) { setslice(b, start, stop, bytes); return; }
  if (values === null) {
    if (slicelen <= 0) return;
    const keep: number[] = [];
    const data = byteArrayData(b);
    let lo = start, st = step;
    if (st < 0) { lo = start + st * (slicelen - 1); st = -st; }
    for (let i = 0; i < data.length; i++) {
      if (i >= lo && (i - lo) % st === 0 && (i - lo) / st < slicelen) continue;
      keep.push(data[i]);
    }
    if (b.ob_exports > 0) PyErr_Format(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
    b.ob_bytes = Uint8Array.from(keep);
    b.ob_size = keep.length;
    return;
  }
  if (bytes.length !== slicelen) {
    PyErr_Format(PyExc_ValueError, `attempt to assign bytes of size ${bytes.length} to extended slice of size ${slicelen}`);
  }
  for (let i = 0, cur = start; i < slicelen; i++, cur += step) b.ob_bytes[cur] = bytes[i];
}

function bytearray_concat(a: PyVal, w: PyVal): PyVal {
  const x = bytesLikeData(a), y = bytesLikeData(w);
  if (x === null || y === null) {
    return PyErr_Format(PyExc_TypeError, `can't concat ${Py_TYPE(w).tp_name} to ${Py_TYPE(a).tp_name}`);
  }
  return PyByteArray_FromArray(M.concat([x, y]));
}

function bytearray_iconcat(a: PyVal, w: PyVal): PyVal {
  const b = a as PyByteArrayObject;
  const y = bytesLikeData(w);
  if (y === null) return PyErr_Format(PyExc_TypeError, `can't concat ${Py_TYPE(w).tp_name} to ${Py_TYPE(a).tp_name}`);
  const add = y.slice();
  const n = b.ob_size;
  PyByteArray_Resize(b, n + add.length);
  b.ob_bytes.set(add, n);
  return a;
}

function bytearray_repeat(a: PyVal, n: number): PyVal {
  const d = byteArrayData(a as PyByteArrayObject);
  if (n <= 0 || d.length === 0) return PyByteArray_FromArray(new Uint8Array(0));
  const out = M.allocBytes(d.length * n);
  for (let k = 0; k < n; k++) out.set(d, k * d.length);
  return PyByteArray_FromArray(out);
}

function bytearray_irepeat(a: PyVal, n: number): PyVal {
  const b = a as PyByteArrayObject;
  const d = byteArrayData(b).slice();
  const count = n <= 0 ? 0 : n;
  PyByteArray_Resize(b, d.length * count);
  for (let k = 0; k < count; k++) b.ob_bytes.set(d, k * d.length);
  return a;
}

function bytearray_contains(self: PyVal, v: PyVal): boolean {
  const data = byteArrayData(self as PyByteArrayObject);
  if (typeof v === "number" || (Py_TYPE(v).nb_index !== null && bytesLikeData(v) === null)) {
    const c = getbytevalue(v);
    return data.includes(c);
  }
  const sub = M.bufferArg(v);
  return M.findBytes(data, sub, 0, data.length) >= 0;
}

// ---- iterator ----

export class PyByteArrayIterObject extends PyObject {
  it_seq: PyByteArrayObject | null;
  it_index: number;
  constructor(b: PyByteArrayObject) {
    super(PyByteArrayIter_Type);
    this.it_seq = b;
    this.it_index = 0;
  }
}
PyType_FromSpecStatic({
  name: "bytearray_iterator",
  slots: {
    tp_iter: (s) => s,
    tp_iternext: (s) => {
      const it = s as PyByteArrayIterObject;
      const b = it.it_seq;
      if (b === null) return undefined;
      if (it.it_index < b.ob_size) return b.ob_bytes[it.it_index++];
      it.it_seq = null;
      return undefined;
    },
  },
  methods: [{ name: "__length_hint__", meth: (s: PyVal) => {
    const it = s as PyByteArrayIterObject;
    return it.it_seq === null ? 0 : Math.max(0, it.it_seq.ob_size - it.it_index);
  }, flags: METH_NOARGS, doc: "Private method returning an estimate of len(list(it))." }, ..._PyIter_PickleMethods(
    (s) => _PyIter_Reduce("iter", () => [(s as PyByteArrayIterObject).it_seq, (s as PyByteArrayIterObject).it_index],
      () => PyTuple_New([])),
    (s, state) => {
      const it = s as PyByteArrayIterObject;
      const i = _PyIter_StateIndex(state);
      if (it.it_seq !== null) it.it_index = Math.min(Math.max(i, 0), it.it_seq.ob_size);
      return Py_None;
    })],
}, PyByteArrayIter_Type);

// ---- methods ----

function bytearray_append(self: PyVal, item: PyVal): PyVal {
  const b = self as PyByteArrayObject;
  const c = getbytevalue(item);
  PyByteArray_Resize(b, b.ob_size + 1);
  b.ob_bytes[b.ob_size - 1] = c;
  return Py_None;
}

function bytearray_extend(self: PyVal, iterable: PyVal): PyVal {
  const b = self as PyByteArrayObject;
  const buf = bytesLikeData(iterable);
  let add: Uint8Array;
  if (buf !== null) add = buf.slice();
  else {
    if (PyUnicode_Check(iterable)) {
      return PyErr_Format(PyExc_TypeError, `expected iterable of integers; got: '${Py_TYPE(iterable).tp_name}'`);
    }
    if (Py_TYPE(iterable).tp_iter === null && Py_TYPE(iterable).sq_item === null) {
      return PyErr_Format(PyExc_TypeError, `can't extend bytearray with ${Py_TYPE(iterable).tp_name}`);
    }
    add = bytesFromIterable(iterable);
  }
  const n = b.ob_size;
  PyByteArray_Resize(b, n + add.length);
  b.ob_bytes.set(add, n);
  return Py_None;
}

function bytearray_insert(self: PyVal, args: readonly PyVal[]): PyVal {
  const [idx, item] = unpackArgs("insert", args, 2, 2);
  const b = self as PyByteArrayObject;
  let i = PyNumber_AsSsize_t(idx!, PyExc_OverflowError);
  const c = getbytevalue(item!);
  const n = b.ob_size;
  if (i < 0) { i += n; if (i < 0) i = 0; }
  if (i > n) i = n;
  setslice(b, i, i, Uint8Array.of(c));
  return Py_None;
}

function bytearray_pop(self: PyVal, args: readonly PyVal[]): PyVal {
  const [idx] = unpackArgs("pop", args, 0, 1);
  const b = self as PyByteArrayObject;
  let i = idx === undefined ? -1 : PyNumber_AsSsize_t(idx, PyExc_OverflowError);
  const n = b.ob_size;
  if (n === 0) return PyErr_Format(PyExc_IndexError, "pop from empty bytearray");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return PyErr_Format(PyExc_IndexError, "pop index out of range");
  const c = b.ob_bytes[i];
  setslice(b, i, i + 1, new Uint8Array(0));
  return c;
}

function bytearray_remove(self: PyVal, value: PyVal): PyVal {
  const b = self as PyByteArrayObject;
  const c = getbytevalue(value);
  const i = byteArrayData(b).indexOf(c);
  if (i < 0) return PyErr_Format(PyExc_ValueError, "value not found in bytearray");
  setslice(b, i, i + 1, new Uint8Array(0));
  return Py_None;
}

function bytearray_reverse(self: PyVal): PyVal {
  byteArrayData(self as PyByteArrayObject).reverse();
  return Py_None;
}

function bytearray_clear(self: PyVal): PyVal {
  PyByteArray_Resize(self as PyByteArrayObject, 0);
  return Py_None;
}

function bytearray_copy(self: PyVal): PyVal {
  return PyByteArray_FromArray(byteArrayData(self as PyByteArrayObject).slice());
}

function bytearray_alloc(self: PyVal): PyVal {
  const b = self as PyByteArrayObject;
  return b.ob_size === 0 && b.ob_bytes.length === 0 ? 0 : Math.max(b.ob_bytes.length, b.ob_size + 1);
}

/** _common_reduce: protocol 3+ pickles the bytes; older protocols a latin-1 str and its encoding. */
function bytearray_reduce_ex(self: PyVal, proto = 2): PyVal {
  const b = self as PyByteArrayObject;
  const d = byteArrayData(b);
  let dict: PyVal = Py_None;
  const getstate = _PyObject_LookupAttr(b, PyUnicode_InternFromString("__getstate__"));
  if (getstate !== undefined) dict = PyObject_CallNoArgs(getstate);
  let args: PyVal;
  if (d.length === 0) args = PyTuple_New([]);
  else if (proto < 3) {
    let text = "";
    for (let i = 0; i < d.length; i++) text += String.fromCharCode(d[i]);
    args = PyTuple_New([PyUnicode_FromString(text), PyUnicode_FromString("latin-1")]);
  } else {
    args = PyTuple_New([PyBytes_FromArray(d.slice())]);
  }
  return PyTuple_New([b.ob_type, args, dict]);
}

function bytearray_sizeof(self: PyVal): PyVal {
  const b = self as PyByteArrayObject;
  // sizeof(PyByteArrayObject) is 56 on 64-bit builds, plus the allocation.
  return 56 + (b.ob_size === 0 && b.ob_bytes.length === 0 ? 0 : Math.max(b.ob_bytes.length, b.ob_size + 1));
}

function bytearray_decode(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [enc, err] = parseArgs("decode", args, kwnames, ["encoding", "errors"], 0, 2);
  const encoding = codecArg("decode", "encoding", enc, "utf-8");
  const errors = codecArg("decode", "errors", err, "strict");
  return PyUnicode_FromString(decodeBytes(byteArrayData(self as PyByteArrayObject).slice(), encoding, errors, self));
}

function bytearray_fromhex(cls: PyVal, arg: PyVal): PyVal {
  const data = M.fromhexBytes(arg);
  const ba = PyByteArray_FromArray(data);
  if (cls === PyByteArray_Type) return ba;
  return PyObject_CallOneArg(cls, ba);
}

const KW = METH_FASTCALL | METH_KEYWORDS;

PyType_FromSpecStatic({
  name: "bytearray",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\nbytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer",
  slots: {
    tp_repr: bytearray_repr, tp_str: bytearray_repr, tp_richcompare: bytearray_richcompare,
    tp_iter: (s) => new PyByteArrayIterObject(s as PyByteArrayObject), tp_new: bytearray_new, tp_init: bytearray_init,
    sq_length: bytearray_length, sq_concat: bytearray_concat, sq_repeat: bytearray_repeat,
    sq_contains: bytearray_contains, sq_inplace_concat: bytearray_iconcat, sq_inplace_repeat: bytearray_irepeat,
    mp_length: bytearray_length, mp_subscript: bytearray_subscript, mp_ass_subscript: bytearray_ass_subscript,
    nb_remainder: M.bytes_mod,
  },
  methods: [
    { name: "__buffer__", meth: (s: PyVal, _flags: PyVal) => PyMemoryView_FromObject(s), flags: METH_O, doc: "Return a buffer object that exposes the underlying memory of the object." },
    { name: "__release_buffer__", meth: (_s: PyVal, view: PyVal) => PyObject_CallMethod(view, "release", []), flags: METH_O, doc: "Release the buffer object that exposes the underlying memory of the object." },
    { name: "__alloc__", meth: bytearray_alloc, flags: METH_NOARGS, doc: "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated." },
    { name: "__reduce__", meth: (s: PyVal) => bytearray_reduce_ex(s, 2), flags: METH_NOARGS, doc: "Return state information for pickling." },
    { name: "__reduce_ex__", meth: (s: PyVal, args: PyVal[]) => {
      const [p] = unpackArgs("__reduce_ex__", args, 0, 1);
      return bytearray_reduce_ex(s, p === undefined ? 0 : PyNumber_AsSsize_t(p, PyExc_OverflowError));
    }, flags: METH_FASTCALL, doc: "Return state information for pickling." },
    { name: "__sizeof__", meth: bytearray_sizeof, flags: METH_NOARGS, doc: "Returns the size of the bytearray object in memory, in bytes." },
    { name: "append", meth: bytearray_append, flags: METH_O, doc: "Append a single item to the end of the bytearray.\n\n  item\n    The item to be appended." },
    { name: "capitalize", meth: M.bytes_capitalize, flags: METH_NOARGS },
    { name: "center", meth: M.bytes_center, flags: METH_FASTCALL },
    { name: "clear", meth: bytearray_clear, flags: METH_NOARGS, doc: "Remove all items from the bytearray." },
    { name: "copy", meth: bytearray_copy, flags: METH_NOARGS, doc: "Return a copy of B." },
    { name: "count", meth: M.bytes_count, flags: METH_FASTCALL },
    { name: "decode", meth: bytearray_decode, flags: KW },
    { name: "endswith", meth: M.bytes_endswith, flags: METH_FASTCALL },
    { name: "expandtabs", meth: M.bytes_expandtabs, flags: KW },
    { name: "extend", meth: bytearray_extend, flags: METH_O, doc: "Append all the items from the iterator or sequence to the end of the bytearray.\n\n  iterable_of_ints\n    The iterable of items to append." },
    { name: "find", meth: M.bytes_find, flags: METH_FASTCALL },
    { name: "fromhex", meth: bytearray_fromhex, flags: METH_O | METH_CLASS },
    { name: "hex", meth: M.bytes_hex, flags: KW },
    { name: "index", meth: M.bytes_index, flags: METH_FASTCALL },
    { name: "insert", meth: bytearray_insert, flags: METH_FASTCALL },
    { name: "isalnum", meth: M.bytes_isalnum, flags: METH_NOARGS },
    { name: "isalpha", meth: M.bytes_isalpha, flags: METH_NOARGS },
    { name: "isascii", meth: M.bytes_isascii, flags: METH_NOARGS },
    { name: "isdigit", meth: M.bytes_isdigit, flags: METH_NOARGS },
    { name: "islower", meth: M.bytes_islower, flags: METH_NOARGS },
    { name: "isspace", meth: M.bytes_isspace, flags: METH_NOARGS },
    { name: "istitle", meth: M.bytes_istitle, flags: METH_NOARGS },
    { name: "isupper", meth: M.bytes_isupper, flags: METH_NOARGS },
    { name: "join", meth: M.bytes_join_impl, flags: METH_O },
    { name: "ljust", meth: M.bytes_ljust, flags: METH_FASTCALL },
    { name: "lower", meth: M.bytes_lower, flags: METH_NOARGS },
    { name: "lstrip", meth: M.bytes_lstrip, flags: METH_FASTCALL },
    { name: "maketrans", meth: (_s: PyVal, a: PyVal[]) => M.bytes_maketrans(Py_None, a), flags: METH_FASTCALL | METH_STATIC },
    { name: "partition", meth: M.bytes_partition, flags: METH_O },
    { name: "pop", meth: bytearray_pop, flags: METH_FASTCALL },
    { name: "remove", meth: bytearray_remove, flags: METH_O },
    { name: "removeprefix", meth: M.bytes_removeprefix, flags: METH_O },
    { name: "removesuffix", meth: M.bytes_removesuffix, flags: METH_O },
    { name: "replace", meth: M.bytes_replace, flags: METH_FASTCALL },
    { name: "reverse", meth: bytearray_reverse, flags: METH_NOARGS, doc: "Reverse the order of the values in B in place." },
    { name: "rfind", meth: M.bytes_rfind, flags: METH_FASTCALL },
    { name: "rindex", meth: M.bytes_rindex, flags: METH_FASTCALL },
    { name: "rjust", meth: M.bytes_rjust, flags: METH_FASTCALL },
    { name: "rpartition", meth: M.bytes_rpartition, flags: METH_O },
    { name: "rsplit", meth: M.bytes_rsplit, flags: KW },
    { name: "rstrip", meth: M.bytes_rstrip, flags: METH_FASTCALL },
    { name: "split", meth: M.bytes_split, flags: KW },
    { name: "splitlines", meth: M.bytes_splitlines, flags: KW },
    { name: "startswith", meth: M.bytes_startswith, flags: METH_FASTCALL },
    { name: "strip", meth: M.bytes_strip, flags: METH_FASTCALL },
    { name: "swapcase", meth: M.bytes_swapcase, flags: METH_NOARGS },
    { name: "title", meth: M.bytes_title, flags: METH_NOARGS },
    { name: "translate", meth: M.bytes_translate, flags: KW },
    { name: "upper", meth: M.bytes_upper, flags: METH_NOARGS },
    { name: "zfill", meth: M.bytes_zfill, flags: METH_O },
  ],
}, PyByteArray_Type);

