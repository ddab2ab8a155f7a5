// The built-in codecs (UTF-8, UTF-8-SIG, UTF-16/32 with and without BOM, Latin-1, ASCII, unicode_escape encoders)
// with CPython's error ranges and the standard error handlers (strict, ignore, replace, backslashreplace,
// xmlcharrefreplace, namereplace, surrogateescape, surrogatepass). Counterparts: the codec section of
// Objects/unicodeobject.c, Objects/stringlib/codecs.h, Python/codecs.c, Lib/encodings/__init__.py + aliases.py.
import {
  PyObject, PyTypeObject, PyType_FromSpecStatic, PyType_Declare, Py_TYPE, Py_None, METH_NOARGS, type PyVal, PyUnicodeObject,
} from "./object.js";
import { PyErr_Format, _PyErr_CreateException, _PyErr_ChainContext } from "../runtime/errors.js";
import {
  PyExc_LookupError, PyExc_TypeError, PyExc_UnicodeDecodeError, PyExc_UnicodeEncodeError, PyBaseExceptionObject,
  PyExc_IndexError,
} from "./exceptions.js";
import { PyUnicode_FromString, PyUnicode_Check, codePoints } from "./unicodeobject.js";
import { PyBytes_FromArray, PyBytes_Check, PyBytesObject } from "./bytesobject.js";
import { name as ucdName, ucd_latest, lookupForEscape } from "../unicode/unicodedata_impl.js";
import { PyObject_GetItem, PyType_IsSubtype, PyObject_CallOneArg } from "./abstract.js";
import { PyTupleObject } from "./tupleobject.js";
import { PyDict_New, PyDict_SetItem } from "./dictobject.js";
import { longValue, PyLong_Check } from "./longobject.js";

// ---- codec names ----

export type CodecName = "utf_8" | "utf_8_sig" | "utf_16" | "utf_16_le" | "utf_16_be" | "utf_32" | "utf_32_le" |
  "utf_32_be" | "latin_1" | "ascii" | "unicode_escape" | "raw_unicode_escape" | "utf_7";

const ALIASES: Readonly<Record<string, CodecName>> = {
  utf_8: "utf_8", u8: "utf_8", utf: "utf_8", utf8: "utf_8", utf8_ucs2: "utf_8", utf8_ucs4: "utf_8", cp65001: "utf_8",
  utf_8_sig: "utf_8_sig",
  utf_16: "utf_16", u16: "utf_16", utf16: "utf_16",
  utf_16_le: "utf_16_le", utf_16le: "utf_16_le", unicodelittleunmarked: "utf_16_le",
  utf_16_be: "utf_16_be", utf_16be: "utf_16_be", unicodebigunmarked: "utf_16_be",
  utf_32: "utf_32", u32: "utf_32", utf32: "utf_32",
  utf_32_le: "utf_32_le", utf_32le: "utf_32_le", utf_32_be: "utf_32_be", utf_32be: "utf_32_be",
  latin_1: "latin_1", "8859": "latin_1", cp819: "latin_1", csisolatin1: "latin_1", ibm819: "latin_1",
  iso8859: "latin_1", iso8859_1: "latin_1", iso_8859_1: "latin_1", iso_8859_1_1987: "latin_1",
  iso_ir_100: "latin_1", l1: "latin_1", latin: "latin_1", latin1: "latin_1",
  ascii: "ascii", "646": "ascii", "ansi_x3.4_1968": "ascii", ansi_x3_4_1968: "ascii", "ansi_x3.4_1986": "ascii",
  cp367: "ascii", csascii: "ascii", ibm367: "ascii", iso646_us: "ascii", "iso_646.irv_1991": "ascii",
  iso_ir_6: "ascii", us: "ascii", us_ascii: "ascii",
  unicode_escape: "unicode_escape", raw_unicode_escape: "raw_unicode_escape",
  utf_7: "utf_7", u7: "utf_7", unicode_1_1_utf_7: "utf_7", utf7: "utf_7",
};

/** encodings.normalize_encoding after _PyCodec_Lookup's lowercasing: runs of characters other than ASCII
 *  alphanumerics and '.' become one '_', with none at either end. */
function normalizeEncoding(name: string): string {
  let out = "";
  let punct = false;
  for (const c of name.toLowerCase()) {
    const alnum = /^[\p{L}\p{N}.]$/u.test(c);
    if (alnum) {
      if (punct && out.length > 0) out += "_";
      if (c.charCodeAt(0) < 128) out += c;
      punct = false;
    } else punct = true;
  }
  return out;
}

const lookupCache = new Map<string, CodecName | null>();

/** The built-in codec an encoding name denotes, or a LookupError. */
export function _PyCodec_Lookup(encoding: string): CodecName {
  let c = lookupCache.get(encoding);
  if (c === undefined) {
    const n = normalizeEncoding(encoding);
    c = ALIASES[n] ?? ALIASES[n.replace(/\./g, "_")] ?? null;
    lookupCache.set(encoding, c);
  }
  if (c === null) return PyErr_Format(PyExc_LookupError, `unknown encoding: ${encoding}`);
  return c;
}

function unreachable(x: never): never {
  throw new Error(`unreachable: ${String(x)}`);
}

// ---- error handlers ----

const HANDLERS = new Set(["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace",
  "surrogateescape", "surrogatepass"]);

/** Handlers registered with codecs.register_error, looked up by the _codecs module (PyCodec_LookupError). */
let customLookup: ((name: string) => PyVal | null) | null = null;
export function _PyCodec_InstallErrorLookup(f: (name: string) => PyVal | null): void {
  customLookup = f;
}

function checkHandler(errors: string): void {
  if (!HANDLERS.has(errors) && (customLookup === null || customLookup(errors) === null)) {
    PyErr_Format(PyExc_LookupError, `unknown error handler name '${errors}'`);
  }
}

