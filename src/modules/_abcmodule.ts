// The _abc module (Modules/_abc.c): the native half of abc.ABCMeta (per-class registry and caches, abstract-method
// sets, register/instancecheck/subclasscheck, the __abc_tpflags__ collection flags), so abc.py does not fall back on
// _py_abc and its WeakSets. See docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_TYPE, Py_NotImplemented, PyUnicodeObject,
  Py_None, PyUnicode_InternFromString, METH_O, METH_FASTCALL, METH_NOARGS, Py_TPFLAGS_SEQUENCE, Py_TPFLAGS_MAPPING,
  Py_TPFLAGS_IMMUTABLETYPE, hasFlag, type PyVal,
} from "../objects/object.js";
import {
  PyObject_GetAttr, PyObject_SetAttr, PyObject_CallMethod, PyObject_CallOneArg, PyObject_IsSubclass, PyObject_IsTrue,
  PyObject_GetIter, PyIter_Next, PyType_IsSubtype, _PyObject_LookupAttr,
} from "../objects/abstract.js";
import { PyFrozenSet_New, PySet_New } from "../objects/setobject.js";
import { Py_True, Py_False } from "../objects/boolobject.js";
import { PyTuple_New, PyTupleObject } from "../objects/tupleobject.js";
import { PyListObject } from "../objects/listobject.js";
import { PyDictObject, PyDict_GetItemStr, PyDict_DelItem } from "../objects/dictobject.js";
import { PyExc_TypeError, PyExc_RuntimeError, PyExc_AssertionError } from "../objects/exceptions.js";
import { PyType_Modified } from "../objects/typeobject.js";
import { PyWeakref_RefType } from "./_weakref.js";
import { PyErr_Format } from "../runtime/errors.js";
import { unpackArgs } from "../runtime/getargs.js";
import type { PyModuleDef } from "./moduledef.js";

const COLLECTION_FLAGS = Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING;

/** A set of classes held weakly (CPython: a set of weakrefs whose callbacks discard them). Membership through a
 *  WeakSet; the WeakRefs only serve iteration (the registry, _get_dump), skipping classes that are gone. */
class WeakClassSet {
  members: WeakSet<PyObject>;
  refs: WeakRef<PyObject>[];
  constructor() {
    this.members = new WeakSet();
    this.refs = [];
  }
  has(o: PyVal): boolean {
    return typeof o !== "number" && this.members.has(o);
  }
  add(o: PyVal): void {
    if (typeof o === "number" || this.members.has(o)) return;
    this.members.add(o);
    this.refs.push(new WeakRef(o));
  }
  clear(): void {
    this.members = new WeakSet();
    this.refs = [];
  }
  /** The live members (dropping the references to classes that are gone). */
  live(): PyObject[] {
    const out: PyObject[] = [];
    const keep: WeakRef<PyObject>[] = [];
    for (const r of this.refs) {
      const o = r.deref();
      if (o !== undefined && this.members.has(o)) { out.push(o); keep.push(r); }
    }
    this.refs = keep;
    return out;
  }
}

/** The counter every register() bumps: negative caches older than it are stale (abc_invalidation_counter). */
let abc_invalidation_counter = 0;

export const PyAbcData_Type = PyType_Declare("_abc._abc_data");

/** _abc_data: the internal state of one ABC, stored as its _abc_impl attribute. */
class PyAbcDataObject extends PyObject {
  _abc_registry: WeakClassSet;
  _abc_cache: WeakClassSet;
  _abc_negative_cache: WeakClassSet;
  _abc_negative_cache_version: number;
  constructor() {
    super(PyAbcData_Type);
    this._abc_registry = new WeakClassSet();
    this._abc_cache = new WeakClassSet();
    this._abc_negative_cache = new WeakClassSet();
    this._abc_negative_cache_version = abc_invalidation_counter;
  }
}

