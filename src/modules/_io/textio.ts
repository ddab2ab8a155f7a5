// _io.TextIOWrapper and _io.IncrementalNewlineDecoder (Modules/_io/textio.c): text over a buffered binary stream
// with CPython's newline modes, line buffering, write-through, native UTF-8/Latin-1/ASCII codecs (others through
// codecs.py's incremental codecs), and tell()/seek() cookies packed as CPython packs them.
import {
  PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE, METH_NOARGS, METH_O,
  METH_FASTCALL, METH_KEYWORDS, PyUnicode_InternFromString, PyUnicodeObject, type PyVal,
} from "../../objects/object.js";
import { PyBytes_FromArray, PyBytesObject } from "../../objects/bytesobject.js";
import { PyUnicode_FromString, PyUnicode_Check, codePoints } from "../../objects/unicodeobject.js";
import { PyTuple_New, PyTupleObject } from "../../objects/tupleobject.js";
import { Py_False, PyBool_FromLong } from "../../objects/boolobject.js";
import { PyLong_FromBigInt, longValue, PyLong_Check } from "../../objects/longobject.js";
import { PyExc_ValueError, PyExc_TypeError, PyExc_OSError } from "../../objects/exceptions.js";
import { PyObject_CallMethod, PyObject_GetAttrStr, PyObject_IsTrue, PyObject_Repr, PyNumber_AsSsize_t,
  _PyObject_LookupAttr, PyObject_Vectorcall, PyNumber_Index } from "../../objects/abstract.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { parseArgs, unpackArgs } from "../../runtime/getargs.js";
import { PyIOBaseObject, PyTextIOBase_Type, PyIOBase_Type, raiseClosed, raiseUnsupported, bufferBytes, sizeArg,
  _PyIO_RegisterWriter } from "./iobase.js";
import { PyBufferedObject, PyBufferedWriter_Type, PyBufferedRandom_Type, buffered_write_bytes, buffered_flush } from "./bufferedio.js";
import { nativeCodec, encodeText, NativeDecoder, type NativeCodec } from "./codec.js";
import { PyImport_ImportModule } from "../../runtime/import.js";

export const PyTextIOWrapper_Type = PyType_Declare("_io.TextIOWrapper");
export const PyIncrementalNewlineDecoder_Type = PyType_Declare("_io.IncrementalNewlineDecoder");

const SEEN_CR = 1, SEEN_LF = 2, SEEN_CRLF = 4;

/** The newline translation of IncrementalNewlineDecoder, on already-decoded text. */
export class NLState {
  translate: boolean;
  pendingCR: boolean;
  seennl: number;
  constructor(translate: boolean) {
    this.translate = translate;
    this.pendingCR = false;
    this.seennl = 0;
  }
  feed(input: string, final: boolean): string {
    let out = input;
    if (this.pendingCR && (out.length > 0 || final)) {
      out = "\r" + out;
      this.pendingCR = false;
    }
    if (out.endsWith("\r") && !final) {
      out = out.slice(0, -1);
      this.pendingCR = true;
    }
    const crlf = out.split("\r\n").length - 1;
    const cr = out.split("\r").length - 1 - crlf;
    const lf = out.split("\n").length - 1 - crlf;
    if (crlf) this.seennl |= SEEN_CRLF;
    if (cr) this.seennl |= SEEN_CR;
    if (lf) this.seennl |= SEEN_LF;
    if (this.translate) {
      if (crlf) out = out.replace(/\r\n/g, "\n");
      if (cr) out = out.replace(/\r/g, "\n");
    }
    return out;
  }
  newlines(): PyVal {
    switch (this.seennl) {
      case 0: return Py_None;
      case SEEN_CR: return PyUnicode_FromString("\r");
      case SEEN_LF: return PyUnicode_FromString("\n");
      case SEEN_CRLF: return PyUnicode_FromString("\r\n");
      case SEEN_CR | SEEN_LF: return PyTuple_New([PyUnicode_FromString("\r"), PyUnicode_FromString("\n")]);
      case SEEN_CR | SEEN_CRLF: return PyTuple_New([PyUnicode_FromString("\r"), PyUnicode_FromString("\r\n")]);
      case SEEN_LF | SEEN_CRLF: return PyTuple_New([PyUnicode_FromString("\n"), PyUnicode_FromString("\r\n")]);
      default: return PyTuple_New([PyUnicode_FromString("\r"), PyUnicode_FromString("\n"), PyUnicode_FromString("\r\n")]);
    }
  }
}

