// The eval breaker (docs/interpreter.md, "The eval breaker"): a host interrupt raises KeyboardInterrupt through the
// SIGINT handler, Python signal handlers run between instructions, the step budget raises the embedder's exception,
// and the switch-request bit calls vmHooks.onSwitchRequest. Expected texts are CPython 3.13's.
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
import { _PyThreadState_GET, _PyEval_SetStepBudget, _Py_set_eval_breaker_bit, _PY_GIL_DROP_REQUEST_BIT,
  _Py_unset_eval_breaker_bit } from "../../../src/runtime/pystate.js";
import { vmHooks, PyErr_SetInterrupt } from "../../../src/vm/hooks.js";
import { _PyErr_CreateException } from "../../../src/runtime/errors.js";
import { PyExc_RuntimeError } from "../../../src/objects/exceptions.js";
import { PyUnicode_FromString } from "../../../src/objects/unicodeobject.js";

const dir = mkdtempSync(join(tmpdir(), "typhon-breaker-"));

/** Run a program; the host's getpid() calls `onNative` (a stand-in for a signal arriving during a native call). */
function run(src: string, onNative: () => void = () => {}): { out: string; err: string; status: number } {
  let out = "", err = "";
  const dec = new TextDecoder();
  const base = createNodeHost();
  const path = join(dir, "prog.py");
  writeFileSync(path, src);
  const host: Host = {
    ...base,
    writeStdout: (d) => { out += dec.decode(d); },
    writeStderr: (d) => { err += dec.decode(d); },
    env: () => new Map([["PYTHONHASHSEED", "0"]]),
    proc: { ...base.proc!, getpid: () => {
      // Only calls made by the program itself (the import system calls getpid too).
      const f = _PyThreadState_GET().current_frame as { f_code: { co_filename: { value: string } } } | null;
      if (f !== null && f.f_code.co_filename.value === path) onNative();
      return 42;
    } },
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
  err = err.split(path).join("/w/prog.py");
  return { out, err, status };
}

test("a host interrupt during a native call raises KeyboardInterrupt at that call", () => {
  const r = run([
    "import os",
    "try:",
    "    os.getpid()",
    "    print('not reached')",
    "except KeyboardInterrupt as e:",
    "    print('caught', repr(e), e.__traceback__.tb_lineno)",
  ].join("\n"), PyErr_SetInterrupt);
  assert.equal(r.err, "");
  assert.equal(r.out, "caught KeyboardInterrupt() 3\n");
});

test("a Python SIGINT handler runs from the breaker, with the signal number and the current frame", () => {
  const r = run([
    "import signal, os",
    "def handler(signum, frame):",
    "    print('handler', signum, frame.f_code.co_name, frame.f_lineno)",
    "old = signal.signal(signal.SIGINT, handler)",
    "def work():",
    "    os.getpid()",
    "    return 'done'",
    "print(work())",
    "signal.signal(signal.SIGINT, signal.SIG_IGN)",
    "os.getpid()",
    "print('ignored', old is signal.default_int_handler)",
    "signal.signal(signal.SIGINT, old)",
  ].join("\n"), PyErr_SetInterrupt);
  assert.equal(r.err, "");
  assert.equal(r.out, "handler 2 work 6\ndone\nignored True\n");
});

test("an unhandled interrupt prints KeyboardInterrupt's traceback and exits by SIGINT", () => {
  const r = run("import os\nwhile True:\n    os.getpid()\n", PyErr_SetInterrupt);
  assert.equal(r.status, -2);
  assert.match(r.err, /^Traceback \(most recent call last\):\n {2}File "\/w\/prog.py", line 3, in <module>\n/);
  assert.match(r.err, /KeyboardInterrupt\n$/);
});

test("the step budget raises the embedder's exception inside an endless loop", () => {
  const saved = vmHooks.budgetExceeded;
  vmHooks.budgetExceeded = () => _PyErr_CreateException(PyExc_RuntimeError, [PyUnicode_FromString("out of steps")]);
  try {
    let armed = false;
    const r = run([
      "import os",
      "os.getpid()",
      "n = 0",
      "try:",
      "    while True:",
      "        n += 1",
      "except RuntimeError as e:",
      "    print(type(e).__name__, e, n > 100)",
    ].join("\n"), () => { if (!armed) { armed = true; _PyEval_SetStepBudget(_PyThreadState_GET(), 1000); } });
    assert.equal(r.err, "");
    assert.equal(r.out, "RuntimeError out of steps True\n");
  } finally {
    vmHooks.budgetExceeded = saved;
    _PyEval_SetStepBudget(_PyThreadState_GET(), -1);
  }
});

test("the switch-request bit calls vmHooks.onSwitchRequest at the next check, which clears it", () => {
  const saved = vmHooks.onSwitchRequest;
  let calls = 0;
  try {
    const r = run([
      "import os",
      "for i in range(5):",
      "    os.getpid()",
      "print('ok')",
    ].join("\n"), () => {
      // Installed once the program runs (start-up may install a scheduler's own hook).
      vmHooks.onSwitchRequest = (ts) => { calls++; _Py_unset_eval_breaker_bit(ts, _PY_GIL_DROP_REQUEST_BIT); };
      _Py_set_eval_breaker_bit(_PyThreadState_GET(), _PY_GIL_DROP_REQUEST_BIT);
    });
    assert.equal(r.out, "ok\n");
    assert.equal(calls, 5);
  } finally {
    vmHooks.onSwitchRequest = saved;
  }
});
