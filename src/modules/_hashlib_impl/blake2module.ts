// BLAKE2b and BLAKE2s (RFC 7693) with the full parameter block (key, salt, person, digest_size and the tree
// parameters fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node), CPython's _blake2 module
// with its argument checks and messages. See docs/modules.md.
import { toHex, type HashObject } from "./hash.js";

const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4], [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13], [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11], [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5], [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
] as const;
const SIGMA_FLAT = Uint8Array.from(SIGMA.flat());

const IV32 = Int32Array.of(0x6a09e667, 0xbb67ae85 | 0, 0x3c6ef372, 0xa54ff53a | 0, 0x510e527f, 0x9b05688c | 0, 0x1f83d9ab, 0x5be0cd19);
/** BLAKE2b's IV as (high, low) pairs: SHA-512's initial values. */
const IV64 = Int32Array.from(["6a09e667f3bcc908", "bb67ae8584caa73b", "3c6ef372fe94f82b", "a54ff53a5f1d36f1", "510e527fade682d1",
  "9b05688c2b3e6c1f", "1f83d9abfb41bd6b", "5be0cd19137e2179"].flatMap((s) => [parseInt(s.slice(0, 8), 16) | 0, parseInt(s.slice(8), 16) | 0]));

/** Raised for bad arguments; `kind` is the Python exception class. */
export class Blake2ArgumentError extends Error {
  readonly kind: "ValueError" | "OverflowError";
  constructor(kind: "ValueError" | "OverflowError", message: string) {
    super(message);
    this.kind = kind;
  }
}

export interface Blake2Params {
  digest_size?: number;
  key?: Uint8Array;
  salt?: Uint8Array;
  person?: Uint8Array;
  fanout?: number;
  depth?: number;
  leaf_size?: number;
  node_offset?: number | bigint;
  node_depth?: number;
  inner_size?: number;
  last_node?: boolean;
}

interface Variant {
  readonly name: "blake2b" | "blake2s";
  readonly outBytes: number;
  readonly keyBytes: number;
  readonly saltBytes: number;
  readonly block: number;
}

const B: Variant = { name: "blake2b", outBytes: 64, keyBytes: 64, saltBytes: 16, block: 128 };
const S: Variant = { name: "blake2s", outBytes: 32, keyBytes: 32, saltBytes: 8, block: 64 };

/** py_blake2{b,s}_new's checks, in its order, then the parameter block (RFC 7693 §2.8 and the BLAKE2 paper). */
function paramBlock(v: Variant, p: Blake2Params): Uint8Array {
  const digest_size = p.digest_size ?? v.outBytes;
  if (digest_size <= 0 || digest_size > v.outBytes) throw new Blake2ArgumentError("ValueError", `digest_size must be between 1 and ${v.outBytes} bytes`);
  const salt = p.salt ?? new Uint8Array(0);
  if (salt.length > v.saltBytes) throw new Blake2ArgumentError("ValueError", `maximum salt length is ${v.saltBytes} bytes`);
  const person = p.person ?? new Uint8Array(0);
  if (person.length > v.saltBytes) throw new Blake2ArgumentError("ValueError", `maximum person length is ${v.saltBytes} bytes`);
  const fanout = p.fanout ?? 1;
  if (fanout < 0 || fanout > 255) throw new Blake2ArgumentError("ValueError", "fanout must be between 0 and 255");
  const depth = p.depth ?? 1;
  if (depth <= 0 || depth > 255) throw new Blake2ArgumentError("ValueError", "depth must be between 1 and 255");
  const leaf = p.leaf_size ?? 0;
  if (leaf > 0xffffffff) throw new Blake2ArgumentError("OverflowError", "leaf_size is too large");
  const nodeOffset = BigInt(p.node_offset ?? 0);
  if (v === S && nodeOffset > 0xffffffffffffn) throw new Blake2ArgumentError("OverflowError", "node_offset is too large");
  const node_depth = p.node_depth ?? 0;
  if (node_depth < 0 || node_depth > 255) throw new Blake2ArgumentError("ValueError", "node_depth must be between 0 and 255");
  const inner = p.inner_size ?? 0;
  if (inner < 0 || inner > v.outBytes) throw new Blake2ArgumentError("ValueError", `inner_size must be between 0 and is ${v.outBytes}`);
  const key = p.key ?? new Uint8Array(0);
  if (key.length > v.keyBytes) throw new Blake2ArgumentError("ValueError", `maximum key length is ${v.keyBytes} bytes`);
  const pb = new Uint8Array(v === B ? 64 : 32);
  pb[0] = digest_size;
  pb[1] = key.length;
  pb[2] = fanout;
  pb[3] = depth;
  for (let i = 0; i < 4; i++) pb[4 + i] = (leaf >>> (8 * i)) & 0xff;
  const offBytes = v === B ? 8 : 6;
  for (let i = 0; i < offBytes; i++) pb[8 + i] = Number((nodeOffset >> BigInt(8 * i)) & 0xffn);
  if (v === B) {
    pb[16] = node_depth;
    pb[17] = inner;
    pb.set(salt, 32);
    pb.set(person, 48);
  } else {
    pb[14] = node_depth;
    pb[15] = inner;
    pb.set(salt, 16);
    pb.set(person, 24);
  }
  return pb;
}

