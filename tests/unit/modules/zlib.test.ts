// zlib against CPython 3.13 (zlib 1.2.13): compress/compressobj byte for byte, decompress errors with CPython's
// messages, decompressobj attributes, adler32/crc32. Fixtures: tests/golden/zlib/cases.json (tools/capture_zlib.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { adler32 } from "../../../src/modules/zlib/adler32.js";
import { crc32 } from "../../../src/modules/zlib/crc32.js";
import { compress, compressobj, decompress, decompressobj, ZlibModuleError } from "../../../src/modules/zlib/zlibmodule.js";
import { ZipArchive } from "../../../src/runtime/stdlib_zip.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const cases = JSON.parse(readFileSync(resolve(ROOT, "tests/golden/zlib/cases.json"), "utf8"));

type Spec = [string, number, number | string];
type Digest = { hex?: string; len?: number; sha256?: string };

let zip: ZipArchive | null = null;

/** Mirror of gen() in tools/capture_zlib.py. */
export function gen(spec: Spec): Uint8Array {
  const [kind, n, seed] = spec;
  let s = typeof seed === "number" ? seed & 0x7fffffff : 0;
  const next = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s >>> 16;
  };
  if (kind === "zeros") return new Uint8Array(n);
  if (kind === "random") {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = next() & 0xff;
    return out;
  }
  if (kind === "text") {
    const words: number[][] = [];
    for (let i = 0; i < 64; i++) {
      const k = 1 + (next() % 9);
      const w: number[] = [];
      for (let j = 0; j < k; j++) w.push(97 + (next() % 12));
      words.push(w);
    }
    const out: number[] = [];
    while (out.length < n) {
      out.push(...words[next() % 64]!);
      out.push(next() % 11 === 0 ? 10 : 32);
    }
    return Uint8Array.from(out.slice(0, n));
  }
  if (kind === "runs") {
    const out: number[] = [];
    while (out.length < n) {
      const b = next() & 3;
      const k = 1 + (next() % 300);
      for (let i = 0; i < k; i++) out.push(b);
    }
    return Uint8Array.from(out.slice(0, n));
  }
  if (kind === "zip") {
    zip ??= new ZipArchive(new Uint8Array(readFileSync(resolve(ROOT, "node_modules/pyodide/python_stdlib.zip"))));
    const all = zip.read(String(seed));
    return n >= 0 ? all.subarray(0, n) : all;
  }
  throw new Error(kind);
}

const inputs = new Map<string, Uint8Array>();
function input(name: string): Uint8Array {
  let d = inputs.get(name);
  if (!d) inputs.set(name, (d = gen(cases.inputs[name] as Spec)));
  return d;
}

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex");
}

function digest(b: Uint8Array): Digest {
  if (b.length <= 64) return { hex: hex(b) };
  return { len: b.length, sha256: createHash("sha256").update(b).digest("hex").slice(0, 32) };
}

function expected(c: Digest): Digest {
  return c.hex !== undefined ? { hex: c.hex } : { len: c.len!, sha256: c.sha256! };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) out.set(p, pos), (pos += p.length);
  return out;
}

test("zlib.compress equals CPython byte for byte (levels -1..9, zlib/raw/gzip wrappers, small windows)", () => {
  let n = 0;
  for (const c of cases.compress) {
    const data = input(c.input);
    const got = compress(data, c.level, c.wbits);
    assert.deepEqual(digest(got), expected(c), `${c.input} level ${c.level} wbits ${c.wbits}`);
    // And inflate reads it back.
    const back = decompress(got, c.wbits);
    assert.ok(back.length === data.length && Buffer.from(back).equals(Buffer.from(data)), `round trip ${c.input} ${c.level} ${c.wbits}`);
    n++;
  }
  assert.ok(n > 200);
});

