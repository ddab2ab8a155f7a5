// sys.monitoring (PEP 669) and sys.settrace/sys.setprofile on top of it: Python/instrumentation.c and
// Python/legacy_tracing.c. Code objects are instrumented in place (INSTRUMENTED_* opcodes 236-254 in _co_code_adaptive)
// when a tool enables events; the loop's cases for those opcodes call _Py_Instrumented. See docs/interpreter.md.
import { PyObject, PyTypeObject, Py_None, Py_TYPE, type PyVal, type PyUnicodeObject } from "../objects/object.js";
import { PyCodeObject, codeLocations, findHandler, _PyCode_Adaptive, _PyCode_Materialize } from "../objects/codeobject.js";
import { PyFrameObject, frameTraceHooks } from "../objects/frameobject.js";
import { PyFunctionObject } from "../objects/funcobject.js";
import { PyMethodObject } from "../objects/classobject.js";
import { PyTupleObject, PyTuple_New } from "../objects/tupleobject.js";
import { PyDictObject } from "../objects/dictobject.js";
import { PyBaseExceptionObject, PyExc_ValueError, PyExc_AttributeError, PyExc_StopIteration, PyExc_RuntimeWarning } from "../objects/exceptions.js";
import { PyObject_Vectorcall, PyType_IsSubtype } from "../objects/abstract.js";
import { PyCFunction_Type } from "../objects/methodobject.js";
import { PyMethodDescr_Type } from "../objects/descrobject.js";
import { Py_True, Py_False } from "../objects/boolobject.js";
import { PyErr_Format, _PyErr_CreateException } from "../runtime/errors.js";
import { PyGenObject, PyGen_Type, PyCoro_Type, genResult } from "../objects/genobject.js";
import { lastStopValue } from "../objects/typeobject.js";
import { hooks as abstractHooks } from "../objects/abstract.js";
import { hasFlag, Py_TPFLAGS_HEAPTYPE } from "../objects/object.js";
import { PyModule_New, PyModule_GetDict, type PyModuleObject } from "../objects/moduleobject.js";
import { PyDict_New, PyDict_SetItemString } from "../objects/dictobject.js";
import { _PyNamespace_New } from "../objects/namespaceobject.js";
import { nativeFunction } from "../objects/methodobject.js";
import { METH_FASTCALL } from "../objects/object.js";
import { PyNumber_Index } from "../objects/abstract.js";
import { PyExc_TypeError } from "../objects/exceptions.js";
import {
  type PyThreadState, _PyThreadState_GET, _PY_EVAL_EVENTS_MASK, _PY_EVAL_VERSION_UNIT,
} from "../runtime/pystate.js";
import { _PyOpcode_Caches, stack_effect } from "../opcode/opcode_metadata.js";
import { vmHooks } from "./hooks.js";

// ---- events and tools (Include/cpython/monitoring.h) ----

export const PY_MONITORING_EVENT_PY_START = 0;
export const PY_MONITORING_EVENT_PY_RESUME = 1;
export const PY_MONITORING_EVENT_PY_RETURN = 2;
export const PY_MONITORING_EVENT_PY_YIELD = 3;
export const PY_MONITORING_EVENT_CALL = 4;
export const PY_MONITORING_EVENT_LINE = 5;
export const PY_MONITORING_EVENT_INSTRUCTION = 6;
export const PY_MONITORING_EVENT_JUMP = 7;
export const PY_MONITORING_EVENT_BRANCH = 8;
export const PY_MONITORING_EVENT_STOP_ITERATION = 9;
export const PY_MONITORING_EVENT_RAISE = 10;
export const PY_MONITORING_EVENT_EXCEPTION_HANDLED = 11;
export const PY_MONITORING_EVENT_PY_UNWIND = 12;
export const PY_MONITORING_EVENT_PY_THROW = 13;
export const PY_MONITORING_EVENT_RERAISE = 14;
export const PY_MONITORING_EVENT_C_RETURN = 15;
export const PY_MONITORING_EVENT_C_RAISE = 16;
export const _PY_MONITORING_LOCAL_EVENTS = 10;
export const _PY_MONITORING_EVENTS = 17;
export const PY_MONITORING_SYS_PROFILE_ID = 6;
export const PY_MONITORING_SYS_TRACE_ID = 7;
export const PY_MONITORING_TOOL_IDS = 8;

export const EVENT_NAMES = [
  "PY_START", "PY_RESUME", "PY_RETURN", "PY_YIELD", "CALL", "LINE", "INSTRUCTION", "JUMP", "BRANCH", "STOP_ITERATION",
  "RAISE", "EXCEPTION_HANDLED", "PY_UNWIND", "PY_THROW", "RERAISE", "C_RETURN", "C_RAISE",
] as const;

const C_RETURN_EVENTS = (1 << PY_MONITORING_EVENT_C_RETURN) | (1 << PY_MONITORING_EVENT_C_RAISE);

/** A callback installed by legacy tracing (a C function in CPython): gets the event's arguments after the code. */
type NativeCallback = (code: PyCodeObject, args: PyVal[]) => PyVal;
type Callback = PyVal | NativeCallback;

/** The interpreter's monitoring state (interp->monitors, monitoring_callables, monitoring_tool_names). */
const globalTools = new Uint8Array(_PY_MONITORING_EVENTS);
const callbacks: (Callback | null)[][] = [];
for (let t = 0; t < PY_MONITORING_TOOL_IDS; t++) callbacks.push(new Array<Callback | null>(_PY_MONITORING_EVENTS).fill(null));
const toolNames: (PyVal | null)[] = new Array<PyVal | null>(PY_MONITORING_TOOL_IDS).fill(null);

/** The instrumentation version (a multiple of _PY_EVAL_VERSION_UNIT), also kept above the eval breaker's flags. */
let instrumentationVersion = 0;
/** True when any event of any tool is on (checked by the loop's exception path). */
export let _PyInstrumentation_active = false;
/** Code objects that carry monitoring data (restart_events clears their DISABLEd locations). */
const monitoredCodes = new Set<PyCodeObject>();

/** sys.monitoring.DISABLE and MISSING: plain objects, made at start-up (no calls into other modules at load time). */
export let DISABLE: PyObject | null = null;
export let MISSING: PyObject | null = null;
export function _PyInstrumentation_InitSentinels(objectType: PyTypeObject): void {
  DISABLE = new PyObject(objectType);
  MISSING = new PyObject(objectType);
  frameTraceHooks.setLineNumber = _PyFrame_SetLineNumber;
  frameTraceHooks.setOpcodeTrace = _PyEval_SetOpcodeTrace;
}

/** The opcode of the instrumented form of each base opcode that has one (INSTRUMENTED_OPCODES in instrumentation.c). */
const RESUME = 149, RETURN_VALUE = 36, RETURN_CONST = 103, YIELD_VALUE = 118, CALL = 53, CALL_KW = 57,
  CALL_FUNCTION_EX = 54, JUMP_FORWARD = 79, JUMP_BACKWARD = 77, POP_JUMP_IF_TRUE = 100, POP_JUMP_IF_FALSE = 97,
  POP_JUMP_IF_NONE = 98, POP_JUMP_IF_NOT_NONE = 99, FOR_ITER = 72, EXTENDED_ARG = 71, END_FOR = 11, END_SEND = 12,
  END_ASYNC_FOR = 10, SEND = 104, JUMP_BACKWARD_NO_INTERRUPT = 78, CACHE = 0;
const INSTRUMENTED_RESUME = 236, INSTRUMENTED_RETURN_VALUE = 239, INSTRUMENTED_RETURN_CONST = 240,
  INSTRUMENTED_YIELD_VALUE = 241, INSTRUMENTED_FOR_ITER = 243, INSTRUMENTED_CALL = 244, INSTRUMENTED_CALL_KW = 245,
  INSTRUMENTED_CALL_FUNCTION_EX = 246, INSTRUMENTED_INSTRUCTION = 247, INSTRUMENTED_JUMP_FORWARD = 248,
  INSTRUMENTED_JUMP_BACKWARD = 249, INSTRUMENTED_POP_JUMP_IF_TRUE = 250, INSTRUMENTED_POP_JUMP_IF_FALSE = 251,
  INSTRUMENTED_POP_JUMP_IF_NONE = 252, INSTRUMENTED_POP_JUMP_IF_NOT_NONE = 253, INSTRUMENTED_LINE = 254,
  INSTRUMENTED_END_FOR = 237, INSTRUMENTED_END_SEND = 238;
