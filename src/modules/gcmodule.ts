// The gc module (Modules/gcmodule.c, Python/gc.c's gc_collect_main). There are no reference counts, so collect()
// is a full tracing mark (src/runtime/gc.ts) whose result is which weakly referenced objects are dead: their weak
// references are cleared and their callbacks run, after their __del__ (once, PEP 442). See docs/modules.md.
import {
  PyObject, Py_None, Py_TYPE, METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS, PyUnicode_InternFromString,
  type PyVal,
} from "../objects/object.js";
import { PyTypeObject } from "../objects/object.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyList_New, PyListObject } from "../objects/listobject.js";
import { PyDict_New, PyDict_SetItemString, PyDict_GetItemStr, PyDictObject } from "../objects/dictobject.js";
import { PyNumber_AsSsize_t, PyObject_CallOneArg, PyObject_Repr, PyObject_Vectorcall, PyObject_CallMethod,
} from "../objects/abstract.js";
import { PyExc_ValueError, PyBaseExceptionObject } from "../objects/exceptions.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyUnicodeObject } from "../objects/object.js";
import { _PyType_Lookup, lastStopValue } from "../objects/typeobject.js";
import { genResult, lastAwaitValue } from "../objects/genobject.js";
import { _PyStructSequence_ForSys } from "../objects/structseq.js";
import { PyErr_Format } from "../runtime/errors.js";
import { parseArgs, unpackArgs } from "../runtime/getargs.js";
import { getSys } from "../runtime/sysmodule.js";
import { _PyErr_WriteUnraisable } from "../runtime/unraisable.js";
import { getBuiltins } from "../runtime/bltinmodule.js";
import { _PyGC_AddRoot, _PyGC_Mark, _PyGC_Referents, _PyGC_IsImmortal, _PyGC_SetThreadStates,
  _PyGC_SetClassTraverse, _PyGC_LastMark, _PyGC_AllThreadStates } from "../runtime/gc.js";
import { PyLongObject } from "../objects/object.js";
import { PyBytesObject } from "../objects/bytesobject.js";
import { PyFloatObject } from "../objects/floatobject.js";
import { PyComplexObject } from "../objects/complexobject.js";
import { PyTupleObject } from "../objects/tupleobject.js";
import { PyCodeObject, _PyCode_Adaptive } from "../objects/codeobject.js";
import { PyFrameObject } from "../objects/frameobject.js";
import { CALL, CALL_KW } from "../opcode/opcode_metadata.js";
import { _PyThread_All } from "../vm/threads.js";
import { _PyWeakref_Referents, _PyWeakref_ClearRef, _PyWeakref_AllRefs, _PyWeakref_Unlink } from "./_weakref.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";

let enabled = true;
let debug = 0;
let thresholds: [number, number, number] = [2000, 10, 10];
let collections = [0, 0, 0];
let collected = [0, 0, 0];
/** The module's `callbacks` and `garbage` lists (gcstate->callbacks, gcstate->garbage). */
let callbacksList: PyListObject | null = null;
let garbageList: PyListObject | null = null;
/** True while a collection runs: a nested gc.collect() (from a callback or __del__) returns 0, as CPython's. */
let collecting = false;
/** Above this many dying objects with a __del__, one mark after all of them replaces a mark after each. */
const MAX_REMARKS = 8;
/** Objects whose __del__ a collection has called (PEP 442: at most once). */
const finalized = new WeakSet<object>();

const TYPE_OBJECT_FIELDS = new Set(["tp_base", "tp_bases", "tp_mro", "tp_dict"]);
const ATOMIC = new Set(["int", "float", "str", "bytes", "bool", "NoneType", "complex", "range"]);

// The interpreter's roots that the thread states do not reach (docs/modules.md lists every root and why).
_PyGC_SetThreadStates(() => _PyThread_All().map((t) => t.ts));
_PyGC_AddRoot("threads", () => _PyThread_All());
_PyGC_AddRoot("sys", () => {
  try { return getSys(); } catch { return null; }
});
_PyGC_AddRoot("builtins", () => {
  try { return getBuiltins(); } catch { return null; }
});
_PyGC_AddRoot("last values", () => [lastStopValue, genResult, lastAwaitValue]);
_PyGC_AddRoot("gc", () => [callbacksList, garbageList]);

