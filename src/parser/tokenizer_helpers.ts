// Source decoding per PEP 263 (BOM, coding cookie on line 1 or 2) and the tokenizer's small helpers.
// CPython: Parser/tokenizer/helpers.c (check_bom, check_coding_spec, get_normal_name) and Lib/tokenize.py
// detect_encoding(), which the tokenize module applies before the C tokenizer. See docs/parser.md.
import { FrontEndSyntaxError } from "./errors.js";

/** The result of PEP 263 decoding. */
export interface DecodedSource {
  /** The text, BOM removed. */
  readonly text: string;
  /** The encoding as the tokenize module's ENCODING token names it ("utf-8", "iso-8859-1", "cp1252", ...). */
  readonly encoding: string;
}

/** get_normal_name (helpers.c) / _get_normal_name (tokenize.py): only utf-8 and latin-1 spellings are normalized. */
export function get_normal_name(orig: string): string {
  const enc = orig.slice(0, 12).toLowerCase().replace(/_/g, "-");
  if (enc === "utf-8" || enc.startsWith("utf-8-")) return "utf-8";
  if (enc === "latin-1" || enc === "iso-8859-1" || enc === "iso-latin-1" ||
      enc.startsWith("latin-1-") || enc.startsWith("iso-8859-1-") || enc.startsWith("iso-latin-1-")) return "iso-8859-1";
  return orig;
}

/**
 * get_coding_spec: the cookie of one line (bytes, without its newline), or null. The line must be a comment
 * (only spaces, tabs and form feeds before '#'); the spec is `coding[:=]` then [-\w.]+.
 */
function getCodingSpec(line: Uint8Array): string | null {
  const size = line.length;
  let i = 0;
  for (; i < size - 6; i++) {
    const c = line[i];
    if (c === 0x23) break;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0c) return null;
  }
  for (; i < size - 6; i++) {
    if (line[i] === 0x63 && line[i + 1] === 0x6f && line[i + 2] === 0x64 && line[i + 3] === 0x69 &&
        line[i + 4] === 0x6e && line[i + 5] === 0x67) {
      let t = i + 6;
      if (line[t] !== 0x3a && line[t] !== 0x3d) continue;
      do t++; while (line[t] === 0x20 || line[t] === 0x09);
      const begin = t;
      while (t < size && isCookieChar(line[t])) t++;
      if (begin < t) return String.fromCharCode(...line.subarray(begin, t));
    }
  }
  return null;
}

function isCookieChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f || c === 0x2e;
}

/** blank_re of tokenize.py: a line that is empty, blank, or a comment lets line 2 carry the cookie. */
function isBlankOrComment(line: Uint8Array): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === 0x23 || c === 0x0a || c === 0x0d) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0c) return false;
  }
  return true;
}

/** Python codec names (after the codecs module's normalization) mapped to WHATWG TextDecoder labels. */
const WHATWG_LABELS: Readonly<Record<string, string>> = {
  utf_8: "utf-8", utf8: "utf-8", u8: "utf-8", utf: "utf-8", cp65001: "utf-8",
  cp1250: "windows-1250", cp1251: "windows-1251", cp1253: "windows-1253",
  cp1254: "windows-1254", cp1255: "windows-1255", cp1256: "windows-1256", cp1257: "windows-1257", cp1258: "windows-1258",
  windows_1250: "windows-1250", windows_1251: "windows-1251",
  iso8859_2: "iso-8859-2", iso8859_3: "iso-8859-3", iso8859_4: "iso-8859-4", iso8859_5: "iso-8859-5",
  iso8859_6: "iso-8859-6", iso8859_7: "iso-8859-7", iso8859_8: "iso-8859-8", iso8859_10: "iso-8859-10",
  iso8859_13: "iso-8859-13", iso8859_14: "iso-8859-14", iso8859_15: "iso-8859-15", iso8859_16: "iso-8859-16",
  latin9: "iso-8859-15", l9: "iso-8859-15",
  koi8_r: "koi8-r", koi8_u: "koi8-u", mac_roman: "macintosh", macroman: "macintosh",
  shift_jis: "shift_jis", sjis: "shift_jis", s_jis: "shift_jis", cp932: "shift_jis", euc_jp: "euc-jp", iso2022_jp: "iso-2022-jp",
  euc_kr: "euc-kr", cp949: "euc-kr", gb2312: "gbk", gbk: "gbk", cp936: "gbk", gb18030: "gb18030", big5: "big5", cp950: "big5",
  utf_16: "utf-16le", utf_16_le: "utf-16le", utf_16le: "utf-16le", utf_16_be: "utf-16be", utf_16be: "utf-16be",
};