/** Typhon's private opcode filling the step array: "go back to the instrumented code" (see _Py_Instrumented). */
export const STEP_RETURN = 255;

const BASE_OF: Record<number, number> = {
  [INSTRUMENTED_RESUME]: RESUME, [INSTRUMENTED_RETURN_VALUE]: RETURN_VALUE, [INSTRUMENTED_RETURN_CONST]: RETURN_CONST,
  [INSTRUMENTED_YIELD_VALUE]: YIELD_VALUE, [INSTRUMENTED_FOR_ITER]: FOR_ITER, [INSTRUMENTED_CALL]: CALL,
  [INSTRUMENTED_CALL_KW]: CALL_KW, [INSTRUMENTED_CALL_FUNCTION_EX]: CALL_FUNCTION_EX,
  [INSTRUMENTED_JUMP_FORWARD]: JUMP_FORWARD, [INSTRUMENTED_JUMP_BACKWARD]: JUMP_BACKWARD,
  [INSTRUMENTED_POP_JUMP_IF_TRUE]: POP_JUMP_IF_TRUE, [INSTRUMENTED_POP_JUMP_IF_FALSE]: POP_JUMP_IF_FALSE,
  [INSTRUMENTED_POP_JUMP_IF_NONE]: POP_JUMP_IF_NONE, [INSTRUMENTED_POP_JUMP_IF_NOT_NONE]: POP_JUMP_IF_NOT_NONE,
  [INSTRUMENTED_END_FOR]: END_FOR, [INSTRUMENTED_END_SEND]: END_SEND,
};

// ---- per-code data (_PyCoMonitoringData) ----

export class CoMonitoringData {
  /** The code units without instrumentation (what de-instrumenting restores). */
  base: Uint16Array;
  /** All STEP_RETURN except the one slot being re-dispatched: runs one original instruction, then goes back. */
  step: Uint16Array;
  stepSlot: number;
  /** Line of each unit (-1: none, or a cache unit), and whether it starts a line (initialize_lines). */
  lines: Int32Array;
  lineStart: Uint8Array;
  /** The instruction executed before unit i when control falls through into it (for "same line" tests). */
  prevInstr: Int32Array;
  /** Tools of each local event set with set_local_events. */
  local: Uint8Array;
  /** Per local event, per unit: tools that returned DISABLE there (null until one does). */
  disabled: (Uint8Array | null)[];
  /** The opcode a LINE / INSTRUCTION layer re-dispatches at each unit. */
  afterLine: Uint8Array;
  afterInstruction: Uint8Array;
  constructor(code: PyCodeObject) {
    const n = _PyCode_Adaptive(code).length;
    this.base = _PyCode_Adaptive(code).slice();
    this.step = new Uint16Array(n + 1).fill(STEP_RETURN);
    this.stepSlot = 0;
    this.lines = new Int32Array(n).fill(-1);
    this.lineStart = new Uint8Array(n);
    this.prevInstr = new Int32Array(n).fill(-1);
    this.local = new Uint8Array(_PY_MONITORING_LOCAL_EVENTS);
    this.disabled = new Array<Uint8Array | null>(_PY_MONITORING_LOCAL_EVENTS).fill(null);
    this.afterLine = new Uint8Array(n);
    this.afterInstruction = new Uint8Array(n);
    initializeLines(code, this);
  }
}

function instrLength(base: Uint16Array, i: number): number {
  return 1 + (_PyOpcode_Caches[base[i] & 255] ?? 0);
}

/** initialize_lines: which instructions start a line (a new line in code order, a jump target, a handler). */
function initializeLines(code: PyCodeObject, m: CoMonitoringData): void {
  const base = m.base;
  const n = base.length;
  const loc = codeLocations(code);
  for (let i = 0; i < n; i++) m.lines[i] = loc[4 * i];
  let current = -1;
  let prev = -1;
  for (let i = code._co_firsttraceable; i < n;) {
    const opcode = base[i] & 255;
    const line = m.lines[i];
    const len = instrLength(base, i);
    m.prevInstr[i] = prev;
    if (opcode !== EXTENDED_ARG) prev = i;
    switch (opcode) {
      case END_ASYNC_FOR: case END_FOR: case END_SEND: case RESUME:
        break;
      default:
        if (line !== current && line >= 0) m.lineStart[i] = 1;
        current = line;
    }
    for (let j = 1; j < len; j++) m.lines[i + j] = -1;
    i += len;
  }
  for (let i = code._co_firsttraceable; i < n;) {
    let opcode = base[i] & 255;
    let oparg = 0;
    while (opcode === EXTENDED_ARG) {
      oparg = (oparg << 8) | (base[i] >> 8);
      i++;
      opcode = base[i] & 255;
    }
    oparg = (oparg << 8) | (base[i] >> 8);
    i += instrLength(base, i);
    let target = -1;
    switch (opcode) {
      case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE: case JUMP_FORWARD:
        target = i + oparg; break;
      case FOR_ITER: case SEND:
        target = i + oparg + 1; break;
      case JUMP_BACKWARD: case JUMP_BACKWARD_NO_INTERRUPT:
        target = i - oparg; break;
      default:
        continue;
    }
    if (target >= 0 && target < n && m.lines[target] >= 0) m.lineStart[target] = 1;
  }
  const t = code._exctable;
  for (let k = 0; k < t.length; k += 4) {
    const h = t[k + 2];
    if (h < n && m.lines[h] >= 0 && (base[h] & 255) !== END_ASYNC_FOR) m.lineStart[h] = 1;
  }
}

function monitoringData(code: PyCodeObject): CoMonitoringData {
  let m = code._co_monitoring as CoMonitoringData | null;
  if (m === null) {
    m = new CoMonitoringData(code);
    code._co_monitoring = m;
    monitoredCodes.add(code);
  }
  return m;
}

function toolsFor(m: CoMonitoringData | null, event: number): number {
  return event < _PY_MONITORING_LOCAL_EVENTS && m !== null ? globalTools[event] | m.local[event] : globalTools[event];
}

/** _Py_Instrument: rewrite the code's units for the events some tool wants, from the pristine copy. */
export function _Py_Instrument(code: PyCodeObject): void {
  const version = instrumentationVersion;
  let m = code._co_monitoring as CoMonitoringData | null;
  let any = false;
  for (let e = 0; e < _PY_MONITORING_LOCAL_EVENTS; e++) if (toolsFor(m, e) !== 0) { any = true; break; }
  if (!any) {
    if (m !== null) _PyCode_Adaptive(code).set(m.base);
    code._co_instrumentation_version = version;
    return;
  }
  m = monitoringData(code);
  const words = _PyCode_Adaptive(code);
  words.set(m.base);
  const base = m.base;
  const n = base.length;
  const start = (toolsFor(m, PY_MONITORING_EVENT_PY_START) | toolsFor(m, PY_MONITORING_EVENT_PY_RESUME)) !== 0;
  const ret = toolsFor(m, PY_MONITORING_EVENT_PY_RETURN) !== 0;
  const yld = toolsFor(m, PY_MONITORING_EVENT_PY_YIELD) !== 0;
  const call = toolsFor(m, PY_MONITORING_EVENT_CALL) !== 0;
  const line = toolsFor(m, PY_MONITORING_EVENT_LINE) !== 0;
  const jump = line || toolsFor(m, PY_MONITORING_EVENT_JUMP) !== 0;
  const branch = line || toolsFor(m, PY_MONITORING_EVENT_BRANCH) !== 0;
  const instr = toolsFor(m, PY_MONITORING_EVENT_INSTRUCTION) !== 0;
  const stopIteration = toolsFor(m, PY_MONITORING_EVENT_STOP_ITERATION) !== 0;
  for (let i = 0; i < n;) {
    const w = base[i];
    const op = w & 255;
    let inst = op;
    switch (op) {
      case RESUME: if (start) inst = INSTRUMENTED_RESUME; break;
      case RETURN_VALUE: if (ret) inst = INSTRUMENTED_RETURN_VALUE; break;
      case RETURN_CONST: if (ret) inst = INSTRUMENTED_RETURN_CONST; break;
      case YIELD_VALUE: if (yld) inst = INSTRUMENTED_YIELD_VALUE; break;
      case CALL: if (call) inst = INSTRUMENTED_CALL; break;
      case CALL_KW: if (call) inst = INSTRUMENTED_CALL_KW; break;
      case CALL_FUNCTION_EX: if (call) inst = INSTRUMENTED_CALL_FUNCTION_EX; break;
      case JUMP_FORWARD: if (jump) inst = INSTRUMENTED_JUMP_FORWARD; break;
      case JUMP_BACKWARD: if (jump) inst = INSTRUMENTED_JUMP_BACKWARD; break;
      case POP_JUMP_IF_TRUE: if (branch) inst = INSTRUMENTED_POP_JUMP_IF_TRUE; break;
      case POP_JUMP_IF_FALSE: if (branch) inst = INSTRUMENTED_POP_JUMP_IF_FALSE; break;
      case POP_JUMP_IF_NONE: if (branch) inst = INSTRUMENTED_POP_JUMP_IF_NONE; break;
      case POP_JUMP_IF_NOT_NONE: if (branch) inst = INSTRUMENTED_POP_JUMP_IF_NOT_NONE; break;
      case FOR_ITER: if (branch) inst = INSTRUMENTED_FOR_ITER; break;
      case END_FOR: if (stopIteration) inst = INSTRUMENTED_END_FOR; break;
      case END_SEND: if (stopIteration) inst = INSTRUMENTED_END_SEND; break;
      default: break;
    }
    m.afterInstruction[i] = inst;
    let top = inst;
    if (instr && i >= code._co_firsttraceable && op !== RESUME) top = INSTRUMENTED_INSTRUCTION;
    m.afterLine[i] = top;
    if (line && m.lineStart[i]) top = INSTRUMENTED_LINE;
    words[i] = (w & 0xff00) | top;
    i += instrLength(base, i);
  }
  code._co_instrumentation_version = version;
}

