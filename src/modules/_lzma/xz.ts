// liblzma's stream decoders as _lzmamodule.c uses them: lzma_auto_decoder, lzma_stream_decoder (.xz: stream
// header, blocks, index, footer, checks), lzma_alone_decoder (.lzma) and lzma_raw_decoder, with the LZMA2 chunk
// decoder (lzma2_decoder.c) and the delta filter. Written from the .xz file format specification 1.1.0.
import { crc32 } from "../zlib/crc32.js";
import { sha256 } from "../_hashlib_impl/sha2module.js";
import { LzDict, LzmaDecoder, LzmaError, NEED_INPUT, decodePropsByte } from "./lzma_decoder.js";

export const FORMAT_AUTO = 0, FORMAT_XZ = 1, FORMAT_ALONE = 2, FORMAT_RAW = 3;
export const CHECK_NONE = 0, CHECK_CRC32 = 1, CHECK_CRC64 = 4, CHECK_SHA256 = 10, CHECK_ID_MAX = 15, CHECK_UNKNOWN = 16;
export const FILTER_LZMA1 = 0x4000000000000001n, FILTER_LZMA2 = 0x21n, FILTER_DELTA = 3n, FILTER_X86 = 4n;

/** A filter of a chain, as the module's filter dicts and the .xz block headers describe it. */
export interface FilterSpec {
  id: bigint;
  dictSize: number;
  lc: number;
  lp: number;
  pb: number;
  /** delta: distance; BCJ: start offset. */
  dist: number;
}

/** The check's size in bytes by id (the .xz specification's table 3.1.2). */
export function checkSize(id: number): number {
  return id === 0 ? 0 : 4 << Math.floor((id - 1) / 3);
}

export function isCheckSupported(id: number): boolean {
  return id === CHECK_NONE || id === CHECK_CRC32 || id === CHECK_CRC64 || id === CHECK_SHA256;
}

// CRC-64/XZ (ECMA-182 polynomial, reflected), as two 32-bit halves.
const CRC64_LO = new Uint32Array(256), CRC64_HI = new Uint32Array(256);
{
  const polyLo = 0xd7870f42, polyHi = 0xc96c5795;
  for (let i = 0; i < 256; i++) {
    let lo = i, hi = 0;
    for (let k = 0; k < 8; k++) {
      const b = lo & 1;
      lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
      hi >>>= 1;
      if (b) { lo = (lo ^ polyLo) >>> 0; hi = (hi ^ polyHi) >>> 0; }
    }
    CRC64_LO[i] = lo;
    CRC64_HI[i] = hi;
  }
}

/** A running integrity check over the uncompressed data (check.c). */
export class Check {
  readonly id: number;
  private c32 = 0;
  private lo = 0xffffffff;
  private hi = 0xffffffff;
  private sha: ReturnType<typeof sha256> | null;
  constructor(id: number) {
    this.id = id;
    this.sha = id === CHECK_SHA256 ? sha256() : null;
  }
  update(d: Uint8Array): void {
    switch (this.id) {
      case CHECK_CRC32: this.c32 = crc32(this.c32, d); break;
      case CHECK_CRC64: {
        let lo = this.lo, hi = this.hi;
        for (let i = 0; i < d.length; i++) {
          const t = (lo ^ d[i]) & 0xff;
          lo = ((lo >>> 8) | (hi << 24)) ^ CRC64_LO[t];
          hi = (hi >>> 8) ^ CRC64_HI[t];
        }
        this.lo = lo >>> 0;
        this.hi = hi >>> 0;
        break;
      }
      case CHECK_SHA256: this.sha!.update(d); break;
      default: break;
    }
  }
  /** The check as stored in the file (little-endian CRCs, SHA-256 as is); empty for unsupported ids. */
  digest(): Uint8Array {
    switch (this.id) {
      case CHECK_CRC32: { const v = this.c32 >>> 0; return new Uint8Array([v & 255, (v >>> 8) & 255, (v >>> 16) & 255, v >>> 24]); }
      case CHECK_CRC64: {
        const lo = ~this.lo >>> 0, hi = ~this.hi >>> 0;
        return new Uint8Array([lo & 255, (lo >>> 8) & 255, (lo >>> 16) & 255, lo >>> 24, hi & 255, (hi >>> 8) & 255, (hi >>> 16) & 255, hi >>> 24]);
      }
      case CHECK_SHA256: return this.sha!.digest();
      default: return new Uint8Array(0);
    }
  }
}

