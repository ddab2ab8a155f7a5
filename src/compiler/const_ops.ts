// Python arithmetic on compile-time constants (PyNumber_* as the AST optimizer calls them): int, float, complex,
// str, bytes, tuple. Counterparts: Objects/longobject.c, floatobject.c, complexobject.c, unicodeobject.c,
// bytesobject.c, tupleobject.c. `undefined` means "the operation raised": ast_opt then leaves the node alone.
import { PyBytes, PyComplex, SurrogateStr, makeStr, strCodePoints } from "../ast/constant.js";
import { ConstFrozenset, ConstTuple, constTruth, type ConstValue } from "./consts.js";

export type Folded = ConstValue | undefined;

const isInt = (v: ConstValue): v is bigint | boolean => typeof v === "bigint" || typeof v === "boolean";
const asInt = (v: bigint | boolean): bigint => (typeof v === "bigint" ? v : v ? 1n : 0n);
const isStr = (v: ConstValue): v is string | SurrogateStr => typeof v === "string" || v instanceof SurrogateStr;
const isNum = (v: ConstValue): v is bigint | boolean | number => isInt(v) || typeof v === "number";

/** _PyLong_NumBits: bit length of |v|. */
export function numBits(v: bigint): number {
  if (v < 0n) v = -v;
  return v === 0n ? 0 : v.toString(2).length;
}

/** PyLong_AsDouble: round half to even; OverflowError (undefined) when out of range. */
export function intToFloat(v: bigint): number | undefined {
  const d = Number(v);
  return Number.isFinite(d) ? d : undefined;
}

function ldexp(x: number, e: number): number {
  while (e > 1023) { x *= 2 ** 1023; e -= 1023; }
  while (e < -1022) { x *= 2 ** -1022; e += 1022; }
  return x * 2 ** e;
}

/** The correctly rounded double nearest n/d (d > 0), as long_true_divide computes it; undefined on overflow. */
export function ratioToFloat(n: bigint, d: bigint): number | undefined {
  if (d <= 0n) throw new Error("ratioToFloat: d must be positive");
  const neg = n < 0n;
  if (neg) n = -n;
  if (n === 0n) return neg ? -0 : 0;
  const e = numBits(n) - numBits(d);
  const s = 55 - e;
  let q: bigint, r: bigint;
  if (s >= 0) { q = (n << BigInt(s)) / d; r = (n << BigInt(s)) % d; }
  else { const dd = d << BigInt(-s); q = n / dd; r = n % dd; }
  const bl = numBits(q);
  const drop = Math.max(bl - 53, s - 1074);
  if (drop > 0) {
    const mask = (1n << BigInt(drop)) - 1n;
    const low = q & mask;
    const half = 1n << BigInt(drop - 1);
    q >>= BigInt(drop);
    if (low > half || (low === half && (r !== 0n || (q & 1n) === 1n))) q += 1n;
  }
  const x = ldexp(Number(q), drop - s);
  if (!Number.isFinite(x)) return undefined;
  return neg ? -x : x;
}

/** A finite double as an exact fraction m / 2^k (k >= 0) or m * 2^k. */
function floatToRatio(x: number): { num: bigint; den: bigint } {
  let m = x;
  let k = 0;
  while (!Number.isInteger(m)) { m *= 2; k++; }
  return { num: BigInt(m), den: 1n << BigInt(k) };
}

/** C pow() for finite x and integral y, correctly rounded (glibc's pow is), or undefined on overflow. */
function powIntegral(x: number, y: number): number | undefined {
  if (Math.abs(y) > 4096) return Math.pow(x, y);
  const { num, den } = floatToRatio(Math.abs(x));
  const n = BigInt(Math.abs(y));
  let a = num ** n, b = den ** n;
  if (y < 0) [a, b] = [b, a];
  if (b === 0n) return undefined;
  const r = ratioToFloat(a, b);
  if (r === undefined) return undefined;
  return x < 0 && Math.abs(y) % 2 === 1 ? -r : r;
}

