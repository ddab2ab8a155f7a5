// Green threads: one thread state and one chain of heap frames per Python thread, switched by the evaluation loop
// at the eval breaker and at blocking calls (CPython: Python/pystate.c's thread states, Python/ceval_gil.c's switch
// interval, Modules/_threadmodule.c's thread_run). See docs/interpreter.md, "Threads".
import { type PyVal } from "../objects/object.js";
import { PyFrameObject } from "../objects/frameobject.js";
import { PyFunctionObject } from "../objects/funcobject.js";
import { PyMethodObject } from "../objects/classobject.js";
import { PyMethodDescrObject } from "../objects/descrobject.js";
import { PyCFunctionObject } from "../objects/methodobject.js";
import { PyObject_Vectorcall, PyObject_Repr } from "../objects/abstract.js";
import { PyBaseExceptionObject, PyExc_SystemExit, PyExc_RuntimeError } from "../objects/exceptions.js";
import { PyType_IsSubtype } from "../objects/abstract.js";
import { _PyErr_CreateException } from "../runtime/errors.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import {
  PyThreadState, _PyThreadState_GET, _PyThreadState_Swap, _PyThreadState_Main, _Py_SUSPENDED, _Py_THREAD_SWITCH,
  _Py_WOULD_BLOCK, threadHooks, _PyThreadSwitch, _PY_GIL_DROP_REQUEST_BIT, _PY_SIGNALS_PENDING_BIT,
  _Py_set_eval_breaker_bit, _Py_unset_eval_breaker_bit,
} from "../runtime/pystate.js";
import { _PyEval_RunThread } from "./ceval.js";
import { _PyEval_BindArgs } from "./call.js";
import { vmHooks, PyErr_CheckSignals } from "./hooks.js";
import { _PyErr_WriteUnraisable } from "../runtime/unraisable.js";
import { currentHost, hostProc } from "../host/current.js";

// Life of a thread. ONSTACK: its JS frames are live (it is running, or it waits inside a native call or in the
// scheduler below the running one), so only returning to it can continue it.
const T_NEW = 0;
const T_READY = 1;
const T_WAITING = 2;
const T_ONSTACK = 3;
const T_DONE = 4;
/** A parked thread's frames returned from its outermost frame while it was resumed elsewhere: the result waits for
 * the JS call that parked it (_PyEval_EvalFrame's trampoline) to collect it. */
const T_FINISHED = 5;

/** The first thread identifier (get_ident()); CPython's are pthread_self() addresses. */
export const MAIN_THREAD_IDENT = 140000000000000 + 4096;
/** Identifiers step by a pthread stack's size (8 MB + a guard page), as they tend to on Linux. */
const IDENT_STEP = 8392704;

export class PyThread {
  ts: PyThreadState;
  ident: number;
  /** get_native_id(): the main thread's is the process id (as on Linux), the others count up from it. */
  native_id: number;
  status: number;
  /** What the thread runs: a Python function gets a base frame (resumable); any other callable runs nested. */
  func: PyVal;
  args: PyVal[];
  kwnames: PyVal[] | null;
  base: PyFrameObject | null;
  /** While waiting: the condition it waits for, and the monotonic deadline (ms; Infinity: none). */
  ready: (() => boolean) | null;
  deadline: number;
  /** A suspended blocking CALL is retried on resume: its frame, instruction and deadline identify the retry. */
  retryFrame: PyFrameObject | null;
  retryInstr: number;
  retryDeadline: number;
  /** An exception to raise in the thread when it next runs (deadlock, KeyboardInterrupt). */
  pendingExc: PyBaseExceptionObject | null;
  daemon: boolean;
  /** Called once when the thread has finished (its _ThreadHandle becomes done). */
  onDone: (() => void) | null;
  /** Suspended at the trampoline of its outermost _PyEval_EvalFrame: its Python state is all in heap frames, so any
   * scheduler may resume it (from `base`); only its final result must go back to that JS call. */
  parked: boolean;
  result: PyVal | null;
  resultExc: PyBaseExceptionObject | null;
  constructor(ts: PyThreadState, ident: number, func: PyVal, args: PyVal[], kwnames: PyVal[] | null) {
    this.ts = ts;
    this.ident = ident;
    this.native_id = 0;
    this.status = T_NEW;
    this.func = func;
    this.args = args;
    this.kwnames = kwnames;
    this.base = null;
    this.ready = null;
    this.deadline = Infinity;
    this.retryFrame = null;
    this.retryInstr = -1;
    this.retryDeadline = Infinity;
    this.pendingExc = null;
    this.daemon = false;
    this.onDone = null;
    this.parked = false;
    this.result = null;
    this.resultExc = null;
  }
}

