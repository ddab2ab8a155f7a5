// types.GenericAlias (Objects/genericaliasobject.c): list[int] and friends: origin and args, parameters collected
// from TypeVar-like args, repr, calls that set __orig_class__, __mro_entries__, attribute delegation to the origin,
// equality and hashing, and parameter substitution. Py_GenericAlias is what __class_getitem__ returns.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE,
  Py_Ellipsis, Py_HashHi, Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O, METH_FASTCALL, PyUnicode_InternFromString,
  PyUnicodeObject, type PyVal,
} from "./object.js";
import { PyTuple_New, PyTupleObject, PyTuple_Check } from "./tupleobject.js";
import { PyList_New, PyListObject } from "./listobject.js";
import { PyUnicode_FromString } from "./unicodeobject.js";
import { PyBool_FromLong, Py_True, Py_False } from "./boolobject.js";
import { PyObject_Repr, PyObject_RichCompareBool, PyObject_Hash, PyObject_Vectorcall, PyObject_GetAttrStr,
  _PyObject_LookupAttr, PyObject_SetAttr, PyObject_GetItem } from "./abstract.js";
import { PyObject_GenericGetAttr } from "./typeobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_AttributeError } from "./exceptions.js";
import { unpackArgs, checkNoKwargs } from "../runtime/getargs.js";

export const Py_GenericAliasType = PyType_Declare("types.GenericAlias");

export class PyGenericAliasObject extends PyObject {
  origin: PyVal;
  args: PyTupleObject;
  parameters: PyTupleObject | null;
  starred: boolean;
  constructor(type: PyTypeObject, origin: PyVal, args: PyTupleObject, starred: boolean) {
    super(type);
    this.origin = origin;
    this.args = args;
    this.parameters = null;
    this.starred = starred;
  }
}

/** Py_GenericAlias(origin, args): what __class_getitem__ returns. */
export function Py_GenericAlias(origin: PyVal, args: PyVal): PyVal {
  return new PyGenericAliasObject(Py_GenericAliasType, origin, PyTuple_Check(args) ? args : PyTuple_New([args]), false);
}

/** repr of one argument (ga_repr_item): types by qualified name, Ellipsis as "...". */
function reprItem(p: PyVal): string {
  if (p === Py_Ellipsis) return "...";
  if (p instanceof PyGenericAliasObject) return PyObject_Repr(p).value;
  if (p instanceof PyListObject) return `[${p.ob_item.map(reprItem).join(", ")}]`;
  const qn = _PyObject_LookupAttr(p, PyUnicode_InternFromString("__qualname__"));
  const origin = _PyObject_LookupAttr(p, PyUnicode_InternFromString("__origin__"));
  const args = _PyObject_LookupAttr(p, PyUnicode_InternFromString("__args__"));
  if (origin !== undefined && args !== undefined) return PyObject_Repr(p).value;
  if (qn === undefined) return PyObject_Repr(p).value;
  const mod = _PyObject_LookupAttr(p, PyUnicode_InternFromString("__module__"));
  if (mod === undefined || mod === Py_None) return PyObject_Repr(p).value;
  const m = (mod as PyUnicodeObject).value;
  return m === "builtins" ? (qn as PyUnicodeObject).value : `${m}.${(qn as PyUnicodeObject).value}`;
}

function ga_repr(self: PyVal): PyUnicodeObject {
  const g = self as PyGenericAliasObject;
  const items = g.args.ob_item;
  const inner = items.length === 0 ? "()" : items.map(reprItem).join(", ");
  return PyUnicode_FromString(`${g.starred ? "*" : ""}${reprItem(g.origin)}[${inner}]`);
}

function isTypeVarLike(v: PyVal): boolean {
  return !(v instanceof PyTypeObject) && _PyObject_LookupAttr(v, PyUnicode_InternFromString("__typing_subst__")) !== undefined;
}

