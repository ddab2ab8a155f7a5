// Binding call arguments to a new frame's locals (initialize_locals in Python/ceval.c) with CPython's exact error
// messages, and calling a Python function from native code (_PyFunction_Vectorcall). See docs/interpreter.md.
import { Py_TYPE, type PyVal, PyUnicodeObject } from "../objects/object.js";
import { PyFunctionObject } from "../objects/funcobject.js";
import { PyFrameObject } from "../objects/frameobject.js";
import { CO_VARARGS, CO_VARKEYWORDS } from "../objects/codeobject.js";
import { PyDictObject, PyDict_New, PyDict_SetItem, PyDict_GetItemStr, PyDict_GetItem } from "../objects/dictobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError } from "../objects/exceptions.js";
import { _PyThreadState_GET } from "../runtime/pystate.js";
import { unexpectedKeywordMessage } from "../runtime/suggestions.js";

function joinNames(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(", ")}, and ${q[q.length - 1]}`;
}

function missingArguments(func: PyFunctionObject, kind: string, names: string[]): never {
  const n = names.length;
  return PyErr_Format(PyExc_TypeError,
    `${func.func_qualname.value}() missing ${n} required ${kind} argument${n === 1 ? "" : "s"}: ${joinNames(names)}`);
}

/**
 * Bind arguments to a frame's locals: `src[start .. start+npos)` are positional, followed by the values of the
 * keyword arguments named by `kwnames` (vectorcall layout).
 */
export function _PyEval_BindArgs(func: PyFunctionObject, localsplus: (PyVal | null)[], src: readonly (PyVal | null)[],
  start: number, npos: number, kwnames: readonly PyVal[] | null): void {
  const co = func.func_code;
  const argcount = co.co_argcount;
  const flags = co.co_flags;
  // Fast path: exact positional call, no defaults needed, no *args/**kwargs.
  if (kwnames === null && npos === argcount && (flags & (CO_VARARGS | CO_VARKEYWORDS)) === 0 && co.co_kwonlyargcount === 0) {
    for (let i = 0; i < npos; i++) localsplus[i] = src[start + i];
    return;
  }
  const totalArgs = argcount + co.co_kwonlyargcount;
  const names = co._localsplusnames;
  let kwdict: PyDictObject | null = null;
  if (flags & CO_VARKEYWORDS) {
    kwdict = PyDict_New();
    localsplus[totalArgs + (flags & CO_VARARGS ? 1 : 0)] = kwdict;
  }
  const n = Math.min(npos, argcount);
  for (let i = 0; i < n; i++) localsplus[i] = src[start + i];
  if (flags & CO_VARARGS) {
    const extra: PyVal[] = [];
    for (let i = n; i < npos; i++) extra.push(src[start + i]!);
    localsplus[totalArgs] = PyTuple_New(extra);
  }
  // Keyword arguments.
  if (kwnames !== null) {
    const posonly: string[] = [];
    for (let k = 0; k < kwnames.length; k++) {
      const key = kwnames[k];
      const value = src[start + npos + k]!;
      if (!PyUnicode_Check(key)) {
        PyErr_Format(PyExc_TypeError, `${func.func_qualname.value}() keywords must be strings`);
      }
      const kv = (key as PyUnicodeObject).value;
      let j = -1;
      for (let i = co.co_posonlyargcount; i < totalArgs; i++) {
        if (names[i] === key || names[i].value === kv) { j = i; break; }
      }
      if (j < 0) {
        if (kwdict === null) {
          for (let i = 0; i < co.co_posonlyargcount; i++) if (names[i].value === kv) { posonly.push(kv); j = -2; break; }
          if (j === -2) continue;
          // 3.13 suggests one of the parameters that may be passed by keyword.
          const keywords: string[] = [];
          for (let i = co.co_posonlyargcount; i < totalArgs; i++) keywords.push(names[i].value);
          PyErr_Format(PyExc_TypeError, unexpectedKeywordMessage(func.func_qualname.value, kv, keywords));
        }
        PyDict_SetItem(kwdict!, key, value);
        continue;
      }
      if (localsplus[j] !== null) {
        PyErr_Format(PyExc_TypeError, `${func.func_qualname.value}() got multiple values for argument '${kv}'`);
      }
      localsplus[j] = value;
    }
    if (posonly.length > 0) {
      PyErr_Format(PyExc_TypeError,
        `${func.func_qualname.value}() got some positional-only arguments passed as keyword arguments: '${posonly.join(", ")}'`);
    }
  }
  // Too many positional arguments.
  if (npos > argcount && !(flags & CO_VARARGS)) {
    const defcount = func.func_defaults !== null ? func.func_defaults.ob_item.length : 0;
    let kwonlyGiven = 0;
    for (let i = argcount; i < totalArgs; i++) if (localsplus[i] !== null) kwonlyGiven++;
    let sig: string;
    let plural: boolean;
    if (defcount) {
      plural = true;
      sig = `from ${argcount - defcount} to ${argcount}`;
    } else {
      plural = argcount !== 1;
      sig = `${argcount}`;
    }
    const kwonlySig = kwonlyGiven
      ? ` positional argument${npos !== 1 ? "s" : ""} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven !== 1 ? "s" : ""})`
      : "";
    PyErr_Format(PyExc_TypeError,
      `${func.func_qualname.value}() takes ${sig} positional argument${plural ? "s" : ""} but ${npos}${kwonlySig} ${npos === 1 && !kwonlyGiven ? "was" : "were"} given`);
  }
  // Missing positional arguments and defaults.
  if (npos < argcount) {
    const defs = func.func_defaults !== null ? func.func_defaults.ob_item : [];
    const m = argcount - defs.length;
    const missing: string[] = [];
    for (let i = npos; i < m; i++) if (localsplus[i] === null) missing.push(names[i].value);
    if (missing.length > 0) missingArguments(func, "positional", missing);
    for (let i = Math.max(npos, m); i < argcount; i++) {
      if (localsplus[i] === null) localsplus[i] = defs[i - m];
    }
  }
  // Keyword-only arguments.
  if (co.co_kwonlyargcount > 0) {
    const missing: string[] = [];
    for (let i = argcount; i < totalArgs; i++) {
      if (localsplus[i] !== null) continue;
      const kwdefs = func.func_kwdefaults;
      const d = kwdefs !== null ? PyDict_GetItemStr(kwdefs, names[i]) : undefined;
      if (d !== undefined) localsplus[i] = d;
      else missing.push(names[i].value);
    }
    if (missing.length > 0) missingArguments(func, "keyword-only", missing);
  }
}

/** Run `evalFrame` hook: set by ceval to avoid a cycle. */
export const callHooks = {
  evalFrame: (f: PyFrameObject): PyVal => { void f; throw new Error("eval not installed"); },
};

/** Call a Python function from native code: a new frame, bound arguments, one JS-level entry into the loop. */
export function _PyFunction_Vectorcall(func: PyFunctionObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const f = new PyFrameObject(func.func_code, func, func.func_globals, func.func_builtins, null);
  const nkw = kwnames === null ? 0 : kwnames.length;
  _PyEval_BindArgs(func, f.localsplus, args, 0, args.length - nkw, nkw ? kwnames : null);
  return callHooks.evalFrame(f);
}

