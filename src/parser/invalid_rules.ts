// The grammar's invalid_* rules: tried only in the second pass (p.callInvalidRules) to raise specialized
// SyntaxErrors. One exported function per rule of Grammar/python.gram, same name; each either throws or returns
// null (the caller resets the mark). Counterpart: the invalid_* functions of Parser/parser.c. See docs/parser.md.
import type { PythonParser } from "./parser.js";
import * as T from "./token.js";
import * as A from "../ast/nodes.js";
import { getExprName } from "./action_helpers.js";
import type { Token } from "./tokenizer.js";
import { KEYWORDS } from "./pegen.js";

type P = PythonParser;

// ---- helpers ----

/** `NEWLINE !INDENT` after a header: "expected an indented block after <what> on line N". */
function expectIndentedBlock(p: P, header: Token, what: string): void {
  if (p.expect(T.NEWLINE) !== null && !p.lookaheadType(T.INDENT)) {
    p.raiseIndentationError(`expected an indented block after ${what} on line ${header.lineno}`);
  }
}

type TargetsType = "star" | "del" | "for";

/** _PyPegen_get_invalid_target: the first sub-expression that cannot be a STAR_TARGETS / DEL_TARGETS / FOR_TARGETS. */
function getInvalidTarget(e: A.expr, type: TargetsType): A.expr | null {
  switch (e.kind) {
    case "List": case "Tuple":
      for (const x of e.elts) {
        const r = getInvalidTarget(x, type);
        if (r !== null) return r;
      }
      return null;
    case "Starred":
      return type === "del" ? e : getInvalidTarget(e.value, type);
    case "Compare":
      // `for a in b` parses its target and iterable as a comparison: look at the left side of the `in`.
      if (type === "for") return e.ops[0]!.kind === "In" ? getInvalidTarget(e.left, type) : null;
      return e;
    case "Name": case "Subscript": case "Attribute":
      return null;
    default:
      return e;
  }
}

/** RAISE_SYNTAX_ERROR_INVALID_TARGET. */
function raiseInvalidTarget(p: P, type: TargetsType, e: A.expr): null {
  const t = getInvalidTarget(e, type);
  if (t === null) return null;
  return p.raiseSyntaxErrorKnownLocation(t, `${type === "del" ? "cannot delete" : "cannot assign to"} ${getExprName(t)}`);
}

// ---- expressions ----


export function invalid_legacy_expression(p: P): null {
  const m = p.mark;
  const a = p.name();
  if (a !== null && !p.lookaheadType(T.LPAR)) {
    const b = p.star_expressions();
    if (b !== null && p.checkLegacyStmt(a)) {
      p.raiseSyntaxErrorKnownRange(a, b, `Missing parentheses in call to '${a.id}'. Did you mean ${a.id}(...)?`);
    }
  }
  p.mark = m;
  return null;
}

export function invalid_expression(p: P): null {
  const m = p.mark;
  // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
  const t0 = p.peek();
  // _PyPegen_soft_keyword_token compares with strncmp(keyword, token, len(token)), so any prefix of a soft keyword
  // ("m", "ca", "typ", ...) counts as SOFT_KEYWORD here.
  const softKw = t0.type === T.NAME && !KEYWORDS.has(t0.string) && t0.string.length > 0 &&
    (("_".startsWith(t0.string)) || "case".startsWith(t0.string) || "match".startsWith(t0.string) || "type".startsWith(t0.string));
  const isName = t0.type === T.NAME && !KEYWORDS.has(t0.string);
  const t1 = isName ? p.peekAt(p.mark + 1) : null;
  if (!(t1 !== null && t1.type === T.STRING) && !softKw) {
    const a = p.disjunction();
    if (a !== null) {
      const saved = p.callInvalidRules;
      p.callInvalidRules = false;
      const b = p.expression_without_invalid();
      p.callInvalidRules = saved;
      if (b !== null && !p.checkLegacyStmt(a) && p.tokenLevels[p.mark - 1] !== 0) {
        p.raiseSyntaxErrorKnownRange(a, b, "invalid syntax. Perhaps you forgot a comma?");
      }
    }
  }
  p.mark = m;
  // a=disjunction 'if' b=disjunction !('else'|':')
  const a = p.disjunction();
  if (a !== null && p.keyword("if") !== null) {
    const b = p.disjunction();
    if (b !== null && !p.isKeyword("else") && !p.lookaheadType(T.COLON)) {
      p.raiseSyntaxErrorKnownRange(a, b, "expected 'else' after 'if' expression");
    }
  }
  p.mark = m;
  // a='lambda' [lambda_params] b=':' &FSTRING_MIDDLE
  const lam = p.keyword("lambda");
  if (lam !== null) {
    const m2 = p.mark;
    if (p.lambda_params() === null) p.mark = m2;
    const colon = p.expect(T.COLON);
    if (colon !== null && p.lookaheadType(T.FSTRING_MIDDLE)) {
      p.raiseSyntaxErrorKnownRange(lam, colon, "f-string: lambda expressions are not allowed without parentheses");
    }
  }
  p.mark = m;
  return null;
}

