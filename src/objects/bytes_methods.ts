// The methods bytes and bytearray share: searching, splitting, stripping, padding, case mapping and predicates over
// ASCII, hex/fromhex, translate/maketrans. Counterparts: Objects/bytes_methods.c and Objects/stringlib/*.h (as
// instantiated for bytes). Each function takes the receiver and returns a result of the receiver's kind.
import { Py_None, Py_NotImplemented, Py_TYPE, type PyVal } from "./object.js";
import { PyErr_Format, PyErr_SetObject } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError, PyExc_MemoryError } from "./exceptions.js";
import { PyBytesObject, PyBytes_Type, PyBytes_FromArray, PyBytes_Check, bytesLikeData } from "./bytesobject.js";
import { PyByteArrayObject, PyByteArray_FromArray } from "./bytearrayobject.js";
import { PyUnicode_FromString, PyUnicode_Check, PyUnicode_Format, _PyFormat_StarArg } from "./unicodeobject.js";
import { PyTuple_New, PyTuple_Check, PyTupleObject } from "./tupleobject.js";
import { PyList_New } from "./listobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { PyNumber_AsSsize_t, PyNumber_Index, PyObject_IsTrue, PyObject_GetIter, PyIter_Next, PyObject_Size,
  _PyObject_LookupSpecial, PyObject_CallNoArgs, PyObject_ASCII } from "./abstract.js";
import { longValue } from "./longobject.js";
import { parseArgs, unpackArgs } from "../runtime/getargs.js";

// ---- allocation ----

/** DEVIATION: buffers beyond 2**31-1 bytes are refused with MemoryError (a failed allocation in CPython terms), before
 *  V8 would abort the process on an impossible typed-array or string size. */
export const MAX_BUFFER = 2 ** 31 - 1;

/** A zeroed buffer of n bytes, or MemoryError (PyErr_NoMemory). */
export function allocBytes(n: number): Uint8Array {
  if (n > MAX_BUFFER) PyErr_SetObject(PyExc_MemoryError, null);
  return new Uint8Array(n);
}

// ---- receiver access ----

/** The bytes of a bytes or bytearray receiver (a view for bytearray: do not keep it across calls into Python). */
export function selfBytes(self: PyVal): Uint8Array {
  if (self instanceof PyByteArrayObject) return self.ob_bytes.subarray(0, self.ob_size);
  return (self as PyBytesObject).ob_bytes;
}

/** A result of the receiver's kind: exact bytes for bytes (and subclasses), exact bytearray for bytearray. */
function newLike(self: PyVal, data: Uint8Array): PyVal {
  if (self instanceof PyByteArrayObject) return PyByteArray_FromArray(data);
  return PyBytes_FromArray(data);
}

/** `self` itself when it is an exact bytes and nothing changed (CPython returns the same object), else a copy. */
function sameOrCopy(self: PyVal, data: Uint8Array): PyVal {
  if (!(self instanceof PyByteArrayObject) && Py_TYPE(self) === PyBytes_Type) return self;
  return newLike(self, data.slice());
}

/** The buffer of an argument that must be bytes-like ("a bytes-like object is required, not 'str'"). */
export function bufferArg(v: PyVal): Uint8Array {
  const d = bytesLikeData(v);
  if (d === null) return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
  return d;
}

// ---- character classes (pyctype.h, ASCII only) ----

