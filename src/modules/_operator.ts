// The _operator module (Modules/_operator.c), so far only _compare_digest (hmac imports it directly; operator.py's
// pure-Python functions serve the rest until the native ones are written).
import { Py_TYPE, METH_FASTCALL, type PyVal } from "../objects/object.js";
import { PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyBytesObject } from "../objects/bytesobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyExc_TypeError } from "../objects/exceptions.js";
import { PyObject_GetBufferData } from "../objects/memoryobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { unpackArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";

/** _tscmp: compare without an early exit, so the time does not depend on where the inputs differ. */
function tscmp(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  let result = a.length === b.length ? 0 : 1;
  const left = a.length === b.length ? a : b;
  for (let i = 0; i < b.length; i++) result |= left[i] ^ b[i];
  return result === 0;
}

function compare_digest(_m: PyVal, args: PyVal[]): PyVal {
  const [a, b] = unpackArgs("_compare_digest", args, 2, 2);
  if (PyUnicode_Check(a!) && PyUnicode_Check(b!)) {
    if (/[^\x00-\x7f]/.test(a.value) || /[^\x00-\x7f]/.test(b.value)) {
      return PyErr_Format(PyExc_TypeError, "comparing strings with non-ASCII characters is not supported");
    }
    const ca = Array.from(a.value, (c) => c.charCodeAt(0)), cb = Array.from(b.value, (c) => c.charCodeAt(0));
    return PyBool_FromLong(tscmp(ca, cb));
  }
  const ba = a instanceof PyBytesObject ? a.ob_bytes : PyUnicode_Check(a!) ? null : PyObject_GetBufferData(a!);
  const bb = b instanceof PyBytesObject ? b.ob_bytes : PyUnicode_Check(b!) ? null : PyObject_GetBufferData(b!);
  if (ba === null || bb === null) {
    return PyErr_Format(PyExc_TypeError, `unsupported operand types(s) or combination of types: '${Py_TYPE(a!).tp_name}' and '${Py_TYPE(b!).tp_name}'`);
  }
  return PyBool_FromLong(tscmp(ba, bb));
}

export const operatormodule: PyModuleDef = {
  m_name: "_operator",
  m_doc: "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.",
  m_methods: [
    { name: "_compare_digest", meth: compare_digest, flags: METH_FASTCALL },
  ],
  m_exec: (m) => { void m; void PyModule_Add; void PyUnicode_FromString; },
};
