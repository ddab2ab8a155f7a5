// Huffman coding of deflate blocks: frequency tallies, tree construction with zlib's tie-breaking,
// length limiting, and the stored / fixed / dynamic block choice (zlib 1.2.13 trees.c, RFC 1951 §3.2).
// Output must equal zlib's bit for bit, so the heap order, depth tie-breaker and overflow repair follow
// trees.c's behaviour exactly. See docs/modules.md.
import type { DeflateState } from "./deflate.js";
import { Z_BINARY, Z_FIXED, Z_TEXT, Z_UNKNOWN } from "./zutil.js";

export const LENGTH_CODES = 29;
export const LITERALS = 256;
export const L_CODES = LITERALS + 1 + LENGTH_CODES;
export const D_CODES = 30;
export const BL_CODES = 19;
export const HEAP_SIZE = 2 * L_CODES + 1;
export const MAX_BITS = 15;
const MAX_BL_BITS = 7;
const END_BLOCK = 256;
const REP_3_6 = 16;
const REPZ_3_10 = 17;
const REPZ_11_138 = 18;
const STORED_BLOCK = 0;
const STATIC_TREES = 1;
const DYN_TREES = 2;
const Buf_size = 16;

const extra_lbits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0] as const;
const extra_dbits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13] as const;
const extra_blbits = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7] as const;
/** The order in which bit-length code lengths are sent (RFC 1951 §3.2.7). */
export const bl_order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15] as const;

/** One Huffman tree as zlib's ct_data array: fc holds Freq then Code, dl holds Dad then Len (the same unions). */
export class Tree {
  readonly fc: Uint16Array;
  readonly dl: Uint16Array;
  constructor(size: number) {
    this.fc = new Uint16Array(size);
    this.dl = new Uint16Array(size);
  }
  copyFrom(o: Tree): void {
    this.fc.set(o.fc);
    this.dl.set(o.dl);
  }
}

interface StaticTreeDesc {
  readonly static_tree: Tree | null;
  readonly extra_bits: readonly number[];
  readonly extra_base: number;
  readonly elems: number;
  readonly max_length: number;
}

export class TreeDesc {
  readonly dyn_tree: Tree;
  max_code: number;
  readonly stat_desc: StaticTreeDesc;
  constructor(dyn_tree: Tree, stat_desc: StaticTreeDesc) {
    this.dyn_tree = dyn_tree;
    this.max_code = 0;
    this.stat_desc = stat_desc;
  }
}

function bi_reverse(code: number, len: number): number {
  let res = 0;
  do {
    res |= code & 1;
    code >>>= 1;
    res <<= 1;
  } while (--len > 0);
  return res >>> 1;
}

/** Canonical codes from bit lengths (RFC 1951 §3.2.2), bit-reversed for LSB-first output. */
function gen_codes(tree: Tree, max_code: number, bl_count: Uint16Array): void {
  const next_code = new Uint16Array(MAX_BITS + 1);
  let code = 0;
  for (let bits = 1; bits <= MAX_BITS; bits++) {
    code = (code + bl_count[bits - 1]!) << 1;
    next_code[bits] = code;
  }
  for (let n = 0; n <= max_code; n++) {
    const len = tree.dl[n]!;
    if (len === 0) continue;
    tree.fc[n] = bi_reverse(next_code[len]!++, len);
  }
}