export function Py_ISSPACE(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
function Py_ISLOWER(c: number): boolean { return c >= 0x61 && c <= 0x7a; }
function Py_ISUPPER(c: number): boolean { return c >= 0x41 && c <= 0x5a; }
function Py_ISALPHA(c: number): boolean { return Py_ISLOWER(c) || Py_ISUPPER(c); }
function Py_ISDIGIT(c: number): boolean { return c >= 0x30 && c <= 0x39; }
function Py_ISALNUM(c: number): boolean { return Py_ISALPHA(c) || Py_ISDIGIT(c); }
function Py_TOLOWER(c: number): number { return Py_ISUPPER(c) ? c + 32 : c; }
function Py_TOUPPER(c: number): number { return Py_ISLOWER(c) ? c - 32 : c; }

// ---- argument helpers ----

/** _PyEval_SliceIndex: None keeps the default; ints (or __index__) clamp to the Py_ssize_t range. */
export function sliceIndex(v: PyVal | undefined, dflt: number): number {
  if (v === undefined || v === Py_None) return dflt;
  if (typeof v === "number") return v;
  if (Py_TYPE(v).nb_index === null) {
    return PyErr_Format(PyExc_TypeError, "slice indices must be integers or None or have an __index__ method");
  }
  const x = longValue(PyNumber_Index(v));
  if (typeof x === "number") return x;
  return x < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
}

/** ADJUST_INDICES of stringlib. */
function adjust(start: number, end: number, len: number): [number, number] {
  if (end > len) end = len;
  else if (end < 0) { end += len; if (end < 0) end = 0; }
  if (start < 0) { start += len; if (start < 0) start = 0; }
  return [start, end];
}

/** The sub argument of find/count/index: a bytes-like object or an int in range(256). */
function subArg(v: PyVal): Uint8Array {
  const d = bytesLikeData(v);
  if (d !== null) return d;
  if (typeof v === "number" || Py_TYPE(v).nb_index !== null) {
    const n = PyNumber_AsSsize_t(v, PyExc_OverflowError);
    if (n < 0 || n > 255) return PyErr_Format(PyExc_ValueError, "byte must be in range(0, 256)");
    return Uint8Array.of(n);
  }
  return PyErr_Format(PyExc_TypeError, `argument should be integer or bytes-like object, not '${Py_TYPE(v).tp_name}'`);
}

function indexArg(v: PyVal): number {
  return PyNumber_AsSsize_t(v, PyExc_OverflowError);
}

/** A fill byte: "center() argument 2 must be a byte string of length 1, not str". */
function fillArg(fname: string, v: PyVal | undefined): number {
  if (v === undefined) return 0x20;
  const d = bytesLikeData(v);
  if (d === null || d.length !== 1 || (!PyBytes_Check(v) && !(v instanceof PyByteArrayObject))) {
    return PyErr_Format(PyExc_TypeError, `${fname}() argument 2 must be a byte string of length 1, not ${Py_TYPE(v).tp_name}`);
  }
  return d[0];
}

// ---- searching (stringlib/find.h, count.h) ----

/** First index of needle in hay[start:end], or -1: a first-byte scan with Uint8Array.indexOf that switches to
 *  Knuth-Morris-Pratt when partial matches cost more than a few passes (CPython's fastsearch is linear too). */
export function findBytes(hay: Uint8Array, needle: Uint8Array, start: number, end: number): number {
  const n = needle.length;
  if (n === 0) return start <= end ? start : -1;
  const last = end - n;
  if (last < start) return -1;
  const c0 = needle[0];
  let work = 0;
  const limit = 4 * (end - start) + 256;
  for (let i = hay.indexOf(c0, start); i >= 0 && i <= last; i = hay.indexOf(c0, i + 1)) {
    let j = 1;
    while (j < n && hay[i + j] === needle[j]) j++;
    if (j === n) return i;
    work += j;
    if (work > limit) return kmpFind(hay, needle, i + 1, end);
  }
  return -1;
}

/** Last index of needle in hay[start:end], or -1 (lastIndexOf scan, KMP on the reversed range past the budget). */
export function rfindBytes(hay: Uint8Array, needle: Uint8Array, start: number, end: number): number {
  const n = needle.length;
  if (n === 0) return start <= end ? end : -1;
  const last = end - n;
  if (last < start) return -1;
  const c0 = needle[0];
  let work = 0;
  const limit = 4 * (end - start) + 256;
  for (let i = hay.lastIndexOf(c0, last); i >= start; i = i > 0 ? hay.lastIndexOf(c0, i - 1) : -1) {
    let j = 1;
    while (j < n && hay[i + j] === needle[j]) j++;
    if (j === n) return i;
    work += j;
    if (work > limit) {
      // The last occurrence starting at or before i-1: search the reversed window for the reversed needle.
      const hi = Math.min(end, i - 1 + n);
      const rh = hay.slice(start, hi).reverse(), rn = needle.slice().reverse();
      const k = kmpFind(rh, rn, 0, rh.length);
      return k < 0 ? -1 : hi - k - n;
    }
  }
  return -1;
}

/** Knuth-Morris-Pratt: first index of needle in hay[start:end] in O(end - start + needle.length). */
function kmpFind(hay: Uint8Array, needle: Uint8Array, start: number, end: number): number {
  const n = needle.length;
  const fail = new Int32Array(n);
  for (let i = 1, k = 0; i < n; i++) {
    while (k > 0 && needle[i] !== needle[k]) k = fail[k - 1];
    if (needle[i] === needle[k]) k++;
    fail[i] = k;
  }
  for (let i = start, k = 0; i < end; i++) {
    while (k > 0 && hay[i] !== needle[k]) k = fail[k - 1];
    if (hay[i] === needle[k]) k++;
    if (k === n) return i - n + 1;
  }
  return -1;
}

function countBytes(hay: Uint8Array, needle: Uint8Array, start: number, end: number, max: number): number {
  if (start > hay.length) return 0;
  if (needle.length === 0) return end >= start ? Math.min(end - start + 1, max) : 0;
  let n = 0;
  for (let i = findBytes(hay, needle, start, end); i >= 0 && n < max; i = findBytes(hay, needle, i + needle.length, end)) n++;
  return n;
}

function findArgs(fname: string, self: PyVal, args: readonly PyVal[]): [Uint8Array, Uint8Array, number, number] {
  const [sub, a, b] = unpackArgs(fname, args, 1, 3);
  const needle = subArg(sub!);
  const hay = selfBytes(self);
  const [start, end] = adjust(sliceIndex(a, 0), sliceIndex(b, Number.MAX_SAFE_INTEGER), hay.length);
  return [hay, needle, start, end];
}

export function bytes_find(self: PyVal, args: readonly PyVal[]): PyVal {
  const [hay, needle, start, end] = findArgs("find", self, args);
  if (start > hay.length) return -1;
  return findBytes(hay, needle, start, end);
}
export function bytes_rfind(self: PyVal, args: readonly PyVal[]): PyVal {
  const [hay, needle, start, end] = findArgs("rfind", self, args);
  if (start > hay.length) return -1;
  return rfindBytes(hay, needle, start, end);
}
export function bytes_index(self: PyVal, args: readonly PyVal[]): PyVal {
  const [hay, needle, start, end] = findArgs("index", self, args);
  const r = start > hay.length ? -1 : findBytes(hay, needle, start, end);
  if (r < 0) return PyErr_Format(PyExc_ValueError, "subsection not found");
  return r;
}
export function bytes_rindex(self: PyVal, args: readonly PyVal[]): PyVal {
  const [hay, needle, start, end] = findArgs("rindex", self, args);
  const r = start > hay.length ? -1 : rfindBytes(hay, needle, start, end);
  if (r < 0) return PyErr_Format(PyExc_ValueError, "subsection not found");
  return r;
}
export function bytes_count(self: PyVal, args: readonly PyVal[]): PyVal {
  const [hay, needle, start, end] = findArgs("count", self, args);
  return countBytes(hay, needle, start, end, Number.MAX_SAFE_INTEGER);
}

function tailmatch(hay: Uint8Array, sub: Uint8Array, start: number, end: number, fromEnd: boolean): boolean {
  [start, end] = adjust(start, end, hay.length);
  if (end - start < sub.length || start > hay.length) return false;
  const at = fromEnd ? end - sub.length : start;
  for (let j = 0; j < sub.length; j++) if (hay[at + j] !== sub[j]) return false;
  return true;
}

function startsOrEnds(fname: string, self: PyVal, args: readonly PyVal[], fromEnd: boolean): PyVal {
  const [sub, a, b] = unpackArgs(fname, args, 1, 3);
  const hay = selfBytes(self);
  const start = sliceIndex(a, 0), end = sliceIndex(b, Number.MAX_SAFE_INTEGER);
  if (PyTuple_Check(sub!)) {
    for (const item of sub.ob_item) {
      const d = bytesLikeData(item);
      if (d === null) {
        return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(item).tp_name}'`);
      }
      if (tailmatch(hay, d, start, end, fromEnd)) return PyBool_FromLong(true);
    }
    return PyBool_FromLong(false);
  }
  const d = bytesLikeData(sub!);
  if (d === null) {
    return PyErr_Format(PyExc_TypeError, `${fname} first arg must be bytes or a tuple of bytes, not ${Py_TYPE(sub!).tp_name}`);
  }
  return PyBool_FromLong(tailmatch(hay, d, start, end, fromEnd));
}
export function bytes_startswith(self: PyVal, args: readonly PyVal[]): PyVal {
  return startsOrEnds("startswith", self, args, false);
}
export function bytes_endswith(self: PyVal, args: readonly PyVal[]): PyVal {
  return startsOrEnds("endswith", self, args, true);
}

