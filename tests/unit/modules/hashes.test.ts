// The hash modules against CPython 3.13 (_md5, _sha1, _sha2, _sha3, _blake2): digests for many lengths, split
// updates and copy(), SHAKE lengths, BLAKE2 parameters and argument errors. Fixtures: tests/golden/hashes
// (tools/capture_hashes.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Blake2ArgumentError, constructors, newHash, type Blake2Params, type HashName } from "../../../src/modules/_hashlib_impl/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const cases = JSON.parse(readFileSync(resolve(ROOT, "tests/golden/hashes/cases.json"), "utf8"));

function data(n: number): Uint8Array {
  const d = new Uint8Array(n);
  for (let i = 0; i < n; i++) d[i] = (i * 31 + 7) & 255;
  return d;
}

function params(p: Record<string, unknown>): Blake2Params {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) out[k] = k === "key" || k === "salt" || k === "person" ? Uint8Array.from(Buffer.from(v as string, "hex")) : v;
  return out as Blake2Params;
}

test("name, digest_size and block_size as CPython reports them", () => {
  for (const [name, attrs] of Object.entries(cases.attrs as Record<string, [string, number, number]>)) {
    const h = constructors[name as HashName]();
    assert.deepEqual([h.name, h.digest_size, h.block_size], attrs, name);
  }
});

test("digests for lengths around every block boundary equal CPython's", () => {
  const lengths = cases.lengths as number[];
  for (const [name, digests] of Object.entries(cases.digests as Record<string, string[]>)) {
    lengths.forEach((n, i) => {
      const h = constructors[name as HashName](data(n));
      const got = name.startsWith("shake") ? h.hexdigest(16) : h.hexdigest().slice(0, 32);
      assert.equal(got, digests[i], `${name} length ${n}`);
    });
  }
});

test("update in uneven pieces, copy() mid-stream", () => {
  for (const c of cases.split) {
    const h = constructors[c.name as HashName]();
    const d = data(c.n);
    let pos = 0;
    for (const cut of c.cuts as number[]) {
      h.update(d.subarray(pos, cut));
      pos = cut;
    }
    const mid = h.copy();
    h.update(d.subarray(pos));
    mid.update(d.subarray(pos));
    const len = c.name.startsWith("shake") ? 17 : undefined;
    assert.equal(h.hexdigest(len), c.hex, `${c.name} ${c.n}`);
    assert.equal(mid.hexdigest(len), c.copy, `${c.name} ${c.n} copy`);
    assert.equal(h.hexdigest(len), c.hex, "digest() leaves the object usable");
  }
});

test("SHAKE output lengths", () => {
  for (const c of cases.shake) assert.equal(constructors[c.name as HashName](data(c.n)).hexdigest(c.length), c.hex, `${c.name} ${c.n} ${c.length}`);
});

test("BLAKE2 key, salt, person, digest_size and tree parameters", () => {
  for (const c of cases.blake2) {
    const f = constructors[c.name as "blake2b" | "blake2s"];
    assert.equal(f(data(c.n), params(c.params)).hexdigest(), c.hex, `${c.name} ${JSON.stringify(c.params)} ${c.n}`);
  }
});

test("BLAKE2 argument errors carry CPython's exception and message", () => {
  for (const c of cases.blake2_errors) {
    const f = constructors[c.name as "blake2b" | "blake2s"];
    let got: unknown = { ok: true };
    try {
      f(undefined, params(c.params));
    } catch (e) {
      assert.ok(e instanceof Blake2ArgumentError);
      got = { error: e.kind, message: e.message };
    }
    assert.deepEqual(got, c.ok ? { ok: true } : { error: c.error, message: c.message }, `${c.name} ${JSON.stringify(c.params)}`);
  }
});

test("newHash accepts hashlib's spellings", () => {
  assert.equal(newHash("SHA256", data(3))!.hexdigest(), constructors.sha256(data(3)).hexdigest());
  assert.equal(newHash("sha3-256")!.name, "sha3_256");
  assert.equal(newHash("ripemd160"), null);
});
