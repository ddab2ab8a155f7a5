// Per-pass tests of src/compiler/flowgraph.ts (Python/flowgraph.c): instructions in, instructions out. Cases follow
// CPython 3.13's Lib/test/test_peepholer.py (DirectCfgOptimizerTests and the peephole tests) in our own data.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addChecksForLoadsOfUninitializedVariables, inlineSmallOrNoLinenoBlocks, insertSuperinstructions, optimizeBasicBlock,
  optimizeCfg, optimizeLoadConst, removeRedundantNopsAndJumps, removeRedundantNopsAndPairs, removeUnreachable,
  removeUnusedConsts, type BasicBlock, type CfgBuilder,
} from "../../../src/compiler/flowgraph.js";
import { ConstTuple, type ConstValue } from "../../../src/compiler/consts.js";
import { cfgOf, listing } from "./cfg_helpers.js";

function eachBlock(g: CfgBuilder, f: (b: BasicBlock) => void): void {
  for (let b: BasicBlock | null = g.entry; b; b = b.next) f(b);
}

// ---- optimize_load_const ----

test("optimize_load_const: LOAD_CONST; RETURN_VALUE becomes NOP; RETURN_CONST", () => {
  const g = cfgOf(["LOAD_CONST 0 @1", "RETURN_VALUE @1"]);
  optimizeLoadConst(g.entry, [null]);
  assert.deepEqual(listing(g), ["NOP @1", "RETURN_CONST 0 @1"]);
});

test("optimize_load_const: a constant condition becomes NOP plus JUMP or NOP", () => {
  const consts: ConstValue[] = [true, 0n];
  let g = cfgOf(["LOAD_CONST 0 @1", "POP_JUMP_IF_FALSE L1 @1", "LOAD_CONST 1 @2", "RETURN_VALUE @2", "L1:",
    "LOAD_CONST 1 @3", "RETURN_VALUE @3"]);
  optimizeLoadConst(g.entry, consts);
  assert.deepEqual(listing(g).slice(0, 2), ["NOP @1", "NOP @1"]);
  g = cfgOf(["LOAD_CONST 1 @1", "POP_JUMP_IF_FALSE L1 @1", "LOAD_CONST 1 @2", "RETURN_VALUE @2", "L1:",
    "LOAD_CONST 1 @3", "RETURN_VALUE @3"]);
  optimizeLoadConst(g.entry, consts);
  assert.deepEqual(listing(g).slice(0, 2), ["NOP @1", "JUMP L1 @1"]);
});

test("optimize_load_const: `x is None` tests become POP_JUMP_IF_NONE / POP_JUMP_IF_NOT_NONE", () => {
  const g = cfgOf(["LOAD_FAST 0 @1", "LOAD_CONST 0 @1", "IS_OP 0 @1", "POP_JUMP_IF_FALSE L1 @1", "LOAD_CONST 1 @2",
    "RETURN_VALUE @2", "L1:", "LOAD_FAST 0 @3", "RETURN_VALUE @3"]);
  optimizeLoadConst(g.entry, [null, 1n]);
  assert.deepEqual(listing(g).slice(0, 4), ["LOAD_FAST 0 @1", "NOP @1", "NOP @1", "POP_JUMP_IF_NOT_NONE L1 @1"]);
});

test("optimize_load_const: LOAD_CONST; TO_BOOL folds to the constant's truth value (appended to co_consts)", () => {
  const consts: ConstValue[] = [null, "abc"];
  const g = cfgOf(["LOAD_CONST 1 @1", "TO_BOOL @1", "RETURN_VALUE @1"]);
  optimizeLoadConst(g.entry, consts);
  assert.deepEqual(consts, [null, "abc", true]);
  assert.deepEqual(listing(g), ["NOP @1", "NOP @1", "RETURN_CONST 2 @1"]);
});

// ---- optimize_basic_block ----

