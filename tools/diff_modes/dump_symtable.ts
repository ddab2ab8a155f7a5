// The "dump_symtable" differential mode: `typhon --dump-symtable FILE` exactly as the command runs it (Typhon's own
// parser, then the symbol table) against tools/symtable_dump.py over CPython's _symtable. The "symtable" mode feeds
// CPython's AST instead, to separate symbol-table differences from front-end ones. See docs/compiler.md.
import type { DiffMode } from "./mode.js";
import { dumpSymtableSource } from "../../src/debug/dump_symtable.js";
import { FrontEndSyntaxError } from "../../src/parser/errors.js";
import { ParserStackOverflow } from "../../src/parser/pegen.js";

export const mode: DiffMode = {
  name: "dump_symtable",
  cpythonScript: "tools/diff_modes/symtable.py",
  typhon(path, data) {
    try {
      return { status: "ok", text: dumpSymtableSource(path, data) };
    } catch (e) {
      if (e instanceof FrontEndSyntaxError) return { status: "error", text: `SyntaxError: ${e.msg} (${e.lineno}, ${e.offset})\n` };
      if (e instanceof ParserStackOverflow) return { status: "error", text: `MemoryError: ${e.msg}\n` };
      throw e;
    }
  },
};
