// The _thread module (Modules/_threadmodule.c): threads (start_new_thread, start_joinable_thread, _ThreadHandle),
// locks, RLock and thread-local data on the green threads of src/vm/threads.ts: a blocking acquire or join lets the
// other threads run, suspending the caller when only Python frames are above it. See docs/interpreter.md, "Threads".
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O,
  METH_FASTCALL, METH_KEYWORDS, Py_TYPE, PyBaseObject_Type, type PyVal,
} from "../objects/object.js";
import { Py_True, Py_False, PyBool_FromLong } from "../objects/boolobject.js";
import { PyFloat_FromDouble, PyFloat_AsDouble } from "../objects/floatobject.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import {
  PyExc_RuntimeError, PyExc_ValueError, PyExc_OverflowError, PyExc_TypeError, PyExc_SystemExit, PyExc_AttributeError,
  PyExc_KeyboardInterrupt, PyBaseExceptionObject,
} from "../objects/exceptions.js";
import { PyObject_IsTrue, hooks, PyObject_GetAttrStr, PyObject_Str, PyObject_Vectorcall, PyObject_CallMethod } from "../objects/abstract.js";
import { PyDictObject, PyDict_GetItemStr, PyDict_New, PyDict_Check } from "../objects/dictobject.js";
import { PyTupleObject, PyTuple_Check } from "../objects/tupleobject.js";
import { PyStructSequence_NewType } from "../objects/structseq.js";
import { PyUnicode_InternFromString } from "../objects/object.js";
import { PyObject_GenericGetAttr, PyObject_GenericSetAttr } from "../objects/typeobject.js";
import { getSys } from "../runtime/sysmodule.js";
import { formatException } from "../runtime/traceback.js";
import { addressOf } from "../objects/methodobject.js";
import { PyErr_Format, PyErr_SetObject, _PyErr_CreateException } from "../runtime/errors.js";
import { trip_signal } from "../vm/hooks.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { _PyErr_WriteUnraisable } from "../runtime/unraisable.js";
import {
  type PyThread, MAIN_THREAD_IDENT, _PyThread_All, _PyThread_Current, _PyThread_Main, _PyThread_Count, _PyThread_Start,
  _PyThread_BeginWait, _PyThread_Wait, _PyThread_WaitForNonDaemon, _PyThread_Init,
  _PyThread_NativeId, _PyThread_Wake,
} from "../vm/threads.js";
import { _PyGC_AddTraverse } from "../runtime/gc.js";

export { MAIN_THREAD_IDENT };

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

function currentIdent(): number {
  return _PyThread_Current().ident;
}

