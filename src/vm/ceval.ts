// The evaluation loop (Python/ceval.c, Python/bytecodes.c): one function with a dense switch over the opcodes of
// a Uint16Array (opcode | oparg << 8). pc, sp and the frame live in JS locals; Python-to-Python calls push a heap
// frame and continue the loop (no JS recursion); errors unwind through co_exceptiontable. See docs/interpreter.md.
import {
  PyObject, PyTypeObject, PyUnicodeObject, PyUnicode_Type, Py_None, Py_NotImplemented, Py_Ellipsis, Py_TYPE,
  PyLong_Type, PyType_Type, PyBaseObject_Type, Py_TPFLAGS_IS_ABSTRACT, hasFlag, Py_TPFLAGS_MAPPING, Py_TPFLAGS_SEQUENCE,
  Py_TPFLAGS_METHOD_DESCRIPTOR, Py_TPFLAGS_HEAPTYPE, type PyVal,
} from "../objects/object.js";
import * as op from "../opcode/opcode_metadata.js";
import { PyFrameObject, FRAME_SUSPENDED, FRAME_SUSPENDED_YIELD_FROM, FRAME_COMPLETED, FRAME_EXECUTING } from "../objects/frameobject.js";
import { PyCodeObject, findHandler, CO_GENERATOR, CO_COROUTINE, CO_ITERABLE_COROUTINE, CO_ASYNC_GENERATOR,
  CO_VARARGS, CO_VARKEYWORDS, CO_FAST_CELL, CO_FAST_FREE, CO_OPTIMIZED } from "../objects/codeobject.js";
import { PyFunctionObject, PyFunction_Type } from "../objects/funcobject.js";
import { PyMethodObject } from "../objects/classobject.js";
import { PyCellObject } from "../objects/cellobject.js";
import { PyModule_Type } from "../objects/moduleobject.js";
import { PyMemberDescr_Type, PyMemberDescrObject, PyProperty_Type, PyPropertyObject } from "../objects/descrobject.js";
import { _PyDict_LookupIndexStr, PyDictObject, PyDict_New, PyDict_GetItemStr, PyDict_SetItem, PyDict_GetItem,
  PyDict_DelItemIf, PyDict_Merge,
  PyDict_Check, PyDict_Type } from "../objects/dictobject.js";
import { PyTupleObject, PyTuple_New, PyTuple_Type } from "../objects/tupleobject.js";
import { PyListObject, PyList_New, PyList_Type, PyListIter_Type, PyListIterObject, PY_LIST_MAX_ITEMS, _PyList_CheckSize } from "../objects/listobject.js";
import { PyRangeIter_Type, PyRangeIterObject } from "../objects/rangeobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { Py_True, Py_False } from "../objects/boolobject.js";
import { PyFloatObject, PyFloat_Type, PyFloat_FromDouble } from "../objects/floatobject.js";
import { PySlice_New } from "../objects/sliceobject.js";
import { PyGenObject, PyGen_NewForFrame, PyGen_Type, PyCoro_Type, gen_send_ex2, genResult, PYGEN_NEXT,
  PyAsyncGenWrappedValue, genHooks, PyAsyncGenASendObject, takeLastAwaitValue } from "../objects/genobject.js";
import {
  PyObject_GetAttr, PyObject_SetAttr, PyObject_Vectorcall, PyObject_IsTrue, PyObject_RichCompare, PyObject_GetIter,
  PyObject_GetItem, PyObject_SetItem, PyObject_DelItem, PySequence_Contains, PyObject_Repr, PyObject_Str,
  PyObject_ASCII, PyObject_Format, PyNumber_Negative, PyNumber_Invert, PyNumber_Positive, _PyEval_BinaryOps,
  PyObject_Size, PySequence_List, PyType_IsSubtype, _PyObject_LookupSpecial, _PyObject_LookupAttr, PyObject_IsInstance,
  isStopIteration, PyObject_RichCompareBool, PyIter_Check,
} from "../objects/abstract.js";
import { _PyObject_GetMethod, _PyType_Lookup, _PySuper_Lookup, PySuper_Type, supercheck, takeLastStopValue,
  PyObject_GenericSetAttr, PyHeapObject, slot_mp_subscript,
  PyObject_GenericGetAttr } from "../objects/typeobject.js";
import {
  PyBaseExceptionObject, PyStopIterationObject, PyExc_TypeError, PyExc_NameError, PyExc_UnboundLocalError,
  PyExc_SystemError, PyExc_ValueError, PyExc_RuntimeError, PyExc_StopIteration, PyExc_StopAsyncIteration,
  PyExc_AssertionError, PyExc_RecursionError, PyExc_BaseException, PyExceptionClass_Check, PyExceptionInstance_Check,
  PyExc_AttributeError, PyExc_ImportError, PyExc_KeyError, PyExc_IndexError, PyNameErrorObject, PyBaseExceptionGroupObject,
  exceptionGroupSplit, PyExc_BaseExceptionGroup, PyExc_ExceptionGroup,
} from "../objects/exceptions.js";
import { PyErr_Format, _PyErr_CreateException, _PyErr_ChainContext, _PyErr_FromJS, PosixExit } from "../runtime/errors.js";
import { _PyThreadState_GET, type PyThreadState, _PyErr_StackItem, _PY_EVAL_EVENTS_MASK,
  _Py_SUSPENDED, _Py_THREAD_SWITCH, _Py_WOULD_BLOCK, threadHooks } from "../runtime/pystate.js";
import { PyTraceBack_Here } from "../runtime/traceback.js";
import { _PyEval_BindArgs } from "./call.js";
import { vmHooks } from "./hooks.js";
import { _Py_Instrumented, _Py_ResumeCheck, _Py_MonitorRaise, _Py_MonitorHandled, _Py_MonitorUnwind, _Py_MonitorThrow,
  _PyInstrumentation_active } from "./instrumentation.js";

const C_BINARY_SUBSCR = op._PyOpcode_Caches[op.BINARY_SUBSCR];
const C_STORE_SUBSCR = op._PyOpcode_Caches[op.STORE_SUBSCR];
const C_TO_BOOL = op._PyOpcode_Caches[op.TO_BOOL];
const C_BINARY_OP = op._PyOpcode_Caches[op.BINARY_OP];
const C_CALL = op._PyOpcode_Caches[op.CALL];
const C_COMPARE_OP = op._PyOpcode_Caches[op.COMPARE_OP];
const C_CONTAINS_OP = op._PyOpcode_Caches[op.CONTAINS_OP];
const C_FOR_ITER = op._PyOpcode_Caches[op.FOR_ITER];
const C_JUMP_BACKWARD = op._PyOpcode_Caches[op.JUMP_BACKWARD];
const C_LOAD_ATTR = op._PyOpcode_Caches[op.LOAD_ATTR];
const C_LOAD_GLOBAL = op._PyOpcode_Caches[op.LOAD_GLOBAL];
const C_LOAD_SUPER_ATTR = op._PyOpcode_Caches[op.LOAD_SUPER_ATTR];
const C_POP_JUMP = op._PyOpcode_Caches[op.POP_JUMP_IF_TRUE];
const C_SEND = op._PyOpcode_Caches[op.SEND];
const C_STORE_ATTR = op._PyOpcode_Caches[op.STORE_ATTR];
const C_UNPACK_SEQUENCE = op._PyOpcode_Caches[op.UNPACK_SEQUENCE];

const MAX = Number.MAX_SAFE_INTEGER;

/** Thrown through the JS stack by RERAISE so the handler does not add a traceback entry or chain context. */
let reraising = false;

/** Run `entry` (a new frame, or a generator frame being resumed) until it returns or yields. */
export function _PyEval_EvalFrame(tstate: PyThreadState, entry: PyFrameObject, throwExc: PyBaseExceptionObject | null): PyVal {
  entry.is_entry = true;
  entry.f_back = tstate.current_frame as PyFrameObject | null;
  if (--tstate.py_recursion_remaining < 0) {
    tstate.py_recursion_remaining++;
    entry.is_entry = false;
    return PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded");
  }
  tstate.current_frame = entry;
  try {
    let r = evalLoop(tstate, entry, throwExc, entry);
    // The thread was suspended (it blocks, or its time slice ran out) with only Python frames above this outermost
    // entry: run the other green threads, then resume the innermost frame (src/vm/threads.ts).
    while (r === _Py_SUSPENDED) {
      const exc = threadHooks.suspended(tstate) as PyBaseExceptionObject | null;
      // Another scheduler may have resumed this thread's frames and seen them finish (threads.ts, "parked").
      r = tstate.current_frame === null ? threadHooks.result(tstate) : evalLoop(tstate, entry, exc, tstate.current_frame as PyFrameObject);
    }
    if (r === RAISED) raiseOut();
    return r;
  } finally {
    tstate.current_frame = entry.f_back;
    tstate.py_recursion_remaining++;
    entry.is_entry = false;
  }
}

/**
 * Resume a green thread (src/vm/threads.ts) whose outermost frame is `base` at its innermost frame (the state's
 * current_frame, or `base` itself when new); returns _Py_SUSPENDED when it is suspended again.
 */
export function _PyEval_RunThread(tstate: PyThreadState, base: PyFrameObject, throwExc: PyBaseExceptionObject | null): PyVal {
  const top = (tstate.current_frame as PyFrameObject | null) ?? base;
  base.is_entry = true;
  base.f_back = null;
  tstate.current_frame = top;
  let done = true;
  try {
    const r = evalLoop(tstate, base, throwExc, top);
    done = r !== _Py_SUSPENDED;
    if (r === RAISED) raiseOut();
    return r;
  } finally {
    if (done) {
      tstate.current_frame = null;
      base.is_entry = false;
    }
  }
}

