// Instrumentation in place (src/vm/instrumentation.ts, docs/interpreter.md "Tracing and sys.monitoring"): code is
// rewritten while events are on and restored after, co_code never shows it, and a program's results do not change
// under tracing. Expected values are CPython 3.13's.
import { test } from "node:test";
import assert from "node:assert/strict";
import "../../../src/runtime/main.js"; // the module graph in the CLI's order
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Host } from "../../../src/host/host.js";
import { createNodeHost } from "../../../src/host/node.js";
import { Py_RunMain } from "../../../src/runtime/pythonrun.js";
import { configureImports } from "../../../src/runtime/import.js";

const dir = mkdtempSync(join(tmpdir(), "typhon-instr-"));

function run(src: string): { out: string; err: string; status: number } {
  let out = "", err = "";
  const dec = new TextDecoder();
  const base = createNodeHost();
  const path = join(dir, "prog.py");
  writeFileSync(path, src);
  const host: Host = {
    ...base,
    env: () => new Map([["PYTHONHASHSEED", "0"]]),
    fs: { ...base.fs!, write: (fd, d) => {
      if (fd === 1) out += dec.decode(d);
      else if (fd === 2) err += dec.decode(d);
      else return base.fs!.write(fd, d);
      return d.length;
    } },
  };
  configureImports(host, { dontWriteBytecode: true, verbose: 0, optimize: 0, noSite: true, isolated: false, safePath: false,
    unbuffered: false, ignoreEnvironment: false, checkHashBasedPycs: "default", stdlib: null, run: { kind: "file", path } });
  const status = Py_RunMain(host, { kind: "file", path, argv: [path] });
  return { out, err, status };
}

test("tracing rewrites _co_code_adaptive, never co_code, and switching it off restores the units", () => {
  const r = run([
    "import sys",
    "def f(n):",
    "    t = 0",
    "    for i in range(n):",
    "        t += i if i % 2 else -i",
    "    return t",
    "code = f.__code__",
    "before = (code.co_code, code._co_code_adaptive)",
    "lines = []",
    "def tr(frame, event, arg):",
    "    if frame.f_code is code and event == 'line':",
    "        lines.append(frame.f_lineno)",
    "    return tr",
    "sys.settrace(tr)",
    "r = f(4)",
    "during = (code.co_code, code._co_code_adaptive)",
    "sys.settrace(None)",
    "f(1)",
    "after = code._co_code_adaptive",
    "print(r, lines)",
    "print(during[0] == before[0], during[1] != before[1], after == before[1])",
  ].join("\n"));
  assert.equal(r.err, "");
  assert.equal(r.out, "2 [3, 4, 5, 4, 5, 4, 5, 4, 5, 4, 6]\nTrue True True\n");
});

test("a callback's exception propagates from the instrumented instruction; the tracer is then removed", () => {
  const r = run([
    "import sys",
    "def tr(frame, event, arg):",
    "    if event == 'line' and frame.f_code.co_name == 'g':",
    "        raise RuntimeError('from tracer')",
    "    return tr",
    "def g():",
    "    return 1",
    "sys.settrace(tr)",
    "try:",
    "    g()",
    "except RuntimeError as e:",
    "    print('caught', e, sys.gettrace())",
  ].join("\n"));
  assert.equal(r.err, "");
  assert.equal(r.out, "caught from tracer None\n");
});
