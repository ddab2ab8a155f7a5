// The Node.js implementation of the host interface (src/host/host.ts), used by the `typhon` command: the real
// file system, process and clocks. File positions, pipes (pipe.ts) and dup'ed descriptors are kept here because
// Node has no lseek(2), pipe(2) or dup(2). See docs/imports.md ("The host").
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as process from "node:process";
import * as crypto from "node:crypto";
import * as tty from "node:tty";
import { fileURLToPath } from "node:url";
import {
  HostError, type Host, type HostFS, type HostProcess, type HostStat, type HostDirEntry, type HostStatVFS, type HostPasswd,
  type HostGroup,
} from "./host.js";
import { PipeEnd, newPipe, pipeRead, pipeWrite, pipeReady, pipeWouldBlock, pipeClose, pipeStat } from "./pipe.js";

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

/**
 * A descriptor number whose I/O goes elsewhere: a pipe end, or another kernel descriptor (dup, dup2). Node cannot
 * make such numbers, so each one is held by a kernel descriptor of its own (/dev/null opened for the purpose, or the
 * file dup2 replaced, which stays open until the number is closed: DEVIATION, its data is already written).
 */
class FdSlot {
  target: PipeEnd | number;
  cloexec: boolean;
  constructor(target: PipeEnd | number, cloexec: boolean) {
    this.target = target;
    this.cloexec = cloexec;
  }
}

const slots = new Map<number, FdSlot>();
/** Kernel descriptors that slots point at, with how many do. */
const targetRefs = new Map<number, number>();
/** Kernel descriptors closed from Python while slots still use them: their numbers read as closed (EBADF). */
const hidden = new Set<number>();
/** Plain kernel descriptors made inheritable (0-2 are; libuv opens everything else close-on-exec). */
const inheritable = new Set<number>([0, 1, 2]);
/** O_NONBLOCK as set through os.set_blocking or os.open (DEVIATION: recorded only, Node has no fcntl). */
const nonblocking = new Set<number>();

function badf(): never {
  throw new HostError("EBADF", "Bad file descriptor");
}

/** Where the I/O of descriptor fd goes: a pipe end or a kernel descriptor. */
function ioTarget(fd: number): PipeEnd | number {
  if (hidden.has(fd) || fd < 0) badf();
  const s = slots.get(fd);
  return s === undefined ? fd : s.target;
}

/** A fresh descriptor number, held by /dev/null. */
function placeholder(): number {
  return wrap(() => fs.openSync("/dev/null", "r"));
}

function retarget(t: PipeEnd | number): PipeEnd | number {
  if (t instanceof PipeEnd) t.refs++;
  else targetRefs.set(t, (targetRefs.get(t) ?? 0) + 1);
  return t;
}

function release(t: PipeEnd | number): void {
  if (t instanceof PipeEnd) {
    pipeClose(t);
    return;
  }
  const n = (targetRefs.get(t) ?? 1) - 1;
  if (n > 0) {
    targetRefs.set(t, n);
    return;
  }
  targetRefs.delete(t);
  if (hidden.delete(t)) {
    positions.delete(t);
    nonblocking.delete(t);
    try { fs.closeSync(t); } catch { /* already gone */ }
  }
}

/** Give up the kernel descriptor holding number fd, unless slots still do I/O through it. */
function releaseNumber(fd: number): void {
  if (targetRefs.has(fd)) {
    hidden.add(fd);
    return;
  }
  positions.delete(fd);
  nonblocking.delete(fd);
  fs.closeSync(fd);
}

function nodeClose(fd: number): void {
  if (hidden.has(fd)) badf();
  const s = slots.get(fd);
  if (s !== undefined) {
    slots.delete(fd);
    release(s.target);
    releaseNumber(fd);
    return;
  }
  wrap(() => {
    if (targetRefs.has(fd)) {
      fs.fstatSync(fd); // EBADF if not open
      hidden.add(fd);
    } else {
      fs.closeSync(fd);
      positions.delete(fd);
      nonblocking.delete(fd);
    }
  });
  inheritable.delete(fd);
}

