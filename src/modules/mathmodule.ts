// The math module (Modules/mathmodule.c): libm wrappers with math_1/math_2's error rules, CPython's own gamma,
// lgamma, fsum, vector_norm (hypot, dist), sumprod's triple-length accumulation, the integer functions over bigint,
// and an exact fma. libm's own functions come from src/runtime/libm.ts where it has them. See docs/modules.md.
import { Py_TYPE, METH_O, METH_FASTCALL, METH_KEYWORDS, Py_None, type PyVal } from "../objects/object.js";
import { PyFloat_FromDouble, PyFloat_AsDouble, PyFloatObject, PyFloat_Type, float_int_value } from "../objects/floatobject.js";
import { PyLong_Check, PyLong_CheckExact, PyLong_FromBigInt, PyLong_AsDouble, longValue, bitLen } from "../objects/longobject.js";
import { PyBool_FromLong, PyBool_Type } from "../objects/boolobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import {
  PyNumber_Index, PyNumber_Add, PyNumber_Multiply, PyNumber_TrueDivide, PyObject_GetIter, PyIter_Next,
  _PyObject_LookupSpecial, PyObject_CallNoArgs, PySequence_List,
} from "../objects/abstract.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError } from "../objects/exceptions.js";
import { PyErr_Format } from "../runtime/errors.js";
import { unpackArgs, parseArgs } from "../runtime/getargs.js";
import { c_log, c_pow, c_sin, c_cos, c_atan2 } from "../runtime/libm.js";
import { glibc_erf, glibc_erfc, glibc_exp, glibc_exp2, glibc_expm1, glibc_cosh, glibc_sinh, glibc_tanh, glibc_log10,
  glibc_log1p, glibc_atanh, glibc_asinh, glibc_acosh } from "./_math.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";

const pi = 3.141592653589793238462643383279502884197;
const logpi = 1.144729885849400174143427351353058711647;
const LONG_MAX = 9223372036854775807n;

function domainError(): never { return PyErr_Format(PyExc_ValueError, "math domain error"); }
function rangeError(): never { return PyErr_Format(PyExc_OverflowError, "math range error"); }

// ---- bits of a double ----
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
function doubleToBits(x: number): bigint { f64[0] = x; return u64[0]; }
function bitsToDouble(b: bigint): number { u64[0] = BigInt.asUintN(64, b); return f64[0]; }

/** frexp: x = m * 2**e with 0.5 <= |m| < 1 (x finite and nonzero). */
function frexp(x: number): [number, number] {
  let e = 0;
  if (Math.abs(x) < 2.2250738585072014e-308) { x *= 2 ** 64; e = -64; }
  const bits = doubleToBits(x);
  const be = Number((bits >> 52n) & 0x7ffn);
  e += be - 1022;
  const m = bitsToDouble((bits & ~(0x7ffn << 52n)) | (1022n << 52n));
  return [m, e];
}

/** ldexp(x, n) with a single rounding for subnormal results. */
function ldexp(x: number, n: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  if (n > 2100) return x * Infinity;
  if (n < -2200) return x * 0;
  // Scale in steps that are exact until the last one.
  while (n > 1000) { x *= 2 ** 1000; n -= 1000; }
  if (n < -1000) {
    const [m, e] = frexp(x);
    if (e + n >= -1021) return m * 2 ** (e + n);  // still normal: exact
    return roundScaled(BigInt(m * 2 ** 53), e + n - 53);
  }
  if (n >= -1021 || Math.abs(x) * 2 ** n >= 2.2250738585072014e-308) return x * 2 ** n;
  const [m, e] = frexp(x);
  return roundScaled(BigInt(m * 2 ** 53), e + n - 53);
}

/** The double nearest M * 2**E (ties to even), with subnormals and overflow. */
function roundScaled(M: bigint, E: number): number {
  if (M === 0n) return 0;
  const neg = M < 0n;
  let a = neg ? -M : M;
  const n = bitLen(a);
  const top = E + n - 1;
  if (top > 1023) return neg ? -Infinity : Infinity;
  const keep = top >= -1022 ? 53 : 53 - (-1022 - top);
  let e = E;
  if (keep <= 0) {
    // Below half the smallest subnormal, or up to it: round to 0 or 2**-1074.
    const half = -1075;
    if (top < half) return neg ? -0 : 0;
    if (top === half && a === 1n << BigInt(n - 1)) return neg ? -0 : 0;  // exactly half: even is 0
    return neg ? -5e-324 : 5e-324;
  }
  const shift = n - keep;
  if (shift > 0) {
    const sh = BigInt(shift);
    const low = a & ((1n << sh) - 1n);
    a >>= sh;
    const halfv = 1n << (sh - 1n);
    if (low > halfv || (low === halfv && (a & 1n) === 1n)) a += 1n;
    e += shift;
  }
  const v = Number(a) * 2 ** e;
  return neg ? -v : v;
}

/** x as an exact M * 2**E. */
function decompose(x: number): [bigint, number] {
  const [m, e] = frexp(x);
  return [BigInt(m * 2 ** 53), e - 53];
}

/** fma(x, y, z): x*y+z rounded once. */
function fma(x: number, y: number, z: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) return x * y + z;
  if (x === 0 || y === 0 || z === 0) return x * y + z;
  const [mx, ex] = decompose(x), [my, ey] = decompose(y), [mz, ez] = decompose(z);
  const ep = ex + ey;
  const E = Math.min(ep, ez);
  const s = (mx * my << BigInt(ep - E)) + (mz << BigInt(ez - E));
  if (s === 0n) return 0;
  return roundScaled(s, E);
}

