// The _struct module (Modules/_struct.c): format strings with byte order, native sizes and alignment (x86-64
// Linux), pack/unpack/pack_into/unpack_from/iter_unpack/calcsize, the Struct type and struct.error, with
// CPython's messages. See docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE, METH_NOARGS,
  METH_O, METH_FASTCALL, METH_KEYWORDS, PyUnicodeObject, type PyVal,
} from "../objects/object.js";
import { PyBytes_FromArray, PyBytesObject } from "../objects/bytesobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyFloat_FromDouble, PyFloat_Check, PyFloat_AsDouble } from "../objects/floatobject.js";
import { PyLong_FromBigInt, PyLong_Check, longValue } from "../objects/longobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyExc_Exception, PyExc_TypeError, PyExc_OverflowError } from "../objects/exceptions.js";
import { PyObject_IsTrue, PyNumber_Index, PyObject_Vectorcall, PyObject_Repr, PyObject_GetIter, PyIter_Next } from "../objects/abstract.js";
import { PyObject_GetBufferData } from "../objects/memoryobject.js";
import { PyByteArrayObject, byteArrayData } from "../objects/bytearrayobject.js";
import { PyDict_New, PyDict_SetItemString } from "../objects/dictobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { parseArgs, unpackArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";

let StructError: PyTypeObject | null = null;
function err(msg: string): never {
  return PyErr_Format(StructError!, msg);
}

interface Code { c: string; size: number; offset: number; count: number }
interface Layout { codes: Code[]; size: number; little: boolean; nitems: number; format: string }

const NATIVE: Record<string, number> = { x: 1, c: 1, b: 1, B: 1, "?": 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8,
  n: 8, N: 8, e: 2, f: 4, d: 8, s: 1, p: 1, P: 8 };
const STANDARD: Record<string, number> = { x: 1, c: 1, b: 1, B: 1, "?": 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4, q: 8, Q: 8,
  e: 2, f: 4, d: 8, s: 1, p: 1 };

const cache = new Map<string, Layout>();

function parse(format: string): Layout {
  const hit = cache.get(format);
  if (hit !== undefined) return hit;
  let i = 0;
  let native = true, little = true;
  const first = format[0];
  if (first === "@" || first === "=" || first === "<" || first === ">" || first === "!") {
    native = first === "@";
    little = first === "@" || first === "=" || first === "<";
    i = 1;
  }
  const sizes = native ? NATIVE : STANDARD;
  const codes: Code[] = [];
  let size = 0, nitems = 0;
  while (i < format.length) {
    const ch = format[i];
    if (/\s/.test(ch)) { i++; continue; }
    let count = 1;
    if (ch >= "0" && ch <= "9") {
      let j = i;
      while (j < format.length && format[j] >= "0" && format[j] <= "9") j++;
      count = Number(format.slice(i, j));
      if (j >= format.length) return err("repeat count given without format specifier");
      i = j;
    }
    const c = format[i++];
    const s = sizes[c];
    if (s === undefined) return err("bad char in struct format");
    if (native && c !== "s" && c !== "p" && c !== "x" && c !== "c" && c !== "?" && c !== "b" && c !== "B") size = Math.ceil(size / s) * s;
    if (c === "s" || c === "p") {
      codes.push({ c, size: count, offset: size, count: 1 });
      size += count;
      nitems++;
    } else if (c === "x") {
      size += count;
    } else {
      for (let k = 0; k < count; k++) {
        codes.push({ c, size: s, offset: size, count: 1 });
        size += s;
        nitems++;
      }
    }
    if (size > 0x7fffffff) return err("total struct size too long");
  }
  const layout: Layout = { codes, size, little, nitems, format };
  if (cache.size > 100) cache.clear();
  cache.set(format, layout);
  return layout;
}

function formatArg(v: PyVal): string {
  if (PyUnicode_Check(v)) return v.value;
  if (v instanceof PyBytesObject) return String.fromCharCode(...v.ob_bytes);
  return PyErr_Format(PyExc_TypeError, `Struct() argument 1 must be a str or bytes object, not ${Py_TYPE(v).tp_name}`);
}

const INT_RANGES: Record<string, [bigint, bigint]> = {};
function range(c: string, size: number): [bigint, bigint] {
  const key = c + size;
  let r = INT_RANGES[key];
  if (r === undefined) {
    const bits = BigInt(size * 8);
    const unsigned = c === c.toUpperCase() && c !== "?";
    r = unsigned ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
    INT_RANGES[key] = r;
  }
  return r;
}

function intArg(v: PyVal): bigint {
  if (!PyLong_Check(v) && (typeof v === "number" || Py_TYPE(v).nb_index === null)) return err("required argument is not an integer");
  return BigInt(longValue(PyNumber_Index(v)));
}

