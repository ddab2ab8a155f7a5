// Sequence iterators over __getitem__ and callable iterators (Objects/iterobject.c), and the pickling support the
// built-in iterators share (__reduce__ as `(iter, (seq,), index)`, __setstate__). See docs/objects.md.
import { PyObject, PyType_Declare, PyType_FromSpecStatic, Py_TYPE, Py_EQ, METH_NOARGS, Py_None,
  PyUnicode_InternFromString, type PyVal, type PyUnicodeObject } from "./object.js";
import { PyObject_GetItem, PyObject_Vectorcall, PyObject_RichCompareBool, PyType_IsSubtype } from "./abstract.js";
import { PyBaseExceptionObject, PyExc_IndexError, PyExc_StopIteration, PyExc_TypeError, PyExc_RuntimeError } from "./exceptions.js";
import { PyTuple_New } from "./tupleobject.js";
import { longValue, PyLong_Check } from "./longobject.js";
import { PyErr_Format } from "../runtime/errors.js";

/** The builtins module's lookup, installed by src/runtime/bltinmodule.ts (this module loads before it). */
export const iterHooks = {
  builtin: (name: PyUnicodeObject): PyVal | undefined => { void name; return undefined; },
};

/** A builtin by name, looked up when asked for (_PyEval_GetBuiltin: a program may have replaced it). */
export function _PyEval_GetBuiltin(name: string): PyVal {
  const v = iterHooks.builtin(PyUnicode_InternFromString(name));
  return v !== undefined ? v : PyErr_Format(PyExc_RuntimeError, `lost builtins.${name}`);
}

/** `(builtins.<fn>, (seq,), index)` while the iterator holds its sequence, else `(builtins.<fn>, (empty,))`: the
 *  __reduce__ of the built-in sequence iterators (listiter_reduce_general, tupleiter_reduce, striter_reduce, ...).
 *  The builtin is looked up first: the lookup may run code (a key's __eq__) that exhausts the iterator, and `state`
 *  then reads what is left (test_iter's test_reduce_mutating_builtins_iter). */
export function _PyIter_Reduce(fn: "iter" | "reversed", state: () => [PyVal | null, PyVal], empty: () => PyVal): PyVal {
  const f = _PyEval_GetBuiltin(fn);
  const [seq, index] = state();
  if (seq !== null) return PyTuple_New([f, PyTuple_New([seq]), index]);
  return PyTuple_New([f, PyTuple_New([empty()])]);
}

/** __setstate__'s position (PyLong_AsSsize_t: an int, no __index__). */
export function _PyIter_StateIndex(state: PyVal): number {
  if (!PyLong_Check(state)) return PyErr_Format(PyExc_TypeError, "an integer is required");
  const v = longValue(state);
  return typeof v === "number" ? v : Number(v);
}

/** __reduce__ and __setstate__ method entries (called while other modules load: literals only, no module consts). */
export function _PyIter_PickleMethods(reduce: (s: PyVal) => PyVal, setstate: ((s: PyVal, state: PyVal) => PyVal) | null) {
  const m = [{ name: "__reduce__", meth: reduce, flags: 0x0004 /* METH_NOARGS */, doc: "Return state information for pickling." }];
  if (setstate !== null) {
    m.push({ name: "__setstate__", meth: setstate, flags: 0x0008 /* METH_O */, doc: "Set state information for unpickling." } as never);
  }
  return m;
}

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
  methods: _PyIter_PickleMethods(
    (s) => _PyIter_Reduce("iter", () => [(s as PySeqIterObject).it_seq, (s as PySeqIterObject).it_index], () => PyTuple_New([])),
    (s, state) => {
      const it = s as PySeqIterObject;
      const i = _PyIter_StateIndex(state);
      if (it.it_seq !== null) it.it_index = Math.max(0, i);
      return Py_None;
    }),
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
  // The call may have exhausted this iterator (a reentrant next): then it is done whatever it returned.
  if (it.it_callable === null) return undefined;
  // calliter_iternext compares the sentinel with the result, in that order (a sentinel's own __eq__ decides).
  if (PyObject_RichCompareBool(it.it_sentinel, r, Py_EQ)) {
    it.it_callable = null;
    return undefined;
  }
  return r;
}

PyType_FromSpecStatic({
  name: "callable_iterator",
  slots: { tp_iter: (s) => s, tp_iternext: calliter_next },
  methods: _PyIter_PickleMethods((s) => {
    const it = s as PyCallIterObject;
    const iter = _PyEval_GetBuiltin("iter");
    return it.it_callable !== null ? PyTuple_New([iter, PyTuple_New([it.it_callable, it.it_sentinel])])
      : PyTuple_New([iter, PyTuple_New([PyTuple_New([])])]);
  }, null),
}, PyCallIter_Type);

