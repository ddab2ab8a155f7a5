// The binascii module (Modules/binascii.c): hex, base64 (with strict mode), uu, quoted-printable, crc32 and
// crc_hqx, with CPython's binascii.Error messages. See docs/modules.md.
import { PyTypeObject, Py_TYPE, METH_FASTCALL, METH_KEYWORDS, type PyVal } from "../objects/object.js";
import { PyBytes_FromArray, PyBytesObject } from "../objects/bytesobject.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyLong_FromBigInt, longValue } from "../objects/longobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyDict_New, PyDict_SetItemString } from "../objects/dictobject.js";
import { PyExc_TypeError, PyExc_ValueError, PyExc_Exception } from "../objects/exceptions.js";
import { PyNumber_Index, PyObject_IsTrue, PyObject_Vectorcall } from "../objects/abstract.js";
import { PyObject_GetBufferData } from "../objects/memoryobject.js";
import { PyErr_Format } from "../runtime/errors.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { crc32 } from "./zlib/crc32.js";

let BinasciiError: PyTypeObject | null = null;
let Incomplete: PyTypeObject | null = null;
function err(msg: string): never {
  return PyErr_Format(BinasciiError!, msg);
}

/** ascii_buffer_converter: bytes-like, or an ASCII-only str. */
function asciiData(v: PyVal): Uint8Array {
  if (PyUnicode_Check(v)) {
    const s = v.value;
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) return PyErr_Format(PyExc_ValueError, "string argument should contain only ASCII characters");
      out[i] = c;
    }
    return out;
  }
  return binaryData(v);
}

function binaryData(v: PyVal): Uint8Array {
  if (v instanceof PyBytesObject) return v.ob_bytes;
  const b = PyObject_GetBufferData(v);
  if (b !== null) return b;
  return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
}

function bytesOf(s: string): PyVal {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return PyBytes_FromArray(out);
}

const HEX = "0123456789abcdef";

function hexlify(_m: PyVal, a: PyVal[], k: PyVal[] | null, fname = "hexlify"): PyVal {
  const [d, sepArg, bpsArg] = parseArgs(fname, a, k, ["data", "sep", "bytes_per_sep"], 1, 3);
  const b = binaryData(d!);
  let sep = "";
  if (sepArg !== undefined) {
    const s = PyUnicode_Check(sepArg) ? sepArg.value : String.fromCharCode(...binaryData(sepArg));
    if (s.length !== 1) return PyErr_Format(PyExc_ValueError, "sep must be length 1.");
    sep = s;
  }
  const bps = bpsArg === undefined ? 1 : Number(longValue(PyNumber_Index(bpsArg)));
  const groups: string[] = [];
  const n = b.length;
  const hex = (i: number) => HEX[b[i] >> 4] + HEX[b[i] & 15];
  if (sep === "" || bps === 0 || n === 0) {
    let s = "";
    for (let i = 0; i < n; i++) s += hex(i);
    return bytesOf(s);
  }
  const w = Math.abs(bps);
  if (bps > 0) {
    // groups counted from the right
    let first = n % w;
    if (first === 0) first = w;
    let i = 0;
    let g = "";
    for (; i < first; i++) g += hex(i);
    groups.push(g);
    while (i < n) {
      g = "";
      for (let j = 0; j < w; j++, i++) g += hex(i);
      groups.push(g);
    }
  } else {
    let i = 0;
    while (i < n) {
      let g = "";
      for (let j = 0; j < w && i < n; j++, i++) g += hex(i);
      groups.push(g);
    }
  }
  return bytesOf(groups.join(sep));
}

function unhexlify(_m: PyVal, a: PyVal[], k: PyVal[] | null): PyVal {
  const [h] = parseArgs("unhexlify", a, k, ["hexstr"], 1, 1);
  const b = asciiData(h!);
  if (b.length % 2 !== 0) return err("Odd-length string");
  const out = new Uint8Array(b.length / 2);
  const val = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1);
  for (let i = 0; i < out.length; i++) {
    const hi = val(b[2 * i]), lo = val(b[2 * i + 1]);
    if (hi < 0 || lo < 0) return err("Non-hexadecimal digit found");
    out[i] = (hi << 4) | lo;
  }
  return PyBytes_FromArray(out);
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64VAL = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64VAL[B64.charCodeAt(i)] = i;