function evalLoop(tstate: PyThreadState, entry: PyFrameObject, throwExc: PyBaseExceptionObject | null, start: PyFrameObject): PyVal {
  let frame = start;
  let code: PyCodeObject = frame.f_code;
  let instrs: Uint16Array = code._co_code_adaptive;
  let consts: PyVal[] = code._consts;
  let names: PyUnicodeObject[] = code._names;
  let stack: (PyVal | null)[] = frame.localsplus;
  let sp = frame.stacktop;
  let pc = frame.instr;
  let here = pc;
  let oparg = 0;
  let ext = 0;
  let pendingExc: PyBaseExceptionObject | null = throwExc;

  for (;;) {
    // The exception being unwound: thrown through JS by natives, or handed over without a JS throw by RAISE_VARARGS
    // and RERAISE (`break dispatch`), since V8 builds a message and a stack trace for every throw under Node.
    let unwinding: unknown = null;
    try {
      if (pendingExc !== null) {
        const e = pendingExc;
        pendingExc = null;
        here = pc;
        if (_PyInstrumentation_active) _Py_MonitorThrow(tstate, frame, here, e);
        // A generator resumed with an exception at the RESUME after its YIELD_VALUE raises it at the YIELD_VALUE
        // (CPython's INSTR_OFFSET()-1 at resume_with_error): in a `yield from`/`await` loop that instruction's
        // exception-table entry is CLEANUP_THROW, so a StopIteration thrown in after the inner generator returned
        // ends the loop with its value.
        if (frame.f_gen !== null && pc > 0 && afterYield(code, pc)) here = pc = pc - 1;
        throwOut(e);
      }
      dispatch: for (;;) {
        here = pc;
        const word = instrs[pc++];
        oparg = (word >> 8) | ext;
        ext = 0;
        // Case labels are literal opcode numbers. Node 20's V8 (11.3) makes this switch a jump table
        // (SwitchOnSmiNoFeedback) in its interpreter and baseline tiers too only while every label is a small-integer
        // literal and the labels are spread over less than three times their number; otherwise it tests the labels
        // one by one in source order (with 71 labels it did, 27 tests per instruction in issue #5's import line).
        // Frequent instructions that run out of line (coldOp) have labels of their own, which also keeps the labels
        // dense enough (92 over 2..255); `default` takes the rest. tests/unit/vm/ceval_cases.test.ts checks the
        // labels against src/opcode's generated table and that V8 emits the jump table. The cases are in order of
        // how often each instruction ran in the import line.
        switch (word & 255) {
          case 85 /* LOAD_FAST */:
            stack[sp++] = stack[oparg];
            continue;
          case 83 /* LOAD_CONST */:
            stack[sp++] = consts[oparg];
            continue;
          case 53 /* CALL */: {
            let total = oparg;
            let callable = stack[sp - 2 - oparg]!;
            let argStart = sp - oparg;
            if (stack[sp - 1 - oparg] !== null) { argStart--; total++; }
            else if (callable instanceof PyMethodObject) {
              stack[sp - 1 - oparg] = callable.im_self;
              callable = callable.im_func;
              stack[sp - 2 - oparg] = callable;
              argStart--;
              total++;
            }
            if (callable instanceof PyFunctionObject) {
              const f = callable;
              const nf = new PyFrameObject(f.func_code, f, f.func_globals, f.func_builtins, null);
              _PyEval_BindArgs(f, nf.localsplus, stack, argStart, total, null);
              for (let i = sp - 2 - oparg; i < sp; i++) stack[i] = null;
              sp = sp - 2 - oparg;
              pushFrame(tstate, frame, nf, sp, here, 1 + C_CALL);
              frame = nf;
              code = f.func_code; instrs = code._co_code_adaptive; consts = code._consts; names = code._names;
              stack = frame.localsplus; sp = frame.stacktop; pc = 0;
              continue;
            }
            if (callable instanceof PyTypeObject && callable.ob_type === PyType_Type && argStart === sp - oparg &&
              !_PyInstrumentation_active) {
              // CALL_ALLOC_AND_ENTER_INIT: object.__new__ inline and the Python __init__ pushed as a frame (no JS
              // recursion through type_call); its RETURN hands the caller the new instance.
              const init = pythonInit(callable);
              if (init !== null) {
                const self = new PyHeapObject(callable);
                stack[argStart - 1] = self;
                const nf = new PyFrameObject(init.func_code, init, init.func_globals, init.func_builtins, null);
                _PyEval_BindArgs(init, nf.localsplus, stack, argStart - 1, total + 1, null);
                nf.f_init_self = self;
                for (let i = sp - 2 - oparg; i < sp; i++) stack[i] = null;
                sp = sp - 2 - oparg;
                pushFrame(tstate, frame, nf, sp, here, 1 + C_CALL);
                frame = nf;
                code = init.func_code; instrs = code._co_code_adaptive; consts = code._consts; names = code._names;
                stack = frame.localsplus; sp = frame.stacktop; pc = 0;
                continue;
              }
            }
            const args = stack.slice(argStart, argStart + total) as PyVal[];
            frame.instr = here;
            frame.stacktop = sp;
            const t = Py_TYPE(callable);
            if (t.tp_call === null) notCallable(callable);
            tstate.direct_native = callable;
            const res = t.tp_call!(callable, args, null);
            for (let i = sp - 2 - oparg; i < sp; i++) stack[i] = null;
            sp = sp - 2 - oparg;
            stack[sp++] = res;
            pc += C_CALL;
            if ((tstate.eval_breaker & _PY_EVAL_EVENTS_MASK) !== 0) {
              // CHECK_EVAL_BREAKER after a native call, as CALL_BUILTIN_* do: a signal that arrived during a long
              // native call (time.sleep, a regex match) is handled before the next instruction.
              frame.instr = here;
              frame.stacktop = sp;
              vmHooks.handleEvalBreaker(tstate);
            }
            continue;
          }
          case 82 /* LOAD_ATTR */: {
            // The specialized forms (LOAD_ATTR_INSTANCE_VALUE, _METHOD_WITH_VALUES, _MODULE, _SLOT, _NONDESCRIPTOR_*):
            // an AttrCache guarded by the owner's type and its version tag; a miss takes the generic path, which
            // specializes the instruction again.
            const owner = stack[sp - 1]!;
            const c = code._cache_objects?.[here];
            if (c instanceof AttrCache && typeof owner !== "number" && owner.ob_type === c.type &&
              c.type.tp_version_tag === c.version) {
              if (c.kind === ATTR_METHOD) {
                if ((oparg & 1) && noInstanceAttr(c, owner, names[oparg >> 1])) {
                  stack[sp - 1] = c.descr!;
                  stack[sp++] = owner;
                  pc += C_LOAD_ATTR;
                  continue;
                }
              } else if (c.kind === ATTR_PROPERTY) {
                // LOAD_ATTR_PROPERTY: the getter, a Python function, runs as a pushed frame.
                const f = c.owner as PyFunctionObject;
                if ((oparg & 1) === 0 && (c.descr as PyPropertyObject).prop_get === f) {
                  const nf = new PyFrameObject(f.func_code, f, f.func_globals, f.func_builtins, null);
                  _PyEval_BindArgs(f, nf.localsplus, stack, sp - 1, 1, null);
                  stack[--sp] = null;
                  pushFrame(tstate, frame, nf, sp, here, 1 + C_LOAD_ATTR);
                  frame = nf;
                  code = f.func_code; instrs = code._co_code_adaptive; consts = code._consts; names = code._names;
                  stack = frame.localsplus; sp = frame.stacktop; pc = 0;
                  continue;
                }
              } else {
                const v = loadAttrCached(c, owner, names[oparg >> 1]);
                if (v !== undefined) {
                  stack[sp - 1] = v;
                  if (oparg & 1) stack[sp++] = null;
                  pc += C_LOAD_ATTR;
                  continue;
                }
              }
            }
            frame.instr = here; // a getter may read this frame's f_lineno (CPython saves instr_ptr at each instruction)
            sp = loadAttrGeneric(code, stack, sp, oparg, here);
            pc += C_LOAD_ATTR;
            continue;
          }
          case 91 /* LOAD_GLOBAL */: {
            // LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN: a per-instruction cache of the entry index, guarded by the
            // dicts' keys versions (which change only when a key set changes).
            const g = frame.f_globals;
            let caches = code._cache_objects;
            if (caches === null) caches = code._cache_objects = new Array<PyVal | null>(instrs.length).fill(null);
            const c = caches[here] as GlobalCache | null;
            let v: PyVal | null | undefined;
            if (c !== null && c.gv === g.ma_keys_version) {
              if (c.bidx < 0) v = g.me_value[c.idx];
              else if (c.bv === frame.f_builtins.ma_keys_version) v = frame.f_builtins.me_value[c.bidx];
            }
            if (v === undefined || v === null) v = loadGlobalSlow(frame, names[oparg >> 1], caches, here);
            stack[sp++] = v;
            if (oparg & 1) stack[sp++] = null;
            pc += C_LOAD_GLOBAL;
            continue;
          }
          case 110 /* STORE_FAST */:
            stack[oparg] = stack[--sp];
            continue;
          case 97 /* POP_JUMP_IF_FALSE */: {
            const c = stack[--sp];
            stack[sp] = null;
            pc += C_POP_JUMP;
            if (c === Py_False) pc += oparg;
            continue;
          }
          case 149 /* RESUME */:
            // One test covers both the eval breaker's flags and instrumentation: the breaker word holds the current
            // instrumentation version above its flags, and an up-to-date code object carries the same number.
            if (tstate.eval_breaker !== code._co_instrumentation_version) {
              frame.instr = here;
              frame.stacktop = sp;
              if (_Py_ResumeCheck(tstate, frame)) { pc = here; continue; } // re-instrumented: run its RESUME again
            }
            continue;
          case 40 /* TO_BOOL */: {
            const v = stack[sp - 1]!;
            if (v !== Py_True && v !== Py_False) {
              stack[sp - 1] = typeof v === "number" ? (v !== 0 ? Py_True : Py_False)
                : v === Py_None ? Py_False : PyObject_IsTrue(v) ? Py_True : Py_False;
            }
            pc += C_TO_BOOL;
            continue;
          }
          case 32 /* POP_TOP */:
            stack[--sp] = null;
            continue;
          case 88 /* LOAD_FAST_LOAD_FAST */:
            stack[sp++] = stack[oparg >> 4];
            stack[sp++] = stack[oparg & 15];
            continue;
          case 72 /* FOR_ITER */: {
            const iter = stack[sp - 1] as PyObject;
            const it = iter.ob_type;
            if (it === PyRangeIter_Type) {
              // FOR_ITER_RANGE
              const ri = iter as PyRangeIterObject;
              pc += C_FOR_ITER;
              if (ri.len > 0) {
                const v = ri.start;
                ri.start = v + ri.step;
                ri.len--;
                stack[sp++] = v;
              } else {
                stack[--sp] = null;
                pc += oparg + 2;
              }
              continue;
            }
            if (it === PyListIter_Type) {
              // FOR_ITER_LIST
              const li = iter as PyListIterObject;
              const l = li.it_seq;
              pc += C_FOR_ITER;
              if (l !== null && li.it_index < l.ob_item.length) {
                stack[sp++] = l.ob_item[li.it_index++];
              } else {
                li.it_seq = null;
                stack[--sp] = null;
                pc += oparg + 2;
              }
              continue;
            }
            if (iter instanceof PyGenObject && it === PyGen_Type && iter.gi_frame_state < FRAME_EXECUTING) {
              // FOR_ITER_GEN: run the generator's frame inline. The cache unit records 1 at the instruction's first
              // run and 2 after: CPython specializes at the second run, and only FOR_ITER_GEN returns through
              // END_FOR, whose STOP_ITERATION event follows (src/vm/instrumentation.ts).
              const adaptive = code._co_code_adaptive;
              adaptive[here + 1] = adaptive[here + 1] === 0 ? 1 : 2;
              const gf = enterGenFrame(tstate, iter, Py_None);
              pushFrame(tstate, frame, gf, sp, here, 1 + C_FOR_ITER + oparg);
              frame = gf;
              code = frame.f_code; instrs = code._co_code_adaptive; consts = code._consts; names = code._names;
              stack = frame.localsplus; sp = frame.stacktop; pc = frame.instr;
              continue;
            }
            const next = it.tp_iternext!(iter);
            pc += C_FOR_ITER;
            if (next === undefined) {
              stack[--sp] = null;
              pc += oparg + 2;
            } else {
              stack[sp++] = next;
            }
            continue;
          }
          case 108 /* STORE_ATTR */: {
            // STORE_ATTR_INSTANCE_VALUE / STORE_ATTR_SLOT behind the same guard as LOAD_ATTR's.
            const owner = stack[--sp]!;
            const v = stack[--sp]!;
            const c = code._cache_objects?.[here];
            if (c instanceof AttrCache && typeof owner !== "number" && owner.ob_type === c.type &&
              c.type.tp_version_tag === c.version) storeAttrCached(c, owner, names[oparg], v);
            else storeAttrGeneric(code, owner, names[oparg], v, here);
            pc += C_STORE_ATTR;
            continue;
          }
          case 77 /* JUMP_BACKWARD */:
            pc += C_JUMP_BACKWARD - oparg;
            if ((tstate.eval_breaker & _PY_EVAL_EVENTS_MASK) !== 0) {
              frame.instr = here;
              frame.stacktop = sp;
              vmHooks.handleEvalBreaker(tstate);
            }
            continue;
          case 36 /* RETURN_VALUE */:
          case 103 /* RETURN_CONST */: {
            let retval = (word & 255) === op.RETURN_VALUE ? stack[--sp]! : consts[oparg];
            const gen = frame.f_gen as PyGenObject | null;
            if (gen !== null) {
              gen.gi_frame_state = FRAME_COMPLETED;
              if (frame !== entry) {
                tstate.exc_info = gen.gi_exc_state.previous_item ?? tstate.exc_state;
                gen.gi_exc_state.previous_item = null;
              }
            }
            if (frame === entry) return retval;
            // Pop the frame and continue in the caller.
            tstate.py_recursion_remaining++;
            const initSelf = frame.f_init_self;
            frame = frame.f_back!;
            tstate.current_frame = frame;
            code = frame.f_code; instrs = code._co_code_adaptive; consts = code._consts; names = code._names;
            stack = frame.localsplus; sp = frame.stacktop;
            pc = frame.instr + frame.return_offset;
            if (initSelf !== null) {
              // EXIT_INIT_CHECK (CALL_ALLOC_AND_ENTER_INIT's shim): its error belongs to the caller's CALL.
              if (retval !== Py_None) { here = frame.instr; initReturnError(retval); }
              retval = initSelf;
            }
            stack[sp++] = retval;
            continue;
          }
          case 58 /* COMPARE_OP */: {
            const right = stack[--sp]!;
            const left = stack[sp - 1]!;
            const cmp = oparg >> 5;
            let res: PyVal;
            if (typeof left === "number" && typeof right === "number") {
              let b: boolean;
              switch (cmp) {
                case 0: b = left < right; break;
                case 1: b = left <= right; break;
                case 2: b = left === right; break;
                case 3: b = left !== right; break;
                case 4: b = left > right; break;
                default: b = left >= right; break;
              }
              res = b ? Py_True : Py_False;
            } else {
              res = PyObject_RichCompare(left, right, cmp);
              if ((oparg & 16) && res !== Py_True && res !== Py_False) res = PyObject_IsTrue(res) ? Py_True : Py_False;
            }
            stack[sp - 1] = res;
            stack[sp] = null;
            pc += C_COMPARE_OP;
            continue;
          }
          case 100 /* POP_JUMP_IF_TRUE */: {
            const c = stack[--sp];
            stack[sp] = null;
            pc += C_POP_JUMP;
            if (c === Py_True) pc += oparg;
            continue;
          }
          case 114 /* STORE_NAME */: sp = coldOp(tstate, frame, code, stack, sp, 114, oparg, here); continue;
          case 5 /* BINARY_SUBSCR */: {
            const sub = stack[--sp]!;
            const container = stack[sp - 1]!;
            let res: PyVal;
            if (typeof sub === "number" && container instanceof PyListObject && container.ob_type === PyList_Type &&
              sub >= 0 && sub < container.ob_item.length) res = container.ob_item[sub];
            else if (typeof sub === "number" && container instanceof PyListObject && container.ob_type === PyList_Type) {
              const j = sub < 0 ? sub + container.ob_item.length : sub;
              if (j >= 0 && j < container.ob_item.length) res = container.ob_item[j];
              else {
                // list_subscript's IndexError, handed to the unwinder without a JS throw (re's parser probes with it).
                const ie = _PyErr_CreateException(PyExc_IndexError, [PyUnicode_FromString("list index out of range")]);
                _PyErr_ChainContext(ie);
                frame.instr = here;
                unwinding = ie;
                break dispatch;
              }
            } else if (container instanceof PyDictObject && container.ob_type.mp_subscript === dictSubscript) {
              const v = PyDict_GetItem(container, sub);
              if (v === undefined && container.ob_type === PyDict_Type) {
                // A missing key of an exact dict (no __missing__): KeyError to the unwinder without a JS throw
                // (importlib's _module_locks[name] misses once per import).
                const ke = _PyErr_CreateException(PyExc_KeyError, [sub]);
                _PyErr_ChainContext(ke);
                frame.instr = here;
                unwinding = ke;
                break dispatch;
              }
              res = v !== undefined ? v : dictSubscript!(container, sub);
            } else if (typeof container !== "number" && container.ob_type.mp_subscript === slot_mp_subscript) {
              // BINARY_SUBSCR_GETITEM: a class's Python __getitem__ pushed as a frame with (container, sub), no JS
              // recursion through slot_mp_subscript and a new evalLoop (re's parser indexes its SubPatterns so).
              const getitem = pythonGetitem(container.ob_type);
              if (getitem === null) res = PyObject_GetItem(container, sub);
              else {
                const nf = new PyFrameObject(getitem.func_code, getitem, getitem.func_globals, getitem.func_builtins, null);
                nf.localsplus[0] = container;
                nf.localsplus[1] = sub;
                stack[sp] = null;
                stack[--sp] = null;
                pushFrame(tstate, frame, nf, sp, here, 1 + C_BINARY_SUBSCR);
                frame = nf;
                code = getitem.func_code; instrs = code._co_code_adaptive; consts = code._consts; names = code._names;
                stack = frame.localsplus; sp = frame.stacktop; pc = 0;
                continue;
              }
            } else res = PyObject_GetItem(container, sub);
            stack[sp - 1] = res;
            stack[sp] = null;
            pc += C_BINARY_SUBSCR;
            continue;
          }
          case 34 /* PUSH_NULL */:
            stack[sp++] = null;
            continue;
          case 30 /* NOP */:
            continue;
          case 45 /* BINARY_OP */: {
            const rhs = stack[--sp]!;
            const lhs = stack[sp - 1]!;
            let res: PyVal;
            if (typeof lhs === "number" && typeof rhs === "number") {
              // BINARY_OP_ADD_INT / SUBTRACT_INT / MULTIPLY_INT inline; the rest out of line.
              if (oparg === 0 || oparg === 13) {
                const r = lhs + rhs;
                if (r <= MAX && r >= -MAX) {
                  stack[sp - 1] = r;
                  stack[sp] = null;
                  pc += C_BINARY_OP;
                  continue;
                }
              } else if (oparg === 10 || oparg === 23) {
                const r = lhs - rhs;
                if (r <= MAX && r >= -MAX) {
                  stack[sp - 1] = r;
                  stack[sp] = null;
                  pc += C_BINARY_OP;
                  continue;
                }
              }
              res = binaryIntFast(oparg, lhs, rhs);
            }
            else if (lhs instanceof PyFloatObject && rhs instanceof PyFloatObject && lhs.ob_type === PyFloat_Type &&
              rhs.ob_type === PyFloat_Type) res = binaryFloatFast(oparg, lhs.ob_fval, rhs.ob_fval);
            else res = _PyEval_BinaryOps[oparg](lhs, rhs);
            stack[sp - 1] = res;
            stack[sp] = null;
            pc += C_BINARY_OP;
            continue;
          }
          case 92 /* LOAD_NAME */: sp = coldOp(tstate, frame, code, stack, sp, 92, oparg, here); continue;
          case 99 /* POP_JUMP_IF_NOT_NONE */: {
            const c = stack[--sp];
            stack[sp] = null;
            pc += C_POP_JUMP;
            if (c !== Py_None) pc += oparg;
            continue;
          }
          case 59 /* CONTAINS_OP */: {
            const right = stack[--sp]!;
            const left = stack[sp - 1]!;
            const b = PySequence_Contains(right, left);
            stack[sp - 1] = b !== (oparg === 1) ? Py_True : Py_False;
            pc += C_CONTAINS_OP;
            continue;
          }
          case 61 /* COPY */:
            stack[sp] = stack[sp - oparg];
            sp++;
            continue;
          case 26 /* MAKE_FUNCTION */: sp = coldOp(tstate, frame, code, stack, sp, 26, oparg, here); continue;
          case 71 /* EXTENDED_ARG */:
            ext = oparg << 8;
            continue;
          case 39 /* STORE_SUBSCR */: {
            const sub = stack[--sp]!;
            const container = stack[--sp]!;
            const v = stack[--sp]!;
            if (typeof sub === "number" && container instanceof PyListObject && container.ob_type === PyList_Type &&
              sub >= 0 && sub < container.ob_item.length) container.ob_item[sub] = v;
            else if (container instanceof PyDictObject && container.ob_type.mp_ass_subscript === dictAssSubscript) {
              PyDict_SetItem(container, sub, v);
            } else PyObject_SetItem(container, sub, v);
            pc += C_STORE_SUBSCR;
            continue;
          }
          case 76 /* IS_OP */: {
            const right = stack[--sp];
            const left = stack[sp - 1];
            stack[sp - 1] = (left === right) !== (oparg === 1) ? Py_True : Py_False;
            continue;
          }
          case 117 /* UNPACK_SEQUENCE */: {
            const seq = stack[--sp]!;
            let items: PyVal[];
            if ((seq instanceof PyTupleObject && seq.ob_type === PyTuple_Type) || (seq instanceof PyListObject && seq.ob_type === PyList_Type)) {
              items = seq.ob_item;
              if (items.length !== oparg) {
                if (items.length < oparg) PyErr_Format(PyExc_ValueError, `not enough values to unpack (expected ${oparg}, got ${items.length})`);
                PyErr_Format(PyExc_ValueError, `too many values to unpack (expected ${oparg})`);
              }
            } else items = unpackIterable(seq, oparg, -1);
            for (let i = oparg - 1; i >= 0; i--) stack[sp++] = items[i];
            pc += C_UNPACK_SEQUENCE;
            continue;
          }
          case 52 /* BUILD_TUPLE */: {
            const items = stack.slice(sp - oparg, sp) as PyVal[];
            for (let i = sp - oparg; i < sp; i++) stack[i] = null;
            sp -= oparg;
            stack[sp++] = PyTuple_New(items);
            continue;
          }
          case 112 /* STORE_FAST_STORE_FAST */:
            stack[oparg >> 4] = stack[--sp];
            stack[oparg & 15] = stack[--sp];
            continue;
          case 79 /* JUMP_FORWARD */:
            pc += oparg;
            continue;
          case 19 /* GET_ITER */: {
            const v = stack[sp - 1]!;
            stack[sp - 1] = PyObject_GetIter(v);
            continue;
          }
          case 47 /* BUILD_LIST */: {
            const items = stack.slice(sp - oparg, sp) as PyVal[];
            for (let i = sp - oparg; i < sp; i++) stack[i] = null;
            sp -= oparg;
            stack[sp++] = PyList_New(items);
            continue;
          }
          case 84 /* LOAD_DEREF */: {
            const v = (stack[oparg] as PyCellObject).ob_ref;
            if (v === null) unboundDeref(code, oparg);
            stack[sp++] = v;
            continue;
          }
          case 98 /* POP_JUMP_IF_NONE */: {
            const c = stack[--sp];
            stack[sp] = null;
            pc += C_POP_JUMP;
            if (c === Py_None) pc += oparg;
            continue;
          }
          case 115 /* SWAP */: {
            const t = stack[sp - 1];
            stack[sp - 1] = stack[sp - oparg];
            stack[sp - oparg] = t;
            continue;
          }
          case 4 /* BINARY_SLICE */: sp = coldOp(tstate, frame, code, stack, sp, 4, oparg, here); continue;
          case 80 /* LIST_APPEND */: {
            const v = stack[--sp]!;
            const items = (stack[sp - oparg] as PyListObject).ob_item;
            if (items.length >= PY_LIST_MAX_ITEMS) _PyList_CheckSize(items.length + 1);
            items.push(v);
            continue;
          }
          case 62 /* COPY_FREE_VARS */: {
            const closure = (frame.f_func as PyFunctionObject).func_closure!.ob_item;
            const offset = code.co_nlocalsplus - oparg;
            for (let i = 0; i < oparg; i++) stack[offset + i] = closure[i];
            continue;
          }
          case 111 /* STORE_FAST_LOAD_FAST */:
            stack[oparg >> 4] = stack[sp - 1];
            stack[sp - 1] = stack[oparg & 15];
            continue;
          case 106 /* SET_FUNCTION_ATTRIBUTE */: sp = coldOp(tstate, frame, code, stack, sp, 106, oparg, here); continue;
          case 93 /* LOAD_SUPER_ATTR */:
            sp = coldOp(tstate, frame, code, stack, sp, 93, oparg, here);
            pc += C_LOAD_SUPER_ATTR;
            continue;
          case 14 /* FORMAT_SIMPLE */: {
            const v = stack[sp - 1]!;
            if (typeof v === "number" || v.ob_type !== PyUnicode_Type) stack[sp - 1] = PyObject_Format(v, emptyStr);
            continue;
          }
          case 2 /* BEFORE_WITH */: {
            const mgr = stack[sp - 1]!;
            const enter = _PyObject_LookupSpecial(mgr, "__enter__");
            if (enter === undefined) {
              PyErr_Format(PyExc_TypeError, `'${Py_TYPE(mgr).tp_name}' object does not support the context manager protocol`);
            }
            const exit = _PyObject_LookupSpecial(mgr, "__exit__");
            if (exit === undefined) {
              PyErr_Format(PyExc_TypeError, `'${Py_TYPE(mgr).tp_name}' object does not support the context manager protocol (missed __exit__ method)`);
            }
            if (enter instanceof PyMethodObject && enter.im_func instanceof PyFunctionObject) {
              // A Python __enter__ runs as a pushed frame (no JS recursion), so a green thread blocking inside it
              // (`with cond:` in threading/queue) can still be suspended; its result lands where BEFORE_WITH's would.
              const f = enter.im_func;
              const nf = new PyFrameObject(f.func_code, f, f.func_globals, f.func_builtins, null);
              _PyEval_BindArgs(f, nf.localsplus, [enter.im_self], 0, 1, null);
              stack[sp - 1] = exit!;
              pushFrame(tstate, frame, nf, sp, here, 1);
              frame = nf;
              code = f.func_code; instrs = code._co_code_adaptive; consts = code._consts; names = code._names;
              stack = frame.localsplus; sp = frame.stacktop; pc = 0;
              continue;
            }
            frame.instr = here;
            frame.stacktop = sp;
            tstate.direct_native = enter!;
            const entered = PyObject_Vectorcall(enter!, [], null);
            stack[sp - 1] = exit!;
            stack[sp++] = entered;
            continue;
          }
          case 48 /* BUILD_MAP */: sp = coldOp(tstate, frame, code, stack, sp, 48, oparg, here); continue;
          case 51 /* BUILD_STRING */: sp = coldOp(tstate, frame, code, stack, sp, 51, oparg, here); continue;
          case 57 /* CALL_KW */: {
            const kwnames = (stack[--sp] as PyTupleObject).ob_item;
            let total = oparg;
            let callable = stack[sp - 2 - oparg]!;
            let argStart = sp - oparg;
            if (stack[sp - 1 - oparg] !== null) { argStart--; total++; }
            else if (callable instanceof PyMethodObject) {
              stack[sp - 1 - oparg] = callable.im_self;
              callable = callable.im_func;
              argStart--;
              total++;
            }
            if (callable instanceof PyFunctionObject) {
              const f = callable;
              const nf = new PyFrameObject(f.func_code, f, f.func_globals, f.func_builtins, null);
              _PyEval_BindArgs(f, nf.localsplus, stack, argStart, total - kwnames.length, kwnames);
              for (let i = sp - 2 - oparg; i <= sp; i++) stack[i] = null;
              sp = sp - 2 - oparg;
              pushFrame(tstate, frame, nf, sp, here, 1);
              frame = nf;
              code = f.func_code; instrs = code._co_code_adaptive; consts = code._consts; names = code._names;
              stack = frame.localsplus; sp = frame.stacktop; pc = 0;
              continue;
            }
            const args = stack.slice(argStart, argStart + total) as PyVal[];
            frame.instr = here;
            frame.stacktop = sp + 1; // with kwnames: a blocking callee retries the whole CALL_KW (threads.ts)
            const t = Py_TYPE(callable);
            if (t.tp_call === null) notCallable(callable);
            tstate.direct_native = callable;
            const res = t.tp_call!(callable, args, kwnames);
            for (let i = sp - 2 - oparg; i <= sp; i++) stack[i] = null;
            sp = sp - 2 - oparg;
            stack[sp++] = res;
            continue;
          }
          case 54 /* CALL_FUNCTION_EX */: {
            const kwargs = oparg & 1 ? stack[--sp] : null;
            let callargs = stack[--sp]!;
            sp--; // the NULL (or self) slot
            const func = stack[--sp]!;
            if (!(callargs instanceof PyTupleObject)) callargs = PyTuple_New(starArgs(func, callargs));
            const args = (callargs as PyTupleObject).ob_item.slice();
            let kwn: PyVal[] | null = null;
            if (kwargs !== null && kwargs !== undefined) {
              const d = kwargs as PyDictObject;
              if (d.ma_used > 0) {
                kwn = [];
                for (let j = 0; j < d.dk_nentries; j++) {
                  const k = d.me_key[j];
                  if (k === null) continue;
                  if (!PyUnicode_Check(k)) PyErr_Format(PyExc_TypeError, `keywords must be strings`);
                  kwn.push(k);
                  args.push(d.me_value[j]!);
                }
              }
            }
            frame.instr = here;
            const fx = func instanceof PyMethodObject && func.im_func instanceof PyFunctionObject ? func.im_func : func;
            if (fx instanceof PyFunctionObject) {
              // As CALL_FUNCTION_EX in 3.13 (_PyEvalFramePushAndInit_Ex): a Python callee is pushed, not recursed into.
              if (fx !== func) args.unshift((func as PyMethodObject).im_self);
              const nf = new PyFrameObject(fx.func_code, fx, fx.func_globals, fx.func_builtins, null);
              _PyEval_BindArgs(fx, nf.localsplus, args, 0, args.length - (kwn === null ? 0 : kwn.length), kwn);
              for (let i = sp; i < sp + 3 + (oparg & 1); i++) stack[i] = null;
              pushFrame(tstate, frame, nf, sp, here, 1);
              frame = nf;
              code = fx.func_code; instrs = code._co_code_adaptive; consts = code._consts; names = code._names;
              stack = frame.localsplus; sp = frame.stacktop; pc = 0;
              continue;
            }
            stack[sp++] = PyObject_Vectorcall(func, args, kwn);
            continue;
          }
          case 95 /* MAP_ADD */: sp = coldOp(tstate, frame, code, stack, sp, 95, oparg, here); continue;
          case 60 /* CONVERT_VALUE */: sp = coldOp(tstate, frame, code, stack, sp, 60, oparg, here); continue;
          case 75 /* IMPORT_NAME */: sp = coldOp(tstate, frame, code, stack, sp, 75, oparg, here); continue;
          case 94 /* MAKE_CELL */: sp = coldOp(tstate, frame, code, stack, sp, 94, oparg, here); continue;
          case 68 /* DICT_MERGE */: sp = coldOp(tstate, frame, code, stack, sp, 68, oparg, here); continue;
          case 87 /* LOAD_FAST_CHECK */: {
            const v = stack[oparg];
            if (v === null) unboundLocal(code, oparg);
            stack[sp++] = v;
            continue;
          }
          case 43 /* UNARY_NOT */:
            stack[sp - 1] = stack[sp - 1] === Py_True ? Py_False : Py_True;
            continue;
          case 31 /* POP_EXCEPT */:
            tstate.exc_info.exc_value = excOrNull(stack[--sp]!);
            continue;
          case 33 /* PUSH_EXC_INFO */: {
            const newExc = stack[sp - 1]!;
            const prev = tstate.exc_info.exc_value;
            stack[sp - 1] = prev === null ? Py_None : prev;
            stack[sp++] = newExc;
            tstate.exc_info.exc_value = newExc;
            continue;
          }
          case 118 /* YIELD_VALUE */: {
            const retval = stack[--sp]!;
            const gen = frame.f_gen as PyGenObject;
            gen.gi_frame_state = oparg ? FRAME_SUSPENDED_YIELD_FROM : FRAME_SUSPENDED;
            frame.stacktop = sp;
            frame.instr = pc; // resume at the RESUME that follows
            if (frame === entry) return retval;
            tstate.exc_info = gen.gi_exc_state.previous_item ?? tstate.exc_state;
            gen.gi_exc_state.previous_item = null;
            tstate.py_recursion_remaining++;
            frame = frame.f_back!;
            tstate.current_frame = frame;
            code = frame.f_code; instrs = code._co_code_adaptive; consts = code._consts; names = code._names;
            stack = frame.localsplus; sp = frame.stacktop;
            // The caller resumes after its SEND or FOR_ITER (both have one cache entry).
            pc = frame.instr + 1 + C_SEND;
            stack[sp++] = retval;
            continue;
          }
          case 86 /* LOAD_FAST_AND_CLEAR */:
            stack[sp++] = stack[oparg];
            stack[oparg] = null;
            continue;
          case 109 /* STORE_DEREF */:
            (stack[oparg] as PyCellObject).ob_ref = stack[--sp];
            continue;
          case 78 /* JUMP_BACKWARD_NO_INTERRUPT */:
            pc -= oparg;
            continue;
          case 35 /* RETURN_GENERATOR */: {
            const f = frame.f_func as PyFunctionObject;
            const gen = PyGen_NewForFrame(frame, f.func_name, f.func_qualname);
            frame.instr = pc;
            frame.stacktop = sp;
            if (frame === entry) {
              // Called from native code: hand the generator back.
              return gen;
            }
            tstate.py_recursion_remaining++;
            const caller = frame.f_back!;
            frame.f_back = null;
            frame = caller;
            tstate.current_frame = frame;
            code = frame.f_code; instrs = code._co_code_adaptive; consts = code._consts; names = code._names;
            stack = frame.localsplus; sp = frame.stacktop;
            pc = frame.instr + frame.return_offset;
            stack[sp++] = gen;
            continue;
          }
          case 102 /* RERAISE */: {
            const exc = stack[--sp] as PyBaseExceptionObject;
            if (oparg) {
              const lasti = stack[sp - oparg];
              if (typeof lasti === "number") frame.instr = lasti;
            } else frame.instr = here;
            reraising = true;
            unwinding = exc;
            break dispatch;
          }
          case 101 /* RAISE_VARARGS */: {
            let cause: PyVal | null = null, exc: PyVal | null = null;
            if (oparg === 2) cause = stack[--sp];
            if (oparg >= 1) exc = stack[--sp];
            frame.instr = here;
            unwinding = do_raise(tstate, exc, cause);
            break dispatch;
          }
          case 42 /* UNARY_NEGATIVE */: {
            const v = stack[sp - 1]!;
            stack[sp - 1] = typeof v === "number" && v !== 0 ? -v : PyNumber_Negative(v);
            continue;
          }
          case 11 /* END_FOR */:
            stack[--sp] = null;
            continue;
          case 104 /* SEND */: {
            // (receiver, v -- receiver, retval)
            const v = stack[sp - 1]!;
            const receiver = stack[sp - 2]!;
            if (receiver instanceof PyGenObject && (receiver.ob_type === PyGen_Type || receiver.ob_type === PyCoro_Type) &&
              receiver.gi_frame_state < FRAME_EXECUTING) {
              // SEND_GEN: push the generator's frame and continue in the loop.
              const gf = receiver.gi_frame;
              if (receiver.gi_frame_state === -3 && v !== Py_None) {
                PyErr_Format(PyExc_TypeError, `can't send non-None value to a just-started ${receiver.ob_type === PyCoro_Type ? "coroutine" : "generator"}`);
              }
              sp--;
              enterGenFrame(tstate, receiver, v);
              pushFrame(tstate, frame, gf, sp, here, 1 + C_SEND + oparg);
              frame = gf;
              code = frame.f_code; instrs = code._co_code_adaptive; consts = code._consts; names = code._names;
              stack = frame.localsplus; sp = frame.stacktop; pc = frame.instr;
              continue;
            }
            let retval: PyVal | undefined;
            let done = false;
            if (receiver instanceof PyGenObject) {
              if (gen_send_ex2(receiver, v, null, false) === PYGEN_NEXT) retval = genResult;
              else { retval = genResult; done = true; }
            } else if (v === Py_None && Py_TYPE(receiver).tp_iternext !== null) {
              retval = Py_TYPE(receiver).tp_iternext!(receiver);
              if (retval === undefined) { retval = takeStopValue(receiver); done = true; }
            } else {
              try {
                retval = PyObject_Vectorcall(PyObject_GetAttr(receiver, sendName), [v], null);
              } catch (e) {
                if (isStopIteration(e)) { retval = (e as PyStopIterationObject).value; done = true; }
                else throwOut(e);
              }
            }
            stack[sp - 1] = retval!;
            pc += C_SEND;
            if (done) pc += oparg;
            continue;
          }
          case 12 /* END_SEND */: {
            // (receiver, value -- value)
            const v = stack[--sp];
            stack[sp - 1] = v;
            continue;
          }
          case 236 /* INSTRUMENTED_RESUME */: case 237 /* INSTRUMENTED_END_FOR */: case 238 /* INSTRUMENTED_END_SEND */:
          case 239 /* INSTRUMENTED_RETURN_VALUE */:
          case 240 /* INSTRUMENTED_RETURN_CONST */: case 241 /* INSTRUMENTED_YIELD_VALUE */:
          case 243 /* INSTRUMENTED_FOR_ITER */: case 244 /* INSTRUMENTED_CALL */: case 245 /* INSTRUMENTED_CALL_KW */:
          case 246 /* INSTRUMENTED_CALL_FUNCTION_EX */: case 247 /* INSTRUMENTED_INSTRUCTION */:
          case 248 /* INSTRUMENTED_JUMP_FORWARD */: case 249 /* INSTRUMENTED_JUMP_BACKWARD */:
          case 250 /* INSTRUMENTED_POP_JUMP_IF_TRUE */: case 251 /* INSTRUMENTED_POP_JUMP_IF_FALSE */:
          case 252 /* INSTRUMENTED_POP_JUMP_IF_NONE */: case 253 /* INSTRUMENTED_POP_JUMP_IF_NOT_NONE */:
          case 254 /* INSTRUMENTED_LINE */: {
            // sys.monitoring / sys.settrace (src/vm/instrumentation.ts): the instruction's events out of line, then
            // either its next layer re-dispatched from the code's step array, or the continuation the handler made.
            frame.instr = here;
            frame.stacktop = sp;
            const st = _Py_Instrumented(tstate, frame, word & 255, oparg);
            if (st !== null) { ext = oparg & ~255; instrs = st; pc = here; continue; }
            pc = frame.instr;
            sp = frame.stacktop;
            continue;
          }
          case 255: // STEP_RETURN (Typhon's): one original instruction ran from the step array; back to the code
            instrs = code._co_code_adaptive;
            pc = here;
            ext = oparg;
            continue;
          case 22 /* INTERPRETER_EXIT */:
            return stack[--sp]!;
          default:
            // The rarer instructions, out of line (coldOp): a smaller evalLoop compiles sooner in TurboFan and is
            // deoptimised less often by paths that had not run before it was compiled.
            sp = coldOp(tstate, frame, code, stack, sp, word & 255, oparg, here);
            continue;
        }
      }
    } catch (thrown) {
      unwinding = thrown;
    }
    {
      const e = unwinding;
      // Green threads (src/vm/threads.ts): leave the frames resumable. A switch at the eval breaker resumes after it;
      // a blocking native's CALL is retried (its stack was saved in frame.stacktop before the call).
      if (e === _Py_THREAD_SWITCH) {
        frame.instr = pc;
        frame.stacktop = sp;
        return _Py_SUSPENDED;
      }
      if (e === _Py_WOULD_BLOCK) {
        frame.instr = here;
        return _Py_SUSPENDED;
      }
      if (e instanceof PosixExit) throwOut(e); // os._exit: no handler runs
      // ---- exception_unwind ----
      let exc: PyBaseExceptionObject;
      const wasReraise = reraising;
      reraising = false;
      try {
        exc = e instanceof PyBaseExceptionObject ? e : _PyErr_FromJS(e);
      } catch (e2) {
        exc = e2 as PyBaseExceptionObject;
      }
      // A re-raise unwinds from the instruction that re-raised (RERAISE may have moved frame.instr back to the
      // original lasti for f_lineno) and adds no traceback entry (exception_unwind in ceval.c).
      if (!wasReraise) {
        frame.instr = here;
        PyTraceBack_Here(exc, frame);
      }
      if (_PyInstrumentation_active) exc = _Py_MonitorRaise(tstate, frame, here, exc, wasReraise);
      for (;;) {
        const h = findHandler(code, here);
        if (h >= 0) {
          const t = code._exctable;
          const target = t[4 * h + 2];
          const dl = t[4 * h + 3];
          const newSp = code.co_nlocalsplus + (dl >> 1);
          for (let i = newSp; i < sp; i++) stack[i] = null;
          sp = newSp;
          if (dl & 1) stack[sp++] = here;
          stack[sp++] = exc;
          if (_PyInstrumentation_active) _Py_MonitorHandled(tstate, frame, here, target, exc);
          pc = target;
          break;
        }
        // No handler here: pop the frame and continue unwinding in the caller.
        if (_PyInstrumentation_active) exc = _Py_MonitorUnwind(tstate, frame, here, exc);
        for (let i = code.co_nlocalsplus; i < sp; i++) stack[i] = null;
        const gen = frame.f_gen as PyGenObject | null;
        if (gen !== null) {
          gen.gi_frame_state = FRAME_COMPLETED;
          if (frame !== entry) {
            tstate.exc_info = gen.gi_exc_state.previous_item ?? tstate.exc_state;
            gen.gi_exc_state.previous_item = null;
          }
        }
        if (frame === entry) {
          raisedExc = exc;
          return RAISED;
        }
        tstate.py_recursion_remaining++;
        frame = frame.f_back!;
        tstate.current_frame = frame;
        code = frame.f_code; instrs = code._co_code_adaptive; consts = code._consts; names = code._names;
        stack = frame.localsplus; sp = frame.stacktop;
        here = frame.instr;
        PyTraceBack_Here(exc, frame);
        if (_PyInstrumentation_active) exc = _Py_MonitorRaise(tstate, frame, here, exc, false, true);
      }
    }
  }
}

