// The pickler of _pickle (Modules/_pickle.c: PicklerObject, _Pickler_Write and framing, the memo table, save() and
// its save_* helpers, save_global with 3.13's lookups and messages, save_reduce): the bytes are the C pickler's for
// every protocol 0-5. docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Type, Py_None, Py_NotImplemented, Py_Ellipsis, Py_TYPE, PyLong_Type, PyUnicode_Type,
  PyNone_Type, PyEllipsis_Type, PyNotImplemented_Type, PyLongObject, PyUnicodeObject, PyUnicode_InternInPlace, type PyVal,
} from "../../objects/object.js";
import { Py_True, Py_False } from "../../objects/boolobject.js";
import { PyFloat_Type, PyFloatObject, float_repr_text } from "../../objects/floatobject.js";
import { PyBytes_Type, PyBytesObject, PyBytes_FromArray } from "../../objects/bytesobject.js";
import { PyByteArray_Type, PyByteArrayObject } from "../../objects/bytearrayobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../../objects/unicodeobject.js";
import { PyTuple_Type, PyTupleObject, PyTuple_New, PyTuple_Check } from "../../objects/tupleobject.js";
import { PyList_Type, PyListObject, PyList_New } from "../../objects/listobject.js";
import { PyDict_Type, PyDictObject, PyDict_GetItem, PyDict_Check } from "../../objects/dictobject.js";
import { PySet_Type, PyFrozenSet_Type, PySetObject, setItems } from "../../objects/setobject.js";
import { PyFunction_Type } from "../../objects/funcobject.js";
import { PyCFunctionObject, addressOf } from "../../objects/methodobject.js";
import { PyLong_Check, longValue, bitLen } from "../../objects/longobject.js";
import {
  PyObject_GetAttr, _PyObject_LookupAttr, PyObject_CallOneArg, PyObject_CallNoArgs, PyObject_Vectorcall,
  PyObject_CallTupleDict, PyObject_GetIter, PyIter_Next, PyIter_Check, PyObject_IsTrue, PyObject_Repr, PyObject_Str,
  PyType_IsSubtype, PyObject_GetItem, PySequence_List,
} from "../../objects/abstract.js";
import { PyExc_KeyError, PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError, PyExc_RuntimeError,
  PyExc_AttributeError, PyExc_RecursionError } from "../../objects/exceptions.js";
import { PyErr_Format, PyErr_SetObject, Py_EnterRecursiveCall, Py_LeaveRecursiveCall } from "../../runtime/errors.js";
import { PyImport_ImportModule } from "../../runtime/import.js";
import { getSys } from "../../runtime/sysmodule.js";
import { encodeUtf8 } from "../../objects/unicodeobject.js";
import {
  OP, BATCHSIZE, FAST_NESTING_LIMIT, FRAME_SIZE_MIN, FRAME_SIZE_TARGET, FRAME_HEADER_SIZE, HIGHEST_PROTOCOL,
  DEFAULT_PROTOCOL, ID, st, raiseFrom, exceptionMatches, PyCallable_Check,
} from "./state.js";
import { PickleBufferObject, PyPickleBuffer_Type, picklebuffer_view } from "./picklebuffer.js";

const WRITE_BUF_SIZE = 4096;
const RECURSION_WHERE = " while pickling an object";
const utf8 = new TextEncoder();

export class PicklerObject extends PyObject {
  memo: Map<PyVal, number>;
  pers_func: PyVal | null;
  dispatch_table: PyVal | null;
  reducer_override: PyVal | null;
  write: PyVal | null;
  buf: Uint8Array;
  len: number;
  proto: number;
  bin: number;
  framing: boolean;
  frame_start: number;
  fast: number;
  fast_nesting: number;
  fix_imports: boolean;
  fast_memo: Set<PyVal> | null;
  buffer_callback: PyVal | null;
  constructor(type: PyTypeObject) {
    super(type);
    this.memo = new Map();
    this.pers_func = null;
    this.dispatch_table = null;
    this.reducer_override = null;
    this.write = null;
    this.buf = new Uint8Array(WRITE_BUF_SIZE);
    this.len = 0;
    this.proto = 0;
    this.bin = 0;
    this.framing = false;
    this.frame_start = -1;
    this.fast = 0;
    this.fast_nesting = 0;
    this.fix_imports = false;
    this.fast_memo = null;
    this.buffer_callback = null;
  }
}

// ---- the output buffer and framing ----

/** _Pickler_Write's bookkeeping: room for n bytes (opening a frame first when one is due); returns where they go. */
function reserve(self: PicklerObject, n: number): number {
  const needFrame = self.framing && self.frame_start === -1;
  const total = self.len + n + (needFrame ? FRAME_HEADER_SIZE : 0);
  if (total > self.buf.length) {
    const grown = new Uint8Array(Math.max(total, (total / 2 | 0) * 3));
    grown.set(self.buf.subarray(0, self.len));
    self.buf = grown;
  }
  if (needFrame) {
    self.frame_start = self.len;
    self.buf.fill(0xfe, self.len, self.len + FRAME_HEADER_SIZE);
    self.len += FRAME_HEADER_SIZE;
  }
  const at = self.len;
  self.len += n;
  return at;
}

function write1(self: PicklerObject, b: number): void {
  const at = reserve(self, 1); // before reading self.buf: reserving may replace it
  self.buf[at] = b;
}

function write2(self: PicklerObject, a: number, b: number): void {
  const at = reserve(self, 2);
  self.buf[at] = a;
  self.buf[at + 1] = b;
}

function writeBytes(self: PicklerObject, data: Uint8Array): void {
  const at = reserve(self, data.length);
  self.buf.set(data, at);
}

/** Write an ASCII (or Latin-1) JS string as bytes. */
function writeAscii(self: PicklerObject, s: string): void {
  const at = reserve(self, s.length);
  const b = self.buf;
  for (let i = 0; i < s.length; i++) b[at + i] = s.charCodeAt(i);
}

/** An opcode byte followed by a 4-byte little-endian unsigned size (or index). */
function writeOp4(self: PicklerObject, op: number, n: number): void {
  const at = reserve(self, 5);
  const b = self.buf;
  b[at] = op;
  b[at + 1] = n & 0xff;
  b[at + 2] = (n >>> 8) & 0xff;
  b[at + 3] = (n >>> 16) & 0xff;
  b[at + 4] = (n >>> 24) & 0xff;
}

