// --dump-ast FILE: what `print(ast.dump(ast.parse(data, FILE), include_attributes=True))` prints in CPython 3.13.
// Follows Lib/ast.py dump(): None and [] fields are omitted (except Constant/MatchSingleton values). See docs/cli.md.
import type { Host } from "../host/host.js";
import { NODE_INFO, type AST } from "../ast/nodes.js";
import { reprConstant, reprStr, type ConstantValue } from "../ast/constant.js";
import { parse } from "../parser/parser.js";

const ATTRS = ["lineno", "col_offset", "end_lineno", "end_col_offset"] as const;

/** ast.dump(node, include_attributes=...) for a Typhon AST node. */
export function dumpNode(node: AST, includeAttributes: boolean): string {
  const parts: string[] = [];
  const info = NODE_INFO[node.kind];
  const rec = node as unknown as { readonly [k: string]: unknown };
  const constantLike = node.kind === "Constant" || node.kind === "MatchSingleton";
  for (let i = 0; i < info.fields.length; i++) {
    const value = rec[info.props[i]!];
    if (value === null && info.shapes[i] === "opt") continue;
    if (!constantLike && (value === null || (Array.isArray(value) && value.length === 0))) continue;
    parts.push(`${info.fields[i]}=${dumpValue(value, includeAttributes, constantLike && info.fields[i] === "value")}`);
  }
  if (includeAttributes && info.located) {
    for (const a of ATTRS) parts.push(`${a}=${String(rec[a])}`);
  }
  return `${node.kind}(${parts.join(", ")})`;
}

function dumpValue(v: unknown, includeAttributes: boolean, isConstant: boolean): string {
  if (isConstant) return reprConstant(v as ConstantValue);
  if (v === null) return "None";
  if (typeof v === "string") return reprStr(v);
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) {
    return "[" + v.map((x: unknown) => dumpValue(x, includeAttributes, false)).join(", ") + "]";
  }
  return dumpNode(v as AST, includeAttributes);
}

/** The --dump-ast text for a file's bytes (without the trailing newline print adds). */
export function dumpAst(filename: string, data: Uint8Array): string {
  return dumpNode(parse(data, filename, "exec", { sourceIsFile: true }), true);
}

export function dumpAstCommand(host: Host, args: readonly string[]): string {
  const filename = args[0]!;
  return dumpAst(filename, host.readFile(filename)) + "\n";
}
