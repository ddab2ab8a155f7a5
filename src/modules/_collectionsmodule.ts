// The _collections module (Modules/_collectionsmodule.c): deque (a double-ended queue with an optional maxlen,
// CPython's messages, mutation checks during iteration) and defaultdict (a dict subclass whose __missing__ calls
// default_factory), plus _count_elements. OrderedDict and _tuplegetter use collections' pure-Python versions.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_EQ,
  Py_TPFLAGS_BASETYPE, Py_TPFLAGS_SEQUENCE, METH_NOARGS, METH_O, METH_FASTCALL, METH_CLASS, PyUnicodeObject, type PyVal,
} from "../objects/object.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { seqRichCompare } from "../objects/tupleobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyDictObject, PyDict_Type, PyDict_SetItem, PyDict_GetItem, PyDict_Items, PyDict_Copy } from "../objects/dictobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_IndexError, PyExc_RuntimeError } from "../objects/exceptions.js";
import { PyObject_GetIter, PyIter_Next, PyObject_RichCompareBool, PyObject_Repr, PyObject_Vectorcall,
  PyNumber_AsSsize_t, PyNumber_Add, PyObject_GetItem, PyObject_SetItem, PyObject_GetAttrStr,
  PyObject_CallMethod } from "../objects/abstract.js";
import { PyErr_Format, PyErr_SetKeyError, Py_ReprEnter, Py_ReprLeave } from "../runtime/errors.js";
import { parseArgs, unpackArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { _PyGC_AddTraverse } from "../runtime/gc.js";

export const PyDeque_Type = PyType_Declare("collections.deque");
export const PyDequeIter_Type = PyType_Declare("collections._deque_iterator");
export const PyDequeRevIter_Type = PyType_Declare("collections._deque_reverse_iterator");
export const PyDefaultDict_Type = PyType_Declare("collections.defaultdict");

export class PyDequeObject extends PyObject {
  items: PyVal[];
  maxlen: number;
  state: number;
  dict: PyDictObject | null;
  constructor(type: PyTypeObject) {
    super(type);
    this.items = [];
    this.maxlen = -1;
    this.state = 0;
    this.dict = null;
  }
}

class PyDequeIterObject extends PyObject {
  deque: PyDequeObject;
  index: number;
  state: number;
  reverse: boolean;
  constructor(type: PyTypeObject, d: PyDequeObject, reverse: boolean) {
    super(type);
    this.deque = d;
    this.index = 0;
    this.state = d.state;
    this.reverse = reverse;
  }
}

function append(d: PyDequeObject, v: PyVal): void {
  if (d.maxlen === 0) return;
  d.items.push(v);
  if (d.maxlen >= 0 && d.items.length > d.maxlen) d.items.shift();
  d.state++;
}

function appendleft(d: PyDequeObject, v: PyVal): void {
  if (d.maxlen === 0) return;
  d.items.unshift(v);
  if (d.maxlen >= 0 && d.items.length > d.maxlen) d.items.pop();
  d.state++;
}

function extend(d: PyDequeObject, iterable: PyVal, left: boolean): void {
  const src = iterable === d ? d.items.slice() : null;
  if (src !== null) {
    for (const v of src) (left ? appendleft : append)(d, v);
    return;
  }
  const it = PyObject_GetIter(iterable);
  for (let v = PyIter_Next(it); v !== undefined; v = PyIter_Next(it)) (left ? appendleft : append)(d, v);
}

function index(d: PyDequeObject, i: PyVal): number {
  let n = PyNumber_AsSsize_t(i, PyExc_IndexError);
  if (n < 0) n += d.items.length;
  if (n < 0 || n >= d.items.length) return PyErr_Format(PyExc_IndexError, "deque index out of range");
  return n;
}

function deque_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const d = self as PyDequeObject;
  const [iterable, maxlen] = parseArgs("deque", args, kwnames, ["iterable", "maxlen"], 0, 2);
  let m = -1;
  if (maxlen !== undefined && maxlen !== Py_None) {
    m = PyNumber_AsSsize_t(maxlen, PyExc_ValueError);
    if (m < 0) PyErr_Format(PyExc_ValueError, "maxlen must be non-negative");
  }
  d.maxlen = m;
  if (d.items.length > 0) { d.items = []; d.state++; }
  if (iterable !== undefined && iterable !== Py_None) extend(d, iterable, false);
}

