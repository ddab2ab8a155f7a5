// The decimal module on Typhon's native _decimal (src/modules/_decimal): tests/golden/decimal/decimal_cases.py runs
// ~29,000 operations in every rounding mode and several contexts (results and the conditions raised, formats,
// conversions, operators with traps) and must print exactly what CPython 3.13 printed (tools/capture_cases.py).
import { test } from "node:test";
import { assertCasesMatchCPython } from "./golden_program.js";

/** Lines (by label) whose result differs from CPython's, with the reason. */
const KNOWN: ReadonlyMap<string, string> = new Map([]);

test("decimal: every operation of decimal_cases.py as CPython 3.13", () => {
  assertCasesMatchCPython("decimal", KNOWN);
});
