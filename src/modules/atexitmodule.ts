// The atexit module (Modules/atexitmodule.c): callbacks run in reverse order at interpreter exit, before the
// standard streams are flushed; an exception in one is reported ("Exception ignored in atexit callback") and
// the others still run. pythonrun.ts calls _PyAtExit_Call.
import { Py_None, Py_TYPE, METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS, type PyVal } from "../objects/object.js";
import { PyObject_Vectorcall, PyObject_RichCompareBool, PyObject_Repr } from "../objects/abstract.js";
import { PyExc_TypeError, PyExc_SystemExit, PyBaseExceptionObject } from "../objects/exceptions.js";
import { Py_EQ } from "../objects/object.js";
import { PyErr_Format } from "../runtime/errors.js";
import type { PyModuleDef } from "./moduledef.js";
import { _PyGC_AddRoot } from "../runtime/gc.js";
import { _PyErr_WriteUnraisable } from "../runtime/unraisable.js";

interface Callback { func: PyVal; args: PyVal[]; kwnames: PyVal[] | null }
let callbacks: Callback[] = [];
_PyGC_AddRoot("atexit callbacks", () => callbacks);

/** Run and clear the registered callbacks, last registered first (atexit_callfuncs). */
export function _PyAtExit_Call(): void {
  const cbs = callbacks;
  callbacks = [];
  for (let i = cbs.length - 1; i >= 0; i--) {
    const cb = cbs[i];
    try {
      PyObject_Vectorcall(cb.func, cb.args, cb.kwnames);
    } catch (e) {
      if (e instanceof PyBaseExceptionObject) {
        if (e.ob_type === PyExc_SystemExit) continue;
        // PyErr_FormatUnraisable("Exception ignored in atexit callback %R", func): through sys.unraisablehook.
        let r = "<object repr() failed>";
        try { r = PyObject_Repr(cb.func).value; } catch { /* keep */ }
        _PyErr_WriteUnraisable(null, e, `Exception ignored in atexit callback ${r}`);
      } else throw e;
    }
  }
}

function atexit_register(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  if (args.length - nkw < 1) return PyErr_Format(PyExc_TypeError, "register() takes at least 1 argument (0 given)");
  const func = args[0];
  if (Py_TYPE(func).tp_call === null) {
    return PyErr_Format(PyExc_TypeError, "the first argument must be callable");
  }
  callbacks.push({ func, args: args.slice(1), kwnames });
  return func;
}

export const atexitmodule: PyModuleDef = {
  m_name: "atexit",
  m_doc: "allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n",
  m_methods: [
    { name: "register", meth: atexit_register, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "unregister", meth: (_m: PyVal, f: PyVal) => {
      callbacks = callbacks.filter((c) => !PyObject_RichCompareBool(c.func, f, Py_EQ));
      return Py_None;
    }, flags: METH_O },
    { name: "_run_exitfuncs", meth: () => { _PyAtExit_Call(); return Py_None; }, flags: METH_NOARGS },
    { name: "_clear", meth: () => { callbacks = []; return Py_None; }, flags: METH_NOARGS },
    { name: "_ncallbacks", meth: () => callbacks.length, flags: METH_NOARGS },
  ],
};
