// The differential driver: runs one mode (tokens, ast, ...) over every .py file under the given paths (default:
// CPython's own Lib, Lib/test included) with CPython 3.13 and with Typhon, and prints each file whose dumps differ.
// Usage: npm run diff -- <mode> [--limit N] [--timeout SECONDS] [--verbose] [DIR|FILE...]. See docs/parser.md.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DiffMode } from "./diff_modes/mode.js";
import { CPYTHON, collectPyFiles, cpythonStdlib } from "./lib_files.js";

const HERE = dirname(fileURLToPath(import.meta.url)); // dist/tools
const ROOT = resolve(HERE, "..", "..");

interface Outcome { readonly status: string; readonly text: string }

function usage(msg: string): never {
  process.stderr.write(`${msg}\nusage: npm run diff -- <mode> [--limit N] [--timeout SECONDS] [--verbose] [DIR|FILE...]\n`);
  process.exit(2);
}



/** Runs the CPython side over all paths in one process; yields one outcome per path, in order. */
function runCPython(scriptPath: string, paths: readonly string[]): (i: number) => Promise<Outcome> {
  const child = spawn("sh", ["-c", `${CPYTHON} "$@"`, "sh", join(ROOT, "tools", "diff_cpython.py"), scriptPath], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  child.stdin.end(paths.join("\n") + "\n");
  const results: Outcome[] = [];
  const waiters = new Map<number, (o: Outcome) => void>();
  let consumed = 0;
  let buf = "";
  let failed: string | null = null;
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const o = JSON.parse(buf.slice(0, nl)) as Outcome;
      buf = buf.slice(nl + 1);
      const i = results.length;
      results.push(o);
      const w = waiters.get(i);
      if (w) { waiters.delete(i); w(o); }
    }
    // Back-pressure: do not let CPython run far ahead of Typhon and fill memory with dumps.
    if (results.length - consumed > 64) child.stdout.pause();
  });
  child.on("exit", (code) => {
    if (results.length < paths.length) {
      failed = `CPython side exited with status ${code} after ${results.length}/${paths.length} files`;
      for (const [i, w] of waiters) w({ status: "crash", text: failed });
      waiters.clear();
    }
  });
  return (i: number) => {
    consumed = i + 1;
    if (results.length - consumed <= 16) child.stdout.resume();
    const o = results[i];
    if (o !== undefined) { (results as (Outcome | undefined)[])[i] = undefined; return Promise.resolve(o); }
    if (failed !== null) return Promise.resolve({ status: "crash", text: failed });
    return new Promise((res) => waiters.set(i, (x) => { (results as (Outcome | undefined)[])[i] = undefined; res(x); }));
  };
}

/** Runs the Typhon side in a worker thread, restarting it when a file exceeds the timeout. */
class TyphonRunner {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private pending: ((o: Outcome & { ms: number }) => void) | null = null;
  private readonly modeName: string;
  private readonly timeoutMs: number;

  constructor(modeName: string, timeoutMs: number) {
    this.modeName = modeName;
    this.timeoutMs = timeoutMs;
  }

  private start(): Promise<void> {
    const w = new Worker(join(HERE, "diff_worker.js"), { workerData: { mode: this.modeName } });
    this.worker = w;
    this.ready = new Promise((res, rej) => {
      w.once("error", rej);
      w.on("message", (m: { ready?: boolean; status: string; text: string; ms: number }) => {
        if (m.ready) { res(); return; }
        const p = this.pending;
        this.pending = null;
        p?.(m);
      });
    });
    w.on("error", (e) => { const p = this.pending; this.pending = null; p?.({ status: "crash", text: String(e), ms: 0 }); });
    return this.ready;
  }

