// The _codecs module (Modules/_codecsmodule.c, Python/codecs.c): the codec registry (lookup through registered
// search functions, importing the encodings package first), error-handler registry with the standard handlers, and
// the native codecs encodings/*.py wrap: UTF-8, Latin-1, ASCII, UTF-16/32 (with BOM), unicode_escape,
// raw_unicode_escape, escape_*, charmap. See docs/imports.md.
import {
  Py_None, Py_TYPE, PyTypeObject, METH_O, METH_FASTCALL, PyUnicodeObject, type PyVal,
} from "../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check, codePoints } from "../objects/unicodeobject.js";
import { PyBytes_FromArray, PyBytesObject } from "../objects/bytesobject.js";
import { PyTuple_New, PyTuple_Check, PyTupleObject } from "../objects/tupleobject.js";
import { PyDict_New, PyDict_SetItem, PyDict_GetItem, PyDictObject } from "../objects/dictobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyLong_Check, longValue } from "../objects/longobject.js";
import { PyExc_TypeError, PyExc_LookupError, PyExc_UnicodeEncodeError, PyExc_UnicodeDecodeError,
  PyExc_UnicodeTranslateError, PyExc_ValueError, PyUnicodeErrorObject, PyBaseExceptionObject } from "../objects/exceptions.js";
import { PyObject_Vectorcall, PyObject_IsTrue, PyType_IsSubtype, PyObject_GetItem, PyObject_RichCompareBool } from "../objects/abstract.js";
import { Py_EQ } from "../objects/object.js";
import { PyErr_Format, PyErr_SetObject, _PyErr_CreateException, _PyErr_ChainContext } from "../runtime/errors.js";
import { unpackArgs } from "../runtime/getargs.js";
import { nativeFunction } from "../objects/methodobject.js";
import type { PyModuleDef } from "./moduledef.js";
import { PyObject_GetBufferData } from "../objects/memoryobject.js";
import { encodeText, decodeBytesNative } from "./_io/codec.js";
import { _PyCodec_Encode, _PyCodec_DecodeStateful, decodeUTF16, decodeUTF32, _PyCodec_InstallRegistry, _PyCodec_InstallErrorLookup,
  PyUnicode_DecodeCharmap, PyUnicode_EncodeCharmap, PyUnicode_BuildEncodingMap, type CodecName } from "../objects/unicodecodecs.js";
import { PyImport_ImportModule } from "../runtime/import.js";
import { _PyGC_AddRoot } from "../runtime/gc.js";

// ---- registry ----

const searchFunctions: PyVal[] = [];
const cache = new Map<string, PyVal>();
let encodingsImported = false;

