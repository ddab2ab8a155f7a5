// The time module (Modules/timemodule.c): clocks from the host, struct_time, gmtime/localtime/mktime through the
// JS Date (the host's time zone), strftime in the C locale, strptime through Lib/_strptime. See docs/imports.md.
import { Py_None, PyTypeObject, METH_NOARGS, METH_O, METH_FASTCALL, type PyVal, PyUnicodeObject } from "../objects/object.js";
import { PyFloat_FromDouble, PyFloat_Check, PyFloat_AsDouble } from "../objects/floatobject.js";
import { PyLong_FromBigInt, PyLong_Check, longValue } from "../objects/longobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError } from "../objects/exceptions.js";
import { PySequence_List, PyNumber_Index, PyObject_CallMethod, PyObject_GetAttrStr, PyObject_Vectorcall } from "../objects/abstract.js";
import { PyStructSequence_NewType, PyStructSequence_New, PyStructSequence } from "../objects/structseq.js";
import { PyErr_Format } from "../runtime/errors.js";
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

interface Tm {
  year: number; mon: number; mday: number; hour: number; min: number; sec: number; wday: number; yday: number;
  isdst: number; zone: string; gmtoff: number;
}

function dayOfYear(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86400000) + 1;
}

function utcDate(y: number, m0: number, d: number, h = 0, mi = 0, s = 0): Date {
  const dt = new Date(Date.UTC(2000, m0, d, h, mi, s));
  dt.setUTCFullYear(y);
  return dt;
}

function gmtimeOf(t: number): Tm {
  const d = new Date(t * 1000);
  if (Number.isNaN(d.getTime())) return PyErr_Format(PyExc_OverflowError, "timestamp out of range for platform time_t");
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + 1, md = d.getUTCDate();
  return { year: y, mon: m, mday: md, hour: d.getUTCHours(), min: d.getUTCMinutes(), sec: d.getUTCSeconds(),
    // glibc's gmtime names the zone "GMT" (time.gmtime().tm_zone).
    wday: (d.getUTCDay() + 6) % 7, yday: dayOfYear(y, m, md), isdst: 0, zone: "GMT", gmtoff: 0 };
}

let zoneFormat: Intl.DateTimeFormat | null = null;
function zoneName(d: Date): string {
  // A UTC host needs no Intl (whose formatter costs tens of milliseconds to create).
  if (d.getTimezoneOffset() === 0 && new Date(d.getFullYear(), 0, 1).getTimezoneOffset() === 0
    && new Date(d.getFullYear(), 6, 1).getTimezoneOffset() === 0) return "UTC";
  try {
    if (zoneFormat === null) zoneFormat = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" });
    const parts = zoneFormat.formatToParts(d);
    const z = parts.find((p) => p.type === "timeZoneName")?.value ?? "UTC";
    return z === "GMT" ? "UTC" : z;
  } catch {
    return "UTC";
  }
}

function localtimeOf(t: number): Tm {
  const d = new Date(t * 1000);
  if (Number.isNaN(d.getTime())) return PyErr_Format(PyExc_OverflowError, "timestamp out of range for platform time_t");
  const y = d.getFullYear(), m = d.getMonth() + 1, md = d.getDate();
  const off = -d.getTimezoneOffset();
  const jan = -new Date(y, 0, 1).getTimezoneOffset(), jul = -new Date(y, 6, 1).getTimezoneOffset();
  const isdst = jan !== jul && off === Math.max(jan, jul) ? 1 : 0;
  return { year: y, mon: m, mday: md, hour: d.getHours(), min: d.getMinutes(), sec: d.getSeconds(),
    wday: (d.getDay() + 6) % 7, yday: dayOfYear(y, m, md), isdst, zone: zoneName(d), gmtoff: off * 60 };
}

function tmToPy(tm: Tm): PyVal {
  return PyStructSequence_New(structTimeType(), [tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday,
    tm.isdst, PyUnicode_FromString(tm.zone), tm.gmtoff]);
}

