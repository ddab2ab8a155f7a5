// types.GenericAlias (Objects/genericaliasobject.c): list[int] and friends: origin and args, parameters collected
// from TypeVar-like args, repr, calls that set __orig_class__, __mro_entries__, attribute delegation to the origin,
// equality and hashing, and parameter substitution. Py_GenericAlias is what __class_getitem__ returns.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE,
  Py_Ellipsis, Py_HashHi, Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O, METH_FASTCALL, PyUnicode_InternFromString,
  PyUnicodeObject, type PyVal,
} from "./object.js";
import { PyTuple_New, PyTupleObject, PyTuple_Check, PyTuple_Type } from "./tupleobject.js";
import { PyListObject } from "./listobject.js";
import { PyUnicode_FromString } from "./unicodeobject.js";
import { PyBool_FromLong, Py_True, Py_False } from "./boolobject.js";
import { PyObject_Repr, PyObject_RichCompareBool, PyObject_Hash, PyObject_Vectorcall, PyObject_GetAttrStr,
  _PyObject_LookupAttr, PyObject_SetAttr, PyObject_GetItem, PyObject_IsTrue } from "./abstract.js";
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

/** v has attribute `name` (PyObject_GetOptionalAttr > 0), or its value. */
function optionalAttr(v: PyVal, name: string): PyVal | undefined {
  return _PyObject_LookupAttr(v, PyUnicode_InternFromString(name));
}

/** _Py_make_parameters: the TypeVar-likes among args (objects with __typing_subst__) and the __parameters__ of the
 *  others, in order, without duplicates. Classes are skipped: a generic class's __parameters__ is not an alias's. */
export function _Py_make_parameters(args: PyTupleObject): PyTupleObject {
  const out: PyVal[] = [];
  const add = (v: PyVal): void => { if (!out.includes(v)) out.push(v); };
  for (const t of args.ob_item) {
    if (t instanceof PyTypeObject) continue;
    if (optionalAttr(t, "__typing_subst__") !== undefined) { add(t); continue; }
    const sub = optionalAttr(t, "__parameters__");
    if (sub !== undefined && PyTuple_Check(sub)) for (const t2 of sub.ob_item) add(t2);
  }
  return PyTuple_New(out);
}

function parametersOf(g: PyGenericAliasObject): PyTupleObject {
  g.parameters ??= _Py_make_parameters(g.args);
  return g.parameters;
}

/** A TypeVarTuple parameter: its type is iterable (`*Ts`), which TypeVar and ParamSpec are not. */
function isTypeVarTuple(param: PyVal): boolean {
  return Py_TYPE(param).tp_iter !== null;
}

/** subs_tvars: obj[...] with each of obj's own parameters replaced by its value (a TypeVarTuple's tuple of values
 *  spliced in), or obj itself when it has no parameters. */
function subs_tvars(obj: PyVal, params: readonly PyVal[], argitems: readonly PyVal[]): PyVal {
  const sub = optionalAttr(obj, "__parameters__");
  if (sub === undefined || !PyTuple_Check(sub) || sub.ob_item.length === 0) return obj;
  const subargs: PyVal[] = [];
  for (const p of sub.ob_item) {
    const i = params.indexOf(p);
    if (i < 0) { subargs.push(p); continue; }
    const value = argitems[i];
    if (isTypeVarTuple(params[i]) && PyTuple_Check(value)) subargs.push(...value.ob_item);
    else subargs.push(value);
  }
  return PyObject_GetItem(obj, PyTuple_New(subargs));
}

/** _unpacked_tuple_args: the args of `*tuple[...]` (or of anything with __typing_unpacked_tuple_args__). */
function unpackedTupleArgs(arg: PyVal): PyVal | undefined {
  if (arg instanceof PyGenericAliasObject && arg.starred && arg.origin === PyTuple_Type) return arg.args;
  const r = optionalAttr(arg, "__typing_unpacked_tuple_args__");
  return r === Py_None ? undefined : r;
}

