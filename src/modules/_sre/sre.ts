// _sre below the object model: compile (with validation), match/fullmatch/search, findall, split, sub/subn with
// templates, the scanner behind finditer, and the match registers, over code points or bytes. The Python-facing
// module wraps these. Counterpart: the pattern, match, scanner and template parts of Modules/_sre/sre.c (3.13).
import {
  SRE_STATE, type SRE_CHARS, sre_match, sre_search, state_reset, state_fini, sre_lower_ascii, sre_lower_unicode,
  sre_upper_unicode, sre_first, SRE_ERROR_RECURSION_LIMIT, SRE_ERROR_MEMORY,
} from "./sre_lib.js";
import { _validate } from "./sre_validate.js";

export { SRE_STATE, type SRE_CHARS, sre_set_interrupt_hook } from "./sre_lib.js";

/** The Python exception an engine error stands for (its class name) and CPython's message. */
export type SreErrorKind = "TypeError" | "RuntimeError" | "OverflowError" | "IndexError" | "SystemError" |
  "RecursionError" | "MemoryError" | "ValueError";

export class SreError extends Error {
  readonly kind: SreErrorKind;
  constructor(kind: SreErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Module-level helpers (_sre.ascii_iscased ...).

export function _sre_ascii_iscased(ch: number): boolean {
  return ch < 128 && ((ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a));
}
export function _sre_unicode_iscased(ch: number): boolean {
  return ch !== sre_lower_unicode(ch) || ch !== sre_upper_unicode(ch);
}
export function _sre_ascii_tolower(ch: number): number {
  return ch < 128 ? sre_lower_ascii(ch) : ch;
}
export function _sre_unicode_tolower(ch: number): number {
  return sre_lower_unicode(ch);
}

/**
 * The code points of a JS string (UTF-16, a surrogate pair read as one astral character, a lone surrogate as
 * itself). Always an Int32Array, whatever the text's widest character: the matcher then sees one array kind for
 * every str (and Uint8Array for bytes), and V8 keeps its element accesses monomorphic. CPython instantiates
 * sre_lib.h once per character width instead; mixing widths in one process made the shared JS matcher up to 2x
 * slower (measured), more than the 4 bytes per character cost.
 */
export function sre_chars_from_string(s: string): SRE_CHARS {
  const n = s.length;
  if (n >= SHORT && !SURROGATE.test(s)) return fromUtf8(encoder.encode(s), n);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) return withPairs(s);
    }
    out[i] = c;
  }
  return out;
}

/* Long text without lone surrogates (which TextEncoder would replace) goes through the native UTF-8 encoder and a
   typed-array pass: a charCodeAt loop costs V8 some 40 instructions a character, encode + set about 4 (ASCII), but
   the encoder's fixed cost wins only past a few hundred characters (measured with bench:sre --instructions). With
   the u flag the class matches lone surrogates only: a pair is one astral code point there. */
const SHORT = 256;
const SURROGATE = /[\ud800-\udfff]/u;
const encoder = new TextEncoder();

/** The code points of well-formed UTF-8 (no lone surrogates) that encodes `n` UTF-16 units. */
function fromUtf8(u8: Uint8Array, n: number): Int32Array {
  const m = u8.length;
  const out = new Int32Array(n);
  if (m === n) {
    out.set(u8); /* ASCII */
    return out;
  }
  let j = 0;
  for (let i = 0; i < m;) {
    const b = u8[i]!;
    if (b < 0x80) {
      out[j++] = b;
      i++;
    } else if (b < 0xe0) {
      out[j++] = ((b & 0x1f) << 6) | (u8[i + 1]! & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      out[j++] = ((b & 0x0f) << 12) | ((u8[i + 1]! & 0x3f) << 6) | (u8[i + 2]! & 0x3f);
      i += 3;
    } else {
      out[j++] = ((b & 0x07) << 18) | ((u8[i + 1]! & 0x3f) << 12) | ((u8[i + 2]! & 0x3f) << 6) | (u8[i + 3]! & 0x3f);
      i += 4;
    }
  }
  return j === n ? out : out.slice(0, j); /* astral characters: fewer code points than UTF-16 units */
}

function withPairs(s: string): Int32Array {
  const n = s.length;
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) { pairs++; i++; }
    }
  }
  const out = new Int32Array(n - pairs);
  let j = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
    }
    out[j++] = c;
  }
  return out;
}

