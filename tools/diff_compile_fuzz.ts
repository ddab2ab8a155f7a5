// Differential fuzzing of the whole compiler: seeded mutations of snippets of CPython's Lib (lines dropped,
// duplicated, re-indented, and statements that trigger compile-time errors inserted) compiled by CPython 3.13
// (tools/diff_compile_fuzz.py, one process) and by Typhon's compile(), in modes exec and single; every code-object
// field or the SyntaxError's six fields must agree. Usage: node dist/tools/diff_compile_fuzz.js [--seed N] [--count N]
// [--limit N]. See docs/compiler.md.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { compile } from "../src/compiler/compile.js";
import { FrontEndSyntaxError } from "../src/parser/errors.js";
import { dumpCode } from "./diff_modes/code.js";

const HERE = dirname(fileURLToPath(import.meta.url)); // dist/tools
const ROOT = resolve(HERE, "..", "..");
const PY_ENV = { ...process.env, PYENV_VERSION: "3.13.0" };

// Statements that exercise the compiler's own errors and rarer code paths.
const INSERTS = [
  "return x", "yield", "await x", "break", "continue", "nonlocal q", "global q", "del x", "x: int = 1",
  "async with a: pass", "async for a in b: pass", "def g(): yield from x", "class C: return", "[await z async for z in y]",
  "lambda: (yield)", "__debug__ = 1", "f(**a, *b)", "f(a=1, a=2)", "def h(a, a): pass", "nonlocal x",
  "from __future__ import braces", "try:\n    pass\nexcept* E:\n    break", "match x:\n    case a:\n        pass\n    case b:\n        pass",
  "match x:\n    case {1: a, 1: b}: pass", "match x:\n    case [a, *b, *c]: pass", "match x:\n    case a | b: pass",
  "def f[T](x=T): pass", "type X[T] = T", "class C[T](T): pass", "async def f(): yield from x",
  "async def f():\n    return [x for x in y if await x]", "def f():\n    x = 1\n    global x", "def f(x):\n    global x",
  "while x:\n    try:\n        continue\n    finally:\n        break", "with a as (b, c), d: e = [f for f in b]",
];

interface Outcome { ok?: string; err?: unknown[]; other?: string }

function libFiles(): string[] {
  const root = execFileSync("python3.13", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], {
    env: PY_ENV, encoding: "utf8",
  }).trim();
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      if (n === "__pycache__" || n === "site-packages") continue;
      const p = join(d, n);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (n.endsWith(".py")) out.push(p);
    }
  };
  walk(root);
  return out;
}

function mutate(files: string[], rnd: () => number): string {
  const text = readFileSync(files[Math.floor(rnd() * files.length)]!, "latin1");
  const lines = text.split("\n");
  const start = Math.floor(rnd() * lines.length);
  let chunk = lines.slice(start, start + 1 + Math.floor(rnd() * 40));
  const indents = chunk.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)![0].length);
  const ind = indents.length > 0 ? Math.min(...indents) : 0;
  chunk = chunk.map((l) => l.slice(Math.min(ind, /^ */.exec(l)![0].length)));
  const m = Math.floor(rnd() * 3);
  for (let j = 0; j < m; j++) {
    const i = Math.floor(rnd() * chunk.length);
    const r = rnd();
    if (r < 0.25) chunk.splice(i, 1);
    else if (r < 0.5) chunk.splice(i, 0, chunk[Math.floor(rnd() * chunk.length)] ?? "");
    else if (r < 0.6) chunk[i] = "    " + (chunk[i] ?? "");
    else {
      const pre = /^ */.exec(chunk[i] ?? "")![0];
      chunk.splice(i, 0, ...INSERTS[Math.floor(rnd() * INSERTS.length)]!.split("\n").map((l) => pre + l));
    }
  }
  return chunk.join("\n") + "\n";
}

function typhon(src: string, mode: "exec" | "single"): Outcome {
  try {
    const out: string[] = [];
    dumpCode(compile(src, "<fuzz>", mode), out);
    return { ok: out.join("\n") };
  } catch (e) {
    if (e instanceof FrontEndSyntaxError) return { err: [e.kind, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset] };
    return { other: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  let seed = 1, count = 2000, limit = 10;
  while (argv.length) {
    const a = argv.shift()!;
    if (a === "--seed") seed = Number(argv.shift());
    else if (a === "--count") count = Number(argv.shift());
    else if (a === "--limit") limit = Number(argv.shift());
  }
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const files = libFiles();
  const cases: { src: string; mode: "exec" | "single" }[] = [];
  for (let i = 0; i < count; i++) cases.push({ src: mutate(files, rnd), mode: rnd() < 0.2 ? "single" : "exec" });
  const expected = execFileSync("python3.13", [join(ROOT, "tools", "diff_compile_fuzz.py")], {
    env: PY_ENV, input: cases.map((c) => JSON.stringify(c)).join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 30,
  }).trim().split("\n").map((l) => JSON.parse(l) as Outcome);
  let same = 0, shown = 0, skipped = 0;
  for (let i = 0; i < cases.length; i++) {
    const exp = expected[i]!;
    if (exp.other !== undefined) { skipped++; continue; } // CPython raised something other than SyntaxError
    const got = typhon(cases[i]!.src, cases[i]!.mode);
    const a = JSON.stringify(exp.ok ?? exp.err), b = JSON.stringify(got.ok ?? got.err ?? got.other);
    if (a === b) { same++; continue; }
    if (shown++ < limit) {
      const al = (exp.ok ?? JSON.stringify(exp.err)).split("\n"), bl = (got.ok ?? JSON.stringify(got.err ?? got.other)).split("\n");
      let j = 0;
      while (al[j] === bl[j]) j++;
      process.stdout.write(`DIFF case ${i} (${cases[i]!.mode}):\n${cases[i]!.src}\n  expected: ${al[j]}\n  got:      ${bl[j]}\n`);
    }
  }
  const n = cases.length - skipped;
  process.stdout.write(`seed ${seed}: ${count} cases (${skipped} skipped: CPython raised another error); identical: ${same}/${n}\n`);
  process.exit(same === n ? 0 : 1);
}

main();
