// str.isidentifier's ASCII fast path (src/objects/unicodeobject.ts) against the XID tables' answer and CPython 3.13's.
import { test } from "node:test";
import assert from "node:assert/strict";
// pythonrun first: it imports the runtime's modules in the order their top-level code needs.
import "../../../src/runtime/pythonrun.js";
import { unicode_isidentifier } from "../../../src/objects/unicodeobject.js";
import { str_isidentifier } from "../../../src/unicode/unicodectype.js";

test("isidentifier: fast path equals the table path on every 1- and 2-char string over U+0000..U+00FF", () => {
  for (let a = 0; a < 0x100; a++) {
    const s1 = String.fromCharCode(a);
    assert.equal(unicode_isidentifier(s1), str_isidentifier(s1), s1);
    for (let b = 0; b < 0x100; b++) {
      const s2 = s1 + String.fromCharCode(b);
      assert.equal(unicode_isidentifier(s2), str_isidentifier(s2), JSON.stringify(s2));
    }
  }
});

test("isidentifier: edge cases as CPython 3.13", () => {
  const cases: [string, boolean][] = [
    ["", false], ["_", true], ["__init__", true], ["a1", true], ["1a", false], ["A_Z", true], ["a b", false],
    ["a-b", false], ["a@", false], ["[", false], ["`", false], ["{", false], ["x\u00b7", true], ["\u00b7x", false],
    ["\u00e9t\u00e9", true], ["a\u00e9", true], ["1\u00e9", false], ["\u2118x", true], ["\u{1D400}x", true],
    ["a\ud800", false], ["a\u200b", false], ["a\u0300", true], ["\u0300a", false], ["\u00aa", true], ["a\u00bd", false],
  ];
  for (const [s, want] of cases) assert.equal(unicode_isidentifier(s), want, JSON.stringify(s));
});
