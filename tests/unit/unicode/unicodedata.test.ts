// unicodedata (15.1.0 and ucd_3_2_0) against CPython 3.13 over all code points (hashes captured by
// tools/capture_unicode.py), every alias and named sequence, normalization of tricky strings, and spot checks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as D from "../../../src/unicode/unicodedata_impl.js";
import { chr, differingBlocks, fmt, loadGolden, type Value } from "./golden.js";

interface Golden {
  block: number;
  latest: Record<string, string>;
  "3.2.0": Record<string, string>;
  aliases: [string, string][];
  named_sequences: [string, string][];
  strings: string[];
  normalized_strings: Record<string, string>;
}
const golden = loadGolden<Golden>("unicodedata.json");

function props(db: D.UCD): Record<string, [(cp: number) => Value, boolean?]> {
  return {
    category: [(c) => D.category(db, c)],
    bidirectional: [(c) => D.bidirectional(db, c)],
    combining: [(c) => D.combining(db, c)],
    mirrored: [(c) => D.mirrored(db, c)],
    east_asian_width: [(c) => D.east_asian_width(db, c)],
    decomposition: [(c) => D.decomposition(db, c)],
    decimal: [(c) => D.decimal(db, c)],
    digit: [(c) => D.digit(db, c)],
    numeric: [(c) => D.numeric(db, c), true],
    name: [(c) => D.name(db, c)],
    NFC: [(c) => D.normalize(db, "NFC", chr(c))],
    NFD: [(c) => D.normalize(db, "NFD", chr(c))],
    NFKC: [(c) => D.normalize(db, "NFKC", chr(c))],
    NFKD: [(c) => D.normalize(db, "NFKD", chr(c))],
  };
}

for (const [key, db] of [["latest", D.ucd_latest], ["3.2.0", D.ucd_3_2_0]] as const) {
  const table = props(db);
  test(`${key}: every captured property is checked`, () => {
    assert.deepEqual(Object.keys(table).sort(), Object.keys(golden[key]).sort());
  });
  for (const [name, [fn, isFloat]] of Object.entries(table)) {
    test(`${key}: all 0x110000 code points: ${name}`, () => {
      assert.deepEqual(differingBlocks(golden[key][name]!, golden.block, (cp) => fmt(fn(cp), isFloat)), []);
    });
  }
  test(`${key}: normalization of ${golden.strings.length} tricky strings`, () => {
    const strings = golden.strings.map((h) => (h === "" ? "" : String.fromCodePoint(...h.split(".").map((x) => parseInt(x, 16)))));
    for (const form of ["NFC", "NFD", "NFKC", "NFKD"]) {
      const h = createHash("sha1");
      for (const s of strings) h.update(fmt(D.normalize(db, form, s)) + (D.is_normalized(db, form, s) ? "1" : "0") + "\n");
      assert.equal(h.digest("hex").slice(0, 10), golden.normalized_strings[`${key}:${form}`], form);
    }
  });
}

test("lookup(name(c)) == c for every named code point, in both databases", () => {
  let n = 0;
  for (let cp = 0; cp < 0x110000; cp++) {
    const name = D.name(D.ucd_latest, cp);
    if (name === null) continue;
    n++;
    assert.equal(D.lookup(D.ucd_latest, name), chr(cp), name);
    // Stored names compare case-insensitively; the two algorithmic prefixes are matched case-sensitively.
    if (!/^(CJK UNIFIED IDEOGRAPH-|HANGUL SYLLABLE )/.test(name)) {
      assert.equal(D.lookup(D.ucd_latest, name.toLowerCase()), chr(cp), name);
    }
    if (D.name(D.ucd_3_2_0, cp) !== null) assert.equal(D.lookup(D.ucd_3_2_0, name), chr(cp), name);
  }
  assert.equal(n, 0x110000 - countUnnamed());
});

function countUnnamed(): number {
  let n = 0;
  for (let cp = 0; cp < 0x110000; cp++) if (D.name(D.ucd_latest, cp) === null) n++;
  return n;
}

test(`all ${golden.aliases.length} aliases and ${golden.named_sequences.length} named sequences`, () => {
  assert.ok(golden.aliases.length >= 470 && golden.named_sequences.length >= 440);
  for (const [alias, want] of [...golden.aliases, ...golden.named_sequences]) {
    assert.equal(fmt(D.lookup(D.ucd_latest, alias)), want, alias);
    assert.throws(() => D.lookup(D.ucd_3_2_0, alias), { message: `undefined character name '${alias}'` });
  }
  assert.equal(D.lookupForEscape("LINE FEED"), 10);
  assert.equal(D.lookupForEscape("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE"), -1);
  // As "\N{...}" in CPython 3.13: aliases yes; lower-case CJK hex and non-ASCII case folding no.
  assert.equal(D.lookupForEscape("byte order mark"), 0xfeff);
  assert.equal(D.lookupForEscape("cjk unified ideograph-4e00"), -1);
  assert.equal(D.lookupForEscape("LATIN SMALL LETTER DOTLESS \u0131"), -1);
});

