// Class statements and the lookups around them, Typhon beside CPython 3.13 (bench/classes.py run by both, one after
// the other, --runs times each, the median of each figure kept): microseconds per statement in a first round (cold,
// as when the stdlib is imported) and the best round, and the ratios Typhon/CPython with their geometric means.
// `node dist/bench/classes.js [--rounds R] [--runs K] [--python CMD] [CASE ...]`. See docs/objects.md.
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadavg } from "node:os";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const argv = process.argv.slice(2);
function opt(name: string, dflt: string): string {
  const i = argv.indexOf(name);
  if (i < 0) return dflt;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
}
const rounds = opt("--rounds", "5");
const runs = Number(opt("--runs", "3"));
const python = opt("--python", "python3.13");
const only = argv;
const script = join(ROOT, "bench", "classes.py");

type Figures = Map<string, [number, number][]>;

function runOnce(cmd: string, args: string[], env: NodeJS.ProcessEnv, into: Figures): void {
  const r = spawnSync(cmd, [...args, script, rounds, ...only], { encoding: "utf8", env, maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
    process.exit(1);
  }
  for (const line of r.stdout.trim().split("\n")) {
    const [name, first, best] = line.split(" ");
    if (!into.has(name)) into.set(name, []);
    into.get(name)!.push([Number(first), Number(best)]);
  }
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const cpy: Figures = new Map();
const typ: Figures = new Map();
for (let i = 0; i < runs; i++) {
  runOnce(python, [], { ...process.env, PYENV_VERSION: process.env.PYENV_VERSION ?? "3.13.0" }, cpy);
  runOnce(join(ROOT, "bin", "typhon.js"), [], process.env, typ);
}

const pad = (s: string, n: number): string => s.padStart(n);
console.log(`class statements, us per statement, median of ${runs} runs of ${rounds} rounds (load ${loadavg()[0].toFixed(1)})`);
console.log(`${"case".padEnd(16)}${pad("CPython 1st", 12)}${pad("best", 9)}${pad("Typhon 1st", 12)}${pad("best", 9)}`
  + `${pad("ratio 1st", 11)}${pad("best", 8)}`);
let lf = 0, lb = 0, k = 0;
for (const [name, cs] of cpy) {
  const ts = typ.get(name)!;
  const cf = median(cs.map((x) => x[0])), cb = median(cs.map((x) => x[1]));
  const tf = median(ts.map((x) => x[0])), tb = median(ts.map((x) => x[1]));
  const rf = tf / cf, rb = tb / cb;
  lf += Math.log(rf); lb += Math.log(rb); k++;
  console.log(`${name.padEnd(16)}${pad(cf.toFixed(2), 12)}${pad(cb.toFixed(2), 9)}${pad(tf.toFixed(2), 12)}`
    + `${pad(tb.toFixed(2), 9)}${pad(rf.toFixed(2) + "x", 11)}${pad(rb.toFixed(2) + "x", 8)}`);
}
console.log(`geometric mean of the ratios: first round ${Math.exp(lf / k).toFixed(2)}x, best round ${Math.exp(lb / k).toFixed(2)}x`);
