// Smoke programs of the standard library (one per module of issue #5's acceptance list, plus the native modules
// behind the import system), run by bin/typhon.js and compared with CPython 3.13's output captured by
// tools/capture_stdlib.py (tests/golden/stdlib/expected.json); failures listed in expected_failures.txt (a ratchet).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import {
  acceptancePrograms, loadCaptures, loadSmokeExpectations, parseSmokeExpectations, runSmokes, smokeDifference,
  uncapturedPrograms, type Capture,
} from "../../../tools/stdlib_smoke.js";

const captures = loadCaptures();
const expectations = loadSmokeExpectations();
const names = Object.keys(captures).sort();
let results: (Capture | "timeout")[] = [];

before(async () => {
  // Two at a time: the machine's two cores are shared (docs/testing.md).
  results = await runSmokes(names, 2, 120000);
}, { timeout: 3600000 });

test("stdlib smoke: every program has a capture and every acceptance module a program", () => {
  assert.deepEqual(uncapturedPrograms(), []);
  for (const [mod, prog] of acceptancePrograms()) assert.ok(prog in captures, `${mod}: ${prog} has no capture`);
  for (const name of expectations.keys()) assert.ok(name in captures, `expected_failures.txt names an unknown program ${name}`);
  assert.deepEqual([...parseSmokeExpectations("# c\nx.py  why it fails\n\ny.py\n")], [["x.py", "why it fails"], ["y.py", ""]]);
});

names.forEach((name, i) => {
  test(`stdlib smoke: ${name}`, () => {
    const diff = smokeDifference(captures[name], results[i]);
    const reason = expectations.get(name);
    if (reason === undefined) {
      if (diff !== "") assert.deepEqual(results[i], captures[name], diff);
    } else if (diff === "") {
      assert.fail(`${name} passes: delete its line from tests/golden/stdlib/expected_failures.txt`);
    }
  });
});
