// int: an exact JS number within ±(2^53−1) (never -0), or a boxed PyLongObject holding a bigint. Every result is
// normalised back to a number when it fits. Counterpart: Objects/longobject.c. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_FromSpecStatic, PyLong_Type, Py_HashHi, Py_NotImplemented, Py_None, Py_TYPE,
  Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, Py_GE, METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS, METH_CLASS,
  Py_TPFLAGS_BASETYPE, Py_TPFLAGS_LONG_SUBCLASS, hasFlag, type PyVal, PyUnicodeObject, PyLongObject,
} from "./object.js";
import { hashOut, hashFromNumber, hashBigInt } from "../runtime/pyhash.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_ZeroDivisionError, PyExc_OverflowError, PyExc_DeprecationWarning } from "./exceptions.js";
import { PyErr_WarnEx } from "../modules/_warnings.js";
import { PyFloat_FromDouble, PyFloatObject, PyFloat_Type, float_richcompare_number, float_pow } from "./floatobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "./unicodeobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { PyTuple_New } from "./tupleobject.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyNumber_Index, PyObject_Str, PyObject_CallNoArgs, _PyObject_LookupSpecial, PyObject_IsTrue } from "./abstract.js";
import { formatLongValue, parseFormatSpec } from "./formatter.js";
import { PyBytes_FromArray, bytesLikeData, bytesFromObject } from "./bytesobject.js";
import { _PyUnicode_IsWhitespace, _PyUnicode_ToDecimalDigit } from "../unicode/unicodectype.js";
import { getIntMaxStrDigits } from "../runtime/sysmodule.js";

export { PyLong_Type, PyLongObject };

const MAX = Number.MAX_SAFE_INTEGER;
const BMAX = BigInt(MAX);

export function PyLong_Check(v: PyVal): boolean {
  return typeof v === "number" || hasFlag(v.ob_type, Py_TPFLAGS_LONG_SUBCLASS);
}
export function PyLong_CheckExact(v: PyVal): boolean {
  return typeof v === "number" || v.ob_type === PyLong_Type;
}

/** Normalise a bigint result: a number when it fits. */
export function PyLong_FromBigInt(b: bigint): PyVal {
  if (b <= BMAX && b >= -BMAX) return Number(b);
  return new PyLongObject(PyLong_Type, 0, b);
}

/** A number that may be outside the safe range (e.g. from float conversion) as an int value. */
export function PyLong_AsNumber(x: number): PyVal {
  if (Number.isSafeInteger(x)) return x === 0 ? 0 : x;
  return PyLong_FromBigInt(BigInt(x));
}

/** The value of an int-like object (number, big int, bool, int subclass). */
export function longValue(v: PyVal): number | bigint {
  if (typeof v === "number") return v;
  const l = v as PyLongObject;
  return l.big !== null ? l.big : l.ival;
}

function toBig(v: number | bigint): bigint {
  return typeof v === "bigint" ? v : BigInt(v);
}

function norm(b: bigint): PyVal {
  return PyLong_FromBigInt(b);
}

function isInt(v: PyVal): boolean {
  return typeof v === "number" || hasFlag(v.ob_type, Py_TPFLAGS_LONG_SUBCLASS);
}

// ---- arithmetic (nb_* slots; either operand may be the int) ----

export function long_add(a: PyVal, b: PyVal): PyVal {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    return r <= MAX && r >= -MAX ? r : norm(BigInt(a) + BigInt(b));
  }
  if (!isInt(a) || !isInt(b)) return Py_NotImplemented;
  const x = longValue(a), y = longValue(b);
  if (typeof x === "number" && typeof y === "number") return long_add(x, y);
  return norm(toBig(x) + toBig(y));
}

export function long_sub(a: PyVal, b: PyVal): PyVal {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    return r <= MAX && r >= -MAX ? r : norm(BigInt(a) - BigInt(b));
  }
  if (!isInt(a) || !isInt(b)) return Py_NotImplemented;
  const x = longValue(a), y = longValue(b);
  if (typeof x === "number" && typeof y === "number") return long_sub(x, y);
  return norm(toBig(x) - toBig(y));
}

export function long_mul(a: PyVal, b: PyVal): PyVal {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (r <= MAX && r >= -MAX) return r === 0 ? 0 : r;
    return norm(BigInt(a) * BigInt(b));
  }
  if (!isInt(a) || !isInt(b)) return Py_NotImplemented;
  const x = longValue(a), y = longValue(b);
  if (typeof x === "number" && typeof y === "number") return long_mul(x, y);
  return norm(toBig(x) * toBig(y));
}

