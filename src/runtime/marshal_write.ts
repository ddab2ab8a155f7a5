// marshal.dumps over runtime objects (Python/marshal.c w_object, format version 4 with references), the writer
// behind marshal.dumps/dump, importlib's .pyc cache and tools/freeze.ts. See docs/imports.md.
import { PyObject, Py_None, Py_Ellipsis, Py_TYPE, PyLongObject, PyUnicodeObject, type PyVal } from "../objects/object.js";
import { PyTupleObject } from "../objects/tupleobject.js";
import { PyListObject } from "../objects/listobject.js";
import { PyDictObject, PyDict_Items } from "../objects/dictobject.js";
import { PyBytesObject } from "../objects/bytesobject.js";
import { PyFloatObject } from "../objects/floatobject.js";
import { Py_True, Py_False } from "../objects/boolobject.js";
import { PyCodeObject, _PyCode_Materialize } from "../objects/codeobject.js";
import { PyExc_StopIteration, PyExc_ValueError } from "../objects/exceptions.js";
import { PyObject_GetIter, PyIter_Next } from "../objects/abstract.js";
import { PyErr_Format } from "./errors.js";

const FLAG_REF = 0x80;
const MAX_DEPTH = 2000;

class Writer {
  buf: Uint8Array;
  len: number;
  refs: Map<PyObject, number>;
  /** Small ints written so far, by value, with their reference index. */
  smallInts: Map<number, number>;
  /** Flagged objects that can never be referenced again (other JS-number ints). */
  unsharedRefs: number;
  version: number;
  allowCode: boolean;
  depth: number;
  /** Write nested code objects as lazy records (TYPE_LAZY_CODE, Typhon's stdlib cache only). */
  lazyBodies: boolean;
  /** While a lazy record's body is written: the objects and small ints it added to the reference table, forgotten
   *  after it (the body is read later with a copy of the table as it was before the body). */
  scope: { objs: PyObject[]; ints: number[] } | null;
  constructor(version: number, allowCode: boolean, lazyBodies = false) {
    this.buf = new Uint8Array(256);
    this.len = 0;
    this.refs = new Map();
    this.smallInts = new Map();
    this.unsharedRefs = 0;
    this.version = version;
    this.allowCode = allowCode;
    this.depth = 0;
    this.lazyBodies = lazyBodies;
    this.scope = null;
  }
  reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const b = new Uint8Array(cap);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  u8(v: number): void {
    this.reserve(1);
    this.buf[this.len++] = v & 0xff;
  }
  i32(v: number): void {
    this.reserve(4);
    const b = this.buf;
    b[this.len++] = v & 0xff;
    b[this.len++] = (v >> 8) & 0xff;
    b[this.len++] = (v >> 16) & 0xff;
    b[this.len++] = (v >>> 24) & 0xff;
  }
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  f64(v: number): void {
    this.reserve(8);
    new DataView(this.buf.buffer).setFloat64(this.len, v, true);
    this.len += 8;
  }
}

function utf8Surrogatepass(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** Write a reference if `v` was written before; otherwise remember it and return the FLAG_REF bit (w_ref). */
function w_ref(w: Writer, v: PyObject): number | null {
  if (w.version < 3) return 0;
  const idx = w.refs.get(v);
  if (idx !== undefined) {
    w.u8(0x72); // 'r'
    w.i32(idx);
    return null;
  }
  w.refs.set(v, w.refs.size + w.smallInts.size + w.unsharedRefs);
  if (w.scope !== null) w.scope.objs.push(v);
  return FLAG_REF;
}

function w_long(w: Writer, v: bigint | number, flag: number): void {
  if (typeof v === "number" && v >= -0x80000000 && v <= 0x7fffffff) {
    w.u8(0x69 | flag); // 'i'
    w.i32(v);
    return;
  }
  let big = BigInt(v);
  const neg = big < 0n;
  if (neg) big = -big;
  const digits: number[] = [];
  while (big > 0n) {
    digits.push(Number(big & 0x7fffn));
    big >>= 15n;
  }
  w.u8(0x6c | flag); // 'l'
  w.i32(neg ? -digits.length : digits.length);
  for (const d of digits) {
    w.u8(d & 0xff);
    w.u8(d >> 8);
  }
}

function w_str(w: Writer, u: PyUnicodeObject, flag: number): void {
  const s = u.value;
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) { ascii = false; break; }
  if (ascii && w.version >= 4) {
    const b = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
    if (s.length < 256) {
      w.u8((u.interned ? 0x5a : 0x7a) | flag); // 'Z' / 'z'
      w.u8(s.length);
    } else {
      w.u8((u.interned ? 0x41 : 0x61) | flag); // 'A' / 'a'
      w.i32(s.length);
    }
    w.bytes(b);
    return;
  }
  const b = utf8Surrogatepass(s);
  w.u8((u.interned && w.version >= 1 ? 0x74 : 0x75) | flag); // 't' / 'u'
  w.i32(b.length);
  w.bytes(b);
}