/** Every thread not yet finished, the main thread first; `rr` is where the round-robin search resumes. */
const threads: PyThread[] = [];
let rr = 0;
let nextIdent = MAIN_THREAD_IDENT;
let mainThread: PyThread | null = null;
/** When the running thread's slice started (ms), and breaker checks left before the clock is read again. */
let sliceStart = 0;
let countdown = 0;
const CHECKS_PER_CLOCK_READ = 64;

function now(): number {
  return Number(currentHost().monotonicNs()) / 1e6;
}

function threadOf(ts: PyThreadState): PyThread {
  let t = ts.thread as PyThread | null;
  if (t === null) {
    // The main thread, registered lazily (threads exist only once _thread is used).
    t = new PyThread(ts, MAIN_THREAD_IDENT, null as unknown as PyVal, [], null);
    t.status = T_ONSTACK;
    ts.thread = t;
    mainThread = t;
    threads.unshift(t);
    nextIdent = MAIN_THREAD_IDENT;
  }
  return t;
}

export function _PyThread_Current(): PyThread {
  return threadOf(_PyThreadState_GET());
}

export function _PyThread_NativeId(t: PyThread): number {
  return hostProc().getpid() + t.native_id;
}

export function _PyThread_Main(): PyThread {
  return mainThread ?? threadOf(_PyThreadState_Main());
}

/** Threads started by _thread and still running (_thread._count(): the main thread is not counted). */
export function _PyThread_Count(): number {
  let n = 0;
  for (const t of threads) if (t !== mainThread && t.status !== T_DONE) n++;
  return n;
}

export function _PyThread_All(): readonly PyThread[] {
  return threads;
}

/** Keep the switch request raised on every thread while more than one exists (the GIL's drop request). */
function updateSwitchBits(): void {
  const many = threads.length > 1;
  for (const t of threads) {
    if (many) _Py_set_eval_breaker_bit(t.ts, _PY_GIL_DROP_REQUEST_BIT);
    else _Py_unset_eval_breaker_bit(t.ts, _PY_GIL_DROP_REQUEST_BIT);
  }
}

/** Start a thread running func(*args, **kwargs) (thread_run); it first runs when the current one yields. */
export function _PyThread_Start(func: PyVal, args: PyVal[], kwnames: PyVal[] | null, daemon: boolean): PyThread {
  _PyThread_Main();
  const ts = new PyThreadState();
  const main = _PyThreadState_Main();
  ts.py_recursion_limit = main.py_recursion_limit;
  ts.py_recursion_remaining = main.py_recursion_limit;
  nextIdent += IDENT_STEP;
  const t = new PyThread(ts, nextIdent, func, args, kwnames);
  t.native_id = threads.length;
  t.daemon = daemon;
  ts.thread = t;
  // A Python function (or a bound method of one) gets its frame now: the thread can then be suspended whenever
  // only Python frames are above it. Anything else runs nested in the scheduler's JS call.
  let f = func;
  let a = args;
  if (f instanceof PyMethodObject && f.im_func instanceof PyFunctionObject) {
    a = [f.im_self, ...args];
    f = f.im_func;
  }
  if (f instanceof PyFunctionObject) {
    const frame = new PyFrameObject(f.func_code, f, f.func_globals, f.func_builtins, null);
    const nkw = kwnames === null ? 0 : kwnames.length;
    _PyEval_BindArgs(f, frame.localsplus, a, 0, a.length - nkw, nkw ? kwnames : null);
    t.base = frame;
  }
  // As with the GIL, the starting thread keeps the interpreter until its interval runs out or it blocks.
  if (threads.length === 1) {
    sliceStart = now();
    countdown = CHECKS_PER_CLOCK_READ;
  }
  threads.push(t);
  updateSwitchBits();
  return t;
}

