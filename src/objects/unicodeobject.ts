// str: a JS string (UTF-16, lone surrogates allowed) with lazily computed code-point metadata, so that len,
// indexing and slicing are in code points. Counterpart: Objects/unicodeobject.c. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_FromSpecStatic, PyUnicodeObject, PyUnicode_Type, Py_HashHi, Py_NotImplemented,
  Py_None, Py_TYPE, Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, Py_GE, METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS,
  METH_STATIC, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_UNICODE_SUBCLASS, hasFlag, type PyVal,
} from "./object.js";
import { hashUnicodeText, hashOut } from "../runtime/pyhash.js";
import { PyErr_Format, PyErr_BadArgument, PyErr_SetObject } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_IndexError, PyExc_OverflowError, PyExc_LookupError, PyExc_MemoryError } from "./exceptions.js";
import { PyObject_Str, PyObject_Repr, PyNumber_Index, PyObject_GetIter, PyIter_Next, PyObject_Format, PyObject_GetItem,
  PyNumber_AsSsize_t, PyObject_ASCII, PyType_IsSubtype } from "./abstract.js";
import { PyTupleObject, PyTuple_New } from "./tupleobject.js";
import { PyListObject, PyList_New } from "./listobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { PySliceObject, PySlice_Unpack, PySlice_AdjustIndices } from "./sliceobject.js";
import { unpackArgs, parseArgs } from "../runtime/getargs.js";
import { PyLongObject, PyLong_AsNumber, longValue, PyLong_Check } from "./longobject.js";
import { PyFloatObject, PyFloat_AsDouble, float_int_value } from "./floatobject.js";
import { PyUnicode_AsEncodedString, PyUnicode_Decode, codecArg } from "./unicodecodecs.js";
import {
  str_upper, str_lower, str_casefold, str_title, str_capitalize, str_swapcase, str_isalpha, str_isdigit, str_isdecimal,
  str_isnumeric, str_isalnum, str_isspace, str_islower, str_isupper, str_istitle, str_isidentifier, str_isprintable,
  _PyUnicode_IsWhitespace, _PyUnicode_IsPrintable,
} from "../unicode/unicodectype.js";
import { formatLongValue, formatFloatValue, parseFormatSpec, unknownPresentationType } from "./formatter.js";
import { do_string_format, do_string_format_map } from "./unicode_format.js";
import { PyDictObject, PyDict_Check, PyDict_New, PyDict_SetItem, PyDict_CheckExact, PyDict_Items } from "./dictobject.js";
import { PyBytes_FromArray, bytesLikeData } from "./bytesobject.js";
import { snapshotRecording, _PySnapshot_Record } from "../runtime/snapshot_registry.js";
import { _PyIter_PickleMethods, _PyIter_Reduce, _PyIter_StateIndex } from "./iterobject.js";

export { PyUnicodeObject, PyUnicode_Type };

const latin1Cache: PyUnicodeObject[] = [];
const emptyStr = new PyUnicodeObject("");

/** A new str object for a JS string (one-character Latin-1 strings and "" are shared, as in CPython). */
export function PyUnicode_FromString(s: string): PyUnicodeObject {
  const n = s.length;
  if (n <= 1) {
    if (n === 0) return emptyStr;
    const c = s.charCodeAt(0);
    if (c < 256) {
      let u = latin1Cache[c];
      if (u === undefined) { u = new PyUnicodeObject(s); latin1Cache[c] = u; }
      return u;
    }
  }
  return new PyUnicodeObject(s);
}

export function PyUnicode_Check(v: PyVal): v is PyUnicodeObject {
  return typeof v !== "number" && hasFlag(v.ob_type, Py_TPFLAGS_UNICODE_SUBCLASS);
}
export function PyUnicode_CheckExact(v: PyVal): v is PyUnicodeObject {
  return typeof v !== "number" && v.ob_type === PyUnicode_Type;
}

/** Hash a str (cached); returns the low word and sets Py_HashHi[0]. */
export function unicode_hash(self: PyVal): number {
  const u = self as PyUnicodeObject;
  if (!u.hashed) {
    hashUnicodeText(u.value);
    u.hashLo = hashOut[0];
    u.hashHi = hashOut[1];
    u.hashed = true;
    if (snapshotRecording) _PySnapshot_Record(u);
  }
  Py_HashHi[0] = u.hashHi;
  return u.hashLo;
}

// ---- code points ----

function computeCp(u: PyUnicodeObject): void {
  const s = u.value;
  const n = s.length;
  let astralCount = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) { astralCount++; i++; }
    }
  }
  u.cpLen = n - astralCount;
}

/** len(str) in code points. */
export function PyUnicode_GetLength(u: PyUnicodeObject): number {
  if (u.cpLen < 0) computeCp(u);
  return u.cpLen;
}

/** True when UTF-16 offsets equal code-point offsets (no surrogate pairs). */
export function isBmpOnly(u: PyUnicodeObject): boolean {
  if (u.cpLen < 0) computeCp(u);
  return u.cpLen === u.value.length;
}

function astralIndex(u: PyUnicodeObject): Int32Array {
  if (u.astral === null) {
    const s = u.value;
    const pos: number[] = [];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) { pos.push(i); i++; }
      }
    }
    u.astral = Int32Array.from(pos);
  }
  return u.astral;
}

/** UTF-16 offset of code point index i (0 <= i <= cpLen). */
export function cpToUtf16(u: PyUnicodeObject, i: number): number {
  if (isBmpOnly(u)) return i;
  const ast = astralIndex(u);
  // Each astral character before the target adds one code unit; find how many start before offset i + k.
  let k = 0;
  while (k < ast.length && ast[k] < i + k) k++;
  return i + k;
}

/** Code points of a JS string (for the slow paths). */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) { out.push(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000); i++; continue; }
    }
    out.push(c);
  }
  return out;
}

export function fromCodePoint(c: number): string {
  return c < 0x10000 ? String.fromCharCode(c) : String.fromCodePoint(c);
}

/** The i-th character (code point index, already bounds-checked). */
export function unicode_char(u: PyUnicodeObject, i: number): PyUnicodeObject {
  if (isBmpOnly(u)) return PyUnicode_FromString(u.value[i]);
  const off = cpToUtf16(u, i);
  const c = u.value.charCodeAt(off);
  if (c >= 0xd800 && c < 0xdc00 && off + 1 < u.value.length) {
    const d = u.value.charCodeAt(off + 1);
    if (d >= 0xdc00 && d < 0xe000) return PyUnicode_FromString(u.value.slice(off, off + 2));
  }
  return PyUnicode_FromString(u.value[off]);
}

