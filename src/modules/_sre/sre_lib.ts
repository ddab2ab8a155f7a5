// The regular expression matcher: SRE(match) as an explicit-stack machine, SRE(search) with its prefix/charset fast
// paths, SRE(count), SRE(charset), SRE(at) and the character predicates, over code points (str) or bytes.
// Counterpart: Modules/_sre/sre_lib.h and the predicates of Modules/_sre/sre.c (3.13). See docs/sre.md.
import type * as K from "./sre_constants.js";
import {
  _PyUnicode_IsDecimalDigit, _PyUnicode_IsWhitespace, _PyUnicode_IsLinebreak, Py_UNICODE_ISALNUM,
  _PyUnicode_ToLowercase, _PyUnicode_ToUppercase,
} from "../../unicode/unicodectype.js";

// The code words the matcher dispatches on, as module-local constants: a switch whose labels are not literals is a
// chain of compares, and with imported bindings each compare first loads the binding from its module cell, while
// local constants fold (2-3x on the matcher, measured). Literal labels (a jump table) gained little more.
// Each is typed by the generated constant's literal type, so tsc rejects any value that differs from
// sre_constants.ts (the single source of truth, generated from CPython).
const SRE_OP_FAILURE: typeof K.SRE_OP_FAILURE = 0;
const SRE_OP_SUCCESS: typeof K.SRE_OP_SUCCESS = 1;
const SRE_OP_ANY: typeof K.SRE_OP_ANY = 2;
const SRE_OP_ANY_ALL: typeof K.SRE_OP_ANY_ALL = 3;
const SRE_OP_ASSERT: typeof K.SRE_OP_ASSERT = 4;
const SRE_OP_ASSERT_NOT: typeof K.SRE_OP_ASSERT_NOT = 5;
const SRE_OP_AT: typeof K.SRE_OP_AT = 6;
const SRE_OP_BRANCH: typeof K.SRE_OP_BRANCH = 7;
const SRE_OP_CATEGORY: typeof K.SRE_OP_CATEGORY = 8;
const SRE_OP_CHARSET: typeof K.SRE_OP_CHARSET = 9;
const SRE_OP_BIGCHARSET: typeof K.SRE_OP_BIGCHARSET = 10;
const SRE_OP_GROUPREF: typeof K.SRE_OP_GROUPREF = 11;
const SRE_OP_GROUPREF_EXISTS: typeof K.SRE_OP_GROUPREF_EXISTS = 12;
const SRE_OP_IN: typeof K.SRE_OP_IN = 13;
const SRE_OP_INFO: typeof K.SRE_OP_INFO = 14;
const SRE_OP_JUMP: typeof K.SRE_OP_JUMP = 15;
const SRE_OP_LITERAL: typeof K.SRE_OP_LITERAL = 16;
const SRE_OP_MARK: typeof K.SRE_OP_MARK = 17;
const SRE_OP_MAX_UNTIL: typeof K.SRE_OP_MAX_UNTIL = 18;
const SRE_OP_MIN_UNTIL: typeof K.SRE_OP_MIN_UNTIL = 19;
const SRE_OP_NOT_LITERAL: typeof K.SRE_OP_NOT_LITERAL = 20;
const SRE_OP_NEGATE: typeof K.SRE_OP_NEGATE = 21;
const SRE_OP_RANGE: typeof K.SRE_OP_RANGE = 22;
const SRE_OP_REPEAT: typeof K.SRE_OP_REPEAT = 23;
const SRE_OP_REPEAT_ONE: typeof K.SRE_OP_REPEAT_ONE = 24;
const SRE_OP_SUBPATTERN: typeof K.SRE_OP_SUBPATTERN = 25;
const SRE_OP_MIN_REPEAT_ONE: typeof K.SRE_OP_MIN_REPEAT_ONE = 26;
const SRE_OP_ATOMIC_GROUP: typeof K.SRE_OP_ATOMIC_GROUP = 27;
const SRE_OP_POSSESSIVE_REPEAT: typeof K.SRE_OP_POSSESSIVE_REPEAT = 28;
const SRE_OP_POSSESSIVE_REPEAT_ONE: typeof K.SRE_OP_POSSESSIVE_REPEAT_ONE = 29;
const SRE_OP_GROUPREF_IGNORE: typeof K.SRE_OP_GROUPREF_IGNORE = 30;
const SRE_OP_IN_IGNORE: typeof K.SRE_OP_IN_IGNORE = 31;
const SRE_OP_LITERAL_IGNORE: typeof K.SRE_OP_LITERAL_IGNORE = 32;
const SRE_OP_NOT_LITERAL_IGNORE: typeof K.SRE_OP_NOT_LITERAL_IGNORE = 33;
const SRE_OP_GROUPREF_LOC_IGNORE: typeof K.SRE_OP_GROUPREF_LOC_IGNORE = 34;
const SRE_OP_IN_LOC_IGNORE: typeof K.SRE_OP_IN_LOC_IGNORE = 35;
const SRE_OP_LITERAL_LOC_IGNORE: typeof K.SRE_OP_LITERAL_LOC_IGNORE = 36;
const SRE_OP_NOT_LITERAL_LOC_IGNORE: typeof K.SRE_OP_NOT_LITERAL_LOC_IGNORE = 37;
const SRE_OP_GROUPREF_UNI_IGNORE: typeof K.SRE_OP_GROUPREF_UNI_IGNORE = 38;
const SRE_OP_IN_UNI_IGNORE: typeof K.SRE_OP_IN_UNI_IGNORE = 39;
const SRE_OP_LITERAL_UNI_IGNORE: typeof K.SRE_OP_LITERAL_UNI_IGNORE = 40;
const SRE_OP_NOT_LITERAL_UNI_IGNORE: typeof K.SRE_OP_NOT_LITERAL_UNI_IGNORE = 41;
const SRE_OP_RANGE_UNI_IGNORE: typeof K.SRE_OP_RANGE_UNI_IGNORE = 42;
const SRE_AT_BEGINNING: typeof K.SRE_AT_BEGINNING = 0;
const SRE_AT_BEGINNING_LINE: typeof K.SRE_AT_BEGINNING_LINE = 1;
const SRE_AT_BEGINNING_STRING: typeof K.SRE_AT_BEGINNING_STRING = 2;
const SRE_AT_BOUNDARY: typeof K.SRE_AT_BOUNDARY = 3;
const SRE_AT_NON_BOUNDARY: typeof K.SRE_AT_NON_BOUNDARY = 4;
const SRE_AT_END: typeof K.SRE_AT_END = 5;
const SRE_AT_END_LINE: typeof K.SRE_AT_END_LINE = 6;
const SRE_AT_END_STRING: typeof K.SRE_AT_END_STRING = 7;
const SRE_AT_LOC_BOUNDARY: typeof K.SRE_AT_LOC_BOUNDARY = 8;
const SRE_AT_LOC_NON_BOUNDARY: typeof K.SRE_AT_LOC_NON_BOUNDARY = 9;
const SRE_AT_UNI_BOUNDARY: typeof K.SRE_AT_UNI_BOUNDARY = 10;
const SRE_AT_UNI_NON_BOUNDARY: typeof K.SRE_AT_UNI_NON_BOUNDARY = 11;
const SRE_CATEGORY_DIGIT: typeof K.SRE_CATEGORY_DIGIT = 0;
const SRE_CATEGORY_NOT_DIGIT: typeof K.SRE_CATEGORY_NOT_DIGIT = 1;
const SRE_CATEGORY_SPACE: typeof K.SRE_CATEGORY_SPACE = 2;
const SRE_CATEGORY_NOT_SPACE: typeof K.SRE_CATEGORY_NOT_SPACE = 3;
const SRE_CATEGORY_WORD: typeof K.SRE_CATEGORY_WORD = 4;
const SRE_CATEGORY_NOT_WORD: typeof K.SRE_CATEGORY_NOT_WORD = 5;
const SRE_CATEGORY_LINEBREAK: typeof K.SRE_CATEGORY_LINEBREAK = 6;
const SRE_CATEGORY_NOT_LINEBREAK: typeof K.SRE_CATEGORY_NOT_LINEBREAK = 7;
const SRE_CATEGORY_LOC_WORD: typeof K.SRE_CATEGORY_LOC_WORD = 8;
const SRE_CATEGORY_LOC_NOT_WORD: typeof K.SRE_CATEGORY_LOC_NOT_WORD = 9;
const SRE_CATEGORY_UNI_DIGIT: typeof K.SRE_CATEGORY_UNI_DIGIT = 10;
const SRE_CATEGORY_UNI_NOT_DIGIT: typeof K.SRE_CATEGORY_UNI_NOT_DIGIT = 11;
const SRE_CATEGORY_UNI_SPACE: typeof K.SRE_CATEGORY_UNI_SPACE = 12;
const SRE_CATEGORY_UNI_NOT_SPACE: typeof K.SRE_CATEGORY_UNI_NOT_SPACE = 13;
const SRE_CATEGORY_UNI_WORD: typeof K.SRE_CATEGORY_UNI_WORD = 14;
const SRE_CATEGORY_UNI_NOT_WORD: typeof K.SRE_CATEGORY_UNI_NOT_WORD = 15;
const SRE_CATEGORY_UNI_LINEBREAK: typeof K.SRE_CATEGORY_UNI_LINEBREAK = 16;
const SRE_CATEGORY_UNI_NOT_LINEBREAK: typeof K.SRE_CATEGORY_UNI_NOT_LINEBREAK = 17;
const SRE_INFO_PREFIX: typeof K.SRE_INFO_PREFIX = 1;
const SRE_INFO_LITERAL: typeof K.SRE_INFO_LITERAL = 2;
const SRE_INFO_CHARSET: typeof K.SRE_INFO_CHARSET = 4;
const SRE_MAXREPEAT: typeof K.SRE_MAXREPEAT = 4294967295;


/** A subject: the code points of a str (one element per code point, UCS1/2/4 as CPython's kinds; UCS4 as Int32Array
    so that V8 keeps every character a small integer) or bytes. */
export type SRE_CHARS = Uint8Array | Uint16Array | Int32Array;

/* error codes (sre.c) */
export const SRE_ERROR_ILLEGAL = -1; /* illegal opcode */
export const SRE_ERROR_STATE = -2; /* illegal state */
export const SRE_ERROR_RECURSION_LIMIT = -3; /* runaway recursion */
export const SRE_ERROR_MEMORY = -9; /* out of memory */
export const SRE_ERROR_INTERRUPTED = -10; /* signal handler raised exception */

