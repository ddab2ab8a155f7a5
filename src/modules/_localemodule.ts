// The _locale module (Modules/_localemodule.c) for the C/POSIX locales only: setlocale (C, POSIX, C.UTF-8, C.utf8,
// "" from the environment, glibc's composite names), localeconv and nl_langinfo with glibc's C-locale values,
// strcoll/strxfrm by code point, getencoding, the gettext stubs and the constants of Linux. See docs/modules.md.
import { PyTypeObject, METH_NOARGS, METH_FASTCALL, METH_O, Py_None, Py_TYPE, type PyVal } from "../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyDict_New, PyDict_SetItemString } from "../objects/dictobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyLong_Check, longValue } from "../objects/longobject.js";
import { PyObject_Vectorcall } from "../objects/abstract.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_Exception, PyExc_OverflowError } from "../objects/exceptions.js";
import { PyErr_Format, _PyErr_CreateException } from "../runtime/errors.js";
import { unpackArgs } from "../runtime/getargs.js";
import { currentHost } from "../host/current.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";

const LC_CTYPE = 0, LC_NUMERIC = 1, LC_TIME = 2, LC_COLLATE = 3, LC_MONETARY = 4, LC_MESSAGES = 5, LC_ALL = 6;
/** glibc's categories in the order of its composite names (LC_ALL, 6, is not one of them). */
const CATEGORY_NAMES: readonly (readonly [number, string])[] = [
  [LC_CTYPE, "LC_CTYPE"], [LC_NUMERIC, "LC_NUMERIC"], [LC_TIME, "LC_TIME"], [LC_COLLATE, "LC_COLLATE"],
  [LC_MONETARY, "LC_MONETARY"], [LC_MESSAGES, "LC_MESSAGES"], [7, "LC_PAPER"], [8, "LC_NAME"], [9, "LC_ADDRESS"],
  [10, "LC_TELEPHONE"], [11, "LC_MEASUREMENT"], [12, "LC_IDENTIFICATION"],
];
const CHAR_MAX = 127;

/** The locale of each category; LC_CTYPE starts as CPython leaves it after start-up (setlocale(LC_CTYPE, "") with
 *  PEP 538's coercion of the C locale). DEVIATION: only the C/POSIX locales exist here, so any other environment
 *  locale also starts as C.UTF-8. */
const current = new Map<number, string>(CATEGORY_NAMES.map(([c]) => [c, c === LC_CTYPE ? "C.UTF-8" : "C"]));

function isSupported(name: string): boolean {
  return name === "C" || name === "POSIX" || name === "C.UTF-8" || name === "C.utf8";
}

let localeError: PyTypeObject | null = null;
function raiseLocaleError(msg: string): never {
  throw _PyErr_CreateException(localeError!, [PyUnicode_FromString(msg)]);
}

/** What setlocale(category, "") would pick from the environment (LC_ALL, then the category, then LANG). */
function fromEnvironment(cat: number): string {
  const env = currentHost().env();
  const catName = CATEGORY_NAMES.find(([c]) => c === cat)![1];
  for (const v of [env.get("LC_ALL"), env.get(catName), env.get("LANG")]) if (v !== undefined && v !== "") return v;
  return "C";
}

function queryAll(): string {
  const names = CATEGORY_NAMES.map(([c]) => current.get(c)!);
  if (names.every((n) => n === names[0])) return names[0];
  return CATEGORY_NAMES.map(([c, n]) => `${n}=${current.get(c)}`).join(";");
}

function validCategory(cat: number): boolean {
  return cat === LC_ALL || CATEGORY_NAMES.some(([c]) => c === cat);
}

function intArg(v: PyVal): number {
  if (!PyLong_Check(v)) return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(v).tp_name}' object cannot be interpreted as an integer`);
  const n = longValue(v);
  if (typeof n === "bigint" || n > 2147483647 || n < -2147483648) {
    return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
  }
  return n;
}

