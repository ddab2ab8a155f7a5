// The unpickler of _pickle (Modules/_pickle.c: UnpicklerObject, the Pdata stack with its marks and fence, reading
// from bytes or a file with peek/read/readinto/readline, the memo array, load() and its load_* functions, find_class
// with _compat_pickle's mappings) with the C module's messages. docs/modules.md.
import {
  PyObject, PyTypeObject, Py_None, Py_TYPE, PyUnicode_InternInPlace, PyUnicodeObject, PyUnicode_Type, type PyVal,
} from "../../objects/object.js";
import { Py_True, Py_False, PyBool_FromLong } from "../../objects/boolobject.js";
import { PyFloat_FromDouble } from "../../objects/floatobject.js";
import { PyBytes_FromArray, PyBytes_Check } from "../../objects/bytesobject.js";
import { PyByteArray_FromArray } from "../../objects/bytearrayobject.js";
import { PyUnicode_FromString, PyUnicode_Check, PyUnicode_CheckExact } from "../../objects/unicodeobject.js";
import { PyUnicode_Decode } from "../../objects/unicodecodecs.js";
import { PyTuple_New, PyTuple_Check, PyTupleObject } from "../../objects/tupleobject.js";
import { PyList_New, PyListObject, PyList_Type } from "../../objects/listobject.js";
import { PyDict_New, PyDict_SetItem, PyDict_GetItem, PyDict_Check, PyDictObject } from "../../objects/dictobject.js";
import { PySet_New, PyFrozenSet_New, PySet_Type, PySetObject, set_update_internal } from "../../objects/setobject.js";
import { PyLong_FromBigInt, PyLong_FromUnicodeText } from "../../objects/longobject.js";
import {
  PyMemoryView_FromObject, PyMemoryView_FromMemory, PyObject_GetBufferData,
} from "../../objects/memoryobject.js";
import {
  PyObject_GetAttr, _PyObject_LookupAttr, PyObject_CallOneArg, PyObject_CallNoArgs, PyObject_Vectorcall,
  PyObject_CallMethod, PyObject_SetItem, PyObject_SetAttr, PyObject_Repr, PyIter_Next, PyType_IsSubtype,
} from "../../objects/abstract.js";
import {
  PyExc_ValueError, PyExc_OverflowError, PyExc_TypeError, PyExc_EOFError, PyExc_AttributeError,
  PyExc_RuntimeError, PyExc_NotImplementedError, PyExc_MemoryError,
} from "../../objects/exceptions.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { PyImport_ImportModule } from "../../runtime/import.js";
import { OP, HIGHEST_PROTOCOL, PREFETCH, ID, st, exceptionMatches, raiseFrom } from "./state.js";
import { asCLong } from "./pickler.js";

const READ_WHOLE_LINE = -1;
/** Allocations from this size fail as malloc does on the reference machine (23 GiB of memory: an 8 GiB buffer is
 *  allocated, a 30 GiB memo is refused). */
const MEMORY_LIMIT = 24 * 2 ** 30;
const PY_SSIZE_T_MAX = 9223372036854775807n;
const utf8Fatal = new TextDecoder("utf-8", { fatal: true });

export class UnpicklerObject extends PyObject {
  stack: PyVal[];
  /** Size of the stack at the innermost MARK (Pdata.fence); 0 without marks. */
  fence: number;
  marks: number[];
  memo: (PyVal | undefined)[];
  memo_len: number;
  pers_func: PyVal | null;
  input: Uint8Array;
  input_len: number;
  next_read_idx: number;
  prefetched_idx: number;
  read: PyVal | null;
  readinto: PyVal | null;
  readline: PyVal | null;
  peek: PyVal | null;
  buffers: PyVal | null;
  encoding: string;
  errors: string;
  proto: number;
  fix_imports: boolean;
  constructor(type: PyTypeObject) {
    super(type);
    this.stack = [];
    this.fence = 0;
    this.marks = [];
    this.memo = [];
    this.memo_len = 0;
    this.pers_func = null;
    this.input = new Uint8Array(0);
    this.input_len = 0;
    this.next_read_idx = 0;
    this.prefetched_idx = 0;
    this.read = null;
    this.readinto = null;
    this.readline = null;
    this.peek = null;
    this.buffers = null;
    this.encoding = "ASCII";
    this.errors = "strict";
    this.proto = 0;
    this.fix_imports = true;
  }
}

// ---- the stack ----

function stack_underflow(self: UnpicklerObject): never {
  return PyErr_Format(st().UnpicklingError, self.marks.length !== 0 ? "unexpected MARK found" : "unpickling stack underflow");
}

function pop(self: UnpicklerObject): PyVal {
  if (self.stack.length <= self.fence) return stack_underflow(self);
  return self.stack.pop()!;
}

function poptuple(self: UnpicklerObject, start: number): PyTupleObject {
  if (start < self.fence) return stack_underflow(self);
  const items = self.stack.slice(start);
  self.stack.length = start;
  return PyTuple_New(items);
}

function poplist(self: UnpicklerObject, start: number): PyVal[] {
  const items = self.stack.slice(start);
  self.stack.length = start;
  return items;
}

function top(self: UnpicklerObject): PyVal {
  if (self.stack.length <= self.fence) return stack_underflow(self);
  return self.stack[self.stack.length - 1];
}

/** marker: pop the innermost MARK and return the stack size it recorded. */
function marker(self: UnpicklerObject): number {
  if (self.marks.length < 1) return PyErr_Format(st().UnpicklingError, "could not find MARK");
  const mark = self.marks.pop()!;
  self.fence = self.marks.length !== 0 ? self.marks[self.marks.length - 1] : 0;
  return mark;
}

// ---- input ----

function bad_readline(): never {
  return PyErr_Format(st().UnpicklingError, "pickle data was truncated");
}

