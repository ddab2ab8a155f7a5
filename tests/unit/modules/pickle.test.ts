// The native _pickle (src/modules/_pickle): tests/golden/pickle/pickle_cases.py pickles every core type in protocols
// 0-5 (bytes printed), classes with every reduce form, globals and copyreg extensions, recursive structures, the
// Pickler/Unpickler options and every error, and must print what CPython 3.13's C pickler printed (tools/capture_cases.py).
import { test } from "node:test";
import { assertCasesMatchCPython } from "./golden_program.js";

const SLOT_STR = "object model: a one-character str from __slots__ and the same constant in a method are two objects " +
  "(CPython's one-character strings are singletons), so the slot value is not memoized";
const BUILTIN_MODULE = "methodobject: max.__module__ and abs.__module__ are distinct str objects (CPython: the module's " +
  "__name__), so 'builtins' is not memoized the second time";

/** Lines (by label) whose result differs from CPython's, with the reason (none of them in _pickle itself). */
const KNOWN: ReadonlyMap<string, string> = new Map([
  ...[2, 3, 4, 5].map((p) => [`both p${p}`, SLOT_STR] as const),
  ["partial p4", BUILTIN_MODULE],
  ["partial p5", BUILTIN_MODULE],
]);

test("pickle: every case of pickle_cases.py as CPython 3.13's _pickle", () => {
  assertCasesMatchCPython("pickle", KNOWN);
});
