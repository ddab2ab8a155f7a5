// Compile speed against CPython over every .py file of CPython's Lib (Lib/test included), bytes already in memory:
// CPython's compile(data, path, "exec", dont_inherit=True) against Typhon's compile(), the same stages in both (decoding,
// tokenizer, parser, ast_opt, symtable, codegen, flowgraph, assembler to a code object), one cold process each.
// Usage: npm run build && node dist/bench/compile_lib.js [--runs N] [DIR] (N fresh runs and medians). docs/compiler.md.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../src/compiler/compile.js";
import { CPYTHON, collectPyFiles, cpythonStdlib } from "../tools/lib_files.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

interface Run { readonly files: number; readonly failures: number; readonly cpWall: number; readonly cpCpu: number;
  readonly wall: number; readonly cpu: number }

/** One side-by-side run in this process: CPython's loop in a child process, then Typhon's loop here (cold). */
function runOnce(dir: string): Run {
  const all: string[] = [];
  collectPyFiles(dir, all);
  const cp = JSON.parse(execFileSync("sh", ["-c", `${CPYTHON} ${join(ROOT, "bench", "compile_lib.py")}`], {
    input: all.join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 28,
  })) as { seconds: number; cpu: number; ok: string[] };
  // Typhon compiles what CPython compiled; reading the files stays out of the timing on both sides.
  const files = cp.ok.map((p) => ({ p, data: new Uint8Array(readFileSync(p)) }));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let failures = 0;
  for (const f of files) {
    try {
      compile(f.data, f.p, "exec");
    } catch {
      failures++;
    }
  }
  const wall = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  return { files: files.length, failures, cpWall: cp.seconds, cpCpu: cp.cpu, wall, cpu: (cu.user + cu.system) / 1e6 };
}

function report(r: Run): string {
  return `CPython compile(): wall ${r.cpWall.toFixed(2)} s, cpu ${r.cpCpu.toFixed(2)} s\n` +
    `Typhon compile():  wall ${r.wall.toFixed(2)} s, cpu ${r.cpu.toFixed(2)} s (cpu includes V8's GC and compiler threads)\n` +
    `ratio Typhon/CPython: wall ${(r.wall / r.cpWall).toFixed(2)}x, cpu ${(r.cpu / r.cpCpu).toFixed(2)}x\n`;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 1;
// --json: one run, printed as JSON (what --runs starts in each fresh process).
const one = args[0] === "--json";
if (one) args.shift();
const dir = args[0] ?? cpythonStdlib();
if (one) {
  process.stdout.write(JSON.stringify(runOnce(dir)) + "\n");
} else if (runs <= 1) {
  const r = runOnce(dir);
  process.stdout.write(`files: ${r.files} compiled by CPython; Typhon failures: ${r.failures}\n` + report(r));
} else {
  // Each run in a fresh process, so that every Typhon pass is cold.
  const rs: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--json", dir], { encoding: "utf8" });
    const r = JSON.parse(out) as Run;
    rs.push(r);
    process.stdout.write(`run ${i + 1}: cpu ${r.cpu.toFixed(2)} s vs ${r.cpCpu.toFixed(2)} s (${(r.cpu / r.cpCpu).toFixed(2)}x), ` +
      `wall ${r.wall.toFixed(2)} s vs ${r.cpWall.toFixed(2)} s (${(r.wall / r.cpWall).toFixed(2)}x)\n`);
  }
  process.stdout.write(`files: ${rs[0]!.files} compiled by CPython; Typhon failures: ${rs[0]!.failures}; medians of ${runs} runs:\n` +
    `ratio Typhon/CPython: cpu ${median(rs.map((r) => r.cpu / r.cpCpu)).toFixed(2)}x, ` +
    `wall ${median(rs.map((r) => r.wall / r.cpWall)).toFixed(2)}x (CPython cpu ${median(rs.map((r) => r.cpCpu)).toFixed(2)} s, ` +
    `Typhon cpu ${median(rs.map((r) => r.cpu)).toFixed(2)} s)\n`);
}
