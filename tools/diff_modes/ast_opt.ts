// The "ast_opt" differential mode: Typhon's parser + src/compiler/ast_opt.ts against the AST CPython's compile()
// hands to its symbol table (PyCF_OPTIMIZED_AST, optimize level 0); constants printed as the code mode prints them.
import type { DiffMode } from "./mode.js";
import { NODE_INFO, type AST } from "../../src/ast/nodes.js";
import { reprStr } from "../../src/ast/constant.js";
import { parse } from "../../src/parser/parser.js";
import { _PyAST_Optimize } from "../../src/compiler/ast_opt.js";
import { _PyFuture_FromAST } from "../../src/compiler/future.js";
import type { ConstValue } from "../../src/compiler/consts.js";
import { FrontEndSyntaxError } from "../../src/parser/errors.js";
import { constRepr } from "./code.js";

function dumpNode(node: AST): string {
  const parts: string[] = [];
  const info = NODE_INFO[node.kind];
  const rec = node as unknown as { readonly [k: string]: unknown };
  const constantLike = node.kind === "Constant" || node.kind === "MatchSingleton";
  for (let i = 0; i < info.fields.length; i++) {
    const value = rec[info.props[i]!];
    if (value === null && info.shapes[i] === "opt") continue;
    if (!constantLike && (value === null || (Array.isArray(value) && value.length === 0))) continue;
    const isConst = constantLike && info.fields[i] === "value";
    parts.push(`${info.fields[i]}=${isConst ? constRepr(value as ConstValue) : dumpValue(value)}`);
  }
  if (info.located) for (const a of ["lineno", "col_offset", "end_lineno", "end_col_offset"]) parts.push(`${a}=${String(rec[a])}`);
  return `${node.kind}(${parts.join(", ")})`;
}

function dumpValue(v: unknown): string {
  if (v === null) return "None";
  if (typeof v === "string") return reprStr(v);
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return "[" + v.map(dumpValue).join(", ") + "]";
  return dumpNode(v as AST);
}

export const mode: DiffMode = {
  name: "ast_opt",
  cpythonScript: "tools/diff_modes/ast_opt.py",
  typhon(path, data) {
    try {
      const m = parse(data, path, "exec");
      const future = _PyFuture_FromAST(m, { filename: path, text: null });
      _PyAST_Optimize(m, 0, future.ff_features);
      return { status: "ok", text: dumpNode(m) + "\n" };
    } catch (e) {
      if (e instanceof FrontEndSyntaxError) {
        const where = (e.lineno ?? -1) >= 0 ? ` (${path.slice(path.lastIndexOf("/") + 1)}, line ${e.lineno})` : "";
        return { status: "error", text: `${e.kind}: ${e.msg}${where}\n` };
      }
      throw e;
    }
  },
};
