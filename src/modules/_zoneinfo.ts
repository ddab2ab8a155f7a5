// _zoneinfo (Modules/_zoneinfo.c, 3.13): the ZoneInfo tzinfo type behind `zoneinfo`: TZif data read through
// zoneinfo._common.load_data, wall-time transitions for both folds, the POSIX TZ rule after the last transition, the
// strong (LRU of 8) and weak caches, pickling by key. Only the Python-level API of datetime objects is used, so it
// runs over _pydatetime or a native _datetime alike. See docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Type, PyType_FromSpecStatic, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O,
  METH_FASTCALL, METH_KEYWORDS, METH_CLASS, PyUnicode_InternFromString, PyUnicodeObject, type PyVal,
} from "../objects/object.js";
import { PyType_Ready } from "../objects/typeobject.js";
import { PyTuple_New, PyTuple_CheckExact, PyTuple_Check, type PyTupleObject } from "../objects/tupleobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyBytes_Check } from "../objects/bytesobject.js";
import { longValue } from "../objects/longobject.js";
import {
  PyObject_GetAttrStr, PyObject_CallMethod, PyObject_Vectorcall, PyObject_CallOneArg, PyObject_IsTrue, PyObject_Repr,
  PyObject_RichCompareBool, PyObject_GetIter, PyIter_Next, PyNumber_Add, PyNumber_Index, PyType_IsSubtype,
} from "../objects/abstract.js";
import {
  PyExc_AttributeError, PyExc_IndexError, PyExc_OverflowError, PyExc_SystemError, PyExc_TypeError, PyExc_ValueError,
  PyBaseExceptionObject,
} from "../objects/exceptions.js";
import { PyErr_Format, PyErr_SetRaisedWithContext } from "../runtime/errors.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyImport_ImportModule } from "../runtime/import.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { PyDateTime_DateTime } from "./_datetimemodule.js";
import {
  EPOCHORDINAL, TZCursor, parse_abbr, parse_tz_delta, parse_transition_rule, year_to_timestamp, ymd_to_ord,
  type TransitionRule,
} from "../runtime/tzfile.js";

const Py_EQ = 2;
const ZONEINFO_STRONG_CACHE_MAX_SIZE = 8;

const SOURCE_NOCACHE = 0;
const SOURCE_CACHE = 1;
const SOURCE_FILE = 2;

/** _ttinfo: one local time type (offsets as timedelta objects, shared through the timedelta cache). */
class TTInfo {
  readonly utcoff: PyVal;
  dstoff: PyVal;
  readonly tzname: PyVal;
  readonly utcoff_seconds: number;
  constructor(utcoff: PyVal, dstoff: PyVal, tzname: PyVal, utcoff_seconds: number) {
    this.utcoff = utcoff;
    this.dstoff = dstoff;
    this.tzname = tzname;
    this.utcoff_seconds = utcoff_seconds;
  }
}

/** NO_TTINFO: what a zone that is not a fixed offset answers for utcoffset(None). */
const NO_TTINFO = new TTInfo(Py_None, Py_None, Py_None, 0);

/** _tzrule: what applies after the last transition of the file. */
class TZRule {
  readonly std: TTInfo;
  readonly dst: TTInfo;
  readonly dst_diff: number;
  readonly start: TransitionRule | null;
  readonly end: TransitionRule | null;
  readonly std_only: boolean;
  constructor(std: TTInfo, dst: TTInfo | null, dst_diff: number, start: TransitionRule | null, end: TransitionRule | null) {
    this.std = std;
    this.dst = dst ?? NO_TTINFO;
    this.dst_diff = dst_diff;
    this.start = start;
    this.end = end;
    this.std_only = dst === null;
  }
}

/** The state of one _zoneinfo module object (CPython keeps these in statics and the module state). */
interface ZoneInfoState {
  type: PyTypeObject;
  readonly tzinfoType: PyTypeObject;
  readonly timedeltaType: PyVal;
  readonly datetimeType: PyTypeObject;
  readonly findTzfile: PyVal;
  readonly ioOpen: PyVal;
  readonly commonMod: PyVal;
  readonly weakCache: PyVal;
  /** The strong cache, most recently used first (CPython's StrongCacheNode list). */
  strong: { readonly key: PyVal; readonly zone: PyVal }[];
  readonly timedeltas: Map<number, PyVal>;
}