/** The LZMA2 dictionary size of a properties byte (40 is 4 GiB - 1). */
export function lzma2DictSize(b: number): number {
  if (b > 40) return -1;
  if (b === 40) return 0xffffffff;
  return (2 | (b & 1)) * 2 ** (Math.floor(b / 2) + 11);
}

/** A decoding stage fed the uncompressed output of the stage before it (the non-last filters of a chain). */
interface Stage {
  /** Filter `d`; `final` at the end of the block (a BCJ filter passes its held-back bytes on). */
  run(d: Uint8Array, final: boolean): Uint8Array;
}

/** delta_decoder.c: each byte adds the byte `dist` positions earlier in the output. */
class DeltaDecoder implements Stage {
  private hist = new Uint8Array(256);
  private pos = 0;
  private readonly dist: number;
  constructor(dist: number) {
    this.dist = dist;
  }
  run(d: Uint8Array, _final: boolean): Uint8Array {
    const out = new Uint8Array(d.length);
    for (let i = 0; i < d.length; i++) {
      const b = (d[i] + this.hist[(this.dist + this.pos) & 255]) & 255;
      out[i] = b;
      this.hist[this.pos-- & 255] = b;
    }
    return out;
  }
}

/** The x86 BCJ decoder (simple/x86.c): E8/E9 call and jump targets turned back from absolute to relative. Up to
 *  four trailing bytes wait for the next call (an instruction may straddle it) and pass unchanged at the end. */
export class X86Decoder implements Stage {
  private readonly encoder: boolean;
  private prevMask = 0;
  private prevPos = -5 >>> 0;
  private nowPos: number;
  private held: Uint8Array = new Uint8Array(0);
  /** `encoder`: relative targets become absolute (the x86 BCJ encoder, the same scan). */
  constructor(startOffset: number, encoder = false) {
    this.nowPos = startOffset >>> 0;
    this.encoder = encoder;
  }
  run(d: Uint8Array, final: boolean): Uint8Array {
    const buf = new Uint8Array(this.held.length + d.length);
    buf.set(this.held);
    buf.set(d, this.held.length);
    const done = this.filter(buf);
    if (final) {
      this.held = new Uint8Array(0);
      return buf;
    }
    this.held = buf.slice(done);
    return buf.subarray(0, done);
  }
  private filter(buf: Uint8Array): number {
    const size = buf.length;
    if (size < 5) return 0;
    const ALLOWED = [true, true, true, false, true, false, false, false];
    const BITNUM = [0, 1, 2, 2, 3, 3, 3, 3];
    const ms = (b: number): boolean => b === 0 || b === 0xff;
    let prevMask = this.prevMask;
    let prevPos = this.prevPos;
    const now = this.nowPos;
    if (((now - prevPos) >>> 0) > 5) prevPos = (now - 5) >>> 0;
    const limit = size - 5;
    let i = 0;
    while (i <= limit) {
      let b = buf[i];
      if (b !== 0xe8 && b !== 0xe9) { i++; continue; }
      const offset = (now + i - prevPos) >>> 0;
      prevPos = (now + i) >>> 0;
      if (offset > 5) {
        prevMask = 0;
      } else {
        for (let k = 0; k < offset; k++) { prevMask &= 0x77; prevMask <<= 1; }
      }
      b = buf[i + 4];
      if (ms(b) && ALLOWED[(prevMask >>> 1) & 7] && (prevMask >>> 1) < 0x10) {
        let src = ((b << 24) | (buf[i + 3] << 16) | (buf[i + 2] << 8) | buf[i + 1]) >>> 0;
        let dest: number;
        for (;;) {
          dest = this.encoder ? (src + now + i + 5) >>> 0 : (src - ((now + i + 5) >>> 0)) >>> 0;
          if (prevMask === 0) break;
          const n = BITNUM[prevMask >>> 1];
          b = (dest >>> (24 - n * 8)) & 0xff;
          if (!ms(b)) break;
          src = (dest ^ (2 ** (32 - n * 8) - 1)) >>> 0;
        }
        buf[i + 4] = ((dest >>> 24) & 1) ? 0xff : 0x00;
        buf[i + 3] = (dest >>> 16) & 0xff;
        buf[i + 2] = (dest >>> 8) & 0xff;
        buf[i + 1] = dest & 0xff;
        i += 5;
        prevMask = 0;
      } else {
        i++;
        prevMask |= 1;
        if (ms(b)) prevMask |= 0x10;
      }
    }
    this.prevMask = prevMask;
    this.prevPos = prevPos;
    this.nowPos = (now + i) >>> 0;
    return i;
  }
}