// ---- splitting ----

function maxsplitArg(v: PyVal | undefined): number {
  if (v === undefined) return -1;
  return PyNumber_AsSsize_t(v, PyExc_OverflowError);
}

function splitWhitespace(self: PyVal, b: Uint8Array, maxcount: number): PyVal[] {
  const out: PyVal[] = [];
  let i = 0;
  const n = b.length;
  while (maxcount-- > 0) {
    while (i < n && Py_ISSPACE(b[i])) i++;
    if (i === n) break;
    const j = i;
    i++;
    while (i < n && !Py_ISSPACE(b[i])) i++;
    if (j === 0 && i === n && !(self instanceof PyByteArrayObject) && Py_TYPE(self) === PyBytes_Type) {
      out.push(self);
      return out;
    }
    out.push(newLike(self, b.slice(j, i)));
  }
  if (i < n) {
    while (i < n && Py_ISSPACE(b[i])) i++;
    if (i !== n) out.push(newLike(self, b.slice(i, n)));
  }
  return out;
}

function rsplitWhitespace(self: PyVal, b: Uint8Array, maxcount: number): PyVal[] {
  const out: PyVal[] = [];
  let i = b.length - 1;
  while (maxcount-- > 0) {
    while (i >= 0 && Py_ISSPACE(b[i])) i--;
    if (i < 0) break;
    const j = i;
    i--;
    while (i >= 0 && !Py_ISSPACE(b[i])) i--;
    out.push(newLike(self, b.slice(i + 1, j + 1)));
  }
  if (i >= 0) {
    while (i >= 0 && Py_ISSPACE(b[i])) i--;
    if (i >= 0) out.push(newLike(self, b.slice(0, i + 1)));
  }
  return out.reverse();
}

export function bytes_split(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [sepArg, ms] = parseArgs("split", args, kwnames, ["sep", "maxsplit"], 0, 2);
  let maxcount = maxsplitArg(ms);
  if (maxcount < 0) maxcount = Number.MAX_SAFE_INTEGER;
  const b = selfBytes(self);
  if (sepArg === undefined || sepArg === Py_None) return PyList_New(splitWhitespace(self, b, maxcount));
  const sep = bufferArg(sepArg);
  if (sep.length === 0) return PyErr_Format(PyExc_ValueError, "empty separator");
  const out: PyVal[] = [];
  let i = 0;
  while (maxcount-- > 0) {
    const j = findBytes(b, sep, i, b.length);
    if (j < 0) break;
    out.push(newLike(self, b.slice(i, j)));
    i = j + sep.length;
  }
  out.push(i === 0 && !(self instanceof PyByteArrayObject) && Py_TYPE(self) === PyBytes_Type ? self : newLike(self, b.slice(i)));
  return PyList_New(out);
}