/** Compare two strings in code-point order (JS compares code units, which differs only around surrogates). */
export function unicode_compare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x !== y) {
      // Code-unit order is code-point order except where a surrogate is involved: compare the code points
      // that contain position i (a pair's low half continues the pair that starts at i - 1, equal in both).
      if ((x >= 0xd800 && x < 0xe000) || (y >= 0xd800 && y < 0xe000)) {
        const cx = cpContaining(a, i), cy = cpContaining(b, i);
        return cx < cy ? -1 : cx > cy ? 1 : x < y ? -1 : 1;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
function cpContaining(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xdc00 && c < 0xe000 && i > 0) {
    const p = s.charCodeAt(i - 1);
    if (p >= 0xd800 && p < 0xdc00) return s.codePointAt(i - 1)!;
  }
  return s.codePointAt(i)!;
}

// ---- repr ----

/** Py_UNICODE_ISPRINTABLE from the Unicode database CPython 3.13 uses (Node's \p{...} follow a newer Unicode). */
export function isPrintable(cp: number): boolean {
  if (cp < 0x7f) return cp >= 0x20;
  if (cp < 0xa0) return false;
  return _PyUnicode_IsPrintable(cp);
}

export function unicode_repr_text(s: string): string {
  let quote = "'";
  if (s.includes("'") && !s.includes('"')) quote = '"';
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      if (c === 0x5c) out += "\\\\";
      else if (String.fromCharCode(c) === quote) out += "\\" + quote;
      else out += s[i];
      continue;
    }
    let len = 1;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) { c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000; len = 2; }
    }
    if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (isPrintable(c)) out += s.slice(i, i + len);
    else if (c < 0x100) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x10000) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
    i += len - 1;
  }
  return out + quote;
}

function unicode_repr(self: PyVal): PyUnicodeObject {
  return PyUnicode_FromString(unicode_repr_text((self as PyUnicodeObject).value));
}

function unicode_str(self: PyVal): PyUnicodeObject {
  const u = self as PyUnicodeObject;
  return u.ob_type === PyUnicode_Type ? u : PyUnicode_FromString(u.value);
}

function unicode_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if (!PyUnicode_Check(b)) return Py_NotImplemented;
  const x = (a as PyUnicodeObject).value, y = b.value;
  switch (op) {
    case Py_EQ: return PyBool_FromLong(x === y);
    case Py_NE: return PyBool_FromLong(x !== y);
    default: {
      const c = unicode_compare(x, y);
      switch (op) {
        case Py_LT: return PyBool_FromLong(c < 0);
        case Py_LE: return PyBool_FromLong(c <= 0);
        case Py_GT: return PyBool_FromLong(c > 0);
        case Py_GE: return PyBool_FromLong(c >= 0);
        default: return Py_NotImplemented;
      }
    }
  }
}

function unicode_length(self: PyVal): number {
  return PyUnicode_GetLength(self as PyUnicodeObject);
}

export function PyUnicode_Concat(a: PyVal, b: PyVal): PyVal {
  if (!PyUnicode_Check(b)) {
    return PyErr_Format(PyExc_TypeError, `can only concatenate str (not "${Py_TYPE(b).tp_name}") to str`);
  }
  return PyUnicode_FromString((a as PyUnicodeObject).value + b.value);
}

function unicode_repeat(self: PyVal, n: number): PyVal {
  const s = (self as PyUnicodeObject).value;
  if (n <= 0 || s.length === 0) return emptyStr;
  // unicode_repeat: OverflowError past PY_SSIZE_T_MAX, else MemoryError when the allocation fails (past 2**30 here).
  if (s.length * n > 9223372036854775807) return PyErr_Format(PyExc_OverflowError, "repeated string is too long");
  if (s.length * n > 2 ** 30) return PyErr_SetObject(PyExc_MemoryError, null);
  return PyUnicode_FromString(s.repeat(n));
}

function unicode_contains(self: PyVal, sub: PyVal): boolean {
  if (!PyUnicode_Check(sub)) {
    return PyErr_Format(PyExc_TypeError, `'in <string>' requires string as left operand, not ${Py_TYPE(sub).tp_name}`);
  }
  return (self as PyUnicodeObject).value.includes(sub.value);
}

/** str[i] / str[a:b:c]. */
function unicode_subscript(self: PyVal, item: PyVal): PyVal {
  const u = self as PyUnicodeObject;
  if (item instanceof PySliceObject) {
    const len = PyUnicode_GetLength(u);
    const [start0, stop0, step] = PySlice_Unpack(item);
    const [start, , slicelen] = PySlice_AdjustIndices(len, start0, stop0, step);
    if (slicelen <= 0) return emptyStr;
    if (step === 1) {
      if (isBmpOnly(u)) return PyUnicode_FromString(u.value.slice(start, start + slicelen));
      return PyUnicode_FromString(u.value.slice(cpToUtf16(u, start), cpToUtf16(u, start + slicelen)));
    }
    const cps = isBmpOnly(u) ? null : codePoints(u.value);
    let out = "";
    for (let i = 0, cur = start; i < slicelen; i++, cur += step) {
      out += cps ? fromCodePoint(cps[cur]) : u.value[cur];
    }
    return PyUnicode_FromString(out);
  }
  const t = Py_TYPE(item);
  if (typeof item !== "number" && t.nb_index === null) {
    return PyErr_Format(PyExc_TypeError, `string indices must be integers, not '${t.tp_name}'`);
  }
  let i = typeof item === "number" ? item : PyNumber_AsSsize_t(item, PyExc_IndexError);
  const len = PyUnicode_GetLength(u);
  if (i < 0) i += len;
  if (i < 0 || i >= len) return PyErr_Format(PyExc_IndexError, "string index out of range");
  return unicode_char(u, i);
}

function unicode_item(self: PyVal, i: number): PyVal {
  const u = self as PyUnicodeObject;
  if (i < 0 || i >= PyUnicode_GetLength(u)) return PyErr_Format(PyExc_IndexError, "string index out of range");
  return unicode_char(u, i);
}

// ---- iterator ----

export class PyUnicodeIterObject extends PyObject {
  it_seq: PyUnicodeObject | null;
  it_index: number;
  constructor(type: PyTypeObject, s: PyUnicodeObject) {
    super(type);
    this.it_seq = s;
    this.it_index = 0;
  }
}

function unicodeiter_next(self: PyVal): PyVal | undefined {
  const it = self as PyUnicodeIterObject;
  const s = it.it_seq;
  if (s === null) return undefined;
  const t = s.value;
  const i = it.it_index;
  if (i >= t.length) { it.it_seq = null; return undefined; }
  const c = t.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00 && i + 1 < t.length) {
    const d = t.charCodeAt(i + 1);
    if (d >= 0xdc00 && d < 0xe000) { it.it_index = i + 2; return PyUnicode_FromString(t.slice(i, i + 2)); }
  }
  it.it_index = i + 1;
  return PyUnicode_FromString(t[i]);
}

/** The code point index of UTF-16 offset `at` in `t` (the iterator counts UTF-16 units; pickles count characters). */
function codePointIndex(t: string, at: number): number {
  let n = 0;
  for (let i = 0; i < at; i++, n++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < t.length) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
  }
  return n;
}