function _locale_setlocale(_m: PyVal, args: PyVal[]): PyVal {
  const [catObj, localeObj] = unpackArgs("setlocale", args, 1, 2);
  const cat = intArg(catObj!);
  if (localeObj === undefined || localeObj === Py_None) {
    if (!validCategory(cat)) return raiseLocaleError("locale query failed");
    return PyUnicode_FromString(cat === LC_ALL ? queryAll() : current.get(cat)!);
  }
  if (!PyUnicode_Check(localeObj)) {
    return PyErr_Format(PyExc_TypeError, `setlocale() argument 2 must be str or None, not ${Py_TYPE(localeObj).tp_name}`);
  }
  if (!validCategory(cat)) return raiseLocaleError("unsupported locale setting");
  const name = localeObj.value;
  const cats = cat === LC_ALL ? CATEGORY_NAMES.map(([c]) => c) : [cat];
  const chosen = new Map<number, string>();
  if (cat === LC_ALL && name.includes(";")) {
    // A composite name as returned by a query: "LC_CTYPE=C.UTF-8;LC_NUMERIC=C;...".
    for (const part of name.split(";")) {
      const eq = part.indexOf("=");
      const entry = CATEGORY_NAMES.find(([, n]) => n === part.slice(0, eq));
      if (eq < 0 || entry === undefined || !isSupported(part.slice(eq + 1))) return raiseLocaleError("unsupported locale setting");
      chosen.set(entry[0], part.slice(eq + 1));
    }
  } else {
    for (const c of cats) {
      const n = name === "" ? fromEnvironment(c) : name;
      if (!isSupported(n)) return raiseLocaleError("unsupported locale setting");
      chosen.set(c, n);
    }
  }
  // glibc names the POSIX locale "C".
  for (const [c, n] of chosen) current.set(c, n === "POSIX" ? "C" : n);
  return PyUnicode_FromString(cat === LC_ALL ? queryAll() : current.get(cat)!);
}

function _locale_localeconv(): PyVal {
  const d = PyDict_New();
  const s = (k: string, v: string) => PyDict_SetItemString(d, k, PyUnicode_FromString(v));
  const n = (k: string) => PyDict_SetItemString(d, k, CHAR_MAX);
  // The C locale's lconv, in localeconv()'s order.
  s("int_curr_symbol", ""); s("currency_symbol", ""); s("mon_decimal_point", ""); s("mon_thousands_sep", "");
  PyDict_SetItemString(d, "mon_grouping", PyList_New([]));
  s("positive_sign", ""); s("negative_sign", "");
  for (const k of ["int_frac_digits", "frac_digits", "p_cs_precedes", "p_sep_by_space", "n_cs_precedes",
    "n_sep_by_space", "p_sign_posn", "n_sign_posn"]) n(k);
  s("decimal_point", "."); s("thousands_sep", "");
  PyDict_SetItemString(d, "grouping", PyList_New([]));
  return d;
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];

/** The nl_langinfo items of Linux (langinfo.h values) with the C locale's strings. */
const LANGINFO: readonly (readonly [string, number, string])[] = [
  ["CODESET", 14, ""], ["D_T_FMT", 0x20028, "%a %b %e %H:%M:%S %Y"], ["D_FMT", 0x20029, "%m/%d/%y"],
  ["T_FMT", 0x2002a, "%H:%M:%S"], ["T_FMT_AMPM", 0x2002b, "%I:%M:%S %p"], ["AM_STR", 0x20026, "AM"], ["PM_STR", 0x20027, "PM"],
  ...DAYS.map((d, i) => [`DAY_${i + 1}`, 0x20007 + i, d] as const),
  ...DAYS.map((d, i) => [`ABDAY_${i + 1}`, 0x20000 + i, d.slice(0, 3)] as const),
  ...MONTHS.map((m, i) => [`MON_${i + 1}`, 0x2001a + i, m] as const),
  ...MONTHS.map((m, i) => [`ABMON_${i + 1}`, 0x2000e + i, m.slice(0, 3)] as const),
  ["RADIXCHAR", 0x10000, "."], ["THOUSEP", 0x10001, ""], ["YESEXPR", 0x50000, "^[yY]"], ["NOEXPR", 0x50001, "^[nN]"],
  ["CRNCYSTR", 0x4000f, "-"], ["ERA", 0x2002c, ""], ["ERA_D_FMT", 0x2002e, ""], ["ALT_DIGITS", 0x2002f, ""],
  ["ERA_D_T_FMT", 0x20030, ""], ["ERA_T_FMT", 0x20031, ""], ["_DATE_FMT", 0x2006c, "%a %b %e %H:%M:%S %Z %Y"],
];

function codeset(): string {
  const ctype = current.get(LC_CTYPE)!;
  return ctype === "C" || ctype === "POSIX" ? "ANSI_X3.4-1968" : "UTF-8";
}

function _locale_nl_langinfo(_m: PyVal, key: PyVal): PyVal {
  const k = intArg(key);
  const row = LANGINFO.find(([, v]) => v === k);
  if (row === undefined) return PyErr_Format(PyExc_ValueError, "unsupported langinfo constant");
  return PyUnicode_FromString(row[0] === "CODESET" ? codeset() : row[2]);
}

