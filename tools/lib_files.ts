// The corpus every differential driver and benchmark walks: the .py files under a directory (by default CPython's
// own Lib, Lib/test included, site-packages left out), in a stable sorted order. See docs/testing.md.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The CPython interpreter command: TYPHON_CPYTHON, else pyenv's 3.13.0. */
export const CPYTHON = process.env.TYPHON_CPYTHON ?? "PYENV_VERSION=3.13.0 python3.13";

/** Appends to `out` every .py file under `p` (or `p` itself when it is a file), sorted, skipping caches and site-packages. */
export function collectPyFiles(p: string, out: string[]): string[] {
  const st = statSync(p);
  if (st.isFile()) {
    out.push(p);
    return out;
  }
  for (const name of readdirSync(p).sort()) {
    if (name === "__pycache__" || name === "site-packages") continue;
    const q = join(p, name);
    const s = statSync(q, { throwIfNoEntry: false });
    if (!s) continue;
    if (s.isDirectory()) collectPyFiles(q, out);
    else if (name.endsWith(".py") && s.isFile()) out.push(q);
  }
  return out;
}

/** The stdlib directory of the CPython oracle. */
export function cpythonStdlib(): string {
  return execFileSync("sh", ["-c", `${CPYTHON} -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'`], { encoding: "utf8" }).trim();
}
