// builtin_function_or_method: a native function, optionally bound to self (Objects/methodobject.c). Calls dispatch
// on the method row's calling convention (METH_NOARGS / METH_O / METH_FASTCALL[|METH_KEYWORDS]). See docs/objects.md.
import {
  PyObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE, METH_NOARGS, Py_HashHi,
  METH_O, METH_FASTCALL, METH_KEYWORDS, METH_CLASS, METH_STATIC, type PyMethodDef, type PyVal, PyUnicodeObject,
  PyTypeObject,
} from "./object.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError } from "./exceptions.js";
import { hooks, PyObject_GetItem, PyObject_Repr } from "./abstract.js";
import { PyBool_FromLong } from "./boolobject.js";
import { _PyThreadState_GET } from "../runtime/pystate.js";

export const PyCFunction_Type = PyType_Declare("builtin_function_or_method");

/** meth_reduce: a function (or a module's) pickles by its name; a method bound to another object as getattr(self, name),
 *  with getattr from the running frame's builtins (_PyEval_GetBuiltin; importing bltinmodule here reorders the graph). */
function meth_reduce(s: PyVal): PyVal {
  const f = s as PyCFunctionObject;
  const name = hooks.str(f.m_ml.name);
  const frame = _PyThreadState_GET().current_frame as { f_builtins: PyVal } | null;
  if (f.m_self === null || (typeof f.m_self !== "number" && f.m_self.ob_type.tp_name === "module") || frame === null) return name;
  return hooks.tuple([PyObject_GetItem(frame.f_builtins, hooks.str("getattr")), hooks.tuple([f.m_self, name])]);
}

export class PyCFunctionObject extends PyObject {
  m_ml: PyMethodDef;
  /** The bound self (a module for module functions), or null for static functions. */
  m_self: PyVal | null;
  /** The module name (__module__) for module-level functions. */
  m_module: PyVal | null;
  /** The type that defines the method (for __qualname__), or null. */
  m_class: PyTypeObject | null;
  constructor(ml: PyMethodDef, self: PyVal | null, module: PyVal | null, cls: PyTypeObject | null) {
    super(PyCFunction_Type);
    this.m_ml = ml;
    this.m_self = self;
    this.m_module = module;
    this.m_class = cls;
  }
}

export function PyCFunction_New(ml: PyMethodDef, self: PyVal | null, module: PyVal | null = null): PyCFunctionObject {
  return new PyCFunctionObject(ml, self, module, null);
}

/** A native function as a Python callable, for module tables: name, implementation, flags. */
export function nativeFunction(name: string, meth: PyMethodDef["meth"], flags: number, doc: string | null = null): PyCFunctionObject {
  return new PyCFunctionObject({ name, meth, flags, doc }, null, null, null);
}

const SIGNATURE_END_MARKER = ")\n--\n\n";

/** find_signature + skip_signature (typeobject.c): the index just past "name(...)\n--\n\n" in an internal doc, or -1. */
function signatureEnd(name: string, doc: string): number {
  const short = name.slice(name.lastIndexOf(".") + 1);
  if (!doc.startsWith(short) || doc[short.length] !== "(") return -1;
  for (let i = short.length; i < doc.length; i++) {
    if (doc.startsWith(SIGNATURE_END_MARKER, i)) return i + SIGNATURE_END_MARKER.length;
    if (doc[i] === "\n" && doc[i + 1] === "\n") return -1;
  }
  return -1;
}

/** _PyType_GetDocFromInternalDoc: the doc without its signature line; None when empty. */
export function _PyType_GetDocFromInternalDoc(name: string, doc: string | null | undefined): PyVal {
  if (!doc) return Py_None;
  const end = signatureEnd(name, doc);
  const text = end < 0 ? doc : doc.slice(end);
  return text === "" ? Py_None : hooks.str(text);
}

/** _PyType_GetTextSignatureFromInternalDoc: "(...)" from "name(...)\n--\n\n", else None. */
export function _PyType_GetTextSignatureFromInternalDoc(name: string, doc: string | null | undefined): PyVal {
  if (!doc) return Py_None;
  const end = signatureEnd(name, doc);
  if (end < 0) return Py_None;
  return hooks.str(doc.slice(name.length - name.lastIndexOf(".") - 1, end - SIGNATURE_END_MARKER.length + 1));
}

/**
 * Call a method row with self and the vectorcall arguments args[start:], checking the calling convention as CPython's
 * cfunction_vectorcall_* functions do. Argument errors name the callable as `nameOf(who)`, computed only then (no
 * string or closure is made per call).
 */
export function callMethodDef(ml: PyMethodDef, self: PyVal | null, args: readonly PyVal[], start: number,
  kwnames: readonly PyVal[] | null, who: PyVal, nameOf: (who: PyVal) => string): PyVal {
  const nargs = args.length - start;
  switch (ml.flags & ~(METH_CLASS | METH_STATIC)) {
    case METH_NOARGS:
      if (kwnames !== null && kwnames.length > 0) return noKeywords(who, nameOf);
      if (nargs !== 0) return PyErr_Format(PyExc_TypeError, `${nameOf(who)}() takes no arguments (${nargs} given)`);
      return ml.meth(self);
    case METH_O:
      if (kwnames !== null && kwnames.length > 0) return noKeywords(who, nameOf);
      if (nargs !== 1) {
        return PyErr_Format(PyExc_TypeError, `${nameOf(who)}() takes exactly one argument (${nargs} given)`);
      }
      return ml.meth(self, args[start]);
    case METH_FASTCALL:
      if (kwnames !== null && kwnames.length > 0) return noKeywords(who, nameOf);
      return ml.meth(self, start === 0 ? args : args.slice(start));
    case METH_FASTCALL | METH_KEYWORDS:
      return ml.meth(self, start === 0 ? args : args.slice(start), kwnames !== null && kwnames.length > 0 ? kwnames : null);
    default:
      return PyErr_Format(PyExc_TypeError, `${nameOf(who)}: unsupported calling convention ${ml.flags}`);
  }
}

