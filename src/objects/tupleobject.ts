// tuple: an immutable JS array of values. Hash is CPython 3.13's xxHash-based tuplehash.
// Counterpart: Objects/tupleobject.c. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_HashHi, Py_NotImplemented, Py_TYPE,
  Py_EQ, Py_NE, Py_None, METH_FASTCALL, METH_O, METH_NOARGS, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_TUPLE_SUBCLASS, Py_TPFLAGS_SEQUENCE,
  hasFlag, type PyVal, PyUnicodeObject,
} from "./object.js";
import { TupleHasher, hashOut } from "../runtime/pyhash.js";
import { PyErr_Format, Py_ReprEnter, Py_ReprLeave, Py_EnterRecursiveCall, Py_LeaveRecursiveCall } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_IndexError, PyExc_ValueError } from "./exceptions.js";
import { PyObject_Hash, PyObject_Repr, PyObject_RichCompare, PyObject_RichCompareBool, PySequence_List,
  PyNumber_AsSsize_t } from "./abstract.js";
import { PyUnicode_FromString } from "./unicodeobject.js";
import { PySliceObject, PySlice_Unpack, PySlice_AdjustIndices } from "./sliceobject.js";
import { parseArgs, unpackArgs } from "../runtime/getargs.js";
import { PyBool_FromLong } from "./boolobject.js";
import { _PyIter_PickleMethods, _PyIter_Reduce, _PyIter_StateIndex } from "./iterobject.js";

export const PyTuple_Type = PyType_Declare("tuple");

export class PyTupleObject extends PyObject {
  readonly ob_item: PyVal[];
  constructor(type: PyTypeObject, items: PyVal[]) {
    super(type);
    this.ob_item = items;
  }
}

const emptyTuple = new PyTupleObject(PyTuple_Type, []);

/** A tuple owning `items` (the caller must not mutate the array afterwards). */
export function PyTuple_New(items: PyVal[]): PyTupleObject {
  return items.length === 0 ? emptyTuple : new PyTupleObject(PyTuple_Type, items);
}

export function PyTuple_Check(v: PyVal): v is PyTupleObject {
  return typeof v !== "number" && hasFlag(v.ob_type, Py_TPFLAGS_TUPLE_SUBCLASS);
}
export function PyTuple_CheckExact(v: PyVal): v is PyTupleObject {
  return typeof v !== "number" && v.ob_type === PyTuple_Type;
}

function tuple_hash(self: PyVal): number {
  const items = (self as PyTupleObject).ob_item;
  const h = new TupleHasher();
  for (let i = 0; i < items.length; i++) {
    const lo = PyObject_Hash(items[i]);
    h.add(lo, Py_HashHi[0]);
  }
  h.finish(items.length);
  Py_HashHi[0] = hashOut[1];
  return hashOut[0];
}

