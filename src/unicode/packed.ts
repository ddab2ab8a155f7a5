// Decoders for the packed tables that tools/gen_unicodedata.py writes: base64 arrays and three-level tries
// (CPython's two-level index1/index2 tables, Tools/unicode/makeunicodedata.py splitbins, one level deeper).
// Pure: no host globals (no Buffer, no atob), so it runs the same in Node and browsers. See docs/unicode.md.

/** A three-level trie as the generator writes it; `*Bits` is the element width of each base64 array. */
export interface PackedTrie {
  readonly shift1: number;
  readonly shift2: number;
  readonly topBits: number;
  readonly top: string;
  readonly midBits: number;
  readonly mid: string;
  readonly dataBits: number;
  readonly data: string;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/** Standard base64 (with '=' padding) to bytes. */
export function decodeBase64(s: string): Uint8Array {
  let n = s.length;
  while (n > 0 && s.charCodeAt(n - 1) === 0x3d) n--;
  const out = new Uint8Array((n * 3) >> 2);
  let acc = 0;
  let bits = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    acc = ((acc << 6) | B64_VALUE[s.charCodeAt(i)]!) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** A little-endian array of 8-, 16- or 32-bit unsigned integers. */
export function decodeArray(bits: number, s: string): Uint8Array | Uint16Array | Uint32Array {
  const bytes = decodeBase64(s);
  switch (bits) {
    case 8:
      return bytes;
    case 16: {
      const out = new Uint16Array(bytes.length >> 1);
      for (let i = 0; i < out.length; i++) out[i] = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
      return out;
    }
    case 32: {
      const out = new Uint32Array(bytes.length >> 2);
      for (let i = 0; i < out.length; i++) {
        out[i] = (bytes[4 * i]! | (bytes[4 * i + 1]! << 8) | (bytes[4 * i + 2]! << 16) | (bytes[4 * i + 3]! << 24)) >>> 0;
      }
      return out;
    }
    default:
      throw new Error(`bad packed array width ${bits}`);
  }
}

/** Code point -> small integer, decoded from a PackedTrie. */
export class Trie {
  readonly shift1: number;
  readonly shift2: number;
  readonly mask1: number;
  readonly mask2: number;
  readonly top: Uint8Array | Uint16Array | Uint32Array;
  readonly mid: Uint8Array | Uint16Array | Uint32Array;
  readonly data: Uint8Array | Uint16Array | Uint32Array;

  constructor(p: PackedTrie) {
    this.shift1 = p.shift1;
    this.shift2 = p.shift2;
    this.mask1 = (1 << p.shift1) - 1;
    this.mask2 = (1 << p.shift2) - 1;
    this.top = decodeArray(p.topBits, p.top);
    this.mid = decodeArray(p.midBits, p.mid);
    this.data = decodeArray(p.dataBits, p.data);
  }

  /** The value for a code point in [0, 0x10FFFF]; callers check the range. */
  get(cp: number): number {
    const s2 = this.shift2;
    const m = this.mid[(this.top[cp >> (s2 + this.shift1)]! << this.shift1) | ((cp >> s2) & this.mask1)]!;
    return this.data[(m << s2) | (cp & this.mask2)]!;
  }
}

/** Parses a base-36 integer (with an optional '-'), the generator's notation for small signed numbers. */
export function int36(s: string): number {
  return parseInt(s, 36);
}
