// _io's abstract bases (Modules/_io/iobase.c): _IOBase (closing, context management, iteration, readline,
// readlines, writelines), _RawIOBase (read via readinto, readall), _BufferedIOBase, _TextIOBase, and
// UnsupportedOperation. Concrete classes extend PyIOBaseObject. See docs/imports.md ("_io").
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE, METH_NOARGS,
  METH_O, METH_FASTCALL, type PyVal,
} from "../../objects/object.js";
import { PyDictObject } from "../../objects/dictobject.js";
import { PyBytes_FromArray, PyBytesObject } from "../../objects/bytesobject.js";
import { PyByteArrayObject, byteArrayData } from "../../objects/bytearrayobject.js";
import { PyObject_GetBufferData } from "../../objects/memoryobject.js";
import { PyUnicode_FromString } from "../../objects/unicodeobject.js";
import { PyList_New } from "../../objects/listobject.js";
import { Py_True, Py_False, PyBool_FromLong } from "../../objects/boolobject.js";
import { PyExc_ValueError, PyExc_OSError, PyExc_TypeError } from "../../objects/exceptions.js";
import { PyObject_CallMethod, PyObject_GetAttrStr, PyObject_IsTrue, PyObject_GetIter, PyIter_Next, PyObject_Size,
  PyNumber_AsSsize_t, PyObject_Vectorcall } from "../../objects/abstract.js";
import { PyErr_Format, _PyErr_CreateException, _PyErr_ChainContext } from "../../runtime/errors.js";
import { unpackArgs } from "../../runtime/getargs.js";

export const DEFAULT_BUFFER_SIZE = 8192;

/** Every _io object: an instance dict (name, mode, ...) and the closed flag of _IOBase (__IOBase_closed). */
export class PyIOBaseObject extends PyObject {
  dict: PyDictObject | null;
  iobase_closed: boolean;
  constructor(type: PyTypeObject) {
    super(type);
    this.dict = null;
    this.iobase_closed = false;
  }
}

export const PyIOBase_Type = PyType_Declare("_io._IOBase");
export const PyRawIOBase_Type = PyType_Declare("_io._RawIOBase");
export const PyBufferedIOBase_Type = PyType_Declare("_io._BufferedIOBase");
export const PyTextIOBase_Type = PyType_Declare("_io._TextIOBase");

/** io.UnsupportedOperation: a subclass of OSError and ValueError, created at module exec. */
let unsupported: PyTypeObject | null = null;
export function setUnsupportedOperation(t: PyTypeObject): void {
  unsupported = t;
}

export function raiseUnsupported(msg: string): never {
  if (unsupported === null) return PyErr_Format(PyExc_OSError, msg);
  const e = _PyErr_CreateException(unsupported, [PyUnicode_FromString(msg)]);
  _PyErr_ChainContext(e);
  throw e;
}

export function raiseClosed(): never {
  return PyErr_Format(PyExc_ValueError, "I/O operation on closed file.");
}

/** Writable buffered and text streams, weakly, so that those still open at exit are flushed then: CPython closes
 *  them as their last references go at shutdown; Typhon has no reference counts. */
const openWriters: WeakRef<PyObject>[] = [];
let registeredSincePrune = 0;

export function _PyIO_RegisterWriter(o: PyObject): void {
  if (++registeredSincePrune >= 1024) {
    registeredSincePrune = 0;
    let j = 0;
    for (const r of openWriters) if (r.deref() !== undefined) openWriters[j++] = r;
    openWriters.length = j;
  }
  openWriters.push(new WeakRef(o));
}

/** At exit (after atexit and the std streams): flush every registered stream still open, newest first, so a
 *  TextIOWrapper empties into its buffer before the buffer empties into its file. Errors are ignored, as at
 *  CPython's shutdown. */
