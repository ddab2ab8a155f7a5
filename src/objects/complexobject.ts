// complex: two doubles with CPython's repr, arithmetic (Smith's division, c_powi for small integral exponents),
// hash, complex(str) parsing and __format__. Counterparts: Objects/complexobject.c and format_complex_internal in
// Python/formatter_unicode.c. See docs/objects.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_HashHi, Py_None, Py_NotImplemented, Py_TYPE,
  Py_EQ, Py_NE, METH_NOARGS, METH_O, Py_TPFLAGS_BASETYPE, type PyVal, PyUnicodeObject,
} from "./object.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_ZeroDivisionError, PyExc_OverflowError, PyExc_DeprecationWarning } from "./exceptions.js";
import { PyErr_WarnEx } from "../modules/_warnings.js";
import { PyType_IsSubtype, PyObject_RichCompare, _PyObject_LookupSpecial, PyObject_CallNoArgs,
  PyObject_CallOneArg } from "./abstract.js";
import { PyUnicode_FromString, PyUnicode_Check } from "./unicodeobject.js";
import { PyFloat_FromDouble, PyFloat_Check, PyFloat_Type, PyFloatObject, float_repr_text } from "./floatobject.js";
import { PyLong_Check, PyLong_AsDouble } from "./longobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { PyTuple_New } from "./tupleobject.js";
import { hashDouble, hashOut } from "../runtime/pyhash.js";
import { c_hypot, c_pow, c_atan2, c_exp, c_log, c_cos, c_sin } from "../runtime/libm.js";
import { parseArgs } from "../runtime/getargs.js";
import { parseFormatSpec, formatFloatValue, type FormatSpec } from "./formatter.js";
import { _PyUnicode_ToDecimalDigit, _PyUnicode_IsWhitespace } from "../unicode/unicodectype.js";

export const PyComplex_Type = PyType_Declare("complex");

export class PyComplexObject extends PyObject {
  readonly real: number;
  readonly imag: number;
  constructor(type: PyTypeObject, real: number, imag: number) {
    super(type);
    this.real = real;
    this.imag = imag;
  }
}

export function PyComplex_FromDoubles(real: number, imag: number): PyComplexObject {
  return new PyComplexObject(PyComplex_Type, real, imag);
}

export function PyComplex_Check(v: PyVal): v is PyComplexObject {
  return typeof v !== "number" && (v.ob_type === PyComplex_Type || PyType_IsSubtype(v.ob_type, PyComplex_Type));
}
export function PyComplex_CheckExact(v: PyVal): boolean {
  return typeof v !== "number" && v.ob_type === PyComplex_Type;
}

// ---- elementary operations (_Py_c_*), with C's errno as a module-level flag ----

const EDOM = 33, ERANGE = 34;
let errno = 0;

type C = [number, number];

function _Py_c_prod(a: C, b: C): C {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}

