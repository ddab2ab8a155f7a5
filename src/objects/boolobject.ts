// bool: two singletons of a subclass of int. Counterpart: Objects/boolobject.c. See docs/objects.md.
import { PyType_Declare, PyType_FromSpecStatic, PyTypeObject, Py_NotImplemented, type PyVal, PyUnicodeObject, PyLongObject,
  PyLong_Type } from "./object.js";
import { longValue, PyLong_Check } from "./longobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_DeprecationWarning } from "./exceptions.js";
import { PyUnicode_InternFromString } from "./object.js";
import { PyObject_IsTrue, hooks } from "./abstract.js";
import { parseArgs } from "../runtime/getargs.js";

export const PyBool_Type = PyType_Declare("bool");
export const Py_False = new PyLongObject(PyBool_Type, 0, null);
export const Py_True = new PyLongObject(PyBool_Type, 1, null);

export function PyBool_FromLong(v: boolean | number): PyLongObject {
  return v ? Py_True : Py_False;
}

function bool_repr(self: PyVal): PyUnicodeObject {
  return PyUnicode_InternFromString(self === Py_True ? "True" : "False");
}

function bool_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [x] = parseArgs("bool", args, kwnames, [""], 0, 1);
  void type;
  return x === undefined ? Py_False : PyBool_FromLong(PyObject_IsTrue(x));
}

function boolOp(a: PyVal, b: PyVal, op: 0 | 1 | 2, fallback: (a: PyVal, b: PyVal) => PyVal): PyVal {
  if ((a === Py_True || a === Py_False) && (b === Py_True || b === Py_False)) {
    const x = a === Py_True, y = b === Py_True;
    return PyBool_FromLong(op === 0 ? x && y : op === 1 ? x || y : x !== y);
  }
  return fallback(a, b);
}

function bool_invert(self: PyVal): PyVal {
  hooks.warn(PyExc_DeprecationWarning, "Bitwise inversion '~' on bool is deprecated and will be removed in Python 3.16. This returns the bitwise inversion of the underlying int object and is usually not what you expect from negating a bool. Use the 'not' operator for boolean negation or ~int(x) if you really want the bitwise inversion of the underlying int.", 1);
  return -(longValue(self) as number) - 1;
}

PyType_FromSpecStatic({
  name: "bool",
  base: () => PyLong_Type,
  doc: "Returns True when the argument is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed.",
  slots: {
    tp_repr: bool_repr, tp_new: bool_new,
    nb_and: (a, b) => boolOp(a, b, 0, (x, y) => PyLong_Type.nb_and!(x, y)),
    nb_or: (a, b) => boolOp(a, b, 1, (x, y) => PyLong_Type.nb_or!(x, y)),
    nb_xor: (a, b) => boolOp(a, b, 2, (x, y) => PyLong_Type.nb_xor!(x, y)),
    nb_invert: bool_invert,
  },
}, PyBool_Type);