/** Where encoding resumes after the last encodeHandler call (a registered handler may move it). */
let handlerNewpos = 0;

/** Call a registered handler with the exception; its (replacement, position) result, position normalised
 *  (unicode_encode_call_errorhandler / unicode_decode_call_errorhandler_writer). */
function callCustom(errors: string, exc: PyBaseExceptionObject, len: number, encoding: boolean): [PyVal, number] {
  const h = customLookup!(errors)!;
  const r = PyObject_CallOneArg(h, exc);
  const what = encoding ? "encoding error handler must return (str/bytes, int) tuple" : "decoding error handler must return (str, int) tuple";
  if (!(r instanceof PyTupleObject) || r.ob_item.length !== 2) return PyErr_Format(PyExc_TypeError, what);
  const [rep, posObj] = r.ob_item;
  if (!PyUnicode_Check(rep) && !(encoding && PyBytes_Check(rep))) return PyErr_Format(PyExc_TypeError, what);
  if (!PyLong_Check(posObj)) return PyErr_Format(PyExc_TypeError, what);
  const pv = longValue(posObj);
  let pos = typeof pv === "number" ? pv : pv < 0n ? -Infinity : Infinity;
  if (pos < 0) pos += len;
  if (pos < 0 || pos > len) return PyErr_Format(PyExc_IndexError, `position ${typeof pv === "number" ? pv : pv.toString()} from error handler out of bounds`);
  return [rep, pos];
}

function raise(e: PyBaseExceptionObject): never {
  _PyErr_ChainContext(e);
  throw e;
}

function encodeError(enc: string, str: PyUnicodeObject, start: number, end: number, reason: string): PyBaseExceptionObject {
  return _PyErr_CreateException(PyExc_UnicodeEncodeError,
    [PyUnicode_FromString(enc), str, start, end, PyUnicode_FromString(reason)]);
}

function decodeError(enc: string, obj: PyVal, start: number, end: number, reason: string): PyBaseExceptionObject {
  return _PyErr_CreateException(PyExc_UnicodeDecodeError,
    [PyUnicode_FromString(enc), obj, start, end, PyUnicode_FromString(reason)]);
}

function hex(n: number, w: number): string {
  return n.toString(16).padStart(w, "0");
}

