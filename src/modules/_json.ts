// The _json module (Modules/_json.c): scanstring, the Scanner behind make_scanner (objects, arrays, strings, numbers
// and constants parsed natively, with the C version's messages and positions) and encode_basestring(_ascii).
// and the Encoder behind make_encoder (what json.dumps uses). See docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, METH_FASTCALL, METH_O,
  PyUnicodeObject, PyUnicode_InternFromString, type PyVal,
} from "../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check, isBmpOnly, cpToUtf16 } from "../objects/unicodeobject.js";
import { PyDict_New, PyDict_SetItem, PyDict_GetItem, PyDictObject } from "../objects/dictobject.js";
import { PyList_New, PyListObject } from "../objects/listobject.js";
import { PyTuple_New, PyTupleObject, PyTuple_Check } from "../objects/tupleobject.js";
import { PyFloat_FromDouble, PyFloat_Type, PyFloatObject, float_repr_text } from "../objects/floatobject.js";
import { Py_True, Py_False, PyBool_FromLong } from "../objects/boolobject.js";
import { PyObject_Vectorcall, PyObject_GetAttr, PyObject_CallOneArg, PyObject_IsTrue, PyNumber_Index, PyObject_Repr,
  PySequence_Contains, PyObject_SetItem, PyObject_DelItem } from "../objects/abstract.js";
import { PyLong_Check, longValue } from "../objects/longobject.js";
import { PyDict_Check } from "../objects/dictobject.js";
import { PyLong_Type } from "../objects/object.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_StopIteration, PyExc_OverflowError } from "../objects/exceptions.js";
import { PyErr_Format, _PyErr_CreateException, Py_EnterRecursiveCall, Py_LeaveRecursiveCall } from "../runtime/errors.js";
import { PyImport_ImportModule } from "../runtime/import.js";
import { unpackArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { unexpectedKeywordMessage } from "../runtime/suggestions.js";
import { _PyGC_AddRoot } from "../runtime/gc.js";

const PyScannerType = PyType_Declare("_json.Scanner");

/** A str being scanned: its UTF-16 text and the conversions between code-point and UTF-16 positions. */
class Source {
  readonly obj: PyUnicodeObject;
  readonly s: string;
  readonly bmp: boolean;
  constructor(obj: PyUnicodeObject) {
    this.obj = obj;
    this.s = obj.value;
    this.bmp = isBmpOnly(obj);
  }
  toUnits(cp: number): number {
    return this.bmp ? cp : cpToUtf16(this.obj, cp);
  }
  toCp(u: number): number {
    if (this.bmp) return u;
    let pairs = 0;
    for (let i = 0; i < u - 1; i++) {
      const c = this.s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = this.s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { pairs++; i++; }
      }
    }
    return u - pairs;
  }
}

/** raise_errmsg: json.decoder.JSONDecodeError(msg, doc, pos) with pos in code points. */
function raise_errmsg(msg: string, src: Source, unitPos: number): never {
  const mod = PyImport_ImportModule("json.decoder");
  const cls = PyObject_GetAttr(mod, PyUnicode_InternFromString("JSONDecodeError"));
  throw PyObject_Vectorcall(cls, [PyUnicode_FromString(msg), src.obj, src.toCp(unitPos)], null);
}

function raise_stop_iteration(src: Source, unitPos: number): never {
  throw _PyErr_CreateException(PyExc_StopIteration, [src.toCp(unitPos)]);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Four hex digits at i (the \uXXXX payload), or -1. */
function hex4(s: string, i: number): number {
  if (i + 4 > s.length) return -1;
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const h = hexValue(s.charCodeAt(i + k));
    if (h < 0) return -1;
    v = (v << 4) | h;
  }
  return v;
}

