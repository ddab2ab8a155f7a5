// The tokenizer: CPython's Parser/lexer/ and Parser/tokenizer/ (source decoding, INDENT/DEDENT, f-string modes).
// See docs/parser.md. THIS FILE IS A STUB: the interface below is the contract between tokenizer and parser.

/** One token, as the C tokenizer hands it to the PEG parser (or, with extraTokens, to the tokenize module). */
export interface Token {
  /** Token type from ./token.ts. In parser mode operators carry their exact type (LPAR, PLUS, ...), never OP. */
  readonly type: number;
  /** The token's text exactly as in the source (for STRING, the whole literal with prefix and quotes). */
  readonly string: string;
  /** 1-based line numbers; columns are 0-based UTF-8 byte offsets, as CPython's AST reports them. */
  readonly lineno: number;
  readonly col_offset: number;
  readonly end_lineno: number;
  readonly end_col_offset: number;
}

export interface TokenizerOptions {
  /** Filename used in error messages. */
  readonly filename: string;
  /**
   * true: the tokenize module's stream (COMMENT, NL, and the implicit NEWLINE/DEDENTs at EOF; `tokenize -e` output).
   * false: the parser's stream (no comments, no NL).
   */
  readonly extraTokens: boolean;
}

/**
 * Tokenizes a whole source. Input bytes are decoded per PEP 263 (BOM, coding cookie, UTF-8 validity); a JS string
 * is taken as already decoded text (compile() of a str). Errors throw FrontEndSyntaxError with CPython's fields.
 */
export class Tokenizer {
  constructor(source: Uint8Array | string, options: TokenizerOptions) {
    void source;
    void options;
    throw new Error("tokenizer not built yet");
  }

  /** The next token; after ENDMARKER keeps returning ENDMARKER. */
  next(): Token {
    throw new Error("tokenizer not built yet");
  }

  /** The text of source line `lineno` (1-based) including its newline, or "" past the end: used in error reports. */
  sourceLine(lineno: number): string {
    void lineno;
    return "";
  }
}
