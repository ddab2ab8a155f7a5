// Hash functions equal to CPython's (Python/pyhash.c, Include/pyhash.h): SipHash-1-3 for str and bytes keyed by
// _Py_HashSecret (derived from PYTHONHASHSEED as Python/bootstrap_hash.c does), the modular numeric hash, and the
// 64-bit arithmetic the tuple hash needs, on pairs of uint32 halves (no BigInt on hot paths). See docs/objects.md.

export const _PyHASH_BITS = 61;
export const _PyHASH_MODULUS = (1n << 61n) - 1n;
export const _PyHASH_INF = 314159;

/** The SipHash key k0, k1 as int32 halves (k0 = k0hi:k0lo): signed, like all of siphash13's arithmetic. */
const secret = new Int32Array(4);

/** Initialise the hash secret: seed 0 disables randomisation (all-zero key); other seeds go through CPython's
 *  lcg_urandom; `random` supplies entropy when PYTHONHASHSEED is unset or "random". */
export function _Py_HashRandomization_Init(seed: number | null, random: (n: number) => Uint8Array): void {
  let bytes: Uint8Array;
  if (seed === null) bytes = random(24);
  else {
    bytes = new Uint8Array(24);
    if (seed !== 0) {
      let x = seed >>> 0;
      for (let i = 0; i < 24; i++) {
        x = (Math.imul(x, 214013) + 2531011) >>> 0;
        bytes[i] = (x >>> 16) & 0xff;
      }
    }
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, 16);
  secret[0] = dv.getInt32(4, true); // k0 hi
  secret[1] = dv.getInt32(0, true); // k0 lo
  secret[2] = dv.getInt32(12, true); // k1 hi
  secret[3] = dv.getInt32(8, true); // k1 lo
}

/** The 64-bit result of the last hash computation, as signed int32 halves. */
export const hashOut = new Int32Array(2); // [lo, hi]

/** SipHash-1-3 of the first `len` bytes of src with the secret key (CPython's siphash13 in Python/pyhash.c). Result in
 *  hashOut. The state lives in locals and the rounds are written out (no closure, no module-level temporaries): start-up
 *  hashes thousands of names while this function still runs in V8's interpreter. Every value is a signed int32
 *  (`| 0`, no `>>> 0`): V8 keeps those as small integers in its interpreter and baseline tiers, where a uint32 of
 *  2**31 or more is a heap number allocated per operation. A 64-bit add carries out of the low words by
 *  ((a & b) | ((a | b) & ~sum)) >>> 31. */
export function siphash13(src: Uint8Array, len: number = src.length): void {
  const k0h = secret[0], k0l = secret[1], k1h = secret[2], k1l = secret[3];
  let v0h = k0h ^ 0x736f6d65, v0l = k0l ^ 0x70736575;
  let v1h = k1h ^ 0x646f7261, v1l = k1l ^ 0x6e646f6d;
  let v2h = k0h ^ 0x6c796765, v2l = k0l ^ 0x6e657261;
  let v3h = k1h ^ 0x74656462, v3l = k1l ^ 0x79746573;
  const full = len & ~7;
  let t = 0, a = 0;
  // Every 8-byte block, then the tail block (remaining bytes little-endian, the length in the top byte): one round
  // each (c = 1); then v2 ^= 0xff and three rounds (d = 3). `phase` counts: 0 blocks, 1 tail, 2.. finalisation.
  let i = 0, mh = 0, ml = 0;
  for (let phase = 0; phase < 5;) {
    if (phase === 0) {
      if (i < full) {
        ml = src[i] | (src[i + 1] << 8) | (src[i + 2] << 16) | (src[i + 3] << 24);
        mh = src[i + 4] | (src[i + 5] << 8) | (src[i + 6] << 16) | (src[i + 7] << 24);
        i += 8;
      } else {
        ml = 0;
        mh = (len & 0xff) << 24;
        for (let j = 0; j < len - full; j++) {
          const b = src[full + j];
          if (j < 4) ml |= b << (8 * j);
          else mh |= b << (8 * (j - 4));
        }
        phase = 1;
      }
      v3h ^= mh; v3l ^= ml;
    }
    // HALF_ROUND(v0,v1,v2,v3,13,16)
    t = (v0l + v1l) | 0; v0h = (v0h + v1h + (((v0l & v1l) | ((v0l | v1l) & ~t)) >>> 31)) | 0; v0l = t;
    t = (v2l + v3l) | 0; v2h = (v2h + v3h + (((v2l & v3l) | ((v2l | v3l) & ~t)) >>> 31)) | 0; v2l = t;
    a = (v1h << 13) | (v1l >>> 19); v1l = ((v1l << 13) | (v1h >>> 19)) ^ v0l; v1h = a ^ v0h;
    a = (v3h << 16) | (v3l >>> 16); v3l = ((v3l << 16) | (v3h >>> 16)) ^ v2l; v3h = a ^ v2h;
    t = v0h; v0h = v0l; v0l = t;
    // HALF_ROUND(v2,v1,v0,v3,17,21)
    t = (v2l + v1l) | 0; v2h = (v2h + v1h + (((v2l & v1l) | ((v2l | v1l) & ~t)) >>> 31)) | 0; v2l = t;
    t = (v0l + v3l) | 0; v0h = (v0h + v3h + (((v0l & v3l) | ((v0l | v3l) & ~t)) >>> 31)) | 0; v0l = t;
    a = (v1h << 17) | (v1l >>> 15); v1l = ((v1l << 17) | (v1h >>> 15)) ^ v2l; v1h = a ^ v2h;
    a = (v3h << 21) | (v3l >>> 11); v3l = ((v3l << 21) | (v3h >>> 11)) ^ v0l; v3h = a ^ v0h;
    t = v2h; v2h = v2l; v2l = t;
    if (phase === 0) {
      v0h ^= mh; v0l ^= ml;
    } else if (phase === 1) {
      v0h ^= mh; v0l ^= ml;
      v2l ^= 0xff;
      phase = 2;
    } else phase++;
  }
  hashOut[0] = v0l ^ v1l ^ v2l ^ v3l;
  hashOut[1] = v0h ^ v1h ^ v2h ^ v3h;
}

