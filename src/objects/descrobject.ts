// Descriptors (Objects/descrobject.c): method_descriptor, classmethod_descriptor, wrapper_descriptor (a native
// slot shown as a dunder), method-wrapper, member_descriptor, getset_descriptor, property and mappingproxy.
// See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE,
  METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS, METH_CLASS, Py_TPFLAGS_METHOD_DESCRIPTOR, Py_TPFLAGS_BASETYPE,
  type PyMethodDef, type PyMemberDef, type PyGetSetDef, type PyVal, PyUnicodeObject, type SlotName,
} from "./object.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_AttributeError } from "./exceptions.js";
import { hooks, PyObject_Repr, PyType_IsSubtype, PyObject_Vectorcall, PyObject_GetItem, PyObject_Size,
  PyObject_GetIter, PyObject_RichCompare, PySequence_Contains, PyObject_CallMethod, PyObject_IsTrue,
  _PyObject_LookupAttr, PyObject_Str, raiseAttributeError, PyNumber_Or } from "./abstract.js";
import { callMethodDef, PyCFunctionObject, addressOf } from "./methodobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { parseArgs } from "../runtime/getargs.js";
import { _PyIter_PickleMethods, _PyEval_GetBuiltin } from "./iterobject.js";
import { PyTuple_New } from "./tupleobject.js";

/** A row of slotdefs (typeobject.c): a dunder, the slot it maps to, how to wrap the native slot as that dunder,
 *  and the trampoline a class defining the dunder gets in the slot. */
export interface SlotDef {
  readonly name: string;
  readonly slot: SlotName;
  /** Call the native slot `wrapped` for `self.__name__(*args)`. */
  readonly wrapper: ((self: PyVal, args: readonly PyVal[], wrapped: Function, kwnames: readonly PyVal[] | null) => PyVal) | null;
  /** The slot function that calls the Python-level dunder(s) (slot_* in typeobject.c). */
  readonly tramp: Function | null;
  readonly doc: string;
}

export abstract class PyDescrObject extends PyObject {
  d_type: PyTypeObject;
  d_name: PyUnicodeObject;
  d_qualname: PyUnicodeObject | null;
  constructor(type: PyTypeObject, dtype: PyTypeObject, name: string) {
    super(type);
    this.d_type = dtype;
    this.d_name = hooks.str(name);
    this.d_qualname = null;
  }
}

function descr_check(d: PyDescrObject, obj: PyVal): void {
  if (!PyType_IsSubtype(Py_TYPE(obj), d.d_type)) {
    PyErr_Format(PyExc_TypeError,
      `descriptor '${d.d_name.value}' for '${d.d_type.tp_name}' objects doesn't apply to a '${Py_TYPE(obj).tp_name}' object`);
  }
}

function descr_name(self: PyVal): PyVal {
  return (self as PyDescrObject).d_name;
}
function descr_qualname(self: PyVal): PyVal {
  const d = self as PyDescrObject;
  return hooks.str(`${d.d_type.tp_qualname}.${d.d_name.value}`);
}
const descrGetset: PyGetSetDef[] = [
  { name: "__name__", get: descr_name },
  { name: "__qualname__", get: descr_qualname },
  { name: "__objclass__", get: (s) => (s as PyDescrObject).d_type },
];

// ---- method_descriptor ----

export const PyMethodDescr_Type = PyType_Declare("method_descriptor");
export const PyClassMethodDescr_Type = PyType_Declare("classmethod_descriptor");

export class PyMethodDescrObject extends PyDescrObject {
  d_method: PyMethodDef;
  constructor(type: PyTypeObject, dtype: PyTypeObject, ml: PyMethodDef) {
    super(type, dtype, ml.name);
    this.d_method = ml;
  }
}

export function PyDescr_NewMethod(t: PyTypeObject, ml: PyMethodDef): PyMethodDescrObject {
  return new PyMethodDescrObject((ml.flags & METH_CLASS) ? PyClassMethodDescr_Type : PyMethodDescr_Type, t, ml);
}

