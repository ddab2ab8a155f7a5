// SHA-224, SHA-256, SHA-384, SHA-512 (FIPS 180-4), CPython's _sha2 module. 64-bit words are held as
// (high, low) Int32 pairs. See docs/modules.md.
import { BlockHash } from "./hash.js";

const K256 = Int32Array.of(
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2);

class SHA256Base extends BlockHash {
  readonly name: string;
  readonly digest_size: number;
  protected readonly littleEndianLength = false;
  protected readonly lengthBytes = 8;
  protected readonly h: Int32Array;
  private readonly w: Int32Array;

  constructor(name: string, digest_size: number, iv: Int32Array, data?: Uint8Array) {
    super(64);
    this.name = name;
    this.digest_size = digest_size;
    this.h = iv.slice();
    this.w = new Int32Array(64);
    if (data) this.update(data);
  }

  protected compress(b: Uint8Array, o: number): void {
    const w = this.w;
    for (let i = 0; i < 16; i++, o += 4) w[i] = (b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!;
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    const h = this.h;
    let a = h[0]!, bb = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K256[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & bb) ^ (a & c) ^ (bb & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + bb) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
    h[5] = (h[5]! + f) | 0;
    h[6] = (h[6]! + g) | 0;
    h[7] = (h[7]! + hh) | 0;
  }

  protected output(): Uint8Array {
    const out = new Uint8Array(this.digest_size);
    for (let i = 0; i < this.digest_size; i++) out[i] = (this.h[i >> 2]! >>> (24 - 8 * (i & 3))) & 0xff;
    return out;
  }

  protected cloneState(): SHA256Base {
    const c = new SHA256Base(this.name, this.digest_size, this.h);
    this.copyBufferInto(c);
    return c;
  }
}

const IV256 = Int32Array.of(0x6a09e667, 0xbb67ae85 | 0, 0x3c6ef372, 0xa54ff53a | 0, 0x510e527f, 0x9b05688c | 0, 0x1f83d9ab, 0x5be0cd19);
const IV224 = Int32Array.of(0xc1059ed8 | 0, 0x367cd507, 0x3070dd17, 0xf70e5939 | 0, 0xffc00b31 | 0, 0x68581511, 0x64f98fa7, 0xbefa4fa4 | 0);

export function sha256(data?: Uint8Array): BlockHash {
  return new SHA256Base("sha256", 32, IV256, data);
}

export function sha224(data?: Uint8Array): BlockHash {
  return new SHA256Base("sha224", 28, IV224, data);
}

// SHA-512 constants as (high, low) pairs.
const K512 = Int32Array.from([
  "428a2f98d728ae22", "7137449123ef65cd", "b5c0fbcfec4d3b2f", "e9b5dba58189dbbc", "3956c25bf348b538", "59f111f1b605d019",
  "923f82a4af194f9b", "ab1c5ed5da6d8118", "d807aa98a3030242", "12835b0145706fbe", "243185be4ee4b28c", "550c7dc3d5ffb4e2",
  "72be5d74f27b896f", "80deb1fe3b1696b1", "9bdc06a725c71235", "c19bf174cf692694", "e49b69c19ef14ad2", "efbe4786384f25e3",
  "0fc19dc68b8cd5b5", "240ca1cc77ac9c65", "2de92c6f592b0275", "4a7484aa6ea6e483", "5cb0a9dcbd41fbd4", "76f988da831153b5",
  "983e5152ee66dfab", "a831c66d2db43210", "b00327c898fb213f", "bf597fc7beef0ee4", "c6e00bf33da88fc2", "d5a79147930aa725",
  "06ca6351e003826f", "142929670a0e6e70", "27b70a8546d22ffc", "2e1b21385c26c926", "4d2c6dfc5ac42aed", "53380d139d95b3df",
  "650a73548baf63de", "766a0abb3c77b2a8", "81c2c92e47edaee6", "92722c851482353b", "a2bfe8a14cf10364", "a81a664bbc423001",
  "c24b8b70d0f89791", "c76c51a30654be30", "d192e819d6ef5218", "d69906245565a910", "f40e35855771202a", "106aa07032bbd1b8",
  "19a4c116b8d2d0c8", "1e376c085141ab53", "2748774cdf8eeb99", "34b0bcb5e19b48a8", "391c0cb3c5c95a63", "4ed8aa4ae3418acb",
  "5b9cca4f7763e373", "682e6ff3d6b2b8a3", "748f82ee5defb2fc", "78a5636f43172f60", "84c87814a1f0ab72", "8cc702081a6439ec",
  "90befffa23631e28", "a4506cebde82bde9", "bef9a3f7b2c67915", "c67178f2e372532b", "ca273eceea26619c", "d186b8c721c0c207",
  "eada7dd6cde0eb1e", "f57d4f7fee6ed178", "06f067aa72176fba", "0a637dc5a2c898a6", "113f9804bef90dae", "1b710b35131c471b",
  "28db77f523047d84", "32caab7b40c72493", "3c9ebe0a15c9bebc", "431d67c49c100d4c", "4cc5d4becb3e42b6", "597f299cfc657e2a",
  "5fcb6fab3ad6faec", "6c44198c4a475817",
].flatMap((s) => [parseInt(s.slice(0, 8), 16) | 0, parseInt(s.slice(8), 16) | 0]));

function ivPairs(words: readonly string[]): Int32Array {
  return Int32Array.from(words.flatMap((s) => [parseInt(s.slice(0, 8), 16) | 0, parseInt(s.slice(8), 16) | 0]));
}

const IV512 = ivPairs(["6a09e667f3bcc908", "bb67ae8584caa73b", "3c6ef372fe94f82b", "a54ff53a5f1d36f1", "510e527fade682d1",
  "9b05688c2b3e6c1f", "1f83d9abfb41bd6b", "5be0cd19137e2179"]);
const IV384 = ivPairs(["cbbb9d5dc1059ed8", "629a292a367cd507", "9159015a3070dd17", "152fecd8f70e5939", "67332667ffc00b31",
  "8eb44a8768581511", "db0c2e0d64f98fa7", "47b5481dbefa4fa4"]);

class SHA512Base extends BlockHash {
  readonly name: string;
  readonly digest_size: number;
  protected readonly littleEndianLength = false;
  protected readonly lengthBytes = 16;
  protected readonly h: Int32Array;
  private readonly w: Int32Array;