const unicodeIterSpec = {
  slots: { tp_iter: (s: PyVal) => s, tp_iternext: unicodeiter_next },
  methods: _PyIter_PickleMethods((s) => {
    const it = s as PyUnicodeIterObject;
    return _PyIter_Reduce("iter", () => {
      const seq = it.it_seq;
      return [seq, seq === null ? 0 : codePointIndex(seq.value, it.it_index)];
    }, () => PyUnicode_FromString(""));
  }, (s, state) => {
    // unicodeiter_setstate: a character index clipped to [0, len].
    const it = s as PyUnicodeIterObject;
    const i = _PyIter_StateIndex(state);
    const seq = it.it_seq;
    if (seq !== null) {
      const t = seq.value;
      let at = 0;
      for (let k = 0; k < i && at < t.length; k++) {
        const c = t.charCodeAt(at);
        at += c >= 0xd800 && c < 0xdc00 && at + 1 < t.length && (t.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      }
      it.it_index = at;
    }
    return Py_None;
  }),
};
/** The iterators of ASCII strings and of the others: two types, as in CPython (the same code here). */
export const PyUnicodeIter_Type = PyType_FromSpecStatic({ name: "str_ascii_iterator", ...unicodeIterSpec });
const PyUnicodeIterNonASCII_Type = PyType_FromSpecStatic({ name: "str_iterator", ...unicodeIterSpec });

function unicode_iter(self: PyVal): PyVal {
  const t = (self as PyUnicodeObject).value;
  let ascii = true;
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) >= 0x80) { ascii = false; break; }
  return new PyUnicodeIterObject(ascii ? PyUnicodeIter_Type : PyUnicodeIterNonASCII_Type, self as PyUnicodeObject);
}

// ---- construction ----

function unicode_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [obj, encoding, errors] = parseArgs("str", args, kwnames, ["object", "encoding", "errors"], 0, 3);
  let s: PyUnicodeObject;
  if (obj === undefined) s = emptyStr;
  else if (encoding === undefined && errors === undefined) s = PyObject_Str(obj);
  else s = decodeObject(obj, encoding, errors);
  if (type === PyUnicode_Type) return s;
  return new PyUnicodeObject(s.value, type);
}

let decodeHook: ((obj: PyVal, encoding: PyVal | undefined, errors: PyVal | undefined) => PyUnicodeObject) | null = null;
export function _PyUnicode_InstallDecode(f: typeof decodeHook): void {
  decodeHook = f;
}
/** str(obj, encoding, errors) (PyUnicode_FromEncodedObject): only bytes-like objects decode. */
function decodeObject(obj: PyVal, encoding: PyVal | undefined, errors: PyVal | undefined): PyUnicodeObject {
  const enc = codecArg("str", "encoding", encoding, "utf-8");
  const err = codecArg("str", "errors", errors, "strict");
  if (PyUnicode_Check(obj)) return PyErr_Format(PyExc_TypeError, "decoding str is not supported");
  const data = bytesLikeData(obj);
  if (data === null) {
    if (decodeHook) return decodeHook(obj, encoding, errors);
    return PyErr_Format(PyExc_TypeError, `decoding to str: need a bytes-like object, ${Py_TYPE(obj).tp_name} found`);
  }
  return PyUnicode_FromString(PyUnicode_Decode(data, enc, err, obj));
}

// ---- methods ----

/** An argument's type for argument-clinic errors (_PyArg_BadArgument says "None", not "NoneType"). */
function argTypeName(v: PyVal): string {
  return v === Py_None ? "None" : Py_TYPE(v).tp_name;
}

/** A Py_ssize_t argument (clinic's _PyNumber_Index + PyLong_AsSsize_t); `cint` for C int arguments. */
function ssizeArg(v: PyVal, cint = false): number {
  const i = longValue(PyNumber_Index(v));
  // Py_ssize_t is 64-bit: ints up to 2**63-1 fit (as the nearest double above 2**53, as PyNumber_AsSsize_t).
  if (!cint && typeof i === "bigint" && i >= -0x8000000000000000n && i <= 0x7fffffffffffffffn) return Number(i);
  const lim = cint ? 2147483647 : 9223372036854775807;
  if (typeof i === "bigint" || i > lim || i < -lim - 1) {
    return PyErr_Format(PyExc_OverflowError, `Python int too large to convert to C ${cint ? "int" : "ssize_t"}`);
  }
  return i;
}

/** A `*` width (Py_ssize_t) or precision (C int, `cint`) argument of %-formatting, str's and bytes': any int
 *  (bool included), else "* wants int"; a width beyond 2**53 is the nearest double (padding that long fails with
 *  MemoryError, as CPython's allocation does). */
export function _PyFormat_StarArg(v: PyVal, cint: boolean): number {
  if (!PyLong_Check(v)) return PyErr_Format(PyExc_TypeError, "* wants int");
  const x = longValue(v);
  if (typeof x === "number" && (!cint || (x <= 2147483647 && x >= -2147483648))) return x;
  if (!cint && typeof x === "bigint" && x >= -0x8000000000000000n && x <= 0x7fffffffffffffffn) return Number(x);
  return PyErr_Format(PyExc_OverflowError, `Python int too large to convert to C ${cint ? "int" : "ssize_t"}`);
}

/** A slice bound of find/count/startswith... (_PyEval_SliceIndex: None, or anything with __index__, clamped). */
function sliceIndex(v: PyVal): number {
  if (typeof v !== "number" && Py_TYPE(v).nb_index === null) {
    return PyErr_Format(PyExc_TypeError, "slice indices must be integers or None or have an __index__ method");
  }
  return PyNumber_AsSsize_t(v, null);
}

function asStr(v: PyVal, what: string): string {
  if (!PyUnicode_Check(v)) {
    if (what.startsWith("must be")) return PyErr_Format(PyExc_TypeError, `${what}, not ${argTypeName(v)}`);
    return PyErr_Format(PyExc_TypeError, `${what} must be str, not ${argTypeName(v)}`);
  }
  return v.value;
}

/** Py_UNICODE_ISSPACE with CPython's ASCII table first (_Py_ascii_whitespace: \t..\r, \x1c..\x1f, space). */
const isSpaceCh = (c: string): boolean => {
  const n = c.charCodeAt(0);
  return n < 128 ? (n >= 9 && n <= 13) || (n >= 28 && n <= 32) : _PyUnicode_IsWhitespace(n);
};

function stripImpl(self: PyVal, args: PyVal[], name: string, left: boolean, right: boolean): PyVal {
  const [chars] = unpackArgs(name, args, 0, 1);
  let s = (self as PyUnicodeObject).value;
  if (chars === undefined || chars === Py_None) {
    let a = 0, b = s.length;
    if (left) while (a < b && isSpaceCh(s[a])) a++;
    if (right) while (b > a && isSpaceCh(s[b - 1])) b--;
    if (a === 0 && b === s.length && (self as PyUnicodeObject).ob_type === PyUnicode_Type) return self;
    s = s.slice(a, b);
  } else {
    if (!PyUnicode_Check(chars)) return PyErr_Format(PyExc_TypeError, `${name} arg must be None or str`);
    const cs = chars.value;
    if (!/[\ud800-\udfff]/.test(cs)) {
      // No surrogates among the characters to strip: scanning UTF-16 units is exact (a unit of an astral
      // character in s never equals one of them). os.path and importlib strip separators on every path.
      let a = 0, b = s.length;
      if (left) while (a < b && cs.includes(s[a])) a++;
      if (right) while (b > a && cs.includes(s[b - 1])) b--;
      if (a === 0 && b === s.length && (self as PyUnicodeObject).ob_type === PyUnicode_Type) return self;
      return PyUnicode_FromString(s.slice(a, b));
    }
    const set = new Set(codePoints(cs).map(fromCodePoint));
    const cps = codePoints(s).map(fromCodePoint);
    let a = 0, b = cps.length;
    if (left) while (a < b && set.has(cps[a])) a++;
    if (right) while (b > a && set.has(cps[b - 1])) b--;
    s = cps.slice(a, b).join("");
  }
  return PyUnicode_FromString(s);
}

