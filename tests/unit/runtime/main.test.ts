// Unit tests for the command line (src/runtime/main.ts): CPython's option shape.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCommandLine, Py_Main } from "../../../src/runtime/main.js";
import type { Host } from "../../../src/host/host.js";

function memoryHost(files: Record<string, string> = {}): Host & { stdout: string; stderr: string } {
  const dec = new TextDecoder();
  const h = {
    stdout: "",
    stderr: "",
    readFile(path: string): Uint8Array {
      if (!(path in files)) throw Object.assign(new Error("nope"), { errno: "ENOENT" });
      return new TextEncoder().encode(files[path]);
    },
    writeStdout(d: Uint8Array) { h.stdout += dec.decode(d); },
    writeStderr(d: Uint8Array) { h.stderr += dec.decode(d); },
    readStdin: () => new Uint8Array(),
    cwd: () => "/w",
    env: () => new Map<string, string>(),
    timeNs: () => 0n,
    monotonicNs: () => 0n,
  };
  return h;
}

test("-c terminates the option list and sets sys.argv", () => {
  const cl = parseCommandLine(["-O", "-c", "print(1)", "-x", "y"]);
  assert.deepEqual(cl.run, { kind: "command", command: "print(1)" });
  assert.deepEqual(cl.argv, ["-c", "-x", "y"]);
  assert.equal(cl.optimize, 1);
});

test("bundled options and -m", () => {
  const cl = parseCommandLine(["-OOBm", "json.tool", "a"]);
  assert.equal(cl.optimize, 2);
  assert.equal(cl.dontWriteBytecode, true);
  assert.deepEqual(cl.run, { kind: "module", module: "json.tool" });
  assert.deepEqual(cl.argv, ["-m", "a"]);
});

test("script path and its arguments", () => {
  const cl = parseCommandLine(["-u", "s.py", "-c", "z"]);
  assert.deepEqual(cl.run, { kind: "file", path: "s.py" });
  assert.deepEqual(cl.argv, ["s.py", "-c", "z"]);
});

test("-V prints the version; unknown options exit 2 as CPython does", () => {
  const h = memoryHost();
  assert.equal(Py_Main(h, ["-V"]), 0);
  assert.equal(h.stdout, "Python 3.13.0\n");
  const h2 = memoryHost();
  assert.equal(Py_Main(h2, ["--foo"]), 2);
  assert.equal(h2.stderr, "unknown option --foo\nusage: typhon [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n");
  const h3 = memoryHost();
  assert.equal(Py_Main(h3, ["-c"]), 2);
  assert.match(h3.stderr, /^Argument expected for the -c option\n/);
});

test("a missing script reports CPython's message", () => {
  const h = memoryHost();
  assert.equal(Py_Main(h, ["nonexist.py"]), 2);
  assert.equal(h.stderr, "typhon: can't open file '/w/nonexist.py': [Errno 2] No such file or directory\n");
});

test("sys.orig_argv is the whole command line, options included (config->orig_argv)", () => {
  const h = memoryHost();
  const cmd = "import sys; print(sys.orig_argv, sys.argv)";
  assert.equal(Py_Main(h, ["-X", "dev", "-W", "ignore", "-B", "-c", cmd, "a", "b"]), 0, h.stderr);
  assert.equal(h.stdout, `['typhon', '-X', 'dev', '-W', 'ignore', '-B', '-c', '${cmd}', 'a', 'b'] ['-c', 'a', 'b']\n`);
});