test("zlib.compressobj: chunked compress and Z_SYNC/FULL/PARTIAL flush, strategies, memLevel, zdict", () => {
  for (const p of cases.compressobj) {
    const zdict = p.zdict ? input(p.zdict) : null;
    const c = compressobj(p.args[0], p.args[1], p.args[2], p.args[3], p.args[4], zdict);
    const src = input(p.input);
    let pos = 0;
    const outs: Uint8Array[] = [];
    for (const [op, arg] of p.steps as [string, number][]) {
      if (op === "c") {
        const chunk = arg < 0 ? src.subarray(pos) : src.subarray(pos, pos + arg);
        pos += chunk.length;
        outs.push(c.compress(chunk));
      } else {
        outs.push(c.flush(arg));
      }
    }
    const label = JSON.stringify(p.args) + " " + p.input;
    assert.deepEqual(outs.map((o) => o.length), p.lens, label);
    assert.deepEqual(digest(concat(outs)), expected(p), label);
  }
});

test("zlib.decompress errors carry CPython's messages", () => {
  for (const c of cases.decompress_errors) {
    const data = Uint8Array.from(Buffer.from(c.data, "hex"));
    let got: { error: string; message: string } | { ok: Digest };
    try {
      got = { ok: digest(decompress(data, c.wbits)) };
    } catch (e) {
      assert.ok(e instanceof ZlibModuleError, String(e));
      got = { error: e.kind, message: e.message };
    }
    const want = c.ok ? { ok: expected(c.ok) } : { error: c.error === "error" ? "error" : c.error, message: c.message };
    assert.deepEqual(got, want, `${c.name} wbits ${c.wbits}`);
  }
});

test("zlib.decompressobj: max_length, unconsumed_tail, unused_data, eof, flush", () => {
  for (const p of cases.decompressobj) {
    const comp = concat([compress(input(p.input), p.level, p.wrap ?? 15), Uint8Array.from(Buffer.from(p.extra, "hex"))]);
    const d = decompressobj(p.wbits);
    let pos = 0;
    const steps: unknown[] = [];
    for (const [size, maxlen] of p.chunks as [number, number][]) {
      const chunk = size < 0 ? comp.subarray(pos) : comp.subarray(pos, pos + size);
      pos += chunk.length;
      const r = d.decompress(concat([d.unconsumed_tail, chunk]), maxlen);
      steps.push({ out: digest(r), tail: d.unconsumed_tail.length, unused: hex(d.unused_data), eof: d.eof });
    }
    const r = d.flush();
    steps.push({ flush: digest(r), tail: d.unconsumed_tail.length, unused: hex(d.unused_data), eof: d.eof });
    const want = (p.steps as Record<string, unknown>[]).map((s) =>
      "out" in s ? { ...s, out: expected(s.out as Digest) } : { ...s, flush: expected(s.flush as Digest) });
    assert.deepEqual(steps, want, p.input);
  }
});

test("adler32 and crc32 equal CPython's, including out-of-range start values", () => {
  for (const c of cases.checksums) {
    const data = c.spec ? gen(c.spec) : input(c.input);
    const a = c.start === null ? adler32(1, data) : adler32(c.start, data);
    const r = c.start === null ? crc32(0, data) : crc32(c.start, data);
    assert.equal(a, c.adler32, `adler32 ${c.input ?? c.spec} ${c.start}`);
    assert.equal(r, c.crc32, `crc32 ${c.input ?? c.spec} ${c.start}`);
  }
});

test("Compress.copy and Decompress.copy fork the stream state", () => {
  const src = input("text4k");
  const c = compressobj(6);
  const head = c.compress(src.subarray(0, 2000));
  const c2 = c.copy();
  const a = concat([head, c.compress(src.subarray(2000)), c.flush()]);
  const b = concat([head, c2.compress(src.subarray(2000)), c2.flush()]);
  assert.deepEqual(a, compress(src, 6));
  assert.deepEqual(b, a);
  const d = decompressobj();
  const part = d.decompress(a.subarray(0, 500));
  const d2 = d.copy();
  assert.deepEqual(concat([part, d2.decompress(a.subarray(500))]), src);
  assert.deepEqual(concat([part, d.decompress(a.subarray(500))]), src);
});