export function invalid_named_expression(p: P): null {
  const m = p.mark;
  const a = p.expression();
  if (a !== null && p.expect(T.COLONEQUAL) !== null && p.expression() !== null) {
    p.raiseSyntaxErrorKnownLocation(a, `cannot use assignment expressions with ${getExprName(a)}`);
  }
  p.mark = m;
  const n = p.name();
  if (n !== null && p.expect(T.EQUAL) !== null) {
    const b = p.bitwise_or();
    if (b !== null && !p.lookaheadType(T.EQUAL) && !p.lookaheadType(T.COLONEQUAL)) {
      p.raiseSyntaxErrorKnownRange(n, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
  }
  p.mark = m;
  const t = p.peek();
  const excluded = (t.type === T.NAME && (t.string === "True" || t.string === "None" || t.string === "False")) ||
    (() => { const r = p.list() ?? p.tuple() ?? p.genexp(); p.mark = m; return r !== null; })();
  if (!excluded) {
    const a2 = p.bitwise_or();
    if (a2 !== null && p.expect(T.EQUAL) !== null && p.bitwise_or() !== null && !p.lookaheadType(T.EQUAL) && !p.lookaheadType(T.COLONEQUAL)) {
      p.raiseSyntaxErrorKnownLocation(a2, `cannot assign to ${getExprName(a2)} here. Maybe you meant '==' instead of '='?`);
    }
  }
  p.mark = m;
  return null;
}

export function invalid_assignment(p: P): null {
  const m = p.mark;
  // a=invalid_ann_assign_target ':' expression
  const ia = invalid_ann_assign_target(p);
  if (ia !== null && p.expect(T.COLON) !== null && p.expression() !== null) {
    p.raiseSyntaxErrorKnownLocation(ia, `only single target (not ${getExprName(ia)}) can be annotated`);
  }
  p.mark = m;
  // a=star_named_expression ',' star_named_expressions* ':' expression
  const sn = p.star_named_expression();
  if (sn !== null && p.expect(T.COMMA) !== null) {
    while (p.star_named_expressions() !== null);
    if (p.expect(T.COLON) !== null && p.expression() !== null) {
      p.raiseSyntaxErrorKnownLocation(sn, "only single target (not tuple) can be annotated");
    }
  }
  p.mark = m;
  // a=expression ':' expression
  const ex = p.expression();
  if (ex !== null && p.expect(T.COLON) !== null && p.expression() !== null) {
    p.raiseSyntaxErrorKnownLocation(ex, "illegal target for annotation");
  }
  p.mark = m;
  // (star_targets '=')* a=star_expressions '='
  for (;;) {
    const m2 = p.mark;
    if (p.star_targets() === null || p.expect(T.EQUAL) === null) { p.mark = m2; break; }
  }
  const m1 = p.mark;
  const a = p.star_expressions();
  if (a !== null && p.expect(T.EQUAL) !== null) raiseInvalidTarget(p, "star", a);
  p.mark = m1;
  const y = p.yield_expr();
  if (y !== null && p.expect(T.EQUAL) !== null) p.raiseSyntaxErrorKnownLocation(y, "assignment to yield expression not possible");
  p.mark = m;
  // a=star_expressions augassign annotated_rhs
  const b = p.star_expressions();
  if (b !== null) {
    const k = p.peek().type;
    // augassign: PLUSEQUAL..DOUBLESTAREQUAL, DOUBLESLASHEQUAL, ATEQUAL (DOUBLESLASH lies between them).
    if ((k >= T.PLUSEQUAL && k <= T.DOUBLESTAREQUAL) || k === T.DOUBLESLASHEQUAL || k === T.ATEQUAL) {
      p.mark++;
      if (p.annotated_rhs() !== null) {
        p.raiseSyntaxErrorKnownLocation(b, `'${getExprName(b)}' is an illegal expression for augmented assignment`);
      }
    }
  }
  p.mark = m;
  return null;
}

export function invalid_ann_assign_target(p: P): A.expr | null {
  const m = p.mark;
  const a = p.list() ?? p.tuple();
  if (a !== null) return a;
  if (p.expect(T.LPAR) !== null) {
    const b = invalid_ann_assign_target(p);
    if (b !== null && p.expect(T.RPAR) !== null) return b;
  }
  p.mark = m;
  return null;
}
export function invalid_del_stmt(p: P): null {
  const m = p.mark;
  if (p.keyword("del") !== null) {
    const a = p.star_expressions();
    if (a !== null) raiseInvalidTarget(p, "del", a);
  }
  p.mark = m;
  return null;
}

export function invalid_block(p: P): null {
  const m = p.mark;
  if (p.expect(T.NEWLINE) !== null && !p.lookaheadType(T.INDENT)) p.raiseIndentationError("expected an indented block");
  p.mark = m;
  return null;
}

export function invalid_default(p: P): null {
  const m = p.mark;
  const a = p.expect(T.EQUAL);
  if (a !== null && (p.lookaheadType(T.RPAR) || p.lookaheadType(T.COMMA))) {
    p.raiseSyntaxErrorKnownLocation(a, "expected default value expression");
  }
  p.mark = m;
  return null;
}
export function invalid_with_item(p: P): null {
  const m = p.mark;
  if (p.expression() !== null && p.keyword("as") !== null) {
    const a = p.expression();
    if (a !== null && (p.lookaheadType(T.COMMA) || p.lookaheadType(T.RPAR) || p.lookaheadType(T.COLON))) {
      raiseInvalidTarget(p, "star", a);
    }
  }
  p.mark = m;
  return null;
}
export function invalid_for_target(p: P): null {
  const m = p.mark;
  p.keyword("async");
  if (p.keyword("for") !== null) {
    const a = p.star_expressions();
    if (a !== null) raiseInvalidTarget(p, "for", a);
  }
  p.mark = m;
  return null;
}
/** `','.(X ['as' star_target])+` of invalid_with_stmt(_indent), X being expression or (parenthesized) expressions. */
function withItemList(p: P, parenthesized: boolean): boolean {
  return p.commaList(() => {
    const e = parenthesized ? p.expressions() : p.expression();
    if (e === null) return null;
    const m = p.mark;
    if (p.keyword("as") === null || p.star_target() === null) p.mark = m;
    return e;
  }) !== null;
}

/**
 * The two shapes of invalid_with_stmt / invalid_with_stmt_indent: `['async'] a='with' items` and
 * `['async'] a='with' '(' items ','? ')'`; `after` is tried after each and the mark restored.
 */
function withHeads(p: P, after: (a: Token) => void): null {
  const m = p.mark;
  p.keyword("async");
  const a = p.keyword("with");
  if (a !== null) {
    const m2 = p.mark;
    if (withItemList(p, false)) after(a);
    p.mark = m2;
    if (p.expect(T.LPAR) !== null && withItemList(p, true)) {
      p.expect(T.COMMA);
      if (p.expect(T.RPAR) !== null) after(a);
    }
  }
  p.mark = m;
  return null;
}

export function invalid_with_stmt(p: P): null {
  return withHeads(p, () => {
    if (p.expect(T.NEWLINE) !== null) p.raiseSyntaxError("expected ':'");
  });
}

export function invalid_with_stmt_indent(p: P): null {
  return withHeads(p, (a) => {
    if (p.expect(T.COLON) !== null) expectIndentedBlock(p, a, "'with' statement");
  });
}

export function invalid_try_stmt(p: P): null {
  const m = p.mark;
  const a = p.keyword("try");
  if (a !== null && p.expect(T.COLON) !== null) {
    const m2 = p.mark;
    expectIndentedBlock(p, a, "'try' statement");
    p.mark = m2;
    if (p.block() !== null && !p.isKeyword("except") && !p.isKeyword("finally")) p.raiseSyntaxError("expected 'except' or 'finally' block");
    // 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
    p.mark = m2;
    p.repeat(() => p.block());
    const afterBlocks = p.mark;
    if (p.repeat(() => p.except_block()).length > 0) {
      const e = p.keyword("except");
      const star = e !== null ? p.expect(T.STAR) : null;
      if (e !== null && star !== null && p.expression() !== null) {
        p.optAsName();
        if (p.expect(T.COLON) !== null) p.raiseSyntaxErrorKnownRange(e, star, "cannot have both 'except' and 'except*' on the same 'try'");
      }
    }
    // 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':'
    p.mark = afterBlocks;
    if (p.repeat(() => p.except_star_block()).length > 0) {
      const e = p.keyword("except");
      if (e !== null) {
        const m3 = p.mark;
        if (p.expression() !== null) p.optAsName();
        else p.mark = m3;
        if (p.expect(T.COLON) !== null) p.raiseSyntaxErrorKnownLocation(e, "cannot have both 'except' and 'except*' on the same 'try'");
      }
    }
  }
  p.mark = m;
  return null;
}
export function invalid_except_stmt(p: P): null {
  const m = p.mark;
  if (p.keyword("except") !== null) {
    p.expect(T.STAR);
    const a = p.expression();
    if (a !== null) {
      const m2 = p.mark;
      if (p.expect(T.COMMA) !== null && p.expressions() !== null) {
        p.optAsName();
        if (p.expect(T.COLON) !== null) p.raiseSyntaxErrorStartingFrom(a, "multiple exception types must be parenthesized");
      }
      p.mark = m2;
      p.optAsName();
      if (p.lookaheadType(T.NEWLINE)) { p.mark++; p.raiseSyntaxError("expected ':'"); }
    }
  }
  p.mark = m;
  if (p.keyword("except") !== null && p.lookaheadType(T.NEWLINE)) { p.mark++; p.raiseSyntaxError("expected ':'"); }
  p.mark = m;
  // a='except' '*' (NEWLINE | ':')
  if (p.keyword("except") !== null && p.expect(T.STAR) !== null && (p.expect(T.NEWLINE) !== null || p.expect(T.COLON) !== null)) {
    p.raiseSyntaxError("expected one or more exception types");
  }
  p.mark = m;
  return null;
}
export function invalid_finally_stmt(p: P): null {
  const m = p.mark;
  const a = p.keyword("finally");
  if (a !== null && p.expect(T.COLON) !== null) expectIndentedBlock(p, a, "'finally' statement");
  p.mark = m;
  return null;
}
export function invalid_except_stmt_indent(p: P): null {
  const m = p.mark;
  const a = p.keyword("except");
  if (a !== null) {
    if (p.expression() !== null) p.optAsName();
    if (p.expect(T.COLON) !== null) expectIndentedBlock(p, a, "'except' statement");
  }
  p.mark = m;
  return null;
}
export function invalid_except_star_stmt_indent(p: P): null {
  const m = p.mark;
  const a = p.keyword("except");
  if (a !== null && p.expect(T.STAR) !== null && p.expression() !== null) {
    p.optAsName();
    if (p.expect(T.COLON) !== null) expectIndentedBlock(p, a, "'except*' statement");
  }
  p.mark = m;
  return null;
}
export function invalid_match_stmt(p: P): null {
  const m = p.mark;
  const a = p.softKeyword("match");
  if (a !== null && p.subject_expr() !== null) {
    if (p.lookaheadType(T.NEWLINE)) { p.mark++; p.raiseSyntaxError("expected ':'"); }
    if (p.expect(T.COLON) !== null) expectIndentedBlock(p, a, "'match' statement");
  }
  p.mark = m;
  return null;
}
export function invalid_case_block(p: P): null {
  const m = p.mark;
  const a = p.softKeyword("case");
  if (a !== null && p.patterns() !== null) {
    p.guard();
    if (p.lookaheadType(T.NEWLINE)) { p.mark++; p.raiseSyntaxError("expected ':'"); }
    if (p.expect(T.COLON) !== null) expectIndentedBlock(p, a, "'case' statement");
  }
  p.mark = m;
  return null;
}
export function invalid_as_pattern(p: P): null {
  const m = p.mark;
  if (p.or_pattern() !== null && p.keyword("as") !== null) {
    const t = p.peek();
    if (t.type === T.NAME && t.string === "_") p.raiseSyntaxErrorKnownLocation(t, "cannot use '_' as a target");
    if (p.nameToken() === null) {
      const a = p.expression();
      if (a !== null) p.raiseSyntaxErrorKnownLocation(a, "invalid pattern target");
    }
  }
  p.mark = m;
  return null;
}

/** The shared shape of invalid_if_stmt / invalid_elif_stmt / invalid_while_stmt. */
function invalidCondStmt(p: P, kw: string, what: string): null {
  const m = p.mark;
  const a = p.keyword(kw);
  if (a !== null && p.named_expression() !== null) {
    if (p.lookaheadType(T.NEWLINE)) { p.mark++; p.raiseSyntaxError("expected ':'"); }
    if (p.expect(T.COLON) !== null) expectIndentedBlock(p, a, what);
  }
  p.mark = m;
  return null;
}
export function invalid_if_stmt(p: P): null { return invalidCondStmt(p, "if", "'if' statement"); }
export function invalid_elif_stmt(p: P): null { return invalidCondStmt(p, "elif", "'elif' statement"); }
export function invalid_while_stmt(p: P): null { return invalidCondStmt(p, "while", "'while' statement"); }
export function invalid_else_stmt(p: P): null {
  const m = p.mark;
  const a = p.keyword("else");
  if (a !== null && p.expect(T.COLON) !== null) expectIndentedBlock(p, a, "'else' statement");
  p.mark = m;
  return null;
}
export function invalid_for_stmt(p: P): null {
  const m = p.mark;
  p.keyword("async");
  const a = p.keyword("for");
  if (a !== null && p.star_targets() !== null && p.keyword("in") !== null && p.star_expressions() !== null) {
    if (p.lookaheadType(T.NEWLINE)) { p.mark++; p.raiseSyntaxError("expected ':'"); }
    if (p.expect(T.COLON) !== null) expectIndentedBlock(p, a, "'for' statement");
  }
  p.mark = m;
  return null;
}
export function invalid_def_raw(p: P): null {
  const m = p.mark;
  p.keyword("async");
  const a = p.keyword("def");
  if (a !== null && p.name() !== null) {
    p.type_params();
    p.forced(T.LPAR, "(");
    p.params();
    if (p.expect(T.RPAR) !== null) {
      const m2 = p.mark;
      if (p.expect(T.RARROW) !== null && p.expression() === null) p.mark = m2;
      if (p.lookaheadType(T.COLON)) {
        p.mark++;
        expectIndentedBlock(p, a, "function definition");
      } else {
        p.forced(T.COLON, ":");
      }
    }
  }
  p.mark = m;
  return null;
}
export function invalid_class_def_raw(p: P): null {
  const m = p.mark;
  const a = p.keyword("class");
  if (a !== null && p.name() !== null) {
    p.type_params();
    const m2 = p.mark;
    if (p.expect(T.LPAR) !== null) {
      p.arguments();
      if (p.expect(T.RPAR) === null) p.mark = m2;
    }
    if (p.lookaheadType(T.NEWLINE)) { p.mark++; p.raiseSyntaxError("expected ':'"); }
    if (p.expect(T.COLON) !== null) expectIndentedBlock(p, a, "class definition");
  }
  p.mark = m;
  return null;
}
export function invalid_starred_expression(p: P): null {
  const m = p.mark;
  const a = p.expect(T.STAR);
  if (a !== null && p.expression() !== null) {
    if (p.expect(T.EQUAL) !== null) {
      const b = p.expression();
      if (b !== null) p.raiseSyntaxErrorKnownRange(a, b, "cannot assign to iterable argument unpacking");
    }
  }
  p.mark = m;
  return null;
}
export function invalid_type_params(p: P): null {
  const m = p.mark;
  const a = p.expect(T.LSQB);
  if (a !== null) {
    const b = p.expect(T.RSQB);
    if (b !== null) p.raiseSyntaxErrorStartingFrom(b, "Type parameter list cannot be empty");
  }
  p.mark = m;
  return null;
}

// ---- expr ----

/** _PyPegen_get_last_comprehension_item: the end of a generator's last clause (its last `if`, else its iterable). */
function lastComprehensionItem(cs: readonly A.comprehension[]): A.expr {
  const c = cs[cs.length - 1]!;
  return c.ifs.length ? c.ifs[c.ifs.length - 1]! : c.iter;
}

/** One positional argument of `args`: starred_expression | (assignment_expression | expression !':=') !'='. */
function positionalArg(p: P): A.expr | null {
  const s = p.starred_expression();
  if (s !== null) return s;
  const m = p.mark;
  let x = p.assignment_expression();
  if (x === null) {
    x = p.expression();
    if (x !== null && p.lookaheadType(T.COLONEQUAL)) x = null;
  }
  if (x === null || p.lookaheadType(T.EQUAL)) { p.mark = m; return null; }
  return x;
}

/** `','.X+` as a list, or null (the mark is left after the last item). */
function commaSeparated<X>(p: P, f: () => X | null): X[] | null {
  return p.commaList(f);
}

export function invalid_arguments(p: P): null {
  const m = p.mark;
  // ((','.(positional)+ ',' kwargs) | kwargs) a=',' ','.(starred_expression !'=')+
  let head = commaSeparated(p, () => positionalArg(p)) !== null && p.expect(T.COMMA) !== null && p.kwargs() !== null;
  if (!head) { p.mark = m; head = p.kwargs() !== null; }
  if (head) {
    const a = p.expect(T.COMMA);
    if (a !== null) {
      const starred = commaSeparated(p, () => {
        const m2 = p.mark;
        const x = p.starred_expression();
        if (x !== null && p.lookaheadType(T.EQUAL)) { p.mark = m2; return null; }
        return x;
      });
      if (starred !== null) p.raiseSyntaxErrorStartingFrom(a, "iterable argument unpacking follows keyword argument unpacking");
    }
  }
  p.mark = m;
  // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
  const e = p.expression();
  if (e !== null) {
    const b = p.for_if_clauses();
    if (b !== null && p.expect(T.COMMA) !== null) {
      const m2 = p.mark;
      if (p.args() === null) {
        p.mark = m2;
        if (p.expression() === null || p.for_if_clauses() === null) p.mark = m2;
      }
      p.raiseSyntaxErrorKnownRange(e, lastComprehensionItem(b), "Generator expression must be parenthesized");
    }
  }
  p.mark = m;
  // a=NAME b='=' expression for_if_clauses
  const n = p.name();
  if (n !== null) {
    const b = p.expect(T.EQUAL);
    if (b !== null && p.expression() !== null && p.for_if_clauses() !== null) {
      p.raiseSyntaxErrorKnownRange(n, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
  }
  p.mark = m;
  // (args ',')? a=NAME b='=' &(',' | ')')
  if (p.args() === null || p.expect(T.COMMA) === null) p.mark = m;
  const n2 = p.name();
  if (n2 !== null) {
    const b = p.expect(T.EQUAL);
    if (b !== null && (p.lookaheadType(T.COMMA) || p.lookaheadType(T.RPAR))) {
      p.raiseSyntaxErrorKnownRange(n2, b, "expected argument value expression");
    }
  }
  p.mark = m;
  // a=args b=for_if_clauses  (_PyPegen_nonparen_genexp_in_call)
  const a = p.args();
  if (a !== null) {
    const afterArgs = p.mark;
    const b = p.for_if_clauses();
    if (b !== null && a.args.length > 1) {
      p.raiseSyntaxErrorKnownRange(a.args[a.args.length - 1]!, lastComprehensionItem(b), "Generator expression must be parenthesized");
    }
    p.mark = afterArgs;
    if (p.expect(T.COMMA) !== null) {
      // args ',' a=expression b=for_if_clauses
      const m3 = p.mark;
      const x = p.expression();
      if (x !== null) {
        const c = p.for_if_clauses();
        if (c !== null) p.raiseSyntaxErrorKnownRange(x, lastComprehensionItem(c), "Generator expression must be parenthesized");
      }
      p.mark = m3;
      // a=args ',' args  (_PyPegen_arguments_parsing_error)
      if (p.args() !== null) {
        const unpacking = a.keywords.some((k) => k.arg === null);
        p.raiseSyntaxError(unpacking ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument");
      }
    }
  }
  p.mark = m;
  return null;
}

export function invalid_kwarg(p: P): null {
  const m = p.mark;
  // a=('True'|'False'|'None') b='='
  const t = p.peek();
  if (t.type === T.NAME && (t.string === "True" || t.string === "False" || t.string === "None")) {
    p.mark++;
    const b = p.expect(T.EQUAL);
    if (b !== null) p.raiseSyntaxErrorKnownRange(t, b, `cannot assign to ${t.string}`);
  }
  p.mark = m;
  // a=NAME b='=' expression for_if_clauses
  const n = p.name();
  if (n !== null) {
    const b = p.expect(T.EQUAL);
    if (b !== null && p.expression() !== null && p.for_if_clauses() !== null) {
      p.raiseSyntaxErrorKnownRange(n, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
  }
  p.mark = m;
  // !(NAME '=') a=expression b='='
  const nameEq = p.name() !== null && p.lookaheadType(T.EQUAL);
  p.mark = m;
  if (!nameEq) {
    const a = p.expression();
    if (a !== null) {
      const b = p.expect(T.EQUAL);
      if (b !== null) p.raiseSyntaxErrorKnownRange(a, b, "expression cannot contain assignment, perhaps you meant \"==\"?");
    }
  }
  p.mark = m;
  // a='**' expression '=' b=expression
  const a = p.expect(T.DOUBLESTAR);
  if (a !== null && p.expression() !== null && p.expect(T.EQUAL) !== null) {
    const b = p.expression();
    if (b !== null) p.raiseSyntaxErrorKnownRange(a, b, "cannot assign to keyword argument unpacking");
  }
  p.mark = m;
  return null;
}

// ---- param ----

/** The parameter rules of def (params) and lambda (lambda_params) differ only in their element rules. */
interface ParamRules {
  readonly slash_no_default: () => unknown;
  readonly slash_with_default: () => unknown;
  readonly param_no_default: () => A.arg | null;
  readonly param_with_default: () => unknown;
  readonly param_maybe_default: () => unknown;
  readonly param: () => A.arg | null;
}

function defRules(p: P): ParamRules {
  return {
    slash_no_default: () => p.slash_no_default(),
    slash_with_default: () => p.slash_with_default(),
    param_no_default: () => p.param_no_default(),
    param_with_default: () => p.param_with_default(),
    param_maybe_default: () => p.param_maybe_default(),
    param: () => p.param(),
  };
}

function lambdaRules(p: P): ParamRules {
  return {
    slash_no_default: () => p.lambda_slash_no_default(),
    slash_with_default: () => p.lambda_slash_with_default(),
    param_no_default: () => p.lambda_param_no_default(),
    param_with_default: () => p.lambda_param_with_default(),
    param_maybe_default: () => p.lambda_param_maybe_default(),
    param: () => p.lambda_param(),
  };
}

/** `X*` */
function many(p: P, f: () => unknown): number {
  let n = 0;
  while (f() !== null) n++;
  return n;
}

/** `(A | B)` and `[A | B]`: the first alternative that matches; the mark is unchanged when none does. */
function either(p: P, f: () => unknown, g: () => unknown): boolean {
  const m = p.mark;
  if (f() !== null) return true;
  p.mark = m;
  if (g() !== null) return true;
  p.mark = m;
  return false;
}

/** invalid_parameters and invalid_lambda_parameters. */
function invalidParameters(p: P, r: ParamRules, lambda: boolean): null {
  const m = p.mark;
  // a="/" ','
  const s0 = p.expect(T.SLASH);
  if (s0 !== null && p.expect(T.COMMA) !== null) p.raiseSyntaxErrorKnownLocation(s0, "at least one argument must precede /");
  p.mark = m;
  // (slash_no_default | slash_with_default) param_maybe_default* a='/'
  if (either(p, r.slash_no_default, r.slash_with_default)) {
    many(p, r.param_maybe_default);
    const a = p.expect(T.SLASH);
    if (a !== null) p.raiseSyntaxErrorKnownLocation(a, "/ may appear only once");
  }
  p.mark = m;
  // slash_no_default? param_no_default* invalid_parameters_helper a=param_no_default
  if (r.slash_no_default() === null) p.mark = m;
  many(p, r.param_no_default);
  // invalid_parameters_helper: a=slash_with_default | param_with_default+
  if (r.slash_with_default() !== null || many(p, r.param_with_default) > 0) {
    const a = r.param_no_default();
    if (a !== null) p.raiseSyntaxErrorKnownLocation(a, "parameter without a default follows parameter with a default");
  }
  p.mark = m;
  // param_no_default* a='(' param_no_default+ ','? b=')'     (lambda: ','.lambda_param+ ','?)
  many(p, r.param_no_default);
  const lp = p.expect(T.LPAR);
  if (lp !== null) {
    const inner = lambda ? p.commaList(r.param) !== null : many(p, r.param_no_default) > 0;
    if (inner) {
      p.expect(T.COMMA);
      const rp = p.expect(T.RPAR);
      if (rp !== null) {
        p.raiseSyntaxErrorKnownRange(lp, rp, lambda
          ? "Lambda expression parameters cannot be parenthesized"
          : "Function parameters cannot be parenthesized");
      }
    }
  }
  p.mark = m;
  // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default) param_maybe_default* a='/'
  either(p, r.slash_no_default, r.slash_with_default);
  many(p, r.param_maybe_default);
  if (p.expect(T.STAR) !== null && either(p, () => p.expect(T.COMMA), r.param_no_default)) {
    many(p, r.param_maybe_default);
    const a = p.expect(T.SLASH);
    if (a !== null) p.raiseSyntaxErrorKnownLocation(a, "/ must be ahead of *");
  }
  p.mark = m;
  // param_maybe_default+ '/' a='*'
  if (many(p, r.param_maybe_default) > 0 && p.expect(T.SLASH) !== null) {
    const a = p.expect(T.STAR);
    if (a !== null) p.raiseSyntaxErrorKnownLocation(a, "expected comma between / and *");
  }
  p.mark = m;
  return null;
}

export function invalid_parameters(p: P): null { return invalidParameters(p, defRules(p), false); }
export function invalid_lambda_parameters(p: P): null { return invalidParameters(p, lambdaRules(p), true); }

export function invalid_star_etc(p: P): null {
  const m = p.mark;
  // a='*' (')' | ',' (')' | '**'))
  const a = p.expect(T.STAR);
  if (a !== null) {
    const m2 = p.mark;
    if (p.expect(T.RPAR) !== null || (p.expect(T.COMMA) !== null && (p.expect(T.RPAR) !== null || p.expect(T.DOUBLESTAR) !== null))) {
      p.raiseSyntaxErrorKnownLocation(a, "named arguments must follow bare *");
    }
    p.mark = m2;
    // '*' ',' TYPE_COMMENT
    if (p.expect(T.COMMA) !== null && p.expect(T.TYPE_COMMENT) !== null) p.raiseSyntaxError("bare * has associated type comment");
    p.mark = m2;
    // '*' param a='='
    if (p.param() !== null) {
      const eq = p.expect(T.EQUAL);
      if (eq !== null) p.raiseSyntaxErrorKnownLocation(eq, "var-positional argument cannot have default value");
    }
    p.mark = m2;
    // '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
    if (either(p, () => p.param_no_default(), () => p.expect(T.COMMA))) {
      many(p, () => p.param_maybe_default());
      const b = p.expect(T.STAR);
      if (b !== null && either(p, () => p.param_no_default(), () => p.expect(T.COMMA))) {
        p.raiseSyntaxErrorKnownLocation(b, "* argument may appear only once");
      }
    }
  }
  p.mark = m;
  return null;
}

export function invalid_lambda_star_etc(p: P): null {
  const m = p.mark;
  if (p.expect(T.STAR) !== null) {
    const m2 = p.mark;
    // '*' (':' | ',' (':' | '**'))
    if (p.expect(T.COLON) !== null || (p.expect(T.COMMA) !== null && (p.expect(T.COLON) !== null || p.expect(T.DOUBLESTAR) !== null))) {
      p.raiseSyntaxError("named arguments must follow bare *");
    }
    p.mark = m2;
    // '*' lambda_param a='='
    if (p.lambda_param() !== null) {
      const eq = p.expect(T.EQUAL);
      if (eq !== null) p.raiseSyntaxErrorKnownLocation(eq, "var-positional argument cannot have default value");
    }
    p.mark = m2;
    // '*' (lambda_param_no_default | ',') lambda_param_maybe_default* a='*' (lambda_param_no_default | ',')
    if (either(p, () => p.lambda_param_no_default(), () => p.expect(T.COMMA))) {
      many(p, () => p.lambda_param_maybe_default());
      const b = p.expect(T.STAR);
      if (b !== null && either(p, () => p.lambda_param_no_default(), () => p.expect(T.COMMA))) {
        p.raiseSyntaxErrorKnownLocation(b, "* argument may appear only once");
      }
    }
  }
  p.mark = m;
  return null;
}

/** invalid_kwds and invalid_lambda_kwds. */
function invalidKwds(p: P, param: () => A.arg | null): null {
  const m = p.mark;
  if (p.expect(T.DOUBLESTAR) !== null && param() !== null) {
    const m2 = p.mark;
    // '**' param a='='
    const eq = p.expect(T.EQUAL);
    if (eq !== null) p.raiseSyntaxErrorKnownLocation(eq, "var-keyword argument cannot have default value");
    p.mark = m2;
    if (p.expect(T.COMMA) !== null) {
      const m3 = p.mark;
      // '**' param ',' a=param
      const a = param();
      if (a !== null) p.raiseSyntaxErrorKnownLocation(a, "arguments cannot follow var-keyword argument");
      p.mark = m3;
      // '**' param ',' a=('*'|'**'|'/')
      const t = p.expect(T.STAR) ?? p.expect(T.DOUBLESTAR) ?? p.expect(T.SLASH);
      if (t !== null) p.raiseSyntaxErrorKnownLocation(t, "arguments cannot follow var-keyword argument");
    }
  }
  p.mark = m;
  return null;
}

export function invalid_kwds(p: P): null { return invalidKwds(p, () => p.param()); }
export function invalid_lambda_kwds(p: P): null { return invalidKwds(p, () => p.lambda_param()); }

// ---- misc ----

export function invalid_comprehension(p: P): null {
  const m = p.mark;
  // ('[' | '(' | '{') a=starred_expression for_if_clauses
  const open = p.peek().type;
  if (open === T.LSQB || open === T.LPAR || open === T.LBRACE) {
    p.mark++;
    const a = p.starred_expression();
    if (a !== null && p.for_if_clauses() !== null) {
      p.raiseSyntaxErrorKnownLocation(a, "iterable unpacking cannot be used in comprehension");
    }
  }
  p.mark = m;
  if (open === T.LSQB || open === T.LBRACE) {
    // ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
    p.mark++;
    const a = p.star_named_expression();
    if (a !== null && p.expect(T.COMMA) !== null) {
      const afterComma = p.mark;
      const b = p.star_named_expressions();
      if (b !== null && p.for_if_clauses() !== null) {
        p.raiseSyntaxErrorKnownRange(a, b[b.length - 1]!, "did you forget parentheses around the comprehension target?");
      }
      // ('[' | '{') a=star_named_expression b=',' for_if_clauses
      p.mark = afterComma;
      if (p.for_if_clauses() !== null) {
        p.raiseSyntaxErrorKnownRange(a, p.tokens[afterComma - 1]!, "did you forget parentheses around the comprehension target?");
      }
    }
  }
  p.mark = m;
  return null;
}

export function invalid_dict_comprehension(p: P): null {
  const m = p.mark;
  // '{' a='**' bitwise_or for_if_clauses '}'
  if (p.expect(T.LBRACE) !== null) {
    const a = p.expect(T.DOUBLESTAR);
    if (a !== null && p.bitwise_or() !== null && p.for_if_clauses() !== null && p.expect(T.RBRACE) !== null) {
      p.raiseSyntaxErrorKnownLocation(a, "dict unpacking cannot be used in dict comprehension");
    }
  }
  p.mark = m;
  return null;
}

export function invalid_group(p: P): null {
  const m = p.mark;
  if (p.expect(T.LPAR) !== null) {
    const m2 = p.mark;
    // '(' a=starred_expression ')'
    const a = p.starred_expression();
    if (a !== null && p.expect(T.RPAR) !== null) p.raiseSyntaxErrorKnownLocation(a, "cannot use starred expression here");
    p.mark = m2;
    // '(' a='**' expression ')'
    const b = p.expect(T.DOUBLESTAR);
    if (b !== null && p.expression() !== null && p.expect(T.RPAR) !== null) {
      p.raiseSyntaxErrorKnownLocation(b, "cannot use double starred expression here");
    }
  }
  p.mark = m;
  return null;
}

export function invalid_import(p: P): null {
  const m = p.mark;
  const a = p.keyword("import");
  if (a !== null) {
    // a='import' ','.dotted_name+ 'from' dotted_name
    if (p.commaList(() => p.dotted_name()) !== null && p.keyword("from") !== null && p.dotted_name() !== null) {
      p.raiseSyntaxErrorStartingFrom(a, "Did you mean to use 'from ... import ...' instead?");
    }
    p.mark = m + 1;
    // 'import' token=NEWLINE
    const t = p.expect(T.NEWLINE);
    if (t !== null) p.raiseSyntaxErrorStartingFrom(t, "Expected one or more names after 'import'");
  }
  p.mark = m;
  return null;
}

export function invalid_import_from_targets(p: P): null {
  const m = p.mark;
  // import_from_as_names ',' NEWLINE
  if (p.import_from_as_names() !== null && p.expect(T.COMMA) !== null && p.expect(T.NEWLINE) !== null) {
    p.raiseSyntaxError("trailing comma not allowed without surrounding parentheses");
  }
  p.mark = m;
  // token=NEWLINE
  const t = p.expect(T.NEWLINE);
  if (t !== null) p.raiseSyntaxErrorStartingFrom(t, "Expected one or more names after 'import'");
  p.mark = m;
  return null;
}

export function invalid_class_pattern(p: P): null {
  const m = p.mark;
  // name_or_attr '(' a=invalid_class_argument_pattern
  if (p.name_or_attr() !== null && p.expect(T.LPAR) !== null) {
    const a = invalid_class_argument_pattern(p);
    if (a !== null) p.raiseSyntaxErrorKnownRange(a[0]!, a[a.length - 1]!, "positional patterns follow keyword patterns");
  }
  p.mark = m;
  return null;
}

export function invalid_class_argument_pattern(p: P): A.pattern[] | null {
  const m = p.mark;
  // [positional_patterns ','] keyword_patterns ',' a=positional_patterns
  if (p.positional_patterns() === null || p.expect(T.COMMA) === null) p.mark = m;
  if (p.keyword_patterns() !== null && p.expect(T.COMMA) !== null) {
    const a = p.positional_patterns();
    if (a !== null) return a;
  }
  p.mark = m;
  return null;
}

export function invalid_double_starred_kvpairs(p: P): null {
  const m = p.mark;
  // ','.double_starred_kvpair+ ',' invalid_kvpair
  if (p.commaList(() => p.double_starred_kvpair()) !== null && p.expect(T.COMMA) !== null) invalid_kvpair(p);
  p.mark = m;
  return kvpairValueErrors(p);
}

/** The two alternatives shared by invalid_double_starred_kvpairs and invalid_kvpair. */
function kvpairValueErrors(p: P): null {
  const m = p.mark;
  if (p.expression() !== null) {
    const colon = p.expect(T.COLON);
    if (colon !== null) {
      // expression ':' a='*' bitwise_or
      const star = p.expect(T.STAR);
      if (star !== null && p.bitwise_or() !== null) {
        p.raiseSyntaxErrorStartingFrom(star, "cannot use a starred expression in a dictionary value");
      }
      // expression a=':' &('}'|',')
      p.mark = m;
      p.expression();
      p.mark++;
      if (p.lookaheadType(T.RBRACE) || p.lookaheadType(T.COMMA)) {
        p.raiseSyntaxErrorKnownLocation(colon, "expression expected after dictionary key and ':'");
      }
    }
  }
  p.mark = m;
  return null;
}

export function invalid_kvpair(p: P): null {
  const m = p.mark;
  // a=expression !(':')
  const a = p.expression();
  if (a !== null && !p.lookaheadType(T.COLON)) {
    // RAISE_ERROR_KNOWN_LOCATION(a->lineno, a->end_col_offset - 1, a->end_lineno, -1): offset at the key's last
    // character, end_offset 0.
    p.raiseErrorKnownLocation("SyntaxError", a.lineno, a.end_col_offset, a.end_lineno, 0, "':' expected after dictionary key");
  }
  p.mark = m;
  return kvpairValueErrors(p);
}

/** fstring_format_spec*: FSTRING_MIDDLE | fstring_replacement_field. */
function formatSpecs(p: P): void {
  for (;;) {
    if (p.expect(T.FSTRING_MIDDLE) !== null) continue;
    if (p.fstring_replacement_field() === null) return;
  }
}

export function invalid_replacement_field(p: P): null {
  const m = p.mark;
  if (p.expect(T.LBRACE) === null) return null;
  const afterBrace = p.mark;
  // '{' a='=' | '!' | ':' | '}'
  const t = p.peek();
  const before: Partial<Record<number, string>> = { [T.EQUAL]: "=", [T.EXCLAMATION]: "!", [T.COLON]: ":", [T.RBRACE]: "}" };
  const what = before[t.type];
  if (what !== undefined) p.raiseSyntaxErrorKnownLocation(t, `f-string: valid expression required before '${what}'`);
  // '{' !annotated_rhs
  if (p.annotated_rhs() === null) {
    p.mark = afterBrace;
    p.raiseSyntaxErrorOnNextToken("f-string: expecting a valid expression after '{'");
  }
  const afterRhs = p.mark;
  // '{' annotated_rhs !('=' | '!' | ':' | '}')
  const k = p.peek().type;
  if (k !== T.EQUAL && k !== T.EXCLAMATION && k !== T.COLON && k !== T.RBRACE) {
    p.raiseSyntaxErrorOnNextToken("f-string: expecting '=', or '!', or ':', or '}'");
  }
  // '{' annotated_rhs '=' !('!' | ':' | '}')
  if (p.expect(T.EQUAL) !== null) {
    const k2 = p.peek().type;
    if (k2 !== T.EXCLAMATION && k2 !== T.COLON && k2 !== T.RBRACE) p.raiseSyntaxErrorOnNextToken("f-string: expecting '!', or ':', or '}'");
  }
  const afterEq = p.mark;
  // '{' annotated_rhs '='? invalid_conversion_character
  invalid_conversion_character(p);
  p.mark = afterEq;
  // '{' annotated_rhs '='? ['!' NAME] !(':' | '}')
  const m3 = p.mark;
  if (p.expect(T.EXCLAMATION) === null || p.name() === null) p.mark = m3;
  if (!p.lookaheadType(T.COLON) && !p.lookaheadType(T.RBRACE)) p.raiseSyntaxErrorOnNextToken("f-string: expecting ':' or '}'");
  const afterConv = p.mark;
  // '{' annotated_rhs '='? ['!' NAME] ':' fstring_format_spec* !'}'
  if (p.expect(T.COLON) !== null) {
    formatSpecs(p);
    if (!p.lookaheadType(T.RBRACE)) p.raiseSyntaxErrorOnNextToken("f-string: expecting '}', or format specs");
  }
  p.mark = afterConv;
  // '{' annotated_rhs '='? ['!' NAME] !'}'
  if (!p.lookaheadType(T.RBRACE)) p.raiseSyntaxErrorOnNextToken("f-string: expecting '}'");
  void afterRhs;
  p.mark = m;
  return null;
}

export function invalid_conversion_character(p: P): null {
  const m = p.mark;
  if (p.expect(T.EXCLAMATION) !== null) {
    // '!' &(':' | '}')
    if (p.lookaheadType(T.COLON) || p.lookaheadType(T.RBRACE)) p.raiseSyntaxErrorOnNextToken("f-string: missing conversion character");
    // '!' !NAME
    const m2 = p.mark;
    const n = p.name();
    p.mark = m2;
    if (n === null) p.raiseSyntaxErrorOnNextToken("f-string: invalid conversion character");
  }
  p.mark = m;
  return null;
}

const ARITHMETIC_OPS: ReadonlySet<number> = new Set([T.PLUS, T.MINUS, T.STAR, T.SLASH, T.PERCENT, T.DOUBLESLASH, T.AT]);

export function invalid_arithmetic(p: P): null {
  const m = p.mark;
  // sum ('+'|'-'|'*'|'/'|'%'|'//'|'@') a='not' b=inversion
  if (p.sum() !== null && ARITHMETIC_OPS.has(p.peek().type)) {
    p.mark++;
    const a = p.keyword("not");
    if (a !== null) {
      const b = p.inversion();
      if (b !== null) p.raiseSyntaxErrorKnownRange(a, b, "'not' after an operator must be parenthesized");
    }
  }
  p.mark = m;
  return null;
}

export function invalid_factor(p: P): null {
  const m = p.mark;
  // ('+' | '-' | '~') a='not' b=factor
  const k = p.peek().type;
  if (k === T.PLUS || k === T.MINUS || k === T.TILDE) {
    p.mark++;
    const a = p.keyword("not");
    if (a !== null) {
      const b = p.factor();
      if (b !== null) p.raiseSyntaxErrorKnownRange(a, b, "'not' after an operator must be parenthesized");
    }
  }
  p.mark = m;
  return null;
}
