// marshal.loads for every type code of format version 4 with back-references (Python/marshal.c), and reading a
// CPython 3.13 .pyc (16-byte header, magic 3571). See docs/interpreter.md and DESIGN-FACTS §1.8-1.9.
import { PyObject, Py_None, Py_Ellipsis, PyUnicode_InternFromString, type PyVal, PyUnicodeObject } from "../objects/object.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyTuple_New, PyTupleObject } from "../objects/tupleobject.js";
import { PyList_New, PyListObject } from "../objects/listobject.js";
import { PyDict_New, PyDict_SetItem } from "../objects/dictobject.js";
import { PyBytes_FromArray, PyBytesObject } from "../objects/bytesobject.js";
import { PyFloat_FromDouble } from "../objects/floatobject.js";
import { PyLong_FromBigInt } from "../objects/longobject.js";
import { Py_True, Py_False } from "../objects/boolobject.js";
import { PyCodeObject, type LazyCodeBody, type RawCodeFields } from "../objects/codeobject.js";
import { PyErr_Format } from "./errors.js";
import { PyExc_ValueError, PyExc_EOFError, PyExc_RuntimeError, PyExc_StopIteration } from "../objects/exceptions.js";

export const MAGIC_NUMBER = 3571;
const FLAG_REF = 0x80;

/** Constructors for types that live in other files (sets, complex), installed at start-up. */
export const marshalHooks = {
  set: (items: PyVal[], frozen: boolean): PyVal => {
    void items; void frozen;
    return PyErr_Format(PyExc_ValueError, "bad marshal data (set type not available)");
  },
  complex: (re: number, im: number): PyVal => {
    void re; void im;
    return PyErr_Format(PyExc_ValueError, "bad marshal data (complex type not available)");
  },
};

// Type codes (Python/marshal.c), compared as numbers: the reader is the import path's hot loop.
const TYPE_NULL = 0x30, TYPE_NONE = 0x4e, TYPE_FALSE = 0x46, TYPE_TRUE = 0x54, TYPE_STOPITER = 0x53, TYPE_ELLIPSIS = 0x2e;
const TYPE_INT = 0x69, TYPE_LONG = 0x6c, TYPE_FLOAT = 0x66, TYPE_BINARY_FLOAT = 0x67, TYPE_COMPLEX = 0x78;
const TYPE_BINARY_COMPLEX = 0x79, TYPE_STRING = 0x73, TYPE_INTERNED = 0x74, TYPE_REF = 0x72, TYPE_TUPLE = 0x28;
const TYPE_LIST = 0x5b, TYPE_DICT = 0x7b, TYPE_CODE = 0x63, TYPE_UNICODE = 0x75, TYPE_SET = 0x3c, TYPE_FROZENSET = 0x3e;
const TYPE_ASCII = 0x61, TYPE_ASCII_INTERNED = 0x41, TYPE_SMALL_TUPLE = 0x29, TYPE_SHORT_ASCII = 0x7a;
const TYPE_SHORT_ASCII_INTERNED = 0x5a;
/** Typhon's lazy code record (src/runtime/marshal_write.ts's w_lazy_code), only in its own stdlib cache. */
const TYPE_LAZY_CODE = 0x59;