function w_object(w: Writer, v: PyVal): void {
  if (++w.depth > MAX_DEPTH) PyErr_Format(PyExc_ValueError, "object too deeply nested to marshal");
  try {
    w_object_inner(w, v);
  } finally {
    w.depth--;
  }
}

/** A JS-number int: CPython's small ints (-5..256) are shared objects, so repeats are back-references. */
function w_number(w: Writer, v: number): void {
  if (w.version >= 3 && v >= -5 && v <= 256) {
    const idx = w.smallInts.get(v);
    if (idx !== undefined) {
      w.u8(0x72); // 'r'
      w.i32(idx);
      return;
    }
    w.smallInts.set(v, w.refs.size + w.smallInts.size + w.unsharedRefs);
    if (w.scope !== null) w.scope.ints.push(v);
  } else if (w.version >= 3) w.unsharedRefs++;
  w_long(w, v, w.version >= 3 ? FLAG_REF : 0);
}

function w_object_inner(w: Writer, v: PyVal): void {
  if (typeof v === "number") { w_number(w, v); return; }
  if (v === Py_None) { w.u8(0x4e); return; }
  if (v === Py_False) { w.u8(0x46); return; }
  if (v === Py_True) { w.u8(0x54); return; }
  if (v === Py_Ellipsis) { w.u8(0x2e); return; }
  if (v === PyExc_StopIteration) { w.u8(0x53); return; }
  const tn = Py_TYPE(v).tp_name;
  // CPython flags every object whose reference count exceeds one, which is nearly every immutable object marshal
  // sees; lists, dicts and sets passed to dumps are usually fresh (a count of one), so they are not flagged.
  const mutable = v instanceof PyListObject || v instanceof PyDictObject || tn === "set";
  const flag = mutable ? 0 : w_ref(w, v);
  if (flag === null) return;
  if (v instanceof PyLongObject && tn === "int") {
    w_long(w, v.big !== null ? v.big : v.ival, flag);
    return;
  }
  if (v instanceof PyFloatObject && tn === "float") {
    w.u8(0x67 | flag); // 'g'
    w.f64(v.ob_fval);
    return;
  }
  if (v instanceof PyUnicodeObject && tn === "str") { w_str(w, v, flag); return; }
  if (v instanceof PyBytesObject && tn === "bytes") {
    w.u8(0x73 | flag); // 's'
    w.i32(v.ob_bytes.length);
    w.bytes(v.ob_bytes);
    return;
  }
  if (v instanceof PyTupleObject && tn === "tuple") {
    const items = v.ob_item;
    if (items.length < 256 && w.version >= 4) {
      w.u8(0x29 | flag); // ')'
      w.u8(items.length);
    } else {
      w.u8(0x28 | flag); // '('
      w.i32(items.length);
    }
    for (const x of items) w_object(w, x);
    return;
  }
  if (v instanceof PyListObject && tn === "list") {
    w.u8(0x5b | flag); // '['
    w.i32(v.ob_item.length);
    for (const x of v.ob_item) w_object(w, x);
    return;
  }
  if (v instanceof PyDictObject && tn === "dict") {
    w.u8(0x7b | flag); // '{'
    for (const [k, x] of PyDict_Items(v)) {
      w_object(w, k);
      w_object(w, x);
    }
    w.u8(0x30); // '0'
    return;
  }
  if (tn === "set" || tn === "frozenset") {
    const items: PyVal[] = [];
    const it = PyObject_GetIter(v);
    for (let x = PyIter_Next(it); x !== undefined; x = PyIter_Next(it)) items.push(x);
    w.u8((tn === "set" ? 0x3c : 0x3e) | flag); // '<' / '>'
    w.i32(items.length);
    for (const x of items) w_object(w, x);
    return;
  }
  if (tn === "complex") {
    const c = v as unknown as { cval?: { real: number; imag: number }; real?: number; imag?: number };
    const re = c.cval?.real ?? c.real;
    const im = c.cval?.imag ?? c.imag;
    if (typeof re === "number" && typeof im === "number") {
      w.u8(0x79 | flag); // 'y'
      w.f64(re);
      w.f64(im);
      return;
    }
  }
  if (v instanceof PyCodeObject) {
    if (!w.allowCode) PyErr_Format(PyExc_ValueError, "unmarshallable object");
    _PyCode_Materialize(v);
    if (w.lazyBodies && w.depth > 1) {
      w_lazy_code(w, v, flag);
      return;
    }
    w_code_counts(w, 0x63 | flag, v); // 'c'
    w_object(w, v.co_code);
    w_object(w, v.co_consts);
    w_object(w, v.co_names);
    w_object(w, v.co_localsplusnames);
    w_object(w, v.co_localspluskinds);
    w_object(w, v.co_filename);
    w_object(w, v.co_name);
    w_object(w, v.co_qualname);
    w.i32(v.co_firstlineno);
    w_object(w, v.co_linetable);
    w_object(w, v.co_exceptiontable);
    return;
  }
  // Subclasses of marshallable types and everything else (CPython: "unmarshallable object").
  PyErr_Format(PyExc_ValueError, "unmarshallable object");
}