// tr_static_init: the fixed tables of RFC 1951 §3.2.6 and the length/distance code maps.
export const _length_code = new Uint8Array(256);
export const _dist_code = new Uint8Array(512);
const base_length = new Int32Array(LENGTH_CODES);
const base_dist = new Int32Array(D_CODES);
export const static_ltree = new Tree(L_CODES + 2);
export const static_dtree = new Tree(D_CODES);
(() => {
  let length = 0;
  let code = 0;
  for (code = 0; code < LENGTH_CODES - 1; code++) {
    base_length[code] = length;
    for (let n = 0; n < 1 << extra_lbits[code]!; n++) _length_code[length++] = code;
  }
  // Length 258 could be code 284 with 5 extra bits or code 285: zlib picks 285.
  _length_code[length - 1] = code;
  let dist = 0;
  for (code = 0; code < 16; code++) {
    base_dist[code] = dist;
    for (let n = 0; n < 1 << extra_dbits[code]!; n++) _dist_code[dist++] = code;
  }
  dist >>= 7;
  for (; code < D_CODES; code++) {
    base_dist[code] = dist << 7;
    for (let n = 0; n < 1 << (extra_dbits[code]! - 7); n++) _dist_code[256 + dist++] = code;
  }
  const bl_count = new Uint16Array(MAX_BITS + 1);
  let n = 0;
  while (n <= 143) (static_ltree.dl[n++] = 8), bl_count[8]!++;
  while (n <= 255) (static_ltree.dl[n++] = 9), bl_count[9]!++;
  while (n <= 279) (static_ltree.dl[n++] = 7), bl_count[7]!++;
  while (n <= 287) (static_ltree.dl[n++] = 8), bl_count[8]!++;
  gen_codes(static_ltree, L_CODES + 1, bl_count);
  for (n = 0; n < D_CODES; n++) {
    static_dtree.dl[n] = 5;
    static_dtree.fc[n] = bi_reverse(n, 5);
  }
})();

export function d_code(dist: number): number {
  return dist < 256 ? _dist_code[dist]! : _dist_code[256 + (dist >>> 7)]!;
}

export const static_l_desc: StaticTreeDesc = { static_tree: static_ltree, extra_bits: extra_lbits, extra_base: LITERALS + 1, elems: L_CODES, max_length: MAX_BITS };
export const static_d_desc: StaticTreeDesc = { static_tree: static_dtree, extra_bits: extra_dbits, extra_base: 0, elems: D_CODES, max_length: MAX_BITS };
export const static_bl_desc: StaticTreeDesc = { static_tree: null, extra_bits: extra_blbits, extra_base: 0, elems: BL_CODES, max_length: MAX_BL_BITS };

// ---- bit output ----

function put_byte(s: DeflateState, c: number): void {
  s.pending_buf[s.pending++] = c;
}

function put_short(s: DeflateState, w: number): void {
  s.pending_buf[s.pending++] = w & 0xff;
  s.pending_buf[s.pending++] = (w >>> 8) & 0xff;
}

/** zlib's send_bits with its 16-bit bit buffer (the buffer width decides when bytes reach pending). */
export function send_bits(s: DeflateState, value: number, length: number): void {
  if (s.bi_valid > Buf_size - length) {
    s.bi_buf = (s.bi_buf | (value << s.bi_valid)) & 0xffff;
    put_short(s, s.bi_buf);
    s.bi_buf = (value & 0xffff) >>> (Buf_size - s.bi_valid);
    s.bi_valid += length - Buf_size;
  } else {
    s.bi_buf = (s.bi_buf | (value << s.bi_valid)) & 0xffff;
    s.bi_valid += length;
  }
}

export function bi_flush(s: DeflateState): void {
  if (s.bi_valid === 16) {
    put_short(s, s.bi_buf);
    s.bi_buf = 0;
    s.bi_valid = 0;
  } else if (s.bi_valid >= 8) {
    put_byte(s, s.bi_buf & 0xff);
    s.bi_buf >>>= 8;
    s.bi_valid -= 8;
  }
}

function bi_windup(s: DeflateState): void {
  if (s.bi_valid > 8) put_short(s, s.bi_buf);
  else if (s.bi_valid > 0) put_byte(s, s.bi_buf & 0xff);
  s.bi_buf = 0;
  s.bi_valid = 0;
}

// ---- blocks ----

export function _tr_init(s: DeflateState): void {
  s.bi_buf = 0;
  s.bi_valid = 0;
  init_block(s);
}

function init_block(s: DeflateState): void {
  s.dyn_ltree.fc.fill(0, 0, L_CODES);
  s.dyn_dtree.fc.fill(0, 0, D_CODES);
  s.bl_tree.fc.fill(0, 0, BL_CODES);
  s.dyn_ltree.fc[END_BLOCK] = 1;
  s.opt_len = 0;
  s.static_len = 0;
  s.sym_next = 0;
  s.matches = 0;
}