class PyZoneInfoObject extends PyObject {
  key: PyVal | null;
  file_repr: PyVal | null;
  trans_list_utc: Float64Array;
  trans_list_wall: [Float64Array, Float64Array];
  trans_ttinfos: TTInfo[];
  ttinfo_before: TTInfo | null;
  tzrule_after: TZRule | null;
  fixed_offset: boolean;
  source: number;
  constructor(type: PyTypeObject) {
    super(type);
    this.key = null;
    this.file_repr = null;
    this.trans_list_utc = new Float64Array(0);
    this.trans_list_wall = [this.trans_list_utc, this.trans_list_utc];
    this.trans_ttinfos = [];
    this.ttinfo_before = null;
    this.tzrule_after = null;
    this.fixed_offset = false;
    this.source = SOURCE_NOCACHE;
  }
}

// ---- conversions ----

/** PyLong_AsLong / PyLong_AsLongLong: int64 values as doubles (timestamps beyond 2**53 only ever compare below or
 *  above every datetime's, so the rounding cannot change a result). */
function asLong(v: PyVal): number {
  const i = longValue(PyNumber_Index(v));
  if (typeof i === "number") return i;
  if (i < -0x8000000000000000n || i > 0x7fffffffffffffffn) {
    return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C long");
  }
  return Number(i);
}

function intAttr(o: PyVal, name: string): number {
  return asLong(PyObject_GetAttrStr(o, name)!);
}

function tupleItem(t: PyTupleObject, i: number): PyVal {
  if (i >= t.ob_item.length) return PyErr_Format(PyExc_IndexError, "tuple index out of range");
  return t.ob_item[i];
}

/** PyTuple_Size: anything but a tuple is an internal error. */
function tupleOf(v: PyVal): PyTupleObject {
  if (!PyTuple_Check(v)) return PyErr_Format(PyExc_SystemError, "bad argument to internal function");
  return v;
}

/** load_timedelta: one timedelta object per number of seconds. */
function load_timedelta(st: ZoneInfoState, seconds: number): PyVal {
  let td = st.timedeltas.get(seconds);
  if (td === undefined) {
    td = PyObject_Vectorcall(st.timedeltaType, [0, seconds, 0], null);
    st.timedeltas.set(seconds, td);
  }
  return td;
}

function build_ttinfo(st: ZoneInfoState, utcoffset: number, dstoffset: number, tzname: PyVal): TTInfo {
  return new TTInfo(load_timedelta(st, utcoffset), load_timedelta(st, dstoffset), tzname, utcoffset);
}

function ttinfo_eq(a: TTInfo, b: TTInfo): boolean {
  return PyObject_RichCompareBool(a.utcoff, b.utcoff, Py_EQ) && PyObject_RichCompareBool(a.dstoff, b.dstoff, Py_EQ) &&
    PyObject_RichCompareBool(a.tzname, b.tzname, Py_EQ);
}

// ---- the rule after the last transition (its TZ string is parsed by runtime/tzfile.ts) ----

/** find_tzrule_ttinfo: the type in effect at a local time (fold picks the side of a gap or fold). */
function find_tzrule_ttinfo(rule: TZRule, ts: number, fold: number, year: number): TTInfo {
  if (rule.std_only) return rule.std;
  let start = year_to_timestamp(rule.start!, year);
  let end = year_to_timestamp(rule.end!, year);
  // With fold=0 the period with the smaller offset runs from the end of the gap to the end of the fold; with fold=1
  // from the start of the gap to the start of the fold: fold XOR (DST is positive) picks which bound moves.
  if ((fold !== 0) === (rule.dst_diff >= 0)) end -= rule.dst_diff;
  else start += rule.dst_diff;
  const isdst = start < end ? ts >= start && ts < end : ts < end || ts >= start;
  return isdst ? rule.dst : rule.std;
}

/** find_tzrule_ttinfo_fromutc: the type in effect at a UTC time, and whether the local time is in a fold. */
function find_tzrule_ttinfo_fromutc(rule: TZRule, ts: number, year: number): [TTInfo, number] {
  if (rule.std_only) return [rule.std, 0];
  const start = year_to_timestamp(rule.start!, year) - rule.std.utcoff_seconds;
  const end = year_to_timestamp(rule.end!, year) - rule.dst.utcoff_seconds;
  const isdst = start < end ? ts >= start && ts < end : ts < end || ts >= start;
  // Positive DST: the ambiguous hour follows the end of DST; negative DST: it precedes its start.
  let ambig_start: number, ambig_end: number;
  if (rule.dst_diff > 0) {
    ambig_start = end;
    ambig_end = end + rule.dst_diff;
  } else {
    ambig_start = start;
    ambig_end = start - rule.dst_diff;
  }
  const fold = ts >= ambig_start && ts < ambig_end ? 1 : 0;
  return [isdst ? rule.dst : rule.std, fold];
}

