// An XML 1.0 parser with expat's behaviour (CPython bundles expat 2.6.3: Modules/expat/xmlparse.c, xmltok.c,
// xmlrole.c): incremental input, the events and their positions, internal entities, namespaces, and expat's error
// codes at expat's positions. No object model here: Modules/pyexpat.c's role is src/modules/pyexpat.ts.

export const XML_ERROR_NONE = 0, XML_ERROR_SYNTAX = 2, XML_ERROR_NO_ELEMENTS = 3, XML_ERROR_INVALID_TOKEN = 4,
  XML_ERROR_UNCLOSED_TOKEN = 5, XML_ERROR_PARTIAL_CHAR = 6, XML_ERROR_TAG_MISMATCH = 7,
  XML_ERROR_DUPLICATE_ATTRIBUTE = 8, XML_ERROR_JUNK_AFTER_DOC_ELEMENT = 9, XML_ERROR_PARAM_ENTITY_REF = 10,
  XML_ERROR_UNDEFINED_ENTITY = 11, XML_ERROR_RECURSIVE_ENTITY_REF = 12, XML_ERROR_BAD_CHAR_REF = 14,
  XML_ERROR_BINARY_ENTITY_REF = 15, XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF = 16, XML_ERROR_MISPLACED_XML_PI = 17,
  XML_ERROR_UNKNOWN_ENCODING = 18, XML_ERROR_INCORRECT_ENCODING = 19, XML_ERROR_UNCLOSED_CDATA_SECTION = 20,
  XML_ERROR_UNBOUND_PREFIX = 27, XML_ERROR_UNDECLARING_PREFIX = 28, XML_ERROR_XML_DECL = 30, XML_ERROR_PUBLICID = 32,
  XML_ERROR_FINISHED = 36, XML_ERROR_RESERVED_PREFIX_XML = 38, XML_ERROR_RESERVED_PREFIX_XMLNS = 39,
  XML_ERROR_RESERVED_NAMESPACE_URI = 40;

/** expat's error messages (XML_ErrorString), indexed by code. */
export const XML_ERROR_STRINGS: readonly (string | null)[] = [
  null, "out of memory", "syntax error", "no element found", "not well-formed (invalid token)", "unclosed token",
  "partial character", "mismatched tag", "duplicate attribute", "junk after document element",
  "illegal parameter entity reference", "undefined entity", "recursive entity reference", "asynchronous entity",
  "reference to invalid character number", "reference to binary entity", "reference to external entity in attribute",
  "XML or text declaration not at start of entity", "unknown encoding",
  "encoding specified in XML declaration is incorrect", "unclosed CDATA section",
  "error in processing external entity reference", "document is not standalone",
  "unexpected parser state - please send a bug report", "entity declared in parameter entity",
  "requested feature requires XML_DTD support in Expat", "cannot change setting once parsing has begun",
  "unbound prefix", "must not undeclare prefix", "incomplete markup in parameter entity",
  "XML declaration not well-formed", "text declaration not well-formed", "illegal character(s) in public id",
  "parser suspended", "parser not suspended", "parsing aborted", "parsing finished",
  "cannot suspend in external parameter entity",
  "reserved prefix (xml) must not be undeclared or bound to another namespace name",
  "reserved prefix (xmlns) must not be declared or undeclared",
  "prefix must not be bound to one of the reserved namespace names", "invalid argument",
  "a successful prior call to function XML_GetBuffer is required",
  "limit on input amplification factor (from DTD and entities) breached",
];

/** The events a parser reports; `has` says whether the user set a handler (else the text goes to `defaultText`). */
export interface XmlSink {
  has(kind: "start" | "end" | "data" | "pi" | "comment" | "cdata" | "xmldecl" | "doctype" | "default" | "skipped"): boolean;
  /** Whether the default handler inhibits internal entity expansion (DefaultHandler, not DefaultHandlerExpand). */
  defaultInhibitsExpansion(): boolean;
  startElement(name: string, attrs: string[]): void;
  endElement(name: string): void;
  characterData(text: string): void;
  processingInstruction(target: string, data: string): void;
  comment(text: string): void;
  startCdata(): void;
  endCdata(): void;
  xmlDecl(version: string | null, encoding: string | null, standalone: number): void;
  startDoctype(name: string, sysid: string | null, pubid: string | null, internalSubset: boolean): void;
  endDoctype(): void;
  entityDecl(name: string, isParam: boolean, value: string | null, sysid: string | null, pubid: string | null, notation: string | null): void;
  startNamespace(prefix: string | null, uri: string | null): void;
  endNamespace(prefix: string | null): void;
  skippedEntity(name: string, isParam: boolean): void;
  defaultText(text: string): void;
}

export class XmlError extends Error {
  code: number;
  pos: number;
  constructor(code: number, pos: number) {
    super(XML_ERROR_STRINGS[code] ?? "unknown error");
    this.code = code;
    this.pos = pos;
  }
}