/** _Unpickler_SetStringInput: read from the bytes of a buffer. */
export function _Unpickler_SetStringInput(self: UnpicklerObject, input: PyVal): number {
  const data = PyObject_GetBufferData(input);
  if (data === null) return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(input).tp_name}'`);
  self.input = data;
  self.input_len = data.length;
  self.next_read_idx = 0;
  self.prefetched_idx = data.length;
  return data.length;
}

/** Skip the bytes taken from data prefetched with peek() (so the file stands after the pickle). */
function skipConsumed(self: UnpicklerObject): void {
  const consumed = self.next_read_idx - self.prefetched_idx;
  if (consumed <= 0) return;
  PyObject_CallOneArg(self.read!, consumed);
  self.prefetched_idx = self.next_read_idx;
}

function readFromFile(self: UnpicklerObject, n: number): number {
  skipConsumed(self);
  let data: PyVal;
  if (n === READ_WHOLE_LINE) {
    data = PyObject_CallNoArgs(self.readline!);
  } else {
    if (self.peek !== null && n < PREFETCH) {
      let peeked: PyVal | undefined;
      try {
        peeked = PyObject_CallOneArg(self.peek, PREFETCH);
      } catch (e) {
        if (!exceptionMatches(e, PyExc_NotImplementedError)) throw e;
        self.peek = null;
      }
      if (peeked !== undefined) {
        const read_size = _Unpickler_SetStringInput(self, peeked);
        self.prefetched_idx = 0;
        if (n <= read_size) return n;
      }
    }
    data = PyObject_CallOneArg(self.read!, n);
  }
  return _Unpickler_SetStringInput(self, data);
}

/** _Unpickler_Read: the offset in self.input of the next n bytes. */
function readN(self: UnpicklerObject, n: number): number {
  if (n <= self.input_len - self.next_read_idx) {
    const at = self.next_read_idx;
    self.next_read_idx += n;
    return at;
  }
  if (self.read === null) return bad_readline();
  const num_read = readFromFile(self, n);
  if (num_read < n) return bad_readline();
  self.next_read_idx = n;
  return 0;
}

/** _Unpickler_ReadInto: n bytes copied out (payloads of BINBYTES, BYTEARRAY8). */
function readInto(self: UnpicklerObject, n: number): Uint8Array {
  if (n >= 2 ** 32) {
    // Beyond JS's typed arrays: read() what the file has, which can only be too little.
    skipConsumed(self);
    const data = PyObject_CallOneArg(self.read!, n - (self.input_len - self.next_read_idx));
    self.next_read_idx = self.input_len;
    if (!PyBytes_Check(data)) {
      return PyErr_Format(PyExc_ValueError, `read() returned non-bytes object (${PyObject_Repr(Py_TYPE(data)).value})`);
    }
    return bad_readline();
  }
  const out = new Uint8Array(n);
  const in_buffer = self.input_len - self.next_read_idx;
  let done = 0;
  if (in_buffer > 0) {
    done = Math.min(in_buffer, n);
    out.set(self.input.subarray(self.next_read_idx, self.next_read_idx + done));
    self.next_read_idx += done;
    if (done === n) return out;
  }
  if (self.read === null) return bad_readline();
  skipConsumed(self);
  const rest = n - done;
  if (self.readinto === null) {
    const data = PyObject_CallOneArg(self.read, rest);
    if (!PyBytes_Check(data)) {
      return PyErr_Format(PyExc_ValueError, `read() returned non-bytes object (${PyObject_Repr(Py_TYPE(data)).value})`);
    }
    if (data.ob_bytes.length < rest) return bad_readline();
    out.set(data.ob_bytes.subarray(0, rest), done);
    return out;
  }
  const target = out.subarray(done);
  const r = asCLong(PyObject_CallOneArg(self.readinto, PyMemoryView_FromMemory(Py_None, target, false)));
  if (r < 0) return PyErr_Format(PyExc_ValueError, "readinto() returned negative size");
  if (r < rest) return bad_readline();
  return out;
}

/** _Unpickler_Readline: [offset, length] of the next line, its '\n' included. */
function readLine(self: UnpicklerObject): [number, number] {
  const inp = self.input;
  for (let i = self.next_read_idx; i < self.input_len; i++) {
    if (inp[i] === 0x0a) {
      const start = self.next_read_idx;
      self.next_read_idx = i + 1;
      return [start, i + 1 - start];
    }
  }
  if (self.read === null) return bad_readline();
  const num_read = readFromFile(self, READ_WHOLE_LINE);
  if (num_read === 0 || self.input[num_read - 1] !== 0x0a) return bad_readline();
  self.next_read_idx = num_read;
  return [0, num_read];
}

function latin1(b: Uint8Array, start: number, end: number): string {
  if (end - start <= 24) {
    // Short strings (names, keys): a loop beats building a subarray to spread.
    let t = "";
    for (let i = start; i < end; i++) t += String.fromCharCode(b[i]);
    return t;
  }
  let s = "";
  for (let i = start; i < end; i += 8192) s += String.fromCharCode(...b.subarray(i, Math.min(end, i + 8192)));
  return s;
}

/** A line without its '\n' as text (the byte values as characters). */
function lineText(self: UnpicklerObject, minLen: number): string {
  const [at, len] = readLine(self);
  if (len < minLen) return bad_readline();
  return latin1(self.input, at, at + len - 1);
}

// ---- the memo ----

function memoPut(self: UnpicklerObject, idx: number, value: PyVal): void {
  // _Unpickler_ResizeMemoList grows the memo to idx * 2 pointers. DEVIATION: CPython's MemoryError depends on the
  // machine's memory; here from MEMORY_LIMIT bytes of pointers.
  if (idx >= self.memo.length && idx * 16 >= MEMORY_LIMIT) return PyErr_Format(PyExc_MemoryError, "");
  if (self.memo[idx] === undefined) self.memo_len++;
  self.memo[idx] = value;
}

