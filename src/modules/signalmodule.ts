// The _signal module (Modules/signalmodule.c), minimal: Linux's signal numbers, handlers recorded per signal
// (SIGINT's default raises KeyboardInterrupt), raise_signal running a Python handler at once. A sandboxed host
// delivers no asynchronous signals yet; see docs/imports.md.
import { Py_None, Py_TYPE, METH_NOARGS, METH_O, METH_FASTCALL, type PyVal } from "../objects/object.js";
import { PyObject_Vectorcall, PyNumber_AsSsize_t } from "../objects/abstract.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_KeyboardInterrupt, PyExc_OSError } from "../objects/exceptions.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyErr_Format, PyErr_SetObject } from "../runtime/errors.js";
import { unpackArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { nativeFunction } from "../objects/methodobject.js";
import { PySet_New } from "../objects/setobject.js";
import { vmHooks } from "../vm/hooks.js";
import { _PyThreadState_GET } from "../runtime/pystate.js";
import { _PyGC_AddRoot } from "../runtime/gc.js";

const SIGNALS: readonly (readonly [string, number])[] = [
  ["SIGHUP", 1], ["SIGINT", 2], ["SIGQUIT", 3], ["SIGILL", 4], ["SIGTRAP", 5], ["SIGABRT", 6], ["SIGIOT", 6],
  ["SIGBUS", 7], ["SIGFPE", 8], ["SIGKILL", 9], ["SIGUSR1", 10], ["SIGSEGV", 11], ["SIGUSR2", 12], ["SIGPIPE", 13],
  ["SIGALRM", 14], ["SIGTERM", 15], ["SIGSTKFLT", 16], ["SIGCHLD", 17], ["SIGCLD", 17], ["SIGCONT", 18],
  ["SIGSTOP", 19], ["SIGTSTP", 20], ["SIGTTIN", 21], ["SIGTTOU", 22], ["SIGURG", 23], ["SIGXCPU", 24],
  ["SIGXFSZ", 25], ["SIGVTALRM", 26], ["SIGPROF", 27], ["SIGWINCH", 28], ["SIGIO", 29], ["SIGPOLL", 29],
  ["SIGPWR", 30], ["SIGSYS", 31], ["SIGRTMIN", 34], ["SIGRTMAX", 64],
];
const NSIG = 65;
const SIG_DFL = 0, SIG_IGN = 1;

const handlers = new Map<number, PyVal>();

/** signal.default_int_handler, made on first use (no calls into other modules at load time). */
let defaultIntHandler: PyVal | null = null;
_PyGC_AddRoot("signal handlers", () => [handlers, defaultIntHandler]);
function default_int_handler(): PyVal {
  if (defaultIntHandler === null) {
    defaultIntHandler = nativeFunction("default_int_handler", (_s: PyVal, a: PyVal[]) => {
      void a;
      return PyErr_SetObject(PyExc_KeyboardInterrupt, null);
    }, METH_FASTCALL, "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt.");
  }
  return defaultIntHandler;
}

function signum(v: PyVal): number {
  const n = PyNumber_AsSsize_t(v, null);
  if (n < 1 || n >= NSIG) return PyErr_Format(PyExc_ValueError, "signal number out of range");
  return n;
}

function getHandler(n: number): PyVal {
  return handlers.get(n) ?? (n === 2 ? default_int_handler() : SIG_DFL);
}

export const signalmodule: PyModuleDef = {
  m_name: "_signal",
  m_doc: "This module provides mechanisms to use signal handlers in Python.",
  m_methods: [
    { name: "signal", meth: (_m: PyVal, a: PyVal[]) => {
      const [s, h] = unpackArgs("signal", a, 2, 2);
      const n = signum(s!);
      if (h !== SIG_DFL && h !== SIG_IGN && Py_TYPE(h!).tp_call === null) {
        return PyErr_Format(PyExc_TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
      }
      if (n === 9 || n === 19) return PyErr_Format(PyExc_OSError, "[Errno 22] Invalid argument");
      const old = getHandler(n);
      handlers.set(n, h!);
      return old;
    }, flags: METH_FASTCALL },
    { name: "getsignal", meth: (_m: PyVal, s: PyVal) => getHandler(signum(s)), flags: METH_O },
    { name: "raise_signal", meth: (_m: PyVal, s: PyVal) => {
      const n = signum(s);
      const h = getHandler(n);
      if (h === SIG_IGN) return Py_None;
      if (h === SIG_DFL) return PyErr_Format(PyExc_OSError, `signal ${n} with its default action is not supported by Typhon`);
      PyObject_Vectorcall(h, [n, Py_None], null);
      return Py_None;
    }, flags: METH_O },
    { name: "strsignal", meth: (_m: PyVal, s: PyVal) => {
      const n = signum(s);
      const name = SIGNALS.find(([, v]) => v === n)?.[0];
      return name === undefined ? Py_None : PyUnicode_FromString(STRSIGNAL[name] ?? name);
    }, flags: METH_O },
    { name: "valid_signals", meth: () => {
      const items: PyVal[] = [];
      for (let i = 1; i < NSIG; i++) if (i !== 32 && i !== 33) items.push(i);
      return PySet_New(items);
    }, flags: METH_NOARGS },
    { name: "set_wakeup_fd", meth: () => -1, flags: METH_FASTCALL | 0x0002 },
    { name: "siginterrupt", meth: () => Py_None, flags: METH_FASTCALL },
    { name: "alarm", meth: () => 0, flags: METH_O },
    { name: "pause", meth: () => Py_None, flags: METH_NOARGS },
  ],
  m_exec: (m) => {
    // Signals tripped by the host (PyErr_SetInterrupt, ...) run their Python handler from the eval breaker.
    vmHooks.runSignalHandler = (n) => {
      const h = getHandler(n);
      if (h === SIG_IGN || h === SIG_DFL) return;
      PyObject_Vectorcall(h, [n, (_PyThreadState_GET().current_frame as PyVal | null) ?? Py_None], null);
    };
    for (const [k, v] of SIGNALS) PyModule_Add(m, k, v);
    PyModule_Add(m, "NSIG", NSIG);
    PyModule_Add(m, "SIG_DFL", SIG_DFL);
    PyModule_Add(m, "SIG_IGN", SIG_IGN);
    PyModule_Add(m, "SIG_BLOCK", 0);
    PyModule_Add(m, "SIG_UNBLOCK", 1);
    PyModule_Add(m, "SIG_SETMASK", 2);
    PyModule_Add(m, "ITIMER_REAL", 0);
    PyModule_Add(m, "ITIMER_VIRTUAL", 1);
    PyModule_Add(m, "ITIMER_PROF", 2);
    PyModule_Add(m, "default_int_handler", default_int_handler());
    PyModule_Add(m, "ItimerError", PyExc_OSError);
  },
};

const STRSIGNAL: Record<string, string> = {
  SIGHUP: "Hangup", SIGINT: "Interrupt", SIGQUIT: "Quit", SIGILL: "Illegal instruction", SIGTRAP: "Trace/breakpoint trap",
  SIGABRT: "Aborted", SIGBUS: "Bus error", SIGFPE: "Floating point exception", SIGKILL: "Killed",
  SIGUSR1: "User defined signal 1", SIGSEGV: "Segmentation fault", SIGUSR2: "User defined signal 2",
  SIGPIPE: "Broken pipe", SIGALRM: "Alarm clock", SIGTERM: "Terminated", SIGCHLD: "Child exited",
  SIGCONT: "Continued", SIGSTOP: "Stopped (signal)", SIGTSTP: "Stopped", SIGWINCH: "Window changed",
};