class Reader {
  readonly b: Uint8Array;
  readonly dv: DataView;
  pos: number;
  readonly refs: (PyVal | null)[];
  depth: number;
  /** Byte strings may be views of `b` (no copy): only when the caller never mutates `b` (a file read for an import). */
  readonly share: boolean;
  /** Reference slots of a code object's bytes fields left unmade (lazyBytes): slot, offset, length, in triples. */
  lazy: number[] | null;
  /** The length of the bytes lazyBytes last skipped. */
  lazyLen: number;
  /** Whether TYPE_LAZY_CODE records may occur (Typhon's stdlib cache). */
  lazyBodies: boolean;
  constructor(b: Uint8Array, pos: number, share: boolean, lazyBodies = false, refs: (PyVal | null)[] = []) {
    this.b = b;
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    this.pos = pos;
    this.refs = refs;
    this.depth = 0;
    this.share = share;
    this.lazy = null;
    this.lazyLen = 0;
    this.lazyBodies = lazyBodies;
  }
  need(n: number): void {
    if (this.pos + n > this.b.length) PyErr_Format(PyExc_EOFError, "marshal data too short");
  }
  u8(): number {
    if (this.pos >= this.b.length) PyErr_Format(PyExc_EOFError, "marshal data too short");
    return this.b[this.pos++];
  }
  i32(): number {
    const p = this.pos;
    if (p + 4 > this.b.length) PyErr_Format(PyExc_EOFError, "marshal data too short");
    const b = this.b;
    this.pos = p + 4;
    return b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
  }
  bytes(n: number): Uint8Array {
    if (n < 0) PyErr_Format(PyExc_ValueError, "bad marshal data (bytes object size out of range)");
    this.need(n);
    const p = this.pos;
    this.pos = p + n;
    return this.share ? this.b.subarray(p, p + n) : this.b.slice(p, p + n);
  }
  /** n bytes as a Latin-1 string (flat, so that hashing it for the intern table is cheap). */
  latin1(n: number): string {
    if (n < 0) PyErr_Format(PyExc_ValueError, "bad marshal data (string size out of range)");
    this.need(n);
    const b = this.b, p = this.pos;
    this.pos = p + n;
    switch (n) {
      case 0: return "";
      case 1: return String.fromCharCode(b[p]);
      case 2: return String.fromCharCode(b[p], b[p + 1]);
      case 3: return String.fromCharCode(b[p], b[p + 1], b[p + 2]);
      case 4: return String.fromCharCode(b[p], b[p + 1], b[p + 2], b[p + 3]);
      default: break;
    }
    if (n <= 8192) return String.fromCharCode.apply(null, b.subarray(p, p + n) as unknown as number[]);
    let s = "";
    for (let i = 0; i < n; i += 8192) {
      s += String.fromCharCode.apply(null, b.subarray(p + i, p + Math.min(n, i + 8192)) as unknown as number[]);
    }
    return s;
  }
  /** n bytes of UTF-8 with surrogatepass (lone surrogates encoded as 3 bytes are kept). */
  utf8(n: number): string {
    if (n < 0) PyErr_Format(PyExc_ValueError, "bad marshal data (string size out of range)");
    this.need(n);
    const b = this.b, p = this.pos;
    let ascii = true;
    for (let i = p; i < p + n; i++) if (b[i] >= 0x80) { ascii = false; break; }
    this.pos = p + n;
    if (ascii) return latin1At(b, p, n);
    return decodeUtf8Surrogatepass(b.subarray(p, p + n));
  }
  f64(): number {
    this.need(8);
    const v = this.dv.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
}

let utf8Fatal: { decode(b: Uint8Array): string } | null = null;

/** UTF-8 decoding with surrogatepass (lone surrogates encoded as 3 bytes are kept). */
function decodeUtf8Surrogatepass(b: Uint8Array): string {
  // Valid UTF-8 (the usual case) through the platform's decoder; lone surrogates make it throw.
  try {
    utf8Fatal ??= new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    return utf8Fatal.decode(b);
  } catch {
    // fall through to the surrogate-preserving loop
  }
  let out = "";
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) { out += String.fromCharCode(c); i++; }
    else if (c < 0xe0) { out += String.fromCharCode(((c & 0x1f) << 6) | (b[i + 1] & 0x3f)); i += 2; }
    else if (c < 0xf0) { out += String.fromCharCode(((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f)); i += 3; }
    else {
      const cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
      out += String.fromCodePoint(cp);
      i += 4;
    }
  }
  return out;
}

// ---- strings by their bytes ----

