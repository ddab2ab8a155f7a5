// The unicodedata module (Modules/unicodedata.c): the Python face of the Unicode 15.1 database in src/unicode
// (and its 3.2.0 view, ucd_3_2_0), with CPython's argument checks and messages. See docs/unicode.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_TYPE, METH_FASTCALL, METH_O, type PyVal,
} from "../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check, codePoints } from "../objects/unicodeobject.js";
import { PyFloat_FromDouble } from "../objects/floatobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_KeyError } from "../objects/exceptions.js";
import { PyErr_Format, PyErr_SetKeyError } from "../runtime/errors.js";
import { unpackArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import {
  ucd_latest, ucd_3_2_0, UnicodeDataError, category, bidirectional, combining, mirrored, east_asian_width,
  decomposition, decimal, digit, numeric, normalize, is_normalized, name, lookup, type UCD,
} from "../unicode/unicodedata_impl.js";

export const PyUCD_Type = PyType_Declare("unicodedata.UCD");

class PyUCDObject extends PyObject {
  db: UCD;
  constructor(db: UCD) {
    super(PyUCD_Type);
    this.db = db;
  }
}

/** A single character argument (the clinic converter "int(accept={str})" of a length-1 str). */
function chr(fname: string, v: PyVal | undefined): number {
  if (v === undefined || !PyUnicode_Check(v)) {
    return PyErr_Format(PyExc_TypeError, `${fname}() argument must be a unicode character, not ${v === undefined ? "nothing" : Py_TYPE(v).tp_name}`);
  }
  const cps = codePoints(v.value);
  if (cps.length !== 1) return PyErr_Format(PyExc_TypeError, `${fname}() argument must be a unicode character, not str`);
  return cps[0];
}

function strArg(fname: string, n: number, v: PyVal | undefined): string {
  if (v === undefined || !PyUnicode_Check(v)) {
    return PyErr_Format(PyExc_TypeError, `${fname}() argument ${n} must be str, not ${v === undefined ? "nothing" : Py_TYPE(v).tp_name}`);
  }
  return v.value;
}

function call<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof UnicodeDataError) {
      if (e.pyType === "KeyError") {
        // CPython's lookup raises KeyError with the message as its argument.
        return PyErr_SetKeyError(PyUnicode_FromString(e.message));
      }
      return PyErr_Format(PyExc_ValueError, e.message);
    }
    throw e;
  }
}

/** Methods shared by the module (Unicode 15.1) and UCD objects (their own version). */
function methods(dbOf: (self: PyVal) => UCD) {
  const withDefault = (fname: string, f: (db: UCD, cp: number) => number | null, err: string, asFloat: boolean) =>
    (self: PyVal, a: PyVal[]): PyVal => {
      const [c, dflt] = unpackArgs(fname, a, 1, 2);
      const v = f(dbOf(self), chr(fname, c));
      if (v === null) {
        if (dflt !== undefined) return dflt;
        return PyErr_Format(PyExc_ValueError, err);
      }
      return asFloat ? PyFloat_FromDouble(v) : v;
    };
  return [
    { name: "category", meth: (s: PyVal, c: PyVal) => PyUnicode_FromString(category(dbOf(s), chr("category", c))), flags: METH_O },
    { name: "bidirectional", meth: (s: PyVal, c: PyVal) => PyUnicode_FromString(bidirectional(dbOf(s), chr("bidirectional", c))), flags: METH_O },
    { name: "combining", meth: (s: PyVal, c: PyVal) => combining(dbOf(s), chr("combining", c)), flags: METH_O },
    { name: "mirrored", meth: (s: PyVal, c: PyVal) => mirrored(dbOf(s), chr("mirrored", c)), flags: METH_O },
    { name: "east_asian_width", meth: (s: PyVal, c: PyVal) => PyUnicode_FromString(east_asian_width(dbOf(s), chr("east_asian_width", c))), flags: METH_O },
    { name: "decomposition", meth: (s: PyVal, c: PyVal) => PyUnicode_FromString(decomposition(dbOf(s), chr("decomposition", c))), flags: METH_O },
    { name: "decimal", meth: withDefault("decimal", decimal, "not a decimal", false), flags: METH_FASTCALL },
    { name: "digit", meth: withDefault("digit", digit, "not a digit", false), flags: METH_FASTCALL },
    { name: "numeric", meth: withDefault("numeric", numeric, "not a numeric character", true), flags: METH_FASTCALL },
    { name: "name", meth: (s: PyVal, a: PyVal[]) => {
      const [c, dflt] = unpackArgs("name", a, 1, 2);
      const n = name(dbOf(s), chr("name", c));
      if (n === null) {
        if (dflt !== undefined) return dflt;
        return PyErr_Format(PyExc_ValueError, "no such name");
      }
      return PyUnicode_FromString(n);
    }, flags: METH_FASTCALL },
    { name: "lookup", meth: (s: PyVal, n: PyVal) => PyUnicode_FromString(call(() => lookup(dbOf(s), strArg("lookup", 1, n)))), flags: METH_O },
    { name: "normalize", meth: (s: PyVal, a: PyVal[]) => {
      const [form, text] = unpackArgs("normalize", a, 2, 2);
      const f = strArg("normalize", 1, form), t = strArg("normalize", 2, text);
      const r = call(() => normalize(dbOf(s), f, t));
      return r === t && PyUnicode_Check(text!) && Py_TYPE(text!).tp_name === "str" ? text! : PyUnicode_FromString(r);
    }, flags: METH_FASTCALL },
    { name: "is_normalized", meth: (s: PyVal, a: PyVal[]) => {
      const [form, text] = unpackArgs("is_normalized", a, 2, 2);
      const f = strArg("is_normalized", 1, form), t = strArg("is_normalized", 2, text);
      return PyBool_FromLong(call(() => is_normalized(dbOf(s), f, t)));
    }, flags: METH_FASTCALL },
  ];
}

PyType_FromSpecStatic({
  name: "unicodedata.UCD",
  methods: methods((s) => (s as PyUCDObject).db),
  members: [
    { name: "unidata_version", get: (s) => PyUnicode_FromString((s as PyUCDObject).db.unidata_version) },
  ],
}, PyUCD_Type);

let ucd32: PyUCDObject | null = null;

export const unicodedatamodule: PyModuleDef = {
  m_name: "unicodedata",
  m_doc: "This module provides access to the Unicode Character Database which\ndefines character properties for all Unicode characters. The data in\nthis database is based on the UnicodeData.txt file version\n15.1.0 which is publicly available from ftp://ftp.unicode.org/.",
  m_methods: methods(() => ucd_latest),
  m_exec: (m) => {
    if (ucd32 === null) ucd32 = new PyUCDObject(ucd_3_2_0);
    PyModule_Add(m, "UCD", PyUCD_Type);
    PyModule_Add(m, "ucd_3_2_0", ucd32);
    PyModule_Add(m, "unidata_version", PyUnicode_FromString("15.1.0"));
    void PyExc_KeyError;
  },
};
