// list: a mutable JS array of values; sort is a stable merge sort that only calls `<`, as CPython's timsort
// does. Counterpart: Objects/listobject.c. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_NotImplemented, Py_None, Py_TYPE,
  Py_EQ, Py_LT, METH_FASTCALL, METH_KEYWORDS, METH_O, METH_NOARGS, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_LIST_SUBCLASS,
  Py_TPFLAGS_SEQUENCE, hasFlag, type PyVal, PyUnicodeObject,
} from "./object.js";
import { PyErr_Format, PyErr_SetObject, Py_ReprEnter, Py_ReprLeave, Py_EnterRecursiveCall, Py_LeaveRecursiveCall } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_IndexError, PyExc_ValueError, PyExc_MemoryError } from "./exceptions.js";
import { PyObject_Repr, PyObject_RichCompareBool, PySequence_List, PyNumber_AsSsize_t, PyObject_IsTrue,
  PyObject_CallOneArg } from "./abstract.js";
import { PyUnicode_FromString } from "./unicodeobject.js";
import { PySliceObject, PySlice_Unpack, PySlice_AdjustIndices } from "./sliceobject.js";
import { parseArgs, unpackArgs } from "../runtime/getargs.js";
import { seqRichCompare, PyTupleObject } from "./tupleobject.js";
import { _PyGC_Temps } from "../runtime/gc.js";
import { _PyIter_PickleMethods, _PyIter_Reduce, _PyIter_StateIndex } from "./iterobject.js";

export const PyList_Type = PyType_Declare("list");

export class PyListObject extends PyObject {
  ob_item: PyVal[];
  constructor(type: PyTypeObject, items: PyVal[]) {
    super(type);
    this.ob_item = items;
  }
}

/** A list owning `items`. */
export function PyList_New(items: PyVal[]): PyListObject {
  return new PyListObject(PyList_Type, items);
}

export function PyList_Check(v: PyVal): v is PyListObject {
  return typeof v !== "number" && hasFlag(v.ob_type, Py_TPFLAGS_LIST_SUBCLASS);
}
export function PyList_CheckExact(v: PyVal): v is PyListObject {
  return typeof v !== "number" && v.ob_type === PyList_Type;
}

function list_repr(self: PyVal): PyUnicodeObject {
  const l = self as PyListObject;
  if (l.ob_item.length === 0) return PyUnicode_FromString("[]");
  if (!Py_ReprEnter(l)) return PyUnicode_FromString("[...]");
  try {
    Py_EnterRecursiveCall(" while getting the repr of an object");
    try {
      const parts: string[] = [];
      for (let i = 0; i < l.ob_item.length; i++) parts.push(PyObject_Repr(l.ob_item[i]).value);
      return PyUnicode_FromString(`[${parts.join(", ")}]`);
    } finally {
      Py_LeaveRecursiveCall();
    }
  } finally {
    Py_ReprLeave(l);
  }
}

function list_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if (!PyList_Check(b)) return Py_NotImplemented;
  return seqRichCompare((a as PyListObject).ob_item.slice(), b.ob_item.slice(), op);
}

function list_length(self: PyVal): number {
  return (self as PyListObject).ob_item.length;
}

function list_item(self: PyVal, i: number): PyVal {
  const items = (self as PyListObject).ob_item;
  if (i < 0 || i >= items.length) return PyErr_Format(PyExc_IndexError, "list index out of range");
  return items[i];
}

export function list_subscript(self: PyVal, item: PyVal): PyVal {
  const items = (self as PyListObject).ob_item;
  if (typeof item === "number") {
    const i = item < 0 ? item + items.length : item;
    if (i < 0 || i >= items.length) return PyErr_Format(PyExc_IndexError, "list index out of range");
    return items[i];
  }
  if (item instanceof PySliceObject) {
    const [s0, e0, step] = PySlice_Unpack(item);
    const [start, , len] = PySlice_AdjustIndices(items.length, s0, e0, step);
    if (step === 1) return PyList_New(items.slice(start, start + len));
    const out: PyVal[] = [];
    for (let i = 0, cur = start; i < len; i++, cur += step) out.push(items[cur]);
    return PyList_New(out);
  }
  if (Py_TYPE(item).nb_index !== null) return list_subscript(self, PyNumber_AsSsize_t(item, PyExc_IndexError));
  return PyErr_Format(PyExc_TypeError, `list indices must be integers or slices, not ${Py_TYPE(item).tp_name}`);
}