export function _PyIO_FlushWritersAtExit(): void {
  for (let i = openWriters.length - 1; i >= 0; i--) {
    const o = openWriters[i].deref();
    if (o === undefined) continue;
    try {
      if (!isClosed(o)) PyObject_CallMethod(o, "flush", []);
    } catch {
      // ignored
    }
  }
  openWriters.length = 0;
}

/** The `closed` attribute as Python code sees it (a subclass may override the property). */
export function isClosed(self: PyVal): boolean {
  if (self instanceof PyIOBaseObject && Py_TYPE(self).tp_flags & (1 << 9)) {
    return PyObject_IsTrue(PyObject_GetAttrStr(self, "closed")!);
  }
  if (self instanceof PyIOBaseObject && !hasOwnClosed(Py_TYPE(self))) return self.iobase_closed;
  return PyObject_IsTrue(PyObject_GetAttrStr(self, "closed")!);
}

function hasOwnClosed(t: PyTypeObject): boolean {
  return t !== PyIOBase_Type && t !== PyRawIOBase_Type && t !== PyBufferedIOBase_Type && t !== PyTextIOBase_Type;
}

export function checkClosed(self: PyVal): void {
  if (isClosed(self)) raiseClosed();
}

function checkBool(self: PyVal, meth: string, msg: string): void {
  const r = PyObject_CallMethod(self, meth, []);
  if (!PyObject_IsTrue(r)) raiseUnsupported(msg);
}

/** Bytes of a bytes-like argument (bytes, bytearray, memoryview). */
export function bufferBytes(v: PyVal, what = "a bytes-like object is required"): Uint8Array {
  if (v instanceof PyBytesObject) return v.ob_bytes;
  // readinto() targets: a bytearray's live contents (a view, so writes land in it).
  if (v instanceof PyByteArrayObject) return byteArrayData(v);
  const b = PyObject_GetBufferData(v);
  if (b !== null) return b;
  return PyErr_Format(PyExc_TypeError, `${what}, not '${Py_TYPE(v).tp_name}'`);
}

/** A size argument: None or negative means "all" (-1); otherwise an index (_Py_convert_optional_to_ssize_t). */
export function sizeArg(v: PyVal | undefined): number {
  if (v === undefined || v === Py_None) return -1;
  if (!(typeof v === "number") && !(Py_TYPE(v).nb_index)) {
    return PyErr_Format(PyExc_TypeError, `argument should be integer or None, not '${Py_TYPE(v).tp_name}'`);
  }
  return PyNumber_AsSsize_t(v, PyExc_ValueError);
}

function iobase_close(self: PyVal): PyVal {
  if (isClosed(self)) return Py_None;
  try {
    PyObject_CallMethod(self, "flush", []);
  } finally {
    if (self instanceof PyIOBaseObject) self.iobase_closed = true;
  }
  return Py_None;
}

function iobase_readline(self: PyVal, args: PyVal[]): PyVal {
  const [l] = unpackArgs("readline", args, 0, 1);
  const limit = sizeArg(l);
  const out: number[] = [];
  const peek = PyObject_GetAttrStr(self, "peek", true);
  while (limit < 0 || out.length < limit) {
    let n = 1;
    if (peek !== undefined) {
      const ahead = bufferBytes(PyObject_Vectorcall(peek, [1], null));
      if (ahead.length === 0) break;
      const nl = ahead.indexOf(10);
      n = nl >= 0 ? nl + 1 : ahead.length;
      if (limit >= 0) n = Math.min(n, limit - out.length);
    }
    const b = PyObject_CallMethod(self, "read", [n]);
    if (b === Py_None) break;
    const bytes = bufferBytes(b);
    if (bytes.length === 0) break;
    for (const x of bytes) out.push(x);
    if (out[out.length - 1] === 10) break;
  }
  return PyBytes_FromArray(Uint8Array.from(out));
}

