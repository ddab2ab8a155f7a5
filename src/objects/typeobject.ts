// Types (Objects/typeobject.c): PyType_Ready, the slotdefs table that maps dunders to slots both ways, C3 MRO,
// _PyType_Lookup with a per-type cache, generic getattr/setattr with descriptors, type() with 1 and 3 arguments,
// the `object`, `type` and `super` types. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Type, PyBaseObject_Type, PyUnicodeObject, PyUnicode_InternFromString, Py_None,
  Py_NotImplemented, Py_TYPE, Py_HashHi, Py_EQ, Py_NE, Py_LT, Py_LE, Py_GT, Py_GE, staticTypes, PyType_FromSpecStatic,
  PyType_Declare, hasFlag, METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS, METH_CLASS, METH_STATIC,
  Py_TPFLAGS_HEAPTYPE, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_READY, Py_TPFLAGS_READYING, Py_TPFLAGS_IMMUTABLETYPE,
  Py_TPFLAGS_DISALLOW_INSTANTIATION, Py_TPFLAGS_LONG_SUBCLASS, Py_TPFLAGS_LIST_SUBCLASS, Py_TPFLAGS_TUPLE_SUBCLASS,
  Py_TPFLAGS_BYTES_SUBCLASS, Py_TPFLAGS_UNICODE_SUBCLASS, Py_TPFLAGS_DICT_SUBCLASS, Py_TPFLAGS_BASE_EXC_SUBCLASS,
  Py_TPFLAGS_TYPE_SUBCLASS, Py_TPFLAGS_METHOD_DESCRIPTOR, Py_TPFLAGS_SEQUENCE, Py_TPFLAGS_MAPPING,
  Py_TPFLAGS_IS_ABSTRACT, PyNone_Type, PyNotImplemented_Type, type PyVal, type SlotName, type PyMethodDef, type PyGetSetDef,
} from "./object.js";
import { PyErr_Format, _PyErr_CreateException, _PyErr_ChainContext } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_AttributeError, PyExc_RuntimeError, PyExc_StopIteration, PyExc_ValueError,
  PyExc_SystemError,
  PyBaseExceptionObject } from "./exceptions.js";
import {
  hooks, PyObject_GetAttr, PyObject_Vectorcall, PyObject_IsTrue, PyObject_Repr, PyObject_Str, PyType_IsSubtype,
  PyObject_Hash, raiseAttributeError, isStopIteration, PyObject_RichCompare, PyObject_CallOneArg, _PyObject_LookupAttr,
  PyNumber_Index, PySequence_List, _PyObject_LookupSpecial, PyObject_GetIter, PyObject_CallMethod,
  _PyObject_RegisterExactLength, _PyObject_CallLength, _PyObject_NextNotImplemented,
} from "./abstract.js";
import { PyDictObject, PyDict_New, PyDict_GetItemStr, PyDict_GetItemString, PyDict_SetItem, PyDict_DelItemIf, PyDict_Copy, PyDict_Check,
  PyDict_Keys } from "./dictobject.js";
import { PyTupleObject, PyTuple_New, PyTuple_Check } from "./tupleobject.js";
import { PyList_New, PyList_Check } from "./listobject.js";
import { PyUnicode_FromString, PyUnicode_Check, unicode_hash } from "./unicodeobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { longValue, PyLong_Check } from "./longobject.js";
import { hashToValue } from "../runtime/pyhash.js";
import {
  type SlotDef, PyDescr_NewMethod, PyWrapperDescrObject, PyMemberDescrObject, PyGetSetDescrObject, PyMappingProxyObject,
  PyMethodDescrObject,
} from "./descrobject.js";
import { PyCFunctionObject, addressOf, _PyType_GetDocFromInternalDoc, _PyType_GetTextSignatureFromInternalDoc } from "./methodobject.js";
import { parseArgs, prependArg } from "../runtime/getargs.js";
import { _PyGC_AddTraverse } from "../runtime/gc.js";

// Names type_new and the slot trampolines look up, interned once.
const S__class_getitem__ = PyUnicode_InternFromString("__class_getitem__");
const S__classcell__ = PyUnicode_InternFromString("__classcell__");
const S__dict__ = PyUnicode_InternFromString("__dict__");
const S__doc__ = PyUnicode_InternFromString("__doc__");
const S__eq__ = PyUnicode_InternFromString("__eq__");
const S__hash__ = PyUnicode_InternFromString("__hash__");
const S__init_subclass__ = PyUnicode_InternFromString("__init_subclass__");
const S__module__ = PyUnicode_InternFromString("__module__");
const S__new__ = PyUnicode_InternFromString("__new__");
const S__qualname__ = PyUnicode_InternFromString("__qualname__");
const S__set_name__ = PyUnicode_InternFromString("__set_name__");
const S__slots__ = PyUnicode_InternFromString("__slots__");
const S__weakref__ = PyUnicode_InternFromString("__weakref__");
const S__bool__ = PyUnicode_InternFromString("__bool__");
const S__call__ = PyUnicode_InternFromString("__call__");
const S__contains__ = PyUnicode_InternFromString("__contains__");
const S__del__ = PyUnicode_InternFromString("__del__");
const S__delattr__ = PyUnicode_InternFromString("__delattr__");
const S__delete__ = PyUnicode_InternFromString("__delete__");
const S__delitem__ = PyUnicode_InternFromString("__delitem__");
const S__get__ = PyUnicode_InternFromString("__get__");
const S__getattr__ = PyUnicode_InternFromString("__getattr__");
const S__getitem__ = PyUnicode_InternFromString("__getitem__");
const S__init__ = PyUnicode_InternFromString("__init__");
const S__iter__ = PyUnicode_InternFromString("__iter__");
const S__len__ = PyUnicode_InternFromString("__len__");
const S__next__ = PyUnicode_InternFromString("__next__");
const S__pow__ = PyUnicode_InternFromString("__pow__");
const S__repr__ = PyUnicode_InternFromString("__repr__");
const S__set__ = PyUnicode_InternFromString("__set__");
const S__setattr__ = PyUnicode_InternFromString("__setattr__");
const S__setitem__ = PyUnicode_InternFromString("__setitem__");
const S__str__ = PyUnicode_InternFromString("__str__");

// ---- instances of classes defined in Python ----

/** An instance of a class whose layout base is `object`: an optional __dict__ and __slots__ storage. */
export class PyHeapObject extends PyObject {
  dict: PyDictObject | null;
  slots: (PyVal | null)[] | null;
  constructor(type: PyTypeObject) {
    super(type);
    this.dict = null;
    this.slots = type.tp_nslots > 0 ? new Array<PyVal | null>(type.tp_nslots).fill(null) : null;
  }
}

/** Dicts of instances of subclasses of dict-less native types (int, str, list, ...): a side table. */
const sideDicts = new WeakMap<object, PyDictObject>();
const sideSlots = new WeakMap<object, (PyVal | null)[]>();
_PyGC_AddTraverse((o) => (o.ob_type !== null && (o.ob_type.tp_dictoffset === -1 || (o.ob_type.tp_nslots > 0 && !(o instanceof PyHeapObject))) ? [sideDicts.get(o), sideSlots.get(o)] : undefined));

/** The instance __dict__ of obj, or null if its type has none (creating it when `create`). */
export function _PyObject_GetDict(obj: PyVal, create: boolean): PyDictObject | null {
  if (typeof obj === "number") return null;
  const t = obj.ob_type;
  const off = t.tp_dictoffset;
  if (off === 1) {
    const o = obj as unknown as { dict: PyDictObject | null };
    let d = o.dict;
    if (d === null && create) { d = PyDict_New(); o.dict = d; }
    return d;
  }
  if (off === -1) {
    let d = sideDicts.get(obj);
    if (d === undefined && create) { d = PyDict_New(); sideDicts.set(obj, d); }
    return d ?? null;
  }
  return null;
}

export function _PyObject_SetDict(obj: PyVal, d: PyDictObject): void {
  if (typeof obj === "number") return;
  if (obj.ob_type.tp_dictoffset === 1) (obj as unknown as { dict: PyDictObject | null }).dict = d;
  else sideDicts.set(obj, d);
}

/** `del obj.__dict__` on an instance: no dict until the next access makes an empty one. */
function _PyObject_DelDict(obj: PyVal): void {
  if (typeof obj === "number") return;
  if (obj.ob_type.tp_dictoffset === 1) (obj as unknown as { dict: PyDictObject | null }).dict = null;
  else sideDicts.delete(obj);
}

function slotStorage(obj: PyVal): (PyVal | null)[] {
  if (obj instanceof PyHeapObject && obj.slots !== null) return obj.slots;
  let s = sideSlots.get(obj as object);
  if (s === undefined) {
    s = new Array<PyVal | null>(Py_TYPE(obj).tp_nslots).fill(null);
    sideSlots.set(obj as object, s);
  }
  return s;
}

// ---- version tags and lookup ----

let nextVersionTag = 1;

/** Tags above this are never handed out: types modified more often simply stop being cached (a tag of 0). */
const MAX_VERSION_TAG = 0x7fffffff;

/** Types whose metatype overrides mro(): their MRO may hold types that are not their bases, whose changes would not
 *  reach them, so they are never cached (type_mro_modified clears their version tag). */
const uncacheableTypes = new WeakSet<PyTypeObject>();

function assign_version_tag(t: PyTypeObject): void {
  t.tp_version_tag = nextVersionTag < MAX_VERSION_TAG && !uncacheableTypes.has(t) ? nextVersionTag++ : 0;
}

/** Invalidate caches of a type and its subclasses after any change to its dict or MRO (PyType_Modified). */
export function PyType_Modified(t: PyTypeObject): void {
  assign_version_tag(t);
  const subs = t.tp_subclasses;
  for (let i = 0; i < subs.length; i++) PyType_Modified(subs[i]);
}

// The method cache of _PyType_Lookup (CPython's type cache): 4096 entries (version tag, name) -> result, direct
// mapped by the tag and the name's hash. A modified type gets a fresh tag, so its old entries can never match again.
const MCACHE_SIZE_EXP = 12;
const MCACHE_MASK = (1 << MCACHE_SIZE_EXP) - 1;
const mcache_version = new Int32Array(1 << MCACHE_SIZE_EXP);
const mcache_name: (string | null)[] = new Array<string | null>(1 << MCACHE_SIZE_EXP).fill(null);
const mcache_value: (PyVal | null)[] = new Array<PyVal | null>(1 << MCACHE_SIZE_EXP).fill(null);

/** find_name_in_mro: `name` along the MRO without the cache; null when absent. */
function find_name_in_mro(type: PyTypeObject, name: PyUnicodeObject): PyVal | null {
  const mro = type.mro;
  for (let i = 0; i < mro.length; i++) {
    const d = mro[i].tp_dict as PyDictObject | null;
    if (d === null) continue;
    const v = PyDict_GetItemStr(d, name);
    if (v !== undefined) return v;
  }
  return null;
}

/** Find `name` along the MRO without binding (the core of attribute lookup); null when absent. */
export function _PyType_Lookup(type: PyTypeObject, name: PyUnicodeObject): PyVal | null {
  const version = type.tp_version_tag;
  const h = (name.hashed ? name.hashLo : unicode_hash(name)) ^ version;
  const i = (h ^ (h >>> MCACHE_SIZE_EXP)) & MCACHE_MASK;
  const key = name.value;
  if (mcache_version[i] === version && mcache_name[i] === key && version !== 0) return mcache_value[i];
  const res = find_name_in_mro(type, name);
  if (version !== 0) {
    mcache_version[i] = version;
    mcache_name[i] = key;
    mcache_value[i] = res;
  }
  return res;
}

export function _PyType_LookupStr(type: PyTypeObject, name: string): PyVal | null {
  return _PyType_Lookup(type, PyUnicode_InternFromString(name));
}

// ---- generic attribute access ----

export function PyObject_GenericGetAttr(obj: PyVal, name: PyUnicodeObject, suppress: boolean): PyVal | undefined {
  const tp = Py_TYPE(obj);
  const descr = _PyType_Lookup(tp, name);
  let f = null;
  if (descr !== null) {
    const dt = Py_TYPE(descr);
    f = dt.tp_descr_get;
    if (f !== null && dt.tp_descr_set !== null) return getWithSuppress(f, descr, obj, tp, suppress);
  }
  // Instances of classes (the common case) read their dict field directly: one hidden class, not a polymorphic load.
  const d = obj instanceof PyHeapObject ? obj.dict : tp.tp_dictoffset !== 0 ? _PyObject_GetDict(obj, false) : null;
  if (d !== null) {
    const v = PyDict_GetItemStr(d, name);
    if (v !== undefined) return v;
  }
  if (f !== null) return getWithSuppress(f, descr!, obj, tp, suppress);
  if (descr !== null) return descr;
  if (suppress) return undefined;
  return raiseAttributeError(obj, name, `'${tp.tp_name}' object has no attribute '${name.value}'`);
}

function getWithSuppress(f: (d: PyVal, o: PyVal | null, t: PyVal | null) => PyVal, descr: PyVal, obj: PyVal, tp: PyTypeObject,
  suppress: boolean): PyVal | undefined {
  if (!suppress) return f(descr, obj, tp);
  try {
    return f(descr, obj, tp);
  } catch (e) {
    if (e instanceof PyBaseExceptionObject && PyType_IsSubtype(e.ob_type, PyExc_AttributeError)) return undefined;
    throw e;
  }
}

export function PyObject_GenericSetAttr(obj: PyVal, name: PyUnicodeObject, value: PyVal | null): void {
  const tp = Py_TYPE(obj);
  const descr = _PyType_Lookup(tp, name);
  if (descr !== null) {
    const f = Py_TYPE(descr).tp_descr_set;
    if (f !== null) { f(descr, obj, value); return; }
  }
  const d = _PyObject_GetDict(obj, true);
  if (d === null) {
    if (descr === null) {
      raiseAttributeError(obj, name,
        `'${tp.tp_name}' object has no attribute '${name.value}' and no __dict__ for setting new attributes`);
    }
    raiseAttributeError(obj, name, `'${tp.tp_name}' object attribute '${name.value}' is read-only`);
  }
  if (value === null) {
    if (!PyDict_DelItemIf(d, name)) {
      raiseAttributeError(obj, name, `'${tp.tp_name}' object has no attribute '${name.value}'`);
    }
    return;
  }
  PyDict_SetItem(d, name, value);
}

/**
 * LOAD_ATTR's method form (_PyObject_GetMethod): returns [callable, true] when `callable` is an unbound method to
 * be called with obj prepended, else [bound attribute, false].
 */
export function _PyObject_GetMethod(obj: PyVal, name: PyUnicodeObject): [PyVal, boolean] {
  const tp = Py_TYPE(obj);
  if (tp.tp_getattro !== PyObject_GenericGetAttr) return [PyObject_GetAttr(obj, name), false];
  const descr = _PyType_Lookup(tp, name);
  let f = null;
  let meth = false;
  if (descr !== null) {
    const dt = Py_TYPE(descr);
    if (hasFlag(dt, Py_TPFLAGS_METHOD_DESCRIPTOR)) meth = true;
    else {
      f = dt.tp_descr_get;
      if (f !== null && dt.tp_descr_set !== null) return [f(descr, obj, tp), false];
    }
  }
  const d = obj instanceof PyHeapObject ? obj.dict : tp.tp_dictoffset !== 0 ? _PyObject_GetDict(obj, false) : null;
  if (d !== null) {
    const v = PyDict_GetItemStr(d, name);
    if (v !== undefined) return [v, false];
  }
  if (meth) return [descr!, true];
  if (f !== null) return [f(descr!, obj, tp), false];
  if (descr !== null) return [descr, false];
  return raiseAttributeError(obj, name, `'${tp.tp_name}' object has no attribute '${name.value}'`);
}