/** The JS string of code points [i, j) of a str subject (inverse of sre_chars_from_string). */
export function sre_string_slice(s: SRE_CHARS, i: number, j: number): string {
  let out = "";
  const CHUNK = 4096;
  for (let k = i; k < j; k += CHUNK) {
    const part = s.subarray(k, Math.min(j, k + CHUNK));
    let bmp = true;
    for (let x = 0; x < part.length; x++) if (part[x]! > 0xffff) { bmp = false; break; }
    if (bmp) {
      out += String.fromCharCode.apply(null, part as unknown as number[]);
    } else {
      for (let x = 0; x < part.length; x++) out += String.fromCodePoint(part[x]!);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Pattern objects (PatternObject).

export class SrePattern {
  readonly code: Uint32Array;
  /** the same words as int32 (see SRE_STATE.code) */
  readonly codeI: Int32Array;
  /** search accelerator (sre_first), computed once the code is validated */
  first: Int32Array | null;
  /** number of capturing groups (sre.c's groups: the compiler's state.groups - 1) */
  readonly groups: number;
  readonly flags: number;
  /** 1 for a bytes pattern, 0 for str, -1 when compiled with pattern None (matches either) */
  readonly isbytes: number;

  constructor(code: Uint32Array, groups: number, flags: number, isbytes: number) {
    this.code = code;
    this.codeI = new Int32Array(code.buffer, code.byteOffset, code.length);
    this.first = null;
    this.groups = groups;
    this.flags = flags;
    this.isbytes = isbytes;
  }
}

/**
 * _sre.compile's core: converts and validates the code words. `isbytes` is -1 for a pattern of None. Raises
 * OverflowError for a word that does not fit in 32 bits and RuntimeError('invalid SRE code') for bad code.
 */
export function _sre_compile(code: ArrayLike<number>, groups: number, flags: number, isbytes: number): SrePattern {
  const n = code.length;
  const words = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = code[i]!;
    if (v < 0) throw new SreError("OverflowError", "can't convert negative int to unsigned");
    if (v > 0xffffffff) throw new SreError("OverflowError", "regular expression code size limit exceeded");
    words[i] = v;
  }
  const self = new SrePattern(words, groups, flags, isbytes);
  if (!_validate(words, groups)) throw new SreError("RuntimeError", "invalid SRE code");
  self.first = sre_first(self.codeI, self.code);
  return self;
}

/** state_init: the subject must be of the pattern's kind. */
export function state_init(pattern: SrePattern, string: SRE_CHARS, isbytes: boolean, start: number,
  end: number): SRE_STATE {
  if (isbytes && pattern.isbytes === 0) {
    throw new SreError("TypeError", "cannot use a string pattern on a bytes-like object");
  }
  if (!isbytes && pattern.isbytes > 0) {
    throw new SreError("TypeError", "cannot use a bytes pattern on a string-like object");
  }
  return new SRE_STATE(pattern.codeI, pattern.code, pattern.first, pattern.groups, string, isbytes, start, end);
}

/** pattern_error: the exception for a negative status. */
function pattern_error(status: number): SreError {
  switch (status) {
    case SRE_ERROR_RECURSION_LIMIT:
      return new SreError("RecursionError", "maximum recursion limit exceeded");
    case SRE_ERROR_MEMORY:
      return new SreError("MemoryError", "");
    default:
      /* other error codes indicate compiler/engine bugs */
      return new SreError("RuntimeError", "internal error in regular expression engine");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Match objects (MatchObject): the spans of group 0..groups, -1 for a group that did not participate.

export class SreMatch {
  readonly pattern: SrePattern;
  readonly string: SRE_CHARS;
  readonly isbytes: boolean;
  /** mark[2g], mark[2g+1]: span of group g */
  readonly mark: number[];
  /** groups + 1 (group 0 included), as MatchObject.groups */
  readonly groups: number;
  readonly pos: number;
  readonly endpos: number;
  readonly lastindex: number;

  constructor(pattern: SrePattern, state: SRE_STATE) {
    this.pattern = pattern;
    this.string = state.string;
    this.isbytes = state.isbytes;
    this.groups = pattern.groups + 1;
    const mark: number[] = new Array<number>(2 * this.groups);
    mark[0] = state.start;
    mark[1] = state.ptr;
    const smark = state.mark;
    for (let i = 0, j = 0; i < pattern.groups; i++, j += 2) {
      if (j + 1 <= state.lastmark && smark[j]! >= 0 && smark[j + 1]! >= 0) {
        mark[j + 2] = smark[j]!;
        mark[j + 3] = smark[j + 1]!;
        /* check wrong span */
        if (mark[j + 2]! > mark[j + 3]!) {
          throw new SreError("SystemError",
            "The span of capturing group is wrong, please report a bug for the re module.");
        }
      } else {
        mark[j + 2] = mark[j + 3] = -1; /* undefined */
      }
    }
    this.mark = mark;
    this.pos = state.pos;
    this.endpos = state.endpos;
    this.lastindex = state.lastindex;
  }

  start(index: number): number {
    return this.mark[index * 2]!;
  }
  end(index: number): number {
    return this.mark[index * 2 + 1]!;
  }
}

/** pattern_new_match: a match for status 1, null for 0, the engine's exception for a negative status. */
function pattern_new_match(pattern: SrePattern, state: SRE_STATE, status: number): SreMatch | null {
  if (status > 0) return new SreMatch(pattern, state);
  if (status === 0) return null;
  throw pattern_error(status);
}

/** Pattern.match(string, pos, endpos). */
export function pattern_match(self: SrePattern, string: SRE_CHARS, isbytes: boolean, pos = 0,
  endpos = Number.MAX_SAFE_INTEGER): SreMatch | null {
  const state = state_init(self, string, isbytes, pos, endpos);
  try {
    state.ptr = state.start;
    return pattern_new_match(self, state, sre_match(state, 0, true));
  } finally {
    state_fini(state);
  }
}

/** Pattern.fullmatch(string, pos, endpos). */
export function pattern_fullmatch(self: SrePattern, string: SRE_CHARS, isbytes: boolean, pos = 0,
  endpos = Number.MAX_SAFE_INTEGER): SreMatch | null {
  const state = state_init(self, string, isbytes, pos, endpos);
  try {
    state.ptr = state.start;
    state.match_all = true;
    return pattern_new_match(self, state, sre_match(state, 0, true));
  } finally {
    state_fini(state);
  }
}

/** Pattern.search(string, pos, endpos). */
export function pattern_search(self: SrePattern, string: SRE_CHARS, isbytes: boolean, pos = 0,
  endpos = Number.MAX_SAFE_INTEGER): SreMatch | null {
  const state = state_init(self, string, isbytes, pos, endpos);
  try {
    return pattern_new_match(self, state, sre_search(state));
  } finally {
    state_fini(state);
  }
}

/** A slice of the subject as the caller's value type (a str or bytes object in the binding, a JS string in tests). */
export type SliceFn<T> = (i: number, j: number) => T;

/**
 * state_getslice: group `index`'s text, or `none` when it did not participate (the empty slice when `empty`).
 */
function state_getslice<T>(state: SRE_STATE, index: number, empty: boolean, slice: SliceFn<T>, none: T): T {
  index = (index - 1) * 2;
  const mark = state.mark;
  if (index >= state.lastmark || mark[index]! < 0 || mark[index + 1]! < 0) {
    return empty ? slice(0, 0) : none;
  }
  const i = mark[index]!;
  const j = mark[index + 1]!;
  if (i > j) {
    throw new SreError("SystemError", "The span of capturing group is wrong, please report a bug for the re module.");
  }
  return slice(i, j);
}

/**
 * Pattern.findall: per match the whole match (no groups), group 1 (one group) or a list of all groups, which the
 * binding turns into a tuple; a group that did not participate is the empty slice.
 */
export function pattern_findall<T>(self: SrePattern, string: SRE_CHARS, isbytes: boolean, pos: number,
  endpos: number, slice: SliceFn<T>): (T | T[])[] {
  const state = state_init(self, string, isbytes, pos, endpos);
  try {
    const list: (T | T[])[] = [];
    while (state.start <= state.end) {
      state_reset(state);
      state.ptr = state.start;
      const status = sre_search(state);
      if (status <= 0) {
        if (status === 0) break;
        throw pattern_error(status);
      }
      switch (self.groups) {
        case 0:
          list.push(slice(state.start, state.ptr));
          break;
        case 1:
          list.push(state_getslice(state, 1, true, slice, slice(0, 0)));
          break;
        default: {
          const item: T[] = [];
          for (let i = 0; i < self.groups; i++) item.push(state_getslice(state, i + 1, true, slice, slice(0, 0)));
          list.push(item);
          break;
        }
      }
      state.must_advance = state.ptr === state.start;
      state.start = state.ptr;
    }
    return list;
  } finally {
    state_fini(state);
  }
}

/** Pattern.split: pieces between matches, each followed by the groups (`none` for a group that did not take part). */
export function pattern_split<T>(self: SrePattern, string: SRE_CHARS, isbytes: boolean, maxsplit: number,
  slice: SliceFn<T>, none: T): T[] {
  const state = state_init(self, string, isbytes, 0, Number.MAX_SAFE_INTEGER);
  try {
    const list: T[] = [];
    let n = 0;
    let last = state.start;
    while (!maxsplit || n < maxsplit) {
      state_reset(state);
      state.ptr = state.start;
      const status = sre_search(state);
      if (status <= 0) {
        if (status === 0) break;
        throw pattern_error(status);
      }
      /* get segment before this match */
      list.push(slice(last, state.start));
      /* add groups (if any) */
      for (let i = 0; i < self.groups; i++) list.push(state_getslice(state, i + 1, false, slice, none));
      n = n + 1;
      state.must_advance = state.ptr === state.start;
      last = state.start = state.ptr;
    }
    /* get segment following last match (even if empty) */
    list.push(slice(last, state.endpos));
    return list;
  } finally {
    state_fini(state);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Templates (TemplateObject) and sub/subn.

/** A compiled replacement: literal, then (group, literal) pairs, as _sre.template builds it. */
export class SreTemplate<T> {
  readonly literal: T;
  readonly indices: Int32Array;
  /** literal after each group, null when empty (skipped) */
  readonly literals: (T | null)[];
  readonly chunks: number;

  constructor(literal: T, indices: Int32Array, literals: (T | null)[], chunks: number) {
    this.literal = literal;
    this.indices = indices;
    this.literals = literals;
    this.chunks = chunks;
  }
}

/**
 * _sre.template(pattern, [literal1, group1, ..., literalN]): `items` is that list, groups as numbers; `isEmpty`
 * tells an empty literal. TypeError('invalid template') for an even length or a negative group.
 */
export function _sre_template<T>(items: readonly (T | number)[], isEmpty: (t: T) => boolean): SreTemplate<T> {
  const len = items.length;
  if ((len & 1) === 0 || len < 1) throw new SreError("TypeError", "invalid template");
  const n = (len - 1) >> 1;
  const indices = new Int32Array(n);
  const literals: (T | null)[] = [];
  let chunks = 1 + 2 * n;
  for (let i = 0; i < n; i++) {
    const index = items[2 * i + 1] as number;
    if (index < 0) throw new SreError("TypeError", "invalid template");
    indices[i] = index;
    const literal = items[2 * i + 2] as T;
    if (isEmpty(literal)) {
      literals.push(null);
      chunks--;
    } else {
      literals.push(literal);
    }
  }
  return new SreTemplate(items[0] as T, indices, literals, chunks);
}

/** match_getslice_by_index: group `index`'s text, or `def` when it did not participate. */
export function match_getslice_by_index<T, D>(m: SreMatch, index: number, def: D, slice: SliceFn<T>): T | D {
  index *= 2;
  if (m.mark[index]! < 0) return def;
  const length = m.string.length;
  return slice(Math.min(m.mark[index]!, length), Math.min(m.mark[index + 1]!, length));
}

/** expand_template: the pieces to join (IndexError('no such group') for a group the pattern lacks). */
export function expand_template<T>(self: SreTemplate<T>, m: SreMatch, slice: SliceFn<T>): T[] {
  const out: T[] = [self.literal];
  const n = self.indices.length;
  for (let i = 0; i < n; i++) {
    const index = self.indices[i]!;
    if (index >= m.groups) throw new SreError("IndexError", "no such group");
    const item = match_getslice_by_index(m, index, null, slice);
    if (item !== null) out.push(item);
    const literal = self.literals[i]!;
    if (literal !== null) out.push(literal);
  }
  return out;
}

/** What replaces each match in sub/subn: a literal, a compiled template, or a callable (null result: nothing). */
export type SubFilter<T> =
  | { readonly kind: "literal"; readonly value: T }
  | { readonly kind: "template"; readonly template: SreTemplate<T> }
  | { readonly kind: "callable"; readonly call: (m: SreMatch) => T | null };

/** pattern_subx: the pieces to join for sub/subn and the number of substitutions. */
export function pattern_subx<T>(self: SrePattern, filter: SubFilter<T>, string: SRE_CHARS, isbytes: boolean,
  count: number, slice: SliceFn<T>): { pieces: T[]; n: number } {
  const state = state_init(self, string, isbytes, 0, Number.MAX_SAFE_INTEGER);
  try {
    const list: T[] = [];
    let n = 0;
    let i = 0;
    while (!count || n < count) {
      state_reset(state);
      state.ptr = state.start;
      const status = sre_search(state);
      if (status <= 0) {
        if (status === 0) break;
        throw pattern_error(status);
      }
      const b = state.start;
      const e = state.ptr;
      /* get segment before this match */
      if (i < b) list.push(slice(i, b));
      switch (filter.kind) {
        case "literal":
          list.push(filter.value);
          break;
        case "template":
          for (const piece of expand_template(filter.template, new SreMatch(self, state), slice)) list.push(piece);
          break;
        case "callable": {
          const item = filter.call(new SreMatch(self, state));
          if (item !== null) list.push(item);
          break;
        }
        default:
          filter satisfies never;
      }
      i = e;
      n = n + 1;
      state.must_advance = state.ptr === state.start;
      state.start = state.ptr;
    }
    /* get segment following last match */
    if (i < state.endpos) list.push(slice(i, state.endpos));
    return { pieces: list, n };
  } finally {
    state_fini(state);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Scanner objects (ScannerObject): the iterator behind finditer and Pattern.scanner.

export class SreScanner {
  readonly pattern: SrePattern;
  readonly state: SRE_STATE;
  executing: boolean;
  /** false once a search or match has failed (CPython sets state->start to NULL) */
  active: boolean;

  constructor(pattern: SrePattern, string: SRE_CHARS, isbytes: boolean, pos: number, endpos: number) {
    this.pattern = pattern;
    this.state = state_init(pattern, string, isbytes, pos, endpos);
    this.executing = false;
    this.active = true;
  }

  match(): SreMatch | null {
    return this.step(false);
  }
  search(): SreMatch | null {
    return this.step(true);
  }

  private step(search: boolean): SreMatch | null {
    if (this.executing) throw new SreError("ValueError", "regular expression scanner already executing");
    this.executing = true;
    try {
      if (!this.active) return null;
      const state = this.state;
      state_reset(state);
      state.ptr = state.start;
      const status = search ? sre_search(state) : sre_match(state, 0, true);
      const match = pattern_new_match(this.pattern, state, status);
      if (status === 0) {
        this.active = false;
      } else {
        state.must_advance = state.ptr === state.start;
        state.start = state.ptr;
      }
      return match;
    } finally {
      this.executing = false;
    }
  }
}
