// The PEG parser for Python 3.13, written by hand rule by rule after Grammar/python.gram (Parser/parser.c is
// CPython's generated counterpart). Left-recursive rules are loops; (memo) rules are memoized as in pegen.
// Entry point: parse(). See docs/parser.md.
import * as A from "../ast/nodes.js";
import { PyComplex, PyEllipsis, PyBytes, SurrogateStr, makeStr, strCodePoints, type ConstantValue } from "../ast/constant.js";
import { FrontEndError, FrontEndSyntaxError, TokenizerError } from "./errors.js";
import { Tokenizer, E_DECODE, type Token } from "./tokenizer.js";
import * as T from "./token.js";
import { Parser, ParserStackOverflow, type Location } from "./pegen.js";
import {
  setExprContext, makeArguments, emptyArguments, withDecorators, newIdentifier,
  type NameDefaultPair, type SlashWithDefault, type StarEtc,
} from "./action_helpers.js";
import { parseStringToken, decodeUnicodeEscapes, StringDecodeError, utf8ErrorOfBody } from "./string_parser.js";
import * as I from "./invalid_rules.js";

export type ParseMode = "exec" | "eval" | "single" | "func_type";

export interface ParseOptions {
  /**
   * PyCF_TYPE_COMMENTS (ast.parse(type_comments=True)): `# type:` comments fill the type_comment fields of Assign,
   * For, With, FunctionDef (and async forms) and arg, and `# type: ignore` comments Module.type_ignores.
   */
  readonly typeComments?: boolean;
  /**
   * The source was read from a file the way `python FILE` reads it (Parser/tokenizer/file_tokenizer.c), not handed to
   * compile(): NUL bytes are then the lexer's located "source code cannot contain null bytes", and without a declared
   * encoding each line must be UTF-8 ("Non-UTF-8 code starting with ...", no location).
   */
  readonly fileInput?: boolean;
  /**
   * `filename` names a file on disk with exactly these bytes (ast.parse(data, FILE) of a real file): pegen then quotes
   * error lines from the file (_PyErr_ProgramDecodedTextObject), which can change converted columns.
   */
  readonly sourceIsFile?: boolean;
}

// Memo keys, one per memoized rule (< MEMO_STRIDE of pegen.ts).
const M_expression = 0, M_star_expression = 1, M_disjunction = 2, M_conjunction = 3, M_inversion = 4,
  M_factor = 5, M_await_primary = 6, M_strings = 7, M_arguments = 8, M_star_target = 9,
  M_target_with_star_atom = 10, M_t_primary = 11, M_bitwise_or = 12, M_block = 13,
  M_simple_stmt = 14, M_closed_pattern = 15, M_star_pattern = 16, M_del_target = 17,
  M_type_param = 18, M_invalid_named_expression = 19;

interface KeyValuePair { readonly key: A.expr | null; readonly value: A.expr }
interface KeyPatternPair { readonly key: A.expr; readonly pattern: A.pattern }
interface KeywordOrStarred { readonly element: A.keyword | A.expr; readonly isKeyword: boolean }
interface CmpopExprPair { readonly op: A.cmpop; readonly expr: A.expr }
/** ResultTokenWithMetadata: a conversion or format spec with the debug text the tokenizer recorded. */
interface WithMetadata<X> { readonly result: X; readonly token: Token }

const AUGASSIGN: { readonly [t: number]: A.operator } = {
  [T.PLUSEQUAL]: A.Add, [T.MINEQUAL]: A.Sub, [T.STAREQUAL]: A.Mult, [T.ATEQUAL]: A.MatMult, [T.SLASHEQUAL]: A.Div,
  [T.PERCENTEQUAL]: A.Mod, [T.AMPEREQUAL]: A.BitAnd, [T.VBAREQUAL]: A.BitOr, [T.CIRCUMFLEXEQUAL]: A.BitXor,
  [T.LEFTSHIFTEQUAL]: A.LShift, [T.RIGHTSHIFTEQUAL]: A.RShift, [T.DOUBLESTAREQUAL]: A.Pow,
  [T.DOUBLESLASHEQUAL]: A.FloorDiv,
};

const LEGACY = new Set(["print", "exec"]);

export class PythonParser extends Parser {
  // ======================= helpers =======================

  /** The start token of the rule being parsed (EXTRA's _start_*). */
  start(): Token {
    return this.peek();
  }