/** parse_tz_str: the footer of a version 2+ TZif file, with CPython's messages. */
function parse_tz_str(st: ZoneInfoState, tz_str_obj: PyVal): TZRule {
  if (!PyBytes_Check(tz_str_obj)) {
    return PyErr_Format(PyExc_TypeError, `expected bytes, ${Py_TYPE(tz_str_obj).tp_name} found`);
  }
  const c = new TZCursor(tz_str_obj.ob_bytes);
  const fail = (what: string): never => PyErr_Format(PyExc_ValueError, `${what}${PyObject_Repr(tz_str_obj).value}`);
  const std_name = parse_abbr(c);
  if (std_name === null) return fail("Invalid STD format in ");
  const std_abbr = PyUnicode_FromString(std_name);
  const std_offset = parse_tz_delta(c);
  if (std_offset === null) return fail("Invalid STD offset in ");
  if (c.at() === 0) return new TZRule(build_ttinfo(st, std_offset, 0, std_abbr), null, 0, null, null);
  const dst_name = parse_abbr(c);
  if (dst_name === null) return fail("Invalid DST format in ");
  const dst_abbr = PyUnicode_FromString(dst_name);
  let dst_offset: number;
  if (c.at() === 0x2c /* , */) {
    // POSIX: without an offset, DST is one hour ahead of standard time.
    dst_offset = std_offset + 3600;
  } else {
    const d = parse_tz_delta(c);
    if (d === null) return fail("Invalid DST offset in ");
    dst_offset = d;
  }
  const rules: TransitionRule[] = [];
  for (let i = 0; i < 2; i++) {
    if (c.at() !== 0x2c) return fail("Missing transition rules in TZ string: ");
    c.p++;
    const r = parse_transition_rule(c);
    if (r === null) return fail("Malformed transition rule in TZ string: ");
    rules.push(r);
  }
  if (c.at() !== 0) return fail("Extraneous characters at end of TZ string: ");
  const dst_diff = dst_offset - std_offset;
  return new TZRule(build_ttinfo(st, std_offset, 0, std_abbr), build_ttinfo(st, dst_offset, dst_diff, dst_abbr), dst_diff,
    rules[0], rules[1]);
}

// ---- loading a zone ----

/** utcoff_to_dstoff: TZif records only isdst, so the DST amount is inferred from the neighbouring standard time. */
function utcoff_to_dstoff(trans_idx: number[], utcoffs: number[], dstoffs: number[], isdsts: boolean[],
  num_ttinfos: number): void {
  // CPython counts every ttinfo here, not only the DST ones, so the early exit below rarely happens.
  const dst_count = num_ttinfos;
  let dst_found = 0;
  for (let i = 1; i < trans_idx.length; i++) {
    if (dst_count === dst_found) break;
    const idx = trans_idx[i];
    let comp_idx = trans_idx[i - 1];
    if (!isdsts[idx] || dstoffs[idx] !== 0) continue;
    let dstoff = 0;
    const utcoff = utcoffs[idx];
    if (!isdsts[comp_idx]) dstoff = utcoff - utcoffs[comp_idx];
    if (!dstoff && idx < num_ttinfos - 1) {
      // DEVIATION: past the last transition C reads one element beyond the array; here that finds nothing.
      if (i + 1 >= trans_idx.length) continue;
      comp_idx = trans_idx[i + 1];
      if (isdsts[comp_idx]) continue;
      dstoff = utcoff - utcoffs[comp_idx];
    }
    if (dstoff) {
      dst_found++;
      dstoffs[idx] = dstoff;
    }
  }
  if (dst_found < dst_count) {
    // A DST type whose amount could not be inferred gets one hour, so bool(dt.dst()) still follows isdst.
    for (let idx = 0; idx < num_ttinfos; idx++) if (isdsts[idx] && !dstoffs[idx]) dstoffs[idx] = 3600;
  }
}

/** ts_to_local: each transition in wall time, for fold=0 (the larger of the two offsets) and fold=1. */
function ts_to_local(trans_idx: number[], trans_utc: Float64Array, utcoff: number[], num_ttinfos: number): [Float64Array, Float64Array] {
  const n = trans_utc.length;
  const w0 = new Float64Array(n), w1 = new Float64Array(n);
  if (n === 0) return [w0, w1];
  let offset_0: number, offset_1: number;
  if (num_ttinfos > 1) {
    offset_0 = utcoff[0];
    offset_1 = utcoff[trans_idx[0]];
    if (offset_1 > offset_0) [offset_0, offset_1] = [offset_1, offset_0];
  } else {
    offset_0 = offset_1 = utcoff[0];
  }
  w0[0] = trans_utc[0] + offset_0;
  w1[0] = trans_utc[0] + offset_1;
  for (let i = 1; i < n; i++) {
    offset_0 = utcoff[trans_idx[i - 1]];
    offset_1 = utcoff[trans_idx[i]];
    if (offset_1 > offset_0) [offset_0, offset_1] = [offset_1, offset_0];
    w0[i] = trans_utc[i] + offset_0;
    w1[i] = trans_utc[i] + offset_1;
  }
  return [w0, w1];
}