/** The loop's RESUME found the breaker word different from the code's version: instrument the code if the version
 * moved (returns true: re-run the RESUME, now maybe instrumented), else handle the pending flags. */
export function _Py_ResumeCheck(ts: PyThreadState, frame: PyFrameObject): boolean {
  const code = frame.f_code;
  if ((ts.eval_breaker - (ts.eval_breaker & _PY_EVAL_EVENTS_MASK)) !== instrumentationVersion) {
    ts.eval_breaker = instrumentationVersion + (ts.eval_breaker & _PY_EVAL_EVENTS_MASK);
  }
  if (code._co_instrumentation_version !== instrumentationVersion) {
    _Py_Instrument(code);
    return true;
  }
  vmHooks.handleEvalBreaker(ts);
  return false;
}

function setVersion(): void {
  instrumentationVersion += _PY_EVAL_VERSION_UNIT;
  const ts = _PyThreadState_GET();
  ts.eval_breaker = instrumentationVersion + (ts.eval_breaker & _PY_EVAL_EVENTS_MASK);
  let any = false;
  for (let e = 0; e < _PY_MONITORING_EVENTS; e++) if (globalTools[e] !== 0) any = true;
  for (const c of monitoredCodes) {
    const m = c._co_monitoring as CoMonitoringData;
    for (let e = 0; e < _PY_MONITORING_LOCAL_EVENTS; e++) if (m.local[e] !== 0) any = true;
  }
  _PyInstrumentation_active = any;
  // instrument_all_executing_code_objects: frames already running see their events at once.
  for (let f = ts.current_frame as PyFrameObject | null; f !== null; f = f.f_back) {
    if (f.f_code._co_instrumentation_version !== instrumentationVersion) _Py_Instrument(f.f_code);
  }
}

// ---- firing events ----

/** The tools that get `event` at unit `i` of the code (minus the ones that DISABLEd it there). */
function activeTools(code: PyCodeObject, event: number, i: number): number {
  const m = code._co_monitoring as CoMonitoringData | null;
  let tools = toolsFor(m, event);
  if (tools !== 0 && m !== null && event < _PY_MONITORING_LOCAL_EVENTS) {
    const d = m.disabled[event];
    if (d !== null) tools &= ~d[i];
  }
  return tools;
}

/** call_instrumentation_vector: call each tool's callback, highest tool id first; DISABLE turns the event off at this
 * location for that tool. A callback's exception propagates. */
function fire(ts: PyThreadState, event: number, code: PyCodeObject, i: number, args: PyVal[]): void {
  if (ts.tracing !== 0) return;
  let tools = activeTools(code, event, i);
  while (tools !== 0) {
    const tool = 31 - Math.clz32(tools);
    tools &= ~(1 << tool);
    const cb = callbacks[tool][event];
    if (cb === null) continue;
    const savedEvent = whatEvent;
    whatEvent = event;
    ts.tracing++;
    let res: PyVal;
    try {
      res = typeof cb === "function" ? (cb as NativeCallback)(code, args) : PyObject_Vectorcall(cb as PyVal, [code, ...args], null);
    } finally {
      ts.tracing--;
      whatEvent = savedEvent;
    }
    if (res === DISABLE) {
      if (event >= _PY_MONITORING_LOCAL_EVENTS) {
        callbacks[tool][event] = null;
        PyErr_Format(PyExc_ValueError, `Cannot disable ${EVENT_NAMES[event]} events. Callback removed.`);
      }
      const m = monitoringData(code);
      let d = m.disabled[event];
      if (d === null) d = m.disabled[event] = new Uint8Array(m.base.length);
      d[i] |= 1 << tool;
    }
  }
}

/** The event being delivered (tstate->what_event), for frame.f_lineno's setter; -1 outside callbacks. */
export let whatEvent = -1;

/** The last jump taken in an instrumented frame (so a LINE at its target knows the previous instruction). */
let jumpFrame: PyFrameObject | null = null;
let jumpFrom = -1;
let jumpTo = -1;

function recordJump(f: PyFrameObject, from: number, to: number): void {
  jumpFrame = f;
  jumpFrom = from;
  jumpTo = to;
}

/**
 * An INSTRUMENTED_* opcode at unit `here` of the frame (whose instr/stacktop the loop saved). Fires its events, then
 * either returns the step array with the next layer's opcode written at `here` (the loop re-dispatches from it; the
 * next fetch hits STEP_RETURN and goes back), or null after doing the instruction itself (the loop continues at
 * frame.instr with frame.stacktop).
 */