test("optimize_basic_block: BUILD_TUPLE n; UNPACK_SEQUENCE n for n = 1, 2, 3", () => {
  for (const [n, want] of [[1, ["NOP @1", "NOP @1"]], [2, ["NOP @1", "SWAP 2 @1"]], [3, ["NOP @1", "SWAP 3 @1"]]] as const) {
    const g = cfgOf([`BUILD_TUPLE ${n} @1`, `UNPACK_SEQUENCE ${n} @1`]);
    optimizeBasicBlock(g.entry, []);
    assert.deepEqual(listing(g).slice(0, 2), want);
  }
});

test("optimize_basic_block: constant operands of BUILD_TUPLE fold into one constant tuple", () => {
  const consts: ConstValue[] = [1n, 2n];
  const g = cfgOf(["LOAD_CONST 0 @1", "LOAD_CONST 1 @1", "BUILD_TUPLE 2 @1", "RETURN_VALUE @1"]);
  optimizeBasicBlock(g.entry, consts);
  assert.equal(consts.length, 3);
  assert.ok(consts[2] instanceof ConstTuple);
  assert.deepEqual(listing(g), ["NOP @1", "NOP @1", "LOAD_CONST 2 @1", "RETURN_VALUE @1"]);
});

test("optimize_basic_block: LOAD_GLOBAL + PUSH_NULL, COMPARE_OP + TO_BOOL, IS_OP/CONTAINS_OP + TO_BOOL", () => {
  const g = cfgOf(["LOAD_GLOBAL 2 @1", "PUSH_NULL @1", "CALL 0 @1", "LOAD_FAST 0 @1", "COMPARE_OP 72 @1", "TO_BOOL @1",
    "LOAD_FAST 0 @1", "CONTAINS_OP 1 @1", "TO_BOOL @1", "UNARY_NOT @1", "UNARY_NOT @1", "RETURN_VALUE @1"]);
  optimizeBasicBlock(g.entry, []);
  assert.deepEqual(listing(g), ["LOAD_GLOBAL 3 @1", "NOP @1", "CALL 0 @1", "LOAD_FAST 0 @1", "NOP @1",
    "COMPARE_OP 88 @1", "LOAD_FAST 0 @1", "NOP @1", "CONTAINS_OP 1 @1", "NOP @1", "NOP @1", "RETURN_VALUE @1"]);
});

test("optimize_basic_block: a dead store on the same line becomes POP_TOP (test_peepholer dead store)", () => {
  const g = cfgOf(["LOAD_CONST 0 @1", "LOAD_CONST 0 @1", "STORE_FAST 1 @1", "STORE_FAST 1 @1", "RETURN_CONST 0 @1"]);
  optimizeBasicBlock(g.entry, [null]);
  assert.deepEqual(listing(g), ["LOAD_CONST 0 @1", "LOAD_CONST 0 @1", "POP_TOP @1", "STORE_FAST 1 @1",
    "RETURN_CONST 0 @1"]);
  // On different lines the store is kept: it is observable by a tracer.
  const h = cfgOf(["LOAD_CONST 0 @1", "LOAD_CONST 0 @1", "STORE_FAST 1 @1", "STORE_FAST 1 @2", "RETURN_CONST 0 @2"]);
  optimizeBasicBlock(h.entry, [null]);
  assert.deepEqual(listing(h)[2], "STORE_FAST 1 @1");
});

test("optimize_basic_block: apply_static_swaps turns `a, b = b, a` into reordered stores", () => {
  const g = cfgOf(["LOAD_FAST 1 @1", "LOAD_FAST 0 @1", "SWAP 2 @1", "STORE_FAST 1 @1", "STORE_FAST 0 @1",
    "RETURN_CONST 0 @1"]);
  optimizeBasicBlock(g.entry, [null]);
  assert.deepEqual(listing(g), ["LOAD_FAST 1 @1", "LOAD_FAST 0 @1", "NOP @1", "STORE_FAST 0 @1", "STORE_FAST 1 @1",
    "RETURN_CONST 0 @1"]);
});

