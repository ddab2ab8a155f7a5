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

/** _PyPegen_get_invalid_target (STAR_TARGETS / DEL_TARGETS / FOR_TARGETS). */
function getInvalidTarget(e: A.expr, forTargets: boolean): A.expr | null {
  switch (e.kind) {
    case "List": case "Tuple":
      for (const x of e.elts) {
        const r = getInvalidTarget(x, forTargets);
        if (r !== null) return r;
      }
      return null;
    case "Starred":
      return forTargets ? e : getInvalidTarget(e.value, forTargets);
    case "Compare":
      if (forTargets && e.ops[0]!.kind === "In") return getInvalidTarget(e.left, forTargets);
      return e;
    case "Name": case "Subscript": case "Attribute":
      return null;
    default:
      return e;
  }
}

/** RAISE_SYNTAX_ERROR_INVALID_TARGET. */
function raiseInvalidTarget(p: P, kind: "star" | "del" | "for", e: A.expr): null {
  const t = getInvalidTarget(e, kind === "for");
  if (t === null) return null;
  const msg = kind === "del" ? "cannot delete %s" : "cannot assign to %s";
  return p.raiseSyntaxErrorKnownLocation(t, msg.replace("%s", getExprName(t)));
}

// ---- expressions ----

export function invalid_arguments(p: P): null { void p; return null; } // TODO(#2): complete
export function invalid_kwarg(p: P): null {
  const m = p.mark;
  const t = p.peek();
  if (t.type === T.NAME && (t.string === "True" || t.string === "False" || t.string === "None")) {
    p.mark++;
    const b = p.expect(T.EQUAL);
    if (b !== null) p.raiseSyntaxErrorKnownRange(t, b, `cannot assign to ${t.string}`);
  }
  p.mark = m;
  return null;
}

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
  const softKw = t0.type === T.NAME && (t0.string === "match" || t0.string === "case" || t0.string === "type" || t0.string === "_");
  const isName = t0.type === T.NAME && !KEYWORDS.has(t0.string);
  const t1 = isName ? p.peekAt(p.mark + 1) : null;
  if (!(t1 !== null && (t1.type === T.STRING || t1.type === T.FSTRING_START)) && !softKw) {
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
    if (k >= T.PLUSEQUAL && k <= T.DOUBLESLASHEQUAL || k === T.ATEQUAL) {
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

export function invalid_comprehension(p: P): null { void p; return null; } // TODO(#2)
export function invalid_dict_comprehension(p: P): null { void p; return null; } // TODO(#2)
export function invalid_parameters(p: P): null { void p; return null; } // TODO(#2)
export function invalid_default(p: P): null {
  const m = p.mark;
  const a = p.expect(T.EQUAL);
  if (a !== null && (p.lookaheadType(T.RPAR) || p.lookaheadType(T.COMMA))) {
    p.raiseSyntaxErrorKnownLocation(a, "expected default value expression");
  }
  p.mark = m;
  return null;
}
export function invalid_star_etc(p: P): null { void p; return null; } // TODO(#2)
export function invalid_kwds(p: P): null { void p; return null; } // TODO(#2)
export function invalid_lambda_parameters(p: P): null { void p; return null; } // TODO(#2)
export function invalid_lambda_star_etc(p: P): null { void p; return null; } // TODO(#2)
export function invalid_lambda_kwds(p: P): null { void p; return null; } // TODO(#2)
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
export function invalid_group(p: P): null { void p; return null; } // TODO(#2)
export function invalid_import(p: P): null { void p; return null; } // TODO(#2)
export function invalid_import_from_targets(p: P): null {
  const m = p.mark;
  if (p.import_from_as_names() !== null && p.expect(T.COMMA) !== null && p.lookaheadType(T.NEWLINE)) {
    p.raiseSyntaxError("trailing comma not allowed without surrounding parentheses");
  }
  p.mark = m;
  return null;
}
export function invalid_with_stmt(p: P): null {
  const m = p.mark;
  p.keyword("async");
  if (p.keyword("with") !== null) {
    const paren = p.expect(T.LPAR) !== null;
    if (p.withItems() !== null) {
      if (paren) p.expect(T.COMMA);
      if ((!paren || p.expect(T.RPAR) !== null) && p.lookaheadType(T.NEWLINE)) p.raiseSyntaxError("expected ':'");
    }
  }
  p.mark = m;
  return null;
}
export function invalid_with_stmt_indent(p: P): null {
  const m = p.mark;
  p.keyword("async");
  const a = p.keyword("with");
  if (a !== null) {
    const paren = p.expect(T.LPAR) !== null;
    if (p.withItems() !== null) {
      if (paren) p.expect(T.COMMA);
      if ((!paren || p.expect(T.RPAR) !== null) && p.expect(T.COLON) !== null) expectIndentedBlock(p, a, "'with' statement");
    }
  }
  p.mark = m;
  return null;
}
export function invalid_try_stmt(p: P): null {
  const m = p.mark;
  const a = p.keyword("try");
  if (a !== null && p.expect(T.COLON) !== null) {
    const m2 = p.mark;
    expectIndentedBlock(p, a, "'try' statement");
    p.mark = m2;
    if (p.block() !== null && !p.isKeyword("except") && !p.isKeyword("finally")) p.raiseSyntaxError("expected 'except' or 'finally' block");
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
export function invalid_class_pattern(p: P): null { void p; return null; } // TODO(#2)
export function invalid_class_argument_pattern(p: P): null { void p; return null; } // TODO(#2)

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
export function invalid_double_starred_kvpairs(p: P): null { void p; return null; } // TODO(#2)
export function invalid_kvpair(p: P): null { void p; return null; } // TODO(#2)
export function invalid_starred_expression(p: P): null {
  const m = p.mark;
  const a = p.expect(T.STAR);
  if (a !== null && p.expression() !== null) {
    const b = p.expect(T.EQUAL);
    if (b !== null && p.expression() !== null) p.raiseSyntaxErrorKnownRange(a, b, "cannot assign to iterable argument unpacking");
  }
  p.mark = m;
  return null;
}
export function invalid_replacement_field(p: P): null { void p; return null; } // TODO(#2)
export function invalid_conversion_character(p: P): null { void p; return null; } // TODO(#2)
export function invalid_arithmetic(p: P): null { void p; return null; } // TODO(#2)
export function invalid_factor(p: P): null { void p; return null; } // TODO(#2)
export function invalid_type_params(p: P): null {
  const m = p.mark;
  const a = p.expect(T.LSQB);
  if (a !== null) {
    const b = p.expect(T.RSQB);
    if (b !== null) p.raiseSyntaxErrorKnownRange(a, b, "Type parameter list cannot be empty");
  }
  p.mark = m;
  return null;
}
