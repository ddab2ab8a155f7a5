// code objects (Objects/codeobject.c): every co_* field, the decoded exception table and location table
// (Objects/locations.md, exception_handling_notes.txt), co_lines()/co_positions()/replace(), and the adaptive
// Uint16Array copy of co_code that the evaluation loop runs (PEP 659 room). See docs/interpreter.md.
import {
  PyObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE, Py_HashHi,
  METH_NOARGS, METH_FASTCALL, METH_KEYWORDS, METH_O, PyUnicode_InternFromString, type PyVal, PyUnicodeObject,
} from "./object.js";
import { PyBytesObject, PyBytes_FromArray } from "./bytesobject.js";
import { PyTupleObject, PyTuple_New } from "./tupleobject.js";
import { hooks, PyObject_RichCompareBool, PyObject_Hash } from "./abstract.js";
import { PyUnicode_FromString } from "./unicodeobject.js";
import { PyBool_FromLong } from "./boolobject.js";
import { PyList_New } from "./listobject.js";
import { addressOf } from "./methodobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { PyExc_TypeError, PyExc_ValueError } from "./exceptions.js";
import { parseArgs } from "../runtime/getargs.js";
import { _PyOpcode_Caches, _PyOpcode_Deopt, RESUME, EXTENDED_ARG } from "../opcode/opcode_metadata.js";

export const CO_OPTIMIZED = 0x1;
export const CO_NEWLOCALS = 0x2;
export const CO_VARARGS = 0x4;
export const CO_VARKEYWORDS = 0x8;
export const CO_NESTED = 0x10;
export const CO_GENERATOR = 0x20;
export const CO_COROUTINE = 0x80;
export const CO_ITERABLE_COROUTINE = 0x100;
export const CO_ASYNC_GENERATOR = 0x200;

export const CO_FAST_HIDDEN = 0x10;
export const CO_FAST_LOCAL = 0x20;
export const CO_FAST_CELL = 0x40;
export const CO_FAST_FREE = 0x80;

export const PyCode_Type = PyType_Declare("code");

/** The marshalled fields of a code object, in marshal order (DESIGN-FACTS §1.3). */
export interface CodeFields {
  co_argcount: number;
  co_posonlyargcount: number;
  co_kwonlyargcount: number;
  co_stacksize: number;
  co_flags: number;
  co_code: PyBytesObject;
  co_consts: PyTupleObject;
  co_names: PyTupleObject;
  co_localsplusnames: PyTupleObject;
  co_localspluskinds: PyBytesObject;
  co_filename: PyUnicodeObject;
  co_name: PyUnicodeObject;
  co_qualname: PyUnicodeObject;
  co_firstlineno: number;
  co_linetable: PyBytesObject;
  co_exceptiontable: PyBytesObject;
}

/**
 * A code object read from a .pyc whose buffer nobody writes to (src/runtime/marshal.ts): each of co_code,
 * co_localspluskinds, co_linetable and co_exceptiontable is either a bytes object already (a back-reference, such
 * as the shared b'') or null with where its bytes lie in `raw`, and its bytes object is made when first asked for.
 * Most code objects unmarshalled at import never run or raise (issue #5's import line runs 630 of 3,671), and these
 * objects and their views were a quarter of the heap that import left behind.
 */
export interface RawCodeFields {
  co_argcount: number;
  co_posonlyargcount: number;
  co_kwonlyargcount: number;
  co_stacksize: number;
  co_flags: number;
  raw: Uint8Array;
  co_code: PyBytesObject | null;
  codeAt: number;
  codeLen: number;
  co_consts: PyTupleObject;
  co_names: PyTupleObject;
  co_localsplusnames: PyTupleObject;
  co_localspluskinds: PyBytesObject | null;
  /** The kinds' bytes (a view of `raw` when co_localspluskinds is null). */
  kinds: Uint8Array;
  co_filename: PyUnicodeObject;
  co_name: PyUnicodeObject;
  co_qualname: PyUnicodeObject;
  co_firstlineno: number;
  co_linetable: PyBytesObject | null;
  linetableAt: number;
  linetableLen: number;
  co_exceptiontable: PyBytesObject | null;
  exctableAt: number;
  exctableLen: number;
}

