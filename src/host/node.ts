// The Node.js implementation of the host interface (src/host/host.ts), used by the `typhon` command.
import * as fs from "node:fs";
import * as process from "node:process";
import { HostError, type Host } from "./host.js";

function writeAllSync(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) {
    try {
      off += fs.writeSync(fd, data, off, data.length - off);
    } catch (e) {
      // A non-blocking pipe may refuse a write for a moment; retry rather than lose output.
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      throw e;
    }
  }
}

export function createNodeHost(): Host {
  return {
    readFile(path: string): Uint8Array {
      try {
        return fs.readFileSync(path);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        throw new HostError(err.code ?? "EIO", err.message);
      }
    },
    writeStdout: (data) => writeAllSync(1, data),
    writeStderr: (data) => writeAllSync(2, data),
    readStdin: () => fs.readFileSync(0),
    cwd: () => process.cwd(),
    env: () => new Map(Object.entries(process.env).filter((kv): kv is [string, string] => kv[1] !== undefined)),
    timeNs: () => BigInt(Date.now()) * 1000000n,
    monotonicNs: () => process.hrtime.bigint(),
  };
}
