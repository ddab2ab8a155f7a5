// libm functions whose last bit CPython 3.13 shows (Modules/_math.h's role): glibc 2.36's erf, erfc, exp, exp2,
// expm1, log1p, sinh, cosh, tanh, asinh, acosh, atanh, log10 as x86-64 runs them (exp, expm1, log1p from the FMA
// build: their fused multiply-adds are emulated). glibc's ERANGE on underflow is left out (math ignores it).
// See docs/modules.md ("math").

import { c_log } from "../runtime/libm.js";

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
// DEVIATION: a big-endian host would need these swapped; every JS engine Typhon targets is little-endian.
const LO = 0, HI = 1;
/** The high 32 bits of x (sign, exponent, top of the significand) as a signed int, glibc's GET_HIGH_WORD. */
function highWord(x: number): number { bits[0] = x; return words[HI] | 0; }

// ---- fma(a, b, c) with one rounding: the exact product as ph + pl (Dekker), c + ph as a TwoSum, and the low
// parts added with rounding to odd, which makes the final rounding correct (Boldo and Melquiond, "Emulation of
// FMA and correctly rounded sums: proved algorithms using rounding to odd", 2008). Arguments stay far from
// overflow and from the subnormal range here. ----

const SPLITTER = 134217729; // 2**27 + 1
function fma(a: number, b: number, c: number): number {
  const ph = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b), bl = b - bh;
  const pl = ((ah * bh - ph) + ah * bl + al * bh) + al * bl;
  const sh = c + ph, bv = sh - c;
  const sl = (c - (sh - bv)) + (ph - bv);
  const vh = sl + pl, bw = vh - sl;
  const vl = (sl - (vh - bw)) + (pl - bw);
  let v = vh;
  if (vl !== 0) {
    bits[0] = vh;
    if ((words[LO] & 1) === 0) {
      // Round to odd: step |vh| one unit toward the exact sum, whose remainder vl says which way.
      const away = (vl > 0) === (vh > 0);
      if (words[LO] === 0 && !away) { words[LO] = 0xffffffff; words[HI] -= 1; }
      else if (away) words[LO] += 1;
      else words[LO] -= 1;
      v = bits[0];
    }
  }
  return sh + v;
}

// ---- exp (sysdeps/ieee754/dbl-64/e_exp.c and e_exp_data.c, Szabolcs Nagy's: x = k ln2/128 + r, 2^(k/128) from a
// table, a degree-5 polynomial for exp(r)), with the fused multiply-adds of the FMA build (e_exp-fma.c). ----

const EXP_INVLN2N = 1.4426950408889634 /* 0x1.71547652b82fep0 */ * 128;
const EXP_NEGLN2HIN = -0.005415212348111709 /* 0x1.62e42fefa0000p-8 */;
const EXP_NEGLN2LON = -1.2864023111638346e-14 /* 0x1.cf79abc9e3b3ap-47 */;
const EXP_SHIFT = 6755399441055744.0 /* 0x1.8p52 */;
const EXP_C2 = 0.49999999999996786 /* 0x1.ffffffffffdbdp-2 */, EXP_C3 = 0.16666666666665886 /* 0x1.555555555543cp-3 */;
const EXP_C4 = 0.0416666808410674 /* 0x1.55555cf172b91p-5 */, EXP_C5 = 0.008333335853059549 /* 0x1.1111167a4d017p-7 */;
/** __exp_data.tab: for k in 0..127, the words (high, low) of tail T[k] and of asuint64(H[k]) - (k << 45), where
 *  2^(k/128) ~= H[k] * (1 + T[k]). */
