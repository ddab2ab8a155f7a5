// Frames (Objects/frameobject.c, Include/internal/pycore_frame.h): one heap object per activation that is both
// the interpreter frame (localsplus + value stack, instruction index) and the Python-visible frame object.
// PEP 667's FrameLocalsProxy for f_locals of optimized frames. See docs/interpreter.md.
import {
  PyObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, METH_NOARGS, METH_O, METH_FASTCALL,
  PyUnicode_InternFromString, type PyVal, PyUnicodeObject,
} from "./object.js";
import { PyCodeObject, PyCode_Addr2Line, _PyCode_FrameTemplate, CO_OPTIMIZED, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_HIDDEN } from "./codeobject.js";
import { PyDictObject, PyDict_New, PyDict_SetItem, PyDict_GetItem } from "./dictobject.js";
import { PyCellObject } from "./cellobject.js";
import { hooks, PyObject_Repr, PyObject_GetIter, PyObject_GetItem, PyObject_SetItem } from "./abstract.js";
import { PyErr_Format, PyErr_SetKeyError } from "../runtime/errors.js";
import { PyExc_ValueError, PyExc_TypeError, PyExc_KeyError, PyExc_RuntimeError } from "./exceptions.js";
import { _PyThreadState_GET } from "../runtime/pystate.js";
import { PyList_New } from "./listobject.js";
import { PyTuple_New } from "./tupleobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { addressOf } from "./methodobject.js";
import { PyUnicode_Check } from "./unicodeobject.js";

export const PyFrame_Type = PyType_Declare("frame");

// Frame states (pycore_frame.h).
export const FRAME_CREATED = -3;
export const FRAME_SUSPENDED = -2;
export const FRAME_SUSPENDED_YIELD_FROM = -1;
export const FRAME_EXECUTING = 0;
export const FRAME_COMPLETED = 1;
export const FRAME_CLEARED = 4;

export class PyFrameObject extends PyObject {
  f_code: PyCodeObject;
  /** The function being executed (for COPY_FREE_VARS and f_funcobj), or null for module/exec frames. */
  f_func: PyObject | null;
  f_globals: PyDictObject;
  f_builtins: PyDictObject;
  /** The locals mapping of module, class and exec frames; null for optimized (function) frames. */
  f_locals: PyVal | null;
  /** The calling frame (CPython's `previous`, shown as f_back). */
  f_back: PyFrameObject | null;
  /** co_nlocalsplus slots (locals, cells, frees), then the value stack. null is CPython's NULL. */
  localsplus: (PyVal | null)[];
  /** The value-stack pointer (an index into localsplus) while the frame is not running. */
  stacktop: number;
  /** Code-unit index of the current instruction (f_lasti is twice this). */
  instr: number;
  /** Units from `instr` to where this frame resumes after a callee returns. */
  return_offset: number;
  /** True when a JS call of the evaluation loop started at this frame (returning from it leaves the loop). */
  is_entry: boolean;
  /** The generator/coroutine owning this frame, or null. */
  f_gen: PyObject | null;
  f_trace: PyVal;
  f_trace_lines: boolean;
  f_trace_opcodes: boolean;
  /** The line last reported to a tracer (for "line" events). */
  f_last_traced_line: number;
  /** The line a trace function sees while a 'line' event is delivered (0: compute it from instr), as CPython's. */
  f_lineno: number;
  /** The instance an `__init__` frame pushed by CALL_ALLOC_AND_ENTER_INIT initialises: its caller receives it
   *  (after EXIT_INIT_CHECK's test that __init__ returned None) instead of the return value; null otherwise. */
  f_init_self: PyObject | null;
  constructor(code: PyCodeObject, func: PyObject | null, globals: PyDictObject, builtins: PyDictObject, locals: PyVal | null) {
    super(PyFrame_Type);
    this.f_code = code;
    this.f_func = func;
    this.f_globals = globals;
    this.f_builtins = builtins;
    this.f_locals = locals;
    this.f_back = null;
    this.localsplus = (code._frameTemplate ?? _PyCode_FrameTemplate(code)).slice();
    this.stacktop = code.co_nlocalsplus;
    this.instr = 0;
    this.return_offset = 0;
    this.is_entry = false;
    this.f_gen = null;
    this.f_trace = Py_None;
    this.f_trace_lines = true;
    this.f_trace_opcodes = false;
    this.f_last_traced_line = -1;
    this.f_lineno = 0;
    this.f_init_self = null;
  }
}

