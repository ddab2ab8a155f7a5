// The pyexpat module (Modules/pyexpat.c) over Typhon's expat-compatible parser (src/modules/expat/xmlparse.ts):
// ParserCreate, the xmlparser type with its handlers and options, ExpatError, and the errors and model submodules,
// so that xml.parsers.expat, xml.etree.ElementTree, xml.dom.minidom and xml.sax run unchanged.
import {
  PyObject, PyTypeObject, PyType_Declare, PyType_FromSpecStatic, Py_None, Py_TYPE, METH_FASTCALL, METH_KEYWORDS,
  METH_O, METH_NOARGS, PyUnicodeObject, type PyVal, type PyGetSetDef,
} from "../objects/object.js";
import { PyUnicode_FromString, PyUnicode_Check } from "../objects/unicodeobject.js";
import { PyLong_Check, longValue } from "../objects/longobject.js";
import { PyBool_FromLong } from "../objects/boolobject.js";
import { PyTuple_New } from "../objects/tupleobject.js";
import { PyList_New } from "../objects/listobject.js";
import { PyDict_New, PyDict_SetItem, PyDict_SetItemString, PyDict_GetItem, PyDictObject } from "../objects/dictobject.js";
import { PyBytes_FromArray } from "../objects/bytesobject.js";
import { PyModule_New, PyModuleObject } from "../objects/moduleobject.js";
import { PyObject_GetBufferData } from "../objects/memoryobject.js";
import {
  PyObject_Vectorcall, PyObject_IsTrue, PyObject_GetAttrStr, PyObject_SetAttr, PyObject_CallMethod,
} from "../objects/abstract.js";
import { PyExc_Exception, PyExc_TypeError, PyExc_ValueError, PyExc_AttributeError } from "../objects/exceptions.js";
import { PyErr_Format, PyErr_SetObject } from "../runtime/errors.js";
import { parseArgs } from "../runtime/getargs.js";
import { PyModule_Add, type PyModuleDef } from "./moduledef.js";
import { PyImport_ImportModule } from "../runtime/import.js";
import { XmlParser, XmlError, XML_ERROR_STRINGS, XML_ERROR_UNKNOWN_ENCODING, XML_ERROR_INVALID_TOKEN, type XmlSink } from "./expat/xmlparse.js";

export const Xmlparser_Type = PyType_Declare("pyexpat.xmlparser");

/** The handler names of pyexpat's handler_info table, in its order. */
const HANDLERS = [
  "StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler", "CharacterDataHandler",
  "UnparsedEntityDeclHandler", "NotationDeclHandler", "StartNamespaceDeclHandler", "EndNamespaceDeclHandler",
  "CommentHandler", "StartCdataSectionHandler", "EndCdataSectionHandler", "DefaultHandler", "DefaultHandlerExpand",
  "NotStandaloneHandler", "ExternalEntityRefHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler",
  "EntityDeclHandler", "XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler", "SkippedEntityHandler",
] as const;
type HandlerName = typeof HANDLERS[number];

let ExpatError: PyTypeObject | null = null;

class XmlParserObject extends PyObject implements XmlSink {
  parser: XmlParser;
  handlers: Map<HandlerName, PyVal>;
  bufferText: boolean;
  bufferSize: number;
  buffer: string[];
  bufferUsed: number;
  orderedAttributes: boolean;
  specifiedAttributes: boolean;
  intern: PyVal;
  encoding: string | null;
  /** Raw bytes waiting for the encoding to be known, and the decoder once it is. */
  pending: Uint8Array;
  decoder: ((b: Uint8Array, final: boolean) => string) | null;
  base: PyVal;
  byteOffset: number;
  constructor(type: PyTypeObject, encoding: string | null, nsSep: string | null, intern: PyVal) {
    super(type);
    this.handlers = new Map();
    this.bufferText = false;
    this.bufferSize = 8192;
    this.buffer = [];
    this.bufferUsed = 0;
    this.orderedAttributes = false;
    this.specifiedAttributes = false;
    this.intern = intern;
    this.encoding = encoding;
    this.pending = new Uint8Array(0);
    this.decoder = null;
    this.base = Py_None;
    this.byteOffset = 0;
    this.parser = new XmlParser(this, nsSep);
  }

