// MD5 (RFC 1321), CPython's _md5.md5. See docs/modules.md.
import { BlockHash } from "./hash.js";

const S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21] as const;
const K = Int32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000) | 0);

export class MD5 extends BlockHash {
  readonly name = "md5";
  readonly digest_size = 16;
  protected readonly littleEndianLength = true;
  protected readonly lengthBytes = 8;
  private readonly h: Int32Array;
  private readonly x: Int32Array;

  constructor(data?: Uint8Array) {
    super(64);
    this.h = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476);
    this.x = new Int32Array(16);
    if (data) this.update(data);
  }

  protected compress(b: Uint8Array, o: number): void {
    const x = this.x;
    for (let i = 0; i < 16; i++, o += 4) x[i] = b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
    const h = this.h;
    let a = h[0]!, bb = h[1]!, c = h[2]!, d = h[3]!;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) (f = (bb & c) | (~bb & d)), (g = i);
      else if (i < 32) (f = (d & bb) | (~d & c)), (g = (5 * i + 1) & 15);
      else if (i < 48) (f = bb ^ c ^ d), (g = (3 * i + 5) & 15);
      else (f = c ^ (bb | ~d)), (g = (7 * i) & 15);
      const t = d;
      d = c;
      c = bb;
      const sum = (a + f + K[i]! + x[g]!) | 0;
      const s = S[i]!;
      bb = (bb + ((sum << s) | (sum >>> (32 - s)))) | 0;
      a = t;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + bb) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
  }

  protected output(): Uint8Array {
    const out = new Uint8Array(16);
    for (let i = 0; i < 16; i++) out[i] = (this.h[i >> 2]! >>> (8 * (i & 3))) & 0xff;
    return out;
  }

  protected cloneState(): MD5 {
    const c = new MD5();
    c.h.set(this.h);
    this.copyBufferInto(c);
    return c;
  }
}
