// stdlib_zip.ts: pyodide 0.29.3's python_stdlib.zip read member by member (sizes and CRC-32 as its central
// directory promises), plus hand-built archives for stored/deflated/zip64/prefixed/corrupt cases.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32 } from "../../../src/modules/zlib/crc32.js";
import { compress } from "../../../src/modules/zlib/zlibmodule.js";
import { ZipArchive, ZipError } from "../../../src/runtime/stdlib_zip.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const ZIP = resolve(ROOT, "node_modules/pyodide/python_stdlib.zip");

test("npm install provides pyodide's python_stdlib.zip (pyodide pinned at 0.29.3)", () => {
  assert.ok(existsSync(ZIP), "run npm install");
  const pkg = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8"));
  assert.equal(pkg.dependencies.pyodide, "0.29.3");
  const installed = JSON.parse(readFileSync(resolve(ROOT, "node_modules/pyodide/package.json"), "utf8"));
  assert.equal(installed.version, "0.29.3");
});

test("reads importlib/_bootstrap.py and json/__init__.py as the central directory describes them", () => {
  const z = new ZipArchive(new Uint8Array(readFileSync(ZIP)), ZIP);
  for (const name of ["importlib/_bootstrap.py", "json/__init__.py"]) {
    const e = z.entries.get(name)!;
    assert.equal(e.method, 8, `${name} is deflated`);
    const data = z.read(name);
    assert.equal(data.length, e.size);
    assert.equal(crc32(0, data), e.crc);
  }
  const boot = z.readText("importlib/_bootstrap.py");
  assert.match(boot, /^"""Core implementation of import\./);
  assert.match(boot, /def _install\(sys_module, _imp_module\):/);
  assert.match(z.readText("json/__init__.py"), /^r"""JSON \(JavaScript Object Notation\)/);
});

test("every member of the stdlib zip inflates to its promised size and CRC-32", () => {
  const z = new ZipArchive(new Uint8Array(readFileSync(ZIP)), ZIP);
  const names = z.names();
  assert.ok(names.length > 500, `${names.length} entries`);
  let bytes = 0;
  for (const name of names) bytes += z.read(name).length;
  assert.ok(bytes > 8_000_000, `${bytes} bytes`);
  // What the zip leaves out of CPython's Lib (docs/modules.md lists it).
  for (const absent of ["_pydecimal.py", "pydoc_data/topics.py", "test/__init__.py", "ssl.py", "lzma.py", "sqlite3/__init__.py"]) {
    assert.ok(!z.has(absent), absent);
  }
  for (const present of ["decimal.py", "zipimport.py", "encodings/utf_8.py", "collections/__init__.py", "hashlib.py"]) assert.ok(z.has(present), present);
});