/** Tracing services (src/vm/instrumentation.ts installs them): frame_setlineno and f_trace_opcodes. */
export const frameTraceHooks = {
  setLineNumber: (f: PyFrameObject, v: PyVal | null): void => { void f; void v; },
  setOpcodeTrace: (enable: boolean): void => { void enable; },
};

export function PyFrame_GetLineNumber(f: PyFrameObject): number {
  if (f.f_lineno !== 0) return f.f_lineno;
  if (f.instr < f.f_code._co_firsttraceable) return f.f_code.co_firstlineno;
  const l = PyCode_Addr2Line(f.f_code, f.instr);
  return l;
}

/** The value of local slot i as Python sees it (cells dereferenced), or null when unbound. */
function slotValue(f: PyFrameObject, i: number): PyVal | null {
  const v = f.localsplus[i];
  const k = f.f_code._kinds[i];
  if (v !== null && (k & (CO_FAST_CELL | CO_FAST_FREE)) && v instanceof PyCellObject) {
    // A cell slot before MAKE_CELL still holds the plain value.
    return v.ob_ref;
  }
  return v;
}

/** A snapshot dict of the frame's variables (PyFrame_GetLocals for the legacy view / locals()). */
export function frameLocalsDict(f: PyFrameObject): PyDictObject {
  const d = PyDict_New();
  const code = f.f_code;
  for (let i = 0; i < code.co_nlocalsplus; i++) {
    if (code._kinds[i] & CO_FAST_HIDDEN) continue;
    const v = slotValue(f, i);
    if (v !== null) PyDict_SetItem(d, code._localsplusnames[i], v);
  }
  return d;
}

/** _PyFrame_HasHiddenLocals: an inlined comprehension (PEP 709) is running in this frame. */
function hasHiddenLocals(f: PyFrameObject): boolean {
  const code = f.f_code;
  for (let i = 0; i < code.co_nlocalsplus; i++) {
    if ((code._kinds[i] & CO_FAST_HIDDEN) && slotValue(f, i) !== null) return true;
  }
  return false;
}

/** PyEval_GetFrameLocals (locals(), and exec/eval's default): the namespace dict of a module or class frame, else a
 * snapshot of the FrameLocalsProxy: every fast local with a value (a running comprehension's too), then the extras. */
export function PyEval_GetFrameLocals(f: PyFrameObject): PyDictObject {
  const code = f.f_code;
  const optimized = (code.co_flags & 1) !== 0;
  if (!optimized && !hasHiddenLocals(f)) {
    if (!(f.f_locals instanceof PyDictObject)) f.f_locals = PyDict_New();
    return f.f_locals as PyDictObject;
  }
  const d = PyDict_New();
  for (let i = 0; i < code.co_nlocalsplus; i++) {
    const v = slotValue(f, i);
    if (v !== null) PyDict_SetItem(d, code._localsplusnames[i], v);
  }
  if (optimized && f.f_locals instanceof PyDictObject) {
    const x = f.f_locals;
    for (let j = 0; j < x.dk_nentries; j++) if (x.me_key[j] !== null) PyDict_SetItem(d, x.me_key[j]!, x.me_value[j]!);
  }
  return d;
}

// ---- FrameLocalsProxy (PEP 667) ----

export const PyFrameLocalsProxy_Type = PyType_Declare("FrameLocalsProxy");

export class PyFrameLocalsProxyObject extends PyObject {
  frame: PyFrameObject;
  constructor(f: PyFrameObject) {
    super(PyFrameLocalsProxy_Type);
    this.frame = f;
  }
}

