// The "ast" differential mode: `typhon --dump-ast FILE` against CPython's ast.dump(ast.parse(...),
// include_attributes=True); a syntax error is compared as "Kind: msg (lineno, offset, end_lineno, end_offset)".
import type { DiffMode } from "./mode.js";
import { dumpAst } from "../../src/debug/dump_ast.js";
import { FrontEndError, FrontEndSyntaxError, pyField } from "../../src/parser/errors.js";
import { ParserStackOverflow } from "../../src/parser/pegen.js";

export const mode: DiffMode = {
  name: "ast",
  cpythonScript: "tools/diff_modes/ast.py",
  typhon(path, data) {
    try {
      return { status: "ok", text: dumpAst(path, data) + "\n" };
    } catch (e) {
      if (e instanceof FrontEndSyntaxError) {
        const f = [e.lineno, e.offset, e.end_lineno, e.end_offset].map(pyField).join(", ");
        return { status: "error", text: `${e.kind}: ${e.msg} (${f})\n` };
      }
      if (e instanceof FrontEndError) return { status: "error", text: `${e.kind}: ${e.msg}\n` };
      if (e instanceof ParserStackOverflow) return { status: "error", text: `MemoryError: ${e.msg}\n` };
      throw e;
    }
  },
};