export function bytes_rsplit(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [sepArg, ms] = parseArgs("rsplit", args, kwnames, ["sep", "maxsplit"], 0, 2);
  let maxcount = maxsplitArg(ms);
  if (maxcount < 0) maxcount = Number.MAX_SAFE_INTEGER;
  const b = selfBytes(self);
  if (sepArg === undefined || sepArg === Py_None) return PyList_New(rsplitWhitespace(self, b, maxcount));
  const sep = bufferArg(sepArg);
  if (sep.length === 0) return PyErr_Format(PyExc_ValueError, "empty separator");
  const out: PyVal[] = [];
  let j = b.length;
  while (maxcount-- > 0) {
    const pos = rfindBytes(b, sep, 0, j);
    if (pos < 0) break;
    out.push(newLike(self, b.slice(pos + sep.length, j)));
    j = pos;
  }
  out.push(j === b.length && !(self instanceof PyByteArrayObject) && Py_TYPE(self) === PyBytes_Type ? self : newLike(self, b.slice(0, j)));
  return PyList_New(out.reverse());
}

function partition(self: PyVal, sepArg: PyVal, fromRight: boolean): PyVal {
  const sep = bufferArg(sepArg);
  if (sep.length === 0) return PyErr_Format(PyExc_ValueError, "empty separator");
  const b = selfBytes(self);
  const pos = fromRight ? rfindBytes(b, sep, 0, b.length) : findBytes(b, sep, 0, b.length);
  const empty = (): PyVal => newLike(self, new Uint8Array(0));
  if (pos < 0) {
    const whole = sameOrCopy(self, b);
    return fromRight ? PyTuple_New([empty(), empty(), whole]) : PyTuple_New([whole, empty(), empty()]);
  }
  const sepObj = !(self instanceof PyByteArrayObject) && PyBytes_Check(sepArg) && Py_TYPE(sepArg) === PyBytes_Type
    ? sepArg : newLike(self, sep.slice());
  return PyTuple_New([newLike(self, b.slice(0, pos)), sepObj, newLike(self, b.slice(pos + sep.length))]);
}
export function bytes_partition(self: PyVal, sep: PyVal): PyVal {
  return partition(self, sep, false);
}
export function bytes_rpartition(self: PyVal, sep: PyVal): PyVal {
  return partition(self, sep, true);
}

export function bytes_splitlines(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [ke] = parseArgs("splitlines", args, kwnames, ["keepends"], 0, 1);
  const keepends = ke !== undefined && PyObject_IsTrue(ke);
  const b = selfBytes(self);
  const out: PyVal[] = [];
  let i = 0;
  const n = b.length;
  while (i < n) {
    const j = i;
    while (i < n && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    let eol = i;
    if (i < n) {
      if (b[i] === 0x0d && i + 1 < n && b[i + 1] === 0x0a) i += 2;
      else i++;
      if (keepends) eol = i;
    }
    if (j === 0 && eol === n && !(self instanceof PyByteArrayObject) && Py_TYPE(self) === PyBytes_Type) {
      out.push(self);
      break;
    }
    out.push(newLike(self, b.slice(j, eol)));
  }
  return PyList_New(out);
}

// ---- stripping ----

function doStrip(self: PyVal, args: readonly PyVal[], fname: string, left: boolean, right: boolean): PyVal {
  const [chars] = unpackArgs(fname, args, 0, 1);
  const b = selfBytes(self);
  let test: (c: number) => boolean;
  if (chars === undefined || chars === Py_None) test = Py_ISSPACE;
  else {
    const set = bufferArg(chars);
    test = (c) => set.includes(c);
  }
  let i = 0, j = b.length;
  if (left) while (i < j && test(b[i])) i++;
  if (right) while (j > i && test(b[j - 1])) j--;
  if (i === 0 && j === b.length) return sameOrCopy(self, b);
  return newLike(self, b.slice(i, j));
}
export function bytes_strip(self: PyVal, args: readonly PyVal[]): PyVal {
  return doStrip(self, args, "strip", true, true);
}
export function bytes_lstrip(self: PyVal, args: readonly PyVal[]): PyVal {
  return doStrip(self, args, "lstrip", true, false);
}
export function bytes_rstrip(self: PyVal, args: readonly PyVal[]): PyVal {
  return doStrip(self, args, "rstrip", false, true);
}

export function bytes_removeprefix(self: PyVal, prefix: PyVal): PyVal {
  const p = bufferArg(prefix);
  const b = selfBytes(self);
  if (p.length <= b.length && p.every((c, k) => b[k] === c) && p.length > 0) return newLike(self, b.slice(p.length));
  return sameOrCopy(self, b);
}
export function bytes_removesuffix(self: PyVal, suffix: PyVal): PyVal {
  const p = bufferArg(suffix);
  const b = selfBytes(self);
  const off = b.length - p.length;
  if (p.length > 0 && off >= 0 && p.every((c, k) => b[off + k] === c)) return newLike(self, b.slice(0, off));
  return sameOrCopy(self, b);
}

// ---- replace (stringlib/transmogrify.h) ----

export function bytes_replace(self: PyVal, args: readonly PyVal[]): PyVal {
  const [o, nw, c] = unpackArgs("replace", args, 2, 3);
  const from = bufferArg(o!), to = bufferArg(nw!);
  let maxcount = c === undefined ? -1 : PyNumber_AsSsize_t(c, PyExc_OverflowError);
  if (maxcount < 0) maxcount = Number.MAX_SAFE_INTEGER;
  const b = selfBytes(self);
  if (maxcount === 0 || (from.length === 0 && to.length === 0)) return sameOrCopy(self, b);
  const parts: Uint8Array[] = [];
  if (from.length === 0) {
    // Insert `to` before every byte and at the end, up to maxcount times.
    let k = 0;
    for (let i = 0; i <= b.length; i++) {
      if (k < maxcount) { parts.push(to); k++; }
      if (i < b.length) parts.push(b.subarray(i, i + 1));
    }
  } else {
    let i = 0, k = 0;
    while (k < maxcount) {
      const j = findBytes(b, from, i, b.length);
      if (j < 0) break;
      parts.push(b.subarray(i, j), to);
      i = j + from.length;
      k++;
    }
    if (k === 0) return sameOrCopy(self, b);
    parts.push(b.subarray(i));
  }
  return newLike(self, concat(parts));
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = allocBytes(n);
  let off = 0;
  for (const p of parts) { out.set(p, off); off += p.length; }
  return out;
}

// ---- padding ----

function pad(self: PyVal, left: number, right: number, fill: number): PyVal {
  const b = selfBytes(self);
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left === 0 && right === 0) return sameOrCopy(self, b);
  const out = allocBytes(left + b.length + right).fill(fill);
  out.set(b, left);
  return newLike(self, out);
}