function backslashEscape(cp: number): string {
  if (cp < 0x100) return `\\x${hex(cp, 2)}`;
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

/** The replacement an encode error handler gives for cps[start:end): a str (to be encoded by the codec), or
 *  bytes (surrogateescape, surrogatepass), or it raises. `surrogateUnit` encodes one surrogate for
 *  surrogatepass (null when the codec is not a UTF). Python/codecs.c PyCodec_*Errors. */
function encodeHandler(errors: string, enc: string, str: PyUnicodeObject, cps: readonly number[], start: number,
  end: number, reason: string, surrogateUnit: ((cp: number, out: number[]) => void) | null): string | number[] {
  checkHandler(errors);
  handlerNewpos = end;
  if (!HANDLERS.has(errors)) {
    const [rep, pos] = callCustom(errors, encodeError(enc, str, start, end, reason), cps.length, true);
    handlerNewpos = pos;
    return PyUnicode_Check(rep) ? rep.value : Array.from((rep as PyBytesObject).ob_bytes);
  }
  switch (errors) {
    case "ignore": return "";
    case "replace": return "?".repeat(end - start);
    case "backslashreplace": {
      let r = "";
      for (let i = start; i < end; i++) r += backslashEscape(cps[i]);
      return r;
    }
    case "xmlcharrefreplace": {
      let r = "";
      for (let i = start; i < end; i++) r += `&#${cps[i]};`;
      return r;
    }
    case "namereplace": {
      let r = "";
      for (let i = start; i < end; i++) {
        const n = ucdName(ucd_latest, cps[i]);
        r += n !== null ? `\\N{${n}}` : backslashEscape(cps[i]);
      }
      return r;
    }
    case "surrogateescape": {
      const out: number[] = [];
      for (let i = start; i < end; i++) {
        const c = cps[i];
        if (c < 0xdc80 || c > 0xdcff) return raise(encodeError(enc, str, start, end, reason));
        out.push(c - 0xdc00);
      }
      return out;
    }
    case "surrogatepass": {
      if (surrogateUnit === null) return raise(encodeError(enc, str, start, end, reason));
      const out: number[] = [];
      for (let i = start; i < end; i++) {
        const c = cps[i];
        if (c < 0xd800 || c > 0xdfff) return raise(encodeError(enc, str, start, end, reason));
        surrogateUnit(c, out);
      }
      return out;
    }
    default: return raise(encodeError(enc, str, start, end, reason));
  }
}

/** A decode error handler's replacement for bytes[start:end) and where decoding resumes. `surrogate` reads
 *  one encoded surrogate at `start` for surrogatepass: [code point, byte length] or null. */
function decodeHandler(errors: string, enc: string, obj: PyVal, b: Uint8Array, start: number, end: number,
  reason: string, surrogate: ((at: number) => [number, number] | null) | null): [string, number] {
  checkHandler(errors);
  if (!HANDLERS.has(errors)) {
    const [rep, pos] = callCustom(errors, decodeError(enc, obj, start, end, reason), b.length, false);
    return [(rep as PyUnicodeObject).value, pos];
  }
  switch (errors) {
    case "ignore": return ["", end];
    case "replace": return ["\ufffd", end];
    case "backslashreplace": {
      let r = "";
      for (let i = start; i < end; i++) r += `\\x${hex(b[i], 2)}`;
      return [r, end];
    }
    case "surrogateescape": {
      // Up to four bytes, all non-ASCII; decoding resumes after them (PyCodec_SurrogateEscapeErrors).
      let r = "";
      let k = 0;
      while (k < 4 && k < end - start && b[start + k] >= 128) r += String.fromCharCode(0xdc00 + b[start + k++]);
      if (k === 0) return raise(decodeError(enc, obj, start, end, reason));
      return [r, start + k];
    }
    case "surrogatepass": {
      const s = surrogate === null ? null : surrogate(start);
      if (s === null) return raise(decodeError(enc, obj, start, end, reason));
      return [String.fromCharCode(s[0]), start + s[1]];
    }
    case "xmlcharrefreplace": case "namereplace":
      return PyErr_Format(PyExc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
    default: return raise(decodeError(enc, obj, start, end, reason));
  }
}

// ---- encoders ----

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;
const utf8Encoder = new TextEncoder();

function pushUtf8(c: number, out: number[]): void {
  if (c < 0x80) out.push(c);
  else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
  else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
}

/** A str without lone surrogates (so TextEncoder is exact). */
function wellFormed(s: string): boolean {
  // A lone surrogate fails the pattern below; pairs are fine.
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

function encodeUTF8(str: PyUnicodeObject, errors: string): Uint8Array {
  const s = str.value;
  if (wellFormed(s)) return utf8Encoder.encode(s);
  const cps = codePoints(s);
  const out: number[] = [];
  for (let i = 0; i < cps.length;) {
    const c = cps[i];
    if (!isSurrogate(c)) { pushUtf8(c, out); i++; continue; }
    let end = i + 1;
    while (end < cps.length && isSurrogate(cps[end])) end++;
    const rep = encodeHandler(errors, "utf-8", str, cps, i, end, "surrogates not allowed", pushUtf8);
    if (typeof rep === "string") {
      for (const ch of codePoints(rep)) {
        if (ch >= 128) return raise(encodeError("utf-8", str, i, end, "surrogates not allowed"));
        pushUtf8(ch, out);
      }
    } else out.push(...rep);
    i = handlerNewpos;
  }
  return Uint8Array.from(out);
}

/** Latin-1 and ASCII (unicode_encode_ucs1): runs of unencodable characters go to the handler together. */
function encodeUCS1(str: PyUnicodeObject, errors: string, limit: number): Uint8Array {
  const s = str.value;
  const enc = limit === 128 ? "ascii" : "latin-1";
  const reason = limit === 128 ? "ordinal not in range(128)" : "ordinal not in range(256)";
  let fast = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= limit) { fast = false; break; }
  if (fast) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  const cps = codePoints(s);
  const out: number[] = [];
  for (let i = 0; i < cps.length;) {
    if (cps[i] < limit) { out.push(cps[i++]); continue; }
    let end = i + 1;
    while (end < cps.length && cps[end] >= limit) end++;
    const rep = encodeHandler(errors, enc, str, cps, i, end, reason, null);
    if (typeof rep === "string") {
      const rc = codePoints(rep);
      for (let k = 0; k < rc.length; k++) {
        if (rc[k] >= limit) return raise(encodeError(enc, str, i, end, reason));
        out.push(rc[k]);
      }
    } else out.push(...rep);
    i = handlerNewpos;
  }
  return Uint8Array.from(out);
}

/** UTF-16 and UTF-32 (PyUnicode_EncodeUTF16/32): a BOM for the plain names; each surrogate is one error. */
function encodeUTF16or32(str: PyUnicodeObject, errors: string, unit: 2 | 4, order: "le" | "be" | "bom"): Uint8Array {
  const enc = `utf-${unit * 8}${order === "bom" ? "" : "-" + order}`;
  const le = order !== "be";
  const cps = codePoints(str.value);
  const out: number[] = [];
  const put = (u: number): void => {
    if (unit === 2) { if (le) out.push(u & 255, u >> 8); else out.push(u >> 8, u & 255); }
    else if (le) out.push(u & 255, (u >> 8) & 255, (u >> 16) & 255, u >>> 24);
    else out.push(u >>> 24, (u >> 16) & 255, (u >> 8) & 255, u & 255);
  };
  const putCp = (c: number): void => {
    if (unit === 2 && c >= 0x10000) { put(0xd800 | ((c - 0x10000) >> 10)); put(0xdc00 | ((c - 0x10000) & 0x3ff)); }
    else put(c);
  };
  if (order === "bom") put(0xfeff);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (!isSurrogate(c)) { putCp(c); continue; }
    const rep = encodeHandler(errors, enc, str, cps, i, i + 1, "surrogates not allowed", (s, o) => {
      const save = out.length;
      put(s);
      o.push(...out.splice(save));
    });
    if (typeof rep === "string") {
      for (const rc of codePoints(rep)) {
        if (rc >= 128) return raise(encodeError(enc, str, i, i + 1, "surrogates not allowed"));
        put(rc);
      }
    } else {
      if (rep.length % unit !== 0) return raise(encodeError(enc, str, i, i + 1, "surrogates not allowed"));
      out.push(...rep);
    }
    i = handlerNewpos - 1;
  }
  return Uint8Array.from(out);
}

/** unicode_escape / raw_unicode_escape encoders (no error cases). */
function encodeEscape(s: string, raw: boolean): Uint8Array {
  let r = "";
  for (const c of codePoints(s)) {
    if (raw) {
      r += c < 0x100 ? String.fromCharCode(c) : backslashEscape(c);
      continue;
    }
    if (c === 0x5c) r += "\\\\";
    else if (c === 9) r += "\\t";
    else if (c === 10) r += "\\n";
    else if (c === 13) r += "\\r";
    else if (c >= 0x20 && c < 0x7f) r += String.fromCharCode(c);
    else r += backslashEscape(c);
  }
  const out = new Uint8Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = r.charCodeAt(i);
  return out;
}

/** str.encode(encoding, errors) for the built-in codecs (PyUnicode_AsEncodedString). */
export function PyUnicode_AsEncodedString(str: PyUnicodeObject, encoding: string, errors: string): Uint8Array {
  const c = lookupBuiltin(encoding);
  if (c === null) return registry!.encode(str, encoding, errors);
  return _PyCodec_Encode(c, str, errors);
}

/** A built-in codec's encoder (codecs.utf_8_encode(str, errors) etc.). */
export function _PyCodec_Encode(c: CodecName, str: PyUnicodeObject, errors: string): Uint8Array {
  switch (c) {
    case "utf_8": return encodeUTF8(str, errors);
    case "utf_8_sig": {
      const body = encodeUTF8(str, errors);
      const out = new Uint8Array(body.length + 3);
      out.set([0xef, 0xbb, 0xbf]);
      out.set(body, 3);
      return out;
    }
    case "latin_1": return encodeUCS1(str, errors, 256);
    case "ascii": return encodeUCS1(str, errors, 128);
    case "utf_16": return encodeUTF16or32(str, errors, 2, "bom");
    case "utf_16_le": return encodeUTF16or32(str, errors, 2, "le");
    case "utf_16_be": return encodeUTF16or32(str, errors, 2, "be");
    case "utf_32": return encodeUTF16or32(str, errors, 4, "bom");
    case "utf_32_le": return encodeUTF16or32(str, errors, 4, "le");
    case "utf_32_be": return encodeUTF16or32(str, errors, 4, "be");
    case "unicode_escape": return encodeEscape(str.value, false);
    case "raw_unicode_escape": return encodeEscape(str.value, true);
    case "utf_7": return encodeUTF7(str.value);
    default: return unreachable(c);
  }
}

// ---- decoders ----

const utf8Fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function fromCharCodes(codes: number[]): string {
  let s = "";
  for (let i = 0; i < codes.length; i += 8192) s += String.fromCharCode(...codes.slice(i, i + 8192));
  return s;
}

function latin1(b: Uint8Array, from = 0, to = b.length): string {
  let s = "";
  for (let i = from; i < to; i += 8192) s += String.fromCharCode(...b.subarray(i, Math.min(to, i + 8192)));
  return s;
}

/** The UTF-8 decoder's verdict at b[i] (stringlib utf8_decode): [bytes in the sequence, 0] when valid, else
 *  [error end, reason]: a bad start byte is one byte, a bad continuation ends before it, a valid prefix cut
 *  off by the end of data runs to the end. */
function utf8Check(b: Uint8Array, i: number): [number, string | 0] {
  const c = b[i];
  let need: number;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) need = 2;
  else if (c >= 0xf0 && c <= 0xf4) need = 3;
  else return [i + 1, "invalid start byte"];
  for (let k = 1; k <= need; k++) {
    if (i + k >= b.length) return [b.length, "unexpected end of data"];
    const d = b[i + k];
    let lo = 0x80, hi = 0xbf;
    if (k === 1) {
      if (c === 0xe0) lo = 0xa0; else if (c === 0xed) hi = 0x9f;
      else if (c === 0xf0) lo = 0x90; else if (c === 0xf4) hi = 0x8f;
    }
    if (d < lo || d > hi) return [i + k, "invalid continuation byte"];
  }
  return [need + 1, 0];
}

