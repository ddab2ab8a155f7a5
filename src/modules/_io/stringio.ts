// _io.StringIO (Modules/_io/stringio.c): an in-memory text stream; positions count code points; newline modes as
// CPython's (default "\n": none; None: universal with translation; "": universal without; "\r"/"\r\n" on write).
import {
  PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O,
  METH_FASTCALL, PyUnicodeObject, type PyVal,
} from "../../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check, codePoints } from "../../objects/unicodeobject.js";
import { PyTuple_New } from "../../objects/tupleobject.js";
import { Py_True, PyBool_FromLong } from "../../objects/boolobject.js";
import { PyExc_ValueError, PyExc_TypeError, PyExc_OverflowError, PyExc_OSError } from "../../objects/exceptions.js";
import { PyObject_Repr, PyNumber_AsSsize_t } from "../../objects/abstract.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { parseArgs, unpackArgs } from "../../runtime/getargs.js";
import { PyIOBaseObject, PyTextIOBase_Type, raiseClosed, sizeArg } from "./iobase.js";
import { NLState } from "./textio.js";

export const PyStringIO_Type = PyType_Declare("_io.StringIO");

export class PyStringIOObject extends PyIOBaseObject {
  /** The text as code points (positions and lengths are in code points). */
  buf: number[];
  pos: number;
  closed: boolean;
  nl: NLState | null;
  readuniversal: boolean;
  readtranslate: boolean;
  readnl: string | null;
  writenl: string | null;
  initialized: boolean;
  constructor(type: PyTypeObject) {
    super(type);
    this.buf = [];
    this.pos = 0;
    this.closed = false;
    this.nl = null;
    this.readuniversal = false;
    this.readtranslate = false;
    this.readnl = "\n";
    this.writenl = null;
    this.initialized = false;
  }
}

function open(self: PyVal): PyStringIOObject {
  const s = self as PyStringIOObject;
  if (!s.initialized) return PyErr_Format(PyExc_ValueError, "I/O operation on uninitialized object");
  if (s.closed) raiseClosed();
  return s;
}

function text(cps: number[], from: number, to: number): string {
  let out = "";
  for (let i = from; i < to; i += 4096) out += String.fromCodePoint(...cps.slice(i, Math.min(to, i + 4096)));
  return out;
}

function write(s: PyStringIOObject, v: string): number {
  let t = v;
  if (s.nl !== null) t = s.nl.feed(t, true);
  if (s.writenl !== null) t = t.split("\n").join(s.writenl);
  const cps = codePoints(t);
  const n = codePoints(v).length;
  if (cps.length === 0) return n;
  if (s.pos > s.buf.length) for (let i = s.buf.length; i < s.pos; i++) s.buf.push(0);
  if (s.pos === s.buf.length) for (const c of cps) s.buf.push(c);
  else for (let i = 0; i < cps.length; i++) s.buf[s.pos + i] = cps[i];
  s.pos += cps.length;
  return n;
}

function readline(s: PyStringIOObject, limit: number): string {
  const b = s.buf;
  let end = b.length;
  const start = Math.min(s.pos, b.length);
  if (s.readuniversal && !s.readtranslate) {
    for (let i = start; i < b.length; i++) {
      if (b[i] === 10) { end = i + 1; break; }
      if (b[i] === 13) { end = i + 1 < b.length && b[i + 1] === 10 ? i + 2 : i + 1; break; }
    }
  } else {
    const nl = codePoints(s.readnl ?? "\n");
    outer: for (let i = start; i < b.length; i++) {
      for (let k = 0; k < nl.length; k++) if (b[i + k] !== nl[k]) continue outer;
      end = i + nl.length;
      break;
    }
  }
  if (limit >= 0 && end - start > limit) end = start + limit;
  s.pos = end;
  return text(b, start, end);
}

function stringio_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const s = self as PyStringIOObject;
  const [init, nlArg] = parseArgs("StringIO", args, kwnames, ["initial_value", "newline"], 0, 2);
  let newline: string | null = "\n";
  if (nlArg !== undefined) {
    if (nlArg === Py_None) newline = null;
    else if (!PyUnicode_Check(nlArg)) PyErr_Format(PyExc_TypeError, `newline must be str or None, not ${Py_TYPE(nlArg).tp_name}`);
    else newline = (nlArg as PyUnicodeObject).value;
  }
  if (newline !== null && newline !== "" && newline !== "\n" && newline !== "\r" && newline !== "\r\n") {
    PyErr_Format(PyExc_ValueError, `illegal newline value: ${PyObject_Repr(nlArg!).value}`);
  }
  if (init !== undefined && init !== Py_None && !PyUnicode_Check(init)) {
    PyErr_Format(PyExc_TypeError, `initial_value must be str or None, not ${Py_TYPE(init).tp_name}`);
  }
  s.readuniversal = newline === null || newline === "";
  s.readtranslate = newline === null;
  s.readnl = newline === null || newline === "" ? null : newline;
  s.writenl = newline !== null && newline.startsWith("\r") ? newline : null;
  s.nl = s.readuniversal ? new NLState(s.readtranslate) : null;
  s.buf = [];
  s.pos = 0;
  s.closed = false;
  s.initialized = true;
  if (init !== undefined && init !== Py_None) {
    write(s, (init as PyUnicodeObject).value);
    s.pos = 0;
  }
}

