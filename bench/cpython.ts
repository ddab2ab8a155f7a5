// The CPython 3.13 executable that the benchmarks time side by side with Typhon. `python3.13` on this machine is
// pyenv's shim, a bash script that runs `pyenv exec` before CPython: it costs about 20 ms of wall time per process
// (CPython's `-c pass` measured 25 ms through it, 13 ms without), which would be counted as CPython's own. So the
// default is the executable the shim would run (`pyenv which python3.13` under PYENV_VERSION=3.13.0), and the shim's
// command only when pyenv is not there. `--python CMD` overrides it.
import { spawnSync } from "node:child_process";

export const CPYTHON_ENV: NodeJS.ProcessEnv = { ...process.env, PYENV_VERSION: process.env.PYENV_VERSION ?? "3.13.0" };

let resolved: string | null = null;

/** The path of CPython 3.13's executable behind pyenv's shim, else "python3.13". */
export function cpythonExecutable(): string {
  if (resolved !== null) return resolved;
  resolved = "python3.13";
  const r = spawnSync("pyenv", ["which", "python3.13"], { encoding: "utf8", env: CPYTHON_ENV });
  const path = r.status === 0 ? r.stdout.trim() : "";
  if (path.startsWith("/")) resolved = path;
  return resolved;
}
