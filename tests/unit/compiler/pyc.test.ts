// Typhon's .pyc files (src/runtime/py_compile.ts): the marshalled code of a handful of tests/diff programs equals
// CPython 3.13's marshal.dumps bytes (tests/golden/compiler/pyc.json, tools/capture_pyc.py), the PEP 552 header, and,
// when python3.13 is installed, CPython runs Typhon's .pyc with the programs' captured output. See docs/compiler.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../../../src/compiler/compile.js";
import { codeToPyc, marshalCode, sourceHash } from "../../../src/runtime/py_compile.js";
import { programOptions } from "../../../tools/run_diff.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const goldenAll = JSON.parse(readFileSync(join(ROOT, "tests/golden/compiler/pyc.json"), "utf8")) as
  Record<string, string | { source: string; bytes: string }>;
/** tests/diff programs: their marshal.dumps bytes (hex). */
const golden: Record<string, string> = {};
/** Snippets of the object-model rules: source and bytes. */
const snippets: Record<string, { source: string; bytes: string }> = {};
for (const [k, v] of Object.entries(goldenAll)) {
  if (typeof v === "string") golden[k] = v;
  else snippets[k.slice("snippet:".length)] = v;
}
const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");

function typhonCode(name: string): { source: Uint8Array; co: ReturnType<typeof compile> } {
  const rel = "tests/diff/" + name;
  const source = readFileSync(join(ROOT, rel));
  return { source, co: compile(source, rel, "exec", 0, 0) };
}

for (const name of Object.keys(golden)) {
  test(`pyc bytes: ${name} marshals as CPython 3.13's marshal.dumps`, () => {
    assert.equal(hex(marshalCode(typhonCode(name).co)), golden[name]);
  });
}

for (const [name, { source, bytes }] of Object.entries(snippets)) {
  test(`pyc bytes: snippet ${name} (FLAG_REF, interning and set order as CPython's)`, () => {
    assert.equal(hex(marshalCode(compile(source, "snippet.py", "exec", 0, 0))), bytes);
  });
}

test("pyc header: magic 3571, flags, mtime and size; hash-based flags and _imp.source_hash", () => {
  const { source, co } = typhonCode("generators/basics.py");
  const ts = codeToPyc(co, source, "timestamp", 0x1_2345_6789);
  assert.equal(hex(ts.subarray(0, 8)), "f30d0d0a00000000");
  const dv = new DataView(ts.buffer, ts.byteOffset);
  assert.equal(dv.getUint32(8, true), 0x2345_6789); // mtime & 0xFFFFFFFF
  assert.equal(dv.getUint32(12, true), source.length);
  assert.equal(hex(codeToPyc(co, source, "checked-hash", 0).subarray(4, 8)), "03000000");
  assert.equal(hex(codeToPyc(co, source, "unchecked-hash", 0).subarray(4, 8)), "01000000");
  // _imp.source_hash(importlib.util._RAW_MAGIC_NUMBER, b'') and (..., b'print(1)\n') from python3.13.
  assert.equal(hex(sourceHash(new Uint8Array(0))), "27ec6d312f93b814");
  assert.equal(hex(sourceHash(new TextEncoder().encode("print(1)\n"))), "5a90791f83be4635");
});

const PYTHON = "python3.13";
const hasPython = spawnSync(PYTHON, ["-c", "pass"], { env: { ...process.env, PYENV_VERSION: "3.13.0" } }).status === 0;
if (!hasPython) process.stdout.write(`# pyc.test: ${PYTHON} not found; CPython does not run Typhon's .pyc here (bytes checked above)\n`);

for (const name of Object.keys(golden)) {
  test(`CPython 3.13 runs Typhon's .pyc of ${name}`, { skip: hasPython ? false : `${PYTHON} is absent` }, () => {
    const { source, co } = typhonCode(name);
    const dir = mkdtempSync(join(tmpdir(), "typhon-pyc-test-"));
    try {
      const pyc = join(dir, name.replace(/\//g, "_") + "c");
      writeFileSync(pyc, codeToPyc(co, source, "unchecked-hash", 0));
      const { argv, stdin } = programOptions(new TextDecoder().decode(source));
      const stem = join(ROOT, "tests/diff", name.slice(0, -3));
      const read = (ext: string): string => (existsSync(stem + ext) ? readFileSync(stem + ext, "utf8") : "");
      const r = spawnSync(PYTHON, [pyc, ...argv], {
        cwd: ROOT, input: stdin, encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PYENV_VERSION: "3.13.0", PYTHONHASHSEED: "0", LC_ALL: "C.UTF-8" },
      });
      assert.equal(r.stdout, read(".out"));
      assert.equal(r.stderr.split(pyc).join("tests/diff/" + name), read(".err"));
      assert.equal(r.status, Number(read(".status").trim() || "0"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("a timestamp .pyc equals py_compile.compile's whole file, and CPython's importer accepts it",
  { skip: hasPython ? false : `${PYTHON} is absent` }, () => {
    const dir = mkdtempSync(join(tmpdir(), "typhon-pyc-test-"));
    try {
      const src = join(dir, "mod.py");
      writeFileSync(src, "X = 42\ndef f():\n    return [i * i for i in range(3)], {'a b': 1.5}\n");
      const source = readFileSync(src);
      const mtime = Math.floor(statSync(src).mtimeMs / 1000);
      mkdirSync(join(dir, "__pycache__"));
      const cached = join(dir, "__pycache__", "mod.cpython-313.pyc");
      writeFileSync(cached, codeToPyc(compile(source, src, "exec", 0, 0), source, "timestamp", mtime));
      const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PYENV_VERSION: "3.13.0" };
      const py = "import py_compile, sys, mod; py_compile.compile(sys.argv[1], cfile=sys.argv[2]); print(mod.X, mod.f(), mod.__cached__)";
      const r = spawnSync(PYTHON, ["-B", "-v", "-c", py, src, join(dir, "cp.pyc")], { cwd: dir, env, encoding: "utf8" });
      assert.ok(r.stderr.includes(`# ${cached} matches ${src}\n`), "the importer takes the .pyc as up to date");
      assert.equal(r.stdout, `42 ([0, 1, 4], {'a b': 1.5}) ${cached}\n`);
      assert.equal(hex(readFileSync(join(dir, "cp.pyc"))), hex(readFileSync(cached)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