function tuple_repr(self: PyVal): PyUnicodeObject {
  const t = self as PyTupleObject;
  const n = t.ob_item.length;
  if (n === 0) return PyUnicode_FromString("()");
  if (!Py_ReprEnter(t)) return PyUnicode_FromString("(...)");
  try {
    Py_EnterRecursiveCall(" while getting the repr of an object");
    try {
      const parts = t.ob_item.map((x) => PyObject_Repr(x).value);
      return PyUnicode_FromString(n === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`);
    } finally {
      Py_LeaveRecursiveCall();
    }
  } finally {
    Py_ReprLeave(t);
  }
}

/** Lexicographic rich comparison shared by tuple and list (tuplerichcompare / list_richcompare). */
export function seqRichCompare(a: PyVal[], b: PyVal[], op: number): PyVal {
  const na = a.length, nb = b.length;
  if ((op === Py_EQ || op === Py_NE) && na !== nb) return PyBool_FromLong(op === Py_NE);
  let i = 0;
  for (; i < na && i < nb; i++) {
    const x = a[i], y = b[i];
    if (x === y) continue;
    if (!PyObject_RichCompareBool(x, y, Py_EQ)) break;
  }
  if (i >= na || i >= nb) {
    const c = na - nb;
    switch (op) {
      case 0: return PyBool_FromLong(c < 0);
      case 1: return PyBool_FromLong(c <= 0);
      case 2: return PyBool_FromLong(c === 0);
      case 3: return PyBool_FromLong(c !== 0);
      case 4: return PyBool_FromLong(c > 0);
      default: return PyBool_FromLong(c >= 0);
    }
  }
  if (op === Py_EQ) return PyBool_FromLong(false);
  if (op === Py_NE) return PyBool_FromLong(true);
  return PyObject_RichCompare(a[i], b[i], op);
}

function tuple_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if (!PyTuple_Check(b)) return Py_NotImplemented;
  return seqRichCompare((a as PyTupleObject).ob_item, b.ob_item, op);
}

function tuple_length(self: PyVal): number {
  return (self as PyTupleObject).ob_item.length;
}

function tuple_item(self: PyVal, i: number): PyVal {
  const items = (self as PyTupleObject).ob_item;
  if (i < 0 || i >= items.length) return PyErr_Format(PyExc_IndexError, "tuple index out of range");
  return items[i];
}

function tuple_subscript(self: PyVal, item: PyVal): PyVal {
  const items = (self as PyTupleObject).ob_item;
  if (typeof item === "number") {
    const i = item < 0 ? item + items.length : item;
    if (i < 0 || i >= items.length) return PyErr_Format(PyExc_IndexError, "tuple index out of range");
    return items[i];
  }
  if (item instanceof PySliceObject) {
    const [s0, e0, step] = PySlice_Unpack(item);
    const [start, , len] = PySlice_AdjustIndices(items.length, s0, e0, step);
    if (step === 1 && len === items.length && (self as PyObject).ob_type === PyTuple_Type) return self;
    const out: PyVal[] = [];
    for (let i = 0, cur = start; i < len; i++, cur += step) out.push(items[cur]);
    return PyTuple_New(out);
  }
  if (Py_TYPE(item).nb_index !== null) {
    return tuple_subscript(self, PyNumber_AsSsize_t(item, PyExc_IndexError));
  }
  return PyErr_Format(PyExc_TypeError, `tuple indices must be integers or slices, not ${Py_TYPE(item).tp_name}`);
}

function tuple_concat(a: PyVal, b: PyVal): PyVal {
  if (!PyTuple_Check(b)) {
    return PyErr_Format(PyExc_TypeError, `can only concatenate tuple (not "${Py_TYPE(b).tp_name}") to tuple`);
  }
  const x = (a as PyTupleObject).ob_item;
  if (b.ob_item.length === 0 && (a as PyObject).ob_type === PyTuple_Type) return a;
  return PyTuple_New(x.concat(b.ob_item));
}

function tuple_repeat(self: PyVal, n: number): PyVal {
  const items = (self as PyTupleObject).ob_item;
  if (n <= 0 || items.length === 0) return emptyTuple;
  if (n === 1 && (self as PyObject).ob_type === PyTuple_Type) return self;
  const out: PyVal[] = [];
  for (let k = 0; k < n; k++) for (let i = 0; i < items.length; i++) out.push(items[i]);
  return PyTuple_New(out);
}

function tuple_contains(self: PyVal, v: PyVal): boolean {
  const items = (self as PyTupleObject).ob_item;
  for (let i = 0; i < items.length; i++) if (items[i] === v || PyObject_RichCompareBool(items[i], v, Py_EQ)) return true;
  return false;
}

function tuple_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  // tuple_new's clinic: keywords are refused unless a subclass has its own __init__ (which takes them); at most one
  // positional argument.
  const nkw = kwnames === null ? 0 : kwnames.length;
  if (nkw > 0 && (type === PyTuple_Type || type.tp_init === PyTuple_Type.tp_init)) {
    return PyErr_Format(PyExc_TypeError, "tuple() takes no keyword arguments");
  }
  const npos = args.length - nkw;
  if (npos > 1) return PyErr_Format(PyExc_TypeError, `tuple expected at most 1 argument, got ${npos}`);
  const iterable = npos === 1 ? args[0] : undefined;
  let items: PyVal[];
  if (iterable === undefined) items = [];
  else if (PyTuple_CheckExact(iterable) && type === PyTuple_Type) return iterable;
  else items = PySequence_List(iterable);
  if (type === PyTuple_Type) return PyTuple_New(items);
  return new PyTupleObject(type, items);
}

function tuple_index(self: PyVal, args: PyVal[]): PyVal {
  const [v, a, b] = unpackArgs("index", args, 1, 3);
  const items = (self as PyTupleObject).ob_item;
  const n = items.length;
  let start = a === undefined ? 0 : PyNumber_AsSsize_t(a, null);
  let stop = b === undefined ? n : PyNumber_AsSsize_t(b, null);
  if (start < 0) start = Math.max(0, start + n);
  if (stop < 0) stop = Math.max(0, stop + n);
  for (let i = start; i < Math.min(stop, n); i++) if (PyObject_RichCompareBool(items[i], v!, Py_EQ)) return i;
  return PyErr_Format(PyExc_ValueError, "tuple.index(x): x not in tuple");
}

function tuple_count(self: PyVal, v: PyVal): PyVal {
  let c = 0;
  for (const x of (self as PyTupleObject).ob_item) if (PyObject_RichCompareBool(x, v, Py_EQ)) c++;
  return c;
}

// ---- iterator ----
export class PyTupleIterObject extends PyObject {
  it_seq: PyTupleObject | null;
  it_index: number;
  constructor(type: PyTypeObject, t: PyTupleObject) {
    super(type);
    this.it_seq = t;
    this.it_index = 0;
  }
}
function tupleiter_next(self: PyVal): PyVal | undefined {
  const it = self as PyTupleIterObject;
  const t = it.it_seq;
  if (t === null) return undefined;
  if (it.it_index < t.ob_item.length) return t.ob_item[it.it_index++];
  it.it_seq = null;
  return undefined;
}
export const PyTupleIter_Type = PyType_FromSpecStatic({
  name: "tuple_iterator",
  slots: { tp_iter: (s) => s, tp_iternext: tupleiter_next },
  methods: [{ name: "__length_hint__", meth: (s: PyVal) => {
    const it = s as PyTupleIterObject;
    return it.it_seq ? it.it_seq.ob_item.length - it.it_index : 0;
  }, flags: METH_NOARGS }, ..._PyIter_PickleMethods(
    (s) => _PyIter_Reduce("iter", () => [(s as PyTupleIterObject).it_seq, (s as PyTupleIterObject).it_index],
      () => PyTuple_New([])),
    (s, state) => {
      const it = s as PyTupleIterObject;
      const i = _PyIter_StateIndex(state);
      if (it.it_seq !== null) it.it_index = Math.min(Math.max(i, 0), it.it_seq.ob_item.length);
      return Py_None;
    })],
});
function tuple_iter(self: PyVal): PyVal {
  return new PyTupleIterObject(PyTupleIter_Type, self as PyTupleObject);
}

PyType_FromSpecStatic({
  name: "tuple",
  flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_SEQUENCE,
  doc: "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object.",
  slots: {
    tp_repr: tuple_repr, tp_hash: tuple_hash, tp_richcompare: tuple_richcompare, tp_iter: tuple_iter,
    tp_new: tuple_new, sq_length: tuple_length, sq_concat: tuple_concat, sq_repeat: tuple_repeat,
    sq_item: tuple_item, sq_contains: tuple_contains, mp_length: tuple_length, mp_subscript: tuple_subscript,
  },
  methods: [
    { name: "index", meth: tuple_index, flags: METH_FASTCALL },
    { name: "count", meth: tuple_count, flags: METH_O },
    { name: "__getnewargs__", meth: (s: PyVal) => PyTuple_New([PyTuple_New((s as PyTupleObject).ob_item.slice())]), flags: METH_NOARGS },
  ],
}, PyTuple_Type);