function zeroDiv(what: string): never {
  return PyErr_Format(PyExc_ZeroDivisionError, what);
}

/** Floor division and modulo of numbers, exact. */
export function floorDivNum(a: number, b: number): number {
  const r = a % b;
  let q = (a - r) / b;
  if (r !== 0 && (r < 0) !== (b < 0)) q -= 1;
  return q === 0 ? 0 : q;
}
export function floorModNum(a: number, b: number): number {
  let r = a % b;
  if (r !== 0 && (r < 0) !== (b < 0)) r += b;
  return r === 0 ? 0 : r;
}
function bigFloorDiv(x: bigint, y: bigint): bigint {
  const q = x / y;
  return (x % y !== 0n && (x < 0n) !== (y < 0n)) ? q - 1n : q;
}
function bigFloorMod(x: bigint, y: bigint): bigint {
  const r = x % y;
  return r !== 0n && (r < 0n) !== (y < 0n) ? r + y : r;
}

export function long_floor_div(a: PyVal, b: PyVal): PyVal {
  if (!isInt(a) || !isInt(b)) return Py_NotImplemented;
  const x = longValue(a), y = longValue(b);
  if (y === 0 || y === 0n) return zeroDiv("integer division or modulo by zero");
  if (typeof x === "number" && typeof y === "number") return floorDivNum(x, y);
  return norm(bigFloorDiv(toBig(x), toBig(y)));
}

export function long_mod(a: PyVal, b: PyVal): PyVal {
  if (!isInt(a) || !isInt(b)) return Py_NotImplemented;
  const x = longValue(a), y = longValue(b);
  if (y === 0 || y === 0n) return zeroDiv("integer modulo by zero");
  if (typeof x === "number" && typeof y === "number") return floorModNum(x, y);
  return norm(bigFloorMod(toBig(x), toBig(y)));
}

function long_divmod(a: PyVal, b: PyVal): PyVal {
  if (!isInt(a) || !isInt(b)) return Py_NotImplemented;
  const x = longValue(a), y = longValue(b);
  if (y === 0 || y === 0n) return zeroDiv("integer division or modulo by zero");
  return PyTuple_New([long_floor_div(a, b), long_mod(a, b)]);
}

/** int / int, correctly rounded (long_true_divide). */
export function long_true_divide(a: PyVal, b: PyVal): PyVal {
  if (!isInt(a) || !isInt(b)) return Py_NotImplemented;
  const x = longValue(a), y = longValue(b);
  if (y === 0 || y === 0n) return zeroDiv("division by zero");
  if (typeof x === "number" && typeof y === "number") return PyFloat_FromDouble(x / y);
  return PyFloat_FromDouble(bigTrueDivide(toBig(x), toBig(y)));
}

/** Correctly rounded a/b for big operands: scale to 54+ significant bits of quotient, round half to even. */
function bigTrueDivide(a: bigint, b: bigint): number {
  const neg = (a < 0n) !== (b < 0n);
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  if (x === 0n) return neg ? -0 : 0;
  const shift = bitLen(x) - bitLen(y) - 55;
  if (shift > 0) y <<= BigInt(shift); else x <<= BigInt(-shift);
  let q = x / y;
  const r = x % y;
  // q has 55 or 56 bits; reduce to 53 bits with round-half-even, folding the remainder in as a sticky bit.
  let extra = bitLen(q) - 53;
  let e = shift + extra;
  const minExp = -1074;
  if (e < minExp) { extra += minExp - e; e = minExp; }
  if (extra > 0) {
    const ex = BigInt(extra);
    const mask = (1n << ex) - 1n;
    const low = q & mask;
    q >>= ex;
    const half = 1n << (ex - 1n);
    if (low > half || (low === half && (r !== 0n || (q & 1n) === 1n))) q += 1n;
  }
  const v = Number(q) * Math.pow(2, e);
  if (!Number.isFinite(v)) return PyErr_Format(PyExc_OverflowError, "integer division result too large for a float");
  return neg ? -v : v;
}

export function bitLen(x: bigint): number {
  if (x < 0n) x = -x;
  return x === 0n ? 0 : x.toString(2).length;
}

