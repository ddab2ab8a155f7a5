// The _bisect module (Modules/_bisectmodule.c): bisect_left/right and insort_left/right over any sequence,
// comparing with `<` only, with the optional key function. See docs/modules.md.
import { Py_LT, Py_None, METH_FASTCALL, METH_KEYWORDS, type PyVal } from "../objects/object.js";
import { PyList_CheckExact } from "../objects/listobject.js";
import {
  PyObject_RichCompareBool, PyObject_GetItem, PyObject_Size, PyObject_CallOneArg, PyObject_CallMethod, PyNumber_AsSsize_t,
} from "../objects/abstract.js";
import { PyExc_ValueError, PyExc_OverflowError } from "../objects/exceptions.js";
import { PyErr_Format } from "../runtime/errors.js";
import { parseArgs } from "../runtime/getargs.js";
import type { PyModuleDef } from "./moduledef.js";

const NAMES = ["a", "x", "lo", "hi", "*key"] as const;

function internal_bisect(right: boolean, list: PyVal, x: PyVal, lo: number, hi: number, key: PyVal): number {
  if (lo < 0) return PyErr_Format(PyExc_ValueError, "lo must be non-negative");
  if (hi === -1) hi = PyObject_Size(list);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    let item = PyObject_GetItem(list, mid);
    if (key !== Py_None) item = PyObject_CallOneArg(key, item);
    if (right) {
      if (PyObject_RichCompareBool(x, item, Py_LT)) hi = mid; else lo = mid + 1;
    } else {
      if (PyObject_RichCompareBool(item, x, Py_LT)) lo = mid + 1; else hi = mid;
    }
  }
  return lo;
}

function parse(fname: string, args: PyVal[], kwnames: PyVal[] | null): [PyVal, PyVal, number, number, PyVal] {
  const [a, x, lo, hi, key] = parseArgs(fname, args, kwnames, NAMES, 2, 4);
  const loN = lo === undefined ? 0 : PyNumber_AsSsize_t(lo, PyExc_OverflowError);
  const hiN = hi === undefined || hi === Py_None ? -1 : PyNumber_AsSsize_t(hi, PyExc_OverflowError);
  return [a!, x!, loN, hiN, key ?? Py_None];
}

function bisect(right: boolean, fname: string) {
  return (_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal => {
    const [a, x, lo, hi, key] = parse(fname, args, kwnames);
    return internal_bisect(right, a, x, lo, hi, key);
  };
}

function insort(right: boolean, fname: string) {
  return (_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal => {
    const [a, x, lo, hi, key] = parse(fname, args, kwnames);
    const index = internal_bisect(right, a, key === Py_None ? x : PyObject_CallOneArg(key, x), lo, hi, key);
    if (PyList_CheckExact(a)) a.ob_item.splice(index, 0, x);
    else PyObject_CallMethod(a, "insert", [index, x]);
    return Py_None;
  };
}

export const bisectmodule: PyModuleDef = {
  m_name: "_bisect",
  m_doc: "Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\nhaving to sort the list after each insertion. For long lists of items with\nexpensive comparison operations, this can be an improvement over the more\ncommon approach.\n",
  m_methods: [
    { name: "bisect_right", meth: bisect(true, "bisect_right"), flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "insort_right", meth: insort(true, "insort_right"), flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "bisect_left", meth: bisect(false, "bisect_left"), flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "insort_left", meth: insort(false, "insort_left"), flags: METH_FASTCALL | METH_KEYWORDS },
  ],
  m_exec: () => {},
};