export function bytes_center(self: PyVal, args: readonly PyVal[]): PyVal {
  const [w, f] = unpackArgs("center", args, 1, 2);
  const width = indexArg(w!);
  const fill = fillArg("center", f);
  const n = selfBytes(self).length;
  if (width <= n) return sameOrCopy(self, selfBytes(self));
  const marg = width - n;
  const left = (marg >> 1) + (marg & width & 1);
  return pad(self, left, marg - left, fill);
}
export function bytes_ljust(self: PyVal, args: readonly PyVal[]): PyVal {
  const [w, f] = unpackArgs("ljust", args, 1, 2);
  const width = indexArg(w!);
  const fill = fillArg("ljust", f);
  return pad(self, 0, width - selfBytes(self).length, fill);
}
export function bytes_rjust(self: PyVal, args: readonly PyVal[]): PyVal {
  const [w, f] = unpackArgs("rjust", args, 1, 2);
  const width = indexArg(w!);
  const fill = fillArg("rjust", f);
  return pad(self, width - selfBytes(self).length, 0, fill);
}
export function bytes_zfill(self: PyVal, w: PyVal): PyVal {
  const width = indexArg(w);
  const b = selfBytes(self);
  if (width <= b.length) return sameOrCopy(self, b);
  const fill = width - b.length;
  const out = allocBytes(width).fill(0x30);
  out.set(b, fill);
  if (b.length > 0 && (b[0] === 0x2b || b[0] === 0x2d)) {
    out[0] = b[0];
    out[fill] = 0x30;
  }
  return newLike(self, out);
}

export function bytes_expandtabs(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [ts] = parseArgs("expandtabs", args, kwnames, ["tabsize"], 0, 1);
  const tabsize = ts === undefined ? 8 : cIntArg(ts);
  const b = selfBytes(self);
  // First pass: the result's length (stringlib_expandtabs), so a huge tab size fails before allocating.
  let len = 0, col = 0;
  for (const c of b) {
    if (c === 0x09) {
      if (tabsize > 0) { const incr = tabsize - (col % tabsize); col += incr; len += incr; }
    } else {
      len++;
      col = c === 0x0a || c === 0x0d ? 0 : col + 1;
    }
  }
  if (len > 2 ** 63) return PyErr_Format(PyExc_OverflowError, "result too long");
  const out = allocBytes(len);
  let j = 0;
  col = 0;
  for (const c of b) {
    if (c === 0x09) {
      if (tabsize > 0) {
        const incr = tabsize - (col % tabsize);
        col += incr;
        out.fill(0x20, j, j + incr);
        j += incr;
      }
    } else {
      out[j++] = c;
      col = c === 0x0a || c === 0x0d ? 0 : col + 1;
    }
  }
  return newLike(self, out);
}

/** An argument converted to a C int ("Python int too large to convert to C int"). */
function cIntArg(v: PyVal): number {
  if (typeof v !== "number" && Py_TYPE(v).nb_index === null) {
    return PyErr_Format(PyExc_TypeError, `'${Py_TYPE(v).tp_name}' object cannot be interpreted as an integer`);
  }
  const x = longValue(PyNumber_Index(v));
  if (x > 2147483647 || x < -2147483648) {
    return PyErr_Format(PyExc_OverflowError, x > 0 ? "Python int too large to convert to C int" : "Python int too large to convert to C int");
  }
  return Number(x);
}

// ---- case mapping and predicates (bytes_methods.c) ----

function mapBytes(self: PyVal, f: (c: number) => number): PyVal {
  const b = selfBytes(self);
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = f(b[i]);
  return newLike(self, out);
}
export function bytes_lower(self: PyVal): PyVal { return mapBytes(self, Py_TOLOWER); }
export function bytes_upper(self: PyVal): PyVal { return mapBytes(self, Py_TOUPPER); }
export function bytes_swapcase(self: PyVal): PyVal {
  return mapBytes(self, (c) => (Py_ISUPPER(c) ? c + 32 : Py_ISLOWER(c) ? c - 32 : c));
}
export function bytes_capitalize(self: PyVal): PyVal {
  let first = true;
  return mapBytes(self, (c) => {
    const r = first ? Py_TOUPPER(c) : Py_TOLOWER(c);
    first = false;
    return r;
  });
}
export function bytes_title(self: PyVal): PyVal {
  let previousIsCased = false;
  return mapBytes(self, (c) => {
    let r = c;
    if (Py_ISLOWER(c)) { if (!previousIsCased) r = c - 32; previousIsCased = true; }
    else if (Py_ISUPPER(c)) { if (previousIsCased) r = c + 32; previousIsCased = true; }
    else previousIsCased = false;
    return r;
  });
}