function memoGet(self: UnpicklerObject, idx: number): PyVal {
  const v = idx < self.memo.length ? self.memo[idx] : undefined;
  if (v === undefined) return PyErr_Format(st().UnpicklingError, `Memo value not found at index ${idx}`);
  return v;
}

// ---- numbers ----

function calc_binint(b: Uint8Array, at: number, n: number): number {
  if (n === 1) return b[at];
  if (n === 2) return b[at] | (b[at + 1] << 8);
  return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
}

/** calc_binsize: an unsigned little-endian size, or -1 above PY_SSIZE_T_MAX. */
function calc_binsize(b: Uint8Array, at: number, n: number): number {
  if (n === 4) return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
  let x = 0n;
  for (let i = n - 1; i >= 0; i--) x = (x << 8n) | BigInt(b[at + i]);
  if (x > PY_SSIZE_T_MAX) return -1;
  return Number(x);
}

/** The next byte (read before indexing: reading may replace self.input). */
function byte1(self: UnpicklerObject): number {
  const at = readN(self, 1);
  return self.input[at];
}
function byteInt(self: UnpicklerObject, n: number): number {
  const at = readN(self, n);
  return calc_binint(self.input, at, n);
}
function byteSize(self: UnpicklerObject, n: number): number {
  const at = readN(self, n);
  return calc_binsize(self.input, at, n);
}

/** strtol(s, &end, 0) for INT's argument: [value or null on overflow, end index]. */
function strtol(s: string): [bigint | null, number] {
  let i = 0;
  while (i < s.length && " \t\n\v\f\r".includes(s[i])) i++;
  let neg = false;
  if (s[i] === "+" || s[i] === "-") { neg = s[i] === "-"; i++; }
  let base = 10;
  if (s[i] === "0" && (s[i + 1] === "x" || s[i + 1] === "X") && /[0-9a-fA-F]/.test(s[i + 2] ?? "")) { base = 16; i += 2; }
  else if (s[i] === "0") base = 8;
  const start = i;
  let v = 0n;
  for (; i < s.length; i++) {
    const d = parseInt(s[i], 36);
    if (Number.isNaN(d) || d >= base) break;
    v = v * BigInt(base) + BigInt(d);
  }
  if (i === start) return [0n, 0];
  if (neg) v = -v;
  if (v > 9223372036854775807n || v < -9223372036854775808n) return [null, i];
  return [v, i];
}

function load_int(self: UnpicklerObject): void {
  const [at, len] = readLine(self);
  if (len < 2) return bad_readline();
  const s = latin1(self.input, at, at + len);
  const [x, end] = strtol(s);
  if (x === null || (end < s.length && s[end] !== "\n" && s[end] !== "\0")) {
    try {
      self.stack.push(intFromText(s, 0));
    } catch {
      return PyErr_Format(PyExc_ValueError, "could not convert string to int");
    }
    return;
  }
  if (len === 3 && (x === 0n || x === 1n)) self.stack.push(PyBool_FromLong(x === 1n));
  else self.stack.push(PyLong_FromBigInt(x));
}

function load_long(self: UnpicklerObject): void {
  const [at, len] = readLine(self);
  if (len < 2) return bad_readline();
  let s = latin1(self.input, at, at + len);
  if (s[len - 2] === "L") s = s.slice(0, len - 2);
  self.stack.push(intFromText(s, 0));
}

/** The text a C function sees in a line: up to its first NUL. */
function cString(s: string): string {
  const z = s.indexOf("\0");
  return z < 0 ? s : s.slice(0, z);
}

function textBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** int(text, base) of a line's bytes as PyLong_FromString: ASCII only, its message (base 10 for an unprefixed
 *  base-0 text) quoting the first 200 bytes decoded as UTF-8, which may itself raise UnicodeDecodeError. */
function intFromText(line: string, base: number): PyVal {
  const s = cString(line);
  let shown = base;
  if (base === 0) {
    // PyLong_FromString keeps base 0 for a text that starts with '0' but no prefix (leading zeros are refused).
    const t = s.replace(/^[ \t\n\v\f\r]*[+-]?/, "").toLowerCase();
    shown = t.startsWith("0x") ? 16 : t.startsWith("0o") ? 8 : t.startsWith("0b") ? 2 : t.startsWith("0") ? 0 : 10;
  }
  if (!/[^\x00-\x1b\x20-\x7f]/.test(s)) {
    try {
      return PyLong_FromUnicodeText(s, base, "");
    } catch (e) {
      if (!exceptionMatches(e, PyExc_ValueError)) throw e;
    }
  }
  const head = textBytes(s.slice(0, 200));
  const text = PyUnicode_Decode(head, "utf-8", "strict", PyBytes_FromArray(head));
  return PyErr_Format(PyExc_ValueError,
    `invalid literal for int() with base ${shown}: ${PyObject_Repr(PyUnicode_FromString(text)).value}`);
}

function load_counted_long(self: UnpicklerObject, size: number): void {
  const at = readN(self, size);
  const n = calc_binint(self.input, at, size);
  if (n < 0) return PyErr_Format(st().UnpicklingError, "LONG pickle has negative byte count");
  if (n === 0) { self.stack.push(0); return; }
  const p = readN(self, n);
  const b = self.input;
  let x = 0n;
  for (let i = n - 1; i >= 0; i--) x = (x << 8n) | BigInt(b[p + i]);
  if (b[p + n - 1] & 0x80) x -= 1n << BigInt(8 * n);
  self.stack.push(PyLong_FromBigInt(x));
}

const FLOAT_PREFIX = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)/i;