/** float_pow (Objects/floatobject.c); complex results (negative base, fractional exponent) are not folded. */
export function floatPow(iv: number, iw: number): number | undefined {
  if (iw === 0) return 1.0;
  if (Number.isNaN(iv)) return iv;
  if (Number.isNaN(iw)) return iv === 1.0 ? 1.0 : iw;
  if (!Number.isFinite(iw)) {
    const a = Math.abs(iv);
    if (a === 1.0) return 1.0;
    if ((iw > 0) === (a > 1.0)) return Infinity;
    return 0.0;
  }
  const iwIsOdd = Number.isInteger(iw) && Math.abs(iw % 2) === 1;
  if (!Number.isFinite(iv)) {
    if (iw > 0) return iwIsOdd ? iv : Math.abs(iv);
    return iwIsOdd ? (iv < 0 ? -0 : 0) : 0.0;
  }
  if (iv === 0) {
    if (iw < 0) return undefined; // ZeroDivisionError
    return iwIsOdd ? iv : 0.0;
  }
  let negate = false;
  if (iv < 0) {
    if (!Number.isInteger(iw)) return undefined; // a complex result: not folded here
    iv = -iv;
    negate = iwIsOdd;
  }
  if (iv === 1.0) return negate ? -1.0 : 1.0;
  let r: number | undefined;
  if (Number.isInteger(iw)) r = powIntegral(iv, iw);
  else if (iw === 0.5) r = Math.sqrt(iv);
  else r = Math.pow(iv, iw); // DEVIATION: V8's pow is not always correctly rounded for fractional exponents
  if (r === undefined || !Number.isFinite(r)) return undefined; // OverflowError
  return negate ? -r : r;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}
function floorMod(a: bigint, b: bigint): bigint {
  const m = a % b;
  return m !== 0n && ((m < 0n) !== (b < 0n)) ? m + b : m;
}

/** float_divmod: [floordiv, mod], or undefined for a zero divisor. */
function floatDivmod(vx: number, wx: number): [number, number] | undefined {
  if (wx === 0) return undefined;
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) !== (mod < 0)) { mod += wx; div -= 1.0; }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = (vx / wx) < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function toFloat(v: bigint | boolean | number): number | undefined {
  return typeof v === "number" ? v : intToFloat(asInt(v));
}

function toComplex(v: ConstValue): PyComplex | undefined {
  if (v instanceof PyComplex) return v;
  if (isNum(v)) {
    const f = toFloat(v);
    return f === undefined ? undefined : new PyComplex(f, 0.0);
  }
  return undefined;
}

