// compile()'s AST paths (Python/bltinmodule.c builtin_compile_impl): flag and mode checks, compile(..., PyCF_ONLY_AST)
// returning Python AST objects (optimized with PyCF_OPTIMIZED_AST), and compile(ast_object, ...) through
// PyAST_obj2mod and _PyAST_Validate into Typhon's compiler. See docs/modules.md.
import { type PyVal } from "../../objects/object.js";
import { PyUnicode_Check } from "../../objects/unicodeobject.js";
import { PyBytesObject } from "../../objects/bytesobject.js";
import { PyErr_Format } from "../../runtime/errors.js";
import { PyExc_TypeError, PyExc_ValueError } from "../../objects/exceptions.js";
import { PyCode_FromRecord, syntaxErrorHook } from "../../runtime/pylifecycle.js";
import { parse } from "../../parser/parser.js";
import { compileAst, PyCF_MASK } from "../../compiler/compile.js";
import { _PyAST_Optimize } from "../../compiler/ast_opt.js";
import { _PyFuture_FromAST } from "../../compiler/future.js";
import type { mod } from "../../ast/nodes.js";
import {
  PyAST_Check, PyAST_mod2obj, PyAST_obj2mod, PyCF_ONLY_AST, PyCF_OPTIMIZED_AST, PyCF_TYPE_COMMENTS,
  PyCF_ALLOW_TOP_LEVEL_AWAIT,
} from "./module.js";
import { _PyAST_Validate } from "./validate.js";

const PyCF_DONT_IMPLY_DEDENT = 0x0200;
const PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000;
const PyCF_MASK_OBSOLETE = 0x0010;
const PyCF_SOURCE_IS_UTF8 = 0x0100;
const PyCF_IGNORE_COOKIE = 0x0800;
const PyCF_COMPILE_MASK = PyCF_ONLY_AST | PyCF_ALLOW_TOP_LEVEL_AWAIT | PyCF_TYPE_COMMENTS | PyCF_DONT_IMPLY_DEDENT |
  PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_OPTIMIZED_AST;

type Mode = "exec" | "eval" | "single" | "func_type";

function optimizeAst(m: mod, filename: string, flags: number, optimize: number): void {
  // _PyCompile_AstOptimize: the module's future features join the flags.
  const future = _PyFuture_FromAST(m, { filename, text: null });
  _PyAST_Optimize(m, optimize < 0 ? 0 : optimize, future.ff_features | (flags & PyCF_MASK));
}

/**
 * The part of builtin_compile_impl before and around the AST: checks flags, optimize and mode with CPython's
 * messages, then handles an AST source or PyCF_ONLY_AST. Returns undefined when the ordinary source-to-code path
 * applies.
 */
export function builtin_compile_ast(source: PyVal, filename: string, mode: string, flags: number,
  optimize: number): PyVal | undefined {
  if (flags & ~(PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK | PyCF_SOURCE_IS_UTF8 | PyCF_IGNORE_COOKIE)) {
    return PyErr_Format(PyExc_ValueError, "compile(): unrecognised flags");
  }
  if (optimize < -1 || optimize > 2) return PyErr_Format(PyExc_ValueError, "compile(): invalid optimize value");
  if (mode === "func_type") {
    if (!(flags & PyCF_ONLY_AST)) return PyErr_Format(PyExc_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
  } else if (mode !== "exec" && mode !== "eval" && mode !== "single") {
    return PyErr_Format(PyExc_ValueError, flags & PyCF_ONLY_AST
      ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'" : "compile() mode must be 'exec', 'eval' or 'single'");
  }
  const m = mode as Mode;
  if (PyAST_Check(source)) {
    if ((flags & PyCF_OPTIMIZED_AST) === PyCF_ONLY_AST) return source;
    const tree = PyAST_obj2mod(source, m);
    _PyAST_Validate(tree);
    try {
      if (flags & PyCF_ONLY_AST) {
        optimizeAst(tree, filename, flags, optimize);
        return PyAST_mod2obj(tree);
      }
      return PyCode_FromRecord(compileAst(tree, { filename, text: null }, { flags, optimize }));
    } catch (e) {
      throw syntaxErrorHook(e);
    }
  }
  if (!(flags & PyCF_ONLY_AST)) return undefined;
  let src: string | Uint8Array;
  if (PyUnicode_Check(source)) src = source.value;
  else if (source instanceof PyBytesObject) src = source.ob_bytes;
  else return PyErr_Format(PyExc_TypeError, "compile() arg 1 must be a string, bytes or AST object");
  let tree: mod;
  try {
    tree = parse(src, filename, m, { typeComments: (flags & PyCF_TYPE_COMMENTS) !== 0 });
    if ((flags & PyCF_OPTIMIZED_AST) === PyCF_OPTIMIZED_AST) optimizeAst(tree, filename, flags, optimize);
  } catch (e) {
    throw syntaxErrorHook(e);
  }
  return PyAST_mod2obj(tree);
}