function iobase_readlines(self: PyVal, args: PyVal[]): PyVal {
  const [h] = unpackArgs("readlines", args, 0, 1);
  const hint = sizeArg(h);
  const lines: PyVal[] = [];
  let total = 0;
  const it = PyObject_GetIter(self);
  for (let x = PyIter_Next(it); x !== undefined; x = PyIter_Next(it)) {
    lines.push(x);
    total += PyObject_Size(x);
    if (hint > 0 && total >= hint) break;
  }
  return PyList_New(lines);
}

function iobase_writelines(self: PyVal, lines: PyVal): PyVal {
  checkClosed(self);
  const it = PyObject_GetIter(lines);
  for (let x = PyIter_Next(it); x !== undefined; x = PyIter_Next(it)) PyObject_CallMethod(self, "write", [x]);
  return Py_None;
}

function iobase_iternext(self: PyVal): PyVal | undefined {
  const line = PyObject_CallMethod(self, "readline", []);
  if (PyObject_Size(line) === 0) return undefined;
  return line;
}

PyType_FromSpecStatic({
  name: "_io._IOBase",
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "The abstract base class for all I/O classes.",
  slots: {
    tp_new: (t) => new PyIOBaseObject(t),
    tp_iter: (s) => { checkClosed(s); return s; },
    tp_iternext: iobase_iternext,
  },
  methods: [
    { name: "seek", meth: () => raiseUnsupported("seek"), flags: METH_FASTCALL },
    { name: "tell", meth: (s: PyVal) => PyObject_CallMethod(s, "seek", [0, 1]), flags: METH_NOARGS },
    { name: "truncate", meth: () => raiseUnsupported("truncate"), flags: METH_FASTCALL },
    { name: "flush", meth: (s: PyVal) => { checkClosed(s); return Py_None; }, flags: METH_NOARGS },
    { name: "close", meth: iobase_close, flags: METH_NOARGS },
    { name: "seekable", meth: () => Py_False, flags: METH_NOARGS },
    { name: "readable", meth: () => Py_False, flags: METH_NOARGS },
    { name: "writable", meth: () => Py_False, flags: METH_NOARGS },
    { name: "_checkClosed", meth: (s: PyVal) => { checkClosed(s); return Py_None; }, flags: METH_FASTCALL },
    { name: "_checkSeekable", meth: (s: PyVal) => { checkBool(s, "seekable", "File or stream is not seekable."); return Py_True; }, flags: METH_FASTCALL },
    { name: "_checkReadable", meth: (s: PyVal) => { checkBool(s, "readable", "File or stream is not readable."); return Py_True; }, flags: METH_FASTCALL },
    { name: "_checkWritable", meth: (s: PyVal) => { checkBool(s, "writable", "File or stream is not writable."); return Py_True; }, flags: METH_FASTCALL },
    { name: "fileno", meth: () => raiseUnsupported("fileno"), flags: METH_NOARGS },
    { name: "isatty", meth: (s: PyVal) => { checkClosed(s); return Py_False; }, flags: METH_NOARGS },
    { name: "__enter__", meth: (s: PyVal) => { checkClosed(s); return s; }, flags: METH_NOARGS },
    { name: "__exit__", meth: (s: PyVal) => PyObject_CallMethod(s, "close", []), flags: METH_FASTCALL },
    { name: "readline", meth: iobase_readline, flags: METH_FASTCALL },
    { name: "readlines", meth: iobase_readlines, flags: METH_FASTCALL },
    { name: "writelines", meth: iobase_writelines, flags: METH_O },
  ],
  getset: [
    { name: "closed", get: (s) => PyBool_FromLong(s instanceof PyIOBaseObject && s.iobase_closed) },
    { name: "__dict__", get: (s) => {
      const o = s as PyIOBaseObject;
      if (o.dict === null) o.dict = new PyDictObject();
      return o.dict;
    } },
  ],
}, PyIOBase_Type);

