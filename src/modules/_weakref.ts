// The _weakref module (Modules/_weakref.c, Objects/weakrefobject.c): ref (with subclassing, callbacks, hashing
// and comparison as CPython), proxy, getweakrefcount/getweakrefs, _remove_dead_weakref, on JS WeakRef. A referent
// dies at gc.collect() (src/runtime/gc.ts marks the object graph; see docs/modules.md, "gc and _weakref").
// DEVIATION: no reference counts, so `del x` alone clears no weak reference until a collection (or V8's own GC).
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE,
  Py_HashHi, Py_TPFLAGS_BASETYPE, METH_FASTCALL, METH_O, METH_NOARGS, type PyVal, PyUnicodeObject,
} from "../objects/object.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyDictObject, PyDict_GetItem, PyDict_DelItem } from "../objects/dictobject.js";
import { PyExc_TypeError, PyExc_ReferenceError } from "../objects/exceptions.js";
import { PyObject_Hash, PyObject_RichCompare, PyObject_CallOneArg, PyObject_GetAttrStr, PyObject_Vectorcall,
  PyObject_Repr, PyObject_Str } from "../objects/abstract.js";
import { addressOf } from "../objects/methodobject.js";
import * as A from "../objects/abstract.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { unpackArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";

export const PyWeakref_RefType = PyType_Declare("weakref.ReferenceType");
export const PyWeakref_ProxyType = PyType_Declare("weakref.ProxyType");
export const PyWeakref_CallableProxyType = PyType_Declare("weakref.CallableProxyType");

export class PyWeakReference extends PyObject {
  wr_object: WeakRef<PyObject> | null;
  wr_callback: PyVal | null;
  hashLo: number;
  hashHi: number;
  hashed: boolean;
  /** Subclass instances keep their attributes (KeyedRef.key) here. */
  dict: PyDictObject | null;
  constructor(type: PyTypeObject, ob: PyObject, callback: PyVal | null) {
    super(type);
    this.wr_object = new WeakRef(ob);
    this.wr_callback = callback;
    this.hashLo = 0;
    this.hashHi = 0;
    this.hashed = false;
    this.dict = null;
  }
}

/** Every weak reference to an object, for getweakrefcount/getweakrefs and callbacks. */
const refsTo = new WeakMap<PyObject, Set<WeakRef<PyWeakReference>>>();
/** The shared callback-less basic ref and basic proxy (CPython reuses them). */
const basicRef = new WeakMap<PyObject, WeakRef<PyWeakReference>>();
const basicProxy = new WeakMap<PyObject, WeakRef<PyWeakReference>>();

/** Every weak reference created, oldest first (held weakly; dead and cleared entries are pruned): the candidates of a
 * collection are their referents. */
let allRefs: WeakRef<PyWeakReference>[] = [];
let allRefsPruned = 0;

function track(held: WeakRef<PyWeakReference>): void {
  allRefs.push(held);
  if (allRefs.length > 2 * allRefsPruned + 1024) pruneRefs();
}

function pruneRefs(): void {
  allRefs = allRefs.filter((w) => {
    const r = w.deref();
    return r !== undefined && r.wr_object !== null && r.wr_object.deref() !== undefined;
  });
  allRefsPruned = allRefs.length;
}

/**
 * The objects that have live weak references, each with its references in CPython's list order (the basic ref,
 * the basic proxy, then the others newest first: insert_weakref); the registry is pruned on the way.
 */
export function _PyWeakref_Referents(): Map<PyObject, PyWeakReference[]> {
  pruneRefs();
  const out = new Map<PyObject, PyWeakReference[]>();
  for (const w of allRefs) {
    const o = referent(w.deref()!);
    if (o !== null && !out.has(o)) out.set(o, listOrder(o));
  }
  return out;
}

function listOrder(o: PyObject): PyWeakReference[] {
  const refs = liveRefs(o).filter((r) => r.wr_object !== null);
  const basic = refs.filter((r) => r.wr_callback === null && (Py_TYPE(r) === PyWeakref_RefType));
  const proxy = refs.filter((r) => r.wr_callback === null && r instanceof PyWeakProxy);
  const b = basic.slice(0, 1), p = proxy.slice(0, 1);
  const rest = refs.filter((r) => r !== b[0] && r !== p[0]).reverse();
  return [...b, ...p, ...rest];
}