/** A decoder's result: the text and how many bytes it consumed (less than all only when not `final`). */
export type Decoded = [string, number];

function decodeUTF8(b: Uint8Array, errors: string, obj: PyVal, final = true): Decoded {
  try {
    return [utf8Fatal.decode(b), b.length];
  } catch {
    // fall through to the careful decoder
  }
  let out = "";
  let runStart = 0;
  let i = 0;
  const flush = (to: number): void => { if (to > runStart) out += utf8Fatal.decode(b.subarray(runStart, to)); };
  while (i < b.length) {
    if (b[i] < 0x80) { i++; continue; }
    const [n, reason] = utf8Check(b, i);
    if (reason === 0) { i += n; continue; }
    if (!final && (reason === "unexpected end of data" ||
      // A truncated surrogate (ED A0..BF at the end) waits for more data too, for surrogatepass.
      (b[i] === 0xed && b.length - i === 2 && b[i + 1] >= 0xa0 && b[i + 1] <= 0xbf))) {
      flush(i);
      return [out, i];
    }
    flush(i);
    const [rep, next] = decodeHandler(errors, "utf-8", obj, b, i, n, reason, (at) => {
      if (at + 2 < b.length && (b[at] & 0xf0) === 0xe0 && (b[at + 1] & 0xc0) === 0x80 && (b[at + 2] & 0xc0) === 0x80) {
        const cp = ((b[at] & 0x0f) << 12) | ((b[at + 1] & 0x3f) << 6) | (b[at + 2] & 0x3f);
        return isSurrogate(cp) ? [cp, 3] : null;
      }
      return null;
    });
    out += rep;
    i = runStart = next;
  }
  flush(b.length);
  return [out, b.length];
}

function decodeASCII(b: Uint8Array, errors: string, obj: PyVal): string {
  let ok = true;
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) { ok = false; break; }
  if (ok) return latin1(b);
  let out = "";
  let i = 0;
  while (i < b.length) {
    let j = i;
    while (j < b.length && b[j] < 0x80) j++;
    out += latin1(b, i, j);
    if (j >= b.length) break;
    const [rep, next] = decodeHandler(errors, "ascii", obj, b, j, j + 1, "ordinal not in range(128)", null);
    out += rep;
    i = next;
  }
  return out;
}

/** UTF-16 (PyUnicode_DecodeUTF16Stateful). `byteorder` -1 little, 1 big, 0 from a BOM (little without one);
 *  returns the text, bytes consumed and the byte order in effect (for utf_16_ex_decode). */
