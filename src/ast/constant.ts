// Constant values of the AST (Constant.value, MatchSingleton.value) without the runtime, and their Python reprs.
// Counterparts: the PyObject constants of Python/Python-ast.c; reprs of Objects/{unicode,bytes,float,complex}object.c.
// The compiler reuses this representation for co_consts. See docs/parser.md.
import { NONPRINTABLE_RANGES } from "./printable.js";

/**
 * A Python constant, losslessly:
 * - `null` None; `true`/`false` True/False; `PyEllipsis` Ellipsis;
 * - `bigint` int (any size; ints are ALWAYS bigint so that `number` unambiguously means float);
 * - `number` float (including -0.0, inf, nan);
 * - `PyComplex` complex (an imaginary literal `2j` is PyComplex(0, 2));
 * - `string` str, a JS string read as code points (a well-formed surrogate pair is one code point);
 *   `SurrogateStr` only for a str that contains a lone high-surrogate code point directly followed by a lone
 *   low-surrogate code point, which a JS string would fuse into one code point (see `makeStr`);
 * - `PyBytes` bytes.
 */
export type ConstantValue = null | boolean | bigint | number | string | SurrogateStr | PyComplex | PyBytes | PyEllipsisType;

export interface PyEllipsisType {
  readonly kind: "Ellipsis";
}
export const PyEllipsis: PyEllipsisType = Object.freeze({ kind: "Ellipsis" });

export class PyComplex {
  readonly real: number;
  readonly imag: number;
  constructor(real: number, imag: number) {
    this.real = real;
    this.imag = imag;
  }
}

export class PyBytes {
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
}

/** A str whose code points a JS string cannot hold unambiguously (adjacent lone surrogates). */
export class SurrogateStr {
  readonly codePoints: readonly number[];
  constructor(codePoints: readonly number[]) {
    this.codePoints = codePoints;
  }
}

/** The str made of these code points: a JS string unless that would fuse two lone surrogates into one code point. */
export function makeStr(codePoints: readonly number[]): string | SurrogateStr {
  for (let i = 0; i + 1 < codePoints.length; i++) {
    const a = codePoints[i]!;
    if (a >= 0xd800 && a <= 0xdbff) {
      const b = codePoints[i + 1]!;
      if (b >= 0xdc00 && b <= 0xdfff) return new SurrogateStr(codePoints);
    }
  }
  let s = "";
  for (let i = 0; i < codePoints.length; i += 4096) s += String.fromCodePoint(...codePoints.slice(i, i + 4096));
  return s;
}

/** The code points of a str constant. */
export function strCodePoints(s: string | SurrogateStr): number[] {
  if (typeof s !== "string") return s.codePoints.slice();
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/** Python's str.isprintable() for one code point (CPython 3.13's Unicode tables). */
export function isPrintable(cp: number): boolean {
  const r = NONPRINTABLE_RANGES;
  let lo = 0;
  let hi = (r.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < r[2 * mid]!) hi = mid - 1;
    else if (cp > r[2 * mid + 1]!) lo = mid + 1;
    else return false;
  }
  return true;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/** repr(str): unicode_repr in Objects/unicodeobject.c. */
export function reprStr(s: string | SurrogateStr): string {
  const cps = typeof s === "string" ? null : s.codePoints;
  let hasSingle = false;
  let hasDouble = false;
  if (cps === null) {
    hasSingle = (s as string).includes("'");
    hasDouble = (s as string).includes('"');
  } else {
    hasSingle = cps.includes(0x27);
    hasDouble = cps.includes(0x22);
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = quote;
  const emit = (cp: number): void => {
    if (cp < 0x7f) {
      if (cp === 0x5c) out += "\\\\";
      else if (String.fromCharCode(cp) === quote) out += "\\" + quote;
      else if (cp === 0x09) out += "\\t";
      else if (cp === 0x0a) out += "\\n";
      else if (cp === 0x0d) out += "\\r";
      else if (cp < 0x20) out += "\\x" + hex(cp, 2);
      else out += String.fromCharCode(cp);
    } else if (cp === 0x7f) {
      out += "\\x7f";
    } else if (isPrintable(cp)) {
      out += String.fromCodePoint(cp);
    } else if (cp <= 0xff) {
      out += "\\x" + hex(cp, 2);
    } else if (cp <= 0xffff) {
      out += "\\u" + hex(cp, 4);
    } else {
      out += "\\U" + hex(cp, 8);
    }
  };
  if (cps === null) {
    const str = s as string;
    // Fast path: plain printable ASCII needs no per-character work beyond the checks below.
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
        const d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          emit(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
          i++;
          continue;
        }
      }
      emit(c);
    }
  } else {
    for (const cp of cps) emit(cp);
  }
  return out + quote;
}

/** repr(bytes): PyBytes_Repr in Objects/bytesobject.c. */
export function reprBytes(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 0x27) hasSingle = true;
    else if (c === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  let out = "b" + String.fromCharCode(quote);
  for (const c of b) {
    if (c === quote || c === 0x5c) out += "\\" + String.fromCharCode(c);
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + hex(c, 2);
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}

/**
 * PyOS_double_to_string(x, 'r', 0, flags): the shortest digits that round-trip, in fixed notation when the decimal
 * exponent is in [-4, 16), else in exponent notation with at least two exponent digits. `addDot0` is
 * Py_DTSF_ADD_DOT_0 (float repr: "1.0"; complex parts: "1").
 */
export function formatFloatRepr(x: number, addDot0: boolean): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const neg = x < 0 || Object.is(x, -0);
  const e = Math.abs(x).toExponential(); // shortest round-trip digits, "d.ddde+N"
  const ePos = e.indexOf("e");
  const digits = e.slice(0, ePos).replace(".", "");
  const decpt = Number(e.slice(ePos + 1)) + 1; // position of the decimal point relative to the digits
  let body: string;
  if (decpt <= -4 || decpt > 16) {
    const exp = decpt - 1;
    const mant = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    const absExp = Math.abs(exp);
    body = mant + "e" + (exp < 0 ? "-" : "+") + (absExp < 10 ? "0" : "") + String(absExp);
  } else if (decpt <= 0) {
    body = "0." + "0".repeat(-decpt) + digits;
  } else if (decpt >= digits.length) {
    body = digits + "0".repeat(decpt - digits.length) + (addDot0 ? ".0" : "");
  } else {
    body = digits.slice(0, decpt) + "." + digits.slice(decpt);
  }
  return (neg ? "-" : "") + body;
}

/** repr(float): float_repr in Objects/floatobject.c. */
export function reprFloat(x: number): string {
  return formatFloatRepr(x, true);
}

/** repr(complex): complex_repr in Objects/complexobject.c. */
export function reprComplex(c: PyComplex): string {
  const imSign = (v: number): string => (Number.isNaN(v) || !(v < 0 || Object.is(v, -0)) ? "+" : "");
  if (c.real === 0 && !Object.is(c.real, -0)) return formatFloatRepr(c.imag, false) + "j";
  return "(" + formatFloatRepr(c.real, false) + imSign(c.imag) + formatFloatRepr(c.imag, false) + "j)";
}

/** repr() of any constant, as Python prints it. */
export function reprConstant(v: ConstantValue): string {
  if (v === null) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return reprFloat(v);
  if (typeof v === "string") return reprStr(v);
  if (v instanceof SurrogateStr) return reprStr(v);
  if (v instanceof PyComplex) return reprComplex(v);
  if (v instanceof PyBytes) return reprBytes(v.bytes);
  return "Ellipsis";
}