/** scanstring_unicode: `end` is the UTF-16 index after the opening quote. Returns [text, index after the close]. */
function scanstring_unicode(src: Source, end: number, strict: boolean): [string, number] {
  const s = src.s;
  const len = s.length;
  const begin = end - 1;
  let out = "";
  let next = end;
  for (;;) {
    // Copy a run of ordinary characters at once.
    let c = 0;
    let i = next;
    for (; i < len; i++) {
      c = s.charCodeAt(i);
      if (c === 34 || c === 92) break;
      if (c <= 0x1f && strict) raise_errmsg("Invalid control character at", src, i);
    }
    if (i >= len) raise_errmsg("Unterminated string starting at", src, begin);
    if (i > next) out += s.slice(next, i);
    next = i + 1;
    if (c === 34) return [out, next];
    // A backslash escape.
    if (next >= len) raise_errmsg("Unterminated string starting at", src, begin);
    const e = s.charCodeAt(next);
    if (e !== 117) {
      switch (e) {
        case 34: out += '"'; break;
        case 92: out += "\\"; break;
        case 47: out += "/"; break;
        case 98: out += "\b"; break;
        case 102: out += "\f"; break;
        case 110: out += "\n"; break;
        case 114: out += "\r"; break;
        case 116: out += "\t"; break;
        default: raise_errmsg("Invalid \\escape", src, next - 1);
      }
      next++;
      continue;
    }
    // \uXXXX, joining a surrogate pair written as two escapes.
    next++;
    let u = hex4(s, next);
    if (u < 0) raise_errmsg("Invalid \\uXXXX escape", src, next - 1);
    next += 4;
    if (u >= 0xd800 && u <= 0xdbff && s.charCodeAt(next) === 92 && s.charCodeAt(next + 1) === 117) {
      const u2 = hex4(s, next + 2);
      if (u2 < 0) raise_errmsg("Invalid \\uXXXX escape", src, next + 1);
      if (u2 >= 0xdc00 && u2 <= 0xdfff) {
        u = 0x10000 + (((u - 0xd800) << 10) | (u2 - 0xdc00));
        next += 6;
      }
    }
    out += String.fromCodePoint(u);
  }
}

