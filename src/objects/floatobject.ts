// float: a boxed double. repr is CPython's shortest round-trip form; comparisons with ints are exact.
// Counterpart: Objects/floatobject.c. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_FromSpecStatic, PyType_Declare, Py_HashHi, Py_NotImplemented, Py_None, Py_TYPE,
  Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, Py_GE, METH_NOARGS, METH_O, METH_FASTCALL, METH_CLASS,
  Py_TPFLAGS_BASETYPE, type PyVal, PyUnicodeObject,
} from "./object.js";
import { hashDouble, hashOut } from "../runtime/pyhash.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_ZeroDivisionError, PyExc_OverflowError } from "./exceptions.js";
import { PyUnicode_FromString, PyUnicode_Check, unicode_repr_text } from "./unicodeobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { PyTuple_New } from "./tupleobject.js";
import { longValue, PyLong_Check, PyLong_AsNumber, PyLong_FromBigInt, PyLong_AsDouble, bitLen } from "./longobject.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyNumber_Index, _PyObject_LookupSpecial, PyObject_CallNoArgs, PyObject_Str } from "./abstract.js";
import { formatFloatValue, parseFormatSpec, roundHalfEvenScaled } from "./formatter.js";
import { bytesLikeData, PyBytes_FromArray } from "./bytesobject.js";
import { _PyUnicode_IsWhitespace, _PyUnicode_ToDecimalDigit } from "../unicode/unicodectype.js";

export class PyFloatObject extends PyObject {
  ob_fval: number;
  constructor(type: PyTypeObject, v: number) {
    super(type);
    this.ob_fval = v;
  }
}

export const PyFloat_Type = PyType_Declare("float");

export function PyFloat_FromDouble(v: number): PyFloatObject {
  return new PyFloatObject(PyFloat_Type, v);
}

export function PyFloat_Check(v: PyVal): v is PyFloatObject {
  return v instanceof PyFloatObject;
}

/** float(x) as a double: floats, ints, objects with __float__ or __index__. */
export function PyFloat_AsDouble(v: PyVal, forFormat = false): number {
  if (typeof v === "number") return v;
  if (v instanceof PyFloatObject) return v.ob_fval;
  const t = v.ob_type;
  if (PyLong_Check(v)) return PyLong_AsDouble(v);
  if (t.nb_float !== null) {
    const r = t.nb_float(v);
    if (!(r instanceof PyFloatObject)) {
      return PyErr_Format(PyExc_TypeError, `${t.tp_name}.__float__ returned non-float (type ${Py_TYPE(r).tp_name})`);
    }
    return r.ob_fval;
  }
  if (t.nb_index !== null) return PyLong_AsDouble(PyNumber_Index(v));
  if (forFormat) return PyErr_Format(PyExc_TypeError, `must be real number, not ${t.tp_name}`);
  return PyErr_Format(PyExc_TypeError, `must be real number, not ${t.tp_name}`);
}

/** repr(float): shortest round-trip digits, fixed notation for exponents in [-4, 16). */
export function float_repr_text(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const s = x.toExponential();
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s)!;
  const sign = m[1];
  const digits = m[2] + (m[3] ?? "");
  const e = Number(m[4]);
  if (e >= -4 && e < 16) {
    if (e >= 0) {
      if (digits.length <= e + 1) return `${sign}${digits}${"0".repeat(e + 1 - digits.length)}.0`;
      return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
    }
    return `${sign}0.${"0".repeat(-e - 1)}${digits}`;
  }
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const ae = Math.abs(e);
  return `${sign}${mant}e${e < 0 ? "-" : "+"}${ae < 10 ? "0" : ""}${ae}`;
}

function float_repr(self: PyVal): PyUnicodeObject {
  return PyUnicode_FromString(float_repr_text((self as PyFloatObject).ob_fval));
}

/** Convert an operand to a double for float arithmetic; null means NotImplemented. */
function asDouble(v: PyVal): number | null {
  if (v instanceof PyFloatObject) return v.ob_fval;
  if (typeof v === "number") return v;
  if (PyLong_Check(v)) return PyLong_AsDouble(v);
  return null;
}

