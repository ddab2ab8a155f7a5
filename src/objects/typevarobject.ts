// TypeVar, ParamSpec, ParamSpecArgs/Kwargs, TypeVarTuple, TypeAliasType, Generic and NoDefault (Objects/typevarobject.c,
// 3.13): the one set of types that both the _typing module and the PEP 695 intrinsics (INTRINSIC_TYPEVAR, ...) create.
// Substitution and Generic's class methods call back into typing.py as CPython's call_typing_func_object does.
// See docs/modules.md (_typing).
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE,
  PyBaseObject_Type, Py_TPFLAGS_DISALLOW_INSTANTIATION,
  Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS, METH_CLASS, PyUnicode_InternFromString,
  PyUnicodeObject, type PyVal,
} from "./object.js";
import type { PyDictObject } from "./dictobject.js";
import { PyDict_GetItemStr, PyDict_SetItem } from "./dictobject.js";
import { PyTuple_New, PyTupleObject, PyTuple_Check } from "./tupleobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "./unicodeobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import {
  PyObject_Vectorcall, PyObject_CallNoArgs, PyObject_GetAttr, PyObject_GetItem, PyObject_IsTrue, PyObject_Repr,
  PyObject_RichCompare, PyObject_Size, PyObject_RichCompareBool, PyObject_SetAttr,
} from "./abstract.js";
import { PyFunctionObject } from "./funcobject.js";
import { PyFrameObject } from "./frameobject.js";
import { Py_GenericAlias } from "./genericaliasobject.js";
import { _Py_union_type_or } from "./unionobject.js";
import { PyExc_TypeError, PyExc_ValueError } from "./exceptions.js";
import { PyErr_Format } from "../runtime/errors.js";

function getattr(o: PyVal, name: string): PyVal {
  return PyObject_GetAttr(o, PyUnicode_InternFromString(name));
}
import { _PyThreadState_GET } from "../runtime/pystate.js";
import { PyImport_ImportModule } from "../runtime/import.js";
import { unexpectedKeywordMessage } from "../runtime/suggestions.js";

export const _PyTypeVar_Type = PyType_Declare("typing.TypeVar");
export const _PyParamSpec_Type = PyType_Declare("typing.ParamSpec");
export const _PyParamSpecArgs_Type = PyType_Declare("typing.ParamSpecArgs");
export const _PyParamSpecKwargs_Type = PyType_Declare("typing.ParamSpecKwargs");
export const _PyTypeVarTuple_Type = PyType_Declare("typing.TypeVarTuple");
export const _PyTypeAlias_Type = PyType_Declare("typing.TypeAliasType");
export const _PyGeneric_Type = PyType_Declare("typing.Generic");
export const _PyNoDefault_Type = PyType_Declare("NoDefaultType");

/** The NoDefault singleton (_Py_NoDefaultStruct). */
export const _Py_NoDefault = new PyObject(_PyNoDefault_Type);

/** The three type-parameter kinds share one layout; `kind` says which (TypeVar has constraints, the others not). */
type TypeParamKind = "typevar" | "paramspec" | "typevartuple";

/** typevarobject / paramspecobject / typevartupleobject. Lazily evaluated fields are null until computed. */
export class PyTypeParamObject extends PyObject {
  readonly kind: TypeParamKind;
  readonly name: PyUnicodeObject;
  bound: PyVal | null;
  evaluate_bound: PyVal | null;
  constraints: PyVal | null;
  evaluate_constraints: PyVal | null;
  default_value: PyVal | null;
  evaluate_default: PyVal | null;
  readonly covariant: boolean;
  readonly contravariant: boolean;
  readonly infer_variance: boolean;
  /** The managed __dict__ (holds __module__), not reachable as an attribute, as in CPython. */
  dict: PyDictObject | null;
  constructor(type: PyTypeObject, kind: TypeParamKind, name: PyUnicodeObject, covariant: boolean, contravariant: boolean,
    infer_variance: boolean) {
    super(type);
    this.kind = kind;
    this.name = name;
    this.bound = null;
    this.evaluate_bound = null;
    this.constraints = null;
    this.evaluate_constraints = null;
    this.default_value = null;
    this.evaluate_default = null;
    this.covariant = covariant;
    this.contravariant = contravariant;
    this.infer_variance = infer_variance;
    this.dict = null;
  }
}