// Identifiers and short constants recur across the modules an import reads (self, __name__, name, ...). A
// direct-mapped cache from a string's bytes (FNV-1a) to the JS string made from them the last time skips building it
// again, and a JS string that was made once keeps V8's own hash, so interning it (a Map lookup) is cheap too. A
// collision only replaces the slot; every hit is checked byte by byte.
const STR_CACHE_BITS = 13;
const STR_CACHE_MASK = (1 << STR_CACHE_BITS) - 1;
/** Longer strings (docstrings, source text) are rarely repeated: they are decoded without the cache. */
const STR_CACHE_MAX = 40;
// Allocated at the first unmarshalled string, not when the module loads: the start-up snapshot would carry them.
let strCacheHash = new Int32Array(0);
let strCacheText: string[] = [];
/** The interned str of a slot's text once one was asked for (interned strs are never dropped). */
let strCacheInterned: (PyUnicodeObject | null)[] = [];

function allocStrCache(): void {
  strCacheHash = new Int32Array(1 << STR_CACHE_BITS);
  strCacheText = new Array<string>(1 << STR_CACHE_BITS).fill("");
  strCacheInterned = new Array<PyUnicodeObject | null>(1 << STR_CACHE_BITS).fill(null);
}
/** The slot latin1At last used, or -1 when the string was too long for the cache. */
let lastSlot = -1;

/** The n bytes at p, each a code point (Latin-1; the ASCII type codes hold ASCII), as a JS string. */
function latin1At(b: Uint8Array, p: number, n: number): string {
  if (n <= STR_CACHE_MAX) {
    if (strCacheText.length === 0) allocStrCache();
    let h = 0x811c9dc5 ^ n;
    for (let i = p; i < p + n; i++) h = Math.imul(h ^ b[i], 0x01000193);
    const slot = (h ^ (h >>> STR_CACHE_BITS)) & STR_CACHE_MASK;
    lastSlot = slot;
    const cached = strCacheText[slot];
    if (strCacheHash[slot] === h && cached.length === n) {
      let i = 0;
      while (i < n && cached.charCodeAt(i) === b[p + i]) i++;
      if (i === n) return cached;
    }
    let s: string;
    switch (n) {
      case 0: s = ""; break;
      case 1: s = String.fromCharCode(b[p]); break;
      case 2: s = String.fromCharCode(b[p], b[p + 1]); break;
      case 3: s = String.fromCharCode(b[p], b[p + 1], b[p + 2]); break;
      case 4: s = String.fromCharCode(b[p], b[p + 1], b[p + 2], b[p + 3]); break;
      default: s = String.fromCharCode.apply(null, b.subarray(p, p + n) as unknown as number[]); break;
    }
    strCacheHash[slot] = h;
    strCacheText[slot] = s;
    return s;
  }
  lastSlot = -1;
  if (n <= 8192) return String.fromCharCode.apply(null, b.subarray(p, p + n) as unknown as number[]);
  let s = "";
  for (let i = 0; i < n; i += 8192) {
    s += String.fromCharCode.apply(null, b.subarray(p + i, p + Math.min(n, i + 8192)) as unknown as number[]);
  }
  return s;
}

/** The interned str of the n bytes at p (TYPE_*INTERNED): from the slot when its text was interned before. */
function internLatin1At(b: Uint8Array, p: number, n: number): PyUnicodeObject {
  const s = latin1At(b, p, n);
  const slot = lastSlot;
  if (slot < 0) return PyUnicode_InternFromString(s);
  const u = strCacheInterned[slot];
  if (u !== null && u.value === s) return u;
  const v = PyUnicode_InternFromString(s);
  strCacheInterned[slot] = v;
  return v;
}

/** A string's length (u8 for the short types, i32 otherwise) and bytes, checked against the end of the data. */
function strLen(r: Reader, short: boolean): number {
  const n = short ? r.u8() : r.i32();
  if (n < 0) PyErr_Format(PyExc_ValueError, "bad marshal data (string size out of range)");
  r.need(n);
  return n;
}

/** A Latin-1 string of n bytes at the reader's position (already checked), advancing past it. */
function readLatin1(r: Reader, n: number): string {
  const p = r.pos;
  r.pos = p + n;
  return latin1At(r.b, p, n);
}

function readInternedLatin1(r: Reader, n: number): PyUnicodeObject {
  const p = r.pos;
  r.pos = p + n;
  return internLatin1At(r.b, p, n);
}

