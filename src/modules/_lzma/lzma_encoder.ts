// An LZMA1 encoder (the LZMA SDK's LzmaEnc.c in its simplest form): the range encoder, literals (matched after a
// match), matches found by a greedy single-candidate hash of three bytes, and the end-of-payload marker. Its output
// is valid LZMA that liblzma reads; liblzma's match finders and optimal parser are out of scope. See docs/modules.md.
import type { LzmaProps } from "./lzma_decoder.js";

const kNumStates = 12;
const kMatchMinLen = 2;
const kMatchMaxLen = 273;

export class LzmaEncoder {
  private readonly lc: number;
  private readonly lp: number;
  private readonly pb: number;
  private readonly dictSize: number;
  private readonly probs: Uint16Array;
  private readonly oIsMatch: number; private readonly oIsRep: number; private readonly oIsRepG0: number;
  private readonly oIsRep0Long: number; private readonly oPosSlot: number; private readonly oSpecPos: number;
  private readonly oAlign: number; private readonly oLen: number; private readonly oLiteral: number;
  private state = 0;
  private rep0 = 0;
  // Range encoder.
  private low = 0;
  private range = 0xffffffff;
  private cache = 0;
  private cacheSize = 1;
  private out: number[] = [];
  /** All input so far (the dictionary) and the hash heads of 3-byte sequences. */
  private data: Uint8Array = new Uint8Array(1024);
  private len = 0;
  private pos = 0;
  private readonly head = new Int32Array(1 << 16).fill(-1);

  constructor(p: LzmaProps, dictSize: number) {
    this.lc = p.lc;
    this.lp = p.lp;
    this.pb = p.pb;
    this.dictSize = dictSize;
    let o = 0;
    this.oIsMatch = o; o += kNumStates << 4;
    this.oIsRep = o; o += kNumStates;
    this.oIsRepG0 = o; o += kNumStates * 3;
    this.oIsRep0Long = o; o += kNumStates << 4;
    this.oPosSlot = o; o += 4 << 6;
    this.oSpecPos = o; o += 115;
    this.oAlign = o; o += 16;
    this.oLen = o; o += 2 * (2 + 256 + 256 + 256);
    this.oLiteral = o; o += 0x300 << (p.lc + p.lp);
    this.probs = new Uint16Array(o).fill(1024);
  }

  private shiftLow(): void {
    if (this.low < 0xff000000 || this.low >= 0x100000000) {
      const carry = this.low >= 0x100000000 ? 1 : 0;
      let temp = this.cache;
      do {
        this.out.push((temp + carry) & 0xff);
        temp = 0xff;
      } while (--this.cacheSize !== 0);
      this.cache = Math.floor(this.low / 0x1000000) & 0xff;
    }
    this.cacheSize++;
    this.low = (this.low % 0x1000000) * 256;
  }

  private bit(i: number, b: number): void {
    const p = this.probs[i];
    const bound = (this.range >>> 11) * p;
    if (b === 0) {
      this.range = bound;
      this.probs[i] = p + ((2048 - p) >>> 5);
    } else {
      this.low += bound;
      this.range = (this.range - bound) >>> 0;
      this.probs[i] = p - (p >>> 5);
    }
    while (this.range < 0x1000000) {
      this.range = (this.range << 8) >>> 0;
      this.shiftLow();
    }
  }

  private direct(v: number, n: number): void {
    for (let k = n - 1; k >= 0; k--) {
      this.range >>>= 1;
      if ((v >>> k) & 1) this.low += this.range;
      while (this.range < 0x1000000) {
        this.range = (this.range << 8) >>> 0;
        this.shiftLow();
      }
    }
  }

  private tree(base: number, bits: number, v: number): void {
    let m = 1;
    for (let k = bits - 1; k >= 0; k--) {
      const b = (v >>> k) & 1;
      this.bit(base + m, b);
      m = (m << 1) | b;
    }
  }

  private reverseTree(base: number, bits: number, v: number): void {
    let m = 1;
    for (let k = 0; k < bits; k++) {
      const b = (v >>> k) & 1;
      this.bit(base + m, b);
      m = (m << 1) | b;
    }
  }

  private encodeLen(len: number, posState: number): void {
    const base = this.oLen;
    if (len < 8) {
      this.bit(base, 0);
      this.tree(base + 2 + (posState << 3), 3, len);
    } else if (len < 16) {
      this.bit(base, 1);
      this.bit(base + 1, 0);
      this.tree(base + 2 + (16 << 3) + (posState << 3), 3, len - 8);
    } else {
      this.bit(base, 1);
      this.bit(base + 1, 1);
      this.tree(base + 2 + (16 << 3) + (16 << 3), 8, len - 16);
    }
  }

  private encodeMatch(dist: number, len: number, posState: number): void {
    const st = this.state;
    this.bit(this.oIsMatch + (st << 4) + posState, 1);
    this.bit(this.oIsRep + st, 0);
    const l = len - kMatchMinLen;
    this.encodeLen(l, posState);
    const lenState = l < 3 ? l : 3;
    let slot: number;
    if (dist < 4) {
      slot = dist;
    } else {
      const n = 31 - Math.clz32(dist);
      slot = 2 * n + ((dist >>> (n - 1)) & 1);
    }
    this.tree(this.oPosSlot + (lenState << 6), 6, slot);
    if (slot >= 4) {
      const nd = (slot >>> 1) - 1;
      const base = ((2 | (slot & 1)) << nd) >>> 0;
      const rem = (dist - base) >>> 0;
      if (slot < 14) {
        this.reverseTree(this.oSpecPos + base - slot, nd, rem);
      } else {
        this.direct(rem >>> 4, nd - 4);
        this.reverseTree(this.oAlign, 4, rem & 15);
      }
    }
    this.state = st < 7 ? 7 : 10;
    this.rep0 = dist;
  }

