// The datetime module on Typhon's native _datetime (src/modules/_datetimemodule.ts): tests/golden/datetime/datetime_cases.py
// runs every type's constructors, arithmetic, comparisons, hashes, ISO 8601 parsing, strftime, timestamps (TZ=UTC),
// pickles for protocols 0-5 and the C module's messages, and must print what CPython 3.13 printed (tools/capture_cases.py).
import { test } from "node:test";
import { assertCasesMatchCPython } from "./golden_program.js";

/** Lines (by label) whose result differs from CPython's, with the reason. */
const KNOWN: ReadonlyMap<string, string> = new Map([
  ["names", "no datetime_CAPI: src/objects has no PyCapsule type"],
  ["date.strftime_early", "time.strftime's %C pads a one-digit century to two digits (glibc: '0' for year 5)"],
  ["dt.strftime_year1", "time.strftime's %C pads a one-digit century to two digits (glibc: '9' for year 999)"],
  ["c.strftime_odd", "time.strftime passes glibc's %-d and %Ez through unformatted"],
  ["c.weakref", "the _weakref module accepts weak references to datetime.date (CPython's date has no __weakref__ slot)"],
]);

test("datetime: every case of datetime_cases.py as CPython 3.13", () => {
  assertCasesMatchCPython("datetime", KNOWN);
});