// ---- slotdefs: dunder <-> slot ----

function argCount(name: string, args: readonly PyVal[], n: number): void {
  if (args.length !== n) {
    PyErr_Format(PyExc_TypeError, `expected ${n} argument${n === 1 ? "" : "s"}, got ${args.length}`);
  }
  void name;
}

type W = SlotDef["wrapper"];
const wrap_binaryfunc_l: W = (self, args, f) => { argCount("", args, 1); return f(self, args[0]); };
const wrap_binaryfunc_r: W = (self, args, f) => { argCount("", args, 1); return f(args[0], self); };
const wrap_binaryfunc: W = wrap_binaryfunc_l;
const wrap_unaryfunc: W = (self, args, f) => { argCount("", args, 0); return f(self); };
const wrap_inquirypred: W = (self, args, f) => { argCount("", args, 0); return PyBool_FromLong(f(self)); };
const wrap_lenfunc: W = (self, args, f) => { argCount("", args, 0); return _PyObject_CallLength(f as (o: PyVal) => number, self); };
const wrap_hashfunc: W = (self, args, f) => { argCount("", args, 0); const lo = f(self); return numVal(hashToValue(lo, Py_HashHi[0])); };
const wrap_call: W = (self, args, f, kw) => f(self, args, kw);
const wrap_init: W = (self, args, f, kw) => { f(self, args, kw); return Py_None; };
const wrap_next: W = (self, args, f) => {
  argCount("", args, 0);
  const r = f(self);
  if (r === undefined) {
    const e = _PyErr_CreateException(PyExc_StopIteration, []);
    _PyErr_ChainContext(e);
    throw e;
  }
  return r;
};
const wrap_descr_get: W = (self, args, f) => {
  if (args.length < 1 || args.length > 2) PyErr_Format(PyExc_TypeError, `expected 1 or 2 arguments, got ${args.length}`);
  const obj = args[0] === Py_None ? null : args[0];
  const type = args.length > 1 && args[1] !== Py_None ? args[1] : null;
  if (obj === null && type === null) PyErr_Format(PyExc_TypeError, "__get__(None, None) is invalid");
  return f(self, obj, type);
};
const wrap_descr_set: W = (self, args, f) => { argCount("", args, 2); f(self, args[0], args[1]); return Py_None; };
const wrap_descr_delete: W = (self, args, f) => { argCount("", args, 1); f(self, args[0], null); return Py_None; };
const wrap_setattr: W = (self, args, f) => { argCount("", args, 2); f(self, strArg(args[0]), args[1]); return Py_None; };
const wrap_delattr: W = (self, args, f) => { argCount("", args, 1); f(self, strArg(args[0]), null); return Py_None; };
const wrap_getattr: W = (self, args, f) => { argCount("", args, 1); return f(self, strArg(args[0]), false); };
const wrap_objobjproc: W = (self, args, f) => { argCount("", args, 1); return PyBool_FromLong(f(self, args[0])); };
const wrap_objobjargproc: W = (self, args, f) => { argCount("", args, 2); f(self, args[0], args[1]); return Py_None; };
const wrap_delitem: W = (self, args, f) => { argCount("", args, 1); f(self, args[0], null); return Py_None; };
const wrap_indexargfunc: W = (self, args, f) => {
  argCount("", args, 1);
  return f(self, Number(longValue(PyNumber_Index(args[0]))));
};
const wrap_sq_item: W = (self, args, f) => {
  argCount("", args, 1);
  let i = Number(longValue(PyNumber_Index(args[0])));
  if (i < 0) { const len = Py_TYPE(self).sq_length; if (len !== null) i += len(self); }
  return f(self, i);
};
const wrap_ternaryfunc: W = (self, args, f) => {
  if (args.length < 1 || args.length > 2) PyErr_Format(PyExc_TypeError, `expected 1 or 2 arguments, got ${args.length}`);
  return f(self, args[0], args.length > 1 ? args[1] : Py_None);
};
const wrap_ternaryfunc_r: W = (self, args, f) => {
  if (args.length < 1 || args.length > 2) PyErr_Format(PyExc_TypeError, `expected 1 or 2 arguments, got ${args.length}`);
  return f(args[0], self, args.length > 1 ? args[1] : Py_None);
};
function richcmpWrapper(op: number): W {
  return (self, args, f) => { argCount("", args, 1); return f(self, args[0], op); };
}

function numVal(v: number | bigint): PyVal {
  return typeof v === "number" ? v : hooks.tuple([]) && bigIntHook(v);
}
let bigIntHook: (b: bigint) => PyVal = () => 0;
export function _PyType_InstallBigInt(f: (b: bigint) => PyVal): void {
  bigIntHook = f;
}

function strArg(v: PyVal): PyUnicodeObject {
  if (!PyUnicode_Check(v)) {
    return PyErr_Format(PyExc_TypeError, `attribute name must be string, not '${Py_TYPE(v).tp_name}'`);
  }
  return v;
}

// Trampolines: a class defining a dunder gets these in the slot (slot_* functions of typeobject.c).

/** Look up a special method on type(self) and call it with self prepended; undefined if absent. */
function callMethod(self: PyVal, name: PyUnicodeObject, args: readonly PyVal[], kw: readonly PyVal[] | null = null): PyVal | undefined {
  const t = Py_TYPE(self);
  const f = _PyType_Lookup(t, name);
  if (f === null) return undefined;
  const ft = Py_TYPE(f);
  if (hasFlag(ft, Py_TPFLAGS_METHOD_DESCRIPTOR)) return PyObject_Vectorcall(f, prependArg(self, args), kw);
  const g = ft.tp_descr_get;
  const bound = g === null ? f : g(f, self, t);
  return PyObject_Vectorcall(bound, args, kw);
}

function callMethodOrError(self: PyVal, name: PyUnicodeObject, args: readonly PyVal[], kw: readonly PyVal[] | null = null): PyVal {
  const r = callMethod(self, name, args, kw);
  if (r === undefined) return raiseAttributeError(self, name, name.value);
  return r;
}

/** `ident.slot`, when set, is the function the slot holds (nb_power's ternary trampoline wraps this one). */
function slot1binfull(lnameText: string, rnameText: string, get: (t: PyTypeObject) => unknown, ident: { slot: unknown } = { slot: null }) {
  const lname = PyUnicode_InternFromString(lnameText), rname = PyUnicode_InternFromString(rnameText);
  const fn = (self: PyVal, other: PyVal): PyVal => {
    const st = Py_TYPE(self), ot = Py_TYPE(other);
    const me = ident.slot ?? fn;
    let doOther = st !== ot && get(ot) === me && _PyType_Lookup(ot, rname) !== null;
    if (get(st) === me) {
      if (doOther && PyType_IsSubtype(ot, st)) {
        const r = callMethod(other, rname, [self]);
        if (r !== undefined && r !== Py_NotImplemented) return r;
        doOther = false;
      }
      const r = callMethod(self, lname, [other]);
      if (r !== undefined && (r !== Py_NotImplemented || ot === st)) return r;
    }
    if (doOther) {
      const r = callMethod(other, rname, [self]);
      if (r !== undefined) return r;
    }
    return Py_NotImplemented;
  };
  return fn;
}

function slotPow() {
  const ident: { slot: unknown } = { slot: null };
  const bin = slot1binfull("__pow__", "__rpow__", (t) => t.nb_power, ident);
  const fn = (self: PyVal, other: PyVal, mod: PyVal): PyVal => {
    if (mod === Py_None) return (bin as unknown as (a: PyVal, b: PyVal) => PyVal)(self, other);
    if (Py_TYPE(self).nb_power === fn) {
      const r = callMethod(self, S__pow__, [other, mod]);
      if (r !== undefined) return r;
    }
    return Py_NotImplemented;
  };
  // The binary helper compares slots with itself: make it recognise this ternary trampoline instead.
  ident.slot = fn;
  return fn;
}

function slotUnary(nameText: string) {
  const name = PyUnicode_InternFromString(nameText);
  return (self: PyVal): PyVal => callMethodOrError(self, name, []);
}

function slotInplace(nameText: string) {
  const name = PyUnicode_InternFromString(nameText);
  return (self: PyVal, other: PyVal): PyVal => {
    const r = callMethod(self, name, [other]);
    return r === undefined ? Py_NotImplemented : r;
  };
}

function slot_tp_repr(self: PyVal): PyUnicodeObject {
  const r = callMethod(self, S__repr__, []);
  if (r === undefined) return hooks.str(`<${Py_TYPE(self).tp_name} object at ${addressOf(self)}>`);
  if (!PyUnicode_Check(r)) return PyErr_Format(PyExc_TypeError, `__repr__ returned non-string (type ${Py_TYPE(r).tp_name})`);
  return r;
}

function slot_tp_str(self: PyVal): PyUnicodeObject {
  const r = callMethodOrError(self, S__str__, []);
  if (!PyUnicode_Check(r)) return PyErr_Format(PyExc_TypeError, `__str__ returned non-string (type ${Py_TYPE(r).tp_name})`);
  return r;
}

function slot_tp_hash(self: PyVal): number {
  const f = _PyType_Lookup(Py_TYPE(self), S__hash__);
  if (f === null || f === Py_None) return PyErr_Format(PyExc_TypeError, `unhashable type: '${Py_TYPE(self).tp_name}'`);
  const r = callMethodOrError(self, S__hash__, []);
  if (!PyLong_Check(r)) return PyErr_Format(PyExc_TypeError, "__hash__ method should return an integer");
  const v = longValue(r);
  if (typeof v === "number") {
    const h = v === -1 ? -2 : v;
    Py_HashHi[0] = Math.floor(h / 4294967296) | 0;
    return h | 0;
  }
  // Within Py_ssize_t the value itself is the hash; beyond it, the int's hash (slot_tp_hash).
  if (v >= -(1n << 63n) && v < (1n << 63n)) {
    let h = v === -1n ? -2n : v;
    h = BigInt.asUintN(64, h);
    Py_HashHi[0] = Number(h >> 32n) | 0;
    return Number(h & 0xffffffffn) | 0;
  }
  return PyObject_Hash(r);
}

export function PyObject_HashNotImplemented(self: PyVal): number {
  return PyErr_Format(PyExc_TypeError, `unhashable type: '${Py_TYPE(self).tp_name}'`);
}

function slot_tp_call(self: PyVal, args: readonly PyVal[], kw: readonly PyVal[] | null): PyVal {
  const r = callMethod(self, S__call__, args, kw);
  if (r === undefined) return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(self).tp_name}' object is not callable`);
  return r;
}

const GENERIC_GETATTR_NAME = PyUnicode_InternFromString("__getattribute__");

function slot_tp_getattr_hook(self: PyVal, name: PyUnicodeObject, suppress: boolean): PyVal | undefined {
  const tp = Py_TYPE(self);
  const getattr = _PyType_Lookup(tp, S__getattr__);
  const getattribute = _PyType_Lookup(tp, GENERIC_GETATTR_NAME);
  let res: PyVal | undefined;
  if (getattribute === null || (getattribute instanceof PyWrapperDescrObject && getattribute.d_wrapped === PyObject_GenericGetAttr)) {
    res = PyObject_GenericGetAttr(self, name, getattr !== null || suppress);
  } else {
    try {
      res = callMethod(self, GENERIC_GETATTR_NAME, [name]);
    } catch (e) {
      if (!(e instanceof PyBaseExceptionObject && PyType_IsSubtype(e.ob_type, PyExc_AttributeError))) throw e;
      if (getattr === null) { if (suppress) return undefined; throw e; }
      res = undefined;
    }
  }
  if (res !== undefined || getattr === null) return res;
  try {
    return callMethod(self, S__getattr__, [name]);
  } catch (e) {
    if (suppress && e instanceof PyBaseExceptionObject && PyType_IsSubtype(e.ob_type, PyExc_AttributeError)) return undefined;
    throw e;
  }
}

function slot_tp_setattro(self: PyVal, name: PyUnicodeObject, v: PyVal | null): void {
  if (v === null) callMethodOrError(self, S__delattr__, [name]);
  else callMethodOrError(self, S__setattr__, [name, v]);
}

const richNames = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"].map((n) => PyUnicode_InternFromString(n));
function slot_tp_richcompare(self: PyVal, other: PyVal, op: number): PyVal {
  const r = callMethod(self, richNames[op], [other]);
  return r === undefined ? Py_NotImplemented : r;
}

function slot_tp_iter(self: PyVal): PyVal {
  const f = _PyType_Lookup(Py_TYPE(self), S__iter__);
  if (f === Py_None) return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(self).tp_name}' object is not iterable`);
  if (f === null) {
    const gi = _PyType_Lookup(Py_TYPE(self), S__getitem__);
    if (gi !== null && gi !== Py_None) return hooks.seqIter(self);
    return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(self).tp_name}' object is not iterable`);
  }
  return callMethodOrError(self, S__iter__, []);
}

function slot_tp_iternext(self: PyVal): PyVal | undefined {
  try {
    return callMethodOrError(self, S__next__, []);
  } catch (e) {
    if (isStopIteration(e)) {
      lastStopValue = (e as unknown as { value: PyVal }).value ?? Py_None;
      return undefined;
    }
    throw e;
  }
}

/** The value of the StopIteration that ended the last Python-level __next__ (for yield from over iterators). */
export let lastStopValue: PyVal = Py_None;
export function takeLastStopValue(): PyVal {
  const v = lastStopValue;
  lastStopValue = Py_None;
  return v;
}

function slot_tp_descr_get(self: PyVal, obj: PyVal | null, type: PyVal | null): PyVal {
  const f = _PyType_Lookup(Py_TYPE(self), S__get__);
  if (f === null) return self;
  return callMethodOrError(self, S__get__, [obj ?? Py_None, type ?? Py_None]);
}

function slot_tp_descr_set(self: PyVal, obj: PyVal, v: PyVal | null): void {
  if (v === null) callMethodOrError(self, S__delete__, [obj]);
  else callMethodOrError(self, S__set__, [obj, v]);
}

function slot_tp_init(self: PyVal, args: readonly PyVal[], kw: readonly PyVal[] | null): void {
  const r = callMethodOrError(self, S__init__, args, kw);
  if (r !== Py_None) {
    PyErr_Format(PyExc_TypeError, `__init__() should return None, not '${Py_TYPE(r).tp_name}'`);
  }
}

function slot_tp_new(type: PyTypeObject, args: readonly PyVal[], kw: readonly PyVal[] | null): PyVal {
  const f = PyObject_GetAttr(type, S__new__);
  return PyObject_Vectorcall(f, prependArg(type, args), kw);
}

