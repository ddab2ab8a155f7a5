// _lzma and lzma on Typhon's own liblzma work-alike (src/modules/_lzma): tests/golden/lzma/lzma_cases.py decodes
// streams from liblzma and xz (every check, several blocks, delta and x86 filters, .lzma, raw LZMA1/LZMA2; whole, in
// pieces, with max_length), truncated and mutated streams, Typhon's compressor read back, the filter-property
// helpers, argument errors and LZMAFile; every line must be CPython 3.13's (tools/capture_cases.py lzma).
import { test } from "node:test";
import { assertCasesMatchCPython } from "./golden_program.js";

/** Lines (by label) whose result differs from CPython's, with the reason. */
const KNOWN: ReadonlyMap<string, string> = new Map([]);

test("lzma: every case of lzma_cases.py as CPython 3.13", () => {
  assertCasesMatchCPython("lzma", KNOWN);
});
