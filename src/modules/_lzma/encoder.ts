// The compressor side of _lzma (liblzma's stream_encoder.c, block_encoder.c, index_encoder.c, lzma2_encoder.c):
// .xz containers and LZMA2 chunks, .lzma and raw LZMA1, all over lzma_encoder.ts.
// See docs/modules.md.
// DEVIATION: liblzma's match finders and optimal parser are out of scope; output is valid .xz that liblzma reads.
import { crc32 } from "../zlib/crc32.js";
import { LzmaError } from "./lzma_decoder.js";
import { Check, type FilterSpec, FORMAT_XZ, FORMAT_ALONE, FILTER_LZMA1, FILTER_LZMA2, FILTER_DELTA, FILTER_X86, X86Decoder, lzma2DictSize } from "./xz.js";
import { LzmaEncoder } from "./lzma_encoder.js";

const PRESET_DICT_SIZES = [1 << 18, 1 << 20, 1 << 21, 1 << 22, 1 << 22, 1 << 23, 1 << 23, 1 << 24, 1 << 25, 1 << 26] as const;

export function presetDictSize(level: number): number {
  return PRESET_DICT_SIZES[level] ?? 1 << 23;
}

/** The LZMA2 properties byte: the smallest dictionary size code that covers dictSize (lzma2_encoder.c). */
function lzma2PropsByte(dictSize: number): number {
  for (let b = 0; b <= 40; b++) if (lzma2DictSize(b) >= dictSize) return b;
  return 40;
}

/** lzma_properties_encode. */
export function encodeFilterProps(f: FilterSpec): Uint8Array {
  if (f.id === FILTER_LZMA2) return new Uint8Array([lzma2PropsByte(f.dictSize)]);
  if (f.id === FILTER_LZMA1) {
    if (f.lc > 8 || f.lp > 4 || f.pb > 4) throw new LzmaError("options");
    const d = f.dictSize >>> 0;
    return new Uint8Array([f.lc + f.lp * 9 + f.pb * 45, d & 255, (d >>> 8) & 255, (d >>> 16) & 255, d >>> 24]);
  }
  if (f.id === FILTER_DELTA) {
    if (f.dist < 1 || f.dist > 256) throw new LzmaError("prog");
    return new Uint8Array([f.dist - 1]);
  }
  if (f.id >= 4n && f.id <= 9n) {
    if (f.dist === 0) return new Uint8Array(0);
    const d = f.dist >>> 0;
    return new Uint8Array([d & 255, (d >>> 8) & 255, (d >>> 16) & 255, d >>> 24]);
  }
  throw new LzmaError("options");
}

function vli(n: number, out: number[]): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

function le32(v: number, out: number[]): void {
  out.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255);
}

/** delta_encoder.c: each byte minus the byte `dist` positions earlier in the input. */
class DeltaEncoder {
  private hist = new Uint8Array(256);
  private pos = 0;
  private readonly dist: number;
  constructor(dist: number) {
    this.dist = dist;
  }
  run(d: Uint8Array, _final = false): Uint8Array {
    const out = new Uint8Array(d.length);
    for (let i = 0; i < d.length; i++) {
      const b = d[i];
      out[i] = (b - this.hist[(this.dist + this.pos) & 255]) & 255;
      this.hist[this.pos-- & 255] = b;
    }
    return out;
  }
}

/** lzma_alone_encoder's dictionary size: rounded up to 2^n or 2^n + 2^(n-1). */
function roundDictSize(d: number): number {
  let v = Math.max(d, 4096) - 1;
  v |= v >>> 2; v |= v >>> 3; v |= v >>> 4; v |= v >>> 8; v |= v >>> 16;
  return (v >>> 0) + 1;
}

