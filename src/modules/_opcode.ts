// The _opcode module (Modules/_opcode.c): opcode predicates and stack effects for opcode.py and dis, from the
// generated tables in src/opcode (one source of truth with the compiler).
import { Py_None, Py_TYPE, METH_O, METH_NOARGS, METH_FASTCALL, METH_KEYWORDS, type PyVal } from "../objects/object.js";
import { PyBool_FromLong, Py_True } from "../objects/boolobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyLong_Check, longValue } from "../objects/longobject.js";
import { PyExc_ValueError, PyExc_TypeError } from "../objects/exceptions.js";
import { PyObject_IsTrue } from "../objects/abstract.js";
import { PyErr_Format } from "../runtime/errors.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import {
  OPCODE_HAS_ARG, OPCODE_HAS_CONST, OPCODE_HAS_NAME, OPCODE_HAS_JUMP, OPCODE_HAS_FREE, OPCODE_HAS_LOCAL,
  OPCODE_HAS_EXC, IS_VALID_OPCODE, stack_effect, _nb_ops, _intrinsic1_descs, _intrinsic2_descs,
} from "../opcode/opcode_utils.js";

function opArg(v: PyVal, fname: string): number {
  if (!PyLong_Check(v)) return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(v).tp_name}' object cannot be interpreted as an integer`);
  const n = longValue(v);
  void fname;
  return typeof n === "number" ? n : -1;
}

function predicate(name: string, f: (op: number) => boolean) {
  return { name, meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
    const [op] = parseArgs(name, a, k, ["opcode"], 1, 1);
    const n = opArg(op!, name);
    return PyBool_FromLong(IS_VALID_OPCODE(n) && f(n));
  }, flags: METH_FASTCALL | METH_KEYWORDS };
}

function opcode_stack_effect(_m: PyVal, a: PyVal[], k: PyVal[] | null): PyVal {
  const [op, oparg, jump] = parseArgs("stack_effect", a, k, ["", "", "*jump"], 1, 2);
  const n = opArg(op!, "stack_effect");
  let arg = 0;
  if (OPCODE_HAS_ARG(n)) {
    if (oparg === undefined || oparg === Py_None) {
      return PyErr_Format(PyExc_ValueError, "stack_effect: opcode requires oparg but oparg was not specified");
    }
    arg = opArg(oparg, "stack_effect");
  } else if (oparg !== undefined && oparg !== Py_None) {
    return PyErr_Format(PyExc_ValueError, "stack_effect: opcode does not permit oparg but oparg was specified");
  }
  let effect: number | null;
  if (jump === undefined || jump === Py_None) {
    const a0 = stack_effect(n, arg, false), a1 = stack_effect(n, arg, true);
    effect = a0 === null || a1 === null ? null : Math.max(a0, a1);
  } else if (jump === Py_True || Py_TYPE(jump).tp_name === "bool") {
    effect = stack_effect(n, arg, PyObject_IsTrue(jump));
  } else {
    return PyErr_Format(PyExc_ValueError, "stack_effect: jump must be False, True or None");
  }
  if (effect === null || !IS_VALID_OPCODE(n)) return PyErr_Format(PyExc_ValueError, "invalid opcode or oparg");
  return effect;
}

export const opcodemodule: PyModuleDef = {
  m_name: "_opcode",
  m_doc: "Opcode support module.",
  m_methods: [
    { name: "stack_effect", meth: opcode_stack_effect, flags: METH_FASTCALL | METH_KEYWORDS },
    predicate("is_valid", () => true),
    predicate("has_arg", OPCODE_HAS_ARG),
    predicate("has_const", OPCODE_HAS_CONST),
    predicate("has_name", OPCODE_HAS_NAME),
    predicate("has_jump", OPCODE_HAS_JUMP),
    predicate("has_free", OPCODE_HAS_FREE),
    predicate("has_local", OPCODE_HAS_LOCAL),
    predicate("has_exc", OPCODE_HAS_EXC),
    { name: "get_intrinsic1_descs", meth: () => PyList_New(_intrinsic1_descs.map(PyUnicode_FromString)), flags: METH_NOARGS },
    { name: "get_intrinsic2_descs", meth: () => PyList_New(_intrinsic2_descs.map(PyUnicode_FromString)), flags: METH_NOARGS },
    { name: "get_nb_ops", meth: () => PyList_New(_nb_ops.map(([n, s]) => PyTuple_New([PyUnicode_FromString(n), PyUnicode_FromString(s)]))), flags: METH_NOARGS },
    { name: "get_specialization_stats", meth: () => Py_None, flags: METH_NOARGS },
    { name: "get_executor", meth: () => PyErr_Format(PyExc_ValueError, "no executor at given byte offset"), flags: METH_FASTCALL | METH_KEYWORDS },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "ENABLE_SPECIALIZATION", Py_True);
    void METH_O;
  },
};
