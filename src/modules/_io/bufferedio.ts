// _io.BufferedReader, BufferedWriter, BufferedRandom, BufferedRWPair (Modules/_io/bufferedio.c): a read buffer
// and a write buffer over a raw stream; calls go straight to the host when the raw stream is a plain FileIO.
import {
  PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O,
  METH_FASTCALL, type PyVal,
} from "../../objects/object.js";
import { PyBytes_FromArray } from "../../objects/bytesobject.js";
import { PyUnicode_FromString } from "../../objects/unicodeobject.js";
import { PyBool_FromLong } from "../../objects/boolobject.js";
import { PyExc_ValueError, PyExc_OSError } from "../../objects/exceptions.js";
import { PyObject_CallMethod, PyObject_GetAttrStr, PyObject_IsTrue, PyObject_Repr, PyNumber_AsSsize_t,
  _PyObject_LookupAttr } from "../../objects/abstract.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { parseArgs, unpackArgs } from "../../runtime/getargs.js";
import { PyIOBaseObject, PyBufferedIOBase_Type, raiseClosed, raiseUnsupported, bufferBytes, sizeArg, DEFAULT_BUFFER_SIZE,
  _PyIO_RegisterWriter } from "./iobase.js";
import { PyFileIOObject, PyFileIO_Type, fileio_read_bytes, fileio_write_bytes, fileio_readall_bytes } from "./fileio.js";
import { hostFS } from "../../host/current.js";
import { PyErr_FromHostError } from "../posixmodule.js";
import { PyUnicode_InternFromString } from "../../objects/object.js";

export const PyBufferedReader_Type = PyType_Declare("_io.BufferedReader");
export const PyBufferedWriter_Type = PyType_Declare("_io.BufferedWriter");
export const PyBufferedRandom_Type = PyType_Declare("_io.BufferedRandom");
export const PyBufferedRWPair_Type = PyType_Declare("_io.BufferedRWPair");

export class PyBufferedObject extends PyIOBaseObject {
  raw: PyVal | null;
  /** The raw stream when it is exactly a FileIO: reads and writes go to the host directly. */
  fast: PyFileIOObject | null;
  readable: boolean;
  writable: boolean;
  bufferSize: number;
  rbuf: Uint8Array;
  rpos: number;
  wbuf: Uint8Array;
  wlen: number;
  detached: boolean;
  constructor(type: PyTypeObject) {
    super(type);
    this.raw = null;
    this.fast = null;
    this.readable = false;
    this.writable = false;
    this.bufferSize = DEFAULT_BUFFER_SIZE;
    this.rbuf = new Uint8Array(0);
    this.rpos = 0;
    this.wbuf = new Uint8Array(0);
    this.wlen = 0;
    this.detached = false;
  }
}

function ok(self: PyVal): PyBufferedObject {
  const b = self as PyBufferedObject;
  if (b.raw === null) {
    if (b.detached) return PyErr_Format(PyExc_ValueError, "raw stream has been detached");
    return PyErr_Format(PyExc_ValueError, "I/O operation on uninitialized object");
  }
  return b;
}

export function rawClosed(b: PyBufferedObject): boolean {
  if (b.fast !== null) return b.fast.fd < 0;
  return PyObject_IsTrue(PyObject_GetAttrStr(b.raw!, "closed")!);
}

function checkOpen(b: PyBufferedObject): void {
  if (rawClosed(b)) raiseClosed();
}

function rawRead(b: PyBufferedObject, n: number): Uint8Array | null {
  if (b.fast !== null) return fileio_read_bytes(b.fast, n);
  const r = PyObject_CallMethod(b.raw!, "read", [n]);
  if (r === Py_None) return null;
  return bufferBytes(r);
}

function rawReadAll(b: PyBufferedObject): Uint8Array | null {
  if (b.fast !== null) return fileio_readall_bytes(b.fast);
  const f = _PyObject_LookupAttr(b.raw!, PyUnicode_InternFromString("readall"));
  const r = f !== undefined ? PyObject_CallMethod(b.raw!, "readall", []) : PyObject_CallMethod(b.raw!, "read", []);
  if (r === Py_None) return null;
  return bufferBytes(r);
}

function rawWrite(b: PyBufferedObject, data: Uint8Array): number {
  if (b.fast !== null) return fileio_write_bytes(b.fast, data);
  const r = PyObject_CallMethod(b.raw!, "write", [PyBytes_FromArray(data)]);
  if (r === Py_None) return 0;
  const n = PyNumber_AsSsize_t(r, null);
  if (n < 0 || n > data.length) {
    return PyErr_Format(PyExc_OSError, `raw write() returned invalid length ${n} (should have been between 0 and ${data.length})`);
  }
  return n;
}

