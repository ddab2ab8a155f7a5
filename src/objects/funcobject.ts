// function objects, classmethod and staticmethod (Objects/funcobject.c). Calling a function runs the evaluation
// loop; the loop itself pushes frames for Python-to-Python calls without JS recursion. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, PyUnicode_InternFromString,
  Py_TPFLAGS_METHOD_DESCRIPTOR, Py_TPFLAGS_BASETYPE, type PyVal, PyUnicodeObject, METH_NOARGS,
} from "./object.js";
import { PyCodeObject, _PyCode_Materialize } from "./codeobject.js";
import { PyDictObject, PyDict_New, PyDict_GetItemStr, PyDict_Check } from "./dictobject.js";
import { PyTupleObject, PyTuple_Check, PyTuple_New } from "./tupleobject.js";
import { hooks, PyObject_Vectorcall, _PyObject_LookupAttr, PyObject_IsTrue } from "./abstract.js";
import { PyMethodObject } from "./classobject.js";
import { addressOf } from "./methodobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_ValueError } from "./exceptions.js";
import { PyUnicode_Check } from "./unicodeobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { parseArgs } from "../runtime/getargs.js";

export const PyFunction_Type = PyType_Declare("function");
export const PyClassMethod_Type = PyType_Declare("classmethod");
export const PyStaticMethod_Type = PyType_Declare("staticmethod");

let nextFuncVersion = 1;

export class PyFunctionObject extends PyObject {
  func_code: PyCodeObject;
  func_globals: PyDictObject;
  func_builtins: PyDictObject;
  func_name: PyUnicodeObject;
  func_qualname: PyUnicodeObject;
  func_defaults: PyTupleObject | null;
  func_kwdefaults: PyDictObject | null;
  func_closure: PyTupleObject | null;
  func_doc: PyVal;
  /** __dict__ (tp_dictoffset 1). */
  dict: PyDictObject | null;
  func_module: PyVal;
  func_annotations: PyVal | null;
  func_type_params: PyTupleObject | null;
  /** Changes whenever code/defaults change: the guard of CALL specializations (PEP 659 room). */
  func_version: number;
  constructor(code: PyCodeObject, globals: PyDictObject, builtins: PyDictObject, qualname: PyUnicodeObject | null) {
    super(PyFunction_Type);
    this.func_code = code;
    this.func_globals = globals;
    this.func_builtins = builtins;
    this.func_name = code.co_name;
    this.func_qualname = qualname ?? code.co_qualname;
    this.func_defaults = null;
    this.func_kwdefaults = null;
    this.func_closure = null;
    // A lazily read code object keeps its body until its first frame; its record carries the docstring.
    const lazy = code._lazy;
    const c0 = lazy !== null ? lazy.doc : code._consts.length > 0 ? code._consts[0] : Py_None;
    this.func_doc = PyUnicode_Check(c0) ? c0 : Py_None;
    this.dict = null;
    const mod = PyDict_GetItemStr(globals, PyUnicode_InternFromString("__name__"));
    this.func_module = mod ?? Py_None;
    this.func_annotations = null;
    this.func_type_params = null;
    this.func_version = nextFuncVersion++;
  }
}

