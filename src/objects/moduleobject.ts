// module objects (Objects/moduleobject.c): a namespace dict, module __getattr__ (PEP 562), and CPython's reprs
// and "module 'x' has no attribute 'y'" errors. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, PyUnicode_InternFromString,
  Py_TPFLAGS_BASETYPE, type PyVal, PyUnicodeObject, METH_NOARGS,
} from "./object.js";
import { PyDictObject, PyDict_New, PyDict_GetItemStr, PyDict_SetItem, PyDict_Keys } from "./dictobject.js";
import { hooks, PyObject_Vectorcall, raiseAttributeError, PyObject_Repr } from "./abstract.js";
import { PyObject_GenericGetAttr, readonlyMember } from "./typeobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "./unicodeobject.js";
import { PyList_New } from "./listobject.js";
import { parseArgs } from "../runtime/getargs.js";

export const PyModule_Type = PyType_Declare("module");

export class PyModuleObject extends PyObject {
  /** The module namespace (md_dict); named `dict` so the generic attribute code finds it (tp_dictoffset 1). */
  dict: PyDictObject | null;
  /** Attributes made at their first use (_PyModule_SetLazy), for values costly to make at every start that few
   *  programs read (sys.stdlib_module_names: 289 strings hashed into a frozenset). */
  lazy: Map<string, () => PyVal> | null;
  constructor(type: PyTypeObject, name: PyVal, doc: PyVal = Py_None) {
    super(type);
    this.dict = PyDict_New();
    this.lazy = null;
    const d = this.dict;
    PyDict_SetItem(d, PyUnicode_InternFromString("__name__"), name);
    PyDict_SetItem(d, PyUnicode_InternFromString("__doc__"), doc);
    PyDict_SetItem(d, PyUnicode_InternFromString("__package__"), Py_None);
    PyDict_SetItem(d, PyUnicode_InternFromString("__loader__"), Py_None);
    PyDict_SetItem(d, PyUnicode_InternFromString("__spec__"), Py_None);
  }
}

export function PyModule_New(name: string): PyModuleObject {
  return new PyModuleObject(PyModule_Type, PyUnicode_FromString(name));
}

export function PyModule_GetDict(m: PyModuleObject): PyDictObject {
  return m.dict!;
}

function moduleName(m: PyModuleObject): string | null {
  const n = PyDict_GetItemStr(m.dict!, PyUnicode_InternFromString("__name__"));
  return n !== undefined && PyUnicode_Check(n) ? n.value : null;
}

/** An attribute made the first time it is looked up, or the module's __dict__ read (dir, vars): it is then in the
 *  dict like any other. */
export function _PyModule_SetLazy(m: PyModuleObject, name: string, make: () => PyVal): void {
  (m.lazy ??= new Map()).set(name, make);
}

function materializeLazy(m: PyModuleObject, name: string | null): PyVal | undefined {
  const lazy = m.lazy!;
  if (name !== null) {
    const make = lazy.get(name);
    if (make === undefined) return undefined;
    lazy.delete(name);
    const v = make();
    PyDict_SetItem(m.dict!, PyUnicode_InternFromString(name), v);
    return v;
  }
  for (const n of [...lazy.keys()]) materializeLazy(m, n);
  return undefined;
}

function module_getattro(self: PyVal, name: PyUnicodeObject, suppress: boolean): PyVal | undefined {
  const r = PyObject_GenericGetAttr(self, name, true);
  if (r !== undefined) return r;
  const m = self as PyModuleObject;
  if (m.lazy !== null) {
    const v = materializeLazy(m, name.value);
    if (v !== undefined) return v;
  }
  const getattr = PyDict_GetItemStr(m.dict!, PyUnicode_InternFromString("__getattr__"));
  if (getattr !== undefined) {
    if (!suppress) return PyObject_Vectorcall(getattr, [name], null);
    try {
      return PyObject_Vectorcall(getattr, [name], null);
    } catch (e) {
      if (e instanceof PyObject && Py_TYPE(e).mro.some((t) => t.tp_name === "AttributeError")) return undefined;
      throw e;
    }
  }
  if (suppress) return undefined;
  const mn = moduleName(m);
  if (mn === null) return raiseAttributeError(self, name, `module has no attribute '${name.value}'`);
  return raiseAttributeError(self, name, `module '${mn}' has no attribute '${name.value}'`);
}

/** importlib._bootstrap._module_repr, once the import system is up (CPython's module_repr delegates to it). */
export const moduleReprHook = { f: null as ((m: PyVal) => PyUnicodeObject) | null };

function module_repr(self: PyVal): PyUnicodeObject {
  if (moduleReprHook.f !== null) return moduleReprHook.f(self);
  const m = self as PyModuleObject;
  const d = m.dict!;
  const name = PyDict_GetItemStr(d, PyUnicode_InternFromString("__name__"));
  const nm = name !== undefined ? (PyUnicode_Check(name) ? name.value : PyObject_Repr(name).value) : "?";
  const file = PyDict_GetItemStr(d, PyUnicode_InternFromString("__file__"));
  if (file !== undefined && PyUnicode_Check(file)) return hooks.str(`<module '${nm}' from '${file.value}'>`);
  const spec = PyDict_GetItemStr(d, PyUnicode_InternFromString("__spec__"));
  const loader = PyDict_GetItemStr(d, PyUnicode_InternFromString("__loader__"));
  if (builtinModuleNames.has(nm) && (spec === undefined || spec === Py_None || true) && loader !== undefined && loader !== Py_None) {
    return hooks.str(`<module '${nm}' (built-in)>`);
  }
  if (builtinModuleNames.has(nm) && nm !== "__main__") return hooks.str(`<module '${nm}' (built-in)>`);
  return hooks.str(`<module '${nm}'>`);
}

/** Names of modules implemented natively (shown as "(built-in)" in reprs). */
export const builtinModuleNames = new Set<string>(["builtins", "sys"]);

function module_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const [name, doc] = parseArgs("module", args, kwnames, ["name", "doc"], 1, 2);
  const m = self as PyModuleObject;
  if (!PyUnicode_Check(name!)) {
    parseArgs("module", [], null, ["name"], 0, 0);
  }
  PyDict_SetItem(m.dict!, PyUnicode_InternFromString("__name__"), name!);
  PyDict_SetItem(m.dict!, PyUnicode_InternFromString("__doc__"), doc ?? Py_None);
}

PyType_FromSpecStatic({
  name: "module",
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.",
  slots: {
    tp_new: (t) => new PyModuleObject(t, Py_None),
    tp_init: module_init,
    tp_getattro: module_getattro,
    tp_repr: module_repr,
  },
  methods: [
    { name: "__dir__", meth: (s: PyVal) => {
      const m = s as PyModuleObject;
      if (m.lazy !== null) materializeLazy(m, null);
      const d = m.dict!;
      const f = PyDict_GetItemStr(d, PyUnicode_InternFromString("__dir__"));
      if (f !== undefined) return PyObject_Vectorcall(f, [], null);
      return PyList_New(PyDict_Keys(d));
    }, flags: METH_NOARGS },
  ],
  getset: [
    // A READONLY member in CPython (module_members).
    { name: "__dict__", get: (s) => {
      const m = s as PyModuleObject;
      if (m.lazy !== null) materializeLazy(m, null);
      return m.dict!;
    }, set: readonlyMember },
  ],
}, PyModule_Type);
