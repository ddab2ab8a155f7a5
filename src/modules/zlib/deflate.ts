// DEFLATE compression as zlib 1.2.13's deflate.c does it: hash chains, the per-level configuration table,
// lazy matching, window sliding and block boundaries, so that output equals zlib's byte for byte (CPython's
// zlib.compress and compressobj). Learnt from deflate.c; written afresh over typed arrays. See docs/modules.md.
import { adler32 } from "./adler32.js";
import { crc32 } from "./crc32.js";
import {
  BL_CODES, D_CODES, HEAP_SIZE, L_CODES, LITERALS, MAX_BITS, Tree, TreeDesc, _length_code, _tr_align, _tr_flush_bits,
  _tr_flush_block, _tr_init, _tr_stored_block, d_code, static_bl_desc, static_d_desc, static_l_desc,
} from "./trees.js";
import {
  DEF_MEM_LEVEL, MAX_MEM_LEVEL, MAX_WBITS, ZStream, Z_BLOCK, Z_BUF_ERROR, Z_DATA_ERROR, Z_DEFAULT_COMPRESSION,
  Z_DEFAULT_STRATEGY, Z_DEFLATED, Z_FILTERED, Z_FINISH, Z_FIXED, Z_FULL_FLUSH, Z_HUFFMAN_ONLY, Z_NO_FLUSH, Z_OK,
  Z_PARTIAL_FLUSH, Z_RLE, Z_STREAM_END, Z_STREAM_ERROR, Z_UNKNOWN,
} from "./zutil.js";

const MIN_MATCH = 3;
const MAX_MATCH = 258;
const MIN_LOOKAHEAD = MAX_MATCH + MIN_MATCH + 1;
const WIN_INIT = MAX_MATCH;
const NIL = 0;
const TOO_FAR = 4096;
const MAX_STORED = 65535;
const PRESET_DICT = 0x20;
const OS_CODE = 3; // Unix, as zlib built for CPython on Linux writes into gzip headers

const INIT_STATE = 42;
const GZIP_STATE = 57;
const BUSY_STATE = 113;
const FINISH_STATE = 666;

type BlockState = "need_more" | "block_done" | "finish_started" | "finish_done";
type CompressFunc = "stored" | "fast" | "slow";

/** zlib's configuration_table: good_length, max_lazy, nice_length, max_chain and the function per level. */
const configuration_table = [
  [0, 0, 0, 0, "stored"],
  [4, 4, 8, 4, "fast"],
  [4, 5, 16, 8, "fast"],
  [4, 6, 32, 32, "fast"],
  [4, 4, 16, 16, "slow"],
  [8, 16, 32, 32, "slow"],
  [8, 16, 128, 128, "slow"],
  [8, 32, 128, 256, "slow"],
  [32, 128, 258, 1024, "slow"],
  [32, 258, 258, 4096, "slow"],
] as const satisfies readonly (readonly [number, number, number, number, CompressFunc])[];

/** Flush values ranked so that Z_BLOCK sits between Z_NO_FLUSH and Z_PARTIAL_FLUSH. */
function RANK(f: number): number {
  return f * 2 - (f > 4 ? 9 : 0);
}

export class DeflateState {
  strm: ZStream;
  status: number;
  pending_buf: Uint8Array;
  pending_buf_size: number;
  pending_out: number;
  pending: number;
  wrap: number;
  last_flush: number;
  w_size: number;
  w_bits: number;
  w_mask: number;
  window: Uint8Array;
  window_size: number;
  prev: Uint16Array;
  head: Uint16Array;
  ins_h: number;
  hash_size: number;
  hash_bits: number;
  hash_mask: number;
  hash_shift: number;
  block_start: number;
  match_length: number;
  prev_match: number;
  match_available: number;
  strstart: number;
  match_start: number;
  lookahead: number;
  prev_length: number;
  max_chain_length: number;
  max_lazy_match: number;
  level: number;
  strategy: number;
  good_match: number;
  nice_match: number;
  dyn_ltree: Tree;
  dyn_dtree: Tree;
  bl_tree: Tree;
  l_desc: TreeDesc;
  d_desc: TreeDesc;
  bl_desc: TreeDesc;
  bl_count: Uint16Array;
  heap: Int32Array;
  heap_len: number;
  heap_max: number;
  depth: Uint8Array;
  sym_buf: Uint8Array;
  lit_bufsize: number;
  sym_next: number;
  sym_end: number;
  opt_len: number;
  static_len: number;
  matches: number;
  insert: number;
  bi_buf: number;
  bi_valid: number;
  high_water: number;