export function decodeUTF16(b: Uint8Array, errors: string, obj: PyVal, byteorder: number, final = true): [string, number, number] {
  let le = byteorder <= 0;
  let i = 0;
  let bo = byteorder;
  if (byteorder === 0) {
    if (b.length < 2 && !final) return ["", 0, 0];
    if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) { i = 2; le = true; bo = -1; }
    else if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) { i = 2; le = false; bo = 1; }
  }
  // Errors name the byte order in use, even for plain "utf-16" (bo is set by the BOM or defaults to native).
  const enc = le ? "utf-16-le" : "utf-16-be";
  const pass = (at: number): [number, number] | null => {
    if (at + 1 >= b.length) return null;
    const u = le ? b[at] | (b[at + 1] << 8) : (b[at] << 8) | b[at + 1];
    return isSurrogate(u) ? [u, 2] : null;
  };
  const unitAt = (k: number): number => (le ? b[k] | (b[k + 1] << 8) : (b[k] << 8) | b[k + 1]);
  const codes: number[] = [];
  let out = "";
  const end2 = b.length - (b.length - i) % 2;
  while (i < b.length) {
    if (i >= end2) {
      if (!final) break;
      out += fromCharCodes(codes.splice(0));
      const [rep, next] = decodeHandler(errors, enc, obj, b, i, b.length, "truncated data", pass);
      out += rep;
      i = next;
      continue;
    }
    const u = unitAt(i);
    if (!isSurrogate(u)) {
      codes.push(u);
      i += 2;
      if (codes.length >= 8192) out += fromCharCodes(codes.splice(0));
      continue;
    }
    let err: [number, number, string] | null = null;
    if (u >= 0xdc00) err = [i, i + 2, "illegal encoding"];
    else if (i + 2 >= end2) {
      if (!final) break;
      err = [i, b.length, "unexpected end of data"];
    } else {
      const u2 = unitAt(i + 2);
      if (u2 < 0xdc00 || u2 > 0xdfff) err = [i, i + 2, "illegal UTF-16 surrogate"];
      else { codes.push(u, u2); i += 4; continue; }
    }
    out += fromCharCodes(codes.splice(0));
    const [rep, next] = decodeHandler(errors, enc, obj, b, err[0], err[1], err[2], pass);
    out += rep;
    i = next;
  }
  return [out + fromCharCodes(codes), i, bo];
}

/** UTF-32 (PyUnicode_DecodeUTF32Stateful); byteorder as for decodeUTF16. */
export function decodeUTF32(b: Uint8Array, errors: string, obj: PyVal, byteorder: number, final = true): [string, number, number] {
  let le = byteorder <= 0;
  let i = 0;
  let bo = byteorder;
  if (byteorder === 0) {
    if (b.length < 4 && !final) return ["", 0, 0];
    if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) { i = 4; le = true; bo = -1; }
    else if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) { i = 4; le = false; bo = 1; }
  }
  const enc = le ? "utf-32-le" : "utf-32-be";
  const read = (k: number): number => (le
    ? (b[k] | (b[k + 1] << 8) | (b[k + 2] << 16) | (b[k + 3] << 24)) >>> 0
    : ((b[k] << 24) | (b[k + 1] << 16) | (b[k + 2] << 8) | b[k + 3]) >>> 0);
  const pass = (at: number): [number, number] | null => {
    if (at + 3 >= b.length) return null;
    const u = read(at);
    return isSurrogate(u) ? [u, 4] : null;
  };
  let out = "";
  while (i < b.length) {
    if (i + 4 > b.length) {
      if (!final) break;
      const [rep, next] = decodeHandler(errors, enc, obj, b, i, b.length, "truncated data", pass);
      out += rep;
      i = next;
      continue;
    }
    const u = read(i);
    if (u > 0x10ffff || isSurrogate(u)) {
      const reason = u > 0x10ffff ? "code point not in range(0x110000)" : "code point in surrogate code point range(0xd800, 0xe000)";
      const [rep, next] = decodeHandler(errors, enc, obj, b, i, i + 4, reason, pass);
      out += rep;
      i = next;
      continue;
    }
    out += String.fromCodePoint(u);
    i += 4;
  }
  return [out, i, bo];
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\n": "", "\\": "\\", "'": "'", "\"": "\"", b: "\b", f: "\f", t: "\t", n: "\n", r: "\r", v: "\v", a: "\x07",
};

/** unicode_escape and raw_unicode_escape decoders (_PyUnicode_DecodeUnicodeEscapeInternal,
 *  PyUnicode_DecodeRawUnicodeEscapeStateful). Unknown escapes are kept; their DeprecationWarning is not issued. */