function numBitLen(x: number): number {
  x = Math.abs(x);
  if (x < 0x80000000) return 32 - Math.clz32(x);
  return Math.floor(Math.log2(x)) + 1 - (Math.pow(2, Math.floor(Math.log2(x))) > x ? 1 : 0);
}

export function long_pow(a: PyVal, b: PyVal, c: PyVal): PyVal {
  if (!isInt(a) || !isInt(b)) return Py_NotImplemented;
  if (c !== Py_None && !isInt(c)) return Py_NotImplemented;
  const x = longValue(a), y = longValue(b);
  if (c !== Py_None) {
    let m = toBig(longValue(c));
    if (m === 0n) return PyErr_Format(PyExc_ValueError, "pow() 3rd argument cannot be 0");
    let base = toBig(x);
    let e = toBig(y);
    const negM = m < 0n;
    if (negM) m = -m;
    if (e < 0n) {
      base = modInverse(base, m);
      e = -e;
    }
    let r = 1n % m;
    base = bigFloorMod(base, m);
    while (e > 0n) {
      if (e & 1n) r = r * base % m;
      base = base * base % m;
      e >>= 1n;
    }
    if (negM && r !== 0n) r -= m;
    return norm(r);
  }
  if (y < 0) {
    const fx = PyLong_AsDouble(a);
    const fy = PyLong_AsDouble(b);
    // CPython hands a negative exponent to float's nb_power.
    return float_pow(PyFloat_FromDouble(fx), PyFloat_FromDouble(fy), Py_None);
  }
  if (typeof x === "number" && typeof y === "number") {
    let r = 1, base = x, e = y;
    let ok = true;
    while (e > 0) {
      if (e & 1) { r *= base; if (!(r <= MAX && r >= -MAX)) { ok = false; break; } }
      e = Math.floor(e / 2);
      if (e > 0) { base *= base; if (!(base <= MAX && base >= -MAX)) { ok = false; break; } }
    }
    if (ok) return r === 0 ? 0 : r;
  }
  const bx = toBig(x), by = toBig(y);
  if (by > 100000000n && bx !== 0n && bx !== 1n && bx !== -1n) {
    return PyErr_Format(PyExc_OverflowError, "exponent too large");
  }
  return norm(bx ** by);
}

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [bigFloorMod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) return PyErr_Format(PyExc_ValueError, "base is not invertible for the given modulus");
  return bigFloorMod(s0, m);
}

function long_neg(a: PyVal): PyVal {
  const x = longValue(a);
  if (typeof x === "number") return x === 0 ? 0 : -x;
  return norm(-x);
}
function long_pos(a: PyVal): PyVal {
  const x = longValue(a);
  return typeof x === "number" ? x : norm(x);
}
function long_abs(a: PyVal): PyVal {
  const x = longValue(a);
  if (typeof x === "number") return Math.abs(x);
  return norm(x < 0n ? -x : x);
}
function long_bool(a: PyVal): boolean {
  const x = longValue(a);
  return x !== 0 && x !== 0n;
}
function long_invert(a: PyVal): PyVal {
  const x = longValue(a);
  if (typeof x === "number") return -x - 1 === 0 ? 0 : -x - 1;
  return norm(-x - 1n);
}

function long_lshift(a: PyVal, b: PyVal): PyVal {
  if (!isInt(a) || !isInt(b)) return Py_NotImplemented;
  const x = longValue(a), y = longValue(b);
  if (y < 0) return PyErr_Format(PyExc_ValueError, "negative shift count");
  if (x === 0 || x === 0n) return 0;
  if (typeof x === "number" && typeof y === "number" && y < 31 && Math.abs(x) < 0x400000) {
    return x * (1 << y);
  }
  if (toBig(y) > 0x7fffffffn) return PyErr_Format(PyExc_OverflowError, "too many digits in integer");
  return norm(toBig(x) << toBig(y));
}

function long_rshift(a: PyVal, b: PyVal): PyVal {
  if (!isInt(a) || !isInt(b)) return Py_NotImplemented;
  const x = longValue(a), y = longValue(b);
  if (y < 0) return PyErr_Format(PyExc_ValueError, "negative shift count");
  if (typeof x === "number" && typeof y === "number") {
    if (y >= 54) return x < 0 ? -1 : 0;
    if (x >= -0x80000000 && x <= 0x7fffffff && y < 32) return x >> y;
    return floorDivNum(x, Math.pow(2, y));
  }
  const yy = toBig(y);
  if (yy > 0x7fffffffn) return toBig(x) < 0n ? -1 : 0;
  return norm(toBig(x) >> yy);
}

