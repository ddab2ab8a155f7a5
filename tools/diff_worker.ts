// Worker thread of tools/diff.ts: runs a mode's Typhon side on one file at a time, so that the driver can kill it
// when a file takes longer than the timeout (a hang must show up as a result, not stop the run).
import { parentPort, workerData } from "node:worker_threads";
import { readFileSync } from "node:fs";
import type { DiffMode } from "./diff_modes/mode.js";

interface Job { readonly index: number; readonly path: string }

const mod = (await import(`./diff_modes/${(workerData as { mode: string }).mode}.js`)) as { mode: DiffMode };
const port = parentPort!;
port.on("message", (job: Job) => {
  const t0 = performance.now();
  let status: string;
  let text: string;
  try {
    const r = mod.mode.typhon(job.path, readFileSync(job.path));
    status = r.status;
    text = r.text;
  } catch (e) {
    status = "crash";
    text = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  port.postMessage({ index: job.index, status, text, ms: performance.now() - t0 });
});
port.postMessage({ ready: true });