PyType_FromSpecStatic({
  name: "_abc._abc_data",
  doc: "Internal state held by ABC machinery.",
  slots: { tp_new: () => new PyAbcDataObject() },
}, PyAbcData_Type);

function _get_impl(self: PyVal): PyAbcDataObject {
  const impl = PyObject_GetAttr(self, PyUnicode_InternFromString("_abc_impl"));
  if (!(impl instanceof PyAbcDataObject)) return PyErr_Format(PyExc_TypeError, "_abc_impl is set to a wrong type");
  return impl;
}

function _PyObject_IsAbstract(v: PyVal): boolean {
  const a = _PyObject_LookupAttr(v, PyUnicode_InternFromString("__isabstractmethod__"));
  return a !== undefined && PyObject_IsTrue(a);
}

/** __abstractmethods__: the class's own abstract attributes, then inherited names still abstract here. */
function compute_abstract_methods(self: PyVal): void {
  const abstracts: PyVal[] = [];
  const ns = PyObject_GetAttr(self, PyUnicode_InternFromString("__dict__"));
  // A list of the items first: checking __isabstractmethod__ may run code that changes the namespace.
  const items = PyObject_CallMethod(ns, "items", []);
  const it = PyObject_GetIter(items);
  for (let item = PyIter_Next(it); item !== undefined; item = PyIter_Next(it)) {
    if (!(item instanceof PyTupleObject) || item.ob_item.length !== 2) {
      if (item instanceof PyTupleObject || item instanceof PyListObject) {
        return PyErr_Format(PyExc_TypeError, "items() returned item which size is not 2");
      }
      return PyErr_Format(PyExc_TypeError, "items() returned non-iterable");
    }
    const [key, value] = item.ob_item;
    if (_PyObject_IsAbstract(value)) abstracts.push(key);
  }
  const bases = PyObject_GetAttr(self, PyUnicode_InternFromString("__bases__"));
  if (!(bases instanceof PyTupleObject)) return PyErr_Format(PyExc_TypeError, "__bases__ is not tuple");
  for (const base of bases.ob_item) {
    const inherited = _PyObject_LookupAttr(base, PyUnicode_InternFromString("__abstractmethods__"));
    if (inherited === undefined) continue;
    const bit = PyObject_GetIter(inherited);
    for (let key = PyIter_Next(bit); key !== undefined; key = PyIter_Next(bit)) {
      const value = PyObject_GetAttrOrUndefined(self, key);
      if (value !== undefined && _PyObject_IsAbstract(value)) abstracts.push(key);
    }
  }
  PyObject_SetAttr(self, PyUnicode_InternFromString("__abstractmethods__"), PyFrozenSet_New(abstracts));
}

/** _PyObject_LookupAttr for a name from an __abstractmethods__ set (a non-str name raises getattr's TypeError). */
function PyObject_GetAttrOrUndefined(o: PyVal, name: PyVal): PyVal | undefined {
  if (!(name instanceof PyUnicodeObject)) {
    return PyErr_Format(PyExc_TypeError, `attribute name must be string, not '${Py_TYPE(name).tp_name}'`);
  }
  return _PyObject_LookupAttr(o, name);
}

function setTypeFlags(t: PyTypeObject, mask: number, flags: number): void {
  t.tp_flags = (t.tp_flags & ~mask) | flags;
  PyType_Modified(t);
}

/** Give a registered class (and its subclasses) the ABC's collection flag (set_collection_flag_recursive). */
function set_collection_flag_recursive(child: PyTypeObject, flag: number): void {
  if (hasFlag(child, Py_TPFLAGS_IMMUTABLETYPE) || (child.tp_flags & COLLECTION_FLAGS) === flag) return;
  setTypeFlags(child, COLLECTION_FLAGS, flag);
  for (const g of child.tp_subclasses.slice()) set_collection_flag_recursive(g, flag);
}