// ---- IncrementalNewlineDecoder ----

class PyNLDecoderObject extends PyIOBaseObject {
  decoder: PyVal;
  nl: NLState;
  errors: PyVal;
  constructor(type: PyTypeObject) {
    super(type);
    this.decoder = Py_None;
    this.nl = new NLState(false);
    this.errors = Py_None;
  }
}

function nldecoder_decode(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const d = self as PyNLDecoderObject;
  const [input, fin] = parseArgs("decode", args, kwnames, ["input", "final"], 1, 2);
  const final = fin !== undefined && PyObject_IsTrue(fin);
  let text: PyVal = input!;
  if (d.decoder !== Py_None) text = PyObject_CallMethod(d.decoder, "decode", [input!, PyBool_FromLong(final)]);
  if (!PyUnicode_Check(text)) {
    return PyErr_Format(PyExc_TypeError, `decoder should return a string result, not '${Py_TYPE(text).tp_name}'`);
  }
  return PyUnicode_FromString(d.nl.feed(text.value, final));
}

PyType_FromSpecStatic({
  name: "_io.IncrementalNewlineDecoder",
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "Codec used when reading a file in universal newlines mode.",
  slots: {
    tp_new: (t) => new PyNLDecoderObject(t),
    tp_init: (s, a, k) => {
      const [dec, tr, err] = parseArgs("IncrementalNewlineDecoder", a, k, ["decoder", "translate", "errors"], 2, 3);
      const d = s as PyNLDecoderObject;
      d.decoder = dec!;
      d.nl = new NLState(PyObject_IsTrue(tr!));
      d.errors = err ?? PyUnicode_FromString("strict");
    },
  },
  methods: [
    { name: "decode", meth: nldecoder_decode, flags: METH_FASTCALL | METH_KEYWORDS },
    { name: "getstate", meth: (s: PyVal) => {
      const d = s as PyNLDecoderObject;
      let buf: PyVal = PyBytes_FromArray(new Uint8Array(0));
      let flag = 0n;
      if (d.decoder !== Py_None) {
        const st = PyObject_CallMethod(d.decoder, "getstate", []) as PyTupleObject;
        buf = st.ob_item[0];
        flag = BigInt(longValue(st.ob_item[1]));
      }
      flag = (flag << 1n) | (d.nl.pendingCR ? 1n : 0n);
      return PyTuple_New([buf, PyLong_FromBigInt(flag)]);
    }, flags: METH_NOARGS },
    { name: "setstate", meth: (s: PyVal, st: PyVal) => {
      const d = s as PyNLDecoderObject;
      const t = st as PyTupleObject;
      const flag = BigInt(longValue(t.ob_item[1]));
      d.nl.pendingCR = (flag & 1n) === 1n;
      if (d.decoder !== Py_None) PyObject_CallMethod(d.decoder, "setstate", [PyTuple_New([t.ob_item[0], PyLong_FromBigInt(flag >> 1n)])]);
      return Py_None;
    }, flags: METH_O },
    { name: "reset", meth: (s: PyVal) => {
      const d = s as PyNLDecoderObject;
      d.nl.seennl = 0;
      d.nl.pendingCR = false;
      if (d.decoder !== Py_None) PyObject_CallMethod(d.decoder, "reset", []);
      return Py_None;
    }, flags: METH_NOARGS },
  ],
  getset: [
    { name: "newlines", get: (s) => (s as PyNLDecoderObject).nl.newlines() },
  ],
}, PyIncrementalNewlineDecoder_Type);

// ---- TextIOWrapper ----

const CHUNK_SIZE = 8192;