/** dup2's target number: made free of any previous meaning, and held by a kernel descriptor. */
function claimNumber(fd2: number): void {
  const s = slots.get(fd2);
  if (s !== undefined) {
    slots.delete(fd2);
    release(s.target);
    return; // the number stays held by its kernel descriptor
  }
  if (hidden.delete(fd2)) return; // held by a kernel descriptor slots use
  try {
    fs.fstatSync(fd2);
    return; // an open file: it holds the number until fd2 is closed
  } catch { /* not open: acquire it below */ }
  if (fd2 > 65535) throw new HostError("EBADF", "Bad file descriptor");
  const extra: number[] = [];
  try {
    for (;;) {
      const p = placeholder();
      if (p === fd2) break;
      extra.push(p);
      if (p > fd2) throw new HostError("EBADF", "Bad file descriptor");
    }
  } finally {
    for (const p of extra) fs.closeSync(p);
  }
}

const ST_FLAGS_BY_MOUNT: Readonly<Record<string, number>> = {
  ro: 1, nosuid: 2, nodev: 4, noexec: 8, noatime: 1024, nodiratime: 2048, relatime: 4096, nosymfollow: 8192,
} as const;
const ST_FLAGS_BY_SB: Readonly<Record<string, number>> = { ro: 1, sync: 16, mand: 64 } as const;

