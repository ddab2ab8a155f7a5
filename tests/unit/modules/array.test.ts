// The array module against CPython 3.13: tests/golden/array/array_cases.py (every typecode's conversions and range
// messages, construction, slicing and slice assignment, comparisons, exports through memoryview, BufferError on
// resize, _array_reconstructor for every machine format, subclasses and __reduce_ex__) must print what CPython
// printed (tools/capture_cases.py).
import { test } from "node:test";
import { assertCasesMatchCPython } from "./golden_program.js";

test("array.array edge cases print what CPython 3.13 prints", () => {
  assertCasesMatchCPython("array", new Map());
});