function proxyIndex(f: PyFrameObject, key: PyVal): number {
  if (!PyUnicode_Check(key)) return -1;
  const names = f.f_code._localsplusnames;
  for (let i = 0; i < names.length; i++) {
    if (names[i].value === key.value && !(f.f_code._kinds[i] & CO_FAST_HIDDEN)) return i;
  }
  return -1;
}

function proxyExtra(f: PyFrameObject): PyDictObject {
  if (!(f.f_locals instanceof PyDictObject)) f.f_locals = PyDict_New();
  return f.f_locals as PyDictObject;
}

function proxy_getitem(self: PyVal, key: PyVal): PyVal {
  const f = (self as PyFrameLocalsProxyObject).frame;
  const i = proxyIndex(f, key);
  if (i >= 0) {
    const v = slotValue(f, i);
    if (v !== null) return v;
    return PyErr_SetKeyError(key);
  }
  if (f.f_locals instanceof PyDictObject) {
    const v = PyDict_GetItem(f.f_locals, key);
    if (v !== undefined) return v;
  }
  return PyErr_SetKeyError(key);
}

function proxy_setitem(self: PyVal, key: PyVal, v: PyVal | null): void {
  const f = (self as PyFrameLocalsProxyObject).frame;
  const i = proxyIndex(f, key);
  if (v === null) {
    PyErr_Format(PyExc_ValueError, "cannot remove variables from FrameLocalsProxy");
  }
  if (i >= 0) {
    const cur = f.localsplus[i];
    if ((f.f_code._kinds[i] & (CO_FAST_CELL | CO_FAST_FREE)) && cur instanceof PyCellObject) cur.ob_ref = v;
    else f.localsplus[i] = v;
    return;
  }
  PyDict_SetItem(proxyExtra(f), key, v!);
}

function proxyItems(self: PyVal): [PyVal, PyVal][] {
  const f = (self as PyFrameLocalsProxyObject).frame;
  const out: [PyVal, PyVal][] = [];
  const code = f.f_code;
  for (let i = 0; i < code.co_nlocalsplus; i++) {
    if (code._kinds[i] & CO_FAST_HIDDEN) continue;
    const v = slotValue(f, i);
    if (v !== null) out.push([code._localsplusnames[i], v]);
  }
  if (f.f_locals instanceof PyDictObject) {
    const d = f.f_locals;
    for (let j = 0; j < d.dk_nentries; j++) if (d.me_key[j] !== null) out.push([d.me_key[j]!, d.me_value[j]!]);
  }
  return out;
}

PyType_FromSpecStatic({
  name: "FrameLocalsProxy",
  slots: {
    mp_subscript: proxy_getitem,
    mp_ass_subscript: proxy_setitem,
    mp_length: (s) => proxyItems(s).length,
    sq_contains: (s, k) => proxyItems(s).some(([n]) => PyUnicode_Check(k) && (n as PyUnicodeObject).value === k.value),
    tp_iter: (s) => PyObject_GetIter(PyList_New(proxyItems(s).map(([k]) => k))),
    tp_repr: (s) => {
      const parts = proxyItems(s).map(([k, v]) => `${PyObject_Repr(k).value}: ${PyObject_Repr(v).value}`);
      return hooks.str(`{${parts.join(", ")}}`);
    },
  },
  methods: [
    { name: "keys", meth: (s: PyVal) => PyList_New(proxyItems(s).map(([k]) => k)), flags: METH_NOARGS },
    { name: "values", meth: (s: PyVal) => PyList_New(proxyItems(s).map(([, v]) => v)), flags: METH_NOARGS },
    { name: "items", meth: (s: PyVal) => PyList_New(proxyItems(s).map(([k, v]) => PyTuple_New([k, v]))), flags: METH_NOARGS },
    { name: "get", meth: (s: PyVal, a: PyVal[]) => {
      try { return proxy_getitem(s, a[0]); } catch (e) {
        if (e instanceof PyObject && Py_TYPE(e) === PyExc_KeyError) return a.length > 1 ? a[1] : Py_None;
        throw e;
      }
    }, flags: METH_FASTCALL },
    { name: "copy", meth: (s: PyVal) => {
      const d = PyDict_New();
      for (const [k, v] of proxyItems(s)) PyDict_SetItem(d, k, v);
      return d;
    }, flags: METH_NOARGS },
    { name: "update", meth: (s: PyVal, o: PyVal) => {
      const it = PyObject_GetIter(o);
      for (let k = Py_TYPE(it).tp_iternext!(it); k !== undefined; k = Py_TYPE(it).tp_iternext!(it)) proxy_setitem(s, k, PyObject_GetItem(o, k));
      return Py_None;
    }, flags: METH_O },
  ],
}, PyFrameLocalsProxy_Type);