/** r_object: one object, recursively. One function (not a wrapper around an inner one): this is the import path's
 *  hot loop, and it mostly runs before V8 has optimized it, where a switch tests its labels one by one: they are
 *  ordered by how often each type code occurs in issue #5's import line (references 38%, short interned strings 17%,
 *  bytes 16%, small tuples 13%, ...). */
function readObject(r: Reader): PyVal | null {
  if (r.depth >= 2000) return PyErr_Format(PyExc_ValueError, "recursion limit exceeded");
  const b = r.b;
  const p = r.pos;
  if (p >= b.length) PyErr_Format(PyExc_EOFError, "marshal data too short");
  const code = b[p];
  r.pos = p + 1;
  const flag = code & FLAG_REF;
  let v: PyVal;
  switch (code & ~FLAG_REF) {
    case TYPE_REF: {
      const n = r.i32();
      if (n < 0 || n >= r.refs.length || r.refs[n] === null) return lazyRef(r, n);
      return r.refs[n];
    }
    case TYPE_SHORT_ASCII_INTERNED: v = readInternedLatin1(r, strLen(r, true)); break;
    case TYPE_STRING: v = PyBytes_FromArray(r.bytes(r.i32())); break;
    case TYPE_SMALL_TUPLE:
    case TYPE_TUPLE: {
      const n = (code & ~FLAG_REF) === TYPE_TUPLE ? r.i32() : r.u8();
      if (n < 0) return PyErr_Format(PyExc_ValueError, "bad marshal data (tuple size out of range)");
      const idx = reserve(r, flag);
      const items: PyVal[] = new Array(n);
      r.depth++;
      for (let i = 0; i < n; i++) {
        const item = readObject(r);
        if (item === null) PyErr_Format(PyExc_ValueError, "NULL object in marshal data for tuple");
        items[i] = item!;
      }
      r.depth--;
      const t = PyTuple_New(items);
      if (idx >= 0) r.refs[idx] = t;
      return t;
    }
    case TYPE_SHORT_ASCII: v = PyUnicode_FromString(readLatin1(r, strLen(r, true))); break;
    case TYPE_CODE: {
      const idx = reserve(r, flag);
      r.depth++;
      const argcount = r.i32();
      const posonly = r.i32();
      const kwonly = r.i32();
      const stacksize = r.i32();
      const flags = r.i32();
      // From a buffer nobody writes to, the bytes fields stay where they are until asked for (RawCodeFields).
      const codeAt = lazyBytes(r);
      const codeLen = r.lazyLen;
      const codeBytes = codeAt < 0 ? readObject(r) as PyBytesObject : null;
      const consts = readObject(r) as PyTupleObject;
      const names = readObject(r) as PyTupleObject;
      const lpnames = readObject(r) as PyTupleObject;
      const kindsAt = lazyBytes(r);
      const kindsLen = r.lazyLen;
      const lpkinds = kindsAt < 0 ? readObject(r) as PyBytesObject : null;
      const filename = readObject(r) as PyUnicodeObject;
      const name = readObject(r) as PyUnicodeObject;
      const qualname = readObject(r) as PyUnicodeObject;
      const firstlineno = r.i32();
      const ltAt = lazyBytes(r);
      const ltLen = r.lazyLen;
      const linetable = ltAt < 0 ? readObject(r) as PyBytesObject : null;
      const etAt = lazyBytes(r);
      const etLen = r.lazyLen;
      const exctable = etAt < 0 ? readObject(r) as PyBytesObject : null;
      r.depth--;
      const c = r.share
        ? new PyCodeObject({
          co_argcount: argcount, co_posonlyargcount: posonly, co_kwonlyargcount: kwonly, co_stacksize: stacksize,
          co_flags: flags, raw: r.b, co_code: codeBytes, codeAt, codeLen, co_consts: consts, co_names: names,
          co_localsplusnames: lpnames, co_localspluskinds: lpkinds,
          kinds: lpkinds !== null ? lpkinds.ob_bytes : r.b.subarray(kindsAt, kindsAt + kindsLen),
          co_filename: filename, co_name: name, co_qualname: qualname, co_firstlineno: firstlineno,
          co_linetable: linetable, linetableAt: ltAt, linetableLen: ltLen,
          co_exceptiontable: exctable, exctableAt: etAt, exctableLen: etLen,
        })
        : new PyCodeObject({
          co_argcount: argcount, co_posonlyargcount: posonly, co_kwonlyargcount: kwonly, co_stacksize: stacksize,
          co_flags: flags, co_code: codeBytes!, co_consts: consts, co_names: names, co_localsplusnames: lpnames,
          co_localspluskinds: lpkinds!, co_filename: filename, co_name: name, co_qualname: qualname,
          co_firstlineno: firstlineno, co_linetable: linetable!, co_exceptiontable: exctable!,
        });
      if (idx >= 0) r.refs[idx] = c;
      return c;
    }
    case TYPE_LAZY_CODE: {
      if (!r.lazyBodies) return PyErr_Format(PyExc_ValueError, "bad marshal data (unknown type code)");
      const idx = reserve(r, flag);
      r.depth++;
      const argcount = r.i32();
      const posonly = r.i32();
      const kwonly = r.i32();
      const stacksize = r.i32();
      const flags = r.i32();
      const filename = readObject(r) as PyUnicodeObject;
      const name = readObject(r) as PyUnicodeObject;
      const qualname = readObject(r) as PyUnicodeObject;
      const firstlineno = r.i32();
      const doc = readObject(r);
      const n = r.i32();
      if (n < 0 || doc === null) return PyErr_Format(PyExc_ValueError, "bad marshal data (code body size out of range)");
      r.need(n);
      const body = new LazyBody(r, r.pos, doc);
      r.pos += n;
      r.depth--;
      const c = new PyCodeObject({
        co_argcount: argcount, co_posonlyargcount: posonly, co_kwonlyargcount: kwonly, co_stacksize: stacksize,
        co_flags: flags, co_filename: filename, co_name: name, co_qualname: qualname, co_firstlineno: firstlineno,
        lazy: body,
      });
      if (idx >= 0) r.refs[idx] = c;
      return c;
    }
    case TYPE_NONE: return Py_None;
    case TYPE_INT: v = r.i32(); break;
    case TYPE_ASCII: v = PyUnicode_FromString(readLatin1(r, strLen(r, false))); break;
    case TYPE_FALSE: return Py_False;
    case TYPE_TRUE: return Py_True;
    case TYPE_SET:
    case TYPE_FROZENSET: {
      const n = r.i32();
      const idx = reserve(r, flag);
      const items: PyVal[] = [];
      r.depth++;
      for (let i = 0; i < n; i++) items.push(readObject(r)!);
      r.depth--;
      const s = marshalHooks.set(items, (code & ~FLAG_REF) === TYPE_FROZENSET);
      if (idx >= 0) r.refs[idx] = s;
      return s;
    }
    case TYPE_BINARY_FLOAT: v = PyFloat_FromDouble(r.f64()); break;
    case TYPE_ELLIPSIS: return Py_Ellipsis;
    case TYPE_LONG: {
      const n = r.i32();
      const size = Math.abs(n);
      let big = 0n;
      const digits: number[] = [];
      for (let i = 0; i < size; i++) {
        const d = r.u8() | (r.u8() << 8);
        if (d >= 1 << 15) PyErr_Format(PyExc_ValueError, "bad marshal data (digit out of range in long)");
        digits.push(d);
      }
      for (let i = size - 1; i >= 0; i--) big = (big << 15n) | BigInt(digits[i]);
      v = PyLong_FromBigInt(n < 0 ? -big : big);
      break;
    }
    case TYPE_UNICODE: v = PyUnicode_FromString(r.utf8(r.i32())); break;
    case TYPE_NULL: return null;
    case TYPE_STOPITER: return PyExc_StopIteration;
    case TYPE_ASCII_INTERNED: v = readInternedLatin1(r, strLen(r, false)); break;
    case TYPE_INTERNED: v = PyUnicode_InternFromString(r.utf8(r.i32())); break;
    case TYPE_FLOAT: v = PyFloat_FromDouble(Number(r.latin1(r.u8()))); break;
    case TYPE_BINARY_COMPLEX: {
      const re = r.f64();
      const im = r.f64();
      v = marshalHooks.complex(re, im);
      break;
    }
    case TYPE_COMPLEX: {
      const re = Number(r.latin1(r.u8()));
      const im = Number(r.latin1(r.u8()));
      v = marshalHooks.complex(re, im);
      break;
    }
    case TYPE_LIST: {
      const n = r.i32();
      const l = PyList_New([]);
      if (flag) r.refs.push(l);
      r.depth++;
      for (let i = 0; i < n; i++) l.ob_item.push(readObject(r)!);
      r.depth--;
      return l;
    }
    case TYPE_DICT: {
      const d = PyDict_New();
      if (flag) r.refs.push(d);
      r.depth++;
      for (;;) {
        const key = readObject(r);
        if (key === null) break;
        const val = readObject(r);
        if (val === null) break;
        PyDict_SetItem(d, key, val);
      }
      r.depth--;
      return d;
    }
    default:
      return PyErr_Format(PyExc_ValueError, "bad marshal data (unknown type code)");
  }
  if (flag) r.refs.push(v);
  return v;
}

