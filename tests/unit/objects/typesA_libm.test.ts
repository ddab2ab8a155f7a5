// src/runtime/libm.ts against this machine's glibc (tests/golden/objects/libm.json.gz, captured through ctypes by
// tools/capture_typesA_libm.py): hypot must agree on every call; the correctly rounded exp/log/pow/atan2/sin/cos
// differ, by one ulp, only where glibc itself is not correctly rounded: the listed counts are a ratchet.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as L from "../../../src/runtime/libm.js";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..", "..", "..", "..");
const rows = JSON.parse(gunzipSync(readFileSync(join(ROOT, "tests", "golden", "objects", "libm.json.gz"))).toString("ascii")) as
  Record<string, string[]>;

function fromHex(h: string): number {
  const b = new Uint8Array(8);
  for (let i = 0; i < 8; i++) b[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return new DataView(b.buffer).getFloat64(0, true);
}

const FUNCS: Record<string, [(...a: number[]) => number, number]> = {
  hypot: [L.c_hypot, 0], exp: [L.c_exp, 0], log: [L.c_log, 0], pow: [L.c_pow, 1], atan2: [L.c_atan2, 2],
  sin: [L.c_sin, 5], cos: [L.c_cos, 5],
};

for (const [name, [f, maxDiff]] of Object.entries(FUNCS)) {
  test(`libm ${name} agrees with glibc (${maxDiff} of ${rows[name].length} calls differ, in the last place)`, () => {
    let diff = 0;
    const shown: string[] = [];
    for (const row of rows[name]) {
      const vals = [];
      for (let i = 0; i < row.length; i += 16) vals.push(fromHex(row.slice(i, i + 16)));
      const want = vals.pop()!;
      const got = f(...vals);
      if (!Object.is(got, want)) {
        diff++;
        // A difference must be a last-place one (both rounding the same real number differently).
        const ulp = Math.abs(want) * 2 ** -52 * 2;
        assert.ok(Math.abs(got - want) <= Math.max(ulp, 5e-324), `${name}(${vals.join(", ")}): want ${want}, got ${got}`);
        if (shown.length < 3) shown.push(`${name}(${vals.join(", ")}) = ${want}, got ${got}`);
      }
    }
    assert.equal(diff, maxDiff, `${diff} calls differ (listed: ${maxDiff})\n${shown.join("\n")}`);
  });
}

test("libm special cases follow C99 Annex F", () => {
  assert.equal(L.c_hypot(Infinity, NaN), Infinity);
  assert.ok(Number.isNaN(L.c_hypot(NaN, 1)));
  assert.equal(L.c_exp(-Infinity), 0);
  assert.equal(L.c_log(0), -Infinity);
  assert.ok(Number.isNaN(L.c_log(-1)));
  assert.equal(L.c_pow(-2, 3), -8);
  assert.ok(Number.isNaN(L.c_pow(-2, 0.5)));
  assert.equal(L.c_pow(0, -1), Infinity);
  assert.ok(Object.is(L.c_atan2(-0, 1), -0));
  assert.equal(L.c_atan2(1, 0), Math.PI / 2);
  assert.ok(Object.is(L.c_sin(-0), -0));
  assert.ok(Number.isNaN(L.c_cos(Infinity)));
});