  constructor(strm: ZStream, level: number, wbits: number, memLevel: number, strategy: number, wrap: number) {
    this.strm = strm;
    this.status = INIT_STATE;
    this.wrap = wrap;
    this.w_bits = wbits;
    this.w_size = 1 << wbits;
    this.w_mask = this.w_size - 1;
    this.hash_bits = memLevel + 7;
    this.hash_size = 1 << this.hash_bits;
    this.hash_mask = this.hash_size - 1;
    this.hash_shift = Math.floor((this.hash_bits + MIN_MATCH - 1) / MIN_MATCH);
    this.window = new Uint8Array(this.w_size * 2);
    this.prev = new Uint16Array(this.w_size);
    this.head = new Uint16Array(this.hash_size);
    this.high_water = 0;
    this.lit_bufsize = 1 << (memLevel + 6);
    // zlib overlays sym_buf on pending_buf; separate arrays behave the same since zlib proves the two never
    // collide. The physical pending buffer gets slack so a stored block never needs a bounds check.
    this.pending_buf_size = this.lit_bufsize * 4;
    this.pending_buf = new Uint8Array(this.pending_buf_size * 2 + 8);
    this.sym_buf = new Uint8Array(this.lit_bufsize * 3);
    this.sym_end = (this.lit_bufsize - 1) * 3;
    this.level = level;
    this.strategy = strategy;
    this.pending_out = 0;
    this.pending = 0;
    this.last_flush = -2;
    this.window_size = 0;
    this.ins_h = 0;
    this.block_start = 0;
    this.match_length = 0;
    this.prev_match = 0;
    this.match_available = 0;
    this.strstart = 0;
    this.match_start = 0;
    this.lookahead = 0;
    this.prev_length = 0;
    this.max_chain_length = 0;
    this.max_lazy_match = 0;
    this.good_match = 0;
    this.nice_match = 0;
    this.dyn_ltree = new Tree(HEAP_SIZE);
    this.dyn_dtree = new Tree(2 * D_CODES + 1);
    this.bl_tree = new Tree(2 * BL_CODES + 1);
    this.l_desc = new TreeDesc(this.dyn_ltree, static_l_desc);
    this.d_desc = new TreeDesc(this.dyn_dtree, static_d_desc);
    this.bl_desc = new TreeDesc(this.bl_tree, static_bl_desc);
    this.bl_count = new Uint16Array(MAX_BITS + 1);
    this.heap = new Int32Array(2 * L_CODES + 1);
    this.heap_len = 0;
    this.heap_max = 0;
    this.depth = new Uint8Array(2 * L_CODES + 1);
    this.sym_next = 0;
    this.opt_len = 0;
    this.static_len = 0;
    this.matches = 0;
    this.insert = 0;
    this.bi_buf = 0;
    this.bi_valid = 0;
  }
}

function UPDATE_HASH(s: DeflateState, h: number, c: number): number {
  return ((h << s.hash_shift) ^ c) & s.hash_mask;
}

/** INSERT_STRING: hash the 3 bytes at str, link str into its chain, and return the previous chain head. */
function INSERT_STRING(s: DeflateState, str: number): number {
  s.ins_h = ((s.ins_h << s.hash_shift) ^ s.window[str + (MIN_MATCH - 1)]!) & s.hash_mask;
  const match_head = (s.prev[str & s.w_mask] = s.head[s.ins_h]!);
  s.head[s.ins_h] = str;
  return match_head;
}

function CLEAR_HASH(s: DeflateState): void {
  s.head.fill(0);
}

function slide_hash(s: DeflateState): void {
  const wsize = s.w_size;
  const head = s.head;
  for (let n = 0; n < s.hash_size; n++) {
    const m = head[n]!;
    head[n] = m >= wsize ? m - wsize : NIL;
  }
  const prev = s.prev;
  for (let n = 0; n < wsize; n++) {
    const m = prev[n]!;
    prev[n] = m >= wsize ? m - wsize : NIL;
  }
}

function MAX_DIST(s: DeflateState): number {
  return s.w_size - MIN_LOOKAHEAD;
}

/** deflateInit2: validates parameters as zlib does; returns the zlib status. */
export function deflateInit2(strm: ZStream, level: number, method: number, windowBits: number, memLevel: number, strategy: number): number {
  let wrap = 1;
  strm.msg = null;
  if (level === Z_DEFAULT_COMPRESSION) level = 6;
  if (windowBits < 0) {
    wrap = 0;
    if (windowBits < -15) return Z_STREAM_ERROR;
    windowBits = -windowBits;
  } else if (windowBits > 15) {
    wrap = 2;
    windowBits -= 16;
  }
  if (memLevel < 1 || memLevel > MAX_MEM_LEVEL || method !== Z_DEFLATED || windowBits < 8 || windowBits > 15 ||
      level < 0 || level > 9 || strategy < 0 || strategy > Z_FIXED || (windowBits === 8 && wrap !== 1)) {
    return Z_STREAM_ERROR;
  }
  if (windowBits === 8) windowBits = 9;
  const s = new DeflateState(strm, level, windowBits, memLevel, strategy, wrap);
  strmState.set(strm, s);
  return deflateReset(strm);
}

