// SHA-1 (FIPS 180-4), CPython's _sha1.sha1. See docs/modules.md.
import { BlockHash } from "./hash.js";

export class SHA1 extends BlockHash {
  readonly name = "sha1";
  readonly digest_size = 20;
  protected readonly littleEndianLength = false;
  protected readonly lengthBytes = 8;
  private readonly h: Int32Array;
  private readonly w: Int32Array;

  constructor(data?: Uint8Array) {
    super(64);
    this.h = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0);
    this.w = new Int32Array(80);
    if (data) this.update(data);
  }

  protected compress(b: Uint8Array, o: number): void {
    const w = this.w;
    for (let i = 0; i < 16; i++, o += 4) w[i] = (b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!;
    for (let i = 16; i < 80; i++) {
      const v = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (v << 1) | (v >>> 31);
    }
    const h = this.h;
    let a = h[0]!, bb = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!;
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) (f = (bb & c) | (~bb & d)), (k = 0x5a827999);
      else if (i < 40) (f = bb ^ c ^ d), (k = 0x6ed9eba1);
      else if (i < 60) (f = (bb & c) | (bb & d) | (c & d)), (k = 0x8f1bbcdc | 0);
      else (f = bb ^ c ^ d), (k = 0xca62c1d6 | 0);
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = (bb << 30) | (bb >>> 2);
      bb = a;
      a = t;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + bb) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
  }

  protected output(): Uint8Array {
    const out = new Uint8Array(20);
    for (let i = 0; i < 20; i++) out[i] = (this.h[i >> 2]! >>> (24 - 8 * (i & 3))) & 0xff;
    return out;
  }

  protected cloneState(): SHA1 {
    const c = new SHA1();
    c.h.set(this.h);
    this.copyBufferInto(c);
    return c;
  }
}
