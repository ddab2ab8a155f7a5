// The _sre module (src/modules/_sre/module.ts) under Typhon (typhon -c, the real import system): programs calling
// _sre directly, CPython's re._parser/_compiler over Lib/test/re_tests.py, and a smoke program of the re module,
// each compared with CPython 3.13's stdout character for character. Fixtures: tests/golden/sre/programs.json
// (tools/capture_sre.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Py_Main } from "../../../src/runtime/main.js";
import type { Host } from "../../../src/host/host.js";
import { createNodeHost } from "../../../src/host/node.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const programs = JSON.parse(readFileSync(resolve(ROOT, "tests/golden/sre/programs.json"), "utf8")) as
  { name: string; source: string; stdout: string; status: number }[];

/** The Node host (frozen importlib, stdlib zip) with standard output and error captured. */
function capturingHost(): Host & { stdout: string; stderr: string } {
  const dec = new TextDecoder();
  const base = createNodeHost();
  const fs = base.fs!;
  const h = {
    ...base,
    stdout: "",
    stderr: "",
    writeStdout(d: Uint8Array) { h.stdout += dec.decode(d); },
    writeStderr(d: Uint8Array) { h.stderr += dec.decode(d); },
    env: () => new Map<string, string>([["PYTHONHASHSEED", "0"]]),
    // sys.stdout and sys.stderr are _io objects over file descriptors 1 and 2
    fs: { ...fs, write: (fd: number, data: Uint8Array): number => {
      if (fd === 1) h.stdout += dec.decode(data);
      else if (fd === 2) h.stderr += dec.decode(data);
      else return fs.write(fd, data);
      return data.length;
    }, isatty: (fd: number): boolean => (fd <= 2 ? false : fs.isatty(fd)) },
  };
  return h;
}

for (const p of programs) {
  test(`program ${p.name} prints what CPython prints`, () => {
    const host = capturingHost();
    const status = Py_Main(host, ["-c", p.source]);
    assert.equal(host.stdout, p.stdout, host.stderr);
    assert.equal(status, p.status, host.stderr);
  });
}
