// The _lzma module (Modules/_lzmamodule.c): LZMACompressor, LZMADecompressor, LZMAError, is_check_supported,
// _encode_filter_properties, _decode_filter_properties and the constants, over Typhon's own liblzma work-alike in
// src/modules/_lzma/ (xz.ts, lzma_decoder.ts, encoder.ts). Also the `lzma` module from CPython's Lib/lzma.py. See docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, METH_NOARGS, METH_FASTCALL,
  METH_KEYWORDS, Py_TPFLAGS_BASETYPE, type PyVal,
} from "../../objects/object.js";
import { PyBytes_FromArray, PyBytesObject } from "../../objects/bytesobject.js";
import { PyUnicode_FromString, PyUnicodeObject } from "../../objects/unicodeobject.js";
import { PyBool_FromLong } from "../../objects/boolobject.js";
import { PyLong_FromBigInt, longValue } from "../../objects/longobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError, PyExc_EOFError, PyExc_Exception } from "../../objects/exceptions.js";
import { PyNumber_Index, PyNumber_AsSsize_t, PyObject_Vectorcall, PyObject_Size, PyObject_GetItem } from "../../objects/abstract.js";
import { PyObject_GetBufferData } from "../../objects/memoryobject.js";
import { PyDict_New, PyDict_SetItemString, PyDictObject, PyDict_Keys } from "../../objects/dictobject.js";
import { PyTuple_New } from "../../objects/tupleobject.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { parseArgs } from "../../runtime/getargs.js";
import { PyEval_EvalCode, PyCode_FromRecord, compileOrRaise } from "../../runtime/pylifecycle.js";
import { PyModule_Add, type PyModuleDef } from "../moduledef.js";
import { LzmaError } from "./lzma_decoder.js";
import {
  LzmaStreamDecoder, type FilterSpec, decodeFilterProps, isCheckSupported, FORMAT_AUTO, FORMAT_XZ, FORMAT_ALONE,
  FORMAT_RAW, CHECK_NONE, CHECK_CRC32, CHECK_CRC64, CHECK_SHA256, CHECK_ID_MAX, CHECK_UNKNOWN, FILTER_LZMA1,
  FILTER_LZMA2, FILTER_DELTA, FILTER_X86,
} from "./xz.js";
import { LzmaStreamEncoder, encodeFilterProps, presetDictSize } from "./encoder.js";
import { LZMA_PY } from "./lzma_py.js";

let LZMAError: PyTypeObject | null = null;

function data(v: PyVal): Uint8Array {
  if (v instanceof PyBytesObject) return v.ob_bytes;
  const b = PyObject_GetBufferData(v);
  if (b !== null) return b;
  return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
}

/** catch_lzma_error's messages for liblzma's return codes. */
function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof LzmaError)) throw e;
    switch (e.code) {
      case "data": return PyErr_Format(LZMAError!, "Corrupt input data");
      case "format": return PyErr_Format(LZMAError!, "Input format not supported by decoder");
      case "options": return PyErr_Format(LZMAError!, "Invalid or unsupported options");
      case "memlimit": return PyErr_Format(LZMAError!, "Memory usage limit exceeded");
      case "buf": return PyErr_Format(LZMAError!, "Insufficient buffer space");
      case "check": return PyErr_Format(LZMAError!, "Unsupported integrity check");
      case "prog": return PyErr_Format(LZMAError!, "Internal error");
      default: {
        const never: never = e.code;
        return never;
      }
    }
  }
}

/** An unsigned 64-bit argument (uint64_converter / uint32_converter). */
function uint(v: PyVal, bits: 32 | 64): bigint {
  const n = BigInt(longValue(PyNumber_Index(v)));
  if (n < 0n) return PyErr_Format(PyExc_OverflowError, "Value too large for uint" + bits + "_t type");
  if (n >= 1n << BigInt(bits)) return PyErr_Format(PyExc_OverflowError, "Value too large for uint" + bits + "_t type");
  return n;
}

function getKey(spec: PyVal, key: string): PyVal | undefined {
  try {
    return PyObject_GetItem(spec, PyUnicode_FromString(key));
  } catch (e) {
    if (e instanceof PyObject && Py_TYPE(e).tp_name === "KeyError") return undefined;
    throw e;
  }
}

/** The string keys of a filter dict (CPython passes them to PyArg_ParseTupleAndKeywords, which rejects others). */
function keysOf(spec: PyVal): string[] {
  if (!(spec instanceof PyDictObject)) return [];
  return PyDict_Keys(spec).map((k) => k instanceof PyUnicodeObject ? k.value : "?");
}