export function _Py_Instrumented(ts: PyThreadState, frame: PyFrameObject, opcode: number, oparg: number): Uint16Array | null {
  const code = frame.f_code;
  const here = frame.instr;
  const m = monitoringData(code);
  const stack = frame.localsplus;
  let sp = frame.stacktop;
  switch (opcode) {
    case INSTRUMENTED_LINE: {
      callLine(ts, frame, here, m);
      if (frame.instr !== here) {
        // The trace function jumped (f_lineno): the target's own LINE sees itself as the previous instruction, so no
        // second event for the line it jumped to (INSTRUMENTED_LINE dispatches with prev_instr == instr_ptr).
        recordJump(frame, frame.instr, frame.instr);
        return null;
      }
      return redispatch(m, here, m.afterLine[here]);
    }
    case INSTRUMENTED_INSTRUCTION:
      fire(ts, PY_MONITORING_EVENT_INSTRUCTION, code, here, [2 * here]);
      if (frame.instr !== here) return null;
      return redispatch(m, here, m.afterInstruction[here]);
    case INSTRUMENTED_RESUME: {
      if (code._co_instrumentation_version !== instrumentationVersion) {
        _Py_Instrument(code);
        return null; // re-run the (re-instrumented) RESUME
      }
      if ((ts.eval_breaker & _PY_EVAL_EVENTS_MASK) !== 0) vmHooks.handleEvalBreaker(ts);
      fire(ts, oparg === 0 ? PY_MONITORING_EVENT_PY_START : PY_MONITORING_EVENT_PY_RESUME, code, here, [2 * here]);
      if (frame.instr === here) frame.instr = here + 1;
      return null;
    }
    case INSTRUMENTED_RETURN_VALUE:
      fire(ts, PY_MONITORING_EVENT_PY_RETURN, code, here, [2 * here, stack[sp - 1]!]);
      return redispatch(m, here, RETURN_VALUE);
    case INSTRUMENTED_RETURN_CONST:
      fire(ts, PY_MONITORING_EVENT_PY_RETURN, code, here, [2 * here, code._consts[oparg]]);
      return redispatch(m, here, RETURN_CONST);
    case INSTRUMENTED_YIELD_VALUE:
      fire(ts, PY_MONITORING_EVENT_PY_YIELD, code, here, [2 * here, stack[sp - 1]!]);
      return redispatch(m, here, YIELD_VALUE);
    case INSTRUMENTED_END_FOR: {
      // (receiver, value -- receiver): reached when a generator run by FOR_ITER_GEN returns; CPython's FOR_ITER
      // specializes at its second run, so a generator ending during the instruction's first run reports nothing.
      const receiver = stack[sp - 2]!;
      if (Py_TYPE(receiver) === PyGen_Type && _PyCode_Adaptive(code)[forIterOf(m, here) + 1] === 2) {
        monitorStopIteration(ts, code, here, stack[sp - 1]!);
      }
      return redispatch(m, here, END_FOR);
    }
    case INSTRUMENTED_END_SEND: {
      // (receiver, value -- value): a generator or coroutine that `yield from`/`await` ran has returned.
      const t = Py_TYPE(stack[sp - 2]!);
      if (t === PyGen_Type || t === PyCoro_Type) monitorStopIteration(ts, code, here, stack[sp - 1]!);
      return redispatch(m, here, END_SEND);
    }
    case INSTRUMENTED_CALL:
    case INSTRUMENTED_CALL_KW: {
      const kw = opcode === INSTRUMENTED_CALL_KW;
      const top = kw ? sp - 1 : sp;
      const callable = stack[top - 2 - oparg]!;
      const selfOrNull = stack[top - 1 - oparg];
      let func = callable;
      let arg0: PyVal = MISSING!;
      if (selfOrNull !== null) arg0 = selfOrNull;
      else if (callable instanceof PyMethodObject) { func = callable.im_func; arg0 = callable.im_self; }
      else if (oparg > 0) arg0 = stack[top - oparg]!;
      fire(ts, PY_MONITORING_EVENT_CALL, code, here, [2 * here, func, arg0]);
      if (func instanceof PyFunctionObject || activeTools(code, PY_MONITORING_EVENT_CALL, here) === 0 ||
        (globalTools[PY_MONITORING_EVENT_C_RETURN] | globalTools[PY_MONITORING_EVENT_C_RAISE]) === 0) {
        return redispatch(m, here, kw ? CALL_KW : CALL);
      }
      // A native callee: call it here so that C_RETURN / C_RAISE follow (CALL's instrumented exits).
      let argStart = top - oparg;
      let total = oparg;
      if (selfOrNull !== null) { argStart--; total++; }
      const args = stack.slice(argStart, argStart + total) as PyVal[];
      let kwnames: PyVal[] | null = null;
      if (kw) {
        kwnames = (stack[sp - 1] as PyTupleObject).ob_item;
      }
      let callArgs = args;
      let target = callable;
      if (selfOrNull === null && callable instanceof PyMethodObject) { target = callable.im_func; callArgs = [callable.im_self, ...args]; }
      const res = callNative(ts, code, here, target, callArgs, kwnames, func, arg0);
      for (let k = top - 2 - oparg; k < sp; k++) stack[k] = null;
      sp = top - 2 - oparg;
      stack[sp++] = res;
      frame.stacktop = sp;
      frame.instr = here + 1 + (kw ? 0 : _PyOpcode_Caches[CALL]);
      return null;
    }
    case INSTRUMENTED_CALL_FUNCTION_EX: {
      const kwargs = oparg & 1 ? stack[sp - 1] : null;
      const callargs = stack[sp - 1 - (oparg & 1)]!;
      const func = stack[sp - 3 - (oparg & 1)]!;
      let arg0: PyVal = MISSING!;
      if (callargs instanceof PyTupleObject && callargs.ob_item.length > 0) arg0 = callargs.ob_item[0];
      fire(ts, PY_MONITORING_EVENT_CALL, code, here, [2 * here, func, arg0]);
      const isPy = func instanceof PyFunctionObject || (func instanceof PyMethodObject && func.im_func instanceof PyFunctionObject);
      if (isPy || (globalTools[PY_MONITORING_EVENT_C_RETURN] | globalTools[PY_MONITORING_EVENT_C_RAISE]) === 0) {
        return redispatch(m, here, CALL_FUNCTION_EX);
      }
      const argv = callargs instanceof PyTupleObject ? callargs.ob_item.slice() : [];
      let kwn: PyVal[] | null = null;
      if (kwargs !== null && kwargs !== undefined && kwargs instanceof PyDictObject && kwargs.ma_used > 0) {
        kwn = [];
        for (let j = 0; j < kwargs.dk_nentries; j++) {
          const k = kwargs.me_key[j];
          if (k === null) continue;
          kwn.push(k);
          argv.push(kwargs.me_value[j]!);
        }
      }
      if (!(callargs instanceof PyTupleObject)) return redispatch(m, here, CALL_FUNCTION_EX);
      const res = callNative(ts, code, here, func, argv, kwn, func, arg0);
      const base = sp - 3 - (oparg & 1);
      for (let k = base; k < sp; k++) stack[k] = null;
      sp = base;
      stack[sp++] = res;
      frame.stacktop = sp;
      frame.instr = here + 1;
      return null;
    }
    case INSTRUMENTED_JUMP_FORWARD: {
      const dest = here + 1 + oparg;
      jumpEvent(ts, frame, PY_MONITORING_EVENT_JUMP, here, dest);
      return null;
    }
    case INSTRUMENTED_JUMP_BACKWARD: {
      const dest = here + 1 + _PyOpcode_Caches[JUMP_BACKWARD] - oparg;
      if ((ts.eval_breaker & _PY_EVAL_EVENTS_MASK) !== 0) vmHooks.handleEvalBreaker(ts);
      jumpEvent(ts, frame, PY_MONITORING_EVENT_JUMP, here, dest);
      return null;
    }
    case INSTRUMENTED_POP_JUMP_IF_TRUE:
    case INSTRUMENTED_POP_JUMP_IF_FALSE:
    case INSTRUMENTED_POP_JUMP_IF_NONE:
    case INSTRUMENTED_POP_JUMP_IF_NOT_NONE: {
      const v = stack[--sp];
      stack[sp] = null;
      frame.stacktop = sp;
      const taken = opcode === INSTRUMENTED_POP_JUMP_IF_TRUE ? v === Py_True : opcode === INSTRUMENTED_POP_JUMP_IF_FALSE
        ? v === Py_False : opcode === INSTRUMENTED_POP_JUMP_IF_NONE ? v === Py_None : v !== Py_None;
      const next = here + 1 + _PyOpcode_Caches[POP_JUMP_IF_TRUE];
      jumpEvent(ts, frame, PY_MONITORING_EVENT_BRANCH, here, taken ? next + oparg : next);
      return null;
    }
    case INSTRUMENTED_FOR_ITER: {
      const iter = stack[sp - 1]!;
      const t = Py_TYPE(iter);
      const next = here + 1 + _PyOpcode_Caches[FOR_ITER];
      const v = t.tp_iternext === null ? undefined : t.tp_iternext(iter);
      if (v !== undefined) {
        stack[sp++] = v;
        frame.stacktop = sp;
        jumpEvent(ts, frame, PY_MONITORING_EVENT_BRANCH, here, next);
      } else {
        // An iterator that ended by raising StopIteration (a Python __next__, a generator returning a value) is
        // reported as RAISE at the FOR_ITER, as _FOR_ITER's monitor_raise does; builtin iterators end silently.
        const stop = stopIterationOf(iter);
        if (stop !== null) {
          frame.instr = here;
          const e = _Py_MonitorRaise(ts, frame, here, stop, false);
          if (e !== stop) throw e;
        }
        stack[--sp] = null;
        frame.stacktop = sp;
        // Exhausted: skip END_FOR and POP_TOP (the branch event names the END_FOR, as INSTRUMENTED_FOR_ITER does).
        jumpEvent(ts, frame, PY_MONITORING_EVENT_BRANCH, here, next + oparg, next + oparg + 2);
      }
      return null;
    }
    default:
      return PyErr_Format(PyExc_ValueError, `unknown instrumented opcode ${opcode}`);
  }
}

/** monitor_stop_iteration: STOP_ITERATION with the StopIteration that PEP 380 says the return raises
 *  (PyErr_SetObject(PyExc_StopIteration, value): a tuple value becomes the arguments). */