// ---------------------------------------------------------------------------------------------------------------
// Character predicates (sre.c). The ASCII ones follow Python's own ctype table (Py_ISALNUM ...), the LOC ones the C
// library's in a C/UTF-8 locale (where bytes 0x80-0xFF are neither letters nor cased), the UNI ones CPython's
// Unicode database (src/unicode, Unicode 15.1).

function Py_ISALNUM(ch: number): boolean {
  return (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a);
}
function SRE_IS_DIGIT(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}
function SRE_IS_SPACE(ch: number): boolean {
  return ch === 0x20 || (ch >= 0x09 && ch <= 0x0d);
}
function SRE_IS_WORD(ch: number): boolean {
  return ch <= 0x7a && (Py_ISALNUM(ch) || ch === 0x5f);
}
function SRE_LOC_IS_WORD(ch: number): boolean {
  // DEVIATION: isalnum() of the C locale; Typhon has no locale, so this is the C/UTF-8 answer (ASCII only).
  return Py_ISALNUM(ch) || ch === 0x5f;
}
function SRE_UNI_IS_WORD(ch: number): boolean {
  if (ch < 0x80) return Py_ISALNUM(ch) || ch === 0x5f;
  return Py_UNICODE_ISALNUM(ch);
}

export function sre_lower_ascii(ch: number): number {
  return ch >= 0x41 && ch <= 0x5a ? ch + 0x20 : ch;
}
function sre_upper_ascii(ch: number): number {
  return ch >= 0x61 && ch <= 0x7a ? ch - 0x20 : ch;
}
/** tolower() of the C locale for ch < 256 (see SRE_LOC_IS_WORD). */
export function sre_lower_locale(ch: number): number {
  return sre_lower_ascii(ch);
}
export function sre_upper_locale(ch: number): number {
  return sre_upper_ascii(ch);
}
export function sre_lower_unicode(ch: number): number {
  if (ch < 0x80) return sre_lower_ascii(ch);
  return _PyUnicode_ToLowercase(ch);
}
export function sre_upper_unicode(ch: number): number {
  if (ch < 0x80) return sre_upper_ascii(ch);
  return _PyUnicode_ToUppercase(ch);
}

export function sre_category(category: number, ch: number): boolean {
  switch (category) {
    case SRE_CATEGORY_DIGIT: return SRE_IS_DIGIT(ch);
    case SRE_CATEGORY_NOT_DIGIT: return !SRE_IS_DIGIT(ch);
    case SRE_CATEGORY_SPACE: return SRE_IS_SPACE(ch);
    case SRE_CATEGORY_NOT_SPACE: return !SRE_IS_SPACE(ch);
    case SRE_CATEGORY_WORD: return SRE_IS_WORD(ch);
    case SRE_CATEGORY_NOT_WORD: return !SRE_IS_WORD(ch);
    case SRE_CATEGORY_LINEBREAK: return ch === 0x0a;
    case SRE_CATEGORY_NOT_LINEBREAK: return ch !== 0x0a;
    case SRE_CATEGORY_LOC_WORD: return SRE_LOC_IS_WORD(ch);
    case SRE_CATEGORY_LOC_NOT_WORD: return !SRE_LOC_IS_WORD(ch);
    case SRE_CATEGORY_UNI_DIGIT: return _PyUnicode_IsDecimalDigit(ch);
    case SRE_CATEGORY_UNI_NOT_DIGIT: return !_PyUnicode_IsDecimalDigit(ch);
    case SRE_CATEGORY_UNI_SPACE: return _PyUnicode_IsWhitespace(ch);
    case SRE_CATEGORY_UNI_NOT_SPACE: return !_PyUnicode_IsWhitespace(ch);
    case SRE_CATEGORY_UNI_WORD: return SRE_UNI_IS_WORD(ch);
    case SRE_CATEGORY_UNI_NOT_WORD: return !SRE_UNI_IS_WORD(ch);
    case SRE_CATEGORY_UNI_LINEBREAK: return _PyUnicode_IsLinebreak(ch);
    case SRE_CATEGORY_UNI_NOT_LINEBREAK: return !_PyUnicode_IsLinebreak(ch);
    default: return false;
  }
}

function char_loc_ignore(pattern: number, ch: number): boolean {
  return ch === pattern || sre_lower_locale(ch) === pattern || sre_upper_locale(ch) === pattern;
}

// ---------------------------------------------------------------------------------------------------------------
// Matcher state (SRE_STATE). Positions are indices into `string`; CPython's `beginning` is always 0 here.
// Match contexts, repeat contexts and saved marks live in three growable Int32Arrays, so a deep backtracking stack
// costs a few machine words per level and never a JS stack frame.

/* match context fields (SRE(match_context)); a context is CTX_SIZE consecutive words of ctxStack */
const F_COUNT = 0;
const F_U = 1; /* u.chr or u.rep */
const F_LASTMARK = 2;
const F_LASTINDEX = 3;
const F_PATTERN = 4;
const F_PTR = 5;
const F_TOPLEVEL = 6;
const F_JUMP = 7;
const CTX_SIZE = 8;

/* repeat context fields (SRE_REPEAT); allocated and freed in LIFO order, so they live on repStack */
const R_COUNT = 0;
const R_PATTERN = 1;
const R_LAST_PTR = 2;
const R_PREV = 3;
const REP_SIZE = 4;

export class SRE_STATE {
  /* the code words, read as int32 (opcodes, skips and characters: V8 keeps them small integers) and as uint32
     where a word may exceed 2**31 (repeat bounds, widths, set ranges) */
  code: Int32Array;
  codeU: Uint32Array;
  /* sre_first's items for this code, or null */
  first: Int32Array | null;
  string: SRE_CHARS;
  isbytes: boolean;
  /* the slice of the subject being searched */
  start: number;
  end: number;
  pos: number;
  endpos: number;
  /* current position (also end of the match) */
  ptr: number;
  /* registers: mark[2g], mark[2g+1] are group g's start and end; -1 is CPython's NULL */
  mark: Int32Array;
  lastmark: number;
  lastindex: number;
  repeat: number; /* offset of the current repeat context in repStack, -1 for none */
  match_all: boolean;
  must_advance: boolean;
  ctxStack: Int32Array;
  ctxTop: number;
  repStack: Int32Array;
  repTop: number;
  dataStack: Int32Array;
  dataTop: number;

  constructor(code: Int32Array, codeU: Uint32Array, first: Int32Array | null, groups: number, string: SRE_CHARS,
    isbytes: boolean, start: number, end: number) {
    this.code = code;
    this.codeU = codeU;
    this.first = first;
    this.string = string;
    this.isbytes = isbytes;
    const length = string.length;
    /* adjust boundaries (state_init) */
    if (start < 0) start = 0;
    else if (start > length) start = length;
    if (end < 0) end = 0;
    else if (end > length) end = length;
    this.start = start;
    this.end = end;
    this.pos = start;
    this.endpos = end;
    this.ptr = start;
    // Two spare registers: the validator accepts MARK 2*groups+1 (sre.c allocates groups*2 and trusts the compiler).
    // Registers above lastmark are never read, so a recycled array needs no clearing.
    const nmark = groups * 2 + 2;
    if (spareMark !== null && spareMark.length >= nmark) {
      this.mark = spareMark;
      spareMark = null;
    } else {
      this.mark = new Int32Array(Math.max(nmark, 32));
    }
    this.lastmark = -1;
    this.lastindex = -1;
    this.repeat = -1;
    this.match_all = false;
    this.must_advance = false;
    this.ctxStack = spareCtx ?? new Int32Array(CTX_SIZE * 64);
    this.ctxTop = 0;
    this.repStack = spareRep ?? new Int32Array(REP_SIZE * 16);
    this.repTop = 0;
    this.dataStack = spareData ?? new Int32Array(256);
    this.dataTop = 0;
    spareCtx = spareRep = spareData = null;
  }
}

/* The stacks and registers of the last finished state, reused by the next one: allocating typed arrays for every
   match() dominated short matches. A state created while these are taken (a nested match from a sub() callable or
   the interrupt hook) allocates its own. */
let spareCtx: Int32Array | null = null;
let spareRep: Int32Array | null = null;
let spareData: Int32Array | null = null;
let spareMark: Int32Array | null = null;
const SPARE_LIMIT = 1 << 16;

/** state_fini: hands the state's buffers on to the next state; the state must not be used afterwards. */
export function state_fini(state: SRE_STATE): void {
  if (state.ctxStack.length <= SPARE_LIMIT) spareCtx = state.ctxStack;
  if (state.repStack.length <= SPARE_LIMIT) spareRep = state.repStack;
  if (state.dataStack.length <= SPARE_LIMIT) spareData = state.dataStack;
  if (state.mark.length <= SPARE_LIMIT) spareMark = state.mark;
}

/** state_reset: forget the registers and the backtracking stacks between two searches. */
export function state_reset(state: SRE_STATE): void {
  state.lastmark = -1;
  state.lastindex = -1;
  state.repeat = -1;
  state.ctxTop = 0;
  state.repTop = 0;
  state.dataTop = 0;
}

let interruptHook: (() => void) | null = null;
let sigcount = 0;

/**
 * Installs the callback the matcher calls every 4096 opcodes (CPython's MAYBE_CHECK_SIGNALS). It may throw (a
 * KeyboardInterrupt from the eval breaker, a time limit): the exception propagates out of the match, and the next
 * search on the same state starts afresh (state_reset).
 */
export function sre_set_interrupt_hook(hook: (() => void) | null): void {
  interruptHook = hook;
}

