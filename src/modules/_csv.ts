// The _csv module (Modules/_csv.c): dialects with CPython's validation, the reader's state machine (quoting,
// escapes, doubled quotes, strict mode, QUOTE_NONNUMERIC/STRINGS/NOTNULL), the writer, the dialect registry and
// field_size_limit, with CPython's messages. See docs/imports.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE, METH_O,
  METH_NOARGS, METH_FASTCALL, METH_KEYWORDS, PyUnicodeObject, type PyVal,
} from "../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyDict_New, PyDict_SetItem, PyDict_GetItem, PyDict_DelItemIf, PyDict_Keys, PyDict_SetItemString, PyDictObject } from "../objects/dictobject.js";
import { PyFloat_FromDouble, PyFloat_Check } from "../objects/floatobject.js";
import { PyLong_Check, longValue } from "../objects/longobject.js";
import { Py_True, Py_False, PyBool_FromLong } from "../objects/boolobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_Exception } from "../objects/exceptions.js";
import { PyObject_GetIter, PyIter_Next, PyObject_IsTrue, PyObject_Str, PyObject_Vectorcall, PyObject_GetAttrStr,
  PyNumber_Index } from "../objects/abstract.js";
import { PyErr_Format } from "../runtime/errors.js";
import { parseArgs, unpackArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { _PyGC_AddRoot } from "../runtime/gc.js";

const QUOTE_MINIMAL = 0, QUOTE_ALL = 1, QUOTE_NONNUMERIC = 2, QUOTE_NONE = 3, QUOTE_STRINGS = 4, QUOTE_NOTNULL = 5;

let CsvError: PyTypeObject | null = null;
let fieldLimit = 128 * 1024;
/** The dialect registry (_csv._dialects), made when the module is first executed (no top-level calls). */
let dialectsDict: PyDictObject | null = null;
_PyGC_AddRoot("_csv", () => dialectsDict);
function dialectsOf(): PyDictObject {
  if (dialectsDict === null) dialectsDict = PyDict_New();
  return dialectsDict;
}

export const PyDialect_Type = PyType_Declare("_csv.Dialect");
export const PyReader_Type = PyType_Declare("_csv.reader");
export const PyWriter_Type = PyType_Declare("_csv.writer");

class PyDialectObject extends PyObject {
  delimiter: string;
  quotechar: string | null;
  escapechar: string | null;
  doublequote: boolean;
  skipinitialspace: boolean;
  strict: boolean;
  lineterminator: string;
  quoting: number;
  constructor(type: PyTypeObject) {
    super(type);
    this.delimiter = ",";
    this.quotechar = "\"";
    this.escapechar = null;
    this.doublequote = true;
    this.skipinitialspace = false;
    this.strict = false;
    this.lineterminator = "\r\n";
    this.quoting = QUOTE_MINIMAL;
  }
}

function charAttr(name: string, v: PyVal, allowNone: boolean): string | null {
  if (v === Py_None && allowNone) return null;
  if (!PyUnicode_Check(v)) {
    return PyErr_Format(PyExc_TypeError, allowNone ? `"${name}" must be a unicode character or None, not ${Py_TYPE(v).tp_name}`
      : `"${name}" must be string, not ${Py_TYPE(v).tp_name}`);
  }
  if ([...v.value].length !== 1) return PyErr_Format(PyExc_TypeError, `"${name}" must be a 1-character string`);
  return v.value;
}

const ATTRS = ["delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];

function dialect_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [base, ...kw] = parseArgs("Dialect", args, kwnames, ["dialect", ...ATTRS], 0, 1);
  let src: PyVal | undefined = base;
  if (src !== undefined && PyUnicode_Check(src)) src = get_dialect_obj(src);
  if (src instanceof PyDialectObject && kw.every((x) => x === undefined) && Py_TYPE(src) === PyDialect_Type && type === PyDialect_Type) return src;
  const d = new PyDialectObject(type);
  const get = (i: number): PyVal | undefined => {
    if (kw[i] !== undefined) return kw[i];
    if (src === undefined || src === Py_None) return undefined;
    return PyObject_GetAttrStr(src, ATTRS[i], true);
  };
  const delim = get(0), dq = get(1), esc = get(2), lt = get(3), qc = get(4), q = get(5), sis = get(6), st = get(7);
  if (delim !== undefined) d.delimiter = charAttr("delimiter", delim, false)!;
  if (dq !== undefined) d.doublequote = PyObject_IsTrue(dq);
  if (esc !== undefined) d.escapechar = charAttr("escapechar", esc, true);
  if (lt !== undefined) {
    if (!PyUnicode_Check(lt)) return PyErr_Format(PyExc_TypeError, '"lineterminator" must be a string');
    d.lineterminator = lt.value;
  }
  if (qc !== undefined) d.quotechar = charAttr("quotechar", qc, true);
  if (q !== undefined) {
    if (!PyLong_Check(q) || typeof longValue(q) !== "number") return PyErr_Format(PyExc_TypeError, '"quoting" must be an integer');
    d.quoting = longValue(q) as number;
    if (d.quoting < 0 || d.quoting > 5) return PyErr_Format(PyExc_TypeError, 'bad "quoting" value');
  }
  if (sis !== undefined) d.skipinitialspace = PyObject_IsTrue(sis);
  if (st !== undefined) d.strict = PyObject_IsTrue(st);
  if (d.quotechar === null && d.quoting !== QUOTE_NONE && qc !== undefined) {
    return PyErr_Format(PyExc_TypeError, "quotechar must be set if quoting enabled");
  }
  if (d.quotechar === null && d.quoting !== QUOTE_NONE && qc === undefined && q !== undefined && d.quoting !== QUOTE_MINIMAL) {
    return PyErr_Format(PyExc_TypeError, "quotechar must be set if quoting enabled");
  }
  if (d.lineterminator.length === 0 && false) return PyErr_Format(PyExc_ValueError, "lineterminator must not be empty");
  if (d.delimiter === " " && d.skipinitialspace) return PyErr_Format(PyExc_ValueError, "bad delimiter value");
  if (d.delimiter === "\n" || d.delimiter === "\r") return PyErr_Format(PyExc_ValueError, "bad delimiter value");
  if (d.quotechar === "\n" || d.quotechar === "\r") return PyErr_Format(PyExc_ValueError, "bad quotechar value");
  if (d.escapechar === "\n" || d.escapechar === "\r") return PyErr_Format(PyExc_ValueError, "bad escapechar value");
  if (d.lineterminator.includes(d.delimiter)) return PyErr_Format(PyExc_ValueError, "bad delimiter or lineterminator value");
  if (d.quotechar !== null && d.quotechar === d.delimiter) return PyErr_Format(PyExc_ValueError, "bad delimiter or quotechar value");
  if (d.escapechar !== null && d.escapechar === d.delimiter) return PyErr_Format(PyExc_ValueError, "bad delimiter or escapechar value");
  if (d.escapechar !== null && d.escapechar === d.quotechar) return PyErr_Format(PyExc_ValueError, "bad escapechar or quotechar value");
  return d;
}

const strOrNone = (s: string | null): PyVal => (s === null ? Py_None : PyUnicode_FromString(s));

PyType_FromSpecStatic({
  name: "_csv.Dialect",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n",
  slots: { tp_new: dialect_new },
  getset: [
    { name: "delimiter", get: (s) => PyUnicode_FromString((s as PyDialectObject).delimiter) },
    { name: "quotechar", get: (s) => strOrNone((s as PyDialectObject).quotechar) },
    { name: "escapechar", get: (s) => strOrNone((s as PyDialectObject).escapechar) },
    { name: "lineterminator", get: (s) => PyUnicode_FromString((s as PyDialectObject).lineterminator) },
    { name: "doublequote", get: (s) => PyBool_FromLong((s as PyDialectObject).doublequote) },
    { name: "skipinitialspace", get: (s) => PyBool_FromLong((s as PyDialectObject).skipinitialspace) },
    { name: "strict", get: (s) => PyBool_FromLong((s as PyDialectObject).strict) },
    { name: "quoting", get: (s) => (s as PyDialectObject).quoting },
  ],
}, PyDialect_Type);

function get_dialect_obj(name: PyVal): PyVal {
  const d = PyDict_GetItem(dialectsOf(), name);
  if (d === undefined) return PyErr_Format(CsvError!, "unknown dialect");
  return d;
}

function makeDialect(dialect: PyVal | undefined, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyDialectObject {
  return dialect_new(PyDialect_Type, dialect === undefined ? args.slice(args.length - (kwnames?.length ?? 0)) : [dialect,
    ...args.slice(args.length - (kwnames?.length ?? 0))], kwnames) as PyDialectObject;
}

// ---- reader ----

class PyReaderObject extends PyObject {
  input: PyVal;
  dialect: PyDialectObject;
  line_num: number;
  constructor(input: PyVal, d: PyDialectObject) {
    super(PyReader_Type);
    this.input = input;
    this.dialect = d;
    this.line_num = 0;
  }
}

type State = "START_RECORD" | "START_FIELD" | "ESCAPED_CHAR" | "IN_FIELD" | "IN_QUOTED_FIELD" | "ESCAPE_IN_QUOTED_FIELD"
  | "QUOTE_IN_QUOTED_FIELD" | "EAT_CRNL" | "AFTER_ESCAPED_CRNL";

/** The reader's parse state (ReaderObj's fields): a class so the state machine's steps can share it. */
class Parse {
  d: PyDialectObject;
  fields: PyVal[];
  field: string;
  unquoted: boolean;
  state: State;
  constructor(d: PyDialectObject) {
    this.d = d;
    this.fields = [];
    this.field = "";
    this.unquoted = true;
    this.state = "START_RECORD";
  }
  addChar(c: string): void {
    if (this.field.length >= fieldLimit) PyErr_Format(CsvError!, `field larger than field limit (${fieldLimit})`);
    this.field += c;
  }
  /** parse_save_field, with the QUOTE_NONNUMERIC / QUOTE_STRINGS / QUOTE_NOTNULL conversions. */
  save(): void {
    const q = this.d.quoting;
    const f = this.field;
    let v: PyVal;
    if (this.unquoted && f.length === 0 && (q === QUOTE_NOTNULL || q === QUOTE_STRINGS)) v = Py_None;
    else if (this.unquoted && f.length !== 0 && (q === QUOTE_NONNUMERIC || q === QUOTE_STRINGS)) {
      const t = f.trim();
      const x = /^[+-]?(inf|infinity)$/i.test(t) ? (t.startsWith("-") ? -Infinity : Infinity) : /^[+-]?nan$/i.test(t) ? NaN : Number(t.replace(/_/g, ""));
      if (Number.isNaN(x) && !/^[+-]?nan$/i.test(t)) PyErr_Format(PyExc_ValueError, `could not convert string to float: '${f}'`);
      v = PyFloat_FromDouble(x);
    } else v = PyUnicode_FromString(f);
    this.fields.push(v);
    this.field = "";
    this.unquoted = true;
  }
  /** parse_process_char; c is one character or null for the end of a line (EOL). */
  step(c: string | null): void {
    const d = this.d;
    const nl = c === "\n" || c === "\r";
    switch (this.state) {
      case "START_RECORD":
        if (c === null) return;
        if (nl) { this.state = "EAT_CRNL"; return; }
        this.state = "START_FIELD";
        this.startField(c);
        return;
      case "START_FIELD":
        this.startField(c);
        return;
      case "ESCAPED_CHAR":
        if (nl) { this.addChar(c!); this.state = "AFTER_ESCAPED_CRNL"; return; }
        this.addChar(c === null ? "\n" : c);
        this.state = "IN_FIELD";
        return;
      case "AFTER_ESCAPED_CRNL":
        if (c === null) return;
        this.inField(c);
        return;
      case "IN_FIELD":
        this.inField(c);
        return;
      case "IN_QUOTED_FIELD":
        if (c === null) return;
        if (c === d.escapechar) this.state = "ESCAPE_IN_QUOTED_FIELD";
        else if (c === d.quotechar && d.quoting !== QUOTE_NONE) this.state = d.doublequote ? "QUOTE_IN_QUOTED_FIELD" : "IN_FIELD";
        else this.addChar(c);
        return;
      case "ESCAPE_IN_QUOTED_FIELD":
        this.addChar(c === null ? "\n" : c);
        this.state = "IN_QUOTED_FIELD";
        return;
      case "QUOTE_IN_QUOTED_FIELD":
        if (d.quoting !== QUOTE_NONE && c === d.quotechar) { this.addChar(c!); this.state = "IN_QUOTED_FIELD"; }
        else if (c === d.delimiter) { this.save(); this.state = "START_FIELD"; }
        else if (c === null || nl) { this.save(); this.state = c === null ? "START_RECORD" : "EAT_CRNL"; }
        else if (!d.strict) { this.addChar(c); this.state = "IN_FIELD"; }
        else PyErr_Format(CsvError!, `'${d.delimiter}' expected after '${d.quotechar}'`);
        return;
      case "EAT_CRNL":
        if (nl) return;
        if (c === null) { this.state = "START_RECORD"; return; }
        PyErr_Format(CsvError!, "new-line character seen in unquoted field - do you need to open the file with newline=''?");
        return;
      default: {
        const never: never = this.state;
        return never;
      }
    }
  }
  startField(c: string | null): void {
    const d = this.d;
    if (c === null || c === "\n" || c === "\r") { this.save(); this.state = c === null ? "START_RECORD" : "EAT_CRNL"; }
    else if (c === d.quotechar && d.quoting !== QUOTE_NONE) { this.unquoted = false; this.state = "IN_QUOTED_FIELD"; }
    else if (c === d.escapechar) this.state = "ESCAPED_CHAR";
    else if (c === " " && d.skipinitialspace) { /* skip leading spaces */ }
    else if (c === d.delimiter) this.save();
    else { this.addChar(c); this.state = "IN_FIELD"; }
  }
  inField(c: string | null): void {
    const d = this.d;
    if (c === null || c === "\n" || c === "\r") { this.save(); this.state = c === null ? "START_RECORD" : "EAT_CRNL"; }
    else if (c === d.escapechar) this.state = "ESCAPED_CHAR";
    else if (c === d.delimiter) { this.save(); this.state = "START_FIELD"; }
    else this.addChar(c);
  }
}

function reader_next(self: PyVal): PyVal | undefined {
  const r = self as PyReaderObject;
  const p = new Parse(r.dialect);
  do {
    const line = PyIter_Next(r.input);
    if (line === undefined) {
      if (p.field.length !== 0 || p.state === "IN_QUOTED_FIELD") {
        if (r.dialect.strict) return PyErr_Format(CsvError!, "unexpected end of data");
        p.save();
        break;
      }
      return undefined;
    }
    if (!PyUnicode_Check(line)) {
      return PyErr_Format(CsvError!, `iterator should return strings, not ${Py_TYPE(line).tp_name} (the file should be opened in text mode)`);
    }
    r.line_num++;
    for (const c of line.value) p.step(c);
    p.step(null);
  } while (p.state !== "START_RECORD");
  return PyList_New(p.fields);
}

PyType_FromSpecStatic({
  name: "_csv.reader",
  slots: {
    tp_iter: (s) => s,
    tp_iternext: reader_next,
  },
  members: [
    { name: "dialect", get: (s) => (s as PyReaderObject).dialect },
    { name: "line_num", get: (s) => (s as PyReaderObject).line_num },
  ],
}, PyReader_Type);

// ---- writer ----

class PyWriterObject extends PyObject {
  write: PyVal;
  dialect: PyDialectObject;
  constructor(write: PyVal, d: PyDialectObject) {
    super(PyWriter_Type);
    this.write = write;
    this.dialect = d;
  }
}

function writeRow(w: PyWriterObject, row: PyVal): PyVal {
  const d = w.dialect;
  const it = (() => {
    try {
      return PyObject_GetIter(row);
    } catch {
      return PyErr_Format(CsvError!, `iterable expected, not ${Py_TYPE(row).tp_name}`);
    }
  })();
  const parts: string[] = [];
  let n = 0;
  for (let x = PyIter_Next(it); x !== undefined; x = PyIter_Next(it)) {
    n++;
    let text: string;
    let quote: boolean;
    const isStr = PyUnicode_Check(x);
    if (x === Py_None) {
      text = "";
      quote = d.quoting === QUOTE_ALL;
    } else {
      text = isStr ? (x as PyUnicodeObject).value : PyObject_Str(x).value;
      const numeric = PyLong_Check(x) || PyFloat_Check(x);
      quote = d.quoting === QUOTE_ALL || (d.quoting === QUOTE_NONNUMERIC && !numeric) || (d.quoting === QUOTE_STRINGS && isStr)
        || (d.quoting === QUOTE_NOTNULL);
    }
    let out = "";
    for (const c of text) {
      const special = c === d.delimiter || c === d.escapechar || c === d.quotechar || c === "\n" || c === "\r"
        || d.lineterminator.includes(c);
      if (special) {
        if (d.quoting === QUOTE_NONE) {
          if (d.escapechar === null) return PyErr_Format(CsvError!, "need to escape, but no escapechar set");
          out += d.escapechar + c;
          continue;
        }
        if (c === d.quotechar) {
          if (d.doublequote) out += c;
          else if (d.escapechar !== null) out += d.escapechar;
          else return PyErr_Format(CsvError!, "need to escape, but no escapechar set");
          quote = true;
        } else if (c === d.escapechar) {
          out += d.escapechar;
        } else quote = true;
      }
      out += c;
    }
    if (text === "" && n === 1 && false) quote = true;
    if (quote && d.quoting !== QUOTE_NONE) out = d.quotechar! + out + d.quotechar!;
    parts.push(out);
  }
  if (n === 1 && parts[0] === "") {
    if (d.quoting === QUOTE_NONE) return PyErr_Format(CsvError!, "single empty field record must be quoted");
    parts[0] = d.quotechar! + d.quotechar!;
  }
  return PyObject_Vectorcall(w.write, [PyUnicode_FromString(parts.join(d.delimiter) + d.lineterminator)], null);
}

PyType_FromSpecStatic({
  name: "_csv.writer",
  methods: [
    { name: "writerow", meth: (s: PyVal, row: PyVal) => writeRow(s as PyWriterObject, row), flags: METH_O },
    { name: "writerows", meth: (s: PyVal, rows: PyVal) => {
      const it = PyObject_GetIter(rows);
      for (let r = PyIter_Next(it); r !== undefined; r = PyIter_Next(it)) writeRow(s as PyWriterObject, r);
      return Py_None;
    }, flags: METH_O },
  ],
  members: [
    { name: "dialect", get: (s) => (s as PyWriterObject).dialect },
  ],
}, PyWriter_Type);

export const csvmodule: PyModuleDef = {
  m_name: "_csv",
  m_doc: "CSV parsing and writing.\n",
  m_methods: [
    { name: "reader", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const npos = a.length - (k?.length ?? 0);
      if (npos < 1) return PyErr_Format(PyExc_TypeError, "expected at least 1 argument, got 0");
      const input = PyObject_GetIter(a[0]);
      const d = makeDialect(npos > 1 ? a[1] : undefined, a, k);
      return new PyReaderObject(input, d);
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "writer", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const npos = a.length - (k?.length ?? 0);
      if (npos < 1) return PyErr_Format(PyExc_TypeError, "expected at least 1 argument, got 0");
      const write = PyObject_GetAttrStr(a[0], "write", true);
      if (write === undefined) return PyErr_Format(PyExc_TypeError, 'argument 1 must have a "write" method');
      return new PyWriterObject(write, makeDialect(npos > 1 ? a[1] : undefined, a, k));
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "register_dialect", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const npos = a.length - (k?.length ?? 0);
      if (npos < 1) return PyErr_Format(PyExc_TypeError, "register_dialect() expected at least 1 argument, got 0");
      if (!PyUnicode_Check(a[0])) return PyErr_Format(PyExc_TypeError, "dialect name must be a string");
      PyDict_SetItem(dialectsOf(), a[0], makeDialect(npos > 1 ? a[1] : undefined, a, k));
      return Py_None;
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "unregister_dialect", meth: (_m: PyVal, n: PyVal) => {
      if (!PyDict_DelItemIf(dialectsOf(), n)) return PyErr_Format(CsvError!, "unknown dialect");
      return Py_None;
    }, flags: METH_O },
    { name: "get_dialect", meth: (_m: PyVal, n: PyVal) => get_dialect_obj(n), flags: METH_O },
    { name: "list_dialects", meth: () => PyList_New(PyDict_Keys(dialectsOf())), flags: METH_NOARGS },
    { name: "field_size_limit", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const [lim] = parseArgs("field_size_limit", a, k, ["new_limit"], 0, 1);
      const old = fieldLimit;
      if (lim !== undefined) {
        if (!PyLong_Check(lim)) return PyErr_Format(PyExc_TypeError, "limit must be an integer");
        fieldLimit = Number(longValue(PyNumber_Index(lim)));
      }
      return old;
    }, flags: METH_FASTCALL | METH_KEYWORDS },
  ],
  m_exec: (m) => {
    if (CsvError === null) {
      const ns = PyDict_New();
      PyDict_SetItemString(ns, "__module__", PyUnicode_FromString("_csv"));
      CsvError = PyObject_Vectorcall(Py_TYPE(PyExc_Exception), [PyUnicode_FromString("Error"), PyTuple_New([PyExc_Exception]), ns], null) as PyTypeObject;
    }
    PyModule_Add(m, "Error", CsvError);
    PyModule_Add(m, "Dialect", PyDialect_Type);
    PyModule_Add(m, "Reader", PyReader_Type);
    PyModule_Add(m, "Writer", PyWriter_Type);
    PyModule_Add(m, "_dialects", dialectsOf());
    for (const [k, v] of [["QUOTE_MINIMAL", QUOTE_MINIMAL], ["QUOTE_ALL", QUOTE_ALL], ["QUOTE_NONNUMERIC", QUOTE_NONNUMERIC],
      ["QUOTE_NONE", QUOTE_NONE], ["QUOTE_STRINGS", QUOTE_STRINGS], ["QUOTE_NOTNULL", QUOTE_NOTNULL]] as const) PyModule_Add(m, k, v);
    PyModule_Add(m, "__version__", PyUnicode_FromString("1.0"));
    void unpackArgs; void Py_True; void Py_False; void PyDictObject;
  },
};