function bitop(a: PyVal, b: PyVal, op: 0 | 1 | 2): PyVal {
  if (!isInt(a) || !isInt(b)) return Py_NotImplemented;
  const x = longValue(a), y = longValue(b);
  if (typeof x === "number" && typeof y === "number" && (x | 0) === x && (y | 0) === y) {
    return op === 0 ? x & y : op === 1 ? x | y : x ^ y;
  }
  const bx = toBig(x), by = toBig(y);
  return norm(op === 0 ? bx & by : op === 1 ? bx | by : bx ^ by);
}

function long_int(a: PyVal): PyVal {
  if (typeof a === "number") return a;
  const x = longValue(a);
  return typeof x === "number" ? x : norm(x);
}

function long_float(a: PyVal): PyVal {
  return PyFloat_FromDouble(PyLong_AsDouble(a));
}

export function PyLong_AsDouble(a: PyVal): number {
  const x = longValue(a);
  if (typeof x === "number") return x;
  const d = bigToDouble(x);
  if (!Number.isFinite(d)) return PyErr_Format(PyExc_OverflowError, "int too large to convert to float");
  return d;
}

/** Correctly rounded (half-even) conversion of a bigint to a double. */
function bigToDouble(x: bigint): number {
  const neg = x < 0n;
  let ax = neg ? -x : x;
  const n = bitLen(ax);
  if (n <= 53) return neg ? -Number(ax) : Number(ax);
  const shift = BigInt(n - 53);
  const low = ax & ((1n << shift) - 1n);
  ax >>= shift;
  const half = 1n << (shift - 1n);
  if (low > half || (low === half && (ax & 1n) === 1n)) ax += 1n;
  const v = Number(ax) * Math.pow(2, Number(shift));
  return neg ? -v : v;
}

// ---- comparison, hash, repr ----

export function long_compare(x: number | bigint, y: number | bigint): number {
  if (typeof x === "number" && typeof y === "number") return x < y ? -1 : x > y ? 1 : 0;
  const bx = toBig(x), by = toBig(y);
  return bx < by ? -1 : bx > by ? 1 : 0;
}

function long_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  // int vs float is float's job (the reflected float_richcompare), so int.__eq__(5, 5.0) is NotImplemented.
  if (!isInt(b)) return Py_NotImplemented;
  const c = long_compare(longValue(a), longValue(b));
  let r: boolean;
  switch (op) {
    case Py_LT: r = c < 0; break;
    case Py_LE: r = c <= 0; break;
    case Py_EQ: r = c === 0; break;
    case Py_NE: r = c !== 0; break;
    case Py_GT: r = c > 0; break;
    case Py_GE: r = c >= 0; break;
    default: return Py_NotImplemented;
  }
  return PyBool_FromLong(r);
}

export function long_hash(a: PyVal): number {
  const x = longValue(a);
  if (typeof x === "number") {
    const h = x === -1 ? -2 : x;
    Py_HashHi[0] = Math.floor(h / 4294967296) | 0;
    return h | 0;
  }
  hashBigInt(x);
  Py_HashHi[0] = hashOut[1];
  return hashOut[0];
}

/** Decimal text of an int, with the int/str digit limit (sys.set_int_max_str_digits). */
export function longToDecimal(x: number | bigint): string {
  if (typeof x === "number") return String(x);
  const limit = getIntMaxStrDigits();
  const msg = `Exceeds the limit (${limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`;
  // Enough bits for more than `limit` digits: refuse before converting (as long_to_decimal_string_internal).
  if (limit > 0 && bitLen(x) - 1 >= limit * 3.3219281) return PyErr_Format(PyExc_ValueError, msg);
  const s = x.toString();
  if (limit > 0 && s.length - (x < 0n ? 1 : 0) > limit) return PyErr_Format(PyExc_ValueError, msg);
  return s;
}

function long_repr(a: PyVal): PyUnicodeObject {
  return PyUnicode_FromString(longToDecimal(longValue(a)));
}

// ---- construction: int(x=0, base=10) ----

