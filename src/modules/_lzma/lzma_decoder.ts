// The LZMA and LZMA2 decoders (liblzma's lzma_decoder.c, lzma2_decoder.c, range_decoder.h, lz_decoder.c), written
// from the LZMA specification (lzma-specification.txt of the LZMA SDK) and the .xz format's LZMA2 chunk layout.
// LZMA1 streams decode packet by packet with an undo log, so input may arrive in any pieces. See docs/modules.md.

/** liblzma's LZMA_DATA_ERROR ("Corrupt input data"), LZMA_OPTIONS_ERROR, LZMA_FORMAT_ERROR, LZMA_MEMLIMIT_ERROR,
 *  LZMA_BUF_ERROR, LZMA_UNSUPPORTED_CHECK and LZMA_PROG_ERROR. */
export class LzmaError extends Error {
  readonly code: "data" | "options" | "format" | "memlimit" | "buf" | "check" | "prog";
  constructor(code: "data" | "options" | "format" | "memlimit" | "buf" | "check" | "prog") {
    super(code);
    this.code = code;
  }
}

/** Thrown when the input of an LZMA1 stream runs out inside a packet: the packet is undone and retried later. */
export const NEED_INPUT: unique symbol = Symbol("need input");

const kNumStates = 12;
const kNumPosBitsMax = 4;
const kNumLenToPosStates = 4;
const kEndPosModelIndex = 14;
const kNumFullDistances = 128;
const kMatchMinLen = 2;

/** The sliding dictionary (lz_decoder.c's lzma_dict): a circular buffer; every byte also goes to the output. */
export class LzDict {
  buf: Uint8Array;
  pos = 0;
  full = 0;
  /** Bytes written since the last reset (the position that selects posState and the literal context). */
  total = 0;
  size: number;
  out: Uint8Array = new Uint8Array(1024);
  outLen = 0;
  constructor(size: number) {
    this.size = Math.max(size, 4096);
    this.buf = new Uint8Array(Math.min(this.size, 1 << 16));
  }
  reset(): void {
    this.pos = 0;
    this.full = 0;
    this.total = 0;
  }
  private grow(n: number): void {
    if (this.outLen + n <= this.out.length) return;
    const o = new Uint8Array(Math.max(this.out.length * 2, this.outLen + n));
    o.set(this.out.subarray(0, this.outLen));
    this.out = o;
  }
  /** The circular buffer grows lazily up to the dictionary size, so small streams cost little memory. */
  private ensure(): void {
    if (this.pos < this.buf.length || this.buf.length >= this.size) return;
    const nb = new Uint8Array(Math.min(this.size, this.buf.length * 2));
    nb.set(this.buf);
    this.buf = nb;
  }
  put(b: number): void {
    this.ensure();
    if (this.pos === this.size) this.pos = 0;
    this.buf[this.pos++] = b;
    if (this.full < this.size) this.full++;
    this.total++;
    this.grow(1);
    this.out[this.outLen++] = b;
  }
  /** The byte `dist` positions back (0 = the last one written). */
  get(dist: number): number {
    let i = this.pos - dist - 1;
    if (i < 0) i += this.size;
    return this.buf[i];
  }
  copy(dist: number, len: number): void {
    for (let k = 0; k < len; k++) this.put(this.get(dist));
  }
  /** Take the output produced so far. */
  take(): Uint8Array {
    const r = this.out.slice(0, this.outLen);
    this.outLen = 0;
    return r;
  }
}

export interface LzmaProps {
  lc: number;
  lp: number;
  pb: number;
}

export function decodePropsByte(b: number): LzmaProps | null {
  if (b >= 9 * 5 * 5) return null;
  return { lc: b % 9, lp: Math.floor(b / 9) % 5, pb: Math.floor(b / 45) };
}

/** The LZMA decoder proper: probabilities, state, reps, and a range decoder over a caller-supplied input. */
export class LzmaDecoder {
  lc = 0;
  lp = 0;
  pb = 0;
  probs: Uint16Array = new Uint16Array(0);
  // Offsets of the probability groups inside `probs`.
  private oIsMatch = 0; private oIsRep = 0; private oIsRepG0 = 0; private oIsRepG1 = 0; private oIsRepG2 = 0;
  private oIsRep0Long = 0; private oPosSlot = 0; private oSpecPos = 0; private oAlign = 0; private oLen = 0;
  private oRepLen = 0; private oLiteral = 0;
  state = 0;
  rep0 = 0; rep1 = 0; rep2 = 0; rep3 = 0;
  // Range decoder.
  range = 0;
  code = 0;
  input: Uint8Array = new Uint8Array(0);
  inPos = 0;
  inEnd = 0;
  /** Undo log of probability updates in the current packet (index, old value), kept only near the input's end. */
  private undo: number[] = [];
  private logging = false;
  readonly dict: LzDict;

