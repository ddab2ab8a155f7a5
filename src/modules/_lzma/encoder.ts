// The compressor side of _lzma (liblzma's stream_encoder.c, block_encoder.c, index_encoder.c, lzma2_encoder.c):
// .xz containers whose LZMA2 data is stored in uncompressed chunks. See docs/modules.md.
// DEVIATION: liblzma's match finders and optimal parser are out of scope; output is valid .xz that liblzma reads.
import { crc32 } from "../zlib/crc32.js";
import { LzmaError } from "./lzma_decoder.js";
import { Check, type FilterSpec, FORMAT_XZ, FILTER_LZMA1, FILTER_LZMA2, FILTER_DELTA, lzma2DictSize } from "./xz.js";

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
    if (f.dist < 1 || f.dist > 256) throw new LzmaError("options");
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
  run(d: Uint8Array): Uint8Array {
    const out = new Uint8Array(d.length);
    for (let i = 0; i < d.length; i++) {
      const b = d[i];
      out[i] = (b - this.hist[(this.dist + this.pos) & 255]) & 255;
      this.hist[this.pos-- & 255] = b;
    }
    return out;
  }
}

export class LzmaStreamEncoder {
  private readonly check: number;
  private readonly filters: FilterSpec[];
  private readonly format: number;
  private headerSent = false;
  private parts: Uint8Array[] = [];
  private size = 0;

  constructor(format: number, check: number, preset: number, filters: FilterSpec[] | null) {
    this.format = format;
    this.check = check;
    if (check < 0 || check > 15) throw new LzmaError("check");
    if (format === FORMAT_XZ && !(check === 0 || check === 1 || check === 4 || check === 10)) throw new LzmaError("check");
    this.filters = filters ?? [{ id: FILTER_LZMA2, dictSize: presetDictSize(preset & 0x7fffffff), lc: 3, lp: 0, pb: 2, dist: 0 }];
    const last = this.filters[this.filters.length - 1];
    // DEVIATION: no LZMA1 encoder yet (FORMAT_ALONE and raw LZMA1 chains), no BCJ encoders.
    if (format !== FORMAT_XZ && last.id !== FILTER_LZMA2) throw new LzmaError("options");
    if (last.id !== FILTER_LZMA2) throw new LzmaError("options");
    for (const f of this.filters.slice(0, -1)) if (f.id !== FILTER_DELTA) throw new LzmaError("options");
    for (const f of this.filters) encodeFilterProps(f);
  }

  private streamFlags(): number[] {
    return [0, this.check];
  }

  compress(d: Uint8Array): Uint8Array {
    if (d.length > 0) {
      this.parts.push(d.slice());
      this.size += d.length;
    }
    if (this.format === FORMAT_XZ && !this.headerSent) {
      this.headerSent = true;
      const h = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, ...this.streamFlags()];
      le32(crc32(0, new Uint8Array(this.streamFlags())) >>> 0, h);
      return new Uint8Array(h);
    }
    return new Uint8Array(0);
  }

  /** The filters' output as LZMA2 data: uncompressed chunks of at most 64 KiB, then the end marker. */
  private lzma2(input: Uint8Array): number[] {
    let d = input;
    for (const f of this.filters.slice(0, -1)) d = new DeltaEncoder(f.dist).run(d);
    const out: number[] = [];
    for (let p = 0; p < d.length; p += 0x10000) {
      const n = Math.min(0x10000, d.length - p);
      out.push(p === 0 ? 0x01 : 0x02, (n - 1) >>> 8, (n - 1) & 255);
      for (let i = 0; i < n; i++) out.push(d[p + i]);
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
    if (this.format === FORMAT_XZ && !this.headerSent) {
      this.headerSent = true;
      out.push(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, ...this.streamFlags());
      le32(crc32(0, new Uint8Array(this.streamFlags())) >>> 0, out);
    }
    if (this.format !== FORMAT_XZ) {
      for (const b of this.lzma2(input)) out.push(b);
      return new Uint8Array(out);
    }
    const records: [number, number][] = [];
    if (input.length > 0) {
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
      const body = this.lzma2(input);
      const chk = new Check(this.check);
      chk.update(input);
      const digest = chk.digest();
      for (const b of h) out.push(b);
      for (const b of body) out.push(b);
      for (let k = body.length; k % 4 !== 0; k++) out.push(0);
      for (const b of digest) out.push(b);
      records.push([h.length + body.length + digest.length, input.length]);
    }
    // The unpadded size counts the block header, the compressed data without its padding, and the check.
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
