// method: a function bound to an instance (Objects/classobject.c). See docs/objects.md.
import { prependArg } from "../runtime/getargs.js";
import {
  PyObject, PyType_Declare, PyType_FromSpecStatic, Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE, Py_HashHi,
  PyUnicode_InternFromString, type PyVal, PyUnicodeObject, METH_NOARGS,
} from "./object.js";
import { hooks, PyObject_Vectorcall, PyObject_GetAttr, PyObject_Repr, PyObject_Hash, _PyObject_LookupAttr,
  PyObject_GetItem } from "./abstract.js";
import { PyObject_GenericGetAttr, _PyType_Lookup } from "./typeobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError } from "./exceptions.js";
import { _PyThreadState_GET } from "../runtime/pystate.js";

export const PyMethod_Type = PyType_Declare("method");

export class PyMethodObject extends PyObject {
  im_func: PyVal;
  im_self: PyVal;
  constructor(func: PyVal, self: PyVal) {
    super(PyMethod_Type);
    this.im_func = func;
    this.im_self = self;
  }
}

export function PyMethod_New(func: PyVal, self: PyVal): PyMethodObject {
  return new PyMethodObject(func, self);
}

function method_call(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const m = self as PyMethodObject;
  return PyObject_Vectorcall(m.im_func, prependArg(m.im_self, args), kwnames);
}

function method_getattro(self: PyVal, name: PyUnicodeObject, suppress: boolean): PyVal | undefined {
  const descr = _PyType_Lookup(PyMethod_Type, name);
  if (descr !== null) {
    const f = Py_TYPE(descr).tp_descr_get;
    return f !== null ? f(descr, self, PyMethod_Type) : descr;
  }
  const fn = (self as PyMethodObject).im_func;
  return suppress ? _PyObject_LookupAttr(fn, name) : PyObject_GetAttr(fn, name);
}

/** method.__reduce__: (getattr, (self, func.__name__)), getattr from the running frame's builtins. */
function method_reduce(self: PyVal): PyVal {
  const m = self as PyMethodObject;
  const name = PyObject_GetAttr(m.im_func, PyUnicode_InternFromString("__name__"));
  const frame = _PyThreadState_GET().current_frame as { f_builtins: PyVal } | null;
  const getattr = frame === null ? hooks.str("getattr") : PyObject_GetItem(frame.f_builtins, hooks.str("getattr"));
  return hooks.tuple([getattr, hooks.tuple([m.im_self, name])]);
}

function method_repr(self: PyVal): PyUnicodeObject {
  const m = self as PyMethodObject;
  const q = _PyObject_LookupAttr(m.im_func, PyUnicode_InternFromString("__qualname__")) ??
    _PyObject_LookupAttr(m.im_func, PyUnicode_InternFromString("__name__"));
  const name = q instanceof PyUnicodeObject ? q.value : "?";
  return hooks.str(`<bound method ${name} of ${PyObject_Repr(m.im_self).value}>`);
}

PyType_FromSpecStatic({
  name: "method",
  doc: "Create a bound instance method object.",
  slots: {
    tp_call: method_call, tp_getattro: method_getattro, tp_repr: method_repr,
    tp_new: (_t, args) => {
      if (args.length !== 2) return PyErr_Format(PyExc_TypeError, `method expected 2 arguments, got ${args.length}`);
      if (Py_TYPE(args[0]).tp_call === null) return PyErr_Format(PyExc_TypeError, "first argument must be callable");
      return new PyMethodObject(args[0], args[1]);
    },
    tp_richcompare: (a, b, op) => {
      if ((op !== Py_EQ && op !== Py_NE) || !(b instanceof PyMethodObject)) return Py_NotImplemented;
      const x = a as PyMethodObject;
      const eq = x.im_func === b.im_func && x.im_self === b.im_self;
      return PyBool_FromLong(op === Py_EQ ? eq : !eq);
    },
    tp_hash: (s) => {
      const m = s as PyMethodObject;
      const a = PyObject_Hash(m.im_func);
      Py_HashHi[0] = 0;
      return a ^ 0x5f3759df;
    },
    tp_descr_get: (s) => s,
  },
  methods: [{ name: "__reduce__", meth: method_reduce, flags: METH_NOARGS }],
  members: [
    { name: "__func__", get: (s) => (s as PyMethodObject).im_func },
    { name: "__self__", get: (s) => (s as PyMethodObject).im_self },
  ],
  getset: [{ name: "__doc__", get: (s) => PyObject_GetAttr((s as PyMethodObject).im_func, PyUnicode_InternFromString("__doc__")) }],
}, PyMethod_Type);