/** Smith's algorithm (CACM 116), as _Py_c_quot: sets errno EDOM on division by zero. */
function _Py_c_quot(a: C, b: C): C {
  const abs_breal = b[0] < 0 ? -b[0] : b[0];
  const abs_bimag = b[1] < 0 ? -b[1] : b[1];
  if (abs_breal >= abs_bimag) {
    if (abs_breal === 0) {
      errno = EDOM;
      return [0, 0];
    }
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (abs_bimag >= abs_breal) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  return [NaN, NaN];
}

function _Py_c_pow(a: C, b: C): C {
  if (b[0] === 0 && b[1] === 0) return [1, 0];
  if (a[0] === 0 && a[1] === 0) {
    if (b[1] !== 0 || b[0] < 0) errno = EDOM;
    return [0, 0];
  }
  const vabs = c_hypot(a[0], a[1]);
  let len = c_pow(vabs, b[0]);
  const at = c_atan2(a[1], a[0]);
  let phase = at * b[0];
  if (b[1] !== 0) {
    len /= c_exp(at * b[1]);
    phase += b[1] * c_log(vabs);
  }
  return [len * c_cos(phase), len * c_sin(phase)];
}

function c_powu(x: C, n: number): C {
  let r: C = [1, 0];
  let p = x;
  for (let mask = 1; mask > 0 && n >= mask; mask *= 2) {
    if (n & mask) r = _Py_c_prod(r, p);
    p = _Py_c_prod(p, p);
  }
  return r;
}

function c_powi(x: C, n: number): C {
  return n > 0 ? c_powu(x, n) : _Py_c_quot([1, 0], c_powu(x, -n));
}

/** _Py_c_abs: C99's hypot with infinities winning over NaNs; errno ERANGE on overflow. */
function _Py_c_abs(re: number, im: number): number {
  errno = 0;
  if (!Number.isFinite(re) || !Number.isFinite(im)) {
    if (re === Infinity || re === -Infinity) return Math.abs(re);
    if (im === Infinity || im === -Infinity) return Math.abs(im);
    return NaN;
  }
  const r = c_hypot(re, im);
  if (!Number.isFinite(r)) errno = ERANGE;
  return r;
}

// ---- conversions ----

/** TO_COMPLEX: complex, int and float operands; null means "return NotImplemented". */
function toComplex(v: PyVal): C | null {
  if (PyComplex_Check(v)) return [v.real, v.imag];
  if (PyLong_Check(v)) return [PyLong_AsDouble(v), 0];
  if (PyFloat_Check(v)) return [(v as PyFloatObject).ob_fval, 0];
  return null;
}

/** try_complex_special_method: the result of __complex__, or undefined when the type has none. */
function try_complex_special_method(op: PyVal): PyComplexObject | undefined {
  const f = _PyObject_LookupSpecial(op, "__complex__");
  if (f === undefined) return undefined;
  const res = PyObject_CallNoArgs(f);
  if (!PyComplex_Check(res)) {
    return PyErr_Format(PyExc_TypeError, `__complex__ returned non-complex (type ${Py_TYPE(res).tp_name})`);
  }
  if (!PyComplex_CheckExact(res)) {
    PyErr_WarnEx(PyExc_DeprecationWarning, PyUnicode_FromString(`__complex__ returned non-complex (type ${Py_TYPE(res).tp_name}).  ` +
      "The ability to return an instance of a strict subclass of complex is deprecated, and may be removed in a future " +
      "version of Python."), 1);
  }
  return res;
}

/** PyComplex_AsCComplex: complex, __complex__, then the float protocol. */
export function PyComplex_AsCComplex(op: PyVal): [number, number] {
  if (PyComplex_Check(op)) return [op.real, op.imag];
  const c = try_complex_special_method(op);
  if (c !== undefined) return [c.real, c.imag];
  return [floatValueOf(op), 0];
}

function floatValueOf(v: PyVal): number {
  if (PyFloat_Check(v)) return (v as PyFloatObject).ob_fval;
  const f = PyObject_CallOneArg(PyFloat_Type, v);
  return (f as PyFloatObject).ob_fval;
}

// ---- repr ----

/** PyOS_double_to_string(x, 'r', 0, flags): repr digits without the ".0" that float's repr adds. */
function reprPart(x: number, sign: boolean): string {
  let s = float_repr_text(x);
  if (s.endsWith(".0")) s = s.slice(0, -2);
  if (Number.isNaN(x)) s = "nan";
  if (sign && s[0] !== "-") s = "+" + s;
  return s;
}

function complex_repr(self: PyVal): PyUnicodeObject {
  const v = self as PyComplexObject;
  if (v.real === 0 && !Object.is(v.real, -0)) return PyUnicode_FromString(reprPart(v.imag, false) + "j");
  return PyUnicode_FromString(`(${reprPart(v.real, false)}${reprPart(v.imag, true)}j)`);
}

// ---- hash ----

const nanHashes = new WeakMap<object, number>();
let nanCounter = 0x1234567;
const _PyHASH_IMAG = 1000003n;
const M64 = (1n << 64n) - 1n;

function partHash(self: PyComplexObject, x: number): bigint {
  if (Number.isNaN(x)) {
    // CPython hashes NaN by the object's address (_Py_HashPointer); any per-object stable value is equally valid.
    let h = nanHashes.get(self);
    if (h === undefined) { h = nanCounter++; nanHashes.set(self, h); }
    return BigInt(h);
  }
  hashDouble(x);
  return (BigInt(hashOut[1] >>> 0) << 32n) | BigInt(hashOut[0] >>> 0);
}

function complex_hash(self: PyVal): number {
  const v = self as PyComplexObject;
  const hr = partHash(v, v.real);
  const hi = partHash(v, v.imag);
  let combined = (hr + _PyHASH_IMAG * hi) & M64;
  if (combined === M64) combined = M64 - 1n;
  Py_HashHi[0] = Number(combined >> 32n) | 0;
  return Number(combined & 0xffffffffn) | 0;
}

// ---- number protocol ----

function complex_add(v: PyVal, w: PyVal): PyVal {
  const a = toComplex(v), b = toComplex(w);
  if (a === null || b === null) return Py_NotImplemented;
  return PyComplex_FromDoubles(a[0] + b[0], a[1] + b[1]);
}

function complex_sub(v: PyVal, w: PyVal): PyVal {
  const a = toComplex(v), b = toComplex(w);
  if (a === null || b === null) return Py_NotImplemented;
  return PyComplex_FromDoubles(a[0] - b[0], a[1] - b[1]);
}

function complex_mul(v: PyVal, w: PyVal): PyVal {
  const a = toComplex(v), b = toComplex(w);
  if (a === null || b === null) return Py_NotImplemented;
  const r = _Py_c_prod(a, b);
  return PyComplex_FromDoubles(r[0], r[1]);
}

function complex_div(v: PyVal, w: PyVal): PyVal {
  const a = toComplex(v), b = toComplex(w);
  if (a === null || b === null) return Py_NotImplemented;
  errno = 0;
  const q = _Py_c_quot(a, b);
  if (errno === EDOM) return PyErr_Format(PyExc_ZeroDivisionError, "complex division by zero");
  return PyComplex_FromDoubles(q[0], q[1]);
}

function complex_pow(v: PyVal, w: PyVal, z: PyVal): PyVal {
  const a = toComplex(v), b = toComplex(w);
  if (a === null || b === null) return Py_NotImplemented;
  if (z !== Py_None) return PyErr_Format(PyExc_ValueError, "complex modulo");
  errno = 0;
  // A small integral exponent uses repeated multiplication: faster and more accurate.
  const p = b[1] === 0 && b[0] === Math.floor(b[0]) && Math.abs(b[0]) <= 100 ? c_powi(a, b[0]) : _Py_c_pow(a, b);
  // _Py_ADJUST_ERANGE2
  if (Math.abs(p[0]) === Infinity || Math.abs(p[1]) === Infinity) {
    if (errno === 0) errno = ERANGE;
  } else if (errno === ERANGE) {
    errno = 0;
  }
  if (errno === EDOM) return PyErr_Format(PyExc_ZeroDivisionError, "0.0 to a negative or complex power");
  if (errno === ERANGE) return PyErr_Format(PyExc_OverflowError, "complex exponentiation");
  return PyComplex_FromDoubles(p[0], p[1]);
}

/** float ** float with a negative base and a non-integral exponent (float_pow delegates to complex). */
export function _PyComplex_FloatPow(x: number, y: number): PyVal {
  return complex_pow(PyComplex_FromDoubles(x, 0), PyComplex_FromDoubles(y, 0), Py_None);
}

function complex_neg(v: PyVal): PyVal {
  const c = v as PyComplexObject;
  return PyComplex_FromDoubles(-c.real, -c.imag);
}

function complex_pos(v: PyVal): PyVal {
  const c = v as PyComplexObject;
  return PyComplex_CheckExact(c) ? c : PyComplex_FromDoubles(c.real, c.imag);
}

function complex_abs(v: PyVal): PyVal {
  const c = v as PyComplexObject;
  const r = _Py_c_abs(c.real, c.imag);
  if (errno === ERANGE) return PyErr_Format(PyExc_OverflowError, "absolute value too large");
  return PyFloat_FromDouble(r);
}

function complex_bool(v: PyVal): boolean {
  const c = v as PyComplexObject;
  return c.real !== 0 || c.imag !== 0;
}

function complex_richcompare(v: PyVal, w: PyVal, op: number): PyVal {
  if (op !== Py_EQ && op !== Py_NE) return Py_NotImplemented;
  const i = v as PyComplexObject;
  let equal: boolean;
  if (PyLong_Check(w)) {
    // An int compares exactly with the real part when the imaginary part is zero.
    if (i.imag === 0) return PyObject_RichCompare(PyFloat_FromDouble(i.real), w, op);
    equal = false;
  } else if (PyFloat_Check(w)) {
    equal = i.real === (w as PyFloatObject).ob_fval && i.imag === 0;
  } else if (PyComplex_Check(w)) {
    equal = i.real === w.real && i.imag === w.imag;
  } else {
    return Py_NotImplemented;
  }
  return PyBool_FromLong(equal === (op === Py_EQ));
}

// ---- complex(str) ----

const ASCII_SPACE = " \t\n\r\x0b\x0c";
function isSpace(c: string | undefined): boolean {
  return c !== undefined && ASCII_SPACE.includes(c);
}

/** The longest prefix of s[pos:] that PyOS_string_to_double accepts, as [value, end] (end === pos if none). */
function stringToDoublePrefix(s: string, pos: number): [number, number] {
  const m = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)/i.exec(s.slice(pos));
  if (m === null) return [0, pos];
  const t = m[0];
  const body = t.replace(/^[+-]/, "").toLowerCase();
  const neg = t[0] === "-";
  let x: number;
  if (body.startsWith("inf")) x = Infinity;
  else if (body === "nan") x = NaN;
  else x = Number(body);
  return [neg ? -x : x, pos + t.length];
}

