// Runs a diff mode's Python file (a `dump(path, data)` function) under Typhon itself, in-process: one Py_RunMain per
// file with captured standard streams; the result crosses as JSON, as tools/diff_cpython.py's does for CPython.
import "../../src/runtime/main.js";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createNodeHost } from "../../src/host/node.js";
import type { Host } from "../../src/host/host.js";
import { Py_RunMain } from "../../src/runtime/pythonrun.js";
import type { DumpOutcome } from "./mode.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

function capturingHost(out: Uint8Array[], err: Uint8Array[]): Host {
  const node = createNodeHost();
  return {
    ...node,
    writeStdout: (d) => { out.push(d.slice()); },
    writeStderr: (d) => { err.push(d.slice()); },
    fs: node.fs === undefined ? undefined : {
      ...node.fs,
      write: (fd: number, d: Uint8Array): number => {
        if (fd === 1) { out.push(d.slice()); return d.length; }
        if (fd === 2) { err.push(d.slice()); return d.length; }
        return node.fs!.write(fd, d);
      },
      isatty: (fd: number): boolean => (fd <= 2 ? false : node.fs!.isatty(fd)),
    },
    readStdin: () => new Uint8Array(0),
    env: () => new Map([["PYTHONHASHSEED", "0"]]),
  };
}

/** dump(path, data) of `script` (a path from the repository root) run by Typhon. */
export function runPythonMode(script: string, path: string): DumpOutcome {
  const out: Uint8Array[] = [], err: Uint8Array[] = [];
  const command = [
    "import importlib.util, json, sys",
    `spec = importlib.util.spec_from_file_location("typhon_diff_mode", ${JSON.stringify(join(ROOT, script))})`,
    "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)",
    `p = ${JSON.stringify(path)}`,
    "with open(p, 'rb') as f: data = f.read()",
    "sys.stdout.write(json.dumps(m.dump(p, data)))",
  ].join("\n");
  const status = Py_RunMain(capturingHost(out, err), { kind: "command", command, argv: ["-c"] });
  const text = Buffer.concat(out).toString("utf8");
  if (status !== 0 || text === "") return { status: "error", text: `Typhon exited with ${status}: ${Buffer.concat(err).toString("utf8").trim().split("\n").slice(-1)[0]}\n` };
  const [st, t] = JSON.parse(text) as [string, string];
  return st === "ok" ? { status: "ok", text: t } : { status: "error", text: t };
}
