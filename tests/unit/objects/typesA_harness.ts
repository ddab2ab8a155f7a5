// Runs the golden groups of tests/golden/objects/typesA.json.gz (captured from CPython by tools/capture_typesA.py)
// under Typhon in-process (golden_groups.ts) and compares result lines.
// `node dist/tests/unit/objects/typesA_harness.js [GROUP [LIMIT]]` prints mismatches for a group, or a summary.
import { fileURLToPath } from "node:url";
import { loadGzipGolden, reportGroups, type GroupGolden } from "./golden_groups.js";

export { runGroup, type Group, type GroupRun } from "./golden_groups.js";
export type Golden = GroupGolden;

export function loadGolden(): Golden {
  return loadGzipGolden<Golden>("typesA");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) reportGroups(loadGolden(), process.argv.slice(2));
