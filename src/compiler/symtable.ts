// The symbol table: one entry per scope, the flags of every name, then scope analysis (free/cell/global).
// Counterpart: Python/symtable.c and Include/internal/pycore_symtable.h (CPython 3.13). See docs/compiler.md.
import type * as A from "../ast/nodes.js";
import { compileError, CompilerRecursionError, type CompileSource } from "./errors.js";
import { CO_FUTURE_ANNOTATIONS, type PyFutureFeatures } from "./future.js";

// Symbol flags (pycore_symtable.h).
export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 2 << 1;
export const DEF_NONLOCAL = 2 << 2;
export const USE = 2 << 3;
export const DEF_FREE = 2 << 4;
export const DEF_FREE_CLASS = 2 << 5;
export const DEF_IMPORT = 2 << 6;
export const DEF_ANNOT = 2 << 7;
export const DEF_COMP_ITER = 2 << 8;
export const DEF_TYPE_PARAM = 2 << 9;
export const DEF_COMP_CELL = 2 << 10;
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
export const SCOPE_OFFSET = 12;
export const SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;
export const LOCAL = 1;
export const GLOBAL_EXPLICIT = 2;
export const GLOBAL_IMPLICIT = 3;
export const FREE = 4;
export const CELL = 5;

export const FLAG_NAMES = [
  [DEF_GLOBAL, "DEF_GLOBAL"], [DEF_LOCAL, "DEF_LOCAL"], [DEF_PARAM, "DEF_PARAM"], [DEF_NONLOCAL, "DEF_NONLOCAL"],
  [USE, "USE"], [DEF_FREE, "DEF_FREE"], [DEF_FREE_CLASS, "DEF_FREE_CLASS"], [DEF_IMPORT, "DEF_IMPORT"],
  [DEF_ANNOT, "DEF_ANNOT"], [DEF_COMP_ITER, "DEF_COMP_ITER"], [DEF_TYPE_PARAM, "DEF_TYPE_PARAM"],
  [DEF_COMP_CELL, "DEF_COMP_CELL"],
] as const;
export const SCOPE_NAMES = ["", "LOCAL", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT", "FREE", "CELL"] as const;

/** _Py_block_ty, in CPython's numbering (the `type` the _symtable module reports). */
export const FunctionBlock = 0;
export const ClassBlock = 1;
export const ModuleBlock = 2;
export const AnnotationBlock = 3;
export const TypeAliasBlock = 4;
export const TypeParametersBlock = 5;
export const TypeVariableBlock = 6;
export type BlockType = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const NoComprehension = 0;
export const ListComprehension = 1;
export const DictComprehension = 2;
export const SetComprehension = 3;
export const GeneratorExpression = 4;
export type ComprehensionType = 0 | 1 | 2 | 3 | 4;

type Directive = readonly [string, number, number, number, number];

/** A scope (PySTEntryObject). */
export class PySTEntryObject {
  ste_id: object;
  ste_symbols: Map<string, number>;
  ste_name: string;
  ste_varnames: string[];
  ste_children: PySTEntryObject[];
  ste_directives: Directive[] | null;
  ste_mangled_names: Set<string> | null;
  ste_type: BlockType;
  ste_scope_info: string | null;
  ste_nested: boolean;
  ste_free: boolean;
  ste_child_free: boolean;
  ste_generator: boolean;
  ste_coroutine: boolean;
  ste_comprehension: ComprehensionType;
  ste_varargs: boolean;
  ste_varkeywords: boolean;
  ste_returns_value: boolean;
  ste_needs_class_closure: boolean;
  ste_needs_classdict: boolean;
  ste_comp_inlined: boolean;
  ste_comp_iter_target: boolean;
  ste_can_see_class_scope: boolean;
  ste_comp_iter_expr: number;
  ste_lineno: number;
  ste_col_offset: number;
  ste_end_lineno: number;
  ste_end_col_offset: number;

  constructor(name: string, type: BlockType, key: object, lineno: number, col: number, endLineno: number, endCol: number) {
    this.ste_id = key;
    this.ste_symbols = new Map();
    this.ste_name = name;
    this.ste_varnames = [];
    this.ste_children = [];
    this.ste_directives = null;
    this.ste_mangled_names = null;
    this.ste_type = type;
    this.ste_scope_info = null;
    this.ste_nested = false;
    this.ste_free = false;
    this.ste_child_free = false;
    this.ste_generator = false;
    this.ste_coroutine = false;
    this.ste_comprehension = NoComprehension;
    this.ste_varargs = false;
    this.ste_varkeywords = false;
    this.ste_returns_value = false;
    this.ste_needs_class_closure = false;
    this.ste_needs_classdict = false;
    this.ste_comp_inlined = false;
    this.ste_comp_iter_target = false;
    this.ste_can_see_class_scope = false;
    this.ste_comp_iter_expr = 0;
    this.ste_lineno = lineno;
    this.ste_col_offset = col;
    this.ste_end_lineno = endLineno;
    this.ste_end_col_offset = endCol;
  }
}

export function _PyST_GetSymbol(ste: PySTEntryObject, name: string): number {
  return ste.ste_symbols.get(name) ?? 0;
}
export function _PyST_GetScope(ste: PySTEntryObject, name: string): number {
  return (_PyST_GetSymbol(ste, name) >> SCOPE_OFFSET) & SCOPE_MASK;
}
export function _PyST_IsFunctionLike(ste: PySTEntryObject): boolean {
  const t = ste.ste_type;
  return t === FunctionBlock || t === TypeVariableBlock || t === TypeAliasBlock || t === TypeParametersBlock;
}

/** _Py_Mangle: `__x` inside class `C` becomes `_C__x`. */
export function _Py_Mangle(privateobj: string | null, ident: string): string {
  if (privateobj === null || ident.charCodeAt(0) !== 0x5f || ident.charCodeAt(1) !== 0x5f) return ident;
  if ((ident.endsWith("__")) || ident.includes(".")) return ident;
  let ipriv = 0;
  while (privateobj.charCodeAt(ipriv) === 0x5f) ipriv++;
  if (ipriv === privateobj.length) return ident;
  return "_" + privateobj.slice(ipriv) + ident;
}

export function _Py_MaybeMangle(privateobj: string | null, ste: PySTEntryObject, name: string): string {
  if (ste.ste_mangled_names !== null && !ste.ste_mangled_names.has(name)) return name;
  return _Py_Mangle(privateobj, name);
}

const NAMED_EXPR_COMP_IN_CLASS = "assignment expression within a comprehension cannot be used in a class body";
const NAMED_EXPR_COMP_IN_TYPEVAR_BOUND = "assignment expression within a comprehension cannot be used in a TypeVar bound";
const NAMED_EXPR_COMP_IN_TYPEALIAS = "assignment expression within a comprehension cannot be used in a type alias";
const NAMED_EXPR_COMP_IN_TYPEPARAM = "assignment expression within a comprehension cannot be used within the definition of a generic";
const NAMED_EXPR_COMP_ITER_EXPR = "assignment expression cannot be used in a comprehension iterable expression";

interface Loc {
  readonly lineno: number;
  readonly col_offset: number;
  readonly end_lineno: number;
  readonly end_col_offset: number;
}

/** Key for the default-value scope of a type parameter (CPython uses the node address + 1). */
export const TYPE_PARAM_DEFAULT_KEYS = new WeakMap<object, object>();
export function typeParamDefaultKey(tp: object): object {
  let k = TYPE_PARAM_DEFAULT_KEYS.get(tp);
  if (k === undefined) {
    k = { defaultOf: tp };
    TYPE_PARAM_DEFAULT_KEYS.set(tp, k);
  }
  return k;
}

/** struct symtable. */
export class Symtable {
  readonly st_src: CompileSource;
  st_cur: PySTEntryObject | null = null;
  st_top: PySTEntryObject | null = null;
  readonly st_blocks = new Map<object, PySTEntryObject>();
  readonly st_stack: PySTEntryObject[] = [];
  st_global: Map<string, number> | null = null;
  st_private: string | null = null;
  readonly st_future: PyFutureFeatures;
  recursion_depth = 0;
  readonly recursion_limit: number;

  constructor(src: CompileSource, future: PyFutureFeatures, recursionLimit: number) {
    this.st_src = src;
    this.st_future = future;
    this.recursion_limit = recursionLimit;
  }

  lookup(key: object): PySTEntryObject {
    const e = this.st_blocks.get(key);
    if (e === undefined) throw new Error("unknown symbol table entry");
    return e;
  }

  private cur(): PySTEntryObject {
    return this.st_cur!;
  }

  private error(msg: string, lineno: number, col: number, endLineno: number, endCol: number): Error {
    return compileError(this.st_src, msg, lineno, col + 1, endLineno, endCol + 1);
  }
  private errorAt(msg: string, n: Loc): Error {
    return this.error(msg, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset);
  }

  // ---- building (first pass) ----

  enterBlock(name: string, block: BlockType, key: object, lineno: number, col: number, endLineno: number, endCol: number): void {
    const ste = new PySTEntryObject(name, block, key, lineno, col, endLineno, endCol);
    const prev = this.st_cur;
    if (prev !== null && (prev.ste_nested || _PyST_IsFunctionLike(prev))) ste.ste_nested = true;
    this.st_blocks.set(key, ste);
    this.st_stack.push(ste);
    if (prev !== null) ste.ste_comp_iter_expr = prev.ste_comp_iter_expr;
    if (prev !== null && prev.ste_mangled_names !== null && block !== ClassBlock) ste.ste_mangled_names = prev.ste_mangled_names;
    this.st_cur = ste;
    if (block === AnnotationBlock) return;
    if (block === ModuleBlock) this.st_global = ste.ste_symbols;
    if (prev !== null) prev.ste_children.push(ste);
  }
  enterBlockAt(name: string, block: BlockType, key: object, n: Loc): void {
    this.enterBlock(name, block, key, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset);
  }

  exitBlock(): void {
    this.st_cur = null;
    this.st_stack.pop();
    if (this.st_stack.length > 0) this.st_cur = this.st_stack[this.st_stack.length - 1]!;
  }

  private lookupEntry(ste: PySTEntryObject, name: string): number {
    return _PyST_GetSymbol(ste, _Py_MaybeMangle(this.st_private, ste, name));
  }
  private lookupCur(name: string): number {
    return this.lookupEntry(this.cur(), name);
  }

  private addDefHelper(name: string, flag: number, ste: PySTEntryObject, n: Loc): void {
    const mangled = _Py_MaybeMangle(this.st_private, this.cur(), name);
    const dict = ste.ste_symbols;
    let val: number;
    const o = dict.get(mangled);
    if (o !== undefined) {
      val = o;
      if ((flag & DEF_PARAM) && (val & DEF_PARAM)) {
        throw this.errorAt(`duplicate argument '${name}' in function definition`, n);
      }
      if ((flag & DEF_TYPE_PARAM) && (val & DEF_TYPE_PARAM)) {
        throw this.errorAt(`duplicate type parameter '${name}'`, n);
      }
      val |= flag;
    } else {
      val = flag;
    }
    if (ste.ste_comp_iter_target) {
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
        throw this.errorAt(`comprehension inner loop cannot rebind assignment expression target '${name}'`, n);
      }
      val |= DEF_COMP_ITER;
    }
    dict.set(mangled, val);
    if (flag & DEF_PARAM) {
      ste.ste_varnames.push(mangled);
    } else if (flag & DEF_GLOBAL) {
      const g = this.st_global!;
      g.set(mangled, flag | (g.get(mangled) ?? 0));
    }
  }

  private addDef(name: string, flag: number, n: Loc): void {
    const cur = this.cur();
    if ((flag & DEF_TYPE_PARAM) && cur.ste_mangled_names !== null) cur.ste_mangled_names.add(name);
    this.addDefHelper(name, flag, cur, n);
  }

  private enterTypeParamBlock(name: string, key: object, hasDefaults: boolean, hasKwDefaults: boolean,
    kind: A.stmt["kind"], n: Loc): void {
    const currentType = this.cur().ste_type;
    this.enterBlockAt(name, TypeParametersBlock, key, n);
    if (currentType === ClassBlock) {
      this.cur().ste_can_see_class_scope = true;
      this.addDef("__classdict__", USE, n);
    }
    if (kind === "ClassDef") {
      this.addDef(".type_params", DEF_LOCAL, n);
      this.addDef(".type_params", USE, n);
      this.addDef(".generic_base", DEF_LOCAL, n);
      this.addDef(".generic_base", USE, n);
    }
    if (hasDefaults) this.addDef(".defaults", DEF_PARAM, n);
    if (hasKwDefaults) this.addDef(".kwdefaults", DEF_PARAM, n);
  }

  private recordDirective(name: string, n: Loc): void {
    const cur = this.cur();
    if (cur.ste_directives === null) cur.ste_directives = [];
    const mangled = _Py_MaybeMangle(this.st_private, cur, name);
    cur.ste_directives.push([mangled, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset]);
  }

  private enter(): void {
    if (++this.recursion_depth > this.recursion_limit) throw new CompilerRecursionError();
  }

  visitStmt(s: A.stmt): void {
    this.enter();
    switch (s.kind) {
      case "FunctionDef":
      case "AsyncFunctionDef": {
        this.addDef(s.name, DEF_LOCAL, s);
        const args = s.args;
        this.visitExprSeq(args.defaults);
        for (const d of args.kw_defaults) if (d !== null) this.visitExpr(d);
        this.visitExprSeq(s.decorator_list);
        if (s.type_params.length > 0) {
          // CPython tests `args->defaults != NULL`, and the parser always allocates that sequence: always true.
          this.enterTypeParamBlock(s.name, s.type_params, true,
            args.kw_defaults.some((d) => d !== null), s.kind, s);
          for (const tp of s.type_params) this.visitTypeParam(tp);
        }
        this.visitAnnotations(s, args, s.returns);
        this.enterBlockAt(s.name, FunctionBlock, s, s);
        if (s.kind === "AsyncFunctionDef") this.cur().ste_coroutine = true;
        this.visitArguments(args);
        for (const b of s.body) this.visitStmt(b);
        this.exitBlock();
        if (s.type_params.length > 0) this.exitBlock();
        break;
      }
      case "ClassDef": {
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprSeq(s.decorator_list);
        const tmp = this.st_private;
        if (s.type_params.length > 0) {
          this.enterTypeParamBlock(s.name, s.type_params, false, false, s.kind, s);
          this.st_private = s.name;
          this.cur().ste_mangled_names = new Set();
          for (const tp of s.type_params) this.visitTypeParam(tp);
        }
        this.visitExprSeq(s.bases);
        for (const k of s.keywords) this.visitExpr(k.value);
        this.enterBlockAt(s.name, ClassBlock, s, s);
        this.st_private = s.name;
        if (s.type_params.length > 0) {
          this.addDef("__type_params__", DEF_LOCAL, s);
          this.addDef(".type_params", USE, s);
        }
        for (const b of s.body) this.visitStmt(b);
        this.exitBlock();
        if (s.type_params.length > 0) this.exitBlock();
        this.st_private = tmp;
        break;
      }
      case "TypeAlias": {
        this.visitExpr(s.name);
        const name = (s.name as A.Name).id;
        const isInClass = this.cur().ste_type === ClassBlock;
        const isGeneric = s.type_params.length > 0;
        if (isGeneric) {
          this.enterTypeParamBlock(name, s.type_params, false, false, s.kind, s);
          for (const tp of s.type_params) this.visitTypeParam(tp);
        }
        this.enterBlockAt(name, TypeAliasBlock, s, s);
        this.cur().ste_can_see_class_scope = isInClass;
        if (isInClass) this.addDef("__classdict__", USE, s.value);
        this.visitExpr(s.value);
        this.exitBlock();
        if (isGeneric) this.exitBlock();
        break;
      }
      case "Return":
        if (s.value !== null) {
          this.visitExpr(s.value);
          this.cur().ste_returns_value = true;
        }
        break;
      case "Delete":
        this.visitExprSeq(s.targets);
        break;
      case "Assign":
        this.visitExprSeq(s.targets);
        this.visitExpr(s.value);
        break;
      case "AnnAssign":
        if (s.target.kind === "Name") {
          const eName = s.target;
          const cur = this.lookupCur(eName.id);
          if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && this.cur().ste_symbols !== this.st_global && s.simple) {
            const msg = cur & DEF_GLOBAL ? `annotated name '${eName.id}' can't be global`
              : `annotated name '${eName.id}' can't be nonlocal`;
            throw this.errorAt(msg, s);
          }
          if (s.simple) {
            this.addDef(eName.id, DEF_ANNOT | DEF_LOCAL, eName);
          } else if (s.value !== null) {
            this.addDef(eName.id, DEF_LOCAL, eName);
          }
        } else {
          this.visitExpr(s.target);
        }
        this.visitAnnotation(s.annotation);
        if (s.value !== null) this.visitExpr(s.value);
        break;
      case "AugAssign":
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case "For":
      case "AsyncFor":
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        for (const b of s.body) this.visitStmt(b);
        for (const b of s.orelse) this.visitStmt(b);
        break;
      case "While":
      case "If":
        this.visitExpr(s.test);
        for (const b of s.body) this.visitStmt(b);
        for (const b of s.orelse) this.visitStmt(b);
        break;
      case "Match":
        this.visitExpr(s.subject);
        for (const m of s.cases) {
          this.visitPattern(m.pattern);
          if (m.guard !== null) this.visitExpr(m.guard);
          for (const b of m.body) this.visitStmt(b);
        }
        break;
      case "Raise":
        if (s.exc !== null) {
          this.visitExpr(s.exc);
          if (s.cause !== null) this.visitExpr(s.cause);
        }
        break;
      case "Try":
      case "TryStar":
        for (const b of s.body) this.visitStmt(b);
        for (const h of s.handlers) {
          if (h.type !== null) this.visitExpr(h.type);
          if (h.name !== null) this.addDef(h.name, DEF_LOCAL, h);
          for (const b of h.body) this.visitStmt(b);
        }
        for (const b of s.orelse) this.visitStmt(b);
        for (const b of s.finalbody) this.visitStmt(b);
        break;
      case "Assert":
        this.visitExpr(s.test);
        if (s.msg !== null) this.visitExpr(s.msg);
        break;
      case "Import":
      case "ImportFrom":
        for (const a of s.names) this.visitAlias(a);
        break;
      case "Global":
      case "Nonlocal": {
        const isGlobal = s.kind === "Global";
        const word = isGlobal ? "global" : "nonlocal";
        for (const name of s.names) {
          const cur = this.lookupCur(name);
          if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            let msg: string;
            if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${word}`;
            else if (cur & USE) msg = `name '${name}' is used prior to ${word} declaration`;
            else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${word}`;
            else msg = `name '${name}' is assigned to before ${word} declaration`;
            throw this.errorAt(msg, s);
          }
          this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
          this.recordDirective(name, s);
        }
        break;
      }
      case "Expr":
        this.visitExpr(s.value);
        break;
      case "Pass":
      case "Break":
      case "Continue":
        break;
      case "With":
      case "AsyncWith":
        for (const item of s.items) {
          this.visitExpr(item.context_expr);
          if (item.optional_vars !== null) this.visitExpr(item.optional_vars);
        }
        for (const b of s.body) this.visitStmt(b);
        break;
      default:
        unreachable(s);
    }
    this.recursion_depth--;
  }

  private visitExprSeq(seq: readonly A.expr[]): void {
    for (const e of seq) this.visitExpr(e);
  }

  private extendNamedExprScope(e: A.Name): void {
    const target = e.id;
    for (let i = this.st_stack.length - 1; i >= 0; i--) {
      const ste = this.st_stack[i]!;
      if (ste.ste_comprehension) {
        const t = this.lookupEntry(ste, target);
        if ((t & DEF_COMP_ITER) && (t & DEF_LOCAL)) {
          throw this.errorAt(`assignment expression cannot rebind comprehension iteration variable '${target}'`, e);
        }
        continue;
      }
      if (ste.ste_type === FunctionBlock) {
        const t = this.lookupEntry(ste, target);
        if (t & DEF_GLOBAL) this.addDef(target, DEF_GLOBAL, e);
        else this.addDef(target, DEF_NONLOCAL, e);
        this.recordDirective(target, e);
        this.addDefHelper(target, DEF_LOCAL, ste, e);
        return;
      }
      if (ste.ste_type === ModuleBlock) {
        this.addDef(target, DEF_GLOBAL, e);
        this.recordDirective(target, e);
        this.addDefHelper(target, DEF_GLOBAL, ste, e);
        return;
      }
      if (ste.ste_type === ClassBlock) throw this.errorAt(NAMED_EXPR_COMP_IN_CLASS, e);
      if (ste.ste_type === TypeParametersBlock) throw this.errorAt(NAMED_EXPR_COMP_IN_TYPEPARAM, e);
      if (ste.ste_type === TypeAliasBlock) throw this.errorAt(NAMED_EXPR_COMP_IN_TYPEALIAS, e);
      if (ste.ste_type === TypeVariableBlock) throw this.errorAt(NAMED_EXPR_COMP_IN_TYPEVAR_BOUND, e);
    }
    throw new Error("unreachable: no scope for a named expression");
  }

  private raiseIfAnnotationBlock(name: string, e: A.expr): void {
    const cur = this.cur();
    const t = cur.ste_type;
    let msg: string;
    if (t === AnnotationBlock) msg = `${name} cannot be used within an annotation`;
    else if (t === TypeVariableBlock) msg = `${name} cannot be used within ${cur.ste_scope_info}`;
    else if (t === TypeAliasBlock) msg = `${name} cannot be used within a type alias`;
    else if (t === TypeParametersBlock) msg = `${name} cannot be used within the definition of a generic`;
    else return;
    throw this.errorAt(msg, e);
  }

  private raiseIfComprehensionBlock(e: A.expr): never {
    const t = this.cur().ste_comprehension;
    const msg = t === ListComprehension ? "'yield' inside list comprehension"
      : t === SetComprehension ? "'yield' inside set comprehension"
        : t === DictComprehension ? "'yield' inside dict comprehension" : "'yield' inside generator expression";
    throw this.errorAt(msg, e);
  }

  visitExpr(e: A.expr): void {
    this.enter();
    switch (e.kind) {
      case "Name":
        this.addDef(e.id, e.ctx.kind === "Load" ? USE : DEF_LOCAL, e);
        if (e.ctx.kind === "Load" && _PyST_IsFunctionLike(this.cur()) && e.id === "super") {
          this.addDef("__class__", USE, e);
        }
        break;
      case "Constant":
        break;
      case "Attribute":
        this.visitExpr(e.value);
        break;
      case "Call":
        this.visitExpr(e.func);
        this.visitExprSeq(e.args);
        for (const k of e.keywords) this.visitExpr(k.value);
        break;
      case "NamedExpr":
        this.raiseIfAnnotationBlock("named expression", e);
        if (this.cur().ste_comp_iter_expr > 0) throw this.errorAt(NAMED_EXPR_COMP_ITER_EXPR, e);
        if (this.cur().ste_comprehension) this.extendNamedExprScope(e.target as A.Name);
        this.visitExpr(e.value);
        this.visitExpr(e.target);
        break;
      case "BoolOp":
        this.visitExprSeq(e.values);
        break;
      case "BinOp":
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case "UnaryOp":
        this.visitExpr(e.operand);
        break;
      case "Lambda":
        this.visitExprSeq(e.args.defaults);
        for (const d of e.args.kw_defaults) if (d !== null) this.visitExpr(d);
        this.enterBlockAt("lambda", FunctionBlock, e, e);
        this.visitArguments(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      case "IfExp":
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case "Dict":
        for (const k of e.keys) if (k !== null) this.visitExpr(k);
        this.visitExprSeq(e.values);
        break;
      case "Set":
        this.visitExprSeq(e.elts);
        break;
      case "GeneratorExp":
        this.handleComprehension(e, "genexpr", e.generators, e.elt, null);
        break;
      case "ListComp":
        this.handleComprehension(e, "listcomp", e.generators, e.elt, null);
        break;
      case "SetComp":
        this.handleComprehension(e, "setcomp", e.generators, e.elt, null);
        break;
      case "DictComp":
        this.handleComprehension(e, "dictcomp", e.generators, e.key, e.value);
        break;
      case "Yield":
        this.raiseIfAnnotationBlock("yield expression", e);
        if (e.value !== null) this.visitExpr(e.value);
        this.cur().ste_generator = true;
        if (this.cur().ste_comprehension) this.raiseIfComprehensionBlock(e);
        break;
      case "YieldFrom":
        this.raiseIfAnnotationBlock("yield expression", e);
        this.visitExpr(e.value);
        this.cur().ste_generator = true;
        if (this.cur().ste_comprehension) this.raiseIfComprehensionBlock(e);
        break;
      case "Await":
        this.raiseIfAnnotationBlock("await expression", e);
        this.visitExpr(e.value);
        this.cur().ste_coroutine = true;
        break;
      case "Compare":
        this.visitExpr(e.left);
        this.visitExprSeq(e.comparators);
        break;
      case "FormattedValue":
        this.visitExpr(e.value);
        if (e.format_spec !== null) this.visitExpr(e.format_spec);
        break;
      case "JoinedStr":
        this.visitExprSeq(e.values);
        break;
      case "Subscript":
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case "Starred":
        this.visitExpr(e.value);
        break;
      case "Slice":
        if (e.lower !== null) this.visitExpr(e.lower);
        if (e.upper !== null) this.visitExpr(e.upper);
        if (e.step !== null) this.visitExpr(e.step);
        break;
      case "List":
      case "Tuple":
        this.visitExprSeq(e.elts);
        break;
      default:
        unreachable(e);
    }
    this.recursion_depth--;
  }

  private visitTypeParamBoundOrDefault(e: A.expr | null, name: string, key: object, info: string): void {
    if (e === null) return;
    const isInClass = this.cur().ste_can_see_class_scope;
    this.enterBlockAt(name, TypeVariableBlock, key, e);
    this.cur().ste_can_see_class_scope = isInClass;
    if (isInClass) this.addDef("__classdict__", USE, e);
    this.cur().ste_scope_info = info;
    this.visitExpr(e);
    this.exitBlock();
  }

  private visitTypeParam(tp: A.type_param): void {
    this.enter();
    switch (tp.kind) {
      case "TypeVar": {
        this.addDef(tp.name, DEF_TYPE_PARAM | DEF_LOCAL, tp);
        const info = tp.bound === null ? "" : tp.bound.kind === "Tuple" ? "a TypeVar constraint" : "a TypeVar bound";
        this.visitTypeParamBoundOrDefault(tp.bound, tp.name, tp, info);
        this.visitTypeParamBoundOrDefault(tp.default_value, tp.name, typeParamDefaultKey(tp), "a TypeVar default");
        break;
      }
      case "TypeVarTuple":
        this.addDef(tp.name, DEF_TYPE_PARAM | DEF_LOCAL, tp);
        this.visitTypeParamBoundOrDefault(tp.default_value, tp.name, tp, "a TypeVarTuple default");
        break;
      case "ParamSpec":
        this.addDef(tp.name, DEF_TYPE_PARAM | DEF_LOCAL, tp);
        this.visitTypeParamBoundOrDefault(tp.default_value, tp.name, tp, "a ParamSpec default");
        break;
      default:
        unreachable(tp);
    }
    this.recursion_depth--;
  }

  private visitPattern(p: A.pattern): void {
    this.enter();
    switch (p.kind) {
      case "MatchValue":
        this.visitExpr(p.value);
        break;
      case "MatchSingleton":
        break;
      case "MatchSequence":
        for (const q of p.patterns) this.visitPattern(q);
        break;
      case "MatchStar":
        if (p.name !== null) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case "MatchMapping":
        this.visitExprSeq(p.keys);
        for (const q of p.patterns) this.visitPattern(q);
        if (p.rest !== null) this.addDef(p.rest, DEF_LOCAL, p);
        break;
      case "MatchClass":
        this.visitExpr(p.cls);
        for (const q of p.patterns) this.visitPattern(q);
        for (const q of p.kwd_patterns) this.visitPattern(q);
        break;
      case "MatchAs":
        if (p.pattern !== null) this.visitPattern(p.pattern);
        if (p.name !== null) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case "MatchOr":
        for (const q of p.patterns) this.visitPattern(q);
        break;
      default:
        unreachable(p);
    }
    this.recursion_depth--;
  }

  private implicitArg(pos: number): void {
    const cur = this.cur();
    this.addDef(`.${pos}`, DEF_PARAM, {
      lineno: cur.ste_lineno, col_offset: cur.ste_col_offset, end_lineno: cur.ste_end_lineno,
      end_col_offset: cur.ste_end_col_offset,
    });
  }

  private visitParams(args: readonly A.arg[]): void {
    for (const a of args) this.addDef(a.arg, DEF_PARAM, a);
  }

  private visitAnnotation(annotation: A.expr): void {
    const fa = (this.st_future.ff_features & CO_FUTURE_ANNOTATIONS) !== 0;
    if (fa) this.enterBlockAt("_annotation", AnnotationBlock, annotation, annotation);
    this.visitExpr(annotation);
    if (fa) this.exitBlock();
  }

  private visitArgAnnotations(args: readonly A.arg[]): void {
    for (const a of args) if (a.annotation !== null) this.visitExpr(a.annotation);
  }

  private visitAnnotations(o: A.stmt, a: A.arguments, returns: A.expr | null): void {
    const fa = (this.st_future.ff_features & CO_FUTURE_ANNOTATIONS) !== 0;
    if (fa) this.enterBlockAt("_annotation", AnnotationBlock, o, o);
    this.visitArgAnnotations(a.posonlyargs);
    this.visitArgAnnotations(a.args);
    if (a.vararg !== null && a.vararg.annotation !== null) this.visitExpr(a.vararg.annotation);
    if (a.kwarg !== null && a.kwarg.annotation !== null) this.visitExpr(a.kwarg.annotation);
    this.visitArgAnnotations(a.kwonlyargs);
    if (fa) this.exitBlock();
    if (returns !== null) this.visitAnnotation(returns);
  }

  private visitArguments(a: A.arguments): void {
    this.visitParams(a.posonlyargs);
    this.visitParams(a.args);
    this.visitParams(a.kwonlyargs);
    if (a.vararg !== null) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur().ste_varargs = true;
    }
    if (a.kwarg !== null) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur().ste_varkeywords = true;
    }
  }

  private visitAlias(a: A.alias): void {
    const name = a.asname === null ? a.name : a.asname;
    const dot = name.indexOf(".");
    const storeName = dot >= 0 ? name.slice(0, dot) : name;
    if (name !== "*") {
      this.addDef(storeName, DEF_IMPORT, a);
    } else if (this.cur().ste_type !== ModuleBlock) {
      throw this.errorAt("import * only allowed at module level", a);
    }
  }

  private visitComprehension(lc: A.comprehension): void {
    const cur = this.cur();
    cur.ste_comp_iter_target = true;
    this.visitExpr(lc.target);
    cur.ste_comp_iter_target = false;
    cur.ste_comp_iter_expr++;
    this.visitExpr(lc.iter);
    cur.ste_comp_iter_expr--;
    this.visitExprSeq(lc.ifs);
    if (lc.is_async) cur.ste_coroutine = true;
  }

  private handleComprehension(e: A.expr, scopeName: string, generators: readonly A.comprehension[],
    elt: A.expr, value: A.expr | null): void {
    const isGenerator = e.kind === "GeneratorExp";
    const outermost = generators[0]!;
    this.cur().ste_comp_iter_expr++;
    this.visitExpr(outermost.iter);
    this.cur().ste_comp_iter_expr--;
    this.enterBlockAt(scopeName, FunctionBlock, e, e);
    const cur = this.cur();
    cur.ste_comprehension = e.kind === "ListComp" ? ListComprehension : e.kind === "SetComp" ? SetComprehension
      : e.kind === "DictComp" ? DictComprehension : GeneratorExpression;
    if (outermost.is_async) cur.ste_coroutine = true;
    this.implicitArg(0);
    cur.ste_comp_iter_target = true;
    this.visitExpr(outermost.target);
    cur.ste_comp_iter_target = false;
    this.visitExprSeq(outermost.ifs);
    for (let i = 1; i < generators.length; i++) this.visitComprehension(generators[i]!);
    if (value !== null) this.visitExpr(value);
    this.visitExpr(elt);
    cur.ste_generator = isGenerator;
    const isAsync = cur.ste_coroutine && !isGenerator;
    this.exitBlock();
    if (isAsync) this.cur().ste_coroutine = true;
  }

  // ---- analysis (second pass) ----

  private errorAtDirective(ste: PySTEntryObject, name: string, msg: string): Error {
    for (const d of ste.ste_directives ?? []) {
      if (d[0] === name) return this.error(msg, d[1], d[2], d[3], d[4]);
    }
    return new Error("BUG: internal directive bookkeeping broken");
  }

  private analyzeName(ste: PySTEntryObject, scopes: Map<string, number>, name: string, flags: number,
    bound: Set<string> | null, local: Set<string>, free: Set<string>, global: Set<string>,
    typeParams: Set<string>, classEntry: PySTEntryObject | null): void {
    if (flags & DEF_GLOBAL) {
      if (flags & DEF_NONLOCAL) throw this.errorAtDirective(ste, name, `name '${name}' is nonlocal and global`);
      scopes.set(name, GLOBAL_EXPLICIT);
      global.add(name);
      if (bound !== null) bound.delete(name);
      return;
    }
    if (flags & DEF_NONLOCAL) {
      if (bound === null) throw this.errorAtDirective(ste, name, "nonlocal declaration not allowed at module level");
      if (!bound.has(name)) throw this.errorAtDirective(ste, name, `no binding for nonlocal '${name}' found`);
      if (typeParams.has(name)) {
        throw this.errorAtDirective(ste, name, `nonlocal binding not allowed for type parameter '${name}'`);
      }
      scopes.set(name, FREE);
      ste.ste_free = true;
      free.add(name);
      return;
    }
    if (flags & DEF_BOUND) {
      scopes.set(name, LOCAL);
      local.add(name);
      global.delete(name);
      if (flags & DEF_TYPE_PARAM) typeParams.add(name);
      else typeParams.delete(name);
      return;
    }
    if (classEntry !== null) {
      const classFlags = _PyST_GetSymbol(classEntry, name);
      if (classFlags & DEF_GLOBAL) {
        scopes.set(name, GLOBAL_EXPLICIT);
        return;
      } else if ((classFlags & DEF_BOUND) && !(classFlags & DEF_NONLOCAL)) {
        scopes.set(name, GLOBAL_IMPLICIT);
        return;
      }
    }
    if (bound !== null && bound.has(name)) {
      scopes.set(name, FREE);
      ste.ste_free = true;
      free.add(name);
      return;
    }
    if (global.has(name)) {
      scopes.set(name, GLOBAL_IMPLICIT);
      return;
    }
    if (ste.ste_nested) ste.ste_free = true;
    scopes.set(name, GLOBAL_IMPLICIT);
  }

  private static isFreeInAnyChild(entry: PySTEntryObject, key: string): boolean {
    for (const c of entry.ste_children) if (_PyST_GetScope(c, key) === FREE) return true;
    return false;
  }

  private static inlineComprehension(ste: PySTEntryObject, comp: PySTEntryObject, scopes: Map<string, number>,
    compFree: Set<string>, inlinedCells: Set<string>): void {
    let removeDunderClass = false;
    for (const [k, compFlags] of comp.ste_symbols) {
      if (compFlags & DEF_PARAM) continue;
      let scope = (compFlags >> SCOPE_OFFSET) & SCOPE_MASK;
      const onlyFlags = compFlags & ((1 << SCOPE_OFFSET) - 1);
      if (scope === CELL || (onlyFlags & DEF_COMP_CELL)) inlinedCells.add(k);
      const existing = ste.ste_symbols.get(k);
      if (scope === FREE && ste.ste_type === ClassBlock && k === "__class__") {
        scope = GLOBAL_IMPLICIT;
        compFree.delete(k);
        removeDunderClass = true;
      }
      if (existing === undefined) {
        ste.ste_symbols.set(k, onlyFlags);
        scopes.set(k, scope);
      } else if (existing & DEF_BOUND) {
        if (!Symtable.isFreeInAnyChild(comp, k) && ste.ste_type !== ClassBlock) compFree.delete(k);
      }
    }
    comp.ste_free = compFree.size > 0;
    if (removeDunderClass) comp.ste_symbols.delete("__class__");
  }

  private static analyzeCells(scopes: Map<string, number>, free: Set<string>, inlinedCells: Set<string>): void {
    for (const [name, scope] of scopes) {
      if (scope !== LOCAL) continue;
      if (!free.has(name) && !inlinedCells.has(name)) continue;
      scopes.set(name, CELL);
      free.delete(name);
    }
  }

  private static dropClassFree(ste: PySTEntryObject, free: Set<string>): void {
    if (free.delete("__class__")) ste.ste_needs_class_closure = true;
    if (free.delete("__classdict__")) ste.ste_needs_classdict = true;
  }

  private static updateSymbols(symbols: Map<string, number>, scopes: Map<string, number>, bound: Set<string> | null,
    free: Set<string>, inlinedCells: Set<string>, classflag: boolean): void {
    for (const [name, v] of symbols) {
      let flags = v;
      if (inlinedCells.has(name)) flags |= DEF_COMP_CELL;
      const scope = scopes.get(name)!;
      flags |= scope << SCOPE_OFFSET;
      symbols.set(name, flags);
    }
    for (const name of free) {
      const v = symbols.get(name);
      if (v !== undefined) {
        if (classflag) symbols.set(name, v | DEF_FREE_CLASS);
        continue;
      }
      if (bound !== null && !bound.has(name)) continue;
      symbols.set(name, FREE << SCOPE_OFFSET);
    }
  }

  private analyzeBlock(ste: PySTEntryObject, bound: Set<string> | null, free: Set<string>, global: Set<string>,
    typeParams: Set<string>, classEntry: PySTEntryObject | null): void {
    const local = new Set<string>();
    const scopes = new Map<string, number>();
    const newglobal = new Set<string>();
    const newfree = new Set<string>();
    const newbound = new Set<string>();
    const inlinedCells = new Set<string>();
    if (ste.ste_type === ClassBlock) {
      for (const n of global) newglobal.add(n);
      if (bound !== null) for (const n of bound) newbound.add(n);
    }
    for (const [name, flags] of ste.ste_symbols) {
      this.analyzeName(ste, scopes, name, flags, bound, local, free, global, typeParams, classEntry);
    }
    if (ste.ste_type !== ClassBlock) {
      if (_PyST_IsFunctionLike(ste)) for (const n of local) newbound.add(n);
      if (bound !== null) for (const n of bound) newbound.add(n);
      for (const n of global) newglobal.add(n);
    } else {
      newbound.add("__class__");
      newbound.add("__classdict__");
    }
    for (const entry of ste.ste_children) {
      let newClassEntry: PySTEntryObject | null = null;
      if (entry.ste_can_see_class_scope) {
        if (ste.ste_type === ClassBlock) newClassEntry = ste;
        else if (classEntry !== null) newClassEntry = classEntry;
      }
      const inlineComp = entry.ste_comprehension !== NoComprehension && !entry.ste_generator && !ste.ste_can_see_class_scope;
      const childFree = new Set(newfree);
      this.analyzeBlock(entry, new Set(newbound), childFree, new Set(newglobal), new Set(typeParams), newClassEntry);
      if (inlineComp) {
        Symtable.inlineComprehension(ste, entry, scopes, childFree, inlinedCells);
        entry.ste_comp_inlined = true;
      }
      for (const n of childFree) newfree.add(n);
      if (entry.ste_free || entry.ste_child_free) ste.ste_child_free = true;
    }
    for (let i = ste.ste_children.length - 1; i >= 0; --i) {
      const entry = ste.ste_children[i]!;
      if (entry.ste_comp_inlined) ste.ste_children.splice(i, 1, ...entry.ste_children);
    }
    if (_PyST_IsFunctionLike(ste)) Symtable.analyzeCells(scopes, newfree, inlinedCells);
    else if (ste.ste_type === ClassBlock) Symtable.dropClassFree(ste, newfree);
    Symtable.updateSymbols(ste.ste_symbols, scopes, bound, newfree, inlinedCells,
      ste.ste_type === ClassBlock || ste.ste_can_see_class_scope);
    for (const n of newfree) free.add(n);
  }

  analyze(): void {
    this.analyzeBlock(this.st_top!, null, new Set(), new Set(), new Set(), null);
  }
}

function unreachable(x: never): never {
  throw new Error(`unexpected node ${(x as { kind: string }).kind}`);
}

/** Default limit on nesting of the symbol-table and compiler visitors (CPython: Py_C_RECURSION_LIMIT). */
export const COMPILER_RECURSION_LIMIT = 3000;

/** _PySymtable_Build. */
export function _PySymtable_Build(m: A.mod, src: CompileSource, future: PyFutureFeatures,
  recursionLimit = COMPILER_RECURSION_LIMIT): Symtable {
  const st = new Symtable(src, future, recursionLimit);
  st.enterBlock("top", ModuleBlock, m, 0, 0, 0, 0);
  st.st_top = st.st_cur;
  switch (m.kind) {
    case "Module":
    case "Interactive":
      for (const s of m.body) st.visitStmt(s);
      break;
    case "Expression":
      st.visitExpr(m.body);
      break;
    case "FunctionType":
      throw new Error("this compiler does not handle FunctionTypes");
    default:
      unreachable(m);
  }
  st.exitBlock();
  st.analyze();
  return st;
}