/** normalizestring (Python/codecs.c): lower case, spaces to hyphens. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/ /g, "-");
}

export function _PyCodecRegistry_Lookup(encoding: string): PyVal {
  if (!encodingsImported) {
    encodingsImported = true;
    PyImport_ImportModule("encodings");
  }
  const key = normalize(encoding);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  for (const f of searchFunctions) {
    const r = PyObject_Vectorcall(f, [PyUnicode_FromString(key)], null);
    if (r === Py_None) continue;
    if (!PyTuple_Check(r) || r.ob_item.length !== 4 && !(r.ob_item.length >= 4)) {
      return PyErr_Format(PyExc_TypeError, "codec search functions must return 4-tuples");
    }
    cache.set(key, r);
    return r;
  }
  return PyErr_Format(PyExc_LookupError, `unknown encoding: ${encoding}`);
}

function strArg(v: PyVal | undefined, fname: string, n: number, dflt: string): string {
  if (v === undefined || v === Py_None) return dflt;
  if (!PyUnicode_Check(v)) return PyErr_Format(PyExc_TypeError, `${fname}() argument ${n} must be str, not ${Py_TYPE(v).tp_name}`);
  return v.value;
}

function codec_encode_decode(args: PyVal[], which: 0 | 1): PyVal {
  const fname = which === 0 ? "encode" : "decode";
  const [obj, enc, err] = unpackArgs(fname, args, 1, 3);
  const info = _PyCodecRegistry_Lookup(strArg(enc, fname, 2, "utf-8")) as PyTupleObject;
  const r = PyObject_Vectorcall(info.ob_item[which], [obj!, PyUnicode_FromString(strArg(err, fname, 3, "strict"))], null);
  if (!PyTuple_Check(r) || r.ob_item.length !== 2) {
    return PyErr_Format(PyExc_TypeError, `${which === 0 ? "encoder" : "decoder"} must return a tuple (object, integer)`);
  }
  return r.ob_item[0];
}

// ---- error handlers ----

const errorHandlers = new Map<string, PyVal>();
_PyGC_AddRoot("codecs registry", () => [searchFunctions, cache, errorHandlers]);

function excInfo(exc: PyVal): PyUnicodeErrorObject {
  if (!(exc instanceof PyUnicodeErrorObject)) {
    return PyErr_Format(PyExc_TypeError, `don't know how to handle ${Py_TYPE(exc).tp_name} in error callback`);
  }
  return exc;
}

function isEncode(e: PyVal): boolean {
  return PyType_IsSubtype(Py_TYPE(e), PyExc_UnicodeEncodeError);
}
function isDecode(e: PyVal): boolean {
  return PyType_IsSubtype(Py_TYPE(e), PyExc_UnicodeDecodeError);
}

function objText(e: PyUnicodeErrorObject): number[] {
  return codePoints((e.object as PyUnicodeObject).value);
}

function hex(n: number, w: number): string {
  return n.toString(16).padStart(w, "0");
}

function backslash(cp: number): string {
  return cp < 0x100 ? `\\x${hex(cp, 2)}` : cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
}

const STANDARD_HANDLERS: Record<string, (exc: PyVal) => PyVal> = {
  strict: (exc) => {
    if (exc instanceof PyBaseExceptionObject) {
      _PyErr_ChainContext(exc);
      throw exc;
    }
    return PyErr_Format(PyExc_TypeError, "codec must pass exception instance");
  },
  ignore: (exc) => PyTuple_New([PyUnicode_FromString(""), excInfo(exc).end]),
  replace: (exc) => {
    const e = excInfo(exc);
    const n = Number(longValue(e.end)) - Number(longValue(e.start));
    const r = isDecode(e) ? "\ufffd" : isEncode(e) ? "?".repeat(n) : "\ufffd".repeat(n);
    return PyTuple_New([PyUnicode_FromString(r), e.end]);
  },
  backslashreplace: (exc) => {
    const e = excInfo(exc);
    const s = Number(longValue(e.start)), end = Number(longValue(e.end));
    let r = "";
    if (isDecode(e)) {
      const b = (e.object as PyBytesObject).ob_bytes;
      for (let i = s; i < end; i++) r += `\\x${hex(b[i], 2)}`;
    } else {
      const cps = objText(e);
      for (let i = s; i < end; i++) r += backslash(cps[i]);
    }
    return PyTuple_New([PyUnicode_FromString(r), e.end]);
  },
  xmlcharrefreplace: (exc) => {
    const e = excInfo(exc);
    if (!isEncode(e)) return PyErr_Format(PyExc_TypeError, `don't know how to handle ${Py_TYPE(e).tp_name} in error callback`);
    const cps = objText(e);
    let r = "";
    for (let i = Number(longValue(e.start)); i < Number(longValue(e.end)); i++) r += `&#${cps[i]};`;
    return PyTuple_New([PyUnicode_FromString(r), e.end]);
  },
  namereplace: (exc) => {
    const e = excInfo(exc);
    if (!isEncode(e)) return PyErr_Format(PyExc_TypeError, `don't know how to handle ${Py_TYPE(e).tp_name} in error callback`);
    const cps = objText(e);
    let r = "";
    for (let i = Number(longValue(e.start)); i < Number(longValue(e.end)); i++) r += backslash(cps[i]);
    return PyTuple_New([PyUnicode_FromString(r), e.end]);
  },
  surrogateescape: (exc) => {
    const e = excInfo(exc);
    const s = Number(longValue(e.start)), end = Number(longValue(e.end));
    if (isDecode(e)) {
      const b = (e.object as PyBytesObject).ob_bytes;
      let r = "";
      for (let i = s; i < end && i < s + 4; i++) {
        if (b[i] < 128) return STANDARD_HANDLERS.strict(exc);
        r += String.fromCharCode(0xdc00 + b[i]);
      }
      return PyTuple_New([PyUnicode_FromString(r), Math.min(end, s + 4)]);
    }
    if (isEncode(e)) {
      const cps = objText(e);
      const out: number[] = [];
      for (let i = s; i < end; i++) {
        if (cps[i] < 0xdc80 || cps[i] > 0xdcff) return STANDARD_HANDLERS.strict(exc);
        out.push(cps[i] - 0xdc00);
      }
      return PyTuple_New([PyBytes_FromArray(Uint8Array.from(out)), e.end]);
    }
    return STANDARD_HANDLERS.strict(exc);
  },
  surrogatepass: (exc) => {
    const e = excInfo(exc);
    if (isEncode(e)) {
      const cps = objText(e);
      const out: number[] = [];
      for (let i = Number(longValue(e.start)); i < Number(longValue(e.end)); i++) {
        const c = cps[i];
        if (c < 0xd800 || c > 0xdfff) return STANDARD_HANDLERS.strict(exc);
        out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      }
      return PyTuple_New([PyBytes_FromArray(Uint8Array.from(out)), e.end]);
    }
    if (isDecode(e)) {
      const b = (e.object as PyBytesObject).ob_bytes;
      const s = Number(longValue(e.start));
      if (s + 2 < b.length && (b[s] & 0xf0) === 0xe0 && (b[s + 1] & 0xc0) === 0x80 && (b[s + 2] & 0xc0) === 0x80) {
        const c = ((b[s] & 0x0f) << 12) | ((b[s + 1] & 0x3f) << 6) | (b[s + 2] & 0x3f);
        if (c >= 0xd800 && c <= 0xdfff) return PyTuple_New([PyUnicode_FromString(String.fromCharCode(c)), s + 3]);
      }
    }
    return STANDARD_HANDLERS.strict(exc);
  },
};

const STANDARD_NAMES: Record<string, string> = {
  strict: "strict_errors", ignore: "ignore_errors", replace: "replace_errors",
  backslashreplace: "backslashreplace_errors", xmlcharrefreplace: "xmlcharrefreplace_errors",
  namereplace: "namereplace_errors", surrogateescape: "surrogateescape", surrogatepass: "surrogatepass",
};

function lookupError(name: string): PyVal {
  let h = errorHandlers.get(name);
  if (h === undefined && name in STANDARD_HANDLERS) {
    h = nativeFunction(STANDARD_NAMES[name], (_s: PyVal, e: PyVal) => STANDARD_HANDLERS[name](e), METH_O);
    errorHandlers.set(name, h);
  }
  if (h === undefined) return PyErr_Format(PyExc_LookupError, `unknown error handler name '${name}'`);
  return h;
}

// ---- codec functions: (str|bytes, errors=None[, final]) -> (result, consumed) ----

function dataArg(v: PyVal, fname: string): Uint8Array {
  if (v instanceof PyBytesObject) return v.ob_bytes;
  const b = PyObject_GetBufferData(v);
  if (b !== null) return b;
  return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
  void fname;
}

function textArg(v: PyVal, fname: string): string {
  if (!PyUnicode_Check(v)) return PyErr_Format(PyExc_TypeError, `${fname}() argument 1 must be str, not ${Py_TYPE(v).tp_name}`);
  return v.value;
}

function errorsArg(v: PyVal | undefined, fname: string): string {
  return strArg(v, fname, 2, "strict");
}

/** A built-in codec's encoder as codecs.X_encode(str, errors=None) -> (bytes, length consumed). */
function builtinEncode(c: CodecName, fname: string) {
  return (_m: PyVal, args: PyVal[]): PyVal => {
    const [s, e] = unpackArgs(fname, args, 1, 2);
    textArg(s!, fname);
    const str = s as PyUnicodeObject;
    return PyTuple_New([PyBytes_FromArray(_PyCodec_Encode(c, str, errorsArg(e, fname))), codePoints(str.value).length]);
  };
}