function rawiobase_read(self: PyVal, args: PyVal[]): PyVal {
  const [sz] = unpackArgs("read", args, 0, 1);
  const n = sizeArg(sz);
  if (n < 0) return PyObject_CallMethod(self, "readall", []);
  const bytearray = PyObject_GetAttrStr(builtinsModule(), "bytearray", true);
  if (bytearray === undefined) return raiseUnsupported("read");
  const buf = PyObject_Vectorcall(bytearray, [n], null);
  const got = PyObject_CallMethod(self, "readinto", [buf]);
  if (got === Py_None) return Py_None;
  const k = PyNumber_AsSsize_t(got, PyExc_ValueError);
  return PyBytes_FromArray(bufferBytes(buf).slice(0, k));
}

let builtinsModule: () => PyVal = () => Py_None;
export function _PyIO_InstallBuiltins(f: () => PyVal): void {
  builtinsModule = f;
}

function rawiobase_readall(self: PyVal): PyVal {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const data = PyObject_CallMethod(self, "read", [DEFAULT_BUFFER_SIZE]);
    if (data === Py_None) {
      if (chunks.length === 0) return Py_None;
      break;
    }
    const b = bufferBytes(data);
    if (b.length === 0) break;
    chunks.push(b);
    total += b.length;
  }
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) { out.set(c, p); p += c.length; }
  return PyBytes_FromArray(out);
}

PyType_FromSpecStatic({
  name: "_io._RawIOBase",
  base: () => PyIOBase_Type,
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "Base class for raw binary I/O.",
  methods: [
    { name: "read", meth: rawiobase_read, flags: METH_FASTCALL },
    { name: "readall", meth: rawiobase_readall, flags: METH_NOARGS },
    { name: "readinto", meth: () => raiseNotImplemented(), flags: METH_O },
    { name: "write", meth: () => raiseNotImplemented(), flags: METH_O },
  ],
}, PyRawIOBase_Type);

function raiseNotImplemented(): never {
  const t = PyObject_GetAttrStr(builtinsModule(), "NotImplementedError") as PyTypeObject;
  return PyErr_Format(t, "");
}

PyType_FromSpecStatic({
  name: "_io._BufferedIOBase",
  base: () => PyIOBase_Type,
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "Base class for buffered IO objects.",
  methods: [
    { name: "read", meth: () => raiseUnsupported("read"), flags: METH_FASTCALL },
    { name: "read1", meth: () => raiseUnsupported("read1"), flags: METH_FASTCALL },
    { name: "write", meth: () => raiseUnsupported("write"), flags: METH_FASTCALL },
    { name: "detach", meth: () => raiseUnsupported("detach"), flags: METH_NOARGS },
    { name: "readinto", meth: (s: PyVal, b: PyVal) => readintoVia(s, b, "read"), flags: METH_O },
    { name: "readinto1", meth: (s: PyVal, b: PyVal) => readintoVia(s, b, "read1"), flags: METH_O },
  ],
}, PyBufferedIOBase_Type);

function readintoVia(self: PyVal, b: PyVal, meth: string): PyVal {
  const dst = bufferBytes(b, "readinto() argument must be read-write bytes-like object");
  const data = bufferBytes(PyObject_CallMethod(self, meth, [dst.length]));
  dst.set(data.subarray(0, dst.length));
  return data.length;
}

PyType_FromSpecStatic({
  name: "_io._TextIOBase",
  base: () => PyIOBase_Type,
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "Base class for text I/O.",
  methods: [
    { name: "detach", meth: () => raiseUnsupported("detach"), flags: METH_NOARGS },
    { name: "read", meth: () => raiseUnsupported("read"), flags: METH_FASTCALL },
    { name: "readline", meth: () => raiseUnsupported("readline"), flags: METH_FASTCALL },
    { name: "write", meth: () => raiseUnsupported("write"), flags: METH_FASTCALL },
  ],
  getset: [
    { name: "encoding", get: () => Py_None },
    { name: "newlines", get: () => Py_None },
    { name: "errors", get: () => Py_None },
  ],
}, PyTextIOBase_Type);
