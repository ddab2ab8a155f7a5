// The functions of the unicodedata module over code points and JS strings (CPython: Modules/unicodedata.c), for
// Unicode 15.1.0 and for the ucd_3_2_0 view that idna/stringprep use. Data: ./unicodedata_db.ts and
// ./unicodename_db.ts (generated), decoded on first use; numeric values come from ./unicodectype.ts.
// The Python binding (argument checks, exceptions as Python objects) is a thin layer on top. See docs/unicode.md.
import {
  UCD_3_2_0_CHANGES, UCD_3_2_0_NORMALIZATION, UCD_BIDIRECTIONAL_NAMES, UCD_CATEGORY_NAMES, UCD_COMPOSITES,
  UCD_DECOMP_PREFIX, UCD_DECOMPOSITIONS, UCD_EAST_ASIAN_WIDTH_NAMES, UCD_INDEX, UCD_RECORDS,
} from "./unicodedata_db.js";
import { nameAliases, NAME_CJK_RANGES, NAME_CONT, nameEntries, nameSequences, NAME_TERM, nameWords } from "./unicodename_db.js";
import { Trie, int36 } from "./packed.js";
import { _PyUnicode_ToDecimalDigit, _PyUnicode_ToDigit, _PyUnicode_IsNumeric, _PyUnicode_ToNumeric } from "./unicodectype.js";

/** A database: the module itself (the latest version) or the ucd_3_2_0 object (CPython's UCD_Check(self)). */
export interface UCD {
  readonly unidata_version: string;
  readonly old: boolean;
}
export const ucd_latest: UCD = { unidata_version: "15.1.0", old: false };
export const ucd_3_2_0: UCD = { unidata_version: "3.2.0", old: true };

/** An error the binding raises as the named Python exception with this message. */
export class UnicodeDataError extends Error {
  readonly pyType: "KeyError" | "ValueError";
  constructor(pyType: "KeyError" | "ValueError", message: string) {
    super(message);
    this.pyType = pyType;
  }
}

/** NAME_MAXLEN: lookup() rejects longer names (in UTF-8 bytes). */
export const NAME_MAXLEN = 256;

// ---------------------------------------------------------------------------------------------------------------
// Decoded tables.

// Hangul syllable arithmetic (Unicode 15.1 section 3.12; unicodedata.c's SBase ... SCount).
const SBase = 0xac00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11a7;
const LCount = 19, VCount = 21, TCount = 28;
const NCount = VCount * TCount, SCount = LCount * NCount;

/** ucd_3_2_0's differing values of one property: sorted runs, found by binary search. */
class Changes {
  readonly starts: number[];
  readonly ends: number[];
  readonly values: string[];
  constructor(text: string) {
    this.starts = [];
    this.ends = [];
    this.values = [];
    if (text === "") return;
    for (const run of text.split(";")) {
      const a = run.indexOf(",");
      const b = run.indexOf(",", a + 1);
      const start = int36(run.slice(0, a));
      this.starts.push(start);
      this.ends.push(start + int36(run.slice(a + 1, b)) - 1);
      this.values.push(run.slice(b + 1));
    }
  }
  get(cp: number): string | undefined {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < this.starts[mid]!) hi = mid - 1;
      else if (cp > this.ends[mid]!) lo = mid + 1;
      else return this.values[mid];
    }
    return undefined;
  }
}

class DataDb {
  readonly index: Trie;
  readonly category: Uint8Array;
  readonly bidirectional: Uint8Array;
  readonly combining: Uint8Array;
  readonly mirrored: Uint8Array;
  readonly eastAsianWidth: Uint8Array;
  readonly categoryNames: readonly string[];
  readonly bidiNames: readonly string[];
  readonly eawNames: readonly string[];
  /** Code point -> [tag index, code points...]. */
  readonly decomp: Map<number, number[]>;
  readonly decompPrefix: readonly string[];
  /** (first * 0x110000 + second) -> primary composite. */
  readonly compose: Map<number, number>;
  /** Code points that are the second of some composition pair (Hangul jamo V and T included). */
  readonly composeSecond: Set<number>;
  readonly old: Readonly<Record<string, Changes>>;
  readonly oldNormalization: Map<number, number>;

