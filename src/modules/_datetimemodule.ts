// The _datetime module (Modules/_datetimemodule.c): timedelta, date, time, datetime, tzinfo, timezone and
// IsoCalendarDate with the C module's argument parsing, messages, reprs, hashes, pickles and ISO 8601 parser;
// strftime goes through the time module and strptime through _strptime, as CPython's do. docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_HashHi,
  Py_EQ, Py_NE, Py_LT, Py_LE, Py_GT, Py_GE, Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O, METH_FASTCALL, METH_KEYWORDS,
  METH_CLASS, PyUnicode_InternFromString, type PyVal, type PyUnicodeObject, type PyMethodDef,
} from "../objects/object.js";
import { PyTuple_New, PyTuple_Type, PyTupleObject } from "../objects/tupleobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyBytes_FromArray, PyBytesObject } from "../objects/bytesobject.js";
import { PyBool_FromLong, Py_True, Py_False } from "../objects/boolobject.js";
import { PyFloat_FromDouble, PyFloat_Check, PyFloatObject, PyFloat_Type } from "../objects/floatobject.js";
import { PyLong_FromBigInt, PyLong_Check, longValue, long_true_divide } from "../objects/longobject.js";
import { PyDict_SetItem } from "../objects/dictobject.js";
import type { PyDictObject } from "../objects/dictobject.js";
import {
  PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError, PyExc_ZeroDivisionError, PyExc_NotImplementedError,
  PyExc_DeprecationWarning, PyExc_UnicodeEncodeError,
} from "../objects/exceptions.js";
import {
  PyObject_Hash, PyObject_Repr, PyObject_Str, PyNumber_Index, PyObject_CallMethod, PyObject_GetAttrStr,
  PyObject_Vectorcall, PyObject_CallOneArg, PyType_IsSubtype,
} from "../objects/abstract.js";
import { PyImport_ImportModule } from "../runtime/import.js";
import { PyErr_Format } from "../runtime/errors.js";
import { _Py_HashBytes, hashOut } from "../runtime/pyhash.js";
import { PyCapsule_New } from "../objects/capsule.js";
import { _Py_CalculateSuggestions } from "../runtime/suggestions.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { _PyGC_AddRoot } from "../runtime/gc.js";

export const PyDateTime_DeltaType = PyType_Declare("datetime.timedelta");
export const PyDateTime_DateType = PyType_Declare("datetime.date");
export const PyDateTime_TimeType = PyType_Declare("datetime.time");
export const PyDateTime_DateTimeType = PyType_Declare("datetime.datetime");
export const PyDateTime_TZInfoType = PyType_Declare("datetime.tzinfo");
export const PyDateTime_TimeZoneType = PyType_Declare("datetime.timezone");
export const PyDateTime_IsoCalendarDateType = PyType_Declare("datetime.IsoCalendarDate");

const MINYEAR = 1, MAXYEAR = 9999, MAXORDINAL = 3652059, MAX_DELTA_DAYS = 999999999;
const US_PER_SECOND = 1000000, US_PER_DAY = 86400000000n;
/** Seconds from 0001-01-01 to 1970-01-01 (epoch in local_to_seconds). */
const EPOCH_SECONDS = 719163 * 24 * 60 * 60;
const MAX_FOLD_SECONDS = 24 * 3600;

// ---- objects ----

/** A hash cached as CPython's hashcode field (-1 until computed); the high half lives beside it. */
class Hashed extends PyObject {
  hashLo: number;
  hashHi: number;
  hashed: boolean;
  constructor(type: PyTypeObject) {
    super(type);
    this.hashLo = 0;
    this.hashHi = 0;
    this.hashed = false;
  }
}

export class PyDateTime_Delta extends Hashed {
  readonly days: number;
  readonly seconds: number;
  readonly microseconds: number;
  constructor(type: PyTypeObject, days: number, seconds: number, microseconds: number) {
    super(type);
    this.days = days;
    this.seconds = seconds;
    this.microseconds = microseconds;
  }
}

export class PyDateTime_Date extends Hashed {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  constructor(type: PyTypeObject, year: number, month: number, day: number) {
    super(type);
    this.year = year;
    this.month = month;
    this.day = day;
  }
}

export class PyDateTime_DateTime extends PyDateTime_Date {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly microsecond: number;
  readonly fold: number;
  tzinfo: PyVal;
  constructor(type: PyTypeObject, y: number, mo: number, d: number, h: number, mi: number, s: number, us: number,
    tzinfo: PyVal, fold: number) {
    super(type, y, mo, d);
    this.hour = h;
    this.minute = mi;
    this.second = s;
    this.microsecond = us;
    this.fold = fold;
    this.tzinfo = tzinfo;
  }
}

export class PyDateTime_Time extends Hashed {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly microsecond: number;
  readonly fold: number;
  readonly tzinfo: PyVal;
  constructor(type: PyTypeObject, h: number, mi: number, s: number, us: number, tzinfo: PyVal, fold: number) {
    super(type);
    this.hour = h;
    this.minute = mi;
    this.second = s;
    this.microsecond = us;
    this.fold = fold;
    this.tzinfo = tzinfo;
  }
}

class PyDateTime_TZInfo extends PyObject {}

class PyDateTime_TimeZone extends PyObject {
  readonly offset: PyDateTime_Delta;
  readonly name: PyVal | null;
  constructor(type: PyTypeObject, offset: PyDateTime_Delta, name: PyVal | null) {
    super(type);
    this.offset = offset;
    this.name = name;
  }
}

const isDelta = (v: PyVal): v is PyDateTime_Delta => v instanceof PyDateTime_Delta;
const isDate = (v: PyVal): v is PyDateTime_Date => v instanceof PyDateTime_Date;
const isDateTime = (v: PyVal): v is PyDateTime_DateTime => v instanceof PyDateTime_DateTime;
const isTime = (v: PyVal): v is PyDateTime_Time => v instanceof PyDateTime_Time;
const isTZInfo = (v: PyVal): boolean => typeof v !== "number" && PyType_IsSubtype(v.ob_type, PyDateTime_TZInfoType);
const isTimeZone = (v: PyVal): v is PyDateTime_TimeZone => v instanceof PyDateTime_TimeZone;

// ---- calendar arithmetic (proleptic Gregorian, ordinal 1 = 0001-01-01) ----

const _days_in_month = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const _days_before_month = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const;
const DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

function fdiv(a: number, b: number): number { return Math.floor(a / b); }
function is_leap(y: number): boolean { return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0); }
function days_in_month(y: number, m: number): number { return m === 2 && is_leap(y) ? 29 : _days_in_month[m]; }
function days_before_month(y: number, m: number): number {
  return _days_before_month[m] + (m > 2 && is_leap(y) ? 1 : 0);
}
function days_before_year(y: number): number {
  const z = y - 1;
  return z * 365 + fdiv(z, 4) - fdiv(z, 100) + fdiv(z, 400);
}
function ymd_to_ord(y: number, m: number, d: number): number { return days_before_year(y) + days_before_month(y, m) + d; }
function weekday(y: number, m: number, d: number): number { return (ymd_to_ord(y, m, d) + 6) % 7; }

/** ord_to_ymd: the 400/100/4/1-year cycles; works for any ordinal (floor division). */
function ord_to_ymd(ordinal: number): [number, number, number] {
  let n = ordinal - 1;
  const n400 = fdiv(n, 146097);
  n -= n400 * 146097;
  let year = n400 * 400 + 1;
  const n100 = fdiv(n, 36524);
  n -= n100 * 36524;
  const n4 = fdiv(n, 1461);
  n -= n4 * 1461;
  const n1 = fdiv(n, 365);
  n -= n1 * 365;
  year += n100 * 100 + n4 * 4 + n1;
  if (n1 === 4 || n100 === 4) return [year - 1, 12, 31];
  const leap = n1 === 3 && (n4 !== 24 || n100 === 3);
  let month = (n + 50) >> 5;
  let preceding = _days_before_month[month] + (month > 2 && leap ? 1 : 0);
  if (preceding > n) {
    month -= 1;
    preceding -= days_in_month(year, month);
  }
  return [year, month, n - preceding + 1];
}

function iso_week1_monday(year: number): number {
  const first_day = ymd_to_ord(year, 1, 1);
  const first_weekday = (first_day + 6) % 7;
  let week1_monday = first_day - first_weekday;
  if (first_weekday > 3) week1_monday += 7;
  return week1_monday;
}

/** iso_to_ymd: 0, or -2 (week), -3 (day), -4 (year). */
function iso_to_ymd(iso_year: number, iso_week: number, iso_day: number, out: number[]): number {
  if (iso_year < MINYEAR || iso_year > MAXYEAR) return -4;
  if (iso_week <= 0 || iso_week >= 53) {
    let out_of_range = true;
    if (iso_week === 53) {
      const first_weekday = (ymd_to_ord(iso_year, 1, 1) + 6) % 7;
      if (first_weekday === 3 || (first_weekday === 2 && is_leap(iso_year))) out_of_range = false;
    }
    if (out_of_range) return -2;
  }
  if (iso_day <= 0 || iso_day >= 8) return -3;
  const [y, m, d] = ord_to_ymd(iso_week1_monday(iso_year) + (iso_week - 1) * 7 + iso_day - 1);
  out[0] = y; out[1] = m; out[2] = d;
  return 0;
}

function pad(n: number, w: number): string {
  const s = String(n);
  return s.length >= w ? s : "0".repeat(w - s.length) + s;
}

// ---- argument parsing (Python/getargs.c vgetargskeywords and Argument Clinic's parsers) ----

/**
 * Keyword argument parsing as CPython reports it: `fname` null is getargs' anonymous "function" (date, time,
 * datetime constructors); `maxPos` the last positional index ('$'), `required` the '|' position.
 */
function parseKw(fname: string | null, args: readonly PyVal[], kwnames: readonly PyVal[] | null,
  names: readonly string[], required: number, maxPos: number = names.length,
  conv: ((i: number, v: PyVal) => void) | null = null): (PyVal | undefined)[] {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const nargs = args.length - nkw;
  const len = names.length;
  const fn = fname === null ? "function" : `${fname}()`;
  const s = (n: number): string => (n === 1 ? "" : "s");
  if (nargs + nkw > len) {
    return PyErr_Format(PyExc_TypeError,
      `${fn} takes at most ${len} ${nargs === 0 ? "keyword " : ""}argument${s(len)} (${nargs + nkw} given)`);
  }
  if (nargs > maxPos) {
    return PyErr_Format(PyExc_TypeError,
      `${fn} takes ${required < maxPos ? "at most" : "exactly"} ${maxPos} positional argument${s(maxPos)} (${nargs} given)`);
  }
  // vgetargskeywords' order: positional arguments first, keywords only past them, each converted in turn; a
  // missing required argument; then a keyword that repeats a positional one; then an unknown keyword.
  const out: (PyVal | undefined)[] = new Array(len).fill(undefined);
  let left = nkw;
  for (let i = 0; i < len; i++) {
    if (i < nargs) out[i] = args[i];
    else if (left > 0) {
      for (let k = 0; k < nkw; k++) {
        if ((kwnames![k] as PyUnicodeObject).value === names[i]) { out[i] = args[nargs + k]; left--; break; }
      }
    }
    if (out[i] === undefined) {
      if (i < required) return PyErr_Format(PyExc_TypeError, `${fn} missing required argument '${names[i]}' (pos ${i + 1})`);
    } else if (conv !== null) {
      conv(i, out[i]!);
    }
  }
  if (left > 0) {
    for (let i = 0; i < nargs; i++) {
      for (let k = 0; k < nkw; k++) {
        if ((kwnames![k] as PyUnicodeObject).value === names[i]) {
          return PyErr_Format(PyExc_TypeError, `argument for ${fn} given by name ('${names[i]}') and position (${i + 1})`);
        }
      }
    }
    for (let k = 0; k < nkw; k++) {
      const key = (kwnames![k] as PyUnicodeObject).value;
      if (!names.includes(key)) {
        const sg = _Py_CalculateSuggestions(names, key);
        return PyErr_Format(PyExc_TypeError,
          `${fname === null ? "this function" : fn} got an unexpected keyword argument '${key}'${sg !== null ? `. Did you mean '${sg}'?` : ""}`);
      }
    }
  }
  return out;
}

/** The 'i' converter: __index__, then a C int. */
function asInt(v: PyVal): number {
  const x = longValue(PyLong_Check(v) ? v : PyNumber_Index(v));
  if (typeof x === "number" && x >= -2147483648 && x <= 2147483647) return x;
  const b = BigInt(x);
  if (b > 9223372036854775807n || b < -9223372036854775808n) {
    return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C long");
  }
  return PyErr_Format(PyExc_OverflowError, b > 0n ? "signed integer is greater than maximum" : "signed integer is less than minimum");
}

function optInt(v: PyVal | undefined, dflt: number): number { return v === undefined ? dflt : asInt(v); }

/** Argument Clinic's 'i' converter (PyLong_AsInt): one overflow message for both directions. */
function asIntC(v: PyVal): number {
  const x = longValue(PyLong_Check(v) ? v : PyNumber_Index(v));
  if (typeof x === "number" && x >= -2147483648 && x <= 2147483647) return x;
  return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
}

function optIntC(v: PyVal | undefined, dflt: number): number { return v === undefined ? dflt : asIntC(v); }

/** PyArg_ParseTuple's count check for a METH_VARARGS function taking exactly n arguments. */
function exactArgs(fname: string, args: readonly PyVal[], n: number): void {
  if (args.length !== n) {
    PyErr_Format(PyExc_TypeError, `${fname}() takes exactly ${n} argument${n === 1 ? "" : "s"} (${args.length} given)`);
  }
}

function typeName(v: PyVal): string { return Py_TYPE(v).tp_name; }

function argType(fname: string, i: number, what: string, v: PyVal): never {
  return PyErr_Format(PyExc_TypeError, `${fname}() argument ${i} must be ${what}, not ${typeName(v) === "NoneType" ? "None" : typeName(v)}`);
}

function strArg(fname: string, i: number, v: PyVal): string {
  if (!PyUnicode_Check(v)) argType(fname, i, "str", v);
  return (v as PyUnicodeObject).value;
}

// ---- timedelta ----

function check_delta_days(d: number): void {
  if (d < -MAX_DELTA_DAYS || d > MAX_DELTA_DAYS) {
    PyErr_Format(PyExc_OverflowError, `days=${d}; must have magnitude <= ${MAX_DELTA_DAYS}`);
  }
}

/** new_delta_ex with normalization of seconds and microseconds. */
function new_delta(d: number, s: number, us: number, normalize: boolean, type: PyTypeObject = PyDateTime_DeltaType): PyDateTime_Delta {
  if (normalize) {
    if (us < 0 || us >= US_PER_SECOND) { const q = fdiv(us, US_PER_SECOND); s += q; us -= q * US_PER_SECOND; }
    if (s < 0 || s >= 86400) { const q = fdiv(s, 86400); d += q; s -= q * 86400; }
  }
  check_delta_days(d);
  return new PyDateTime_Delta(type, d, s, us);
}