/** Thrown by scanners when the buffer ends inside a token and more input may come. */
class Incomplete {
  pos: number;
  constructor(pos: number) { this.pos = pos; }
}

const NAME_START = /[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]/u;
const NAME_CHAR = /[-.0-9\u00B7\u0300-\u036F\u203F-\u2040:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]/u;

function isWs(c: string): boolean { return c === " " || c === "\t" || c === "\n" || c === "\r"; }
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

interface Entity { value: string | null; external: boolean; open: boolean }

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: "\"" };
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

const PROLOG = 0, CONTENT = 1, EPILOG = 2;

export class XmlParser {
  /** The decoded text received so far (kept whole: positions index it). */
  buf = "";
  pos = 0;
  state = PROLOG;
  finished = false;
  errorCode = 0;
  errorPos = 0;
  /** Where the current event's markup starts (CurrentLineNumber etc.). */
  eventPos = 0;
  readonly sink: XmlSink;
  readonly nsSep: string | null;
  namespacePrefixes = false;
  private stack: { qname: string; prefixes: (string | null)[] }[] = [];
  private ns = new Map<string | null, string[]>();
  private entities = new Map<string, Entity>();
  private hasExternalSubset = false;
  private standalone = -1;
  private sawRoot = false;
  private lineStarts: number[] = [0];
  private linesScanned = 0;
  constructor(sink: XmlSink, nsSep: string | null) {
    this.sink = sink;
    this.nsSep = nsSep;
  }

  // ---- positions ----

