// The tracing mark behind gc.collect() (Python/gc.c): Typhon has no reference counts, so an object's death is only
// observable through its weak references; a collection marks what the interpreter's roots reach and every weakly
// referenced object left unmarked is dead. Roots: the thread states, the static types, and what native modules
// register with _PyGC_AddRoot. See docs/modules.md, "gc and _weakref".
import { PyObject, PyTypeObject, Py_TPFLAGS_HEAPTYPE, staticTypes } from "../objects/object.js";
import { _PyThreadState_Main, _PyThreadState_GET, type PyThreadState } from "./pystate.js";

/** Every live thread state (installed by the gc module from src/vm/threads.ts; the main and current ones without). */
let threadStates: () => readonly PyThreadState[] = () => [];
export function _PyGC_SetThreadStates(f: () => readonly PyThreadState[]): void {
  threadStates = f;
}
export function _PyGC_AllThreadStates(): PyThreadState[] {
  const out = [_PyThreadState_Main()];
  const cur = _PyThreadState_GET();
  if (cur !== out[0]) out.push(cur);
  for (const ts of threadStates()) if (!out.includes(ts)) out.push(ts);
  return out;
}

/** A source of roots: returns any JS value (a PyObject, an array, a Map, a plain object, ...) that is walked. */
export type GCRootFn = () => unknown;

interface GCRoot { readonly name: string; readonly fn: GCRootFn }
const roots: GCRoot[] = [];

/**
 * Register native state that holds Python objects outside the object graph (module-level variables of a native
 * module: atexit's callbacks, codec search functions, signal handlers, ...). `fn` is called at each collection.
 */
export function _PyGC_AddRoot(name: string, fn: GCRootFn): void {
  roots.push({ name, fn });
}

/** The names of the registered roots, in registration order (for tests and docs). */
export function _PyGC_RootNames(): string[] {
  return roots.map((r) => r.name);
}

/**
 * Ephemeron tables (a JS WeakMap keyed by a Python object, whose value the walk cannot see): `fn(o)` returns what
 * `o` holds through the table, or undefined. Called for every PyObject marked, so keep it a cheap test first.
 */
const traversers: ((o: PyObject) => unknown)[] = [];
export function _PyGC_AddTraverse(fn: (o: PyObject) => unknown): void {
  traversers.push(fn);
}

/**
 * Values that native code in progress holds only in JS locals while it calls back into Python (list.sort empties
 * the list it sorts): push before the call-outs, pop after, in a finally.
 */
export const _PyGC_Temps: unknown[] = [];

/** How one JS class of PyObject is walked: `null` = holds no Python object (str, int, float, bytes). */
export type GCTraverse = ((o: PyObject, visit: (v: unknown) => void) => void) | null;
const classTraverse = new Map<Function, GCTraverse>();
/** The classes registered with a null traversal: their instances of a built-in type are not even marked. */
const leafClasses = new Set<Function>();
/** Give the instances of the JS class `cls` (exactly, not its subclasses) a traversal of their own. */
export function _PyGC_SetClassTraverse(cls: Function, t: GCTraverse): void {
  classTraverse.set(cls, t);
  if (t === null) leafClasses.add(cls);
}