function delta_to_microseconds(d: PyDateTime_Delta): bigint {
  return BigInt(d.days) * US_PER_DAY + BigInt(d.seconds * US_PER_SECOND + d.microseconds);
}

function bigFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** microseconds_to_delta_ex: days must fit a C int, then the magnitude check. */
function microseconds_to_delta(us: bigint, type: PyTypeObject = PyDateTime_DeltaType): PyDateTime_Delta {
  const days = bigFloorDiv(us, US_PER_DAY);
  const rest = Number(us - days * US_PER_DAY);
  if (days > 2147483647n || days < -2147483648n) {
    return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
  }
  const s = Math.floor(rest / US_PER_SECOND);
  return new_delta(Number(days), s, rest - s * US_PER_SECOND, false, type);
}

/** _PyLong_DivmodNear's quotient: a / b rounded half to even. */
function divide_nearest(a: bigint, b: bigint): bigint {
  if (b === 0n) return PyErr_Format(PyExc_ZeroDivisionError, "integer division or modulo by zero");
  let q = bigFloorDiv(a, b);
  const r = a - q * b;
  const twice = 2n * r;
  const gt = b > 0n ? twice > b : twice < b;
  if (gt || (twice === b && (q & 1n) === 1n)) q += 1n;
  return q;
}

/** get_float_as_integer_ratio: the method's result for a float subclass, checked as CPython checks it. */
function floatRatioOf(f: PyVal): [bigint, bigint] {
  if (Py_TYPE(f) === PyFloat_Type) return floatRatio((f as PyFloatObject).ob_fval);
  const r = PyObject_CallMethod(f, "as_integer_ratio", []);
  if (!(r instanceof PyTupleObject)) {
    return PyErr_Format(PyExc_TypeError, `unexpected return type from as_integer_ratio(): expected tuple, got '${typeName(r)}'`);
  }
  if (r.ob_item.length !== 2) return PyErr_Format(PyExc_ValueError, "as_integer_ratio() must return a 2-tuple");
  return [BigInt(longValue(r.ob_item[0])), BigInt(longValue(r.ob_item[1]))];
}

/** float.as_integer_ratio for a double, exactly. */
function floatRatio(x: number): [bigint, bigint] {
  if (Number.isNaN(x)) return PyErr_Format(PyExc_ValueError, "cannot convert NaN to integer ratio");
  if (!Number.isFinite(x)) return PyErr_Format(PyExc_OverflowError, "cannot convert Infinity to integer ratio");
  if (Number.isInteger(x)) return [BigInt(x), 1n];
  let den = 1n, m = x;
  while (!Number.isInteger(m)) { m *= 2; den *= 2n; }
  let num = BigInt(m);
  while ((num & 1n) === 0n && den > 1n) { num >>= 1n; den >>= 1n; }
  return [num, den];
}

/** round() of C: half away from zero. */
function cRound(x: number): number {
  const t = Math.trunc(x);
  return Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
}

const US_FACTORS = [1n, 1000n, 1000000n, 60000000n, 3600000000n, 86400000000n, 604800000000n] as const;
const DELTA_KWS = ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"] as const;
/** The order in which delta_new accumulates its arguments: us, ms, s, min, h, days, weeks. */
const ACCUM_ORDER = [[2, 0], [3, 1], [1, 2], [4, 3], [5, 4], [0, 5], [6, 6]] as const;

/** The common case of small int arguments, in doubles while the total stays exact. */
function delta_new_fast(type: PyTypeObject, a: readonly (PyVal | undefined)[]): PyVal | null {
  let us = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v === undefined) continue;
    if (typeof v !== "number") return null;
    const p = v * US_FACTORS_NUM[i];
    if (!Number.isSafeInteger(p)) return null;
    us += p;
  }
  if (!Number.isSafeInteger(us)) return null;
  const days = Math.floor(us / 86400e6);
  const rest = us - days * 86400e6;
  const sec = Math.floor(rest / US_PER_SECOND);
  return new_delta(days, sec, rest - sec * US_PER_SECOND, false, type);
}

/** Factors by argument position (days, seconds, microseconds, milliseconds, minutes, hours, weeks). */
const US_FACTORS_NUM = [86400e6, 1e6, 1, 1000, 60e6, 3600e6, 604800e6] as const;

function delta_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const a = kwnames === null && args.length <= 7 ? args : parseKw("__new__", args, kwnames, DELTA_KWS, 0);
  const fast = delta_new_fast(type, a);
  if (fast !== null) return fast;
  let x = 0n;
  let leftover = 0;
  for (const [argi, fi] of ACCUM_ORDER) {
    const num = a[argi];
    if (num === undefined) continue;
    const factor = US_FACTORS[fi];
    if (PyLong_Check(num)) {
      x += BigInt(longValue(num)) * factor;
    } else if (PyFloat_Check(num)) {
      const dnum = (num as PyFloatObject).ob_fval;
      if (Number.isNaN(dnum)) return PyErr_Format(PyExc_ValueError, "cannot convert float NaN to integer");
      if (!Number.isFinite(dnum)) return PyErr_Format(PyExc_OverflowError, "cannot convert float infinity to integer");
      const intpart = Math.trunc(dnum);
      const frac = dnum - intpart;
      x += BigInt(intpart) * factor;
      if (frac !== 0) {
        const d2 = Number(factor) * frac;
        const ip2 = Math.trunc(d2);
        x += BigInt(ip2);
        leftover += d2 - ip2;
      }
    } else {
      return PyErr_Format(PyExc_TypeError, `unsupported type for timedelta ${DELTA_KWS[argi]} component: ${typeName(num)}`);
    }
  }
  if (leftover !== 0) {
    let whole = cRound(leftover);
    if (Math.abs(whole - leftover) === 0.5) {
      const odd = (x & 1n) === 1n ? 1 : 0;
      whole = 2 * cRound((leftover + odd) * 0.5) - odd;
    }
    x += BigInt(whole);
  }
  return microseconds_to_delta(x, type);
}

function delta_repr(self: PyVal): PyUnicodeObject {
  const d = self as PyDateTime_Delta;
  const parts: string[] = [];
  if (d.days !== 0) parts.push(`days=${d.days}`);
  if (d.seconds !== 0) parts.push(`seconds=${d.seconds}`);
  if (d.microseconds !== 0) parts.push(`microseconds=${d.microseconds}`);
  return PyUnicode_FromString(`${typeName(self)}(${parts.length === 0 ? "0" : parts.join(", ")})`);
}

function delta_str_text(d: PyDateTime_Delta): string {
  const us = d.microseconds, days = d.days;
  let s = d.seconds;
  let m = Math.floor(s / 60); s -= m * 60;
  const h = Math.floor(m / 60); m -= h * 60;
  let out = "";
  if (days !== 0) out = `${days} day${days === 1 || days === -1 ? "" : "s"}, `;
  out += `${h}:${pad(m, 2)}:${pad(s, 2)}`;
  if (us !== 0) out += `.${pad(us, 6)}`;
  return out;
}

function delta_hash(self: PyVal): number {
  const d = self as PyDateTime_Delta;
  if (!d.hashed) {
    d.hashLo = PyObject_Hash(PyTuple_New([d.days, d.seconds, d.microseconds]));
    d.hashHi = Py_HashHi[0];
    d.hashed = true;
  }
  Py_HashHi[0] = d.hashHi;
  return d.hashLo;
}

function delta_cmp(a: PyDateTime_Delta, b: PyDateTime_Delta): number {
  let diff = a.days - b.days;
  if (diff === 0) {
    diff = a.seconds - b.seconds;
    if (diff === 0) diff = a.microseconds - b.microseconds;
  }
  return diff;
}

function diff_to_bool(diff: number, op: number): PyVal {
  switch (op) {
    case Py_EQ: return PyBool_FromLong(diff === 0 ? 1 : 0);
    case Py_NE: return PyBool_FromLong(diff !== 0 ? 1 : 0);
    case Py_LT: return PyBool_FromLong(diff < 0 ? 1 : 0);
    case Py_LE: return PyBool_FromLong(diff <= 0 ? 1 : 0);
    case Py_GT: return PyBool_FromLong(diff > 0 ? 1 : 0);
    case Py_GE: return PyBool_FromLong(diff >= 0 ? 1 : 0);
    default: return Py_NotImplemented;
  }
}

function delta_richcompare(self: PyVal, other: PyVal, op: number): PyVal {
  if (isDelta(other)) return diff_to_bool(delta_cmp(self as PyDateTime_Delta, other), op);
  return Py_NotImplemented;
}

function delta_add(l: PyVal, r: PyVal): PyVal {
  if (isDelta(l) && isDelta(r)) return new_delta(l.days + r.days, l.seconds + r.seconds, l.microseconds + r.microseconds, true);
  return Py_NotImplemented;
}

function delta_negative(d: PyDateTime_Delta): PyDateTime_Delta {
  return new_delta(-d.days, -d.seconds, -d.microseconds, true);
}

function delta_subtract(l: PyVal, r: PyVal): PyVal {
  if (isDelta(l) && isDelta(r)) return new_delta(l.days - r.days, l.seconds - r.seconds, l.microseconds - r.microseconds, true);
  return Py_NotImplemented;
}

function delta_multiply(l: PyVal, r: PyVal): PyVal {
  let d: PyDateTime_Delta, n: PyVal;
  if (isDelta(l)) { d = l; n = r; } else if (isDelta(r)) { d = r; n = l; } else return Py_NotImplemented;
  if (PyLong_Check(n)) return microseconds_to_delta(delta_to_microseconds(d) * BigInt(longValue(n)));
  if (PyFloat_Check(n)) {
    const [num, den] = floatRatioOf(n);
    return microseconds_to_delta(divide_nearest(delta_to_microseconds(d) * num, den));
  }
  return Py_NotImplemented;
}

function delta_truedivide(l: PyVal, r: PyVal): PyVal {
  if (!isDelta(l)) return Py_NotImplemented;
  if (isDelta(r)) {
    return long_true_divide(PyLong_FromBigInt(delta_to_microseconds(l)), PyLong_FromBigInt(delta_to_microseconds(r)));
  }
  if (PyLong_Check(r)) return microseconds_to_delta(divide_nearest(delta_to_microseconds(l), BigInt(longValue(r))));
  if (PyFloat_Check(r)) {
    const [num, den] = floatRatioOf(r);
    return microseconds_to_delta(divide_nearest(delta_to_microseconds(l) * den, num));
  }
  return Py_NotImplemented;
}

function delta_floordivide(l: PyVal, r: PyVal): PyVal {
  if (!isDelta(l)) return Py_NotImplemented;
  if (isDelta(r)) {
    const b = delta_to_microseconds(r);
    if (b === 0n) return PyErr_Format(PyExc_ZeroDivisionError, "integer division or modulo by zero");
    return PyLong_FromBigInt(bigFloorDiv(delta_to_microseconds(l), b));
  }
  if (PyLong_Check(r)) {
    const b = BigInt(longValue(r));
    if (b === 0n) return PyErr_Format(PyExc_ZeroDivisionError, "integer division or modulo by zero");
    return microseconds_to_delta(bigFloorDiv(delta_to_microseconds(l), b));
  }
  return Py_NotImplemented;
}

function delta_remainder(l: PyVal, r: PyVal): PyVal {
  if (!isDelta(l) || !isDelta(r)) return Py_NotImplemented;
  const a = delta_to_microseconds(l), b = delta_to_microseconds(r);
  if (b === 0n) return PyErr_Format(PyExc_ZeroDivisionError, "integer modulo by zero");
  return microseconds_to_delta(a - bigFloorDiv(a, b) * b);
}

function delta_divmod(l: PyVal, r: PyVal): PyVal {
  if (!isDelta(l) || !isDelta(r)) return Py_NotImplemented;
  const a = delta_to_microseconds(l), b = delta_to_microseconds(r);
  if (b === 0n) return PyErr_Format(PyExc_ZeroDivisionError, "integer division or modulo by zero");
  const q = bigFloorDiv(a, b);
  return PyTuple_New([PyLong_FromBigInt(q), microseconds_to_delta(a - q * b)]);
}

function delta_total_seconds(self: PyVal): PyVal {
  return long_true_divide(PyLong_FromBigInt(delta_to_microseconds(self as PyDateTime_Delta)), US_PER_SECOND);
}

PyType_FromSpecStatic({
  name: "datetime.timedelta",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Difference between two datetime values.\n\ntimedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)\n\nAll arguments are optional and default to 0.\nArguments may be integers or floats, and may be positive or negative.",
  slots: {
    tp_new: delta_new, tp_repr: delta_repr, tp_str: (s) => PyUnicode_FromString(delta_str_text(s as PyDateTime_Delta)),
    tp_hash: delta_hash, tp_richcompare: delta_richcompare,
    nb_add: delta_add, nb_subtract: delta_subtract, nb_multiply: delta_multiply, nb_true_divide: delta_truedivide,
    nb_floor_divide: delta_floordivide, nb_remainder: delta_remainder, nb_divmod: delta_divmod,
    nb_negative: (v) => delta_negative(v as PyDateTime_Delta),
    nb_positive: (v) => { const d = v as PyDateTime_Delta; return new_delta(d.days, d.seconds, d.microseconds, false); },
    nb_absolute: (v) => { const d = v as PyDateTime_Delta; return d.days < 0 ? delta_negative(d) : new_delta(d.days, d.seconds, d.microseconds, false); },
    nb_bool: (v) => { const d = v as PyDateTime_Delta; return d.days !== 0 || d.seconds !== 0 || d.microseconds !== 0; },
  },
  methods: [
    { name: "total_seconds", meth: delta_total_seconds, flags: METH_NOARGS, doc: "Total seconds in the duration." },
    { name: "__reduce__", meth: (s: PyVal) => { const d = s as PyDateTime_Delta; return PyTuple_New([Py_TYPE(s), PyTuple_New([d.days, d.seconds, d.microseconds])]); }, flags: METH_NOARGS, doc: "__reduce__() -> (cls, state)" },
  ],
  members: [
    { name: "days", get: (s) => (s as PyDateTime_Delta).days, doc: "Number of days." },
    { name: "seconds", get: (s) => (s as PyDateTime_Delta).seconds, doc: "Number of seconds (>= 0 and less than 1 day)." },
    { name: "microseconds", get: (s) => (s as PyDateTime_Delta).microseconds, doc: "Number of microseconds (>= 0 and less than 1 second)." },
  ],
}, PyDateTime_DeltaType);

// ---- construction helpers (new_date_ex, new_time_ex2, new_datetime_ex2 and their *_subclass_* forms) ----

