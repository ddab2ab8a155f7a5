// SHA3-224/256/384/512 and SHAKE128/256 (FIPS 202), CPython's _sha3 module: Keccak-f[1600] over 25 lanes held
// as (high, low) Int32 pairs, sponge with domain byte 0x06 (SHA3) or 0x1f (SHAKE). See docs/modules.md.
import { toHex, type HashObject } from "./hash.js";

const RC = Int32Array.from([
  "0000000000000001", "0000000000008082", "800000000000808a", "8000000080008000", "000000000000808b", "0000000080000001",
  "8000000080008081", "8000000000008009", "000000000000008a", "0000000000000088", "0000000080008009", "000000008000000a",
  "000000008000808b", "800000000000008b", "8000000000008089", "8000000000008003", "8000000000008002", "8000000000000080",
  "000000000000800a", "800000008000000a", "8000000080008081", "8000000000008080", "0000000080000001", "8000000080008008",
].flatMap((s) => [parseInt(s.slice(0, 8), 16) | 0, parseInt(s.slice(8), 16) | 0]));

/** Rotation offsets r[x + 5y] (rho) and the pi permutation's destination for each lane. */
const RHO = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14] as const;
const PI = Int32Array.from({ length: 25 }, (_, i) => {
  const x = i % 5, y = Math.floor(i / 5);
  return y + 5 * ((2 * x + 3 * y) % 5);
});
/** Per lane: whether the rotation swaps the halves (r >= 32), and the residual left shift (0..31). */
const RHO_SWAP = Uint8Array.from(RHO, (r) => (r >= 32 ? 1 : 0));
const RHO_SHIFT = Uint8Array.from(RHO, (r) => r & 31);

/** Keccak-f[1600]. State layout: s[2*i] = high 32 bits of lane i, s[2*i+1] = low 32 bits. */
function keccakf(s: Int32Array, b: Int32Array, c: Int32Array): void {
  for (let round = 0; round < 24; round++) {
    // theta
    for (let x = 0; x < 10; x += 2) {
      c[x] = s[x]! ^ s[x + 10]! ^ s[x + 20]! ^ s[x + 30]! ^ s[x + 40]!;
      c[x + 1] = s[x + 1]! ^ s[x + 11]! ^ s[x + 21]! ^ s[x + 31]! ^ s[x + 41]!;
    }
    for (let x = 0; x < 10; x += 2) {
      const x1 = x === 8 ? 0 : x + 2;
      const x4 = x === 0 ? 8 : x - 2;
      const h1 = c[x1]!, l1 = c[x1 + 1]!;
      const dh = c[x4]! ^ ((h1 << 1) | (l1 >>> 31));
      const dl = c[x4 + 1]! ^ ((l1 << 1) | (h1 >>> 31));
      s[x] ^= dh;
      s[x + 1] ^= dl;
      s[x + 10] ^= dh;
      s[x + 11] ^= dl;
      s[x + 20] ^= dh;
      s[x + 21] ^= dl;
      s[x + 30] ^= dh;
      s[x + 31] ^= dl;
      s[x + 40] ^= dh;
      s[x + 41] ^= dl;
    }
    // rho and pi
    b[0] = s[0]!;
    b[1] = s[1]!;
    for (let i = 1; i < 25; i++) {
      let h = s[2 * i]!, l = s[2 * i + 1]!;
      if (RHO_SWAP[i]) {
        const t = h;
        h = l;
        l = t;
      }
      const r = RHO_SHIFT[i]!;
      const j = 2 * PI[i]!;
      if (r === 0) {
        b[j] = h;
        b[j + 1] = l;
      } else {
        b[j] = (h << r) | (l >>> (32 - r));
        b[j + 1] = (l << r) | (h >>> (32 - r));
      }
    }
    // chi
    for (let y = 0; y < 50; y += 10) {
      const b0h = b[y]!, b0l = b[y + 1]!, b1h = b[y + 2]!, b1l = b[y + 3]!, b2h = b[y + 4]!, b2l = b[y + 5]!;
      const b3h = b[y + 6]!, b3l = b[y + 7]!, b4h = b[y + 8]!, b4l = b[y + 9]!;
      s[y] = b0h ^ (~b1h & b2h);
      s[y + 1] = b0l ^ (~b1l & b2l);
      s[y + 2] = b1h ^ (~b2h & b3h);
      s[y + 3] = b1l ^ (~b2l & b3l);
      s[y + 4] = b2h ^ (~b3h & b4h);
      s[y + 5] = b2l ^ (~b3l & b4l);
      s[y + 6] = b3h ^ (~b4h & b0h);
      s[y + 7] = b3l ^ (~b4l & b0l);
      s[y + 8] = b4h ^ (~b0h & b1h);
      s[y + 9] = b4l ^ (~b0l & b1l);
    }
    // iota
    s[0] ^= RC[2 * round]!;
    s[1] ^= RC[2 * round + 1]!;
  }
}

