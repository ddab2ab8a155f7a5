// bytes: an immutable Uint8Array. Counterpart: Objects/bytesobject.c. See docs/objects.md.
// The core of the type (layout, repr, hash, comparison, indexing, decode); more methods belong here.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_HashHi, Py_NotImplemented, Py_None, Py_TYPE,
  Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, METH_O, METH_NOARGS, METH_FASTCALL, METH_KEYWORDS, METH_CLASS, METH_STATIC,
  Py_TPFLAGS_BASETYPE, Py_TPFLAGS_BYTES_SUBCLASS, hasFlag, type PyVal, PyUnicodeObject,
} from "./object.js";
import { _Py_HashBytes, hashOut } from "../runtime/pyhash.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_IndexError, PyExc_ValueError, PyExc_UnicodeDecodeError, PyExc_OverflowError } from "./exceptions.js";
import { PyUnicode_FromString, PyUnicode_Check } from "./unicodeobject.js";
import { PySliceObject, PySlice_Unpack, PySlice_AdjustIndices } from "./sliceobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { PyList_New } from "./listobject.js";
import { PyObject_GetIter, PyIter_Next, PyNumber_AsSsize_t, PyNumber_Index } from "./abstract.js";
import { longValue } from "./longobject.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyUnicode_Decode, codecArg } from "./unicodecodecs.js";
import { _PyErr_CreateException, _PyErr_ChainContext } from "../runtime/errors.js";
import * as M from "./bytes_methods.js";
import { PyMemoryView_FromObject } from "./memoryobject.js";
import { PyTuple_New } from "./tupleobject.js";
import { PyObject_CallOneArg, _PyObject_LookupSpecial, PyObject_CallNoArgs } from "./abstract.js";
import { snapshotRecording, _PySnapshot_Record } from "../runtime/snapshot_registry.js";
import { _PyIter_PickleMethods, _PyIter_Reduce, _PyIter_StateIndex } from "./iterobject.js";

export const PyBytes_Type = PyType_Declare("bytes");

export class PyBytesObject extends PyObject {
  readonly ob_bytes: Uint8Array;
  hashLo: number;
  hashHi: number;
  hashed: boolean;
  constructor(type: PyTypeObject, b: Uint8Array) {
    super(type);
    this.ob_bytes = b;
    this.hashLo = 0;
    this.hashHi = 0;
    this.hashed = false;
  }
}

export function PyBytes_FromArray(b: Uint8Array): PyBytesObject {
  return new PyBytesObject(PyBytes_Type, b);
}

export function PyBytes_Check(v: PyVal): v is PyBytesObject {
  return typeof v !== "number" && hasFlag(v.ob_type, Py_TPFLAGS_BYTES_SUBCLASS);
}

