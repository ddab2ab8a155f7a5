// _io.FileIO (Modules/_io/fileio.c): raw unbuffered I/O on a host file descriptor: mode parsing, opener,
// closefd, directory check, read/readall/readinto/write/seek/tell/truncate with CPython's errors and repr.
import { PySys_Audit, PySys_Auditing } from "../../runtime/sysmodule.js";
import {
  PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O,
  METH_FASTCALL, PyUnicode_InternFromString, type PyVal,
} from "../../objects/object.js";
import { PyDictObject, PyDict_SetItemString, PyDict_GetItemStr } from "../../objects/dictobject.js";
import { PyBytes_FromArray } from "../../objects/bytesobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../../objects/unicodeobject.js";
import { PyFloat_Check } from "../../objects/floatobject.js";
import { Py_False, PyBool_FromLong } from "../../objects/boolobject.js";
import { PyExc_ValueError, PyExc_TypeError } from "../../objects/exceptions.js";
import { PyObject_IsTrue, PyObject_Vectorcall, PyObject_Repr, PyNumber_AsSsize_t, PyNumber_Index } from "../../objects/abstract.js";
import { longValue, PyLong_Check } from "../../objects/longobject.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { parseArgs, unpackArgs } from "../../runtime/getargs.js";
import { PyIOBaseObject, PyRawIOBase_Type, raiseUnsupported, bufferBytes, sizeArg, DEFAULT_BUFFER_SIZE } from "./iobase.js";
import { PyErr_WarnEx } from "../_warnings.js";
import { PyExc_RuntimeWarning } from "../../objects/exceptions.js";
import { pathConverter, PyOS_FSPath, PyErr_FromHostError, PyErr_SetFromErrno } from "../posixmodule.js";
import { hostFS } from "../../host/current.js";
import { HostError } from "../../host/host.js";

export const PyFileIO_Type = PyType_Declare("_io.FileIO");

export class PyFileIOObject extends PyIOBaseObject {
  fd: number;
  created: boolean;
  readable: boolean;
  writable: boolean;
  appending: boolean;
  seekable: number;
  closefd: boolean;
  blksize: number;
  constructor(type: PyTypeObject) {
    super(type);
    this.fd = -1;
    this.created = false;
    this.readable = false;
    this.writable = false;
    this.appending = false;
    this.seekable = -1;
    this.closefd = true;
    this.blksize = 0;
  }
}

const O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0o100, O_EXCL = 0o200, O_TRUNC = 0o1000, O_APPEND = 0o2000,
  O_CLOEXEC = 0o2000000;
const S_IFMT = 0o170000, S_IFDIR = 0o040000;

function badMode(): never {
  return PyErr_Format(PyExc_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
}

function fileio_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const f = self as PyFileIOObject;
  const [file, modeArg, closefdArg, opener] = parseArgs("FileIO", args, kwnames, ["file", "mode", "closefd", "opener"], 1, 4);
  if (f.fd >= 0) {
    if (f.closefd) { try { hostFS().close(f.fd); } catch { /* reinit */ } }
    f.fd = -1;
  }
  let fd = -1;
  if (PyLong_Check(file!)) {
    if (Py_TYPE(file!).tp_name === "bool") {
      PyErr_WarnEx(PyExc_RuntimeWarning, PyUnicode_FromString("bool is used as a file descriptor"), 1);
    }
    fd = Number(longValue(file!));
    if (fd < 0) PyErr_Format(PyExc_ValueError, "negative file descriptor");
  }
  const mode = modeArg === undefined ? "r" : PyUnicode_Check(modeArg) ? modeArg.value
    : PyErr_Format(PyExc_TypeError, `FileIO() argument 'mode' must be str, not ${Py_TYPE(modeArg).tp_name}`);
  let rwa = false, plus = false, flags = 0;
  f.readable = f.writable = f.appending = f.created = false;
  for (const c of mode) {
    switch (c) {
      case "x": if (rwa) badMode(); rwa = true; f.created = true; f.writable = true; flags |= O_EXCL | O_CREAT; break;
      case "r": if (rwa) badMode(); rwa = true; f.readable = true; break;
      case "w": if (rwa) badMode(); rwa = true; f.writable = true; flags |= O_CREAT | O_TRUNC; break;
      case "a": if (rwa) badMode(); rwa = true; f.writable = true; f.appending = true; flags |= O_APPEND | O_CREAT; break;
      case "b": break;
      case "+": if (plus) badMode(); f.readable = f.writable = true; plus = true; break;
      default: PyErr_Format(PyExc_ValueError, `invalid mode: ${mode}`);
    }
  }
  if (!rwa) badMode();
  flags |= f.readable && f.writable ? O_RDWR : f.readable ? O_RDONLY : O_WRONLY;
  flags |= O_CLOEXEC;
  const closefd = closefdArg === undefined ? true : PyObject_IsTrue(closefdArg);
  const d = f.dict ?? (f.dict = new PyDictObject());
  if (fd >= 0) {
    if (PySys_Auditing()) PySys_Audit("open", [file!, PyUnicode_FromString(mode), flags]);
    f.fd = fd;
    f.closefd = closefd;
  } else {
    f.closefd = true;
    PyOS_FSPath(file!); // PyUnicode_FSConverter's "expected str, bytes or os.PathLike object, not T"
    if (PySys_Auditing()) PySys_Audit("open", [file!, PyUnicode_FromString(mode), flags]);
    if (!closefd) PyErr_Format(PyExc_ValueError, "Cannot use closefd=False with file name");
    const pa = pathConverter("FileIO", "file", file!);
    if (opener === undefined || opener === Py_None) {
      try {
        f.fd = hostFS().open(pa.path, flags, 0o666);
      } catch (e) {
        PyErr_FromHostError(e, file!);
      }
    } else {
      const r = PyObject_Vectorcall(opener, [file!, flags], null);
      if (!PyLong_Check(r)) PyErr_Format(PyExc_TypeError, "expected integer from opener");
      f.fd = Number(longValue(r));
      if (f.fd < 0) PyErr_Format(PyExc_ValueError, `opener returned ${f.fd}`);
    }
  }
  try {
    const st = hostFS().fstat(f.fd);
    if ((st.mode & S_IFMT) === S_IFDIR) {
      if (f.closefd) { try { hostFS().close(f.fd); } catch { /* already failing */ } }
      f.fd = -1;
      PyErr_SetFromErrno(21, file!);
    }
    f.blksize = st.blksize > 1 ? st.blksize : DEFAULT_BUFFER_SIZE;
  } catch (e) {
    if (e instanceof HostError) {
      if (e.errno === "EBADF") PyErr_FromHostError(e);
    } else throw e;
  }
  PyDict_SetItemString(d, "name", file!);
  if (f.appending) {
    try { hostFS().lseek(f.fd, 0, 2); } catch { /* unseekable */ }
  }
}