  constructor() {
    this.index = new Trie(UCD_INDEX);
    const recs = UCD_RECORDS.split(";");
    const n = recs.length;
    this.category = new Uint8Array(n);
    this.bidirectional = new Uint8Array(n);
    this.combining = new Uint8Array(n);
    this.mirrored = new Uint8Array(n);
    this.eastAsianWidth = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const f = recs[i]!.split(",");
      this.category[i] = int36(f[0]!);
      this.bidirectional[i] = int36(f[1]!);
      this.combining[i] = int36(f[2]!);
      this.mirrored[i] = int36(f[3]!);
      this.eastAsianWidth[i] = int36(f[4]!);
    }
    this.categoryNames = UCD_CATEGORY_NAMES.split(" ");
    this.bidiNames = UCD_BIDIRECTIONAL_NAMES.split(" ");
    this.eawNames = UCD_EAST_ASIAN_WIDTH_NAMES.split(" ");
    this.decompPrefix = UCD_DECOMP_PREFIX.split(" ");
    this.decomp = new Map();
    let cp = -1;
    for (const e of UCD_DECOMPOSITIONS.split(";")) {
      const [delta, tag, cps] = e.split(",") as [string, string, string];
      cp += int36(delta) + 1;
      this.decomp.set(cp, [int36(tag), ...cps.split(".").map(int36)]);
    }
    this.compose = new Map();
    this.composeSecond = new Set();
    for (let c = VBase; c < VBase + VCount; c++) this.composeSecond.add(c);
    for (let c = TBase + 1; c < TBase + TCount; c++) this.composeSecond.add(c);
    cp = -1;
    for (const d of UCD_COMPOSITES.split(",")) {
      cp += int36(d) + 1;
      const parts = this.decomp.get(cp)!;
      this.compose.set(parts[1]! * 0x110000 + parts[2]!, cp);
      this.composeSecond.add(parts[2]!);
    }
    const old: Record<string, Changes> = {};
    for (const [prop, text] of Object.entries(UCD_3_2_0_CHANGES)) old[prop] = new Changes(text);
    this.old = old;
    this.oldNormalization = new Map();
    for (const pair of UCD_3_2_0_NORMALIZATION.split(",")) {
      const [a, b] = pair.split(":") as [string, string];
      this.oldNormalization.set(int36(a), int36(b));
    }
  }

  record(cp: number): number {
    return cp >= 0 && cp < 0x110000 ? this.index.get(cp) : 0;
  }
}

let dataDb: DataDb | null = null;
function data(): DataDb {
  return (dataDb ??= new DataDb());
}

/** Decodes the property tables now (otherwise they are decoded at first use). */
export function loadUnicodeDataDb(): void {
  data();
}

/** ucd_3_2_0's value of `prop` for cp when it differs from the latest version. */
function oldValue(db: UCD, prop: string, cp: number): string | undefined {
  return db.old ? data().old[prop]!.get(cp) : undefined;
}

/** True when cp was unassigned in Unicode 3.2.0 (CPython: old->category_changed == 0). */
function unassignedIn320(cp: number): boolean {
  return data().old["category"]!.get(cp) === "Cn";
}

// ---------------------------------------------------------------------------------------------------------------
// Properties.

