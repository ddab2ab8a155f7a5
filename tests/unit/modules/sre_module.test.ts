// The Python-facing _sre module (src/modules/_sre/module.ts) under Typhon's evaluation loop: programs that call
// _sre directly (code lists inlined, so no `re` is needed) compared with CPython 3.13's output, character for
// character. Fixtures: tests/golden/sre/programs.json (tools/capture_sre.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Py_Main } from "../../../src/runtime/main.js";
import { importHooks } from "../../../src/runtime/pylifecycle.js";
import { PyInit__sre } from "../../../src/modules/_sre/module.js";
import type { Host } from "../../../src/host/host.js";
import type { PyVal } from "../../../src/objects/object.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const programs = JSON.parse(readFileSync(resolve(ROOT, "tests/golden/sre/programs.json"), "utf8")) as
  { name: string; source: string; stdout: string; status: number }[];

function memoryHost(): Host & { stdout: string; stderr: string } {
  const dec = new TextDecoder();
  const h = {
    stdout: "",
    stderr: "",
    readFile(): Uint8Array {
      throw Object.assign(new Error("nope"), { errno: "ENOENT" });
    },
    writeStdout(d: Uint8Array) { h.stdout += dec.decode(d); },
    writeStderr(d: Uint8Array) { h.stderr += dec.decode(d); },
    readStdin: () => new Uint8Array(),
    cwd: () => "/w",
    env: () => new Map<string, string>([["PYTHONHASHSEED", "0"]]),
    timeNs: () => 0n,
    monotonicNs: () => 0n,
  };
  return h;
}

// Until the import system registers native modules, serve _sre (a fresh module per program, as a fresh CPython
// process has) through the import hook.
let sre: PyVal | null = null;
const importModule = importHooks.importModule;
importHooks.importModule = (name, globals, fromlist, level) =>
  name === "_sre" && level === 0 ? (sre ??= PyInit__sre()) : importModule(name, globals, fromlist, level);

for (const p of programs) {
  test(`program ${p.name} prints what CPython prints`, () => {
    sre = null;
    const host = memoryHost();
    const status = Py_Main(host, ["-c", p.source]);
    assert.equal(host.stdout, p.stdout, host.stderr);
    assert.equal(status, p.status, host.stderr);
  });
}