/** parse_filter_spec: a filter dict to a FilterSpec, with CPython's messages. */
function parseFilterSpec(spec: PyVal): FilterSpec {
  const isMapping = spec instanceof PyDictObject || Py_TYPE(spec).mp_subscript !== null;
  if (!isMapping) return PyErr_Format(PyExc_TypeError, "Filter specifier must be a dict or dict-like object");
  const idv = getKey(spec, "id");
  if (idv === undefined) return PyErr_Format(PyExc_ValueError, "Filter specifier must have an \"id\" entry");
  const id = uint(idv, 64);
  const keys = keysOf(spec);
  const f: FilterSpec = { id, dictSize: 0, lc: 3, lp: 0, pb: 2, dist: 0 };
  const num = (k: string, d: number): number => {
    const v = getKey(spec, k);
    return v === undefined ? d : Number(uint(v, 32));
  };
  if (id === FILTER_LZMA1 || id === FILTER_LZMA2) {
    const allowed = ["id", "preset", "dict_size", "lc", "lp", "pb", "mode", "nice_len", "mf", "depth"];
    if (keys.some((k) => !allowed.includes(k))) return PyErr_Format(PyExc_ValueError, "Invalid filter specifier for LZMA filter");
    const preset = num("preset", 6);
    if ((preset & 0x7fffffff) > 9) return PyErr_Format(LZMAError!, `Invalid compression preset: ${preset}`);
    f.dictSize = num("dict_size", presetDictSize(preset & 0x7fffffff));
    f.lc = num("lc", 3);
    f.lp = num("lp", 0);
    f.pb = num("pb", 2);
    return f;
  }
  if (id === FILTER_DELTA) {
    if (keys.some((k) => k !== "id" && k !== "dist")) return PyErr_Format(PyExc_ValueError, "Invalid filter specifier for delta filter");
    f.dist = num("dist", 1);
    return f;
  }
  if (id >= 4n && id <= 9n) {
    if (keys.some((k) => k !== "id" && k !== "start_offset")) return PyErr_Format(PyExc_ValueError, "Invalid filter specifier for BCJ filter");
    f.dist = num("start_offset", 0);
    return f;
  }
  return PyErr_Format(PyExc_ValueError, `Invalid filter ID: ${id}`);
}

/** parse_filter_chain_spec. */
function parseFilterChain(v: PyVal): FilterSpec[] {
  // PySequence_Length (a dict "is not a sequence"), then PySequence_GetItem for each index.
  if (v instanceof PyDictObject) return PyErr_Format(PyExc_TypeError, `${Py_TYPE(v).tp_name} is not a sequence`);
  const n = PyObject_Size(v);
  if (n > 4) return PyErr_Format(PyExc_ValueError, "Too many filters - liblzma supports a maximum of 4");
  const out: FilterSpec[] = [];
  for (let i = 0; i < n; i++) out.push(parseFilterSpec(PyObject_GetItem(v, PyLong_FromBigInt(BigInt(i)))));
  // An empty chain reaches liblzma, which answers LZMA_PROG_ERROR.
  if (out.length === 0) return PyErr_Format(LZMAError!, "Internal error");
  return out;
}

/** build_filter_spec: the dict _decode_filter_properties returns. */
function buildFilterSpec(f: FilterSpec): PyVal {
  const d = PyDict_New();
  PyDict_SetItemString(d, "id", PyLong_FromBigInt(f.id));
  if (f.id === FILTER_LZMA1) {
    PyDict_SetItemString(d, "lc", PyLong_FromBigInt(BigInt(f.lc)));
    PyDict_SetItemString(d, "lp", PyLong_FromBigInt(BigInt(f.lp)));
    PyDict_SetItemString(d, "pb", PyLong_FromBigInt(BigInt(f.pb)));
    PyDict_SetItemString(d, "dict_size", PyLong_FromBigInt(BigInt(f.dictSize)));
  } else if (f.id === FILTER_LZMA2) {
    PyDict_SetItemString(d, "dict_size", PyLong_FromBigInt(BigInt(f.dictSize)));
  } else if (f.id === FILTER_DELTA) {
    PyDict_SetItemString(d, "dist", PyLong_FromBigInt(BigInt(f.dist)));
  } else if (f.dist !== 0) {
    PyDict_SetItemString(d, "start_offset", PyLong_FromBigInt(BigInt(f.dist)));
  }
  return d;
}