/** C's nextafter. */
function nextafter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  const b = doubleToBits(x);
  return bitsToDouble((x < y) === (x > 0) ? b + 1n : b - 1n);
}

// ---- error-free transformations (the DoubleLength / TripleLength helpers) ----
type DL = { hi: number; lo: number };
function dl_fast_sum(a: number, b: number): DL { const x = a + b; return { hi: x, lo: (a - x) + b }; }
function dl_sum(a: number, b: number): DL { const x = a + b, z = x - a; return { hi: x, lo: (a - (x - z)) + (b - z) }; }
function dl_split(x: number): DL { const t = x * 134217729.0, hi = t - (t - x); return { hi, lo: x - hi }; }
function dl_mul(x: number, y: number): DL {
  // Dekker's product: CPython's UNRELIABLE_FMA variant, exact like fma(x, y, -z).
  const xx = dl_split(x), yy = dl_split(y);
  const p = xx.hi * yy.hi, q = xx.hi * yy.lo + xx.lo * yy.hi;
  const z = p + q;
  return { hi: z, lo: p - z + q + xx.lo * yy.lo };
}
type TL = { hi: number; lo: number; tiny: number };
function tl_fma(x: number, y: number, t: TL): TL {
  const pr = dl_mul(x, y), sm = dl_sum(t.hi, pr.hi), r1 = dl_sum(t.lo, pr.lo), r2 = dl_sum(r1.hi, sm.lo);
  return { hi: sm.hi, lo: r2.hi, tiny: t.tiny + r1.lo + r2.lo };
}
function tl_to_d(t: TL): number { const last = dl_sum(t.lo, t.hi); return t.tiny + last.lo + last.hi; }

// ---- CPython's own real functions ----

function m_sinpi(x: number): number {
  const y = Math.abs(x) % 2.0;
  const n = Math.round(2.0 * y);
  let r: number;
  switch (n) {
    case 0: r = c_sin(pi * y); break;
    case 1: r = c_cos(pi * (y - 0.5)); break;
    case 2: r = c_sin(pi * (1.0 - y)); break;
    case 3: r = -c_cos(pi * (y - 1.5)); break;
    default: r = c_sin(pi * (y - 2.0)); break;
  }
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

const lanczos_g = 6.024680040776729583740234375;
const lanczos_g_minus_half = 5.524680040776729583740234375;
const lanczos_num_coeffs = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
] as const;
const lanczos_den_coeffs = [
  0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0,
  1925.0, 66.0, 1.0,
] as const;
const gamma_integral = [
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
  6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
  121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
] as const;

function lanczos_sum(x: number): number {
  let num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (let i = 13; --i >= 0;) { num = num * x + lanczos_num_coeffs[i]; den = den * x + lanczos_den_coeffs[i]; }
  } else {
    for (let i = 0; i < 13; i++) { num = num / x + lanczos_num_coeffs[i]; den = den / x + lanczos_den_coeffs[i]; }
  }
  return num / den;
}

/** errno as the C functions set it: 0, EDOM or ERANGE. */
let errno: 0 | "EDOM" | "ERANGE" = 0;

function m_tgamma(x: number): number {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x) || x > 0) return x;
    errno = "EDOM"; return NaN;
  }
  if (x === 0) { errno = "EDOM"; return Object.is(x, -0) ? -Infinity : Infinity; }
  if (x === Math.floor(x)) {
    if (x < 0) { errno = "EDOM"; return NaN; }
    if (x <= 23) return gamma_integral[x - 1];
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) { const r = 1.0 / x; if (!Number.isFinite(r)) errno = "ERANGE"; return r; }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / m_sinpi(x);
    errno = "ERANGE"; return Infinity;
  }
  const y = absx + lanczos_g_minus_half;
  let z: number;
  if (absx > lanczos_g_minus_half) { const q = y - absx; z = q - lanczos_g_minus_half; }
  else { const q = y - lanczos_g_minus_half; z = q - absx; }
  z = z * lanczos_g / y;
  let r: number;
  if (x < 0.0) {
    r = -pi / m_sinpi(absx) / absx * glibc_exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) r /= c_pow(y, absx - 0.5);
    else { const sp = c_pow(y, absx / 2.0 - 0.25); r /= sp; r /= sp; }
  } else {
    r = lanczos_sum(absx) / glibc_exp(y);
    r += z * r;
    if (absx < 140.0) r *= c_pow(y, absx - 0.5);
    else { const sp = c_pow(y, absx / 2.0 - 0.25); r *= sp; r *= sp; }
  }
  if (!Number.isFinite(r)) errno = "ERANGE";
  return r;
}