/** complex_from_string_inner over an ASCII string. */
function complex_from_string_inner(s: string): [number, number] | null {
  let x = 0, y = 0;
  let i = 0;
  let gotBracket = false;
  while (isSpace(s[i])) i++;
  if (s[i] === "(") {
    gotBracket = true;
    i++;
    while (isSpace(s[i])) i++;
  }
  const [z, end] = stringToDoublePrefix(s, i);
  if (end !== i) {
    i = end;
    if (s[i] === "+" || s[i] === "-") {
      x = z;
      const [yy, end2] = stringToDoublePrefix(s, i);
      if (end2 !== i) { y = yy; i = end2; } else { y = s[i] === "+" ? 1 : -1; i++; }
      if (!(s[i] === "j" || s[i] === "J")) return null;
      i++;
    } else if (s[i] === "j" || s[i] === "J") {
      i++;
      y = z;
    } else {
      x = z;
    }
  } else {
    if (s[i] === "+" || s[i] === "-") {
      y = s[i] === "+" ? 1 : -1;
      i++;
    } else {
      y = 1;
    }
    if (!(s[i] === "j" || s[i] === "J")) return null;
    i++;
  }
  while (isSpace(s[i])) i++;
  if (gotBracket) {
    if (s[i] !== ")") return null;
    i++;
    while (isSpace(s[i])) i++;
  }
  if (i !== s.length) return null;
  return [x, y];
}

