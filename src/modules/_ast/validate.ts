// The AST validator run on ASTs that come from Python objects (compile(ast_object, ...)): positions, expression
// contexts, non-empty bodies, argument counts, pattern rules. Counterpart: Python/ast.c (_PyAST_Validate), with its
// messages. See docs/modules.md.
import type * as A from "../../ast/nodes.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { PyExc_ValueError, PyExc_TypeError, PyExc_RecursionError } from "../../objects/exceptions.js";
import { PyBytes, PyComplex, SurrogateStr } from "../../ast/constant.js";

type Ctx = "Load" | "Store" | "Del";
interface Positioned { readonly lineno: number; readonly col_offset: number; readonly end_lineno: number; readonly end_col_offset: number }

function valueError(msg: string): never {
  return PyErr_Format(PyExc_ValueError, msg);
}

/** VALIDATE_POSITIONS. */
function validatePositions(n: Positioned): void {
  if (n.lineno > n.end_lineno) valueError(`AST node line range (${n.lineno}, ${n.end_lineno}) is not valid`);
  if ((n.lineno < 0 && n.end_lineno !== n.lineno) || (n.col_offset < 0 && n.col_offset !== n.end_col_offset)) {
    valueError(`AST node column range (${n.col_offset}, ${n.end_col_offset}) for line range (${n.lineno}, ${n.end_lineno}) is not valid`);
  }
  if (n.lineno === n.end_lineno && n.col_offset > n.end_col_offset) {
    valueError(`line ${n.lineno}, column ${n.col_offset}-${n.end_col_offset} is not a valid range`);
  }
}

function validateName(name: string): void {
  if (name === "None" || name === "True" || name === "False") valueError(`identifier field can't represent '${name}' constant`);
}

function validateComprehension(gens: readonly A.comprehension[]): void {
  if (gens.length === 0) valueError("comprehension with no generators");
  for (const g of gens) {
    validateExpr(g.target, "Store");
    validateExpr(g.iter, "Load");
    validateExprs(g.ifs, "Load", false);
  }
}

function validateKeywords(kws: readonly A.keyword[]): void {
  for (const kw of kws) validateExpr(kw.value, "Load");
}

function validateArgs(args: readonly A.arg[]): void {
  for (const a of args) if (a.annotation !== null) validateExpr(a.annotation, "Load");
}

function validateArguments(args: A.arguments): void {
  validateArgs(args.posonlyargs);
  validateArgs(args.args);
  if (args.vararg !== null && args.vararg.annotation !== null) validateExpr(args.vararg.annotation, "Load");
  validateArgs(args.kwonlyargs);
  if (args.kwarg !== null && args.kwarg.annotation !== null) validateExpr(args.kwarg.annotation, "Load");
  if (args.defaults.length > args.posonlyargs.length + args.args.length) valueError("more positional defaults than args on arguments");
  if (args.kw_defaults.length !== args.kwonlyargs.length) valueError("length of kwonlyargs is not the same as kw_defaults on arguments");
  validateExprs(args.defaults, "Load", false);
  validateExprs(args.kw_defaults, "Load", true);
}

function validateExprs(exprs: readonly (A.expr | null)[], ctx: Ctx, nullOk: boolean): void {
  for (const e of exprs) {
    if (e !== null) validateExpr(e, ctx);
    else if (!nullOk) valueError("None disallowed in expression list");
  }
}

