// The _thread module (Modules/_threadmodule.c): locks, RLock, get_ident, thread-local storage. Typhon runs one
// thread for now: a lock that is already held cannot be released by anyone else, so a blocking acquire of a
// held lock would wait forever (it raises instead, see docs/imports.md; green threads are issue #5's later part).
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O,
  METH_FASTCALL, METH_KEYWORDS, type PyVal,
} from "../objects/object.js";
import { Py_True, Py_False, PyBool_FromLong } from "../objects/boolobject.js";
import { PyFloat_FromDouble, PyFloat_AsDouble } from "../objects/floatobject.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyExc_RuntimeError, PyExc_ValueError, PyExc_OverflowError, PyExc_TypeError, PyExc_SystemExit } from "../objects/exceptions.js";
import { PyObject_IsTrue, hooks, PyObject_GetAttrStr, PyObject_Str, PyObject_Vectorcall, PyObject_CallMethod } from "../objects/abstract.js";
import { PyDictObject, PyDict_GetItemStr } from "../objects/dictobject.js";
import { PyStructSequence_NewType } from "../objects/structseq.js";
import { PyUnicode_InternFromString } from "../objects/object.js";
import { getSys } from "../runtime/sysmodule.js";
import { PyImport_ImportModule } from "../runtime/import.js";
import { addressOf } from "../objects/methodobject.js";
import { PyErr_Format, PyErr_SetObject } from "../runtime/errors.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { hostProc } from "../host/current.js";

/** The one thread's identifier (threading.get_ident()); CPython's is pthread_self(), an address. */
export const MAIN_THREAD_IDENT = 140000000000000 + 4096;
const TIMEOUT_MAX = 9223372036.0;

export const PyLock_Type = PyType_Declare("_thread.lock");
export const PyRLock_Type = PyType_Declare("_thread.RLock");

class PyLockObject extends PyObject {
  locked: boolean;
  constructor(type: PyTypeObject) {
    super(type);
    this.locked = false;
  }
}

class PyRLockObject extends PyObject {
  owner: number;
  count: number;
  constructor(type: PyTypeObject) {
    super(type);
    this.owner = 0;
    this.count = 0;
  }
}

