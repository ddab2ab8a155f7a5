// int, float and str against CPython: every golden group of tests/golden/objects/typesB.json.gz (formatting,
// parsing, arithmetic, methods, codecs; captured by tools/capture_typesB.py) run under Typhon, result by result.
// KNOWN lists the mismatches still expected per group, with the reason; the count must match exactly (ratchet).
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadGolden, runGroup } from "./typesB_harness.js";

const KNOWN: Record<string, [number, string]> = {
  int_ctor: [2, "bytearray and memoryview are not builtins yet"],
  int_bytes_misc: [2, "bytearray and memoryview are not builtins yet"],
  float_pow: [1, "complex ** is an ulp off (complexobject.ts)"],
  float_misc: [2, "bytearray and memoryview are not builtins yet"],
  str_methods_err: [1, "bytearray is not a builtin yet"],
  str_encode: [10, "cp1252 (charmap codecs) not implemented"],
  codec_misc: [1, "bytearray is not a builtin yet"],
  string_module: [16, "_string is not registered as a built-in module yet"],
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
