// The _functools module (Modules/_functoolsmodule.c, 3.13): partial (repr, pickling state, flattening of nested
// partials, the 3.13 FutureWarning of __get__), reduce, cmp_to_key's KeyWrapper and _lru_cache_wrapper with CPython's
// key-making and LRU order. See docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_TPFLAGS_BASETYPE,
  METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS, METH_CLASS, PyUnicode_InternFromString, PyUnicodeObject,
  type PyVal,
} from "../objects/object.js";
import { PyDictObject, PyDict_New, PyDict_GetItem, PyDict_SetItem, PyDict_DelItem, PyDict_Clear, PyDict_Keys,
  PyDict_Check, PyDict_CheckExact, PyDict_Copy } from "../objects/dictobject.js";
import { PyTuple_New, PyTupleObject, PyTuple_Check, PyTuple_CheckExact } from "../objects/tupleobject.js";
import { PyUnicode_FromString, PyUnicode_CheckExact, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyLongObject } from "../objects/longobject.js";
import {
  PyObject_Vectorcall, PyObject_Repr, PyObject_RichCompare, PyObject_GetIter, PyIter_Next, PyObject_IsTrue,
  PyObject_GetAttr, PyNumber_AsSsize_t, PyObject_Hash,
} from "../objects/abstract.js";
import { PyMethod_New } from "../objects/classobject.js";
import { Py_GenericAlias } from "../objects/genericaliasobject.js";
import { _PyObject_GetDict } from "../objects/typeobject.js";
import { PyExc_TypeError, PyExc_OverflowError, builtinExceptionTypes } from "../objects/exceptions.js";
import { PyErr_Format, Py_ReprEnter, Py_ReprLeave } from "../runtime/errors.js";
import { PyErr_WarnEx } from "./_warnings.js";
import { getSys } from "../runtime/sysmodule.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { parseArgs } from "../runtime/getargs.js";
import { _PyGC_AddRoot } from "../runtime/gc.js";

const PyPartial_Type = PyType_Declare("functools.partial");
const KeyWrapper_Type = PyType_Declare("functools.KeyWrapper");
const lru_cache_Type = PyType_Declare("functools._lru_cache_wrapper");

function callable(v: PyVal): boolean {
  return Py_TYPE(v).tp_call !== null;
}

function kwItems(d: PyDictObject): [PyVal, PyVal][] {
  return PyDict_Keys(d).map((k) => [k, PyDict_GetItem(d, k)!]);
}

/** A warning attributed to the calling Python frame; through warnings.warn when the warnings module is loaded, so
 *  its filters and catch_warnings apply (as CPython's _warnings consults the warnings module's filters). */
function warn(category: PyTypeObject, message: string): void {
  const w = PyDict_GetItem(getSys().modules, PyUnicode_InternFromString("warnings"));
  if (w === undefined) { PyErr_WarnEx(category, PyUnicode_FromString(message), 1); return; }
  PyObject_Vectorcall(PyObject_GetAttr(w, PyUnicode_InternFromString("warn")), [PyUnicode_FromString(message), category], null);
}

// ---- partial ----

class PartialObject extends PyObject {
  fn: PyVal;
  args: PyTupleObject;
  kw: PyDictObject;
  dict: PyDictObject | null;
  constructor(type: PyTypeObject, fn: PyVal, args: PyTupleObject, kw: PyDictObject) {
    super(type);
    this.fn = fn;
    this.args = args;
    this.kw = kw;
    this.dict = null;
  }
}

function partial_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (npos < 1) return PyErr_Format(PyExc_TypeError, "type 'partial' takes at least one argument");
  let func = args[0];
  let pargs: PyVal[] = [];
  let pkw: PyDictObject | null = null;
  // Flatten partial(partial(f, ...), ...) when the inner one is a plain partial without instance attributes.
  if (Py_TYPE(func).tp_call === partial_call && func instanceof PartialObject && func.dict === null) {
    pargs = func.args.ob_item.slice();
    pkw = func.kw;
    func = func.fn;
  }
  if (!callable(func)) return PyErr_Format(PyExc_TypeError, "the first argument must be callable");
  const kw = pkw === null ? PyDict_New() : PyDict_Copy(pkw);
  for (let k = 0; k < nkw; k++) PyDict_SetItem(kw, kwnames![k], args[npos + k]);
  return new PartialObject(type, func, PyTuple_New([...pargs, ...args.slice(1, npos)]), kw);
}