function writeOp8(self: PicklerObject, op: number, n: number): void {
  const at = reserve(self, 9);
  const b = self.buf;
  b[at] = op;
  let v = n;
  for (let i = 1; i < 9; i++) {
    b[at + i] = v % 256;
    v = Math.floor(v / 256);
  }
}

/** _Pickler_CommitFrame. */
function commitFrame(self: PicklerObject): void {
  if (!self.framing || self.frame_start === -1) return;
  const fs = self.frame_start;
  const frame_len = self.len - fs - FRAME_HEADER_SIZE;
  const b = self.buf;
  if (frame_len >= FRAME_SIZE_MIN) {
    b[fs] = OP.FRAME;
    let v = frame_len;
    for (let i = 1; i < 9; i++) {
      b[fs + i] = v % 256;
      v = Math.floor(v / 256);
    }
  } else {
    b.copyWithin(fs, fs + FRAME_HEADER_SIZE, self.len);
    self.len -= FRAME_HEADER_SIZE;
  }
  self.frame_start = -1;
}

/** _Pickler_GetString: the pickled bytes so far (the buffer starts over). */
export function _Pickler_GetString(self: PicklerObject): PyBytesObject {
  commitFrame(self);
  const out = PyBytes_FromArray(self.buf.slice(0, self.len));
  _Pickler_ClearBuffer(self);
  return out;
}

export function _Pickler_ClearBuffer(self: PicklerObject): void {
  self.len = 0;
  self.frame_start = -1;
}

export function _Pickler_FlushToFile(self: PicklerObject): void {
  const out = _Pickler_GetString(self);
  PyObject_CallOneArg(self.write!, out);
}

/** _Pickler_OpcodeBoundary: commit (and, with a file, flush) a frame that reached FRAME_SIZE_TARGET. */
function opcodeBoundary(self: PicklerObject): void {
  if (!self.framing || self.frame_start === -1) return;
  if (self.len - self.frame_start - FRAME_HEADER_SIZE >= FRAME_SIZE_TARGET) {
    commitFrame(self);
    if (self.write !== null) {
      _Pickler_FlushToFile(self);
      _Pickler_ClearBuffer(self);
    }
  }
}

/** _Pickler_write_bytes: a header and a payload; payloads of 64 KiB or more bypass framing (and the buffer). */
/** The opcode and size header of a payload: 1, 4 or 8 size bytes (little-endian). */
function writeHeader(self: PicklerObject, op: number, sizeBytes: 1 | 4 | 8, size: number): void {
  if (sizeBytes === 1) write2(self, op, size);
  else if (sizeBytes === 4) writeOp4(self, op, size);
  else writeOp8(self, op, size);
}

function writeBytesPayload(self: PicklerObject, op: number, sizeBytes: 1 | 4 | 8, data: Uint8Array, payload: PyVal | null): void {
  const bypass = data.length >= FRAME_SIZE_TARGET;
  const framing = self.framing;
  if (bypass) {
    commitFrame(self);
    self.framing = false;
  }
  writeHeader(self, op, sizeBytes, data.length);
  if (bypass && self.write !== null) {
    _Pickler_FlushToFile(self);
    PyObject_CallOneArg(self.write, payload ?? PyBytes_FromArray(data.slice()));
    _Pickler_ClearBuffer(self);
  } else {
    writeBytes(self, data);
  }
  self.framing = framing;
}

// ---- protocol and setup ----

/** _Pickler_SetProtocol. */
export function _Pickler_SetProtocol(self: PicklerObject, protocol: PyVal | undefined, fix_imports: boolean): void {
  let proto: number;
  if (protocol === undefined || protocol === Py_None) {
    proto = DEFAULT_PROTOCOL;
  } else {
    const v = asCLong(protocol);
    if (v < 0) proto = HIGHEST_PROTOCOL;
    else if (v > HIGHEST_PROTOCOL) return PyErr_Format(PyExc_ValueError, `pickle protocol must be <= ${HIGHEST_PROTOCOL}`);
    else proto = v;
  }
  self.proto = proto;
  self.bin = proto > 0 ? 1 : 0;
  self.fix_imports = fix_imports && proto < 3;
}

/** PyLong_AsLong of an int-like object (its __index__), with C long's overflow message. */
export function asCLong(v: PyVal): number {
  if (typeof v === "number") return v;
  if (!PyLong_Check(v)) {
    const idx = _PyObject_LookupAttr(Py_TYPE(v), PyUnicodeObjectIndex());
    if (idx === undefined) {
      return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(v).tp_name}' object cannot be interpreted as an integer`);
    }
    return asCLong(PyObject_CallOneArg(idx, v));
  }
  const x = longValue(v);
  if (typeof x === "number") return x;
  if (x > 9223372036854775807n || x < -9223372036854775808n) {
    return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C long");
  }
  return Number(x);
}
let indexName: PyUnicodeObject | null = null;
function PyUnicodeObjectIndex(): PyUnicodeObject {
  return (indexName ??= PyUnicode_FromString("__index__"));
}

export function _Pickler_SetOutputStream(self: PicklerObject, file: PyVal): void {
  const w = _PyObject_LookupAttr(file, ID.write);
  if (w === undefined) return PyErr_Format(PyExc_TypeError, "file must have a 'write' attribute");
  self.write = w;
}

export function _Pickler_SetBufferCallback(self: PicklerObject, cb: PyVal | undefined): void {
  const v = cb === undefined || cb === Py_None ? null : cb;
  if (v !== null && self.proto < 5) return PyErr_Format(PyExc_ValueError, "buffer_callback needs protocol >= 5");
  self.buffer_callback = v;
}

// ---- the memo ----

/** memo_put: remember obj under the next index and write a PUT (MEMOIZE from protocol 4). */
function memo_put(self: PicklerObject, obj: PyVal): void {
  if (self.fast) return;
  const idx = self.memo.size;
  self.memo.set(obj, idx);
  if (self.proto >= 4) write1(self, OP.MEMOIZE);
  else if (!self.bin) writeAscii(self, `p${idx}\n`);
  else if (idx < 256) write2(self, OP.BINPUT, idx);
  else if (idx <= 0xffffffff) writeOp4(self, OP.LONG_BINPUT, idx);
  else PyErr_Format(st().PicklingError, "memo id too large for LONG_BINPUT");
}

