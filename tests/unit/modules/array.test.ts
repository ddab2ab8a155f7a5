// The array module against CPython 3.13: tests/golden/array/cases.py (every typecode's conversions and range
// messages, construction, slicing and slice assignment, comparisons, exports through memoryview, BufferError on
// resize, _array_reconstructor for every machine format, subclasses and __reduce_ex__), run by bin/typhon.js and
// compared line by line with CPython's stdout (tools/capture_array.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const DIR = join(ROOT, "tests", "golden", "array");

test("array.array edge cases print what CPython 3.13 prints", () => {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "typhon.js"), "cases.py"], {
    cwd: DIR, encoding: "utf8", timeout: 120000, env: { PATH: process.env.PATH ?? "", PYTHONHASHSEED: "0", LANG: "C.UTF-8" },
  });
  const expected = readFileSync(join(DIR, "cases.out"), "utf8").split("\n");
  const got = r.stdout.split("\n");
  for (let i = 0; i < expected.length; i++) assert.equal(got[i], expected[i], `line ${i + 1}; stderr: ${r.stderr.slice(-400)}`);
  assert.equal(got.length, expected.length);
  assert.equal(r.status, 0);
});