/** A built-in codec's decoder as codecs.X_decode(data, errors=None, final=False) -> (str, bytes consumed). */
function builtinDecode(c: CodecName, fname: string, finalDefault = false) {
  return (_m: PyVal, args: PyVal[]): PyVal => {
    const [d, e, f] = unpackArgs(fname, args, 1, 3);
    const b = dataArg(d!, fname);
    const final = f === undefined ? finalDefault : PyObject_IsTrue(f);
    const obj = d instanceof PyBytesObject ? d : PyBytes_FromArray(b.slice());
    const [text, used] = _PyCodec_DecodeStateful(c, b, errorsArg(e, fname), obj, final);
    return PyTuple_New([PyUnicode_FromString(text), used]);
  };
}

/** utf_16_encode(str, errors=None, byteorder=0): a BOM and little-endian for 0 (native order). */
function utfEncode(bits: 16 | 32) {
  const fname = `utf_${bits}_encode`;
  return (_m: PyVal, args: PyVal[]): PyVal => {
    const [s, e, bo] = unpackArgs(fname, args, 1, 3);
    textArg(s!, fname);
    const order = bo === undefined ? 0 : Number(longValue(bo));
    const c: CodecName = order === 0 ? (bits === 16 ? "utf_16" : "utf_32") : order < 0 ? (bits === 16 ? "utf_16_le" : "utf_32_le")
      : (bits === 16 ? "utf_16_be" : "utf_32_be");
    const str = s as PyUnicodeObject;
    return PyTuple_New([PyBytes_FromArray(_PyCodec_Encode(c, str, errorsArg(e, fname))), codePoints(str.value).length]);
  };
}

