// pyexpat on Typhon's expat-compatible parser (src/modules/expat, src/modules/pyexpat.ts): expat_cases.py runs
// every handler with positions, ~50 well-formed and malformed documents whole and in chunks, namespaces, options,
// encodings, ElementTree, minidom and sax, and must print exactly what CPython 3.13 printed (tools/capture_cases.py).
import { test } from "node:test";
import { assertCasesMatchCPython } from "./golden_program.js";

/** Lines (by label) whose result differs from CPython's, with the reason. */
const KNOWN: ReadonlyMap<string, string> = new Map([]);

test("pyexpat: every event and error of expat_cases.py as CPython 3.13", () => {
  assertCasesMatchCPython("expat", KNOWN);
});