test("optimize_basic_block: swaptimize shortens runs of SWAPs (SWAP 2; SWAP 2 cancels)", () => {
  const g = cfgOf(["LOAD_FAST 0 @1", "LOAD_FAST 1 @1", "SWAP 2 @1", "SWAP 2 @1", "BINARY_OP 0 @1", "RETURN_VALUE @1"]);
  optimizeBasicBlock(g.entry, []);
  assert.deepEqual(listing(g).filter((s) => !s.startsWith("NOP")),
    ["LOAD_FAST 0 @1", "LOAD_FAST 1 @1", "BINARY_OP 0 @1", "RETURN_VALUE @1"]);
});

test("optimize_basic_block: jump threading goes straight to the final target", () => {
  const g = cfgOf(["LOAD_FAST 0 @1", "POP_JUMP_IF_FALSE L1 @1", "LOAD_CONST 0 @2", "RETURN_VALUE @2",
    "L1:", "JUMP L2 @3", "L2:", "RETURN_CONST 0 @4"]);
  eachBlock(g, (b) => optimizeBasicBlock(b, [null]));
  // jump_thread: the original jump becomes a NOP followed by a jump, with the threaded jump's location, to the
  // final target (now the only target: L1 below).
  const out = listing(g);
  assert.deepEqual(out.slice(1, 3), ["NOP @1", "POP_JUMP_IF_FALSE L1 @3"]);
  assert.deepEqual(out.slice(out.indexOf("L1:")), ["L1:", "RETURN_CONST 0 @4"]);
});

// ---- NOPs, pairs, unreachable code ----

test("remove_redundant_nops_and_pairs: LOAD_CONST; POP_TOP and NOPs without a line of their own disappear", () => {
  const g = cfgOf(["NOP @1", "LOAD_FAST 0 @1", "LOAD_CONST 0 @2", "POP_TOP @2", "NOP @3", "RETURN_VALUE @3"]);
  removeRedundantNopsAndPairs(g.entry);
  // The line-2 NOPs left by the pair keep line 2's event; the line-1 NOP merges with LOAD_FAST, the line-3 NOP too.
  assert.deepEqual(listing(g), ["LOAD_FAST 0 @1", "NOP @2", "RETURN_VALUE @3"]);
});

test("remove_unreachable empties blocks no path reaches", () => {
  const g = cfgOf(["RETURN_CONST 0 @1", "L1:", "LOAD_CONST 0 @2", "RETURN_VALUE @2"]);
  removeUnreachable(g.entry);
  assert.deepEqual(listing(g), ["RETURN_CONST 0 @1"]);
});

test("remove_redundant_nops_and_jumps: a jump to the next block is dropped", () => {
  const g = cfgOf(["LOAD_FAST 0 @1", "JUMP L1 @1", "L1:", "RETURN_VALUE @2"]);
  removeRedundantNopsAndJumps(g.entry);
  assert.deepEqual(listing(g), ["LOAD_FAST 0 @1", "RETURN_VALUE @2"]);
});

test("inline_small_or_no_lineno_blocks copies a small exit block over the jump (test_elim_jump_to_return)", () => {
  const g = cfgOf(["LOAD_FAST 0 @1", "POP_JUMP_IF_FALSE L1 @1", "LOAD_FAST 1 @2", "JUMP L2 @2", "L1:",
    "LOAD_FAST 2 @3", "L2:", "RETURN_VALUE @4"]);
  inlineSmallOrNoLinenoBlocks(g.entry);
  assert.deepEqual(listing(g).slice(0, 5),
    ["LOAD_FAST 0 @1", "POP_JUMP_IF_FALSE L1 @1", "LOAD_FAST 1 @2", "NOP @2", "RETURN_VALUE @4"]);
});

// ---- constants, uninitialized locals, superinstructions ----