function unicode_join(self: PyVal, iterable: PyVal): PyVal {
  const sep = (self as PyUnicodeObject).value;
  const parts: string[] = [];
  const items = iterable instanceof PyListObject || iterable instanceof PyTupleObject ? iterable.ob_item : null;
  if (items !== null) {
    for (let i = 0; i < items.length; i++) {
      const x = items[i];
      if (!PyUnicode_Check(x)) return joinError(i, x);
      parts.push(x.value);
    }
  } else {
    // PySequence_Fast's message for a non-iterable argument.
    const t = Py_TYPE(iterable);
    if (t.tp_iter === null && t.sq_item === null) return PyErr_Format(PyExc_TypeError, "can only join an iterable");
    const it = PyObject_GetIter(iterable);
    for (let x = PyIter_Next(it), i = 0; x !== undefined; x = PyIter_Next(it), i++) {
      if (!PyUnicode_Check(x)) return joinError(i, x);
      parts.push(x.value);
    }
  }
  return PyUnicode_FromString(parts.join(sep));
}

function joinError(i: number, x: PyVal): never {
  return PyErr_Format(PyExc_TypeError, `sequence item ${i}: expected str instance, ${Py_TYPE(x).tp_name} found`);
}

function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && isSpaceCh(s[i])) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      // The rest, trailing whitespace included (split_whitespace).
      out.push(s.slice(i));
      return out;
    }
    let j = i;
    while (j < n && !isSpaceCh(s[j])) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function unicode_split(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [sepArg, maxArg] = parseArgs("split", args, kwnames, ["sep", "maxsplit"], 0, 2);
  const s = (self as PyUnicodeObject).value;
  const maxsplit = maxArg === undefined ? -1 : PyNumber_AsSsize_t(maxArg, PyExc_OverflowError);
  let parts: string[];
  if (sepArg === undefined || sepArg === Py_None) parts = splitWhitespace(s, maxsplit);
  else {
    const sep = asStr(sepArg, "must be str or None");
    if (sep.length === 0) return PyErr_Format(PyExc_ValueError, "empty separator");
    parts = [];
    let start = 0;
    while (maxsplit < 0 || parts.length < maxsplit) {
      const j = s.indexOf(sep, start);
      if (j < 0) break;
      parts.push(s.slice(start, j));
      start = j + sep.length;
    }
    parts.push(s.slice(start));
  }
  return PyList_New(parts.map(PyUnicode_FromString));
}

function unicode_rsplit(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [sepArg, maxArg] = parseArgs("rsplit", args, kwnames, ["sep", "maxsplit"], 0, 2);
  const s = (self as PyUnicodeObject).value;
  const maxsplit = maxArg === undefined ? -1 : PyNumber_AsSsize_t(maxArg, PyExc_OverflowError);
  const parts: string[] = [];
  if (sepArg === undefined || sepArg === Py_None) {
    let j = s.length;
    while (j > 0) {
      while (j > 0 && isSpaceCh(s[j - 1])) j--;
      if (j === 0) break;
      if (maxsplit >= 0 && parts.length >= maxsplit) {
        parts.push(s.slice(0, j));
        break;
      }
      let i = j;
      while (i > 0 && !isSpaceCh(s[i - 1])) i--;
      parts.push(s.slice(i, j));
      j = i;
    }
  } else {
    const sep = asStr(sepArg, "must be str or None");
    if (sep.length === 0) return PyErr_Format(PyExc_ValueError, "empty separator");
    let end = s.length;
    while (maxsplit < 0 || parts.length < maxsplit) {
      const j = s.lastIndexOf(sep, end - sep.length);
      if (j < 0 || end - sep.length < 0) break;
      parts.push(s.slice(j + sep.length, end));
      end = j;
    }
    parts.push(s.slice(0, end));
  }
  return PyList_New(parts.reverse().map(PyUnicode_FromString));
}

function unicode_splitlines(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [keep] = parseArgs("splitlines", args, kwnames, ["keepends"], 0, 1);
  const keepends = keep !== undefined && keep !== 0 && !(Py_TYPE(keep).tp_name === "bool" && (keep as PyLongObject).ival === 0);
  const s = (self as PyUnicodeObject).value;
  const out: PyVal[] = [];
  let i = 0;
  const n = s.length;
  const isBreak = (c: number): boolean => c === 10 || c === 13 || c === 11 || c === 12 || c === 0x1c || c === 0x1d ||
    c === 0x1e || c === 0x85 || c === 0x2028 || c === 0x2029;
  while (i < n) {
    let j = i;
    while (j < n && !isBreak(s.charCodeAt(j))) j++;
    let eol = j;
    if (j < n) {
      eol = j + (s.charCodeAt(j) === 13 && s.charCodeAt(j + 1) === 10 ? 2 : 1);
    }
    out.push(PyUnicode_FromString(s.slice(i, keepends ? eol : j)));
    i = eol;
  }
  return PyList_New(out);
}

/** Parse the optional start/end arguments of find/count/startswith... into UTF-16 offsets. */
function sliceArgs(u: PyUnicodeObject, startArg: PyVal | undefined, endArg: PyVal | undefined): [number, number] {
  const len = PyUnicode_GetLength(u);
  let start = startArg === undefined || startArg === Py_None ? 0 : sliceIndex(startArg);
  let end = endArg === undefined || endArg === Py_None ? len : sliceIndex(endArg);
  if (start < 0) { start += len; if (start < 0) start = 0; }
  if (end < 0) { end += len; if (end < 0) end = 0; }
  if (end > len) end = len;
  if (start > len) return [len + 1, len];
  // An empty or reversed slice keeps end < start so that callers see it (find -> -1, count -> 0).
  const s16 = cpToUtf16(u, start);
  return end < start ? [s16, s16 - 1] : [s16, cpToUtf16(u, end)];
}

function utf16ToCp(u: PyUnicodeObject, off: number): number {
  if (isBmpOnly(u)) return off;
  const ast = astralIndex(u);
  let k = 0;
  while (k < ast.length && ast[k] < off) k++;
  return off - k;
}

function findImpl(self: PyVal, args: PyVal[], name: string, reverse: boolean, raise: boolean): PyVal {
  const [subArg, a, b] = unpackArgs(name, args, 1, 3);
  const u = self as PyUnicodeObject;
  const sub = asStr(subArg!, `${name}() argument 1`);
  const [start, end] = sliceArgs(u, a, b);
  let r = -1;
  if (start <= end) {
    const hay = u.value.slice(start, end);
    const j = reverse ? hay.lastIndexOf(sub) : hay.indexOf(sub);
    if (j >= 0) r = utf16ToCp(u, start + j);
  }
  if (r < 0 && raise) return PyErr_Format(PyExc_ValueError, "substring not found");
  return r;
}

function unicode_count(self: PyVal, args: PyVal[]): PyVal {
  const [subArg, a, b] = unpackArgs("count", args, 1, 3);
  const u = self as PyUnicodeObject;
  const sub = asStr(subArg!, "count() argument 1");
  const [start, end] = sliceArgs(u, a, b);
  if (start > end) return 0;
  const hay = u.value.slice(start, end);
  if (sub.length === 0) return utf16ToCp(u, end) - utf16ToCp(u, start) + 1;
  let n = 0;
  for (let j = hay.indexOf(sub); j >= 0; j = hay.indexOf(sub, j + sub.length)) n++;
  return n;
}

