// The host the running interpreter was started with (Py_Initialize sets it), for native modules that need files,
// clocks or the process: posix, _io, time. A host without a file system gets an empty in-memory one.
import type { Host, HostFS, HostProcess } from "./host.js";
import { MemoryFS, createMemoryProcess } from "./memory.js";

let current: Host | null = null;
let fs: HostFS | null = null;
let proc: HostProcess | null = null;

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
