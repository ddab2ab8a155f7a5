// The stdlib smoke runner: runs each program of tests/golden/stdlib/programs under Typhon in a fresh temporary
// directory and compares stdout, stderr and exit status with CPython 3.13's capture (tools/capture_stdlib.py), with
// a ratchet over tests/golden/stdlib/expected_failures.txt. `npm run diff:stdlib -- [--jobs N] [--timeout S]
// [--write-expected] [NAME ...]` prints `N/80 modules import and match CPython` (issue #5). See docs/testing.md.
import { spawn } from "node:child_process";
import { mkdtempSync, copyFileSync, existsSync, readFileSync, realpathSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, firstDifference } from "./run_diff.js";

export const SMOKE_DIR = "tests/golden/stdlib";
export const PROGRAMS_DIR = `${SMOKE_DIR}/programs`;
export const SMOKE_EXPECTED_FAILURES = `${SMOKE_DIR}/expected_failures.txt`;
/** Where tracebacks show the default stdlib's files (pyodide's zip, read by zipimport). */
const STDLIB = join(ROOT, "node_modules", "pyodide", "python_stdlib.zip");

export interface Capture {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** Issue #5's acceptance list, in its order: module -> smoke program (a few are older programs that cover one module). */
export function acceptancePrograms(): ReadonlyMap<string, string> {
  const json = JSON.parse(readFileSync(join(ROOT, SMOKE_DIR, "acceptance.json"), "utf8")) as Record<string, string>;
  return new Map(Object.entries(json));
}

export function loadCaptures(): Record<string, Capture> {
  return JSON.parse(readFileSync(join(ROOT, SMOKE_DIR, "expected.json"), "utf8")) as Record<string, Capture>;
}

/** `name.py  reason` lines; `#` starts a comment line. */
export function parseSmokeExpectations(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /^(\S+)\s*(.*)$/.exec(line)!;
    out.set(m[1], m[2]);
  }
  return out;
}

export function loadSmokeExpectations(): Map<string, string> {
  return parseSmokeExpectations(readFileSync(join(ROOT, SMOKE_EXPECTED_FAILURES), "utf8"));
}

/** One line naming the first difference, "" when identical. A failed run shows the exception line Typhon printed. */
export function smokeDifference(exp: Capture, got: Capture | "timeout"): string {
  if (got === "timeout") return "timed out";
  if (got.status !== exp.status) {
    const last = got.stderr.trimEnd().split("\n").pop() ?? "";
    const where = firstDifference(exp.stdout, got.stdout);
    return `exit status ${got.status}, expected ${exp.status}: ${JSON.stringify(last.slice(0, 160))}` + (where ? ` (stdout ${where})` : "");
  }
  if (got.stdout !== exp.stdout) return `stdout ${firstDifference(exp.stdout, got.stdout)}`;
  if (got.stderr !== exp.stderr) return `stderr ${firstDifference(exp.stderr, got.stderr)}`;
  return "";
}

/** Run one program with bin/typhon.js in a fresh directory (programs write files beside themselves), as the capture does. */
export function runSmoke(name: string, timeoutMs: number, command?: readonly string[]): Promise<Capture | "timeout"> {
  const cmd = command ?? [process.execPath, join(ROOT, "bin", "typhon.js")];
  if (!existsSync(join(ROOT, PROGRAMS_DIR, name))) {
    return Promise.resolve({ stdout: "", stderr: `${PROGRAMS_DIR}/${name} is missing (a capture without its program)\n`, status: -1 });
  }
  const tmp = realpathSync(mkdtempSync(join(tmpdir(), "typhon-smoke-")));
  copyFileSync(join(ROOT, PROGRAMS_DIR, name), join(tmp, name));
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", PYTHONHASHSEED: "0", LANG: "C.UTF-8", TZ: "UTC" };
  return new Promise((done) => {
    const child = spawn(cmd[0], [...cmd.slice(1), name], { cwd: tmp, env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill("SIGKILL"); }, timeoutMs);
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("close", (code) => {
      clearTimeout(timer);
      rmSync(tmp, { recursive: true, force: true });
      const norm = (b: Buffer[]): string => Buffer.concat(b).toString("utf8").split(tmp).join("<DIR>").split(STDLIB).join("<STDLIB>");
      done(timedOut ? "timeout" : { stdout: norm(out), stderr: norm(err), status: code ?? -1 });
    });
  });
}