function startsEndsWith(self: PyVal, args: PyVal[], name: string, ends: boolean): PyVal {
  const [prefix, a, b] = unpackArgs(name, args, 1, 3);
  const u = self as PyUnicodeObject;
  const [start, end] = sliceArgs(u, a, b);
  // Compared in place (no slices): importlib and os.path test prefixes and suffixes of every path.
  const test = (p: string): boolean => {
    if (start > end) return false;
    if (end - start < p.length) return false;
    return ends ? u.value.startsWith(p, end - p.length) : u.value.startsWith(p, start);
  };
  if (prefix instanceof PyTupleObject) {
    for (const p of prefix.ob_item) {
      if (!PyUnicode_Check(p)) {
        return PyErr_Format(PyExc_TypeError, `tuple for ${name} must only contain str, not ${Py_TYPE(p).tp_name}`);
      }
      if (test(p.value)) return PyBool_FromLong(true);
    }
    return PyBool_FromLong(false);
  }
  if (!PyUnicode_Check(prefix!)) {
    return PyErr_Format(PyExc_TypeError, `${name} first arg must be str or a tuple of str, not ${Py_TYPE(prefix!).tp_name}`);
  }
  return PyBool_FromLong(test(prefix.value));
}

function unicode_replace(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  // old and new are positional-only: their count is checked before any keyword (argument clinic's order).
  const npos = args.length - (kwnames === null ? 0 : kwnames.length);
  if (npos < 2) return PyErr_Format(PyExc_TypeError, `replace() takes at least 2 positional arguments (${npos} given)`);
  const [oldA, newA, countA] = parseArgs("replace", args, kwnames, ["", "", "count"], 2, 3);
  const s = (self as PyUnicodeObject).value;
  const old = asStr(oldA!, "replace() argument 1");
  const nw = asStr(newA!, "replace() argument 2");
  let count = countA === undefined ? -1 : PyNumber_AsSsize_t(countA, null);
  if (count < 0) count = Infinity;
  if (old.length === 0) {
    const cps = codePoints(s).map(fromCodePoint);
    let out = "";
    let n = 0;
    for (let i = 0; i <= cps.length; i++) {
      if (n < count) { out += nw; n++; }
      if (i < cps.length) out += cps[i];
    }
    return PyUnicode_FromString(out);
  }
  let out = "";
  let pos = 0;
  let n = 0;
  while (n < count) {
    const j = s.indexOf(old, pos);
    if (j < 0) break;
    out += s.slice(pos, j) + nw;
    pos = j + old.length;
    n++;
  }
  return PyUnicode_FromString(out + s.slice(pos));
}



function padImpl(self: PyVal, args: PyVal[], name: string, where: "l" | "r" | "c"): PyVal {
  const [wArg, fillArg] = unpackArgs(name, args, 1, 2);
  const u = self as PyUnicodeObject;
  const width = ssizeArg(wArg!);
  let fill = " ";
  if (fillArg !== undefined) {
    if (!PyUnicode_Check(fillArg) || PyUnicode_GetLength(fillArg) !== 1) {
      return PyErr_Format(PyExc_TypeError, "The fill character must be exactly one character long");
    }
    fill = fillArg.value;
  }
  const len = PyUnicode_GetLength(u);
  if (width <= len) return u.ob_type === PyUnicode_Type ? u : PyUnicode_FromString(u.value);
  const total = width - len;
  let left: number;
  if (where === "l") left = 0;
  else if (where === "r") left = total;
  else left = Math.floor(total / 2) + (total & width & 1);
  return PyUnicode_FromString(fill.repeat(left) + u.value + fill.repeat(total - left));
}

function unicode_zfill(self: PyVal, wArg: PyVal): PyVal {
  const u = self as PyUnicodeObject;
  const width = ssizeArg(wArg);
  const len = PyUnicode_GetLength(u);
  if (width <= len) return u.ob_type === PyUnicode_Type ? u : PyUnicode_FromString(u.value);
  const fill = width - len;
  let s = "0".repeat(fill) + u.value;
  if (u.value[0] === "+" || u.value[0] === "-") s = u.value[0] + "0".repeat(fill) + u.value.slice(1);
  return PyUnicode_FromString(s);
}

function partitionImpl(self: PyVal, sepArg: PyVal, reverse: boolean): PyVal {
  const s = (self as PyUnicodeObject).value;
  if (!PyUnicode_Check(sepArg)) return PyErr_Format(PyExc_TypeError, `must be str, not ${Py_TYPE(sepArg).tp_name}`);
  const sep = sepArg.value;
  if (sep.length === 0) return PyErr_Format(PyExc_ValueError, "empty separator");
  const j = reverse ? s.lastIndexOf(sep) : s.indexOf(sep);
  if (j < 0) {
    return reverse ? PyTuple_New([emptyStr, emptyStr, PyUnicode_FromString(s)])
      : PyTuple_New([PyUnicode_FromString(s), emptyStr, emptyStr]);
  }
  return PyTuple_New([PyUnicode_FromString(s.slice(0, j)), PyUnicode_FromString(sep), PyUnicode_FromString(s.slice(j + sep.length))]);
}





function unicode_encode(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [enc, err] = parseArgs("encode", args, kwnames, ["encoding", "errors"], 0, 2);
  const encoding = codecArg("encode", "encoding", enc, "utf-8");
  const errors = codecArg("encode", "errors", err, "strict");
  return PyBytes_FromArray(PyUnicode_AsEncodedString(self as PyUnicodeObject, encoding, errors));
}