/** ParamSpecArgs / ParamSpecKwargs (paramspecattrobject). */
export class PyParamSpecAttrObject extends PyObject {
  readonly origin: PyVal;
  constructor(type: PyTypeObject, origin: PyVal) {
    super(type);
    this.origin = origin;
  }
}

/** TypeAliasType (typealiasobject). */
export class PyTypeAliasObject extends PyObject {
  readonly name: PyUnicodeObject;
  readonly type_params: PyVal | null;
  readonly compute_value: PyVal | null;
  value: PyVal | null;
  readonly module: PyVal | null;
  constructor(name: PyUnicodeObject, type_params: PyVal | null, compute_value: PyVal | null, value: PyVal | null,
    module: PyVal | null) {
    super(_PyTypeAlias_Type);
    this.name = name;
    this.type_params = type_params;
    this.compute_value = compute_value;
    this.value = value;
    this.module = module;
  }
}

// ---- helpers shared by the types ----

/** call_typing_func_object: typing.<name>(*args). */
function callTyping(name: string, args: readonly PyVal[]): PyVal {
  const typing = PyImport_ImportModule("typing");
  return PyObject_Vectorcall(getattr(typing, name), args, null);
}

/** type_check: None is NoneType; anything else goes through typing._type_check(arg, msg). */
function type_check(arg: PyVal, msg: string): PyVal {
  if (arg === Py_None) return Py_TYPE(arg);
  return callTyping("_type_check", [arg, PyUnicode_FromString(msg)]);
}

/** The module of the calling Python frame's function (caller()): None when there is none. */
function caller(): PyVal {
  const f = _PyThreadState_GET().current_frame as PyFrameObject | null;
  if (f === null) return Py_None;
  if (f.f_func instanceof PyFunctionObject) return f.f_func.func_module;
  // Module and exec frames: CPython runs them as functions whose __module__ came from the globals' __name__.
  return PyDict_GetItemStr(f.f_globals, PyUnicode_InternFromString("__name__")) ?? Py_None;
}

/** typing.Unpack[self]. */
function unpack(self: PyVal): PyVal {
  return PyObject_GetItem(callTypingAttr("Unpack"), self);
}

function callTypingAttr(name: string): PyVal {
  return getattr(PyImport_ImportModule("typing"), name);
}

/** TypeVarTuples must be unpacked when passed to Generic (unpack_typevartuples). */
function unpack_typevartuples(params: PyTupleObject): PyTupleObject {
  const items = params.ob_item;
  if (!items.some((p) => Py_TYPE(p) === _PyTypeVarTuple_Type)) return params;
  return PyTuple_New(items.map((p) => (Py_TYPE(p) === _PyTypeVarTuple_Type ? unpack(p) : p)));
}

function setModule(obj: PyVal, module: PyVal): void {
  PyObject_SetAttr(obj, PyUnicode_InternFromString("__module__"), module);
}

/** Parse a type-parameter constructor's arguments: `name` then keyword-only names (Argument Clinic's messages). */
function parseTypeParamArgs(fname: string, args: readonly PyVal[], kwnames: readonly PyVal[] | null,
  keywords: readonly string[], varargs: boolean): { name: PyUnicodeObject; rest: PyVal[]; kw: Map<string, PyVal> } {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (!varargs && npos > 1) {
    return PyErr_Format(PyExc_TypeError, `${fname}() takes exactly 1 positional argument (${npos} given)`);
  }
  const kw = new Map<string, PyVal>();
  let name: PyVal | undefined = npos > 0 ? args[0] : undefined;
  for (let k = 0; k < nkw; k++) {
    const key = (kwnames![k] as PyUnicodeObject).value;
    if (key === "name") {
      if (name !== undefined) return PyErr_Format(PyExc_TypeError, `argument for ${fname}() given by name ('name') and position (1)`);
      name = args[npos + k];
      continue;
    }
    if (!keywords.includes(key)) return PyErr_Format(PyExc_TypeError, unexpectedKeywordMessage(fname, key, ["name", ...keywords]));
    kw.set(key, args[npos + k]);
  }
  if (name === undefined) return PyErr_Format(PyExc_TypeError, `${fname}() missing required argument 'name' (pos 1)`);
  if (!PyUnicode_Check(name)) {
    return PyErr_Format(PyExc_TypeError, `${fname}() argument 'name' must be str, not ${Py_TYPE(name).tp_name}`);
  }
  return { name, rest: args.slice(1, npos), kw };
}

