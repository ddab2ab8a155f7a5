// The tokenizer: CPython's Parser/lexer/lexer.c (normal and f-string modes), Parser/lexer/state.c (token setup) and
// Parser/tokenizer/ (line reading, PEP 263 decoding in ./tokenizer_helpers.ts). Works on a decoded JS string with
// charCodeAt; positions are string indices converted to UTF-8 byte or code point columns per token. docs/parser.md.
import {
  ENDMARKER, NAME, NUMBER, STRING, NEWLINE, INDENT, DEDENT, OP, COMMENT, NL, ERRORTOKEN, FSTRING_START,
  FSTRING_MIDDLE, FSTRING_END, DOT, ELLIPSIS, COLON, TYPE_COMMENT, TYPE_IGNORE, _PyToken_OneChar, _PyToken_TwoChars, _PyToken_ThreeChars,
} from "./token.js";
import { FrontEndSyntaxError, TokenizerError, type SyntaxErrorKind } from "./errors.js";
import {
  decodeForParser, escapedToBytes, isEscapedByte, isPrintableCodePoint, replaceEscapedBytes, utf8DecodeErrorMessage,
} from "./tokenizer_helpers.js";
import { _PyUnicode_IsXidContinue, _PyUnicode_IsXidStart } from "../unicode/unicodectype.js";

/** One token, as the C tokenizer hands it to the PEG parser (or, with extraTokens, to the tokenize module). */
export interface Token {
  /** Token type from ./token.ts. In parser mode operators carry their exact type (LPAR, PLUS, ...), never OP. */
  readonly type: number;
  /** The token's text exactly as in the source (for STRING, the whole literal with prefix and quotes). */
  readonly string: string;
  /**
   * 1-based line numbers; columns are 0-based UTF-8 byte offsets, as CPython's AST reports them (-1 where CPython's
   * token has no text: INDENT, DEDENT, ENDMARKER in parser mode). With extraTokens they are code point columns, as
   * the tokenize module reports them.
   */
  readonly lineno: number;
  readonly col_offset: number;
  readonly end_lineno: number;
  readonly end_col_offset: number;
  /** Parenthesis nesting level when the token was produced (token->level). */
  readonly level: number;
  /** For the ':', '!' or '}' ending an f-string `=` debug expression: the expression's source text, else null. */
  readonly metadata: string | null;
}

export interface TokenizerOptions {
  /** Filename used in error messages. */
  readonly filename: string;
  /**
   * true: the tokenize module's stream (COMMENT, NL, and the implicit NEWLINE/DEDENTs at EOF; `tokenize -e` output).
   * false: the parser's stream (no comments, no NL).
   */
  readonly extraTokens: boolean;
  /**
   * Parser mode: the source is exec input (compile(..., "exec")), so a last line without a newline gets one and ends
   * with NEWLINE (string_tokenizer.c translate_newlines). Other compile modes read the text as it is: a last line
   * without a newline ends with ENDMARKER alone. Default true.
   */
  readonly execInput?: boolean;
  /**
   * Parser mode: `# type: ...` comments become TYPE_COMMENT tokens and `# type: ignore...` TYPE_IGNORE tokens
   * (PyCF_TYPE_COMMENTS, ast.parse(type_comments=True)). Default false.
   */
  readonly typeComments?: boolean;
  /**
   * Parser mode: the source is a file read as `python FILE` reads it (Parser/tokenizer/file_tokenizer.c): without a
   * declared encoding every line must be UTF-8 when it is read (_PyTokenizer_ensure_utf8), comments included.
   */
  readonly fileInput?: boolean;
  /**
   * The filename names a file on disk holding exactly these bytes, so pegen quotes error lines from it
   * (_PyErr_ProgramDecodedTextObject): see Tokenizer.fileLine. True for ast.parse(data, FILE) of a real FILE.
   */
  readonly sourceIsFile?: boolean;
}

// Parser/errcode.h: the tokenizer's `done` codes.
export const E_OK = 10, E_EOF = 11, E_TOKEN = 13, E_ERROR = 17, E_TABSPACE = 18, E_TOODEEP = 20, E_DEDENT = 21,
  E_DECODE = 22, E_EOFS = 23, E_EOLS = 24, E_LINECONT = 25;

const EOF = -1;
const MAXINDENT = 100; // Parser/tokenizer.h
const MAXLEVEL = 200;
const MAXFSTRINGLEVEL = 150;
const MAX_EXPR_NESTING = 3;
const TABSIZE = 8;
const ALTTABSIZE = 1;

const TOK_REGULAR_MODE = 0;
const TOK_FSTRING_MODE = 1;

/** tokenizer_mode (Parser/lexer/state.h): one entry of the f-string mode stack. */
class TokenizerMode {
  kind: number;
  curly_bracket_depth = 0;
  curly_bracket_expr_start_depth = -1;
  f_string_quote = 0;
  f_string_quote_size = 0;
  f_string_raw = false;
  f_string_start = 0;
  f_string_multi_line_start = 0;
  f_string_line_start = 0;
  /** Index just after the '{' that opened the current expression, or -1 (last_expr_buffer). */
  last_expr_start = -1;
  /** Index of the ':', '!' or '}' that ended it, or -1 (last_expr_end). */
  last_expr_end = -1;
  in_format_spec = false;
  f_string_debug = false;
  constructor(kind: number) {
    this.kind = kind;
  }
}

class TokenImpl implements Token {
  readonly type: number;
  readonly string: string;
  readonly lineno: number;
  readonly col_offset: number;
  readonly end_lineno: number;
  readonly end_col_offset: number;
  readonly level: number;
  readonly metadata: string | null;
  constructor(type: number, string: string, lineno: number, col: number, endLineno: number, endCol: number,
    level: number, metadata: string | null) {
    this.type = type;
    this.string = string;
    this.lineno = lineno;
    this.col_offset = col;
    this.end_lineno = endLineno;
    this.end_col_offset = endCol;
    this.level = level;
    this.metadata = metadata;
  }
}

function isPotentialIdentifierStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c >= 128;
}
function isPotentialIdentifierChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c >= 128;
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isXDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** Thrown inside the lexer to unwind to next(); carries the error to report. */
class LexerAbort {
  readonly error: FrontEndSyntaxError;
  constructor(error: FrontEndSyntaxError) {
    this.error = error;
  }
}

/**
 * Tokenizes a whole source. Input bytes are decoded per PEP 263 (BOM, coding cookie, UTF-8 validity); a JS string
 * is taken as already decoded text (compile() of a str). Errors throw FrontEndSyntaxError with CPython's fields.
 */
export class Tokenizer {
  private readonly src: string;
  private readonly filename: string;
  private readonly extra: boolean;
  /** The source has a character >= 0x80 somewhere: columns need conversion. */
  private readonly nonAscii: boolean;
  /**
   * The source bytes are not all valid UTF-8; the bad ones are U+DC80..U+DCFF in `src` (ParserSource.badBytes), one
   * byte each in columns, shown as U+FFFD in error texts, and an error only inside tokens that need decoding.
   */
  readonly badBytes: boolean;
  /** Index of the first NUL character, or -1. */
  private readonly firstNul: number;
  private readonly hasImplicitNewline: boolean;
  private readonly typeComments: boolean;
  /** fileInput without a declared encoding: lines are checked for bad bytes as they are read. */
  private readonly ensureUtf8: boolean;
  /** sourceIsFile: error lines are quoted as the file holds them. */
  private readonly sourceIsFile: boolean;
  /** The bytes started with a BOM (kept in the line err_programtext reads). */
  private readonly bom: boolean;