/** load_data: fill a zone from a binary file object through zoneinfo._common.load_data. */
function load_data(st: ZoneInfoState, self: PyZoneInfoObject, file_obj: PyVal): void {
  const data = PyObject_CallMethod(st.commonMod, "load_data", [file_obj]);
  if (!PyTuple_CheckExact(data)) {
    return PyErr_Format(PyExc_TypeError, `Invalid data result type: ${PyObject_Repr(data).value}`);
  }
  const trans_idx_list = tupleItem(data, 0);
  const trans_utc = tupleOf(tupleItem(data, 1));
  const utcoff_list = tupleOf(tupleItem(data, 2));
  const isdst_list = tupleItem(data, 3);
  const abbr = tupleItem(data, 4);
  const tz_str = tupleItem(data, 5);
  const num_transitions = trans_utc.ob_item.length;
  const num_ttinfos = utcoff_list.ob_item.length;

  const trans_list_utc = new Float64Array(num_transitions);
  const trans_idx: number[] = new Array<number>(num_transitions);
  for (let i = 0; i < num_transitions; i++) {
    trans_list_utc[i] = asLong(trans_utc.ob_item[i]);
    const cur = asLong(tupleItem(tupleOf(trans_idx_list), i));
    // CPython refuses indices above num_ttinfos only: one equal to it points just past its arrays (see PAST_END).
    if (cur < 0 || cur > num_ttinfos) {
      return PyErr_Format(PyExc_ValueError, `Invalid transition index found while reading TZif: ${cur}`);
    }
    trans_idx[i] = cur;
  }
  const utcoff: number[] = new Array<number>(num_ttinfos);
  const isdst: boolean[] = new Array<boolean>(num_ttinfos);
  for (let i = 0; i < num_ttinfos; i++) {
    utcoff[i] = asLong(utcoff_list.ob_item[i]);
    isdst[i] = PyObject_IsTrue(tupleItem(tupleOf(isdst_list), i));
  }
  const dstoff: number[] = new Array<number>(num_ttinfos).fill(0);
  // DEVIATION (PAST_END): the type one past the last reads as offset 0, not DST, and tzinfo answers None, where
  // CPython reads whatever memory follows its arrays.
  const utcoffX = [...utcoff, 0], dstoffX = [...dstoff, 0], isdstX = [...isdst, false];
  utcoff_to_dstoff(trans_idx, utcoffX, dstoffX, isdstX, num_ttinfos);
  for (let i = 0; i < num_ttinfos; i++) dstoff[i] = dstoffX[i];
  const wall = ts_to_local(trans_idx, trans_list_utc, utcoffX, num_ttinfos);

  const ttinfos: TTInfo[] = [];
  for (let i = 0; i < num_ttinfos; i++) ttinfos.push(build_ttinfo(st, utcoff[i], dstoff[i], tupleItem(tupleOf(abbr), i)));
  ttinfos.push(NO_TTINFO);
  const trans_ttinfos = trans_idx.map((i) => ttinfos[i]);
  // Before the first transition: the first standard-time type, else the first type, else none.
  let ttinfo_before: TTInfo | null = null;
  for (let i = 0; i < num_ttinfos; i++) {
    if (!isdst[i]) {
      ttinfo_before = ttinfos[i];
      break;
    }
  }
  if (ttinfo_before === null && num_ttinfos > 0) ttinfo_before = ttinfos[0];
  // DEVIATION: with no types at all (a file with only a TZ rule and transitions) CPython's lookups before the first
  // transition fail with SystemError; here they answer None.
  if (ttinfo_before === null) ttinfo_before = NO_TTINFO;

  let rule: TZRule;
  if (tz_str !== Py_None && PyObject_IsTrue(tz_str)) {
    rule = parse_tz_str(st, tz_str);
  } else {
    if (num_ttinfos === 0) return PyErr_Format(PyExc_ValueError, "No time zone information found.");
    const idx = num_transitions === 0 ? num_ttinfos - 1 : trans_idx[num_transitions - 1];
    const tti = ttinfos[idx];
    // A standard-only rule mimicking the last type, keeping its DST amount if it is a DST type.
    const std = build_ttinfo(st, tti.utcoff_seconds, 0, tti.tzname);
    if (PyObject_IsTrue(tti.dstoff)) std.dstoff = tti.dstoff;
    rule = new TZRule(std, null, 0, null, null);
  }

  // A "fixed offset" zone answers utcoffset(None) (datetime.time); CPython's simplifying assumptions: more than one
  // type, or a rule with DST, means not fixed.
  let fixed: boolean;
  if (num_ttinfos > 1 || !rule.std_only) fixed = false;
  else if (num_ttinfos === 0) fixed = true;
  else fixed = ttinfo_eq(ttinfos[0], rule.std);

  self.trans_list_utc = trans_list_utc;
  self.trans_list_wall = wall;
  self.trans_ttinfos = trans_ttinfos;
  self.ttinfo_before = ttinfo_before;
  self.tzrule_after = rule;
  self.fixed_offset = fixed;
}