/** utf_16_ex_decode(data, errors=None, byteorder=0, final=False) -> (str, consumed, byteorder). */
function utfExDecode(bits: 16 | 32) {
  const fname = `utf_${bits}_ex_decode`;
  return (_m: PyVal, args: PyVal[]): PyVal => {
    const [d, e, bo, f] = unpackArgs(fname, args, 1, 4);
    const b = dataArg(d!, fname);
    const obj = d instanceof PyBytesObject ? d : PyBytes_FromArray(b.slice());
    const order = bo === undefined ? 0 : Number(longValue(bo));
    const final = f !== undefined && PyObject_IsTrue(f);
    const [text, used, border] = (bits === 16 ? decodeUTF16 : decodeUTF32)(b, errorsArg(e, fname), obj, order, final);
    return PyTuple_New([PyUnicode_FromString(text), used, border]);
  };
}

// escape_decode (bytes escapes) and charmap

function decodeError(enc: string, b: Uint8Array, start: number, end: number, reason: string): never {
  const e = _PyErr_CreateException(PyExc_UnicodeDecodeError, [PyUnicode_FromString(enc), PyBytes_FromArray(b), start, end, PyUnicode_FromString(reason)]);
  _PyErr_ChainContext(e);
  throw e;
}

function unicodeEscapeDecode(b: Uint8Array, raw: boolean, errors: string, enc: string, final: boolean): [string, number] {
  let s = "";
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c !== 0x5c) { s += String.fromCharCode(c); i++; continue; }
    if (i + 1 >= b.length) {
      if (!final) break;
      if (raw) { s += "\\"; i++; continue; }
      if (errors === "strict") decodeError(enc, b, i, b.length, "\\ at end of string");
      s += "\ufffd"; i = b.length; break;
    }
    const d = String.fromCharCode(b[i + 1]);
    const hexLen = d === "x" && !raw ? 2 : d === "u" ? 4 : d === "U" ? 8 : 0;
    if (hexLen > 0) {
      const digits = String.fromCharCode(...b.subarray(i + 2, i + 2 + hexLen));
      if (digits.length < hexLen && !final) break;
      if (digits.length === hexLen && /^[0-9a-fA-F]+$/.test(digits)) {
        const cp = parseInt(digits, 16);
        if (cp > 0x10ffff) {
          if (errors === "strict") decodeError(enc, b, i, i + 2 + hexLen, raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character");
          s += "\ufffd";
        } else s += String.fromCodePoint(cp);
        i += 2 + hexLen;
        continue;
      }
      if (errors === "strict") {
        const msg = d === "x" ? "truncated \\xXX escape" : d === "u" ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        let end = i + 2;
        while (end < b.length && end < i + 2 + hexLen && /[0-9a-fA-F]/.test(String.fromCharCode(b[end]))) end++;
        decodeError(enc, b, i, end, msg);
      }
      s += "\ufffd";
      i += 2;
      continue;
    }
    if (raw) { s += "\\"; i++; continue; }
    const simple: Record<string, string> = { "\n": "", "\\": "\\", "'": "'", "\"": "\"", a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };
    if (d in simple) { s += simple[d]; i += 2; continue; }
    if (d >= "0" && d <= "7") {
      let j = i + 1, v = 0;
      while (j < b.length && j < i + 4 && b[j] >= 0x30 && b[j] <= 0x37) { v = v * 8 + (b[j] - 0x30); j++; }
      s += String.fromCodePoint(v);
      i = j;
      continue;
    }
    if (d === "N") {
      const close = b.indexOf(0x7d, i + 2);
      if (b[i + 2] === 0x7b && close > 0) {
        const nameText = String.fromCharCode(...b.subarray(i + 3, close));
        const cp = lookupName(nameText);
        if (cp >= 0) { s += String.fromCodePoint(cp); i = close + 1; continue; }
      }
      if (errors === "strict") decodeError(enc, b, i, close > 0 ? close + 1 : b.length, "malformed \\N character escape");
      s += "\ufffd";
      i = close > 0 ? close + 1 : b.length;
      continue;
    }
    s += "\\" + d;
    i += 2;
  }
  return [s, i];
}

