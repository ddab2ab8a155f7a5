// The zlib module's Python face (Modules/zlibmodule.c): compress/decompress, Compress/Decompress objects, crc32,
// adler32 and the constants, over src/modules/zlib (byte-exact with CPython's zlib 1.2.13). See docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, METH_NOARGS, METH_FASTCALL,
  METH_KEYWORDS, Py_TPFLAGS_DISALLOW_INSTANTIATION, type PyVal,
} from "../objects/object.js";
import { PyBytes_FromArray, PyBytesObject } from "../objects/bytesobject.js";
import { PyUnicode_FromString } from "../objects/unicodeobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyLong_FromBigInt, longValue } from "../objects/longobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_MemoryError, PyExc_OverflowError, PyExc_Exception, PyExc_EOFError } from "../objects/exceptions.js";
import { PyNumber_Index, PyNumber_AsSsize_t, PyObject_Vectorcall } from "../objects/abstract.js";
import { PyObject_GetBufferData } from "../objects/memoryobject.js";
import { PyDict_New, PyDict_SetItemString } from "../objects/dictobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import {
  compress, decompress, compressobj, decompressobj, Compress, Decompress, ZlibModuleError, DEF_BUF_SIZE,
} from "./zlib/zlibmodule.js";
import { crc32 } from "./zlib/crc32.js";
import { adler32 } from "./zlib/adler32.js";
import * as Z from "./zlib/zutil.js";

let ZlibError: PyTypeObject | null = null;

function raise(e: unknown): never {
  if (!(e instanceof ZlibModuleError)) throw e;
  switch (e.kind) {
    case "error": return PyErr_Format(ZlibError!, e.message);
    case "ValueError": return PyErr_Format(PyExc_ValueError, e.message);
    case "MemoryError": return PyErr_Format(PyExc_MemoryError, e.message);
    case "OverflowError": return PyErr_Format(PyExc_OverflowError, e.message);
    case "TypeError": return PyErr_Format(PyExc_TypeError, e.message);
    default: return PyErr_Format(ZlibError!, e.message);
  }
}

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    return raise(e);
  }
}

function data(v: PyVal): Uint8Array {
  if (v instanceof PyBytesObject) return v.ob_bytes;
  const b = PyObject_GetBufferData(v);
  if (b !== null) return b;
  return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
}

function int(v: PyVal | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = longValue(PyNumber_Index(v));
  if (typeof n !== "number" || n > 2147483647 || n < -2147483648) {
    return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
  }
  return n;
}

export const PyCompress_Type = PyType_Declare("zlib.Compress");
export const PyDecompress_Type = PyType_Declare("zlib.Decompress");

class PyCompressObject extends PyObject {
  c: Compress;
  constructor(c: Compress) {
    super(PyCompress_Type);
    this.c = c;
  }
}

class PyDecompressObject extends PyObject {
  d: Decompress;
  constructor(d: Decompress) {
    super(PyDecompress_Type);
    this.d = d;
  }
}

PyType_FromSpecStatic({
  name: "zlib.Compress",
  flags: Py_TPFLAGS_DISALLOW_INSTANTIATION,
  methods: [
    { name: "compress", meth: (s: PyVal, a: PyVal[]) => {
      const [d] = parseArgs("compress", a, null, [""], 1, 1);
      return PyBytes_FromArray(wrap(() => (s as PyCompressObject).c.compress(data(d!))));
    }, flags: METH_FASTCALL },
    { name: "flush", meth: (s: PyVal, a: PyVal[]) => {
      const [m] = parseArgs("flush", a, null, [""], 0, 1);
      return PyBytes_FromArray(wrap(() => (s as PyCompressObject).c.flush(int(m, Z.Z_FINISH))));
    }, flags: METH_FASTCALL },
    { name: "copy", meth: (s: PyVal) => new PyCompressObject(wrap(() => (s as PyCompressObject).c.copy())), flags: METH_NOARGS },
    { name: "__copy__", meth: (s: PyVal) => new PyCompressObject(wrap(() => (s as PyCompressObject).c.copy())), flags: METH_NOARGS },
    { name: "__deepcopy__", meth: (s: PyVal) => new PyCompressObject(wrap(() => (s as PyCompressObject).c.copy())), flags: 0x0008 },
  ],
}, PyCompress_Type);