test("inflate accepts any split of input and output", () => {
  const src = input("typing");
  for (const wbits of [15, -15, 31]) {
    const comp = compress(src, 9, wbits);
    for (const step of [1, 7, 4096]) {
      const d = decompressobj(wbits === 31 ? 47 : wbits);
      const parts: Uint8Array[] = [];
      for (let i = 0; i < comp.length; i += step) parts.push(d.decompress(comp.subarray(i, i + step)));
      parts.push(d.flush());
      assert.ok(d.eof);
      assert.ok(Buffer.from(concat(parts)).equals(Buffer.from(src)), `wbits ${wbits} step ${step}`);
    }
  }
});

test("bad input never crashes: random and mutated streams raise zlib.error", () => {
  const base = compress(input("text4k"), 6);
  let s = 12345;
  const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) >>> 16);
  for (let i = 0; i < 400; i++) {
    const m = base.slice();
    for (let k = 0; k < 1 + (i % 5); k++) m[rnd() % m.length] = rnd() & 0xff;
    const cut = i % 3 === 0 ? m.subarray(0, rnd() % m.length) : m;
    try {
      decompress(cut);
    } catch (e) {
      assert.ok(e instanceof ZlibModuleError && e.kind === "error", String(e));
      assert.match(e.message, /^Error -?\d+ while decompressing data/);
    }
  }
});

test("objects after the end of their stream, and bad parameters, fail as CPython's", () => {
  const err = (f: () => unknown): string => {
    try {
      f();
      return "ok";
    } catch (e) {
      assert.ok(e instanceof ZlibModuleError, String(e));
      return `${e.kind}: ${e.message}`;
    }
  };
  const c = compressobj();
  c.compress(new TextEncoder().encode("abc"));
  c.flush();
  assert.equal(err(() => c.compress(new Uint8Array(1))), "error: Error -2 while compressing data: inconsistent stream state");
  assert.equal(err(() => c.flush()), "error: Error -2 while flushing: inconsistent stream state");
  assert.equal(err(() => c.flush(2)), "error: Error -2 while flushing: inconsistent stream state");
  assert.equal(err(() => c.copy()), "ValueError: Inconsistent stream state");
  const d = decompressobj();
  d.decompress(compress(new TextEncoder().encode("abc")));
  assert.equal(d.flush().length, 0);
  assert.ok(d.eof);
  assert.equal(err(() => d.decompress(new Uint8Array(1))), "error: Error -2 while decompressing data: inconsistent stream state");
  assert.equal(d.flush().length, 0);
  assert.equal(err(() => d.copy()), "ValueError: Inconsistent stream state");
  assert.deepEqual([...compressobj(-1, 8, 8).compress(new Uint8Array(100).fill(97))], [0x18, 0x95]);
  for (const args of [[10], [-1, 8, 7], [-1, 8, 15, 10], [-1, 8, 15, 8, 5], [-1, 9]] as number[][]) {
    assert.equal(err(() => compressobj(...args)), "ValueError: Invalid initialization option", JSON.stringify(args));
  }
  assert.equal(err(() => compress(new Uint8Array(1), 10)), "error: Bad compression level");
  assert.equal(err(() => compress(new Uint8Array(1), -1, 7)), "error: Bad compression level");
  for (const [w, want] of [[7, "ValueError: Invalid initialization option"], [16, "ok"], [-16, "ValueError: Invalid initialization option"],
    [48, "ValueError: Invalid initialization option"], [8, "ok"], [-8, "ok"]] as [number, string][]) {
    assert.equal(err(() => decompressobj(w)), want, `wbits ${w}`);
  }
});