function decodeEscape(b: Uint8Array, errors: string, obj: PyVal, raw: boolean, final = true): Decoded {
  const enc = raw ? "rawunicodeescape" : "unicodeescape";
  let out = "";
  let i = 0;
  const n = b.length;
  const hexval = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1);
  while (i < n) {
    const c = b[i++];
    if (c !== 0x5c) { out += String.fromCharCode(c); continue; }
    const start = i - 1;
    let message: string;
    let incomplete = false;
    fail: {
      if (i >= n) {
        if (raw) { out += "\\"; continue; }
        message = "\\ at end of string"; incomplete = true; break fail;
      }
      const e = String.fromCharCode(b[i++]);
      let count = 0;
      if (e === "u") { count = 4; message = "truncated \\uXXXX escape"; }
      else if (e === "U") { count = 8; message = "truncated \\UXXXXXXXX escape"; }
      else if (raw) { out += "\\" + e; continue; }
      else if (e === "x") { count = 2; message = "truncated \\xXX escape"; }
      else if (e in SIMPLE_ESCAPES) { out += SIMPLE_ESCAPES[e]; continue; }
      else if (e >= "0" && e <= "7") {
        let ch = e.charCodeAt(0) - 48;
        if (i < n && b[i] >= 48 && b[i] <= 55) {
          ch = ch * 8 + b[i++] - 48;
          if (i < n && b[i] >= 48 && b[i] <= 55) ch = ch * 8 + b[i++] - 48;
        }
        out += String.fromCharCode(ch);
        continue;
      } else if (e === "N") {
        message = "malformed \\N character escape";
        if (i >= n) { incomplete = true; break fail; }
        if (b[i] === 0x7b) {
          const st = ++i;
          while (i < n && b[i] !== 0x7d) i++;
          if (i >= n) { incomplete = true; break fail; }
          if (i > st) {
            const name = latin1(b, st, i);
            i++;
            const cp = lookupForEscape(name);
            if (cp >= 0) { out += String.fromCodePoint(cp); continue; }
            message = "unknown Unicode character name";
          }
        }
        break fail;
      } else { out += "\\" + e; continue; }
      let ch = 0;
      for (; count > 0; count--, i++) {
        if (i >= n) { incomplete = true; break fail; }
        const h = hexval(b[i]);
        if (h < 0) break fail;
        ch = ch * 16 + h;
      }
      if (ch > 0x10ffff) { message = raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character"; break fail; }
      out += String.fromCodePoint(ch);
      continue;
    }
    if (incomplete && !final) return [out, start];
    const [rep, next] = decodeHandler(errors, enc, obj, b, start, i, message!, null);
    out += rep;
    i = next;
  }
  return [out, n];
}

// ---- UTF-7 (RFC 2152 as PyUnicode_EncodeUTF7 / PyUnicode_DecodeUTF7Stateful) ----

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** RFC 2152 classes of ASCII: 0 set D (direct), 1 set O (optional direct), 2 space/tab/CR/LF, 3 always encoded. */
const UTF7_CLASS = (() => {
  const t = new Uint8Array(128).fill(3);
  for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'(),-./:?") t[c.charCodeAt(0)] = 0;
  for (const c of "!\"#$%&*;<=>@[]^_`{|}") t[c.charCodeAt(0)] = 1;
  for (const c of " \t\r\n") t[c.charCodeAt(0)] = 2;
  return t;
})();
const isBase64 = (c: number): boolean => c < 128 && B64.includes(String.fromCharCode(c));
/** The encoder writes sets D, O and whitespace as themselves (_codecs.utf_7_encode: base64SetO = base64WhiteSpace = 0). */
const utf7Direct = (c: number): boolean => c > 0 && c < 128 && UTF7_CLASS[c] !== 3;

function encodeUTF7(s: string): Uint8Array {
  let out = "";
  let inShift = false;
  let bits = 0, buf = 0;
  const put = (unit: number): void => {
    bits += 16;
    buf = ((buf << 16) | unit) & 0x3fffff;
    while (bits >= 6) { out += B64[(buf >> (bits - 6)) & 63]; bits -= 6; }
  };
  for (const c of codePoints(s)) {
    if (inShift) {
      if (utf7Direct(c)) {
        if (bits > 0) { out += B64[(buf << (6 - bits)) & 63]; buf = 0; bits = 0; }
        inShift = false;
        // A character outside the base64 set ends the shift by itself; '-' and base64 characters need the '-'.
        if (isBase64(c) || c === 0x2d) out += "-";
        out += String.fromCharCode(c);
        continue;
      }
    } else if (c === 0x2b) { out += "+-"; continue; }
    else if (utf7Direct(c)) { out += String.fromCharCode(c); continue; }
    else { out += "+"; inShift = true; }
    if (c >= 0x10000) { put(0xd800 | ((c - 0x10000) >> 10)); put(0xdc00 | ((c - 0x10000) & 0x3ff)); }
    else put(c);
  }
  if (bits > 0) out += B64[(buf << (6 - bits)) & 63];
  if (inShift) out += "-";
  const r = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) r[i] = out.charCodeAt(i);
  return r;
}

function decodeUTF7(b: Uint8Array, errors: string, obj: PyVal, final = true): Decoded {
  let out = "";
  let inShift = false;
  let bits = 0, buf = 0, surrogate = 0;
  let startinpos = 0, shiftOutStart = 0;
  let i = 0;
  const n = b.length;
  const error = (msg: string, end: number): void => {
    const [rep, next] = decodeHandler(errors, "utf7", obj, b, startinpos, end, msg, null);
    out += rep;
    i = next;
  };
  while (i < n) {
    const c = b[i];
    if (inShift) {
      if (isBase64(c)) {
        buf = ((buf << 6) | B64.indexOf(String.fromCharCode(c))) & 0x3fffff;
        bits += 6;
        i++;
        if (bits >= 16) {
          const unit = (buf >> (bits - 16)) & 0xffff;
          bits -= 16;
          buf &= (1 << bits) - 1;
          if (surrogate !== 0) {
            if (unit >= 0xdc00 && unit <= 0xdfff) {
              out += String.fromCodePoint(0x10000 + ((surrogate - 0xd800) << 10) + (unit - 0xdc00));
              surrogate = 0;
              continue;
            }
            out += String.fromCharCode(surrogate);
            surrogate = 0;
          }
          if (unit >= 0xd800 && unit <= 0xdbff) surrogate = unit;
          else out += String.fromCharCode(unit);
        }
        continue;
      }
      inShift = false;
      if (bits > 0) {
        if (bits >= 6) { i++; error("partial character in shift sequence", i); continue; }
        if (buf !== 0) { i++; error("non-zero padding bits in shift sequence", i); continue; }
      }
      if (surrogate !== 0 && c <= 127 && c !== 0x2b) out += String.fromCharCode(surrogate);
      surrogate = 0;
      if (c === 0x2d) i++;
      continue;
    }
    if (c === 0x2b) {
      startinpos = i;
      i++;
      if (i < n && b[i] === 0x2d) { i++; out += "+"; }
      else if (i < n && !isBase64(b[i])) { i++; error("ill-formed sequence", i); }
      else { inShift = true; surrogate = 0; shiftOutStart = out.length; bits = 0; buf = 0; }
    } else if (c <= 127) { out += String.fromCharCode(c); i++; }
    else { startinpos = i; i++; error("unexpected special character", i); }
  }
  if (inShift && !final) return [out.slice(0, shiftOutStart), startinpos];
  if (inShift && (surrogate !== 0 || bits >= 6 || (bits > 0 && buf !== 0))) {
    const [rep] = decodeHandler(errors, "utf7", obj, b, startinpos, n, "unterminated shift sequence", null);
    out += rep;
  }
  return [out, n];
}

