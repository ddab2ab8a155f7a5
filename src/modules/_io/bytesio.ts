// _io.BytesIO (Modules/_io/bytesio.c): an in-memory binary stream over a growable Uint8Array.
import {
  PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O,
  METH_FASTCALL, type PyVal,
} from "../../objects/object.js";
import { PyBytes_FromArray } from "../../objects/bytesobject.js";
import { PyMemoryView_FromMemory } from "../../objects/memoryobject.js";
import { PyList_New } from "../../objects/listobject.js";
import { PyTuple_New } from "../../objects/tupleobject.js";
import { Py_True, PyBool_FromLong } from "../../objects/boolobject.js";
import { PyExc_ValueError, PyExc_TypeError, PyExc_OverflowError } from "../../objects/exceptions.js";
import { PyObject_GetIter, PyIter_Next, PyNumber_AsSsize_t } from "../../objects/abstract.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { parseArgs, unpackArgs } from "../../runtime/getargs.js";
import { PyIOBaseObject, PyBufferedIOBase_Type, raiseClosed, bufferBytes, sizeArg } from "./iobase.js";

export const PyBytesIO_Type = PyType_Declare("_io.BytesIO");

export class PyBytesIOObject extends PyIOBaseObject {
  buf: Uint8Array;
  size: number;
  pos: number;
  closed: boolean;
  constructor(type: PyTypeObject) {
    super(type);
    this.buf = new Uint8Array(0);
    this.size = 0;
    this.pos = 0;
    this.closed = false;
  }
}

function open(self: PyVal): PyBytesIOObject {
  const b = self as PyBytesIOObject;
  if (b.closed) raiseClosed();
  return b;
}

export function bytesio_write_bytes(b: PyBytesIOObject, data: Uint8Array): number {
  const end = b.pos + data.length;
  if (end > b.buf.length) {
    const grown = new Uint8Array(Math.max(end, b.buf.length * 2, 32));
    grown.set(b.buf.subarray(0, b.size));
    b.buf = grown;
  }
  if (b.pos > b.size) b.buf.fill(0, b.size, b.pos);
  b.buf.set(data, b.pos);
  b.pos = end;
  if (end > b.size) b.size = end;
  return data.length;
}

function readBytes(b: PyBytesIOObject, n: number): Uint8Array {
  const avail = Math.max(0, b.size - b.pos);
  const k = n < 0 || n > avail ? avail : n;
  const out = b.buf.slice(b.pos, b.pos + k);
  b.pos += k;
  return out;
}

function readLine(b: PyBytesIOObject, limit: number): Uint8Array {
  const start = Math.min(b.pos, b.size);
  let end = b.buf.subarray(start, b.size).indexOf(10);
  end = end < 0 ? b.size : start + end + 1;
  if (limit >= 0 && end - start > limit) end = start + limit;
  const out = b.buf.slice(start, end);
  b.pos = end;
  return out;
}

function bytesio_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const [init] = parseArgs("BytesIO", args, kwnames, ["initial_bytes"], 0, 1);
  const b = self as PyBytesIOObject;
  b.size = 0;
  b.pos = 0;
  if (init !== undefined && init !== Py_None) {
    const data = bufferBytes(init);
    b.buf = data.slice();
    b.size = data.length;
  }
}

function bytesio_seek(self: PyVal, args: PyVal[]): PyVal {
  const b = open(self);
  const [p, w] = unpackArgs("seek", args, 1, 2);
  let pos = PyNumber_AsSsize_t(p!, PyExc_OverflowError);
  const whence = w === undefined ? 0 : PyNumber_AsSsize_t(w, null);
  if (whence === 0 && pos < 0) return PyErr_Format(PyExc_ValueError, `negative seek value ${pos}`);
  if (whence === 1) pos += b.pos;
  else if (whence === 2) pos += b.size;
  else if (whence !== 0) return PyErr_Format(PyExc_ValueError, `invalid whence (${whence}, should be 0, 1 or 2)`);
  b.pos = Math.max(0, pos);
  return b.pos;
}