function memo_get(self: PicklerObject, obj: PyVal): void {
  const idx = self.memo.get(obj);
  if (idx === undefined) return PyErr_SetObject(PyExc_KeyError, obj);
  if (!self.bin) writeAscii(self, `g${idx}\n`);
  else if (idx < 256) write2(self, OP.BINGET, idx);
  else if (idx <= 0xffffffff) writeOp4(self, OP.LONG_BINGET, idx);
  else PyErr_Format(st().PicklingError, "memo id too large for LONG_BINGET");
}

// ---- fast mode ----

function fast_save_enter(self: PicklerObject, obj: PyVal): void {
  if (++self.fast_nesting >= FAST_NESTING_LIMIT) {
    self.fast_memo ??= new Set();
    if (self.fast_memo.has(obj)) {
      self.fast_nesting = -1;
      return PyErr_Format(PyExc_ValueError, "fast mode: can't pickle cyclic objects including object type " +
        `${Py_TYPE(obj).tp_name.slice(0, 200)} at ${addressOf(obj)}`);
    }
    self.fast_memo.add(obj);
  }
}

function fast_save_leave(self: PicklerObject, obj: PyVal): void {
  if (self.fast_nesting-- >= FAST_NESTING_LIMIT) self.fast_memo?.delete(obj);
}

// ---- atoms ----

function save_long(self: PicklerObject, obj: PyVal): void {
  const v = typeof obj === "number" ? obj : longValue(obj);
  if (typeof v === "number" && v >= -0x80000000 && v <= 0x7fffffff) {
    if (self.bin) {
      if (v >= 0 && v <= 0xff) write2(self, OP.BININT1, v);
      else if (v >= 0 && v <= 0xffff) {
        const at = reserve(self, 3);
        self.buf[at] = OP.BININT2;
        self.buf[at + 1] = v & 0xff;
        self.buf[at + 2] = v >> 8;
      } else writeOp4(self, OP.BININT, v >>> 0);
    } else {
      writeAscii(self, `I${v}\n`);
    }
    return;
  }
  const x = BigInt(v);
  if (self.proto >= 2) {
    let nbytes = (bitLen(x) >> 3) + 1;
    if (nbytes > 0x7fffffff) return PyErr_Format(PyExc_OverflowError, "int too large to pickle");
    const data = new Uint8Array(nbytes);
    let t = x < 0n ? (1n << BigInt(8 * nbytes)) + x : x;
    for (let i = 0; i < nbytes; i++) {
      data[i] = Number(t & 0xffn);
      t >>= 8n;
    }
    if (x < 0n && nbytes > 1 && data[nbytes - 1] === 0xff && (data[nbytes - 2] & 0x80) !== 0) nbytes--;
    if (nbytes < 256) write2(self, OP.LONG1, nbytes);
    else writeOp4(self, OP.LONG4, nbytes);
    writeBytes(self, data.subarray(0, nbytes));
  } else {
    writeAscii(self, `L${x}L\n`);
  }
}

const f64 = new DataView(new ArrayBuffer(8));

function save_float(self: PicklerObject, obj: PyFloatObject): void {
  const x = obj.ob_fval;
  if (self.bin) {
    f64.setFloat64(0, x, false);
    const at = reserve(self, 9);
    self.buf[at] = OP.BINFLOAT;
    for (let i = 0; i < 8; i++) self.buf[at + 1 + i] = f64.getUint8(i);
  } else {
    writeAscii(self, `F${float_repr_text(x)}\n`);
  }
}

// ---- bytes, bytearray, str ----

function _save_bytes_data(self: PicklerObject, obj: PyVal, data: Uint8Array): void {
  const size = data.length;
  if (size <= 0xff) writeBytesPayload(self, OP.SHORT_BINBYTES, 1, data, obj);
  else if (size <= 0xffffffff) writeBytesPayload(self, OP.BINBYTES, 4, data, obj);
  else writeBytesPayload(self, OP.BINBYTES8, 8, data, obj);
  memo_put(self, obj);
}

function latin1Text(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

function save_bytes(self: PicklerObject, obj: PyBytesObject): void {
  if (self.proto < 3) {
    // No bytes opcode before protocol 3: codecs.encode(latin-1 text, 'latin1') reads back as bytes on Python 3 and
    // as str on Python 2. save_reduce memoizes obj.
    const rv = obj.ob_bytes.length === 0
      ? PyTuple_New([PyBytes_Type, PyTuple_New([])])
      : PyTuple_New([st().codecs_encode, PyTuple_New([PyUnicode_FromString(latin1Text(obj.ob_bytes)), ID.latin1])]);
    save_reduce(self, rv, obj);
    return;
  }
  _save_bytes_data(self, obj, obj.ob_bytes);
}

function _save_bytearray_data(self: PicklerObject, obj: PyVal, data: Uint8Array): void {
  writeBytesPayload(self, OP.BYTEARRAY8, 8, data, obj);
  memo_put(self, obj);
}

function save_bytearray(self: PicklerObject, obj: PyByteArrayObject): void {
  if (self.proto < 5) {
    const rv = obj.ob_size === 0
      ? PyTuple_New([PyByteArray_Type, PyTuple_New([])])
      : PyTuple_New([PyByteArray_Type, PyTuple_New([PyBytes_FromArray(obj.ob_bytes.slice(0, obj.ob_size))])]);
    save_reduce(self, rv, obj);
    return;
  }
  _save_bytearray_data(self, obj, obj.ob_bytes.subarray(0, obj.ob_size));
}

function save_picklebuffer(self: PicklerObject, obj: PickleBufferObject): void {
  if (self.proto < 5) return PyErr_Format(st().PicklingError, "PickleBuffer can only be pickled with protocol >= 5");
  const view = picklebuffer_view(obj);
  if (!view.contiguous) {
    return PyErr_Format(st().PicklingError, "PickleBuffer can not be pickled when pointing to a non-contiguous buffer");
  }
  let in_band = true;
  if (self.buffer_callback !== null) in_band = PyObject_IsTrue(PyObject_CallOneArg(self.buffer_callback, obj));
  if (in_band) {
    if (view.readonly) _save_bytes_data(self, obj, view.data);
    else _save_bytearray_data(self, obj, view.data);
  } else {
    write1(self, OP.NEXT_BUFFER);
    if (view.readonly) write1(self, OP.READONLY_BUFFER);
  }
}

/** raw_unicode_escape with backslash, NUL, \n, \r and \x1a escaped as \uXXXX too (protocol 0's UNICODE). */
function raw_unicode_escape(s: string): string {
  let out = "";
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s.slice(run, i);
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        out += "\\U" + c.toString(16).padStart(8, "0");
        i++;
        run = i + 1;
        continue;
      }
    }
    if (c >= 256 || c === 0x5c || c === 0 || c === 0x0a || c === 0x0d || c === 0x1a) {
      out += s.slice(run, i) + "\\u" + c.toString(16).padStart(4, "0");
      run = i + 1;
    }
  }
  return run === 0 ? s : out + s.slice(run);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

