// Typhon's _sre beside CPython's on the same code words (../shared/bench/regex.py's patterns over its log text,
// unicode and backtracking cases; workloads from bench/sre.py), checksums compared. `npm run bench:sre [-- R]`: times
// (CPython; Typhon with the per-call str conversion; engine alone). `-- --instructions`: user-space instruction
// counts (perf stat, node --single-threaded), which a loaded machine hardly moves. See docs/sre.md.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  _sre_compile, _sre_template, pattern_match, pattern_search, pattern_findall, pattern_split, pattern_subx,
  SreScanner, sre_chars_from_string, sre_string_slice, type SrePattern, type SRE_CHARS, type SubFilter,
} from "../src/modules/_sre/sre.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const mode = process.argv[2] === "--one" || process.argv[2] === "--instructions" ? process.argv[2] : "time";
const repeat = mode === "time" ? Number(process.argv[2] ?? 5) : 5;
const PY_ENV = { ...process.env, PYENV_VERSION: process.env.PYENV_VERSION ?? "3.13.0" };

interface Workload {
  name: string;
  op: "match_each" | "search_each" | "findall" | "finditer" | "sub" | "split";
  code: number[];
  groups: number;
  flags: number;
  subject: string | string[];
  template: (string | number)[] | null;
  checksum: number;
  seconds: number;
}

function workloadsFromPython(arg: string): Workload[] {
  const py = spawnSync("python3.13", [resolve(ROOT, "bench/sre.py"), arg], { env: PY_ENV, maxBuffer: 1 << 28 });
  if (py.status !== 0) {
    console.error(`bench/sre.py failed (CPython 3.13 is needed):\n${py.stderr}`);
    process.exit(1);
  }
  return JSON.parse(py.stdout.toString("utf8")) as Workload[];
}

/** One run; `conv` converts a subject (per call when measuring the binding's cost, memoized for the engine alone). */
function run(w: Workload, p: SrePattern, conv: (s: string) => SRE_CHARS): number {
  let acc = 0;
  // slices as the binding makes them: from the JS string itself when it has no astral characters
  const slicer = (s: SRE_CHARS, text: string) => (i: number, j: number): string =>
    (s.length === text.length ? text.slice(i, j) : sre_string_slice(s, i, j));
  switch (w.op) {
    case "match_each":
    case "search_each":
      for (const line of w.subject as string[]) {
        const s = conv(line);
        const m = w.op === "match_each" ? pattern_match(p, s, false) : pattern_search(p, s, false);
        if (m) acc += m.mark[1]! + (m.lastindex < 0 ? 0 : m.lastindex);
      }
      break;
    case "findall": {
      const s = conv(w.subject as string);
      acc = pattern_findall(p, s, false, 0, Number.MAX_SAFE_INTEGER, slicer(s, w.subject as string)).length;
      break;
    }
    case "finditer": {
      const s = conv(w.subject as string);
      const sc = new SreScanner(p, s, false, 0, Number.MAX_SAFE_INTEGER);
      for (let m = sc.search(); m !== null; m = sc.search()) acc += m.mark[1]!;
      break;
    }
    case "sub": {
      const s = conv(w.subject as string);
      const t = w.template!;
      const filter: SubFilter<string> = t.length === 1
        ? { kind: "literal", value: t[0] as string }
        : { kind: "template", template: _sre_template<string>(t, (x) => x.length === 0) };
      acc = pattern_subx(p, filter, s, false, 0, slicer(s, w.subject as string)).pieces.join("").length;
      break;
    }
    case "split": {
      const s = conv(w.subject as string);
      acc = pattern_split(p, s, false, 0, slicer(s, w.subject as string), null).length;
      break;
    }
    default:
      w.op satisfies never;
  }
  return acc;
}

function best(f: () => number): { ms: number; acc: number } {
  let acc = f();
  let ms = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    acc = f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, acc };
}

/** `--one FILE NAME N`: run workload NAME of the dumped FILE N times (what --instructions measures). */
function one(): void {
  const [file, name, n] = process.argv.slice(3);
  const w = (JSON.parse(readFileSync(file!, "utf8")) as Workload[]).find((x) => x.name === name)!;
  const p = _sre_compile(w.code, w.groups, w.flags, 0);
  for (let i = 0; i < Number(n); i++) run(w, p, sre_chars_from_string);
}

