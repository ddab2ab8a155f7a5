// The datetime module on Typhon's native _datetime (src/modules/_datetimemodule.ts): tests/golden/datetime/datetime_cases.py
// runs every type's constructors, arithmetic, comparisons, hashes, ISO 8601 parsing, strftime, timestamps (TZ=UTC),
// pickles for protocols 0-5 and the C module's messages, and must print what CPython 3.13 printed (tools/capture_cases.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertCasesMatchCPython } from "./golden_program.js";

/** Lines (by label) whose result differs from CPython's, with the reason. */
const KNOWN: ReadonlyMap<string, string> = new Map([
  ["c.weakref", "the _weakref module accepts weak references to datetime.date (CPython's date has no __weakref__ slot)"],
]);

test("datetime: every case of datetime_cases.py as CPython 3.13", () => {
  assertCasesMatchCPython("datetime", KNOWN);
});

// Local time: local_cases.py under two fixed zones (a US zone with its gap and fold, Europe/Dublin), compared with
// CPython's output under the same TZ (local_<zone>.txt; the capture command is in local_cases.py's header).
const DIR = join(import.meta.dirname, "..", "..", "..", "..", "tests", "golden", "datetime");
for (const zone of ["America/New_York", "Europe/Dublin"]) {
  test(`datetime: local time under TZ=${zone} as CPython 3.13`, () => {
    const expected = readFileSync(join(DIR, `local_${zone.replace("/", "_")}.txt`), "utf8");
    const r = spawnSync(process.execPath, [join(DIR, "..", "..", "..", "bin", "typhon.js"), "local_cases.py"], {
      cwd: DIR, encoding: "utf8", timeout: 120000, env: { PATH: process.env.PATH ?? "", TZ: zone, LANG: "C.UTF-8" },
    });
    assert.equal(r.stderr, "");
    assert.equal(r.status, 0);
    assert.equal(r.stdout, expected);
  });
}