let lookupName: (name: string) => number = () => -1;
export function _PyCodecs_InstallNameLookup(f: (name: string) => number): void {
  lookupName = f;
}

// charmap

function charmap_decode(_m: PyVal, args: PyVal[]): PyVal {
  const [d, e, mapping] = unpackArgs("charmap_decode", args, 1, 3);
  const b = dataArg(d!, "charmap_decode");
  const errors = errorsArg(e, "charmap_decode");
  const obj = d instanceof PyBytesObject ? d : PyBytes_FromArray(b.slice());
  if (mapping === undefined || mapping === Py_None) {
    return PyTuple_New([PyUnicode_FromString(_PyCodec_DecodeStateful("latin_1", b, errors, obj, true)[0]), b.length]);
  }
  return PyTuple_New([PyUnicode_FromString(PyUnicode_DecodeCharmap(b, errors, mapping, obj)), b.length]);
}

function charmap_encode(_m: PyVal, args: PyVal[]): PyVal {
  const [str, e, mapping] = unpackArgs("charmap_encode", args, 1, 3);
  textArg(str!, "charmap_encode");
  const s = str as PyUnicodeObject;
  const errors = errorsArg(e, "charmap_encode");
  const out = mapping === undefined || mapping === Py_None ? _PyCodec_Encode("latin_1", s, errors) : PyUnicode_EncodeCharmap(s, errors, mapping);
  return PyTuple_New([PyBytes_FromArray(out), codePoints(s.value).length]);
}

function charmap_build(_m: PyVal, table: PyVal): PyVal {
  textArg(table, "charmap_build");
  return PyUnicode_BuildEncodingMap(table as PyUnicodeObject);
}

function escape_decode(_m: PyVal, args: PyVal[]): PyVal {
  const [d, e] = unpackArgs("escape_decode", args, 1, 2);
  const b = PyUnicode_Check(d!) ? encodeText(d.value, "utf-8", "strict") : dataArg(d!, "escape_decode");
  const [s] = unicodeEscapeDecode(b, false, errorsArg(e, "escape_decode"), "unicode_escape", true);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return PyErr_Format(PyExc_ValueError, "invalid \\x escape");
    out[i] = c;
  }
  return PyTuple_New([PyBytes_FromArray(out), b.length]);
}

function escape_encode(_m: PyVal, args: PyVal[]): PyVal {
  const [d] = unpackArgs("escape_encode", args, 1, 2);
  const b = (d as PyBytesObject).ob_bytes;
  let out = "";
  for (const c of b) {
    if (c === 0x5c) out += "\\\\";
    else if (c === 0x27) out += "\\'";
    else if (c === 9) out += "\\t";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += `\\x${hex(c, 2)}`;
    else out += String.fromCharCode(c);
  }
  const r = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) r[i] = out.charCodeAt(i);
  return PyTuple_New([PyBytes_FromArray(r), b.length]);
}