  constructor(name: string, digest_size: number, iv: Int32Array, data?: Uint8Array) {
    super(128);
    this.name = name;
    this.digest_size = digest_size;
    this.h = iv.slice();
    this.w = new Int32Array(160);
    if (data) this.update(data);
  }

  protected compress(b: Uint8Array, o: number): void {
    const w = this.w;
    for (let i = 0; i < 32; i++, o += 4) w[i] = (b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!;
    for (let i = 16; i < 80; i++) {
      // sigma0(w[i-15]) = rotr1 ^ rotr8 ^ shr7; sigma1(w[i-2]) = rotr19 ^ rotr61 ^ shr6
      const xh = w[2 * (i - 15)]!, xl = w[2 * (i - 15) + 1]!;
      const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
      const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
      const yh = w[2 * (i - 2)]!, yl = w[2 * (i - 2) + 1]!;
      const s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6);
      const s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26));
      let lo = (w[2 * (i - 16) + 1]! >>> 0) + (s0l >>> 0) + (w[2 * (i - 7) + 1]! >>> 0) + (s1l >>> 0);
      const hi = w[2 * (i - 16)]! + s0h + w[2 * (i - 7)]! + s1h + Math.floor(lo / 0x100000000);
      w[2 * i] = hi | 0;
      w[2 * i + 1] = lo | 0;
    }
    const h = this.h;
    let ah = h[0]!, al = h[1]!, bh = h[2]!, bl = h[3]!, ch = h[4]!, cl = h[5]!, dh = h[6]!, dl = h[7]!;
    let eh = h[8]!, el = h[9]!, fh = h[10]!, fl = h[11]!, gh = h[12]!, gl = h[13]!, hh = h[14]!, hl = h[15]!;
    for (let i = 0; i < 80; i++) {
      // Sigma1(e) = rotr14 ^ rotr18 ^ rotr41
      const S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
      const S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
      const chh = (eh & fh) ^ (~eh & gh);
      const chl = (el & fl) ^ (~el & gl);
      let lo = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (K512[2 * i + 1]! >>> 0) + (w[2 * i + 1]! >>> 0);
      const t1h = (hh + S1h + chh + K512[2 * i]! + w[2 * i]! + Math.floor(lo / 0x100000000)) | 0;
      const t1l = lo | 0;
      // Sigma0(a) = rotr28 ^ rotr34 ^ rotr39
      const S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
      const S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
      const majh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      const majl = (al & bl) ^ (al & cl) ^ (bl & cl);
      lo = (S0l >>> 0) + (majl >>> 0);
      const t2h = (S0h + majh + Math.floor(lo / 0x100000000)) | 0;
      const t2l = lo | 0;
      hh = gh, hl = gl;
      gh = fh, gl = fl;
      fh = eh, fl = el;
      lo = (dl >>> 0) + (t1l >>> 0);
      eh = (dh + t1h + Math.floor(lo / 0x100000000)) | 0;
      el = lo | 0;
      dh = ch, dl = cl;
      ch = bh, cl = bl;
      bh = ah, bl = al;
      lo = (t1l >>> 0) + (t2l >>> 0);
      ah = (t1h + t2h + Math.floor(lo / 0x100000000)) | 0;
      al = lo | 0;
    }
    const add = (k: number, xh: number, xl: number): void => {
      const lo = (h[k + 1]! >>> 0) + (xl >>> 0);
      h[k] = (h[k]! + xh + Math.floor(lo / 0x100000000)) | 0;
      h[k + 1] = lo | 0;
    };
    add(0, ah, al);
    add(2, bh, bl);
    add(4, ch, cl);
    add(6, dh, dl);
    add(8, eh, el);
    add(10, fh, fl);
    add(12, gh, gl);
    add(14, hh, hl);
  }

  protected output(): Uint8Array {
    const out = new Uint8Array(this.digest_size);
    for (let i = 0; i < this.digest_size; i++) out[i] = (this.h[i >> 2]! >>> (24 - 8 * (i & 3))) & 0xff;
    return out;
  }

  protected cloneState(): SHA512Base {
    const c = new SHA512Base(this.name, this.digest_size, this.h);
    this.copyBufferInto(c);
    return c;
  }
}

export function sha512(data?: Uint8Array): BlockHash {
  return new SHA512Base("sha512", 64, IV512, data);
}

export function sha384(data?: Uint8Array): BlockHash {
  return new SHA512Base("sha384", 48, IV384, data);
}