function _abc__abc_init(_m: PyVal, self: PyVal): PyVal {
  compute_abstract_methods(self);
  PyObject_SetAttr(self, PyUnicode_InternFromString("_abc_impl"), new PyAbcDataObject());
  // collections.abc.Sequence and Mapping carry __abc_tpflags__ for pattern matching: the flag goes on the class
  // and the attribute leaves its namespace.
  if (self instanceof PyTypeObject) {
    const dict = self.tp_dict as PyDictObject;
    const key = PyUnicode_InternFromString("__abc_tpflags__");
    const flags = PyDict_GetItemStr(dict, key);
    if (flags === undefined) return Py_None;
    PyDict_DelItem(dict, key);
    PyType_Modified(self);
    if (typeof flags !== "number") return Py_None;
    if ((flags & COLLECTION_FLAGS) === COLLECTION_FLAGS) {
      return PyErr_Format(PyExc_TypeError, "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
    }
    setTypeFlags(self, 0, flags & COLLECTION_FLAGS);
  }
  return Py_None;
}

function _abc__abc_register(_m: PyVal, args: PyVal[]): PyVal {
  const [self, subclass] = unpackArgs("_abc_register", args, 2, 2) as [PyVal, PyVal];
  if (!(subclass instanceof PyTypeObject)) return PyErr_Format(PyExc_TypeError, "Can only register classes");
  if (PyObject_IsSubclass(subclass, self)) return subclass; // already a subclass
  // Cycles are tested after "already a subclass", so X.register(X) is a no-op.
  if (PyObject_IsSubclass(self, subclass)) {
    return PyErr_Format(PyExc_RuntimeError, "Refusing to create an inheritance cycle");
  }
  _get_impl(self)._abc_registry.add(subclass);
  abc_invalidation_counter++; // invalidates every negative cache
  if (self instanceof PyTypeObject) {
    const flag = self.tp_flags & COLLECTION_FLAGS;
    if (flag !== 0) set_collection_flag_recursive(subclass, flag);
  }
  return subclass;
}

function _abc__abc_instancecheck(_m: PyVal, args: PyVal[]): PyVal {
  const [self, instance] = unpackArgs("_abc_instancecheck", args, 2, 2) as [PyVal, PyVal];
  const impl = _get_impl(self);
  const subclass = PyObject_GetAttr(instance, PyUnicode_InternFromString("__class__"));
  if (impl._abc_cache.has(subclass)) return Py_True;
  const subtype = Py_TYPE(instance);
  if (subtype === subclass) {
    if (impl._abc_negative_cache_version === abc_invalidation_counter && impl._abc_negative_cache.has(subclass)) {
      return Py_False;
    }
    return PyObject_CallMethod(self, "__subclasscheck__", [subclass]);
  }
  const r = PyObject_CallMethod(self, "__subclasscheck__", [subclass]);
  if (PyObject_IsTrue(r)) return r;
  return PyObject_CallMethod(self, "__subclasscheck__", [subtype]);
}

function _abc__abc_subclasscheck(_m: PyVal, args: PyVal[]): PyVal {
  const [self, subclass] = unpackArgs("_abc_subclasscheck", args, 2, 2) as [PyVal, PyVal];
  if (!(subclass instanceof PyTypeObject)) return PyErr_Format(PyExc_TypeError, "issubclass() arg 1 must be a class");
  const impl = _get_impl(self);
  // 1. The cache.
  if (impl._abc_cache.has(subclass)) return Py_True;
  // 2. The negative cache, cleared when a register() happened since it was filled.
  if (impl._abc_negative_cache_version < abc_invalidation_counter) {
    impl._abc_negative_cache.clear();
    impl._abc_negative_cache_version = abc_invalidation_counter;
  } else if (impl._abc_negative_cache.has(subclass)) return Py_False;
  // 3. The subclass hook.
  const ok = PyObject_CallMethod(self, "__subclasshook__", [subclass]);
  if (ok === Py_True) {
    impl._abc_cache.add(subclass);
    return Py_True;
  }
  if (ok === Py_False) {
    impl._abc_negative_cache.add(subclass);
    return Py_False;
  }
  if (ok !== Py_NotImplemented) {
    return PyErr_Format(PyExc_AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
  }
  // 4. A real subclass.
  if (self instanceof PyTypeObject && PyType_IsSubtype(subclass, self)) {
    impl._abc_cache.add(subclass);
    return Py_True;
  }
  // 5. A subclass of a registered class (recursively), on a snapshot of the registry.
  if (impl._abc_registry.has(subclass)) return Py_True;
  for (const rcls of impl._abc_registry.live()) {
    if (PyObject_IsSubclass(subclass, rcls)) {
      impl._abc_cache.add(subclass);
      return Py_True;
    }
  }
  // 6. A subclass of a subclass (recursively).
  const subclasses = PyObject_CallMethod(self, "__subclasses__", []);
  if (!(subclasses instanceof PyListObject)) return PyErr_Format(PyExc_TypeError, "__subclasses__() must return a list");
  for (const scls of subclasses.ob_item.slice()) {
    if (PyObject_IsSubclass(subclass, scls)) {
      impl._abc_cache.add(subclass);
      return Py_True;
    }
  }
  impl._abc_negative_cache.add(subclass);
  return Py_False;
}

function weakrefSet(s: WeakClassSet): PyVal {
  return PySet_New(s.live().map((o) => PyObject_CallOneArg(PyWeakref_RefType, o)));
}

export const abcmodule: PyModuleDef = {
  m_name: "_abc",
  m_doc: "Module contains faster C implementation of abc.ABCMeta",
  m_methods: [
    { name: "get_cache_token", meth: () => abc_invalidation_counter, flags: METH_NOARGS,
      doc: "Returns the current ABC cache token.\n\nThe token is an opaque object (supporting equality testing) "
        + "identifying the\ncurrent version of the ABC cache for virtual subclasses. The token changes\nwith every "
        + "call to register() on any ABC." },
    { name: "_abc_init", meth: _abc__abc_init, flags: METH_O,
      doc: "Internal ABC helper for class set-up. Should be never used outside abc module." },
    { name: "_reset_registry", meth: (_m: PyVal, self: PyVal) => { _get_impl(self)._abc_registry.clear(); return Py_None; },
      flags: METH_O, doc: "Internal ABC helper to reset registry of a given class.\n\nShould be only used by refleak.py" },
    { name: "_reset_caches", meth: (_m: PyVal, self: PyVal) => {
      const impl = _get_impl(self);
      impl._abc_cache.clear();
      impl._abc_negative_cache.clear();
      return Py_None;
    }, flags: METH_O, doc: "Internal ABC helper to reset both caches of a given class.\n\nShould be only used by refleak.py" },
    { name: "_get_dump", meth: (_m: PyVal, self: PyVal) => {
      const impl = _get_impl(self);
      return PyTuple_New([weakrefSet(impl._abc_registry), weakrefSet(impl._abc_cache),
        weakrefSet(impl._abc_negative_cache), impl._abc_negative_cache_version]);
    }, flags: METH_O, doc: "Internal ABC helper for cache and registry debugging.\n\nReturn shallow copies of registry, "
      + "of both caches, and\nnegative cache version. Don't call this function directly,\ninstead use "
      + "ABC._dump_registry() for a nice repr." },
    { name: "_abc_register", meth: _abc__abc_register, flags: METH_FASTCALL,
      doc: "Internal ABC helper for subclasss registration. Should be never used outside abc module." },
    { name: "_abc_instancecheck", meth: _abc__abc_instancecheck, flags: METH_FASTCALL,
      doc: "Internal ABC helper for instance checks. Should be never used outside abc module." },
    { name: "_abc_subclasscheck", meth: _abc__abc_subclasscheck, flags: METH_FASTCALL,
      doc: "Internal ABC helper for subclasss checks. Should be never used outside abc module." },
  ],
};
