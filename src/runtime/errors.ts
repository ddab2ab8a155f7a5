// Raising exceptions from native code (Python/errors.c): create the exception object, chain __context__ from the
// exception being handled (as _PyErr_SetObject does), and throw it. JS errors escaping native code are converted
// (RangeError from stack overflow -> RecursionError, anything else -> SystemError). See docs/interpreter.md.
import { PyObject, PyTypeObject, Py_None, Py_TYPE, type PyVal } from "../objects/object.js";
import { _PyThreadState_GET, _PyErr_GetTopmostException } from "./pystate.js";
import {
  PyBaseExceptionObject, PyExc_KeyError, PyExc_RecursionError, PyExc_SystemError, PyExc_TypeError,
  PyExc_MemoryError, PyExceptionInstance_Check,
} from "../objects/exceptions.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";

/** Instantiate an exception type with positional arguments, as calling it would. */
export function _PyErr_CreateException(type: PyTypeObject, args: PyVal[]): PyBaseExceptionObject {
  const e = type.tp_new!(type, args, null);
  if (Py_TYPE(e).tp_init !== null && PyExceptionInstance_Check(e)) Py_TYPE(e).tp_init!(e, args, null);
  return e as PyBaseExceptionObject;
}

/** Set exc.__context__ to the exception being handled, breaking cycles (the chaining of _PyErr_SetObject). */
export function _PyErr_ChainContext(exc: PyBaseExceptionObject): void {
  const ts = _PyThreadState_GET();
  const handled = _PyErr_GetTopmostException(ts);
  if (handled === null || handled === exc || !(handled instanceof PyBaseExceptionObject)) return;
  // Avoid creating a cycle: cut the chain where it would reach exc (Floyd's tortoise and hare, as CPython).
  let o: PyBaseExceptionObject = handled;
  let slow: PyBaseExceptionObject = handled;
  let slowUpdate = false;
  for (;;) {
    const ctx = o.context;
    if (ctx === null || !(ctx instanceof PyBaseExceptionObject)) break;
    if (ctx === exc) { o.context = null; break; }
    o = ctx;
    if (o === slow) break;
    if (slowUpdate) slow = slow.context as PyBaseExceptionObject;
    slowUpdate = !slowUpdate;
  }
  exc.context = handled;
}

/** Raise `type(msg)`; typed `never` so natives can `return PyErr_Format(...)` as CPython code does. */
export function PyErr_Format(type: PyTypeObject, msg: string): never {
  const e = _PyErr_CreateException(type, [PyUnicode_FromString(msg)]);
  _PyErr_ChainContext(e);
  throw e;
}

/** Raise an exception given a type and a value (an instance, or the argument(s) for the type). */
export function PyErr_SetObject(type: PyTypeObject, value: PyVal | null): never {
  let e: PyBaseExceptionObject;
  if (value !== null && value instanceof PyBaseExceptionObject && Py_TYPE(value).mro.includes(type)) e = value;
  else if (value !== null && typeof value !== "number" && value.ob_type.tp_name === "tuple") {
    // A tuple value is the argument list (_PyErr_CreateException calls the type with it).
    e = _PyErr_CreateException(type, (value as unknown as { ob_item: PyVal[] }).ob_item.slice());
  } else e = _PyErr_CreateException(type, value === null || value === Py_None ? [] : [value]);
  _PyErr_ChainContext(e);
  throw e;
}

export function PyErr_SetRaisedWithContext(e: PyBaseExceptionObject): never {
  _PyErr_ChainContext(e);
  throw e;
}

/** KeyError(key): the key is the single argument even when it is a tuple. */
export function PyErr_SetKeyError(key: PyVal, plainMessage = false): never {
  void plainMessage;
  const e = _PyErr_CreateException(PyExc_KeyError, [key]);
  _PyErr_ChainContext(e);
  throw e;
}

export function PyErr_BadArgument(): never {
  return PyErr_Format(PyExc_TypeError, "bad argument type for built-in operation");
}

export function PyErr_BadInternalCall(): never {
  return PyErr_Format(PyExc_SystemError, "bad argument to internal function");
}

/** Turn anything caught by a JS `catch` into a Python exception object. */
/** os._exit(n): thrown through every frame without running handlers, finally blocks, atexit or flushes (no Python
 *  exception: `except BaseException` must not see it); the runner turns it into the exit status. */
export class PosixExit extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`_exit(${status})`);
    this.status = status;
  }
}

export function _PyErr_FromJS(e: unknown): PyBaseExceptionObject {
  if (e instanceof PyBaseExceptionObject) return e;
  // No RegExp here: a first RegExp exec compiles it, and V8 aborts the process ("RegExpCompiler Allocation failed")
  // when that compile runs out of stack, which is exactly where a stack overflow is caught.
  const text = e instanceof RangeError ? e.message.toLowerCase() : "";
  if (text.includes("call stack") || text.includes("too much recursion")) {
    const r = _PyErr_CreateException(PyExc_RecursionError, [PyUnicode_FromString("maximum recursion depth exceeded")]);
    _PyErr_ChainContext(r);
    return r;
  }
  // V8's failed allocations: "Invalid string length", "Invalid array length", "Invalid typed array length: N",
  // "Array buffer allocation failed", "Maximum BigInt size exceeded".
  if (text.includes("allocation") || text.includes("invalid array length") || text.includes("invalid string length") ||
    text.includes("invalid typed array length") || text.includes("bigint size")) {
    const r = _PyErr_CreateException(PyExc_MemoryError, []);
    _PyErr_ChainContext(r);
    return r;
  }
  const msg = e instanceof Error ? `${e.message}` : String(e);
  const r = _PyErr_CreateException(PyExc_SystemError, [PyUnicode_FromString(msg)]);
  if (e instanceof Error && e.stack) (r as unknown as { jsStack: string }).jsStack = e.stack;
  _PyErr_ChainContext(r);
  return r;
}

// ---- recursion guards for native recursion (Py_EnterRecursiveCall) ----

export function Py_EnterRecursiveCall(where: string): void {
  const ts = _PyThreadState_GET();
  if (--ts.c_recursion_remaining < 0) {
    ts.c_recursion_remaining += 50;
    try {
      PyErr_Format(PyExc_RecursionError, `maximum recursion depth exceeded${where}`);
    } finally {
      ts.c_recursion_remaining -= 50;
    }
  }
}

export function Py_LeaveRecursiveCall(): void {
  _PyThreadState_GET().c_recursion_remaining++;
}

/** Guard against infinite recursion in repr of self-containing containers; false means "print ...". */
export function Py_ReprEnter(o: PyObject): boolean {
  const set = _PyThreadState_GET().repr_set;
  if (set.has(o)) return false;
  set.add(o);
  return true;
}

export function Py_ReprLeave(o: PyObject): void {
  _PyThreadState_GET().repr_set.delete(o);
}