export function deflateInit(strm: ZStream, level: number): number {
  return deflateInit2(strm, level, Z_DEFLATED, MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY);
}

const strmState = new WeakMap<ZStream, DeflateState>();

function getState(strm: ZStream): DeflateState | null {
  return strmState.get(strm) ?? null;
}

function deflateResetKeep(strm: ZStream): number {
  const s = getState(strm);
  if (!s) return Z_STREAM_ERROR;
  strm.total_in = strm.total_out = 0;
  strm.msg = null;
  strm.data_type = Z_UNKNOWN;
  s.pending = 0;
  s.pending_out = 0;
  if (s.wrap < 0) s.wrap = -s.wrap;
  s.status = s.wrap === 2 ? GZIP_STATE : INIT_STATE;
  strm.adler = s.wrap === 2 ? 0 : 1;
  s.last_flush = -2;
  _tr_init(s);
  return Z_OK;
}

export function deflateReset(strm: ZStream): number {
  const ret = deflateResetKeep(strm);
  if (ret === Z_OK) lm_init(getState(strm)!);
  return ret;
}

function lm_init(s: DeflateState): void {
  s.window_size = 2 * s.w_size;
  CLEAR_HASH(s);
  const cfg = configuration_table[s.level]!;
  s.max_lazy_match = cfg[1];
  s.good_match = cfg[0];
  s.nice_match = cfg[2];
  s.max_chain_length = cfg[3];
  s.strstart = 0;
  s.block_start = 0;
  s.lookahead = 0;
  s.insert = 0;
  s.match_length = s.prev_length = MIN_MATCH - 1;
  s.match_available = 0;
  s.ins_h = 0;
}

export function deflateSetDictionary(strm: ZStream, dictionary: Uint8Array): number {
  const s = getState(strm);
  if (!s) return Z_STREAM_ERROR;
  const wrap = s.wrap;
  if (wrap === 2 || (wrap === 1 && s.status !== INIT_STATE) || s.lookahead) return Z_STREAM_ERROR;
  if (wrap === 1) strm.adler = adler32(strm.adler, dictionary);
  s.wrap = 0;
  let dict = dictionary;
  if (dict.length >= s.w_size) {
    if (wrap === 0) {
      CLEAR_HASH(s);
      s.strstart = 0;
      s.block_start = 0;
      s.insert = 0;
    }
    dict = dict.subarray(dict.length - s.w_size);
  }
  const avail = strm.avail_in;
  const next = strm.next_in;
  const nextIndex = strm.next_in_index;
  strm.avail_in = dict.length;
  strm.next_in = dict;
  strm.next_in_index = 0;
  fill_window(s);
  while (s.lookahead >= MIN_MATCH) {
    let str = s.strstart;
    let n = s.lookahead - (MIN_MATCH - 1);
    do {
      s.ins_h = UPDATE_HASH(s, s.ins_h, s.window[str + MIN_MATCH - 1]!);
      s.prev[str & s.w_mask] = s.head[s.ins_h]!;
      s.head[s.ins_h] = str;
      str++;
    } while (--n);
    s.strstart = str;
    s.lookahead = MIN_MATCH - 1;
    fill_window(s);
  }
  s.strstart += s.lookahead;
  s.block_start = s.strstart;
  s.insert = s.lookahead;
  s.lookahead = 0;
  s.match_length = s.prev_length = MIN_MATCH - 1;
  s.match_available = 0;
  strm.next_in = next;
  strm.next_in_index = nextIndex;
  strm.avail_in = avail;
  s.wrap = wrap;
  return Z_OK;
}

function putShortMSB(s: DeflateState, b: number): void {
  s.pending_buf[s.pending++] = (b >>> 8) & 0xff;
  s.pending_buf[s.pending++] = b & 0xff;
}

function flush_pending(strm: ZStream): void {
  const s = getState(strm)!;
  _tr_flush_bits(s);
  let len = s.pending;
  if (len > strm.avail_out) len = strm.avail_out;
  if (len === 0) return;
  strm.next_out.set(s.pending_buf.subarray(s.pending_out, s.pending_out + len), strm.next_out_index);
  strm.next_out_index += len;
  s.pending_out += len;
  strm.total_out += len;
  strm.avail_out -= len;
  s.pending -= len;
  if (s.pending === 0) s.pending_out = 0;
}

function ERR_RETURN(strm: ZStream, err: number): number {
  strm.msg = ERR_MSG[2 - err] ?? null;
  return err;
}

/** zlib's z_errmsg table, indexed by 2 - err. */
const ERR_MSG = ["need dictionary", "stream end", "", "file error", "stream error", "data error",
  "insufficient memory", "buffer error", "incompatible version", ""] as const;