function monitorStopIteration(ts: PyThreadState, code: PyCodeObject, here: number, value: PyVal): void {
  if (activeTools(code, PY_MONITORING_EVENT_STOP_ITERATION, here) === 0) return;
  const exc = value instanceof PyBaseExceptionObject && PyType_IsSubtype(Py_TYPE(value), PyExc_StopIteration) ? value
    : _PyErr_CreateException(PyExc_StopIteration, value === Py_None ? [] : value instanceof PyTupleObject ? value.ob_item.slice() : [value]);
  fire(ts, PY_MONITORING_EVENT_STOP_ITERATION, code, here, [2 * here, exc]);
}

/** The FOR_ITER whose exhausted generator returns into the END_FOR at unit `endFor` (FOR_ITER jumps to
 *  next + oparg, where its END_FOR is). */
function forIterOf(m: CoMonitoringData, endFor: number): number {
  const base = m.base;
  for (let i = 0; i < base.length;) {
    let op = base[i] & 255;
    let oparg = base[i] >> 8;
    while (op === EXTENDED_ARG) {
      i++;
      op = base[i] & 255;
      oparg = (oparg << 8) | (base[i] >> 8);
    }
    const len = instrLength(base, i);
    if (op === FOR_ITER && i + len + oparg === endFor) return i;
    i += len;
  }
  return -2;
}

function stopIterationOf(iter: PyVal): PyBaseExceptionObject | null {
  if (iter instanceof PyGenObject) {
    if (Py_TYPE(iter) !== PyGen_Type || genResult === Py_None) return null;
    return _PyErr_CreateException(PyExc_StopIteration, [genResult]);
  }
  if (!hasFlag(Py_TYPE(iter), Py_TPFLAGS_HEAPTYPE)) return null;
  const v = lastStopValue;
  return _PyErr_CreateException(PyExc_StopIteration, v === Py_None ? [] : [v]);
}

function redispatch(m: CoMonitoringData, here: number, opcode: number): Uint16Array {
  const step = m.step;
  step[m.stepSlot] = STEP_RETURN;
  step[here] = (m.base[here] & 0xff00) | opcode;
  m.stepSlot = here;
  return step;
}

/** A jump or branch: fire JUMP/BRANCH(src, dest), then continue at dest (or where the callback moved the frame). */
function jumpEvent(ts: PyThreadState, frame: PyFrameObject, event: number, here: number, dest: number, land = dest): void {
  const code = frame.f_code;
  frame.instr = land;
  recordJump(frame, here, land);
  if (activeTools(code, event, here) !== 0) {
    frame.instr = here;
    fire(ts, event, code, here, [2 * here, 2 * dest]);
    if (frame.instr === here) frame.instr = land;
    recordJump(frame, here, frame.instr);
  }
}

function callNative(ts: PyThreadState, code: PyCodeObject, here: number, target: PyVal, args: PyVal[], kwnames: PyVal[] | null,
  func: PyVal, arg0: PyVal): PyVal {
  let res: PyVal;
  try {
    res = PyObject_Vectorcall(target, args, kwnames);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject) fire(ts, PY_MONITORING_EVENT_C_RAISE, code, here, [2 * here, func, arg0]);
    throw e;
  }
  fire(ts, PY_MONITORING_EVENT_C_RETURN, code, here, [2 * here, func, arg0]);
  return res;
}

/** _Py_call_instrumentation_line: a LINE event unless the previous instruction was on the same line (and not RESUME). */
function callLine(ts: PyThreadState, frame: PyFrameObject, i: number, m: CoMonitoringData): void {
  if (ts.tracing !== 0) return;
  const code = frame.f_code;
  const line = m.lines[i];
  let prev: number;
  if (jumpFrame === frame && jumpTo === i) prev = jumpFrom;
  else prev = m.prevInstr[i];
  jumpFrame = null;
  if (prev >= 0 && m.lines[prev] === line && (m.base[prev] & 255) !== RESUME) return;
  const tools = activeTools(code, PY_MONITORING_EVENT_LINE, i);
  if (tools === 0) return;
  fire(ts, PY_MONITORING_EVENT_LINE, code, i, [line]);
}

// ---- the loop's exception path ----

/** An exception was raised (or re-raised) at unit `here` of the frame: RAISE / RERAISE, and for a handler the jump
 * to it (EXCEPTION_HANDLED). Returns the exception to continue with (a callback's own exception replaces it). */
export function _Py_MonitorRaise(ts: PyThreadState, frame: PyFrameObject, here: number, exc: PyBaseExceptionObject,
  reraise: boolean, fromCallee = false): PyBaseExceptionObject {
  const code = frame.f_code;
  // CPython reports next_instr - 1: in a caller (the exception came out of its CALL) and after throw() that is one
  // unit before the instruction; in the raising frame, the instruction's last inline-cache unit.
  let at: number;
  if (throwPending) at = throwAt - 1;
  else if (fromCallee) at = here - 1;
  else if (reraise) at = here;
  else {
    const m = code._co_monitoring as CoMonitoringData | null;
    at = here + (_PyOpcode_Caches[(m !== null ? m.base[here] : _PyCode_Adaptive(code)[here]) & 255] ?? 0);
  }
  throwPending = false;
  const event = reraise ? PY_MONITORING_EVENT_RERAISE : PY_MONITORING_EVENT_RAISE;
  try {
    if (activeTools(code, event, at) !== 0) fire(ts, event, code, at, [2 * at, exc]);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject) return e;
    throw e;
  }
  return exc;
}

/** A handler at `target` catches the exception raised at `here`: EXCEPTION_HANDLED; a LINE at the handler compares
 * with the raising instruction's line. */
export function _Py_MonitorHandled(ts: PyThreadState, frame: PyFrameObject, here: number, target: number, exc: PyBaseExceptionObject): void {
  recordJump(frame, here, target);
  const code = frame.f_code;
  if (activeTools(code, PY_MONITORING_EVENT_EXCEPTION_HANDLED, target) === 0) return;
  try {
    fire(ts, PY_MONITORING_EVENT_EXCEPTION_HANDLED, code, target, [2 * target, exc]);
  } catch {
    // DEVIATION: an exception raised by an EXCEPTION_HANDLED callback is dropped (CPython unwinds with it).
  }
  recordJump(frame, here, target);
}

/** The exception leaves the frame (PY_UNWIND); returns the exception to continue with. */
export function _Py_MonitorUnwind(ts: PyThreadState, frame: PyFrameObject, here: number, exc: PyBaseExceptionObject): PyBaseExceptionObject {
  const code = frame.f_code;
  if (activeTools(code, PY_MONITORING_EVENT_PY_UNWIND, here) === 0) return exc;
  try {
    fire(ts, PY_MONITORING_EVENT_PY_UNWIND, code, here, [2 * here, exc]);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject) return e;
    throw e;
  }
  return exc;
}

/** generator.throw() resumes the frame with an exception (PY_THROW, before the RAISE of the loop's error path). */
/** Set by PY_THROW for the RAISE that follows it in the loop's error path. */
let throwPending = false;
/** Where that PY_THROW was reported: the frame's resume point (the loop raises the exception one unit earlier). */
let throwAt = 0;

export function _Py_MonitorThrow(ts: PyThreadState, frame: PyFrameObject, here: number, exc: PyBaseExceptionObject): void {
  const code = frame.f_code;
  if (code._co_instrumentation_version !== instrumentationVersion) _Py_Instrument(code);
  throwPending = true;
  throwAt = here;
  if (activeTools(code, PY_MONITORING_EVENT_PY_THROW, here) === 0) return;
  fire(ts, PY_MONITORING_EVENT_PY_THROW, code, here, [2 * here, exc]);
}

// ---- sys.monitoring ----

function checkTool(tool: number, allowSys = false): void {
  if (tool < 0 || tool >= (allowSys ? PY_MONITORING_TOOL_IDS : PY_MONITORING_SYS_PROFILE_ID)) {
    PyErr_Format(PyExc_ValueError, `invalid tool ${tool} (must be between 0 and 5)`);
  }
}

export function monitoring_use_tool_id(tool: number, name: PyVal): void {
  checkTool(tool);
  if (!(name instanceof PyObject) || Py_TYPE(name).tp_name !== "str") PyErr_Format(PyExc_ValueError, "tool name must be a str");
  if (toolNames[tool] !== null) PyErr_Format(PyExc_ValueError, `tool ${tool} is already in use`);
  toolNames[tool] = name;
}