function deque_repr(self: PyVal): PyUnicodeObject {
  const d = self as PyDequeObject;
  const name = Py_TYPE(d).tp_name === "collections.deque" ? "deque" : Py_TYPE(d).tp_name;
  if (!Py_ReprEnter(d)) return PyUnicode_FromString("[...]");
  try {
    const body = `[${d.items.map((x) => PyObject_Repr(x).value).join(", ")}]`;
    return PyUnicode_FromString(d.maxlen >= 0 ? `${name}(${body}, maxlen=${d.maxlen})` : `${name}(${body})`);
  } finally {
    Py_ReprLeave(d);
  }
}

function copyOf(d: PyDequeObject): PyDequeObject {
  const c = new PyDequeObject(Py_TYPE(d));
  c.items = d.items.slice();
  c.maxlen = d.maxlen;
  return c;
}

function deque_iternext(self: PyVal): PyVal | undefined {
  const it = self as PyDequeIterObject;
  const d = it.deque;
  if (it.state !== d.state) {
    it.index = d.items.length + 1;
    return PyErr_Format(PyExc_RuntimeError, "deque mutated during iteration");
  }
  if (it.index >= d.items.length) return undefined;
  const v = it.reverse ? d.items[d.items.length - 1 - it.index] : d.items[it.index];
  it.index++;
  return v;
}

