// Every code point's str-method answers against CPython 3.13 (hashes captured by tools/capture_unicode.py),
// plus spot checks of the tricky cases: special casing, final sigma, title case, lone surrogates.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as U from "../../../src/unicode/unicodectype.js";
import { chr, differingBlocks, fmt, loadGolden, type Value } from "./golden.js";

const golden = loadGolden<{ version: string; block: number; hashes: Record<string, string> }>("ctype.json");

const orNull = (n: number): number | null => (n < 0 ? null : n);
const PROPS: Record<string, [(cp: number) => Value, boolean?]> = {
  isalpha: [(c) => U.str_isalpha(chr(c))],
  isdecimal: [(c) => U.str_isdecimal(chr(c))],
  isdigit: [(c) => U.str_isdigit(chr(c))],
  isnumeric: [(c) => U.str_isnumeric(chr(c))],
  isalnum: [(c) => U.str_isalnum(chr(c))],
  isspace: [(c) => U.str_isspace(chr(c))],
  isprintable: [(c) => U.str_isprintable(chr(c))],
  islower: [(c) => U.str_islower(chr(c))],
  isupper: [(c) => U.str_isupper(chr(c))],
  istitle: [(c) => U.str_istitle(chr(c))],
  isidentifier: [(c) => U.str_isidentifier(chr(c))],
  isidentifier_continue: [(c) => U.str_isidentifier("a" + chr(c))],
  linebreak: [(c) => (U._PyUnicode_IsLinebreak(c) ? 2 : 1)],
  lower: [(c) => U.str_lower(chr(c))],
  upper: [(c) => U.str_upper(chr(c))],
  title: [(c) => U.str_title(chr(c))],
  casefold: [(c) => U.str_casefold(chr(c))],
  capitalize: [(c) => U.str_capitalize(chr(c) + "\u0130\u03a3")],
  swapcase: [(c) => U.str_swapcase("\u03a3" + chr(c) + "\u03a3")],
  title_pair: [(c) => U.str_title(chr(c) + "a\u01c5" + chr(c))],
  lower_sigma: [(c) => U.str_lower("A\u03a3" + chr(c) + "A\u03a3" + chr(c))],
  istitle_pair: [(c) => U.str_istitle("A" + chr(c))],
  islower_pair: [(c) => U.str_islower("a" + chr(c))],
  isupper_pair: [(c) => U.str_isupper("A" + chr(c))],
  sre_tolower: [(c) => U._PyUnicode_ToLowercase(c)],
  sre_iscased: [(c) => U._PyUnicode_ToUppercase(c) !== c || U._PyUnicode_ToLowercase(c) !== c],
  decimal: [(c) => orNull(U._PyUnicode_ToDecimalDigit(c))],
  digit: [(c) => orNull(U._PyUnicode_ToDigit(c))],
  numeric: [(c) => (U._PyUnicode_IsNumeric(c) ? U._PyUnicode_ToNumeric(c) : null), true],
};

test("the golden data covers Unicode 15.1.0 and every property is checked", () => {
  assert.equal(golden.version, "15.1.0");
  assert.deepEqual(Object.keys(PROPS).sort(), Object.keys(golden.hashes).sort());
});

for (const [name, [fn, isFloat]] of Object.entries(PROPS)) {
  test(`all 0x110000 code points: ${name}`, () => {
    assert.deepEqual(differingBlocks(golden.hashes[name]!, golden.block, (cp) => fmt(fn(cp), isFloat)), []);
  });
}