function float_add(a: PyVal, b: PyVal): PyVal {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return Py_NotImplemented;
  return PyFloat_FromDouble(x + y);
}
function float_sub(a: PyVal, b: PyVal): PyVal {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return Py_NotImplemented;
  return PyFloat_FromDouble(x - y);
}
function float_mul(a: PyVal, b: PyVal): PyVal {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return Py_NotImplemented;
  return PyFloat_FromDouble(x * y);
}
function float_div(a: PyVal, b: PyVal): PyVal {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return Py_NotImplemented;
  if (y === 0) return PyErr_Format(PyExc_ZeroDivisionError, "float division by zero");
  return PyFloat_FromDouble(x / y);
}

function copysign(x: number, y: number): number {
  return (y < 0 || Object.is(y, -0)) ? -Math.abs(x) : Math.abs(x);
}

/** float modulo with Python's sign rule (float_rem). C's `if (mod)` is true for a NaN. */
export function floatMod(vx: number, wx: number): number {
  let mod = vx % wx;
  if (mod !== 0) {
    if ((wx < 0) !== (mod < 0)) mod += wx;
  } else {
    mod = copysign(0, wx);
  }
  return mod;
}

/** float floor division (float_floor_div via _float_div_mod). */
export function floatFloorDiv(vx: number, wx: number): number {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    if ((wx < 0) !== (mod < 0)) { mod += wx; div -= 1; }
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = copysign(0, vx / wx);
  }
  return floordiv;
}

function float_mod(a: PyVal, b: PyVal): PyVal {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return Py_NotImplemented;
  if (y === 0) return PyErr_Format(PyExc_ZeroDivisionError, "float modulo by zero");
  return PyFloat_FromDouble(floatMod(x, y));
}
function float_floor_div(a: PyVal, b: PyVal): PyVal {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return Py_NotImplemented;
  if (y === 0) return PyErr_Format(PyExc_ZeroDivisionError, "float floor division by zero");
  return PyFloat_FromDouble(floatFloorDiv(x, y));
}
function float_divmod(a: PyVal, b: PyVal): PyVal {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return Py_NotImplemented;
  if (y === 0) return PyErr_Format(PyExc_ZeroDivisionError, "float divmod()");
  return PyTuple_New([PyFloat_FromDouble(floatFloorDiv(x, y)), PyFloat_FromDouble(floatMod(x, y))]);
}

function isOddInteger(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x % 2) === 1;
}

/** (a / b) * 2**e2 correctly rounded to a double (half even, subnormals included); a, b > 0. */
export function ratioToDouble(a: bigint, b: bigint, e2: number): number {
  const shift = bitLen(a) - bitLen(b) - 55;
  if (shift > 0) b <<= BigInt(shift); else a <<= BigInt(-shift);
  let q = a / b;
  const r = a % b;
  let extra = bitLen(q) - 53;
  let e = shift + e2 + extra;
  if (e < -1074 - 60) return 0;
  if (e < -1074) { extra += -1074 - e; e = -1074; }
  if (extra > 0) {
    const ex = BigInt(extra);
    const low = q & ((1n << ex) - 1n);
    q >>= ex;
    const half = 1n << (ex - 1n);
    if (low > half || (low === half && (r !== 0n || (q & 1n) === 1n))) q += 1n;
  }
  if (e > 1023) return Infinity;
  return Number(q) * Math.pow(2, e);
}

/** x as m * 2**e with m an integer. */
function exactParts(x: number): [bigint, number] {
  let m = x, e = 0;
  while (!Number.isInteger(m)) { m *= 2; e--; }
  return [BigInt(m), e];
}

/** Correctly rounded x ** -0.5: 1 / sqrt(x), then each neighbour checked exactly (mid**2 * x against 1). */
function rsqrt(x: number): number {
  let d = 1 / Math.sqrt(x);
  const [xm, xe] = exactParts(x);
  // Is the true value above the midpoint between a and b (a < b)? t > mid  <=>  mid**2 * x < 1.
  const above = (a: number, b: number): boolean => {
    const [am, ae] = exactParts(a), [bm, be] = exactParts(b);
    const e = Math.min(ae, be);
    const mm = (am << BigInt(ae - e)) + (bm << BigInt(be - e)); // mid = mm * 2**(e-1)
    const lhs = mm * mm * xm; // mid**2 * x = lhs * 2**(2e - 2 + xe)
    const k = 2 * e - 2 + xe;
    return k >= 0 ? (lhs << BigInt(k)) < 1n : lhs < (1n << BigInt(-k));
  };
  for (let i = 0; i < 3; i++) {
    const up = nextUp(d), down = nextDown(d);
    if (above(d, up)) d = up;
    else if (!above(down, d)) d = down;
    else break;
  }
  return d;
}