  constructor(dict: LzDict) {
    this.dict = dict;
  }

  setProps(p: LzmaProps): void {
    this.lc = p.lc;
    this.lp = p.lp;
    this.pb = p.pb;
    let o = 0;
    this.oIsMatch = o; o += kNumStates << kNumPosBitsMax;
    this.oIsRep = o; o += kNumStates;
    this.oIsRepG0 = o; o += kNumStates;
    this.oIsRepG1 = o; o += kNumStates;
    this.oIsRepG2 = o; o += kNumStates;
    this.oIsRep0Long = o; o += kNumStates << kNumPosBitsMax;
    this.oPosSlot = o; o += kNumLenToPosStates << 6;
    this.oSpecPos = o; o += 1 + kNumFullDistances - kEndPosModelIndex;
    this.oAlign = o; o += 16;
    this.oLen = o; o += 2 + (16 << 3) + (16 << 3) + 256;
    this.oRepLen = o; o += 2 + (16 << 3) + (16 << 3) + 256;
    this.oLiteral = o; o += 0x300 << (p.lc + p.lp);
    if (this.probs.length !== o) this.probs = new Uint16Array(o);
  }

  resetState(): void {
    this.probs.fill(1024);
    this.state = 0;
    this.rep0 = this.rep1 = this.rep2 = this.rep3 = 0;
  }

  /** rc_read_init: five bytes, the first of which must be zero. */
  initRange(): void {
    if (this.inEnd - this.inPos < 5) throw NEED_INPUT;
    if (this.input[this.inPos] !== 0) throw new LzmaError("data");
    this.code = ((this.input[this.inPos + 1] << 24) | (this.input[this.inPos + 2] << 16) | (this.input[this.inPos + 3] << 8) | this.input[this.inPos + 4]) >>> 0;
    this.inPos += 5;
    this.range = 0xffffffff;
  }

  private nextByte(): number {
    if (this.inPos >= this.inEnd) throw NEED_INPUT;
    return this.input[this.inPos++];
  }

  /** rc_normalize, done before each bit as liblzma does, so a packet ends without reading ahead. */
  normalize(): void {
    if (this.range < 0x1000000) {
      this.code = ((this.code << 8) | this.nextByte()) >>> 0;
      this.range = (this.range << 8) >>> 0;
    }
  }

  private bit(i: number): number {
    this.normalize();
    const p = this.probs[i];
    const bound = (this.range >>> 11) * p;
    if (this.logging) this.undo.push(i, p);
    if (this.code < bound) {
      this.range = bound;
      this.probs[i] = p + ((2048 - p) >>> 5);
      return 0;
    }
    this.range = (this.range - bound) >>> 0;
    this.code = (this.code - bound) >>> 0;
    this.probs[i] = p - (p >>> 5);
    return 1;
  }

  private direct(n: number): number {
    let res = 0;
    for (let k = 0; k < n; k++) {
      this.normalize();
      this.range >>>= 1;
      let b = 0;
      if (this.code >= this.range) {
        this.code = (this.code - this.range) >>> 0;
        b = 1;
      }
      res = ((res << 1) | b) >>> 0;
    }
    return res;
  }

  private tree(base: number, bits: number): number {
    let m = 1;
    for (let k = 0; k < bits; k++) m = (m << 1) | this.bit(base + m);
    return m - (1 << bits);
  }

  private reverseTree(base: number, bits: number): number {
    let m = 1, sym = 0;
    for (let k = 0; k < bits; k++) {
      const b = this.bit(base + m);
      m = (m << 1) | b;
      sym |= b << k;
    }
    return sym;
  }

  private len(base: number, posState: number): number {
    if (this.bit(base) === 0) return this.tree(base + 2 + (posState << 3), 3);
    if (this.bit(base + 1) === 0) return 8 + this.tree(base + 2 + (16 << 3) + (posState << 3), 3);
    return 16 + this.tree(base + 2 + (16 << 3) + (16 << 3), 8);
  }

  /** True when the range coder ended cleanly (rc_is_finished: code == 0). */
  finishedOK(): boolean {
    return this.code === 0;
  }

