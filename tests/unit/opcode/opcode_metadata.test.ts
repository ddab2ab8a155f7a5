// Spot checks of the generated opcode tables against values read off CPython 3.13.0 (DESIGN-FACTS §1, App. A).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as op from "../../../src/opcode/opcode_utils.js";

test("opcode numbers and names", () => {
  assert.equal(op.HAVE_ARGUMENT, 44);
  assert.equal(op.LOAD_FAST, 85);
  assert.equal(op.RESUME, 149);
  assert.equal(op.EXTENDED_ARG, 71);
  assert.equal(op.STORE_FAST_MAYBE_NULL, 267);
  assert.equal(op.opname[op.LOAD_ATTR], "LOAD_ATTR");
  assert.equal(op.opname[119], "<119>");
  assert.equal(op.opmap["INSTRUMENTED_LINE"], 254);
});

test("inline cache counts", () => {
  const nonzero = Object.entries(op.opmap)
    .filter(([, v]) => v < 256 && op._PyOpcode_Deopt[v] === v && op._PyOpcode_Caches[v]! > 0)
    .map(([k]) => `${k}:${op._PyOpcode_Caches[op.opmap[k]!]}`)
    .sort();
  assert.deepEqual(nonzero, [
    "BINARY_OP:1", "BINARY_SUBSCR:1", "CALL:3", "COMPARE_OP:1", "CONTAINS_OP:1", "FOR_ITER:1", "JUMP_BACKWARD:1",
    "LOAD_ATTR:9", "LOAD_GLOBAL:4", "LOAD_SUPER_ATTR:1", "POP_JUMP_IF_FALSE:1", "POP_JUMP_IF_NONE:1",
    "POP_JUMP_IF_NOT_NONE:1", "POP_JUMP_IF_TRUE:1", "SEND:1", "STORE_ATTR:4", "STORE_SUBSCR:1", "TO_BOOL:3",
    "UNPACK_SEQUENCE:1",
  ]);
  assert.equal(op._PyOpcode_Deopt[op.opmap["LOAD_ATTR_MODULE"]!], op.LOAD_ATTR);
});

test("stack effects (PyCompile_OpcodeStackEffectWithJump)", () => {
  assert.equal(op.stack_effect(op.BUILD_LIST, 3, false), -2);
  assert.equal(op.stack_effect(op.BUILD_MAP, 2, false), -3);
  assert.equal(op.stack_effect(op.LOAD_GLOBAL, 3, false), 2);
  assert.equal(op.stack_effect(op.BUILD_SLICE, 3, false), -2);
  assert.equal(op.stack_effect(op.UNPACK_EX, 0x0102, false), 3);
  assert.equal(op.stack_effect(op.SETUP_CLEANUP, 0, true), 2);
  assert.equal(op.stack_effect(op.SETUP_CLEANUP, 0, false), 0);
  assert.equal(op.stack_effect(op.opmap["LOAD_ATTR_MODULE"]!, 0, false), null);
});

test("flags and predicates", () => {
  assert.ok(op.OPCODE_HAS_JUMP(op.JUMP));
  assert.ok(op.OPCODE_HAS_CONST(op.RETURN_CONST));
  assert.ok(op.OPCODE_HAS_LOCAL(op.LOAD_CLOSURE));
  assert.ok(!op.OPCODE_HAS_ARG(op.POP_TOP));
  assert.ok(op.HAS_TARGET(op.SETUP_FINALLY));
  assert.deepEqual(op._PyOpcode_PseudoTargets[op.JUMP], [op.JUMP_FORWARD, op.JUMP_BACKWARD]);
  assert.equal(op.instrSizeForOparg(0x10000), 3);
});