  private handler(name: HandlerName): PyVal | undefined { return this.handlers.get(name); }
  private call(name: HandlerName, args: PyVal[]): void {
    const h = this.handlers.get(name);
    if (h === undefined) return;
    if (name !== "CharacterDataHandler") this.flush();
    PyObject_Vectorcall(h, args, null);
  }
  private str(s: string | null): PyVal {
    if (s === null) return Py_None;
    const u = PyUnicode_FromString(s);
    return u;
  }
  private name(s: string): PyVal {
    if (this.intern === Py_None) return PyUnicode_FromString(s);
    const u = PyUnicode_FromString(s);
    const d = this.intern as PyDictObject;
    const old = PyDict_GetItem(d, u);
    if (old !== undefined) return old;
    PyDict_SetItem(d, u, u);
    return u;
  }
  flush(): void {
    if (this.buffer.length === 0) return;
    const text = this.buffer.join("");
    this.buffer = [];
    this.bufferUsed = 0;
    const h = this.handlers.get("CharacterDataHandler");
    if (h !== undefined) PyObject_Vectorcall(h, [PyUnicode_FromString(text)], null);
  }

  // ---- XmlSink ----
  has(kind: Parameters<XmlSink["has"]>[0]): boolean {
    switch (kind) {
      case "start": return this.handlers.has("StartElementHandler");
      case "end": return this.handlers.has("EndElementHandler");
      case "data": return this.handlers.has("CharacterDataHandler");
      case "pi": return this.handlers.has("ProcessingInstructionHandler");
      case "comment": return this.handlers.has("CommentHandler");
      case "cdata": return this.handlers.has("StartCdataSectionHandler") || this.handlers.has("EndCdataSectionHandler");
      case "xmldecl": return this.handlers.has("XmlDeclHandler");
      case "doctype": return this.handlers.has("StartDoctypeDeclHandler") || this.handlers.has("EndDoctypeDeclHandler") || this.handlers.has("EntityDeclHandler");
      case "default": return this.handlers.has("DefaultHandler") || this.handlers.has("DefaultHandlerExpand");
      case "skipped": return this.handlers.has("SkippedEntityHandler");
      default: { const never: never = kind; return never; }
    }
  }
  defaultInhibitsExpansion(): boolean { return this.handlers.has("DefaultHandler"); }
  startElement(name: string, attrs: string[]): void {
    const n = this.name(name);
    let a: PyVal;
    if (this.orderedAttributes) a = PyList_New(attrs.map((x, i) => i % 2 === 0 ? this.name(x) : PyUnicode_FromString(x)));
    else {
      const d = PyDict_New();
      for (let i = 0; i < attrs.length; i += 2) PyDict_SetItem(d, this.name(attrs[i]), PyUnicode_FromString(attrs[i + 1]));
      a = d;
    }
    this.call("StartElementHandler", [n, a]);
  }
  endElement(name: string): void { this.call("EndElementHandler", [this.name(name)]); }
  characterData(text: string): void {
    if (!this.bufferText) { this.call("CharacterDataHandler", [PyUnicode_FromString(text)]); return; }
    const len = new TextEncoder().encode(text).length;
    if (this.bufferUsed + len > this.bufferSize) {
      this.flush();
      if (len > this.bufferSize) { this.call("CharacterDataHandler", [PyUnicode_FromString(text)]); return; }
    }
    this.buffer.push(text);
    this.bufferUsed += len;
  }
  processingInstruction(target: string, data: string): void { this.call("ProcessingInstructionHandler", [this.name(target), PyUnicode_FromString(data)]); }
  comment(text: string): void { this.call("CommentHandler", [PyUnicode_FromString(text)]); }
  startCdata(): void { this.call("StartCdataSectionHandler", []); }
  endCdata(): void { this.call("EndCdataSectionHandler", []); }
  xmlDecl(version: string | null, encoding: string | null, standalone: number): void {
    this.call("XmlDeclHandler", [this.str(version), this.str(encoding), standalone]);
  }
  startDoctype(name: string, sysid: string | null, pubid: string | null, internalSubset: boolean): void {
    this.call("StartDoctypeDeclHandler", [this.name(name), this.str(sysid), this.str(pubid), internalSubset ? 1 : 0]);
  }
  endDoctype(): void { this.call("EndDoctypeDeclHandler", []); }
  entityDecl(name: string, isParam: boolean, value: string | null, sysid: string | null, pubid: string | null, notation: string | null): void {
    if (notation !== null && this.handler("UnparsedEntityDeclHandler") !== undefined) {
      this.call("UnparsedEntityDeclHandler", [this.name(name), this.base, this.str(sysid), this.str(pubid), this.str(notation)]);
      return;
    }
    this.call("EntityDeclHandler", [this.name(name), isParam ? 1 : 0, this.str(value), this.base, this.str(sysid), this.str(pubid), this.str(notation)]);
  }
  startNamespace(prefix: string | null, uri: string | null): void {
    this.call("StartNamespaceDeclHandler", [prefix === null ? Py_None : this.name(prefix), this.str(uri)]);
  }
  endNamespace(prefix: string | null): void {
    this.call("EndNamespaceDeclHandler", [prefix === null ? Py_None : this.name(prefix)]);
  }
  skippedEntity(name: string, isParam: boolean): void { this.call("SkippedEntityHandler", [this.name(name), isParam ? 1 : 0]); }
  defaultText(text: string): void {
    const h = this.handlers.get("DefaultHandler") ?? this.handlers.get("DefaultHandlerExpand");
    if (h === undefined) return;
    this.flush();
    PyObject_Vectorcall(h, [PyUnicode_FromString(text)], null);
  }
}

