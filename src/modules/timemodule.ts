// The time module (Modules/timemodule.c): clocks from the host, struct_time, and local time as CPython gets it from
// glibc: localtime/mktime/tzset by runtime/tzfile.ts (TZ from os.environ), glibc's strftime in the C locale, strptime
// through Lib/_strptime. See docs/modules.md (time).
import { Py_None, PyTypeObject, METH_NOARGS, METH_O, METH_FASTCALL, type PyVal, PyUnicodeObject } from "../objects/object.js";
import { PyFloat_FromDouble, PyFloat_Check, PyFloat_AsDouble } from "../objects/floatobject.js";
import { PyLong_FromBigInt, PyLong_Check, longValue } from "../objects/longobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyTuple_New, PyTuple_Check } from "../objects/tupleobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError, PyExc_OSError, PyExc_RuntimeError } from "../objects/exceptions.js";
import { PyNumber_Index, PyObject_SetAttr, PyObject_GetAttrStr, PyObject_Vectorcall } from "../objects/abstract.js";
import { PyStructSequence_NewType, PyStructSequence_New, PyStructSequence } from "../objects/structseq.js";
import { PyErr_Format, _PyErr_CreateException, _PyErr_ChainContext } from "../runtime/errors.js";
import { Tm, localtime_r, gmtime_r, mktime, tzset, glibcTzname } from "../runtime/tzfile.js";
import { unpackArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { currentHost, hostProc } from "../host/current.js";
import { PyImport_ImportModule } from "../runtime/import.js";
import { _PyThread_BeginWait, _PyThread_Wait } from "../vm/threads.js";
import { _PyNamespace_New } from "../objects/namespaceobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";

let StructTimeType: PyTypeObject | null = null;
function structTimeType(): PyTypeObject {
  if (StructTimeType === null) {
    StructTimeType = PyStructSequence_NewType({
      name: "time.struct_time",
      doc: "The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() and strftime().  May be considered as a\n sequence of 9 integers.",
      fields: ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
        "tm_zone", "tm_gmtoff"],
      n_in_sequence: 9,
    });
  }
  return StructTimeType;
}

// ---- struct tm <-> Python (tmtotuple, gettmarg, checktm) ----

/** _PyTime_localtime / _PyTime_gmtime: glibc's conversion, OSError(EOVERFLOW) when the year overflows an int. */
function convertTime(t: number | bigint, local: boolean): Tm {
  const tm = local ? localtime_r(t) : gmtime_r(t);
  if (tm === null) {
    const exc = _PyErr_CreateException(PyExc_OSError, [75, PyUnicode_FromString("Value too large for defined data type")]);
    _PyErr_ChainContext(exc);
    throw exc;
  }
  return tm;
}

/** tmtotuple: CPython adds 1900 to tm_year in C int arithmetic (it wraps for the largest years). */
function tmToPy(tm: Tm): PyVal {
  return PyStructSequence_New(structTimeType(), [(tm.tm_year + 1900) | 0, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
    tm.tm_min, tm.tm_sec, (tm.tm_wday + 6) % 7, tm.tm_yday + 1, tm.tm_isdst, PyUnicode_FromString(tm.tm_zone ?? ""),
    tm.tm_gmtoff]);
}

