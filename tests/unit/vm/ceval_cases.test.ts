// The evaluation loop's case labels are literal opcode numbers; every label must name the opcode that src/opcode's
// generated table gives that number, every base opcode of 3.13 must have a case, and the hottest come first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { opmap, MIN_SPECIALIZED_OPCODE } from "../../../src/opcode/opcode_metadata.js";

const src = readFileSync(new URL("../../../../src/vm/ceval.ts", import.meta.url), "utf8");

test("every case label of the loop matches the generated opcode table", () => {
  const labels = [...src.matchAll(/case (\d+) \/\* ([A-Z_0-9]+) \*\//g)];
  assert.ok(labels.length > 100, `found only ${labels.length} labels`);
  for (const [, num, name] of labels) {
    assert.equal(opmap[name], Number(num), `case ${num} is labelled ${name}, which is ${opmap[name]}`);
  }
  assert.equal(/^\s*case op\./m.test(src), false, "use literal labels, not op.X (V8 cannot build a jump table from loads)");
});

test("every base opcode has a case", () => {
  const handled = new Set([...src.matchAll(/case (\d+) \/\* ([A-Z_0-9]+) \*\//g)].map((m) => m[2]));
  const missing = Object.entries(opmap)
    .filter(([name, n]) => n < MIN_SPECIALIZED_OPCODE && !name.startsWith("INSTRUMENTED") && name !== "BINARY_OP_INPLACE_ADD_UNICODE")
    .map(([name]) => name)
    .filter((name) => !handled.has(name));
  assert.deepEqual(missing, []);
});

test("the dispatch switch tests the most frequent instructions first", () => {
  // V8 11.3's interpreter and baseline tiers test a switch's labels one by one in source order (src/vm/ceval.ts):
  // the order is by frequency in issue #5's import line, whose eight most frequent instructions are these.
  const dispatch = src.slice(src.indexOf("switch (word & 255) {"));
  const first = [...dispatch.matchAll(/^ {10}case \d+ \/\* ([A-Z_0-9]+) \*\//gm)].slice(0, 8).map((m) => m[1]);
  assert.deepEqual(first, ["LOAD_FAST", "LOAD_CONST", "CALL", "LOAD_ATTR", "LOAD_GLOBAL", "STORE_FAST",
    "POP_JUMP_IF_FALSE", "RESUME"]);
});
