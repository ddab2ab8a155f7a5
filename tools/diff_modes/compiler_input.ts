// Shared input of the compiler's differential modes: source text and AST of a file, from CPython's parser through
// tools/ast_json.py (default, while Typhon's parser matures) or from Typhon's parser (TYPHON_AST=typhon).
import type { mod } from "../../src/ast/nodes.js";
import type { CompileSource } from "../../src/compiler/errors.js";
import { cpythonAstCached } from "../ast_json.js";

export type FrontEnd =
  | { readonly status: "ok"; readonly ast: mod; readonly src: CompileSource }
  | { readonly status: "error"; readonly text: string };

export function frontEnd(path: string, data: Uint8Array, optimized: boolean): FrontEnd {
  let text: string | null;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    text = null;
  }
  const ast = cpythonAstCached(path, optimized);
  if (ast === null) return { status: "error", text: "front end rejected the file\n" };
  return { status: "ok", ast, src: { filename: path, text } };
}