  // Reading state (tok->cur, tok->inp, tok->buf, tok->line_start, tok->lineno).
  private cur = 0;
  private inp = 0;
  private buf = 0;
  private line_start = 0;
  private lineno = 0;
  private implicit_newline = false;
  private done = E_OK;
  private start = -1;
  private first_lineno = 0;
  private multi_line_start = 0;

  // Indentation and nesting state.
  private atbol = true;
  private pendin = 0;
  private indent = 0;
  private readonly indstack: number[] = [0];
  private readonly altindstack: number[] = [0];
  private level = 0;
  private readonly parenstack: number[] = [];
  private readonly parenlinenostack: number[] = [];
  private readonly parencolstack: number[] = [];
  private comment_newline = false;
  private readonly modes: TokenizerMode[] = [new TokenizerMode(TOK_REGULAR_MODE)];
  private finished = false;
  private endToken: Token | null = null;
  /** metadata of the token being built (set_fstring_expr). */
  private metadata: string | null = null;

  // Column conversion cache: code point / byte offset of index `colIdx` on the line starting at `colLine`.
  private colLine = -1;
  private colIdx = 0;
  private colVal = 0;

  constructor(source: Uint8Array | string, options: TokenizerOptions) {
    this.filename = options.filename;
    this.extra = options.extraTokens;
    this.typeComments = !this.extra && options.typeComments === true;
    let text: string;
    if (typeof source === "string") {
      text = source;
      this.badBytes = false;
      this.ensureUtf8 = false;
      this.bom = false;
    } else {
      const dec = decodeForParser(source, options.filename);
      text = dec.text;
      this.badBytes = dec.badBytes;
      this.ensureUtf8 = dec.badBytes && !dec.declared && !this.extra && options.fileInput === true;
      this.bom = dec.bom;
    }
    this.sourceIsFile = options.sourceIsFile === true;
    if (!this.extra) {
      // string_tokenizer.c translate_newlines: the parser sees "\n" line ends only.
      if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
    }
    // The underflow functions fake a '\n' after a last line that lacks one (tok->implicit_newline); the parser's
    // string input gets one only in exec mode (translate_newlines).
    this.hasImplicitNewline = text.length > 0 && text.charCodeAt(text.length - 1) !== 0x0a &&
      (this.extra || options.execInput !== false);
    this.src = this.hasImplicitNewline ? text + "\n" : text;
    this.firstNul = text.indexOf("\0");
    let nonAscii = false;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) >= 0x80) { nonAscii = true; break; }
    }
    this.nonAscii = nonAscii;
  }

  /** The next token; after ENDMARKER keeps returning ENDMARKER. */
  next(): Token {
    if (this.endToken !== null) return this.endToken;
    try {
      const t = this.tokGet();
      if (t.type === ENDMARKER) this.endToken = t;
      return t;
    } catch (e) {
      if (e instanceof LexerAbort) throw e.error;
      if (e instanceof RangeError) {
        // Deep recursion is impossible in this lexer; a RangeError means an allocation failed.
        throw new FrontEndSyntaxError("SyntaxError", "too many nested parentheses", this.filename, this.lineno, 0, this.lineno, 0, null);
      }
      throw e;
    }
  }

  /** The text of source line `lineno` (1-based) including its newline, or "" past the end: used in error reports. */
  sourceLine(lineno: number): string {
    let i = 0;
    for (let n = 1; n < lineno; n++) {
      const nl = this.src.indexOf("\n", i);
      if (nl < 0) return "";
      i = nl + 1;
    }
    if (i >= this.src.length) return "";
    const nl = this.src.indexOf("\n", i);
    return this.shown(nl < 0 ? this.src.slice(i) : this.src.slice(i, nl + 1));
  }

  /**
   * The line pegen's errors quote and count columns on when the source is not a file it can re-read
   * (_PyPegen_raise_error_known_location): the tokenizer's buffered line(s) tok->buf..tok->inp when the error is on
   * or after the current line, else line `lineno` alone without its newline (get_error_line_from_tokenizer_buffers).
   */
  errorLine(lineno: number): string {
    if (this.lineno <= lineno && this.inp > this.buf) return this.shown(this.src.slice(this.buf, this.inp));
    const line = this.sourceLine(lineno);
    return line.endsWith("\n") ? line.slice(0, -1) : line;
  }

  /**
   * _PyPegen_fill_token in single-input mode turns the first ENDMARKER into a NEWLINE and makes the tokenizer close
   * the open indentation levels: DEDENTs, then ENDMARKER again.
   */
  implyDedents(): void {
    if (this.indent === 0) return;
    this.pendin = -this.indent;
    this.indent = 0;
    this.endToken = null;
  }

  /** tok->lineno. */
  cursorLineno(): number {
    return this.lineno;
  }

  /** tok->cur - tok->line_start in bytes (pegen's CURRENT_POS column). */
  cursorOffset(): number {
    return this.col(this.line_start, this.cur);
  }

  /** tok->cur - tok->line_start in bytes (0 when tok->cur == tok->buf): where pegen reports position-less tokens. */
  cursorColumn(): number {
    if (this.cur === this.buf) return 0;
    return this.col(this.line_start, this.cur);
  }

  /** pegen.c bad_single_statement: anything but blanks and comments after tok->cur (read without tokenizing). */
  badSingleStatement(): boolean {
    const s = this.src;
    for (let i = this.cur; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c) continue;
      if (c !== 0x23) return true;
      while (i < s.length && s.charCodeAt(i) !== 0x0a) i++;
    }
    return false;
  }

  /**
   * Line `lineno` as Python/errors.c err_programtext reads it from the file: universal newlines, its newline kept
   * (none on a last line without one), the BOM kept on line 1, at most 999 bytes, decoded with errors="replace";
   * null when not sourceIsFile or past the end (pegen then falls back to errorLine).
   */
  fileLine(lineno: number): string | null {
    if (!this.sourceIsFile || lineno < 1) return null;
    let line = this.sourceLine(lineno);
    if (line === "") return null;
    const lastWithoutNewline = this.hasImplicitNewline && line.endsWith("\n") && this.isLastLine(lineno);
    if (lastWithoutNewline) line = line.slice(0, -1);
    if (lineno === 1 && this.bom) line = "\ufeff" + line;
    // err_programtext reads a line in fgets chunks of 999 bytes and keeps the last one; a last line without newline
    // that fills its final chunk exactly reads as end of file (no text).
    const bytes = escapedToBytes(line);
    if (bytes.length > 999 || (lastWithoutNewline && bytes.length === 999)) {
      if (lastWithoutNewline && bytes.length % 999 === 0) return null;
      const from = 999 * Math.floor((bytes.length - 1) / 999);
      line = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(from));
    }
    return line;
  }

  private isLastLine(lineno: number): boolean {
    let i = 0;
    for (let n = 1; n < lineno; n++) i = this.src.indexOf("\n", i) + 1;
    return this.src.indexOf("\n", i) === this.src.length - 1;
  }

  /** Source text as error reports show it: bad bytes decoded with errors="replace". */
  private shown(text: string): string {
    return this.badBytes ? replaceEscapedBytes(text) : text;
  }

  /** The decoded source text (BOM removed; "\r\n" kept only in extraTokens mode). */
  get text(): string {
    return this.hasImplicitNewline ? this.src.slice(0, -1) : this.src;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Reading characters (tok_nextc, tok_backup, the underflow functions)

  private nextc(): number {
    for (;;) {
      if (this.cur !== this.inp) return this.src.charCodeAt(this.cur++);
      if (this.done !== E_OK) return EOF;
      if (!this.underflow()) {
        this.cur = this.inp;
        return EOF;
      }
      this.line_start = this.cur;
      if (this.ensureUtf8) this.ensureUtf8Line();
      if (this.firstNul >= this.line_start && this.firstNul < this.inp) {
        this.syntaxerror("source code cannot contain null bytes");
      }
    }
  }

  /**
   * _PyTokenizer_ensure_utf8 on the line just read (file input without a declared encoding): a SyntaxError that
   * carries only its message, naming the first byte that does not start valid UTF-8.
   */
  private ensureUtf8Line(): void {
    const s = this.src;
    for (let i = this.line_start; i < this.inp; i++) {
      const c = s.charCodeAt(i);
      if (!isEscapedByte(c)) continue;
      const hex = (c - 0xdc00).toString(16).padStart(2, "0");
      this.done = E_ERROR;
      throw new LexerAbort(new FrontEndSyntaxError("SyntaxError", `Non-UTF-8 code starting with '\\x${hex}' in file ${this.filename} on line ${this.lineno}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`,
        null, null, null, null, null, null));
    }
  }

  /** tok_underflow_string / tok_underflow_readline: make the next line available. */
  private underflow(): boolean {
    // tok_underflow_readline (the tokenize module) moves tok->buf before it meets the end of the input;
    // tok_underflow_string (the parser) only when there is one more line, and inside f-strings too.
    if (this.extra && this.start === -1 && this.modes.length === 1) this.buf = this.inp;
    const s = this.src;
    if (this.inp >= s.length) {
      this.done = E_EOF;
      return false;
    }
    if (!this.extra && this.start === -1) this.buf = this.inp;
    const nl = s.indexOf("\n", this.inp);
    this.cur = this.inp;
    this.inp = nl < 0 ? s.length : nl + 1;
    this.implicit_newline = this.hasImplicitNewline && this.inp === s.length;
    this.lineno++;
    return true;
  }

  private backup(c: number): void {
    if (c !== EOF) this.cur--;
  }


  // ---------------------------------------------------------------------------------------------------------
  // Columns

  /** Offset of index `idx` on the line starting at `ls`: code points (extra mode) or UTF-8 bytes (parser mode). */
  private col(ls: number, idx: number): number {
    if (!this.nonAscii) return idx - ls;
    const s = this.src;
    let i: number, v: number;
    if (this.colLine === ls && this.colIdx <= idx) { i = this.colIdx; v = this.colVal; }
    else { i = ls; v = 0; }
    const end = idx;
    if (this.extra) {
      for (; i < end; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) i++;
        }
        v++;
      }
    } else {
      for (; i < end; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x80) v++;
        else if (c < 0x800) v += 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { v += 4; i++; }
        else if (this.badBytes && isEscapedByte(c)) v++;
        else v += 3;
      }
    }
    this.colLine = ls;
    this.colIdx = idx;
    this.colVal = v;
    return v;
  }

  /** Code point count of src[a, b) (bad bytes decoded with errors="replace", as CPython's error columns count). */
  private charCount(a: number, b: number): number {
    if (!this.nonAscii) return b - a;
    if (this.badBytes) return Array.from(replaceEscapedBytes(this.src.slice(a, b))).length;
    let n = 0;
    const s = this.src;
    for (let i = a; i < b; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < b && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
      n++;
    }
    return n;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Token construction (state.c token_setup and Python-tokenize.c's adjustments for the tokenize module)

  private makeToken(type: number, pStart: number, pEnd: number): Token {
    const isStringLit = type === STRING || type === FSTRING_MIDDLE;
    const lineno = isStringLit ? this.first_lineno : this.lineno;
    const endLineno = this.lineno;
    const metadata = this.metadata;
    this.metadata = null;
    const str = pStart < 0 ? "" : this.src.slice(pStart, pEnd);
    if (!this.extra) {
      let col = -1, endCol = -1;
      if (pStart >= 0) {
        // token_setup uses tok->starting_col_offset and tok->col_offset: the byte columns of tok->start and tok->cur.
        const ls = isStringLit ? this.multi_line_start : this.line_start;
        col = this.col(this.start >= ls ? ls : this.lineStartOf(this.start), this.start);
        endCol = this.col(this.line_start, this.cur);
      }
      return new TokenImpl(type, str, lineno, col, endLineno, endCol, this.level, metadata);
    }
    // The tokenize module (Python/Python-tokenize.c tokenizeriter_next with extra_tokens).
    const trailing = type === ENDMARKER || (type === DEDENT && this.done === E_EOF);
    if (trailing) return new TokenImpl(type, str, lineno + 1, 0, lineno + 1, 0, this.level, metadata);
    const ls = isStringLit ? this.multi_line_start : this.line_start;
    let col = -1, endCol = -1;
    if (pStart >= 0 && pStart >= ls) col = this.col(ls, pStart);
    if (pEnd >= 0 && pEnd >= this.line_start) endCol = this.col(this.line_start, pEnd);
    let t = type;
    let s = str;
    if (type > DEDENT && type < OP) t = OP;
    else if (type === NEWLINE) {
      // With the implicit newline Python-tokenize.c keeps the token's own text: "" after a plain last line, "\r"
      // after a last line ending in a lone carriage return.
      s = this.implicit_newline ? str : this.src.charCodeAt(this.start) === 0x0d ? "\r\n" : "\n";
      endCol++;
    } else if (type === NL) {
      if (this.implicit_newline) s = "";
    }
    return new TokenImpl(t, s, lineno, col, endLineno, endCol, this.level, metadata);
  }

  private lineStartOf(idx: number): number {
    return this.src.lastIndexOf("\n", idx - 1) + 1;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Errors (Parser/tokenizer/helpers.c _syntaxerror_range, Python-tokenize.c _tokenizer_error)

  /** _PyTokenizer_syntaxerror: column = code points from the line start to tok->cur. */
  private syntaxerror(msg: string, colOffset = -1, endColOffset = -1): never {
    const lineEndIdx = this.src.indexOf("\n", this.line_start);
    const le = lineEndIdx < 0 ? this.src.length : lineEndIdx;
    let col = colOffset;
    if (col === -1) col = this.charCount(this.line_start, this.cur);
    const endCol = endColOffset === -1 ? col : endColOffset;
    const text = this.shown(this.src.slice(this.line_start, le));
    this.done = E_ERROR;
    throw new LexerAbort(new FrontEndSyntaxError("SyntaxError", msg, this.filename, this.lineno, col, this.lineno, endCol, text));
  }

  /** pegen_errors.c raise_unclosed_parentheses_error for the innermost open bracket, or null if none is open. */
  unclosedBracketError(): TokenizerError | null {
    if (this.level === 0) return null;
    const lno = this.parenlinenostack[this.level - 1];
    const line = this.sourceLine(lno);
    const fileLine = this.fileLine(lno);
    const col = fileLine !== null
      ? pegenByteToCharOffset(fileLine, this.parencolstack[this.level - 1] + 1)
      : byteToCharOffset(line, this.parencolstack[this.level - 1]) + 1;
    return new TokenizerError(E_EOF, "SyntaxError", `'${String.fromCharCode(this.parenstack[this.level - 1])}' was never closed`,
      this.filename, lno, col, lno, 0, line);
  }

  /** An ERRORTOKEN whose error is tok->done: the message and location of the tokenize module or of pegen. */
  private doneError(): never {
    const done = this.done;
    let kind: SyntaxErrorKind = "SyntaxError";
    let msg: string;
    switch (done) {
      case E_EOF:
        if (this.extra) {
          // PyErr_SyntaxLocationObject(filename, lineno, tok->inp - tok->buf): a byte count, not converted.
          const bytes = escapedToBytes(this.src.slice(this.buf, Math.max(this.buf, this.inp))).length;
          throw new LexerAbort(new TokenizerError(done, "SyntaxError", "unexpected EOF in multi-line statement", this.filename,
            this.lineno, bytes, this.lineno, bytes, null));
        }
        const unclosed = this.unclosedBracketError();
        if (unclosed !== null) throw new LexerAbort(unclosed);
        msg = "unexpected EOF while parsing";
        break;
      case E_DEDENT:
        kind = "IndentationError";
        msg = "unindent does not match any outer indentation level";
        break;
      case E_TABSPACE:
        kind = "TabError";
        msg = "inconsistent use of tabs and spaces in indentation";
        break;
      case E_TOODEEP:
        kind = "IndentationError";
        msg = "too many levels of indentation";
        break;
      case E_LINECONT:
        msg = "unexpected character after line continuation character";
        break;
      case E_TOKEN:
        msg = "invalid token";
        break;
      default:
        msg = "unknown tokenization error";
    }
    if (this.extra) {
      // Python-tokenize.c _tokenizer_error: the offset counts the characters of the buffered line(s) plus one.
      const offset = this.charCount(this.buf, Math.max(this.buf, this.inp - 1)) + 1;
      throw new LexerAbort(new TokenizerError(done, kind, msg, this.filename, this.lineno, offset, this.lineno, offset,
        this.src.slice(this.buf, this.inp)));
    }
    // Parser mode: _Pypegen_tokenizer_error. The parser may refine positions that depend on its last token.
    const line = this.shown(this.src.slice(this.line_start, this.inp));
    let col: number;
    let endCol: number;
    // pegen counts these columns in bytes and converts them on the buffered line(s) decoded with errors="replace";
    // without bad bytes that is the code point count.
    const fileLine = this.fileLine(this.lineno);
    const pegenCol = (from: number, to: number): number => fileLine !== null
      ? pegenByteToCharOffset(fileLine, escapedToBytes(this.src.slice(from, to)).length)
      : this.badBytes
        ? byteToCharOffset(this.shown(this.src.slice(this.buf, this.inp)), escapedToBytes(this.src.slice(from, to)).length)
        : this.charCount(from, to);
    if (done === E_LINECONT) {
      // col_offset = tok->cur - tok->buf - 1, then + 1: counted from the start of the (continued) logical line.
      col = pegenCol(this.buf, this.cur);
      endCol = 0;
    } else if (done === E_DEDENT) {
      col = pegenCol(this.line_start, this.inp);
      endCol = -1;
    } else if (done === E_EOF) {
      // _PyPegen_raise_error at the position-less error token: tok->cur - line_start, no end column.
      col = pegenCol(this.line_start, this.cur);
      endCol = -1;
    } else {
      col = 1;
      endCol = 0;
    }
    throw new LexerAbort(new TokenizerError(done, kind, msg, this.filename, this.lineno, col, this.lineno, endCol, line));
  }

  private indenterror(): never {
    this.done = E_TABSPACE;
    this.cur = this.inp;
    this.doneError();
  }

  // ---------------------------------------------------------------------------------------------------------
  // The lexer

  private tokGet(): Token {
    const mode = this.modes[this.modes.length - 1];
    if (mode.kind === TOK_REGULAR_MODE) return this.tokGetNormalMode(mode);
    return this.tokGetFStringMode(mode);
  }

  /** tok_mode_stack_index > 0: pegen keeps a parser error over a tokenizer error met inside an f-string. */
  insideFString(): boolean {
    return this.modes.length > 1;
  }

  /** tok_continuation_line: after a backslash, the line must end. Returns false at an error (tok->done set). */
  private continuationLine(): boolean {
    let c = this.nextc();
    if (c === 0x0d) c = this.nextc();
    if (c !== 0x0a) {
      this.done = E_LINECONT;
      return false;
    }
    c = this.nextc();
    if (c === EOF) {
      this.done = E_EOF;
      this.cur = this.inp;
      return false;
    }
    this.backup(c);
    return true;
  }

  private lookahead(test: string): boolean {
    let k = 0;
    for (;;) {
      const c = this.nextc();
      if (k === test.length) {
        const res = !isPotentialIdentifierChar(c);
        this.backup(c);
        this.cur -= k;
        return res;
      }
      if (c === test.charCodeAt(k)) { k++; continue; }
      this.backup(c);
      this.cur -= k;
      return false;
    }
  }

  /** verify_end_of_number: a number directly followed by a letter is an error (a keyword only warns). */
  private verifyEndOfNumber(c: number, kind: string): void {
    if (this.extra) return;
    let r = false;
    if (c === 0x61) r = this.lookahead("nd");
    else if (c === 0x65) r = this.lookahead("lse");
    else if (c === 0x66) r = this.lookahead("or");
    else if (c === 0x69) {
      const c2 = this.nextc();
      if (c2 === 0x66 || c2 === 0x6e || c2 === 0x73) r = true;
      this.backup(c2);
    } else if (c === 0x6f) r = this.lookahead("r");
    else if (c === 0x6e) r = this.lookahead("ot");
    if (r) {
      // DEVIATION: CPython emits a SyntaxWarning "invalid <kind> literal" here; the front end has no warnings yet.
      return;
    }
    if (c < 128 && isPotentialIdentifierChar(c)) {
      this.backup(c);
      this.syntaxerror(`invalid ${kind} literal`);
    }
  }

  /** verify_identifier (parser mode only): PEP 3131 identifiers. */
  private verifyIdentifier(): void {
    if (this.extra) return;
    const s = this.src.slice(this.start, this.cur);
    if (this.badBytes) this.verifyDecodable(s);
    let i = 0;
    let first = true;
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      // CPython 3.13's XID tables (src/unicode), not the JS engine's, whose Unicode version differs.
      const ok = first ? _PyUnicode_IsXidStart(cp) || cp === 0x5f : _PyUnicode_IsXidContinue(cp);
      if (!ok) {
        // NFKC-equivalent spellings are valid identifiers too (_PyUnicode_ScanIdentifier checks the raw text,
        // but CPython's XID_* properties already include compatibility characters).
        const c = ch.codePointAt(0)!;
        this.cur = this.start + i + ch.length;
        if (isPrintableCodePoint(c)) {
          this.syntaxerror(`invalid character '${ch}' (U+${c.toString(16).toUpperCase().padStart(4, "0")})`);
        }
        this.syntaxerror(`invalid non-printable character U+${c.toString(16).toUpperCase().padStart(4, "0")}`);
      }
      first = false;
      i += ch.length;
    }
  }

  /**
   * An identifier holding bytes that are not UTF-8: verify_identifier's PyUnicode_DecodeUTF8 fails (E_DECODE) and
   * pegen (initialize_token, _Pypegen_raise_decode_error) reports "(unicode error) ..." at the position-less error
   * token: column tok->cur - line_start in bytes, counted on the buffered line(s) decoded with errors="replace".
   */
  private verifyDecodable(s: string): void {
    let bad = false;
    for (let i = 0; i < s.length && !bad; i++) bad = isEscapedByte(s.charCodeAt(i));
    if (!bad) return;
    const bytes = escapedToBytes(s);
    const msg = utf8DecodeErrorMessage(bytes, 0, bytes.length)!;
    const errorLine = this.shown(this.src.slice(this.buf, this.inp));
    const col = byteToCharOffset(errorLine, escapedToBytes(this.src.slice(this.line_start, this.cur)).length);
    this.done = E_DECODE;
    throw new LexerAbort(new TokenizerError(E_DECODE, "SyntaxError", `(unicode error) ${msg}`, this.filename,
      this.lineno, col, this.lineno, -1, errorLine));
  }

  private decimalTail(): number {
    let c: number;
    for (;;) {
      do c = this.nextc(); while (isDigit(c));
      if (c !== 0x5f) break;
      c = this.nextc();
      if (!isDigit(c)) {
        this.backup(c);
        this.syntaxerror("invalid decimal literal");
      }
    }
    return c;
  }

  private tokGetNormalMode(current: TokenizerMode): Token {
    let c: number;
    let blankline = false;
    nextline: for (;;) {
      this.start = -1;
      blankline = false;
      // Get indentation level
      if (this.atbol) {
        let col = 0;
        let altcol = 0;
        this.atbol = false;
        let contLineCol = 0;
        for (;;) {
          c = this.nextc();
          if (c === 0x20) { col++; altcol++; }
          else if (c === 0x09) {
            col = ((col / TABSIZE) | 0) * TABSIZE + TABSIZE;
            altcol = ((altcol / ALTTABSIZE) | 0) * ALTTABSIZE + ALTTABSIZE;
          } else if (c === 0x0c) { col = altcol = 0; }
          else if (c === 0x5c) {
            contLineCol = contLineCol ? contLineCol : col;
            if (!this.continuationLine()) return this.errorToken();
          } else break;
        }
        this.backup(c);
        if (c === 0x23 || c === 0x0a || c === 0x0d) blankline = true;
        if (!blankline && this.level === 0) {
          col = contLineCol ? contLineCol : col;
          altcol = contLineCol ? contLineCol : altcol;
          if (col === this.indstack[this.indent]) {
            if (altcol !== this.altindstack[this.indent]) this.indenterror();
          } else if (col > this.indstack[this.indent]) {
            if (this.indent + 1 >= MAXINDENT) {
              this.done = E_TOODEEP;
              this.cur = this.inp;
              return this.errorToken();
            }
            if (altcol <= this.altindstack[this.indent]) this.indenterror();
            this.pendin++;
            this.indstack[++this.indent] = col;
            this.altindstack[this.indent] = altcol;
          } else {
            while (this.indent > 0 && col < this.indstack[this.indent]) {
              this.pendin--;
              this.indent--;
            }
            if (col !== this.indstack[this.indent]) {
              this.done = E_DEDENT;
              this.cur = this.inp;
              return this.errorToken();
            }
            if (altcol !== this.altindstack[this.indent]) this.indenterror();
          }
        }
      }

      this.start = this.cur;
      // Return pending indents/dedents
      if (this.pendin !== 0) {
        if (this.pendin < 0) {
          this.pendin++;
          return this.extra ? this.makeToken(DEDENT, this.cur, this.cur) : this.makeToken(DEDENT, -1, -1);
        }
        this.pendin--;
        return this.extra ? this.makeToken(INDENT, this.buf, this.cur) : this.makeToken(INDENT, -1, -1);
      }

      // Peek ahead at the next character
      c = this.nextc();
      this.backup(c);

      again: for (;;) {
        this.start = -1;
        // Skip spaces
        do c = this.nextc(); while (c === 0x20 || c === 0x09 || c === 0x0c);
        // Set start of current token
        this.start = this.cur - 1;
        if (c === EOF) this.start = this.cur;

        // Skip comment
        if (c === 0x23) {
          while (c !== EOF && c !== 0x0a && c !== 0x0d) c = this.nextc();
          if (this.extra) {
            const p = this.start;
            this.backup(c);
            this.comment_newline = blankline;
            return this.makeToken(COMMENT, p, this.cur);
          }
          if (this.typeComments) {
            const t = this.typeComment(c, blankline);
            if (t !== null) return t;
          }
        }

        // Check for EOF and errors now
        if (c === EOF) {
          if (this.level) return this.errorToken();
          if (this.done === E_EOF) return this.makeToken(ENDMARKER, -1, -1);
          return this.errorToken();
        }

        // Identifier (most frequent token!)
        if (isPotentialIdentifierStart(c)) {
          let sawB = false, sawR = false, sawU = false, sawF = false;
          for (;;) {
            if (!(sawB || sawU || sawF) && (c === 0x62 || c === 0x42)) sawB = true;
            else if (!(sawB || sawU || sawR || sawF) && (c === 0x75 || c === 0x55)) sawU = true;
            else if (!(sawR || sawU) && (c === 0x72 || c === 0x52)) sawR = true;
            else if (!(sawF || sawB || sawU) && (c === 0x66 || c === 0x46)) sawF = true;
            else break;
            c = this.nextc();
            if (c === 0x22 || c === 0x27) {
              if (sawF) return this.fstringStart(c);
              return this.stringLiteral(c, current);
            }
          }
          let nonascii = false;
          while (isPotentialIdentifierChar(c)) {
            if (c >= 128) nonascii = true;
            c = this.nextc();
          }
          this.backup(c);
          if (nonascii) this.verifyIdentifier();
          return this.makeToken(NAME, this.start, this.cur);
        }

        if (c === 0x0d) c = this.nextc();

        // Newline
        if (c === 0x0a) {
          this.atbol = true;
          if (blankline || this.level > 0) {
            if (this.extra) {
              if (this.comment_newline) this.comment_newline = false;
              return this.makeToken(NL, this.start, this.cur);
            }
            continue nextline;
          }
          if (this.comment_newline && this.extra) {
            this.comment_newline = false;
            return this.makeToken(NL, this.start, this.cur);
          }
          return this.makeToken(NEWLINE, this.start, this.cur - 1);
        }

        // Period or number starting with period?
        if (c === 0x2e) {
          c = this.nextc();
          if (isDigit(c)) return this.number(c, true);
          if (c === 0x2e) {
            c = this.nextc();
            if (c === 0x2e) return this.makeToken(ELLIPSIS, this.start, this.cur);
            this.backup(c);
            this.backup(0x2e);
          } else {
            this.backup(c);
          }
          return this.makeToken(DOT, this.start, this.cur);
        }

        // Number
        if (isDigit(c)) return this.number(c, false);

        // String
        if (c === 0x27 || c === 0x22) return this.stringLiteral(c, current);

        // Line continuation
        if (c === 0x5c) {
          if (!this.continuationLine()) return this.errorToken();
          continue again;
        }
        break;
      }
      return this.operator(c, current);
    }
  }

  /**
   * A comment matching "# type: " (each space: zero or more spaces or tabs) is a TYPE_COMMENT holding the text after
   * the prefix, or a TYPE_IGNORE when that text is "ignore" followed by the end or by an ASCII non-alphanumeric
   * character; its string is the tag after "ignore" (lexer.c). A TYPE_IGNORE alone on its line takes the newline with
   * it (so the tag ends with "\n", as pegen copies it by the token's columns). `c` ends the comment, already read.
   */
  private typeComment(c: number, blankline: boolean): Token | null {
    const s = this.src;
    const prefix = "# type: ";
    let p = this.start;
    let k = 0;
    for (; k < prefix.length && p < this.cur; k++) {
      const pc = prefix.charCodeAt(k);
      if (pc === 0x20) {
        while (s.charCodeAt(p) === 0x20 || s.charCodeAt(p) === 0x09) p++;
      } else if (s.charCodeAt(p) === pc) {
        p++;
      } else {
        break;
      }
    }
    if (k < prefix.length) return null;
    this.backup(c);
    const ignoreEnd = p + 6;
    const after = s.charCodeAt(ignoreEnd);
    const isIgnore = this.cur >= ignoreEnd && s.startsWith("ignore", p) &&
      !(this.cur > ignoreEnd && (after >= 128 || (after >= 0x30 && after <= 0x39) || ((after | 0x20) >= 0x61 && (after | 0x20) <= 0x7a)));
    if (isIgnore) {
      if (blankline) {
        this.nextc();
        this.atbol = true;
      }
      const t = new TokenImpl(TYPE_IGNORE, s.slice(ignoreEnd, this.cur), this.lineno, -1, this.lineno, -1, this.level, null);
      return t;
    }
    this.start = p;
    return this.makeToken(TYPE_COMMENT, p, this.cur);
  }

  private errorToken(): never {
    if (this.done === E_ERROR) throw new Error("unreachable: E_ERROR without an exception");
    this.doneError();
  }

  private number(first: number, afterDot: boolean): Token {
    let c = first;
    if (afterDot) return this.numberFraction(c);
    if (c === 0x30) {
      c = this.nextc();
      if (c === 0x78 || c === 0x58) {
        c = this.nextc();
        do {
          if (c === 0x5f) c = this.nextc();
          if (!isXDigit(c)) {
            this.backup(c);
            this.syntaxerror("invalid hexadecimal literal");
          }
          do c = this.nextc(); while (isXDigit(c));
        } while (c === 0x5f);
        this.verifyEndOfNumber(c, "hexadecimal");
      } else if (c === 0x6f || c === 0x4f) {
        c = this.nextc();
        do {
          if (c === 0x5f) c = this.nextc();
          if (c < 0x30 || c >= 0x38) {
            if (isDigit(c)) this.syntaxerror(`invalid digit '${String.fromCharCode(c)}' in octal literal`);
            this.backup(c);
            this.syntaxerror("invalid octal literal");
          }
          do c = this.nextc(); while (c >= 0x30 && c < 0x38);
        } while (c === 0x5f);
        if (isDigit(c)) this.syntaxerror(`invalid digit '${String.fromCharCode(c)}' in octal literal`);
        this.verifyEndOfNumber(c, "octal");
      } else if (c === 0x62 || c === 0x42) {
        c = this.nextc();
        do {
          if (c === 0x5f) c = this.nextc();
          if (c !== 0x30 && c !== 0x31) {
            if (isDigit(c)) this.syntaxerror(`invalid digit '${String.fromCharCode(c)}' in binary literal`);
            this.backup(c);
            this.syntaxerror("invalid binary literal");
          }
          do c = this.nextc(); while (c === 0x30 || c === 0x31);
        } while (c === 0x5f);
        if (isDigit(c)) this.syntaxerror(`invalid digit '${String.fromCharCode(c)}' in binary literal`);
        this.verifyEndOfNumber(c, "binary");
      } else {
        let nonzero = false;
        // maybe old-style octal; in any case, allow '0' as a literal
        for (;;) {
          if (c === 0x5f) {
            c = this.nextc();
            if (!isDigit(c)) {
              this.backup(c);
              this.syntaxerror("invalid decimal literal");
            }
          }
          if (c !== 0x30) break;
          c = this.nextc();
        }
        const zerosEnd = this.cur;
        if (isDigit(c)) {
          nonzero = true;
          c = this.decimalTail();
        }
        if (c === 0x2e) return this.numberFraction(this.nextc());
        if (c === 0x65 || c === 0x45) return this.numberExponent(c);
        if (c === 0x6a || c === 0x4a) return this.numberImaginary();
        if (nonzero && !this.extra) {
          this.backup(c);
          // syntaxerror_known_range takes byte columns (1-based start, end) of the leading zeros.
          this.syntaxerror("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            this.col8(this.start) + 1, this.col8(zerosEnd));
        }
        this.verifyEndOfNumber(c, "decimal");
      }
    } else {
      c = this.decimalTail();
      if (c === 0x2e) return this.numberFraction(this.nextc());
      if (c === 0x65 || c === 0x45) return this.numberExponent(c);
      if (c === 0x6a || c === 0x4a) return this.numberImaginary();
      this.verifyEndOfNumber(c, "decimal");
    }
    this.backup(c);
    return this.makeToken(NUMBER, this.start, this.cur);
  }

  /** Byte offset of index idx from the line start (syntaxerror_known_range works in bytes). */
  private col8(idx: number): number {
    let n = 0;
    for (let i = this.line_start; i < idx; i++) {
      const c = this.src.charCodeAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : (c & 0xfc00) === 0xd800 ? 2 : (c & 0xfc00) === 0xdc00 ? 2 : 3;
    }
    return n;
  }

  private numberFraction(first: number): Token {
    let c = first;
    if (isDigit(c)) c = this.decimalTail();
    if (c === 0x65 || c === 0x45) return this.numberExponent(c);
    if (c === 0x6a || c === 0x4a) return this.numberImaginary();
    this.verifyEndOfNumber(c, "decimal");
    this.backup(c);
    return this.makeToken(NUMBER, this.start, this.cur);
  }

  private numberExponent(e: number): Token {
    let c = this.nextc();
    if (c === 0x2b || c === 0x2d) {
      c = this.nextc();
      if (!isDigit(c)) {
        this.backup(c);
        this.syntaxerror("invalid decimal literal");
      }
    } else if (!isDigit(c)) {
      this.backup(c);
      this.verifyEndOfNumber(e, "decimal");
      this.backup(e);
      return this.makeToken(NUMBER, this.start, this.cur);
    }
    c = this.decimalTail();
    if (c === 0x6a || c === 0x4a) return this.numberImaginary();
    this.verifyEndOfNumber(c, "decimal");
    this.backup(c);
    return this.makeToken(NUMBER, this.start, this.cur);
  }

  private numberImaginary(): Token {
    const c = this.nextc();
    this.verifyEndOfNumber(c, "imaginary");
    this.backup(c);
    return this.makeToken(NUMBER, this.start, this.cur);
  }

  /** f_string_quote: an f-string's opening quote(s); pushes an f-string mode. */
  private fstringStart(quote: number): Token {
    let quoteSize = 1;
    this.first_lineno = this.lineno;
    this.multi_line_start = this.line_start;
    const afterQuote = this.nextc();
    if (afterQuote === quote) {
      const afterAfter = this.nextc();
      if (afterAfter === quote) quoteSize = 3;
      else {
        this.backup(afterAfter);
        this.backup(afterQuote);
      }
    }
    if (afterQuote !== quote) this.backup(afterQuote);
    if (this.modes.length >= MAXFSTRINGLEVEL) this.syntaxerror("too many nested f-strings");
    const m = new TokenizerMode(TOK_FSTRING_MODE);
    m.f_string_quote = quote;
    m.f_string_quote_size = quoteSize;
    m.f_string_start = this.start;
    m.f_string_multi_line_start = this.line_start;
    m.f_string_line_start = this.lineno;
    const c0 = this.src.charCodeAt(this.start);
    m.f_string_raw = c0 === 0x66 || c0 === 0x46 ? (this.src.charCodeAt(this.start + 1) | 0x20) === 0x72 : true;
    this.modes.push(m);
    return this.makeToken(FSTRING_START, this.start, this.cur);
  }

  /** letter_quote: a string literal (any prefix but f), single or triple quoted. */
  private stringLiteral(quote: number, _current: TokenizerMode): Token {
    let quoteSize = 1;
    let endQuoteSize = 0;
    let hasEscapedQuote = false;
    this.first_lineno = this.lineno;
    this.multi_line_start = this.line_start;
    let c = this.nextc();
    if (c === quote) {
      c = this.nextc();
      if (c === quote) quoteSize = 3;
      else endQuoteSize = 1; // empty string found
    }
    if (c !== quote) this.backup(c);
    while (endQuoteSize !== quoteSize) {
      c = this.nextc();
      if (c === EOF || (quoteSize === 1 && c === 0x0a)) {
        // Report the error from the opening quote.
        this.cur = this.start + 1;
        this.line_start = this.multi_line_start;
        const start = this.lineno;
        this.lineno = this.first_lineno;
        if (this.insideFString()) {
          const m = this.modes[this.modes.length - 1];
          if (m.f_string_quote === quote && m.f_string_quote_size === quoteSize) {
            this.syntaxerror("f-string: expecting '}'");
          }
        }
        if (quoteSize === 3) this.syntaxerror(`unterminated triple-quoted string literal (detected at line ${start})`);
        if (hasEscapedQuote) {
          this.syntaxerror(`unterminated string literal (detected at line ${start}); perhaps you escaped the end quote?`);
        }
        this.syntaxerror(`unterminated string literal (detected at line ${start})`);
      }
      if (c === quote) endQuoteSize++;
      else {
        endQuoteSize = 0;
        if (c === 0x5c) {
          c = this.nextc();
          if (c === quote) hasEscapedQuote = true;
          if (c === 0x0d) c = this.nextc();
        }
      }
    }
    return this.makeToken(STRING, this.start, this.cur);
  }

  /** The expression text of an f-string replacement field, for `=` (set_fstring_expr). */
  private setFStringExpr(m: TokenizerMode): void {
    if (!m.f_string_debug || this.metadata !== null || m.last_expr_start < 0) return;
    const raw = this.src.slice(m.last_expr_start, m.last_expr_end);
    if (!raw.includes("#")) {
      this.metadata = raw;
      return;
    }
    // Comments are dropped from the expression text, keeping their newline.
    let out = "";
    for (let i = 0; i < raw.length; i++) {
      if (raw.charCodeAt(i) === 0x23) {
        while (i < raw.length && raw.charCodeAt(i) !== 0x0a) i++;
        if (i < raw.length) out += "\n";
      } else out += raw[i];
    }
    this.metadata = out;
  }

  /** _PyLexer_update_fstring_expr for '{' (start recording) and for ':', '!', '}' (mark the end). */
  private updateFStringExpr(m: TokenizerMode, c: number): void {
    if (c === 0x7b) {
      m.last_expr_start = this.cur;
      m.last_expr_end = -1;
    } else if (m.last_expr_end === -1) {
      m.last_expr_end = this.start;
    }
  }

  private operator(first: number, current: TokenizerMode): Token {
    let c = first;
    // Punctuation inside an f-string replacement field
    const isPunctuation = c === 0x3a || c === 0x7d || c === 0x21 || c === 0x7b;
    if (isPunctuation && this.insideFString() && current.curly_bracket_expr_start_depth >= 0) {
      const cursor = current.curly_bracket_depth - (c !== 0x7b ? 1 : 0);
      const inFormatSpec = current.in_format_spec;
      const cursorInFormatWithDebug = cursor === 1 && (current.f_string_debug || inFormatSpec);
      const cursorValid = cursor === 0 || cursorInFormatWithDebug;
      if (cursorValid) this.updateFStringExpr(current, c);
      if (cursorValid && c !== 0x7b) this.setFStringExpr(current);
      if (c === 0x3a && cursor === current.curly_bracket_expr_start_depth) {
        current.kind = TOK_FSTRING_MODE;
        current.in_format_spec = true;
        return this.makeToken(_PyToken_OneChar(c), this.start, this.cur);
      }
    }

    // Check for two-character token
    {
      const c2 = this.nextc();
      const tok2 = _PyToken_TwoChars(c, c2);
      if (tok2 !== OP) {
        const c3 = this.nextc();
        const tok3 = _PyToken_ThreeChars(c, c2, c3);
        let t = tok2;
        if (tok3 !== OP) t = tok3;
        else this.backup(c3);
        return this.makeToken(t, this.start, this.cur);
      }
      this.backup(c2);
    }

    // Keep track of parentheses nesting level
    switch (c) {
      case 0x28: case 0x5b: case 0x7b:
        if (this.level >= MAXLEVEL) this.syntaxerror("too many nested parentheses");
        this.parenstack[this.level] = c;
        this.parenlinenostack[this.level] = this.lineno;
        this.parencolstack[this.level] = this.col8(this.start);
        this.level++;
        if (this.insideFString()) current.curly_bracket_depth++;
        break;
      case 0x29: case 0x5d: case 0x7d: {
        if (this.insideFString() && !current.curly_bracket_depth && c === 0x7d) {
          this.syntaxerror("f-string: single '}' is not allowed");
        }
        if (!this.extra && !this.level) this.syntaxerror(`unmatched '${String.fromCharCode(c)}'`);
        if (this.level > 0) {
          this.level--;
          const opening = this.parenstack[this.level];
          if (!this.extra && !((opening === 0x28 && c === 0x29) || (opening === 0x5b && c === 0x5d) || (opening === 0x7b && c === 0x7d))) {
            if (this.insideFString() && opening === 0x7b) {
              const previousBracket = current.curly_bracket_depth - 1;
              if (previousBracket === current.curly_bracket_expr_start_depth) {
                this.syntaxerror(`f-string: unmatched '${String.fromCharCode(c)}'`);
              }
            }
            if (this.parenlinenostack[this.level] !== this.lineno) {
              this.syntaxerror(`closing parenthesis '${String.fromCharCode(c)}' does not match opening parenthesis '${String.fromCharCode(opening)}' on line ${this.parenlinenostack[this.level]}`);
            }
            this.syntaxerror(`closing parenthesis '${String.fromCharCode(c)}' does not match opening parenthesis '${String.fromCharCode(opening)}'`);
          }
        }
        if (this.insideFString()) {
          current.curly_bracket_depth--;
          if (current.curly_bracket_depth < 0) this.syntaxerror(`f-string: unmatched '${String.fromCharCode(c)}'`);
          if (c === 0x7d && current.curly_bracket_depth === current.curly_bracket_expr_start_depth) {
            current.curly_bracket_expr_start_depth--;
            current.kind = TOK_FSTRING_MODE;
            current.in_format_spec = false;
            current.f_string_debug = false;
          }
        }
        break;
      }
      default:
        break;
    }

    if (c < 128 && !(c >= 0x20 && c < 0x7f)) {
      this.syntaxerror(`invalid non-printable character U+${c.toString(16).toUpperCase().padStart(4, "0")}`);
    }
    if (c === 0x3d && current.curly_bracket_expr_start_depth >= 0) current.f_string_debug = true;
    return this.makeToken(_PyToken_OneChar(c), this.start, this.cur);
  }

  private tokGetFStringMode(current: TokenizerMode): Token {
    let endQuoteSize = 0;
    let unicodeEscape = false;
    this.start = this.cur;
    this.first_lineno = this.lineno;

    // If we start with a bracket, we defer to the normal mode as there is nothing for us to tokenize before it.
    const startChar = this.nextc();
    if (startChar === 0x7b) {
      const peek1 = this.nextc();
      this.backup(peek1);
      this.backup(startChar);
      if (peek1 !== 0x7b) {
        current.curly_bracket_expr_start_depth++;
        if (current.curly_bracket_expr_start_depth >= MAX_EXPR_NESTING) {
          this.syntaxerror("f-string: expressions nested too deeply");
        }
        current.kind = TOK_REGULAR_MODE;
        return this.tokGetNormalMode(current);
      }
    } else {
      this.backup(startChar);
    }

    // Check if we are at the end of the string
    let atEnd = true;
    for (let i = 0; i < current.f_string_quote_size; i++) {
      const q = this.nextc();
      if (q !== current.f_string_quote) {
        this.backup(q);
        this.cur -= i;
        atEnd = false;
        break;
      }
    }
    if (atEnd) {
      current.last_expr_start = -1;
      current.last_expr_end = -1;
      const t = this.makeToken(FSTRING_END, this.start, this.cur);
      this.modes.pop();
      return t;
    }

    // f_string_middle
    this.multi_line_start = this.line_start;
    while (endQuoteSize !== current.f_string_quote_size) {
      const c = this.nextc();
      const inFormatSpec = current.in_format_spec && current.curly_bracket_expr_start_depth >= 0;
      if (c === EOF || (current.f_string_quote_size === 1 && c === 0x0a)) {
        // If we are in a format spec and we found a newline, the format spec ends here.
        if (inFormatSpec && c === 0x0a) {
          this.backup(c);
          current.kind = TOK_REGULAR_MODE;
          current.in_format_spec = false;
          return this.makeToken(FSTRING_MIDDLE, this.start, this.cur);
        }
        // Report the error from the opening quote.
        this.cur = current.f_string_start + 1;
        this.line_start = current.f_string_multi_line_start;
        const start = this.lineno;
        this.lineno = current.f_string_line_start;
        if (current.f_string_quote_size === 3) {
          this.syntaxerror(`unterminated triple-quoted f-string literal (detected at line ${start})`);
        }
        this.syntaxerror(`unterminated f-string literal (detected at line ${start})`);
      }
      if (c === current.f_string_quote) {
        endQuoteSize++;
        continue;
      }
      endQuoteSize = 0;
      if (c === 0x7b) {
        this.updateFStringExpr(current, c);
        const peek = this.nextc();
        if (peek !== 0x7b || inFormatSpec) {
          this.backup(peek);
          this.backup(c);
          current.curly_bracket_expr_start_depth++;
          if (current.curly_bracket_expr_start_depth >= MAX_EXPR_NESTING) {
            this.syntaxerror("f-string: expressions nested too deeply");
          }
          current.kind = TOK_REGULAR_MODE;
          current.in_format_spec = false;
          return this.makeToken(FSTRING_MIDDLE, this.start, this.cur);
        }
        return this.makeToken(FSTRING_MIDDLE, this.start, this.cur - 1);
      } else if (c === 0x7d) {
        if (unicodeEscape) return this.makeToken(FSTRING_MIDDLE, this.start, this.cur);
        const peek = this.nextc();
        // Format specifiers can't legally use double brackets, so '}}' is literal only outside them.
        const cursor = current.curly_bracket_depth;
        if (peek === 0x7d && !inFormatSpec && cursor === 0) {
          return this.makeToken(FSTRING_MIDDLE, this.start, this.cur - 1);
        }
        this.backup(peek);
        this.backup(c);
        current.kind = TOK_REGULAR_MODE;
        current.in_format_spec = false;
        return this.makeToken(FSTRING_MIDDLE, this.start, this.cur);
      } else if (c === 0x5c) {
        let peek = this.nextc();
        if (peek === 0x0d) peek = this.nextc();
        // A backslash right before a brace: give the brace back to the loop.
        if (peek === 0x7b || peek === 0x7d) {
          // DEVIATION: CPython warns "invalid escape sequence" here (non-raw f-strings); no warnings yet.
          this.backup(peek);
          continue;
        }
        if (!current.f_string_raw) {
          if (peek === 0x4e) {
            // Named unicode escapes (\N{BULLET})
            peek = this.nextc();
            if (peek === 0x7b) unicodeEscape = true;
            else this.backup(peek);
          }
        }
      }
    }
    // Back up the closing quotes: they become the FSTRING_END of the next call.
    this.cur -= current.f_string_quote_size;
    return this.makeToken(FSTRING_MIDDLE, this.start, this.cur);
  }
}

/**
 * _PyPegen_byte_offset_to_character_offset exactly: the column is clamped to the line's UTF-8 length + 1, the first
 * `col` bytes are decoded with errors="replace" (a cut character counts one), one byte past the end counts the NUL.
 */
export function pegenByteToCharOffset(line: string, colOffset: number): number {
  const bytes = escapedToBytes(line);
  let col = colOffset;
  if (col > bytes.length + 1) col = bytes.length + 1;
  if (col <= 0) return col;
  const extra = col > bytes.length ? 1 : 0;
  return Array.from(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(0, col - extra))).length + extra;
}

/** _PyPegen_byte_offset_to_character_offset: code points in the first `col` UTF-8 bytes of `line`. */
export function byteToCharOffset(line: string, col: number): number {
  let bytes = 0;
  let chars = 0;
  for (let i = 0; i < line.length && bytes < col; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if ((c & 0xfc00) === 0xd800) { bytes += 4; i++; }
    else bytes += 3;
    chars++;
  }
  if (bytes < col) chars += col - bytes;
  return chars;
}

export { ERRORTOKEN, COLON };
