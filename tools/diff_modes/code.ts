// The "code" differential mode: every field of every code object, recursively through co_consts, as a canonical
// text dump ("<qualname>.<field>: value"), against CPython's compile(). Typhon's parser and ast_opt by default;
// TYPHON_AST=cpython feeds CPython's optimized AST (tools/ast_json.py --optimized) instead, to bisect. docs/compiler.md.
import type { DiffMode } from "./mode.js";
import { frontEnd } from "./compiler_input.js";
import { compile, compileAst } from "../../src/compiler/compile.js";
import { CodeRecord } from "../../src/compiler/code.js";
import { ConstFrozenset, ConstTuple, reprConst, type ConstValue } from "../../src/compiler/consts.js";
import { FrontEndSyntaxError } from "../../src/parser/errors.js";
import { ParserStackOverflow } from "../../src/parser/pegen.js";

const USE_CPYTHON_AST = process.env.TYPHON_AST === "cpython";
/** TYPHON_OPTIMIZE=1 or 2: compile at that optimization level on both sides (the bridge stays at level 0). */
const OPTIMIZE = Number(process.env.TYPHON_OPTIMIZE ?? "0");
/** TYPHON_CODE_KINDS=1: also co_localspluskinds (see code.py; off by default, as in the golden fixtures). */
const KINDS = process.env.TYPHON_CODE_KINDS === "1";

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

export function constRepr(v: ConstValue): string {
  if (v instanceof CodeRecord) return `<code ${v.co_qualname}>`;
  if (v instanceof ConstTuple) return "(" + v.items.map(constRepr).join(", ") + (v.items.length === 1 ? "," : "") + ")";
  if (v instanceof ConstFrozenset) {
    return v.items.length === 0 ? "frozenset()" : "frozenset({" + v.items.map(constRepr).sort().join(", ") + "})";
  }
  return reprConst(v);
}

export function dumpCode(co: CodeRecord, out: string[]): void {
  const q = co.co_qualname;
  const f = (name: string, v: string | number): void => {
    out.push(`${q}.${name}: ${v}`);
  };
  f("co_argcount", co.co_argcount);
  f("co_posonlyargcount", co.co_posonlyargcount);
  f("co_kwonlyargcount", co.co_kwonlyargcount);
  f("co_nlocals", co.co_nlocals);
  f("co_stacksize", co.co_stacksize);
  f("co_flags", co.co_flags);
  f("co_firstlineno", co.co_firstlineno);
  f("co_name", co.co_name);
  f("co_qualname", co.co_qualname);
  f("co_code", hex(co.co_code));
  f("co_consts", "[" + co.co_consts.map(constRepr).join(", ") + "]");
  f("co_names", co.co_names.join(" "));
  f("co_varnames", co.co_varnames.join(" "));
  f("co_cellvars", co.co_cellvars.join(" "));
  f("co_freevars", co.co_freevars.join(" "));
  f("co_linetable", hex(co.co_linetable));
  f("co_exceptiontable", hex(co.co_exceptiontable));
  if (KINDS) f("co_localspluskinds", hex(co.co_localspluskinds));
  for (const c of co.co_consts) if (c instanceof CodeRecord) dumpCode(c, out);
}

export const mode: DiffMode = {
  name: "code",
  cpythonScript: "tools/diff_modes/code.py",
  typhon(path, data) {
    try {
      let co: CodeRecord;
      if (USE_CPYTHON_AST) {
        const fe = frontEnd(path, data, true);
        if (fe.status === "error") return fe;
        co = compileAst(fe.ast, fe.src, { preOptimized: true });
      } else {
        co = compile(data, path, "exec", 0, OPTIMIZE);
      }
      const out: string[] = [];
      dumpCode(co, out);
      return { status: "ok", text: out.join("\n") + "\n" };
    } catch (e) {
      if (e instanceof FrontEndSyntaxError) {
        // str(SyntaxError): "msg (basename, line N)" when both are known.
        const where = (e.lineno ?? -1) >= 0 ? ` (${path.slice(path.lastIndexOf("/") + 1)}, line ${e.lineno})` : "";
        return { status: "error", text: `${e.kind}: ${e.msg}${where}\n` };
      }
      if (e instanceof ParserStackOverflow) return { status: "error", text: `MemoryError: ${e.msg}\n` };
      throw e;
    }
  },
};
