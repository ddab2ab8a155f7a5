// The differential program runner: runs every tests/diff program under Typhon (from source or from CPython's .pyc)
// and compares stdout, stderr and exit status with CPython 3.13's captures (tools/capture_diff.py), with a ratchet
// over tests/diff/expected_failures.txt. `npm run diff:programs -- [--from source|pyc] [options] [PATH ...]`.
// See docs/testing.md.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { constants } from "node:os";

/** The repository root (this file runs as dist/tools/run_diff.js). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIFF_DIR = "tests/diff";
export const PYC_DIR = "tests/golden/pyc";
export const EXPECTED_FAILURES = "tests/diff/expected_failures.txt";

export type Mode = "source" | "pyc";

/** One program of the corpus and CPython's captured behaviour. */
export interface Program {
  /** Path relative to tests/diff, with forward slashes, e.g. "running/exit_int.py". */
  readonly name: string;
  readonly argv: readonly string[];
  readonly stdin: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** What Typhon did with one program. */
export interface Outcome {
  readonly name: string;
  readonly stdoutOk: boolean;
  readonly stderrOk: boolean;
  readonly statusOk: boolean;
  /** One line describing the first difference, or "" when identical. */
  readonly detail: string;
}

/** One line of the expectation list: a program (optionally for one mode only) and why it fails. */
export interface Expectation {
  readonly name: string;
  readonly mode: Mode | null;
  readonly reason: string;
}

/** Parse the `# diff-argv: [...]` and `# diff-stdin: "..."` header lines (JSON), as capture_diff.py does. */
export function programOptions(source: string): { argv: string[]; stdin: string } {
  let argv: string[] = [];
  let stdin = "";
  for (const line of source.split("\n").slice(0, 10)) {
    if (line.startsWith("# diff-argv:")) argv = JSON.parse(line.slice("# diff-argv:".length)) as string[];
    else if (line.startsWith("# diff-stdin:")) stdin = JSON.parse(line.slice("# diff-stdin:".length)) as string;
  }
  return { argv, stdin };
}

function readIfExists(path: string): string {
  return existsSync(path) ? readFileSync(path, "utf8") : "";
}

/** Every program under tests/diff (or under the given paths), sorted, with its captured expectations. */
export function loadPrograms(paths: readonly string[] = []): Program[] {
  const base = join(ROOT, DIFF_DIR);
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (entry.endsWith(".py")) files.push(p);
    }
  };
  if (paths.length === 0) walk(base);
  for (const p of paths) {
    const full = resolve(ROOT, p);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(full);
  }
  return [...new Set(files)].sort().map((file) => {
    const stem = file.slice(0, -3);
    const source = readFileSync(file, "utf8");
    const { argv, stdin } = programOptions(source);
    const statusText = readIfExists(stem + ".status").trim();
    return {
      name: relative(base, file).split(sep).join("/"),
      argv, stdin,
      stdout: readIfExists(stem + ".out"),
      stderr: readIfExists(stem + ".err"),
      status: statusText === "" ? 0 : Number(statusText),
    };
  });
}

/** Parse tests/diff/expected_failures.txt: `name[@mode]  reason`, `#` comments and blank lines ignored. */
export function parseExpectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  const seen = new Set<string>();
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const m = /^(\S+?)(?:@(source|pyc))?\s+(\S.*)$/.exec(line);
    if (m === null) throw new Error(`${EXPECTED_FAILURES}:${i + 1}: expected "program.py[@source|@pyc] reason"`);
    const key = `${m[1]}@${m[2] ?? "*"}`;
    if (seen.has(key)) throw new Error(`${EXPECTED_FAILURES}:${i + 1}: ${m[1]} is listed twice`);
    seen.add(key);
    out.push({ name: m[1], mode: (m[2] ?? null) as Mode | null, reason: m[3] });
  });
  return out;
}

export function loadExpectations(): Expectation[] {
  return parseExpectations(readIfExists(join(ROOT, EXPECTED_FAILURES)));
}

/** Replace the absolute repo root in Typhon's output, as capture_diff.py does with CPython's. */
export function normalize(text: string): string {
  return text.split(ROOT + sep).join("");
}

/** The first line where two texts differ, as `line N: expected ... got ...`. */
export function firstDifference(expected: string, actual: string): string {
  const e = expected.split("\n");
  const a = actual.split("\n");
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) {
      const show = (s: string | undefined): string => (s === undefined ? "<end>" : JSON.stringify(s.length > 100 ? s.slice(0, 100) + "..." : s));
      return `line ${i + 1}: expected ${show(e[i])}, got ${show(a[i])}`;
    }
  }
  return "";
}