function check_date_args(y: number, m: number, d: number): void {
  if (y < MINYEAR || y > MAXYEAR) PyErr_Format(PyExc_ValueError, `year ${y} is out of range`);
  if (m < 1 || m > 12) PyErr_Format(PyExc_ValueError, "month must be in 1..12");
  if (d < 1 || d > days_in_month(y, m)) PyErr_Format(PyExc_ValueError, "day is out of range for month");
}

function check_time_args(h: number, m: number, s: number, us: number, fold: number): void {
  if (h < 0 || h > 23) PyErr_Format(PyExc_ValueError, "hour must be in 0..23");
  if (m < 0 || m > 59) PyErr_Format(PyExc_ValueError, "minute must be in 0..59");
  if (s < 0 || s > 59) PyErr_Format(PyExc_ValueError, "second must be in 0..59");
  if (us < 0 || us > 999999) PyErr_Format(PyExc_ValueError, "microsecond must be in 0..999999");
  if (fold !== 0 && fold !== 1) PyErr_Format(PyExc_ValueError, "fold must be either 0 or 1");
}

function check_tzinfo_subclass(p: PyVal): void {
  if (p !== Py_None && !isTZInfo(p)) {
    PyErr_Format(PyExc_TypeError, `tzinfo argument must be None or of a tzinfo subclass, not type '${typeName(p)}'`);
  }
}

function new_date(y: number, m: number, d: number, type: PyTypeObject = PyDateTime_DateType): PyDateTime_Date {
  check_date_args(y, m, d);
  return new PyDateTime_Date(type, y, m, d);
}

function new_datetime(y: number, mo: number, d: number, h: number, mi: number, s: number, us: number, tzinfo: PyVal,
  fold: number, type: PyTypeObject = PyDateTime_DateTimeType): PyDateTime_DateTime {
  check_date_args(y, mo, d);
  check_time_args(h, mi, s, us, fold);
  check_tzinfo_subclass(tzinfo);
  return new PyDateTime_DateTime(type, y, mo, d, h, mi, s, us, tzinfo, fold);
}

function new_time(h: number, m: number, s: number, us: number, tzinfo: PyVal, fold: number,
  type: PyTypeObject = PyDateTime_TimeType): PyDateTime_Time {
  check_time_args(h, m, s, us, fold);
  check_tzinfo_subclass(tzinfo);
  return new PyDateTime_Time(type, h, m, s, us, tzinfo, fold);
}

const FOLD_KW = [PyUnicode_InternFromString("fold")];

/** call_subclass_fold: cls(*args) with fold=1 passed by keyword only when set. */
function call_subclass_fold(cls: PyVal, fold: number, args: PyVal[]): PyVal {
  if (fold) return PyObject_Vectorcall(cls, [...args, 1], FOLD_KW);
  return PyObject_Vectorcall(cls, args, null);
}

function new_date_subclass_ex(y: number, m: number, d: number, cls: PyVal): PyVal {
  if (cls === PyDateTime_DateType) return new_date(y, m, d);
  if (cls === PyDateTime_DateTimeType) return new_datetime(y, m, d, 0, 0, 0, 0, Py_None, 0);
  return PyObject_Vectorcall(cls, [y, m, d], null);
}

function new_datetime_subclass_fold_ex(y: number, mo: number, d: number, h: number, mi: number, s: number, us: number,
  tzinfo: PyVal, fold: number, cls: PyVal): PyVal {
  if (cls === PyDateTime_DateTimeType) return new_datetime(y, mo, d, h, mi, s, us, tzinfo, fold);
  return call_subclass_fold(cls, fold, [y, mo, d, h, mi, s, us, tzinfo]);
}

function new_time_subclass_fold_ex(h: number, m: number, s: number, us: number, tzinfo: PyVal, fold: number, cls: PyVal): PyVal {
  if (cls === PyDateTime_TimeType) return new_time(h, m, s, us, tzinfo, fold);
  return call_subclass_fold(cls, fold, [h, m, s, us, tzinfo]);
}

function dateRangeError(): never { return PyErr_Format(PyExc_OverflowError, "date value out of range"); }

/** normalize_date via the ordinal: a day count that leaves 1..MAXORDINAL is OverflowError. */
function shiftDate(y: number, m: number, d: number, days: number): [number, number, number] {
  if (days === 0 && d >= 1 && d <= days_in_month(y, m)) return [y, m, d];
  const ord = ymd_to_ord(y, m, 1) + d - 1 + days;
  if (ord < 1 || ord > MAXORDINAL) dateRangeError();
  return ord_to_ymd(ord);
}

// ---- tzinfo calls (call_tzinfo_method, call_tzname) ----

function offsetOutOfRange(d: PyDateTime_Delta): boolean {
  return (d.days === -1 && d.seconds === 0 && d.microseconds < 1) || d.days < -1 || d.days >= 1;
}

function call_tzinfo_method(tzinfo: PyVal, name: "utcoffset" | "dst", arg: PyVal): PyVal {
  if (tzinfo === Py_None) return Py_None;
  if (Py_TYPE(tzinfo) === PyDateTime_TimeZoneType && name === "utcoffset") return (tzinfo as PyDateTime_TimeZone).offset;
  const offset = PyObject_CallMethod(tzinfo, name, [arg]);
  if (offset === Py_None) return offset;
  if (isDelta(offset)) {
    if (offsetOutOfRange(offset)) {
      return PyErr_Format(PyExc_ValueError, "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).");
    }
    return offset;
  }
  return PyErr_Format(PyExc_TypeError, `tzinfo.${name}() must return None or timedelta, not '${typeName(offset)}'`);
}

const call_utcoffset = (tzinfo: PyVal, arg: PyVal): PyVal => call_tzinfo_method(tzinfo, "utcoffset", arg);
const call_dst = (tzinfo: PyVal, arg: PyVal): PyVal => call_tzinfo_method(tzinfo, "dst", arg);

function call_tzname(tzinfo: PyVal, arg: PyVal): PyVal {
  if (tzinfo === Py_None) return Py_None;
  const r = PyObject_CallMethod(tzinfo, "tzname", [arg]);
  if (r === Py_None || PyUnicode_Check(r)) return r;
  return PyErr_Format(PyExc_TypeError, `tzinfo.tzname() must return None or a string, not '${typeName(r)}'`);
}

/** format_utcoffset: "" for None, else +HH<sep>MM[<sep>SS[.ffffff]]. */
function format_utcoffset(sep: string, tzinfo: PyVal, arg: PyVal): string {
  let off = call_utcoffset(tzinfo, arg);
  if (off === Py_None) return "";
  let sign = "+";
  if ((off as PyDateTime_Delta).days < 0) { sign = "-"; off = delta_negative(off as PyDateTime_Delta); }
  const d = off as PyDateTime_Delta;
  let s = d.seconds;
  let m = Math.floor(s / 60); s -= m * 60;
  const h = Math.floor(m / 60); m -= h * 60;
  if (d.microseconds) return `${sign}${pad(h, 2)}${sep}${pad(m, 2)}${sep}${pad(s, 2)}.${pad(d.microseconds, 6)}`;
  if (s) return `${sign}${pad(h, 2)}${sep}${pad(m, 2)}${sep}${pad(s, 2)}`;
  return `${sign}${pad(h, 2)}${sep}${pad(m, 2)}`;
}

// ---- the time module (struct_time, strftime, localtime) ----

let timeModule: PyVal | null = null;
function getTime(): PyVal {
  if (timeModule === null) timeModule = PyImport_ImportModule("time");
  return timeModule;
}

function build_struct_time(y: number, m: number, d: number, hh: number, mm: number, ss: number, dst: number): PyVal {
  const st = PyObject_GetAttrStr(getTime(), "struct_time")!;
  return PyObject_CallOneArg(st, PyTuple_New([y, m, d, hh, mm, ss, weekday(y, m, d), days_before_month(y, m) + d, dst]));
}

/** Python text as UTF-8 would refuse it: a lone surrogate is CPython's UnicodeEncodeError. */
function checkUtf8(s: string): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const n = s.charCodeAt(i + 1);
      if (n >= 0xdc00 && n < 0xe000) { i++; continue; }
    }
    if (c >= 0xd800 && c < 0xe000) {
      let pos = 0;
      for (let j = 0; j < i; j++) { const cj = s.charCodeAt(j); if (!(cj >= 0xdc00 && cj < 0xe000 && j > 0 && s.charCodeAt(j - 1) >= 0xd800 && s.charCodeAt(j - 1) < 0xdc00)) pos++; }
      const e = PyObject_Vectorcall(PyExc_UnicodeEncodeError, [PyUnicode_FromString("utf-8"), PyUnicode_FromString(s), pos, pos + 1, PyUnicode_FromString("surrogates not allowed")], null);
      throw e;
    }
  }
}

/** wrap_strftime: %z, %:z, %Z and %f are replaced first, then time.strftime formats the rest. */
function wrap_strftime(object: PyVal, format: string, timetuple: PyVal, tzinfoarg: PyVal): PyVal {
  checkUtf8(format);
  const tzinfo = isDateTime(object) || isTime(object) ? object.tzinfo : null;
  let z: string | null = null, cz: string | null = null, Z: string | null = null, f: string | null = null;
  let out = "";
  const n = format.length;
  let i = 0;
  while (i < n) {
    const ch = format[i++];
    if (ch === "\0") break;
    if (ch !== "%") { out += ch; continue; }
    if (i >= n || format[i] === "\0") { out += "%"; continue; }
    const c = format[i++];
    if (c === "z") {
      if (z === null) z = tzinfo === null || tzinfo === Py_None ? "" : format_utcoffset("", tzinfo, tzinfoarg);
      out += z;
    } else if (c === ":" && format[i] === "z") {
      i++;
      if (cz === null) cz = tzinfo === null || tzinfo === Py_None ? "" : format_utcoffset(":", tzinfo, tzinfoarg);
      out += cz;
    } else if (c === "Z") {
      if (Z === null) {
        Z = "";
        if (tzinfo !== null && tzinfo !== Py_None) {
          const t = call_tzname(tzinfo, tzinfoarg);
          if (t !== Py_None) {
            const r = PyObject_CallMethod(t, "replace", [PyUnicode_FromString("%"), PyUnicode_FromString("%%")]);
            if (!PyUnicode_Check(r)) return PyErr_Format(PyExc_TypeError, "tzname.replace() did not return a string");
            Z = (r as PyUnicodeObject).value;
          }
        }
      }
      out += Z;
    } else if (c === "f") {
      if (f === null) f = pad(isTime(object) || isDateTime(object) ? object.microsecond : 0, 6);
      out += f;
    } else {
      out += "%" + c;
    }
  }
  return PyObject_CallMethod(getTime(), "strftime", [PyUnicode_FromString(out), timetuple]);
}

interface LocalTm { year: number; mon: number; mday: number; hour: number; min: number; sec: number; gmtoff: number; zone: PyVal }

/** gmtime for any 64-bit time_t (no host access). */
function gmtimeOf(t: number): LocalTm {
  const days = Math.floor(t / 86400);
  let secs = t - days * 86400;
  const [y, m, d] = ord_to_ymd(days + 719163);
  const hour = Math.floor(secs / 3600); secs -= hour * 3600;
  const min = Math.floor(secs / 60);
  return { year: y, mon: m, mday: d, hour, min, sec: secs - min * 60, gmtoff: 0, zone: PyUnicode_FromString("UTC") };
}

/** _PyTime_localtime through the time module (the host's time zone). */
function localtimeOf(t: number): LocalTm {
  // DEVIATION: beyond the JS Date range (about 275,000 years) the host zone is unknown: UTC is used.
  if (Math.abs(t) > 8.6e12) return gmtimeOf(t);
  const st = PyObject_CallMethod(getTime(), "localtime", [t]) as PyTupleObject;
  const it = st.ob_item;
  return {
    year: it[0] as number, mon: it[1] as number, mday: it[2] as number, hour: it[3] as number, min: it[4] as number,
    sec: it[5] as number, gmtoff: longNum(PyObject_GetAttrStr(st, "tm_gmtoff")!), zone: PyObject_GetAttrStr(st, "tm_zone")!,
  };
}

function longNum(v: PyVal): number { return Number(longValue(v)); }

function utc_to_seconds(y: number, m: number, d: number, hh: number, mm: number, ss: number): number {
  if (y < MINYEAR || y > MAXYEAR) return PyErr_Format(PyExc_ValueError, `year ${y} is out of range`);
  return ((ymd_to_ord(y, m, d) * 24 + hh) * 60 + mm) * 60 + ss;
}

function local(u: number): number {
  const tm = localtimeOf(u - EPOCH_SECONDS);
  return utc_to_seconds(tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec);
}

/** local_to_seconds: solve t = local(u) for u, choosing by fold (PEP 495). */
function local_to_seconds(y: number, m: number, d: number, hh: number, mm: number, ss: number, fold: number): number {
  const t = utc_to_seconds(y, m, d, hh, mm, ss);
  let lt = local(t);
  const a = lt - t;
  const u1 = t - a;
  const t1 = local(u1);
  let b: number;
  if (t1 === t) {
    const u2 = fold ? u1 + MAX_FOLD_SECONDS : u1 - MAX_FOLD_SECONDS;
    lt = local(u2);
    b = lt - u2;
    if (a === b) return u1;
  } else {
    b = t1 - u1;
  }
  const u2 = t - b;
  const t2 = local(u2);
  if (t2 === t) return u2;
  if (t1 === t) return u1;
  return fold ? Math.min(u1, u2) : Math.max(u1, u2);
}

function local_timezone_from_timestamp(timestamp: number): PyVal {
  const tm = localtimeOf(timestamp);
  return new PyDateTime_TimeZone(PyDateTime_TimeZoneType, new_delta(0, tm.gmtoff, 0, true), tm.zone);
}

function tzinfoOrNone(v: PyVal | undefined): PyVal { return v === undefined ? Py_None : v; }

// ---- timestamps (_PyTime_ObjectToTime_t, _PyTime_ObjectToTimeval) ----

const TIME_T_MAX = 9223372036854775807;

function timetOverflow(): never { return PyErr_Format(PyExc_OverflowError, "timestamp out of range for platform time_t"); }

function objectToTimeT(obj: PyVal): number {
  if (PyFloat_Check(obj)) {
    const d = (obj as PyFloatObject).ob_fval;
    if (Number.isNaN(d)) return PyErr_Format(PyExc_ValueError, "Invalid value NaN (not a number)");
    const r = Math.floor(d);
    if (!(r >= -TIME_T_MAX - 1 && r < TIME_T_MAX)) timetOverflow();
    return r;
  }
  const v = longValue(PyLong_Check(obj) ? obj : PyNumber_Index(obj));
  if (typeof v === "bigint" && (v > 9223372036854775807n || v < -9223372036854775808n)) timetOverflow();
  return Number(v);
}

function roundHalfEven(x: number): number {
  const r = cRound(x);
  return Math.abs(x - r) === 0.5 ? 2 * cRound(x / 2) : r;
}