const EXP_TAB = new Uint32Array([
  0x00000000, 0x00000000, 0x3ff00000, 0x00000000,
  0x3c9b3b4f, 0x1a88bf6e, 0x3feff63d, 0xa9fb3335,
  0xbc716013, 0x9cd8dc5d, 0x3fefec9a, 0x3e778061,
  0xbc905e7a, 0x108766d1, 0x3fefe315, 0xe86e7f85,
  0x3c8cd252, 0x3567f613, 0x3fefd9b0, 0xd3158574,
  0xbc8bce80, 0x23f98efa, 0x3fefd06b, 0x29ddf6de,
  0x3c60f74e, 0x61e6c861, 0x3fefc745, 0x18759bc8,
  0x3c90a3e4, 0x5b33d399, 0x3fefbe3e, 0xcac6f383,
  0x3c979aa6, 0x5d837b6d, 0x3fefb558, 0x6cf9890f,
  0x3c8eb51a, 0x92fdeffc, 0x3fefac92, 0x2b7247f7,
  0x3c3ebe3d, 0x702f9cd1, 0x3fefa3ec, 0x32d3d1a2,
  0xbc6a0334, 0x89906e0b, 0x3fef9b66, 0xaffed31b,
  0xbc955652, 0x2a2fbd0e, 0x3fef9301, 0xd0125b51,
  0xbc5080ef, 0x8c4eea55, 0x3fef8abd, 0xc06c31cc,
  0xbc91c923, 0xb9d5f416, 0x3fef829a, 0xaea92de0,
  0x3c80d3e3, 0xe95c55af, 0x3fef7a98, 0xc8a58e51,
  0xbc801b15, 0xeaa59348, 0x3fef72b8, 0x3c7d517b,
  0xbc8f1ff0, 0x55de323d, 0x3fef6af9, 0x388c8dea,
  0x3c8b898c, 0x3f1353bf, 0x3fef635b, 0xeb6fcb75,
  0xbc96d99c, 0x7611eb26, 0x3fef5be0, 0x84045cd4,
  0x3c9aecf7, 0x3e3a2f60, 0x3fef5487, 0x3168b9aa,
  0xbc8fe782, 0xcb86389d, 0x3fef4d50, 0x22fcd91d,
  0x3c8a6f41, 0x44a6c38d, 0x3fef463b, 0x88628cd6,
  0x3c807a05, 0xb0e4047d, 0x3fef3f49, 0x917ddc96,
  0x3c968efd, 0xe3a8a894, 0x3fef387a, 0x6e756238,
  0x3c875e18, 0xf274487d, 0x3fef31ce, 0x4fb2a63f,
  0x3c80472b, 0x981fe7f2, 0x3fef2b45, 0x65e27cdd,
  0xbc96b87b, 0x3f71085e, 0x3fef24df, 0xe1f56381,
  0x3c82f7e1, 0x6d09ab31, 0x3fef1e9d, 0xf51fdee1,
  0xbc3d219b, 0x1a6fbffa, 0x3fef187f, 0xd0dad990,
  0x3c8b3782, 0x720c0ab4, 0x3fef1285, 0xa6e4030b,
  0x3c6e1492, 0x89cecb8f, 0x3fef0caf, 0xa93e2f56,
  0x3c834d75, 0x4db0abb6, 0x3fef06fe, 0x0a31b715,
  0x3c864201, 0xe2ac744c, 0x3fef0170, 0xfc4cd831,
  0x3c8fdd39, 0x5dd3f84a, 0x3feefc08, 0xb26416ff,
  0xbc86a380, 0x3b8e5b04, 0x3feef6c5, 0x5f929ff1,
  0xbc924aed, 0xcc4b5068, 0x3feef1a7, 0x373aa9cb,
  0xbc9907f8, 0x1b512d8e, 0x3feeecae, 0x6d05d866,
  0xbc71d1e8, 0x3e9436d2, 0x3feee7db, 0x34e59ff7,
  0xbc991919, 0xb3ce1b15, 0x3feee32d, 0xc313a8e5,
  0x3c859f48, 0xa72a4c6d, 0x3feedea6, 0x4c123422,
  0xbc931260, 0x7a28698a, 0x3feeda45, 0x04ac801c,
  0xbc58a78f, 0x4817895b, 0x3feed60a, 0x21f72e2a,
  0xbc7c2c9b, 0x67499a1b, 0x3feed1f5, 0xd950a897,
  0x3c4363ed, 0x60c2ac11, 0x3feece08, 0x6061892d,
  0x3c966609, 0x3b0664ef, 0x3feeca41, 0xed1d0057,
  0x3c6ecce1, 0xdaa10379, 0x3feec6a2, 0xb5c13cd0,
  0x3c93ff8e, 0x3f0f1230, 0x3feec32a, 0xf0d7d3de,
  0x3c7690ce, 0xbb7aafb0, 0x3feebfda, 0xd5362a27,
  0x3c931dbd, 0xeb54e077, 0x3feebcb2, 0x99fddd0d,
  0xbc8f9434, 0x0071a38e, 0x3feeb9b2, 0x769d2ca7,
  0xbc87decc, 0xdc93a349, 0x3feeb6da, 0xa2cf6642,
  0xbc78dec6, 0xbd0f385f, 0x3feeb42b, 0x569d4f82,
  0xbc861246, 0xec7b5cf6, 0x3feeb1a4, 0xca5d920f,
  0x3c933505, 0x18fdd78e, 0x3feeaf47, 0x36b527da,
  0x3c7b98b7, 0x2f8a9b05, 0x3feead12, 0xd497c7fd,
  0x3c9063e1, 0xe21c5409, 0x3feeab07, 0xdd485429,
  0x3c34c785, 0x5019c6ea, 0x3feea926, 0x8a5946b7,
  0x3c9432e6, 0x2b64c035, 0x3feea76f, 0x15ad2148,
  0xbc8ce44a, 0x6199769f, 0x3feea5e1, 0xb976dc09,
  0xbc8c33c5, 0x3bef4da8, 0x3feea47e, 0xb03a5585,
  0xbc845378, 0x892be9ae, 0x3feea346, 0x34ccc320,
  0xbc93cedd, 0x78565858, 0x3feea238, 0x82552225,
  0x3c5710aa, 0x807e1964, 0x3feea155, 0xd44ca973,
  0xbc93b3ef, 0xbf5e2228, 0x3feea09e, 0x667f3bcd,
  0xbc6a12ad, 0x8734b982, 0x3feea012, 0x750bdabf,
  0xbc6367ef, 0xb86da9ee, 0x3fee9fb2, 0x3c651a2f,
  0xbc80dc3d, 0x54e08851, 0x3fee9f7d, 0xf9519484,
  0xbc781f64, 0x7e5a3ecf, 0x3fee9f75, 0xe8ec5f74,
  0xbc86ee4a, 0xc08b7db0, 0x3fee9f9a, 0x48a58174,
  0xbc861932, 0x1e55e68a, 0x3fee9feb, 0x564267c9,
  0x3c909ccb, 0x5e09d4d3, 0x3feea069, 0x4fde5d3f,
  0xbc7b32dc, 0xb94da51d, 0x3feea114, 0x73eb0187,
  0x3c94ecfd, 0x5467c06b, 0x3feea1ed, 0x0130c132,
  0x3c65ebe1, 0xabd66c55, 0x3feea2f3, 0x36cf4e62,
  0xbc88a1c5, 0x2fb3cf42, 0x3feea427, 0x543e1a12,
  0xbc9369b6, 0xf13b3734, 0x3feea589, 0x994cce13,
  0xbc805e84, 0x3a19ff1e, 0x3feea71a, 0x4623c7ad,
  0xbc94d450, 0xd872576e, 0x3feea8d9, 0x9b4492ed,
  0x3c90ad67, 0x5b0e8a00, 0x3feeaac7, 0xd98a6699,
  0x3c8db72f, 0xc1f0eab4, 0x3feeace5, 0x422aa0db,
  0xbc65b660, 0x9cc5e7ff, 0x3feeaf32, 0x16b5448c,
  0x3c7bf683, 0x59f35f44, 0x3feeb1ae, 0x99157736,
  0xbc93091f, 0xa71e3d83, 0x3feeb45b, 0x0b91ffc6,
  0xbc5da9b8, 0x8b6c1e29, 0x3feeb737, 0xb0cdc5e5,
  0xbc6c23f9, 0x7c90b959, 0x3feeba44, 0xcbc8520f,
  0xbc924343, 0x22f4f9aa, 0x3feebd82, 0x9fde4e50,
  0xbc85ca6c, 0xd7668e4b, 0x3feec0f1, 0x70ca07ba,
  0x3c71affc, 0x2b91ce27, 0x3feec491, 0x82a3f090,
  0x3c6dd235, 0xe10a73bb, 0x3feec863, 0x19e32323,
  0xbc87c504, 0x22622263, 0x3feecc66, 0x7b5de565,
  0x3c8b1c86, 0xe3e231d5, 0x3feed09b, 0xec4a2d33,
  0xbc91bbd1, 0xd3bcbb15, 0x3feed503, 0xb23e255d,
  0x3c90cc31, 0x9cee31d2, 0x3feed99e, 0x1330b358,
  0x3c846984, 0x6e735ab3, 0x3feede6b, 0x5579fdbf,
  0xbc82dfcd, 0x978e9db4, 0x3feee36b, 0xbfd3f37a,
  0x3c8c1a77, 0x92cb3387, 0x3feee89f, 0x995ad3ad,
  0xbc907b8f, 0x4ad1d9fa, 0x3feeee07, 0x298db666,
  0xbc55c3d9, 0x56dcaeba, 0x3feef3a2, 0xb84f15fb,
  0xbc90a40e, 0x3da6f640, 0x3feef972, 0x8de5593a,
  0xbc68d6f4, 0x38ad9334, 0x3feeff76, 0xf2fb5e47,
  0xbc91eee2, 0x6b588a35, 0x3fef05b0, 0x30a1064a,
  0x3c74ffd7, 0x0a5fddcd, 0x3fef0c1e, 0x904bc1d2,
  0xbc91bdfb, 0xfa9298ac, 0x3fef12c2, 0x5bd71e09,
  0x3c736eae, 0x30af0cb3, 0x3fef199b, 0xdd85529c,
  0x3c8ee332, 0x5c9ffd94, 0x3fef20ab, 0x5fffd07a,
  0x3c84e08f, 0xd10959ac, 0x3fef27f1, 0x2e57d14b,
  0x3c63cdaf, 0x384e1a67, 0x3fef2f6d, 0x9406e7b5,
  0x3c676b2c, 0x6c921968, 0x3fef3720, 0xdcef9069,
  0xbc808a18, 0x83ccb5d2, 0x3fef3f0b, 0x555dc3fa,
  0xbc8fad5d, 0x3ffffa6f, 0x3fef472d, 0x4a07897c,
  0xbc900dae, 0x3875a949, 0x3fef4f87, 0x080d89f2,
  0x3c74a385, 0xa63d07a7, 0x3fef5818, 0xdcfba487,
  0xbc82919e, 0x2040220f, 0x3fef60e3, 0x16c98398,
  0x3c8e5a50, 0xd5c192ac, 0x3fef69e6, 0x03db3285,
  0x3c843a59, 0xac016b4b, 0x3fef7321, 0xf301b460,
  0xbc82d521, 0x07b43e1f, 0x3fef7c97, 0x337b9b5f,
  0xbc892ab9, 0x3b470dc9, 0x3fef8646, 0x14f5a129,
  0x3c74b604, 0x603a88d3, 0x3fef902e, 0xe78b3ff6,
  0x3c83c5ec, 0x519d7271, 0x3fef9a51, 0xfbc74c83,
  0xbc8ff712, 0x8fd391f0, 0x3fefa4af, 0xa2a490da,
  0xbc8dae98, 0xe223747d, 0x3fefaf48, 0x2d8e67f1,
  0x3c8ec3bc, 0x41aa2008, 0x3fefba1b, 0xee615a27,
  0x3c842b94, 0xc3a9eb32, 0x3fefc52b, 0x376bba97,
  0x3c8a64a9, 0x31d185ee, 0x3fefd076, 0x5b6e4540,
  0xbc8e37ba, 0xe43be3ed, 0x3fefdbfd, 0xad9cbe14,
  0x3c77893b, 0x4d91cd9d, 0x3fefe7c1, 0x819e90d8,
  0x3c5305c1, 0x4160cc89, 0x3feff3c2, 0x2b8f71f1,
])
const EXP_TAIL = new Float64Array(128);
for (let k = 0; k < 128; k++) {
  words[HI] = EXP_TAB[4 * k]; words[LO] = EXP_TAB[4 * k + 1];
  EXP_TAIL[k] = bits[0];
}

