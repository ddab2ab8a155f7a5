// Development bridge: CodeRecords of CPython's own code objects, from tools/code_json.py (run with PYTHONHASHSEED=0),
// so that the dis formatter (src/debug/dump_dis.ts) can be validated without Typhon's compiler. Cached per file
// under $TMPDIR/typhon-code-cache; a missing entry exports the file's whole directory in one CPython run.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tmpdir } from "node:os";
import { CodeRecord } from "../src/compiler/code.js";
import { ConstFrozenset, ConstTuple, type ConstValue } from "../src/compiler/consts.js";
import { makeStr } from "../src/ast/constant.js";
import { decodeConstant } from "./ast_json.js";

const CACHE_DIR = process.env.TYPHON_CODE_CACHE ?? join(tmpdir(), "typhon-code-cache");
const PY_ENV = { ...process.env, PYENV_VERSION: "3.13.0", PYTHONHASHSEED: "0" };

function hexBytes(h: string): Uint8Array {
  const b = new Uint8Array(h.length / 2);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return b;
}

interface CodeJson {
  readonly co_argcount: number; readonly co_posonlyargcount: number; readonly co_kwonlyargcount: number;
  readonly co_stacksize: number; readonly co_flags: number; readonly co_code: string; readonly co_consts: unknown[];
  readonly co_names: string[]; readonly co_localsplusnames: string[]; readonly co_localspluskinds: string;
  readonly co_filename: string; readonly co_name: string; readonly co_qualname: string; readonly co_firstlineno: number;
  readonly co_linetable: string; readonly co_exceptiontable: string;
}

function decodeConst(j: unknown): ConstValue {
  if (j !== null && typeof j === "object") {
    if ("c" in j) return decodeCode((j as { c: CodeJson }).c);
    if ("u" in j) return makeStr((j as { u: number[] }).u);
    if ("t" in j) return new ConstTuple((j as { t: unknown[] }).t.map(decodeConst));
    if ("s" in j) return new ConstFrozenset((j as { s: unknown[] }).s.map(decodeConst));
  }
  return decodeConstant(j as Parameters<typeof decodeConstant>[0]) as ConstValue;
}

export function decodeCode(j: CodeJson): CodeRecord {
  return new CodeRecord({
    co_argcount: j.co_argcount, co_posonlyargcount: j.co_posonlyargcount, co_kwonlyargcount: j.co_kwonlyargcount,
    co_stacksize: j.co_stacksize, co_flags: j.co_flags, co_code: hexBytes(j.co_code),
    co_consts: j.co_consts.map(decodeConst), co_names: j.co_names, co_localsplusnames: j.co_localsplusnames,
    co_localspluskinds: hexBytes(j.co_localspluskinds), co_filename: j.co_filename, co_name: j.co_name,
    co_qualname: j.co_qualname, co_firstlineno: j.co_firstlineno, co_linetable: hexBytes(j.co_linetable),
    co_exceptiontable: hexBytes(j.co_exceptiontable),
  });
}

function cacheFile(path: string): string {
  const st = statSync(path);
  const h = createHash("sha1").update(`${path}\0${st.mtimeMs}\0${st.size}`).digest("hex");
  return join(CACHE_DIR, h + ".json");
}

/** Export many files with one CPython process per 200 files. */
export function warmCodeCache(files: readonly string[]): void {
  mkdirSync(CACHE_DIR, { recursive: true });
  const todo = files.filter((f) => !existsSync(cacheFile(f)));
  for (let i = 0; i < todo.length; i += 200) {
    const chunk = todo.slice(i, i + 200);
    const out = execFileSync("python3.13", [join(dirname(new URL(import.meta.url).pathname), "..", "..", "tools", "code_json.py"), "-"], {
      input: chunk.join("\n") + "\n", env: PY_ENV, maxBuffer: 1 << 30, encoding: "utf8",
    });
    const lines = out.split("\n");
    chunk.forEach((f, k) => writeFileSync(cacheFile(f), lines[k]!));
  }
}

/** CPython's code object of one file, or the error it reports (as tools/diff_modes/dis.py prints it). */
export function cpythonCodeCached(path: string): CodeRecord | { readonly error: string } {
  const cf = cacheFile(path);
  if (!existsSync(cf)) {
    const dir = dirname(path);
    let siblings: string[] = [];
    try {
      siblings = readdirSync(dir).filter((n) => n.endsWith(".py")).map((n) => join(dir, n));
    } catch {
      siblings = [];
    }
    warmCodeCache(siblings.includes(path) ? siblings : [path, ...siblings]);
  }
  const j = JSON.parse(readFileSync(cf, "utf8")) as { c: CodeJson } | { e: string };
  return "e" in j ? { error: j.e } : decodeCode(j.c);
}