const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** int()'s text rules (PyLong_FromString over _PyUnicode_TransformDecimalAndSpaceToASCII's output): whitespace
 *  around, a sign, a base prefix, single underscores between digits. Returns the value, null for an invalid
 *  literal, or the digit count when it exceeds sys.get_int_max_str_digits() for a non-power-of-two base. */
export function parseIntLiteral(text: string, base: number, isBytes = false): bigint | number | null | { digits: number } {
  // Map the text to ASCII as CPython does: Unicode spaces to ' ', decimal digits to '0'..'9', anything else
  // non-ASCII to '?' (which no base accepts). Bytes are taken as they are.
  let s = text;
  if (!isBytes && !/^[\x00-\x7e]*$/.test(text)) {
    let t = "";
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 127) { t += ch; continue; }
      if (_PyUnicode_IsWhitespace(cp)) { t += " "; continue; }
      const d = _PyUnicode_ToDecimalDigit(cp);
      t += d >= 0 ? String.fromCharCode(48 + d) : "?";
    }
    s = t;
  }
  const n = s.length;
  let i = 0;
  const space = isAsciiSpace;
  while (i < n && space(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === "+") i++;
  else if (s[i] === "-") { neg = true; i++; }
  let errorIfNonzero = false;
  if (base === 0) {
    const c1 = s[i + 1];
    if (s[i] !== "0") base = 10;
    else if (c1 === "x" || c1 === "X") base = 16;
    else if (c1 === "o" || c1 === "O") base = 8;
    else if (c1 === "b" || c1 === "B") base = 2;
    else { errorIfNonzero = true; base = 10; }
  }
  if (s[i] === "0") {
    const c1 = s[i + 1];
    if ((base === 16 && (c1 === "x" || c1 === "X")) || (base === 8 && (c1 === "o" || c1 === "O")) ||
      (base === 2 && (c1 === "b" || c1 === "B"))) {
      i += 2;
      if (s[i] === "_") i++;
    }
  }
  // Digits: the first must be a digit; an underscore only between two digits.
  const start = i;
  let digits = 0;
  let prevUnderscore = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 95) {
      if (prevUnderscore || i === start) return null;
      prevUnderscore = true;
      continue;
    }
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : c >= 65 && c <= 90 ? c - 55 : 99;
    if (d >= base) break;
    prevUnderscore = false;
    digits++;
  }
  if (digits === 0 || prevUnderscore) return null;
  const end = i;
  if ((base & (base - 1)) !== 0 && digits > 640) {
    const limit = getIntMaxStrDigits();
    if (limit > 0 && digits > limit) return { digits };
  }
  while (i < n && space(s.charCodeAt(i))) i++;
  if (i !== n) return null;
  const body = s.slice(start, end).replace(/_/g, "");
  let v: number | bigint;
  if (digits <= 10) v = parseInt(body, base);
  else if (base === 10) v = BigInt(body);
  else if (base === 16 || base === 8 || base === 2) v = BigInt((base === 16 ? "0x" : base === 8 ? "0o" : "0b") + body);
  else v = bigFromDigits(body, base);
  if (errorIfNonzero && v !== 0 && v !== 0n) return null;
  if (typeof v === "number") return neg ? (v === 0 ? 0 : -v) : v;
  return neg ? -v : v;
}

/** Digits in any base up to 36, by divide and conquer so that long inputs stay subquadratic in bigint work. */
function bigFromDigits(body: string, base: number): bigint {
  if (body.length <= 10) return BigInt(parseInt(body, base));
  const half = body.length >> 1;
  const lowLen = body.length - half;
  return bigFromDigits(body.slice(0, half), base) * BigInt(base) ** BigInt(lowLen) + bigFromDigits(body.slice(half), base);
}