/** Compare what Typhon printed with the capture. */
export function compare(p: Program, stdout: string, stderr: string, status: number | "timeout"): Outcome {
  const stdoutOk = stdout === p.stdout;
  const stderrOk = stderr === p.stderr;
  const statusOk = status === p.status;
  let detail = "";
  if (status === "timeout") detail = "timed out";
  else if (!statusOk) detail = `exit status ${status}, expected ${p.status}` + (stderr && !stderrOk ? `; stderr ${firstDifference(p.stderr, stderr)}` : "");
  else if (!stdoutOk) detail = `stdout ${firstDifference(p.stdout, stdout)}`;
  else if (!stderrOk) detail = `stderr ${firstDifference(p.stderr, stderr)}`;
  return { name: p.name, stdoutOk, stderrOk, statusOk, detail };
}

export interface RunOptions {
  readonly mode: Mode;
  readonly jobs: number;
  readonly timeoutMs: number;
  /** The command that runs Typhon: argv[0] and leading arguments (default: node bin/typhon.js). */
  readonly command?: readonly string[];
}

/** The path Typhon is given for a program in a mode: the source, or CPython's .pyc for it. */
export function programTarget(name: string, mode: Mode): string {
  return mode === "source" ? `${DIFF_DIR}/${name}` : `${PYC_DIR}/${name.slice(0, -3)}.pyc`;
}

function runOne(p: Program, opts: RunOptions): Promise<Outcome> {
  const command = opts.command ?? [process.execPath, join(ROOT, "bin", "typhon.js")];
  return new Promise((done) => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? "/usr/bin:/bin", PYTHONHASHSEED: "0", LC_ALL: "C.UTF-8" };
    const child = spawn(command[0], [...command.slice(1), programTarget(p.name, opts.mode), ...p.argv], { cwd: ROOT, env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill("SIGKILL"); }, opts.timeoutMs);
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.stdin.on("error", () => { /* the program may exit before reading its stdin */ });
    child.stdin.end(p.stdin);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // A process killed by a signal gets Python's subprocess convention, -signum (CPython ends an uncaught
      // KeyboardInterrupt by killing itself with SIGINT, so its capture holds -2).
      const status = timedOut ? "timeout" : code ?? (signal === null ? 1 : -(constants.signals[signal] ?? 0));
      done(compare(p, normalize(Buffer.concat(out).toString("utf8")), normalize(Buffer.concat(err).toString("utf8")), status));
    });
  });
}

/** Run the programs under Typhon, `jobs` at a time; results come back in the programs' order. */
export async function runPrograms(programs: readonly Program[], opts: RunOptions): Promise<Outcome[]> {
  const results: Outcome[] = new Array(programs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < programs.length) {
      const i = next++;
      results[i] = await runOne(programs[i], opts);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.jobs) }, worker));
  return results;
}

/** The ratchet's verdict over one run. */
export interface Verdict {
  readonly total: number;
  readonly stdoutStatusIdentical: number;
  readonly stderrIdentical: number;
  readonly allIdentical: number;
  /** Failing programs that the list does not name: each fails the run. */
  readonly unexpectedFailures: readonly Outcome[];
  /** Listed programs that now pass: each fails the run until its line is deleted. */
  readonly nowPassing: readonly Expectation[];
  /** Listed programs that still fail, as expected. */
  readonly expectedFailures: readonly Outcome[];
  /** Listed names that are not programs of the corpus (a typo or a removed program): each fails the run. */
  readonly unknown: readonly Expectation[];
  readonly ok: boolean;
}

/** Apply the expectation list to a run; `all` is the corpus, so entries naming no program are caught. */
export function judge(outcomes: readonly Outcome[], expectations: readonly Expectation[], mode: Mode, all: readonly string[]): Verdict {
  const known = new Set(all);
  const listed = new Map<string, Expectation>();
  for (const e of expectations) if (e.mode === null || e.mode === mode) listed.set(e.name, e);
  const unexpectedFailures: Outcome[] = [];
  const expectedFailures: Outcome[] = [];
  const nowPassing: Expectation[] = [];
  let so = 0, se = 0, both = 0;
  for (const o of outcomes) {
    const pass = o.stdoutOk && o.stderrOk && o.statusOk;
    if (o.stdoutOk && o.statusOk) so++;
    if (o.stderrOk) se++;
    if (pass) both++;
    const e = listed.get(o.name);
    if (pass && e !== undefined) nowPassing.push(e);
    else if (!pass && e === undefined) unexpectedFailures.push(o);
    else if (!pass) expectedFailures.push(o);
  }
  const unknown = expectations.filter((e) => !known.has(e.name));
  return {
    total: outcomes.length, stdoutStatusIdentical: so, stderrIdentical: se, allIdentical: both,
    unexpectedFailures, nowPassing, expectedFailures, unknown,
    ok: unexpectedFailures.length === 0 && nowPassing.length === 0 && unknown.length === 0,
  };
}