/** deflate(strm, flush): compress as much as possible from next_in into next_out (zlib's contract). */
export function deflate(strm: ZStream, flush: number): number {
  const s = getState(strm);
  if (!s || flush > Z_BLOCK || flush < 0) return Z_STREAM_ERROR;
  if (s.status === FINISH_STATE && flush !== Z_FINISH) return ERR_RETURN(strm, Z_STREAM_ERROR);
  if (strm.avail_out === 0) return ERR_RETURN(strm, Z_BUF_ERROR);
  const old_flush = s.last_flush;
  s.last_flush = flush;

  if (s.pending !== 0) {
    flush_pending(strm);
    if (strm.avail_out === 0) {
      s.last_flush = -1;
      return Z_OK;
    }
  } else if (strm.avail_in === 0 && RANK(flush) <= RANK(old_flush) && flush !== Z_FINISH) {
    return ERR_RETURN(strm, Z_BUF_ERROR);
  }
  if (s.status === FINISH_STATE && strm.avail_in !== 0) return ERR_RETURN(strm, Z_BUF_ERROR);

  if (s.status === INIT_STATE && s.wrap === 0) s.status = BUSY_STATE;
  if (s.status === INIT_STATE) {
    let header = (Z_DEFLATED + ((s.w_bits - 8) << 4)) << 8;
    let level_flags: number;
    if (s.strategy >= Z_HUFFMAN_ONLY || s.level < 2) level_flags = 0;
    else if (s.level < 6) level_flags = 1;
    else if (s.level === 6) level_flags = 2;
    else level_flags = 3;
    header |= level_flags << 6;
    if (s.strstart !== 0) header |= PRESET_DICT;
    header += 31 - (header % 31);
    putShortMSB(s, header);
    if (s.strstart !== 0) {
      putShortMSB(s, strm.adler >>> 16);
      putShortMSB(s, strm.adler & 0xffff);
    }
    strm.adler = 1;
    s.status = BUSY_STATE;
    flush_pending(strm);
    if (s.pending !== 0) {
      s.last_flush = -1;
      return Z_OK;
    }
  }
  if (s.status === GZIP_STATE) {
    // CPython never sets a custom gzip header (deflateSetHeader), so this is zlib's default header.
    strm.adler = 0;
    const pb = s.pending_buf;
    pb[s.pending++] = 31;
    pb[s.pending++] = 139;
    pb[s.pending++] = 8;
    for (let i = 0; i < 5; i++) pb[s.pending++] = 0;
    pb[s.pending++] = s.level === 9 ? 2 : s.strategy >= Z_HUFFMAN_ONLY || s.level < 2 ? 4 : 0;
    pb[s.pending++] = OS_CODE;
    s.status = BUSY_STATE;
    flush_pending(strm);
    if (s.pending !== 0) {
      s.last_flush = -1;
      return Z_OK;
    }
  }

  if (strm.avail_in !== 0 || s.lookahead !== 0 || (flush !== Z_NO_FLUSH && s.status !== FINISH_STATE)) {
    const bstate: BlockState = s.level === 0 ? deflate_stored(s, flush)
      : s.strategy === Z_HUFFMAN_ONLY ? deflate_huff(s, flush)
      : s.strategy === Z_RLE ? deflate_rle(s, flush)
      : configuration_table[s.level]![4] === "fast" ? deflate_fast(s, flush) : deflate_slow(s, flush);
    if (bstate === "finish_started" || bstate === "finish_done") s.status = FINISH_STATE;
    if (bstate === "need_more" || bstate === "finish_started") {
      if (strm.avail_out === 0) s.last_flush = -1;
      return Z_OK;
    }
    if (bstate === "block_done") {
      if (flush === Z_PARTIAL_FLUSH) {
        _tr_align(s);
      } else if (flush !== Z_BLOCK) {
        _tr_stored_block(s, null, 0, 0, 0);
        if (flush === Z_FULL_FLUSH) {
          CLEAR_HASH(s);
          if (s.lookahead === 0) {
            s.strstart = 0;
            s.block_start = 0;
            s.insert = 0;
          }
        }
      }
      flush_pending(strm);
      if (strm.avail_out === 0) {
        s.last_flush = -1;
        return Z_OK;
      }
    }
  }

  if (flush !== Z_FINISH) return Z_OK;
  if (s.wrap <= 0) return Z_STREAM_END;
  const pb = s.pending_buf;
  if (s.wrap === 2) {
    const a = strm.adler;
    const t = strm.total_in;
    pb[s.pending++] = a & 0xff;
    pb[s.pending++] = (a >>> 8) & 0xff;
    pb[s.pending++] = (a >>> 16) & 0xff;
    pb[s.pending++] = (a >>> 24) & 0xff;
    pb[s.pending++] = t & 0xff;
    pb[s.pending++] = (t >>> 8) & 0xff;
    pb[s.pending++] = (t >>> 16) & 0xff;
    pb[s.pending++] = Math.floor(t / 0x1000000) & 0xff;
  } else {
    putShortMSB(s, strm.adler >>> 16);
    putShortMSB(s, strm.adler & 0xffff);
  }
  flush_pending(strm);
  if (s.wrap > 0) s.wrap = -s.wrap;
  return s.pending !== 0 ? Z_OK : Z_STREAM_END;
}

