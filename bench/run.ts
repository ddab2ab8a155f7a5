// The benchmark runner: every program of ../shared/bench and bench/programs, run under Typhon and CPython 3.13
// side by side in one run, checksums compared, medians of --repeat runs, ratios Typhon/CPython and their geometric
// mean. `npm run bench -- [--repeat R] [--n FACTOR] [--timeout S] [--python CMD] [--shared DIR] [--typhon CMD] [NAME ...]`.
// See docs/testing.md ("Benchmarks").
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cpythonExecutable } from "./cpython.js";

/** The repository root (this file runs as dist/bench/run.js). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface BenchProgram {
  readonly name: string;
  readonly path: string;
  /** The program's own default work size, from its `DEFAULT_N = ...` line. */
  readonly defaultN: number;
}

interface RunResult {
  readonly ok: boolean;
  readonly seconds: number;
  readonly stdout: string;
  /** Why the run failed ("" when it did not). */
  readonly error: string;
}

export interface Options {
  repeat: number;
  n: number;
  timeoutS: number;
  python: string[];
  shared: string;
  /** The command that runs Typhon (default: node bin/typhon.js); another VM can stand in to check the runner. */
  typhon: string[];
  names: string[];
}

/** The programs: ../shared/bench/*.py (by path, never copied) then bench/programs/*.py, each sorted by name. */
export function findPrograms(sharedDir: string): BenchProgram[] {
  const out: BenchProgram[] = [];
  for (const dir of [sharedDir, join(ROOT, "bench", "programs")]) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".py")).sort()) {
      const path = join(dir, file);
      const m = /^DEFAULT_N\s*=\s*(\d+)/m.exec(readFileSync(path, "utf8"));
      out.push({ name: basename(file, ".py"), path, defaultN: m ? Number(m[1]) : 1 });
    }
  }
  return out;
}

/** The work argument for a program under `--n FACTOR`: its default scaled, at least 1. */
export function scaledN(p: BenchProgram, factor: number): number {
  return Math.max(1, Math.round(p.defaultN * factor));
}

function runOnce(argv: readonly string[], timeoutS: number): RunResult {
  const env = { ...process.env, PYTHONHASHSEED: "0", PYENV_VERSION: process.env.PYENV_VERSION ?? "3.13.0" };
  const t0 = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, env, encoding: "utf8", timeout: timeoutS * 1000, maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.error !== undefined) {
    const timedOut = (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT";
    return { ok: false, seconds, stdout: r.stdout ?? "", error: timedOut ? `timed out after ${timeoutS}s` : r.error.message };
  }
  if (r.status !== 0) {
    const firstLine = (r.stderr ?? "").trim().split("\n").pop() ?? "";
    return { ok: false, seconds, stdout: r.stdout, error: `exit ${r.status ?? r.signal}: ${firstLine.slice(0, 120)}` };
  }
  return { ok: true, seconds, stdout: r.stdout, error: "" };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The geometric mean of positive ratios (NaN for none). */
export function geometricMean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { repeat: 3, n: 1, timeoutS: 600, python: [cpythonExecutable()], shared: resolve(ROOT, "..", "shared", "bench"),
    typhon: [join(ROOT, "bin", "typhon.js")], names: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--repeat") o.repeat = Math.max(1, Number(next()));
    else if (a === "--n") o.n = Number(next());
    else if (a === "--timeout") o.timeoutS = Number(next());
    else if (a === "--python") o.python = next().split(" ");
    else if (a === "--shared") o.shared = resolve(next());
    else if (a === "--typhon") o.typhon = next().split(" ");
    else if (a.startsWith("-")) throw new Error(`unknown option ${a}`);
    else o.names.push(a);
  }
  return o;
}

const fmt = (s: number): string => `${s.toFixed(3)}s`;

function main(argv: readonly string[]): number {
  const o = parseArgs(argv);
  let programs = findPrograms(o.shared);
  if (o.names.length) programs = programs.filter((p) => o.names.some((n) => p.name.includes(n)));
  if (programs.length === 0) { console.error(`no benchmark programs (looked in ${o.shared} and bench/programs)`); return 2; }
  const probe = runOnce([...o.python, "-c", "import sys; print(sys.version_info[:2] == (3, 13))"], 60);
  if (!probe.ok || probe.stdout.trim() !== "True") {
    console.error(`CPython 3.13 is needed to compare with (tried: ${o.python.join(" ")}): ${probe.error || probe.stdout.trim()}`);
    return 2;
  }
  const typhon = o.typhon;
  console.log(`benchmarks: ${programs.length} programs, --repeat ${o.repeat}, --n ${o.n} (median wall time, process start included)`);
  console.log(`${"program".padEnd(18)} ${"N".padStart(6)} ${"CPython".padStart(9)} ${"Typhon".padStart(9)} ${"ratio".padStart(8)}  status`);
  const ratios: { name: string; ratio: number }[] = [];
  const problems: string[] = [];
  for (const p of programs) {
    const n = scaledN(p, o.n);
    const cpy: number[] = [];
    const typ: number[] = [];
    let expected = "";
    let status = "ok";
    let typhonFailed = false;
    for (let rep = 0; rep < o.repeat; rep++) {
      // CPython and Typhon alternate, so that a noisy moment on a shared machine hits both.
      const c = runOnce([...o.python, p.path, String(n)], o.timeoutS);
      if (!c.ok) { status = `CPython failed (${c.error})`; break; }
      if (rep === 0) expected = c.stdout.trim();
      cpy.push(c.seconds);
      if (typhonFailed) continue;
      const t = runOnce([...typhon, p.path, String(n)], o.timeoutS);
      if (!t.ok) { status = `Typhon failed (${t.error})`; typhonFailed = true; continue; }
      if (t.stdout.trim() !== expected) {
        status = `wrong checksum: ${JSON.stringify(t.stdout.trim().slice(0, 60))}, expected ${JSON.stringify(expected.slice(0, 60))}`;
        typhonFailed = true;
        continue;
      }
      typ.push(t.seconds);
    }
    const cs = cpy.length ? median(cpy) : NaN;
    const ts = !typhonFailed && typ.length ? median(typ) : NaN;
    const ratio = ts / cs;
    if (Number.isFinite(ratio)) ratios.push({ name: p.name, ratio });
    else problems.push(`${p.name}: ${status}`);
    console.log(`${p.name.padEnd(18)} ${String(n).padStart(6)} ${(Number.isFinite(cs) ? fmt(cs) : "-").padStart(9)} ` +
      `${(Number.isFinite(ts) ? fmt(ts) : "-").padStart(9)} ${(Number.isFinite(ratio) ? ratio.toFixed(2) + "x" : "-").padStart(8)}  ${status}`);
  }
  const gm = geometricMean(ratios.map((r) => r.ratio));
  const worst = ratios.reduce<{ name: string; ratio: number } | null>((w, r) => (w === null || r.ratio > w.ratio ? r : w), null);
  console.log(`correct checksums: ${ratios.length}/${programs.length}`);
  console.log(`geometric mean Typhon/CPython: ${Number.isFinite(gm) ? gm.toFixed(2) + "x" : "n/a"} over ${ratios.length} programs` +
    (worst ? `; worst ${worst.name} ${worst.ratio.toFixed(2)}x` : ""));
  if (problems.length) console.log(`not measured: ${problems.map((l) => l.split(":")[0]).join(", ")}`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 2;
  }
}