// ---- charmap (the single-byte codecs of encodings/*.py: codecs.charmap_decode/encode/build) ----

/** The inverse of a 256-character decoding table (encoding_map in unicodeobject.c); `size()` reports CPython's
 *  three-level layout: 63 bytes + 16 per second-level block (c >> 11) + 128 per third-level block (c >> 7). */
export class EncodingMapObject extends PyObject {
  map: Map<number, number>;
  count2: number;
  count3: number;
  constructor(type: PyTypeObject, map: Map<number, number>, count2: number, count3: number) {
    super(type);
    this.map = map;
    this.count2 = count2;
    this.count3 = count3;
  }
}
export const PyEncodingMap_Type = PyType_Declare("EncodingMap");
PyType_FromSpecStatic({
  name: "EncodingMap",
  methods: [{
    name: "size", flags: METH_NOARGS,
    meth: (self: PyVal) => 63 + 16 * (self as EncodingMapObject).count2 + 128 * (self as EncodingMapObject).count3,
  }],
}, PyEncodingMap_Type);

/** codecs.charmap_build(decoding_table) (PyUnicode_BuildEncodingMap): an EncodingMap for a 256-entry BMP table
 *  starting with NUL, else a dict {code point: byte}. */
export function PyUnicode_BuildEncodingMap(table: PyUnicodeObject): PyVal {
  const cps = codePoints(table.value);
  let needDict = cps.length !== 256 || cps[0] !== 0;
  const l1 = new Set<number>(), l2 = new Set<number>();
  if (!needDict) {
    for (let i = 1; i < cps.length; i++) {
      const ch = cps[i];
      if (ch === 0 || ch > 0xffff) { needDict = true; break; }
      if (ch === 0xfffe) continue;
      l1.add(ch >> 11);
      l2.add(ch >> 7);
    }
    if (l1.size >= 0xff || l2.size >= 0xff) needDict = true;
  }
  if (needDict) {
    const d = PyDict_New();
    for (let i = 0; i < cps.length; i++) PyDict_SetItem(d, cps[i], i);
    return d;
  }
  const map = new Map<number, number>();
  for (let i = 1; i < 256; i++) if (cps[i] !== 0xfffe) map.set(cps[i], i);
  return new EncodingMapObject(PyEncodingMap_Type, map, l1.size, l2.size);
}

const UNDEF = "character maps to <undefined>";

/** One byte through a decoding mapping: the text, or null for "undefined" (charmap_decode_mapping). */
function charmapDecodeOne(mapping: PyVal, byte: number): string | null {
  let item: PyVal;
  try {
    item = PyObject_GetItem(mapping, byte);
  } catch (e) {
    if (e instanceof PyObject && PyType_IsSubtype(Py_TYPE(e), PyExc_LookupError)) return null;
    throw e;
  }
  if (item === Py_None) return null;
  if (PyLong_Check(item)) {
    const v = longValue(item);
    if (typeof v !== "number" || v < 0 || v > 0x10ffff) return PyErr_Format(PyExc_TypeError, "character mapping must be in range(0x110000)");
    return v === 0xfffe ? null : String.fromCodePoint(v);
  }
  if (PyUnicode_Check(item)) return item.value === "\ufffe" ? null : item.value;
  return PyErr_Format(PyExc_TypeError, "character mapping must return integer, None or str");
}

/** codecs.charmap_decode(data, errors, mapping) (PyUnicode_DecodeCharmap): None is Latin-1, a str is a decoding
 *  table (U+FFFE or beyond its end: undefined), anything else is looked up per byte. */
export function PyUnicode_DecodeCharmap(b: Uint8Array, errors: string, mapping: PyVal, obj: PyVal): string {
  if (mapping === Py_None) return latin1(b);
  const table = PyUnicode_Check(mapping) ? codePoints(mapping.value) : null;
  let out = "";
  for (let i = 0; i < b.length;) {
    let r: string | null;
    if (table !== null) r = b[i] < table.length && table[b[i]] !== 0xfffe ? String.fromCodePoint(table[b[i]]) : null;
    else r = charmapDecodeOne(mapping, b[i]);
    if (r !== null) { out += r; i++; continue; }
    const [rep, next] = decodeHandler(errors, "charmap", obj, b, i, i + 1, UNDEF, null);
    out += rep;
    i = next;
  }
  return out;
}