function grow(a: Int32Array, need: number): Int32Array {
  let n = a.length * 2;
  while (n < need) n *= 2;
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

function ctx_alloc(state: SRE_STATE): number {
  const pos = state.ctxTop;
  if (pos + CTX_SIZE > state.ctxStack.length) state.ctxStack = grow(state.ctxStack, pos + CTX_SIZE);
  state.ctxTop = pos + CTX_SIZE;
  return pos;
}

/** Grows the context stack to hold `need` words (DO_JUMP inlines the rest of DATA_ALLOC). */
function ctx_grow(state: SRE_STATE, need: number): Int32Array {
  state.ctxStack = grow(state.ctxStack, need);
  return state.ctxStack;
}

/* MARK_PUSH and friends: save or restore mark[0..lastmark] */
function mark_push(state: SRE_STATE, lastmark: number): void {
  if (lastmark < 0) return;
  const n = lastmark + 1;
  const top = state.dataTop;
  if (top + n > state.dataStack.length) state.dataStack = grow(state.dataStack, top + n);
  const ds = state.dataStack;
  const mark = state.mark;
  for (let i = 0; i < n; i++) ds[top + i] = mark[i]!;
  state.dataTop = top + n;
}
function mark_pop(state: SRE_STATE, lastmark: number): void {
  if (lastmark < 0) return;
  const n = lastmark + 1;
  const top = state.dataTop - n;
  const ds = state.dataStack;
  const mark = state.mark;
  for (let i = 0; i < n; i++) mark[i] = ds[top + i]!;
  state.dataTop = top;
}
function mark_pop_keep(state: SRE_STATE, lastmark: number): void {
  if (lastmark < 0) return;
  const n = lastmark + 1;
  const top = state.dataTop - n;
  const ds = state.dataStack;
  const mark = state.mark;
  for (let i = 0; i < n; i++) mark[i] = ds[top + i]!;
}
function mark_pop_discard(state: SRE_STATE, lastmark: number): void {
  if (lastmark < 0) return;
  state.dataTop -= lastmark + 1;
}

// ---------------------------------------------------------------------------------------------------------------

/** SRE(at): is `ptr` at the position the AT code describes? */
function sre_at(state: SRE_STATE, ptr: number, at: number): boolean {
  const s = state.string;
  const end = state.end;
  let thisp: boolean;
  let thatp: boolean;
  switch (at) {
    case SRE_AT_BEGINNING:
    case SRE_AT_BEGINNING_STRING:
      return ptr === 0;
    case SRE_AT_BEGINNING_LINE:
      return ptr === 0 || s[ptr - 1] === 0x0a;
    case SRE_AT_END:
      return (end - ptr === 1 && s[ptr] === 0x0a) || ptr === end;
    case SRE_AT_END_LINE:
      return ptr === end || s[ptr] === 0x0a;
    case SRE_AT_END_STRING:
      return ptr === end;
    case SRE_AT_BOUNDARY:
    case SRE_AT_NON_BOUNDARY:
      if (end === 0) return false;
      thatp = ptr > 0 ? SRE_IS_WORD(s[ptr - 1]!) : false;
      thisp = ptr < end ? SRE_IS_WORD(s[ptr]!) : false;
      return at === SRE_AT_BOUNDARY ? thisp !== thatp : thisp === thatp;
    case SRE_AT_LOC_BOUNDARY:
    case SRE_AT_LOC_NON_BOUNDARY:
      if (end === 0) return false;
      thatp = ptr > 0 ? SRE_LOC_IS_WORD(s[ptr - 1]!) : false;
      thisp = ptr < end ? SRE_LOC_IS_WORD(s[ptr]!) : false;
      return at === SRE_AT_LOC_BOUNDARY ? thisp !== thatp : thisp === thatp;
    case SRE_AT_UNI_BOUNDARY:
    case SRE_AT_UNI_NON_BOUNDARY:
      if (end === 0) return false;
      thatp = ptr > 0 ? SRE_UNI_IS_WORD(s[ptr - 1]!) : false;
      thisp = ptr < end ? SRE_UNI_IS_WORD(s[ptr]!) : false;
      return at === SRE_AT_UNI_BOUNDARY ? thisp !== thatp : thisp === thatp;
    default:
      return false;
  }
}

/** SRE(charset): is `ch` in the set that starts at code[set] (items up to a FAILURE)? */
export function sre_charset(code: Int32Array, set: number, ch: number): boolean {
  let ok = true;
  for (;;) {
    switch (code[set++]) {
      case SRE_OP_FAILURE:
        return !ok;
      case SRE_OP_LITERAL:
        /* <LITERAL> <code> */
        if (ch === code[set]) return ok;
        set++;
        break;
      case SRE_OP_CATEGORY:
        /* <CATEGORY> <code> */
        if (sre_category(code[set]!, ch)) return ok;
        set++;
        break;
      case SRE_OP_CHARSET:
        /* <CHARSET> <bitmap> (256 bits) */
        if (ch < 256 && (code[set + (ch >>> 5)]! & (1 << (ch & 31))) !== 0) return ok;
        set += 8;
        break;
      case SRE_OP_RANGE:
        /* <RANGE> <lower> <upper> */
        if (code[set]! >>> 0 <= ch && ch <= code[set + 1]! >>> 0) return ok;
        set += 2;
        break;
      case SRE_OP_RANGE_UNI_IGNORE: {
        /* <RANGE_UNI_IGNORE> <lower> <upper>; ch is already lower cased */
        if (code[set]! >>> 0 <= ch && ch <= code[set + 1]! >>> 0) return ok;
        const uch = sre_upper_unicode(ch);
        if (code[set]! >>> 0 <= uch && uch <= code[set + 1]! >>> 0) return ok;
        set += 2;
        break;
      }
      case SRE_OP_NEGATE:
        ok = !ok;
        break;
      case SRE_OP_BIGCHARSET: {
        /* <BIGCHARSET> <blockcount> <256 block indices, 4 to a word, little-endian> <blocks> */
        const count = code[set++]!;
        let block = -1;
        if (ch < 0x10000) block = (code[set + (ch >>> 10)]! >>> (((ch >>> 8) & 3) * 8)) & 0xff;
        set += 64;
        if (block >= 0 && (code[set + ((block * 256 + (ch & 255)) >>> 5)]! & (1 << (ch & 31))) !== 0) return ok;
        set += count * 8;
        break;
      }
      default:
        /* internal error -- there's not much we can do about it here, so let's just pretend it didn't match */
        return false;
    }
  }
}

function sre_charset_loc_ignore(code: Int32Array, set: number, ch: number): boolean {
  const lo = sre_lower_locale(ch);
  if (sre_charset(code, set, lo)) return true;
  const up = sre_upper_locale(ch);
  return up !== lo && sre_charset(code, set, up);
}

/** REPEAT_ONE's backtracking over a literal tail: how many steps back (at most `room` + 1) to a `chr`. */
function scan_back(s: SRE_CHARS, ptr: number, end: number, room: number, chr: number): number {
  let k = 0;
  if (ptr >= end) {
    ptr--;
    k++;
  }
  while (k <= room && s[ptr] !== chr) {
    ptr--;
    k++;
  }
  return k;
}

/** SRE(count): how many times (at most maxcount) the single-width item at code[pattern] matches from state.ptr. */
function sre_count(state: SRE_STATE, pattern: number, maxcount: number): number {
  const code = state.code;
  const codeU = state.codeU;
  const s = state.string;
  const start = state.ptr;
  let ptr = start;
  let end = state.end;
  if (maxcount < end - ptr && maxcount !== SRE_MAXREPEAT) end = ptr + maxcount;
  let chr: number;
  switch (code[pattern]) {
    case SRE_OP_IN:
      if (code[pattern + 2] === SRE_OP_RANGE && code[pattern + 5] === SRE_OP_FAILURE) {
        /* a set of one range: the loop without a call per character */
        const lo = codeU[pattern + 3]!;
        const hi = codeU[pattern + 4]!;
        while (ptr < end && s[ptr]! >= lo && s[ptr]! <= hi) ptr++;
      } else if (code[pattern + 2] === SRE_OP_CATEGORY && code[pattern + 4] === SRE_OP_FAILURE) {
        /* a set of one category (\w, \d, \s ...): the predicate without the set interpreter */
        const cat = code[pattern + 3]!;
        if (cat === SRE_CATEGORY_UNI_WORD) while (ptr < end && SRE_UNI_IS_WORD(s[ptr]!)) ptr++;
        else if (cat === SRE_CATEGORY_UNI_DIGIT) while (ptr < end && _PyUnicode_IsDecimalDigit(s[ptr]!)) ptr++;
        else if (cat === SRE_CATEGORY_WORD) while (ptr < end && SRE_IS_WORD(s[ptr]!)) ptr++;
        else if (cat === SRE_CATEGORY_DIGIT) while (ptr < end && SRE_IS_DIGIT(s[ptr]!)) ptr++;
        else while (ptr < end && sre_category(cat, s[ptr]!)) ptr++;
      } else {
        while (ptr < end && sre_charset(code, pattern + 2, s[ptr]!)) ptr++;
      }
      break;
    case SRE_OP_ANY:
      while (ptr < end && s[ptr] !== 0x0a) ptr++;
      break;
    case SRE_OP_ANY_ALL:
      ptr = end;
      break;
    case SRE_OP_LITERAL:
      chr = code[pattern + 1]!;
      while (ptr < end && s[ptr] === chr) ptr++;
      break;
    case SRE_OP_LITERAL_IGNORE:
      chr = code[pattern + 1]!;
      while (ptr < end && sre_lower_ascii(s[ptr]!) === chr) ptr++;
      break;
    case SRE_OP_LITERAL_UNI_IGNORE:
      chr = code[pattern + 1]!;
      while (ptr < end && sre_lower_unicode(s[ptr]!) === chr) ptr++;
      break;
    case SRE_OP_LITERAL_LOC_IGNORE:
      chr = code[pattern + 1]!;
      while (ptr < end && char_loc_ignore(chr, s[ptr]!)) ptr++;
      break;
    case SRE_OP_NOT_LITERAL:
      chr = code[pattern + 1]!;
      while (ptr < end && s[ptr] !== chr) ptr++;
      break;
    case SRE_OP_NOT_LITERAL_IGNORE:
      chr = code[pattern + 1]!;
      while (ptr < end && sre_lower_ascii(s[ptr]!) !== chr) ptr++;
      break;
    case SRE_OP_NOT_LITERAL_UNI_IGNORE:
      chr = code[pattern + 1]!;
      while (ptr < end && sre_lower_unicode(s[ptr]!) !== chr) ptr++;
      break;
    case SRE_OP_NOT_LITERAL_LOC_IGNORE:
      chr = code[pattern + 1]!;
      while (ptr < end && !char_loc_ignore(chr, s[ptr]!)) ptr++;
      break;
    default:
      /* repeated single character pattern: a nested match per character. Nesting is bounded by the code's own
         nesting (as in C, where this is a real recursive call), never by the subject's length. */
      while (state.ptr < end) {
        const before = state.ptr;
        const i = sre_match(state, pattern, false);
        if (i < 0) return i;
        if (i === 0) break;
        // DEVIATION: sre.c loops forever if a hand-built item matches without advancing; stop instead.
        if (state.ptr === before) break;
      }
      return state.ptr - start;
  }
  return ptr - start;
}

/* Control points of sre_match's loop besides the opcodes (0..42): entering a context, leaving it, the loops that
   DO_JUMP from inside an opcode, and the resume points (RESUME + jump), one per jump label of sre_lib.h. They are
   negative, so no opcode of validated code can be mistaken for one. Each opcode ends by fetching the next one. */
const L_ENTRANCE = -2;
const L_EXIT = -3;
const L_BRANCH = -4;
const L_REPEAT_ONE_1 = -5;
const L_REPEAT_ONE_2 = -6;
const L_MIN_REPEAT_ONE = -7;
const L_MAX_UNTIL_TAIL = -8;
const L_POSS_REPEAT_1 = -9;
const L_POSS_REPEAT_2 = -10;
const L_POSS_REPEAT_TAIL = -11;

const JUMP_NONE = 0;
const JUMP_MAX_UNTIL_1 = 1;
const JUMP_MAX_UNTIL_2 = 2;
const JUMP_MAX_UNTIL_3 = 3;
const JUMP_MIN_UNTIL_1 = 4;
const JUMP_MIN_UNTIL_2 = 5;
const JUMP_MIN_UNTIL_3 = 6;
const JUMP_REPEAT = 7;
const JUMP_REPEAT_ONE_1 = 8;
const JUMP_REPEAT_ONE_2 = 9;
const JUMP_MIN_REPEAT_ONE = 10;
const JUMP_BRANCH = 11;
const JUMP_ASSERT = 12;
const JUMP_ASSERT_NOT = 13;
const JUMP_POSS_REPEAT_1 = 14;
const JUMP_POSS_REPEAT_2 = 15;
const JUMP_ATOMIC_GROUP = 16;

const RESUME = -40;
const R_NONE = RESUME + JUMP_NONE;
const R_MAX_UNTIL_1 = RESUME + JUMP_MAX_UNTIL_1;
const R_MAX_UNTIL_2 = RESUME + JUMP_MAX_UNTIL_2;
const R_MAX_UNTIL_3 = RESUME + JUMP_MAX_UNTIL_3;
const R_MIN_UNTIL_1 = RESUME + JUMP_MIN_UNTIL_1;
const R_MIN_UNTIL_2 = RESUME + JUMP_MIN_UNTIL_2;
const R_MIN_UNTIL_3 = RESUME + JUMP_MIN_UNTIL_3;
const R_REPEAT = RESUME + JUMP_REPEAT;
const R_REPEAT_ONE_1 = RESUME + JUMP_REPEAT_ONE_1;
const R_REPEAT_ONE_2 = RESUME + JUMP_REPEAT_ONE_2;
const R_MIN_REPEAT_ONE = RESUME + JUMP_MIN_REPEAT_ONE;
const R_BRANCH = RESUME + JUMP_BRANCH;
const R_ASSERT = RESUME + JUMP_ASSERT;
const R_ASSERT_NOT = RESUME + JUMP_ASSERT_NOT;
const R_POSS_REPEAT_1 = RESUME + JUMP_POSS_REPEAT_1;
const R_POSS_REPEAT_2 = RESUME + JUMP_POSS_REPEAT_2;
const R_ATOMIC_GROUP = RESUME + JUMP_ATOMIC_GROUP;

/**
 * SRE(match): does the code at `pattern` match at state.ptr? Returns 1 (state.ptr is the end of the match and the
 * registers hold the groups), 0, or a negative SRE_ERROR_*. Iterative: a DO_JUMP pushes a context on ctxStack and
 * restarts the loop at the child's code; leaving a context resumes its parent at the jump's label.
 */
export function sre_match(state: SRE_STATE, pattern: number, toplevel: boolean): number {
  const code = state.code;
  const codeU = state.codeU;
  const s = state.string;
  const end = state.end;
  const mark = state.mark;
  const base = state.ctxTop;
  let ctx = ctx_alloc(state);
  let cs = state.ctxStack;
  let rs = state.repStack;
  cs[ctx + F_JUMP] = JUMP_NONE;
  cs[ctx + F_TOPLEVEL] = toplevel ? 1 : 0;
  let ptr = state.ptr;
  let ret = 0;
  let op = L_ENTRANCE;
  let rep: number;
  let count: number;

  main: for (;;) {
    switch (op) {
      /* entering and leaving a context come first: they are the most frequent control points */
      case L_ENTRANCE:
        /* MAYBE_CHECK_SIGNALS, counted per context rather than per opcode: any long-running match enters
           contexts (backtracking) or restarts sre_match (search), while a straight run of opcodes is bounded
           by the code's length and a count loop by the subject's */
        if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
        ptr = state.ptr;
        if (code[pattern] === SRE_OP_INFO) {
          /* optimization info block: <INFO> <1=skip> <2=flags> <3=min> ... */
          if (codeU[pattern + 3] !== 0 && end - ptr < codeU[pattern + 3]!) { ret = 0; op = L_EXIT; continue; }
          pattern += code[pattern + 1]! + 1;
        }
        op = code[pattern++]!;
        continue;

      case L_EXIT: {
        const jump = cs[ctx + F_JUMP]!;
        state.ctxTop = ctx;
        if (ctx === base) return ret;
        ctx -= CTX_SIZE;
        pattern = cs[ctx + F_PATTERN]!;
        ptr = cs[ctx + F_PTR]!;
        op = RESUME + jump;
        continue;
      }

      case SRE_OP_MARK: {
        /* <MARK> <gid> */
        const i = code[pattern]!;
        if (i & 1) state.lastindex = (i >>> 1) + 1;
        if (i > state.lastmark) {
          /* lastmark is the highest valid index in mark[]; marks it skips over have not been encountered */
          let j = state.lastmark + 1;
          while (j < i) mark[j++] = -1;
          state.lastmark = i;
        }
        mark[i] = ptr;
        pattern++;
        op = code[pattern++]!;
        continue;
      }

      case SRE_OP_LITERAL:
        /* <LITERAL> <code> */
        if (ptr >= end || s[ptr] !== code[pattern]) { ret = 0; op = L_EXIT; continue; }
        pattern++;
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_NOT_LITERAL:
        /* <NOT_LITERAL> <code> */
        if (ptr >= end || s[ptr] === code[pattern]) { ret = 0; op = L_EXIT; continue; }
        pattern++;
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_SUCCESS:
        /* end of pattern */
        if (cs[ctx + F_TOPLEVEL] !== 0 &&
            ((state.match_all && ptr !== state.end) || (state.must_advance && ptr === state.start))) {
          ret = 0; op = L_EXIT; continue;
        }
        state.ptr = ptr;
        ret = 1; op = L_EXIT; continue;

      case SRE_OP_AT:
        /* <AT> <code> */
        if (!sre_at(state, ptr, code[pattern]!)) { ret = 0; op = L_EXIT; continue; }
        pattern++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_CATEGORY:
        /* <CATEGORY> <code> */
        if (ptr >= end || !sre_category(code[pattern]!, s[ptr]!)) { ret = 0; op = L_EXIT; continue; }
        pattern++;
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_ANY:
        /* anything but a newline */
        if (ptr >= end || s[ptr] === 0x0a) { ret = 0; op = L_EXIT; continue; }
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_ANY_ALL:
        if (ptr >= end) { ret = 0; op = L_EXIT; continue; }
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_IN: {
        /* <IN> <skip> <set> */
        if (ptr >= end) { ret = 0; op = L_EXIT; continue; }
        const ch = s[ptr]!;
        /* a set of one range ([a-z]) or one category (\d) tested here: the set interpreter is most of an IN's cost */
        if (code[pattern + 1] === SRE_OP_RANGE && code[pattern + 4] === SRE_OP_FAILURE
          ? ch < codeU[pattern + 2]! || ch > codeU[pattern + 3]!
          : code[pattern + 1] === SRE_OP_CATEGORY && code[pattern + 3] === SRE_OP_FAILURE
            ? !sre_category(code[pattern + 2]!, ch)
            : !sre_charset(code, pattern + 1, ch)) {
          ret = 0; op = L_EXIT; continue;
        }
        pattern += code[pattern]!;
        ptr++;
        op = code[pattern++]!;
        continue;
      }

      case SRE_OP_LITERAL_IGNORE:
        if (ptr >= end || sre_lower_ascii(s[ptr]!) !== code[pattern]) { ret = 0; op = L_EXIT; continue; }
        pattern++;
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_LITERAL_UNI_IGNORE:
        if (ptr >= end || sre_lower_unicode(s[ptr]!) !== code[pattern]) { ret = 0; op = L_EXIT; continue; }
        pattern++;
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_LITERAL_LOC_IGNORE:
        if (ptr >= end || !char_loc_ignore(code[pattern]!, s[ptr]!)) { ret = 0; op = L_EXIT; continue; }
        pattern++;
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_NOT_LITERAL_IGNORE:
        if (ptr >= end || sre_lower_ascii(s[ptr]!) === code[pattern]) { ret = 0; op = L_EXIT; continue; }
        pattern++;
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_NOT_LITERAL_UNI_IGNORE:
        if (ptr >= end || sre_lower_unicode(s[ptr]!) === code[pattern]) { ret = 0; op = L_EXIT; continue; }
        pattern++;
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_NOT_LITERAL_LOC_IGNORE:
        if (ptr >= end || char_loc_ignore(code[pattern]!, s[ptr]!)) { ret = 0; op = L_EXIT; continue; }
        pattern++;
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_IN_IGNORE:
        if (ptr >= end || !sre_charset(code, pattern + 1, sre_lower_ascii(s[ptr]!))) { ret = 0; op = L_EXIT; continue; }
        pattern += code[pattern]!;
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_IN_UNI_IGNORE:
        if (ptr >= end || !sre_charset(code, pattern + 1, sre_lower_unicode(s[ptr]!))) {
          ret = 0; op = L_EXIT; continue;
        }
        pattern += code[pattern]!;
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_IN_LOC_IGNORE:
        if (ptr >= end || !sre_charset_loc_ignore(code, pattern + 1, s[ptr]!)) { ret = 0; op = L_EXIT; continue; }
        pattern += code[pattern]!;
        ptr++;
        op = code[pattern++]!;
        continue;

      case SRE_OP_JUMP:
      case SRE_OP_INFO:
        /* <JUMP> <offset> */
        pattern += code[pattern]!;
        op = code[pattern++]!;
        continue;

      case SRE_OP_BRANCH:
        /* alternation: <BRANCH> <0=skip> code <JUMP> ... <NULL> */
        cs[ctx + F_LASTMARK] = state.lastmark;
        cs[ctx + F_LASTINDEX] = state.lastindex;
        if (state.repeat >= 0) mark_push(state, state.lastmark);
        op = L_BRANCH;
        continue;

      case L_BRANCH:
        for (; code[pattern] !== 0; pattern += code[pattern]!) {
          const first = code[pattern + 1];
          if (first === SRE_OP_LITERAL && (ptr >= end || s[ptr] !== code[pattern + 2])) continue;
          if (first === SRE_OP_IN && (ptr >= end || !sre_charset(code, pattern + 3, s[ptr]!))) continue;
          state.ptr = ptr;
          /* DO_JUMP(JUMP_BRANCH) */
          cs[ctx + F_PATTERN] = pattern;
          cs[ctx + F_PTR] = ptr;
          ctx += CTX_SIZE;
          if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
          state.ctxTop = ctx + CTX_SIZE;
          cs[ctx + F_TOPLEVEL] = cs[ctx - CTX_SIZE + F_TOPLEVEL]!;
          cs[ctx + F_JUMP] = JUMP_BRANCH;
          pattern += 1;
          /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
          if (code[pattern] !== SRE_OP_INFO) {
            if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
            ptr = state.ptr;
            op = code[pattern++]!;
            continue main;
          }
          op = L_ENTRANCE;
          continue main;
        }
        if (state.repeat >= 0) mark_pop_discard(state, cs[ctx + F_LASTMARK]!);
        ret = 0; op = L_EXIT; continue;

      case R_BRANCH:
        if (ret !== 0) {
          if (state.repeat >= 0) mark_pop_discard(state, cs[ctx + F_LASTMARK]!);
          op = L_EXIT; continue;
        }
        if (state.repeat >= 0) mark_pop_keep(state, cs[ctx + F_LASTMARK]!);
        state.lastmark = cs[ctx + F_LASTMARK]!;
        state.lastindex = cs[ctx + F_LASTINDEX]!;
        pattern += code[pattern]!;
        op = L_BRANCH;
        continue;

      case SRE_OP_REPEAT_ONE: {
        /* maximizing repeat of a single-width item: <REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail */
        if (codeU[pattern + 1]! > end - ptr) { ret = 0; op = L_EXIT; continue; } /* cannot match */
        state.ptr = ptr;
        ret = sre_count(state, pattern + 3, codeU[pattern + 2]!);
        if (ret < 0) { state.ctxTop = base; return ret; }
        cs = state.ctxStack;
        cs[ctx + F_COUNT] = ret;
        ptr += ret;
        /* count holds the number of matches and ptr points to the tail: check the rest, backtracking if not */
        if (ret < codeU[pattern + 1]!) { ret = 0; op = L_EXIT; continue; }
        const tail = pattern + code[pattern]!;
        if (code[tail] === SRE_OP_SUCCESS && ptr === state.end &&
            !(cs[ctx + F_TOPLEVEL] !== 0 && state.must_advance && ptr === state.start)) {
          /* tail is empty. we're finished */
          state.ptr = ptr;
          ret = 1; op = L_EXIT; continue;
        }
        cs[ctx + F_LASTMARK] = state.lastmark;
        cs[ctx + F_LASTINDEX] = state.lastindex;
        if (state.repeat >= 0) mark_push(state, state.lastmark);
        if (code[tail] === SRE_OP_LITERAL) {
          /* tail starts with a literal: skip positions where the rest of the pattern cannot possibly match */
          cs[ctx + F_U] = code[tail + 1]!;
          op = L_REPEAT_ONE_1;
        } else {
          op = L_REPEAT_ONE_2;
        }
        continue;
      }

      case L_REPEAT_ONE_1: {
        const chr = cs[ctx + F_U]!;
        const min = codeU[pattern + 1]!;
        count = cs[ctx + F_COUNT]!;
        if (count >= min && (ptr >= end || s[ptr] !== chr)) {
          const back = scan_back(s, ptr, end, count - min, chr);
          ptr -= back;
          count -= back;
        }
        cs[ctx + F_COUNT] = count;
        if (count < min) {
          if (state.repeat >= 0) mark_pop_discard(state, cs[ctx + F_LASTMARK]!);
          ret = 0; op = L_EXIT; continue;
        }
        state.ptr = ptr;
        /* DO_JUMP(JUMP_REPEAT_ONE_1) */
        cs[ctx + F_PATTERN] = pattern;
        cs[ctx + F_PTR] = ptr;
        ctx += CTX_SIZE;
        if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
        state.ctxTop = ctx + CTX_SIZE;
        cs[ctx + F_TOPLEVEL] = cs[ctx - CTX_SIZE + F_TOPLEVEL]!;
        cs[ctx + F_JUMP] = JUMP_REPEAT_ONE_1;
        pattern += code[pattern]!;
        /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
        if (code[pattern] !== SRE_OP_INFO) {
          if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
          ptr = state.ptr;
          op = code[pattern++]!;
          continue;
        }
        op = L_ENTRANCE;
        continue;
      }

      case L_REPEAT_ONE_2:
        if (cs[ctx + F_COUNT]! >= codeU[pattern + 1]!) {
          state.ptr = ptr;
          /* DO_JUMP(JUMP_REPEAT_ONE_2) */
          cs[ctx + F_PATTERN] = pattern;
          cs[ctx + F_PTR] = ptr;
          ctx += CTX_SIZE;
          if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
          state.ctxTop = ctx + CTX_SIZE;
          cs[ctx + F_TOPLEVEL] = cs[ctx - CTX_SIZE + F_TOPLEVEL]!;
          cs[ctx + F_JUMP] = JUMP_REPEAT_ONE_2;
          pattern += code[pattern]!;
          /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
          if (code[pattern] !== SRE_OP_INFO) {
            if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
            ptr = state.ptr;
            op = code[pattern++]!;
            continue;
          }
          op = L_ENTRANCE;
          continue;
        }
        if (state.repeat >= 0) mark_pop_discard(state, cs[ctx + F_LASTMARK]!);
        ret = 0; op = L_EXIT; continue;

      case R_REPEAT_ONE_1:
      case R_REPEAT_ONE_2:
        if (ret !== 0) {
          if (state.repeat >= 0) mark_pop_discard(state, cs[ctx + F_LASTMARK]!);
          op = L_EXIT; continue;
        }
        if (state.repeat >= 0) mark_pop_keep(state, cs[ctx + F_LASTMARK]!);
        state.lastmark = cs[ctx + F_LASTMARK]!;
        state.lastindex = cs[ctx + F_LASTINDEX]!;
        ptr--;
        cs[ctx + F_COUNT]!--;
        op = op === R_REPEAT_ONE_1 ? L_REPEAT_ONE_1 : L_REPEAT_ONE_2;
        continue;

      case SRE_OP_MIN_REPEAT_ONE: {
        /* minimizing repeat of a single-width item: <MIN_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail */
        const min = codeU[pattern + 1]!;
        if (min > end - ptr) { ret = 0; op = L_EXIT; continue; } /* cannot match */
        state.ptr = ptr;
        if (min === 0) {
          cs[ctx + F_COUNT] = 0;
        } else {
          /* count using pattern min as the maximum */
          ret = sre_count(state, pattern + 3, min);
          if (ret < 0) { state.ctxTop = base; return ret; }
          cs = state.ctxStack;
          if (ret < min) { ret = 0; op = L_EXIT; continue; } /* didn't match minimum number of times */
          /* advance past minimum matches of repeat */
          cs[ctx + F_COUNT] = ret;
          ptr += ret;
        }
        if (code[pattern + code[pattern]!] === SRE_OP_SUCCESS &&
            !(cs[ctx + F_TOPLEVEL] !== 0 &&
              ((state.match_all && ptr !== state.end) || (state.must_advance && ptr === state.start)))) {
          /* tail is empty. we're finished */
          state.ptr = ptr;
          ret = 1; op = L_EXIT; continue;
        }
        cs[ctx + F_LASTMARK] = state.lastmark;
        cs[ctx + F_LASTINDEX] = state.lastindex;
        if (state.repeat >= 0) mark_push(state, state.lastmark);
        op = L_MIN_REPEAT_ONE;
        continue;
      }

      case L_MIN_REPEAT_ONE:
        if (codeU[pattern + 2] === SRE_MAXREPEAT || cs[ctx + F_COUNT]! <= codeU[pattern + 2]!) {
          state.ptr = ptr;
          /* DO_JUMP(JUMP_MIN_REPEAT_ONE) */
          cs[ctx + F_PATTERN] = pattern;
          cs[ctx + F_PTR] = ptr;
          ctx += CTX_SIZE;
          if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
          state.ctxTop = ctx + CTX_SIZE;
          cs[ctx + F_TOPLEVEL] = cs[ctx - CTX_SIZE + F_TOPLEVEL]!;
          cs[ctx + F_JUMP] = JUMP_MIN_REPEAT_ONE;
          pattern += code[pattern]!;
          /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
          if (code[pattern] !== SRE_OP_INFO) {
            if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
            ptr = state.ptr;
            op = code[pattern++]!;
            continue;
          }
          op = L_ENTRANCE;
          continue;
        }
        if (state.repeat >= 0) mark_pop_discard(state, cs[ctx + F_LASTMARK]!);
        ret = 0; op = L_EXIT; continue;

      case R_MIN_REPEAT_ONE:
        if (ret !== 0) {
          if (state.repeat >= 0) mark_pop_discard(state, cs[ctx + F_LASTMARK]!);
          op = L_EXIT; continue;
        }
        if (state.repeat >= 0) mark_pop_keep(state, cs[ctx + F_LASTMARK]!);
        state.lastmark = cs[ctx + F_LASTMARK]!;
        state.lastindex = cs[ctx + F_LASTINDEX]!;
        state.ptr = ptr;
        ret = sre_count(state, pattern + 3, 1);
        if (ret < 0) { state.ctxTop = base; return ret; }
        cs = state.ctxStack;
        if (ret === 0) {
          if (state.repeat >= 0) mark_pop_discard(state, cs[ctx + F_LASTMARK]!);
          ret = 0; op = L_EXIT; continue;
        }
        ptr++;
        cs[ctx + F_COUNT]!++;
        op = L_MIN_REPEAT_ONE;
        continue;

      case SRE_OP_POSSESSIVE_REPEAT_ONE: {
        /* maximizing repeat without backtracking: <POSSESSIVE_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail */
        if (ptr + codeU[pattern + 1]! > end) { ret = 0; op = L_EXIT; continue; } /* cannot match */
        state.ptr = ptr;
        ret = sre_count(state, pattern + 3, codeU[pattern + 2]!);
        if (ret < 0) { state.ctxTop = base; return ret; }
        cs = state.ctxStack;
        cs[ctx + F_COUNT] = ret;
        ptr += ret;
        if (ret < codeU[pattern + 1]!) { ret = 0; op = L_EXIT; continue; }
        pattern += code[pattern]!;
        if (code[pattern] === SRE_OP_SUCCESS && ptr === state.end &&
            !(cs[ctx + F_TOPLEVEL] !== 0 && state.must_advance && ptr === state.start)) {
          state.ptr = ptr;
          ret = 1; op = L_EXIT; continue;
        }
        op = code[pattern++]!;
        continue;
      }

      case SRE_OP_REPEAT:
        /* create a repeat context; MAX_UNTIL and MIN_UNTIL do the work.
           <REPEAT> <skip> <1=min> <2=max> item <UNTIL> tail */
        if (state.repTop + REP_SIZE > state.repStack.length) {
          state.repStack = grow(state.repStack, state.repTop + REP_SIZE);
        }
        rs = state.repStack;
        rep = state.repTop;
        state.repTop = rep + REP_SIZE;
        rs[rep + R_COUNT] = -1;
        rs[rep + R_PATTERN] = pattern;
        rs[rep + R_PREV] = state.repeat;
        rs[rep + R_LAST_PTR] = -1;
        state.repeat = rep;
        cs[ctx + F_U] = rep;
        state.ptr = ptr;
        /* DO_JUMP(JUMP_REPEAT) */
        cs[ctx + F_PATTERN] = pattern;
        cs[ctx + F_PTR] = ptr;
        ctx += CTX_SIZE;
        if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
        state.ctxTop = ctx + CTX_SIZE;
        cs[ctx + F_TOPLEVEL] = cs[ctx - CTX_SIZE + F_TOPLEVEL]!;
        cs[ctx + F_JUMP] = JUMP_REPEAT;
        pattern += code[pattern]!;
        /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
        if (code[pattern] !== SRE_OP_INFO) {
          if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
          ptr = state.ptr;
          op = code[pattern++]!;
          continue;
        }
        op = L_ENTRANCE;
        continue;

      case R_REPEAT:
        rep = cs[ctx + F_U]!;
        state.repeat = state.repStack[rep + R_PREV]!;
        state.repTop = rep;
        op = L_EXIT;
        continue;

      case SRE_OP_MAX_UNTIL: {
        /* maximizing repeat: <REPEAT> <skip> <1=min> <2=max> item <MAX_UNTIL> tail */
        rep = state.repeat;
        if (rep < 0) { state.ctxTop = base; return SRE_ERROR_STATE; }
        rs = state.repStack;
        cs[ctx + F_U] = rep;
        state.ptr = ptr;
        count = rs[rep + R_COUNT]! + 1;
        cs[ctx + F_COUNT] = count;
        const rpat = rs[rep + R_PATTERN]!;
        if (count < codeU[rpat + 1]!) {
          /* not enough matches */
          rs[rep + R_COUNT] = count;
          /* DO_JUMP(JUMP_MAX_UNTIL_1) */
          cs[ctx + F_PATTERN] = pattern;
          cs[ctx + F_PTR] = ptr;
          ctx += CTX_SIZE;
          if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
          state.ctxTop = ctx + CTX_SIZE;
          cs[ctx + F_TOPLEVEL] = cs[ctx - CTX_SIZE + F_TOPLEVEL]!;
          cs[ctx + F_JUMP] = JUMP_MAX_UNTIL_1;
          pattern = rpat + 3;
          /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
          if (code[pattern] !== SRE_OP_INFO) {
            if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
            ptr = state.ptr;
            op = code[pattern++]!;
            continue;
          }
          op = L_ENTRANCE;
          continue;
        }
        if ((count < codeU[rpat + 2]! || codeU[rpat + 2] === SRE_MAXREPEAT) && state.ptr !== rs[rep + R_LAST_PTR]) {
          /* we may have enough matches, but if we can match another item, do so */
          rs[rep + R_COUNT] = count;
          cs[ctx + F_LASTMARK] = state.lastmark;
          cs[ctx + F_LASTINDEX] = state.lastindex;
          mark_push(state, state.lastmark);
          /* zero-width match protection */
          if (state.dataTop >= state.dataStack.length) state.dataStack = grow(state.dataStack, state.dataTop + 1);
          state.dataStack[state.dataTop++] = rs[rep + R_LAST_PTR]!;
          rs[rep + R_LAST_PTR] = state.ptr;
          /* DO_JUMP(JUMP_MAX_UNTIL_2) */
          cs[ctx + F_PATTERN] = pattern;
          cs[ctx + F_PTR] = ptr;
          ctx += CTX_SIZE;
          if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
          state.ctxTop = ctx + CTX_SIZE;
          cs[ctx + F_TOPLEVEL] = cs[ctx - CTX_SIZE + F_TOPLEVEL]!;
          cs[ctx + F_JUMP] = JUMP_MAX_UNTIL_2;
          pattern = rpat + 3;
          /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
          if (code[pattern] !== SRE_OP_INFO) {
            if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
            ptr = state.ptr;
            op = code[pattern++]!;
            continue;
          }
          op = L_ENTRANCE;
          continue;
        }
        op = L_MAX_UNTIL_TAIL;
        continue;
      }

      case L_MAX_UNTIL_TAIL:
        /* cannot match more repeated items here. make sure the tail matches */
        state.repeat = state.repStack[cs[ctx + F_U]! + R_PREV]!;
        /* DO_JUMP(JUMP_MAX_UNTIL_3) */
        cs[ctx + F_PATTERN] = pattern;
        cs[ctx + F_PTR] = ptr;
        ctx += CTX_SIZE;
        if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
        state.ctxTop = ctx + CTX_SIZE;
        cs[ctx + F_TOPLEVEL] = cs[ctx - CTX_SIZE + F_TOPLEVEL]!;
        cs[ctx + F_JUMP] = JUMP_MAX_UNTIL_3;
        /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
        if (code[pattern] !== SRE_OP_INFO) {
          if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
          ptr = state.ptr;
          op = code[pattern++]!;
          continue;
        }
        op = L_ENTRANCE;
        continue;

      case R_MAX_UNTIL_1:
      case R_MIN_UNTIL_1:
        if (ret !== 0) { op = L_EXIT; continue; }
        state.repStack[cs[ctx + F_U]! + R_COUNT] = cs[ctx + F_COUNT]! - 1;
        state.ptr = ptr;
        ret = 0; op = L_EXIT; continue;

      case R_MAX_UNTIL_2:
        rep = cs[ctx + F_U]!;
        rs = state.repStack;
        rs[rep + R_LAST_PTR] = state.dataStack[--state.dataTop]!;
        if (ret !== 0) {
          mark_pop_discard(state, cs[ctx + F_LASTMARK]!);
          op = L_EXIT; continue;
        }
        mark_pop(state, cs[ctx + F_LASTMARK]!);
        state.lastmark = cs[ctx + F_LASTMARK]!;
        state.lastindex = cs[ctx + F_LASTINDEX]!;
        rs[rep + R_COUNT] = cs[ctx + F_COUNT]! - 1;
        state.ptr = ptr;
        op = L_MAX_UNTIL_TAIL;
        continue;

      case R_MAX_UNTIL_3:
        state.repeat = cs[ctx + F_U]!; /* restore repeat before return */
        if (ret !== 0) { op = L_EXIT; continue; }
        state.ptr = ptr;
        ret = 0; op = L_EXIT; continue;

      case SRE_OP_MIN_UNTIL: {
        /* minimizing repeat: <REPEAT> <skip> <1=min> <2=max> item <MIN_UNTIL> tail */
        rep = state.repeat;
        if (rep < 0) { state.ctxTop = base; return SRE_ERROR_STATE; }
        rs = state.repStack;
        cs[ctx + F_U] = rep;
        state.ptr = ptr;
        count = rs[rep + R_COUNT]! + 1;
        cs[ctx + F_COUNT] = count;
        const rpat = rs[rep + R_PATTERN]!;
        if (count < codeU[rpat + 1]!) {
          /* not enough matches */
          rs[rep + R_COUNT] = count;
          /* DO_JUMP(JUMP_MIN_UNTIL_1) */
          cs[ctx + F_PATTERN] = pattern;
          cs[ctx + F_PTR] = ptr;
          ctx += CTX_SIZE;
          if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
          state.ctxTop = ctx + CTX_SIZE;
          cs[ctx + F_TOPLEVEL] = cs[ctx - CTX_SIZE + F_TOPLEVEL]!;
          cs[ctx + F_JUMP] = JUMP_MIN_UNTIL_1;
          pattern = rpat + 3;
          /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
          if (code[pattern] !== SRE_OP_INFO) {
            if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
            ptr = state.ptr;
            op = code[pattern++]!;
            continue;
          }
          op = L_ENTRANCE;
          continue;
        }
        /* see if the tail matches */
        state.repeat = rs[rep + R_PREV]!;
        cs[ctx + F_LASTMARK] = state.lastmark;
        cs[ctx + F_LASTINDEX] = state.lastindex;
        if (state.repeat >= 0) mark_push(state, state.lastmark);
        /* DO_JUMP(JUMP_MIN_UNTIL_2) */
        cs[ctx + F_PATTERN] = pattern;
        cs[ctx + F_PTR] = ptr;
        ctx += CTX_SIZE;
        if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
        state.ctxTop = ctx + CTX_SIZE;
        cs[ctx + F_TOPLEVEL] = cs[ctx - CTX_SIZE + F_TOPLEVEL]!;
        cs[ctx + F_JUMP] = JUMP_MIN_UNTIL_2;
        /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
        if (code[pattern] !== SRE_OP_INFO) {
          if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
          ptr = state.ptr;
          op = code[pattern++]!;
          continue;
        }
        op = L_ENTRANCE;
        continue;
      }

      case R_MIN_UNTIL_2: {
        rep = cs[ctx + F_U]!;
        const repeat_of_tail = state.repeat;
        state.repeat = rep; /* restore repeat before return */
        if (ret !== 0) {
          if (repeat_of_tail >= 0) mark_pop_discard(state, cs[ctx + F_LASTMARK]!);
          op = L_EXIT; continue;
        }
        if (repeat_of_tail >= 0) mark_pop(state, cs[ctx + F_LASTMARK]!);
        state.lastmark = cs[ctx + F_LASTMARK]!;
        state.lastindex = cs[ctx + F_LASTINDEX]!;
        state.ptr = ptr;
        rs = state.repStack;
        const rpat = rs[rep + R_PATTERN]!;
        count = cs[ctx + F_COUNT]!;
        if ((count >= codeU[rpat + 2]! && codeU[rpat + 2] !== SRE_MAXREPEAT) || state.ptr === rs[rep + R_LAST_PTR]) {
          ret = 0; op = L_EXIT; continue;
        }
        rs[rep + R_COUNT] = count;
        /* zero-width match protection */
        if (state.dataTop >= state.dataStack.length) state.dataStack = grow(state.dataStack, state.dataTop + 1);
        state.dataStack[state.dataTop++] = rs[rep + R_LAST_PTR]!;
        rs[rep + R_LAST_PTR] = state.ptr;
        /* DO_JUMP(JUMP_MIN_UNTIL_3) */
        cs[ctx + F_PATTERN] = pattern;
        cs[ctx + F_PTR] = ptr;
        ctx += CTX_SIZE;
        if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
        state.ctxTop = ctx + CTX_SIZE;
        cs[ctx + F_TOPLEVEL] = cs[ctx - CTX_SIZE + F_TOPLEVEL]!;
        cs[ctx + F_JUMP] = JUMP_MIN_UNTIL_3;
        pattern = rpat + 3;
        /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
        if (code[pattern] !== SRE_OP_INFO) {
          if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
          ptr = state.ptr;
          op = code[pattern++]!;
          continue;
        }
        op = L_ENTRANCE;
        continue;
      }

      case R_MIN_UNTIL_3:
        rep = cs[ctx + F_U]!;
        rs = state.repStack;
        rs[rep + R_LAST_PTR] = state.dataStack[--state.dataTop]!;
        if (ret !== 0) { op = L_EXIT; continue; }
        rs[rep + R_COUNT] = cs[ctx + F_COUNT]! - 1;
        state.ptr = ptr;
        ret = 0; op = L_EXIT; continue;

      case SRE_OP_POSSESSIVE_REPEAT:
        /* <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail */
        state.ptr = ptr;
        cs[ctx + F_COUNT] = 0;
        op = L_POSS_REPEAT_1;
        continue;

      case L_POSS_REPEAT_1:
        /* check for minimum required matches */
        if (cs[ctx + F_COUNT]! < codeU[pattern + 1]!) {
          /* DO_JUMP(JUMP_POSS_REPEAT_1) */
          cs[ctx + F_PATTERN] = pattern;
          cs[ctx + F_PTR] = ptr;
          ctx += CTX_SIZE;
          if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
          state.ctxTop = ctx + CTX_SIZE;
          cs[ctx + F_TOPLEVEL] = 0;
          cs[ctx + F_JUMP] = JUMP_POSS_REPEAT_1;
          pattern += 3;
          /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
          if (code[pattern] !== SRE_OP_INFO) {
            if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
            ptr = state.ptr;
            op = code[pattern++]!;
            continue;
          }
          op = L_ENTRANCE;
          continue;
        }
        /* clear the context's position so that it differs from state.ptr and the loop below is entered */
        ptr = -1;
        op = L_POSS_REPEAT_2;
        continue;

      case R_POSS_REPEAT_1:
        if (ret !== 0) {
          cs[ctx + F_COUNT]!++;
          op = L_POSS_REPEAT_1;
          continue;
        }
        state.ptr = ptr;
        ret = 0; op = L_EXIT; continue;

      case L_POSS_REPEAT_2:
        /* keep matching the item until it fails or stops advancing */
        if ((cs[ctx + F_COUNT]! < codeU[pattern + 2]! || codeU[pattern + 2] === SRE_MAXREPEAT) && state.ptr !== ptr) {
          cs[ctx + F_LASTMARK] = state.lastmark;
          cs[ctx + F_LASTINDEX] = state.lastindex;
          mark_push(state, state.lastmark);
          /* zero-width match protection */
          ptr = state.ptr;
          /* DO_JUMP(JUMP_POSS_REPEAT_2) */
          cs[ctx + F_PATTERN] = pattern;
          cs[ctx + F_PTR] = ptr;
          ctx += CTX_SIZE;
          if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
          state.ctxTop = ctx + CTX_SIZE;
          cs[ctx + F_TOPLEVEL] = 0;
          cs[ctx + F_JUMP] = JUMP_POSS_REPEAT_2;
          pattern += 3;
          /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
          if (code[pattern] !== SRE_OP_INFO) {
            if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
            ptr = state.ptr;
            op = code[pattern++]!;
            continue;
          }
          op = L_ENTRANCE;
          continue;
        }
        op = L_POSS_REPEAT_TAIL;
        continue;

      case R_POSS_REPEAT_2:
        if (ret !== 0) {
          mark_pop_discard(state, cs[ctx + F_LASTMARK]!);
          cs[ctx + F_COUNT]!++;
          op = L_POSS_REPEAT_2;
          continue;
        }
        mark_pop(state, cs[ctx + F_LASTMARK]!);
        state.lastmark = cs[ctx + F_LASTMARK]!;
        state.lastindex = cs[ctx + F_LASTINDEX]!;
        state.ptr = ptr;
        op = L_POSS_REPEAT_TAIL;
        continue;

      case L_POSS_REPEAT_TAIL:
        /* evaluate the tail: skip the item and the SUCCESS that ends it */
        pattern += code[pattern]! + 1;
        ptr = state.ptr;
        op = code[pattern++]!;
        continue;

      case SRE_OP_ATOMIC_GROUP:
        /* <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail */
        state.ptr = ptr;
        /* DO_JUMP(JUMP_ATOMIC_GROUP) */
        cs[ctx + F_PATTERN] = pattern;
        cs[ctx + F_PTR] = ptr;
        ctx += CTX_SIZE;
        if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
        state.ctxTop = ctx + CTX_SIZE;
        cs[ctx + F_TOPLEVEL] = 0;
        cs[ctx + F_JUMP] = JUMP_ATOMIC_GROUP;
        pattern += 1;
        /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
        if (code[pattern] !== SRE_OP_INFO) {
          if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
          ptr = state.ptr;
          op = code[pattern++]!;
          continue;
        }
        op = L_ENTRANCE;
        continue;

      case R_ATOMIC_GROUP:
        if (ret === 0) {
          state.ptr = ptr;
          op = L_EXIT; continue;
        }
        pattern += code[pattern]!;
        ptr = state.ptr;
        op = code[pattern++]!;
        continue;

      case SRE_OP_GROUPREF:
      case SRE_OP_GROUPREF_IGNORE:
      case SRE_OP_GROUPREF_UNI_IGNORE:
      case SRE_OP_GROUPREF_LOC_IGNORE: {
        /* match backreference: <GROUPREF> <group> */
        const groupref = code[pattern]! * 2;
        if (groupref >= state.lastmark) { ret = 0; op = L_EXIT; continue; }
        let p = mark[groupref]!;
        const e = mark[groupref + 1]!;
        if (p < 0 || e < 0 || e < p) { ret = 0; op = L_EXIT; continue; }
        if (ptr + (e - p) > end) { ret = 0; op = L_EXIT; continue; }
        switch (op) {
          case SRE_OP_GROUPREF:
            for (; p < e; p++, ptr++) if (s[ptr] !== s[p]) { ret = 0; op = L_EXIT; continue main; }
            break;
          case SRE_OP_GROUPREF_IGNORE:
            for (; p < e; p++, ptr++) {
              if (sre_lower_ascii(s[ptr]!) !== sre_lower_ascii(s[p]!)) { ret = 0; op = L_EXIT; continue main; }
            }
            break;
          case SRE_OP_GROUPREF_UNI_IGNORE:
            for (; p < e; p++, ptr++) {
              if (sre_lower_unicode(s[ptr]!) !== sre_lower_unicode(s[p]!)) { ret = 0; op = L_EXIT; continue main; }
            }
            break;
          default:
            for (; p < e; p++, ptr++) {
              if (sre_lower_locale(s[ptr]!) !== sre_lower_locale(s[p]!)) { ret = 0; op = L_EXIT; continue main; }
            }
            break;
        }
        pattern++;
        op = code[pattern++]!;
        continue;
      }

      case SRE_OP_GROUPREF_EXISTS: {
        /* <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno ... */
        const groupref = code[pattern]! * 2;
        if (groupref >= state.lastmark) {
          pattern += code[pattern + 1]!;
        } else {
          const p = mark[groupref]!;
          const e = mark[groupref + 1]!;
          if (p < 0 || e < 0 || e < p) pattern += code[pattern + 1]!;
          else pattern += 2;
        }
        op = code[pattern++]!;
        continue;
      }

      case SRE_OP_ASSERT:
        /* <ASSERT> <skip> <back> <pattern> */
        if (ptr < codeU[pattern + 1]!) { ret = 0; op = L_EXIT; continue; }
        state.ptr = ptr - codeU[pattern + 1]!;
        /* DO_JUMP(JUMP_ASSERT) */
        cs[ctx + F_PATTERN] = pattern;
        cs[ctx + F_PTR] = ptr;
        ctx += CTX_SIZE;
        if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
        state.ctxTop = ctx + CTX_SIZE;
        cs[ctx + F_TOPLEVEL] = 0;
        cs[ctx + F_JUMP] = JUMP_ASSERT;
        pattern += 2;
        /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
        if (code[pattern] !== SRE_OP_INFO) {
          if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
          ptr = state.ptr;
          op = code[pattern++]!;
          continue;
        }
        op = L_ENTRANCE;
        continue;

      case R_ASSERT:
        if (ret === 0) { op = L_EXIT; continue; }
        pattern += code[pattern]!;
        op = code[pattern++]!;
        continue;

      case SRE_OP_ASSERT_NOT:
        /* <ASSERT_NOT> <skip> <back> <pattern> */
        if (ptr >= codeU[pattern + 1]!) {
          state.ptr = ptr - codeU[pattern + 1]!;
          cs[ctx + F_LASTMARK] = state.lastmark;
          cs[ctx + F_LASTINDEX] = state.lastindex;
          if (state.repeat >= 0) mark_push(state, state.lastmark);
          /* DO_JUMP(JUMP_ASSERT_NOT) */
          cs[ctx + F_PATTERN] = pattern;
          cs[ctx + F_PTR] = ptr;
          ctx += CTX_SIZE;
          if (ctx + CTX_SIZE > cs.length) cs = ctx_grow(state, ctx + CTX_SIZE);
          state.ctxTop = ctx + CTX_SIZE;
          cs[ctx + F_TOPLEVEL] = 0;
          cs[ctx + F_JUMP] = JUMP_ASSERT_NOT;
          pattern += 2;
          /* enter the child (L_ENTRANCE inline, unless its code starts with an INFO block) */
          if (code[pattern] !== SRE_OP_INFO) {
            if ((++sigcount & 0xfff) === 0 && interruptHook !== null) interruptHook();
            ptr = state.ptr;
            op = code[pattern++]!;
            continue;
          }
          op = L_ENTRANCE;
          continue;
        }
        pattern += code[pattern]!;
        op = code[pattern++]!;
        continue;

      case R_ASSERT_NOT:
        if (ret !== 0) {
          if (state.repeat >= 0) mark_pop_discard(state, cs[ctx + F_LASTMARK]!);
          ret = 0; op = L_EXIT; continue;
        }
        if (state.repeat >= 0) mark_pop(state, cs[ctx + F_LASTMARK]!);
        state.lastmark = cs[ctx + F_LASTMARK]!;
        state.lastindex = cs[ctx + F_LASTINDEX]!;
        pattern += code[pattern]!;
        op = code[pattern++]!;
        continue;

      case SRE_OP_FAILURE:
        ret = 0; op = L_EXIT; continue;

      case R_NONE:
        /* a context that was entered without a jump label only exists at the base */
        state.ctxTop = base;
        return ret;

      case SRE_OP_RANGE_UNI_IGNORE:
      case SRE_OP_SUBPATTERN:
      case SRE_OP_RANGE:
      case SRE_OP_NEGATE:
      case SRE_OP_BIGCHARSET:
      case SRE_OP_CHARSET:
      default:
        /* unknown or set-only opcode */
        state.ctxTop = base;
        return SRE_ERROR_ILLEGAL;
    }
  }
}

/** SRE(search): find the first position from state.start where the code matches (using the INFO block). */
export function sre_search(state: SRE_STATE): number {
  const code = state.code;
  const s = state.string;
  let ptr = state.start;
  let end = state.end;
  let status = 0;
  let prefix_len = 0;
  let prefix_skip = 0;
  let prefix = -1;
  let charset = -1;
  let overlap = -1;
  let flags = 0;
  let pattern = 0;

  if (ptr > end) return 0;

  if (code[0] === SRE_OP_INFO) {
    /* optimization info block: <INFO> <1=skip> <2=flags> <3=min> <4=max> <5=prefix info> */
    flags = code[2]!;
    const min = state.codeU[3]!;
    if (min !== 0 && end - ptr < min) return 0;
    if (min > 1) {
      /* adjust end point (but make sure we leave at least one character in there, so literal search will work) */
      end -= min - 1;
      if (end <= ptr) end = ptr;
    }
    if (flags & SRE_INFO_PREFIX) {
      /* pattern starts with a known prefix: <length> <skip> <prefix data> <overlap data> */
      prefix_len = code[5]!;
      prefix_skip = code[6]!;
      prefix = 7;
      overlap = prefix + prefix_len - 1;
    } else if (flags & SRE_INFO_CHARSET) {
      /* pattern starts with a character from a known set: <charset> */
      charset = 5;
    }
    pattern += 1 + code[1]!;
  }

  if (prefix_len === 1) {
    /* pattern starts with a literal character */
    const c = code[prefix]!;
    end = state.end;
    state.must_advance = false;
    while (ptr < end) {
      while (s[ptr] !== c) {
        if (++ptr >= end) return 0;
      }
      state.start = ptr;
      state.ptr = ptr + prefix_skip;
      if (flags & SRE_INFO_LITERAL) return 1; /* we got all of it */
      status = sre_match(state, pattern + 2 * prefix_skip, false);
      if (status !== 0) return status;
      ++ptr;
      state.lastmark = state.lastindex = -1; /* RESET_CAPTURE_GROUP */
    }
    return 0;
  }

  if (prefix_len > 1) {
    /* pattern starts with a known prefix: use the overlap table to skip forward as fast as we possibly can */
    end = state.end;
    if (prefix_len > end - ptr) return 0;
    while (ptr < end) {
      const c = code[prefix]!;
      while (s[ptr++] !== c) {
        if (ptr >= end) return 0;
      }
      if (ptr >= end) return 0;
      let i = 1;
      state.must_advance = false;
      do {
        if (s[ptr] === code[prefix + i]) {
          if (++i !== prefix_len) {
            if (++ptr >= end) return 0;
            continue;
          }
          /* found a potential match */
          state.start = ptr - (prefix_len - 1);
          state.ptr = ptr - (prefix_len - prefix_skip - 1);
          if (flags & SRE_INFO_LITERAL) return 1; /* we got all of it */
          status = sre_match(state, pattern + 2 * prefix_skip, false);
          if (status !== 0) return status;
          /* close but no cigar -- try again */
          if (++ptr >= end) return 0;
          state.lastmark = state.lastindex = -1;
        }
        i = code[overlap + i]!;
      } while (i !== 0);
    }
    return 0;
  }

  if (charset >= 0) {
    /* pattern starts with a character from a known set */
    end = state.end;
    state.must_advance = false;
    /* a set of one category (\w ...): the predicate without the set interpreter */
    const cat = code[charset] === SRE_OP_CATEGORY && code[charset + 2] === SRE_OP_FAILURE ? code[charset + 1]! : -1;
    for (;;) {
      if (cat >= 0) while (ptr < end && !sre_category(cat, s[ptr]!)) ptr++;
      else while (ptr < end && !sre_charset(code, charset, s[ptr]!)) ptr++;
      if (ptr >= end) return 0;
      state.start = ptr;
      state.ptr = ptr;
      status = sre_match(state, pattern, false);
      if (status !== 0) break;
      ptr++;
      state.lastmark = state.lastindex = -1;
    }
  } else {
    /* general case */
    state.start = state.ptr = ptr;
    status = sre_match(state, pattern, true);
    state.must_advance = false;
    if (status === 0 && code[pattern] === SRE_OP_AT &&
        (code[pattern + 1] === SRE_AT_BEGINNING || code[pattern + 1] === SRE_AT_BEGINNING_STRING)) {
      state.start = state.ptr = ptr = end;
      return 0;
    }
    const first = state.first;
    while (status === 0 && ptr < end) {
      ptr++;
      if (first !== null) {
        /* Typhon-only: skip the positions where sre_match would fail on the first character (see sre_first) */
        while (ptr < end && !sre_first_ok(code, first, s[ptr]!)) ptr++;
        if (ptr === end && (ptr >= state.end || !sre_first_ok(code, first, s[ptr]!))) {
          state.start = state.ptr = ptr;
          return 0;
        }
      }
      state.lastmark = state.lastindex = -1;
      state.start = state.ptr = ptr;
      status = sre_match(state, pattern, false);
    }
  }
  return status;
}

/** Is `op` a single-character item whose test sre_first_ok knows? */
function isCharItem(op: number): boolean {
  switch (op) {
    case SRE_OP_LITERAL:
    case SRE_OP_NOT_LITERAL:
    case SRE_OP_LITERAL_IGNORE:
    case SRE_OP_NOT_LITERAL_IGNORE:
    case SRE_OP_LITERAL_UNI_IGNORE:
    case SRE_OP_NOT_LITERAL_UNI_IGNORE:
    case SRE_OP_IN:
    case SRE_OP_IN_IGNORE:
    case SRE_OP_IN_UNI_IGNORE:
    case SRE_OP_ANY:
    case SRE_OP_ANY_ALL:
    case SRE_OP_CATEGORY:
      return true;
    default:
      return false;
  }
}

/** The position of the character item the code at `pos` must begin with (past MARKs), or -1. */
function firstItem(code: Int32Array, codeU: Uint32Array, pos: number): number {
  while (code[pos] === SRE_OP_MARK) pos += 2;
  const op = code[pos]!;
  if (isCharItem(op)) return pos;
  if ((op === SRE_OP_REPEAT_ONE || op === SRE_OP_MIN_REPEAT_ONE || op === SRE_OP_POSSESSIVE_REPEAT_ONE) &&
      codeU[pos + 2]! >= 1 && isCharItem(code[pos + 4]!)) {
    return pos + 4;
  }
  return -1;
}

/**
 * Typhon-only search accelerator (not in sre_lib.h): when the code after the INFO block must begin with a character
 * item (a literal, a set, a category, a repeat of one with min >= 1, or a branch whose every alternative does), the
 * positions of those items, so that SRE(search)'s general case need not run sre_match where the first character
 * already fails. The compiler's INFO prefix and charset cover most such patterns, but not ignore-case literals or
 * branches of them ('(?i)error|warn'). Skipping a position whose match would fail on its first character changes
 * nothing: each position starts from reset registers. Returns null when there is no such requirement.
 */
export function sre_first(code: Int32Array, codeU: Uint32Array): Int32Array | null {
  let pos = 0;
  if (code[0] === SRE_OP_INFO) pos = 1 + code[1]!;
  const item = firstItem(code, codeU, pos);
  if (item >= 0) return Int32Array.of(item);
  if (code[pos] !== SRE_OP_BRANCH) return null;
  const items: number[] = [];
  for (let alt = pos + 1; code[alt] !== 0; alt += code[alt]!) {
    const it = firstItem(code, codeU, alt + 1);
    if (it < 0) return null;
    items.push(it);
  }
  return items.length > 0 ? Int32Array.from(items) : null;
}

/** Can a character item of `items` match `ch`? */
function sre_first_ok(code: Int32Array, items: Int32Array, ch: number): boolean {
  for (let k = 0; k < items.length; k++) {
    const i = items[k]!;
    switch (code[i]) {
      case SRE_OP_LITERAL: if (ch === code[i + 1]) return true; break;
      case SRE_OP_NOT_LITERAL: if (ch !== code[i + 1]) return true; break;
      case SRE_OP_LITERAL_IGNORE: if (sre_lower_ascii(ch) === code[i + 1]) return true; break;
      case SRE_OP_NOT_LITERAL_IGNORE: if (sre_lower_ascii(ch) !== code[i + 1]) return true; break;
      case SRE_OP_LITERAL_UNI_IGNORE: if (sre_lower_unicode(ch) === code[i + 1]) return true; break;
      case SRE_OP_NOT_LITERAL_UNI_IGNORE: if (sre_lower_unicode(ch) !== code[i + 1]) return true; break;
      case SRE_OP_IN: if (sre_charset(code, i + 2, ch)) return true; break;
      case SRE_OP_IN_IGNORE: if (sre_charset(code, i + 2, sre_lower_ascii(ch))) return true; break;
      case SRE_OP_IN_UNI_IGNORE: if (sre_charset(code, i + 2, sre_lower_unicode(ch))) return true; break;
      case SRE_OP_ANY: if (ch !== 0x0a) return true; break;
      case SRE_OP_ANY_ALL: return true;
      case SRE_OP_CATEGORY: if (sre_category(code[i + 1]!, ch)) return true; break;
      default: return true;
    }
  }
  return false;
}