export function deflateEnd(strm: ZStream): number {
  const s = getState(strm);
  if (!s) return Z_STREAM_ERROR;
  const status = s.status;
  strmState.delete(strm);
  return status === BUSY_STATE ? Z_DATA_ERROR : Z_OK;
}

/** deflateCopy: an independent copy of the whole compression state (CPython's Compress.copy). */
export function deflateCopy(dest: ZStream, source: ZStream): number {
  const ss = getState(source);
  if (!ss) return Z_STREAM_ERROR;
  Object.assign(dest, source);
  const ds = new DeflateState(dest, ss.level, ss.w_bits, ss.hash_bits - 7, ss.strategy, ss.wrap);
  for (const key of Object.keys(ss) as (keyof DeflateState)[]) {
    const v = ss[key];
    if (v instanceof Uint8Array || v instanceof Uint16Array || v instanceof Int32Array) (ds[key] as typeof v).set(v as never);
    else if (v instanceof Tree) (ds[key] as Tree).copyFrom(v);
    else if (!(v instanceof TreeDesc) && key !== "strm") (ds as unknown as Record<string, unknown>)[key] = v;
  }
  ds.l_desc.max_code = ss.l_desc.max_code;
  ds.d_desc.max_code = ss.d_desc.max_code;
  ds.bl_desc.max_code = ss.bl_desc.max_code;
  strmState.set(dest, ds);
  return Z_OK;
}

/** Copy up to size input bytes into buf at index, updating the running check value (read_buf). */
function read_buf(strm: ZStream, buf: Uint8Array, index: number, size: number): number {
  let len = strm.avail_in;
  if (len > size) len = size;
  if (len === 0) return 0;
  strm.avail_in -= len;
  const from = strm.next_in_index;
  buf.set(strm.next_in.subarray(from, from + len), index);
  const s = getState(strm)!;
  if (s.wrap === 1) strm.adler = adler32(strm.adler, buf, index, index + len);
  else if (s.wrap === 2) strm.adler = crc32(strm.adler, buf, index, index + len);
  strm.next_in_index += len;
  strm.total_in += len;
  return len;
}

/**
 * The longest match at strstart along the hash chain from cur_match (longest_match). Like zlib, it never
 * compares byte 2 (equal hashes and equal bytes 0-1 imply it), stops at nice_match, and shortens the chain
 * once a good match is in hand.
 */
function longest_match(s: DeflateState, cur_match: number): number {
  let chain_length = s.max_chain_length;
  const window = s.window;
  const scan = s.strstart;
  let best_len = s.prev_length;
  let nice_match = s.nice_match;
  const limit = s.strstart > MAX_DIST(s) ? s.strstart - MAX_DIST(s) : NIL;
  const prev = s.prev;
  const wmask = s.w_mask;
  const strend = scan + MAX_MATCH;
  let scan_end1 = window[scan + best_len - 1]!;
  let scan_end = window[scan + best_len]!;
  if (s.prev_length >= s.good_match) chain_length >>>= 2;
  if (nice_match > s.lookahead) nice_match = s.lookahead;
  const s0 = window[scan]!;
  const s1 = window[scan + 1]!;
  do {
    let match = cur_match;
    if (window[match + best_len] !== scan_end || window[match + best_len - 1] !== scan_end1 ||
        window[match] !== s0 || window[match + 1] !== s1) continue;
    // Bytes 3..257 are compared; a full run gives MAX_MATCH, as zlib's unrolled loop does.
    let p = scan + 3;
    match += 3;
    while (p < strend && window[p] === window[match]) p++, match++;
    const len = p >= strend ? MAX_MATCH : p - scan;
    if (len > best_len) {
      s.match_start = cur_match;
      best_len = len;
      if (len >= nice_match) break;
      scan_end1 = window[scan + best_len - 1]!;
      scan_end = window[scan + best_len]!;
    }
  } while ((cur_match = prev[cur_match & wmask]!) > limit && --chain_length !== 0);
  if (best_len <= s.lookahead) return best_len;
  return s.lookahead;
}