function int(v: PyVal): number {
  if (PyFloat_Check(v)) return PyErr_Format(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
  return Number(longValue(PyNumber_Index(v)));
}

/** A struct_time or 9-tuple to Tm (gettmarg), with CPython's messages. */
function pyToTm(v: PyVal, fname: string): Tm {
  let items: PyVal[];
  try {
    items = PySequence_List(v);
  } catch {
    return PyErr_Format(PyExc_TypeError, "Tuple or struct_time argument required");
  }
  if (!(v instanceof PyStructSequence) && !(PyTuple_New([]).ob_type === (v as { ob_type?: unknown }).ob_type)) {
    if (!(v instanceof PyStructSequence)) {
      const tn = (v as { ob_type?: { tp_name: string } }).ob_type?.tp_name;
      if (tn !== "tuple") return PyErr_Format(PyExc_TypeError, "Tuple or struct_time argument required");
    }
  }
  if (items.length !== 9) return PyErr_Format(PyExc_TypeError, `${fname}(): illegal time tuple argument`);
  const n = items.map(int);
  let zone = "", gmtoff = 0;
  if (v instanceof PyStructSequence) {
    const z = v.extra[0];
    if (z !== undefined && PyUnicode_Check(z)) zone = z.value;
    const g = v.extra[1];
    if (g !== undefined && PyLong_Check(g)) gmtoff = Number(longValue(g));
  }
  return { year: n[0], mon: n[1], mday: n[2], hour: n[3], min: n[4], sec: n[5], wday: n[6], yday: n[7], isdst: n[8], zone, gmtoff };
}

function timeArg(v: PyVal | undefined): number {
  if (v === undefined || v === Py_None) return Number(currentHost().timeNs()) / 1e9;
  if (PyFloat_Check(v)) {
    const f = PyFloat_AsDouble(v);
    if (!Number.isFinite(f)) return PyErr_Format(PyExc_ValueError, "Invalid value NaN (not a number)");
    return Math.floor(f);
  }
  if (PyLong_Check(v)) return Number(longValue(v));
  return PyErr_Format(PyExc_TypeError, `'${(v as { ob_type: { tp_name: string } }).ob_type.tp_name}' object cannot be interpreted as an integer`);
}

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const FULL_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const FULL_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];

function pad(n: number, w: number, c = "0"): string {
  const s = String(Math.abs(n));
  return (n < 0 ? "-" : "") + (s.length >= w ? s : c.repeat(w - s.length) + s);
}

function asctime(tm: Tm): string {
  return `${DAYS[((tm.wday % 7) + 7) % 7]} ${MONTHS[(tm.mon + 11) % 12]} ${pad(tm.mday, 2, " ")} ${pad(tm.hour, 2)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)} ${tm.year}`;
}

/** ISO 8601 week-based year and week number (%G, %V). */
function isoWeek(tm: Tm): [number, number] {
  const wday = ((tm.wday % 7) + 7) % 7; // Monday 0
  const thursdayYday = tm.yday - wday + 3;
  let year = tm.year;
  const daysInYear = (y: number) => ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365);
  let yday = thursdayYday;
  if (yday < 1) {
    year--;
    yday += daysInYear(year);
  } else if (yday > daysInYear(year)) {
    yday -= daysInYear(year);
    year++;
  }
  return [year, Math.floor((yday - 1) / 7) + 1];
}