/** Close a file after an error without losing it: a failing close() gets the first error as its context. */
function closeAfterError(file_obj: PyVal, err: unknown): never {
  try {
    PyObject_CallMethod(file_obj, "close", []);
  } catch (e2) {
    if (e2 instanceof PyBaseExceptionObject && err instanceof PyBaseExceptionObject && e2 !== err) e2.context = err;
    throw e2;
  }
  throw err;
}

/** zoneinfo_new_instance: find the file on TZPATH (else in the tzdata package) and load it. */
function zoneinfo_new_instance(st: ZoneInfoState, type: PyTypeObject, key: PyVal): PyZoneInfoObject {
  const file_path = PyObject_CallOneArg(st.findTzfile, key);
  let file_obj: PyVal | null = null;
  if (file_path === Py_None) file_obj = PyObject_CallMethod(st.commonMod, "load_tzdata", [key]);
  const self = new PyZoneInfoObject(type);
  if (file_obj === null) file_obj = PyObject_Vectorcall(st.ioOpen, [file_path, PyUnicode_FromString("rb")], null);
  try {
    load_data(st, self, file_obj);
  } catch (e) {
    return closeAfterError(file_obj, e);
  }
  PyObject_CallMethod(file_obj, "close", []);
  self.key = key;
  return self;
}

function get_weak_cache(st: ZoneInfoState, type: PyTypeObject): PyVal {
  if (type === st.type) return st.weakCache;
  return PyObject_GetAttrStr(type, "_weak_cache")!;
}

function new_weak_cache(): PyVal {
  return PyObject_CallMethod(PyImport_ImportModule("weakref"), "WeakValueDictionary", []);
}

// ---- the strong cache (base class only) ----

function find_in_strong_cache(st: ZoneInfoState, key: PyVal): number {
  for (let i = 0; i < st.strong.length; i++) if (PyObject_RichCompareBool(key, st.strong[i].key, Py_EQ)) return i;
  return -1;
}

function zone_from_strong_cache(st: ZoneInfoState, type: PyTypeObject, key: PyVal): PyVal | null {
  if (type !== st.type) return null;
  const i = find_in_strong_cache(st, key);
  if (i < 0) return null;
  const node = st.strong[i];
  if (i > 0) {
    st.strong.splice(i, 1);
    st.strong.unshift(node);
  }
  return node.zone;
}

function update_strong_cache(st: ZoneInfoState, type: PyTypeObject, key: PyVal, zone: PyVal): void {
  if (type !== st.type) return;
  st.strong.unshift({ key, zone });
  if (st.strong.length > ZONEINFO_STRONG_CACHE_MAX_SIZE) st.strong.length = ZONEINFO_STRONG_CACHE_MAX_SIZE;
}

function eject_from_strong_cache(st: ZoneInfoState, type: PyTypeObject, key: PyVal): void {
  if (type !== st.type) return;
  const i = find_in_strong_cache(st, key);
  if (i >= 0) st.strong.splice(i, 1);
}

// ---- lookups ----

/** get_local_timestamp: wall-clock seconds since 1970-01-01 (fields read directly for an exact datetime, through
 *  toordinal() and the time attributes otherwise, as CPython does). */
function get_local_timestamp(st: ZoneInfoState, dt: PyVal): number {
  let ord: number, hour: number, minute: number, second: number;
  if (dt instanceof PyDateTime_DateTime && Py_TYPE(dt) === st.datetimeType) {
    // The native _datetime's struct, as PyDateTime_GET_YEAR & co. read it.
    ord = ymd_to_ord(dt.year, dt.month, dt.day);
    hour = dt.hour;
    minute = dt.minute;
    second = dt.second;
  } else if (Py_TYPE(dt) === st.datetimeType) {
    ord = ymd_to_ord(intAttr(dt, "year"), intAttr(dt, "month"), intAttr(dt, "day"));
    hour = intAttr(dt, "hour");
    minute = intAttr(dt, "minute");
    second = intAttr(dt, "second");
  } else {
    ord = asLong(PyObject_CallMethod(dt, "toordinal", []));
    hour = intAttr(dt, "hour");
    minute = intAttr(dt, "minute");
    second = intAttr(dt, "second");
  }
  return (ord - EPOCHORDINAL) * 86400 + hour * 3600 + minute * 60 + second;
}

