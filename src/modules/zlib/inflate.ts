// DEFLATE decompression with zlib's streaming contract (zlib 1.2.13 inflate.c, inftrees.c, inffast.c): a
// resumable state machine over any split of input and output, raw / zlib / gzip / auto-detected wrappers,
// and zlib's error messages in zlib's order of checks. See docs/modules.md.
import { adler32 } from "./adler32.js";
import { crc32 } from "./crc32.js";
import {
  ZStream, Z_BLOCK, Z_BUF_ERROR, Z_DATA_ERROR, Z_DEFLATED, Z_FINISH, Z_NEED_DICT, Z_OK, Z_STREAM_END, Z_STREAM_ERROR, Z_TREES,
} from "./zutil.js";

// Modes, in zlib's order (comparisons such as mode < CHECK rely on it).
const HEAD = 0, FLAGS = 1, TIME = 2, OS = 3, EXLEN = 4, EXTRA = 5, NAME = 6, COMMENT = 7, HCRC = 8, DICTID = 9, DICT = 10,
  TYPE = 11, TYPEDO = 12, STORED = 13, COPY_ = 14, COPY = 15, TABLE = 16, LENLENS = 17, CODELENS = 18, LEN_ = 19, LEN = 20,
  LENEXT = 21, DIST = 22, DISTEXT = 23, MATCH = 24, LIT = 25, CHECK = 26, LENGTH = 27, DONE = 28, BAD = 29;

// Decoding table entries: op << 24 | bits << 16 | val. op 0 literal; 16|e base with e extra bits; 32 end of
// block; 64 invalid; 1..15 link to a sub-table of 2^op entries at offset val (zlib's `code` layout).
const OP_LIT = 0;
const OP_BASE = 16;
const OP_EOB = 96; // 64 | 32, as zlib: not a base (16) and not a link (op & 64 set)
const OP_INVALID = 64;

const CODES = 0, LENS = 1, DISTS = 2;

const lbase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258] as const;
const lext = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0] as const;
const dbase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
  4097, 6145, 8193, 12289, 16385, 24577] as const;
const dext = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13] as const;
const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15] as const;

function entry(op: number, bits: number, val: number): number {
  return (op << 24) | (bits << 16) | val;
}

interface Table {
  readonly codes: Int32Array;
  readonly bits: number;
}

/**
 * Build a decoding table for code lengths lens[start .. start+n) (inflate_table's role). Returns null for an
 * over-subscribed set, or an incomplete one unless it is a single one-bit code of a literal/length or distance
 * set (RFC 1951 allows one distance code). Codes longer than the root use second-level tables.
 */
function inflate_table(type: number, lens: Uint16Array, start: number, n: number, root: number): Table | null {
  const count = new Uint16Array(16);
  for (let i = 0; i < n; i++) count[lens[start + i]!]!++;
  let max = 15;
  while (max >= 1 && count[max] === 0) max--;
  if (max === 0) {
    // No codes at all: every lookup is invalid (only legal for distances, and fatal only if one is used).
    const codes = new Int32Array(2).fill(entry(OP_INVALID, 1, 0));
    return { codes, bits: 1 };
  }
  let min = 1;
  while (min < max && count[min] === 0) min++;
  if (root > max) root = max;
  if (root < min) root = min;
  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left <<= 1;
    left -= count[len]!;
    if (left < 0) return null;
  }
  if (left > 0 && (type === CODES || max !== 1)) return null;
  const offs = new Uint16Array(16);
  for (let len = 1; len < 15; len++) offs[len + 1] = offs[len]! + count[len]!;
  const sorted = new Uint16Array(n);
  for (let sym = 0; sym < n; sym++) if (lens[start + sym] !== 0) sorted[offs[lens[start + sym]!]!++] = sym;

  // Sub-table sizes: one per root prefix, sized by the longest code under that prefix.
  const rootSize = 1 << root;
  const subBits = new Uint8Array(rootSize);
  let nsyms = 0;
  for (let len = 1; len <= 15; len++) nsyms += count[len]!;
  // Canonical codes (RFC 1951 §3.2.2), bit-reversed because deflate sends codes MSB first into an LSB-first stream.
  const nextCode = new Uint16Array(16);
  let code = 0;
  for (let len = 1; len <= 15; len++) {
    code = (code + (len === 1 ? 0 : count[len - 1]!)) << 1;
    nextCode[len] = code;
  }
  const codeOf = new Uint16Array(n);
  for (let i = 0; i < nsyms; i++) {
    const sym = sorted[i]!;
    const len = lens[start + sym]!;
    const rev = reverse(nextCode[len]!++, len);
    codeOf[sym] = rev;
    if (len > root) {
      const prefix = rev & (rootSize - 1);
      if (len - root > subBits[prefix]!) subBits[prefix] = len - root;
    }
  }
  let total = rootSize;
  const subOffset = new Int32Array(rootSize);
  for (let p = 0; p < rootSize; p++) {
    if (subBits[p]) {
      subOffset[p] = total;
      total += 1 << subBits[p]!;
    }
  }
  const codes = new Int32Array(total).fill(entry(OP_INVALID, 1, 0));
  for (let p = 0; p < rootSize; p++) if (subBits[p]) codes[p] = entry(subBits[p]!, root, subOffset[p]!);
  for (let i = 0; i < nsyms; i++) {
    const sym = sorted[i]!;
    const len = lens[start + sym]!;
    let e: number;
    if (type === CODES) e = entry(OP_LIT, 0, sym);
    else if (type === LENS) e = sym < 256 ? entry(OP_LIT, 0, sym) : sym === 256 ? entry(OP_EOB, 0, 0)
      : sym - 257 < 29 ? entry(OP_BASE | lext[sym - 257]!, 0, lbase[sym - 257]!) : entry(OP_INVALID, 0, 0);
    else e = sym < 30 ? entry(OP_BASE | dext[sym]!, 0, dbase[sym]!) : entry(OP_INVALID, 0, 0);
    const rev = codeOf[sym]!;
    if (len <= root) {
      const v = e | (len << 16);
      for (let j = rev; j < rootSize; j += 1 << len) codes[j] = v;
    } else {
      const prefix = rev & (rootSize - 1);
      const sb = subBits[prefix]!;
      const sub = subOffset[prefix]!;
      const drop = len - root;
      const v = e | (drop << 16);
      for (let j = rev >>> root; j < 1 << sb; j += 1 << drop) codes[sub + j] = v;
    }
  }
  return { codes, bits: root };
}