/** _Py_c_quot. */
function complexQuot(a: PyComplex, b: PyComplex): PyComplex | undefined {
  const absBr = Math.abs(b.real), absBi = Math.abs(b.imag);
  if (absBr >= absBi) {
    if (absBr === 0) return undefined;
    const ratio = b.imag / b.real;
    const denom = b.real + b.imag * ratio;
    return new PyComplex((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom);
  }
  if (absBi >= absBr) {
    const ratio = b.real / b.imag;
    const denom = b.real * ratio + b.imag;
    return new PyComplex((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom);
  }
  return new PyComplex(NaN, NaN);
}

const C1 = new PyComplex(1.0, 0.0);
function complexProd(a: PyComplex, b: PyComplex): PyComplex {
  return new PyComplex(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real);
}

/** complex_pow: c_powi for small integral exponents, _Py_c_pow otherwise; errors are not folded. */
function complexPow(a: PyComplex, b: PyComplex): Folded {
  let p: PyComplex | undefined;
  if (b.imag === 0.0 && b.real === Math.floor(b.real) && Math.abs(b.real) <= 100.0) {
    const n = Math.abs(b.real);
    let r = C1, x = a;
    for (let mask = 1; n >= mask; mask *= 2) {
      if (Math.floor(n / mask) % 2 === 1) r = complexProd(r, x);
      x = complexProd(x, x);
    }
    p = b.real >= 0 ? r : complexQuot(C1, r);
  } else if (b.real === 0 && b.imag === 0) {
    p = C1;
  } else if (a.real === 0 && a.imag === 0) {
    if (b.imag !== 0 || b.real < 0) return undefined;
    p = new PyComplex(0, 0);
  } else {
    // DEVIATION: libm's pow/exp/log/cos/sin and V8's may differ in the last bit here.
    const vabs = Math.hypot(a.real, a.imag);
    let len = Math.pow(vabs, b.real);
    const at = Math.atan2(a.imag, a.real);
    let phase = at * b.real;
    if (b.imag !== 0) {
      len /= Math.exp(at * b.imag);
      phase += b.imag * Math.log(vabs);
    }
    p = new PyComplex(len * Math.cos(phase), len * Math.sin(phase));
  }
  if (p === undefined || !Number.isFinite(p.real) || !Number.isFinite(p.imag)) return undefined;
  return p;
}

function complexOp(op: BinOpName, a: PyComplex, b: PyComplex): Folded {
  switch (op) {
    case "Add": return new PyComplex(a.real + b.real, a.imag + b.imag);
    case "Sub": return new PyComplex(a.real - b.real, a.imag - b.imag);
    case "Mult": return complexProd(a, b);
    case "Div": return complexQuot(a, b);
    case "Pow": return complexPow(a, b);
    default: return undefined; // //, %, shifts and bit ops raise TypeError
  }
}

function floatOp(op: BinOpName, a: number, b: number): Folded {
  switch (op) {
    case "Add": return a + b;
    case "Sub": return a - b;
    case "Mult": return a * b;
    case "Div": return b === 0 ? undefined : a / b;
    case "FloorDiv": return floatDivmod(a, b)?.[0];
    case "Mod": return floatDivmod(a, b)?.[1];
    case "Pow":
      // float_pow hands a negative base with a fractional exponent to complex_pow.
      if (a < 0 && Number.isFinite(a) && Number.isFinite(b) && !Number.isInteger(b)) {
        return complexPow(new PyComplex(a, 0.0), new PyComplex(b, 0.0));
      }
      return floatPow(a, b);
    default: return undefined;
  }
}

function intOp(op: BinOpName, a: bigint, b: bigint): Folded {
  switch (op) {
    case "Add": return a + b;
    case "Sub": return a - b;
    case "Mult": return a * b;
    case "Div": {
      if (b === 0n) return undefined;
      const ab = a < 0n ? -a : a, bb = b < 0n ? -b : b;
      const LIM = 1n << 53n;
      if (ab <= LIM && bb <= LIM) return Number(a) / Number(b);
      return b < 0n ? ratioToFloat(-a, -b) : ratioToFloat(a, b);
    }
    case "FloorDiv": return b === 0n ? undefined : floorDiv(a, b);
    case "Mod": return b === 0n ? undefined : floorMod(a, b);
    case "Pow": {
      if (b < 0n) {
        const fa = intToFloat(a), fb = intToFloat(b);
        if (fa === undefined || fb === undefined) return undefined;
        return floatPow(fa, fb);
      }
      return a ** b;
    }
    case "LShift":
      if (b < 0n) return undefined;
      return a << b;
    case "RShift": {
      if (b < 0n) return undefined;
      if (b > BigInt(numBits(a))) return a < 0n ? -1n : 0n;
      return a >> b;
    }
    case "BitOr": return a | b;
    case "BitXor": return a ^ b;
    case "BitAnd": return a & b;
    case "MatMult": return undefined;
    default: {
      const never: never = op;
      return never;
    }
  }
}

function seqItems(v: ConstValue): { kind: "str" | "bytes" | "tuple"; len: number } | null {
  if (isStr(v)) return { kind: "str", len: typeof v === "string" ? strCodePoints(v).length : v.codePoints.length };
  if (v instanceof PyBytes) return { kind: "bytes", len: v.bytes.length };
  if (v instanceof ConstTuple) return { kind: "tuple", len: v.items.length };
  return null;
}

function repeat(v: ConstValue, n: bigint): Folded {
  if (n < 0n) n = 0n;
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) return undefined; // OverflowError/MemoryError
  const k = Number(n);
  if (isStr(v)) {
    if (typeof v === "string") return v.repeat(k);
    const cps: number[] = [];
    for (let i = 0; i < k; i++) cps.push(...v.codePoints);
    return makeStr(cps);
  }
  if (v instanceof PyBytes) {
    const out = new Uint8Array(v.bytes.length * k);
    for (let i = 0; i < k; i++) out.set(v.bytes, i * v.bytes.length);
    return new PyBytes(out);
  }
  if (v instanceof ConstTuple) {
    const out: ConstValue[] = [];
    for (let i = 0; i < k; i++) out.push(...v.items);
    return new ConstTuple(out);
  }
  return undefined;
}

function concat(a: ConstValue, b: ConstValue): Folded {
  if (typeof a === "string" && typeof b === "string") {
    // Joining could fuse a trailing lone high surrogate with a leading lone low surrogate.
    return makeStr([...strCodePoints(a), ...strCodePoints(b)]);
  }
  if (isStr(a) && isStr(b)) return makeStr([...strCodePoints(a), ...strCodePoints(b)]);
  if (a instanceof PyBytes && b instanceof PyBytes) {
    const out = new Uint8Array(a.bytes.length + b.bytes.length);
    out.set(a.bytes, 0);
    out.set(b.bytes, a.bytes.length);
    return new PyBytes(out);
  }
  if (a instanceof ConstTuple && b instanceof ConstTuple) return new ConstTuple([...a.items, ...b.items]);
  return undefined;
}

export type BinOpName = "Add" | "Sub" | "Mult" | "MatMult" | "Div" | "Mod" | "Pow" | "LShift" | "RShift" | "BitOr" |
  "BitXor" | "BitAnd" | "FloorDiv";

/** The plain PyNumber_<op>(v, w) on constants (no size guards: see ast_opt.ts). */
export function numberBinop(op: BinOpName, v: ConstValue, w: ConstValue): Folded {
  if (typeof v === "boolean" && typeof w === "boolean" && (op === "BitOr" || op === "BitXor" || op === "BitAnd")) {
    return op === "BitOr" ? v || w : op === "BitAnd" ? v && w : v !== w;
  }
  if (isInt(v) && isInt(w)) return intOp(op, asInt(v), asInt(w));
  if (v instanceof PyComplex || w instanceof PyComplex) {
    if (!(isNum(v) || v instanceof PyComplex) || !(isNum(w) || w instanceof PyComplex)) return undefined;
    const a = toComplex(v), b = toComplex(w);
    if (a === undefined || b === undefined) return undefined;
    return complexOp(op, a, b);
  }
  if (isNum(v) && isNum(w)) {
    const a = toFloat(v), b = toFloat(w);
    if (a === undefined || b === undefined) return undefined;
    return floatOp(op, a, b);
  }
  if (op === "Add") return concat(v, w);
  if (op === "Mult") {
    if (isInt(w) && seqItems(v) !== null) return repeat(v, asInt(w));
    if (isInt(v) && seqItems(w) !== null) return repeat(w, asInt(v));
  }
  return undefined;
}

/** PyNumber_Negative / Positive / Invert and `not`. */
export function numberUnary(op: "Invert" | "Not" | "UAdd" | "USub", v: ConstValue): Folded {
  if (op === "Not") return !constTruth(v);
  if (isInt(v)) {
    const i = asInt(v);
    return op === "Invert" ? ~i : op === "USub" ? -i : i;
  }
  if (typeof v === "number") return op === "Invert" ? undefined : op === "USub" ? -v : v;
  if (v instanceof PyComplex) {
    return op === "Invert" ? undefined : op === "USub" ? new PyComplex(-v.real, -v.imag) : v;
  }
  return undefined;
}

/** check_complexity: the limit minus the number of items of nested constant tuples and frozensets. */
export function checkComplexity(v: ConstValue, limit: number): number {
  if (v instanceof ConstTuple || v instanceof ConstFrozenset) {
    limit -= v.items.length;
    for (let i = 0; limit >= 0 && i < v.items.length; i++) limit = checkComplexity(v.items[i]!, limit);
  }
  return limit;
}

/** PyObject_GetItem on constants: tuple, str and bytes indexed by an int. */
export function constSubscript(v: ConstValue, idx: ConstValue): Folded {
  if (!isInt(idx)) return undefined;
  let i = asInt(idx);
  const s = seqItems(v);
  if (s === null) return undefined;
  if (i < 0n) i += BigInt(s.len);
  if (i < 0n || i >= BigInt(s.len)) return undefined;
  const k = Number(i);
  if (v instanceof ConstTuple) return v.items[k]!;
  if (v instanceof PyBytes) return BigInt(v.bytes[k]!);
  if (isStr(v)) return makeStr([strCodePoints(v)[k]!]);
  return undefined;
}

/** str length in code points (PyUnicode_GET_LENGTH), bytes length, tuple/frozenset size. */
export function constLen(v: ConstValue): number {
  if (v instanceof ConstFrozenset) return v.items.length;
  return seqItems(v)?.len ?? 0;
}

export { isInt, asInt, isStr };
