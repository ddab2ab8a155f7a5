// The format mini-language for int, float and str (Python/formatter_unicode.c), exact decimal rounding of
// doubles (Python/dtoa.c's job, done here with bigint arithmetic), and str.format's template parser
// (Objects/stringlib/unicode_format.h). See docs/objects.md.
import { Py_TYPE, type PyVal, PyUnicodeObject } from "./object.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_ValueError, PyExc_IndexError, PyExc_KeyError, PyExc_TypeError, PyExc_OverflowError } from "./exceptions.js";
import { longValue, PyLong_Check, PyLong_AsDouble, longToDecimal } from "./longobject.js";
import { PyObject_Format, PyObject_Repr, PyObject_Str, PyObject_ASCII, PyObject_GetAttr, PyObject_GetItem } from "./abstract.js";
import { PyUnicode_FromString, codePoints } from "./unicodeobject.js";
import { _PyUnicode_ToDecimalDigit } from "../unicode/unicodectype.js";
import { float_repr_text } from "./floatobject.js";

export interface FormatSpec {
  fill: string;
  align: string; // "", "<", ">", "^", "="
  sign: string; // "", "+", "-", " "
  z: boolean;
  alternate: boolean;
  width: number;
  grouping: string; // "", ",", "_"
  precision: number; // -1 when absent
  type: string; // "" when absent
}

/** The width/precision digits of a format spec (get_integer: any Unicode decimal digit); -1 if none. */
function specInteger(cps: readonly number[], pos: { i: number }): number {
  let n = -1;
  while (pos.i < cps.length) {
    const d = _PyUnicode_ToDecimalDigit(cps[pos.i]);
    if (d < 0) break;
    n = (n < 0 ? 0 : n) * 10 + d;
    if (n > 9223372036854775807 / 10) return PyErr_Format(PyExc_ValueError, "Too many decimal digits in format string");
    pos.i++;
  }
  return n;
}

/** Parse a format spec (parse_internal_render_format_spec). `defType` is the type used when none is given
 *  ('d' for int, 's' for str, '' for float); `defAlign` '>' for numbers, '<' for str. */
export function parseFormatSpec(spec: string, defType: string, typeName = typeNameFor(defType),
  defAlign = defType === "s" ? "<" : ">"): FormatSpec {
  // A type name in place of the default type (parseFormatSpec(spec, "complex")): no default type.
  if (defType.length > 1) { typeName = defType; defType = ""; defAlign = ">"; }
  const cps = codePoints(spec);
  const ch = (k: number): string => (k < cps.length ? String.fromCodePoint(cps[k]) : "");
  const pos = { i: 0 };
  const r: FormatSpec = { fill: " ", align: defAlign, sign: "", z: false, alternate: false, width: -1, grouping: "", precision: -1, type: defType };
  const isAlign = (c: string): boolean => c === "<" || c === ">" || c === "^" || c === "=";
  let fillSpecified = false, alignSpecified = false;
  if (cps.length >= 2 && isAlign(ch(1))) {
    r.align = ch(1); r.fill = ch(0); fillSpecified = alignSpecified = true; pos.i = 2;
  } else if (cps.length >= 1 && isAlign(ch(0))) {
    r.align = ch(0); alignSpecified = true; pos.i = 1;
  }
  const c0 = ch(pos.i);
  if (c0 === "+" || c0 === "-" || c0 === " ") { r.sign = c0; pos.i++; }
  if (ch(pos.i) === "z") { r.z = true; pos.i++; }
  if (ch(pos.i) === "#") { r.alternate = true; pos.i++; }
  if (!fillSpecified && ch(pos.i) === "0") {
    r.fill = "0";
    if (!alignSpecified && defAlign === ">") r.align = "=";
    pos.i++;
  }
  r.width = specInteger(cps, pos);
  if (ch(pos.i) === ",") { r.grouping = ","; pos.i++; }
  if (ch(pos.i) === "_") {
    if (r.grouping !== "") return PyErr_Format(PyExc_ValueError, "Cannot specify both ',' and '_'.");
    r.grouping = "_"; pos.i++;
  }
  if (ch(pos.i) === "," && r.grouping === "_") return PyErr_Format(PyExc_ValueError, "Cannot specify both ',' and '_'.");
  if (ch(pos.i) === ".") {
    pos.i++;
    r.precision = specInteger(cps, pos);
    if (r.precision < 0) return PyErr_Format(PyExc_ValueError, "Format specifier missing precision");
  }
  if (cps.length - pos.i > 1) {
    return PyErr_Format(PyExc_ValueError, `Invalid format specifier '${spec}' for object of type '${typeName}'`);
  }
  if (cps.length - pos.i === 1) r.type = ch(pos.i);
  if (r.grouping !== "") {
    const t = r.type;
    const ok = t === "" || "deEfFgG%".includes(t) || (r.grouping === "_" && "boxX".includes(t));
    if (!ok) {
      const tc = t.codePointAt(0)!;
      const shown = tc > 32 && tc < 128 ? t : `\\x${tc.toString(16)}`;
      return PyErr_Format(PyExc_ValueError, `Cannot specify '${r.grouping}' with '${shown}'.`);
    }
  }
  return r;
}