function validateExpr(exp: A.expr, ctx: Ctx): void {
  validatePositions(exp);
  let actual: Ctx | null = null;
  switch (exp.kind) {
    case "Attribute": case "Subscript": case "Starred": case "List": case "Tuple":
      actual = exp.ctx.kind;
      break;
    case "Name":
      validateName(exp.id);
      actual = exp.ctx.kind;
      break;
    default:
      if (ctx !== "Load") valueError(`expression which can't be assigned to in ${ctx} context`);
  }
  if (actual !== null && actual !== ctx) valueError(`expression must have ${ctx} context but has ${actual} instead`);
  switch (exp.kind) {
    case "BoolOp":
      if (exp.values.length < 2) valueError("BoolOp with less than 2 values");
      validateExprs(exp.values, "Load", false);
      return;
    case "BinOp": validateExpr(exp.left, "Load"); validateExpr(exp.right, "Load"); return;
    case "UnaryOp": validateExpr(exp.operand, "Load"); return;
    case "Lambda": validateArguments(exp.args); validateExpr(exp.body, "Load"); return;
    case "IfExp": validateExpr(exp.test, "Load"); validateExpr(exp.body, "Load"); validateExpr(exp.orelse, "Load"); return;
    case "Dict":
      if (exp.keys.length !== exp.values.length) valueError("Dict doesn't have the same number of keys as values");
      validateExprs(exp.keys, "Load", true);
      validateExprs(exp.values, "Load", false);
      return;
    case "Set": validateExprs(exp.elts, "Load", false); return;
    case "ListComp": case "SetComp": case "GeneratorExp":
      validateComprehension(exp.generators);
      validateExpr(exp.elt, "Load");
      return;
    case "DictComp":
      validateComprehension(exp.generators);
      validateExpr(exp.key, "Load");
      validateExpr(exp.value, "Load");
      return;
    case "Yield": if (exp.value !== null) validateExpr(exp.value, "Load"); return;
    case "YieldFrom": case "Await": validateExpr(exp.value, "Load"); return;
    case "Compare":
      if (exp.comparators.length === 0) valueError("Compare with no comparators");
      if (exp.comparators.length !== exp.ops.length) valueError("Compare has a different number of comparators and operands");
      validateExprs(exp.comparators, "Load", false);
      validateExpr(exp.left, "Load");
      return;
    case "Call":
      validateExpr(exp.func, "Load");
      validateExprs(exp.args, "Load", false);
      validateKeywords(exp.keywords);
      return;
    case "Constant": return; // validate_constant ran when the value was converted (module.ts obj2constant)
    case "JoinedStr": validateExprs(exp.values, "Load", false); return;
    case "FormattedValue":
      validateExpr(exp.value, "Load");
      if (exp.format_spec !== null) validateExpr(exp.format_spec, "Load");
      return;
    case "Attribute": validateExpr(exp.value, "Load"); return;
    case "Subscript": validateExpr(exp.slice, "Load"); validateExpr(exp.value, "Load"); return;
    case "Starred": validateExpr(exp.value, ctx); return;
    case "Slice":
      if (exp.lower !== null) validateExpr(exp.lower, "Load");
      if (exp.upper !== null) validateExpr(exp.upper, "Load");
      if (exp.step !== null) validateExpr(exp.step, "Load");
      return;
    case "List": case "Tuple": validateExprs(exp.elts, ctx, false); return;
    case "NamedExpr":
      if (exp.target.kind !== "Name") PyErr_Format(PyExc_TypeError, "NamedExpr target must be a Name");
      validateExpr(exp.value, "Load");
      return;
    case "Name": return;
    default: {
      const never: never = exp;
      return valueError(`unexpected expression ${String(never)}`);
    }
  }
}

function validateNonemptySeq(seq: readonly unknown[], what: string, owner: string): void {
  if (seq.length === 0) valueError(`empty ${what} on ${owner}`);
}

function validateStmts(stmts: readonly (A.stmt | null)[]): void {
  for (const s of stmts) {
    if (s === null) valueError("None disallowed in statement list");
    validateStmt(s);
  }
}

function validateBody(body: readonly A.stmt[], owner: string): void {
  validateNonemptySeq(body, "body", owner);
  validateStmts(body);
}

function validateTypeParams(tps: readonly A.type_param[]): void {
  for (const tp of tps) {
    validatePositions(tp);
    validateName(tp.name);
    if (tp.kind === "TypeVar" && tp.bound !== null) validateExpr(tp.bound, "Load");
    if (tp.default_value !== null) validateExpr(tp.default_value, "Load");
  }
}

