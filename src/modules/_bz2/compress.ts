// The bzip2 1.0.8 compressor (libbzip2's bzlib.c input stage, blocksort.c's fallbackSort, compress.c's MTF/RLE2
// and sendMTFValues, huffman.c's BZ2_hbMakeCodeLengths), written from their documented algorithms so that the
// output is libbzip2's byte for byte. See docs/modules.md.
import { BZ2_crc32Table } from "./decompress.js";

const BZ_N_GROUPS = 6;
const BZ_G_SIZE = 50;
const BZ_N_ITERS = 4;
const BZ_LESSER_ICOST = 0;
const BZ_GREATER_ICOST = 15;
const BZ_MAX_CODE_LEN_ENC = 17; // lowered from 20 in bzip2 1.0.3

/** A big-endian bit writer (bsW); whole bytes accumulate in `out`. */
class BitWriter {
  out: Uint8Array = new Uint8Array(4096);
  n = 0;
  private buff = 0;
  private live = 0;
  private byte(b: number): void {
    if (this.n === this.out.length) {
      const o = new Uint8Array(this.out.length * 2);
      o.set(this.out);
      this.out = o;
    }
    this.out[this.n++] = b;
  }
  w(bits: number, v: number): void {
    // Up to 24 bits at a time keep the buffer inside 32 bits.
    this.buff = (this.buff << bits) | v;
    this.live += bits;
    while (this.live >= 8) {
      this.live -= 8;
      this.byte((this.buff >>> this.live) & 0xff);
    }
    this.buff &= (1 << this.live) - 1;
  }
  u32(v: number): void {
    this.w(8, (v >>> 24) & 0xff); this.w(8, (v >>> 16) & 0xff); this.w(8, (v >>> 8) & 0xff); this.w(8, v & 0xff);
  }
  /** bsFinishWrite: the last partial byte, zero-padded. */
  finish(): void {
    if (this.live > 0) this.byte((this.buff << (8 - this.live)) & 0xff);
    this.live = 0;
    this.buff = 0;
  }
  take(): Uint8Array {
    const r = this.out.slice(0, this.n);
    this.n = 0;
    return r;
  }
}

/** fallbackSimpleSort: insertion sort of fmap[lo..hi] by eclass, first with stride 4 then 1. */
function fallbackSimpleSort(fmap: Int32Array, eclass: Int32Array, lo: number, hi: number): void {
  if (lo === hi) return;
  if (hi - lo > 3) {
    for (let i = hi - 4; i >= lo; i--) {
      const tmp = fmap[i], ec = eclass[tmp];
      let j = i + 4;
      for (; j <= hi && ec > eclass[fmap[j]]; j += 4) fmap[j - 4] = fmap[j];
      fmap[j - 4] = tmp;
    }
  }
  for (let i = hi - 1; i >= lo; i--) {
    const tmp = fmap[i], ec = eclass[tmp];
    let j = i + 1;
    for (; j <= hi && ec > eclass[fmap[j]]; j++) fmap[j - 1] = fmap[j];
    fmap[j - 1] = tmp;
  }
}