/** glibc's __exp (the core behind exp(), which sets errno on top: see math_1's checks). */
export function glibc_exp(x: number): number {
  bits[0] = x;
  let abstop = (words[HI] >>> 20) & 0x7ff;
  if (((abstop - 0x3c9) >>> 0) >= 0x3f) { // not 2^-54 <= |x| < 512
    if (abstop < 0x3c9) return 1.0 + x; // tiny x (0 included)
    if (abstop >= 0x409) { // |x| >= 1024
      if (x === -Infinity) return 0.0;
      if (abstop >= 0x7ff) return 1.0 + x;
      if (x < 0) return 0.0;
      return Infinity;
    }
    abstop = 0; // 512 <= |x| < 1024: scaled below
  }
  let kd = fma(x, EXP_INVLN2N, EXP_SHIFT);
  bits[0] = kd;
  const ki = words[LO]; // k modulo 2^32 (kd = 1.5 * 2^52 + k)
  kd -= EXP_SHIFT;
  const r = fma(kd, EXP_NEGLN2LON, fma(kd, EXP_NEGLN2HIN, x));
  const j = ki & 127;
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, EXP_C5, EXP_C4), fma(fma(r, EXP_C3, EXP_C2), r2, EXP_TAIL[j] + r));
  // scale = 2^(k/128) as the bits of H[j] with k >> 7 added to the exponent (ki << 45 modulo 2^64).
  words[LO] = EXP_TAB[4 * j + 3];
  words[HI] = (EXP_TAB[4 * j + 2] + (ki << 13)) >>> 0;
  if (abstop !== 0) { const scale = bits[0]; return fma(scale, tmp, scale); }
  return expSpecialCase(tmp, ki);
}

