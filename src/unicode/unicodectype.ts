// Character types and case mappings for str methods, per code point and per string (CPython: Objects/unicodectype.c,
// plus the case-mapping loops of Objects/unicodeobject.c: do_upper, do_lower, do_title, do_capitalize, ...).
// Data: ./unicodetype_db.ts (generated), decoded on first use. Strings are JS strings read by code point: a
// surrogate pair is one astral code point, a lone surrogate is itself. See docs/unicode.md.
import { CTYPE_EXT, CTYPE_EXTENDED_CASE, CTYPE_FLAGS, CTYPE_INDEX, CTYPE_NUMERIC, CTYPE_RECORDS } from "./unicodetype_db.js";
import { Trie, int36 } from "./packed.js";

const { ALPHA, DECIMAL, DIGIT, LOWER, LINEBREAK, SPACE, TITLE, UPPER, XID_START, XID_CONTINUE, PRINTABLE, NUMERIC,
  CASE_IGNORABLE, CASED } = CTYPE_FLAGS;

/** The decoded database; one instance, built by load() at first use. */
class CtypeDb {
  readonly index: Trie;
  readonly flags: Uint16Array;
  readonly decimal: Int8Array;
  readonly digit: Int8Array;
  readonly numeric: Int16Array;
  readonly lower: Int32Array;
  readonly upper: Int32Array;
  readonly title: Int32Array;
  readonly fold: Int32Array;
  readonly extended: readonly (readonly number[])[];
  readonly numerics: Float64Array;

  constructor() {
    this.index = new Trie(CTYPE_INDEX);
    const recs = CTYPE_RECORDS.split(";");
    const n = recs.length;
    this.flags = new Uint16Array(n);
    this.decimal = new Int8Array(n);
    this.digit = new Int8Array(n);
    this.numeric = new Int16Array(n);
    this.lower = new Int32Array(n);
    this.upper = new Int32Array(n);
    this.title = new Int32Array(n);
    this.fold = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const f = recs[i]!.split(",");
      this.flags[i] = int36(f[0]!);
      this.decimal[i] = int36(f[1]!);
      this.digit[i] = int36(f[2]!);
      this.numeric[i] = int36(f[3]!);
      this.lower[i] = int36(f[4]!);
      this.upper[i] = int36(f[5]!);
      this.title[i] = int36(f[6]!);
      this.fold[i] = int36(f[7]!);
    }
    this.extended = CTYPE_EXTENDED_CASE.split(";").map((e) => e.split(",").map(int36));
    this.numerics = new Float64Array(CTYPE_NUMERIC.split(" ").map(Number));
  }
}

let db: CtypeDb | null = null;

/** Decodes the tables now (otherwise they are decoded at first use). */
export function loadCtypeDb(): void {
  db ??= new CtypeDb();
}

function record(cp: number): number {
  db ??= new CtypeDb();
  // gettyperecord: code points past the range get record 0 (no properties, identity mappings).
  return cp >= 0 && cp < 0x110000 ? db.index.get(cp) : 0;
}

function flags(cp: number): number {
  const r = record(cp);
  return db!.flags[r]!;
}