/** fallbackQSort3: three-way quicksort by eclass with the pivot chosen by a small LCG (r*7621+1 mod 32768). */
function fallbackQSort3(fmap: Int32Array, eclass: Int32Array, loSt: number, hiSt: number): void {
  const stackLo: number[] = [loSt], stackHi: number[] = [hiSt];
  let r = 0;
  const vswap = (p1: number, p2: number, n: number): void => {
    while (n > 0) {
      const t = fmap[p1]; fmap[p1] = fmap[p2]; fmap[p2] = t;
      p1++; p2++; n--;
    }
  };
  while (stackLo.length > 0) {
    const lo = stackLo.pop()!, hi = stackHi.pop()!;
    if (hi - lo < 10) {
      fallbackSimpleSort(fmap, eclass, lo, hi);
      continue;
    }
    r = (r * 7621 + 1) % 32768;
    const r3 = r % 3;
    const med = r3 === 0 ? eclass[fmap[lo]] : r3 === 1 ? eclass[fmap[(lo + hi) >> 1]] : eclass[fmap[hi]];
    let unLo = lo, ltLo = lo, unHi = hi, gtHi = hi;
    for (;;) {
      while (unLo <= unHi) {
        const n = eclass[fmap[unLo]] - med;
        if (n === 0) { const t = fmap[unLo]; fmap[unLo] = fmap[ltLo]; fmap[ltLo] = t; ltLo++; unLo++; continue; }
        if (n > 0) break;
        unLo++;
      }
      while (unLo <= unHi) {
        const n = eclass[fmap[unHi]] - med;
        if (n === 0) { const t = fmap[unHi]; fmap[unHi] = fmap[gtHi]; fmap[gtHi] = t; gtHi--; unHi--; continue; }
        if (n < 0) break;
        unHi--;
      }
      if (unLo > unHi) break;
      const t = fmap[unLo]; fmap[unLo] = fmap[unHi]; fmap[unHi] = t;
      unLo++; unHi--;
    }
    if (gtHi < ltLo) continue;
    let n = Math.min(ltLo - lo, unLo - ltLo);
    vswap(lo, unLo - n, n);
    let m = Math.min(hi - gtHi, gtHi - unHi);
    vswap(unLo, hi - m + 1, m);
    n = lo + unLo - ltLo - 1;
    m = hi - (gtHi - unHi) + 1;
    if (n - lo > hi - m) {
      stackLo.push(lo); stackHi.push(n);
      stackLo.push(m); stackHi.push(hi);
    } else {
      stackLo.push(m); stackHi.push(hi);
      stackLo.push(lo); stackHi.push(n);
    }
  }
}

/**
 * fallbackSort: the rotations of block[0..n) sorted by prefix doubling (bucket heads as bits, groups refined with
 * fallbackQSort3 on the rank H positions ahead). Equal rotations (a periodic block) stay in the order it leaves them,
 * which fixes origPtr as libbzip2 does.
 */
function fallbackSort(block: Uint8Array, n: number): Int32Array {
  const fmap = new Int32Array(n);
  const eclass = new Int32Array(n);
  const bh = new Uint8Array(n + 66);
  const ftab = new Int32Array(257);
  for (let i = 0; i < n; i++) ftab[block[i]]++;
  for (let i = 1; i < 257; i++) ftab[i] += ftab[i - 1];
  for (let i = 0; i < n; i++) {
    const k = --ftab[block[i]];
    fmap[k] = i;
  }
  for (let i = 0; i < 256; i++) bh[ftab[i]] = 1;
  for (let i = 0; i < 32; i++) { bh[n + 2 * i] = 1; bh[n + 2 * i + 1] = 0; }
  let H = 1;
  for (;;) {
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (bh[i]) j = i;
      let k = fmap[i] - H;
      if (k < 0) k += n;
      eclass[k] = j;
    }
    let nNotDone = 0;
    let r = -1;
    for (;;) {
      let k = r + 1;
      while (bh[k]) k++;
      const l = k - 1;
      if (l >= n) break;
      while (!bh[k]) k++;
      r = k - 1;
      if (r >= n) break;
      if (r > l) {
        nNotDone += r - l + 1;
        fallbackQSort3(fmap, eclass, l, r);
        let cc = -1;
        for (let i = l; i <= r; i++) {
          const cc1 = eclass[fmap[i]];
          if (cc !== cc1) { bh[i] = 1; cc = cc1; }
        }
      }
    }
    H *= 2;
    if (H > n || nNotDone === 0) break;
  }
  return fmap;
}

/** BZ2_hbMakeCodeLengths: Huffman code lengths from a heap of weights (depth in the low byte), capped at maxLen by
 *  halving the frequencies and rebuilding. */