/** repr of a bytes value (bytes_repr): prefer single quotes. */
export function bytesReprText(b: Uint8Array, prefix = "b"): string {
  let quote = "'";
  if (b.includes(0x27) && !b.includes(0x22)) quote = '"';
  let out = prefix + quote;
  for (const c of b) {
    if (c === 0x27 && quote === "'") out += "\\'";
    else if (c === 0x5c) out += "\\\\";
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

function bytes_repr(self: PyVal): PyUnicodeObject {
  return PyUnicode_FromString(bytesReprText((self as PyBytesObject).ob_bytes));
}

function bytes_hash(self: PyVal): number {
  const b = self as PyBytesObject;
  if (!b.hashed) {
    _Py_HashBytes(b.ob_bytes);
    b.hashLo = hashOut[0];
    b.hashHi = hashOut[1];
    b.hashed = true;
    if (snapshotRecording) _PySnapshot_Record(b);
  }
  Py_HashHi[0] = b.hashHi;
  return b.hashLo;
}

function cmpBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function bytes_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if (!PyBytes_Check(b)) return Py_NotImplemented;
  const c = cmpBytes((a as PyBytesObject).ob_bytes, b.ob_bytes);
  switch (op) {
    case Py_LT: return PyBool_FromLong(c < 0);
    case Py_LE: return PyBool_FromLong(c <= 0);
    case Py_EQ: return PyBool_FromLong(c === 0);
    case Py_NE: return PyBool_FromLong(c !== 0);
    case Py_GT: return PyBool_FromLong(c > 0);
    default: return PyBool_FromLong(c >= 0);
  }
}

function bytes_length(self: PyVal): number {
  return (self as PyBytesObject).ob_bytes.length;
}

function bytes_subscript(self: PyVal, item: PyVal): PyVal {
  const b = (self as PyBytesObject).ob_bytes;
  if (item instanceof PySliceObject) {
    const [s0, e0, step] = PySlice_Unpack(item);
    const [start, , len] = PySlice_AdjustIndices(b.length, s0, e0, step);
    if (step === 1) return PyBytes_FromArray(b.slice(start, start + len));
    const out = new Uint8Array(len);
    for (let i = 0, cur = start; i < len; i++, cur += step) out[i] = b[cur];
    return PyBytes_FromArray(out);
  }
  if (typeof item !== "number" && Py_TYPE(item).nb_index === null) {
    return PyErr_Format(PyExc_TypeError, `byte indices must be integers or slices, not ${Py_TYPE(item).tp_name}`);
  }
  let i = typeof item === "number" ? item : PyNumber_AsSsize_t(item, PyExc_IndexError);
  if (i < 0) i += b.length;
  if (i < 0 || i >= b.length) return PyErr_Format(PyExc_IndexError, "index out of range");
  return b[i];
}

/** The bytes of a bytes-like object (bytes, bytearray, memoryview), or null. */
export let bytesLikeData: (v: PyVal) => Uint8Array | null = (v) => (PyBytes_Check(v) ? v.ob_bytes : null);
export function _PyBytes_InstallBytesLike(f: (v: PyVal) => Uint8Array | null): void {
  bytesLikeData = f;
}

function bytes_concat(a: PyVal, b: PyVal): PyVal {
  const x = bytesLikeData(a), y = bytesLikeData(b);
  if (x === null || y === null) {
    return PyErr_Format(PyExc_TypeError, `can't concat ${Py_TYPE(b).tp_name} to ${Py_TYPE(a).tp_name}`);
  }
  const out = new Uint8Array(x.length + y.length);
  out.set(x, 0);
  out.set(y, x.length);
  return PyBytes_FromArray(out);
}

function bytes_repeat(self: PyVal, n: number): PyVal {
  const b = (self as PyBytesObject).ob_bytes;
  if (n <= 0) return PyBytes_FromArray(new Uint8Array());
  if (b.length * n > 2 ** 63) return PyErr_Format(PyExc_OverflowError, "repeated bytes are too long");
  const total = b.length * n;
  const out = M.allocBytes(total);
  // Doubling copies (as _PyBytes_Repeat): re's charmap does b'\0' * 0xff00 at import.
  if (b.length === 1) out.fill(b[0]);
  else if (total > 0) {
    out.set(b, 0);
    for (let done = b.length; done < total; done *= 2) out.copyWithin(done, 0, Math.min(done, total - done));
  }
  return PyBytes_FromArray(out);
}

function bytes_contains(self: PyVal, v: PyVal): boolean {
  const b = (self as PyBytesObject).ob_bytes;
  if (typeof v === "number") {
    if (v < 0 || v > 255) return PyErr_Format(PyExc_ValueError, "byte must be in range(0, 256)");
    return b.includes(v);
  }
  const sub = bytesLikeData(v);
  if (sub === null) {
    return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
  }
  return indexOfBytes(b, sub, 0) >= 0;
}

export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  return M.findBytes(hay, needle, from, hay.length);
}

/** Decode bytes with a codec name and error handler (unicodecodecs.ts: PyUnicode_Decode). */
export function decodeBytes(b: Uint8Array, encoding: string, errors: string, obj: PyVal): string {
  return PyUnicode_Decode(b, encoding, errors, obj);
}

function bytes_decode(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [enc, err] = parseArgs("decode", args, kwnames, ["encoding", "errors"], 0, 2);
  const encoding = codecArg("decode", "encoding", enc, "utf-8");
  const errors = codecArg("decode", "errors", err, "strict");
  return PyUnicode_FromString(decodeBytes((self as PyBytesObject).ob_bytes, encoding, errors, self));
}

export class PyBytesIterObject extends PyObject {
  it_seq: Uint8Array | null;
  it_index: number;
  /** The bytes object iterated (its __reduce__ names it). */
  it_obj: PyVal;
  constructor(type: PyTypeObject, b: Uint8Array, obj: PyVal) {
    super(type);
    this.it_seq = b;
    this.it_index = 0;
    this.it_obj = obj;
  }
}
export const PyBytesIter_Type = PyType_FromSpecStatic({
  name: "bytes_iterator",
  slots: {
    tp_iter: (s) => s,
    tp_iternext: (s) => {
      const it = s as PyBytesIterObject;
      if (it.it_seq === null || it.it_index >= it.it_seq.length) { it.it_seq = null; return undefined; }
      return it.it_seq[it.it_index++];
    },
  },
  methods: [{ name: "__length_hint__", meth: (s: PyVal) => {
    const it = s as PyBytesIterObject;
    return it.it_seq === null ? 0 : Math.max(0, it.it_seq.length - it.it_index);
  }, flags: METH_NOARGS, doc: "Private method returning an estimate of len(list(it))." }, ..._PyIter_PickleMethods((s) => {
    const it = s as PyBytesIterObject;
    return _PyIter_Reduce("iter", () => [it.it_seq === null ? null : it.it_obj, it.it_index], () => PyTuple_New([]));
  }, (s, state) => {
    const it = s as PyBytesIterObject;
    const i = _PyIter_StateIndex(state);
    if (it.it_seq !== null) it.it_index = Math.min(Math.max(i, 0), it.it_seq.length);
    return Py_None;
  })],
});