export function monitoring_free_tool_id(tool: number): void {
  checkTool(tool);
  toolNames[tool] = null;
}

export function monitoring_get_tool(tool: number): PyVal {
  checkTool(tool);
  return toolNames[tool] ?? Py_None;
}

export function monitoring_register_callback(tool: number, events: number, func: PyVal): PyVal {
  checkTool(tool);
  if (events === 0 || (events & (events - 1)) !== 0) {
    return PyErr_Format(PyExc_ValueError, "The callback can only be set for one event at a time");
  }
  const e = 31 - Math.clz32(events);
  if (e >= _PY_MONITORING_EVENTS) return PyErr_Format(PyExc_ValueError, `invalid event ${events}`);
  return registerCallback(tool, e, func === Py_None ? null : func) as PyVal ?? Py_None;
}

function registerCallback(tool: number, event: number, cb: Callback | null): Callback | null {
  const old = callbacks[tool][event];
  callbacks[tool][event] = cb;
  return old;
}

function eventSetFromBits(events: number, local: boolean): number {
  if (events < 0 || events >= 1 << _PY_MONITORING_EVENTS) {
    PyErr_Format(PyExc_ValueError, `invalid ${local ? "local " : ""}event set 0x${(events >>> 0).toString(16)}`);
  }
  if (events & C_RETURN_EVENTS) {
    PyErr_Format(PyExc_ValueError, "cannot set C_RETURN or C_RAISE events independently");
  }
  if (local && events >= 1 << _PY_MONITORING_LOCAL_EVENTS) {
    PyErr_Format(PyExc_ValueError, `invalid local event set 0x${events.toString(16)}`);
  }
  return events;
}

export function monitoring_get_events(tool: number): number {
  checkTool(tool);
  return getEvents(tool);
}

function getEvents(tool: number): number {
  let r = 0;
  for (let e = 0; e < _PY_MONITORING_EVENTS; e++) if (globalTools[e] & (1 << tool)) r |= 1 << e;
  return r & ~C_RETURN_EVENTS;
}

export function monitoring_set_events(tool: number, events: number): void {
  checkTool(tool);
  eventSetFromBits(events, false);
  _PyMonitoring_SetEvents(tool, events);
}

/** _PyMonitoring_SetEvents: CALL carries C_RETURN and C_RAISE. */
export function _PyMonitoring_SetEvents(tool: number, events: number): void {
  if (events & (1 << PY_MONITORING_EVENT_CALL)) events |= C_RETURN_EVENTS;
  let changed = false;
  for (let e = 0; e < _PY_MONITORING_EVENTS; e++) {
    const on = (events & (1 << e)) !== 0;
    const was = (globalTools[e] & (1 << tool)) !== 0;
    if (on !== was) {
      changed = true;
      globalTools[e] = on ? globalTools[e] | (1 << tool) : globalTools[e] & ~(1 << tool);
    }
  }
  if (changed) setVersion();
}

export function monitoring_get_local_events(tool: number, code: PyVal): number {
  checkTool(tool);
  if (!(code instanceof PyCodeObject)) return PyErr_Format(PyExc_ValueError, "code must be a code object");
  const m = code._co_monitoring as CoMonitoringData | null;
  let r = 0;
  if (m !== null) for (let e = 0; e < _PY_MONITORING_LOCAL_EVENTS; e++) if (m.local[e] & (1 << tool)) r |= 1 << e;
  return r;
}

export function monitoring_set_local_events(tool: number, code: PyVal, events: number): void {
  checkTool(tool);
  if (!(code instanceof PyCodeObject)) { PyErr_Format(PyExc_ValueError, "code must be a code object"); return; }
  eventSetFromBits(events, true);
  _PyMonitoring_SetLocalEvents(code, tool, events);
}

export function _PyMonitoring_SetLocalEvents(code: PyCodeObject, tool: number, events: number): void {
  _PyCode_Materialize(code);
  const m = monitoringData(code);
  let changed = false;
  for (let e = 0; e < _PY_MONITORING_LOCAL_EVENTS; e++) {
    const on = (events & (1 << e)) !== 0;
    if (on !== ((m.local[e] & (1 << tool)) !== 0)) {
      changed = true;
      m.local[e] = on ? m.local[e] | (1 << tool) : m.local[e] & ~(1 << tool);
    }
  }
  if (changed) setVersion();
}

export function monitoring_restart_events(): void {
  for (const c of monitoredCodes) (c._co_monitoring as CoMonitoringData).disabled.fill(null);
  setVersion();
}

export function monitoring_all_events(): [string, number][] {
  const out: [string, number][] = [];
  for (let e = 0; e < _PY_MONITORING_EVENTS; e++) {
    if (e === PY_MONITORING_EVENT_C_RETURN || e === PY_MONITORING_EVENT_C_RAISE) continue;
    if (globalTools[e] !== 0) out.push([EVENT_NAMES[e], globalTools[e]]);
  }
  return out;
}

// ---- legacy tracing (Python/legacy_tracing.c, the trampolines of Python/sysmodule.c) ----

const PyTrace_CALL = 0, PyTrace_EXCEPTION = 1, PyTrace_LINE = 2, PyTrace_RETURN = 3, PyTrace_C_CALL = 4,
  PyTrace_C_EXCEPTION = 5, PyTrace_C_RETURN = 6, PyTrace_OPCODE = 7;
const WHAT = ["call", "exception", "line", "return", "c_call", "c_exception", "c_return", "opcode"] as const;
let whatStrings: PyUnicodeObject[] | null = null;

function what(kind: number): PyUnicodeObject {
  if (whatStrings === null) whatStrings = WHAT.map((w) => vmHooks.intern(w));
  return whatStrings[kind];
}

function currentFrame(): PyFrameObject {
  return _PyThreadState_GET().current_frame as PyFrameObject;
}

/** trace_trampoline: the global function for 'call', the frame's f_trace for the rest; its result becomes f_trace. */
function callTrace(frame: PyFrameObject, kind: number, arg: PyVal): PyVal {
  const ts = _PyThreadState_GET();
  if (ts.c_tracefunc === null) return Py_None;
  const callback = kind === PyTrace_CALL ? ts.c_tracefunc : frame.f_trace;
  if (callback === Py_None) return Py_None;
  let result: PyVal;
  try {
    result = PyObject_Vectorcall(callback, [frame, what(kind), arg], null);
  } catch (e) {
    _PyEval_SetTrace(ts, null);
    frame.f_trace = Py_None;
    throw e;
  } finally {
    frame.f_lineno = 0;
  }
  if (result !== Py_None) frame.f_trace = result;
  return Py_None;
}

function callProfile(frame: PyFrameObject, kind: number, arg: PyVal): PyVal {
  const ts = _PyThreadState_GET();
  const f = ts.c_profilefunc;
  if (f === null) return Py_None;
  try {
    PyObject_Vectorcall(f, [frame, what(kind), arg], null);
  } catch (e) {
    _PyEval_SetProfile(ts, null);
    throw e;
  }
  return Py_None;
}

/** sys_profile_call_or_return: only builtin functions and method descriptors (bound for the call) are reported. */
function profileCallOrReturn(kind: number): NativeCallback {
  return (_code, args) => {
    const callable = args[1];
    const t = Py_TYPE(callable);
    if (t === PyCFunction_Type || PyType_IsSubtype(t, PyCFunction_Type)) return callProfile(currentFrame(), kind, callable);
    if (t === PyMethodDescr_Type) {
      const self = args[2];
      if (self === MISSING) return Py_None;
      const meth = t.tp_descr_get!(callable, self, Py_TYPE(self));
      return callProfile(currentFrame(), kind, meth);
    }
    return Py_None;
  };
}

function traceLine(frame: PyFrameObject, line: number): PyVal {
  if (!frame.f_trace_lines || line < 0) return Py_None;
  frame.f_lineno = line;
  return callTrace(frame, PyTrace_LINE, Py_None);
}

let profileInitialized = false;
let traceInitialized = false;
let opcodeTraceWanted = false;