/** specialcase: results that may overflow or fall into the subnormal range, computed on a scaled `scale`. */
function expSpecialCase(tmp: number, ki: number): number {
  if ((ki & 0x80000000) === 0) {
    words[HI] = (words[HI] - (1009 << 20)) >>> 0;
    const scale = bits[0];
    return 2 ** 1009 * fma(scale, tmp, scale);
  }
  words[HI] = (words[HI] + (1022 << 20)) >>> 0;
  const scale = bits[0];
  const st = scale * tmp;
  let y = scale + st;
  if (y < 1.0) {
    // Round to 53 bits before scaling into the subnormal range (no double rounding).
    let lo = scale - y + st;
    const hi = 1.0 + y;
    lo = 1.0 - hi + y + lo;
    y = (lo + hi) - 1.0;
    if (y === 0) y = 0.0;
  }
  return 2 ** -1022 * y;
}

// ---- erf, erfc (sysdeps/ieee754/dbl-64/s_erf.c: Sun's fdlibm with the polynomials split for pipelined
// evaluation). Each range of |x| has its rational approximation; the evaluation order is glibc's, so the roundings
// are too. The branch points are compared on the high 32 bits of x, as glibc does. ----
const ERF_ERX = 8.45062911510467529297e-01; // (float)0.84506291151
const ERF_EFX = 1.28379167095512586316e-01; // 2/sqrt(pi) - 1
// |x| < 0.84375: erf(x) = x + x*R(x*x), R = P/Q.
const ERF_PP = [1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
  -5.77027029648944159157e-03, -2.37630166566501626084e-05] as const;
const ERF_QQ = [0.0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03,
  1.32494738004321644526e-04, -3.96022827877536812320e-06] as const;
// 0.84375 <= |x| < 1.25: erf(1+s) - ERX = P1(s)/Q1(s).
const ERF_PA = [-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01,
  3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02,
  -2.16637559486879084300e-03] as const;
const ERF_QA = [0.0, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02,
  1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02] as const;
// 1.25 <= |x| < 1/0.35: erfc(x) = exp(-x*x - 0.5625 + R1(1/x^2)/S1(1/x^2)) / x.
const ERF_RA = [-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01,
  -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02,
  -8.12874355063065934246e+01, -9.81432934416914548592e+00] as const;
const ERF_SA = [0.0, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02,
  6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02,
  6.57024977031928170135e+00, -6.04244152148580987438e-02] as const;
// 1/0.35 <= |x| < 28: the same with R2/S2.
const ERF_RB = [-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01,
  -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03,
  -4.83519191608651397019e+02] as const;
const ERF_SB = [0.0, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03,
  3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02,
  -2.24409524465858183362e+01] as const;
const ERF_TINY = 1e-300;


