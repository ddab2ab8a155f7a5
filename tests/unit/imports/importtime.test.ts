// -X importtime and PYTHONPROFILEIMPORTTIME (import_find_and_load in Python/import.c): the header once, one line per
// module in the order imports finish, self and cumulative microseconds, two spaces of indentation per nesting level;
// and sys._xoptions from -X. Runs bin/typhon.js in a child process on a package tree in a temporary directory.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..", "..", "..");
const typhon = path.join(root, "bin", "typhon.js");

const LINE = /^import time: +(\d+) \| +(\d+) \| ( *)(\S+)$/;

function run(args: string[], env: NodeJS.ProcessEnv = {}): { stdout: string; stderr: string; status: number | null } {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "typhon-importtime-")));
  try {
    fs.mkdirSync(path.join(tmp, "pkg"));
    fs.writeFileSync(path.join(tmp, "pkg", "__init__.py"), "from . import inner\n");
    fs.writeFileSync(path.join(tmp, "pkg", "inner.py"), "import leaf\n");
    fs.writeFileSync(path.join(tmp, "leaf.py"), "x = 1\n");
    const r = spawnSync(process.execPath, [typhon, ...args], { cwd: tmp, encoding: "utf8",
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", ...env } });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function parse(stderr: string): { self: number; cum: number; level: number; name: string }[] {
  const lines = stderr.split("\n").filter((l) => l !== "");
  assert.equal(lines[0], "import time: self [us] | cumulative | imported package");
  return lines.slice(1).map((l) => {
    const m = LINE.exec(l);
    assert.ok(m !== null, `not an import time line: ${JSON.stringify(l)}`);
    return { self: Number(m[1]), cum: Number(m[2]), level: m[3].length / 2, name: m[4] };
  });
}

test("-X importtime: nested imports indented under the module that imported them, cumulative >= self", () => {
  const r = run(["-X", "importtime", "-c", "import pkg"]);
  assert.equal(r.status, 0, r.stderr);
  const rows = parse(r.stderr);
  const tail = rows.slice(-3);
  assert.deepEqual(tail.map((x) => [x.name, x.level]), [["leaf", 2], ["pkg.inner", 1], ["pkg", 0]]);
  for (const x of rows) assert.ok(x.cum >= x.self, `${x.name}: cumulative ${x.cum} < self ${x.self}`);
  // A parent's cumulative time covers its children's.
  assert.ok(tail[2].cum >= tail[1].cum && tail[1].cum >= tail[0].cum);
  assert.equal(r.stdout, "");
});

test("PYTHONPROFILEIMPORTTIME=1 does the same; -E ignores it; an already imported module prints nothing", () => {
  const r = run(["-c", "import leaf; import leaf"], { PYTHONPROFILEIMPORTTIME: "1" });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(parse(r.stderr).slice(-1).map((x) => [x.name, x.level]), [["leaf", 0]]);
  assert.equal(parse(r.stderr).filter((x) => x.name === "leaf").length, 1);
  const e = run(["-E", "-c", "import leaf"], { PYTHONPROFILEIMPORTTIME: "1" });
  assert.equal(e.stderr, "");
});

test("sys._xoptions: -X name is True, -X name=value is the value", () => {
  const r = run(["-X", "importtime", "-X", "a=b=c", "-X", "foo=", "-c", "import sys; print(sys._xoptions)"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, "{'importtime': True, 'a': 'b=c', 'foo': ''}\n");
});
