// The "ast_type_comments" differential mode: the "ast" mode with type comments on (Typhon's parse option
// typeComments against ast.parse(..., type_comments=True)), so TYPE_COMMENT/TYPE_IGNORE are checked over all of Lib.
import type { DiffMode } from "./mode.js";
import { dumpNode } from "../../src/debug/dump_ast.js";
import { parse } from "../../src/parser/parser.js";
import { FrontEndError, FrontEndSyntaxError, pyField } from "../../src/parser/errors.js";
import { ParserStackOverflow } from "../../src/parser/pegen.js";

export const mode: DiffMode = {
  name: "ast_type_comments",
  cpythonScript: "tools/diff_modes/ast_type_comments.py",
  typhon(path, data) {
    try {
      return { status: "ok", text: dumpNode(parse(data, path, "exec", { typeComments: true, sourceIsFile: true }), true) + "\n" };
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