/** (seconds, microseconds) with round-half-even, as _PyTime_ObjectToTimeval. */
function objectToTimeval(obj: PyVal): [number, number] {
  if (PyFloat_Check(obj)) {
    const d = (obj as PyFloatObject).ob_fval;
    if (Number.isNaN(d)) return PyErr_Format(PyExc_ValueError, "Invalid value NaN (not a number)");
    let intpart = Math.trunc(d);
    let floatpart = roundHalfEven((d - intpart) * 1e6);
    if (floatpart >= 1e6) { floatpart -= 1e6; intpart += 1; } else if (floatpart < 0) { floatpart += 1e6; intpart -= 1; }
    if (!(intpart >= -TIME_T_MAX - 1 && intpart < TIME_T_MAX)) timetOverflow();
    return [intpart, floatpart];
  }
  return [objectToTimeT(obj), 0];
}

function datetime_from_timet_and_us(cls: PyVal, useLocal: boolean, timet: number, us: number, tzinfo: PyVal): PyVal {
  const tm = useLocal ? localtimeOf(timet) : gmtimeOf(timet);
  const second = Math.min(59, tm.sec);
  let fold = 0;
  if (tzinfo === Py_None && useLocal) {
    const result_seconds = utc_to_seconds(tm.year, tm.mon, tm.mday, tm.hour, tm.min, second);
    let probe = local(EPOCH_SECONDS + timet - MAX_FOLD_SECONDS);
    const transition = result_seconds - probe - MAX_FOLD_SECONDS;
    if (transition < 0) {
      probe = local(EPOCH_SECONDS + timet + transition);
      if (probe === result_seconds) fold = 1;
    }
  }
  if (tm.year < MINYEAR || tm.year > MAXYEAR) return PyErr_Format(PyExc_ValueError, `year ${tm.year} is out of range`);
  return new_datetime_subclass_fold_ex(tm.year, tm.mon, tm.mday, tm.hour, tm.min, second, us, tzinfo, fold, cls);
}

function datetime_from_timestamp(cls: PyVal, useLocal: boolean, timestamp: PyVal, tzinfo: PyVal): PyVal {
  const [t, us] = objectToTimeval(timestamp);
  return datetime_from_timet_and_us(cls, useLocal, t, us, tzinfo);
}

function nowTimeval(): [number, number] {
  const ns = BigInt(longValue(PyObject_CallMethod(getTime(), "time_ns", [])));
  const s = bigFloorDiv(ns, 1000000000n);
  return [Number(s), Number((ns - s * 1000000000n) / 1000n)];
}

// ---- ISO 8601 parsing (parse_isoformat_date, parse_hh_mm_ss_ff, parse_isoformat_time) over UTF-8 bytes ----

const utf8 = new TextEncoder();
/** The byte at i, or 0 past the end (C's terminating NUL). */
/** The UTF-8 text being parsed: a reused buffer and its length (no allocation per call). */
let isoBuf = new Uint8Array(64);
let isoLen = 0;
const at = (b: Uint8Array, i: number): number => (i < isoLen ? b[i] : 0);
const isDigitByte = (c: number): boolean => c >= 48 && c <= 57;

/** parse_digits: n digits at p into out[k]; the new position, or -1. */
function parse_digits(b: Uint8Array, p: number, n: number, out: number[], k: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = at(b, p);
    if (!isDigitByte(c)) return -1;
    v = v * 10 + (c - 48);
    p++;
  }
  out[k] = v;
  return p;
}

/** parse_isoformat_date over b[0..len): 0, or a negative code. out = [year, month, day]. */
function parse_isoformat_date(b: Uint8Array, len: number, out: number[]): number {
  let p = parse_digits(b, 0, 4, out, 0);
  if (p < 0) return -1;
  const uses_separator = at(b, p) === 45;
  if (uses_separator) p++;
  if (at(b, p) === 87) {
    p++;
    const wd = [0, 0];
    p = parse_digits(b, p, 2, wd, 0);
    if (p < 0) return -3;
    if (p < len) {
      if (uses_separator && at(b, p++) !== 45) return -2;
      p = parse_digits(b, p, 1, wd, 1);
      if (p < 0) return -4;
    } else {
      wd[1] = 1;
    }
    const rv = iso_to_ymd(out[0], wd[0], wd[1], out);
    return rv ? -3 + rv : 0;
  }
  p = parse_digits(b, p, 2, out, 1);
  if (p < 0) return -1;
  if (uses_separator && at(b, p++) !== 45) return -2;
  p = parse_digits(b, p, 2, out, 2);
  if (p < 0) return -1;
  return 0;
}

const CORRECTION = [100000, 10000, 1000, 100, 10] as const;

/** parse_hh_mm_ss_ff over b[p..end): out = [h, m, s, us]; 0, 1 (text left before end) or negative. */
function parse_hh_mm_ss_ff(b: Uint8Array, p: number, end: number, out: number[]): number {
  out[0] = out[1] = out[2] = out[3] = 0;
  let has_separator = true;
  for (let i = 0; i < 3; i++) {
    p = parse_digits(b, p, 2, out, i);
    if (p < 0) return -3;
    const c = at(b, p++);
    if (i === 0) has_separator = c === 58;
    if (p >= end) return c !== 0 ? 1 : 0;
    if (has_separator && c === 58) continue;
    if (c === 46 || c === 44) break;
    if (!has_separator) p--;
    else return -4;
  }
  const to_parse = Math.min(end - p, 6);
  p = parse_digits(b, p, to_parse, out, 3);
  if (p < 0) return -3;
  if (to_parse < 6) out[3] *= CORRECTION[to_parse - 1];
  while (isDigitByte(at(b, p))) p++;
  return at(b, p) !== 0 ? 1 : 0;
}

/** parse_isoformat_time over b[p..b.length): out = [h, m, s, us, tzoffset, tzus]; 0, 1 (with offset) or negative. */
function parse_isoformat_time(b: Uint8Array, p: number, out: number[]): number {
  const end = isoLen;
  let tzpos = p;
  do {
    const c = at(b, tzpos);
    if (c === 90 || c === 43 || c === 45) break;
  } while (++tzpos < end);
  const rv = parse_hh_mm_ss_ff(b, p, tzpos, out);
  if (rv < 0) return rv;
  if (tzpos >= end) return rv === 1 ? -5 : 0;
  if (at(b, tzpos) === 90) {
    out[4] = 0; out[5] = 0;
    return at(b, tzpos + 1) !== 0 ? -5 : 1;
  }
  const sign = at(b, tzpos) === 45 ? -1 : 1;
  const tz = [0, 0, 0, 0];
  const rv2 = parse_hh_mm_ss_ff(b, tzpos + 1, end, tz);
  out[4] = sign * (tz[0] * 3600 + tz[1] * 60 + tz[2]);
  out[5] = sign * tz[3];
  return rv2 ? -5 : 1;
}

function tzinfo_from_isoformat_results(rv: number, tzoffset: number, tzus: number): PyVal {
  if (rv !== 1) return Py_None;
  if (tzoffset === 0) return utc_timezone;
  return new_timezone(new_delta(0, tzoffset, tzus, true), null);
}

function invalidIso(s: PyVal): never {
  return PyErr_Format(PyExc_ValueError, `Invalid isoformat string: ${PyObject_Repr(s).value}`);
}

/** UTF-8 bytes of a str, or null when it holds a lone surrogate (PyUnicode_AsUTF8AndSize fails). */
function utf8OrNull(s: string): Uint8Array | null {
  const n = s.length;
  let ascii = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) { ascii = false; break; }
  }
  if (ascii) {
    if (isoBuf.length < n) isoBuf = new Uint8Array(2 * n);
    for (let i = 0; i < n; i++) isoBuf[i] = s.charCodeAt(i);
    isoLen = n;
    return isoBuf;
  }
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) { i++; continue; }
    }
    if (c >= 0xd800 && c < 0xe000) return null;
  }
  const enc = utf8.encode(s);
  if (isoBuf.length < enc.length) isoBuf = new Uint8Array(2 * enc.length);
  isoBuf.set(enc);
  isoLen = enc.length;
  return isoBuf;
}

function _find_isoformat_datetime_separator(b: Uint8Array, len: number): number {
  if (len === 7) return 7;
  if (at(b, 4) === 45) {
    if (at(b, 5) === 87) {
      if (len < 8) return -1;
      if (len > 8 && at(b, 8) === 45) {
        if (len === 9) return -1;
        if (len > 10 && isDigitByte(at(b, 10))) return 8;
        return 10;
      }
      return 8;
    }
    return 10;
  }
  if (at(b, 4) === 87) {
    let idx = 7;
    for (; idx < len; idx++) if (!isDigitByte(b[idx])) break;
    if (idx < 9) return idx;
    return idx % 2 === 0 ? 7 : 8;
  }
  return 8;
}

// ---- date ----

const DATE_KWS = ["year", "month", "day"] as const;

function date_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const npos = args.length - (kwnames === null ? 0 : kwnames.length);
  if (npos === 1 && args.length >= 1) {
    const st = args[0];
    if (st instanceof PyBytesObject && st.ob_bytes.length === 4 && st.ob_bytes[2] >= 1 && st.ob_bytes[2] <= 12) {
      const b = st.ob_bytes;
      return new PyDateTime_Date(type, (b[0] << 8) | b[1], b[2], b[3]);
    }
    if (PyUnicode_Check(st)) {
      const s = (st as PyUnicodeObject).value;
      if (s.length === 4 && s.charCodeAt(2) >= 1 && s.charCodeAt(2) <= 12) {
        const b = latin1State(s, "date");
        return new PyDateTime_Date(type, (b[0] << 8) | b[1], b[2], b[3]);
      }
    }
  }
  if (kwnames === null && args.length === 3) {
    const [y, m, d] = args;
    if (typeof y === "number" && typeof m === "number" && typeof d === "number" && (y | 0) === y && (m | 0) === m && (d | 0) === d) {
      return new_date(y, m, d, type);
    }
  }
  const v = [0, 0, 0];
  parseKw(null, args, kwnames, DATE_KWS, 3, 3, (i, x) => { v[i] = asInt(x); });
  return new_date(v[0], v[1], v[2], type);
}

function latin1State(s: string, what: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) {
      return PyErr_Format(PyExc_ValueError, `Failed to encode latin1 string when unpickling a ${what} object. pickle.load(data, encoding='latin1') is assumed.`);
    }
    out.push(c);
  }
  return out;
}

function date_isoformat_text(d: PyDateTime_Date): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

function date_repr(self: PyVal): PyUnicodeObject {
  const d = self as PyDateTime_Date;
  return PyUnicode_FromString(`${typeName(self)}(${d.year}, ${d.month}, ${d.day})`);
}

function date_hash(self: PyVal): number {
  const d = self as PyDateTime_Date;
  if (!d.hashed) {
    _Py_HashBytes(new Uint8Array([d.year >> 8, d.year & 0xff, d.month, d.day]));
    d.hashLo = hashOut[0]; d.hashHi = hashOut[1]; d.hashed = true;
  }
  Py_HashHi[0] = d.hashHi;
  return d.hashLo;
}

function cmpDate(a: PyDateTime_Date, b: PyDateTime_Date): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function date_richcompare(self: PyVal, other: PyVal, op: number): PyVal {
  if (isDate(other) && !isDateTime(other)) return diff_to_bool(cmpDate(self as PyDateTime_Date, other), op);
  return Py_NotImplemented;
}

function add_date_timedelta(d: PyDateTime_Date, delta: PyDateTime_Delta, negate: boolean): PyVal {
  const [y, m, dd] = shiftDate(d.year, d.month, d.day, negate ? -delta.days : delta.days);
  return new_date_subclass_ex(y, m, dd, Py_TYPE(d));
}

function date_add(l: PyVal, r: PyVal): PyVal {
  if (isDateTime(l) || isDateTime(r)) return Py_NotImplemented;
  if (isDate(l) && isDelta(r)) return add_date_timedelta(l, r, false);
  if (isDelta(l) && isDate(r)) return add_date_timedelta(r, l, false);
  return Py_NotImplemented;
}

function date_subtract(l: PyVal, r: PyVal): PyVal {
  if (isDateTime(l) || isDateTime(r)) return Py_NotImplemented;
  if (isDate(l)) {
    if (isDate(r)) return new_delta(ymd_to_ord(l.year, l.month, l.day) - ymd_to_ord(r.year, r.month, r.day), 0, 0, false);
    if (isDelta(r)) return add_date_timedelta(l, r, true);
  }
  return Py_NotImplemented;
}

function iso_calendar(d: PyDateTime_Date): PyVal {
  let year = d.year;
  let week1_monday = iso_week1_monday(year);
  const today = ymd_to_ord(year, d.month, d.day);
  let week = fdiv(today - week1_monday, 7);
  let day = today - week1_monday - week * 7;
  if (week < 0) {
    --year;
    week1_monday = iso_week1_monday(year);
    week = fdiv(today - week1_monday, 7);
    day = today - week1_monday - week * 7;
  } else if (week >= 52 && today >= iso_week1_monday(year + 1)) {
    ++year;
    week = 0;
  }
  return new PyTupleObject(PyDateTime_IsoCalendarDateType, [year, week + 1, day + 1]);
}

function format_ctime(d: PyDateTime_Date, h: number, m: number, s: number): string {
  const wd = weekday(d.year, d.month, d.day);
  return `${DayNames[wd]} ${MonthNames[d.month - 1]} ${String(d.day).padStart(2, " ")} ${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)} ${pad(d.year, 4)}`;
}

function date_strftime(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const a = parseKw("strftime", args, kwnames, ["format"], 1);
  const fmt = strArg("strftime", 1, a[0]!);
  const tuple = PyObject_CallMethod(self, "timetuple", []);
  return wrap_strftime(self, fmt, tuple, self);
}

function date_format(self: PyVal, args: readonly PyVal[]): PyVal {
  exactArgs("__format__", args, 1);
  const f = args[0];
  strArg("__format__", 1, f);
  if ((f as PyUnicodeObject).value.length === 0) return PyObject_Str(self);
  return PyObject_CallMethod(self, "strftime", [f]);
}

function date_fromtimestamp(cls: PyVal, ts: PyVal): PyVal {
  const t = objectToTimeT(ts);
  const tm = localtimeOf(t);
  if (tm.year < MINYEAR || tm.year > MAXYEAR) return PyErr_Format(PyExc_ValueError, `year ${tm.year} is out of range`);
  return new_date_subclass_ex(tm.year, tm.mon, tm.mday, cls);
}

function date_fromordinal(cls: PyVal, args: readonly PyVal[]): PyVal {
  exactArgs("fromordinal", args, 1);
  const n = asInt(args[0]);
  if (n < 1) return PyErr_Format(PyExc_ValueError, "ordinal must be >= 1");
  const [y, m, d] = ord_to_ymd(n);
  return new_date_subclass_ex(y, m, d, cls);
}