/** Refill the window from next_in, sliding it down by w_size when strstart nears its end (fill_window). */
function fill_window(s: DeflateState): void {
  const wsize = s.w_size;
  do {
    let more = s.window_size - s.lookahead - s.strstart;
    if (s.strstart >= wsize + MAX_DIST(s)) {
      s.window.copyWithin(0, wsize, wsize + wsize - more);
      s.match_start -= wsize;
      s.strstart -= wsize;
      s.block_start -= wsize;
      if (s.insert > s.strstart) s.insert = s.strstart;
      slide_hash(s);
      more += wsize;
    }
    if (s.strm.avail_in === 0) break;
    const n = read_buf(s.strm, s.window, s.strstart + s.lookahead, more);
    s.lookahead += n;
    if (s.lookahead + s.insert >= MIN_MATCH) {
      let str = s.strstart - s.insert;
      s.ins_h = s.window[str]!;
      s.ins_h = UPDATE_HASH(s, s.ins_h, s.window[str + 1]!);
      while (s.insert) {
        s.ins_h = UPDATE_HASH(s, s.ins_h, s.window[str + MIN_MATCH - 1]!);
        s.prev[str & s.w_mask] = s.head[s.ins_h]!;
        s.head[s.ins_h] = str;
        str++;
        s.insert--;
        if (s.lookahead + s.insert < MIN_MATCH) break;
      }
    }
  } while (s.lookahead < MIN_LOOKAHEAD && s.strm.avail_in !== 0);

  // Zero WIN_INIT bytes past the data once, as zlib does: matches may peek there and the bytes seen must agree.
  if (s.high_water < s.window_size) {
    const curr = s.strstart + s.lookahead;
    if (s.high_water < curr) {
      let init = s.window_size - curr;
      if (init > WIN_INIT) init = WIN_INIT;
      s.window.fill(0, curr, curr + init);
      s.high_water = curr + init;
    } else if (s.high_water < curr + WIN_INIT) {
      let init = curr + WIN_INIT - s.high_water;
      if (init > s.window_size - s.high_water) init = s.window_size - s.high_water;
      s.window.fill(0, s.high_water, s.high_water + init);
      s.high_water += init;
    }
  }
}

function FLUSH_BLOCK_ONLY(s: DeflateState, last: number): void {
  _tr_flush_block(s, s.block_start >= 0 ? s.window : null, s.block_start, s.strstart - s.block_start, last);
  s.block_start = s.strstart;
  flush_pending(s.strm);
}

function tally_lit(s: DeflateState, c: number): boolean {
  const sym = s.sym_buf;
  sym[s.sym_next++] = 0;
  sym[s.sym_next++] = 0;
  sym[s.sym_next++] = c;
  s.dyn_ltree.fc[c]!++;
  return s.sym_next === s.sym_end;
}

function tally_dist(s: DeflateState, dist: number, len: number): boolean {
  const sym = s.sym_buf;
  sym[s.sym_next++] = dist & 0xff;
  sym[s.sym_next++] = (dist >>> 8) & 0xff;
  sym[s.sym_next++] = len;
  dist--;
  s.dyn_ltree.fc[_length_code[len]! + LITERALS + 1]!++;
  s.dyn_dtree.fc[d_code(dist)]!++;
  return s.sym_next === s.sym_end;
}