export class Keccak implements HashObject {
  readonly name: string;
  readonly digest_size: number;
  readonly block_size: number;
  private readonly suffix: number;
  private readonly s: Int32Array;
  private readonly queue: Uint8Array;
  private qlen: number;
  private readonly tb: Int32Array;
  private readonly tc: Int32Array;

  constructor(name: string, rate: number, digest_size: number, suffix: number, data?: Uint8Array) {
    this.name = name;
    this.block_size = rate;
    this.digest_size = digest_size;
    this.suffix = suffix;
    this.s = new Int32Array(50);
    this.queue = new Uint8Array(rate);
    this.qlen = 0;
    this.tb = new Int32Array(50);
    this.tc = new Int32Array(10);
    if (data) this.update(data);
  }

  /** XOR one rate-sized block (little-endian lanes) into the state and permute. */
  private absorb(b: Uint8Array, o: number): void {
    const s = this.s;
    for (let i = 0; i < this.block_size >> 3; i++, o += 8) {
      s[2 * i + 1] ^= b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
      s[2 * i] ^= b[o + 4]! | (b[o + 5]! << 8) | (b[o + 6]! << 16) | (b[o + 7]! << 24);
    }
    keccakf(s, this.tb, this.tc);
  }

  update(data: Uint8Array): void {
    const rate = this.block_size;
    let i = 0;
    const n = data.length;
    if (this.qlen) {
      const take = Math.min(rate - this.qlen, n);
      this.queue.set(data.subarray(0, take), this.qlen);
      this.qlen += take;
      i = take;
      if (this.qlen < rate) return;
      this.absorb(this.queue, 0);
      this.qlen = 0;
    }
    for (; i + rate <= n; i += rate) this.absorb(data, i);
    if (i < n) {
      this.queue.set(data.subarray(i), 0);
      this.qlen = n - i;
    }
  }

  /** Squeeze `length` bytes from a copy of the state (the object stays usable, as CPython's). */
  private squeeze(length: number): Uint8Array {
    const c = this.copy() as Keccak;
    const rate = c.block_size;
    const last = new Uint8Array(rate);
    last.set(c.queue.subarray(0, c.qlen));
    last[c.qlen] ^= c.suffix;
    last[rate - 1]! ^= 0x80;
    c.absorb(last, 0);
    const out = new Uint8Array(length);
    let pos = 0;
    for (;;) {
      for (let i = 0; i < rate >> 3 && pos < length; i++) {
        const lo = c.s[2 * i + 1]!, hi = c.s[2 * i]!;
        for (let k = 0; k < 8 && pos < length; k++) out[pos++] = (k < 4 ? lo >>> (8 * k) : hi >>> (8 * (k - 4))) & 0xff;
      }
      if (pos >= length) break;
      keccakf(c.s, c.tb, c.tc);
    }
    return out;
  }

  digest(length?: number): Uint8Array {
    return this.squeeze(this.digest_size === 0 ? length! : this.digest_size);
  }

  hexdigest(length?: number): string {
    return toHex(this.digest(length));
  }

  copy(): HashObject {
    const c = new Keccak(this.name, this.block_size, this.digest_size, this.suffix);
    c.s.set(this.s);
    c.queue.set(this.queue);
    c.qlen = this.qlen;
    return c;
  }
}

export const sha3_224 = (data?: Uint8Array): Keccak => new Keccak("sha3_224", 144, 28, 0x06, data);
export const sha3_256 = (data?: Uint8Array): Keccak => new Keccak("sha3_256", 136, 32, 0x06, data);
export const sha3_384 = (data?: Uint8Array): Keccak => new Keccak("sha3_384", 104, 48, 0x06, data);
export const sha3_512 = (data?: Uint8Array): Keccak => new Keccak("sha3_512", 72, 64, 0x06, data);
/** SHAKE objects have digest_size 0; digest(length) chooses the output length. */
export const shake_128 = (data?: Uint8Array): Keccak => new Keccak("shake_128", 168, 0, 0x1f, data);
export const shake_256 = (data?: Uint8Array): Keccak => new Keccak("shake_256", 136, 0, 0x1f, data);
