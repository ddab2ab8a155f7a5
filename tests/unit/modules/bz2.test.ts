// _bz2 and bz2 on Typhon's own bzip2 codec (src/modules/_bz2): tests/golden/bz2/bz2_cases.py decodes CPython's
// streams (whole, in pieces, with max_length), compresses a corpus at several levels (libbzip2 1.0.8's bytes),
// mutates and truncates streams, and drives BZ2File/bz2.open; every line must be CPython 3.13's (tools/capture_cases.py).
import { test } from "node:test";
import { assertCasesMatchCPython } from "./golden_program.js";

/** Lines (by label) whose result differs from CPython's, with the reason. */
const KNOWN: ReadonlyMap<string, string> = new Map([]);

test("bz2: every case of bz2_cases.py as CPython 3.13", () => {
  assertCasesMatchCPython("bz2", KNOWN);
});