function slot_nb_bool(self: PyVal): boolean {
  const r = callMethodOrError(self, S__bool__, []);
  if (typeof r === "number" || r.ob_type.tp_name !== "bool") {
    return PyErr_Format(PyExc_TypeError, `__bool__ should return bool, returned ${Py_TYPE(r).tp_name}`);
  }
  return PyObject_IsTrue(r);
}

/** A Python __len__'s value, checked as slot_sq_length does (an index, >= 0, at most sys.maxsize). */
function slot_len_object(self: PyVal): PyVal {
  const r = callMethodOrError(self, S__len__, []);
  if (typeof r !== "number" && Py_TYPE(r).nb_index === null) {
    return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(r).tp_name}' object cannot be interpreted as an integer`);
  }
  const i = PyNumber_Index(r);
  const v = longValue(i);
  if (v < 0) return PyErr_Format(PyExc_ValueError_(), "__len__() should return >= 0");
  if (typeof v !== "number" && v > PY_SSIZE_T_MAX) {
    return PyErr_Format(overflowError(), "cannot fit 'int' into an index-sized integer");
  }
  return i;
}
const PY_SSIZE_T_MAX = (1n << 63n) - 1n;

/** slot_sq_length: beyond 2**53 the number is approximate (PyObject_LengthObject has the exact int). */
function slot_len(self: PyVal): number {
  const v = longValue(slot_len_object(self));
  return typeof v === "number" ? v : Number(v);
}
_PyObject_RegisterExactLength(slot_len, slot_len_object);
let PyExc_ValueError_: () => PyTypeObject = () => PyExc_TypeError;
let overflowError: () => PyTypeObject = () => PyExc_TypeError;
export function _PyType_InstallErrorTypes(v: PyTypeObject, o: PyTypeObject): void {
  PyExc_ValueError_ = () => v;
  overflowError = () => o;
}

/** The mp_subscript of a class that defines __getitem__ (BINARY_SUBSCR pushes a Python __getitem__ as a frame
 *  instead, src/vm/ceval.ts's pythonGetitem). */
export function slot_mp_subscript(self: PyVal, key: PyVal): PyVal {
  return callMethodOrError(self, S__getitem__, [key]);
}
function slot_mp_ass_subscript(self: PyVal, key: PyVal, v: PyVal | null): void {
  if (v === null) callMethodOrError(self, S__delitem__, [key]);
  else callMethodOrError(self, S__setitem__, [key, v]);
}
function slot_sq_contains(self: PyVal, v: PyVal): boolean {
  const f = _PyType_Lookup(Py_TYPE(self), S__contains__);
  if (f === Py_None) return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(self).tp_name}' object is not a container`);
  return PyObject_IsTrue(callMethodOrError(self, S__contains__, [v]));
}

function slot_tp_finalize(self: PyVal): PyVal {
  return callMethod(self, S__del__, []) ?? Py_None;
}

type SlotRow = [string, SlotName, W, Function | null, string];

function binRows(name: string, slot: SlotName, get: (t: PyTypeObject) => unknown, sym: string): SlotRow[] {
  const tramp = slot1binfull(`__${name}__`, `__r${name}__`, get);
  return [
    [`__${name}__`, slot, wrap_binaryfunc_l, tramp, `Return self${sym}value.`],
    [`__r${name}__`, slot, wrap_binaryfunc_r, tramp, `Return value${sym}self.`],
  ];
}

const powTramp = slotPow();
const ipowInplace = slotInplace("__ipow__");
/** nb_inplace_power is ternary; the modulus is dropped as slot_nb_inplace_power does. */
const ipowTramp = (s: PyVal, o: PyVal): PyVal => ipowInplace(s, o);

/** The slotdefs table (typeobject.c): one row per (dunder, slot). */
export const slotdefs: readonly SlotDef[] = ([
  ["__getattribute__", "tp_getattro", wrap_getattr, slot_tp_getattr_hook, "Return getattr(self, name)."],
  ["__getattr__", "tp_getattro", null, slot_tp_getattr_hook, ""],
  ["__setattr__", "tp_setattro", wrap_setattr, slot_tp_setattro, "Implement setattr(self, name, value)."],
  ["__delattr__", "tp_setattro", wrap_delattr, slot_tp_setattro, "Implement delattr(self, name)."],
  ["__repr__", "tp_repr", wrap_unaryfunc, slot_tp_repr, "Return repr(self)."],
  ["__hash__", "tp_hash", wrap_hashfunc, slot_tp_hash, "Return hash(self)."],
  ["__call__", "tp_call", wrap_call, slot_tp_call, "Call self as a function."],
  ["__str__", "tp_str", wrap_unaryfunc, slot_tp_str, "Return str(self)."],
  ["__lt__", "tp_richcompare", richcmpWrapper(Py_LT), slot_tp_richcompare, "Return self<value."],
  ["__le__", "tp_richcompare", richcmpWrapper(Py_LE), slot_tp_richcompare, "Return self<=value."],
  ["__eq__", "tp_richcompare", richcmpWrapper(Py_EQ), slot_tp_richcompare, "Return self==value."],
  ["__ne__", "tp_richcompare", richcmpWrapper(Py_NE), slot_tp_richcompare, "Return self!=value."],
  ["__gt__", "tp_richcompare", richcmpWrapper(Py_GT), slot_tp_richcompare, "Return self>value."],
  ["__ge__", "tp_richcompare", richcmpWrapper(Py_GE), slot_tp_richcompare, "Return self>=value."],
  ["__iter__", "tp_iter", wrap_unaryfunc, slot_tp_iter, "Implement iter(self)."],
  ["__next__", "tp_iternext", wrap_next, slot_tp_iternext, "Implement next(self)."],
  ["__get__", "tp_descr_get", wrap_descr_get, slot_tp_descr_get, "Return an attribute of instance, which is of type owner."],
  ["__set__", "tp_descr_set", wrap_descr_set, slot_tp_descr_set, "Set an attribute of instance to value."],
  ["__delete__", "tp_descr_set", wrap_descr_delete, slot_tp_descr_set, "Delete an attribute of instance."],
  ["__init__", "tp_init", wrap_init, slot_tp_init, "Initialize self.  See help(type(self)) for accurate signature."],
  ["__new__", "tp_new", null, slot_tp_new, "Create and return a new object.  See help(type) for accurate signature."],
  ["__del__", "tp_finalize", null, slot_tp_finalize, ""],
  ["__await__", "am_await", wrap_unaryfunc, slotUnary("__await__"), "Return an iterator to be used in await expression."],
  ["__aiter__", "am_aiter", wrap_unaryfunc, slotUnary("__aiter__"), "Return an awaitable, that resolves in asynchronous iterator."],
  ["__anext__", "am_anext", wrap_unaryfunc, slotUnary("__anext__"), "Return a value or raise StopAsyncIteration."],
  ...binRows("add", "nb_add", (t) => t.nb_add, "+"),
  ...binRows("sub", "nb_subtract", (t) => t.nb_subtract, "-"),
  ...binRows("mul", "nb_multiply", (t) => t.nb_multiply, "*"),
  ...binRows("mod", "nb_remainder", (t) => t.nb_remainder, "%"),
  ...binRows("divmod", "nb_divmod", (t) => t.nb_divmod, ""),
  ["__pow__", "nb_power", wrap_ternaryfunc, powTramp, "Return pow(self, value, mod)."],
  ["__rpow__", "nb_power", wrap_ternaryfunc_r, powTramp, "Return pow(value, self, mod)."],
  ["__neg__", "nb_negative", wrap_unaryfunc, slotUnary("__neg__"), "-self"],
  ["__pos__", "nb_positive", wrap_unaryfunc, slotUnary("__pos__"), "+self"],
  ["__abs__", "nb_absolute", wrap_unaryfunc, slotUnary("__abs__"), "abs(self)"],
  ["__bool__", "nb_bool", wrap_inquirypred, slot_nb_bool, "True if self else False"],
  ["__invert__", "nb_invert", wrap_unaryfunc, slotUnary("__invert__"), "~self"],
  ...binRows("lshift", "nb_lshift", (t) => t.nb_lshift, "<<"),
  ...binRows("rshift", "nb_rshift", (t) => t.nb_rshift, ">>"),
  ...binRows("and", "nb_and", (t) => t.nb_and, "&"),
  ...binRows("xor", "nb_xor", (t) => t.nb_xor, "^"),
  ...binRows("or", "nb_or", (t) => t.nb_or, "|"),
  ["__int__", "nb_int", wrap_unaryfunc, slotUnary("__int__"), "int(self)"],
  ["__float__", "nb_float", wrap_unaryfunc, slotUnary("__float__"), "float(self)"],
  ["__iadd__", "nb_inplace_add", wrap_binaryfunc, slotInplace("__iadd__"), "Return self+=value."],
  ["__isub__", "nb_inplace_subtract", wrap_binaryfunc, slotInplace("__isub__"), "Return self-=value."],
  ["__imul__", "nb_inplace_multiply", wrap_binaryfunc, slotInplace("__imul__"), "Return self*=value."],
  ["__imod__", "nb_inplace_remainder", wrap_binaryfunc, slotInplace("__imod__"), "Return self%=value."],
  ["__ipow__", "nb_inplace_power", wrap_ternaryfunc, ipowTramp, "Return self**=value."],
  ["__ilshift__", "nb_inplace_lshift", wrap_binaryfunc, slotInplace("__ilshift__"), "Return self<<=value."],
  ["__irshift__", "nb_inplace_rshift", wrap_binaryfunc, slotInplace("__irshift__"), "Return self>>=value."],
  ["__iand__", "nb_inplace_and", wrap_binaryfunc, slotInplace("__iand__"), "Return self&=value."],
  ["__ixor__", "nb_inplace_xor", wrap_binaryfunc, slotInplace("__ixor__"), "Return self^=value."],
  ["__ior__", "nb_inplace_or", wrap_binaryfunc, slotInplace("__ior__"), "Return self|=value."],
  ...binRows("floordiv", "nb_floor_divide", (t) => t.nb_floor_divide, "//"),
  ...binRows("truediv", "nb_true_divide", (t) => t.nb_true_divide, "/"),
  ["__ifloordiv__", "nb_inplace_floor_divide", wrap_binaryfunc, slotInplace("__ifloordiv__"), "Return self//=value."],
  ["__itruediv__", "nb_inplace_true_divide", wrap_binaryfunc, slotInplace("__itruediv__"), "Return self/=value."],
  ["__index__", "nb_index", wrap_unaryfunc, slotUnary("__index__"), "Return self converted to an integer, if self is suitable for use as an index into a list."],
  ...binRows("matmul", "nb_matrix_multiply", (t) => t.nb_matrix_multiply, "@"),
  ["__imatmul__", "nb_inplace_matrix_multiply", wrap_binaryfunc, slotInplace("__imatmul__"), "Return self@=value."],
  ["__len__", "mp_length", wrap_lenfunc, slot_len, "Return len(self)."],
  ["__getitem__", "mp_subscript", wrap_binaryfunc, slot_mp_subscript, "Return self[key]."],
  ["__setitem__", "mp_ass_subscript", wrap_objobjargproc, slot_mp_ass_subscript, "Set self[key] to value."],
  ["__delitem__", "mp_ass_subscript", wrap_delitem, slot_mp_ass_subscript, "Delete self[key]."],
  ["__len__", "sq_length", wrap_lenfunc, slot_len, "Return len(self)."],
  ["__add__", "sq_concat", wrap_binaryfunc, null, "Return self+value."],
  ["__mul__", "sq_repeat", wrap_indexargfunc, null, "Return self*value."],
  ["__rmul__", "sq_repeat", wrap_indexargfunc, null, "Return value*self."],
  ["__getitem__", "sq_item", wrap_sq_item, null, "Return self[key]."],
  ["__contains__", "sq_contains", wrap_objobjproc, slot_sq_contains, "Return bool(key in self)."],
  ["__iadd__", "sq_inplace_concat", wrap_binaryfunc, null, "Implement self+=value."],
  ["__imul__", "sq_inplace_repeat", wrap_indexargfunc, null, "Implement self*=value."],
] as SlotRow[]).map(([name, slot, wrapper, tramp, doc]) => ({ name, slot, wrapper, tramp, doc }));

const slotdefsBySlot = new Map<SlotName, SlotDef[]>();
for (const sd of slotdefs) {
  if (!slotdefsBySlot.has(sd.slot)) slotdefsBySlot.set(sd.slot, []);
  slotdefsBySlot.get(sd.slot)!.push(sd);
}

// Slot fields accessed by name: a PyTypeObject viewed as a record of its slot fields.
function getSlot(t: PyTypeObject, s: SlotName): Function | null {
  return (t as unknown as Record<string, Function | null>)[s];
}
function setSlot(t: PyTypeObject, s: SlotName, f: Function | null): void {
  (t as unknown as Record<string, Function | null>)[s] = f;
}

/** Add a wrapper descriptor for each slot the native type defines itself (add_operators). */
function add_operators(t: PyTypeObject): void {
  const dict = t.tp_dict as PyDictObject;
  for (const sd of slotdefs) {
    if (sd.wrapper === null) continue;
    const f = getSlot(t, sd.slot);
    if (f === null) continue;
    const key = PyUnicode_InternFromString(sd.name);
    if (PyDict_GetItemStr(dict, key) !== undefined) continue;
    if (sd.slot === "tp_hash" && f === PyObject_HashNotImplemented) {
      PyDict_SetItem(dict, key, Py_None);
      continue;
    }
    PyDict_SetItem(dict, key, new PyWrapperDescrObject(t, sd, f));
  }
  if (t.tp_new !== null && PyDict_GetItemStr(dict, PyUnicode_InternFromString("__new__")) === undefined) {
    PyDict_SetItem(dict, PyUnicode_InternFromString("__new__"), new PyCFunctionObject(tpNewWrapperDef, t, null, null));
  }
}

/** `T.__new__(S, ...)` for a native T (tp_new_wrapper): S must be a subtype of T with a compatible layout. */
function tp_new_wrapper(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const type = self as PyTypeObject;
  const nkw = kwnames === null ? 0 : kwnames.length;
  if (args.length - nkw < 1) {
    return PyErr_Format(PyExc_TypeError, `${type.tp_name}.__new__(): not enough arguments`);
  }
  const sub = args[0];
  if (!(sub instanceof PyTypeObject)) {
    return PyErr_Format(PyExc_TypeError, `${type.tp_name}.__new__(X): X is not a type object (${Py_TYPE(sub).tp_name})`);
  }
  if (!PyType_IsSubtype(sub, type)) {
    return PyErr_Format(PyExc_TypeError, `${type.tp_name}.__new__(${sub.tp_name}): ${sub.tp_name} is not a subtype of ${type.tp_name}`);
  }
  // The most derived native base of `sub` must be `type` itself or share its tp_new.
  let staticbase: PyTypeObject | null = sub;
  while (staticbase !== null && (hasFlag(staticbase, Py_TPFLAGS_HEAPTYPE) || staticbase.tp_new === slot_tp_new)) staticbase = staticbase.tp_base;
  if (staticbase !== null && staticbase.tp_new !== type.tp_new) {
    return PyErr_Format(PyExc_TypeError,
      `${type.tp_name}.__new__(${sub.tp_name}) is not safe, use ${staticbase.tp_name}.__new__()`);
  }
  return type.tp_new!(sub, args.slice(1), kwnames);
}
const tpNewWrapperDef: PyMethodDef = { name: "__new__", meth: tp_new_wrapper, flags: METH_FASTCALL | METH_KEYWORDS,
  doc: "Create and return a new object.  See help(type) for accurate signature." };

