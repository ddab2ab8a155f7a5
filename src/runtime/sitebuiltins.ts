// The builtins CPython's site.main() adds at start-up (Lib/site.py's setquit, setcopyright, sethelper): exit, quit,
// copyright, credits, license and help. Typhon does not run site at start-up (DEVIATION, docs/imports.md: no
// site-packages scan; `import site` runs site.main() when -S is not given), so until it does, these objects stand in:
// exit and quit are Lib/_sitebuiltins.py's Quitter written natively, and copyright, credits, license and help make
// the real _sitebuiltins._Printer and _Helper objects, with site's arguments, at their first use and pass every
// use on to them (repr, call, attributes). A program that never touches them never imports _sitebuiltins.
import { PyObject, PyType_Declare, PyType_FromSpecStatic, Py_None, PyUnicode_InternFromString, type PyVal,
  PyUnicodeObject, PyTypeObject } from "../objects/object.js";
import { PyDict_GetItemStr, PyDict_SetItemString } from "../objects/dictobject.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyObject_GetAttrStr, PyObject_Vectorcall, PyObject_CallMethod, PyObject_Repr, PyObject_GetAttr,
  _PyObject_LookupAttr } from "../objects/abstract.js";
import { PyErr_SetObject } from "./errors.js";
import { unpackArgs } from "./getargs.js";
import { getSys } from "./sysmodule.js";
import { getBuiltins } from "./bltinmodule.js";

/** _sitebuiltins.Quitter: repr "Use exit() or Ctrl-D (i.e. EOF) to exit"; calling it closes stdin, raises SystemExit. */
const PyQuitter_Type = PyType_Declare("_sitebuiltins.Quitter");
class PyQuitterObject extends PyObject {
  name: string;
  constructor(name: string) {
    super(PyQuitter_Type);
    this.name = name;
  }
}
PyType_FromSpecStatic({
  name: "_sitebuiltins.Quitter",
  slots: {
    tp_repr: (s) => PyUnicode_FromString(`Use ${(s as PyQuitterObject).name}() or Ctrl-D (i.e. EOF) to exit`),
    tp_call: (_s, args) => {
      const [code] = unpackArgs("__call__", args, 0, 1);
      const stdin = PyDict_GetItemStr(getSys().dict, PyUnicode_InternFromString("stdin"));
      try {
        if (stdin !== undefined && stdin !== Py_None) PyObject_CallMethod(stdin, "close", []);
      } catch {
        // as _sitebuiltins: ignore
      }
      return PyErr_SetObject(builtinException("SystemExit"), code === undefined ? null : code);
    },
  },
}, PyQuitter_Type);

function builtinException(name: string): PyTypeObject {
  return PyDict_GetItemStr(getBuiltins().dict!, PyUnicode_InternFromString(name)) as PyTypeObject;
}

/** site.setcopyright's credits text (Lib/site.py, CPython 3.13). */
const CREDITS = "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n" +
  "    for supporting Python development.  See www.python.org for more information.";

/** copyright, credits, license or help before site ran: `make` builds the _sitebuiltins object at the first use. */
class PySiteStandInObject extends PyObject {
  make: () => PyVal;
  real: PyVal | null;
  constructor(type: PyTypeObject, make: () => PyVal) {
    super(type);
    this.make = make;
    this.real = null;
  }
}

function real(s: PyVal): PyVal {
  const o = s as PySiteStandInObject;
  return o.real ??= o.make();
}

const standInSlots = {
  tp_repr: (s: PyVal) => PyObject_Repr(real(s)),
  tp_call: (s: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null) =>
    PyObject_Vectorcall(real(s), args, kwnames),
  tp_getattro: (s: PyVal, name: PyUnicodeObject, suppress: boolean) =>
    suppress ? _PyObject_LookupAttr(real(s), name) : PyObject_GetAttr(real(s), name),
};
const PyPrinter_Type = PyType_Declare("_sitebuiltins._Printer");
PyType_FromSpecStatic({ name: "_sitebuiltins._Printer", slots: standInSlots }, PyPrinter_Type);
const PyHelper_Type = PyType_Declare("_sitebuiltins._Helper");
PyType_FromSpecStatic({ name: "_sitebuiltins._Helper", slots: standInSlots }, PyHelper_Type);

/** Install exit and quit, and the stand-ins for copyright, credits, license and help, in builtins (unless -S). */
export function _PySite_InstallBuiltins(importModule: (name: string) => PyVal): void {
  const b = getBuiltins().dict!;
  for (const name of ["exit", "quit"]) PyDict_SetItemString(b, name, new PyQuitterObject(name));
  const sitebuiltins = (cls: string): PyVal => PyObject_GetAttrStr(importModule("_sitebuiltins"), cls)!;
  const sysAttr = (name: string): PyVal | undefined => PyDict_GetItemStr(getSys().dict, PyUnicode_InternFromString(name));
  const printer = (name: string, data: () => PyVal, files: string[] = [], dirs: () => string[] = () => []) =>
    new PySiteStandInObject(PyPrinter_Type, () => PyObject_Vectorcall(sitebuiltins("_Printer"), [PyUnicode_FromString(name),
      data(), PyList_New(files.map((f) => PyUnicode_FromString(f))), PyList_New(dirs().map((d) => PyUnicode_FromString(d)))],
    null));
  PyDict_SetItemString(b, "copyright", printer("copyright", () => sysAttr("copyright") ?? PyUnicode_FromString("")));
  PyDict_SetItemString(b, "credits", printer("credits", () => PyUnicode_FromString(CREDITS)));
  // license: LICENSE.txt or LICENSE beside the stdlib (sys._stdlib_dir), else the address.
  PyDict_SetItemString(b, "license", printer("license", () => PyUnicode_FromString("See https://www.python.org/psf/license/"),
    ["LICENSE.txt", "LICENSE"], () => {
      const here = sysAttr("_stdlib_dir");
      if (!(here instanceof PyUnicodeObject) || here.value === "") return [];
      return [here.value.endsWith("/") ? `${here.value}..` : `${here.value}/..`, here.value, "."];
    }));
  PyDict_SetItemString(b, "help", new PySiteStandInObject(PyHelper_Type, () => PyObject_Vectorcall(sitebuiltins("_Helper"), [], null)));
}