function method_get(self: PyVal, obj: PyVal | null, type: PyVal | null): PyVal {
  void type;
  const d = self as PyMethodDescrObject;
  if (obj === null || obj === Py_None && type !== null && Py_TYPE(obj) !== d.d_type && obj === null) return self;
  if (obj === null) return self;
  descr_check(d, obj);
  return new PyCFunctionObject(d.d_method, obj, null, d.d_type);
}

function methoddescr_call(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const d = self as PyMethodDescrObject;
  const nkw = kwnames === null ? 0 : kwnames.length;
  if (args.length - nkw < 1) {
    return PyErr_Format(PyExc_TypeError, `unbound method ${d.d_type.tp_qualname}.${d.d_name.value}() needs an argument`);
  }
  const obj = args[0];
  descr_check(d, obj);
  return callMethodDef(d.d_method, obj, args, 1, kwnames, d, methoddescr_qualname);
}

/** Errors name a method descriptor by its __qualname__ ('date.toordinal'), as _PyObject_FunctionStr does (no
 *  __module__ here). */
function methoddescr_qualname(who: PyVal): string {
  const d = who as PyMethodDescrObject;
  return `${d.d_type.tp_qualname}.${d.d_name.value}`;
}

function method_repr(self: PyVal): PyUnicodeObject {
  const d = self as PyDescrObject;
  return hooks.str(`<method '${d.d_name.value}' of '${d.d_type.tp_name}' objects>`);
}

/** descr_reduce: (getattr, (owner type, name)), for the method, slot wrapper and member descriptors (not class
 *  method or getset descriptors, which CPython 3.13 cannot pickle either). */
function descr_reduce(self: PyVal): PyVal {
  const d = self as PyDescrObject;
  return PyTuple_New([_PyEval_GetBuiltin("getattr"), PyTuple_New([d.d_type, d.d_name])]);
}

PyType_FromSpecStatic({
  name: "method_descriptor",
  flags: Py_TPFLAGS_METHOD_DESCRIPTOR,
  slots: { tp_descr_get: method_get, tp_call: methoddescr_call, tp_repr: method_repr },
  getset: [...descrGetset, { name: "__doc__", get: (s) => docOf((s as PyMethodDescrObject).d_method.doc) }],
  methods: _PyIter_PickleMethods(descr_reduce, null),
}, PyMethodDescr_Type);

function docOf(d: string | null | undefined): PyVal {
  return d ? hooks.str(d) : Py_None;
}

function classmethod_get(self: PyVal, obj: PyVal | null, type: PyVal | null): PyVal {
  const d = self as PyMethodDescrObject;
  const t = type !== null && type !== Py_None ? type : Py_TYPE(obj!);
  if (!(t instanceof PyTypeObject) || !PyType_IsSubtype(t, d.d_type)) {
    return PyErr_Format(PyExc_TypeError,
      `descriptor '${d.d_name.value}' for type '${d.d_type.tp_name}' doesn't apply to type '${(t as PyTypeObject).tp_name}'`);
  }
  return new PyCFunctionObject(d.d_method, t, null, d.d_type);
}

function classmethoddescr_call(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const d = self as PyMethodDescrObject;
  if (args.length < 1) {
    return PyErr_Format(PyExc_TypeError, `descriptor '${d.d_name.value}' of '${d.d_type.tp_name}' object needs an argument`);
  }
  const bound = classmethod_get(self, null, args[0]);
  return PyObject_Vectorcall(bound, args.slice(1), kwnames);
}

PyType_FromSpecStatic({
  name: "classmethod_descriptor",
  slots: { tp_descr_get: classmethod_get, tp_call: classmethoddescr_call,
    tp_repr: (s) => hooks.str(`<method '${(s as PyDescrObject).d_name.value}' of '${(s as PyDescrObject).d_type.tp_name}' objects>`) },
  getset: descrGetset,
}, PyClassMethodDescr_Type);