/** Python's codec name normalization (encodings.normalize_encoding plus lower case, '-' and ' ' to '_'). */
function normalizeCodecName(name: string): string {
  let n = name.toLowerCase().replace(/[-\s]+/g, "_");
  n = n.replace(/^iso_?8859_?/, "iso8859_").replace(/^latin_?/, "latin");
  return n;
}

const LATIN1 = new Set(["iso8859_1", "latin1", "latin", "l1", "iso_ir_100", "cp819", "8859", "iso8859"]);
const ASCII = new Set(["ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "iso646_us", "cp367", "csascii"]);

/** A decoder for a Python codec name, or null if Typhon does not know the codec (LookupError in CPython). */
function decoderFor(encoding: string): ((b: Uint8Array, fatal: boolean) => string) | null {
  const n = normalizeCodecName(encoding);
  if (LATIN1.has(n)) return (b) => latin1(b);
  if (ASCII.has(n)) {
    return (b, fatal) => {
      for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) {
        if (fatal) throw new CodecError(`'ascii' codec can't decode byte 0x${b[i].toString(16)} in position ${i}: ordinal not in range(128)`);
        return Array.from(b, (c) => (c < 0x80 ? String.fromCharCode(c) : "\ufffd")).join("");
      }
      return latin1(b);
    };
  }
  if (n === "cp1252" || n === "windows_1252") return cp1252;
  const label = WHATWG_LABELS[n];
  if (label === undefined) return null;
  return (b, fatal) => {
    try {
      return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(b);
    } catch {
      throw new CodecError(`'${n}' codec can't decode the source`);
    }
  };
}

class CodecError extends Error {}

// cp1252 by hand: Node's TextDecoder decodes the "windows-1252" label as ISO-8859-1, so the 0x80-0x9F
// row of Python's cp1252 codec (Lib/encodings/cp1252.py) is spelled out; 0xFFFE marks its undefined bytes.
const CP1252_80 = [
  0x20ac, 0xfffe, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffe, 0x017d, 0xfffe,
  0xfffe, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffe, 0x017e, 0x0178,
] as const;

function cp1252(b: Uint8Array, fatal: boolean): string {
  let s = "";
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x80 || c >= 0xa0) { s += String.fromCharCode(c); continue; }
    const u = CP1252_80[c - 0x80];
    if (u === 0xfffe) {
      if (fatal) throw new CodecError(`'charmap' codec can't decode byte 0x${c.toString(16)} in position ${i}: character maps to <undefined>`);
      s += "\ufffd";
    } else s += String.fromCharCode(u);
  }
  return s;
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/** End (exclusive, after '\n') of the line starting at `start`. */
function lineEnd(b: Uint8Array, start: number): number {
  const nl = b.indexOf(0x0a, start);
  return nl < 0 ? b.length : nl + 1;
}

const utf8Fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Replace = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/** Describes the first invalid UTF-8 sequence of `b` as Python's UnicodeDecodeError does; null if valid. */
export function utf8ErrorAt(b: Uint8Array, from: number, to: number): { pos: number; reason: string; end: number } | null {
  let i = from;
  while (i < to) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let need: number, lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) { need = 2; if (c === 0xe0) lo = 0xa0; if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; if (c === 0xf0) lo = 0x90; if (c === 0xf4) hi = 0x8f; }
    else return { pos: i, reason: "invalid start byte", end: i + 1 };
    for (let k = 1; k <= need; k++) {
      if (i + k >= to) return { pos: i, reason: "unexpected end of data", end: to };
      const d = b[i + k];
      if (k === 1 ? (d < lo || d > hi) : (d < 0x80 || d > 0xbf)) return { pos: i, reason: "invalid continuation byte", end: i + k };
    }
    i += need + 1;
  }
  return null;
}

/**
 * Decode a source file the way the tokenize module does (tokenize.detect_encoding, then the C tokenizer reading
 * lines with errors="replace"). Errors are SyntaxErrors with tokenize.py's messages naming `filename`.
 */