/** A code object from Typhon's own cache of the stdlib's compiled modules (src/modules/zipimport.ts): a function's
 *  or class body's code object nested in a module's constants carries only what making a function from it, its repr
 *  its hash and a function's __doc__ need, and `lazy` reads the rest (consts, names, local names and kinds, bytecode, tables) from the
 *  cache's buffer at its first use: its first frame (_PyCode_FrameTemplate) or any look at its body. The import line
 *  of issue #5 reads 3,671 code objects, makes functions of most and runs 630. */
export interface LazyCodeFields {
  co_argcount: number;
  co_posonlyargcount: number;
  co_kwonlyargcount: number;
  co_stacksize: number;
  co_flags: number;
  co_filename: PyUnicodeObject;
  co_name: PyUnicodeObject;
  co_qualname: PyUnicodeObject;
  co_firstlineno: number;
  lazy: LazyCodeBody;
}

/** Where a lazily read code object's body lies (src/runtime/marshal.ts's LazyBody). */
export interface LazyCodeBody {
  /** co_consts[0] when it is a str, else None: a function's __doc__ (PyFunction_New). */
  readonly doc: PyVal;
  read(c: PyCodeObject): RawCodeFields;
}

const NO_RAW = new Uint8Array(0);
/** The adaptive units of a code object whose units are not copied yet (_PyCode_Adaptive). */
const NO_UNITS = new Uint16Array(0);

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class PyCodeObject extends PyObject {
  co_argcount: number;
  co_posonlyargcount: number;
  co_kwonlyargcount: number;
  co_stacksize: number;
  co_flags: number;
  co_consts!: PyTupleObject;
  co_names!: PyTupleObject;
  co_localsplusnames!: PyTupleObject;
  co_filename: PyUnicodeObject;
  co_name: PyUnicodeObject;
  co_qualname: PyUnicodeObject;
  co_firstlineno: number;
  /** co_code, co_localspluskinds, co_linetable, co_exceptiontable (the getters below): null until first asked for
   *  when the code object was made from RawCodeFields, whose bytes lie in `_raw` at these offsets. */
  _co_code!: PyBytesObject | null;
  _co_localspluskinds!: PyBytesObject | null;
  _co_linetable!: PyBytesObject | null;
  _co_exceptiontable!: PyBytesObject | null;
  _raw!: Uint8Array;
  _codeAt!: number;
  _codeLen!: number;
  _linetableAt!: number;
  _linetableLen!: number;
  _exctableAt!: number;
  _exctableLen!: number;
  // Derived, for the evaluation loop.
  /** The adaptive copy of co_code as 16-bit units (opcode | oparg << 8); specialization rewrites it in place. */
  _co_code_adaptive!: Uint16Array;
  _consts!: PyVal[];
  _names!: PyUnicodeObject[];
  _localsplusnames!: PyUnicodeObject[];
  _kinds!: Uint8Array;
  co_nlocalsplus!: number;
  co_nlocals!: number;
  co_ncellvars!: number;
  co_nfreevars!: number;
  co_framesize!: number;
  /** Exception table entries, 4 ints each: start, end (code units), target, depth << 1 | lasti; parsed on first use
   *  (most code objects unmarshalled at import never raise). */
  _exctableParsed: Int32Array | null;
  /** Code unit index of the first instruction a traceback or tracer may see (after the prefix). */
  _co_firsttraceable!: number;
  /** Decoded location table (lazily): per code unit, line, end line, column, end column (-1 = None). */
  _locations: Int32Array | null;
  /** Object-valued inline-cache entries of specialized instructions, by code unit index (PEP 659 room). */
  _cache_objects: (PyVal | null)[] | null;
  /** A packed array of co_framesize nulls that new frames copy (faster than allocating and filling), made by the
   *  first frame (_PyCode_FrameTemplate). */
  _frameTemplate: (PyVal | null)[] | null;
  /** sys.monitoring data (src/vm/instrumentation.ts's CoMonitoringData), null until a tool instruments the code. */
  _co_monitoring: { base: Uint16Array } | null;
  /** The instrumentation version the units match (compared with the eval-breaker word at RESUME). */
  _co_instrumentation_version: number;
  /** The rest of a code object read from Typhon's own stdlib cache, not read yet (LazyCodeFields): null once read. */
  _lazy: LazyCodeBody | null;
  constructor(f: CodeFields | RawCodeFields | LazyCodeFields) {
    super(PyCode_Type);
    this.co_argcount = f.co_argcount;
    this.co_posonlyargcount = f.co_posonlyargcount;
    this.co_kwonlyargcount = f.co_kwonlyargcount;
    this.co_stacksize = f.co_stacksize;
    this.co_flags = f.co_flags;
    this.co_filename = f.co_filename;
    this.co_name = f.co_name;
    this.co_qualname = f.co_qualname;
    this.co_firstlineno = f.co_firstlineno;
    this._exctableParsed = null;
    this._locations = null;
    this._cache_objects = null;
    this._frameTemplate = null;
    this._co_monitoring = null;
    this._co_instrumentation_version = 0;
    // The body's fields (setBody), assigned here first: V8 sizes an object's in-object fields from the assignments in
    // its constructor, and a lazily read code object gets values of the same kinds, so that it keeps its hidden class.
    const empty = emptyTuple ??= PyTuple_New([]);
    this.co_consts = this.co_names = this.co_localsplusnames = empty;
    this._co_code = this._co_localspluskinds = this._co_linetable = this._co_exceptiontable = null;
    this._raw = NO_RAW;
    this._codeAt = this._codeLen = this._linetableAt = this._linetableLen = this._exctableAt = this._exctableLen = 0;
    this._co_code_adaptive = NO_UNITS;
    this._consts = empty.ob_item;
    this._names = this._localsplusnames = empty.ob_item as PyUnicodeObject[];
    this._kinds = NO_RAW;
    this.co_nlocalsplus = this.co_nlocals = this.co_ncellvars = this.co_nfreevars = this.co_framesize = 0;
    this._co_firsttraceable = 0;
    if ("lazy" in f) {
      this._lazy = f.lazy;
    } else {
      this._lazy = null;
      setBody(this, f);
    }
  }
  /** The bytecode as marshalled (the Python attribute co_code is code_getcode's deoptimized copy of the units). */
  get co_code(): PyBytesObject {
    if (this._lazy !== null) _PyCode_Materialize(this);
    return this._co_code ??= PyBytes_FromArray(this._raw.subarray(this._codeAt, this._codeAt + this._codeLen));
  }
  get co_localspluskinds(): PyBytesObject {
    if (this._lazy !== null) _PyCode_Materialize(this);
    return this._co_localspluskinds ??= PyBytes_FromArray(this._kinds);
  }
  get co_linetable(): PyBytesObject {
    if (this._lazy !== null) _PyCode_Materialize(this);
    return this._co_linetable ??= PyBytes_FromArray(this._raw.subarray(this._linetableAt, this._linetableAt + this._linetableLen));
  }
  get co_exceptiontable(): PyBytesObject {
    if (this._lazy !== null) _PyCode_Materialize(this);
    return this._co_exceptiontable ??= PyBytes_FromArray(this._raw.subarray(this._exctableAt, this._exctableAt + this._exctableLen));
  }
  get _exctable(): Int32Array {
    return this._exctableParsed ??= parseExceptionTable(this.co_exceptiontable.ob_bytes);
  }
}

