// The "dis" differential mode: `typhon --dump-dis FILE` (Typhon's parser, ast_opt and compiler, then
// src/debug/dump_dis.ts) against `python3.13 -m dis FILE` (tools/diff_modes/dis.py, PYTHONHASHSEED=0), code-object
// addresses aside. TYPHON_AST=cpython feeds CPython's optimized AST instead, as in the "code" mode. docs/compiler.md.
import type { DiffMode } from "./mode.js";
import { frontEnd } from "./compiler_input.js";
import { compile, compileAst } from "../../src/compiler/compile.js";
import type { CodeRecord } from "../../src/compiler/code.js";
import { disCode } from "../../src/debug/dump_dis.js";
import { FrontEndSyntaxError } from "../../src/parser/errors.js";
import { ParserStackOverflow } from "../../src/parser/pegen.js";

const USE_CPYTHON_AST = process.env.TYPHON_AST === "cpython";

/** `python -m dis` options to compare with (TYPHON_DIS_OPTIONS="-C -O"): inline caches, offsets. */
const OPTIONS = (process.env.TYPHON_DIS_OPTIONS ?? "").split(/\s+/);
const DIS_OPTIONS = { showCaches: OPTIONS.includes("-C"), showOffsets: OPTIONS.includes("-O") };

export const mode: DiffMode = {
  name: "dis",
  cpythonScript: "tools/diff_modes/dis.py",
  typhon(path, data) {
    try {
      let co: CodeRecord;
      if (USE_CPYTHON_AST) {
        const fe = frontEnd(path, data, true);
        if (fe.status === "error") return fe;
        co = compileAst(fe.ast, fe.src, { preOptimized: true });
      } else {
        co = compile(data, path, "exec", 0, -1);
      }
      return { status: "ok", text: disCode(co, DIS_OPTIONS) };
    } catch (e) {
      if (e instanceof FrontEndSyntaxError) return { status: "error", text: `${e.kind}: ${e.msg} (${e.lineno}, ${e.offset})\n` };
      if (e instanceof ParserStackOverflow) return { status: "error", text: `MemoryError: ${e.msg}\n` };
      throw e;
    }
  },
};