/** The LZMA2 chunk decoder (lzma2_decoder.c), resumable anywhere: uncompressed chunks are copied as they arrive and
 *  LZMA chunks decode packet by packet, so partial input gives liblzma's partial output. */
class Lzma2Decoder {
  private readonly dict: LzDict;
  private readonly lz: LzmaDecoder;
  private needDictReset = true;
  private needProps = true;
  private mode: "control" | "uncompressed" | "init" | "lzma" | "finish" = "control";
  /** Bytes left: of the uncompressed chunk's data, or of the LZMA chunk's compressed data. */
  private left = 0;
  /** dict.total at the end of the LZMA chunk. */
  private target = 0;
  constructor(dictSize: number) {
    this.dict = new LzDict(dictSize);
    this.lz = new LzmaDecoder(this.dict);
  }
  /** Decode from buf[pos..end): [new pos, output, end of LZMA2 data], or null when nothing can be done yet. */
  chunk(buf: Uint8Array, pos: number, end: number): [number, Uint8Array, boolean] | null {
    switch (this.mode) {
      case "control": {
        if (pos >= end) return null;
        const control = buf[pos];
        if (control === 0x00) return [pos + 1, new Uint8Array(0), true];
        if (control === 0x01 || control === 0x02) {
          if (end - pos < 3) return null;
          if (control === 0x01) { this.dict.reset(); this.needDictReset = false; } else if (this.needDictReset) throw new LzmaError("data");
          this.left = ((buf[pos + 1] << 8) | buf[pos + 2]) + 1;
          this.mode = "uncompressed";
          return [pos + 3, new Uint8Array(0), false];
        }
        if (control < 0x80) throw new LzmaError("data");
        const hasProps = control >= 0xc0;
        const head = hasProps ? 6 : 5;
        if (end - pos < head) return null;
        if (control >= 0xe0) { this.dict.reset(); this.needDictReset = false; } else if (this.needDictReset) throw new LzmaError("data");
        if (hasProps) {
          const p = decodePropsByte(buf[pos + 5]);
          if (p === null || p.lc + p.lp > 4) throw new LzmaError("data");
          this.lz.setProps(p);
          this.needProps = false;
        } else if (this.needProps) {
          throw new LzmaError("data");
        }
        if (control >= 0xa0) this.lz.resetState();
        this.target = this.dict.total + ((control & 0x1f) << 16) + (buf[pos + 1] << 8) + buf[pos + 2] + 1;
        this.left = (buf[pos + 3] << 8) + buf[pos + 4] + 1;
        this.mode = "init";
        return [pos + head, new Uint8Array(0), false];
      }
      case "uncompressed": {
        const n = Math.min(end - pos, this.left);
        if (n === 0) return null;
        for (let i = 0; i < n; i++) this.dict.put(buf[pos + i]);
        this.left -= n;
        if (this.left === 0) this.mode = "control";
        return [pos + n, this.dict.take(), false];
      }
      case "init": {
        if (this.left < 5) throw new LzmaError("data");
        if (end - pos < 5) return null;
        const lz = this.lz;
        lz.input = buf;
        lz.inPos = pos;
        lz.inEnd = pos + 5;
        lz.initRange();
        this.left -= 5;
        this.mode = "lzma";
        return [pos + 5, new Uint8Array(0), false];
      }
      case "lzma": {
        const lz = this.lz;
        const avail = Math.min(end - pos, this.left);
        lz.input = buf;
        lz.inPos = pos;
        lz.inEnd = pos + avail;
        let r: "eopm" | "limit" | "input";
        try {
          r = lz.decode(this.target, avail < this.left);
        } catch (e) {
          if (e === NEED_INPUT) throw new LzmaError("data");
          throw e;
        }
        this.left -= lz.inPos - pos;
        if (r === "eopm" || this.dict.total > this.target) throw new LzmaError("data");
        if (this.dict.total === this.target) this.mode = "finish";
        else if (r === "input" && lz.inPos === pos && this.dict.outLen === 0) return null;
        return [lz.inPos, this.dict.take(), false];
      }
      case "finish": {
        const lz = this.lz;
        if (lz.range < 0x1000000) {
          if (this.left === 0) throw new LzmaError("data");
          if (pos >= end) return null;
          lz.input = buf;
          lz.inPos = pos;
          lz.inEnd = pos + 1;
          lz.normalize();
          this.left--;
          pos++;
        }
        if (this.left !== 0 || !lz.finishedOK()) throw new LzmaError("data");
        this.mode = "control";
        return [pos, new Uint8Array(0), false];
      }
      default: {
        const never: never = this.mode;
        return never;
      }
    }
  }
}