class Scanner extends PyObject {
  readonly strict: boolean;
  readonly object_hook: PyVal;
  readonly object_pairs_hook: PyVal;
  readonly parse_float: PyVal;
  readonly parse_int: PyVal;
  readonly parse_constant: PyVal;
  memo: PyDictObject;
  constructor(type: PyTypeObject, ctx: PyVal) {
    super(type);
    const get = (n: string) => PyObject_GetAttr(ctx, PyUnicode_InternFromString(n));
    this.strict = PyObject_IsTrue(get("strict"));
    this.object_hook = get("object_hook");
    this.object_pairs_hook = get("object_pairs_hook");
    this.parse_float = get("parse_float");
    this.parse_int = get("parse_int");
    this.parse_constant = get("parse_constant");
    this.memo = PyDict_New();
  }
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function skipWs(s: string, i: number): number {
  while (i < s.length && isWs(s.charCodeAt(i))) i++;
  return i;
}

type Scan = [PyVal, number];

function parse_object(sc: Scanner, src: Source, start: number): Scan {
  const s = src.s;
  const len = s.length;
  const usePairs = sc.object_pairs_hook !== Py_None;
  const pairs: PyVal[] = [];
  const rval = usePairs ? null : PyDict_New();
  let idx = skipWs(s, start);
  if (idx >= len || s.charCodeAt(idx) !== 125) {
    for (;;) {
      if (idx >= len || s.charCodeAt(idx) !== 34) raise_errmsg("Expecting property name enclosed in double quotes", src, idx);
      const [text, afterKey] = scanstring_unicode(src, idx + 1, sc.strict);
      let key: PyVal = PyUnicode_FromString(text);
      const memoKey = PyDict_GetItem(sc.memo, key);
      if (memoKey !== undefined) key = memoKey;
      else PyDict_SetItem(sc.memo, key, key);
      idx = skipWs(s, afterKey);
      if (idx >= len || s.charCodeAt(idx) !== 58) raise_errmsg("Expecting ':' delimiter", src, idx);
      idx = skipWs(s, idx + 1);
      const [val, afterVal] = scan_once_unicode(sc, src, idx);
      if (usePairs) pairs.push(PyTuple_New([key, val]));
      else PyDict_SetItem(rval!, key, val);
      idx = skipWs(s, afterVal);
      if (idx < len && s.charCodeAt(idx) === 125) break;
      if (idx >= len || s.charCodeAt(idx) !== 44) raise_errmsg("Expecting ',' delimiter", src, idx);
      const comma = idx;
      idx = skipWs(s, idx + 1);
      if (idx < len && s.charCodeAt(idx) === 125) raise_errmsg("Illegal trailing comma before end of object", src, comma);
    }
  }
  const end = idx + 1;
  if (usePairs) return [PyObject_CallOneArg(sc.object_pairs_hook, PyList_New(pairs)), end];
  if (sc.object_hook !== Py_None) return [PyObject_CallOneArg(sc.object_hook, rval!), end];
  return [rval!, end];
}

function parse_array(sc: Scanner, src: Source, start: number): Scan {
  const s = src.s;
  const len = s.length;
  const items: PyVal[] = [];
  let idx = skipWs(s, start);
  if (idx >= len || s.charCodeAt(idx) !== 93) {
    for (;;) {
      const [val, after] = scan_once_unicode(sc, src, idx);
      items.push(val);
      idx = skipWs(s, after);
      if (idx < len && s.charCodeAt(idx) === 93) break;
      if (idx >= len || s.charCodeAt(idx) !== 44) raise_errmsg("Expecting ',' delimiter", src, idx);
      const comma = idx;
      idx = skipWs(s, idx + 1);
      if (idx < len && s.charCodeAt(idx) === 93) raise_errmsg("Illegal trailing comma before end of array", src, comma);
    }
  }
  return [PyList_New(items), idx + 1];
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** _match_number_unicode: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? at start; StopIteration when there is none. */
function match_number(sc: Scanner, src: Source, start: number): Scan {
  const s = src.s;
  const len = s.length;
  let idx = start;
  if (idx < len && s.charCodeAt(idx) === 45) {
    idx++;
    if (idx >= len) raise_stop_iteration(src, start);
  }
  const c0 = s.charCodeAt(idx);
  if (c0 >= 49 && c0 <= 57) {
    idx++;
    while (idx < len && isDigit(s.charCodeAt(idx))) idx++;
  } else if (c0 === 48) {
    idx++;
  } else {
    raise_stop_iteration(src, start);
  }
  let isFloat = false;
  if (idx < len - 1 && s.charCodeAt(idx) === 46 && isDigit(s.charCodeAt(idx + 1))) {
    isFloat = true;
    idx += 2;
    while (idx < len && isDigit(s.charCodeAt(idx))) idx++;
  }
  if (idx < len - 1 && (s.charCodeAt(idx) === 101 || s.charCodeAt(idx) === 69)) {
    const e = idx;
    idx++;
    if (idx < len - 1 && (s.charCodeAt(idx) === 45 || s.charCodeAt(idx) === 43)) idx++;
    while (idx < len && isDigit(s.charCodeAt(idx))) idx++;
    if (isDigit(s.charCodeAt(idx - 1))) isFloat = true;
    else idx = e;
  }
  const text = s.slice(start, idx);
  let rval: PyVal;
  if (isFloat) {
    rval = sc.parse_float === PyFloat_Type ? PyFloat_FromDouble(Number(text)) : PyObject_CallOneArg(sc.parse_float, PyUnicode_FromString(text));
  } else if (sc.parse_int === PyLong_Type && text.length <= 15) {
    rval = Number(text) === 0 ? 0 : Number(text);
  } else {
    rval = PyObject_CallOneArg(sc.parse_int, PyUnicode_FromString(text));
  }
  return [rval, idx];
}

/** scan_once_unicode: the value at idx (UTF-16 index) and the index after it. */
function scan_once_unicode(sc: Scanner, src: Source, idx: number): Scan {
  const s = src.s;
  const len = s.length;
  if (idx < 0) return PyErr_Format(PyExc_ValueError, "idx cannot be negative");
  if (idx >= len) raise_stop_iteration(src, idx);
  switch (s.charCodeAt(idx)) {
    case 34: { // '"'
      const [text, end] = scanstring_unicode(src, idx + 1, sc.strict);
      return [PyUnicode_FromString(text), end];
    }
    case 123: // '{'
      return parse_object(sc, src, idx + 1);
    case 91: // '['
      return parse_array(sc, src, idx + 1);
    case 110: // 'n'
      if (s.startsWith("null", idx)) return [Py_None, idx + 4];
      break;
    case 116: // 't'
      if (s.startsWith("true", idx)) return [Py_True, idx + 4];
      break;
    case 102: // 'f'
      if (s.startsWith("false", idx)) return [Py_False, idx + 5];
      break;
    case 78: // 'N'
      if (s.startsWith("NaN", idx)) return [PyObject_CallOneArg(sc.parse_constant, PyUnicode_FromString("NaN")), idx + 3];
      break;
    case 73: // 'I'
      if (s.startsWith("Infinity", idx)) return [PyObject_CallOneArg(sc.parse_constant, PyUnicode_FromString("Infinity")), idx + 8];
      break;
    case 45: // '-'
      if (s.startsWith("-Infinity", idx)) return [PyObject_CallOneArg(sc.parse_constant, PyUnicode_FromString("-Infinity")), idx + 9];
      break;
    default:
      break;
  }
  return match_number(sc, src, idx);
}

function scanner_call(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const sc = self as Scanner;
  const nkw = kwnames === null ? 0 : kwnames.length;
  if (nkw > 0 || args.length !== 2) {
    if (nkw > 0) return PyErr_Format(PyExc_TypeError, "scanner_call() takes no keyword arguments");
    return PyErr_Format(PyExc_TypeError, `function takes exactly 2 arguments (${args.length} given)`);
  }
  const [str, idxObj] = args;
  if (!PyUnicode_Check(str)) {
    return PyErr_Format(PyExc_TypeError, `first argument must be a string, not ${Py_TYPE(str).tp_name}`);
  }
  const src = new Source(str);
  const cp = asSsize(idxObj);
  if (cp < 0) return PyErr_Format(PyExc_ValueError, "idx cannot be negative");
  try {
    const [val, end] = scan_once_unicode(sc, src, src.toUnits(cp));
    return PyTuple_New([val, src.toCp(end)]);
  } finally {
    sc.memo = PyDict_New();
  }
}

PyType_FromSpecStatic({
  name: "_json.Scanner",
  doc: "JSON scanner object",
  slots: {
    tp_new: (type, args, kwnames) => {
      const nkw = kwnames === null ? 0 : kwnames.length;
      if (args.length - nkw !== 1 && !(nkw === 1 && args.length === 1)) {
        return PyErr_Format(PyExc_TypeError, `make_scanner() takes exactly 1 argument (${args.length} given)`);
      }
      return new Scanner(type, args[0]);
    },
    tp_call: scanner_call,
  },
  members: [
    { name: "strict", get: (s: PyVal) => PyBool_FromLong((s as Scanner).strict) },
    { name: "object_hook", get: (s: PyVal) => (s as Scanner).object_hook },
    { name: "object_pairs_hook", get: (s: PyVal) => (s as Scanner).object_pairs_hook },
    { name: "parse_float", get: (s: PyVal) => (s as Scanner).parse_float },
    { name: "parse_int", get: (s: PyVal) => (s as Scanner).parse_int },
    { name: "parse_constant", get: (s: PyVal) => (s as Scanner).parse_constant },
  ],
}, PyScannerType);

/** The "n" converter: __index__, then PyLong_AsSsize_t's overflow message. */
function asSsize(v: PyVal): number {
  const n = longValue(PyNumber_Index(v));
  if (typeof n === "bigint" || n > Number.MAX_SAFE_INTEGER || n < -Number.MAX_SAFE_INTEGER) {
    return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
  }
  return n;
}

function py_scanstring(_m: PyVal, args: PyVal[]): PyVal {
  const [pystr, endObj, strictObj] = unpackArgs("scanstring", args, 2, 3);
  if (!PyUnicode_Check(pystr!)) {
    return PyErr_Format(PyExc_TypeError, `first argument must be a string, not ${Py_TYPE(pystr!).tp_name}`);
  }
  const end = asSsize(endObj!);
  const strict = strictObj === undefined ? true : PyObject_IsTrue(strictObj);
  const src = new Source(pystr);
  const len = pystr.cpLen >= 0 ? pystr.cpLen : src.toCp(src.s.length);
  if (end < 0 || len < end) return PyErr_Format(PyExc_ValueError, "end is out of bounds");
  const [text, after] = scanstring_unicode(src, src.toUnits(end), strict);
  return PyTuple_New([PyUnicode_FromString(text), src.toCp(after)]);
}

const ESCAPES: Record<number, string> = { 34: '\\"', 92: "\\\\", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t" };

function hexEscape(c: number): string {
  return "\\u" + c.toString(16).padStart(4, "0");
}

/** ascii_escape_unicode: "..." with every non-ASCII character as \uXXXX (astral ones as surrogate pairs). */
function ascii_escape(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c <= 126 && c !== 34 && c !== 92) continue;
    if (i > run) out += s.slice(run, i);
    run = i + 1;
    out += ESCAPES[c] ?? hexEscape(c);
  }
  return out + s.slice(run) + '"';
}

/** escape_unicode: "..." escaping only the quote, backslash and control characters. */
function unicode_escape(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92) continue;
    if (i > run) out += s.slice(run, i);
    run = i + 1;
    out += ESCAPES[c] ?? hexEscape(c);
  }
  return out + s.slice(run) + '"';
}