/** Run the named programs `jobs` at a time; results in the names' order. */
export async function runSmokes(names: readonly string[], jobs: number, timeoutMs: number): Promise<(Capture | "timeout")[]> {
  const results: (Capture | "timeout")[] = new Array(names.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const i = next++;
      results[i] = await runSmoke(names[i], timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  return results;
}

async function main(argv: readonly string[]): Promise<number> {
  let jobs = 2;
  let timeout = 60;
  let write = false;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--jobs") jobs = Number(argv[++i]);
    else if (a === "--timeout") timeout = Number(argv[++i]);
    else if (a === "--write-expected") write = true;
    else only.push(a);
  }
  const captures = loadCaptures();
  const accept = acceptancePrograms();
  const expectations = loadSmokeExpectations();
  let names = Object.keys(captures).sort();
  if (only.length > 0) names = names.filter((n) => only.some((o) => n.includes(o) || accept.get(o) === n));
  const results = await runSmokes(names, jobs, timeout * 1000);
  const detail = new Map<string, string>();
  names.forEach((n, i) => detail.set(n, smokeDifference(captures[n], results[i])));
  let unexpected = 0, listedPassing = 0;
  for (const n of names) {
    const d = detail.get(n)!;
    const listed = expectations.has(n);
    if (d !== "" && !listed) { unexpected++; console.log(`FAIL  ${n}  ${d}`); }
    else if (d === "" && listed) { listedPassing++; console.log(`PASS (listed) ${n}: delete its line`); }
  }
  // The acceptance figure: a module counts when its program ran and matched.
  let matched = 0, ran = 0;
  for (const [mod, prog] of accept) {
    if (!detail.has(prog)) continue;
    ran++;
    const d = detail.get(prog)!;
    if (d === "") matched++;
    else console.log(`${mod.padEnd(24)} ${prog}: ${d}`);
  }
  const unknown = [...expectations.keys()].filter((n) => !(n in captures));
  console.log(`${matched}/${ran} modules import and match CPython` + (ran !== accept.size ? ` (of ${accept.size} in the list)` : ""));
  console.log(`programs identical: ${names.filter((n) => detail.get(n) === "").length}/${names.length}; unexpected failures: ${unexpected}, listed but passing: ${listedPassing}, listed but unknown: ${unknown.length}`);
  if (write) {
    const header = readFileSync(join(ROOT, SMOKE_EXPECTED_FAILURES), "utf8").split("\n").filter((l) => l.startsWith("#"));
    const merged = new Map(expectations);
    for (const n of names) {
      const d = detail.get(n)!;
      if (d === "") merged.delete(n);
      else if (!merged.has(n)) merged.set(n, d);
    }
    for (const n of unknown) merged.delete(n);
    const lines = [...merged.keys()].sort().map((n) => `${n}  ${merged.get(n)}`);
    writeFileSync(join(ROOT, SMOKE_EXPECTED_FAILURES), [...header, ...lines, ""].join("\n"));
    console.log(`wrote ${SMOKE_EXPECTED_FAILURES} (${lines.length} lines)`);
    return 0;
  }
  return unexpected + listedPassing + unknown.length > 0 ? 1 : 0;
}

// Every program file has a capture (a new program needs `PYENV_VERSION=3.13.0 python3.13 tools/capture_stdlib.py`).
export function uncapturedPrograms(): string[] {
  const captures = loadCaptures();
  return readdirSync(join(ROOT, PROGRAMS_DIR)).filter((n) => n.endsWith(".py") && !(n in captures));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