/** A signal arrived: only the main thread runs handlers, so a waiting main thread must wake up for them. */
function signalsPending(t: PyThread): boolean {
  return t === mainThread && (t.ts.eval_breaker & _PY_SIGNALS_PENDING_BIT) !== 0;
}

/** Run the pending signal handlers in the main thread (its state current); an exception is raised in its wait. */
function checkSignals(t: PyThread): void {
  if (!signalsPending(t)) return;
  try {
    PyErr_CheckSignals();
  } catch (e) {
    if (!(e instanceof PyBaseExceptionObject)) throw e;
    t.pendingExc = e;
    t.retryFrame = null;
  }
}

function runnable(t: PyThread, tnow: number): boolean {
  switch (t.status) {
    case T_NEW:
    case T_READY:
      return true;
    case T_WAITING:
      return t.pendingExc !== null || tnow >= t.deadline || signalsPending(t) || t.ready!();
    case T_ONSTACK:
    case T_DONE:
    case T_FINISHED:
      return false;
    default:
      throw new Error(`bad thread status ${t.status}`);
  }
}

/** Could another thread continue now: a resumable one, or one below on the JS stack (waiting in the scheduler for
 * a condition that now holds, or preempted)? Then the running thread should yield. */
function othersWantToRun(self: PyThread): boolean {
  const tnow = now();
  for (const t of threads) {
    if (t === self) continue;
    if (t.status === T_ONSTACK) {
      if (t.ready === null || t.pendingExc !== null || tnow >= t.deadline || t.ready()) return true;
    } else if (runnable(t, tnow)) return true;
  }
  return false;
}

/** Could another thread become runnable without the running thread's help (a deadline, a preempted or new thread,
 * a pending signal)? */
function othersMayWakeAlone(self: PyThread): boolean {
  for (const t of threads) {
    if (t === self) continue;
    switch (t.status) {
      case T_NEW:
      case T_READY:
        return true;
      case T_WAITING:
        if (t.deadline < Infinity || t.pendingExc !== null || signalsPending(t)) return true;
        break;
      case T_ONSTACK:
        if (t.ready === null || t.deadline < Infinity || t.pendingExc !== null || signalsPending(t)) return true;
        break;
      case T_DONE:
      case T_FINISHED:
        break;
      default:
        throw new Error(`bad thread status ${t.status}`);
    }
  }
  return false;
}

/** The running thread did something that may wake a waiter (released a lock, sent data): check at the next breaker
 * whether another thread wants to run. */
export function _PyThread_Wake(): void {
  if (threads.length > 1) {
    const ts = _PyThreadState_GET();
    _Py_set_eval_breaker_bit(ts, _PY_GIL_DROP_REQUEST_BIT);
    countdown = 0;
  }
}

/** A thread continues after the scheduler ran: its switch checks start again. */
function armSwitch(t: PyThread): void {
  if (threads.length > 1) _Py_set_eval_breaker_bit(t.ts, _PY_GIL_DROP_REQUEST_BIT);
}

/** The next thread (after the last one picked) that can run now, other than `self`. */
function pickNext(self: PyThread): PyThread | null {
  const n = threads.length;
  const tnow = now();
  for (let k = 0; k < n; k++) {
    const i = (rr + k) % n;
    const t = threads[i];
    if (t !== self && runnable(t, tnow)) {
      rr = i + 1;
      return t;
    }
  }
  return null;
}