/** unknown_presentation_type: printable ASCII codes as themselves, others as \x.. */
export function unknownPresentationType(t: string, typeName: string): never {
  const c = t.codePointAt(0)!;
  const shown = c > 32 && c < 128 ? t : `\\x${c.toString(16)}`;
  return PyErr_Format(PyExc_ValueError, `Unknown format code '${shown}' for object of type '${typeName}'`);
}

function typeNameFor(defType: string): string {
  return defType === "d" ? "int" : defType === "s" ? "str" : "float";
}

function groupDigits(digits: string, sep: string, every: number): string {
  if (!sep || digits.length <= every) return digits;
  const parts: string[] = [];
  let end = digits.length;
  while (end > every) { parts.push(digits.slice(end - every, end)); end -= every; }
  parts.push(digits.slice(0, end));
  return parts.reverse().join(sep);
}

/** Pad a formatted number: sign/prefix, then the digits, honouring fill/align/width ("=" pads after the sign). */
function pad(sign: string, body: string, spec: FormatSpec, defaultAlign: string): string {
  const align = spec.align || defaultAlign;
  const len = codePoints(sign + body).length;
  if (spec.width <= len) return sign + body;
  const n = spec.width - len;
  const fill = spec.fill;
  switch (align) {
    case "<": return sign + body + fill.repeat(n);
    case "^": { const l = n >> 1; return fill.repeat(l) + sign + body + fill.repeat(n - l); }
    case "=": return sign + fill.repeat(n) + body;
    default: return fill.repeat(n) + sign + body;
  }
}

/** Zero padding with grouping puts separators into the padding too, and never starts with a separator: the
 *  result may be one character wider than asked (_PyUnicode_InsertThousandsGrouping with a minimum width). */
function zeroPadGrouped(sign: string, intDigits: string, rest: string, spec: FormatSpec, every: number): string | null {
  if (!(spec.align === "=" && spec.fill === "0" && spec.grouping && spec.width > 0)) return null;
  const want = spec.width - codePoints(sign + rest).length;
  // Smallest digit count n >= len(intDigits) whose grouped length n + floor((n - 1) / every) reaches `want`.
  let n = Math.max(intDigits.length, Math.floor((want * every) / (every + 1)) - 1, 1);
  while (n + Math.floor((n - 1) / every) < want) n++;
  return sign + groupDigits(intDigits.padStart(n, "0"), spec.grouping, every) + rest;
}