/** Every live weak reference whose referent is alive (for a collection: those left unmarked are garbage). */
export function _PyWeakref_AllRefs(): PyWeakReference[] {
  const out: PyWeakReference[] = [];
  for (const w of allRefs) {
    const r = w.deref();
    if (r !== undefined && referent(r) !== null) out.push(r);
  }
  return out;
}

/** A weak reference that is itself garbage leaves its referent's list, without its callback (as its deallocation
 * does in CPython): getweakrefcount and getweakrefs no longer count it. */
export function _PyWeakref_Unlink(r: PyWeakReference): void {
  const o = referent(r);
  if (o !== null) {
    const set = refsTo.get(o);
    if (set !== undefined) for (const w of set) if (w.deref() === r) set.delete(w);
    if (basicRef.get(o)?.deref() === r) basicRef.delete(o);
    if (basicProxy.get(o)?.deref() === r) basicProxy.delete(o);
  }
  r.wr_object = null;
  r.wr_callback = null;
}

/** Clear a weak reference whose referent died (_PyWeakref_ClearRef); returns its callback, which is dropped. */
export function _PyWeakref_ClearRef(r: PyWeakReference): PyVal | null {
  const cb = r.wr_callback;
  r.wr_object = null;
  r.wr_callback = null;
  return cb;
}

const registry = new FinalizationRegistry<WeakRef<PyWeakReference>>((held) => {
  const r = held.deref();
  if (r === undefined || r.wr_callback === null) return;
  const cb = r.wr_callback;
  r.wr_callback = null;
  try {
    PyObject_CallOneArg(cb, r);
  } catch {
    // CPython prints "Exception ignored in: <function ...>"; there is no frame to report it from here.
  }
});

function referent(r: PyWeakReference): PyObject | null {
  return r.wr_object === null ? null : (r.wr_object.deref() ?? null);
}

function checkReferent(ob: PyVal): PyObject {
  const t = Py_TYPE(ob);
  // Static types without tp_weaklistoffset refuse weak references; so do the built-in exceptions (heap subclasses,
  // i.e. classes written in Python, always accept them).
  // Subclasses of the variable-size int, tuple and bytes get no __weakref__ slot either.
  const heap = (t.tp_flags & (1 << 9)) !== 0;
  const varsize = (t.tp_flags & ((1 << 24) | (1 << 26) | (1 << 27))) !== 0;
  if (typeof ob === "number" || varsize || !heap && (NOT_WEAKREFABLE.has(t.tp_name) || (t.tp_flags & (1 << 30)) !== 0)) {
    return PyErr_Format(PyExc_TypeError, `cannot create weak reference to '${t.tp_name}' object`);
  }
  return ob as PyObject;
}

const NOT_WEAKREFABLE = new Set(["int", "str", "tuple", "bytes", "float", "bool", "NoneType", "list", "dict",
  "complex", "NotImplementedType", "ellipsis", "bytearray", "range", "slice", "object", "property", "staticmethod",
  "classmethod", "super", "enumerate", "map", "zip", "filter", "reversed", "cell", "mappingproxy", "method-wrapper",
  "wrapper_descriptor", "method_descriptor", "classmethod_descriptor", "getset_descriptor", "member_descriptor",
  "dict_keys", "dict_values", "dict_items", "list_iterator", "list_reverseiterator", "tuple_iterator", "set_iterator",
  "bytes_iterator", "bytearray_iterator", "memory_iterator", "str_ascii_iterator", "range_iterator",
  "longrange_iterator", "dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "dict_reversekeyiterator",
  "dict_reversevalueiterator", "dict_reverseitemiterator", "iterator", "callable_iterator", "weakref.ReferenceType",
  "weakref.ProxyType", "weakref.CallableProxyType"]);

function newRef(type: PyTypeObject, ob: PyObject, callback: PyVal | null): PyWeakReference {
  const cb = callback === Py_None ? null : callback;
  if (type === PyWeakref_RefType && cb === null) {
    const existing = basicRef.get(ob)?.deref();
    if (existing !== undefined) return existing;
  }
  const r = new PyWeakReference(type, ob, cb);
  const held = new WeakRef(r);
  let set = refsTo.get(ob);
  if (set === undefined) {
    set = new Set();
    refsTo.set(ob, set);
  }
  set.add(held);
  if (type === PyWeakref_RefType && cb === null) basicRef.set(ob, held);
  track(held);
  if (cb !== null) registry.register(ob, held);
  return r;
}

