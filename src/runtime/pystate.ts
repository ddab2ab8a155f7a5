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

// Eval-breaker bits (Include/internal/pycore_ceval.h): checked at back-edges and calls.
export const _PY_SIGNALS_PENDING_BIT = 1 << 0;
export const _PY_CALLS_TO_DO_BIT = 1 << 2;
export const _PY_ASYNC_EXCEPTION_BIT = 1 << 3;
export const _PY_STEP_BUDGET_BIT = 1 << 8;
export const _PY_SUSPEND_BIT = 1 << 9;

export class PyThreadState {
  /** The innermost executing frame (a PyFrameObject), or null. */
  current_frame: unknown;
  exc_state: _PyErr_StackItem;
  exc_info: _PyErr_StackItem;
  py_recursion_limit: number;
  py_recursion_remaining: number;
  c_recursion_remaining: number;
  /** Non-zero when the loop must leave its fast path (see docs/interpreter.md, "The eval breaker"). */
  eval_breaker: number;
  /** An exception to raise at the next eval-breaker check (KeyboardInterrupt from the host, ...). */
  async_exc: PyVal | null;
  /** Instructions left before the step budget trips (-1: unlimited). */
  step_budget: number;
  c_tracefunc: PyVal | null;
  c_profilefunc: PyVal | null;
  /** Objects whose repr is in progress (Py_ReprEnter). */
  repr_set: Set<unknown>;
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
    this.repr_set = new Set();
  }
}

const mainThread = new PyThreadState();

export function _PyThreadState_GET(): PyThreadState {
  return mainThread;
}

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
  ts.eval_breaker |= _PY_ASYNC_EXCEPTION_BIT;
}

/** Bound execution to about `n` back-edges and function entries; then vmHooks.budgetExceeded() is raised. */
export function _PyEval_SetStepBudget(ts: PyThreadState, n: number): void {
  ts.step_budget = n;
  if (n >= 0) ts.eval_breaker |= _PY_STEP_BUDGET_BIT;
  else ts.eval_breaker &= ~_PY_STEP_BUDGET_BIT;
}
