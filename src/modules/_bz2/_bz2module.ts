// The _bz2 module (Modules/_bz2module.c): BZ2Compressor and BZ2Decompressor over Typhon's own bzip2 codec in
// src/modules/_bz2/ (decompress.ts, compress.ts), with CPython's argument handling and messages. See docs/modules.md.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_TYPE, METH_NOARGS, METH_FASTCALL, METH_KEYWORDS,
  Py_TPFLAGS_BASETYPE, type PyVal,
} from "../../objects/object.js";
import { PyBytes_FromArray, PyBytesObject } from "../../objects/bytesobject.js";
import { PyBool_FromLong } from "../../objects/boolobject.js";
import { longValue } from "../../objects/longobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError, PyExc_EOFError, PyExc_OSError } from "../../objects/exceptions.js";
import { PyNumber_Index, PyNumber_AsSsize_t } from "../../objects/abstract.js";
import { PyObject_GetBufferData } from "../../objects/memoryobject.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { parseArgs } from "../../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "../moduledef.js";
import { Bz2Decoder, Bz2DataError } from "./decompress.js";
import { Bz2Encoder } from "./compress.js";

function data(v: PyVal): Uint8Array {
  if (v instanceof PyBytesObject) return v.ob_bytes;
  const b = PyObject_GetBufferData(v);
  if (b !== null) return b;
  return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
}

/** catch_bz2_error: libbzip2's BZ_DATA_ERROR and BZ_DATA_ERROR_MAGIC. */
function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Bz2DataError) return PyErr_Format(PyExc_OSError, "Invalid data stream");
    throw e;
  }
}

export const BZ2Compressor_Type = PyType_Declare("_bz2.BZ2Compressor");
export const BZ2Decompressor_Type = PyType_Declare("_bz2.BZ2Decompressor");

class BZ2Compressor extends PyObject {
  enc: Bz2Encoder;
  flushed: boolean;
  constructor(type: PyTypeObject, level: number) {
    super(type);
    this.enc = new Bz2Encoder(level);
    this.flushed = false;
  }
}

class BZ2Decompressor extends PyObject {
  dec: Bz2Decoder;
  needs_input: boolean;
  constructor(type: PyTypeObject) {
    super(type);
    this.dec = new Bz2Decoder();
    this.needs_input = true;
  }
}

PyType_FromSpecStatic({
  name: "_bz2.BZ2Compressor",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Create a compressor object for compressing data incrementally.\n\n  compresslevel\n    Compression level, as a number between 1 and 9.\n\nFor one-shot compression, use the compress() function instead.",
  slots: {
    tp_new: (t, a, k) => {
      if (t === BZ2Compressor_Type && k !== null && k.length > 0) {
        return PyErr_Format(PyExc_TypeError, "BZ2Compressor() takes no keyword arguments");
      }
      const [lv] = parseArgs("BZ2Compressor", a, null, [""], 0, 1);
      let level = 9;
      if (lv !== undefined) {
        const n = longValue(PyNumber_Index(lv));
        if (typeof n !== "number" || n > 2147483647 || n < -2147483648) {
          return PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
        }
        level = n;
      }
      if (level < 1 || level > 9) return PyErr_Format(PyExc_ValueError, "compresslevel must be between 1 and 9");
      return new BZ2Compressor(t, level);
    },
  },
  methods: [
    { name: "compress", meth: (s: PyVal, a: PyVal[]) => {
      const c = s as BZ2Compressor;
      const [d] = parseArgs("compress", a, null, [""], 1, 1);
      const bytes = data(d!);
      if (c.flushed) return PyErr_Format(PyExc_ValueError, "Compressor has been flushed");
      return PyBytes_FromArray(c.enc.compress(bytes));
    }, flags: METH_FASTCALL },
    { name: "flush", meth: (s: PyVal) => {
      const c = s as BZ2Compressor;
      if (c.flushed) return PyErr_Format(PyExc_ValueError, "Repeated call to flush()");
      c.flushed = true;
      return PyBytes_FromArray(c.enc.finish());
    }, flags: METH_NOARGS },
  ],
}, BZ2Compressor_Type);

function decompressorDecompress(s: PyVal, a: PyVal[], k: PyVal[] | null): PyVal {
  const z = s as BZ2Decompressor;
  const [d, ml] = parseArgs("decompress", a, k, ["data", "max_length"], 1, 2);
  const bytes = data(d!);
  const maxLength = ml === undefined ? -1 : PyNumber_AsSsize_t(ml, null);
  if (z.dec.eof) return PyErr_Format(PyExc_EOFError, "End of stream already reached");
  const out = wrap(() => z.dec.decompress(bytes, maxLength));
  // needs_input as decompress() leaves it: False at the end, or while output is waiting or input is unread.
  z.needs_input = !z.dec.eof && !z.dec.hasPendingOutput() && z.dec.stalled;
  return PyBytes_FromArray(out);
}

PyType_FromSpecStatic({
  name: "_bz2.BZ2Decompressor",
  flags: Py_TPFLAGS_BASETYPE,
  doc: "Create a decompressor object for decompressing data incrementally.\n\nFor one-shot decompression, use the decompress() function instead.",
  slots: {
    tp_new: (t, a, k) => {
      if (t === BZ2Decompressor_Type && a.length > 0) {
        return PyErr_Format(PyExc_TypeError, "BZ2Decompressor() takes no positional arguments");
      }
      if (t === BZ2Decompressor_Type && k !== null && k.length > 0) {
        return PyErr_Format(PyExc_TypeError, "BZ2Decompressor() takes no keyword arguments");
      }
      return new BZ2Decompressor(t);
    },
  },
  methods: [
    { name: "decompress", meth: decompressorDecompress, flags: METH_FASTCALL | METH_KEYWORDS,
      doc: "decompress($self, /, data, max_length=-1)\n--\n\nDecompress *data*, returning uncompressed data as bytes." },
  ],
  getset: [
    { name: "eof", get: (s) => PyBool_FromLong((s as BZ2Decompressor).dec.eof) },
    { name: "unused_data", get: (s) => {
      const z = s as BZ2Decompressor;
      return PyBytes_FromArray(z.dec.eof ? z.dec.unusedData().slice() : new Uint8Array(0));
    } },
    { name: "needs_input", get: (s) => PyBool_FromLong((s as BZ2Decompressor).needs_input) },
  ],
}, BZ2Decompressor_Type);

export const bz2module: PyModuleDef = {
  m_name: "_bz2",
  m_exec: (m) => {
    PyModule_Add(m, "BZ2Compressor", BZ2Compressor_Type);
    PyModule_Add(m, "BZ2Decompressor", BZ2Decompressor_Type);
  },
};