/** zlib's `smaller`: frequency, then subtree depth, breaks ties (this fixes which equal-frequency node pairs first). */
function smaller(tree: Tree, n: number, m: number, depth: Uint8Array): boolean {
  const fn = tree.fc[n]!;
  const fm = tree.fc[m]!;
  return fn < fm || (fn === fm && depth[n]! <= depth[m]!);
}

function pqdownheap(s: DeflateState, tree: Tree, k: number): void {
  const heap = s.heap;
  const v = heap[k]!;
  let j = k << 1;
  while (j <= s.heap_len) {
    if (j < s.heap_len && smaller(tree, heap[j + 1]!, heap[j]!, s.depth)) j++;
    if (smaller(tree, v, heap[j]!, s.depth)) break;
    heap[k] = heap[j]!;
    k = j;
    j <<= 1;
  }
  heap[k] = v;
}

/** Bit lengths from the tree shape, limited to max_length with zlib's overflow repair (gen_bitlen). */
function gen_bitlen(s: DeflateState, desc: TreeDesc): void {
  const tree = desc.dyn_tree;
  const max_code = desc.max_code;
  const stree = desc.stat_desc.static_tree;
  const extra = desc.stat_desc.extra_bits;
  const base = desc.stat_desc.extra_base;
  const max_length = desc.stat_desc.max_length;
  const heap = s.heap;
  const bl_count = s.bl_count;
  let overflow = 0;
  bl_count.fill(0);
  tree.dl[heap[s.heap_max]!] = 0;
  let h: number;
  for (h = s.heap_max + 1; h < HEAP_SIZE; h++) {
    const n = heap[h]!;
    let bits = tree.dl[tree.dl[n]!]! + 1;
    if (bits > max_length) (bits = max_length), overflow++;
    tree.dl[n] = bits;
    if (n > max_code) continue;
    bl_count[bits]!++;
    let xbits = 0;
    if (n >= base) xbits = extra[n - base]!;
    const f = tree.fc[n]!;
    s.opt_len += f * (bits + xbits);
    if (stree) s.static_len += f * (stree.dl[n]! + xbits);
  }
  if (overflow === 0) return;
  do {
    let bits = max_length - 1;
    while (bl_count[bits] === 0) bits--;
    bl_count[bits]!--;
    bl_count[bits + 1]! += 2;
    bl_count[max_length]!--;
    overflow -= 2;
  } while (overflow > 0);
  for (let bits = max_length; bits !== 0; bits--) {
    let n = bl_count[bits]!;
    while (n !== 0) {
      const m = heap[--h]!;
      if (m > max_code) continue;
      if (tree.dl[m] !== bits) {
        s.opt_len += (bits - tree.dl[m]!) * tree.fc[m]!;
        tree.dl[m] = bits;
      }
      n--;
    }
  }
}

function build_tree(s: DeflateState, desc: TreeDesc): void {
  const tree = desc.dyn_tree;
  const stree = desc.stat_desc.static_tree;
  const elems = desc.stat_desc.elems;
  const heap = s.heap;
  const depth = s.depth;
  let max_code = -1;
  s.heap_len = 0;
  s.heap_max = HEAP_SIZE;
  for (let n = 0; n < elems; n++) {
    if (tree.fc[n] !== 0) {
      heap[++s.heap_len] = max_code = n;
      depth[n] = 0;
    } else {
      tree.dl[n] = 0;
    }
  }
  // At least two codes, so that every code has at least one bit (and a distance tree exists).
  while (s.heap_len < 2) {
    const node = (heap[++s.heap_len] = max_code < 2 ? ++max_code : 0);
    tree.fc[node] = 1;
    depth[node] = 0;
    s.opt_len--;
    if (stree) s.static_len -= stree.dl[node]!;
  }
  desc.max_code = max_code;
  for (let n = s.heap_len >> 1; n >= 1; n--) pqdownheap(s, tree, n);
  let node = elems;
  do {
    const n = heap[1]!;
    heap[1] = heap[s.heap_len--]!;
    pqdownheap(s, tree, 1);
    const m = heap[1]!;
    heap[--s.heap_max] = n;
    heap[--s.heap_max] = m;
    tree.fc[node] = tree.fc[n]! + tree.fc[m]!;
    depth[node] = (depth[n]! >= depth[m]! ? depth[n]! : depth[m]!) + 1;
    tree.dl[n] = tree.dl[m] = node;
    heap[1] = node++;
    pqdownheap(s, tree, 1);
  } while (s.heap_len >= 2);
  heap[--s.heap_max] = heap[1]!;
  gen_bitlen(s, desc);
  gen_codes(tree, max_code, s.bl_count);
}