function nextUp(x: number): number {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  b.setBigUint64(0, b.getBigUint64(0) + 1n);
  return b.getFloat64(0);
}
function nextDown(x: number): number {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  b.setBigUint64(0, b.getBigUint64(0) - 1n);
  return b.getFloat64(0);
}

// ---- double-double arithmetic for a correctly rounded pow. V8's Math.pow misses the nearest double for about one
// random input in ten; CPython calls the C library's pow, whose glibc version errs by under 0.52 ulp.
// DEVIATION: Typhon's pow is correctly rounded, so it differs from glibc's in the rare cases (about 0.07% of
// random operands) where glibc's result is the other neighbour (pinned by the float_pow_random golden group). ----

const SPLIT = 134217729; // 2**27 + 1
let ddLo = 0;
/** a + b = return value + ddLo exactly (Knuth's two-sum). */
function twoSum(a: number, b: number): number {
  const s = a + b;
  const bb = s - a;
  ddLo = (a - (s - bb)) + (b - bb);
  return s;
}
/** a * b = return value + ddLo exactly (Dekker's product). */
function twoProd(a: number, b: number): number {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  ddLo = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  return p;
}
function ddAdd(ah: number, al: number, bh: number, bl: number): number {
  let s = twoSum(ah, bh);
  let e = ddLo + al + bl;
  const h = s + e;
  ddLo = e - (h - s);
  s = h;
  return s;
}
function ddMul(ah: number, al: number, bh: number, bl: number): number {
  const p = twoProd(ah, bh);
  const e = ddLo + (ah * bl + al * bh);
  const h = p + e;
  ddLo = e - (h - p);
  return h;
}
function ddDiv(ah: number, al: number, bh: number, bl: number): number {
  const q1 = ah / bh;
  // remainder a - q1 * b in double-double, then one correction term
  const ph = ddMul(q1, 0, bh, bl), pl = ddLo;
  const rh = ddAdd(ah, al, -ph, -pl), rl = ddLo;
  const q2 = (rh + rl) / bh;
  const h = q1 + q2;
  ddLo = q2 - (h - q1);
  return h;
}

const LN2_HI = 0.6931471805599453, LN2_LO = 2.3190468138462996e-17;
let INV_HI: Float64Array | null = null, INV_LO: Float64Array | null = null;

/** ln(x) for finite x > 0 as a double-double: x = m * 2**e with m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh(s). */
function ddLog(x: number): number {
  let e = 0;
  let m = x;
  if (m < 1e-300) { m *= 2 ** 100; e -= 100; }
  const ex = Math.floor(Math.log2(m));
  m = m / 2 ** ex;
  e += ex;
  while (m >= Math.SQRT2) { m /= 2; e++; }
  while (m < Math.SQRT1_2) { m *= 2; e--; }
  const dh = twoSum(m, 1), dl = ddLo;
  const sh = ddDiv(m - 1, 0, dh, dl), sl = ddLo;
  const s2h = ddMul(sh, sl, sh, sl), s2l = ddLo;
  // atanh(s) = s * (1 + s2/3 + s2**2/5 + ...), summed from the small end.
  if (INV_HI === null) {
    // 1/k for odd k as double-doubles (the low part is the rounding error of the high part).
    INV_HI = new Float64Array(46); INV_LO = new Float64Array(46);
    for (let k = 1; k <= 45; k += 2) {
      const q = 1 / k;
      const r = twoProd(q, k);
      INV_HI[k] = q; INV_LO![k] = (1 - r - ddLo) / k;
    }
  }
  let th = 0, tl = 0;
  for (let k = 45; k >= 1; k -= 2) {
    const mh = ddMul(th, tl, s2h, s2l), ml = ddLo;
    th = ddAdd(INV_HI[k], INV_LO![k], mh, ml); tl = ddLo;
  }
  let lh = ddMul(sh, sl, th, tl), ll = ddLo;
  lh = ddMul(lh, ll, 2, 0); ll = ddLo;
  const eh = ddMul(e, 0, LN2_HI, LN2_LO), el = ddLo;
  const rh = ddAdd(eh, el, lh, ll);
  return rh;
}