/** PyDateTime_GET_YEAR: the struct field of a native datetime (subclasses included), else the attribute. */
function yearOf(dt: PyVal): number {
  return dt instanceof PyDateTime_DateTime ? dt.year : intAttr(dt, "year");
}

/** bisect_right over sorted timestamps. */
function _bisect(value: number, arr: Float64Array): number {
  let lo = 0, hi = arr.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (arr[m] > value) hi = m;
    else lo = m + 1;
  }
  return hi;
}

function find_ttinfo(st: ZoneInfoState, self: PyZoneInfoObject, dt: PyVal): TTInfo {
  // datetime.time passes None: only a fixed-offset zone can answer.
  if (dt === Py_None) return self.fixed_offset ? self.tzrule_after!.std : NO_TTINFO;
  const ts = get_local_timestamp(st, dt);
  const fold = dt instanceof PyDateTime_DateTime ? dt.fold : intAttr(dt, "fold") ? 1 : 0;
  const local = self.trans_list_wall[fold];
  const n = local.length;
  if (n && ts < local[0]) return self.ttinfo_before!;
  if (!n || ts > local[n - 1]) return find_tzrule_ttinfo(self.tzrule_after!, ts, fold, yearOf(dt));
  return self.trans_ttinfos[_bisect(ts, local) - 1];
}

function zoneinfo_fromutc(st: ZoneInfoState, obj: PyVal, dt: PyVal): PyVal {
  if (!PyType_IsSubtype(Py_TYPE(dt), st.datetimeType)) {
    return PyErr_Format(PyExc_TypeError, "fromutc: argument must be a datetime");
  }
  const tzinfo = dt instanceof PyDateTime_DateTime ? dt.tzinfo : PyObject_GetAttrStr(dt, "tzinfo");
  if (tzinfo !== obj) return PyErr_Format(PyExc_ValueError, "fromutc: dt.tzinfo is not self");
  const self = obj as PyZoneInfoObject;
  const timestamp = get_local_timestamp(st, dt);
  const utc = self.trans_list_utc;
  const num_trans = utc.length;
  let tti: TTInfo;
  let fold = 0;
  if (num_trans >= 1 && timestamp < utc[0]) {
    tti = self.ttinfo_before!;
  } else if (num_trans === 0 || timestamp > utc[num_trans - 1]) {
    [tti, fold] = find_tzrule_ttinfo_fromutc(self.tzrule_after!, timestamp, yearOf(dt));
    // Just after the last listed transition the fold is between that transition's type and the rule's, not
    // between the rule's STD and DST.
    if (num_trans) {
      const prev = num_trans === 1 ? self.ttinfo_before! : self.trans_ttinfos[num_trans - 2];
      const diff = prev.utcoff_seconds - tti.utcoff_seconds;
      if (diff > 0 && timestamp < utc[num_trans - 1] + diff) fold = 1;
    }
  } else {
    const idx = _bisect(timestamp, utc);
    let prev: TTInfo;
    if (idx >= 2) {
      prev = self.trans_ttinfos[idx - 2];
      tti = self.trans_ttinfos[idx - 1];
    } else {
      prev = self.ttinfo_before!;
      tti = self.trans_ttinfos[0];
    }
    if (prev.utcoff_seconds - tti.utcoff_seconds > timestamp - utc[idx - 1]) fold = 1;
  }
  const tmp = PyNumber_Add(dt, tti.utcoff);
  if (!fold) return tmp;
  return PyObject_CallMethod(tmp, "replace", [1], [PyUnicode_InternFromString("fold")]);
}

// ---- the type ----
// The class methods' docs carry CPython's text signatures (inspect.signature reads them from the bound methods); the
// instance methods' do not, as method_descriptor.__doc__ does not split them off yet (docs/modules.md).

function zoneinfo_repr(self: PyZoneInfoObject): PyUnicodeObject {
  const name = Py_TYPE(self).tp_name;
  if (self.key !== Py_None) return PyUnicode_FromString(`${name}(key=${PyObject_Repr(self.key ?? Py_None).value})`);
  return PyUnicode_FromString(`${name}.from_file(${(self.file_repr as PyUnicodeObject).value})`);
}