/** bytes(x): from an int count, a buffer, or an iterable of ints (str needs an encoding). */
export function bytesFromObject(x: PyVal, what = "bytes"): Uint8Array {
  const data = bytesLikeData(x);
  if (data !== null) return data.slice();
  if (PyUnicode_Check(x)) return PyErr_Format(PyExc_TypeError, "string argument without an encoding");
  if (typeof x === "number" || Py_TYPE(x).nb_index !== null) {
    const n = longValue(PyNumber_Index(x));
    if (n < 0) return PyErr_Format(PyExc_ValueError, "negative count");
    return M.allocBytes(Number(n));
  }
  if (Py_TYPE(x).tp_iter === null && Py_TYPE(x).sq_item === null) {
    return PyErr_Format(PyExc_TypeError, `cannot convert '${Py_TYPE(x).tp_name}' object to ${what}`);
  }
  const out: number[] = [];
  const it = PyObject_GetIter(x);
  for (let v = PyIter_Next(it); v !== undefined; v = PyIter_Next(it)) {
    if (typeof v !== "number" && Py_TYPE(v).nb_index === null) {
      return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(v).tp_name}' object cannot be interpreted as an integer`);
    }
    const n = longValue(PyNumber_Index(v));
    if (n < 0 || n > 255) return PyErr_Format(PyExc_ValueError, "bytes must be in range(0, 256)");
    out.push(Number(n));
  }
  void what;
  return Uint8Array.from(out);
}

let encodeHook: (s: PyUnicodeObject, enc: PyVal, errors: PyVal | undefined) => Uint8Array = () => new Uint8Array();
export function _PyBytes_InstallEncode(f: typeof encodeHook): void {
  encodeHook = f;
}

function bytes_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [x, enc, errors] = parseArgs("bytes", args, kwnames, ["source", "encoding", "errors"], 0, 3);
  let data: Uint8Array;
  if (x === undefined) data = new Uint8Array();
  else if (enc !== undefined) {
    if (!PyUnicode_Check(x)) return PyErr_Format(PyExc_TypeError, "encoding without a string argument");
    data = encodeHook(x, enc, errors);
  } else {
    // bytes_new consults __bytes__ before the buffer protocol and iteration.
    const f = typeof x !== "number" && !PyBytes_Check(x) ? _PyObject_LookupSpecial(x, "__bytes__") : undefined;
    if (f !== undefined) {
      const r = PyObject_CallNoArgs(f);
      if (!PyBytes_Check(r)) return PyErr_Format(PyExc_TypeError, `__bytes__ returned non-bytes (type ${Py_TYPE(r).tp_name})`);
      if (type === PyBytes_Type && r.ob_type === PyBytes_Type) return r;
      data = r.ob_bytes;
    } else data = bytesFromObject(x);
  }
  return new PyBytesObject(type, data);
}

function bytes_hex(self: PyVal): PyVal {
  return PyUnicode_FromString(Array.from((self as PyBytesObject).ob_bytes, (c) => c.toString(16).padStart(2, "0")).join(""));
}

function bytes_join(self: PyVal, iterable: PyVal): PyVal {
  const sep = (self as PyBytesObject).ob_bytes;
  const parts: Uint8Array[] = [];
  const it = PyObject_GetIter(iterable);
  let i = 0;
  for (let v = PyIter_Next(it); v !== undefined; v = PyIter_Next(it), i++) {
    const d = bytesLikeData(v);
    if (d === null) {
      return PyErr_Format(PyExc_TypeError, `sequence item ${i}: expected a bytes-like object, ${Py_TYPE(v).tp_name} found`);
    }
    parts.push(d);
  }
  const total = parts.reduce((n, p) => n + p.length, 0) + Math.max(0, parts.length - 1) * sep.length;
  const out = new Uint8Array(total);
  let off = 0;
  parts.forEach((p, k) => {
    if (k > 0) { out.set(sep, off); off += sep.length; }
    out.set(p, off);
    off += p.length;
  });
  return PyBytes_FromArray(out);
}

