// The AST optimizer: constant folding, `not` into comparisons, `%`-formatting into f-strings, list/set literals in
// `in` and `for` into tuples/frozensets, `__debug__`. Counterpart: Python/ast_opt.c (_PyAST_Optimize), CPython 3.13.
// Like CPython it rewrites the tree in place (fields of parent nodes are replaced). See docs/compiler.md.
import * as A from "../ast/nodes.js";
import { makeStr, strCodePoints, type ConstantValue } from "../ast/constant.js";
import { ConstFrozenset, ConstTuple, makeFrozenset, type ConstValue } from "./consts.js";
import {
  asInt, checkComplexity, constLen, constSubscript, isInt, isStr, numBits, numberBinop, numberUnary, type Folded,
} from "./const_ops.js";
import { CO_FUTURE_ANNOTATIONS, getDocString } from "./future.js";

const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256; // items
const MAX_STR_SIZE = 4096; // characters
const MAX_TOTAL_ITEMS = 1024; // including nested collections

/** _PyASTOptimizeState. */
interface OptState {
  readonly optimize: number;
  readonly ff_features: number;
}

// The tree is rewritten in place, as ast_opt.c does; these views drop `readonly` for that purpose only.
type Mut<T> = { -readonly [K in keyof T]: T[K] };
function mut<T>(x: T): Mut<T> {
  return x as Mut<T>;
}

/** Constant nodes hold the compiler's constants (tuples, frozensets) too after folding, as in CPython. */
function asConstantValue(v: ConstValue): ConstantValue {
  return v as ConstantValue; // ConstTuple/ConstFrozenset are legal Constant values only after ast_opt
}

function constOf(e: A.expr): ConstValue | undefined {
  return e.kind === "Constant" ? (e.value as ConstValue) : undefined;
}

/** make_const: replace `node` with a Constant at the same location, or keep it when the operation raised. */
function makeConst(node: A.expr, val: Folded): A.expr {
  if (val === undefined) return node;
  return A.Constant(asConstantValue(val), null, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset);
}

// ---- guarded arithmetic (safe_multiply, safe_power, safe_lshift, safe_mod) ----

function isSizedSeq(v: ConstValue): boolean {
  return v instanceof ConstTuple || v instanceof ConstFrozenset;
}

function safeMultiply(v: ConstValue, w: ConstValue): Folded {
  if (isInt(v) && isInt(w) && asInt(v) !== 0n && asInt(w) !== 0n) {
    if (numBits(asInt(v)) + numBits(asInt(w)) > MAX_INT_SIZE) return undefined;
  } else if (isInt(v) && isSizedSeq(w)) {
    const size = constLen(w);
    if (size) {
      const n = asInt(v);
      if (n < 0n || n > BigInt(Math.floor(MAX_COLLECTION_SIZE / size))) return undefined;
      if (n !== 0n && checkComplexity(w, Math.floor(MAX_TOTAL_ITEMS / Number(n))) < 0) return undefined;
    }
  } else if (isInt(v) && (isStr(w) || (w !== null && typeof w === "object" && "bytes" in w))) {
    const size = constLen(w);
    if (size) {
      const n = asInt(v);
      if (n < 0n || n > BigInt(Math.floor(MAX_STR_SIZE / size))) return undefined;
    }
  } else if (isInt(w) && (isSizedSeq(v) || isStr(v) || (v !== null && typeof v === "object" && "bytes" in v))) {
    return safeMultiply(w, v);
  }
  return numberBinop("Mult", v, w);
}

function safePower(v: ConstValue, w: ConstValue): Folded {
  if (isInt(v) && isInt(w) && asInt(v) !== 0n && asInt(w) > 0n) {
    const vbits = numBits(asInt(v));
    const wbits = asInt(w);
    if (wbits > 0xffffffffffffffffn) return undefined;
    if (BigInt(vbits) > BigInt(MAX_INT_SIZE) / wbits) return undefined;
  }
  return numberBinop("Pow", v, w);
}