function strArg(fname: string, v: PyVal, n: number | null): string {
  if (!PyUnicode_Check(v)) {
    // _PyArg_BadArgument names None as "None".
    const tn = v === Py_None ? "None" : Py_TYPE(v).tp_name;
    return PyErr_Format(PyExc_TypeError, `${fname}() argument${n === null ? "" : ` ${n}`} must be str, not ${tn}`);
  }
  return v.value;
}

/** strcoll in the C locale: wcscmp, by code point. */
function _locale_strcoll(_m: PyVal, args: PyVal[]): PyVal {
  const [a, b] = unpackArgs("strcoll", args, 2, 2);
  const x = Array.from(strArg("strcoll", a!, 1), (c) => c.codePointAt(0)!);
  const y = Array.from(strArg("strcoll", b!, 2), (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

let domain = "messages";

export const localemodule: PyModuleDef = {
  m_name: "_locale",
  m_doc: "Support for POSIX locales.",
  m_methods: [
    { name: "setlocale", meth: _locale_setlocale, flags: METH_FASTCALL, doc: "Activates/queries locale processing." },
    { name: "localeconv", meth: _locale_localeconv, flags: METH_NOARGS, doc: "Returns numeric and monetary locale-specific parameters." },
    { name: "strcoll", meth: _locale_strcoll, flags: METH_FASTCALL, doc: "Compares two strings according to the locale." },
    { name: "strxfrm", meth: (_m: PyVal, s: PyVal) => PyUnicode_FromString(strArg("strxfrm", s, null)), flags: METH_O,
      doc: "Return a string that can be used as a key for locale-aware comparisons." },
    { name: "nl_langinfo", meth: _locale_nl_langinfo, flags: METH_O, doc: "Return the value for the locale information associated with key." },
    { name: "getencoding", meth: () => PyUnicode_FromString(codeset()), flags: METH_NOARGS, doc: "Get the current locale encoding." },
    { name: "gettext", meth: (_m: PyVal, msg: PyVal) => msg, flags: METH_O,
      doc: "gettext(msg) -> string\n\nReturn translation of msg." },
    { name: "dgettext", meth: (_m: PyVal, args: PyVal[]) => unpackArgs("dgettext", args, 2, 2)[1]!, flags: METH_FASTCALL,
      doc: "dgettext(domain, msg) -> string\n\nReturn translation of msg in domain." },
    { name: "dcgettext", meth: (_m: PyVal, args: PyVal[]) => unpackArgs("dcgettext", args, 3, 3)[1]!, flags: METH_FASTCALL,
      doc: "Return translation of msg in domain and category." },
    { name: "textdomain", meth: (_m: PyVal, d: PyVal) => {
      if (d !== Py_None) domain = strArg("textdomain", d, null);
      return PyUnicode_FromString(domain);
    }, flags: METH_O, doc: "Set the C library's textdmain to domain, returning the new domain." },
    { name: "bindtextdomain", meth: (_m: PyVal, args: PyVal[]) => {
      const [, dir] = unpackArgs("bindtextdomain", args, 2, 2);
      return dir === Py_None ? PyUnicode_FromString("/usr/share/locale") : dir!;
    }, flags: METH_FASTCALL, doc: "Bind the C library's domain to dir." },
    { name: "bind_textdomain_codeset", meth: (_m: PyVal, args: PyVal[]) => unpackArgs("bind_textdomain_codeset", args, 2, 2)[1]!,
      flags: METH_FASTCALL, doc: "Bind the C library's domain to codeset." },
  ],
  m_exec: (m) => {
    for (const [name, v] of [["LC_CTYPE", LC_CTYPE], ["LC_TIME", LC_TIME], ["LC_COLLATE", LC_COLLATE],
      ["LC_MONETARY", LC_MONETARY], ["LC_MESSAGES", LC_MESSAGES], ["LC_NUMERIC", LC_NUMERIC], ["LC_ALL", LC_ALL],
      ["CHAR_MAX", CHAR_MAX]] as const) PyModule_Add(m, name, v);
    for (const [name, v] of LANGINFO) PyModule_Add(m, name, v);
    // locale.Error: PyErr_NewException("locale.Error", NULL, NULL).
    const ns = PyDict_New();
    PyDict_SetItemString(ns, "__module__", PyUnicode_FromString("locale"));
    localeError = PyObject_Vectorcall(Py_TYPE(PyExc_Exception), [PyUnicode_FromString("Error"), PyTuple_New([PyExc_Exception]), ns], null) as PyTypeObject;
    PyModule_Add(m, "Error", localeError);
  },
};