function hbMakeCodeLengths(len: Uint8Array, freq: Int32Array, alphaSize: number, maxLen: number): void {
  const heap = new Int32Array(260);
  const weight = new Int32Array(516);
  const parent = new Int32Array(516);
  for (let i = 0; i < alphaSize; i++) weight[i + 1] = (freq[i] === 0 ? 1 : freq[i]) << 8;
  for (;;) {
    let nNodes = alphaSize, nHeap = 0;
    heap[0] = 0; weight[0] = 0; parent[0] = -2;
    const up = (z: number): void => {
      const tmp = heap[z];
      while (weight[tmp] < weight[heap[z >> 1]]) { heap[z] = heap[z >> 1]; z >>= 1; }
      heap[z] = tmp;
    };
    const down = (z: number): void => {
      const tmp = heap[z];
      for (;;) {
        let y = z << 1;
        if (y > nHeap) break;
        if (y < nHeap && weight[heap[y + 1]] < weight[heap[y]]) y++;
        if (weight[tmp] < weight[heap[y]]) break;
        heap[z] = heap[y];
        z = y;
      }
      heap[z] = tmp;
    };
    for (let i = 1; i <= alphaSize; i++) {
      parent[i] = -1;
      heap[++nHeap] = i;
      up(nHeap);
    }
    while (nHeap > 1) {
      const n1 = heap[1]; heap[1] = heap[nHeap--]; down(1);
      const n2 = heap[1]; heap[1] = heap[nHeap--]; down(1);
      nNodes++;
      parent[n1] = parent[n2] = nNodes;
      const w1 = weight[n1], w2 = weight[n2];
      weight[nNodes] = ((w1 & 0xffffff00) + (w2 & 0xffffff00)) | (1 + Math.max(w1 & 0xff, w2 & 0xff));
      parent[nNodes] = -1;
      heap[++nHeap] = nNodes;
      up(nHeap);
    }
    let tooLong = false;
    for (let i = 1; i <= alphaSize; i++) {
      let j = 0, k = i;
      while (parent[k] >= 0) { k = parent[k]; j++; }
      len[i - 1] = j;
      if (j > maxLen) tooLong = true;
    }
    if (!tooLong) break;
    for (let i = 1; i <= alphaSize; i++) {
      const j = 1 + Math.floor((weight[i] >> 8) / 2);
      weight[i] = j << 8;
    }
  }
}

export class Bz2Encoder {
  private readonly blockSize100k: number;
  private readonly nblockMAX: number;
  private block: Uint8Array;
  private nblock = 0;
  private inUse = new Uint8Array(256);
  private blockCRC = 0xffffffff;
  private combinedCRC = 0;
  private blockNo = 0;
  private stateInCh = 256;
  private stateInLen = 0;
  private readonly bw = new BitWriter();

  constructor(level: number) {
    this.blockSize100k = level;
    this.nblockMAX = 100000 * level - 19;
    this.block = new Uint8Array(100000 * level + 8);
    this.blockNo = 1;
  }

  /** add_pair_to_block: a run of 1-255 equal bytes, with RLE1's count byte from 4 on. */
  private addPair(): void {
    const ch = this.stateInCh, len = this.stateInLen;
    let crc = this.blockCRC;
    for (let i = 0; i < len; i++) crc = (crc << 8) ^ BZ2_crc32Table[((crc >>> 24) ^ ch) & 0xff];
    this.blockCRC = crc;
    this.inUse[ch] = 1;
    const b = this.block;
    if (len < 4) {
      for (let i = 0; i < len; i++) b[this.nblock++] = ch;
    } else {
      this.inUse[len - 4] = 1;
      b[this.nblock++] = ch; b[this.nblock++] = ch; b[this.nblock++] = ch; b[this.nblock++] = ch;
      b[this.nblock++] = len - 4;
    }
  }

  compress(data: Uint8Array): Uint8Array {
    for (let i = 0; i < data.length; i++) {
      if (this.nblock >= this.nblockMAX) this.compressBlock(false);
      const c = data[i];
      if (c !== this.stateInCh || this.stateInLen === 255) {
        if (this.stateInCh < 256) this.addPair();
        this.stateInCh = c;
        this.stateInLen = 1;
      } else {
        this.stateInLen++;
      }
    }
    if (this.nblock >= this.nblockMAX) this.compressBlock(false);
    return this.bw.take();
  }

  finish(): Uint8Array {
    if (this.stateInCh < 256) this.addPair();
    this.stateInCh = 256;
    this.stateInLen = 0;
    this.compressBlock(true);
    return this.bw.take();
  }