/** _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode digits to ASCII, Unicode spaces to ' ', others to '?'. */
function transformDecimalAndSpace(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 128) { out += ch; continue; }
    if (_PyUnicode_IsWhitespace(c)) { out += " "; continue; }
    const d = _PyUnicode_ToDecimalDigit(c);
    out += d >= 0 ? String(d) : "?";
  }
  return out;
}

/** _Py_string_to_number_with_underscores: '_' only between digits, then removed. */
function stripUnderscores(s: string): string | null {
  if (!s.includes("_")) return s;
  let out = "";
  let prev = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "_") {
      const next = s[i + 1];
      if (!(prev >= "0" && prev <= "9") || next === undefined || !(next >= "0" && next <= "9")) return null;
    } else {
      out += c;
    }
    prev = c;
  }
  return out;
}

function complex_subtype_from_string(type: PyTypeObject, v: PyUnicodeObject): PyVal {
  const ascii = transformDecimalAndSpace(v.value);
  const stripped = stripUnderscores(ascii);
  if (stripped === null) {
    return PyErr_Format(PyExc_ValueError, `could not convert string to complex: ${PyObjectReprText(v)}`);
  }
  const r = complex_from_string_inner(stripped);
  if (r === null) return PyErr_Format(PyExc_ValueError, "complex() arg is a malformed string");
  return new PyComplexObject(type, r[0], r[1]);
}

