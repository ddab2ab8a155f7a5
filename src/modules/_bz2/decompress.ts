// A resumable bzip2 1.0.8 stream decoder (libbzip2's decompress.c and the BZ2_bzDecompress state machine), as
// documented by the .bz2 format: stream header, blocks (tables, MTF/RLE2 symbols, inverse BWT, RLE1), CRCs.
// Used by src/modules/_bz2/_bz2module.ts (Modules/_bz2module.c's BZ2Decompressor). See docs/modules.md.

/** libbzip2's BZ_DATA_ERROR / BZ_DATA_ERROR_MAGIC: CPython reports both as OSError("Invalid data stream"). */
export class Bz2DataError extends Error {}

/** The bzip2 CRC: CRC-32 with polynomial 0x04c11db7, MSB first (crctable.c's table, computed here). */
export const BZ2_crc32Table: Uint32Array = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    t[i] = c >>> 0;
  }
  return t;
})();

/** randtable.c's BZ2_rNums: the run lengths of the obsolete "randomised block" mode (still decoded). */
const BZ2_rNums = [
  619, 720, 127, 481, 931, 816, 813, 233, 566, 247, 985, 724, 205, 454, 863, 491, 741, 242, 949, 214, 733, 859, 335,
  708, 621, 574, 73, 654, 730, 472, 419, 436, 278, 496, 867, 210, 399, 680, 480, 51, 878, 465, 811, 169, 869, 675, 611,
  697, 867, 561, 862, 687, 507, 283, 482, 129, 807, 591, 733, 623, 150, 238, 59, 379, 684, 877, 625, 169, 643, 105, 170,
  607, 520, 932, 727, 476, 693, 425, 174, 647, 73, 122, 335, 530, 442, 853, 695, 249, 445, 515, 909, 545, 703, 919, 874,
  474, 882, 500, 594, 612, 641, 801, 220, 162, 819, 984, 589, 513, 495, 799, 161, 604, 958, 533, 221, 400, 386, 867, 600,
  782, 382, 596, 414, 171, 516, 375, 682, 485, 911, 276, 98, 553, 163, 354, 666, 933, 424, 341, 533, 870, 227, 730, 475,
  186, 263, 647, 537, 686, 600, 224, 469, 68, 770, 919, 190, 373, 294, 822, 808, 206, 184, 943, 795, 384, 383, 461, 404,
  758, 839, 887, 715, 67, 618, 276, 204, 918, 873, 777, 604, 560, 951, 160, 578, 722, 79, 804, 96, 409, 713, 940, 652,
  934, 970, 447, 318, 353, 859, 672, 112, 785, 645, 863, 803, 350, 139, 93, 354, 99, 820, 908, 609, 772, 154, 274, 580,
  184, 79, 626, 630, 742, 653, 282, 762, 623, 680, 81, 927, 626, 789, 125, 411, 521, 938, 300, 821, 78, 343, 175, 128,
  250, 170, 774, 972, 275, 999, 639, 495, 78, 352, 126, 857, 956, 358, 619, 580, 124, 737, 594, 701, 612, 669, 112, 134,
  694, 363, 992, 809, 743, 168, 974, 944, 375, 748, 52, 600, 747, 642, 182, 862, 81, 344, 805, 988, 739, 511, 655, 814,
  334, 249, 515, 897, 955, 664, 981, 649, 113, 974, 459, 893, 228, 433, 837, 553, 268, 926, 240, 102, 654, 459, 51, 686,
  754, 806, 760, 493, 403, 415, 394, 687, 700, 946, 670, 656, 610, 738, 392, 760, 799, 887, 653, 978, 321, 576, 617, 626,
  502, 894, 679, 243, 440, 680, 879, 194, 572, 640, 724, 926, 56, 204, 700, 707, 151, 457, 449, 797, 195, 791, 558, 945,
  679, 297, 59, 87, 824, 713, 663, 412, 693, 342, 606, 134, 108, 571, 364, 631, 212, 174, 643, 304, 329, 343, 97, 430,
  751, 497, 314, 983, 374, 822, 928, 140, 206, 73, 263, 980, 736, 876, 478, 430, 305, 170, 514, 364, 692, 829, 82, 855,
  953, 676, 246, 369, 970, 294, 750, 807, 827, 150, 790, 288, 923, 804, 378, 215, 828, 592, 281, 565, 555, 710, 82, 896,
  831, 547, 261, 524, 462, 293, 465, 502, 56, 661, 821, 976, 991, 658, 869, 905, 758, 745, 193, 768, 550, 608, 933, 378,
  286, 215, 979, 792, 961, 61, 688, 793, 644, 986, 403, 106, 366, 905, 644, 372, 567, 466, 434, 645, 210, 389, 550, 919,
  135, 780, 773, 635, 389, 707, 100, 626, 958, 165, 504, 920, 176, 193, 713, 857, 265, 203, 50, 668, 108, 645, 990, 626,
  197, 510, 357, 358, 850, 858, 364, 936, 638,
] as const;