let emptyTuple: PyTupleObject | null = null;

/** The fields of a code object that a lazily read one reads at its first use (_PyCode_Materialize), and what the
 *  evaluation loop derives from them. */
function setBody(c: PyCodeObject, f: CodeFields | RawCodeFields): void {
  c.co_consts = f.co_consts;
  c.co_names = f.co_names;
  c.co_localsplusnames = f.co_localsplusnames;
  let src: Uint8Array, at: number, len: number;
  if ("raw" in f) {
    c._co_code = f.co_code;
    c._co_localspluskinds = f.co_localspluskinds;
    c._co_linetable = f.co_linetable;
    c._co_exceptiontable = f.co_exceptiontable;
    c._raw = f.raw;
    c._codeAt = f.codeAt;
    c._codeLen = f.codeLen;
    c._linetableAt = f.linetableAt;
    c._linetableLen = f.linetableLen;
    c._exctableAt = f.exctableAt;
    c._exctableLen = f.exctableLen;
    c._kinds = f.kinds;
    if (f.co_code !== null) {
      src = f.co_code.ob_bytes;
      at = 0;
      len = src.length;
    } else {
      src = f.raw;
      at = f.codeAt;
      len = f.codeLen;
    }
  } else {
    c._co_code = f.co_code;
    c._co_localspluskinds = f.co_localspluskinds;
    c._co_linetable = f.co_linetable;
    c._co_exceptiontable = f.co_exceptiontable;
    c._raw = NO_RAW;
    c._codeAt = c._codeLen = c._linetableAt = c._linetableLen = c._exctableAt = c._exctableLen = 0;
    c._kinds = f.co_localspluskinds.ob_bytes;
    src = f.co_code.ob_bytes;
    at = 0;
    len = src.length;
  }
  const n = len >> 1;
  // From a .pyc, the units are copied at the first frame (_PyCode_Adaptive): most such code objects never run.
  c._co_code_adaptive = "raw" in f && f.co_code === null ? NO_UNITS : unitsOf(src, at, n);
  c._consts = f.co_consts.ob_item;
  c._names = f.co_names.ob_item as PyUnicodeObject[];
  c._localsplusnames = f.co_localsplusnames.ob_item as PyUnicodeObject[];
  let nlocals = 0, ncells = 0, nfrees = 0;
  const kinds = c._kinds;
  // An indexed loop: code objects are mostly built by unmarshalling at import, before V8 optimizes this.
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i];
    if (k & CO_FAST_LOCAL) nlocals++;
    if (k & CO_FAST_CELL) ncells++;
    if (k & CO_FAST_FREE) nfrees++;
  }
  c.co_nlocalsplus = kinds.length;
  c.co_nlocals = nlocals;
  c.co_ncellvars = ncells;
  c.co_nfreevars = nfrees;
  c.co_framesize = c.co_nlocalsplus + c.co_stacksize;
  let ft = 0;
  while (ft < n && src[at + 2 * ft] !== RESUME) ft++;
  c._co_firsttraceable = ft < n ? ft : 0;
}