/** strftime in the C locale (glibc's conversions). */
export function strftime(fmt: string, tm: Tm): string {
  let out = "";
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== "%" || i + 1 >= fmt.length) { out += c; continue; }
    const d = fmt[++i];
    const wday = ((tm.wday % 7) + 7) % 7;
    const sundayWday = (wday + 1) % 7;
    switch (d) {
      case "a": out += DAYS[wday]; break;
      case "A": out += FULL_DAYS[wday]; break;
      case "b": case "h": out += MONTHS[(tm.mon + 11) % 12]; break;
      case "B": out += FULL_MONTHS[(tm.mon + 11) % 12]; break;
      case "c": out += asctime(tm); break;
      case "C": out += pad(Math.floor(tm.year / 100), 2); break;
      case "d": out += pad(tm.mday, 2); break;
      case "D": out += `${pad(tm.mon, 2)}/${pad(tm.mday, 2)}/${pad(tm.year % 100, 2)}`; break;
      case "e": out += pad(tm.mday, 2, " "); break;
      case "F": out += `${pad(tm.year, 4)}-${pad(tm.mon, 2)}-${pad(tm.mday, 2)}`; break;
      case "G": out += String(isoWeek(tm)[0]); break;
      case "g": out += pad(isoWeek(tm)[0] % 100, 2); break;
      case "H": out += pad(tm.hour, 2); break;
      case "I": out += pad(tm.hour % 12 === 0 ? 12 : tm.hour % 12, 2); break;
      case "j": out += pad(tm.yday, 3); break;
      case "k": out += pad(tm.hour, 2, " "); break;
      case "l": out += pad(tm.hour % 12 === 0 ? 12 : tm.hour % 12, 2, " "); break;
      case "m": out += pad(tm.mon, 2); break;
      case "M": out += pad(tm.min, 2); break;
      case "n": out += "\n"; break;
      case "p": out += tm.hour < 12 ? "AM" : "PM"; break;
      case "P": out += tm.hour < 12 ? "am" : "pm"; break;
      case "r": out += `${pad(tm.hour % 12 === 0 ? 12 : tm.hour % 12, 2)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)} ${tm.hour < 12 ? "AM" : "PM"}`; break;
      case "R": out += `${pad(tm.hour, 2)}:${pad(tm.min, 2)}`; break;
      case "s": out += String(Math.floor(utcDate(tm.year, tm.mon - 1, tm.mday, tm.hour, tm.min, tm.sec).getTime() / 1000) - tm.gmtoff); break;
      case "S": out += pad(tm.sec, 2); break;
      case "t": out += "\t"; break;
      case "T": out += `${pad(tm.hour, 2)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)}`; break;
      case "u": out += String(wday + 1); break;
      case "U": out += pad(Math.floor((tm.yday - 1 + 7 - sundayWday) / 7), 2); break;
      case "V": out += pad(isoWeek(tm)[1], 2); break;
      case "w": out += String(sundayWday); break;
      case "W": out += pad(Math.floor((tm.yday - 1 + 7 - wday) / 7), 2); break;
      case "x": out += `${pad(tm.mon, 2)}/${pad(tm.mday, 2)}/${pad(tm.year % 100, 2)}`; break;
      case "X": out += `${pad(tm.hour, 2)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)}`; break;
      case "y": out += pad(((tm.year % 100) + 100) % 100, 2); break;
      case "Y": out += String(tm.year); break;
      case "z": {
        const o = tm.gmtoff;
        const a = Math.abs(o);
        out += `${o < 0 ? "-" : "+"}${pad(Math.floor(a / 3600), 2)}${pad(Math.floor((a % 3600) / 60), 2)}`;
        break;
      }
      case "Z": out += tm.zone; break;
      case "%": out += "%"; break;
      default: out += "%" + d;
    }
  }
  return out;
}

function checkTm(tm: Tm): void {
  if (tm.mon === 0) tm.mon = 1;
  if (tm.mon < 1 || tm.mon > 12) PyErr_Format(PyExc_ValueError, "month out of range");
  if (tm.mday === 0) tm.mday = 1;
  if (tm.mday < 0 || tm.mday > 31) PyErr_Format(PyExc_ValueError, "day of month out of range");
  if (tm.hour < 0 || tm.hour > 23) PyErr_Format(PyExc_ValueError, "hour out of range");
  if (tm.min < 0 || tm.min > 59) PyErr_Format(PyExc_ValueError, "minute out of range");
  if (tm.sec < 0 || tm.sec > 61) PyErr_Format(PyExc_ValueError, "seconds out of range");
  if (tm.wday < 0) PyErr_Format(PyExc_ValueError, "day of week out of range");
  if (tm.yday === 0) tm.yday = 1;
  if (tm.yday < 0 || tm.yday > 366) PyErr_Format(PyExc_ValueError, "day of year out of range");
}