/** UTF-8 encoding; lone surrogates raise (strict) or pass through (surrogatepass). */
export function encodeUtf8(s: string, errors: "strict" | "surrogatepass"): Uint8Array {
  if (errors === "strict") return PyUnicode_AsEncodedString(PyUnicode_FromString(s), "utf-8", "strict");
  const out: number[] = [];
  for (const c of codePoints(s)) {
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) {
      out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    } else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

function unicode_format_method(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  return PyUnicode_FromString(do_string_format((self as PyUnicodeObject).value, args, kwnames));
}

function unicode_format_map(self: PyVal, mapping: PyVal): PyVal {
  return PyUnicode_FromString(do_string_format_map((self as PyUnicodeObject).value, mapping));
}

/** str.__format__ (format_string_internal). */
function unicode__format__(self: PyVal, spec: PyVal): PyVal {
  if (!PyUnicode_Check(spec)) return PyErr_Format(PyExc_TypeError, `__format__() argument must be str, not ${argTypeName(spec)}`);
  const fs = spec.value;
  const s = (self as PyUnicodeObject).value;
  if (fs.length === 0) return PyUnicode_CheckExact(self) ? self : PyUnicode_FromString(s);
  const p = parseFormatSpec(fs, "s", Py_TYPE(self).tp_name);
  if (p.type !== "s") {
    return unknownPresentationType(p.type, Py_TYPE(self).tp_name);
  }
  if (p.sign === " ") return PyErr_Format(PyExc_ValueError, "Space not allowed in string format specifier");
  if (p.sign !== "") return PyErr_Format(PyExc_ValueError, "Sign not allowed in string format specifier");
  if (p.z) return PyErr_Format(PyExc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
  if (p.alternate) return PyErr_Format(PyExc_ValueError, "Alternate form (#) not allowed in string format specifier");
  if (p.align === "=") return PyErr_Format(PyExc_ValueError, "'=' alignment not allowed in string format specifier");
  let v = s;
  let len = -1;
  if (p.precision >= 0) {
    if (isBmpOnly(self as PyUnicodeObject)) { v = v.slice(0, p.precision); len = v.length; }
    else { const c = codePoints(v).slice(0, p.precision); v = c.map(fromCodePoint).join(""); len = c.length; }
  }
  if (len < 0) len = PyUnicode_GetLength(self as PyUnicodeObject);
  if (p.width > len) {
    const pad = p.width - len;
    if (p.align === ">") v = p.fill.repeat(pad) + v;
    else if (p.align === "^") { const l = pad >> 1; v = p.fill.repeat(l) + v + p.fill.repeat(pad - l); }
    else v = v + p.fill.repeat(pad);
  }
  return PyUnicode_FromString(v);
}


function unicode_expandtabs(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [ts] = parseArgs("expandtabs", args, kwnames, ["tabsize"], 0, 1);
  const tab = ts === undefined ? 8 : ssizeArg(ts, true);
  let col = 0;
  let out = "";
  for (const ch of (self as PyUnicodeObject).value) {
    if (ch === "\t") {
      if (tab > 0) { const n = tab - (col % tab); out += " ".repeat(n); col += n; }
    } else { out += ch; col = ch === "\n" || ch === "\r" ? 0 : col + 1; }
  }
  return PyUnicode_FromString(out);
}

/** str.maketrans(x[, y[, z]]) (unicode_maketrans_impl). */
function unicode_maketrans(_self: PyVal | null, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  if (kwnames !== null && kwnames.length > 0) return PyErr_Format(PyExc_TypeError, "str.maketrans() takes no keyword arguments");
  const [x, y, z] = unpackArgs("maketrans", args, 1, 3);
  const table = PyDict_New();
  if (y !== undefined) {
    if (!PyUnicode_Check(y)) return PyErr_Format(PyExc_TypeError, `maketrans() argument 2 must be str, not ${Py_TYPE(y).tp_name}`);
    if (z !== undefined && !PyUnicode_Check(z)) {
      return PyErr_Format(PyExc_TypeError, `maketrans() argument 3 must be str, not ${Py_TYPE(z).tp_name}`);
    }
    if (!PyUnicode_Check(x!)) {
      return PyErr_Format(PyExc_TypeError, "first maketrans argument must be a string if there is a second argument");
    }
    const xs = codePoints(x.value), ys = codePoints(y.value);
    if (xs.length !== ys.length) {
      return PyErr_Format(PyExc_ValueError, "the first two maketrans arguments must have equal length");
    }
    for (let i = 0; i < xs.length; i++) PyDict_SetItem(table, xs[i], ys[i]);
    if (z !== undefined) for (const c of codePoints((z as PyUnicodeObject).value)) PyDict_SetItem(table, c, Py_None);
    return table;
  }
  if (!PyDict_CheckExact(x!)) return PyErr_Format(PyExc_TypeError, "if you give only one argument to maketrans it must be a dict");
  for (const [k, v] of PyDict_Items(x)) {
    if (PyUnicode_Check(k)) {
      const c = codePoints(k.value);
      if (c.length !== 1) return PyErr_Format(PyExc_ValueError, "string keys in translate table must be of length 1");
      PyDict_SetItem(table, c[0], v);
    } else if (typeof k === "number" || k instanceof PyLongObject) {
      PyDict_SetItem(table, k, v);
    } else {
      return PyErr_Format(PyExc_TypeError, "keys in translate table must be strings or integers");
    }
  }
  return table;
}
export function _PyUnicode_InstallMaketrans(f: (args: PyVal[]) => PyVal): void {
  void f;
}

/** str.translate(table) (_PyUnicode_TranslateCharmap): a missing key (LookupError) keeps the character. */
function unicode_translate(self: PyVal, table: PyVal): PyVal {
  let out = "";
  const cache = new Map<number, string | null>();
  for (const ch of (self as PyUnicodeObject).value) {
    const cp = ch.codePointAt(0)!;
    let rep = cache.get(cp);
    if (rep === undefined) {
      let r: PyVal;
      try {
        r = PyObject_GetItem(table, cp);
      } catch (e) {
        if (e instanceof PyObject && PyType_IsSubtype(Py_TYPE(e), PyExc_LookupError)) { rep = ch; cache.set(cp, rep); out += rep; continue; }
        throw e;
      }
      if (r === Py_None) rep = null;
      else if (typeof r === "number" || r instanceof PyLongObject) {
        const v = typeof r === "number" ? r : r.big !== null ? -1 : r.ival;
        if (v < 0 || v > 0x10ffff) return PyErr_Format(PyExc_ValueError, "character mapping must be in range(0x110000)");
        rep = String.fromCodePoint(v);
      } else if (PyUnicode_Check(r)) rep = r.value;
      else return PyErr_Format(PyExc_TypeError, "character mapping must return integer, None or str");
      cache.set(cp, rep);
    }
    if (rep !== null) out += rep;
  }
  return PyUnicode_FromString(out);
}

function unicode_removeprefix(self: PyVal, p: PyVal): PyVal {
  const s = (self as PyUnicodeObject).value, x = asStr(p, "removeprefix() argument");
  return PyUnicode_FromString(s.startsWith(x) ? s.slice(x.length) : s);
}
function unicode_removesuffix(self: PyVal, p: PyVal): PyVal {
  const s = (self as PyUnicodeObject).value, x = asStr(p, "removesuffix() argument");
  return PyUnicode_FromString(x.length && s.endsWith(x) ? s.slice(0, s.length - x.length) : s);
}

function unicode_getnewargs(self: PyVal): PyVal {
  return PyTuple_New([PyUnicode_FromString((self as PyUnicodeObject).value)]);
}

function unicode_sizeof(self: PyVal): PyVal {
  const u = self as PyUnicodeObject;
  const cps = codePoints(u.value);
  const max = cps.reduce((m, c) => Math.max(m, c), 0);
  if (max < 0x80) return 41 + cps.length;
  if (max < 0x100) return 57 + cps.length;
  if (max < 0x10000) return 58 + 2 * cps.length;
  return 60 + 4 * cps.length;
}

// printf-style formatting (PyUnicode_Format): str % args.
function unicode_mod(a: PyVal, b: PyVal): PyVal {
  if (!PyUnicode_Check(a)) return Py_NotImplemented;
  return PyUnicode_FromString(PyUnicode_Format(a.value, b));
}

export function PyUnicode_Format(fmt: string, args: PyVal): string {
  // The argument cursor of unicode_format_arg (CPython's ctx->args/arglen/argidx): a tuple is consumed item by
  // item; any other object is the single argument; a %(key) makes the mapping's value the current argument.
  let cur: PyVal = args;
  let arglen: number, argidx: number;
  let dict: PyVal | null = null;
  if (args instanceof PyTupleObject) { arglen = args.ob_item.length; argidx = 0; }
  else { arglen = -1; argidx = -2; }
  if (!(args instanceof PyTupleObject) && !PyUnicode_Check(args) && Py_TYPE(args).mp_subscript !== null) dict = args;
  const nextArg = (): PyVal => {
    if (argidx < arglen) {
      const k = argidx++;
      return arglen < 0 ? cur : (cur as PyTupleObject).ob_item[k];
    }
    return PyErr_Format(PyExc_TypeError, "not enough arguments for format string");
  };
  let out = "";
  let i = 0;
  const n = fmt.length;
  while (i < n) {
    const c = fmt[i];
    if (c !== "%") {
      const j = fmt.indexOf("%", i);
      const end = j < 0 ? n : j;
      out += fmt.slice(i, end);
      i = end;
      continue;
    }
    i++;
    if (i >= n) return PyErr_Format(PyExc_ValueError, "incomplete format");
    // Only "%%" itself is a literal percent; a '%' conversion after a key, flags, width or precision takes an
    // argument and is then an unsupported format character (unicode_format_arg).
    if (fmt[i] === "%") { out += "%"; i++; continue; }
    let arg: PyVal | null = null;
    if (fmt[i] === "(") {
      if (dict === null) return PyErr_Format(PyExc_TypeError, "format requires a mapping");
      let depth = 1;
      const start = ++i;
      while (i < n && depth > 0) { if (fmt[i] === "(") depth++; else if (fmt[i] === ")") depth--; i++; }
      if (depth > 0) return PyErr_Format(PyExc_ValueError, "incomplete format key");
      cur = PyObject_GetItem(dict, PyUnicode_FromString(fmt.slice(start, i - 1)));
      arglen = -1;
      argidx = -2;
    }
    let flags = "";
    while (i < n && "-+ #0".includes(fmt[i])) flags += fmt[i++];
    let width = -1;
    if (fmt[i] === "*") {
      i++;
      width = _PyFormat_StarArg(nextArg(), false);
      if (width < 0) { flags += "-"; width = -width; }
    } else {
      let w = "";
      while (i < n && fmt[i] >= "0" && fmt[i] <= "9") w += fmt[i++];
      if (w) width = Number(w);
      if (width > 9223372036854775807) return PyErr_Format(PyExc_ValueError, "width too big");
    }
    let prec = -1;
    if (fmt[i] === ".") {
      i++;
      if (fmt[i] === "*") {
        i++;
        prec = Math.max(0, _PyFormat_StarArg(nextArg(), true));
      } else {
        let p = "";
        while (i < n && fmt[i] >= "0" && fmt[i] <= "9") p += fmt[i++];
        prec = p ? Number(p) : 0;
        // The precision is a C int (unicode_format_arg_parse).
        if (prec > 2147483647) return PyErr_Format(PyExc_ValueError, "precision too big");
      }
    }
    while (i < n && "hlL".includes(fmt[i])) i++;
    if (i >= n) return PyErr_Format(PyExc_ValueError, "incomplete format");
    const conv = fmt[i++];
    if (arg === null) arg = nextArg();
    let s: string;
    let numeric = false;
    switch (conv) {
      case "s": s = PyObject_Str(arg).value; if (prec >= 0) s = codePoints(s).slice(0, prec).map(fromCodePoint).join(""); break;
      case "r": s = PyObject_Repr(arg).value; if (prec >= 0) s = codePoints(s).slice(0, prec).map(fromCodePoint).join(""); break;
      case "a": s = PyObject_ASCII(arg).value; if (prec >= 0) s = s.slice(0, prec); break;
      case "d": case "i": case "u": case "x": case "X": case "o": {
        numeric = true;
        let v: PyVal = arg;
        if (v instanceof PyFloatObject) {
          if (conv === "d" || conv === "i" || conv === "u") v = float_int_value(v.ob_fval);
          else return PyErr_Format(PyExc_TypeError, `%${conv} format: an integer is required, not float`);
        } else if (typeof v !== "number" && !(v instanceof PyLongObject)) {
          if (Py_TYPE(v).nb_index !== null || ((conv === "d" || conv === "i" || conv === "u") && Py_TYPE(v).nb_int !== null)) {
            v = Py_TYPE(v).nb_index !== null ? PyNumber_Index(v) : Py_TYPE(v).nb_int!(v);
          } else {
            const what = conv === "d" || conv === "i" || conv === "u" ? "a real number is required" : "an integer is required";
            return PyErr_Format(PyExc_TypeError, `%${conv} format: ${what}, not ${Py_TYPE(v).tp_name}`);
          }
        }
        // _PyUnicode_FormatLong's limit, before any digit is made.
        if (prec > 2147483647 - 3) return PyErr_Format(PyExc_OverflowError, "precision too large");
        const spec = `${flags.includes("+") ? "+" : flags.includes(" ") ? " " : ""}${flags.includes("#") ? "#" : ""}${conv === "i" || conv === "u" ? "d" : conv}`;
        s = formatLongValue(v, parseFormatSpec(spec, "d"));
        if (prec >= 0) {
          const neg = s[0] === "-" || s[0] === "+" || s[0] === " ";
          const sign = neg ? s[0] : "";
          let body = neg ? s.slice(1) : s;
          let pfx = "";
          if (flags.includes("#") && (conv === "x" || conv === "X" || conv === "o")) { pfx = body.slice(0, 2); body = body.slice(2); }
          s = sign + pfx + body.padStart(prec, "0");
        }
        break;
      }
      case "e": case "E": case "f": case "F": case "g": case "G": {
        numeric = true;
        const x = PyFloat_AsDouble(arg, true);
        const spec = `${flags.includes("+") ? "+" : flags.includes(" ") ? " " : ""}${flags.includes("#") ? "#" : ""}.${prec < 0 ? 6 : prec}${conv}`;
        s = formatFloatValue(x, parseFormatSpec(spec, "g"));
        break;
      }
      case "c": {
        if (typeof arg === "number") {
          if (arg < 0 || arg > 0x10ffff) return PyErr_Format(PyExc_OverflowError, "%c arg not in range(0x110000)");
          s = String.fromCodePoint(arg);
        } else if (PyUnicode_Check(arg) && PyUnicode_GetLength(arg) === 1) s = arg.value;
        else if (arg instanceof PyLongObject) {
          const v = arg.big !== null ? -1 : arg.ival;
          if (v < 0 || v > 0x10ffff) return PyErr_Format(PyExc_OverflowError, "%c arg not in range(0x110000)");
          s = String.fromCodePoint(v);
        } else if (Py_TYPE(arg).nb_index !== null && !PyUnicode_Check(arg)) {
          const v = PyNumber_Index(arg);
          if (typeof v !== "number" || v < 0 || v > 0x10ffff) return PyErr_Format(PyExc_OverflowError, "%c arg not in range(0x110000)");
          s = String.fromCodePoint(v);
        } else return PyErr_Format(PyExc_TypeError, "%c requires int or char");
        break;
      }
      default:
        return PyErr_Format(PyExc_ValueError,
          `unsupported format character '${conv >= " " && conv <= "~" ? conv : "?"}' (0x${conv.codePointAt(0)!.toString(16)}) at index ${i - 1}`);
    }
    const len = codePoints(s).length;
    if (width > len) {
      if (flags.includes("-")) s = s + " ".repeat(width - len);
      else if (flags.includes("0") && numeric) {
        const signed = s[0] === "-" || s[0] === "+" || s[0] === " ";
        let head = signed ? s[0] : "";
        let body = signed ? s.slice(1) : s;
        if (/^0[xXob]/.test(body) && flags.includes("#")) { head += body.slice(0, 2); body = body.slice(2); }
        s = head + "0".repeat(width - len) + body;
      } else s = " ".repeat(width - len) + s;
    }
    out += s;
  }
  if (argidx < arglen && dict === null) {
    return PyErr_Format(PyExc_TypeError, "not all arguments converted during string formatting");
  }
  return out;
}

function unicode_getitem_method(self: PyVal, key: PyVal): PyVal {
  return unicode_subscript(self, key);
}





export const PyUnicode_Type_ = PyType_FromSpecStatic({
  name: "str",
  flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS,
  doc: "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nCreate a new string object from the given object. If encoding or\nerrors is specified, then the object must expose a data buffer\nthat will be decoded using the given encoding and error handler.\nOtherwise, returns the result of object.__str__() (if defined)\nor repr(object).\nencoding defaults to 'utf-8'.\nerrors defaults to 'strict'.",
  slots: {
    tp_repr: unicode_repr, tp_str: unicode_str, tp_hash: unicode_hash, tp_richcompare: unicode_richcompare,
    tp_iter: unicode_iter, tp_new: unicode_new,
    sq_length: unicode_length, sq_concat: PyUnicode_Concat, sq_repeat: unicode_repeat, sq_item: unicode_item,
    sq_contains: unicode_contains, mp_length: unicode_length, mp_subscript: unicode_subscript, nb_remainder: unicode_mod,
  },
  methods: [
    { name: "join", meth: unicode_join, flags: METH_O },
    { name: "split", meth: unicode_split, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "rsplit", meth: unicode_rsplit, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "splitlines", meth: unicode_splitlines, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "strip", meth: (s: PyVal, a: PyVal[]) => stripImpl(s, a, "strip", true, true), flags: METH_FASTCALL },
    { name: "lstrip", meth: (s: PyVal, a: PyVal[]) => stripImpl(s, a, "lstrip", true, false), flags: METH_FASTCALL },
    { name: "rstrip", meth: (s: PyVal, a: PyVal[]) => stripImpl(s, a, "rstrip", false, true), flags: METH_FASTCALL },
    { name: "find", meth: (s: PyVal, a: PyVal[]) => findImpl(s, a, "find", false, false), flags: METH_FASTCALL },
    { name: "rfind", meth: (s: PyVal, a: PyVal[]) => findImpl(s, a, "rfind", true, false), flags: METH_FASTCALL },
    { name: "index", meth: (s: PyVal, a: PyVal[]) => findImpl(s, a, "index", false, true), flags: METH_FASTCALL },
    { name: "rindex", meth: (s: PyVal, a: PyVal[]) => findImpl(s, a, "rindex", true, true), flags: METH_FASTCALL },
    { name: "count", meth: unicode_count, flags: METH_FASTCALL },
    { name: "startswith", meth: (s: PyVal, a: PyVal[]) => startsEndsWith(s, a, "startswith", false), flags: METH_FASTCALL },
    { name: "endswith", meth: (s: PyVal, a: PyVal[]) => startsEndsWith(s, a, "endswith", true), flags: METH_FASTCALL },
    { name: "replace", meth: unicode_replace, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "upper", meth: (s: PyVal) => PyUnicode_FromString(str_upper((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "lower", meth: (s: PyVal) => PyUnicode_FromString(str_lower((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "casefold", meth: (s: PyVal) => PyUnicode_FromString(str_casefold((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "title", meth: (s: PyVal) => PyUnicode_FromString(str_title((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "capitalize", meth: (s: PyVal) => PyUnicode_FromString(str_capitalize((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "swapcase", meth: (s: PyVal) => PyUnicode_FromString(str_swapcase((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "isalpha", meth: (s: PyVal) => PyBool_FromLong(str_isalpha((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "isdigit", meth: (s: PyVal) => PyBool_FromLong(str_isdigit((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "isdecimal", meth: (s: PyVal) => PyBool_FromLong(str_isdecimal((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "isnumeric", meth: (s: PyVal) => PyBool_FromLong(str_isnumeric((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "isalnum", meth: (s: PyVal) => PyBool_FromLong(str_isalnum((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "isspace", meth: (s: PyVal) => PyBool_FromLong(str_isspace((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "isascii", meth: (s: PyVal) => PyBool_FromLong(/^[\x00-\x7f]*$/.test((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "islower", meth: (s: PyVal) => PyBool_FromLong(str_islower((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "isupper", meth: (s: PyVal) => PyBool_FromLong(str_isupper((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "istitle", meth: (s: PyVal) => PyBool_FromLong(str_istitle((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "isidentifier", meth: (s: PyVal) => PyBool_FromLong(unicode_isidentifier((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "isprintable", meth: (s: PyVal) => PyBool_FromLong(str_isprintable((s as PyUnicodeObject).value)), flags: METH_NOARGS },
    { name: "ljust", meth: (s: PyVal, a: PyVal[]) => padImpl(s, a, "ljust", "l"), flags: METH_FASTCALL },
    { name: "rjust", meth: (s: PyVal, a: PyVal[]) => padImpl(s, a, "rjust", "r"), flags: METH_FASTCALL },
    { name: "center", meth: (s: PyVal, a: PyVal[]) => padImpl(s, a, "center", "c"), flags: METH_FASTCALL },
    { name: "zfill", meth: unicode_zfill, flags: METH_O },
    { name: "partition", meth: (s: PyVal, a: PyVal) => partitionImpl(s, a, false), flags: METH_O },
    { name: "rpartition", meth: (s: PyVal, a: PyVal) => partitionImpl(s, a, true), flags: METH_O },
    { name: "encode", meth: unicode_encode, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "format", meth: unicode_format_method, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "format_map", meth: unicode_format_map, flags: METH_O },
    { name: "__format__", meth: unicode__format__, flags: METH_O },
    { name: "expandtabs", meth: unicode_expandtabs, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "maketrans", meth: unicode_maketrans, flags: METH_FASTCALL | METH_KEYWORDS | METH_STATIC },
    { name: "translate", meth: unicode_translate, flags: METH_O },
    { name: "removeprefix", meth: unicode_removeprefix, flags: METH_O },
    { name: "removesuffix", meth: unicode_removesuffix, flags: METH_O },
    { name: "__getnewargs__", meth: unicode_getnewargs, flags: METH_NOARGS },
    { name: "__sizeof__", meth: unicode_sizeof, flags: METH_NOARGS },
  ],
}, PyUnicode_Type);

/** str.isidentifier with an ASCII fast path (importlib, dataclasses, enum and typing call it on ASCII names); an
 *  ASCII character that is not a letter, '_' or (after the first) a digit fails whatever follows it, and the first
 *  non-ASCII character hands the whole string to the XID_Start/XID_Continue tables. */
export function unicode_isidentifier(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return str_isidentifier(s);
    if (c === 0x5f || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) continue;
    if (c >= 0x30 && c <= 0x39 && i > 0) continue;
    return false;
  }
  return true;
}