export class LzmaStreamEncoder {
  private readonly check: number;
  private readonly filters: FilterSpec[];
  private readonly format: number;
  private headerSent = false;
  private blockHeaderSent = false;
  private parts: Uint8Array[] = [];
  private size = 0;
  /** LZMA1 (FORMAT_ALONE, raw LZMA1 chains): encoded as input arrives. */
  private readonly lzma1: LzmaEncoder | null;
  private readonly deltas: { run(d: Uint8Array, final: boolean): Uint8Array }[];

  constructor(format: number, check: number, preset: number, filters: FilterSpec[] | null) {
    this.format = format;
    this.check = check;
    if (format === FORMAT_XZ && (check < 0 || check > 15)) throw new LzmaError("prog");
    if (format === FORMAT_XZ && !(check === 0 || check === 1 || check === 4 || check === 10)) throw new LzmaError("check");
    const dflt = format === FORMAT_ALONE ? FILTER_LZMA1 : FILTER_LZMA2;
    this.filters = filters ?? [{ id: dflt, dictSize: presetDictSize(preset & 0x7fffffff), lc: 3, lp: 0, pb: 2, dist: 0 }];
    const last = this.filters[this.filters.length - 1];
    if (format === FORMAT_ALONE && (this.filters.length !== 1 || last.id !== FILTER_LZMA1)) throw new LzmaError("options");
    if (format === FORMAT_XZ && last.id !== FILTER_LZMA2) throw new LzmaError("options");
    if (last.id !== FILTER_LZMA1 && last.id !== FILTER_LZMA2) throw new LzmaError("options");
    // DEVIATION: of the BCJ encoders only x86 is written.
    for (const f of this.filters.slice(0, -1)) if (f.id !== FILTER_DELTA && f.id !== FILTER_X86) throw new LzmaError("options");
    for (const f of this.filters) encodeFilterProps(f);
    if (last.id === FILTER_LZMA1 && last.lc + last.lp > 4) throw new LzmaError("options");
    this.deltas = this.filters.slice(0, -1).map((f) => f.id === FILTER_X86 ? new X86Decoder(f.dist, true) : new DeltaEncoder(f.dist));
    this.lzma1 = last.id === FILTER_LZMA1 ? new LzmaEncoder(last, format === FORMAT_ALONE ? roundDictSize(last.dictSize) : last.dictSize) : null;
  }

  private streamFlags(): number[] {
    return [0, this.check];
  }

  /** The stream header (.xz) or the 13-byte .lzma header, then (.xz) the block header once data arrives. */
  private headers(out: number[], data: boolean): void {
    if (!this.headerSent) {
      this.headerSent = true;
      if (this.format === FORMAT_XZ) {
        out.push(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, ...this.streamFlags());
        le32(crc32(0, new Uint8Array(this.streamFlags())) >>> 0, out);
      } else if (this.format === FORMAT_ALONE) {
        const f = this.filters[0];
        out.push(...encodeFilterProps({ ...f, dictSize: roundDictSize(f.dictSize) }));
        for (let i = 0; i < 8; i++) out.push(0xff);
      }
    }
    if (data && this.format === FORMAT_XZ && !this.blockHeaderSent) {
      this.blockHeaderSent = true;
      for (const b of this.blockHeader()) out.push(b);
    }
  }

  private blockHeader(): number[] {
    const h: number[] = [0, this.filters.length - 1];
    for (const f of this.filters) {
      vli(Number(f.id), h);
      const props = encodeFilterProps(f);
      vli(props.length, h);
      for (const b of props) h.push(b);
    }
    while ((h.length + 4) % 4 !== 0) h.push(0);
    h[0] = (h.length + 4) / 4 - 1;
    le32(crc32(0, new Uint8Array(h)) >>> 0, h);
    return h;
  }

  compress(d: Uint8Array): Uint8Array {
    const out: number[] = [];
    this.headers(out, d.length > 0);
    if (d.length > 0) {
      if (this.lzma1 !== null) {
        let x = d;
        for (const s of this.deltas) x = s.run(x, false);
        this.lzma1.write(x);
        for (const b of this.lzma1.take()) out.push(b);
      } else {
        this.parts.push(d.slice());
        this.size += d.length;
      }
    }
    return new Uint8Array(out);
  }