function strOnly(v: PyVal): string {
  if (!PyUnicode_Check(v)) return PyErr_Format(PyExc_TypeError, `first argument must be a string, not ${Py_TYPE(v).tp_name}`);
  return v.value;
}


// ---- the encoder (c_make_encoder) ----

const PyEncoderType = PyType_Declare("_json.Encoder");

class Encoder extends PyObject {
  readonly markers: PyVal;
  readonly defaultfn: PyVal;
  readonly encoder: PyVal;
  readonly indent: PyVal;
  readonly key_separator: string;
  readonly item_separator: string;
  readonly sort_keys: boolean;
  readonly skipkeys: boolean;
  readonly allow_nan: boolean;
  /** 1: encode_basestring_ascii, 2: encode_basestring, 0: call `encoder`. */
  readonly fast_encode: number;
  constructor(type: PyTypeObject, a: readonly PyVal[]) {
    super(type);
    this.markers = a[0];
    this.defaultfn = a[1];
    this.encoder = a[2];
    this.indent = a[3];
    this.key_separator = (a[4] as PyUnicodeObject).value;
    this.item_separator = (a[5] as PyUnicodeObject).value;
    this.sort_keys = PyObject_IsTrue(a[6]);
    this.skipkeys = PyObject_IsTrue(a[7]);
    this.allow_nan = PyObject_IsTrue(a[8]);
    this.fast_encode = a[2] === encodeAsciiFn ? 1 : a[2] === encodeFn ? 2 : 0;
  }
}