/** Set each slot of a class from the dunders visible along its MRO (fixup_slot_dispatchers / update_one_slot). */
function fixup_slot_dispatchers(t: PyTypeObject): void {
  for (let i = 0; i < slotGroups.length; i++) update_one_slot(t, slotGroups[i]);
}

/** The rows of slotdefs gathered per slot, with their trampoline and interned names (computed once). */
interface SlotGroup {
  readonly slot: SlotName;
  readonly defs: readonly SlotDef[];
  /** The trampoline of the slot; null for a native-only slot (sq_concat, ...), which keeps its inherited value. */
  readonly tramp: Function | null;
  readonly names: readonly PyUnicodeObject[];
}
const slotGroups: SlotGroup[] = [];
const slotGroupsByName = new Map<string, SlotGroup[]>();
for (const [slot, defs] of slotdefsBySlot) {
  const g: SlotGroup = { slot, defs, tramp: defs.find((d) => d.tramp !== null)?.tramp ?? null,
    names: defs.map((d) => PyUnicode_InternFromString(d.name)) };
  slotGroups.push(g);
  for (const d of defs) {
    let gs = slotGroupsByName.get(d.name);
    if (gs === undefined) slotGroupsByName.set(d.name, gs = []);
    if (!gs.includes(g)) gs.push(g);
  }
}

function update_one_slot(t: PyTypeObject, g: SlotGroup): void {
  const tramp = g.tramp;
  if (tramp === null) return; // native-only slot (sq_concat, ...): keep the inherited value
  const slot = g.slot;
  const names = g.names;
  let native: Function | null | undefined = undefined;
  let useTramp = false;
  let found = false;
  for (let i = 0; i < names.length; i++) {
    // Uncached, as CPython's: a class being set up gets no cache hits.
    const descr = find_name_in_mro(t, names[i]);
    if (descr === null) continue;
    found = true;
    if (descr instanceof PyWrapperDescrObject && descr.d_base.slot === slot) {
      if (native === undefined) native = descr.d_wrapped;
      else if (native !== descr.d_wrapped) useTramp = true;
    } else if (slot === "tp_hash" && descr === Py_None) {
      native = PyObject_HashNotImplemented;
    } else if (slot === "tp_new" && descr instanceof PyCFunctionObject && descr.m_ml === tpNewWrapperDef) {
      native = (descr.m_self as PyTypeObject).tp_new;
    } else {
      useTramp = true;
    }
  }
  if (!found) {
    if (slot === "tp_getattro" || slot === "tp_setattro") return;
    // Keep inherited natives for slots whose dunder is missing from every dict (e.g. sq_length vs mp_length).
    if (slotIsShadowedElsewhere(slot)) return;
    // A class that lost its __next__ while a loop runs over one of its instances: that loop gets a TypeError.
    setSlot(t, slot, slot === "tp_iternext" ? _PyObject_NextNotImplemented : null);
    return;
  }
  if (useTramp || native === undefined) setSlot(t, slot, tramp);
  else setSlot(t, slot, native);
}

function slotIsShadowedElsewhere(slot: SlotName): boolean {
  return slot === "tp_finalize";
}

/** Re-derive the slots affected by setting `name` on a class (update_slot), in it and its subclasses. */
function update_slot(t: PyTypeObject, name: string): void {
  const groups = slotGroupsByName.get(name);
  if (groups === undefined) return;
  const visit = (x: PyTypeObject): void => {
    if (hasFlag(x, Py_TPFLAGS_HEAPTYPE)) for (const g of groups) update_one_slot(x, g);
    for (const s of x.tp_subclasses) visit(s);
  };
  visit(t);
}

/** update_all_slots: every slot of a class and its subclasses re-derived (after __bases__ assignment). */
function update_all_slots(t: PyTypeObject): void {
  PyType_Modified(t);
  const visit = (x: PyTypeObject): void => {
    if (hasFlag(x, Py_TPFLAGS_HEAPTYPE)) fixup_slot_dispatchers(x);
    for (const s of x.tp_subclasses) visit(s);
  };
  visit(t);
}

// ---- MRO ----

function typeName(v: PyVal): string {
  return v instanceof PyTypeObject ? v.tp_name : Py_TYPE(v).tp_name;
}

/** C3 linearisation (mro_implementation); raises CPython's TypeError for an inconsistent hierarchy. */
export function mro_implementation(t: PyTypeObject): PyTypeObject[] {
  const bases = (t.tp_bases as PyTupleObject).ob_item as PyTypeObject[];
  for (let i = 0; i < bases.length; i++) {
    for (let j = i + 1; j < bases.length; j++) {
      if (bases[i] === bases[j]) PyErr_Format(PyExc_TypeError, `duplicate base class ${bases[i].tp_name}`);
    }
  }
  if (bases.length === 1) return [t, ...bases[0].mro];
  const seqs: PyTypeObject[][] = bases.map((b) => b.mro.slice());
  seqs.push(bases.slice());
  const result: PyTypeObject[] = [t];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return result;
    let cand: PyTypeObject | null = null;
    for (const s of nonEmpty) {
      const c = s[0];
      if (!nonEmpty.some((o) => o.indexOf(c) > 0)) { cand = c; break; }
    }
    if (cand === null) {
      const heads: string[] = [];
      for (const s of nonEmpty) {
        const n = s[0].tp_name;
        if (!heads.includes(n)) heads.push(n);
      }
      return PyErr_Format(PyExc_TypeError,
        `Cannot create a consistent method resolution order (MRO) for bases ${heads.join(", ")}`);
    }
    result.push(cand);
    for (const s of seqs) if (s[0] === cand) s.shift();
  }
}

function mro_internal(t: PyTypeObject): void {
  let mro: PyTypeObject[];
  const meta = Py_TYPE(t);
  if (meta !== PyType_Type && _PyType_LookupStr(meta, "mro") !== typeMroDescr) {
    const r = PySequence_List(PyObject_Vectorcall(PyObject_GetAttr(t, PyUnicode_InternFromString("mro")), [], null));
    for (const x of r) {
      if (!(x instanceof PyTypeObject)) PyErr_Format(PyExc_TypeError, `mro() returned a non-class ('${typeName(x)}')`);
    }
    mro = r as PyTypeObject[];
    uncacheableTypes.add(t);
    t.tp_version_tag = 0;
  } else {
    mro = mro_implementation(t);
  }
  t.mro = mro;
  t.tp_mro = PyTuple_New(mro.slice());
}

let typeMroDescr: PyVal | null = null;

// ---- PyType_Ready ----

const INHERITED_FLAGS = Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_TUPLE_SUBCLASS |
  Py_TPFLAGS_BYTES_SUBCLASS | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS | Py_TPFLAGS_BASE_EXC_SUBCLASS |
  Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING;

/** Copy slots the type leaves empty from a base (inherit_slots); tp_hash and tp_richcompare go together. */
function inherit_slots(t: PyTypeObject, base: PyTypeObject): void {
  inherit_slot_fields(t, base);
  if (t.tp_richcompare === null && t.tp_hash === null && !explicitlyUnhashable.has(t)) {
    t.tp_richcompare = base.tp_richcompare;
    t.tp_hash = base.tp_hash;
  }
  inherit_layout(t, base);
}

/** The part of inherit_slots that is not slots: instance layout and the subclass flags. */
function inherit_layout(t: PyTypeObject, base: PyTypeObject): void {
  if (t.tp_dictoffset === 0) t.tp_dictoffset = base.tp_dictoffset;
  if (t.tp_nslots === 0) t.tp_nslots = base.tp_nslots;
  t.tp_flags |= base.tp_flags & INHERITED_FLAGS;
  if (hasFlag(base, Py_TPFLAGS_TYPE_SUBCLASS) || base === PyType_Type) t.tp_flags |= Py_TPFLAGS_TYPE_SUBCLASS;
}

/** COPYSLOT for each slot inherit_slots copies one by one: every slot of slotdefs but tp_hash, tp_richcompare
 *  and tp_new, which go by their own rules. Field by field: keyed access to a type's slots is megamorphic in V8. */
export function inherit_slot_fields(t: PyTypeObject, b: PyTypeObject): void {
  if (t.tp_getattro === null) t.tp_getattro = b.tp_getattro;
  if (t.tp_setattro === null) t.tp_setattro = b.tp_setattro; if (t.tp_repr === null) t.tp_repr = b.tp_repr;
  if (t.tp_call === null) t.tp_call = b.tp_call; if (t.tp_str === null) t.tp_str = b.tp_str;
  if (t.tp_iter === null) t.tp_iter = b.tp_iter; if (t.tp_iternext === null) t.tp_iternext = b.tp_iternext;
  if (t.tp_descr_get === null) t.tp_descr_get = b.tp_descr_get;
  if (t.tp_descr_set === null) t.tp_descr_set = b.tp_descr_set; if (t.tp_init === null) t.tp_init = b.tp_init;
  if (t.tp_finalize === null) t.tp_finalize = b.tp_finalize; if (t.am_await === null) t.am_await = b.am_await;
  if (t.am_aiter === null) t.am_aiter = b.am_aiter; if (t.am_anext === null) t.am_anext = b.am_anext;
  if (t.nb_add === null) t.nb_add = b.nb_add; if (t.nb_subtract === null) t.nb_subtract = b.nb_subtract;
  if (t.nb_multiply === null) t.nb_multiply = b.nb_multiply;
  if (t.nb_remainder === null) t.nb_remainder = b.nb_remainder; if (t.nb_divmod === null) t.nb_divmod = b.nb_divmod;
  if (t.nb_power === null) t.nb_power = b.nb_power; if (t.nb_negative === null) t.nb_negative = b.nb_negative;
  if (t.nb_positive === null) t.nb_positive = b.nb_positive;
  if (t.nb_absolute === null) t.nb_absolute = b.nb_absolute; if (t.nb_bool === null) t.nb_bool = b.nb_bool;
  if (t.nb_invert === null) t.nb_invert = b.nb_invert; if (t.nb_lshift === null) t.nb_lshift = b.nb_lshift;
  if (t.nb_rshift === null) t.nb_rshift = b.nb_rshift; if (t.nb_and === null) t.nb_and = b.nb_and;
  if (t.nb_xor === null) t.nb_xor = b.nb_xor; if (t.nb_or === null) t.nb_or = b.nb_or;
  if (t.nb_int === null) t.nb_int = b.nb_int; if (t.nb_float === null) t.nb_float = b.nb_float;
  if (t.nb_inplace_add === null) t.nb_inplace_add = b.nb_inplace_add;
  if (t.nb_inplace_subtract === null) t.nb_inplace_subtract = b.nb_inplace_subtract;
  if (t.nb_inplace_multiply === null) t.nb_inplace_multiply = b.nb_inplace_multiply;
  if (t.nb_inplace_remainder === null) t.nb_inplace_remainder = b.nb_inplace_remainder;
  if (t.nb_inplace_power === null) t.nb_inplace_power = b.nb_inplace_power;
  if (t.nb_inplace_lshift === null) t.nb_inplace_lshift = b.nb_inplace_lshift;
  if (t.nb_inplace_rshift === null) t.nb_inplace_rshift = b.nb_inplace_rshift;
  if (t.nb_inplace_and === null) t.nb_inplace_and = b.nb_inplace_and;
  if (t.nb_inplace_xor === null) t.nb_inplace_xor = b.nb_inplace_xor;
  if (t.nb_inplace_or === null) t.nb_inplace_or = b.nb_inplace_or;
  if (t.nb_floor_divide === null) t.nb_floor_divide = b.nb_floor_divide;
  if (t.nb_true_divide === null) t.nb_true_divide = b.nb_true_divide;
  if (t.nb_inplace_floor_divide === null) t.nb_inplace_floor_divide = b.nb_inplace_floor_divide;
  if (t.nb_inplace_true_divide === null) t.nb_inplace_true_divide = b.nb_inplace_true_divide;
  if (t.nb_index === null) t.nb_index = b.nb_index;
  if (t.nb_matrix_multiply === null) t.nb_matrix_multiply = b.nb_matrix_multiply;
  if (t.nb_inplace_matrix_multiply === null) t.nb_inplace_matrix_multiply = b.nb_inplace_matrix_multiply;
  if (t.mp_length === null) t.mp_length = b.mp_length; if (t.mp_subscript === null) t.mp_subscript = b.mp_subscript;
  if (t.mp_ass_subscript === null) t.mp_ass_subscript = b.mp_ass_subscript;
  if (t.sq_length === null) t.sq_length = b.sq_length; if (t.sq_concat === null) t.sq_concat = b.sq_concat;
  if (t.sq_repeat === null) t.sq_repeat = b.sq_repeat; if (t.sq_item === null) t.sq_item = b.sq_item;
  if (t.sq_contains === null) t.sq_contains = b.sq_contains;
  if (t.sq_inplace_concat === null) t.sq_inplace_concat = b.sq_inplace_concat;
  if (t.sq_inplace_repeat === null) t.sq_inplace_repeat = b.sq_inplace_repeat;
}

/** Every slot field of slotdefs, copied from the type whose slots a new class shares (type_new_set_slots). */
export function copy_slot_fields(t: PyTypeObject, b: PyTypeObject): void {
  t.tp_getattro = b.tp_getattro; t.tp_setattro = b.tp_setattro; t.tp_repr = b.tp_repr; t.tp_hash = b.tp_hash;
  t.tp_call = b.tp_call; t.tp_str = b.tp_str; t.tp_richcompare = b.tp_richcompare; t.tp_iter = b.tp_iter;
  t.tp_iternext = b.tp_iternext; t.tp_descr_get = b.tp_descr_get; t.tp_descr_set = b.tp_descr_set;
  t.tp_init = b.tp_init; t.tp_new = b.tp_new; t.tp_finalize = b.tp_finalize; t.am_await = b.am_await;
  t.am_aiter = b.am_aiter; t.am_anext = b.am_anext; t.nb_add = b.nb_add; t.nb_subtract = b.nb_subtract;
  t.nb_multiply = b.nb_multiply; t.nb_remainder = b.nb_remainder; t.nb_divmod = b.nb_divmod; t.nb_power = b.nb_power;
  t.nb_negative = b.nb_negative; t.nb_positive = b.nb_positive; t.nb_absolute = b.nb_absolute; t.nb_bool = b.nb_bool;
  t.nb_invert = b.nb_invert; t.nb_lshift = b.nb_lshift; t.nb_rshift = b.nb_rshift; t.nb_and = b.nb_and;
  t.nb_xor = b.nb_xor; t.nb_or = b.nb_or; t.nb_int = b.nb_int; t.nb_float = b.nb_float;
  t.nb_inplace_add = b.nb_inplace_add; t.nb_inplace_subtract = b.nb_inplace_subtract;
  t.nb_inplace_multiply = b.nb_inplace_multiply; t.nb_inplace_remainder = b.nb_inplace_remainder;
  t.nb_inplace_power = b.nb_inplace_power; t.nb_inplace_lshift = b.nb_inplace_lshift;
  t.nb_inplace_rshift = b.nb_inplace_rshift; t.nb_inplace_and = b.nb_inplace_and;
  t.nb_inplace_xor = b.nb_inplace_xor; t.nb_inplace_or = b.nb_inplace_or; t.nb_floor_divide = b.nb_floor_divide;
  t.nb_true_divide = b.nb_true_divide; t.nb_inplace_floor_divide = b.nb_inplace_floor_divide;
  t.nb_inplace_true_divide = b.nb_inplace_true_divide; t.nb_index = b.nb_index;
  t.nb_matrix_multiply = b.nb_matrix_multiply; t.nb_inplace_matrix_multiply = b.nb_inplace_matrix_multiply;
  t.mp_length = b.mp_length; t.mp_subscript = b.mp_subscript; t.mp_ass_subscript = b.mp_ass_subscript;
  t.sq_length = b.sq_length; t.sq_concat = b.sq_concat; t.sq_repeat = b.sq_repeat; t.sq_item = b.sq_item;
  t.sq_contains = b.sq_contains; t.sq_inplace_concat = b.sq_inplace_concat;
  t.sq_inplace_repeat = b.sq_inplace_repeat;
}