function partial_call(s: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const p = s as PartialObject;
  const nkw = kwnames === null ? 0 : kwnames.length;
  const pa = p.args.ob_item;
  if (p.kw.ma_used === 0) {
    return PyObject_Vectorcall(p.fn, pa.length === 0 ? args : [...pa, ...args], kwnames);
  }
  const npos = args.length - nkw;
  const names: PyVal[] = [];
  const values: PyVal[] = [];
  const d = p.kw;
  if (nkw === 0) {
    // The common case: the stored keywords as they are, read straight from the dict's entries.
    for (let i = 0; i < d.dk_nentries; i++) {
      const k = d.me_key[i];
      if (k !== null) { names.push(k); values.push(d.me_value[i]!); }
    }
    return PyObject_Vectorcall(p.fn, [...pa, ...args, ...values], names);
  }
  // {**self.keywords, **kwargs}: the stored order, with call-time values overriding, new names appended.
  const merged = PyDict_Copy(d);
  for (let k = 0; k < nkw; k++) PyDict_SetItem(merged, kwnames![k], args[npos + k]);
  for (const [k, v] of kwItems(merged)) { names.push(k); values.push(v); }
  return PyObject_Vectorcall(p.fn, [...pa, ...args.slice(0, npos), ...values], names);
}

function partial_repr(s: PyVal): PyUnicodeObject {
  const p = s as PartialObject;
  const t = Py_TYPE(p);
  const mod = PyObject_GetAttr(t, PyUnicode_InternFromString("__module__"));
  const qn = PyObject_GetAttr(t, PyUnicode_InternFromString("__qualname__"));
  const name = `${PyUnicode_Check(mod) ? mod.value : PyObject_Repr(mod).value}.${(qn as PyUnicodeObject).value}`;
  if (!Py_ReprEnter(p)) return PyUnicode_FromString("...");
  try {
    const parts = [PyObject_Repr(p.fn).value];
    for (const a of p.args.ob_item) parts.push(PyObject_Repr(a).value);
    for (const [k, v] of kwItems(p.kw)) parts.push(`${(k as PyUnicodeObject).value}=${PyObject_Repr(v).value}`);
    return PyUnicode_FromString(`${name}(${parts.join(", ")})`);
  } finally {
    Py_ReprLeave(p);
  }
}

function partial_setstate(s: PyVal, state: PyVal): PyVal {
  const p = s as PartialObject;
  if (!PyTuple_Check(state) || state.ob_item.length !== 4) return PyErr_Format(PyExc_TypeError, "invalid partial state");
  const [fn, fnargs, kw, dict] = state.ob_item;
  if (!callable(fn) || !PyTuple_Check(fnargs) || (kw !== Py_None && !PyDict_Check(kw))) {
    return PyErr_Format(PyExc_TypeError, "invalid partial state");
  }
  p.fn = fn;
  p.args = PyTuple_CheckExact(fnargs) ? fnargs : PyTuple_New((fnargs as PyTupleObject).ob_item.slice());
  p.kw = kw === Py_None ? PyDict_New() : PyDict_CheckExact(kw) ? kw as PyDictObject : PyDict_Copy(kw as PyDictObject);
  p.dict = dict === Py_None ? null : dict as PyDictObject;
  return Py_None;
}

PyType_FromSpecStatic({
  name: "functools.partial",
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n",
  slots: {
    tp_new: partial_new,
    tp_call: partial_call,
    tp_repr: partial_repr,
    tp_descr_get: (self, obj) => {
      if (obj === null || obj === Py_None) return self;
      warn(builtinExceptionTypes().get("FutureWarning")!, "functools.partial will be a method descriptor in future "
        + "Python versions; wrap it in staticmethod() if you want to preserve the old behavior");
      return self;
    },
  },
  members: [
    { name: "func", get: (s: PyVal) => (s as PartialObject).fn, doc: "function object to use in future partial calls" },
    { name: "args", get: (s: PyVal) => (s as PartialObject).args, doc: "tuple of arguments to future partial calls" },
    { name: "keywords", get: (s: PyVal) => (s as PartialObject).kw, doc: "dictionary of keyword arguments to future partial calls" },
  ],
  getset: [{ name: "__dict__", get: (s: PyVal) => _PyObject_GetDict(s, true)!, set: (s: PyVal, v: PyVal | null) => {
    if (v === null || !PyDict_Check(v)) PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary");
    (s as PartialObject).dict = v as PyDictObject;
  } }],
  methods: [
    { name: "__reduce__", meth: (s: PyVal) => {
      const p = s as PartialObject;
      return PyTuple_New([Py_TYPE(p), PyTuple_New([p.fn]),
        PyTuple_New([p.fn, p.args, p.kw, p.dict === null ? Py_None : p.dict])]);
    }, flags: METH_NOARGS },
    { name: "__setstate__", meth: partial_setstate, flags: METH_O },
    { name: "__class_getitem__", meth: (cls: PyVal, arg: PyVal) => Py_GenericAlias(cls, arg), flags: METH_O | METH_CLASS,
      doc: "See PEP 585" },
  ],
}, PyPartial_Type);