/** _Py_HashBytes: 0 for empty input, -1 mapped to -2. Result in hashOut. */
export function _Py_HashBytes(src: Uint8Array): void {
  if (src.length === 0) { hashOut[0] = 0; hashOut[1] = 0; return; }
  siphash13(src);
  if (hashOut[0] === -1 && hashOut[1] === -1) hashOut[0] = -2;
}

let scratch = new Uint8Array(256);

/** Hash of a str given as UTF-16 text: CPython hashes its internal 1-, 2- or 4-byte-per-character form. */
export function hashUnicodeText(s: string): void {
  const n = s.length;
  if (n === 0) { hashOut[0] = 0; hashOut[1] = 0; return; }
  let max = 0;
  for (let i = 0; i < n; i++) { const c = s.charCodeAt(i); if (c > max) max = c; }
  let buf: Uint8Array;
  if (max < 0x100) {
    // The common case: into a reused buffer (an allocation per name costs more than the hash at start-up).
    if (scratch.length < n) scratch = new Uint8Array(Math.max(n, 2 * scratch.length));
    buf = scratch;
    for (let i = 0; i < n; i++) buf[i] = s.charCodeAt(i);
    siphash13(buf, n);
    if (hashOut[0] === -1 && hashOut[1] === -1) hashOut[0] = -2;
    return;
  } else {
    let astral = false;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) { astral = true; break; }
      }
    }
    if (!astral) {
      buf = new Uint8Array(n * 2);
      for (let i = 0; i < n; i++) { const c = s.charCodeAt(i); buf[2 * i] = c & 0xff; buf[2 * i + 1] = c >> 8; }
    } else {
      const cps: number[] = [];
      for (const ch of s) cps.push(ch.codePointAt(0)!);
      buf = new Uint8Array(cps.length * 4);
      for (let i = 0; i < cps.length; i++) {
        const c = cps[i];
        buf[4 * i] = c & 0xff; buf[4 * i + 1] = (c >> 8) & 0xff; buf[4 * i + 2] = (c >> 16) & 0xff; buf[4 * i + 3] = 0;
      }
    }
  }
  _Py_HashBytes(buf);
}

/** Split a safe-integer hash value into hashOut. */
export function hashFromNumber(h: number): void {
  hashOut[0] = h | 0;
  hashOut[1] = Math.floor(h / 4294967296) | 0;
}

/** Split a bigint hash value (a signed 64-bit value) into hashOut. */
export function hashFromBigInt(h: bigint): void {
  const u = BigInt.asUintN(64, h);
  hashOut[0] = Number(u & 0xffffffffn) | 0;
  hashOut[1] = Number(u >> 32n) | 0;
}