function boolArg(kw: Map<string, PyVal>, key: string): boolean {
  const v = kw.get(key);
  return v === undefined ? false : PyObject_IsTrue(v);
}

function checkVariance(covariant: boolean, contravariant: boolean, infer_variance: boolean): void {
  if (covariant && contravariant) PyErr_Format(PyExc_ValueError, "Bivariant types are not supported.");
  if (infer_variance && (covariant || contravariant)) {
    PyErr_Format(PyExc_ValueError, "Variance cannot be specified with infer_variance.");
  }
}

// ---- getters common to the three type-parameter kinds ----

function tp_bound(s: PyVal): PyVal {
  const self = s as PyTypeParamObject;
  if (self.bound !== null) return self.bound;
  if (self.evaluate_bound === null) return Py_None;
  const bound = PyObject_CallNoArgs(self.evaluate_bound);
  self.bound = bound;
  return bound;
}

function tp_constraints(s: PyVal): PyVal {
  const self = s as PyTypeParamObject;
  if (self.constraints !== null) return self.constraints;
  if (self.evaluate_constraints === null) return PyTuple_New([]);
  const constraints = PyObject_CallNoArgs(self.evaluate_constraints);
  self.constraints = constraints;
  return constraints;
}

function tp_default(s: PyVal): PyVal {
  const self = s as PyTypeParamObject;
  if (self.default_value !== null) return self.default_value;
  if (self.evaluate_default === null) return _Py_NoDefault;
  const d = PyObject_CallNoArgs(self.evaluate_default);
  self.default_value = d;
  return d;
}

function tp_has_default(s: PyVal): PyVal {
  const self = s as PyTypeParamObject;
  return PyBool_FromLong(self.evaluate_default !== null || (self.default_value !== null && self.default_value !== _Py_NoDefault));
}

function variance_repr(s: PyVal): PyUnicodeObject {
  const self = s as PyTypeParamObject;
  if (self.infer_variance) return self.name;
  return PyUnicode_FromString(`${self.covariant ? "+" : self.contravariant ? "-" : "~"}${self.name.value}`);
}

/** nb_or of TypeVar and ParamSpec: a typing.Union, which accepts forward-reference strings (make_union). */
function make_union(a: PyVal, b: PyVal): PyVal {
  return callTyping("_make_union", [a, b]);
}

function mro_entries_error(what: string) {
  return (): PyVal => PyErr_Format(PyExc_TypeError, `Cannot subclass an instance of ${what}`);
}

const variance_members = [
  { name: "__name__", get: (s: PyVal) => (s as PyTypeParamObject).name },
  { name: "__covariant__", get: (s: PyVal) => PyBool_FromLong((s as PyTypeParamObject).covariant) },
  { name: "__contravariant__", get: (s: PyVal) => PyBool_FromLong((s as PyTypeParamObject).contravariant) },
  { name: "__infer_variance__", get: (s: PyVal) => PyBool_FromLong((s as PyTypeParamObject).infer_variance) },
];

// ---- TypeVar ----

/** typevar_alloc: a TypeVar; `module` (when not null) becomes its __module__. */
function typevar_alloc(name: PyUnicodeObject, bound: PyVal | null, evaluate_bound: PyVal | null, constraints: PyVal | null,
  evaluate_constraints: PyVal | null, default_value: PyVal | null, covariant: boolean, contravariant: boolean,
  infer_variance: boolean, module: PyVal | null): PyTypeParamObject {
  const tv = new PyTypeParamObject(_PyTypeVar_Type, "typevar", name, covariant, contravariant, infer_variance);
  tv.bound = bound;
  tv.evaluate_bound = evaluate_bound;
  tv.constraints = constraints;
  tv.evaluate_constraints = evaluate_constraints;
  tv.default_value = default_value;
  if (module !== null) setModule(tv, module);
  return tv;
}