// ---- reduce ----

function functools_reduce(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  if (kwnames !== null && kwnames.length > 0) return PyErr_Format(PyExc_TypeError, "reduce() takes no keyword arguments");
  if (args.length < 2) return PyErr_Format(PyExc_TypeError, `reduce expected at least 2 arguments, got ${args.length}`);
  if (args.length > 3) return PyErr_Format(PyExc_TypeError, `reduce expected at most 3 arguments, got ${args.length}`);
  const func = args[0];
  let it: PyVal;
  try {
    it = PyObject_GetIter(args[1]);
  } catch (e) {
    if (e instanceof PyObject && Py_TYPE(e) === PyExc_TypeError) {
      return PyErr_Format(PyExc_TypeError, "reduce() arg 2 must support iteration");
    }
    throw e;
  }
  let result: PyVal | undefined = args.length === 3 ? args[2] : undefined;
  for (;;) {
    const op2 = PyIter_Next(it);
    if (op2 === undefined) break;
    result = result === undefined ? op2 : PyObject_Vectorcall(func, [result, op2], null);
  }
  if (result === undefined) return PyErr_Format(PyExc_TypeError, "reduce() of empty iterable with no initial value");
  return result;
}

// ---- cmp_to_key ----

class KeyWrapper extends PyObject {
  readonly cmp: PyVal;
  readonly object: PyVal | null;
  constructor(cmp: PyVal, object: PyVal | null) {
    super(KeyWrapper_Type);
    this.cmp = cmp;
    this.object = object;
  }
}

function keywrapper_call(s: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (args.length !== 1 || (nkw === 1 && (kwnames![0] as PyUnicodeObject).value !== "obj")) {
    // As _PyArg_UnpackKeywords: the missing required argument is reported before the unknown keyword.
    if (args.length === 0 || (nkw === 1 && npos === 0)) return PyErr_Format(PyExc_TypeError, "K() missing required argument 'obj' (pos 1)");
    return PyErr_Format(PyExc_TypeError, `K() takes at most 1 argument (${args.length} given)`);
  }
  return new KeyWrapper((s as KeyWrapper).cmp, args[0]);
}

function keywrapper_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if (!(a instanceof KeyWrapper)) return Py_NotImplemented;
  if (!(b instanceof KeyWrapper)) return PyErr_Format(PyExc_TypeError, "other argument must be K instance");
  const res = PyObject_Vectorcall(a.cmp, [a.object ?? Py_None, b.object ?? Py_None], null);
  return PyObject_RichCompare(res, 0, op);
}

PyType_FromSpecStatic({
  name: "functools.KeyWrapper",
  slots: { tp_call: keywrapper_call, tp_richcompare: keywrapper_richcompare },
  members: [{ name: "obj", get: (s: PyVal) => (s as KeyWrapper).object ?? Py_None, doc: "Value wrapped by a key function." }],
}, KeyWrapper_Type);

function functools_cmp_to_key(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  if (args.length > 1) return PyErr_Format(PyExc_TypeError, `cmp_to_key() takes at most 1 argument (${args.length} given)`);
  // As _PyArg_UnpackKeywords: the missing required argument is reported before the unknown keyword.
  if (args.length === 0 || (nkw === 1 && (kwnames![0] as PyUnicodeObject).value !== "mycmp")) return PyErr_Format(PyExc_TypeError, "cmp_to_key() missing required argument 'mycmp' (pos 1)");
  return new KeyWrapper(args[0], null);
}

// ---- _lru_cache_wrapper ----

