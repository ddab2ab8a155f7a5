// The PEG machinery: token buffer, mark/reset, memoization, lookaheads, recursion guard and error raising.
// Counterparts: Parser/pegen.c, Parser/pegen.h, Parser/pegen_errors.c. See docs/parser.md.
import { Tokenizer, pegenByteToCharOffset, type Token } from "./tokenizer.js";
import { FrontEndSyntaxError, type SyntaxErrorKind } from "./errors.js";
import * as T from "./token.js";
import * as A from "../ast/nodes.js";

/** pegen's MAXSTACK: deeper rule nesting raises MemoryError (Parser/parser.c). */
export const MAXSTACK = 6000;

/**
 * CPython raises MemoryError("Parser stack overflowed - Python source too complex to parse") when the rule nesting
 * exceeds MAXSTACK. The runtime maps this class to MemoryError.
 */
export class ParserStackOverflow extends Error {
  readonly msg: string;
  constructor() {
    super("Parser stack overflowed - Python source too complex to parse");
    this.msg = "Parser stack overflowed - Python source too complex to parse";
  }
}

export type Location = { readonly lineno: number; readonly col_offset: number; readonly end_lineno: number; readonly end_col_offset: number };

/** Hard keywords (Grammar/python.gram's quoted names); they never match NAME. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
  "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
  "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);

/** Memo slots per token: every memoized rule's key is below this (parser.ts's M_* constants). */
export const MEMO_STRIDE = 20;

/**
 * pegen's memo (one linked list per token in CPython) as two flat arrays indexed by token * MEMO_STRIDE + rule:
 * no allocation per entry. `ends` holds end + base, an entry being valid when it is >= the owner's base, so a
 * table is reused by the next parse without clearing: each parse takes a base above every value stored before.
 * The slots that received a node are logged, so that a finished parse drops its references (a table holding
 * old ASTs makes every garbage collection slower) in time proportional to its entries, not to the table.
 */
class MemoTable {
  ends: Int32Array;
  nodes: unknown[];
  /** Slots of `nodes` set to a non-null node by the current owner. */
  log: Int32Array;
  /** The base the next parser takes. */
  nextBase: number;
  busy: boolean;
  constructor() {
    this.ends = new Int32Array(0);
    this.nodes = [];
    this.log = new Int32Array(4096);
    this.nextBase = 1;
    this.busy = false;
  }
}

/** The table one parse at a time borrows; a parser that finds it busy gets its own. */
let sharedMemo = new MemoTable();

/** Drop the shared table's storage (about 1 MB once a parse grew it) when no parse holds it: the start-up snapshot
 *  is taken after a warm-up that parsed, and every start would otherwise deserialize the table. */
export function _PyParser_ReleaseSharedMemo(): void {
  if (!sharedMemo.busy) sharedMemo = new MemoTable();
}

/** The CURRENT_POS marker of pegen.h: "the tokenizer's current position". */
export const CURRENT_POS = -5;

export class Parser {
  readonly tokenizer: Tokenizer;
  readonly filename: string;
  readonly tokens: Token[];
  mark: number;
  /** p->call_invalid_rules: true in the second (error-reporting) pass. */
  callInvalidRules: boolean;
  level: number;
  private readonly memoTable: MemoTable;
  private memoEnds: Int32Array;
  private memoNodes: unknown[];
  private memoBase: number;
  private memoLog: Int32Array;
  private memoLogLen: number;
  /** The node of the last memoHit. */
  memoResult: unknown;
  /** A tokenizer error met while filling the buffer; it takes priority over parser errors. */
  tokenizerError: FrontEndSyntaxError | null;
  /** p->known_err_token. */
  knownErrToken: Token | null;
  readonly startRule: "exec" | "eval" | "single" | "func_type";
  /** Bracket nesting level of each token (Token.level in CPython), parallel to `tokens`. */
  readonly tokenLevels: number[];
  private parenLevel: number;
  /** p->type_ignore_comments: the TYPE_IGNORE tokens met (line and tag), for Module.type_ignores. */
  readonly typeIgnores: A.TypeIgnore[];
  /** p->parsing_started: single-input mode turns the first ENDMARKER after some input into a NEWLINE. */
  private parsingStarted: boolean;