function rawSeek(b: PyBufferedObject, pos: number, whence: number): number {
  if (b.fast !== null) {
    try {
      return hostFS().lseek(b.fast.fd, pos, whence);
    } catch (e) {
      return PyErr_FromHostError(e);
    }
  }
  const r = PyObject_CallMethod(b.raw!, "seek", [pos, whence]);
  const n = PyNumber_AsSsize_t(r, null);
  if (n < 0) return PyErr_Format(PyExc_OSError, `Raw stream returned invalid position ${n}`);
  return n;
}

function rawTell(b: PyBufferedObject): number {
  return rawSeek(b, 0, 1);
}

/** Write out the whole write buffer (_bufferedwriter_flush_unlocked). */
export function flushWrites(b: PyBufferedObject): void {
  let off = 0;
  try {
    while (off < b.wlen) {
      const n = rawWrite(b, b.wbuf.subarray(off, b.wlen));
      if (n === 0) break;
      off += n;
    }
  } finally {
    if (off > 0) {
      b.wbuf.copyWithin(0, off, b.wlen);
      b.wlen -= off;
    }
  }
}

/** Drop read-ahead bytes, moving the raw position back over them (_bufferedreader_reset_buf + seek). */
function rewindReadAhead(b: PyBufferedObject): void {
  const ahead = b.rbuf.length - b.rpos;
  if (ahead > 0) rawSeek(b, -ahead, 1);
  b.rbuf = new Uint8Array(0);
  b.rpos = 0;
}

function buffered_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null, readable: boolean, writable: boolean): void {
  const b = self as PyBufferedObject;
  const fname = Py_TYPE(b).tp_name.replace("_io.", "");
  const [raw, bs] = parseArgs(fname, args, kwnames, ["raw", "buffer_size"], 1, 2);
  if (readable) {
    if (!PyObject_IsTrue(PyObject_CallMethod(raw!, "readable", []))) raiseUnsupported("File or stream is not readable.");
  }
  if (writable) {
    if (!PyObject_IsTrue(PyObject_CallMethod(raw!, "writable", []))) raiseUnsupported("File or stream is not writable.");
  }
  if (readable && writable) {
    if (!PyObject_IsTrue(PyObject_CallMethod(raw!, "seekable", []))) raiseUnsupported("File or stream is not seekable.");
  }
  const size = bs === undefined ? DEFAULT_BUFFER_SIZE : PyNumber_AsSsize_t(bs, PyExc_OSError);
  if (size <= 0) PyErr_Format(PyExc_ValueError, "buffer size must be strictly positive");
  b.raw = raw!;
  b.fast = raw instanceof PyFileIOObject && Py_TYPE(raw) === PyFileIO_Type ? raw : null;
  b.readable = readable;
  b.writable = writable;
  b.bufferSize = size;
  b.rbuf = new Uint8Array(0);
  b.rpos = 0;
  b.wbuf = new Uint8Array(writable ? size : 0);
  b.wlen = 0;
  if (writable) _PyIO_RegisterWriter(b);
}

export function buffered_read_bytes(b: PyBufferedObject, n: number): Uint8Array | null {
  if (b.writable && b.wlen > 0) flushWrites(b);
  const avail = b.rbuf.length - b.rpos;
  if (n < 0) {
    const head = b.rbuf.subarray(b.rpos);
    b.rbuf = new Uint8Array(0);
    b.rpos = 0;
    const rest = rawReadAll(b);
    if (rest === null) return head.length > 0 ? head.slice() : null;
    if (head.length === 0) return rest;
    const out = new Uint8Array(head.length + rest.length);
    out.set(head);
    out.set(rest, head.length);
    return out;
  }
  if (n <= avail) {
    const out = b.rbuf.slice(b.rpos, b.rpos + n);
    b.rpos += n;
    return out;
  }
  const parts: Uint8Array[] = [b.rbuf.subarray(b.rpos)];
  let have = avail;
  b.rbuf = new Uint8Array(0);
  b.rpos = 0;
  while (have < n) {
    const want = n - have;
    const chunk = rawRead(b, Math.max(want, b.bufferSize));
    if (chunk === null) {
      if (have === 0) return null;
      break;
    }
    if (chunk.length === 0) break;
    if (chunk.length > want) {
      parts.push(chunk.subarray(0, want));
      b.rbuf = chunk;
      b.rpos = want;
      have = n;
      break;
    }
    parts.push(chunk);
    have += chunk.length;
  }
  const out = new Uint8Array(have);
  let p = 0;
  for (const c of parts) { out.set(c, p); p += c.length; }
  return out;
}

