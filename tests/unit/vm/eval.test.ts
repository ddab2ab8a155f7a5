// The evaluation loop end to end, in-process: programs compiled by Typhon run through Py_RunMain with an
// in-memory host; outputs are CPython 3.13's (checked by hand with PYENV_VERSION=3.13.0 python3.13).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Host } from "../../../src/host/host.js";
import { Py_RunMain } from "../../../src/runtime/pythonrun.js";
import { _PyThreadState_GET, _PyEval_SetStepBudget } from "../../../src/runtime/pystate.js";
import { vmHooks } from "../../../src/vm/hooks.js";
import { _PyErr_CreateException } from "../../../src/runtime/errors.js";
import { PyExc_KeyboardInterrupt } from "../../../src/objects/exceptions.js";

function run(src: string, env: Record<string, string> = { PYTHONHASHSEED: "0" }): { out: string; err: string; status: number } {
  const files: Record<string, string> = { "/w/prog.py": src };
  let out = "", err = "";
  const dec = new TextDecoder();
  const host: Host = {
    readFile(path: string): Uint8Array {
      if (!(path in files)) throw Object.assign(new Error("nope"), { errno: "ENOENT" });
      return new TextEncoder().encode(files[path]);
    },
    writeStdout: (d) => { out += dec.decode(d); },
    writeStderr: (d) => { err += dec.decode(d); },
    readStdin: () => new Uint8Array(),
    cwd: () => "/w",
    env: () => new Map(Object.entries(env)),
    timeNs: () => 0n,
    monotonicNs: () => 0n,
  } as Host;
  const status = Py_RunMain(host, { kind: "file", path: "/w/prog.py", argv: ["/w/prog.py"] });
  return { out, err, status };
}

test("arithmetic, calls, classes, generators", () => {
  const r = run([
    "def f(a, b=2, *args, k=3, **kw):",
    "    return a + b + k + len(args) + len(kw)",
    "class A:",
    "    def __init__(self, v): self.v = v",
    "    def __add__(self, o): return A(self.v + o.v)",
    "    def __repr__(self): return f'A({self.v!r})'",
    "def gen(n):",
    "    for i in range(n):",
    "        yield i * i",
    "print(f(1), f(1, 2, 3, 4, k=5, z=6), A(1) + A(2), sum(gen(10)), 2**100, -7 // 2, 7 % -3, 1/3)",
  ].join("\n"));
  assert.equal(r.err, "");
  assert.equal(r.out, "6 11 A(3) 285 1267650600228229401496703205376 -4 -2 0.3333333333333333\n");
  assert.equal(r.status, 0);
});

test("uncaught exception: CPython's traceback with carets, status 1", () => {
  const r = run("def f(x):\n    return 1 / x\n\nf(0)\n");
  assert.equal(r.status, 1);
  assert.equal(r.err, [
    "Traceback (most recent call last):",
    '  File "/w/prog.py", line 4, in <module>',
    "    f(0)",
    "    ~^^^",
    '  File "/w/prog.py", line 2, in f',
    "    return 1 / x",
    "           ~~^~~",
    "ZeroDivisionError: division by zero",
    "",
  ].join("\n"));
});

test("RecursionError without JS stack overflow, repeated frames folded", () => {
  const r = run("def f(n):\n    return f(n + 1)\nf(0)\n");
  assert.equal(r.status, 1);
  assert.match(r.err, /\[Previous line repeated 996 more times\]\nRecursionError: maximum recursion depth exceeded\n$/);
});

test("str and tuple hashes and set order equal CPython's under PYTHONHASHSEED=0", () => {
  const r = run("print(hash('a'), hash('abc'), hash((1, 2)), hash(0.5), hash(2**100))\nprint(list({'a','b','c','d','hello','x1','x2'}))\n");
  assert.equal(r.out, "4644417185603328019 -4594863902769663758 -3550055125485641917 1152921504606846976 549755813888\n" +
    "['d', 'c', 'a', 'x1', 'hello', 'x2', 'b']\n");
});

test("exceptions: context chaining, finally, SystemExit", () => {
  const r = run([
    "try:",
    "    try:",
    "        {}['k']",
    "    except KeyError as e:",
    "        raise ValueError('v')",
    "except ValueError as e:",
    "    print(type(e.__context__).__name__, e.__context__)",
    "finally:",
    "    print('finally')",
    "import sys",
    "sys.exit(3)",
  ].join("\n"));
  assert.equal(r.out, "KeyError 'k'\nfinally\n");
  assert.equal(r.status, 3);
});

test("the eval breaker: a step budget interrupts an endless loop", () => {
  vmHooks.budgetExceeded = () => _PyErr_CreateException(PyExc_KeyboardInterrupt, []);
  const ts = _PyThreadState_GET();
  const saved = vmHooks.handleEvalBreaker;
  try {
    const r = (() => {
      // The budget is armed once the program starts (Py_RunMain re-initializes the thread's state lazily).
      _PyEval_SetStepBudget(ts, 10000);
      return run("while True:\n    pass\n");
    })();
    // An unhandled KeyboardInterrupt asks the host to die of SIGINT (CPython's exit_sigint), as status -2.
    assert.equal(r.status, -2);
    assert.match(r.err, /KeyboardInterrupt\n$/);
  } finally {
    _PyEval_SetStepBudget(ts, -1);
    vmHooks.handleEvalBreaker = saved;
  }
});