function noKeywords(who: PyVal, nameOf: (who: PyVal) => string): never {
  return PyErr_Format(PyExc_TypeError, `${nameOf(who)}() takes no keyword arguments`);
}

/** __qualname__ of a builtin function or method (meth_get__qualname__). */
export function cfunctionQualname(f: PyCFunctionObject): string {
  const self = f.m_self;
  if (self === null || (typeof self !== "number" && self.ob_type.tp_name === "module")) return f.m_ml.name;
  const t = self instanceof PyTypeObject ? self : Py_TYPE(self);
  return `${t.tp_qualname}.${f.m_ml.name}`;
}

/** The name argument errors give a builtin function (_PyObject_FunctionStr without the "()"): its qualname, after
 *  its __module__ unless that is builtins ('math.sqrt', 'posix.getcwd', 'len', 'list.append'). */
function cfunctionFunctionStr(who: PyVal): string {
  const f = who as PyCFunctionObject;
  const q = cfunctionQualname(f);
  const m = f.m_module;
  return m instanceof PyUnicodeObject && m.value !== "builtins" ? `${m.value}.${q}` : q;
}

function cfunction_call(callable: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const f = callable as PyCFunctionObject;
  return callMethodDef(f.m_ml, f.m_self, args, 0, kwnames, f, cfunctionFunctionStr);
}

function cfunction_repr(self: PyVal): PyUnicodeObject {
  const f = self as PyCFunctionObject;
  if (f.m_self === null || (typeof f.m_self !== "number" && f.m_self.ob_type.tp_name === "module")) {
    return hooks.str(`<built-in function ${f.m_ml.name}>`);
  }
  return hooks.str(`<built-in method ${f.m_ml.name} of ${Py_TYPE(f.m_self).tp_name} object at ${addressOf(f.m_self)}>`);
}

/** A stable fake address for reprs ("0x7f..."): CPython prints id(), which is an address. */
export let addressOf: (o: PyVal) => string = () => "0x0";
export function _PyMethod_InstallAddressOf(f: (o: PyVal) => string): void {
  addressOf = f;
}

function cfunction_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if ((op !== Py_EQ && op !== Py_NE) || !(b instanceof PyCFunctionObject)) return Py_NotImplemented;
  const x = a as PyCFunctionObject;
  const eq = x.m_ml === b.m_ml && x.m_self === b.m_self;
  return PyBool_FromLong(op === Py_EQ ? eq : !eq);
}

/** meth_hash: the identities of self and of the method row (CPython hashes the two pointers). */
const methodRowIds = new WeakMap<PyMethodDef, number>();
let nextMethodRowId = 1;
function cfunction_hash(self: PyVal): number {
  const f = self as PyCFunctionObject;
  let row = methodRowIds.get(f.m_ml);
  if (row === undefined) {
    row = nextMethodRowId++;
    methodRowIds.set(f.m_ml, row);
  }
  const x = f.m_self === null ? 0 : Math.floor(parseInt(addressOf(f.m_self).slice(2), 16) / 16);
  Py_HashHi[0] = 0;
  const h = (x ^ (row * 0x9e3779b1)) | 0;
  return h === -1 ? -2 : h;
}

PyType_FromSpecStatic({
  name: "builtin_function_or_method",
  slots: { tp_call: cfunction_call, tp_repr: cfunction_repr, tp_richcompare: cfunction_richcompare, tp_hash: cfunction_hash },
  getset: [
    { name: "__name__", get: (s) => hooks.str((s as PyCFunctionObject).m_ml.name) },
    { name: "__qualname__", get: (s) => {
      const f = s as PyCFunctionObject;
      if (f.m_class !== null) return hooks.str(`${f.m_class.tp_qualname}.${f.m_ml.name}`);
      if (f.m_self !== null && typeof f.m_self !== "number" && f.m_self.ob_type.tp_name !== "module") {
        const t = f.m_self instanceof PyTypeObject ? f.m_self : Py_TYPE(f.m_self);
        return hooks.str(`${t.tp_qualname}.${f.m_ml.name}`);
      }
      return hooks.str(f.m_ml.name);
    } },
    { name: "__doc__", get: (s) => _PyType_GetDocFromInternalDoc((s as PyCFunctionObject).m_ml.name, (s as PyCFunctionObject).m_ml.doc) },
    { name: "__self__", get: (s) => (s as PyCFunctionObject).m_self ?? Py_None },
    { name: "__module__", get: (s) => (s as PyCFunctionObject).m_module ?? Py_None,
      set: (s, v) => { (s as PyCFunctionObject).m_module = v; } },
    { name: "__text_signature__", get: (s) =>
      _PyType_GetTextSignatureFromInternalDoc((s as PyCFunctionObject).m_ml.name, (s as PyCFunctionObject).m_ml.doc) },
  ],
  methods: [
    { name: "__reduce__", meth: meth_reduce, flags: METH_NOARGS },
  ],
}, PyCFunction_Type);

