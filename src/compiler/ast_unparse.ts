// Expression to source text, for stringified annotations (`from __future__ import annotations`).
// Counterpart: Python/ast_unparse.c (_PyAST_ExprAsUnicode), CPython 3.13: its precedence table, spacing and quirks
// (`lambda*a: 0`, `1 .real`, `{*()}`, `1e309` for infinities). See docs/compiler.md.
import type * as A from "../ast/nodes.js";
import { PyComplex, PyEllipsis, SurrogateStr, makeStr, reprConstant, reprStr, strCodePoints, type ConstantValue } from "../ast/constant.js";
import { ConstTuple, type ConstValue } from "./consts.js";

// The precedence levels of ast_unparse.c, lowest first.
const PR_TUPLE = 0, PR_TEST = 1, PR_OR = 2, PR_AND = 3, PR_NOT = 4, PR_CMP = 5, PR_EXPR = 6, PR_BOR = PR_EXPR,
  PR_BXOR = 7, PR_BAND = 8, PR_SHIFT = 9, PR_ARITH = 10, PR_TERM = 11, PR_FACTOR = 12, PR_POWER = 13, PR_AWAIT = 14,
  PR_ATOM = 15;

const BINOP: { readonly [K in A.operator["kind"]]: readonly [string, number] } = {
  Add: [" + ", PR_ARITH], Sub: [" - ", PR_ARITH], Mult: [" * ", PR_TERM], MatMult: [" @ ", PR_TERM],
  Div: [" / ", PR_TERM], Mod: [" % ", PR_TERM], LShift: [" << ", PR_SHIFT], RShift: [" >> ", PR_SHIFT],
  BitOr: [" | ", PR_BOR], BitXor: [" ^ ", PR_BXOR], BitAnd: [" & ", PR_BAND], FloorDiv: [" // ", PR_TERM],
  Pow: [" ** ", PR_POWER],
};

const UNARYOP: { readonly [K in A.unaryop["kind"]]: readonly [string, number] } = {
  Invert: ["~", PR_FACTOR], Not: ["not ", PR_NOT], UAdd: ["+", PR_FACTOR], USub: ["-", PR_FACTOR],
};

const CMPOP: { readonly [K in A.cmpop["kind"]]: string } = {
  Eq: " == ", NotEq: " != ", Lt: " < ", LtE: " <= ", Gt: " > ", GtE: " >= ", Is: " is ", IsNot: " is not ",
  In: " in ", NotIn: " not in ",
};

/** append_repr: repr(), with infinities spelled 1e309 so that the text evaluates back to them. */
function appendRepr(v: ConstValue): string {
  const r = reprConstant(v as ConstantValue);
  if ((typeof v === "number" && !Number.isFinite(v) && !Number.isNaN(v)) || v instanceof PyComplex) {
    return r.split("inf").join("1e309");
  }
  return r;
}

function appendConstant(v: ConstValue): string {
  if (v instanceof ConstTuple) {
    const parts = v.items.map(appendConstant);
    return "(" + parts.join(", ") + (parts.length === 1 ? "," : "") + ")";
  }
  return appendRepr(v);
}

function escapeBraces(s: string): string {
  return s.replace(/\{/g, "{{").replace(/\}/g, "}}");
}

function fstringElement(e: A.expr, isFormatSpec: boolean): string {
  switch (e.kind) {
    case "Constant": {
      const v = e.value;
      return escapeBraces(typeof v === "string" ? v : String.fromCodePoint(...strCodePoints(v as string | SurrogateStr)));
    }
    case "JoinedStr": return joinedStr(e, isFormatSpec);
    case "FormattedValue": return formattedValue(e);
    default: throw new Error("unknown expression kind inside f-string");
  }
}

function joinedStr(e: A.JoinedStr, isFormatSpec: boolean): string {
  const body = e.values.map((v) => fstringElement(v, isFormatSpec)).join("");
  return isFormatSpec ? body : "f" + reprStr(makeStr(strCodePoints(body)));
}

function formattedValue(e: A.FormattedValue): string {
  // The grammar allows PR_TUPLE, but a lambda's ':' needs parentheses: use PR_TEST + 1.
  const inner = expr(e.value, PR_TEST + 1);
  let out = inner.startsWith("{") ? "{ " : "{";
  out += inner;
  switch (e.conversion) {
    case -1: break;
    case 0x61: out += "!a"; break;
    case 0x72: out += "!r"; break;
    case 0x73: out += "!s"; break;
    default: throw new Error("unknown f-value conversion kind");
  }
  if (e.format_spec !== null) out += ":" + fstringElement(e.format_spec, true);
  return out + "}";
}

function arg(a: A.arg): string {
  return a.annotation === null ? a.arg : a.arg + ": " + expr(a.annotation, PR_TEST);
}

function args(a: A.arguments): string {
  const parts: string[] = [];
  const npos = a.posonlyargs.length, nargs = a.args.length, ndef = a.defaults.length;
  for (let i = 0; i < npos + nargs; i++) {
    let s = arg(i < npos ? a.posonlyargs[i]! : a.args[i - npos]!);
    const di = i - npos - nargs + ndef;
    if (di >= 0) s += "=" + expr(a.defaults[di]!, PR_TEST);
    if (npos && i + 1 === npos) s += ", /";
    parts.push(s);
  }
  if (a.vararg !== null || a.kwonlyargs.length > 0) parts.push("*" + (a.vararg !== null ? arg(a.vararg) : ""));
  const nkw = a.kwonlyargs.length, nkwdef = a.kw_defaults.length;
  for (let i = 0; i < nkw; i++) {
    let s = arg(a.kwonlyargs[i]!);
    const di = i - nkw + nkwdef;
    const d = di >= 0 ? a.kw_defaults[di] : null;
    if (d) s += "=" + expr(d, PR_TEST);
    parts.push(s);
  }
  if (a.kwarg !== null) parts.push("**" + arg(a.kwarg));
  return parts.join(", ");
}