export function category(db: UCD, cp: number): string {
  const d = data();
  return oldValue(db, "category", cp) ?? d.categoryNames[d.category[d.record(cp)]!]!;
}
export function bidirectional(db: UCD, cp: number): string {
  const d = data();
  return oldValue(db, "bidirectional", cp) ?? d.bidiNames[d.bidirectional[d.record(cp)]!]!;
}
export function combining(db: UCD, cp: number): number {
  const d = data();
  const o = oldValue(db, "combining", cp);
  return o !== undefined ? int36(o) : d.combining[d.record(cp)]!;
}
export function mirrored(db: UCD, cp: number): number {
  const d = data();
  const o = oldValue(db, "mirrored", cp);
  return o !== undefined ? int36(o) : d.mirrored[d.record(cp)]!;
}
export function east_asian_width(db: UCD, cp: number): string {
  const d = data();
  return oldValue(db, "east_asian_width", cp) ?? d.eawNames[d.eastAsianWidth[d.record(cp)]!]!;
}
/** The decomposition mapping as unicodedata.decomposition() prints it ('<tag> XXXX XXXX' or ''). */
export function decomposition(db: UCD, cp: number): string {
  const o = oldValue(db, "decomposition", cp);
  if (o !== undefined) return o;
  const e = data().decomp.get(cp);
  if (e === undefined) return "";
  const parts = e.slice(1).map((c) => c.toString(16).toUpperCase().padStart(4, "0"));
  const tag = data().decompPrefix[e[0]!]!;
  return tag === "" ? parts.join(" ") : tag + " " + parts.join(" ");
}
/** decimal(): the value, or null (the binding then returns the default or raises "not a decimal"). */
export function decimal(db: UCD, cp: number): number | null {
  const o = oldValue(db, "decimal", cp);
  const v = o !== undefined ? int36(o) : _PyUnicode_ToDecimalDigit(cp);
  return v < 0 ? null : v;
}
/** digit(): the value, or null ("not a digit"). */
export function digit(db: UCD, cp: number): number | null {
  const o = oldValue(db, "digit", cp);
  const v = o !== undefined ? int36(o) : _PyUnicode_ToDigit(cp);
  return v < 0 ? null : v;
}
/** numeric(): the value, or null ("not a numeric character"). */
export function numeric(db: UCD, cp: number): number | null {
  const o = oldValue(db, "numeric", cp);
  if (o !== undefined) return o === "-1.0" ? null : Number(o);
  return _PyUnicode_IsNumeric(cp) ? _PyUnicode_ToNumeric(cp) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Normalization (UAX #15 with CPython's data: nfd_nfkd, nfc_nfkc, is_normalized).


export type NormalizationForm = "NFC" | "NFKC" | "NFD" | "NFKD";

function toCodePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

function fromCodePoints(cps: readonly number[]): string {
  let out = "";
  for (let i = 0; i < cps.length; i += 4096) out += String.fromCodePoint(...cps.slice(i, i + 4096));
  return out;
}

/** Full decomposition (canonical, or compatibility when k) followed by canonical ordering. */
function decompose(db: UCD, input: readonly number[], k: boolean): number[] {
  const d = data();
  const out: number[] = [];
  const stack: number[] = [];
  for (const c0 of input) {
    stack.push(c0);
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (c >= SBase && c < SBase + SCount) {
        const s = c - SBase;
        out.push(LBase + Math.floor(s / NCount), VBase + Math.floor((s % NCount) / TCount));
        if (s % TCount !== 0) out.push(TBase + (s % TCount));
        continue;
      }
      if (db.old) {
        // normalization_3_2_0: decompositions corrected since 3.2; characters new since then stay as they are.
        const fix = d.oldNormalization.get(c);
        if (fix !== undefined) {
          stack.push(fix);
          continue;
        }
        if (unassignedIn320(c)) {
          out.push(c);
          continue;
        }
      }
      const e = d.decomp.get(c);
      if (e === undefined || (e[0] !== 0 && !k)) {
        out.push(c);
        continue;
      }
      for (let i = e.length - 1; i >= 1; i--) stack.push(e[i]!);
    }
  }
  // Canonical ordering: a stable sort of each run of non-starters by combining class (CPython does an insertion
  // sort; a stable sort gives the same result without its quadratic worst case).
  for (let i = 0; i < out.length; ) {
    if (d.combining[d.record(out[i]!)] === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    let sorted = true;
    while (j < out.length) {
      const cc = d.combining[d.record(out[j]!)]!;
      if (cc === 0) break;
      if (cc < d.combining[d.record(out[j - 1]!)]!) sorted = false;
      j++;
    }
    if (!sorted) {
      const run = out.slice(i, j).map((c, n) => [d.combining[d.record(c)]!, n, c] as const);
      run.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      for (let n = 0; n < run.length; n++) out[i + n] = run[n]![2];
    }
    i = j;
  }
  return out;
}

/** Canonical composition of a decomposed, ordered sequence. */
function compose(cps: readonly number[]): number[] {
  const d = data();
  const out: number[] = [];
  let starter = -1; // index in out of the last starter
  let lastClass = 0; // combining class of the last character kept after that starter
  for (const c of cps) {
    const cc = d.combining[d.record(c)]!;
    if (starter >= 0) {
      const adjacent = out.length - 1 === starter;
      if (adjacent || (lastClass !== 0 && lastClass < cc)) {
        const s = out[starter]!;
        let composite = -1;
        if (adjacent && s >= LBase && s < LBase + LCount && c >= VBase && c < VBase + VCount) {
          composite = SBase + ((s - LBase) * VCount + (c - VBase)) * TCount;
        } else if (adjacent && s >= SBase && s < SBase + SCount && (s - SBase) % TCount === 0 && c > TBase && c < TBase + TCount) {
          composite = s + (c - TBase);
        } else {
          composite = d.compose.get(s * 0x110000 + c) ?? -1;
        }
        if (composite >= 0) {
          out[starter] = composite;
          continue;
        }
      }
    }
    if (cc === 0) {
      starter = out.length;
      lastClass = 0;
    } else {
      lastClass = cc;
    }
    out.push(c);
  }
  return out;
}

const ASCII = /^[\x00-\x7f]*$/;

/** A sufficient (not necessary) test that normalizing changes nothing: no character decomposes, combining classes
 * are already in order, and (when composing) none can be the second of a pair. */
function alreadyNormal(cps: readonly number[], k: boolean, composing: boolean): boolean {
  const d = data();
  let prev = 0;
  for (const c of cps) {
    if (c >= SBase && c < SBase + SCount) return false;
    const e = d.decomp.get(c);
    if (e !== undefined && (k || e[0] === 0)) return false;
    if (composing && d.composeSecond.has(c)) return false;
    const cc = d.combining[d.record(c)]!;
    if (cc !== 0 && cc < prev) return false;
    prev = cc;
  }
  return true;
}

function checkForm(form: string): NormalizationForm {
  if (form === "NFC" || form === "NFKC" || form === "NFD" || form === "NFKD") return form;
  throw new UnicodeDataError("ValueError", "invalid normalization form");
}

/** unicodedata.normalize(form, unistr). */
export function normalize(db: UCD, form: string, s: string): string {
  const f = checkForm(form);
  if (ASCII.test(s)) return s;
  const k = f === "NFKC" || f === "NFKD";
  const composing = f === "NFC" || f === "NFKC";
  const cps = toCodePoints(s);
  if (alreadyNormal(cps, k, composing)) return s;
  const dec = decompose(db, cps, k);
  return fromCodePoints(composing ? compose(dec) : dec);
}

/** unicodedata.is_normalized(form, unistr). */
export function is_normalized(db: UCD, form: string, s: string): boolean {
  return normalize(db, form, s) === s;
}

// ---------------------------------------------------------------------------------------------------------------
// Names.

const JAMO_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI",
  "YU", "EU", "YI", "I"];
const JAMO_T = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B",
  "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];

class NameDb {
  readonly byCode: Map<number, string>;
  /** Upper-case name -> a code point, or a named sequence's code points; `alias` marks formal aliases. */
  readonly byName: Map<string, { readonly cps: readonly number[]; readonly aliasOrSequence: boolean }>;

  constructor() {
    this.byCode = new Map();
    this.byName = new Map();
    const words: string[] = [];
    let word = "";
    const NAME_WORDS = nameWords();
    for (let i = 0; i < NAME_WORDS.length; ) {
      let j = i + 1;
      while (j < NAME_WORDS.length && NAME_WORDS.charCodeAt(j) < 0x61) j++;
      word = word.slice(0, NAME_WORDS.charCodeAt(i) - 0x61) + NAME_WORDS.slice(i + 1, j);
      words.push(word);
      i = j;
    }
    const digit = new Int16Array(128).fill(-1);
    const term = new Uint8Array(128);
    for (let i = 0; i < NAME_TERM.length; i++) {
      digit[NAME_TERM.charCodeAt(i)] = i;
      term[NAME_TERM.charCodeAt(i)] = 1;
    }
    for (let i = 0; i < NAME_CONT.length; i++) digit[NAME_CONT.charCodeAt(i)] = i;
    const base = NAME_TERM.length;
    const text = nameEntries();
    let pos = 0;
    const next = (): number => {
      let value = 0;
      let scale = 1;
      for (;;) {
        const ch = text.charCodeAt(pos++);
        value += digit[ch]! * scale;
        if (term[ch]) return value;
        scale *= base;
      }
    };
    let cp = -1;
    let prev: string[] = [];
    while (pos < text.length) {
      cp += next() + 1;
      const header = next();
      const ws = prev.slice(0, header >> 6);
      for (let n = header & 31; n > 0; n--) ws.push(words[next()]!);
      prev = ws;
      let name = ws.join(" ");
      if (header & 32) name += cp.toString(16).toUpperCase();
      this.byCode.set(cp, name);
      this.byName.set(name, { cps: [cp], aliasOrSequence: false });
    }
    for (const a of nameAliases().split(";")) {
      const colon = a.indexOf(":");
      this.byName.set(a.slice(colon + 1), { cps: [int36(a.slice(0, colon))], aliasOrSequence: true });
    }
    for (const s of nameSequences().split(";")) {
      const colon = s.indexOf(":");
      this.byName.set(s.slice(0, colon), { cps: s.slice(colon + 1).split(".").map(int36), aliasOrSequence: true });
    }
  }
}

let nameDb: NameDb | null = null;
function names(): NameDb {
  return (nameDb ??= new NameDb());
}

/** Decodes the name tables now (otherwise they are decoded at first use). */
export function loadUnicodeNameDb(): void {
  names();
}

function isUnifiedIdeograph(cp: number): boolean {
  for (let i = 0; i < NAME_CJK_RANGES.length; i += 2) {
    if (cp >= NAME_CJK_RANGES[i]! && cp <= NAME_CJK_RANGES[i + 1]!) return true;
  }
  return false;
}

/** unicodedata.name(chr): the name, or null ("no such name"). */
export function name(db: UCD, cp: number): string | null {
  if (cp < 0 || cp >= 0x110000) return null;
  if (db.old && unassignedIn320(cp)) return null;
  if (cp >= SBase && cp < SBase + SCount) {
    const s = cp - SBase;
    return "HANGUL SYLLABLE " + JAMO_L[Math.floor(s / NCount)]! + JAMO_V[Math.floor((s % NCount) / TCount)]! + JAMO_T[s % TCount]!;
  }
  if (isUnifiedIdeograph(cp)) return "CJK UNIFIED IDEOGRAPH-" + cp.toString(16).toUpperCase();
  return names().byCode.get(cp) ?? null;
}

/** find_syllable: the longest jamo short name at `pos` (case-sensitive); [index, length], index -1 if none. */
function findSyllable(s: string, pos: number, table: readonly string[]): [number, number] {
  let best = -1;
  let len = -1;
  for (let i = 0; i < table.length; i++) {
    const t = table[i]!;
    if (t.length > len && s.startsWith(t, pos)) {
      best = i;
      len = t.length;
    }
  }
  return [best, len < 0 ? 0 : len];
}

/** _getcode: the code points named `name`, plus whether it is an alias or a named sequence; null if none. */
function getcode(nameText: string): { readonly cps: readonly number[]; readonly aliasOrSequence: boolean } | null {
  if (nameText.startsWith("HANGUL SYLLABLE ")) {
    let pos = 16;
    const [L, l1] = findSyllable(nameText, pos, JAMO_L);
    pos += l1;
    const [V, l2] = findSyllable(nameText, pos, JAMO_V);
    pos += l2;
    const [T, l3] = findSyllable(nameText, pos, JAMO_T);
    pos += l3;
    if (L >= 0 && V >= 0 && T >= 0 && pos === nameText.length) {
      return { cps: [SBase + (L * VCount + V) * TCount + T], aliasOrSequence: false };
    }
    return null;
  }
  if (nameText.startsWith("CJK UNIFIED IDEOGRAPH-")) {
    const hex = nameText.slice(22);
    if (!/^[0-9A-F]{4,5}$/.test(hex)) return null;
    const v = parseInt(hex, 16);
    return isUnifiedIdeograph(v) ? { cps: [v], aliasOrSequence: false } : null;
  }
  // Names compare case-insensitively, ASCII letters only (Py_TOUPPER).
  const upper = nameText.replace(/[a-z]+/g, (m) => m.toUpperCase());
  return names().byName.get(upper) ?? null;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** unicodedata.lookup(name): the character (or named sequence); throws KeyError as CPython words it. */
export function lookup(db: UCD, nameText: string): string {
  if (utf8Length(nameText) > NAME_MAXLEN) throw new UnicodeDataError("KeyError", "name too long");
  const found = getcode(nameText);
  // In 3.2.0 there are no aliases and named sequences.
  if (found === null || (db.old && found.aliasOrSequence)) {
    // The C message is built with %s, so it stops at an embedded NUL.
    const nul = nameText.indexOf("\0");
    throw new UnicodeDataError("KeyError", `undefined character name '${nul < 0 ? nameText : nameText.slice(0, nul)}'`);
  }
  return fromCodePoints(found.cps);
}

/** The code point for a `\N{name}` escape (aliases yes, named sequences no; _PyUnicode_Name_CAPI getcode), or -1. */
export function lookupForEscape(nameText: string): number {
  if (utf8Length(nameText) > NAME_MAXLEN) return -1;
  const found = getcode(nameText);
  if (found === null || found.cps.length !== 1) return -1;
  return found.cps[0]!;
}