// ---- decoding ----

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

function makeDecoder(enc: string): ((b: Uint8Array, final: boolean) => string) | null {
  const e = enc.toLowerCase().replace(/_/g, "-");
  if (e === "utf-8" || e === "utf8") return utf8Decoder();
  if (e === "utf-16" || e === "utf-16le" || e === "utf-16be") {
    const d = new TextDecoder(e === "utf-16be" ? "utf-16be" : "utf-16le", { fatal: true, ignoreBOM: true });
    return (b, final) => d.decode(b, { stream: !final });
  }
  if (e === "iso-8859-1" || e === "latin-1" || e === "latin1" || e === "iso8859-1") return (b) => latin1(b);
  if (e === "us-ascii" || e === "ascii") {
    return (b) => {
      for (let i = 0; i < b.length; i++) if (b[i] > 127) throw new XmlError(XML_ERROR_INVALID_TOKEN, 0);
      return latin1(b);
    };
  }
  return null;
}

/** Decode the bytes given so far, settling the encoding from a BOM or the XML declaration first. */
function decodeBytes(self: XmlParserObject, data: Uint8Array, final: boolean): string {
  if (self.decoder === null) {
    const all = new Uint8Array(self.pending.length + data.length);
    all.set(self.pending); all.set(data, self.pending.length);
    let enc = self.encoding;
    const skip = 0;
    if (enc === null) {
      if (all.length < 4 && !final) { self.pending = all; return ""; }
      // A byte order mark stays in the text (expat counts it as a column) and is skipped by the parser.
      if (all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf) enc = "utf-8";
      else if (all[0] === 0xfe && all[1] === 0xff) enc = "utf-16be";
      else if (all[0] === 0xff && all[1] === 0xfe) enc = "utf-16le";
      else if (all[0] === 0x3c && all[1] === 0x00) enc = "utf-16le";
      else if (all[0] === 0x00 && all[1] === 0x3c) enc = "utf-16be";
      else if (latin1(all.subarray(0, 5)) === "<?xml") {
        const head = latin1(all.subarray(0, Math.min(all.length, 512)));
        const end = head.indexOf("?>");
        if (end < 0 && !final && all.length < 512) { self.pending = all; return ""; }
        const m = /encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(end < 0 ? head : head.slice(0, end));
        enc = m === null ? "utf-8" : m[1];
      } else enc = "utf-8";
    }
    let dec = makeDecoder(enc);
    if (dec === null) {
      try {
        dec = pythonDecoder(enc);
      } catch (e) {
        // expat reports the XML declaration before it asks for the unknown encoding.
        const head = latin1(all);
        const end = head.indexOf("?>");
        if (end >= 0) self.parser.feed(head.slice(0, end + 2), false);
        throw e;
      }
    }
    if (dec === null) {
      self.pending = new Uint8Array(0);
      throw new XmlError(XML_ERROR_UNKNOWN_ENCODING, 0);
    }
    self.decoder = dec;
    self.pending = new Uint8Array(0);
    return dec(all.subarray(skip), final);
  }
  return self.decoder(data, final);
}