/** Installed by the evaluation loop: call a Python function from native code (_PyFunction_Vectorcall). */
export const funcHooks = {
  vectorcall: (f: PyFunctionObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal => {
    void f; void args; void kwnames;
    throw new Error("evaluation loop not installed");
  },
};

function func_call(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  return funcHooks.vectorcall(self as PyFunctionObject, args, kwnames);
}

function func_descr_get(self: PyVal, obj: PyVal | null): PyVal {
  if (obj === null || obj === undefined) return self;
  return new PyMethodObject(self, obj);
}

function func_repr(self: PyVal): PyUnicodeObject {
  const f = self as PyFunctionObject;
  return hooks.str(`<function ${f.func_qualname.value} at ${addressOf(f)}>`);
}

function func_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [code, globals, name, argdefs, closure, kwdefaults] = parseArgs("function", args, kwnames,
    ["code", "globals", "name", "argdefs", "closure", "kwdefaults"], 2, 6);
  void type;
  if (!(code instanceof PyCodeObject)) return PyErr_Format(PyExc_TypeError, `function() argument 'code' must be code, not ${Py_TYPE(code!).tp_name}`);
  if (!PyDict_Check(globals!)) return PyErr_Format(PyExc_TypeError, `function() argument 'globals' must be dict, not ${Py_TYPE(globals!).tp_name}`);
  const builtins = builtinsOf(globals);
  const f = new PyFunctionObject(_PyCode_Materialize(code), globals, builtins, null);
  if (name !== undefined && name !== Py_None) { f.func_name = name as PyUnicodeObject; }
  if (argdefs !== undefined && argdefs !== Py_None) f.func_defaults = argdefs as PyTupleObject;
  if (closure !== undefined && closure !== Py_None) f.func_closure = closure as PyTupleObject;
  if (kwdefaults !== undefined && kwdefaults !== Py_None) f.func_kwdefaults = kwdefaults as PyDictObject;
  if (code.co_nfreevars !== (f.func_closure?.ob_item.length ?? 0)) {
    return PyErr_Format(PyExc_ValueError, `${code.co_name.value} requires closure of length ${code.co_nfreevars}, not ${f.func_closure?.ob_item.length ?? 0}`);
  }
  return f;
}

/** The builtins dict for a globals dict (its __builtins__, or the interpreter's). */
export let builtinsOf: (globals: PyDictObject) => PyDictObject = () => PyDict_New();
export function _PyFunction_InstallBuiltinsOf(f: (globals: PyDictObject) => PyDictObject): void {
  builtinsOf = f;
}

function setTupleOrNone(what: string, v: PyVal | null): PyTupleObject | null {
  if (v === null || v === Py_None) return null;
  if (!PyTuple_Check(v)) return PyErr_Format(PyExc_TypeError, `${what} must be set to a tuple object`);
  return v;
}