function reverse(code: number, len: number): number {
  let r = 0;
  for (let i = 0; i < len; i++) {
    r = (r << 1) | (code & 1);
    code >>>= 1;
  }
  return r;
}

const fixedTables = (() => {
  const lens = new Uint16Array(320);
  let sym = 0;
  while (sym < 144) lens[sym++] = 8;
  while (sym < 256) lens[sym++] = 9;
  while (sym < 280) lens[sym++] = 7;
  while (sym < 288) lens[sym++] = 8;
  const lenfix = inflate_table(LENS, lens, 0, 288, 9)!;
  sym = 0;
  while (sym < 32) lens[sym++] = 5;
  const distfix = inflate_table(DISTS, lens, 0, 32, 5)!;
  return { lenfix, distfix };
})();

export class InflateState {
  mode: number;
  last: number;
  wrap: number;
  havedict: number;
  flags: number;
  check: number;
  total: number;
  wbits: number;
  wsize: number;
  whave: number;
  wnext: number;
  window: Uint8Array | null;
  hold: number;
  bits: number;
  length: number;
  offset: number;
  extra: number;
  lencode: Int32Array;
  lenbits: number;
  distcode: Int32Array;
  distbits: number;
  ncode: number;
  nlen: number;
  ndist: number;
  have: number;
  lens: Uint16Array;
  /** gzip header fields (inflateGetHeader is not used by CPython, but the header is parsed the same). */
  hcrcBuf: Uint8Array;
  constructor() {
    this.mode = HEAD;
    this.last = 0;
    this.wrap = 0;
    this.havedict = 0;
    this.flags = -1;
    this.check = 0;
    this.total = 0;
    this.wbits = 0;
    this.wsize = 0;
    this.whave = 0;
    this.wnext = 0;
    this.window = null;
    this.hold = 0;
    this.bits = 0;
    this.length = 0;
    this.offset = 0;
    this.extra = 0;
    this.lencode = fixedTables.lenfix.codes;
    this.lenbits = 9;
    this.distcode = fixedTables.distfix.codes;
    this.distbits = 5;
    this.ncode = 0;
    this.nlen = 0;
    this.ndist = 0;
    this.have = 0;
    this.lens = new Uint16Array(320);
    this.hcrcBuf = new Uint8Array(4);
  }
}

const states = new WeakMap<ZStream, InflateState>();

export function inflateResetKeep(strm: ZStream): number {
  const state = states.get(strm);
  if (!state) return Z_STREAM_ERROR;
  state.total = strm.total_in = strm.total_out = 0;
  strm.msg = null;
  if (state.wrap) strm.adler = state.wrap & 1;
  state.mode = HEAD;
  state.last = 0;
  state.havedict = 0;
  state.flags = -1;
  state.hold = 0;
  state.bits = 0;
  state.lencode = fixedTables.lenfix.codes;
  state.distcode = fixedTables.distfix.codes;
  return Z_OK;
}