let encodeAsciiFn: PyVal | null = null;
let encodeFn: PyVal | null = null;

function encoder_encode_string(e: Encoder, s: PyUnicodeObject): string {
  if (e.fast_encode === 1) return ascii_escape(s.value);
  if (e.fast_encode === 2) return unicode_escape(s.value);
  const r = PyObject_CallOneArg(e.encoder, s);
  if (!PyUnicode_Check(r)) return PyErr_Format(PyExc_TypeError, `encoder() must return a string, not ${Py_TYPE(r).tp_name}`);
  return r.value;
}

function encoder_encode_float(e: Encoder, o: PyVal): string {
  const x = (o as PyFloatObject).ob_fval;
  if (!Number.isFinite(x)) {
    if (!e.allow_nan) {
      return PyErr_Format(PyExc_ValueError, `Out of range float values are not JSON compliant: ${PyObject_Repr(o).value}`);
    }
    return x > 0 ? "Infinity" : x < 0 ? "-Infinity" : "NaN";
  }
  return float_repr_text(x);
}

function markerEnter(e: Encoder, o: PyVal): PyVal | null {
  if (e.markers === Py_None) return null;
  const ident = PyObject_CallOneArg(getBuiltin("id"), o);
  if (PySequence_Contains(e.markers, ident)) return PyErr_Format(PyExc_ValueError, "Circular reference detected");
  PyObject_SetItem(e.markers, ident, o);
  return ident;
}

function markerLeave(e: Encoder, ident: PyVal | null): void {
  if (ident !== null) PyObject_DelItem(e.markers, ident);
}

let builtinsMod: PyVal | null = null;
_PyGC_AddRoot("_json", () => [encodeAsciiFn, encodeFn, builtinsMod]);
function getBuiltin(name: string): PyVal {
  builtinsMod ??= PyImport_ImportModule("builtins");
  return PyObject_GetAttr(builtinsMod, PyUnicode_InternFromString(name));
}

function encoder_listencode_obj(e: Encoder, out: string[], o: PyVal, level: number): void {
  if (o === Py_None) { out.push("null"); return; }
  if (o === Py_True) { out.push("true"); return; }
  if (o === Py_False) { out.push("false"); return; }
  if (PyUnicode_Check(o)) { out.push(encoder_encode_string(e, o)); return; }
  if (typeof o === "number" || PyLong_Check(o)) { out.push(PyLong_Type.tp_repr!(o).value); return; }
  if (o instanceof PyFloatObject) { out.push(encoder_encode_float(e, o)); return; }
  if (o instanceof PyListObject || PyTuple_Check(o)) { encoder_listencode_list(e, out, o, level); return; }
  if (PyDict_Check(o)) { encoder_listencode_dict(e, out, o as PyDictObject, level); return; }
  const ident = markerEnter(e, o);
  const newobj = PyObject_CallOneArg(e.defaultfn, o);
  Py_EnterRecursiveCall(" while encoding a JSON object");
  try {
    encoder_listencode_obj(e, out, newobj, level);
  } finally {
    Py_LeaveRecursiveCall();
  }
  markerLeave(e, ident);
}