/** Raised by a decoder at invalid bytes, with the text decoded before them. */
class InvalidBytes {
  text: string;
  constructor(text: string) { this.text = text; }
}

/** Incremental UTF-8: an incomplete sequence at the end waits for the next chunk; invalid bytes raise. */
function utf8Decoder(): (b: Uint8Array, final: boolean) => string {
  let carry = new Uint8Array(0);
  const td = new TextDecoder("utf-8", { ignoreBOM: true });
  return (b, final) => {
    const all = new Uint8Array(carry.length + b.length);
    all.set(carry); all.set(b, carry.length);
    const good = validUtf8Prefix(all);
    carry = new Uint8Array(0);
    if (good < all.length) {
      const rest = all.subarray(good);
      const c = rest[0];
      const need = c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
      let partial = !final && need > rest.length;
      for (let k = 1; partial && k < rest.length; k++) if ((rest[k] & 0xc0) !== 0x80) partial = false;
      if (!partial) throw new InvalidBytes(td.decode(all.subarray(0, good)));
      carry = rest.slice();
    }
    return td.decode(all.subarray(0, good));
  };
}

/** The length of the longest prefix of `b` that is complete, valid UTF-8. */
function validUtf8Prefix(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > b.length) return i;
    for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return i;
}

/** A single-byte encoding through Python's codecs (pyexpat's PyUnknownEncodingHandler); LookupError propagates. */
function pythonDecoder(enc: string): ((b: Uint8Array, final: boolean) => string) | null {
  PyObject_CallMethod(PyImport_ImportModule("codecs"), "lookup", [PyUnicode_FromString(enc)]);
  try {
    const table = PyObject_CallMethod(PyBytes_FromArray(Uint8Array.from({ length: 256 }, (_v, i) => i)), "decode",
      [PyUnicode_FromString(enc), PyUnicode_FromString("replace")]) as PyUnicodeObject;
    const chars = Array.from(table.value);
    if (chars.length !== 256) return null;
    return (b) => { let s = ""; for (const x of b) s += chars[x]; return s; };
  } catch {
    return null;
  }
}

// ---- the xmlparser type ----

function raiseExpat(self: XmlParserObject, e: XmlError): never {
  const [line, col] = self.parser.lineCol(e.pos);
  const msg = `${XML_ERROR_STRINGS[e.code]}: line ${line}, column ${col}`;
  const err = PyObject_Vectorcall(ExpatError!, [PyUnicode_FromString(msg)], null);
  PyObject_SetAttr(err, PyUnicode_FromString("code"), e.code);
  PyObject_SetAttr(err, PyUnicode_FromString("lineno"), line);
  PyObject_SetAttr(err, PyUnicode_FromString("offset"), col);
  return PyErr_SetObject(ExpatError!, err);
}