function comprehensions(gens: readonly A.comprehension[]): string {
  let out = "";
  for (const g of gens) {
    out += (g.is_async ? " async for " : " for ") + expr(g.target, PR_TUPLE) + " in " + expr(g.iter, PR_TEST + 1);
    for (const c of g.ifs) out += " if " + expr(c, PR_TEST + 1);
  }
  return out;
}

function paren(cond: boolean, s: string): string {
  return cond ? "(" + s + ")" : s;
}

function tuple(e: A.Tuple, level: number): string {
  if (e.elts.length === 0) return "()";
  const s = e.elts.map((x) => expr(x, PR_TEST)).join(", ") + (e.elts.length === 1 ? "," : "");
  return paren(level > PR_TUPLE, s);
}

function expr(e: A.expr, level: number): string {
  switch (e.kind) {
    case "BoolOp": {
      const [op, pr] = e.op.kind === "And" ? [" and ", PR_AND] : [" or ", PR_OR];
      return paren(level > pr, e.values.map((v) => expr(v, pr + 1)).join(op));
    }
    case "NamedExpr":
      return paren(level > PR_TUPLE, expr(e.target, PR_ATOM) + " := " + expr(e.value, PR_ATOM));
    case "BinOp": {
      const [op, pr] = BINOP[e.op.kind];
      const rassoc = e.op.kind === "Pow" ? 1 : 0;
      return paren(level > pr, expr(e.left, pr + rassoc) + op + expr(e.right, pr + 1 - rassoc));
    }
    case "UnaryOp": {
      const [op, pr] = UNARYOP[e.op.kind];
      return paren(level > pr, op + expr(e.operand, pr));
    }
    case "Lambda": {
      const npos = e.args.args.length + e.args.posonlyargs.length;
      return paren(level > PR_TEST, (npos ? "lambda " : "lambda") + args(e.args) + ": " + expr(e.body, PR_TEST));
    }
    case "IfExp":
      return paren(level > PR_TEST,
        expr(e.body, PR_TEST + 1) + " if " + expr(e.test, PR_TEST + 1) + " else " + expr(e.orelse, PR_TEST));
    case "Dict":
      return "{" + e.values.map((v, i) => {
        const k = e.keys[i];
        return k ? expr(k, PR_TEST) + ": " + expr(v, PR_TEST) : "**" + expr(v, PR_EXPR);
      }).join(", ") + "}";
    case "Set":
      return e.elts.length === 0 ? "{*()}" : "{" + e.elts.map((x) => expr(x, PR_TEST)).join(", ") + "}";
    case "ListComp": return "[" + expr(e.elt, PR_TEST) + comprehensions(e.generators) + "]";
    case "SetComp": return "{" + expr(e.elt, PR_TEST) + comprehensions(e.generators) + "}";
    case "DictComp":
      return "{" + expr(e.key, PR_TEST) + ": " + expr(e.value, PR_TEST) + comprehensions(e.generators) + "}";
    case "GeneratorExp": return "(" + expr(e.elt, PR_TEST) + comprehensions(e.generators) + ")";
    case "Await": return paren(level > PR_AWAIT, "await " + expr(e.value, PR_ATOM));
    case "Yield": return e.value === null ? "(yield)" : "(yield " + expr(e.value, PR_TEST) + ")";
    case "YieldFrom": return "(yield from " + expr(e.value, PR_TEST) + ")";
    case "Compare": {
      let s = expr(e.left, PR_CMP + 1);
      e.ops.forEach((op, i) => { s += CMPOP[op.kind] + expr(e.comparators[i]!, PR_CMP + 1); });
      return paren(level > PR_CMP, s);
    }
    case "Call": {
      const f = expr(e.func, PR_ATOM);
      if (e.args.length === 1 && e.keywords.length === 0 && e.args[0]!.kind === "GeneratorExp") {
        return f + expr(e.args[0]!, PR_TEST); // a lone generator expression brings its own parentheses
      }
      const parts = e.args.map((x) => expr(x, PR_TEST));
      for (const k of e.keywords) parts.push((k.arg === null ? "**" : k.arg + "=") + expr(k.value, PR_TEST));
      return f + "(" + parts.join(", ") + ")";
    }
    case "FormattedValue": return formattedValue(e);
    case "JoinedStr": return joinedStr(e, false);
    case "Constant":
      if (e.value === PyEllipsis) return "...";
      return (e.kind_ ?? "") + appendConstant(e.value as ConstValue);
    case "Attribute": {
      const v = e.value;
      // Integers need a space before the period to stay unambiguous.
      const period = v.kind === "Constant" && typeof v.value === "bigint" ? " ." : ".";
      return expr(v, PR_ATOM) + period + e.attr;
    }
    case "Subscript": return expr(e.value, PR_ATOM) + "[" + expr(e.slice, PR_TUPLE) + "]";
    case "Starred": return "*" + expr(e.value, PR_EXPR);
    case "Slice":
      return (e.lower ? expr(e.lower, PR_TEST) : "") + ":" + (e.upper ? expr(e.upper, PR_TEST) : "") +
        (e.step ? ":" + expr(e.step, PR_TEST) : "");
    case "Name": return e.id;
    case "List": return "[" + e.elts.map((x) => expr(x, PR_TEST)).join(", ") + "]";
    case "Tuple": return tuple(e, level);
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** _PyAST_ExprAsUnicode: the source text of an annotation. */
export function _PyAST_ExprAsUnicode(e: A.expr): string | ConstantValue {
  return makeStr(strCodePoints(expr(e, PR_TEST)));
}
