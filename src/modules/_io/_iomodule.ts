// The _io module (Modules/_io/_iomodule.c): open() with CPython's argument checks and layering (FileIO, a
// Buffered* chosen by mode, TextIOWrapper), open_code, text_encoding, and the classes. See docs/imports.md.
import { PyTypeObject, Py_None, Py_TYPE, METH_FASTCALL, METH_KEYWORDS, PyUnicodeObject, type PyVal } from "../../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../../objects/unicodeobject.js";
import { PyTuple_New } from "../../objects/tupleobject.js";
import { PyDict_New, PyDict_SetItemString, PyDictObject } from "../../objects/dictobject.js";
import { PyExc_ValueError, PyExc_TypeError, PyExc_OSError } from "../../objects/exceptions.js";
import { PyObject_IsTrue, PyObject_Vectorcall, PyObject_CallMethod, PyObject_SetAttr, PyNumber_AsSsize_t,
  PyObject_GetAttrStr, PyNumber_Check, PyObject_Repr } from "../../objects/abstract.js";
import { PyBytes_Check } from "../../objects/bytesobject.js";
import { PyOS_FSPath } from "../posixmodule.js";
import { PyLong_Check } from "../../objects/longobject.js";
import { PyFloat_Check } from "../../objects/floatobject.js";
import { PyUnicode_InternFromString } from "../../objects/object.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { parseArgs } from "../../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "../moduledef.js";
import { PyIOBase_Type, PyRawIOBase_Type, PyBufferedIOBase_Type, PyTextIOBase_Type, DEFAULT_BUFFER_SIZE,
  setUnsupportedOperation } from "./iobase.js";
import { PyFileIO_Type, PyFileIOObject } from "./fileio.js";
import { PyBytesIO_Type } from "./bytesio.js";
import { PyStringIO_Type } from "./stringio.js";
import { PyBufferedReader_Type, PyBufferedWriter_Type, PyBufferedRandom_Type, PyBufferedRWPair_Type } from "./bufferedio.js";
import { PyTextIOWrapper_Type, PyIncrementalNewlineDecoder_Type, LOCALE_ENCODING } from "./textio.js";
import { hostFS } from "../../host/current.js";
import { PyErr_WarnEx } from "../_warnings.js";

let unsupportedOperation: PyTypeObject | null = null;