/**
 * Make `callee` the running frame above `caller`, as every inline call does (_PyFrame_PushUnchecked and the
 * recursion check): the caller keeps its stack pointer and resumes `returnOffset` units after `here`.
 */
function pushFrame(tstate: PyThreadState, caller: PyFrameObject, callee: PyFrameObject, sp: number, here: number,
  returnOffset: number): void {
  caller.stacktop = sp;
  caller.instr = here;
  caller.return_offset = returnOffset;
  callee.f_back = caller;
  if (--tstate.py_recursion_remaining < 0) { tstate.py_recursion_remaining++; recursionError(); }
  tstate.current_frame = callee;
}

/** What evalLoop returns when an exception leaves its entry frame: the exception waits in `raisedExc` until the
 *  caller (_PyEval_EvalFrame, _PyEval_RunThread) throws it, so V8's unwinder never walks evalLoop's own frame (for a
 *  frame in the baseline tier that means two scans of its bytecode-offset table, see throwOut). */
const RAISED: PyVal = Symbol("evalLoop raised") as unknown as PyVal;
let raisedExc: PyBaseExceptionObject | null = null;

function raiseOut(): never {
  const e = raisedExc!;
  raisedExc = null;
  throw e;
}

/**
 * Throw `e` from a one-line function: V8 locates every throw in its thrower's source positions (and, for a frame
 * running in the baseline tier, its bytecode offset table), a scan as long as the thrower, which for evalLoop and
 * coldOp cost more than the rest of a failed import.
 */
