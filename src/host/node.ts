// The Node.js implementation of the host interface (src/host/host.ts), used by the `typhon` command: the real
// file system, process and clocks. File positions are kept here because Node has no lseek(2).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as process from "node:process";
import * as crypto from "node:crypto";
import * as tty from "node:tty";
import { fileURLToPath } from "node:url";
import { HostError, type Host, type HostFS, type HostProcess, type HostStat, type HostDirEntry } from "./host.js";

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

function hostError(e: unknown): HostError {
  const err = e as NodeJS.ErrnoException;
  return new HostError(err.code ?? "EIO", err.message);
}

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw hostError(e);
  }
}

function toStat(s: fs.BigIntStats): HostStat {
  return {
    mode: Number(s.mode), ino: s.ino, dev: s.dev, nlink: Number(s.nlink), uid: Number(s.uid), gid: Number(s.gid),
    size: Number(s.size), atimeNs: s.atimeNs, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs, blksize: Number(s.blksize),
    blocks: Number(s.blocks), rdev: Number(s.rdev),
  };
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const S_IFIFO = 0o010000;
const S_IFSOCK = 0o140000;
const S_IFCHR = 0o020000;
const S_IFBLK = 0o060000;

/** Per-descriptor position for seekable files (null: a pipe, terminal or socket, read and written in order). */
const positions = new Map<number, number | null>();

function positionOf(fd: number): number | null {
  let p = positions.get(fd);
  if (p === undefined) {
    // A descriptor we did not open (0, 1, 2, inherited): seekable only if it is a regular file.
    let seekable = false;
    try {
      seekable = (Number(fs.fstatSync(fd).mode) & S_IFMT) === S_IFREG;
    } catch (e) {
      throw hostError(e);
    }
    p = seekable ? 0 : null;
    if (seekable && fd <= 2) p = null; // stdio on a file: let the kernel's offset rule (shell redirections, >>)
    positions.set(fd, p);
  }
  return p;
}

export function createNodeFS(): HostFS {
  return {
    stat: (p, follow) => wrap(() => toStat(follow ? fs.statSync(p, { bigint: true }) : fs.lstatSync(p, { bigint: true }))),
    fstat: (fd) => wrap(() => toStat(fs.fstatSync(fd, { bigint: true }))),
    listdir: (p) => wrap(() => fs.readdirSync(p)),
    scandir: (p) => wrap(() => fs.readdirSync(p, { withFileTypes: true }).map((d): HostDirEntry => ({
      name: d.name,
      type: d.isDirectory() ? S_IFDIR : d.isFile() ? S_IFREG : d.isSymbolicLink() ? S_IFLNK : d.isFIFO() ? S_IFIFO
        : d.isSocket() ? S_IFSOCK : d.isCharacterDevice() ? S_IFCHR : d.isBlockDevice() ? S_IFBLK : 0,
    }))),
    open: (p, flags, mode) => wrap(() => {
      const fd = fs.openSync(p, flags, mode);
      let seekable = false;
      try { seekable = (Number(fs.fstatSync(fd).mode) & S_IFMT) === S_IFREG; } catch { /* keep unseekable */ }
      positions.set(fd, seekable ? ((flags & 0o2000) ? Number(fs.fstatSync(fd).size) : 0) : null);
      return fd;
    }),
    read: (fd, n) => {
      const pos = positionOf(fd);
      const buf = new Uint8Array(n);
      for (;;) {
        try {
          const got = fs.readSync(fd, buf, 0, n, pos);
          if (pos !== null) positions.set(fd, pos + got);
          return got === n ? buf : buf.slice(0, got);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === "EAGAIN") { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); continue; }
          if (code === "EOF") return new Uint8Array(0);
          throw hostError(e);
        }
      }
    },
    write: (fd, data) => {
      const pos = positionOf(fd);
      if (pos === null) {
        try { writeAllSync(fd, data); } catch (e) { throw hostError(e); }
        return data.length;
      }
      const n = wrap(() => fs.writeSync(fd, data, 0, data.length, pos));
      positions.set(fd, pos + n);
      return n;
    },
    lseek: (fd, pos, how) => {
      const cur = positionOf(fd);
      if (cur === null) throw new HostError("ESPIPE", "Illegal seek");
      const base = how === 0 ? 0 : how === 1 ? cur : how === 2 ? Number(wrap(() => fs.fstatSync(fd).size)) : NaN;
      if (Number.isNaN(base)) throw new HostError("EINVAL", "Invalid argument");
      const np = base + pos;
      if (np < 0) throw new HostError("EINVAL", "Invalid argument");
      positions.set(fd, np);
      return np;
    },
    close: (fd) => {
      wrap(() => fs.closeSync(fd));
      positions.delete(fd);
    },
    ftruncate: (fd, len) => wrap(() => fs.ftruncateSync(fd, len)),
    isatty: (fd) => tty.isatty(fd),
    getcwd: () => wrap(() => process.cwd()),
    chdir: (p) => wrap(() => process.chdir(p)),
    mkdir: (p, mode) => wrap(() => { fs.mkdirSync(p, { mode }); }),
    rmdir: (p) => wrap(() => fs.rmdirSync(p)),
    unlink: (p) => wrap(() => fs.unlinkSync(p)),
    rename: (a, b) => wrap(() => fs.renameSync(a, b)),
    readlink: (p) => wrap(() => fs.readlinkSync(p)),
    symlink: (t, p) => wrap(() => fs.symlinkSync(t, p)),
    utime: (p, a, m) => wrap(() => fs.utimesSync(p, Number(a) / 1e9, Number(m) / 1e9)),
    chmod: (p, mode) => wrap(() => fs.chmodSync(p, mode)),
    access: (p, mode) => {
      try { fs.accessSync(p, mode); return true; } catch { return false; }
    },
    umask: (mask) => {
      // process.umask(mask) is deprecated for reading; setting it is the only way to learn it.
      return process.umask(mask);
    },
  };
}