// What the mark need not walk field by field (tp_traverse's view): the atomic types hold no Python object; a code
// object holds them in its constants (not in its bytecode, names, line and exception tables, nor in its inline caches,
// whose types and values are guarded by version tags and also held where they were found, as CPython's caches hold
// only versions); a dict holds them in its keys and values; a tuple in its items.
/**
 * The running frames whose saved stack pointer (stacktop) may be stale, found before each mark. The loop keeps sp in
 * a JS local and stores it at calls: a frame left by a Python-to-Python call, or whose current instruction is a CALL
 * or CALL_KW (they store sp before calling a native), has an exact stacktop, so the dead values above it (a deleted
 * class still in a popped slot) are not read. Any other running frame (one that entered a native from BINARY_OP,
 * LOAD_ATTR, ...) is read whole: a false "reachable" only delays a death. Frames not running (suspended generators,
 * frames kept by tracebacks) saved their stacktop when they stopped.
 */
const inexactFrames = new Set<PyFrameObject>();
function findInexactFrames(): void {
  inexactFrames.clear();
  for (const ts of _PyGC_AllThreadStates()) {
    let callee: PyFrameObject | null = null;
    for (let f = ts.current_frame as PyFrameObject | null; f !== null; f = f.f_back) {
      const leftByPush = callee !== null && !callee.is_entry;
      const op = _PyCode_Adaptive(f.f_code)[f.instr] & 0xff;
      if (!leftByPush && op !== CALL && op !== CALL_KW) inexactFrames.add(f);
      callee = f;
    }
  }
}

// Installed at the first collection: at load time the classes may still be in their TDZ (module order).
let traversalsInstalled = false;
function installTraversals(): void {
  if (traversalsInstalled) return;
  traversalsInstalled = true;
  for (const cls of [PyUnicodeObject, PyBytesObject, PyLongObject, PyFloatObject, PyComplexObject]) _PyGC_SetClassTraverse(cls, null);
  const visitItems = (a: readonly unknown[] | null, visit: (v: unknown) => void): void => {
    if (a !== null) for (let i = 0; i < a.length; i++) visit(a[i]);
  };
  _PyGC_SetClassTraverse(PyCodeObject, (o, visit) => {
    const c = o as PyCodeObject;
    visitItems(c._consts, visit);
  });
  _PyGC_SetClassTraverse(PyDictObject, (o, visit) => {
    const d = o as PyDictObject;
    visitItems(d.me_key, visit);
    visitItems(d.me_value, visit);
  });
  _PyGC_SetClassTraverse(PyTupleObject, (o, visit) => { visitItems((o as PyTupleObject).ob_item, visit); });
  _PyGC_SetClassTraverse(PyListObject, (o, visit) => { visitItems((o as PyListObject).ob_item, visit); });
  // A type's slots are JS functions; its subclasses are held weakly in CPython (tp_subclasses is a dict of weak
  // references), and its lookup cache repeats what its MRO's dicts hold: the mark reads the other fields.
  // A frame's value stack ends at stacktop when that is exact; elsewhere its whole localsplus is read (below).
  let frameKeys: string[] | null = null;
  _PyGC_SetClassTraverse(PyFrameObject, (o, visit) => {
    const f = o as PyFrameObject;
    frameKeys ??= Object.keys(f).filter((k) => k !== "localsplus");
    const rec = f as unknown as Record<string, unknown>;
    for (let i = 0; i < frameKeys.length; i++) visit(rec[frameKeys[i]]);
    const ls = f.localsplus;
    const n = inexactFrames.has(f) ? ls.length : Math.min(ls.length, Math.max(f.stacktop, f.f_code.co_nlocalsplus));
    for (let i = 0; i < n; i++) visit(ls[i]);
  });
  let typeKeys: string[] | null = null;
  _PyGC_SetClassTraverse(PyTypeObject, (o, visit) => {
    typeKeys ??= Object.keys(o).filter((k) => !/^(tp_|nb_|sq_|mp_|am_)/.test(k) || TYPE_OBJECT_FIELDS.has(k));
    const rec = o as unknown as Record<string, unknown>;
    for (let i = 0; i < typeKeys.length; i++) visit(rec[typeKeys[i]]);
  });
}

/** Call `f(...)`; an exception is reported as unraisable in `obj`. */
function callUnraisable(obj: PyVal, f: () => void): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof PyBaseExceptionObject)) throw e;
    _PyErr_WriteUnraisable(obj, e);
  }
}

/**
 * One full collection (gc_collect_main): mark from the roots; the weakly referenced objects left unmarked are dead.
 * Each is then handled as deallocation handles an object whose last reference goes (Typhon's deaths stand for
 * CPython's `del x`): its __del__ first (once, PEP 442), and unless that resurrected it (a new mark tells), its weak
 * references are cleared and the callbacks of those that are themselves reachable run (handle_weakrefs), in
 * CPython's list order.
 * Returns the number of dead objects (Typhon counts only the weakly referenced ones: no other death is observable).
 */