export class PyTextIOObject extends PyIOBaseObject {
  buffer: PyVal | null;
  fastBuffer: PyBufferedObject | null;
  encoding: string;
  codec: NativeCodec | null;
  pyEncoder: PyVal | null;
  pyDecoderFactory: PyVal | null;
  decoder: NativeDecoder | null;
  pyDecoder: PyVal | null;
  nl: NLState | null;
  errors: string;
  readuniversal: boolean;
  readtranslate: boolean;
  readnl: string | null;
  writetranslate: boolean;
  writenl: string | null;
  lineBuffering: boolean;
  writeThrough: boolean;
  decoded: string;
  decodedPos: number;
  pending: Uint8Array[];
  pendingBytes: number;
  /** The byte position and decoder state before the last chunk, and that chunk (for tell()). */
  snapshotPos: number;
  snapshotPendingBytes: Uint8Array;
  snapshotPendingCR: boolean;
  snapshotChunk: Uint8Array | null;
  /** Decoded characters of earlier chunks still unread when the snapshot chunk was appended. */
  snapshotLeftover: number;
  seekable: boolean;
  telling: boolean;
  detached: boolean;
  chunkSize: number;
  constructor(type: PyTypeObject) {
    super(type);
    this.buffer = null;
    this.fastBuffer = null;
    this.encoding = "utf-8";
    this.codec = "utf-8";
    this.pyEncoder = null;
    this.pyDecoderFactory = null;
    this.decoder = null;
    this.pyDecoder = null;
    this.nl = null;
    this.errors = "strict";
    this.readuniversal = true;
    this.readtranslate = true;
    this.readnl = null;
    this.writetranslate = true;
    this.writenl = null;
    this.lineBuffering = false;
    this.writeThrough = false;
    this.decoded = "";
    this.decodedPos = 0;
    this.pending = [];
    this.pendingBytes = 0;
    this.snapshotPos = -1;
    this.snapshotPendingBytes = new Uint8Array(0);
    this.snapshotPendingCR = false;
    this.snapshotChunk = null;
    this.snapshotLeftover = 0;
    this.seekable = false;
    this.telling = false;
    this.detached = false;
    this.chunkSize = CHUNK_SIZE;
  }
}

function ok(self: PyVal): PyTextIOObject {
  const t = self as PyTextIOObject;
  if (t.buffer === null) {
    if (t.detached) return PyErr_Format(PyExc_ValueError, "underlying buffer has been detached");
    return PyErr_Format(PyExc_ValueError, "I/O operation on uninitialized object");
  }
  return t;
}

function bufferClosed(t: PyTextIOObject): boolean {
  if (t.fastBuffer !== null && t.fastBuffer.fast !== null) return t.fastBuffer.fast.fd < 0;
  return PyObject_IsTrue(PyObject_GetAttrStr(t.buffer!, "closed")!);
}

function checkOpen(t: PyTextIOObject): void {
  if (bufferClosed(t)) raiseClosed();
}

function setNewline(t: PyTextIOObject, newline: string | null): void {
  t.readuniversal = newline === null || newline === "";
  t.readtranslate = newline === null;
  t.readnl = newline === null || newline === "" ? null : newline;
  t.writetranslate = newline !== "";
  t.writenl = newline === null ? null : newline === "" || newline === "\n" ? null : newline;
}

function newlineArg(v: PyVal | undefined): string | null {
  if (v === undefined || v === Py_None) return null;
  if (!PyUnicode_Check(v)) return PyErr_Format(PyExc_TypeError, `TextIOWrapper() argument 'newline' must be str or None, not ${Py_TYPE(v).tp_name}`);
  const s = v.value;
  if (s !== "" && s !== "\n" && s !== "\r" && s !== "\r\n") return PyErr_Format(PyExc_ValueError, `illegal newline value: ${PyObject_Repr(v).value}`);
  return s;
}

/** The default text encoding (locale.getencoding() in a UTF-8 locale). */
export const LOCALE_ENCODING = "UTF-8";

function setEncoding(t: PyTextIOObject, encoding: string, errors: string): void {
  t.encoding = encoding;
  t.errors = errors;
  t.codec = nativeCodec(encoding);
  t.pyEncoder = null;
  t.pyDecoderFactory = null;
  if (t.codec === null) {
    const codecs = PyImport_ImportModule("codecs");
    const info = PyObject_CallMethod(codecs, "lookup", [PyUnicode_FromString(encoding)]);
    const isText = _PyObject_LookupAttr(info, PyUnicode_InternFromString("_is_text_encoding"));
    if (isText !== undefined && !PyObject_IsTrue(isText)) {
      return PyErr_Format(builtinLookupError(), `'${encoding}' is not a text encoding; use codecs.open() to handle arbitrary codecs`);
    }
    const enc = PyObject_GetAttrStr(info, "incrementalencoder")!;
    t.pyEncoder = PyObject_Vectorcall(enc, [PyUnicode_FromString(errors)], null);
    t.pyDecoderFactory = PyObject_GetAttrStr(info, "incrementaldecoder")!;
  }
}