function timeoutArgs(fname: string, args: PyVal[], kwnames: PyVal[] | null): [boolean, number] {
  const [b, t] = parseArgs(fname, args, kwnames, ["blocking", "timeout"], 0, 2);
  const blocking = b === undefined ? true : PyObject_IsTrue(b);
  const timeout = t === undefined ? -1 : PyFloat_AsDouble(t);
  if (!blocking && timeout !== -1) return PyErr_Format(PyExc_ValueError, "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout !== -1) return PyErr_Format(PyExc_ValueError, "timeout value must be a non-negative number");
  if (timeout > TIMEOUT_MAX) return PyErr_Format(PyExc_OverflowError, "timeout value is too large");
  return [blocking, timeout];
}

function lock_acquire(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const l = self as PyLockObject;
  const [blocking, timeout] = timeoutArgs("acquire", args, kwnames);
  if (!l.locked) {
    l.locked = true;
    return Py_True;
  }
  if (!blocking) return Py_False;
  // Single-threaded: nobody can release it. A timed wait times out; an untimed one would hang forever.
  if (timeout >= 0) {
    hostProc().sleep(timeout);
    return Py_False;
  }
  return PyErr_Format(PyExc_RuntimeError, "deadlock: acquiring a lock held by the only thread");
}

function lock_release(self: PyVal): PyVal {
  const l = self as PyLockObject;
  if (!l.locked) return PyErr_Format(PyExc_RuntimeError, "release unlocked lock");
  l.locked = false;
  return Py_None;
}

PyType_FromSpecStatic({
  name: "_thread.lock",
  doc: "A lock object is a synchronization primitive.",
  slots: {
    tp_new: (t) => new PyLockObject(t),
    tp_repr: (s) => PyUnicode_FromString(`<${(s as PyLockObject).locked ? "locked" : "unlocked"} _thread.lock object at ${addressOf(s)}>`),
  },
  methods: [
    { name: "acquire", meth: lock_acquire, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "acquire_lock", meth: lock_acquire, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "__enter__", meth: lock_acquire, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "release", meth: lock_release, flags: METH_NOARGS },
    { name: "release_lock", meth: lock_release, flags: METH_NOARGS },
    { name: "__exit__", meth: (s: PyVal) => lock_release(s), flags: METH_FASTCALL },
    { name: "locked", meth: (s: PyVal) => PyBool_FromLong((s as PyLockObject).locked), flags: METH_NOARGS },
    { name: "locked_lock", meth: (s: PyVal) => PyBool_FromLong((s as PyLockObject).locked), flags: METH_NOARGS },
    { name: "_at_fork_reinit", meth: (s: PyVal) => { (s as PyLockObject).locked = false; return Py_None; }, flags: METH_NOARGS },
  ],
}, PyLock_Type);

function rlock_acquire(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const r = self as PyRLockObject;
  timeoutArgs("acquire", args, kwnames);
  if (r.count > 0 && r.owner !== MAIN_THREAD_IDENT) return Py_False;
  r.owner = MAIN_THREAD_IDENT;
  r.count++;
  return Py_True;
}

function rlock_release(self: PyVal): PyVal {
  const r = self as PyRLockObject;
  if (r.count === 0 || r.owner !== MAIN_THREAD_IDENT) return PyErr_Format(PyExc_RuntimeError, "cannot release un-acquired lock");
  if (--r.count === 0) r.owner = 0;
  return Py_None;
}

PyType_FromSpecStatic({
  name: "_thread.RLock",
  flags: Py_TPFLAGS_BASETYPE,
  slots: {
    tp_new: (t) => new PyRLockObject(t),
    tp_repr: (s) => {
      const r = s as PyRLockObject;
      return PyUnicode_FromString(`<${r.count > 0 ? "locked" : "unlocked"} _thread.RLock object owner=${r.owner} count=${r.count} at ${addressOf(s)}>`);
    },
  },
  methods: [
    { name: "acquire", meth: rlock_acquire, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "__enter__", meth: rlock_acquire, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "release", meth: rlock_release, flags: METH_NOARGS },
    { name: "__exit__", meth: (s: PyVal) => rlock_release(s), flags: METH_FASTCALL },
    { name: "locked", meth: (s: PyVal) => PyBool_FromLong((s as PyRLockObject).count > 0), flags: METH_NOARGS },
    { name: "_is_owned", meth: (s: PyVal) => PyBool_FromLong((s as PyRLockObject).count > 0 && (s as PyRLockObject).owner === MAIN_THREAD_IDENT), flags: METH_NOARGS },
    { name: "_recursion_count", meth: (s: PyVal) => (s as PyRLockObject).owner === MAIN_THREAD_IDENT ? (s as PyRLockObject).count : 0, flags: METH_NOARGS },
    { name: "_release_save", meth: (s: PyVal) => {
      const r = s as PyRLockObject;
      if (r.count === 0) return PyErr_Format(PyExc_RuntimeError, "cannot release un-acquired lock");
      const saved = r.count;
      r.count = 0;
      r.owner = 0;
      return hooks.tuple([saved, MAIN_THREAD_IDENT]);
    }, flags: METH_NOARGS },
    { name: "_acquire_restore", meth: (s: PyVal, a: PyVal[]) => {
      const r = s as PyRLockObject;
      const st = (a[0] as unknown as { ob_item: PyVal[] }).ob_item;
      r.count = st[0] as number;
      r.owner = st[1] as number;
      return Py_None;
    }, flags: METH_FASTCALL },
    { name: "_at_fork_reinit", meth: (s: PyVal) => { (s as PyRLockObject).count = 0; (s as PyRLockObject).owner = 0; return Py_None; }, flags: METH_NOARGS },
  ],
}, PyRLock_Type);

// _ThreadHandle: the main thread's handle (threading's _main_thread holds one); no other thread can exist yet.
export const PyThreadHandle_Type = PyType_Declare("_thread._ThreadHandle");
class PyThreadHandleObject extends PyObject {
  ident: number;
  done: boolean;
  constructor(ident: number) {
    super(PyThreadHandle_Type);
    this.ident = ident;
    this.done = false;
  }
}
PyType_FromSpecStatic({
  name: "_thread._ThreadHandle",
  slots: {
    tp_new: () => new PyThreadHandleObject(0),
    tp_repr: (s) => PyUnicode_FromString(`<_thread._ThreadHandle object: ident=${(s as PyThreadHandleObject).ident}>`),
  },
  methods: [
    { name: "is_done", meth: (s: PyVal) => PyBool_FromLong((s as PyThreadHandleObject).done), flags: METH_NOARGS },
    { name: "_set_done", meth: (s: PyVal) => { (s as PyThreadHandleObject).done = true; return Py_None; }, flags: METH_NOARGS },
    { name: "join", meth: (s: PyVal) => {
      if ((s as PyThreadHandleObject).ident === MAIN_THREAD_IDENT) return PyErr_Format(PyExc_RuntimeError, "Cannot join current thread");
      return Py_None;
    }, flags: METH_FASTCALL | METH_KEYWORDS },
  ],
  getset: [
    { name: "ident", get: (s) => (s as PyThreadHandleObject).ident },
  ],
}, PyThreadHandle_Type);

// _local: thread-local data; with one thread it is an object with a __dict__.
export const PyLocal_Type = PyType_Declare("_thread._local");
class PyLocalObject extends PyObject {
  dict: PyDictObject | null;
  constructor(type: PyTypeObject) {
    super(type);
    this.dict = null;
  }
}
PyType_FromSpecStatic({
  name: "_thread._local",
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "Thread-local data",
  slots: {
    tp_new: (t, args, kwnames) => {
      if ((args.length > 0 || (kwnames !== null && kwnames.length > 0)) && t.tp_init === PyLocal_Type.tp_init) {
        return PyErr_Format(PyExc_TypeError, "Initialization arguments are not supported");
      }
      return new PyLocalObject(t);
    },
  },
}, PyLocal_Type);

let exceptHookArgsType: PyTypeObject | null = null;
function exceptHookArgs(): PyTypeObject {
  if (exceptHookArgsType === null) {
    exceptHookArgsType = PyStructSequence_NewType({ name: "_thread._ExceptHookArgs", fields: ["exc_type", "exc_value",
      "exc_traceback", "thread"], n_in_sequence: 4, doc: "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook." });
  }
  return exceptHookArgsType;
}

/** threading.excepthook's default (thread_excepthook): "Exception in thread NAME:" and the traceback on stderr. */
function threadExceptHook(args: PyVal): PyVal {
  const items = (args as unknown as { ob_item: PyVal[] }).ob_item;
  const [excType, excValue, excTb, thread] = items;
  if (excType === PyExc_SystemExit) return Py_None;
  const sys = getSys();
  const err = PyDict_GetItemStr(sys.dict, PyUnicode_InternFromString("stderr"));
  if (err === undefined || err === Py_None) return Py_None;
  let name = `${MAIN_THREAD_IDENT}`;
  if (thread !== Py_None) {
    const n = PyObject_GetAttrStr(thread, "name", true);
    if (n !== undefined) name = PyObject_Str(n).value;
  }
  const tb = PyImport_ImportModule("traceback");
  const lines = PyObject_Vectorcall(PyObject_GetAttrStr(tb, "format_exception")!, [excType, excValue, excTb], null);
  const text = (lines as unknown as { ob_item: PyVal[] }).ob_item.map((x) => PyObject_Str(x).value).join("");
  PyObject_CallMethod(err, "write", [PyUnicode_FromString(`Exception in thread ${name}:\n${text}`)]);
  PyObject_CallMethod(err, "flush", []);
  return Py_None;
}

export const threadmodule: PyModuleDef = {
  m_name: "_thread",
  m_doc: "This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module provides a more convenient interface.",
  m_methods: [
    { name: "allocate_lock", meth: () => new PyLockObject(PyLock_Type), flags: METH_NOARGS },
    { name: "allocate", meth: () => new PyLockObject(PyLock_Type), flags: METH_NOARGS },
    { name: "get_ident", meth: () => MAIN_THREAD_IDENT, flags: METH_NOARGS },
    { name: "get_native_id", meth: () => hostProc().getpid(), flags: METH_NOARGS },
    { name: "_get_main_thread_ident", meth: () => MAIN_THREAD_IDENT, flags: METH_NOARGS },
    { name: "_count", meth: () => 0, flags: METH_NOARGS },
    { name: "_is_main_interpreter", meth: () => Py_True, flags: METH_NOARGS },
    { name: "daemon_threads_allowed", meth: () => Py_True, flags: METH_NOARGS },
    { name: "stack_size", meth: () => 0, flags: METH_FASTCALL },
    { name: "interrupt_main", meth: () => Py_None, flags: METH_FASTCALL },
    { name: "start_new_thread", meth: () => PyErr_Format(PyExc_RuntimeError, "can't start new thread"), flags: METH_FASTCALL },
    { name: "start_new", meth: () => PyErr_Format(PyExc_RuntimeError, "can't start new thread"), flags: METH_FASTCALL },
    { name: "start_joinable_thread", meth: () => PyErr_Format(PyExc_RuntimeError, "can't start new thread"), flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "_make_thread_handle", meth: (_m: PyVal, ident: PyVal) => new PyThreadHandleObject(ident as number), flags: METH_O },
    { name: "_shutdown", meth: () => Py_None, flags: METH_NOARGS },
    { name: "_excepthook", meth: (_m: PyVal, args: PyVal) => threadExceptHook(args), flags: METH_O },
    { name: "exit", meth: () => PyErr_SetObject(PyExc_SystemExit, null), flags: METH_NOARGS },
    { name: "exit_thread", meth: () => PyErr_SetObject(PyExc_SystemExit, null), flags: METH_NOARGS },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "LockType", PyLock_Type);
    PyModule_Add(m, "lock", PyLock_Type);
    PyModule_Add(m, "RLock", PyRLock_Type);
    PyModule_Add(m, "error", PyExc_RuntimeError);
    PyModule_Add(m, "TIMEOUT_MAX", PyFloat_FromDouble(TIMEOUT_MAX));
    PyModule_Add(m, "_ThreadHandle", PyThreadHandle_Type);
    PyModule_Add(m, "_local", PyLocal_Type);
    PyModule_Add(m, "_ExceptHookArgs", exceptHookArgs());
  },
};
