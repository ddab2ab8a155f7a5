// The benchmark runner's pure parts (bench/run.ts): program discovery, work scaling, the geometric mean.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findPrograms, geometricMean, scaledN } from "../../../bench/run.js";

test("bench/programs: each program declares DEFAULT_N, and --n scales it", () => {
  const own = findPrograms("/nonexistent").map((p) => p.name);
  assert.ok(own.length >= 6, own.join(","));
  for (const p of findPrograms("/nonexistent")) assert.ok(p.defaultN > 1, `${p.name} has no DEFAULT_N line`);
  const p = { name: "x", path: "x.py", defaultN: 40 };
  assert.equal(scaledN(p, 1), 40);
  assert.equal(scaledN(p, 0.1), 4);
  assert.equal(scaledN(p, 0.0001), 1);
});

test("geometric mean of ratios", () => {
  assert.ok(Math.abs(geometricMean([2, 8]) - 4) < 1e-12);
  assert.ok(Number.isNaN(geometricMean([])));
});