/** Tally the run-length encoding of a tree's code lengths into bl_tree frequencies (scan_tree). */
function scan_tree(s: DeflateState, tree: Tree, max_code: number): void {
  let prevlen = -1;
  let nextlen = tree.dl[0]!;
  let count = 0;
  let max_count = 7;
  let min_count = 4;
  const bl = s.bl_tree.fc;
  if (nextlen === 0) (max_count = 138), (min_count = 3);
  tree.dl[max_code + 1] = 0xffff;
  for (let n = 0; n <= max_code; n++) {
    const curlen = nextlen;
    nextlen = tree.dl[n + 1]!;
    if (++count < max_count && curlen === nextlen) continue;
    else if (count < min_count) bl[curlen]! += count;
    else if (curlen !== 0) {
      if (curlen !== prevlen) bl[curlen]!++;
      bl[REP_3_6]!++;
    } else if (count <= 10) bl[REPZ_3_10]!++;
    else bl[REPZ_11_138]!++;
    count = 0;
    prevlen = curlen;
    if (nextlen === 0) (max_count = 138), (min_count = 3);
    else if (curlen === nextlen) (max_count = 6), (min_count = 3);
    else (max_count = 7), (min_count = 4);
  }
}

function send_code(s: DeflateState, c: number, tree: Tree): void {
  send_bits(s, tree.fc[c]!, tree.dl[c]!);
}

function send_tree(s: DeflateState, tree: Tree, max_code: number): void {
  let prevlen = -1;
  let nextlen = tree.dl[0]!;
  let count = 0;
  let max_count = 7;
  let min_count = 4;
  const bl = s.bl_tree;
  if (nextlen === 0) (max_count = 138), (min_count = 3);
  for (let n = 0; n <= max_code; n++) {
    const curlen = nextlen;
    nextlen = tree.dl[n + 1]!;
    if (++count < max_count && curlen === nextlen) continue;
    else if (count < min_count) {
      do send_code(s, curlen, bl);
      while (--count !== 0);
    } else if (curlen !== 0) {
      if (curlen !== prevlen) {
        send_code(s, curlen, bl);
        count--;
      }
      send_code(s, REP_3_6, bl);
      send_bits(s, count - 3, 2);
    } else if (count <= 10) {
      send_code(s, REPZ_3_10, bl);
      send_bits(s, count - 3, 3);
    } else {
      send_code(s, REPZ_11_138, bl);
      send_bits(s, count - 11, 7);
    }
    count = 0;
    prevlen = curlen;
    if (nextlen === 0) (max_count = 138), (min_count = 3);
    else if (curlen === nextlen) (max_count = 6), (min_count = 3);
    else (max_count = 7), (min_count = 4);
  }
}

function build_bl_tree(s: DeflateState): number {
  scan_tree(s, s.dyn_ltree, s.l_desc.max_code);
  scan_tree(s, s.dyn_dtree, s.d_desc.max_code);
  build_tree(s, s.bl_desc);
  let max_blindex: number;
  for (max_blindex = BL_CODES - 1; max_blindex >= 3; max_blindex--) {
    if (s.bl_tree.dl[bl_order[max_blindex]!] !== 0) break;
  }
  s.opt_len += 3 * (max_blindex + 1) + 5 + 5 + 4;
  return max_blindex;
}

function send_all_trees(s: DeflateState, lcodes: number, dcodes: number, blcodes: number): void {
  send_bits(s, lcodes - 257, 5);
  send_bits(s, dcodes - 1, 5);
  send_bits(s, blcodes - 4, 4);
  for (let rank = 0; rank < blcodes; rank++) send_bits(s, s.bl_tree.dl[bl_order[rank]!]!, 3);
  send_tree(s, s.dyn_ltree, lcodes - 1);
  send_tree(s, s.dyn_dtree, dcodes - 1);
}