function load_float(self: UnpicklerObject): void {
  const [at, len] = readLine(self);
  if (len < 2) return bad_readline();
  const s = latin1(self.input, at, at + len);
  const m = FLOAT_PREFIX.exec(s);
  const shown = (): string => {
    const head = textBytes(cString(s).slice(0, 200));
    return PyUnicode_Decode(head, "utf-8", "replace", PyBytes_FromArray(head));
  };
  if (m === null) return PyErr_Format(PyExc_ValueError, `could not convert string to float: '${shown()}'`);
  const d = Number(m[0].replace(/^([+-]?)inf(inity)?$/i, "$1Infinity").replace(/^[+-]?nan$/i, "NaN"));
  if (!Number.isFinite(d) && !/inf|nan/i.test(m[0])) {
    return PyErr_Format(PyExc_OverflowError, `value too large to convert to float: '${shown()}'`);
  }
  const rest = s[m[0].length];
  if (rest !== "\n" && rest !== "\0") return PyErr_Format(PyExc_ValueError, "could not convert string to float");
  self.stack.push(PyFloat_FromDouble(d));
}

const f64 = new DataView(new ArrayBuffer(8));

function load_binfloat(self: UnpicklerObject): void {
  const at = readN(self, 8);
  for (let i = 0; i < 8; i++) f64.setUint8(i, self.input[at + i]);
  self.stack.push(PyFloat_FromDouble(f64.getFloat64(0, false)));
}

// ---- strings ----

/** PyBytes_DecodeEscape: the escapes of a Python 2 str literal. */
function decodeEscape(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x5c) { out.push(c); continue; }
    const start = i;
    i++;
    if (i >= s.length) return PyErr_Format(PyExc_ValueError, "Trailing \\ in string");
    const e = s[i];
    switch (e) {
      case "\n": break;
      case "\\": out.push(0x5c); break;
      case "'": out.push(0x27); break;
      case "\"": out.push(0x22); break;
      case "b": out.push(8); break;
      case "f": out.push(12); break;
      case "t": out.push(9); break;
      case "n": out.push(10); break;
      case "r": out.push(13); break;
      case "v": out.push(11); break;
      case "a": out.push(7); break;
      case "x": {
        const h = s.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(h)) return PyErr_Format(PyExc_ValueError, `invalid \\x escape at position ${start}`);
        out.push(parseInt(h, 16));
        i += 2;
        break;
      }
      default:
        if (e >= "0" && e <= "7") {
          let v = e.charCodeAt(0) - 48;
          let k = 1;
          while (k < 3 && i + 1 < s.length && s[i + 1] >= "0" && s[i + 1] <= "7") { v = v * 8 + s.charCodeAt(++i) - 48; k++; }
          out.push(v & 0xff);
        } else {
          out.push(0x5c, e.charCodeAt(0));
        }
    }
  }
  return Uint8Array.from(out);
}

function decode2x(self: UnpicklerObject, b: Uint8Array): PyVal {
  if (self.encoding === "bytes") return PyBytes_FromArray(b);
  return PyUnicode_FromString(PyUnicode_Decode(b, self.encoding, self.errors, PyBytes_FromArray(b)));
}

function load_string(self: UnpicklerObject): void {
  const [at, n] = readLine(self);
  const s = latin1(self.input, at, at + n - 1);
  const len = s.length;
  if (!(len >= 2 && s[0] === s[len - 1] && (s[0] === "'" || s[0] === "\""))) {
    return PyErr_Format(st().UnpicklingError, "the STRING opcode argument must be quoted");
  }
  self.stack.push(decode2x(self, decodeEscape(s.slice(1, len - 1))));
}

function load_counted_binstring(self: UnpicklerObject, nbytes: number): void {
  const size = byteSize(self, nbytes);
  const at = readN(self, size);
  self.stack.push(decode2x(self, self.input.slice(at, at + size)));
}

function sizeOrOverflow(self: UnpicklerObject, nbytes: number, what: string): number {
  const size = byteSize(self, nbytes);
  if (size < 0) return PyErr_Format(PyExc_OverflowError, `${what} exceeds system's maximum size of ${PY_SSIZE_T_MAX} bytes`);
  return size;
}

/** A payload that BINBYTES* and BYTEARRAY8 allocate before reading it (PyBytes_FromStringAndSize(NULL, size)).
 *  DEVIATION: CPython's MemoryError depends on the machine's memory (between 8 and 64 GiB on the reference one);
 *  here sizes from MEMORY_LIMIT raise it. */
function allocPayload(self: UnpicklerObject, size: number): Uint8Array {
  if (size >= MEMORY_LIMIT) return PyErr_Format(PyExc_MemoryError, "");
  if (size > self.input_len - self.next_read_idx && self.read === null) return bad_readline();
  return readInto(self, size);
}

function load_counted_binbytes(self: UnpicklerObject, nbytes: number): void {
  const size = sizeOrOverflow(self, nbytes, "BINBYTES");
  self.stack.push(PyBytes_FromArray(allocPayload(self, size)));
}

function load_counted_bytearray(self: UnpicklerObject): void {
  const size = sizeOrOverflow(self, 8, "BYTEARRAY8");
  self.stack.push(PyByteArray_FromArray(allocPayload(self, size)));
}

function load_unicode(self: UnpicklerObject): void {
  const [at, len] = readLine(self);
  if (len < 1) return bad_readline();
  const b = self.input.slice(at, at + len - 1);
  self.stack.push(PyUnicode_FromString(PyUnicode_Decode(b, "raw_unicode_escape", "strict", PyBytes_FromArray(b))));
}

/** UTF-8 with lone surrogates allowed ("surrogatepass"), the common ASCII case first. */
function decodeUtf8(b: Uint8Array, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end; i++) if (b[i] >= 0x80) { ascii = false; break; }
  if (ascii) return latin1(b, start, end);
  try {
    return utf8Fatal.decode(b.subarray(start, end));
  } catch {
    const copy = b.slice(start, end);
    return PyUnicode_Decode(copy, "utf-8", "surrogatepass", PyBytes_FromArray(copy));
  }
}

function load_counted_binunicode(self: UnpicklerObject, nbytes: number): void {
  const size = sizeOrOverflow(self, nbytes, "BINUNICODE");
  const at = readN(self, size);
  self.stack.push(PyUnicode_FromString(decodeUtf8(self.input, at, at + size)));
}

