// Start-up side by side (issue #5): `node -e 0`, `typhon -c pass`, CPython's `-c pass`, and an import line under
// Typhon and CPython with warm caches. Runs the commands round-robin (a load change hits every row alike) and reports
// the median wall time and the median CPU time (user + system of the child). `npm run bench:startup -- [--repeat R]
// [--python CMD]`. See docs/cli.md ("Start-up").
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cpythonExecutable, CPYTHON_ENV } from "./cpython.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const TYPHON = join(ROOT, "bin", "typhon.js");

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

const repeat = Number(arg("--repeat", "9"));
const python = arg("--python", "") || cpythonExecutable();
/** The row label for CPython: its command name, not the path of pyenv's executable. */
const pyLabel = python.slice(python.lastIndexOf("/") + 1);
const IMPORTS = arg("--imports", "import json, re, collections, functools, enum, os, io, threading, logging");
/** Issue #5's import line (its acceptance figure). */
const ISSUE_IMPORTS = "import json, re, collections, dataclasses, typing, asyncio";

interface Case { label: string; cmd: string; args: string[]; env: NodeJS.ProcessEnv; walls: number[]; cpus: number[]; failed: boolean }

function measureWall(c: Case): number | null {
  // /usr/bin/time is not everywhere; the wall time comes from a wrapper node process instead.
  const wrapper = `const {spawnSync}=require("node:child_process");const t=process.hrtime.bigint();`
    + `const r=spawnSync(${JSON.stringify(c.cmd)},${JSON.stringify(c.args)},{stdio:"ignore"});`
    + `const w=Number(process.hrtime.bigint()-t)/1e6;process.stdout.write(JSON.stringify({s:r.status,w}));`;
  const r = spawnSync(process.execPath, ["-e", wrapper], { encoding: "utf8", env: c.env });
  if (r.status !== 0) return null;
  const o = JSON.parse(r.stdout) as { s: number | null; w: number };
  return o.s === 0 ? o.w : null;
}

/** The child's user + system time in ms: os.wait4's rusage through CPython when it is there (microseconds), else
 *  /usr/bin/time (10 ms steps). */
const WAIT4 = "import os,subprocess,sys\np=subprocess.Popen(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\n"
  + "_,s,r=os.wait4(p.pid,0)\nprint((r.ru_utime+r.ru_stime)*1000)";
let wait4Works: boolean | null = null;
function measureCpu(c: Case): number {
  if (wait4Works !== false) {
    const w = spawnSync(python, ["-c", WAIT4, c.cmd, ...c.args], { encoding: "utf8", env: { ...c.env, PYENV_VERSION: "3.13.0" } });
    wait4Works = w.status === 0 && /^[\d.]+\s*$/.test(w.stdout);
    if (wait4Works) return Number(w.stdout);
  }
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S", c.cmd, ...c.args], { encoding: "utf8", env: c.env });
  const m = /([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? "");
  return m === null ? NaN : (Number(m[1]) + Number(m[2])) * 1000;
}

function median(xs: number[]): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)];
}

const cases: Case[] = [];
function add(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Case {
  const c: Case = { label, cmd, args, env, walls: [], cpus: [], failed: false };
  cases.push(c);
  return c;
}

/** Node reads and parses the certificates named by NODE_EXTRA_CA_CERTS at every start, before any JavaScript runs
 *  (about 400M instructions for a 220 kB bundle): `node -e 0` and Typhon both pay it, which hides how much of
 *  Typhon's time is its own. When it is set, the pair is measured without it too. */
const extraCa = process.env.NODE_EXTRA_CA_CERTS !== undefined && process.env.NODE_EXTRA_CA_CERTS !== "";
const noCa = { ...process.env };
delete noCa.NODE_EXTRA_CA_CERTS;
const pyEnv = CPYTHON_ENV;
// bin/typhon.js is run as the command is (its shell launcher picks the snapshot), and under node (no snapshot).
const node = add("node -e 0", process.execPath, ["-e", "0"]);
const typhon = add("typhon -c pass", TYPHON, ["-c", "pass"]);
const bundled = add("typhon -c pass (TYPHON_NO_SNAPSHOT=1)", TYPHON, ["-c", "pass"], { ...process.env, TYPHON_NO_SNAPSHOT: "1" });
const nodeNoCa = extraCa ? add("node -e 0 (NODE_EXTRA_CA_CERTS unset)", process.execPath, ["-e", "0"], noCa) : null;
const typhonNoCa = extraCa ? add("typhon -c pass (NODE_EXTRA_CA_CERTS unset)", TYPHON, ["-c", "pass"], noCa) : null;
const cpy = add(`${pyLabel} -c pass`, python, ["-c", "pass"], pyEnv);
const lines = IMPORTS === ISSUE_IMPORTS ? [IMPORTS] : [IMPORTS, ISSUE_IMPORTS];
/** A row label that tells the two import lines apart: their first and last modules. */
const short = (line: string): string => `"${line.slice(0, 18)}...${line.slice(line.lastIndexOf(","))}"`;
const importPairs = lines.map((line) => [add(`typhon -c ${short(line)}`, TYPHON, ["-c", line]),
  add(`${pyLabel} -c ${short(line)}`, python, ["-c", line], pyEnv)]);

process.stdout.write(`start-up, median of ${repeat} round-robin runs (load average ${loadavg()[0].toFixed(1)}`
  + `${extraCa ? "; NODE_EXTRA_CA_CERTS is set" : ""}; CPython: ${python})\n`);
for (const c of cases) c.failed = measureWall(c) === null; // warm the caches (files, Typhon's compiled-code cache)
for (let i = 0; i < repeat; i++) {
  for (const c of cases) {
    if (c.failed) continue;
    const w = measureWall(c);
    if (w === null) { c.failed = true; continue; }
    c.walls.push(w);
    c.cpus.push(measureCpu(c));
  }
}
const med = (c: Case): [number, number] => (c.failed ? [NaN, NaN] : [median(c.walls), median(c.cpus)]);
for (const c of cases) {
  const [w, cpu] = med(c);
  process.stdout.write(c.failed ? `${c.label.padEnd(50)} failed\n`
    : `${c.label.padEnd(50)} wall ${w.toFixed(0).padStart(5)} ms   cpu ${Number.isNaN(cpu) ? "   ?" : cpu.toFixed(0).padStart(4)} ms\n`);
}
const ratio = (a: Case, b: Case) => {
  const [aw, ac] = med(a), [bw, bc] = med(b);
  return `wall ${(aw / bw).toFixed(2)}x, cpu ${(ac / bc).toFixed(2)}x`;
};
process.stdout.write(`typhon -c pass / node -e 0: ${ratio(typhon, node)} (target 1.5x); without the snapshot ${ratio(bundled, node)}; `
  + `/ CPython: ${ratio(typhon, cpy)}\n`);
if (nodeNoCa !== null && typhonNoCa !== null) {
  process.stdout.write(`without NODE_EXTRA_CA_CERTS: typhon -c pass / node -e 0: ${ratio(typhonNoCa, nodeNoCa)}\n`);
}
for (const [ti, ci] of importPairs) {
  const line = ti.args[1];
  process.stdout.write(`"${line}", typhon / CPython: ${ratio(ti, ci)}${line === ISSUE_IMPORTS ? " (issue #5's line, target 3x)" : ""}\n`);
}