/** Run `t` until it suspends, blocks or finishes, with its thread state current. */
function runSlice(t: PyThread): void {
  const prev = _PyThreadState_Swap(t.ts);
  const was = t.status;
  t.status = T_ONSTACK;
  const savedSlice = sliceStart;
  sliceStart = now();
  armSwitch(t);
  if (t.base !== null && was !== T_NEW) checkSignals(t);
  const exc = t.pendingExc;
  t.pendingExc = null;
  t.ready = null;
  try {
    let r: PyVal;
    if (t.base !== null) r = _PyEval_RunThread(t.ts, t.base, exc);
    else if (was === T_NEW) r = PyObject_Vectorcall(t.func, t.args, t.kwnames);
    else throw new Error("a nested thread cannot be resumed");
    if (r === _Py_SUSPENDED) t.status = t.ready !== null ? T_WAITING : T_READY;
    else if (t.parked) {
      t.status = T_FINISHED;
      t.result = r;
    } else finish(t, null);
  } catch (e) {
    if (t.parked && e instanceof PyBaseExceptionObject) {
      t.status = T_FINISHED;
      t.resultExc = e;
    } else if (e instanceof PyBaseExceptionObject) finish(t, e);
    else {
      finish(t, null);
      throw e;
    }
  } finally {
    _PyThreadState_Swap(prev);
    sliceStart = savedSlice;
  }
}

function finish(t: PyThread, exc: PyBaseExceptionObject | null): void {
  t.status = T_DONE;
  t.ready = null;
  t.base = null;
  t.ts.current_frame = null;
  const i = threads.indexOf(t);
  if (i >= 0) threads.splice(i, 1);
  if (rr > i) rr--;
  updateSwitchBits();
  if (exc !== null && !PyType_IsSubtype(exc.ob_type, PyExc_SystemExit)) {
    // thread_run: PyErr_FormatUnraisable("Exception ignored in thread started by %R", func)
    let where = "Exception ignored in thread started by <object repr() failed>";
    try { where = `Exception ignored in thread started by ${PyObject_Repr(t.func).value}`; } catch { /* keep */ }
    _PyErr_WriteUnraisable(null, exc, where);
  }
  const done = t.onDone;
  t.onDone = null;
  if (done !== null) done();
}

/**
 * Let the other threads run while `self` (whose JS frames are live) cannot: one round for a preempted thread
 * (self.ready === null), else until its condition holds or its deadline passes. Returns whether the condition held.
 */
function schedule(self: PyThread, yieldFirst: boolean): boolean {
  const ready = self.ready;
  if (ready === null) {
    // Preempted: every other runnable thread gets one slice, in round-robin order.
    const n = threads.length;
    const tnow = now();
    const order = threads.slice();
    const start = rr;
    for (let k = 0; k < n; k++) {
      const t = order[(start + k) % n];
      if (t !== self && t.status !== T_DONE && runnable(t, tnow)) runSlice(t);
    }
    return true;
  }
  for (;;) {
    checkSignals(self);
    if (self.pendingExc !== null) return false;
    if (!yieldFirst) {
      if (ready()) return true;
      if (now() >= self.deadline) return false;
    }
    yieldFirst = false;
    const t = pickNext(self);
    if (t !== null) {
      runSlice(t);
      continue;
    }
    if (ready()) return true;
    // Nobody can run: sleep until the earliest deadline, or report a deadlock.
    let wake = self.deadline;
    for (const w of threads) if (w.status === T_WAITING && w.deadline < wake) wake = w.deadline;
    const tnow = now();
    if (wake < Infinity) {
      if (wake > tnow) hostProc().sleep((wake - tnow) / 1000);
      continue;
    }
    self.pendingExc = deadlock(self);
    return false;
  }
}

/**
 * Every thread waits for a lock (or a join) that no running thread can release: CPython hangs here. Typhon raises
 * RuntimeError in the thread that found it (DEVIATION, docs/interpreter.md). When a thread below this one on the JS
 * stack could run, the cause is Typhon's limit on nested waits; the message says so.
 */
function deadlock(self: PyThread): PyBaseExceptionObject {
  let nested = false;
  const tnow = now();
  for (const t of threads) {
    if (t === self || t.status !== T_ONSTACK) continue;
    if (t.ready === null || t.pendingExc !== null || t.deadline < Infinity || t.ready()) nested = true;
  }
  const msg = nested
    ? "deadlock: this thread waits inside a call from native code, and the thread that could wake it is suspended below it"
    : "deadlock: every thread is blocked waiting for a lock";
  void tnow;
  return _PyErr_CreateException(PyExc_RuntimeError, [PyUnicode_FromString(msg)]) as PyBaseExceptionObject;
}