/** Bytes available without blocking more than one raw read (peek/read1). */
function fillIfEmpty(b: PyBufferedObject): void {
  if (b.rpos < b.rbuf.length) return;
  if (b.writable && b.wlen > 0) flushWrites(b);
  const chunk = rawRead(b, b.bufferSize);
  b.rbuf = chunk ?? new Uint8Array(0);
  b.rpos = 0;
}

function buffered_readline_bytes(b: PyBufferedObject, limit: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    fillIfEmpty(b);
    const avail = b.rbuf.subarray(b.rpos);
    if (avail.length === 0) break;
    const nl = avail.indexOf(10);
    let take = nl >= 0 ? nl + 1 : avail.length;
    if (limit >= 0 && total + take > limit) take = limit - total;
    parts.push(avail.slice(0, take));
    b.rpos += take;
    total += take;
    if ((nl >= 0 && take === nl + 1) || (limit >= 0 && total >= limit)) break;
  }
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of parts) { out.set(c, p); p += c.length; }
  return out;
}

export function buffered_write_bytes(b: PyBufferedObject, data: Uint8Array): number {
  if (b.readable && b.rpos < b.rbuf.length) rewindReadAhead(b);
  else if (b.readable) { b.rbuf = new Uint8Array(0); b.rpos = 0; }
  if (b.wlen + data.length > b.wbuf.length) {
    flushWrites(b);
    if (data.length >= b.wbuf.length) {
      let off = 0;
      while (off < data.length) {
        const n = rawWrite(b, data.subarray(off));
        if (n === 0) break;
        off += n;
      }
      return data.length;
    }
  }
  b.wbuf.set(data, b.wlen);
  b.wlen += data.length;
  return data.length;
}

export function buffered_flush(b: PyBufferedObject): void {
  if (b.writable) flushWrites(b);
}

function buffered_close(self: PyVal): PyVal {
  const b = ok(self);
  if (rawClosed(b)) return Py_None;
  let err: unknown = null;
  try {
    PyObject_CallMethod(b, "flush", []);
  } catch (e) {
    err = e;
  }
  PyObject_CallMethod(b.raw!, "close", []);
  if (err !== null) throw err;
  return Py_None;
}

function buffered_seek(self: PyVal, args: PyVal[]): PyVal {
  const b = ok(self);
  const [p, w] = unpackArgs("seek", args, 1, 2);
  const whence = w === undefined ? 0 : PyNumber_AsSsize_t(w, null);
  if (whence < 0 || whence > 4) return PyErr_Format(PyExc_ValueError, `whence value ${whence} unsupported`);
  checkOpen(b);
  const pos = PyNumber_AsSsize_t(p!, PyExc_OSError);
  if (b.writable) flushWrites(b);
  if (whence === 1) {
    const ahead = b.rbuf.length - b.rpos;
    const np = rawSeek(b, pos - ahead, 1);
    b.rbuf = new Uint8Array(0);
    b.rpos = 0;
    return np;
  }
  b.rbuf = new Uint8Array(0);
  b.rpos = 0;
  return rawSeek(b, pos, whence);
}

function buffered_tell(self: PyVal): PyVal {
  const b = ok(self);
  const pos = rawTell(b) - (b.rbuf.length - b.rpos) + b.wlen;
  return pos < 0 ? 0 : pos;
}

function buffered_repr(self: PyVal) {
  const b = self as PyBufferedObject;
  const tn = Py_TYPE(b).tp_name;
  let name: PyVal | undefined;
  try {
    name = b.raw === null ? undefined : _PyObject_LookupAttr(b, PyUnicode_InternFromString("name"));
  } catch (e) {
    if (!(e instanceof PyIOBaseObject)) name = undefined;
  }
  if (name === undefined) return PyUnicode_FromString(`<${tn}>`);
  return PyUnicode_FromString(`<${tn} name=${PyObject_Repr(name).value}>`);
}