function time_strftime(_m: PyVal, args: PyVal[]): PyVal {
  const [fmt, t] = unpackArgs("strftime", args, 1, 2);
  if (!PyUnicode_Check(fmt!)) return PyErr_Format(PyExc_TypeError, `strftime() argument 1 must be str, not ${(fmt as { ob_type: { tp_name: string } }).ob_type.tp_name}`);
  const tm = t === undefined ? localtimeOf(timeArg(undefined)) : pyToTm(t, "strftime");
  checkTm(tm);
  if (t !== undefined && tm.zone === "") {
    const lt = localtimeOf(Math.floor(utcDate(tm.year, tm.mon - 1, tm.mday, tm.hour, tm.min, tm.sec).getTime() / 1000));
    tm.zone = lt.zone;
    tm.gmtoff = lt.gmtoff;
  }
  return PyUnicode_FromString(strftime((fmt as PyUnicodeObject).value, tm));
}

function time_mktime(_m: PyVal, t: PyVal): PyVal {
  const tm = pyToTm(t, "mktime");
  const d = new Date(2000, 0, 1, 0, 0, 0);
  d.setFullYear(tm.year, tm.mon - 1, tm.mday);
  d.setHours(tm.hour, tm.min, tm.sec, 0);
  const ms = d.getTime();
  if (Number.isNaN(ms)) return PyErr_Format(PyExc_OverflowError, "mktime argument out of range");
  return PyFloat_FromDouble(ms / 1000);
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

function tzInfo(): { timezone: number; altzone: number; daylight: number; tzname: [string, string] } {
  const y = new Date().getFullYear();
  const jan = new Date(y, 0, 1), jul = new Date(y, 6, 1);
  const oj = -jan.getTimezoneOffset() * 60, ol = -jul.getTimezoneOffset() * 60;
  const std = Math.min(oj, ol), dst = Math.max(oj, ol);
  const stdDate = oj <= ol ? jan : jul, dstDate = oj <= ol ? jul : jan;
  return { timezone: -std, altzone: -dst, daylight: std !== dst ? 1 : 0, tzname: [zoneName(stdDate), zoneName(dstDate)] };
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
    { name: "gmtime", meth: (_m: PyVal, a: PyVal[]) => tmToPy(gmtimeOf(timeArg(unpackArgs("gmtime", a, 0, 1)[0]))), flags: METH_FASTCALL },
    { name: "localtime", meth: (_m: PyVal, a: PyVal[]) => tmToPy(localtimeOf(timeArg(unpackArgs("localtime", a, 0, 1)[0]))), flags: METH_FASTCALL },
    { name: "mktime", meth: time_mktime, flags: METH_O },
    { name: "asctime", meth: (_m: PyVal, a: PyVal[]) => {
      const [t] = unpackArgs("asctime", a, 0, 1);
      const tm = t === undefined ? localtimeOf(timeArg(undefined)) : pyToTm(t, "asctime");
      checkTm(tm);
      return PyUnicode_FromString(asctime(tm));
    }, flags: METH_FASTCALL },
    { name: "ctime", meth: (_m: PyVal, a: PyVal[]) => PyUnicode_FromString(asctime(localtimeOf(timeArg(unpackArgs("ctime", a, 0, 1)[0])))), flags: METH_FASTCALL },
    { name: "strftime", meth: time_strftime, flags: METH_FASTCALL },
    { name: "strptime", meth: time_strptime, flags: METH_FASTCALL },
    { name: "tzset", meth: () => Py_None, flags: METH_NOARGS },
  ],
  m_exec: (m) => {
    PyModule_Add(m, "struct_time", structTimeType());
    PyModule_Add(m, "_STRUCT_TM_ITEMS", 11);
    const tz = tzInfo();
    PyModule_Add(m, "timezone", tz.timezone);
    PyModule_Add(m, "altzone", tz.altzone);
    PyModule_Add(m, "daylight", tz.daylight);
    PyModule_Add(m, "tzname", PyTuple_New(tz.tzname.map(PyUnicode_FromString)));
    for (const [k, v] of [["CLOCK_REALTIME", 0], ["CLOCK_MONOTONIC", 1], ["CLOCK_PROCESS_CPUTIME_ID", 2],
      ["CLOCK_THREAD_CPUTIME_ID", 3], ["CLOCK_MONOTONIC_RAW", 4], ["CLOCK_BOOTTIME", 7], ["CLOCK_TAI", 11]] as const) {
      PyModule_Add(m, k, v);
    }
    void PyObject_CallMethod;
  },
};
