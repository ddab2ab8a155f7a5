// cell: a box for a variable shared between a function and its nested functions (Objects/cellobject.c).
import { PyObject, PyType_Declare, PyType_FromSpecStatic, Py_NotImplemented, Py_TYPE, type PyVal } from "./object.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_ValueError } from "./exceptions.js";
import { hooks, PyObject_RichCompare } from "./abstract.js";
import { addressOf } from "./methodobject.js";
import { PyBool_FromLong } from "./boolobject.js";

export const PyCell_Type = PyType_Declare("cell");

export class PyCellObject extends PyObject {
  ob_ref: PyVal | null;
  constructor(v: PyVal | null) {
    super(PyCell_Type);
    this.ob_ref = v;
  }
}

PyType_FromSpecStatic({
  name: "cell",
  slots: {
    tp_new: (_t, args) => new PyCellObject(args.length > 0 ? args[0] : null),
    tp_repr: (s) => {
      const c = s as PyCellObject;
      if (c.ob_ref === null) return hooks.str(`<cell at ${addressOf(c)}: empty>`);
      return hooks.str(`<cell at ${addressOf(c)}: ${Py_TYPE(c.ob_ref).tp_name} object at ${addressOf(c.ob_ref)}>`);
    },
    tp_richcompare: (a, b, op) => {
      if (!(b instanceof PyCellObject)) return Py_NotImplemented;
      const x = (a as PyCellObject).ob_ref, y = b.ob_ref;
      if (x !== null && y !== null) return PyObject_RichCompare(x, y, op);
      const c = (x === null ? 0 : 1) - (y === null ? 0 : 1);
      return PyBool_FromLong([c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op]);
    },
    tp_hash: null,
  },
  getset: [{
    name: "cell_contents",
    get: (s) => (s as PyCellObject).ob_ref ?? PyErr_Format(PyExc_ValueError, "Cell is empty"),
    set: (s, v) => { (s as PyCellObject).ob_ref = v; },
  }],
}, PyCell_Type);