export function inflateReset(strm: ZStream): number {
  const state = states.get(strm);
  if (!state) return Z_STREAM_ERROR;
  state.wsize = 0;
  state.whave = 0;
  state.wnext = 0;
  return inflateResetKeep(strm);
}

export function inflateReset2(strm: ZStream, windowBits: number): number {
  const state = states.get(strm);
  if (!state) return Z_STREAM_ERROR;
  let wrap: number;
  if (windowBits < 0) {
    if (windowBits < -15) return Z_STREAM_ERROR;
    wrap = 0;
    windowBits = -windowBits;
  } else {
    wrap = (windowBits >> 4) + 5;
    if (windowBits < 48) windowBits &= 15;
  }
  if (windowBits && (windowBits < 8 || windowBits > 15)) return Z_STREAM_ERROR;
  if (state.window !== null && state.wbits !== windowBits) state.window = null;
  state.wrap = wrap;
  state.wbits = windowBits;
  return inflateReset(strm);
}

export function inflateInit2(strm: ZStream, windowBits: number): number {
  strm.msg = null;
  const state = new InflateState();
  states.set(strm, state);
  const ret = inflateReset2(strm, windowBits);
  if (ret !== Z_OK) states.delete(strm);
  return ret;
}

export function inflateEnd(strm: ZStream): number {
  if (!states.has(strm)) return Z_STREAM_ERROR;
  states.delete(strm);
  return Z_OK;
}

export function inflateCopy(dest: ZStream, source: ZStream): number {
  const s = states.get(source);
  if (!s) return Z_STREAM_ERROR;
  Object.assign(dest, source);
  const d = new InflateState();
  Object.assign(d, s);
  d.lens = s.lens.slice();
  d.window = s.window ? s.window.slice() : null;
  d.hcrcBuf = s.hcrcBuf.slice();
  states.set(dest, d);
  return Z_OK;
}

/** Keep the last wsize bytes of output as history for later calls (updatewindow). */
function updatewindow(state: InflateState, out: Uint8Array, end: number, copy: number): void {
  if (state.window === null) state.window = new Uint8Array(1 << state.wbits);
  if (state.wsize === 0) {
    state.wsize = 1 << state.wbits;
    state.wnext = 0;
    state.whave = 0;
  }
  const window = state.window;
  if (copy >= state.wsize) {
    window.set(out.subarray(end - state.wsize, end), 0);
    state.wnext = 0;
    state.whave = state.wsize;
  } else {
    let dist = state.wsize - state.wnext;
    if (dist > copy) dist = copy;
    window.set(out.subarray(end - copy, end - copy + dist), state.wnext);
    copy -= dist;
    if (copy) {
      window.set(out.subarray(end - copy, end), 0);
      state.wnext = copy;
      state.whave = state.wsize;
    } else {
      state.wnext += dist;
      if (state.wnext === state.wsize) state.wnext = 0;
      if (state.whave < state.wsize) state.whave += dist;
    }
  }
}

export function inflateSetDictionary(strm: ZStream, dictionary: Uint8Array): number {
  const state = states.get(strm);
  if (!state) return Z_STREAM_ERROR;
  if (state.wrap !== 0 && state.mode !== DICT) return Z_STREAM_ERROR;
  if (state.mode === DICT && adler32(1, dictionary) !== state.check) return Z_DATA_ERROR;
  updatewindow(state, dictionary, dictionary.length, dictionary.length);
  state.havedict = 1;
  return Z_OK;
}

function swap32(x: number): number {
  return (((x >>> 24) & 0xff) | ((x >>> 8) & 0xff00) | ((x & 0xff00) << 8) | ((x & 0xff) << 24)) >>> 0;
}