/** Read the rest of a code object that was read lazily (LazyCodeFields), once. Its first frame does this (through
 *  _PyCode_FrameTemplate and _PyCode_Adaptive), and so does every other use of a code object's body: the Python
 *  attributes and methods of code objects, exec, types.FunctionType, marshal, sys.monitoring. */
export function _PyCode_Materialize(c: PyCodeObject): PyCodeObject {
  const l = c._lazy;
  if (l !== null) {
    c._lazy = null;
    setBody(c, l.read(c));
  }
  return c;
}

/** The adaptive copy of n units of bytecode at src[at]: an aligned, private buffer (instrumentation and inline
 *  caches write to it). Not src.slice(): a Node Buffer's slice is a view. */
function unitsOf(src: Uint8Array, at: number, n: number): Uint16Array {
  const code = new Uint16Array(n);
  if (LITTLE_ENDIAN) new Uint8Array(code.buffer).set(src.subarray(at, at + 2 * n));
  else for (let i = 0; i < n; i++) code[i] = src[at + 2 * i] | (src[at + 2 * i + 1] << 8);
  return code;
}

/** The units the evaluation loop runs (`_co_code_adaptive`), copied from the .pyc's buffer the first time for a code
 *  object unmarshalled lazily. Every reader outside the loop goes through here; the loop reads the field of code
 *  objects that have a frame, and the first frame made this (_PyCode_FrameTemplate). */