// ---- wrapper_descriptor and method-wrapper ----

export const PyWrapperDescr_Type = PyType_Declare("wrapper_descriptor");
export const PyMethodWrapper_Type = PyType_Declare("method-wrapper");

export class PyWrapperDescrObject extends PyDescrObject {
  d_base: SlotDef;
  d_wrapped: Function;
  constructor(dtype: PyTypeObject, base: SlotDef, wrapped: Function) {
    super(PyWrapperDescr_Type, dtype, base.name);
    this.d_base = base;
    this.d_wrapped = wrapped;
  }
}

export class PyMethodWrapperObject extends PyObject {
  descr: PyWrapperDescrObject;
  self: PyVal;
  constructor(descr: PyWrapperDescrObject, self: PyVal) {
    super(PyMethodWrapper_Type);
    this.descr = descr;
    this.self = self;
  }
}

function wrapperdescr_get(self: PyVal, obj: PyVal | null): PyVal {
  const d = self as PyWrapperDescrObject;
  if (obj === null) return self;
  descr_check(d, obj);
  return new PyMethodWrapperObject(d, obj);
}

export function wrapperdescr_raw_call(d: PyWrapperDescrObject, self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const w = d.d_base.wrapper!;
  if (kwnames !== null && kwnames.length > 0 && d.d_base.slot !== "tp_call" && d.d_base.slot !== "tp_init" && d.d_base.slot !== "tp_new") {
    return PyErr_Format(PyExc_TypeError, `wrapper ${d.d_name.value}() takes no keyword arguments`);
  }
  return w(self, args, d.d_wrapped, kwnames);
}

function wrapperdescr_call(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const d = self as PyWrapperDescrObject;
  if (args.length < 1) {
    return PyErr_Format(PyExc_TypeError,
      `descriptor '${d.d_name.value}' of '${d.d_type.tp_name}' object needs an argument`);
  }
  const obj = args[0];
  if (!PyType_IsSubtype(Py_TYPE(obj), d.d_type)) {
    return PyErr_Format(PyExc_TypeError,
      `descriptor '${d.d_name.value}' requires a '${d.d_type.tp_name}' object but received a '${Py_TYPE(obj).tp_name}'`);
  }
  return wrapperdescr_raw_call(d, obj, args.slice(1), kwnames);
}

PyType_FromSpecStatic({
  name: "wrapper_descriptor",
  flags: Py_TPFLAGS_METHOD_DESCRIPTOR,
  slots: {
    tp_descr_get: wrapperdescr_get, tp_call: wrapperdescr_call,
    tp_repr: (s) => hooks.str(`<slot wrapper '${(s as PyDescrObject).d_name.value}' of '${(s as PyDescrObject).d_type.tp_name}' objects>`),
  },
  getset: [...descrGetset, { name: "__doc__", get: (s) => docOf((s as PyWrapperDescrObject).d_base.doc) }],
  methods: _PyIter_PickleMethods(descr_reduce, null),
}, PyWrapperDescr_Type);

PyType_FromSpecStatic({
  name: "method-wrapper",
  slots: {
    tp_call: (s, args, kw) => wrapperdescr_raw_call((s as PyMethodWrapperObject).descr, (s as PyMethodWrapperObject).self, args, kw),
    tp_repr: (s) => {
      const w = s as PyMethodWrapperObject;
      return hooks.str(`<method-wrapper '${w.descr.d_name.value}' of ${Py_TYPE(w.self).tp_name} object at ${addressOf(w.self)}>`);
    },
    tp_richcompare: (a, b, op) => {
      if ((op !== Py_EQ && op !== Py_NE) || !(b instanceof PyMethodWrapperObject)) return Py_NotImplemented;
      const x = a as PyMethodWrapperObject;
      const eq = x.descr === b.descr && x.self === b.self;
      return PyBool_FromLong(op === Py_EQ ? eq : !eq);
    },
  },
  getset: [
    { name: "__self__", get: (s) => (s as PyMethodWrapperObject).self },
    { name: "__name__", get: (s) => (s as PyMethodWrapperObject).descr.d_name },
    { name: "__qualname__", get: (s) => descr_qualname((s as PyMethodWrapperObject).descr) },
    { name: "__objclass__", get: (s) => (s as PyMethodWrapperObject).descr.d_type },
  ],
  // wrapper_reduce: (getattr, (self, name)).
  methods: _PyIter_PickleMethods((s) => {
    const w = s as PyMethodWrapperObject;
    return PyTuple_New([_PyEval_GetBuiltin("getattr"), PyTuple_New([w.self, w.descr.d_name])]);
  }, null),
}, PyMethodWrapper_Type);

