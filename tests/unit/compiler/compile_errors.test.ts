// The compiler-stage records of the syntax-error corpus (tests/golden/syntax_errors/compiler.jsonl, captured from
// CPython 3.13): Typhon's compile() must raise the same SyntaxError, equal on all six fields. KNOWN_FAILURES is a
// ratchet: a listed record that now matches fails the test. See docs/compiler.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCorpus } from "../../../tools/syntax_error_corpus.js";
import { compileRecord, compareFirstFields } from "../../../tools/diff_compile_errors.js";

/** record id -> why Typhon differs today. */
const KNOWN_FAILURES: Readonly<Record<string, string>> = {};

test("compile-time SyntaxErrors match CPython's on type, msg, lineno, offset, end_lineno, end_offset", () => {
  const records = loadCorpus("compiler");
  assert.ok(records.length >= 150, "the corpus holds at least 150 compiler-stage records");
  const unexpected: string[] = [];
  const fixed: string[] = [];
  for (const rec of records) {
    const d = compareFirstFields(rec, compileRecord(rec), 6);
    if (d !== null && !(rec.id in KNOWN_FAILURES)) unexpected.push(`${rec.id}: ${d}`);
    if (d === null && rec.id in KNOWN_FAILURES) fixed.push(rec.id);
  }
  assert.deepEqual(unexpected, []);
  assert.deepEqual(fixed, [], "remove these from KNOWN_FAILURES");
});
