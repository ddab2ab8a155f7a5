// Syntax errors raised by the front end (tokenizer, parser, symbol table, compiler) before Python objects exist.
// CPython raises SyntaxError/IndentationError/TabError objects directly (Parser/pegen_errors.c); the runtime converts
// a FrontEndSyntaxError into those exception objects with the same six fields. See docs/parser.md.

export type SyntaxErrorKind = "SyntaxError" | "IndentationError" | "TabError";

export class FrontEndSyntaxError extends Error {
  readonly kind: SyntaxErrorKind;
  readonly msg: string;
  /** null where CPython's SyntaxError has filename None (compile()'s checks before parsing). */
  readonly filename: string | null;
  /**
   * 1-based line; offset and end_offset are 1-based character (code point) columns, as CPython's SyntaxError exposes.
   * null where CPython leaves the field None: all four for errors raised before tokenizing (null bytes in a str
   * source), the end fields for tokenizer-initialisation errors (PEP 263 declarations: `(filename, 0, -1, None)`).
   */
  readonly lineno: number | null;
  readonly offset: number | null;
  readonly end_lineno: number | null;
  readonly end_offset: number | null;
  /** The source line(s) the error refers to, with its newline, or null when unknown. */
  readonly text: string | null;

  constructor(
    kind: SyntaxErrorKind,
    msg: string,
    filename: string | null,
    lineno: number | null,
    offset: number | null,
    end_lineno: number | null,
    end_offset: number | null,
    text: string | null,
  ) {
    super(msg);
    this.kind = kind;
    this.msg = msg;
    this.filename = filename;
    this.lineno = lineno;
    this.offset = offset;
    this.end_lineno = end_lineno;
    this.end_offset = end_offset;
    this.text = text;
  }
}

/**
 * An exception other than SyntaxError that escapes CPython's front end unchanged: a UnicodeDecodeError from an
 * f-string part or met while pegen tokenizes the rest of the source for a better error, a UnicodeEncodeError for a
 * str source holding lone surrogates (bltinmodule.c source_as_string). `msg` is str() of the exception.
 */
export class FrontEndError extends Error {
  readonly kind: "UnicodeDecodeError" | "UnicodeEncodeError";
  readonly msg: string;
  constructor(kind: "UnicodeDecodeError" | "UnicodeEncodeError", msg: string) {
    super(msg);
    this.kind = kind;
    this.msg = msg;
  }
}

/** A SyntaxError field as Python's %s prints it ("None" for null). */
export function pyField(v: number | string | null): string {
  return v === null ? "None" : String(v);
}

/** Code points of a JS string (Python's len() and slicing count code points, not UTF-16 units). */
function codePoints(s: string): string[] {
  return Array.from(s);
}

function isPySpace(c: string): boolean {
  return /^[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(c);
}

/**
 * The report CPython prints for an uncaught SyntaxError without traceback frames, i.e. the lines that
 * traceback.TracebackException._format_syntax_error yields followed by "Kind: msg".
 */
export function formatSyntaxError(e: FrontEndSyntaxError): string {
  let s = "";
  let filenameSuffix = "";
  if (e.lineno !== null) s += `  File "${e.filename || "<string>"}", line ${e.lineno}\n`;
  else if (e.filename !== null) filenameSuffix = ` (${e.filename})`;
  if (e.text !== null) {
    const rtext = e.text.replace(/\n+$/, "");
    const ltext = rtext.replace(/^[ \n\f]+/, "");
    const rcp = codePoints(rtext);
    const lcp = codePoints(ltext);
    const spaces = rcp.length - lcp.length;
    const textLen = codePoints(e.text).length;
    if (e.offset === null) {
      s += `    ${ltext}\n`;
    } else {
      let offset = e.offset;
      let endOffset = e.lineno === e.end_lineno
        ? (e.end_offset !== null && e.end_offset !== 0 ? e.end_offset : offset)
        : rcp.length + 1;
      if (e.text && offset > textLen) offset = rcp.length + 1;
      if (e.text && endOffset > textLen) endOffset = rcp.length + 1;
      if (offset >= endOffset || endOffset < 0) endOffset = offset + 1;
      const colno = offset - 1 - spaces;
      const endColno = endOffset - 1 - spaces;
      s += `    ${ltext}\n`;
      if (colno >= 0) {
        const caretSpace = lcp.slice(0, colno).map((c) => (isPySpace(c) ? c : " ")).join("");
        s += `    ${caretSpace}${"^".repeat(Math.max(0, endColno - colno))}\n`;
      }
    }
  }
  s += `${e.kind}: ${e.msg || "<no detail available>"}${filenameSuffix}\n`;
  return s;
}

/**
 * A tokenizer error reported through the tokenizer's `done` code (Parser/errcode.h: E_EOF, E_DEDENT, E_TABSPACE,
 * E_TOODEEP, E_LINECONT, ...) rather than raised directly. Its fields are the tokenizer's best knowledge; the parser
 * may re-raise with positions that depend on its own last token, as pegen_errors.c _Pypegen_tokenizer_error does.
 */
export class TokenizerError extends FrontEndSyntaxError {
  readonly done: number;
  constructor(done: number, kind: SyntaxErrorKind, msg: string, filename: string | null, lineno: number, offset: number,
    end_lineno: number, end_offset: number, text: string | null) {
    super(kind, msg, filename, lineno, offset, end_lineno, end_offset, text);
    this.done = done;
  }
}
