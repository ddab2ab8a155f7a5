// marshal.loads and .pyc reading (src/runtime/marshal.ts) against files CPython 3.13 wrote (tests/golden/pyc).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
// Load the runtime the way the entry point does, so modules evaluate in their usual order.
import "../../../src/runtime/pythonrun.js";
import { readPyc, looksLikePyc } from "../../../src/runtime/marshal.js";
import { PyCodeObject } from "../../../src/objects/codeobject.js";
import { Py_Initialize } from "../../../src/runtime/pylifecycle.js";
import type { Host } from "../../../src/host/host.js";

const ROOT = new URL("../../../../tests/golden/pyc/", import.meta.url).pathname;

function collect(dir: string, out: string[]): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) collect(p, out);
    else if (n.endsWith(".pyc")) out.push(p);
  }
  return out;
}

test("every CPython-written .pyc of the corpus loads into code objects", () => {
  const host = {
    readFile: () => new Uint8Array(), writeStdout: () => undefined, writeStderr: () => undefined,
    readStdin: () => new Uint8Array(), cwd: () => "/", env: () => new Map([["PYTHONHASHSEED", "0"]]),
    timeNs: () => 0n, monotonicNs: () => 0n,
  } as unknown as Host;
  Py_Initialize(host, [""]);
  const files = collect(ROOT, []);
  assert.ok(files.length > 100, `only ${files.length} pyc files`);
  for (const f of files) {
    const data = readFileSync(f);
    assert.ok(looksLikePyc(data), f);
    const code = readPyc(data);
    assert.ok(code instanceof PyCodeObject, f);
    assert.equal(code.co_name.value, "<module>", f);
    assert.equal(code._co_code_adaptive.length * 2, code.co_code.ob_bytes.length, f);
  }
});

test("a bad magic number is CPython's RuntimeError", () => {
  const data = new Uint8Array(20);
  assert.throws(() => readPyc(data), (e: unknown) => (e as { ob_type: { tp_name: string } }).ob_type.tp_name === "RuntimeError");
});