function typevar_new(_type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const { name, rest, kw } = parseTypeParamArgs("typevar", args, kwnames,
    ["bound", "covariant", "contravariant", "infer_variance", "default"], true);
  const covariant = boolArg(kw, "covariant"), contravariant = boolArg(kw, "contravariant");
  const infer_variance = boolArg(kw, "infer_variance");
  checkVariance(covariant, contravariant, infer_variance);
  let bound: PyVal | null = kw.get("bound") ?? null;
  if (bound === Py_None) bound = null;
  if (bound !== null) bound = type_check(bound, "Bound must be a type.");
  let constraints: PyVal | null = null;
  if (rest.length === 1) return PyErr_Format(PyExc_TypeError, "A single constraint is not allowed");
  if (rest.length > 1) {
    if (bound !== null) return PyErr_Format(PyExc_TypeError, "Constraints cannot be combined with bound=...");
    constraints = PyTuple_New(rest);
  }
  const default_value = kw.get("default") ?? _Py_NoDefault;
  return typevar_alloc(name, bound, null, constraints, null, default_value, covariant, contravariant, infer_variance, caller());
}

/** TypeVar.__typing_prepare_subst__(alias, args): fill in this TypeVar's default when it is the next missing argument. */
function typevar_typing_prepare_subst(self: PyVal, args: PyVal[]): PyVal {
  if (args.length !== 2) return PyErr_Format(PyExc_TypeError, `__typing_prepare_subst__ expected 2 arguments, got ${args.length}`);
  const [alias, a] = args;
  const params = getattr(alias, "__parameters__");
  const i = sequenceIndex(params, self);
  const n = PyObject_Size(a);
  if (i < n) return a;
  if (i === n) {
    const dflt = tp_default(self);
    if (dflt !== _Py_NoDefault) return PyObject_Vectorcall(getattr(a, "__add__"), [PyTuple_New([dflt])], null);
  }
  return PyErr_Format(PyExc_TypeError,
    `Too few arguments for ${PyObject_Repr(alias).value}; actual ${n}, expected at least ${i + 1}`);
}

/** PySequence_Index. */
function sequenceIndex(seq: PyVal, v: PyVal): number {
  if (seq instanceof PyTupleObject) {
    for (let i = 0; i < seq.ob_item.length; i++) if (PyObject_RichCompareBool(seq.ob_item[i], v, Py_EQ)) return i;
    return PyErr_Format(PyExc_ValueError, "sequence.index(x): x not in sequence");
  }
  return PyObject_Vectorcall(getattr(seq, "index"), [v], null) as number;
}

function reduce_name(s: PyVal): PyVal {
  return (s as PyTypeParamObject | PyTypeAliasObject).name;
}

PyType_FromSpecStatic({
  name: "typing.TypeVar",
  dictoffset: 1,
  doc: "Type variable.",
  slots: { tp_new: typevar_new, tp_repr: variance_repr, nb_or: make_union },
  members: variance_members,
  getset: [
    { name: "__bound__", get: tp_bound },
    { name: "__constraints__", get: tp_constraints },
    { name: "__default__", get: tp_default },
  ],
  methods: [
    { name: "__typing_subst__", meth: (s: PyVal, arg: PyVal) => callTyping("_typevar_subst", [s, arg]), flags: METH_O },
    { name: "__typing_prepare_subst__", meth: typevar_typing_prepare_subst, flags: METH_FASTCALL },
    { name: "has_default", meth: tp_has_default, flags: METH_NOARGS },
    { name: "__reduce__", meth: reduce_name, flags: METH_NOARGS },
    { name: "__mro_entries__", meth: mro_entries_error("TypeVar"), flags: METH_O },
  ],
}, _PyTypeVar_Type);

// ---- ParamSpecArgs / ParamSpecKwargs ----