export function fileioMode(f: PyFileIOObject): string {
  if (f.created) return f.readable ? "xb+" : "xb";
  if (f.appending) return f.readable ? "ab+" : "ab";
  if (f.readable) return f.writable ? "rb+" : "rb";
  return "wb";
}

function fd(self: PyVal): PyFileIOObject {
  const f = self as PyFileIOObject;
  // fileio.c's err_closed has no final period (iobase's has one).
  if (f.fd < 0) PyErr_Format(PyExc_ValueError, "I/O operation on closed file");
  return f;
}

function errMode(action: string): never {
  return raiseUnsupported(`File not open for ${action}`);
}

export function fileio_readall_bytes(f: PyFileIOObject): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let bufsize = DEFAULT_BUFFER_SIZE;
  try {
    const st = hostFS().fstat(f.fd);
    let pos = -1;
    try { pos = hostFS().lseek(f.fd, 0, 1); } catch { pos = -1; }
    if (pos >= 0 && st.size >= pos) bufsize = st.size - pos + 1;
  } catch { /* unknown size */ }
  for (;;) {
    let b: Uint8Array;
    try {
      b = hostFS().read(f.fd, Math.max(bufsize, 1));
    } catch (e) {
      if (e instanceof HostError && e.errno === "EAGAIN") return total === 0 ? null : concat(chunks, total);
      return PyErr_FromHostError(e);
    }
    if (b.length === 0) break;
    chunks.push(b);
    total += b.length;
    bufsize = Math.max(DEFAULT_BUFFER_SIZE, total >> 2);
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) { out.set(c, p); p += c.length; }
  return out;
}

export function fileio_read_bytes(f: PyFileIOObject, n: number): Uint8Array {
  try {
    return hostFS().read(f.fd, n);
  } catch (e) {
    return PyErr_FromHostError(e);
  }
}

export function fileio_write_bytes(f: PyFileIOObject, b: Uint8Array): number {
  try {
    return hostFS().write(f.fd, b);
  } catch (e) {
    return PyErr_FromHostError(e);
  }
}

function fileio_read(self: PyVal, args: PyVal[]): PyVal {
  const f = fd(self);
  if (!f.readable) errMode("reading");
  const [sz] = unpackArgs("read", args, 0, 1);
  const n = sizeArg(sz);
  if (n < 0) {
    const all = fileio_readall_bytes(f);
    return all === null ? Py_None : PyBytes_FromArray(all);
  }
  return PyBytes_FromArray(fileio_read_bytes(f, n));
}

function fileio_seek(self: PyVal, args: PyVal[]): PyVal {
  const f = fd(self);
  const [p, w] = unpackArgs("seek", args, 1, 2);
  if (PyFloat_Check(p!)) return PyErr_Format(PyExc_TypeError, "an integer is required");
  const pos = Number(longValue(PyNumber_Index(p!)));
  const whence = w === undefined ? 0 : PyNumber_AsSsize_t(w, null);
  try {
    return hostFS().lseek(f.fd, pos, whence);
  } catch (e) {
    return PyErr_FromHostError(e);
  }
}

export function fileio_tell_num(f: PyFileIOObject): number {
  try {
    return hostFS().lseek(f.fd, 0, 1);
  } catch (e) {
    return PyErr_FromHostError(e);
  }
}