export function list_ass_subscript(self: PyVal, item: PyVal, value: PyVal | null): void {
  const l = self as PyListObject;
  const items = l.ob_item;
  if (typeof item === "number" || (!(item instanceof PySliceObject) && Py_TYPE(item).nb_index !== null)) {
    let i = typeof item === "number" ? item : PyNumber_AsSsize_t(item, PyExc_IndexError);
    if (i < 0) i += items.length;
    if (i < 0 || i >= items.length) {
      PyErr_Format(PyExc_IndexError, "list assignment index out of range");
    }
    if (value === null) items.splice(i, 1);
    else items[i] = value;
    return;
  }
  if (item instanceof PySliceObject) {
    const [s0, e0, step] = PySlice_Unpack(item);
    const [start, stop, len] = PySlice_AdjustIndices(items.length, s0, e0, step);
    if (value === null) {
      if (step === 1) { items.splice(start, len); return; }
      const del = new Set<number>();
      for (let i = 0, cur = start; i < len; i++, cur += step) del.add(cur);
      l.ob_item = items.filter((_, k) => !del.has(k));
      return;
    }
    const seq = value === self ? items.slice() : PySequence_List(value, "must assign iterable to extended slice");
    if (step === 1) {
      const end = Math.max(start, stop);
      items.splice(start, end - start, ...seq);
      return;
    }
    if (seq.length !== len) {
      PyErr_Format(PyExc_ValueError, `attempt to assign sequence of size ${seq.length} to extended slice of size ${len}`);
    }
    for (let i = 0, cur = start; i < len; i++, cur += step) items[cur] = seq[i];
    return;
  }
  PyErr_Format(PyExc_TypeError, `list indices must be integers or slices, not ${Py_TYPE(item).tp_name}`);
}

function list_concat(a: PyVal, b: PyVal): PyVal {
  if (!PyList_Check(b)) {
    return PyErr_Format(PyExc_TypeError, `can only concatenate list (not "${Py_TYPE(b).tp_name}") to list`);
  }
  return PyList_New((a as PyListObject).ob_item.concat(b.ob_item));
}

function list_inplace_concat(a: PyVal, b: PyVal): PyVal {
  const l = a as PyListObject;
  const extra = b === a ? l.ob_item.slice() : PySequence_List(b);
  _PyList_CheckSize(l.ob_item.length + extra.length);
  for (let i = 0; i < extra.length; i++) l.ob_item.push(extra[i]);
  return a;
}

/** The most items a list may hold. A JS array's backing store holds at most 2**27 - 3 elements in V8, and an array
 *  that grows past about 89 million by pushing asks for 1.5 times that and aborts the process ("Fatal JavaScript
 *  invalid size error"), where CPython's allocation would fail with MemoryError: growing past this is one. */
export const PY_LIST_MAX_ITEMS = 80_000_000;

/** MemoryError unless a list of `n` items may exist (list_resize's PyErr_NoMemory). */
export function _PyList_CheckSize(n: number): void {
  if (n > PY_LIST_MAX_ITEMS) PyErr_SetObject(PyExc_MemoryError, null);
}

function list_repeat(self: PyVal, n: number): PyVal {
  const items = (self as PyListObject).ob_item;
  const out: PyVal[] = [];
  // list_repeat: PyErr_NoMemory when the size passes PY_SSIZE_T_MAX or the allocation fails.
  if (n > 0) _PyList_CheckSize(items.length * n);
  for (let k = 0; k < n; k++) for (let i = 0; i < items.length; i++) out.push(items[i]);
  return PyList_New(out);
}

function list_inplace_repeat(self: PyVal, n: number): PyVal {
  const l = self as PyListObject;
  if (n > 0) _PyList_CheckSize(l.ob_item.length * n);
  const items = l.ob_item.slice();
  l.ob_item.length = 0;
  for (let k = 0; k < n; k++) for (let i = 0; i < items.length; i++) l.ob_item.push(items[i]);
  return self;
}

function list_contains(self: PyVal, v: PyVal): boolean {
  const items = (self as PyListObject).ob_item;
  for (let i = 0; i < items.length; i++) if (items[i] === v || PyObject_RichCompareBool(items[i], v, Py_EQ)) return true;
  return false;
}

function list_new(type: PyTypeObject): PyVal {
  return new PyListObject(type, []);
}

function list_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  // list___init__'s clinic: keywords are refused unless a subclass has its own __new__; at most one positional.
  const nkw = kwnames === null ? 0 : kwnames.length;
  const t = Py_TYPE(self);
  if (nkw > 0 && (t === PyList_Type || t.tp_new === PyList_Type.tp_new)) {
    PyErr_Format(PyExc_TypeError, "list() takes no keyword arguments");
  }
  const npos = args.length - nkw;
  if (npos > 1) PyErr_Format(PyExc_TypeError, `list expected at most 1 argument, got ${npos}`);
  const iterable = npos === 1 ? args[0] : undefined;
  const l = self as PyListObject;
  l.ob_item = iterable === undefined ? [] : PySequence_List(iterable);
}

