// The syntax-error corpus (tests/golden/syntax_errors/parser.jsonl, captured from CPython 3.13) run through Typhon's
// parser, with a ratchet: every record matches CPython's six fields unless expected_failures.txt lists it, and a listed
// record that now matches fails the test so the list only shrinks. See docs/parser.md ("Syntax errors").
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  loadCorpus, loadExpectedFailures, loadTyphonParser, runRecord, compareRecord, FIELDS,
} from "../../../tools/syntax_error_corpus.js";

const records = loadCorpus("parser");
const compilerRecords = loadCorpus("compiler");
const expected = loadExpectedFailures();

test("the corpus is well formed and large enough", () => {
  assert.ok(records.length >= 300, `only ${records.length} records`);
  const own = records.filter((r) => r.id.startsWith("own-")).length;
  assert.ok(own >= 300, `only ${own} hand-written records`);
  const ids = new Set<string>();
  for (const r of [...records, ...compilerRecords]) {
    assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
    ids.add(r.id);
    assert.ok(r.src !== undefined || r.src_hex !== undefined, `${r.id} has no source`);
    for (const f of FIELDS) assert.ok(f in r, `${r.id} lacks ${f}`);
  }
  for (const r of compilerRecords) assert.equal(r.stage, "compiler");
  for (const r of records) assert.notEqual(r.stage, "compiler");
  const stale = [...expected.keys()].filter((id) => !ids.has(id));
  assert.deepEqual(stale, [], "expected_failures.txt names records that no longer exist");
});

test("every record matches CPython's six fields or is listed in expected_failures.txt", async () => {
  const parse = await loadTyphonParser();
  const unexpected: string[] = [];
  const nowPassing: string[] = [];
  for (const rec of records) {
    const diff = compareRecord(rec, runRecord(parse, rec));
    if (diff === null && expected.has(rec.id)) nowPassing.push(rec.id);
    if (diff !== null && !expected.has(rec.id)) unexpected.push(`${rec.id} (${rec.origin}): ${diff}`);
  }
  const show = (xs: string[]) => xs.slice(0, 40).join("\n  ") + (xs.length > 40 ? `\n  ... ${xs.length - 40} more` : "");
  assert.deepEqual(nowPassing.length, 0,
    `${nowPassing.length} listed records now pass; remove them from expected_failures.txt:\n  ${show(nowPassing)}`);
  assert.deepEqual(unexpected.length, 0, `${unexpected.length} records fail without being listed:\n  ${show(unexpected)}`);
});

test("compiler-stage records (symtable/codegen errors, issue #3) parse without error, as ast.parse accepts them", async () => {
  const parse = await loadTyphonParser();
  const unexpected: string[] = [];
  const nowPassing: string[] = [];
  for (const rec of compilerRecords) {
    const got = runRecord(parse, rec);
    const ok = got.kind === "accepted";
    const why = got.kind === "error" ? `${got.fields.type}: ${got.fields.msg}` : got.kind === "accepted" ? "" : got.text;
    if (ok && expected.has(rec.id)) nowPassing.push(rec.id);
    if (!ok && !expected.has(rec.id)) unexpected.push(`${rec.id} (${rec.origin}): ${why}`);
  }
  assert.deepEqual(nowPassing, [], "listed compiler-stage records now parse; remove them from expected_failures.txt");
  assert.deepEqual(unexpected, [], "compiler-stage records the parser rejects without being listed");
});
