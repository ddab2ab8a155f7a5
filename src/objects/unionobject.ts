// types.UnionType (Objects/unionobject.c): int | str: flattened, de-duplicated args (None as NoneType), repr
// "int | str", order-insensitive equality and hashing, isinstance/issubclass over the args, parameters and their
// substitution ((int | list[T])[str]).
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE,
  Py_HashHi, METH_O, PyUnicode_InternFromString, PyUnicodeObject, type PyVal,
} from "./object.js";
import { PyTuple_New, PyTupleObject, PyTuple_Check } from "./tupleobject.js";
import { PyUnicode_FromString } from "./unicodeobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { PyObject_Repr, PyObject_RichCompareBool, PyObject_IsInstance, PyObject_IsSubclass, _PyObject_LookupAttr,
  PyObject_Hash, PyNumber_Or } from "./abstract.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError } from "./exceptions.js";
import { PyGenericAliasObject, _Py_make_parameters, _Py_subs_parameters } from "./genericaliasobject.js";

export const _PyUnion_Type = PyType_Declare("types.UnionType");

export class PyUnionObject extends PyObject {
  args: PyTupleObject;
  /** __parameters__, made at first use (_Py_make_parameters). */
  parameters: PyTupleObject | null;
  constructor(args: PyVal[]) {
    super(_PyUnion_Type);
    this.args = PyTuple_New(args);
    this.parameters = null;
  }
}

function unionParameters(u: PyUnionObject): PyTupleObject {
  u.parameters ??= _Py_make_parameters(u.args);
  return u.parameters;
}

/** union_getitem: (int | list[T])[str] substitutes as a generic alias would, then joins the new args with |. */
function union_getitem(self: PyVal, item: PyVal): PyVal {
  const u = self as PyUnionObject;
  const newargs = _Py_subs_parameters(u, u.args, unionParameters(u), item);
  if (newargs.length === 0) return new PyUnionObject([]);
  let res = newargs[0];
  for (let i = 1; i < newargs.length; i++) res = PyNumber_Or(res, newargs[i]);
  return res;
}

/** Whether v may take part in a union (is_unionable): None, types, generic aliases, unions, TypeVar-likes. */
function unionable(v: PyVal): boolean {
  if (v === Py_None || v instanceof PyTypeObject || v instanceof PyGenericAliasObject || v instanceof PyUnionObject) return true;
  const tn = Py_TYPE(v).tp_name;
  return tn === "TypeAliasType" || tn === "typing.TypeAliasType";
}

function flatten(v: PyVal, out: PyVal[]): void {
  if (v instanceof PyUnionObject) {
    for (const x of v.args.ob_item) flatten(x, out);
    return;
  }
  const x = v === Py_None ? Py_TYPE(Py_None) : v;
  for (const y of out) if (y === x || (y instanceof PyGenericAliasObject && x instanceof PyGenericAliasObject && PyObject_RichCompareBool(x, y, Py_EQ))) return;
  out.push(x);
}

/** a | b for types (_Py_union_type_or); NotImplemented when either side cannot be in a union. */
export function _Py_union_type_or(a: PyVal, b: PyVal): PyVal {
  if (!unionable(a) || !unionable(b)) return Py_NotImplemented;
  const args: PyVal[] = [];
  flatten(a, args);
  flatten(b, args);
  if (args.length === 1) return args[0];
  return new PyUnionObject(args);
}

function reprItem(p: PyVal): string {
  if (p === Py_TYPE(Py_None)) return "None";
  if (p instanceof PyGenericAliasObject) return PyObject_Repr(p).value;
  const qn = _PyObject_LookupAttr(p, PyUnicode_InternFromString("__qualname__"));
  const mod = _PyObject_LookupAttr(p, PyUnicode_InternFromString("__module__"));
  if (qn === undefined || mod === undefined || mod === Py_None) return PyObject_Repr(p).value;
  const m = (mod as PyUnicodeObject).value;
  return m === "builtins" ? (qn as PyUnicodeObject).value : `${m}.${(qn as PyUnicodeObject).value}`;
}

function checkArgs(u: PyUnionObject, what: string): void {
  for (const a of u.args.ob_item) {
    if (a instanceof PyGenericAliasObject) {
      PyErr_Format(PyExc_TypeError, `${what}() argument 2 cannot be a parameterized generic`);
    }
  }
}

PyType_FromSpecStatic({
  name: "types.UnionType",
  doc: "Represent a PEP 604 union type\n\nE.g. for int | str",
  slots: {
    tp_repr: (s) => PyUnicode_FromString((s as PyUnionObject).args.ob_item.map(reprItem).join(" | ")),
    tp_richcompare: (a, b, op) => {
      if (!(a instanceof PyUnionObject) || !(b instanceof PyUnionObject) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
      const x = a.args.ob_item, y = b.args.ob_item;
      const eq = x.length === y.length && x.every((v) => y.some((w) => PyObject_RichCompareBool(v, w, Py_EQ)));
      return PyBool_FromLong(op === Py_EQ ? eq : !eq);
    },
    tp_hash: (s) => {
      // frozenset-like: order-insensitive
      let lo = 0, hi = 0;
      for (const a of (s as PyUnionObject).args.ob_item) {
        lo ^= PyObject_Hash(a);
        hi ^= Py_HashHi[0];
      }
      Py_HashHi[0] = hi;
      return lo;
    },
    nb_or: _Py_union_type_or,
    mp_subscript: union_getitem,
  },
  methods: [
    { name: "__instancecheck__", meth: (s: PyVal, inst: PyVal) => {
      const u = s as PyUnionObject;
      checkArgs(u, "isinstance");
      return PyBool_FromLong(u.args.ob_item.some((c) => PyObject_IsInstance(inst, c)));
    }, flags: METH_O },
    { name: "__subclasscheck__", meth: (s: PyVal, c: PyVal) => {
      const u = s as PyUnionObject;
      checkArgs(u, "issubclass");
      return PyBool_FromLong(u.args.ob_item.some((x) => PyObject_IsSubclass(c, x)));
    }, flags: METH_O },
  ],
  getset: [
    { name: "__args__", get: (s) => (s as PyUnionObject).args },
    { name: "__parameters__", get: (s) => unionParameters(s as PyUnionObject) },
  ],
}, _PyUnion_Type);