/** A minimal zip writer for the tests: local headers, central directory, EOCD, optional zip64 records. */
function buildZip(members: { name: string; data: Uint8Array; deflate: boolean }[], opts: { zip64?: boolean; prefix?: number } = {}): Uint8Array {
  const parts: number[] = [];
  const u16 = (v: number): void => void parts.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (v: number): void => (u16(v & 0xffff), u16(v >>> 16));
  const u64 = (v: number): void => (u32(v >>> 0), u32(Math.floor(v / 0x100000000)));
  const bytes = (b: Uint8Array | number[]): void => void parts.push(...b);
  for (let i = 0; i < (opts.prefix ?? 0); i++) parts.push(0x5a);
  const central: { name: Uint8Array; crc: number; csize: number; usize: number; method: number; offset: number }[] = [];
  for (const m of members) {
    const body = m.deflate ? compress(m.data, 6, -15) : m.data;
    const name = new TextEncoder().encode(m.name);
    const offset = parts.length - (opts.prefix ?? 0);
    u32(0x04034b50), u16(20), u16(0x800), u16(m.deflate ? 8 : 0), u16(0), u16(0x21);
    u32(crc32(0, m.data)), u32(body.length), u32(m.data.length), u16(name.length), u16(0);
    bytes(name), bytes(body);
    central.push({ name, crc: crc32(0, m.data), csize: body.length, usize: m.data.length, method: m.deflate ? 8 : 0, offset });
  }
  const cdStart = parts.length - (opts.prefix ?? 0);
  for (const c of central) {
    u32(0x02014b50), u16(20), u16(20), u16(0x800), u16(c.method), u16(0), u16(0x21), u32(c.crc);
    if (opts.zip64) {
      u32(0xffffffff), u32(0xffffffff), u16(c.name.length), u16(28), u16(0), u16(0), u16(0), u32(0), u32(0xffffffff);
      bytes(c.name);
      u16(1), u16(24), u64(c.usize), u64(c.csize), u64(c.offset);
    } else {
      u32(c.csize), u32(c.usize), u16(c.name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(c.offset);
      bytes(c.name);
    }
  }
  const cdSize = parts.length - (opts.prefix ?? 0) - cdStart;
  if (opts.zip64) {
    const z64 = parts.length - (opts.prefix ?? 0);
    u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(central.length), u64(central.length), u64(cdSize), u64(cdStart);
    u32(0x07064b50), u32(0), u64(z64), u32(1);
    u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(0);
  } else {
    u32(0x06054b50), u16(0), u16(0), u16(central.length), u16(central.length), u32(cdSize), u32(cdStart), u16(0);
  }
  return Uint8Array.from(parts);
}

test("hand-built archives: stored and deflated members, zip64 records, a prefix before the archive", () => {
  const text = new TextEncoder().encode("print('hello')\n".repeat(200));
  const members = [
    { name: "a.py", data: text, deflate: true },
    { name: "pkg/b.txt", data: Uint8Array.of(1, 2, 3), deflate: false },
    { name: "é.py", data: new Uint8Array(0), deflate: false },
  ];
  for (const opts of [{}, { zip64: true }, { prefix: 100 }, { zip64: true, prefix: 7 }]) {
    const z = new ZipArchive(buildZip(members, opts));
    assert.deepEqual(z.names(), ["a.py", "pkg/b.txt", "é.py"], JSON.stringify(opts));
    assert.deepEqual(z.read("a.py"), text);
    assert.deepEqual(z.read("pkg/b.txt"), Uint8Array.of(1, 2, 3));
    assert.equal(z.read("é.py").length, 0);
  }
});

test("corrupt archives raise ZipError, never crash", () => {
  assert.throws(() => new ZipArchive(new Uint8Array(10)), /not a Zip file/);
  assert.throws(() => new ZipArchive(new TextEncoder().encode("x".repeat(100))), /not a Zip file/);
  const good = buildZip([{ name: "a.py", data: new TextEncoder().encode("x = 1\n".repeat(50)), deflate: true }]);
  const badCrc = good.slice();
  badCrc[14] ^= 0xff; // local header CRC is unused; corrupt the central one instead
  const cd = good.length - 22 - 46 - 4;
  const flipped = good.slice();
  flipped[cd + 16] ^= 1;
  assert.throws(() => new ZipArchive(flipped).read("a.py"), /bad CRC-32/);
  const badData = good.slice();
  badData[35] ^= 0xff;
  assert.throws(() => new ZipArchive(badData).read("a.py"), ZipError);
  assert.throws(() => new ZipArchive(good).read("missing.py"), ZipError);
  // Random mutations: any outcome but a crash.
  let s = 99;
  for (let i = 0; i < 300; i++) {
    const m = good.slice();
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    m[s % m.length] = s >>> 16;
    try {
      new ZipArchive(m).read("a.py");
    } catch (e) {
      assert.ok(e instanceof ZipError, String(e));
    }
  }
});

test("the directory parses a member's header at its first use: same entry each time, all members reachable", () => {
  const z = new ZipArchive(new Uint8Array(readFileSync(ZIP)), ZIP);
  const names = z.names();
  assert.equal(z.entries.size, names.length);
  assert.equal(z.entries.get("json/__init__.py"), z.entry("json/__init__.py"));
  assert.equal(z.entries.get("no/such.py"), undefined);
  assert.equal(z.entry("no/such.py"), undefined);
  assert.ok(!z.has("no/such.py") && z.has("json/__init__.py") && z.entries.has("json/__init__.py"));
  const values = [...z.entries.values()];
  assert.equal(values.length, names.length);
  assert.deepEqual(values.map((e) => e.name), names);
  assert.throws(() => z.read("no/such.py"), { message: "There is no item named 'no/such.py' in the archive" });
});