export function _PyCode_Adaptive(code: PyCodeObject): Uint16Array {
  if (code._lazy !== null) _PyCode_Materialize(code);
  if (code._co_code_adaptive === NO_UNITS && code._codeLen > 1) {
    code._co_code_adaptive = unitsOf(code._raw, code._codeAt, code._codeLen >> 1);
  }
  return code._co_code_adaptive;
}

/** The frame template of `code` (co_framesize nulls), made at its first frame, with its adaptive units. */
export function _PyCode_FrameTemplate(code: PyCodeObject): (PyVal | null)[] {
  _PyCode_Adaptive(code);
  const t: (PyVal | null)[] = [];
  for (let i = 0; i < code.co_framesize; i++) t.push(null);
  return code._frameTemplate = t;
}

// ---- exception table (varints of 6-bit groups, most significant first) ----

export function parseExceptionTable(b: Uint8Array): Int32Array {
  const out: number[] = [];
  let i = 0;
  const read = (): number => {
    let x = b[i++];
    let v = x & 63;
    while (x & 64) { x = b[i++]; v = (v << 6) | (x & 63); }
    return v;
  };
  while (i < b.length) {
    const start = read();
    const size = read();
    const target = read();
    const dl = read();
    out.push(start, start + size, target, dl);
  }
  return Int32Array.from(out);
}

/** The handler for the instruction at code unit `index`: [target, depth, lasti] or null (get_exception_handler). */
export function findHandler(code: PyCodeObject, index: number): number {
  const t = code._exctable;
  let lo = 0, hi = (t.length >> 2) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = t[4 * mid], e = t[4 * mid + 1];
    if (index < s) hi = mid - 1;
    else if (index >= e) lo = mid + 1;
    else return mid;
  }
  return -1;
}

// ---- location table (varints of 6-bit groups, least significant first) ----

function decodeLocations(code: PyCodeObject): Int32Array {
  const n = _PyCode_Adaptive(code).length;
  const out = new Int32Array(n * 4).fill(-1);
  const b = code.co_linetable.ob_bytes;
  let i = 0;
  let line = code.co_firstlineno;
  let unit = 0;
  const varint = (): number => {
    let x = b[i++];
    let v = x & 63;
    let shift = 6;
    while (x & 64) { x = b[i++]; v |= (x & 63) << shift; shift += 6; }
    return v;
  };
  const svarint = (): number => {
    const u = varint();
    return u & 1 ? -(u >> 1) : u >> 1;
  };
  while (i < b.length) {
    const first = b[i++];
    const kind = (first >> 3) & 15;
    const len = (first & 7) + 1;
    let l = -1, el = -1, c = -1, ec = -1;
    if (kind === 15) { /* no location */ }
    else if (kind === 14) {
      line += svarint(); l = line; el = line + varint(); c = varint() - 1; ec = varint() - 1;
    } else if (kind === 13) {
      line += svarint(); l = line; el = line;
    } else if (kind >= 10) {
      line += kind - 10; l = line; el = line; c = b[i++]; ec = b[i++];
    } else {
      const b2 = b[i++];
      l = line; el = line; c = kind * 8 + ((b2 >> 4) & 7); ec = c + (b2 & 15);
    }
    for (let k = 0; k < len && unit < n; k++, unit++) {
      out[4 * unit] = l; out[4 * unit + 1] = el; out[4 * unit + 2] = c; out[4 * unit + 3] = ec;
    }
  }
  return out;
}

export function codeLocations(code: PyCodeObject): Int32Array {
  if (code._locations === null) code._locations = decodeLocations(code);
  return code._locations;
}

/** The line of the instruction at code unit `index`, or -1 (PyCode_Addr2Line). */
export function PyCode_Addr2Line(code: PyCodeObject, index: number): number {
  if (index < 0) return code.co_firstlineno;
  const loc = codeLocations(code);
  if (4 * index >= loc.length) return -1;
  return loc[4 * index];
}

