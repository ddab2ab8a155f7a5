// One runner for the differential case programs of tests/golden/NAME/NAME_cases.py: the program runs under
// bin/typhon.js (in its folder) and each output line must equal CPython's (expected.txt.gz, tools/capture_cases.py), except the lines
// whose label (the text before " = ") is listed as known, with its reason.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..", "..", "..");

/** `checkStderr` false: only stdout and the exit status are compared (for a program whose stderr Typhon cannot
 *  match yet; none needs it at present). */
export function assertCasesMatchCPython(name: string, known: ReadonlyMap<string, string>, checkStderr = true): void {
  const dir = join(ROOT, "tests", "golden", name);
  const expected = gunzipSync(readFileSync(join(dir, "expected.txt.gz"))).toString().split("\n");
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "typhon.js"), `${name}_cases.py`], {
    cwd: dir, encoding: "utf8", timeout: 600000, maxBuffer: 1 << 28,
    env: { PATH: process.env.PATH ?? "", PYTHONHASHSEED: "0", LANG: "C.UTF-8" },
  });
  if (checkStderr) assert.equal(r.stderr, "");
  assert.equal(r.status, 0, r.stderr.slice(-400));
  assertLinesMatch(r.stdout.split("\n"), expected, known);
}

/** Every line of `got` equals CPython's `expected` line, except those whose label (the text before " = ") is known
 *  to differ; a known line that matches fails too (the ratchet). */
export function assertLinesMatch(got: readonly string[], expected: readonly string[], known: ReadonlyMap<string, string>): void {
  assert.equal(got.length, expected.length, "line count");
  const diffs: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const label = expected[i].split(" = ")[0];
    if (got[i] === expected[i]) {
      if (known.has(label)) diffs.push(`${label} passes now: delete it from the known differences`);
    } else if (!known.has(label)) {
      diffs.push(`line ${i + 1}:\n  expected ${expected[i]}\n  got      ${got[i]}`);
    }
  }
  assert.deepEqual(diffs.slice(0, 20), []);
}