/** _Py_make_parameters: the TypeVar-likes among the args, in order, without duplicates. */
function parametersOf(g: PyGenericAliasObject): PyTupleObject {
  if (g.parameters !== null) return g.parameters;
  const out: PyVal[] = [];
  const add = (v: PyVal): void => { if (!out.includes(v)) out.push(v); };
  const scan = (a: PyVal): void => {
    if (a instanceof PyTypeObject) return;
    if (isTypeVarLike(a)) { add(a); return; }
    if (a instanceof PyListObject || (PyTuple_Check(a) && !(a instanceof PyGenericAliasObject))) {
      for (const x of (a as PyListObject).ob_item) scan(x);
      return;
    }
    const ps = _PyObject_LookupAttr(a, PyUnicode_InternFromString("__parameters__"));
    if (ps !== undefined && PyTuple_Check(ps)) for (const x of ps.ob_item) add(x);
  };
  for (const a of g.args.ob_item) scan(a);
  g.parameters = PyTuple_New(out);
  return g.parameters;
}

function substitute(a: PyVal, params: PyVal[], values: PyVal[]): PyVal {
  const i = params.indexOf(a);
  if (i >= 0) return values[i];
  const ps = a instanceof PyTypeObject ? undefined : _PyObject_LookupAttr(a, PyUnicode_InternFromString("__parameters__"));
  if (ps !== undefined && PyTuple_Check(ps) && ps.ob_item.length > 0) {
    const sub = ps.ob_item.map((p) => substitute(p, params, values));
    return PyObject_GetItem(a, sub.length === 1 ? sub[0] : PyTuple_New(sub));
  }
  if (a instanceof PyListObject) return PyList_New(a.ob_item.map((x) => substitute(x, params, values)));
  return a;
}

function ga_getitem(self: PyVal, item: PyVal): PyVal {
  const g = self as PyGenericAliasObject;
  const params = parametersOf(g).ob_item;
  if (params.length === 0) return PyErr_Format(PyExc_TypeError, `${ga_repr(g).value} is not a generic class`);
  const values = PyTuple_Check(item) ? item.ob_item : [item];
  if (values.length !== params.length) {
    return PyErr_Format(PyExc_TypeError, `Too ${values.length > params.length ? "many" : "few"} arguments for ${ga_repr(g).value}; actual ${values.length}, expected ${params.length}`);
  }
  const args = g.args.ob_item.map((a) => substitute(a, params, values));
  return new PyGenericAliasObject(Py_TYPE(g), g.origin, PyTuple_New(args), g.starred);
}

const OWN_ATTRS = new Set(["__class__", "__bases__", "__origin__", "__args__", "__unpacked__", "__parameters__",
  "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__"]);

function ga_getattro(self: PyVal, name: PyUnicodeObject, suppress: boolean): PyVal | undefined {
  if (!OWN_ATTRS.has(name.value)) {
    const g = self as PyGenericAliasObject;
    if (suppress) return _PyObject_LookupAttr(g.origin, name);
    return PyObject_GetAttrStr(g.origin, name.value);
  }
  return PyObject_GenericGetAttr(self, name, suppress);
}

function ga_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if (!(a instanceof PyGenericAliasObject) || !(b instanceof PyGenericAliasObject) || (op !== Py_EQ && op !== Py_NE)) {
    return Py_NotImplemented;
  }
  const eq = a.starred === b.starred && PyObject_RichCompareBool(a.origin, b.origin, Py_EQ)
    && PyObject_RichCompareBool(a.args, b.args, Py_EQ);
  return PyBool_FromLong(op === Py_EQ ? eq : !eq);
}

function ga_hash(self: PyVal): number {
  const g = self as PyGenericAliasObject;
  const h0 = PyObject_Hash(g.origin);
  const hi0 = Py_HashHi[0];
  const h1 = PyObject_Hash(g.args);
  Py_HashHi[0] = hi0 ^ Py_HashHi[0];
  return h0 ^ h1;
}