function throwOut(e: unknown): never {
  throw e;
}

/**
 * The instructions evalLoop runs out of line: none of them switches frames or jumps. Returns the new stack
 * pointer; the caller skips inline caches (only LOAD_SUPER_ATTR has any).
 */
function coldOp(tstate: PyThreadState, frame: PyFrameObject, code: PyCodeObject, stack: (PyVal | null)[], sp: number,
  opcode: number, oparg: number, here: number): number {
  const names = code._names;
  // The frame's current instruction, as CPython's instr_ptr: a warning or a native's traceback from any of these
  // instructions reads this frame's line from it (UNARY_INVERT's DeprecationWarning on a bool named an earlier line).
  frame.instr = here;
  switch (opcode) {
    case 114 /* STORE_NAME */: {
      const name = names[oparg];
      const v = stack[--sp]!;
      const ns = frame.f_locals;
      if (ns === null) PyErr_Format(PyExc_SystemError, `no locals found when storing ${PyObject_Repr(name).value}`);
      if (ns instanceof PyDictObject && ns.ob_type.mp_ass_subscript === dictAssSubscript) PyDict_SetItem(ns, name, v);
      else PyObject_SetItem(ns!, name, v);
      return sp;
    }
    case 92 /* LOAD_NAME */: {
      const name = names[oparg];
      const ns = frame.f_locals;
      if (ns === null) PyErr_Format(PyExc_SystemError, `no locals found when loading ${PyObject_Repr(name).value}`);
      let v = lookupMapping(ns!, name);
      if (v === undefined) v = PyDict_GetItemStr(frame.f_globals, name);
      if (v === undefined) v = PyDict_GetItemStr(frame.f_builtins, name);
      if (v === undefined) nameError(name, `name '${name.value}' is not defined`);
      stack[sp++] = v!;
      return sp;
    }
    case 26 /* MAKE_FUNCTION */: {
      const c = stack[sp - 1] as PyCodeObject;
      stack[sp - 1] = new PyFunctionObject(c, frame.f_globals, frame.f_builtins, null);
      return sp;
    }
    case 4 /* BINARY_SLICE */: {
      const stop = stack[--sp]!;
      const start = stack[--sp]!;
      const container = stack[sp - 1]!;
      stack[sp - 1] = PyObject_GetItem(container, PySlice_New(start, stop, Py_None));
      return sp;
    }
    case 106 /* SET_FUNCTION_ATTRIBUTE */: {
      const func = stack[--sp] as PyFunctionObject;
      const attr = stack[sp - 1]!;
      switch (oparg) {
        case 1: func.func_defaults = attr as PyTupleObject; break;
        case 2: func.func_kwdefaults = attr as PyDictObject; break;
        case 4: func.func_annotations = attr; break;
        case 8: func.func_closure = attr as PyTupleObject; break;
        default: PyErr_Format(PyExc_SystemError, `bad SET_FUNCTION_ATTRIBUTE oparg ${oparg}`);
      }
      stack[sp - 1] = func;
      return sp;
    }
    case 93 /* LOAD_SUPER_ATTR */: {
      // (global_super, class, self -- attr, null if (oparg & 1))
      const self = stack[--sp]!;
      const cls = stack[--sp]!;
      const gsuper = stack[sp - 1]!;
      const name = names[oparg >> 2];
      let attr: PyVal;
      let selfOrNull: PyVal | null = null;
      if (gsuper === PySuper_Type && cls instanceof PyTypeObject) {
        const objType = supercheck(cls, self);
        const r = _PySuper_Lookup(cls, self, objType, name, false);
        if (r === undefined) {
          attr = PyObject_GetAttr(PyObject_Vectorcall(gsuper, [cls, self], null), name);
        } else attr = r;
        if (oparg & 1) {
          // Prefer the unbound method form when the lookup found a function-like descriptor.
          if (attr instanceof PyMethodObject && attr.im_self === self) { selfOrNull = self; attr = attr.im_func; }
        }
      } else {
        const sup = PyObject_Vectorcall(gsuper, oparg & 2 ? [cls, self] : [], null);
        attr = PyObject_GetAttr(sup, name);
      }
      stack[sp - 1] = attr;
      if (oparg & 1) stack[sp++] = selfOrNull;
      return sp;
    }
    case 48 /* BUILD_MAP */: {
      const d = PyDict_New();
      const base = sp - 2 * oparg;
      for (let i = 0; i < oparg; i++) PyDict_SetItem(d, stack[base + 2 * i]!, stack[base + 2 * i + 1]!);
      for (let i = base; i < sp; i++) stack[i] = null;
      sp = base;
      stack[sp++] = d;
      return sp;
    }
    case 51 /* BUILD_STRING */: {
      let s = "";
      for (let i = sp - oparg; i < sp; i++) { s += (stack[i] as PyUnicodeObject).value; stack[i] = null; }
      sp -= oparg;
      stack[sp++] = PyUnicode_FromString(s);
      return sp;
    }
    case 95 /* MAP_ADD */: {
      const value = stack[--sp]!;
      const key = stack[--sp]!;
      PyDict_SetItem(stack[sp - oparg] as PyDictObject, key, value);
      return sp;
    }
    case 60 /* CONVERT_VALUE */: {
      const v = stack[sp - 1]!;
      stack[sp - 1] = oparg === 1 ? PyObject_Str(v) : oparg === 2 ? PyObject_Repr(v) : PyObject_ASCII(v);
      return sp;
    }
    case 75 /* IMPORT_NAME */: {
      const fromlist = stack[--sp]!;
      const level = stack[sp - 1]!;
      frame.instr = here; // the imported module's warnings and tracebacks read this frame's line
      stack[sp - 1] = vmHooks.importName(frame, names[oparg], fromlist, level);
      return sp;
    }
    case 94 /* MAKE_CELL */: {
      const init = stack[oparg];
      stack[oparg] = new PyCellObject(init);
      return sp;
    }
    case 68 /* DICT_MERGE */: {
      const update = stack[--sp]!;
      const d = stack[sp - oparg] as PyDictObject;
      const callable = stack[sp - oparg - 3]!;
      dictMerge(callable, d, update);
      return sp;
    }
    case 24 /* LOAD_BUILD_CLASS */: {
      const bc = PyDict_GetItemStr(frame.f_builtins, buildClassName);
      if (bc === undefined) PyErr_Format(PyExc_NameError, "__build_class__ not found");
      stack[sp++] = bc!;
      return sp;
    }
    case 7 /* CHECK_EXC_MATCH */: {
      const right = stack[sp - 1]!;
      const left = stack[sp - 2]!;
      checkExceptTypeValid(right);
      stack[sp - 1] = PyErr_GivenExceptionMatches(left, right) ? Py_True : Py_False;
      return sp;
    }
    case 74 /* IMPORT_FROM */:
      frame.instr = here; // a module __getattr__ may warn or raise
      stack[sp] = vmHooks.importFrom(stack[sp - 1]!, names[oparg]);
      sp++;
      return sp;
    case 46 /* BUILD_CONST_KEY_MAP */: {
      const keys = (stack[--sp] as PyTupleObject).ob_item;
      const d = PyDict_New();
      const base = sp - oparg;
      for (let i = 0; i < oparg; i++) PyDict_SetItem(d, keys[i], stack[base + i]!);
      for (let i = base; i < sp; i++) stack[i] = null;
      sp = base;
      stack[sp++] = d;
      return sp;
    }
    case 81 /* LIST_EXTEND */: {
      const iterable = stack[--sp]!;
      const list = stack[sp - oparg] as PyListObject;
      listExtend(list, iterable);
      return sp;
    }
    case 55 /* CALL_INTRINSIC_1 */:
      stack[sp - 1] = callIntrinsic1(tstate, frame, oparg, stack[sp - 1]!);
      return sp;
    case 50 /* BUILD_SLICE */: {
      const step = oparg === 3 ? stack[--sp]! : Py_None;
      const stop = stack[--sp]!;
      stack[sp - 1] = PySlice_New(stack[sp - 1]!, stop, step);
      return sp;
    }
    case 49 /* BUILD_SET */: {
      const items = stack.slice(sp - oparg, sp) as PyVal[];
      for (let i = sp - oparg; i < sp; i++) stack[i] = null;
      sp -= oparg;
      stack[sp++] = vmHooks.buildSet(items);
      return sp;
    }
    case 41 /* UNARY_INVERT */:
      stack[sp - 1] = PyNumber_Invert(stack[sp - 1]!);
      return sp;
    case 67 /* DELETE_NAME */: {
      const name = names[oparg];
      const ns = frame.f_locals;
      if (ns === null) PyErr_Format(PyExc_SystemError, `no locals when deleting ${PyObject_Repr(name).value}`);
      try {
        if (ns instanceof PyDictObject && ns.ob_type.mp_ass_subscript === dictAssSubscript) {
          if (!PyDict_DelItemIf(ns, name)) throwOut(nameErrorKey);
        } else PyObject_DelItem(ns!, name);
      } catch (e) {
        if (e === nameErrorKey || (e instanceof PyBaseExceptionObject && PyType_IsSubtype(e.ob_type, PyExc_KeyError))) {
          nameError(name, `name '${name.value}' is not defined`);
        }
        throwOut(e);
      }
      return sp;
    }
    case 113 /* STORE_GLOBAL */:
      PyDict_SetItem(frame.f_globals, names[oparg], stack[--sp]!);
      return sp;
    case 69 /* DICT_UPDATE */: {
      const update = stack[--sp]!;
      const d = stack[sp - oparg] as PyDictObject;
      try {
        PyDict_Merge(d, update, true);
      } catch (e) {
        if (e instanceof PyBaseExceptionObject && PyType_IsSubtype(e.ob_type, PyExc_AttributeError)) {
          PyErr_Format(PyExc_TypeError, `'${Py_TYPE(update).tp_name}' object is not a mapping`);
        }
        throwOut(e);
      }
      return sp;
    }
    case 38 /* STORE_SLICE */: {
      const stop = stack[--sp]!;
      const start = stack[--sp]!;
      const container = stack[--sp]!;
      const v = stack[--sp]!;
      PyObject_SetItem(container, PySlice_New(start, stop, Py_None), v);
      return sp;
    }
    case 44 /* WITH_EXCEPT_START */: {
      // (exit_func, lasti, unused, val -- exit_func, lasti, unused, val, res)
      const val = stack[sp - 1] as PyBaseExceptionObject;
      const exitFunc = stack[sp - 4]!;
      const tb = val.traceback ?? Py_None;
      stack[sp++] = PyObject_Vectorcall(exitFunc, [Py_TYPE(val), val, tb], null);
      return sp;
    }
    case 65 /* DELETE_FAST */:
      if (stack[oparg] === null) unboundLocal(code, oparg);
      stack[oparg] = null;
      return sp;
    case 25 /* LOAD_LOCALS */: {
      const ns = frame.f_locals;
      if (ns === null) PyErr_Format(PyExc_SystemError, "no locals found");
      stack[sp++] = ns!;
      return sp;
    }
    case 56 /* CALL_INTRINSIC_2 */: {
      const v1 = stack[--sp]!;
      stack[sp - 1] = callIntrinsic2(oparg, stack[sp - 1]!, v1);
      return sp;
    }
    case 89 /* LOAD_FROM_DICT_OR_DEREF */: {
      const mapping = stack[sp - 1]!;
      const name = code._localsplusnames[oparg];
      let v = lookupMapping(mapping, name);
      if (v === undefined) {
        const cell = stack[oparg] as PyCellObject;
        v = cell.ob_ref ?? undefined;
        if (v === undefined) unboundDeref(code, oparg);
      }
      stack[sp - 1] = v!;
      return sp;
    }
    case 107 /* SET_UPDATE */: {
      const iterable = stack[--sp]!;
      vmHooks.setUpdate(stack[sp - oparg]!, iterable);
      return sp;
    }
    case 21 /* GET_YIELD_FROM_ITER */: {
      const v = stack[sp - 1]!;
      if (v instanceof PyGenObject && v.ob_type === PyCoro_Type) {
        if (!(code.co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
          PyErr_Format(PyExc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        }
      } else if (!(v instanceof PyGenObject && v.ob_type === PyGen_Type)) {
        stack[sp - 1] = PyObject_GetIter(v);
      }
      return sp;
    }
    case 9 /* DELETE_SUBSCR */: {
      const sub = stack[--sp]!;
      const container = stack[--sp]!;
      PyObject_DelItem(container, sub);
      return sp;
    }
    case 105 /* SET_ADD */: {
      const v = stack[--sp]!;
      vmHooks.setAdd(stack[sp - oparg]!, v);
      return sp;
    }
    case 15 /* FORMAT_WITH_SPEC */: {
      const spec = stack[--sp] as PyUnicodeObject;
      stack[sp - 1] = PyObject_Format(stack[sp - 1]!, spec);
      return sp;
    }
    case 16 /* GET_AITER */:
      stack[sp - 1] = getAIter(stack[sp - 1]!);
      return sp;
    case 18 /* GET_ANEXT */:
      stack[sp] = getANext(stack[sp - 1]!);
      sp++;
      return sp;
    case 73 /* GET_AWAITABLE */:
      stack[sp - 1] = getAwaitable(stack[sp - 1]!, oparg);
      return sp;
    case 10 /* END_ASYNC_FOR */: {
      const exc = stack[--sp]!;
      if (PyExceptionInstance_Check(exc) && PyType_IsSubtype(exc.ob_type, PyExc_StopAsyncIteration)) {
        stack[--sp] = null;
        return sp;
      }
      frame.instr = here;
      reraising = true;
      throwOut(exc);
    }
    case 8 /* CLEANUP_THROW */: {
      // (sub_iter, last_sent_val, exc_value -- none, value)
      const exc = stack[--sp]!;
      if (PyExceptionInstance_Check(exc) && PyType_IsSubtype(exc.ob_type, PyExc_StopIteration)) {
        const value = (exc as PyStopIterationObject).value;
        sp -= 2;
        stack[sp++] = Py_None;
        stack[sp++] = value;
        return sp;
      }
      frame.instr = here;
      reraising = true;
      throwOut(exc);
    }
    case 23 /* LOAD_ASSERTION_ERROR */:
      stack[sp++] = PyExc_AssertionError;
      return sp;
    case 116 /* UNPACK_EX */: {
      const before = oparg & 0xff, after = oparg >> 8;
      const seq = stack[--sp]!;
      const items = unpackIterable(seq, before, after);
      for (let i = items.length - 1; i >= 0; i--) stack[sp++] = items[i];
      return sp;
    }
    case 63 /* DELETE_ATTR */:
      PyObject_SetAttr(stack[--sp]!, names[oparg], null);
      return sp;
    case 66 /* DELETE_GLOBAL */:
      if (!PyDict_DelItemIf(frame.f_globals, names[oparg])) {
        nameError(names[oparg], `name '${names[oparg].value}' is not defined`);
      }
      return sp;
    case 90 /* LOAD_FROM_DICT_OR_GLOBALS */: {
      const mapping = stack[sp - 1]!;
      const name = names[oparg];
      let v = lookupMapping(mapping, name);
      if (v === undefined) v = PyDict_GetItemStr(frame.f_globals, name);
      if (v === undefined) v = PyDict_GetItemStr(frame.f_builtins, name);
      if (v === undefined) nameError(name, `name '${name.value}' is not defined`);
      stack[sp - 1] = v!;
      return sp;
    }
    case 64 /* DELETE_DEREF */: {
      const cell = stack[oparg] as PyCellObject;
      if (cell.ob_ref === null) unboundDeref(code, oparg);
      cell.ob_ref = null;
      return sp;
    }
    case 37 /* SETUP_ANNOTATIONS */: {
      const ns = frame.f_locals;
      if (ns === null) PyErr_Format(PyExc_SystemError, "no locals found when setting up annotations");
      if (lookupMapping(ns!, annotationsName) === undefined) PyObject_SetItem(ns!, annotationsName, PyDict_New());
      return sp;
    }
    case 6 /* CHECK_EG_MATCH */: {
      const matchType = stack[--sp]!;
      const excValue = stack[sp - 1]!;
      checkExceptStarTypeValid(matchType);
      const [match, rest] = exceptionGroupMatch(excValue, matchType);
      stack[sp - 1] = rest ?? Py_None;
      stack[sp++] = match ?? Py_None;
      if (match !== null) tstate.exc_info.exc_value = match;
      return sp;
    }
    case 20 /* GET_LEN */:
      stack[sp] = PyObject_Size(stack[sp - 1]!);
      sp++;
      return sp;
    case 96 /* MATCH_CLASS */: {
      const kwnames = stack[--sp] as PyTupleObject;
      const type = stack[--sp]!;
      const subject = stack[sp - 1]!;
      const attrs = matchClass(subject, type, oparg, kwnames);
      stack[sp - 1] = attrs === null ? Py_None : PyTuple_New(attrs);
      return sp;
    }
    case 28 /* MATCH_MAPPING */:
      stack[sp] = hasFlag(Py_TYPE(stack[sp - 1]!), Py_TPFLAGS_MAPPING) ? Py_True : Py_False;
      sp++;
      return sp;
    case 29 /* MATCH_SEQUENCE */:
      stack[sp] = hasFlag(Py_TYPE(stack[sp - 1]!), Py_TPFLAGS_SEQUENCE) ? Py_True : Py_False;
      sp++;
      return sp;
    case 27 /* MATCH_KEYS */: {
      const keys = stack[sp - 1] as PyTupleObject;
      const subject = stack[sp - 2]!;
      const vals = matchKeys(subject, keys);
      stack[sp++] = vals === null ? Py_None : PyTuple_New(vals);
      return sp;
    }
    case 1 /* BEFORE_ASYNC_WITH */: {
      const mgr = stack[sp - 1]!;
      const enter = _PyObject_LookupSpecial(mgr, "__aenter__");
      if (enter === undefined) {
        PyErr_Format(PyExc_TypeError, `'${Py_TYPE(mgr).tp_name}' object does not support the asynchronous context manager protocol`);
      }
      const exit = _PyObject_LookupSpecial(mgr, "__aexit__");
      if (exit === undefined) {
        PyErr_Format(PyExc_TypeError, `'${Py_TYPE(mgr).tp_name}' object does not support the asynchronous context manager protocol (missed __aexit__ method)`);
      }
      stack[sp - 1] = exit!;
      stack[sp++] = PyObject_Vectorcall(enter!, [], null);
      return sp;
    }
    case 13 /* EXIT_INIT_CHECK */: {
      const v = stack[--sp]!;
      if (v !== Py_None) PyErr_Format(PyExc_TypeError, `__init__() should return None, not '${Py_TYPE(v).tp_name}'`);
      return sp;
    }
    case 0 /* CACHE */:
    case 17 /* RESERVED */:
    case 70 /* ENTER_EXECUTOR */:
    default:
      return PyErr_Format(PyExc_SystemError, `unknown opcode ${opcode}`);
  }
}

// ---- fast paths ----

function binaryIntFast(oparg: number, a: number, b: number): PyVal {
  switch (oparg) {
    case 0: case 13: { const r = a + b; if (r <= MAX && r >= -MAX) return r; break; }
    case 10: case 23: { const r = a - b; if (r <= MAX && r >= -MAX) return r; break; }
    case 5: case 18: { const r = a * b; if (r <= MAX && r >= -MAX) return r === 0 ? 0 : r; break; }
    case 2: case 15:
      if (b !== 0) {
        const r = a % b;
        let q = (a - r) / b;
        if (r !== 0 && (r < 0) !== (b < 0)) q -= 1;
        return q === 0 ? 0 : q;
      }
      break;
    case 6: case 19:
      if (b !== 0) {
        let r = a % b;
        if (r !== 0 && (r < 0) !== (b < 0)) r += b;
        return r === 0 ? 0 : r;
      }
      break;
    case 1: case 14: if ((a | 0) === a && (b | 0) === b) return a & b; break;
    case 7: case 20: if ((a | 0) === a && (b | 0) === b) return a | b; break;
    case 12: case 25: if ((a | 0) === a && (b | 0) === b) return a ^ b; break;
    case 11: case 24: if (b !== 0) return PyFloat_FromDouble(a / b); break;
    default: break;
  }
  return _PyEval_BinaryOps[oparg](a, b);
}

function binaryFloatFast(oparg: number, a: number, b: number): PyVal {
  switch (oparg) {
    case 0: case 13: return PyFloat_FromDouble(a + b);
    case 10: case 23: return PyFloat_FromDouble(a - b);
    case 5: case 18: return PyFloat_FromDouble(a * b);
    case 11: case 24: if (b !== 0) return PyFloat_FromDouble(a / b); break;
    default: break;
  }
  return _PyEval_BinaryOps[oparg](PyFloat_FromDouble(a), PyFloat_FromDouble(b));
}

let dictSubscript: ((a: PyVal, b: PyVal) => PyVal) | null = null;
let dictAssSubscript: ((a: PyVal, k: PyVal, v: PyVal | null) => void) | null = null;
let buildClassName: PyUnicodeObject;
let initName: PyUnicodeObject;
let getitemName: PyUnicodeObject;
let annotationsName: PyUnicodeObject;
let sendName: PyUnicodeObject;
let emptyStr: PyUnicodeObject;
const nameErrorKey = {};

/** Called once the types are ready (pylifecycle). */
export function _PyEval_Init(): void {
  const dt = PyDict_New().ob_type;
  dictType = dt;
  dictSubscript = dt.mp_subscript;
  dictAssSubscript = dt.mp_ass_subscript;
  buildClassName = PyUnicode_InternFromStringLocal("__build_class__");
  initName = PyUnicode_InternFromStringLocal("__init__");
  getitemName = PyUnicode_InternFromStringLocal("__getitem__");
  annotationsName = PyUnicode_InternFromStringLocal("__annotations__");
  sendName = PyUnicode_InternFromStringLocal("send");
  emptyStr = PyUnicode_FromString("");
  genHooks.evalFrame = (f, exc) => _PyEval_EvalFrame(_PyThreadState_GET(), f, exc);
}

function PyUnicode_InternFromStringLocal(s: string): PyUnicodeObject {
  return vmHooks.intern(s);
}

/** The Python `__init__` CALL_ALLOC_AND_ENTER_INIT may push for a class whose metaclass is `type`: instances made by
 *  object.__new__ (no abstract methods), an `__init__` that is a plain function (not a generator or coroutine,
 *  whose RETURN_GENERATOR would bypass the None check); else null. */
function pythonInit(t: PyTypeObject): PyFunctionObject | null {
  if (t.tp_new !== PyBaseObject_Type.tp_new || (t.tp_flags & Py_TPFLAGS_IS_ABSTRACT) !== 0) return null;
  const init = _PyType_Lookup(t, initName);
  if (!(init instanceof PyFunctionObject)) return null;
  return (init.func_code.co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE)) === 0
    ? init : null;
}

/** The __getitem__ BINARY_SUBSCR may push as a frame (specialize.c's BINARY_SUBSCR_GETITEM conditions): a plain
 *  Python function of a heap type taking exactly (self, key), no *args, **kwargs or keyword-only parameters; else
 *  null, and the slot calls it. */
function pythonGetitem(t: PyTypeObject): PyFunctionObject | null {
  if ((t.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0) return null;
  const f = _PyType_Lookup(t, getitemName);
  if (!(f instanceof PyFunctionObject) || f.ob_type !== PyFunction_Type) return null;
  const c = f.func_code;
  return c.co_argcount === 2 && c.co_kwonlyargcount === 0 && (c.co_flags & (CO_VARARGS | CO_VARKEYWORDS)) === 0 &&
    (c.co_flags & CO_OPTIMIZED) !== 0 ? f : null;
}

/** Whether the unit before `pc` is a YIELD_VALUE (in the code as compiled: instrumentation keeps it in base). */
function afterYield(code: PyCodeObject, pc: number): boolean {
  const units = code._co_monitoring !== null ? code._co_monitoring.base : code._co_code_adaptive;
  const op = units[pc - 1] & 255;
  return op === op_YIELD_VALUE || op === op_INSTRUMENTED_YIELD_VALUE;
}
const op_YIELD_VALUE = 118;
const op_INSTRUMENTED_YIELD_VALUE = 241;

function initReturnError(v: PyVal): never {
  return PyErr_Format(PyExc_TypeError, `__init__() should return None, not '${Py_TYPE(v).tp_name}'`);
}

// ---- attribute caches (the specializing interpreter's LOAD_ATTR/STORE_ATTR forms, Python/specialize.c) ----

/** An instance attribute found at `index` of the instance dict (the index is a hint, checked by key identity). */
const ATTR_INSTANCE = 0;
/** A method (a METHOD_DESCRIPTOR such as a Python function) found on the type, not shadowed by the instance. */
const ATTR_METHOD = 1;
/** A module attribute at `index` of the module dict, valid while the dict's keys version is `keysVersion`. */
const ATTR_MODULE = 2;
/** A __slots__ member (or another member descriptor) read or written through its PyMemberDef. */
const ATTR_SLOT = 3;
/** A class attribute without __get__ (a constant), not shadowed by the instance. */
const ATTR_CLASS_VALUE = 4;
/** An attribute of a class whose metaclass is `type` (LOAD_ATTR_CLASS): a constant or a plain function, valid while
 *  that class (`owner`) keeps the version tag `keysVersion`. */
const ATTR_CLASS = 5;
/** A property (exactly `property`) whose getter `owner` is a plain Python function, called as a pushed frame. */
const ATTR_PROPERTY = 6;

/** A LOAD_ATTR/STORE_ATTR cache entry: valid while the owner's type is `type` and its version tag `version`. */
class AttrCache extends PyObject {
  kind: number;
  type: PyTypeObject;
  version: number;
  index: number;
  keysVersion: number;
  descr: PyVal | null;
  /** The type's instances have a __dict__ (tp_dictoffset 1) that may shadow `descr`. */
  hasDict: boolean;
  /** ATTR_CLASS: the class the attribute was loaded from. */
  owner: PyObject | null;
  /** Guard failures since this entry was made: the instruction is specialized again after a few. */
  misses: number;
  constructor(kind: number, type: PyTypeObject, index: number, keysVersion: number, descr: PyVal | null,
    owner: PyObject | null) {
    super(PyAttrCache_Type);
    this.kind = kind;
    this.type = type;
    this.version = type.tp_version_tag;
    this.index = index;
    this.keysVersion = keysVersion;
    this.descr = descr;
    this.hasDict = type.tp_dictoffset === 1;
    this.owner = owner;
    this.misses = 0;
  }
}
const PyAttrCache_Type = new PyTypeObject(null, "attr_cache");

/** An instruction that could not be specialized: it tries again after `left` more runs, each failure doubling the
 *  wait (specialize.c's adaptive backoff counter). */
class AttrBackoff extends PyObject {
  left: number;
  span: number;
  constructor(span: number) {
    super(PyAttrCache_Type);
    this.left = span;
    this.span = span;
  }
}
const ATTR_MISSES = 4;
const ATTR_BACKOFF_MAX = 4096;

interface DictOwner { dict: PyDictObject | null }

/** The instance does not shadow the type's attribute with an entry of its own __dict__. */
function noInstanceAttr(c: AttrCache, owner: PyObject, name: PyUnicodeObject): boolean {
  if (!c.hasDict) return true;
  const d = (owner as unknown as DictOwner).dict;
  return d === null || d.ma_used === 0 || _PyDict_LookupIndexStr(d, name) < 0;
}

/** The cached forms' result, or undefined when the cache does not apply to this owner (the generic path decides). */
function loadAttrCached(c: AttrCache, owner: PyObject, name: PyUnicodeObject): PyVal | undefined {
  switch (c.kind) {
    case ATTR_INSTANCE: {
      const d = (owner as unknown as DictOwner).dict;
      if (d === null) return undefined;
      let i = c.index;
      if (i >= d.dk_nentries || d.me_key[i] !== name) {
        i = _PyDict_LookupIndexStr(d, name);
        if (i < 0) return undefined;
        c.index = i;
      }
      return d.me_value[i]!;
    }
    case ATTR_MODULE: {
      const d = (owner as unknown as DictOwner).dict!;
      return d.ma_keys_version === c.keysVersion ? d.me_value[c.index] ?? undefined : undefined;
    }
    case ATTR_SLOT:
      return (c.descr as PyMemberDescrObject).d_member.get(owner);
    case ATTR_CLASS_VALUE:
      return noInstanceAttr(c, owner, name) ? c.descr! : undefined;
    case ATTR_CLASS:
      return owner === c.owner && (owner as PyTypeObject).tp_version_tag === c.keysVersion ? c.descr! : undefined;
    default:
      return undefined;
  }
}

/** A suspended generator's frame, about to run inline (FOR_ITER_GEN, SEND_GEN): `value` is pushed as the result of
 *  its YIELD_VALUE (or ignored by a just-started frame), and its exception state is linked above the thread's. */
function enterGenFrame(tstate: PyThreadState, gen: PyGenObject, value: PyVal): PyFrameObject {
  const gf = gen.gi_frame;
  gf.localsplus[gf.stacktop++] = value;
  gen.gi_frame_state = FRAME_EXECUTING;
  gen.gi_exc_state.previous_item = tstate.exc_info;
  tstate.exc_info = gen.gi_exc_state;
  return gf;
}

/** LOAD_ATTR's generic path (PyObject_GetAttr / _PyObject_GetMethod), then its specialization for next time. */
function loadAttrGeneric(code: PyCodeObject, stack: (PyVal | null)[], sp: number, oparg: number, here: number): number {
  const owner = stack[sp - 1]!;
  const name = code._names[oparg >> 1];
  if (oparg & 1) {
    const [meth, unbound] = _PyObject_GetMethod(owner, name);
    if (unbound) { stack[sp - 1] = meth; stack[sp++] = owner; }
    else { stack[sp - 1] = meth; stack[sp++] = null; }
  } else {
    const t = Py_TYPE(owner);
    stack[sp - 1] = t.tp_getattro === PyObject_GenericGetAttr ? PyObject_GenericGetAttr(owner, name, false)! : PyObject_GetAttr(owner, name);
  }
  maybeSpecializeAttr(code, owner, name, here, (oparg & 1) !== 0, false);
  return sp;
}

function storeAttrCached(c: AttrCache, owner: PyObject, name: PyUnicodeObject, v: PyVal): void {
  if (c.kind === ATTR_SLOT) {
    (c.descr as PyMemberDescrObject).d_member.set!(owner, v);
    return;
  }
  // ATTR_INSTANCE: the type has no descriptor of this name, so the value goes to the instance dict.
  const o = owner as unknown as DictOwner;
  let d = o.dict;
  if (d === null) d = o.dict = PyDict_New();
  const i = c.index;
  if (i < d.dk_nentries && d.me_key[i] === name) {
    d.me_value[i] = v;
    d.ma_version++;
  } else PyDict_SetItem(d, name, v);
}

function storeAttrGeneric(code: PyCodeObject, owner: PyVal, name: PyUnicodeObject, v: PyVal, here: number): void {
  PyObject_SetAttr(owner, name, v);
  maybeSpecializeAttr(code, owner, name, here, false, true);
}

/** After the generic path: specialize the instruction, unless its current entry still has misses to spare or its
 *  backoff has not run out. */
function maybeSpecializeAttr(code: PyCodeObject, owner: PyVal, name: PyUnicodeObject, here: number, method: boolean,
  store: boolean): void {
  let caches = code._cache_objects;
  if (caches === null) caches = code._cache_objects = new Array<PyVal | null>(code._co_code_adaptive.length).fill(null);
  const cur = caches[here];
  if (cur instanceof AttrCache && ++cur.misses < ATTR_MISSES) return;
  if (cur instanceof AttrBackoff && --cur.left > 0) return;
  const c = specializeAttr(owner, name, method, store);
  if (c !== null) caches[here] = c;
  else if (cur instanceof AttrBackoff) cur.left = cur.span = Math.min(cur.span * 2, ATTR_BACKOFF_MAX);
  else caches[here] = new AttrBackoff(16);
}

/** The cache entry of a specialized form for this owner and name (specialize.c's _Py_Specialize_LoadAttr and
 *  _Py_Specialize_StoreAttr, for the forms above), or null when none applies. */
function specializeAttr(owner: PyVal, name: PyUnicodeObject, method: boolean, store: boolean): AttrCache | null {
  if (typeof owner === "number") return null;
  const t = owner.ob_type;
  if (t.tp_version_tag === 0) return null;
  if (store ? t.tp_setattro !== PyObject_GenericSetAttr : t.tp_getattro !== PyObject_GenericGetAttr) {
    if (store) return null;
    if (t === PyModule_Type) {
      // LOAD_ATTR_MODULE: an exact module whose type has no attribute of this name (module_getattro looks in the
      // type first, then the dict, then the module's __getattr__).
      const d = (owner as unknown as DictOwner).dict;
      if (d === null || _PyType_Lookup(t, name) !== null) return null;
      const ix = _PyDict_LookupIndexStr(d, name);
      return ix < 0 ? null : new AttrCache(ATTR_MODULE, t, ix, d.ma_keys_version, null, null);
    }
    if (t === PyType_Type && (owner as PyTypeObject).tp_version_tag !== 0 && _PyType_Lookup(t, name) === null) {
      // LOAD_ATTR_CLASS: type_getattro finds no metaclass attribute, then the class's own: cached when it is a
      // constant or a function (whose __get__(None, cls) is the function itself).
      const a = _PyType_Lookup(owner as PyTypeObject, name);
      if (a === null || (Py_TYPE(a).tp_descr_get !== null && !(a instanceof PyFunctionObject))) return null;
      return new AttrCache(ATTR_CLASS, t, -1, (owner as PyTypeObject).tp_version_tag, a, owner);
    }
    return null;
  }
  const descr = _PyType_Lookup(t, name);
  if (descr === null) {
    if (t.tp_dictoffset !== 1) return null;
    const d = (owner as unknown as DictOwner).dict;
    const ix = d === null ? -1 : _PyDict_LookupIndexStr(d, name);
    return ix < 0 ? null : new AttrCache(ATTR_INSTANCE, t, ix, 0, null, null);
  }
  const dt = Py_TYPE(descr);
  if (dt === PyProperty_Type) {
    const g = (descr as PyPropertyObject).prop_get;
    if (store || method || !(g instanceof PyFunctionObject) || (g.func_code.co_flags &
      (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE)) !== 0) return null;
    return new AttrCache(ATTR_PROPERTY, t, -1, 0, descr, g);
  }
  if (dt === PyMemberDescr_Type) {
    const m = (descr as PyMemberDescrObject).d_member;
    return !store || m.set !== undefined ? new AttrCache(ATTR_SLOT, t, -1, 0, descr, null) : null;
  }
  if (store || t.tp_dictoffset === -1) return null;
  if (hasFlag(dt, Py_TPFLAGS_METHOD_DESCRIPTOR)) return method ? new AttrCache(ATTR_METHOD, t, -1, 0, descr, null) : null;
  return dt.tp_descr_get === null ? new AttrCache(ATTR_CLASS_VALUE, t, -1, 0, descr, null) : null;
}

// ---- out-of-line helpers ----

/** LOAD_GLOBAL's cache entry: the globals' keys version and entry index, or the builtins' when bidx >= 0. */
class GlobalCache extends PyObject {
  gv: number;
  idx: number;
  bv: number;
  bidx: number;
  constructor(gv: number, idx: number, bv: number, bidx: number) {
    super(PyGlobalCache_Type);
    this.gv = gv;
    this.idx = idx;
    this.bv = bv;
    this.bidx = bidx;
  }
}
const PyGlobalCache_Type = new PyTypeObject(null, "global_cache");

function loadGlobalSlow(frame: PyFrameObject, name: PyUnicodeObject, caches: (PyVal | null)[], here: number): PyVal {
  const g = frame.f_globals;
  let ix = dictLookupIndex(g, name);
  if (ix >= 0) {
    caches[here] = new GlobalCache(g.ma_keys_version, ix, -1, -1);
    return g.me_value[ix]!;
  }
  const b = frame.f_builtins;
  ix = dictLookupIndex(b, name);
  if (ix >= 0) {
    caches[here] = new GlobalCache(g.ma_keys_version, -1, b.ma_keys_version, ix);
    return b.me_value[ix]!;
  }
  return nameError(name, `name '${name.value}' is not defined`);
}

/** The entry index of `name` in an exact dict, for LOAD_GLOBAL's cache; -1 when absent or in a dict subclass. */
function dictLookupIndex(d: PyDictObject, name: PyUnicodeObject): number {
  return d.ob_type === dictType ? _PyDict_LookupIndexStr(d, name) : -1;
}
let dictType: PyTypeObject | null = null;

function recursionError(): never {
  return PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded");
}

function notCallable(v: PyVal): never {
  return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(v).tp_name}' object is not callable`);
}

function nameError(name: PyUnicodeObject, msg: string): never {
  const e = _PyErr_CreateException(PyExc_NameError, [PyUnicode_FromString(msg)]) as PyNameErrorObject;
  e.name = name;
  _PyErr_ChainContext(e);
  throw e;
}

function unboundLocal(code: PyCodeObject, i: number): never {
  const name = code._localsplusnames[i];
  const e = _PyErr_CreateException(PyExc_UnboundLocalError,
    [PyUnicode_FromString(`cannot access local variable '${name.value}' where it is not associated with a value`)]) as PyNameErrorObject;
  e.name = name;
  _PyErr_ChainContext(e);
  throw e;
}

function unboundDeref(code: PyCodeObject, i: number): never {
  const name = code._localsplusnames[i];
  if (code._kinds[i] & CO_FAST_FREE) {
    const e = _PyErr_CreateException(PyExc_NameError,
      [PyUnicode_FromString(`cannot access free variable '${name.value}' where it is not associated with a value in enclosing scope`)]) as PyNameErrorObject;
    e.name = name;
    _PyErr_ChainContext(e);
    throw e;
  }
  return unboundLocal(code, i);
}

function lookupMapping(m: PyVal, name: PyUnicodeObject): PyVal | undefined {
  if (m instanceof PyDictObject && m.ob_type.mp_subscript === dictSubscript) return PyDict_GetItemStr(m, name);
  try {
    return PyObject_GetItem(m, name);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject && PyType_IsSubtype(e.ob_type, PyExc_KeyError)) return undefined;
    throw e;
  }
}