export function decodeForTokenize(b: Uint8Array, filename: string): DecodedSource {
  let start = 0;
  let bom = false;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) { bom = true; start = 3; }
  const fail = (msg: string): never => { throw new FrontEndSyntaxError("SyntaxError", msg, "", 0, 0, 0, 0, null); };
  const findCookie = (from: number, to: number): string | null => {
    if (utf8ErrorAt(b, from, to) !== null) fail(`invalid or missing encoding declaration for ${pyStrRepr(filename)}`);
    let line = b.subarray(from, to);
    // cookie_re is matched against the decoded line; a '\n' in the middle cannot occur here.
    const spec = getCodingSpecForRe(line);
    if (spec === null) return null;
    const enc = get_normal_name(spec);
    if (decoderFor(enc) === null) fail(`unknown encoding for ${pyStrRepr(filename)}: ${enc}`);
    if (bom) {
      if (enc !== "utf-8") fail(`encoding problem for ${pyStrRepr(filename)}: utf-8`);
      return "utf-8";
    }
    line = line.subarray(0);
    return enc;
  };
  let encoding = "utf-8";
  if (start < b.length) {
    const e1 = lineEnd(b, start);
    const c1 = findCookie(start, e1);
    if (c1 !== null) encoding = c1;
    else if (isBlankOrComment(b.subarray(start, e1)) && e1 < b.length) {
      const e2 = lineEnd(b, e1);
      const c2 = findCookie(e1, e2);
      if (c2 !== null) encoding = c2;
    }
  }
  const body = b.subarray(start);
  const text = encoding === "utf-8" ? utf8Replace.decode(body) : decoderFor(encoding)!(body, false);
  return { text, encoding };
}

/** cookie_re of tokenize.py: r'^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)' (ASCII). */
function getCodingSpecForRe(line: Uint8Array): string | null {
  let i = 0;
  while (i < line.length && (line[i] === 0x20 || line[i] === 0x09 || line[i] === 0x0c)) i++;
  if (line[i] !== 0x23) return null;
  for (let j = i + 1; j + 6 < line.length; j++) {
    if (line[j] === 0x0a || line[j] === 0x0d) return null;
    if (line[j] === 0x63 && line[j + 1] === 0x6f && line[j + 2] === 0x64 && line[j + 3] === 0x69 &&
        line[j + 4] === 0x6e && line[j + 5] === 0x67 && (line[j + 6] === 0x3a || line[j + 6] === 0x3d)) {
      let t = j + 7;
      while (line[t] === 0x20 || line[t] === 0x09) t++;
      const begin = t;
      while (t < line.length && isCookieChar(line[t])) t++;
      if (begin < t) return String.fromCharCode(...line.subarray(begin, t));
    }
  }
  return null;
}

/** The result of decoding source bytes for the parser. */
export interface ParserSource extends DecodedSource {
  /**
   * The UTF-8 source holds bytes that are not valid UTF-8. CPython's tokenizer works on the bytes and decodes only
   * what it must (identifiers, string literals), so such bytes are kept in `text` as U+DC80..U+DCFF (Python's
   * surrogateescape) and reported when a token that needs decoding holds one.
   */
  readonly badBytes: boolean;
  /** A BOM or a coding cookie declared the encoding (tok->encoding is set). */
  readonly declared: boolean;
  /** The bytes started with a UTF-8 BOM. */
  readonly bom: boolean;
}

/**
 * Decode source bytes for the parser (Parser/tokenizer/string_tokenizer.c decode_str): BOM, cookie on line 1 or 2.
 * A declared encoding other than UTF-8 translates the whole source up front (translate_into_utf8), so its errors are
 * tokenizer-initialisation errors: `(filename, 0, -1, None)` with the codec's message (pegen_errors.c
 * _PyPegen_raise_tokenizer_init_error). UTF-8 is not checked here (see ParserSource.badBytes).
 */