function allOf(self: PyVal, f: (c: number) => boolean): PyVal {
  const b = selfBytes(self);
  if (b.length === 0) return PyBool_FromLong(false);
  for (const c of b) if (!f(c)) return PyBool_FromLong(false);
  return PyBool_FromLong(true);
}
export function bytes_isspace(self: PyVal): PyVal { return allOf(self, Py_ISSPACE); }
export function bytes_isalpha(self: PyVal): PyVal { return allOf(self, Py_ISALPHA); }
export function bytes_isalnum(self: PyVal): PyVal { return allOf(self, Py_ISALNUM); }
export function bytes_isdigit(self: PyVal): PyVal { return allOf(self, Py_ISDIGIT); }
export function bytes_isascii(self: PyVal): PyVal {
  for (const c of selfBytes(self)) if (c >= 0x80) return PyBool_FromLong(false);
  return PyBool_FromLong(true);
}
export function bytes_islower(self: PyVal): PyVal {
  let cased = false;
  for (const c of selfBytes(self)) {
    if (Py_ISUPPER(c)) return PyBool_FromLong(false);
    if (Py_ISLOWER(c)) cased = true;
  }
  return PyBool_FromLong(cased);
}
export function bytes_isupper(self: PyVal): PyVal {
  let cased = false;
  for (const c of selfBytes(self)) {
    if (Py_ISLOWER(c)) return PyBool_FromLong(false);
    if (Py_ISUPPER(c)) cased = true;
  }
  return PyBool_FromLong(cased);
}
export function bytes_istitle(self: PyVal): PyVal {
  let cased = false, previousIsCased = false;
  for (const c of selfBytes(self)) {
    if (Py_ISUPPER(c)) {
      if (previousIsCased) return PyBool_FromLong(false);
      previousIsCased = true;
      cased = true;
    } else if (Py_ISLOWER(c)) {
      if (!previousIsCased) return PyBool_FromLong(false);
      previousIsCased = true;
      cased = true;
    } else {
      previousIsCased = false;
    }
  }
  return PyBool_FromLong(cased);
}

// ---- translate / maketrans ----

export function bytes_translate(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [t, del] = parseArgs("translate", args, kwnames, ["", "delete"], 1, 2);
  let table: Uint8Array | null = null;
  if (t !== Py_None) {
    table = bufferArg(t!);
    if (table.length !== 256) return PyErr_Format(PyExc_ValueError, "translation table must be 256 characters long");
  }
  const deletechars = del === undefined ? new Uint8Array(0) : bufferArg(del);
  const b = selfBytes(self);
  const out: number[] = [];
  let changed = false;
  for (const c of b) {
    if (deletechars.includes(c)) { changed = true; continue; }
    const r = table === null ? c : table[c];
    if (r !== c) changed = true;
    out.push(r);
  }
  if (!changed) return sameOrCopy(self, b);
  return newLike(self, Uint8Array.from(out));
}

/** bytes.maketrans / bytearray.maketrans (a staticmethod returning bytes). */
export function bytes_maketrans(_cls: PyVal, args: readonly PyVal[]): PyVal {
  const [f, t] = unpackArgs("maketrans", args, 2, 2);
  const frm = bufferArg(f!), to = bufferArg(t!);
  if (frm.length !== to.length) return PyErr_Format(PyExc_ValueError, "maketrans arguments must have same length");
  const out = new Uint8Array(256);
  for (let i = 0; i < 256; i++) out[i] = i;
  for (let i = 0; i < frm.length; i++) out[frm[i]] = to[i];
  return PyBytes_FromArray(out);
}

// ---- hex / fromhex (Python/pystrhex.c, _PyBytes_FromHex) ----

/** _Py_strhex_impl: lower-case hex digits with an optional separator every |bytes_per_sep| bytes. */
export function strhex(b: Uint8Array, sepArg: PyVal | undefined, perSepArg: PyVal | undefined): string {
  const hex = (c: number): string => (c < 16 ? "0" : "") + c.toString(16);
  let sep = "";
  if (sepArg !== undefined) {
    let text: string;
    if (PyUnicode_Check(sepArg)) text = sepArg.value;
    else {
      const d = bytesLikeData(sepArg);
      if (d === null) {
        // _Py_strhex_impl measures the separator before checking its type.
        if (PyObject_Size(sepArg) !== 1) return PyErr_Format(PyExc_ValueError, "sep must be length 1.");
        return PyErr_Format(PyExc_TypeError, "sep must be str or bytes.");
      }
      text = String.fromCharCode(...d);
    }
    if ([...text].length !== 1) return PyErr_Format(PyExc_ValueError, "sep must be length 1.");
    if (text.charCodeAt(0) > 127) return PyErr_Format(PyExc_ValueError, "sep must be ASCII.");
    sep = text;
  }
  let per = perSepArg === undefined ? 1 : PyNumber_AsSsize_t(perSepArg, PyExc_OverflowError);
  if (sep === "" || per === 0 || b.length === 0) return Array.from(b, hex).join("");
  const fromLeft = per < 0;
  per = Math.abs(per);
  const groups: string[] = [];
  if (fromLeft) {
    for (let i = 0; i < b.length; i += per) groups.push(Array.from(b.subarray(i, i + per), hex).join(""));
  } else {
    for (let end = b.length; end > 0; end -= per) groups.unshift(Array.from(b.subarray(Math.max(0, end - per), end), hex).join(""));
  }
  return groups.join(sep);
}

