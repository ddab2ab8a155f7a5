// The gc module (Modules/gcmodule.c). Typhon's objects are collected by the JS engine, so there is no cycle
// collector to drive: the switches and thresholds are kept and reported as CPython's, collect() returns 0, and
// the introspection functions answer from what can be known (get_objects and get_referrers are empty).
import { Py_None, Py_TYPE, METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS, type PyVal } from "../objects/object.js";
import { Py_True, Py_False, PyBool_FromLong } from "../objects/boolobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyDict_New, PyDict_SetItemString } from "../objects/dictobject.js";
import { PyNumber_AsSsize_t } from "../objects/abstract.js";
import { PyExc_ValueError } from "../objects/exceptions.js";
import { PyErr_Format } from "../runtime/errors.js";
import { parseArgs, unpackArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";

let enabled = true;
let debug = 0;
let thresholds: [number, number, number] = [2000, 10, 10];
let collections = [0, 0, 0];

const ATOMIC = new Set(["int", "float", "str", "bytes", "bool", "NoneType", "complex", "range"]);

export const gcmodule: PyModuleDef = {
  m_name: "gc",
  m_doc: "This module provides access to the garbage collector for reference cycles.",
  m_methods: [
    { name: "enable", meth: () => { enabled = true; return Py_None; }, flags: METH_NOARGS },
    { name: "disable", meth: () => { enabled = false; return Py_None; }, flags: METH_NOARGS },
    { name: "isenabled", meth: () => PyBool_FromLong(enabled), flags: METH_NOARGS },
    { name: "collect", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const [g] = parseArgs("collect", a, k, ["generation"], 0, 1);
      const gen = g === undefined ? 2 : PyNumber_AsSsize_t(g, null);
      if (gen < 0 || gen > 2) return PyErr_Format(PyExc_ValueError, "invalid generation");
      collections[gen]++;
      return 0;
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "get_count", meth: () => PyTuple_New([0, 0, 0]), flags: METH_NOARGS },
    { name: "get_threshold", meth: () => PyTuple_New(thresholds.slice()), flags: METH_NOARGS },
    { name: "set_threshold", meth: (_m: PyVal, a: PyVal[]) => {
      const [t0, t1, t2] = unpackArgs("set_threshold", a, 1, 3);
      thresholds = [PyNumber_AsSsize_t(t0!, null), t1 === undefined ? thresholds[1] : PyNumber_AsSsize_t(t1, null),
        t2 === undefined ? thresholds[2] : PyNumber_AsSsize_t(t2, null)];
      return Py_None;
    }, flags: METH_FASTCALL },
    { name: "get_debug", meth: () => debug, flags: METH_NOARGS },
    { name: "set_debug", meth: (_m: PyVal, f: PyVal) => { debug = PyNumber_AsSsize_t(f, null); return Py_None; }, flags: METH_O },
    { name: "get_objects", meth: () => PyList_New([]), flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "get_referrers", meth: () => PyList_New([]), flags: METH_FASTCALL },
    { name: "get_referents", meth: () => PyList_New([]), flags: METH_FASTCALL },
    { name: "get_stats", meth: () => PyList_New([0, 1, 2].map((i) => {
      const d = PyDict_New();
      PyDict_SetItemString(d, "collections", collections[i]);
      PyDict_SetItemString(d, "collected", 0);
      PyDict_SetItemString(d, "uncollectable", 0);
      return d;
    })), flags: METH_NOARGS },
    { name: "is_tracked", meth: (_m: PyVal, o: PyVal) => PyBool_FromLong(!ATOMIC.has(Py_TYPE(o).tp_name)), flags: METH_O },
    { name: "is_finalized", meth: () => Py_False, flags: METH_O },
    { name: "freeze", meth: () => Py_None, flags: METH_NOARGS },
    { name: "unfreeze", meth: () => Py_None, flags: METH_NOARGS },
    { name: "get_freeze_count", meth: () => 0, flags: METH_NOARGS },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "garbage", PyList_New([]));
    PyModule_Add(m, "callbacks", PyList_New([]));
    PyModule_Add(m, "DEBUG_STATS", 1);
    PyModule_Add(m, "DEBUG_COLLECTABLE", 2);
    PyModule_Add(m, "DEBUG_UNCOLLECTABLE", 4);
    PyModule_Add(m, "DEBUG_SAVEALL", 32);
    PyModule_Add(m, "DEBUG_LEAK", 38);
    collections = [0, 0, 0];
    void Py_True;
  },
};