/** Level 0: stored blocks, copied straight to next_out when it has room (deflate_stored). */
function deflate_stored(s: DeflateState, flush: number): BlockState {
  const strm = s.strm;
  let min_block = Math.min(s.pending_buf_size - 5, s.w_size);
  let len: number;
  let left: number;
  let have: number;
  let last = 0;
  let used = strm.avail_in;
  do {
    len = MAX_STORED;
    have = (s.bi_valid + 42) >> 3;
    if (strm.avail_out < have) break;
    have = strm.avail_out - have;
    left = s.strstart - s.block_start;
    if (len > left + strm.avail_in) len = left + strm.avail_in;
    if (len > have) len = have;
    if (len < min_block && ((len === 0 && flush !== Z_FINISH) || flush === Z_NO_FLUSH || len !== left + strm.avail_in)) break;
    last = flush === Z_FINISH && len === left + strm.avail_in ? 1 : 0;
    _tr_stored_block(s, null, 0, 0, last);
    s.pending_buf[s.pending - 4] = len & 0xff;
    s.pending_buf[s.pending - 3] = (len >>> 8) & 0xff;
    s.pending_buf[s.pending - 2] = ~len & 0xff;
    s.pending_buf[s.pending - 1] = (~len >>> 8) & 0xff;
    flush_pending(strm);
    if (left) {
      if (left > len) left = len;
      strm.next_out.set(s.window.subarray(s.block_start, s.block_start + left), strm.next_out_index);
      strm.next_out_index += left;
      strm.avail_out -= left;
      strm.total_out += left;
      s.block_start += left;
      len -= left;
    }
    if (len) {
      read_buf(strm, strm.next_out, strm.next_out_index, len);
      strm.next_out_index += len;
      strm.avail_out -= len;
      strm.total_out += len;
    }
  } while (last === 0);

  used -= strm.avail_in;
  if (used) {
    if (used >= s.w_size) {
      s.matches = 2;
      s.window.set(strm.next_in.subarray(strm.next_in_index - s.w_size, strm.next_in_index), 0);
      s.strstart = s.w_size;
      s.insert = s.strstart;
    } else {
      if (s.window_size - s.strstart <= used) {
        s.strstart -= s.w_size;
        s.window.copyWithin(0, s.w_size, s.w_size + s.strstart);
        if (s.matches < 2) s.matches++;
        if (s.insert > s.strstart) s.insert = s.strstart;
      }
      s.window.set(strm.next_in.subarray(strm.next_in_index - used, strm.next_in_index), s.strstart);
      s.strstart += used;
      s.insert += Math.min(used, s.w_size - s.insert);
    }
    s.block_start = s.strstart;
  }
  if (s.high_water < s.strstart) s.high_water = s.strstart;
  if (last) return "finish_done";
  if (flush !== Z_NO_FLUSH && flush !== Z_FINISH && strm.avail_in === 0 && s.strstart === s.block_start) return "block_done";

  have = s.window_size - s.strstart;
  if (strm.avail_in > have && s.block_start >= s.w_size) {
    s.block_start -= s.w_size;
    s.strstart -= s.w_size;
    s.window.copyWithin(0, s.w_size, s.w_size + s.strstart);
    if (s.matches < 2) s.matches++;
    have += s.w_size;
    if (s.insert > s.strstart) s.insert = s.strstart;
  }
  if (have > strm.avail_in) have = strm.avail_in;
  if (have) {
    read_buf(strm, s.window, s.strstart, have);
    s.strstart += have;
    s.insert += Math.min(have, s.w_size - s.insert);
  }
  if (s.high_water < s.strstart) s.high_water = s.strstart;

  have = (s.bi_valid + 42) >> 3;
  have = Math.min(s.pending_buf_size - have, MAX_STORED);
  min_block = Math.min(have, s.w_size);
  left = s.strstart - s.block_start;
  if (left >= min_block || ((left || flush === Z_FINISH) && flush !== Z_NO_FLUSH && strm.avail_in === 0 && left <= have)) {
    len = Math.min(left, have);
    last = flush === Z_FINISH && strm.avail_in === 0 && len === left ? 1 : 0;
    _tr_stored_block(s, s.window, s.block_start, len, last);
    s.block_start += len;
    flush_pending(strm);
  }
  return last ? "finish_started" : "need_more";
}

/** Levels 1-3: greedy matching; strings inside long matches are not hashed (deflate_fast). */
function deflate_fast(s: DeflateState, flush: number): BlockState {
  const window = s.window;
  for (;;) {
    if (s.lookahead < MIN_LOOKAHEAD) {
      fill_window(s);
      if (s.lookahead < MIN_LOOKAHEAD && flush === Z_NO_FLUSH) return "need_more";
      if (s.lookahead === 0) break;
    }
    let hash_head = NIL;
    if (s.lookahead >= MIN_MATCH) hash_head = INSERT_STRING(s, s.strstart);
    if (hash_head !== NIL && s.strstart - hash_head <= MAX_DIST(s)) s.match_length = longest_match(s, hash_head);
    let bflush: boolean;
    if (s.match_length >= MIN_MATCH) {
      bflush = tally_dist(s, s.strstart - s.match_start, s.match_length - MIN_MATCH);
      s.lookahead -= s.match_length;
      if (s.match_length <= s.max_lazy_match && s.lookahead >= MIN_MATCH) {
        s.match_length--;
        do {
          s.strstart++;
          INSERT_STRING(s, s.strstart);
        } while (--s.match_length !== 0);
        s.strstart++;
      } else {
        s.strstart += s.match_length;
        s.match_length = 0;
        s.ins_h = window[s.strstart]!;
        s.ins_h = UPDATE_HASH(s, s.ins_h, window[s.strstart + 1]!);
      }
    } else {
      bflush = tally_lit(s, window[s.strstart]!);
      s.lookahead--;
      s.strstart++;
    }
    if (bflush) {
      FLUSH_BLOCK_ONLY(s, 0);
      if (s.strm.avail_out === 0) return "need_more";
    }
  }
  return finishBlocks(s, flush, s.strstart < MIN_MATCH - 1 ? s.strstart : MIN_MATCH - 1);
}

/** The common tail of the compress functions: final or flushed block. */
function finishBlocks(s: DeflateState, flush: number, insert: number): BlockState {
  s.insert = insert;
  if (flush === Z_FINISH) {
    FLUSH_BLOCK_ONLY(s, 1);
    if (s.strm.avail_out === 0) return "finish_started";
    return "finish_done";
  }
  if (s.sym_next) {
    FLUSH_BLOCK_ONLY(s, 0);
    if (s.strm.avail_out === 0) return "need_more";
  }
  return "block_done";
}