function date_fromisoformat(cls: PyVal, s: PyVal): PyVal {
  if (!PyUnicode_Check(s)) return PyErr_Format(PyExc_TypeError, "fromisoformat: argument must be str");
  const b = utf8OrNull((s as PyUnicodeObject).value);
  if (b === null) return invalidIso(s);
  const out = [0, 0, 0];
  const len = isoLen;
  const rv = len === 7 || len === 8 || len === 10 ? parse_isoformat_date(b, len, out) : -1;
  if (rv < 0) return invalidIso(s);
  return new_date_subclass_ex(out[0], out[1], out[2], cls);
}

function date_fromisocalendar(cls: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const isoInt = (x: PyVal): number => {
    try {
      return asInt(x);
    } catch (e) {
      if (typeof e === "object" && e !== null && Py_TYPE(e as PyVal) === PyExc_OverflowError) {
        return PyErr_Format(PyExc_ValueError, "ISO calendar component out of range");
      }
      throw e;
    }
  };
  const v = [0, 0, 0];
  parseKw("fromisocalendar", args, kwnames, ["year", "week", "day"], 3, 3, (i, x) => { v[i] = isoInt(x); });
  const [year, week, day] = v;
  const out = [0, 0, 0];
  const rv = iso_to_ymd(year, week, day, out);
  if (rv === -4) return PyErr_Format(PyExc_ValueError, `Year is out of range: ${year}`);
  if (rv === -2) return PyErr_Format(PyExc_ValueError, `Invalid week: ${week}`);
  if (rv === -3) return PyErr_Format(PyExc_ValueError, `Invalid day: ${day} (range is [1, 7])`);
  return new_date_subclass_ex(out[0], out[1], out[2], cls);
}

function date_replace(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const d = self as PyDateTime_Date;
  const a = parseKw("replace", args, kwnames, DATE_KWS, 0);
  return new_date_subclass_ex(optIntC(a[0], d.year), optIntC(a[1], d.month), optIntC(a[2], d.day), Py_TYPE(self));
}

function date_getstate(d: PyDateTime_Date): PyVal {
  return PyBytes_FromArray(new Uint8Array([d.year >> 8, d.year & 0xff, d.month, d.day]));
}

function strptime(cls: PyVal, args: readonly PyVal[]): PyVal {
  if (args.length !== 2) return PyErr_Format(PyExc_TypeError, `strptime() takes exactly 2 arguments (${args.length} given)`);
  const s = strArg("strptime", 1, args[0]), f = strArg("strptime", 2, args[1]);
  const mod = PyImport_ImportModule("_strptime");
  return PyObject_CallMethod(mod, "_strptime_datetime", [cls, PyUnicode_FromString(s), PyUnicode_FromString(f)]);
}

const dateMethods: PyMethodDef[] = [
  { name: "fromtimestamp", meth: date_fromtimestamp, flags: METH_O | METH_CLASS, doc: "Create a date from a POSIX timestamp.\n\nThe timestamp is a number, e.g. created via time.time(), that is interpreted\nas local time." },
  { name: "fromordinal", meth: date_fromordinal, flags: METH_FASTCALL | METH_CLASS, doc: "int -> date corresponding to a proleptic Gregorian ordinal." },
  { name: "fromisoformat", meth: date_fromisoformat, flags: METH_O | METH_CLASS, doc: "str -> Construct a date from a string in ISO 8601 format." },
  { name: "fromisocalendar", meth: date_fromisocalendar, flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS, doc: "int, int, int -> Construct a date from the ISO year, week number and weekday.\n\nThis is the inverse of the date.isocalendar() function" },
  { name: "today", meth: (cls: PyVal) => PyObject_CallMethod(cls, "fromtimestamp", [PyObject_CallMethod(getTime(), "time", [])]), flags: METH_NOARGS | METH_CLASS, doc: "Current date or datetime:  same as self.__class__.fromtimestamp(time.time())." },
  { name: "ctime", meth: (s: PyVal) => PyUnicode_FromString(format_ctime(s as PyDateTime_Date, 0, 0, 0)), flags: METH_NOARGS, doc: "Return ctime() style string." },
  { name: "strftime", meth: date_strftime, flags: METH_FASTCALL | METH_KEYWORDS, doc: "format -> strftime() style string." },
  { name: "__format__", meth: date_format, flags: METH_FASTCALL, doc: "Formats self with strftime." },
  { name: "timetuple", meth: (s: PyVal) => { const d = s as PyDateTime_Date; return build_struct_time(d.year, d.month, d.day, 0, 0, 0, -1); }, flags: METH_NOARGS, doc: "Return time tuple, compatible with time.localtime()." },
  { name: "isocalendar", meth: (s: PyVal) => iso_calendar(s as PyDateTime_Date), flags: METH_NOARGS, doc: "Return a named tuple containing ISO year, week number, and weekday." },
  { name: "isoformat", meth: (s: PyVal) => PyUnicode_FromString(date_isoformat_text(s as PyDateTime_Date)), flags: METH_NOARGS, doc: "Return string in ISO 8601 format, YYYY-MM-DD." },
  { name: "isoweekday", meth: (s: PyVal) => { const d = s as PyDateTime_Date; return weekday(d.year, d.month, d.day) + 1; }, flags: METH_NOARGS, doc: "Return the day of the week represented by the date.\nMonday == 1 ... Sunday == 7" },
  { name: "toordinal", meth: (s: PyVal) => { const d = s as PyDateTime_Date; return ymd_to_ord(d.year, d.month, d.day); }, flags: METH_NOARGS, doc: "Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1." },
  { name: "weekday", meth: (s: PyVal) => { const d = s as PyDateTime_Date; return weekday(d.year, d.month, d.day); }, flags: METH_NOARGS, doc: "Return the day of the week represented by the date.\nMonday == 0 ... Sunday == 6" },
  { name: "replace", meth: date_replace, flags: METH_FASTCALL | METH_KEYWORDS, doc: "Return date with new specified fields." },
  { name: "__replace__", meth: date_replace, flags: METH_FASTCALL | METH_KEYWORDS, doc: "The same as replace()." },
  { name: "__reduce__", meth: (s: PyVal) => PyTuple_New([Py_TYPE(s), PyTuple_New([date_getstate(s as PyDateTime_Date)])]), flags: METH_NOARGS, doc: "__reduce__() -> (cls, state)" },
];

PyType_FromSpecStatic({
  name: "datetime.date",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "date(year, month, day) --> date object",
  slots: {
    tp_new: date_new, tp_repr: date_repr, tp_str: (s) => PyObject_CallMethod(s, "isoformat", []) as PyUnicodeObject,
    tp_hash: date_hash, tp_richcompare: date_richcompare, nb_add: date_add, nb_subtract: date_subtract,
  },
  methods: dateMethods,
  getset: [
    { name: "year", get: (s) => (s as PyDateTime_Date).year },
    { name: "month", get: (s) => (s as PyDateTime_Date).month },
    { name: "day", get: (s) => (s as PyDateTime_Date).day },
  ],
}, PyDateTime_DateType);

// ---- tzinfo ----

function tzinfo_nogo(name: string): never {
  return PyErr_Format(PyExc_NotImplementedError, `a tzinfo subclass must implement ${name}()`);
}

function tzinfo_fromutc(self: PyVal, dt: PyVal): PyVal {
  if (!isDateTime(dt)) return PyErr_Format(PyExc_TypeError, "fromutc: argument must be a datetime");
  if (dt.tzinfo !== self) return PyErr_Format(PyExc_ValueError, "fromutc: dt.tzinfo is not self");
  const off = call_utcoffset(dt.tzinfo, dt);
  if (off === Py_None) return PyErr_Format(PyExc_ValueError, "fromutc: non-None utcoffset() result required");
  let dst = call_dst(dt.tzinfo, dt);
  if (dst === Py_None) return PyErr_Format(PyExc_ValueError, "fromutc: non-None dst() result required");
  const delta = delta_subtract(off, dst) as PyDateTime_Delta;
  let result = add_datetime_timedelta(dt, delta, 1);
  dst = call_dst(dt.tzinfo, result);
  if (dst === Py_None) return PyErr_Format(PyExc_ValueError, "fromutc: tz.dst() gave inconsistent results; cannot convert");
  const d = dst as PyDateTime_Delta;
  if (d.days !== 0 || d.seconds !== 0 || d.microseconds !== 0) result = add_datetime_timedelta(result as PyDateTime_DateTime, d, 1);
  return result;
}

function tzinfo_reduce(self: PyVal): PyVal {
  const gia = PyObject_GetAttrStr(self, "__getinitargs__", true);
  const args = gia !== undefined ? PyObject_Vectorcall(gia, [], null) : PyTuple_New([]);
  const state = PyObject_CallMethod(self, "__getstate__", []);
  return PyTuple_New([Py_TYPE(self), args, state]);
}

PyType_FromSpecStatic({
  name: "datetime.tzinfo",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Abstract base class for time zone info objects.",
  slots: { tp_new: (t) => new PyDateTime_TZInfo(t) },
  methods: [
    { name: "tzname", meth: () => tzinfo_nogo("tzname"), flags: METH_O, doc: "datetime -> string name of time zone." },
    { name: "utcoffset", meth: () => tzinfo_nogo("utcoffset"), flags: METH_O, doc: "datetime -> timedelta showing offset from UTC, negative values indicating West of UTC" },
    { name: "dst", meth: () => tzinfo_nogo("dst"), flags: METH_O, doc: "datetime -> DST offset as timedelta positive east of UTC." },
    { name: "fromutc", meth: tzinfo_fromutc, flags: METH_O, doc: "datetime in UTC -> datetime in local time." },
    { name: "__reduce__", meth: tzinfo_reduce, flags: METH_NOARGS, doc: "-> (cls, state)" },
  ],
}, PyDateTime_TZInfoType);

// ---- timezone ----

const utc_timezone = new PyDateTime_TimeZone(PyDateTime_TimeZoneType, new PyDateTime_Delta(PyDateTime_DeltaType, 0, 0, 0), null);

function create_timezone(offset: PyDateTime_Delta, name: PyVal | null): PyDateTime_TimeZone {
  return new PyDateTime_TimeZone(PyDateTime_TimeZoneType, offset, name);
}

function new_timezone(offset: PyDateTime_Delta, name: PyVal | null): PyVal {
  if (name === null && offset.days === 0 && offset.seconds === 0 && offset.microseconds === 0) return utc_timezone;
  if (offsetOutOfRange(offset)) {
    return PyErr_Format(PyExc_ValueError, `offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not ${PyObject_Repr(offset).value}.`);
  }
  return create_timezone(offset, name);
}

function timezone_new(_t: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const a = parseKw("timezone", args, kwnames, ["offset", "name"], 1);
  if (!isDelta(a[0]!)) argType("timezone", 1, "datetime.timedelta", a[0]!);
  if (a[1] !== undefined) strArg("timezone", 2, a[1]);
  return new_timezone(a[0] as PyDateTime_Delta, a[1] ?? null);
}

function timezone_str_text(tz: PyDateTime_TimeZone): string {
  if (tz.name !== null) return (tz.name as PyUnicodeObject).value;
  let off = tz.offset;
  if (tz === utc_timezone || (off.days === 0 && off.seconds === 0 && off.microseconds === 0)) return "UTC";
  let sign = "+";
  if (off.days < 0) { sign = "-"; off = delta_negative(off); }
  let s = off.seconds;
  let m = Math.floor(s / 60); s -= m * 60;
  const h = Math.floor(m / 60); m -= h * 60;
  if (off.microseconds !== 0) return `UTC${sign}${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(off.microseconds, 6)}`;
  if (s !== 0) return `UTC${sign}${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`;
  return `UTC${sign}${pad(h, 2)}:${pad(m, 2)}`;
}

function timezone_check_argument(dt: PyVal, meth: string): void {
  if (dt !== Py_None && !isDateTime(dt)) {
    PyErr_Format(PyExc_TypeError, `${meth}(dt) argument must be a datetime instance or None, not ${typeName(dt)}`);
  }
}

PyType_FromSpecStatic({
  name: "datetime.timezone",
  base: () => PyDateTime_TZInfoType,
  doc: "Fixed offset from UTC implementation of tzinfo.",
  slots: {
    tp_new: timezone_new,
    tp_repr: (s) => {
      const tz = s as PyDateTime_TimeZone;
      const tn = typeName(s);
      if (tz === utc_timezone) return PyUnicode_FromString(`${tn}.utc`);
      if (tz.name === null) return PyUnicode_FromString(`${tn}(${PyObject_Repr(tz.offset).value})`);
      return PyUnicode_FromString(`${tn}(${PyObject_Repr(tz.offset).value}, ${PyObject_Repr(tz.name).value})`);
    },
    tp_str: (s) => PyUnicode_FromString(timezone_str_text(s as PyDateTime_TimeZone)),
    tp_hash: (s) => delta_hash((s as PyDateTime_TimeZone).offset),
    tp_richcompare: (s, o, op) => {
      if (op !== Py_EQ && op !== Py_NE) return Py_NotImplemented;
      if (!isTimeZone(o)) return Py_NotImplemented;
      return delta_richcompare((s as PyDateTime_TimeZone).offset, o.offset, op);
    },
  },
  methods: [
    { name: "tzname", meth: (s: PyVal, dt: PyVal) => { timezone_check_argument(dt, "tzname"); return PyUnicode_FromString(timezone_str_text(s as PyDateTime_TimeZone)); }, flags: METH_O, doc: "If name is specified when timezone is created, returns the name.  Otherwise returns offset as 'UTC(+|-)HH:MM'." },
    { name: "utcoffset", meth: (s: PyVal, dt: PyVal) => { timezone_check_argument(dt, "utcoffset"); return (s as PyDateTime_TimeZone).offset; }, flags: METH_O, doc: "Return fixed offset." },
    { name: "dst", meth: (_s: PyVal, dt: PyVal) => { timezone_check_argument(dt, "dst"); return Py_None; }, flags: METH_O, doc: "Return None." },
    { name: "fromutc", meth: (s: PyVal, dt: PyVal) => {
      if (!isDateTime(dt)) return PyErr_Format(PyExc_TypeError, "fromutc: argument must be a datetime");
      if (dt.tzinfo !== s) return PyErr_Format(PyExc_ValueError, "fromutc: dt.tzinfo is not self");
      return add_datetime_timedelta(dt, (s as PyDateTime_TimeZone).offset, 1);
    }, flags: METH_O, doc: "datetime in UTC -> datetime in local time." },
    { name: "__getinitargs__", meth: (s: PyVal) => {
      const tz = s as PyDateTime_TimeZone;
      return tz.name === null ? PyTuple_New([tz.offset]) : PyTuple_New([tz.offset, tz.name]);
    }, flags: METH_NOARGS, doc: "pickle support" },
  ],
}, PyDateTime_TimeZoneType);

// ---- time ----

const TIME_KWS = ["hour", "minute", "second", "microsecond", "tzinfo", "fold"] as const;