PyType_FromSpecStatic({
  name: "_io.StringIO",
  base: () => PyTextIOBase_Type,
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "Text I/O implementation using an in-memory buffer.",
  slots: {
    tp_new: (t) => new PyStringIOObject(t),
    tp_init: stringio_init,
    tp_iter: (s) => { open(s); return s; },
    tp_iternext: (s) => {
      const line = readline(open(s), -1);
      return line.length === 0 ? undefined : PyUnicode_FromString(line);
    },
  },
  methods: [
    { name: "getvalue", meth: (s: PyVal) => { const o = open(s); return PyUnicode_FromString(text(o.buf, 0, o.buf.length)); }, flags: METH_NOARGS },
    { name: "read", meth: (s: PyVal, a: PyVal[]) => {
      const o = open(s);
      const n = sizeArg(unpackArgs("read", a, 0, 1)[0]);
      const start = Math.min(o.pos, o.buf.length);
      const end = n < 0 ? o.buf.length : Math.min(o.buf.length, start + n);
      o.pos = end;
      return PyUnicode_FromString(text(o.buf, start, end));
    }, flags: METH_FASTCALL },
    { name: "readline", meth: (s: PyVal, a: PyVal[]) => PyUnicode_FromString(readline(open(s), sizeArg(unpackArgs("readline", a, 0, 1)[0]))), flags: METH_FASTCALL },
    { name: "write", meth: (s: PyVal, v: PyVal) => {
      const o = open(s);
      if (!PyUnicode_Check(v)) return PyErr_Format(PyExc_TypeError, `string argument expected, got '${Py_TYPE(v).tp_name}'`);
      return write(o, v.value);
    }, flags: METH_O },
    { name: "seek", meth: (s: PyVal, a: PyVal[]) => {
      const o = open(s);
      const [p, w] = unpackArgs("seek", a, 1, 2);
      const pos = PyNumber_AsSsize_t(p!, PyExc_OverflowError);
      const whence = w === undefined ? 0 : PyNumber_AsSsize_t(w, null);
      if (whence !== 0 && whence !== 1 && whence !== 2) return PyErr_Format(PyExc_ValueError, `Invalid whence (${whence}, should be 0, 1 or 2)`);
      if (pos < 0 && whence === 0) return PyErr_Format(PyExc_ValueError, `Negative seek position ${pos}`);
      if (whence !== 0 && pos !== 0) return PyErr_Format(PyExc_OSError, "Can't do nonzero cur-relative seeks");
      o.pos = whence === 0 ? pos : whence === 2 ? o.buf.length : o.pos;
      return o.pos;
    }, flags: METH_FASTCALL },
    { name: "tell", meth: (s: PyVal) => open(s).pos, flags: METH_NOARGS },
    { name: "truncate", meth: (s: PyVal, a: PyVal[]) => {
      const o = open(s);
      const [sz] = unpackArgs("truncate", a, 0, 1);
      const n = sz === undefined || sz === Py_None ? o.pos : PyNumber_AsSsize_t(sz, null);
      if (n < 0) return PyErr_Format(PyExc_ValueError, `Negative size value ${n}`);
      if (n < o.buf.length) o.buf.length = n;
      return n;
    }, flags: METH_FASTCALL },
    { name: "close", meth: (s: PyVal) => { (s as PyStringIOObject).closed = true; (s as PyStringIOObject).buf = []; return Py_None; }, flags: METH_NOARGS },
    { name: "readable", meth: (s: PyVal) => { open(s); return Py_True; }, flags: METH_NOARGS },
    { name: "writable", meth: (s: PyVal) => { open(s); return Py_True; }, flags: METH_NOARGS },
    { name: "seekable", meth: (s: PyVal) => { open(s); return Py_True; }, flags: METH_NOARGS },
    { name: "__getstate__", meth: (s: PyVal) => {
      const o = open(s);
      return PyTuple_New([PyUnicode_FromString(text(o.buf, 0, o.buf.length)), o.readnl === null ? Py_None : PyUnicode_FromString(o.readnl), o.pos, o.dict ?? Py_None]);
    }, flags: METH_NOARGS },
  ],
  getset: [
    { name: "closed", get: (s) => PyBool_FromLong((s as PyStringIOObject).closed) },
    { name: "line_buffering", get: (s) => { open(s); return PyBool_FromLong(false); } },
    { name: "newlines", get: (s) => { const o = open(s); return o.nl !== null ? o.nl.newlines() : Py_None; } },
  ],
}, PyStringIO_Type);