function safeLshift(v: ConstValue, w: ConstValue): Folded {
  if (isInt(v) && isInt(w) && asInt(v) !== 0n && asInt(w) !== 0n) {
    const vbits = numBits(asInt(v));
    const wbits = asInt(w);
    if (wbits < 0n) return undefined; // PyLong_AsSize_t raises
    if (wbits > BigInt(MAX_INT_SIZE) || BigInt(vbits) > BigInt(MAX_INT_SIZE) - wbits) return undefined;
  }
  return numberBinop("LShift", v, w);
}

function safeMod(v: ConstValue, w: ConstValue): Folded {
  if (isStr(v) || (v !== null && typeof v === "object" && "bytes" in v)) return undefined;
  return numberBinop("Mod", v, w);
}

// ---- optimize_format: 'literal %s %r %a' % (x, y, z) into an f-string ----

const F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16;
const MAXDIGITS = 3;
const PCT = 0x25;

function parseLiteral(fmt: readonly number[], pos: { p: number }): A.expr | null {
  const start = pos.p;
  let p = start;
  let hasPercents = false;
  while (p < fmt.length) {
    if (fmt[p] !== PCT) p++;
    else if (p + 1 < fmt.length && fmt[p + 1] === PCT) { hasPercents = true; p += 2; }
    else break;
  }
  pos.p = p;
  if (p === start) return null;
  let cps = fmt.slice(start, p);
  if (hasPercents) {
    const out: number[] = [];
    for (let i = 0; i < cps.length; i++) {
      out.push(cps[i]!);
      if (cps[i] === PCT && cps[i + 1] === PCT) i++;
    }
    cps = out;
  }
  return A.Constant(makeStr(cps), null, -1, -1, -1, -1);
}

interface FormatArg { spec: number; flags: number; width: number; prec: number }