  async run(index: number, path: string): Promise<Outcome & { ms: number }> {
    if (!this.worker) await this.start();
    else await this.ready;
    return new Promise((res) => {
      const timer = setTimeout(() => {
        this.pending = null;
        void this.worker?.terminate();
        this.worker = null;
        res({ status: "timeout", text: `timeout after ${this.timeoutMs / 1000}s`, ms: this.timeoutMs });
      }, this.timeoutMs);
      this.pending = (o) => { clearTimeout(timer); res(o); };
      this.worker!.postMessage({ index, path });
    });
  }

  stop(): void { void this.worker?.terminate(); }
}

function firstDifference(exp: Outcome, got: Outcome): string {
  if (exp.status !== got.status) {
    const clip = (s: string) => (s.length > 400 ? `${s.slice(0, 400)}...` : s);
    return `  CPython ${exp.status}: ${clip(exp.text.split("\n").slice(0, 3).join("\n    "))}\n` +
      `  Typhon ${got.status}: ${clip(got.text.split("\n").slice(0, 8).join("\n    "))}`;
  }
  const a = exp.text.split("\n");
  const b = got.text.split("\n");
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `  line ${i + 1} of the ${exp.status === "ok" ? "dump" : "error"}:\n    expected: ${a[i] ?? "<end>"}\n    got:      ${b[i] ?? "<end>"}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const modeName = argv.shift();
  if (!modeName || modeName.startsWith("-")) usage("missing mode");
  let limit = 100;
  let timeoutMs = 20_000;
  let verbose = false;
  const inputs: string[] = [];
  while (argv.length) {
    const a = argv.shift()!;
    if (a === "--limit") limit = Number(argv.shift());
    else if (a === "--timeout") timeoutMs = Number(argv.shift()) * 1000;
    else if (a === "--verbose") verbose = true;
    else inputs.push(a);
  }
  if (!existsSync(join(HERE, "diff_modes", `${modeName}.js`))) usage(`unknown mode: ${modeName}`);
  const { mode } = (await import(`./diff_modes/${modeName}.js`)) as { mode: DiffMode };
  if (inputs.length === 0) inputs.push(cpythonStdlib());
  const paths: string[] = [];
  for (const p of inputs) collectPyFiles(resolve(p), paths);

  const expected = runCPython(join(ROOT, mode.cpythonScript), paths);
  const typhon = new TyphonRunner(mode.name, timeoutMs);
  let accepted = 0, identical = 0, rejected = 0, rejectedSame = 0, shown = 0, crashes = 0, timeouts = 0;
  let typhonMs = 0;
  const t0 = performance.now();
  for (let i = 0; i < paths.length; i++) {
    const got = await typhon.run(i, paths[i]);
    const exp = await expected(i);
    typhonMs += got.ms;
    if (got.status === "crash") crashes++;
    if (got.status === "timeout") timeouts++;
    const same = exp.status === got.status && exp.text === got.text;
    if (exp.status === "ok") { accepted++; if (same) identical++; }
    else if (exp.status === "error") { rejected++; if (same) rejectedSame++; }
    if (!same && (shown++ < limit || verbose)) {
      process.stdout.write(`DIFF ${paths[i]}\n${firstDifference(exp, got)}\n`);
    }
  }
  typhon.stop();
  if (shown > limit && !verbose) process.stdout.write(`... ${shown - limit} more differing files (use --limit N)\n`);
  const pct = accepted ? ((100 * identical) / accepted).toFixed(2) : "100.00";
  process.stdout.write(
    `mode ${mode.name}: ${paths.length} files, Typhon time ${(typhonMs / 1000).toFixed(1)}s, wall ${((performance.now() - t0) / 1000).toFixed(1)}s\n` +
    `CPython rejects ${rejected} files; Typhon reports the same error for ${rejectedSame}/${rejected}\n` +
    `Typhon crashes: ${crashes}, timeouts: ${timeouts}\n` +
    `identical: ${identical}/${accepted} (${pct}%)\n`,
  );
  process.exit(identical === accepted && rejectedSame === rejected ? 0 : 1);
}

await main();