function zoneinfo_new(st: ZoneInfoState, type: PyTypeObject, key: PyVal): PyVal {
  const cached = zone_from_strong_cache(st, type, key);
  if (cached !== null) return cached;
  const weak_cache = get_weak_cache(st, type);
  let instance = PyObject_CallMethod(weak_cache, "get", [key, Py_None]);
  if (instance === Py_None) {
    const tmp = zoneinfo_new_instance(st, type, key);
    instance = PyObject_CallMethod(weak_cache, "setdefault", [key, tmp]);
    if (instance instanceof PyZoneInfoObject) instance.source = SOURCE_CACHE;
  }
  update_strong_cache(st, type, key, instance);
  return instance;
}

/** tp_new: ZoneInfo(key), parsed as PyArg_ParseTupleAndKeywords("O") with no function name does. */
function parseKey(args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (args.length > 1) {
    return PyErr_Format(PyExc_TypeError,
      `function takes at most 1 ${npos === 0 ? "keyword " : ""}argument (${args.length} given)`);
  }
  if (npos === 1) return args[0];
  if (nkw === 1 && (kwnames![0] as PyUnicodeObject).value === "key") return args[0];
  if (nkw === 1 && !PyUnicode_Check(kwnames![0])) return PyErr_Format(PyExc_TypeError, "keywords must be strings");
  return PyErr_Format(PyExc_TypeError, "function missing required argument 'key' (pos 1)");
}

function makeZoneInfoType(st: ZoneInfoState): PyTypeObject {
  const t = new PyTypeObject(PyType_Type, "zoneinfo.ZoneInfo");
  const tti = (self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null, name: string): TTInfo => {
    const [dt] = parseArgs(name, args, kwnames, [""], 1, 1);
    return find_ttinfo(st, self as PyZoneInfoObject, dt!);
  };
  PyType_FromSpecStatic({
    name: "zoneinfo.ZoneInfo",
    base: () => st.tzinfoType,
    flags: Py_TPFLAGS_BASETYPE,
    slots: {
      tp_new: (type, args, kwnames) => zoneinfo_new(st, type, parseKey(args, kwnames)),
      tp_repr: (s) => zoneinfo_repr(s as PyZoneInfoObject),
      tp_str: (s) => {
        const self = s as PyZoneInfoObject;
        // A non-str key is returned as is; PyObject_Str then refuses it ("__str__ returned non-string").
        if (self.key !== Py_None) return (self.key ?? Py_None) as PyUnicodeObject;
        return zoneinfo_repr(self);
      },
    },
    methods: [
      {
        name: "clear_cache", flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
        doc: "clear_cache($type, /, *, only_keys=None)\n--\n\nClear the ZoneInfo cache.",
        meth: (cls: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null) => {
          const [only_keys] = parseArgs("clear_cache", args, kwnames, ["*only_keys"], 0, 0);
          const weak_cache = get_weak_cache(st, cls);
          if (only_keys === undefined || only_keys === Py_None) {
            PyObject_CallMethod(weak_cache, "clear", []);
            if (cls === st.type) st.strong = [];
          } else {
            const it = PyObject_GetIter(only_keys);
            for (let item = PyIter_Next(it); item !== undefined; item = PyIter_Next(it)) {
              eject_from_strong_cache(st, cls, item);
              PyObject_CallMethod(weak_cache, "pop", [item, Py_None]);
            }
          }
          return Py_None;
        },
      },
      {
        name: "no_cache", flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
        doc: "no_cache($type, /, key)\n--\n\nGet a new instance of ZoneInfo, bypassing the cache.",
        meth: (cls: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null) => {
          const [key] = parseArgs("no_cache", args, kwnames, ["key"], 1, 1);
          const out = zoneinfo_new_instance(st, cls, key!);
          out.source = SOURCE_NOCACHE;
          return out;
        },
      },
      {
        name: "from_file", flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
        doc: "from_file($type, file_obj, /, key=None)\n--\n\nCreate a ZoneInfo file from a file object.",
        meth: (cls: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null) => {
          const [file_obj, key] = parseArgs("from_file", args, kwnames, ["", "key"], 1, 2);
          const self = new PyZoneInfoObject(cls);
          const file_repr = PyObject_Repr(file_obj!);
          load_data(st, self, file_obj!);
          self.source = SOURCE_FILE;
          self.file_repr = file_repr;
          self.key = key ?? Py_None;
          return self;
        },
      },
      {
        name: "utcoffset", flags: METH_FASTCALL | METH_KEYWORDS,
        doc: "Retrieve a timedelta representing the UTC offset in a zone at the given datetime.",
        meth: (s: PyVal, args: readonly PyVal[], kw: readonly PyVal[] | null) => tti(s, args, kw, "utcoffset").utcoff,
      },
      {
        name: "dst", flags: METH_FASTCALL | METH_KEYWORDS,
        doc: "Retrieve a timedelta representing the amount of DST applied in a zone at the given datetime.",
        meth: (s: PyVal, args: readonly PyVal[], kw: readonly PyVal[] | null) => tti(s, args, kw, "dst").dstoff,
      },
      {
        name: "tzname", flags: METH_FASTCALL | METH_KEYWORDS,
        doc: "Retrieve a string containing the abbreviation for the time zone that applies in a zone at a given datetime.",
        meth: (s: PyVal, args: readonly PyVal[], kw: readonly PyVal[] | null) => tti(s, args, kw, "tzname").tzname,
      },
      {
        name: "fromutc", flags: METH_O,
        doc: "Given a datetime with local time in UTC, retrieve an adjusted datetime in local time.",
        meth: (s: PyVal, dt: PyVal) => zoneinfo_fromutc(st, s, dt),
      },
      {
        name: "__reduce__", flags: METH_NOARGS, doc: "Function for serialization with the pickle protocol.",
        meth: (s: PyVal) => {
          const self = s as PyZoneInfoObject;
          // Zones are pickled by key, with whether they came from the cache; those read from a file cannot be.
          if (self.source === SOURCE_FILE) {
            const err = PyObject_GetAttrStr(PyImport_ImportModule("pickle"), "PicklingError")!;
            const e = PyObject_CallOneArg(err, PyUnicode_FromString("Cannot pickle a ZoneInfo file from a file stream."));
            return PyErr_SetRaisedWithContext(e as PyBaseExceptionObject);
          }
          const constructor = PyObject_GetAttrStr(s, "_unpickle")!;
          return PyTuple_New([constructor, PyTuple_New([self.key ?? Py_None, self.source === SOURCE_CACHE ? 1 : 0])]);
        },
      },
      {
        name: "_unpickle", flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
        doc: "_unpickle($type, key, from_cache, /)\n--\n\nPrivate method used in unpickling.",
        meth: (cls: PyTypeObject, args: readonly PyVal[], kwnames: readonly PyVal[] | null) => {
          const [key, fc] = parseArgs("_unpickle", args, kwnames, ["", ""], 2, 2);
          // The 'B' converter: any int, masked to a byte.
          const v = longValue(PyNumber_Index(fc!));
          const from_cache = typeof v === "number" ? Number(BigInt(v) & 0xffn) : Number(v & 0xffn);
          return from_cache ? zoneinfo_new(st, cls, key!) : zoneinfo_new_instance(st, cls, key!);
        },
      },
      {
        name: "__init_subclass__", flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
        doc: "Function to initialize subclasses.",
        // Each subclass gets a weak cache of its own (the strong cache is the base class's only); arguments are ignored.
        meth: (cls: PyTypeObject) => {
          const cache = new_weak_cache();
          PyObject_SetAttrStr(cls, "_weak_cache", cache);
          return Py_None;
        },
      },
    ],
    members: [{
      name: "key",
      get: (s) => {
        const k = (s as PyZoneInfoObject).key;
        if (k === null) return PyErr_Format(PyExc_AttributeError, `'${Py_TYPE(s).tp_name}' object has no attribute 'key'`);
        return k;
      },
    }],
  }, t);
  PyType_Ready(t);
  return t;
}

