// The start-up snapshot and the launcher (bin/typhon.js, src/host/node_main.ts, tools/bundle.ts): the snapshot is
// used when present, the host (argv, environment, cwd, stdio) is attached after deserialisation, and hashes follow
// this process's PYTHONHASHSEED, not the build's (values captured from CPython 3.13.0). See docs/cli.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const BIN = join(ROOT, "bin", "typhon.js");
const HAVE_BLOB = existsSync(join(ROOT, "dist", "typhon.blob"));
const NO_BLOB = HAVE_BLOB ? false : "no dist/typhon.blob (npm run build makes it; esbuild or --build-snapshot missing)";

function run(args: string[], env: Record<string, string> = {}, opts: { direct?: boolean; cwd?: string } = {}) {
  const e: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete e.PYTHONHASHSEED;
  Object.assign(e, env);
  // Executed as a script, bin/typhon.js is the shell launcher that picks the snapshot; under node it never does.
  const r = opts.direct === false
    ? spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: e, cwd: opts.cwd })
    : spawnSync("/bin/sh", [BIN, ...args], { encoding: "utf8", env: e, cwd: opts.cwd });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

// What `print(set("abcdefgh"), hash("abc"), hash(b"abc"), hash(frozenset(["a", "b"])))` prints in CPython 3.13.0.
const HASHES = 'print(set("abcdefgh"), hash("abc"), hash(b"abc"), hash(frozenset(["a", "b"])))';
const CPYTHON_HASHES: Record<string, string> = {
  "0": "{'d', 'f', 'g', 'h', 'b', 'c', 'a', 'e'} -4594863902769663758 -4594863902769663758 1679668661828516449\n",
  "7": "{'g', 'f', 'd', 'b', 'h', 'a', 'c', 'e'} -7459679063432183616 -7459679063432183616 -121863869665443622\n",
};

test("the launcher starts from the snapshot when it is current", { skip: NO_BLOB }, () => {
  const r = spawnSync("/bin/sh", ["-x", BIN, "-c", "pass"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /--snapshot-blob \S*typhon\.blob -- /);
  const off = spawnSync("/bin/sh", ["-x", BIN, "-c", "pass"], { encoding: "utf8",
    env: { ...process.env, TYPHON_NO_SNAPSHOT: "1" } });
  assert.doesNotMatch(off.stderr, /--snapshot-blob/);
});

for (const seed of Object.keys(CPYTHON_HASHES)) {
  test(`PYTHONHASHSEED=${seed}: str, bytes and frozenset hashes and set order as CPython's, with and without the snapshot`, () => {
    assert.equal(run(["-c", HASHES], { PYTHONHASHSEED: seed }).stdout, CPYTHON_HASHES[seed]);
    assert.equal(run(["-c", HASHES], { PYTHONHASHSEED: seed }, { direct: false }).stdout, CPYTHON_HASHES[seed]);
  });
}

test("hash randomisation: each start has its own secret", { skip: NO_BLOB }, () => {
  const seen = new Set<string>();
  for (let i = 0; i < 3; i++) seen.add(run(["-c", "print(hash('abc'))"]).stdout);
  assert.equal(seen.size, 3);
});

test("a restored interpreter finds every type's attributes and builtins under the new secret", { skip: NO_BLOB }, () => {
  const prog = "import sys\nprint(int.__add__(1, 2), 'abc'.upper(), {'x': 1}['x'], object.__name__, len(dir(object)), "
    + "sorted(vars(str))[:3], ValueError.__mro__[1].__name__, sys.flags.optimize, __builtins__.__name__)";
  const want = "3 ABC 1 object 24 ['__add__', '__contains__', '__doc__'] Exception 0 builtins\n";
  for (const seed of [undefined, "0", "12345"]) {
    const r = run(["-c", prog], seed === undefined ? {} : { PYTHONHASHSEED: seed });
    assert.equal(r.stdout, want, r.stderr);
  }
});

test("the host is attached after deserialisation: argv, environment, cwd, stdin, exit status", { skip: NO_BLOB }, () => {
  const dir = mkdtempSync(join(tmpdir(), "typhon-snapshot-"));
  try {
    const r = run(["-c", "import os, sys; print(sys.argv, os.environ['TYPHON_TEST_VAR'], os.getcwd()); sys.exit(7)", "-c", "x"],
      { TYPHON_TEST_VAR: "v1" }, { cwd: dir });
    assert.equal(r.stdout, `['-c', '-c', 'x'] v1 ${dir}\n`, r.stderr);
    assert.equal(r.status, 7);
    const s = spawnSync("/bin/sh", [BIN], { input: "import sys\nprint('from', sys.argv)\n", encoding: "utf8" });
    assert.equal(s.stdout, "from ['']\n", s.stderr);
    assert.equal(run(["-c", "1/0"]).stderr.split("\n").at(-2), "ZeroDivisionError: division by zero");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
