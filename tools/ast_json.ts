// Development bridge: build src/ast/nodes.ts trees from the JSON that tools/ast_json.py exports from CPython's own
// parser, so the compiler can be tested and diffed before Typhon's parser is reliable. See docs/compiler.md.
import { execFileSync } from "node:child_process";
import { NODE_INFO, type AST, type ASTKind, type mod } from "../src/ast/nodes.js";
import { PyBytes, PyComplex, PyEllipsis, type ConstantValue } from "../src/ast/constant.js";
import { ConstFrozenset, ConstTuple } from "../src/compiler/consts.js";

/** JSON value as exported by tools/ast_json.py. */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function pyFloat(r: string): number {
  if (r === "inf") return Infinity;
  if (r === "-inf") return -Infinity;
  if (r === "nan" || r === "-nan") return NaN;
  return Number(r);
}

function hexBytes(h: string): Uint8Array {
  const b = new Uint8Array(h.length / 2);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return b;
}

/** A constant value (tuples/frozensets appear only in optimized ASTs; they decode to arrays tagged by kind). */
export function decodeConstant(j: Json): ConstantValue {
  if (j === null || typeof j === "boolean" || typeof j === "string") return j;
  if (typeof j === "number") throw new Error("bare number in constant position");
  if (Array.isArray(j)) throw new Error("bare array in constant position");
  if ("i" in j) return BigInt(j["i"] as string);
  if ("f" in j) return pyFloat(j["f"] as string);
  if ("j" in j) {
    const [re, im] = j["j"] as string[];
    return new PyComplex(pyFloat(re!), pyFloat(im!));
  }
  if ("b" in j) return new PyBytes(hexBytes(j["b"] as string));
  if ("e" in j) return PyEllipsis;
  // Tuple / frozenset constants (optimized AST only): the compiler's constant tuples. The AST type has no such member,
  // so the value is cast; only the compiler (which accepts ConstValue) ever sees these.
  if ("t" in j) return new ConstTuple((j["t"] as Json[]).map(decodeConstant)) as unknown as ConstantValue;
  if ("s" in j) return new ConstFrozenset((j["s"] as Json[]).map(decodeConstant)) as unknown as ConstantValue;
  throw new Error("unknown constant encoding " + JSON.stringify(j));
}

function decode(j: Json): unknown {
  if (j === null || typeof j !== "object") return j;
  if (Array.isArray(j)) return j.map(decode);
  const kind = j["_"] as ASTKind;
  const info = NODE_INFO[kind];
  if (info === undefined) throw new Error(`unknown node kind ${String(kind)}`);
  const a = (j["a"] ?? []) as Json[];
  const node: Record<string, unknown> = { kind };
  if (info.fields.length === 0 && !info.located) return frozenSingleton(kind);
  for (let i = 0; i < info.props.length; i++) {
    const prop = info.props[i]!;
    node[prop] = (kind === "Constant" || kind === "MatchSingleton") && prop === "value" ? decodeConstant(a[i]!) : decode(a[i] ?? null);
  }
  const p = j["p"] as number[] | undefined;
  if (p !== undefined) {
    node["lineno"] = p[0];
    node["col_offset"] = p[1];
    node["end_lineno"] = p[2];
    node["end_col_offset"] = p[3];
  }
  return node;
}

const singletons = new Map<string, unknown>();
function frozenSingleton(kind: string): unknown {
  let s = singletons.get(kind);
  if (s === undefined) {
    s = Object.freeze({ kind });
    singletons.set(kind, s);
  }
  return s;
}

/** Build a module AST from one JSON document; null when CPython could not parse the file. */
export function astFromJson(text: string): mod | null {
  const j = JSON.parse(text) as Json;
  if (j === null) return null;
  return decode(j) as mod;
}

export function astFromJsonValue(j: unknown): AST | null {
  return j === null ? null : (decode(j as Json) as AST);
}

const PY_ENV = { ...process.env, PYENV_VERSION: "3.13.0" };

/** Run tools/ast_json.py over files (CPython 3.13 needed); returns one AST (or null) per file. */
export function cpythonAsts(files: readonly string[], optimized = false): (mod | null)[] {
  if (files.length === 0) return [];
  const args = ["tools/ast_json.py", ...(optimized ? ["--optimized"] : []), "-"];
  const out = execFileSync("python3.13", args, {
    input: files.join("\n") + "\n", env: PY_ENV, maxBuffer: 1 << 30, encoding: "utf8",
  });
  const lines = out.split("\n");
  return files.map((_, i) => astFromJson(lines[i]!));
}

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const CACHE_DIR = process.env.TYPHON_AST_CACHE ?? join(tmpdir(), "typhon-ast-cache");

function cacheFile(path: string, optimized: boolean): string {
  const st = statSync(path);
  const h = createHash("sha1").update(`${path}\0${st.mtimeMs}\0${st.size}\0${optimized ? 1 : 0}`).digest("hex");
  return join(CACHE_DIR, h + ".json");
}

/** Write the cache entries of many files with one CPython process (tools/ast_json.py --cache). */
export function warmAstCache(files: readonly string[], optimized = false): void {
  mkdirSync(CACHE_DIR, { recursive: true });
  const todo = files.filter((f) => !existsSync(cacheFile(f, optimized)));
  for (let i = 0; i < todo.length; i += 200) {
    const chunk = todo.slice(i, i + 200);
    const out = execFileSync("python3.13", ["tools/ast_json.py", ...(optimized ? ["--optimized"] : []), "-"], {
      input: chunk.join("\n") + "\n", env: PY_ENV, maxBuffer: 1 << 30, encoding: "utf8",
    });
    const lines = out.split("\n");
    chunk.forEach((f, k) => writeFileSync(cacheFile(f, optimized), lines[k]!));
  }
}

/** CPython's AST of one file through the cache (one CPython run per missing file). */
export function cpythonAstCached(path: string, optimized = false): mod | null {
  const cf = cacheFile(path, optimized);
  if (!existsSync(cf)) warmAstCache([path], optimized);
  return astFromJson(readFileSync(cf, "utf8"));
}