// ---- member_descriptor and getset_descriptor ----

export const PyMemberDescr_Type = PyType_Declare("member_descriptor");
export const PyGetSetDescr_Type = PyType_Declare("getset_descriptor");

export class PyMemberDescrObject extends PyDescrObject {
  d_member: PyMemberDef;
  constructor(dtype: PyTypeObject, m: PyMemberDef) {
    super(PyMemberDescr_Type, dtype, m.name);
    this.d_member = m;
  }
}

export class PyGetSetDescrObject extends PyDescrObject {
  d_getset: PyGetSetDef;
  constructor(dtype: PyTypeObject, g: PyGetSetDef) {
    super(PyGetSetDescr_Type, dtype, g.name);
    this.d_getset = g;
  }
}

function member_get(self: PyVal, obj: PyVal | null): PyVal {
  const d = self as PyMemberDescrObject;
  if (obj === null) return self;
  descr_check(d, obj);
  return d.d_member.get(obj);
}

function member_set(self: PyVal, obj: PyVal, v: PyVal | null): void {
  const d = self as PyMemberDescrObject;
  descr_check(d, obj);
  if (!d.d_member.set) {
    PyErr_Format(PyExc_AttributeError, "readonly attribute");
  }
  d.d_member.set!(obj, v);
}

PyType_FromSpecStatic({
  name: "member_descriptor",
  slots: {
    tp_descr_get: member_get, tp_descr_set: member_set,
    tp_repr: (s) => hooks.str(`<member '${(s as PyDescrObject).d_name.value}' of '${(s as PyDescrObject).d_type.tp_name}' objects>`),
  },
  getset: [...descrGetset, { name: "__doc__", get: (s) => docOf((s as PyMemberDescrObject).d_member.doc) }],
  methods: _PyIter_PickleMethods(descr_reduce, null),
}, PyMemberDescr_Type);

function getset_get(self: PyVal, obj: PyVal | null): PyVal {
  const d = self as PyGetSetDescrObject;
  if (obj === null) return self;
  descr_check(d, obj);
  return d.d_getset.get(obj);
}

function getset_set(self: PyVal, obj: PyVal, v: PyVal | null): void {
  const d = self as PyGetSetDescrObject;
  descr_check(d, obj);
  if (!d.d_getset.set) {
    PyErr_Format(PyExc_AttributeError,
      `attribute '${d.d_name.value}' of '${d.d_type.tp_name}' objects is not writable`);
  }
  d.d_getset.set!(obj, v);
}

PyType_FromSpecStatic({
  name: "getset_descriptor",
  slots: {
    tp_descr_get: getset_get, tp_descr_set: getset_set,
    tp_repr: (s) => hooks.str(`<attribute '${(s as PyDescrObject).d_name.value}' of '${(s as PyDescrObject).d_type.tp_name}' objects>`),
  },
  getset: [...descrGetset, { name: "__doc__", get: (s) => docOf((s as PyGetSetDescrObject).d_getset.doc) }],
}, PyGetSetDescr_Type);

// ---- property ----

export const PyProperty_Type = PyType_Declare("property");