function doParse(self: XmlParserObject, data: PyVal, final: boolean): PyVal {
  let text: string;
  try {
    if (PyUnicode_Check(data)) {
      if (self.decoder === null) self.decoder = (b) => latin1(b);
      text = data.value;
    } else {
      const b = PyObject_GetBufferData(data);
      if (b === null) return PyErr_Format(PyExc_TypeError, `a bytes-like object is required, not '${Py_TYPE(data).tp_name}'`);
      try {
        text = decodeBytes(self, b, final);
      } catch (e) {
        if (!(e instanceof InvalidBytes) && !(e instanceof TypeError)) throw e;
        // Invalid bytes: parse what precedes them, then fail there (expat reports an invalid token).
        if (e instanceof InvalidBytes) self.parser.feed(e.text, false);
        const err = new XmlError(XML_ERROR_INVALID_TOKEN, self.parser.buf.length);
        self.parser.errorCode = err.code;
        self.parser.errorPos = err.pos;
        throw err;
      }
    }
    self.parser.feed(text, final);
  } catch (e) {
    if (e instanceof XmlError) { self.flush(); return raiseExpat(self, e); }
    throw e;
  }
  self.flush();
  self.parser.eventPos = self.parser.pos;
  return 1;
}

function parser_Parse(s: PyVal, args: PyVal[]): PyVal {
  if (args.length < 1 || args.length > 2) return PyErr_Format(PyExc_TypeError, `Parse expected at least 1 argument, got ${args.length}`);
  const final = args.length > 1 ? PyObject_IsTrue(args[1]) : false;
  return doParse(s as XmlParserObject, args[0], final);
}

function parser_ParseFile(s: PyVal, file: PyVal): PyVal {
  const read = PyObject_GetAttrStr(file, "read", true);
  if (read === undefined) return PyErr_Format(PyExc_TypeError, "argument must have 'read' attribute");
  for (;;) {
    const chunk = PyObject_Vectorcall(read, [2048], null);
    const empty = PyUnicode_Check(chunk) ? chunk.value.length === 0 : (PyObject_GetBufferData(chunk)?.length ?? 0) === 0;
    doParse(s as XmlParserObject, chunk, empty);
    if (empty) return 1;
  }
}

function intAttr(v: PyVal | null): number {
  if (v === null) return PyErr_Format(PyExc_AttributeError, "Cannot delete attribute");
  return PyObject_IsTrue(v) ? 1 : 0;
}

const handlerGetset: PyGetSetDef[] = HANDLERS.map((name) => ({
  name,
  get: (s: PyVal) => (s as XmlParserObject).handlers.get(name) ?? Py_None,
  set: (s: PyVal, v: PyVal | null) => {
    const self = s as XmlParserObject;
    if (name === "CharacterDataHandler") self.flush();
    if (v === null || v === Py_None) self.handlers.delete(name);
    else self.handlers.set(name, v);
  },
}));

const posGetset = (name: string, f: (p: XmlParserObject) => number): PyGetSetDef => ({ name, get: (s) => f(s as XmlParserObject) });

function byteIndex(p: XmlParserObject, pos: number): number {
  return new TextEncoder().encode(p.parser.buf.slice(0, pos)).length;
}