abstract class Blake2 implements HashObject {
  readonly name: string;
  readonly digest_size: number;
  readonly block_size: number;
  protected buf: Uint8Array;
  protected buflen: number;
  /** Byte counter t (exact up to 2^53). */
  protected t: number;
  protected last_node: boolean;

  constructor(v: Variant, digest_size: number, last_node: boolean) {
    this.name = v.name;
    this.digest_size = digest_size;
    this.block_size = v.block;
    this.buf = new Uint8Array(v.block);
    this.buflen = 0;
    this.t = 0;
    this.last_node = last_node;
  }

  protected abstract compress(block: Uint8Array, offset: number, last: boolean): void;
  protected abstract output(): Uint8Array;
  abstract copy(): HashObject;

  update(data: Uint8Array): void {
    const bs = this.block_size;
    let i = 0;
    const n = data.length;
    if (n === 0) return;
    // A full buffer is compressed only once more input arrives: the final block needs the last-block flag.
    if (this.buflen + n <= bs) {
      this.buf.set(data, this.buflen);
      this.buflen += n;
      return;
    }
    if (this.buflen) {
      const take = bs - this.buflen;
      this.buf.set(data.subarray(0, take), this.buflen);
      this.t += bs;
      this.compress(this.buf, 0, false);
      this.buflen = 0;
      i = take;
    }
    for (; n - i > bs; i += bs) {
      this.t += bs;
      this.compress(data, i, false);
    }
    this.buf.set(data.subarray(i), 0);
    this.buflen = n - i;
  }

  digest(): Uint8Array {
    const c = this.copy() as Blake2;
    c.t += c.buflen;
    c.buf.fill(0, c.buflen);
    c.compress(c.buf, 0, true);
    return c.output().subarray(0, this.digest_size);
  }

  hexdigest(): string {
    return toHex(this.digest());
  }

  protected copyInto(o: Blake2): void {
    o.buf.set(this.buf);
    o.buflen = this.buflen;
    o.t = this.t;
    o.last_node = this.last_node;
  }

  /** Process the key as a first, zero-padded block (after the parameter block is applied). */
  protected keyBlock(key: Uint8Array | undefined): void {
    if (key && key.length) {
      const block = new Uint8Array(this.block_size);
      block.set(key);
      this.update(block);
    }
  }
}

export class Blake2b extends Blake2 {
  private h: Int32Array;
  private v: Int32Array;
  private m: Int32Array;

  constructor(params: Blake2Params = {}, data?: Uint8Array) {
    const pb = paramBlock(B, params);
    super(B, pb[0]!, params.last_node ?? false);
    this.h = IV64.slice();
    this.v = new Int32Array(32);
    this.m = new Int32Array(32);
    for (let i = 0; i < 8; i++) {
      this.h[2 * i + 1] ^= pb[8 * i]! | (pb[8 * i + 1]! << 8) | (pb[8 * i + 2]! << 16) | (pb[8 * i + 3]! << 24);
      this.h[2 * i] ^= pb[8 * i + 4]! | (pb[8 * i + 5]! << 8) | (pb[8 * i + 6]! << 16) | (pb[8 * i + 7]! << 24);
    }
    this.keyBlock(params.key);
    if (data) this.update(data);
  }