const BZ_MAX_GROUPS = 6;
const BZ_G_SIZE = 50;
const BZ_MAX_SELECTORS = 18002; // 2 + 900000 / BZ_G_SIZE
const BZ_MAX_CODE_LEN = 20;

/** Thrown inside a parse when the input ends: the caller rolls back to its checkpoint and waits for more. */
const NEED_INPUT: unique symbol = Symbol("need input");

type Phase = "header" | "block" | "symbols" | "end";

/** One decoding table of a block: canonical Huffman codes as limit/base/perm per length (decompress.c's hbCreateDecodeTables). */
class Bz2Table {
  readonly limit = new Int32Array(BZ_MAX_CODE_LEN + 2);
  readonly base = new Int32Array(BZ_MAX_CODE_LEN + 2);
  readonly perm = new Int32Array(258);
  minLen = 0;
  maxLen = 0;
  build(lens: Uint8Array, alphaSize: number): void {
    let minLen = 32, maxLen = 0;
    for (let i = 0; i < alphaSize; i++) {
      if (lens[i] > maxLen) maxLen = lens[i];
      if (lens[i] < minLen) minLen = lens[i];
    }
    this.minLen = minLen;
    this.maxLen = maxLen;
    let pp = 0;
    for (let l = minLen; l <= maxLen; l++) for (let s = 0; s < alphaSize; s++) if (lens[s] === l) this.perm[pp++] = s;
    const count = new Int32Array(BZ_MAX_CODE_LEN + 2);
    for (let s = 0; s < alphaSize; s++) count[lens[s]]++;
    // code = first code of each length; limit = last code of the length; base maps code -> index into perm.
    let code = 0, idx = 0;
    for (let l = 0; l <= BZ_MAX_CODE_LEN + 1; l++) { this.limit[l] = -1; this.base[l] = 0; }
    for (let l = minLen; l <= maxLen; l++) {
      this.base[l] = idx - code;
      code += count[l];
      idx += count[l];
      this.limit[l] = code - 1;
      code <<= 1;
    }
  }
}

export class Bz2Decoder {
  /** Unconsumed input (bytes before bitPos >> 3 are dropped when the buffer is compacted). */
  private buf: Uint8Array = new Uint8Array(0);
  private bitPos = 0;
  private phase: Phase = "header";
  eof = false;
  /** The last decompress() stopped because the input ran out (not at max_length). */
  stalled = false;
  /** Decoded bytes not yet handed out (a whole block is decoded at once). */
  private out: Uint8Array = new Uint8Array(0);
  private outPos = 0;
  private blockSize100k = 0;
  private combinedCRC = 0;
  // The block being decoded.
  private blockCRC = 0;
  private randomised = false;
  private origPtr = 0;
  private seqToUnseq = new Uint8Array(256);
  private nInUse = 0;
  private nGroups = 0;
  private selectors = new Uint8Array(BZ_MAX_SELECTORS);
  private nSelectors = 0;
  private tables: Bz2Table[] = [new Bz2Table(), new Bz2Table(), new Bz2Table(), new Bz2Table(), new Bz2Table(), new Bz2Table()];
  private tt = new Uint32Array(0);
  private unzftab = new Int32Array(256);
  private mtf = new Uint8Array(256);
  // Symbol-stage state, saved between calls at symbol boundaries.
  private nblock = 0;
  private groupNo = -1;
  private groupPos = 0;
  private runN = 0;
  private runAcc = 0;
  private inRun = false;