// ---- the frame type ----

let frameBackHook: (f: PyFrameObject) => PyFrameObject | null = (f) => f.f_back;
export function _PyFrame_InstallBack(h: (f: PyFrameObject) => PyFrameObject | null): void {
  frameBackHook = h;
}

PyType_FromSpecStatic({
  name: "frame",
  slots: {
    tp_repr: (s) => {
      const f = s as PyFrameObject;
      return hooks.str(`<frame at ${addressOf(f)}, file '${f.f_code.co_filename.value}', line ${PyFrame_GetLineNumber(f)}, code ${f.f_code.co_name.value}>`);
    },
  },
  methods: [
    { name: "clear", meth: (s: PyVal) => {
      // frame_clear: a running frame (on the thread's stack or its generator executing) or a suspended generator's
      // frame is refused; a finished frame drops its locals.
      const f = s as PyFrameObject;
      if (f.f_gen !== null) {
        const state = (f.f_gen as unknown as { gi_frame_state: number }).gi_frame_state;
        if (state === FRAME_EXECUTING) return PyErr_Format(PyExc_RuntimeError, "cannot clear an executing frame");
        if (state === FRAME_SUSPENDED || state === FRAME_SUSPENDED_YIELD_FROM) {
          return PyErr_Format(PyExc_RuntimeError, "cannot clear a suspended frame");
        }
      } else {
        for (let g = _PyThreadState_GET().current_frame as PyFrameObject | null; g !== null; g = g.f_back) {
          if (g === f) return PyErr_Format(PyExc_RuntimeError, "cannot clear an executing frame");
        }
      }
      f.localsplus.fill(null);
      return Py_None;
    }, flags: METH_NOARGS },
  ],
  getset: [
    { name: "f_code", get: (s) => (s as PyFrameObject).f_code },
    { name: "f_globals", get: (s) => (s as PyFrameObject).f_globals },
    { name: "f_builtins", get: (s) => (s as PyFrameObject).f_builtins },
    { name: "f_back", get: (s) => frameBackHook(s as PyFrameObject) ?? Py_None },
    { name: "f_lasti", get: (s) => (s as PyFrameObject).instr * 2 },
    { name: "f_lineno", get: (s) => {
      const f = s as PyFrameObject;
      const l = PyFrame_GetLineNumber(f);
      return l < 0 ? Py_None : l;
    }, set: (s, v) => frameTraceHooks.setLineNumber(s as PyFrameObject, v) },
    { name: "f_locals", get: (s) => {
      const f = s as PyFrameObject;
      if (f.f_code.co_flags & CO_OPTIMIZED) return new PyFrameLocalsProxyObject(f);
      return f.f_locals ?? f.f_globals;
    } },
    { name: "f_trace", get: (s) => (s as PyFrameObject).f_trace, set: (s, v) => { (s as PyFrameObject).f_trace = v ?? Py_None; } },
    { name: "f_trace_lines", get: (s) => PyBool_FromLong((s as PyFrameObject).f_trace_lines),
      set: (s, v) => { (s as PyFrameObject).f_trace_lines = v !== null && v !== 0 && v !== PyBool_FromLong(false); } },
    { name: "f_trace_opcodes", get: (s) => PyBool_FromLong((s as PyFrameObject).f_trace_opcodes),
      set: (s, v) => {
        const on = v !== null && v !== 0 && v !== PyBool_FromLong(false);
        (s as PyFrameObject).f_trace_opcodes = on;
        if (on) frameTraceHooks.setOpcodeTrace(true);
      } },
  ],
}, PyFrame_Type);