type Phase =
  | "detect" | "streamHeader" | "blockHeader" | "blockData" | "blockPadding" | "index" | "footer"
  | "aloneHeader" | "lzma1" | "rawLzma2" | "end";

function readVli(buf: Uint8Array, pos: number, end: number): [number, number] | null {
  let v = 0;
  for (let i = 0; i < 9; i++) {
    if (pos + i >= end) return null;
    const b = buf[pos + i];
    v += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) {
      if (b === 0 && i > 0) throw new LzmaError("data");
      return [v, pos + i + 1];
    }
  }
  throw new LzmaError("data");
}

/** The picky .lzma check (auto-detection): a dictionary size of 2^n or 2^n + 2^(n-1), or UINT32_MAX. */
function validAloneDictSize(dictSize: number): boolean {
  if (dictSize === 0xffffffff) return true;
  let d = dictSize - 1;
  d |= d >>> 2; d |= d >>> 3; d |= d >>> 4; d |= d >>> 8; d |= d >>> 16;
  return (d >>> 0) + 1 === dictSize;
}

function u32le(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
}

const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] as const;

/** One LZMADecompressor's decoder: input accumulates in `buf`; decoded bytes wait in `pending` for max_length. */
export class LzmaStreamDecoder {
  private buf = new Uint8Array(0);
  private pos = 0;
  private phase: Phase;
  /** The end of the stream was decoded (eof once its output is handed out too, as liblzma's LZMA_STREAM_END). */
  private ended = false;
  get eof(): boolean {
    return this.ended && this.pending.length === 0;
  }
  /** The stream's check id once known (CHECK_UNKNOWN before the header; CHECK_NONE for .lzma and raw). */
  check = CHECK_UNKNOWN;
  /** The last decompress() stopped because the input ran out. */
  stalled = false;
  private pending: Uint8Array[] = [];
  private pendingPos = 0;
  private readonly memlimit: number;
  private readonly rawFilters: FilterSpec[] | null;
  // .xz state.
  private streamFlags = 0;
  private blockFilters: FilterSpec[] = [];
  private lzma2: Lzma2Decoder | null = null;
  private stages: Stage[] = [];
  private blockCheck: Check | null = null;
  private blockStart = 0;
  private blockHeaderSize = 0;
  private declaredCompressed = -1;
  private declaredUncompressed = -1;
  private blockCompressed = 0;
  private blockUncompressed = 0;
  private records: [number, number][] = [];
  private indexSize = 0;
  // .lzma / raw LZMA1 state.
  private lz1: LzmaDecoder | null = null;
  private lz1Size = -1;