const LONE_SURROGATE = /[\ud800-\udfff]/u;
/** No lone surrogates (String.prototype.isWellFormed, not in the compiler's lib). */
function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/** str as UTF-8, lone surrogates kept ("surrogatepass", issue #8383). */
export function utf8Bytes(s: string): Uint8Array {
  if (isAscii(s)) {
    const b = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
    return b;
  }
  return isWellFormed(s) ? utf8.encode(s) : encodeUtf8(s, "surrogatepass");
}

function write_unicode_binary(self: PicklerObject, obj: PyUnicodeObject): void {
  const s = obj.value;
  if (s.length <= 0xff && self.proto >= 4 && isAscii(s)) {
    // The common case: a short ASCII string, written without an intermediate array.
    const at = reserve(self, s.length + 2);
    const b = self.buf;
    b[at] = OP.SHORT_BINUNICODE;
    b[at + 1] = s.length;
    for (let i = 0; i < s.length; i++) b[at + 2 + i] = s.charCodeAt(i);
    return;
  }
  if (s.length < 4096 && self.proto < 4 && isAscii(s)) {
    const at = reserve(self, s.length + 5);
    const b = self.buf;
    b[at] = OP.BINUNICODE;
    b[at + 1] = s.length & 0xff;
    b[at + 2] = s.length >> 8;
    b[at + 3] = 0;
    b[at + 4] = 0;
    for (let i = 0; i < s.length; i++) b[at + 5 + i] = s.charCodeAt(i);
    return;
  }
  const data = utf8Bytes(s);
  const size = data.length;
  if (size <= 0xff && self.proto >= 4) writeBytesPayload(self, OP.SHORT_BINUNICODE, 1, data, null);
  else if (size <= 0xffffffff) writeBytesPayload(self, OP.BINUNICODE, 4, data, null);
  else if (self.proto >= 4) writeBytesPayload(self, OP.BINUNICODE8, 8, data, null);
  else PyErr_Format(PyExc_OverflowError, "serializing a string larger than 4 GiB requires pickle protocol 4 or higher");
}

function save_unicode(self: PicklerObject, obj: PyUnicodeObject): void {
  if (self.bin) {
    write_unicode_binary(self, obj);
  } else {
    write1(self, OP.UNICODE);
    writeBytes(self, utf8Latin1(raw_unicode_escape(obj.value)));
    write1(self, 0x0a);
  }
  memo_put(self, obj);
}