function excOrNull(v: PyVal): PyVal | null {
  return v === Py_None ? null : v;
}

function takeStopValue(receiver: PyVal): PyVal {
  // asend/athrow awaitables keep their StopIteration value apart from slot_tp_iternext's.
  if (receiver instanceof PyAsyncGenASendObject) return takeLastAwaitValue();
  return takeLastStopValue();
}

function unpackIterable(seq: PyVal, before: number, after: number): PyVal[] {
  let it: PyVal;
  try {
    it = PyObject_GetIter(seq);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject && e.ob_type === PyExc_TypeError && Py_TYPE(seq).tp_iter === null) {
      return PyErr_Format(PyExc_TypeError, `cannot unpack non-iterable ${Py_TYPE(seq).tp_name} object`);
    }
    throw e;
  }
  const next = Py_TYPE(it).tp_iternext!;
  const out: PyVal[] = [];
  for (let i = 0; i < before; i++) {
    const v = next(it);
    if (v === undefined) {
      if (after < 0) return PyErr_Format(PyExc_ValueError, `not enough values to unpack (expected ${before}, got ${i})`);
      return PyErr_Format(PyExc_ValueError, `not enough values to unpack (expected at least ${before + after}, got ${i})`);
    }
    out.push(v);
  }
  if (after < 0) {
    if (next(it) !== undefined) return PyErr_Format(PyExc_ValueError, `too many values to unpack (expected ${before})`);
    return out;
  }
  const rest: PyVal[] = [];
  for (let v = next(it); v !== undefined; v = next(it)) rest.push(v);
  if (rest.length < after) {
    return PyErr_Format(PyExc_ValueError, `not enough values to unpack (expected at least ${before + after}, got ${before + rest.length})`);
  }
  const tail = rest.splice(rest.length - after, after);
  out.push(PyList_New(rest));
  for (const v of tail) out.push(v);
  return out;
}