function fileio_truncate(self: PyVal, args: PyVal[]): PyVal {
  const f = fd(self);
  if (!f.writable) errMode("writing");
  const [s] = unpackArgs("truncate", args, 0, 1);
  const size = s === undefined || s === Py_None ? fileio_tell_num(f) : PyNumber_AsSsize_t(s, null);
  try {
    hostFS().ftruncate(f.fd, size);
  } catch (e) {
    return PyErr_FromHostError(e);
  }
  return size;
}

export function fileio_close_fd(f: PyFileIOObject): void {
  const n = f.fd;
  f.fd = -1;
  if (f.closefd && n >= 0) {
    try { hostFS().close(n); } catch (e) { PyErr_FromHostError(e); }
  }
}

function fileio_close(self: PyVal): PyVal {
  const f = self as PyFileIOObject;
  if (f.fd < 0) return Py_None;
  try {
    if (!f.iobase_closed) {
      f.iobase_closed = true;
    }
  } finally {
    fileio_close_fd(f);
  }
  return Py_None;
}

function fileio_repr(self: PyVal) {
  const f = self as PyFileIOObject;
  const tn = Py_TYPE(f).tp_name;
  if (f.fd < 0) return PyUnicode_FromString(`<${tn} [closed]>`);
  const name = f.dict !== null ? PyDict_GetItemStr(f.dict, PyUnicode_InternFromString("name")) : undefined;
  const cf = f.closefd ? "True" : "False";
  if (name === undefined) return PyUnicode_FromString(`<${tn} fd=${f.fd} mode='${fileioMode(f)}' closefd=${cf}>`);
  return PyUnicode_FromString(`<${tn} name=${PyObject_Repr(name).value} mode='${fileioMode(f)}' closefd=${cf}>`);
}

PyType_FromSpecStatic({
  name: "_io.FileIO",
  base: () => PyRawIOBase_Type,
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "Open a file.",
  slots: {
    tp_new: (t) => new PyFileIOObject(t),
    tp_init: fileio_init,
    tp_repr: fileio_repr,
  },
  methods: [
    { name: "read", meth: fileio_read, flags: METH_FASTCALL },
    { name: "readall", meth: (s: PyVal) => {
      const f = fd(s);
      if (!f.readable) errMode("reading");
      const all = fileio_readall_bytes(f);
      return all === null ? Py_None : PyBytes_FromArray(all);
    }, flags: METH_NOARGS },
    { name: "readinto", meth: (s: PyVal, b: PyVal) => {
      const f = fd(s);
      if (!f.readable) errMode("reading");
      const dst = bufferBytes(b, "readinto() argument must be read-write bytes-like object");
      const got = fileio_read_bytes(f, dst.length);
      dst.set(got);
      return got.length;
    }, flags: METH_O },
    { name: "write", meth: (s: PyVal, b: PyVal) => {
      const f = fd(s);
      if (!f.writable) errMode("writing");
      return fileio_write_bytes(f, bufferBytes(b));
    }, flags: METH_O },
    { name: "seek", meth: fileio_seek, flags: METH_FASTCALL },
    { name: "tell", meth: (s: PyVal) => fileio_tell_num(fd(s)), flags: METH_NOARGS },
    { name: "truncate", meth: fileio_truncate, flags: METH_FASTCALL },
    { name: "close", meth: fileio_close, flags: METH_NOARGS },
    { name: "seekable", meth: (s: PyVal) => {
      const f = fd(s);
      if (f.seekable < 0) {
        try { hostFS().lseek(f.fd, 0, 1); f.seekable = 1; } catch { f.seekable = 0; }
      }
      return PyBool_FromLong(f.seekable === 1);
    }, flags: METH_NOARGS },
    { name: "readable", meth: (s: PyVal) => PyBool_FromLong(fd(s).readable), flags: METH_NOARGS },
    { name: "writable", meth: (s: PyVal) => PyBool_FromLong(fd(s).writable), flags: METH_NOARGS },
    { name: "fileno", meth: (s: PyVal) => fd(s).fd, flags: METH_NOARGS },
    { name: "isatty", meth: (s: PyVal) => PyBool_FromLong(hostFS().isatty(fd(s).fd)), flags: METH_NOARGS },
    { name: "_isatty_open_only", meth: (s: PyVal) => PyBool_FromLong(hostFS().isatty(fd(s).fd)), flags: METH_NOARGS },
    { name: "_dealloc_warn", meth: () => Py_None, flags: METH_O },
  ],
  getset: [
    { name: "closed", get: (s) => PyBool_FromLong((s as PyFileIOObject).fd < 0) },
    { name: "closefd", get: (s) => PyBool_FromLong((s as PyFileIOObject).closefd) },
    { name: "mode", get: (s) => PyUnicode_FromString(fileioMode(s as PyFileIOObject)) },
    { name: "_blksize", get: (s) => (s as PyFileIOObject).blksize },
    { name: "_finalizing", get: () => Py_False },
  ],
}, PyFileIO_Type);