/** User-space instructions of `argv` (perf stat), or NaN if it failed (e.g. dist/ rebuilt under it). */
function instructions(argv: string[], env: NodeJS.ProcessEnv): number {
  const r = spawnSync("perf", ["stat", "-x,", "-e", "instructions:u", ...argv], { env, maxBuffer: 1 << 26 });
  if (r.status !== 0) return NaN;
  const line = r.stderr.toString("utf8").split("\n").find((l) => l.includes("instructions"));
  return line === undefined ? NaN : Number(line.split(",")[0]);
}

/** `--instructions`: per-repetition instruction counts, Typhon (node --single-threaded) beside CPython. */
function instructionTable(): void {
  const dir = mkdtempSync(join(tmpdir(), "sre-bench-"));
  const file = join(dir, "workloads.json");
  const ws = workloadsFromPython("--dump");
  writeFileSync(file, JSON.stringify(ws));
  const self = fileURLToPath(import.meta.url);
  const N = 61;
  // the least of two counts at 1 and at N runs: a late optimization or a GC can add a few million to either
  const least = (argv: string[], env: NodeJS.ProcessEnv): number => {
    const counts: number[] = [];
    for (let k = 0; k < 4 && counts.length < 2; k++) {
      const c = instructions(argv, env);
      if (!Number.isNaN(c)) counts.push(c);
    }
    return counts.length === 0 ? NaN : Math.min(...counts);
  };
  const per = (argv: (n: number) => string[], env: NodeJS.ProcessEnv): number =>
    (least(argv(N), env) - least(argv(1), env)) / (N - 1) / 1e6;
  console.log(`${"workload".padEnd(34)} ${"CPython".padStart(9)} ${"Typhon".padStart(9)} ${"ratio".padStart(7)}   ` +
    `(million instructions per run)`);
  let logSum = 0;
  let counted = 0;
  for (const w of ws) {
    const py = per((n) => ["python3.13", resolve(ROOT, "bench/sre.py"), "--one", w.name, String(n)], PY_ENV);
    const ty = per((n) => [process.execPath, "--single-threaded", self, "--one", file, w.name, String(n)], process.env);
    const ok = ty > 0 && py > 0;
    if (ok) {
      logSum += Math.log(ty / py);
      counted++;
    }
    console.log(`${w.name.padEnd(34)} ${py.toFixed(1).padStart(9)} ${ty.toFixed(1).padStart(9)} ` +
      `${ok ? `${(ty / py).toFixed(2).padStart(6)}x` : "    n/a"}`);
  }
  console.log(`${"geometric mean".padEnd(34)} ${"".padStart(19)} ${Math.exp(logSum / counted).toFixed(2).padStart(6)}x`);
}

if (mode === "--one") {
  one();
  process.exit(0);
}
if (mode === "--instructions") {
  instructionTable();
  process.exit(0);
}
const workloads = workloadsFromPython(String(repeat));

const fmt = (ms: number): string => ms.toFixed(2).padStart(9);
console.log(`${"workload".padEnd(34)} ${"CPython".padStart(9)} ${"Typhon".padStart(9)} ${"ratio".padStart(7)} ` +
  `${"engine".padStart(9)} ${"ratio".padStart(7)}   (ms, best of ${repeat})`);
let logSum = 0;
let logSumEngine = 0;
for (const w of workloads) {
  const p = _sre_compile(w.code, w.groups, w.flags, 0);
  const memo = new Map<string, SRE_CHARS>();
  const cached = (s: string): SRE_CHARS => {
    let c = memo.get(s);
    if (c === undefined) { c = sre_chars_from_string(s); memo.set(s, c); }
    return c;
  };
  const full = best(() => run(w, p, sre_chars_from_string));
  const engine = best(() => run(w, p, cached));
  const cms = w.seconds * 1000;
  const mark = full.acc === w.checksum && engine.acc === w.checksum ? "" : `  CHECKSUM ${full.acc} != ${w.checksum}`;
  logSum += Math.log(full.ms / cms);
  logSumEngine += Math.log(engine.ms / cms);
  console.log(`${w.name.padEnd(34)} ${fmt(cms)} ${fmt(full.ms)} ${(full.ms / cms).toFixed(2).padStart(6)}x ` +
    `${fmt(engine.ms)} ${(engine.ms / cms).toFixed(2).padStart(6)}x${mark}`);
}
console.log(`${"geometric mean".padEnd(34)} ${"".padStart(9)} ${"".padStart(9)} ` +
  `${Math.exp(logSum / workloads.length).toFixed(2).padStart(6)}x ${"".padStart(9)} ` +
  `${Math.exp(logSumEngine / workloads.length).toFixed(2).padStart(6)}x`);