/** One code point through an encoding mapping: bytes, or null for "undefined" (charmapencode_lookup). */
function charmapEncodeOne(mapping: PyVal, c: number): number[] | null {
  if (mapping instanceof EncodingMapObject) {
    if (c === 0) return [0];
    const v = mapping.map.get(c);
    return v === undefined ? null : [v];
  }
  let item: PyVal;
  try {
    item = PyObject_GetItem(mapping, c);
  } catch (e) {
    if (e instanceof PyObject && PyType_IsSubtype(Py_TYPE(e), PyExc_LookupError)) return null;
    throw e;
  }
  if (item === Py_None) return null;
  if (PyLong_Check(item)) {
    const v = longValue(item);
    if (typeof v !== "number" || v < 0 || v > 255) return PyErr_Format(PyExc_TypeError, "character mapping must be in range(256)");
    return [v];
  }
  if (PyBytes_Check(item)) return Array.from(item.ob_bytes);
  return PyErr_Format(PyExc_TypeError, `character mapping must return integer, bytes or None, not ${Py_TYPE(item).tp_name}`);
}

/** codecs.charmap_encode(str, errors, mapping) (PyUnicode_EncodeCharmap): runs of unmappable characters go to the
 *  handler together; a str replacement is itself encoded through the mapping. */
export function PyUnicode_EncodeCharmap(str: PyUnicodeObject, errors: string, mapping: PyVal): Uint8Array {
  if (mapping === Py_None) return encodeUCS1(str, errors, 256);
  const cps = codePoints(str.value);
  const out: number[] = [];
  for (let i = 0; i < cps.length;) {
    const r = charmapEncodeOne(mapping, cps[i]);
    if (r !== null) { for (const x of r) out.push(x); i++; continue; }
    let end = i + 1;
    while (end < cps.length && charmapEncodeOne(mapping, cps[end]) === null) end++;
    const rep = encodeHandler(errors, "charmap", str, cps, i, end, UNDEF, null);
    if (typeof rep === "string") {
      for (const rc of codePoints(rep)) {
        const rb = charmapEncodeOne(mapping, rc);
        if (rb === null) return raise(encodeError("charmap", str, i, end, UNDEF));
        for (const x of rb) out.push(x);
      }
    } else out.push(...rep);
    i = handlerNewpos;
  }
  return Uint8Array.from(out);
}

/** Codecs outside the built-in set (cp1252, the charmap codecs, ...) through the Python codec registry, once
 *  the import machinery installs it (codecs.lookup(encoding).encode/.decode). */
export interface CodecRegistry {
  encode(str: PyUnicodeObject, encoding: string, errors: string): Uint8Array;
  decode(b: Uint8Array, encoding: string, errors: string, obj: PyVal): string;
}
let registry: CodecRegistry | null = null;
export function _PyCodec_InstallRegistry(r: CodecRegistry): void {
  registry = r;
}

/** The built-in codec for a name, or null when the registry should be asked (or LookupError without one). */
function lookupBuiltin(encoding: string): CodecName | null {
  if (registry === null) return _PyCodec_Lookup(encoding);
  let c = lookupCache.get(encoding);
  if (c === undefined) {
    const n = normalizeEncoding(encoding);
    c = ALIASES[n] ?? ALIASES[n.replace(/\./g, "_")] ?? null;
    lookupCache.set(encoding, c);
  }
  return c;
}

/** A built-in codec's decoder with CPython's `final` semantics (codecs.utf_8_decode(data, errors, final) etc.). */
export function _PyCodec_DecodeStateful(c: CodecName, b: Uint8Array, errors: string, obj: PyVal, final: boolean): Decoded {
  switch (c) {
    case "utf_8": return decodeUTF8(b, errors, obj, final);
    case "utf_8_sig": {
      if (!final && b.length < 3 && [0xef, 0xbb, 0xbf].slice(0, b.length).every((x, k) => b[k] === x)) return ["", 0];
      const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
      if (!bom) return decodeUTF8(b, errors, obj, final);
      // encodings.utf_8_sig decodes input[3:], so error positions and objects are relative to it.
      const [t, n] = decodeUTF8(b.subarray(3), errors, PyBytes_FromArray(b.slice(3)), final);
      return [t, n + 3];
    }
    case "latin_1": return [latin1(b), b.length];
    case "ascii": return [decodeASCII(b, errors, obj), b.length];
    case "utf_16": case "utf_16_le": case "utf_16_be": {
      const [t, n] = decodeUTF16(b, errors, obj, c === "utf_16" ? 0 : c === "utf_16_le" ? -1 : 1, final);
      return [t, n];
    }
    case "utf_32": case "utf_32_le": case "utf_32_be": {
      const [t, n] = decodeUTF32(b, errors, obj, c === "utf_32" ? 0 : c === "utf_32_le" ? -1 : 1, final);
      return [t, n];
    }
    case "unicode_escape": return decodeEscape(b, errors, obj, false, final);
    case "raw_unicode_escape": return decodeEscape(b, errors, obj, true, final);
    case "utf_7": return decodeUTF7(b, errors, obj, final);
    default: return unreachable(c);
  }
}

/** bytes.decode(encoding, errors) (PyUnicode_Decode). `obj` is the object the error reports (converted to
 *  bytes when it is not). */
export function PyUnicode_Decode(b: Uint8Array, encoding: string, errors: string, obj: PyVal): string {
  const c = lookupBuiltin(encoding);
  if (c === null) return registry!.decode(b, encoding, errors, obj);
  const o = PyBytes_Check(obj) ? obj : PyBytes_FromArray(b.slice());
  return _PyCodec_DecodeStateful(c, b, errors, o, true)[0];
}

/** The `encoding`/`errors` arguments of encode(), decode() and str(): str or absent. */
export function codecArg(fname: string, argname: string, v: PyVal | undefined, dflt: string): string {
  if (v === undefined) return dflt;
  if (!PyUnicode_Check(v)) {
    return PyErr_Format(PyExc_TypeError, `${fname}() argument '${argname}' must be str, not ${v === Py_None ? "None" : Py_TYPE(v).tp_name}`);
  }
  return v.value;
}