// ---- containers ----

function load_counted_tuple(self: UnpicklerObject, len: number): void {
  if (self.stack.length < len) return stack_underflow(self);
  self.stack.push(poptuple(self, self.stack.length - len));
}

function load_dict(self: UnpicklerObject): void {
  const i = marker(self);
  const j = self.stack.length;
  const dict = PyDict_New();
  if ((j - i) % 2 !== 0) return PyErr_Format(st().UnpicklingError, "odd number of items for DICT");
  for (let k = i + 1; k < j; k += 2) PyDict_SetItem(dict, self.stack[k - 1], self.stack[k]);
  self.stack.length = i;
  self.stack.push(dict);
}

function instantiate(cls: PyVal, args: PyTupleObject): PyVal {
  if (args.ob_item.length === 0 && cls instanceof PyTypeObject) {
    if (_PyObject_LookupAttr(cls, ID.__getinitargs__) === undefined) return PyObject_CallMethod(cls, "__new__", [cls]);
  }
  return PyObject_Vectorcall(cls, args.ob_item, null);
}

function load_obj(self: UnpicklerObject): void {
  const i = marker(self);
  if (self.stack.length - i < 1) return stack_underflow(self);
  const args = poptuple(self, i + 1);
  const cls = pop(self);
  self.stack.push(instantiate(cls, args));
}

function load_inst(self: UnpicklerObject): void {
  const i = marker(self);
  const module_name = asciiLine(self);
  const class_name = asciiLine(self);
  const cls = find_class(self, module_name, class_name);
  const args = poptuple(self, i);
  self.stack.push(instantiate(cls, args));
}

function asciiLine(self: UnpicklerObject): PyUnicodeObject {
  const [at, len] = readLine(self);
  if (len < 2) return bad_readline();
  const b = self.input.slice(at, at + len - 1);
  return PyUnicode_FromString(PyUnicode_Decode(b, "ascii", "strict", PyBytes_FromArray(b)));
}

function utf8Line(self: UnpicklerObject): PyUnicodeObject {
  const [at, len] = readLine(self);
  if (len < 2) return bad_readline();
  const b = self.input.slice(at, at + len - 1);
  return PyUnicode_FromString(PyUnicode_Decode(b, "utf-8", "strict", PyBytes_FromArray(b)));
}

function load_newobj(self: UnpicklerObject, use_kwargs: boolean): void {
  const kwargs = use_kwargs ? pop(self) : null;
  const args = pop(self);
  const cls = pop(self);
  const opname = use_kwargs ? "NEWOBJ_EX" : "NEWOBJ";
  const U = st().UnpicklingError;
  if (!(cls instanceof PyTypeObject)) {
    return PyErr_Format(U, `${opname} class argument must be a type, not ${Py_TYPE(cls).tp_name.slice(0, 200)}`);
  }
  if (cls.tp_new === null) return PyErr_Format(U, `${opname} class argument '${Py_TYPE(cls).tp_name}' doesn't have __new__`);
  if (!PyTuple_Check(args)) return PyErr_Format(U, `${opname} args argument must be a tuple, not ${Py_TYPE(args).tp_name.slice(0, 200)}`);
  if (kwargs !== null && !PyDict_Check(kwargs)) {
    return PyErr_Format(U, `${opname} kwargs argument must be a dict, not ${Py_TYPE(kwargs).tp_name.slice(0, 200)}`);
  }
  let argv: readonly PyVal[] = args.ob_item;
  let kwnames: PyVal[] | null = null;
  if (kwargs !== null && kwargs.ma_used !== 0) {
    const all = argv.slice();
    kwnames = [];
    for (let i = 0; i < kwargs.me_key.length; i++) {
      const k = kwargs.me_key[i];
      if (k === null) continue;
      kwnames.push(k);
      all.push(kwargs.me_value[i]!);
    }
    argv = all;
  }
  self.stack.push(cls.tp_new(cls, argv, kwnames));
}

function load_global(self: UnpicklerObject): void {
  const module_name = utf8Line(self);
  const global_name = utf8Line(self);
  self.stack.push(find_class(self, module_name, global_name));
}

function load_stack_global(self: UnpicklerObject): void {
  const global_name = pop(self);
  const module_name = pop(self);
  if (!PyUnicode_CheckExact(module_name) || !PyUnicode_CheckExact(global_name)) {
    return PyErr_Format(st().UnpicklingError, "STACK_GLOBAL requires str");
  }
  self.stack.push(find_class(self, module_name, global_name));
}

function no_persistent_load(): never {
  return PyErr_Format(st().UnpicklingError,
    "A load persistent id instruction was encountered, but no persistent_load function was specified.");
}

/** PERSID: the line is read and checked before persistent_load is called (3.13 calls the method, whose default
 *  raises). */
function load_persid(self: UnpicklerObject): void {
  const [at, len] = readLine(self);
  if (len < 1) return bad_readline();
  const b = self.input.slice(at, at + len - 1);
  for (const c of b) {
    if (c >= 0x80) return PyErr_Format(st().UnpicklingError, "persistent IDs in protocol 0 must be ASCII strings");
  }
  if (self.pers_func === null) return no_persistent_load();
  self.stack.push(PyObject_CallOneArg(self.pers_func, PyUnicode_FromString(latin1(b, 0, b.length))));
}

function load_binpersid(self: UnpicklerObject): void {
  const pid = pop(self);
  if (self.pers_func === null) return no_persistent_load();
  self.stack.push(PyObject_CallOneArg(self.pers_func, pid));
}

function load_pop(self: UnpicklerObject): void {
  const len = self.stack.length;
  const m = self.marks;
  if (m.length > 0 && m[m.length - 1] === len) {
    m.pop();
    self.fence = m.length !== 0 ? m[m.length - 1] : 0;
  } else if (len <= self.fence) {
    return stack_underflow(self);
  } else {
    self.stack.length = len - 1;
  }
}