PyType_FromSpecStatic({
  name: "collections.deque",
  flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_SEQUENCE,
  dictoffset: 1,
  doc: "A list-like sequence optimized for data accesses near its endpoints.",
  slots: {
    tp_new: (t) => new PyDequeObject(t),
    tp_init: deque_init,
    tp_repr: deque_repr,
    tp_iter: (s) => new PyDequeIterObject(PyDequeIter_Type, s as PyDequeObject, false),
    tp_richcompare: (a, b, op) => {
      if (!(a instanceof PyDequeObject) || !(b instanceof PyDequeObject)) return Py_NotImplemented;
      return seqRichCompare(a.items, b.items, op);
    },
    sq_length: (s) => (s as PyDequeObject).items.length,
    sq_item: (s, i) => {
      const d = s as PyDequeObject;
      const n = i < 0 ? i + d.items.length : i;
      if (n < 0 || n >= d.items.length) return PyErr_Format(PyExc_IndexError, "deque index out of range");
      return d.items[n];
    },
    sq_ass_item: (s, i, v) => {
      const d = s as PyDequeObject;
      const n = index(d, i);
      if (v === null) { d.items.splice(n, 1); d.state++; } else d.items[n] = v;
    },
    sq_contains: (s, v) => {
      const d = s as PyDequeObject;
      const state = d.state;
      for (const x of d.items) {
        if (PyObject_RichCompareBool(x, v, Py_EQ)) return true;
        if (d.state !== state) return PyErr_Format(PyExc_RuntimeError, "deque mutated during iteration");
      }
      return false;
    },
    sq_concat: (a, b) => {
      if (!(b instanceof PyDequeObject)) {
        return PyErr_Format(PyExc_TypeError, `can only concatenate deque (not "${Py_TYPE(b).tp_name}") to deque`);
      }
      const c = copyOf(a as PyDequeObject);
      extend(c, b, false);
      return c;
    },
    sq_repeat: (a, n) => {
      const c = copyOf(a as PyDequeObject);
      const src = c.items.slice();
      c.items = [];
      for (let k = 0; k < n; k++) for (const x of src) append(c, x);
      return c;
    },
    sq_inplace_concat: (a, b) => { extend(a as PyDequeObject, b, false); return a; },
    sq_inplace_repeat: (a, n) => {
      const d = a as PyDequeObject;
      const src = d.items.slice();
      d.items = [];
      for (let k = 0; k < n; k++) for (const x of src) append(d, x);
      d.state++;
      return a;
    },
  },
  methods: [
    { name: "append", meth: (s: PyVal, v: PyVal) => { append(s as PyDequeObject, v); return Py_None; }, flags: METH_O },
    { name: "appendleft", meth: (s: PyVal, v: PyVal) => { appendleft(s as PyDequeObject, v); return Py_None; }, flags: METH_O },
    { name: "pop", meth: (s: PyVal) => {
      const d = s as PyDequeObject;
      if (d.items.length === 0) return PyErr_Format(PyExc_IndexError, "pop from an empty deque");
      d.state++;
      return d.items.pop()!;
    }, flags: METH_NOARGS },
    { name: "popleft", meth: (s: PyVal) => {
      const d = s as PyDequeObject;
      if (d.items.length === 0) return PyErr_Format(PyExc_IndexError, "pop from an empty deque");
      d.state++;
      return d.items.shift()!;
    }, flags: METH_NOARGS },
    { name: "extend", meth: (s: PyVal, it: PyVal) => { extend(s as PyDequeObject, it, false); return Py_None; }, flags: METH_O },
    { name: "extendleft", meth: (s: PyVal, it: PyVal) => { extend(s as PyDequeObject, it, true); return Py_None; }, flags: METH_O },
    { name: "clear", meth: (s: PyVal) => { (s as PyDequeObject).items = []; (s as PyDequeObject).state++; return Py_None; }, flags: METH_NOARGS },
    { name: "copy", meth: (s: PyVal) => copyOf(s as PyDequeObject), flags: METH_NOARGS },
    { name: "__copy__", meth: (s: PyVal) => copyOf(s as PyDequeObject), flags: METH_NOARGS },
    { name: "count", meth: (s: PyVal, v: PyVal) => {
      const d = s as PyDequeObject;
      const state = d.state;
      let n = 0;
      for (const x of d.items) {
        if (PyObject_RichCompareBool(x, v, Py_EQ)) n++;
        if (d.state !== state) return PyErr_Format(PyExc_RuntimeError, "deque mutated during iteration");
      }
      return n;
    }, flags: METH_O },
    { name: "index", meth: (s: PyVal, a: PyVal[]) => {
      const d = s as PyDequeObject;
      const [v, st, sp] = unpackArgs("index", a, 1, 3);
      const n = d.items.length;
      let start = st === undefined ? 0 : PyNumber_AsSsize_t(st, null);
      let stop = sp === undefined ? n : PyNumber_AsSsize_t(sp, null);
      if (start < 0) start = Math.max(0, start + n);
      if (stop < 0) stop = Math.max(0, stop + n);
      const state = d.state;
      for (let i = start; i < Math.min(stop, n); i++) {
        if (PyObject_RichCompareBool(d.items[i], v!, Py_EQ)) return i;
        if (d.state !== state) return PyErr_Format(PyExc_RuntimeError, "deque mutated during iteration");
      }
      return PyErr_Format(PyExc_ValueError, `${PyObject_Repr(v!).value} is not in deque`);
    }, flags: METH_FASTCALL },
    { name: "insert", meth: (s: PyVal, a: PyVal[]) => {
      const d = s as PyDequeObject;
      const [i, v] = unpackArgs("insert", a, 2, 2);
      if (d.maxlen >= 0 && d.items.length >= d.maxlen) return PyErr_Format(PyExc_IndexError, "deque already at its maximum size");
      let n = PyNumber_AsSsize_t(i!, null);
      const len = d.items.length;
      if (n < 0) n = Math.max(0, n + len);
      d.items.splice(Math.min(n, len), 0, v!);
      d.state++;
      return Py_None;
    }, flags: METH_FASTCALL },
    { name: "remove", meth: (s: PyVal, v: PyVal) => {
      const d = s as PyDequeObject;
      for (let i = 0; i < d.items.length; i++) {
        if (PyObject_RichCompareBool(d.items[i], v, Py_EQ)) {
          d.items.splice(i, 1);
          d.state++;
          return Py_None;
        }
      }
      return PyErr_Format(PyExc_ValueError, `${PyObject_Repr(v).value} is not in deque`);
    }, flags: METH_O },
    { name: "reverse", meth: (s: PyVal) => { (s as PyDequeObject).items.reverse(); (s as PyDequeObject).state++; return Py_None; }, flags: METH_NOARGS },
    { name: "rotate", meth: (s: PyVal, a: PyVal[]) => {
      const d = s as PyDequeObject;
      const [nArg] = unpackArgs("rotate", a, 0, 1);
      const len = d.items.length;
      if (len <= 1) return Py_None;
      let n = nArg === undefined ? 1 : PyNumber_AsSsize_t(nArg, null);
      n = ((n % len) + len) % len;
      if (n !== 0) d.items = d.items.slice(len - n).concat(d.items.slice(0, len - n));
      d.state++;
      return Py_None;
    }, flags: METH_FASTCALL },
    { name: "__reversed__", meth: (s: PyVal) => new PyDequeIterObject(PyDequeRevIter_Type, s as PyDequeObject, true), flags: METH_NOARGS },
    { name: "__reduce__", meth: (s: PyVal) => {
      // deque_reduce: (type, () or ((), maxlen), __getstate__(), iter(self)); the items go as the iterator.
      const d = s as PyDequeObject;
      const state = PyObject_CallMethod(d, "__getstate__", []);
      const it = PyObject_GetIter(d);
      const args = d.maxlen < 0 ? PyTuple_New([]) : PyTuple_New([PyTuple_New([]), d.maxlen]);
      return PyTuple_New([Py_TYPE(d), args, state, it]);
    }, flags: METH_NOARGS },
    { name: "__class_getitem__", meth: (cls: PyVal, a: PyVal) => genericAlias(cls, a), flags: METH_O | METH_CLASS },
  ],
  getset: [
    { name: "maxlen", get: (s) => ((s as PyDequeObject).maxlen < 0 ? Py_None : (s as PyDequeObject).maxlen) },
  ],
}, PyDeque_Type);

