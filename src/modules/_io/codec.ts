// Text encoding for _io and _codecs (Objects/unicodeobject.c's UTF-8, Latin-1 and ASCII codecs with the standard
// error handlers): encode a str, and an incremental decoder that keeps an incomplete UTF-8 tail between chunks.
// Errors are UnicodeEncodeError/UnicodeDecodeError with CPython's arguments. Other encodings go through codecs.py.
import { type PyVal } from "../../objects/object.js";
import { PyUnicode_FromString } from "../../objects/unicodeobject.js";
import { PyBytes_FromArray } from "../../objects/bytesobject.js";
import { PyExc_UnicodeEncodeError, PyExc_UnicodeDecodeError, PyExc_LookupError } from "../../objects/exceptions.js";
import { PyErr_Format, _PyErr_CreateException, _PyErr_ChainContext } from "../../runtime/errors.js";

export type NativeCodec = "utf-8" | "latin-1" | "ascii";

/** codecs.lookup's normalization for the codecs Typhon encodes natively; null for the others. */
export function nativeCodec(name: string): NativeCodec | null {
  const n = name.toLowerCase().replace(/[-_ ]/g, "");
  if (n === "utf8" || n === "u8" || n === "utf" || n === "cp65001") return "utf-8";
  if (n === "latin1" || n === "latin" || n === "iso88591" || n === "8859" || n === "cp819" || n === "l1" || n === "iso885911987") return "latin-1";
  if (n === "ascii" || n === "usascii" || n === "646" || n === "us") return "ascii";
  return null;
}

function encodeError(enc: string, text: string, start: number, end: number, reason: string): never {
  const e = _PyErr_CreateException(PyExc_UnicodeEncodeError, [PyUnicode_FromString(enc), PyUnicode_FromString(text),
    start, end, PyUnicode_FromString(reason)]);
  _PyErr_ChainContext(e);
  throw e;
}

/** Encode text; positions in errors are code-point indices as CPython's. */
export function encodeText(text: string, codec: NativeCodec, errors: string): Uint8Array {
  const out = new Uint8Array(codec === "utf-8" ? text.length * 3 : text.length);
  let o = 0;
  const limit = codec === "latin-1" ? 0x100 : codec === "ascii" ? 0x80 : 0x110000;
  const reason = codec === "utf-8" ? "surrogates not allowed" : `ordinal not in range(${limit})`;
  let cpIndex = 0;
  const cps: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
    }
    cps.push(c);
  }
  let grown = out;
  const put = (b: number): void => {
    if (o >= grown.length) {
      const g = new Uint8Array(grown.length * 2 + 16);
      g.set(grown);
      grown = g;
    }
    grown[o++] = b;
  };
  const putStr = (s: string): void => { for (let k = 0; k < s.length; k++) put(s.charCodeAt(k)); };
  for (cpIndex = 0; cpIndex < cps.length; cpIndex++) {
    const c = cps[cpIndex];
    const bad = codec === "utf-8" ? c >= 0xd800 && c < 0xe000 : c >= limit;
    if (!bad) {
      if (codec !== "utf-8" || c < 0x80) put(c);
      else if (c < 0x800) { put(0xc0 | (c >> 6)); put(0x80 | (c & 63)); }
      else if (c < 0x10000) { put(0xe0 | (c >> 12)); put(0x80 | ((c >> 6) & 63)); put(0x80 | (c & 63)); }
      else { put(0xf0 | (c >> 18)); put(0x80 | ((c >> 12) & 63)); put(0x80 | ((c >> 6) & 63)); put(0x80 | (c & 63)); }
      continue;
    }
    switch (errors) {
      case "ignore": break;
      case "replace": put(0x3f); break;
      case "surrogateescape":
        if (c >= 0xdc80 && c <= 0xdcff) put(c - 0xdc00);
        else encodeError(codec, text, cpIndex, cpIndex + 1, reason);
        break;
      case "surrogatepass":
        if (codec === "utf-8" && c >= 0xd800 && c < 0xe000) { put(0xe0 | (c >> 12)); put(0x80 | ((c >> 6) & 63)); put(0x80 | (c & 63)); }
        else encodeError(codec, text, cpIndex, cpIndex + 1, reason);
        break;
      case "backslashreplace":
        putStr(c < 0x100 ? `\\x${c.toString(16).padStart(2, "0")}` : c < 0x10000 ? `\\u${c.toString(16).padStart(4, "0")}` : `\\U${c.toString(16).padStart(8, "0")}`);
        break;
      case "xmlcharrefreplace": putStr(`&#${c};`); break;
      case "namereplace": putStr(`\\u${c.toString(16).padStart(4, "0")}`); break;
      default: encodeError(codec, text, cpIndex, cpIndex + 1, reason);
    }
  }
  return grown.slice(0, o);
}

