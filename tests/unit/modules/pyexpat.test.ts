// pyexpat on Typhon's expat-compatible parser (src/modules/expat, src/modules/pyexpat.ts): expat_cases.py runs
// every handler with positions, ~50 well-formed and malformed documents whole and in chunks, namespaces, options,
// encodings, ElementTree, minidom and sax, and must print exactly what CPython 3.13 printed (expected.txt.gz,
// captured by tools/capture_expat.py). Known differences are listed in KNOWN with their reason.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..", "..", "..");
const DIR = join(ROOT, "tests", "golden", "expat");

/** Lines (by label, the text before " = ") whose result differs from CPython's, with the reason. */
const KNOWN: ReadonlyMap<string, string> = new Map([]);

test("pyexpat: every event and error of expat_cases.py as CPython 3.13", () => {
  const expected = gunzipSync(readFileSync(join(DIR, "expected.txt.gz"))).toString().split("\n");
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "typhon.js"), join(DIR, "expat_cases.py")],
    { encoding: "utf8", env: { ...process.env, PYTHONHASHSEED: "0" }, timeout: 600000, maxBuffer: 1 << 28 });
  assert.equal(r.stderr, "");
  const got = r.stdout.split("\n");
  assert.equal(got.length, expected.length, "line count");
  const diffs: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const label = expected[i].split(" = ")[0];
    if (got[i] === expected[i]) {
      if (KNOWN.has(label)) diffs.push(`${label} passes now: delete it from KNOWN`);
    } else if (!KNOWN.has(label)) {
      diffs.push(`line ${i + 1}:\n  expected ${expected[i]}\n  got      ${got[i]}`);
    }
  }
  assert.deepEqual(diffs.slice(0, 20), []);
});