/** The body of a lazy code record: where it lies, and the reference table as it stood there (the body refers only to
 *  slots made before it; the outer reader goes on adding slots to its table, so the body's reader gets a copy of the
 *  first `nrefs`). */
class LazyBody implements LazyCodeBody {
  readonly b: Uint8Array;
  readonly at: number;
  readonly refs: (PyVal | null)[];
  readonly nrefs: number;
  readonly lazy: number[] | null;
  readonly nlazy: number;
  readonly doc: PyVal;
  constructor(r: Reader, at: number, doc: PyVal) {
    this.doc = doc;
    this.b = r.b;
    this.at = at;
    this.refs = r.refs;
    this.nrefs = r.refs.length;
    this.lazy = r.lazy;
    this.nlazy = r.lazy === null ? 0 : r.lazy.length;
  }
  read(c: PyCodeObject): RawCodeFields {
    const r = new Reader(this.b, this.at, true, true, this.refs.slice(0, this.nrefs));
    if (this.lazy !== null) r.lazy = this.lazy.slice(0, this.nlazy);
    r.depth = 1;
    const codeAt = lazyBytes(r);
    const codeLen = r.lazyLen;
    const codeBytes = codeAt < 0 ? readObject(r) as PyBytesObject : null;
    const consts = readObject(r) as PyTupleObject;
    const names = readObject(r) as PyTupleObject;
    const lpnames = readObject(r) as PyTupleObject;
    const kindsAt = lazyBytes(r);
    const kindsLen = r.lazyLen;
    const lpkinds = kindsAt < 0 ? readObject(r) as PyBytesObject : null;
    const ltAt = lazyBytes(r);
    const ltLen = r.lazyLen;
    const linetable = ltAt < 0 ? readObject(r) as PyBytesObject : null;
    const etAt = lazyBytes(r);
    const etLen = r.lazyLen;
    const exctable = etAt < 0 ? readObject(r) as PyBytesObject : null;
    if (!(consts instanceof PyTupleObject) || !(names instanceof PyTupleObject) || !(lpnames instanceof PyTupleObject)) {
      return PyErr_Format(PyExc_ValueError, "bad marshal data (code body)");
    }
    return {
      co_argcount: c.co_argcount, co_posonlyargcount: c.co_posonlyargcount, co_kwonlyargcount: c.co_kwonlyargcount,
      co_stacksize: c.co_stacksize, co_flags: c.co_flags, raw: this.b, co_code: codeBytes, codeAt, codeLen,
      co_consts: consts, co_names: names, co_localsplusnames: lpnames, co_localspluskinds: lpkinds,
      kinds: lpkinds !== null ? lpkinds.ob_bytes : this.b.subarray(kindsAt, kindsAt + kindsLen),
      co_filename: c.co_filename, co_name: c.co_name, co_qualname: c.co_qualname, co_firstlineno: c.co_firstlineno,
      co_linetable: linetable, linetableAt: ltAt, linetableLen: ltLen,
      co_exceptiontable: exctable, exctableAt: etAt, exctableLen: etLen,
    };
  }
}