const commonMethods = [
  { name: "close", meth: buffered_close, flags: METH_NOARGS },
  { name: "detach", meth: (s: PyVal) => {
    const b = ok(s);
    PyObject_CallMethod(b, "flush", []);
    const raw = b.raw!;
    b.raw = null;
    b.fast = null;
    b.detached = true;
    return raw;
  }, flags: METH_NOARGS },
  { name: "seekable", meth: (s: PyVal) => PyObject_CallMethod(ok(s).raw!, "seekable", []), flags: METH_NOARGS },
  { name: "readable", meth: (s: PyVal) => PyObject_CallMethod(ok(s).raw!, "readable", []), flags: METH_NOARGS },
  { name: "writable", meth: (s: PyVal) => PyObject_CallMethod(ok(s).raw!, "writable", []), flags: METH_NOARGS },
  { name: "fileno", meth: (s: PyVal) => PyObject_CallMethod(ok(s).raw!, "fileno", []), flags: METH_NOARGS },
  { name: "isatty", meth: (s: PyVal) => PyObject_CallMethod(ok(s).raw!, "isatty", []), flags: METH_NOARGS },
  { name: "_dealloc_warn", meth: () => Py_None, flags: METH_O },
  { name: "seek", meth: buffered_seek, flags: METH_FASTCALL },
  { name: "tell", meth: buffered_tell, flags: METH_NOARGS },
  { name: "truncate", meth: (s: PyVal, a: PyVal[]) => {
    const b = ok(s);
    checkOpen(b);
    if (b.writable) flushWrites(b);
    const [pos] = unpackArgs("truncate", a, 0, 1);
    if (b.readable) rewindReadAhead(b);
    return PyObject_CallMethod(b.raw!, "truncate", [pos === undefined || pos === Py_None ? rawTell(b) : pos]);
  }, flags: METH_FASTCALL },
];

const readMethods = [
  { name: "read", meth: (s: PyVal, a: PyVal[]) => {
    const b = ok(s);
    const [sz] = unpackArgs("read", a, 0, 1);
    const n = sizeArg(sz);
    if (n < -1) return PyErr_Format(PyExc_ValueError, "read length must be non-negative or -1");
    checkOpen(b);
    const r = buffered_read_bytes(b, n);
    return r === null ? Py_None : PyBytes_FromArray(r);
  }, flags: METH_FASTCALL },
  { name: "read1", meth: (s: PyVal, a: PyVal[]) => {
    const b = ok(s);
    checkOpen(b);
    let n = sizeArg(unpackArgs("read1", a, 0, 1)[0]);
    if (n < 0) n = b.bufferSize;
    if (n === 0) return PyBytes_FromArray(new Uint8Array(0));
    fillIfEmpty(b);
    const take = Math.min(n, b.rbuf.length - b.rpos);
    const out = b.rbuf.slice(b.rpos, b.rpos + take);
    b.rpos += take;
    return PyBytes_FromArray(out);
  }, flags: METH_FASTCALL },
  { name: "peek", meth: (s: PyVal) => {
    const b = ok(s);
    checkOpen(b);
    fillIfEmpty(b);
    return PyBytes_FromArray(b.rbuf.slice(b.rpos));
  }, flags: METH_FASTCALL },
  { name: "readline", meth: (s: PyVal, a: PyVal[]) => {
    const b = ok(s);
    checkOpen(b);
    if (b.writable) flushWrites(b);
    return PyBytes_FromArray(buffered_readline_bytes(b, sizeArg(unpackArgs("readline", a, 0, 1)[0])));
  }, flags: METH_FASTCALL },
  { name: "readinto", meth: (s: PyVal, dst: PyVal) => {
    const b = ok(s);
    const d = bufferBytes(dst, "readinto() argument must be read-write bytes-like object");
    const r = buffered_read_bytes(b, d.length);
    if (r === null) return Py_None;
    d.set(r);
    return r.length;
  }, flags: METH_O },
  { name: "readinto1", meth: (s: PyVal, dst: PyVal) => {
    const b = ok(s);
    const d = bufferBytes(dst, "readinto() argument must be read-write bytes-like object");
    fillIfEmpty(b);
    const take = Math.min(d.length, b.rbuf.length - b.rpos);
    d.set(b.rbuf.subarray(b.rpos, b.rpos + take));
    b.rpos += take;
    return take;
  }, flags: METH_O },
];

const writeMethods = [
  { name: "write", meth: (s: PyVal, data: PyVal) => {
    const b = ok(s);
    if (rawClosed(b)) return PyErr_Format(PyExc_ValueError, "write to closed file");
    return buffered_write_bytes(b, bufferBytes(data));
  }, flags: METH_O },
  { name: "flush", meth: (s: PyVal) => {
    const b = ok(s);
    if (rawClosed(b)) return PyErr_Format(PyExc_ValueError, "flush of closed file");
    flushWrites(b);
    return Py_None;
  }, flags: METH_NOARGS },
];