/** The bytes of a string whose characters are all below 256. */
function utf8Latin1(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

// ---- containers ----

const len2opcode = [OP.EMPTY_TUPLE, OP.TUPLE1, OP.TUPLE2, OP.TUPLE3] as const;

function save_tuple(self: PicklerObject, obj: PyTupleObject): void {
  const items = obj.ob_item;
  const len = items.length;
  if (len === 0) {
    if (self.proto) write1(self, OP.EMPTY_TUPLE);
    else write2(self, OP.MARK, OP.TUPLE);
    return;
  }
  if (len <= 3 && self.proto >= 2) {
    for (let i = 0; i < len; i++) save(self, items[i], false);
    if (self.memo.has(obj)) {
      // The tuple is recursive: it was pickled while pickling its items. Drop them and fetch it from the memo.
      for (let i = 0; i < len; i++) write1(self, OP.POP);
      memo_get(self, obj);
      return;
    }
    write1(self, len2opcode[len]);
    memo_put(self, obj);
    return;
  }
  write1(self, OP.MARK);
  for (let i = 0; i < len; i++) save(self, items[i], false);
  if (self.memo.has(obj)) {
    if (self.bin) write1(self, OP.POP_MARK);
    else for (let i = 0; i <= len; i++) write1(self, OP.POP);
    memo_get(self, obj);
    return;
  }
  write1(self, OP.TUPLE);
  memo_put(self, obj);
}

/** batch_list: MARK item ... APPENDS in batches of BATCHSIZE from an iterator (APPEND one by one in protocol 0). */
function batch_list(self: PicklerObject, iter: PyVal): void {
  if (self.proto === 0) {
    for (;;) {
      const obj = PyIter_Next(iter);
      if (obj === undefined) return;
      save(self, obj, false);
      write1(self, OP.APPEND);
    }
  }
  let n: number;
  do {
    const first = PyIter_Next(iter);
    if (first === undefined) break;
    let obj = PyIter_Next(iter);
    if (obj === undefined) {
      save(self, first, false);
      write1(self, OP.APPEND);
      break;
    }
    write1(self, OP.MARK);
    save(self, first, false);
    n = 1;
    while (obj !== undefined) {
      save(self, obj, false);
      n += 1;
      if (n === BATCHSIZE) break;
      obj = PyIter_Next(iter);
    }
    write1(self, OP.APPENDS);
  } while (n === BATCHSIZE);
}

function batch_list_exact(self: PicklerObject, obj: PyListObject): void {
  if (obj.ob_item.length === 1) {
    save(self, obj.ob_item[0], false);
    write1(self, OP.APPEND);
    return;
  }
  let total = 0;
  do {
    let this_batch = 0;
    write1(self, OP.MARK);
    while (total < obj.ob_item.length) {
      save(self, obj.ob_item[total], false);
      total++;
      if (++this_batch === BATCHSIZE) break;
    }
    write1(self, OP.APPENDS);
  } while (total < obj.ob_item.length);
}

function save_list(self: PicklerObject, obj: PyListObject): void {
  if (self.fast) fast_save_enter(self, obj);
  if (self.bin) write1(self, OP.EMPTY_LIST);
  else write2(self, OP.MARK, OP.LIST);
  memo_put(self, obj);
  if (obj.ob_item.length !== 0) {
    if (obj.ob_type === PyList_Type && self.proto > 0) {
      Py_EnterRecursiveCall(RECURSION_WHERE);
      try {
        batch_list_exact(self, obj);
      } finally {
        Py_LeaveRecursiveCall();
      }
    } else {
      const iter = PyObject_GetIter(obj);
      Py_EnterRecursiveCall(RECURSION_WHERE);
      try {
        batch_list(self, iter);
      } finally {
        Py_LeaveRecursiveCall();
      }
    }
  }
  if (self.fast) fast_save_leave(self, obj);
}

function checkPair(item: PyVal): PyTupleObject {
  if (!PyTuple_Check(item) || item.ob_item.length !== 2) {
    return PyErr_Format(PyExc_TypeError, "dict items iterator must return 2-tuples");
  }
  return item;
}

/** batch_dict: MARK key value ... SETITEMS from an iterator of pairs (SETITEM one by one in protocol 0). */
function batch_dict(self: PicklerObject, iter: PyVal): void {
  if (self.proto === 0) {
    for (;;) {
      const obj = PyIter_Next(iter);
      if (obj === undefined) return;
      const p = checkPair(obj);
      save(self, p.ob_item[0], false);
      save(self, p.ob_item[1], false);
      write1(self, OP.SETITEM);
    }
  }
  let n: number;
  do {
    const firstObj = PyIter_Next(iter);
    if (firstObj === undefined) break;
    const first = checkPair(firstObj);
    let obj = PyIter_Next(iter);
    if (obj === undefined) {
      save(self, first.ob_item[0], false);
      save(self, first.ob_item[1], false);
      write1(self, OP.SETITEM);
      break;
    }
    write1(self, OP.MARK);
    save(self, first.ob_item[0], false);
    save(self, first.ob_item[1], false);
    n = 1;
    while (obj !== undefined) {
      const p = checkPair(obj);
      save(self, p.ob_item[0], false);
      save(self, p.ob_item[1], false);
      n += 1;
      if (n === BATCHSIZE) break;
      obj = PyIter_Next(iter);
    }
    write1(self, OP.SETITEMS);
  } while (n === BATCHSIZE);
}

function batch_dict_exact(self: PicklerObject, obj: PyDictObject): void {
  const dict_size = obj.ma_used;
  let pos = 0;
  if (dict_size === 1) {
    while (obj.me_key[pos] === null) pos++;
    const key = obj.me_key[pos]!, value = obj.me_value[pos]!;
    save(self, key, false);
    save(self, value, false);
    write1(self, OP.SETITEM);
    return;
  }
  let i: number;
  do {
    i = 0;
    write1(self, OP.MARK);
    while (pos < obj.me_key.length) {
      const key = obj.me_key[pos];
      const value = obj.me_value[pos];
      pos++;
      if (key === null) continue;
      save(self, key, false);
      save(self, value!, false);
      if (++i === BATCHSIZE) break;
    }
    write1(self, OP.SETITEMS);
    if (obj.ma_used !== dict_size) return PyErr_Format(PyExc_RuntimeError, "dictionary changed size during iteration");
  } while (i === BATCHSIZE);
}

function save_dict(self: PicklerObject, obj: PyDictObject): void {
  if (self.fast) fast_save_enter(self, obj);
  if (self.bin) write1(self, OP.EMPTY_DICT);
  else write2(self, OP.MARK, OP.DICT);
  memo_put(self, obj);
  if (obj.ma_used !== 0) {
    if (obj.ob_type === PyDict_Type && self.proto > 0) {
      Py_EnterRecursiveCall(RECURSION_WHERE);
      try {
        batch_dict_exact(self, obj);
      } finally {
        Py_LeaveRecursiveCall();
      }
    } else {
      const items = PyObject_CallNoArgs(PyObject_GetAttr(obj, ID.items));
      const iter = PyObject_GetIter(items);
      Py_EnterRecursiveCall(RECURSION_WHERE);
      try {
        batch_dict(self, iter);
      } finally {
        Py_LeaveRecursiveCall();
      }
    }
  }
  if (self.fast) fast_save_leave(self, obj);
}

function save_set(self: PicklerObject, obj: PySetObject): void {
  if (self.proto < 4) {
    save_reduce(self, PyTuple_New([PySet_Type, PyTuple_New([PyList_New(setItems(obj))])]), obj);
    return;
  }
  write1(self, OP.EMPTY_SET);
  memo_put(self, obj);
  const set_size = obj.used;
  if (set_size === 0) return;
  // _PySet_NextEntry's order is the table's; a snapshot of it, with the size checked after every batch.
  const items = setItems(obj);
  let pos = 0;
  let i: number;
  do {
    i = 0;
    write1(self, OP.MARK);
    while (pos < items.length) {
      save(self, items[pos++], false);
      if (++i === BATCHSIZE) break;
    }
    write1(self, OP.ADDITEMS);
    if (obj.used !== set_size) return PyErr_Format(PyExc_RuntimeError, "set changed size during iteration");
  } while (i === BATCHSIZE);
}

function save_frozenset(self: PicklerObject, obj: PySetObject): void {
  if (self.fast) fast_save_enter(self, obj);
  if (self.proto < 4) {
    save_reduce(self, PyTuple_New([PyFrozenSet_Type, PyTuple_New([PyList_New(setItems(obj))])]), obj);
    return;
  }
  write1(self, OP.MARK);
  const iter = PyObject_GetIter(obj);
  for (;;) {
    const item = PyIter_Next(iter);
    if (item === undefined) break;
    save(self, item, false);
  }
  if (self.memo.has(obj)) {
    write1(self, OP.POP_MARK);
    memo_get(self, obj);
    return;
  }
  write1(self, OP.FROZENSET);
  memo_put(self, obj);
}

// ---- globals ----

/** get_dotted_path: a qualified name split at dots; '<locals>' cannot be looked up. */
function get_dotted_path(name: PyVal): PyUnicodeObject[] {
  if (!PyUnicode_Check(name)) {
    return PyErr_Format(PyExc_TypeError, `descriptor 'split' for 'str' objects doesn't apply to a '${Py_TYPE(name).tp_name}' object`);
  }
  const text = name.value;
  // str.split returns the string itself when there is no separator (stringlib's split).
  const parts = text.indexOf(".") < 0 ? [name] : text.split(".").map((p) => PyUnicode_FromString(p));
  for (const p of parts) {
    if (p.value === "<locals>") {
      return PyErr_Format(PyExc_AttributeError, `Can't get local object ${PyObject_Repr(name).value}`);
    }
  }
  return parts;
}

/** get_deep_attribute: follow the dotted path; undefined when a step is missing. Also returns the last parent. */
function get_deep_attribute(obj: PyVal, names: readonly PyUnicodeObject[]): [PyVal, PyVal] | undefined {
  let parent: PyVal = obj;
  let cur: PyVal = obj;
  for (const name of names) {
    parent = cur;
    let next: PyVal | undefined;
    try {
      next = _PyObject_LookupAttr(parent, name);
    } catch {
      next = undefined;
    }
    if (next === undefined) return undefined;
    cur = next;
  }
  return [cur, parent];
}

/** whichmodule: obj.__module__, else the first module of sys.modules that holds obj under its qualified name. */
function whichmodule(global: PyVal, dotted_path: readonly PyUnicodeObject[]): PyVal {
  const module_name = _PyObject_LookupAttr(global, ID.__module__);
  if (module_name !== undefined && module_name !== Py_None) return module_name;
  const modules = PyObject_GetAttr(getSys().module, ID.modules);
  if (modules instanceof PyDictObject) {
    const keys = modules.me_key.slice(), values = modules.me_value.slice();
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i], m = values[i];
      if (k === null || m === null || m === Py_None) continue;
      if (PyUnicode_Check(k) && (k.value === "__main__" || k.value === "__mp_main__")) continue;
      const found = get_deep_attribute(m, dotted_path);
      // sys.modules keys are interned in CPython: the same object as a static type's __module__ ('builtins').
      if (found !== undefined && found[0] === global) return PyUnicode_Check(k) ? PyUnicode_InternInPlace(k) : k;
    }
  }
  return ID.__main__;
}