test("lookup: CPython's quirks and messages", () => {
  const L = (s: string) => D.lookup(D.ucd_latest, s);
  assert.equal(L("latin small letter a"), "a");
  assert.equal(L("Line Feed"), "\n");
  assert.equal(L("CJK UNIFIED IDEOGRAPH-04E00"), "一");
  assert.equal(L("CJK UNIFIED IDEOGRAPH-2EBF0"), "\u{2EBF0}");
  assert.equal(L("HANGUL SYLLABLE GAG"), "각");
  assert.equal(L("khitan small script character-18b00"), "\u{18B00}");
  assert.equal(L("CJK COMPATIBILITY IDEOGRAPH-f900"), "\uf900");
  assert.equal(D.lookup(D.ucd_3_2_0, "LATIN CAPITAL LETTER A WITH STROKE"), "Ⱥ"); // new since 3.2, still found
  for (const bad of ["cjk unified ideograph-4e00", "CJK UNIFIED IDEOGRAPH-4e00", "CJK UNIFIED IDEOGRAPH-9FFF0",
    "hangul syllable ga", "HANGUL SYLLABLE ", "HANGUL SYLLABLE GAX", "LATIN SMALL LETTER ı", "LATIN  SMALL LETTER A",
    "TANGUT IDEOGRAPH-17000", "", "é".repeat(128)]) {
    assert.throws(() => L(bad), { message: `undefined character name '${bad}'` }, bad);
  }
  assert.throws(() => L("A\0B"), { message: "undefined character name 'A'" });
  assert.throws(() => L("x".repeat(257)), { message: "name too long" });
  assert.throws(() => L("é".repeat(129)), { message: "name too long" });
});

test("spot checks: properties, decomposition, normalization", () => {
  const U = D.ucd_latest;
  assert.equal(D.category(U, 0x41), "Lu");
  assert.equal(D.category(U, 0x378), "Cn");
  assert.equal(D.category(D.ucd_3_2_0, 0x20ac), "Sc");
  assert.equal(D.category(D.ucd_3_2_0, 0x2ebf0), "Cn");
  assert.equal(D.bidirectional(U, 0x5d0), "R");
  assert.equal(D.combining(U, 0x301), 230);
  assert.equal(D.mirrored(U, 0x28), 1);
  assert.equal(D.east_asian_width(U, 0x4e00), "W");
  assert.equal(D.decomposition(U, 0xc5), "0041 030A");
  assert.equal(D.decomposition(U, 0xfb01), "<compat> 0066 0069");
  assert.equal(D.decomposition(U, 0xac00), "");
  assert.equal(D.numeric(U, 0x2155), 0.2);
  assert.equal(D.numeric(D.ucd_3_2_0, 0x5146), 1000000.0);
  assert.equal(D.name(U, 0xac00), "HANGUL SYLLABLE GA");
  assert.equal(D.name(U, 0x17000), null);
  assert.equal(D.name(D.ucd_3_2_0, 0x2a700), null);
  assert.equal(D.name(U, 0xf900), "CJK COMPATIBILITY IDEOGRAPH-F900");
  assert.equal(D.normalize(U, "NFC", "A\u030a"), "Å");
  assert.equal(D.normalize(U, "NFD", "Å"), "A\u030a");
  assert.equal(D.normalize(U, "NFKC", "ﬁ"), "fi");
  assert.equal(D.normalize(U, "NFC", "\u1100\u1161\u11a8"), "각");
  assert.equal(D.normalize(U, "NFD", "각"), "\u1100\u1161\u11a8");
  assert.equal(D.normalize(U, "NFC", "a\u0323\u0302"), "ậ");
  assert.equal(D.normalize(U, "NFC", "a\u0302\u0323"), "ậ");
  assert.equal(D.normalize(U, "NFC", "\ud800\u0301"), "\ud800\u0301");
  assert.equal(D.is_normalized(U, "NFD", "Å"), false);
  assert.equal(D.is_normalized(U, "NFC", "Å"), true);
  assert.throws(() => D.normalize(U, "NFX", "a"), { message: "invalid normalization form" });
});

test("normalization is linear: 200,000 combining marks in reverse canonical order", () => {
  const s = "a" + "\u0301\u0316".repeat(100000);
  const t0 = Date.now();
  const r = D.normalize(D.ucd_latest, "NFD", s);
  assert.equal(r, "a" + "\u0316".repeat(100000) + "\u0301".repeat(100000));
  assert.ok(Date.now() - t0 < 2000);
});