const getset = [
  { name: "raw", get: (s: PyVal) => ok(s).raw! },
  { name: "closed", get: (s: PyVal) => PyBool_FromLong(rawClosed(ok(s))) },
  { name: "name", get: (s: PyVal) => PyObject_GetAttrStr(ok(s).raw!, "name")! },
  { name: "mode", get: (s: PyVal) => PyObject_GetAttrStr(ok(s).raw!, "mode")! },
];

function slots(readable: boolean, writable: boolean) {
  return {
    tp_new: (tt: PyTypeObject) => new PyBufferedObject(tt),
    tp_init: (s: PyVal, a: readonly PyVal[], k: readonly PyVal[] | null) => buffered_init(s, a, k, readable, writable),
    tp_repr: buffered_repr,
  };
}

function declare(t: PyTypeObject, name: string, readable: boolean, writable: boolean, doc: string): void {
  PyType_FromSpecStatic({
    name,
    base: () => PyBufferedIOBase_Type,
    flags: Py_TPFLAGS_BASETYPE,
    dictoffset: 1,
    doc,
    slots: readable ? { ...slots(readable, writable), tp_iternext: (s) => {
      const b = ok(s);
      checkOpen(b);
      const line = buffered_readline_bytes(b, -1);
      return line.length === 0 ? undefined : PyBytes_FromArray(line);
    } } : slots(readable, writable),
    methods: [...commonMethods, ...(readable ? readMethods : []), ...(writable ? writeMethods : [
      { name: "flush", meth: (s: PyVal) => { checkOpen(ok(s)); return Py_None; }, flags: METH_NOARGS },
    ])],
    getset,
  }, t);
}

declare(PyBufferedReader_Type, "_io.BufferedReader", true, false, "Create a new buffered reader using the given readable raw IO object.");
declare(PyBufferedWriter_Type, "_io.BufferedWriter", false, true, "A buffer for a writeable sequential RawIO object.");
declare(PyBufferedRandom_Type, "_io.BufferedRandom", true, true, "A buffered interface to random access streams.");

// BufferedRWPair: a reader and a writer over two raw streams.
class PyRWPairObject extends PyIOBaseObject {
  reader: PyVal | null;
  writer: PyVal | null;
  constructor(type: PyTypeObject) {
    super(type);
    this.reader = null;
    this.writer = null;
  }
}

function pair(s: PyVal): PyRWPairObject {
  const p = s as PyRWPairObject;
  if (p.reader === null) return PyErr_Format(PyExc_ValueError, "I/O operation on uninitialized object");
  return p;
}

const fwd = (side: "reader" | "writer", name: string) =>
  ({ name, meth: (s: PyVal, a: PyVal[]) => PyObject_CallMethod(pair(s)[side]!, name, a), flags: METH_FASTCALL });

PyType_FromSpecStatic({
  name: "_io.BufferedRWPair",
  base: () => PyBufferedIOBase_Type,
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "A buffered reader and writer object together.",
  slots: {
    tp_new: (t) => new PyRWPairObject(t),
    tp_init: (s, a, k) => {
      const [r, w, bs] = parseArgs("BufferedRWPair", a, k, ["", "", "buffer_size"], 2, 3);
      const p = s as PyRWPairObject;
      const make = (t: PyTypeObject, raw: PyVal): PyVal => {
        const o = new PyBufferedObject(t);
        buffered_init(o, bs === undefined ? [raw] : [raw, bs], null, t === PyBufferedReader_Type, t === PyBufferedWriter_Type);
        return o;
      };
      p.reader = make(PyBufferedReader_Type, r!);
      p.writer = make(PyBufferedWriter_Type, w!);
    },
  },
  methods: [
    fwd("reader", "read"), fwd("reader", "peek"), fwd("reader", "read1"), fwd("reader", "readinto"),
    fwd("reader", "readinto1"), fwd("reader", "readable"), fwd("writer", "write"), fwd("writer", "flush"),
    fwd("writer", "writable"),
    { name: "close", meth: (s: PyVal) => {
      const p = pair(s);
      try { PyObject_CallMethod(p.writer!, "close", []); } finally { PyObject_CallMethod(p.reader!, "close", []); }
      return Py_None;
    }, flags: METH_NOARGS },
    { name: "isatty", meth: (s: PyVal) => PyBool_FromLong(PyObject_IsTrue(PyObject_CallMethod(pair(s).writer!, "isatty", []))
      || PyObject_IsTrue(PyObject_CallMethod(pair(s).reader!, "isatty", []))), flags: METH_NOARGS },
  ],
  getset: [
    { name: "closed", get: (s) => PyObject_GetAttrStr(pair(s).writer!, "closed")! },
  ],
}, PyBufferedRWPair_Type);