/** lock_acquire_parse_args: (blocking=True, timeout=-1) with CPython's checks; timeout in seconds, -1 for none. */
function timeoutArgs(fname: string, args: PyVal[], kwnames: PyVal[] | null): [boolean, number] {
  const [b, t] = parseArgs(fname, args, kwnames, ["blocking", "timeout"], 0, 2);
  const blocking = b === undefined ? true : PyObject_IsTrue(b);
  const timeout = t === undefined ? -1 : PyFloat_AsDouble(t);
  if (!blocking && timeout !== -1) return PyErr_Format(PyExc_ValueError, "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout !== -1) return PyErr_Format(PyExc_ValueError, "timeout value must be a non-negative number");
  if (timeout > TIMEOUT_MAX) return PyErr_Format(PyExc_OverflowError, "timeout value is too large");
  return [blocking, blocking ? timeout : 0];
}

function lock_acquire(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const w = _PyThread_BeginWait(self, lock_acquire);
  const l = self as PyLockObject;
  const [blocking, timeout] = timeoutArgs("acquire", args, kwnames);
  if (!l.locked) {
    l.locked = true;
    return Py_True;
  }
  if (!blocking) return Py_False;
  if (!_PyThread_Wait(w, () => !l.locked, timeout)) return Py_False;
  l.locked = true;
  return Py_True;
}

function lock_release(self: PyVal): PyVal {
  const l = self as PyLockObject;
  if (!l.locked) return PyErr_Format(PyExc_RuntimeError, "release unlocked lock");
  l.locked = false;
  _PyThread_Wake();
  return Py_None;
}

PyType_FromSpecStatic({
  name: "_thread.lock",
  doc: "A lock object is a synchronization primitive.  To create a lock,\ncall threading.Lock().  Methods are:\n\nacquire() -- lock the lock, possibly blocking until it can be obtained\nrelease() -- unlock of the lock\nlocked() -- test whether the lock is currently locked\n\nA lock is not owned by the thread that locked it; another thread may\nunlock it.  A thread attempting to lock a lock that it has already locked\nwill block until another thread unlocks it.  Deadlocks may ensue.",
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
  const w = _PyThread_BeginWait(self, rlock_acquire);
  const r = self as PyRLockObject;
  const [blocking, timeout] = timeoutArgs("acquire", args, kwnames);
  const me = currentIdent();
  if (r.count > 0 && r.owner === me) {
    r.count++;
    return Py_True;
  }
  if (r.count > 0) {
    if (!blocking) return Py_False;
    if (!_PyThread_Wait(w, () => r.count === 0, timeout)) return Py_False;
  }
  r.owner = me;
  r.count = 1;
  return Py_True;
}

function rlock_release(self: PyVal): PyVal {
  const r = self as PyRLockObject;
  if (r.count === 0 || r.owner !== currentIdent()) return PyErr_Format(PyExc_RuntimeError, "cannot release un-acquired lock");
  if (--r.count === 0) {
    r.owner = 0;
    _PyThread_Wake();
  }
  return Py_None;
}

/** _acquire_restore((count, owner)): Condition.wait takes the RLock back, waiting for it like acquire(). */
function rlock_acquire_restore(self: PyVal, a: PyVal[]): PyVal {
  const w = _PyThread_BeginWait(self, rlock_acquire_restore);
  const r = self as PyRLockObject;
  const st = (a[0] as unknown as { ob_item: PyVal[] }).ob_item;
  if (r.count > 0) _PyThread_Wait(w, () => r.count === 0, -1);
  r.count = st[0] as number;
  r.owner = st[1] as number;
  return Py_None;
}

PyType_FromSpecStatic({
  name: "_thread.RLock",
  flags: Py_TPFLAGS_BASETYPE,
  slots: {
    tp_new: (t) => new PyRLockObject(t),
    tp_repr: (s) => {
      const r = s as PyRLockObject;
      return PyUnicode_FromString(`<${r.count > 0 ? "locked" : "unlocked"} ${r.ob_type.tp_name} object owner=${r.owner} count=${r.count} at ${addressOf(s)}>`);
    },
  },
  methods: [
    { name: "acquire", meth: rlock_acquire, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "__enter__", meth: rlock_acquire, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "release", meth: rlock_release, flags: METH_NOARGS },
    { name: "__exit__", meth: (s: PyVal) => rlock_release(s), flags: METH_FASTCALL },
    { name: "locked", meth: (s: PyVal) => PyBool_FromLong((s as PyRLockObject).count > 0), flags: METH_NOARGS },
    { name: "_is_owned", meth: (s: PyVal) => PyBool_FromLong((s as PyRLockObject).count > 0 && (s as PyRLockObject).owner === currentIdent()), flags: METH_NOARGS },
    { name: "_recursion_count", meth: (s: PyVal) => (s as PyRLockObject).owner === currentIdent() ? (s as PyRLockObject).count : 0, flags: METH_NOARGS },
    { name: "_release_save", meth: (s: PyVal) => {
      const r = s as PyRLockObject;
      if (r.count === 0) return PyErr_Format(PyExc_RuntimeError, "cannot release un-acquired lock");
      const saved = [r.count, r.owner];
      r.count = 0;
      r.owner = 0;
      _PyThread_Wake();
      return hooks.tuple(saved);
    }, flags: METH_NOARGS },
    { name: "_acquire_restore", meth: rlock_acquire_restore, flags: METH_FASTCALL },
    { name: "_at_fork_reinit", meth: (s: PyVal) => { (s as PyRLockObject).count = 0; (s as PyRLockObject).owner = 0; return Py_None; }, flags: METH_NOARGS },
  ],
}, PyRLock_Type);

// _ThreadHandle (ThreadHandle in _threadmodule.c): not started, running, done; join() waits for done.
const HANDLE_NOT_STARTED = 0;
const HANDLE_RUNNING = 1;
const HANDLE_DONE = 2;
export const PyThreadHandle_Type = PyType_Declare("_thread._ThreadHandle");
class PyThreadHandleObject extends PyObject {
  ident: number;
  state: number;
  thread: PyThread | null;
  constructor(ident: number, state: number) {
    super(PyThreadHandle_Type);
    this.ident = ident;
    this.state = state;
    this.thread = null;
  }
}

function handle_join(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const w = _PyThread_BeginWait(self, handle_join);
  const h = self as PyThreadHandleObject;
  const [t] = parseArgs("join", args, kwnames, ["timeout"], 0, 1);
  let timeout = -1;
  if (t !== undefined && t !== Py_None) {
    timeout = PyFloat_AsDouble(t);
    if (timeout < 0) timeout = -1;
  }
  if (h.state === HANDLE_NOT_STARTED) return PyErr_Format(PyExc_RuntimeError, "thread not started");
  if (h.state === HANDLE_DONE) return Py_None;
  if (h.ident === currentIdent()) return PyErr_Format(PyExc_RuntimeError, "Cannot join current thread");
  _PyThread_Wait(w, () => h.state === HANDLE_DONE, timeout);
  return Py_None;
}

PyType_FromSpecStatic({
  name: "_thread._ThreadHandle",
  slots: {
    tp_new: () => new PyThreadHandleObject(0, HANDLE_NOT_STARTED),
    tp_repr: (s) => PyUnicode_FromString(`<_thread._ThreadHandle object: ident=${(s as PyThreadHandleObject).ident}>`),
  },
  methods: [
    { name: "is_done", meth: (s: PyVal) => PyBool_FromLong((s as PyThreadHandleObject).state === HANDLE_DONE), flags: METH_NOARGS },
    { name: "_set_done", meth: (s: PyVal) => { (s as PyThreadHandleObject).state = HANDLE_DONE; _PyThread_Wake(); return Py_None; }, flags: METH_NOARGS },
    { name: "join", meth: handle_join, flags: METH_FASTCALL | METH_KEYWORDS },
  ],
  getset: [
    { name: "ident", get: (s) => (s as PyThreadHandleObject).ident },
  ],
}, PyThreadHandle_Type);

// _local: thread-local data. Each thread sees its own __dict__: the object's dict slot is switched to the running
// thread's dict before every attribute access, and a thread's first access runs __init__ again with the arguments
// the object was created with (_ldict in _threadmodule.c).
export const PyLocal_Type = PyType_Declare("_thread._local");
class PyLocalObject extends PyObject {
  dict: PyDictObject | null;
  dicts: WeakMap<PyThread, PyDictObject>;
  args: readonly PyVal[];
  kwnames: readonly PyVal[] | null;
  constructor(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null) {
    super(type);
    this.dict = null;
    this.dicts = new WeakMap();
    this.args = args;
    this.kwnames = kwnames;
  }
}

// A local's per-thread dicts are held by a WeakMap keyed by thread: the mark reaches them through the local.
_PyGC_AddTraverse((o) => (o instanceof PyLocalObject ? _PyThread_All().map((t) => o.dicts.get(t)) : undefined));

function local_select(o: PyLocalObject): void {
  const t = _PyThread_Current();
  const d = o.dicts.get(t);
  if (d !== undefined) {
    o.dict = d;
    return;
  }
  const nd = PyDict_New();
  o.dicts.set(t, nd);
  o.dict = nd;
  const init = o.ob_type.tp_init;
  if (init !== null && init !== PyBaseObject_Type.tp_init) init(o, o.args, o.kwnames);
}

PyType_FromSpecStatic({
  name: "_thread._local",
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "Thread-local data",
  slots: {
    tp_new: (t, args, kwnames) => {
      if ((args.length > 0 || (kwnames !== null && kwnames.length > 0)) && t.tp_init === PyBaseObject_Type.tp_init) {
        return PyErr_Format(PyExc_TypeError, "Initialization arguments are not supported");
      }
      const o = new PyLocalObject(t, args.slice(), kwnames === null ? null : kwnames.slice());
      const d = PyDict_New();
      o.dicts.set(_PyThread_Current(), d);
      o.dict = d;
      return o;
    },
    tp_getattro: (o, name, suppress) => {
      local_select(o as PyLocalObject);
      return PyObject_GenericGetAttr(o, name, suppress);
    },
    tp_setattro: (o, name, v) => {
      if (name.value === "__dict__") {
        return PyErr_Format(PyExc_AttributeError, `'${(o as PyLocalObject).ob_type.tp_name}' object attribute '__dict__' is read-only`);
      }
      local_select(o as PyLocalObject);
      PyObject_GenericSetAttr(o, name, v);
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
  let name = `${currentIdent()}`;
  if (thread !== Py_None) {
    const n = PyObject_GetAttrStr(thread, "name", true);
    if (n !== undefined) name = PyObject_Str(n).value;
  }
  // _PyErr_Display: the traceback as the interpreter prints an uncaught exception (no traceback-module import).
  void excTb;
  const text = excValue instanceof PyBaseExceptionObject ? formatException(excValue) : `${PyObject_Str(excValue).value}\n`;
  PyObject_CallMethod(err, "write", [PyUnicode_FromString(`Exception in thread ${name}:\n${text}`)]);
  PyObject_CallMethod(err, "flush", []);
  return Py_None;
}


function threadHandleDone(h: PyThreadHandleObject): () => void {
  return () => { h.state = HANDLE_DONE; };
}

/** start_joinable_thread(function, handle=None, daemon=True): threading.Thread.start's way in (3.13). */
function thread_start_joinable(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [func, hArg, dArg] = parseArgs("start_joinable_thread", args, kwnames, ["function", "handle", "daemon"], 1, 3);
  if (Py_TYPE(func!).tp_call === null) return PyErr_Format(PyExc_TypeError, "thread function must be callable");
  let h: PyThreadHandleObject;
  if (hArg === undefined || hArg === Py_None) h = new PyThreadHandleObject(0, HANDLE_NOT_STARTED);
  else if (hArg instanceof PyThreadHandleObject) h = hArg;
  else return PyErr_Format(PyExc_TypeError, `'handle' must be a _ThreadHandle`);
  if (h.state !== HANDLE_NOT_STARTED) return PyErr_Format(PyExc_RuntimeError, "thread already started");
  const daemon = dArg === undefined ? true : PyObject_IsTrue(dArg);
  const t = _PyThread_Start(func!, [], null, daemon);
  h.ident = t.ident;
  h.state = HANDLE_RUNNING;
  h.thread = t;
  t.onDone = threadHandleDone(h);
  return h;
}

/** start_new_thread(function, args, kwargs=None): a daemon thread; returns its identifier. */
function thread_start_new(_m: PyVal, args: PyVal[]): PyVal {
  if (args.length < 2 || args.length > 3) {
    return PyErr_Format(PyExc_TypeError, `start_new_thread expected at least 2 arguments, got ${args.length}`);
  }
  const [func, fargs, fkw] = args;
  if (Py_TYPE(func).tp_call === null) return PyErr_Format(PyExc_TypeError, "first arg must be callable");
  if (!PyTuple_Check(fargs)) return PyErr_Format(PyExc_TypeError, "2nd arg must be a tuple");
  const a = (fargs as PyTupleObject).ob_item.slice();
  let kw: PyVal[] | null = null;
  if (fkw !== undefined) {
    if (!PyDict_Check(fkw)) return PyErr_Format(PyExc_TypeError, "optional 3rd arg must be a dictionary");
    const d = fkw as PyDictObject;
    if (d.ma_used > 0) {
      kw = [];
      for (let j = 0; j < d.dk_nentries; j++) {
        const k = d.me_key[j];
        if (k === null) continue;
        kw.push(k);
        a.push(d.me_value[j]!);
      }
    }
  }
  return _PyThread_Start(func, a, kw, true).ident;
}

/** _shutdown(): wait for every non-daemon thread (threading._shutdown's last step). */
function thread_shutdown(_m: PyVal): PyVal {
  _PyThread_WaitForNonDaemon(_PyThread_BeginWait(null, thread_shutdown));
  return Py_None;
}

/** interrupt_main(signum=SIGINT): as if the signal arrived: the main thread runs its handler (KeyboardInterrupt by
 * default) at its next eval-breaker check, or in its wait (PyErr_SetInterruptEx). */
function thread_interrupt_main(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [sig] = parseArgs("interrupt_main", args, kwnames, ["signum"], 0, 1);
  const signum = sig === undefined ? 2 : sig as number;
  if (typeof signum !== "number" || signum < 1 || signum >= 65) return PyErr_Format(PyExc_ValueError, "signal number out of range");
  trip_signal(signum);
  return Py_None;
}

/**
 * wait_for_thread_shutdown (Python/pylifecycle.c): at exit, before the atexit callbacks, call threading._shutdown()
 * when threading was imported; an exception is reported as "Exception ignored on threading shutdown".
 */
export function wait_for_thread_shutdown(): void {
  const modules = PyDict_GetItemStr(getSys().dict, PyUnicode_InternFromString("modules"));
  if (modules === undefined || !PyDict_Check(modules)) return;
  const threading = PyDict_GetItemStr(modules as PyDictObject, PyUnicode_InternFromString("threading"));
  if (threading === undefined || threading === Py_None) return;
  try {
    PyObject_CallMethod(threading, "_shutdown", []);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject) _PyErr_WriteUnraisable(null, e, "Exception ignored on threading shutdown");
    else throw e;
  }
}

export const threadmodule: PyModuleDef = {
  m_name: "_thread",
  m_doc: "This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module provides a more convenient interface.",
  m_methods: [
    { name: "allocate_lock", meth: () => new PyLockObject(PyLock_Type), flags: METH_NOARGS },
    { name: "allocate", meth: () => new PyLockObject(PyLock_Type), flags: METH_NOARGS },
    { name: "get_ident", meth: () => currentIdent(), flags: METH_NOARGS },
    { name: "get_native_id", meth: () => _PyThread_NativeId(_PyThread_Current()), flags: METH_NOARGS },
    { name: "_get_main_thread_ident", meth: () => _PyThread_Main().ident, flags: METH_NOARGS },
    { name: "_count", meth: () => _PyThread_Count(), flags: METH_NOARGS },
    { name: "_is_main_interpreter", meth: () => Py_True, flags: METH_NOARGS },
    { name: "daemon_threads_allowed", meth: () => Py_True, flags: METH_NOARGS },
    { name: "stack_size", meth: (_m: PyVal, a: PyVal[]) => {
      if (a.length > 0 && a[0] !== 0 && typeof a[0] === "number" && a[0] < 32768) {
        return PyErr_Format(PyExc_ValueError, "size not valid: 32768 bytes");
      }
      return 0;
    }, flags: METH_FASTCALL },
    { name: "interrupt_main", meth: thread_interrupt_main, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "start_new_thread", meth: thread_start_new, flags: METH_FASTCALL },
    { name: "start_new", meth: thread_start_new, flags: METH_FASTCALL },
    { name: "start_joinable_thread", meth: thread_start_joinable, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "_make_thread_handle", meth: (_m: PyVal, ident: PyVal) => new PyThreadHandleObject(ident as number, HANDLE_RUNNING), flags: METH_O },
    { name: "_shutdown", meth: thread_shutdown, flags: METH_NOARGS },
    { name: "_excepthook", meth: (_m: PyVal, args: PyVal) => threadExceptHook(args), flags: METH_O },
    { name: "exit", meth: () => PyErr_SetObject(PyExc_SystemExit, null), flags: METH_NOARGS },
    { name: "exit_thread", meth: () => PyErr_SetObject(PyExc_SystemExit, null), flags: METH_NOARGS },
  ],
  m_exec: (m) => {
    _PyThread_Init();
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