let builtinLookupError: () => PyTypeObject = () => PyExc_ValueError;
export function _PyIO_InstallLookupError(f: () => PyTypeObject): void {
  builtinLookupError = f;
}

function resetDecoder(t: PyTextIOObject): void {
  t.decoder = null;
  t.pyDecoder = null;
  t.nl = null;
}

function ensureDecoder(t: PyTextIOObject): void {
  if (t.decoder !== null || t.pyDecoder !== null) return;
  if (t.codec !== null) t.decoder = new NativeDecoder(t.codec, t.errors);
  else t.pyDecoder = PyObject_Vectorcall(t.pyDecoderFactory!, [PyUnicode_FromString(t.errors)], null);
  t.nl = t.readuniversal ? new NLState(t.readtranslate) : null;
}

function decodeChunk(t: PyTextIOObject, b: Uint8Array, final: boolean): string {
  ensureDecoder(t);
  let s: string;
  if (t.decoder !== null) s = t.decoder.decode(b, final);
  else {
    const r = PyObject_CallMethod(t.pyDecoder!, "decode", [PyBytes_FromArray(b), PyBool_FromLong(final)]);
    if (!PyUnicode_Check(r)) return PyErr_Format(PyExc_TypeError, `decoder should return a string result, not '${Py_TYPE(r).tp_name}'`);
    s = r.value;
  }
  return t.nl !== null ? t.nl.feed(s, final) : s;
}

function encode(t: PyTextIOObject, s: string): Uint8Array {
  if (t.codec !== null) return encodeText(s, t.codec, t.errors);
  const r = PyObject_CallMethod(t.pyEncoder!, "encode", [PyUnicode_FromString(s)]);
  return bufferBytes(r);
}

function bufferWrite(t: PyTextIOObject, b: Uint8Array): void {
  const fb = t.fastBuffer;
  if (fb !== null) {
    if (fb.fast !== null && fb.fast.fd < 0) PyErr_Format(PyExc_ValueError, "write to closed file");
    buffered_write_bytes(fb, b);
  } else PyObject_CallMethod(t.buffer!, "write", [PyBytes_FromArray(b)]);
}

function flushPending(t: PyTextIOObject): void {
  if (t.pending.length === 0) return;
  let b: Uint8Array;
  if (t.pending.length === 1) b = t.pending[0];
  else {
    b = new Uint8Array(t.pendingBytes);
    let p = 0;
    for (const c of t.pending) { b.set(c, p); p += c.length; }
  }
  t.pending = [];
  t.pendingBytes = 0;
  bufferWrite(t, b);
}

/** TextIOWrapper.write's core, also used by print() through sys.stdout. */
export function textio_write_str(t: PyTextIOObject, text: string): number {
  checkOpen(t);
  let s = text;
  const haslf = s.includes("\n");
  if (haslf && t.writetranslate && t.writenl !== null) s = s.split("\n").join(t.writenl);
  const needflush = t.lineBuffering && (haslf || s.includes("\r"));
  const b = encode(t, s);
  t.pending.push(b);
  t.pendingBytes += b.length;
  if (t.pendingBytes >= t.chunkSize || needflush || t.writeThrough) flushPending(t);
  if (needflush) {
    if (t.fastBuffer !== null) buffered_flush(t.fastBuffer);
    else PyObject_CallMethod(t.buffer!, "flush", []);
  }
  if (t.decoded.length > 0 || t.snapshotChunk !== null) {
    t.decoded = "";
    t.decodedPos = 0;
    t.snapshotChunk = null;
    if (t.decoder !== null) t.decoder.reset();
  }
  return text.length === s.length && !/[\ud800-\udfff]/.test(text) ? text.length : codePoints(text).length;
}

export function textio_flush(t: PyTextIOObject): void {
  checkOpen(t);
  t.telling = t.seekable;
  flushPending(t);
  if (t.fastBuffer !== null) buffered_flush(t.fastBuffer);
  else PyObject_CallMethod(t.buffer!, "flush", []);
}