/** A bytes field of a code object (TYPE_STRING, with or without FLAG_REF) at the reader's position, skipped: its
 *  offset, with its length in r.lazyLen, or -1 (nothing read) when the buffer may change or the data is anything
 *  else or malformed, for readObject to read or report as before. A reference slot it takes stays null and is
 *  listed in r.lazy, for lazyRef. */
function lazyBytes(r: Reader): number {
  r.lazyLen = 0;
  if (!r.share) return -1;
  const b = r.b, p = r.pos;
  if (p + 5 > b.length || (b[p] & ~FLAG_REF) !== TYPE_STRING) return -1;
  const n = b[p + 1] | (b[p + 2] << 8) | (b[p + 3] << 16) | (b[p + 4] << 24);
  if (n < 0 || p + 5 + n > b.length) return -1;
  if (b[p] & FLAG_REF) {
    (r.lazy ??= []).push(r.refs.length, p + 5, n);
    r.refs.push(null);
  }
  r.pos = p + 5 + n;
  r.lazyLen = n;
  return p + 5;
}

/** A reference to slot n when it holds nothing: a code object's skipped bytes field (made now, as a new bytes
 *  object: a .pyc from CPython never refers back to one), else the error CPython gives. */
function lazyRef(r: Reader, n: number): PyVal {
  const l = r.lazy;
  if (l !== null && n >= 0) {
    // The slots were listed in increasing order: a binary search (a crafted .pyc cannot make this quadratic).
    let lo = 0, hi = l.length / 3 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const slot = l[3 * mid];
      if (slot < n) lo = mid + 1;
      else if (slot > n) hi = mid - 1;
      else return r.refs[n] = PyBytes_FromArray(r.b.subarray(l[3 * mid + 1], l[3 * mid + 1] + l[3 * mid + 2]));
    }
  }
  return PyErr_Format(PyExc_ValueError, "bad marshal data (invalid reference)");
}

