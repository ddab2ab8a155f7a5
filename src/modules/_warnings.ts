// The _warnings module (Python/_warnings.c): warn and warn_explicit for native code and importlib, with
// CPython's default filters (DeprecationWarning shown only in __main__; Pending/Import/ResourceWarning ignored),
// the "default" action (once per location) and CPython's "file:line: Category: message" output on sys.stderr.
// It exports no `filters`, so warnings.py uses its own Python implementation. See docs/imports.md.
import { Py_None, Py_TYPE, PyTypeObject, PyUnicode_InternFromString, METH_FASTCALL, METH_KEYWORDS, type PyVal } from "../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyDict_GetItemStr, PyDict_New, PyDict_SetItem } from "../objects/dictobject.js";
import { PyFunctionObject } from "../objects/funcobject.js";
import { PyExc_TypeError, PyExc_Warning, PyExc_UserWarning, PyExc_DeprecationWarning, PyBaseExceptionObject } from "../objects/exceptions.js";
import { PyObject_Str, PyType_IsSubtype, PyObject_CallMethod, PyNumber_Index, PyObject_Vectorcall,
  _PyObject_LookupAttr } from "../objects/abstract.js";
import { longValue } from "../objects/longobject.js";
import { PyFrameObject, PyFrame_GetLineNumber } from "../objects/frameobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { parseArgs } from "../runtime/getargs.js";
import { _PyThreadState_GET } from "../runtime/pystate.js";
import { getSys } from "../runtime/sysmodule.js";
import { sourceReader } from "../runtime/traceback.js";
import type { PyModuleDef } from "./moduledef.js";

const IGNORED_BY_DEFAULT = new Set(["PendingDeprecationWarning", "ImportWarning", "ResourceWarning"]);
const shown = new Set<string>();

function isIgnored(category: PyTypeObject, module: string): boolean {
  for (const t of category.mro) {
    if (IGNORED_BY_DEFAULT.has(t.tp_name)) return true;
    if (t === PyExc_DeprecationWarning) return module !== "__main__";
  }
  return false;
}

function showWarning(text: string, category: PyTypeObject, filename: string, lineno: number): void {
  let out = `${filename}:${lineno}: ${category.tp_name}: ${text}\n`;
  const lines = sourceReader.getLines(filename);
  if (lines !== null && lineno >= 1 && lineno <= lines.length) {
    const line = lines[lineno - 1].trim();
    if (line !== "") out += `  ${line}\n`;
  }
  const err = PyDict_GetItemStr(getSys().dict, PyUnicode_InternFromString("stderr"));
  if (err === undefined || err === Py_None) return;
  PyObject_CallMethod(err, "write", [PyUnicode_FromString(out)]);
}

/** Issue a warning from native code or Python (warnings.warn's C version). */
export function PyErr_WarnEx(category: PyTypeObject, message: PyVal, stacklevel: number): void {
  let f = _PyThreadState_GET().current_frame as PyFrameObject | null;
  for (let i = 1; i < stacklevel && f !== null; i++) f = f.f_back;
  let filename = "sys", lineno = 1, module = "sys";
  let registry: PyVal = Py_None;
  if (f !== null) {
    filename = f.f_code.co_filename.value;
    lineno = PyFrame_GetLineNumber(f);
    const n = PyDict_GetItemStr(f.f_globals, PyUnicode_InternFromString("__name__"));
    module = n !== undefined && PyUnicode_Check(n) ? n.value : "<string>";
    // setup_context: the warning registry of the frame's module, created on first use.
    const key = PyUnicode_InternFromString("__warningregistry__");
    const r = PyDict_GetItemStr(f.f_globals, key);
    if (r !== undefined) registry = r;
    else { registry = PyDict_New(); PyDict_SetItem(f.f_globals, key, registry); }
  }
  // Once the warnings module is imported its filters, registries and showwarning decide, as _warnings.c's
  // get_warnings_attr makes them do; Typhon's warnings.py runs its Python warn_explicit (this module exports no
  // `filters`), so the warning goes there. Before that, the default filters below apply.
  const mod = PyDict_GetItemStr(getSys().modules, PyUnicode_InternFromString("warnings"));
  if (mod !== undefined) {
    const we = _PyObject_LookupAttr(mod, PyUnicode_InternFromString("warn_explicit"));
    if (we instanceof PyFunctionObject) {
      PyObject_Vectorcall(we, [message, category, PyUnicode_FromString(filename), lineno,
        PyUnicode_FromString(module), registry], null);
      return;
    }
  }
  warnExplicit(category, message, filename, lineno, module);
}

function warnExplicit(category: PyTypeObject, message: PyVal, filename: string, lineno: number, module: string): void {
  let cat = category;
  let text: string;
  if (message instanceof PyBaseExceptionObject && PyType_IsSubtype(Py_TYPE(message), PyExc_Warning)) {
    cat = Py_TYPE(message);
    text = PyObject_Str(message).value;
  } else text = PyObject_Str(message).value;
  if (isIgnored(cat, module)) return;
  const key = `${filename}\0${lineno}\0${cat.tp_name}\0${text}`;
  if (shown.has(key)) return;
  shown.add(key);
  showWarning(text, cat, filename, lineno);
}

function categoryArg(message: PyVal, category: PyVal | undefined): PyTypeObject {
  if (message instanceof PyBaseExceptionObject && PyType_IsSubtype(Py_TYPE(message), PyExc_Warning)) return Py_TYPE(message);
  if (category === undefined || category === Py_None) return PyExc_UserWarning;
  if (!(category instanceof PyTypeObject) || !PyType_IsSubtype(category, PyExc_Warning)) {
    return PyErr_Format(PyExc_TypeError, `category must be a Warning subclass, not '${Py_TYPE(category).tp_name}'`);
  }
  return category;
}

function warnings_warn(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [message, category, stacklevel] = parseArgs("warn", args, kwnames,
    ["message", "category", "stacklevel", "source", "*skip_file_prefixes"], 1, 4);
  const level = stacklevel === undefined ? 1 : Number(longValue(PyNumber_Index(stacklevel)));
  PyErr_WarnEx(categoryArg(message!, category), message!, level);
  return Py_None;
}

function warnings_warn_explicit(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [message, category, filename, lineno, module] = parseArgs("warn_explicit", args, kwnames,
    ["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"], 4, 8);
  const fn = PyUnicode_Check(filename!) ? filename.value : "<unknown>";
  const mod = module !== undefined && PyUnicode_Check(module) ? module.value : fn.replace(/\.py$/, "");
  warnExplicit(categoryArg(message!, category), message!, fn, Number(longValue(PyNumber_Index(lineno!))), mod);
  return Py_None;
}

export const warningsmodule: PyModuleDef = {
  m_name: "_warnings",
  m_doc: "_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up.",
  m_methods: [
    { name: "warn", meth: warnings_warn, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "warn_explicit", meth: warnings_warn_explicit, flags: METH_FASTCALL | METH_KEYWORDS },
  ],
};