/** A cache entry in the LRU list (lru_list_elem); the dict maps keys to these. */
class LruLink {
  prev: LruLink;
  next: LruLink;
  key: PyVal;
  result: PyVal;
  constructor(key: PyVal, result: PyVal) {
    this.prev = this;
    this.next = this;
    this.key = key;
    this.result = result;
  }
}

const LruLinkHolder_Type = PyType_Declare("functools._lru_list_elem");
PyType_FromSpecStatic({ name: "functools._lru_list_elem" }, LruLinkHolder_Type);
class LruLinkHolder extends PyObject {
  readonly link: LruLink;
  constructor(link: LruLink) {
    super(LruLinkHolder_Type);
    this.link = link;
  }
}

/** The separator between positional and keyword parts of a key (kwd_mark). */
let kwd_mark: PyObject | null = null;
_PyGC_AddRoot("_functools", () => kwd_mark);

class LruCacheObject extends PyObject {
  readonly func: PyVal;
  /** -1: unbounded (maxsize None); 0: no caching. */
  readonly maxsize: number;
  readonly typed: boolean;
  readonly cache_info_type: PyVal;
  readonly cache: PyDictObject;
  readonly root: LruLink;
  hits: number;
  misses: number;
  dict: PyDictObject | null;
  constructor(func: PyVal, maxsize: number, typed: boolean, cache_info_type: PyVal) {
    super(lru_cache_Type);
    this.func = func;
    this.maxsize = maxsize;
    this.typed = typed;
    this.cache_info_type = cache_info_type;
    this.cache = PyDict_New();
    this.root = new LruLink(Py_None, Py_None);
    this.hits = 0;
    this.misses = 0;
    this.dict = null;
  }
}

/** lru_cache_make_key: one exact int or str argument is its own key; otherwise a flat tuple. */
function make_key(args: readonly PyVal[], kwnames: readonly PyVal[] | null, typed: boolean): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (!typed && nkw === 0) {
    if (npos === 1) {
      const a = args[0];
      if (typeof a === "number" || PyUnicode_CheckExact(a) || (a instanceof PyLongObject && Py_TYPE(a).tp_name === "int")) return a;
    }
    return PyTuple_New(args.slice());
  }
  const key: PyVal[] = args.slice(0, npos);
  if (nkw > 0) {
    kwd_mark ??= new PyObject(LruLinkHolder_Type);
    key.push(kwd_mark);
    for (let k = 0; k < nkw; k++) key.push(kwnames![k], args[npos + k]);
  }
  if (typed) {
    for (let i = 0; i < npos; i++) key.push(Py_TYPE(args[i]));
    for (let k = 0; k < nkw; k++) key.push(Py_TYPE(args[npos + k]));
  }
  return PyTuple_New(key);
}

function lru_call(s: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const self = s as LruCacheObject;
  if (self.maxsize === 0) {
    self.misses++;
    return PyObject_Vectorcall(self.func, args, kwnames);
  }
  const key = make_key(args, kwnames, self.typed);
  PyObject_Hash(key);
  const found = PyDict_GetItem(self.cache, key);
  if (self.maxsize < 0) {
    if (found !== undefined) { self.hits++; return found; }
    self.misses++;
    const result = PyObject_Vectorcall(self.func, args, kwnames);
    PyDict_SetItem(self.cache, key, result);
    return result;
  }
  const root = self.root;
  if (found !== undefined) {
    // Move the link to the most recently used end.
    const link = (found as LruLinkHolder).link;
    link.prev.next = link.next;
    link.next.prev = link.prev;
    link.prev = root.prev;
    link.next = root;
    root.prev.next = link;
    root.prev = link;
    self.hits++;
    return link.result;
  }
  self.misses++;
  const result = PyObject_Vectorcall(self.func, args, kwnames);
  // The call may have filled this key (recursion): keep the cache as it is then (bounded_lru_cache_wrapper).
  if (PyDict_GetItem(self.cache, key) !== undefined) return result;
  if (self.cache.ma_used >= self.maxsize) {
    const oldest = root.next;
    oldest.prev.next = oldest.next;
    oldest.next.prev = oldest.prev;
    PyDict_DelItem(self.cache, oldest.key);
  }
  const link = new LruLink(key, result);
  link.prev = root.prev;
  link.next = root;
  root.prev.next = link;
  root.prev = link;
  PyDict_SetItem(self.cache, key, new LruLinkHolder(link));
  return result;
}