/** Reserve a reference slot for a container read before its items (r_ref_reserve). */
function reserve(r: Reader, flag: number): number {
  if (flag === 0) return -1;
  r.refs.push(null);
  return r.refs.length - 1;
}

/** marshal.loads(data) from an offset; `lazyBodies` for Typhon's stdlib cache, which may hold lazy code records
 *  (then `share` must be true: their bodies are read from `data` later). */
export function marshal_loads(data: Uint8Array, offset = 0, share = false, lazyBodies = false): PyVal {
  const r = new Reader(data, offset, share, lazyBodies && share);
  const v = readObject(r);
  if (v === null) return PyErr_Format(PyExc_ValueError, "bad marshal data (NULL object)");
  return v;
}

/** marshal.load's core: the object at `offset` and the offset just past it. */
export function marshal_loads_at(data: Uint8Array, offset: number): [PyVal, number] {
  const r = new Reader(data, offset, false);
  const v = readObject(r);
  if (v === null) return PyErr_Format(PyExc_ValueError, "bad marshal data (NULL object)");
  return [v, r.pos];
}

/** The code object of a .pyc file (header checked as CPython's run_pyc_file does). */
export function readPyc(data: Uint8Array): PyCodeObject {
  if (data.length < 16 || (data[0] | (data[1] << 8)) !== MAGIC_NUMBER || data[2] !== 13 || data[3] !== 10) {
    return PyErr_Format(PyExc_RuntimeError, "Bad magic number in .pyc file");
  }
  const v = marshal_loads(data, 16, false);
  if (!(v instanceof PyCodeObject)) return PyErr_Format(PyExc_RuntimeError, "Bad code object in .pyc file");
  return v;
}

/** True when the file starts with the 3.13 pyc magic (maybe_pyc_file). */
export function looksLikePyc(data: Uint8Array): boolean {
  return data.length >= 4 && (data[0] | (data[1] << 8)) === MAGIC_NUMBER && data[2] === 13 && data[3] === 10;
}