PyType_FromSpecStatic({
  name: "_io.BytesIO",
  base: () => PyBufferedIOBase_Type,
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "Buffered I/O implementation using an in-memory bytes buffer.",
  slots: {
    tp_new: (t) => new PyBytesIOObject(t),
    tp_init: bytesio_init,
    tp_iter: (s) => { open(s); return s; },
    tp_iternext: (s) => {
      const line = readLine(open(s), -1);
      return line.length === 0 ? undefined : PyBytes_FromArray(line);
    },
  },
  methods: [
    { name: "getvalue", meth: (s: PyVal) => { const b = open(s); return PyBytes_FromArray(b.buf.slice(0, b.size)); }, flags: METH_NOARGS },
    { name: "read", meth: (s: PyVal, a: PyVal[]) => PyBytes_FromArray(readBytes(open(s), sizeArg(unpackArgs("read", a, 0, 1)[0]))), flags: METH_FASTCALL },
    { name: "read1", meth: (s: PyVal, a: PyVal[]) => PyBytes_FromArray(readBytes(open(s), sizeArg(unpackArgs("read1", a, 0, 1)[0]))), flags: METH_FASTCALL },
    { name: "readline", meth: (s: PyVal, a: PyVal[]) => PyBytes_FromArray(readLine(open(s), sizeArg(unpackArgs("readline", a, 0, 1)[0]))), flags: METH_FASTCALL },
    { name: "readlines", meth: (s: PyVal, a: PyVal[]) => {
      const b = open(s);
      const hint = sizeArg(unpackArgs("readlines", a, 0, 1)[0]);
      const out: PyVal[] = [];
      let total = 0;
      for (;;) {
        const line = readLine(b, -1);
        if (line.length === 0) break;
        out.push(PyBytes_FromArray(line));
        total += line.length;
        if (hint > 0 && total >= hint) break;
      }
      return PyList_New(out);
    }, flags: METH_FASTCALL },
    { name: "readinto", meth: (s: PyVal, dst: PyVal) => {
      const b = open(s);
      const d = bufferBytes(dst, "readinto() argument must be read-write bytes-like object");
      const got = readBytes(b, d.length);
      d.set(got);
      return got.length;
    }, flags: METH_O },
    { name: "write", meth: (s: PyVal, data: PyVal) => bytesio_write_bytes(open(s), bufferBytes(data)), flags: METH_O },
    { name: "writelines", meth: (s: PyVal, lines: PyVal) => {
      const b = open(s);
      const it = PyObject_GetIter(lines);
      for (let x = PyIter_Next(it); x !== undefined; x = PyIter_Next(it)) bytesio_write_bytes(b, bufferBytes(x));
      return Py_None;
    }, flags: METH_O },
    { name: "seek", meth: bytesio_seek, flags: METH_FASTCALL },
    { name: "tell", meth: (s: PyVal) => open(s).pos, flags: METH_NOARGS },
    { name: "truncate", meth: (s: PyVal, a: PyVal[]) => {
      const b = open(s);
      const [sz] = unpackArgs("truncate", a, 0, 1);
      const n = sz === undefined || sz === Py_None ? b.pos : PyNumber_AsSsize_t(sz, null);
      if (n < 0) return PyErr_Format(PyExc_ValueError, `negative size value ${n}`);
      if (n < b.size) b.size = n;
      return n;
    }, flags: METH_FASTCALL },
    { name: "close", meth: (s: PyVal) => { (s as PyBytesIOObject).closed = true; return Py_None; }, flags: METH_NOARGS },
    { name: "flush", meth: (s: PyVal) => { open(s); return Py_None; }, flags: METH_NOARGS },
    { name: "isatty", meth: (s: PyVal) => { open(s); return PyBool_FromLong(false); }, flags: METH_NOARGS },
    { name: "readable", meth: (s: PyVal) => { open(s); return Py_True; }, flags: METH_NOARGS },
    { name: "writable", meth: (s: PyVal) => { open(s); return Py_True; }, flags: METH_NOARGS },
    { name: "seekable", meth: (s: PyVal) => { open(s); return Py_True; }, flags: METH_NOARGS },
    { name: "__getstate__", meth: (s: PyVal) => {
      const b = open(s);
      return PyTuple_New([PyBytes_FromArray(b.buf.slice(0, b.size)), b.pos, b.dict ?? Py_None]);
    }, flags: METH_NOARGS },
    // DEVIATION: the view counts no export (without reference counting a view is never known to be gone, so
    // counting would forbid every later write); a write that outgrows the buffer leaves the view on the old bytes.
    { name: "getbuffer", meth: (s: PyVal) => {
      const b = open(s);
      return PyMemoryView_FromMemory(b, b.buf.subarray(0, b.size), false);
    }, flags: METH_NOARGS },
  ],
  getset: [
    { name: "closed", get: (s) => PyBool_FromLong((s as PyBytesIOObject).closed) },
  ],
}, PyBytesIO_Type);