export class PyPropertyObject extends PyObject {
  prop_get: PyVal;
  prop_set: PyVal;
  prop_del: PyVal;
  prop_doc: PyVal;
  prop_name: PyVal;
  getter_doc: boolean;
  dict: PyVal | null;
  constructor(type: PyTypeObject) {
    super(type);
    this.prop_get = Py_None;
    this.prop_set = Py_None;
    this.prop_del = Py_None;
    this.prop_doc = Py_None;
    this.prop_name = Py_None;
    this.getter_doc = false;
    this.dict = null;
  }
}

function propQualname(p: PyPropertyObject, obj: PyVal): string {
  const name = p.prop_name !== Py_None ? PyObject_Str(p.prop_name).value : null;
  const tn = Py_TYPE(obj).tp_qualname;
  return name !== null ? `property '${name}' of '${tn}' object` : `property of '${tn}' object`;
}

function property_descr_get(self: PyVal, obj: PyVal | null): PyVal {
  const p = self as PyPropertyObject;
  if (obj === null || obj === Py_None && false) return self;
  if (p.prop_get === Py_None) {
    const name = p.prop_name !== Py_None ? PyObject_Str(p.prop_name) : null;
    const msg = `${propQualname(p, obj)} has no getter`;
    if (name !== null) return raiseAttributeError(obj, name, msg);
    return PyErr_Format(PyExc_AttributeError, msg);
  }
  return PyObject_Vectorcall(p.prop_get, [obj], null);
}

function property_descr_set(self: PyVal, obj: PyVal, v: PyVal | null): void {
  const p = self as PyPropertyObject;
  const f = v === null ? p.prop_del : p.prop_set;
  if (f === Py_None) {
    PyErr_Format(PyExc_AttributeError, `${propQualname(p, obj)} has no ${v === null ? "deleter" : "setter"}`);
  }
  if (v === null) PyObject_Vectorcall(f, [obj], null);
  else PyObject_Vectorcall(f, [obj, v], null);
}

function property_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const [fget, fset, fdel, doc] = parseArgs("property", args, kwnames, ["fget", "fset", "fdel", "doc"], 0, 4);
  const p = self as PyPropertyObject;
  p.prop_get = fget ?? Py_None;
  p.prop_set = fset ?? Py_None;
  p.prop_del = fdel ?? Py_None;
  p.prop_doc = doc ?? Py_None;
  if ((doc === undefined || doc === Py_None) && p.prop_get !== Py_None) {
    const d = _PyObject_LookupAttr(p.prop_get, hooks.str("__doc__"));
    if (d !== undefined) { p.prop_doc = d; p.getter_doc = true; }
  }
  if (p.prop_get !== Py_None) {
    const n = _PyObject_LookupAttr(p.prop_get, hooks.str("__name__"));
    if (n !== undefined) p.prop_name = n;
  }
}

function property_copy(self: PyVal, get: PyVal | null, set: PyVal | null, del: PyVal | null): PyVal {
  const p = self as PyPropertyObject;
  const g = get ?? p.prop_get, s = set ?? p.prop_set, d = del ?? p.prop_del;
  const doc = p.getter_doc && get !== null ? Py_None : p.prop_doc;
  const np = PyObject_Vectorcall(Py_TYPE(self), [g, s, d, doc], null);
  if (np instanceof PyPropertyObject && p.prop_name !== Py_None && get === null) np.prop_name = p.prop_name;
  return np;
}