export function list_append(self: PyVal, v: PyVal): PyVal {
  const items = (self as PyListObject).ob_item;
  if (items.length >= PY_LIST_MAX_ITEMS) _PyList_CheckSize(items.length + 1);
  items.push(v);
  return Py_None;
}

function list_extend(self: PyVal, v: PyVal): PyVal {
  list_inplace_concat(self, v);
  return Py_None;
}

function list_insert(self: PyVal, args: PyVal[]): PyVal {
  const [idx, v] = unpackArgs("insert", args, 2, 2);
  const items = (self as PyListObject).ob_item;
  if (items.length >= PY_LIST_MAX_ITEMS) _PyList_CheckSize(items.length + 1);
  let i = PyNumber_AsSsize_t(idx!, null);
  const n = items.length;
  if (i < 0) { i += n; if (i < 0) i = 0; }
  if (i > n) i = n;
  items.splice(i, 0, v!);
  return Py_None;
}

function list_pop(self: PyVal, args: PyVal[]): PyVal {
  const [idx] = unpackArgs("pop", args, 0, 1);
  const items = (self as PyListObject).ob_item;
  if (items.length === 0) return PyErr_Format(PyExc_IndexError, "pop from empty list");
  if (idx === undefined) return items.pop()!;
  let i = PyNumber_AsSsize_t(idx, null);
  if (i < 0) i += items.length;
  if (i < 0 || i >= items.length) return PyErr_Format(PyExc_IndexError, "pop index out of range");
  return items.splice(i, 1)[0];
}

function list_remove(self: PyVal, v: PyVal): PyVal {
  const items = (self as PyListObject).ob_item;
  for (let i = 0; i < items.length; i++) {
    if (items[i] === v || PyObject_RichCompareBool(items[i], v, Py_EQ)) {
      items.splice(i, 1);
      return Py_None;
    }
  }
  return PyErr_Format(PyExc_ValueError, "list.remove(x): x not in list");
}

function list_index(self: PyVal, args: PyVal[]): PyVal {
  const [v, a, b] = unpackArgs("index", args, 1, 3);
  const items = (self as PyListObject).ob_item;
  let start = a === undefined ? 0 : PyNumber_AsSsize_t(a, null);
  let stop = b === undefined ? items.length : PyNumber_AsSsize_t(b, null);
  if (start < 0) start = Math.max(0, start + items.length);
  if (stop < 0) stop = Math.max(0, stop + items.length);
  for (let i = start; i < Math.min(stop, items.length); i++) {
    if (items[i] === v || PyObject_RichCompareBool(items[i], v!, Py_EQ)) return i;
  }
  return PyErr_Format(PyExc_ValueError, `${PyObject_Repr(v!).value} is not in list`);
}

function list_count(self: PyVal, v: PyVal): PyVal {
  let c = 0;
  for (const x of (self as PyListObject).ob_item) if (x === v || PyObject_RichCompareBool(x, v, Py_EQ)) c++;
  return c;
}

function list_reverse(self: PyVal): PyVal {
  (self as PyListObject).ob_item.reverse();
  return Py_None;
}

function list_clear(self: PyVal): PyVal {
  (self as PyListObject).ob_item = [];
  return Py_None;
}

function list_copy(self: PyVal): PyVal {
  return PyList_New((self as PyListObject).ob_item.slice());
}

/** Stable merge sort using only `lt` (so exceptions and comparison counts behave like a `<`-only sort). */
function mergeSort(a: PyVal[], keys: PyVal[], lt: (x: PyVal, y: PyVal) => boolean): void {
  const n = a.length;
  if (n < 2) return;
  // Binary insertion sort on small runs, then bottom-up merges.
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const k = keys[i], v = a[i];
      let l = lo, r = i;
      while (l < r) {
        const m = (l + r) >>> 1;
        if (lt(k, keys[m])) r = m; else l = m + 1;
      }
      for (let j = i; j > l; j--) { keys[j] = keys[j - 1]; a[j] = a[j - 1]; }
      keys[l] = k; a[l] = v;
    }
  }
  let srcK = keys, srcA = a;
  let dstK = new Array<PyVal>(n), dstA = new Array<PyVal>(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (lt(srcK[j], srcK[i])) { dstK[k] = srcK[j]; dstA[k++] = srcA[j++]; }
        else { dstK[k] = srcK[i]; dstA[k++] = srcA[i++]; }
      }
      while (i < mid) { dstK[k] = srcK[i]; dstA[k++] = srcA[i++]; }
      while (j < hi) { dstK[k] = srcK[j]; dstA[k++] = srcA[j++]; }
    }
    [srcK, dstK] = [dstK, srcK];
    [srcA, dstA] = [dstA, srcA];
  }
  if (srcA !== a) for (let i = 0; i < n; i++) { a[i] = srcA[i]; keys[i] = srcK[i]; }
}