function m_lgamma(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? x : Infinity;
  if (x === Math.floor(x) && x <= 2.0) {
    if (x <= 0.0) { errno = "EDOM"; return Infinity; }
    return 0.0;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return -c_log(absx);
  let r = c_log(lanczos_sum(absx)) - lanczos_g;
  r += (absx - 0.5) * (c_log(absx + lanczos_g - 0.5) - 1);
  if (x < 0.0) r = logpi - c_log(Math.abs(m_sinpi(absx))) - c_log(absx) - r;
  if (!Number.isFinite(r)) errno = "ERANGE";
  return r;
}

/** cbrt as glibc computes it (sysdeps/ieee754/dbl-64/s_cbrt.c): a degree-6 polynomial guess on the reduced
 *  argument, one Halley step, and the exponent divided by 3. Not correctly rounded (cbrt(27.0) is
 *  3.0000000000000004), and CPython shows glibc's value, so Typhon computes the same. */
const CBRT2 = 1.2599210498948731648, SQR_CBRT2 = 1.5874010519681994748;
const cbrt_factor = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2] as const;
function c_cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [xm, xe] = frexp(Math.abs(x));
  const u = (0.354895765043919860 + ((1.50819193781584896 + ((-2.11499494167371287 + ((2.44693122563534430
    + ((-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm)) * xm)) * xm)) * xm));
  const t2 = u * u * u;
  const ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * cbrt_factor[2 + (xe % 3)];
  return copysign(ldexp(ym, Math.trunc(xe / 3)), x);
}

function copysign(x: number, y: number): number {
  const neg = y < 0 || Object.is(y, -0) || (Number.isNaN(y) && (doubleToBits(y) >> 63n) === 1n);
  return neg ? -Math.abs(x) : Math.abs(x);
}

function m_atan2(y: number, x: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (!Number.isFinite(y)) {
    if (!Number.isFinite(x)) return copysign(copysign(1, x) === 1 ? 0.25 * pi : 0.75 * pi, y);
    return copysign(0.5 * pi, y);
  }
  if (!Number.isFinite(x) || y === 0) return copysign(copysign(1, x) === 1 ? 0 : pi, y);
  return c_atan2(y, x);
}

function c_fmod(x: number, y: number): number { return x % y; }  // JS % is C's fmod (exact, sign of x)

function m_remainder(x: number, y: number): number {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0.0) return NaN;
    const absx = Math.abs(x), absy = Math.abs(y);
    const m = absx % absy;
    const c = absy - m;
    let r: number;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2.0 * ((0.5 * (absx - m)) % absy);
    return copysign(1.0, x) * r;
  }
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  if (!Number.isFinite(x)) return NaN;
  return x;
}

function m_log(x: number): number {
  if (Number.isFinite(x)) {
    if (x > 0.0) return c_log(x);
    errno = "EDOM";
    return x === 0.0 ? -Infinity : NaN;
  }
  if (Number.isNaN(x) || x > 0) return x;
  errno = "EDOM"; return NaN;
}
function m_log2(x: number): number {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x) || x > 0) return x;
    errno = "EDOM"; return NaN;
  }
  if (x > 0.0) {
    // Exact for powers of two.
    const [m, e] = frexp(x);
    if (m === 0.5) return e - 1;
    return Math.log2(x);
  }
  errno = "EDOM";
  return x === 0.0 ? -Infinity : NaN;
}
function m_log10(x: number): number {
  if (Number.isFinite(x)) {
    if (x > 0.0) return glibc_log10(x);
    errno = "EDOM";
    return x === 0.0 ? -Infinity : NaN;
  }
  if (Number.isNaN(x) || x > 0) return x;
  errno = "EDOM"; return NaN;
}
function m_log1p(x: number): number {
  // log1p(-0.0) is -0.0 in C99; glibc's agrees.
  return glibc_log1p(x);
}

// ---- the wrappers' error rules ----

/** is_error: map errno to an exception, ignoring underflow. */
function is_error(r: number): boolean {
  if (errno === "EDOM") domainError();
  if (errno === "ERANGE") {
    if (Math.abs(r) < 1.5) return false;
    rangeError();
  }
  return false;
}

function math_1(arg: PyVal, func: (x: number) => number, can_overflow: boolean): PyVal {
  const x = PyFloat_AsDouble(arg);
  errno = 0;
  const r = func(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) domainError();
  if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) {
    if (can_overflow) rangeError();
    domainError();
  }
  if (Number.isFinite(r) && errno !== 0) is_error(r);
  return PyFloat_FromDouble(r);
}

function math_1a(arg: PyVal, func: (x: number) => number): PyVal {
  const x = PyFloat_AsDouble(arg);
  errno = 0;
  const r = func(x);
  if (errno !== 0) is_error(r);
  return PyFloat_FromDouble(r);
}

function math_2(args: readonly PyVal[], func: (x: number, y: number) => number, name: string): PyVal {
  unpackArgs(name, args, 2, 2);
  const x = PyFloat_AsDouble(args[0]), y = PyFloat_AsDouble(args[1]);
  errno = 0;
  const r = func(x, y);
  if (Number.isNaN(r)) errno = !Number.isNaN(x) && !Number.isNaN(y) ? "EDOM" : 0;
  else if (!Number.isFinite(r)) errno = Number.isFinite(x) && Number.isFinite(y) ? "ERANGE" : 0;
  if (errno !== 0) is_error(r);
  return PyFloat_FromDouble(r);
}

const F1 = (name: string, f: (x: number) => number, can_overflow: boolean) =>
  ({ name, meth: (_m: PyVal, a: PyVal) => math_1(a, f, can_overflow), flags: METH_O });
const F1A = (name: string, f: (x: number) => number) =>
  ({ name, meth: (_m: PyVal, a: PyVal) => math_1a(a, f), flags: METH_O });
const F2 = (name: string, f: (x: number, y: number) => number) =>
  ({ name, meth: (_m: PyVal, a: PyVal[]) => math_2(a, f, name), flags: METH_FASTCALL });