PyType_FromSpecStatic({
  name: "function",
  flags: Py_TPFLAGS_METHOD_DESCRIPTOR,
  dictoffset: 1,
  doc: "Create a function object.",
  slots: { tp_call: func_call, tp_descr_get: func_descr_get, tp_repr: func_repr, tp_new: func_new },
  members: [
    { name: "__globals__", get: (s) => (s as PyFunctionObject).func_globals },
    { name: "__closure__", get: (s) => (s as PyFunctionObject).func_closure ?? Py_None },
    { name: "__doc__", get: (s) => (s as PyFunctionObject).func_doc, set: (s, v) => { (s as PyFunctionObject).func_doc = v ?? Py_None; } },
    { name: "__module__", get: (s) => (s as PyFunctionObject).func_module, set: (s, v) => { (s as PyFunctionObject).func_module = v ?? Py_None; } },
    { name: "__builtins__", get: (s) => (s as PyFunctionObject).func_builtins },
  ],
  getset: [
    { name: "__code__", get: (s) => (s as PyFunctionObject).func_code, set: (s, v) => {
      if (!(v instanceof PyCodeObject)) { PyErr_Format(PyExc_TypeError, "__code__ must be set to a code object"); }
      const f = s as PyFunctionObject;
      f.func_code = v as PyCodeObject;
      f.func_version = nextFuncVersion++;
    } },
    { name: "__defaults__", get: (s) => (s as PyFunctionObject).func_defaults ?? Py_None, set: (s, v) => {
      const f = s as PyFunctionObject;
      f.func_defaults = setTupleOrNone("__defaults__", v);
      f.func_version = nextFuncVersion++;
    } },
    { name: "__kwdefaults__", get: (s) => (s as PyFunctionObject).func_kwdefaults ?? Py_None, set: (s, v) => {
      const f = s as PyFunctionObject;
      if (v !== null && v !== Py_None && !PyDict_Check(v)) { PyErr_Format(PyExc_TypeError, "__kwdefaults__ must be set to a dict object"); }
      f.func_kwdefaults = v === null || v === Py_None ? null : (v as PyDictObject);
      f.func_version = nextFuncVersion++;
    } },
    { name: "__name__", get: (s) => (s as PyFunctionObject).func_name, set: (s, v) => {
      if (v === null || !PyUnicode_Check(v)) { PyErr_Format(PyExc_TypeError, "__name__ must be set to a string object"); }
      (s as PyFunctionObject).func_name = v as PyUnicodeObject;
    } },
    { name: "__qualname__", get: (s) => (s as PyFunctionObject).func_qualname, set: (s, v) => {
      if (v === null || !PyUnicode_Check(v)) { PyErr_Format(PyExc_TypeError, "__qualname__ must be set to a string object"); }
      (s as PyFunctionObject).func_qualname = v as PyUnicodeObject;
    } },
    { name: "__dict__", get: (s) => {
      const f = s as PyFunctionObject;
      if (f.dict === null) f.dict = PyDict_New();
      return f.dict;
    }, set: (s, v) => {
      if (v === null) PyErr_Format(PyExc_TypeError, "cannot delete __dict__"); // PyObject_GenericSetDict
      if (!PyDict_Check(v!)) PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary, not a '" + Py_TYPE(v!).tp_name + "'");
      (s as PyFunctionObject).dict = v as PyDictObject;
    } },
    { name: "__annotations__", get: (s) => {
      const f = s as PyFunctionObject;
      if (f.func_annotations === null) f.func_annotations = PyDict_New();
      else if (PyTuple_Check(f.func_annotations)) {
        // MAKE_FUNCTION's annotations arrive as a flat (name, value, ...) tuple.
        const d = PyDict_New();
        const items = f.func_annotations.ob_item;
        for (let i = 0; i + 1 < items.length; i += 2) dictSet(d, items[i], items[i + 1]);
        f.func_annotations = d;
      }
      return f.func_annotations;
    }, set: (s, v) => {
      if (v !== null && v !== Py_None && !PyDict_Check(v)) { PyErr_Format(PyExc_TypeError, "__annotations__ must be set to a dict object"); }
      (s as PyFunctionObject).func_annotations = v === null || v === Py_None ? null : v;
    } },
    { name: "__type_params__", get: (s) => (s as PyFunctionObject).func_type_params ?? PyTuple_New([]), set: (s, v) => {
      if (v === null || !PyTuple_Check(v)) { PyErr_Format(PyExc_TypeError, "__type_params__ must be set to a tuple"); }
      (s as PyFunctionObject).func_type_params = v as PyTupleObject;
    } },
  ],
}, PyFunction_Type);

let dictSet: (d: PyDictObject, k: PyVal, v: PyVal) => void = () => undefined;
export function _PyFunction_InstallDictSet(f: (d: PyDictObject, k: PyVal, v: PyVal) => void): void {
  dictSet = f;
}

// ---- classmethod / staticmethod ----

export class PyClassMethodObject extends PyObject {
  cm_callable: PyVal;
  dict: PyDictObject | null;
  constructor(type: PyTypeObject, f: PyVal) {
    super(type);
    this.cm_callable = f;
    this.dict = null;
  }
}

function cm_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  if (kwnames !== null && kwnames.length) PyErr_Format(PyExc_TypeError, `${Py_TYPE(self).tp_name}() takes no keyword arguments`);
  if (args.length !== 1) PyErr_Format(PyExc_TypeError, `${Py_TYPE(self).tp_name} expected 1 argument, got ${args.length}`);
  (self as PyClassMethodObject).cm_callable = args[0];
  copyWrapperAttrs(self as PyClassMethodObject, args[0]);
}

