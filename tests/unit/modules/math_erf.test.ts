// math.erf, erfc, exp, expm1, cosh, sinh, tanh bit for bit as CPython 3.13 on glibc 2.36 shows them (_math.ts):
// tests/golden/math_erf/math_erf_cases.py sweeps about 1.4 million arguments per function in blocks (a CRC-32 of
// each block's results) plus single values around every branch point, captured by tools/capture_cases.py.
import { test } from "node:test";
import { assertCasesMatchCPython } from "./golden_program.js";

test("math.erf/erfc/exp/expm1/cosh/sinh/tanh equal glibc's results as CPython 3.13 prints them", () => {
  assertCasesMatchCPython("math_erf", new Map());
});