PyType_FromSpecStatic({
  name: "zlib.Decompress",
  flags: Py_TPFLAGS_DISALLOW_INSTANTIATION,
  methods: [
    { name: "decompress", meth: (s: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const [d, ml] = parseArgs("decompress", a, k, ["", "max_length"], 1, 2);
      const maxLength = int(ml, 0);
      if (maxLength < 0) return PyErr_Format(PyExc_ValueError, "max_length must be non-negative");
      return PyBytes_FromArray(wrap(() => (s as PyDecompressObject).d.decompress(data(d!), maxLength)));
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "flush", meth: (s: PyVal, a: PyVal[]) => {
      const [l] = parseArgs("flush", a, null, [""], 0, 1);
      const length = int(l, DEF_BUF_SIZE);
      if (length <= 0) return PyErr_Format(PyExc_ValueError, "length must be greater than zero");
      return PyBytes_FromArray(wrap(() => (s as PyDecompressObject).d.flush(length)));
    }, flags: METH_FASTCALL },
    { name: "copy", meth: (s: PyVal) => new PyDecompressObject(wrap(() => (s as PyDecompressObject).d.copy())), flags: METH_NOARGS },
    { name: "__copy__", meth: (s: PyVal) => new PyDecompressObject(wrap(() => (s as PyDecompressObject).d.copy())), flags: METH_NOARGS },
    { name: "__deepcopy__", meth: (s: PyVal) => new PyDecompressObject(wrap(() => (s as PyDecompressObject).d.copy())), flags: 0x0008 },
  ],
  getset: [
    { name: "unused_data", get: (s) => PyBytes_FromArray((s as PyDecompressObject).d.unused_data) },
    { name: "unconsumed_tail", get: (s) => PyBytes_FromArray((s as PyDecompressObject).d.unconsumed_tail) },
    { name: "eof", get: (s) => PyBool_FromLong((s as PyDecompressObject).d.eof) },
  ],
}, PyDecompress_Type);

// _ZlibDecompressor (3.12+, used by gzip): a one-shot stream decompressor with the bz2/lzma interface: input kept
// between calls, max_length=-1 for no limit, needs_input, EOFError after the end (ZlibDecompressor in zlibmodule.c).
export const PyZlibDecompressor_Type = PyType_Declare("zlib._ZlibDecompressor");

class PyZlibDecompressorObject extends PyObject {
  d: Decompress;
  /** Input not yet consumed (the decompressor stopped at max_length). */
  pending: Uint8Array;
  needs_input: boolean;
  constructor(type: PyTypeObject, d: Decompress) {
    super(type);
    this.d = d;
    this.pending = new Uint8Array(0);
    this.needs_input = true;
  }
}

function zlibDecompressorDecompress(s: PyVal, a: PyVal[], k: PyVal[] | null): PyVal {
  const z = s as PyZlibDecompressorObject;
  const [d, ml] = parseArgs("decompress", a, k, ["data", "max_length"], 1, 2);
  const maxLength = ml === undefined ? -1 : PyNumber_AsSsize_t(ml, null); // sys.maxsize clamps (53-bit ssize_t)
  if (z.d.eof) return PyErr_Format(PyExc_EOFError, "End of stream already reached");
  const fresh = data(d!);
  const input = new Uint8Array(z.pending.length + fresh.length);
  input.set(z.pending);
  input.set(fresh, z.pending.length);
  if (maxLength === 0) {
    z.pending = input;
    z.needs_input = input.length === 0;
    return PyBytes_FromArray(new Uint8Array(0));
  }
  const out = wrap(() => z.d.decompress(input, maxLength < 0 ? 0 : maxLength));
  if (z.d.eof) {
    z.needs_input = false;
    z.pending = new Uint8Array(0);
  } else {
    z.pending = z.d.unconsumed_tail.slice();
    z.needs_input = z.pending.length === 0;
  }
  return PyBytes_FromArray(out);
}

PyType_FromSpecStatic({
  name: "zlib._ZlibDecompressor",
  doc: "Create a decompressor object for decompressing data incrementally.\n\n  wbits = 15\n  zdict\n     The predefined compression dictionary. This is a sequence of bytes\n     (such as a bytes object) containing subsequences that are expected\n     to occur frequently in the data that is to be compressed. Those\n     subsequences that are expected to be most common should come at the\n     end of the dictionary. This must be the same dictionary as used by the\n     compressor that produced the input data.\n\n",
  slots: {
    tp_new: (t, a, k) => {
      const [wbits, zdict] = parseArgs("_ZlibDecompressor", a, k, ["wbits", "zdict"], 0, 2);
      const zd = zdict === undefined ? undefined : data(zdict);
      return new PyZlibDecompressorObject(t, wrap(() => decompressobj(int(wbits, Z.MAX_WBITS), zd)));
    },
  },
  methods: [
    { name: "decompress", meth: zlibDecompressorDecompress, flags: METH_FASTCALL | METH_KEYWORDS },
  ],
  getset: [
    { name: "eof", get: (s) => PyBool_FromLong((s as PyZlibDecompressorObject).d.eof) },
    { name: "unused_data", get: (s) => PyBytes_FromArray((s as PyZlibDecompressorObject).d.eof ? (s as PyZlibDecompressorObject).d.unused_data : new Uint8Array(0)) },
    { name: "needs_input", get: (s) => PyBool_FromLong((s as PyZlibDecompressorObject).needs_input) },
  ],
}, PyZlibDecompressor_Type);

function checksum(name: string, f: (v: number, b: Uint8Array) => number, dflt: number) {
  return (_m: PyVal, a: PyVal[]): PyVal => {
    const [d, v] = parseArgs(name, a, null, ["", ""], 1, 2);
    const start = v === undefined ? dflt : Number(BigInt.asUintN(32, BigInt(longValue(PyNumber_Index(v)))));
    return PyLong_FromBigInt(BigInt(f(start, data(d!)) >>> 0));
  };
}

export const zlibmodule: PyModuleDef = {
  m_name: "zlib",
  m_doc: "The functions in this module allow compression and decompression using the\nzlib library, which is based on GNU zip.",
  m_methods: [
    { name: "compress", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const [d, level, wbits] = parseArgs("compress", a, k, ["", "level", "wbits"], 1, 3);
      return PyBytes_FromArray(wrap(() => compress(data(d!), int(level, Z.Z_DEFAULT_COMPRESSION), int(wbits, Z.MAX_WBITS))));
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "decompress", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const [d, wbits, bufsize] = parseArgs("decompress", a, k, ["", "wbits", "bufsize"], 1, 3);
      const bs = int(bufsize, DEF_BUF_SIZE);
      if (bs < 0) return PyErr_Format(PyExc_ValueError, "bufsize must be non-negative");
      return PyBytes_FromArray(wrap(() => decompress(data(d!), int(wbits, Z.MAX_WBITS), bs === 0 ? 1 : bs)));
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "compressobj", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const [level, method, wbits, memLevel, strategy, zdict] = parseArgs("compressobj", a, k,
        ["level", "method", "wbits", "memLevel", "strategy", "zdict"], 0, 6);
      const zd = zdict === undefined || zdict === Py_None ? null : data(zdict);
      return new PyCompressObject(wrap(() => compressobj(int(level, Z.Z_DEFAULT_COMPRESSION), int(method, Z.Z_DEFLATED),
        int(wbits, Z.MAX_WBITS), int(memLevel, Z.DEF_MEM_LEVEL), int(strategy, Z.Z_DEFAULT_STRATEGY), zd)));
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "decompressobj", meth: (_m: PyVal, a: PyVal[], k: PyVal[] | null) => {
      const [wbits, zdict] = parseArgs("decompressobj", a, k, ["wbits", "zdict"], 0, 2);
      const zd = zdict === undefined ? null : data(zdict);
      return new PyDecompressObject(wrap(() => decompressobj(int(wbits, Z.MAX_WBITS), zd)));
    }, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "crc32", meth: checksum("crc32", (v, b) => crc32(v, b), 0), flags: METH_FASTCALL },
    { name: "adler32", meth: checksum("adler32", (v, b) => adler32(v, b), 1), flags: METH_FASTCALL },
  ],
  m_exec: (m) => {
    if (ZlibError === null) {
      const ns = PyDict_New();
      PyDict_SetItemString(ns, "__module__", PyUnicode_FromString("zlib"));
      ZlibError = PyObject_Vectorcall(Py_TYPE(PyExc_Exception), [PyUnicode_FromString("error"), PyTuple_New([PyExc_Exception]), ns], null) as PyTypeObject;
    }
    PyModule_Add(m, "error", ZlibError);
    PyModule_Add(m, "_ZlibDecompressor", PyZlibDecompressor_Type);
    const consts: [string, number][] = [["MAX_WBITS", Z.MAX_WBITS], ["DEFLATED", Z.Z_DEFLATED], ["DEF_MEM_LEVEL", Z.DEF_MEM_LEVEL],
      ["DEF_BUF_SIZE", DEF_BUF_SIZE], ["Z_NO_COMPRESSION", Z.Z_NO_COMPRESSION], ["Z_BEST_SPEED", Z.Z_BEST_SPEED],
      ["Z_BEST_COMPRESSION", Z.Z_BEST_COMPRESSION], ["Z_DEFAULT_COMPRESSION", Z.Z_DEFAULT_COMPRESSION],
      ["Z_FILTERED", Z.Z_FILTERED], ["Z_HUFFMAN_ONLY", Z.Z_HUFFMAN_ONLY], ["Z_RLE", Z.Z_RLE], ["Z_FIXED", Z.Z_FIXED],
      ["Z_DEFAULT_STRATEGY", Z.Z_DEFAULT_STRATEGY], ["Z_NO_FLUSH", Z.Z_NO_FLUSH], ["Z_PARTIAL_FLUSH", Z.Z_PARTIAL_FLUSH],
      ["Z_SYNC_FLUSH", Z.Z_SYNC_FLUSH], ["Z_FULL_FLUSH", Z.Z_FULL_FLUSH], ["Z_FINISH", Z.Z_FINISH], ["Z_BLOCK", Z.Z_BLOCK],
      ["Z_TREES", Z.Z_TREES]];
    for (const [k, v] of consts) PyModule_Add(m, k, v);
    PyModule_Add(m, "ZLIB_VERSION", PyUnicode_FromString("1.2.13"));
    PyModule_Add(m, "ZLIB_RUNTIME_VERSION", PyUnicode_FromString("1.2.13"));
  },
};