  protected compress(b: Uint8Array, o: number, last: boolean): void {
    const m = this.m;
    const v = this.v;
    const h = this.h;
    for (let i = 0; i < 16; i++, o += 8) {
      m[2 * i + 1] = b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
      m[2 * i] = b[o + 4]! | (b[o + 5]! << 8) | (b[o + 6]! << 16) | (b[o + 7]! << 24);
    }
    v.set(h);
    v.set(IV64, 16);
    const t = this.t;
    v[25] ^= t | 0; // low word of v[12]
    v[24] ^= Math.floor(t / 0x100000000) | 0;
    if (last) {
      v[28] = ~v[28]!;
      v[29] = ~v[29]!;
      if (this.last_node) {
        v[30] = ~v[30]!;
        v[31] = ~v[31]!;
      }
    }
    for (let r = 0; r < 12; r++) {
      const s = (r % 10) * 16;
      G64(v, m, 0, 4, 8, 12, SIGMA_FLAT[s]!, SIGMA_FLAT[s + 1]!);
      G64(v, m, 1, 5, 9, 13, SIGMA_FLAT[s + 2]!, SIGMA_FLAT[s + 3]!);
      G64(v, m, 2, 6, 10, 14, SIGMA_FLAT[s + 4]!, SIGMA_FLAT[s + 5]!);
      G64(v, m, 3, 7, 11, 15, SIGMA_FLAT[s + 6]!, SIGMA_FLAT[s + 7]!);
      G64(v, m, 0, 5, 10, 15, SIGMA_FLAT[s + 8]!, SIGMA_FLAT[s + 9]!);
      G64(v, m, 1, 6, 11, 12, SIGMA_FLAT[s + 10]!, SIGMA_FLAT[s + 11]!);
      G64(v, m, 2, 7, 8, 13, SIGMA_FLAT[s + 12]!, SIGMA_FLAT[s + 13]!);
      G64(v, m, 3, 4, 9, 14, SIGMA_FLAT[s + 14]!, SIGMA_FLAT[s + 15]!);
    }
    for (let i = 0; i < 16; i++) h[i] = h[i]! ^ v[i]! ^ v[i + 16]!;
  }

  protected output(): Uint8Array {
    const out = new Uint8Array(64);
    for (let i = 0; i < 8; i++) {
      const lo = this.h[2 * i + 1]!, hi = this.h[2 * i]!;
      for (let k = 0; k < 4; k++) {
        out[8 * i + k] = (lo >>> (8 * k)) & 0xff;
        out[8 * i + 4 + k] = (hi >>> (8 * k)) & 0xff;
      }
    }
    return out;
  }

  copy(): HashObject {
    const c = Object.create(Blake2b.prototype) as Blake2b;
    Object.assign(c, this);
    c.h = this.h.slice();
    c.v = new Int32Array(32);
    c.m = new Int32Array(32);
    c.buf = this.buf.slice();
    return c;
  }
}

/** BLAKE2b's G on (high, low) Int32 pairs, with the four words held in locals (RFC 7693 §3.1). */
function G64(v: Int32Array, m: Int32Array, a: number, b: number, c: number, d: number, x: number, y: number): void {
  a *= 2, b *= 2, c *= 2, d *= 2, x *= 2, y *= 2;
  let ah = v[a]!, al = v[a + 1]!, bh = v[b]!, bl = v[b + 1]!, ch = v[c]!, cl = v[c + 1]!, dh = v[d]!, dl = v[d + 1]!;
  // a = a + b + m[x]
  let lo = (al >>> 0) + (bl >>> 0) + (m[x + 1]! >>> 0);
  ah = (ah + bh + m[x]! + ((lo / 0x100000000) | 0)) | 0;
  al = lo | 0;
  // d = (d ^ a) >>> 32
  let th = dh ^ ah, tl = dl ^ al;
  dh = tl;
  dl = th;
  // c = c + d
  lo = (cl >>> 0) + (dl >>> 0);
  ch = (ch + dh + ((lo / 0x100000000) | 0)) | 0;
  cl = lo | 0;
  // b = (b ^ c) >>> 24
  th = bh ^ ch, tl = bl ^ cl;
  bh = (th >>> 24) | (tl << 8);
  bl = (tl >>> 24) | (th << 8);
  // a = a + b + m[y]
  lo = (al >>> 0) + (bl >>> 0) + (m[y + 1]! >>> 0);
  ah = (ah + bh + m[y]! + ((lo / 0x100000000) | 0)) | 0;
  al = lo | 0;
  // d = (d ^ a) >>> 16
  th = dh ^ ah, tl = dl ^ al;
  dh = (th >>> 16) | (tl << 16);
  dl = (tl >>> 16) | (th << 16);
  // c = c + d
  lo = (cl >>> 0) + (dl >>> 0);
  ch = (ch + dh + ((lo / 0x100000000) | 0)) | 0;
  cl = lo | 0;
  // b = (b ^ c) >>> 63, i.e. rotate left by one
  th = bh ^ ch, tl = bl ^ cl;
  bh = (th << 1) | (tl >>> 31);
  bl = (tl << 1) | (th >>> 31);
  v[a] = ah, v[a + 1] = al, v[b] = bh, v[b + 1] = bl, v[c] = ch, v[c + 1] = cl, v[d] = dh, v[d + 1] = dl;
}