function setupProfile(): void {
  if (profileInitialized) return;
  profileInitialized = true;
  const P = PY_MONITORING_SYS_PROFILE_ID;
  const start: NativeCallback = () => callProfile(currentFrame(), PyTrace_CALL, Py_None);
  registerCallback(P, PY_MONITORING_EVENT_PY_START, start);
  registerCallback(P, PY_MONITORING_EVENT_PY_RESUME, start);
  registerCallback(P, PY_MONITORING_EVENT_PY_THROW, start);
  const ret: NativeCallback = (_c, a) => callProfile(currentFrame(), PyTrace_RETURN, a[1]);
  registerCallback(P, PY_MONITORING_EVENT_PY_RETURN, ret);
  registerCallback(P, PY_MONITORING_EVENT_PY_YIELD, ret);
  registerCallback(P, PY_MONITORING_EVENT_PY_UNWIND, () => callProfile(currentFrame(), PyTrace_RETURN, Py_None));
  registerCallback(P, PY_MONITORING_EVENT_CALL, profileCallOrReturn(PyTrace_C_CALL));
  callbacks[P][PY_MONITORING_EVENT_C_RETURN] = profileCallOrReturn(PyTrace_C_RETURN);
  callbacks[P][PY_MONITORING_EVENT_C_RAISE] = profileCallOrReturn(PyTrace_C_EXCEPTION);
}

function setupTrace(): void {
  if (traceInitialized) return;
  traceInitialized = true;
  const T = PY_MONITORING_SYS_TRACE_ID;
  const start: NativeCallback = () => callTrace(currentFrame(), PyTrace_CALL, Py_None);
  registerCallback(T, PY_MONITORING_EVENT_PY_START, start);
  registerCallback(T, PY_MONITORING_EVENT_PY_RESUME, start);
  registerCallback(T, PY_MONITORING_EVENT_PY_THROW, start);
  const ret: NativeCallback = (_c, a) => callTrace(currentFrame(), PyTrace_RETURN, a[1]);
  registerCallback(T, PY_MONITORING_EVENT_PY_RETURN, ret);
  registerCallback(T, PY_MONITORING_EVENT_PY_YIELD, ret);
  const exc: NativeCallback = (_c, a) => {
    const e = a[1] as PyBaseExceptionObject;
    return callTrace(currentFrame(), PyTrace_EXCEPTION, PyTuple_New([Py_TYPE(e), e, e.traceback ?? Py_None]));
  };
  registerCallback(T, PY_MONITORING_EVENT_RAISE, exc);
  registerCallback(T, PY_MONITORING_EVENT_STOP_ITERATION, exc);
  registerCallback(T, PY_MONITORING_EVENT_LINE, (_c, a) => traceLine(currentFrame(), a[0] as number));
  registerCallback(T, PY_MONITORING_EVENT_PY_UNWIND, () => callTrace(currentFrame(), PyTrace_RETURN, Py_None));
  // sys_trace_jump_func: settrace reports a backward jump within one line as a new 'line' event.
  registerCallback(T, PY_MONITORING_EVENT_JUMP, (code, a) => {
    const from = (a[0] as number) >> 1, to = (a[1] as number) >> 1;
    if (to > from) return DISABLE!;
    const m = code._co_monitoring as CoMonitoringData;
    const toLine = m.lines[to], fromLine = m.lines[from];
    if (toLine !== fromLine) return DISABLE!;
    const f = currentFrame();
    if (!f.f_trace_lines) return Py_None;
    return traceLine(f, toLine);
  });
  registerCallback(T, PY_MONITORING_EVENT_INSTRUCTION, () => {
    const f = currentFrame();
    if (!f.f_trace_opcodes) return Py_None;
    return callTrace(f, PyTrace_OPCODE, Py_None);
  });
}

function traceEvents(): number {
  let ev = (1 << PY_MONITORING_EVENT_PY_START) | (1 << PY_MONITORING_EVENT_PY_RESUME) |
    (1 << PY_MONITORING_EVENT_PY_RETURN) | (1 << PY_MONITORING_EVENT_PY_YIELD) | (1 << PY_MONITORING_EVENT_RAISE) |
    (1 << PY_MONITORING_EVENT_LINE) | (1 << PY_MONITORING_EVENT_JUMP) | (1 << PY_MONITORING_EVENT_PY_UNWIND) |
    (1 << PY_MONITORING_EVENT_PY_THROW) | (1 << PY_MONITORING_EVENT_STOP_ITERATION);
  if (opcodeTraceWanted) ev |= 1 << PY_MONITORING_EVENT_INSTRUCTION;
  return ev;
}

/** _PyEval_SetTrace: sys.settrace(func) (null: off). */
export function _PyEval_SetTrace(ts: PyThreadState, func: PyVal | null): void {
  setupTrace();
  ts.c_tracefunc = func;
  _PyMonitoring_SetEvents(PY_MONITORING_SYS_TRACE_ID, func === null ? 0 : traceEvents());
}

/** _PyEval_SetProfile: sys.setprofile(func) (null: off). */
export function _PyEval_SetProfile(ts: PyThreadState, func: PyVal | null): void {
  setupProfile();
  ts.c_profilefunc = func;
  const events = func === null ? 0 : (1 << PY_MONITORING_EVENT_PY_START) | (1 << PY_MONITORING_EVENT_PY_RESUME) |
    (1 << PY_MONITORING_EVENT_PY_RETURN) | (1 << PY_MONITORING_EVENT_PY_YIELD) | (1 << PY_MONITORING_EVENT_CALL) |
    (1 << PY_MONITORING_EVENT_PY_UNWIND) | (1 << PY_MONITORING_EVENT_PY_THROW);
  _PyMonitoring_SetEvents(PY_MONITORING_SYS_PROFILE_ID, events);
}

/** frame.f_trace_opcodes = True: opcode events for traced frames (INSTRUCTION on the sys.settrace tool). */
export function _PyEval_SetOpcodeTrace(enable: boolean): void {
  if (!enable || opcodeTraceWanted) return;
  opcodeTraceWanted = true;
  const ts = _PyThreadState_GET();
  if (ts.c_tracefunc !== null) _PyMonitoring_SetEvents(PY_MONITORING_SYS_TRACE_ID, traceEvents());
}

// ---- setting frame.f_lineno from a trace function (frame_setlineno) ----

/** The checks of frame_setlineno that depend on the event; the jump itself moves frame.instr (the loop continues
 * there after the callback). Returns the unit to jump to. */
export function _PyFrame_SetLineNumber(f: PyFrameObject, newLine: PyVal | null): void {
  if (newLine === null) { PyErr_Format(PyExc_AttributeError, "cannot delete attribute"); return; }
  if (typeof newLine !== "number") { PyErr_Format(PyExc_ValueError, "lineno must be an integer"); return; }
  switch (whatEvent) {
    case -1:
      PyErr_Format(PyExc_ValueError, "f_lineno can only be set in a trace function");
      break;
    case PY_MONITORING_EVENT_PY_RESUME: case PY_MONITORING_EVENT_JUMP: case PY_MONITORING_EVENT_BRANCH:
    case PY_MONITORING_EVENT_LINE: case PY_MONITORING_EVENT_PY_YIELD:
      break;
    case PY_MONITORING_EVENT_PY_START:
      PyErr_Format(PyExc_ValueError, "can't jump from the 'call' trace event of a new frame");
      break;
    case PY_MONITORING_EVENT_CALL: case PY_MONITORING_EVENT_C_RETURN:
      PyErr_Format(PyExc_ValueError, "can't jump during a call");
      break;
    default:
      PyErr_Format(PyExc_ValueError, "can only jump from a 'line' trace event");
  }
  const code = f.f_code;
  if (newLine < code.co_firstlineno) {
    PyErr_Format(PyExc_ValueError, `line ${newLine} comes before the current code block`);
  }
  const m = monitoringData(code);
  // first_line_not_before: the smallest line with code at or after the requested one.
  let best = -1;
  for (let i = 0; i < m.lines.length; i++) {
    const l = m.lines[i];
    if (l >= newLine && (best < 0 || l < best)) best = l;
  }
  if (best < 0) PyErr_Format(PyExc_ValueError, `line ${newLine} comes after the current code block`);
  const stacks = markStacks(code, m);
  const start = stacks[f.instr];
  let target = -1;
  let err = -1;
  let msg = "cannot find bytecode for specified line";
  for (let i = 0; i < m.lines.length; i++) {
    if (m.lines[i] !== best) continue;
    const s = stacks[i];
    if (s !== null && compatibleStack(start, s)) {
      err = 0;
      if (target < 0 || s.length > (stacks[target] as string).length) target = i;
    } else if (err < 0) {
      if (start === null) msg = "can't jump from unreachable code";
      else {
        msg = s === null ? "can't jump into an exception handler, or code may be unreachable" : explainIncompatible(s);
        err = 1;
      }
    }
  }
  if (target < 0) { PyErr_Format(PyExc_ValueError, msg); return; }
  // Locals the compiler may have proven bound at the target are bound to None (frame_setlineno's warning).
  let unbound = 0;
  for (let i = 0; i < code.co_nlocalsplus; i++) if (f.localsplus[i] === null) unbound++;
  if (unbound > 0) {
    abstractHooks.warn(PyExc_RuntimeWarning, `assigning None to ${unbound} unbound local${unbound === 1 ? "" : "s"}`, 0);
    for (let i = 0; i < code.co_nlocalsplus; i++) if (f.localsplus[i] === null) f.localsplus[i] = Py_None;
  }
  f.f_lineno = 0;
  f.instr = target;
}