  /** The filters' output as LZMA2 data: LZMA chunks (state reset in each, at most 2 MiB in and 64 KiB out) from
   *  lzma_encoder.ts, or uncompressed chunks where LZMA does not shrink the data, then the end marker. */
  private lzma2(input: Uint8Array): number[] {
    let d = input;
    for (const s of this.deltas) d = s.run(d, true);
    const last = this.filters[this.filters.length - 1];
    const enc = new LzmaEncoder({ lc: last.lc, lp: last.lp, pb: last.pb }, last.dictSize);
    enc.append(d);
    const out: number[] = [];
    let first = true, needProps = true;
    const propsByte = last.lc + last.lp * 9 + last.pb * 45;
    while (enc.position < d.length) {
      const start = enc.position;
      const packed = enc.chunk(Math.min(d.length, start + (1 << 21)), 0x10000);
      const unpacked = enc.position - start;
      if (packed.length >= unpacked || packed.length > 0x10000) {
        for (let p = start; p < start + unpacked; p += 0x10000) {
          const n = Math.min(0x10000, start + unpacked - p);
          out.push(first ? 0x01 : 0x02, (n - 1) >>> 8, (n - 1) & 255);
          for (const b of enc.bytes(p, p + n)) out.push(b);
          first = false;
        }
        continue;
      }
      const control = first ? 0xe0 : needProps ? 0xc0 : 0xa0;
      const u = unpacked - 1, c = packed.length - 1;
      out.push(control | ((u >>> 16) & 0x1f), (u >>> 8) & 255, u & 255, c >>> 8, c & 255);
      if (control >= 0xc0) out.push(propsByte);
      for (const b of packed) out.push(b);
      first = false;
      needProps = false;
    }
    out.push(0x00);
    return out;
  }

  finish(): Uint8Array {
    const input = new Uint8Array(this.size);
    let o = 0;
    for (const p of this.parts) { input.set(p, o); o += p.length; }
    this.parts = [];
    const out: number[] = [];
    this.headers(out, input.length > 0);
    if (this.lzma1 !== null) {
      // The filters' held-back bytes (a BCJ filter keeps up to four) go in before the end marker.
      let x: Uint8Array = new Uint8Array(0);
      for (const s of this.deltas) x = s.run(x, true);
      if (x.length > 0) this.lzma1.write(x);
      for (const b of this.lzma1.finish()) out.push(b);
      return new Uint8Array(out);
    }
    if (this.format !== FORMAT_XZ) {
      for (const b of this.lzma2(input)) out.push(b);
      return new Uint8Array(out);
    }
    const records: [number, number][] = [];
    if (input.length > 0) {
      const hlen = this.blockHeader().length;
      const body = this.lzma2(input);
      const chk = new Check(this.check);
      chk.update(input);
      const digest = chk.digest();
      for (const b of body) out.push(b);
      for (let k = body.length; k % 4 !== 0; k++) out.push(0);
      for (const b of digest) out.push(b);
      // The unpadded size counts the block header, the compressed data without its padding, and the check.
      records.push([hlen + body.length + digest.length, input.length]);
    }
    const idx: number[] = [0];
    vli(records.length, idx);
    for (const [u, n] of records) { vli(u, idx); vli(n, idx); }
    while (idx.length % 4 !== 0) idx.push(0);
    le32(crc32(0, new Uint8Array(idx)) >>> 0, idx);
    for (const b of idx) out.push(b);
    const f: number[] = [];
    le32(idx.length / 4 - 1, f);
    f.push(...this.streamFlags());
    const foot: number[] = [];
    le32(crc32(0, new Uint8Array(f)) >>> 0, foot);
    for (const b of f) foot.push(b);
    foot.push(0x59, 0x5a);
    for (const b of foot) out.push(b);
    return new Uint8Array(out);
  }
}
