// time's local time as glibc computes it (src/runtime/tzfile.ts, src/modules/timemodule.ts): tests/golden/time/
// time_cases.py (offset transitions found by scanning, mktime with every tm_isdst in gaps and folds, localtime at the
// 32-bit and LMT edges, strftime's directives with glibc's flags, widths and E/O modifiers, tzset at run time) under
// each TZ of tools/capture_time.py; every line must be CPython 3.13's under the same TZ (expected.txt.gz).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { assertLinesMatch } from "./golden_program.js";

const ROOT = join(import.meta.dirname, "..", "..", "..", "..");
const DIR = join(ROOT, "tests", "golden", "time");

/** Lines (by label, the text before " = ") whose value differs from CPython's, with the reason. */
const KNOWN: ReadonlyMap<string, string> = new Map([]);

const sections = new Map<string, string[]>();
for (const part of gunzipSync(readFileSync(join(DIR, "expected.txt.gz"))).toString().split(/^### TZ=/m).slice(1)) {
  const nl = part.indexOf("\n");
  sections.set(part.slice(0, nl), part.slice(nl + 1).split("\n"));
}

for (const [tz, expected] of sections) {
  test(`time: time_cases.py under TZ=${JSON.stringify(tz)} as CPython 3.13`, () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "typhon.js"), "time_cases.py"], {
      cwd: DIR, encoding: "utf8", timeout: 300000, env: { PATH: process.env.PATH ?? "", TZ: tz, LANG: "C.UTF-8" },
    });
    assert.equal(r.stderr, "");
    assert.equal(r.status, 0);
    assertLinesMatch(r.stdout.split("\n"), expected, KNOWN);
  });
}

test("time: the fixture has a section per zone of tools/capture_time.py", () => {
  assert.equal(sections.size, 12);
});