PyType_FromSpecStatic({
  name: "pyexpat.xmlparser",
  doc: "XML parser",
  slots: {},
  methods: [
    { name: "Parse", meth: parser_Parse, flags: METH_FASTCALL, doc: "Parse XML data.\n\n`isfinal' should be true at end of input." },
    { name: "ParseFile", meth: parser_ParseFile, flags: METH_O, doc: "Parse XML data from file-like object." },
    { name: "SetBase", meth: (s: PyVal, b: PyVal) => { (s as XmlParserObject).base = b; return Py_None; }, flags: METH_O },
    { name: "GetBase", meth: (s: PyVal) => (s as XmlParserObject).base, flags: METH_NOARGS },
    { name: "GetInputContext", meth: (s: PyVal) => {
      const p = (s as XmlParserObject).parser;
      return p.buf.length === 0 ? Py_None : PyBytes_FromArray(new TextEncoder().encode(p.buf.slice(p.eventPos)));
    }, flags: METH_NOARGS },
    { name: "ExternalEntityParserCreate", meth: (s: PyVal, a: PyVal[]) => {
      const self = s as XmlParserObject;
      const enc = a.length > 1 && a[1] !== Py_None ? (a[1] as PyUnicodeObject).value : null;
      const child = new XmlParserObject(Xmlparser_Type, enc, self.parser.nsSep, self.intern);
      for (const [k, v] of self.handlers) child.handlers.set(k, v);
      return child;
    }, flags: METH_FASTCALL },
    { name: "SetParamEntityParsing", meth: () => 1, flags: METH_O },
    { name: "UseForeignDTD", meth: () => Py_None, flags: METH_FASTCALL },
    { name: "GetReparseDeferralEnabled", meth: () => PyBool_FromLong(true), flags: METH_NOARGS },
    { name: "SetReparseDeferralEnabled", meth: () => Py_None, flags: METH_O },
  ],
  getset: [
    ...handlerGetset,
    { name: "buffer_text", get: (s) => PyBool_FromLong((s as XmlParserObject).bufferText), set: (s, v) => {
      const self = s as XmlParserObject;
      const on = intAttr(v) === 1;
      if (!on) self.flush();
      self.bufferText = on;
    } },
    { name: "buffer_size", get: (s) => (s as XmlParserObject).bufferSize, set: (s, v) => {
      if (v === null) return PyErr_Format(PyExc_AttributeError, "Cannot delete attribute");
      if (!PyLong_Check(v)) return PyErr_Format(PyExc_TypeError, "buffer_size must be an integer");
      const n = Number(longValue(v));
      if (n <= 0) return PyErr_Format(PyExc_ValueError, "buffer_size must be greater than zero");
      const self = s as XmlParserObject;
      self.flush();
      self.bufferSize = n;
    } },
    { name: "buffer_used", get: (s) => (s as XmlParserObject).bufferUsed },
    { name: "ordered_attributes", get: (s) => PyBool_FromLong((s as XmlParserObject).orderedAttributes), set: (s, v) => { (s as XmlParserObject).orderedAttributes = intAttr(v) === 1; } },
    { name: "specified_attributes", get: (s) => PyBool_FromLong((s as XmlParserObject).specifiedAttributes), set: (s, v) => { (s as XmlParserObject).specifiedAttributes = intAttr(v) === 1; } },
    { name: "namespace_prefixes", get: (s) => PyBool_FromLong((s as XmlParserObject).parser.namespacePrefixes), set: (s, v) => { (s as XmlParserObject).parser.namespacePrefixes = intAttr(v) === 1; } },
    { name: "intern", get: (s) => (s as XmlParserObject).intern },
    posGetset("ErrorCode", (p) => p.parser.errorCode),
    posGetset("ErrorLineNumber", (p) => p.parser.errorCode ? p.parser.lineCol(p.parser.errorPos)[0] : p.parser.lineCol(p.parser.eventPos)[0]),
    posGetset("ErrorColumnNumber", (p) => p.parser.errorCode ? p.parser.lineCol(p.parser.errorPos)[1] : p.parser.lineCol(p.parser.eventPos)[1]),
    posGetset("ErrorByteIndex", (p) => p.parser.errorCode ? byteIndex(p, p.parser.errorPos) : -1),
    posGetset("CurrentLineNumber", (p) => p.parser.lineCol(p.parser.eventPos)[0]),
    posGetset("CurrentColumnNumber", (p) => p.parser.lineCol(p.parser.eventPos)[1]),
    posGetset("CurrentByteIndex", (p) => p.parser.buf.length === 0 ? -1 : byteIndex(p, p.parser.eventPos)),
  ],
}, Xmlparser_Type);