  /** NAME as a Name(Load) node (_PyPegen_name_token). */
  name(): A.Name | null {
    const t = this.nameToken();
    if (t === null) return null;
    return A.Name(newIdentifier(t.string), A.Load, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  }

  /** A soft keyword token (match, case, _, type). */
  softKeyword(s: string): Token | null {
    return this.keyword(s);
  }

  /** `&&'x'`: _PyPegen_expect_forced_token. */
  forced(type: number, text: string): Token {
    const t = this.peek();
    if (t.type !== type) {
      this.raiseErrorKnownLocation("SyntaxError", t.lineno, t.col_offset + 1, t.end_lineno, t.end_col_offset + 1, `expected '${text}'`);
    }
    this.mark++;
    return t;
  }

  lookaheadType(type: number): boolean {
    return this.peek().type === type;
  }

  // ======================= entry rules =======================

  file(): A.Module | null {
    const a = this.statements();
    if (this.expect(T.ENDMARKER) === null) return null;
    return A.Module(a ?? [], this.typeIgnores);
  }

  interactive(): A.Interactive | null {
    const a = this.statement_newline();
    return a === null ? null : A.Interactive(a);
  }

  eval(): A.Expression | null {
    const a = this.expressions();
    if (a === null) return null;
    while (this.expect(T.NEWLINE) !== null);
    if (this.expect(T.ENDMARKER) === null) return null;
    return A.Expression(a);
  }

  func_type(): A.FunctionType | null {
    const m = this.mark;
    if (this.expect(T.LPAR) === null) return null;
    const a = this.type_expressions();
    if (this.expect(T.RPAR) === null || this.expect(T.RARROW) === null) { this.mark = m; return null; }
    const b = this.expression();
    if (b === null) { this.mark = m; return null; }
    while (this.expect(T.NEWLINE) !== null);
    if (this.expect(T.ENDMARKER) === null) { this.mark = m; return null; }
    return A.FunctionType(a ?? [], b);
  }

  type_expressions(): A.expr[] | null {
    const m = this.mark;
    const a: A.expr[] = [];
    if (this.lookaheadType(T.STAR) || this.lookaheadType(T.DOUBLESTAR)) {
      // '*' a=expression [',' '**' b=expression] | '**' a=expression
      const star = this.expect(T.STAR);
      const e = this.expression();
      if (e === null) { this.mark = m; return null; }
      a.push(e);
      if (star !== null) {
        const m2 = this.mark;
        if (this.expect(T.COMMA) && this.expect(T.DOUBLESTAR)) {
          const b = this.expression();
          if (b !== null) { a.push(b); return a; }
        }
        this.mark = m2;
      }
      return a;
    }
    const first = this.expression();
    if (first === null) return null;
    a.push(first);
    for (;;) {
      const m2 = this.mark;
      if (this.expect(T.COMMA) === null) break;
      if (this.lookaheadType(T.STAR) || this.lookaheadType(T.DOUBLESTAR)) {
        const star = this.expect(T.STAR);
        if (star === null) this.expect(T.DOUBLESTAR);
        const b = this.expression();
        if (b === null) { this.mark = m2; break; }
        a.push(b);
        if (star !== null) {
          const m3 = this.mark;
          if (this.expect(T.COMMA) && this.expect(T.DOUBLESTAR)) {
            const c = this.expression();
            if (c !== null) { a.push(c); return a; }
          }
          this.mark = m3;
        }
        return a;
      }
      const e = this.expression();
      if (e === null) { this.mark = m2; break; }
      a.push(e);
    }
    return a;
  }

  // ======================= statements =======================

  statements(): A.stmt[] | null {
    const out: A.stmt[] = [];
    for (;;) {
      const s = this.statement();
      if (s === null) break;
      for (const x of s) out.push(x);
    }
    return out.length ? out : null;
  }

  statement(): A.stmt[] | null {
    const c = this.compound_stmt();
    if (c !== null) return [c];
    return this.simple_stmts();
  }

  statement_newline(): A.stmt[] | null {
    const m = this.mark;
    const c = this.compound_stmt();
    if (c !== null) {
      if (this.expect(T.NEWLINE) !== null) return [c];
      this.mark = m;
    }
    const s = this.simple_stmts();
    if (s !== null) return s;
    const t0 = this.start();
    if (this.expect(T.NEWLINE) !== null) return [A.Pass(t0.lineno, t0.col_offset, t0.end_lineno, t0.end_col_offset)];
    if (this.expect(T.ENDMARKER) !== null) return null; // _PyPegen_interactive_exit
    return null;
  }

  simple_stmts(): A.stmt[] | null {
    const m = this.mark;
    const a = this.simple_stmt();
    if (a === null) return null;
    if (!this.lookaheadType(T.SEMI) && this.expect(T.NEWLINE) !== null) return [a];
    this.mark = m;
    const out: A.stmt[] = [];
    for (;;) {
      const s = this.simple_stmt();
      if (s === null) { if (out.length === 0) { this.mark = m; return null; } break; }
      out.push(s);
      const m2 = this.mark;
      if (this.expect(T.SEMI) === null) break;
      if (this.lookaheadType(T.NEWLINE)) break;
      void m2;
    }
    // [';'] NEWLINE: a trailing semicolon was consumed by the loop above when followed by NEWLINE.
    if (this.expect(T.NEWLINE) === null) { this.mark = m; return null; }
    return out;
  }

  simple_stmt(): A.stmt | null {
    if (this.memoHit(M_simple_stmt)) return this.memoResult as A.stmt | null;
    const m = this.mark;
    this.enter();
    const r = this.simple_stmt_raw();
    this.level--;
    if (r === null) this.mark = m;
    this.memoSet(M_simple_stmt, m, r);
    return r;
  }

  simple_stmt_raw(): A.stmt | null {
    const m = this.mark;
    const t0 = this.start();
    const a = this.assignment();
    if (a !== null) return a;
    this.mark = m;
    if (this.isKeyword("type")) {
      const r = this.type_alias();
      if (r !== null) return r;
      this.mark = m;
    }
    const e = this.star_expressions();
    if (e !== null) {
      const l = this.lastToken();
      return A.Expr(e, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    this.mark = m;
    if (t0.type !== T.NAME) return null;
    switch (t0.string) {
      case "return": return this.return_stmt();
      case "import": case "from": return this.import_stmt();
      case "raise": return this.raise_stmt();
      case "pass": this.mark++; return A.Pass(t0.lineno, t0.col_offset, t0.end_lineno, t0.end_col_offset);
      case "del": return this.del_stmt();
      case "yield": return this.yield_stmt();
      case "assert": return this.assert_stmt();
      case "break": this.mark++; return A.Break(t0.lineno, t0.col_offset, t0.end_lineno, t0.end_col_offset);
      case "continue": this.mark++; return A.Continue(t0.lineno, t0.col_offset, t0.end_lineno, t0.end_col_offset);
      case "global": return this.global_stmt();
      case "nonlocal": return this.nonlocal_stmt();
      default: return null;
    }
  }

  compound_stmt(): A.stmt | null {
    const t = this.peek();
    if (t.type === T.AT) {
      return this.function_def() ?? this.class_def();
    }
    if (t.type !== T.NAME) return null;
    switch (t.string) {
      case "def": return this.function_def();
      case "if": return this.if_stmt();
      case "class": return this.class_def();
      case "with": return this.with_stmt();
      case "for": return this.for_stmt();
      case "try": return this.try_stmt();
      case "while": return this.while_stmt();
      case "async": return this.function_def() ?? this.with_stmt() ?? this.for_stmt();
      default: return this.match_stmt();
    }
  }

  assignment(): A.stmt | null {
    const m = this.mark;
    const t0 = this.start();
    // NAME ':' expression ['=' annotated_rhs]
    const n = this.name();
    if (n !== null && this.expect(T.COLON) !== null) {
      const b = this.expression();
      if (b !== null) {
        const c = this.optAssignRhs();
        const l = this.lastToken();
        return A.AnnAssign(setExprContext(n, A.Store), b, c, 1, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
    let target: A.expr | null = null;
    if (this.expect(T.LPAR) !== null) {
      const b = this.single_target();
      if (b !== null && this.expect(T.RPAR) !== null) target = b;
      else this.mark = m;
    }
    if (target === null) target = this.single_subscript_attribute_target();
    if (target !== null && this.expect(T.COLON) !== null) {
      const b = this.expression();
      if (b !== null) {
        const c = this.optAssignRhs();
        const l = this.lastToken();
        return A.AnnAssign(target, b, c, 0, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
    const targets: A.expr[] = [];
    for (;;) {
      const m2 = this.mark;
      const z = this.star_targets();
      if (z === null || this.expect(T.EQUAL) === null) { this.mark = m2; break; }
      targets.push(z);
    }
    if (targets.length) {
      const b = this.yield_expr() ?? this.star_expressions();
      if (b !== null && !this.lookaheadType(T.EQUAL)) {
        const tc = this.expect(T.TYPE_COMMENT);
        const l = this.lastToken();
        return A.Assign(targets, b, tc?.string ?? null, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    // single_target augassign ~ (yield_expr | star_expressions)
    const st = this.single_target();
    if (st !== null) {
      const op = AUGASSIGN[this.peek().type];
      if (op !== undefined) {
        this.mark++;
        const c = this.yield_expr() ?? this.star_expressions();
        if (c === null) { this.mark = m; return null; } // cut
        const l = this.lastToken();
        return A.AugAssign(st, op, c, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    if (this.callInvalidRules) {
      I.invalid_assignment(this);
      this.mark = m;
    }
    return null;
  }

  optAssignRhs(): A.expr | null {
    const m = this.mark;
    if (this.expect(T.EQUAL) === null) return null;
    const d = this.annotated_rhs();
    if (d === null) this.mark = m;
    return d;
  }

  annotated_rhs(): A.expr | null {
    return this.yield_expr() ?? this.star_expressions();
  }

  return_stmt(): A.stmt | null {
    const t0 = this.start();
    if (this.keyword("return") === null) return null;
    const a = this.star_expressions();
    const l = this.lastToken();
    return A.Return(a, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  raise_stmt(): A.stmt | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.keyword("raise") === null) return null;
    const a = this.expression();
    if (a !== null) {
      let b: A.expr | null = null;
      const m2 = this.mark;
      if (this.keyword("from") !== null) {
        b = this.expression();
        if (b === null) this.mark = m2;
      }
      const l = this.lastToken();
      return A.Raise(a, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    this.mark = m + 1;
    return A.Raise(null, null, t0.lineno, t0.col_offset, t0.end_lineno, t0.end_col_offset);
  }

  namesList(): string[] | null {
    const out: string[] = [];
    const n = this.name();
    if (n === null) return null;
    out.push(n.id);
    for (;;) {
      const m = this.mark;
      if (this.expect(T.COMMA) === null) break;
      const x = this.name();
      if (x === null) { this.mark = m; break; }
      out.push(x.id);
    }
    return out;
  }

  global_stmt(): A.stmt | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.keyword("global") === null) return null;
    const a = this.namesList();
    if (a === null) { this.mark = m; return null; }
    const l = this.lastToken();
    return A.Global(a, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  nonlocal_stmt(): A.stmt | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.keyword("nonlocal") === null) return null;
    const a = this.namesList();
    if (a === null) { this.mark = m; return null; }
    const l = this.lastToken();
    return A.Nonlocal(a, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  del_stmt(): A.stmt | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.keyword("del") !== null) {
      const a = this.del_targets();
      if (a !== null && (this.lookaheadType(T.SEMI) || this.lookaheadType(T.NEWLINE))) {
        const l = this.lastToken();
        return A.Delete(a, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_del_stmt(this); this.mark = m; }
    return null;
  }

  yield_stmt(): A.stmt | null {
    const t0 = this.start();
    const y = this.yield_expr();
    if (y === null) return null;
    const l = this.lastToken();
    return A.Expr(y, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  assert_stmt(): A.stmt | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.keyword("assert") === null) return null;
    const a = this.expression();
    if (a === null) { this.mark = m; return null; }
    let b: A.expr | null = null;
    const m2 = this.mark;
    if (this.expect(T.COMMA) !== null) {
      b = this.expression();
      if (b === null) this.mark = m2;
    }
    const l = this.lastToken();
    return A.Assert(a, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  import_stmt(): A.stmt | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_import(this); this.mark = m; }
    return this.import_name() ?? this.import_from();
  }

  import_name(): A.stmt | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.keyword("import") === null) return null;
    const a = this.dotted_as_names();
    if (a === null) { this.mark = m; return null; }
    const l = this.lastToken();
    return A.Import(a, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  import_from(): A.stmt | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.keyword("from") === null) return null;
    let level = 0;
    for (;;) {
      if (this.expect(T.DOT) !== null) level += 1;
      else if (this.expect(T.ELLIPSIS) !== null) level += 3;
      else break;
    }
    const m2 = this.mark;
    const b = this.dotted_name();
    if (b !== null && this.keyword("import") !== null) {
      const c = this.import_from_targets();
      if (c !== null) {
        const l = this.lastToken();
        return A.ImportFrom(b, c, level, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m2;
    if (level > 0 && this.keyword("import") !== null) {
      const c = this.import_from_targets();
      if (c !== null) {
        const l = this.lastToken();
        return A.ImportFrom(null, c, level, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    return null;
  }

  import_from_targets(): A.alias[] | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.expect(T.LPAR) !== null) {
      const a = this.import_from_as_names();
      if (a !== null) {
        this.expect(T.COMMA);
        if (this.expect(T.RPAR) !== null) return a;
      }
      this.mark = m;
    }
    const a = this.import_from_as_names();
    if (a !== null && !this.lookaheadType(T.COMMA)) return a;
    this.mark = m;
    if (this.expect(T.STAR) !== null) return [A.alias("*", null, t0.lineno, t0.col_offset, t0.end_lineno, t0.end_col_offset)];
    if (this.callInvalidRules) { I.invalid_import_from_targets(this); this.mark = m; }
    return null;
  }

  import_from_as_names(): A.alias[] | null {
    const out: A.alias[] = [];
    for (;;) {
      const m = this.mark;
      if (out.length && this.expect(T.COMMA) === null) break;
      const x = this.import_from_as_name();
      if (x === null) { this.mark = m; break; }
      out.push(x);
    }
    return out.length ? out : null;
  }

  import_from_as_name(): A.alias | null {
    const t0 = this.start();
    const a = this.name();
    if (a === null) return null;
    const b = this.optAsName();
    const l = this.lastToken();
    return A.alias(a.id, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  optAsName(): string | null {
    const m = this.mark;
    if (this.keyword("as") === null) return null;
    const z = this.name();
    if (z === null) { this.mark = m; return null; }
    return z.id;
  }

  dotted_as_names(): A.alias[] | null {
    const out: A.alias[] = [];
    for (;;) {
      const m = this.mark;
      if (out.length && this.expect(T.COMMA) === null) break;
      const x = this.dotted_as_name();
      if (x === null) { this.mark = m; break; }
      out.push(x);
    }
    return out.length ? out : null;
  }

  dotted_as_name(): A.alias | null {
    const t0 = this.start();
    const a = this.dotted_name();
    if (a === null) return null;
    const b = this.optAsName();
    const l = this.lastToken();
    return A.alias(a, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  /** dotted_name, as the joined identifier (_PyPegen_join_names_with_dot). */
  dotted_name(): string | null {
    const a = this.name();
    if (a === null) return null;
    let s = a.id;
    for (;;) {
      const m = this.mark;
      if (this.expect(T.DOT) === null) break;
      const b = this.name();
      if (b === null) { this.mark = m; break; }
      s += "." + b.id;
    }
    return s;
  }

  // ---- blocks and compound statements ----

  block(): A.stmt[] | null {
    if (this.memoHit(M_block)) return this.memoResult as A.stmt[] | null;
    const m = this.mark;
    this.enter();
    let r: A.stmt[] | null = null;
    if (this.expect(T.NEWLINE) !== null && this.expect(T.INDENT) !== null) {
      const a = this.statements();
      if (a !== null && this.expect(T.DEDENT) !== null) r = a;
    }
    if (r === null) {
      this.mark = m;
      r = this.simple_stmts();
      if (r === null && this.callInvalidRules) { I.invalid_block(this); this.mark = m; }
    }
    this.level--;
    this.memoSet(M_block, m, r);
    return r;
  }

  decorators(): A.expr[] | null {
    const out: A.expr[] = [];
    for (;;) {
      const m = this.mark;
      if (this.expect(T.AT) === null) break;
      const f = this.named_expression();
      if (f === null || this.expect(T.NEWLINE) === null) { this.mark = m; break; }
      out.push(f);
    }
    return out.length ? out : null;
  }

  class_def(): A.stmt | null {
    const m = this.mark;
    const d = this.decorators();
    if (d !== null) {
      const b = this.class_def_raw();
      if (b !== null) return withDecorators(d, b);
      this.mark = m;
      return null;
    }
    return this.class_def_raw();
  }

  class_def_raw(): A.stmt | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_class_def_raw(this); this.mark = m; }
    const t0 = this.start();
    if (this.keyword("class") === null) return null;
    const a = this.name();
    if (a !== null) {
      const t = this.type_params();
      let bases: readonly A.expr[] = [];
      let keywords: readonly A.keyword[] = [];
      let ok = true;
      const m2 = this.mark;
      if (this.expect(T.LPAR) !== null) {
        const z = this.arguments();
        if (this.expect(T.RPAR) !== null) {
          if (z !== null) { bases = z.args; keywords = z.keywords; }
        } else {
          this.mark = m2;
        }
      }
      if (ok && this.expect(T.COLON) !== null) {
        const c = this.block();
        if (c !== null) {
          const l = this.lastToken();
          return A.ClassDef(a.id, bases, keywords, c, [], t ?? [], t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
        }
      }
      ok = false;
    }
    this.mark = m;
    return null;
  }

  function_def(): A.stmt | null {
    const m = this.mark;
    const d = this.decorators();
    if (d !== null) {
      const f = this.function_def_raw();
      if (f !== null) return withDecorators(d, f);
      this.mark = m;
      return null;
    }
    return this.function_def_raw();
  }

  function_def_raw(): A.stmt | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_def_raw(this); this.mark = m; }
    const t0 = this.start();
    const isAsync = this.keyword("async") !== null;
    if (this.keyword("def") === null) { this.mark = m; return null; }
    const n = this.name();
    if (n !== null) {
      const t = this.type_params();
      if (this.expect(T.LPAR) !== null) {
        const params = this.params();
        if (this.expect(T.RPAR) !== null) {
          let ret: A.expr | null = null;
          const m2 = this.mark;
          if (this.expect(T.RARROW) !== null) {
            ret = this.expression();
            if (ret === null) this.mark = m2;
          }
          if (this.expect(T.COLON) !== null) {
            const tc = this.func_type_comment()?.string ?? null;
            const b = this.block();
            if (b !== null) {
              const l = this.lastToken();
              const args = params ?? emptyArguments();
              return isAsync
                ? A.AsyncFunctionDef(n.id, args, b, [], ret, tc, t ?? [], t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset)
                : A.FunctionDef(n.id, args, b, [], ret, tc, t ?? [], t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
            }
          }
        }
      }
    }
    this.mark = m;
    return null;
  }

  /** func_type_comment: NEWLINE TYPE_COMMENT &(NEWLINE INDENT) | invalid_double_type_comments | TYPE_COMMENT. */
  func_type_comment(): Token | null {
    const m = this.mark;
    if (this.expect(T.NEWLINE) !== null) {
      const t = this.expect(T.TYPE_COMMENT);
      if (t !== null && this.peek().type === T.NEWLINE && this.peekAt(this.mark + 1).type === T.INDENT) return t;
      this.mark = m;
    }
    if (this.callInvalidRules) {
      // invalid_double_type_comments: TYPE_COMMENT NEWLINE TYPE_COMMENT NEWLINE INDENT
      const ts = [T.TYPE_COMMENT, T.NEWLINE, T.TYPE_COMMENT, T.NEWLINE, T.INDENT];
      if (ts.every((type) => this.expect(type) !== null)) this.raiseSyntaxError("Cannot have two type comments on def");
      this.mark = m;
    }
    return this.expect(T.TYPE_COMMENT);
  }

  // ---- parameters ----

  params(): A.arguments | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_parameters(this); this.mark = m; }
    return this.parameters();
  }

  parameters(): A.arguments | null {
    const m = this.mark;
    const a = this.slash_no_default();
    if (a !== null) {
      const b = this.repeat(() => this.param_no_default());
      const c = this.repeat(() => this.param_with_default());
      const d = this.star_etc();
      return makeArguments(a, null, b, c, d);
    }
    this.mark = m;
    const sw = this.slash_with_default();
    if (sw !== null) {
      const b = this.repeat(() => this.param_with_default());
      const c = this.star_etc();
      return makeArguments(null, sw, null, b, c);
    }
    this.mark = m;
    const pn = this.repeat(() => this.param_no_default());
    if (pn.length) {
      const b = this.repeat(() => this.param_with_default());
      const c = this.star_etc();
      return makeArguments(null, null, pn, b, c);
    }
    const pw = this.repeat(() => this.param_with_default());
    if (pw.length) {
      const b = this.star_etc();
      return makeArguments(null, null, null, pw, b);
    }
    const se = this.star_etc();
    if (se !== null) return makeArguments(null, null, null, null, se);
    this.mark = m;
    return null;
  }

  repeat<X>(f: () => X | null): X[] {
    const out: X[] = [];
    for (;;) {
      const x = f();
      if (x === null) break;
      out.push(x);
    }
    return out;
  }

  slash_no_default(): A.arg[] | null {
    const m = this.mark;
    const a = this.repeat(() => this.param_no_default());
    if (a.length && this.expect(T.SLASH) !== null) {
      if (this.expect(T.COMMA) !== null || this.lookaheadType(T.RPAR)) return a;
    }
    this.mark = m;
    return null;
  }

  slash_with_default(): SlashWithDefault | null {
    const m = this.mark;
    const a = this.repeat(() => this.param_no_default());
    const b = this.repeat(() => this.param_with_default());
    if (b.length && this.expect(T.SLASH) !== null) {
      if (this.expect(T.COMMA) !== null || this.lookaheadType(T.RPAR)) return { plainNames: a, namesWithDefaults: b };
    }
    this.mark = m;
    return null;
  }

  star_etc(): StarEtc | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_star_etc(this); this.mark = m; }
    if (this.expect(T.STAR) !== null) {
      const a = this.param_no_default() ?? this.param_no_default_star_annotation();
      if (a !== null) {
        const b = this.repeat(() => this.param_maybe_default());
        const c = this.kwds();
        return { vararg: a, kwonlyargs: b, kwarg: c };
      }
      if (this.expect(T.COMMA) !== null) {
        const b = this.repeat(() => this.param_maybe_default());
        if (b.length) {
          const c = this.kwds();
          return { vararg: null, kwonlyargs: b, kwarg: c };
        }
      }
      this.mark = m;
      return null;
    }
    const a = this.kwds();
    if (a !== null) return { vararg: null, kwonlyargs: [], kwarg: a };
    return null;
  }

  kwds(): A.arg | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_kwds(this); this.mark = m; }
    if (this.expect(T.DOUBLESTAR) === null) return null;
    const a = this.param_no_default();
    if (a === null) { this.mark = m; return null; }
    return a;
  }

  /**
   * param followed by ',' or by a lookahead ')' (the shared shape of the param_* rules), either with an optional
   * TYPE_COMMENT: returns `a` with that comment (_PyPegen_add_type_comment_to_arg), or null.
   */
  paramEnd(a: A.arg): A.arg | null {
    let tc: Token | null;
    if (this.expect(T.COMMA) !== null) {
      tc = this.expect(T.TYPE_COMMENT);
    } else {
      tc = this.expect(T.TYPE_COMMENT);
      if (!this.lookaheadType(T.RPAR)) return null;
    }
    if (tc === null) return a;
    return A.arg(a.arg, a.annotation, tc.string, a.lineno, a.col_offset, a.end_lineno, a.end_col_offset);
  }

  param_no_default(): A.arg | null {
    const m = this.mark;
    const a = this.param();
    const r = a !== null ? this.paramEnd(a) : null;
    if (r !== null) return r;
    this.mark = m;
    return null;
  }

  param_no_default_star_annotation(): A.arg | null {
    const m = this.mark;
    const t0 = this.start();
    const n = this.name();
    if (n !== null && this.expect(T.COLON) !== null) {
      const b = this.star_expression();
      if (b !== null) {
        const l = this.lastToken();
        const a = this.paramEnd(A.arg(n.id, b, null, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset));
        if (a !== null) return a;
      }
    }
    this.mark = m;
    return null;
  }

  param_with_default(): NameDefaultPair | null {
    const m = this.mark;
    const a = this.param();
    if (a !== null) {
      const c = this.default_();
      const r = c !== null ? this.paramEnd(a) : null;
      if (r !== null) return { arg: r, value: c };
    }
    this.mark = m;
    return null;
  }

  param_maybe_default(): NameDefaultPair | null {
    const m = this.mark;
    const a = this.param();
    if (a !== null) {
      const c = this.default_();
      const r = this.paramEnd(a);
      if (r !== null) return { arg: r, value: c };
    }
    this.mark = m;
    return null;
  }

  param(): A.arg | null {
    const t0 = this.start();
    const n = this.name();
    if (n === null) return null;
    const m = this.mark;
    let b: A.expr | null = null;
    if (this.expect(T.COLON) !== null) {
      b = this.expression();
      if (b === null) this.mark = m;
    }
    const l = this.lastToken();
    return A.arg(n.id, b, null, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  default_(): A.expr | null {
    const m = this.mark;
    if (this.expect(T.EQUAL) !== null) {
      const a = this.expression();
      if (a !== null) return a;
      this.mark = m;
    }
    if (this.callInvalidRules) { I.invalid_default(this); this.mark = m; }
    return null;
  }

  // ---- if / while / for / with / try ----

  if_stmt(): A.stmt | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_if_stmt(this); this.mark = m; }
    return this.ifLike("if");
  }

  elif_stmt(): A.stmt | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_elif_stmt(this); this.mark = m; }
    return this.ifLike("elif");
  }

  ifLike(kw: "if" | "elif"): A.stmt | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.keyword(kw) === null) return null;
    const a = this.named_expression();
    const b = a !== null && this.expect(T.COLON) !== null ? this.block() : null;
    if (b === null) { this.mark = m; return null; }
    // The elif_stmt right recursion as a loop (one JS frame for any number of elifs); each elif_stmt attempt runs
    // its invalid_elif_stmt check first, as the recursive rule does.
    const heads: Token[] = [t0];
    const tests: A.expr[] = [a!];
    const bodies: A.stmt[][] = [b];
    for (;;) {
      const m2 = this.mark;
      if (this.callInvalidRules) { I.invalid_elif_stmt(this); this.mark = m2; }
      const e0 = this.start();
      if (this.keyword("elif") === null) break;
      const ea = this.named_expression();
      const eb = ea !== null && this.expect(T.COLON) !== null ? this.block() : null;
      if (eb === null) { this.mark = m2; break; }
      heads.push(e0);
      tests.push(ea!);
      bodies.push(eb);
      this.enter(); // the nested elif_stmt's pegen level, released below
    }
    let orelse: A.stmt[] = this.else_block() ?? [];
    this.level -= heads.length - 1;
    const l = this.lastToken();
    let r: A.stmt | null = null;
    for (let i = heads.length - 1; i >= 0; i--) {
      const h = heads[i]!;
      r = A.If(tests[i]!, bodies[i]!, orelse, h.lineno, h.col_offset, l.end_lineno, l.end_col_offset);
      orelse = [r];
    }
    return r;
  }

  else_block(): A.stmt[] | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_else_stmt(this); this.mark = m; }
    if (this.keyword("else") === null) return null;
    this.forced(T.COLON, ":");
    const b = this.block();
    if (b === null) { this.mark = m; return null; }
    return b;
  }

  while_stmt(): A.stmt | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_while_stmt(this); this.mark = m; }
    const t0 = this.start();
    if (this.keyword("while") === null) return null;
    const a = this.named_expression();
    if (a !== null && this.expect(T.COLON) !== null) {
      const b = this.block();
      if (b !== null) {
        const c = this.else_block();
        const l = this.lastToken();
        return A.While(a, b, c ?? [], t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    return null;
  }

  for_stmt(): A.stmt | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_for_stmt(this); this.mark = m; }
    const t0 = this.start();
    const isAsync = this.keyword("async") !== null;
    if (this.keyword("for") !== null) {
      const t = this.star_targets();
      if (t !== null && this.keyword("in") !== null) {
        // cut: past 'in', a failure fails the whole rule
        const ex = this.star_expressions();
        if (ex === null || this.expect(T.COLON) === null) { this.mark = m; return null; }
        const tc = this.expect(T.TYPE_COMMENT)?.string ?? null;
        const b = this.block();
        if (b === null) { this.mark = m; return null; }
        const el = this.else_block();
        const l = this.lastToken();
        return isAsync
          ? A.AsyncFor(t, ex, b, el ?? [], tc, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset)
          : A.For(t, ex, b, el ?? [], tc, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_for_target(this); this.mark = m; }
    return null;
  }

  with_stmt(): A.stmt | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_with_stmt_indent(this); this.mark = m; }
    const t0 = this.start();
    const isAsync = this.keyword("async") !== null;
    if (this.keyword("with") === null) { this.mark = m; return null; }
    const afterWith = this.mark;
    // '(' ','.with_item+ ','? ')' ':'
    if (this.expect(T.LPAR) !== null) {
      const a = this.withItems();
      if (a !== null) {
        this.expect(T.COMMA);
        if (this.expect(T.RPAR) !== null && this.expect(T.COLON) !== null) {
          const tc = this.expect(T.TYPE_COMMENT)?.string ?? null;
          const b = this.block();
          if (b !== null) {
            const l = this.lastToken();
            return isAsync
              ? A.AsyncWith(a, b, tc, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset)
              : A.With(a, b, tc, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
          }
        }
      }
      this.mark = afterWith;
    }
    const a = this.withItems();
    if (a !== null && this.expect(T.COLON) !== null) {
      const tc = this.expect(T.TYPE_COMMENT)?.string ?? null;
      const b = this.block();
      if (b !== null) {
        const l = this.lastToken();
        return isAsync
          ? A.AsyncWith(a, b, tc, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset)
          : A.With(a, b, tc, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_with_stmt(this); this.mark = m; }
    return null;
  }

  withItems(): A.withitem[] | null {
    const out: A.withitem[] = [];
    for (;;) {
      const m = this.mark;
      if (out.length && this.expect(T.COMMA) === null) break;
      const x = this.with_item();
      if (x === null) { this.mark = m; break; }
      out.push(x);
    }
    return out.length ? out : null;
  }

  with_item(): A.withitem | null {
    const m = this.mark;
    const e = this.expression();
    if (e === null) return null;
    const m2 = this.mark;
    if (this.keyword("as") !== null) {
      const t = this.star_target();
      if (t !== null) {
        const k = this.peek().type;
        if (k === T.COMMA || k === T.RPAR || k === T.COLON) return A.withitem(e, t);
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_with_item(this); this.mark = m; }
    this.mark = m2;
    return A.withitem(e, null);
  }

  try_stmt(): A.stmt | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_try_stmt(this); this.mark = m; }
    const t0 = this.start();
    if (this.keyword("try") === null) return null;
    this.forced(T.COLON, ":");
    const b = this.block();
    if (b === null) { this.mark = m; return null; }
    const afterBlock = this.mark;
    const f = this.finally_block();
    if (f !== null) {
      const l = this.lastToken();
      return A.Try(b, [], [], f, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    this.mark = afterBlock;
    const ex = this.repeat(() => this.except_block());
    if (ex.length) {
      const el = this.else_block();
      const fb = this.finally_block();
      const l = this.lastToken();
      return A.Try(b, ex, el ?? [], fb ?? [], t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    this.mark = afterBlock;
    const exs = this.repeat(() => this.except_star_block());
    if (exs.length) {
      const el = this.else_block();
      const fb = this.finally_block();
      const l = this.lastToken();
      return A.TryStar(b, exs, el ?? [], fb ?? [], t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    this.mark = m;
    return null;
  }

  except_block(): A.excepthandler | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_except_stmt_indent(this); this.mark = m; }
    const t0 = this.start();
    if (this.keyword("except") === null) return null;
    const e = this.expression();
    if (e !== null) {
      const t = this.optAsName();
      if (this.expect(T.COLON) !== null) {
        const b = this.block();
        if (b !== null) {
          const l = this.lastToken();
          return A.ExceptHandler(e, t, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
        }
      }
      this.mark = m + 1;
    }
    if (this.expect(T.COLON) !== null) {
      const b = this.block();
      if (b !== null) {
        const l = this.lastToken();
        return A.ExceptHandler(null, null, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_except_stmt(this); this.mark = m; }
    return null;
  }

  except_star_block(): A.excepthandler | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_except_star_stmt_indent(this); this.mark = m; }
    const t0 = this.start();
    if (this.keyword("except") !== null && this.expect(T.STAR) !== null) {
      const e = this.expression();
      if (e !== null) {
        const t = this.optAsName();
        if (this.expect(T.COLON) !== null) {
          const b = this.block();
          if (b !== null) {
            const l = this.lastToken();
            return A.ExceptHandler(e, t, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
          }
        }
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_except_stmt(this); this.mark = m; }
    return null;
  }

  finally_block(): A.stmt[] | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_finally_stmt(this); this.mark = m; }
    if (this.keyword("finally") === null) return null;
    this.forced(T.COLON, ":");
    const a = this.block();
    if (a === null) { this.mark = m; return null; }
    return a;
  }

  // ---- match ----

  match_stmt(): A.stmt | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.softKeyword("match") !== null) {
      const subject = this.subject_expr();
      if (subject !== null && this.expect(T.COLON) !== null && this.expect(T.NEWLINE) !== null && this.expect(T.INDENT) !== null) {
        const cases = this.repeat(() => this.case_block());
        if (cases.length && this.expect(T.DEDENT) !== null) {
          const l = this.lastToken();
          return A.Match(subject, cases, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
        }
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_match_stmt(this); this.mark = m; }
    return null;
  }

  subject_expr(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const v = this.star_named_expression();
    if (v !== null && this.expect(T.COMMA) !== null) {
      const vs = this.star_named_expressions();
      const l = this.lastToken();
      return A.Tuple([v, ...(vs ?? [])], A.Load, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    this.mark = m;
    return this.named_expression();
  }

  case_block(): A.match_case | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_case_block(this); this.mark = m; }
    if (this.softKeyword("case") !== null) {
      const pattern = this.patterns();
      if (pattern !== null) {
        const guard = this.guard();
        if (this.expect(T.COLON) !== null) {
          const body = this.block();
          if (body !== null) return A.match_case(pattern, guard, body);
        }
      }
    }
    this.mark = m;
    return null;
  }

  guard(): A.expr | null {
    const m = this.mark;
    if (this.keyword("if") === null) return null;
    const g = this.named_expression();
    if (g === null) this.mark = m;
    return g;
  }

  patterns(): A.pattern | null {
    const m = this.mark;
    const t0 = this.start();
    const ps = this.open_sequence_pattern();
    if (ps !== null) {
      const l = this.lastToken();
      return A.MatchSequence(ps, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    this.mark = m;
    return this.pattern();
  }

  pattern(): A.pattern | null {
    return this.as_pattern() ?? this.or_pattern();
  }

  as_pattern(): A.pattern | null {
    const m = this.mark;
    const t0 = this.start();
    const p = this.or_pattern();
    if (p !== null && this.keyword("as") !== null) {
      const target = this.pattern_capture_target();
      if (target !== null) {
        const l = this.lastToken();
        return A.MatchAs(p, target, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_as_pattern(this); this.mark = m; }
    return null;
  }

  or_pattern(): A.pattern | null {
    const t0 = this.start();
    const ps: A.pattern[] = [];
    for (;;) {
      const m = this.mark;
      if (ps.length && this.expect(T.VBAR) === null) break;
      const p = this.closed_pattern();
      if (p === null) { this.mark = m; break; }
      ps.push(p);
    }
    if (ps.length === 0) return null;
    if (ps.length === 1) return ps[0]!;
    const l = this.lastToken();
    return A.MatchOr(ps, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  closed_pattern(): A.pattern | null {
    if (this.memoHit(M_closed_pattern)) return this.memoResult as A.pattern | null;
    const m = this.mark;
    this.enter();
    const r = this.literal_pattern() ?? this.capture_pattern() ?? this.wildcard_pattern() ?? this.value_pattern() ??
      this.group_pattern() ?? this.sequence_pattern() ?? this.mapping_pattern() ?? this.class_pattern();
    this.level--;
    if (r === null) this.mark = m;
    this.memoSet(M_closed_pattern, m, r);
    return r;
  }

  literal_pattern(): A.pattern | null {
    const m = this.mark;
    const t0 = this.start();
    const v = this.literalValue();
    if (v === null) return null;
    const l = this.lastToken();
    if (v.kind === "Constant" && (v.value === null || v.value === true || v.value === false) && t0.type === T.NAME) {
      return A.MatchSingleton(v.value, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    void m;
    return A.MatchValue(v, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  /** literal_expr: signed_number !('+'|'-') | complex_number | strings | None | True | False. */
  literalValue(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const sn = this.signed_number();
    if (sn !== null && !this.lookaheadType(T.PLUS) && !this.lookaheadType(T.MINUS)) return sn;
    this.mark = m;
    const c = this.complex_number();
    if (c !== null) return c;
    if (this.lookaheadType(T.STRING) || this.lookaheadType(T.FSTRING_START)) {
      const s = this.strings();
      if (s !== null) return s;
    }
    if (t0.type === T.NAME) {
      let v: ConstantValue | undefined;
      if (t0.string === "None") v = null;
      else if (t0.string === "True") v = true;
      else if (t0.string === "False") v = false;
      if (v !== undefined) {
        this.mark++;
        return A.Constant(v, null, t0.lineno, t0.col_offset, t0.end_lineno, t0.end_col_offset);
      }
    }
    return null;
  }

  complex_number(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const real = this.signed_real_number();
    if (real !== null) {
      const op = this.expect(T.PLUS) ?? this.expect(T.MINUS);
      if (op !== null) {
        const imag = this.imaginary_number();
        if (imag !== null) {
          const l = this.lastToken();
          return A.BinOp(real, op.type === T.PLUS ? A.Add : A.Sub, imag, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
        }
      }
    }
    this.mark = m;
    return null;
  }

  signed_number(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const n = this.number();
    if (n !== null) return n;
    if (this.expect(T.MINUS) !== null) {
      const x = this.number();
      if (x !== null) {
        const l = this.lastToken();
        return A.UnaryOp(A.USub, x, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    return null;
  }

  signed_real_number(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const n = this.real_number();
    if (n !== null) return n;
    if (this.expect(T.MINUS) !== null) {
      const x = this.real_number();
      if (x !== null) {
        const l = this.lastToken();
        return A.UnaryOp(A.USub, x, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    return null;
  }

  real_number(): A.expr | null {
    const n = this.number();
    if (n === null) return null;
    if (n.kind === "Constant" && n.value instanceof PyComplex) this.raiseSyntaxErrorKnownLocation(n, "real number required in complex literal");
    return n;
  }

  imaginary_number(): A.expr | null {
    const n = this.number();
    if (n === null) return null;
    if (!(n.kind === "Constant" && n.value instanceof PyComplex)) this.raiseSyntaxErrorKnownLocation(n, "imaginary number required in complex literal");
    return n;
  }

  capture_pattern(): A.pattern | null {
    const t0 = this.start();
    const target = this.pattern_capture_target();
    if (target === null) return null;
    const l = this.lastToken();
    return A.MatchAs(null, target, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  pattern_capture_target(): string | null {
    const m = this.mark;
    if (this.isKeyword("_")) return null;
    const n = this.name();
    if (n === null) return null;
    const k = this.peek().type;
    if (k === T.DOT || k === T.LPAR || k === T.EQUAL) { this.mark = m; return null; }
    return n.id;
  }

  wildcard_pattern(): A.pattern | null {
    const t0 = this.start();
    if (this.softKeyword("_") === null) return null;
    return A.MatchAs(null, null, t0.lineno, t0.col_offset, t0.end_lineno, t0.end_col_offset);
  }

  value_pattern(): A.pattern | null {
    const m = this.mark;
    const t0 = this.start();
    const a = this.attr();
    if (a === null) return null;
    const k = this.peek().type;
    if (k === T.DOT || k === T.LPAR || k === T.EQUAL) { this.mark = m; return null; }
    const l = this.lastToken();
    return A.MatchValue(a, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  /** attr: name_or_attr '.' NAME (left-recursive, so at least one dot). */
  attr(): A.expr | null {
    const m = this.mark;
    const r = this.name_or_attr();
    if (r === null || r.kind === "Name") { this.mark = m; return null; }
    return r;
  }

  name_or_attr(): A.expr | null {
    const t0 = this.start();
    let a: A.expr | null = this.name();
    if (a === null) return null;
    for (;;) {
      const m = this.mark;
      if (this.expect(T.DOT) === null) break;
      const b = this.name();
      if (b === null) { this.mark = m; break; }
      a = A.Attribute(a, b.id, A.Load, t0.lineno, t0.col_offset, b.end_lineno, b.end_col_offset);
    }
    return a;
  }

  group_pattern(): A.pattern | null {
    const m = this.mark;
    if (this.expect(T.LPAR) === null) return null;
    const p = this.pattern();
    if (p !== null && this.expect(T.RPAR) !== null) return p;
    this.mark = m;
    return null;
  }

  sequence_pattern(): A.pattern | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.expect(T.LSQB) !== null) {
      const ps = this.maybe_sequence_pattern();
      if (this.expect(T.RSQB) !== null) {
        const l = this.lastToken();
        return A.MatchSequence(ps ?? [], t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
      this.mark = m;
      return null;
    }
    if (this.expect(T.LPAR) !== null) {
      const ps = this.open_sequence_pattern();
      if (this.expect(T.RPAR) !== null) {
        const l = this.lastToken();
        return A.MatchSequence(ps ?? [], t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    return null;
  }

  open_sequence_pattern(): A.pattern[] | null {
    const m = this.mark;
    const p = this.maybe_star_pattern();
    if (p !== null && this.expect(T.COMMA) !== null) {
      const ps = this.maybe_sequence_pattern();
      return [p, ...(ps ?? [])];
    }
    this.mark = m;
    return null;
  }

  maybe_sequence_pattern(): A.pattern[] | null {
    const out: A.pattern[] = [];
    for (;;) {
      const m = this.mark;
      if (out.length && this.expect(T.COMMA) === null) break;
      const p = this.maybe_star_pattern();
      if (p === null) { this.mark = m; break; }
      out.push(p);
    }
    if (!out.length) return null;
    this.expect(T.COMMA);
    return out;
  }

  maybe_star_pattern(): A.pattern | null {
    return this.star_pattern() ?? this.pattern();
  }

  star_pattern(): A.pattern | null {
    if (this.memoHit(M_star_pattern)) return this.memoResult as A.pattern | null;
    const m = this.mark;
    const t0 = this.start();
    let r: A.pattern | null = null;
    if (this.expect(T.STAR) !== null) {
      const target = this.pattern_capture_target();
      if (target !== null) {
        const l = this.lastToken();
        r = A.MatchStar(target, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      } else if (this.wildcard_pattern() !== null) {
        const l = this.lastToken();
        r = A.MatchStar(null, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    if (r === null) this.mark = m;
    this.memoSet(M_star_pattern, m, r);
    return r;
  }

  mapping_pattern(): A.pattern | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.expect(T.LBRACE) === null) return null;
    const fin = (keys: A.expr[], pats: A.pattern[], rest: string | null): A.pattern => {
      const l = this.lastToken();
      return A.MatchMapping(keys, pats, rest, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    };
    if (this.expect(T.RBRACE) !== null) return fin([], [], null);
    const afterBrace = this.mark;
    const rest = this.double_star_pattern();
    if (rest !== null) {
      this.expect(T.COMMA);
      if (this.expect(T.RBRACE) !== null) return fin([], [], rest);
    }
    this.mark = afterBrace;
    const items = this.items_pattern();
    if (items !== null) {
      const afterItems = this.mark;
      if (this.expect(T.COMMA) !== null) {
        const r2 = this.double_star_pattern();
        if (r2 !== null) {
          this.expect(T.COMMA);
          if (this.expect(T.RBRACE) !== null) return fin(items.map((x) => x.key), items.map((x) => x.pattern), r2);
        }
      }
      this.mark = afterItems;
      this.expect(T.COMMA);
      if (this.expect(T.RBRACE) !== null) return fin(items.map((x) => x.key), items.map((x) => x.pattern), null);
    }
    this.mark = m;
    return null;
  }

  items_pattern(): KeyPatternPair[] | null {
    const out: KeyPatternPair[] = [];
    for (;;) {
      const m = this.mark;
      if (out.length && this.expect(T.COMMA) === null) break;
      const kv = this.key_value_pattern();
      if (kv === null) { this.mark = m; break; }
      out.push(kv);
    }
    return out.length ? out : null;
  }

  key_value_pattern(): KeyPatternPair | null {
    const m = this.mark;
    const key = this.literalValue() ?? this.attr();
    if (key !== null && this.expect(T.COLON) !== null) {
      const p = this.pattern();
      if (p !== null) return { key, pattern: p };
    }
    this.mark = m;
    return null;
  }

  double_star_pattern(): string | null {
    const m = this.mark;
    if (this.expect(T.DOUBLESTAR) === null) return null;
    const t = this.pattern_capture_target();
    if (t === null) this.mark = m;
    return t;
  }

  class_pattern(): A.pattern | null {
    const m = this.mark;
    const t0 = this.start();
    const cls = this.name_or_attr();
    if (cls !== null && this.expect(T.LPAR) !== null) {
      const afterParen = this.mark;
      const fin = (ps: A.pattern[], kws: KeyPatternPair[]): A.pattern => {
        const l = this.lastToken();
        return A.MatchClass(cls, ps, kws.map((k) => (k.key as A.Name).id), kws.map((k) => k.pattern), t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      };
      if (this.expect(T.RPAR) !== null) return fin([], []);
      const ps = this.positional_patterns();
      if (ps !== null) {
        const afterPs = this.mark;
        this.expect(T.COMMA);
        if (this.expect(T.RPAR) !== null) return fin(ps, []);
        this.mark = afterPs;
      }
      this.mark = afterParen;
      const kws = this.keyword_patterns();
      if (kws !== null) {
        this.expect(T.COMMA);
        if (this.expect(T.RPAR) !== null) return fin([], kws);
      }
      this.mark = afterParen;
      const ps2 = this.positional_patterns();
      if (ps2 !== null && this.expect(T.COMMA) !== null) {
        const kws2 = this.keyword_patterns();
        if (kws2 !== null) {
          this.expect(T.COMMA);
          if (this.expect(T.RPAR) !== null) return fin(ps2, kws2);
        }
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_class_pattern(this); this.mark = m; }
    return null;
  }

  positional_patterns(): A.pattern[] | null {
    const out: A.pattern[] = [];
    for (;;) {
      const m = this.mark;
      if (out.length && this.expect(T.COMMA) === null) break;
      const p = this.pattern();
      if (p === null) { this.mark = m; break; }
      out.push(p);
    }
    return out.length ? out : null;
  }

  keyword_patterns(): KeyPatternPair[] | null {
    const out: KeyPatternPair[] = [];
    for (;;) {
      const m = this.mark;
      if (out.length && this.expect(T.COMMA) === null) break;
      const k = this.keyword_pattern();
      if (k === null) { this.mark = m; break; }
      out.push(k);
    }
    return out.length ? out : null;
  }

  keyword_pattern(): KeyPatternPair | null {
    const m = this.mark;
    const n = this.name();
    if (n !== null && this.expect(T.EQUAL) !== null) {
      const v = this.pattern();
      if (v !== null) return { key: n, pattern: v };
    }
    this.mark = m;
    return null;
  }

  // ---- type statements and parameters (PEP 695) ----

  type_alias(): A.stmt | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.softKeyword("type") !== null) {
      const n = this.name();
      if (n !== null) {
        const t = this.type_params();
        if (this.expect(T.EQUAL) !== null) {
          const b = this.expression();
          if (b !== null) {
            const l = this.lastToken();
            return A.TypeAlias(setExprContext(n, A.Store), t ?? [], b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
          }
        }
      }
    }
    this.mark = m;
    return null;
  }

  type_params(): A.type_param[] | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_type_params(this); this.mark = m; }
    if (this.expect(T.LSQB) === null) return null;
    const out: A.type_param[] = [];
    for (;;) {
      const m2 = this.mark;
      if (out.length && this.expect(T.COMMA) === null) break;
      const tp = this.type_param();
      if (tp === null) { this.mark = m2; break; }
      out.push(tp);
    }
    if (out.length) {
      this.expect(T.COMMA);
      if (this.expect(T.RSQB) !== null) return out;
    }
    this.mark = m;
    return null;
  }

  type_param(): A.type_param | null {
    if (this.memoHit(M_type_param)) return this.memoResult as A.type_param | null;
    const m = this.mark;
    const r = this.type_param_raw();
    if (r === null) this.mark = m;
    this.memoSet(M_type_param, m, r);
    return r;
  }

  type_param_raw(): A.type_param | null {
    const m = this.mark;
    const t0 = this.start();
    const a = this.name();
    if (a !== null) {
      let bound: A.expr | null = null;
      const m2 = this.mark;
      if (this.expect(T.COLON) !== null) { bound = this.expression(); if (bound === null) this.mark = m2; }
      const dflt = this.typeParamDefault(false);
      const l = this.lastToken();
      return A.TypeVar(a.id, bound, dflt, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    this.mark = m;
    for (const [tok, what] of [[T.STAR, "TypeVarTuple"], [T.DOUBLESTAR, "ParamSpec"]] as const) {
      if (this.expect(tok) === null) continue;
      const n = this.name();
      if (n !== null) {
        const m2 = this.mark;
        const colon = this.expect(T.COLON);
        if (colon !== null) {
          const e = this.expression();
          if (e !== null) {
            this.raiseSyntaxErrorStartingFrom(colon, e.kind === "Tuple" ? `cannot use constraints with ${what}` : `cannot use bound with ${what}`);
          }
        }
        this.mark = m2;
        const dflt = this.typeParamDefault(tok === T.STAR);
        const l = this.lastToken();
        return tok === T.STAR
          ? A.TypeVarTuple(n.id, dflt, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset)
          : A.ParamSpec(n.id, dflt, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
      this.mark = m;
    }
    return null;
  }

  typeParamDefault(starred: boolean): A.expr | null {
    const m = this.mark;
    if (this.expect(T.EQUAL) === null) return null;
    const e = starred ? this.star_expression() : this.expression();
    if (e === null) this.mark = m;
    return e;
  }

  // ======================= expressions =======================

  expressions(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const a = this.expression();
    if (a === null) return null;
    if (!this.lookaheadType(T.COMMA)) return a;
    const elts = [a];
    for (;;) {
      const m2 = this.mark;
      if (this.expect(T.COMMA) === null) break;
      const c = this.expression();
      if (c === null) { this.mark = m2; break; }
      elts.push(c);
    }
    this.expect(T.COMMA);
    const l = this.lastToken();
    void m;
    return A.Tuple(elts, A.Load, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  expression(): A.expr | null {
    if (this.memoHit(M_expression)) return this.memoResult as A.expr | null;
    const m = this.mark;
    this.enter();
    if (this.callInvalidRules) {
      I.invalid_expression(this); this.mark = m;
      I.invalid_legacy_expression(this); this.mark = m;
    }
    // The body of expression_without_invalid, inlined (one JS frame per lambda body); a ternary goes to the loop.
    const t0 = this.start();
    const a = this.disjunction();
    let r: A.expr | null;
    if (a === null) {
      this.mark = m;
      r = this.lambdef();
    } else if (this.isKeyword("if")) {
      r = this.expression_conditional(m, t0, a);
    } else {
      r = a;
    }
    this.level--;
    if (r === null) this.mark = m;
    this.memoSet(M_expression, m, r);
    return r;
  }

  /**
   * disjunction 'if' disjunction 'else' expression, from the 'if' after `a` (parsed at `m`): the right recursion
   * through the else branch is a loop, so `x if c else y if d else ...` nests without JS stack. Each nested expression
   * keeps what the recursive rule does: its memo entry, its invalid_* checks in the second pass, one pegen level, and
   * the fallback to its disjunction when its own conditional fails.
   */
  expression_conditional(m: number, t0: Token, a: A.expr): A.expr | null {
    const heads: { readonly m: number; readonly t0: Token; readonly a: A.expr; readonly b: A.expr }[] = [];
    let tail: A.expr | null;
    let mk = m, tk = t0, ak: A.expr | null = a;
    for (;;) {
      // At mk: `ak` was parsed and is followed by 'if'.
      this.mark++;
      const b = this.disjunction();
      if (b === null || this.keyword("else") === null) {
        this.mark = mk;
        tail = this.disjunction();
        if (heads.length) { this.level--; this.memoSet(M_expression, mk, tail); }
        break;
      }
      heads.push({ m: mk, t0: tk, a: ak!, b });
      // The nested expression after 'else'.
      mk = this.mark;
      if (this.memoHit(M_expression)) { tail = this.memoResult as A.expr | null; break; }
      this.enter();
      if (this.callInvalidRules) {
        I.invalid_expression(this); this.mark = mk;
        I.invalid_legacy_expression(this); this.mark = mk;
      }
      tk = this.start();
      ak = this.disjunction();
      if (ak === null) {
        this.mark = mk;
        tail = this.lambdef();
        if (tail === null) this.mark = mk;
        this.level--;
        this.memoSet(M_expression, mk, tail);
        break;
      }
      if (!this.isKeyword("if")) {
        tail = ak;
        this.level--;
        this.memoSet(M_expression, mk, tail);
        break;
      }
    }
    // Unwind: heads[0] is this call's own conditional, whose memo entry expression() writes.
    for (let k = heads.length - 1; k >= 0; k--) {
      const h = heads[k]!;
      let r: A.expr | null;
      if (tail !== null) {
        const l = this.lastToken();
        r = A.IfExp(h.b, h.a, tail, h.t0.lineno, h.t0.col_offset, l.end_lineno, l.end_col_offset);
      } else {
        this.mark = h.m;
        r = this.disjunction();
      }
      if (k > 0) {
        this.level--;
        if (r === null) this.mark = h.m;
        this.memoSet(M_expression, h.m, r);
      }
      tail = r;
    }
    return tail;
  }

  expression_without_invalid(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const a = this.disjunction();
    if (a !== null) {
      if (this.isKeyword("if")) {
        this.mark++;
        const b = this.disjunction();
        if (b !== null && this.keyword("else") !== null) {
          const c = this.expression();
          if (c !== null) {
            const l = this.lastToken();
            return A.IfExp(b, a, c, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
          }
        }
        this.mark = m;
        return this.disjunction();
      }
      return a;
    }
    this.mark = m;
    return this.lambdef();
  }

  yield_expr(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.keyword("yield") === null) return null;
    if (this.keyword("from") !== null) {
      const a = this.expression();
      if (a !== null) {
        const l = this.lastToken();
        return A.YieldFrom(a, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
      this.mark = m + 1;
    }
    const a = this.star_expressions();
    const l = this.lastToken();
    return A.Yield(a, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  star_expressions(): A.expr | null {
    const t0 = this.start();
    const a = this.star_expression();
    if (a === null) return null;
    if (!this.lookaheadType(T.COMMA)) return a;
    const elts = [a];
    for (;;) {
      const m2 = this.mark;
      if (this.expect(T.COMMA) === null) break;
      const c = this.star_expression();
      if (c === null) { this.mark = m2; break; }
      elts.push(c);
    }
    this.expect(T.COMMA);
    const l = this.lastToken();
    return A.Tuple(elts, A.Load, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  star_expression(): A.expr | null {
    if (this.memoHit(M_star_expression)) return this.memoResult as A.expr | null;
    const m = this.mark;
    this.enter();
    let r: A.expr | null = null;
    const t0 = this.start();
    if (this.expect(T.STAR) !== null) {
      const a = this.bitwise_or();
      if (a !== null) {
        const l = this.lastToken();
        r = A.Starred(a, A.Load, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      } else {
        this.mark = m;
      }
    }
    if (r === null) r = this.expression();
    this.level--;
    if (r === null) this.mark = m;
    this.memoSet(M_star_expression, m, r);
    return r;
  }

  star_named_expressions(): A.expr[] | null {
    const out: A.expr[] = [];
    for (;;) {
      const m = this.mark;
      if (out.length && this.expect(T.COMMA) === null) break;
      const x = this.star_named_expression();
      if (x === null) { this.mark = m; break; }
      out.push(x);
    }
    if (!out.length) return null;
    this.expect(T.COMMA);
    return out;
  }

  star_named_expression(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.expect(T.STAR) !== null) {
      const a = this.bitwise_or();
      if (a !== null) {
        const l = this.lastToken();
        return A.Starred(a, A.Load, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
      this.mark = m;
    }
    return this.named_expression();
  }

  assignment_expression(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const a = this.name();
    if (a === null) return null;
    if (this.expect(T.COLONEQUAL) === null) { this.mark = m; return null; }
    // cut
    const b = this.expression();
    if (b === null) { this.mark = m; return null; }
    const l = this.lastToken();
    return A.NamedExpr(setExprContext(a, A.Store), b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  named_expression(): A.expr | null {
    const m = this.mark;
    const a = this.assignment_expression();
    if (a !== null) return a;
    if (this.callInvalidRules && !this.isMemoized(M_invalid_named_expression)) {
      I.invalid_named_expression(this);
      this.mark = m;
      this.memoSet(M_invalid_named_expression, m, null);
    }
    const e = this.expression();
    if (e !== null && !this.lookaheadType(T.COLONEQUAL)) return e;
    this.mark = m;
    return null;
  }

  disjunction(): A.expr | null {
    if (this.memoHit(M_disjunction)) return this.memoResult as A.expr | null;
    const m = this.mark;
    this.enter();
    const t0 = this.start();
    let r = this.conjunction();
    if (r !== null && this.isKeyword("or")) {
      const values = [r];
      for (;;) {
        const m2 = this.mark;
        if (this.keyword("or") === null) break;
        const c = this.conjunction();
        if (c === null) { this.mark = m2; break; }
        values.push(c);
      }
      if (values.length > 1) {
        const l = this.lastToken();
        r = A.BoolOp(A.Or, values, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.level--;
    this.memoSet(M_disjunction, m, r);
    return r;
  }

  conjunction(): A.expr | null {
    if (this.memoHit(M_conjunction)) return this.memoResult as A.expr | null;
    const m = this.mark;
    this.enter();
    const t0 = this.start();
    let r = this.inversion();
    if (r !== null && this.isKeyword("and")) {
      const values = [r];
      for (;;) {
        const m2 = this.mark;
        if (this.keyword("and") === null) break;
        const c = this.inversion();
        if (c === null) { this.mark = m2; break; }
        values.push(c);
      }
      if (values.length > 1) {
        const l = this.lastToken();
        r = A.BoolOp(A.And, values, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.level--;
    this.memoSet(M_conjunction, m, r);
    return r;
  }

  inversion(): A.expr | null {
    if (this.memoHit(M_inversion)) return this.memoResult as A.expr | null;
    // 'not' inversion | comparison, with the run of 'not's as a loop (see factor); one pegen level per inversion.
    const m = this.mark;
    let k = m;
    for (;;) {
      const t = this.peekAt(k);
      if (t.type !== T.NAME || t.string !== "not") break;
      k++;
    }
    const n = k - m;
    for (let i = 0; i <= n; i++) this.enter();
    this.mark = k;
    let r = this.comparison();
    this.level -= n + 1;
    if (r === null) {
      for (let i = m; i <= k; i++) this.memoSetEnd(M_inversion, i, null, i);
      this.mark = m;
      return null;
    }
    const end = this.mark;
    this.memoSet(M_inversion, k, r);
    const l = this.lastToken();
    for (let i = k - 1; i >= m; i--) {
      const t = this.tokens[i]!;
      r = A.UnaryOp(A.Not, r, t.lineno, t.col_offset, l.end_lineno, l.end_col_offset);
      this.memoSetEnd(M_inversion, i, r, end);
    }
    return r;
  }

  comparison(): A.expr | null {
    const t0 = this.start();
    this.enter();
    const a = this.bitwise_or();
    this.level--;
    if (a === null) return null;
    const ops: A.cmpop[] = [];
    const comparators: A.expr[] = [];
    for (;;) {
      const pair = this.compare_op_bitwise_or_pair();
      if (pair === null) break;
      ops.push(pair.op);
      comparators.push(pair.expr);
    }
    if (!ops.length) return a;
    const l = this.lastToken();
    return A.Compare(a, ops, comparators, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  compare_op_bitwise_or_pair(): CmpopExprPair | null {
    const m = this.mark;
    const t = this.peek();
    let op: A.cmpop | null = null;
    switch (t.type) {
      case T.EQEQUAL: op = A.Eq; break;
      case T.NOTEQUAL: op = A.NotEq; break;
      case T.LESSEQUAL: op = A.LtE; break;
      case T.LESS: op = A.Lt; break;
      case T.GREATEREQUAL: op = A.GtE; break;
      case T.GREATER: op = A.Gt; break;
      case T.NAME:
        if (t.string === "in") op = A.In;
        else if (t.string === "not") {
          const t2 = this.peekAt(this.mark + 1);
          if (t2.type === T.NAME && t2.string === "in") { this.mark++; op = A.NotIn; }
        } else if (t.string === "is") {
          const t2 = this.peekAt(this.mark + 1);
          if (t2.type === T.NAME && t2.string === "not") { this.mark++; op = A.IsNot; } else op = A.Is;
        }
        break;
      default:
        break;
    }
    if (op === null) return null;
    if (t.type === T.NOTEQUAL && t.string !== "!=") { this.mark = m; return null; } // barry_as_FLUFL '<>'
    this.mark++;
    const a = this.bitwise_or();
    if (a === null) { this.mark = m; return null; }
    return { op, expr: a };
  }

  /** The left-recursive binary-operator rules, as loops (bitwise_or ... term). */
  bitwise_or(): A.expr | null {
    if (this.memoHit(M_bitwise_or)) return this.memoResult as A.expr | null;
    const m = this.mark;
    this.enter();
    const t0 = this.start();
    let a = this.bitwise_xor();
    if (a !== null) {
      for (;;) {
        const m2 = this.mark;
        if (this.expect(T.VBAR) === null) break;
        const b = this.bitwise_xor();
        if (b === null) { this.mark = m2; break; }
        const l = this.lastToken();
        a = A.BinOp(a, A.BitOr, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.level--;
    this.memoSet(M_bitwise_or, m, a);
    return a;
  }

  bitwise_xor(): A.expr | null {
    const t0 = this.start();
    let a = this.bitwise_and();
    if (a === null) return null;
    for (;;) {
      const m2 = this.mark;
      if (this.expect(T.CIRCUMFLEX) === null) break;
      const b = this.bitwise_and();
      if (b === null) { this.mark = m2; break; }
      const l = this.lastToken();
      a = A.BinOp(a, A.BitXor, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    return a;
  }

  bitwise_and(): A.expr | null {
    const t0 = this.start();
    let a = this.shift_expr();
    if (a === null) return null;
    for (;;) {
      const m2 = this.mark;
      if (this.expect(T.AMPER) === null) break;
      const b = this.shift_expr();
      if (b === null) { this.mark = m2; break; }
      const l = this.lastToken();
      a = A.BinOp(a, A.BitAnd, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    return a;
  }

  shift_expr(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    let a = this.sum();
    if (a === null) {
      if (this.callInvalidRules) { I.invalid_arithmetic(this); this.mark = m; }
      return null;
    }
    for (;;) {
      const m2 = this.mark;
      const t = this.peek().type;
      if (t !== T.LEFTSHIFT && t !== T.RIGHTSHIFT) break;
      this.mark++;
      const b = this.sum();
      if (b === null) { this.mark = m2; break; }
      const l = this.lastToken();
      a = A.BinOp(a, t === T.LEFTSHIFT ? A.LShift : A.RShift, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    if (this.callInvalidRules) {
      const m3 = this.mark;
      this.mark = m;
      I.invalid_arithmetic(this);
      this.mark = m3;
    }
    return a;
  }

  sum(): A.expr | null {
    const t0 = this.start();
    let a = this.term();
    if (a === null) return null;
    for (;;) {
      const m2 = this.mark;
      const t = this.peek().type;
      if (t !== T.PLUS && t !== T.MINUS) break;
      this.mark++;
      const b = this.term();
      if (b === null) { this.mark = m2; break; }
      const l = this.lastToken();
      a = A.BinOp(a, t === T.PLUS ? A.Add : A.Sub, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    return a;
  }

  term(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    let a = this.factor();
    if (a === null) {
      if (this.callInvalidRules) { I.invalid_factor(this); this.mark = m; }
      return null;
    }
    for (;;) {
      const m2 = this.mark;
      const t = this.peek().type;
      let op: A.operator;
      if (t === T.STAR) op = A.Mult;
      else if (t === T.SLASH) op = A.Div;
      else if (t === T.DOUBLESLASH) op = A.FloorDiv;
      else if (t === T.PERCENT) op = A.Mod;
      else if (t === T.AT) op = A.MatMult;
      else break;
      this.mark++;
      const b = this.factor();
      if (b === null) { this.mark = m2; break; }
      const l = this.lastToken();
      a = A.BinOp(a, op, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    return a;
  }

  factor(): A.expr | null {
    if (this.memoHit(M_factor)) return this.memoResult as A.expr | null;
    const m = this.mark;
    const t0 = this.peek().type;
    if (t0 !== T.PLUS && t0 !== T.MINUS && t0 !== T.TILDE) {
      // power alone: kept small, since `a ** b ** c` recurses through this frame.
      this.enter();
      const r = this.power();
      this.level--;
      if (r === null) this.mark = m;
      this.memoSet(M_factor, m, r);
      return r;
    }
    return this.factor_prefixed(m);
  }

  /**
   * '+' factor | '-' factor | '~' factor: the right recursion over a run of prefix operators is a loop, so deep runs
   * (- - - ... x) cost no JS stack; each nested factor still counts one pegen level (MAXSTACK).
   */
  factor_prefixed(m: number): A.expr | null {
    let k = m;
    for (;;) {
      const t = this.peekAt(k).type;
      if (t !== T.PLUS && t !== T.MINUS && t !== T.TILDE) break;
      k++;
    }
    const n = k - m;
    for (let i = 0; i <= n; i++) this.enter();
    this.mark = k;
    let r = this.power();
    this.level -= n + 1;
    if (r === null) {
      for (let i = m; i <= k; i++) this.memoSetEnd(M_factor, i, null, i);
      this.mark = m;
      return null;
    }
    const end = this.mark;
    this.memoSet(M_factor, k, r);
    const l = this.lastToken();
    for (let i = k - 1; i >= m; i--) {
      const t = this.tokens[i]!;
      const op = t.type === T.PLUS ? A.UAdd : t.type === T.MINUS ? A.USub : A.Invert;
      r = A.UnaryOp(op, r, t.lineno, t.col_offset, l.end_lineno, l.end_col_offset);
      this.memoSetEnd(M_factor, i, r, end);
    }
    return r;
  }

  power(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const a = this.await_primary();
    if (a === null) return null;
    if (this.expect(T.DOUBLESTAR) !== null) {
      const b = this.factor();
      if (b !== null) {
        const l = this.lastToken();
        return A.BinOp(a, A.Pow, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
      this.mark = m;
      return this.await_primary();
    }
    return a;
  }

  await_primary(): A.expr | null {
    if (this.memoHit(M_await_primary)) return this.memoResult as A.expr | null;
    const m = this.mark;
    this.enter();
    const t0 = this.start();
    let r: A.expr | null = null;
    if (this.keyword("await") !== null) {
      const a = this.primary();
      if (a !== null) {
        const l = this.lastToken();
        r = A.Await(a, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      } else {
        this.mark = m;
      }
    } else {
      r = this.primary();
    }
    this.level--;
    if (r === null) this.mark = m;
    this.memoSet(M_await_primary, m, r);
    return r;
  }

  primary(): A.expr | null {
    const t0 = this.start();
    this.enter();
    let a = this.atom();
    this.level--;
    if (a === null) return null;
    for (;;) {
      const m2 = this.mark;
      const t = this.peek().type;
      // `primary genexp` is tried at any token: genexp's invalid_comprehension also starts with '[' or '{'.
      if (this.callInvalidRules && (t === T.LSQB || t === T.LBRACE)) { I.invalid_comprehension(this); this.mark = m2; }
      if (t === T.DOT) {
        this.mark++;
        const b = this.name();
        if (b === null) { this.mark = m2; break; }
        a = A.Attribute(a, b.id, A.Load, t0.lineno, t0.col_offset, b.end_lineno, b.end_col_offset);
      } else if (t === T.LPAR) {
        const g = this.genexp();
        if (g !== null) {
          const l = this.lastToken();
          a = A.Call(a, [g], [], t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
          continue;
        }
        this.mark = m2 + 1;
        const b = this.arguments();
        if (this.expect(T.RPAR) === null) { this.mark = m2; break; }
        const l = this.lastToken();
        a = A.Call(a, b?.args ?? [], b?.keywords ?? [], t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      } else if (t === T.LSQB) {
        this.mark++;
        const b = this.slices();
        if (b === null || this.expect(T.RSQB) === null) { this.mark = m2; break; }
        const l = this.lastToken();
        a = A.Subscript(a, b, A.Load, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      } else {
        break;
      }
    }
    return a;
  }

  slices(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const a = this.slice();
    if (a !== null && !this.lookaheadType(T.COMMA)) return a;
    this.mark = m;
    const elts: A.expr[] = [];
    for (;;) {
      const m2 = this.mark;
      if (elts.length && this.expect(T.COMMA) === null) break;
      const x = this.slice() ?? this.starred_expression();
      if (x === null) { this.mark = m2; break; }
      elts.push(x);
    }
    if (!elts.length) return null;
    this.expect(T.COMMA);
    const l = this.lastToken();
    return A.Tuple(elts, A.Load, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  slice(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const a = this.expression();
    if (this.expect(T.COLON) !== null) {
      const b = this.expression();
      let c: A.expr | null = null;
      const m2 = this.mark;
      if (this.expect(T.COLON) !== null) c = this.expression();
      else this.mark = m2;
      const l = this.lastToken();
      return A.Slice(a, b, c, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    this.mark = m;
    return this.named_expression();
  }

  atom(): A.expr | null {
    const t = this.peek();
    switch (t.type) {
      case T.NAME: {
        const s = t.string;
        if (s === "True" || s === "False" || s === "None") {
          this.mark++;
          return A.Constant(s === "None" ? null : s === "True", null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
        }
        return this.name();
      }
      case T.STRING: case T.FSTRING_START:
        return this.strings();
      case T.NUMBER:
        return this.number();
      case T.LPAR:
        return this.tuple() ?? this.group() ?? this.genexp();
      case T.LSQB:
        return this.list() ?? this.listcomp();
      case T.LBRACE:
        return this.dict() ?? this.set() ?? this.dictcomp() ?? this.setcomp();
      case T.ELLIPSIS:
        this.mark++;
        return A.Constant(PyEllipsis, null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
      default:
        return null;
    }
  }

  /** NUMBER token to Constant (_PyPegen_number_token / parsenumber). */
  number(): A.expr | null {
    const t = this.expect(T.NUMBER);
    if (t === null) return null;
    return A.Constant(parseNumber(t.string), null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  }

  group(): A.expr | null {
    const m = this.mark;
    if (this.expect(T.LPAR) !== null) {
      const a = this.yield_expr() ?? this.named_expression();
      if (a !== null && this.expect(T.RPAR) !== null) return a;
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_group(this); this.mark = m; }
    return null;
  }

  lambdef(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.keyword("lambda") === null) return null;
    const a = this.lambda_params();
    if (this.expect(T.COLON) !== null) {
      const b = this.expression();
      if (b !== null) {
        const l = this.lastToken();
        return A.Lambda(a ?? emptyArguments(), b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    return null;
  }

  lambda_params(): A.arguments | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_lambda_parameters(this); this.mark = m; }
    return this.lambda_parameters();
  }

  lambda_parameters(): A.arguments | null {
    const m = this.mark;
    const a = this.lambda_slash_no_default();
    if (a !== null) {
      const b = this.repeat(() => this.lambda_param_no_default());
      const c = this.repeat(() => this.lambda_param_with_default());
      const d = this.lambda_star_etc();
      return makeArguments(a, null, b, c, d);
    }
    this.mark = m;
    const sw = this.lambda_slash_with_default();
    if (sw !== null) {
      const b = this.repeat(() => this.lambda_param_with_default());
      const c = this.lambda_star_etc();
      return makeArguments(null, sw, null, b, c);
    }
    this.mark = m;
    const pn = this.repeat(() => this.lambda_param_no_default());
    if (pn.length) {
      const b = this.repeat(() => this.lambda_param_with_default());
      const c = this.lambda_star_etc();
      return makeArguments(null, null, pn, b, c);
    }
    const pw = this.repeat(() => this.lambda_param_with_default());
    if (pw.length) {
      const b = this.lambda_star_etc();
      return makeArguments(null, null, null, pw, b);
    }
    const se = this.lambda_star_etc();
    if (se !== null) return makeArguments(null, null, null, null, se);
    this.mark = m;
    return null;
  }

  lambda_slash_no_default(): A.arg[] | null {
    const m = this.mark;
    const a = this.repeat(() => this.lambda_param_no_default());
    if (a.length && this.expect(T.SLASH) !== null) {
      if (this.expect(T.COMMA) !== null || this.lookaheadType(T.COLON)) return a;
    }
    this.mark = m;
    return null;
  }

  lambda_slash_with_default(): SlashWithDefault | null {
    const m = this.mark;
    const a = this.repeat(() => this.lambda_param_no_default());
    const b = this.repeat(() => this.lambda_param_with_default());
    if (b.length && this.expect(T.SLASH) !== null) {
      if (this.expect(T.COMMA) !== null || this.lookaheadType(T.COLON)) return { plainNames: a, namesWithDefaults: b };
    }
    this.mark = m;
    return null;
  }

  lambda_star_etc(): StarEtc | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_lambda_star_etc(this); this.mark = m; }
    if (this.expect(T.STAR) !== null) {
      const a = this.lambda_param_no_default();
      if (a !== null) {
        const b = this.repeat(() => this.lambda_param_maybe_default());
        const c = this.lambda_kwds();
        return { vararg: a, kwonlyargs: b, kwarg: c };
      }
      if (this.expect(T.COMMA) !== null) {
        const b = this.repeat(() => this.lambda_param_maybe_default());
        if (b.length) {
          const c = this.lambda_kwds();
          return { vararg: null, kwonlyargs: b, kwarg: c };
        }
      }
      this.mark = m;
      return null;
    }
    const a = this.lambda_kwds();
    if (a !== null) return { vararg: null, kwonlyargs: [], kwarg: a };
    return null;
  }

  lambda_kwds(): A.arg | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_lambda_kwds(this); this.mark = m; }
    if (this.expect(T.DOUBLESTAR) === null) return null;
    const a = this.lambda_param_no_default();
    if (a === null) { this.mark = m; return null; }
    return a;
  }

  lambdaParamEnd(): boolean {
    return this.expect(T.COMMA) !== null || this.lookaheadType(T.COLON);
  }

  lambda_param_no_default(): A.arg | null {
    const m = this.mark;
    const a = this.lambda_param();
    if (a !== null && this.lambdaParamEnd()) return a;
    this.mark = m;
    return null;
  }

  lambda_param_with_default(): NameDefaultPair | null {
    const m = this.mark;
    const a = this.lambda_param();
    if (a !== null) {
      const c = this.default_();
      if (c !== null && this.lambdaParamEnd()) return { arg: a, value: c };
    }
    this.mark = m;
    return null;
  }

  lambda_param_maybe_default(): NameDefaultPair | null {
    const m = this.mark;
    const a = this.lambda_param();
    if (a !== null) {
      const c = this.default_();
      if (this.lambdaParamEnd()) return { arg: a, value: c };
    }
    this.mark = m;
    return null;
  }

  lambda_param(): A.arg | null {
    const n = this.name();
    if (n === null) return null;
    return A.arg(n.id, null, null, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset);
  }

  // ---- strings and f-strings ----

  strings(): A.expr | null {
    if (this.memoHit(M_strings)) return this.memoResult as A.expr | null;
    const m = this.mark;
    const t0 = this.start();
    const parts: A.expr[] = [];
    for (;;) {
      const t = this.peek();
      if (t.type === T.STRING) {
        this.mark++;
        parts.push(this.constantFromString(t));
      } else if (t.type === T.FSTRING_START) {
        const f = this.fstring();
        if (f === null) break;
        parts.push(f);
      } else {
        break;
      }
    }
    let r: A.expr | null = null;
    if (parts.length) {
      const l = this.lastToken();
      r = this.concatenateStrings(parts, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    } else {
      this.mark = m;
    }
    this.memoSet(M_strings, m, r);
    return r;
  }

  decodeError(e: unknown, t: Token): never {
    if (e instanceof StringDecodeError) {
      if (e.msg === "bytes can only contain ASCII literal characters") this.raiseSyntaxErrorKnownLocation(t, e.msg);
      this.raiseSyntaxError(e.msg);
    }
    throw e;
  }

  constantFromString(t: Token): A.Constant {
    let r: ReturnType<typeof parseStringToken>;
    try {
      r = parseStringToken(t.string, this.tokenizer.badBytes);
    } catch (e) {
      this.decodeError(e, t);
    }
    return A.Constant(r.value, t.string[0] === "u" ? "u" : null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  }

  fstring(): A.expr | null {
    const m = this.mark;
    const a = this.expect(T.FSTRING_START);
    if (a === null) return null;
    const raw: A.expr[] = [];
    for (;;) {
      const x = this.fstring_middle();
      if (x === null) break;
      raw.push(x);
    }
    const b = this.expect(T.FSTRING_END);
    if (b === null) { this.mark = m; return null; }
    return this.joinedStr(a, raw, b);
  }

  fstring_middle(): A.expr | null {
    const t = this.peek();
    if (t.type === T.FSTRING_MIDDLE) {
      this.mark++;
      // _PyPegen_constant_from_token: PyUnicode_FromString's UnicodeDecodeError escapes the parser as it is.
      const bad = this.tokenizer.badBytes ? utf8ErrorOfBody(t.string, true) : null;
      if (bad !== null) throw new FrontEndError("UnicodeDecodeError", bad);
      return A.Constant(t.string, null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
    }
    return this.fstring_replacement_field();
  }

  fstring_replacement_field(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.expect(T.LBRACE) !== null) {
      const a = this.annotated_rhs();
      if (a !== null) {
        const debug = this.expect(T.EQUAL);
        const conversion = this.fstring_conversion();
        const format = this.fstring_full_format_spec();
        const rbrace = this.expect(T.RBRACE);
        if (rbrace !== null) {
          return this.formattedValue(a, debug, conversion, format, rbrace, t0);
        }
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_replacement_field(this); this.mark = m; }
    return null;
  }

  fstring_conversion(): WithMetadata<A.Name> | null {
    const m = this.mark;
    const convToken = this.expect(T.EXCLAMATION);
    if (convToken === null) return null;
    const conv = this.name();
    if (conv === null) { this.mark = m; return null; }
    if (convToken.lineno !== conv.lineno || convToken.end_col_offset !== conv.col_offset) {
      this.raiseSyntaxErrorKnownRange(convToken, conv, "f-string: conversion type must come right after the exclamanation mark");
    }
    return { result: conv, token: convToken };
  }

  fstring_full_format_spec(): WithMetadata<A.expr> | null {
    const colon = this.expect(T.COLON);
    if (colon === null) return null;
    const spec: A.expr[] = [];
    for (;;) {
      const t = this.peek();
      if (t.type === T.FSTRING_MIDDLE) {
        this.mark++;
        let v: ConstantValue;
        // _PyPegen_decoded_constant_from_token: its UnicodeDecodeError is not turned into a SyntaxError.
        const bad = this.tokenizer.badBytes ? utf8ErrorOfBody(t.string, false) : null;
        if (bad !== null) throw new FrontEndError("UnicodeDecodeError", bad);
        try {
          v = decodeUnicodeEscapes(t.string);
        } catch (e) {
          if (!(e instanceof StringDecodeError)) throw e;
          throw new FrontEndError("UnicodeDecodeError", e.msg.replace(/^\(unicode error\) /, ""));
        }
        spec.push(A.Constant(v, null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset));
        continue;
      }
      const f = this.fstring_replacement_field();
      if (f === null) break;
      spec.push(f);
    }
    const l = this.lastToken();
    // _PyPegen_setup_full_format_spec: drop empty constants; a lone constant stays a one-item JoinedStr.
    const items = spec.filter((x) => !(x.kind === "Constant" && x.value === ""));
    let res: A.expr;
    if (items.length === 0 || (items.length === 1 && items[0]!.kind === "Constant")) {
      res = A.JoinedStr(items, colon.lineno, colon.col_offset, l.end_lineno, l.end_col_offset);
    } else {
      res = this.concatenateStrings(items, colon.lineno, colon.col_offset, l.end_lineno, l.end_col_offset);
    }
    return { result: res, token: colon };
  }

  /** The source text between two positions (0-based UTF-8 byte columns): the tokenizer's debug-expression metadata. */
  sourceBetween(l1: number, c1: number, l2: number, c2: number): string {
    const enc = new TextEncoder();
    const dec = new TextDecoder("utf-8", { ignoreBOM: true });
    let out = "";
    for (let ln = l1; ln <= l2; ln++) {
      const bytes = enc.encode(this.tokenizer.sourceLine(ln));
      const from = ln === l1 ? c1 : 0;
      const to = ln === l2 ? c2 : bytes.length;
      out += dec.decode(bytes.subarray(from, to));
    }
    return out;
  }

  /** _PyPegen_formatted_value. */
  formattedValue(expression: A.expr, debug: Token | null, conversion: WithMetadata<A.Name> | null,
    format: WithMetadata<A.expr> | null, rbrace: Token, t0: Token): A.expr {
    let conversionVal = -1;
    if (conversion !== null) {
      const id = conversion.result.id;
      if (id.length > 1 || !(id === "s" || id === "r" || id === "a")) {
        this.raiseSyntaxErrorKnownLocation(conversion.result, `f-string: invalid conversion character '${id}': expected 's', 'r', or 'a'`);
      }
      conversionVal = id.charCodeAt(0);
    } else if (debug !== null && format === null) {
      conversionVal = 0x72;
    }
    const lineno = t0.lineno, col = t0.col_offset, endLineno = rbrace.end_lineno, endCol = rbrace.end_col_offset;
    const fv = A.FormattedValue(expression, conversionVal, format?.result ?? null, lineno, col, endLineno, endCol);
    if (debug === null) return fv;
    let debugEndLine: number, debugEndOffset: number, metaTok: Token;
    if (conversion !== null) {
      debugEndLine = conversion.result.lineno;
      debugEndOffset = conversion.result.col_offset;
      metaTok = conversion.token;
    } else if (format !== null) {
      debugEndLine = format.result.lineno;
      debugEndOffset = format.result.col_offset + 1;
      metaTok = format.token;
    } else {
      debugEndLine = endLineno;
      debugEndOffset = endCol;
      metaTok = rbrace;
    }
    // The tokenizer's metadata: the source text from just after '{' up to the '!', ':' or '}' token.
    const text = stripComments(this.sourceBetween(t0.end_lineno, t0.end_col_offset, metaTok.lineno, metaTok.col_offset));
    const debugText = A.Constant(text, null, lineno, col + 1, debugEndLine, debugEndOffset - 1);
    return A.JoinedStr([debugText, fv], lineno, col, debugEndLine, debugEndOffset);
  }

  /** _PyPegen_joined_str. */
  joinedStr(a: Token, rawExpressions: readonly A.expr[], b: Token): A.expr {
    const exprs: A.expr[] = [];
    for (const e of rawExpressions) {
      if (e.kind === "JoinedStr") exprs.push(...e.values);
      else exprs.push(e);
    }
    const isRaw = /[rR]/.test(a.string);
    const seq: A.expr[] = [];
    for (let item of exprs) {
      if (item.kind === "Constant" && typeof item.value === "string") {
        let s = item.value;
        if (s === "{{" || s === "}}") s = s[0]!;
        let v: ConstantValue;
        try {
          v = isRaw || !s.includes("\\") ? s : decodeUnicodeEscapes(s);
        } catch (e) {
          this.decodeError(e, b);
        }
        item = A.Constant(v, null, item.lineno, item.col_offset, item.end_lineno, item.end_col_offset);
        if (v === "") continue;
      }
      seq.push(item);
    }
    return A.JoinedStr(seq, a.lineno, a.col_offset, b.end_lineno, b.end_col_offset);
  }

  /** _PyPegen_concatenate_strings. */
  concatenateStrings(strings: readonly A.expr[], lineno: number, col: number, endLineno: number, endCol: number): A.expr {
    let fstringFound = false, unicodeFound = false, bytesFound = false;
    for (const e of strings) {
      if (e.kind === "Constant") {
        if (e.value instanceof PyBytes) bytesFound = true;
        else unicodeFound = true;
      } else {
        fstringFound = true;
      }
    }
    if ((unicodeFound || fstringFound) && bytesFound) this.raiseSyntaxError("cannot mix bytes and nonbytes literals");
    if (bytesFound) {
      let total = 0;
      for (const e of strings) total += ((e as A.Constant).value as PyBytes).bytes.length;
      const buf = new Uint8Array(total);
      let off = 0;
      for (const e of strings) {
        const b = ((e as A.Constant).value as PyBytes).bytes;
        buf.set(b, off);
        off += b.length;
      }
      return A.Constant(new PyBytes(buf), (strings[0] as A.Constant).kind_, lineno, col, endLineno, endCol);
    }
    if (!fstringFound && strings.length === 1) return strings[0]!;
    const flattened: A.expr[] = [];
    for (const e of strings) {
      if (e.kind === "JoinedStr") flattened.push(...e.values);
      else flattened.push(e);
    }
    const values: A.expr[] = [];
    for (let i = 0; i < flattened.length; i++) {
      let elem = flattened[i]!;
      if (elem.kind === "Constant") {
        if (i + 1 < flattened.length && flattened[i + 1]!.kind === "Constant") {
          const first = elem;
          let last = elem;
          const pieces: ConstantValue[] = [];
          let j = i;
          for (; j < flattened.length; j++) {
            const cur = flattened[j]!;
            if (cur.kind !== "Constant") break;
            pieces.push(cur.value);
            last = cur;
          }
          i = j - 1;
          elem = A.Constant(joinStr(pieces), first.kind_, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset);
        }
        if (fstringFound && elem.kind === "Constant" && elem.value === "") continue;
      }
      values.push(elem);
    }
    if (!fstringFound) return values[0]!;
    return A.JoinedStr(values, lineno, col, endLineno, endCol);
  }

  // ---- displays and comprehensions ----

  list(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.expect(T.LSQB) === null) return null;
    const a = this.star_named_expressions();
    if (this.expect(T.RSQB) === null) { this.mark = m; return null; }
    const l = this.lastToken();
    return A.List(a ?? [], A.Load, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  tuple(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.expect(T.LPAR) === null) return null;
    let elts: A.expr[] = [];
    const m2 = this.mark;
    const y = this.star_named_expression();
    if (y !== null && this.expect(T.COMMA) !== null) {
      const z = this.star_named_expressions();
      elts = [y, ...(z ?? [])];
    } else {
      this.mark = m2;
    }
    if (this.expect(T.RPAR) === null) { this.mark = m; return null; }
    const l = this.lastToken();
    return A.Tuple(elts, A.Load, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  set(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.expect(T.LBRACE) === null) return null;
    const a = this.star_named_expressions();
    if (a === null || this.expect(T.RBRACE) === null) { this.mark = m; return null; }
    const l = this.lastToken();
    return A.Set(a, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  dict(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.expect(T.LBRACE) === null) return null;
    const a = this.double_starred_kvpairs();
    if (this.expect(T.RBRACE) !== null) {
      const l = this.lastToken();
      return A.Dict((a ?? []).map((p) => p.key), (a ?? []).map((p) => p.value), t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    // '{' invalid_double_starred_kvpairs '}': pegen guards only alternatives that start with an invalid_ rule, so
    // this one runs in the first pass too (its sub-rules without their own invalid alternatives); a dict key after a
    // comma that lacks its ':' is reported here before any second-pass rule sees it.
    this.mark = m + 1;
    I.invalid_double_starred_kvpairs(this);
    this.mark = m;
    return null;
  }

  double_starred_kvpairs(): KeyValuePair[] | null {
    const out: KeyValuePair[] = [];
    for (;;) {
      const m = this.mark;
      if (out.length && this.expect(T.COMMA) === null) break;
      const x = this.double_starred_kvpair();
      if (x === null) { this.mark = m; break; }
      out.push(x);
    }
    if (!out.length) return null;
    this.expect(T.COMMA);
    return out;
  }

  double_starred_kvpair(): KeyValuePair | null {
    const m = this.mark;
    if (this.expect(T.DOUBLESTAR) !== null) {
      const a = this.bitwise_or();
      if (a !== null) return { key: null, value: a };
      this.mark = m;
    }
    return this.kvpair();
  }

  kvpair(): KeyValuePair | null {
    const m = this.mark;
    const a = this.expression();
    if (a !== null && this.expect(T.COLON) !== null) {
      const b = this.expression();
      if (b !== null) return { key: a, value: b };
    }
    this.mark = m;
    return null;
  }

  for_if_clauses(): A.comprehension[] | null {
    const out = this.repeat(() => this.for_if_clause());
    return out.length ? out : null;
  }

  for_if_clause(): A.comprehension | null {
    const m = this.mark;
    const isAsync = this.keyword("async") !== null;
    if (this.keyword("for") !== null) {
      const a = this.star_targets();
      if (a !== null && this.keyword("in") !== null) {
        // cut
        const b = this.disjunction();
        if (b === null) { this.mark = m; return null; }
        const ifs: A.expr[] = [];
        for (;;) {
          const m2 = this.mark;
          if (this.keyword("if") === null) break;
          const z = this.disjunction();
          if (z === null) { this.mark = m2; break; }
          ifs.push(z);
        }
        return A.comprehension(a, b, ifs, isAsync ? 1 : 0);
      }
    }
    this.mark = m;
    // 'async'? 'for' (bitwise_or (',' bitwise_or)* [',']) !'in'
    this.keyword("async");
    if (this.keyword("for") !== null) {
      if (this.bitwise_or() !== null) {
        for (;;) {
          const m2 = this.mark;
          if (this.expect(T.COMMA) === null) break;
          if (this.bitwise_or() === null) { this.mark = m2; break; }
        }
        this.expect(T.COMMA);
        if (!this.isKeyword("in")) this.raiseSyntaxError("'in' expected after for-loop variables");
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_for_target(this); this.mark = m; }
    return null;
  }

  listcomp(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.expect(T.LSQB) !== null) {
      const a = this.named_expression();
      if (a !== null) {
        const b = this.for_if_clauses();
        if (b !== null && this.expect(T.RSQB) !== null) {
          const l = this.lastToken();
          return A.ListComp(a, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
        }
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_comprehension(this); this.mark = m; }
    return null;
  }

  setcomp(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.expect(T.LBRACE) !== null) {
      const a = this.named_expression();
      if (a !== null) {
        const b = this.for_if_clauses();
        if (b !== null && this.expect(T.RBRACE) !== null) {
          const l = this.lastToken();
          return A.SetComp(a, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
        }
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_comprehension(this); this.mark = m; }
    return null;
  }

  genexp(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.expect(T.LPAR) !== null) {
      let a = this.assignment_expression();
      if (a === null) {
        a = this.expression();
        if (a !== null && this.lookaheadType(T.COLONEQUAL)) a = null;
      }
      if (a !== null) {
        const b = this.for_if_clauses();
        if (b !== null && this.expect(T.RPAR) !== null) {
          const l = this.lastToken();
          return A.GeneratorExp(a, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
        }
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_comprehension(this); this.mark = m; }
    return null;
  }

  dictcomp(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    if (this.expect(T.LBRACE) !== null) {
      const a = this.kvpair();
      if (a !== null) {
        const b = this.for_if_clauses();
        if (b !== null && this.expect(T.RBRACE) !== null) {
          const l = this.lastToken();
          return A.DictComp(a.key!, a.value, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
        }
      }
    }
    this.mark = m;
    if (this.callInvalidRules) { I.invalid_dict_comprehension(this); this.mark = m; }
    return null;
  }

  // ---- call arguments ----

  /** arguments (memo): returns a Call-shaped pair of args and keywords. */
  arguments(): { args: A.expr[]; keywords: A.keyword[] } | null {
    if (this.memoHit(M_arguments)) return this.memoResult as { args: A.expr[]; keywords: A.keyword[] } | null;
    const m = this.mark;
    this.enter();
    let r: { args: A.expr[]; keywords: A.keyword[] } | null = null;
    const a = this.args();
    if (a !== null) {
      this.expect(T.COMMA);
      if (this.lookaheadType(T.RPAR)) r = a;
    }
    if (r === null) {
      this.mark = m;
      if (this.callInvalidRules) { I.invalid_arguments(this); this.mark = m; }
    }
    this.level--;
    this.memoSet(M_arguments, m, r);
    return r;
  }

  args(): { args: A.expr[]; keywords: A.keyword[] } | null {
    const m = this.mark;
    const positional: A.expr[] = [];
    for (;;) {
      const m2 = this.mark;
      if (positional.length && this.expect(T.COMMA) === null) break;
      let x = this.starred_expression();
      if (x === null) {
        x = this.assignment_expression();
        if (x === null) {
          x = this.expression();
          if (x !== null && this.lookaheadType(T.COLONEQUAL)) x = null;
        }
        if (x !== null && this.lookaheadType(T.EQUAL)) x = null;
      }
      if (x === null) { this.mark = m2; break; }
      positional.push(x);
    }
    if (positional.length) {
      const m2 = this.mark;
      let kw: KeywordOrStarred[] | null = null;
      if (this.expect(T.COMMA) !== null) {
        kw = this.kwargs();
        if (kw === null) this.mark = m2;
      }
      const args = [...positional];
      const keywords: A.keyword[] = [];
      if (kw !== null) {
        for (const k of kw) {
          if (k.isKeyword) keywords.push(k.element as A.keyword);
          else args.push(k.element as A.expr);
        }
      }
      return { args, keywords };
    }
    this.mark = m;
    const kw = this.kwargs();
    if (kw === null) return null;
    const args: A.expr[] = [];
    const keywords: A.keyword[] = [];
    for (const k of kw) {
      if (k.isKeyword) keywords.push(k.element as A.keyword);
      else args.push(k.element as A.expr);
    }
    return { args, keywords };
  }

  kwargs(): KeywordOrStarred[] | null {
    const m = this.mark;
    const a = this.commaList(() => this.kwarg_or_starred());
    if (a !== null) {
      const m2 = this.mark;
      if (this.expect(T.COMMA) !== null) {
        const b = this.commaList(() => this.kwarg_or_double_starred());
        if (b !== null) return [...a, ...b];
      }
      this.mark = m2;
      return a;
    }
    this.mark = m;
    return this.commaList(() => this.kwarg_or_double_starred());
  }

  commaList<X>(f: () => X | null): X[] | null {
    const out: X[] = [];
    for (;;) {
      const m = this.mark;
      if (out.length && this.expect(T.COMMA) === null) break;
      const x = f();
      if (x === null) { this.mark = m; break; }
      out.push(x);
    }
    return out.length ? out : null;
  }

  starred_expression(): A.expr | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_starred_expression(this); this.mark = m; }
    const t0 = this.start();
    if (this.expect(T.STAR) === null) return null;
    const a = this.expression();
    if (a !== null) {
      const l = this.lastToken();
      return A.Starred(a, A.Load, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
    }
    this.raiseSyntaxError("Invalid star expression");
  }

  kwarg_or_starred(): KeywordOrStarred | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_kwarg(this); this.mark = m; }
    const kw = this.keywordArg();
    if (kw !== null) return { element: kw, isKeyword: true };
    const a = this.starred_expression();
    if (a !== null) return { element: a, isKeyword: false };
    return null;
  }

  kwarg_or_double_starred(): KeywordOrStarred | null {
    const m = this.mark;
    if (this.callInvalidRules) { I.invalid_kwarg(this); this.mark = m; }
    const kw = this.keywordArg();
    if (kw !== null) return { element: kw, isKeyword: true };
    const t0 = this.start();
    if (this.expect(T.DOUBLESTAR) !== null) {
      const a = this.expression();
      if (a !== null) {
        const l = this.lastToken();
        return { element: A.keyword(null, a, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset), isKeyword: true };
      }
      this.mark = m;
    }
    return null;
  }

  keywordArg(): A.keyword | null {
    const m = this.mark;
    const t0 = this.start();
    const a = this.name();
    if (a !== null && this.expect(T.EQUAL) !== null) {
      const b = this.expression();
      if (b !== null) {
        const l = this.lastToken();
        return A.keyword(a.id, b, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    return null;
  }

  // ---- targets ----

  star_targets(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const a = this.star_target();
    if (a === null) return null;
    if (!this.lookaheadType(T.COMMA)) return a;
    const elts = [a];
    for (;;) {
      const m2 = this.mark;
      if (this.expect(T.COMMA) === null) break;
      const c = this.star_target();
      if (c === null) { this.mark = m2; break; }
      elts.push(c);
    }
    this.expect(T.COMMA);
    const l = this.lastToken();
    void m;
    return A.Tuple(elts, A.Store, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
  }

  star_targets_list_seq(): A.expr[] | null {
    const out = this.commaList(() => this.star_target());
    if (out === null) return null;
    this.expect(T.COMMA);
    return out;
  }

  star_targets_tuple_seq(): A.expr[] | null {
    const m = this.mark;
    const a = this.star_target();
    if (a === null) return null;
    const elts = [a];
    for (;;) {
      const m2 = this.mark;
      if (this.expect(T.COMMA) === null) break;
      const c = this.star_target();
      if (c === null) { this.mark = m2; break; }
      elts.push(c);
    }
    if (elts.length > 1) { this.expect(T.COMMA); return elts; }
    if (this.expect(T.COMMA) !== null) return elts;
    this.mark = m;
    return null;
  }

  star_target(): A.expr | null {
    if (this.memoHit(M_star_target)) return this.memoResult as A.expr | null;
    const m = this.mark;
    this.enter();
    const t0 = this.start();
    let r: A.expr | null = null;
    if (this.expect(T.STAR) !== null) {
      if (!this.lookaheadType(T.STAR)) {
        const a = this.star_target();
        if (a !== null) {
          const l = this.lastToken();
          r = A.Starred(setExprContext(a, A.Store), A.Store, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
        }
      }
      if (r === null) this.mark = m;
    }
    if (r === null) r = this.target_with_star_atom();
    this.level--;
    if (r === null) this.mark = m;
    this.memoSet(M_star_target, m, r);
    return r;
  }

  target_with_star_atom(): A.expr | null {
    if (this.memoHit(M_target_with_star_atom)) return this.memoResult as A.expr | null;
    const m = this.mark;
    this.enter();
    let r = this.subscriptAttributeTarget(A.Store);
    if (r === null) r = this.star_atom();
    this.level--;
    if (r === null) this.mark = m;
    this.memoSet(M_target_with_star_atom, m, r);
    return r;
  }

  /** t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead, with the given context. */
  subscriptAttributeTarget(ctx: A.expr_context): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const a = this.t_primary();
    if (a === null) return null;
    const m2 = this.mark;
    if (this.expect(T.DOT) !== null) {
      const b = this.name();
      if (b !== null && !this.t_lookahead()) {
        return A.Attribute(a, b.id, ctx, t0.lineno, t0.col_offset, b.end_lineno, b.end_col_offset);
      }
      this.mark = m2;
    }
    if (this.expect(T.LSQB) !== null) {
      const b = this.slices();
      if (b !== null && this.expect(T.RSQB) !== null && !this.t_lookahead()) {
        const l = this.lastToken();
        return A.Subscript(a, b, ctx, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
    }
    this.mark = m;
    return null;
  }

  star_atom(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const n = this.name();
    if (n !== null) return setExprContext(n, A.Store);
    if (this.expect(T.LPAR) !== null) {
      const a = this.target_with_star_atom();
      if (a !== null && this.expect(T.RPAR) !== null) return setExprContext(a, A.Store);
      this.mark = m + 1;
      const b = this.star_targets_tuple_seq();
      if (this.expect(T.RPAR) !== null) {
        const l = this.lastToken();
        return A.Tuple(b ?? [], A.Store, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
      this.mark = m;
      return null;
    }
    if (this.expect(T.LSQB) !== null) {
      const b = this.star_targets_list_seq();
      if (this.expect(T.RSQB) !== null) {
        const l = this.lastToken();
        return A.List(b ?? [], A.Store, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
      this.mark = m;
    }
    return null;
  }

  single_target(): A.expr | null {
    const m = this.mark;
    const a = this.single_subscript_attribute_target();
    if (a !== null) return a;
    const n = this.name();
    if (n !== null) return setExprContext(n, A.Store);
    if (this.expect(T.LPAR) !== null) {
      const b = this.single_target();
      if (b !== null && this.expect(T.RPAR) !== null) return b;
    }
    this.mark = m;
    return null;
  }

  single_subscript_attribute_target(): A.expr | null {
    return this.subscriptAttributeTarget(A.Store);
  }

  t_lookahead(): boolean {
    const t = this.peek().type;
    return t === T.LPAR || t === T.LSQB || t === T.DOT;
  }

  /** t_primary: left-recursive; each step must be followed by t_lookahead. */
  t_primary(): A.expr | null {
    if (this.memoHit(M_t_primary)) return this.memoResult as A.expr | null;
    const m = this.mark;
    this.enter();
    const t0 = this.start();
    let a = this.atom();
    if (a === null || !this.t_lookahead()) {
      a = null;
      this.mark = m;
    } else {
      for (;;) {
        const m2 = this.mark;
        const t = this.peek().type;
        let next: A.expr | null = null;
        // `t_primary genexp &t_lookahead`: genexp's invalid_comprehension also starts with '['.
        if (this.callInvalidRules && t === T.LSQB) { I.invalid_comprehension(this); this.mark = m2; }
        if (t === T.DOT) {
          this.mark++;
          const b = this.name();
          if (b !== null) next = A.Attribute(a, b.id, A.Load, t0.lineno, t0.col_offset, b.end_lineno, b.end_col_offset);
        } else if (t === T.LSQB) {
          this.mark++;
          const b = this.slices();
          if (b !== null && this.expect(T.RSQB) !== null) {
            const l = this.lastToken();
            next = A.Subscript(a, b, A.Load, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
          }
        } else if (t === T.LPAR) {
          const g = this.genexp();
          if (g !== null && this.t_lookahead()) {
            const l = this.lastToken();
            next = A.Call(a, [g], [], t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
          } else {
            this.mark = m2 + 1;
            const b = this.arguments();
            if (this.expect(T.RPAR) !== null) {
              const l = this.lastToken();
              next = A.Call(a, b?.args ?? [], b?.keywords ?? [], t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
            }
          }
        }
        if (next === null || !this.t_lookahead()) { this.mark = m2; break; }
        a = next;
      }
    }
    this.level--;
    this.memoSet(M_t_primary, m, a);
    return a;
  }

  del_targets(): A.expr[] | null {
    const out = this.commaList(() => this.del_target());
    if (out === null) return null;
    this.expect(T.COMMA);
    return out;
  }

  del_target(): A.expr | null {
    if (this.memoHit(M_del_target)) return this.memoResult as A.expr | null;
    const m = this.mark;
    this.enter();
    let r = this.subscriptAttributeTarget(A.Del);
    if (r === null) r = this.del_t_atom();
    this.level--;
    if (r === null) this.mark = m;
    this.memoSet(M_del_target, m, r);
    return r;
  }

  del_t_atom(): A.expr | null {
    const m = this.mark;
    const t0 = this.start();
    const n = this.name();
    if (n !== null) return setExprContext(n, A.Del);
    if (this.expect(T.LPAR) !== null) {
      const a = this.del_target();
      if (a !== null && this.expect(T.RPAR) !== null) return setExprContext(a, A.Del);
      this.mark = m + 1;
      const b = this.del_targets();
      if (this.expect(T.RPAR) !== null) {
        const l = this.lastToken();
        return A.Tuple(b ?? [], A.Del, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
      this.mark = m;
      return null;
    }
    if (this.expect(T.LSQB) !== null) {
      const b = this.del_targets();
      if (this.expect(T.RSQB) !== null) {
        const l = this.lastToken();
        return A.List(b ?? [], A.Del, t0.lineno, t0.col_offset, l.end_lineno, l.end_col_offset);
      }
      this.mark = m;
    }
    return null;
  }

  /** A FrontEndSyntaxError at token t, built but not thrown. */
  /** The error RAISE_ERROR_KNOWN_LOCATION would raise (1-based byte columns), returned rather than thrown. */
  errorKnownLocation(lineno: number, col: number, endLineno: number, endCol: number, msg: string): FrontEndSyntaxError {
    try {
      this.raiseErrorKnownLocation("SyntaxError", lineno, col, endLineno, endCol, msg);
    } catch (e) {
      if (e instanceof FrontEndSyntaxError) return e;
      throw e;
    }
  }

  errorAt(t: Token, kind: "SyntaxError" | "IndentationError", msg: string): FrontEndSyntaxError {
    try {
      this.raiseAtToken(kind, t, msg);
    } catch (e) {
      if (e instanceof FrontEndSyntaxError) return e;
      throw e;
    }
  }

  /** _PyPegen_check_legacy_stmt. */
  checkLegacyStmt(e: A.expr): boolean {
    return e.kind === "Name" && LEGACY.has(e.id);
  }
}

/** The tokenizer leaves comments out of a debug expression's text (f"{x # c\n=}"); quotes are respected. */
function stripComments(text: string): string {
  if (!text.includes("#")) return text;
  let out = "";
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== "") {
      if (c === "\\") { out += c + (text[i + 1] ?? ""); i++; continue; }
      if (text.startsWith(quote, i)) { out += quote; i += quote.length - 1; quote = ""; continue; }
      out += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      out += quote;
      i += quote.length - 1;
      continue;
    }
    if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
      i--;
      continue;
    }
    out += c;
  }
  return out;
}

/** Concatenates str constants; code points are kept apart where a JS string would fuse two lone surrogates. */
function joinStr(pieces: readonly ConstantValue[]): string | SurrogateStr {
  let plain = true;
  for (const x of pieces) if (typeof x !== "string") plain = false;
  if (plain) {
    const s = (pieces as string[]).join("");
    // Joining may put a lone high surrogate next to a lone low one.
    if (!/[\ud800-\udbff]$/.test(pieces[0] as string) || pieces.length === 1) {
      let fused = false;
      for (let k = 0; k + 1 < pieces.length; k++) {
        if (/[\ud800-\udbff]$/.test(pieces[k] as string) && /^[\udc00-\udfff]/.test(pieces[k + 1] as string)) fused = true;
      }
      if (!fused) return s;
    }
  }
  const cps: number[] = [];
  for (const x of pieces) cps.push(...strCodePoints(x as string | SurrogateStr));
  return makeStr(cps);
}

/** parsenumber (Parser/pegen.c): int → bigint, float → number, imaginary → PyComplex(0, x). */
export function parseNumber(s: string): ConstantValue {
  const t = s.includes("_") ? s.replace(/_/g, "") : s;
  const last = t[t.length - 1];
  if (last === "j" || last === "J") return new PyComplex(0, Number(t.slice(0, -1)));
  if (t.length > 1 && t[0] === "0") {
    const p = t[1];
    if (p === "x" || p === "X" || p === "o" || p === "O" || p === "b" || p === "B") return BigInt(t.toLowerCase());
  }
  if (/[.eE]/.test(t)) return Number(t);
  return BigInt(t);
}

/** Does the token stream have an unconsumed statement after a `single` parse (bad_single_statement)? */
/**
 * bltinmodule.c source_as_string: compile() needs the source as a NUL-terminated UTF-8 string, so a str holding lone
 * surrogates fails to encode and any NUL is rejected before the tokenizer starts (a SyntaxError without location).
 */
function checkSourceString(source: Uint8Array | string): void {
  if (typeof source === "string") {
    let cp = 0;
    for (let i = 0; i < source.length; i++, cp++) {
      const c = source.charCodeAt(i);
      if ((c & 0xf800) !== 0xd800) continue;
      if (c <= 0xdbff && i + 1 < source.length && (source.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { i++; continue; }
      // PyUnicode_AsUTF8AndSize: one error for the run of consecutive lone surrogates.
      let n = 1;
      for (let j = i + 1; j < source.length; j++) {
        const d = source.charCodeAt(j);
        if ((d & 0xf800) !== 0xd800) break;
        if (d <= 0xdbff && j + 1 < source.length && (source.charCodeAt(j + 1) & 0xfc00) === 0xdc00) break;
        n++;
      }
      const hex = (k: number) => `\\u${source.charCodeAt(k).toString(16).padStart(4, "0")}`;
      throw new FrontEndError("UnicodeEncodeError", n === 1
        ? `'utf-8' codec can't encode character '${hex(i)}' in position ${cp}: surrogates not allowed`
        : `'utf-8' codec can't encode characters in position ${cp}-${cp + n - 1}: surrogates not allowed`);
    }
  }
  if (typeof source === "string" ? source.includes("\0") : source.includes(0)) {
    throw new FrontEndSyntaxError("SyntaxError", "source code string cannot contain null bytes", null, null, null, null, null, null);
  }
}

function checkSingle(p: PythonParser): void {
  // bad_single_statement (Parser/pegen.c): only blanks and comments may follow the statement. CPython scans the
  // characters after the tokenizer's cursor without tokenizing, and reports the error at the parser's last token.
  if (p.tokenizer.badSingleStatement()) p.raiseSyntaxError("multiple statements found while compiling a single statement");
}

/**
 * Parses a whole source into its `mod` node, or throws FrontEndSyntaxError (or ParserStackOverflow).
 * Mirrors _PyPegen_run_parser: a failing first pass is re-run with the invalid_* rules enabled, and a generic
 * "invalid syntax" is reported at the last token the first pass read.
 */
export function parse(source: Uint8Array | string, filename: string, mode: ParseMode, options?: ParseOptions): A.mod {
  if (options?.fileInput !== true) checkSourceString(source);
  const tok = new Tokenizer(source, {
    filename, extraTokens: false, execInput: mode === "exec", typeComments: options?.typeComments === true,
    fileInput: options?.fileInput === true, sourceIsFile: options?.sourceIsFile === true,
  });
  const p = new PythonParser(tok, filename, mode);
  try {
    return parseWith(p, mode);
  } finally {
    p.releaseMemo();
  }
}

function parseWith(p: PythonParser, mode: ParseMode): A.mod {
  const run = (): A.mod | null => {
    switch (mode) {
      case "exec": return p.file();
      case "eval": return p.eval();
      case "single": return p.interactive();
      case "func_type": return p.func_type();
      default: {
        const never: never = mode;
        return never;
      }
    }
  };
  let res: A.mod | null;
  try {
    res = run();
  } catch (e) {
    throw finishError(p, e);
  }
  if (res !== null) {
    if (mode === "single") checkSingle(p);
    return res;
  }
  const lastToken = p.tokens[p.tokens.length - 1]!;
  p.resetForErrorPass();
  try {
    run();
  } catch (e) {
    throw finishError(p, e);
  }
  // _Pypegen_set_syntax_error
  if (lastToken.type === T.INDENT || lastToken.type === T.DEDENT) {
    // Raised as it is: CPython does not tokenize the rest of the source for this one.
    throw p.errorAt(lastToken, "IndentationError", lastToken.type === T.INDENT ? "unexpected indent" : "unexpected unindent");
  }
  // RAISE_SYNTAX_ERROR_KNOWN_LOCATION: a position-less last token (ENDMARKER, single input's added NEWLINE) gives
  // columns -1 + 1 = 0.
  const err = lastToken.col_offset === -1
    ? p.errorKnownLocation(lastToken.lineno, 0, lastToken.end_lineno, 0, "invalid syntax")
    : p.errorAt(lastToken, "SyntaxError", "invalid syntax");
  throw tokenizeRestForErrors(p, err);
}

/** Converts what a pass threw into the error to report; JS stack exhaustion becomes pegen's MemoryError. */
function finishError(p: PythonParser, e: unknown): unknown {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return new ParserStackOverflow();
  if (e instanceof FrontEndSyntaxError && e !== p.tokenizerError) return tokenizeRestForErrors(p, e);
  return e;
}

/**
 * _PyPegen_tokenize_full_source_to_check_for_errors: a tokenizer error later in the file replaces a parser error,
 * except an unclosed bracket opened on a line after the parser error's line.
 */
function tokenizeRestForErrors(p: PythonParser, err: FrontEndSyntaxError): FrontEndSyntaxError | FrontEndError {
  // An unclosed bracket wins only when it was opened on a line before the token the parser stopped at.
  const current = p.knownErrToken ?? p.tokens[p.tokens.length - 1];
  let replacement: FrontEndSyntaxError | FrontEndError | null = null;
  try {
    for (;;) {
      const t = p.tokenizer.next();
      if (t.type === T.ENDMARKER) break;
    }
  } catch (e) {
    if (!(e instanceof FrontEndSyntaxError)) {
      if (e instanceof RangeError) return err;
      throw e;
    }
    if (!(e instanceof TokenizerError)) {
      // The lexer raised a SyntaxError itself (_PyTokenizer_syntaxerror): it replaces the parser's error.
      replacement = e;
    } else if (e.done === E_DECODE) {
      // An identifier that is not UTF-8: here pegen does not convert the tokenizer's UnicodeDecodeError.
      replacement = new FrontEndError("UnicodeDecodeError", e.msg.replace(/^\(unicode error\) /, ""));
    } else {
      // An error known only by tok->done sets no exception: only a bracket left open on an earlier line wins.
      const unclosed = p.tokenizer.unclosedBracketError();
      if (unclosed !== null && current !== undefined && current.lineno > (unclosed.lineno ?? 0)) replacement = unclosed;
    }
  }
  // Inside an f-string the parser's error about the expression part stays (tok_mode_stack_index > 0).
  if (replacement === null || p.tokenizer.insideFString()) return err;
  return replacement;
}

export type { Location };