/** Levels 4-9: lazy matching, a match is kept only if the next position has no longer one (deflate_slow). */
function deflate_slow(s: DeflateState, flush: number): BlockState {
  const window = s.window;
  for (;;) {
    if (s.lookahead < MIN_LOOKAHEAD) {
      fill_window(s);
      if (s.lookahead < MIN_LOOKAHEAD && flush === Z_NO_FLUSH) return "need_more";
      if (s.lookahead === 0) break;
    }
    let hash_head = NIL;
    if (s.lookahead >= MIN_MATCH) hash_head = INSERT_STRING(s, s.strstart);
    s.prev_length = s.match_length;
    s.prev_match = s.match_start;
    s.match_length = MIN_MATCH - 1;
    if (hash_head !== NIL && s.prev_length < s.max_lazy_match && s.strstart - hash_head <= MAX_DIST(s)) {
      s.match_length = longest_match(s, hash_head);
      if (s.match_length <= 5 && (s.strategy === Z_FILTERED ||
          (s.match_length === MIN_MATCH && s.strstart - s.match_start > TOO_FAR))) {
        s.match_length = MIN_MATCH - 1;
      }
    }
    if (s.prev_length >= MIN_MATCH && s.match_length <= s.prev_length) {
      const max_insert = s.strstart + s.lookahead - MIN_MATCH;
      const bflush = tally_dist(s, s.strstart - 1 - s.prev_match, s.prev_length - MIN_MATCH);
      s.lookahead -= s.prev_length - 1;
      s.prev_length -= 2;
      do {
        if (++s.strstart <= max_insert) INSERT_STRING(s, s.strstart);
      } while (--s.prev_length !== 0);
      s.match_available = 0;
      s.match_length = MIN_MATCH - 1;
      s.strstart++;
      if (bflush) {
        FLUSH_BLOCK_ONLY(s, 0);
        if (s.strm.avail_out === 0) return "need_more";
      }
    } else if (s.match_available) {
      const bflush = tally_lit(s, window[s.strstart - 1]!);
      if (bflush) FLUSH_BLOCK_ONLY(s, 0);
      s.strstart++;
      s.lookahead--;
      if (s.strm.avail_out === 0) return "need_more";
    } else {
      s.match_available = 1;
      s.strstart++;
      s.lookahead--;
    }
  }
  if (s.match_available) {
    tally_lit(s, window[s.strstart - 1]!);
    s.match_available = 0;
  }
  return finishBlocks(s, flush, s.strstart < MIN_MATCH - 1 ? s.strstart : MIN_MATCH - 1);
}

/** Z_RLE: matches of distance one only (deflate_rle). */
function deflate_rle(s: DeflateState, flush: number): BlockState {
  const window = s.window;
  for (;;) {
    if (s.lookahead <= MAX_MATCH) {
      fill_window(s);
      if (s.lookahead <= MAX_MATCH && flush === Z_NO_FLUSH) return "need_more";
      if (s.lookahead === 0) break;
    }
    s.match_length = 0;
    if (s.lookahead >= MIN_MATCH && s.strstart > 0) {
      let scan = s.strstart - 1;
      const prev = window[scan]!;
      if (prev === window[scan + 1] && prev === window[scan + 2] && prev === window[scan + 3]) {
        scan += 3;
        const strend = s.strstart + MAX_MATCH;
        while (scan < strend && prev === window[scan + 1]) scan++;
        // The run ends at the first differing byte (scan + 1) or at MAX_MATCH, as zlib's unrolled loop.
        s.match_length = Math.min(MAX_MATCH, scan + 1 - s.strstart);
        if (s.match_length > s.lookahead) s.match_length = s.lookahead;
      }
    }
    let bflush: boolean;
    if (s.match_length >= MIN_MATCH) {
      bflush = tally_dist(s, 1, s.match_length - MIN_MATCH);
      s.lookahead -= s.match_length;
      s.strstart += s.match_length;
      s.match_length = 0;
    } else {
      bflush = tally_lit(s, window[s.strstart]!);
      s.lookahead--;
      s.strstart++;
    }
    if (bflush) {
      FLUSH_BLOCK_ONLY(s, 0);
      if (s.strm.avail_out === 0) return "need_more";
    }
  }
  return finishBlocks(s, flush, 0);
}

/** Z_HUFFMAN_ONLY: literals only (deflate_huff). */
function deflate_huff(s: DeflateState, flush: number): BlockState {
  for (;;) {
    if (s.lookahead === 0) {
      fill_window(s);
      if (s.lookahead === 0) {
        if (flush === Z_NO_FLUSH) return "need_more";
        break;
      }
    }
    s.match_length = 0;
    const bflush = tally_lit(s, s.window[s.strstart]!);
    s.lookahead--;
    s.strstart++;
    if (bflush) {
      FLUSH_BLOCK_ONLY(s, 0);
      if (s.strm.avail_out === 0) return "need_more";
    }
  }
  return finishBlocks(s, flush, 0);
}
