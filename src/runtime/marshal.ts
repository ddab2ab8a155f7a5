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
import { PyCodeObject } from "../objects/codeobject.js";
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

class Reader {
  readonly b: Uint8Array;
  readonly dv: DataView;
  pos: number;
  readonly refs: (PyVal | null)[];
  depth: number;
  constructor(b: Uint8Array, pos: number) {
    this.b = b;
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    this.pos = pos;
    this.refs = [];
    this.depth = 0;
  }
  need(n: number): void {
    if (this.pos + n > this.b.length) PyErr_Format(PyExc_EOFError, "marshal data too short");
  }
  u8(): number {
    this.need(1);
    return this.b[this.pos++];
  }
  i32(): number {
    this.need(4);
    const v = this.dv.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }
  bytes(n: number): Uint8Array {
    if (n < 0) PyErr_Format(PyExc_ValueError, "bad marshal data (bytes object size out of range)");
    this.need(n);
    const v = this.b.slice(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
  f64(): number {
    this.need(8);
    const v = this.dv.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
}

/** UTF-8 decoding with surrogatepass (lone surrogates encoded as 3 bytes are kept). */
function decodeUtf8Surrogatepass(b: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) { ascii = false; break; }
  if (ascii) {
    let s = "";
    for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
    return s;
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

function latin1(b: Uint8Array): string {
  // Most marshalled strings are short names: a plain loop beats spreading a subarray (the import hot path).
  if (b.length <= 128) {
    let s = "";
    for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
    return s;
  }
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

function readObject(r: Reader): PyVal | null {
  if (++r.depth > 2000) PyErr_Format(PyExc_ValueError, "recursion limit exceeded");
  try {
    return readObjectInner(r);
  } finally {
    r.depth--;
  }
}

function readObjectInner(r: Reader): PyVal | null {
  const code = r.u8();
  const flag = code & FLAG_REF;
  const type = String.fromCharCode(code & ~FLAG_REF);
  const ref = <T extends PyVal>(v: T): T => {
    if (flag) r.refs.push(v);
    return v;
  };
  switch (type) {
    case "0": return null;
    case "N": return Py_None;
    case "F": return Py_False;
    case "T": return Py_True;
    case ".": return Py_Ellipsis;
    case "S": return PyExc_StopIteration;
    case "i": return ref(r.i32());
    case "l": {
      const n = r.i32();
      const size = Math.abs(n);
      let v = 0n;
      const digits: number[] = [];
      for (let i = 0; i < size; i++) {
        const d = r.u8() | (r.u8() << 8);
        if (d >= 1 << 15) PyErr_Format(PyExc_ValueError, "bad marshal data (digit out of range in long)");
        digits.push(d);
      }
      for (let i = size - 1; i >= 0; i--) v = (v << 15n) | BigInt(digits[i]);
      return ref(PyLong_FromBigInt(n < 0 ? -v : v));
    }
    case "g": return ref(PyFloat_FromDouble(r.f64()));
    case "f": {
      const n = r.u8();
      return ref(PyFloat_FromDouble(Number(latin1(r.bytes(n)))));
    }
    case "y": {
      const re = r.f64();
      const im = r.f64();
      return ref(marshalHooks.complex(re, im));
    }
    case "x": {
      const re = Number(latin1(r.bytes(r.u8())));
      const im = Number(latin1(r.bytes(r.u8())));
      return ref(marshalHooks.complex(re, im));
    }
    case "s": return ref(PyBytes_FromArray(r.bytes(r.i32())));
    case "u": return ref(PyUnicode_FromString(decodeUtf8Surrogatepass(r.bytes(r.i32()))));
    case "t": return ref(PyUnicode_InternFromString(decodeUtf8Surrogatepass(r.bytes(r.i32()))));
    case "a": return ref(PyUnicode_FromString(latin1(r.bytes(r.i32()))));
    case "A": return ref(PyUnicode_InternFromString(latin1(r.bytes(r.i32()))));
    case "z": return ref(PyUnicode_FromString(latin1(r.bytes(r.u8()))));
    case "Z": return ref(PyUnicode_InternFromString(latin1(r.bytes(r.u8()))));
    case "(":
    case ")": {
      const n = type === "(" ? r.i32() : r.u8();
      const idx = r.refs.length;
      if (flag) r.refs.push(null);
      const items: PyVal[] = [];
      for (let i = 0; i < n; i++) {
        const v = readObject(r);
        if (v === null) PyErr_Format(PyExc_ValueError, "NULL object in marshal data for tuple");
        items.push(v!);
      }
      const t = PyTuple_New(items);
      if (flag) r.refs[idx] = t;
      return t;
    }
    case "[": {
      const n = r.i32();
      const l = ref(PyList_New([]));
      for (let i = 0; i < n; i++) l.ob_item.push(readObject(r)!);
      return l;
    }
    case "{": {
      const d = ref(PyDict_New());
      for (;;) {
        const key = readObject(r);
        if (key === null) break;
        const val = readObject(r);
        if (val === null) break;
        PyDict_SetItem(d, key, val);
      }
      return d;
    }
    case "<":
    case ">": {
      const n = r.i32();
      const idx = r.refs.length;
      if (flag) r.refs.push(null);
      const items: PyVal[] = [];
      for (let i = 0; i < n; i++) items.push(readObject(r)!);
      const s = marshalHooks.set(items, type === ">");
      if (flag) r.refs[idx] = s;
      return s;
    }
    case "c": {
      const idx = r.refs.length;
      if (flag) r.refs.push(null);
      const argcount = r.i32();
      const posonly = r.i32();
      const kwonly = r.i32();
      const stacksize = r.i32();
      const flags = r.i32();
      const codeBytes = readObject(r) as PyBytesObject;
      const consts = readObject(r) as PyTupleObject;
      const names = readObject(r) as PyTupleObject;
      const lpnames = readObject(r) as PyTupleObject;
      const lpkinds = readObject(r) as PyBytesObject;
      const filename = readObject(r) as PyUnicodeObject;
      const name = readObject(r) as PyUnicodeObject;
      const qualname = readObject(r) as PyUnicodeObject;
      const firstlineno = r.i32();
      const linetable = readObject(r) as PyBytesObject;
      const exctable = readObject(r) as PyBytesObject;
      const c = new PyCodeObject({
        co_argcount: argcount, co_posonlyargcount: posonly, co_kwonlyargcount: kwonly, co_stacksize: stacksize,
        co_flags: flags, co_code: codeBytes, co_consts: consts, co_names: names, co_localsplusnames: lpnames,
        co_localspluskinds: lpkinds, co_filename: filename, co_name: name, co_qualname: qualname,
        co_firstlineno: firstlineno, co_linetable: linetable, co_exceptiontable: exctable,
      });
      if (flag) r.refs[idx] = c;
      return c;
    }
    case "r": {
      const n = r.i32();
      if (n < 0 || n >= r.refs.length || r.refs[n] === null) {
        return PyErr_Format(PyExc_ValueError, "bad marshal data (invalid reference)");
      }
      return r.refs[n];
    }
    default:
      return PyErr_Format(PyExc_ValueError, "bad marshal data (unknown type code)");
  }
}

/** marshal.loads(data) from an offset. */
export function marshal_loads(data: Uint8Array, offset = 0): PyVal {
  const r = new Reader(data, offset);
  const v = readObject(r);
  if (v === null) return PyErr_Format(PyExc_ValueError, "bad marshal data (NULL object)");
  return v;
}

/** marshal.load's core: the object at `offset` and the offset just past it. */
export function marshal_loads_at(data: Uint8Array, offset: number): [PyVal, number] {
  const r = new Reader(data, offset);
  const v = readObject(r);
  if (v === null) return PyErr_Format(PyExc_ValueError, "bad marshal data (NULL object)");
  return [v, r.pos];
}

/** The code object of a .pyc file (header checked as CPython's run_pyc_file does). */
export function readPyc(data: Uint8Array): PyCodeObject {
  if (data.length < 16 || (data[0] | (data[1] << 8)) !== MAGIC_NUMBER || data[2] !== 13 || data[3] !== 10) {
    return PyErr_Format(PyExc_RuntimeError, "Bad magic number in .pyc file");
  }
  const v = marshal_loads(data, 16);
  if (!(v instanceof PyCodeObject)) return PyErr_Format(PyExc_RuntimeError, "Bad code object in .pyc file");
  return v;
}

/** True when the file starts with the 3.13 pyc magic (maybe_pyc_file). */
export function looksLikePyc(data: Uint8Array): boolean {
  return data.length >= 4 && (data[0] | (data[1] << 8)) === MAGIC_NUMBER && data[2] === 13 && data[3] === 10;
}