export function bytes_hex(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): PyVal {
  const [sep, per] = parseArgs("hex", args, kwnames, ["sep", "bytes_per_sep"], 0, 2);
  return PyUnicode_FromString(strhex(selfBytes(self), sep, per));
}

/** _PyBytes_FromHex: pairs of hex digits, ASCII whitespace allowed between pairs. */
export function fromhexBytes(arg: PyVal): Uint8Array {
  if (!PyUnicode_Check(arg)) {
    return PyErr_Format(PyExc_TypeError, `fromhex() argument must be str, not ${Py_TYPE(arg).tp_name}`);
  }
  const s = arg.value;
  const out: number[] = [];
  const digit = (k: number): number => {
    const c = s.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) return c - 0x30;
    if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
    if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
    return -1;
  };
  let i = 0;
  while (i < s.length) {
    if (Py_ISSPACE(s.charCodeAt(i))) { i++; continue; }
    const top = digit(i);
    if (top < 0) return fromhexError(i);
    const bot = i + 1 < s.length ? digit(i + 1) : -1;
    if (bot < 0) return fromhexError(i + 1);
    out.push(top * 16 + bot);
    i += 2;
  }
  return Uint8Array.from(out);
}
function fromhexError(pos: number): never {
  return PyErr_Format(PyExc_ValueError, `non-hexadecimal number found in fromhex() arg at position ${pos}`);
}

// ---- join ----

export function bytes_join_impl(self: PyVal, iterable: PyVal): PyVal {
  const sep = selfBytes(self).slice();
  const parts: Uint8Array[] = [];
  const it = PyObject_GetIter(iterable);
  let i = 0;
  for (let v = PyIter_Next(it); v !== undefined; v = PyIter_Next(it), i++) {
    const d = bytesLikeData(v);
    if (d === null) {
      return PyErr_Format(PyExc_TypeError, `sequence item ${i}: expected a bytes-like object, ${Py_TYPE(v).tp_name} found`);
    }
    if (i > 0) parts.push(sep);
    parts.push(d.slice());
  }
  return newLike(self, concat(parts));
}

// ---- printf-style formatting (_PyBytes_FormatEx) ----

function isMappingArg(v: PyVal): boolean {
  if (typeof v === "number" || PyTuple_Check(v) || PyBytes_Check(v) || PyUnicode_Check(v)) return false;
  return Py_TYPE(v).mp_subscript !== null;
}

/** %b / %s: the bytes of a bytes-like object or of __bytes__ (format_obj). */
function formatObjBytes(v: PyVal): Uint8Array {
  const d = bytesLikeData(v);
  if (d !== null) return d;
  if (typeof v !== "number") {
    const f = _PyObject_LookupSpecial(v, "__bytes__");
    if (f !== undefined) {
      const r = PyObject_CallNoArgs(f);
      if (!PyBytes_Check(r)) {
        return PyErr_Format(PyExc_TypeError, `__bytes__ returned non-bytes (type ${Py_TYPE(r).tp_name})`);
      }
      return r.ob_bytes;
    }
  }
  return PyErr_Format(PyExc_TypeError,
    `%b requires a bytes-like object, or an object that implements __bytes__, not '${Py_TYPE(v).tp_name}'`);
}