function isHeapType(t: PyTypeObject | null): boolean {
  return t !== null && (t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0;
}

/** Objects that never die: the static types (CPython's are immortal) and what hangs off them. */
export function _PyGC_IsImmortal(o: PyObject): boolean {
  return o instanceof PyTypeObject && !isHeapType(o);
}

/** Statistics of the last mark (for gc.get_stats-like reporting and the cost measurements in the docs). */
export const _PyGC_LastMark = { visited: 0, complete: false, ms: 0 };

/**
 * Mark everything reachable from the roots. With `targets`, stop as soon as every target is marked (returns the
 * marked set, complete or not). `onObject` sees each PyObject as it is marked.
 */
export function _PyGC_Mark(targets: ReadonlySet<object> | null, onObject: ((o: PyObject) => void) | null): Set<object> {
  const t0 = performance.now();
  const seen = new Set<object>();
  const stack: object[] = [];
  let remaining = targets === null ? -1 : targets.size;
  const visit = (v: unknown): void => {
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    // Leaves (str, bytes, int, float of the built-in types) can be neither weakly referenced nor hold anything.
    if (leafClasses.has(v.constructor) && !isHeapType((v as PyObject).ob_type)) return;
    seen.add(v);
    stack.push(v);
  };
  // Roots: every thread state (the frame chain from current_frame, exc_info, trace functions), the static types.
  for (const ts of _PyGC_AllThreadStates()) visit(ts);
  for (const t of staticTypes) visit(t);
  for (const r of roots) visit(r.fn());
  visit(_PyGC_Temps);
  let complete = true;
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (o instanceof PyObject) {
      if (remaining > 0 && targets!.has(o) && --remaining === 0) {
        complete = false;
        break;
      }
      if (onObject !== null && o.ob_type !== null) onObject(o);
      for (let i = 0; i < traversers.length; i++) {
        const x = traversers[i](o);
        if (x !== undefined) visit(x);
      }
      const t = classTraverse.get(o.constructor);
      if (t !== undefined) {
        // A subclass instance (a Python subclass of str, ...) also has its heap type and side tables (above).
        if (isHeapType(o.ob_type)) visit(o.ob_type);
        if (t !== null) t(o, visit);
        continue;
      }
      walkProps(o, visit);
    } else if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) {
        const v = o[i];
        if (typeof v === "object" && v !== null) visit(v);
      }
    } else if (o instanceof Map) {
      for (const [k, v] of o) { visit(k); visit(v); }
    } else if (o instanceof Set) {
      for (const v of o) visit(v);
    } else if (!opaque(o)) {
      walkProps(o, visit);
    }
  }
  _PyGC_LastMark.visited = seen.size;
  _PyGC_LastMark.complete = complete;
  _PyGC_LastMark.ms = performance.now() - t0;
  return seen;
}

/** JS objects whose contents are no Python objects, or are held weakly (WeakRef: a weak reference's referent). */
function opaque(o: object): boolean {
  return ArrayBuffer.isView(o) || o instanceof ArrayBuffer || o instanceof WeakRef || o instanceof WeakMap
    || o instanceof WeakSet || o instanceof Promise || o instanceof RegExp || o instanceof Date;
}

function walkProps(o: object, visit: (v: unknown) => void): void {
  const rec = o as Record<string, unknown>;
  for (const k in rec) {
    let v: unknown;
    try {
      v = rec[k];
    } catch {
      continue; // a host object's throwing accessor: nothing of Python's is behind it
    }
    if (typeof v === "object" && v !== null) visit(v);
  }
}

/**
 * The Python objects `o` refers to directly (gc.get_referents, as tp_traverse would report them): its fields and
 * the items of the JS arrays, Maps and Sets it holds, looked through until a PyObject; its type when a heap type.
 * Numbers (Typhon's small ints) are reported from arrays only (object fields that are numbers are JS bookkeeping).
 */
export function _PyGC_Referents(o: PyObject): unknown[] {
  const out: unknown[] = [];
  const t = classTraverse.get(o.constructor);
  if (t === null && !isHeapType(o.ob_type)) return out;
  const seen = new Set<object>([o]);
  const stack: object[] = [];
  const add = (v: unknown, inArray: boolean): void => {
    if (typeof v === "number") {
      if (inArray) out.push(v);
      return;
    }
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (v instanceof PyObject) {
      if (v instanceof PyTypeObject && !isHeapType(v) && v === o.ob_type) return;
      out.push(v);
    } else stack.push(v);
  };
  if (isHeapType(o.ob_type)) add(o.ob_type, false);
  for (let i = 0; i < traversers.length; i++) add(traversers[i](o), false);
  if (t !== undefined) {
    if (t !== null) t(o, (v) => add(v, true));
  } else {
    const rec = o as unknown as Record<string, unknown>;
    for (const k in rec) if (k !== "ob_type") add(rec[k], false);
  }
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (Array.isArray(x)) for (const v of x) add(v, true);
    else if (x instanceof Map) for (const [k, v] of x) { add(k, true); add(v, true); }
    else if (x instanceof Set) for (const v of x) add(v, true);
    else if (!opaque(x)) for (const k in x) add((x as Record<string, unknown>)[k], false);
  }
  return out;
}
