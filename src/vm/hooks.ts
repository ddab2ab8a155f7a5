// Services the evaluation loop needs from the runtime (imports, sets, the display hook, the eval breaker),
// installed at start-up by src/runtime/pylifecycle.ts so that src/vm does not depend on the runtime's modules.
// The eval breaker's handler (CPython's _Py_HandlePending, Python/ceval_gil.c) lives here; see docs/interpreter.md.
import type { PyVal, PyUnicodeObject } from "../objects/object.js";
import type { PyFrameObject } from "../objects/frameobject.js";
import {
  type PyThreadState, _PyThreadState_GET, _PyThreadState_Main, _PY_STEP_BUDGET_BIT, _PY_ASYNC_EXCEPTION_BIT,
  _PY_SIGNALS_PENDING_BIT, _PY_GIL_DROP_REQUEST_BIT, _PY_CALLS_TO_DO_BIT, _PY_EVAL_EVENTS_MASK, _Py_set_eval_breaker_bit,
  _Py_unset_eval_breaker_bit, _PY_SUSPEND_BIT,
} from "../runtime/pystate.js";
import { PyExc_KeyboardInterrupt } from "../objects/exceptions.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { _PyErr_CreateException } from "../runtime/errors.js";

function missing(what: string): never {
  throw new Error(`vm hook not installed: ${what}`);
}

// ---- signals (Modules/signalmodule.c's trip_signal / PyErr_CheckSignals) ----

/** Signals that arrived and whose Python handlers have not run yet (is_tripped of signalmodule.c). */
const tripped: boolean[] = [];
let anyTripped = false;

/** Record that signal `signum` arrived and wake the eval breaker (trip_signal). Safe to call from any host callback:
 * the Python handler runs later, between two instructions of the main thread. */
export function trip_signal(signum: number): void {
  tripped[signum] = true;
  anyTripped = true;
  // Only the main thread runs signal handlers (_Py_ThreadCanHandleSignals); a waiting main thread is woken for them
  // by the green-thread scheduler (src/vm/threads.ts).
  _Py_set_eval_breaker_bit(_PyThreadState_Main(), _PY_SIGNALS_PENDING_BIT);
}

/** PyErr_SetInterruptEx(SIGINT): what the host calls on Ctrl-C; the loop raises KeyboardInterrupt (through the SIGINT
 * handler, signal.default_int_handler unless the program installed its own) at its next eval-breaker check. */
export function PyErr_SetInterrupt(): void {
  trip_signal(2);
}

/** Run the Python handlers of tripped signals (PyErr_CheckSignals); an exception from a handler propagates. */
export function PyErr_CheckSignals(): void {
  const ts = _PyThreadState_GET();
  _Py_unset_eval_breaker_bit(ts, _PY_SIGNALS_PENDING_BIT);
  if (!anyTripped) return;
  anyTripped = false;
  for (let n = 1; n < tripped.length; n++) {
    if (tripped[n] !== true) continue;
    tripped[n] = false;
    try {
      vmHooks.runSignalHandler(n);
    } catch (e) {
      // The remaining signals stay pending for the next check, as in CPython.
      for (let m = n + 1; m < tripped.length; m++) if (tripped[m] === true) { anyTripped = true; _Py_set_eval_breaker_bit(ts, _PY_SIGNALS_PENDING_BIT); break; }
      throw e;
    }
  }
}

/** Before the signal module is imported only SIGINT has a Python-level meaning: raise KeyboardInterrupt. */
function defaultRunSignalHandler(signum: number): void {
  if (signum === 2) {
    const e = vmHooks.keyboardInterrupt();
    throw e;
  }
}

// ---- the handler ----

/** The eval breaker's slow path (_Py_HandlePending), called by the loop at RESUME, JUMP_BACKWARD and after calls of
 * native functions when the breaker word differs from the fast-path value. In CPython's order: signals, pending
 * calls, thread switch, async exception; Typhon adds the step budget and the suspension request. */
