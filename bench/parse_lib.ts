// Parse speed against CPython: every .py file of CPython's Lib (Lib/test included) parsed in one Typhon process
// and with ast.parse in one CPython process, side by side. Usage: npm run bench:parse [-- DIR]. See docs/parser.md.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "../src/parser/parser.js";
import { CPYTHON, collectPyFiles, cpythonStdlib } from "../tools/lib_files.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");


const dir = process.argv[2] ?? cpythonStdlib();
const all: string[] = [];
collectPyFiles(dir, all);
const cp = JSON.parse(execFileSync("sh", ["-c", `${CPYTHON} ${join(ROOT, "bench", "parse_lib.py")}`], {
  input: all.join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 28,
})) as { seconds: number; ok: string[] };
const files = cp.ok.map((p) => ({ p, data: new Uint8Array(readFileSync(p)) }));
let bytes = 0;
for (const f of files) bytes += f.data.length;
// One warm-up pass over a slice, as CPython's parser is warm C code from the start.
for (const f of files.slice(0, 50)) parse(f.data, f.p, "exec");
const t0 = performance.now();
let failures = 0;
for (const f of files) {
  try {
    parse(f.data, f.p, "exec");
  } catch {
    failures++;
  }
}
const typhon = (performance.now() - t0) / 1000;
process.stdout.write(
  `files: ${files.length} (${(bytes / 1e6).toFixed(1)} MB) parsed by CPython; Typhon failures: ${failures}\n` +
  `CPython ast.parse: ${cp.seconds.toFixed(2)} s\n` +
  `Typhon parse:      ${typhon.toFixed(2)} s\n` +
  `ratio Typhon/CPython: ${(typhon / cp.seconds).toFixed(2)}x\n`,
);