/** R(z)/Q(z) of the innermost range, z = x*x. */
function erfSmallRatio(x: number): number {
  const z = x * x, z2 = z * z, z4 = z2 * z2;
  const r = (ERF_PP[0] + z * ERF_PP[1]) + z2 * (ERF_PP[2] + z * ERF_PP[3]) + z4 * ERF_PP[4];
  const q = (1.0 + z * ERF_QQ[1]) + z2 * (ERF_QQ[2] + z * ERF_QQ[3]) + z4 * (ERF_QQ[4] + z * ERF_QQ[5]);
  return r / q;
}
/** P1(s)/Q1(s) around 1, s = |x| - 1. */
function erfNearOne(s: number): number {
  const s2 = s * s, s4 = s2 * s2, s6 = s4 * s2;
  const p = (ERF_PA[0] + s * ERF_PA[1]) + s2 * (ERF_PA[2] + s * ERF_PA[3]) + s4 * (ERF_PA[4] + s * ERF_PA[5])
    + s6 * ERF_PA[6];
  const q = (1.0 + s * ERF_QA[1]) + s2 * (ERF_QA[2] + s * ERF_QA[3]) + s4 * (ERF_QA[4] + s * ERF_QA[5])
    + s6 * ERF_QA[6];
  return p / q;
}
/** x * erfc(x) for 1.25 <= x < 28: exp(-z*z - 0.5625) * exp((z-x)(z+x) + R/S), z = x with its low word cleared
 *  (so z*z is exact). `farHigh` is the high word from which R2/S2 replace R1/S1 (erf and erfc differ by one). */
function erfcScaled(x: number, ix: number, farHigh: number): number {
  const s = 1.0 / (x * x), s2 = s * s, s4 = s2 * s2, s6 = s4 * s2;
  let R: number, S: number;
  if (ix < farHigh) {
    const s8 = s4 * s4;
    R = (ERF_RA[0] + s * ERF_RA[1]) + s2 * (ERF_RA[2] + s * ERF_RA[3]) + s4 * (ERF_RA[4] + s * ERF_RA[5])
      + s6 * (ERF_RA[6] + s * ERF_RA[7]);
    S = (1.0 + s * ERF_SA[1]) + s2 * (ERF_SA[2] + s * ERF_SA[3]) + s4 * (ERF_SA[4] + s * ERF_SA[5])
      + s6 * (ERF_SA[6] + s * ERF_SA[7]) + s8 * ERF_SA[8];
  } else {
    R = (ERF_RB[0] + s * ERF_RB[1]) + s2 * (ERF_RB[2] + s * ERF_RB[3]) + s4 * (ERF_RB[4] + s * ERF_RB[5])
      + s6 * ERF_RB[6];
    S = (1.0 + s * ERF_SB[1]) + s2 * (ERF_SB[2] + s * ERF_SB[3]) + s4 * (ERF_SB[4] + s * ERF_SB[5])
      + s6 * (ERF_SB[6] + s * ERF_SB[7]);
  }
  bits[0] = x; words[LO] = 0;
  const z = bits[0];
  return glibc_exp(-z * z - 0.5625) * glibc_exp((z - x) * (z + x) + R / S);
}

export function glibc_erf(x: number): number {
  const hx = highWord(x), ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return Number.isNaN(x) ? x : (x > 0 ? 1.0 : -1.0);
  if (ix < 0x3feb0000) { // |x| < 0.84375
    if (ix < 0x3e300000) { // |x| < 2**-28
      if (ix < 0x00800000) return 0.0625 * (16.0 * x + (16.0 * ERF_EFX) * x); // scaled: no spurious underflow
      return x + ERF_EFX * x;
    }
    return x + x * erfSmallRatio(x);
  }
  if (ix < 0x3ff40000) { // |x| < 1.25
    const pq = erfNearOne(Math.abs(x) - 1.0);
    return hx >= 0 ? ERF_ERX + pq : -ERF_ERX - pq;
  }
  if (ix >= 0x40180000) return hx >= 0 ? 1.0 - ERF_TINY : ERF_TINY - 1.0; // |x| >= 6
  const ax = Math.abs(x);
  const r = erfcScaled(ax, ix, 0x4006db6e);
  return hx >= 0 ? 1.0 - r / ax : r / ax - 1.0;
}

export function glibc_erfc(x: number): number {
  const hx = highWord(x), ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return Number.isNaN(x) ? x : (x > 0 ? 0.0 : 2.0);
  if (ix < 0x3feb0000) { // |x| < 0.84375
    if (ix < 0x3c700000) return 1.0 - x; // |x| < 2**-56
    const y = erfSmallRatio(x);
    if (hx < 0x3fd00000) return 1.0 - (x + x * y); // x < 1/4
    let r = x * y;
    r += x - 0.5;
    return 0.5 - r;
  }
  if (ix < 0x3ff40000) { // |x| < 1.25
    const pq = erfNearOne(Math.abs(x) - 1.0);
    if (hx >= 0) return (1.0 - ERF_ERX) - pq;
    return 1.0 + (ERF_ERX + pq);
  }
  if (ix < 0x403c0000) { // |x| < 28
    if (hx < 0 && ix >= 0x40180000) return 2.0 - ERF_TINY; // x <= -6
    const ax = Math.abs(x);
    const r = erfcScaled(ax, ix, 0x4006db6d);
    return hx > 0 ? r / ax : 2.0 - r / ax;
  }
  return hx > 0 ? 0.0 : 2.0 - ERF_TINY; // tiny*tiny underflows to +0
}


// ---- expm1 (sysdeps/ieee754/dbl-64/s_expm1.c, fdlibm's: x = k ln2 + r, a rational approximation of expm1(r)),
// with the fused multiply-adds of the FMA build (s_expm1-fma.c) at the places GCC contracted them. ----

