// The host the running interpreter was started with (Py_Initialize sets it), for native modules that need files,
// clocks or the process: posix, _io, time. A host without a file system gets an empty in-memory one.
import type { Host, HostFS, HostProcess } from "./host.js";
import { MemoryFS, createMemoryProcess } from "./memory.js";

let current: Host | null = null;
let fs: HostFS | null = null;
let proc: HostProcess | null = null;
/** The C library's environment (environ): the host's env() at start, then what os.putenv/os.unsetenv change. */
let environ: Map<string, string> | null = null;

export function setCurrentHost(h: Host): void {
  current = h;
  let stdinRead = false;
  const stdin = (): Uint8Array => {
    if (stdinRead) return new Uint8Array(0);
    stdinRead = true;
    return h.readStdin();
  };
  fs = h.fs ?? new MemoryFS({ stdout: (b) => h.writeStdout(b), stderr: (b) => h.writeStderr(b), stdin });
  proc = h.proc ?? createMemoryProcess(() => h.timeNs());
  environ = null;
}

/** getenv(3) on the process environment (what TZ and TZDIR are for time.tzset). */
export function processGetenv(name: string): string | undefined {
  if (environ === null) return currentHost().env().get(name);
  return environ.get(name);
}

/** setenv(3) / unsetenv(3) (os.putenv, os.unsetenv): value null removes the variable. */
export function processSetenv(name: string, value: string | null): void {
  if (environ === null) environ = new Map(currentHost().env());
  if (value === null) environ.delete(name);
  else environ.set(name, value);
}

export function currentHost(): Host {
  if (current === null) throw new Error("no host: Py_Initialize has not run");
  return current;
}

export function hostFS(): HostFS {
  if (fs === null) throw new Error("no host: Py_Initialize has not run");
  return fs;
}

export function hostProc(): HostProcess {
  if (proc === null) throw new Error("no host: Py_Initialize has not run");
  return proc;
}