/** io.open (_io_open_impl). */
export function io_open(file: PyVal, mode: string, buffering: number, encoding: PyVal, errors: PyVal, newline: PyVal,
  closefd: boolean, opener: PyVal): PyVal {
  // A path-like file is opened by its fspath(), so FileIO's name and its errors show the str or bytes.
  const isNumber = PyNumber_Check(file);
  const pathOrFd = isNumber ? file : PyOS_FSPath(file);
  if (!isNumber && !PyUnicode_Check(pathOrFd) && !PyBytes_Check(pathOrFd)) {
    return PyErr_Format(PyExc_TypeError, `invalid file: ${PyObject_Repr(file).value}`);
  }
  const seen = new Set<string>();
  for (const c of mode) {
    if (!"rwxabt+".includes(c) || seen.has(c)) return PyErr_Format(PyExc_ValueError, `invalid mode: '${mode}'`);
    seen.add(c);
  }
  const creating = seen.has("x"), reading = seen.has("r"), writing = seen.has("w"), appending = seen.has("a");
  const updating = seen.has("+"), text = seen.has("t"), binary = seen.has("b");
  let rawmode = "";
  if (creating) rawmode += "x";
  if (reading) rawmode += "r";
  if (writing) rawmode += "w";
  if (appending) rawmode += "a";
  if (updating) rawmode += "+";
  if (text && binary) return PyErr_Format(PyExc_ValueError, "can't have text and binary mode at once");
  if (Number(creating) + Number(reading) + Number(writing) + Number(appending) > 1) {
    return PyErr_Format(PyExc_ValueError, "must have exactly one of create/read/write/append mode");
  }
  if (!(creating || reading || writing || appending)) {
    return PyErr_Format(PyExc_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
  }
  if (binary && encoding !== Py_None) return PyErr_Format(PyExc_ValueError, "binary mode doesn't take an encoding argument");
  if (binary && errors !== Py_None) return PyErr_Format(PyExc_ValueError, "binary mode doesn't take an errors argument");
  if (binary && newline !== Py_None) return PyErr_Format(PyExc_ValueError, "binary mode doesn't take a newline argument");
  if (binary && buffering === 1) {
    PyErr_WarnEx(builtinExc("RuntimeWarning"), PyUnicode_FromString(
      "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used"), 1);
  }
  const raw = PyObject_Vectorcall(PyFileIO_Type, [pathOrFd, PyUnicode_FromString(rawmode), closefd ? PyBool(true) : PyBool(false), opener], null);
  let result: PyVal = raw;
  try {
    let lineBuffering = false;
    let bs = buffering;
    const isatty = raw instanceof PyFileIOObject && Py_TYPE(raw) === PyFileIO_Type
      ? hostFS().isatty(raw.fd) : PyObject_IsTrue(PyObject_CallMethod(raw, "isatty", []));
    if (bs === 1 || (bs < 0 && isatty)) {
      bs = -1;
      lineBuffering = true;
    }
    if (bs < 0) {
      const blk = raw instanceof PyFileIOObject ? raw.blksize : DEFAULT_BUFFER_SIZE;
      bs = blk > 1 ? blk : DEFAULT_BUFFER_SIZE;
    }
    if (bs === 0) {
      if (binary) return raw;
      return PyErr_Format(PyExc_ValueError, "can't have unbuffered text I/O");
    }
    const btype = updating ? PyBufferedRandom_Type : creating || writing || appending ? PyBufferedWriter_Type : PyBufferedReader_Type;
    const buffer = PyObject_Vectorcall(btype, [raw, bs], null);
    result = buffer;
    if (binary) return buffer;
    const wrapper = PyObject_Vectorcall(PyTextIOWrapper_Type, [buffer, encoding, errors, newline, PyBool(lineBuffering)], null);
    result = wrapper;
    PyObject_SetAttr(wrapper, PyUnicode_InternFromString("mode"), PyUnicode_FromString(mode));
    return wrapper;
  } catch (e) {
    try { PyObject_CallMethod(result, "close", []); } catch { /* keep the first error */ }
    throw e;
  }
}

import { Py_True, Py_False } from "../../objects/boolobject.js";
function PyBool(b: boolean): PyVal {
  return b ? Py_True : Py_False;
}

let builtinExc: (name: string) => PyTypeObject = () => PyExc_ValueError;
export function _PyIO_InstallBuiltinExc(f: (name: string) => PyTypeObject): void {
  builtinExc = f;
}

function _io_open(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [file, mode, buffering, encoding, errors, newline, closefd, opener] = parseArgs("open", args, kwnames,
    ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], 1, 8);
  const str = (v: PyVal | undefined, what: string): PyVal => {
    if (v === undefined || v === Py_None) return Py_None;
    if (!PyUnicode_Check(v)) return PyErr_Format(PyExc_TypeError, `open() argument '${what}' must be str or None, not ${Py_TYPE(v).tp_name}`);
    return v;
  };
  let m = "r";
  if (mode !== undefined) {
    if (!PyUnicode_Check(mode)) return PyErr_Format(PyExc_TypeError, `open() argument 'mode' must be str, not ${Py_TYPE(mode).tp_name}`);
    m = mode.value;
  }
  if (buffering !== undefined && PyFloat_Check(buffering)) return PyErr_Format(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
  const bs = buffering === undefined ? -1 : PyNumber_AsSsize_t(buffering, null);
  return io_open(file!, m, bs, str(encoding, "encoding"), str(errors, "errors"), str(newline, "newline"),
    closefd === undefined ? true : PyObject_IsTrue(closefd), opener ?? Py_None);
}

function _io_open_code(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [path] = parseArgs("open_code", args, kwnames, ["path"], 1, 1);
  if (!PyUnicode_Check(path!)) return PyErr_Format(PyExc_TypeError, `open_code() argument 'path' must be str, not ${Py_TYPE(path!).tp_name}`);
  return io_open(path!, "rb", -1, Py_None, Py_None, Py_None, true, Py_None);
}

function _io_text_encoding(_m: PyVal, args: PyVal[]): PyVal {
  const enc = args[0];
  if (enc === undefined) return PyErr_Format(PyExc_TypeError, "text_encoding expected at least 1 argument, got 0");
  if (enc !== Py_None) return enc;
  return PyUnicode_FromString("locale");
}

export const iomodule: PyModuleDef = {
  m_name: "_io",
  m_doc: "The io module provides the Python interfaces to stream handling.",
  m_methods: [
    { name: "open", meth: _io_open, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "open_code", meth: _io_open_code, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "text_encoding", meth: _io_text_encoding, flags: METH_FASTCALL },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "DEFAULT_BUFFER_SIZE", DEFAULT_BUFFER_SIZE);
    if (unsupportedOperation === null) {
      const ns = PyDict_New();
      PyDict_SetItemString(ns, "__module__", PyUnicode_FromString("io"));
      unsupportedOperation = PyObject_Vectorcall(Py_TYPE(PyExc_OSError), [PyUnicode_FromString("UnsupportedOperation"),
        PyTuple_New([PyExc_OSError, PyExc_ValueError]), ns], null) as PyTypeObject;
      setUnsupportedOperation(unsupportedOperation);
    }
    PyModule_Add(m, "UnsupportedOperation", unsupportedOperation);
    PyModule_Add(m, "BlockingIOError", builtinExc("BlockingIOError"));
    const types: [string, PyTypeObject][] = [["_IOBase", PyIOBase_Type], ["_RawIOBase", PyRawIOBase_Type],
      ["_BufferedIOBase", PyBufferedIOBase_Type], ["_TextIOBase", PyTextIOBase_Type], ["FileIO", PyFileIO_Type],
      ["BytesIO", PyBytesIO_Type], ["StringIO", PyStringIO_Type], ["BufferedReader", PyBufferedReader_Type],
      ["BufferedWriter", PyBufferedWriter_Type], ["BufferedRandom", PyBufferedRandom_Type],
      ["BufferedRWPair", PyBufferedRWPair_Type], ["TextIOWrapper", PyTextIOWrapper_Type],
      ["IncrementalNewlineDecoder", PyIncrementalNewlineDecoder_Type]];
    for (const [n, t] of types) PyModule_Add(m, n, t);
    void PyDictObject; void PyUnicodeObject; void LOCALE_ENCODING; void PyObject_GetAttrStr;
  },
};