  constructor(format: number, memlimit: number, filters: FilterSpec[] | null) {
    this.memlimit = memlimit;
    this.rawFilters = filters;
    switch (format) {
      case FORMAT_AUTO: this.phase = "detect"; break;
      case FORMAT_XZ: this.phase = "streamHeader"; break;
      case FORMAT_ALONE: this.phase = "aloneHeader"; this.check = CHECK_NONE; break;
      default: {
        this.check = CHECK_NONE;
        const f = filters!;
        const last = f[f.length - 1];
        this.stages = f.slice(0, -1).reverse().map((s) => makeStage(s));
        if (last.id === FILTER_LZMA2) {
          this.lzma2 = new Lzma2Decoder(last.dictSize);
          this.phase = "rawLzma2";
        } else {
          this.lz1 = new LzmaDecoder(new LzDict(last.dictSize));
          this.lz1.setProps({ lc: last.lc, lp: last.lp, pb: last.pb });
          this.lz1.resetState();
          this.lz1Size = -1;
          this.phase = "lzma1";
          this.lz1Init = false;
        }
      }
    }
  }
  private lz1Init = false;
  private lz1Done = false;
  private picky = false;

  unusedData(): Uint8Array {
    return this.buf.subarray(this.pos);
  }

  hasPendingOutput(): boolean {
    return this.pending.length > 0;
  }

  decompress(data: Uint8Array, maxLength: number): Uint8Array {
    if (data.length > 0) {
      const rest = this.buf.subarray(this.pos);
      const nb = new Uint8Array(rest.length + data.length);
      nb.set(rest);
      nb.set(data, rest.length);
      this.buf = nb;
      this.blockStart -= this.pos;
      this.pos = 0;
    }
    const limit = maxLength < 0 ? Infinity : maxLength;
    const out: Uint8Array[] = [];
    let total = 0;
    this.stalled = false;
    for (;;) {
      while (this.pending.length > 0 && total < limit) {
        const p = this.pending[0];
        const n = Math.min(p.length - this.pendingPos, limit - total);
        out.push(p.subarray(this.pendingPos, this.pendingPos + n));
        total += n;
        this.pendingPos += n;
        if (this.pendingPos === p.length) { this.pending.shift(); this.pendingPos = 0; }
      }
      if (total >= limit || this.phase === "end") break;
      if (!this.step()) { this.stalled = true; break; }
    }
    const res = new Uint8Array(total);
    let o = 0;
    for (const c of out) { res.set(c, o); o += c.length; }
    return res;
  }

  private emit(d: Uint8Array, final = false): void {
    for (const s of this.stages) d = s.run(d, final);
    if (this.blockCheck !== null) this.blockCheck.update(d);
    this.blockUncompressed += d.length;
    if (d.length > 0) this.pending.push(d);
  }