/** Timsort for fewer than 64 items is count_run then binarysort (listsort in listobject.c): same comparisons. */
function smallTimsort(a: PyVal[], keys: PyVal[], lt: (x: PyVal, y: PyVal) => boolean): void {
  const n = a.length;
  if (n < 2) return;
  // count_run (3.13): an ascending run, or a descending one (equal stretches kept stable) reversed in place and then
  // extended by an ascending suffix.
  const rev = (lo: number, hi: number): void => {
    for (let i = lo, j = hi - 1; i < j; i++, j--) {
      [keys[i], keys[j]] = [keys[j], keys[i]];
      [a[i], a[j]] = [a[j], a[i]];
    }
  };
  let run = 1;
  while (run < n && !lt(keys[run], keys[run - 1])) run++;
  if (run < n && !(run > 1 && lt(keys[0], keys[run - 1]))) {
    if (run > 1) rev(0, run);
    run++;
    let neq = 0;
    for (; run < n; run++) {
      if (lt(keys[run], keys[run - 1])) {
        if (neq) { rev(run - neq - 1, run); neq = 0; }
      } else if (lt(keys[run - 1], keys[run])) break;
      else neq++;
    }
    if (neq) rev(run - neq - 1, run);
    rev(0, run);
    while (run < n && !lt(keys[run], keys[run - 1])) run++;
  }
  // binarysort from the end of the run.
  for (let start = run; start < n; start++) {
    const pivot = keys[start], pv = a[start];
    let l = 0, r = start;
    while (l < r) {
      const p = l + ((r - l) >> 1);
      if (lt(pivot, keys[p])) r = p; else l = p + 1;
    }
    for (let j = start; j > l; j--) { keys[j] = keys[j - 1]; a[j] = a[j - 1]; }
    keys[l] = pivot;
    a[l] = pv;
  }
}

export function list_sort_impl(l: PyListObject, key: PyVal | null, reverse: boolean): void {
  const saved = l.ob_item;
  l.ob_item = [];
  _PyGC_Temps.push(saved); // the items are out of the list while key functions and comparisons run
  try {
    const items = saved.slice();
    let keys = key === null ? items.slice() : items.map((x) => PyObject_CallOneArg(key, x));
    if (reverse) { items.reverse(); keys.reverse(); }
    const lt = (x: PyVal, y: PyVal): boolean => {
      if (typeof x === "number" && typeof y === "number") return x < y;
      return PyObject_RichCompareBool(x, y, Py_LT);
    };
    if (items.length < 64) smallTimsort(items, keys, lt);
    else mergeSort(items, keys, lt);
    if (reverse) items.reverse();
    keys = [];
    if (l.ob_item.length !== 0) {
      l.ob_item = saved;
      PyErr_Format(PyExc_ValueError, "list modified during sort");
    }
    l.ob_item = items;
  } catch (e) {
    if (l.ob_item.length === 0) l.ob_item = saved;
    throw e;
  } finally {
    _PyGC_Temps.pop();
  }
}

function list_sort(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  if (args.length - (kwnames ? kwnames.length : 0) > 0) {
    return PyErr_Format(PyExc_TypeError, "sort() takes no positional arguments");
  }
  const [key, reverse] = parseArgs("sort", args, kwnames, ["*key", "*reverse"], 0, 0);
  list_sort_impl(self as PyListObject, key === undefined || key === Py_None ? null : key,
    reverse !== undefined && PyObject_IsTrue(reverse));
  return Py_None;
}