/** Read one more chunk into the decoded buffer; false at EOF (textiowrapper_read_chunk). */
function readChunk(t: PyTextIOObject, hint: number): boolean {
  if (t.decoder === null && t.pyDecoder === null) ensureDecoder(t);
  if (t.telling) {
    t.snapshotPos = -1;
    t.snapshotPendingBytes = t.decoder !== null ? t.decoder.pending : new Uint8Array(0);
    t.snapshotPendingCR = t.nl !== null && t.nl.pendingCR;
  }
  const size = Math.max(t.chunkSize, hint);
  const r = PyObject_CallMethod(t.buffer!, "read1", [size]);
  const b = r === Py_None ? new Uint8Array(0) : bufferBytes(r);
  const eof = b.length === 0;
  const text = decodeChunk(t, b, eof);
  if (t.telling) {
    t.snapshotChunk = b;
    t.snapshotLeftover = t.decoded.length - t.decodedPos;
  }
  t.decoded = t.decoded.slice(t.decodedPos) + text;
  t.decodedPos = 0;
  return !eof;
}

function textio_read(self: PyVal, args: PyVal[]): PyVal {
  const t = ok(self);
  checkOpen(t);
  const n = sizeArg(unpackArgs("read", args, 0, 1)[0]);
  if (t.pyDecoder === null && t.decoder === null && !PyObject_IsTrue(PyObject_CallMethod(t.buffer!, "readable", []))) {
    raiseUnsupported("not readable");
  }
  flushPending(t);
  if (n < 0) {
    const r = PyObject_CallMethod(t.buffer!, "read", []);
    const b = r === Py_None ? new Uint8Array(0) : bufferBytes(r);
    const rest = t.decoded.slice(t.decodedPos) + decodeChunk(t, b, true);
    t.decoded = "";
    t.decodedPos = 0;
    t.snapshotChunk = null;
    return PyUnicode_FromString(rest);
  }
  // n is in code points; JS strings count UTF-16 units, so measure with codePoints when astral text appears.
  for (;;) {
    const avail = t.decoded.length - t.decodedPos;
    if (avail >= n * 2 || cpLen(t.decoded, t.decodedPos) >= n) break;
    if (!readChunk(t, n)) break;
  }
  const end = advanceCp(t.decoded, t.decodedPos, n);
  const out = t.decoded.slice(t.decodedPos, end);
  t.decodedPos = end;
  return PyUnicode_FromString(out);
}

function cpLen(s: string, from: number): number {
  let n = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
    n++;
  }
  return n;
}

function advanceCp(s: string, from: number, n: number): number {
  let i = from;
  while (n > 0 && i < s.length) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
    i++;
    n--;
  }
  return i;
}

/** Where the first line of s[from..] ends (index just past its terminator), or -1 (_PyIO_find_line_ending). */
function findLineEnd(t: PyTextIOObject, s: string, from: number, final: boolean): number {
  if (t.readtranslate || (!t.readuniversal && t.readnl === "\n")) {
    const i = s.indexOf("\n", from);
    return i < 0 ? -1 : i + 1;
  }
  if (t.readuniversal) {
    for (let i = from; i < s.length; i++) {
      const c = s[i];
      if (c === "\n") return i + 1;
      if (c === "\r") {
        if (i + 1 < s.length) return s[i + 1] === "\n" ? i + 2 : i + 1;
        return final ? i + 1 : -1;
      }
    }
    return -1;
  }
  const i = s.indexOf(t.readnl!, from);
  return i < 0 ? -1 : i + t.readnl!.length;
}

export function textio_readline_str(t: PyTextIOObject, limit: number): string {
  checkOpen(t);
  flushPending(t);
  let eof = false;
  for (;;) {
    const end = findLineEnd(t, t.decoded, t.decodedPos, eof);
    if (end >= 0) {
      let stop = end;
      if (limit >= 0 && cpLen(t.decoded.slice(t.decodedPos, end), 0) > limit) stop = advanceCp(t.decoded, t.decodedPos, limit);
      const line = t.decoded.slice(t.decodedPos, stop);
      t.decodedPos = stop;
      return line;
    }
    if (limit >= 0 && cpLen(t.decoded, t.decodedPos) >= limit) {
      const stop = advanceCp(t.decoded, t.decodedPos, limit);
      const line = t.decoded.slice(t.decodedPos, stop);
      t.decodedPos = stop;
      return line;
    }
    if (eof) {
      const line = t.decoded.slice(t.decodedPos);
      t.decoded = "";
      t.decodedPos = 0;
      return line;
    }
    if (!readChunk(t, 0)) eof = true;
  }
}

// ---- tell / seek cookies (textiowrapper_build_cookie / parse_cookie) ----

