// Runs the golden groups of tests/golden/objects/typesA.json.gz (captured from CPython by tools/capture_typesA.py)
// under Typhon in-process on the Node host (PYTHONHASHSEED=0, as the capture) and compares result lines.
// `node dist/tests/unit/objects/typesA_harness.js [GROUP [LIMIT]]` prints mismatches for a group, or a summary.
// Load the runtime the way bin/typhon does (main.ts first), so module evaluation order matches the CLI's.
import "../../../src/runtime/main.js";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Host } from "../../../src/host/host.js";
import { createNodeHost } from "../../../src/host/node.js";
import { Py_RunMain } from "../../../src/runtime/pythonrun.js";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..", "..", "..", "..");

export interface Group { name: string; src: string; results: string[] }
export interface Golden { harness: string; groups: Group[] }

export function loadGolden(): Golden {
  const raw = gunzipSync(readFileSync(join(ROOT, "tests", "golden", "objects", "typesA.json.gz")));
  return JSON.parse(raw.toString("latin1")) as Golden;
}

/** The Node host (frozen importlib, stdlib zip) with standard output and error captured, PYTHONHASHSEED=0. */
function capturingHost(out: Uint8Array[], err: Uint8Array[]): Host {
  const base = createNodeHost();
  const fs = base.fs!;
  return {
    ...base,
    writeStdout: (d: Uint8Array) => { out.push(d.slice()); },
    writeStderr: (d: Uint8Array) => { err.push(d.slice()); },
    env: () => new Map<string, string>([["PYTHONHASHSEED", "0"]]),
    // sys.stdout and sys.stderr may be _io objects over file descriptors 1 and 2.
    fs: { ...fs, write: (fd: number, data: Uint8Array): number => {
      if (fd === 1) out.push(data.slice());
      else if (fd === 2) err.push(data.slice());
      else return fs.write(fd, data);
      return data.length;
    }, isatty: (fd: number): boolean => (fd <= 2 ? false : fs.isatty(fd)) },
  };
}

export interface GroupRun { got: string[]; stderr: string; mismatches: number[] }

export function runGroup(golden: Golden, g: Group): GroupRun {
  const out: Uint8Array[] = [], err: Uint8Array[] = [];
  const src = golden.harness + g.src + "for _x in R:\n    print(_x)\n";
  Py_RunMain(capturingHost(out, err), { kind: "command", command: src, argv: ["-c"] });
  const text = Buffer.concat(out).toString("utf8");
  const got = text.split("\n");
  if (got[got.length - 1] === "") got.pop();
  const mismatches: number[] = [];
  for (let i = 0; i < g.results.length; i++) if (got[i] !== g.results[i]) mismatches.push(i);
  return { got, stderr: Buffer.concat(err).toString("utf8"), mismatches };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const golden = loadGolden();
  const only = process.argv[2];
  let total = 0, bad = 0;
  for (const g of golden.groups) {
    if (only !== undefined && g.name !== only) continue;
    const r = runGroup(golden, g);
    total += g.results.length;
    bad += r.mismatches.length;
    if (only === undefined) {
      console.log(`${g.name}: ${g.results.length - r.mismatches.length}/${g.results.length}${r.stderr ? "  stderr: " + r.stderr.split("\n").slice(-2).join(" ") : ""}`);
      continue;
    }
    if (r.stderr) console.log("stderr:", r.stderr);
    const lim = Number(process.argv[3] ?? 1e9);
    let shown = 0;
    for (const i of r.mismatches) {
      if (shown++ >= lim) break;
      console.log(`#${i}\n  want ${g.results[i]}\n  got  ${r.got[i]}`);
    }
  }
  console.log(`identical: ${total - bad}/${total}`);
}
