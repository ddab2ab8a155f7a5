// zoneinfo on Typhon's native _zoneinfo (src/modules/_zoneinfo.ts): tests/golden/zoneinfo/zoneinfo_cases.py walks every
// transition of 20 real zones (their TZif files are in tests/golden/zoneinfo/tzdata, the only TZPATH entry), folds and
// gaps, far past and future, 26 valid and 31 invalid POSIX TZ strings in synthetic TZif files, fromutc, errors, caches,
// subclasses and pickling, and must print what CPython 3.13 printed (tools/capture_cases.py zoneinfo).
import { test } from "node:test";
import { assertCasesMatchCPython } from "./golden_program.js";

/** Lines (by label) whose result differs from CPython's, with the reason (none is in _zoneinfo itself). */
const KNOWN: ReadonlyMap<string, string> = new Map([
  ["doc", "descrobject.ts: a classmethod_descriptor has no __doc__, and method descriptors have no __text_signature__"],
  ["args qualname", "methodobject.ts qualnameOf: a method's call errors name the type by tp_name ('zoneinfo.ZoneInfo.fromutc()'), CPython by __qualname__ ('ZoneInfo.fromutc()')"],
  ["type getattr", "typeobject.ts type_getattro: 'type object ...' names tp_qualname ('ZoneInfo'), CPython tp_name ('zoneinfo.ZoneInfo')"],
]);

test("zoneinfo: every case of zoneinfo_cases.py as CPython 3.13", () => {
  assertCasesMatchCPython("zoneinfo", KNOWN);
});
