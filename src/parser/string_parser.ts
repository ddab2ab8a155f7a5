// Decoding of string and bytes literal tokens and f-string middles: prefixes, quotes, escape sequences.
// Counterpart: Parser/string_parser.c (_PyPegen_parse_string, decode_unicode_with_escapes, decode_bytes_with_escapes).
// See docs/parser.md.
import { PyBytes, makeStr, type ConstantValue } from "../ast/constant.js";
import { lookupForEscape } from "../unicode/unicodedata_impl.js";
import { escapedToBytes, isEscapedByte, utf8DecodeErrorMessage } from "./tokenizer_helpers.js";

/** A decoding failure; the parser turns it into a SyntaxError with this message (_Pypegen_raise_decode_error). */
export class StringDecodeError extends Error {
  readonly msg: string;
  constructor(msg: string) {
    super(msg);
    this.msg = msg;
  }
}

export interface StringPrefix {
  readonly bytes: boolean;
  readonly raw: boolean;
  readonly unicode: boolean;
  readonly fstring: boolean;
  /** Length of the prefix in characters. */
  readonly length: number;
}

export function parsePrefix(tok: string): StringPrefix {
  let bytes = false;
  let raw = false;
  let unicode = false;
  let fstring = false;
  let i = 0;
  for (; i < tok.length; i++) {
    const c = tok[i];
    if (c === "b" || c === "B") bytes = true;
    else if (c === "r" || c === "R") raw = true;
    else if (c === "u" || c === "U") unicode = true;
    else if (c === "f" || c === "F") fstring = true;
    else break;
  }
  return { bytes, raw, unicode, fstring, length: i };
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

const SIMPLE_ESCAPES: { readonly [c: string]: number } = {
  "\\": 0x5c, "'": 0x27, '"': 0x22, a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11,
};

/**
 * decode_unicode_with_escapes rewrites the body before the unicode-escape codec runs: each non-ASCII character
 * becomes "\\U%08x" (10 bytes) and a backslash before one (or at the end) becomes "\\u005c"; a backslash and the
 * character after it are copied as a unit. Returns the offset in that buffer of each code point index (and of n).
 */
function expandedOffsets(cps: readonly number[]): number[] {
  const off = new Array<number>(cps.length + 1);
  let o = 0;
  for (let j = 0; j < cps.length; ) {
    off[j] = o;
    if (cps[j] === 0x5c) {
      o += 1;
      j++;
      if (j >= cps.length || cps[j]! >= 0x80) o += 5;
      if (j >= cps.length) break;
      off[j] = o;
    }
    o += cps[j]! >= 0x80 ? 10 : 1;
    j++;
  }
  off[cps.length] = o;
  return off;
}

/** The str value of a literal body with escapes processed (decode_unicode_with_escapes). */
export function decodeUnicodeEscapes(body: string): string | import("../ast/constant.js").SurrogateStr {
  if (!body.includes("\\")) return body;
  const cps = Array.from(body, (ch) => ch.codePointAt(0)!);
  const out: number[] = [];
  const n = cps.length;
  let offsets: number[] | null = null;
  // Error positions count in the buffer the unicode-escape codec sees (see expandedOffsets).
  const pos = (k: number): number => (offsets ??= expandedOffsets(cps))[k]!;
  for (let i = 0; i < n; ) {
    const c = cps[i]!;
    if (c !== 0x5c) {
      out.push(c);
      i++;
      continue;
    }
    const start = i;
    i++;
    // decode_unicode_with_escapes turns a final backslash into "\\u005c" before the codec runs: a literal backslash
    // (an f-string part can end with one, as in f'\{x}').
    if (i >= n) {
      out.push(0x5c);
      break;
    }
    const e = cps[i]!;
    const ch = String.fromCodePoint(e);
    i++;
    if (e === 0x0a) continue;
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) {
      out.push(simple);
      continue;
    }
    if (e >= 0x30 && e <= 0x37) {
      let v = e - 0x30;
      for (let k = 0; k < 2 && i < n && cps[i]! >= 0x30 && cps[i]! <= 0x37; k++) v = v * 8 + (cps[i++]! - 0x30);
      out.push(v);
      continue;
    }
    if (ch === "x" || ch === "u" || ch === "U") {
      const len = ch === "x" ? 2 : ch === "u" ? 4 : 8;
      let v = 0;
      let k = 0;
      for (; k < len && i < n && isHex(cps[i]!); k++) v = v * 16 + parseInt(String.fromCodePoint(cps[i++]!), 16);
      if (k < len) {
        const what = ch === "x" ? "truncated \\xXX escape" : ch === "u" ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        throw new StringDecodeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${pos(start)}-${pos(i) - 1}: ${what}`);
      }
      if (v > 0x10ffff) {
        throw new StringDecodeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${pos(start)}-${pos(i) - 1}: illegal Unicode character`);
      }
      out.push(v);
      continue;
    }
    if (ch === "N") {
      let ok = false;
      // Where the codec stops (endinpos): the end of input without a '}', the '}' of an empty name, else after 'N'.
      let stop = i;
      if (i < n && cps[i] === 0x7b) {
        const close = cps.indexOf(0x7d, i + 1);
        stop = close < 0 ? n : close;
        if (close > i + 1) {
          const name = String.fromCodePoint(...cps.slice(i + 1, close));
          // Aliases are accepted, named sequences are not (_PyUnicode_Name_CAPI getcode with with_named_seq = 0).
          const cp = lookupForEscape(name);
          if (cp >= 0) {
            out.push(cp);
            i = close + 1;
            ok = true;
          } else {
            throw new StringDecodeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${pos(start)}-${pos(close + 1) - 1}: unknown Unicode character name`);
          }
        }
      }
      if (!ok) throw new StringDecodeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${pos(start)}-${pos(stop) - 1}: malformed \\N character escape`);
      continue;
    }
    // An invalid escape keeps its backslash (CPython also emits a SyntaxWarning).
    out.push(0x5c, e);
  }
  return makeStr(out);
}

/** The bytes value of a literal body (decode_bytes_with_escapes); the body is ASCII-only. */
export function decodeBytes(body: string, raw: boolean): Uint8Array {
  const out: number[] = [];
  const n = body.length;
  for (let i = 0; i < n; ) {
    const c = body.charCodeAt(i);
    if (c !== 0x5c || raw) {
      out.push(c);
      i++;
      continue;
    }
    i++;
    if (i >= n) throw new StringDecodeError("(value error) Trailing \\ in string");
    const ch = body[i]!;
    const e = body.charCodeAt(i);
    i++;
    if (e === 0x0a) continue;
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) {
      out.push(simple);
      continue;
    }
    if (e >= 0x30 && e <= 0x37) {
      let v = e - 0x30;
      for (let k = 0; k < 2 && i < n && body.charCodeAt(i) >= 0x30 && body.charCodeAt(i) <= 0x37; k++) v = v * 8 + (body.charCodeAt(i++) - 0x30);
      out.push(v & 0xff);
      continue;
    }
    if (ch === "x") {
      if (i + 1 < n + 0 && isHex(body.charCodeAt(i)) && isHex(body.charCodeAt(i + 1))) {
        out.push(parseInt(body.slice(i, i + 2), 16));
        i += 2;
        continue;
      }
      throw new StringDecodeError(`(value error) invalid \\x escape at position ${i - 2}`);
    }
    out.push(0x5c, e);
  }
  return Uint8Array.from(out);
}