function listExtend(list: PyListObject, iterable: PyVal): void {
  if (iterable instanceof PyListObject || iterable instanceof PyTupleObject) {
    const src = iterable.ob_item;
    for (let i = 0; i < src.length; i++) list.ob_item.push(src[i]);
    return;
  }
  try {
    const items = PySequence_List(iterable);
    for (const x of items) list.ob_item.push(x);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject && e.ob_type === PyExc_TypeError && Py_TYPE(iterable).tp_iter === null &&
      Py_TYPE(iterable).mp_subscript === null) {
      PyErr_Format(PyExc_TypeError, `Value after * must be an iterable, not ${Py_TYPE(iterable).tp_name}`);
    }
    throw e;
  }
}

/** The text CPython uses for a callable in call errors (_PyObject_FunctionStr): "f()" or "mod.f()". */
export function functionStr(f: PyVal): string {
  const q = _PyObject_LookupAttr(f, vmHooks.intern("__qualname__"));
  if (q === undefined || !PyUnicode_Check(q)) return `${PyObject_Str(f).value}`;
  const m = _PyObject_LookupAttr(f, vmHooks.intern("__module__"));
  if (m !== undefined && PyUnicode_Check(m) && m.value !== "builtins") return `${m.value}.${q.value}()`;
  return `${q.value}()`;
}