/** Types whose table says tp_hash: null on purpose (mutable containers). */
const explicitlyUnhashable = new Set<PyTypeObject>();

export function PyType_Ready(t: PyTypeObject): void {
  if (hasFlag(t, Py_TPFLAGS_READY)) return;
  if (hasFlag(t, Py_TPFLAGS_READYING)) return;
  t.tp_flags |= Py_TPFLAGS_READYING;
  if (t.ob_type === null || t.ob_type === undefined) t.ob_type = PyType_Type;
  let base: PyTypeObject | null = t.tp_base;
  if (base === null && t.tp_base_thunk !== null) base = t.tp_base_thunk();
  if (base === null && t !== PyBaseObject_Type) base = PyBaseObject_Type;
  t.tp_base = base;
  if (base !== null) PyType_Ready(base);
  const bases = t.tp_bases_thunk !== null ? t.tp_bases_thunk().slice() : base !== null ? [base] : [];
  for (const b of bases) PyType_Ready(b);
  if (t.tp_bases === null) t.tp_bases = PyTuple_New(bases);
  if (t === PyType_Type) t.tp_flags |= Py_TPFLAGS_TYPE_SUBCLASS;
  // The dict: operators the type defines itself, then methods, members, getsets, __doc__.
  if (t.tp_dict === null) {
    t.tp_dict = PyDict_New();
    add_operators(t);
    const dict = t.tp_dict as PyDictObject;
    for (const ml of t.tp_methods) {
      const key = PyUnicode_InternFromString(ml.name);
      if (PyDict_GetItemStr(dict, key) !== undefined && !(ml.flags & 0x40)) continue;
      let v: PyVal;
      if (ml.flags & METH_STATIC) v = staticMethodHook(new PyCFunctionObject(ml, null, null, t));
      else v = PyDescr_NewMethod(t, ml);
      PyDict_SetItem(dict, key, v);
    }
    for (const m of t.tp_members) PyDict_SetItem(dict, PyUnicode_InternFromString(m.name), new PyMemberDescrObject(t, m));
    for (const g of t.tp_getset) PyDict_SetItem(dict, PyUnicode_InternFromString(g.name), new PyGetSetDescrObject(t, g));
    const docKey = PyUnicode_InternFromString("__doc__");
    if (PyDict_GetItemStr(dict, docKey) === undefined) {
      // type_dict_set_doc: a static type's internal doc without its "name(signature)\n--\n\n" line.
      PyDict_SetItem(dict, docKey, _PyType_GetDocFromInternalDoc(t.tp_name, t.tp_doc));
    }
  }
  if (t.tp_richcompare !== null && t.tp_hash === null && !hasFlag(t, Py_TPFLAGS_HEAPTYPE)) explicitlyUnhashable.add(t);
  // MRO, then slot inheritance from every base along it.
  if (bases.length <= 1) {
    t.mro = base === null ? [t] : [t, ...base.mro];
    t.tp_mro = PyTuple_New(t.mro.slice());
  } else {
    mro_internal(t);
  }
  for (let i = 1; i < t.mro.length; i++) inherit_slots(t, t.mro[i]);
  if (t.tp_new === null && !hasFlag(t, Py_TPFLAGS_HEAPTYPE)) {
    if (base === PyBaseObject_Type || base === null) t.tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
    else t.tp_new = base!.tp_new;
  }
  // type_ready_set_hash: a type without tp_hash gets __hash__ = None.
  const dict = t.tp_dict as PyDictObject;
  if (t.tp_hash === null) {
    const hk = PyUnicode_InternFromString("__hash__");
    if (PyDict_GetItemStr(dict, hk) === undefined) PyDict_SetItem(dict, hk, Py_None);
    t.tp_hash = PyObject_HashNotImplemented;
  }
  for (const b of bases) if (!b.tp_subclasses.includes(t)) b.tp_subclasses.push(t);
  assign_version_tag(t);
  t.tp_flags = (t.tp_flags & ~Py_TPFLAGS_READYING) | Py_TPFLAGS_READY;
}

let staticMethodHook: (f: PyVal) => PyVal = (f) => f;
export function _PyType_InstallStaticMethod(f: (fn: PyVal) => PyVal): void {
  staticMethodHook = f;
}

/** Ready every static type (CPython's _PyTypes_InitTypes). */
export function _PyTypes_InitTypes(): void {
  for (const t of staticTypes) PyType_Ready(t);
  typeMroDescr = _PyType_LookupStr(PyType_Type, "mro");
  objectInitSubclass = PyDict_GetItemStr(PyBaseObject_Type.tp_dict as PyDictObject, S__init_subclass__);
}

/** object.__init_subclass__ (a classmethod descriptor), which type_new need not call. */
let objectInitSubclass: PyVal | undefined = undefined;

// ---- the `object` type ----