function b2a_base64(_m: PyVal, a: PyVal[], k: PyVal[] | null): PyVal {
  const [d, nl] = parseArgs("b2a_base64", a, k, ["", "*newline"], 1, 1);
  const b = binaryData(d!);
  let s = "";
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const n = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    s += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  if (b.length - i === 1) {
    const n = b[i] << 16;
    s += B64[n >> 18] + B64[(n >> 12) & 63] + "==";
  } else if (b.length - i === 2) {
    const n = (b[i] << 16) | (b[i + 1] << 8);
    s += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + "=";
  }
  if (nl === undefined || PyObject_IsTrue(nl)) s += "\n";
  return bytesOf(s);
}

function a2b_base64(_m: PyVal, a: PyVal[], k: PyVal[] | null): PyVal {
  const [d, sm] = parseArgs("a2b_base64", a, k, ["", "*strict_mode"], 1, 1);
  const b = asciiData(d!);
  const strict = sm !== undefined && PyObject_IsTrue(sm);
  const out: number[] = [];
  let quad = 0, leftchar = 0, pads = 0;
  if (strict && b.length > 0 && b[0] === 0x3d) return err("Leading padding not allowed");
  let i = 0;
  for (; i < b.length; i++) {
    const c = b[i];
    if (c === 0x3d) {
      // Padding: only meaningful in the 3rd or 4th position of a quad.
      if (quad >= 2 && quad + ++pads >= 4) {
        if (strict && i + 1 < b.length) return err("Excess data after padding");
        quad = 0;
        pads = 0;
        if (!strict) { i++; break; }
        continue;
      }
      continue;
    }
    const v = B64VAL[c];
    if (v < 0) {
      if (strict) return err("Only base64 data is allowed");
      continue;
    }
    if (strict && pads > 0) return err("Discontinuous padding not allowed");
    pads = 0;
    switch (quad) {
      case 0: quad = 1; leftchar = v; break;
      case 1: quad = 2; out.push((leftchar << 2) | (v >> 4)); leftchar = v & 0x0f; break;
      case 2: quad = 3; out.push((leftchar << 4) | (v >> 2)); leftchar = v & 0x03; break;
      default: quad = 0; out.push((leftchar << 6) | v); leftchar = 0;
    }
  }
  if (quad !== 0) {
    if (quad === 1) {
      const valid = b.filter((c) => B64VAL[c] >= 0).length;
      return err(`Invalid base64-encoded string: number of data characters (${valid}) cannot be 1 more than a multiple of 4`);
    }
    return err("Incorrect padding");
  }
  return PyBytes_FromArray(Uint8Array.from(out));
}