/** inflate(strm, flush): decompress as much as possible; the return codes are zlib's. */
export function inflate(strm: ZStream, flush: number): number {
  const state = states.get(strm);
  if (!state) return Z_STREAM_ERROR;
  if (state.mode === TYPE) state.mode = TYPEDO;
  const input = strm.next_in;
  let next = strm.next_in_index;
  let have = strm.avail_in;
  const output = strm.next_out;
  let put = strm.next_out_index;
  let left = strm.avail_out;
  let hold = state.hold;
  let bits = state.bits;
  const inStart = have;
  let out = left;
  let ret = Z_OK;
  let here = 0;

  // NEEDBITS(n) is written inline as `while (bits < n) { if (have === 0) break leave; pull }`.
  leave: for (;;) {
    switch (state.mode) {
      case HEAD: {
        if (state.wrap === 0) {
          state.mode = TYPEDO;
          break;
        }
        while (bits < 16) {
          if (have === 0) break leave;
          have--;
          hold = (hold | (input[next++]! << bits)) >>> 0;
          bits += 8;
        }
        if (state.wrap & 2 && hold === 0x8b1f) {
          if (state.wbits === 0) state.wbits = 15;
          state.hcrcBuf[0] = hold & 0xff;
          state.hcrcBuf[1] = (hold >>> 8) & 0xff;
          state.check = crc32(0, state.hcrcBuf, 0, 2);
          hold = bits = 0;
          state.mode = FLAGS;
          break;
        }
        if (!(state.wrap & 1) || (((hold & 0xff) << 8) + (hold >>> 8)) % 31) {
          strm.msg = "incorrect header check";
          state.mode = BAD;
          break;
        }
        if ((hold & 0xf) !== Z_DEFLATED) {
          strm.msg = "unknown compression method";
          state.mode = BAD;
          break;
        }
        hold >>>= 4;
        bits -= 4;
        const len = (hold & 0xf) + 8;
        if (state.wbits === 0) state.wbits = len;
        if (len > 15 || len > state.wbits) {
          strm.msg = "invalid window size";
          state.mode = BAD;
          break;
        }
        state.flags = 0;
        strm.adler = state.check = 1;
        state.mode = hold & 0x200 ? DICTID : TYPE;
        hold = bits = 0;
        break;
      }
      case FLAGS:
        while (bits < 16) {
          if (have === 0) break leave;
          have--;
          hold = (hold | (input[next++]! << bits)) >>> 0;
          bits += 8;
        }
        state.flags = hold;
        if ((state.flags & 0xff) !== Z_DEFLATED) {
          strm.msg = "unknown compression method";
          state.mode = BAD;
          break;
        }
        if (state.flags & 0xe000) {
          strm.msg = "unknown header flags set";
          state.mode = BAD;
          break;
        }
        if (state.flags & 0x0200 && state.wrap & 4) state.check = crcBytes(state, hold, 2);
        hold = bits = 0;
        state.mode = TIME;
        break; // on to the mode just set
      case TIME:
        while (bits < 32) {
          if (have === 0) break leave;
          have--;
          hold = (hold | (input[next++]! << bits)) >>> 0;
          bits += 8;
        }
        if (state.flags & 0x0200 && state.wrap & 4) state.check = crcBytes(state, hold, 4);
        hold = bits = 0;
        state.mode = OS;
        break; // on to the mode just set
      case OS:
        while (bits < 16) {
          if (have === 0) break leave;
          have--;
          hold = (hold | (input[next++]! << bits)) >>> 0;
          bits += 8;
        }
        if (state.flags & 0x0200 && state.wrap & 4) state.check = crcBytes(state, hold, 2);
        hold = bits = 0;
        state.mode = EXLEN;
        break; // on to the mode just set
      case EXLEN:
        if (state.flags & 0x0400) {
          while (bits < 16) {
            if (have === 0) break leave;
            have--;
            hold = (hold | (input[next++]! << bits)) >>> 0;
            bits += 8;
          }
          state.length = hold;
          if (state.flags & 0x0200 && state.wrap & 4) state.check = crcBytes(state, hold, 2);
          hold = bits = 0;
        }
        state.mode = EXTRA;
        break; // on to the mode just set
      case EXTRA:
        if (state.flags & 0x0400) {
          let copy = state.length;
          if (copy > have) copy = have;
          if (copy) {
            if (state.flags & 0x0200 && state.wrap & 4) state.check = crc32(state.check, input, next, next + copy);
            have -= copy;
            next += copy;
            state.length -= copy;
          }
          if (state.length) break leave;
        }
        state.length = 0;
        state.mode = NAME;
        break; // on to the mode just set
      case NAME:
        if (state.flags & 0x0800) {
          if (have === 0) break leave;
          let copy = 0;
          let len: number;
          do len = input[next + copy++]!;
          while (len && copy < have);
          if (state.flags & 0x0200 && state.wrap & 4) state.check = crc32(state.check, input, next, next + copy);
          have -= copy;
          next += copy;
          if (len) break leave;
        }
        state.length = 0;
        state.mode = COMMENT;
        break; // on to the mode just set
      case COMMENT:
        if (state.flags & 0x1000) {
          if (have === 0) break leave;
          let copy = 0;
          let len: number;
          do len = input[next + copy++]!;
          while (len && copy < have);
          if (state.flags & 0x0200 && state.wrap & 4) state.check = crc32(state.check, input, next, next + copy);
          have -= copy;
          next += copy;
          if (len) break leave;
        }
        state.mode = HCRC;
        break; // on to the mode just set
      case HCRC:
        if (state.flags & 0x0200) {
          while (bits < 16) {
            if (have === 0) break leave;
            have--;
            hold = (hold | (input[next++]! << bits)) >>> 0;
            bits += 8;
          }
          if (state.wrap & 4 && hold !== (state.check & 0xffff)) {
            strm.msg = "header crc mismatch";
            state.mode = BAD;
            break;
          }
          hold = bits = 0;
        }
        strm.adler = state.check = 0;
        state.mode = TYPE;
        break;
      case DICTID:
        while (bits < 32) {
          if (have === 0) break leave;
          have--;
          hold = (hold | (input[next++]! << bits)) >>> 0;
          bits += 8;
        }
        strm.adler = state.check = swap32(hold);
        hold = bits = 0;
        state.mode = DICT;
        break; // on to the mode just set
      case DICT:
        if (state.havedict === 0) {
          strm.next_in_index = next;
          strm.avail_in = have;
          strm.next_out_index = put;
          strm.avail_out = left;
          state.hold = hold;
          state.bits = bits;
          return Z_NEED_DICT;
        }
        strm.adler = state.check = 1;
        state.mode = TYPE;
        break; // on to the mode just set
      case TYPE:
        if (flush === Z_BLOCK || flush === Z_TREES) break leave;
        state.mode = TYPEDO;
        break; // on to the mode just set
      case TYPEDO:
        if (state.last) {
          hold >>>= bits & 7;
          bits -= bits & 7;
          state.mode = CHECK;
          break;
        }
        while (bits < 3) {
          if (have === 0) break leave;
          have--;
          hold = (hold | (input[next++]! << bits)) >>> 0;
          bits += 8;
        }
        state.last = hold & 1;
        hold >>>= 1;
        bits -= 1;
        switch (hold & 3) {
          case 0:
            state.mode = STORED;
            break;
          case 1:
            state.lencode = fixedTables.lenfix.codes;
            state.lenbits = 9;
            state.distcode = fixedTables.distfix.codes;
            state.distbits = 5;
            state.mode = LEN_;
            break;
          case 2:
            state.mode = TABLE;
            break;
          default:
            strm.msg = "invalid block type";
            state.mode = BAD;
        }
        hold >>>= 2;
        bits -= 2;
        break;
      case STORED:
        hold >>>= bits & 7;
        bits -= bits & 7;
        while (bits < 32) {
          if (have === 0) break leave;
          have--;
          hold = (hold | (input[next++]! << bits)) >>> 0;
          bits += 8;
        }
        if ((hold & 0xffff) !== ((hold >>> 16) ^ 0xffff)) {
          strm.msg = "invalid stored block lengths";
          state.mode = BAD;
          break;
        }
        state.length = hold & 0xffff;
        hold = bits = 0;
        state.mode = COPY_;
        break; // on to the mode just set
      case COPY_:
        state.mode = COPY;
        break; // on to the mode just set
      case COPY: {
        let copy = state.length;
        if (copy) {
          if (copy > have) copy = have;
          if (copy > left) copy = left;
          if (copy === 0) break leave;
          output.set(input.subarray(next, next + copy), put);
          have -= copy;
          next += copy;
          left -= copy;
          put += copy;
          state.length -= copy;
          break;
        }
        state.mode = TYPE;
        break;
      }
      case TABLE:
        while (bits < 14) {
          if (have === 0) break leave;
          have--;
          hold = (hold | (input[next++]! << bits)) >>> 0;
          bits += 8;
        }
        state.nlen = (hold & 0x1f) + 257;
        hold >>>= 5;
        state.ndist = (hold & 0x1f) + 1;
        hold >>>= 5;
        state.ncode = (hold & 0xf) + 4;
        hold >>>= 4;
        bits -= 14;
        if (state.nlen > 286 || state.ndist > 30) {
          strm.msg = "too many length or distance symbols";
          state.mode = BAD;
          break;
        }
        state.have = 0;
        state.mode = LENLENS;
        break; // on to the mode just set
      case LENLENS: {
        while (state.have < state.ncode) {
          while (bits < 3) {
            if (have === 0) break leave;
            have--;
            hold = (hold | (input[next++]! << bits)) >>> 0;
            bits += 8;
          }
          state.lens[order[state.have++]!] = hold & 7;
          hold >>>= 3;
          bits -= 3;
        }
        while (state.have < 19) state.lens[order[state.have++]!] = 0;
        const t = inflate_table(CODES, state.lens, 0, 19, 7);
        if (t === null) {
          strm.msg = "invalid code lengths set";
          state.mode = BAD;
          break;
        }
        state.lencode = t.codes;
        state.lenbits = t.bits;
        state.have = 0;
        state.mode = CODELENS;
      }
        break; // on to the mode just set
      case CODELENS: {
        const lmask = (1 << state.lenbits) - 1;
        while (state.have < state.nlen + state.ndist) {
          for (;;) {
            here = state.lencode[hold & lmask]!;
            if (((here >>> 16) & 0xff) <= bits) break;
            if (have === 0) break leave;
            have--;
            hold = (hold | (input[next++]! << bits)) >>> 0;
            bits += 8;
          }
          const hbits = (here >>> 16) & 0xff;
          const hval = here & 0xffff;
          if (hval < 16) {
            hold >>>= hbits;
            bits -= hbits;
            state.lens[state.have++] = hval;
          } else {
            let len: number;
            let copy: number;
            const need = hbits + (hval === 16 ? 2 : hval === 17 ? 3 : 7);
            while (bits < need) {
              if (have === 0) break leave;
              have--;
              hold = (hold | (input[next++]! << bits)) >>> 0;
              bits += 8;
            }
            hold >>>= hbits;
            bits -= hbits;
            if (hval === 16) {
              if (state.have === 0) {
                strm.msg = "invalid bit length repeat";
                state.mode = BAD;
                break;
              }
              len = state.lens[state.have - 1]!;
              copy = 3 + (hold & 3);
              hold >>>= 2;
              bits -= 2;
            } else if (hval === 17) {
              len = 0;
              copy = 3 + (hold & 7);
              hold >>>= 3;
              bits -= 3;
            } else {
              len = 0;
              copy = 11 + (hold & 0x7f);
              hold >>>= 7;
              bits -= 7;
            }
            if (state.have + copy > state.nlen + state.ndist) {
              strm.msg = "invalid bit length repeat";
              state.mode = BAD;
              break;
            }
            while (copy--) state.lens[state.have++] = len;
          }
        }
        if (state.mode === BAD) break;
        if (state.lens[256] === 0) {
          strm.msg = "invalid code -- missing end-of-block";
          state.mode = BAD;
          break;
        }
        const lt = inflate_table(LENS, state.lens, 0, state.nlen, 9);
        if (lt === null) {
          strm.msg = "invalid literal/lengths set";
          state.mode = BAD;
          break;
        }
        const dt = inflate_table(DISTS, state.lens, state.nlen, state.ndist, 6);
        if (dt === null) {
          strm.msg = "invalid distances set";
          state.mode = BAD;
          break;
        }
        state.lencode = lt.codes;
        state.lenbits = lt.bits;
        state.distcode = dt.codes;
        state.distbits = dt.bits;
        state.mode = LEN_;
        if (flush === Z_TREES) break leave;
      }
        break; // on to the mode just set
      case LEN_:
        state.mode = LEN;
        break; // on to the mode just set
      case LEN: {
        if (have >= 6 && left >= 258) {
          // inflate_fast: decode until input or output runs low, without per-symbol state saves.
          const r = inflateFast(strm, state, input, next, have, output, put, left, out, hold, bits);
          next = r.next;
          have = r.have;
          put = r.put;
          left = r.left;
          hold = r.hold;
          bits = r.bits;
          break;
        }
        const lmask = (1 << state.lenbits) - 1;
        for (;;) {
          here = state.lencode[hold & lmask]!;
          if (((here >>> 16) & 0xff) <= bits) break;
          if (have === 0) break leave;
          have--;
          hold = (hold | (input[next++]! << bits)) >>> 0;
          bits += 8;
        }
        let op = here >>> 24;
        if (op && (op & 0xf0) === 0) {
          const lastBits = (here >>> 16) & 0xff;
          const lastOp = op;
          const lastVal = here & 0xffff;
          const m = (1 << lastOp) - 1;
          for (;;) {
            here = state.lencode[lastVal + ((hold >>> lastBits) & m)]!;
            if (lastBits + ((here >>> 16) & 0xff) <= bits) break;
            if (have === 0) break leave;
            have--;
            hold = (hold | (input[next++]! << bits)) >>> 0;
            bits += 8;
          }
          hold >>>= lastBits;
          bits -= lastBits;
          op = here >>> 24;
        }
        const hb = (here >>> 16) & 0xff;
        hold >>>= hb;
        bits -= hb;
        state.length = here & 0xffff;
        if (op === 0) {
          state.mode = LIT;
          break;
        }
        if (op & 32) {
          state.mode = TYPE;
          break;
        }
        if (op & 64) {
          strm.msg = "invalid literal/length code";
          state.mode = BAD;
          break;
        }
        state.extra = op & 15;
        state.mode = LENEXT;
      }
        break; // on to the mode just set
      case LENEXT:
        if (state.extra) {
          while (bits < state.extra) {
            if (have === 0) break leave;
            have--;
            hold = (hold | (input[next++]! << bits)) >>> 0;
            bits += 8;
          }
          state.length += hold & ((1 << state.extra) - 1);
          hold >>>= state.extra;
          bits -= state.extra;
        }
        state.mode = DIST;
        break; // on to the mode just set
      case DIST: {
        const dmask = (1 << state.distbits) - 1;
        for (;;) {
          here = state.distcode[hold & dmask]!;
          if (((here >>> 16) & 0xff) <= bits) break;
          if (have === 0) break leave;
          have--;
          hold = (hold | (input[next++]! << bits)) >>> 0;
          bits += 8;
        }
        let op = here >>> 24;
        if ((op & 0xf0) === 0) {
          const lastBits = (here >>> 16) & 0xff;
          const lastVal = here & 0xffff;
          const m = (1 << op) - 1;
          for (;;) {
            here = state.distcode[lastVal + ((hold >>> lastBits) & m)]!;
            if (lastBits + ((here >>> 16) & 0xff) <= bits) break;
            if (have === 0) break leave;
            have--;
            hold = (hold | (input[next++]! << bits)) >>> 0;
            bits += 8;
          }
          hold >>>= lastBits;
          bits -= lastBits;
          op = here >>> 24;
        }
        const hb = (here >>> 16) & 0xff;
        hold >>>= hb;
        bits -= hb;
        if (op & 64) {
          strm.msg = "invalid distance code";
          state.mode = BAD;
          break;
        }
        state.offset = here & 0xffff;
        state.extra = op & 15;
        state.mode = DISTEXT;
      }
        break; // on to the mode just set
      case DISTEXT:
        if (state.extra) {
          while (bits < state.extra) {
            if (have === 0) break leave;
            have--;
            hold = (hold | (input[next++]! << bits)) >>> 0;
            bits += 8;
          }
          state.offset += hold & ((1 << state.extra) - 1);
          hold >>>= state.extra;
          bits -= state.extra;
        }
        state.mode = MATCH;
        break; // on to the mode just set
      case MATCH: {
        if (left === 0) break leave;
        let copy = out - left;
        if (state.offset > copy) {
          copy = state.offset - copy;
          if (copy > state.whave) {
            strm.msg = "invalid distance too far back";
            state.mode = BAD;
            break;
          }
          const window = state.window!;
          let from: number;
          if (copy > state.wnext) {
            copy -= state.wnext;
            from = state.wsize - copy;
          } else {
            from = state.wnext - copy;
          }
          if (copy > state.length) copy = state.length;
          if (copy > left) copy = left;
          left -= copy;
          state.length -= copy;
          for (let i = 0; i < copy; i++) output[put++] = window[from + i]!;
        } else {
          let from = put - state.offset;
          copy = state.length;
          if (copy > left) copy = left;
          left -= copy;
          state.length -= copy;
          for (let i = 0; i < copy; i++) output[put++] = output[from++]!;
        }
        if (state.length === 0) state.mode = LEN;
        break;
      }
      case LIT:
        if (left === 0) break leave;
        output[put++] = state.length;
        left--;
        state.mode = LEN;
        break;
      case CHECK:
        if (state.wrap) {
          while (bits < 32) {
            if (have === 0) break leave;
            have--;
            hold = (hold | (input[next++]! << bits)) >>> 0;
            bits += 8;
          }
          out -= left;
          strm.total_out += out;
          state.total += out;
          if (state.wrap & 4 && out) state.check = strm.adler = updateCheck(state, output, put - out, put);
          out = left;
          if (state.wrap & 4 && (state.flags ? hold : swap32(hold)) !== state.check) {
            strm.msg = "incorrect data check";
            state.mode = BAD;
            break;
          }
          hold = bits = 0;
        }
        state.mode = LENGTH;
        break; // on to the mode just set
      case LENGTH:
        if (state.wrap && state.flags) {
          while (bits < 32) {
            if (have === 0) break leave;
            have--;
            hold = (hold | (input[next++]! << bits)) >>> 0;
            bits += 8;
          }
          if (state.wrap & 4 && hold !== state.total % 0x100000000) {
            strm.msg = "incorrect length check";
            state.mode = BAD;
            break;
          }
          hold = bits = 0;
        }
        state.mode = DONE;
        break; // on to the mode just set
      case DONE:
        ret = Z_STREAM_END;
        break leave;
      case BAD:
        ret = Z_DATA_ERROR;
        break leave;
      default:
        return Z_STREAM_ERROR;
    }
  }

  // inf_leave: save state, keep history, update totals and the running check value.
  strm.next_in_index = next;
  strm.avail_in = have;
  strm.next_out_index = put;
  strm.avail_out = left;
  state.hold = hold;
  state.bits = bits;
  const produced = out - left;
  if (state.wsize || (produced && state.mode < BAD && (state.mode < CHECK || flush !== Z_FINISH))) {
    if (produced) updatewindow(state, output, put, produced);
    else if (state.wsize === 0) updatewindow(state, output, put, 0);
  }
  const consumed = inStart - have;
  strm.total_in += consumed;
  strm.total_out += produced;
  state.total += produced;
  if (state.wrap & 4 && produced) strm.adler = state.check = updateCheck(state, output, put - produced, put);
  if (((consumed === 0 && produced === 0) || flush === Z_FINISH) && ret === Z_OK) ret = Z_BUF_ERROR;
  return ret;
}