export const Compressor_Type = PyType_Declare("_lzma.LZMACompressor");
export const Decompressor_Type = PyType_Declare("_lzma.LZMADecompressor");

class LZMACompressorObject extends PyObject {
  enc: LzmaStreamEncoder;
  flushed: boolean;
  constructor(type: PyTypeObject, enc: LzmaStreamEncoder) {
    super(type);
    this.enc = enc;
    this.flushed = false;
  }
}

class LZMADecompressorObject extends PyObject {
  dec: LzmaStreamDecoder;
  needs_input: boolean;
  constructor(type: PyTypeObject, dec: LzmaStreamDecoder) {
    super(type);
    this.dec = dec;
    this.needs_input = true;
  }
}

function intArg(v: PyVal | undefined, d: number): number {
  if (v === undefined) return d;
  const n = longValue(PyNumber_Index(v));
  if (typeof n !== "number" || n > 2147483647 || n < -2147483648) return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
  return n;
}

PyType_FromSpecStatic({
  name: "_lzma.LZMACompressor",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)\n\nCreate a compressor object for compressing data incrementally.\n\nformat specifies the container format to use for the output. This can\nbe FORMAT_XZ (default), FORMAT_ALONE, or FORMAT_RAW.\n\ncheck specifies the integrity check to use. For FORMAT_XZ, the default\nis CHECK_CRC64. FORMAT_ALONE and FORMAT_RAW do not support integrity\nchecks; for these formats, check must be omitted, or be CHECK_NONE.\n\nThe settings used by the compressor can be specified either as a\npreset compression level (with the 'preset' argument), or in detail\nas a custom filter chain (with the 'filters' argument). For FORMAT_XZ\nand FORMAT_ALONE, the default is to use the PRESET_DEFAULT preset\nlevel. For FORMAT_RAW, the caller must always specify a filter chain;\nthe raw compressor does not support preset compression levels.\n\npreset (if provided) should be an integer in the range 0-9, optionally\nOR-ed with the constant PRESET_EXTREME.\n\nfilters (if provided) should be a sequence of dicts. Each dict should\nhave an entry for \"id\" indicating the ID of the filter, plus\nadditional entries for options to the filter.\n\nFor one-shot compression, use the compress() function instead.\n",
  slots: {
    tp_new: (t, a, k) => {
      const [fmt, chk, pre, flt] = parseArgs("LZMACompressor", a, k, ["format", "check", "preset", "filters"], 0, 4);
      const format = intArg(fmt, FORMAT_XZ);
      const check = intArg(chk, -1);
      if (format !== FORMAT_XZ && check !== -1 && check !== CHECK_NONE) {
        return PyErr_Format(PyExc_ValueError, "Integrity checks are only supported by FORMAT_XZ");
      }
      const hasPreset = pre !== undefined && pre !== Py_None;
      const hasFilters = flt !== undefined && flt !== Py_None;
      if (hasPreset && hasFilters) return PyErr_Format(PyExc_ValueError, "Cannot specify both preset and filter chain");
      const preset = hasPreset ? Number(uint(pre!, 32)) : 6;
      let filters: FilterSpec[] | null = null;
      if (format === FORMAT_RAW && !hasFilters) return PyErr_Format(PyExc_ValueError, "Must specify filters for FORMAT_RAW");
      if (format !== FORMAT_XZ && format !== FORMAT_ALONE && format !== FORMAT_RAW) {
        return PyErr_Format(PyExc_ValueError, `Invalid container format: ${format}`);
      }
      if (hasFilters) filters = parseFilterChain(flt!);
      if ((preset & 0x7fffffff) > 9) return PyErr_Format(LZMAError!, "Invalid or unsupported options"); // lzma_easy_encoder
      return new LZMACompressorObject(t, wrap(() => new LzmaStreamEncoder(format, check === -1 ? CHECK_CRC64 : check, preset, filters)));
    },
  },
  methods: [
    { name: "compress", meth: (s: PyVal, a: PyVal[]) => {
      const c = s as LZMACompressorObject;
      const [d] = parseArgs("compress", a, null, [""], 1, 1);
      const bytes = data(d!);
      if (c.flushed) return PyErr_Format(PyExc_ValueError, "Compressor has been flushed");
      return PyBytes_FromArray(wrap(() => c.enc.compress(bytes)));
    }, flags: METH_FASTCALL },
    { name: "flush", meth: (s: PyVal) => {
      const c = s as LZMACompressorObject;
      if (c.flushed) return PyErr_Format(PyExc_ValueError, "Repeated call to flush()");
      c.flushed = true;
      return PyBytes_FromArray(wrap(() => c.enc.finish()));
    }, flags: METH_NOARGS },
  ],
}, Compressor_Type);