/** The "i" converter of PyArg_ParseTuple: a C int. */
function cInt(v: PyVal): number {
  if (PyFloat_Check(v)) return PyErr_Format(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
  const i = longValue(PyNumber_Index(v));
  const n = typeof i === "bigint" ? (i > 0x7fffffffn ? Infinity : i < -0x80000000n ? -Infinity : Number(i)) : i;
  if (n > 2147483647) return PyErr_Format(PyExc_OverflowError, "signed integer is greater than maximum");
  if (n < -2147483648) return PyErr_Format(PyExc_OverflowError, "signed integer is less than minimum");
  return n;
}

/** gettmarg: a struct_time or 9-tuple to struct tm (tm_zone and tm_gmtoff only from a struct_time). */
function gettmarg(v: PyVal, fname: string): Tm {
  if (!PyTuple_Check(v)) return PyErr_Format(PyExc_TypeError, "Tuple or struct_time argument required");
  if (v.ob_item.length !== 9) return PyErr_Format(PyExc_TypeError, `${fname}(): illegal time tuple argument`);
  const n = v.ob_item.map(cInt);
  if (n[0] < -2147483648 + 1900) return PyErr_Format(PyExc_OverflowError, "year out of range");
  const p = new Tm();
  p.tm_year = n[0] - 1900;
  p.tm_mon = n[1] - 1;
  p.tm_mday = n[2];
  p.tm_hour = n[3];
  p.tm_min = n[4];
  p.tm_sec = n[5];
  p.tm_wday = (n[6] + 1) % 7;
  p.tm_yday = n[7] - 1;
  p.tm_isdst = n[8];
  if (v instanceof PyStructSequence && v.ob_type === structTimeType()) {
    const z = v.extra[0];
    if (z !== undefined && z !== Py_None) {
      if (!PyUnicode_Check(z)) return PyErr_Format(PyExc_TypeError, `bad argument type for built-in operation`);
      p.tm_zone = z.value;
    }
    const g = v.extra[1];
    if (g !== undefined && g !== Py_None) p.tm_gmtoff = cLong(g);
  }
  return p;
}

function cLong(v: PyVal): number {
  const i = longValue(PyNumber_Index(v));
  if (typeof i === "bigint" && (i > 0x7fffffffffffffffn || i < -0x8000000000000000n)) {
    return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C long");
  }
  return Number(i);
}

/** checktm: the ranges strftime and asctime need (a 0 month, day or yday means the first). */
function checktm(buf: Tm): void {
  if (buf.tm_mon === -1) buf.tm_mon = 0;
  else if (buf.tm_mon < 0 || buf.tm_mon > 11) PyErr_Format(PyExc_ValueError, "month out of range");
  if (buf.tm_mday === 0) buf.tm_mday = 1;
  else if (buf.tm_mday < 0 || buf.tm_mday > 31) PyErr_Format(PyExc_ValueError, "day of month out of range");
  if (buf.tm_hour < 0 || buf.tm_hour > 23) PyErr_Format(PyExc_ValueError, "hour out of range");
  if (buf.tm_min < 0 || buf.tm_min > 59) PyErr_Format(PyExc_ValueError, "minute out of range");
  if (buf.tm_sec < 0 || buf.tm_sec > 61) PyErr_Format(PyExc_ValueError, "seconds out of range");
  if (buf.tm_wday < 0) PyErr_Format(PyExc_ValueError, "day of week out of range");
  if (buf.tm_yday === -1) buf.tm_yday = 0;
  else if (buf.tm_yday < 0 || buf.tm_yday > 365) PyErr_Format(PyExc_ValueError, "day of year out of range");
}

/** _PyTime_ObjectToTime_t (floor): a timestamp argument, or now; bigint beyond 2**53. */
function timeArg(v: PyVal | undefined): number | bigint {
  if (v === undefined || v === Py_None) return Number(currentHost().timeNs() / 1000000000n);
  if (PyFloat_Check(v)) {
    const f = PyFloat_AsDouble(v);
    if (Number.isNaN(f)) return PyErr_Format(PyExc_ValueError, "Invalid value NaN (not a number)");
    const i = Math.floor(f);
    if (!(i >= -9223372036854775808 && i < 9223372036854775808)) {
      return PyErr_Format(PyExc_OverflowError, "timestamp out of range for platform time_t");
    }
    return Number.isSafeInteger(i) ? i : BigInt(i);
  }
  const i = longValue(PyNumber_Index(v));
  if (typeof i === "number") return i;
  if (i > 0x7fffffffffffffffn || i < -0x8000000000000000n) {
    return PyErr_Format(PyExc_OverflowError, "timestamp out of range for platform time_t");
  }
  return i >= -9007199254740991n && i <= 9007199254740991n ? Number(i) : i;
}

// ---- asctime and strftime (glibc's time/strftime_l.c in the C locale) ----

const WDAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const WEEKDAY = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"] as const;

/** _asctime: "%s %s%3d %.2d:%.2d:%.2d %d". */
function asctime(tm: Tm): string {
  const d2 = (n: number): string => (n < 0 ? "-" + String(-n).padStart(2, "0") : String(n).padStart(2, "0"));
  return `${WDAY[tm.tm_wday]} ${MON[tm.tm_mon]}${String(tm.tm_mday).padStart(3, " ")} ${d2(tm.tm_hour)}:${d2(tm.tm_min)}:${d2(tm.tm_sec)} ${(1900 + tm.tm_year) | 0}`;
}

/** Raised when the output reaches strftime's buffer size (glibc then returns 0). */
class StrftimeFull extends Error {}

const ISO_WEEK_START_WDAY = 1;
const ISO_WEEK1_WDAY = 4;
const YDAY_MINIMUM = -366;

/** iso_week_days: days from the first day of the first ISO week of the year to yday. */
function iso_week_days(yday: number, wday: number): number {
  const big_enough_multiple_of_7 = (Math.trunc(-YDAY_MINIMUM / 7) + 2) * 7;
  return yday - ((yday - wday + ISO_WEEK1_WDAY + big_enough_multiple_of_7) % 7) + ISO_WEEK1_WDAY - ISO_WEEK_START_WDAY;
}

const isleapY = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** __strftime_internal over code points: flags _ - 0 ^ #, a width, the E and O modifiers, the C locale's texts.
 *  Throws StrftimeFull once the output reaches maxsize characters. */
function strftime_internal(fmt: readonly string[], tp: Tm, maxsize: number): string {
  let out = "";
  const room = (n: number): void => {
    if (out.length + n >= maxsize) throw new StrftimeFull();
  };
  let hour12 = tp.tm_hour;
  if (hour12 > 12) hour12 -= 12;
  else if (hour12 === 0) hour12 = 12;
  const zoneIn = tp.tm_zone;
  for (let f = 0; f < fmt.length; f++) {
    if (fmt[f] !== "%") {
      room(1);
      out += fmt[f];
      continue;
    }
    const start = f;
    let pad = "";
    let to_lowcase = false, to_uppcase = false, change_case = false;
    for (;;) {
      const c = fmt[++f];
      if (c === "_" || c === "-" || c === "0") pad = c;
      else if (c === "^") to_uppcase = true;
      else if (c === "#") change_case = true;
      else break;
    }
    let width = -1;
    if (isDigit(fmt[f])) {
      width = 0;
      do {
        width = Math.min(width * 10 + (fmt[f].charCodeAt(0) - 48), 2147483647);
        f++;
      } while (isDigit(fmt[f]));
    }
    let modifier = "";
    if (fmt[f] === "E" || fmt[f] === "O") modifier = fmt[f++];
    // add(): pad to the width (zeros with the 0 flag, else blanks), then the text, cased as asked.
    const add = (s: string): void => {
      const delta = width - s.length;
      room(s.length + (delta > 0 ? delta : 0));
      if (delta > 0) out += (pad === "0" ? "0" : " ").repeat(delta);
      out += to_lowcase ? s.toLowerCase() : to_uppcase ? s.toUpperCase() : s;
    };
    const subformat = (sub: string): void => {
      const inner = strftime_internal([...sub], tp, maxsize - out.length);
      const delta = width - inner.length;
      room(inner.length + (delta > 0 ? delta : 0));
      if (delta > 0) out += (pad === "0" ? "0" : " ").repeat(delta);
      out += to_uppcase ? inner.toUpperCase() : inner;
    };
    // do_number: digits at least `d` (or the width), '-' before zero padding, '_' pads with blanks.
    const number = (d: number, v: number, spacepad = false, negative_number = v < 0, text = String(Math.abs(v))): void => {
      if (spacepad && pad !== "0" && pad !== "-") pad = "_";
      const digits = d > width ? d : width;
      let buf = (negative_number ? "-" : "") + text;
      if (pad !== "-") {
        const padding = digits - buf.length;
        if (padding > 0) {
          if (pad === "_") {
            room(padding);
            out += " ".repeat(padding);
            width = width > padding ? width - padding : 0;
          } else {
            room(digits);
            if (negative_number) {
              buf = buf.slice(1);
              out += "-";
            }
            out += "0".repeat(padding);
            width = 0;
          }
        }
      }
      add(buf);
    };
    const bad_format = (): void => {
      add(fmt.slice(start, f + 1).join(""));
    };
    const fc = fmt[f];
    switch (fc) {
      case "%":
        if (modifier !== "") bad_format();
        else add("%");
        break;
      case "a":
      case "A":
        if (modifier !== "") { bad_format(); break; }
        if (change_case) { to_uppcase = true; to_lowcase = false; }
        add(fc === "a" ? WDAY[tp.tm_wday] ?? "?" : WEEKDAY[tp.tm_wday] ?? "?");
        break;
      case "b":
      case "h":
      case "B":
        if (change_case) { to_uppcase = true; to_lowcase = false; }
        if (modifier === "E") { bad_format(); break; }
        // %Ob, %OB: the alternative (nominative) month names, the same words in the C locale.
        add(fc === "B" ? MONTH[tp.tm_mon] ?? "?" : MON[tp.tm_mon] ?? "?");
        break;
      case "c":
        if (modifier === "O") { bad_format(); break; }
        subformat("%a %b %e %H:%M:%S %Y");
        break;
      case "C": {
        const year = tp.tm_year + 1900;
        number(1, Math.trunc(year / 100) - (year % 100 < 0 ? 1 : 0));
        break;
      }
      case "x":
        if (modifier === "O") { bad_format(); break; }
        subformat("%m/%d/%y");
        break;
      case "D":
        if (modifier !== "") { bad_format(); break; }
        subformat("%m/%d/%y");
        break;
      case "d":
        if (modifier === "E") { bad_format(); break; }
        number(2, tp.tm_mday);
        break;
      case "e":
        if (modifier === "E") { bad_format(); break; }
        number(2, tp.tm_mday, true);
        break;
      case "F":
        if (modifier !== "") { bad_format(); break; }
        subformat("%Y-%m-%d");
        break;
      case "H":
        if (modifier === "E") { bad_format(); break; }
        number(2, tp.tm_hour);
        break;
      case "I":
        if (modifier === "E") { bad_format(); break; }
        number(2, hour12);
        break;
      case "k":
        if (modifier === "E") { bad_format(); break; }
        number(2, tp.tm_hour, true);
        break;
      case "l":
        if (modifier === "E") { bad_format(); break; }
        number(2, hour12, true);
        break;
      case "j":
        if (modifier === "E") { bad_format(); break; }
        number(3, 1 + tp.tm_yday);
        break;
      case "M":
        if (modifier === "E") { bad_format(); break; }
        number(2, tp.tm_min);
        break;
      case "m":
        if (modifier === "E") { bad_format(); break; }
        number(2, tp.tm_mon + 1);
        break;
      case "n":
        add("\n");
        break;
      case "P":
      case "p":
        if (fc === "P") to_lowcase = true;
        if (change_case) { to_uppcase = false; to_lowcase = true; }
        add(tp.tm_hour > 11 ? "PM" : "AM");
        break;
      case "R":
        subformat("%H:%M");
        break;
      case "r":
        subformat("%I:%M:%S %p");
        break;
      case "S":
        if (modifier === "E") { bad_format(); break; }
        number(2, tp.tm_sec);
        break;
      case "s": {
        const ltm = tp.copy();
        const t = mktime(ltm) ?? -1;
        number(1, t, false, t < 0, String(Math.abs(t)));
        break;
      }
      case "X":
        if (modifier === "O") { bad_format(); break; }
        subformat("%H:%M:%S");
        break;
      case "T":
        subformat("%H:%M:%S");
        break;
      case "t":
        add("\t");
        break;
      case "u":
        number(1, ((tp.tm_wday - 1 + 7) % 7) + 1);
        break;
      case "U":
        if (modifier === "E") { bad_format(); break; }
        number(2, Math.trunc((tp.tm_yday - tp.tm_wday + 7) / 7));
        break;
      case "V":
      case "g":
      case "G": {
        if (modifier === "E") { bad_format(); break; }
        let year = tp.tm_year + 1900;
        let days = iso_week_days(tp.tm_yday, tp.tm_wday);
        if (days < 0) {
          // The ISO week belongs to the previous year.
          year--;
          days = iso_week_days(tp.tm_yday + (365 + (isleapY(year) ? 1 : 0)), tp.tm_wday);
        } else {
          const d = iso_week_days(tp.tm_yday - (365 + (isleapY(year) ? 1 : 0)), tp.tm_wday);
          if (d >= 0) {
            year++;
            days = d;
          }
        }
        if (fc === "g") number(2, ((year % 100) + 100) % 100);
        else if (fc === "G") number(1, year);
        else number(2, Math.trunc(days / 7) + 1);
        break;
      }
      case "W":
        if (modifier === "E") { bad_format(); break; }
        number(2, Math.trunc((tp.tm_yday - ((tp.tm_wday - 1 + 7) % 7) + 7) / 7));
        break;
      case "w":
        if (modifier === "E") { bad_format(); break; }
        number(1, tp.tm_wday);
        break;
      case "Y":
        if (modifier === "O") { bad_format(); break; }
        number(1, tp.tm_year + 1900);
        break;
      case "y":
        number(2, ((tp.tm_year % 100) + 100) % 100);
        break;
      case "Z": {
        if (change_case) { to_uppcase = false; to_lowcase = true; }
        let zone = zoneIn;
        if (!(zone !== null && zone !== "") && tp.tm_isdst >= 0) {
          // POSIX: local time zone information is used as though strftime called tzset.
          tzset();
          zone = tp.tm_isdst <= 1 ? glibcTzname()[tp.tm_isdst] : "?";
        }
        add(zone ?? "");
        break;
      }
      case "z": {
        if (tp.tm_isdst < 0) break;
        let diff = tp.tm_gmtoff;
        if (diff < 0) {
          add("-");
          diff = -diff;
        } else {
          add("+");
        }
        diff = Math.trunc(diff / 60);
        number(4, Math.trunc(diff / 60) * 100 + (diff % 60));
        break;
      }
      case undefined:
        // GNU: a % at the end of the format is copied.
        f--;
        bad_format();
        break;
      default:
        bad_format();
        break;
    }
  }
  return out;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c.length === 1 && c >= "0" && c <= "9";

/** time.strftime's buffer loop: glibc's output if it is shorter than the largest buffer tried (1024 doubled until
 *  256 times the format's length), else "" (also for an empty result). */
export function strftime(fmt: string, tm: Tm): string {
  const cps = [...fmt];
  let maxsize = 1024;
  while (maxsize < 256 * cps.length) maxsize *= 2;
  try {
    return strftime_internal(cps, tm, maxsize);
  } catch (e) {
    if (e instanceof StrftimeFull) return "";
    throw e;
  }
}

function time_strftime(_m: PyVal, args: PyVal[]): PyVal {
  const [fmt, t] = unpackArgs("strftime", args, 1, 2);
  if (!PyUnicode_Check(fmt!)) return PyErr_Format(PyExc_TypeError, `strftime() argument 1 must be str, not ${(fmt as { ob_type: { tp_name: string } }).ob_type.tp_name}`);
  let buf: Tm;
  if (t === undefined) {
    buf = convertTime(timeArg(undefined), true);
  } else {
    buf = gettmarg(t, "strftime");
    checktm(buf);
  }
  // Normalize tm_isdst to -1..1 for %Z.
  if (buf.tm_isdst < -1) buf.tm_isdst = -1;
  else if (buf.tm_isdst > 1) buf.tm_isdst = 1;
  const f = (fmt as PyUnicodeObject).value;
  if (f.includes("\0")) return PyErr_Format(PyExc_ValueError, "embedded null character");
  return PyUnicode_FromString(strftime(f, buf));
}

function time_mktime(_m: PyVal, t: PyVal): PyVal {
  const tm = gettmarg(t, "mktime");
  tm.tm_wday = -1;
  const tt = mktime(tm);
  if (tt === null) return PyErr_Format(PyExc_OverflowError, "mktime argument out of range");
  return PyFloat_FromDouble(tt);
}

function time_strptime(_m: PyVal, args: PyVal[]): PyVal {
  const mod = PyImport_ImportModule("_strptime");
  return PyObject_Vectorcall(PyObject_GetAttrStr(mod, "_strptime_time")!, args, null);
}

function nsNow(): bigint {
  return currentHost().timeNs();
}

function processNs(): bigint {
  const t = hostProc().times();
  return BigInt(Math.round((t.user + t.system) * 1e9));
}

function time_sleep(_m: PyVal, v: PyVal): PyVal {
  const w = _PyThread_BeginWait(null, time_sleep);
  let s: number;
  if (PyFloat_Check(v)) s = PyFloat_AsDouble(v);
  else if (PyLong_Check(v)) s = Number(longValue(v));
  else return PyErr_Format(PyExc_TypeError, `'${(v as { ob_type: { tp_name: string } }).ob_type.tp_name}' object cannot be interpreted as an integer or float`);
  if (Number.isNaN(s)) return PyErr_Format(PyExc_ValueError, "Invalid value NaN (not a number)");
  if (s < 0) return PyErr_Format(PyExc_ValueError, "sleep length must be non-negative");
  // Really waits (wall time), letting the other green threads run meanwhile (src/vm/threads.ts).
  _PyThread_Wait(w, () => false, s);
  return Py_None;
}

/** get_clock_info(name): what CPython reports on Linux (clock_gettime clocks, 1 ns resolution). */
function time_get_clock_info(_m: PyVal, v: PyVal): PyVal {
  const name = PyUnicode_Check(v) ? (v as PyUnicodeObject).value : "";
  const clocks: Record<string, [string, boolean, boolean]> = {
    time: ["CLOCK_REALTIME", false, true],
    monotonic: ["CLOCK_MONOTONIC", true, false],
    perf_counter: ["CLOCK_MONOTONIC", true, false],
    process_time: ["CLOCK_PROCESS_CPUTIME_ID", true, false],
    thread_time: ["CLOCK_THREAD_CPUTIME_ID", true, false],
  };
  if (!PyUnicode_Check(v)) return PyErr_Format(PyExc_TypeError, `get_clock_info() argument must be str, not ${(v as { ob_type: { tp_name: string } }).ob_type.tp_name}`);
  const c = Object.hasOwn(clocks, name) ? clocks[name] : undefined;
  if (c === undefined) return PyErr_Format(PyExc_ValueError, "unknown clock");
  return _PyNamespace_New([["implementation", PyUnicode_FromString(`clock_gettime(${c[0]})`)],
    ["monotonic", PyBool_FromLong(c[1])], ["adjustable", PyBool_FromLong(c[2])], ["resolution", PyFloat_FromDouble(1e-9)]]);
}

/** init_timezone (Linux: no tzname declaration, so from localtime): the offsets and names at the start of this year
 *  and half a year later; the smaller offset west is standard time unless the two are reversed (south). */
function init_timezone(m: PyVal): void {
  const YEAR = (365 * 24 + 6) * 3600;
  let t = Math.trunc(Number(currentHost().timeNs() / 1000000000n) / YEAR) * YEAR;
  const zone = (p: Tm): string => (p.tm_zone ?? "   ").slice(0, 9);
  let p = convertTime(t, true);
  const janname = zone(p), janzone = -p.tm_gmtoff;
  t += YEAR / 2;
  p = convertTime(t, true);
  const julyname = zone(p), julyzone = -p.tm_gmtoff;
  const MAX_TIMEZONE = 48 * 3600;
  if (janzone < -MAX_TIMEZONE || janzone > MAX_TIMEZONE || julyzone < -MAX_TIMEZONE || julyzone > MAX_TIMEZONE) {
    PyErr_Format(PyExc_RuntimeError, "invalid GMT offset");
  }
  const set = (k: string, v: PyVal): void => {
    PyObject_SetAttr(m, PyUnicode_FromString(k), v);
  };
  if (janzone < julyzone) {
    // DST is reversed in the southern hemisphere.
    set("timezone", julyzone);
    set("altzone", janzone);
    set("daylight", janzone !== julyzone ? 1 : 0);
    set("tzname", PyTuple_New([PyUnicode_FromString(julyname), PyUnicode_FromString(janname)]));
  } else {
    set("timezone", janzone);
    set("altzone", julyzone);
    set("daylight", janzone !== julyzone ? 1 : 0);
    set("tzname", PyTuple_New([PyUnicode_FromString(janname), PyUnicode_FromString(julyname)]));
  }
}

/** time.tzset: glibc's tzset (TZ from os.environ/os.putenv), then timezone, altzone, daylight and tzname again. */
function time_tzset(_m: PyVal): PyVal {
  const m = PyImport_ImportModule("time");
  tzset();
  init_timezone(m);
  return Py_None;
}

export const timemodule: PyModuleDef = {
  m_name: "time",
  m_doc: "This module provides various functions to manipulate time values.",
  m_methods: [
    { name: "time", meth: () => PyFloat_FromDouble(Number(nsNow()) / 1e9), flags: METH_NOARGS },
    { name: "time_ns", meth: () => PyLong_FromBigInt(nsNow()), flags: METH_NOARGS },
    { name: "monotonic", meth: () => PyFloat_FromDouble(Number(currentHost().monotonicNs()) / 1e9), flags: METH_NOARGS },
    { name: "monotonic_ns", meth: () => PyLong_FromBigInt(currentHost().monotonicNs()), flags: METH_NOARGS },
    { name: "perf_counter", meth: () => PyFloat_FromDouble(Number(currentHost().monotonicNs()) / 1e9), flags: METH_NOARGS },
    { name: "perf_counter_ns", meth: () => PyLong_FromBigInt(currentHost().monotonicNs()), flags: METH_NOARGS },
    { name: "process_time", meth: () => PyFloat_FromDouble(Number(processNs()) / 1e9), flags: METH_NOARGS },
    { name: "process_time_ns", meth: () => PyLong_FromBigInt(processNs()), flags: METH_NOARGS },
    { name: "thread_time", meth: () => PyFloat_FromDouble(Number(processNs()) / 1e9), flags: METH_NOARGS },
    { name: "thread_time_ns", meth: () => PyLong_FromBigInt(processNs()), flags: METH_NOARGS },
    { name: "sleep", meth: time_sleep, flags: METH_O },
    { name: "get_clock_info", meth: time_get_clock_info, flags: METH_O },
    { name: "gmtime", meth: (_m: PyVal, a: PyVal[]) => tmToPy(convertTime(timeArg(unpackArgs("gmtime", a, 0, 1)[0]), false)), flags: METH_FASTCALL },
    { name: "localtime", meth: (_m: PyVal, a: PyVal[]) => tmToPy(convertTime(timeArg(unpackArgs("localtime", a, 0, 1)[0]), true)), flags: METH_FASTCALL },
    { name: "mktime", meth: time_mktime, flags: METH_O },
    { name: "asctime", meth: (_m: PyVal, a: PyVal[]) => {
      const [t] = unpackArgs("asctime", a, 0, 1);
      let tm: Tm;
      if (t === undefined) {
        tm = convertTime(timeArg(undefined), true);
      } else {
        tm = gettmarg(t, "asctime");
        checktm(tm);
      }
      return PyUnicode_FromString(asctime(tm));
    }, flags: METH_FASTCALL },
    { name: "ctime", meth: (_m: PyVal, a: PyVal[]) => PyUnicode_FromString(asctime(convertTime(timeArg(unpackArgs("ctime", a, 0, 1)[0]), true))), flags: METH_FASTCALL },
    { name: "strftime", meth: time_strftime, flags: METH_FASTCALL },
    { name: "strptime", meth: time_strptime, flags: METH_FASTCALL },
    { name: "tzset", meth: time_tzset, flags: METH_NOARGS },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "struct_time", structTimeType());
    PyModule_Add(m, "_STRUCT_TM_ITEMS", 11);
    init_timezone(m);
    for (const [k, v] of [["CLOCK_REALTIME", 0], ["CLOCK_MONOTONIC", 1], ["CLOCK_PROCESS_CPUTIME_ID", 2],
      ["CLOCK_THREAD_CPUTIME_ID", 3], ["CLOCK_MONOTONIC_RAW", 4], ["CLOCK_BOOTTIME", 7], ["CLOCK_TAI", 11]] as const) {
      PyModule_Add(m, k, v);
    }
  },
};