export function _PyGC_Collect(): number {
  installTraversals();
  findInexactFrames();
  const cands = _PyWeakref_Referents();
  for (const o of cands.keys()) if (_PyGC_IsImmortal(o)) cands.delete(o);
  if (cands.size === 0) return 0;
  // The weak references are targets too: one that is itself garbage is unlinked from its referent.
  const refs = _PyWeakref_AllRefs();
  let seen = _PyGC_Mark(new Set<object>([...cands.keys(), ...refs]), null);
  if (!_PyGC_LastMark.complete) return 0;
  for (const r of refs) if (!seen.has(r)) _PyWeakref_Unlink(r);
  let dead = [...cands.keys()].filter((o) => !seen.has(o));
  if (dead.length === 0) return 0;
  const needsDel = (o: PyObject): boolean => Py_TYPE(o).tp_finalize !== null && !finalized.has(o);
  const runDel = (o: PyObject): void => {
    finalized.add(o);
    const del = _PyType_Lookup(Py_TYPE(o), PyUnicode_InternFromString("__del__")) ?? Py_None;
    callUnraisable(del, () => { Py_TYPE(o).tp_finalize!(o); });
  };
  const nDel = dead.filter(needsDel).length;
  if (nDel > MAX_REMARKS) {
    // Many finalizers: all of them first, then one mark to see what they resurrected (gc.c's order).
    for (const o of dead) if (needsDel(o)) runDel(o);
    seen = _PyGC_Mark(null, null);
  }
  // Object by object, as deallocation does it: __del__, then (unless it resurrected the object) clear the weak
  // references and call their callbacks.
  let count = 0;
  for (const o of dead) {
    if (needsDel(o)) {
      runDel(o);
      seen = _PyGC_Mark(null, null);
    }
    if (seen.has(o)) continue;
    count++;
    const toCall: [PyObject, PyVal][] = [];
    for (const r of cands.get(o)!) {
      if (r.wr_object === null) continue;
      const cb = _PyWeakref_ClearRef(r);
      if (cb !== null && seen.has(r)) toCall.push([r, cb]);
    }
    for (const [r, cb] of toCall) callUnraisable(cb, () => { PyObject_CallOneArg(cb, r); });
  }
  return count;
}

/** gc.callbacks' functions, called with ("start" | "stop", info) around a collection (invoke_gc_callback). */
function invokeCallbacks(phase: string, generation: number, nCollected: number): void {
  if (callbacksList === null || callbacksList.ob_item.length === 0) return;
  const info = PyDict_New();
  PyDict_SetItemString(info, "generation", generation);
  PyDict_SetItemString(info, "collected", nCollected);
  PyDict_SetItemString(info, "uncollectable", 0);
  const p = PyUnicode_FromString(phase);
  for (const cb of callbacksList.ob_item.slice()) callUnraisable(cb, () => { PyObject_Vectorcall(cb, [p, info], null); });
}

function gc_collect(generation: number): number {
  if (collecting) return 0;
  collecting = true;
  try {
    invokeCallbacks("start", generation, 0);
    const n = _PyGC_Collect();
    collections[generation]++;
    collected[generation] += n;
    invokeCallbacks("stop", generation, n);
    return n;
  } finally {
    collecting = false;
  }
}

/** The evaluation loop's inline caches are PyObjects of a type without a metatype: never shown to Python. */
function isPythonObject(v: unknown): boolean {
  if (typeof v === "number") return true;
  const t = (v as PyObject).ob_type as PyObject | null | undefined;
  return t !== null && t !== undefined && t.ob_type !== null && t.ob_type !== undefined;
}

/** Every PyObject the mark reaches that CPython's gc would track (containers: not str, int, float, bytes, ...). */
function reachableObjects(): PyObject[] {
  installTraversals();
  findInexactFrames();
  const out: PyObject[] = [];
  _PyGC_Mark(null, (o) => {
    if (isPythonObject(o) && !ATOMIC.has(Py_TYPE(o).tp_name)) out.push(o);
  });
  return out;
}

function gc_get_referrers(objs: readonly PyVal[]): PyVal {
  const targets = new Set<unknown>(objs);
  const out: PyVal[] = [];
  for (const o of reachableObjects()) {
    if (targets.has(o)) continue;
    if (_PyGC_Referents(o).some((v) => targets.has(v))) out.push(o);
  }
  return PyList_New(out);
}