export const codecsmodule: PyModuleDef = {
  m_name: "_codecs",
  m_methods: [
    { name: "register", meth: (_m: PyVal, f: PyVal) => {
      if (Py_TYPE(f).tp_call === null) return PyErr_Format(PyExc_TypeError, "argument must be callable");
      searchFunctions.push(f);
      return Py_None;
    }, flags: METH_O },
    { name: "unregister", meth: (_m: PyVal, f: PyVal) => {
      const i = searchFunctions.findIndex((x) => x === f || PyObject_RichCompareBool(x, f, Py_EQ));
      if (i >= 0) { searchFunctions.splice(i, 1); cache.clear(); }
      return Py_None;
    }, flags: METH_O },
    { name: "lookup", meth: (_m: PyVal, e: PyVal) => _PyCodecRegistry_Lookup(textArg(e, "lookup")), flags: METH_O },
    { name: "encode", meth: (_m: PyVal, a: PyVal[]) => codec_encode_decode(a, 0), flags: METH_FASTCALL },
    { name: "decode", meth: (_m: PyVal, a: PyVal[]) => codec_encode_decode(a, 1), flags: METH_FASTCALL },
    { name: "register_error", meth: (_m: PyVal, a: PyVal[]) => {
      const [n, h] = unpackArgs("register_error", a, 2, 2);
      if (Py_TYPE(h!).tp_call === null) return PyErr_Format(PyExc_TypeError, "handler must be callable");
      errorHandlers.set(textArg(n!, "register_error"), h!);
      return Py_None;
    }, flags: METH_FASTCALL },
    { name: "lookup_error", meth: (_m: PyVal, n: PyVal) => lookupError(textArg(n, "lookup_error")), flags: METH_O },
    { name: "_forget_codec", meth: (_m: PyVal, e: PyVal) => { cache.delete(normalize(textArg(e, "_forget_codec"))); return Py_None; }, flags: METH_O },
    { name: "utf_8_encode", meth: builtinEncode("utf_8", "utf_8_encode"), flags: METH_FASTCALL },
    { name: "utf_8_decode", meth: builtinDecode("utf_8", "utf_8_decode"), flags: METH_FASTCALL },
    { name: "latin_1_encode", meth: builtinEncode("latin_1", "latin_1_encode"), flags: METH_FASTCALL },
    { name: "latin_1_decode", meth: builtinDecode("latin_1", "latin_1_decode"), flags: METH_FASTCALL },
    { name: "ascii_encode", meth: builtinEncode("ascii", "ascii_encode"), flags: METH_FASTCALL },
    { name: "ascii_decode", meth: builtinDecode("ascii", "ascii_decode"), flags: METH_FASTCALL },
    { name: "utf_16_encode", meth: utfEncode(16), flags: METH_FASTCALL },
    { name: "utf_16_le_encode", meth: builtinEncode("utf_16_le", "utf_16_le_encode"), flags: METH_FASTCALL },
    { name: "utf_16_be_encode", meth: builtinEncode("utf_16_be", "utf_16_be_encode"), flags: METH_FASTCALL },
    { name: "utf_16_decode", meth: builtinDecode("utf_16", "utf_16_decode"), flags: METH_FASTCALL },
    { name: "utf_16_le_decode", meth: builtinDecode("utf_16_le", "utf_16_le_decode"), flags: METH_FASTCALL },
    { name: "utf_16_be_decode", meth: builtinDecode("utf_16_be", "utf_16_be_decode"), flags: METH_FASTCALL },
    { name: "utf_16_ex_decode", meth: utfExDecode(16), flags: METH_FASTCALL },
    { name: "utf_32_encode", meth: utfEncode(32), flags: METH_FASTCALL },
    { name: "utf_32_le_encode", meth: builtinEncode("utf_32_le", "utf_32_le_encode"), flags: METH_FASTCALL },
    { name: "utf_32_be_encode", meth: builtinEncode("utf_32_be", "utf_32_be_encode"), flags: METH_FASTCALL },
    { name: "utf_32_decode", meth: builtinDecode("utf_32", "utf_32_decode"), flags: METH_FASTCALL },
    { name: "utf_32_le_decode", meth: builtinDecode("utf_32_le", "utf_32_le_decode"), flags: METH_FASTCALL },
    { name: "utf_32_be_decode", meth: builtinDecode("utf_32_be", "utf_32_be_decode"), flags: METH_FASTCALL },
    { name: "utf_32_ex_decode", meth: utfExDecode(32), flags: METH_FASTCALL },
    { name: "unicode_escape_encode", meth: builtinEncode("unicode_escape", "unicode_escape_encode"), flags: METH_FASTCALL },
    { name: "unicode_escape_decode", meth: builtinDecode("unicode_escape", "unicode_escape_decode", true), flags: METH_FASTCALL },
    { name: "raw_unicode_escape_encode", meth: builtinEncode("raw_unicode_escape", "raw_unicode_escape_encode"), flags: METH_FASTCALL },
    { name: "raw_unicode_escape_decode", meth: builtinDecode("raw_unicode_escape", "raw_unicode_escape_decode", true), flags: METH_FASTCALL },
    { name: "escape_encode", meth: escape_encode, flags: METH_FASTCALL },
    { name: "escape_decode", meth: escape_decode, flags: METH_FASTCALL },
    { name: "charmap_encode", meth: charmap_encode, flags: METH_FASTCALL },
    { name: "charmap_decode", meth: charmap_decode, flags: METH_FASTCALL },
    { name: "charmap_build", meth: charmap_build, flags: METH_O },
    { name: "utf_7_encode", meth: builtinEncode("utf_7", "utf_7_encode"), flags: METH_FASTCALL },
    { name: "utf_7_decode", meth: builtinDecode("utf_7", "utf_7_decode"), flags: METH_FASTCALL },
    { name: "readbuffer_encode", meth: (_m: PyVal, a: PyVal[]) => {
      const [d] = unpackArgs("readbuffer_encode", a, 1, 2);
      const b = PyUnicode_Check(d!) ? encodeText(d.value, "utf-8", "strict") : dataArg(d!, "readbuffer_encode");
      return PyTuple_New([PyBytes_FromArray(b.slice()), b.length]);
    }, flags: METH_FASTCALL },
  ],
};


