// The _contextvars module (Modules/_contextvarsmodule.c): Context, ContextVar, Token and copy_context over the
// context implementation in src/runtime/context.ts. See docs/modules.md.
import { METH_NOARGS, PyUnicode_InternFromString, type PyVal } from "../objects/object.js";
import type { PyDictObject } from "../objects/dictobject.js";
import { PyDict_SetItem } from "../objects/dictobject.js";
import {
  PyContext_Type, PyContextVar_Type, PyContextToken_Type, _PyContextTokenMissing, PyContext_CopyCurrent,
} from "../runtime/context.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";

export const contextvarsmodule: PyModuleDef = {
  m_name: "_contextvars",
  m_doc: "Context Variables",
  m_methods: [{ name: "copy_context", meth: (_m: PyVal) => PyContext_CopyCurrent(), flags: METH_NOARGS }],
  m_exec: (m) => {
    PyModule_Add(m, "Context", PyContext_Type);
    PyModule_Add(m, "ContextVar", PyContextVar_Type);
    PyModule_Add(m, "Token", PyContextToken_Type);
    // Token.MISSING is a class attribute (context_token_missing_tp's singleton).
    PyDict_SetItem(PyContextToken_Type.tp_dict as PyDictObject, PyUnicode_InternFromString("MISSING"), _PyContextTokenMissing);
  },
};