function floatArg(v: PyVal): number {
  if (PyFloat_Check(v)) return PyFloat_AsDouble(v);
  if (PyLong_Check(v) || (typeof v !== "number" && (Py_TYPE(v).nb_float !== null || Py_TYPE(v).nb_index !== null))) return PyFloat_AsDouble(v);
  return err("required argument is not a float");
}

function bytesArg(v: PyVal): Uint8Array | null {
  if (v instanceof PyBytesObject) return v.ob_bytes;
  if (v instanceof PyByteArrayObject) return byteArrayData(v);
  return null;
}

function toHalf(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const ax = Math.abs(x);
  if (ax === Infinity) return sign | 0x7c00;
  if (ax >= 65520) return -1;
  // Round to nearest even on the double value (as PyFloat_Pack2).
  let e = Math.floor(Math.log2(ax));
  if (ax === 0) return sign;
  if (e < -14) return sign | roundEven(ax / 2 ** -24); // subnormal: units of 2^-24
  const frac = ax / 2 ** e - 1;
  let mant = roundEven(frac * 1024);
  if (mant === 1024) { mant = 0; e++; }
  if (e > 15) return -1;
  return sign | ((e + 15) << 10) | mant;
}

function roundEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

function fromHalf(h: number): number {
  const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

function packInto(l: Layout, args: readonly PyVal[], buf: Uint8Array, base: number): void {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const le = l.little;
  for (let k = 0; k < l.codes.length; k++) {
    const code = l.codes[k];
    const v = args[k];
    const off = base + code.offset;
    switch (code.c) {
      case "c": {
        const b = bytesArg(v);
        if (b === null || b.length !== 1) return err("char format requires a bytes object of length 1");
        buf[off] = b[0];
        break;
      }
      case "?": buf[off] = PyObject_IsTrue(v) ? 1 : 0; break;
      case "s": case "p": {
        const b = bytesArg(v);
        if (b === null) return err(`argument for '${code.c}' must be a bytes object`);
        if (code.c === "s") {
          buf.set(b.subarray(0, code.size), off);
        } else if (code.size > 0) {
          const n = Math.min(b.length, code.size - 1, 255);
          buf.set(b.subarray(0, n), off + 1);
          buf[off] = n;
        }
        break;
      }
      case "e": case "f": case "d": {
        const x = floatArg(v);
        if (code.c === "d") dv.setFloat64(off, x, le);
        else if (code.c === "f") {
          if (Number.isFinite(x) && Math.abs(x) > 3.4028234663852886e38 && Math.fround(x) === Infinity * Math.sign(x)) {
            return PyErr_Format(PyExc_OverflowError, "float too large to pack with f format");
          }
          dv.setFloat32(off, x, le);
        } else {
          const h = toHalf(x);
          if (h < 0) return PyErr_Format(PyExc_OverflowError, "float too large to pack with e format");
          dv.setUint16(off, h, le);
        }
        break;
      }
      default: {
        const n = intArg(v);
        const [lo, hi] = range(code.c, code.size);
        if (n < lo || n > hi) return err(`'${code.c}' format requires ${lo} <= number <= ${hi}`);
        const u = BigInt.asUintN(code.size * 8, n);
        for (let b = 0; b < code.size; b++) {
          const byte = Number((u >> BigInt(8 * b)) & 0xffn);
          buf[le ? off + b : off + code.size - 1 - b] = byte;
        }
      }
    }
  }
}

function unpackAt(l: Layout, buf: Uint8Array, base: number): PyVal {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const le = l.little;
  const out: PyVal[] = [];
  for (const code of l.codes) {
    const off = base + code.offset;
    switch (code.c) {
      case "c": out.push(PyBytes_FromArray(buf.slice(off, off + 1))); break;
      case "?": out.push(PyBool_FromLong(buf[off] !== 0)); break;
      case "s": out.push(PyBytes_FromArray(buf.slice(off, off + code.size))); break;
      case "p": {
        const n = Math.min(buf[off] ?? 0, code.size - 1);
        out.push(PyBytes_FromArray(buf.slice(off + 1, off + 1 + Math.max(0, n))));
        break;
      }
      case "d": out.push(PyFloat_FromDouble(dv.getFloat64(off, le))); break;
      case "f": out.push(PyFloat_FromDouble(dv.getFloat32(off, le))); break;
      case "e": out.push(PyFloat_FromDouble(fromHalf(dv.getUint16(off, le)))); break;
      default: {
        let u = 0n;
        for (let b = 0; b < code.size; b++) {
          const byte = BigInt(buf[le ? off + b : off + code.size - 1 - b]);
          u |= byte << BigInt(8 * b);
        }
        const signed = code.c === code.c.toLowerCase();
        out.push(PyLong_FromBigInt(signed ? BigInt.asIntN(code.size * 8, u) : u));
      }
    }
  }
  return PyTuple_New(out);
}

function readBuffer(v: PyVal): Uint8Array {
  if (v instanceof PyBytesObject) return v.ob_bytes;
  if (v instanceof PyByteArrayObject) return byteArrayData(v);
  const b = PyObject_GetBufferData(v);
  if (b !== null) return b;
  return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
}

function do_pack(l: Layout, args: readonly PyVal[]): PyVal {
  if (args.length !== l.nitems) return err(`pack expected ${l.nitems} items for packing (got ${args.length})`);
  const buf = new Uint8Array(l.size);
  packInto(l, args, buf, 0);
  return PyBytes_FromArray(buf);
}

function do_unpack(l: Layout, v: PyVal): PyVal {
  const b = readBuffer(v);
  if (b.length !== l.size) return err(`unpack requires a buffer of ${l.size} bytes`);
  return unpackAt(l, b, 0);
}

function do_unpack_from(l: Layout, v: PyVal, offsetArg: PyVal | undefined): PyVal {
  const b = readBuffer(v);
  let offset = offsetArg === undefined ? 0 : Number(longValue(PyNumber_Index(offsetArg)));
  if (offset < 0) {
    if (offset + b.length < 0) return err(`offset ${offset} out of range for ${b.length}-byte buffer`);
    offset += b.length;
  }
  if (b.length - offset < l.size) {
    if (offset > b.length) return err(`offset ${offset} out of range for ${b.length}-byte buffer`);
    return err(`unpack_from requires a buffer of at least ${l.size + offset} bytes for unpacking ${l.size} bytes at offset ${offset} (actual buffer size is ${b.length})`);
  }
  return unpackAt(l, b, offset);
}

function do_pack_into(l: Layout, args: readonly PyVal[]): PyVal {
  if (args.length < 2) return err(args.length === 0 ? "pack_into expected buffer argument" : "pack_into expected offset argument");
  const target = args[0];
  if (!(target instanceof PyByteArrayObject)) return PyErr_Format(PyExc_TypeError, `argument must be read-write bytes-like object, not ${Py_TYPE(target).tp_name}`);
  const buf = byteArrayData(target);
  let offset = Number(longValue(PyNumber_Index(args[1])));
  const items = args.slice(2);
  if (items.length !== l.nitems) return err(`pack_into expected ${l.nitems} items for packing (got ${items.length})`);
  if (offset < 0) {
    if (offset + l.size > 0) return err(`no space to pack ${l.size} bytes at offset ${offset}`);
    if (offset + buf.length < 0) return err(`offset ${offset} out of range for ${buf.length}-byte buffer`);
    offset += buf.length;
  }
  if (buf.length - offset < l.size) {
    return err(`pack_into requires a buffer of at least ${l.size + offset} bytes for packing ${l.size} bytes at offset ${offset} (actual buffer size is ${buf.length})`);
  }
  packInto(l, items, buf, offset);
  return Py_None;
}

export const PyStruct_Type = PyType_Declare("_struct.Struct");
export const PyUnpackIter_Type = PyType_Declare("_struct.unpack_iterator");

class PyStructObject extends PyObject {
  layout: Layout | null;
  formatObj: PyVal;
  constructor(type: PyTypeObject) {
    super(type);
    this.layout = null;
    this.formatObj = Py_None;
  }
}

class PyUnpackIterObject extends PyObject {
  layout: Layout;
  buf: Uint8Array;
  pos: number;
  constructor(l: Layout, buf: Uint8Array) {
    super(PyUnpackIter_Type);
    this.layout = l;
    this.buf = buf;
    this.pos = 0;
  }
}

function iter_unpack(l: Layout, v: PyVal): PyVal {
  const b = readBuffer(v);
  if (l.size === 0) return err("cannot iteratively unpack with a struct of length 0");
  if (b.length % l.size !== 0) return err(`iterative unpacking requires a buffer of a multiple of ${l.size} bytes`);
  return new PyUnpackIterObject(l, b);
}

function st(s: PyVal): Layout {
  const o = s as PyStructObject;
  if (o.layout === null) return PyErr_Format(PyExc_TypeError, "Struct() missing required argument 'format' (pos 1)");
  return o.layout;
}

PyType_FromSpecStatic({
  name: "_struct.Struct",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Struct(format)\n--\n\nCreate a compiled struct object.",
  slots: {
    tp_new: (t) => new PyStructObject(t),
    tp_init: (s, a, k) => {
      const [f] = parseArgs("Struct", a, k, ["format"], 1, 1);
      const o = s as PyStructObject;
      o.layout = parse(formatArg(f!));
      o.formatObj = PyUnicode_Check(f!) ? f! : PyUnicode_FromString(o.layout.format);
    },
    tp_repr: (s) => PyUnicode_FromString(`Struct(${PyObject_Repr((s as PyStructObject).formatObj).value})`),
  },
  methods: [
    { name: "pack", meth: (s: PyVal, a: PyVal[]) => do_pack(st(s), a), flags: METH_FASTCALL },
    { name: "pack_into", meth: (s: PyVal, a: PyVal[]) => do_pack_into(st(s), a), flags: METH_FASTCALL },
    { name: "unpack", meth: (s: PyVal, v: PyVal) => do_unpack(st(s), v), flags: METH_O },
    { name: "unpack_from", meth: (s: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const [b, off] = parseArgs("unpack_from", a, k, ["buffer", "offset"], 1, 2);
      return do_unpack_from(st(s), b!, off);
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "iter_unpack", meth: (s: PyVal, v: PyVal) => iter_unpack(st(s), v), flags: METH_O },
    { name: "__sizeof__", meth: (s: PyVal) => 56 + st(s).codes.length * 24, flags: METH_NOARGS },
  ],
  getset: [
    { name: "format", get: (s) => (s as PyStructObject).formatObj },
    { name: "size", get: (s) => st(s).size },
  ],
}, PyStruct_Type);

PyType_FromSpecStatic({
  name: "_struct.unpack_iterator",
  slots: {
    tp_iter: (s) => s,
    tp_iternext: (s) => {
      const it = s as PyUnpackIterObject;
      if (it.pos + it.layout.size > it.buf.length) return undefined;
      const r = unpackAt(it.layout, it.buf, it.pos);
      it.pos += it.layout.size;
      return r;
    },
  },
  methods: [
    { name: "__length_hint__", meth: (s: PyVal) => {
      const it = s as PyUnpackIterObject;
      return Math.floor((it.buf.length - it.pos) / it.layout.size);
    }, flags: METH_NOARGS },
  ],
}, PyUnpackIter_Type);

function layoutOf(v: PyVal): Layout {
  if (v instanceof PyStructObject) return st(v);
  return parse(formatArg(v));
}

export const structmodule: PyModuleDef = {
  m_name: "_struct",
  m_doc: "Functions to convert between Python values and C structs.",
  m_methods: [
    { name: "pack", meth: (_m: PyVal, a: PyVal[]) => {
      if (a.length === 0) return PyErr_Format(PyExc_TypeError, "pack expected at least 1 argument, got 0");
      return do_pack(layoutOf(a[0]), a.slice(1));
    }, flags: METH_FASTCALL },
    { name: "pack_into", meth: (_m: PyVal, a: PyVal[]) => {
      if (a.length === 0) return PyErr_Format(PyExc_TypeError, "pack_into expected at least 1 argument, got 0");
      return do_pack_into(layoutOf(a[0]), a.slice(1));
    }, flags: METH_FASTCALL },
    { name: "unpack", meth: (_m: PyVal, a: PyVal[]) => {
      const [f, b] = unpackArgs("unpack", a, 2, 2);
      return do_unpack(layoutOf(f!), b!);
    }, flags: METH_FASTCALL },
    { name: "unpack_from", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const [f, b, off] = parseArgs("unpack_from", a, k, ["", "buffer", "offset"], 2, 3);
      return do_unpack_from(layoutOf(f!), b!, off);
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "iter_unpack", meth: (_m: PyVal, a: PyVal[]) => {
      const [f, b] = unpackArgs("iter_unpack", a, 2, 2);
      return iter_unpack(layoutOf(f!), b!);
    }, flags: METH_FASTCALL },
    { name: "calcsize", meth: (_m: PyVal, f: PyVal) => layoutOf(f).size, flags: METH_O },
    { name: "_clearcache", meth: () => { cache.clear(); return Py_None; }, flags: METH_NOARGS },
  ],
  m_exec: (m) => {
    if (StructError === null) {
      const ns = PyDict_New();
      PyDict_SetItemString(ns, "__module__", PyUnicode_FromString("struct"));
      StructError = PyObject_Vectorcall(Py_TYPE(PyExc_Exception), [PyUnicode_FromString("error"), PyTuple_New([PyExc_Exception]), ns], null) as PyTypeObject;
    }
    PyModule_Add(m, "error", StructError);
    PyModule_Add(m, "Struct", PyStruct_Type);
    void PyObject_GetIter; void PyIter_Next; void PyUnicodeObject;
  },
};