function lru_cache_new(_type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const names = ["user_function", "maxsize", "typed", "cache_info_type"];
  const got = parseArgs("lru_cache", args, kwnames, names, 4, 4);
  const [func, maxsize_O, typed_O, cache_info_type] = got as PyVal[];
  const typed = PyObject_IsTrue(typed_O);
  if (!callable(func)) return PyErr_Format(PyExc_TypeError, "the first argument must be callable");
  let maxsize: number;
  if (maxsize_O === Py_None) maxsize = -1;
  else if (typeof maxsize_O === "number" || maxsize_O instanceof PyLongObject) {
    maxsize = PyNumber_AsSsize_t(maxsize_O, PyExc_OverflowError);
    if (maxsize < 0) maxsize = 0;
  } else return PyErr_Format(PyExc_TypeError, "maxsize should be integer or None");
  return new LruCacheObject(func, maxsize, typed, cache_info_type);
}

PyType_FromSpecStatic({
  name: "functools._lru_cache_wrapper",
  dictoffset: 1,
  doc: "Create a cached callable that wraps another function.\n\nuser_function:      the function being cached\n\n"
    + "maxsize:  0         for no caching\n          None      for unlimited cache size\n          n         for a bounded cache\n\n"
    + "typed:    False     cache f(3) and f(3.0) as identical calls\n          True      cache f(3) and f(3.0) as distinct calls\n\n"
    + "cache_info_type:    namedtuple class with the fields:\n                        hits misses currsize maxsize\n",
  slots: {
    tp_new: lru_cache_new,
    tp_call: lru_call,
    tp_descr_get: (self, obj) => (obj === null || obj === Py_None ? self : PyMethod_New(self, obj)),
  },
  getset: [{ name: "__dict__", get: (s: PyVal) => _PyObject_GetDict(s, true)! }],
  methods: [
    { name: "cache_info", meth: (s: PyVal) => {
      const self = s as LruCacheObject;
      const currsize = self.cache.ma_used;
      return PyObject_Vectorcall(self.cache_info_type,
        [self.hits, self.misses, self.maxsize === -1 ? Py_None : self.maxsize, currsize], null);
    }, flags: METH_NOARGS, doc: "Report cache statistics" },
    { name: "cache_clear", meth: (s: PyVal) => {
      const self = s as LruCacheObject;
      self.hits = 0;
      self.misses = 0;
      self.root.next = self.root;
      self.root.prev = self.root;
      PyDict_Clear(self.cache);
      return Py_None;
    }, flags: METH_NOARGS, doc: "Clear the cache and cache statistics" },
    { name: "__reduce__", meth: (s: PyVal) => PyObject_GetAttr(s, PyUnicode_InternFromString("__qualname__")), flags: METH_NOARGS },
    { name: "__copy__", meth: (s: PyVal) => s, flags: METH_NOARGS },
    { name: "__deepcopy__", meth: (s: PyVal) => s, flags: METH_O },
  ],
}, lru_cache_Type);

export const functoolsmodule: PyModuleDef = {
  m_name: "_functools",
  m_doc: "Tools that operate on functions.",
  m_methods: [
    { name: "reduce", meth: functools_reduce, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "reduce(function, iterable[, initial], /) -> value\n\nApply a function of two arguments cumulatively to the items of an iterable, from left to right.\n\nThis effectively reduces the iterable to a single value.  If initial is present,\nit is placed before the items of the iterable in the calculation, and serves as\na default when the iterable is empty.\n\nFor example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5])\ncalculates ((((1 + 2) + 3) + 4) + 5)." },
    { name: "cmp_to_key", meth: functools_cmp_to_key, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "Convert a cmp= function into a key= function.\n\n  mycmp\n    Function that compares two objects." },
  ],
  m_exec: (m) => {
    // Heap types in CPython: their dicts hold __module__.
    for (const t of [PyPartial_Type, lru_cache_Type, KeyWrapper_Type]) {
      PyDict_SetItem(t.tp_dict as PyDictObject, PyUnicode_InternFromString("__module__"), PyUnicode_InternFromString("functools"));
    }
    PyModule_Add(m, "partial", PyPartial_Type);
    PyModule_Add(m, "_lru_cache_wrapper", lru_cache_Type);
  },
};