export function _PyUnicode_IsAlpha(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return (flags(cp) & ALPHA) !== 0;
}
export function _PyUnicode_IsDecimalDigit(cp: number): boolean {
  return (flags(cp) & DECIMAL) !== 0;
}
export function _PyUnicode_IsDigit(cp: number): boolean {
  return (flags(cp) & DIGIT) !== 0;
}
export function _PyUnicode_IsNumeric(cp: number): boolean {
  return (flags(cp) & NUMERIC) !== 0;
}
/** Py_UNICODE_ISALNUM: alpha, decimal, digit or numeric (what str.isalnum tests per character). */
export function Py_UNICODE_ISALNUM(cp: number): boolean {
  return (flags(cp) & (ALPHA | DECIMAL | DIGIT | NUMERIC)) !== 0;
}
/** Py_UNICODE_ISSPACE (_PyUnicode_IsWhitespace): bidirectional WS, B or S, or category Zs. */
export function _PyUnicode_IsWhitespace(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f);
  return (flags(cp) & SPACE) !== 0;
}
/** Py_UNICODE_ISLINEBREAK: what str.splitlines splits on. */
export function _PyUnicode_IsLinebreak(cp: number): boolean {
  return (flags(cp) & LINEBREAK) !== 0;
}
export function _PyUnicode_IsPrintable(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return (flags(cp) & PRINTABLE) !== 0;
}
export function _PyUnicode_IsLowercase(cp: number): boolean {
  return (flags(cp) & LOWER) !== 0;
}
export function _PyUnicode_IsUppercase(cp: number): boolean {
  return (flags(cp) & UPPER) !== 0;
}
export function _PyUnicode_IsTitlecase(cp: number): boolean {
  return (flags(cp) & TITLE) !== 0;
}
export function _PyUnicode_IsCased(cp: number): boolean {
  return (flags(cp) & CASED) !== 0;
}
export function _PyUnicode_IsCaseIgnorable(cp: number): boolean {
  return (flags(cp) & CASE_IGNORABLE) !== 0;
}
/** XID_Start (without '_', which isidentifier() and the tokenizer add themselves). */
export function _PyUnicode_IsXidStart(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return (flags(cp) & XID_START) !== 0;
}
export function _PyUnicode_IsXidContinue(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || cp === 0x5f;
  return (flags(cp) & XID_CONTINUE) !== 0;
}

/** The decimal value (0-9) or -1 (Py_UNICODE_TODECIMAL). */
export function _PyUnicode_ToDecimalDigit(cp: number): number {
  const r = record(cp);
  return db!.decimal[r]!;
}
/** The digit value (0-9) or -1 (Py_UNICODE_TODIGIT). */
export function _PyUnicode_ToDigit(cp: number): number {
  const r = record(cp);
  return db!.digit[r]!;
}
/** The numeric value, or -1.0 when there is none (Py_UNICODE_TONUMERIC). */
export function _PyUnicode_ToNumeric(cp: number): number {
  const r = record(cp);
  const i = db!.numeric[r]!;
  return i < 0 ? -1.0 : db!.numerics[i]!;
}

function simple(cp: number, v: number): number {
  return v >= CTYPE_EXT ? db!.extended[v - CTYPE_EXT]![0]! : cp + v;
}
function full(cp: number, v: number): number[] {
  return v >= CTYPE_EXT ? db!.extended[v - CTYPE_EXT]!.slice() : [cp + v];
}

/** Simple case mappings: the first character of the full mapping (as CPython's records store them). */
export function _PyUnicode_ToLowercase(cp: number): number {
  const r = record(cp);
  return simple(cp, db!.lower[r]!);
}
export function _PyUnicode_ToUppercase(cp: number): number {
  const r = record(cp);
  return simple(cp, db!.upper[r]!);
}
export function _PyUnicode_ToTitlecase(cp: number): number {
  const r = record(cp);
  return simple(cp, db!.title[r]!);
}
/** Full case mappings (SpecialCasing.txt included): 1 to 3 code points. */
export function _PyUnicode_ToLowerFull(cp: number): number[] {
  const r = record(cp);
  return full(cp, db!.lower[r]!);
}
export function _PyUnicode_ToUpperFull(cp: number): number[] {
  const r = record(cp);
  return full(cp, db!.upper[r]!);
}
export function _PyUnicode_ToTitleFull(cp: number): number[] {
  const r = record(cp);
  return full(cp, db!.title[r]!);
}
export function _PyUnicode_ToFoldedFull(cp: number): number[] {
  const r = record(cp);
  return full(cp, db!.fold[r]!);
}

// ---------------------------------------------------------------------------------------------------------------
// Whole strings.

