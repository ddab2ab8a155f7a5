// The freeze step of the build (CPython's Tools/build/freeze_modules.py + Programs/_freeze_module): compiles the
// modules CPython freezes from the stdlib zip with Typhon's own compiler and writes their marshalled code objects
// to dist/frozen.bin, which src/runtime/import.ts loads at start-up. Run by `npm run build` / `npm install`.
// The command line's entry module first: it fixes the evaluation order of the runtime's module cycle.
import "../src/runtime/main.js";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { ZipArchive } from "../src/runtime/stdlib_zip.js";
import { compile } from "../src/compiler/compile.js";
import { Py_Initialize, PyCode_FromRecord } from "../src/runtime/pylifecycle.js";
import { marshal_dumps } from "../src/runtime/marshal_write.js";
import { createNodeHost } from "../src/host/node.js";
import { setImportConfig } from "../src/runtime/import.js";

/** [frozen name, source module, is package, part of the stdlib (vs the import bootstrap)]: CPython 3.13's FROZEN list. */
export const FROZEN: readonly (readonly [string, string, boolean, boolean])[] = [
  ["_frozen_importlib", "importlib._bootstrap", false, false],
  ["_frozen_importlib_external", "importlib._bootstrap_external", false, false],
  ["abc", "abc", false, true],
  ["codecs", "codecs", false, true],
  ["io", "io", false, true],
  ["_collections_abc", "_collections_abc", false, true],
  ["_sitebuiltins", "_sitebuiltins", false, true],
  ["genericpath", "genericpath", false, true],
  ["ntpath", "ntpath", false, true],
  ["posixpath", "posixpath", false, true],
  ["os", "os", false, true],
  ["site", "site", false, true],
  ["stat", "stat", false, true],
  ["importlib.util", "importlib.util", false, true],
  ["importlib.machinery", "importlib.machinery", false, true],
  ["runpy", "runpy", false, true],
  ["__hello__", "__hello__", false, true],
  ["__phello__", "__phello__", true, true],
  ["__phello__.spam", "__phello__.spam", false, true],
];

export function freeze(zipPath: string, outPath: string): { count: number; bytes: number } {
  const zip = new ZipArchive(new Uint8Array(fs.readFileSync(zipPath)), zipPath);
  const header: { name: string; origname: string; ispkg: boolean; stdlib: boolean; offset: number; size: number }[] = [];
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (const [name, origname, ispkg, stdlib] of FROZEN) {
    const file = origname.replace(/\./g, "/") + (ispkg ? "/__init__.py" : ".py");
    if (!zip.entries.has(file)) continue;
    const src = zip.read(file);
    // CPython compiles frozen modules with the filename "<frozen NAME>" (its tracebacks show it).
    const rec = compile(src, `<frozen ${origname}>`, "exec", 0, 0);
    // Nested code objects as lazy records (src/runtime/marshal_write.ts), read at first use, as in the stdlib cache.
    const blob = marshal_dumps(PyCode_FromRecord(rec), 4, true, true);
    header.push({ name, origname, ispkg, stdlib, offset, size: blob.length });
    blobs.push(blob);
    offset += blob.length;
  }
  const h = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + h.length + offset);
  out.set([0x54, 0x59, 0x46, 0x5a, h.length & 0xff, (h.length >> 8) & 0xff, (h.length >> 16) & 0xff, h.length >>> 24]);
  out.set(h, 8);
  let p = 8 + h.length;
  for (const b of blobs) {
    out.set(b, p);
    p += b.length;
  }
  fs.writeFileSync(outPath, out);
  return { count: header.length, bytes: out.length };
}

function main(): void {
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const root = path.resolve(dist, "..");
  const zipPath = path.join(root, "node_modules", "pyodide", "python_stdlib.zip");
  if (!fs.existsSync(zipPath)) {
    process.stderr.write(`freeze: ${zipPath} not found (npm install brings it); no frozen modules written\n`);
    return;
  }
  // The runtime's types must be ready to build code objects; no import system is needed for that.
  setImportConfig({ frozen: null });
  Py_Initialize(createNodeHost(), [], "typhon");
  const t0 = Date.now();
  const r = freeze(zipPath, path.join(dist, "frozen.bin"));
  process.stdout.write(`freeze: ${r.count} modules, ${r.bytes} bytes in dist/frozen.bin (${Date.now() - t0} ms)\n`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