function buildCookie(pos: number, decFlags: number, bytesToFeed: number, needEof: boolean, charsToSkip: number): PyVal {
  return PyLong_FromBigInt(BigInt(pos) | (BigInt(decFlags) << 64n) | (BigInt(bytesToFeed) << 128n)
    | (BigInt(charsToSkip) << 192n) | (BigInt(needEof ? 1 : 0) << 256n));
}

function textio_tell(self: PyVal): PyVal {
  const t = ok(self);
  checkOpen(t);
  if (!t.seekable) raiseUnsupported("underlying stream is not seekable");
  if (!t.telling) return PyErr_Format(PyExc_OSError, "telling position disabled by next() call");
  textio_flush(t);
  const pos = PyNumber_AsSsize_t(PyObject_CallMethod(t.buffer!, "tell", []), null);
  if (t.snapshotChunk === null || (t.decoder === null && t.pyDecoder === null)) return pos;
  const chunk = t.snapshotChunk;
  const startPos = pos - chunk.length;
  const consumed = t.decodedPos - t.snapshotLeftover;
  if (consumed < 0) return PyErr_Format(PyExc_OSError, "can't reconstruct logical file position");
  if (consumed === 0 && t.snapshotPendingBytes.length === 0 && !t.snapshotPendingCR) return startPos;
  if (t.decoder === null) return startPos;
  // Re-decode the chunk from the snapshot state, one byte at a time, until `consumed` characters come out.
  const dec = new NativeDecoder(t.decoder.codec, t.decoder.errors);
  dec.pending = t.snapshotPendingBytes;
  const nl = t.nl !== null ? new NLState(t.nl.translate) : null;
  if (nl !== null) nl.pendingCR = t.snapshotPendingCR;
  let produced = 0;
  let lastClean = 0;
  let lastCleanChars = 0;
  const skipBase = t.snapshotPendingBytes.length;
  for (let i = 0; i < chunk.length; i++) {
    let s = dec.decode(chunk.subarray(i, i + 1), false);
    if (nl !== null) s = nl.feed(s, false);
    produced += s.length;
    if (dec.pending.length === 0 && (nl === null || !nl.pendingCR)) {
      lastClean = i + 1;
      lastCleanChars = produced;
      if (produced === consumed) return startPos + i + 1;
    }
    if (produced >= consumed) break;
  }
  return buildCookie(startPos - skipBase + lastClean, 0, 0, false, consumed - lastCleanChars);
}

function textio_seek(self: PyVal, args: PyVal[]): PyVal {
  const t = ok(self);
  const [c, w] = unpackArgs("seek", args, 1, 2);
  const whence = w === undefined ? 0 : PyNumber_AsSsize_t(w, null);
  checkOpen(t);
  if (!t.seekable) raiseUnsupported("underlying stream is not seekable");
  const cookieVal = longValue(PyNumber_Index(c!));
  if (whence === 1) {
    if (cookieVal !== 0) raiseUnsupported("can't do nonzero cur-relative seeks");
    return textio_tell(t);
  }
  if (whence === 2) {
    if (cookieVal !== 0) raiseUnsupported("can't do nonzero end-relative seeks");
    textio_flush(t);
    t.decoded = "";
    t.decodedPos = 0;
    t.snapshotChunk = null;
    if (t.decoder !== null) t.decoder.reset();
    return PyObject_CallMethod(t.buffer!, "seek", [0, 2]);
  }
  if (whence !== 0) return PyErr_Format(PyExc_ValueError, `invalid whence (${whence}, should be 0, 1 or 2)`);
  const cookie = BigInt(cookieVal);
  if (cookie < 0n) return PyErr_Format(PyExc_ValueError, `negative seek position ${cookieVal}`);
  textio_flush(t);
  const pos = Number(cookie & ((1n << 64n) - 1n));
  const skip = Number((cookie >> 192n) & ((1n << 64n) - 1n));
  PyObject_CallMethod(t.buffer!, "seek", [pos]);
  t.decoded = "";
  t.decodedPos = 0;
  t.snapshotChunk = null;
  resetDecoder(t);
  if (skip > 0) {
    readChunk(t, skip);
    t.decodedPos = Math.min(skip, t.decoded.length);
  }
  return c!;
}