/** Collects code points and makes a JS string of them (astral ones as surrogate pairs). */
class StrBuilder {
  units: number[];
  out: string;
  constructor() {
    this.units = [];
    this.out = "";
  }
  push(cp: number): void {
    if (cp >= 0x10000) {
      cp -= 0x10000;
      this.units.push(0xd800 | (cp >> 10), 0xdc00 | (cp & 0x3ff));
    } else {
      this.units.push(cp);
    }
    if (this.units.length >= 8192) this.flush();
  }
  /** Appends the mapping `v` (a delta or an extended index) of `cp`. */
  pushMapped(cp: number, v: number): void {
    if (v >= CTYPE_EXT) for (const c of db!.extended[v - CTYPE_EXT]!) this.push(c);
    else this.push(cp + v);
  }
  flush(): void {
    this.out += String.fromCharCode.apply(null, this.units);
    this.units.length = 0;
  }
  toString(): string {
    this.flush();
    return this.out;
  }
}

/** The code point at UTF-16 index i (a lone surrogate is itself). */
function cpAt(s: string, i: number): number {
  return s.codePointAt(i)!;
}
/** The code point that ends just before UTF-16 index i, and its start index. */
function cpBefore(s: string, i: number): [number, number] {
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return [((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000, i - 2];
  }
  return [lo, i - 1];
}

const ASCII = /^[\x00-\x7f]*$/;

/** handle_capital_sigma: 'Σ' at UTF-16 index i lowers to final 'ς' when a cased letter precedes it (skipping
 * case-ignorable ones) and none follows. */
function handle_capital_sigma(s: string, i: number): number {
  let j = i;
  let c = 0;
  let found = false;
  while (j > 0) {
    const [p, start] = cpBefore(s, j);
    j = start;
    c = p;
    if (!_PyUnicode_IsCaseIgnorable(p)) {
      found = true;
      break;
    }
  }
  let final_sigma = found && _PyUnicode_IsCased(c);
  if (final_sigma) {
    let k = i + 1; // 'Σ' is one UTF-16 unit
    found = false;
    while (k < s.length) {
      c = cpAt(s, k);
      k += c >= 0x10000 ? 2 : 1;
      if (!_PyUnicode_IsCaseIgnorable(c)) {
        found = true;
        break;
      }
    }
    final_sigma = !found || !_PyUnicode_IsCased(c);
  }
  return final_sigma ? 0x3c2 : 0x3c3;
}

/** lower_ucs4: the full lower mapping, with the final-sigma rule. */
function pushLower(b: StrBuilder, s: string, i: number, cp: number): void {
  if (cp === 0x3a3) b.push(handle_capital_sigma(s, i));
  else {
    const r = record(cp);
    b.pushMapped(cp, db!.lower[r]!);
  }
}

/** str.upper() (do_upper). */
export function str_upper(s: string): string {
  if (ASCII.test(s)) return s.toUpperCase();
  const b = new StrBuilder();
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    const r = record(cp);
    b.pushMapped(cp, db!.upper[r]!);
    i += cp >= 0x10000 ? 2 : 1;
  }
  return b.toString();
}

/** str.lower() (do_lower), with the final-sigma rule. */
export function str_lower(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  const b = new StrBuilder();
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    pushLower(b, s, i, cp);
    i += cp >= 0x10000 ? 2 : 1;
  }
  return b.toString();
}

/** str.casefold() (do_casefold). */
export function str_casefold(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  const b = new StrBuilder();
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    const r = record(cp);
    b.pushMapped(cp, db!.fold[r]!);
    i += cp >= 0x10000 ? 2 : 1;
  }
  return b.toString();
}

/** str.title() (do_title): title-case after an uncased character, lower-case after a cased one. */
export function str_title(s: string): string {
  const b = new StrBuilder();
  let previous_is_cased = false;
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    const r = record(cp);
    if (previous_is_cased) pushLower(b, s, i, cp);
    else b.pushMapped(cp, db!.title[r]!);
    previous_is_cased = (db!.flags[r]! & CASED) !== 0;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return b.toString();
}