/** x ** y for finite x > 0 and finite y through double-double log and exp, rounded once (subnormals too). */
function ddPow(x: number, y: number): number {
  const lh = ddLog(x), ll = ddLo;
  const th = ddMul(lh, ll, y, 0), tl = ddLo;
  if (th > 710) return Infinity;
  if (th < -746) return 0;
  const k = Math.round(th / LN2_HI);
  const kh = twoProd(k, LN2_HI), kl = ddLo + k * LN2_LO;
  let rh = ddAdd(th, tl, -kh, -kl), rl = ddLo;
  // exp(r) with r scaled down by 2**10, a Taylor polynomial, then ten squarings.
  rh /= 1024; rl /= 1024;
  let ph = 1, pl = 0;
  for (let n = 12; n >= 1; n--) {
    const mh = ddMul(ph, pl, rh, rl), ml = ddLo;
    const dh = ddDiv(mh, ml, n, 0), dl = ddLo;
    ph = ddAdd(1, 0, dh, dl); pl = ddLo;
  }
  for (let i = 0; i < 10; i++) { ph = ddMul(ph, pl, ph, pl); pl = ddLo; }
  // result = (ph + pl) * 2**k
  if (k > 1024) return Infinity;
  if (k >= -1021) {
    const h = ph + pl;
    return k > 1000 ? h * 2 ** 1000 * 2 ** (k - 1000) : h * 2 ** k;
  }
  // Subnormal: round (ph + pl) * 2**(k + 1074) to an integer count of 2**-1074, half to even.
  const sc = 2 ** (k + 1074);
  const H = ph * sc, L = pl * sc;
  const f = Math.floor(H);
  const frac = (H - f) + L;
  const n = frac > 0.5 || (frac === 0.5 && f % 2 === 1) ? f + 1 : f;
  return n * 2 ** -1074;
}

/** pow(x, y) for x > 0, as C's correctly rounded pow gives it: exact through bigints for integer exponents
 *  (V8's Math.pow may be an ulp off there: 7 ** -2), Math.pow otherwise. */
export function _Py_pow(x: number, y: number): number {
  if (y === 0.5 && x >= 0) return Math.sqrt(x);
  if (y === -0.5 && x > 0 && Number.isFinite(x)) return rsqrt(x);
  if (x > 0 && Number.isFinite(x) && x !== 1 && Number.isFinite(y) && !Number.isInteger(y)) return ddPow(x, y);
  if (!(x > 0) || !Number.isInteger(y) || !Number.isFinite(x) || y === 0 || x === 1) return Math.pow(x, y);
  const lg = y * Math.log2(x);
  if (lg > 1025) return Infinity;
  if (lg < -1077) return 0;
  if (Math.abs(y) > 1100) return Math.pow(x, y);
  // x = m * 2**e exactly.
  let m = x, e = 0;
  while (!Number.isInteger(m)) { m *= 2; e--; }
  let bm = BigInt(m);
  while (bm > 1n && (bm & 1n) === 0n) { bm >>= 1n; e++; }
  const n = Math.abs(y);
  const p = bm ** BigInt(n);
  return y > 0 ? ratioToDouble(p, 1n, e * n) : ratioToDouble(1n, p, -e * n);
}