/** The Python int value of a hash held as halves. */
export function hashToValue(lo: number, hi: number): number | bigint {
  if ((hi === 0 && lo >= 0) || (hi === -1 && lo < 0)) return lo;
  const v = hi * 4294967296 + (lo >>> 0);
  if (Number.isSafeInteger(v)) return v;
  return (BigInt(hi) << 32n) | BigInt(lo >>> 0);
}

/** Hash of an arbitrary-precision int: sign(n) * (|n| mod 2^61-1), with -1 mapped to -2 (long_hash). */
export function hashBigInt(n: bigint): void {
  const neg = n < 0n;
  let m = (neg ? -n : n) % _PyHASH_MODULUS;
  if (neg) m = -m;
  if (m === -1n) m = -2n;
  hashFromBigInt(m);
}

/** _Py_HashDouble for a finite or infinite double (NaN is hashed by identity by the caller). */
export function hashDouble(x: number): void {
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) {
    hashFromNumber(x === -1 ? -2 : x === 0 ? 0 : x);
    return;
  }
  if (!Number.isFinite(x)) { hashFromNumber(x > 0 ? _PyHASH_INF : -_PyHASH_INF); return; }
  // x = m * 2**e exactly, with m an integer; the hash is m * 2**e reduced mod 2**61-1, where 2**61 == 1.
  const neg = x < 0;
  let ax = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(ax)) { ax *= 2; e--; }
  let m = BigInt(ax);
  // 2**e mod P with e possibly negative: 2**e == 2**(e mod 61).
  const ee = ((e % 61) + 61) % 61;
  m = (m % _PyHASH_MODULUS) * (1n << BigInt(ee)) % _PyHASH_MODULUS;
  let h = neg ? -m : m;
  if (h === -1n) h = -2n;
  hashFromBigInt(h);
}

// ---- 64-bit arithmetic on uint32 halves, for the tuple hash (xxHash, Objects/tupleobject.c) ----

let mh = 0, ml = 0;
/** (ah:al) * (bh:bl) mod 2**64 into mh:ml. */
function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const t = a0 * b0;
  const m = a1 * b0 + a0 * b1;
  const lowSum = t + (m % 65536) * 65536;
  const lo = lowSum >>> 0;
  const carry = Math.floor(lowSum / 4294967296);
  let hi = (a1 * b1 + Math.floor(m / 65536) + carry) >>> 0;
  hi = (hi + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
  mh = hi; ml = lo;
}

const P1H = 0x9e3779b1, P1L = 0x85ebca87; // _PyHASH_XXPRIME_1 = 11400714785074694791
const P2H = 0xc2b2ae3d, P2L = 0x27d4eb4f; // _PyHASH_XXPRIME_2 = 14029467366897019727
const P5H = 0x27d4eb2f, P5L = 0x165667c5; // _PyHASH_XXPRIME_5 = 2870177450012600261

/** Tuple hash over item hashes (pairs lo, hi); result in hashOut. */
export class TupleHasher {
  ah: number;
  al: number;
  constructor() {
    this.ah = P5H;
    this.al = P5L;
  }
  add(lo: number, hi: number): void {
    mul64(hi >>> 0, lo >>> 0, P2H, P2L);
    let l = this.al + ml;
    let h = (this.ah + mh + (l > 0xffffffff ? 1 : 0)) >>> 0;
    l = l >>> 0;
    // rotate left 31
    const nh = ((h << 31) | (l >>> 1)) >>> 0;
    const nl = ((l << 31) | (h >>> 1)) >>> 0;
    mul64(nh, nl, P1H, P1L);
    this.ah = mh; this.al = ml;
  }
  finish(len: number): void {
    // acc += len ^ (XXPRIME_5 ^ 3527539)
    const xl = (len ^ (P5L ^ 3527539)) >>> 0;
    const xh = (Math.floor(len / 4294967296) ^ P5H) >>> 0;
    let l = this.al + xl;
    const h = (this.ah + xh + (l > 0xffffffff ? 1 : 0)) >>> 0;
    l = l >>> 0;
    if (h === 0xffffffff && l === 0xffffffff) { hashOut[0] = 1546275796; hashOut[1] = 0; return; }
    hashOut[0] = l | 0;
    hashOut[1] = h | 0;
  }
}