function weakref_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  // weakref_vectorcall: calling the exact type refuses keywords (a subclass's __init__ may take them).
  if (type === PyWeakref_RefType && kwnames !== null && kwnames.length > 0) {
    return PyErr_Format(PyExc_TypeError, "weakref() takes no keyword arguments");
  }
  const npos = args.length - (kwnames?.length ?? 0);
  const [ob, cb] = unpackArgs("__new__", args.slice(0, npos), 1, 2);
  return newRef(type, checkReferent(ob!), cb ?? null);
}

function weakref_call(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  if (kwnames !== null && kwnames.length > 0) return PyErr_Format(PyExc_TypeError, "weakref() takes no keyword arguments");
  unpackArgs("weakref", args, 0, 0);
  return referent(self as PyWeakReference) ?? Py_None;
}

function weakref_hash(self: PyVal): number {
  const r = self as PyWeakReference;
  if (r.hashed) {
    Py_HashHi[0] = r.hashHi;
    return r.hashLo;
  }
  const o = referent(r);
  if (o === null) return PyErr_Format(PyExc_TypeError, "weak object has gone away");
  r.hashLo = PyObject_Hash(o);
  r.hashHi = Py_HashHi[0];
  r.hashed = true;
  return r.hashLo;
}

function weakref_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if ((op !== Py_EQ && op !== Py_NE) || !(a instanceof PyWeakReference) || !(b instanceof PyWeakReference)) {
    return Py_NotImplemented;
  }
  const x = referent(a), y = referent(b);
  if (x === null || y === null) {
    const same = a === b;
    return PyBool_FromLong(op === Py_EQ ? same : !same);
  }
  return PyObject_RichCompare(x, y, op);
}

function weakref_repr(self: PyVal): PyUnicodeObject {
  const o = referent(self as PyWeakReference);
  if (o === null) return PyUnicode_FromString(`<weakref at ${addressOf(self)}; dead>`);
  const name = PyObject_GetAttrStr(o, "__name__", true);
  const tn = Py_TYPE(o).tp_name;
  if (name !== undefined && name instanceof PyUnicodeObject) {
    return PyUnicode_FromString(`<weakref at ${addressOf(self)}; to '${tn}' at ${addressOf(o)} (${name.value})>`);
  }
  return PyUnicode_FromString(`<weakref at ${addressOf(self)}; to '${tn}' at ${addressOf(o)}>`);
}

PyType_FromSpecStatic({
  name: "weakref.ReferenceType",
  flags: Py_TPFLAGS_BASETYPE,
  slots: {
    tp_new: weakref_new,
    tp_init: (_s, args, kwnames) => { unpackArgs("__init__", args.slice(0, args.length - (kwnames?.length ?? 0)), 1, 2); },
    tp_call: weakref_call,
    tp_hash: weakref_hash,
    tp_richcompare: weakref_richcompare,
    tp_repr: weakref_repr,
  },
  methods: [
    { name: "__class_getitem__", meth: (cls: PyVal, a: PyVal) => genericAlias(cls, a), flags: METH_O | 0x0010 },
  ],
  members: [
    { name: "__callback__", get: (s) => (s as PyWeakReference).wr_callback ?? Py_None },
  ],
}, PyWeakref_RefType);

let genericAlias: (cls: PyVal, a: PyVal) => PyVal = (cls) => cls;
export function _PyWeakref_InstallGenericAlias(f: (cls: PyVal, a: PyVal) => PyVal): void {
  genericAlias = f;
}

// ---- proxies: forward attribute access, calls and common operators to the referent ----

class PyWeakProxy extends PyWeakReference {}

function proxyTarget(self: PyVal): PyObject {
  const o = referent(self as PyWeakReference);
  if (o === null) return PyErr_Format(PyExc_ReferenceError, "weakly-referenced object no longer exists");
  return o;
}

/** An operand with proxies replaced by their referents (UNWRAP in Objects/weakrefobject.c). */
function unwrap(v: PyVal): PyVal {
  return v instanceof PyWeakProxy ? proxyTarget(v) : v;
}
// The abstract functions are looked up when called: some are consts, unavailable while modules load.
type Fn1 = (a: PyVal) => PyVal;
type Fn2 = (a: PyVal, b: PyVal) => PyVal;
const bin = (k: keyof typeof A) => (a: PyVal, b: PyVal): PyVal => (A[k] as unknown as Fn2)(unwrap(a), unwrap(b));
const un = (k: keyof typeof A) => (a: PyVal): PyVal => (A[k] as unknown as Fn1)(unwrap(a));