function time_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const npos = args.length - (kwnames === null ? 0 : kwnames.length);
  if (npos >= 1 && npos <= 2 && kwnames === null) {
    const st = args[0];
    let b: ArrayLike<number> | null = null;
    if (st instanceof PyBytesObject && st.ob_bytes.length === 6 && (st.ob_bytes[0] & 0x7f) < 24) b = st.ob_bytes;
    else if (PyUnicode_Check(st)) {
      const s = (st as PyUnicodeObject).value;
      if (s.length === 6 && (s.charCodeAt(0) & 0x7f) < 24) b = latin1State(s, "time");
    }
    if (b !== null) {
      const tzinfo = npos === 2 ? args[1] : Py_None;
      if (tzinfo !== Py_None && !isTZInfo(tzinfo)) return PyErr_Format(PyExc_TypeError, "bad tzinfo state arg");
      return new PyDateTime_Time(type, b[0] & 0x7f, b[1], b[2], (b[3] << 16) | (b[4] << 8) | b[5], tzinfo, b[0] & 0x80 ? 1 : 0);
    }
  }
  const v: PyVal[] = [0, 0, 0, 0, Py_None, 0];
  parseKw(null, args, kwnames, TIME_KWS, 0, 5, (i, x) => { v[i] = i === 4 ? x : asInt(x); });
  return new_time(v[0] as number, v[1] as number, v[2] as number, v[3] as number, v[4], v[5] as number, type);
}

const TIMESPECS = ["hours", "minutes", "seconds", "milliseconds", "microseconds"] as const;

function timespecIndex(spec: string | null, us: number): number {
  if (spec === null || spec === "auto") return us === 0 ? 2 : 4;
  const i = (TIMESPECS as readonly string[]).indexOf(spec);
  if (i < 0) return PyErr_Format(PyExc_ValueError, "Unknown timespec value");
  return i;
}