/** A code record's type byte, then its five counts and flags. */
function w_code_counts(w: Writer, type: number, v: PyCodeObject): void {
  w.u8(type);
  w.i32(v.co_argcount);
  w.i32(v.co_posonlyargcount);
  w.i32(v.co_kwonlyargcount);
  w.i32(v.co_stacksize);
  w.i32(v.co_flags);
}

/** A nested code object as Typhon's lazy record (read by src/runtime/marshal.ts): 'Y', the five counts and flags,
 *  filename, name, qualname and first line as for 'c', the docstring a function made from it takes (co_consts[0]
 *  when that is a str, else None: a reference in the body keeps its identity), then the byte length of a body
 *  holding co_code, co_consts,
 *  co_names, co_localsplusnames, co_localspluskinds, co_linetable and co_exceptiontable. The body may refer to the
 *  reference slots made before it; the slots it makes are its own (numbered on from there), so the reader can skip
 *  it and read it later with a copy of the table as it stood. */
function w_lazy_code(w: Writer, v: PyCodeObject, flag: number): void {
  w_code_counts(w, 0x59 | flag, v); // 'Y'
  w_object(w, v.co_filename);
  w_object(w, v.co_name);
  w_object(w, v.co_qualname);
  w.i32(v.co_firstlineno);
  const c0 = v.co_consts.ob_item.length > 0 ? v.co_consts.ob_item[0] : Py_None;
  w_object(w, c0 instanceof PyUnicodeObject ? c0 : Py_None);
  const lenAt = w.len;
  w.i32(0);
  const outer = w.scope, unshared = w.unsharedRefs;
  const scope = w.scope = { objs: [] as PyObject[], ints: [] as number[] };
  try {
    w_object(w, v.co_code);
    w_object(w, v.co_consts);
    w_object(w, v.co_names);
    w_object(w, v.co_localsplusnames);
    w_object(w, v.co_localspluskinds);
    w_object(w, v.co_linetable);
    w_object(w, v.co_exceptiontable);
  } finally {
    for (const o of scope.objs) w.refs.delete(o);
    for (const i of scope.ints) w.smallInts.delete(i);
    w.unsharedRefs = unshared;
    w.scope = outer;
  }
  const n = w.len - lenAt - 4;
  w.buf[lenAt] = n & 0xff;
  w.buf[lenAt + 1] = (n >> 8) & 0xff;
  w.buf[lenAt + 2] = (n >> 16) & 0xff;
  w.buf[lenAt + 3] = (n >>> 24) & 0xff;
}

/** marshal.dumps(value, version); `lazyBodies` writes nested code objects as lazy records (Typhon's stdlib cache). */
export function marshal_dumps(v: PyVal, version = 4, allowCode = true, lazyBodies = false): Uint8Array {
  const w = new Writer(version, allowCode, lazyBodies);
  w_object(w, v);
  return w.buf.slice(0, w.len);
}