/** A "double" parameter of Argument Clinic. */
const dbl = PyFloat_AsDouble;

function bigOf(v: PyVal): bigint { const x = longValue(v); return typeof x === "bigint" ? x : BigInt(x); }

// ---- ceil, floor, trunc ----

function math_ceil(_m: PyVal, number: PyVal): PyVal {
  let x: number;
  if (number instanceof PyFloatObject && number.ob_type === PyFloat_Type) x = number.ob_fval;
  else {
    const method = _PyObject_LookupSpecial(number, "__ceil__");
    if (method !== undefined) return PyObject_CallNoArgs(method);
    x = PyFloat_AsDouble(number);
  }
  return float_int_value(Math.ceil(x));
}
function math_floor(_m: PyVal, number: PyVal): PyVal {
  let x: number;
  if (number instanceof PyFloatObject && number.ob_type === PyFloat_Type) x = number.ob_fval;
  else {
    const method = _PyObject_LookupSpecial(number, "__floor__");
    if (method !== undefined) return PyObject_CallNoArgs(method);
    x = PyFloat_AsDouble(number);
  }
  return float_int_value(Math.floor(x));
}
function math_trunc(_m: PyVal, x: PyVal): PyVal {
  if (x instanceof PyFloatObject && x.ob_type === PyFloat_Type) return float_int_value(x.ob_fval);
  const method = _PyObject_LookupSpecial(x, "__trunc__");
  if (method === undefined) return PyErr_Format(PyExc_TypeError, `type ${Py_TYPE(x).tp_name} doesn't define __trunc__ method`);
  return PyObject_CallNoArgs(method);
}

// ---- fsum ----