function crc_hqx(_m: PyVal, a: PyVal[]): PyVal {
  const [d, v] = parseArgs("crc_hqx", a, null, ["", ""], 2, 2);
  const b = binaryData(d!);
  let crc = Number(longValue(PyNumber_Index(v!))) & 0xffff;
  for (const x of b) {
    crc ^= x << 8;
    for (let j = 0; j < 8; j++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

function b2a_uu(_m: PyVal, a: PyVal[], k: PyVal[] | null): PyVal {
  const [d, bt] = parseArgs("b2a_uu", a, k, ["", "*backtick"], 1, 1);
  const b = binaryData(d!);
  const backtick = bt !== undefined && PyObject_IsTrue(bt);
  if (b.length > 45) return err("At most 45 bytes at once");
  const enc = (v: number) => String.fromCharCode(backtick && v === 0 ? 0x60 : 0x20 + v);
  let s = enc(b.length);
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    s += enc(n >> 18) + enc((n >> 12) & 63) + enc((n >> 6) & 63) + enc(n & 63);
  }
  return bytesOf(s + "\n");
}

function a2b_uu(_m: PyVal, a: PyVal[]): PyVal {
  const [d] = parseArgs("a2b_uu", a, null, [""], 1, 1);
  const b = asciiData(d!);
  if (b.length === 0) return PyBytes_FromArray(new Uint8Array(32));
  const n = (b[0] - 0x20) & 0x3f;
  const vals: number[] = [];
  for (let i = 1; i < b.length && b[i] !== 0x0a && b[i] !== 0x0d; i++) {
    const c = b[i];
    if (c < 0x20 || c > 0x60) return err("Illegal char");
    vals.push((c - 0x20) & 0x3f);
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (let i = 0; o < n; i += 4) {
    const v = ((vals[i] ?? 0) << 18) | ((vals[i + 1] ?? 0) << 12) | ((vals[i + 2] ?? 0) << 6) | (vals[i + 3] ?? 0);
    for (const x of [v >> 16, (v >> 8) & 0xff, v & 0xff]) if (o < n) out[o++] = x;
  }
  return PyBytes_FromArray(out);
}

function b2a_qp(_m: PyVal, a: PyVal[], k: PyVal[] | null): PyVal {
  const [d, qt, it, hd] = parseArgs("b2a_qp", a, k, ["data", "quotetabs", "istext", "header"], 1, 4);
  const b = binaryData(d!);
  const quotetabs = qt !== undefined && PyObject_IsTrue(qt);
  const header = hd !== undefined && PyObject_IsTrue(hd);
  void it;
  let s = "";
  let linelen = 0;
  const H = "0123456789ABCDEF";
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    const atEol = i + 1 === b.length || b[i + 1] === 0x0a;
    let piece: string;
    if (c === 0x0a) { s += "\n"; linelen = 0; continue; }
    if (c > 126 || c === 0x3d || (header && c === 0x5f) || (c === 0x2e && linelen === 0 && atEol)
      || (!quotetabs ? false : c === 0x09 || c === 0x20) || ((c === 0x09 || c === 0x20) && atEol) || (c < 32 && c !== 0x09 && c !== 0x0d)) {
      piece = "=" + H[c >> 4] + H[c & 15];
    } else if (header && c === 0x20) piece = "_";
    else piece = String.fromCharCode(c);
    if (linelen + piece.length > 75 && !(atEol && linelen + piece.length <= 76)) {
      s += "=\n";
      linelen = 0;
    }
    s += piece;
    linelen += piece.length;
  }
  return bytesOf(s);
}

function a2b_qp(_m: PyVal, a: PyVal[], k: PyVal[] | null): PyVal {
  const [d, hd] = parseArgs("a2b_qp", a, k, ["data", "header"], 1, 2);
  const b = asciiData(d!);
  const header = hd !== undefined && PyObject_IsTrue(hd);
  const out: number[] = [];
  const hexv = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1);
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0x3d) {
      if (i + 1 >= b.length) break;
      if (b[i + 1] === 0x0a) { i++; continue; }
      if (b[i + 1] === 0x0d && b[i + 2] === 0x0a) { i += 2; continue; }
      const h1 = hexv(b[i + 1]), h2 = hexv(b[i + 2] ?? 0);
      if (h1 >= 0 && h2 >= 0) { out.push((h1 << 4) | h2); i += 2; continue; }
      out.push(c);
      continue;
    }
    out.push(header && c === 0x5f ? 0x20 : c);
  }
  return PyBytes_FromArray(Uint8Array.from(out));
}

export const binasciimodule: PyModuleDef = {
  m_name: "binascii",
  m_doc: "Conversion between binary data and ASCII",
  m_methods: [
    { name: "hexlify", meth: (m: PyVal, a: PyVal[], k: PyVal[] | null) => hexlify(m, a, k, "hexlify"), flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "b2a_hex", meth: (m: PyVal, a: PyVal[], k: PyVal[] | null) => hexlify(m, a, k, "b2a_hex"), flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "unhexlify", meth: unhexlify, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "a2b_hex", meth: unhexlify, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "b2a_base64", meth: b2a_base64, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "a2b_base64", meth: a2b_base64, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "b2a_uu", meth: b2a_uu, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "a2b_uu", meth: a2b_uu, flags: METH_FASTCALL },
    { name: "b2a_qp", meth: b2a_qp, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "a2b_qp", meth: a2b_qp, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "crc32", meth: (_m: PyVal, a: PyVal[]) => {
      const [d, v] = parseArgs("crc32", a, null, ["", ""], 1, 2);
      const start = v === undefined ? 0 : Number(BigInt.asUintN(32, BigInt(longValue(PyNumber_Index(v)))));
      return PyLong_FromBigInt(BigInt(crc32(start, binaryData(d!)) >>> 0));
    }, flags: METH_FASTCALL },
    { name: "crc_hqx", meth: crc_hqx, flags: METH_FASTCALL },
  ],
  m_exec: (m) => {
    if (BinasciiError === null) {
      const mk = (name: string, base: PyTypeObject): PyTypeObject => {
        const ns = PyDict_New();
        PyDict_SetItemString(ns, "__module__", PyUnicode_FromString("binascii"));
        return PyObject_Vectorcall(Py_TYPE(base), [PyUnicode_FromString(name), PyTuple_New([base]), ns], null) as PyTypeObject;
      };
      BinasciiError = mk("Error", PyExc_ValueError);
      Incomplete = mk("Incomplete", PyExc_Exception);
    }
    PyModule_Add(m, "Error", BinasciiError);
    PyModule_Add(m, "Incomplete", Incomplete!);
  },
};