/** The Python codec registry as the str/bytes codec layer's fallback for codecs it does not have built in. */
export function _PyCodecs_InstallRegistryFallback(): void {
  // Handlers from codecs.register_error serve str.encode/bytes.decode too (PyCodec_LookupError).
  _PyCodec_InstallErrorLookup((name) => errorHandlers.get(name) ?? null);
  _PyCodec_InstallRegistry({
    encode: (str, encoding, errors) => {
      const info = _PyCodecRegistry_Lookup(encoding) as PyTupleObject;
      const r = PyObject_Vectorcall(info.ob_item[0], [str, PyUnicode_FromString(errors)], null);
      if (!PyTuple_Check(r) || r.ob_item.length !== 2) return PyErr_Format(PyExc_TypeError, "encoder must return a tuple (object, integer)");
      const b = r.ob_item[0];
      if (b instanceof PyBytesObject) return b.ob_bytes;
      const data = PyObject_GetBufferData(b);
      if (data === null) {
        return PyErr_Format(PyExc_TypeError, `'${encoding}' encoder returned '${Py_TYPE(b).tp_name}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types`);
      }
      return data;
    },
    decode: (b, encoding, errors, obj) => {
      const info = _PyCodecRegistry_Lookup(encoding) as PyTupleObject;
      const arg = obj instanceof PyBytesObject ? obj : PyBytes_FromArray(b.slice());
      const r = PyObject_Vectorcall(info.ob_item[1], [arg, PyUnicode_FromString(errors)], null);
      if (!PyTuple_Check(r) || r.ob_item.length !== 2) return PyErr_Format(PyExc_TypeError, "decoder must return a tuple (object, integer)");
      const t = r.ob_item[0];
      if (!PyUnicode_Check(t)) {
        return PyErr_Format(PyExc_TypeError, `'${encoding}' decoder returned '${Py_TYPE(t).tp_name}' instead of 'str'; use codecs.decode() to decode to arbitrary types`);
      }
      return t.value;
    },
  });
}
