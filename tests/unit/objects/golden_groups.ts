// Shared runner for the objects golden fixtures (tests/golden/objects/*.json.gz, captured from CPython by
// tools/capture_types{A,B}.py): each group is a program that fills a list R; Typhon runs it in-process on the Node
// host with stdout captured and PYTHONHASHSEED=0, and the printed lines are compared with CPython's.
// Load the runtime the way bin/typhon does (main.ts first), so module evaluation order matches the CLI's.
import "../../../src/runtime/main.js";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Host } from "../../../src/host/host.js";
import { createNodeHost } from "../../../src/host/node.js";
import { Py_RunMain } from "../../../src/runtime/pythonrun.js";

const ROOT = process.env.TYPHON_ROOT ?? join(fileURLToPath(import.meta.url), "..", "..", "..", "..", "..");

export interface Group { name: string; src: string; results: string[] }
export interface GroupGolden { harness: string; groups: Group[] }

/** Reads tests/golden/objects/<name>.json.gz. */
export function loadGzipGolden<T extends GroupGolden>(name: string): T {
  const raw = gunzipSync(readFileSync(join(ROOT, "tests", "golden", "objects", `${name}.json.gz`)));
  return JSON.parse(raw.toString("latin1")) as T;
}

/** The Node host (files, the stdlib zip, frozen modules) with stdout/stderr captured and a fixed environment. */
export function capturingHost(out: Uint8Array[], err: Uint8Array[]): Host {
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
  };
}

export interface GroupRun { got: string[]; stderr: string; mismatches: number[] }

/** Run one group's program through Typhon; results are printed one per line after the harness fills R. */
export function runGroup(golden: GroupGolden, g: Group): GroupRun {
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

/** The harnesses' command line: `[GROUP [LIMIT]]` prints a group's mismatches, no argument a per-group summary. */
export function reportGroups(golden: GroupGolden, args: readonly string[]): void {
  const only = args[0];
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
    const lim = Number(args[1] ?? 1e9);
    let shown = 0;
    for (const i of r.mismatches) {
      if (shown++ >= lim) break;
      console.log(`#${i}\n  want ${g.results[i]}\n  got  ${r.got[i]}`);
    }
  }
  console.log(`identical: ${total - bad}/${total}`);
}