function newlineIndent(e: Encoder, level: number): string {
  return "\n" + (e.indent as PyUnicodeObject).value.repeat(level);
}

function encoder_listencode_list(e: Encoder, out: string[], seq: PyListObject | PyTupleObject, level: number): void {
  const items = seq.ob_item;
  if (items.length === 0) { out.push("[]"); return; }
  const ident = markerEnter(e, seq);
  let separator = e.item_separator;
  out.push("[");
  if (e.indent !== Py_None) {
    level++;
    const nl = newlineIndent(e, level);
    separator += nl;
    out.push(nl);
  }
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(separator);
    Py_EnterRecursiveCall(" while encoding a JSON object");
    try {
      encoder_listencode_obj(e, out, items[i], level);
    } finally {
      Py_LeaveRecursiveCall();
    }
  }
  markerLeave(e, ident);
  if (e.indent !== Py_None) out.push(newlineIndent(e, level - 1));
  out.push("]");
}

function encoder_listencode_dict(e: Encoder, out: string[], dct: PyDictObject, level: number): void {
  if (dct.ma_used === 0) { out.push("{}"); return; }
  const ident = markerEnter(e, dct);
  let separator = e.item_separator;
  out.push("{");
  if (e.indent !== Py_None) {
    level++;
    const nl = newlineIndent(e, level);
    separator += nl;
    out.push(nl);
  }
  const items = PyObject_Vectorcall(getBuiltin("list"), [PyObject_Vectorcall(PyObject_GetAttr(dct, PyUnicode_InternFromString("items")), [], null)], null) as PyListObject;
  if (e.sort_keys) PyObject_Vectorcall(PyObject_GetAttr(items, PyUnicode_InternFromString("sort")), [], null);
  let first = true;
  for (const item of items.ob_item) {
    const [key, value] = (item as PyTupleObject).ob_item;
    let kstr: string;
    if (PyUnicode_Check(key)) kstr = encoder_encode_string(e, key);
    else {
      let k: string;
      if (key instanceof PyFloatObject) k = encoder_encode_float(e, key);
      else if (key === Py_True) k = "true";
      else if (key === Py_False) k = "false";
      else if (key === Py_None) k = "null";
      else if (typeof key === "number" || PyLong_Check(key)) k = PyLong_Type.tp_repr!(key).value;
      else if (e.skipkeys) continue;
      else return PyErr_Format(PyExc_TypeError, `keys must be str, int, float, bool or None, not ${Py_TYPE(key).tp_name}`);
      kstr = encoder_encode_string(e, PyUnicode_FromString(k) as PyUnicodeObject);
    }
    if (!first) out.push(separator);
    first = false;
    out.push(kstr, e.key_separator);
    Py_EnterRecursiveCall(" while encoding a JSON object");
    try {
      encoder_listencode_obj(e, out, value, level);
    } finally {
      Py_LeaveRecursiveCall();
    }
  }
  markerLeave(e, ident);
  if (e.indent !== Py_None) out.push(newlineIndent(e, level - 1));
  out.push("}");
}

const ENCODER_ARGS = ["markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan"];

