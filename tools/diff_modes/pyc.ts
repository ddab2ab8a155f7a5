// The "pyc" check: compiles every .py file (default: CPython's Lib, Lib/test included) with Typhon to a .pyc in a
// temporary directory (src/runtime/py_compile.ts), then CPython 3.13 (tools/diff_modes/pyc.py) loads each with
// marshal.loads and compares it with its own compile(), as code objects and as marshalled bytes.
// Usage: npm run diff:pyc -- [--limit N] [--keep] [DIR|FILE...]. See docs/compiler.md.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../../src/compiler/compile.js";
import { codeToPyc } from "../../src/runtime/py_compile.js";
import { CPYTHON, collectPyFiles, cpythonStdlib } from "../lib_files.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");


interface Result {
  readonly cpython: "ok" | "error" | "crash";
  readonly text?: string;
  readonly loads?: boolean;
  readonly code?: boolean;
  readonly bytes?: boolean;
  readonly detail?: string;
  readonly bytesDetail?: string;
  /** The bytes equal only those of a fresh CPython process (this one had interned some of the strings before). */
  readonly fresh?: boolean;
}

function runCPython(lines: readonly string[]): Promise<Result[]> {
  return new Promise((res, rej) => {
    const child = spawn("sh", ["-c", `${CPYTHON} "$@"`, "sh", join(ROOT, "tools", "diff_modes", "pyc.py")], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let buf = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (c: string) => { buf += c; });
    child.on("error", rej);
    child.on("exit", (code) => {
      const out = buf.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Result);
      if (out.length !== lines.length) rej(new Error(`CPython side exited with status ${code} after ${out.length}/${lines.length} files`));
      else res(out);
    });
    child.stdin.end(lines.join("\n") + "\n");
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let limit = 20;
  let keep = false;
  const inputs: string[] = [];
  while (argv.length) {
    const a = argv.shift()!;
    if (a === "--limit") limit = Number(argv.shift());
    else if (a === "--keep") keep = true;
    else inputs.push(a);
  }
  if (inputs.length === 0) {
    inputs.push(cpythonStdlib());
  }
  const paths: string[] = [];
  for (const p of inputs) collectPyFiles(resolve(p), paths);
  const dir = mkdtempSync(join(tmpdir(), "typhon-pyc-"));
  const lines: string[] = [];
  const typhonErrors = new Map<number, string>();
  const t0 = performance.now();
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    const source = readFileSync(path);
    let pyc = "";
    try {
      const co = compile(source, path, "exec", 0, 0);
      pyc = join(dir, `${i}.pyc`);
      writeFileSync(pyc, codeToPyc(co, source, "timestamp", Math.floor(statSync(path).mtimeMs / 1000)));
    } catch (e) {
      typhonErrors.set(i, e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    }
    lines.push(`${path}\t${pyc}`);
  }
  const typhonSeconds = (performance.now() - t0) / 1000;
  const results = await runCPython(lines);
  let accepted = 0, loads = 0, code = 0, bytes = 0, fresh = 0, rejected = 0, rejectedSame = 0, shown = 0;
  for (let i = 0; i < paths.length; i++) {
    const r = results[i]!;
    if (r.cpython === "error") {
      rejected++;
      if (typhonErrors.has(i)) rejectedSame++;
      continue;
    }
    if (r.cpython === "crash") {
      process.stdout.write(`CRASH (CPython side) ${paths[i]}: ${r.text}\n`);
      continue;
    }
    accepted++;
    if (r.loads) loads++;
    if (r.code) code++;
    if (r.bytes) bytes++;
    if (r.fresh) fresh++;
    if ((!r.loads || !r.code || !r.bytes) && shown++ < limit) {
      process.stdout.write(`DIFF ${paths[i]}\n`);
      if (typhonErrors.has(i)) process.stdout.write(`  Typhon: ${typhonErrors.get(i)}\n`);
      if (r.detail) process.stdout.write(`  ${r.detail}\n`);
      if (r.bytesDetail) process.stdout.write(`  ${r.bytesDetail}\n`);
    }
  }
  if (shown > limit) process.stdout.write(`... ${shown - limit} more differing files (use --limit N)\n`);
  if (keep) process.stdout.write(`pyc files kept in ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
  const pct = (k: number): string => (accepted ? ((100 * k) / accepted).toFixed(2) : "100.00");
  process.stdout.write(
    `mode pyc: ${paths.length} files, Typhon compile+marshal ${typhonSeconds.toFixed(1)}s\n` +
    `CPython rejects ${rejected} files; Typhon rejects ${rejectedSame}/${rejected} of them too\n` +
    `loads: ${loads}/${accepted} (${pct(loads)}%)\n` +
    `identical code: ${code}/${accepted} (${pct(code)}%)\n` +
    `identical bytes: ${bytes}/${accepted} (${pct(bytes)}%; ${fresh} of them equal only to a fresh CPython process's)\n`,
  );
  process.exit(loads === accepted && code === accepted ? 0 : 1);
}

await main();
