// Start-up side by side (issue #5): `node -e 0`, `typhon -c pass`, CPython's `-c pass`, and an import line under
// Typhon and CPython with warm caches. Reports the median wall time and the median CPU time (user + system of the
// child, which the shared machine's load disturbs less). `npm run bench:startup -- [--repeat R] [--python CMD]`.
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const TYPHON = join(ROOT, "bin", "typhon.js");

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

const repeat = Number(arg("--repeat", "9"));
const python = arg("--python", "python3.13");
const IMPORTS = arg("--imports", "import json, re, collections, functools, enum, os, io, threading, logging");
/** Issue #5's import line (its acceptance figure). */
const ISSUE_IMPORTS = "import json, re, collections, dataclasses, typing, asyncio";

interface Sample { wall: number; cpu: number }

function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv): Sample | null {
  // /usr/bin/time is not everywhere; the child's rusage comes from a wrapper node process instead.
  const wrapper = `const {spawnSync}=require("node:child_process");const t=process.hrtime.bigint();`
    + `const r=spawnSync(${JSON.stringify(cmd)},${JSON.stringify(args)},{stdio:"ignore"});`
    + `const w=Number(process.hrtime.bigint()-t)/1e6;const u=process.resourceUsage();`
    + `process.stdout.write(JSON.stringify({s:r.status,w}));`;
  const r = spawnSync(process.execPath, ["-e", wrapper], { encoding: "utf8", env });
  if (r.status !== 0) return null;
  const o = JSON.parse(r.stdout) as { s: number | null; w: number };
  if (o.s !== 0) return null;
  return { wall: o.w, cpu: NaN };
}

/** The child's user + system time in ms: os.wait4's rusage through CPython when it is there (microseconds), else
 *  /usr/bin/time (10 ms steps). */
const WAIT4 = "import os,subprocess,sys\np=subprocess.Popen(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\n"
  + "_,s,r=os.wait4(p.pid,0)\nprint((r.ru_utime+r.ru_stime)*1000)";
let wait4Works: boolean | null = null;
function cpuOf(cmd: string, args: string[], env: NodeJS.ProcessEnv): number {
  if (wait4Works !== false) {
    const w = spawnSync(python, ["-c", WAIT4, cmd, ...args], { encoding: "utf8", env: { ...env, PYENV_VERSION: "3.13.0" } });
    wait4Works = w.status === 0 && /^[\d.]+\s*$/.test(w.stdout);
    if (wait4Works) return Number(w.stdout);
  }
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S", cmd, ...args], { encoding: "utf8", env });
  const m = /([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? "");
  return m === null ? NaN : (Number(m[1]) + Number(m[2])) * 1000;
}

function median(xs: number[]): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)];
}

function row(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): [number, number] {
  measure(cmd, args, env); // warm the caches (files, Typhon's compiled-code cache)
  const walls: number[] = [], cpus: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const s = measure(cmd, args, env);
    if (s === null) {
      process.stdout.write(`${label.padEnd(50)} failed\n`);
      return [NaN, NaN];
    }
    walls.push(s.wall);
    cpus.push(cpuOf(cmd, args, env));
  }
  const w = median(walls), c = median(cpus);
  process.stdout.write(`${label.padEnd(50)} wall ${w.toFixed(0).padStart(5)} ms   cpu ${Number.isNaN(c) ? "   ?" : c.toFixed(0).padStart(4)} ms\n`);
  return [w, c];
}

const env = { ...process.env, PYENV_VERSION: process.env.PYENV_VERSION ?? "3.13.0" };
const noSnap = { ...process.env, TYPHON_NO_SNAPSHOT: "1" };
const ratio = (a: [number, number], b: [number, number]) => `wall ${(a[0] / b[0]).toFixed(2)}x, cpu ${(a[1] / b[1]).toFixed(2)}x`;
process.stdout.write(`start-up, median of ${repeat} runs (load average ${(await import("node:os")).loadavg()[0].toFixed(1)})\n`);
// bin/typhon.js is run as the command is (its shell launcher picks the snapshot), and under node (no snapshot).
const node = row("node -e 0", process.execPath, ["-e", "0"]);
const typhon = row("typhon -c pass", TYPHON, ["-c", "pass"]);
const bundled = row("typhon -c pass (TYPHON_NO_SNAPSHOT=1)", TYPHON, ["-c", "pass"], noSnap);
const cpy = row(`${python} -c pass`, python, ["-c", "pass"], env);
process.stdout.write(`typhon -c pass / node -e 0: ${ratio(typhon, node)} (target 1.5x); without the snapshot ${ratio(bundled, node)}; `
  + `/ CPython: ${ratio(typhon, cpy)}\n`);
for (const line of IMPORTS === ISSUE_IMPORTS ? [IMPORTS] : [IMPORTS, ISSUE_IMPORTS]) {
  const ti = row(`typhon -c "${line.slice(0, 30)}..."`, TYPHON, ["-c", line]);
  const ci = row(`${python} -c "${line.slice(0, 30)}..."`, python, ["-c", line], env);
  process.stdout.write(`import line, typhon / CPython: ${ratio(ti, ci)} (target 3x)\n`);
}
