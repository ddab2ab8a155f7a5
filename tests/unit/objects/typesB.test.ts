// int, float and str against CPython: every golden group of tests/golden/objects/typesB.json.gz (formatting,
// parsing, arithmetic, methods, codecs; captured by tools/capture_typesB.py) run under Typhon, result by result.
// KNOWN lists the mismatches still expected per group, with the reason; the count must match exactly (ratchet).
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadGolden, runGroup } from "./typesB_harness.js";

const KNOWN: Record<string, [number, string]> = {
  int_ctor: [2, "bytearray and memoryview are not builtins yet"],
  int_bytes_misc: [2, "bytearray and memoryview are not builtins yet"],
  float_pow: [4, "negative base to a fractional power needs complex"],
  float_misc: [2, "bytearray and memoryview are not builtins yet"],
  str_case: [10, "case methods not yet on src/unicode (full mappings, final sigma, titlecase)"],
  str_pred: [1, "istitle on titlecase letters"],
  str_split: [2, "whitespace split with maxsplit keeps the rest unstripped"],
  str_misc: [2, "surrogatepass encoding, istitle"],
  str_methods_err: [41, "format-spec, maketrans, str(bytes, ...) errors"],
  str_percent: [5, "%c messages, mapping checks"],
  str_encode: [1245, "codecs with error handlers not done"],
  bytes_decode: [1026, "codecs with error handlers not done"],
  codec_misc: [23, "codecs with error handlers not done"],
  string_module: [16, "_string module missing"],
};

const golden = loadGolden();
for (const g of golden.groups) {
  test(`typesB golden: ${g.name} (${g.results.length} cases)`, () => {
    const r = runGroup(golden, g);
    const [allowed, reason] = KNOWN[g.name] ?? [0, ""];
    const first = r.mismatches.slice(0, 3).map((i) => `#${i}: want ${g.results[i]} got ${r.got[i]}`).join("\n");
    assert.equal(r.mismatches.length, allowed,
      `${r.mismatches.length} mismatches (listed: ${allowed}${reason ? ", " + reason : ""})\n${r.stderr}${first}`);
  });
}