function copyWrapperAttrs(self: PyClassMethodObject, f: PyVal): void {
  // functools.update_wrapper-like copy of __module__, __name__, __qualname__, __doc__ (functools_wraps in C).
  for (const n of ["__module__", "__name__", "__qualname__", "__doc__"]) {
    const v = _PyObject_LookupAttr(f, PyUnicode_InternFromString(n));
    if (v !== undefined) {
      if (self.dict === null) self.dict = PyDict_New();
      dictSet(self.dict, PyUnicode_InternFromString(n), v);
    }
  }
  if (self.dict === null) self.dict = PyDict_New();
  dictSet(self.dict, PyUnicode_InternFromString("__wrapped__"), f);
}

export function PyClassMethod_New(f: PyVal): PyClassMethodObject {
  const c = new PyClassMethodObject(PyClassMethod_Type, f);
  copyWrapperAttrs(c, f);
  return c;
}

function cm_descr_get(self: PyVal, obj: PyVal | null, type: PyVal | null): PyVal {
  const cm = self as PyClassMethodObject;
  const t = type ?? Py_TYPE(obj!);
  const inner = Py_TYPE(cm.cm_callable).tp_descr_get;
  if (inner !== null && Py_TYPE(cm.cm_callable) !== PyFunction_Type && Py_TYPE(cm.cm_callable).tp_name !== "builtin_function_or_method") {
    return inner(cm.cm_callable, t, null);
  }
  return new PyMethodObject(cm.cm_callable, t);
}

function isAbstract(f: PyVal): PyVal {
  const a = _PyObject_LookupAttr(f, PyUnicode_InternFromString("__isabstractmethod__"));
  return PyBool_FromLong(a !== undefined && PyObject_IsTrue(a));
}

PyType_FromSpecStatic({
  name: "classmethod",
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "Convert a function to be a class method.",
  slots: {
    tp_new: (t) => new PyClassMethodObject(t, Py_None), tp_init: cm_init, tp_descr_get: cm_descr_get,
    tp_repr: (s) => hooks.str(`<classmethod(${reprOf((s as PyClassMethodObject).cm_callable)})>`),
  },
  members: [
    { name: "__func__", get: (s) => (s as PyClassMethodObject).cm_callable },
    { name: "__wrapped__", get: (s) => (s as PyClassMethodObject).cm_callable },
  ],
  getset: [
    { name: "__isabstractmethod__", get: (s) => isAbstract((s as PyClassMethodObject).cm_callable) },
    { name: "__dict__", get: (s) => {
      const c = s as PyClassMethodObject;
      if (c.dict === null) c.dict = PyDict_New();
      return c.dict;
    } },
  ],
}, PyClassMethod_Type);

let reprOf: (v: PyVal) => string = () => "?";
export function _PyFunction_InstallRepr(f: (v: PyVal) => string): void {
  reprOf = f;
}

export function PyStaticMethod_New(f: PyVal): PyClassMethodObject {
  const c = new PyClassMethodObject(PyStaticMethod_Type, f);
  copyWrapperAttrs(c, f);
  return c;
}

PyType_FromSpecStatic({
  name: "staticmethod",
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "Convert a function to be a static method.",
  slots: {
    tp_new: (t) => new PyClassMethodObject(t, Py_None), tp_init: cm_init,
    tp_descr_get: (s) => (s as PyClassMethodObject).cm_callable,
    tp_call: (s, args, kw) => PyObject_Vectorcall((s as PyClassMethodObject).cm_callable, args, kw),
    tp_repr: (s) => hooks.str(`<staticmethod(${reprOf((s as PyClassMethodObject).cm_callable)})>`),
  },
  members: [
    { name: "__func__", get: (s) => (s as PyClassMethodObject).cm_callable },
    { name: "__wrapped__", get: (s) => (s as PyClassMethodObject).cm_callable },
  ],
  getset: [
    { name: "__isabstractmethod__", get: (s) => isAbstract((s as PyClassMethodObject).cm_callable) },
    { name: "__dict__", get: (s) => {
      const c = s as PyClassMethodObject;
      if (c.dict === null) c.dict = PyDict_New();
      return c.dict;
    } },
  ],
}, PyStaticMethod_Type);

