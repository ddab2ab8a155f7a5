// Adler-32 checksum (zlib's adler32.c), as zlib.adler32 returns it: an unsigned 32-bit number.
// See docs/modules.md.

const BASE = 65521;
/** Largest n such that 255n(n+1)/2 + (n+1)(BASE-1) fits in 2^53 is far above this; 5552 keeps sums small (zlib's NMAX). */
const NMAX = 5552;

export function adler32(adler: number, buf: Uint8Array, start = 0, end = buf.length): number {
  let a = adler & 0xffff;
  let b = (adler >>> 16) & 0xffff;
  let i = start;
  // zlib's adler32_z reduces short inputs with a single conditional subtraction; mirror it so that
  // out-of-range starting values (a or b >= BASE) give zlib's results.
  if (end - start === 1) {
    a += buf[i]!;
    if (a >= BASE) a -= BASE;
    b += a;
    if (b >= BASE) b -= BASE;
    return ((b << 16) | a) >>> 0;
  }
  if (end - start < 16) {
    for (; i < end; i++) {
      a += buf[i]!;
      b += a;
    }
    if (a >= BASE) a -= BASE;
    b %= BASE;
    return ((b << 16) | a) >>> 0;
  }
  while (i < end) {
    const stop = Math.min(end, i + NMAX);
    for (; i < stop; i++) {
      a += buf[i]!;
      b += a;
    }
    a %= BASE;
    b %= BASE;
  }
  return ((b << 16) | a) >>> 0;
}