function updateCheck(state: InflateState, buf: Uint8Array, start: number, end: number): number {
  return state.flags ? crc32(state.check, buf, start, end) : adler32(state.check, buf, start, end);
}

function crcBytes(state: InflateState, value: number, n: number): number {
  for (let i = 0; i < n; i++) state.hcrcBuf[i] = (value >>> (8 * i)) & 0xff;
  return crc32(state.check, state.hcrcBuf, 0, n);
}

interface FastResult {
  next: number;
  have: number;
  put: number;
  left: number;
  hold: number;
  bits: number;
}

/**
 * The fast decoding loop (inflate_fast's role): runs while at least 6 input bytes and 258 output bytes are
 * available, so no symbol needs a state save. On leaving, unused whole bytes go back to the input.
 */
function inflateFast(strm: ZStream, state: InflateState, input: Uint8Array, next: number, have: number, output: Uint8Array,
    put: number, left: number, start: number, hold: number, bits: number): FastResult {
  const next0 = next;
  const put0 = put;
  const last = next + (have - 5);
  const end = put + (left - 257);
  const beg = put - (start - left);
  const lcode = state.lencode;
  const dcode = state.distcode;
  const lmask = (1 << state.lenbits) - 1;
  const dmask = (1 << state.distbits) - 1;
  const wsize = state.wsize;
  const whave = state.whave;
  const wnext = state.wnext;
  const window = state.window;
  outer: do {
    if (bits < 15) {
      hold |= input[next++]! << bits;
      bits += 8;
      hold |= input[next++]! << bits;
      bits += 8;
    }
    let here = lcode[hold & lmask]!;
    for (;;) {
      let b = (here >>> 16) & 0xff;
      hold >>>= b;
      bits -= b;
      let op = here >>> 24;
      if (op === 0) {
        output[put++] = here & 0xffff;
        continue outer;
      }
      if (op & 16) {
        let len = here & 0xffff;
        op &= 15;
        if (op) {
          if (bits < op) {
            hold |= input[next++]! << bits;
            bits += 8;
          }
          len += hold & ((1 << op) - 1);
          hold >>>= op;
          bits -= op;
        }
        if (bits < 15) {
          hold |= input[next++]! << bits;
          bits += 8;
          hold |= input[next++]! << bits;
          bits += 8;
        }
        here = dcode[hold & dmask]!;
        for (;;) {
          b = (here >>> 16) & 0xff;
          hold >>>= b;
          bits -= b;
          op = here >>> 24;
          if (op & 16) {
            let dist = here & 0xffff;
            op &= 15;
            if (bits < op) {
              hold |= input[next++]! << bits;
              bits += 8;
              if (bits < op) {
                hold |= input[next++]! << bits;
                bits += 8;
              }
            }
            dist += hold & ((1 << op) - 1);
            hold >>>= op;
            bits -= op;
            const produced = put - beg;
            if (dist > produced) {
              let wdist = dist - produced;
              if (wdist > whave) {
                strm.msg = "invalid distance too far back";
                state.mode = BAD;
                break outer;
              }
              // The window is circular: its newest byte is at wnext - 1. Copy from it, then from this call's output.
              const win = window!;
              let n = Math.min(len, wdist);
              len -= n;
              let from = wnext - wdist;
              if (from < 0) from += wsize;
              while (n-- > 0) {
                output[put++] = win[from++]!;
                if (from === wsize) from = 0;
              }
              let f = put - dist;
              while (len-- > 0) output[put++] = output[f++]!;
            } else {
              let f = put - dist;
              if (dist === 1) {
                output.fill(output[f]!, put, put + len);
                put += len;
              } else {
                while (len-- > 0) output[put++] = output[f++]!;
              }
            }
            continue outer;
          }
          if ((op & 64) === 0) {
            here = dcode[(here & 0xffff) + (hold & ((1 << op) - 1))]!;
            continue;
          }
          strm.msg = "invalid distance code";
          state.mode = BAD;
          break outer;
        }
      }
      if ((op & 64) === 0) {
        here = lcode[(here & 0xffff) + (hold & ((1 << op) - 1))]!;
        continue;
      }
      if (op & 32) {
        state.mode = TYPE;
        break outer;
      }
      strm.msg = "invalid literal/length code";
      state.mode = BAD;
      break outer;
    }
  } while (next < last && put < end);
  // Return unused bytes (whole bytes in the bit buffer) to the input.
  const unused = bits >>> 3;
  next -= unused;
  bits -= unused << 3;
  hold &= (1 << bits) - 1;
  return { next, have: have - (next - next0), put, left: left - (put - put0), hold: hold >>> 0, bits };
}