function textio_init(self: PyVal, args: readonly PyVal[], kwnames: readonly PyVal[] | null): void {
  const t = self as PyTextIOObject;
  const [buffer, enc, err, nlArg, lb, wt] = parseArgs("TextIOWrapper", args, kwnames,
    ["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"], 1, 6);
  const newline = newlineArg(nlArg);
  let encoding: string;
  if (enc === undefined || enc === Py_None) encoding = LOCALE_ENCODING;
  else if (!PyUnicode_Check(enc)) return PyErr_Format(PyExc_TypeError, `TextIOWrapper() argument 'encoding' must be str or None, not ${Py_TYPE(enc).tp_name}`);
  else encoding = enc.value === "locale" ? LOCALE_ENCODING : enc.value;
  if (encoding.includes("\0")) PyErr_Format(PyExc_ValueError, "embedded null character");
  let errors = "strict";
  if (err !== undefined && err !== Py_None) {
    if (!PyUnicode_Check(err)) PyErr_Format(PyExc_TypeError, `TextIOWrapper() argument 'errors' must be str or None, not ${Py_TYPE(err).tp_name}`);
    errors = (err as PyUnicodeObject).value;
  }
  t.buffer = null;
  setEncoding(t, encoding, errors);
  setNewline(t, newline);
  t.lineBuffering = lb !== undefined && PyObject_IsTrue(lb);
  t.writeThrough = wt !== undefined && PyObject_IsTrue(wt);
  t.buffer = buffer!;
  t.fastBuffer = buffer instanceof PyBufferedObject && (Py_TYPE(buffer) === PyBufferedWriter_Type || Py_TYPE(buffer) === PyBufferedRandom_Type) ? buffer : null;
  t.decoded = "";
  t.decodedPos = 0;
  t.pending = [];
  t.pendingBytes = 0;
  resetDecoder(t);
  t.seekable = PyObject_IsTrue(PyObject_CallMethod(buffer!, "seekable", []));
  t.telling = t.seekable;
  _PyIO_RegisterWriter(t);
}

function textio_repr(self: PyVal): PyUnicodeObject {
  const t = self as PyTextIOObject;
  const tn = Py_TYPE(t).tp_name;
  let s = `<${tn}`;
  const attr = (n: string): PyVal | undefined => {
    try {
      return _PyObject_LookupAttr(t, PyUnicode_InternFromString(n));
    } catch {
      return undefined;
    }
  };
  const name = attr("name");
  if (name !== undefined) s += ` name=${PyObject_Repr(name).value}`;
  const mode = attr("mode");
  if (mode !== undefined) s += ` mode=${PyObject_Repr(mode).value}`;
  s += ` encoding='${t.encoding}'>`;
  return PyUnicode_FromString(s);
}

function textio_reconfigure(self: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const t = ok(self);
  const [enc, err, nlArg, lb, wt] = parseArgs("reconfigure", args, kwnames,
    ["*encoding", "*errors", "*newline", "*line_buffering", "*write_through"], 0, 0);
  textio_flush(t);
  if (enc !== undefined && enc !== Py_None || err !== undefined && err !== Py_None) {
    const e = enc !== undefined && enc !== Py_None ? (enc as PyUnicodeObject).value : t.encoding;
    const er = err !== undefined && err !== Py_None ? (err as PyUnicodeObject).value : enc !== undefined && enc !== Py_None ? "strict" : t.errors;
    setEncoding(t, e === "locale" ? LOCALE_ENCODING : e, er);
    resetDecoder(t);
  }
  if (nlArg !== undefined) setNewline(t, newlineArg(nlArg));
  if (lb !== undefined && lb !== Py_None) t.lineBuffering = PyObject_IsTrue(lb);
  if (wt !== undefined && wt !== Py_None) t.writeThrough = PyObject_IsTrue(wt);
  return Py_None;
}