function object_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  if (args.length > 0) {
    if (type.tp_new !== object_new) {
      return PyErr_Format(PyExc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (type.tp_init === object_init) {
      return PyErr_Format(PyExc_TypeError, `${type.tp_name}() takes no arguments`);
    }
  }
  void kwnames;
  if (hasFlag(type, Py_TPFLAGS_IS_ABSTRACT)) {
    const am = _PyObject_LookupAttr(type, PyUnicode_InternFromString("__abstractmethods__"));
    const names = am !== undefined ? PySequence_List(am).map((x) => (x as PyUnicodeObject).value).sort() : [];
    const joined = names.map((n) => `'${n}'`).join(", ");
    return PyErr_Format(PyExc_TypeError,
      `Can't instantiate abstract class ${type.tp_name} without an implementation for abstract method${names.length > 1 ? "s" : ""} ${joined}`);
  }
  return new PyHeapObject(type);
}

function object_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  void kwnames;
  if (args.length > 0) {
    const type = Py_TYPE(self);
    if (type.tp_init !== object_init) {
      PyErr_Format(PyExc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    }
    if (type.tp_new === object_new) {
      PyErr_Format(PyExc_TypeError, `${type.tp_name}.__init__() takes exactly one argument (the instance to initialize)`);
    }
  }
}

function moduleNameOf(t: PyTypeObject): string {
  if (hasFlag(t, Py_TPFLAGS_HEAPTYPE)) {
    const m = PyDict_GetItemStr(t.tp_dict as PyDictObject, PyUnicode_InternFromString("__module__"));
    return m !== undefined && PyUnicode_Check(m) ? m.value : "builtins";
  }
  const dot = t.tp_name.lastIndexOf(".");
  return dot >= 0 ? t.tp_name.slice(0, dot) : "builtins";
}

function object_repr(self: PyVal): PyUnicodeObject {
  const t = Py_TYPE(self);
  const mod = moduleNameOf(t);
  const name = mod !== "builtins" ? `${mod}.${t.tp_qualname}` : t.tp_qualname;
  return hooks.str(`<${name} object at ${addressOf(self)}>`);
}

function object_str(self: PyVal): PyUnicodeObject {
  const f = Py_TYPE(self).tp_repr;
  return f === null ? object_repr(self) : PyObject_Repr(self);
}

let idHash: (o: PyVal) => number = () => 0;
export function _PyType_InstallIdHash(f: (o: PyVal) => number): void {
  idHash = f;
}
function object_hash(self: PyVal): number {
  const h = idHash(self);
  Py_HashHi[0] = 0;
  return h;
}

function object_richcompare(self: PyVal, other: PyVal, op: number): PyVal {
  switch (op) {
    case Py_EQ:
      return self === other ? PyBool_FromLong(true) : Py_NotImplemented;
    case Py_NE: {
      // By default __ne__ delegates to __eq__ and inverts the result, unless that is NotImplemented.
      const eq = Py_TYPE(self).tp_richcompare;
      if (eq === null) return Py_NotImplemented;
      const r = eq(self, other, Py_EQ);
      if (r === Py_NotImplemented) return r;
      return PyBool_FromLong(!PyObject_IsTrue(r));
    }
    default:
      return Py_NotImplemented;
  }
}

function object_get_class(self: PyVal): PyVal {
  return Py_TYPE(self);
}

function object_set_class(self: PyVal, v: PyVal | null): void {
  if (v === null) { PyErr_Format(PyExc_TypeError, "can't delete __class__ attribute"); }
  if (!(v instanceof PyTypeObject)) {
    PyErr_Format(PyExc_TypeError, `__class__ must be set to a class, not '${Py_TYPE(v!).tp_name}' object`);
  }
  const nt = v as PyTypeObject;
  const ot = Py_TYPE(self);
  if (typeof self === "number" || !hasFlag(nt, Py_TPFLAGS_HEAPTYPE) || !hasFlag(ot, Py_TPFLAGS_HEAPTYPE) ||
    solidBase(nt) !== solidBase(ot) || nt.tp_dictoffset !== ot.tp_dictoffset || nt.tp_nslots !== ot.tp_nslots) {
    if (!hasFlag(nt, Py_TPFLAGS_HEAPTYPE) || !hasFlag(ot, Py_TPFLAGS_HEAPTYPE)) {
      PyErr_Format(PyExc_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    }
    PyErr_Format(PyExc_TypeError, `__class__ assignment: '${nt.tp_name}' object layout differs from '${ot.tp_name}'`);
  }
  (self as PyObject).ob_type = nt;
}

function object_format(self: PyVal, spec: PyVal): PyVal {
  if (!PyUnicode_Check(spec)) return PyErr_Format(PyExc_TypeError, `format() argument 2 must be str, not ${Py_TYPE(spec).tp_name}`);
  if (spec.value.length > 0) {
    return PyErr_Format(PyExc_TypeError, `unsupported format string passed to ${Py_TYPE(self).tp_name}.__format__`);
  }
  return PyObject_Str(self);
}

/** dir(obj) default: instance dict keys plus attributes of the class and its bases. */
function object_dir(self: PyVal): PyVal {
  const names = new Map<string, PyVal>();
  const d = _PyObject_GetDict(self, false);
  if (d !== null) for (const k of PyDict_Keys(d)) if (PyUnicode_Check(k)) names.set(k.value, k);
  const cls = _PyObject_LookupAttr(self, PyUnicode_InternFromString("__class__"));
  if (cls instanceof PyTypeObject) for (const [k, v] of typeDirNames(cls)) names.set(k, v);
  return PyList_New([...names.values()]);
}

function typeDirNames(t: PyTypeObject): Map<string, PyVal> {
  const names = new Map<string, PyVal>();
  for (const b of t.mro) {
    for (const k of PyDict_Keys(b.tp_dict as PyDictObject)) if (PyUnicode_Check(k) && !names.has(k.value)) names.set(k.value, k);
  }
  return names;
}

function object_init_subclass(): PyVal {
  return Py_None;
}

/** object.__reduce_ex__ (object___reduce_ex___impl): a __reduce__ overridden by the class wins. */
function object_reduce_ex(self: PyVal, protocol: PyVal): PyVal {
  const proto = PyNumber_Index(protocol);
  const reduce = _PyObject_LookupAttr(self, PyUnicode_InternFromString("__reduce__"));
  if (reduce !== undefined) {
    const clsreduce = PyObject_GetAttr(Py_TYPE(self), PyUnicode_InternFromString("__reduce__"));
    if (clsreduce !== objectReduceDescr()) return PyObject_Vectorcall(reduce, [], null);
  }
  return reduceHook(self, proto);
}
function objectReduceDescr(): PyVal | undefined {
  return PyDict_GetItemString(PyBaseObject_Type.tp_dict as PyDictObject, "__reduce__");
}
/** _common_reduce: reduce_newobj for protocol 2 and up, copyreg._reduce_ex below. */
function common_reduce(self: PyVal, protocol: PyVal): PyVal {
  const p = longValue(protocol);
  if (p >= 2) return reduce_newobj(self);
  return PyObject_Vectorcall(PyObject_GetAttr(copyreg(), PyUnicode_InternFromString("_reduce_ex")), [self, protocol], null);
}
let reduceHook: (self: PyVal, protocol: PyVal) => PyVal = common_reduce;
export function _PyType_InstallReduce(f: (self: PyVal, protocol: PyVal) => PyVal): void {
  reduceHook = f;
}
let copyregImporter: (() => PyVal) | null = null;
/** Installed by the runtime: import copyreg (CPython's import_copyreg). */
export function _PyType_InstallCopyregImporter(f: () => PyVal): void {
  copyregImporter = f;
}
function copyreg(): PyVal {
  if (copyregImporter === null) return PyErr_Format(PyExc_RuntimeError, "copyreg is not available");
  return copyregImporter();
}

/** _PyObject_GetNewArguments: __getnewargs_ex__, else __getnewargs__, else none. */
function getNewArguments(obj: PyVal): [PyVal | null, PyVal | null] {
  const gx = _PyObject_LookupSpecial(obj, "__getnewargs_ex__");
  if (gx !== undefined) {
    const r = PyObject_Vectorcall(gx, [], null);
    if (!PyTuple_Check(r)) {
      return PyErr_Format(PyExc_TypeError, `__getnewargs_ex__ should return a tuple, not '${Py_TYPE(r).tp_name}'`);
    }
    if (r.ob_item.length !== 2) {
      return PyErr_Format(PyExc_ValueError, `__getnewargs_ex__ should return a tuple of length 2, not ${r.ob_item.length}`);
    }
    const [a, k] = r.ob_item as [PyVal, PyVal];
    if (!PyTuple_Check(a)) {
      return PyErr_Format(PyExc_TypeError,
        `first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '${Py_TYPE(a).tp_name}'`);
    }
    if (!PyDict_Check(k)) {
      return PyErr_Format(PyExc_TypeError,
        `second item of the tuple returned by __getnewargs_ex__ must be a dict, not '${Py_TYPE(k).tp_name}'`);
    }
    return [a, k];
  }
  const g = _PyObject_LookupSpecial(obj, "__getnewargs__");
  if (g !== undefined) {
    const a = PyObject_Vectorcall(g, [], null);
    if (!PyTuple_Check(a)) {
      return PyErr_Format(PyExc_TypeError, `__getnewargs__ should return a tuple, not '${Py_TYPE(a).tp_name}'`);
    }
    return [a, null];
  }
  return [null, null];
}

/** reduce_newobj: (copyreg.__newobj__ or __newobj_ex__, args, state, listitems, dictitems). */
function reduce_newobj(obj: PyVal): PyVal {
  const t = Py_TYPE(obj);
  if (t.tp_new === null) return PyErr_Format(PyExc_TypeError, `cannot pickle '${t.tp_name}' object`);
  const [args, kwargs] = getNewArguments(obj);
  const cr = copyreg();
  let newobj: PyVal, newargs: PyVal;
  if (kwargs === null || (kwargs as PyDictObject).ma_used === 0) {
    newobj = PyObject_GetAttr(cr, PyUnicode_InternFromString("__newobj__"));
    newargs = PyTuple_New([t, ...(args === null ? [] : (args as PyTupleObject).ob_item)]);
  } else if (args !== null) {
    newobj = PyObject_GetAttr(cr, PyUnicode_InternFromString("__newobj_ex__"));
    newargs = PyTuple_New([t, args, kwargs]);
  } else {
    return PyErr_Format(PyExc_SystemError, "bad argument type for built-in operation");
  }
  const state = getstateOf(obj, !(args !== null || PyList_Check(obj) || PyDict_Check(obj)));
  const listitems = PyList_Check(obj) ? PyObject_GetIter(obj) : Py_None;
  const dictitems = PyDict_Check(obj) ? PyObject_GetIter(PyObject_CallMethod(obj, "items", [])) : Py_None;
  return PyTuple_New([newobj, newargs, state, listitems, dictitems]);
}

/** object_getstate: the default __getstate__ gets `required`; an override is called. */
function getstateOf(obj: PyVal, required: boolean): PyVal {
  const gs = PyObject_GetAttr(obj, PyUnicode_InternFromString("__getstate__"));
  if (gs instanceof PyCFunctionObject && gs.m_self === obj && gs.m_ml.meth === object_getstate) {
    return object_getstate_default(obj, required);
  }
  return PyObject_Vectorcall(gs, [], null);
}

/** _PyType_GetSlotNames: cls.__dict__['__slotnames__'], else copyreg._slotnames(cls). */
function slotNamesOf(t: PyTypeObject): PyVal {
  const cached = PyDict_GetItemString(t.tp_dict as PyDictObject, "__slotnames__");
  if (cached !== undefined) {
    if (cached !== Py_None && !PyList_Check(cached)) {
      return PyErr_Format(PyExc_TypeError, `${t.tp_name}.__slotnames__ should be a list or None, not ${Py_TYPE(cached).tp_name}`);
    }
    return cached;
  }
  const r = PyObject_Vectorcall(PyObject_GetAttr(copyreg(), PyUnicode_InternFromString("_slotnames")), [t], null);
  if (r !== Py_None && !PyList_Check(r)) return PyErr_Format(PyExc_TypeError, "copyreg._slotnames didn't return a list or None");
  return r;
}

/** object_getstate_default: the instance dict (or None) and a dict of the set __slots__ values. */
function object_getstate_default(obj: PyVal, required: boolean): PyVal {
  const t = Py_TYPE(obj);
  const d = _PyObject_GetDict(obj, false);
  let state: PyVal = d === null || d.ma_used === 0 ? Py_None : PyDict_Copy(d);
  const slotnames = slotNamesOf(t);
  // CPython compares tp_basicsize with object's plus __dict__, __weakref__ and the slots: more means C-level data.
  let native: PyTypeObject | null = t;
  while (native !== null && hasFlag(native, Py_TPFLAGS_HEAPTYPE)) native = native.tp_base;
  if (required && native !== PyBaseObject_Type) {
    return PyErr_Format(PyExc_TypeError, `cannot pickle '${t.tp_name}' object`);
  }
  if (PyList_Check(slotnames) && slotnames.ob_item.length > 0) {
    const slots = PyDict_New();
    for (const name of slotnames.ob_item) {
      const v = _PyObject_LookupAttr(obj, name as PyUnicodeObject);
      if (v !== undefined) PyDict_SetItem(slots, name, v);
    }
    if (slots.ma_used > 0) state = PyTuple_New([state, slots]);
  }
  return state;
}

function object_getstate(self: PyVal): PyVal {
  return object_getstate_default(self, false);
}

PyType_FromSpecStatic({
  name: "object",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n",
  slots: {
    tp_repr: object_repr, tp_str: object_str, tp_hash: object_hash, tp_richcompare: object_richcompare,
    tp_getattro: PyObject_GenericGetAttr, tp_setattro: PyObject_GenericSetAttr,
    tp_init: object_init, tp_new: object_new,
  },
  methods: [
    { name: "__reduce_ex__", meth: object_reduce_ex, flags: METH_O },
    { name: "__reduce__", meth: (s: PyVal) => reduceHook(s, 0), flags: METH_NOARGS },
    { name: "__getstate__", meth: object_getstate, flags: METH_NOARGS },
    { name: "__subclasshook__", meth: () => Py_NotImplemented, flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
      doc: "Abstract classes can override this to customize issubclass()." },
    { name: "__init_subclass__", meth: object_init_subclass, flags: METH_NOARGS | METH_CLASS,
      doc: "This method is called when a class is subclassed.\n\nThe default implementation does nothing. It may be\noverridden to extend subclasses.\n" },
    { name: "__format__", meth: object_format, flags: METH_O },
    { name: "__sizeof__", meth: () => 16, flags: METH_NOARGS },
    { name: "__dir__", meth: object_dir, flags: METH_NOARGS },
  ],
  getset: [{ name: "__class__", get: object_get_class, set: object_set_class }],
}, PyBaseObject_Type);

// ---- the `type` type ----

function type_repr(self: PyVal): PyUnicodeObject {
  const t = self as PyTypeObject;
  const mod = moduleNameOf(t);
  if (mod !== "builtins") return hooks.str(`<class '${mod}.${t.tp_qualname}'>`);
  return hooks.str(`<class '${t.tp_qualname}'>`);
}

function type_call(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const type = self as PyTypeObject;
  if (type === PyType_Type && args.length === 1 && (kwnames === null || kwnames.length === 0)) return Py_TYPE(args[0]);
  if (type.tp_new === null || hasFlag(type, Py_TPFLAGS_DISALLOW_INSTANTIATION)) {
    return PyErr_Format(PyExc_TypeError, `cannot create '${type.tp_name}' instances`);
  }
  const obj = type.tp_new(type, args, kwnames);
  if (!PyType_IsSubtype(Py_TYPE(obj), type)) return obj;
  const init = Py_TYPE(obj).tp_init;
  if (init !== null) init(obj, args, kwnames);
  return obj;
}

function type_getattro(self: PyVal, name: PyUnicodeObject, suppress: boolean): PyVal | undefined {
  const type = self as PyTypeObject;
  const metatype = Py_TYPE(type);
  const meta_attribute = _PyType_Lookup(metatype, name);
  let meta_get = null;
  if (meta_attribute !== null) {
    const mt = Py_TYPE(meta_attribute);
    meta_get = mt.tp_descr_get;
    if (meta_get !== null && mt.tp_descr_set !== null) return meta_get(meta_attribute, type, metatype);
  }
  const attribute = _PyType_Lookup(type, name);
  if (attribute !== null) {
    const local_get = Py_TYPE(attribute).tp_descr_get;
    if (local_get !== null) return local_get(attribute, null, type);
    return attribute;
  }
  if (meta_get !== null) return meta_get(meta_attribute!, type, metatype);
  if (meta_attribute !== null) return meta_attribute;
  if (suppress) return undefined;
  return raiseAttributeError(type, name, `type object '${type.tp_name}' has no attribute '${name.value}'`);
}

function type_setattro(self: PyVal, name: PyUnicodeObject, value: PyVal | null): void {
  const type = self as PyTypeObject;
  if (hasFlag(type, Py_TPFLAGS_IMMUTABLETYPE)) {
    PyErr_Format(PyExc_TypeError,
      `cannot ${value === null ? "delete" : "set"} '${name.value}' attribute of immutable type '${type.tp_name}'`);
  }
  const metatype = Py_TYPE(type);
  const descr = _PyType_Lookup(metatype, name);
  if (descr !== null) {
    const f = Py_TYPE(descr).tp_descr_set;
    if (f !== null) { f(descr, type, value); PyType_Modified(type); return; }
  }
  const dict = type.tp_dict as PyDictObject;
  const key = PyUnicode_InternFromString(name.value);
  if (value === null) {
    if (!PyDict_DelItemIf(dict, key)) {
      raiseAttributeError(type, name, `type object '${type.tp_name}' has no attribute '${name.value}'`);
    }
  } else {
    PyDict_SetItem(dict, key, value);
  }
  PyType_Modified(type);
  if (name.value.startsWith("__") && name.value.endsWith("__")) update_slot(type, name.value);
}

function type_new(metatype: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (metatype === PyType_Type && npos === 1 && nkw === 0) return Py_TYPE(args[0]);
  if (npos !== 3) return PyErr_Format(PyExc_TypeError, "type() takes 1 or 3 arguments");
  const [nameArg, basesArg, dictArg] = args;
  if (!PyUnicode_Check(nameArg)) {
    return PyErr_Format(PyExc_TypeError, `type.__new__() argument 1 must be str, not ${Py_TYPE(nameArg).tp_name}`);
  }
  if (!PyTuple_Check(basesArg)) {
    return PyErr_Format(PyExc_TypeError, `type.__new__() argument 2 must be tuple, not ${Py_TYPE(basesArg).tp_name}`);
  }
  if (!PyDict_Check(dictArg)) {
    return PyErr_Format(PyExc_TypeError, `type.__new__() argument 3 must be dict, not ${Py_TYPE(dictArg).tp_name}`);
  }
  // type_new_get_bases: a base with __mro_entries__ is refused before the metatype is calculated.
  for (const b of basesArg.ob_item) {
    if (!(b instanceof PyTypeObject) && _PyObject_LookupAttr(b, PyUnicode_InternFromString("__mro_entries__")) !== undefined) {
      return PyErr_Format(PyExc_TypeError, "type() doesn't support MRO entry resolution; use types.new_class()");
    }
  }
  // Determine the proper metatype (_PyType_CalculateMetaclass).
  let winner = metatype;
  for (const b of basesArg.ob_item) {
    const bt = Py_TYPE(b);
    if (PyType_IsSubtype(winner, bt)) continue;
    if (PyType_IsSubtype(bt, winner)) { winner = bt; continue; }
    return PyErr_Format(PyExc_TypeError,
      "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
  }
  if (winner !== metatype && winner.tp_new !== type_new) return winner.tp_new!(winner, args, kwnames);
  let bases = basesArg.ob_item.slice();
  for (const b of bases) {
    if (!(b instanceof PyTypeObject)) {
      if (_PyObject_LookupAttr(b, PyUnicode_InternFromString("__mro_entries__")) !== undefined) {
        return PyErr_Format(PyExc_TypeError, "type() doesn't support MRO entry resolution; use types.new_class()");
      }
      return PyErr_Format(PyExc_TypeError, `bases must be types`);
    }
    if (!hasFlag(b, Py_TPFLAGS_BASETYPE)) {
      return PyErr_Format(PyExc_TypeError, `type '${b.tp_name}' is not an acceptable base type`);
    }
  }
  if (bases.length === 0) bases = [PyBaseObject_Type];
  const base = best_base(bases as PyTypeObject[]);
  const dict = PyDict_Copy(dictArg);
  const t = new PyTypeObject(winner, nameArg.value);
  t.tp_flags = Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | (hasFlag(base, Py_TPFLAGS_HAVE_GC_) ? 0 : 0);
  t.tp_base = base;
  t.tp_bases = PyTuple_New(bases);
  t.tp_dict = dict;
  const k = (s: string): PyUnicodeObject => PyUnicode_InternFromString(s);
  // __module__ from the caller's globals, __qualname__ from the namespace.
  if (PyDict_GetItemStr(dict, S__module__) === undefined) {
    const mod = currentModuleName();
    if (mod !== null) PyDict_SetItem(dict, S__module__, mod);
  }
  const qn = PyDict_GetItemStr(dict, S__qualname__);
  if (qn !== undefined) {
    if (!PyUnicode_Check(qn)) return PyErr_Format(PyExc_TypeError, `type __qualname__ must be a str, not ${Py_TYPE(qn).tp_name}`);
    t.tp_qualname = qn.value;
    PyDict_DelItemIf(dict, S__qualname__);
  }
  // __new__ is a staticmethod, __init_subclass__ and __class_getitem__ classmethods.
  const fnew = PyDict_GetItemStr(dict, S__new__);
  if (fnew !== undefined && isPythonFunction(fnew)) PyDict_SetItem(dict, S__new__, staticMethodHook(fnew));
  for (const n of [S__init_subclass__, S__class_getitem__]) {
    const f = PyDict_GetItemStr(dict, n);
    if (f !== undefined && isPythonFunction(f)) PyDict_SetItem(dict, n, classMethodHook(f));
  }
  // __slots__.
  const slotsArg = PyDict_GetItemStr(dict, S__slots__);
  // Instances of a metaclass are types: their namespace is tp_dict (type has __dict__), never an instance dict.
  let addDict = base.tp_dictoffset === 0 && !base.mro.includes(PyType_Type);
  const ownSlots: string[] = [];
  if (slotsArg !== undefined) {
    const names = PyUnicode_Check(slotsArg) ? [slotsArg] : PySequence_List(slotsArg);
    addDict = false;
    for (const n of names) {
      if (!PyUnicode_Check(n)) return PyErr_Format(PyExc_TypeError, `__slots__ items must be strings, not '${Py_TYPE(n).tp_name}'`);
      if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(n.value)) return PyErr_Format(PyExc_TypeError, "__slots__ must be identifiers");
      if (n.value === "__dict__") {
        if (base.tp_dictoffset !== 0 || addDict) return PyErr_Format(PyExc_TypeError, "__dict__ slot disallowed: we already got one");
        addDict = true;
        continue;
      }
      if (n.value === "__weakref__") continue;
      const mangled = mangle(t.tp_qualname, nameArg.value, n.value);
      if (PyDict_GetItemStr(dict, k(mangled)) !== undefined) {
        return PyErr_Format(PyExc_ValueError_(), `'${mangled}' in __slots__ conflicts with class variable`);
      }
      ownSlots.push(mangled);
    }
    if (ownSlots.length > 0 && base.tp_nslots === 0 && base !== PyBaseObject_Type && !hasFlag(base, Py_TPFLAGS_HEAPTYPE)
      && base.tp_new !== object_new && base.tp_dictoffset === 0) {
      // Slots on a native base with a different layout: stored in the side table.
    }
  }
  t.ht_slots = ownSlots;
  t.tp_nslots = base.tp_nslots + ownSlots.length;
  if (addDict) t.tp_dictoffset = base === PyBaseObject_Type || base.tp_new === object_new || isHeapObjectLayout(base) ? 1 : -1;
  else t.tp_dictoffset = base.tp_dictoffset;
  ownSlots.forEach((name, i) => {
    const index = base.tp_nslots + i;
    PyDict_SetItem(dict, k(name), new PyMemberDescrObject(t, {
      name,
      get: (obj) => {
        const v = slotStorage(obj)[index];
        if (v === null || v === undefined) return raiseAttributeError(obj, k(name), `'${Py_TYPE(obj).tp_name}' object has no attribute '${name}'`);
        return v;
      },
      set: (obj, v) => {
        const s = slotStorage(obj);
        if (v === null && (s[index] === null || s[index] === undefined)) {
          PyErr_Format(PyExc_AttributeError, name); // PyMember_SetOne: the bare member name, as 3.13
        }
        s[index] = v;
      },
    }));
  });
  // __dict__ and __weakref__ descriptors, then __doc__.
  if (addDict && PyDict_GetItemStr(dict, S__dict__) === undefined && !base.mro.some((b) => hasFlag(b, Py_TPFLAGS_HEAPTYPE) && b.tp_dictoffset !== 0)) {
    PyDict_SetItem(dict, S__dict__, new PyGetSetDescrObject(t, subtype_dict_getset));
  }
  if (slotsArg === undefined && PyDict_GetItemStr(dict, S__weakref__) === undefined &&
    !base.mro.some((b) => hasFlag(b, Py_TPFLAGS_HEAPTYPE))) {
    PyDict_SetItem(dict, S__weakref__, new PyGetSetDescrObject(t, subtype_weakref_getset));
  }
  const doc = PyDict_GetItemStr(dict, S__doc__);
  if (doc === undefined) PyDict_SetItem(dict, S__doc__, Py_None);
  else if (PyUnicode_Check(doc)) t.tp_doc = doc.value;
  // __classcell__.
  const cell = PyDict_GetItemStr(dict, S__classcell__);
  if (cell !== undefined) {
    if (!setCellHook(cell, t)) {
      return PyErr_Format(PyExc_TypeError, `__classcell__ must be a nonlocal cell, not ${Py_TYPE(cell).tp_name}`);
    }
    PyDict_DelItemIf(dict, S__classcell__);
  }
  // Equality without hashing makes instances unhashable.
  if (PyDict_GetItemStr(dict, S__eq__) !== undefined && PyDict_GetItemStr(dict, S__hash__) === undefined) {
    PyDict_SetItem(dict, S__hash__, Py_None);
  }
  mro_internal(t);
  t.tp_flags |= Py_TPFLAGS_READY;
  for (const b of bases as PyTypeObject[]) b.tp_subclasses.push(t);
  assign_version_tag(t);
  type_new_set_slots(t, base, dict);
  type_new_set_names(t, dict);
  type_new_init_subclass(t, args, kwnames);
  return t;
}

/** __set_name__ on each attribute, over a copy of the namespace as CPython's (type_new_set_names). */
function type_new_set_names(t: PyTypeObject, dict: PyDictObject): void {
  const n = dict.dk_nentries;
  const keys = dict.me_key.slice(0, n), values = dict.me_value.slice(0, n);
  for (let j = 0; j < n; j++) {
    const key = keys[j];
    if (key === null) continue;
    const v = values[j]!;
    const vt = Py_TYPE(v);
    const setName = _PyType_Lookup(vt, S__set_name__);
    if (setName === null) continue;
    try {
      const st = Py_TYPE(setName);
      if (hasFlag(st, Py_TPFLAGS_METHOD_DESCRIPTOR)) PyObject_Vectorcall(setName, [v, t, key], null);
      else {
        const get = st.tp_descr_get;
        PyObject_Vectorcall(get === null ? setName : get(setName, v, vt), [t, key], null);
      }
    } catch (e) {
      if (e instanceof PyBaseExceptionObject) {
        addNoteHook(e, `Error calling __set_name__ on '${vt.tp_name}' instance ${PyObject_Repr(key).value} in '${t.tp_name}'`);
      }
      throw e;
    }
  }
}

/** super(t, t).__init_subclass__(**kwds) (type_new_init_subclass); object's, which does nothing, is not called
 *  without keywords. */
function type_new_init_subclass(t: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  if (kwnames === null || kwnames.length === 0) {
    const mro = t.mro;
    for (let i = 1; i < mro.length; i++) {
      const v = PyDict_GetItemStr(mro[i].tp_dict as PyDictObject, S__init_subclass__);
      if (v === undefined) continue;
      if (mro[i] === PyBaseObject_Type && v === objectInitSubclass) return;
      break;
    }
  }
  const sup = new PySuperObject(t, t, t);
  const initSub = super_getattro(sup, S__init_subclass__, false)!;
  PyObject_Vectorcall(initSub, args.slice(3), kwnames);
}

/**
 * The slots of a new class: inherit_slots along the MRO, then fixup_slot_dispatchers. When the MRO is the base's
 * with the class in front, every slot whose dunders the class does not define comes out as in an empty subclass of
 * the base: for a class statement's base that is the base's own slots (they were derived by this same rule and
 * update_slot keeps them so), for a native base a template computed once per version of the base. Only the slots
 * of the dunders in the class's own dict are then derived, not all of slotdefs.
 */
function type_new_set_slots(t: PyTypeObject, base: PyTypeObject, dict: PyDictObject): void {
  const mro = t.mro;
  const bmro = base.mro;
  let extendsBase = mro.length === bmro.length + 1;
  for (let i = 0; extendsBase && i < bmro.length; i++) extendsBase = mro[i + 1] === bmro[i];
  if (!extendsBase) {
    for (let i = 1; i < mro.length; i++) inherit_slots(t, mro[i]);
    if (t.tp_new === null) t.tp_new = base.tp_new;
    fixup_slot_dispatchers(t);
    if (t.tp_hash === null) t.tp_hash = PyObject_HashNotImplemented;
    return;
  }
  for (let i = 1; i < mro.length; i++) inherit_layout(t, mro[i]);
  copy_slot_fields(t, hasFlag(base, Py_TPFLAGS_HEAPTYPE) ? base : subclass_template(base));
  const done: SlotGroup[] = [];
  const keys = dict.me_key;
  for (let j = 0; j < dict.dk_nentries; j++) {
    const k = keys[j];
    if (k === null || !PyUnicode_Check(k)) continue;
    const groups = slotGroupsByName.get(k.value);
    if (groups === undefined) continue;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (done.includes(g)) continue;
      done.push(g);
      update_one_slot(t, g);
    }
  }
  if (t.tp_hash === null) t.tp_hash = PyObject_HashNotImplemented;
}

/** The slots of an empty class statement over a native base, per base and version of it (type_new_set_slots). */
const subclassTemplates = new Map<PyTypeObject, { version: number; slots: PyTypeObject }>();

function subclass_template(base: PyTypeObject): PyTypeObject {
  const e = subclassTemplates.get(base);
  if (e !== undefined && e.version === base.tp_version_tag && base.tp_version_tag !== 0) return e.slots;
  const d = new PyTypeObject(PyType_Type, base.tp_name);
  d.tp_flags = Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_READY;
  d.tp_base = base;
  d.mro = [d, ...base.mro];
  d.tp_dict = PyDict_New();
  for (let i = 1; i < d.mro.length; i++) inherit_slots(d, d.mro[i]);
  if (d.tp_new === null) d.tp_new = base.tp_new;
  fixup_slot_dispatchers(d);
  if (d.tp_hash === null) d.tp_hash = PyObject_HashNotImplemented;
  subclassTemplates.set(base, { version: base.tp_version_tag, slots: d });
  return d;
}

let addNoteHook: (e: PyBaseExceptionObject, note: string) => void = () => undefined;
export function _PyType_InstallAddNote(f: (e: PyBaseExceptionObject, note: string) => void): void {
  addNoteHook = f;
}

const Py_TPFLAGS_HAVE_GC_ = 1 << 14;

function isHeapObjectLayout(t: PyTypeObject): boolean {
  for (let b: PyTypeObject | null = t; b !== null; b = b.tp_base) {
    if (b === PyBaseObject_Type) return true;
    if (!hasFlag(b, Py_TPFLAGS_HEAPTYPE)) return false;
  }
  return false;
}

function mangle(qualname: string, className: string, name: string): string {
  if (!name.startsWith("__") || name.endsWith("__") || name.includes(".")) return name;
  const cls = className.replace(/^_+/, "");
  if (cls === "") return name;
  void qualname;
  return `_${cls}${name}`;
}

/** The layout-defining base of a type (solid_base): the nearest native type whose instances differ in shape. */
export function solidBase(t: PyTypeObject): PyTypeObject {
  let b = t;
  for (;;) {
    if (hasFlag(b, Py_TPFLAGS_HEAPTYPE)) {
      if (b.ht_slots.length > 0) return b;
      b = b.tp_base!;
      continue;
    }
    const base = b.tp_base;
    if (base === null) return b;
    if (b.tp_new !== base.tp_new && !(b.tp_new === null)) return b;
    b = base;
  }
}

function best_base(bases: PyTypeObject[]): PyTypeObject {
  let base: PyTypeObject | null = null;
  let winner: PyTypeObject | null = null;
  for (const b of bases) {
    const candidate = solidBase(b);
    if (winner === null) { winner = candidate; base = b; }
    else if (PyType_IsSubtype(winner, candidate)) { /* keep */ }
    else if (PyType_IsSubtype(candidate, winner)) { winner = candidate; base = b; }
    else return PyErr_Format(PyExc_TypeError, "multiple bases have instance lay-out conflict");
  }
  return base!;
}

let currentModuleName: () => PyVal | null = () => null;
let setCellHook: (cell: PyVal, v: PyVal) => boolean = () => false;
let classMethodHook: (f: PyVal) => PyVal = (f) => f;
let isPythonFunction: (v: PyVal) => boolean = () => false;
export function _PyType_InstallHooks(h: {
  currentModuleName: () => PyVal | null; setCell: (cell: PyVal, v: PyVal) => boolean;
  classMethod: (f: PyVal) => PyVal; isPythonFunction: (v: PyVal) => boolean;
}): void {
  currentModuleName = h.currentModuleName;
  setCellHook = h.setCell;
  classMethodHook = h.classMethod;
  isPythonFunction = h.isPythonFunction;
}

const subtype_dict_getset: PyGetSetDef = {
  name: "__dict__",
  get: (obj) => _PyObject_GetDict(obj, true)!,
  set: (obj, v) => {
    // subtype_setdict: like PyObject_GenericSetDict, but __dict__ may be deleted (the next access makes a new one).
    if (v === null) {
      _PyObject_DelDict(obj);
      return;
    }
    if (!PyDict_Check(v)) PyErr_Format(PyExc_TypeError, `__dict__ must be set to a dictionary, not a '${Py_TYPE(v).tp_name}'`);
    _PyObject_SetDict(obj, v as PyDictObject);
  },
  doc: "dictionary for instance variables",
};
const subtype_weakref_getset: PyGetSetDef = {
  name: "__weakref__",
  get: () => Py_None,
  doc: "list of weak references to the object",
};

function type_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  void self;
  if (npos !== 1 && npos !== 3) PyErr_Format(PyExc_TypeError, "type.__init__() takes 1 or 3 arguments");
}

