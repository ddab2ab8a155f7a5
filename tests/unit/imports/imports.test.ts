// The import system on package trees written to a temporary directory (tests/golden/imports/cases.json, captured
// from CPython 3.13 by tools/capture_imports.py): packages, relative and namespace imports, circular-import
// errors, reload, -m, __pycache__. Each case runs bin/typhon.js in a child process, as a user would.
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
const cases = JSON.parse(fs.readFileSync(path.join(root, "tests", "golden", "imports", "cases.json"), "utf8")) as {
  name: string; argv: string[]; runs?: number; files: Record<string, string>;
  expected: { stdout: string; stderr: string; status: number }[];
}[];

/** Cases that do not match yet, with the reason (the ratchet: a listed case that passes fails the run). */
const KNOWN_FAILURES: Record<string, string> = {
};

function runCase(c: (typeof cases)[number]): { stdout: string; stderr: string; status: number }[] {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "typhon-imports-")));
  try {
    for (const [p, content] of Object.entries(c.files)) {
      fs.mkdirSync(path.dirname(path.join(tmp, p)), { recursive: true });
      fs.writeFileSync(path.join(tmp, p), content);
    }
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", PYTHONHASHSEED: "0", LANG: "C.UTF-8" };
    const out = [];
    for (let i = 0; i < (c.runs ?? 1); i++) {
      const r = spawnSync(process.execPath, [typhon, ...c.argv], { cwd: tmp, env, encoding: "utf8", timeout: 60000 });
      const norm = (t: string) => t.split(tmp).join("<TMP>").replace(/^typhon: /m, "<PROG>: ");
      out.push({ stdout: norm(r.stdout), stderr: norm(r.stderr), status: r.status ?? -1 });
    }
    return out;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

for (const c of cases) {
  test(`imports: ${c.name}`, () => {
    const got = runCase(c);
    const known = KNOWN_FAILURES[c.name];
    let same = true;
    try {
      assert.deepEqual(got, c.expected);
    } catch (e) {
      same = false;
      if (known === undefined) throw e;
    }
    if (known !== undefined && same) assert.fail(`${c.name} passes: delete it from KNOWN_FAILURES`);
  });
}

test("imports: a .pyc is written under Typhon's cache tag and a second run loads it", () => {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "typhon-pyc-")));
  try {
    fs.writeFileSync(path.join(tmp, "m.py"), "print('m', __cached__.rpartition('/')[2])\n");
    fs.writeFileSync(path.join(tmp, "main.py"), "import m\n");
    const env = { PATH: process.env.PATH ?? "", PYTHONHASHSEED: "0" };
    const r1 = spawnSync(process.execPath, [typhon, "main.py"], { cwd: tmp, env, encoding: "utf8" });
    assert.equal(r1.stdout, "m m.typhon-313.pyc\n");
    const pyc = path.join(tmp, "__pycache__", "m.typhon-313.pyc");
    assert.ok(fs.existsSync(pyc));
    const data = fs.readFileSync(pyc);
    assert.equal(data.readUInt16LE(0), 3571);
    const r2 = spawnSync(process.execPath, [typhon, "main.py"], { cwd: tmp, env, encoding: "utf8" });
    assert.equal(r2.stdout, "m m.typhon-313.pyc\n");
    // -B: nothing new is written.
    fs.rmSync(path.join(tmp, "__pycache__"), { recursive: true });
    spawnSync(process.execPath, [typhon, "-B", "main.py"], { cwd: tmp, env, encoding: "utf8" });
    assert.ok(!fs.existsSync(pyc));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("code cached from a zip member names the archive's current path after the archive moved", () => {
  // Typhon's zip code cache (dist/pycache/<archive base>/...) is keyed by the member's CRC and size, so a copy of
  // the archive elsewhere hits the same entry: the code must name the copy, as _imp._fix_co_filename does for pycs.
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "typhon-zipmove-")));
  try {
    const env = { PATH: process.env.PATH ?? "", PYTHONHASHSEED: "0" };
    const tag = path.basename(tmp).replace(/[^A-Za-z0-9]/g, "");
    const zipName = `moved_${tag}.zip`;
    fs.mkdirSync(path.join(tmp, "a"));
    fs.mkdirSync(path.join(tmp, "b"));
    const make = `import zipfile\nwith zipfile.ZipFile(${JSON.stringify(path.join(tmp, "a", zipName))}, "w") as z:\n`
      + `    z.writestr("zm.py", "def f():\\n    return f.__code__.co_filename\\n")\n`;
    const r0 = spawnSync(process.execPath, [typhon, "-c", make], { cwd: tmp, env, encoding: "utf8" });
    assert.equal(r0.status, 0, r0.stderr);
    fs.copyFileSync(path.join(tmp, "a", zipName), path.join(tmp, "b", zipName));
    const run = (dir: string) => spawnSync(process.execPath, [typhon, "-c",
      `import sys; sys.path.insert(0, ${JSON.stringify(path.join(tmp, dir, zipName))}); import zm; print(zm.f(), zm.__file__)`],
      { cwd: tmp, env, encoding: "utf8" });
    for (const dir of ["a", "b", "a"]) {
      const r = run(dir);
      const want = path.join(tmp, dir, zipName, "zm.py");
      assert.equal(r.stdout, `${want} ${want}\n`, r.stderr);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(path.join(root, "dist", "pycache", `moved_${path.basename(tmp).replace(/[^A-Za-z0-9]/g, "")}.zip`),
      { recursive: true, force: true });
  }
});