/** A stored block: header bits, byte alignment, LEN and NLEN, then the bytes (buf null: header only). */
export function _tr_stored_block(s: DeflateState, buf: Uint8Array | null, start: number, stored_len: number, last: number): void {
  send_bits(s, (STORED_BLOCK << 1) + last, 3);
  bi_windup(s);
  put_short(s, stored_len & 0xffff);
  put_short(s, ~stored_len & 0xffff);
  if (stored_len && buf) s.pending_buf.set(buf.subarray(start, start + stored_len), s.pending);
  s.pending += stored_len;
}

export function _tr_flush_bits(s: DeflateState): void {
  bi_flush(s);
}

/** An empty fixed block, for Z_PARTIAL_FLUSH. */
export function _tr_align(s: DeflateState): void {
  send_bits(s, STATIC_TREES << 1, 3);
  send_code(s, END_BLOCK, static_ltree);
  bi_flush(s);
}

function compress_block(s: DeflateState, ltree: Tree, dtree: Tree): void {
  const sym = s.sym_buf;
  let sx = 0;
  if (s.sym_next !== 0) {
    do {
      let dist = sym[sx++]!;
      dist += sym[sx++]! << 8;
      let lc = sym[sx++]!;
      if (dist === 0) {
        send_code(s, lc, ltree);
      } else {
        let code = _length_code[lc]!;
        send_code(s, code + LITERALS + 1, ltree);
        let extra: number = extra_lbits[code]!;
        if (extra !== 0) {
          lc -= base_length[code]!;
          send_bits(s, lc, extra);
        }
        dist--;
        code = d_code(dist);
        send_code(s, code, dtree);
        extra = extra_dbits[code]!;
        if (extra !== 0) {
          dist -= base_dist[code]!;
          send_bits(s, dist, extra);
        }
      }
    } while (sx < s.sym_next);
  }
  send_code(s, END_BLOCK, ltree);
}

/** zlib's text/binary guess, which sets strm.data_type (it does not change the output). */
function detect_data_type(s: DeflateState): number {
  let block_mask = 0xf3ffc07f;
  const f = s.dyn_ltree.fc;
  for (let n = 0; n <= 31; n++, block_mask >>>= 1) if (block_mask & 1 && f[n] !== 0) return Z_BINARY;
  if (f[9] !== 0 || f[10] !== 0 || f[13] !== 0) return Z_TEXT;
  for (let n = 32; n < LITERALS; n++) if (f[n] !== 0) return Z_TEXT;
  return Z_BINARY;
}

/**
 * Finish the current block as stored, fixed or dynamic, whichever is shortest (ties favour fixed over
 * dynamic, and stored wins when stored_len + 4 <= the coded byte length). buf null: the block's input is
 * no longer in the window, so it cannot be stored.
 */
export function _tr_flush_block(s: DeflateState, buf: Uint8Array | null, start: number, stored_len: number, last: number): void {
  let opt_lenb: number;
  let static_lenb: number;
  let max_blindex = 0;
  if (s.level > 0) {
    if (s.strm.data_type === Z_UNKNOWN) s.strm.data_type = detect_data_type(s);
    build_tree(s, s.l_desc);
    build_tree(s, s.d_desc);
    max_blindex = build_bl_tree(s);
    opt_lenb = Math.floor((s.opt_len + 3 + 7) / 8);
    static_lenb = Math.floor((s.static_len + 3 + 7) / 8);
    if (static_lenb <= opt_lenb || s.strategy === Z_FIXED) opt_lenb = static_lenb;
  } else {
    opt_lenb = static_lenb = stored_len + 5;
  }
  if (stored_len + 4 <= opt_lenb && buf !== null) {
    _tr_stored_block(s, buf, start, stored_len, last);
  } else if (static_lenb === opt_lenb) {
    send_bits(s, (STATIC_TREES << 1) + last, 3);
    compress_block(s, static_ltree, static_dtree);
  } else {
    send_bits(s, (DYN_TREES << 1) + last, 3);
    send_all_trees(s, s.l_desc.max_code + 1, s.d_desc.max_code + 1, max_blindex + 1);
    compress_block(s, s.dyn_ltree, s.dyn_dtree);
  }
  init_block(s);
  if (last) bi_windup(s);
}