  /** BZ2_compressBlock. */
  private compressBlock(last: boolean): void {
    const bw = this.bw;
    const n = this.nblock;
    let origPtr = 0;
    let fmap: Int32Array | null = null;
    if (n > 0) {
      this.blockCRC = ~this.blockCRC >>> 0;
      this.combinedCRC = (((this.combinedCRC << 1) | (this.combinedCRC >>> 31)) ^ this.blockCRC) >>> 0;
      fmap = fallbackSort(this.block, n);
      for (let i = 0; i < n; i++) if (fmap[i] === 0) { origPtr = i; break; }
    }
    if (this.blockNo === 1) {
      bw.w(8, 0x42); bw.w(8, 0x5a); bw.w(8, 0x68); bw.w(8, 0x30 + this.blockSize100k);
    }
    if (n > 0) {
      bw.w(8, 0x31); bw.w(8, 0x41); bw.w(8, 0x59); bw.w(8, 0x26); bw.w(8, 0x53); bw.w(8, 0x59);
      bw.u32(this.blockCRC);
      bw.w(1, 0);
      bw.w(24, origPtr);
      this.sendMTFValues(fmap!, n);
    }
    if (last) {
      bw.w(8, 0x17); bw.w(8, 0x72); bw.w(8, 0x45); bw.w(8, 0x38); bw.w(8, 0x50); bw.w(8, 0x90);
      bw.u32(this.combinedCRC);
      bw.finish();
    }
    this.blockNo++;
    this.nblock = 0;
    this.inUse.fill(0);
    this.blockCRC = 0xffffffff;
  }