/**
 * Rewrite the expectation list after a run in one mode: lines of programs that now pass are dropped (a line for both
 * modes becomes a line for the other mode, which this run did not see), lines naming no program are dropped, and
 * failing programs are added for this mode (merged with a line for the other mode into one for both).
 */
export function updatedExpectations(expectations: readonly Expectation[], v: Verdict, mode: Mode, reason?: string): string {
  const other: Mode = mode === "source" ? "pyc" : "source";
  const passing = new Set(v.nowPassing);
  const unknown = new Set(v.unknown);
  const rows: Expectation[] = [];
  for (const e of expectations) {
    if (unknown.has(e)) continue;
    if (passing.has(e)) { if (e.mode === null) rows.push({ ...e, mode: other }); continue; }
    rows.push(e);
  }
  for (const o of v.unexpectedFailures) {
    const i = rows.findIndex((e) => e.name === o.name && e.mode === other);
    if (i >= 0) rows[i] = { ...rows[i], mode: null };
    else rows.push({ name: o.name, mode, reason: reason ?? (o.detail || "fails") });
  }
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const header = "# Programs of tests/diff that Typhon does not yet run as CPython 3.13 does: `name[@source|@pyc] reason`.\n" +
    "# A listed program that passes fails the run (the ratchet): delete its line. See docs/testing.md.\n";
  return header + rows.map((e) => `${e.name}${e.mode ? "@" + e.mode : ""}  ${e.reason}`).join("\n") + "\n";
}

export function summaryLines(v: Verdict, mode: Mode): string[] {
  return [
    `mode: from ${mode}`,
    `stdout+status identical: ${v.stdoutStatusIdentical}/${v.total}`,
    `stderr identical: ${v.stderrIdentical}/${v.total}`,
    `all identical: ${v.allIdentical}/${v.total}`,
    `expected failures: ${v.expectedFailures.length}, unexpected failures: ${v.unexpectedFailures.length}, ` +
      `listed but passing: ${v.nowPassing.length}, listed but unknown: ${v.unknown.length}`,
  ];
}

const USAGE = `usage: node dist/tools/run_diff.js [--from source|pyc] [--jobs N] [--timeout SECONDS] [--quiet]
                                   [--write-expected [--reason TEXT]] [PATH ...]`;

async function main(argv: readonly string[]): Promise<number> {
  let mode: Mode = "source";
  let jobs = 2;
  let timeoutMs = 10_000;
  let quiet = false;
  let write = false;
  let reason: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--from") {
      const v = argv[++i];
      if (v !== "source" && v !== "pyc") { console.error(USAGE); return 2; }
      mode = v;
    } else if (a === "--jobs") jobs = Number(argv[++i]);
    else if (a === "--timeout") timeoutMs = Number(argv[++i]) * 1000;
    else if (a === "--quiet") quiet = true;
    else if (a === "--write-expected") write = true;
    else if (a === "--reason") reason = argv[++i];
    else if (a === "-h" || a === "--help") { console.log(USAGE); return 0; }
    else if (a.startsWith("-")) { console.error(USAGE); return 2; }
    else paths.push(a);
  }
  const programs = loadPrograms(paths);
  const expectations = loadExpectations();
  const outcomes = await runPrograms(programs, { mode, jobs, timeoutMs });
  const all = paths.length === 0 ? programs.map((p) => p.name) : loadPrograms().map((p) => p.name);
  const v = judge(outcomes, expectations, mode, all);
  const listedNames = new Set(v.expectedFailures.map((o) => o.name));
  for (const o of outcomes) {
    if (o.detail === "") continue;
    if (listedNames.has(o.name)) { if (!quiet) console.log(`xfail ${o.name}: ${o.detail}`); }
    else console.log(`FAIL  ${o.name}: ${o.detail}`);
  }
  for (const e of v.nowPassing) console.log(`PASS  ${e.name}: listed in ${EXPECTED_FAILURES} (${e.reason}) but passes: delete its line`);
  for (const e of v.unknown) console.log(`?     ${e.name}: listed in ${EXPECTED_FAILURES} but there is no such program`);
  for (const line of summaryLines(v, mode)) console.log(line);
  if (write) {
    if (paths.length !== 0) { console.error("--write-expected needs the whole corpus (no PATH arguments)"); return 2; }
    writeFileSync(join(ROOT, EXPECTED_FAILURES), updatedExpectations(expectations, v, mode, reason));
    console.log(`wrote ${EXPECTED_FAILURES}`);
    return 0;
  }
  return v.ok ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((status) => { process.exitCode = status; }, (e: unknown) => { console.error(e); process.exitCode = 2; });
}
