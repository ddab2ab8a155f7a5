// The `typhon` command's entry on Node.js (Modules/main.c's pymain_main): runs Py_Main on the Node host, and, when
// node builds a V8 start-up snapshot from the bundle (tools/bundle.ts), readies the interpreter's host-independent
// core first and attaches the host only after deserialisation. See docs/cli.md ("Start-up snapshot").
import * as v8 from "node:v8";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { createNodeHost } from "./node.js";
import { createMemoryHost } from "./memory.js";
import { Py_Main } from "../runtime/main.js";
import { _Py_InitializeCore, _Py_MarkRestoredFromSnapshot } from "../runtime/pylifecycle.js";
import { _PySnapshot_StartRecording, _PySnapshot_StopRecording } from "../runtime/snapshot_registry.js";
import { _PyParser_ReleaseSharedMemo } from "../parser/pegen.js";

/** The hash seed the snapshot's types are readied with (PYTHONHASHSEED=0's all-zero key); every other process rehashes. */
const SNAPSHOT_HASH_SEED = 0;

/** V8's budget of executed bytecode between two looks at a function's tiering, 8x V8 11's default (67,584). A
 *  typical run imports many modules, whose code mostly runs once: at the default, TurboFan compiles the evaluation
 *  loop and the runtime early, before their type feedback settles, and deoptimizes and recompiles them while the
 *  imports go on. With the larger budget the import line of issue #5 takes 0.35 s wall / 0.39 s CPU instead of
 *  0.46 s / 0.73 s (median of 9, interleaved), while the benchmarks, which run for seconds, do not move
 *  (docs/cli.md, "Start-up"). Set at run time: the start-up snapshot's own flags stay V8's defaults. */
const INTERRUPT_BUDGET = 8 * 67584;

/** V8 11's default for the largest function (bytecode bytes) that TurboFan optimizes. */
const MAX_OPTIMIZED_BYTECODE_SIZE = 60 * 1024;
/** The limit while an import runs: below the evaluation loop's ~15 kB (and _sre's matcher's ~14.5 kB), above every
 *  other function's (type_new's, the compiler's visitors' 4-7 kB). */
const MAX_OPTIMIZED_BYTECODE_SIZE_IMPORTING = 10 * 1024;

/** The start-up window (ms since the process started) in which importPhase holds TurboFan off the loop. */
const IMPORT_PHASE_WINDOW_MS = 500;
let importPhaseOver = false;

/** While the outermost import runs in the first IMPORT_PHASE_WINDOW_MS, TurboFan leaves the evaluation loop alone.
 *  Module bodies mostly run once, and a compile of the loop (70-90 ms on a background thread) made from the first
 *  imports' feedback is deoptimised by the next module's new paths, recompiled, and holds up the exit when it is
 *  still running then (Node joins V8's worker threads). The program's own hot code, after its imports, gets the loop
 *  optimized as before, and so do imports after the window (a program that works inside an import: bench/
 *  import_rewarm.py's warm rounds took 125 ms instead of 80 without the window). Issue #5's import line: 335 -> 294
 *  ms wall (median of 21, interleaved; docs/cli.md "Start-up"). */
function importPhase(active: boolean): void {
  if (importPhaseOver) return;
  if (active && process.uptime() * 1000 > IMPORT_PHASE_WINDOW_MS) importPhaseOver = true;
  v8.setFlagsFromString(`--max-optimized-bytecode-size=${active && !importPhaseOver ? MAX_OPTIMIZED_BYTECODE_SIZE_IMPORTING : MAX_OPTIMIZED_BYTECODE_SIZE}`);
}

/** Run the command line and exit with its status; a negative status is a signal to die of (CPython re-raises SIGINT
 *  after an unhandled KeyboardInterrupt). Py_Main has finalized the interpreter and every write to the host's
 *  files is synchronous, so nothing is left for Node's event loop: `process.exit` skips Node's environment and heap
 *  teardown, which otherwise waits for V8's in-flight background compiles (measured: 30-40 ms of the import line's
 *  exit, docs/cli.md "Start-up"). */
export function runTyphon(args: readonly string[]): void {
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  const host = createNodeHost();
  host.importPhase = importPhase;
  const status = Py_Main(host, [...args]);
  if (status < 0) process.kill(process.pid, -status === 2 ? "SIGINT" : "SIGTERM");
  else process.exit(status);
}

/** Where the bundle's `import.meta.url` points (tools/bundle.ts defines it so): src/host/node.js under dist/. */
interface BundleGlobals { __typhonMetaUrl?: string }

function setDist(dist: string): void {
  (globalThis as BundleGlobals).__typhonMetaUrl = pathToFileURL(path.join(dist, "src", "host", "node.js")).href;
}

/** Run once while the snapshot is built, on an in-memory host with no stdlib (so no module is imported and no
 *  built-in module captures that host): V8 keeps the bytecode of every function it compiled, so the paths every
 *  start takes (sys, the streams, the compiler, the evaluation loop, raising) are not compiled again per start. */
const WARM_UP = `
def f(n, *a, k=1, **kw):
    s = 0
    for i in range(n):
        s += i * k
    return s
class C:
    x = 1
    def m(self):
        return f(10, k=2)
d = {"a": [C().m() for _ in range(3)], "b": (1, 2.5, "s", b"b", None, True)}
d["c"] = {1, 2} | {3}
try:
    raise ValueError("warm")
except ValueError as e:
    d["e"] = str(e)
print(d, len(d), "%s-%d" % ("x", 1), f"{d['a']!r:>10}", sep=" ")
`;

if (v8.startupSnapshot?.isBuildingSnapshot()) {
  // Nothing host-specific may be captured here: no host object, no environment, no clock, no hash secret of its
  // own (the build's secret is replaced, and everything hashed under it rehashed, in Py_Initialize).
  _PySnapshot_StartRecording();
  _Py_InitializeCore(SNAPSHOT_HASH_SEED);
  const status = Py_Main(createMemoryHost({ env: { PYTHONHASHSEED: String(SNAPSHOT_HASH_SEED) }, home: null }),
    ["-c", WARM_UP]);
  if (status !== 0) throw new Error(`typhon: the snapshot's warm-up run failed (status ${status})`);
  _PySnapshot_StopRecording();
  _PyParser_ReleaseSharedMemo();
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    // bin/typhon.js runs `node --snapshot-blob dist/typhon.blob -- DIST [arg] ...`.
    setDist(process.argv[1]);
    // The tunable bin/typhon.js set for node's own start (when the user had none) is not the program's environment.
    if (process.env.TYPHON_SET_TUNABLES !== undefined) {
      delete process.env.GLIBC_TUNABLES;
      delete process.env.TYPHON_SET_TUNABLES;
    }
    _Py_MarkRestoredFromSnapshot();
    runTyphon(process.argv.slice(2));
  });
}