function validateStmt(s: A.stmt): void {
  validatePositions(s);
  switch (s.kind) {
    case "FunctionDef": case "AsyncFunctionDef":
      validateBody(s.body, s.kind);
      validateTypeParams(s.type_params);
      validateArguments(s.args);
      validateExprs(s.decorator_list, "Load", false);
      if (s.returns !== null) validateExpr(s.returns, "Load");
      return;
    case "ClassDef":
      validateBody(s.body, "ClassDef");
      validateTypeParams(s.type_params);
      validateExprs(s.bases, "Load", false);
      validateKeywords(s.keywords);
      validateExprs(s.decorator_list, "Load", false);
      return;
    case "Return": if (s.value !== null) validateExpr(s.value, "Load"); return;
    case "Delete":
      validateNonemptySeq(s.targets, "targets", "Delete");
      validateExprs(s.targets, "Del", false);
      return;
    case "Assign":
      validateNonemptySeq(s.targets, "targets", "Assign");
      validateExprs(s.targets, "Store", false);
      validateExpr(s.value, "Load");
      return;
    case "AugAssign": validateExpr(s.target, "Store"); validateExpr(s.value, "Load"); return;
    case "AnnAssign":
      if (s.simple && s.target.kind !== "Name") PyErr_Format(PyExc_TypeError, "AnnAssign with simple non-Name target");
      validateExpr(s.target, "Store");
      if (s.value !== null) validateExpr(s.value, "Load");
      validateExpr(s.annotation, "Load");
      return;
    case "TypeAlias":
      if (s.name.kind !== "Name") PyErr_Format(PyExc_TypeError, "TypeAlias with non-Name name");
      validateExpr(s.name, "Store");
      validateTypeParams(s.type_params);
      validateExpr(s.value, "Load");
      return;
    case "For": case "AsyncFor":
      validateExpr(s.target, "Store");
      validateExpr(s.iter, "Load");
      validateBody(s.body, s.kind);
      validateStmts(s.orelse);
      return;
    case "While": case "If":
      validateExpr(s.test, "Load");
      validateBody(s.body, s.kind);
      validateStmts(s.orelse);
      return;
    case "With": case "AsyncWith":
      validateNonemptySeq(s.items, "items", s.kind);
      for (const item of s.items) {
        validateExpr(item.context_expr, "Load");
        if (item.optional_vars !== null) validateExpr(item.optional_vars, "Store");
      }
      validateBody(s.body, s.kind);
      return;
    case "Match":
      validateExpr(s.subject, "Load");
      validateNonemptySeq(s.cases, "cases", "Match");
      for (const c of s.cases) {
        validatePattern(c.pattern, false);
        if (c.guard !== null) validateExpr(c.guard, "Load");
        validateBody(c.body, "match_case");
      }
      return;
    case "Raise":
      if (s.exc !== null) {
        validateExpr(s.exc, "Load");
        if (s.cause !== null) validateExpr(s.cause, "Load");
      } else if (s.cause !== null) valueError("Raise with cause but no exception");
      return;
    case "Try": case "TryStar":
      validateBody(s.body, s.kind);
      if (s.handlers.length === 0 && s.finalbody.length === 0) valueError(`${s.kind} has neither except handlers nor finalbody`);
      if (s.handlers.length === 0 && s.orelse.length !== 0) valueError(`${s.kind} has orelse but no except handlers`);
      for (const h of s.handlers) {
        validatePositions(h);
        if (h.type !== null) validateExpr(h.type, "Load");
        validateBody(h.body, "ExceptHandler");
      }
      validateStmts(s.finalbody);
      validateStmts(s.orelse);
      return;
    case "Assert":
      validateExpr(s.test, "Load");
      if (s.msg !== null) validateExpr(s.msg, "Load");
      return;
    case "Import": validateNonemptySeq(s.names, "names", "Import"); return;
    case "ImportFrom":
      if ((s.level ?? 0) < 0) valueError("Negative ImportFrom level");
      validateNonemptySeq(s.names, "names", "ImportFrom");
      return;
    case "Global": case "Nonlocal": validateNonemptySeq(s.names, "names", s.kind); return;
    case "Expr": validateExpr(s.value, "Load"); return;
    case "Pass": case "Break": case "Continue": return;
    default: {
      const never: never = s;
      return valueError(`unexpected statement ${String(never)}`);
    }
  }
}