/**
 * The value of a STRING token (_PyPegen_parse_string). Throws StringDecodeError for bad escapes, or for non-ASCII
 * characters in a bytes literal (message "bytes can only contain ASCII literal characters").
 */
export function parseStringToken(tok: string, badBytes = false): { value: ConstantValue; prefix: StringPrefix } {
  const prefix = parsePrefix(tok);
  let s = tok.slice(prefix.length);
  const q = s[0]!;
  const triple = s.length >= 6 && s[1] === q && s[2] === q;
  s = triple ? s.slice(3, -3) : s.slice(1, -1);
  if (prefix.bytes) {
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) >= 0x80) throw new StringDecodeError("bytes can only contain ASCII literal characters");
    }
    return { value: new PyBytes(decodeBytes(s, prefix.raw)), prefix };
  }
  if (badBytes) {
    const msg = utf8ErrorOfBody(s, prefix.raw || !s.includes("\\"));
    if (msg !== null) throw new StringDecodeError(`(unicode error) ${msg}`);
  }
  return { value: prefix.raw ? s : decodeUnicodeEscapes(s), prefix };
}

/**
 * The UnicodeDecodeError message for a literal body holding bytes that are not UTF-8 (see Tokenizer.badBytes), or
 * null. A raw body (or one without backslashes) is decoded at once, so the position counts from the body's start;
 * otherwise decode_unicode_with_escapes decodes each run of bytes >= 0x80 alone and the position counts from the run.
 */
export function utf8ErrorOfBody(body: string, raw: boolean): string | null {
  let bad = false;
  for (let i = 0; i < body.length && !bad; i++) bad = isEscapedByte(body.charCodeAt(i));
  if (!bad) return null;
  const b = escapedToBytes(body);
  if (raw) return utf8DecodeErrorMessage(b, 0, b.length);
  for (let i = 0; i < b.length; ) {
    if (b[i] < 0x80) { i++; continue; }
    let j = i;
    while (j < b.length && b[j] >= 0x80) j++;
    const msg = utf8DecodeErrorMessage(b, i, j);
    if (msg !== null) return msg;
    i = j;
  }
  return null;
}