/** fix_imports: the 2.x names of a 3.x module and global for protocols 0-2. */
function fix_imports(module_name: PyVal, global_name: PyVal): [PyVal, PyVal] {
  const s = st();
  const item = PyDict_GetItem(s.name_mapping_3to2, PyTuple_New([module_name, global_name]));
  if (item !== undefined) {
    if (!PyTuple_Check(item) || item.ob_item.length !== 2) {
      return PyErr_Format(PyExc_RuntimeError, `_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not ${Py_TYPE(item).tp_name}`);
    }
    const [m, g] = item.ob_item;
    if (!PyUnicode_Check(m) || !PyUnicode_Check(g)) {
      return PyErr_Format(PyExc_RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str, " +
        `not (${Py_TYPE(m).tp_name}, ${Py_TYPE(g).tp_name})`);
    }
    return [m, g];
  }
  const m = PyDict_GetItem(s.import_mapping_3to2, module_name);
  if (m !== undefined) {
    if (!PyUnicode_Check(m)) {
      return PyErr_Format(PyExc_RuntimeError, `_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not ${Py_TYPE(m).tp_name}`);
    }
    return [m, global_name];
  }
  return [module_name, global_name];
}

/** GLOBAL module\nname\n: UTF-8 in protocol 3, ASCII (after fix_imports) in protocols 0-2. */
function save_toplevel_by_name(self: PicklerObject, module_name: PyVal, name: PyVal): void {
  if (self.proto < 3 && self.fix_imports) [module_name, name] = fix_imports(module_name, name);
  const enc = (v: PyVal, what: string): Uint8Array => {
    const s = (v as PyUnicodeObject).value;
    if (self.proto === 3) {
      if (!isWellFormed(s)) {
        return PyErr_Format(st().PicklingError, `can't pickle ${what} identifier '${s}' using pickle protocol ${self.proto}`);
      }
      return utf8Bytes(s);
    }
    if (!isAscii(s)) {
      return PyErr_Format(st().PicklingError, `can't pickle ${what} identifier '${s}' using pickle protocol ${self.proto}`);
    }
    return utf8Latin1(s);
  };
  write1(self, OP.GLOBAL);
  writeBytes(self, enc(module_name, "module"));
  write1(self, 0x0a);
  writeBytes(self, enc(name, "global"));
  write1(self, 0x0a);
}

function save_global(self: PicklerObject, obj: PyVal, name: PyVal | null): void {
  let global_name: PyVal;
  if (name !== null) global_name = name;
  else global_name = _PyObject_LookupAttr(obj, ID.__qualname__) ?? PyObject_GetAttr(obj, ID.__name__);
  const dotted_path = get_dotted_path(global_name);
  const module_name = whichmodule(obj, dotted_path);
  let module: PyVal;
  try {
    module = importModule(module_name);
  } catch (e) {
    return raiseFrom(st().PicklingError, `Can't pickle ${reprOf(obj)}: import of module ${reprOf(module_name)} failed`, e);
  }
  const found = get_deep_attribute(module, dotted_path);
  if (found === undefined) {
    return PyErr_Format(st().PicklingError,
      `Can't pickle ${reprOf(obj)}: attribute lookup ${strOf(global_name)} on ${strOf(module_name)} failed`);
  }
  const [cls, parent] = found;
  if (cls !== obj) {
    return PyErr_Format(st().PicklingError,
      `Can't pickle ${reprOf(obj)}: it's not the same object as ${strOf(module_name)}.${strOf(global_name)}`);
  }
  if (self.proto >= 2) {
    const code_obj = PyDict_GetItem(st().extension_registry, PyTuple_New([module_name, global_name]));
    if (code_obj !== undefined) {
      // 3.13 reads the code as a C long (TypeError for a non-int) and refuses codes outside 1..0x7fffffff.
      const code = asCLong(code_obj);
      if (code <= 0 || code > 0x7fffffff) return PyErr_Format(PyExc_RuntimeError, `extension code ${code} is out of range`);
      if (code <= 0xff) write2(self, OP.EXT1, code);
      else if (code <= 0xffff) {
        const at = reserve(self, 3);
        self.buf[at] = OP.EXT2;
        self.buf[at + 1] = code & 0xff;
        self.buf[at + 2] = code >> 8;
      } else writeOp4(self, OP.EXT4, code);
      return;
    }
  }
  const lastname = dotted_path[dotted_path.length - 1];
  if (parent === module) global_name = lastname;
  if (self.proto >= 4) {
    save(self, module_name, false);
    save(self, global_name, false);
    write1(self, OP.STACK_GLOBAL);
  } else if (parent !== module) {
    // Protocols 0-3 spell a nested name as getattr(getattr(module.first, a), b) (3.13's pickle.py and _pickle.c).
    const s = st();
    for (let i = 1; i < dotted_path.length; i++) {
      save(self, s.getattr, false);
      if (self.proto < 2) write1(self, OP.MARK);
    }
    save_toplevel_by_name(self, module_name, dotted_path[0]);
    for (let i = 1; i < dotted_path.length; i++) {
      save(self, dotted_path[i], false);
      write1(self, self.proto < 2 ? OP.TUPLE : OP.TUPLE2);
      write1(self, OP.REDUCE);
    }
  } else {
    save_toplevel_by_name(self, module_name, global_name);
  }
  memo_put(self, obj);
}

