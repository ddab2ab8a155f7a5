// Thread and interpreter state (Python/pystate.c, Include/cpython/pystate.h): the current frame, the stack of
// handled exceptions (exc_info), recursion budgets and the eval breaker. Typhon runs one thread for now; its
// state is `_PyThreadState_GET()`. See docs/interpreter.md.
import { Py_None, type PyVal } from "../objects/object.js";

/** One level of "the exception currently being handled" (sys.exception()); generators own one each. */
export class _PyErr_StackItem {
  exc_value: PyVal | null;
  previous_item: _PyErr_StackItem | null;
  constructor(exc: PyVal | null, prev: _PyErr_StackItem | null) {
    this.exc_value = exc;
    this.previous_item = prev;
  }
}

// Eval-breaker bits (Include/internal/pycore_ceval.h): checked at back-edges and calls. The low 16 bits are event
// flags; the bits above hold the instrumentation version (as CPython keeps it above _PY_EVAL_EVENTS_BITS), so RESUME
// compares the whole word with its code object's version in one test. Set and clear flags only with
// _Py_set_eval_breaker_bit / _Py_unset_eval_breaker_bit (a plain `|=` would truncate a large version to 32 bits).
export const _PY_SIGNALS_PENDING_BIT = 1 << 0;
/** "Switch threads": another (green) thread asked for the interpreter (CPython's _PY_GIL_DROP_REQUEST_BIT). */
export const _PY_GIL_DROP_REQUEST_BIT = 1 << 1;
export const _PY_CALLS_TO_DO_BIT = 1 << 2;
export const _PY_ASYNC_EXCEPTION_BIT = 1 << 3;
export const _PY_STEP_BUDGET_BIT = 1 << 8;
export const _PY_SUSPEND_BIT = 1 << 9;
export const _PY_EVAL_EVENTS_BITS = 16;
export const _PY_EVAL_EVENTS_MASK = (1 << _PY_EVAL_EVENTS_BITS) - 1;
/** One step of the instrumentation version in the eval-breaker word. */
export const _PY_EVAL_VERSION_UNIT = 1 << _PY_EVAL_EVENTS_BITS;

export class PyThreadState {
  /** The innermost executing frame (a PyFrameObject), or null. */
  current_frame: unknown;
  exc_state: _PyErr_StackItem;
  exc_info: _PyErr_StackItem;
  py_recursion_limit: number;
  py_recursion_remaining: number;
  c_recursion_remaining: number;
  /** Event flags (low 16 bits) + instrumentation version (above); see docs/interpreter.md, "The eval breaker". */
  eval_breaker: number;
  /** An exception to raise at the next eval-breaker check (KeyboardInterrupt from the host, ...). */
  async_exc: PyVal | null;
  /** Instructions left before the step budget trips (-1: unlimited). */
  step_budget: number;
  /** The sys.settrace / sys.setprofile functions (CPython's c_traceobj / c_profileobj; the C-level function is always
   * the trampoline of Python/sysmodule.c, so only the Python callable is kept). */
  c_tracefunc: PyVal | null;
  c_profilefunc: PyVal | null;
  /** Non-zero while a monitoring callback or trace function runs: no events are delivered then (tstate->tracing). */
  tracing: number;
  /** Objects whose repr is in progress (Py_ReprEnter). */
  repr_set: Set<unknown>;
  /** The native callable a CALL of the loop is invoking right now (a blocking native may then suspend the thread
   * and have the CALL retried: src/vm/threads.ts); read and cleared by the callee. */
  direct_native: PyVal | null;
  /** The green thread running on this state (a PyThread of src/vm/threads.ts), or null before threads start. */
  thread: unknown;
  /** sys.set_asyncgen_hooks' callables for this thread (null: unset), as tstate->async_gen_firstiter/finalizer. */
  async_gen_firstiter: PyVal | null;
  async_gen_finalizer: PyVal | null;
  constructor() {
    this.current_frame = null;
    this.exc_state = new _PyErr_StackItem(null, null);
    this.exc_info = this.exc_state;
    this.py_recursion_limit = 1000;
    this.py_recursion_remaining = 1000;
    this.c_recursion_remaining = 2500;
    this.eval_breaker = 0;
    this.async_exc = null;
    this.step_budget = -1;
    this.c_tracefunc = null;
    this.c_profilefunc = null;
    this.tracing = 0;
    this.repr_set = new Set();
    this.direct_native = null;
    this.thread = null;
    this.async_gen_firstiter = null;
    this.async_gen_finalizer = null;
  }
}