function math_fsum(_m: PyVal, seq: PyVal): PyVal {
  const it = PyObject_GetIter(seq);
  const p: number[] = [];
  let special_sum = 0.0, inf_sum = 0.0, lo = 0.0;
  for (;;) {
    const item = PyIter_Next(it);
    if (item === undefined) break;
    let x = PyFloat_AsDouble(item);
    const xsave = x;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j];
      if (Math.abs(x) < Math.abs(y)) { const t = x; x = y; y = t; }
      const hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0.0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    if (x !== 0.0) {
      if (!Number.isFinite(x)) {
        if (Number.isFinite(xsave)) return PyErr_Format(PyExc_OverflowError, "intermediate overflow in fsum");
        if (!Number.isNaN(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.length = 0;
      } else p.push(x);
    }
  }
  if (special_sum !== 0.0) {
    if (Number.isNaN(inf_sum)) return PyErr_Format(PyExc_ValueError, "-inf + inf in fsum");
    return PyFloat_FromDouble(special_sum);
  }
  let hi = 0.0;
  let n = p.length;
  if (n > 0) {
    hi = p[--n];
    while (n > 0) {
      const x = hi, y = p[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      const y = lo * 2.0, x = hi + y, yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return PyFloat_FromDouble(hi);
}

// ---- integer functions ----

function bigGcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) { const t = a % b; a = b; b = t; }
  return a;
}

function math_gcd(_m: PyVal, args: PyVal[]): PyVal {
  if (args.length === 0) return 0;
  let g = bigOf(PyNumber_Index(args[0]));
  if (args.length === 1) return PyLong_FromBigInt(g < 0n ? -g : g);
  for (let i = 1; i < args.length; i++) {
    const x = bigOf(PyNumber_Index(args[i]));
    if (g === 1n) continue;
    g = bigGcd(g, x);
  }
  return PyLong_FromBigInt(g);
}

function math_lcm(_m: PyVal, args: PyVal[]): PyVal {
  if (args.length === 0) return 1;
  let r = bigOf(PyNumber_Index(args[0]));
  if (r < 0n) r = -r;
  for (let i = 1; i < args.length; i++) {
    const x = bigOf(PyNumber_Index(args[i]));
    if (r === 0n) continue;
    if (x === 0n) { r = 0n; continue; }
    const ax = x < 0n ? -x : x;
    r = r / bigGcd(r, ax) * ax;
  }
  return PyLong_FromBigInt(r);
}

function bigIsqrt(n: bigint): bigint {
  if (n < 0x10000000000000n) {
    let s = BigInt(Math.floor(Math.sqrt(Number(n))));
    while (s * s > n) s--;
    while ((s + 1n) * (s + 1n) <= n) s++;
    return s;
  }
  // Newton from an over-estimate: decreases monotonically to floor(sqrt(n)).
  let x = 1n << BigInt((bitLen(n) >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function math_isqrt(_m: PyVal, n: PyVal): PyVal {
  const v = bigOf(PyNumber_Index(n));
  if (v < 0n) return PyErr_Format(PyExc_ValueError, "isqrt() argument must be nonnegative");
  return PyLong_FromBigInt(bigIsqrt(v));
}

/** Product of the integers in [lo, hi), by binary splitting (balanced bigint sizes). */
function rangeProduct(lo: bigint, hi: bigint): bigint {
  const n = hi - lo;
  if (n <= 0n) return 1n;
  if (n <= 16n) { let r = 1n; for (let i = lo; i < hi; i++) r *= i; return r; }
  const mid = lo + n / 2n;
  return rangeProduct(lo, mid) * rangeProduct(mid, hi);
}

function math_factorial(_m: PyVal, arg: PyVal): PyVal {
  const v = bigOf(PyNumber_Index(arg));
  if (v > LONG_MAX) return PyErr_Format(PyExc_OverflowError, `factorial() argument should not exceed ${LONG_MAX}`);
  if (v < 0n) return PyErr_Format(PyExc_ValueError, "factorial() not defined for negative values");
  return PyLong_FromBigInt(rangeProduct(1n, v + 1n));
}

function math_perm(_m: PyVal, args: PyVal[]): PyVal {
  const [nArg, kArg] = unpackArgs("perm", args, 1, 2);
  if (kArg === undefined || kArg === Py_None) return math_factorial(_m, nArg!);
  const n = bigOf(PyNumber_Index(nArg!)), k = bigOf(PyNumber_Index(kArg));
  if (n < 0n) return PyErr_Format(PyExc_ValueError, "n must be a non-negative integer");
  if (k < 0n) return PyErr_Format(PyExc_ValueError, "k must be a non-negative integer");
  if (k > n) return 0;
  if (k > LONG_MAX) return PyErr_Format(PyExc_OverflowError, `k must not exceed ${LONG_MAX}`);
  return PyLong_FromBigInt(rangeProduct(n - k + 1n, n + 1n));
}

function math_comb(_m: PyVal, args: PyVal[]): PyVal {
  unpackArgs("comb", args, 2, 2);
  const n = bigOf(PyNumber_Index(args[0])), kk = bigOf(PyNumber_Index(args[1]));
  if (n < 0n) return PyErr_Format(PyExc_ValueError, "n must be a non-negative integer");
  if (kk < 0n) return PyErr_Format(PyExc_ValueError, "k must be a non-negative integer");
  if (kk > n) return 0;
  const k = n - kk < kk ? n - kk : kk;
  if (k > LONG_MAX) return PyErr_Format(PyExc_OverflowError, `min(n - k, k) must not exceed ${LONG_MAX}`);
  if (k <= 1n) return k === 0n ? 1 : PyLong_FromBigInt(n);
  return PyLong_FromBigInt(rangeProduct(n - k + 1n, n + 1n) / rangeProduct(1n, k + 1n));
}

// ---- floating-point helpers with their own wrappers ----

function math_frexp(_m: PyVal, a: PyVal): PyVal {
  const x = dbl(a);
  if (Number.isNaN(x) || !Number.isFinite(x) || x === 0) return PyTuple_New([PyFloat_FromDouble(x), 0]);
  const [m, e] = frexp(x);
  return PyTuple_New([PyFloat_FromDouble(m), e]);
}

function math_ldexp(_m: PyVal, args: PyVal[]): PyVal {
  unpackArgs("ldexp", args, 2, 2);
  const x = dbl(args[0]);
  const i = args[1];
  if (!PyLong_Check(i)) return PyErr_Format(PyExc_TypeError, "Expected an int as second argument to ldexp.");
  const ev = longValue(i);
  const exp = typeof ev === "bigint" ? (ev > 0n ? Infinity : -Infinity) : ev;
  let r: number;
  errno = 0;
  if (x === 0 || !Number.isFinite(x)) r = x;
  else if (exp > 2147483647) { r = copysign(Infinity, x); errno = "ERANGE"; }
  else if (exp < -2147483648) r = copysign(0, x);
  else { r = ldexp(x, exp); if (!Number.isFinite(r)) errno = "ERANGE"; }
  if (errno !== 0) is_error(r);
  return PyFloat_FromDouble(r);
}

function math_modf(_m: PyVal, a: PyVal): PyVal {
  const x = dbl(a);
  if (!Number.isFinite(x) && !Number.isNaN(x)) return PyTuple_New([PyFloat_FromDouble(copysign(0, x)), PyFloat_FromDouble(x)]);
  if (Number.isNaN(x)) return PyTuple_New([PyFloat_FromDouble(x), PyFloat_FromDouble(x)]);
  const ip = Math.trunc(x);
  return PyTuple_New([PyFloat_FromDouble(copysign(x - ip, x)), PyFloat_FromDouble(ip)]);
}

/** loghelper: ints of any size are handled here (log of x * 2**e), others go through math_1. */
function loghelper(arg: PyVal, func: (x: number) => number): PyVal {
  if (PyLong_Check(arg)) {
    const v = longValue(arg);
    if (v <= 0) domainError();
    if (typeof v === "number") return PyFloat_FromDouble(func(v));
    const n = bitLen(v);
    if (n <= 1024) {
      const d = PyLong_AsDoubleSafe(arg);
      if (d !== null) return PyFloat_FromDouble(func(d));
    }
    // _PyLong_Frexp: the top bits with a sticky bit, so Number() rounds once.
    const shift = BigInt(n - 64);
    let top = v >> shift;
    if ((v & ((1n << shift) - 1n)) !== 0n) top |= 1n;
    const x = Number(top) / 2 ** 64;
    return PyFloat_FromDouble(func(x) + func(2.0) * n);
  }
  return math_1(arg, func, false);
}
function PyLong_AsDoubleSafe(v: PyVal): number | null {
  const x = longValue(v);
  const d = typeof x === "number" ? x : Number(x);
  return Number.isFinite(d) ? PyLong_AsDouble(v) : null;
}

function math_log(_m: PyVal, args: PyVal[]): PyVal {
  unpackArgs("log", args, 1, 2);
  const num = loghelper(args[0], m_log);
  if (args.length === 1) return num;
  const den = loghelper(args[1], m_log);
  return PyNumber_TrueDivide(num, den);
}

function math_fma(_m: PyVal, args: PyVal[]): PyVal {
  unpackArgs("fma", args, 3, 3);
  const x = dbl(args[0]), y = dbl(args[1]), z = dbl(args[2]);
  const r = fma(x, y, z);
  if (Number.isFinite(r)) return PyFloat_FromDouble(r);
  if (Number.isNaN(r)) {
    if (!Number.isNaN(x) && !Number.isNaN(y) && !Number.isNaN(z)) return PyErr_Format(PyExc_ValueError, "invalid operation in fma");
  } else if (Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z)) {
    return PyErr_Format(PyExc_OverflowError, "overflow in fma");
  }
  return PyFloat_FromDouble(r);
}

function math_fmod(_m: PyVal, args: PyVal[]): PyVal {
  unpackArgs("fmod", args, 2, 2);
  const x = dbl(args[0]), y = dbl(args[1]);
  if (!Number.isFinite(y) && !Number.isNaN(y) && Number.isFinite(x)) return PyFloat_FromDouble(x);
  const r = c_fmod(x, y);
  if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) domainError();
  return PyFloat_FromDouble(r);
}

/** vector_norm: the correctly rounded hypot of CPython 3.12+. */
function vector_norm(vec: number[], max: number, found_nan: boolean): number {
  const n = vec.length;
  if (!Number.isFinite(max) && !Number.isNaN(max)) return max;
  if (found_nan) return NaN;
  if (max === 0.0 || n <= 1) return max;
  const max_e = frexp(max)[1];
  if (max_e < -1023) {
    for (let i = 0; i < n; i++) vec[i] /= 2.2250738585072014e-308;
    return 2.2250738585072014e-308 * vector_norm(vec, max / 2.2250738585072014e-308, found_nan);
  }
  const scale = ldexp(1.0, -max_e);
  let csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (let i = 0; i < n; i++) {
    const x = vec[i] * scale;
    const pr = dl_mul(x, x);
    const sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi; frac1 += pr.lo; frac2 += sm.lo;
  }
  let h = Math.sqrt(csum - 1.0 + (frac1 + frac2));
  const pr = dl_mul(-h, h);
  const sm = dl_fast_sum(csum, pr.hi);
  csum = sm.hi; frac1 += pr.lo; frac2 += sm.lo;
  const x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

function math_hypot(_m: PyVal, args: PyVal[]): PyVal {
  const coords: number[] = [];
  let max = 0.0, found_nan = false;
  for (const a of args) {
    const x = Math.abs(dbl(a));
    coords.push(x);
    found_nan ||= Number.isNaN(x);
    if (x > max) max = x;
  }
  return PyFloat_FromDouble(vector_norm(coords, max, found_nan));
}

function math_dist(_m: PyVal, args: PyVal[]): PyVal {
  unpackArgs("dist", args, 2, 2);
  const p = PySequence_List(args[0]), q = PySequence_List(args[1]);
  if (p.length !== q.length) return PyErr_Format(PyExc_ValueError, "both points must have the same number of dimensions");
  const diffs: number[] = [];
  let max = 0.0, found_nan = false;
  for (let i = 0; i < p.length; i++) {
    const px = dbl(p[i]), qx = dbl(q[i]);
    const x = Math.abs(px - qx);
    diffs.push(x);
    found_nan ||= Number.isNaN(x);
    if (x > max) max = x;
  }
  return PyFloat_FromDouble(vector_norm(diffs, max, found_nan));
}

const LMAX = 9223372036854775807n, LMIN = -9223372036854775808n;

function math_sumprod(_m: PyVal, args: PyVal[]): PyVal {
  unpackArgs("sumprod", args, 2, 2);
  const p_it = PyObject_GetIter(args[0]), q_it = PyObject_GetIter(args[1]);
  let total: PyVal = 0;
  let int_path = true, int_in_use = false, int_total = 0n;
  let flt_path = true, flt_in_use = false;
  let flt_total: TL = { hi: 0, lo: 0, tiny: 0 };
  const isFloatExact = (v: PyVal) => v instanceof PyFloatObject && v.ob_type === PyFloat_Type;
  for (;;) {
    const p_i = PyIter_Next(p_it), q_i = PyIter_Next(q_it);
    if ((p_i === undefined) !== (q_i === undefined)) return PyErr_Format(PyExc_ValueError, "Inputs are not the same length");
    const finished = p_i === undefined;
    if (int_path) {
      let done = false;
      if (!finished && PyLong_CheckExact(p_i!) && PyLong_CheckExact(q_i!)) {
        const a = bigOf(p_i!), b = bigOf(q_i!);
        const prod = a * b, sum = int_total + prod;
        if (a <= LMAX && a >= LMIN && b <= LMAX && b >= LMIN && prod <= LMAX && prod >= LMIN && sum <= LMAX && sum >= LMIN) {
          int_total = sum; int_in_use = true; done = true;
        }
      }
      if (done) continue;
      int_path = false;
      if (int_in_use) { total = PyNumber_Add(total, PyLong_FromBigInt(int_total)); int_total = 0n; int_in_use = false; }
    }
    if (flt_path) {
      let done = false;
      if (!finished) {
        let fp = NaN, fq = NaN, ok = true;
        const pf = isFloatExact(p_i!), qf = isFloatExact(q_i!);
        const intLike = (v: PyVal) => PyLong_CheckExact(v) || Py_TYPE(v) === PyBool_Type;
        const asD = (v: PyVal): number | null => { const x = longValue(v); const d = typeof x === "number" ? x : Number(x); return Number.isFinite(d) ? PyLong_AsDouble(v) : null; };
        if (pf && qf) { fp = (p_i as PyFloatObject).ob_fval; fq = (q_i as PyFloatObject).ob_fval; }
        else if (pf && intLike(q_i!)) { fp = (p_i as PyFloatObject).ob_fval; const d = asD(q_i!); if (d === null) ok = false; else fq = d; }
        else if (qf && intLike(p_i!)) { fq = (q_i as PyFloatObject).ob_fval; const d = asD(p_i!); if (d === null) ok = false; else fp = d; }
        else ok = false;
        if (ok) {
          const nt = tl_fma(fp, fq, flt_total);
          if (Number.isFinite(nt.hi)) { flt_total = nt; flt_in_use = true; done = true; }
        }
      }
      if (done) continue;
      flt_path = false;
      if (flt_in_use) {
        total = PyNumber_Add(total, PyFloat_FromDouble(tl_to_d(flt_total)));
        flt_total = { hi: 0, lo: 0, tiny: 0 }; flt_in_use = false;
      }
    }
    if (finished) return total;
    total = PyNumber_Add(total, PyNumber_Multiply(p_i!, q_i!));
  }
}

function math_pow(_m: PyVal, args: PyVal[]): PyVal {
  unpackArgs("pow", args, 2, 2);
  const x = dbl(args[0]), y = dbl(args[1]);
  let r: number;
  errno = 0;
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (Number.isNaN(x)) r = y === 0.0 ? 1.0 : x;
    else if (Number.isNaN(y)) r = x === 1.0 ? 1.0 : y;
    else if (!Number.isFinite(x)) {
      const odd_y = Number.isFinite(y) && Math.abs(y) % 2.0 === 1.0;
      if (y > 0.0) r = odd_y ? x : Math.abs(x);
      else if (y === 0.0) r = 1.0;
      else r = odd_y ? copysign(0.0, x) : 0.0;
    } else {
      if (Math.abs(x) === 1.0) r = 1.0;
      else if (y > 0.0 && Math.abs(x) > 1.0) r = y;
      else if (y < 0.0 && Math.abs(x) < 1.0) r = -y;
      else r = 0.0;
    }
  } else {
    r = c_pow(x, y);
    if (!Number.isFinite(r)) {
      if (Number.isNaN(r)) errno = "EDOM";
      else errno = x === 0.0 ? "EDOM" : "ERANGE";
    }
  }
  if (errno !== 0) is_error(r);
  return PyFloat_FromDouble(r);
}

function math_isclose(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [av, bv, rt, at] = parseArgs("isclose", args, kwnames, ["a", "b", "*rel_tol", "*abs_tol"], 2, 2);
  const a = dbl(av!), b = dbl(bv!);
  const rel_tol = rt === undefined ? 1e-09 : dbl(rt), abs_tol = at === undefined ? 0.0 : dbl(at);
  if (rel_tol < 0.0 || abs_tol < 0.0) return PyErr_Format(PyExc_ValueError, "tolerances must be non-negative");
  if (a === b) return PyBool_FromLong(true);
  if (!Number.isFinite(a) && !Number.isNaN(a) || !Number.isFinite(b) && !Number.isNaN(b)) return PyBool_FromLong(false);
  const diff = Math.abs(b - a);
  return PyBool_FromLong(diff <= Math.abs(rel_tol * b) || diff <= Math.abs(rel_tol * a) || diff <= abs_tol);
}

function math_prod(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  if (args.length - nkw !== 1) {
    return PyErr_Format(PyExc_TypeError, `prod() takes exactly 1 positional argument (${args.length - nkw} given)`);
  }
  const [iterable, start] = parseArgs("prod", args, kwnames, ["", "*start"], 1, 1);
  let result: PyVal = start === undefined ? 1 : start;
  const it = PyObject_GetIter(iterable!);
  for (;;) {
    const item = PyIter_Next(it);
    if (item === undefined) return result;
    result = PyNumber_Multiply(result, item);
  }
}

function math_nextafter(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [xv, yv, sv] = parseArgs("nextafter", args, kwnames, ["", "", "*steps"], 2, 2);
  const x = dbl(xv!), y = dbl(yv!);
  if (sv === undefined || sv === Py_None) return PyFloat_FromDouble(nextafter(x, y));
  let usteps = bigOf(PyNumber_Index(sv));
  if (usteps < 0n) return PyErr_Format(PyExc_ValueError, "steps must be a non-negative integer");
  const UMAX = 0xffffffffffffffffn;
  if (usteps > UMAX) usteps = UMAX;
  if (usteps === 0n) return PyFloat_FromDouble(x);
  if (Number.isNaN(x)) return PyFloat_FromDouble(x);
  if (Number.isNaN(y)) return PyFloat_FromDouble(y);
  const ux = doubleToBits(x), uy = doubleToBits(y);
  if (ux === uy) return PyFloat_FromDouble(x);
  const sign = 1n << 63n;
  const ax = ux & ~sign, ay = uy & ~sign;
  if ((ux ^ uy) & sign) {
    if (ax + ay <= usteps) return PyFloat_FromDouble(y);
    if (ax < usteps) return PyFloat_FromDouble(bitsToDouble((uy & sign) | (usteps - ax)));
    return PyFloat_FromDouble(bitsToDouble(ux - usteps));
  }
  if (ax > ay) return PyFloat_FromDouble(ax - ay >= usteps ? bitsToDouble(ux - usteps) : y);
  return PyFloat_FromDouble(ay - ax >= usteps ? bitsToDouble(ux + usteps) : y);
}

function math_ulp(_m: PyVal, a: PyVal): PyVal {
  let x = dbl(a);
  if (Number.isNaN(x)) return PyFloat_FromDouble(x);
  x = Math.abs(x);
  if (!Number.isFinite(x)) return PyFloat_FromDouble(x);
  const x2 = nextafter(x, Infinity);
  if (!Number.isFinite(x2)) return PyFloat_FromDouble(x - nextafter(x, -Infinity));
  return PyFloat_FromDouble(x2 - x);
}

const degToRad = pi / 180.0, radToDeg = 180.0 / pi;
const B = (name: string, f: (x: number) => boolean) =>
  ({ name, meth: (_m: PyVal, a: PyVal) => PyBool_FromLong(f(dbl(a))), flags: METH_O });

export const mathmodule: PyModuleDef = {
  m_name: "math",
  m_doc: "This module provides access to the mathematical functions\ndefined by the C standard.",
  m_methods: [
    F1("acos", Math.acos, false),
    F1("acosh", glibc_acosh, false),
    F1("asin", Math.asin, false),
    F1("asinh", glibc_asinh, false),
    F1("atan", Math.atan, false),
    F2("atan2", m_atan2),
    F1("atanh", glibc_atanh, false),
    F1("cbrt", c_cbrt, false),
    { name: "ceil", meth: math_ceil, flags: METH_O },
    F2("copysign", copysign),
    F1("cos", c_cos, false),
    F1("cosh", glibc_cosh, true),
    { name: "degrees", meth: (_m: PyVal, a: PyVal) => PyFloat_FromDouble(dbl(a) * radToDeg), flags: METH_O },
    { name: "dist", meth: math_dist, flags: METH_FASTCALL },
    F1A("erf", glibc_erf),
    F1A("erfc", glibc_erfc),
    F1("exp", glibc_exp, true),
    F1("exp2", glibc_exp2, true),
    F1("expm1", glibc_expm1, true),
    F1("fabs", Math.abs, false),
    { name: "factorial", meth: math_factorial, flags: METH_O },
    { name: "floor", meth: math_floor, flags: METH_O },
    { name: "fma", meth: math_fma, flags: METH_FASTCALL },
    { name: "fmod", meth: math_fmod, flags: METH_FASTCALL },
    { name: "frexp", meth: math_frexp, flags: METH_O },
    { name: "fsum", meth: math_fsum, flags: METH_O },
    F1A("gamma", m_tgamma),
    { name: "gcd", meth: math_gcd, flags: METH_FASTCALL },
    { name: "hypot", meth: math_hypot, flags: METH_FASTCALL },
    { name: "isclose", meth: math_isclose, flags: METH_FASTCALL | METH_KEYWORDS },
    B("isfinite", Number.isFinite),
    B("isinf", (x) => !Number.isFinite(x) && !Number.isNaN(x)),
    B("isnan", Number.isNaN),
    { name: "isqrt", meth: math_isqrt, flags: METH_O },
    { name: "lcm", meth: math_lcm, flags: METH_FASTCALL },
    { name: "ldexp", meth: math_ldexp, flags: METH_FASTCALL },
    F1A("lgamma", m_lgamma),
    { name: "log", meth: math_log, flags: METH_FASTCALL },
    F1("log1p", m_log1p, false),
    { name: "log10", meth: (_m: PyVal, a: PyVal) => loghelper(a, m_log10), flags: METH_O },
    { name: "log2", meth: (_m: PyVal, a: PyVal) => loghelper(a, m_log2), flags: METH_O },
    { name: "modf", meth: math_modf, flags: METH_O },
    { name: "pow", meth: math_pow, flags: METH_FASTCALL },
    { name: "radians", meth: (_m: PyVal, a: PyVal) => PyFloat_FromDouble(dbl(a) * degToRad), flags: METH_O },
    F2("remainder", m_remainder),
    F1("sin", c_sin, false),
    F1("sinh", glibc_sinh, true),
    F1("sqrt", Math.sqrt, false),
    F1("tan", Math.tan, false),
    F1("tanh", glibc_tanh, false),
    { name: "sumprod", meth: math_sumprod, flags: METH_FASTCALL },
    { name: "trunc", meth: math_trunc, flags: METH_O },
    { name: "prod", meth: math_prod, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "perm", meth: math_perm, flags: METH_FASTCALL },
    { name: "comb", meth: math_comb, flags: METH_FASTCALL },
    { name: "nextafter", meth: math_nextafter, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "ulp", meth: math_ulp, flags: METH_O },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "pi", PyFloat_FromDouble(pi));
    PyModule_Add(m, "e", PyFloat_FromDouble(2.718281828459045235360287471352662498));
    PyModule_Add(m, "tau", PyFloat_FromDouble(6.283185307179586476925286766559005768));
    PyModule_Add(m, "inf", PyFloat_FromDouble(Infinity));
    PyModule_Add(m, "nan", PyFloat_FromDouble(NaN));
  },
};