PyType_FromSpecStatic({
  name: "_json.Encoder",
  doc: "Encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan)",
  slots: {
    tp_new: (type, args, kwnames) => {
      const nkw = kwnames === null ? 0 : kwnames.length;
      const npos = args.length - nkw;
      // vgetargskeywords ("OOOOUUppp"): each parameter in order is fetched and converted (a missing one or a
      // failed conversion is the error), then a name given twice, then unknown keywords.
      const keyOf = (k: number): string => (kwnames![k] as PyUnicodeObject).value;
      if (args.length > ENCODER_ARGS.length) {
        return PyErr_Format(PyExc_TypeError, `make_encoder() takes at most 9 ${npos === 0 ? "keyword " : ""}arguments (${args.length} given)`);
      }
      const got: PyVal[] = [];
      for (let i = 0; i < ENCODER_ARGS.length; i++) {
        let v: PyVal | undefined = i < npos ? args[i] : undefined;
        if (v === undefined) for (let k = 0; k < nkw; k++) if (keyOf(k) === ENCODER_ARGS[i]) v = args[npos + k];
        if (v === undefined) {
          return PyErr_Format(PyExc_TypeError, `make_encoder() missing required argument '${ENCODER_ARGS[i]}' (pos ${i + 1})`);
        }
        if ((i === 4 || i === 5) && !PyUnicode_Check(v)) {
          return PyErr_Format(PyExc_TypeError, `make_encoder() argument ${i + 1} must be str, not ${v === Py_None ? "None" : Py_TYPE(v).tp_name}`);
        }
        got.push(v);
      }
      for (let k = 0; k < nkw; k++) {
        const i = ENCODER_ARGS.indexOf(keyOf(k));
        if (i >= 0 && i < npos) {
          return PyErr_Format(PyExc_TypeError, `argument for make_encoder() given by name ('${keyOf(k)}') and position (${i + 1})`);
        }
        if (i < 0) return PyErr_Format(PyExc_TypeError, unexpectedKeywordMessage("make_encoder", keyOf(k), ENCODER_ARGS));
      }
      const a = got;
      if (a[0] !== Py_None && !PyDict_Check(a[0])) {
        return PyErr_Format(PyExc_TypeError, `make_encoder() argument 1 must be dict or None, not ${Py_TYPE(a[0]).tp_name}`);
      }
      if (a[3] !== Py_None && !PyUnicode_Check(a[3])) {
        return PyErr_Format(PyExc_TypeError, `make_encoder() argument 4 must be str or None, not ${Py_TYPE(a[3]).tp_name}`);
      }
      return new Encoder(type, a);
    },
    tp_call: (self, args, kwnames) => {
      const nkw = kwnames === null ? 0 : kwnames.length;
      if (nkw > 0 || args.length !== 2) {
        return PyErr_Format(PyExc_TypeError, `function takes exactly 2 arguments (${args.length} given)`);
      }
      const level = asSsize(args[1]);
      const out: string[] = [];
      encoder_listencode_obj(self as Encoder, out, args[0], level);
      return PyTuple_New([PyUnicode_FromString(out.join(""))]);
    },
  },
  members: [
    { name: "markers", get: (s: PyVal) => (s as Encoder).markers },
    { name: "default", get: (s: PyVal) => (s as Encoder).defaultfn },
    { name: "encoder", get: (s: PyVal) => (s as Encoder).encoder },
    { name: "indent", get: (s: PyVal) => (s as Encoder).indent },
    { name: "key_separator", get: (s: PyVal) => PyUnicode_FromString((s as Encoder).key_separator) },
    { name: "item_separator", get: (s: PyVal) => PyUnicode_FromString((s as Encoder).item_separator) },
    { name: "sort_keys", get: (s: PyVal) => PyBool_FromLong((s as Encoder).sort_keys) },
    { name: "skipkeys", get: (s: PyVal) => PyBool_FromLong((s as Encoder).skipkeys) },
  ],
}, PyEncoderType);

export const jsonmodule: PyModuleDef = {
  m_name: "_json",
  m_doc: "json speedups\n",
  m_methods: [
    { name: "encode_basestring_ascii", meth: (_m: PyVal, s: PyVal) => PyUnicode_FromString(ascii_escape(strOnly(s))), flags: METH_O,
      doc: "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string" },
    { name: "encode_basestring", meth: (_m: PyVal, s: PyVal) => PyUnicode_FromString(unicode_escape(strOnly(s))), flags: METH_O,
      doc: "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string" },
    { name: "scanstring", meth: py_scanstring, flags: METH_FASTCALL,
      doc: "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON string. End is the index of the\ncharacter in s after the quote that started the JSON string.\nUnescapes all valid JSON string escape sequences and raises ValueError\non attempt to decode an invalid string. If strict is False then literal\ncontrol characters are allowed in the string.\n\nReturns a tuple of the decoded string and the index of the character in s\nafter the end quote." },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "make_scanner", PyScannerType);
    PyModule_Add(m, "make_encoder", PyEncoderType);
    // The encoder recognises the module's own string encoders and skips the call (as c_make_encoder does).
    encodeAsciiFn = PyDict_GetItem(m.dict!, PyUnicode_InternFromString("encode_basestring_ascii")) ?? null;
    encodeFn = PyDict_GetItem(m.dict!, PyUnicode_InternFromString("encode_basestring")) ?? null;
  },
};