  private scanLines(upto: number): void {
    for (let i = this.linesScanned; i < upto && i < this.buf.length; i++) {
      const c = this.buf.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13 && this.buf.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
    this.linesScanned = Math.max(this.linesScanned, Math.min(upto, this.buf.length));
  }
  /** 1-based line and 0-based column (in characters) of a position. */
  lineCol(p: number): [number, number] {
    this.scanLines(p);
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= p) lo = mid; else hi = mid - 1;
    }
    let col = 0;
    for (let i = this.lineStarts[lo]; i < p; i++) {
      const c = this.buf.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) col++;
    }
    return [lo + 1, col];
  }

  // ---- input ----

  /** Feed text; run as far as the input allows. Throws XmlError. */
  feed(text: string, final: boolean): void {
    if (this.finished) throw new XmlError(XML_ERROR_FINISHED, this.pos);
    if (this.errorCode) throw new XmlError(this.errorCode, this.errorPos);
    this.buf += text;
    try {
      this.run(final);
      if (final) {
        this.finished = true;
        if (this.state !== EPILOG) throw new XmlError(XML_ERROR_NO_ELEMENTS, this.pos);
      }
    } catch (e) {
      if (e instanceof XmlError) {
        this.errorCode = e.code;
        this.errorPos = e.pos;
      }
      throw e;
    }
  }

  /** Whether the input ends with the current buffer (XML_Parse's isFinal). */
  private final = false;

  private run(final: boolean): void {
    this.final = final;
    const b = () => this.buf;
    while (this.pos < b().length) {
      const start = this.pos;
      try {
        if (this.state === CONTENT) this.content(final);
        else this.prologOrEpilog(final);
      } catch (e) {
        if (e instanceof Incomplete) {
          if (!final) { this.pos = start; return; }
          this.pos = start;
          throw this.incompleteError(start, e.pos);
        }
        throw e;
      }
    }
  }

  private incompleteError(start: number, at: number): XmlError {
    const s = this.buf;
    if (s.startsWith("<![CDATA[", start)) return new XmlError(XML_ERROR_UNCLOSED_CDATA_SECTION, s.length);
    void at;
    if (this.state === CONTENT || s[start] === "<") return new XmlError(XML_ERROR_UNCLOSED_TOKEN, start);
    return new XmlError(XML_ERROR_NO_ELEMENTS, s.length);
  }

  private need(p: number): void {
    if (p >= this.buf.length) throw new Incomplete(p);
  }

  private at(p: number): string {
    this.need(p);
    return this.buf[p];
  }

  /** Code point at p (surrogate pairs joined). */
  private cpAt(p: number): [number, number] {
    this.need(p);
    const c = this.buf.codePointAt(p)!;
    return [c, c > 0xffff ? 2 : 1];
  }

  private scanName(p: number): number {
    const [c, n] = this.cpAt(p);
    if (!NAME_START.test(String.fromCodePoint(c))) throw new XmlError(XML_ERROR_INVALID_TOKEN, p);
    p += n;
    for (;;) {
      const [d, m] = this.cpAt(p);
      if (!NAME_CHAR.test(String.fromCodePoint(d))) return p;
      p += m;
    }
  }

  private skipWs(p: number): number {
    while (isWs(this.at(p))) p++;
    return p;
  }

  private checkChars(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const c = this.buf.charCodeAt(i);
      if (c < 0x20 ? !(c === 9 || c === 10 || c === 13) : (c === 0xfffe || c === 0xffff)) throw new XmlError(XML_ERROR_INVALID_TOKEN, i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = this.buf.charCodeAt(i + 1);
        if (!(d >= 0xdc00 && d <= 0xdfff)) throw new XmlError(XML_ERROR_INVALID_TOKEN, i);
        i++;
      } else if (c >= 0xdc00 && c <= 0xdfff) throw new XmlError(XML_ERROR_INVALID_TOKEN, i);
    }
  }

  // ---- prolog and epilog ----

  private prologOrEpilog(final: boolean): void {
    const s = this.buf;
    const p = this.pos;
    const c = s[p];
    if (p === 0 && c === "\uFEFF") { this.pos = 1; return; }
    if (isWs(c)) {
      let q = p;
      while (q < s.length && isWs(s[q])) q++;
      if (q === s.length && !final) {
        if (q === p) throw new Incomplete(q);
      }
      this.eventPos = p;
      this.report(normalizeNewlines(s.slice(p, q)));
      this.pos = q;
      return;
    }
    if (c !== "<") {
      if (this.state === EPILOG) throw new XmlError(XML_ERROR_JUNK_AFTER_DOC_ELEMENT, p);
      throw new XmlError(XML_ERROR_SYNTAX, p);
    }
    const d = this.at(p + 1);
    if (d === "?") { this.pi(p); return; }
    if (d === "!") {
      if (this.at(p + 2) === "-") { this.comment(p); return; }
      if (this.state === PROLOG && s.startsWith("<!DOCTYPE", p)) { this.doctype(p); return; }
      for (let i = 2; i < 9; i++) if (s[p + i] === undefined) throw new Incomplete(p + i);
      throw new XmlError(this.state === EPILOG ? XML_ERROR_JUNK_AFTER_DOC_ELEMENT : XML_ERROR_SYNTAX, p);
    }
    if (this.state === EPILOG) {
      if (d === "/") throw new XmlError(XML_ERROR_INVALID_TOKEN, p + 1);
      throw new XmlError(XML_ERROR_JUNK_AFTER_DOC_ELEMENT, p);
    }
    this.startTag(p);
  }

  /** Text that has no handler of its own goes to the default handler. */
  private report(text: string): void {
    if (this.sink.has("default") && text !== "") this.sink.defaultText(text);
  }

  private pi(p: number): void {
    const s = this.buf;
    const nameEnd = this.scanName(p + 2);
    const target = s.slice(p + 2, nameEnd);
    let q = nameEnd;
    let data = "";
    if (this.at(q) === "?") {
      if (this.at(q + 1) !== ">") throw new XmlError(XML_ERROR_INVALID_TOKEN, q + 1);
      q += 2;
    } else {
      if (!isWs(this.at(q))) throw new XmlError(XML_ERROR_INVALID_TOKEN, q);
      q = this.skipWs(q);
      const end = s.indexOf("?>", q);
      if (end < 0) throw new Incomplete(s.length);
      this.checkChars(q, end);
      data = normalizeNewlines(s.slice(q, end));
      q = end + 2;
    }
    if (target.toLowerCase() === "xml") {
      if (target === "xml" && p === 0 && this.state === PROLOG) {
        this.xmlDecl(p, data, q);
        this.pos = q;
        return;
      }
      throw new XmlError(target === "xml" ? XML_ERROR_MISPLACED_XML_PI : XML_ERROR_INVALID_TOKEN, p);
    }
    this.eventPos = p;
    this.flushSkip();
    if (this.sink.has("pi")) this.sink.processingInstruction(target, data);
    else this.report(s.slice(p, q));
    this.pos = q;
  }

  private flushSkip(): void { /* hook kept for symmetry with expat's buffered data flush */ }

  private xmlDecl(p: number, data: string, end: number): void {
    // Pseudo-attributes in order: version, then optional encoding and standalone; an error points at the first
    // one out of place (expat's XmlParseXmlDecl).
    const dataStart = end - 2 - data.length;
    const re = /([A-Za-z]+)\s*=\s*("([^"]*)"|'([^']*)')\s*/y;
    const got: Record<string, string> = {};
    const order = ["version", "encoding", "standalone"];
    let i = 0, k = 0;
    while (i < data.length) {
      re.lastIndex = i;
      const m = re.exec(data);
      if (m === null) throw new XmlError(XML_ERROR_XML_DECL, dataStart + i);
      const name = m[1], val = m[3] ?? m[4];
      const idx = order.indexOf(name, k);
      if (idx < 0 || (k === 0 && name !== "version")) throw new XmlError(XML_ERROR_XML_DECL, dataStart + i);
      if (name === "encoding" && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(val)) throw new XmlError(XML_ERROR_XML_DECL, dataStart + i);
      if (name === "standalone" && val !== "yes" && val !== "no") throw new XmlError(XML_ERROR_XML_DECL, dataStart + i);
      got[name] = val;
      k = idx + 1;
      i = re.lastIndex;
    }
    if (got.version === undefined) throw new XmlError(XML_ERROR_XML_DECL, dataStart);
    const version = got.version;
    const encoding = got.encoding ?? null;
    const sa = got.standalone;
    this.standalone = sa === undefined ? -1 : sa === "yes" ? 1 : 0;
    void p;
    this.eventPos = p;
    if (this.sink.has("xmldecl")) this.sink.xmlDecl(version, encoding, this.standalone);
    else this.report(this.buf.slice(p, end));
  }

  private comment(p: number): void {
    const s = this.buf;
    if (this.at(p + 3) !== "-") throw new XmlError(XML_ERROR_INVALID_TOKEN, p + 3);
    let q = p + 4;
    for (;;) {
      const i = s.indexOf("--", q);
      if (i < 0) { this.checkChars(p + 4, s.length); throw new Incomplete(s.length); }
      if (this.at(i + 2) !== ">") throw new XmlError(XML_ERROR_INVALID_TOKEN, i + 2);
      this.checkChars(p + 4, i);
      q = i + 3;
      this.eventPos = p;
      if (this.sink.has("comment")) this.sink.comment(normalizeNewlines(s.slice(p + 4, i)));
      else this.report(s.slice(p, q));
      this.pos = q;
      return;
    }
  }

  private quoted(p: number): [string, number] {
    const q = this.at(p);
    if (q !== "\"" && q !== "'") throw new XmlError(XML_ERROR_SYNTAX, p);
    const end = this.buf.indexOf(q, p + 1);
    if (end < 0) throw new Incomplete(this.buf.length);
    return [this.buf.slice(p + 1, end), end + 1];
  }

  private doctype(p: number): void {
    const s = this.buf;
    // Everything up to the closing '>' (outside quotes and the internal subset) must be present first.
    let q = p + 9;
    let inSubset = false;
    for (;;) {
      const c = this.at(q);
      if (c === "\"" || c === "'") { const e = s.indexOf(c, q + 1); if (e < 0) throw new Incomplete(s.length); q = e + 1; continue; }
      if (!inSubset && c === "[") inSubset = true;
      else if (inSubset && c === "]") inSubset = false;
      else if (inSubset && s.startsWith("<!--", q)) { const e = s.indexOf("-->", q + 4); if (e < 0) throw new Incomplete(s.length); q = e + 3; continue; }
      else if (!inSubset && c === ">") break;
      q++;
    }
    const end = q + 1;
    const pieces: string[] = ["<!DOCTYPE"];
    let r = p + 9;
    if (!isWs(this.at(r))) throw new XmlError(XML_ERROR_INVALID_TOKEN, r);
    const ws = (): void => { const t = this.skipWs(r); if (t > r) pieces.push(s.slice(r, t)); r = t; };
    ws();
    const nameEnd = this.scanName(r);
    const name = s.slice(r, nameEnd);
    pieces.push(name);
    r = nameEnd;
    ws();
    let sysid: string | null = null, pubid: string | null = null;
    if (s.startsWith("SYSTEM", r)) {
      pieces.push("SYSTEM"); r += 6; ws();
      const [v, e] = this.quoted(r); pieces.push(s.slice(r, e)); sysid = v; r = e; ws();
    } else if (s.startsWith("PUBLIC", r)) {
      pieces.push("PUBLIC"); r += 6; ws();
      const [pv, e] = this.quoted(r); pieces.push(s.slice(r, e));
      if (!/^[ \r\na-zA-Z0-9'()+,./:=?;!*#@$_%-]*$/.test(pv)) throw new XmlError(XML_ERROR_PUBLICID, r);
      pubid = pv.replace(/\s+/g, " ").trim(); r = e; ws();
      const [sv, e2] = this.quoted(r); pieces.push(s.slice(r, e2)); sysid = sv; r = e2; ws();
    }
    if (sysid !== null) this.hasExternalSubset = true;
    const hasSubset = s[r] === "[";
    this.eventPos = r;
    const doctypeHandled = this.sink.has("doctype");
    if (doctypeHandled) this.sink.startDoctype(name, sysid, pubid, hasSubset);
    else for (const piece of pieces) this.report(piece);
    if (hasSubset) {
      if (!doctypeHandled) this.report("[");
      r = this.internalSubset(r + 1);
      if (!doctypeHandled) this.report("]");
      r++;
      const t = this.skipWs(r);
      if (!doctypeHandled && t > r) this.report(s.slice(r, t));
      r = t;
    }
    if (s[r] !== ">") throw new XmlError(XML_ERROR_SYNTAX, r);
    this.eventPos = r;
    if (doctypeHandled) this.sink.endDoctype();
    else this.report(">");
    this.pos = end;
  }

  /** The internal subset from `p` to its ']'; entity declarations are recorded, other declarations skipped. */
  private internalSubset(p: number): number {
    const s = this.buf;
    for (;;) {
      p = this.skipWs(p);
      if (s[p] === "]") return p;
      if (s.startsWith("<!ENTITY", p)) { p = this.entityDecl(p); continue; }
      if (s.startsWith("<!--", p)) { const e = s.indexOf("-->", p + 4); p = e + 3; continue; }
      if (s.startsWith("<?", p)) { const e = s.indexOf("?>", p + 2); if (e < 0) throw new XmlError(XML_ERROR_SYNTAX, p); p = e + 2; continue; }
      if (s.startsWith("<!ELEMENT", p) || s.startsWith("<!ATTLIST", p) || s.startsWith("<!NOTATION", p)) {
        let q = p + 2;
        while (s[q] !== ">") {
          if (q >= s.length) throw new XmlError(XML_ERROR_SYNTAX, p);
          if (s[q] === "\"" || s[q] === "'") q = s.indexOf(s[q], q + 1);
          q++;
        }
        p = q + 1;
        continue;
      }
      if (s[p] === "%") {
        // A parameter-entity reference: its declarations are not read (no external DTD processing).
        const e = this.scanName(p + 1);
        if (s[e] !== ";") throw new XmlError(XML_ERROR_INVALID_TOKEN, e);
        this.hasExternalSubset = true;
        p = e + 1;
        continue;
      }
      throw new XmlError(XML_ERROR_SYNTAX, p);
    }
  }

  private entityDecl(p: number): number {
    const s = this.buf;
    let r = this.skipWs(p + 8);
    let isParam = false;
    if (s[r] === "%") { isParam = true; r = this.skipWs(r + 1); }
    const nameEnd = this.scanName(r);
    const name = s.slice(r, nameEnd);
    r = this.skipWs(nameEnd);
    let value: string | null = null, sysid: string | null = null, pubid: string | null = null, notation: string | null = null;
    const valuePos = r;
    if (s[r] === "\"" || s[r] === "'") {
      const [v, e] = this.quoted(r);
      value = this.entityValue(v, r + 1);
      r = e;
    } else {
      if (s.startsWith("SYSTEM", r)) { r = this.skipWs(r + 6); const [v, e] = this.quoted(r); sysid = v; r = e; }
      else if (s.startsWith("PUBLIC", r)) {
        r = this.skipWs(r + 6); const [pv, e] = this.quoted(r); pubid = pv; r = this.skipWs(e);
        const [sv, e2] = this.quoted(r); sysid = sv; r = e2;
      } else throw new XmlError(XML_ERROR_SYNTAX, r);
      const t = this.skipWs(r);
      if (s.startsWith("NDATA", t)) { const u = this.skipWs(t + 5); const ne = this.scanName(u); notation = s.slice(u, ne); r = ne; }
    }
    r = this.skipWs(r);
    if (s[r] !== ">") throw new XmlError(XML_ERROR_SYNTAX, r);
    if (!isParam && !this.entities.has(name)) this.entities.set(name, { value, external: value === null, open: false });
    this.eventPos = valuePos;
    if (this.sink.has("doctype")) this.sink.entityDecl(name, isParam, value, sysid, pubid, notation);
    return r + 1;
  }

  /** An entity's literal value with character references replaced (general entity references stay). */
  private entityValue(v: string, at: number): string {
    return v.replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (_m, n: string, off: number) => {
      const cp = n[0] === "x" ? parseInt(n.slice(1), 16) : parseInt(n, 10);
      if (!isXmlChar(cp)) throw new XmlError(XML_ERROR_BAD_CHAR_REF, at + off);
      return String.fromCodePoint(cp);
    });
  }

  // ---- content ----

  private content(final: boolean): void {
    const s = this.buf;
    const p = this.pos;
    const c = s[p];
    if (c === "<") {
      const d = this.at(p + 1);
      if (d === "/") { this.endTag(p); return; }
      if (d === "?") { this.pi(p); return; }
      if (d === "!") {
        if (this.at(p + 2) === "-") { this.comment(p); return; }
        for (let i = 2; i < 9; i++) if (s[p + i] === undefined) throw new Incomplete(p + i);
        if (s.startsWith("<![CDATA[", p)) { this.cdata(p); return; }
        throw new XmlError(XML_ERROR_INVALID_TOKEN, p + 2);
      }
      this.startTag(p);
      return;
    }
    if (c === "&") { this.reference(p); return; }
    // A run of text: up to a newline (reported on its own), '<', '&' or the end of the input.
    let q = p;
    if (c === "\n" || c === "\r") {
      q = c === "\r" && s[p + 1] === "\n" ? p + 2 : p + 1;
      if (c === "\r" && q === s.length && !final) throw new Incomplete(q);
      this.eventPos = p;
      this.data("\n", p, q);
      this.pos = q;
      return;
    }
    while (q < s.length) {
      const ch = s[q];
      if (ch === "<" || ch === "&" || ch === "\n" || ch === "\r") break;
      if (ch === "]" && s.startsWith("]]>", q)) throw new XmlError(XML_ERROR_INVALID_TOKEN, q + 2);
      if (ch === "]" && (s.length - q < 3) && !final && "]]>".startsWith(s.slice(q))) break;
      q++;
    }
    if (q === p) throw new Incomplete(q);
    this.checkChars(p, q);
    this.eventPos = p;
    this.data(s.slice(p, q), p, q);
    this.pos = q;
  }

  private data(text: string, from: number, to: number): void {
    if (this.sink.has("data")) this.sink.characterData(text);
    else this.report(this.buf.slice(from, to).replace(/\r\n?/g, "\n"));
  }

  private cdata(p: number): void {
    const s = this.buf;
    let end = s.indexOf("]]>", p + 9);
    const unclosed = end < 0;
    if (unclosed) {
      this.checkChars(p + 9, s.length);
      if (!this.final) throw new Incomplete(s.length);
      end = s.length;
    }
    this.checkChars(p + 9, end);
    this.eventPos = p;
    const handled = this.sink.has("cdata");
    if (handled) this.sink.startCdata(); else this.report("<![CDATA[");
    // The section's text is reported line by line, as expat's data tokens.
    const body = s.slice(p + 9, end);
    let i = 0;
    while (i < body.length) {
      this.eventPos = p + 9 + i;
      if (body[i] === "\n" || body[i] === "\r") {
        const n = body[i] === "\r" && body[i + 1] === "\n" ? 2 : 1;
        this.data("\n", p + 9 + i, p + 9 + i + n);
        i += n;
        continue;
      }
      let j = i;
      while (j < body.length && body[j] !== "\n" && body[j] !== "\r") j++;
      this.data(body.slice(i, j), p + 9 + i, p + 9 + j);
      i = j;
    }
    if (unclosed) throw new XmlError(XML_ERROR_UNCLOSED_CDATA_SECTION, s.length);
    this.eventPos = end;
    if (handled) this.sink.endCdata(); else this.report("]]>");
    this.pos = end + 3;
  }

  /** A character or entity reference in content. */
  private reference(p: number): void {
    const s = this.buf;
    if (this.at(p + 1) === "#") {
      let q = p + 2;
      const hex = this.at(q) === "x";
      if (hex) q++;
      const start = q;
      while (hex ? /[0-9a-fA-F]/.test(this.at(q)) : /[0-9]/.test(this.at(q))) q++;
      if (q === start || this.at(q) !== ";") throw new XmlError(XML_ERROR_INVALID_TOKEN, q);
      const cp = parseInt(s.slice(start, q), hex ? 16 : 10);
      if (!isXmlChar(cp)) throw new XmlError(XML_ERROR_BAD_CHAR_REF, p);
      this.eventPos = p;
      this.data(String.fromCodePoint(cp), p, q + 1);
      this.pos = q + 1;
      return;
    }
    const nameEnd = this.scanName(p + 1);
    if (this.at(nameEnd) !== ";") throw new XmlError(XML_ERROR_INVALID_TOKEN, nameEnd);
    const name = s.slice(p + 1, nameEnd);
    this.pos = nameEnd + 1;
    this.eventPos = p;
    const pre = PREDEFINED[name];
    if (pre !== undefined) {
      if (this.sink.has("data")) this.sink.characterData(pre);
      else this.report(s.slice(p, nameEnd + 1));
      return;
    }
    const ent = this.entities.get(name);
    if (ent === undefined) {
      if (this.hasExternalSubset && this.standalone !== 1) {
        if (this.sink.has("skipped")) this.sink.skippedEntity(name, false);
        else this.report(s.slice(p, nameEnd + 1));
        return;
      }
      throw new XmlError(XML_ERROR_UNDEFINED_ENTITY, p);
    }
    if (ent.external) {
      this.report(s.slice(p, nameEnd + 1));
      return;
    }
    if (this.sink.defaultInhibitsExpansion()) {
      this.report(s.slice(p, nameEnd + 1));
      return;
    }
    this.expandEntity(ent, p);
  }

  /** Parse an internal entity's replacement text as content, reporting events at the reference's position. */
  private expandEntity(ent: Entity, refPos: number): void {
    if (ent.open) throw new XmlError(XML_ERROR_RECURSIVE_ENTITY_REF, refPos);
    ent.open = true;
    const text = ent.value!;
    const inner = new XmlParser(this.sink, this.nsSep);
    inner.entities = this.entities;
    inner.hasExternalSubset = this.hasExternalSubset;
    inner.standalone = this.standalone;
    inner.state = CONTENT;
    inner.stack = [{ qname: "\u0000entity", prefixes: [] }];
    inner.ns = this.ns;
    inner.namespacePrefixes = this.namespacePrefixes;
    inner.buf = text;
    inner.eventPos = refPos;
    inner.fixedEventPos = refPos;
    try {
      while (inner.pos < text.length) inner.content(true);
    } catch (e) {
      if (e instanceof XmlError) throw new XmlError(e.code === XML_ERROR_RECURSIVE_ENTITY_REF ? e.code : e.code, refPos);
      if (e instanceof Incomplete) throw new XmlError(XML_ERROR_UNCLOSED_TOKEN, refPos);
      throw e;
    } finally {
      ent.open = false;
    }
    if (inner.stack.length !== 1) throw new XmlError(XML_ERROR_ASYNC_ENTITY, refPos);
  }
  /** Inside an entity's expansion every event is reported at the reference. */
  fixedEventPos = -1;

  // ---- tags ----

  private startTag(p: number): void {
    const s = this.buf;
    const nameEnd = this.scanName(p + 1);
    const qname = s.slice(p + 1, nameEnd);
    let r = nameEnd;
    const raw: { name: string; value: string; pos: number }[] = [];
    let empty = false;
    for (;;) {
      const c = this.at(r);
      if (c === ">") { r++; break; }
      if (c === "/") {
        if (this.at(r + 1) !== ">") throw new XmlError(XML_ERROR_INVALID_TOKEN, r + 1);
        empty = true;
        r += 2;
        break;
      }
      if (!isWs(c)) throw new XmlError(XML_ERROR_INVALID_TOKEN, r);
      r = this.skipWs(r);
      const c2 = this.at(r);
      if (c2 === ">" || c2 === "/") continue;
      const an = r;
      const ae = this.scanName(r);
      r = this.skipWs(ae);
      if (this.at(r) !== "=") throw new XmlError(XML_ERROR_INVALID_TOKEN, r);
      r = this.skipWs(r + 1);
      const q = this.at(r);
      if (q !== "\"" && q !== "'") throw new XmlError(XML_ERROR_INVALID_TOKEN, r);
      let e = r + 1;
      for (;;) {
        const ch = this.at(e);
        if (ch === q) break;
        if (ch === "<") throw new XmlError(XML_ERROR_INVALID_TOKEN, e);
        e++;
      }
      this.checkChars(r + 1, e);
      const name = s.slice(an, ae);
      for (const a of raw) if (a.name === name) throw new XmlError(XML_ERROR_DUPLICATE_ATTRIBUTE, an);
      raw.push({ name, value: this.attrValue(s.slice(r + 1, e), r + 1), pos: an });
      r = e + 1;
      const after = this.at(r);
      if (!isWs(after) && after !== ">" && after !== "/") throw new XmlError(XML_ERROR_INVALID_TOKEN, r);
    }
    this.eventPos = this.fixedEventPos >= 0 ? this.fixedEventPos : p;
    if (this.state === PROLOG) { this.state = CONTENT; this.sawRoot = true; }
    const prefixes: (string | null)[] = [];
    let name = qname;
    let attrs: string[] = [];
    if (this.nsSep !== null) {
      const plain: { name: string; value: string; pos: number }[] = [];
      for (const a of raw) {
        if (a.name === "xmlns" || a.name.startsWith("xmlns:")) {
          const prefix = a.name === "xmlns" ? null : a.name.slice(6);
          const uri = a.value;
          if (prefix === "xmlns") throw new XmlError(XML_ERROR_RESERVED_PREFIX_XMLNS, p);
          if (prefix === "xml" && uri !== XML_NS) throw new XmlError(XML_ERROR_RESERVED_PREFIX_XML, p);
          if (prefix !== "xml" && (uri === XML_NS || uri === XMLNS_NS)) throw new XmlError(XML_ERROR_RESERVED_NAMESPACE_URI, p);
          if (prefix !== null && uri === "") throw new XmlError(XML_ERROR_UNDECLARING_PREFIX, p);
          let stk = this.ns.get(prefix);
          if (stk === undefined) { stk = []; this.ns.set(prefix, stk); }
          stk.push(uri);
          prefixes.push(prefix);
          if (this.sink.has("start")) { /* the namespace handler runs whatever the element handler */ }
          this.sink.startNamespace(prefix, uri === "" ? null : uri);
        } else plain.push(a);
      }
      name = this.expand(qname, true, p);
      const seen = new Set<string>();
      for (const a of plain) {
        const en = this.expand(a.name, false, p);
        if (seen.has(en)) throw new XmlError(XML_ERROR_DUPLICATE_ATTRIBUTE, a.pos);
        seen.add(en);
        attrs.push(en, a.value);
      }
    } else {
      attrs = raw.flatMap((a) => [a.name, a.value]);
    }
    this.stack.push({ qname, prefixes });
    this.pos = r;
    if (this.sink.has("start")) this.sink.startElement(name, attrs);
    else this.report(s.slice(p, r));
    if (empty) {
      this.eventPos = this.fixedEventPos >= 0 ? this.fixedEventPos : r;
      this.closeElement(name, "");
    }
  }

  /** A qualified name with its namespace (name expansion for namespace_separator parsers). */
  private expand(qname: string, isElement: boolean, at: number): string {
    const i = qname.indexOf(":");
    const sep = this.nsSep!;
    if (i < 0) {
      if (!isElement) return qname;
      const stk = this.ns.get(null);
      const uri = stk !== undefined && stk.length ? stk[stk.length - 1] : "";
      return uri === "" ? qname : uri + sep + qname;
    }
    const prefix = qname.slice(0, i), local = qname.slice(i + 1);
    let uri: string | undefined;
    if (prefix === "xml") uri = XML_NS;
    else {
      const stk = this.ns.get(prefix);
      uri = stk !== undefined && stk.length ? stk[stk.length - 1] : undefined;
    }
    if (uri === undefined) throw new XmlError(XML_ERROR_UNBOUND_PREFIX, at);
    return uri + sep + local + (this.namespacePrefixes ? sep + prefix : "");
  }

  /** Attribute-value normalization: references replaced, white space characters become spaces. */
  private attrValue(v: string, at: number, depth = 0): string {
    let out = "";
    for (let i = 0; i < v.length; i++) {
      const c = v[i];
      if (c === "&") {
        const semi = v.indexOf(";", i);
        if (semi < 0) throw new XmlError(XML_ERROR_INVALID_TOKEN, at + i);
        const ref = v.slice(i + 1, semi);
        if (ref[0] === "#") {
          const hex = ref[1] === "x";
          const digits = ref.slice(hex ? 2 : 1);
          if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) throw new XmlError(XML_ERROR_INVALID_TOKEN, at + i);
          const cp = parseInt(digits, hex ? 16 : 10);
          if (!isXmlChar(cp)) throw new XmlError(XML_ERROR_BAD_CHAR_REF, at + i);
          out += String.fromCodePoint(cp);
        } else {
          if (!/^[:A-Z_a-z\u00C0-\uFFFD][-.0-9:A-Z_a-z\u00B7\u00C0-\uFFFD]*$/.test(ref)) throw new XmlError(XML_ERROR_INVALID_TOKEN, at + i);
          const pre = PREDEFINED[ref];
          if (pre !== undefined) out += pre;
          else {
            const ent = this.entities.get(ref);
            if (ent === undefined) {
              if (!(this.hasExternalSubset && this.standalone !== 1)) throw new XmlError(XML_ERROR_UNDEFINED_ENTITY, at + i);
            } else if (ent.external) throw new XmlError(XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF, at + i);
            else {
              if (ent.open || depth > 40) throw new XmlError(XML_ERROR_RECURSIVE_ENTITY_REF, at + i);
              if (ent.value!.includes("<")) throw new XmlError(XML_ERROR_INVALID_TOKEN, at + i);
              ent.open = true;
              try { out += this.attrValue(ent.value!, at + i, depth + 1); } finally { ent.open = false; }
            }
          }
        }
        i = semi;
      } else if (c === "\r") {
        out += " ";
        if (v[i + 1] === "\n") i++;
      } else if (c === "\t" || c === "\n") out += " ";
      else out += c;
    }
    return out;
  }

  private endTag(p: number): void {
    const s = this.buf;
    const nameEnd = this.scanName(p + 2);
    const qname = s.slice(p + 2, nameEnd);
    const r = this.skipWs(nameEnd);
    if (this.at(r) !== ">") throw new XmlError(XML_ERROR_INVALID_TOKEN, r);
    const top = this.stack[this.stack.length - 1];
    if (top === undefined || top.qname !== qname) throw new XmlError(XML_ERROR_TAG_MISMATCH, p + 2);
    this.eventPos = this.fixedEventPos >= 0 ? this.fixedEventPos : p;
    this.pos = r + 1;
    const name = this.nsSep !== null ? this.expand(qname, true, p) : qname;
    this.closeElement(name, s.slice(p, r + 1));
  }

  private closeElement(name: string, text: string): void {
    const top = this.stack.pop()!;
    if (this.sink.has("end")) this.sink.endElement(name);
    else if (text !== "") this.report(text);
    for (let i = top.prefixes.length - 1; i >= 0; i--) {
      const prefix = top.prefixes[i];
      this.ns.get(prefix)!.pop();
      this.sink.endNamespace(prefix);
    }
    if (this.stack.length === 0) this.state = EPILOG;
  }
}

function normalizeNewlines(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

export const XML_ERROR_ASYNC_ENTITY = 13;