  private encodeLiteral(posState: number): void {
    const st = this.state;
    const d = this.data, p = this.pos;
    this.bit(this.oIsMatch + (st << 4) + posState, 0);
    const prev = p > 0 ? d[p - 1] : 0;
    const base = this.oLiteral + 0x300 * (((p & ((1 << this.lp) - 1)) << this.lc) + (prev >>> (8 - this.lc)));
    const b = d[p];
    let sym = 1;
    let k = 7;
    if (st >= 7) {
      let matchByte = d[p - this.rep0 - 1];
      for (; k >= 0; k--) {
        const matchBit = (matchByte >>> 7) & 1;
        matchByte = (matchByte << 1) & 0xff;
        const bit = (b >>> k) & 1;
        this.bit(base + ((1 + matchBit) << 8) + sym, bit);
        sym = (sym << 1) | bit;
        if (matchBit !== bit) { k--; break; }
      }
    }
    for (; k >= 0; k--) {
      const bit = (b >>> k) & 1;
      this.bit(base + sym, bit);
      sym = (sym << 1) | bit;
    }
    this.state = st < 4 ? 0 : st < 10 ? st - 3 : st - 6;
  }

  private hash(p: number): number {
    const d = this.data;
    return ((d[p] << 8) ^ (d[p + 1] << 4) ^ d[p + 2] ^ (d[p + 2] << 11)) & 0xffff;
  }

  /** Append input; everything but the last bytes (which may still start a match) is encoded. */
  write(chunk: Uint8Array): void {
    if (this.len + chunk.length > this.data.length) {
      const nd = new Uint8Array(Math.max(this.data.length * 2, this.len + chunk.length));
      nd.set(this.data.subarray(0, this.len));
      this.data = nd;
    }
    this.data.set(chunk, this.len);
    this.len += chunk.length;
    this.encodeUpTo(this.len - kMatchMaxLen);
  }

  /** Append input without encoding it (LZMA2 encodes chunk by chunk). */
  append(chunk: Uint8Array): void {
    if (this.len + chunk.length > this.data.length) {
      const nd = new Uint8Array(Math.max(this.data.length * 2, this.len + chunk.length));
      nd.set(this.data.subarray(0, this.len));
      this.data = nd;
    }
    this.data.set(chunk, this.len);
    this.len += chunk.length;
  }

  get position(): number {
    return this.pos;
  }

  bytes(from: number, to: number): Uint8Array {
    return this.data.subarray(from, to);
  }

  /** Skip input stored in an uncompressed LZMA2 chunk (its bytes stay in the dictionary and the hash). */
  skipTo(to: number): void {
    for (let p = this.pos; p < to; p++) if (p + 3 <= this.len) this.head[this.hash(p)] = p;
    this.pos = to;
  }

  /**
   * One LZMA2 chunk: a fresh range coder and state (the chunk header resets the state), packets up to `end`
   * (matches stop there too) or until the output nears `maxPacked`; returns the flushed range-coder bytes.
   */
  chunk(end: number, maxPacked: number): Uint8Array {
    this.low = 0;
    this.range = 0xffffffff;
    this.cache = 0;
    this.cacheSize = 1;
    this.out = [];
    this.probs.fill(1024);
    this.state = 0;
    this.rep0 = 0;
    this.encodeUpTo(end, end, maxPacked);
    for (let i = 0; i < 5; i++) this.shiftLow();
    return this.take();
  }

  private encodeUpTo(end: number, cap = this.len, maxOut = Infinity): void {
    const d = this.data, pbMask = (1 << this.pb) - 1;
    while (this.pos < end && this.out.length + this.cacheSize + 64 < maxOut) {
      const p = this.pos;
      const posState = p & pbMask;
      let bestLen = 0, bestDist = 0;
      if (p + 3 <= this.len) {
        const h = this.hash(p);
        const cand = this.head[h];
        this.head[h] = p;
        if (cand >= 0 && p - cand - 1 < this.dictSize) {
          const max = Math.min(kMatchMaxLen, cap - p);
          let l = 0;
          while (l < max && d[cand + l] === d[p + l]) l++;
          if (l >= 3) { bestLen = l; bestDist = p - cand - 1; }
        }
      }
      if (bestLen > 0) {
        this.encodeMatch(bestDist, bestLen, posState);
        for (let k = 1; k < bestLen && p + k + 3 <= this.len; k++) this.head[this.hash(p + k)] = p + k;
        this.pos += bestLen;
      } else {
        this.encodeLiteral(posState);
        this.pos++;
      }
    }
  }

  /** Encode the rest, the end-of-payload marker (a match of distance 0xFFFFFFFF) and flush the range encoder. */
  finish(): Uint8Array {
    this.encodeUpTo(this.len);
    this.encodeMatch(0xffffffff, kMatchMinLen, this.pos & ((1 << this.pb) - 1));
    for (let i = 0; i < 5; i++) this.shiftLow();
    return this.take();
  }

  take(): Uint8Array {
    const r = new Uint8Array(this.out);
    this.out = [];
    return r;
  }
}