  /** generateMTFValues + sendMTFValues. */
  private sendMTFValues(fmap: Int32Array, n: number): void {
    const bw = this.bw;
    const block = this.block;
    const unseqToSeq = new Uint8Array(256);
    let nInUse = 0;
    for (let i = 0; i < 256; i++) if (this.inUse[i]) unseqToSeq[i] = nInUse++;
    const EOB = nInUse + 1;
    const alphaSize = nInUse + 2;
    const mtfFreq = new Int32Array(258);
    const mtfv = new Uint16Array(n + 1);
    let wr = 0, zPend = 0;
    const yy = new Uint8Array(256);
    for (let i = 0; i < nInUse; i++) yy[i] = i;
    const flushRun = (): void => {
      zPend--;
      for (;;) {
        const s = zPend & 1;
        mtfv[wr++] = s;
        mtfFreq[s]++;
        if (zPend < 2) break;
        zPend = (zPend - 2) >> 1;
      }
      zPend = 0;
    };
    for (let i = 0; i < n; i++) {
      let j = fmap[i] - 1;
      if (j < 0) j += n;
      const ll = unseqToSeq[block[j]];
      if (yy[0] === ll) {
        zPend++;
        continue;
      }
      if (zPend > 0) flushRun();
      let k = 1;
      while (yy[k] !== ll) k++;
      yy.copyWithin(1, 0, k);
      yy[0] = ll;
      mtfv[wr++] = k + 1;
      mtfFreq[k + 1]++;
    }
    if (zPend > 0) flushRun();
    mtfv[wr++] = EOB;
    mtfFreq[EOB]++;
    const nMTF = wr;

    const len: Uint8Array[] = [];
    for (let t = 0; t < BZ_N_GROUPS; t++) len.push(new Uint8Array(258).fill(BZ_GREATER_ICOST));
    const nGroups = nMTF < 200 ? 2 : nMTF < 600 ? 3 : nMTF < 1200 ? 4 : nMTF < 2400 ? 5 : 6;
    // The initial tables: consecutive symbol ranges of about equal frequency.
    {
      let nPart = nGroups, remF = nMTF, gs = 0;
      while (nPart > 0) {
        const tFreq = Math.floor(remF / nPart);
        let ge = gs - 1, aFreq = 0;
        while (aFreq < tFreq && ge < alphaSize - 1) {
          ge++;
          aFreq += mtfFreq[ge];
        }
        if (ge > gs && nPart !== nGroups && nPart !== 1 && (nGroups - nPart) % 2 === 1) {
          aFreq -= mtfFreq[ge];
          ge--;
        }
        const l = len[nPart - 1];
        for (let v = 0; v < alphaSize; v++) l[v] = v >= gs && v <= ge ? BZ_LESSER_ICOST : BZ_GREATER_ICOST;
        nPart--;
        gs = ge + 1;
        remF -= aFreq;
      }
    }
    const nSelMax = Math.ceil(nMTF / BZ_G_SIZE);
    const selector = new Uint8Array(nSelMax);
    let nSelectors = 0;
    const rfreq: Int32Array[] = [];
    for (let t = 0; t < BZ_N_GROUPS; t++) rfreq.push(new Int32Array(258));
    const cost = new Int32Array(BZ_N_GROUPS);
    for (let iter = 0; iter < BZ_N_ITERS; iter++) {
      for (let t = 0; t < nGroups; t++) rfreq[t].fill(0);
      nSelectors = 0;
      for (let gs = 0; gs < nMTF; gs += BZ_G_SIZE) {
        const ge = Math.min(gs + BZ_G_SIZE - 1, nMTF - 1);
        cost.fill(0);
        for (let i = gs; i <= ge; i++) {
          const v = mtfv[i];
          for (let t = 0; t < nGroups; t++) cost[t] += len[t][v];
        }
        let bc = 999999999, bt = -1;
        for (let t = 0; t < nGroups; t++) if (cost[t] < bc) { bc = cost[t]; bt = t; }
        selector[nSelectors++] = bt;
        const f = rfreq[bt];
        for (let i = gs; i <= ge; i++) f[mtfv[i]]++;
      }
      for (let t = 0; t < nGroups; t++) hbMakeCodeLengths(len[t], rfreq[t], alphaSize, BZ_MAX_CODE_LEN_ENC);
    }
    // Selectors, MTF-coded.
    const selectorMtf = new Uint8Array(nSelectors);
    {
      const pos = [0, 1, 2, 3, 4, 5];
      for (let i = 0; i < nSelectors; i++) {
        const v = selector[i];
        let j = 0;
        while (pos[j] !== v) j++;
        for (let k = j; k > 0; k--) pos[k] = pos[k - 1];
        pos[0] = v;
        selectorMtf[i] = j;
      }
    }
    // BZ2_hbAssignCodes: canonical codes by length, then symbol.
    const code: Int32Array[] = [];
    for (let t = 0; t < nGroups; t++) {
      const l = len[t];
      let minLen = 32, maxLen = 0;
      for (let i = 0; i < alphaSize; i++) { if (l[i] > maxLen) maxLen = l[i]; if (l[i] < minLen) minLen = l[i]; }
      const c = new Int32Array(258);
      let vec = 0;
      for (let m = minLen; m <= maxLen; m++) {
        for (let i = 0; i < alphaSize; i++) if (l[i] === m) c[i] = vec++;
        vec <<= 1;
      }
      code.push(c);
    }
    // The symbol map, the selectors, the tables (delta-coded lengths), then the data.
    const inUse16 = new Uint8Array(16);
    for (let i = 0; i < 16; i++) for (let j = 0; j < 16; j++) if (this.inUse[i * 16 + j]) inUse16[i] = 1;
    for (let i = 0; i < 16; i++) bw.w(1, inUse16[i]);
    for (let i = 0; i < 16; i++) if (inUse16[i]) for (let j = 0; j < 16; j++) bw.w(1, this.inUse[i * 16 + j]);
    bw.w(3, nGroups);
    bw.w(15, nSelectors);
    for (let i = 0; i < nSelectors; i++) {
      for (let j = 0; j < selectorMtf[i]; j++) bw.w(1, 1);
      bw.w(1, 0);
    }
    for (let t = 0; t < nGroups; t++) {
      const l = len[t];
      let curr = l[0];
      bw.w(5, curr);
      for (let i = 0; i < alphaSize; i++) {
        while (curr < l[i]) { bw.w(2, 2); curr++; }
        while (curr > l[i]) { bw.w(2, 3); curr--; }
        bw.w(1, 0);
      }
    }
    let sel = 0;
    for (let gs = 0; gs < nMTF; gs += BZ_G_SIZE) {
      const ge = Math.min(gs + BZ_G_SIZE - 1, nMTF - 1);
      const l = len[selector[sel]], c = code[selector[sel]];
      for (let i = gs; i <= ge; i++) bw.w(l[mtfv[i]], c[mtfv[i]]);
      sel++;
    }
  }
}