function type_get_dict(self: PyVal): PyVal {
  return new PyMappingProxyObject((self as PyTypeObject).tp_dict!);
}

function type_get_doc(self: PyVal): PyVal {
  const t = self as PyTypeObject;
  const d = PyDict_GetItemStr(t.tp_dict as PyDictObject, PyUnicode_InternFromString("__doc__"));
  if (d === undefined) return _PyType_GetDocFromInternalDoc(t.tp_name, t.tp_doc);
  const get = Py_TYPE(d).tp_descr_get;
  return get !== null ? get(d, null, t) : d;
}

/** The setter of an attribute that is a READONLY member in CPython: its AttributeError. */
export function readonlyMember(): void {
  PyErr_Format(PyExc_AttributeError, "readonly attribute");
}

function checkSettable(t: PyTypeObject, what: string): void {
  if (!hasFlag(t, Py_TPFLAGS_HEAPTYPE) || hasFlag(t, Py_TPFLAGS_IMMUTABLETYPE)) {
    PyErr_Format(PyExc_TypeError, `cannot set '${what}' attribute of immutable type '${t.tp_name}'`);
  }
}

/** check_set_special_type_attr: a special attribute of a mutable type may be set, never deleted, and setting it is
 *  the "object.__setattr__" audit event. */
function checkSetSpecial(t: PyTypeObject, what: string, v: PyVal | null): void {
  checkSettable(t, what);
  if (v === null) PyErr_Format(PyExc_TypeError, `cannot delete '${what}' attribute of immutable type '${t.tp_name}'`);
  if (hooks.auditing()) hooks.audit("object.__setattr__", [t, PyUnicode_FromString(what), v!]);
}

/** type_set_bases: a heap type's bases replaced by compatible ones; the MROs below it are recomputed. */
function type_set_bases(self: PyVal, v: PyVal | null): void {
  const t = self as PyTypeObject;
  checkSetSpecial(t, "__bases__", v);
  if (!PyTuple_Check(v!)) {
    PyErr_Format(PyExc_TypeError, `can only assign tuple to ${t.tp_name}.__bases__, not ${Py_TYPE(v!).tp_name}`);
  }
  const bases = (v as PyTupleObject).ob_item;
  if (bases.length === 0) PyErr_Format(PyExc_TypeError, `can only assign non-empty tuple to ${t.tp_name}.__bases__, not ()`);
  for (const b of bases) {
    if (!(b instanceof PyTypeObject)) {
      PyErr_Format(PyExc_TypeError, `${t.tp_name}.__bases__ must be tuple of classes, not '${Py_TYPE(b).tp_name}'`);
    }
    if (PyType_IsSubtype(b as PyTypeObject, t)) PyErr_Format(PyExc_TypeError, "a __bases__ item causes an inheritance cycle");
  }
  const newBase = best_base(bases as PyTypeObject[]);
  const ns = solidBase(newBase), os = solidBase(t.tp_base!);
  if (ns !== os) {
    // compatible_for_assignment checks the deallocator (a native layout) before the slots.
    const what = !hasFlag(ns, Py_TPFLAGS_HEAPTYPE) || !hasFlag(os, Py_TPFLAGS_HEAPTYPE) ? "deallocator" : "object layout";
    PyErr_Format(PyExc_TypeError, `__bases__ assignment: '${newBase.tp_name}' ${what} differs from '${t.tp_base!.tp_name}'`);
  }
  const oldBases = t.tp_bases, oldBase = t.tp_base, oldMro = t.mro, oldTpMro = t.tp_mro;
  t.tp_bases = v!;
  t.tp_base = newBase;
  const redo = (c: PyTypeObject): void => { mro_internal(c); for (const s of c.tp_subclasses) redo(s); };
  try {
    redo(t);
  } catch (e) {
    t.tp_bases = oldBases; t.tp_base = oldBase; t.mro = oldMro; t.tp_mro = oldTpMro;
    throw e;
  }
  for (const b of (oldBases as PyTupleObject).ob_item as PyTypeObject[]) {
    const i = b.tp_subclasses.indexOf(t);
    if (i >= 0) b.tp_subclasses.splice(i, 1);
  }
  for (const b of bases as PyTypeObject[]) if (!b.tp_subclasses.includes(t)) b.tp_subclasses.push(t);
  update_all_slots(t);
}

