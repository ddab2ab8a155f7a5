// Code generation: AST to one instruction sequence per scope, nested scopes first (their code records become
// constants). Counterpart: Python/compile.c (compiler_* functions), CPython 3.13. See docs/compiler.md.
import type * as A from "../ast/nodes.js";
import * as O from "../opcode/opcode_metadata.js";
import { compileError, type CompileSource } from "./errors.js";
import {
  _PyST_GetScope, _PyST_GetSymbol, _PyST_IsFunctionLike, _Py_Mangle, _Py_MaybeMangle, CELL, ClassBlock, DEF_COMP_CELL,
  DEF_FREE_CLASS, DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL, FREE, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, LOCAL, SCOPE_MASK,
  SCOPE_OFFSET, typeParamDefaultKey, type PySTEntryObject, type Symtable,
} from "./symtable.js";
import { CO_FUTURE_ANNOTATIONS, getDocString, type PyFutureFeatures } from "./future.js";
import { InstrSequence, LOC, LOCATION, NO_LOCATION, makeInstr, type Location } from "./instruction_sequence.js";
import { ConstIndex, ConstTuple, equalityKey, makeFrozenset, reprConst, type ConstValue } from "./consts.js";
import { reprStr } from "../ast/constant.js";
import type { CodeRecord } from "./code.js";
import { _PyAST_ExprAsUnicode } from "./ast_unparse.js";

export const STACK_USE_GUIDELINE = 30;

/** CO_MAXBLOCKS (Include/cpython/code.h): the static block nesting limit of one code unit. */
const CO_MAXBLOCKS = 21;

// pycore_opcode_utils.h: the COMPARE_OP oparg's low bits.
const COMPARISON_UNORDERED = 1;
const COMPARISON_LESS_THAN = 2;
const COMPARISON_GREATER_THAN = 4;
const COMPARISON_EQUALS = 8;
const COMPARISON_NOT_EQUALS = COMPARISON_UNORDERED | COMPARISON_LESS_THAN | COMPARISON_GREATER_THAN;

export const COMPILER_SCOPE_MODULE = 0;
export const COMPILER_SCOPE_CLASS = 1;
export const COMPILER_SCOPE_FUNCTION = 2;
export const COMPILER_SCOPE_ASYNC_FUNCTION = 3;
export const COMPILER_SCOPE_LAMBDA = 4;
export const COMPILER_SCOPE_COMPREHENSION = 5;
export const COMPILER_SCOPE_TYPEPARAMS = 6;

type FBlockType = "WHILE_LOOP" | "FOR_LOOP" | "TRY_EXCEPT" | "FINALLY_TRY" | "FINALLY_END" | "WITH" | "ASYNC_WITH" |
  "HANDLER_CLEANUP" | "POP_VALUE" | "EXCEPTION_HANDLER" | "EXCEPTION_GROUP_HANDLER" | "ASYNC_COMPREHENSION_GENERATOR" |
  "STOP_ITERATION";

interface FBlock {
  type: FBlockType;
  block: number;
  loc: Location;
  exit: number;
  datum: unknown;
}

/** An ordered dict name → index (CPython's u_names, u_varnames, ... dicts). */
export class IndexMap {
  readonly map = new Map<string, number>();
  add(k: string): number {
    let v = this.map.get(k);
    if (v === undefined) {
      v = this.map.size;
      this.map.set(k, v);
    }
    return v;
  }
  get(k: string): number | undefined {
    return this.map.get(k);
  }
  get size(): number {
    return this.map.size;
  }
  keys(): string[] {
    return [...this.map.keys()];
  }
}

/** Compiler unit metadata (_PyCompile_CodeUnitMetadata). */
export interface CodeUnitMetadata {
  u_name: string;
  u_qualname: string;
  u_consts: ConstIndex;
  u_names: IndexMap;
  u_varnames: IndexMap;
  u_cellvars: IndexMap;
  u_freevars: IndexMap;
  u_fasthidden: Map<string, boolean>;
  u_argcount: number;
  u_posonlyargcount: number;
  u_kwonlyargcount: number;
  u_firstlineno: number;
}

export class CompilerUnit {
  readonly u_ste: PySTEntryObject;
  readonly u_scope_type: number;
  readonly u_metadata: CodeUnitMetadata;
  readonly u_instr_sequence = new InstrSequence();
  u_private: string | null = null;
  u_static_attributes: Set<string> | null;
  u_in_inlined_comp = 0;
  readonly u_fblock: FBlock[] = [];

  constructor(ste: PySTEntryObject, scopeType: number, md: CodeUnitMetadata) {
    this.u_ste = ste;
    this.u_scope_type = scopeType;
    this.u_metadata = md;
    this.u_static_attributes = scopeType === COMPILER_SCOPE_CLASS ? new Set() : null;
  }
}

function dictbytype(src: Map<string, number>, scopeType: number, flag: number, offset: number): IndexMap {
  const names = [...src.entries()]
    .filter(([, v]) => ((v >> SCOPE_OFFSET) & SCOPE_MASK) === scopeType || (v & flag) !== 0)
    .map(([k]) => k)
    .sort(cmpPyStr);
  const m = new IndexMap();
  for (const n of names) m.map.set(n, offset + m.map.size);
  return m;
}