PyType_FromSpecStatic({
  name: "_io.TextIOWrapper",
  base: () => PyTextIOBase_Type,
  flags: Py_TPFLAGS_BASETYPE,
  dictoffset: 1,
  doc: "Character and line based layer over a BufferedIOBase object, buffer.",
  slots: {
    tp_new: (tt) => new PyTextIOObject(tt),
    tp_init: textio_init,
    tp_repr: textio_repr,
    tp_iternext: (s) => {
      const t = ok(s);
      t.telling = false;
      const line = textio_readline_str(t, -1);
      if (line.length === 0) {
        t.snapshotChunk = null;
        t.telling = t.seekable;
        return undefined;
      }
      return PyUnicode_FromString(line);
    },
  },
  methods: [
    { name: "write", meth: (s: PyVal, v: PyVal) => {
      const t = ok(s);
      if (!PyUnicode_Check(v)) return PyErr_Format(PyExc_TypeError, `write() argument must be str, not ${Py_TYPE(v).tp_name}`);
      return textio_write_str(t, v.value);
    }, flags: METH_O },
    { name: "read", meth: textio_read, flags: METH_FASTCALL },
    { name: "readline", meth: (s: PyVal, a: PyVal[]) => {
      const [l] = unpackArgs("readline", a, 0, 1);
      if (l !== undefined && l !== Py_None && !PyLong_Check(l)) {
        return PyErr_Format(PyExc_TypeError, `argument should be integer or None, not '${Py_TYPE(l).tp_name}'`);
      }
      return PyUnicode_FromString(textio_readline_str(ok(s), sizeArg(l)));
    }, flags: METH_FASTCALL },
    { name: "flush", meth: (s: PyVal) => { textio_flush(ok(s)); return Py_None; }, flags: METH_NOARGS },
    { name: "close", meth: (s: PyVal) => {
      const t = ok(s);
      if (bufferClosed(t)) return Py_None;
      let err: unknown = null;
      try { textio_flush(t); } catch (e) { err = e; }
      PyObject_CallMethod(t.buffer!, "close", []);
      if (err !== null) throw err;
      return Py_None;
    }, flags: METH_NOARGS },
    { name: "detach", meth: (s: PyVal) => {
      const t = ok(s);
      textio_flush(t);
      const b = t.buffer!;
      t.buffer = null;
      t.fastBuffer = null;
      t.detached = true;
      return b;
    }, flags: METH_NOARGS },
    { name: "fileno", meth: (s: PyVal) => PyObject_CallMethod(ok(s).buffer!, "fileno", []), flags: METH_NOARGS },
    { name: "isatty", meth: (s: PyVal) => PyObject_CallMethod(ok(s).buffer!, "isatty", []), flags: METH_NOARGS },
    { name: "seekable", meth: (s: PyVal) => PyBool_FromLong(ok(s).seekable), flags: METH_NOARGS },
    { name: "readable", meth: (s: PyVal) => PyObject_CallMethod(ok(s).buffer!, "readable", []), flags: METH_NOARGS },
    { name: "writable", meth: (s: PyVal) => PyObject_CallMethod(ok(s).buffer!, "writable", []), flags: METH_NOARGS },
    { name: "tell", meth: textio_tell, flags: METH_NOARGS },
    { name: "seek", meth: textio_seek, flags: METH_FASTCALL },
    { name: "truncate", meth: (s: PyVal, a: PyVal[]) => {
      const t = ok(s);
      textio_flush(t);
      const [p] = unpackArgs("truncate", a, 0, 1);
      return PyObject_CallMethod(t.buffer!, "truncate", p === undefined ? [] : [p]);
    }, flags: METH_FASTCALL },
    { name: "reconfigure", meth: textio_reconfigure, flags: METH_FASTCALL | METH_KEYWORDS },
  ],
  getset: [
    { name: "encoding", get: (s) => PyUnicode_FromString((s as PyTextIOObject).encoding) },
    { name: "errors", get: (s) => PyUnicode_FromString((s as PyTextIOObject).errors) },
    { name: "buffer", get: (s) => ok(s).buffer! },
    { name: "line_buffering", get: (s) => PyBool_FromLong((s as PyTextIOObject).lineBuffering) },
    { name: "write_through", get: (s) => PyBool_FromLong((s as PyTextIOObject).writeThrough) },
    { name: "closed", get: (s) => PyBool_FromLong(bufferClosed(ok(s))) },
    { name: "name", get: (s) => PyObject_GetAttrStr(ok(s).buffer!, "name")! },
    { name: "newlines", get: (s) => { const t = s as PyTextIOObject; return t.nl !== null ? t.nl.newlines() : Py_None; } },
    { name: "_CHUNK_SIZE", get: (s) => (s as PyTextIOObject).chunkSize, set: (s, v) => {
      const n = v === null ? 0 : PyNumber_AsSsize_t(v, null);
      if (n <= 0) PyErr_Format(PyExc_ValueError, "a strictly positive integer is required");
      (s as PyTextIOObject).chunkSize = n;
    } },
    { name: "_finalizing", get: () => Py_False },
  ],
}, PyTextIOWrapper_Type);

