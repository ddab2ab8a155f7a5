// Runs the golden groups of tests/golden/objects/typesB.json.gz (captured from CPython by tools/capture_typesB.py)
// under Typhon in-process (golden_groups.ts) and compares result lines. `node dist/tests/unit/objects/typesB_harness.js
// [GROUP [LIMIT]]` prints every mismatch (expected, then got) for a group, or a per-group summary.
import { fileURLToPath } from "node:url";
import { Py_RunMain } from "../../../src/runtime/pythonrun.js";
import { capturingHost, loadGzipGolden, reportGroups, type GroupGolden } from "./golden_groups.js";

export { runGroup, type Group, type GroupRun } from "./golden_groups.js";
/** [codec, hex bytes, errors, final, [text, consumed(, byteorder)] or "!message"] from codecs.*_decode. */
export type StatefulCase = [string, string, string, boolean, [string, number, number?] | string];
/** codecs.charmap_* over cp1252's table and small mappings: [op, input (hex for decode), errors, mapping kind, result]. */
export interface CharmapGolden { table: string; size: number; cases: [string, string, string, string, string][] }
export interface Golden extends GroupGolden { stateful: StatefulCase[]; charmap: CharmapGolden }

export function loadGolden(): Golden {
  return loadGzipGolden<Golden>("typesB");
}

/** Start an interpreter without running anything (for tests that call runtime functions directly). */
export function initRuntime(): void {
  Py_RunMain(capturingHost([], []), { kind: "command", command: "pass", argv: ["-c"] });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) reportGroups(loadGolden(), process.argv.slice(2));
