// Runs the golden groups of tests/golden/objects/typesB.json.gz (captured from CPython by tools/capture_typesB.py)
// under Typhon in-process and compares result lines. `node dist/tests/unit/objects/typesB_harness.js [GROUP]`
// prints every mismatch (expected, then got) for a group, or a per-group summary.
import { readFileSync } from "node:fs";
import { createNodeHost } from "../../../src/host/node.js";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Host } from "../../../src/host/host.js";
// The command line's module order (bin/typhon.js: host, then main.js) so that load-time initialisation runs as it
// does for `typhon`.
import "../../../src/runtime/main.js";
import { Py_RunMain } from "../../../src/runtime/pythonrun.js";

/** The build directory this file was compiled into (dist/), Typhon's home for frozen.bin. */
const DIST = join(fileURLToPath(import.meta.url), "..", "..", "..", "..");
const ROOT = process.env.TYPHON_ROOT ?? join(fileURLToPath(import.meta.url), "..", "..", "..", "..", "..");

export interface Group { name: string; src: string; results: string[] }
/** [codec, hex bytes, errors, final, [text, consumed(, byteorder)] or "!message"] from codecs.*_decode. */
export type StatefulCase = [string, string, string, boolean, [string, number, number?] | string];
/** codecs.charmap_* over cp1252's table and small mappings: [op, input (hex for decode), errors, mapping kind, result]. */
export interface CharmapGolden { table: string; size: number; cases: [string, string, string, string, string][] }
export interface Golden { harness: string; groups: Group[]; stateful: StatefulCase[]; charmap: CharmapGolden }

export function loadGolden(): Golden {
  const raw = gunzipSync(readFileSync(join(ROOT, "tests", "golden", "objects", "typesB.json.gz")));
  return JSON.parse(raw.toString("latin1")) as Golden;
}

/** The Node host (files, the stdlib zip, frozen modules) with stdout/stderr captured and a fixed environment. */
function memoryHost(out: Uint8Array[], err: Uint8Array[]): Host {
  const node = createNodeHost();
  return {
    ...node,
    writeStdout: (d) => { out.push(d.slice()); },
    writeStderr: (d) => { err.push(d.slice()); },
    // sys.stdout/stderr may write through the file-descriptor layer: capture fds 1 and 2 there too.
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
    typhonHome: () => DIST,
  };
}

/** Start an interpreter without running anything (for tests that call runtime functions directly). */
export function initRuntime(): void {
  Py_RunMain(memoryHost([], []), { kind: "command", command: "pass", argv: ["-c"] });
}

export interface GroupRun { got: string[]; stderr: string; mismatches: number[] }

/** Run one group's program through Typhon; results are printed one per line after the harness fills R. */
export function runGroup(golden: Golden, g: Group): GroupRun {
  const out: Uint8Array[] = [], err: Uint8Array[] = [];
  const src = golden.harness + g.src + "for _x in R:\n    print(_x)\n";
  Py_RunMain(memoryHost(out, err), { kind: "command", command: src, argv: ["-c"] });
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
