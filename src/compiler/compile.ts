// The compiler's entry point: future features, symbol table, codegen, CFG optimization and assembly of every
// scope into code records. Counterpart: Python/compile.c (_PyAST_Compile, optimize_and_assemble). See docs/compiler.md.
import type { mod } from "../ast/nodes.js";
import * as O from "../opcode/opcode_metadata.js";
import { _PyFuture_FromAST } from "./future.js";
import { _PySymtable_Build, _PyST_IsFunctionLike } from "./symtable.js";
import { Compiler, type CompilerUnit } from "./codegen.js";
import { NO_LOCATION } from "./instruction_sequence.js";
import { instrSequenceToCfg, optimizeCodeUnit, optimizedCfgToInstructions } from "./flowgraph.js";
import { makeCodeObject } from "./assemble.js";
import type { CodeRecord } from "./code.js";
import { CompilerRecursionError, type CompileSource } from "./errors.js";
import { _PyAST_Optimize } from "./ast_opt.js";
import { parse, type ParseMode, type ParseOptions } from "../parser/parser.js";
import type { ConstValue } from "./consts.js";

export const PyCF_MASK = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000;
export const PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;

function computeCodeFlags(c: Compiler, u: CompilerUnit): number {
  const ste = u.u_ste;
  let flags = 0;
  if (_PyST_IsFunctionLike(ste)) {
    flags |= 0x2 | 0x1;
    if (ste.ste_nested) flags |= 0x10;
    if (ste.ste_generator && !ste.ste_coroutine) flags |= 0x20;
    if (!ste.ste_generator && ste.ste_coroutine) flags |= 0x80;
    if (ste.ste_generator && ste.ste_coroutine) flags |= 0x200;
    if (ste.ste_varargs) flags |= 0x4;
    if (ste.ste_varkeywords) flags |= 0x8;
  }
  flags |= (c.c_flags | c.c_future.ff_features) & PyCF_MASK;
  if ((c.c_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) && ste.ste_type === 2 && ste.ste_coroutine && !ste.ste_generator) {
    flags |= 0x80;
  }
  return flags;
}

/** optimize_and_assemble: add_return_at_end, then flowgraph and assembler over the unit. */
function optimizeAndAssemble(c: Compiler, u: CompilerUnit, addNone: boolean): CodeRecord {
  const codeFlags = computeCodeFlags(c, u);
  if (addNone) u.u_instr_sequence.addop(O.LOAD_CONST, c.addConst(null), NO_LOCATION);
  u.u_instr_sequence.addop(O.RETURN_VALUE, 0, NO_LOCATION);
  const md = u.u_metadata;
  const consts: ConstValue[] = md.u_consts.items;
  const g = instrSequenceToCfg(u.u_instr_sequence);
  optimizeCodeUnit(g, consts, md.u_varnames.size, u.u_ste.ste_varnames.length);
  const info = {
    nlocals: md.u_varnames.size, cellvars: md.u_cellvars.map, freevars: md.u_freevars.map, varnames: md.u_varnames.map,
    firstlineno: md.u_firstlineno,
  };
  const r = optimizedCfgToInstructions(g, info, codeFlags);
  return makeCodeObject({
    name: md.u_name, qualname: md.u_qualname, firstlineno: md.u_firstlineno, argcount: md.u_argcount,
    posonlyargcount: md.u_posonlyargcount, kwonlyargcount: md.u_kwonlyargcount, names: md.u_names.keys(),
    varnames: md.u_varnames.map, cellvars: md.u_cellvars.map, freevars: md.u_freevars.map, fasthidden: md.u_fasthidden,
  }, consts, r.stackdepth, r.instrs, r.labelMap, r.nlocalsplus, codeFlags, c.c_src.filename);
}

export interface CompileOptions {
  /** compile()'s flags (future features, PyCF_ALLOW_TOP_LEVEL_AWAIT). */
  readonly flags?: number;
  /** Optimization level 0, 1 or 2 (-1 means the interpreter's, i.e. 0). */
  readonly optimize?: number;
  /** The AST has already been through ast_opt (CPython's, via tools/ast_json.py): skip Typhon's. */
  readonly preOptimized?: boolean;
}

/** The source text for error reports: the bytes decoded as UTF-8, or null when they are not UTF-8. */
function sourceText(source: Uint8Array | string): string | null {
  if (typeof source === "string") return source;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(source);
  } catch {
    return null;
  }
}

/**
 * compile(source, filename, mode, flags, optimize) up to the code object: Typhon's parser, then _PyAST_Compile.
 * Throws FrontEndSyntaxError (parser or compiler) with CPython's message and location.
 */
export function compile(source: Uint8Array | string, filename: string, mode: ParseMode = "exec", flags = 0,
  optimize = -1, parseOptions?: ParseOptions): CodeRecord {
  const m = parse(source, filename, mode, parseOptions);
  // The text is needed only for the line of a compile-time SyntaxError: decoded on first use.
  let text: string | null | undefined;
  const src: CompileSource = {
    filename,
    get text(): string | null {
      if (text === undefined) text = sourceText(source);
      return text;
    },
  };
  return compileAst(m, src, { flags, optimize });
}

/**
 * _PyAST_Compile: future features, the AST optimizer (unless `preOptimized`, for an AST that already went through
 * CPython's ast_opt), symbol table, codegen, flowgraph, assembler. The AST is folded in place. Throws
 * FrontEndSyntaxError for compile-time SyntaxErrors.
 */
export function compileAst(m: mod, src: CompileSource, opts: CompileOptions = {}): CodeRecord {
  const future = _PyFuture_FromAST(m, src);
  const flags = opts.flags ?? 0;
  future.ff_features |= flags & PyCF_MASK;
  const optimize = opts.optimize === undefined || opts.optimize < 0 ? 0 : opts.optimize;
  try {
    if (!opts.preOptimized) _PyAST_Optimize(m, optimize, future.ff_features);
    const st = _PySymtable_Build(m, src, future);
    const c = new Compiler(src, st, future, optimize, flags, optimizeAndAssemble);
    return c.compileMod(m);
  } catch (e) {
    // The recursive passes run out of JavaScript stack on deeply nested expressions before CPython's C recursion
    // limit (10000) would stop them: report CPython's RecursionError rather than crash.
    // DEVIATION: nesting between about 2000 and 10000 levels compiles in CPython but not here.
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new CompilerRecursionError();
    throw e;
  }
}