function starArgs(func: PyVal, callargs: PyVal): PyVal[] {
  const t = Py_TYPE(callargs);
  if (t.tp_iter === null && t.mp_subscript === null && t.sq_item === null) {
    return PyErr_Format(PyExc_TypeError, `${functionStr(func)} argument after * must be an iterable, not ${t.tp_name}`);
  }
  return PySequence_List(callargs);
}

function dictMerge(callable: PyVal, d: PyDictObject, update: PyVal): void {
  try {
    PyDict_Merge(d, update, "raise");
  } catch (e) {
    if (e instanceof PyBaseExceptionObject) {
      if (PyType_IsSubtype(e.ob_type, PyExc_AttributeError) || (e.ob_type === PyExc_TypeError && !PyDict_Check(update) &&
        _PyObject_LookupAttr(update, vmHooks.intern("keys")) === undefined)) {
        PyErr_Format(PyExc_TypeError, `${functionStr(callable)} argument after ** must be a mapping, not ${Py_TYPE(update).tp_name}`);
      }
      if (PyType_IsSubtype(e.ob_type, PyExc_KeyError)) {
        const key = e.args.ob_item[0];
        if (PyUnicode_Check(key)) {
          PyErr_Format(PyExc_TypeError, `${functionStr(callable)} got multiple values for keyword argument '${key.value}'`);
        }
        PyErr_Format(PyExc_TypeError, `${functionStr(callable)} keywords must be strings`);
      }
    }
    throw e;
  }
}

/** The exception a `raise` statement raises (the caller unwinds with it); errors in forming it are thrown. */
function do_raise(tstate: PyThreadState, exc: PyVal | null, cause: PyVal | null): PyBaseExceptionObject {
  if (exc === null) {
    // Bare `raise`: re-raise the exception being handled.
    let item: _PyErr_StackItem | null = tstate.exc_info;
    let v: PyVal | null = null;
    while (item !== null) {
      if (item.exc_value !== null && item.exc_value !== Py_None) { v = item.exc_value; break; }
      item = item.previous_item;
    }
    if (v === null) return PyErr_Format(PyExc_RuntimeError, "No active exception to reraise");
    reraising = true;
    return v as PyBaseExceptionObject;
  }
  let value: PyBaseExceptionObject;
  if (PyExceptionClass_Check(exc)) {
    const v = PyObject_Vectorcall(exc, [], null);
    if (!PyExceptionInstance_Check(v)) {
      return PyErr_Format(PyExc_TypeError,
        `calling ${PyObject_Repr(exc).value} should have returned an instance of BaseException, not ${Py_TYPE(v).tp_name}`);
    }
    value = v;
  } else if (PyExceptionInstance_Check(exc)) {
    value = exc;
  } else {
    return PyErr_Format(PyExc_TypeError, "exceptions must derive from BaseException");
  }
  if (cause !== null) {
    let fixed: PyVal | null;
    if (PyExceptionClass_Check(cause)) {
      fixed = PyObject_Vectorcall(cause, [], null);
      if (!PyExceptionInstance_Check(fixed)) {
        return PyErr_Format(PyExc_TypeError,
          `calling ${PyObject_Repr(cause).value} should have returned an instance of BaseException, not ${Py_TYPE(fixed).tp_name}`);
      }
    } else if (PyExceptionInstance_Check(cause)) fixed = cause;
    else if (cause === Py_None) fixed = null;
    else return PyErr_Format(PyExc_TypeError, "exception causes must derive from BaseException");
    value.cause = fixed;
    value.suppress_context = true;
  }
  _PyErr_ChainContext(value);
  return value;
}

