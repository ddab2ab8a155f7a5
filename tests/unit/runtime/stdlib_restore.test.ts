// stdlib_restore.ts: the three Lib files pyodide 0.29.3 patched read from its python_stdlib.zip as CPython's text
// (pyodide's inserted lines removed; the entry carries the restored text's CRC-32 and size), and nothing else changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32 } from "../../../src/modules/zlib/crc32.js";
import { ZipArchive } from "../../../src/runtime/stdlib_zip.js";
import { STDLIB_RESTORE, removeInserted } from "../../../src/runtime/stdlib_restore.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const ZIP = resolve(ROOT, "node_modules/pyodide/python_stdlib.zip");
/** CPython 3.13.0's Lib, when the oracle is installed: the three files did not change between 3.13.0 and 3.13.2. */
const CPYTHON_LIB = "/root/.pyenv/versions/3.13.0/lib/python3.13";

test("each patched member reads as CPython's text, with the restored CRC-32 and size", () => {
  const z = new ZipArchive(new Uint8Array(readFileSync(ZIP)), ZIP);
  for (const row of STDLIB_RESTORE) {
    const e = z.entries.get(row.name)!;
    assert.equal(e.crc, row.restoredCrc, `${row.name}: the archive's member is pyodide 0.29.3's`);
    assert.equal(e.size, row.restoredSize);
    const text = z.read(row.name);
    assert.equal(text.length, row.restoredSize);
    assert.equal(crc32(0, text), row.restoredCrc);
    const s = new TextDecoder().decode(text);
    assert.doesNotMatch(s, /pyodide|_JSNULL|emscripten/i, row.name);
    const cpy = `${CPYTHON_LIB}/${row.name}`;
    if (existsSync(cpy)) assert.equal(s, readFileSync(cpy, "utf8"), `${row.name} equals CPython 3.13.0's`);
  }
  assert.match(z.readText("zoneinfo/_common.py"), /raise ZoneInfoNotFoundError\(f"No time zone found with key \{key\}"\)/);
});

test("other members are untouched, and a row whose lines are not where it says changes nothing", () => {
  const z = new ZipArchive(new Uint8Array(readFileSync(ZIP)), ZIP);
  const names = new Set(STDLIB_RESTORE.map((r) => r.name));
  for (const e of z.entries.values()) {
    if (names.has(e.name) || e.name.endsWith("/")) continue;
    assert.equal(crc32(0, z.read(e.name)), e.crc, e.name);
  }
  const row = STDLIB_RESTORE[0];
  assert.equal(removeInserted(row, new TextEncoder().encode("a\nb\nc\n")), null);
  const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
  lines.splice(row.inserted[0].line - 1, 0, ...row.inserted[0].text);
  const back = removeInserted(row, new TextEncoder().encode(lines.join("\n")));
  assert.equal(new TextDecoder().decode(back!), Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join("\n"));
});