/** (line, endline, col, endcol) of the instruction at code unit `index` (-1 for None). */
export function PyCode_Addr2Location(code: PyCodeObject, index: number): [number, number, number, number] {
  const loc = codeLocations(code);
  if (index < 0 || 4 * index >= loc.length) return [-1, -1, -1, -1];
  return [loc[4 * index], loc[4 * index + 1], loc[4 * index + 2], loc[4 * index + 3]];
}

// ---- the code type ----

function namesOfKind(c: PyCodeObject, mask: number): PyTupleObject {
  _PyCode_Materialize(c);
  const out: PyVal[] = [];
  for (let i = 0; i < c._kinds.length; i++) if (c._kinds[i] & mask) out.push(c._localsplusnames[i]);
  return PyTuple_New(out);
}

function code_repr(self: PyVal): PyUnicodeObject {
  const c = self as PyCodeObject;
  return hooks.str(`<code object ${c.co_name.value} at ${addressOf(c)}, file "${c.co_filename.value}", line ${c.co_firstlineno}>`);
}

function noneOr(v: number): PyVal {
  return v < 0 ? Py_None : v;
}

function code_positions(self: PyVal): PyVal {
  const c = self as PyCodeObject;
  const loc = codeLocations(c);
  const out: PyVal[] = [];
  for (let u = 0; u < _PyCode_Adaptive(c).length; u++) {
    out.push(PyTuple_New([noneOr(loc[4 * u]), noneOr(loc[4 * u + 1]), noneOr(loc[4 * u + 2]), noneOr(loc[4 * u + 3])]));
  }
  return iterHook(PyList_New(out));
}

function code_lines(self: PyVal): PyVal {
  const c = self as PyCodeObject;
  const b = c.co_linetable.ob_bytes;
  const out: PyVal[] = [];
  // Walk entries as _PyLineTable_NextAddressRange does: one range per entry, merging equal consecutive lines.
  let i = 0, line = c.co_firstlineno, unit = 0;
  let curStart = -1, curEnd = 0, curLine: number | null = null;
  const varint = (): number => {
    let x = b[i++]; let v = x & 63; let shift = 6;
    while (x & 64) { x = b[i++]; v |= (x & 63) << shift; shift += 6; }
    return v;
  };
  const svarint = (): number => { const u = varint(); return u & 1 ? -(u >> 1) : u >> 1; };
  const flush = (): void => {
    if (curStart >= 0) out.push(PyTuple_New([curStart * 2, curEnd * 2, curLine === null ? Py_None : curLine]));
  };
  while (i < b.length) {
    const first = b[i++];
    const kind = (first >> 3) & 15;
    const len = (first & 7) + 1;
    let l: number | null = null;
    if (kind === 15) l = null;
    else if (kind === 14) { line += svarint(); l = line; varint(); varint(); varint(); }
    else if (kind === 13) { line += svarint(); l = line; }
    else if (kind >= 10) { line += kind - 10; l = line; i += 2; }
    else { l = line; i++; }
    if (curStart >= 0 && l === curLine) curEnd = unit + len;
    else { flush(); curStart = unit; curEnd = unit + len; curLine = l; }
    unit += len;
  }
  flush();
  return iterHook(PyList_New(out));
}

let iterHook: (v: PyVal) => PyVal = (v) => v;
export function _PyCode_InstallIter(f: (v: PyVal) => PyVal): void {
  iterHook = f;
}

/** co_code: the deoptimized bytes (specialized opcodes mapped back, caches zeroed), as CPython's getter returns. */
function code_getcode(self: PyVal): PyVal {
  const c = self as PyCodeObject;
  const code = c._co_monitoring !== null ? c._co_monitoring.base : _PyCode_Adaptive(c); // without instrumentation
  const out = new Uint8Array(code.length * 2);
  for (let i = 0; i < code.length; i++) {
    const op = _PyOpcode_Deopt[code[i] & 255] ?? (code[i] & 255);
    out[2 * i] = op;
    out[2 * i + 1] = code[i] >> 8;
    const caches = _PyOpcode_Caches[op] ?? 0;
    for (let k = 0; k < caches; k++) { i++; out[2 * i] = 0; out[2 * i + 1] = 0; }
  }
  void EXTENDED_ARG;
  return PyBytes_FromArray(out);
}

