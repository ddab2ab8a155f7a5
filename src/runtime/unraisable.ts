// PyErr_WriteUnraisable and sys.unraisablehook (Python/errors.c): an exception that cannot be raised (in a weak
// reference's callback, a __del__, a gc callback) goes to sys.unraisablehook, whose default writes "Exception ignored
// in: <obj>" and the traceback to sys.stderr as write_unraisable_exc_file does. See docs/modules.md, "gc and _weakref".
import { Py_None, Py_TYPE, PyUnicode_InternFromString, METH_O, type PyVal } from "../objects/object.js";
import { PyDict_GetItemStr } from "../objects/dictobject.js";
import { PyObject_CallOneArg, PyObject_Repr, PyObject_CallMethod, PyObject_GetAttrStr } from "../objects/abstract.js";
import { PyBaseExceptionObject } from "../objects/exceptions.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyUnicodeObject } from "../objects/object.js";
import { _PyStructSequence_ForSys } from "../objects/structseq.js";
import { PyCFunction_New } from "../objects/methodobject.js";
import type { PyFrameObject } from "../objects/frameobject.js";
import { getSys } from "./sysmodule.js";
import { PyTraceBack_Here, formatException } from "./traceback.js";
import { _PyThreadState_GET } from "./pystate.js";

const HOOK_ARGS_FIELDS = ["exc_type", "exc_value", "exc_traceback", "err_msg", "object"] as const;

/**
 * Report an exception that cannot be raised (PyErr_WriteUnraisable): through sys.unraisablehook when it is set,
 * else as its default does ("Exception ignored in: <repr of obj>", then the traceback, on sys.stderr).
 */
export function _PyErr_WriteUnraisable(obj: PyVal | null, exc: PyBaseExceptionObject, errMsg: string | null = null): void {
  // An exception raised before any Python frame ran (a wrong signature) gets the current frame, as CPython's does.
  const frame = _PyThreadState_GET().current_frame as PyFrameObject | null;
  if ((exc.traceback === null || exc.traceback === Py_None) && frame !== null) PyTraceBack_Here(exc, frame);
  let hook: PyVal | undefined;
  try {
    hook = PyDict_GetItemStr(getSys().dict, PyUnicode_InternFromString("unraisablehook"));
  } catch {
    hook = undefined;
  }
  if (hook !== undefined && hook !== Py_None) {
    const args = _PyStructSequence_ForSys("UnraisableHookArgs", HOOK_ARGS_FIELDS,
      [Py_TYPE(exc), exc, exc.traceback ?? Py_None, errMsg === null ? Py_None : PyUnicode_FromString(errMsg), obj ?? Py_None]);
    try {
      PyObject_CallOneArg(hook, args);
      return;
    } catch (e) {
      if (!(e instanceof PyBaseExceptionObject)) throw e;
      // A failing hook: its own exception goes to the default hook (_PyErr_WriteUnraisableDefaultHook).
      exc = e;
      obj = hook;
      errMsg = "Exception ignored in sys.unraisablehook";
    }
  }
  defaultHook(exc, errMsg, obj);
}

/** The default hook's text after its first line (write_unraisable_exc_file): the traceback as _PyTraceBack_Print
 * writes it (source lines without carets) and the exception's type and message, without the chained exceptions. */
function formatUnraisable(exc: PyBaseExceptionObject): string {
  const { context, cause } = exc;
  exc.context = null;
  exc.cause = null;
  try {
    return formatException(exc).split(/(?<=\n)/).filter((l) => !/^\s+[~^]+\s*$/.test(l)).join("");
  } finally {
    exc.context = context;
    exc.cause = cause;
  }
}

function writeStderr(text: string): void {
  try {
    const err = PyDict_GetItemStr(getSys().dict, PyUnicode_InternFromString("stderr"));
    if (err !== undefined && err !== Py_None) PyObject_CallMethod(err, "write", [PyUnicode_FromString(text)]);
  } catch {
    // nothing left to report with, as CPython's hook gives up silently
  }
}


/** The default hook's output for (exc, errMsg, obj), written to sys.stderr. */
function defaultHook(exc: PyBaseExceptionObject, errMsg: string | null, obj: PyVal | null): void {
  let where = errMsg ?? "Exception ignored in";
  if (obj !== null && obj !== Py_None) {
    let r = "<object repr() failed>";
    try { r = PyObject_Repr(obj).value; } catch { /* keep */ }
    where = `${where}: ${r}`;
  } else where += ":";
  writeStderr(`${where}\n${formatUnraisable(exc)}`);
}

/** sys.unraisablehook and sys.__unraisablehook__: the default hook, taking an UnraisableHookArgs. */
export function _PySys_MakeUnraisableHook(module: PyVal | null): PyVal {
  return PyCFunction_New({ name: "unraisablehook", meth: (_s: PyVal, a: PyVal): PyVal => {
    const exc = PyObject_GetAttrStr(a, "exc_value")!;
    const msg = PyObject_GetAttrStr(a, "err_msg")!;
    const obj = PyObject_GetAttrStr(a, "object")!;
    if (exc instanceof PyBaseExceptionObject) defaultHook(exc, msg instanceof PyUnicodeObject ? msg.value : null, obj);
    return Py_None;
  }, flags: METH_O, doc: "Handle an unraisable exception.\n\nThe unraisable argument has the following attributes:\n\n* exc_type: Exception type.\n* exc_value: Exception value, can be None.\n* exc_traceback: Exception traceback, can be None.\n* err_msg: Error message, can be None.\n* object: Object causing the exception, can be None." }, module);
}
