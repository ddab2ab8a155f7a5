// The _typing module (Modules/_typingmodule.c): the accelerators typing.py imports. The types themselves live in
// src/objects/typevarobject.ts, shared with the PEP 695 intrinsics. See docs/modules.md.
import { METH_O } from "../objects/object.js";
import {
  _PyTypeVar_Type, _PyParamSpec_Type, _PyParamSpecArgs_Type, _PyParamSpecKwargs_Type, _PyTypeVarTuple_Type,
  _PyTypeAlias_Type, _PyGeneric_Type, _Py_NoDefault, _idfunc,
} from "../objects/typevarobject.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";

export const typingmodule: PyModuleDef = {
  m_name: "_typing",
  m_doc: "Primitives and accelerators for the typing module.\n",
  m_methods: [{ name: "_idfunc", meth: _idfunc, flags: METH_O }],
  m_exec: (m) => {
    PyModule_Add(m, "TypeVar", _PyTypeVar_Type);
    PyModule_Add(m, "ParamSpec", _PyParamSpec_Type);
    PyModule_Add(m, "ParamSpecArgs", _PyParamSpecArgs_Type);
    PyModule_Add(m, "ParamSpecKwargs", _PyParamSpecKwargs_Type);
    PyModule_Add(m, "TypeVarTuple", _PyTypeVarTuple_Type);
    PyModule_Add(m, "TypeAliasType", _PyTypeAlias_Type);
    PyModule_Add(m, "Generic", _PyGeneric_Type);
    PyModule_Add(m, "NoDefault", _Py_NoDefault);
  },
};