function validateCapture(name: string): void {
  if (name === "_") valueError("can't capture name '_' in patterns");
  validateName(name);
}

function validatePatternMatchValue(exp: A.expr): void {
  validateExpr(exp, "Load");
  switch (exp.kind) {
    case "Constant": {
      const v = exp.value;
      if (typeof v === "bigint" || typeof v === "number" || typeof v === "string" || v instanceof SurrogateStr ||
        v instanceof PyBytes || v instanceof PyComplex) return;
      return valueError("unexpected constant inside of a literal pattern");
    }
    case "Attribute": return;
    case "UnaryOp":
      if (exp.op.kind === "USub" && exp.operand.kind === "Constant") return;
      break;
    case "BinOp":
      if (exp.op.kind === "Add" || exp.op.kind === "Sub") return;
      break;
    case "JoinedStr": return;
    default: break;
  }
  valueError("patterns may only match literals and attribute lookups");
}

function validatePatterns(ps: readonly A.pattern[], starOk: boolean): void {
  for (const p of ps) validatePattern(p, starOk);
}

function validatePattern(p: A.pattern, starOk: boolean): void {
  validatePositions(p);
  switch (p.kind) {
    case "MatchValue": validatePatternMatchValue(p.value); return;
    case "MatchSingleton":
      if (!(p.value === null || p.value === true || p.value === false)) valueError("MatchSingleton can only contain True, False and None");
      return;
    case "MatchSequence": validatePatterns(p.patterns, true); return;
    case "MatchMapping":
      if (p.keys.length !== p.patterns.length) valueError("MatchMapping doesn't have the same number of keys as patterns");
      if (p.rest !== null) validateCapture(p.rest);
      for (const key of p.keys) {
        if (key.kind === "Constant" && (key.value === null || key.value === true || key.value === false)) continue;
        validatePatternMatchValue(key);
      }
      validatePatterns(p.patterns, false);
      return;
    case "MatchClass": {
      validateExpr(p.cls, "Load");
      let cls: A.expr = p.cls;
      while (cls.kind === "Attribute") cls = cls.value;
      if (cls.kind !== "Name") valueError("MatchClass cls field can only contain Name or Attribute nodes.");
      if (p.kwd_attrs.length !== p.kwd_patterns.length) valueError("MatchClass doesn't have the same number of keyword attributes as patterns");
      for (const a of p.kwd_attrs) validateName(a);
      validatePatterns(p.patterns, false);
      validatePatterns(p.kwd_patterns, false);
      return;
    }
    case "MatchStar":
      if (!starOk) valueError("can't use MatchStar here");
      if (p.name !== null) validateCapture(p.name);
      return;
    case "MatchAs":
      if (p.name !== null) validateCapture(p.name);
      if (p.pattern !== null) {
        if (p.name === null) valueError("MatchAs must specify a target name if a pattern is given");
        validatePattern(p.pattern, false);
      }
      return;
    case "MatchOr":
      if (p.patterns.length < 2) valueError("MatchOr requires at least 2 patterns");
      validatePatterns(p.patterns, false);
      return;
    default: {
      const never: never = p;
      return valueError(`unexpected pattern ${String(never)}`);
    }
  }
}

/** _PyAST_Validate. */
export function _PyAST_Validate(m: A.mod): void {
  try {
    switch (m.kind) {
      case "Module": validateStmts(m.body); return;
      case "Interactive": validateStmts(m.body); return;
      case "Expression": validateExpr(m.body, "Load"); return;
      case "FunctionType":
        validateExprs(m.argtypes, "Load", false);
        validateExpr(m.returns, "Load");
        return;
      default: {
        const never: never = m;
        return valueError(`impossible module node ${String(never)}`);
      }
    }
  } catch (e) {
    if (e instanceof RangeError) PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded during compilation");
    throw e;
  }
}