// The number, sequence and mapping slots of proxy objects (proxy_as_number etc.): each forwards to the referent.
const proxySlots = {
  nb_add: bin("PyNumber_Add"), nb_subtract: bin("PyNumber_Subtract"), nb_multiply: bin("PyNumber_Multiply"),
  nb_remainder: bin("PyNumber_Remainder"), nb_divmod: bin("PyNumber_Divmod"),
  nb_power: (a: PyVal, b: PyVal, c: PyVal): PyVal => A.PyNumber_Power(unwrap(a), unwrap(b), unwrap(c)),
  nb_negative: un("PyNumber_Negative"), nb_positive: un("PyNumber_Positive"), nb_absolute: un("PyNumber_Absolute"),
  nb_bool: (a: PyVal): boolean => A.PyObject_IsTrue(proxyTarget(a)), nb_invert: un("PyNumber_Invert"),
  nb_lshift: bin("PyNumber_Lshift"), nb_rshift: bin("PyNumber_Rshift"), nb_and: bin("PyNumber_And"),
  nb_xor: bin("PyNumber_Xor"), nb_or: bin("PyNumber_Or"), nb_floor_divide: bin("PyNumber_FloorDivide"),
  nb_true_divide: bin("PyNumber_TrueDivide"), nb_matrix_multiply: bin("PyNumber_MatrixMultiply"),
  nb_int: (a: PyVal): PyVal => PyObject_Vectorcall(PyObject_GetAttrStr(proxyTarget(a), "__int__")!, [], null),
  nb_float: (a: PyVal): PyVal => PyObject_Vectorcall(PyObject_GetAttrStr(proxyTarget(a), "__float__")!, [], null),
  nb_index: un("PyNumber_Index"),
  nb_inplace_add: bin("PyNumber_InPlaceAdd"), nb_inplace_subtract: bin("PyNumber_InPlaceSubtract"),
  nb_inplace_multiply: bin("PyNumber_InPlaceMultiply"), nb_inplace_remainder: bin("PyNumber_InPlaceRemainder"),
  nb_inplace_lshift: bin("PyNumber_InPlaceLshift"), nb_inplace_rshift: bin("PyNumber_InPlaceRshift"),
  nb_inplace_and: bin("PyNumber_InPlaceAnd"), nb_inplace_xor: bin("PyNumber_InPlaceXor"),
  nb_inplace_or: bin("PyNumber_InPlaceOr"), nb_inplace_floor_divide: bin("PyNumber_InPlaceFloorDivide"),
  nb_inplace_true_divide: bin("PyNumber_InPlaceTrueDivide"),
  nb_inplace_matrix_multiply: bin("PyNumber_InPlaceMatrixMultiply"),
  sq_contains: (a: PyVal, v: PyVal): boolean => A.PySequence_Contains(proxyTarget(a), v),
  mp_length: (a: PyVal): number => A.PyObject_Size(proxyTarget(a)),
  mp_subscript: (a: PyVal, k: PyVal): PyVal => A.PyObject_GetItem(proxyTarget(a), k),
  mp_ass_subscript: (a: PyVal, k: PyVal, v: PyVal | null): void => {
    if (v === null) A.PyObject_DelItem(proxyTarget(a), k);
    else A.PyObject_SetItem(proxyTarget(a), k, v);
  },
  tp_iter: (a: PyVal): PyVal => A.PyObject_GetIter(proxyTarget(a)),
  tp_iternext: (a: PyVal): PyVal | undefined => {
    const o = proxyTarget(a);
    if (!A.PyIter_Check(o)) {
      return PyErr_Format(PyExc_TypeError, `Weakref proxy referenced a non-iterator '${Py_TYPE(o).tp_name}' object`);
    }
    return A.PyIter_Next(o);
  },
  tp_hash: (a: PyVal): number => A.PyObject_HashNotImplemented(a),
};