function _Py_HandlePending(ts: PyThreadState): void {
  const flags = ts.eval_breaker & _PY_EVAL_EVENTS_MASK;
  if (flags === 0) return; // only the instrumentation version differed (handled by the caller at RESUME)
  if (flags & _PY_SIGNALS_PENDING_BIT) PyErr_CheckSignals();
  if (flags & _PY_CALLS_TO_DO_BIT) vmHooks.onPendingCalls(ts);
  if (flags & _PY_GIL_DROP_REQUEST_BIT) vmHooks.onSwitchRequest(ts);
  if (flags & _PY_SUSPEND_BIT) vmHooks.onSuspendRequest(ts);
  if (flags & _PY_STEP_BUDGET_BIT) {
    if (ts.step_budget >= 0 && --ts.step_budget <= 0) {
      _Py_unset_eval_breaker_bit(ts, _PY_STEP_BUDGET_BIT);
      ts.step_budget = -1;
      if (ts.async_exc === null) {
        ts.async_exc = vmHooks.budgetExceeded();
        _Py_set_eval_breaker_bit(ts, _PY_ASYNC_EXCEPTION_BIT);
      }
    }
  }
  if (ts.async_exc !== null && (ts.eval_breaker & _PY_ASYNC_EXCEPTION_BIT)) {
    const e = ts.async_exc;
    ts.async_exc = null;
    _Py_unset_eval_breaker_bit(ts, _PY_ASYNC_EXCEPTION_BIT);
    throw e;
  }
}

export const vmHooks = {
  handleEvalBreaker: _Py_HandlePending,
  /** The exception raised when the step budget set by _PyEval_SetStepBudget runs out. An embedder installs its own
   * (a TimeoutError, a private exception class, ...); the default is KeyboardInterrupt("step budget exhausted"). */
  budgetExceeded: (): PyVal => _PyErr_CreateException(PyExc_KeyboardInterrupt, [PyUnicode_FromString("step budget exhausted")]),
  /** A new KeyboardInterrupt instance (what signal.default_int_handler raises). */
  keyboardInterrupt: (): PyVal => _PyErr_CreateException(PyExc_KeyboardInterrupt, []),
  /** Run the Python handler of a signal that arrived (installed by the _signal module when it is imported). */
  runSignalHandler: defaultRunSignalHandler,
  /** _PY_GIL_DROP_REQUEST_BIT was set: another thread wants the interpreter. The threads module installs the switch
   * here; the handler must clear the bit (_Py_unset_eval_breaker_bit). The default only clears it: one thread. */
  onSwitchRequest: (ts: PyThreadState): void => { _Py_unset_eval_breaker_bit(ts, _PY_GIL_DROP_REQUEST_BIT); },
  /** _PY_SUSPEND_BIT: capture the (all-Python) stack and return to the host's event loop; installed by the module
   * that implements suspension. The frame's instr/stacktop are saved when this runs. The default only clears it. */
  onSuspendRequest: (ts: PyThreadState): void => { _Py_unset_eval_breaker_bit(ts, _PY_SUSPEND_BIT); },
  /** _PY_CALLS_TO_DO_BIT: run the calls queued by Py_AddPendingCall (none by default); must clear the bit. */
  onPendingCalls: (ts: PyThreadState): void => { _Py_unset_eval_breaker_bit(ts, _PY_CALLS_TO_DO_BIT); },
  setUpdate: (set: PyVal, iterable: PyVal): void => { void set; void iterable; missing("setUpdate"); },
  setAdd: (set: PyVal, v: PyVal): void => { void set; void v; missing("setAdd"); },
  buildSet: (items: PyVal[]): PyVal => { void items; return missing("buildSet"); },
  importName: (f: PyFrameObject, name: PyUnicodeObject, fromlist: PyVal, level: PyVal): PyVal => {
    void f; void name; void fromlist; void level;
    return missing("importName");
  },
  importFrom: (module: PyVal, name: PyUnicodeObject): PyVal => { void module; void name; return missing("importFrom"); },
  importStar: (f: PyFrameObject, module: PyVal): void => { void f; void module; missing("importStar"); },
  displayHook: (v: PyVal): PyVal => { void v; return missing("displayHook"); },
  intrinsic1: (oparg: number, v: PyVal): PyVal => { void v; return missing(`intrinsic1 ${oparg}`); },
  intrinsic2: (oparg: number, a: PyVal, b: PyVal): PyVal => { void a; void b; return missing(`intrinsic2 ${oparg}`); },
  intern: (s: string): PyUnicodeObject => { void s; return missing("intern"); },
  /** A Python callable wrapping a JS predicate (for exception-group splitting). */
  predicate: (f: (x: PyVal) => boolean): PyVal => { void f; return missing("predicate"); },
  /** A fresh private object (a sentinel). */
  dummy: (): PyVal => missing("dummy"),
};