function load_get(self: UnpicklerObject): void {
  const [at, len] = readLine(self);
  if (len < 2) return bad_readline();
  const key = intFromText(latin1(self.input, at, at + len), 10);
  self.stack.push(memoGet(self, asCLong(key)));
}

/** Push an object of the extension registry (EXT1, EXT2, EXT4). */
function load_extension(self: UnpicklerObject, nbytes: number): void {
  const code = byteInt(self, nbytes);
  const s = st();
  if (code <= 0) return PyErr_Format(s.UnpicklingError, "EXT specifies code <= 0");
  const cached = PyDict_GetItem(s.extension_cache, code);
  if (cached !== undefined) { self.stack.push(cached); return; }
  const pair = PyDict_GetItem(s.inverted_registry, code);
  if (pair === undefined) return PyErr_Format(PyExc_ValueError, `unregistered extension code ${code}`);
  if (!PyTuple_Check(pair) || pair.ob_item.length !== 2 || !PyUnicode_Check(pair.ob_item[0]) || !PyUnicode_Check(pair.ob_item[1])) {
    return PyErr_Format(PyExc_ValueError, `_inverted_registry[${code}] isn't a 2-tuple of strings`);
  }
  const obj = find_class(self, pair.ob_item[0], pair.ob_item[1]);
  PyDict_SetItem(s.extension_cache, code, obj);
  self.stack.push(obj);
}

function load_put(self: UnpicklerObject): void {
  const [at, len] = readLine(self);
  if (len < 2) return bad_readline();
  const value = top(self);
  const idx = asCLong(intFromText(latin1(self.input, at, at + len), 10));
  if (idx < 0) return PyErr_Format(PyExc_ValueError, "negative PUT argument");
  memoPut(self, idx, value);
}

function do_append(self: UnpicklerObject, x: number): void {
  const len = self.stack.length;
  if (x > len || x <= self.fence) return stack_underflow(self);
  if (len === x) return;
  const list = self.stack[x - 1];
  if (list instanceof PyListObject && list.ob_type === PyList_Type) {
    const items = poplist(self, x);
    for (const v of items) list.ob_item.push(v);
    return;
  }
  const extend = _PyObject_LookupAttr(list, ID.extend);
  if (extend !== undefined) {
    PyObject_CallOneArg(extend, PyList_New(poplist(self, x)));
    return;
  }
  const append = PyObject_GetAttr(list, ID.append);
  try {
    for (let i = x; i < len; i++) PyObject_CallOneArg(append, self.stack[i]);
  } finally {
    self.stack.length = x;
  }
}

function do_setitems(self: UnpicklerObject, x: number): void {
  const len = self.stack.length;
  if (x > len || x <= self.fence) return stack_underflow(self);
  if (len === x) return;
  if ((len - x) % 2 !== 0) return PyErr_Format(st().UnpicklingError, "odd number of items for SETITEMS");
  const dict = self.stack[x - 1];
  try {
    if (dict instanceof PyDictObject && dict.ob_type.tp_name === "dict") {
      for (let i = x + 1; i < len; i += 2) PyDict_SetItem(dict, self.stack[i - 1], self.stack[i]);
    } else {
      for (let i = x + 1; i < len; i += 2) PyObject_SetItem(dict, self.stack[i - 1], self.stack[i]);
    }
  } finally {
    self.stack.length = x;
  }
}

function load_additems(self: UnpicklerObject): void {
  const mark = marker(self);
  const len = self.stack.length;
  if (mark > len || mark <= self.fence) return stack_underflow(self);
  if (len === mark) return;
  const set = self.stack[mark - 1];
  if (set instanceof PySetObject && PyType_IsSubtype(set.ob_type, PySet_Type)) {
    set_update_internal(set, poptuple(self, mark));
    return;
  }
  const add = PyObject_GetAttr(set, ID.add);
  try {
    for (let i = mark; i < len; i++) PyObject_CallOneArg(add, self.stack[i]);
  } finally {
    self.stack.length = mark;
  }
}

function load_build(self: UnpicklerObject): void {
  if (self.stack.length - 2 < self.fence) return stack_underflow(self);
  let state: PyVal = pop(self);
  const inst = self.stack[self.stack.length - 1];
  const setstate = _PyObject_LookupAttr(inst, ID.__setstate__);
  if (setstate !== undefined) {
    PyObject_CallOneArg(setstate, state);
    return;
  }
  let slotstate: PyVal | null = null;
  if (PyTuple_Check(state) && state.ob_item.length === 2) {
    slotstate = state.ob_item[1];
    state = state.ob_item[0];
  }
  if (state !== Py_None) {
    if (!PyDict_Check(state)) return PyErr_Format(st().UnpicklingError, "state is not a dictionary");
    const dict = PyObject_GetAttr(inst, ID.__dict__);
    const keys = state.me_key.slice(), values = state.me_value.slice();
    for (let i = 0; i < keys.length; i++) {
      let k = keys[i];
      if (k === null) continue;
      if (k instanceof PyUnicodeObject && k.ob_type === PyUnicode_Type) k = PyUnicode_InternInPlace(k);
      PyObject_SetItem(dict, k, values[i]!);
    }
  }
  if (slotstate !== null) {
    if (!PyDict_Check(slotstate)) return PyErr_Format(st().UnpicklingError, "slot state is not a dictionary");
    const keys = slotstate.me_key.slice(), values = slotstate.me_value.slice();
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === null) continue;
      if (!PyUnicode_Check(k)) {
        return PyErr_Format(PyExc_TypeError, `attribute name must be string, not '${Py_TYPE(k).tp_name}'`);
      }
      PyObject_SetAttr(inst, k, values[i]!);
    }
  }
}

function load_mark(self: UnpicklerObject): void {
  self.fence = self.stack.length;
  self.marks.push(self.fence);
}