export function PyLong_FromUnicodeText(text: string, base: number, reprText: string, isBytes = false): PyVal {
  const v = parseIntLiteral(text, base, isBytes);
  if (v === null) return PyErr_Format(PyExc_ValueError, `invalid literal for int() with base ${base}: ${reprText}`);
  if (typeof v === "object") {
    return PyErr_Format(PyExc_ValueError,
      `Exceeds the limit (${getIntMaxStrDigits()} digits) for integer string conversion: value has ${v.digits} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
  return typeof v === "number" ? v : norm(v);
}

let unicodeReprHook: (s: string) => string = (s) => `'${s}'`;
export function _PyLong_InstallRepr(f: (s: string) => string): void {
  unicodeReprHook = f;
}

function long_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const npos = args.length - (kwnames === null ? 0 : kwnames.length);
  if (npos > 2) return PyErr_Format(PyExc_TypeError, `int expected at most 2 arguments, got ${npos}`);
  const [x, baseArg] = parseArgs("int", args, kwnames, ["", "base"], 0, 2);
  let v: PyVal;
  if (x === undefined) {
    if (baseArg !== undefined) return PyErr_Format(PyExc_TypeError, "int() missing string argument");
    v = 0;
  } else if (baseArg === undefined) {
    v = PyNumber_Long(x);
  } else {
    const bv = longValue(PyNumber_Index(baseArg));
    if (typeof bv !== "number" || (bv !== 0 && (bv < 2 || bv > 36))) {
      return PyErr_Format(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    if (PyUnicode_Check(x)) v = PyLong_FromUnicodeText(x.value, bv, strReprForError(x.value));
    else if (bytesLikeData(x) !== null && !(PyUnicode_Check(x))) v = longFromBytesLike(x, bv);
    else return PyErr_Format(PyExc_TypeError, "int() can't convert non-string with explicit base");
  }
  if (type === PyLong_Type) return v;
  const val = longValue(v);
  return typeof val === "number" ? new PyLongObject(type, val, null) : new PyLongObject(type, 0, val);
}

/** The %.200R of an int() error: the repr cut to 200 characters. */
function strReprForError(s: string): string {
  return [...unicodeReprHook(s)].slice(0, 200).join("");
}

/** int(bytes-like[, base]): _PyLong_FromBytes; the error shows the first 200 bytes. */
function longFromBytesLike(x: PyVal, base: number): PyVal {
  const data = bytesLikeData(x)!;
  const text = latin1(data);
  const v = parseIntLiteral(text, base, true);
  if (v === null) {
    return PyErr_Format(PyExc_ValueError, `invalid literal for int() with base ${base}: ${bytesRepr(PyBytes_FromArray(data.subarray(0, 200)))}`);
  }
  return PyLong_FromUnicodeText(text, base, "", true);
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

let bytesReprHook: (b: PyVal) => string = () => "b''";
export function _PyLong_InstallBytesRepr(f: (b: PyVal) => string): void {
  bytesReprHook = f;
}
function bytesRepr(b: PyVal): string {
  return bytesReprHook(b);
}

/** int(x) for one argument (PyNumber_Long). */
export function PyNumber_Long(x: PyVal): PyVal {
  if (typeof x === "number") return x;
  const t = x.ob_type;
  if (t === PyLong_Type) return x;
  if (t.nb_int !== null) {
    const r = t.nb_int(x);
    if (typeof r === "number" || r.ob_type === PyLong_Type) return r;
    if (!PyLong_Check(r)) return PyErr_Format(PyExc_TypeError, `__int__ returned non-int (type ${Py_TYPE(r).tp_name})`);
    return long_int(r);
  }
  if (t.nb_index !== null) return long_int(PyNumber_Index(x));
  const trunc = _PyObject_LookupSpecial(x, "__trunc__");
  if (trunc !== undefined) {
    PyErr_WarnEx(PyExc_DeprecationWarning, PyUnicode_FromString("The delegation of int() to __trunc__ is deprecated."), 1);
    const r = PyObject_CallNoArgs(trunc);
    if (PyLong_Check(r)) return long_int(r);
    if (Py_TYPE(r).nb_index !== null) return long_int(PyNumber_Index(r));
    return PyErr_Format(PyExc_TypeError, `__trunc__ returned non-Integral (type ${Py_TYPE(r).tp_name})`);
  }
  if (PyUnicode_Check(x)) return PyLong_FromUnicodeText(x.value, 10, strReprForError(x.value));
  if (bytesLikeData(x) !== null) return longFromBytesLike(x, 10);
  return PyErr_Format(PyExc_TypeError,
    `int() argument must be a string, a bytes-like object or a real number, not '${t.tp_name}'`);
}

// ---- methods ----

function int_bit_length(self: PyVal): PyVal {
  const x = longValue(self);
  return typeof x === "number" ? numBitLen(x) : bitLen(x);
}

function int_bit_count(self: PyVal): PyVal {
  let x = toBig(longValue(self));
  if (x < 0n) x = -x;
  let n = 0;
  for (const c of x.toString(2)) if (c === "1") n++;
  return n;
}

function int_to_bytes(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [lenA, orderA, signedA] = parseArgs("to_bytes", args, kwnames, ["length", "byteorder", "*signed"], 0, 2);
  const lenV = lenA === undefined ? 1 : longValue(PyNumber_Index(lenA));
  if (typeof lenV === "bigint") return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
  const length = lenV;
  const order = byteorderArg("to_bytes", orderA);
  const signed = signedA !== undefined && PyObject_IsTrue(signedA);
  if (length < 0) return PyErr_Format(PyExc_ValueError, "length argument must be non-negative");
  let x = toBig(longValue(self));
  if (x < 0n && !signed) return PyErr_Format(PyExc_OverflowError, "can't convert negative int to unsigned");
  const bits = BigInt(length * 8);
  if (signed) {
    const lim = length === 0 ? 0n : 1n << (bits - 1n);
    if (x >= lim || x < -lim) return PyErr_Format(PyExc_OverflowError, "int too big to convert");
    if (x < 0n) x += 1n << bits;
  } else if (x >= (1n << bits)) return PyErr_Format(PyExc_OverflowError, "int too big to convert");
  // Through one hex string: linear, where byte-by-byte shifts of a big value would be quadratic.
  const out = new Uint8Array(length);
  const hex = x.toString(16);
  for (let i = hex.length, k = length - 1; i > 0 && k >= 0; i -= 2, k--) out[k] = parseInt(hex.slice(Math.max(0, i - 2), i), 16);
  if (order === "little") out.reverse();
  return PyBytes_FromArray(out);
}

export function _PyLong_InstallBytesFromObject(f: (v: PyVal) => Uint8Array): void {
  void f;
}

function byteorderArg(fname: string, v: PyVal | undefined): string {
  if (v === undefined) return "big";
  if (!PyUnicode_Check(v)) {
    return PyErr_Format(PyExc_TypeError, `${fname}() argument 'byteorder' must be str, not ${Py_TYPE(v).tp_name}`);
  }
  if (v.value !== "big" && v.value !== "little") {
    return PyErr_Format(PyExc_ValueError, "byteorder must be either 'little' or 'big'");
  }
  return v.value;
}

/** PyObject_Bytes for from_bytes: __bytes__, a buffer, or an iterable of ints other than str. */
function bytesForFromBytes(x: PyVal): Uint8Array {
  const data = bytesLikeData(x);
  if (data !== null) return data;
  const meth = typeof x === "number" ? undefined : _PyObject_LookupSpecial(x, "__bytes__");
  if (meth !== undefined) {
    const r = PyObject_CallNoArgs(meth);
    const d = bytesLikeData(r);
    if (d === null) return PyErr_Format(PyExc_TypeError, `__bytes__ returned non-bytes (type ${Py_TYPE(r).tp_name})`);
    return d;
  }
  const t = Py_TYPE(x);
  if (PyUnicode_Check(x) || (t.tp_iter === null && _PyObject_LookupSpecial(x, "__getitem__") === undefined)) {
    return PyErr_Format(PyExc_TypeError, `cannot convert '${t.tp_name}' object to bytes`);
  }
  return bytesFromObject(x);
}

function int_from_bytes(type: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  // A missing 'bytes' is reported before any unexpected keyword (argument clinic's order).
  const npos = args.length - (kwnames === null ? 0 : kwnames.length);
  if (npos === 0 && !(kwnames ?? []).some((k) => (k as PyUnicodeObject).value === "bytes")) {
    return PyErr_Format(PyExc_TypeError, "from_bytes() missing required argument 'bytes' (pos 1)");
  }
  const [bytesA, orderA, signedA] = parseArgs("from_bytes", args, kwnames, ["bytes", "byteorder", "*signed"], 1, 2);
  const order = byteorderArg("from_bytes", orderA);
  const signed = signedA !== undefined && PyObject_IsTrue(signedA);
  const bytes = bytesForFromBytes(bytesA!);
  const n = bytes.length;
  let hex = "";
  for (let i = 0; i < n; i++) {
    const b = bytes[order === "little" ? n - 1 - i : i];
    hex += (b < 16 ? "0" : "") + b.toString(16);
  }
  let x = n === 0 ? 0n : BigInt("0x" + hex);
  const top = n === 0 ? 0 : bytes[order === "little" ? n - 1 : 0];
  if (signed && top >= 128) x -= 1n << BigInt(n * 8);
  const v = norm(x);
  if (type === PyLong_Type) return v;
  return PyObject_CallOne(type, v);
}

let PyObject_CallOne: (f: PyVal, a: PyVal) => PyVal = () => { throw new Error("hook"); };
export function _PyLong_InstallCall(f: (f: PyVal, a: PyVal) => PyVal): void {
  PyObject_CallOne = f;
}

function int_as_integer_ratio(self: PyVal): PyVal {
  return PyTuple_New([long_int(self), 1]);
}

function int_round(self: PyVal, args: PyVal[]): PyVal {
  // Unlike round(), int.__round__ gives None no special meaning (int___round___impl).
  if (args.length > 1) return PyErr_Format(PyExc_TypeError, `__round__ expected at most 1 argument, got ${args.length}`);
  if (args.length === 0) return long_int(self);
  const nd = longValue(PyNumber_Index(args[0]));
  if (nd >= 0) return long_int(self);
  const x = toBig(longValue(self));
  const p = 10n ** toBig(-toBig(nd) as bigint);
  let q = bigFloorDiv(x, p);
  const r = x - q * p;
  if (r * 2n > p || (r * 2n === p && (q & 1n) === 1n)) q += 1n;
  return norm(q * p);
}

function int_format(self: PyVal, spec: PyVal): PyVal {
  if (!PyUnicode_Check(spec)) return PyErr_Format(PyExc_TypeError, `__format__() argument must be str, not ${spec === Py_None ? "None" : Py_TYPE(spec).tp_name}`);
  const fs = spec.value;
  if (fs === "") return PyObject_Str(self);
  return PyUnicode_FromString(formatLongValue(self, parseFormatSpec(fs, "d", Py_TYPE(self).tp_name)));
}

function int_sizeof(self: PyVal): PyVal {
  const x = longValue(self);
  const bits = typeof x === "number" ? numBitLen(x) : bitLen(x);
  return 24 + 4 * Math.max(1, Math.ceil(bits / 30));
}

export const PyLong_Type_ = PyType_FromSpecStatic({
  name: "int",
  flags: Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS,
  doc: "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating-point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4",
  slots: {
    tp_repr: long_repr, tp_hash: long_hash, tp_richcompare: long_richcompare, tp_new: long_new,
    nb_add: long_add, nb_subtract: long_sub, nb_multiply: long_mul, nb_remainder: long_mod, nb_divmod: long_divmod,
    nb_power: long_pow, nb_negative: long_neg, nb_positive: long_pos, nb_absolute: long_abs, nb_bool: long_bool,
    nb_invert: long_invert, nb_lshift: long_lshift, nb_rshift: long_rshift,
    nb_and: (a, b) => bitop(a, b, 0), nb_or: (a, b) => bitop(a, b, 1), nb_xor: (a, b) => bitop(a, b, 2),
    nb_int: long_int, nb_float: long_float, nb_floor_divide: long_floor_div, nb_true_divide: long_true_divide,
    nb_index: long_int,
  },
  methods: [
    { name: "conjugate", meth: long_int, flags: METH_NOARGS },
    { name: "bit_length", meth: int_bit_length, flags: METH_NOARGS },
    { name: "bit_count", meth: int_bit_count, flags: METH_NOARGS },
    { name: "to_bytes", meth: int_to_bytes, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "from_bytes", meth: int_from_bytes, flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS },
    { name: "as_integer_ratio", meth: int_as_integer_ratio, flags: METH_NOARGS },
    { name: "__trunc__", meth: long_int, flags: METH_NOARGS },
    { name: "__floor__", meth: long_int, flags: METH_NOARGS },
    { name: "__ceil__", meth: long_int, flags: METH_NOARGS },
    { name: "__round__", meth: int_round, flags: METH_FASTCALL },
    { name: "__getnewargs__", meth: (s: PyVal) => PyTuple_New([long_int(s)]), flags: METH_NOARGS },
    { name: "__format__", meth: int_format, flags: METH_O },
    { name: "__sizeof__", meth: int_sizeof, flags: METH_NOARGS },
    { name: "is_integer", meth: () => PyBool_FromLong(true), flags: METH_NOARGS },
  ],
  getset: [
    { name: "real", get: long_int },
    { name: "imag", get: () => 0 },
    { name: "numerator", get: long_int },
    { name: "denominator", get: () => 1 },
  ],
}, PyLong_Type);