/** PyImport_Import: import a module by name and return it from sys.modules. */
function importModule(name: PyVal): PyVal {
  if (!PyUnicode_Check(name)) return PyErr_Format(PyExc_TypeError, `module name must be str, not ${Py_TYPE(name).tp_name}`);
  return PyImport_ImportModule(name.value);
}

function reprOf(v: PyVal): string {
  return PyObject_Repr(v).value;
}
function strOf(v: PyVal): string {
  return PyObject_Str(v).value;
}

function save_type(self: PicklerObject, obj: PyTypeObject): void {
  if (obj === PyNone_Type) save_reduce(self, PyTuple_New([PyType_Type, PyTuple_New([Py_None])]), obj);
  else if (obj === PyEllipsis_Type) save_reduce(self, PyTuple_New([PyType_Type, PyTuple_New([Py_Ellipsis])]), obj);
  else if (obj === PyNotImplemented_Type) save_reduce(self, PyTuple_New([PyType_Type, PyTuple_New([Py_NotImplemented])]), obj);
  else save_global(self, obj, null);
}

/** save_pers: a persistent id for obj, if persistent_id gives one (true when written). */
function save_pers(self: PicklerObject, obj: PyVal): boolean {
  const pid = PyObject_CallOneArg(self.pers_func!, obj);
  if (pid === Py_None) return false;
  if (self.bin) {
    save(self, pid, true);
    write1(self, OP.BINPERSID);
  } else {
    const s = PyObject_Str(pid).value;
    if (!isAscii(s)) return PyErr_Format(st().PicklingError, "persistent IDs in protocol 0 must be ASCII strings");
    write1(self, OP.PERSID);
    writeAscii(self, s);
    write1(self, 0x0a);
  }
  return true;
}

function get_class(obj: PyVal): PyVal {
  return _PyObject_LookupAttr(obj, ID.__class__) ?? Py_TYPE(obj);
}

/** save_reduce: obj from the 2-to-6 tuple a __reduce__ returned (callable, args, state, listitems, dictitems,
 *  state_setter); obj null saves without memoizing. */
function save_reduce(self: PicklerObject, args: PyVal, obj: PyVal | null): void {
  const s = st();
  const items = (args as PyTupleObject).ob_item;
  const size = items.length;
  if (size < 2 || size > 6) {
    return PyErr_Format(s.PicklingError, "tuple returned by __reduce__ must contain 2 through 6 elements");
  }
  let callable = items[0];
  const argtup = items[1];
  let state: PyVal | null = size > 2 ? items[2] : null;
  let listitems: PyVal | null = size > 3 ? items[3] : null;
  let dictitems: PyVal | null = size > 4 ? items[4] : null;
  let state_setter: PyVal | null = size > 5 ? items[5] : null;
  if (!PyCallable_Check(callable)) {
    return PyErr_Format(s.PicklingError, "first item of the tuple returned by __reduce__ must be callable");
  }
  if (!PyTuple_Check(argtup)) {
    return PyErr_Format(s.PicklingError, "second item of the tuple returned by __reduce__ must be a tuple");
  }
  if (state === Py_None) state = null;
  if (listitems === Py_None) listitems = null;
  else if (listitems !== null && !PyIter_Check(listitems)) {
    return PyErr_Format(s.PicklingError, "fourth element of the tuple returned by __reduce__ must be an iterator, " +
      `not ${Py_TYPE(listitems).tp_name}`);
  }
  if (dictitems === Py_None) dictitems = null;
  else if (dictitems !== null && !PyIter_Check(dictitems)) {
    return PyErr_Format(s.PicklingError, "fifth element of the tuple returned by __reduce__ must be an iterator, " +
      `not ${Py_TYPE(dictitems).tp_name}`);
  }
  if (state_setter === Py_None) state_setter = null;
  else if (state_setter !== null && !PyCallable_Check(state_setter)) {
    return PyErr_Format(s.PicklingError, "sixth element of the tuple returned by __reduce__ must be a function, " +
      `not ${Py_TYPE(state_setter).tp_name}`);
  }
  let use_newobj = false, use_newobj_ex = false;
  if (self.proto >= 2) {
    const name = _PyObject_LookupAttr(callable, ID.__name__);
    if (name !== undefined && PyUnicode_Check(name)) {
      use_newobj_ex = name.value === "__newobj_ex__";
      if (!use_newobj_ex) use_newobj = name.value === "__newobj__";
    }
  }
  const argv = argtup.ob_item;
  if (use_newobj_ex) {
    if (argv.length !== 3) {
      return PyErr_Format(s.PicklingError, `length of the NEWOBJ_EX argument tuple must be exactly 3, not ${argv.length}`);
    }
    const [cls, cargs, kwargs] = argv;
    if (!(cls instanceof PyTypeObject)) {
      return PyErr_Format(s.PicklingError, `first item from NEWOBJ_EX argument tuple must be a class, not ${Py_TYPE(cls).tp_name}`);
    }
    if (!PyTuple_Check(cargs)) {
      return PyErr_Format(s.PicklingError, `second item from NEWOBJ_EX argument tuple must be a tuple, not ${Py_TYPE(cargs).tp_name}`);
    }
    if (!PyDict_Check(kwargs)) {
      return PyErr_Format(s.PicklingError, `third item from NEWOBJ_EX argument tuple must be a dict, not ${Py_TYPE(kwargs).tp_name}`);
    }
    if (self.proto >= 4) {
      save(self, cls, false);
      save(self, cargs, false);
      save(self, kwargs, false);
      write1(self, OP.NEWOBJ_EX);
    } else {
      // partial(cls.__new__, cls, *args, **kwargs)() for protocols 2 and 3.
      const newargs = [PyObject_GetAttr(cls, ID.__new__), cls, ...cargs.ob_item];
      const kw = new Map<PyUnicodeObject, PyVal>();
      for (let i = 0; i < kwargs.me_key.length; i++) {
        const k = kwargs.me_key[i];
        if (k !== null) kw.set(k as PyUnicodeObject, kwargs.me_value[i]!);
      }
      callable = PyObject_CallTupleDict(s.partial, newargs, kw);
      save(self, callable, false);
      save(self, PyTuple_New([]), false);
      write1(self, OP.REDUCE);
    }
  } else if (use_newobj) {
    if (argv.length < 1) return PyErr_Format(s.PicklingError, "__newobj__ arglist is empty");
    const cls = argv[0];
    if (!(cls instanceof PyTypeObject)) return PyErr_Format(s.PicklingError, "args[0] from __newobj__ args is not a type");
    if (obj !== null && get_class(obj) !== cls) {
      return PyErr_Format(s.PicklingError, "args[0] from __newobj__ args has the wrong class");
    }
    save(self, cls, false);
    save(self, PyTuple_New(argv.slice(1)), false);
    write1(self, OP.NEWOBJ);
  } else {
    save(self, callable, false);
    save(self, argtup, false);
    write1(self, OP.REDUCE);
  }
  if (obj !== null) {
    if (self.memo.has(obj)) {
      // Recursive: obj was pickled while pickling its arguments.
      write1(self, OP.POP);
      memo_get(self, obj);
      return;
    }
    memo_put(self, obj);
  }
  if (listitems !== null) batch_list(self, listitems);
  if (dictitems !== null) batch_dict(self, dictitems);
  if (state !== null) {
    if (state_setter === null) {
      save(self, state, false);
      write1(self, OP.BUILD);
    } else {
      // state_setter(obj, state), called by REDUCE, its result dropped.
      save(self, state_setter, false);
      save(self, obj!, false);
      save(self, state, false);
      write1(self, OP.TUPLE2);
      write1(self, OP.REDUCE);
      write1(self, OP.POP);
    }
  }
}