  constructor(tokenizer: Tokenizer, filename: string, startRule: "exec" | "eval" | "single" | "func_type") {
    this.tokenizer = tokenizer;
    this.filename = filename;
    this.tokens = [];
    this.mark = 0;
    this.callInvalidRules = false;
    this.level = 0;
    this.memoTable = sharedMemo.busy ? new MemoTable() : sharedMemo;
    this.memoTable.busy = true;
    this.memoEnds = this.memoTable.ends;
    this.memoNodes = this.memoTable.nodes;
    this.memoBase = this.memoTable.nextBase;
    this.memoLog = this.memoTable.log;
    this.memoLogLen = 0;
    this.memoResult = null;
    this.tokenizerError = null;
    this.knownErrToken = null;
    this.startRule = startRule;
    this.tokenLevels = [];
    this.typeIgnores = [];
    this.parenLevel = 0;
    this.parsingStarted = false;
  }

  /** _PyPegen_fill_token: reads one more token; a tokenizer error propagates at once. */
  fillToken(): void {
    try {
      let t = this.tokenizer.next();
      // Record and skip '# type: ignore' comments.
      while (t.type === T.TYPE_IGNORE) {
        this.typeIgnores.push(A.TypeIgnore(t.lineno, t.string));
        t = this.tokenizer.next();
      }
      // _PyPegen_fill_token: at the end of single-input source, one extra NEWLINE ends a compound statement.
      if (this.startRule === "single" && t.type === T.ENDMARKER && this.parsingStarted) {
        t = { ...t, type: T.NEWLINE };
        this.parsingStarted = false;
        this.tokenizer.implyDedents();
      } else {
        this.parsingStarted = true;
      }
      const k = t.type;
      if (k === T.LPAR || k === T.LSQB || k === T.LBRACE) this.parenLevel++;
      else if ((k === T.RPAR || k === T.RSQB || k === T.RBRACE) && this.parenLevel > 0) this.parenLevel--;
      this.tokens.push(t);
      this.tokenLevels.push(this.parenLevel);
    } catch (e) {
      // The tokenizer reports a JS stack overflow met inside it as "too many nested parentheses" without a
      // source line; here it is the parser's recursion that exhausted the stack, so let it surface as one.
      if (e instanceof FrontEndSyntaxError && e.text === null && e.offset === 0 && e.msg === "too many nested parentheses") {
        throw new RangeError("Maximum call stack size exceeded");
      }
      if (e instanceof FrontEndSyntaxError) this.tokenizerError = e;
      throw e;
    }
  }

  /** The token at the current mark (read on demand, like pegen). */
  peek(): Token {
    if (this.mark === this.tokens.length) this.fillToken();
    return this.tokens[this.mark]!;
  }

  peekAt(i: number): Token {
    while (i >= this.tokens.length) this.fillToken();
    return this.tokens[i]!;
  }

  /** _PyPegen_expect_token. */
  expect(type: number): Token | null {
    const t = this.peek();
    if (t.type !== type) return null;
    this.mark++;
    return t;
  }

  /** A hard or soft keyword: a NAME token with this exact text. */
  keyword(s: string): Token | null {
    const t = this.peek();
    if (t.type !== T.NAME || t.string !== s) return null;
    this.mark++;
    return t;
  }

  isKeyword(s: string): boolean {
    const t = this.peek();
    return t.type === T.NAME && t.string === s;
  }

  isType(type: number): boolean {
    return this.peek().type === type;
  }

  /** A NAME token that is not a hard keyword (_PyPegen_name_token). */
  nameToken(): Token | null {
    const t = this.peek();
    if (t.type !== T.NAME || KEYWORDS.has(t.string)) return null;
    this.mark++;
    return t;
  }