/** float ** float (float_pow): C99 Annex F's special cases, then pow() with errno checks. */
export function float_pow(a: PyVal, b: PyVal, c: PyVal): PyVal {
  if (c !== Py_None) return PyErr_Format(PyExc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  let iv = asDouble(a);
  const iw = asDouble(b);
  if (iv === null || iw === null) return Py_NotImplemented;
  if (iw === 0) return PyFloat_FromDouble(1);
  if (Number.isNaN(iv)) return PyFloat_FromDouble(iv);
  if (Number.isNaN(iw)) return PyFloat_FromDouble(iv === 1 ? 1 : iw);
  if (!Number.isFinite(iw)) {
    iv = Math.abs(iv);
    if (iv === 1) return PyFloat_FromDouble(1);
    if ((iw > 0) === (iv > 1)) return PyFloat_FromDouble(Math.abs(iw));
    return PyFloat_FromDouble(0);
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return PyFloat_FromDouble(odd ? iv : Math.abs(iv));
    return PyFloat_FromDouble(odd ? copysign(0, iv) : 0);
  }
  if (iv === 0) {
    if (iw < 0) return PyErr_Format(PyExc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return PyFloat_FromDouble(isOddInteger(iw) ? iv : 0);
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return complexPowHook(iv, iw);
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1) return PyFloat_FromDouble(negate ? -1 : 1);
  let r = _Py_pow(iv, iw);
  if (!Number.isFinite(r)) return PyErr_Format(PyExc_OverflowError, "(34, 'Numerical result out of range')");
  if (negate) r = -r;
  return PyFloat_FromDouble(r);
}

let complexPowHook: (x: number, y: number) => PyVal = () =>
  PyErr_Format(PyExc_ValueError, "math domain error");
export function _PyFloat_InstallComplexPow(f: (x: number, y: number) => PyVal): void {
  complexPowHook = f;
}

function float_neg(a: PyVal): PyVal { return PyFloat_FromDouble(-(a as PyFloatObject).ob_fval); }
function float_pos(a: PyVal): PyVal { return PyFloat_FromDouble((a as PyFloatObject).ob_fval); }
function float_abs(a: PyVal): PyVal { return PyFloat_FromDouble(Math.abs((a as PyFloatObject).ob_fval)); }
function float_bool(a: PyVal): boolean { return (a as PyFloatObject).ob_fval !== 0; }

/** int(float): truncation, with CPython's errors for inf and nan. */
export function float_int_value(x: number): PyVal {
  if (Number.isNaN(x)) return PyErr_Format(PyExc_ValueError, "cannot convert float NaN to integer");
  if (!Number.isFinite(x)) return PyErr_Format(PyExc_OverflowError, "cannot convert float infinity to integer");
  return PyLong_AsNumber(Math.trunc(x));
}
function float_int(a: PyVal): PyVal { return float_int_value((a as PyFloatObject).ob_fval); }
function float_float(a: PyVal): PyVal {
  const f = a as PyFloatObject;
  return f.ob_type === PyFloat_Type ? f : PyFloat_FromDouble(f.ob_fval);
}

/** Compare a double with an int value exactly (float_richcompare's int branch). */
function cmpDoubleInt(x: number, w: number | bigint): number {
  if (Number.isNaN(x)) return NaN;
  if (typeof w === "number") return x < w ? -1 : x > w ? 1 : 0;
  if (!Number.isFinite(x)) return x > 0 ? 1 : -1;
  const fl = Math.floor(x);
  const bi = BigInt(fl);
  if (bi < w) return -1;
  if (bi > w) return 1;
  return x > fl ? 1 : 0;
}

function cmpResult(c: number, op: number): PyVal {
  if (Number.isNaN(c)) return PyBool_FromLong(op === Py_NE);
  switch (op) {
    case Py_LT: return PyBool_FromLong(c < 0);
    case Py_LE: return PyBool_FromLong(c <= 0);
    case Py_EQ: return PyBool_FromLong(c === 0);
    case Py_NE: return PyBool_FromLong(c !== 0);
    case Py_GT: return PyBool_FromLong(c > 0);
    case Py_GE: return PyBool_FromLong(c >= 0);
    default: return Py_NotImplemented;
  }
}

function float_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  const x = (a as PyFloatObject).ob_fval;
  if (b instanceof PyFloatObject) {
    const y = b.ob_fval;
    return cmpResult(x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN, op);
  }
  if (PyLong_Check(b)) return cmpResult(cmpDoubleInt(x, longValue(b)), op);
  return Py_NotImplemented;
}

/** int <op> float, called from int's richcompare with the int first. */
export function float_richcompare_number(a: PyVal, b: PyFloatObject, op: number): PyVal {
  const c = cmpDoubleInt(b.ob_fval, longValue(a));
  return cmpResult(Number.isNaN(c) ? NaN : -c, op);
}

const nanHashes = new WeakMap<object, number>();
let nanCounter = 0x1000;
function float_hash(a: PyVal): number {
  const x = (a as PyFloatObject).ob_fval;
  if (Number.isNaN(x)) {
    // CPython hashes NaN by identity (_Py_HashPointer); any per-object stable value is equally valid.
    let h = nanHashes.get(a as object);
    if (h === undefined) { h = nanCounter++; nanHashes.set(a as object, h); }
    Py_HashHi[0] = 0;
    return h;
  }
  hashDouble(x);
  Py_HashHi[0] = hashOut[1];
  return hashOut[0];
}

/** Parse float() text (CPython's _Py_string_to_number_with_underscores + PyOS_string_to_double). */
export function parseFloatText(text: string, isBytes = false): number | null {
  let s = text;
  if (isBytes && !/^[\x00-\x7f]*$/.test(s)) return null;
  if (!/^[\x00-\x7e]*$/.test(s)) {
    // _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode spaces to ' ', decimal digits to ASCII; anything
    // else outside ASCII makes the text invalid.
    let t = "";
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      if (cp < 127) { t += ch; continue; }
      if (_PyUnicode_IsWhitespace(cp)) { t += " "; continue; }
      const d = _PyUnicode_ToDecimalDigit(cp);
      if (d < 0) return null;
      t += String.fromCharCode(48 + d);
    }
    s = t;
  }
  s = s.replace(/^[ \t\n\r\x0b\x0c]+|[ \t\n\r\x0b\x0c]+$/g, "");
  const m = /^([+-]?)(?:(inf|infinity)|(nan)|((?:\d(?:_?\d)*)?(?:\.(?:\d(?:_?\d)*)?)?(?:[eE][+-]?\d(?:_?\d)*)?))$/i.exec(s);
  if (!m) return null;
  const neg = m[1] === "-";
  if (m[2]) return neg ? -Infinity : Infinity;
  if (m[3]) return NaN;
  const body = m[4].replace(/_/g, "");
  if (!/\d/.test(body.split(/[eE]/)[0])) return null;
  if (body.startsWith(".") && body.length === 1) return null;
  const v = Number(body);
  if (Number.isNaN(v)) return null;
  return neg ? -v : v;
}