function code_replace(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const c = _PyCode_Materialize(self as PyCodeObject);
  const names = ["co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
    "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_filename",
    "co_name", "co_qualname", "co_linetable", "co_exceptiontable"];
  if (args.length - (kwnames?.length ?? 0) > 0) return PyErr_Format(PyExc_TypeError, "replace() takes no positional arguments");
  const v = parseArgs("replace", args, kwnames, names.map((n) => "*" + n), 0, 0);
  const get = (n: string): PyVal | undefined => v[names.indexOf(n)];
  const num = (n: string, d: number): number => { const x = get(n); return x === undefined ? d : x as number; };
  let lpn = c.co_localsplusnames, lpk = c.co_localspluskinds;
  if (get("co_varnames") !== undefined || get("co_freevars") !== undefined || get("co_cellvars") !== undefined) {
    const vn = ((get("co_varnames") ?? namesOfKind(c, CO_FAST_LOCAL)) as PyTupleObject).ob_item;
    const cv = ((get("co_cellvars") ?? namesOfKind(c, CO_FAST_CELL)) as PyTupleObject).ob_item;
    const fv = ((get("co_freevars") ?? namesOfKind(c, CO_FAST_FREE)) as PyTupleObject).ob_item;
    const allNames: PyVal[] = [...vn];
    const kinds: number[] = vn.map(() => CO_FAST_LOCAL);
    for (const x of cv) {
      const j = allNames.findIndex((y) => (y as PyUnicodeObject).value === (x as PyUnicodeObject).value);
      if (j >= 0) kinds[j] |= CO_FAST_CELL; else { allNames.push(x); kinds.push(CO_FAST_CELL); }
    }
    for (const x of fv) { allNames.push(x); kinds.push(CO_FAST_FREE); }
    lpn = PyTuple_New(allNames);
    lpk = PyBytes_FromArray(Uint8Array.from(kinds));
  }
  return new PyCodeObject({
    co_argcount: num("co_argcount", c.co_argcount), co_posonlyargcount: num("co_posonlyargcount", c.co_posonlyargcount),
    co_kwonlyargcount: num("co_kwonlyargcount", c.co_kwonlyargcount), co_stacksize: num("co_stacksize", c.co_stacksize),
    co_flags: num("co_flags", c.co_flags), co_code: (get("co_code") ?? code_getcode(c)) as PyBytesObject,
    co_consts: (get("co_consts") ?? c.co_consts) as PyTupleObject, co_names: (get("co_names") ?? c.co_names) as PyTupleObject,
    co_localsplusnames: lpn, co_localspluskinds: lpk,
    co_filename: (get("co_filename") ?? c.co_filename) as PyUnicodeObject, co_name: (get("co_name") ?? c.co_name) as PyUnicodeObject,
    co_qualname: (get("co_qualname") ?? c.co_qualname) as PyUnicodeObject, co_firstlineno: num("co_firstlineno", c.co_firstlineno),
    co_linetable: (get("co_linetable") ?? c.co_linetable) as PyBytesObject,
    co_exceptiontable: (get("co_exceptiontable") ?? c.co_exceptiontable) as PyBytesObject,
  });
}

function code_richcompare(a: PyVal, b: PyVal, op: number): PyVal {
  if ((op !== Py_EQ && op !== Py_NE) || !(b instanceof PyCodeObject)) return Py_NotImplemented;
  const x = a as PyCodeObject;
  _PyCode_Materialize(x);
  _PyCode_Materialize(b);
  const eq = x === b || (x.co_name.value === b.co_name.value && x.co_argcount === b.co_argcount &&
    x.co_posonlyargcount === b.co_posonlyargcount && x.co_kwonlyargcount === b.co_kwonlyargcount &&
    x.co_flags === b.co_flags && x.co_firstlineno === b.co_firstlineno &&
    bytesEq(x.co_code.ob_bytes, b.co_code.ob_bytes) && PyObject_RichCompareBool(x.co_consts, b.co_consts, Py_EQ) &&
    PyObject_RichCompareBool(x.co_names, b.co_names, Py_EQ) &&
    PyObject_RichCompareBool(x.co_localsplusnames, b.co_localsplusnames, Py_EQ) &&
    bytesEq(x.co_linetable.ob_bytes, b.co_linetable.ob_bytes) &&
    bytesEq(x.co_exceptiontable.ob_bytes, b.co_exceptiontable.ob_bytes));
  return PyBool_FromLong(op === Py_EQ ? eq : !eq);
}