PyType_FromSpecStatic({
  name: "property",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Property attribute.",
  slots: {
    tp_new: (t) => new PyPropertyObject(t), tp_init: property_init,
    tp_descr_get: property_descr_get, tp_descr_set: property_descr_set,
  },
  methods: [
    { name: "getter", meth: (s: PyVal, f: PyVal) => property_copy(s, f, null, null), flags: METH_O },
    { name: "setter", meth: (s: PyVal, f: PyVal) => property_copy(s, null, f, null), flags: METH_O },
    { name: "deleter", meth: (s: PyVal, f: PyVal) => property_copy(s, null, null, f), flags: METH_O },
    { name: "__set_name__", meth: (s: PyVal, args: PyVal[]) => {
      (s as PyPropertyObject).prop_name = args[1];
      return Py_None;
    }, flags: METH_FASTCALL },
  ],
  members: [
    { name: "fget", get: (s) => (s as PyPropertyObject).prop_get },
    { name: "fset", get: (s) => (s as PyPropertyObject).prop_set },
    { name: "fdel", get: (s) => (s as PyPropertyObject).prop_del },
    { name: "__doc__", get: (s) => (s as PyPropertyObject).prop_doc, set: (s, v) => { (s as PyPropertyObject).prop_doc = v ?? Py_None; } },
  ],
  getset: [
    { name: "__isabstractmethod__", get: (s) => {
      const p = s as PyPropertyObject;
      for (const f of [p.prop_get, p.prop_set, p.prop_del]) {
        const a = _PyObject_LookupAttr(f, hooks.str("__isabstractmethod__"));
        if (a !== undefined && PyObject_IsTrue(a)) return PyBool_FromLong(true);
      }
      return PyBool_FromLong(false);
    } },
    { name: "__name__", get: (s) => {
      const p = s as PyPropertyObject;
      if (p.prop_name !== Py_None) return p.prop_name;
      return PyErr_Format(PyExc_AttributeError, "'property' object has no attribute '__name__'");
    }, set: (s, v) => { (s as PyPropertyObject).prop_name = v ?? Py_None; } },
  ],
}, PyProperty_Type);

// ---- mappingproxy ----

export const PyDictProxy_Type = PyType_Declare("mappingproxy");

export class PyMappingProxyObject extends PyObject {
  mapping: PyVal;
  constructor(mapping: PyVal) {
    super(PyDictProxy_Type);
    this.mapping = mapping;
  }
}

const mp = (s: PyVal): PyVal => (s as PyMappingProxyObject).mapping;

PyType_FromSpecStatic({
  name: "mappingproxy",
  slots: {
    tp_new: (_t, args, kw) => {
      const [m] = parseArgs("mappingproxy", args, kw, ["mapping"], 1, 1);
      return new PyMappingProxyObject(m!);
    },
    mp_subscript: (s, k) => PyObject_GetItem(mp(s), k),
    mp_length: (s) => PyObject_Size(mp(s)),
    sq_contains: (s, k) => PySequence_Contains(mp(s), k),
    tp_iter: (s) => PyObject_GetIter(mp(s)),
    tp_repr: (s) => hooks.str(`mappingproxy(${PyObject_Repr(mp(s)).value})`),
    tp_str: (s) => PyObject_Str(mp(s)),
    tp_richcompare: (a, b, op) => PyObject_RichCompare(mp(a), b, op),
    // mappingproxy_or: either operand that is a proxy stands for its mapping; |= is refused (mappingproxy_ior).
    nb_or: (a, b) => PyNumber_Or(a instanceof PyMappingProxyObject ? a.mapping : a, b instanceof PyMappingProxyObject ? b.mapping : b),
    nb_inplace_or: (a) => PyErr_Format(PyExc_TypeError, `'|=' is not supported by ${Py_TYPE(a).tp_name}; use '|' instead`),
  },
  methods: [
    { name: "keys", meth: (s: PyVal) => PyObject_CallMethod(mp(s), "keys", []), flags: METH_NOARGS },
    { name: "values", meth: (s: PyVal) => PyObject_CallMethod(mp(s), "values", []), flags: METH_NOARGS },
    { name: "items", meth: (s: PyVal) => PyObject_CallMethod(mp(s), "items", []), flags: METH_NOARGS },
    { name: "get", meth: (s: PyVal, a: PyVal[]) => PyObject_CallMethod(mp(s), "get", a), flags: METH_FASTCALL },
    { name: "copy", meth: (s: PyVal) => PyObject_CallMethod(mp(s), "copy", []), flags: METH_NOARGS },
  ],
}, PyDictProxy_Type);