/** str.capitalize() (do_capitalize): the first character title-cased (since 3.8), the rest lower-cased. */
export function str_capitalize(s: string): string {
  if (s.length === 0) return s;
  const b = new StrBuilder();
  let cp = cpAt(s, 0);
  b.pushMapped(cp, db_title(cp));
  for (let i = cp >= 0x10000 ? 2 : 1; i < s.length; ) {
    cp = cpAt(s, i);
    pushLower(b, s, i, cp);
    i += cp >= 0x10000 ? 2 : 1;
  }
  return b.toString();
}
function db_title(cp: number): number {
  const r = record(cp);
  return db!.title[r]!;
}

/** str.swapcase() (do_swapcase): upper-case letters lowered (final sigma included), lower-case ones uppered. */
export function str_swapcase(s: string): string {
  const b = new StrBuilder();
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    const r = record(cp);
    const f = db!.flags[r]!;
    if (f & UPPER) pushLower(b, s, i, cp);
    else if (f & LOWER) b.pushMapped(cp, db!.upper[r]!);
    else b.push(cp);
    i += cp >= 0x10000 ? 2 : 1;
  }
  return b.toString();
}

/** True when s is non-empty and every code point has one of the flags in `mask`. */
function allHave(s: string, mask: number): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    if ((flags(cp) & mask) === 0) return false;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return true;
}

export function str_isalpha(s: string): boolean {
  return allHave(s, ALPHA);
}
export function str_isalnum(s: string): boolean {
  return allHave(s, ALPHA | DECIMAL | DIGIT | NUMERIC);
}
export function str_isdecimal(s: string): boolean {
  return allHave(s, DECIMAL);
}
export function str_isdigit(s: string): boolean {
  return allHave(s, DIGIT);
}
export function str_isnumeric(s: string): boolean {
  return allHave(s, NUMERIC);
}
export function str_isspace(s: string): boolean {
  return allHave(s, SPACE);
}
/** str.isprintable(): true for the empty string. */
export function str_isprintable(s: string): boolean {
  return s.length === 0 || allHave(s, PRINTABLE);
}

/** str.islower(): no upper- or title-case character and at least one lower-case one. */
export function str_islower(s: string): boolean {
  let cased = false;
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    const f = flags(cp);
    if (f & (UPPER | TITLE)) return false;
    if (f & LOWER) cased = true;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return cased;
}

/** str.isupper(): no lower- or title-case character and at least one upper-case one. */
export function str_isupper(s: string): boolean {
  let cased = false;
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    const f = flags(cp);
    if (f & (LOWER | TITLE)) return false;
    if (f & UPPER) cased = true;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return cased;
}

/** str.istitle(): upper/title-case characters only after uncased ones, lower-case ones only after cased ones. */
export function str_istitle(s: string): boolean {
  let cased = false;
  let previous_is_cased = false;
  for (let i = 0; i < s.length; ) {
    const cp = cpAt(s, i);
    const f = flags(cp);
    if (f & (UPPER | TITLE)) {
      if (previous_is_cased) return false;
      previous_is_cased = true;
      cased = true;
    } else if (f & LOWER) {
      if (!previous_is_cased) return false;
      previous_is_cased = true;
      cased = true;
    } else {
      previous_is_cased = false;
    }
    i += cp >= 0x10000 ? 2 : 1;
  }
  return cased;
}

/** str.isidentifier() (_PyUnicode_ScanIdentifier over the whole string): XID_Start or '_', then XID_Continue. */
export function str_isidentifier(s: string): boolean {
  if (s.length === 0) return false;
  let cp = cpAt(s, 0);
  if (!_PyUnicode_IsXidStart(cp) && cp !== 0x5f) return false;
  for (let i = cp >= 0x10000 ? 2 : 1; i < s.length; ) {
    cp = cpAt(s, i);
    if (!_PyUnicode_IsXidContinue(cp)) return false;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return true;
}