  /** _PyPegen_get_last_nonnwhitespace_token: the end of the node just parsed (EXTRA's _end_*). */
  lastToken(): Token {
    let t = this.tokens[this.mark - 1]!;
    for (let m = this.mark - 1; m >= 0; m--) {
      t = this.tokens[m]!;
      const k = t.type;
      if (k !== T.ENDMARKER && (k < T.NEWLINE || k > T.DEDENT)) break;
    }
    return t;
  }

  /** _PyPegen_is_memoized: on a hit, moves the mark to the entry's end and leaves its node in memoResult. */
  memoHit(rule: number): boolean {
    const i = this.mark * MEMO_STRIDE + rule;
    const ends = this.memoEnds;
    if (i >= ends.length) return false;
    const end = ends[i]! - this.memoBase;
    if (end < 0) return false;
    this.mark = end;
    this.memoResult = this.memoNodes[i];
    return true;
  }

  /** Whether (mark, rule) has an entry, without using it. */
  isMemoized(rule: number): boolean {
    const i = this.mark * MEMO_STRIDE + rule;
    return i < this.memoEnds.length && this.memoEnds[i]! >= this.memoBase;
  }

  /** _PyPegen_insert_memo: the rule parsed from `start` gave `node`, ending at the mark. */
  memoSet(rule: number, start: number, node: unknown): void {
    this.memoSetEnd(rule, start, node, this.mark);
  }

  memoSetEnd(rule: number, start: number, node: unknown, end: number): void {
    const i = start * MEMO_STRIDE + rule;
    if (i >= this.memoEnds.length) this.growMemo(i);
    this.memoEnds[i] = end + this.memoBase;
    this.memoNodes[i] = node;
    if (node !== null) {
      if (this.memoLogLen === this.memoLog.length) this.growMemoLog();
      this.memoLog[this.memoLogLen++] = i;
    }
  }

  private growMemoLog(): void {
    const log = new Int32Array(this.memoLog.length * 2);
    log.set(this.memoLog);
    this.memoTable.log = this.memoLog = log;
  }

  private growMemo(i: number): void {
    const t = this.memoTable;
    // Small at first (a `-c` string or an exec'd snippet has a few tokens), doubling with the source's length.
    let cap = Math.max(t.ends.length * 2, MEMO_STRIDE * 256);
    while (cap <= i) cap *= 2;
    const ends = new Int32Array(cap);
    ends.set(t.ends);
    const old = t.nodes;
    const nodes: unknown[] = old.concat(new Array(cap - old.length).fill(null));
    t.ends = this.memoEnds = ends;
    t.nodes = this.memoNodes = nodes;
  }

  /** Gives the memo table back at the end of a parse: later parsers take a base above every end stored here. */
  releaseMemo(): void {
    const t = this.memoTable;
    if (!t.busy) return;
    t.busy = false;
    // Drop the references, so the table does not keep this parse's nodes alive.
    const nodes = t.nodes, log = this.memoLog;
    for (let k = 0, n = this.memoLogLen; k < n; k++) nodes[log[k]!] = null;
    t.nextBase = this.memoBase + this.tokens.length + 1;
    if (t.nextBase > 0x3fffffff) {
      t.ends.fill(0);
      t.nextBase = 1;
    }
  }

  enter(): void {
    if (++this.level > MAXSTACK) throw new ParserStackOverflow();
  }

  /** Resets for the second pass (reset_parser_state_for_error_pass). */
  resetForErrorPass(): void {
    // Every end stored so far is at most tokens.length: a base above that invalidates them all.
    this.memoBase += this.tokens.length + 1;
    this.mark = 0;
    this.level = 0;
    this.callInvalidRules = true;
  }

  // ---- errors (Parser/pegen_errors.c) ----

  /** Byte offset (1-based) to character offset on a UTF-8 line (_PyPegen_byte_offset_to_character_offset). */
  byteToCharOffset(line: string, colOffset: number): number {
    return pegenByteToCharOffset(line, colOffset);
  }