for (const [t, name] of [[PyDequeIter_Type, "collections._deque_iterator"], [PyDequeRevIter_Type, "collections._deque_reverse_iterator"]] as const) {
  PyType_FromSpecStatic({
    name,
    slots: {
      tp_iter: (s) => s,
      tp_iternext: deque_iternext,
    },
    methods: [
      { name: "__length_hint__", meth: (s: PyVal) => Math.max(0, (s as PyDequeIterObject).deque.items.length - (s as PyDequeIterObject).index), flags: METH_NOARGS },
    ],
  }, t);
}

let genericAlias: (cls: PyVal, a: PyVal) => PyVal = (cls) => cls;
export function _PyCollections_InstallGenericAlias(f: (cls: PyVal, a: PyVal) => PyVal): void {
  genericAlias = f;
}

// ---- defaultdict ----

// A defaultdict is a PyDictObject of type defaultdict; its default_factory lives in a side table, because a class
// extending PyDictObject at load time would need dictobject.ts evaluated first (docs/objects.md, module order).
const factories = new WeakMap<PyObject, PyVal>();
_PyGC_AddTraverse((o) => (o instanceof PyDictObject ? factories.get(o) : undefined));
function factoryOf(d: PyVal): PyVal {
  return factories.get(d as PyObject) ?? Py_None;
}
function isDefaultDict(v: PyVal): v is PyDictObject {
  return v instanceof PyDictObject && factories.has(v);
}

function defdict_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const d = self as PyDictObject;
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  let rest = args;
  if (npos > 0) {
    const f = args[0];
    if (f !== Py_None && Py_TYPE(f).tp_call === null) PyErr_Format(PyExc_TypeError, "first argument must be callable or None");
    factories.set(d, f);
    rest = args.slice(1);
  }
  PyDict_Type.tp_init!(d, rest, kwnames);
}

function defdict_missing(self: PyVal, key: PyVal): PyVal {
  const f = factoryOf(self);
  if (f === Py_None) return PyErr_SetKeyError(key);
  const v = PyObject_Vectorcall(f, [], null);
  PyObject_SetItem(self, key, v);
  return v;
}

function newDefaultDict(type: PyTypeObject, factory: PyVal): PyDictObject {
  const d = new PyDictObject(type);
  factories.set(d, factory);
  return d;
}

function defdict_copy(self: PyVal): PyVal {
  const d = self as PyDictObject;
  const c = newDefaultDict(Py_TYPE(d), factoryOf(d));
  for (const [k, v] of PyDict_Items(d)) PyDict_SetItem(c, k, v);
  return c;
}

