// The "symtable" differential mode: Typhon's --dump-symtable against tools/symtable_dump.py (CPython's _symtable).
// The AST comes from CPython (tools/ast_json.py) unless TYPHON_AST=typhon. See docs/compiler.md.
import type { DiffMode } from "./mode.js";
import { frontEnd } from "./compiler_input.js";
import { _PySymtable_Build } from "../../src/compiler/symtable.js";
import { _PyFuture_FromAST } from "../../src/compiler/future.js";
import { dumpSymtable } from "../../src/debug/dump_symtable.js";
import { FrontEndSyntaxError } from "../../src/parser/errors.js";

export const mode: DiffMode = {
  name: "symtable",
  cpythonScript: "tools/diff_modes/symtable.py",
  typhon(path, data) {
    const fe = frontEnd(path, data, false);
    if (fe.status === "error") return fe;
    try {
      const future = _PyFuture_FromAST(fe.ast, fe.src);
      return { status: "ok", text: dumpSymtable(_PySymtable_Build(fe.ast, fe.src, future)) };
    } catch (e) {
      if (e instanceof FrontEndSyntaxError) return { status: "error", text: `SyntaxError: ${e.msg} (${e.lineno}, ${e.offset})\n` };
      throw e;
    }
  },
};