/** Can the running thread be suspended by returning from the loop: are its frames, up to the outermost, all Python? */
function suspendable(ts: PyThreadState): boolean {
  let f = ts.current_frame as PyFrameObject | null;
  while (f !== null && !f.is_entry) f = f.f_back;
  return f !== null && f.f_back === null;
}

/** The eval breaker's switch request (vmHooks.onSwitchRequest): every switch interval, let the others run. */
function onSwitchRequest(ts: PyThreadState): void {
  if (threads.length <= 1) {
    _Py_unset_eval_breaker_bit(ts, _PY_GIL_DROP_REQUEST_BIT);
    return;
  }
  if (--countdown > 0) return;
  countdown = CHECKS_PER_CLOCK_READ;
  const tnow = now();
  if (tnow - sliceStart < _PyThreadSwitch.interval * 1000) return;
  sliceStart = tnow;
  const self = threadOf(ts);
  if (!othersWantToRun(self)) {
    // Every other thread waits for something only a running thread can do (release a lock, send data): stop checking
    // until that happens (_PyThread_Wake), so a long computation beside idle threads pays nothing.
    if (!othersMayWakeAlone(self)) _Py_unset_eval_breaker_bit(ts, _PY_GIL_DROP_REQUEST_BIT);
    return;
  }
  if (suspendable(ts)) throw _Py_THREAD_SWITCH;
  self.ready = null;
  schedule(self, false);
  sliceStart = now();
  armSwitch(self);
  const e = self.pendingExc;
  if (e !== null) {
    self.pendingExc = null;
    throw e;
  }
}

/**
 * _PyEval_EvalFrame's outermost entry returned _Py_SUSPENDED: the thread is parked (resumable by any scheduler, from
 * its outermost frame). Give every other runnable thread a turn, then run the others until this one can continue or
 * its frames finished elsewhere (then ts.current_frame is null and _PyThread_TakeResult has the outcome).
 */
function onSuspended(ts: PyThreadState): PyVal | null {
  const self = threadOf(ts);
  let base = ts.current_frame as PyFrameObject;
  while (!base.is_entry) base = base.f_back!;
  self.base = base;
  self.parked = true;
  self.status = self.ready !== null ? T_WAITING : T_READY;
  const round = threads.slice(rr).concat(threads.slice(0, rr));
  let k = 0;
  try {
    for (;;) {
      if (self.status === T_FINISHED) return null;
      if (k < round.length) {
        const t = round[k++];
        if (t !== self && runnable(t, now())) runSlice(t);
        continue;
      }
      if (self.status === T_FINISHED) return null;
      if (runnable(self, now())) break;
      const t = pickNext(self);
      if (t !== null) {
        runSlice(t);
        continue;
      }
      // Nobody can run: sleep until the earliest deadline, or report a deadlock.
      let wake = Infinity;
      for (const w of threads) if (w.status === T_WAITING && w.deadline < wake) wake = w.deadline;
      const tnow = now();
      if (wake < Infinity) {
        if (wake > tnow) hostProc().sleep((wake - tnow) / 1000);
        continue;
      }
      self.pendingExc = deadlock(self);
      break;
    }
  } finally {
    self.parked = false;
  }
  self.status = T_ONSTACK;
  self.ready = null;
  armSwitch(self);
  checkSignals(self);
  self.retryFrame = self.pendingExc !== null ? null : self.retryFrame;
  sliceStart = now();
  const e = self.pendingExc;
  self.pendingExc = null;
  return e;
}

/** The outcome of a parked thread whose frames finished while it was resumed elsewhere (see onSuspended). */
function takeResult(ts: PyThreadState): PyVal {
  const self = threadOf(ts);
  self.status = T_ONSTACK;
  const r = self.result;
  const e = self.resultExc;
  self.result = null;
  self.resultExc = null;
  if (e !== null) throw e;
  return r!;
}