  /** Advance by one unit of the format; false when more input is needed. */
  private step(): boolean {
    const buf = this.buf, end = buf.length;
    let p = this.pos;
    switch (this.phase) {
      case "detect": {
        if (p >= end) return false;
        if (buf[p] === 0xfd) {
          this.phase = "streamHeader";
        } else {
          this.phase = "aloneHeader";
          this.picky = true;
          this.check = CHECK_NONE;
        }
        return true;
      }
      case "streamHeader": {
        for (let i = 0; i < 6; i++) {
          if (p + i >= end) return false;
          if (buf[p + i] !== XZ_MAGIC[i]) throw new LzmaError("format");
        }
        if (end - p < 12) return false;
        if (crc32(0, buf, p + 6, p + 8) >>> 0 !== u32le(buf, p + 8)) throw new LzmaError("data");
        if (buf[p + 6] !== 0 || (buf[p + 7] & 0xf0) !== 0) throw new LzmaError("options");
        this.streamFlags = buf[p + 7];
        this.check = this.streamFlags & 0x0f;
        this.pos = p + 12;
        this.phase = "blockHeader";
        return true;
      }
      case "blockHeader": {
        if (p >= end) return false;
        if (buf[p] === 0) {
          this.phase = "index";
          return true;
        }
        const size = (buf[p] + 1) * 4;
        if (end - p < size) return false;
        if (crc32(0, buf, p, p + size - 4) >>> 0 !== u32le(buf, p + size - 4)) throw new LzmaError("data");
        const flags = buf[p + 1];
        if (flags & 0x3c) throw new LzmaError("options");
        let q = p + 2;
        const hend = p + size - 4;
        this.declaredCompressed = -1;
        this.declaredUncompressed = -1;
        if (flags & 0x40) {
          const r = readVli(buf, q, hend);
          if (r === null || r[0] === 0) throw new LzmaError("data");
          [this.declaredCompressed, q] = r;
        }
        if (flags & 0x80) {
          const r = readVli(buf, q, hend);
          if (r === null) throw new LzmaError("data");
          [this.declaredUncompressed, q] = r;
        }
        const filters: FilterSpec[] = [];
        const nf = (flags & 3) + 1;
        for (let i = 0; i < nf; i++) {
          const a = readVli(buf, q, hend);
          if (a === null) throw new LzmaError("data");
          const b = readVli(buf, a[1], hend);
          if (b === null) throw new LzmaError("data");
          const propsEnd = b[1] + b[0];
          if (propsEnd > hend) throw new LzmaError("data");
          filters.push(decodeFilterProps(BigInt(a[0]), buf.subarray(b[1], propsEnd), true));
          q = propsEnd;
        }
        while (q < hend) if (buf[q++] !== 0) throw new LzmaError("options");
        const last = filters[filters.length - 1];
        if (last.id !== FILTER_LZMA2) throw new LzmaError("options");
        for (const f of filters.slice(0, -1)) if (f.id === FILTER_LZMA2) throw new LzmaError("options");
        if (last.dictSize > this.memlimit) throw new LzmaError("memlimit");
        this.blockFilters = filters;
        this.lzma2 = new Lzma2Decoder(last.dictSize);
        this.stages = filters.slice(0, -1).reverse().map((f) => makeStage(f));
        this.blockCheck = new Check(this.check);
        this.blockHeaderSize = size;
        this.blockCompressed = 0;
        this.blockUncompressed = 0;
        this.pos = p + size;
        this.blockStart = this.pos;
        this.phase = "blockData";
        return true;
      }
      case "blockData":
      case "rawLzma2": {
        const r = this.lzma2!.chunk(buf, p, end);
        if (r === null) return false;
        this.pos = r[0];
        this.emit(r[1], r[2]);
        if (this.phase === "blockData") {
          this.blockCompressed = this.pos - this.blockStart;
          if (this.declaredCompressed >= 0 && this.blockCompressed > this.declaredCompressed) throw new LzmaError("data");
          if (this.declaredUncompressed >= 0 && this.blockUncompressed > this.declaredUncompressed) throw new LzmaError("data");
        }
        if (r[2]) {
          if (this.phase === "rawLzma2") {
            this.phase = "end";
            this.ended = true;
          } else {
            if (this.declaredCompressed >= 0 && this.blockCompressed !== this.declaredCompressed) throw new LzmaError("data");
            if (this.declaredUncompressed >= 0 && this.blockUncompressed !== this.declaredUncompressed) throw new LzmaError("data");
            this.phase = "blockPadding";
          }
        }
        return true;
      }
      case "blockPadding": {
        const pad = (4 - (this.blockCompressed & 3)) & 3;
        const cs = checkSize(this.check);
        if (end - p < pad + cs) return false;
        for (let i = 0; i < pad; i++) if (buf[p + i] !== 0) throw new LzmaError("data");
        if (isCheckSupported(this.check)) {
          const d = this.blockCheck!.digest();
          for (let i = 0; i < cs; i++) if (d[i] !== buf[p + pad + i]) throw new LzmaError("data");
        }
        this.records.push([this.blockHeaderSize + this.blockCompressed + cs, this.blockUncompressed]);
        this.blockCheck = null;
        this.stages = [];
        this.pos = p + pad + cs;
        this.phase = "blockHeader";
        return true;
      }
      case "index": {
        // Parsed whole once buffered: indicator, count, records, padding, CRC32.
        let q = p + 1;
        const n = readVli(buf, q, end);
        if (n === null) return false;
        q = n[1];
        if (n[0] !== this.records.length) throw new LzmaError("data");
        for (let i = 0; i < n[0]; i++) {
          const a = readVli(buf, q, end);
          if (a === null) return false;
          const b = readVli(buf, a[1], end);
          if (b === null) return false;
          if (a[0] !== this.records[i][0] || b[0] !== this.records[i][1]) throw new LzmaError("data");
          q = b[1];
        }
        const pad = (4 - ((q - p) & 3)) & 3;
        if (end - q < pad + 4) return false;
        for (let i = 0; i < pad; i++) if (buf[q + i] !== 0) throw new LzmaError("data");
        q += pad;
        if (crc32(0, buf, p, q) >>> 0 !== u32le(buf, q)) throw new LzmaError("data");
        this.indexSize = q + 4 - p;
        this.pos = q + 4;
        this.phase = "footer";
        return true;
      }
      case "footer": {
        if (end - p < 12) return false;
        if (buf[p + 10] !== 0x59 || buf[p + 11] !== 0x5a) throw new LzmaError("data");
        if (crc32(0, buf, p + 4, p + 10) >>> 0 !== u32le(buf, p)) throw new LzmaError("data");
        if (buf[p + 8] !== 0 || buf[p + 9] !== this.streamFlags) throw new LzmaError("data");
        if ((u32le(buf, p + 4) + 1) * 4 !== this.indexSize) throw new LzmaError("data");
        this.pos = p + 12;
        this.phase = "end";
        this.ended = true;
        return true;
      }
      case "aloneHeader": {
        if (end - p < 13) {
          // liblzma checks each field as it arrives.
          const pr = end > p ? decodePropsByte(buf[p]) : undefined;
          if (pr === null || (pr !== undefined && pr.lc + pr.lp > 4)) throw new LzmaError("format");
          if (this.picky && end - p >= 5 && !validAloneDictSize(u32le(buf, p + 1))) throw new LzmaError("format");
          return false;
        }
        const props = decodePropsByte(buf[p]);
        if (props === null || props.lc + props.lp > 4) throw new LzmaError("format");
        const dictSize = u32le(buf, p + 1);
        const lo = u32le(buf, p + 5), hi = u32le(buf, p + 9);
        const unknown = lo === 0xffffffff && hi === 0xffffffff;
        if (this.picky) {
          if (!validAloneDictSize(dictSize)) throw new LzmaError("format");
          if (!unknown && hi >= 0x40) throw new LzmaError("format");
        }
        if (!unknown && hi >= 0x200000) throw new LzmaError("data"); // beyond 2**53: never a real stream
        if (dictSize > this.memlimit) throw new LzmaError("memlimit");
        this.lz1 = new LzmaDecoder(new LzDict(Math.min(dictSize, 0xffffffff)));
        this.lz1.setProps(props);
        this.lz1.resetState();
        this.lz1Size = unknown ? -1 : hi * 2 ** 32 + lo;
        this.pos = p + 13;
        this.phase = "lzma1";
        this.lz1Init = false;
        return true;
      }
      case "lzma1": {
        const lz = this.lz1!;
        lz.input = buf;
        lz.inPos = p;
        lz.inEnd = end;
        if (!this.lz1Init) {
          try {
            lz.initRange();
          } catch (e) {
            if (e === NEED_INPUT) return false;
            throw e;
          }
          this.lz1Init = true;
          this.pos = lz.inPos;
          if (this.lz1Size === 0) {
            this.phase = "end";
            this.ended = true;
          }
          return true;
        }
        // Decode in slices so max_length is honoured without decoding everything at once.
        const goal = this.lz1Size >= 0 ? Math.min(this.lz1Size, lz.dict.total + (1 << 20)) : lz.dict.total + (1 << 20);
        if (this.lz1Done) {
          // The end (marker or size) was decoded: one last normalization, then the range coder must be at zero.
          if (lz.range < 0x1000000) {
            try {
              lz.normalize();
            } catch (e) {
              if (e === NEED_INPUT) return false;
              throw e;
            }
          }
          this.pos = lz.inPos;
          if (!lz.finishedOK()) throw new LzmaError("data");
          this.phase = "end";
          this.ended = true;
          return true;
        }
        const r = lz.decode(goal, true);
        this.pos = lz.inPos;
        const produced = lz.dict.take();
        if (this.lz1Size >= 0 && lz.dict.total > this.lz1Size) throw new LzmaError("data");
        this.emit(produced);
        if (r === "eopm") {
          if (this.lz1Size >= 0 && lz.dict.total !== this.lz1Size) throw new LzmaError("data");
          this.lz1Done = true;
          return true;
        }
        if (this.lz1Size >= 0 && lz.dict.total === this.lz1Size) {
          this.lz1Done = true;
          return true;
        }
        return r !== "input" || produced.length > 0;
      }
      case "end":
        return false;
      default: {
        const never: never = this.phase;
        return never;
      }
    }
  }
}