function float_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  if (kwnames !== null && kwnames.length > 0) return PyErr_Format(PyExc_TypeError, "float() takes no keyword arguments");
  if (args.length > 1) return PyErr_Format(PyExc_TypeError, `float expected at most 1 argument, got ${args.length}`);
  const x = args.length === 0 ? undefined : args[0];
  let v: number;
  if (x === undefined) v = 0;
  else if (PyUnicode_Check(x)) {
    const r = parseFloatText(x.value);
    if (r === null) return PyErr_Format(PyExc_ValueError, `could not convert string to float: ${unicode_repr_text(x.value)}`);
    v = r;
  } else if (Py_TYPE(x).nb_float === null && Py_TYPE(x).nb_index === null && bytesLikeData(x) !== null) {
    const data = bytesLikeData(x)!;
    let text = "";
    for (let i = 0; i < data.length; i++) text += String.fromCharCode(data[i]);
    const r = parseFloatText(text, true);
    if (r === null) return PyErr_Format(PyExc_ValueError, `could not convert string to float: ${bytesReprHook(PyBytes_FromArray(data))}`);
    v = r;
  } else {
    const t = Py_TYPE(x);
    if (t.nb_float === null && t.nb_index === null && !PyLong_Check(x) && !(x instanceof PyFloatObject)) {
      return PyErr_Format(PyExc_TypeError, `float() argument must be a string or a real number, not '${t.tp_name}'`);
    }
    v = PyFloat_AsDouble(x);
  }
  if (type === PyFloat_Type) return PyFloat_FromDouble(v);
  return new PyFloatObject(type, v);
}

let bytesReprHook: (b: PyVal) => string = () => "b''";
export function _PyFloat_InstallBytesRepr(f: (b: PyVal) => string): void {
  bytesReprHook = f;
}