/** statvfs's f_flag: the mount's flags from /proc/self/mountinfo (what the kernel's statfs f_flags reports). */
function mountFlags(p: string, dev: bigint): number {
  let text: string;
  let real: string;
  try {
    text = fs.readFileSync("/proc/self/mountinfo", "latin1");
    real = fs.realpathSync(p);
  } catch {
    return 0;
  }
  const major = Number(((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn));
  const minor = Number((dev & 0xffn) | ((dev >> 12n) & ~0xffn));
  let best: string[] | null = null, bestLen = -1, bestDev = false;
  for (const line of text.split("\n")) {
    const f = line.split(" ");
    if (f.length < 10) continue;
    const mp = f[4].replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
    if (!(real === mp || mp === "/" || real.startsWith(mp + "/"))) continue;
    const sameDev = f[2] === `${major}:${minor}`;
    if ((sameDev && !bestDev) || (sameDev === bestDev && mp.length >= bestLen)) {
      best = f;
      bestLen = mp.length;
      bestDev = sameDev;
    }
  }
  if (best === null) return 0;
  let flags = 0;
  for (const o of best[5].split(",")) flags |= ST_FLAGS_BY_MOUNT[o] ?? 0;
  const dash = best.indexOf("-", 6);
  if (dash > 0 && best[dash + 3] !== undefined) for (const o of best[dash + 3].split(",")) flags |= ST_FLAGS_BY_SB[o] ?? 0;
  return flags;
}

function nodeStatvfs(p: string): HostStatVFS {
  const s = wrap(() => fs.statfsSync(p, { bigint: true }));
  const dev = wrap(() => fs.statSync(p, { bigint: true }).dev);
  // Node's statfs has no f_frsize, f_favail, f_namelen or f_fsid: glibc sets f_favail to f_ffree, and Linux's
  // file systems have f_frsize == f_bsize and 255-byte names; f_fsid is left 0 (DEVIATION).
  return {
    bsize: Number(s.bsize), frsize: Number(s.bsize), blocks: s.blocks, bfree: s.bfree, bavail: s.bavail, files: s.files,
    ffree: s.ffree, favail: s.ffree, flag: mountFlags(p, dev), namemax: 255, fsid: 0n,
  };
}

const PIPEFS_STATVFS: HostStatVFS = {
  bsize: 4096, frsize: 4096, blocks: 0n, bfree: 0n, bavail: 0n, files: 0n, ffree: 0n, favail: 0n, flag: 0, namemax: 255,
  fsid: 0n,
};

/**
 * utimes(2) through Node keeps microseconds (libuv rounds a double of seconds down to them), so the exact
 * nanoseconds asked for are remembered per inode and reported by stat while the kernel still holds the rounded
 * times we set. DEVIATION: other processes see the microseconds (docs/imports.md).
 */
const exactTimes = new Map<string, { a: bigint; m: bigint; ka: bigint; km: bigint }>();
const EXACT_TIMES_MAX = 4096;

/** Seconds as libuv wants them: half a microsecond above the floor, so its truncation lands on the floor. */
function toSeconds(ns: bigint): number {
  if (ns < 0n) return Number(ns) / 1e9;
  const s = ns / 1000000000n;
  const us = (ns - s * 1000000000n) / 1000n;
  return Number(s) + (Number(us) + 0.5) / 1e6;
}

function rememberTimes(st: fs.BigIntStats, a: bigint, m: bigint): void {
  const key = `${st.dev}:${st.ino}`;
  exactTimes.delete(key);
  if (st.atimeNs === a && st.mtimeNs === m) return;
  if (exactTimes.size >= EXACT_TIMES_MAX) exactTimes.delete(exactTimes.keys().next().value!);
  exactTimes.set(key, { a, m, ka: st.atimeNs, km: st.mtimeNs });
}

const STAT_NOENT_OK = { bigint: true, throwIfNoEntry: false } as const;

function toExactStat(s: fs.BigIntStats): HostStat {
  const st = toStat(s);
  if (exactTimes.size > 0) {
    const e = exactTimes.get(`${s.dev}:${s.ino}`);
    if (e !== undefined) {
      if (st.atimeNs === e.ka) st.atimeNs = e.a;
      if (st.mtimeNs === e.km) st.mtimeNs = e.m;
    }
  }
  return st;
}

export function createNodeFS(): HostFS {
  const euid = () => (process.geteuid ? process.geteuid() : 0);
  const egid = () => (process.getegid ? process.getegid() : 0);
  const clock = () => BigInt(Date.now()) * 1000000n;
  const kernel = (fd: number): number => {
    const t = ioTarget(fd);
    if (t instanceof PipeEnd) throw new HostError("EINVAL", "Invalid argument");
    return t;
  };
  return {
    stat: (p, follow) => {
      // A missing file comes back as undefined rather than as Node's exception (its message, errno fields and
      // stack cost ~4 us of the ~5 us of a miss; importlib's finders probe missing paths on every import).
      const s = wrap(() => (follow ? fs.statSync(p, STAT_NOENT_OK) : fs.lstatSync(p, STAT_NOENT_OK)));
      if (s === undefined) throw new HostError("ENOENT", `ENOENT: no such file or directory, ${follow ? "stat" : "lstat"} '${p}'`);
      return toExactStat(s);
    },
    fstat: (fd) => {
      const t = ioTarget(fd);
      return t instanceof PipeEnd ? pipeStat(t) : wrap(() => toExactStat(fs.fstatSync(t, { bigint: true })));
    },
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
      if (flags & 0o4000) nonblocking.add(fd);
      else nonblocking.delete(fd);
      if (flags & 0o2000000) inheritable.delete(fd);
      return fd;
    }),
    read: (fd, n) => {
      const t = ioTarget(fd);
      if (t instanceof PipeEnd) return pipeRead(t, n);
      const pos = positionOf(t);
      const buf = new Uint8Array(n);
      for (;;) {
        try {
          const got = fs.readSync(t, buf, 0, n, pos);
          if (pos !== null) positions.set(t, pos + got);
          return got === n ? buf : buf.slice(0, got);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === "EAGAIN") {
            if (nonblocking.has(t)) throw hostError(e);
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
            continue;
          }
          if (code === "EOF") return new Uint8Array(0);
          throw hostError(e);
        }
      }
    },
    write: (fd, data) => {
      const t = ioTarget(fd);
      if (t instanceof PipeEnd) return pipeWrite(t, data);
      const pos = positionOf(t);
      if (pos === null) {
        try { writeAllSync(t, data); } catch (e) { throw hostError(e); }
        return data.length;
      }
      const n = wrap(() => fs.writeSync(t, data, 0, data.length, pos));
      positions.set(t, pos + n);
      return n;
    },
    lseek: (fd, pos, how) => {
      const t = ioTarget(fd);
      if (t instanceof PipeEnd) throw new HostError("ESPIPE", "Illegal seek");
      const cur = positionOf(t);
      if (cur === null) throw new HostError("ESPIPE", "Illegal seek");
      const base = how === 0 ? 0 : how === 1 ? cur : how === 2 ? Number(wrap(() => fs.fstatSync(t).size)) : NaN;
      if (Number.isNaN(base)) throw new HostError("EINVAL", "Invalid argument");
      const np = base + pos;
      if (np < 0) throw new HostError("EINVAL", "Invalid argument");
      positions.set(t, np);
      return np;
    },
    close: (fd) => nodeClose(fd),
    ftruncate: (fd, len) => {
      const t = kernel(fd);
      wrap(() => fs.ftruncateSync(t, len));
    },
    isatty: (fd) => {
      const t = hidden.has(fd) ? -1 : slots.get(fd)?.target ?? fd;
      return typeof t === "number" && t >= 0 && tty.isatty(t);
    },
    getcwd: () => wrap(() => process.cwd()),
    chdir: (p) => wrap(() => process.chdir(p)),
    mkdir: (p, mode) => wrap(() => { fs.mkdirSync(p, { mode }); }),
    rmdir: (p) => wrap(() => fs.rmdirSync(p)),
    unlink: (p) => wrap(() => fs.unlinkSync(p)),
    rename: (a, b) => wrap(() => fs.renameSync(a, b)),
    readlink: (p) => wrap(() => fs.readlinkSync(p)),
    symlink: (t, p) => wrap(() => fs.symlinkSync(t, p)),
    utime: (p, a, m, follow = true) => wrap(() => {
      if (follow) fs.utimesSync(p, toSeconds(a), toSeconds(m));
      else fs.lutimesSync(p, toSeconds(a), toSeconds(m));
      rememberTimes(follow ? fs.statSync(p, { bigint: true }) : fs.lstatSync(p, { bigint: true }), a, m);
    }),
    futime: (fd, a, m) => {
      const t = ioTarget(fd);
      if (t instanceof PipeEnd) {
        t.pipe.atimeNs = a;
        t.pipe.mtimeNs = m;
        return;
      }
      wrap(() => {
        fs.futimesSync(t, toSeconds(a), toSeconds(m));
        rememberTimes(fs.fstatSync(t, { bigint: true }), a, m);
      });
    },
    chmod: (p, mode) => wrap(() => fs.chmodSync(p, mode)),
    chown: (p, uid, gid, follow) => wrap(() => (follow ? fs.chownSync(p, uid, gid) : fs.lchownSync(p, uid, gid))),
    fchown: (fd, uid, gid) => {
      const t = ioTarget(fd);
      if (t instanceof PipeEnd) {
        if (uid !== -1) t.pipe.uid = uid;
        if (gid !== -1) t.pipe.gid = gid;
        return;
      }
      wrap(() => fs.fchownSync(t, uid, gid));
    },
    statvfs: (p) => nodeStatvfs(p),
    fstatvfs: (fd) => {
      const t = ioTarget(fd);
      if (t instanceof PipeEnd) return { ...PIPEFS_STATVFS };
      // No fstatfs in Node: the file system of the path the descriptor was opened on (Linux's /proc link).
      const p = wrap(() => {
        fs.fstatSync(t); // EBADF first
        return fs.readlinkSync(`/proc/self/fd/${t}`);
      });
      if (!p.startsWith("/")) return { ...PIPEFS_STATVFS };
      return nodeStatvfs(p);
    },
    pipe: (flags) => {
      if (flags & ~(0o4000 | 0o2000000 | 0o40000)) throw new HostError("EINVAL", "Invalid argument");
      const [r, w] = newPipe(clock, (flags & 0o4000) !== 0, euid(), egid());
      const cloexec = (flags & 0o2000000) !== 0;
      const rfd = placeholder();
      let wfd: number;
      try {
        wfd = placeholder();
      } catch (e) {
        fs.closeSync(rfd);
        throw e;
      }
      slots.set(rfd, new FdSlot(r, cloexec));
      slots.set(wfd, new FdSlot(w, cloexec));
      return [rfd, wfd];
    },
    dup: (fd) => {
      const t = ioTarget(fd);
      if (typeof t === "number") wrap(() => fs.fstatSync(t)); // EBADF before taking a number
      const nfd = placeholder();
      slots.set(nfd, new FdSlot(retarget(t), true));
      return nfd;
    },
    dup2: (fd, fd2, inh) => {
      const t = ioTarget(fd);
      if (typeof t === "number") wrap(() => fs.fstatSync(t));
      if (fd2 < 0) badf();
      if (fd === fd2) return fd2;
      claimNumber(fd2);
      inheritable.delete(fd2);
      if (t === fd2) return fd2; // fd2 was already fd's own descriptor
      slots.set(fd2, new FdSlot(retarget(t), !inh));
      return fd2;
    },
    getInheritable: (fd) => {
      const t = ioTarget(fd);
      if (typeof t === "number" && t === fd) {
        wrap(() => fs.fstatSync(fd));
        return inheritable.has(fd);
      }
      return !slots.get(fd)!.cloexec;
    },
    setInheritable: (fd, inh) => {
      const t = ioTarget(fd);
      const s = slots.get(fd);
      if (s !== undefined) {
        s.cloexec = !inh;
        return;
      }
      if (typeof t === "number") wrap(() => fs.fstatSync(t));
      if (inh) inheritable.add(fd);
      else inheritable.delete(fd);
    },
    getBlocking: (fd) => {
      const t = ioTarget(fd);
      if (t instanceof PipeEnd) return !t.nonblock;
      wrap(() => fs.fstatSync(t));
      return !nonblocking.has(t);
    },
    setBlocking: (fd, blocking) => {
      const t = ioTarget(fd);
      if (t instanceof PipeEnd) {
        t.nonblock = !blocking;
        return;
      }
      wrap(() => fs.fstatSync(t));
      if (blocking) nonblocking.delete(t);
      else nonblocking.add(t);
    },
    poll: (fd) => {
      const t = ioTarget(fd);
      if (t instanceof PipeEnd) return { read: pipeReady(t, false), write: pipeReady(t, true) };
      return null;
    },
    wouldBlock: (fd, forWrite) => {
      const t = ioTarget(fd);
      return t instanceof PipeEnd && pipeWouldBlock(t, forWrite);
    },
    access: (p, mode) => {
      try { fs.accessSync(p, mode); return true; } catch { return false; }
    },
    umask: (mask) => {
      // process.umask(mask) is deprecated for reading; setting it is the only way to learn it.
      return process.umask(mask);
    },
  };
}