  /** _PyPegen_raise_error_known_location: columns are 1-based byte offsets, or CURRENT_POS. */
  raiseErrorKnownLocation(kind: SyntaxErrorKind, lineno: number, colOffset: number, endLineno: number, endColOffset: number, msg: string): never {
    // CURRENT_POS: the tokenizer's position, tok->lineno and tok->cur - tok->line_start.
    if (endLineno === CURRENT_POS) endLineno = this.tokenizer.cursorLineno();
    if (endColOffset === CURRENT_POS) endColOffset = this.tokenizer.cursorOffset();
    const rawLine = (this.startRule === "exec" ? this.tokenizer.fileLine(lineno) : null) ?? this.tokenizer.errorLine(lineno);
    const col = this.byteToCharOffset(rawLine, colOffset);
    const endCol = endColOffset > 0 ? this.byteToCharOffset(rawLine, endColOffset) : endColOffset;
    throw new FrontEndSyntaxError(kind, msg, this.filename, lineno, col, endLineno, endCol, rawLine);
  }

  /** RAISE_ERROR_KNOWN_LOCATION with 0-based byte columns as stored in tokens and nodes. */
  raiseAt(kind: SyntaxErrorKind, a: Location, b: Location, msg: string): never {
    return this.raiseErrorKnownLocation(kind, a.lineno, a.col_offset + 1, b.end_lineno, b.end_col_offset + 1, msg);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg). */
  raiseSyntaxErrorKnownLocation(a: Location, msg: string): never {
    return this.raiseAt("SyntaxError", a, a, msg);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg). */
  raiseSyntaxErrorKnownRange(a: Location, b: Location, msg: string): never {
    return this.raiseAt("SyntaxError", a, b, msg);
  }

  /** RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg). */
  raiseSyntaxErrorStartingFrom(a: Location, msg: string): never {
    return this.raiseErrorKnownLocation("SyntaxError", a.lineno, a.col_offset + 1, CURRENT_POS, CURRENT_POS, msg);
  }

  /** _PyPegen_raise_error: at the last token read (or, with useMark, the token at the mark). */
  raiseError(kind: SyntaxErrorKind, useMark: boolean, msg: string): never {
    if (this.tokens.length === 0) this.raiseErrorKnownLocation(kind, 0, 0, 0, -1, msg);
    if (useMark && this.mark === this.tokens.length) this.fillToken();
    const t = this.knownErrToken ?? this.tokens[useMark ? this.mark : this.tokens.length - 1]!;
    return this.raiseAtToken(kind, t, msg);
  }

  /** An error located at a token; INDENT/DEDENT carry no columns in pegen (-1), so the tokenizer's position is used. */
  raiseAtToken(kind: SyntaxErrorKind, t: Token, msg: string): never {
    if (t.col_offset === -1) {
      // INDENT, DEDENT, ENDMARKER (and the NEWLINE single input makes of it) have no columns in pegen:
      // _PyPegen_raise_error uses the tokenizer's cursor, tok->cur - line_start (0 when tok->cur == tok->buf).
      return this.raiseErrorKnownLocation(kind, t.lineno, this.tokenizer.cursorColumn(), t.end_lineno, -1, msg);
    }
    return this.raiseErrorKnownLocation(kind, t.lineno, t.col_offset + 1, t.end_lineno, t.end_col_offset + 1, msg);
  }

  /** RAISE_SYNTAX_ERROR(msg). */
  raiseSyntaxError(msg: string): never {
    return this.raiseError("SyntaxError", false, msg);
  }

  /** RAISE_INDENTATION_ERROR(msg). */
  raiseIndentationError(msg: string): never {
    return this.raiseError("IndentationError", false, msg);
  }

  /** RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN(msg). */
  raiseSyntaxErrorOnNextToken(msg: string): never {
    return this.raiseError("SyntaxError", true, msg);
  }
}
