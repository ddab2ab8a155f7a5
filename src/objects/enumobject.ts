// enumerate and reversed (Objects/enumobject.c). See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, METH_NOARGS,
  Py_TPFLAGS_BASETYPE, type PyVal, type PyUnicodeObject,
} from "./object.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_IndexError, PyExc_StopIteration, PyBaseExceptionObject } from "./exceptions.js";
import { PyObject_GetIter, PyObject_GetItem, PyObject_Size, PyNumber_Index, _PyObject_LookupSpecial,
  PyObject_Vectorcall, PyType_IsSubtype } from "./abstract.js";
import { PyTuple_New } from "./tupleobject.js";
import { PyLong_FromBigInt, longValue, long_add } from "./longobject.js";
import { parseArgs } from "../runtime/getargs.js";
import { _PyIter_PickleMethods, _PyIter_StateIndex } from "./iterobject.js";

export const PyEnum_Type = PyType_Declare("enumerate");
export const PyReversed_Type = PyType_Declare("reversed");

export class PyEnumObject extends PyObject {
  en_index: number;
  en_longindex: PyVal | null;
  en_sit: PyVal;
  constructor(type: PyTypeObject, it: PyVal, start: PyVal) {
    super(type);
    this.en_sit = it;
    if (typeof start === "number" && start < Number.MAX_SAFE_INTEGER) { this.en_index = start; this.en_longindex = null; }
    else { this.en_index = 0; this.en_longindex = start; }
  }
}

function enum_next(self: PyVal): PyVal | undefined {
  const e = self as PyEnumObject;
  const item = Py_TYPE(e.en_sit).tp_iternext!(e.en_sit);
  if (item === undefined) return undefined;
  let idx: PyVal;
  if (e.en_longindex === null) {
    idx = e.en_index;
    if (e.en_index + 1 >= Number.MAX_SAFE_INTEGER) e.en_longindex = PyLong_FromBigInt(BigInt(e.en_index) + 1n);
    else e.en_index++;
  } else {
    idx = e.en_longindex;
    e.en_longindex = long_add(idx, 1);
  }
  return PyTuple_New([idx, item]);
}

/** enum_vectorcall: enumerate(...) itself (not a subclass) parses its two arguments by hand, with its own messages. */
function enum_vectorcall(args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const check = (i: number, name: string): void => {
    const kw = (kwnames![i] as PyUnicodeObject).value;
    if (kw !== name) PyErr_Format(PyExc_TypeError, `'${kw}' is an invalid keyword argument for enumerate()`);
  };
  const make = (iterable: PyVal, start: PyVal | undefined): PyVal =>
    new PyEnumObject(PyEnum_Type, PyObject_GetIter(iterable), start === undefined ? 0 : PyNumber_Index(start));
  if (npos + nkw === 2) {
    if (nkw === 1) check(0, "start");
    else if (nkw === 2) {
      if ((kwnames![0] as PyUnicodeObject).value === "start") {
        check(1, "iterable");
        return make(args[1], args[0]);
      }
      check(0, "iterable");
      check(1, "start");
    }
    return make(args[0], args[1]);
  }
  if (npos + nkw === 1) {
    if (nkw === 1) check(0, "iterable");
    return make(args[0], undefined);
  }
  if (npos === 0) return PyErr_Format(PyExc_TypeError, "enumerate() missing required argument 'iterable'");
  return PyErr_Format(PyExc_TypeError, `enumerate() takes at most 2 arguments (${npos + nkw} given)`);
}

PyType_FromSpecStatic({
  name: "enumerate",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Return an enumerate object.",
  slots: {
    tp_new: (type, args, kwnames) => {
      if (type === PyEnum_Type) return enum_vectorcall(args, kwnames);
      const [iterable, start] = parseArgs("enumerate", args, kwnames, ["iterable", "start"], 1, 2);
      const s = start === undefined ? 0 : PyNumber_Index(start);
      return new PyEnumObject(type, PyObject_GetIter(iterable!), s);
    },
    tp_iter: (s) => s,
    tp_iternext: enum_next,
  },
  // enum_reduce: (type(e), (iterator, next index)).
  methods: _PyIter_PickleMethods((s) => {
    const e = s as PyEnumObject;
    return PyTuple_New([Py_TYPE(e), PyTuple_New([e.en_sit, e.en_longindex ?? e.en_index])]);
  }, null),
}, PyEnum_Type);

export class PyReversedObject extends PyObject {
  index: number;
  seq: PyVal | null;
  constructor(type: PyTypeObject, seq: PyVal, n: number) {
    super(type);
    this.seq = seq;
    this.index = n - 1;
  }
}

PyType_FromSpecStatic({
  name: "reversed",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Return a reverse iterator over the values of the given sequence.",
  slots: {
    tp_new: (type, args, kwnames) => {
      if (kwnames !== null && kwnames.length) return PyErr_Format(PyExc_TypeError, "reversed() takes no keyword arguments");
      if (args.length !== 1) return PyErr_Format(PyExc_TypeError, `reversed expected 1 argument, got ${args.length}`);
      const seq = args[0];
      const rev = _PyObject_LookupSpecial(seq, "__reversed__");
      if (rev === Py_None) return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(seq).tp_name}' object is not reversible`);
      if (rev !== undefined) return PyObject_Vectorcall(rev, [], null);
      const t = Py_TYPE(seq);
      if (t.mp_subscript === null && t.sq_item === null || (t.sq_length === null && t.mp_length === null) || t.tp_name === "dict") {
        return PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object is not reversible`);
      }
      return new PyReversedObject(type, seq, PyObject_Size(seq));
    },
    tp_iter: (s) => s,
    tp_iternext: (s) => {
      const r = s as PyReversedObject;
      if (r.seq === null || r.index < 0) { r.seq = null; return undefined; }
      try {
        return PyObject_GetItem(r.seq, r.index--);
      } catch (e) {
        if (e instanceof PyBaseExceptionObject && (PyType_IsSubtype(e.ob_type, PyExc_IndexError) || PyType_IsSubtype(e.ob_type, PyExc_StopIteration))) {
          r.seq = null;
          return undefined;
        }
        throw e;
      }
    },
  },
  methods: [{ name: "__length_hint__", meth: (s: PyVal) => {
    // reversed_len: the position, or 0 when the sequence has shrunk below it (its length is asked each time).
    const r = s as PyReversedObject;
    if (r.seq === null) return 0;
    const n = PyObject_Size(r.seq);
    return n < r.index + 1 ? 0 : r.index + 1;
  }, flags: METH_NOARGS }, ..._PyIter_PickleMethods((s) => {
    // reversed_reduce: (type(r), (seq,), index), or (type(r), ((),)) once exhausted.
    const r = s as PyReversedObject;
    return r.seq !== null ? PyTuple_New([Py_TYPE(r), PyTuple_New([r.seq]), r.index])
      : PyTuple_New([Py_TYPE(r), PyTuple_New([PyTuple_New([])])]);
  }, (s, state) => {
    const r = s as PyReversedObject;
    const i = _PyIter_StateIndex(state);
    if (r.seq !== null) r.index = Math.min(Math.max(i, -1), PyObject_Size(r.seq) - 1);
    return Py_None;
  })],
}, PyReversed_Type);