function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** bytes % args and bytearray % args. */
export function PyBytes_Format(fmt: Uint8Array, args: PyVal): Uint8Array {
  const out: Uint8Array[] = [];
  // getnextarg's cursor: a tuple is consumed item by item; any other object is the single argument (arglen -1).
  let arglen: number, argidx: number;
  if (PyTuple_Check(args)) { arglen = args.ob_item.length; argidx = 0; } else { arglen = -1; argidx = -2; }
  const dict = isMappingArg(args) ? args : null;
  const nextArg = (): PyVal => {
    if (argidx < arglen) {
      const k = argidx++;
      return arglen < 0 ? args : (args as PyTupleObject).ob_item[k];
    }
    return PyErr_Format(PyExc_TypeError, "not enough arguments for format string");
  };
  let i = 0;
  const n = fmt.length;
  let litStart = 0;
  while (i < n) {
    if (fmt[i] !== 0x25) { i++; continue; }
    out.push(fmt.subarray(litStart, i));
    i++;
    let v: PyVal | null = null;
    if (i < n && fmt[i] === 0x28) {
      if (dict === null) return PyErr_Format(PyExc_TypeError, "format requires a mapping");
      let depth = 1;
      const ks = ++i;
      while (i < n && depth > 0) {
        if (fmt[i] === 0x29) depth--;
        else if (fmt[i] === 0x28) depth++;
        i++;
      }
      if (depth > 0) return PyErr_Format(PyExc_ValueError, "incomplete format key");
      const key = PyBytes_FromArray(fmt.slice(ks, i - 1));
      v = Py_TYPE(dict).mp_subscript!(dict, key);
      arglen = -1;
      argidx = -2;
    }
    let flags = "";
    while (i < n && "-+ #0".includes(String.fromCharCode(fmt[i]))) flags += String.fromCharCode(fmt[i++]);
    let width = "";
    if (i < n && fmt[i] === 0x2a) {
      width = String(_PyFormat_StarArg(nextArg(), false));
      i++;
    } else {
      while (i < n && fmt[i] >= 0x30 && fmt[i] <= 0x39) width += String.fromCharCode(fmt[i++]);
      if (Number(width) > 2 ** 63 - 1) return PyErr_Format(PyExc_ValueError, "width too big");
    }
    let prec = "";
    let hasPrec = false;
    if (i < n && fmt[i] === 0x2e) {
      hasPrec = true;
      i++;
      if (i < n && fmt[i] === 0x2a) {
        // The precision is a C int (PyLong_AsInt); a negative one is 0.
        prec = String(Math.max(0, _PyFormat_StarArg(nextArg(), true)));
        i++;
      } else {
        while (i < n && fmt[i] >= 0x30 && fmt[i] <= 0x39) prec += String.fromCharCode(fmt[i++]);
        if (Number(prec) > 2147483647) return PyErr_Format(PyExc_ValueError, "prec too big");
      }
    }
    while (i < n && (fmt[i] === 0x68 || fmt[i] === 0x6c || fmt[i] === 0x4c)) i++;
    if (i >= n) return PyErr_Format(PyExc_ValueError, "incomplete format");
    const c = String.fromCharCode(fmt[i]);
    const convIndex = i;
    i++;
    litStart = i;
    if (c === "%") { out.push(Uint8Array.of(0x25)); continue; }
    // An integer conversion's precision beyond _PyUnicode_FormatLong's limit is an OverflowError before anything is
    // made; other sizes beyond what a buffer can hold are the MemoryError of CPython's allocation.
    if ("diuoxX".includes(c) && Number(prec) > 2147483647 - 3) return PyErr_Format(PyExc_OverflowError, "precision too large");
    if (Number(width) > MAX_BUFFER || Number(prec) > MAX_BUFFER) PyErr_SetObject(PyExc_MemoryError, null);
    if (v === null) v = nextArg();
    let body: Uint8Array;
    const w = width === "" ? 0 : Number(width);
    const left = flags.includes("-");
    const padTo = (b: Uint8Array): Uint8Array => {
      if (b.length >= w) return b;
      const padding = allocBytes(w - b.length).fill(0x20);
      return left ? concat([b, padding]) : concat([padding, b]);
    };
    switch (c) {
      case "s": case "b": {
        let d = formatObjBytes(v);
        if (hasPrec) d = d.subarray(0, Number(prec || "0"));
        body = padTo(d.slice());
        break;
      }
      case "r": case "a": {
        let s = PyObject_ASCII(v).value;
        if (hasPrec) s = s.slice(0, Number(prec || "0"));
        body = padTo(latin1(s));
        break;
      }
      case "c": {
        let ch: number;
        if (PyBytes_Check(v) || v instanceof PyByteArrayObject) {
          const d = bytesLikeData(v)!;
          if (d.length !== 1) return PyErr_Format(PyExc_TypeError, "%c requires an integer in range(256) or a single byte");
          ch = d[0];
        } else if (typeof v === "number" || Py_TYPE(v).nb_index !== null && !PyUnicode_Check(v)) {
          const x = longValue(PyNumber_Index(v));
          if (x < 0 || x > 255) return PyErr_Format(PyExc_OverflowError, "%c arg not in range(256)");
          ch = Number(x);
        } else {
          return PyErr_Format(PyExc_TypeError, "%c requires an integer in range(256) or a single byte");
        }
        body = padTo(Uint8Array.of(ch));
        break;
      }
      case "d": case "i": case "u": case "o": case "x": case "X": case "e": case "E": case "f": case "F": case "g": case "G": {
        if ("eEfFgG".includes(c) && typeof v !== "number" && !PyFloatLike(v)) {
          return PyErr_Format(PyExc_TypeError, `float argument required, not ${Py_TYPE(v).tp_name}`);
        }
        const spec = "%" + flags + width + (hasPrec ? "." + prec : "") + c;
        body = latin1(PyUnicode_Format(spec, PyTuple_New([v])));
        break;
      }
      default: {
        const code = fmt[convIndex];
        const shown = code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : "?";
        return PyErr_Format(PyExc_ValueError,
          `unsupported format character '${shown}' (0x${code.toString(16)}) at index ${convIndex}`);
      }
    }
    out.push(body);
  }
  out.push(fmt.subarray(litStart));
  if (argidx < arglen && dict === null) {
    return PyErr_Format(PyExc_TypeError, "not all arguments converted during bytes formatting");
  }
  return concat(out);
}

function PyFloatLike(v: PyVal): boolean {
  return Py_TYPE(v).nb_float !== null || Py_TYPE(v).nb_index !== null;
}

/** nb_remainder of bytes and bytearray: only when the left operand is the bytes object. */
export function bytes_mod(a: PyVal, b: PyVal): PyVal {
  if (!(PyBytes_Check(a) || a instanceof PyByteArrayObject)) return Py_NotImplemented;
  return newLike(a, PyBytes_Format(selfBytes(a), b));
}