/** Did the CALL of the loop call this very native (`impl`, bound to `selfObj`) directly? Reads and clears the mark. */
function calledDirectly(ts: PyThreadState, selfObj: PyVal | null, impl: unknown): boolean {
  const c = ts.direct_native;
  ts.direct_native = null;
  if (c === null) return false;
  if (c instanceof PyMethodDescrObject) return c.d_method.meth === impl;
  if (c instanceof PyCFunctionObject) return c.m_ml.meth === impl && (selfObj === null || c.m_self === selfObj);
  return false;
}

/** A blocking call in progress: made by _PyThread_BeginWait at the native's entry, before anything else. */
export class WaitCall {
  direct: boolean;
  /** The deadline of the first attempt when this call is a retry, else NaN. */
  retryDeadline: number;
  constructor(direct: boolean, retryDeadline: number) {
    this.direct = direct;
    this.retryDeadline = retryDeadline;
  }
}

/** Call first thing in a blocking native (lock.acquire, join, time.sleep, select): notes whether the loop called it
 * directly (then it may suspend the thread and be retried) and whether this is such a retry. */
export function _PyThread_BeginWait(selfObj: PyVal | null, impl: unknown): WaitCall {
  const ts = _PyThreadState_GET();
  const direct = calledDirectly(ts, selfObj, impl);
  const t = ts.thread as PyThread | null;
  let retry = NaN;
  if (t !== null && t.retryFrame !== null) {
    const f = ts.current_frame as PyFrameObject | null;
    if (direct && f === t.retryFrame && f.instr === t.retryInstr) retry = t.retryDeadline;
    t.retryFrame = null;
  }
  return new WaitCall(direct, retry);
}

/**
 * Wait until ready() holds (true) or `timeout` seconds pass (false; -1: no timeout), letting the other threads run.
 * Called after a first non-blocking attempt failed. May throw _Py_WOULD_BLOCK (the loop suspends the thread and
 * retries the CALL when ready() holds or the deadline passes), or run the other threads nested in this call.
 */
export function _PyThread_Wait(w: WaitCall, ready: () => boolean, timeout: number): boolean {
  const ts = _PyThreadState_GET();
  const self = threadOf(ts);
  const tnow = now();
  let deadline: number;
  let yieldFirst = false;
  if (!Number.isNaN(w.retryDeadline)) {
    deadline = w.retryDeadline;
    if (tnow >= deadline) return ready();
  } else {
    deadline = timeout < 0 ? Infinity : tnow + timeout * 1000;
    // time.sleep(0) and zero timeouts still let the others run once, as releasing the GIL does.
    yieldFirst = true;
  }
  if (threads.length <= 1) {
    if (deadline === Infinity) throw deadlock(self);
    if (deadline > tnow) hostProc().sleep((deadline - tnow) / 1000);
    return ready();
  }
  if (w.direct && suspendable(ts)) {
    const f = ts.current_frame as PyFrameObject;
    self.ready = ready;
    self.deadline = deadline;
    self.retryFrame = f;
    self.retryInstr = f.instr;
    self.retryDeadline = deadline;
    throw _Py_WOULD_BLOCK;
  }
  self.ready = ready;
  self.deadline = deadline;
  let ok: boolean;
  try {
    ok = schedule(self, yieldFirst);
  } finally {
    self.ready = null;
    self.deadline = Infinity;
    sliceStart = now();
    armSwitch(self);
  }
  const e = self.pendingExc;
  if (e !== null) {
    self.pendingExc = null;
    throw e;
  }
  return ok || ready();
}

/**
 * At exit (wait_for_thread_shutdown, then _thread._shutdown): wait for every non-daemon thread to finish.
 */
export function _PyThread_WaitForNonDaemon(w: WaitCall): void {
  const self = _PyThread_Current();
  const others = () => threads.every((t) => t === self || t.daemon || t.status === T_DONE);
  if (others()) return;
  _PyThread_Wait(w, others, -1);
}

/** Install the scheduler's hooks into the loop (called when _thread is first imported). */
export function _PyThread_Init(): void {
  if (initialized) return;
  initialized = true;
  threadHooks.suspended = onSuspended;
  threadHooks.result = takeResult;
  vmHooks.onSwitchRequest = onSwitchRequest;
}
let initialized = false;