function PyObjectReprText(v: PyUnicodeObject): string {
  return (Py_TYPE(v).tp_repr!(v)).value;
}

// ---- complex() ----

function hasNumberProtocol(v: PyVal): boolean {
  const t = Py_TYPE(v);
  return t.nb_float !== null || t.nb_index !== null || PyComplex_Check(v);
}

function complex_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [r0, i] = parseArgs("complex", args, kwnames, ["real", "imag"], 0, 2);
  let r: PyVal = r0 ?? 0;
  if (PyComplex_CheckExact(r) && i === undefined && type === PyComplex_Type) return r;
  if (PyUnicode_Check(r)) {
    if (i !== undefined) return PyErr_Format(PyExc_TypeError, "complex() can't take second arg if first is a string");
    return complex_subtype_from_string(type, r);
  }
  if (i !== undefined && PyUnicode_Check(i)) return PyErr_Format(PyExc_TypeError, "complex() second arg can't be a string");
  const tmp = try_complex_special_method(r);
  if (tmp !== undefined) r = tmp;
  if (!hasNumberProtocol(r)) {
    return PyErr_Format(PyExc_TypeError,
      `complex() first argument must be a string or a number, not '${Py_TYPE(r).tp_name}'`);
  }
  if (i !== undefined && !hasNumberProtocol(i)) {
    return PyErr_Format(PyExc_TypeError, `complex() second argument must be a number, not '${Py_TYPE(i).tp_name}'`);
  }
  let crReal: number, crImag = 0, crIsComplex = false;
  if (PyComplex_Check(r)) {
    crReal = r.real;
    crImag = r.imag;
    crIsComplex = true;
  } else {
    crReal = floatValueOf(r);
  }
  let ciReal: number, ciImag = 0, ciIsComplex = false;
  if (i === undefined) {
    ciReal = crImag;
  } else if (PyComplex_Check(i)) {
    ciReal = i.real;
    ciImag = i.imag;
    ciIsComplex = true;
  } else {
    ciReal = floatValueOf(i);
  }
  if (ciIsComplex) crReal -= ciImag;
  if (crIsComplex && i !== undefined) ciReal += crImag;
  return new PyComplexObject(type, crReal, ciReal);
}

// ---- methods ----

function complex_conjugate(self: PyVal): PyVal {
  const c = self as PyComplexObject;
  return PyComplex_FromDoubles(c.real, -c.imag);
}

function complex___getnewargs__(self: PyVal): PyVal {
  const c = self as PyComplexObject;
  return PyTuple_New([PyFloat_FromDouble(c.real), PyFloat_FromDouble(c.imag)]);
}

function complex___complex__(self: PyVal): PyVal {
  const c = self as PyComplexObject;
  return PyComplex_CheckExact(c) ? c : PyComplex_FromDoubles(c.real, c.imag);
}

