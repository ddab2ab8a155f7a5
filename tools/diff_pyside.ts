// Differential runs of the stdlib's own front-end modules under Typhon: tools/pyside/dump.py (ast.dump of ast.parse,
// tokenize.tokenize, symtable) runs once under CPython 3.13 and, in chunks, under Typhon itself (bin/typhon.js), over
// every .py file of a directory (default CPython's Lib); prints each differing file with its first differing line
// and `identical: K/N`. Usage: node dist/tools/diff_pyside.js ast|tokenize|symtable [--chunk N] [--limit N] [--timeout S] [PATH...]
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { CPYTHON, collectPyFiles, cpythonStdlib } from "./lib_files.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SCRIPT = join(ROOT, "tools", "pyside", "dump.py");

function parseRecords(out: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const rec of out.split("\x01")) {
    if (rec === "") continue;
    const nl = rec.indexOf("\n");
    m.set(rec.slice(0, nl), rec.slice(nl + 1));
  }
  return m;
}

function main(): void {
  const args = process.argv.slice(2);
  const mode = args.shift();
  if (mode !== "ast" && mode !== "tokenize" && mode !== "symtable") {
    console.error("usage: diff_pyside ast|tokenize|symtable [--chunk N] [--limit N] [--timeout S] [PATH...]");
    process.exit(2);
  }
  let chunk = 100, limit = 20, timeout = 600;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--chunk") chunk = Number(args[++i]);
    else if (args[i] === "--limit") limit = Number(args[++i]);
    else if (args[i] === "--timeout") timeout = Number(args[++i]);
    else paths.push(args[i]!);
  }
  const files: string[] = [];
  for (const p of paths.length > 0 ? paths : [cpythonStdlib()]) collectPyFiles(p, files);
  const dir = mkdtempSync(join(tmpdir(), "typhon-pyside-"));
  // Chunk by chunk on both sides, so no side's whole output has to fit in one string.
  const outcome = new Map<string, [string | undefined, string | undefined] | null>();
  for (let i = 0; i < files.length; i += chunk) {
    const list = join(dir, `chunk${i}.txt`);
    const part = files.slice(i, i + chunk);
    writeFileSync(list, part.join("\n") + "\n");
    // Both with PYTHONHASHSEED=0: symtable's order of free names passed through class scopes follows a set's order.
    const cp = spawnSync("sh", ["-c", `${CPYTHON} ${SCRIPT} ${mode} ${list}`],
      { maxBuffer: 2 ** 30, encoding: "utf8", env: { ...process.env, PYTHONHASHSEED: "0" } });
    const expected = parseRecords(cp.stdout ?? "");
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "typhon.js"), SCRIPT, mode, list],
      { maxBuffer: 2 ** 30, encoding: "utf8", timeout: timeout * 1000, env: { ...process.env, PYTHONHASHSEED: "0" } });
    const got = parseRecords(r.stdout ?? "");
    if (r.status !== 0) process.stderr.write(`chunk ${i}: status ${r.status} ${r.signal ?? ""} ${(r.stderr ?? "").split("\n").slice(-3).join(" | ")}\n`);
    for (const f of part) {
      const e = expected.get(f), g = got.get(f);
      outcome.set(f, e !== undefined && e === g ? null : [e, g]);
    }
  }
  let same = 0, shown = 0;
  for (const f of files) {
    const o = outcome.get(f)!;
    if (o === null) { same++; continue; }
    const [e, g] = o;
    if (shown++ >= limit) continue;
    if (g === undefined) { console.log(`${f}: no Typhon output`); continue; }
    const el = (e ?? "").split("\n"), gl = g.split("\n");
    let j = 0;
    while (j < el.length && el[j] === gl[j]) j++;
    // Show each side from a little before the first differing character (a dump is often one long line).
    const a = el[j] ?? "", b = gl[j] ?? "";
    let c = 0;
    while (c < a.length && a[c] === b[c]) c++;
    const from = Math.max(0, c - 80);
    console.log(`${f}: line ${j + 1}, column ${c + 1}\n  cpython: ${a.slice(from, from + 240)}\n  typhon:  ${b.slice(from, from + 240)}`);
  }
  console.log(`identical: ${same}/${files.length}`);
}

main();