function bytesEq(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

PyType_FromSpecStatic({
  name: "code",
  doc: "Create a code object.  Not for the faint of heart.",
  slots: {
    tp_repr: code_repr, tp_richcompare: code_richcompare,
    tp_hash: (s) => {
      const c = s as PyCodeObject;
      const h = PyObject_Hash(c.co_name) ^ c.co_argcount ^ c.co_flags ^ c.co_firstlineno;
      Py_HashHi[0] = 0;
      return h;
    },
  },
  methods: [
    { name: "co_positions", meth: code_positions, flags: METH_NOARGS },
    { name: "co_lines", meth: code_lines, flags: METH_NOARGS },
    { name: "replace", meth: code_replace, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "_varname_from_oparg", meth: (s: PyVal, i: PyVal) => _PyCode_Materialize(s as PyCodeObject)._localsplusnames[i as number], flags: METH_O },
    { name: "__sizeof__", meth: (s: PyVal) => 200 + (s as PyCodeObject).co_code.ob_bytes.length, flags: METH_NOARGS },
  ],
  members: [
    { name: "co_argcount", get: (s) => (s as PyCodeObject).co_argcount },
    { name: "co_posonlyargcount", get: (s) => (s as PyCodeObject).co_posonlyargcount },
    { name: "co_kwonlyargcount", get: (s) => (s as PyCodeObject).co_kwonlyargcount },
    { name: "co_stacksize", get: (s) => (s as PyCodeObject).co_stacksize },
    { name: "co_flags", get: (s) => (s as PyCodeObject).co_flags },
    { name: "co_nlocals", get: (s) => _PyCode_Materialize(s as PyCodeObject).co_nlocals },
    { name: "co_consts", get: (s) => _PyCode_Materialize(s as PyCodeObject).co_consts },
    { name: "co_names", get: (s) => _PyCode_Materialize(s as PyCodeObject).co_names },
    { name: "co_filename", get: (s) => (s as PyCodeObject).co_filename },
    { name: "co_name", get: (s) => (s as PyCodeObject).co_name },
    { name: "co_qualname", get: (s) => (s as PyCodeObject).co_qualname },
    { name: "co_firstlineno", get: (s) => (s as PyCodeObject).co_firstlineno },
    { name: "co_linetable", get: (s) => (s as PyCodeObject).co_linetable },
    { name: "co_exceptiontable", get: (s) => (s as PyCodeObject).co_exceptiontable },
  ],
  getset: [
    { name: "co_code", get: code_getcode },
    { name: "_co_code_adaptive", get: (s) => {
      const code = _PyCode_Adaptive(s as PyCodeObject);
      const out = new Uint8Array(code.length * 2);
      for (let i = 0; i < code.length; i++) { out[2 * i] = code[i] & 255; out[2 * i + 1] = code[i] >> 8; }
      return PyBytes_FromArray(out);
    } },
    { name: "co_varnames", get: (s) => namesOfKind(s as PyCodeObject, CO_FAST_LOCAL) },
    { name: "co_cellvars", get: (s) => namesOfKind(s as PyCodeObject, CO_FAST_CELL) },
    { name: "co_freevars", get: (s) => namesOfKind(s as PyCodeObject, CO_FAST_FREE) },
    { name: "co_lnotab", get: () => PyBytes_FromArray(new Uint8Array()) },
  ],
}, PyCode_Type);

