// Compile speed against CPython: every .py file of CPython's Lib (Lib/test included) compiled from source to code
// objects (parser, ast_opt, symtable, codegen, flowgraph, assembler) in one Typhon process and with compile() in one
// CPython process, side by side; wall and CPU time (the machine may be shared). No warm-up: one cold pass each.
// Usage: npm run build && node dist/bench/compile_lib.js [DIR]. See docs/compiler.md.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../src/compiler/compile.js";
import { CPYTHON, collectPyFiles, cpythonStdlib } from "../tools/lib_files.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");


const dir = process.argv[2] ?? cpythonStdlib();
const all: string[] = [];
collectPyFiles(dir, all);
const cp = JSON.parse(execFileSync("sh", ["-c", `${CPYTHON} ${join(ROOT, "bench", "compile_lib.py")}`], {
  input: all.join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 28,
})) as { seconds: number; cpu: number; ok: string[] };
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
const cpu = (cu.user + cu.system) / 1e6;
process.stdout.write(
  `files: ${files.length} compiled by CPython; Typhon failures: ${failures}\n` +
  `CPython compile(): wall ${cp.seconds.toFixed(2)} s, cpu ${cp.cpu.toFixed(2)} s\n` +
  `Typhon compile():  wall ${wall.toFixed(2)} s, cpu ${cpu.toFixed(2)} s (cpu includes V8's GC threads)\n` +
  `ratio Typhon/CPython: wall ${(wall / cp.seconds).toFixed(2)}x, cpu ${(cpu / cp.cpu).toFixed(2)}x\n`,
);