function load_reduce(self: UnpicklerObject): void {
  const argtup = pop(self);
  const callable = pop(self);
  if (!PyTuple_Check(argtup)) return PyErr_Format(PyExc_TypeError, "argument list must be a tuple");
  self.stack.push(PyObject_Vectorcall(callable, argtup.ob_item, null));
}

function load_proto(self: UnpicklerObject): void {
  const i = byte1(self);
  if (i > HIGHEST_PROTOCOL) return PyErr_Format(PyExc_ValueError, `unsupported pickle protocol: ${i}`);
  self.proto = i;
}

function load_frame(self: UnpicklerObject): void {
  const frame_len = byteSize(self, 8);
  if (frame_len < 0) {
    return PyErr_Format(PyExc_OverflowError, `FRAME length exceeds system's maximum of ${PY_SSIZE_T_MAX} bytes`);
  }
  readN(self, frame_len);
  self.next_read_idx -= frame_len;
}

function load_next_buffer(self: UnpicklerObject): void {
  if (self.buffers === null) {
    return PyErr_Format(st().UnpicklingError, "pickle stream refers to out-of-band data but no *buffers* argument was given");
  }
  const buf = PyIter_Next(self.buffers);
  if (buf === undefined) return PyErr_Format(st().UnpicklingError, "not enough out-of-band buffers");
  self.stack.push(buf);
}

function load_readonly_buffer(self: UnpicklerObject): void {
  const len = self.stack.length;
  if (len <= self.fence) return stack_underflow(self);
  const view = PyMemoryView_FromObject(self.stack[len - 1]);
  if (!view.readonly) {
    view.readonly = true;
    self.stack[len - 1] = view;
  }
}

/** The object of a GLOBAL, INST, STACK_GLOBAL or EXT: self.find_class(module, name), overridable. */
function find_class(self: UnpicklerObject, module_name: PyVal, global_name: PyVal): PyVal {
  return PyObject_CallMethod(self, "find_class", [module_name, global_name]);
}

/** Unpickler.find_class: import the module (with the 2.x names mapped for protocols 0-2) and get the global. */
export function _pickle_Unpickler_find_class(self: UnpicklerObject, module_name: PyVal, global_name: PyVal): PyVal {
  if (self.proto < 3 && self.fix_imports) {
    const s = st();
    const item = PyDict_GetItem(s.name_mapping_2to3, PyTuple_New([module_name, global_name]));
    if (item !== undefined) {
      if (!PyTuple_Check(item) || item.ob_item.length !== 2) {
        return PyErr_Format(PyExc_RuntimeError, `_compat_pickle.NAME_MAPPING values should be 2-tuples, not ${Py_TYPE(item).tp_name}`);
      }
      [module_name, global_name] = item.ob_item;
      if (!PyUnicode_Check(module_name) || !PyUnicode_Check(global_name)) {
        return PyErr_Format(PyExc_RuntimeError, "_compat_pickle.NAME_MAPPING values should be pairs of str, " +
          `not (${Py_TYPE(module_name).tp_name}, ${Py_TYPE(global_name).tp_name})`);
      }
    } else {
      const m = PyDict_GetItem(s.import_mapping_2to3, module_name);
      if (m !== undefined) {
        if (!PyUnicode_Check(m)) {
          return PyErr_Format(PyExc_RuntimeError, `_compat_pickle.IMPORT_MAPPING values should be strings, not ${Py_TYPE(m).tp_name}`);
        }
        module_name = m;
      }
    }
  }
  if (!PyUnicode_Check(module_name)) {
    return PyErr_Format(PyExc_TypeError, `module name must be str, not ${Py_TYPE(module_name).tp_name}`);
  }
  const module = PyImport_ImportModule(module_name.value);
  return getattribute(module, global_name, self.proto >= 4);
}

function getattribute(obj: PyVal, name: PyVal, allow_qualname: boolean): PyVal {
  if (!PyUnicode_Check(name)) {
    return PyErr_Format(PyExc_TypeError, `attribute name must be string, not '${Py_TYPE(name).tp_name}'`);
  }
  let attr: PyVal | undefined;
  if (allow_qualname) {
    const parts = name.value.split(".");
    if (parts.includes("<locals>")) {
      return PyErr_Format(PyExc_AttributeError,
        `Can't get local attribute ${PyObject_Repr(name).value} on ${PyObject_Repr(obj).value}`);
    }
    attr = obj;
    for (const p of parts) {
      attr = _PyObject_LookupAttr(attr, parts.length === 1 ? name : PyUnicode_FromString(p));
      if (attr === undefined) break;
    }
  } else {
    attr = _PyObject_LookupAttr(obj, name);
  }
  if (attr === undefined) {
    return PyErr_Format(PyExc_AttributeError, `Can't get attribute ${PyObject_Repr(name).value} on ${PyObject_Repr(obj).value}`);
  }
  return attr;
}

function invalidLoadKey(c: number): never {
  const text = c >= 0x20 && c <= 0x7e && c !== 0x27 && c !== 0x5c
    ? String.fromCharCode(c) : "\\x" + c.toString(16).padStart(2, "0");
  return PyErr_Format(st().UnpicklingError, `invalid load key, '${text}'.`);
}