/** A simplified mark_stacks: the kind of each value-stack entry ('o' object, 'i' iterator, 'e' exception, 'l' lasti,
 * 'n' null) at the start of each instruction reachable from the entry. */
function markStacks(code: PyCodeObject, m: CoMonitoringData): (string | null)[] {
  const base = m.base;
  const n = base.length;
  const stacks: (string | null)[] = new Array<string | null>(n).fill(null);
  stacks[0] = "";
  const work: number[] = [0];
  const t = code._exctable;
  const push = (i: number, s: string): void => {
    if (i < n && stacks[i] === null) { stacks[i] = s; work.push(i); }
  };
  while (work.length > 0) {
    let i = work.pop()!;
    let s = stacks[i]!;
    let oparg = 0;
    for (;;) {
      const op = base[i] & 255;
      oparg = (oparg << 8) | (base[i] >> 8);
      const len = instrLength(base, i);
      const next = i + len;
      // Handlers covering this instruction.
      const h = findHandler(code, i);
      if (h >= 0) {
        const depth = t[4 * h + 3] >> 1, lasti = t[4 * h + 3] & 1;
        push(t[4 * h + 2], s.slice(0, depth) + (lasti ? "l" : "") + "e");
      }
      if (op === EXTENDED_ARG) { i = next; stacks[i] = s; continue; }
      const arg = oparg;
      oparg = 0;
      let ns = s;
      let fall = true;
      switch (op) {
        case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE:
          ns = s.slice(0, -1); push(next + arg, ns); break;
        case JUMP_FORWARD: push(next + arg, s); fall = false; break;
        case JUMP_BACKWARD: case JUMP_BACKWARD_NO_INTERRUPT: push(next - arg, s); fall = false; break;
        case 19 /* GET_ITER */: case 16 /* GET_AITER */: ns = s.slice(0, -1) + "i"; break;
        case FOR_ITER: push(next + arg + 2, s.slice(0, -1)); ns = s + "o"; break;
        case END_FOR: ns = s.slice(0, -1); break;
        case 33 /* PUSH_EXC_INFO */: ns = s.slice(0, -1) + "ee"; break;
        case 31 /* POP_EXCEPT */: ns = s.slice(0, -1); break;
        case 36: case 103: case 102: case 101: case 22: fall = false; break;
        case 34 /* PUSH_NULL */: ns = s + "n"; break;
        default: {
          const eff = stackEffect(op, arg);
          if (eff === null) { fall = false; break; }
          const [popped, pushed] = eff;
          ns = s.slice(0, Math.max(0, s.length - popped)) + "o".repeat(pushed);
        }
      }
      if (!fall || next >= n) break;
      if (stacks[next] !== null) break;
      stacks[next] = ns;
      i = next;
      s = ns;
    }
  }
  return stacks;
}

/** Values popped and pushed by an instruction, from the generated stack_effect table (its net effect: kinds below
 * the popped part are kept, pushed values are objects). */
function stackEffect(op: number, oparg: number): [number, number] | null {
  const e = stack_effect(op, oparg, false);
  if (e === null) return null;
  return e >= 0 ? [0, e] : [-e, 0];
}

/** compatible_stack: pop `from` down to the target's depth, then each kind must fit (an object slot takes anything
 * but NULL, a NULL slot takes anything). */
function compatibleStack(from: string | null, to: string): boolean {
  if (from === null || to.length > from.length) return false;
  for (let k = 0; k < to.length; k++) {
    if (from[k] === to[k] || to[k] === "n") continue;
    if (to[k] === "o" && from[k] !== "n") continue;
    return false;
  }
  return true;
}

function explainIncompatible(to: string): string {
  const top = to[to.length - 1];
  if (top === "e") return "can't jump into an 'except' block as there's no exception";
  if (top === "l") return "can't jump into a re-raising block as there's no location";
  if (top === "i") return "can't jump into the body of a for loop";
  return "incompatible stacks";
}


// ---- the sys.monitoring namespace (Python/instrumentation.c's monitoring module) ----

function toolArg(v: PyVal, fname: string): number {
  if (typeof v !== "number") return PyErr_Format(PyExc_TypeError, `${fname}() argument must be int, not ${Py_TYPE(v).tp_name}`);
  return v;
}

function eventsArg(v: PyVal): number {
  if (typeof v === "number") return v;
  if (v instanceof PyObject && Py_TYPE(v).tp_name === "int") return (PyNumber_Index(v) as number);
  return PyErr_Format(PyExc_TypeError, `an integer is required (got type ${Py_TYPE(v).tp_name})`);
}

/** The `sys.monitoring` module object (a namespace module, not in sys.modules, as in CPython). */
export function _PySys_MonitoringModule(): PyModuleObject {
  const m = PyModule_New("sys.monitoring");
  const d = PyModule_GetDict(m);
  const def = (name: string, f: (a: PyVal[]) => PyVal, nmin: number, nmax: number): void => {
    PyDict_SetItemString(d, name, nativeFunction(name, (_s: PyVal, a: PyVal[]) => {
      if (a.length < nmin || a.length > nmax) {
        return nmin === nmax
          ? PyErr_Format(PyExc_TypeError, `${name} expected ${nmin} argument${nmin === 1 ? "" : "s"}, got ${a.length}`)
          : PyErr_Format(PyExc_TypeError, `${name} expected at most ${nmax} arguments, got ${a.length}`);
      }
      return f(a);
    }, METH_FASTCALL));
  };
  def("use_tool_id", (a) => { monitoring_use_tool_id(toolArg(a[0], "use_tool_id"), a[1]); return Py_None; }, 2, 2);
  def("free_tool_id", (a) => { monitoring_free_tool_id(toolArg(a[0], "free_tool_id")); return Py_None; }, 1, 1);
  def("get_tool", (a) => monitoring_get_tool(toolArg(a[0], "get_tool")), 1, 1);
  def("register_callback", (a) => monitoring_register_callback(toolArg(a[0], "register_callback"), eventsArg(a[1]), a[2]), 3, 3);
  def("get_events", (a) => monitoring_get_events(toolArg(a[0], "get_events")), 1, 1);
  def("set_events", (a) => { monitoring_set_events(toolArg(a[0], "set_events"), eventsArg(a[1])); return Py_None; }, 2, 2);
  def("get_local_events", (a) => monitoring_get_local_events(toolArg(a[0], "get_local_events"), a[1]), 2, 2);
  def("set_local_events", (a) => {
    monitoring_set_local_events(toolArg(a[0], "set_local_events"), a[1], eventsArg(a[2]));
    return Py_None;
  }, 3, 3);
  def("restart_events", () => { monitoring_restart_events(); return Py_None; }, 0, 0);
  def("_all_events", () => {
    const r = PyDict_New();
    for (const [k, v] of monitoring_all_events()) PyDict_SetItemString(r, k, v);
    return r;
  }, 0, 0);
  const ev: [string, PyVal][] = EVENT_NAMES.map((n, i) => [n, 1 << i] as [string, PyVal]);
  ev.push(["NO_EVENTS", 0]);
  PyDict_SetItemString(d, "events", _PyNamespace_New(ev));
  PyDict_SetItemString(d, "DEBUGGER_ID", 0);
  PyDict_SetItemString(d, "COVERAGE_ID", 1);
  PyDict_SetItemString(d, "PROFILER_ID", 2);
  PyDict_SetItemString(d, "OPTIMIZER_ID", 5);
  PyDict_SetItemString(d, "DISABLE", DISABLE!);
  PyDict_SetItemString(d, "MISSING", MISSING!);
  return m;
}
