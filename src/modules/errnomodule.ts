// The errno module (Modules/errnomodule.c): Linux's errno names and numbers, and errorcode (generated table).
import { PyDict_New, PyDict_SetItem } from "../objects/dictobject.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { ERRNO_TABLE, ERRORCODE } from "./errno_table.js";

export const errnomodule: PyModuleDef = {
  m_name: "errno",
  m_doc: "This module makes available standard errno system symbols.\n\nThe value of each symbol is the corresponding integer value,\ne.g., on most systems, errno.ENOENT equals the integer 2.\n\nThe dictionary errno.errorcode maps numeric codes to symbol names,\ne.g., errno.errorcode[2] could be the string 'ENOENT'.\n\nSymbols that are not relevant to the underlying system are not defined.\n\nTo map error codes to error messages, use the function os.strerror(),\ne.g. os.strerror(2) could return 'No such file or directory'.",
  m_exec: (m) => {
    const codes = PyDict_New();
    for (const [n, v] of ERRORCODE) PyDict_SetItem(codes, n, PyUnicode_FromString(v));
    PyModule_Add(m, "errorcode", codes);
    for (const [name, num] of ERRNO_TABLE) PyModule_Add(m, name, num);
  },
};