export function cmpPyStr(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

/** Assembles one finished unit into a code record: flowgraph + assembler (set by compile.ts). */
export type AssembleUnit = (c: Compiler, u: CompilerUnit, addNone: boolean) => CodeRecord;

/** pattern_context. */
interface PatternContext {
  /** The names captured so far, in stack order. */
  stores: string[];
  allow_irrefutable: boolean;
  /** fail_pop[k] pops k items, then falls into fail_pop[k - 1]. */
  fail_pop: number[];
  /** Items on top of the stack that a failure must pop (captures excluded). */
  on_top: number;
}

const A_Eq: A.cmpop = { kind: "Eq" };
const A_GtE: A.cmpop = { kind: "GtE" };
const A_Is: A.cmpop = { kind: "Is" };

/** WILDCARD_CHECK: `_`. */
function wildcardCheck(p: A.pattern): boolean {
  return p.kind === "MatchAs" && p.name === null;
}

interface InlinedComprehensionState {
  pushed_locals: string[] | null;
  temp_symbols: Map<string, number> | null;
  fast_hidden: Set<string> | null;
  cleanup: number;
  end: number;
}

export class Compiler {
  readonly c_src: CompileSource;
  readonly c_st: Symtable;
  readonly c_future: PyFutureFeatures;
  readonly c_optimize: number;
  c_interactive = false;
  c_nestlevel = 0;
  readonly c_stack: CompilerUnit[] = [];
  u!: CompilerUnit;
  readonly assemble: AssembleUnit;
  readonly c_flags: number;

  constructor(src: CompileSource, st: Symtable, future: PyFutureFeatures, optimize: number, flags: number,
    assemble: AssembleUnit) {
    this.c_src = src;
    this.c_st = st;
    this.c_future = future;
    this.c_optimize = optimize;
    this.c_flags = flags;
    this.assemble = assemble;
  }

  error(loc: Location, msg: string): Error {
    return compileError(this.c_src, msg, loc.lineno, loc.col_offset + 1, loc.end_lineno, loc.end_col_offset + 1);
  }

  private get seq(): InstrSequence {
    return this.u.u_instr_sequence;
  }
  private newLabel(): number {
    return this.seq.newLabel();
  }
  private useLabel(l: number): void {
    this.seq.useLabel(l);
  }
  private addop(op: number, loc: Location): void {
    this.seq.addop(op, 0, loc);
  }
  private addopI(op: number, oparg: number, loc: Location): void {
    this.seq.addop(op, oparg, loc);
  }
  private addopJ(op: number, target: number, loc: Location): void {
    this.seq.addop(op, target, loc);
  }

  // ---- constants and names ----

  addConst(o: ConstValue): number {
    return this.u.u_metadata.u_consts.add(o);
  }
  private loadConst(o: ConstValue, loc: Location): void {
    this.addopI(O.LOAD_CONST, this.addConst(o), loc);
  }
  private addopName(op: number, name: string, dict: IndexMap, loc: Location): void {
    const mangled = _Py_MaybeMangle(this.u.u_private, this.u.u_ste, name);
    let arg = dict.add(mangled);
    if (op === O.LOAD_ATTR) arg <<= 1;
    if (op === O.LOAD_METHOD) {
      op = O.LOAD_ATTR;
      arg = (arg << 1) | 1;
    }
    if (op === O.LOAD_GLOBAL) arg <<= 1;
    this.addopI(op, arg, loc);
  }
  private addopNoMangle(op: number, name: string, dict: IndexMap, loc: Location): void {
    this.addopI(op, dict.add(name), loc);
  }

  // ---- scopes ----

  enterScope(name: string, scopeType: number, key: object, lineno: number): void {
    const ste = this.c_st.lookup(key);
    const varnames = new IndexMap();
    for (const v of ste.ste_varnames) varnames.add(v);
    const cellvars = dictbytype(ste.ste_symbols, CELL, DEF_COMP_CELL, 0);
    if (ste.ste_needs_class_closure) cellvars.add("__class__");
    if (ste.ste_needs_classdict) cellvars.add("__classdict__");
    const freevars = dictbytype(ste.ste_symbols, FREE, DEF_FREE_CLASS, cellvars.size);
    const md: CodeUnitMetadata = {
      u_name: name, u_qualname: name, u_consts: new ConstIndex(), u_names: new IndexMap(), u_varnames: varnames,
      u_cellvars: cellvars, u_freevars: freevars, u_fasthidden: new Map(), u_argcount: 0, u_posonlyargcount: 0,
      u_kwonlyargcount: 0, u_firstlineno: lineno,
    };
    const u = new CompilerUnit(ste, scopeType, md);
    if (this.c_stack.length > 0 || this.u !== undefined) {
      if (this.u !== undefined) {
        this.c_stack.push(this.u);
        u.u_private = this.u.u_private;
      }
    }
    this.u = u;
    this.c_nestlevel++;
    const loc = LOCATION(scopeType === COMPILER_SCOPE_MODULE ? 0 : lineno, lineno, 0, 0);
    if (scopeType !== COMPILER_SCOPE_MODULE) this.setQualname();
    this.addopI(O.RESUME, 0, loc);
  }

  exitScope(): void {
    this.c_nestlevel--;
    const parent = this.c_stack.pop();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the module unit has no parent.
    this.u = parent as any;
  }

  private setQualname(): void {
    const u = this.u;
    const stack = this.c_stack;
    let base: string | null = null;
    if (stack.length > 1) {
      let parent = stack[stack.length - 1]!;
      if (parent.u_scope_type === COMPILER_SCOPE_TYPEPARAMS) {
        if (stack.length === 2) {
          u.u_metadata.u_qualname = u.u_metadata.u_name;
          return;
        }
        parent = stack[stack.length - 2]!;
      }
      let forceGlobal = false;
      if (u.u_scope_type === COMPILER_SCOPE_FUNCTION || u.u_scope_type === COMPILER_SCOPE_ASYNC_FUNCTION ||
        u.u_scope_type === COMPILER_SCOPE_CLASS) {
        const mangled = _Py_Mangle(parent.u_private, u.u_metadata.u_name);
        if (_PyST_GetScope(parent.u_ste, mangled) === GLOBAL_EXPLICIT) forceGlobal = true;
      }
      if (!forceGlobal) {
        if (parent.u_scope_type === COMPILER_SCOPE_FUNCTION || parent.u_scope_type === COMPILER_SCOPE_ASYNC_FUNCTION ||
          parent.u_scope_type === COMPILER_SCOPE_LAMBDA) {
          base = parent.u_metadata.u_qualname + ".<locals>";
        } else {
          base = parent.u_metadata.u_qualname;
        }
      }
    }
    u.u_metadata.u_qualname = base !== null ? base + "." + u.u_metadata.u_name : u.u_metadata.u_name;
  }

  private pushFBlock(loc: Location, type: FBlockType, block: number, exit: number, datum: unknown): void {
    if (this.u.u_fblock.length >= CO_MAXBLOCKS) throw this.error(loc, "too many statically nested blocks");
    this.u.u_fblock.push({ type, block, loc, exit, datum });
  }
  private popFBlock(): void {
    this.u.u_fblock.pop();
  }

  // ---- module ----

  compileMod(m: A.mod): CodeRecord {
    this.enterScope("<module>", COMPILER_SCOPE_MODULE, m, 1);
    const loc = LOCATION(1, 1, 0, 0);
    let addNone = true;
    switch (m.kind) {
      case "Module":
        this.body(loc, m.body);
        break;
      case "Interactive":
        if (findAnn(m.body)) this.addop(O.SETUP_ANNOTATIONS, loc);
        this.c_interactive = true;
        for (const s of m.body) this.visitStmt(s);
        break;
      case "Expression":
        this.visitExpr(m.body);
        addNone = false;
        break;
      case "FunctionType":
        throw new Error("module kind FunctionType should not be possible");
      default:
        unreachable(m);
    }
    const co = this.assemble(this, this.u, addNone);
    this.exitScope();
    return co;
  }

  private body(loc: Location, stmts: readonly A.stmt[]): void {
    if (this.u.u_scope_type === COMPILER_SCOPE_MODULE && stmts.length > 0) loc = LOC(stmts[0]!);
    if (findAnn(stmts)) this.addop(O.SETUP_ANNOTATIONS, loc);
    if (stmts.length === 0) return;
    let first = 0;
    const doc = getDocString(stmts);
    if (doc !== null) {
      first = 1;
      if (this.c_optimize < 2) {
        const st = stmts[0] as A.Expr;
        this.loadConst(cleanDoc(doc), LOC(st.value));
        this.nameop(NO_LOCATION, "__doc__", "Store");
      }
    }
    for (let i = first; i < stmts.length; i++) this.visitStmt(stmts[i]!);
  }

  // ---- names ----

  private getRefType(name: string): number {
    if (this.u.u_scope_type === COMPILER_SCOPE_CLASS && (name === "__class__" || name === "__classdict__")) return CELL;
    return _PyST_GetScope(this.u.u_ste, name);
  }

  private forbiddenName(loc: Location, name: string, ctx: "Load" | "Store" | "Del"): void {
    if (ctx === "Store" && name === "__debug__") throw this.error(loc, "cannot assign to __debug__");
    if (ctx === "Del" && name === "__debug__") throw this.error(loc, "cannot delete __debug__");
  }

  nameop(loc: Location, name: string, ctx: "Load" | "Store" | "Del"): void {
    this.forbiddenName(loc, name, ctx);
    const u = this.u;
    const md = u.u_metadata;
    const mangled = _Py_MaybeMangle(u.u_private, u.u_ste, name);
    let dict = md.u_names;
    let optype: "FAST" | "GLOBAL" | "DEREF" | "NAME" = "NAME";
    const scope = _PyST_GetScope(u.u_ste, mangled);
    switch (scope) {
      case FREE:
        dict = md.u_freevars;
        optype = "DEREF";
        break;
      case CELL:
        dict = md.u_cellvars;
        optype = "DEREF";
        break;
      case LOCAL:
        if (_PyST_IsFunctionLike(u.u_ste)) optype = "FAST";
        else if (md.u_fasthidden.get(mangled) === true) optype = "FAST";
        break;
      case GLOBAL_IMPLICIT:
        if (_PyST_IsFunctionLike(u.u_ste)) optype = "GLOBAL";
        break;
      case GLOBAL_EXPLICIT:
        optype = "GLOBAL";
        break;
      default:
        break;
    }
    let op = 0;
    switch (optype) {
      case "DEREF":
        if (ctx === "Load") {
          if (u.u_ste.ste_type === ClassBlock && !u.u_in_inlined_comp) {
            op = O.LOAD_FROM_DICT_OR_DEREF;
            this.addop(O.LOAD_LOCALS, loc);
          } else if (u.u_ste.ste_can_see_class_scope) {
            op = O.LOAD_FROM_DICT_OR_DEREF;
            this.addopI(O.LOAD_DEREF, md.u_freevars.add("__classdict__"), loc);
          } else {
            op = O.LOAD_DEREF;
          }
        } else op = ctx === "Store" ? O.STORE_DEREF : O.DELETE_DEREF;
        break;
      case "FAST":
        op = ctx === "Load" ? O.LOAD_FAST : ctx === "Store" ? O.STORE_FAST : O.DELETE_FAST;
        this.addopI(op, md.u_varnames.add(mangled), loc);
        return;
      case "GLOBAL":
        if (ctx === "Load") {
          if (u.u_ste.ste_can_see_class_scope && scope === GLOBAL_IMPLICIT) {
            op = O.LOAD_FROM_DICT_OR_GLOBALS;
            this.addopI(O.LOAD_DEREF, md.u_freevars.add("__classdict__"), loc);
          } else op = O.LOAD_GLOBAL;
        } else op = ctx === "Store" ? O.STORE_GLOBAL : O.DELETE_GLOBAL;
        break;
      case "NAME":
        if (ctx === "Load") op = u.u_ste.ste_type === ClassBlock && u.u_in_inlined_comp ? O.LOAD_GLOBAL : O.LOAD_NAME;
        else op = ctx === "Store" ? O.STORE_NAME : O.DELETE_NAME;
        break;
    }
    let arg = dict.add(mangled);
    if (op === O.LOAD_GLOBAL) arg <<= 1;
    this.addopI(op, arg, loc);
  }

  // ---- statements ----

  visitStmt(s: A.stmt): void {
    switch (s.kind) {
      case "FunctionDef":
        return this.function(s, false);
      case "AsyncFunctionDef":
        return this.function(s, true);
      case "ClassDef":
        return this.class_(s);
      case "TypeAlias":
        return this.typeAlias(s);
      case "Return":
        return this.return_(s);
      case "Delete":
        for (const t of s.targets) this.visitExpr(t);
        return;
      case "Assign": {
        const n = s.targets.length;
        this.visitExpr(s.value);
        for (let i = 0; i < n; i++) {
          if (i < n - 1) this.addopI(O.COPY, 1, LOC(s));
          this.visitExpr(s.targets[i]!);
        }
        return;
      }
      case "AugAssign":
        return this.augassign(s);
      case "AnnAssign":
        return this.annassign(s);
      case "For":
        return this.for_(s);
      case "AsyncFor":
        return this.asyncFor(s);
      case "While":
        return this.while_(s);
      case "If":
        return this.if_(s);
      case "Match":
        return this.match(s);
      case "Raise": {
        let n = 0;
        if (s.exc !== null) {
          this.visitExpr(s.exc);
          n++;
          if (s.cause !== null) {
            this.visitExpr(s.cause);
            n++;
          }
        }
        this.addopI(O.RAISE_VARARGS, n, LOC(s));
        return;
      }
      case "Try":
        return s.finalbody.length > 0 ? this.tryFinally(s) : this.tryExcept(s);
      case "TryStar":
        return s.finalbody.length > 0 ? this.tryStarFinally(s) : this.tryStarExcept(s);
      case "Assert":
        return this.assert_(s);
      case "Import":
        return this.import_(s);
      case "ImportFrom":
        return this.fromImport(s);
      case "Global":
      case "Nonlocal":
        return;
      case "Expr":
        return this.stmtExpr(LOC(s), s.value);
      case "Pass":
        this.addop(O.NOP, LOC(s));
        return;
      case "Break":
        return this.break_(LOC(s));
      case "Continue":
        return this.continue_(LOC(s));
      case "With":
        return this.with_(s, 0);
      case "AsyncWith":
        return this.asyncWith(s, 0);
      default:
        unreachable(s);
    }
  }

  private stmtExpr(loc: Location, value: A.expr): void {
    if (this.c_interactive && this.c_nestlevel <= 1) {
      this.visitExpr(value);
      this.addopI(O.CALL_INTRINSIC_1, O.INTRINSIC_PRINT, loc);
      this.addop(O.POP_TOP, NO_LOCATION);
      return;
    }
    if (value.kind === "Constant") {
      this.addop(O.NOP, loc);
      return;
    }
    this.visitExpr(value);
    this.addop(O.POP_TOP, NO_LOCATION);
  }

  private checkDebugArgs(args: A.arguments): void {
    const all = [...args.posonlyargs, ...args.args, ...(args.vararg ? [args.vararg] : []), ...args.kwonlyargs,
      ...(args.kwarg ? [args.kwarg] : [])];
    for (const a of all) this.forbiddenName(LOC(a), a.arg, "Store");
  }

  private decorators(decos: readonly A.expr[]): void {
    for (const d of decos) this.visitExpr(d);
  }
  private applyDecorators(decos: readonly A.expr[]): void {
    for (let i = decos.length - 1; i >= 0; i--) this.addopI(O.CALL, 0, LOC(decos[i]!));
  }

  private kwonlyDefaults(loc: Location, kwonlyargs: readonly A.arg[], kwDefaults: readonly (A.expr | null)[]): boolean {
    const keys: ConstValue[] = [];
    for (let i = 0; i < kwonlyargs.length; i++) {
      const d = kwDefaults[i];
      if (d) {
        keys.push(_Py_MaybeMangle(this.u.u_private, this.u.u_ste, kwonlyargs[i]!.arg));
        this.visitExpr(d);
      }
    }
    if (keys.length === 0) return false;
    this.loadConst(new ConstTuple(keys), loc);
    this.addopI(O.BUILD_CONST_KEY_MAP, keys.length, loc);
    return true;
  }

  private defaultArguments(loc: Location, args: A.arguments): number {
    let flags = 0;
    if (args.defaults.length > 0) {
      for (const d of args.defaults) this.visitExpr(d);
      this.addopI(O.BUILD_TUPLE, args.defaults.length, loc);
      flags |= 0x01;
    }
    if (args.kwonlyargs.length > 0 && this.kwonlyDefaults(loc, args.kwonlyargs, args.kw_defaults)) flags |= 0x02;
    return flags;
  }

  private argAnnotation(id: string, annotation: A.expr | null, loc: Location, len: { n: number }): void {
    if (annotation === null) return;
    this.loadConst(_Py_MaybeMangle(this.u.u_private, this.u.u_ste, id), loc);
    if (this.c_future.ff_features & CO_FUTURE_ANNOTATIONS) {
      this.visitAnnexpr(annotation);
    } else if (annotation.kind === "Starred") {
      this.visitExpr(annotation.value);
      this.addopI(O.UNPACK_SEQUENCE, 1, loc);
    } else {
      this.visitExpr(annotation);
    }
    len.n += 2;
  }

  private annotations(loc: Location, args: A.arguments, returns: A.expr | null): boolean {
    const len = { n: 0 };
    for (const a of args.args) this.argAnnotation(a.arg, a.annotation, loc, len);
    for (const a of args.posonlyargs) this.argAnnotation(a.arg, a.annotation, loc, len);
    if (args.vararg && args.vararg.annotation) this.argAnnotation(args.vararg.arg, args.vararg.annotation, loc, len);
    for (const a of args.kwonlyargs) this.argAnnotation(a.arg, a.annotation, loc, len);
    if (args.kwarg && args.kwarg.annotation) this.argAnnotation(args.kwarg.arg, args.kwarg.annotation, loc, len);
    this.argAnnotation("return", returns, loc, len);
    if (len.n) {
      this.addopI(O.BUILD_TUPLE, len.n, loc);
      return true;
    }
    return false;
  }

  private makeClosure(loc: Location, co: CodeRecord, flags: number): void {
    const freevars = co.co_freevars;
    if (freevars.length > 0) {
      for (const name of freevars) {
        const reftype = this.getRefType(name);
        const arg = reftype === CELL ? this.u.u_metadata.u_cellvars.get(name) : this.u.u_metadata.u_freevars.get(name);
        if (arg === undefined) throw new Error(`compiler_lookup_arg(name='${name}') failed in ${this.u.u_metadata.u_name}`);
        this.addopI(O.LOAD_CLOSURE, arg, loc);
      }
      flags |= 0x08;
      this.addopI(O.BUILD_TUPLE, freevars.length, loc);
    }
    this.loadConst(co, loc);
    this.addop(O.MAKE_FUNCTION, loc);
    if (flags & 0x08) this.addopI(O.SET_FUNCTION_ATTRIBUTE, 0x08, loc);
    if (flags & 0x04) this.addopI(O.SET_FUNCTION_ATTRIBUTE, 0x04, loc);
    if (flags & 0x02) this.addopI(O.SET_FUNCTION_ATTRIBUTE, 0x02, loc);
    if (flags & 0x01) this.addopI(O.SET_FUNCTION_ATTRIBUTE, 0x01, loc);
  }

  private wrapInStopIterationHandler(): void {
    const handler = this.newLabel();
    // _PyInstructionSequence_InsertInstruction(seq, 0, SETUP_CLEANUP, handler): shift labels after position 0.
    const seq = this.seq;
    seq.instrs.splice(0, 0, makeInstr(O.SETUP_CLEANUP, handler, NO_LOCATION));
    for (let i = 0; i < seq.labelMap.length; i++) if (seq.labelMap[i]! >= 0) seq.labelMap[i]!++;
    this.loadConst(null, NO_LOCATION);
    this.addop(O.RETURN_VALUE, NO_LOCATION);
    this.useLabel(handler);
    this.addopI(O.CALL_INTRINSIC_1, O.INTRINSIC_STOPITERATION_ERROR, NO_LOCATION);
    this.addopI(O.RERAISE, 1, NO_LOCATION);
  }

  /** compiler_type_param_bound_or_default: a bound, constraints or default is evaluated lazily, in its own scope. */
  private typeParamBoundOrDefault(e: A.expr, name: string, key: object, allowStarred: boolean): void {
    this.enterScope(name, COMPILER_SCOPE_TYPEPARAMS, key, e.lineno);
    if (allowStarred && e.kind === "Starred") {
      this.visitExpr(e.value);
      this.addopI(O.UNPACK_SEQUENCE, 1, LOC(e));
    } else {
      this.visitExpr(e);
    }
    this.addop(O.RETURN_VALUE, LOC(e));
    const co = this.assemble(this, this.u, true);
    this.exitScope();
    this.makeClosure(LOC(e), co, 0);
  }

  /** compiler_type_params: build each TypeVar / TypeVarTuple / ParamSpec, bind it, and leave a tuple of them. */
  private typeParams(typeParams: readonly A.type_param[]): void {
    let seenDefault = false;
    for (const tp of typeParams) {
      const loc = LOC(tp);
      this.loadConst(tp.name, loc);
      switch (tp.kind) {
        case "TypeVar":
          if (tp.bound !== null) {
            this.typeParamBoundOrDefault(tp.bound, tp.name, tp, false);
            this.addopI(O.CALL_INTRINSIC_2,
              tp.bound.kind === "Tuple" ? O.INTRINSIC_TYPEVAR_WITH_CONSTRAINTS : O.INTRINSIC_TYPEVAR_WITH_BOUND, loc);
          } else {
            this.addopI(O.CALL_INTRINSIC_1, O.INTRINSIC_TYPEVAR, loc);
          }
          break;
        case "TypeVarTuple":
          this.addopI(O.CALL_INTRINSIC_1, O.INTRINSIC_TYPEVARTUPLE, loc);
          break;
        case "ParamSpec":
          this.addopI(O.CALL_INTRINSIC_1, O.INTRINSIC_PARAMSPEC, loc);
          break;
        default:
          unreachable(tp);
      }
      if (tp.default_value !== null) {
        seenDefault = true;
        const key = tp.kind === "TypeVar" ? typeParamDefaultKey(tp) : tp;
        this.typeParamBoundOrDefault(tp.default_value, tp.name, key, tp.kind === "TypeVarTuple");
        this.addopI(O.CALL_INTRINSIC_2, O.INTRINSIC_SET_TYPEPARAM_DEFAULT, loc);
      } else if (seenDefault) {
        throw this.error(loc, `non-default type parameter '${tp.name}' follows default type parameter`);
      }
      this.addopI(O.COPY, 1, loc);
      this.nameop(loc, tp.name, "Store");
    }
    this.addopI(O.BUILD_TUPLE, typeParams.length, LOC(typeParams[0]!));
  }

  private function(s: A.FunctionDef | A.AsyncFunctionDef, isAsync: boolean): void {
    const args = s.args;
    this.checkDebugArgs(args);
    this.decorators(s.decorator_list);
    const firstlineno = s.decorator_list.length > 0 ? s.decorator_list[0]!.lineno : s.lineno;
    const loc = LOC(s);
    const isGeneric = s.type_params.length > 0;
    let funcflags = this.defaultArguments(loc, args);
    let numTypeparamArgs = 0;
    if (isGeneric) {
      // The defaults become arguments of the <generic parameters of ...> function.
      if (funcflags & 0x01) numTypeparamArgs++;
      if (funcflags & 0x02) numTypeparamArgs++;
      if (numTypeparamArgs === 2) this.addopI(O.SWAP, 2, loc);
      this.enterScope(`<generic parameters of ${s.name}>`, COMPILER_SCOPE_TYPEPARAMS, s.type_params, firstlineno);
      this.typeParams(s.type_params);
      for (let i = 0; i < numTypeparamArgs; i++) this.addopI(O.LOAD_FAST, i, loc);
    }
    if (this.annotations(loc, args, s.returns)) funcflags |= 0x04;
    this.functionBody(s, isAsync, funcflags, firstlineno);
    if (isGeneric) {
      this.addopI(O.SWAP, 2, loc);
      this.addopI(O.CALL_INTRINSIC_2, O.INTRINSIC_SET_FUNCTION_TYPE_PARAMS, loc);
      this.u.u_metadata.u_argcount = numTypeparamArgs;
      const co = this.assemble(this, this.u, false);
      this.exitScope();
      this.makeClosure(loc, co, 0);
      if (numTypeparamArgs > 0) {
        this.addopI(O.SWAP, numTypeparamArgs + 1, loc);
        this.addopI(O.CALL, numTypeparamArgs - 1, loc);
      } else {
        this.addop(O.PUSH_NULL, loc);
        this.addopI(O.CALL, 0, loc);
      }
    }
    this.applyDecorators(s.decorator_list);
    this.nameop(loc, s.name, "Store");
  }

  /** compiler_function_body: the function's own code unit, then MAKE_FUNCTION in the enclosing scope. */
  private functionBody(s: A.FunctionDef | A.AsyncFunctionDef, isAsync: boolean, funcflags: number,
    firstlineno: number): void {
    const args = s.args;
    this.enterScope(s.name, isAsync ? COMPILER_SCOPE_ASYNC_FUNCTION : COMPILER_SCOPE_FUNCTION, s, firstlineno);
    let first = 0;
    const doc = getDocString(s.body);
    let docConst: ConstValue = null;
    if (doc !== null) {
      first = 1;
      if (this.c_optimize < 2) docConst = cleanDoc(doc);
    }
    this.addConst(docConst);
    const md = this.u.u_metadata;
    md.u_argcount = args.args.length;
    md.u_posonlyargcount = args.posonlyargs.length;
    md.u_kwonlyargcount = args.kwonlyargs.length;
    const start = this.newLabel();
    this.useLabel(start);
    const addStop = this.u.u_ste.ste_coroutine || this.u.u_ste.ste_generator;
    if (addStop) this.pushFBlock(NO_LOCATION, "STOP_ITERATION", start, -1, null);
    for (let i = first; i < s.body.length; i++) this.visitStmt(s.body[i]!);
    if (addStop) {
      this.wrapInStopIterationHandler();
      this.popFBlock();
    }
    const co = this.assemble(this, this.u, true);
    this.exitScope();
    this.makeClosure(LOC(s), co, funcflags);
  }

  private class_(s: A.ClassDef): void {
    this.decorators(s.decorator_list);
    const firstlineno = s.decorator_list.length > 0 ? s.decorator_list[0]!.lineno : s.lineno;
    let loc = LOC(s);
    const isGeneric = s.type_params.length > 0;
    if (isGeneric) {
      this.enterScope(`<generic parameters of ${s.name}>`, COMPILER_SCOPE_TYPEPARAMS, s.type_params, firstlineno);
      this.u.u_private = s.name;
      this.typeParams(s.type_params);
      this.nameop(loc, ".type_params", "Store");
    }
    this.classBody(s, firstlineno);
    if (isGeneric) {
      this.nameop(loc, ".type_params", "Load");
      this.addopI(O.CALL_INTRINSIC_1, O.INTRINSIC_SUBSCRIPT_GENERIC, loc);
      this.nameop(loc, ".generic_base", "Store");
      const genericBase: A.expr = {
        kind: "Name", id: ".generic_base", ctx: { kind: "Load" }, lineno: loc.lineno, col_offset: loc.col_offset,
        end_lineno: loc.end_lineno, end_col_offset: loc.end_col_offset,
      };
      this.callHelper(loc, 2, [...s.bases, genericBase], s.keywords);
      const co = this.assemble(this, this.u, false);
      this.exitScope();
      this.makeClosure(loc, co, 0);
      this.addop(O.PUSH_NULL, loc);
      this.addopI(O.CALL, 0, loc);
    } else {
      this.callHelper(loc, 2, s.bases, s.keywords);
    }
    this.applyDecorators(s.decorator_list);
    loc = LOC(s);
    this.nameop(loc, s.name, "Store");
  }

  /** compiler_class_body: the class body's code unit, then LOAD_BUILD_CLASS, the function and the name. */
  private classBody(s: A.ClassDef, firstlineno: number): void {
    this.enterScope(s.name, COMPILER_SCOPE_CLASS, s, firstlineno);
    let loc = LOCATION(firstlineno, firstlineno, 0, 0);
    this.u.u_private = s.name;
    this.nameop(loc, "__name__", "Load");
    this.nameop(loc, "__module__", "Store");
    this.loadConst(this.u.u_metadata.u_qualname, loc);
    this.nameop(loc, "__qualname__", "Store");
    this.loadConst(BigInt(this.u.u_metadata.u_firstlineno), loc);
    this.nameop(loc, "__firstlineno__", "Store");
    if (s.type_params.length > 0) {
      this.nameop(loc, ".type_params", "Load");
      this.nameop(loc, "__type_params__", "Store");
    }
    if (this.u.u_ste.ste_needs_classdict) {
      this.addop(O.LOAD_LOCALS, loc);
      this.addopNoMangle(O.STORE_DEREF, "__classdict__", this.u.u_metadata.u_cellvars, loc);
    }
    this.body(loc, s.body);
    const attrs = [...this.u.u_static_attributes!].sort(cmpPyStr);
    this.loadConst(new ConstTuple(attrs), NO_LOCATION);
    this.nameop(NO_LOCATION, "__static_attributes__", "Store");
    if (this.u.u_ste.ste_needs_classdict) {
      this.addopI(O.LOAD_CLOSURE, this.u.u_metadata.u_cellvars.get("__classdict__")!, NO_LOCATION);
      this.nameop(NO_LOCATION, "__classdictcell__", "Store");
    }
    if (this.u.u_ste.ste_needs_class_closure) {
      this.addopI(O.LOAD_CLOSURE, this.u.u_metadata.u_cellvars.get("__class__")!, NO_LOCATION);
      this.addopI(O.COPY, 1, NO_LOCATION);
      this.nameop(NO_LOCATION, "__classcell__", "Store");
    } else {
      this.loadConst(null, NO_LOCATION);
    }
    this.addop(O.RETURN_VALUE, NO_LOCATION);
    const co = this.assemble(this, this.u, true);
    this.exitScope();
    loc = LOC(s);
    this.addop(O.LOAD_BUILD_CLASS, loc);
    this.addop(O.PUSH_NULL, loc);
    this.makeClosure(loc, co, 0);
    this.loadConst(s.name, loc);
  }

  /** compiler_typealias: `type X[T] = v` builds TypeAliasType(name, type_params, lazily evaluated v). */
  private typeAlias(s: A.TypeAlias): void {
    const loc = LOC(s);
    const name = (s.name as A.Name).id;
    const isGeneric = s.type_params.length > 0;
    if (isGeneric) {
      this.enterScope(`<generic parameters of ${name}>`, COMPILER_SCOPE_TYPEPARAMS, s.type_params, loc.lineno);
      this.loadConst(name, loc);
      this.typeParams(s.type_params);
    } else {
      this.loadConst(name, loc);
      this.loadConst(null, loc);
    }
    // compiler_typealias_body
    this.enterScope(name, COMPILER_SCOPE_FUNCTION, s, loc.lineno);
    this.addConst(null); // None first: the evaluate function has no docstring
    this.visitExpr(s.value);
    this.addop(O.RETURN_VALUE, loc);
    let co = this.assemble(this, this.u, false);
    this.exitScope();
    this.makeClosure(loc, co, 0);
    this.addopI(O.BUILD_TUPLE, 3, loc);
    this.addopI(O.CALL_INTRINSIC_1, O.INTRINSIC_TYPEALIAS, loc);
    if (isGeneric) {
      co = this.assemble(this, this.u, false);
      this.exitScope();
      this.makeClosure(loc, co, 0);
      this.addop(O.PUSH_NULL, loc);
      this.addopI(O.CALL, 0, loc);
    }
    this.nameop(loc, name, "Store");
  }

  private return_(s: A.Return): void {
    let loc = LOC(s);
    const v = s.value;
    const preserveTos = v !== null && v.kind !== "Constant";
    if (!_PyST_IsFunctionLike(this.u.u_ste)) throw this.error(loc, "'return' outside function");
    if (v !== null && this.u.u_ste.ste_coroutine && this.u.u_ste.ste_generator) {
      throw this.error(loc, "'return' with value in async generator");
    }
    if (preserveTos) {
      this.visitExpr(v!);
    } else if (v !== null) {
      loc = LOC(v);
      this.addop(O.NOP, loc);
    }
    if (v === null || v.lineno !== s.lineno) {
      loc = LOC(s);
      this.addop(O.NOP, loc);
    }
    const ploc = { loc };
    this.unwindFBlockStack(ploc, preserveTos, null);
    loc = ploc.loc;
    if (v === null) this.loadConst(null, loc);
    else if (!preserveTos) this.loadConst((v as A.Constant).value as ConstValue, loc);
    this.addop(O.RETURN_VALUE, loc);
  }

  private unwindFBlock(ploc: { loc: Location }, info: FBlock, preserveTos: boolean): void {
    switch (info.type) {
      case "WHILE_LOOP":
      case "EXCEPTION_HANDLER":
      case "EXCEPTION_GROUP_HANDLER":
      case "ASYNC_COMPREHENSION_GENERATOR":
      case "STOP_ITERATION":
        return;
      case "FOR_LOOP":
        if (preserveTos) this.addopI(O.SWAP, 2, ploc.loc);
        this.addop(O.POP_TOP, ploc.loc);
        return;
      case "TRY_EXCEPT":
        this.addop(O.POP_BLOCK, ploc.loc);
        return;
      case "FINALLY_TRY":
        this.addop(O.POP_BLOCK, ploc.loc);
        if (preserveTos) this.pushFBlock(ploc.loc, "POP_VALUE", -1, -1, null);
        for (const st of info.datum as A.stmt[]) this.visitStmt(st);
        if (preserveTos) this.popFBlock();
        ploc.loc = NO_LOCATION;
        return;
      case "FINALLY_END":
        if (preserveTos) this.addopI(O.SWAP, 2, ploc.loc);
        this.addop(O.POP_TOP, ploc.loc);
        if (preserveTos) this.addopI(O.SWAP, 2, ploc.loc);
        this.addop(O.POP_BLOCK, ploc.loc);
        this.addop(O.POP_EXCEPT, ploc.loc);
        return;
      case "WITH":
      case "ASYNC_WITH":
        ploc.loc = info.loc;
        this.addop(O.POP_BLOCK, ploc.loc);
        if (preserveTos) this.addopI(O.SWAP, 2, ploc.loc);
        this.callExitWithNones(ploc.loc);
        if (info.type === "ASYNC_WITH") {
          this.addopI(O.GET_AWAITABLE, 2, ploc.loc);
          this.loadConst(null, ploc.loc);
          this.addYieldFrom(ploc.loc, true);
        }
        this.addop(O.POP_TOP, ploc.loc);
        ploc.loc = NO_LOCATION;
        return;
      case "HANDLER_CLEANUP":
        if (info.datum !== null) this.addop(O.POP_BLOCK, ploc.loc);
        if (preserveTos) this.addopI(O.SWAP, 2, ploc.loc);
        this.addop(O.POP_BLOCK, ploc.loc);
        this.addop(O.POP_EXCEPT, ploc.loc);
        if (info.datum !== null) {
          this.loadConst(null, ploc.loc);
          this.nameop(ploc.loc, info.datum as string, "Store");
          this.nameop(ploc.loc, info.datum as string, "Del");
        }
        return;
      case "POP_VALUE":
        if (preserveTos) this.addopI(O.SWAP, 2, ploc.loc);
        this.addop(O.POP_TOP, ploc.loc);
        return;
      default:
        unreachable(info.type);
    }
  }

  private unwindFBlockStack(ploc: { loc: Location }, preserveTos: boolean, loop: { f: FBlock | null } | null): void {
    const fb = this.u.u_fblock;
    if (fb.length === 0) return;
    const top = fb[fb.length - 1]!;
    if (top.type === "EXCEPTION_GROUP_HANDLER") {
      throw this.error(ploc.loc, "'break', 'continue' and 'return' cannot appear in an except* block");
    }
    if (loop !== null && (top.type === "WHILE_LOOP" || top.type === "FOR_LOOP")) {
      loop.f = top;
      return;
    }
    fb.pop();
    this.unwindFBlock(ploc, top, preserveTos);
    this.unwindFBlockStack(ploc, preserveTos, loop);
    fb.push(top);
  }

  private break_(loc: Location): void {
    const origin = loc;
    this.addop(O.NOP, loc);
    const ploc = { loc };
    const loop = { f: null as FBlock | null };
    this.unwindFBlockStack(ploc, false, loop);
    if (loop.f === null) throw this.error(origin, "'break' outside loop");
    this.unwindFBlock(ploc, loop.f, false);
    this.addopJ(O.JUMP, loop.f.exit, ploc.loc);
  }

  private continue_(loc: Location): void {
    const origin = loc;
    this.addop(O.NOP, loc);
    const ploc = { loc };
    const loop = { f: null as FBlock | null };
    this.unwindFBlockStack(ploc, false, loop);
    if (loop.f === null) throw this.error(origin, "'continue' not properly in loop");
    this.addopJ(O.JUMP, loop.f.block, ploc.loc);
  }

  private callExitWithNones(loc: Location): void {
    this.loadConst(null, loc);
    this.loadConst(null, loc);
    this.loadConst(null, loc);
    this.addopI(O.CALL, 2, loc);
  }

  private addYieldFrom(loc: Location, isAwait: boolean): void {
    const send = this.newLabel();
    const fail = this.newLabel();
    const exit = this.newLabel();
    this.useLabel(send);
    this.addopJ(O.SEND, exit, loc);
    this.addopJ(O.SETUP_FINALLY, fail, loc);
    this.addopI(O.YIELD_VALUE, 1, loc);
    this.addop(O.POP_BLOCK, NO_LOCATION);
    this.addopI(O.RESUME, isAwait ? 3 : 2, loc);
    this.addopJ(O.JUMP_NO_INTERRUPT, send, loc);
    this.useLabel(fail);
    this.addop(O.CLEANUP_THROW, loc);
    this.useLabel(exit);
    this.addop(O.END_SEND, loc);
  }

  private popExceptAndReraise(loc: Location): void {
    this.addopI(O.COPY, 3, loc);
    this.addop(O.POP_EXCEPT, loc);
    this.addopI(O.RERAISE, 1, loc);
  }

  private if_(s: A.If): void {
    const end = this.newLabel();
    const next = s.orelse.length > 0 ? this.newLabel() : end;
    this.jumpIf(LOC(s), s.test, next, false);
    for (const b of s.body) this.visitStmt(b);
    if (s.orelse.length > 0) {
      this.addopJ(O.JUMP_NO_INTERRUPT, end, NO_LOCATION);
      this.useLabel(next);
      for (const b of s.orelse) this.visitStmt(b);
    }
    this.useLabel(end);
  }

  private for_(s: A.For): void {
    let loc = LOC(s);
    const start = this.newLabel();
    const body = this.newLabel();
    const cleanup = this.newLabel();
    const end = this.newLabel();
    this.pushFBlock(loc, "FOR_LOOP", start, end, null);
    this.visitExpr(s.iter);
    loc = LOC(s.iter);
    this.addop(O.GET_ITER, loc);
    this.useLabel(start);
    this.addopJ(O.FOR_ITER, cleanup, loc);
    this.addop(O.NOP, LOC(s.target));
    this.useLabel(body);
    this.visitExpr(s.target);
    for (const b of s.body) this.visitStmt(b);
    this.addopJ(O.JUMP, start, NO_LOCATION);
    this.useLabel(cleanup);
    this.addop(O.END_FOR, NO_LOCATION);
    this.addop(O.POP_TOP, NO_LOCATION);
    this.popFBlock();
    for (const b of s.orelse) this.visitStmt(b);
    this.useLabel(end);
  }

  private isTopLevelAwait(): boolean {
    return (this.c_flags & 0x2000) !== 0 && this.u.u_ste.ste_type === 2;
  }

  private asyncFor(s: A.AsyncFor): void {
    let loc = LOC(s);
    if (this.isTopLevelAwait()) this.u.u_ste.ste_coroutine = true;
    else if (this.u.u_scope_type !== COMPILER_SCOPE_ASYNC_FUNCTION) {
      throw this.error(loc, "'async for' outside async function");
    }
    const start = this.newLabel();
    const except = this.newLabel();
    const end = this.newLabel();
    this.visitExpr(s.iter);
    this.addop(O.GET_AITER, LOC(s.iter));
    this.useLabel(start);
    this.pushFBlock(loc, "FOR_LOOP", start, end, null);
    this.addopJ(O.SETUP_FINALLY, except, loc);
    this.addop(O.GET_ANEXT, loc);
    this.loadConst(null, loc);
    this.addYieldFrom(loc, true);
    this.addop(O.POP_BLOCK, loc);
    this.visitExpr(s.target);
    for (const b of s.body) this.visitStmt(b);
    this.addopJ(O.JUMP, start, NO_LOCATION);
    this.popFBlock();
    this.useLabel(except);
    loc = LOC(s.iter);
    this.addop(O.END_ASYNC_FOR, loc);
    for (const b of s.orelse) this.visitStmt(b);
    this.useLabel(end);
  }

  private while_(s: A.While): void {
    const loop = this.newLabel();
    const body = this.newLabel();
    const end = this.newLabel();
    const anchor = this.newLabel();
    this.useLabel(loop);
    this.pushFBlock(LOC(s), "WHILE_LOOP", loop, end, null);
    this.jumpIf(LOC(s), s.test, anchor, false);
    this.useLabel(body);
    for (const b of s.body) this.visitStmt(b);
    this.jumpIf(LOC(s), s.test, body, true);
    this.popFBlock();
    this.useLabel(anchor);
    for (const b of s.orelse) this.visitStmt(b);
    this.useLabel(end);
  }

  private tryFinally(s: A.Try): void {
    let loc = LOC(s);
    const body = this.newLabel();
    const end = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    this.addopJ(O.SETUP_FINALLY, end, loc);
    this.useLabel(body);
    this.pushFBlock(loc, "FINALLY_TRY", body, end, s.finalbody);
    if (s.handlers.length > 0) this.tryExcept(s);
    else for (const b of s.body) this.visitStmt(b);
    this.addop(O.POP_BLOCK, NO_LOCATION);
    this.popFBlock();
    for (const b of s.finalbody) this.visitStmt(b);
    this.addopJ(O.JUMP_NO_INTERRUPT, exit, NO_LOCATION);
    this.useLabel(end);
    loc = NO_LOCATION;
    this.addopJ(O.SETUP_CLEANUP, cleanup, loc);
    this.addop(O.PUSH_EXC_INFO, loc);
    this.pushFBlock(loc, "FINALLY_END", end, -1, null);
    for (const b of s.finalbody) this.visitStmt(b);
    this.popFBlock();
    this.addopI(O.RERAISE, 0, NO_LOCATION);
    this.useLabel(cleanup);
    this.popExceptAndReraise(NO_LOCATION);
    this.useLabel(exit);
  }

  private tryExcept(s: A.Try): void {
    const loc = LOC(s);
    const body = this.newLabel();
    let except = this.newLabel();
    const end = this.newLabel();
    const cleanup = this.newLabel();
    this.addopJ(O.SETUP_FINALLY, except, loc);
    this.useLabel(body);
    this.pushFBlock(loc, "TRY_EXCEPT", body, -1, null);
    for (const b of s.body) this.visitStmt(b);
    this.popFBlock();
    this.addop(O.POP_BLOCK, NO_LOCATION);
    for (const b of s.orelse) this.visitStmt(b);
    this.addopJ(O.JUMP_NO_INTERRUPT, end, NO_LOCATION);
    const n = s.handlers.length;
    this.useLabel(except);
    this.addopJ(O.SETUP_CLEANUP, cleanup, NO_LOCATION);
    this.addop(O.PUSH_EXC_INFO, NO_LOCATION);
    this.pushFBlock(loc, "EXCEPTION_HANDLER", -1, -1, null);
    for (let i = 0; i < n; i++) {
      const h = s.handlers[i]!;
      const hloc = LOC(h);
      if (h.type === null && i < n - 1) throw this.error(hloc, "default 'except:' must be last");
      except = this.newLabel();
      if (h.type !== null) {
        this.visitExpr(h.type);
        this.addop(O.CHECK_EXC_MATCH, hloc);
        this.addopJ(O.POP_JUMP_IF_FALSE, except, hloc);
      }
      if (h.name !== null) {
        const cleanupEnd = this.newLabel();
        const cleanupBody = this.newLabel();
        this.nameop(hloc, h.name, "Store");
        this.addopJ(O.SETUP_CLEANUP, cleanupEnd, hloc);
        this.useLabel(cleanupBody);
        this.pushFBlock(hloc, "HANDLER_CLEANUP", cleanupBody, -1, h.name);
        for (const b of h.body) this.visitStmt(b);
        this.popFBlock();
        this.addop(O.POP_BLOCK, NO_LOCATION);
        this.addop(O.POP_BLOCK, NO_LOCATION);
        this.addop(O.POP_EXCEPT, NO_LOCATION);
        this.loadConst(null, NO_LOCATION);
        this.nameop(NO_LOCATION, h.name, "Store");
        this.nameop(NO_LOCATION, h.name, "Del");
        this.addopJ(O.JUMP_NO_INTERRUPT, end, NO_LOCATION);
        this.useLabel(cleanupEnd);
        this.loadConst(null, NO_LOCATION);
        this.nameop(NO_LOCATION, h.name, "Store");
        this.nameop(NO_LOCATION, h.name, "Del");
        this.addopI(O.RERAISE, 1, NO_LOCATION);
      } else {
        const cleanupBody = this.newLabel();
        this.addop(O.POP_TOP, hloc);
        this.useLabel(cleanupBody);
        this.pushFBlock(hloc, "HANDLER_CLEANUP", cleanupBody, -1, null);
        for (const b of h.body) this.visitStmt(b);
        this.popFBlock();
        this.addop(O.POP_BLOCK, NO_LOCATION);
        this.addop(O.POP_EXCEPT, NO_LOCATION);
        this.addopJ(O.JUMP_NO_INTERRUPT, end, NO_LOCATION);
      }
      this.useLabel(except);
    }
    this.popFBlock();
    this.addopI(O.RERAISE, 0, NO_LOCATION);
    this.useLabel(cleanup);
    this.popExceptAndReraise(NO_LOCATION);
    this.useLabel(end);
  }

  /** compiler_try_star_finally. */
  private tryStarFinally(s: A.TryStar): void {
    let loc = LOC(s);
    const body = this.newLabel();
    const end = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    this.addopJ(O.SETUP_FINALLY, end, loc);
    this.useLabel(body);
    this.pushFBlock(loc, "FINALLY_TRY", body, end, s.finalbody);
    if (s.handlers.length > 0) this.tryStarExcept(s);
    else for (const b of s.body) this.visitStmt(b);
    this.addop(O.POP_BLOCK, NO_LOCATION);
    this.popFBlock();
    for (const b of s.finalbody) this.visitStmt(b);
    this.addopJ(O.JUMP_NO_INTERRUPT, exit, NO_LOCATION);
    this.useLabel(end);
    loc = NO_LOCATION;
    this.addopJ(O.SETUP_CLEANUP, cleanup, loc);
    this.addop(O.PUSH_EXC_INFO, loc);
    this.pushFBlock(loc, "FINALLY_END", end, -1, null);
    for (const b of s.finalbody) this.visitStmt(b);
    this.popFBlock();
    this.addopI(O.RERAISE, 0, loc);
    this.useLabel(cleanup);
    this.popExceptAndReraise(loc);
    this.useLabel(exit);
  }

  /**
   * compiler_try_star_except: each except* clause splits the exception group (CHECK_EG_MATCH); what the handlers
   * raise and the unmatched rest are collected in a list that CALL_INTRINSIC_2 PREP_RERAISE_STAR turns into the
   * exception to re-raise, if any.
   */
  private tryStarExcept(s: A.TryStar): void {
    const loc = LOC(s);
    const body = this.newLabel();
    let except = this.newLabel();
    const orelse = this.newLabel();
    const end = this.newLabel();
    const cleanup = this.newLabel();
    const reraiseStar = this.newLabel();
    this.addopJ(O.SETUP_FINALLY, except, loc);
    this.useLabel(body);
    this.pushFBlock(loc, "TRY_EXCEPT", body, -1, null);
    for (const b of s.body) this.visitStmt(b);
    this.popFBlock();
    this.addop(O.POP_BLOCK, NO_LOCATION);
    this.addopJ(O.JUMP_NO_INTERRUPT, orelse, NO_LOCATION);
    const n = s.handlers.length;
    this.useLabel(except);
    this.addopJ(O.SETUP_CLEANUP, cleanup, NO_LOCATION);
    this.addop(O.PUSH_EXC_INFO, NO_LOCATION);
    this.pushFBlock(loc, "EXCEPTION_GROUP_HANDLER", -1, -1, "except handler");
    for (let i = 0; i < n; i++) {
      const h = s.handlers[i]!;
      const hloc = LOC(h);
      except = this.newLabel();
      const exceptWithError = this.newLabel();
      const noMatch = this.newLabel();
      if (i === 0) {
        // [orig] -> [orig, [], exc]: the list collects what the handlers raise or leave unhandled.
        this.addopI(O.BUILD_LIST, 0, hloc);
        this.addopI(O.COPY, 2, hloc);
      }
      if (h.type !== null) {
        this.visitExpr(h.type);
        this.addop(O.CHECK_EG_MATCH, hloc);
        this.addopI(O.COPY, 1, hloc);
        this.addopJ(O.POP_JUMP_IF_NONE, noMatch, hloc);
      }
      const cleanupEnd = this.newLabel();
      const cleanupBody = this.newLabel();
      if (h.name !== null) this.nameop(hloc, h.name, "Store");
      else this.addop(O.POP_TOP, hloc);
      this.addopJ(O.SETUP_CLEANUP, cleanupEnd, hloc);
      this.useLabel(cleanupBody);
      this.pushFBlock(hloc, "HANDLER_CLEANUP", cleanupBody, -1, h.name);
      for (const b of h.body) this.visitStmt(b);
      this.popFBlock();
      this.addop(O.POP_BLOCK, NO_LOCATION);
      if (h.name !== null) {
        this.loadConst(null, NO_LOCATION);
        this.nameop(NO_LOCATION, h.name, "Store");
        this.nameop(NO_LOCATION, h.name, "Del");
      }
      this.addopJ(O.JUMP, except, NO_LOCATION);
      this.useLabel(cleanupEnd);
      if (h.name !== null) {
        this.loadConst(null, NO_LOCATION);
        this.nameop(NO_LOCATION, h.name, "Store");
        this.nameop(NO_LOCATION, h.name, "Del");
      }
      // Add the exception raised by the handler to the list.
      this.addopI(O.LIST_APPEND, 3, NO_LOCATION);
      this.addop(O.POP_TOP, NO_LOCATION); // lasti
      this.addopJ(O.JUMP, exceptWithError, NO_LOCATION);
      this.useLabel(except);
      this.addop(O.NOP, NO_LOCATION); // holds a propagated location
      this.addopJ(O.JUMP, exceptWithError, NO_LOCATION);
      this.useLabel(noMatch);
      this.addop(O.POP_TOP, hloc); // match (None)
      this.useLabel(exceptWithError);
      if (i === n - 1) {
        // The unhandled rest of the group (or None) joins the list.
        this.addopI(O.LIST_APPEND, 1, NO_LOCATION);
        this.addopJ(O.JUMP, reraiseStar, NO_LOCATION);
      }
    }
    this.popFBlock();
    const reraise = this.newLabel();
    this.useLabel(reraiseStar);
    this.addopI(O.CALL_INTRINSIC_2, O.INTRINSIC_PREP_RERAISE_STAR, NO_LOCATION);
    this.addopI(O.COPY, 1, NO_LOCATION);
    this.addopJ(O.POP_JUMP_IF_NOT_NONE, reraise, NO_LOCATION);
    // Nothing to re-raise.
    this.addop(O.POP_TOP, NO_LOCATION);
    this.addop(O.POP_BLOCK, NO_LOCATION);
    this.addop(O.POP_EXCEPT, NO_LOCATION);
    this.addopJ(O.JUMP_NO_INTERRUPT, end, NO_LOCATION);
    this.useLabel(reraise);
    this.addop(O.POP_BLOCK, NO_LOCATION);
    this.addopI(O.SWAP, 2, NO_LOCATION);
    this.addop(O.POP_EXCEPT, NO_LOCATION);
    this.addopI(O.RERAISE, 0, NO_LOCATION);
    this.useLabel(cleanup);
    this.popExceptAndReraise(NO_LOCATION);
    this.useLabel(orelse);
    for (const b of s.orelse) this.visitStmt(b);
    this.useLabel(end);
  }

  private withExceptFinish(cleanup: number): void {
    const suppress = this.newLabel();
    this.addop(O.TO_BOOL, NO_LOCATION);
    this.addopJ(O.POP_JUMP_IF_TRUE, suppress, NO_LOCATION);
    this.addopI(O.RERAISE, 2, NO_LOCATION);
    this.useLabel(suppress);
    this.addop(O.POP_TOP, NO_LOCATION);
    this.addop(O.POP_BLOCK, NO_LOCATION);
    this.addop(O.POP_EXCEPT, NO_LOCATION);
    this.addop(O.POP_TOP, NO_LOCATION);
    this.addop(O.POP_TOP, NO_LOCATION);
    const exit = this.newLabel();
    this.addopJ(O.JUMP_NO_INTERRUPT, exit, NO_LOCATION);
    this.useLabel(cleanup);
    this.popExceptAndReraise(NO_LOCATION);
    this.useLabel(exit);
  }

  private with_(s: A.With, pos: number): void {
    const item = s.items[pos]!;
    const block = this.newLabel();
    const final = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    this.visitExpr(item.context_expr);
    const loc = LOC(item.context_expr);
    this.addop(O.BEFORE_WITH, loc);
    this.addopJ(O.SETUP_WITH, final, loc);
    this.useLabel(block);
    this.pushFBlock(loc, "WITH", block, final, s);
    if (item.optional_vars !== null) this.visitExpr(item.optional_vars);
    else this.addop(O.POP_TOP, loc);
    pos++;
    if (pos === s.items.length) for (const b of s.body) this.visitStmt(b);
    else this.with_(s, pos);
    this.addop(O.POP_BLOCK, NO_LOCATION);
    this.popFBlock();
    this.callExitWithNones(loc);
    this.addop(O.POP_TOP, loc);
    this.addopJ(O.JUMP, exit, loc);
    this.useLabel(final);
    this.addopJ(O.SETUP_CLEANUP, cleanup, loc);
    this.addop(O.PUSH_EXC_INFO, loc);
    this.addop(O.WITH_EXCEPT_START, loc);
    this.withExceptFinish(cleanup);
    this.useLabel(exit);
  }

  private asyncWith(s: A.AsyncWith, pos: number): void {
    const loc0 = LOC(s);
    if (this.isTopLevelAwait()) this.u.u_ste.ste_coroutine = true;
    else if (this.u.u_scope_type !== COMPILER_SCOPE_ASYNC_FUNCTION) {
      throw this.error(loc0, "'async with' outside async function");
    }
    const item = s.items[pos]!;
    const block = this.newLabel();
    const final = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    this.visitExpr(item.context_expr);
    const loc = LOC(item.context_expr);
    this.addop(O.BEFORE_ASYNC_WITH, loc);
    this.addopI(O.GET_AWAITABLE, 1, loc);
    this.loadConst(null, loc);
    this.addYieldFrom(loc, true);
    this.addopJ(O.SETUP_WITH, final, loc);
    this.useLabel(block);
    this.pushFBlock(loc, "ASYNC_WITH", block, final, s);
    if (item.optional_vars !== null) this.visitExpr(item.optional_vars);
    else this.addop(O.POP_TOP, loc);
    pos++;
    if (pos === s.items.length) for (const b of s.body) this.visitStmt(b);
    else this.asyncWith(s, pos);
    this.popFBlock();
    // Unlike compiler_with, compiler_async_with gives this POP_BLOCK the context expression's location.
    this.addop(O.POP_BLOCK, loc);
    this.callExitWithNones(loc);
    this.addopI(O.GET_AWAITABLE, 2, loc);
    this.loadConst(null, loc);
    this.addYieldFrom(loc, true);
    this.addop(O.POP_TOP, loc);
    this.addopJ(O.JUMP, exit, loc);
    this.useLabel(final);
    this.addopJ(O.SETUP_CLEANUP, cleanup, loc);
    this.addop(O.PUSH_EXC_INFO, loc);
    this.addop(O.WITH_EXCEPT_START, loc);
    this.addopI(O.GET_AWAITABLE, 2, loc);
    this.loadConst(null, loc);
    this.addYieldFrom(loc, true);
    this.withExceptFinish(cleanup);
    this.useLabel(exit);
  }

  // ---- PEP 634: structural pattern matching (compiler_match, compiler_pattern_*) ----
  // Every compiler_pattern_* consumes the subject on top of the stack and jumps to a fail_pop label on no match;
  // pc.on_top counts the items above it that a failure must pop, and captured names wait on the stack underneath
  // them until the whole pattern has matched.

  /** ensure_fail_pop: labels fail_pop[0..n]. */
  private ensureFailPop(pc: PatternContext, n: number): void {
    while (pc.fail_pop.length < n + 1) pc.fail_pop.push(this.newLabel());
  }

  private jumpToFailPop(loc: Location, pc: PatternContext, op: number): void {
    const pops = pc.on_top + pc.stores.length;
    this.ensureFailPop(pc, pops);
    this.addopJ(op, pc.fail_pop[pops]!, loc);
  }

  /** emit_and_reset_fail_pop: fail_pop[k] pops k items and falls into fail_pop[k - 1]. */
  private emitAndResetFailPop(loc: Location, pc: PatternContext): void {
    const fp = pc.fail_pop;
    if (fp.length === 0) return;
    for (let k = fp.length - 1; k > 0; k--) {
      this.useLabel(fp[k]!);
      this.addop(O.POP_TOP, loc);
    }
    this.useLabel(fp[0]!);
    pc.fail_pop = [];
  }

  /** pattern_helper_rotate: 3.10's ROT_N as SWAPs. */
  private patternRotate(loc: Location, count: number): void {
    while (1 < count) this.addopI(O.SWAP, count--, loc);
  }

  private patternStoreName(loc: Location, n: string | null, pc: PatternContext): void {
    if (n === null) {
      this.addop(O.POP_TOP, loc);
      return;
    }
    this.forbiddenName(loc, n, "Store");
    if (pc.stores.includes(n)) throw this.error(loc, `multiple assignments to name ${reprStr(n)} in pattern`);
    this.patternRotate(loc, pc.on_top + pc.stores.length + 1);
    pc.stores.push(n);
  }

  private patternUnpackHelper(loc: Location, elts: readonly A.pattern[]): void {
    const n = elts.length;
    let seenStar = false;
    for (let i = 0; i < n; i++) {
      const elt = elts[i]!;
      if (elt.kind === "MatchStar" && !seenStar) {
        if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) {
          throw this.error(loc, "too many expressions in star-unpacking sequence pattern");
        }
        this.addopI(O.UNPACK_EX, i + ((n - i - 1) << 8), loc);
        seenStar = true;
      } else if (elt.kind === "MatchStar") {
        throw this.error(loc, "multiple starred expressions in sequence pattern");
      }
    }
    if (!seenStar) this.addopI(O.UNPACK_SEQUENCE, n, loc);
  }

  private patternSequenceUnpack(loc: Location, patterns: readonly A.pattern[], pc: PatternContext): void {
    this.patternUnpackHelper(loc, patterns);
    const size = patterns.length;
    pc.on_top += size;
    for (let i = 0; i < size; i++) {
      pc.on_top--;
      this.patternSubpattern(patterns[i]!, pc);
    }
  }

  /** pattern_helper_sequence_subscr: BINARY_SUBSCR instead of unpacking, for patterns with a `*_`. */
  private patternSequenceSubscr(loc: Location, patterns: readonly A.pattern[], star: number, pc: PatternContext): void {
    pc.on_top++;
    const size = patterns.length;
    for (let i = 0; i < size; i++) {
      const pattern = patterns[i]!;
      if (wildcardCheck(pattern) || i === star) continue;
      this.addopI(O.COPY, 1, loc);
      if (i < star) {
        this.loadConst(BigInt(i), loc);
      } else {
        // The subject may not support negative indexing: compute a nonnegative index.
        this.addop(O.GET_LEN, loc);
        this.loadConst(BigInt(size - i), loc);
        this.addopI(O.BINARY_OP, O.NB_SUBTRACT, loc);
      }
      this.addop(O.BINARY_SUBSCR, loc);
      this.patternSubpattern(pattern, pc);
    }
    pc.on_top--;
    this.addop(O.POP_TOP, loc);
  }

  private patternSubpattern(p: A.pattern, pc: PatternContext): void {
    const allow = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    this.pattern(p, pc);
    pc.allow_irrefutable = allow;
  }

  private patternAs(p: A.MatchAs, pc: PatternContext): void {
    const loc = LOC(p);
    if (p.pattern === null) {
      if (!pc.allow_irrefutable) {
        if (p.name !== null) throw this.error(loc, `name capture ${reprStr(p.name)} makes remaining patterns unreachable`);
        throw this.error(loc, "wildcard makes remaining patterns unreachable");
      }
      this.patternStoreName(loc, p.name, pc);
      return;
    }
    pc.on_top++;
    this.addopI(O.COPY, 1, loc);
    this.pattern(p.pattern, pc);
    pc.on_top--;
    this.patternStoreName(loc, p.name, pc);
  }

  private validateKwdAttrs(attrs: readonly string[], patterns: readonly A.pattern[]): void {
    for (let i = 0; i < attrs.length; i++) {
      const attr = attrs[i]!;
      this.forbiddenName(LOC(patterns[i]!), attr, "Store");
      for (let j = i + 1; j < attrs.length; j++) {
        if (attrs[j] === attr) throw this.error(LOC(patterns[j]!), `attribute name repeated in class pattern: ${attr}`);
      }
    }
  }

  private patternClass(p: A.MatchClass, pc: PatternContext): void {
    const loc = LOC(p);
    const patterns = p.patterns, kwdAttrs = p.kwd_attrs, kwdPatterns = p.kwd_patterns;
    const nargs = patterns.length, nattrs = kwdAttrs.length;
    if (nattrs !== kwdPatterns.length) {
      throw this.error(loc, `kwd_attrs (${nattrs}) / kwd_patterns (${kwdPatterns.length}) length mismatch in class pattern`);
    }
    if (nattrs) this.validateKwdAttrs(kwdAttrs, kwdPatterns);
    this.visitExpr(p.cls);
    this.loadConst(new ConstTuple(kwdAttrs), loc);
    this.addopI(O.MATCH_CLASS, nargs, loc);
    this.addopI(O.COPY, 1, loc);
    this.loadConst(null, loc);
    this.addopI(O.IS_OP, 1, loc);
    // The subject is now a tuple of nargs + nattrs attributes, or None.
    pc.on_top++;
    this.jumpToFailPop(loc, pc, O.POP_JUMP_IF_FALSE);
    this.addopI(O.UNPACK_SEQUENCE, nargs + nattrs, loc);
    pc.on_top += nargs + nattrs - 1;
    for (let i = 0; i < nargs + nattrs; i++) {
      pc.on_top--;
      const pattern = i < nargs ? patterns[i]! : kwdPatterns[i - nargs]!;
      if (wildcardCheck(pattern)) {
        this.addop(O.POP_TOP, loc);
        continue;
      }
      this.patternSubpattern(pattern, pc);
    }
  }

  private patternMapping(p: A.MatchMapping, pc: PatternContext): void {
    const loc = LOC(p);
    const keys = p.keys, patterns = p.patterns;
    let size = keys.length;
    if (size !== patterns.length) {
      throw this.error(loc, `keys (${size}) / patterns (${patterns.length}) length mismatch in mapping pattern`);
    }
    const starTarget = p.rest;
    pc.on_top++;
    this.addop(O.MATCH_MAPPING, loc);
    this.jumpToFailPop(loc, pc, O.POP_JUMP_IF_FALSE);
    if (!size && starTarget === null) {
      pc.on_top--;
      this.addop(O.POP_TOP, loc);
      return;
    }
    if (size) {
      this.addop(O.GET_LEN, loc);
      this.loadConst(BigInt(size), loc);
      this.addCompare(loc, A_GtE);
      this.jumpToFailPop(loc, pc, O.POP_JUMP_IF_FALSE);
    }
    const seen = new Set<string>();
    for (let i = 0; i < size; i++) {
      const key = keys[i]!;
      if (key.kind === "Constant") {
        const k = equalityKey(key.value as ConstValue);
        if (seen.has(k)) {
          throw this.error(loc, `mapping pattern checks duplicate key (${reprConst(key.value as ConstValue)})`);
        }
        seen.add(k);
      } else if (key.kind !== "Attribute") {
        throw this.error(loc, "mapping pattern keys may only match literals and attribute lookups");
      }
      this.visitExpr(key);
    }
    this.addopI(O.BUILD_TUPLE, size, loc);
    this.addop(O.MATCH_KEYS, loc);
    // A tuple of keys and a tuple of values (or None) are now on top of the subject.
    pc.on_top += 2;
    this.addopI(O.COPY, 1, loc);
    this.loadConst(null, loc);
    this.addopI(O.IS_OP, 1, loc);
    this.jumpToFailPop(loc, pc, O.POP_JUMP_IF_FALSE);
    this.addopI(O.UNPACK_SEQUENCE, size, loc);
    pc.on_top += size - 1;
    for (let i = 0; i < size; i++) {
      pc.on_top--;
      this.patternSubpattern(patterns[i]!, pc);
    }
    pc.on_top -= 2;
    if (starTarget !== null) {
      // rest = dict(subject); del rest[key] for each key
      this.addopI(O.BUILD_MAP, 0, loc);
      this.addopI(O.SWAP, 3, loc);
      this.addopI(O.DICT_UPDATE, 2, loc);
      this.addopI(O.UNPACK_SEQUENCE, size, loc);
      while (size) {
        this.addopI(O.COPY, 1 + size--, loc);
        this.addopI(O.SWAP, 2, loc);
        this.addop(O.DELETE_SUBSCR, loc);
      }
      this.patternStoreName(loc, starTarget, pc);
    } else {
      this.addop(O.POP_TOP, loc);
      this.addop(O.POP_TOP, loc);
    }
  }

  private patternOr(p: A.MatchOr, pc: PatternContext): void {
    const loc = LOC(p);
    const end = this.newLabel();
    const size = p.patterns.length;
    const old = { stores: pc.stores, allow_irrefutable: pc.allow_irrefutable, fail_pop: pc.fail_pop, on_top: pc.on_top };
    let control: string[] | null = null;
    const diff = (): Error => this.error(loc, "alternative patterns bind different names");
    for (let i = 0; i < size; i++) {
      const alt = p.patterns[i]!;
      pc.stores = [];
      pc.allow_irrefutable = i === size - 1 && old.allow_irrefutable;
      pc.fail_pop = [];
      pc.on_top = 0;
      this.addopI(O.COPY, 1, LOC(alt));
      this.pattern(alt, pc);
      const nstores = pc.stores.length;
      if (i === 0) {
        control = pc.stores;
      } else if (nstores !== control!.length) {
        throw diff();
      } else if (nstores) {
        // Reorder this alternative's captures on the stack to match the first one's order.
        let icontrol = nstores;
        while (icontrol--) {
          const name = control![icontrol]!;
          const istores = pc.stores.indexOf(name);
          if (istores < 0) throw diff();
          if (icontrol !== istores) {
            let rotations = istores + 1;
            const rotated = pc.stores.slice(0, rotations);
            pc.stores.splice(0, rotations);
            pc.stores.splice(icontrol - istores, 0, ...rotated);
            while (rotations--) this.patternRotate(LOC(alt), icontrol + 1);
          }
        }
      }
      this.addopJ(O.JUMP, end, LOC(alt));
      this.emitAndResetFailPop(LOC(alt), pc);
    }
    pc.stores = old.stores;
    pc.allow_irrefutable = old.allow_irrefutable;
    pc.fail_pop = old.fail_pop;
    pc.on_top = old.on_top;
    // No alternative matched: pop the remaining copy of the subject and fail.
    this.addop(O.POP_TOP, loc);
    this.jumpToFailPop(loc, pc, O.JUMP);
    this.useLabel(end);
    const nstores = control!.length;
    const nrots = nstores + 1 + pc.on_top + pc.stores.length;
    for (let i = 0; i < nstores; i++) {
      this.patternRotate(loc, nrots);
      const name = control![i]!;
      if (pc.stores.includes(name)) throw this.error(loc, `multiple assignments to name ${reprStr(name)} in pattern`);
      pc.stores.push(name);
    }
    this.addop(O.POP_TOP, loc);
  }

  private patternSequence(p: A.MatchSequence, pc: PatternContext): void {
    const loc = LOC(p);
    const patterns = p.patterns;
    const size = patterns.length;
    let star = -1;
    let onlyWildcard = true;
    let starWildcard = false;
    for (let i = 0; i < size; i++) {
      const pattern = patterns[i]!;
      if (pattern.kind === "MatchStar") {
        if (star >= 0) throw this.error(loc, "multiple starred names in sequence pattern");
        starWildcard = pattern.name === null;
        onlyWildcard &&= starWildcard;
        star = i;
        continue;
      }
      onlyWildcard &&= wildcardCheck(pattern);
    }
    pc.on_top++;
    this.addop(O.MATCH_SEQUENCE, loc);
    this.jumpToFailPop(loc, pc, O.POP_JUMP_IF_FALSE);
    if (star < 0) {
      this.addop(O.GET_LEN, loc);
      this.loadConst(BigInt(size), loc);
      this.addCompare(loc, A_Eq);
      this.jumpToFailPop(loc, pc, O.POP_JUMP_IF_FALSE);
    } else if (size - 1) {
      this.addop(O.GET_LEN, loc);
      this.loadConst(BigInt(size - 1), loc);
      this.addCompare(loc, A_GtE);
      this.jumpToFailPop(loc, pc, O.POP_JUMP_IF_FALSE);
    }
    pc.on_top--;
    if (onlyWildcard) this.addop(O.POP_TOP, loc);
    else if (starWildcard) this.patternSequenceSubscr(loc, patterns, star, pc);
    else this.patternSequenceUnpack(loc, patterns, pc);
  }

  private pattern(p: A.pattern, pc: PatternContext): void {
    const loc = LOC(p);
    switch (p.kind) {
      case "MatchValue": {
        const v = p.value;
        if (v.kind !== "Constant" && v.kind !== "Attribute") {
          throw this.error(loc, "patterns may only match literals and attribute lookups");
        }
        this.visitExpr(v);
        this.addCompare(loc, A_Eq);
        this.addop(O.TO_BOOL, loc);
        this.jumpToFailPop(loc, pc, O.POP_JUMP_IF_FALSE);
        return;
      }
      case "MatchSingleton":
        this.loadConst(p.value as ConstValue, loc);
        this.addCompare(loc, A_Is);
        this.jumpToFailPop(loc, pc, O.POP_JUMP_IF_FALSE);
        return;
      case "MatchSequence": return this.patternSequence(p, pc);
      case "MatchMapping": return this.patternMapping(p, pc);
      case "MatchClass": return this.patternClass(p, pc);
      case "MatchStar": return this.patternStoreName(loc, p.name, pc);
      case "MatchAs": return this.patternAs(p, pc);
      case "MatchOr": return this.patternOr(p, pc);
      default: unreachable(p);
    }
  }

  private match(s: A.Match): void {
    const pc: PatternContext = { stores: [], allow_irrefutable: false, fail_pop: [], on_top: 0 };
    this.visitExpr(s.subject);
    const end = this.newLabel();
    const cases = s.cases.length;
    let m = s.cases[cases - 1]!;
    const hasDefault = wildcardCheck(m.pattern) && 1 < cases ? 1 : 0;
    for (let i = 0; i < cases - hasDefault; i++) {
      m = s.cases[i]!;
      const ploc = LOC(m.pattern);
      // Only copy the subject if this is not the last case.
      if (i !== cases - hasDefault - 1) this.addopI(O.COPY, 1, ploc);
      pc.stores = [];
      // Irrefutable cases must be either guarded, last, or both.
      pc.allow_irrefutable = m.guard !== null || i === cases - 1;
      pc.fail_pop = [];
      pc.on_top = 0;
      this.pattern(m.pattern, pc);
      for (const name of pc.stores) this.nameop(ploc, name, "Store");
      if (m.guard !== null) {
        this.ensureFailPop(pc, 0);
        this.jumpIf(ploc, m.guard, pc.fail_pop[0]!, false);
      }
      if (i !== cases - hasDefault - 1) this.addop(O.POP_TOP, ploc);
      for (const b of m.body) this.visitStmt(b);
      this.addopJ(O.JUMP, end, NO_LOCATION);
      // A failed pattern's cleanup belongs to the pattern's line, not to the body's last line.
      this.emitAndResetFailPop(ploc, pc);
    }
    if (hasDefault) {
      m = s.cases[cases - 1]!;
      const ploc = LOC(m.pattern);
      if (cases === 1) this.addop(O.POP_TOP, ploc);
      else this.addop(O.NOP, ploc); // line coverage for the default case
      if (m.guard !== null) this.jumpIf(ploc, m.guard, end, false);
      for (const b of m.body) this.visitStmt(b);
    }
    this.useLabel(end);
  }

  private assert_(s: A.Assert): void {
    if (this.c_optimize) return;
    const end = this.newLabel();
    this.jumpIf(LOC(s), s.test, end, true);
    this.addop(O.LOAD_ASSERTION_ERROR, LOC(s));
    if (s.msg !== null) {
      this.visitExpr(s.msg);
      this.addopI(O.CALL, 0, LOC(s));
    }
    this.addopI(O.RAISE_VARARGS, 1, LOC(s.test));
    this.useLabel(end);
  }

  private import_(s: A.Import): void {
    const loc = LOC(s);
    for (const alias of s.names) {
      this.loadConst(0n, loc);
      this.loadConst(null, loc);
      this.addopName(O.IMPORT_NAME, alias.name, this.u.u_metadata.u_names, loc);
      if (alias.asname !== null) {
        const name = alias.name;
        let dot = name.indexOf(".");
        if (dot !== -1) {
          for (;;) {
            const pos = dot + 1;
            dot = name.indexOf(".", pos);
            const attr = name.slice(pos, dot !== -1 ? dot : undefined);
            this.addopName(O.IMPORT_FROM, attr, this.u.u_metadata.u_names, loc);
            if (dot === -1) break;
            this.addopI(O.SWAP, 2, loc);
            this.addop(O.POP_TOP, loc);
          }
          this.nameop(loc, alias.asname, "Store");
          this.addop(O.POP_TOP, loc);
        } else {
          this.nameop(loc, alias.asname, "Store");
        }
      } else {
        const dot = alias.name.indexOf(".");
        this.nameop(loc, dot !== -1 ? alias.name.slice(0, dot) : alias.name, "Store");
      }
    }
  }

  private fromImport(s: A.ImportFrom): void {
    const loc = LOC(s);
    this.loadConst(BigInt(s.level ?? 0), loc);
    const names = new ConstTuple(s.names.map((a) => a.name));
    const ff = this.c_future.ff_location;
    if ((s.lineno > ff.lineno || (s.lineno === ff.lineno && s.col_offset > ff.col_offset)) &&
      s.module === "__future__" && s.level === 0) {
      throw this.error(loc, "from __future__ imports must occur at the beginning of the file");
    }
    this.loadConst(names, loc);
    this.addopName(O.IMPORT_NAME, s.module ?? "", this.u.u_metadata.u_names, loc);
    for (let i = 0; i < s.names.length; i++) {
      const alias = s.names[i]!;
      if (i === 0 && alias.name.startsWith("*")) {
        this.addopI(O.CALL_INTRINSIC_1, O.INTRINSIC_IMPORT_STAR, loc);
        this.addop(O.POP_TOP, NO_LOCATION);
        return;
      }
      this.addopName(O.IMPORT_FROM, alias.name, this.u.u_metadata.u_names, loc);
      this.nameop(loc, alias.asname ?? alias.name, "Store");
    }
    this.addop(O.POP_TOP, loc);
  }

  private augassign(s: A.AugAssign): void {
    const e = s.target;
    let loc = LOC(e);
    switch (e.kind) {
      case "Attribute":
        this.visitExpr(e.value);
        this.addopI(O.COPY, 1, loc);
        loc = updateStartLocationToMatchAttr(loc, e);
        this.addopName(O.LOAD_ATTR, e.attr, this.u.u_metadata.u_names, loc);
        break;
      case "Subscript":
        this.visitExpr(e.value);
        if (isTwoElementSlice(e.slice)) {
          this.slice(e.slice as A.Slice);
          this.addopI(O.COPY, 3, loc);
          this.addopI(O.COPY, 3, loc);
          this.addopI(O.COPY, 3, loc);
          this.addop(O.BINARY_SLICE, loc);
        } else {
          this.visitExpr(e.slice);
          this.addopI(O.COPY, 2, loc);
          this.addopI(O.COPY, 2, loc);
          this.addop(O.BINARY_SUBSCR, loc);
        }
        break;
      case "Name":
        this.nameop(loc, e.id, "Load");
        break;
      default:
        throw new Error(`invalid node type (${e.kind}) for augmented assignment`);
    }
    this.visitExpr(s.value);
    this.addopI(O.BINARY_OP, binop(s.op.kind, true), LOC(s));
    loc = LOC(e);
    switch (e.kind) {
      case "Attribute":
        loc = updateStartLocationToMatchAttr(loc, e);
        this.addopI(O.SWAP, 2, loc);
        this.addopName(O.STORE_ATTR, e.attr, this.u.u_metadata.u_names, loc);
        break;
      case "Subscript":
        if (isTwoElementSlice(e.slice)) {
          this.addopI(O.SWAP, 4, loc);
          this.addopI(O.SWAP, 3, loc);
          this.addopI(O.SWAP, 2, loc);
          this.addop(O.STORE_SLICE, loc);
        } else {
          this.addopI(O.SWAP, 3, loc);
          this.addopI(O.SWAP, 2, loc);
          this.addop(O.STORE_SUBSCR, loc);
        }
        break;
      case "Name":
        this.nameop(loc, e.id, "Store");
        break;
      default:
        break;
    }
  }

  /** compiler_visit_annexpr: an annotation as its source text (PEP 563). */
  private visitAnnexpr(e: A.expr): void {
    this.loadConst(_PyAST_ExprAsUnicode(e), LOC(e));
  }

  private checkAnnExpr(e: A.expr): void {
    this.visitExpr(e);
    this.addop(O.POP_TOP, LOC(e));
  }

  private annassign(s: A.AnnAssign): void {
    const loc = LOC(s);
    const targ = s.target;
    if (s.value !== null) {
      this.visitExpr(s.value);
      this.visitExpr(targ);
    }
    switch (targ.kind) {
      case "Name":
        this.forbiddenName(loc, targ.id, "Store");
        if (s.simple && (this.u.u_scope_type === COMPILER_SCOPE_MODULE || this.u.u_scope_type === COMPILER_SCOPE_CLASS)) {
          if (this.c_future.ff_features & CO_FUTURE_ANNOTATIONS) this.visitAnnexpr(s.annotation);
          else this.visitExpr(s.annotation);
          this.addopNoMangle(O.LOAD_NAME, "__annotations__", this.u.u_metadata.u_names, loc);
          this.loadConst(_Py_MaybeMangle(this.u.u_private, this.u.u_ste, targ.id), loc);
          this.addop(O.STORE_SUBSCR, loc);
        }
        break;
      case "Attribute":
        this.forbiddenName(loc, targ.attr, "Store");
        if (s.value === null) this.checkAnnExpr(targ.value);
        break;
      case "Subscript":
        if (s.value === null) {
          this.checkAnnExpr(targ.value);
          this.checkAnnSubscr(targ.slice);
        }
        break;
      default:
        throw new Error(`invalid node type (${targ.kind}) for annotated assignment`);
    }
    if (!s.simple && !(this.c_future.ff_features & CO_FUTURE_ANNOTATIONS)) {
      if (this.u.u_scope_type === COMPILER_SCOPE_MODULE || this.u.u_scope_type === COMPILER_SCOPE_CLASS) {
        this.checkAnnExpr(s.annotation);
      }
    }
  }

  private checkAnnSubscr(e: A.expr): void {
    if (e.kind === "Slice") {
      if (e.lower !== null) this.checkAnnExpr(e.lower);
      if (e.upper !== null) this.checkAnnExpr(e.upper);
      if (e.step !== null) this.checkAnnExpr(e.step);
    } else if (e.kind === "Tuple") {
      for (const x of e.elts) this.checkAnnSubscr(x);
    } else {
      this.checkAnnExpr(e);
    }
  }

  // ---- expressions ----

  jumpIf(loc: Location, e: A.expr, next: number, cond: boolean): void {
    switch (e.kind) {
      case "UnaryOp":
        if (e.op.kind === "Not") return this.jumpIf(loc, e.operand, next, !cond);
        break;
      case "BoolOp": {
        const s = e.values;
        const n = s.length - 1;
        const cond2 = e.op.kind === "Or";
        let next2 = next;
        if (!cond2 !== !cond) next2 = this.newLabel();
        for (let i = 0; i < n; i++) this.jumpIf(loc, s[i]!, next2, cond2);
        this.jumpIf(loc, s[n]!, next, cond);
        if (next2 !== next) this.useLabel(next2);
        return;
      }
      case "IfExp": {
        const end = this.newLabel();
        const next2 = this.newLabel();
        this.jumpIf(loc, e.test, next2, false);
        this.jumpIf(loc, e.body, next, cond);
        this.addopJ(O.JUMP_NO_INTERRUPT, end, NO_LOCATION);
        this.useLabel(next2);
        this.jumpIf(loc, e.orelse, next, cond);
        this.useLabel(end);
        return;
      }
      case "Compare": {
        const n = e.ops.length - 1;
        if (n > 0) {
          const cleanup = this.newLabel();
          this.visitExpr(e.left);
          for (let i = 0; i < n; i++) {
            this.visitExpr(e.comparators[i]!);
            this.addopI(O.SWAP, 2, LOC(e));
            this.addopI(O.COPY, 2, LOC(e));
            this.addCompare(LOC(e), e.ops[i]!);
            this.addop(O.TO_BOOL, LOC(e));
            this.addopJ(O.POP_JUMP_IF_FALSE, cleanup, LOC(e));
          }
          this.visitExpr(e.comparators[n]!);
          this.addCompare(LOC(e), e.ops[n]!);
          this.addop(O.TO_BOOL, LOC(e));
          this.addopJ(cond ? O.POP_JUMP_IF_TRUE : O.POP_JUMP_IF_FALSE, next, LOC(e));
          const end = this.newLabel();
          this.addopJ(O.JUMP_NO_INTERRUPT, end, NO_LOCATION);
          this.useLabel(cleanup);
          this.addop(O.POP_TOP, LOC(e));
          if (!cond) this.addopJ(O.JUMP_NO_INTERRUPT, next, NO_LOCATION);
          this.useLabel(end);
          return;
        }
        break;
      }
      default:
        break;
    }
    this.visitExpr(e);
    this.addop(O.TO_BOOL, LOC(e));
    this.addopJ(cond ? O.POP_JUMP_IF_TRUE : O.POP_JUMP_IF_FALSE, next, LOC(e));
  }

  private addCompare(loc: Location, op: A.cmpop): void {
    switch (op.kind) {
      // (cmp << 5) | compare_masks[cmp]: the low bits say which orderings make the comparison true.
      case "Lt": return this.addopI(O.COMPARE_OP, (0 << 5) | COMPARISON_LESS_THAN, loc);
      case "LtE": return this.addopI(O.COMPARE_OP, (1 << 5) | COMPARISON_LESS_THAN | COMPARISON_EQUALS, loc);
      case "Eq": return this.addopI(O.COMPARE_OP, (2 << 5) | COMPARISON_EQUALS, loc);
      case "NotEq": return this.addopI(O.COMPARE_OP, (3 << 5) | COMPARISON_NOT_EQUALS, loc);
      case "Gt": return this.addopI(O.COMPARE_OP, (4 << 5) | COMPARISON_GREATER_THAN, loc);
      case "GtE": return this.addopI(O.COMPARE_OP, (5 << 5) | COMPARISON_GREATER_THAN | COMPARISON_EQUALS, loc);
      case "Is": return this.addopI(O.IS_OP, 0, loc);
      case "IsNot": return this.addopI(O.IS_OP, 1, loc);
      case "In": return this.addopI(O.CONTAINS_OP, 0, loc);
      case "NotIn": return this.addopI(O.CONTAINS_OP, 1, loc);
      default: unreachable(op);
    }
  }

  visitExpr(e: A.expr): void {
    const loc = LOC(e);
    switch (e.kind) {
      case "Name":
        return this.nameop(loc, e.id, e.ctx.kind);
      case "Constant":
        this.loadConst(e.value as ConstValue, loc);
        return;
      case "Attribute": {
        if (e.ctx.kind === "Load" && this.canOptimizeSuperCall(e)) {
          this.loadArgsForSuper(e.value as A.Call);
          const opcode = (e.value as A.Call).args.length ? O.LOAD_SUPER_ATTR : O.LOAD_ZERO_SUPER_ATTR;
          this.addopSuper(opcode, e.attr, loc);
          this.addop(O.NOP, updateStartLocationToMatchAttr(loc, e));
          return;
        }
        this.maybeAddStaticAttributeToClass(e);
        this.visitExpr(e.value);
        const l2 = updateStartLocationToMatchAttr(loc, e);
        const names = this.u.u_metadata.u_names;
        if (e.ctx.kind === "Load") this.addopName(O.LOAD_ATTR, e.attr, names, l2);
        else if (e.ctx.kind === "Store") {
          this.forbiddenName(l2, e.attr, "Store");
          this.addopName(O.STORE_ATTR, e.attr, names, l2);
        } else this.addopName(O.DELETE_ATTR, e.attr, names, l2);
        return;
      }
      case "Call":
        return this.call(e);
      case "NamedExpr":
        this.visitExpr(e.value);
        this.addopI(O.COPY, 1, loc);
        this.visitExpr(e.target);
        return;
      case "BoolOp": {
        const jumpi = e.op.kind === "And" ? O.POP_JUMP_IF_FALSE : O.POP_JUMP_IF_TRUE;
        const end = this.newLabel();
        const s = e.values;
        const n = s.length - 1;
        for (let i = 0; i < n; i++) {
          this.visitExpr(s[i]!);
          this.addopI(O.COPY, 1, loc);
          this.addop(O.TO_BOOL, loc);
          this.addopJ(jumpi, end, loc);
          this.addop(O.POP_TOP, loc);
        }
        this.visitExpr(s[n]!);
        this.useLabel(end);
        return;
      }
      case "BinOp":
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        this.addopI(O.BINARY_OP, binop(e.op.kind, false), loc);
        return;
      case "UnaryOp":
        this.visitExpr(e.operand);
        if (e.op.kind === "UAdd") this.addopI(O.CALL_INTRINSIC_1, O.INTRINSIC_UNARY_POSITIVE, loc);
        else if (e.op.kind === "Not") {
          this.addop(O.TO_BOOL, loc);
          this.addop(O.UNARY_NOT, loc);
        } else this.addop(e.op.kind === "Invert" ? O.UNARY_INVERT : O.UNARY_NEGATIVE, loc);
        return;
      case "Lambda":
        return this.lambda(e);
      case "IfExp": {
        const end = this.newLabel();
        const next = this.newLabel();
        this.jumpIf(loc, e.test, next, false);
        this.visitExpr(e.body);
        this.addopJ(O.JUMP_NO_INTERRUPT, end, NO_LOCATION);
        this.useLabel(next);
        this.visitExpr(e.orelse);
        this.useLabel(end);
        return;
      }
      case "Dict":
        return this.dict(e);
      case "Set":
        return this.starunpackHelper(loc, e.elts, 0, O.BUILD_SET, O.SET_ADD, O.SET_UPDATE, false);
      case "GeneratorExp":
        return this.comprehension(e, "genexp", "<genexpr>", e.generators, e.elt, null);
      case "ListComp":
        return this.comprehension(e, "listcomp", "<listcomp>", e.generators, e.elt, null);
      case "SetComp":
        return this.comprehension(e, "setcomp", "<setcomp>", e.generators, e.elt, null);
      case "DictComp":
        return this.comprehension(e, "dictcomp", "<dictcomp>", e.generators, e.key, e.value);
      case "Yield":
        if (!_PyST_IsFunctionLike(this.u.u_ste)) throw this.error(loc, "'yield' outside function");
        if (e.value !== null) this.visitExpr(e.value);
        else this.loadConst(null, loc);
        this.addopYield(loc);
        return;
      case "YieldFrom":
        if (!_PyST_IsFunctionLike(this.u.u_ste)) throw this.error(loc, "'yield from' outside function");
        if (this.u.u_scope_type === COMPILER_SCOPE_ASYNC_FUNCTION) throw this.error(loc, "'yield from' inside async function");
        this.visitExpr(e.value);
        this.addop(O.GET_YIELD_FROM_ITER, loc);
        this.loadConst(null, loc);
        this.addYieldFrom(loc, false);
        return;
      case "Await":
        if (!this.isTopLevelAwait()) {
          if (!_PyST_IsFunctionLike(this.u.u_ste)) throw this.error(loc, "'await' outside function");
          if (this.u.u_scope_type !== COMPILER_SCOPE_ASYNC_FUNCTION && this.u.u_scope_type !== COMPILER_SCOPE_COMPREHENSION) {
            throw this.error(loc, "'await' outside async function");
          }
        }
        this.visitExpr(e.value);
        this.addopI(O.GET_AWAITABLE, 0, loc);
        this.loadConst(null, loc);
        this.addYieldFrom(loc, true);
        return;
      case "Compare":
        return this.compare(e);
      case "JoinedStr": {
        const n = e.values.length;
        if (n > STACK_USE_GUIDELINE) {
          this.loadConst("", loc);
          this.addopName(O.LOAD_METHOD, "join", this.u.u_metadata.u_names, loc);
          this.addopI(O.BUILD_LIST, 0, loc);
          for (const v of e.values) {
            this.visitExpr(v);
            this.addopI(O.LIST_APPEND, 1, loc);
          }
          this.addopI(O.CALL, 1, loc);
        } else {
          for (const v of e.values) this.visitExpr(v);
          if (n > 1) this.addopI(O.BUILD_STRING, n, loc);
          else if (n === 0) this.loadConst("", loc);
        }
        return;
      }
      case "FormattedValue": {
        this.visitExpr(e.value);
        const conv = e.conversion;
        if (conv !== -1) {
          const oparg = conv === 115 ? 1 : conv === 114 ? 2 : conv === 97 ? 3 : -1;
          if (oparg < 0) throw new Error(`Unrecognized conversion character ${conv}`);
          this.addopI(O.CONVERT_VALUE, oparg, loc);
        }
        if (e.format_spec !== null) {
          this.visitExpr(e.format_spec);
          this.addop(O.FORMAT_WITH_SPEC, loc);
        } else this.addop(O.FORMAT_SIMPLE, loc);
        return;
      }
      case "Subscript":
        return this.subscript(e);
      case "Starred":
        if (e.ctx.kind === "Store") throw this.error(loc, "starred assignment target must be in a list or tuple");
        throw this.error(loc, "can't use starred expression here");
      case "Slice": {
        const n = this.slice(e);
        this.addopI(O.BUILD_SLICE, n, loc);
        return;
      }
      case "List":
        if (e.ctx.kind === "Store") return this.assignmentHelper(loc, e.elts);
        if (e.ctx.kind === "Load") return this.starunpackHelper(loc, e.elts, 0, O.BUILD_LIST, O.LIST_APPEND, O.LIST_EXTEND, false);
        for (const x of e.elts) this.visitExpr(x);
        return;
      case "Tuple":
        if (e.ctx.kind === "Store") return this.assignmentHelper(loc, e.elts);
        if (e.ctx.kind === "Load") return this.starunpackHelper(loc, e.elts, 0, O.BUILD_LIST, O.LIST_APPEND, O.LIST_EXTEND, true);
        for (const x of e.elts) this.visitExpr(x);
        return;
      default:
        unreachable(e);
    }
  }

  private addopSuper(opcode: number, attr: string, loc: Location): void {
    const names = this.u.u_metadata.u_names;
    const mangled = _Py_MaybeMangle(this.u.u_private, this.u.u_ste, attr);
    const idx = names.add(mangled);
    // LOAD_SUPER_ATTR oparg: namei << 2 | two_arg << 1 | is_method (pseudo-ops lowered here, as compile.c does).
    const isMethod = opcode === O.LOAD_SUPER_METHOD || opcode === O.LOAD_ZERO_SUPER_METHOD ? 1 : 0;
    const twoArg = opcode === O.LOAD_SUPER_ATTR || opcode === O.LOAD_SUPER_METHOD ? 2 : 0;
    this.addopI(O.LOAD_SUPER_ATTR, (idx << 2) | twoArg | isMethod, loc);
  }

  private maybeAddStaticAttributeToClass(e: A.Attribute): void {
    const v = e.value;
    if (v.kind !== "Name" || e.ctx.kind !== "Store" || v.id !== "self") return;
    for (let i = this.c_stack.length - 1; i >= 0; i--) {
      const u = this.c_stack[i]!;
      if (u.u_scope_type === COMPILER_SCOPE_CLASS) {
        u.u_static_attributes!.add(e.attr);
        break;
      }
    }
  }

  /** can_optimize_super_call: super().m / super(C, x).m become LOAD_SUPER_ATTR when `super` is the builtin. */
  private canOptimizeSuperCall(attr: A.Attribute): boolean {
    const e = attr.value;
    if (e.kind !== "Call" || e.func.kind !== "Name" || e.func.id !== "super" || attr.attr === "__class__" ||
      e.keywords.length !== 0) return false;
    const nargs = e.args.length;
    // Statically visible shadowing of `super`.
    if (_PyST_GetScope(this.u.u_ste, "super") !== GLOBAL_IMPLICIT) return false;
    if (_PyST_GetScope(this.c_st.st_top!, "super") !== 0) return false;
    if (nargs === 2) return !e.args.some((a) => a.kind === "Starred");
    if (nargs !== 0) return false;
    // Zero-argument super() needs a first argument and the __class__ cell.
    const md = this.u.u_metadata;
    if (md.u_argcount === 0 && md.u_posonlyargcount === 0) return false;
    return this.getRefType("__class__") === FREE;
  }

  private loadArgsForSuper(e: A.Call): void {
    const superName = e.func as A.Name;
    this.nameop(LOC(superName), "super", "Load");
    if (e.args.length === 2) {
      this.visitExpr(e.args[0]!);
      this.visitExpr(e.args[1]!);
    } else {
      this.nameop(LOC(e), "__class__", "Load");
      const firstArg = this.u.u_ste.ste_varnames[0]!;
      this.nameop(LOC(e), firstArg, "Load");
    }
  }

  private addopYield(loc: Location): void {
    if (this.u.u_ste.ste_generator && this.u.u_ste.ste_coroutine) {
      this.addopI(O.CALL_INTRINSIC_1, O.INTRINSIC_ASYNC_GEN_WRAP, loc);
    }
    this.addopI(O.YIELD_VALUE, 0, loc);
    this.addopI(O.RESUME, 1, loc);
  }

  private lambda(e: A.Lambda): void {
    const args = e.args;
    this.checkDebugArgs(args);
    const loc = LOC(e);
    const funcflags = this.defaultArguments(loc, args);
    this.enterScope("<lambda>", COMPILER_SCOPE_LAMBDA, e, e.lineno);
    this.addConst(null);
    const md = this.u.u_metadata;
    md.u_argcount = args.args.length;
    md.u_posonlyargcount = args.posonlyargs.length;
    md.u_kwonlyargcount = args.kwonlyargs.length;
    this.visitExpr(e.body);
    let co: CodeRecord;
    if (this.u.u_ste.ste_generator) {
      co = this.assemble(this, this.u, false);
    } else {
      this.addop(O.RETURN_VALUE, LOC(e.body));
      co = this.assemble(this, this.u, true);
    }
    this.exitScope();
    this.makeClosure(loc, co, funcflags);
  }

  private starunpackHelper(loc: Location, elts: readonly A.expr[], pushed: number, build: number, add: number,
    extend: number, tuple: boolean): void {
    const n = elts.length;
    if (n > 2 && elts.every((x) => x.kind === "Constant")) {
      const vals = elts.map((x) => (x as A.Constant).value as ConstValue);
      if (tuple && !pushed) {
        this.loadConst(new ConstTuple(vals), loc);
      } else {
        const folded: ConstValue = add === O.SET_ADD ? makeFrozenset(vals) : new ConstTuple(vals);
        this.addopI(build, pushed, loc);
        this.loadConst(folded, loc);
        this.addopI(extend, 1, loc);
        if (tuple) this.addopI(O.CALL_INTRINSIC_1, O.INTRINSIC_LIST_TO_TUPLE, loc);
      }
      return;
    }
    const big = n + pushed > STACK_USE_GUIDELINE;
    const seenStar = elts.some((x) => x.kind === "Starred");
    if (!seenStar && !big) {
      for (const x of elts) this.visitExpr(x);
      this.addopI(tuple ? O.BUILD_TUPLE : build, n + pushed, loc);
      return;
    }
    let built = false;
    if (big) {
      this.addopI(build, pushed, loc);
      built = true;
    }
    for (let i = 0; i < n; i++) {
      const elt = elts[i]!;
      if (elt.kind === "Starred") {
        if (!built) {
          this.addopI(build, i + pushed, loc);
          built = true;
        }
        this.visitExpr(elt.value);
        this.addopI(extend, 1, loc);
      } else {
        this.visitExpr(elt);
        if (built) this.addopI(add, 1, loc);
      }
    }
    if (tuple) this.addopI(O.CALL_INTRINSIC_1, O.INTRINSIC_LIST_TO_TUPLE, loc);
  }

  private assignmentHelper(loc: Location, elts: readonly A.expr[]): void {
    const n = elts.length;
    let seenStar = false;
    for (let i = 0; i < n; i++) {
      const elt = elts[i]!;
      if (elt.kind === "Starred" && !seenStar) {
        if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) throw this.error(loc, "too many expressions in star-unpacking assignment");
        this.addopI(O.UNPACK_EX, i + ((n - i - 1) << 8), loc);
        seenStar = true;
      } else if (elt.kind === "Starred") {
        throw this.error(loc, "multiple starred expressions in assignment");
      }
    }
    if (!seenStar) this.addopI(O.UNPACK_SEQUENCE, n, loc);
    for (const elt of elts) this.visitExpr(elt.kind !== "Starred" ? elt : elt.value);
  }

  private subdict(e: A.Dict, begin: number, end: number): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    const loc = LOC(e);
    if (n > 1 && !big && e.keys.slice(begin, end).every((k) => k !== null && k.kind === "Constant")) {
      for (let i = begin; i < end; i++) this.visitExpr(e.values[i]!);
      const keys = e.keys.slice(begin, end).map((k) => (k as A.Constant).value as ConstValue);
      this.loadConst(new ConstTuple(keys), loc);
      this.addopI(O.BUILD_CONST_KEY_MAP, n, loc);
      return;
    }
    if (big) this.addopI(O.BUILD_MAP, 0, loc);
    for (let i = begin; i < end; i++) {
      this.visitExpr(e.keys[i]!);
      this.visitExpr(e.values[i]!);
      if (big) this.addopI(O.MAP_ADD, 1, loc);
    }
    if (!big) this.addopI(O.BUILD_MAP, n, loc);
  }

  private dict(e: A.Dict): void {
    const loc = LOC(e);
    const n = e.values.length;
    let haveDict = false;
    let elements = 0;
    for (let i = 0; i < n; i++) {
      const isUnpacking = e.keys[i] === null;
      if (isUnpacking) {
        if (elements) {
          this.subdict(e, i - elements, i);
          if (haveDict) this.addopI(O.DICT_UPDATE, 1, loc);
          haveDict = true;
          elements = 0;
        }
        if (!haveDict) {
          this.addopI(O.BUILD_MAP, 0, loc);
          haveDict = true;
        }
        this.visitExpr(e.values[i]!);
        this.addopI(O.DICT_UPDATE, 1, loc);
      } else if (elements * 2 > STACK_USE_GUIDELINE) {
        this.subdict(e, i - elements, i + 1);
        if (haveDict) this.addopI(O.DICT_UPDATE, 1, loc);
        haveDict = true;
        elements = 0;
      } else {
        elements++;
      }
    }
    if (elements) {
      this.subdict(e, n - elements, n);
      if (haveDict) this.addopI(O.DICT_UPDATE, 1, loc);
      haveDict = true;
    }
    if (!haveDict) this.addopI(O.BUILD_MAP, 0, loc);
  }

  private compare(e: A.Compare): void {
    const loc = LOC(e);
    this.visitExpr(e.left);
    const n = e.ops.length - 1;
    if (n === 0) {
      this.visitExpr(e.comparators[0]!);
      this.addCompare(loc, e.ops[0]!);
      return;
    }
    const cleanup = this.newLabel();
    for (let i = 0; i < n; i++) {
      this.visitExpr(e.comparators[i]!);
      this.addopI(O.SWAP, 2, loc);
      this.addopI(O.COPY, 2, loc);
      this.addCompare(loc, e.ops[i]!);
      this.addopI(O.COPY, 1, loc);
      this.addop(O.TO_BOOL, loc);
      this.addopJ(O.POP_JUMP_IF_FALSE, cleanup, loc);
      this.addop(O.POP_TOP, loc);
    }
    this.visitExpr(e.comparators[n]!);
    this.addCompare(loc, e.ops[n]!);
    const end = this.newLabel();
    this.addopJ(O.JUMP_NO_INTERRUPT, end, NO_LOCATION);
    this.useLabel(cleanup);
    this.addopI(O.SWAP, 2, loc);
    this.addop(O.POP_TOP, loc);
    this.useLabel(end);
  }

  private isImportOriginated(e: A.expr): boolean {
    if (e.kind !== "Name") return false;
    return (_PyST_GetSymbol(this.c_st.st_top!, e.id) & DEF_IMPORT) !== 0;
  }

  private validateKeywords(keywords: readonly A.keyword[]): void {
    for (let i = 0; i < keywords.length; i++) {
      const key = keywords[i]!;
      if (key.arg === null) continue;
      this.forbiddenName(LOC(key), key.arg, "Store");
      for (let j = i + 1; j < keywords.length; j++) {
        const other = keywords[j]!;
        if (other.arg !== null && other.arg === key.arg) throw this.error(LOC(other), `keyword argument repeated: ${key.arg}`);
      }
    }
  }

  private maybeOptimizeMethodCall(e: A.Call): boolean {
    const meth = e.func;
    const args = e.args;
    const kwds = e.keywords;
    if (meth.kind !== "Attribute" || meth.ctx.kind !== "Load") return false;
    if (this.isImportOriginated(meth.value)) return false;
    const argsl = args.length;
    const kwdsl = kwds.length;
    if (argsl + kwdsl + (kwdsl !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
    if (args.some((a) => a.kind === "Starred")) return false;
    if (kwds.some((k) => k.arg === null)) return false;
    let loc = LOC(meth);
    if (this.canOptimizeSuperCall(meth)) {
      this.loadArgsForSuper(meth.value as A.Call);
      const opcode = (meth.value as A.Call).args.length ? O.LOAD_SUPER_METHOD : O.LOAD_ZERO_SUPER_METHOD;
      this.addopSuper(opcode, meth.attr, loc);
      loc = updateStartLocationToMatchAttr(loc, meth);
      this.addop(O.NOP, loc);
    } else {
      this.visitExpr(meth.value);
      loc = updateStartLocationToMatchAttr(loc, meth);
      this.addopName(O.LOAD_METHOD, meth.attr, this.u.u_metadata.u_names, loc);
    }
    for (const a of args) this.visitExpr(a);
    if (kwdsl) {
      for (const k of kwds) this.visitExpr(k.value);
      this.loadConst(new ConstTuple(kwds.map((k) => k.arg!)), loc);
      loc = updateStartLocationToMatchAttr(LOC(e), meth);
      this.addopI(O.CALL_KW, argsl + kwdsl, loc);
    } else {
      loc = updateStartLocationToMatchAttr(LOC(e), meth);
      this.addopI(O.CALL, argsl, loc);
    }
    return true;
  }

  private call(e: A.Call): void {
    this.validateKeywords(e.keywords);
    if (this.maybeOptimizeMethodCall(e)) return;
    this.visitExpr(e.func);
    this.addop(O.PUSH_NULL, LOC(e.func));
    this.callHelper(LOC(e), 0, e.args, e.keywords);
  }

  private subkwargs(loc: Location, keywords: readonly A.keyword[], begin: number, end: number): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
      for (let i = begin; i < end; i++) this.visitExpr(keywords[i]!.value);
      this.loadConst(new ConstTuple(keywords.slice(begin, end).map((k) => k.arg!)), loc);
      this.addopI(O.BUILD_CONST_KEY_MAP, n, loc);
      return;
    }
    if (big) this.addopI(O.BUILD_MAP, 0, NO_LOCATION);
    for (let i = begin; i < end; i++) {
      const kw = keywords[i]!;
      this.loadConst(kw.arg!, loc);
      this.visitExpr(kw.value);
      if (big) this.addopI(O.MAP_ADD, 1, NO_LOCATION);
    }
    if (!big) this.addopI(O.BUILD_MAP, n, loc);
  }

  private callHelper(loc: Location, n: number, args: readonly A.expr[], keywords: readonly A.keyword[]): void {
    this.validateKeywords(keywords);
    const nelts = args.length;
    const nkwelts = keywords.length;
    const exCall = nelts + nkwelts * 2 > STACK_USE_GUIDELINE || args.some((a) => a.kind === "Starred") ||
      keywords.some((k) => k.arg === null);
    if (!exCall) {
      for (const a of args) this.visitExpr(a);
      if (nkwelts) {
        for (const k of keywords) this.visitExpr(k.value);
        this.loadConst(new ConstTuple(keywords.map((k) => k.arg!)), loc);
        this.addopI(O.CALL_KW, n + nelts + nkwelts, loc);
      } else {
        this.addopI(O.CALL, n + nelts, loc);
      }
      return;
    }
    if (n === 0 && nelts === 1 && args[0]!.kind === "Starred") {
      this.visitExpr((args[0] as A.Starred).value);
    } else {
      this.starunpackHelper(loc, args, n, O.BUILD_LIST, O.LIST_APPEND, O.LIST_EXTEND, true);
    }
    if (nkwelts) {
      let haveDict = false;
      let nseen = 0;
      for (let i = 0; i < nkwelts; i++) {
        const kw = keywords[i]!;
        if (kw.arg === null) {
          if (nseen) {
            this.subkwargs(loc, keywords, i - nseen, i);
            if (haveDict) this.addopI(O.DICT_MERGE, 1, loc);
            haveDict = true;
            nseen = 0;
          }
          if (!haveDict) {
            this.addopI(O.BUILD_MAP, 0, loc);
            haveDict = true;
          }
          this.visitExpr(kw.value);
          this.addopI(O.DICT_MERGE, 1, loc);
        } else {
          nseen++;
        }
      }
      if (nseen) {
        this.subkwargs(loc, keywords, nkwelts - nseen, nkwelts);
        if (haveDict) this.addopI(O.DICT_MERGE, 1, loc);
      }
    }
    this.addopI(O.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0, loc);
  }

  private subscript(e: A.Subscript): void {
    const loc = LOC(e);
    const ctx = e.ctx.kind;
    this.visitExpr(e.value);
    if (isTwoElementSlice(e.slice) && ctx !== "Del") {
      this.slice(e.slice as A.Slice);
      this.addop(ctx === "Load" ? O.BINARY_SLICE : O.STORE_SLICE, loc);
    } else {
      this.visitExpr(e.slice);
      this.addop(ctx === "Load" ? O.BINARY_SUBSCR : ctx === "Store" ? O.STORE_SUBSCR : O.DELETE_SUBSCR, loc);
    }
  }

  private slice(s: A.Slice): number {
    let n = 2;
    if (s.lower !== null) this.visitExpr(s.lower);
    else this.loadConst(null, LOC(s));
    if (s.upper !== null) this.visitExpr(s.upper);
    else this.loadConst(null, LOC(s));
    if (s.step !== null) {
      n++;
      this.visitExpr(s.step);
    }
    return n;
  }

  // ---- comprehensions ----

  private comprehensionGenerator(loc: Location, generators: readonly A.comprehension[], genIndex: number, depth: number,
    elt: A.expr, val: A.expr | null, type: string, iterOnStack: boolean): void {
    const gen = generators[genIndex]!;
    if (gen.is_async) {
      this.asyncComprehensionGenerator(loc, generators, genIndex, depth, elt, val, type, iterOnStack);
      return;
    }
    let start: number | null = this.newLabel();
    const ifCleanup = this.newLabel();
    const anchor = this.newLabel();
    if (!iterOnStack) {
      if (genIndex === 0) {
        this.u.u_metadata.u_argcount = 1;
        this.addopI(O.LOAD_FAST, 0, loc);
      } else {
        const it = gen.iter;
        const elts = it.kind === "List" || it.kind === "Tuple" ? it.elts : null;
        if (elts !== null && elts.length === 1 && elts[0]!.kind !== "Starred") {
          this.visitExpr(elts[0]!);
          start = null;
        }
        if (start !== null) {
          this.visitExpr(gen.iter);
          this.addop(O.GET_ITER, LOC(gen.iter));
        }
      }
    }
    if (start !== null) {
      depth++;
      this.useLabel(start);
      this.addopJ(O.FOR_ITER, anchor, LOC(gen.iter));
    }
    this.visitExpr(gen.target);
    for (const cond of gen.ifs) this.jumpIf(loc, cond, ifCleanup, false);
    if (++genIndex < generators.length) {
      this.comprehensionGenerator(loc, generators, genIndex, depth, elt, val, type, false);
    }
    let eltLoc = LOC(elt);
    if (genIndex >= generators.length) {
      switch (type) {
        case "genexp":
          this.visitExpr(elt);
          this.addopYield(eltLoc);
          this.addop(O.POP_TOP, eltLoc);
          break;
        case "listcomp":
          this.visitExpr(elt);
          this.addopI(O.LIST_APPEND, depth + 1, eltLoc);
          break;
        case "setcomp":
          this.visitExpr(elt);
          this.addopI(O.SET_ADD, depth + 1, eltLoc);
          break;
        case "dictcomp":
          this.visitExpr(elt);
          this.visitExpr(val!);
          eltLoc = LOCATION(elt.lineno, val!.end_lineno, elt.col_offset, val!.end_col_offset);
          this.addopI(O.MAP_ADD, depth + 1, eltLoc);
          break;
        default:
          throw new Error("unknown comprehension type");
      }
    }
    this.useLabel(ifCleanup);
    if (start !== null) {
      this.addopJ(O.JUMP, start, eltLoc);
      this.useLabel(anchor);
      this.addop(O.END_FOR, NO_LOCATION);
      this.addop(O.POP_TOP, NO_LOCATION);
    }
  }

  /** The element step of the innermost generator: yield, LIST_APPEND, SET_ADD or MAP_ADD; returns its location. */
  private comprehensionElement(elt: A.expr, val: A.expr | null, type: string, depth: number): Location {
    let eltLoc = LOC(elt);
    switch (type) {
      case "genexp":
        this.visitExpr(elt);
        this.addopYield(eltLoc);
        this.addop(O.POP_TOP, eltLoc);
        break;
      case "listcomp":
        this.visitExpr(elt);
        this.addopI(O.LIST_APPEND, depth + 1, eltLoc);
        break;
      case "setcomp":
        this.visitExpr(elt);
        this.addopI(O.SET_ADD, depth + 1, eltLoc);
        break;
      case "dictcomp":
        this.visitExpr(elt);
        this.visitExpr(val!);
        eltLoc = LOCATION(elt.lineno, val!.end_lineno, elt.col_offset, val!.end_col_offset);
        this.addopI(O.MAP_ADD, depth + 1, eltLoc);
        break;
      default:
        throw new Error("unknown comprehension type");
    }
    return eltLoc;
  }

  /** compiler_async_comprehension_generator: `async for` in a comprehension (GET_ANEXT / END_ASYNC_FOR). */
  private asyncComprehensionGenerator(loc: Location, generators: readonly A.comprehension[], genIndex: number,
    depth: number, elt: A.expr, val: A.expr | null, type: string, iterOnStack: boolean): void {
    const start = this.newLabel();
    const except = this.newLabel();
    const ifCleanup = this.newLabel();
    const gen = generators[genIndex]!;
    if (!iterOnStack) {
      if (genIndex === 0) {
        this.u.u_metadata.u_argcount = 1;
        this.addopI(O.LOAD_FAST, 0, loc);
      } else {
        this.visitExpr(gen.iter);
        this.addop(O.GET_AITER, LOC(gen.iter));
      }
    }
    this.useLabel(start);
    this.pushFBlock(loc, "ASYNC_COMPREHENSION_GENERATOR", start, -1, null);
    this.addopJ(O.SETUP_FINALLY, except, loc);
    this.addop(O.GET_ANEXT, loc);
    this.loadConst(null, loc);
    this.addYieldFrom(loc, true);
    this.addop(O.POP_BLOCK, loc);
    this.visitExpr(gen.target);
    for (const cond of gen.ifs) this.jumpIf(loc, cond, ifCleanup, false);
    depth++;
    if (++genIndex < generators.length) {
      this.comprehensionGenerator(loc, generators, genIndex, depth, elt, val, type, false);
    }
    let eltLoc = LOC(elt);
    if (genIndex >= generators.length) eltLoc = this.comprehensionElement(elt, val, type, depth);
    this.useLabel(ifCleanup);
    this.addopJ(O.JUMP, start, eltLoc);
    this.popFBlock();
    this.useLabel(except);
    this.addop(O.END_ASYNC_FOR, loc);
  }

  private pushInlinedComprehensionState(loc: Location, entry: PySTEntryObject): InlinedComprehensionState {
    const u = this.u;
    const state: InlinedComprehensionState = { pushed_locals: null, temp_symbols: null, fast_hidden: null, cleanup: -1, end: -1 };
    const inClassBlock = u.u_ste.ste_type === ClassBlock && !u.u_in_inlined_comp;
    u.u_in_inlined_comp++;
    for (const [k, symbol] of entry.ste_symbols) {
      const scope = (symbol >> SCOPE_OFFSET) & SCOPE_MASK;
      const outv = u.u_ste.ste_symbols.get(k) ?? 0;
      const outsc = (outv >> SCOPE_OFFSET) & SCOPE_MASK;
      if ((scope !== outsc && scope !== FREE && !(scope === CELL && outsc === FREE)) || inClassBlock) {
        if (state.temp_symbols === null) state.temp_symbols = new Map();
        u.u_ste.ste_symbols.set(k, symbol);
        state.temp_symbols.set(k, outv);
      }
      if (((symbol & DEF_LOCAL) && !(symbol & DEF_NONLOCAL)) || inClassBlock) {
        if (!_PyST_IsFunctionLike(u.u_ste)) {
          if (u.u_metadata.u_fasthidden.get(k) !== true) {
            u.u_metadata.u_fasthidden.set(k, true);
            if (state.fast_hidden === null) state.fast_hidden = new Set();
            state.fast_hidden.add(k);
          }
        }
        if (state.pushed_locals === null) state.pushed_locals = [];
        this.addopI(O.LOAD_FAST_AND_CLEAR, u.u_metadata.u_varnames.add(_Py_MaybeMangle(u.u_private, u.u_ste, k)), loc);
        if (scope === CELL) {
          if (outsc === FREE) this.addopI(O.MAKE_CELL, u.u_metadata.u_freevars.add(k), loc);
          else this.addopI(O.MAKE_CELL, u.u_metadata.u_cellvars.add(k), loc);
        }
        state.pushed_locals.push(k);
      }
    }
    if (state.pushed_locals !== null) {
      this.addopI(O.SWAP, state.pushed_locals.length + 1, loc);
      state.cleanup = this.newLabel();
      state.end = this.newLabel();
      this.addopJ(O.SETUP_FINALLY, state.cleanup, loc);
    }
    return state;
  }

  private restoreInlinedComprehensionLocals(loc: Location, state: InlinedComprehensionState): void {
    const pushed = state.pushed_locals!;
    this.addopI(O.SWAP, pushed.length + 1, loc);
    for (let i = pushed.length - 1; i >= 0; --i) {
      this.addopI(O.STORE_FAST_MAYBE_NULL,
        this.u.u_metadata.u_varnames.add(_Py_MaybeMangle(this.u.u_private, this.u.u_ste, pushed[i]!)), loc);
    }
  }

  private popInlinedComprehensionState(loc: Location, state: InlinedComprehensionState): void {
    const u = this.u;
    u.u_in_inlined_comp--;
    if (state.temp_symbols !== null) for (const [k, v] of state.temp_symbols) u.u_ste.ste_symbols.set(k, v);
    if (state.pushed_locals !== null) {
      this.addop(O.POP_BLOCK, NO_LOCATION);
      this.addopJ(O.JUMP_NO_INTERRUPT, state.end, NO_LOCATION);
      this.useLabel(state.cleanup);
      this.addopI(O.SWAP, 2, NO_LOCATION);
      this.addop(O.POP_TOP, NO_LOCATION);
      this.restoreInlinedComprehensionLocals(loc, state);
      this.addopI(O.RERAISE, 0, NO_LOCATION);
      this.useLabel(state.end);
      this.restoreInlinedComprehensionLocals(loc, state);
    }
    if (state.fast_hidden !== null) for (const k of state.fast_hidden) u.u_metadata.u_fasthidden.set(k, false);
  }

  private comprehension(e: A.expr, type: string, name: string, generators: readonly A.comprehension[], elt: A.expr,
    val: A.expr | null): void {
    const entry = this.c_st.lookup(e);
    const isInlined = entry.ste_comp_inlined;
    const isAsyncGenerator = entry.ste_coroutine;
    const loc = LOC(e);
    const outermost = generators[0]!;
    const scopeType = this.u.u_scope_type;
    const isTopLevelAwait = this.isTopLevelAwait();
    let state: InlinedComprehensionState | null = null;
    if (isInlined) {
      this.visitExpr(outermost.iter);
      this.addop(outermost.is_async ? O.GET_AITER : O.GET_ITER, LOC(outermost.iter));
      state = this.pushInlinedComprehensionState(loc, entry);
    } else {
      this.enterScope(name, COMPILER_SCOPE_COMPREHENSION, e, e.lineno);
    }
    if (isAsyncGenerator && type !== "genexp" && scopeType !== COMPILER_SCOPE_ASYNC_FUNCTION &&
      scopeType !== COMPILER_SCOPE_COMPREHENSION && !isTopLevelAwait) {
      throw this.error(loc, "asynchronous comprehension outside of an asynchronous function");
    }
    if (type !== "genexp") {
      const op = type === "listcomp" ? O.BUILD_LIST : type === "setcomp" ? O.BUILD_SET : O.BUILD_MAP;
      this.addopI(op, 0, loc);
      if (isInlined) this.addopI(O.SWAP, 2, loc);
    }
    this.comprehensionGenerator(loc, generators, 0, 0, elt, val, type, isInlined);
    if (isInlined) {
      this.popInlinedComprehensionState(loc, state!);
      return;
    }
    if (type !== "genexp") this.addop(O.RETURN_VALUE, LOC(e));
    if (type === "genexp") this.wrapInStopIterationHandler();
    const co = this.assemble(this, this.u, true);
    this.exitScope();
    if (isTopLevelAwait && isAsyncGenerator) this.u.u_ste.ste_coroutine = true;
    this.makeClosure(loc, co, 0);
    this.visitExpr(outermost.iter);
    this.addop(outermost.is_async ? O.GET_AITER : O.GET_ITER, LOC(outermost.iter));
    this.addopI(O.CALL, 0, loc);
    if (isAsyncGenerator && type !== "genexp") {
      this.addopI(O.GET_AWAITABLE, 0, loc);
      this.loadConst(null, loc);
      this.addYieldFrom(loc, true);
    }
  }
}