function ParserCreate(_m: PyVal, args: PyVal[], kwnames: PyVal[] | null): PyVal {
  const [enc, sep, intern] = parseArgs("ParserCreate", args, kwnames, ["encoding", "namespace_separator", "intern"], 0, 3);
  const strOrNone = (v: PyVal | undefined, which: number): string | null => {
    if (v === undefined || v === Py_None) return null;
    if (!PyUnicode_Check(v)) {
      return PyErr_Format(PyExc_TypeError, `ParserCreate() argument ${which === 1 ? "'encoding'" : "'namespace_separator'"} must be str or None, not ${Py_TYPE(v).tp_name}`);
    }
    return v.value;
  };
  const e = strOrNone(enc, 1);
  const ns = strOrNone(sep, 2);
  if (ns !== null && ns.length > 1) return PyErr_Format(PyExc_ValueError, "namespace_separator must be at most one character, omitted, or None");
  let internDict: PyVal;
  if (intern === undefined) internDict = PyDict_New();
  else if (intern === Py_None) internDict = Py_None;
  else if (!(intern instanceof PyDictObject)) return PyErr_Format(PyExc_TypeError, "intern must be a dictionary");
  else internDict = intern;
  return new XmlParserObject(Xmlparser_Type, e, ns, internDict);
}

function makeSubmodules(): [PyModuleObject, PyModuleObject] {
  const errors = PyModule_New("pyexpat.errors");
  const names = ["XML_ERROR_NO_MEMORY", "XML_ERROR_SYNTAX", "XML_ERROR_NO_ELEMENTS", "XML_ERROR_INVALID_TOKEN",
    "XML_ERROR_UNCLOSED_TOKEN", "XML_ERROR_PARTIAL_CHAR", "XML_ERROR_TAG_MISMATCH", "XML_ERROR_DUPLICATE_ATTRIBUTE",
    "XML_ERROR_JUNK_AFTER_DOC_ELEMENT", "XML_ERROR_PARAM_ENTITY_REF", "XML_ERROR_UNDEFINED_ENTITY",
    "XML_ERROR_RECURSIVE_ENTITY_REF", "XML_ERROR_ASYNC_ENTITY", "XML_ERROR_BAD_CHAR_REF", "XML_ERROR_BINARY_ENTITY_REF",
    "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF", "XML_ERROR_MISPLACED_XML_PI", "XML_ERROR_UNKNOWN_ENCODING",
    "XML_ERROR_INCORRECT_ENCODING", "XML_ERROR_UNCLOSED_CDATA_SECTION", "XML_ERROR_EXTERNAL_ENTITY_HANDLING",
    "XML_ERROR_NOT_STANDALONE", "XML_ERROR_UNEXPECTED_STATE", "XML_ERROR_ENTITY_DECLARED_IN_PE",
    "XML_ERROR_FEATURE_REQUIRES_XML_DTD", "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING", "XML_ERROR_UNBOUND_PREFIX",
    "XML_ERROR_UNDECLARING_PREFIX", "XML_ERROR_INCOMPLETE_PE", "XML_ERROR_XML_DECL", "XML_ERROR_TEXT_DECL",
    "XML_ERROR_PUBLICID", "XML_ERROR_SUSPENDED", "XML_ERROR_NOT_SUSPENDED", "XML_ERROR_ABORTED", "XML_ERROR_FINISHED",
    "XML_ERROR_SUSPEND_PE", "XML_ERROR_RESERVED_PREFIX_XML", "XML_ERROR_RESERVED_PREFIX_XMLNS",
    "XML_ERROR_RESERVED_NAMESPACE_URI", "XML_ERROR_INVALID_ARGUMENT", "XML_ERROR_NO_BUFFER",
    "XML_ERROR_AMPLIFICATION_LIMIT_BREACH"];
  const codes = PyDict_New(), messages = PyDict_New();
  names.forEach((n, i) => {
    const msg = PyUnicode_FromString(XML_ERROR_STRINGS[i + 1]!);
    PyDict_SetItemString(errors.dict!, n, msg);
    PyDict_SetItem(codes, msg, i + 1);
    PyDict_SetItem(messages, i + 1, msg);
  });
  PyDict_SetItemString(errors.dict!, "codes", codes);
  PyDict_SetItemString(errors.dict!, "messages", messages);
  PyDict_SetItemString(errors.dict!, "__doc__", PyUnicode_FromString("Constants used to describe error conditions."));
  const model = PyModule_New("pyexpat.model");
  const consts: [string, number][] = [["XML_CTYPE_EMPTY", 1], ["XML_CTYPE_ANY", 2], ["XML_CTYPE_MIXED", 3],
    ["XML_CTYPE_NAME", 4], ["XML_CTYPE_CHOICE", 5], ["XML_CTYPE_SEQ", 6], ["XML_CQUANT_NONE", 0], ["XML_CQUANT_OPT", 1],
    ["XML_CQUANT_REP", 2], ["XML_CQUANT_PLUS", 3]];
  for (const [k, v] of consts) PyDict_SetItemString(model.dict!, k, v);
  PyDict_SetItemString(model.dict!, "__doc__", PyUnicode_FromString("Constants used to interpret content model information."));
  return [errors, model];
}