test("remove_unused_consts keeps index 0 and renumbers the rest in order", () => {
  const consts: ConstValue[] = ["doc", 1n, 2n, 3n];
  const g = cfgOf(["LOAD_CONST 3 @1", "LOAD_CONST 1 @1", "BINARY_OP 0 @1", "RETURN_VALUE @1"]);
  removeUnusedConsts(g.entry, consts);
  assert.deepEqual(consts, ["doc", 1n, 3n]);
  assert.deepEqual(listing(g), ["LOAD_CONST 2 @1", "LOAD_CONST 1 @1", "BINARY_OP 0 @1", "RETURN_VALUE @1"]);
});

test("add_checks_for_loads_of_uninitialized_variables: LOAD_FAST_CHECK where a local may be unbound", () => {
  // def f(c): if c: y = 1; return y   (local 0 = c is a parameter, local 1 = y)
  const g = cfgOf(["LOAD_FAST 0 @1", "POP_JUMP_IF_FALSE L1 @1", "LOAD_CONST 1 @1", "STORE_FAST 1 @1", "L1:",
    "LOAD_FAST 1 @2", "LOAD_FAST 0 @2", "BINARY_OP 0 @2", "RETURN_VALUE @2"]);
  addChecksForLoadsOfUninitializedVariables(g.entry, 2, 1);
  assert.deepEqual(listing(g).slice(4, 7), ["L1:", "LOAD_FAST_CHECK 1 @2", "LOAD_FAST 0 @2"]);
  // DELETE_FAST makes a local unsafe again.
  const h = cfgOf(["LOAD_CONST 0 @1", "STORE_FAST 1 @1", "DELETE_FAST 1 @2", "LOAD_FAST 1 @3", "RETURN_VALUE @3"]);
  addChecksForLoadsOfUninitializedVariables(h.entry, 2, 1);
  assert.equal(listing(h)[3], "LOAD_FAST_CHECK 1 @3");
});

test("insert_superinstructions: pairs of fast loads/stores under 16, on one line", () => {
  const g = cfgOf(["LOAD_FAST 1 @1", "LOAD_FAST 2 @1", "STORE_FAST 3 @1", "LOAD_FAST 4 @1", "STORE_FAST 5 @1",
    "STORE_FAST 6 @1", "LOAD_FAST 16 @2", "LOAD_FAST 1 @2", "LOAD_FAST 1 @2", "LOAD_FAST 2 @3", "RETURN_VALUE @3"]);
  insertSuperinstructions(g.entry);
  assert.deepEqual(listing(g), ["LOAD_FAST_LOAD_FAST 18 @1", "STORE_FAST_LOAD_FAST 52 @1",
    "STORE_FAST_STORE_FAST 86 @1", "LOAD_FAST 16 @2", "LOAD_FAST_LOAD_FAST 17 @2", "LOAD_FAST 2 @3",
    "RETURN_VALUE @3"]);
});

test("insert_superinstructions never fuses LOAD_FAST_CHECK", () => {
  const g = cfgOf(["LOAD_FAST_CHECK 1 @1", "LOAD_FAST 2 @1", "BINARY_OP 0 @1", "RETURN_VALUE @1"]);
  insertSuperinstructions(g.entry);
  assert.deepEqual(listing(g).slice(0, 2), ["LOAD_FAST_CHECK 1 @1", "LOAD_FAST 2 @1"]);
});

// ---- the whole optimize_cfg ----

test("optimize_cfg: `while 1` keeps no test (test_while_one)", () => {
  const w = cfgOf(["L1:", "LOAD_CONST 0 @1", "TO_BOOL @1", "POP_JUMP_IF_FALSE L2 @1", "LOAD_FAST 0 @2", "POP_TOP @2",
    "JUMP L1 @2", "L2:", "RETURN_CONST 1 @3"]);
  optimizeCfg(w, [1n, null]);
  assert.ok(!listing(w).some((s) => s.startsWith("POP_JUMP")), listing(w).join("; "));
});