function float_is_integer(self: PyVal): PyVal {
  const x = (self as PyFloatObject).ob_fval;
  return PyBool_FromLong(Number.isFinite(x) && Math.floor(x) === x);
}

function float_as_integer_ratio(self: PyVal): PyVal {
  const x = (self as PyFloatObject).ob_fval;
  if (Number.isNaN(x)) return PyErr_Format(PyExc_ValueError, "cannot convert NaN to integer ratio");
  if (!Number.isFinite(x)) return PyErr_Format(PyExc_OverflowError, "cannot convert Infinity to integer ratio");
  let m = x;
  let e = 0;
  while (!Number.isInteger(m)) { m *= 2; e++; }
  let num = BigInt(m);
  let den = 1n << BigInt(e);
  while (den > 1n && (num & 1n) === 0n) { num >>= 1n; den >>= 1n; }
  return PyTuple_New([PyLong_FromBigInt(num), PyLong_FromBigInt(den)]);
}

function float_round(self: PyVal, args: PyVal[]): PyVal {
  if (args.length > 1) return PyErr_Format(PyExc_TypeError, `__round__ expected at most 1 argument, got ${args.length}`);
  const x = (self as PyFloatObject).ob_fval;
  if (args.length === 0 || args[0] === Py_None) {
    let r = Math.round(x);
    if (Math.abs(x - Math.trunc(x)) === 0.5) r = 2 * Math.round(x / 2);
    return float_int_value(r);
  }
  const nd = longValue(PyNumber_Index(args[0]));
  const ndigits = typeof nd === "number" ? nd : nd > 0n ? 400 : -400;
  if (!Number.isFinite(x) || x === 0) return PyFloat_FromDouble(x);
  if (ndigits > 323) return PyFloat_FromDouble(x);
  if (ndigits < -308) return PyFloat_FromDouble(x < 0 ? -0 : 0);
  const r = roundHalfEvenScaled(x, ndigits);
  if (!Number.isFinite(r)) return PyErr_Format(PyExc_OverflowError, "rounded value too large to represent");
  return PyFloat_FromDouble(r === 0 && (x < 0) ? -0 : r);
}

function float_trunc(self: PyVal): PyVal { return float_int_value((self as PyFloatObject).ob_fval); }
function float_floor(self: PyVal): PyVal { return float_int_value(Math.floor((self as PyFloatObject).ob_fval)); }
function float_ceil(self: PyVal): PyVal { return float_int_value(Math.ceil((self as PyFloatObject).ob_fval)); }

function float_format(self: PyVal, spec: PyVal): PyVal {
  if (!PyUnicode_Check(spec)) return PyErr_Format(PyExc_TypeError, `__format__() argument must be str, not ${spec === Py_None ? "None" : Py_TYPE(spec).tp_name}`);
  const fs = spec.value;
  if (fs === "") return PyObject_Str(self);
  return PyUnicode_FromString(formatFloatValue((self as PyFloatObject).ob_fval, parseFormatSpec(fs, "", Py_TYPE(self).tp_name), Py_TYPE(self).tp_name));
}

/** float.hex(): the exact hexadecimal form (float_hex). */
function float_hex(self: PyVal): PyVal {
  const x = (self as PyFloatObject).ob_fval;
  if (Number.isNaN(x) || !Number.isFinite(x)) return PyUnicode_FromString(float_repr_text(x));
  if (x === 0) return PyUnicode_FromString(Object.is(x, -0) ? "-0x0.0p+0" : "0x0.0p+0");
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0), lo = buf.getUint32(4);
  const sign = hi >>> 31 ? "-" : "";
  let exp = (hi >>> 20) & 0x7ff;
  const mant = ((BigInt(hi & 0xfffff) << 32n) | BigInt(lo)).toString(16).padStart(13, "0");
  let lead = "1";
  if (exp === 0) { lead = "0"; exp = -1022; } else exp -= 1023;
  return PyUnicode_FromString(`${sign}0x${lead}.${mant}p${exp >= 0 ? "+" : ""}${exp}`);
}