function paramspecattr_repr(suffix: string) {
  return (s: PyVal): PyUnicodeObject => {
    const origin = (s as PyParamSpecAttrObject).origin;
    if (Py_TYPE(origin) === _PyParamSpec_Type) return PyUnicode_FromString(`${(origin as PyTypeParamObject).name.value}.${suffix}`);
    return PyUnicode_FromString(`${PyObject_Repr(origin).value}.${suffix}`);
  };
}

function paramspecattr_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if (Py_TYPE(a) !== Py_TYPE(b) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
  return PyObject_RichCompare((a as PyParamSpecAttrObject).origin, (b as PyParamSpecAttrObject).origin, op);
}

function paramspecattr_new(fname: string) {
  return (type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal => {
    const nkw = kwnames === null ? 0 : kwnames.length;
    if (args.length > 1) return PyErr_Format(PyExc_TypeError, `${fname}() takes at most 1 argument (${args.length} given)`);
    let origin: PyVal | undefined = args.length - nkw === 1 ? args[0] : undefined;
    for (let k = 0; k < nkw; k++) {
      const key = (kwnames![k] as PyUnicodeObject).value;
      if (key !== "origin") return PyErr_Format(PyExc_TypeError, unexpectedKeywordMessage(fname, key, ["origin"]));
      origin = args[args.length - nkw + k];
    }
    if (origin === undefined) return PyErr_Format(PyExc_TypeError, `${fname}() missing required argument 'origin' (pos 1)`);
    return new PyParamSpecAttrObject(type, origin);
  };
}

for (const [t, suffix, name] of [[_PyParamSpecArgs_Type, "args", "ParamSpecArgs"], [_PyParamSpecKwargs_Type, "kwargs", "ParamSpecKwargs"]] as const) {
  PyType_FromSpecStatic({
    name: `typing.${name}`,
    doc: `The ${suffix} for a ParamSpec object.`,
    slots: {
      tp_new: paramspecattr_new(name.toLowerCase()),
      tp_repr: paramspecattr_repr(suffix),
      tp_richcompare: paramspecattr_richcompare,
    },
    members: [{ name: "__origin__", get: (s: PyVal) => (s as PyParamSpecAttrObject).origin }],
    methods: [{ name: "__mro_entries__", meth: mro_entries_error(name), flags: METH_O }],
  }, t);
}

// ---- ParamSpec ----

function paramspec_alloc(name: PyUnicodeObject, bound: PyVal | null, default_value: PyVal | null, covariant: boolean,
  contravariant: boolean, infer_variance: boolean, module: PyVal | null): PyTypeParamObject {
  const ps = new PyTypeParamObject(_PyParamSpec_Type, "paramspec", name, covariant, contravariant, infer_variance);
  ps.bound = bound;
  ps.default_value = default_value;
  if (module !== null) setModule(ps, module);
  return ps;
}

function paramspec_new(_type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const { name, kw } = parseTypeParamArgs("paramspec", args, kwnames,
    ["bound", "covariant", "contravariant", "infer_variance", "default"], false);
  const covariant = boolArg(kw, "covariant"), contravariant = boolArg(kw, "contravariant");
  const infer_variance = boolArg(kw, "infer_variance");
  checkVariance(covariant, contravariant, infer_variance);
  // Unlike TypeVar's, ParamSpec's bound=None goes through type_check (so __bound__ is NoneType).
  const bound = type_check(kw.get("bound") ?? Py_None, "Bound must be a type.");
  const default_value = kw.get("default") ?? _Py_NoDefault;
  return paramspec_alloc(name, bound, default_value, covariant, contravariant, infer_variance, caller());
}

PyType_FromSpecStatic({
  name: "typing.ParamSpec",
  dictoffset: 1,
  doc: "Parameter specification variable.",
  slots: { tp_new: paramspec_new, tp_repr: variance_repr, nb_or: make_union },
  members: variance_members,
  getset: [
    { name: "args", get: (s: PyVal) => new PyParamSpecAttrObject(_PyParamSpecArgs_Type, s) },
    { name: "kwargs", get: (s: PyVal) => new PyParamSpecAttrObject(_PyParamSpecKwargs_Type, s) },
    { name: "__bound__", get: tp_bound },
    { name: "__default__", get: tp_default },
  ],
  methods: [
    { name: "__typing_subst__", meth: (s: PyVal, arg: PyVal) => callTyping("_paramspec_subst", [s, arg]), flags: METH_O },
    { name: "__typing_prepare_subst__", meth: (s: PyVal, args: PyVal[]) => {
      if (args.length !== 2) return PyErr_Format(PyExc_TypeError, `__typing_prepare_subst__ expected 2 arguments, got ${args.length}`);
      return callTyping("_paramspec_prepare_subst", [s, args[0], args[1]]);
    }, flags: METH_FASTCALL },
    { name: "has_default", meth: tp_has_default, flags: METH_NOARGS },
    { name: "__reduce__", meth: reduce_name, flags: METH_NOARGS },
    { name: "__mro_entries__", meth: mro_entries_error("ParamSpec"), flags: METH_O },
  ],
}, _PyParamSpec_Type);

// ---- TypeVarTuple ----

function typevartuple_alloc(name: PyUnicodeObject, default_value: PyVal | null, module: PyVal | null): PyTypeParamObject {
  const t = new PyTypeParamObject(_PyTypeVarTuple_Type, "typevartuple", name, false, false, false);
  t.default_value = default_value;
  if (module !== null) setModule(t, module);
  return t;
}

function typevartuple_new(_type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const { name, kw } = parseTypeParamArgs("typevartuple", args, kwnames, ["default"], false);
  return typevartuple_alloc(name, kw.get("default") ?? _Py_NoDefault, caller());
}

PyType_FromSpecStatic({
  name: "typing.TypeVarTuple",
  dictoffset: 1,
  doc: "Type variable tuple. A specialized form of type variable that enables\nvariadic generics.",
  slots: {
    tp_new: typevartuple_new,
    tp_repr: (s) => (s as PyTypeParamObject).name,
    tp_iter: (s) => PyObject_Vectorcall(getattr(PyTuple_New([unpack(s)]), "__iter__"), [], null),
  },
  members: [{ name: "__name__", get: (s: PyVal) => (s as PyTypeParamObject).name }],
  getset: [{ name: "__default__", get: tp_default }],
  methods: [
    { name: "__typing_subst__", meth: () => PyErr_Format(PyExc_TypeError, "Substitution of bare TypeVarTuple is not supported"), flags: METH_O },
    { name: "__typing_prepare_subst__", meth: (s: PyVal, args: PyVal[]) => {
      if (args.length !== 2) return PyErr_Format(PyExc_TypeError, `__typing_prepare_subst__ expected 2 arguments, got ${args.length}`);
      return callTyping("_typevartuple_prepare_subst", [s, args[0], args[1]]);
    }, flags: METH_FASTCALL },
    { name: "has_default", meth: tp_has_default, flags: METH_NOARGS },
    { name: "__reduce__", meth: reduce_name, flags: METH_NOARGS },
    { name: "__mro_entries__", meth: mro_entries_error("TypeVarTuple"), flags: METH_O },
  ],
}, _PyTypeVarTuple_Type);

// ---- TypeAliasType ----

function typealias_new(_type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (npos > 2) return PyErr_Format(PyExc_TypeError, `typealias() takes at most 2 positional arguments (${npos} given)`);
  const got: (PyVal | undefined)[] = [args[0], args[1], undefined];
  if (npos < 2) got[1] = undefined;
  if (npos < 1) got[0] = undefined;
  const names = ["name", "value", "type_params"];
  for (let k = 0; k < nkw; k++) {
    const key = (kwnames![k] as PyUnicodeObject).value;
    const i = names.indexOf(key);
    if (i < 0) return PyErr_Format(PyExc_TypeError, unexpectedKeywordMessage("typealias", key, names));
    if (i < npos) return PyErr_Format(PyExc_TypeError, `argument for typealias() given by name ('${key}') and position (${i + 1})`);
    got[i] = args[npos + k];
  }
  if (got[0] === undefined) return PyErr_Format(PyExc_TypeError, "typealias() missing required argument 'name' (pos 1)");
  if (!PyUnicode_Check(got[0])) {
    return PyErr_Format(PyExc_TypeError, `typealias() argument 'name' must be str, not ${Py_TYPE(got[0]).tp_name}`);
  }
  if (got[1] === undefined) return PyErr_Format(PyExc_TypeError, "typealias() missing required argument 'value' (pos 2)");
  const type_params = got[2];
  if (type_params !== undefined && !PyTuple_Check(type_params)) return PyErr_Format(PyExc_TypeError, "type_params must be a tuple");
  return new PyTypeAliasObject(got[0], type_params ?? null, null, got[1], caller());
}

function typealias_module(s: PyVal): PyVal {
  const ta = s as PyTypeAliasObject;
  if (ta.module !== null) return ta.module;
  if (ta.compute_value instanceof PyFunctionObject) return ta.compute_value.func_module;
  return Py_None;
}

PyType_FromSpecStatic({
  name: "typing.TypeAliasType",
  doc: "Type alias.",
  slots: {
    tp_new: typealias_new,
    tp_repr: (s) => (s as PyTypeAliasObject).name,
    mp_subscript: (s, args) => {
      const ta = s as PyTypeAliasObject;
      if (ta.type_params === null || (ta.type_params instanceof PyTupleObject && ta.type_params.ob_item.length === 0)) {
        return PyErr_Format(PyExc_TypeError, "Only generic type aliases are subscriptable");
      }
      return Py_GenericAlias(s, args);
    },
    nb_or: _Py_union_type_or,
  },
  members: [{ name: "__name__", get: (s: PyVal) => (s as PyTypeAliasObject).name }],
  getset: [
    { name: "__value__", get: (s: PyVal) => {
      const ta = s as PyTypeAliasObject;
      if (ta.value !== null) return ta.value;
      const v = PyObject_CallNoArgs(ta.compute_value!);
      ta.value = v;
      return v;
    } },
    { name: "__type_params__", get: (s: PyVal) => {
      const tp = (s as PyTypeAliasObject).type_params;
      return tp === null || tp === Py_None ? PyTuple_New([]) : tp;
    } },
    { name: "__parameters__", get: (s: PyVal) => {
      const tp = (s as PyTypeAliasObject).type_params;
      return tp instanceof PyTupleObject ? unpack_typevartuples(tp) : PyTuple_New([]);
    } },
    { name: "__module__", get: typealias_module },
  ],
  methods: [{ name: "__reduce__", meth: reduce_name, flags: METH_NOARGS }],
}, _PyTypeAlias_Type);

// ---- Generic ----

PyType_FromSpecStatic({
  name: "typing.Generic",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Abstract base class for generic types.\n\nOn Python 3.12 and newer, generic classes implicitly inherit from\nGeneric when they declare a parameter list after the class's name::\n\n    class Mapping[KT, VT]:\n        def __getitem__(self, key: KT) -> VT:\n            ...\n        # Etc.\n\nOn older versions of Python, however, generic classes have to\nexplicitly inherit from Generic.\n\nAfter a class has been declared to be generic, it can then be used as\nfollows::\n\n    def lookup_name[KT, VT](mapping: Mapping[KT, VT], key: KT, default: VT) -> VT:\n        try:\n            return mapping[key]\n        except KeyError:\n            return default",
  methods: [
    { name: "__class_getitem__", meth: (cls: PyVal, params: PyVal) => callTyping("_generic_class_getitem", [cls, params]),
      flags: METH_O | METH_CLASS },
    { name: "__init_subclass__", meth: (cls: PyVal, args: PyVal[], kwnames: PyVal[] | null) => {
      const typing = PyImport_ImportModule("typing");
      return PyObject_Vectorcall(getattr(typing, "_generic_init_subclass"), [cls, ...args], kwnames);
    }, flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS },
  ],
}, _PyGeneric_Type);

// ---- NoDefault ----

PyType_FromSpecStatic({
  name: "NoDefaultType",
  doc: "NoDefaultType()\n--\n\nThe type of the NoDefault singleton.",
  slots: {
    tp_new: (_t, args) => (args.length > 0 ? PyErr_Format(PyExc_TypeError, "NoDefaultType takes no arguments") : _Py_NoDefault),
    tp_repr: () => PyUnicode_FromString("typing.NoDefault"),
  },
  methods: [{ name: "__reduce__", meth: () => PyUnicode_FromString("NoDefault"), flags: METH_NOARGS }],
}, _PyNoDefault_Type);

// ---- the PEP 695 intrinsics (Python/intrinsics.c) ----

/** INTRINSIC_TYPEVAR, INTRINSIC_PARAMSPEC, INTRINSIC_TYPEVARTUPLE, INTRINSIC_SUBSCRIPT_GENERIC, INTRINSIC_TYPEALIAS. */
export function _Py_typing_intrinsic1(oparg: number, v: PyVal): PyVal | undefined {
  switch (oparg) {
    case 7: // INTRINSIC_TYPEVAR
      return typevar_alloc(v as PyUnicodeObject, null, null, null, null, null, false, false, true, null);
    case 8: // INTRINSIC_PARAMSPEC
      return paramspec_alloc(v as PyUnicodeObject, null, null, false, false, true, null);
    case 9: // INTRINSIC_TYPEVARTUPLE
      return typevartuple_alloc(v as PyUnicodeObject, null, null);
    case 10: { // INTRINSIC_SUBSCRIPT_GENERIC (_Py_subscript_generic)
      const params = unpack_typevartuples(PyTuple_Check(v) ? v : PyTuple_New([v]));
      return callTyping("_GenericAlias", [_PyGeneric_Type, params]);
    }
    case 11: { // INTRINSIC_TYPEALIAS (_Py_make_typealias): (name, type_params, compute_value)
      const [name, type_params, compute_value] = (v as PyTupleObject).ob_item;
      return new PyTypeAliasObject(name as PyUnicodeObject, type_params === Py_None ? null : type_params, compute_value,
        null, null);
    }
    default:
      return undefined;
  }
}

/** INTRINSIC_TYPEVAR_WITH_BOUND, INTRINSIC_TYPEVAR_WITH_CONSTRAINTS, INTRINSIC_SET_TYPEPARAM_DEFAULT. */
export function _Py_typing_intrinsic2(oparg: number, v2: PyVal, v1: PyVal): PyVal | undefined {
  switch (oparg) {
    case 2: // INTRINSIC_TYPEVAR_WITH_BOUND
      return typevar_alloc(v2 as PyUnicodeObject, null, v1, null, null, null, false, false, true, null);
    case 3: // INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
      return typevar_alloc(v2 as PyUnicodeObject, null, null, null, v1, null, false, false, true, null);
    case 5: { // INTRINSIC_SET_TYPEPARAM_DEFAULT
      if (v2 instanceof PyTypeParamObject) v2.evaluate_default = v1;
      else return PyErr_Format(PyExc_TypeError, `Expected a type param, got ${PyObject_Repr(v2).value}`);
      return v2;
    }
    default:
      return undefined;
  }
}

/** _typing._idfunc(x): x. */
export function _idfunc(_m: PyVal, x: PyVal): PyVal {
  return x;
}

/** Start-up (after the static types are ready): Generic is a heap type in CPython and inherits object's tp_new, so
 *  instances and subclass instances are plain objects; a static type whose base is object would refuse them. */
export function _PyTypeVar_Init(): void {
  _PyGeneric_Type.tp_new = PyBaseObject_Type.tp_new;
  _PyGeneric_Type.tp_flags &= ~Py_TPFLAGS_DISALLOW_INSTANTIATION;
  // CPython's types keep "__module__" in their dict (instances without their own see "typing").
  const typing = PyUnicode_InternFromString("typing");
  for (const t of [_PyTypeVar_Type, _PyParamSpec_Type, _PyParamSpecArgs_Type, _PyParamSpecKwargs_Type, _PyTypeVarTuple_Type,
    _PyGeneric_Type]) {
    PyDict_SetItem(t.tp_dict as PyDictObject, PyUnicode_InternFromString("__module__"), typing);
  }
}