function PyObject_SetAttrStr(o: PyVal, name: string, v: PyVal): void {
  const f = Py_TYPE(o).tp_setattro;
  if (f === null) return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(o).tp_name}' object has no attributes`);
  f(o, PyUnicode_InternFromString(name), v);
}

export const zoneinfomodule: PyModuleDef = {
  m_name: "_zoneinfo",
  m_doc: "C implementation of the zoneinfo module",
  m_exec: (m) => {
    // PyDateTime_IMPORT: whichever datetime types the datetime module has (native or _pydatetime's).
    const datetime = PyImport_ImportModule("datetime");
    const st: ZoneInfoState = {
      type: PyType_Type,
      tzinfoType: PyObject_GetAttrStr(datetime, "tzinfo") as PyTypeObject,
      timedeltaType: PyObject_GetAttrStr(datetime, "timedelta")!,
      datetimeType: PyObject_GetAttrStr(datetime, "datetime") as PyTypeObject,
      findTzfile: PyObject_GetAttrStr(PyImport_ImportModule("zoneinfo._tzpath"), "find_tzfile")!,
      ioOpen: PyObject_GetAttrStr(PyImport_ImportModule("io"), "open")!,
      commonMod: PyImport_ImportModule("zoneinfo._common"),
      weakCache: new_weak_cache(),
      strong: [],
      timedeltas: new Map(),
    };
    st.type = makeZoneInfoType(st);
    PyModule_Add(m, "ZoneInfo", st.type);
  },
};