// ---- iterators ----
export class PyListIterObject extends PyObject {
  it_seq: PyListObject | null;
  it_index: number;
  constructor(type: PyTypeObject, l: PyListObject) {
    super(type);
    this.it_seq = l;
    this.it_index = 0;
  }
}
function listiter_next(self: PyVal): PyVal | undefined {
  const it = self as PyListIterObject;
  const l = it.it_seq;
  if (l === null) return undefined;
  if (it.it_index < l.ob_item.length) return l.ob_item[it.it_index++];
  it.it_seq = null;
  return undefined;
}
export const PyListIter_Type = PyType_FromSpecStatic({
  name: "list_iterator",
  slots: { tp_iter: (s) => s, tp_iternext: listiter_next },
  methods: [{ name: "__length_hint__", meth: (s: PyVal) => {
    const it = s as PyListIterObject;
    return it.it_seq ? Math.max(0, it.it_seq.ob_item.length - it.it_index) : 0;
  }, flags: METH_NOARGS }, ..._PyIter_PickleMethods(
    (s) => _PyIter_Reduce("iter", () => [(s as PyListIterObject).it_seq, (s as PyListIterObject).it_index], () => PyList_New([])),
    (s, state) => {
      // listiter_setstate: clipped to [-1, len]; -1 is exhausted.
      const it = s as PyListIterObject;
      const i = _PyIter_StateIndex(state);
      if (it.it_seq !== null) {
        if (i < 0) it.it_seq = null;
        else it.it_index = Math.min(i, it.it_seq.ob_item.length);
      }
      return Py_None;
    })],
});
function list_iter(self: PyVal): PyVal {
  return new PyListIterObject(PyListIter_Type, self as PyListObject);
}

export class PyListRevIterObject extends PyObject {
  it_seq: PyListObject | null;
  it_index: number;
  constructor(type: PyTypeObject, l: PyListObject) {
    super(type);
    this.it_seq = l;
    this.it_index = l.ob_item.length - 1;
  }
}
function listreviter_next(self: PyVal): PyVal | undefined {
  const it = self as PyListRevIterObject;
  const l = it.it_seq;
  if (l === null) return undefined;
  if (it.it_index >= 0 && it.it_index < l.ob_item.length) return l.ob_item[it.it_index--];
  it.it_seq = null;
  return undefined;
}
export const PyListRevIter_Type = PyType_FromSpecStatic({
  name: "list_reverseiterator",
  slots: { tp_iter: (s) => s, tp_iternext: listreviter_next },
  methods: [{ name: "__length_hint__", meth: (s: PyVal) => {
    const it = s as PyListRevIterObject;
    const n = it.it_index + 1;
    return it.it_seq === null || it.it_seq.ob_item.length < n ? 0 : n;
  }, flags: METH_NOARGS }, ..._PyIter_PickleMethods((s) => {
    const it = s as PyListRevIterObject;
    return _PyIter_Reduce("reversed", () => [it.it_seq !== null && it.it_index >= 0 ? it.it_seq : null, it.it_index],
      () => PyList_New([]));
  }, (s, state) => {
    // listreviter_setstate: clipped to [-1, len - 1]; -1 is exhausted.
    const it = s as PyListRevIterObject;
    const i = _PyIter_StateIndex(state);
    if (it.it_seq !== null) it.it_index = Math.min(Math.max(i, -1), it.it_seq.ob_item.length - 1);
    return Py_None;
  })],
});

PyType_FromSpecStatic({
  name: "list",
  flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_SEQUENCE,
  doc: "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified.",
  slots: {
    tp_repr: list_repr, tp_richcompare: list_richcompare, tp_iter: list_iter, tp_new: list_new, tp_init: list_init,
    sq_length: list_length, sq_concat: list_concat, sq_repeat: list_repeat, sq_item: list_item,
    sq_contains: list_contains, sq_inplace_concat: list_inplace_concat, sq_inplace_repeat: list_inplace_repeat,
    mp_length: list_length, mp_subscript: list_subscript, mp_ass_subscript: list_ass_subscript,
  },
  methods: [
    { name: "append", meth: list_append, flags: METH_O },
    { name: "extend", meth: list_extend, flags: METH_O },
    { name: "insert", meth: list_insert, flags: METH_FASTCALL },
    { name: "pop", meth: list_pop, flags: METH_FASTCALL },
    { name: "remove", meth: list_remove, flags: METH_O },
    { name: "index", meth: list_index, flags: METH_FASTCALL },
    { name: "count", meth: list_count, flags: METH_O },
    { name: "reverse", meth: list_reverse, flags: METH_NOARGS },
    { name: "sort", meth: list_sort, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "clear", meth: list_clear, flags: METH_NOARGS },
    { name: "copy", meth: list_copy, flags: METH_NOARGS },
    { name: "__reversed__", meth: (s: PyVal) => new PyListRevIterObject(PyListRevIter_Type, s as PyListObject), flags: METH_NOARGS },
    { name: "__sizeof__", meth: (s: PyVal) => 40 + 8 * (s as PyListObject).ob_item.length, flags: METH_NOARGS },
  ],
}, PyList_Type);