  /** Bits available from bitPos. */
  private bits(n: number): number {
    const end = this.bitPos + n;
    if (end > this.buf.length * 8) throw NEED_INPUT;
    let v = 0;
    let p = this.bitPos;
    while (p < end) {
      const take = Math.min(8 - (p & 7), end - p);
      const byte = this.buf[p >> 3];
      v = v * (1 << take) + ((byte >> (8 - (p & 7) - take)) & ((1 << take) - 1));
      p += take;
    }
    this.bitPos = end;
    return v;
  }
  private bit(): number {
    const p = this.bitPos;
    if (p >= this.buf.length * 8) throw NEED_INPUT;
    this.bitPos = p + 1;
    return (this.buf[p >> 3] >> (7 - (p & 7))) & 1;
  }

  /** Bytes still in the buffer after the end of the stream (whole bytes after the end-of-stream CRC). */
  unusedData(): Uint8Array {
    return this.buf.subarray((this.bitPos + 7) >> 3);
  }

  /** True when output is waiting to be handed out. */
  hasPendingOutput(): boolean {
    return this.outPos < this.out.length;
  }

  /** True when the decoder consumed all its input (BZ2Decompressor's needs_input when no output waits). */
  inputExhausted(): boolean {
    return this.phase !== "end" && !this.hasPendingOutput();
  }

  /** Feed `data` and return up to maxLength decoded bytes (-1: all that can be decoded). */
  decompress(data: Uint8Array, maxLength: number): Uint8Array {
    if (data.length > 0) {
      const keep = this.bitPos >> 3;
      const rest = this.buf.subarray(keep);
      const nb = new Uint8Array(rest.length + data.length);
      nb.set(rest);
      nb.set(data, rest.length);
      this.buf = nb;
      this.bitPos -= keep * 8;
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const limit = maxLength < 0 ? Infinity : maxLength;
    for (;;) {
      if (this.outPos < this.out.length) {
        const n = Math.min(this.out.length - this.outPos, limit - total);
        if (n <= 0) break;
        chunks.push(this.out.subarray(this.outPos, this.outPos + n));
        this.outPos += n;
        total += n;
        continue;
      }
      this.stalled = false;
      if (total >= limit || this.phase === "end") break;
      if (!this.step()) { this.stalled = true; break; }
    }
    if (chunks.length === 1) return chunks[0].slice();
    const res = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) { res.set(c, o); o += c.length; }
    return res;
  }

  /** Advance one stage; false when more input is needed. */
  private step(): boolean {
    const save = this.bitPos;
    try {
      switch (this.phase) {
        case "header": {
          const b = this.bits(8), z = this.bits(8), h = this.bits(8), lv = this.bits(8);
          if (b !== 0x42 || z !== 0x5a || h !== 0x68 || lv < 0x31 || lv > 0x39) throw new Bz2DataError("magic");
          this.blockSize100k = lv - 0x30;
          this.tt = new Uint32Array(this.blockSize100k * 100000);
          this.combinedCRC = 0;
          this.phase = "block";
          return true;
        }
        case "block":
          this.readBlockHeader();
          return true;
        case "symbols":
          this.readSymbols();
          return true;
        case "end":
          return false;
        default: {
          const never: never = this.phase;
          return never;
        }
      }
    } catch (e) {
      if (e === NEED_INPUT) {
        // The symbol stage keeps its progress (checkpointed per symbol); other stages restart.
        if (this.phase !== "symbols") this.bitPos = save;
        return false;
      }
      throw e;
    }
  }