export function decodeForParser(b: Uint8Array, filename: string): ParserSource {
  let start = 0;
  let bom = false;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) { bom = true; start = 3; }
  const fail = (msg: string): never => { throw new FrontEndSyntaxError("SyntaxError", msg, filename, 0, -1, null, null, null); };
  let spec: string | null = null;
  if (start < b.length) {
    const e1 = lineEnd(b, start);
    const l1 = b.subarray(start, e1);
    spec = getCodingSpec(stripNewline(l1));
    if (spec === null && isBlankOrComment(l1) && e1 < b.length) spec = getCodingSpec(stripNewline(b.subarray(e1, lineEnd(b, e1))));
  }
  let encoding = "utf-8";
  if (spec !== null) {
    encoding = get_normal_name(spec);
    if (bom && encoding !== "utf-8") fail(`encoding problem: ${encoding} with BOM`);
    if (decoderFor(encoding) === null) fail(`unknown encoding: ${encoding}`);
  }
  const body = b.subarray(start);
  if (encoding === "utf-8") {
    try {
      return { text: utf8Fatal.decode(body), encoding, badBytes: false, declared: bom || spec !== null, bom };
    } catch {
      return { text: decodeSurrogateEscape(body), encoding, badBytes: true, declared: bom || spec !== null, bom };
    }
  }
  let text = "";
  try {
    text = decoderFor(encoding)!(body, true);
  } catch (e) {
    fail((e as Error).message);
  }
  return { text, encoding, badBytes: false, declared: true, bom };
}

/** U+DC80..U+DCFF: a byte that is not valid UTF-8, kept by decodeSurrogateEscape. */
export function isEscapedByte(c: number): boolean {
  return c >= 0xdc80 && c <= 0xdcff;
}

/** UTF-8 with each byte of an invalid sequence mapped to U+DC00 + byte (the surrogateescape error handler). */
function decodeSurrogateEscape(b: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < b.length) {
    const err = utf8ErrorAt(b, i, b.length);
    const stop = err === null ? b.length : err.pos;
    if (stop > i) out += utf8Fatal.decode(b.subarray(i, stop));
    if (err === null) break;
    for (let k = err.pos; k < err.end; k++) out += String.fromCharCode(0xdc00 + b[k]);
    i = err.end;
  }
  return out;
}

/** The original bytes of text holding escaped bytes: UTF-8, with U+DC80..U+DCFF back to single bytes. */
export function escapedToBytes(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (isEscapedByte(c)) { out.push(c - 0xdc00); continue; }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** Text holding escaped bytes as CPython shows it in errors: the original bytes decoded with errors="replace". */
export function replaceEscapedBytes(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (isEscapedByte(s.charCodeAt(i))) return utf8Replace.decode(escapedToBytes(s));
  }
  return s;
}

/** str() of the UnicodeDecodeError strict UTF-8 decoding raises on b[from, to), or null if those bytes are valid. */
export function utf8DecodeErrorMessage(b: Uint8Array, from: number, to: number): string | null {
  const err = utf8ErrorAt(b, from, to);
  if (err === null) return null;
  const hex = b[err.pos].toString(16).padStart(2, "0");
  return err.end - err.pos === 1
    ? `'utf-8' codec can't decode byte 0x${hex} in position ${err.pos - from}: ${err.reason}`
    : `'utf-8' codec can't decode bytes in position ${err.pos - from}-${err.end - 1 - from}: ${err.reason}`;
}

function stripNewline(l: Uint8Array): Uint8Array {
  let n = l.length;
  if (n > 0 && l[n - 1] === 0x0a) n--;
  if (n > 0 && l[n - 1] === 0x0d) n--;
  return l.subarray(0, n);
}

/** repr() of a str as Python prints it (quotes chosen as Python does); used in error messages. */
export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (!isPrintableCodePoint(c)) {
      out += c < 0x100 ? `\\x${c.toString(16).padStart(2, "0")}` : c < 0x10000 ? `\\u${c.toString(16).padStart(4, "0")}` : `\\U${c.toString(16).padStart(8, "0")}`;
    } else out += ch;
  }
  return out + q;
}

import { NONPRINTABLE_RANGES } from "../ast/printable.js";

/** Py_UNICODE_ISPRINTABLE, from CPython 3.13's Unicode database (src/ast/printable.ts). */
export function isPrintableCodePoint(c: number): boolean {
  if (c >= 0x20 && c < 0x7f) return true;
  const r = NONPRINTABLE_RANGES;
  let lo = 0, hi = (r.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < r[2 * mid]) hi = mid - 1;
    else if (c > r[2 * mid + 1]) lo = mid + 1;
    else return false;
  }
  return true;
}
