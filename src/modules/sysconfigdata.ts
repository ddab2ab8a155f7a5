// _sysconfigdata__linux_x86_64-linux-gnu: the build-time variables sysconfig reads (CPython generates the module
// at build time; pyodide's zip has only its emscripten one). Typhon's values: the CPython 3.13 layout on x86-64 Linux
// with Typhon's own ABI tag, since no C extension can load. See docs/imports.md.
import { PyDict_New, PyDict_SetItemString } from "../objects/dictobject.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { getSys } from "../runtime/sysmodule.js";
import { PyDict_GetItemStr } from "../objects/dictobject.js";
import { PyUnicode_InternFromString, type PyVal } from "../objects/object.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";

export const SYSCONFIGDATA_NAME = "_sysconfigdata__linux_x86_64-linux-gnu";

export const sysconfigdatamodule: PyModuleDef = {
  m_name: SYSCONFIGDATA_NAME,
  m_exec: (m) => {
    const prefixObj = PyDict_GetItemStr(getSys().dict, PyUnicode_InternFromString("prefix"));
    const prefix = prefixObj !== undefined ? (prefixObj as unknown as { value: string }).value : "/usr/local";
    const vars = PyDict_New();
    const str: [string, string][] = [
      ["TZPATH", "/usr/share/zoneinfo:/usr/lib/zoneinfo:/usr/share/lib/zoneinfo:/etc/zoneinfo"],
      ["EXT_SUFFIX", ".typhon-313-x86_64-linux-gnu.so"], ["SOABI", "typhon-313-x86_64-linux-gnu"],
      ["MULTIARCH", "x86_64-linux-gnu"], ["VERSION", "3.13"], ["ABIFLAGS", ""], ["SHLIB_SUFFIX", ".so"],
      ["HOST_GNU_TYPE", "x86_64-pc-linux-gnu"], ["MACHDEP", "linux"], ["CC", "cc"], ["CXX", "c++"],
      ["prefix", prefix], ["exec_prefix", prefix], ["LIBDIR", `${prefix}/lib`], ["BINDIR", `${prefix}/bin`],
      ["INCLUDEPY", `${prefix}/include/python3.13`], ["LDLIBRARY", "libpython3.13.a"], ["py_version_nodot", "313"],
      ["CFLAGS", ""], ["LDFLAGS", ""], ["CCSHARED", "-fPIC"], ["LDSHARED", "cc -shared"], ["AR", "ar"], ["ARFLAGS", "rcs"],
    ];
    for (const [k, v] of str) PyDict_SetItemString(vars, k, PyUnicode_FromString(v));
    const ints: [string, number][] = [["Py_GIL_DISABLED", 0], ["Py_DEBUG", 0], ["Py_ENABLE_SHARED", 0], ["WITH_DOC_STRINGS", 1],
      ["SIZEOF_VOID_P", 8], ["SIZEOF_LONG", 8], ["SIZEOF_SIZE_T", 8], ["HAVE_FORK", 0], ["WITH_PYMALLOC", 1]];
    for (const [k, v] of ints) PyDict_SetItemString(vars, k, v);
    PyModule_Add(m, "build_time_vars", vars as PyVal);
  },
};