/** The lines of a colon-separated database file (glibc's files backend), or null when it cannot be read. */
function dbLines(file: string, nfields: number): string[][] | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const out: string[][] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const f = line.split(":");
    if (f.length !== nfields) continue;
    out.push(f);
  }
  return out;
}

function idOf(s: string): number | null {
  return /^[0-9]+$/.test(s) && Number(s) <= 0xffffffff ? Number(s) : null;
}

/** pwd's database: /etc/passwd, else the running user as Node knows it. */
function nodeUsers(): HostPasswd[] {
  const lines = dbLines("/etc/passwd", 7);
  if (lines !== null) {
    const out: HostPasswd[] = [];
    for (const f of lines) {
      const uid = idOf(f[2]), gid = idOf(f[3]);
      if (uid === null || gid === null) continue;
      out.push({ name: f[0], passwd: f[1], uid, gid, gecos: f[4], dir: f[5], shell: f[6] });
    }
    return out;
  }
  try {
    const u = os.userInfo();
    return [{ name: u.username, passwd: "x", uid: u.uid, gid: u.gid, gecos: u.username, dir: u.homedir, shell: u.shell ?? "" }];
  } catch {
    return [];
  }
}

/** grp's database: /etc/group, else the running user's primary group. */
function nodeGroups(): HostGroup[] {
  const lines = dbLines("/etc/group", 4);
  if (lines !== null) {
    const out: HostGroup[] = [];
    for (const f of lines) {
      const gid = idOf(f[2]);
      if (gid === null) continue;
      out.push({ name: f[0], passwd: f[1], gid, members: f[3] === "" ? [] : f[3].split(",") });
    }
    return out;
  }
  try {
    const u = os.userInfo();
    return [{ name: u.username, passwd: "x", gid: u.gid, members: [] }];
  } catch {
    return [];
  }
}

export function createNodeProcess(): HostProcess {
  const start = process.hrtime.bigint();
  return {
    getpid: () => process.pid,
    getppid: () => process.ppid,
    getuid: () => (process.getuid ? process.getuid() : 0),
    getgid: () => (process.getgid ? process.getgid() : 0),
    users: () => nodeUsers(),
    groups: () => nodeGroups(),
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
    localTimeZone: () => {
      try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
      } catch {
        return null;
      }
    },
    timeNs: () => wallBase + process.hrtime.bigint(),
    monotonicNs: () => process.hrtime.bigint(),
    fs: createNodeFS(),
    proc: createNodeProcess(),
    typhonHome,
  };
}