test("special casing: ß, ﬁ, İ, ŉ, ǅ", () => {
  assert.equal(U.str_upper("straße"), "STRASSE");
  assert.equal(U.str_casefold("Straße"), "strasse");
  assert.equal(U.str_title("ﬁne ﬂour"), "Fine Flour");
  assert.equal(U.str_upper("ﬃ"), "FFI");
  assert.equal(U.str_lower("İ"), "i\u0307");
  assert.equal(U.str_upper("ŉ"), "\u02bcN");
  assert.equal(U.str_title("ǆemal"), "ǅemal");
  assert.equal(U.str_capitalize("ǆEMAL"), "ǅemal");
  assert.equal(U.str_swapcase("ǅ"), "ǅ");
  assert.deepEqual(U._PyUnicode_ToUpperFull(0xdf), [0x53, 0x53]);
  assert.equal(U._PyUnicode_ToUppercase(0xdf), 0x53);
  assert.deepEqual(U._PyUnicode_ToFoldedFull(0x1e9e), [0x73, 0x73]);
});

test("final sigma in lower(), title(), capitalize(), swapcase()", () => {
  assert.equal(U.str_lower("ΟΔΟΣ"), "οδος");
  assert.equal(U.str_lower("ΟΔΟΣ."), "οδος.");
  assert.equal(U.str_lower("Σ"), "σ");
  assert.equal(U.str_lower(" Σ "), " σ ");
  assert.equal(U.str_lower("ΑΣ\u0301Α"), "ασ\u0301α");
  assert.equal(U.str_lower("ΑΣ\u0301"), "ας\u0301");
  assert.equal(U.str_lower("A\u{1D167}Σ"), "a\u{1D167}ς"); // an astral case-ignorable between
  assert.equal(U.str_lower("A\u{1D16E}Σ"), "a\u{1D16E}σ"); // an astral uncased mark (Mc) is not ignorable
  assert.equal(U.str_title("ΟΔΟΣ ΟΔΟΣ"), "Οδος Οδος");
  assert.equal(U.str_capitalize("ΣΑΣ"), "Σας");
  assert.equal(U.str_swapcase("ΟΔΟΣ"), "οδος");
});

test("astral characters and lone surrogates", () => {
  assert.equal(U.str_upper("\u{10428}x"), "\u{10400}X"); // DESERET
  assert.equal(U.str_lower("\u{1E900}"), "\u{1E922}"); // ADLAM
  assert.equal(U.str_upper("a\ud800b\udfffc"), "A\ud800B\udfffC");
  assert.equal(U.str_lower("\udc00Σ"), "\udc00σ");
  assert.equal(U.str_isprintable("\ud800"), false);
  assert.equal(U.str_isalpha("\u{20000}"), true);
  assert.equal(U.str_isidentifier("\u{1D400}x"), true);
});

test("predicates on whole strings", () => {
  assert.equal(U.str_islower(""), false);
  assert.equal(U.str_isprintable(""), true);
  assert.equal(U.str_isspace(""), false);
  assert.equal(U.str_istitle("Hello World"), true);
  assert.equal(U.str_istitle("Hello world"), false);
  assert.equal(U.str_istitle("ǅ"), true);
  assert.equal(U.str_isupper("ABC1"), true);
  assert.equal(U.str_islower("abc1"), true);
  assert.equal(U.str_isdecimal("٣"), true);
  assert.equal(U.str_isdigit("²"), true);
  assert.equal(U.str_isdecimal("²"), false);
  assert.equal(U.str_isnumeric("½"), true);
  assert.equal(U._PyUnicode_ToNumeric(0xbd), 0.5);
  assert.equal(U._PyUnicode_ToNumeric(0x2155), 1 / 5);
  assert.equal(U._PyUnicode_ToNumeric(0x16b61), 1e12);
  assert.equal(U._PyUnicode_ToNumeric(0x41), -1);
  assert.equal(U.str_isspace("\u1680\u2028\x1c"), true);
  assert.equal(U.str_isspace("\u200b"), false);
  assert.equal(U.str_isidentifier("_"), true);
  assert.equal(U.str_isidentifier("1a"), false);
  assert.equal(U.str_isidentifier("℘x"), true); // Other_ID_Start
  assert.equal(U.str_isidentifier("a·"), true); // Other_ID_Continue
});