  /**
   * Decode packets until the dictionary's position since its reset reaches `outLimit` (a match may pass it) or the
   * end marker. With `undoable`, packets near the input's end are logged so that one cut short by the end of the
   * input is undone (LZMA1 streams, whose input may end anywhere). Returns "eopm" at the end marker, "limit" at the limit, "input" when input is exhausted.
   */
  decode(outLimit: number, undoable: boolean): "eopm" | "limit" | "input" {
    const dict = this.dict;
    const pbMask = (1 << this.pb) - 1;
    const lpMask = (1 << this.lp) - 1;
    const lc = this.lc;
    while (dict.total < outLimit) {
      // Save for undo: a packet near the input's end may run out of input halfway through.
      const near = undoable && this.inEnd - this.inPos < 24;
      let sRange = 0, sCode = 0, sPos = 0, sState = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      if (near) {
        sRange = this.range; sCode = this.code; sPos = this.inPos; sState = this.state;
        s0 = this.rep0; s1 = this.rep1; s2 = this.rep2; s3 = this.rep3;
        this.undo.length = 0;
        this.logging = true;
      }
      try {
        const r = this.packet(dict.total, pbMask, lpMask, lc);
        this.logging = false;
        if (r) return "eopm";
      } catch (e) {
        this.logging = false;
        if (e === NEED_INPUT && near) {
          const u = this.undo;
          for (let k = u.length - 2; k >= 0; k -= 2) this.probs[u[k]] = u[k + 1];
          this.range = sRange; this.code = sCode; this.inPos = sPos; this.state = sState;
          this.rep0 = s0; this.rep1 = s1; this.rep2 = s2; this.rep3 = s3;
          return "input";
        }
        throw e;
      }
    }
    return "limit";
  }

  /** One literal or match; the dictionary is written only after the whole packet is read. True at the end marker. */
  private packet(pos: number, pbMask: number, lpMask: number, lc: number): boolean {
    const dict = this.dict;
    const posState = pos & pbMask;
    const st = this.state;
    if (this.bit(this.oIsMatch + (st << kNumPosBitsMax) + posState) === 0) {
      const prev = dict.full > 0 ? dict.get(0) : 0;
      const base = this.oLiteral + 0x300 * (((pos & lpMask) << lc) + (prev >>> (8 - lc)));
      let sym = 1;
      if (st >= 7) {
        if (this.rep0 >= dict.full) throw new LzmaError("data");
        let matchByte = dict.get(this.rep0);
        do {
          const matchBit = (matchByte >>> 7) & 1;
          matchByte <<= 1;
          const b = this.bit(base + ((1 + matchBit) << 8) + sym);
          sym = (sym << 1) | b;
          if (matchBit !== b) break;
        } while (sym < 0x100);
      }
      while (sym < 0x100) sym = (sym << 1) | this.bit(base + sym);
      dict.put(sym & 0xff);
      this.state = st < 4 ? 0 : st < 10 ? st - 3 : st - 6;
      return false;
    }
    let len: number;
    if (this.bit(this.oIsRep + st) !== 0) {
      if (dict.full === 0) throw new LzmaError("data");
      if (this.bit(this.oIsRepG0 + st) === 0) {
        if (this.bit(this.oIsRep0Long + (st << kNumPosBitsMax) + posState) === 0) {
          this.state = st < 7 ? 9 : 11;
          dict.put(dict.get(this.rep0));
          return false;
        }
      } else {
        let dist: number;
        if (this.bit(this.oIsRepG1 + st) === 0) {
          dist = this.rep1;
        } else {
          if (this.bit(this.oIsRepG2 + st) === 0) {
            dist = this.rep2;
          } else {
            dist = this.rep3;
            this.rep3 = this.rep2;
          }
          this.rep2 = this.rep1;
        }
        this.rep1 = this.rep0;
        this.rep0 = dist;
      }
      len = this.len(this.oRepLen, posState);
      this.state = st < 7 ? 8 : 11;
    } else {
      this.rep3 = this.rep2;
      this.rep2 = this.rep1;
      this.rep1 = this.rep0;
      len = this.len(this.oLen, posState);
      this.state = st < 7 ? 7 : 10;
      const lenState = len < kNumLenToPosStates - 1 ? len : kNumLenToPosStates - 1;
      const slot = this.tree(this.oPosSlot + (lenState << 6), 6);
      let dist: number;
      if (slot < 4) {
        dist = slot;
      } else {
        const nd = (slot >>> 1) - 1;
        dist = ((2 | (slot & 1)) << nd) >>> 0;
        if (slot < kEndPosModelIndex) {
          dist = (dist + this.reverseTree(this.oSpecPos + dist - slot, nd)) >>> 0;
        } else {
          dist = (dist + this.direct(nd - 4) * 16) >>> 0;
          dist = (dist + this.reverseTree(this.oAlign, 4)) >>> 0;
        }
      }
      if (dist === 0xffffffff) return true;
      this.rep0 = dist;
    }
    len += kMatchMinLen;
    if (this.rep0 >= dict.full) throw new LzmaError("data");
    dict.copy(this.rep0, len);
    return false;
  }
}