/** load: run opcodes until STOP and return the top of the stack. */
export function load(self: UnpicklerObject): PyVal {
  self.marks.length = 0;
  self.fence = 0;
  self.proto = 0;
  self.stack.length = 0;
  for (;;) {
    let at: number;
    try {
      at = readN(self, 1);
    } catch (e) {
      if (exceptionMatches(e, st().UnpicklingError)) return raiseFrom(PyExc_EOFError, "Ran out of input", null);
      throw e;
    }
    const op = self.input[at];
    switch (op) {
      case OP.NONE: self.stack.push(Py_None); continue;
      case OP.BININT: { const p = readN(self, 4); self.stack.push(calc_binint(self.input, p, 4)); continue; }
      case OP.BININT1: self.stack.push(byte1(self)); continue;
      case OP.BININT2: { const p = readN(self, 2); self.stack.push(calc_binint(self.input, p, 2)); continue; }
      case OP.INT: load_int(self); continue;
      case OP.LONG: load_long(self); continue;
      case OP.LONG1: load_counted_long(self, 1); continue;
      case OP.LONG4: load_counted_long(self, 4); continue;
      case OP.FLOAT: load_float(self); continue;
      case OP.BINFLOAT: load_binfloat(self); continue;
      case OP.SHORT_BINBYTES: load_counted_binbytes(self, 1); continue;
      case OP.BINBYTES: load_counted_binbytes(self, 4); continue;
      case OP.BINBYTES8: load_counted_binbytes(self, 8); continue;
      case OP.BYTEARRAY8: load_counted_bytearray(self); continue;
      case OP.NEXT_BUFFER: load_next_buffer(self); continue;
      case OP.READONLY_BUFFER: load_readonly_buffer(self); continue;
      case OP.SHORT_BINSTRING: load_counted_binstring(self, 1); continue;
      case OP.BINSTRING: load_counted_binstring(self, 4); continue;
      case OP.STRING: load_string(self); continue;
      case OP.UNICODE: load_unicode(self); continue;
      case OP.SHORT_BINUNICODE: {
        const n = byte1(self);
        const p = readN(self, n);
        self.stack.push(PyUnicode_FromString(decodeUtf8(self.input, p, p + n)));
        continue;
      }
      case OP.BINUNICODE: load_counted_binunicode(self, 4); continue;
      case OP.BINUNICODE8: load_counted_binunicode(self, 8); continue;
      case OP.EMPTY_TUPLE: load_counted_tuple(self, 0); continue;
      case OP.TUPLE1: load_counted_tuple(self, 1); continue;
      case OP.TUPLE2: load_counted_tuple(self, 2); continue;
      case OP.TUPLE3: load_counted_tuple(self, 3); continue;
      case OP.TUPLE: { const i = marker(self); load_counted_tuple(self, self.stack.length - i); continue; }
      case OP.EMPTY_LIST: self.stack.push(PyList_New([])); continue;
      case OP.LIST: { const i = marker(self); self.stack.push(PyList_New(poplist(self, i))); continue; }
      case OP.EMPTY_DICT: self.stack.push(PyDict_New()); continue;
      case OP.DICT: load_dict(self); continue;
      case OP.EMPTY_SET: self.stack.push(PySet_New([])); continue;
      case OP.ADDITEMS: load_additems(self); continue;
      case OP.FROZENSET: { const i = marker(self); self.stack.push(PyFrozenSet_New(poptuple(self, i).ob_item)); continue; }
      case OP.OBJ: load_obj(self); continue;
      case OP.INST: load_inst(self); continue;
      case OP.NEWOBJ: load_newobj(self, false); continue;
      case OP.NEWOBJ_EX: load_newobj(self, true); continue;
      case OP.GLOBAL: load_global(self); continue;
      case OP.STACK_GLOBAL: load_stack_global(self); continue;
      case OP.APPEND:
        if (self.stack.length - 1 <= self.fence) return stack_underflow(self);
        do_append(self, self.stack.length - 1);
        continue;
      case OP.APPENDS: do_append(self, marker(self)); continue;
      case OP.BUILD: load_build(self); continue;
      case OP.DUP: self.stack.push(top(self)); continue;
      case OP.BINGET: self.stack.push(memoGet(self, byte1(self))); continue;
      case OP.LONG_BINGET: { const p = readN(self, 4); self.stack.push(memoGet(self, calc_binsize(self.input, p, 4))); continue; }
      case OP.GET: load_get(self); continue;
      case OP.MARK: load_mark(self); continue;
      case OP.BINPUT: { const p = readN(self, 1); memoPut(self, self.input[p], top(self)); continue; }
      case OP.LONG_BINPUT: { const p = readN(self, 4); const v = top(self); memoPut(self, calc_binsize(self.input, p, 4), v); continue; }
      case OP.PUT: load_put(self); continue;
      case OP.MEMOIZE: memoPut(self, self.memo_len, top(self)); continue;
      case OP.POP: load_pop(self); continue;
      case OP.POP_MARK: { const i = marker(self); self.stack.length = Math.min(self.stack.length, i); continue; }
      case OP.SETITEM: do_setitems(self, self.stack.length - 2); continue;
      case OP.SETITEMS: do_setitems(self, marker(self)); continue;
      case OP.PERSID: load_persid(self); continue;
      case OP.BINPERSID: load_binpersid(self); continue;
      case OP.REDUCE: load_reduce(self); continue;
      case OP.PROTO: load_proto(self); continue;
      case OP.FRAME: load_frame(self); continue;
      case OP.EXT1: load_extension(self, 1); continue;
      case OP.EXT2: load_extension(self, 2); continue;
      case OP.EXT4: load_extension(self, 4); continue;
      case OP.NEWTRUE: self.stack.push(Py_True); continue;
      case OP.NEWFALSE: self.stack.push(Py_False); continue;
      case OP.STOP: break;
      default: return invalidLoadKey(op);
    }
    break;
  }
  skipConsumed(self);
  return pop(self);
}

/** _Unpickler_SetInputStream. */
export function _Unpickler_SetInputStream(self: UnpicklerObject, file: PyVal): void {
  self.peek = _PyObject_LookupAttr(file, ID.peek) ?? null;
  self.readinto = _PyObject_LookupAttr(file, ID.readinto) ?? null;
  self.read = _PyObject_LookupAttr(file, ID.read) ?? null;
  self.readline = _PyObject_LookupAttr(file, ID.readline) ?? null;
  if (self.readline === null || self.read === null) {
    self.read = self.readinto = self.readline = self.peek = null;
    return PyErr_Format(PyExc_TypeError, "file must have 'read' and 'readline' attributes");
  }
}