const mainThread = new PyThreadState();
/** The running thread's state: green threads (src/vm/threads.ts) swap it when they switch. */
let currentThread = mainThread;

export function _PyThreadState_GET(): PyThreadState {
  return currentThread;
}

/** The main thread's state (the one the interpreter started on). */
export function _PyThreadState_Main(): PyThreadState {
  return mainThread;
}

/** Make `ts` the running thread's state and return the previous one (PyThreadState_Swap). */
export function _PyThreadState_Swap(ts: PyThreadState): PyThreadState {
  const old = currentThread;
  currentThread = ts;
  return old;
}

/** The loop returns this (and leaves the frames resumable) when the running thread is suspended (threads.ts). */
export const _Py_SUSPENDED = { suspended: true } as unknown as PyVal;
/** Thrown by the eval breaker to switch threads: the loop saves pc/sp and returns _Py_SUSPENDED. */
export const _Py_THREAD_SWITCH = { threadSwitch: true };
/** Thrown by a blocking native called straight from CALL: the loop returns _Py_SUSPENDED and retries the CALL. */
export const _Py_WOULD_BLOCK = { wouldBlock: true };

/** The exception currently being handled (sys.exception()), walking past empty levels (_PyErr_GetTopmostException). */
export function _PyErr_GetTopmostException(ts: PyThreadState): PyVal | null {
  let item: _PyErr_StackItem | null = ts.exc_info;
  while (item !== null) {
    const v = item.exc_value;
    if (v !== null && v !== undefined && !isNone(v)) return v;
    item = item.previous_item;
  }
  return null;
}

function isNone(v: PyVal): boolean {
  return v === Py_None;
}

/** Ask the loop to raise `exc` at its next eval-breaker check (a KeyboardInterrupt from the host, ...). */
export function _PyEval_RequestAsyncExc(ts: PyThreadState, exc: PyVal): void {
  ts.async_exc = exc;
  _Py_set_eval_breaker_bit(ts, _PY_ASYNC_EXCEPTION_BIT);
}

/** Bound execution to about `n` back-edges and function entries (-1: no bound); when it runs out the loop raises
 * vmHooks.budgetExceeded() (the embedder's choice; see docs/interpreter.md, "The eval breaker"). */
export function _PyEval_SetStepBudget(ts: PyThreadState, n: number): void {
  ts.step_budget = n;
  if (n >= 0) _Py_set_eval_breaker_bit(ts, _PY_STEP_BUDGET_BIT);
  else _Py_unset_eval_breaker_bit(ts, _PY_STEP_BUDGET_BIT);
}

/** Raise an event flag in the eval-breaker word, keeping the version bits (pycore_ceval.h). */
export function _Py_set_eval_breaker_bit(ts: PyThreadState, bit: number): void {
  const eb = ts.eval_breaker;
  if ((eb & bit) === 0) ts.eval_breaker = eb + bit;
}

export function _Py_unset_eval_breaker_bit(ts: PyThreadState, bit: number): void {
  const eb = ts.eval_breaker;
  if ((eb & bit) !== 0) ts.eval_breaker = eb - bit;
}

/** The event flags of the eval-breaker word (without the instrumentation version). */
export function _Py_eval_breaker_flags(ts: PyThreadState): number {
  return ts.eval_breaker & _PY_EVAL_EVENTS_MASK;
}

/** Services of the green-thread scheduler (src/vm/threads.ts installs them) that the loop calls. */
export const threadHooks = {
  /** The running thread was suspended at its outermost entry frame (_PyEval_EvalFrame): run the other threads
   * until it can continue; returns an exception to raise in it when it resumes (or null). */
  suspended: (ts: PyThreadState): PyVal | null => { void ts; throw new Error("thread suspended without a scheduler"); },
  /** The thread's frames finished while it was resumed by another scheduler: their result (or raise it). */
  result: (ts: PyThreadState): PyVal => { void ts; throw new Error("thread suspended without a scheduler"); },
};

/** sys.getswitchinterval(): how long (seconds) a green thread runs before the others get a turn (threads.ts). */
export const _PyThreadSwitch = { interval: 0.005 };