/** One standard stream as CPython's create_stdio makes it (Python/pylifecycle.c). */
export function create_stdio(fd: number, name: string, write: boolean, errors: string, unbuffered: boolean): PyVal {
  const raw = PyObject_Vectorcall(PyFileIO_Type, [fd, PyUnicode_FromString(write ? "wb" : "rb"), Py_False], null) as PyFileIOObject;
  const isatty = hostFS().isatty(fd);
  let buffer: PyVal;
  if (unbuffered && write) buffer = PyObject_Vectorcall(PyBufferedWriter_Type, [raw, 1], null);
  else buffer = PyObject_Vectorcall(write ? PyBufferedWriter_Type : PyBufferedReader_Type, [raw], null);
  PyObject_SetAttr(raw, PyUnicode_InternFromString("name"), PyUnicode_FromString(name));
  // stderr is always line-buffered (3.9+); stdout when it is a terminal; -u makes text writes go through.
  const lineBuffering = write && (isatty || fd === 2);
  const text = PyObject_Vectorcall(PyTextIOWrapper_Type, [buffer, PyUnicode_FromString("utf-8"), PyUnicode_FromString(errors),
    PyUnicode_FromString("\n"), PyBool(lineBuffering), PyBool(unbuffered && write)], null);
  PyObject_SetAttr(text, PyUnicode_InternFromString("mode"), PyUnicode_FromString(write ? "w" : "r"));
  return text;
}