function decompress(s: PyVal, a: PyVal[], k: PyVal[] | null): PyVal {
  const z = s as LZMADecompressorObject;
  const [d, ml] = parseArgs("decompress", a, k, ["data", "max_length"], 1, 2);
  const bytes = data(d!);
  const maxLength = ml === undefined ? -1 : PyNumber_AsSsize_t(ml, null);
  if (z.dec.eof) return PyErr_Format(PyExc_EOFError, "Already at end of stream");
  const out = wrap(() => z.dec.decompress(bytes, maxLength));
  z.needs_input = !z.dec.eof && !z.dec.hasPendingOutput() && z.dec.stalled;
  return PyBytes_FromArray(out);
}

PyType_FromSpecStatic({
  name: "_lzma.LZMADecompressor",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Create a decompressor object for decompressing data incrementally.\n\n  format\n    Specifies the container format of the input stream.  If this is\n    FORMAT_AUTO (the default), the decompressor will automatically detect\n    whether the input is FORMAT_XZ or FORMAT_ALONE.  Streams created with\n    FORMAT_RAW cannot be autodetected.\n  memlimit\n    Limit the amount of memory used by the decompressor.  This will cause\n    decompression to fail if the input cannot be decompressed within the\n    given limit.\n  filters\n    A custom filter chain.  This argument is required for FORMAT_RAW, and\n    not accepted with any other format.  When provided, this should be a\n    sequence of dicts, each indicating the ID and options for a single\n    filter.\n\nFor one-shot decompression, use the decompress() function instead.",
  slots: {
    tp_new: (t, a, k) => {
      const [fmt, ml, flt] = parseArgs("LZMADecompressor", a, k, ["format", "memlimit", "filters"], 0, 3);
      const format = intArg(fmt, FORMAT_AUTO);
      const hasMem = ml !== undefined && ml !== Py_None;
      const hasFilters = flt !== undefined && flt !== Py_None;
      if (hasMem && format === FORMAT_RAW) return PyErr_Format(PyExc_ValueError, "Cannot specify memory limit with FORMAT_RAW");
      const memlimit = hasMem ? Number(uint(ml!, 64)) : Infinity;
      if (format === FORMAT_RAW && !hasFilters) return PyErr_Format(PyExc_ValueError, "Must specify filters for FORMAT_RAW");
      if (format !== FORMAT_RAW && hasFilters) return PyErr_Format(PyExc_ValueError, "Cannot specify filters except with FORMAT_RAW");
      if (format < FORMAT_AUTO || format > FORMAT_RAW) return PyErr_Format(PyExc_ValueError, `Invalid container format: ${format}`);
      let filters: FilterSpec[] | null = null;
      if (hasFilters) {
        filters = parseFilterChain(flt!);
        const last = filters[filters.length - 1];
        if (filters.length === 0 || (last.id !== FILTER_LZMA1 && last.id !== FILTER_LZMA2)) {
          return PyErr_Format(LZMAError!, "Invalid or unsupported options");
        }
        for (const f of filters.slice(0, -1)) {
          // DEVIATION: of the BCJ filters only x86 is written.
          if (f.id !== FILTER_DELTA && f.id !== FILTER_X86) return PyErr_Format(LZMAError!, "Invalid or unsupported options");
        }
      }
      return new LZMADecompressorObject(t, wrap(() => new LzmaStreamDecoder(format, memlimit, filters)));
    },
  },
  methods: [
    { name: "decompress", meth: decompress, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "decompress($self, /, data, max_length=-1)\n--\n\nDecompress *data*, returning uncompressed data as bytes." },
  ],
  getset: [
    { name: "check", get: (s) => PyLong_FromBigInt(BigInt((s as LZMADecompressorObject).dec.check)) },
    { name: "eof", get: (s) => PyBool_FromLong((s as LZMADecompressorObject).dec.eof) },
    { name: "unused_data", get: (s) => {
      const z = s as LZMADecompressorObject;
      return PyBytes_FromArray(z.dec.eof ? z.dec.unusedData().slice() : new Uint8Array(0));
    } },
    { name: "needs_input", get: (s) => PyBool_FromLong((s as LZMADecompressorObject).needs_input) },
  ],
}, Decompressor_Type);