function proxySpec(name: string, callable: boolean, t: PyTypeObject): void {
  PyType_FromSpecStatic({
    name,
    slots: {
      tp_getattro: (s, n, suppress) => PyObject_GetAttrStr(proxyTarget(s), n.value, suppress),
      tp_setattro: (s, n, v) => {
        const o = proxyTarget(s);
        (Py_TYPE(o).tp_setattro!)(o, n, v);
      },
      tp_repr: (s) => {
        const o = referent(s as PyWeakReference);
        return PyUnicode_FromString(o === null ? `<weakproxy at ${addressOf(s)}; dead>`
          : `<weakproxy at ${addressOf(s)}; to '${Py_TYPE(o).tp_name}' at ${addressOf(o)}>`);
      },
      tp_str: (s) => PyObject_Str(proxyTarget(s)),
      tp_richcompare: (a, b, op) => PyObject_RichCompare(a instanceof PyWeakProxy ? proxyTarget(a) : a,
        b instanceof PyWeakProxy ? proxyTarget(b) : b, op),
      ...(callable ? { tp_call: (s: PyVal, a: readonly PyVal[], k: readonly PyVal[] | null) => PyObject_Vectorcall(proxyTarget(s), a, k) } : {}),
      ...proxySlots,
    },
    methods: [
      { name: "__bytes__", meth: (s: PyVal) => PyObject_Vectorcall(PyObject_GetAttrStr(proxyTarget(s), "__bytes__")!, [], null), flags: METH_NOARGS },
      { name: "__reversed__", meth: (s: PyVal) => PyObject_Vectorcall(PyObject_GetAttrStr(proxyTarget(s), "__reversed__")!, [], null), flags: METH_NOARGS },
    ],
  }, t);
}
proxySpec("weakref.ProxyType", false, PyWeakref_ProxyType);
proxySpec("weakref.CallableProxyType", true, PyWeakref_CallableProxyType);

function weakref_proxy(_m: PyVal, args: PyVal[]): PyVal {
  const [ob, cb] = unpackArgs("proxy", args, 1, 2);
  const o = checkReferent(ob!);
  const callable = Py_TYPE(o).tp_call !== null;
  const noCallback = cb === undefined || cb === Py_None;
  if (noCallback) {
    const existing = basicProxy.get(o)?.deref();
    if (existing !== undefined && existing.wr_object !== null) return existing;
  }
  const r = new PyWeakProxy(callable ? PyWeakref_CallableProxyType : PyWeakref_ProxyType, o, cb === undefined || cb === Py_None ? null : cb);
  let set = refsTo.get(o);
  if (set === undefined) {
    set = new Set();
    refsTo.set(o, set);
  }
  const held = new WeakRef(r);
  set.add(held);
  if (noCallback) basicProxy.set(o, held);
  track(held);
  return r;
}

function liveRefs(ob: PyVal): PyWeakReference[] {
  if (typeof ob === "number") return [];
  const set = refsTo.get(ob);
  if (set === undefined) return [];
  const out: PyWeakReference[] = [];
  for (const w of set) {
    const r = w.deref();
    if (r === undefined) set.delete(w);
    else out.push(r);
  }
  return out;
}

function remove_dead_weakref(_m: PyVal, args: PyVal[]): PyVal {
  const [d, key] = unpackArgs("_remove_dead_weakref", args, 2, 2);
  if (!(d instanceof PyDictObject)) return PyErr_Format(PyExc_TypeError, "not a dict");
  const v = PyDict_GetItem(d, key!);
  if (v !== undefined && v instanceof PyWeakReference && referent(v) === null) PyDict_DelItem(d, key!);
  return Py_None;
}

export const weakrefmodule: PyModuleDef = {
  m_name: "_weakref",
  m_doc: "Weak-reference support module.",
  m_methods: [
    { name: "getweakrefcount", meth: (_m: PyVal, o: PyVal) => (typeof o === "number" ? 0 : listOrder(o).length), flags: METH_O },
    { name: "getweakrefs", meth: (_m: PyVal, o: PyVal) => PyList_New(typeof o === "number" ? [] : listOrder(o)), flags: METH_O },
    { name: "proxy", meth: weakref_proxy, flags: METH_FASTCALL },
    { name: "_remove_dead_weakref", meth: remove_dead_weakref, flags: METH_FASTCALL },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "ref", PyWeakref_RefType);
    PyModule_Add(m, "ReferenceType", PyWeakref_RefType);
    PyModule_Add(m, "ProxyType", PyWeakref_ProxyType);
    PyModule_Add(m, "CallableProxyType", PyWeakref_CallableProxyType);
    void PyObject_Repr;
  },
};