function float_fromhex(type: PyVal, arg: PyVal): PyVal {
  if (!PyUnicode_Check(arg)) return PyErr_Format(PyExc_TypeError, "bad argument type for built-in operation");
  const s = arg.value.trim();
  const m = /^([+-])?(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/i.exec(s);
  let v: number;
  if (/^[+-]?(inf|infinity)$/i.test(s)) v = s.startsWith("-") ? -Infinity : Infinity;
  else if (/^[+-]?nan$/i.test(s)) v = NaN;
  else {
    if (!m || (m[2] === "" && (m[3] ?? "") === "")) return PyErr_Format(PyExc_ValueError, "invalid hexadecimal floating-point string");
    const intPart = m[2] || "0", frac = m[3] ?? "";
    let mant = BigInt("0x" + intPart + frac || "0");
    let e = Number(m[4] ?? 0) - 4 * frac.length;
    // Exact conversion with round-half-even (subnormals included) through the bigint path.
    let r: number;
    if (mant === 0n) r = 0;
    else {
      r = ratioToDouble(mant, 1n, e);
      if (!Number.isFinite(r)) return PyErr_Format(PyExc_OverflowError, "hexadecimal value too large to represent as a float");
    }
    v = m[1] === "-" ? -r : r;
  }
  const f = PyFloat_FromDouble(v);
  return type === PyFloat_Type ? f : PyObject_CallOneHook(type, f);
}

/** float.__getformat__(typestr): the storage format of C doubles and floats (always IEEE, little-endian here). */
function float___getformat__(_type: PyVal, arg: PyVal): PyVal {
  if (!PyUnicode_Check(arg)) {
    return PyErr_Format(PyExc_TypeError, `__getformat__() argument must be str, not ${arg === Py_None ? "None" : Py_TYPE(arg).tp_name}`);
  }
  if (arg.value !== "double" && arg.value !== "float") {
    return PyErr_Format(PyExc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  }
  return PyUnicode_FromString("IEEE, little-endian");
}

let PyObject_CallOneHook: (f: PyVal, a: PyVal) => PyVal = () => { throw new Error("hook"); };
export function _PyFloat_InstallCall(f: (f: PyVal, a: PyVal) => PyVal): void {
  PyObject_CallOneHook = f;
}

PyType_FromSpecStatic({
  name: "float",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Convert a string or number to a floating-point number, if possible.",
  slots: {
    tp_repr: float_repr, tp_hash: float_hash, tp_richcompare: float_richcompare, tp_new: float_new,
    nb_add: float_add, nb_subtract: float_sub, nb_multiply: float_mul, nb_remainder: float_mod,
    nb_divmod: float_divmod, nb_power: float_pow, nb_negative: float_neg, nb_positive: float_pos,
    nb_absolute: float_abs, nb_bool: float_bool, nb_int: float_int, nb_float: float_float,
    nb_floor_divide: float_floor_div, nb_true_divide: float_div,
  },
  methods: [
    { name: "conjugate", meth: float_float, flags: METH_NOARGS },
    { name: "is_integer", meth: float_is_integer, flags: METH_NOARGS },
    { name: "as_integer_ratio", meth: float_as_integer_ratio, flags: METH_NOARGS },
    { name: "hex", meth: float_hex, flags: METH_NOARGS },
    { name: "fromhex", meth: float_fromhex, flags: METH_O | METH_CLASS },
    { name: "__getformat__", meth: float___getformat__, flags: METH_O | METH_CLASS },
    { name: "__sizeof__", meth: () => 24, flags: METH_NOARGS },
    { name: "__trunc__", meth: float_trunc, flags: METH_NOARGS },
    { name: "__floor__", meth: float_floor, flags: METH_NOARGS },
    { name: "__ceil__", meth: float_ceil, flags: METH_NOARGS },
    { name: "__round__", meth: float_round, flags: METH_FASTCALL },
    { name: "__format__", meth: float_format, flags: METH_O },
    { name: "__getnewargs__", meth: (s: PyVal) => PyTuple_New([float_float(s)]), flags: METH_NOARGS },
  ],
  getset: [
    { name: "real", get: float_float },
    { name: "imag", get: () => PyFloat_FromDouble(0) },
  ],
}, PyFloat_Type);