/** _unpack_args: the subscript as a tuple, with each `*tuple[X, Y]` of fixed length spliced in as X, Y. */
function _unpack_args(item: PyVal): PyTupleObject {
  const out: PyVal[] = [];
  for (const it of PyTuple_Check(item) ? item.ob_item : [item]) {
    if (!(it instanceof PyTypeObject)) {
      const sub = unpackedTupleArgs(it);
      if (sub !== undefined && PyTuple_Check(sub)) {
        const n = sub.ob_item.length;
        if (n === 0 || sub.ob_item[n - 1] !== Py_Ellipsis) { out.push(...sub.ob_item); continue; }
      }
    }
    out.push(it);
  }
  return PyTuple_New(out);
}

/** _is_unpacked_typevartuple: `*Ts` or Unpack[Ts] (their __typing_is_unpacked_typevartuple__ is true). */
function isUnpackedTypeVarTuple(arg: PyVal): boolean {
  if (arg instanceof PyTypeObject) return false;
  const v = optionalAttr(arg, "__typing_is_unpacked_typevartuple__");
  return v !== undefined && PyObject_IsTrue(v);
}

/**
 * _Py_subs_parameters: the new args of `self[item]`, where self's args hold the TypeVar-likes `parameters`. Each
 * parameter may first reshape the arguments (__typing_prepare_subst__: a TypeVarTuple gathers its share into one
 * tuple, a TypeVar fills in its default); then every TypeVar-like arg is replaced through its __typing_subst__ and
 * every other arg through subs_tvars, an unpacked TypeVarTuple's replacement being spliced in.
 *   list[T][int] -> (int,)   dict[T, list[S]][str, int] -> (str, list[int])   tuple[T, *Ts][int, str, bytes] -> (int, str, bytes)
 */
export function _Py_subs_parameters(self: PyVal, args: PyTupleObject, parameters: PyTupleObject, item: PyVal): PyVal[] {
  const params = parameters.ob_item;
  if (params.length === 0) return PyErr_Format(PyExc_TypeError, `${PyObject_Repr(self).value} is not a generic class`);
  let items: PyVal = _unpack_args(item);
  for (const param of params) {
    const prepare = optionalAttr(param, "__typing_prepare_subst__");
    if (prepare !== undefined && prepare !== Py_None) {
      items = PyObject_Vectorcall(prepare, [self, PyTuple_Check(items) ? items : PyTuple_New([items])], null);
    }
  }
  const argitems = PyTuple_Check(items) ? items.ob_item : [items];
  if (argitems.length !== params.length) {
    return PyErr_Format(PyExc_TypeError, `Too ${argitems.length > params.length ? "many" : "few"} arguments for `
      + `${PyObject_Repr(self).value}; actual ${argitems.length}, expected ${params.length}`);
  }
  const newargs: PyVal[] = [];
  for (let arg of args.ob_item) {
    if (arg instanceof PyTypeObject) { newargs.push(arg); continue; }
    const unpack = isUnpackedTypeVarTuple(arg);
    const subst = optionalAttr(arg, "__typing_subst__");
    if (subst !== undefined) arg = PyObject_Vectorcall(subst, [argitems[params.indexOf(arg)]], null);
    else arg = subs_tvars(arg, params, argitems);
    if (unpack) {
      if (!PyTuple_Check(arg)) return PyErr_Format(PyExc_TypeError, "expected a tuple"); // C reads it as one unchecked
      newargs.push(...arg.ob_item);
    } else {
      newargs.push(arg);
    }
  }
  return newargs;
}

function ga_getitem(self: PyVal, item: PyVal): PyVal {
  const g = self as PyGenericAliasObject;
  const newargs = _Py_subs_parameters(g, g.args, parametersOf(g), item);
  return new PyGenericAliasObject(Py_GenericAliasType, g.origin, PyTuple_New(newargs), g.starred);
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