PyType_FromSpecStatic({
  name: "collections.defaultdict",
  base: () => PyDict_Type,
  flags: Py_TPFLAGS_BASETYPE,
  doc: "defaultdict(default_factory=None, /, [...]) --> dict with default factory",
  slots: {
    tp_new: (t) => newDefaultDict(t, Py_None),
    tp_init: defdict_init,
    tp_repr: (s) => {
      const d = s as PyDictObject;
      const base = PyDict_Type.tp_repr!(d).value;
      const factory = factoryOf(d);
      let f: string;
      if (factory === Py_None) f = "None";
      else if (!Py_ReprEnter(d)) f = "...";
      else {
        try { f = PyObject_Repr(factory).value; } finally { Py_ReprLeave(d); }
      }
      return PyUnicode_FromString(`${Py_TYPE(d).tp_name === "collections.defaultdict" ? "defaultdict" : Py_TYPE(d).tp_name}(${f}, ${base})`);
    },
    nb_or: (a, b) => {
      if (!(a instanceof PyDictObject) || !(b instanceof PyDictObject)) return Py_NotImplemented;
      const self = isDefaultDict(a) ? a : b;
      const c = defdict_copy(self) as PyDictObject;
      if (a !== self) {
        const out = newDefaultDict(Py_TYPE(self), factoryOf(self));
        for (const [k, v] of PyDict_Items(a)) PyDict_SetItem(out, k, v);
        for (const [k, v] of PyDict_Items(b)) PyDict_SetItem(out, k, v);
        return out;
      }
      for (const [k, v] of PyDict_Items(b)) PyDict_SetItem(c, k, v);
      return c;
    },
  },
  methods: [
    { name: "__missing__", meth: defdict_missing, flags: METH_O },
    { name: "copy", meth: defdict_copy, flags: METH_NOARGS },
    { name: "__copy__", meth: defdict_copy, flags: METH_NOARGS },
    { name: "__reduce__", meth: (s: PyVal) => {
      const d = s as PyDictObject;
      // defdict_reduce: the items go as iter(self.items()) (a subclass's items() counts).
      const args = factoryOf(d) === Py_None ? PyTuple_New([]) : PyTuple_New([factoryOf(d)]);
      return PyTuple_New([Py_TYPE(d), args, Py_None, Py_None, PyObject_GetIter(PyObject_CallMethod(d, "items", []))]);
    }, flags: METH_NOARGS },
  ],
  members: [
    { name: "default_factory", get: (s) => factoryOf(s),
      set: (s, v) => { factories.set(s as PyObject, v ?? Py_None); } },
  ],
}, PyDefaultDict_Type);

function count_elements(_m: PyVal, args: PyVal[]): PyVal {
  const [mapping, iterable] = unpackArgs("_count_elements", args, 2, 2);
  const it = PyObject_GetIter(iterable!);
  // As CPython: when get and __setitem__ are dict's own (Counter's case), update the dict directly.
  const getName = PyUnicode_FromString("get"), setName = PyUnicode_FromString("__setitem__");
  const t = Py_TYPE(mapping!);
  const dictGet = PyObject_GetItem(PyDict_Type.tp_dict!, getName), dictSet = PyObject_GetItem(PyDict_Type.tp_dict!, setName);
  const fast = mapping instanceof PyDictObject && typeLookup(t, "get") === dictGet && typeLookup(t, "__setitem__") === dictSet;
  const get = fast ? null : PyObject_GetAttrStr(mapping!, "get")!;
  for (let x = PyIter_Next(it); x !== undefined; x = PyIter_Next(it)) {
    if (fast) {
      const cur = PyDict_GetItem(mapping as PyDictObject, x);
      PyDict_SetItem(mapping as PyDictObject, x, cur === undefined ? 1 : PyNumber_Add(cur, 1));
    } else {
      PyObject_SetItem(mapping!, x, PyNumber_Add(PyObject_Vectorcall(get!, [x, 0], null), 1));
    }
  }
  return Py_None;
}

function typeLookup(t: PyTypeObject, name: string): PyVal | null {
  for (const b of t.mro) {
    const v = PyDict_GetItem(b.tp_dict as PyDictObject, PyUnicode_FromString(name));
    if (v !== undefined) return v;
  }
  return null;
}

export const collectionsmodule: PyModuleDef = {
  m_name: "_collections",
  m_doc: "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n",
  m_methods: [
    { name: "_count_elements", meth: count_elements, flags: METH_FASTCALL },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "deque", PyDeque_Type);
    PyModule_Add(m, "defaultdict", PyDefaultDict_Type);
    PyModule_Add(m, "_deque_iterator", PyDequeIter_Type);
    PyModule_Add(m, "_deque_reverse_iterator", PyDequeRevIter_Type);
    void PyDict_Copy; void PyBool_FromLong;
  },
};
