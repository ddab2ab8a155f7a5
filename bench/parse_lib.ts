// Parse speed against CPython: every .py file of CPython's Lib (Lib/test included) parsed in one Typhon process
// and with ast.parse in one CPython process, side by side. Usage: npm run bench:parse [-- DIR]. See docs/parser.md.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "../src/parser/parser.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CPYTHON = process.env.TYPHON_CPYTHON ?? "PYENV_VERSION=3.13.0 python3.13";

function collect(p: string, out: string[]): void {
  for (const name of readdirSync(p).sort()) {
    if (name === "__pycache__" || name === "site-packages") continue;
    const q = join(p, name);
    const s = statSync(q, { throwIfNoEntry: false });
    if (!s) continue;
    if (s.isDirectory()) collect(q, out);
    else if (name.endsWith(".py") && s.isFile()) out.push(q);
  }
}

const dir = process.argv[2] ?? execFileSync("sh", ["-c", `${CPYTHON} -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'`], { encoding: "utf8" }).trim();
const all: string[] = [];
collect(dir, all);
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