function isTwoElementSlice(s: A.expr): boolean {
  return s.kind === "Slice" && s.step === null;
}

export function updateStartLocationToMatchAttr(loc: Location, attr: A.Attribute): Location {
  if (loc.lineno === attr.end_lineno) return loc;
  let col: number;
  let endCol = loc.end_col_offset;
  const len = attr.attr.length;
  if (len <= attr.end_col_offset) col = attr.end_col_offset - len;
  else {
    col = -1;
    endCol = -1;
  }
  const lineno = attr.end_lineno;
  const endLineno = Math.max(lineno, loc.end_lineno);
  if (lineno === endLineno) endCol = Math.max(col, endCol);
  return { lineno, end_lineno: endLineno, col_offset: col, end_col_offset: endCol };
}

const BINOPS: Record<string, [number, number]> = {
  Add: [O.NB_ADD, O.NB_INPLACE_ADD], Sub: [O.NB_SUBTRACT, O.NB_INPLACE_SUBTRACT],
  Mult: [O.NB_MULTIPLY, O.NB_INPLACE_MULTIPLY], MatMult: [O.NB_MATRIX_MULTIPLY, O.NB_INPLACE_MATRIX_MULTIPLY],
  Div: [O.NB_TRUE_DIVIDE, O.NB_INPLACE_TRUE_DIVIDE], Mod: [O.NB_REMAINDER, O.NB_INPLACE_REMAINDER],
  Pow: [O.NB_POWER, O.NB_INPLACE_POWER], LShift: [O.NB_LSHIFT, O.NB_INPLACE_LSHIFT],
  RShift: [O.NB_RSHIFT, O.NB_INPLACE_RSHIFT], BitOr: [O.NB_OR, O.NB_INPLACE_OR], BitXor: [O.NB_XOR, O.NB_INPLACE_XOR],
  BitAnd: [O.NB_AND, O.NB_INPLACE_AND], FloorDiv: [O.NB_FLOOR_DIVIDE, O.NB_INPLACE_FLOOR_DIVIDE],
};
function binop(kind: string, inplace: boolean): number {
  return BINOPS[kind]![inplace ? 1 : 0];
}