function decodeError(enc: string, bytes: Uint8Array, start: number, end: number, reason: string): never {
  const e = _PyErr_CreateException(PyExc_UnicodeDecodeError, [PyUnicode_FromString(enc), PyBytes_FromArray(bytes),
    start, end, PyUnicode_FromString(reason)]);
  _PyErr_ChainContext(e);
  throw e;
}

/** Length of the longest prefix of `b` that does not end inside a UTF-8 sequence. */
function completePrefix(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const c = b[n - k];
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 1;
    return need > k ? n - k : n;
  }
  return n;
}

/** Decode bytes (final: no incomplete tail allowed). `base` shifts error positions (for streams). */
export function decodeBytesNative(b: Uint8Array, codec: NativeCodec, errors: string): string {
  if (codec === "latin-1") {
    let s = "";
    for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
    return s;
  }
  if (codec === "ascii") {
    let s = "";
    for (let i = 0; i < b.length; i++) {
      const c = b[i];
      if (c < 0x80) { s += String.fromCharCode(c); continue; }
      switch (errors) {
        case "ignore": break;
        case "replace": s += "\ufffd"; break;
        case "surrogateescape": s += String.fromCharCode(0xdc00 + c); break;
        case "backslashreplace": s += `\\x${c.toString(16).padStart(2, "0")}`; break;
        default: decodeError("ascii", b, i, i + 1, "ordinal not in range(128)");
      }
    }
    return s;
  }
  if (errors === "strict" || errors === "replace") {
    try {
      return new TextDecoder("utf-8", { fatal: errors === "strict", ignoreBOM: true }).decode(b);
    } catch {
      // fall through to the exact scan for the error position
    }
  }
  let s = "";
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) { s += String.fromCharCode(c); i++; continue; }
    let need = 0, cp = 0;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0x0f; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x07; }
    let k = 1;
    let reason = need === 0 ? "invalid start byte" : "";
    if (need > 0) {
      for (; k <= need; k++) {
        if (i + k >= n) { reason = "unexpected end of data"; break; }
        const d = b[i + k];
        let lo = 0x80, hi = 0xbf;
        if (k === 1) {
          if (c === 0xe0) lo = 0xa0; else if (c === 0xed) hi = 0x9f;
          else if (c === 0xf0) lo = 0x90; else if (c === 0xf4) hi = 0x8f;
        }
        if (d < lo || d > hi) { reason = "invalid continuation byte"; break; }
        cp = (cp << 6) | (d & 0x3f);
      }
    }
    if (reason === "") {
      s += String.fromCodePoint(cp);
      i += need + 1;
      continue;
    }
    const end = need === 0 ? i + 1 : i + k;
    switch (errors) {
      case "ignore": break;
      case "replace": s += "\ufffd"; break;
      case "surrogateescape": for (let j = i; j < end; j++) s += String.fromCharCode(0xdc00 + b[j]); break;
      case "backslashreplace": for (let j = i; j < end; j++) s += `\\x${b[j].toString(16).padStart(2, "0")}`; break;
      case "surrogatepass":
        if (c === 0xed && i + 2 < n && (b[i + 1] & 0xe0) === 0xa0 && (b[i + 2] & 0xc0) === 0x80) {
          s += String.fromCharCode(((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f));
          i += 3;
          continue;
        }
        decodeError("utf-8", b, i, end, reason);
        break;
      default: decodeError("utf-8", b, i, end, reason);
    }
    i = end;
  }
  return s;
}

/** An incremental decoder (codecs.IncrementalDecoder) for the native codecs. */
export class NativeDecoder {
  readonly codec: NativeCodec;
  readonly errors: string;
  pending: Uint8Array;
  constructor(codec: NativeCodec, errors: string) {
    this.codec = codec;
    this.errors = errors;
    this.pending = new Uint8Array(0);
  }
  decode(input: Uint8Array, final: boolean): string {
    let b = input;
    if (this.pending.length > 0) {
      b = new Uint8Array(this.pending.length + input.length);
      b.set(this.pending);
      b.set(input, this.pending.length);
    }
    if (this.codec !== "utf-8" || final) {
      this.pending = new Uint8Array(0);
      return decodeBytesNative(b, this.codec, this.errors);
    }
    const cut = completePrefix(b);
    this.pending = b.slice(cut);
    return decodeBytesNative(cut === b.length ? b : b.subarray(0, cut), this.codec, this.errors);
  }
  reset(): void {
    this.pending = new Uint8Array(0);
  }
}

export function unknownEncoding(name: string): never {
  return PyErr_Format(PyExc_LookupError, `unknown encoding: ${name}`);
}

export type { PyVal };