export function formatLongValue(v: PyVal, spec: FormatSpec): string {
  const t = spec.type || "d";
  if ("eEfFgG%".includes(t)) return formatFloatValue(PyLong_AsDouble(v), spec);
  // The type is checked first (_PyLong_FormatAdvancedWriter), then precision and z (format_long_internal).
  if (!"bcdoxXn".includes(t)) {
    return unknownPresentationType(t, Py_TYPE(v).tp_name);
  }
  if (spec.precision >= 0) return PyErr_Format(PyExc_ValueError, "Precision not allowed in integer format specifier");
  if (spec.z) return PyErr_Format(PyExc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
  const x = longValue(v);
  const neg = x < 0;
  const ax = typeof x === "number" ? Math.abs(x) : (x < 0n ? -x : x);
  let digits: string;
  let prefix = "";
  let every = 3;
  switch (t) {
    case "d": case "n": digits = longToDecimal(ax); break;
    case "b": digits = ax.toString(2); prefix = "0b"; every = 4; break;
    case "o": digits = ax.toString(8); prefix = "0o"; every = 4; break;
    case "x": digits = ax.toString(16); prefix = "0x"; every = 4; break;
    case "X": digits = ax.toString(16).toUpperCase(); prefix = "0X"; every = 4; break;
    case "c": {
      if (spec.sign) return PyErr_Format(PyExc_ValueError, "Sign not allowed with integer format specifier 'c'");
      if (spec.alternate) return PyErr_Format(PyExc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
      if (typeof x === "bigint" && (x >= 2n ** 63n || x < -(2n ** 63n))) {
        return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C long");
      }
      const n = Number(x);
      if (n < 0 || n > 0x10ffff) return PyErr_Format(PyExc_OverflowError, "%c arg not in range(0x110000)");
      return pad("", String.fromCodePoint(n), spec, ">");
    }
    default:
      return unknownPresentationType(t, Py_TYPE(v).tp_name);
  }
  const sign = neg ? "-" : spec.sign === "+" ? "+" : spec.sign === " " ? " " : "";
  const pfx = spec.alternate ? prefix : "";
  const zp = zeroPadGrouped(sign + pfx, digits, "", spec, every);
  if (zp !== null) return zp;
  return pad(sign + pfx, groupDigits(digits, spec.grouping, every), spec, ">");
}

// ---- exact decimal rounding of doubles ----

function decompose(x: number): [bigint, number] {
  // x = m * 2**e with m an integer (x finite, positive).
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0), lo = buf.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else { m |= 1n << 52n; e = bexp - 1075; }
  return [m, e];
}

/** round-half-even(|x| * 10**k) as a bigint, exactly. */
function scaledRound(x: number, k: number): bigint {
  const [m, e] = decompose(Math.abs(x));
  let num = m, den = 1n;
  if (e >= 0) num <<= BigInt(e); else den <<= BigInt(-e);
  if (k >= 0) num *= 10n ** BigInt(k); else den *= 10n ** BigInt(-k);
  const q = num / den, r = num % den;
  const twice = 2n * r;
  if (twice > den || (twice === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Fixed notation with `prec` digits after the point (no sign). */
export function fixedDigits(x: number, prec: number): string {
  const n = scaledRound(x, prec).toString();
  if (prec === 0) return n;
  const s = n.padStart(prec + 1, "0");
  return `${s.slice(0, s.length - prec)}.${s.slice(s.length - prec)}`;
}

/** Scientific digits: [digits (prec+1 of them), exponent]. */
function sciDigits(x: number, prec: number): [string, number] {
  if (x === 0) return ["0".repeat(prec + 1), 0];
  let E = Math.floor(Math.log10(Math.abs(x)));
  for (let tries = 0; tries < 4; tries++) {
    const N = scaledRound(x, prec - E);
    const s = N.toString();
    if (s.length > prec + 1) { E++; continue; }
    if (s.length < prec + 1) { E--; continue; }
    return [s, E];
  }
  const N = scaledRound(x, prec - E).toString();
  return [N.slice(0, prec + 1), E];
}

function expStr(e: number): string {
  const a = Math.abs(e);
  return `${e < 0 ? "-" : "+"}${a < 10 ? "0" : ""}${a}`;
}

/** round(x, ndigits) for floats: correctly rounded half-even on the exact value. */
export function roundHalfEvenScaled(x: number, ndigits: number): number {
  const neg = x < 0;
  const N = scaledRound(x, ndigits);
  const s = ndigits >= 0 ? `${N}e-${ndigits}` : `${N}e${-ndigits}`;
  const v = Number(s);
  return neg ? -v : v;
}

export function formatFloatValue(x: number, spec: FormatSpec, typeName = "float"): string {
  let t = spec.type;
  let prec = spec.precision;
  // format_float_internal / format_complex_internal: the precision is a C int.
  if (prec > 2147483647) return PyErr_Format(PyExc_ValueError, "precision too big");
  const neg = x < 0 || Object.is(x, -0);
  let ax = Math.abs(x);
  let body: string;
  if (t === "n") t = "g";
  if (!"eEfFgG%".includes(t) && t !== "") {
    return unknownPresentationType(t, typeName);
  }
  const upper = t === "E" || t === "F" || t === "G";
  if (t === "%") ax *= 100;
  if (!Number.isFinite(ax)) {
    body = Number.isNaN(ax) ? "nan" : "inf";
    if (upper) body = body.toUpperCase();
    if (t === "%") body += "%";
  } else if (t === "") {
    if (prec < 0) {
      body = float_repr_text(ax);
      // Alternate form keeps the point in exponent notation: '1.e+16' (format_float_short, mode 'r').
      if (spec.alternate && !body.includes(".")) body = body.replace("e", ".e");
    } else {
      body = generalFormat(ax, prec === 0 ? 1 : prec, spec.alternate, true);
    }
  } else if (t === "f" || t === "F" || t === "%") {
    body = fixedDigits(ax, prec < 0 ? 6 : prec);
    if (spec.alternate && !body.includes(".")) body += ".";
    if (t === "%") body += "%";
  } else if (t === "e" || t === "E") {
    const p = prec < 0 ? 6 : prec;
    const [d, e] = sciDigits(ax, p);
    body = d[0] + (p > 0 || spec.alternate ? "." : "") + d.slice(1) + "e" + expStr(e);
    if (upper) body = body.toUpperCase();
  } else {
    body = generalFormat(ax, prec < 0 ? 6 : prec === 0 ? 1 : prec, spec.alternate, false);
    if (upper) body = body.toUpperCase();
  }
  let isNeg = neg && !Number.isNaN(x);
  if (spec.z && isNeg && /^[0.]*0[0.]*(e|%|$)/i.test(body.replace(/[eE%].*$/, "")) && /^[0.]+$/.test(body.replace(/[eE%].*$/, ""))) isNeg = false;
  const sign = isNeg ? "-" : spec.sign === "+" ? "+" : spec.sign === " " ? " " : "";
  if (spec.grouping) {
    const m = /^(\d+)(.*)$/.exec(body);
    if (m) {
      const zp = zeroPadGrouped(sign, m[1], m[2], spec, 3);
      if (zp !== null) return zp;
      body = groupDigits(m[1], spec.grouping, 3) + m[2];
    }
  }
  return pad(sign, body, spec, ">");
}

/** 'g' formatting (and the '' type with a precision, which adds ".0" to integers): format_float_short's 'g'
 *  branch over the correctly rounded digits, trailing zeros dropped unless `alternate`. */
function generalFormat(ax: number, p: number, alternate: boolean, addDot0: boolean): string {
  let digits: string;
  let decpt: number;
  if (ax === 0) { digits = "0"; decpt = 1; } else {
    const [d, e] = sciDigits(ax, p - 1);
    digits = d.replace(/0+$/, "") || "0";
    decpt = e + 1;
  }
  const useExp = decpt <= -4 || decpt > (addDot0 ? p - 1 : p);
  let vend = alternate ? p : digits.length;
  let exp = 0;
  if (useExp) { exp = decpt - 1; decpt = 1; }
  const vstart = decpt <= 0 ? decpt - 1 : 0;
  vend = !useExp && addDot0 ? Math.max(vend, decpt + 1) : Math.max(vend, decpt);
  let all = "";
  if (vstart < 0) all += "0".repeat(-vstart);
  all += digits.slice(0, Math.max(0, vend));
  if (vend > digits.length) all += "0".repeat(vend - digits.length);
  const point = decpt - vstart;
  const intPart = all.slice(0, point), frac = all.slice(point);
  let out = frac.length > 0 || alternate ? `${intPart}.${frac}` : intPart;
  if (useExp) out += "e" + expStr(exp);
  return out;
}