function simpleFormatArgParse(fmt: readonly number[], pos: { p: number }): FormatArg | null {
  let p = pos.p;
  const len = fmt.length;
  let ch = 0;
  const nextc = (): boolean => {
    if (p >= len) return false;
    ch = fmt[p++]!;
    return true;
  };
  let flags = 0, width = -1, prec = -1;
  for (;;) {
    if (!nextc()) return null;
    if (ch === 0x2d) { flags |= F_LJUST; continue; }
    if (ch === 0x2b) { flags |= F_SIGN; continue; }
    if (ch === 0x20) { flags |= F_BLANK; continue; }
    if (ch === 0x23) { flags |= F_ALT; continue; }
    if (ch === 0x30) { flags |= F_ZERO; continue; }
    break;
  }
  const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
  if (isDigit(ch)) {
    width = 0;
    let digits = 0;
    while (isDigit(ch)) {
      width = width * 10 + (ch - 0x30);
      if (!nextc()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  if (ch === 0x2e) {
    if (!nextc()) return null;
    prec = 0;
    if (isDigit(ch)) {
      let digits = 0;
      while (isDigit(ch)) {
        prec = prec * 10 + (ch - 0x30);
        if (!nextc()) return null;
        if (++digits >= MAXDIGITS) return null;
      }
    }
  }
  pos.p = p;
  return { spec: ch, flags, width, prec };
}

function parseFormat(fmt: readonly number[], pos: { p: number }, arg: A.expr): A.expr | null {
  const f = simpleFormatArgParse(fmt, pos);
  if (f === null) return null;
  // Only %s, %r and %a are turned into replacement fields in 3.13.
  if (f.spec !== 0x73 && f.spec !== 0x72 && f.spec !== 0x61) return null;
  let buf = "";
  if (!(f.flags & F_LJUST) && f.width > 0) buf += ">";
  if (f.width >= 0) buf += String(f.width);
  if (f.prec >= 0) buf += "." + String(f.prec);
  const spec = buf === "" ? null : A.Constant(buf, null, -1, -1, -1, -1);
  return A.FormattedValue(arg, f.spec, spec, arg.lineno, arg.col_offset, arg.end_lineno, arg.end_col_offset);
}

function optimizeFormat(node: A.BinOp, fmtValue: ConstValue, elts: readonly A.expr[]): A.expr {
  const fmt = strCodePoints(fmtValue as string);
  const pos = { p: 0 };
  let cnt = 0;
  const seq: A.expr[] = [];
  for (;;) {
    const lit = parseLiteral(fmt, pos);
    if (lit !== null) seq.push(lit);
    if (pos.p >= fmt.length) break;
    if (cnt >= elts.length) return node; // more format units than items
    pos.p++; // the '%'
    const e = parseFormat(fmt, pos, elts[cnt]!);
    cnt++;
    if (e === null) return node;
    seq.push(e);
  }
  if (cnt < elts.length) return node; // more items than format units
  return A.JoinedStr(seq, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset);
}

// ---- the fold_* functions ----

function foldBinop(node: A.BinOp): A.expr {
  const lhs = node.left, rhs = node.right;
  if (lhs.kind !== "Constant") return node;
  const lv = lhs.value as ConstValue;
  if (node.op.kind === "Mod" && rhs.kind === "Tuple" && isStr(lv)) {
    if (rhs.elts.some((e) => e.kind === "Starred")) return node; // the tuple cannot have a fixed length
    return optimizeFormat(node, lv, rhs.elts);
  }
  if (rhs.kind !== "Constant") return node;
  const rv = rhs.value as ConstValue;
  const op = node.op.kind;
  switch (op) {
    case "Mult": return makeConst(node, safeMultiply(lv, rv));
    case "Mod": return makeConst(node, safeMod(lv, rv));
    case "Pow": return makeConst(node, safePower(lv, rv));
    case "LShift": return makeConst(node, safeLshift(lv, rv));
    case "MatMult": return node;
    case "Add": case "Sub": case "Div": case "FloorDiv": case "RShift": case "BitOr": case "BitXor": case "BitAnd":
      return makeConst(node, numberBinop(op, lv, rv));
    default: {
      const never: never = op;
      return never;
    }
  }
}

function foldUnaryop(node: A.UnaryOp): A.expr {
  const arg = node.operand;
  if (arg.kind !== "Constant") {
    if (node.op.kind === "Not" && arg.kind === "Compare" && arg.ops.length === 1) {
      const inv: A.cmpop | null = INVERTED[arg.ops[0]!.kind];
      // COPY_NODE: the node becomes the comparison, with the comparison's own location.
      if (inv !== null) return A.Compare(arg.left, [inv], arg.comparators, arg.lineno, arg.col_offset, arg.end_lineno, arg.end_col_offset);
    }
    return node;
  }
  return makeConst(node, numberUnary(node.op.kind, arg.value as ConstValue));
}

const INVERTED: { readonly [K in A.cmpop["kind"]]: A.cmpop | null } = {
  Is: A.IsNot, IsNot: A.Is, In: A.NotIn, NotIn: A.In,
  // ==, != and the orderings cannot be inverted safely (sets use < and > for subset tests).
  Eq: null, NotEq: null, Lt: null, LtE: null, Gt: null, GtE: null,
};

function makeConstTuple(elts: readonly A.expr[]): ConstTuple | undefined {
  const items: ConstValue[] = [];
  for (const e of elts) {
    const c = constOf(e);
    if (c === undefined) return undefined;
    items.push(c);
  }
  return new ConstTuple(items);
}

/** PyFrozenSet_New over a tuple's items. */
function frozensetOf(t: ConstTuple): ConstFrozenset {
  return makeFrozenset(t.items);
}

/** fold_iter: a list literal becomes a tuple (constant if it can); a set of constants becomes a frozenset. */
function foldIter(arg: A.expr): A.expr {
  if (arg.kind === "List") {
    if (arg.elts.some((e) => e.kind === "Starred")) return arg;
    const tuple = A.Tuple(arg.elts, arg.ctx, arg.lineno, arg.col_offset, arg.end_lineno, arg.end_col_offset);
    return makeConst(tuple, makeConstTuple(arg.elts));
  }
  if (arg.kind === "Set") {
    const t = makeConstTuple(arg.elts);
    return makeConst(arg, t === undefined ? undefined : frozensetOf(t));
  }
  return arg;
}

function foldCompare(node: A.Compare): A.expr {
  const i = node.ops.length - 1;
  const op = node.ops[i]!.kind;
  if (op === "In" || op === "NotIn") (node.comparators as A.expr[])[i] = foldIter(node.comparators[i]!);
  return node;
}

function foldTuple(node: A.Tuple): A.expr {
  if (node.ctx.kind !== "Load") return node;
  return makeConst(node, makeConstTuple(node.elts));
}

function foldSubscr(node: A.Subscript): A.expr {
  if (node.ctx.kind !== "Load" || node.value.kind !== "Constant" || node.slice.kind !== "Constant") return node;
  return makeConst(node, constSubscript(node.value.value as ConstValue, node.slice.value as ConstValue));
}

// ---- the walk (astfold_*) ----

function foldExprs(seq: readonly A.expr[], st: OptState): void {
  const a = seq as A.expr[];
  for (let i = 0; i < a.length; i++) a[i] = foldExpr(a[i]!, st);
}

function foldOpt(e: A.expr | null, st: OptState): A.expr | null {
  return e === null ? null : foldExpr(e, st);
}

function foldExpr(node: A.expr, st: OptState): A.expr {
  switch (node.kind) {
    case "Name":
      if (node.ctx.kind === "Load" && node.id === "__debug__") return makeConst(node, !st.optimize);
      return node;
    case "Constant": return node;
    case "Attribute": mut(node).value = foldExpr(node.value, st); return node;
    case "Call":
      mut(node).func = foldExpr(node.func, st);
      foldExprs(node.args, st);
      for (const k of node.keywords) mut(k).value = foldExpr(k.value, st);
      return node;
    case "BoolOp": foldExprs(node.values, st); return node;
    case "BinOp": {
      const m = mut(node);
      m.left = foldExpr(node.left, st);
      m.right = foldExpr(node.right, st);
      return foldBinop(node);
    }
    case "UnaryOp":
      mut(node).operand = foldExpr(node.operand, st);
      return foldUnaryop(node);
    case "Lambda":
      foldArguments(node.args, st);
      mut(node).body = foldExpr(node.body, st);
      return node;
    case "IfExp": {
      const m = mut(node);
      m.test = foldExpr(node.test, st);
      m.body = foldExpr(node.body, st);
      m.orelse = foldExpr(node.orelse, st);
      return node;
    }
    case "Dict": {
      const keys = node.keys as (A.expr | null)[];
      for (let i = 0; i < keys.length; i++) keys[i] = foldOpt(keys[i]!, st);
      foldExprs(node.values, st);
      return node;
    }
    case "Set": foldExprs(node.elts, st); return node;
    case "ListComp": case "SetComp": case "GeneratorExp":
      mut(node).elt = foldExpr(node.elt, st);
      for (const g of node.generators) foldComprehension(g, st);
      return node;
    case "DictComp": {
      const m = mut(node);
      m.key = foldExpr(node.key, st);
      m.value = foldExpr(node.value, st);
      for (const g of node.generators) foldComprehension(g, st);
      return node;
    }
    case "Await": mut(node).value = foldExpr(node.value, st); return node;
    case "Yield": mut(node).value = foldOpt(node.value, st); return node;
    case "YieldFrom": mut(node).value = foldExpr(node.value, st); return node;
    case "Compare":
      mut(node).left = foldExpr(node.left, st);
      foldExprs(node.comparators, st);
      return foldCompare(node);
    case "FormattedValue":
      mut(node).value = foldExpr(node.value, st);
      mut(node).format_spec = foldOpt(node.format_spec, st);
      return node;
    case "JoinedStr": foldExprs(node.values, st); return node;
    case "Subscript":
      mut(node).value = foldExpr(node.value, st);
      mut(node).slice = foldExpr(node.slice, st);
      return foldSubscr(node);
    case "Starred": mut(node).value = foldExpr(node.value, st); return node;
    case "Slice": {
      const m = mut(node);
      m.lower = foldOpt(node.lower, st);
      m.upper = foldOpt(node.upper, st);
      m.step = foldOpt(node.step, st);
      return node;
    }
    case "List": foldExprs(node.elts, st); return node;
    case "Tuple":
      foldExprs(node.elts, st);
      return foldTuple(node);
    case "NamedExpr": mut(node).value = foldExpr(node.value, st); return node;
    default: {
      const never: never = node;
      return never;
    }
  }
}

function foldComprehension(g: A.comprehension, st: OptState): void {
  const m = mut(g);
  m.target = foldExpr(g.target, st);
  m.iter = foldExpr(g.iter, st);
  foldExprs(g.ifs, st);
  m.iter = foldIter(g.iter);
}

function foldArg(a: A.arg | null, st: OptState): void {
  if (a === null) return;
  if (!(st.ff_features & CO_FUTURE_ANNOTATIONS)) mut(a).annotation = foldOpt(a.annotation, st);
}

function foldArguments(args: A.arguments, st: OptState): void {
  for (const a of args.posonlyargs) foldArg(a, st);
  for (const a of args.args) foldArg(a, st);
  foldArg(args.vararg, st);
  for (const a of args.kwonlyargs) foldArg(a, st);
  const kd = args.kw_defaults as (A.expr | null)[];
  for (let i = 0; i < kd.length; i++) kd[i] = foldOpt(kd[i]!, st);
  foldArg(args.kwarg, st);
  foldExprs(args.defaults, st);
}

function foldTypeParams(tps: readonly A.type_param[], st: OptState): void {
  for (const tp of tps) {
    switch (tp.kind) {
      case "TypeVar":
        mut(tp).bound = foldOpt(tp.bound, st);
        mut(tp).default_value = foldOpt(tp.default_value, st);
        break;
      case "ParamSpec": case "TypeVarTuple":
        mut(tp).default_value = foldOpt(tp.default_value, st);
        break;
      default: {
        const never: never = tp;
        return never;
      }
    }
  }
}

/** astfold_body: a docstring that only appears through folding is wrapped in an f-string so it stays code. */
function foldBody(stmts: readonly A.stmt[], st: OptState): void {
  const docstring = getDocString(stmts) !== null || isSurrogateDoc(stmts);
  for (const s of stmts) foldStmt(s, st);
  if (!docstring && (getDocString(stmts) !== null || isSurrogateDoc(stmts))) {
    const s = stmts[0] as A.Expr;
    mut(s).value = A.JoinedStr([s.value], s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
  }
}

function isSurrogateDoc(stmts: readonly A.stmt[]): boolean {
  const s = stmts[0];
  if (s === undefined || s.kind !== "Expr" || s.value.kind !== "Constant") return false;
  const v = s.value.value;
  return v !== null && typeof v === "object" && "codePoints" in v;
}

function foldStmts(stmts: readonly A.stmt[], st: OptState): void {
  for (const s of stmts) foldStmt(s, st);
}

function foldStmt(node: A.stmt, st: OptState): void {
  const annotations = !(st.ff_features & CO_FUTURE_ANNOTATIONS);
  switch (node.kind) {
    case "FunctionDef": case "AsyncFunctionDef":
      foldTypeParams(node.type_params, st);
      foldArguments(node.args, st);
      foldBody(node.body, st);
      foldExprs(node.decorator_list, st);
      if (annotations) mut(node).returns = foldOpt(node.returns, st);
      return;
    case "ClassDef":
      foldTypeParams(node.type_params, st);
      foldExprs(node.bases, st);
      for (const k of node.keywords) mut(k).value = foldExpr(k.value, st);
      foldBody(node.body, st);
      foldExprs(node.decorator_list, st);
      return;
    case "Return": mut(node).value = foldOpt(node.value, st); return;
    case "Delete": foldExprs(node.targets, st); return;
    case "Assign":
      foldExprs(node.targets, st);
      mut(node).value = foldExpr(node.value, st);
      return;
    case "AugAssign":
      mut(node).target = foldExpr(node.target, st);
      mut(node).value = foldExpr(node.value, st);
      return;
    case "AnnAssign":
      mut(node).target = foldExpr(node.target, st);
      if (annotations) mut(node).annotation = foldExpr(node.annotation, st);
      mut(node).value = foldOpt(node.value, st);
      return;
    case "TypeAlias":
      mut(node).name = foldExpr(node.name, st);
      foldTypeParams(node.type_params, st);
      mut(node).value = foldExpr(node.value, st);
      return;
    case "For":
      mut(node).target = foldExpr(node.target, st);
      mut(node).iter = foldExpr(node.iter, st);
      foldStmts(node.body, st);
      foldStmts(node.orelse, st);
      mut(node).iter = foldIter(node.iter);
      return;
    case "AsyncFor":
      mut(node).target = foldExpr(node.target, st);
      mut(node).iter = foldExpr(node.iter, st);
      foldStmts(node.body, st);
      foldStmts(node.orelse, st);
      return;
    case "While": case "If":
      mut(node).test = foldExpr(node.test, st);
      foldStmts(node.body, st);
      foldStmts(node.orelse, st);
      return;
    case "With": case "AsyncWith":
      for (const it of node.items) {
        mut(it).context_expr = foldExpr(it.context_expr, st);
        mut(it).optional_vars = foldOpt(it.optional_vars, st);
      }
      foldStmts(node.body, st);
      return;
    case "Raise":
      mut(node).exc = foldOpt(node.exc, st);
      mut(node).cause = foldOpt(node.cause, st);
      return;
    case "Try": case "TryStar":
      foldStmts(node.body, st);
      for (const h of node.handlers) {
        mut(h).type = foldOpt(h.type, st);
        foldStmts(h.body, st);
      }
      foldStmts(node.orelse, st);
      foldStmts(node.finalbody, st);
      return;
    case "Assert":
      mut(node).test = foldExpr(node.test, st);
      mut(node).msg = foldOpt(node.msg, st);
      return;
    case "Expr": mut(node).value = foldExpr(node.value, st); return;
    case "Match":
      mut(node).subject = foldExpr(node.subject, st);
      for (const c of node.cases) {
        foldPattern(c.pattern, st);
        mut(c).guard = foldOpt(c.guard, st);
        foldStmts(c.body, st);
      }
      return;
    case "Import": case "ImportFrom": case "Global": case "Nonlocal": case "Pass": case "Break": case "Continue":
      return;
    default: {
      const never: never = node;
      return never;
    }
  }
}

function foldPattern(p: A.pattern, st: OptState): void {
  switch (p.kind) {
    case "MatchValue": mut(p).value = foldExpr(p.value, st); return;
    case "MatchSingleton": case "MatchStar": return;
    case "MatchSequence": for (const q of p.patterns) foldPattern(q, st); return;
    case "MatchMapping":
      foldExprs(p.keys, st);
      for (const q of p.patterns) foldPattern(q, st);
      return;
    case "MatchClass":
      mut(p).cls = foldExpr(p.cls, st);
      for (const q of p.patterns) foldPattern(q, st);
      for (const q of p.kwd_patterns) foldPattern(q, st);
      return;
    case "MatchAs": if (p.pattern !== null) foldPattern(p.pattern, st); return;
    case "MatchOr": for (const q of p.patterns) foldPattern(q, st); return;
    default: {
      const never: never = p;
      return never;
    }
  }
}

/**
 * _PyAST_Optimize: folds `m` in place and returns it. `optimize` is the optimization level (0, 1, 2): it decides the
 * value of `__debug__`; `ff_features` are the future features (annotations are left alone under `annotations`).
 */
export function _PyAST_Optimize(m: A.mod, optimize: number, ff_features: number): A.mod {
  const st: OptState = { optimize, ff_features };
  switch (m.kind) {
    case "Module": foldBody(m.body, st); break;
    case "Interactive": foldStmts(m.body, st); break;
    case "Expression": mut(m).body = foldExpr(m.body, st); break;
    case "FunctionType": break;
    default: {
      const never: never = m;
      return never;
    }
  }
  return m;
}