function checkExceptTypeValid(right: PyVal): void {
  if (right instanceof PyTupleObject) {
    for (const t of right.ob_item) {
      if (!PyExceptionClass_Check(t)) {
        PyErr_Format(PyExc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
      }
    }
  } else if (!PyExceptionClass_Check(right)) {
    PyErr_Format(PyExc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
  }
}

function checkExceptStarTypeValid(right: PyVal): void {
  checkExceptTypeValid(right);
  const items = right instanceof PyTupleObject ? right.ob_item : [right];
  for (const t of items) {
    if (PyType_IsSubtype(t as PyTypeObject, PyExc_BaseExceptionGroup)) {
      PyErr_Format(PyExc_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    }
  }
}

export function PyErr_GivenExceptionMatches(err: PyVal, exc: PyVal): boolean {
  if (exc instanceof PyTupleObject) {
    for (const t of exc.ob_item) if (PyErr_GivenExceptionMatches(err, t)) return true;
    return false;
  }
  const et = PyExceptionInstance_Check(err) ? err.ob_type : err;
  if (et instanceof PyTypeObject && exc instanceof PyTypeObject) return PyType_IsSubtype(et, exc);
  return err === exc;
}

/** except* matching (exception_group_match): returns [match, rest]. */
function exceptionGroupMatch(excValue: PyVal, matchType: PyVal): [PyVal | null, PyVal | null] {
  if (excValue === Py_None) return [null, null];
  if (PyErr_GivenExceptionMatches(excValue, matchType)) {
    if (excValue instanceof PyBaseExceptionGroupObject) return [excValue, null];
    // A naked exception matched: wrap it in an ExceptionGroup("", [exc]).
    const wrapped = PyObject_Vectorcall(PyExc_BaseExceptionGroup, [PyUnicode_FromString(""), PyTuple_New([excValue])], null) as PyBaseExceptionObject;
    wrapped.traceback = (excValue as PyBaseExceptionObject).traceback;
    return [wrapped, null];
  }
  if (excValue instanceof PyBaseExceptionGroupObject) {
    const [m, r] = exceptionGroupSplit(excValue, matchType);
    return [m, r];
  }
  return [null, excValue];
}

function callIntrinsic1(tstate: PyThreadState, frame: PyFrameObject, oparg: number, v: PyVal): PyVal {
  switch (oparg) {
    case 1: // INTRINSIC_PRINT
      return vmHooks.displayHook(v);
    case 2: // INTRINSIC_IMPORT_STAR
      vmHooks.importStar(frame, v);
      return Py_None;
    case 3: { // INTRINSIC_STOPITERATION_ERROR
      const gen = frame.f_gen;
      const kind = gen === null ? "generator" : Py_TYPE(gen).tp_name === "coroutine" ? "coroutine"
        : Py_TYPE(gen).tp_name === "async_generator" ? "async generator" : "generator";
      if (v instanceof PyBaseExceptionObject) {
        let msg: string | null = null;
        if (PyType_IsSubtype(v.ob_type, PyExc_StopIteration)) msg = `${kind} raised StopIteration`;
        else if (kind === "async generator" && PyType_IsSubtype(v.ob_type, PyExc_StopAsyncIteration)) msg = "async generator raised StopAsyncIteration";
        if (msg !== null) {
          const e = _PyErr_CreateException(PyExc_RuntimeError, [PyUnicode_FromString(msg)]);
          e.cause = v;
          e.context = v;
          e.suppress_context = true;
          return e;
        }
      }
      void tstate;
      return v;
    }
    case 4: // INTRINSIC_ASYNC_GEN_WRAP
      return new PyAsyncGenWrappedValue(v);
    case 5: // INTRINSIC_UNARY_POSITIVE
      return PyNumber_Positive(v);
    case 6: // INTRINSIC_LIST_TO_TUPLE
      return PyTuple_New((v as PyListObject).ob_item.slice());
    default:
      return vmHooks.intrinsic1(oparg, v);
  }
}

function callIntrinsic2(oparg: number, v2: PyVal, v1: PyVal): PyVal {
  switch (oparg) {
    case 1: // INTRINSIC_PREP_RERAISE_STAR
      return prepReraiseStar(v2, v1);
    case 4: { // INTRINSIC_SET_FUNCTION_TYPE_PARAMS
      (v2 as PyFunctionObject).func_type_params = v1 as PyTupleObject;
      return v2;
    }
    default:
      return vmHooks.intrinsic2(oparg, v2, v1);
  }
}

/** Combine the exceptions raised and re-raised by except* clauses (_PyExc_PrepReraiseStar). */
function prepReraiseStar(orig: PyVal, excs: PyVal): PyVal {
  const list = (excs as PyListObject).ob_item.filter((x) => x !== Py_None);
  if (list.length === 0) return Py_None;
  if (!(orig instanceof PyBaseExceptionGroupObject)) return list[0];
  // Re-raised exceptions are the ones that are (parts of) the original group; keep those via split on identity.
  const leaves = new Set<PyVal>();
  collectLeaves(orig, leaves);
  const raised: PyVal[] = [];
  const reraisedLeaves = new Set<PyVal>();
  for (const e of list) {
    const ls = new Set<PyVal>();
    collectLeaves(e, ls);
    let isReraise = ls.size > 0;
    for (const l of ls) if (!leaves.has(l)) { isReraise = false; break; }
    if (isReraise) for (const l of ls) reraisedLeaves.add(l);
    else raised.push(e);
  }
  let reraisedEg: PyVal | null = null;
  if (reraisedLeaves.size > 0) {
    const [m] = splitByLeaves(orig, reraisedLeaves);
    reraisedEg = m;
  }
  const all = reraisedEg !== null ? [...raised, reraisedEg] : raised;
  if (all.length === 0) return Py_None;
  if (all.length === 1) return all[0];
  return PyObject_Vectorcall(PyExc_ExceptionGroup, [PyUnicode_FromString(""), PyList_New(all)], null);
}

function collectLeaves(e: PyVal, out: Set<PyVal>): void {
  if (e instanceof PyBaseExceptionGroupObject) {
    for (const x of (e.excs as PyTupleObject).ob_item) collectLeaves(x, out);
  } else out.add(e);
}

function splitByLeaves(eg: PyVal, leaves: Set<PyVal>): [PyVal | null, PyVal | null] {
  const matcher = vmHooks.predicate((x: PyVal) => leaves.has(x));
  return exceptionGroupSplit(eg, matcher);
}

function getAIter(obj: PyVal): PyVal {
  const t = Py_TYPE(obj);
  if (t.am_aiter === null) {
    return PyErr_Format(PyExc_TypeError, `'async for' requires an object with __aiter__ method, got ${t.tp_name}`);
  }
  const it = t.am_aiter(obj);
  if (Py_TYPE(it).am_anext === null) {
    return PyErr_Format(PyExc_TypeError,
      `'async for' received an object from __aiter__ that does not implement __anext__: ${Py_TYPE(it).tp_name}`);
  }
  return it;
}

function getANext(aiter: PyVal): PyVal {
  const t = Py_TYPE(aiter);
  if (t.am_anext === null) {
    return PyErr_Format(PyExc_TypeError, `'async for' requires an iterator with __anext__ method, got ${t.tp_name}`);
  }
  const next = t.am_anext(aiter);
  if (Py_TYPE(next).tp_name === "async_generator_asend") return next;
  try {
    return _PyCoro_GetAwaitableIter(next);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject && e.ob_type === PyExc_TypeError) {
      PyErr_Format(PyExc_TypeError, `'async for' received an invalid object from __anext__: ${Py_TYPE(next).tp_name}`);
    }
    throw e;
  }
}

export function _PyCoro_GetAwaitableIter(o: PyVal): PyVal {
  const t = Py_TYPE(o);
  if (t === PyCoro_Type) return o;
  if (o instanceof PyGenObject && t === PyGen_Type && (o.gi_code.co_flags & CO_ITERABLE_COROUTINE)) return o;
  if (t.am_await !== null) {
    const res = t.am_await(o);
    if (Py_TYPE(res) === PyCoro_Type || (res instanceof PyGenObject && (res.gi_code.co_flags & CO_ITERABLE_COROUTINE))) {
      return PyErr_Format(PyExc_TypeError, "__await__() returned a coroutine");
    }
    if (!PyIter_Check(res)) {
      return PyErr_Format(PyExc_TypeError, `__await__() returned non-iterator of type '${Py_TYPE(res).tp_name}'`);
    }
    return res;
  }
  return PyErr_Format(PyExc_TypeError, `object ${t.tp_name} can't be used in 'await' expression`);
}

function getAwaitable(iterable: PyVal, oparg: number): PyVal {
  let it: PyVal;
  try {
    it = _PyCoro_GetAwaitableIter(iterable);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject && e.ob_type === PyExc_TypeError && Py_TYPE(iterable).am_await === null) {
      if (oparg === 1) {
        PyErr_Format(PyExc_TypeError, `'async with' received an object from __aenter__ that does not implement __await__: ${Py_TYPE(iterable).tp_name}`);
      } else if (oparg === 2) {
        PyErr_Format(PyExc_TypeError, `'async with' received an object from __aexit__ that does not implement __await__: ${Py_TYPE(iterable).tp_name}`);
      }
    }
    throw e;
  }
  if (it instanceof PyGenObject && it.ob_type === PyCoro_Type && it.gi_frame_state === FRAME_SUSPENDED_YIELD_FROM) {
    return PyErr_Format(PyExc_RuntimeError, "coroutine is being awaited already");
  }
  return it;
}

/** Builtin types whose instances match a single positional sub-pattern themselves (_Py_TPFLAGS_MATCH_SELF). */
const MATCH_SELF_TYPES = new Set(["bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"]);

/** MATCH_CLASS: positional sub-patterns via __match_args__, then keyword attributes. null when no match. */
function matchClass(subject: PyVal, type: PyVal, nargs: number, kwnames: PyTupleObject): PyVal[] | null {
  if (!(type instanceof PyTypeObject)) {
    return PyErr_Format(PyExc_TypeError, "called match pattern must be a class");
  }
  if (!PyObject_IsInstance(subject, type)) return null;
  const attrs: PyVal[] = [];
  const seen: string[] = [];
  const getAttrOrMiss = (name: PyUnicodeObject): PyVal | undefined => {
    if (seen.includes(name.value)) {
      PyErr_Format(PyExc_TypeError, `${type.tp_name}() got multiple sub-patterns for attribute ${PyObject_Repr(name).value}`);
    }
    seen.push(name.value);
    return _PyObject_LookupAttr(subject, name);
  };
  if (nargs > 0) {
    const matchSelf = hasFlag(type, 1 << 22) || type.mro.some((t) => !hasFlag(t, 1 << 9) && MATCH_SELF_TYPES.has(t.tp_name));
    const matchArgs = _PyObject_LookupAttr(type, vmHooks.intern("__match_args__"));
    if (matchArgs !== undefined) {
      if (!(matchArgs instanceof PyTupleObject)) {
        return PyErr_Format(PyExc_TypeError, `${type.tp_name}.__match_args__ must be a tuple (got ${Py_TYPE(matchArgs).tp_name})`);
      }
      if (nargs > matchArgs.ob_item.length) {
        return PyErr_Format(PyExc_TypeError,
          `${type.tp_name}() accepts ${matchArgs.ob_item.length} positional sub-pattern${matchArgs.ob_item.length === 1 ? "" : "s"} (${nargs} given)`);
      }
      for (let i = 0; i < nargs; i++) {
        const name = matchArgs.ob_item[i];
        if (!PyUnicode_Check(name)) {
          return PyErr_Format(PyExc_TypeError, `__match_args__ elements must be strings (got ${Py_TYPE(name).tp_name})`);
        }
        const v = getAttrOrMiss(name);
        if (v === undefined) return null;
        attrs.push(v);
      }
    } else if (matchSelf) {
      if (nargs > 1) {
        return PyErr_Format(PyExc_TypeError, `${type.tp_name}() accepts 1 positional sub-pattern (${nargs} given)`);
      }
      attrs.push(subject);
    } else {
      return PyErr_Format(PyExc_TypeError, `${type.tp_name}() accepts 0 positional sub-patterns (${nargs} given)`);
    }
  }
  for (const name of kwnames.ob_item) {
    const v = getAttrOrMiss(name as PyUnicodeObject);
    if (v === undefined) return null;
    attrs.push(v);
  }
  return attrs;
}

function matchKeys(subject: PyVal, keys: PyTupleObject): PyVal[] | null {
  const n = keys.ob_item.length;
  if (n === 0) return [];
  const get = _PyObject_LookupAttr(subject, vmHooks.intern("get"));
  const dummy = vmHooks.dummy();
  const seen: PyVal[] = [];
  const values: PyVal[] = [];
  for (const k of keys.ob_item) {
    if (seen.some((s) => PyObject_RichCompareBool(s, k, 2))) {
      return PyErr_Format(PyExc_ValueError, `mapping pattern checks duplicate key (${PyObject_Repr(k).value})`);
    }
    seen.push(k);
    const v = PyObject_Vectorcall(get!, [k, dummy], null);
    if (v === dummy) return null;
    values.push(v);
  }
  return values;
}