export const pyexpatmodule: PyModuleDef = {
  m_name: "pyexpat",
  m_doc: "Python wrapper for Expat parser.",
  m_methods: [
    { name: "ParserCreate", meth: ParserCreate, flags: METH_FASTCALL | METH_KEYWORDS, doc: "Return a new XML parser object." },
    { name: "ErrorString", meth: (_m: PyVal, code: PyVal) => {
      const n = Number(longValue(code));
      const s = XML_ERROR_STRINGS[n];
      return s === undefined || s === null ? Py_None : PyUnicode_FromString(s);
    }, flags: METH_O, doc: "Returns string error for given number." },
  ],
  m_exec: (m) => {
    if (ExpatError === null) {
      const ns = PyDict_New();
      PyDict_SetItemString(ns, "__module__", PyUnicode_FromString("xml.parsers.expat"));
      ExpatError = PyObject_Vectorcall(Py_TYPE(PyExc_Exception), [PyUnicode_FromString("ExpatError"), PyTuple_New([PyExc_Exception]), ns], null) as PyTypeObject;
    }
    PyModule_Add(m, "ExpatError", ExpatError);
    PyModule_Add(m, "error", ExpatError);
    PyModule_Add(m, "XMLParserType", Xmlparser_Type);
    PyModule_Add(m, "EXPAT_VERSION", PyUnicode_FromString("expat_2.6.3"));
    PyModule_Add(m, "version_info", PyTuple_New([2, 6, 3]));
    PyModule_Add(m, "native_encoding", PyUnicode_FromString("UTF-8"));
    const feats: [string, number][] = [["sizeof(XML_Char)", 1], ["sizeof(XML_LChar)", 1], ["XML_DTD", 0],
      ["XML_CONTEXT_BYTES", 1024], ["XML_NS", 0], ["XML_BLAP_MAX_AMP", 100], ["XML_BLAP_ACT_THRES", 8388608], ["XML_GE", 0]];
    PyModule_Add(m, "features", PyList_New(feats.map(([k, v]) => PyTuple_New([PyUnicode_FromString(k), v]))));
    PyModule_Add(m, "XML_PARAM_ENTITY_PARSING_NEVER", 0);
    PyModule_Add(m, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", 1);
    PyModule_Add(m, "XML_PARAM_ENTITY_PARSING_ALWAYS", 2);
    const [errors, model] = makeSubmodules();
    PyModule_Add(m, "errors", errors);
    PyModule_Add(m, "model", model);
  },
};
