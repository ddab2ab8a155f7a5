// The _heapq module (Modules/_heapqmodule.c): binary min-heaps (and the _max variants heapq.py's merge and
// nlargest use) over a list, sifting with `<` only, with CPython's size-change and argument checks.
// See docs/modules.md.
import { Py_LT, Py_TYPE, METH_O, METH_FASTCALL, Py_None, type PyVal } from "../objects/object.js";
import { PyListObject, PyList_Check } from "../objects/listobject.js";
import { PyObject_RichCompareBool } from "../objects/abstract.js";
import { PyExc_TypeError, PyExc_IndexError, PyExc_RuntimeError } from "../objects/exceptions.js";
import { PyErr_Format } from "../runtime/errors.js";
import { unpackArgs } from "../runtime/getargs.js";
import type { PyModuleDef } from "./moduledef.js";

type Less = (a: PyVal, b: PyVal) => boolean;
const lt_min: Less = (a, b) => PyObject_RichCompareBool(a, b, Py_LT);
const lt_max: Less = (a, b) => PyObject_RichCompareBool(b, a, Py_LT);

function listArg(fname: string, which: string, v: PyVal): PyListObject {
  if (!PyList_Check(v)) return PyErr_Format(PyExc_TypeError, `${fname}() ${which} must be list, not ${v === Py_None ? "None" : Py_TYPE(v).tp_name}`);
  return v;
}

function sizeChanged(): never { return PyErr_Format(PyExc_RuntimeError, "list changed size during iteration"); }

/** siftdown: move the item at pos up towards startpos while it is less than its parent. */
function siftdown(heap: PyListObject, startpos: number, pos: number, lt: Less): void {
  const size = heap.ob_item.length;
  if (pos >= size) PyErr_Format(PyExc_IndexError, "index out of range");
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const cmp = lt(heap.ob_item[pos], heap.ob_item[parentpos]);
    if (size !== heap.ob_item.length) sizeChanged();
    if (!cmp) break;
    const arr = heap.ob_item;
    const parent = arr[parentpos];
    arr[parentpos] = arr[pos];
    arr[pos] = parent;
    pos = parentpos;
  }
}

/** siftup: bubble the smaller child up to a leaf, then siftdown the item from there. */
function siftup(heap: PyListObject, pos: number, lt: Less): void {
  const endpos = heap.ob_item.length;
  const startpos = pos;
  if (pos >= endpos) PyErr_Format(PyExc_IndexError, "index out of range");
  const limit = endpos >> 1;
  while (pos < limit) {
    let childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      const cmp = lt(heap.ob_item[childpos], heap.ob_item[childpos + 1]);
      if (!cmp) childpos++;
      if (endpos !== heap.ob_item.length) sizeChanged();
    }
    const arr = heap.ob_item;
    const t = arr[childpos];
    arr[childpos] = arr[pos];
    arr[pos] = t;
    pos = childpos;
  }
  siftdown(heap, startpos, pos, lt);
}

function heappop_internal(heap: PyListObject, lt: Less): PyVal {
  const arr = heap.ob_item;
  if (arr.length === 0) return PyErr_Format(PyExc_IndexError, "index out of range");
  const lastelt = arr.pop()!;
  if (arr.length === 0) return lastelt;
  const returnitem = arr[0];
  arr[0] = lastelt;
  siftup(heap, 0, lt);
  return returnitem;
}

function heapreplace_internal(heap: PyListObject, item: PyVal, lt: Less): PyVal {
  const arr = heap.ob_item;
  if (arr.length === 0) return PyErr_Format(PyExc_IndexError, "index out of range");
  const returnitem = arr[0];
  arr[0] = item;
  siftup(heap, 0, lt);
  return returnitem;
}

function heapify_internal(heap: PyListObject, lt: Less): PyVal {
  // CPython switches to a cache-friendly order above 2500 items; both orders do the same comparisons on the
  // same pairs and build the same heap, so the simple order serves every size.
  for (let i = (heap.ob_item.length >> 1) - 1; i >= 0; i--) siftup(heap, i, lt);
  return Py_None;
}

function heappush(_m: PyVal, args: PyVal[]): PyVal {
  const [h, item] = unpackArgs("heappush", args, 2, 2);
  const heap = listArg("heappush", "argument 1", h!);
  heap.ob_item.push(item!);
  siftdown(heap, 0, heap.ob_item.length - 1, lt_min);
  return Py_None;
}

function heappushpop(_m: PyVal, args: PyVal[]): PyVal {
  const [h, item] = unpackArgs("heappushpop", args, 2, 2);
  const heap = listArg("heappushpop", "argument 1", h!);
  if (heap.ob_item.length === 0) return item!;
  const cmp = lt_min(heap.ob_item[0], item!);
  if (!cmp) return item!;
  if (heap.ob_item.length === 0) return PyErr_Format(PyExc_IndexError, "index out of range");
  const returnitem = heap.ob_item[0];
  heap.ob_item[0] = item!;
  siftup(heap, 0, lt_min);
  return returnitem;
}

export const heapqmodule: PyModuleDef = {
  m_name: "_heapq",
  m_doc: "Heap queue algorithm (a.k.a. priority queue).",
  m_methods: [
    { name: "heappush", meth: heappush, flags: METH_FASTCALL },
    { name: "heappushpop", meth: heappushpop, flags: METH_FASTCALL },
    { name: "heappop", meth: (_m: PyVal, h: PyVal) => heappop_internal(listArg("heappop", "argument", h), lt_min), flags: METH_O },
    { name: "heapreplace", meth: (_m: PyVal, a: PyVal[]) => {
      const [h, item] = unpackArgs("heapreplace", a, 2, 2);
      return heapreplace_internal(listArg("heapreplace", "argument 1", h!), item!, lt_min);
    }, flags: METH_FASTCALL },
    { name: "heapify", meth: (_m: PyVal, h: PyVal) => heapify_internal(listArg("heapify", "argument", h), lt_min), flags: METH_O },
    { name: "_heappop_max", meth: (_m: PyVal, h: PyVal) => heappop_internal(listArg("_heappop_max", "argument", h), lt_max), flags: METH_O },
    { name: "_heapify_max", meth: (_m: PyVal, h: PyVal) => heapify_internal(listArg("_heapify_max", "argument", h), lt_max), flags: METH_O },
    { name: "_heapreplace_max", meth: (_m: PyVal, a: PyVal[]) => {
      const [h, item] = unpackArgs("_heapreplace_max", a, 2, 2);
      return heapreplace_internal(listArg("_heapreplace_max", "argument 1", h!), item!, lt_max);
    }, flags: METH_FASTCALL },
  ],
  m_exec: () => {},
};