function makeStage(f: FilterSpec): Stage {
  if (f.id === FILTER_DELTA) return new DeltaDecoder(f.dist);
  if (f.id === FILTER_X86) return new X86Decoder(f.dist);
  throw new LzmaError("options");
}

/** lzma_properties_decode: a filter's properties field. `strict` rejects what .xz block headers must not hold. */
export function decodeFilterProps(id: bigint, props: Uint8Array, strict: boolean): FilterSpec {
  const f: FilterSpec = { id, dictSize: 0, lc: 3, lp: 0, pb: 2, dist: 0 };
  if (id === FILTER_LZMA2) {
    if (props.length !== 1 || (props[0] & 0xc0) !== 0) throw new LzmaError("options");
    const d = lzma2DictSize(props[0]);
    if (d < 0) throw new LzmaError("options");
    f.dictSize = d;
    return f;
  }
  if (id === FILTER_LZMA1 && !strict) {
    if (props.length !== 5) throw new LzmaError("options");
    const p = decodePropsByte(props[0]);
    if (p === null) throw new LzmaError("options");
    f.lc = p.lc; f.lp = p.lp; f.pb = p.pb;
    f.dictSize = u32le(props, 1);
    return f;
  }
  if (id === FILTER_DELTA) {
    if (props.length !== 1) throw new LzmaError("options");
    f.dist = props[0] + 1;
    return f;
  }
  if (id >= 4n && id <= 9n) {
    if (props.length === 0) return f;
    if (props.length !== 4) throw new LzmaError("options");
    f.dist = u32le(props, 0);
    return f;
  }
  throw new LzmaError("options");
}
