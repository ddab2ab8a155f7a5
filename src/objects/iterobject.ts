// Sequence iterators over __getitem__ and callable iterators (Objects/iterobject.c). See docs/objects.md.
import { PyObject, PyType_Declare, PyType_FromSpecStatic, Py_TYPE, Py_EQ, METH_NOARGS, type PyVal } from "./object.js";
import { PyObject_GetItem, PyObject_Vectorcall, PyObject_RichCompareBool, PyType_IsSubtype } from "./abstract.js";
import { PyBaseExceptionObject, PyExc_IndexError, PyExc_StopIteration } from "./exceptions.js";

export const PySeqIter_Type = PyType_Declare("iterator");
export const PyCallIter_Type = PyType_Declare("callable_iterator");

export class PySeqIterObject extends PyObject {
  it_seq: PyVal | null;
  it_index: number;
  constructor(seq: PyVal) {
    super(PySeqIter_Type);
    this.it_seq = seq;
    this.it_index = 0;
  }
}

export function PySeqIter_New(seq: PyVal): PySeqIterObject {
  return new PySeqIterObject(seq);
}

function isExc(e: unknown, t: typeof PyExc_IndexError): boolean {
  return e instanceof PyBaseExceptionObject && PyType_IsSubtype(e.ob_type, t);
}

function seqiter_next(self: PyVal): PyVal | undefined {
  const it = self as PySeqIterObject;
  if (it.it_seq === null) return undefined;
  try {
    const v = PyObject_GetItem(it.it_seq, it.it_index);
    it.it_index++;
    return v;
  } catch (e) {
    if (isExc(e, PyExc_IndexError) || isExc(e, PyExc_StopIteration)) {
      it.it_seq = null;
      return undefined;
    }
    throw e;
  }
}

PyType_FromSpecStatic({
  name: "iterator",
  slots: { tp_iter: (s) => s, tp_iternext: seqiter_next },
}, PySeqIter_Type);

export class PyCallIterObject extends PyObject {
  it_callable: PyVal | null;
  it_sentinel: PyVal;
  constructor(callable: PyVal, sentinel: PyVal) {
    super(PyCallIter_Type);
    this.it_callable = callable;
    this.it_sentinel = sentinel;
  }
}

function calliter_next(self: PyVal): PyVal | undefined {
  const it = self as PyCallIterObject;
  if (it.it_callable === null) return undefined;
  let r: PyVal;
  try {
    r = PyObject_Vectorcall(it.it_callable, [], null);
  } catch (e) {
    if (isExc(e, PyExc_StopIteration)) { it.it_callable = null; return undefined; }
    throw e;
  }
  if (PyObject_RichCompareBool(r, it.it_sentinel, Py_EQ)) {
    it.it_callable = null;
    return undefined;
  }
  return r;
}

PyType_FromSpecStatic({
  name: "callable_iterator",
  slots: { tp_iter: (s) => s, tp_iternext: calliter_next },
}, PyCallIter_Type);