/** find_ann: does a body contain an annotated assignment (not looking into nested scopes)? */
export function findAnn(stmts: readonly A.stmt[]): boolean {
  for (const st of stmts) {
    switch (st.kind) {
      case "AnnAssign":
        return true;
      case "For":
      case "AsyncFor":
      case "While":
      case "If":
        if (findAnn(st.body) || findAnn(st.orelse)) return true;
        break;
      case "With":
      case "AsyncWith":
        if (findAnn(st.body)) return true;
        break;
      case "Try":
      case "TryStar":
        if (findAnn(st.body) || findAnn(st.orelse) || findAnn(st.finalbody)) return true;
        for (const h of st.handlers) if (findAnn(h.body)) return true;
        break;
      case "Match":
        for (const m of st.cases) if (findAnn(m.body)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

/** _PyCompile_CleanDoc: inspect.cleandoc at compile time (3.13). */
export function cleanDoc(doc: string): string {
  const expanded = expandTabs(doc);
  const lines = expanded.split("\n");
  let margin = Infinity;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const stripped = line.replace(/^ +/, "");
    if (stripped.length === 0) continue;
    margin = Math.min(margin, line.length - stripped.length);
  }
  const out: string[] = [lines[0]!.replace(/^ +/, "")];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(margin === Infinity ? line : lineSliceMargin(line, margin));
  }
  return out.join("\n");
}
function expandTabs(s: string): string {
  if (!s.includes("\t")) return s;
  let out = "";
  let col = 0;
  for (const ch of s) {
    if (ch === "\t") {
      const n = 8 - (col % 8);
      out += " ".repeat(n);
      col += n;
    } else {
      out += ch;
      col = ch === "\n" || ch === "\r" ? 0 : col + 1;
    }
  }
  return out;
}
function lineSliceMargin(line: string, margin: number): string {
  let i = 0;
  while (i < margin && i < line.length && line[i] === " ") i++;
  return line.slice(i);
}

function unreachable(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}