export const lzmamodule: PyModuleDef = {
  m_name: "_lzma",
  m_methods: [
    { name: "is_check_supported", meth: (_m: PyVal, v: PyVal) => PyBool_FromLong(isCheckSupported(intArg(v, 0))), flags: 0x0008,
      doc: "is_check_supported($module, check_id, /)\n--\n\nTest whether the given integrity check is supported.\n\nAlways returns True for CHECK_NONE and CHECK_CRC32." },
    { name: "_encode_filter_properties", meth: (_m: PyVal, v: PyVal) => {
      const f = parseFilterSpec(v);
      return PyBytes_FromArray(wrap(() => encodeFilterProps(f)));
    }, flags: 0x0008 },
    { name: "_decode_filter_properties", meth: (_m: PyVal, a: PyVal[]) => {
      const [idv, pv] = parseArgs("_decode_filter_properties", a, null, ["", ""], 2, 2);
      const id = uint(idv!, 64);
      const props = data(pv!);
      return buildFilterSpec(wrap(() => decodeFilterProps(id, props, false)));
    }, flags: METH_FASTCALL },
  ],
  m_exec: (m) => {
    if (LZMAError === null) {
      const ns = PyDict_New();
      PyDict_SetItemString(ns, "__module__", PyUnicode_FromString("_lzma"));
      PyDict_SetItemString(ns, "__doc__", PyUnicode_FromString("Call to liblzma failed."));
      LZMAError = PyObject_Vectorcall(Py_TYPE(PyExc_Exception), [PyUnicode_FromString("LZMAError"), PyTuple_New([PyExc_Exception]), ns], null) as PyTypeObject;
    }
    const consts: [string, bigint][] = [
      ["FORMAT_AUTO", BigInt(FORMAT_AUTO)], ["FORMAT_XZ", BigInt(FORMAT_XZ)], ["FORMAT_ALONE", BigInt(FORMAT_ALONE)],
      ["FORMAT_RAW", BigInt(FORMAT_RAW)], ["CHECK_NONE", BigInt(CHECK_NONE)], ["CHECK_CRC32", BigInt(CHECK_CRC32)],
      ["CHECK_CRC64", BigInt(CHECK_CRC64)], ["CHECK_SHA256", BigInt(CHECK_SHA256)], ["CHECK_ID_MAX", BigInt(CHECK_ID_MAX)],
      ["CHECK_UNKNOWN", BigInt(CHECK_UNKNOWN)], ["FILTER_LZMA1", FILTER_LZMA1], ["FILTER_LZMA2", FILTER_LZMA2],
      ["FILTER_DELTA", FILTER_DELTA], ["FILTER_X86", FILTER_X86], ["FILTER_POWERPC", 5n], ["FILTER_IA64", 6n],
      ["FILTER_ARM", 7n], ["FILTER_ARMTHUMB", 8n], ["FILTER_SPARC", 9n], ["MF_HC3", 3n], ["MF_HC4", 4n], ["MF_BT2", 18n],
      ["MF_BT3", 19n], ["MF_BT4", 20n], ["MODE_FAST", 1n], ["MODE_NORMAL", 2n], ["PRESET_DEFAULT", 6n],
      ["PRESET_EXTREME", 0x80000000n],
    ];
    for (const [k, v] of consts) PyModule_Add(m, k, PyLong_FromBigInt(v));
    PyModule_Add(m, "LZMAError", LZMAError);
    PyModule_Add(m, "LZMACompressor", Compressor_Type);
    PyModule_Add(m, "LZMADecompressor", Decompressor_Type);
  },
};

/**
 * `lzma`: the Python layer of CPython's lzma module (LZMAFile, open, compress, decompress), which pyodide's stdlib
 * zip leaves out: Typhon's own Python text (lzma_py.ts), run as a built-in module's body over _lzma.
 * DEVIATION: a built-in module, so it has no __file__ and shadows a Lib/lzma.py of --stdlib.
 */
export const lzmapymodule: PyModuleDef = {
  m_name: "lzma",
  m_exec: (m) => {
    const code = PyCode_FromRecord(compileOrRaise(LZMA_PY, "<frozen lzma>", "exec"));
    PyEval_EvalCode(code, m.dict!, m.dict!);
  },
};