  private readBlockHeader(): void {
    const m1 = this.bits(24), m2 = this.bits(24);
    if (m1 === 0x177245 && m2 === 0x385090) {
      const crc = this.bits(32) >>> 0;
      if (crc !== this.combinedCRC >>> 0) throw new Bz2DataError("combined CRC");
      this.phase = "end";
      this.eof = true;
      return;
    }
    if (m1 !== 0x314159 || m2 !== 0x265359) throw new Bz2DataError("block magic");
    this.blockCRC = this.bits(32) >>> 0;
    this.randomised = this.bit() === 1;
    this.origPtr = this.bits(24);
    if (this.origPtr > 10 + 100000 * this.blockSize100k) throw new Bz2DataError("origPtr");
    const used16 = this.bits(16);
    this.nInUse = 0;
    for (let i = 0; i < 16; i++) {
      if (used16 & (0x8000 >> i)) {
        const bitsRow = this.bits(16);
        for (let j = 0; j < 16; j++) if (bitsRow & (0x8000 >> j)) this.seqToUnseq[this.nInUse++] = i * 16 + j;
      }
    }
    if (this.nInUse === 0) throw new Bz2DataError("no symbols");
    const alphaSize = this.nInUse + 2;
    const nGroups = this.bits(3);
    if (nGroups < 2 || nGroups > BZ_MAX_GROUPS) throw new Bz2DataError("groups");
    const nSelectors = this.bits(15);
    if (nSelectors < 1) throw new Bz2DataError("selectors");
    // Selectors, MTF-coded in unary; bzip2 1.0.8 reads but ignores those past BZ_MAX_SELECTORS.
    const pos = [0, 1, 2, 3, 4, 5];
    let kept = 0;
    for (let i = 0; i < nSelectors; i++) {
      let j = 0;
      while (this.bit() === 1) {
        j++;
        if (j >= nGroups) throw new Bz2DataError("selector");
      }
      const v = pos[j];
      for (let k = j; k > 0; k--) pos[k] = pos[k - 1];
      pos[0] = v;
      if (i < BZ_MAX_SELECTORS) this.selectors[kept++] = v;
    }
    this.nSelectors = kept;
    this.nGroups = nGroups;
    const lens = new Uint8Array(258);
    for (let t = 0; t < nGroups; t++) {
      let curr = this.bits(5);
      for (let i = 0; i < alphaSize; i++) {
        for (;;) {
          if (curr < 1 || curr > BZ_MAX_CODE_LEN) throw new Bz2DataError("code length");
          if (this.bit() === 0) break;
          curr += this.bit() === 0 ? 1 : -1;
        }
        lens[i] = curr;
      }
      this.tables[t].build(lens, alphaSize);
    }
    for (let i = 0; i < 256; i++) this.mtf[i] = i;
    this.unzftab.fill(0);
    this.nblock = 0;
    this.groupNo = -1;
    this.groupPos = 0;
    this.inRun = false;
    this.runN = 0;
    this.runAcc = 0;
    this.phase = "symbols";
  }

  /** Decode one Huffman symbol with the current group's table. */
  private symbol(): number {
    if (this.groupPos === 0) {
      this.groupNo++;
      if (this.groupNo >= this.nSelectors) throw new Bz2DataError("selector overrun");
      this.groupPos = BZ_G_SIZE;
    }
    const t = this.tables[this.selectors[this.groupNo]];
    let zn = t.minLen;
    let zvec = this.bits(zn);
    while (zn <= BZ_MAX_CODE_LEN && zvec > t.limit[zn]) {
      zn++;
      if (zn > BZ_MAX_CODE_LEN) throw new Bz2DataError("code");
      zvec = zvec * 2 + this.bit();
    }
    const idx = zvec + t.base[zn];
    if (idx < 0 || idx >= 258) throw new Bz2DataError("code");
    this.groupPos--;
    return t.perm[idx];
  }