/** format_complex_internal (Python/formatter_unicode.c). */
export function formatComplex(re: number, im: number, specText: string): string {
  if (specText === "") {
    return complex_repr(PyComplex_FromDoubles(re, im)).value;
  }
  const spec = parseFormatSpec(specText, "complex");
  let type = spec.type;
  if (!["", "e", "E", "f", "F", "g", "G", "n"].includes(type)) {
    return PyErr_Format(PyExc_ValueError, `Unknown format code '${type}' for object of type 'complex'`);
  }
  if (spec.fill === "0") return PyErr_Format(PyExc_ValueError, "Zero padding is not allowed in complex format specifier");
  if (spec.align === "=") {
    return PyErr_Format(PyExc_ValueError, "'=' alignment flag is not allowed in complex format specifier");
  }
  let precision = spec.precision;
  let defaultPrecision = 6;
  let skipRe = false, addParens = false;
  if (type === "") {
    type = "r";
    defaultPrecision = 0;
    if (re === 0 && !Object.is(re, -0)) skipRe = true;
    else addParens = true;
  }
  if (type === "n") type = "g";
  if (precision < 0) precision = defaultPrecision;
  else if (type === "r") type = "g";
  const part = (x: number, sign: string): string => {
    if (type === "r") {
      let s = reprPart(x, false);
      if (spec.z && s === "-0") s = "0";
      if (spec.alternate && Number.isFinite(x) && !s.includes(".")) s = s.includes("e") ? s.replace("e", ".e") : s + ".";
      if (s[0] !== "-" && (sign === "+" || sign === " ")) s = sign + s;
      if (spec.grouping) {
        const sub: FormatSpec = { ...spec, fill: " ", align: "<", width: -1, sign, type: "", precision: -1 };
        const g = formatFloatValue(x, sub);
        return g.endsWith(".0") ? g.slice(0, -2) : g;
      }
      return s;
    }
    const sub: FormatSpec = { ...spec, fill: " ", align: "<", width: -1, sign, type, precision };
    return formatFloatValue(x, sub);
  };
  const reText = skipRe ? "" : part(re, spec.sign);
  const imText = part(im, skipRe ? spec.sign : "+");
  let body = reText + imText + "j";
  if (addParens) body = "(" + body + ")";
  const n = [...body].length;
  if (spec.width > n) {
    const padN = spec.width - n;
    const align = spec.align === "" ? ">" : spec.align;
    const fill = spec.fill;
    if (align === "<") body = body + fill.repeat(padN);
    else if (align === "^") body = fill.repeat(padN >> 1) + body + fill.repeat(padN - (padN >> 1));
    else body = fill.repeat(padN) + body;
  }
  return body;
}

function complex___format__(self: PyVal, spec: PyVal): PyVal {
  if (!PyUnicode_Check(spec)) {
    return PyErr_Format(PyExc_TypeError, `__format__() argument must be str, not ${Py_TYPE(spec).tp_name}`);
  }
  const c = self as PyComplexObject;
  return PyUnicode_FromString(formatComplex(c.real, c.imag, spec.value));
}

PyType_FromSpecStatic({
  name: "complex",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Create a complex number from a string or numbers.\n\nIf a string is given, parse it as a complex number.\nIf a single number is given, convert it to a complex number.\nIf the 'real' or 'imag' arguments are given, create a complex number\nwith the specified real and imaginary components.",
  slots: {
    tp_repr: complex_repr, tp_hash: complex_hash, tp_richcompare: complex_richcompare, tp_new: complex_new,
    nb_add: complex_add, nb_subtract: complex_sub, nb_multiply: complex_mul, nb_power: complex_pow,
    nb_negative: complex_neg, nb_positive: complex_pos, nb_absolute: complex_abs, nb_bool: complex_bool,
    nb_true_divide: complex_div,
  },
  methods: [
    { name: "conjugate", meth: complex_conjugate, flags: METH_NOARGS, doc: "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j." },
    { name: "__complex__", meth: complex___complex__, flags: METH_NOARGS, doc: "Convert this value to exact type complex." },
    { name: "__getnewargs__", meth: complex___getnewargs__, flags: METH_NOARGS },
    { name: "__format__", meth: complex___format__, flags: METH_O, doc: "Convert to a string according to format_spec." },
  ],
  members: [
    { name: "real", get: (s) => PyFloat_FromDouble((s as PyComplexObject).real), doc: "the real part of a complex number" },
    { name: "imag", get: (s) => PyFloat_FromDouble((s as PyComplexObject).imag), doc: "the imaginary part of a complex number" },
  ],
}, PyComplex_Type);
