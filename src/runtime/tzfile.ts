// Time zones as the C library sees them: TZif files (RFC 8536) and POSIX TZ strings, and local time as glibc 2.36
// computes it (time/tzfile.c, time/tzset.c, time/offtime.c, time/mktime.c): tzset from TZ/TZDIR, localtime_r, mktime.
// The TZ-string pieces of Modules/_zoneinfo.c live here too, so _zoneinfo.ts and timemodule.ts share one parser.
// See docs/modules.md (time).
import { currentHost, processGetenv } from "../host/current.js";

export const EPOCHORDINAL = 719163;
const DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const DAYS_BEFORE_MONTH = [-1, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const;

// ==== Modules/_zoneinfo.c's TZ string (the footer of a TZif file) ====

/** A transition date of a POSIX TZ rule: Mm.w.d (CalendarRule) or Jn / n (DayRule), with its local time. */
export type TransitionRule =
  | { readonly kind: "calendar"; readonly month: number; readonly week: number; readonly day: number;
      readonly hour: number; readonly minute: number; readonly second: number }
  | { readonly kind: "day"; readonly julian: number; readonly day: number;
      readonly hour: number; readonly minute: number; readonly second: number };

// ---- calendar arithmetic ----

export function is_leap_year(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The proleptic Gregorian ordinal of a date (0001-01-01 is 1). */
export function ymd_to_ord(y: number, m: number, d: number): number {
  y -= 1;
  const days_before_year = y * 365 + Math.trunc(y / 4) - Math.trunc(y / 100) + Math.trunc(y / 400);
  let yearday: number = DAYS_BEFORE_MONTH[m] ?? 0;
  if (m > 2 && is_leap_year(y + 1)) yearday += 1;
  return days_before_year + yearday + d;
}

/** The local timestamp of a rule's transition in a year (calendarrule_/dayrule_year_to_timestamp). */
export function year_to_timestamp(r: TransitionRule, year: number): number {
  switch (r.kind) {
    case "calendar": {
      // Week 1 is the first week holding weekday `day` (0 = Sunday); week 5 is the last one in the month.
      const first_day = (ymd_to_ord(year, r.month, 1) + 6) % 7;
      let days_in_month: number = DAYS_IN_MONTH[r.month];
      if (r.month === 2 && is_leap_year(year)) days_in_month += 1;
      let month_day = (r.day - (first_day + 1)) % 7;
      if (month_day < 0) month_day += 7;
      month_day += 1 + (r.week - 1) * 7;
      if (month_day > days_in_month) month_day -= 7;
      const ordinal = ymd_to_ord(year, r.month, month_day) - EPOCHORDINAL;
      return ordinal * 86400 + r.hour * 3600 + r.minute * 60 + r.second;
    }
    case "day": {
      // Jn counts 1..365 without February 29; n counts 0..365 with it.
      const days_before_year = ymd_to_ord(year, 1, 1) - EPOCHORDINAL - 1;
      let day = r.day;
      if (r.julian && day >= 59 && is_leap_year(year)) day += 1;
      return (days_before_year + day) * 86400 + r.hour * 3600 + r.minute * 60 + r.second;
    }
    default: {
      const never: never = r;
      return never;
    }
  }
}

// ---- the POSIX TZ string: std offset[dst[offset],start[/time],end[/time]] (POSIX.1-2018 §8.3, RFC 8536 §3.3) ----

const isdigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isalpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** A cursor over the TZ string as a C string: reading past the end (or at a NUL) gives 0. */
export class TZCursor {
  readonly s: Uint8Array;
  p: number;
  constructor(s: Uint8Array) {
    const nul = s.indexOf(0);
    this.s = nul < 0 ? s : s.subarray(0, nul);
    this.p = 0;
  }
  at(k = 0): number {
    const i = this.p + k;
    return i < this.s.length ? this.s[i] : 0;
  }
}

/** parse_abbr: <quoted> (alphanumerics, + and -) or unquoted letters; null when malformed or empty. */
export function parse_abbr(c: TZCursor): string | null {
  const begin = c.p;
  let from: number, to: number;
  if (c.at() === 0x3c /* < */) {
    c.p++;
    from = c.p;
    for (;;) {
      const b = c.at();
      if (b === 0x3e /* > */) break;
      if (!isalpha(b) && !isdigit(b) && b !== 0x2b && b !== 0x2d) return null;
      c.p++;
    }
    to = c.p;
    c.p++;
  } else {
    from = c.p;
    while (isalpha(c.at())) c.p++;
    to = c.p;
  }
  if (c.p - begin < 1) return null;
  return String.fromCharCode(...c.s.subarray(from, to));
}

/** parse_transition_time: [+|-]h[hh][:mm[:ss]], the sign applying to every part (RFC 8536 allows -167..167 hours). */
function parse_transition_time(c: TZCursor): [number, number, number] | null {
  let sign = 1;
  if (c.at() === 0x2d || c.at() === 0x2b) {
    if (c.at() === 0x2d) sign = -1;
    c.p++;
  }
  const hour = parse_digits(c, 1, 3);
  if (hour === null) return null;
  let minute = 0, second = 0;
  if (c.at() === 0x3a /* : */) {
    c.p++;
    const m = parse_digits(c, 2, 2);
    if (m === null) return null;
    minute = m;
    if (c.at() === 0x3a) {
      c.p++;
      const sec = parse_digits(c, 2, 2);
      if (sec === null) return null;
      second = sec;
    }
  }
  return [sign * hour, sign * minute, sign * second];
}

/** parse_digits: min..max decimal digits. */
function parse_digits(c: TZCursor, min: number, max: number): number | null {
  let value = 0;
  for (let i = 0; i < max; i++, c.p++) {
    const d = c.at();
    if (!isdigit(d)) return i < min ? null : value;
    value = value * 10 + d - 0x30;
  }
  return value;
}

/** parse_tz_delta: a UTC offset, hours within +-24; its sign is inverted (west of Greenwich is positive). */
export function parse_tz_delta(c: TZCursor): number | null {
  const t = parse_transition_time(c);
  if (t === null || t[0] > 24 || t[0] < -24) return null;
  return -(t[0] * 3600 + t[1] * 60 + t[2]);
}

/** parse_transition_rule: Mm.w.d, Jn or n, each with an optional /time (02:00 by default); null when malformed. */
export function parse_transition_rule(c: TZCursor): TransitionRule | null {
  let hms: [number, number, number] = [2, 0, 0];
  const time = (): boolean => {
    if (c.at() !== 0x2f /* / */) return true;
    c.p++;
    const t = parse_transition_time(c);
    if (t === null) return false;
    hms = t;
    return true;
  };
  if (c.at() === 0x4d /* M */) {
    c.p++;
    const month = parse_digits(c, 1, 2);
    if (month === null || c.at() !== 0x2e /* . */) return null;
    c.p++;
    const week = parse_digits(c, 1, 1);
    if (week === null || c.at() !== 0x2e) return null;
    c.p++;
    const day = parse_digits(c, 1, 1);
    if (day === null || !time()) return null;
    // calendarrule_new's bounds; its messages are replaced by parse_tz_str's "Malformed transition rule".
    if (month < 1 || month > 12 || week < 1 || week > 5 || day > 6 || hms[0] < -167 || hms[0] > 167) return null;
    return { kind: "calendar", month, week, day, hour: hms[0], minute: hms[1], second: hms[2] };
  }
  let julian = 0;
  if (c.at() === 0x4a /* J */) {
    julian = 1;
    c.p++;
  }
  const day = parse_digits(c, 1, 3);
  if (day === null || !time()) return null;
  // dayrule_new's bounds (same replacement of the message).
  if (day < julian || day > 365 || hms[0] < -167 || hms[0] > 167) return null;
  return { kind: "day", julian, day, hour: hms[0], minute: hms[1], second: hms[2] };
}


// ==== glibc's local time ====

/** struct tm as the C library fills it (tm_year counts from 1900, tm_mon from 0, tm_wday from Sunday). */
export class Tm {
  tm_sec: number;
  tm_min: number;
  tm_hour: number;
  tm_mday: number;
  tm_mon: number;
  tm_year: number;
  tm_wday: number;
  tm_yday: number;
  tm_isdst: number;
  tm_gmtoff: number;
  /** null: no zone (a tuple without tm_zone); strftime's %Z then asks tzname[tm_isdst]. */
  tm_zone: string | null;
  constructor() {
    this.tm_sec = 0;
    this.tm_min = 0;
    this.tm_hour = 0;
    this.tm_mday = 0;
    this.tm_mon = 0;
    this.tm_year = 0;
    this.tm_wday = 0;
    this.tm_yday = 0;
    this.tm_isdst = 0;
    this.tm_gmtoff = 0;
    this.tm_zone = null;
  }
  copy(): Tm {
    const t = new Tm();
    t.tm_sec = this.tm_sec; t.tm_min = this.tm_min; t.tm_hour = this.tm_hour; t.tm_mday = this.tm_mday;
    t.tm_mon = this.tm_mon; t.tm_year = this.tm_year; t.tm_wday = this.tm_wday; t.tm_yday = this.tm_yday;
    t.tm_isdst = this.tm_isdst; t.tm_gmtoff = this.tm_gmtoff; t.tm_zone = this.tm_zone;
    return t;
  }
}

const SECSPERDAY = 86400;
const INT_MAX = 2147483647;
const INT_MIN = -2147483648;
/** __mon_yday: days before each month (0-12), normal and leap years. */
const MON_YDAY = [
  [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
  [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
] as const;
const TZDEFAULT = "/etc/localtime";
const TZDIR = "/usr/share/zoneinfo";
const TZDEFRULES = "posixrules";

const isleap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
/** C's / on ints (truncation toward zero). */
const cdiv = (a: number, b: number): number => Math.trunc(a / b);
const floorDiv = (a: number, b: number): number => Math.floor(a / b);

/** __offtime: seconds since the epoch plus an offset to broken-down time; false (EOVERFLOW) when the year does not fit
 *  an int. Timestamps beyond 2**53 are exact only as bigint. */
export function __offtime(t: number | bigint, offset: number, tp: Tm): boolean {
  let days: number, rem: number;
  if (typeof t === "bigint" || !Number.isSafeInteger(t)) {
    const b = BigInt(t) + BigInt(offset);
    let d = b / 86400n, r = b % 86400n;
    if (r < 0n) { r += 86400n; d -= 1n; }
    days = Number(d);
    rem = Number(r);
  } else {
    const s = t + offset;
    days = floorDiv(s, SECSPERDAY);
    rem = s - days * SECSPERDAY;
  }
  tp.tm_hour = Math.trunc(rem / 3600);
  rem %= 3600;
  tp.tm_min = Math.trunc(rem / 60);
  tp.tm_sec = rem % 60;
  // January 1, 1970 was a Thursday.
  tp.tm_wday = (((4 + days) % 7) + 7) % 7;
  // The civil date of a day count (proleptic Gregorian, 400-year eras).
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const mday = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mon = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mon <= 2 ? 1 : 0);
  if (y - 1900 > INT_MAX || y - 1900 < INT_MIN) return false;
  tp.tm_year = y - 1900;
  tp.tm_mon = mon - 1;
  tp.tm_mday = mday;
  tp.tm_yday = MON_YDAY[isleap(y) ? 1 : 0][mon - 1] + mday - 1;
  return true;
}

/** One local time type of a TZif file (struct ttinfo). */
interface TTInfo {
  offset: number;
  isdst: number;
  /** Index of its abbreviation in the file's zone names. */
  idx: number;
  isstd: boolean;
  isgmt: boolean;
}

interface Leap {
  transition: number;
  change: number;
}

/** A rule of a POSIX TZ string (tz_rule): when standard (0) or daylight (1) time starts. */
interface TzRule {
  name: string;
  type: "J0" | "J1" | "M";
  m: number;
  n: number;
  d: number;
  secs: number;
  /** Seconds east of UTC. */
  offset: number;
  change: number;
  computed_for: number;
}

function newRule(): TzRule {
  return { name: "", type: "J0", m: 0, n: 0, d: 0, secs: 0, offset: 0, change: 0, computed_for: 0 };
}

/** The state of glibc's tzset.c and tzfile.c (their statics and the tzname/daylight/timezone globals). */
const S = {
  is_initialized: false,
  old_tz: null as string | null,
  use_tzfile: false,
  transitions: [] as number[],
  type_idxs: new Uint8Array(0),
  types: [] as TTInfo[],
  zone_names: new Uint8Array(0),
  /** zone_names came from TZ (a rule-less DST zone over posixrules), not from the file. */
  user_names: false,
  rule_stdoff: 0,
  rule_dstoff: 0,
  leaps: [] as Leap[],
  tzspec: null as string | null,
  tz_rules: [newRule(), newRule()] as [TzRule, TzRule],
  tzname: ["GMT", "GMT"] as [string, string],
  daylight: 0,
  timezone: 0,
};

/** The glibc globals tzname, daylight and timezone (strftime's %Z reads tzname for a struct without tm_zone). */
export function glibcTzname(): readonly [string, string] {
  return S.tzname;
}

function zoneName(idx: number): string {
  const z = S.zone_names;
  let end = idx;
  while (end < z.length && z[end] !== 0) end++;
  return String.fromCharCode(...z.subarray(idx, end));
}

/** Read a file through the host door; null when it cannot be read. */
function readHostFile(path: string): Uint8Array | null {
  try {
    return currentHost().readFile(path);
  } catch {
    return null;
  }
}

const be32 = (b: Uint8Array, p: number): number => ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]);
const be64 = (b: Uint8Array, p: number): number => be32(b, p) * 4294967296 + (be32(b, p + 4) >>> 0);

/** __tzfile_read: load a TZif file (relative names under TZDIR); S.use_tzfile tells whether it worked. */
function __tzfile_read(file: string): void {
  S.use_tzfile = false;
  if (file === "") return;
  if (file[0] !== "/") {
    let tzdir = processGetenv("TZDIR");
    if (tzdir === undefined || tzdir === "") tzdir = TZDIR;
    file = `${tzdir}/${file}`;
  }
  const data = readHostFile(file);
  if (data === null || !parseTzif(data)) return;

  // The standard and daylight names: those of the latest transitions of each kind.
  const names: [string | null, string | null] = [null, null];
  for (let i = S.transitions.length; i > 0;) {
    const type = S.type_idxs[--i];
    const dst = S.types[type].isdst;
    if (names[dst] === null) {
      names[dst] = zoneName(S.types[type].idx);
      if (names[1 - dst] !== null) break;
    }
  }
  if (names[0] === null) names[0] = zoneName(0);
  if (names[1] === null) names[1] = names[0];
  S.tzname = [names[0], names[1]];

  if (S.transitions.length === 0) {
    S.rule_stdoff = S.rule_dstoff = S.types[0].offset;
  } else {
    let stdoff_set = false, dstoff_set = false;
    S.rule_stdoff = S.rule_dstoff = 0;
    for (let i = S.transitions.length - 1; i >= 0; i--) {
      const t = S.types[S.type_idxs[i]];
      if (!stdoff_set && !t.isdst) {
        stdoff_set = true;
        S.rule_stdoff = t.offset;
      } else if (!dstoff_set && t.isdst) {
        dstoff_set = true;
        S.rule_dstoff = t.offset;
      }
      if (stdoff_set && dstoff_set) break;
    }
    if (!dstoff_set) S.rule_dstoff = S.rule_stdoff;
  }
  S.daylight = S.rule_stdoff !== S.rule_dstoff ? 1 : 0;
  S.timezone = -S.rule_stdoff;
  S.use_tzfile = true;
}

/** The body of a TZif file as __tzfile_read checks it (the 64-bit block of version 2+, its TZ string footer). */
function parseTzif(b: Uint8Array): boolean {
  let p = 0;
  let width = 4;
  for (;;) {
    if (b.length - p < 44 || b[p] !== 0x54 || b[p + 1] !== 0x5a || b[p + 2] !== 0x69 || b[p + 3] !== 0x66) return false;
    const version = b[p + 4];
    const isgmtcnt = be32(b, p + 20) >>> 0, isstdcnt = be32(b, p + 24) >>> 0, leapcnt = be32(b, p + 28) >>> 0;
    const timecnt = be32(b, p + 32) >>> 0, typecnt = be32(b, p + 36) >>> 0, charcnt = be32(b, p + 40) >>> 0;
    p += 44;
    if (isstdcnt > typecnt || isgmtcnt > typecnt) return false;
    if (width === 4 && version !== 0) {
      width = 8;
      p += timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isgmtcnt;
      continue;
    }
    const need = timecnt * (width + 1) + typecnt * 6 + charcnt + leapcnt * (width + 4) + isstdcnt + isgmtcnt;
    if (b.length - p < need) return false;
    const transitions: number[] = new Array<number>(timecnt);
    for (let i = 0; i < timecnt; i++) transitions[i] = width === 8 ? be64(b, p + i * 8) : be32(b, p + i * 4);
    p += timecnt * width;
    const type_idxs = b.slice(p, p + timecnt);
    p += timecnt;
    for (let i = 0; i < timecnt; i++) if (type_idxs[i] >= typecnt) return false;
    const types: TTInfo[] = [];
    for (let i = 0; i < typecnt; i++, p += 6) {
      const isdst = b[p + 4], idx = b[p + 5];
      if (isdst > 1 || idx > charcnt) return false;
      types.push({ offset: be32(b, p), isdst, idx, isstd: false, isgmt: false });
    }
    if (typecnt === 0) return false;
    const zone_names = b.slice(p, p + charcnt);
    p += charcnt;
    const leaps: Leap[] = [];
    for (let i = 0; i < leapcnt; i++) {
      const transition = width === 8 ? be64(b, p) : be32(b, p);
      leaps.push({ transition, change: be32(b, p + width) });
      p += width + 4;
    }
    for (let i = 0; i < isstdcnt; i++) types[i].isstd = b[p++] !== 0;
    for (let i = 0; i < isgmtcnt; i++) types[i].isgmt = b[p++] !== 0;
    let tzspec: string | null = null;
    if (width === 8) {
      // "\nTZ string\n": glibc keeps what lies between the newlines (the last byte is dropped).
      const rest = b.length - p;
      if (rest < 1) return false;
      if (b[p] === 0x0a && rest >= 2) {
        const s = b.subarray(p + 1, b.length - 1);
        const nul = s.indexOf(0);
        tzspec = String.fromCharCode(...(nul < 0 ? s : s.subarray(0, nul)));
        if (tzspec === "") tzspec = null;
      }
    }
    S.transitions = transitions;
    S.type_idxs = type_idxs;
    S.types = types;
    S.zone_names = zone_names;
    S.user_names = false;
    S.leaps = leaps;
    S.tzspec = tzspec;
    return true;
  }
}

/** __tzfile_default: a DST zone named in TZ without rules takes posixrules's transitions with TZ's offsets. */
function __tzfile_default(std: string, dst: string, stdoff: number, dstoff: number): void {
  __tzfile_read(TZDEFRULES);
  if (!S.use_tzfile) return;
  if (S.types.length < 2) {
    S.use_tzfile = false;
    return;
  }
  const names = new Uint8Array(std.length + dst.length + 2);
  for (let i = 0; i < std.length; i++) names[i] = std.charCodeAt(i);
  for (let i = 0; i < dst.length; i++) names[std.length + 1 + i] = dst.charCodeAt(i);
  let isdst = 0;
  for (let i = 0; i < S.transitions.length; i++) {
    const trans_type = S.types[S.type_idxs[i]];
    S.type_idxs[i] = trans_type.isdst;
    if (trans_type.isgmt) {
      // In UT: nothing to correct.
    } else if (isdst && !trans_type.isstd) {
      S.transitions[i] += dstoff - S.rule_dstoff;
    } else {
      S.transitions[i] += stdoff - S.rule_stdoff;
    }
    isdst = trans_type.isdst;
  }
  S.rule_stdoff = stdoff;
  S.rule_dstoff = dstoff;
  S.types = [
    { offset: stdoff, isdst: 0, idx: 0, isstd: S.types[0].isstd, isgmt: S.types[0].isgmt },
    { offset: dstoff, isdst: 1, idx: std.length + 1, isstd: S.types[1].isstd, isgmt: S.types[1].isgmt },
  ];
  S.zone_names = names;
  S.user_names = true;
  S.tzname = [std, dst];
  S.timezone = -stdoff;
}

const isDigitCh = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isSpaceCh = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r";

/** sscanf's %hu at s[p]: blanks, a sign, digits (strtoul's value cut to 16 bits); [value, end] or null. */
function scanHu(s: string, p: number): [number, number] | null {
  while (isSpaceCh(s[p])) p++;
  let neg = false;
  if (s[p] === "+" || s[p] === "-") {
    neg = s[p] === "-";
    p++;
  }
  const start = p;
  while (isDigitCh(s[p])) p++;
  if (p === start) return null;
  let v = BigInt(s.slice(start, p));
  if (v > 0xffffffffffffffffn) v = 0xffffffffffffffffn;
  else if (neg) v = (1n << 64n) - v;
  return [Number(v & 0xffffn), p];
}

/** sscanf(s, "%hu%n:%hu%n:%hu%n"): how many conversions, the values read and where the last one ended. */
function scanHms(s: string, p: number, hms: number[]): { n: number; end: number } {
  let end = p;
  let n = 0;
  for (let k = 0; k < 3; k++) {
    if (k > 0) {
      if (s[end] !== ":") break;
    }
    const r = scanHu(s, k > 0 ? end + 1 : end);
    if (r === null) break;
    hms[k] = r[0];
    end = r[1];
    n++;
  }
  return { n, end };
}

/** parse_tzname: at least three letters, or <quoted> alphanumerics, + and - (at least three). */
function parse_tzname(s: string, p: number, which: 0 | 1): number | null {
  let q = p;
  while ((s[q] ?? "") >= "a" && s[q] <= "z" || (s[q] ?? "") >= "A" && s[q] <= "Z") q++;
  let start = p, len = q - p;
  if (len < 3) {
    q = p;
    if (s[q++] !== "<") return null;
    start = q;
    while (/[a-zA-Z0-9+-]/.test(s[q] ?? "")) q++;
    len = q - start;
    if (s[q++] !== ">" || len < 3) return null;
  }
  S.tz_rules[which].name = s.slice(start, start + len);
  return q;
}

/** parse_offset: [+|-]hh[:mm[:ss]] (west positive); the DST offset defaults to an hour ahead of standard time. */
function parse_offset(s: string, p: number, which: 0 | 1): number | null {
  const c = s[p];
  if (which === 0 && (c === undefined || (c !== "+" && c !== "-" && !isDigitCh(c)))) return null;
  let sign = -1;
  if (c === "-" || c === "+") {
    sign = c === "-" ? 1 : -1;
    p++;
  }
  const hms = [0, 0, 0];
  const r = scanHms(s, p, hms);
  if (r.n > 0) {
    // compute_offset clamps each part.
    const ss = Math.min(hms[2], 59), mm = Math.min(hms[1], 59), hh = Math.min(hms[0], 24);
    S.tz_rules[which].offset = sign * (ss + mm * 60 + hh * 3600);
    return r.end;
  }
  if (which === 0) {
    S.tz_rules[0].offset = 0;
    return null;
  }
  S.tz_rules[1].offset = S.tz_rules[0].offset + 3600;
  return p;
}

/** parse_rule: ,Jn / ,n / ,Mm.w.d with an optional /time (02:00 by default); US rules when the string ends. */
function parse_rule(s: string, p: number, which: 0 | 1): number | null {
  const r = S.tz_rules[which];
  if (s[p] === ",") p++;
  const c = s[p];
  if (c === "J" || isDigitCh(c)) {
    r.type = c === "J" ? "J1" : "J0";
    if (r.type === "J1" && !isDigitCh(s[++p])) return null;
    const start = p;
    while (isDigitCh(s[p])) p++;
    const d = Number(s.slice(start, p));
    if (p === start || d > 365) return null;
    if (r.type === "J1" && d === 0) return null;
    r.d = d;
  } else if (c === "M") {
    r.type = "M";
    // sscanf (tz, "M%hu.%hu.%hu%n", ...) must convert all three.
    const a = scanHu(s, p + 1);
    if (a === null) return null;
    r.m = a[0];
    if (s[a[1]] !== ".") return null;
    const b = scanHu(s, a[1] + 1);
    if (b === null) return null;
    r.n = b[0];
    if (s[b[1]] !== ".") return null;
    const e = scanHu(s, b[1] + 1);
    if (e === null) return null;
    r.d = e[0];
    if (r.m < 1 || r.m > 12 || r.n < 1 || r.n > 5 || r.d > 6) return null;
    p = e[1];
  } else if (c === undefined) {
    // The US rules of the Energy Policy Act of 2005: M3.2.0,M11.1.0.
    r.type = "M";
    if (which === 0) {
      r.m = 3; r.n = 2; r.d = 0;
    } else {
      r.m = 11; r.n = 1; r.d = 0;
    }
  } else {
    return null;
  }
  if (s[p] !== undefined && s[p] !== "/" && s[p] !== ",") return null;
  if (s[p] === "/") {
    p++;
    if (s[p] === undefined) return null;
    const negative = s[p] === "-";
    if (negative) p++;
    const hms = [2, 0, 0];
    const sc = scanHms(s, p, hms);
    if (sc.n > 0) p = sc.end;
    r.secs = (negative ? -1 : 1) * (hms[0] * 3600 + hms[1] * 60 + hms[2]);
  } else {
    r.secs = 7200;
  }
  r.computed_for = -1;
  return p;
}

function update_vars(): void {
  S.daylight = S.tz_rules[0].offset !== S.tz_rules[1].offset ? 1 : 0;
  S.timezone = -S.tz_rules[0].offset;
  S.tzname = [S.tz_rules[0].name, S.tz_rules[1].name];
}

/** __tzset_parse_tz: a POSIX TZ string (with `fromFile`, a TZif footer: no posixrules lookup). */
function __tzset_parse_tz(tz: string, fromFile: boolean): void {
  S.tz_rules = [newRule(), newRule()];
  // An embedded NUL ends the C string.
  const nul = tz.indexOf("\0");
  const s = nul < 0 ? tz : tz.slice(0, nul);
  let p: number | null = parse_tzname(s, 0, 0);
  if (p !== null && (p = parse_offset(s, p, 0)) !== null) {
    if (s[p] !== undefined) {
      const q = parse_tzname(s, p, 1);
      if (q !== null) {
        p = q;
        p = parse_offset(s, p, 1) ?? p;
        if (!fromFile && (s[p] === undefined || (s[p] === "," && s[p + 1] === undefined))) {
          __tzfile_default(S.tz_rules[0].name, S.tz_rules[1].name, S.tz_rules[0].offset, S.tz_rules[1].offset);
          if (S.use_tzfile) {
            S.old_tz = null;
            return;
          }
        }
      }
      const r0 = parse_rule(s, p, 0);
      if (r0 !== null) parse_rule(s, r0, 1);
    } else {
      S.tz_rules[1].name = S.tz_rules[0].name;
      S.tz_rules[1].offset = S.tz_rules[0].offset;
    }
  }
  update_vars();
}

/** tzset_internal: (re)read TZ; with `always` false only the first call does anything (localtime_r). */
function tzset_internal(always: boolean): void {
  if (S.is_initialized && !always) return;
  S.is_initialized = true;
  let tz: string | null = processGetenv("TZ") ?? null;
  // An empty TZ means UTC; a leading colon is ignored.
  if (tz === "") tz = "Universal";
  if (tz !== null && tz[0] === ":") tz = tz.slice(1);
  if (S.old_tz !== null && tz !== null && tz === S.old_tz) return;
  if (tz === null) tz = TZDEFAULT;
  S.tz_rules[0].name = "";
  S.tz_rules[1].name = "";
  S.old_tz = tz;
  __tzfile_read(tz);
  if (S.use_tzfile) return;
  if (tz === TZDEFAULT) {
    const zoneName = currentHost().localTimeZone?.() ?? null;
    if (zoneName !== null) {
      // The host has no /etc/localtime but knows its zone's name (Intl): read that TZif file instead.
      __tzfile_read(zoneName);
      if (S.use_tzfile) return;
    }
  }
  if (tz === "" || tz === TZDEFAULT) {
    S.tz_rules = [newRule(), newRule()];
    S.tz_rules[0].name = S.tz_rules[1].name = "UTC";
    S.tz_rules[0].change = S.tz_rules[1].change = -1;
    update_vars();
    return;
  }
  __tzset_parse_tz(tz, false);
}

/** compute_change: when a rule's change happens in a year (glibc counts from 1970-01-01 for years up to 1970). */
function compute_change(rule: TzRule, year: number): void {
  if (year !== -1 && rule.computed_for === year) return;
  let t: number;
  if (year > 1970) {
    t = ((year - 1970) * 365 + (cdiv(year - 1, 4) - cdiv(1970, 4)) - (cdiv(year - 1, 100) - cdiv(1970, 100))
      + (cdiv(year - 1, 400) - cdiv(1970, 400))) * SECSPERDAY;
  } else {
    t = 0;
  }
  switch (rule.type) {
    case "J1":
      // Jn counts 1..365 and never February 29.
      t += (rule.d - 1) * SECSPERDAY;
      if (rule.d >= 60 && isleap(year)) t += SECSPERDAY;
      break;
    case "J0":
      t += rule.d * SECSPERDAY;
      break;
    case "M": {
      const myday = MON_YDAY[isleap(year) ? 1 : 0];
      t += myday[rule.m - 1] * SECSPERDAY;
      // Zeller's congruence: the weekday of the first of the month.
      const m1 = ((rule.m + 9) % 12) + 1;
      const yy0 = rule.m <= 2 ? year - 1 : year;
      const yy1 = cdiv(yy0, 100);
      const yy2 = yy0 % 100;
      let dow = (cdiv(26 * m1 - 2, 10) + 1 + yy2 + cdiv(yy2, 4) + cdiv(yy1, 4) - 2 * yy1) % 7;
      if (dow < 0) dow += 7;
      let d = rule.d - dow;
      if (d < 0) d += 7;
      for (let i = 1; i < rule.n; i++) {
        if (d + 7 >= myday[rule.m] - myday[rule.m - 1]) break;
        d += 7;
      }
      t += d * SECSPERDAY;
      break;
    }
    default: {
      const never: never = rule.type;
      return never;
    }
  }
  rule.change = t - rule.offset + rule.secs;
  rule.computed_for = year;
}

/** __tz_compute: DST or not at `timer` under the TZ string's rules, for the year of `tm`. */
function __tz_compute(timer: number, tm: Tm): void {
  const [r0, r1] = S.tz_rules;
  compute_change(r0, 1900 + tm.tm_year);
  compute_change(r1, 1900 + tm.tm_year);
  // Southern hemisphere: DST ends in the next year.
  const isdst = r0.change > r1.change ? timer < r1.change || timer >= r0.change : timer >= r0.change && timer < r1.change;
  tm.tm_isdst = isdst ? 1 : 0;
  tm.tm_zone = S.tzname[isdst ? 1 : 0];
  tm.tm_gmtoff = S.tz_rules[isdst ? 1 : 0].offset;
}

/** __tzfile_compute: the type in effect at `timer` (and the tzname it implies); returns [leap_correct, leap_hit]. */
function __tzfile_compute(timer: number | bigint, use_localtime: boolean, tp: Tm): [number, number] {
  const tnum = Number(timer);
  const tr = S.transitions, n = tr.length;
  leap: {
    if (!use_localtime) break leap;
    let info: TTInfo;
    const names: [string | null, string | null] = [null, null];
    if (n === 0 || tnum < tr[0]) {
      // Before any transition: the first standard-time type (or the first type).
      let i = 0;
      while (i < S.types.length && S.types[i].isdst) {
        if (names[1] === null) names[1] = zoneName(S.types[i].idx);
        i++;
      }
      if (i === S.types.length) i = 0;
      names[0] = zoneName(S.types[i].idx);
      if (names[1] === null) {
        for (let j = i; j < S.types.length; j++) {
          if (S.types[j].isdst) {
            names[1] = zoneName(S.types[j].idx);
            break;
          }
        }
      }
      info = S.types[i];
    } else {
      let i: number;
      if (tnum >= tr[n - 1]) {
        if (S.tzspec !== null) {
          __tzset_parse_tz(S.tzspec, true);
          if (__offtime(timer, 0, tp)) {
            __tz_compute(tnum, tp);
            // A footer read from posixrules for a TZ without rules: TZ's names replace the file's in tzname (the
            // struct keeps the footer's).
            if (S.user_names) S.tzname = [zoneName(0), zoneName(S.types[1].idx)];
            break leap;
          }
        }
        i = n;
      } else {
        // The first transition after timer.
        let lo = 0, hi = n - 1;
        while (lo + 1 < hi) {
          const mid = (lo + hi) >>> 1;
          if (tnum < tr[mid]) hi = mid;
          else lo = mid;
        }
        i = tnum < tr[lo] ? lo : hi;
      }
      const cur = S.types[S.type_idxs[i - 1]];
      names[cur.isdst] = zoneName(cur.idx);
      for (let j = i; j < n; j++) {
        const t = S.types[S.type_idxs[j]];
        if (names[t.isdst] === null) {
          names[t.isdst] = zoneName(t.idx);
          if (names[1 - t.isdst] !== null) break;
        }
      }
      if (names[0] === null) names[0] = names[1];
      info = cur;
    }
    S.daylight = S.rule_stdoff !== S.rule_dstoff ? 1 : 0;
    S.timezone = -S.rule_stdoff;
    if (names[0] === null) names[0] = zoneName(0);
    if (names[1] === null) names[1] = names[0];
    S.tzname = [names[0], names[1]];
    tp.tm_isdst = info.isdst;
    tp.tm_zone = S.tzname[info.isdst];
    tp.tm_gmtoff = info.offset;
  }
  // The last leap-second correction at or before timer.
  const L = S.leaps;
  let i = L.length;
  do {
    if (i-- === 0) return [0, 0];
  } while (tnum < L[i].transition);
  let hit = 0;
  if (tnum === L[i].transition && ((i === 0 && L[i].change > 0) || (i > 0 && L[i].change > L[i - 1].change))) {
    hit = 1;
    while (i > 0 && L[i].transition === L[i - 1].transition + 1 && L[i].change === L[i - 1].change + 1) {
      hit++;
      i--;
    }
  }
  return [L[i].change, hit];
}

/** __tz_convert: localtime_r (use_localtime) or gmtime_r; null when the year overflows (EOVERFLOW). */
function __tz_convert(timer: number | bigint, use_localtime: boolean): Tm | null {
  tzset_internal(false);
  const tp = new Tm();
  let leap_correction = 0, leap_extra_secs = 0;
  if (S.use_tzfile) {
    [leap_correction, leap_extra_secs] = __tzfile_compute(timer, use_localtime, tp);
  } else {
    if (!__offtime(timer, 0, tp)) return null;
    if (use_localtime) __tz_compute(Number(timer), tp);
  }
  if (!use_localtime) {
    tp.tm_isdst = 0;
    tp.tm_zone = "GMT";
    tp.tm_gmtoff = 0;
  }
  if (!__offtime(timer, tp.tm_gmtoff - leap_correction, tp)) return null;
  tp.tm_sec += leap_extra_secs;
  return tp;
}

export function localtime_r(t: number | bigint): Tm | null {
  return __tz_convert(t, true);
}

export function gmtime_r(t: number | bigint): Tm | null {
  return __tz_convert(t, false);
}

/** tzset(3): reread TZ; tzname follows the TZ string's rules when no file is in use. */
export function tzset(): void {
  tzset_internal(true);
  if (!S.use_tzfile) S.tzname = [S.tz_rules[0].name, S.tz_rules[1].name];
}

// ---- mktime (time/mktime.c, gnulib's) ----

const TM_YEAR_BASE = 1900;
const MKTIME_MIN = -9223372036854775808;
const MKTIME_MAX = 9223372036854775807;
/** mktime's guess of the local offset, kept from call to call as glibc's static localtime_offset. */
let localtime_offset = 0;

const shr = (a: number, b: number): number => Math.floor(a / 2 ** b);
const and3 = (a: number): number => ((a % 4) + 4) % 4;

function leapyear(year: number): boolean {
  return and3(year) === 0 && (year % 100 !== 0 || and3(cdiv(year, 100)) === and3(-cdiv(TM_YEAR_BASE, 100)));
}

function isdst_differ(a: number, b: number): boolean {
  return (!a !== !b) && 0 <= a && 0 <= b;
}

function ydhms_diff(year1: number, yday1: number, hour1: number, min1: number, sec1: number,
  year0: number, yday0: number, hour0: number, min0: number, sec0: number): number {
  const a4 = shr(year1, 2) + shr(TM_YEAR_BASE, 2) - (and3(year1) === 0 ? 1 : 0);
  const b4 = shr(year0, 2) + shr(TM_YEAR_BASE, 2) - (and3(year0) === 0 ? 1 : 0);
  const a100 = cdiv(a4, 25) - (a4 % 25 < 0 ? 1 : 0);
  const b100 = cdiv(b4, 25) - (b4 % 25 < 0 ? 1 : 0);
  const a400 = shr(a100, 2);
  const b400 = shr(b100, 2);
  const intervening_leap_days = (a4 - b4) - (a100 - b100) + (a400 - b400);
  const years = year1 - year0;
  const days = 365 * years + yday1 - yday0 + intervening_leap_days;
  const hours = 24 * days + hour1 - hour0;
  const minutes = 60 * hours + min1 - min0;
  return 60 * minutes + sec1 - sec0;
}

function tm_diff(year: number, yday: number, hour: number, min: number, sec: number, tp: Tm): number {
  return ydhms_diff(year, yday, hour, min, sec, tp.tm_year, tp.tm_yday, tp.tm_hour, tp.tm_min, tp.tm_sec);
}

/** ranged_convert: localtime_r of t clamped to time_t, or of the nearest convertible time (binary search). */
function ranged_convert(t: number): [number, Tm] | null {
  const t1 = t < MKTIME_MIN ? MKTIME_MIN : t <= MKTIME_MAX ? t : MKTIME_MAX;
  const r = localtime_r(t1);
  if (r !== null) return [t1, r];
  let bad = t1, ok = 0;
  let oktm: Tm | null = null;
  for (;;) {
    const mid = Math.floor(ok / 2) + Math.floor(bad / 2) + ((ok % 2 !== 0 || bad % 2 !== 0) ? 1 : 0);
    if (mid === ok || mid === bad) break;
    const m = localtime_r(mid);
    if (m !== null) {
      ok = mid;
      oktm = m;
    } else {
      bad = mid;
    }
  }
  return oktm === null ? null : [ok, oktm];
}

/** mktime(3): local broken-down time (any field out of range, tm_isdst -1/0/1) to a timestamp; null on
 *  overflow. `tp` is normalised in place. */
export function mktime(tp: Tm): number | null {
  tzset();
  let remaining_probes = 6;
  let sec = tp.tm_sec;
  const min = tp.tm_min, hour = tp.tm_hour, mday = tp.tm_mday, mon = tp.tm_mon;
  const year_requested = tp.tm_year, isdst = tp.tm_isdst;
  let dst2 = 0;
  const mon_remainder = mon % 12;
  const negative_mon_remainder = mon_remainder < 0 ? 1 : 0;
  const mon_years = cdiv(mon, 12) - negative_mon_remainder;
  const year = year_requested + mon_years;
  const mon_yday = MON_YDAY[leapyear(year) ? 1 : 0][mon_remainder + 12 * negative_mon_remainder] - 1;
  const yday = mon_yday + mday;
  const off = localtime_offset;
  const sec_requested = sec;
  if (sec < 0) sec = 0;
  if (59 < sec) sec = 59;
  const negative_offset_guess = (0 - off) | 0;
  const t0 = ydhms_diff(year, yday, hour, min, sec, 1970 - TM_YEAR_BASE, 0, 0, 0, negative_offset_guess);
  let t = t0, t1 = t0, t2 = t0;
  let tm: Tm;
  found: {
    for (;;) {
      const rc = ranged_convert(t);
      if (rc === null) return null;
      [t, tm] = rc;
      const dt = tm_diff(year, yday, hour, min, sec, tm);
      if (dt === 0) break;
      if (t === t1 && t !== t2 && (tm.tm_isdst < 0
        || (isdst < 0 ? dst2 <= (tm.tm_isdst !== 0 ? 1 : 0) : (isdst !== 0) !== (tm.tm_isdst !== 0)))) {
        // Oscillating around a spring-forward gap: return a time dt away, preferring the other isdst.
        break found;
      }
      remaining_probes--;
      if (remaining_probes === 0) return null;
      t1 = t2;
      t2 = t;
      t += dt;
      dst2 = tm.tm_isdst !== 0 ? 1 : 0;
    }
    if (isdst_differ(isdst, tm.tm_isdst)) {
      // tm_isdst was asked for and differs: use the offset of a neighbouring time that has it.
      const stride = 601200;
      const duration_max = 536454000;
      const delta_bound = duration_max / 2 + stride;
      for (let delta = stride; delta < delta_bound; delta += stride) {
        for (let direction = -1; direction <= 1; direction += 2) {
          const ot = t + delta * direction;
          const oc = ranged_convert(ot);
          if (oc === null) return null;
          const otm = oc[1];
          if (!isdst_differ(isdst, otm.tm_isdst)) {
            const gt = oc[0] + tm_diff(year, yday, hour, min, sec, otm);
            if (MKTIME_MIN <= gt && gt <= MKTIME_MAX) {
              const g = localtime_r(gt);
              if (g !== null) {
                t = gt;
                tm = g;
                break found;
              }
            }
          }
        }
      }
      return null;
    }
  }
  localtime_offset = ((((t - t0) | 0) - negative_offset_guess) | 0);
  if (sec_requested !== tm.tm_sec) {
    // The seconds asked for, not the clamped ones (and a leap second's repair).
    const sec_adjustment = (sec === 0 && tm.tm_sec === 60 ? 1 : 0) - sec + sec_requested;
    t += sec_adjustment;
    if (!(MKTIME_MIN <= t && t <= MKTIME_MAX)) return null;
    const c = localtime_r(t);
    if (c === null) return null;
    tm = c;
  }
  tp.tm_sec = tm.tm_sec; tp.tm_min = tm.tm_min; tp.tm_hour = tm.tm_hour; tp.tm_mday = tm.tm_mday;
  tp.tm_mon = tm.tm_mon; tp.tm_year = tm.tm_year; tp.tm_wday = tm.tm_wday; tp.tm_yday = tm.tm_yday;
  tp.tm_isdst = tm.tm_isdst; tp.tm_gmtoff = tm.tm_gmtoff; tp.tm_zone = tm.tm_zone;
  return t;
}