const EXPM1_LN2_HI = 6.93147180369123816490e-01, EXPM1_LN2_LO = 1.90821492927058770002e-10;
const EXPM1_INVLN2 = 1.44269504088896338700e+00;
const EXPM1_O_THRESHOLD = 7.09782712893383973096e+02;
const EXPM1_Q1 = -3.33333333333331316428e-02, EXPM1_Q2 = 1.58730158725481460165e-03;
const EXPM1_Q3 = -7.93650757867487942473e-05, EXPM1_Q4 = 4.00821782732936239552e-06;
const EXPM1_Q5 = -2.01099218183624371326e-07;

/** y with k added to its exponent field (SET_HIGH_WORD(y, high + (k << 20))). */
function addExponent(y: number, k: number): number {
  bits[0] = y;
  words[HI] = (words[HI] + (k << 20)) >>> 0;
  return bits[0];
}

export function glibc_expm1(x: number): number {
  bits[0] = x;
  const xsb = words[HI] >>> 31;
  const hx = words[HI] & 0x7fffffff;
  if (hx >= 0x4043687a) { // |x| >= 56 ln2
    if (hx >= 0x40862e42) { // |x| >= 709.78...
      if (hx >= 0x7ff00000) return Number.isNaN(x) ? x : xsb === 0 ? x : -1.0;
      if (x > EXPM1_O_THRESHOLD) return Infinity;
    }
    if (xsb !== 0) return -1.0; // tiny - one
  }
  let k = 0, c = 0;
  if (hx > 0x3fd62e42) { // |x| > ln2/2: x = k ln2 + (hi - lo), c the rounding error of hi - lo
    let hi: number, lo: number;
    if (hx < 0x3ff0a2b2) { // |x| < 1.5 ln2
      if (xsb === 0) { hi = x - EXPM1_LN2_HI; lo = EXPM1_LN2_LO; k = 1; }
      else { hi = x + EXPM1_LN2_HI; lo = -EXPM1_LN2_LO; k = -1; }
    } else {
      k = Math.trunc(EXPM1_INVLN2 * x + (xsb === 0 ? 0.5 : -0.5));
      hi = fma(-k, EXPM1_LN2_HI, x); // exact
      lo = k * EXPM1_LN2_LO;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) { // |x| < 2^-54
    return x;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const h2 = hxs * hxs, h4 = h2 * h2;
  const r1 = fma(h4, fma(hxs, EXPM1_Q5, EXPM1_Q4), fma(h2, fma(hxs, EXPM1_Q3, EXPM1_Q2), fma(hxs, EXPM1_Q1, 1.0)));
  const t = fma(-r1, hfx, 3.0);
  let e = ((r1 - t) / fma(-x, t, 6.0)) * hxs;
  if (k === 0) return x - fma(e, x, -hxs);
  e = fma(e - c, x, -c);
  e -= hxs;
  if (k === -1) return fma(x - e, 0.5, -0.5);
  if (k === 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : fma(x - e, 2.0, 1.0);
  if (k <= -2 || k > 56) return addExponent(1.0 - (e - x), k) - 1.0; // exp(x) - 1 is exp(x) here
  if (k < 20) {
    words[HI] = (0x3ff00000 - (0x200000 >> k)) >>> 0; words[LO] = 0; // 1 - 2^-k
    const tk = bits[0];
    return addExponent(tk - (e - x), k);
  }
  words[HI] = (0x3ff - k) << 20; words[LO] = 0; // 2^-k
  const tk = bits[0];
  let y = x - (e + tk);
  y += 1.0;
  return addExponent(y, k);
}

// ---- cosh, sinh (e_cosh.c, e_sinh.c: fdlibm's, built without FMA) on glibc's expm1 and exp ----

export function glibc_cosh(x: number): number {
  bits[0] = x;
  const ix = words[HI] & 0x7fffffff, lx = words[LO];
  if (ix < 0x40360000) { // |x| < 22
    if (ix < 0x3fd62e43) { // |x| < ln2/2: 1 + expm1(|x|)^2 / (2 exp(|x|))
      const t = glibc_expm1(Math.abs(x));
      const w = 1.0 + t;
      if (ix < 0x3c800000) return w; // cosh(tiny) = 1
      return 1.0 + (t * t) / (w + w);
    }
    const t = glibc_exp(Math.abs(x));
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * glibc_exp(Math.abs(x)); // |x| < log(DBL_MAX)
  if (ix < 0x408633ce || (ix === 0x408633ce && lx <= 0x8fb9f87d)) { // below the overflow threshold
    const w = glibc_exp(0.5 * Math.abs(x));
    const t = 0.5 * w;
    return t * w;
  }
  if (ix >= 0x7ff00000) return x * x; // inf or nan
  return Infinity;
}

export function glibc_sinh(x: number): number {
  bits[0] = x;
  const jx = words[HI] | 0, ix = jx & 0x7fffffff, lx = words[LO];
  if (ix >= 0x7ff00000) return x + x; // inf or nan
  const h = jx < 0 ? -0.5 : 0.5;
  if (ix < 0x40360000) { // |x| < 22: sign(x) * 0.5 * (E + E/(E+1)), E = expm1(|x|)
    if (ix < 0x3e300000) return x; // sinh(tiny) = tiny
    const t = glibc_expm1(Math.abs(x));
    if (ix < 0x3ff00000) return h * (2.0 * t - t * t / (t + 1.0));
    return h * (t + t / (t + 1.0));
  }
  if (ix < 0x40862e42) return h * glibc_exp(Math.abs(x));
  if (ix < 0x408633ce || (ix === 0x408633ce && lx <= 0x8fb9f87d)) {
    const w = glibc_exp(0.5 * Math.abs(x));
    const t = h * w;
    return t * w;
  }
  return x > 0 ? Infinity : -Infinity; // x * shuge overflows
}

/** tanh (s_tanh.c: fdlibm's, built without FMA) on glibc's expm1. */
export function glibc_tanh(x: number): number {
  bits[0] = x;
  const jx = words[HI] | 0, ix = jx & 0x7fffffff, lx = words[LO];
  if (ix >= 0x7ff00000) return jx >= 0 ? 1.0 / x + 1.0 : 1.0 / x - 1.0; // +-1, or nan
  let z: number;
  if (ix < 0x40360000) { // |x| < 22
    if ((ix | lx) === 0) return x; // +-0
    if (ix < 0x3c800000) return x * (1.0 + x); // |x| < 2^-55
    if (ix >= 0x3ff00000) { // |x| >= 1
      const t = glibc_expm1(2.0 * Math.abs(x));
      z = 1.0 - 2.0 / (t + 2.0);
    } else {
      const t = glibc_expm1(-2.0 * Math.abs(x));
      z = -t / (t + 2.0);
    }
  } else {
    z = 1.0; // one - tiny
  }
  return jx >= 0 ? z : -z;
}

/** log10 (e_log10.c: fdlibm's, built without FMA): x = 2^k m, log10(x) = k log10(2) + log(m)/ln(10), on a
 *  correctly rounded log (libm.ts), which glibc's matches on all but about 1 argument in 20,000. */
export function glibc_log10(x: number): number {
  bits[0] = x;
  let hx = words[HI] | 0;
  const lx = words[LO];
  let k = 0;
  if (hx < 0x00100000) { // x < 2^-1022
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= 18014398509481984.0; // 2^54
    bits[0] = x;
    hx = words[HI] | 0;
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  bits[0] = x;
  words[HI] = ((hx & 0x000fffff) | ((0x3ff - i) << 20)) >>> 0;
  const m = bits[0];
  const y = k + i;
  const z = y * 3.69423907715893078616e-13 + 4.34294481903251816668e-01 * c_log(m);
  return z + y * 3.01029995663611771306e-01;
}

// ---- exp2 (e_exp2.c: exp's table with x = k/128 + r and a degree-5 polynomial in r; no FMA build exists) ----

const EXP2_SHIFT = 0x18000000000000 / 128; // 0x1.8p52 / N
// __exp_data.exp2_poly: 0x1.62e42fefa39efp-1, 0x1.ebfbdff82c424p-3, 0x1.c6b08d70cf4b5p-5, 0x1.3b2abd24650ccp-7, 0x1.5d7e09b4e3a84p-10
const EXP2_C1 = 0.6931471805599453, EXP2_C2 = 0.24022650695909065, EXP2_C3 = 0.0555041086686087;
const EXP2_C4 = 0.009618131975721055, EXP2_C5 = 0.0013332074570119598;

export function glibc_exp2(x: number): number {
  bits[0] = x;
  let abstop = (words[HI] >>> 20) & 0x7ff;
  if (((abstop - 0x3c9) >>> 0) >= 0x3f) { // not 2^-54 <= |x| < 512
    if (abstop < 0x3c9) return 1.0 + x;
    if (abstop >= 0x409) { // |x| >= 1024
      if (x === -Infinity) return 0.0;
      if (abstop >= 0x7ff) return 1.0 + x;
      if (x > 0) return Infinity;
      if (x <= -1075.0) return 0.0;
    }
    if (Math.abs(x) > 928.0) abstop = 0; // scaled below
  }
  let kd = x + EXP2_SHIFT;
  bits[0] = kd;
  const ki = words[LO];
  kd -= EXP2_SHIFT;
  const r = x - kd;
  const j = ki & 127;
  const r2 = r * r;
  const tmp = EXP_TAIL[j] + r * EXP2_C1 + r2 * (EXP2_C2 + r * EXP2_C3) + r2 * r2 * (EXP2_C4 + r * EXP2_C5);
  words[LO] = EXP_TAB[4 * j + 3];
  words[HI] = (EXP_TAB[4 * j + 2] + (ki << 13)) >>> 0;
  if (abstop !== 0) { const scale = bits[0]; return scale + scale * tmp; }
  if ((ki & 0x80000000) === 0) { // the exponent of scale may have overflowed by one
    words[HI] = (words[HI] - (1 << 20)) >>> 0;
    const scale = bits[0];
    return 2 * (scale + scale * tmp);
  }
  return expSpecialCase(tmp, ki);
}

// ---- log1p (s_log1p.c: fdlibm's, k ln2 + log(1+f) with a correction term c), with the fused multiply-adds of
// x86-64's FMA build (s_log1p-fma.c) at the places GCC contracted them ----

const LOG1P_LN2_HI = 6.93147180369123816490e-01, LOG1P_LN2_LO = 1.90821492927058770002e-10;
const LOG1P_LP1 = 6.666666666666735130e-01, LOG1P_LP2 = 3.999999999940941908e-01;
const LOG1P_LP3 = 2.857142874366239149e-01, LOG1P_LP4 = 2.222219843214978396e-01;
const LOG1P_LP5 = 1.818357216161805012e-01, LOG1P_LP6 = 1.531383769920937332e-01;
const LOG1P_LP7 = 1.479819860511658591e-01;

export function glibc_log1p(x: number): number {
  bits[0] = x;
  const hx = words[HI] | 0, ax = hx & 0x7fffffff;
  let k = 1, f = 0, c = 0, hu = 0;
  if (hx < 0x3fda827a) { // x < 0.41422
    if (ax >= 0x3ff00000) return x === -1.0 ? -Infinity : NaN; // x <= -1
    if (ax < 0x3e200000) { // |x| < 2^-29
      if (ax < 0x3c900000) return x;
      return fma(-(x * x), 0.5, x);
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) { k = 0; f = x; hu = 1; } // -0.2929 < x < 0.41422
  } else if (hx >= 0x7ff00000) {
    return x + x;
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      bits[0] = u;
      hu = words[HI] | 0;
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // the rounding error of 1 + x
      c /= u;
    } else {
      u = x;
      hu = hx;
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    bits[0] = u;
    if (hu < 0x6a09e) {
      words[HI] = (hu | 0x3ff00000) >>> 0; // u normalized to [1, sqrt 2)
    } else {
      k += 1;
      words[HI] = (hu | 0x3fe00000) >>> 0; // u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = bits[0] - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) { // |f| < 2^-20
    if (f === 0) return k === 0 ? 0.0 : fma(k, LOG1P_LN2_HI, fma(k, LOG1P_LN2_LO, c));
    const R = fma(-f, 0.66666666666666666, 1.0) * hfsq;
    if (k === 0) return f - R;
    return fma(k, LOG1P_LN2_HI, -((R - fma(k, LOG1P_LN2_LO, c)) - f));
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const z2 = z * z, z4 = z2 * z2, z6 = z2 * z4;
  const R = fma(z6, fma(z, LOG1P_LP7, LOG1P_LP6), fma(z4, fma(z, LOG1P_LP5, LOG1P_LP4),
    fma(z, LOG1P_LP1, z2 * fma(z, LOG1P_LP3, LOG1P_LP2))));
  const sR = (hfsq + R) * s;
  if (k === 0) return f - (hfsq - sR);
  return fma(k, LOG1P_LN2_HI, -((hfsq - (sR + fma(k, LOG1P_LN2_LO, c))) - f));
}

/** atanh (e_atanh.c: 0.5 log1p(2x + 2x^2/(1 - x)) below 1/2, 0.5 log1p(2x/(1 - x)) above; built without FMA). */
export function glibc_atanh(x: number): number {
  const xa = Math.abs(x);
  let t: number;
  if (xa < 0.5) {
    if (xa < 2 ** -28) return x;
    t = xa + xa;
    t = 0.5 * glibc_log1p(t + t * xa / (1.0 - xa));
  } else if (xa < 1.0) {
    t = 0.5 * glibc_log1p((xa + xa) / (1.0 - xa));
  } else {
    if (xa > 1.0) return NaN;
    if (Number.isNaN(x)) return x;
    return x / 0.0;
  }
  return x < 0 || Object.is(x, -0) ? -t : t;
}

const LN2 = 6.93147180559945286227e-01;

/** asinh (s_asinh.c: log(2|x| + 1/(sqrt(x^2+1) + |x|)) above 2, log1p below; built without FMA), on glibc's
 *  log1p and libm.ts's correctly rounded log. */
export function glibc_asinh(x: number): number {
  bits[0] = x;
  const ix = words[HI] & 0x7fffffff;
  if (ix < 0x3e300000) return x; // |x| < 2^-28
  let w: number;
  if (ix > 0x41b00000) { // |x| > 2^28
    if (ix >= 0x7ff00000) return x + x;
    w = c_log(Math.abs(x)) + LN2;
  } else {
    const xa = Math.abs(x);
    if (ix > 0x40000000) w = c_log(2.0 * xa + 1.0 / (Math.sqrt(xa * xa + 1.0) + xa)); // 2 < |x| < 2^28
    else {
      const t = xa * xa;
      w = glibc_log1p(xa + t / (1.0 + Math.sqrt(1.0 + t)));
    }
  }
  return x < 0 ? -w : w;
}

/** acosh (e_acosh.c: log(2x - 1/(x + sqrt(x^2-1))) above 2, log1p(t + sqrt(2t + t^2)) with t = x-1 below). */
export function glibc_acosh(x: number): number {
  bits[0] = x;
  const hx = words[HI] | 0, lx = words[LO];
  if (hx < 0x3ff00000) return NaN; // x < 1
  if (hx >= 0x41b00000) return hx >= 0x7ff00000 ? x + x : c_log(x) + LN2; // x > 2^28: log(2x)
  if (((hx - 0x3ff00000) | lx) === 0) return 0.0;
  if (hx > 0x40000000) {
    const t = x * x;
    return c_log(2.0 * x - 1.0 / (x + Math.sqrt(t - 1.0)));
  }
  const t = x - 1.0;
  return glibc_log1p(t + Math.sqrt(2.0 * t + t * t));
}