  private readSymbols(): void {
    const EOB = this.nInUse + 1;
    const nblockMAX = 100000 * this.blockSize100k;
    const tt = this.tt;
    for (;;) {
      // Checkpoint: a symbol that runs out of input is read again from here.
      const savePos = this.bitPos, saveG = this.groupNo, saveGP = this.groupPos;
      let sym: number;
      try {
        sym = this.symbol();
      } catch (e) {
        if (e === NEED_INPUT) { this.bitPos = savePos; this.groupNo = saveG; this.groupPos = saveGP; }
        throw e;
      }
      if (sym <= 1) {
        // RUNA/RUNB: a bijective base-2 run length of the front MTF symbol.
        if (!this.inRun) { this.inRun = true; this.runN = 1; this.runAcc = 0; }
        if (this.runN >= 2 * 1024 * 1024) throw new Bz2DataError("run");
        this.runAcc += sym === 0 ? this.runN : 2 * this.runN;
        this.runN *= 2;
        continue;
      }
      if (this.inRun) {
        this.inRun = false;
        const uc = this.seqToUnseq[this.mtf[0]];
        const es = this.runAcc;
        if (this.nblock + es > nblockMAX) throw new Bz2DataError("block overrun");
        this.unzftab[uc] += es;
        tt.fill(uc, this.nblock, this.nblock + es);
        this.nblock += es;
      }
      if (sym === EOB) break;
      if (this.nblock >= nblockMAX) throw new Bz2DataError("block overrun");
      const j = sym - 1;
      const v = this.mtf[j];
      this.mtf.copyWithin(1, 0, j);
      this.mtf[0] = v;
      const uc = this.seqToUnseq[v];
      this.unzftab[uc]++;
      tt[this.nblock++] = uc;
    }
    if (this.origPtr < 0 || this.origPtr >= this.nblock) throw new Bz2DataError("origPtr");
    this.finishBlock();
    this.phase = "block";
  }

  /** Inverse BWT, de-randomisation, RLE1 decoding and the block CRC check. */
  private finishBlock(): void {
    const nblock = this.nblock;
    const tt = this.tt;
    const cftab = new Int32Array(257);
    for (let i = 0; i < 256; i++) cftab[i + 1] = cftab[i] + this.unzftab[i];
    // tt[i] low 8 bits: the byte; high 24 bits: the link to the next position.
    for (let i = 0; i < nblock; i++) {
      const uc = tt[i] & 0xff;
      tt[cftab[uc]] |= i << 8;
      cftab[uc]++;
    }
    let tPos = tt[this.origPtr] >>> 8;
    let rNToGo = 0, rTPos = 0;
    const randomised = this.randomised;
    const next = (): number => {
      const w = tt[tPos];
      tPos = w >>> 8;
      let b = w & 0xff;
      if (randomised) {
        if (rNToGo === 0) { rNToGo = BZ2_rNums[rTPos]; rTPos = (rTPos + 1) & 511; }
        rNToGo--;
        if (rNToGo === 1) b ^= 1;
      }
      return b;
    };
    // RLE1: four equal bytes are followed by a count (0..255) of further copies.
    let cap = nblock + (nblock >> 2) + 16;
    let out = new Uint8Array(cap);
    let o = 0;
    let crc = 0xffffffff;
    const T = BZ2_crc32Table;
    let last = -1, run = 0;
    for (let k = 0; k < nblock; k++) {
      const b = next();
      let reps = 1;
      let byte = b;
      if (run === 4) {
        reps = b;
        byte = last;
        run = 0;
      } else if (b === last) {
        run++;
      } else {
        last = b;
        run = 1;
      }
      if (o + reps > cap) {
        cap = Math.max(cap * 2, o + reps);
        const n2 = new Uint8Array(cap);
        n2.set(out.subarray(0, o));
        out = n2;
      }
      for (let r = 0; r < reps; r++) {
        out[o++] = byte;
        crc = (crc << 8) ^ T[((crc >>> 24) ^ byte) & 0xff];
      }
    }
    crc = ~crc >>> 0;
    tt.fill(0, 0, nblock);
    if (crc !== this.blockCRC) throw new Bz2DataError("block CRC");
    this.combinedCRC = (((this.combinedCRC << 1) | (this.combinedCRC >>> 31)) ^ crc) >>> 0;
    this.out = out.subarray(0, o);
    this.outPos = 0;
  }
}