export class Blake2s extends Blake2 {
  private h: Int32Array;
  private v: Int32Array;
  private m: Int32Array;

  constructor(params: Blake2Params = {}, data?: Uint8Array) {
    const pb = paramBlock(S, params);
    super(S, pb[0]!, params.last_node ?? false);
    this.h = IV32.slice();
    this.v = new Int32Array(16);
    this.m = new Int32Array(16);
    for (let i = 0; i < 8; i++) this.h[i] ^= pb[4 * i]! | (pb[4 * i + 1]! << 8) | (pb[4 * i + 2]! << 16) | (pb[4 * i + 3]! << 24);
    this.keyBlock(params.key);
    if (data) this.update(data);
  }

  protected compress(b: Uint8Array, o: number, last: boolean): void {
    const m = this.m;
    const v = this.v;
    const h = this.h;
    for (let i = 0; i < 16; i++, o += 4) m[i] = b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
    v.set(h);
    v.set(IV32, 8);
    v[12] ^= this.t | 0;
    v[13] ^= Math.floor(this.t / 0x100000000) | 0;
    if (last) {
      v[14] = ~v[14]!;
      if (this.last_node) v[15] = ~v[15]!;
    }
    for (let r = 0; r < 10; r++) {
      const s = r * 16;
      G32(v, m, 0, 4, 8, 12, SIGMA_FLAT[s]!, SIGMA_FLAT[s + 1]!);
      G32(v, m, 1, 5, 9, 13, SIGMA_FLAT[s + 2]!, SIGMA_FLAT[s + 3]!);
      G32(v, m, 2, 6, 10, 14, SIGMA_FLAT[s + 4]!, SIGMA_FLAT[s + 5]!);
      G32(v, m, 3, 7, 11, 15, SIGMA_FLAT[s + 6]!, SIGMA_FLAT[s + 7]!);
      G32(v, m, 0, 5, 10, 15, SIGMA_FLAT[s + 8]!, SIGMA_FLAT[s + 9]!);
      G32(v, m, 1, 6, 11, 12, SIGMA_FLAT[s + 10]!, SIGMA_FLAT[s + 11]!);
      G32(v, m, 2, 7, 8, 13, SIGMA_FLAT[s + 12]!, SIGMA_FLAT[s + 13]!);
      G32(v, m, 3, 4, 9, 14, SIGMA_FLAT[s + 14]!, SIGMA_FLAT[s + 15]!);
    }
    for (let i = 0; i < 8; i++) h[i] = h[i]! ^ v[i]! ^ v[i + 8]!;
  }

  protected output(): Uint8Array {
    const out = new Uint8Array(32);
    for (let i = 0; i < 32; i++) out[i] = (this.h[i >> 2]! >>> (8 * (i & 3))) & 0xff;
    return out;
  }

  copy(): HashObject {
    const c = Object.create(Blake2s.prototype) as Blake2s;
    Object.assign(c, this);
    c.h = this.h.slice();
    c.v = new Int32Array(16);
    c.m = new Int32Array(16);
    c.buf = this.buf.slice();
    return c;
  }
}

function G32(v: Int32Array, m: Int32Array, a: number, b: number, c: number, d: number, x: number, y: number): void {
  let va = v[a]!, vb = v[b]!, vc = v[c]!, vd = v[d]!;
  va = (va + vb + m[x]!) | 0;
  vd ^= va;
  vd = (vd >>> 16) | (vd << 16);
  vc = (vc + vd) | 0;
  vb ^= vc;
  vb = (vb >>> 12) | (vb << 20);
  va = (va + vb + m[y]!) | 0;
  vd ^= va;
  vd = (vd >>> 8) | (vd << 24);
  vc = (vc + vd) | 0;
  vb ^= vc;
  vb = (vb >>> 7) | (vb << 25);
  v[a] = va;
  v[b] = vb;
  v[c] = vc;
  v[d] = vd;
}

export const blake2b = (data?: Uint8Array, params: Blake2Params = {}): Blake2b => new Blake2b(params, data);
export const blake2s = (data?: Uint8Array, params: Blake2Params = {}): Blake2s => new Blake2s(params, data);
