// The select module (Modules/selectmodule.c): select() only, which is what selectors.SelectSelector and asyncio's
// event loop need. In-memory sockets (socketmodule.ts) report real readiness and a wait lets the other green threads
// run; host descriptors count as always ready, as regular files do in POSIX. See docs/modules.md, "select, _socket".
import { Py_None, METH_FASTCALL, PyUnicode_InternFromString, type PyVal } from "../objects/object.js";
import { PyList_New } from "../objects/listobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyFloat_Check, PyFloat_AsDouble } from "../objects/floatobject.js";
import { PyLong_Check, longValue } from "../objects/longobject.js";
import { PyExc_OSError, PyExc_TypeError, PyExc_ValueError } from "../objects/exceptions.js";
import { PySequence_List, _PyObject_LookupAttr, PyObject_Vectorcall } from "../objects/abstract.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { PyErr_SetFromErrno, PyErr_FromHostError } from "./posixmodule.js";
import { hostFS } from "../host/current.js";
import { _PySocket_Endpoint } from "./socketmodule.js";
import { _PyThread_BeginWait, _PyThread_Wait } from "../vm/threads.js";

const EBADF = 9;
/** In-memory descriptors start here (socketmodule.ts); a number above it that is not open is EBADF. */
const FD_BASE = 1000;

/** PyObject_AsFileDescriptor: an int, or the int its fileno() returns. */
function asFileDescriptor(o: PyVal): number {
  let v = o;
  if (!PyLong_Check(v)) {
    const meth = _PyObject_LookupAttr(o, PyUnicode_InternFromString("fileno"));
    if (meth === undefined || meth === null) {
      return PyErr_Format(PyExc_TypeError, "argument must be an int, or have a fileno() method.");
    }
    v = PyObject_Vectorcall(meth, [], null);
    if (!PyLong_Check(v)) return PyErr_Format(PyExc_TypeError, "fileno() returned a non-integer");
  }
  const fd = Number(longValue(v));
  if (fd < 0) return PyErr_Format(PyExc_ValueError, `file descriptor cannot be a negative integer (${fd})`);
  return fd;
}

interface Entry { obj: PyVal; fd: number }

function seq2set(o: PyVal): Entry[] {
  let items: PyVal[];
  try {
    items = PySequence_List(o);
  } catch {
    return PyErr_Format(PyExc_TypeError, "arguments 1-3 must be sequences");
  }
  return items.map((obj) => ({ obj, fd: asFileDescriptor(obj) }));
}

function readyToRead(fd: number): boolean {
  const e = _PySocket_Endpoint(fd);
  if (e !== undefined) return e.readable();
  if (fd >= FD_BASE) return PyErr_SetFromErrno(EBADF);
  return hostReady(fd, false);
}

/** A host descriptor: pipes report their state (host.poll), anything else is always ready. */
function hostReady(fd: number, forWrite: boolean): boolean {
  let r: { read: boolean; write: boolean } | null;
  try {
    r = hostFS().poll(fd);
  } catch (e) {
    return PyErr_FromHostError(e);
  }
  return r === null || (forWrite ? r.write : r.read);
}

function readyToWrite(fd: number): boolean {
  const e = _PySocket_Endpoint(fd);
  if (e !== undefined) return e.writable();
  if (fd >= FD_BASE) return PyErr_SetFromErrno(EBADF);
  return hostReady(fd, true);
}

function select_select(_m: PyVal, args: PyVal[]): PyVal {
  const w = _PyThread_BeginWait(null, select_select);
  if (args.length < 3 || args.length > 4) {
    return PyErr_Format(PyExc_TypeError, `select expected at least 3 arguments, got ${args.length}`);
  }
  let timeout = -1;
  if (args.length === 4 && args[3] !== Py_None) {
    const t = args[3];
    if (!PyFloat_Check(t) && !PyLong_Check(t)) return PyErr_Format(PyExc_TypeError, "timeout must be a float or None");
    timeout = PyFloat_Check(t) ? PyFloat_AsDouble(t) : Number(longValue(t));
    if (Number.isNaN(timeout)) return PyErr_Format(PyExc_ValueError, "Invalid value NaN (not a number)");
    if (timeout < 0) return PyErr_Format(PyExc_ValueError, "timeout must be non-negative");
  }
  const r = seq2set(args[0]);
  const wr = seq2set(args[1]);
  const x = seq2set(args[2]);
  void x; // no exceptional conditions on these descriptors
  const pick = (): [PyVal[], PyVal[]] => [
    r.filter((e) => readyToRead(e.fd)).map((e) => e.obj),
    wr.filter((e) => readyToWrite(e.fd)).map((e) => e.obj),
  ];
  let [rr, ww] = pick();
  if (rr.length === 0 && ww.length === 0 && timeout !== 0) {
    _PyThread_Wait(w, () => r.some((e) => readyToRead(e.fd)) || wr.some((e) => readyToWrite(e.fd)), timeout);
    [rr, ww] = pick();
  }
  return PyTuple_New([PyList_New(rr), PyList_New(ww), PyList_New([])]);
}

export const selectmodule: PyModuleDef = {
  m_name: "select",
  m_doc: "This module supports asynchronous I/O on multiple file descriptors.\n\n*** IMPORTANT NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file descriptors.",
  m_methods: [
    { name: "select", meth: select_select, flags: METH_FASTCALL },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "error", PyExc_OSError);
    PyModule_Add(m, "PIPE_BUF", 4096);
  },
};