PyType_FromSpecStatic({
  name: "bytes",
  flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS,
  slots: {
    tp_repr: bytes_repr, tp_str: bytes_repr, tp_hash: bytes_hash, tp_richcompare: bytes_richcompare,
    tp_iter: (s) => new PyBytesIterObject(PyBytesIter_Type, (s as PyBytesObject).ob_bytes, s), tp_new: bytes_new,
    sq_length: bytes_length, sq_concat: bytes_concat, sq_repeat: bytes_repeat, sq_contains: bytes_contains,
    mp_length: bytes_length, mp_subscript: bytes_subscript, nb_remainder: M.bytes_mod,
  },
  methods: [
    { name: "__getnewargs__", meth: (s: PyVal) => PyTuple_New([PyBytes_FromArray((s as PyBytesObject).ob_bytes)]), flags: METH_NOARGS },
    { name: "__bytes__", meth: (s: PyVal) => ((s as PyObject).ob_type === PyBytes_Type ? s : PyBytes_FromArray((s as PyBytesObject).ob_bytes)), flags: METH_NOARGS, doc: "Convert this value to exact type bytes." },
    { name: "__buffer__", meth: (s: PyVal, _flags: PyVal) => PyMemoryView_FromObject(s), flags: METH_O, doc: "Return a buffer object that exposes the underlying memory of the object." },
    { name: "capitalize", meth: M.bytes_capitalize, flags: METH_NOARGS },
    { name: "center", meth: M.bytes_center, flags: METH_FASTCALL },
    { name: "count", meth: M.bytes_count, flags: METH_FASTCALL },
    { name: "decode", meth: bytes_decode, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "endswith", meth: M.bytes_endswith, flags: METH_FASTCALL },
    { name: "expandtabs", meth: M.bytes_expandtabs, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "find", meth: M.bytes_find, flags: METH_FASTCALL },
    { name: "fromhex", meth: bytes_fromhex, flags: METH_O | METH_CLASS },
    { name: "hex", meth: M.bytes_hex, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "index", meth: M.bytes_index, flags: METH_FASTCALL },
    { name: "isalnum", meth: M.bytes_isalnum, flags: METH_NOARGS },
    { name: "isalpha", meth: M.bytes_isalpha, flags: METH_NOARGS },
    { name: "isascii", meth: M.bytes_isascii, flags: METH_NOARGS },
    { name: "isdigit", meth: M.bytes_isdigit, flags: METH_NOARGS },
    { name: "islower", meth: M.bytes_islower, flags: METH_NOARGS },
    { name: "isspace", meth: M.bytes_isspace, flags: METH_NOARGS },
    { name: "istitle", meth: M.bytes_istitle, flags: METH_NOARGS },
    { name: "isupper", meth: M.bytes_isupper, flags: METH_NOARGS },
    { name: "join", meth: bytes_join, flags: METH_O },
    { name: "ljust", meth: M.bytes_ljust, flags: METH_FASTCALL },
    { name: "lower", meth: M.bytes_lower, flags: METH_NOARGS },
    { name: "lstrip", meth: M.bytes_lstrip, flags: METH_FASTCALL },
    { name: "maketrans", meth: (_s: PyVal, a: PyVal[]) => M.bytes_maketrans(Py_None, a), flags: METH_FASTCALL | METH_STATIC },
    { name: "partition", meth: M.bytes_partition, flags: METH_O },
    { name: "removeprefix", meth: M.bytes_removeprefix, flags: METH_O },
    { name: "removesuffix", meth: M.bytes_removesuffix, flags: METH_O },
    { name: "replace", meth: M.bytes_replace, flags: METH_FASTCALL },
    { name: "rfind", meth: M.bytes_rfind, flags: METH_FASTCALL },
    { name: "rindex", meth: M.bytes_rindex, flags: METH_FASTCALL },
    { name: "rjust", meth: M.bytes_rjust, flags: METH_FASTCALL },
    { name: "rpartition", meth: M.bytes_rpartition, flags: METH_O },
    { name: "rsplit", meth: M.bytes_rsplit, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "rstrip", meth: M.bytes_rstrip, flags: METH_FASTCALL },
    { name: "split", meth: M.bytes_split, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "splitlines", meth: M.bytes_splitlines, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "startswith", meth: M.bytes_startswith, flags: METH_FASTCALL },
    { name: "strip", meth: M.bytes_strip, flags: METH_FASTCALL },
    { name: "swapcase", meth: M.bytes_swapcase, flags: METH_NOARGS },
    { name: "title", meth: M.bytes_title, flags: METH_NOARGS },
    { name: "translate", meth: M.bytes_translate, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "upper", meth: M.bytes_upper, flags: METH_NOARGS },
    { name: "zfill", meth: M.bytes_zfill, flags: METH_O },
  ],
}, PyBytes_Type);

/** bytes.fromhex (a classmethod: a subclass is called with the bytes). */
function bytes_fromhex(cls: PyVal, arg: PyVal): PyVal {
  const b = PyBytes_FromArray(M.fromhexBytes(arg));
  if (cls === PyBytes_Type) return b;
  return PyObject_CallOneArg(cls, b);
}