// ---- save ----

export function save(self: PicklerObject, obj: PyVal, pers_save: boolean): void {
  opcodeBoundary(self);
  if (!pers_save && self.pers_func !== null && save_pers(self, obj)) return;
  if (typeof obj === "number") return save_long(self, obj);
  const type = obj.ob_type;
  // Atoms: never memoized.
  if (obj === Py_None) return write1(self, OP.NONE);
  if (obj === Py_False || obj === Py_True) {
    if (self.proto >= 2) write1(self, obj === Py_True ? OP.NEWTRUE : OP.NEWFALSE);
    else writeAscii(self, obj === Py_True ? "I01\n" : "I00\n");
    return;
  }
  if (type === PyLong_Type) return save_long(self, obj as PyLongObject);
  if (type === PyFloat_Type) return save_float(self, obj as PyFloatObject);
  if (self.memo.size !== 0 && self.memo.has(obj)) return memo_get(self, obj);
  if (type === PyUnicode_Type) return save_unicode(self, obj as PyUnicodeObject);
  if (type === PyBytes_Type) return save_bytes(self, obj as PyBytesObject);
  Py_EnterRecursiveCall(RECURSION_WHERE);
  try {
    save_object(self, obj, type);
  } finally {
    Py_LeaveRecursiveCall();
  }
}

function save_object(self: PicklerObject, obj: PyObject, type: PyTypeObject): void {
  if (type === PyDict_Type) return save_dict(self, obj as PyDictObject);
  if (type === PySet_Type) return save_set(self, obj as PySetObject);
  if (type === PyFrozenSet_Type) return save_frozenset(self, obj as PySetObject);
  if (type === PyList_Type) return save_list(self, obj as PyListObject);
  if (type === PyTuple_Type) return save_tuple(self, obj as PyTupleObject);
  if (type === PyByteArray_Type) return save_bytearray(self, obj as PyByteArrayObject);
  if (type === PyPickleBuffer_Type) return save_picklebuffer(self, obj as PickleBufferObject);
  let reduce_value: PyVal | undefined;
  if (self.reducer_override !== null) {
    reduce_value = PyObject_CallOneArg(self.reducer_override, obj);
    if (reduce_value === Py_NotImplemented) reduce_value = undefined;
  }
  if (reduce_value === undefined) {
    if (type === PyType_Type) return save_type(self, obj as PyTypeObject);
    if (type === PyFunction_Type) return save_global(self, obj, null);
    let reduce_func: PyVal | undefined;
    if (self.dispatch_table === null) {
      reduce_func = PyDict_GetItem(st().dispatch_table, type);
    } else {
      try {
        reduce_func = PyObject_GetItem(self.dispatch_table, type);
      } catch (e) {
        if (!exceptionMatches(e, PyExc_KeyError)) throw e;
      }
    }
    if (reduce_func !== undefined) {
      reduce_value = PyObject_CallOneArg(reduce_func, obj);
    } else if (PyType_IsSubtype(type, PyType_Type)) {
      return save_global(self, obj, null);
    } else {
      const rex = _PyObject_LookupAttr(obj, ID.__reduce_ex__);
      if (rex !== undefined) {
        reduce_value = PyObject_CallOneArg(rex, self.proto);
      } else {
        const r = _PyObject_LookupAttr(obj, ID.__reduce__);
        if (r === undefined) {
          return PyErr_Format(st().PicklingError, `can't pickle '${type.tp_name.slice(0, 200)}' object: ${reprOf(obj)}`);
        }
        reduce_value = PyObject_CallNoArgs(r);
      }
    }
  }
  if (PyUnicode_Check(reduce_value)) return save_global(self, obj, reduce_value);
  if (!PyTuple_Check(reduce_value)) return PyErr_Format(st().PicklingError, "__reduce__ must return a string or tuple");
  save_reduce(self, reduce_value, obj);
}

/** dump: PROTO, the object, STOP, the last frame committed. */
export function dump(self: PicklerObject, obj: PyVal): void {
  self.reducer_override = _PyObject_LookupAttr(self, ID.reducer_override) ?? null;
  try {
    if (self.proto >= 2) {
      write2(self, OP.PROTO, self.proto);
      if (self.proto >= 4) self.framing = true;
    }
    save(self, obj, false);
    write1(self, OP.STOP);
    commitFrame(self);
  } catch (e) {
    // DEVIATION: a chain of tuples deeper than the JS stack overflows it before the recursion limit; it is
    // reported as CPython reports the limit (earlier than CPython would).
    if (e instanceof RangeError) return PyErr_Format(PyExc_RecursionError, `maximum recursion depth exceeded${RECURSION_WHERE}`);
    throw e;
  } finally {
    self.framing = false;
    self.reducer_override = null;
  }
}

/** The default persistent_id method: a Pickler whose persistent_id is this one has no persistent ids. */
export function isDefaultMethod(v: PyVal, meth: (...a: never[]) => PyVal): boolean {
  return v instanceof PyCFunctionObject && v.m_ml.meth === meth;
}