function ga_call(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const g = self as PyGenericAliasObject;
  const obj = PyObject_Vectorcall(g.origin, args, kwnames);
  try {
    PyObject_SetAttr(obj, PyUnicode_InternFromString("__orig_class__"), g);
  } catch (e) {
    // As CPython: objects that refuse attributes (AttributeError, TypeError) simply do not get __orig_class__.
    if (!(e instanceof PyObject) || !(Py_TYPE(e) === PyExc_AttributeError || Py_TYPE(e) === PyExc_TypeError
      || Py_TYPE(e).mro.includes(PyExc_AttributeError) || Py_TYPE(e).mro.includes(PyExc_TypeError))) throw e;
  }
  return obj;
}

function ga_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  checkNoKwargs("GenericAlias", kwnames);
  const [origin, a] = unpackArgs("GenericAlias", args, 2, 2);
  return new PyGenericAliasObject(type, origin!, PyTuple_Check(a!) ? a : PyTuple_New([a!]), false);
}

let unionHook: (a: PyVal, b: PyVal) => PyVal = () => Py_NotImplemented;
export function _PyGenericAlias_InstallUnion(f: (a: PyVal, b: PyVal) => PyVal): void {
  unionHook = f;
}
let getitemFunc: () => PyVal = () => Py_None;
export function _PyGenericAlias_InstallOperatorGetitem(f: () => PyVal): void {
  getitemFunc = f;
}

PyType_FromSpecStatic({
  name: "types.GenericAlias",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "GenericAlias(origin, args, /)\n--\n\nRepresent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
  slots: {
    tp_new: ga_new,
    tp_repr: ga_repr,
    tp_getattro: ga_getattro,
    tp_richcompare: ga_richcompare,
    tp_hash: ga_hash,
    tp_call: ga_call,
    mp_subscript: ga_getitem,
    nb_or: (a, b) => unionHook(a, b),
    tp_iter: (s) => {
      const g = s as PyGenericAliasObject;
      const starred = new PyGenericAliasObject(Py_TYPE(g), g.origin, g.args, true);
      return PyObject_Vectorcall(PyObject_GetAttrStr(PyTuple_New([starred]), "__iter__")!, [], null);
    },
  },
  methods: [
    { name: "__mro_entries__", meth: (s: PyVal) => PyTuple_New([(s as PyGenericAliasObject).origin]), flags: METH_O },
    { name: "__instancecheck__", meth: () => PyErr_Format(PyExc_TypeError, "isinstance() argument 2 cannot be a parameterized generic"), flags: METH_O },
    { name: "__subclasscheck__", meth: () => PyErr_Format(PyExc_TypeError, "issubclass() argument 2 cannot be a parameterized generic"), flags: METH_O },
    { name: "__reduce__", meth: (s: PyVal) => {
      const g = s as PyGenericAliasObject;
      return PyTuple_New([getitemFunc(), PyTuple_New([g.origin, g.args])]);
    }, flags: METH_NOARGS },
    { name: "__dir__", meth: (s: PyVal) => {
      const g = s as PyGenericAliasObject;
      const names = PyObject_Vectorcall(PyObject_GetAttrStr(g.origin, "__dir__")!, [], null);
      return names;
    }, flags: METH_NOARGS },
  ],
  getset: [
    { name: "__origin__", get: (s) => (s as PyGenericAliasObject).origin },
    { name: "__args__", get: (s) => (s as PyGenericAliasObject).args },
    { name: "__parameters__", get: (s) => parametersOf(s as PyGenericAliasObject) },
    { name: "__unpacked__", get: (s) => ((s as PyGenericAliasObject).starred ? Py_True : Py_False) },
    { name: "__typing_unpacked_tuple_args__", get: (s) => {
      const g = s as PyGenericAliasObject;
      return g.starred && g.origin === PyTuple_New([]).ob_type ? g.args : Py_None;
    } },
  ],
}, Py_GenericAliasType);