function gc_get_referents(objs: readonly PyVal[]): PyVal {
  installTraversals();
  const out: PyVal[] = [];
  for (const o of objs) {
    if (typeof o === "number") continue;
    const items = (_PyGC_Referents(o) as PyVal[]).filter(isPythonObject);
    // list_traverse and tupletraverse visit their items last to first.
    if (o.constructor === PyListObject || o.constructor === PyTupleObject) items.reverse();
    out.push(...items);
  }
  return PyList_New(out);
}

export const gcmodule: PyModuleDef = {
  m_name: "gc",
  m_doc: "This module provides access to the garbage collector for reference cycles.",
  m_methods: [
    { name: "enable", meth: () => { enabled = true; return Py_None; }, flags: METH_NOARGS },
    { name: "disable", meth: () => { enabled = false; return Py_None; }, flags: METH_NOARGS },
    { name: "isenabled", meth: () => PyBool_FromLong(enabled), flags: METH_NOARGS },
    { name: "collect", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const [g] = parseArgs("collect", a, k, ["generation"], 0, 1);
      const gen = g === undefined ? 2 : PyNumber_AsSsize_t(g, null);
      if (gen < 0 || gen > 2) return PyErr_Format(PyExc_ValueError, "invalid generation");
      return gc_collect(gen);
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "get_count", meth: () => PyTuple_New([0, 0, 0]), flags: METH_NOARGS },
    { name: "get_threshold", meth: () => PyTuple_New(thresholds.slice()), flags: METH_NOARGS },
    { name: "set_threshold", meth: (_m: PyVal, a: PyVal[]) => {
      const [t0, t1, t2] = unpackArgs("set_threshold", a, 1, 3);
      thresholds = [PyNumber_AsSsize_t(t0!, null), t1 === undefined ? thresholds[1] : PyNumber_AsSsize_t(t1, null),
        t2 === undefined ? thresholds[2] : PyNumber_AsSsize_t(t2, null)];
      return Py_None;
    }, flags: METH_FASTCALL },
    { name: "get_debug", meth: () => debug, flags: METH_NOARGS },
    { name: "set_debug", meth: (_m: PyVal, f: PyVal) => { debug = PyNumber_AsSsize_t(f, null); return Py_None; }, flags: METH_O },
    { name: "get_objects", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const [g] = parseArgs("get_objects", a, k, ["generation"], 0, 1);
      if (g !== undefined && g !== Py_None) {
        const gen = PyNumber_AsSsize_t(g, null);
        if (gen >= 3) return PyErr_Format(PyExc_ValueError, "generation parameter must be less than the number of available generations (3)");
        if (gen < 0) return PyErr_Format(PyExc_ValueError, "generation parameter cannot be negative");
      }
      return PyList_New(reachableObjects());
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "get_referrers", meth: (_m: PyVal, a: PyVal[]) => gc_get_referrers(a), flags: METH_FASTCALL },
    { name: "get_referents", meth: (_m: PyVal, a: PyVal[]) => gc_get_referents(a), flags: METH_FASTCALL },
    { name: "get_stats", meth: () => PyList_New([0, 1, 2].map((i) => {
      const d = PyDict_New();
      PyDict_SetItemString(d, "collections", collections[i]);
      PyDict_SetItemString(d, "collected", collected[i]);
      PyDict_SetItemString(d, "uncollectable", 0);
      return d;
    })), flags: METH_NOARGS },
    { name: "is_tracked", meth: (_m: PyVal, o: PyVal) => PyBool_FromLong(!ATOMIC.has(Py_TYPE(o).tp_name)), flags: METH_O },
    { name: "is_finalized", meth: (_m: PyVal, o: PyVal) => PyBool_FromLong(typeof o !== "number" && finalized.has(o)), flags: METH_O },
    { name: "freeze", meth: () => Py_None, flags: METH_NOARGS },
    { name: "unfreeze", meth: () => Py_None, flags: METH_NOARGS },
    { name: "get_freeze_count", meth: () => 0, flags: METH_NOARGS },
  ],
  m_exec: (m) => {
    garbageList = PyList_New([]) as PyListObject;
    callbacksList = PyList_New([]) as PyListObject;
    PyModule_Add(m, "garbage", garbageList);
    PyModule_Add(m, "callbacks", callbacksList);
    PyModule_Add(m, "DEBUG_STATS", 1);
    PyModule_Add(m, "DEBUG_COLLECTABLE", 2);
    PyModule_Add(m, "DEBUG_UNCOLLECTABLE", 4);
    PyModule_Add(m, "DEBUG_SAVEALL", 32);
    PyModule_Add(m, "DEBUG_LEAK", 38);
    collections = [0, 0, 0];
    collected = [0, 0, 0];
    void PyDictObject;
  },
};