export function createNodeProcess(): HostProcess {
  const start = process.hrtime.bigint();
  return {
    getpid: () => process.pid,
    getppid: () => process.ppid,
    getuid: () => (process.getuid ? process.getuid() : 0),
    getgid: () => (process.getgid ? process.getgid() : 0),
    urandom: (n) => new Uint8Array(crypto.randomBytes(n)),
    times: () => {
      const u = process.cpuUsage();
      return { user: u.user / 1e6, system: u.system / 1e6, elapsed: Number(process.hrtime.bigint() - start) / 1e9 };
    },
    terminalSize: (fd) => {
      if (!tty.isatty(fd)) return null;
      const s = fd === 2 ? process.stderr : fd === 1 ? process.stdout : null;
      if (s !== null && "columns" in s && typeof s.columns === "number") return [s.columns, (s as tty.WriteStream).rows];
      return null;
    },
    cpuCount: () => os.availableParallelism?.() ?? os.cpus().length,
    sleep: (seconds) => {
      if (seconds > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
    },
    uname: () => ({ sysname: os.type(), nodename: os.hostname(), release: os.release(), version: os.version(), machine: os.machine() }),
  };
}

/** dist/ (the directory holding src/host/node.js's src/), where the build puts the frozen modules. */
function typhonHome(): string | null {
  try {
    return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  } catch {
    return null;
  }
}

export function createNodeHost(): Host {
  // Wall clock with the monotonic clock's resolution: Date.now() fixes the epoch once.
  const wallBase = BigInt(Date.now()) * 1000000n - process.hrtime.bigint();
  return {
    readFile(p: string): Uint8Array {
      try {
        return fs.readFileSync(p);
      } catch (e) {
        throw hostError(e);
      }
    },
    writeStdout: (data) => writeAllSync(1, data),
    writeStderr: (data) => writeAllSync(2, data),
    readStdin: () => fs.readFileSync(0),
    cwd: () => process.cwd(),
    env: () => new Map(Object.entries(process.env).filter((kv): kv is [string, string] => kv[1] !== undefined)),
    timeNs: () => wallBase + process.hrtime.bigint(),
    monotonicNs: () => process.hrtime.bigint(),
    fs: createNodeFS(),
    proc: createNodeProcess(),
    typhonHome,
  };
}