function format_time_part(h: number, m: number, s: number, us: number, spec: number): string {
  switch (spec) {
    case 0: return pad(h, 2);
    case 1: return `${pad(h, 2)}:${pad(m, 2)}`;
    case 2: return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`;
    case 3: return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(Math.floor(us / 1000), 3)}`;
    default: return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(us, 6)}`;
  }
}

function time_isoformat(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const t = self as PyDateTime_Time;
  const a = args.length === 0 ? args : parseKw("isoformat", args, kwnames, ["timespec"], 0);
  const spec = timespecIndex(a[0] === undefined ? null : strArg("isoformat", 1, a[0]), t.microsecond);
  let r = format_time_part(t.hour, t.minute, t.second, t.microsecond, spec);
  if (t.tzinfo !== Py_None) r += format_utcoffset(":", t.tzinfo, Py_None);
  return PyUnicode_FromString(r);
}

/** append_keyword_fold and append_keyword_tzinfo: datetime's repr puts fold first, time's puts tzinfo first. */
function appendFoldTz(base: string, fold: number, tzinfo: PyVal, tzFirst = false): string {
  const tz = (): void => { if (tzinfo !== Py_None) base = base.slice(0, -1) + `, tzinfo=${PyObject_Repr(tzinfo).value})`; };
  if (tzFirst) tz();
  if (fold) base = base.slice(0, -1) + ", fold=1)";
  if (!tzFirst) tz();
  return base;
}

function time_repr(self: PyVal): PyUnicodeObject {
  const t = self as PyDateTime_Time;
  const tn = typeName(self);
  let r: string;
  if (t.microsecond) r = `${tn}(${t.hour}, ${t.minute}, ${t.second}, ${t.microsecond})`;
  else if (t.second) r = `${tn}(${t.hour}, ${t.minute}, ${t.second})`;
  else r = `${tn}(${t.hour}, ${t.minute})`;
  return PyUnicode_FromString(appendFoldTz(r, t.fold, t.tzinfo, true));
}

function time_utcoffset_of(t: PyDateTime_Time): PyVal { return call_utcoffset(t.tzinfo, Py_None); }

function time_richcompare(self: PyVal, other: PyVal, op: number): PyVal {
  if (!isTime(other)) return Py_NotImplemented;
  const a = self as PyDateTime_Time;
  const raw = (): number => a.hour - other.hour || a.minute - other.minute || a.second - other.second || a.microsecond - other.microsecond;
  if (a.tzinfo === other.tzinfo) return diff_to_bool(raw(), op);
  const o1 = time_utcoffset_of(a), o2 = time_utcoffset_of(other);
  if (o1 === o2 || (isDelta(o1) && isDelta(o2) && delta_cmp(o1, o2) === 0)) return diff_to_bool(raw(), op);
  if (o1 !== Py_None && o2 !== Py_None) {
    const d1 = o1 as PyDateTime_Delta, d2 = o2 as PyDateTime_Delta;
    const s1 = a.hour * 3600 + a.minute * 60 + a.second - d1.days * 86400 - d1.seconds;
    const s2 = other.hour * 3600 + other.minute * 60 + other.second - d2.days * 86400 - d2.seconds;
    let diff = s1 - s2;
    if (diff === 0) diff = a.microsecond - other.microsecond;
    return diff_to_bool(diff, op);
  }
  if (op === Py_EQ) return Py_False;
  if (op === Py_NE) return Py_True;
  return PyErr_Format(PyExc_TypeError, "can't compare offset-naive and offset-aware times");
}

function time_hash(self: PyVal): number {
  const t = self as PyDateTime_Time;
  if (!t.hashed) {
    const self0 = t.fold ? new PyDateTime_Time(Py_TYPE(t), t.hour, t.minute, t.second, t.microsecond, t.tzinfo, 0) : t;
    const offset = time_utcoffset_of(self0);
    if (offset === Py_None) {
      _Py_HashBytes(new Uint8Array([t.hour, t.minute, t.second, t.microsecond >> 16, (t.microsecond >> 8) & 0xff, t.microsecond & 0xff]));
      t.hashLo = hashOut[0]; t.hashHi = hashOut[1];
    } else {
      const temp = delta_subtract(new_delta(0, t.hour * 3600 + t.minute * 60 + t.second, t.microsecond, true), offset);
      t.hashLo = PyObject_Hash(temp); t.hashHi = Py_HashHi[0];
    }
    t.hashed = true;
  }
  Py_HashHi[0] = t.hashHi;
  return t.hashLo;
}

function time_replace(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const t = self as PyDateTime_Time;
  const a = parseKw("replace", args, kwnames, TIME_KWS, 0, 5);
  const h = optIntC(a[0], t.hour), m = optIntC(a[1], t.minute), sec = optIntC(a[2], t.second);
  const us = optIntC(a[3], t.microsecond), fold = optIntC(a[5], t.fold);
  if (fold !== 0 && fold !== 1) return PyErr_Format(PyExc_ValueError, "fold must be either 0 or 1");
  return new_time_subclass_fold_ex(h, m, sec, us, a[4] === undefined ? t.tzinfo : a[4], fold, Py_TYPE(self));
}

function time_fromisoformat(cls: PyVal, s: PyVal): PyVal {
  if (!PyUnicode_Check(s)) return PyErr_Format(PyExc_TypeError, "fromisoformat: argument must be str");
  const b = utf8OrNull((s as PyUnicodeObject).value);
  if (b === null) return invalidIso(s);
  const out = [0, 0, 0, 0, 0, 0];
  const rv = parse_isoformat_time(b, at(b, 0) === 84 ? 1 : 0, out);
  if (rv < 0) return invalidIso(s);
  const tzinfo = tzinfo_from_isoformat_results(rv, out[4], out[5]);
  if (cls === PyDateTime_TimeType) return new_time(out[0], out[1], out[2], out[3], tzinfo, 0);
  return PyObject_Vectorcall(cls, [out[0], out[1], out[2], out[3], tzinfo], null);
}

function time_getstate(t: PyDateTime_Time, proto: number): PyVal {
  const hour = proto > 3 && t.fold ? t.hour | 0x80 : t.hour;
  const b = PyBytes_FromArray(new Uint8Array([hour, t.minute, t.second, t.microsecond >> 16, (t.microsecond >> 8) & 0xff, t.microsecond & 0xff]));
  return t.tzinfo === Py_None ? PyTuple_New([b]) : PyTuple_New([b, t.tzinfo]);
}

function time_strftime(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const t = self as PyDateTime_Time;
  const a = parseKw("strftime", args, kwnames, ["format"], 1);
  const fmt = strArg("strftime", 1, a[0]!);
  const tuple = PyTuple_New([1900, 1, 1, t.hour, t.minute, t.second, 0, 1, -1]);
  return wrap_strftime(self, fmt, tuple, Py_None);
}

/** __reduce_ex__'s "i:__reduce_ex__" parsing (METH_VARARGS in CPython). */
function protoArg(args: readonly PyVal[]): number {
  exactArgs("__reduce_ex__", args, 1);
  return asInt(args[0]);
}

PyType_FromSpecStatic({
  name: "datetime.time",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\nAll arguments are optional. tzinfo may be None, or an instance of\na tzinfo subclass. The remaining arguments may be ints.\n",
  slots: {
    tp_new: time_new, tp_repr: time_repr, tp_str: (s) => PyObject_CallMethod(s, "isoformat", []) as PyUnicodeObject,
    tp_hash: time_hash, tp_richcompare: time_richcompare,
  },
  methods: [
    { name: "isoformat", meth: time_isoformat, flags: METH_FASTCALL | METH_KEYWORDS, doc: "Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\n\nThe optional argument timespec specifies the number of additional terms\nof the time to include. Valid options are 'auto', 'hours', 'minutes',\n'seconds', 'milliseconds' and 'microseconds'.\n" },
    { name: "strftime", meth: time_strftime, flags: METH_FASTCALL | METH_KEYWORDS, doc: "format -> strftime() style string." },
    { name: "__format__", meth: date_format, flags: METH_FASTCALL, doc: "Formats self with strftime." },
    { name: "utcoffset", meth: (s: PyVal) => time_utcoffset_of(s as PyDateTime_Time), flags: METH_NOARGS, doc: "Return self.tzinfo.utcoffset(self)." },
    { name: "tzname", meth: (s: PyVal) => call_tzname((s as PyDateTime_Time).tzinfo, Py_None), flags: METH_NOARGS, doc: "Return self.tzinfo.tzname(self)." },
    { name: "dst", meth: (s: PyVal) => call_dst((s as PyDateTime_Time).tzinfo, Py_None), flags: METH_NOARGS, doc: "Return self.tzinfo.dst(self)." },
    { name: "replace", meth: time_replace, flags: METH_FASTCALL | METH_KEYWORDS, doc: "Return time with new specified fields." },
    { name: "__replace__", meth: time_replace, flags: METH_FASTCALL | METH_KEYWORDS, doc: "The same as replace()." },
    { name: "fromisoformat", meth: time_fromisoformat, flags: METH_O | METH_CLASS, doc: "string -> time from a string in ISO 8601 format" },
    { name: "__reduce_ex__", meth: (s: PyVal, a: readonly PyVal[]) => PyTuple_New([Py_TYPE(s), time_getstate(s as PyDateTime_Time, protoArg(a))]), flags: METH_FASTCALL, doc: "__reduce_ex__(proto) -> (cls, state)" },
    { name: "__reduce__", meth: (s: PyVal) => PyTuple_New([Py_TYPE(s), time_getstate(s as PyDateTime_Time, 2)]), flags: METH_NOARGS, doc: "__reduce__() -> (cls, state)" },
  ],
  getset: [
    { name: "hour", get: (s) => (s as PyDateTime_Time).hour },
    { name: "minute", get: (s) => (s as PyDateTime_Time).minute },
    { name: "second", get: (s) => (s as PyDateTime_Time).second },
    { name: "microsecond", get: (s) => (s as PyDateTime_Time).microsecond },
    { name: "tzinfo", get: (s) => (s as PyDateTime_Time).tzinfo },
    { name: "fold", get: (s) => (s as PyDateTime_Time).fold },
  ],
}, PyDateTime_TimeType);

// ---- datetime ----

const DATETIME_KWS = ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"] as const;

function datetime_new(type: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const npos = args.length - (kwnames === null ? 0 : kwnames.length);
  if (npos >= 1 && npos <= 2 && kwnames === null) {
    const st = args[0];
    let b: ArrayLike<number> | null = null;
    if (st instanceof PyBytesObject && st.ob_bytes.length === 10 && (st.ob_bytes[2] & 0x7f) >= 1 && (st.ob_bytes[2] & 0x7f) <= 12) b = st.ob_bytes;
    else if (PyUnicode_Check(st)) {
      const s = (st as PyUnicodeObject).value;
      if (s.length === 10 && (s.charCodeAt(2) & 0x7f) >= 1 && (s.charCodeAt(2) & 0x7f) <= 12) b = latin1State(s, "datetime");
    }
    if (b !== null) {
      const tzinfo = npos === 2 ? args[1] : Py_None;
      if (tzinfo !== Py_None && !isTZInfo(tzinfo)) return PyErr_Format(PyExc_TypeError, "bad tzinfo state arg");
      return new PyDateTime_DateTime(type, (b[0] << 8) | b[1], b[2] & 0x7f, b[3], b[4], b[5], b[6],
        (b[7] << 16) | (b[8] << 8) | b[9], tzinfo, b[2] & 0x80 ? 1 : 0);
    }
  }
  if (kwnames === null && args.length >= 3 && args.length <= 7) {
    let ok = true;
    for (let i = 0; i < args.length; i++) {
      const x = args[i];
      if (typeof x !== "number" || (x | 0) !== x) { ok = false; break; }
    }
    if (ok) {
      const n = args.length;
      return new_datetime(args[0] as number, args[1] as number, args[2] as number, n > 3 ? args[3] as number : 0,
        n > 4 ? args[4] as number : 0, n > 5 ? args[5] as number : 0, n > 6 ? args[6] as number : 0, Py_None, 0, type);
    }
  }
  const v: PyVal[] = [0, 0, 0, 0, 0, 0, 0, Py_None, 0];
  parseKw(null, args, kwnames, DATETIME_KWS, 3, 8, (i, x) => { v[i] = i === 7 ? x : asInt(x); });
  return new_datetime(v[0] as number, v[1] as number, v[2] as number, v[3] as number, v[4] as number, v[5] as number,
    v[6] as number, v[7], v[8] as number, type);
}

function datetime_repr(self: PyVal): PyUnicodeObject {
  const d = self as PyDateTime_DateTime;
  const tn = typeName(self);
  let r: string;
  if (d.microsecond) r = `${tn}(${d.year}, ${d.month}, ${d.day}, ${d.hour}, ${d.minute}, ${d.second}, ${d.microsecond})`;
  else if (d.second) r = `${tn}(${d.year}, ${d.month}, ${d.day}, ${d.hour}, ${d.minute}, ${d.second})`;
  else r = `${tn}(${d.year}, ${d.month}, ${d.day}, ${d.hour}, ${d.minute})`;
  return PyUnicode_FromString(appendFoldTz(r, d.fold, d.tzinfo));
}

function datetime_isoformat_text(d: PyDateTime_DateTime, sep: string, spec: number): string {
  let r = `${date_isoformat_text(d)}${sep}${format_time_part(d.hour, d.minute, d.second, d.microsecond, spec)}`;
  if (d.tzinfo !== Py_None) r += format_utcoffset(":", d.tzinfo, d);
  return r;
}

function datetime_isoformat(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const d = self as PyDateTime_DateTime;
  const a = args.length === 0 ? args : parseKw("isoformat", args, kwnames, ["sep", "timespec"], 0);
  let sep = "T";
  if (a[0] !== undefined) {
    const v = a[0];
    if (!PyUnicode_Check(v)) return argType("isoformat", 1, "a unicode character", v);
    const s = (v as PyUnicodeObject).value;
    if ([...s].length !== 1) return argType("isoformat", 1, "a unicode character", v);
    sep = s;
  }
  const spec = timespecIndex(a[1] === undefined ? null : strArg("isoformat", 2, a[1]), d.microsecond);
  return PyUnicode_FromString(datetime_isoformat_text(d, sep, spec));
}

function datetime_utcoffset_of(d: PyDateTime_DateTime): PyVal { return call_utcoffset(d.tzinfo, d); }

function rawCmpDT(a: PyDateTime_DateTime, b: PyDateTime_DateTime): number {
  return a.year - b.year || a.month - b.month || a.day - b.day || a.hour - b.hour || a.minute - b.minute
    || a.second - b.second || a.microsecond - b.microsecond;
}

/** A copy with the other fold, of the same type but made without calling it (new_datetime_ex2). */
function flipFold(d: PyDateTime_DateTime): PyDateTime_DateTime {
  return new PyDateTime_DateTime(Py_TYPE(d), d.year, d.month, d.day, d.hour, d.minute, d.second,
    d.microsecond, d.tzinfo, d.fold ? 0 : 1);
}

function pep495_eq_exception(a: PyDateTime_DateTime, b: PyDateTime_DateTime, oa: PyVal, ob: PyVal): boolean {
  const fa = datetime_utcoffset_of(flipFold(a));
  if (fa !== oa && isDelta(fa) && isDelta(oa) && delta_cmp(fa, oa) !== 0) return true;
  const fb = datetime_utcoffset_of(flipFold(b));
  return fb !== ob && isDelta(fb) && isDelta(ob) && delta_cmp(fb, ob) !== 0;
}

function datetime_richcompare(self: PyVal, other: PyVal, op: number): PyVal {
  if (!isDateTime(other)) return Py_NotImplemented;
  const a = self as PyDateTime_DateTime;
  if (a.tzinfo === other.tzinfo) return diff_to_bool(rawCmpDT(a, other), op);
  const o1 = datetime_utcoffset_of(a), o2 = datetime_utcoffset_of(other);
  if (o1 === o2 || (isDelta(o1) && isDelta(o2) && delta_cmp(o1, o2) === 0)) {
    let diff = rawCmpDT(a, other);
    if ((op === Py_EQ || op === Py_NE) && diff === 0 && pep495_eq_exception(a, other, o1, o2)) diff = 1;
    return diff_to_bool(diff, op);
  }
  if (o1 !== Py_None && o2 !== Py_None) {
    const delta = datetime_subtract(a, other) as PyDateTime_Delta;
    let diff = delta.days;
    if (diff === 0) diff = delta.seconds | delta.microseconds;
    if ((op === Py_EQ || op === Py_NE) && diff === 0 && pep495_eq_exception(a, other, o1, o2)) diff = 1;
    return diff_to_bool(diff, op);
  }
  if (op === Py_EQ) return Py_False;
  if (op === Py_NE) return Py_True;
  return PyErr_Format(PyExc_TypeError, "can't compare offset-naive and offset-aware datetimes");
}

function datetime_hash(self: PyVal): number {
  const d = self as PyDateTime_DateTime;
  if (!d.hashed) {
    const self0 = d.fold ? flipFold(d) : d;
    const offset = datetime_utcoffset_of(self0);
    if (offset === Py_None) {
      _Py_HashBytes(new Uint8Array([d.year >> 8, d.year & 0xff, d.month, d.day, d.hour, d.minute, d.second,
        d.microsecond >> 16, (d.microsecond >> 8) & 0xff, d.microsecond & 0xff]));
      d.hashLo = hashOut[0]; d.hashHi = hashOut[1];
    } else {
      const temp1 = new_delta(ymd_to_ord(d.year, d.month, d.day), d.hour * 3600 + d.minute * 60 + d.second, d.microsecond, true);
      d.hashLo = PyObject_Hash(delta_subtract(temp1, offset)); d.hashHi = Py_HashHi[0];
    }
    d.hashed = true;
  }
  Py_HashHi[0] = d.hashHi;
  return d.hashLo;
}

/** add_datetime_timedelta: normalize_datetime then a datetime of the same class (fold 0). */
function add_datetime_timedelta(d: PyDateTime_DateTime, delta: PyDateTime_Delta, factor: number): PyVal {
  let us = d.microsecond + delta.microseconds * factor;
  let s = d.second + delta.seconds * factor;
  let days = delta.days * factor;
  let mi = d.minute, h = d.hour;
  if (us < 0 || us >= 1000000) { const q = fdiv(us, 1000000); s += q; us -= q * 1000000; }
  if (s < 0 || s >= 60) { const q = fdiv(s, 60); mi += q; s -= q * 60; }
  if (mi < 0 || mi >= 60) { const q = fdiv(mi, 60); h += q; mi -= q * 60; }
  if (h < 0 || h >= 24) { const q = fdiv(h, 24); days += q; h -= q * 24; }
  const [y, m, dd] = shiftDate(d.year, d.month, d.day, days);
  return new_datetime_subclass_fold_ex(y, m, dd, h, mi, s, us, d.tzinfo, 0, Py_TYPE(d));
}

function datetime_add(l: PyVal, r: PyVal): PyVal {
  if (isDateTime(l)) {
    if (isDelta(r)) return add_datetime_timedelta(l, r, 1);
  } else if (isDelta(l) && isDateTime(r)) {
    return add_datetime_timedelta(r, l, 1);
  }
  return Py_NotImplemented;
}

function datetime_subtract(l: PyVal, r: PyVal): PyVal {
  if (!isDateTime(l)) return Py_NotImplemented;
  if (isDateTime(r)) {
    let o1: PyVal = Py_None, o2: PyVal = Py_None;
    if (l.tzinfo !== r.tzinfo) {
      o1 = datetime_utcoffset_of(l);
      o2 = datetime_utcoffset_of(r);
      if ((o1 !== Py_None) !== (o2 !== Py_None)) {
        return PyErr_Format(PyExc_TypeError, "can't subtract offset-naive and offset-aware datetimes");
      }
    }
    let offdiff: PyVal | null = null;
    if (o1 !== o2 && delta_cmp(o1 as PyDateTime_Delta, o2 as PyDateTime_Delta) !== 0) offdiff = delta_subtract(o1, o2);
    const dd = ymd_to_ord(l.year, l.month, l.day) - ymd_to_ord(r.year, r.month, r.day);
    const ds = (l.hour - r.hour) * 3600 + (l.minute - r.minute) * 60 + (l.second - r.second);
    let result: PyVal = new_delta(dd, ds, l.microsecond - r.microsecond, true);
    if (offdiff !== null) result = delta_subtract(result, offdiff);
    return result;
  }
  if (isDelta(r)) return add_datetime_timedelta(l, r, -1);
  return Py_NotImplemented;
}

function datetime_timetuple(self: PyVal): PyVal {
  const d = self as PyDateTime_DateTime;
  let dstflag = -1;
  if (d.tzinfo !== Py_None) {
    const dst = call_dst(d.tzinfo, d);
    if (dst !== Py_None) {
      const x = dst as PyDateTime_Delta;
      dstflag = x.days !== 0 || x.seconds !== 0 || x.microseconds !== 0 ? 1 : 0;
    }
  }
  return build_struct_time(d.year, d.month, d.day, d.hour, d.minute, d.second, dstflag);
}

function datetime_utctimetuple(self: PyVal): PyVal {
  let d = self as PyDateTime_DateTime;
  if (d.tzinfo !== Py_None) {
    const off = datetime_utcoffset_of(d);
    if (off !== Py_None) d = add_datetime_timedelta(d, off as PyDateTime_Delta, -1) as PyDateTime_DateTime;
  }
  return build_struct_time(d.year, d.month, d.day, d.hour, d.minute, d.second, 0);
}

function datetime_timestamp(self: PyVal): PyVal {
  const d = self as PyDateTime_DateTime;
  if (d.tzinfo !== Py_None) {
    return delta_total_seconds(datetime_subtract(d, epochDT()));
  }
  const seconds = local_to_seconds(d.year, d.month, d.day, d.hour, d.minute, d.second, d.fold);
  return PyFloat_FromDouble(seconds - EPOCH_SECONDS + d.microsecond / 1e6);
}

let epoch: PyDateTime_DateTime | null = null;
_PyGC_AddRoot("_datetime", () => [timeModule, epoch]);
function epochDT(): PyDateTime_DateTime {
  if (epoch === null) epoch = new PyDateTime_DateTime(PyDateTime_DateTimeType, 1970, 1, 1, 0, 0, 0, 0, utc_timezone, 0);
  return epoch;
}

function local_timezone_from_local(d: PyDateTime_DateTime): PyVal {
  let seconds = local_to_seconds(d.year, d.month, d.day, d.hour, d.minute, d.second, d.fold);
  // In a gap or a fold the other fold's solution may be the one whose offset applies.
  const seconds2 = local_to_seconds(d.year, d.month, d.day, d.hour, d.minute, d.second, d.fold ? 0 : 1);
  if (seconds2 !== seconds && (seconds2 > seconds) === (d.fold === 1)) seconds = seconds2;
  return local_timezone_from_timestamp(seconds - EPOCH_SECONDS);
}

function datetime_astimezone(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const d = self as PyDateTime_DateTime;
  const a = parseKw("astimezone", args, kwnames, ["tz"], 0);
  const tzinfo = tzinfoOrNone(a[0]);
  check_tzinfo_subclass(tzinfo);
  let self_tzinfo = d.tzinfo === Py_None ? local_timezone_from_local(d) : d.tzinfo;
  if (self_tzinfo === tzinfo) return self;
  let offset = call_utcoffset(self_tzinfo, d);
  if (offset === Py_None) {
    self_tzinfo = local_timezone_from_local(d);
    offset = call_utcoffset(self_tzinfo, d);
  }
  const r0 = add_datetime_timedelta(d, offset as PyDateTime_Delta, -1) as PyDateTime_DateTime;
  const result = new PyDateTime_DateTime(Py_TYPE(r0), r0.year, r0.month, r0.day, r0.hour, r0.minute, r0.second,
    r0.microsecond, utc_timezone, r0.fold);
  if (tzinfo === Py_None) {
    const ltz = local_timezone(result);
    result.tzinfo = ltz;
    return PyObject_CallMethod(ltz, "fromutc", [result]);
  }
  result.tzinfo = tzinfo;
  return PyObject_CallMethod(tzinfo, "fromutc", [result]);
}

function local_timezone(utc: PyDateTime_DateTime): PyVal {
  const delta = datetime_subtract(utc, epochDT()) as PyDateTime_Delta;
  const us = delta_to_microseconds(delta);
  return local_timezone_from_timestamp(Number(bigFloorDiv(us, 1000000n)));
}

function datetime_replace(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const d = self as PyDateTime_DateTime;
  const a = parseKw("replace", args, kwnames, DATETIME_KWS, 0, 8);
  const y = optIntC(a[0], d.year), mo = optIntC(a[1], d.month), dd = optIntC(a[2], d.day), h = optIntC(a[3], d.hour);
  const mi = optIntC(a[4], d.minute), s = optIntC(a[5], d.second), us = optIntC(a[6], d.microsecond);
  const fold = optIntC(a[8], d.fold);
  if (fold !== 0 && fold !== 1) return PyErr_Format(PyExc_ValueError, "fold must be either 0 or 1");
  return new_datetime_subclass_fold_ex(y, mo, dd, h, mi, s, us, a[7] === undefined ? d.tzinfo : a[7], fold, Py_TYPE(self));
}

function datetime_getstate(d: PyDateTime_DateTime, proto: number): PyVal {
  const month = proto > 3 && d.fold ? d.month | 0x80 : d.month;
  const b = PyBytes_FromArray(new Uint8Array([d.year >> 8, d.year & 0xff, month, d.day, d.hour, d.minute, d.second,
    d.microsecond >> 16, (d.microsecond >> 8) & 0xff, d.microsecond & 0xff]));
  return d.tzinfo === Py_None ? PyTuple_New([b]) : PyTuple_New([b, d.tzinfo]);
}

function datetime_fromtimestamp(cls: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const a = parseKw("fromtimestamp", args, kwnames, ["timestamp", "tz"], 1);
  const tzinfo = tzinfoOrNone(a[1]);
  check_tzinfo_subclass(tzinfo);
  const self = datetime_from_timestamp(cls, tzinfo === Py_None, a[0]!, tzinfo);
  if (tzinfo !== Py_None) return PyObject_CallMethod(tzinfo, "fromutc", [self]);
  return self;
}

/** PyErr_WarnEx(DeprecationWarning, msg, 1) through warnings.warn, so warnings.showwarning and filters apply. */
function warnDeprecated(msg: PyVal): void {
  PyObject_CallMethod(PyImport_ImportModule("warnings"), "warn", [msg, PyExc_DeprecationWarning, 1]);
}

function datetime_utcfromtimestamp(cls: PyVal, args: readonly PyVal[]): PyVal {
  exactArgs("utcfromtimestamp", args, 1);
  const ts = args[0];
  warnDeprecated(PyUnicode_FromString("datetime.datetime.utcfromtimestamp() is deprecated and scheduled for removal in a future version. Use timezone-aware objects to represent datetimes in UTC: datetime.datetime.fromtimestamp(timestamp, datetime.UTC)."));
  return datetime_from_timestamp(cls, false, ts, Py_None);
}

function datetime_now(cls: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const a = parseKw("now", args, kwnames, ["tz"], 0);
  const tzinfo = tzinfoOrNone(a[0]);
  check_tzinfo_subclass(tzinfo);
  const [s, us] = nowTimeval();
  const self = datetime_from_timet_and_us(cls, tzinfo === Py_None, s, us, tzinfo);
  if (tzinfo !== Py_None) return PyObject_CallMethod(tzinfo, "fromutc", [self]);
  return self;
}

function datetime_utcnow(cls: PyVal): PyVal {
  warnDeprecated(PyUnicode_FromString("datetime.datetime.utcnow() is deprecated and scheduled for removal in a future version. Use timezone-aware objects to represent datetimes in UTC: datetime.datetime.now(datetime.UTC)."));
  const [s, us] = nowTimeval();
  return datetime_from_timet_and_us(cls, false, s, us, Py_None);
}

function datetime_combine(cls: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const a = parseKw("combine", args, kwnames, ["date", "time", "tzinfo"], 2, 3, (i, x) => {
    if (i === 0 && !isDate(x)) argType("combine", 1, "datetime.date", x);
    if (i === 1 && !isTime(x)) argType("combine", 2, "datetime.time", x);
  });
  const d = a[0] as PyDateTime_Date, t = a[1] as PyDateTime_Time;
  const tzinfo = a[2] === undefined ? t.tzinfo : a[2];
  return new_datetime_subclass_fold_ex(d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond, tzinfo, t.fold, cls);
}

function _sanitize_isoformat_str(s: string): string | null {
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xe000) { plain = false; break; }
  }
  if (plain) return s.length < 7 ? null : s;
  const cps = [...s];
  if (cps.length < 7) return null;
  for (const pos of [7, 8, 10]) {
    if (pos > cps.length) break;
    const c = pos < cps.length ? cps[pos].codePointAt(0)! : 0;
    if (c >= 0xd800 && c < 0xe000) {
      cps[pos] = "T";
      return cps.join("");
    }
  }
  return s;
}

function datetime_fromisoformat(cls: PyVal, s: PyVal): PyVal {
  if (!PyUnicode_Check(s)) return PyErr_Format(PyExc_TypeError, "fromisoformat: argument must be str");
  const clean = _sanitize_isoformat_str((s as PyUnicodeObject).value);
  if (clean === null) return invalidIso(s);
  const b = utf8OrNull(clean);
  if (b === null) return invalidIso(s);
  const len = isoLen;
  const sep = _find_isoformat_datetime_separator(b, len);
  if (sep < 0) return invalidIso(s);
  const date = [0, 0, 0];
  const out = [0, 0, 0, 0, 0, 0];
  let rv = parse_isoformat_date(b, sep, date);
  if (!rv && len > sep) {
    // The separator may be any character: skip its whole UTF-8 sequence.
    const lead = b[sep];
    const width = (lead & 0x80) === 0 ? 1 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf0) === 0xf0 ? 4 : 2;
    rv = parse_isoformat_time(b, sep + width, out);
  }
  if (rv < 0) return invalidIso(s);
  const tzinfo = tzinfo_from_isoformat_results(rv, out[4], out[5]);
  return new_datetime_subclass_fold_ex(date[0], date[1], date[2], out[0], out[1], out[2], out[3], tzinfo, 0, cls);
}

PyType_FromSpecStatic({
  name: "datetime.datetime",
  base: () => PyDateTime_DateType,
  flags: Py_TPFLAGS_BASETYPE,
  doc: "datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\nThe year, month and day arguments are required. tzinfo may be None, or an\ninstance of a tzinfo subclass. The remaining arguments may be ints.\n",
  slots: {
    tp_new: datetime_new, tp_repr: datetime_repr,
    tp_str: (s) => PyObject_CallMethod(s, "isoformat", [PyUnicode_FromString(" ")]) as PyUnicodeObject,
    tp_hash: datetime_hash, tp_richcompare: datetime_richcompare, nb_add: datetime_add, nb_subtract: datetime_subtract,
  },
  methods: [
    { name: "now", meth: datetime_now, flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS, doc: "Returns new datetime object representing current time local to tz.\n\n  tz\n    Timezone object.\n\nIf no tz is specified, uses local timezone." },
    { name: "utcnow", meth: datetime_utcnow, flags: METH_NOARGS | METH_CLASS, doc: "Return a new datetime representing UTC day and time." },
    { name: "fromtimestamp", meth: datetime_fromtimestamp, flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS, doc: "timestamp[, tz] -> tz's local time from POSIX timestamp." },
    { name: "utcfromtimestamp", meth: datetime_utcfromtimestamp, flags: METH_FASTCALL | METH_CLASS, doc: "Construct a naive UTC datetime from a POSIX timestamp." },
    { name: "strptime", meth: strptime, flags: METH_FASTCALL | METH_CLASS, doc: "string, format -> new datetime parsed from a string (like time.strptime())." },
    { name: "combine", meth: datetime_combine, flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS, doc: "date, time -> datetime with same date and time fields" },
    { name: "fromisoformat", meth: datetime_fromisoformat, flags: METH_O | METH_CLASS, doc: "string -> datetime from a string in most ISO 8601 formats" },
    { name: "date", meth: (s: PyVal) => { const d = s as PyDateTime_DateTime; return new_date(d.year, d.month, d.day); }, flags: METH_NOARGS, doc: "Return date object with same year, month and day." },
    { name: "time", meth: (s: PyVal) => { const d = s as PyDateTime_DateTime; return new_time(d.hour, d.minute, d.second, d.microsecond, Py_None, d.fold); }, flags: METH_NOARGS, doc: "Return time object with same time but with tzinfo=None." },
    { name: "timetz", meth: (s: PyVal) => { const d = s as PyDateTime_DateTime; return new_time(d.hour, d.minute, d.second, d.microsecond, d.tzinfo, d.fold); }, flags: METH_NOARGS, doc: "Return time object with same time and tzinfo." },
    { name: "ctime", meth: (s: PyVal) => { const d = s as PyDateTime_DateTime; return PyUnicode_FromString(format_ctime(d, d.hour, d.minute, d.second)); }, flags: METH_NOARGS, doc: "Return ctime() style string." },
    { name: "timetuple", meth: datetime_timetuple, flags: METH_NOARGS, doc: "Return time tuple, compatible with time.localtime()." },
    { name: "timestamp", meth: datetime_timestamp, flags: METH_NOARGS, doc: "Return POSIX timestamp as float." },
    { name: "utctimetuple", meth: datetime_utctimetuple, flags: METH_NOARGS, doc: "Return UTC time tuple, compatible with time.localtime()." },
    { name: "isoformat", meth: datetime_isoformat, flags: METH_FASTCALL | METH_KEYWORDS, doc: "[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\nsep is used to separate the year from the time, and defaults to 'T'.\nThe optional argument timespec specifies the number of additional terms\nof the time to include. Valid options are 'auto', 'hours', 'minutes',\n'seconds', 'milliseconds' and 'microseconds'.\n" },
    { name: "utcoffset", meth: (s: PyVal) => datetime_utcoffset_of(s as PyDateTime_DateTime), flags: METH_NOARGS, doc: "Return self.tzinfo.utcoffset(self)." },
    { name: "tzname", meth: (s: PyVal) => call_tzname((s as PyDateTime_DateTime).tzinfo, s), flags: METH_NOARGS, doc: "Return self.tzinfo.tzname(self)." },
    { name: "dst", meth: (s: PyVal) => call_dst((s as PyDateTime_DateTime).tzinfo, s), flags: METH_NOARGS, doc: "Return self.tzinfo.dst(self)." },
    { name: "replace", meth: datetime_replace, flags: METH_FASTCALL | METH_KEYWORDS, doc: "Return datetime with new specified fields." },
    { name: "__replace__", meth: datetime_replace, flags: METH_FASTCALL | METH_KEYWORDS, doc: "The same as replace()." },
    { name: "astimezone", meth: datetime_astimezone, flags: METH_FASTCALL | METH_KEYWORDS, doc: "tz -> convert to local time in new timezone tz\n" },
    { name: "__reduce_ex__", meth: (s: PyVal, a: readonly PyVal[]) => PyTuple_New([Py_TYPE(s), datetime_getstate(s as PyDateTime_DateTime, protoArg(a))]), flags: METH_FASTCALL, doc: "__reduce_ex__(proto) -> (cls, state)" },
    { name: "__reduce__", meth: (s: PyVal) => PyTuple_New([Py_TYPE(s), datetime_getstate(s as PyDateTime_DateTime, 2)]), flags: METH_NOARGS, doc: "__reduce__() -> (cls, state)" },
  ],
  getset: [
    { name: "hour", get: (s) => (s as PyDateTime_DateTime).hour },
    { name: "minute", get: (s) => (s as PyDateTime_DateTime).minute },
    { name: "second", get: (s) => (s as PyDateTime_DateTime).second },
    { name: "microsecond", get: (s) => (s as PyDateTime_DateTime).microsecond },
    { name: "tzinfo", get: (s) => (s as PyDateTime_DateTime).tzinfo },
    { name: "fold", get: (s) => (s as PyDateTime_DateTime).fold },
  ],
}, PyDateTime_DateTimeType);

// ---- IsoCalendarDate ----

PyType_FromSpecStatic({
  name: "datetime.IsoCalendarDate",
  base: () => PyTuple_Type,
  doc: "The result of date.isocalendar() or datetime.isocalendar()\n\nThis object may be accessed either as a tuple of\n  ((year, week, weekday)\nor via the object attributes as named in the above tuple.",
  slots: {
    tp_new: (t, args, kwnames) => {
      const a = parseKw("IsoCalendarDate", args, kwnames, ["year", "week", "weekday"], 3);
      return new PyTupleObject(t, [asInt(a[0]!), asInt(a[1]!), asInt(a[2]!)]);
    },
    tp_repr: (s) => {
      const it = (s as PyTupleObject).ob_item;
      return PyUnicode_FromString(`${typeName(s)}(year=${PyObject_Repr(it[0]).value}, week=${PyObject_Repr(it[1]).value}, weekday=${PyObject_Repr(it[2]).value})`);
    },
  },
  methods: [
    { name: "__reduce__", meth: (s: PyVal) => PyTuple_New([PyTuple_Type, PyTuple_New([PyTuple_New((s as PyTupleObject).ob_item.slice())])]), flags: METH_NOARGS, doc: "__reduce__() -> (cls, state)" },
  ],
  getset: [
    { name: "year", get: (s) => (s as PyTupleObject).ob_item[0], doc: "year" },
    { name: "week", get: (s) => (s as PyTupleObject).ob_item[1], doc: "week" },
    { name: "weekday", get: (s) => (s as PyTupleObject).ob_item[2], doc: "weekday" },
  ],
}, PyDateTime_IsoCalendarDateType);

// ---- the module ----

/** PyDateTime_CAPI: the types, timezone.utc and the constructors, for other TypeScript modules (PyDateTime_IMPORT). */
export interface PyDateTime_CAPI {
  readonly DateType: PyTypeObject;
  readonly DateTimeType: PyTypeObject;
  readonly TimeType: PyTypeObject;
  readonly DeltaType: PyTypeObject;
  readonly TZInfoType: PyTypeObject;
  readonly TimeZone_UTC: PyVal;
  readonly Date_FromDate: (y: number, m: number, d: number, type: PyTypeObject) => PyVal;
  readonly DateTime_FromDateAndTimeAndFold: (y: number, mo: number, d: number, h: number, mi: number, s: number,
    us: number, tzinfo: PyVal, fold: number, type: PyTypeObject) => PyVal;
  readonly Time_FromTimeAndFold: (h: number, m: number, s: number, us: number, tzinfo: PyVal, fold: number, type: PyTypeObject) => PyVal;
  readonly Delta_FromDelta: (d: number, s: number, us: number, normalize: boolean, type: PyTypeObject) => PyVal;
  readonly TimeZone_FromTimeZone: (offset: PyVal, name: PyVal | null) => PyVal;
}

const datetime_CAPI: PyDateTime_CAPI = {
  DateType: PyDateTime_DateType, DateTimeType: PyDateTime_DateTimeType, TimeType: PyDateTime_TimeType,
  DeltaType: PyDateTime_DeltaType, TZInfoType: PyDateTime_TZInfoType, TimeZone_UTC: utc_timezone,
  Date_FromDate: new_date,
  DateTime_FromDateAndTimeAndFold: new_datetime,
  Time_FromTimeAndFold: new_time,
  Delta_FromDelta: new_delta,
  TimeZone_FromTimeZone: (offset, name) => {
    if (!isDelta(offset)) return PyErr_Format(PyExc_TypeError, "offset must be a timedelta");
    return new_timezone(offset, name);
  },
};

function setClassAttr(t: PyTypeObject, name: string, v: PyVal): void {
  PyDict_SetItem(t.tp_dict as PyDictObject, PyUnicode_InternFromString(name), v);
}

export const datetimemodule: PyModuleDef = {
  m_name: "_datetime",
  m_doc: "Fast implementation of the datetime module.",
  m_exec: (m) => {
    const D = PyDateTime_DeltaType;
    setClassAttr(D, "resolution", new_delta(0, 0, 1, false));
    setClassAttr(D, "min", new_delta(-MAX_DELTA_DAYS, 0, 0, false));
    setClassAttr(D, "max", new_delta(MAX_DELTA_DAYS, 24 * 3600 - 1, 1000000 - 1, false));
    setClassAttr(PyDateTime_DateType, "min", new_date(1, 1, 1));
    setClassAttr(PyDateTime_DateType, "max", new_date(MAXYEAR, 12, 31));
    setClassAttr(PyDateTime_DateType, "resolution", new_delta(1, 0, 0, false));
    setClassAttr(PyDateTime_TimeType, "min", new_time(0, 0, 0, 0, Py_None, 0));
    setClassAttr(PyDateTime_TimeType, "max", new_time(23, 59, 59, 999999, Py_None, 0));
    setClassAttr(PyDateTime_TimeType, "resolution", new_delta(0, 0, 1, false));
    setClassAttr(PyDateTime_DateTimeType, "min", new_datetime(1, 1, 1, 0, 0, 0, 0, Py_None, 0));
    setClassAttr(PyDateTime_DateTimeType, "max", new_datetime(MAXYEAR, 12, 31, 23, 59, 59, 999999, Py_None, 0));
    setClassAttr(PyDateTime_DateTimeType, "resolution", new_delta(0, 0, 1, false));
    setClassAttr(PyDateTime_IsoCalendarDateType, "__module__", PyUnicode_InternFromString("datetime"));
    setClassAttr(PyDateTime_TimeZoneType, "utc", utc_timezone);
    setClassAttr(PyDateTime_TimeZoneType, "min", create_timezone(new_delta(-1, 60, 0, true), null));
    setClassAttr(PyDateTime_TimeZoneType, "max", create_timezone(new_delta(0, (23 * 60 + 59) * 60, 0, true), null));
    PyModule_Add(m, "MINYEAR", MINYEAR);
    PyModule_Add(m, "MAXYEAR", MAXYEAR);
    PyModule_Add(m, "UTC", utc_timezone);
    PyModule_Add(m, "date", PyDateTime_DateType);
    PyModule_Add(m, "datetime", PyDateTime_DateTimeType);
    PyModule_Add(m, "time", PyDateTime_TimeType);
    PyModule_Add(m, "timedelta", PyDateTime_DeltaType);
    PyModule_Add(m, "tzinfo", PyDateTime_TZInfoType);
    PyModule_Add(m, "timezone", PyDateTime_TimeZoneType);
    PyModule_Add(m, "datetime_CAPI", PyCapsule_New(datetime_CAPI, "datetime.datetime_CAPI"));
  },
};