const type_getset: PyGetSetDef[] = [
  { name: "__name__", get: (s) => PyUnicode_FromString((s as PyTypeObject).tp_name.slice((s as PyTypeObject).tp_name.lastIndexOf(".") + 1)),
    set: (s, v) => {
      const t = s as PyTypeObject;
      checkSetSpecial(t, "__name__", v);
      if (v === null || !PyUnicode_Check(v)) {
        PyErr_Format(PyExc_TypeError, `can only assign string to ${t.tp_name}.__name__, not '${v === null ? "NoneType" : Py_TYPE(v).tp_name}'`);
      }
      t.tp_name = (v as PyUnicodeObject).value;
    } },
  { name: "__qualname__", get: (s) => PyUnicode_FromString((s as PyTypeObject).tp_qualname),
    set: (s, v) => {
      const t = s as PyTypeObject;
      checkSetSpecial(t, "__qualname__", v);
      if (v === null || !PyUnicode_Check(v)) {
        PyErr_Format(PyExc_TypeError, `can only assign string to ${t.tp_name}.__qualname__, not '${v === null ? "NoneType" : Py_TYPE(v).tp_name}'`);
      }
      t.tp_qualname = (v as PyUnicodeObject).value;
    } },
  { name: "__bases__", get: (s) => (s as PyTypeObject).tp_bases!, set: type_set_bases },
  // Members in CPython (type_members, READONLY): setting or deleting them is "readonly attribute".
  { name: "__base__", get: (s) => (s as PyTypeObject).tp_base ?? Py_None, set: readonlyMember },
  { name: "__flags__", get: (s) => (s as PyTypeObject).tp_flags >>> 0, set: readonlyMember },
  { name: "__mro__", get: (s) => (s as PyTypeObject).tp_mro ?? Py_None },
  { name: "__dict__", get: type_get_dict },
  { name: "__doc__", get: type_get_doc, set: (s, v) => {
    const t = s as PyTypeObject;
    checkSetSpecial(t, "__doc__", v);
    PyDict_SetItem(t.tp_dict as PyDictObject, PyUnicode_InternFromString("__doc__"), v ?? Py_None);
    PyType_Modified(t);
  } },
  { name: "__module__", get: (s) => {
    const t = s as PyTypeObject;
    if (hasFlag(t, Py_TPFLAGS_HEAPTYPE)) {
      const m = PyDict_GetItemStr(t.tp_dict as PyDictObject, PyUnicode_InternFromString("__module__"));
      if (m === undefined) return PyErr_Format(PyExc_AttributeError, "__module__");
      return m;
    }
    // Interned, as type_module does: pickle memoizes the module name by identity (one BINGET per later global).
    return PyUnicode_InternFromString(moduleNameOf(t));
  }, set: (s, v) => {
    const t = s as PyTypeObject;
    checkSetSpecial(t, "__module__", v);
    PyDict_SetItem(t.tp_dict as PyDictObject, PyUnicode_InternFromString("__module__"), v ?? Py_None);
    PyType_Modified(t);
  } },
  { name: "__abstractmethods__", get: (s) => {
    const t = s as PyTypeObject;
    const v = t !== PyType_Type ? PyDict_GetItemStr(t.tp_dict as PyDictObject, PyUnicode_InternFromString("__abstractmethods__")) : undefined;
    if (v === undefined) return raiseAttributeError(t, PyUnicode_InternFromString("__abstractmethods__"), "__abstractmethods__");
    return v;
  }, set: (s, v) => {
    const t = s as PyTypeObject;
    const key = PyUnicode_InternFromString("__abstractmethods__");
    if (v === null) PyDict_DelItemIf(t.tp_dict as PyDictObject, key);
    else PyDict_SetItem(t.tp_dict as PyDictObject, key, v);
    const abstract = v !== null && PyObject_IsTrue(v);
    if (abstract) t.tp_flags |= Py_TPFLAGS_IS_ABSTRACT; else t.tp_flags &= ~Py_TPFLAGS_IS_ABSTRACT;
    PyType_Modified(t);
  } },
  // type_get_text_signature: "(signature)" from a "name(signature)\n--\n\n" first line of the type's doc.
  { name: "__text_signature__", get: (s) => _PyType_GetTextSignatureFromInternalDoc((s as PyTypeObject).tp_name,
    (s as PyTypeObject).tp_doc) },
  { name: "__type_params__", get: (s) => {
    const t = s as PyTypeObject;
    const v = PyDict_GetItemStr(t.tp_dict as PyDictObject, PyUnicode_InternFromString("__type_params__"));
    return v ?? PyTuple_New([]);
  }, set: (s, v) => {
    const t = s as PyTypeObject;
    checkSetSpecial(t, "__type_params__", v);
    PyDict_SetItem(t.tp_dict as PyDictObject, PyUnicode_InternFromString("__type_params__"), v ?? PyTuple_New([]));
    PyType_Modified(t);
  } },
  { name: "__annotations__", get: (s) => {
    const t = s as PyTypeObject;
    const key = PyUnicode_InternFromString("__annotations__");
    let v = PyDict_GetItemStr(t.tp_dict as PyDictObject, key);
    if (v === undefined) {
      if (!hasFlag(t, Py_TPFLAGS_HEAPTYPE)) {
        return raiseAttributeError(t, key, `type object '${t.tp_name}' has no attribute '__annotations__'`);
      }
      v = PyDict_New();
      PyDict_SetItem(t.tp_dict as PyDictObject, key, v);
      PyType_Modified(t);
    }
    const get = Py_TYPE(v).tp_descr_get;
    return get !== null ? get(v, null, t) : v;
  }, set: (s, v) => {
    const t = s as PyTypeObject;
    checkSettable(t, "__annotations__");
    const key = PyUnicode_InternFromString("__annotations__");
    if (v === null) PyDict_DelItemIf(t.tp_dict as PyDictObject, key);
    else PyDict_SetItem(t.tp_dict as PyDictObject, key, v);
    PyType_Modified(t);
  } },
];

function type_mro(self: PyVal): PyVal {
  return PyList_New(mro_implementation(self as PyTypeObject));
}

function type_subclasses(self: PyVal): PyVal {
  return PyList_New((self as PyTypeObject).tp_subclasses.slice());
}

function type_prepare(): PyVal {
  return PyDict_New();
}

function type_instancecheck(self: PyVal, inst: PyVal): PyVal {
  const t = self as PyTypeObject;
  if (PyType_IsSubtype(Py_TYPE(inst), t)) return PyBool_FromLong(true);
  const c = _PyObject_LookupAttr(inst, PyUnicode_InternFromString("__class__"));
  return PyBool_FromLong(c !== undefined && c !== Py_TYPE(inst) && c instanceof PyTypeObject && PyType_IsSubtype(c, t));
}

function type_subclasscheck(self: PyVal, sub: PyVal): PyVal {
  if (!(sub instanceof PyTypeObject)) {
    const b = _PyObject_LookupAttr(sub, PyUnicode_InternFromString("__bases__"));
    if (b === undefined || !PyTuple_Check(b)) return PyErr_Format(PyExc_TypeError, "issubclass() arg 1 must be a class");
    return PyBool_FromLong(b.ob_item.some((x) => x instanceof PyTypeObject && PyType_IsSubtype(x, self as PyTypeObject)));
  }
  return PyBool_FromLong(PyType_IsSubtype(sub, self as PyTypeObject));
}

function type_dir(self: PyVal): PyVal {
  return PyList_New([...typeDirNames(self as PyTypeObject).values()]);
}

function type_or(a: PyVal, b: PyVal): PyVal {
  return unionHook(a, b);
}
let unionHook: (a: PyVal, b: PyVal) => PyVal = () => Py_NotImplemented;
export function _PyType_InstallUnion(f: (a: PyVal, b: PyVal) => PyVal): void {
  unionHook = f;
}

PyType_FromSpecStatic({
  name: "type",
  flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TYPE_SUBCLASS,
  doc: "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
  slots: {
    tp_repr: type_repr, tp_call: type_call, tp_getattro: type_getattro, tp_setattro: type_setattro,
    tp_new: type_new, tp_init: type_init, nb_or: type_or,
  },
  methods: [
    { name: "mro", meth: type_mro, flags: METH_NOARGS, doc: "Return a type's method resolution order." },
    { name: "__subclasses__", meth: type_subclasses, flags: METH_NOARGS },
    { name: "__prepare__", meth: type_prepare, flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS },
    { name: "__instancecheck__", meth: type_instancecheck, flags: METH_O },
    { name: "__subclasscheck__", meth: type_subclasscheck, flags: METH_O },
    { name: "__dir__", meth: type_dir, flags: METH_NOARGS },
    { name: "__sizeof__", meth: () => 920, flags: METH_NOARGS },
  ],
  getset: type_getset,
}, PyType_Type);

// ---- super ----

export const PySuper_Type = PyType_Declare("super");

export class PySuperObject extends PyObject {
  type: PyTypeObject | null;
  obj: PyVal | null;
  obj_type: PyTypeObject | null;
  constructor(type: PyTypeObject | null, obj: PyVal | null, objType: PyTypeObject | null) {
    super(PySuper_Type);
    this.type = type;
    this.obj = obj;
    this.obj_type = objType;
  }
}

/** The type to search from for super(type, obj) (supercheck). */
export function supercheck(type: PyTypeObject, obj: PyVal): PyTypeObject {
  if (obj instanceof PyTypeObject && PyType_IsSubtype(obj, type)) return obj;
  if (PyType_IsSubtype(Py_TYPE(obj), type)) return Py_TYPE(obj);
  const c = _PyObject_LookupAttr(obj, PyUnicode_InternFromString("__class__"));
  if (c instanceof PyTypeObject && c !== Py_TYPE(obj) && PyType_IsSubtype(c, type)) return c;
  const objDesc = obj instanceof PyTypeObject ? `type ${obj.tp_name}` : `instance of ${Py_TYPE(obj).tp_name}`;
  return PyErr_Format(PyExc_TypeError,
    `super(type, obj): obj (${objDesc}) is not an instance or subtype of type (${type.tp_name}).`);
}

/** Attribute lookup past `type` in the MRO of obj's type (super_getattro / _PySuper_Lookup). */
export function _PySuper_Lookup(type: PyTypeObject, obj: PyVal, objType: PyTypeObject, name: PyUnicodeObject,
  suppress: boolean): PyVal | undefined {
  const mro = objType.mro;
  let i = mro.indexOf(type) + 1;
  if (i > 0) {
    for (; i < mro.length; i++) {
      const d = mro[i].tp_dict as PyDictObject;
      const res = PyDict_GetItemStr(d, name);
      if (res !== undefined) {
        const f = Py_TYPE(res).tp_descr_get;
        if (f !== null) return f(res, obj === objType ? null : obj, objType);
        return res;
      }
    }
  }
  return undefined;
}

function super_getattro(self: PyVal, name: PyUnicodeObject, suppress: boolean): PyVal | undefined {
  const s = self as PySuperObject;
  if (s.obj_type !== null && s.type !== null && name.value !== "__class__") {
    const r = _PySuper_Lookup(s.type, s.obj!, s.obj_type, name, suppress);
    if (r !== undefined) return r;
  }
  const r = PyObject_GenericGetAttr(self, name, true);
  if (r !== undefined || suppress) return r;
  return raiseAttributeError(self, name, `'super' object has no attribute '${name.value}'`);
}

let zeroArgSuper: () => [PyTypeObject, PyVal] = () => PyErr_Format(PyExc_RuntimeError, "super(): no arguments");
export function _PyType_InstallZeroArgSuper(f: () => [PyTypeObject, PyVal]): void {
  zeroArgSuper = f;
}

function super_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const [typeArg, objArg] = parseArgs("super", args, kwnames, ["", ""], 0, 2);
  const s = self as PySuperObject;
  let type: PyVal, obj: PyVal | null;
  if (typeArg === undefined) {
    [type, obj] = zeroArgSuper();
  } else {
    type = typeArg;
    obj = objArg === undefined || objArg === Py_None ? null : objArg;
  }
  if (!(type instanceof PyTypeObject)) {
    PyErr_Format(PyExc_TypeError, `super() argument 1 must be a type, not ${Py_TYPE(type).tp_name}`);
  }
  s.type = type as PyTypeObject;
  s.obj = obj;
  s.obj_type = obj === null ? null : supercheck(type as PyTypeObject, obj);
}

function super_repr(self: PyVal): PyUnicodeObject {
  const s = self as PySuperObject;
  const tn = s.type === null ? "NULL" : s.type.tp_name;
  if (s.obj_type !== null) return hooks.str(`<super: <class '${tn}'>, <${s.obj_type.tp_name} object>>`);
  return hooks.str(`<super: <class '${tn}'>, NULL>`);
}

function super_descr_get(self: PyVal, obj: PyVal | null): PyVal {
  const s = self as PySuperObject;
  if (obj === null || obj === Py_None || s.obj !== null) return self;
  const ns = new PySuperObject(s.type, obj, supercheck(s.type!, obj));
  return ns;
}

PyType_FromSpecStatic({
  name: "super",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)\nTypical use to call a cooperative superclass method:\nclass C(B):\n    def meth(self, arg):\n        super().meth(arg)\nThis works for class methods too:\nclass C(B):\n    @classmethod\n    def cmeth(cls, arg):\n        super().cmeth(arg)\n",
  slots: {
    tp_new: (t) => { const s = new PySuperObject(null, null, null); s.ob_type = t; return s; },
    tp_init: super_init, tp_getattro: super_getattro, tp_repr: super_repr, tp_descr_get: super_descr_get,
  },
  members: [
    { name: "__thisclass__", get: (s) => (s as PySuperObject).type ?? Py_None },
    { name: "__self__", get: (s) => (s as PySuperObject).obj ?? Py_None },
    { name: "__self_class__", get: (s) => (s as PySuperObject).obj_type ?? Py_None },
  ],
}, PySuper_Type);


// ---- None and NotImplemented (Objects/object.c) ----

function singletonNew(name: string, v: PyVal) {
  return (_t: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal => {
    if (args.length > 0 || (kwnames !== null && kwnames.length > 0)) {
      return PyErr_Format(PyExc_TypeError, `${name} takes no arguments`);
    }
    return v;
  };
}

PyType_FromSpecStatic({
  name: "NoneType",
  doc: "The type of the None singleton.",
  slots: {
    tp_repr: () => PyUnicode_InternFromString("None"),
    tp_new: singletonNew("NoneType", Py_None),
    nb_bool: () => false,
    tp_hash: () => { Py_HashHi[0] = 0; return 0xFCA86420 | 0; },
  },
}, PyNone_Type);

PyType_FromSpecStatic({
  name: "NotImplementedType",
  slots: {
    tp_repr: () => PyUnicode_InternFromString("NotImplemented"),
    tp_new: singletonNew("NotImplementedType", Py_NotImplemented),
    nb_bool: () => PyErr_Format(PyExc_TypeError, "NotImplemented should not be used in a boolean context"),
  },
  methods: [{ name: "__reduce__", meth: () => PyUnicode_InternFromString("NotImplemented"), flags: METH_NOARGS }],
}, PyNotImplemented_Type);
