// An in-memory file system and process for embedding Typhon (browsers, tests, sandboxes): the HostFS and
// HostProcess of src/host/host.ts over a tree of JS objects. Nothing here touches host globals. See docs/imports.md.
import {
  HostError, type Host, type HostFS, type HostProcess, type HostStat, type HostDirEntry, type HostStatVFS, type HostPasswd,
  type HostGroup,
} from "./host.js";
import { PipeEnd, newPipe, pipeRead, pipeWrite, pipeReady, pipeWouldBlock, pipeClose, pipeStat } from "./pipe.js";

const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const S_IFCHR = 0o020000;
const S_IFMT = 0o170000;

const O_ACCMODE = 3;
const O_WRONLY = 1;
const O_RDWR = 2;
const O_CREAT = 0o100;
const O_EXCL = 0o200;
const O_TRUNC = 0o1000;
const O_APPEND = 0o2000;
const O_DIRECTORY = 0o200000;
const O_NONBLOCK = 0o4000;
const O_CLOEXEC = 0o2000000;

class MemNode {
  mode: number;
  ino: number;
  data: Uint8Array;
  size: number;
  children: Map<string, MemNode> | null;
  target: string;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  nlink: number;
  uid: number;
  gid: number;
  constructor(mode: number, ino: number, now: bigint) {
    this.mode = mode;
    this.ino = ino;
    this.data = new Uint8Array(0);
    this.size = 0;
    this.children = (mode & S_IFMT) === S_IFDIR ? new Map() : null;
    this.target = "";
    this.atimeNs = now;
    this.mtimeNs = now;
    this.ctimeNs = now;
    this.nlink = 1;
    this.uid = 0;
    this.gid = 0;
  }
}

class OpenFile {
  node: MemNode;
  pos: number;
  flags: number;
  /** For the standard streams: where writes go and where reads come from. */
  sink: ((b: Uint8Array) => void) | null;
  source: (() => Uint8Array) | null;
  /** Bytes the source returned that a read has not consumed yet. */
  pending: Uint8Array;
  constructor(node: MemNode, flags: number) {
    this.pending = new Uint8Array(0);
    this.node = node;
    this.pos = 0;
    this.flags = flags;
    this.sink = null;
    this.source = null;
  }
}

/** A descriptor: its open file description (shared by dup) and its own close-on-exec flag. */
class FdSlot {
  desc: OpenFile | PipeEnd;
  cloexec: boolean;
  constructor(desc: OpenFile | PipeEnd, cloexec: boolean) {
    this.desc = desc;
    this.cloexec = cloexec;
  }
}

function err(code: string, msg: string): never {
  throw new HostError(code, msg);
}

export interface MemoryFSOptions {
  /** Initial files: absolute path -> contents (text is stored as UTF-8). Parent directories are created.
   *  `stdin` returns the next chunk of standard input on each call, an empty array at the end. */
  files?: Record<string, string | Uint8Array>;
  cwd?: string;
  clock?: () => bigint;
  stdout?: (b: Uint8Array) => void;
  stderr?: (b: Uint8Array) => void;
  stdin?: () => Uint8Array;
  /** The owner of new files and pipes (default 0, 0). */
  uid?: number;
  gid?: number;
}

/** An in-memory POSIX-like file system: directories, regular files, symlinks, descriptors 0-2 as streams. */
export class MemoryFS implements HostFS {
  private root: MemNode;
  private cwd: string;
  private nextIno: number;
  private fds: Map<number, FdSlot>;
  private uid: number;
  private gid: number;
  private mask: number;
  private clock: () => bigint;
  constructor(opts: MemoryFSOptions = {}) {
    this.clock = opts.clock ?? (() => BigInt(Date.now()) * 1000000n);
    this.nextIno = 2;
    this.root = new MemNode(S_IFDIR | 0o755, 1, this.clock());
    this.cwd = "/";
    this.fds = new Map();
    this.mask = 0o022;
    this.uid = opts.uid ?? 0;
    this.gid = opts.gid ?? 0;
    const dev = new MemNode(S_IFCHR | 0o620, this.nextIno++, this.clock());
    const stdin = new OpenFile(dev, 0);
    stdin.source = opts.stdin ?? (() => new Uint8Array(0));
    const stdout = new OpenFile(dev, O_WRONLY);
    stdout.sink = opts.stdout ?? (() => undefined);
    const stderr = new OpenFile(dev, O_WRONLY);
    stderr.sink = opts.stderr ?? (() => undefined);
    this.fds.set(0, new FdSlot(stdin, false));
    this.fds.set(1, new FdSlot(stdout, false));
    this.fds.set(2, new FdSlot(stderr, false));
    for (const [p, content] of Object.entries(opts.files ?? {})) this.writeFile(p, content);
    if (opts.cwd !== undefined) {
      this.makedirs(opts.cwd);
      this.cwd = this.abs(opts.cwd);
    }
  }

  /** Create a file (and its parent directories) with the given contents. */
  writeFile(p: string, content: string | Uint8Array): void {
    const a = this.abs(p);
    this.makedirs(a.slice(0, a.lastIndexOf("/")) || "/");
    const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
    const fd = this.open(a, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
    this.write(fd, bytes);
    this.close(fd);
  }

  /** The contents of a file, for tests and embedders. */
  readFile(p: string): Uint8Array {
    const n = this.lookup(p, true);
    if ((n.mode & S_IFMT) === S_IFDIR) err("EISDIR", "Is a directory");
    return n.data.slice(0, n.size);
  }

  makedirs(p: string): void {
    const parts = this.abs(p).split("/").filter((x) => x !== "");
    let cur = this.root;
    for (const part of parts) {
      let next = cur.children!.get(part);
      if (next === undefined) {
        next = new MemNode(S_IFDIR | 0o755, this.nextIno++, this.clock());
        cur.children!.set(part, next);
      }
      if (next.children === null) err("ENOTDIR", "Not a directory");
      cur = next;
    }
  }

  private abs(p: string): string {
    if (p === "") err("ENOENT", "No such file or directory");
    return p.startsWith("/") ? p : (this.cwd === "/" ? "/" : this.cwd + "/") + p;
  }

  /** Resolve a path to [parent directory, last name]; the parent's own symlinks are followed. */
  private resolveParent(p: string, depth = 0): [MemNode, string, string] {
    const a = this.abs(p);
    const parts = a.split("/").filter((x) => x !== "");
    const stack: string[] = [];
    let cur = this.root;
    const last = parts.length === 0 ? "" : parts[parts.length - 1];
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i];
      if (part === ".") continue;
      if (part === "..") {
        stack.pop();
        cur = this.walk(stack);
        continue;
      }
      if (cur.children === null) err("ENOTDIR", "Not a directory");
      let next = cur.children.get(part);
      if (next === undefined) err("ENOENT", "No such file or directory");
      if ((next.mode & S_IFMT) === S_IFLNK) {
        if (depth > 40) err("ELOOP", "Too many levels of symbolic links");
        const base = "/" + stack.join("/");
        const target = next.target.startsWith("/") ? next.target : (base === "/" ? "" : base) + "/" + next.target;
        const [pp, nn] = this.resolveParent(target, depth + 1);
        next = nn === "" ? pp : pp.children?.get(nn);
        if (next === undefined) err("ENOENT", "No such file or directory");
        stack.length = 0;
        stack.push(...this.pathOf(next).split("/").filter((x) => x !== ""));
      } else stack.push(part);
      cur = next;
    }
    if (cur.children === null) err("ENOTDIR", "Not a directory");
    return [cur, last, "/" + stack.join("/")];
  }

  private walk(parts: string[]): MemNode {
    let cur = this.root;
    for (const p of parts) cur = cur.children!.get(p)!;
    return cur;
  }

  private pathOf(target: MemNode): string {
    const search = (n: MemNode, prefix: string): string | null => {
      if (n === target) return prefix || "/";
      if (n.children === null) return null;
      for (const [k, c] of n.children) {
        if ((c.mode & S_IFMT) === S_IFLNK) continue;
        const r = search(c, prefix + "/" + k);
        if (r !== null) return r;
      }
      return null;
    };
    return search(this.root, "") ?? "/";
  }

  private lookup(p: string, follow: boolean, depth = 0): MemNode {
    const [dir, name, dirPath] = this.resolveParent(p, depth);
    if (name === "" || name === ".") return dir;
    if (name === "..") {
      const parts = dirPath.split("/").filter((x) => x !== "");
      parts.pop();
      return this.walk(parts);
    }
    const n = dir.children!.get(name);
    if (n === undefined) err("ENOENT", "No such file or directory");
    if (follow && (n.mode & S_IFMT) === S_IFLNK) {
      if (depth > 40) err("ELOOP", "Too many levels of symbolic links");
      const t = n.target.startsWith("/") ? n.target : (dirPath === "/" ? "" : dirPath) + "/" + n.target;
      return this.lookup(t, true, depth + 1);
    }
    return n;
  }

  private statOf(n: MemNode): HostStat {
    return {
      mode: n.mode, ino: BigInt(n.ino), dev: 1n, nlink: n.nlink, uid: n.uid, gid: n.gid,
      size: (n.mode & S_IFMT) === S_IFDIR ? 4096 : (n.mode & S_IFMT) === S_IFLNK ? n.target.length : n.size,
      atimeNs: n.atimeNs, mtimeNs: n.mtimeNs, ctimeNs: n.ctimeNs, blksize: 4096, blocks: Math.ceil(n.size / 512), rdev: 0,
    };
  }

  private slot(fd: number): FdSlot {
    const f = this.fds.get(fd);
    if (f === undefined) err("EBADF", "Bad file descriptor");
    return f;
  }

  private desc(fd: number): OpenFile | PipeEnd {
    return this.slot(fd).desc;
  }

  /** The open file behind fd; a pipe end is refused with `pipeErr` (ESPIPE for lseek, EINVAL for ftruncate). */
  private file(fd: number, pipeErr = "EINVAL"): OpenFile {
    const d = this.desc(fd);
    if (d instanceof PipeEnd) err(pipeErr, pipeErr === "ESPIPE" ? "Illegal seek" : "Invalid argument");
    return d;
  }

  /** The lowest free descriptor at or above `min` (POSIX's rule for open, pipe and dup). */
  private freeFd(min = 0): number {
    let fd = min;
    while (this.fds.has(fd)) fd++;
    return fd;
  }

  stat(p: string, follow: boolean): HostStat {
    return this.statOf(this.lookup(p, follow));
  }
  fstat(fd: number): HostStat {
    const d = this.desc(fd);
    return d instanceof PipeEnd ? pipeStat(d) : this.statOf(d.node);
  }
  listdir(p: string): string[] {
    const n = this.lookup(p, true);
    if (n.children === null) err("ENOTDIR", "Not a directory");
    return [...n.children.keys()];
  }
  scandir(p: string): HostDirEntry[] {
    const n = this.lookup(p, true);
    if (n.children === null) err("ENOTDIR", "Not a directory");
    return [...n.children].map(([name, c]) => ({ name, type: c.mode & S_IFMT }));
  }
  open(p: string, flags: number, mode: number): number {
    let node: MemNode;
    const [dir, name] = this.resolveParent(p);
    const existing = name === "" ? dir : dir.children!.get(name);
    if (existing !== undefined) {
      if ((flags & O_CREAT) && (flags & O_EXCL)) err("EEXIST", "File exists");
      node = (existing.mode & S_IFMT) === S_IFLNK ? this.lookup(p, true) : existing;
      if ((node.mode & S_IFMT) === S_IFDIR) {
        if ((flags & O_ACCMODE) !== 0) err("EISDIR", "Is a directory");
      } else if (flags & O_DIRECTORY) err("ENOTDIR", "Not a directory");
      if ((flags & O_TRUNC) && (flags & O_ACCMODE) !== 0 && node.children === null) {
        node.size = 0;
        node.mtimeNs = this.clock();
      }
    } else {
      if (!(flags & O_CREAT)) err("ENOENT", "No such file or directory");
      node = this.newNode(S_IFREG | (mode & ~this.mask & 0o7777));
      dir.children!.set(name, node);
    }
    const fd = this.freeFd(3);
    this.fds.set(fd, new FdSlot(new OpenFile(node, flags), (flags & O_CLOEXEC) !== 0));
    return fd;
  }
  private newNode(mode: number): MemNode {
    const n = new MemNode(mode, this.nextIno++, this.clock());
    n.uid = this.uid;
    n.gid = this.gid;
    return n;
  }
  read(fd: number, n: number): Uint8Array {
    const d = this.desc(fd);
    if (d instanceof PipeEnd) return pipeRead(d, n);
    const f = d;
    if ((f.flags & O_ACCMODE) === O_WRONLY) err("EBADF", "Bad file descriptor");
    if (f.source !== null) {
      if (f.pending.length === 0) f.pending = f.source();
      const b = f.pending;
      f.pending = b.length > n ? b.slice(n) : new Uint8Array(0);
      return b.length > n ? b.slice(0, n) : b;
    }
    if (f.node.children !== null) err("EISDIR", "Is a directory");
    const end = Math.min(f.node.size, f.pos + n);
    const out = f.pos >= end ? new Uint8Array(0) : f.node.data.slice(f.pos, end);
    f.pos += out.length;
    return out;
  }
  write(fd: number, data: Uint8Array): number {
    const d = this.desc(fd);
    if (d instanceof PipeEnd) return pipeWrite(d, data);
    const f = d;
    const acc = f.flags & O_ACCMODE;
    if (acc !== O_WRONLY && acc !== O_RDWR) err("EBADF", "Bad file descriptor");
    if (f.sink !== null) {
      f.sink(data.slice());
      return data.length;
    }
    const node = f.node;
    if (f.flags & O_APPEND) f.pos = node.size;
    const end = f.pos + data.length;
    if (end > node.data.length) {
      const grown = new Uint8Array(Math.max(end, node.data.length * 2, 64));
      grown.set(node.data.subarray(0, node.size));
      node.data = grown;
    }
    if (f.pos > node.size) node.data.fill(0, node.size, f.pos);
    node.data.set(data, f.pos);
    f.pos = end;
    if (end > node.size) node.size = end;
    node.mtimeNs = this.clock();
    return data.length;
  }
  lseek(fd: number, pos: number, how: number): number {
    const f = this.file(fd, "ESPIPE");
    if (f.sink !== null || f.source !== null) err("ESPIPE", "Illegal seek");
    const base = how === 0 ? 0 : how === 1 ? f.pos : how === 2 ? f.node.size : err("EINVAL", "Invalid argument");
    if (base + pos < 0) err("EINVAL", "Invalid argument");
    f.pos = base + pos;
    return f.pos;
  }
  close(fd: number): void {
    const d = this.desc(fd);
    this.fds.delete(fd);
    if (d instanceof PipeEnd) pipeClose(d);
  }
  ftruncate(fd: number, length: number): void {
    const node = this.file(fd).node;
    if (length > node.data.length) {
      const grown = new Uint8Array(length);
      grown.set(node.data.subarray(0, node.size));
      node.data = grown;
    } else if (length > node.size) node.data.fill(0, node.size, length);
    node.size = length;
  }
  isatty(fd: number): boolean {
    this.desc(fd);
    return false;
  }
  getcwd(): string {
    return this.cwd;
  }
  chdir(p: string): void {
    const n = this.lookup(p, true);
    if (n.children === null) err("ENOTDIR", "Not a directory");
    this.cwd = this.pathOf(n);
  }
  mkdir(p: string, mode: number): void {
    const [dir, name] = this.resolveParent(p);
    if (name === "" || dir.children!.has(name)) err("EEXIST", "File exists");
    dir.children!.set(name, this.newNode(S_IFDIR | (mode & ~this.mask & 0o7777)));
  }
  rmdir(p: string): void {
    const [dir, name] = this.resolveParent(p);
    const n = dir.children!.get(name);
    if (n === undefined) err("ENOENT", "No such file or directory");
    if (n.children === null) err("ENOTDIR", "Not a directory");
    if (n.children.size > 0) err("ENOTEMPTY", "Directory not empty");
    dir.children!.delete(name);
  }
  unlink(p: string): void {
    const [dir, name] = this.resolveParent(p);
    const n = dir.children!.get(name);
    if (n === undefined) err("ENOENT", "No such file or directory");
    if (n.children !== null) err("EISDIR", "Is a directory");
    dir.children!.delete(name);
  }
  rename(a: string, b: string): void {
    const [da, na] = this.resolveParent(a);
    const n = da.children!.get(na);
    if (n === undefined) err("ENOENT", "No such file or directory");
    const [db, nb] = this.resolveParent(b);
    const old = db.children!.get(nb);
    if (old !== undefined) {
      if (old.children !== null && n.children === null) err("EISDIR", "Is a directory");
      if (old.children === null && n.children !== null) err("ENOTDIR", "Not a directory");
      if (old.children !== null && old.children.size > 0) err("ENOTEMPTY", "Directory not empty");
    }
    da.children!.delete(na);
    db.children!.set(nb, n);
  }
  readlink(p: string): string {
    const n = this.lookup(p, false);
    if ((n.mode & S_IFMT) !== S_IFLNK) err("EINVAL", "Invalid argument");
    return n.target;
  }
  symlink(target: string, p: string): void {
    const [dir, name] = this.resolveParent(p);
    if (dir.children!.has(name)) err("EEXIST", "File exists");
    const n = this.newNode(S_IFLNK | 0o777);
    n.target = target;
    dir.children!.set(name, n);
  }
  utime(p: string, a: bigint, m: bigint, follow = true): void {
    const n = this.lookup(p, follow);
    n.atimeNs = a;
    n.mtimeNs = m;
    n.ctimeNs = this.clock();
  }
  futime(fd: number, a: bigint, m: bigint): void {
    const d = this.desc(fd);
    const n = d instanceof PipeEnd ? d.pipe : d.node;
    n.atimeNs = a;
    n.mtimeNs = m;
    n.ctimeNs = this.clock();
  }
  chown(p: string, uid: number, gid: number, follow: boolean): void {
    this.setOwner(this.lookup(p, follow), uid, gid);
  }
  fchown(fd: number, uid: number, gid: number): void {
    const d = this.desc(fd);
    this.setOwner(d instanceof PipeEnd ? d.pipe : d.node, uid, gid);
  }
  private setOwner(n: { uid: number; gid: number; ctimeNs: bigint }, uid: number, gid: number): void {
    if (uid !== -1) n.uid = uid;
    if (gid !== -1) n.gid = gid;
    n.ctimeNs = this.clock();
  }
  statvfs(p: string): HostStatVFS {
    this.lookup(p, true);
    return this.vfs();
  }
  fstatvfs(fd: number): HostStatVFS {
    const d = this.desc(fd);
    if (d instanceof PipeEnd) {
      // pipefs: no blocks, no inodes to count.
      return { bsize: 4096, frsize: 4096, blocks: 0n, bfree: 0n, bavail: 0n, files: 0n, ffree: 0n, favail: 0n, flag: 0,
        namemax: 255, fsid: 0n };
    }
    return this.vfs();
  }
  /** A 1 GiB file system with 65536 inodes, less what the tree uses. */
  private vfs(): HostStatVFS {
    let used = 0, inodes = 0;
    const walk = (n: MemNode): void => {
      inodes++;
      used += Math.ceil(n.size / 4096);
      if (n.children !== null) for (const c of n.children.values()) walk(c);
    };
    walk(this.root);
    const blocks = 262144n, files = 65536n;
    const bfree = blocks - BigInt(Math.min(used, 262144)), ffree = files - BigInt(Math.min(inodes, 65536));
    return { bsize: 4096, frsize: 4096, blocks, bfree, bavail: bfree, files, ffree, favail: ffree, flag: 0,
      namemax: 255, fsid: 0n };
  }
  pipe(flags: number): [number, number] {
    if (flags & ~(O_NONBLOCK | O_CLOEXEC | 0o40000)) err("EINVAL", "Invalid argument");
    const [r, w] = newPipe(this.clock, (flags & O_NONBLOCK) !== 0, this.uid, this.gid);
    const cloexec = (flags & O_CLOEXEC) !== 0;
    const rfd = this.freeFd();
    this.fds.set(rfd, new FdSlot(r, cloexec));
    const wfd = this.freeFd();
    this.fds.set(wfd, new FdSlot(w, cloexec));
    return [rfd, wfd];
  }
  dup(fd: number): number {
    const d = this.desc(fd);
    const nfd = this.freeFd();
    this.share(d);
    this.fds.set(nfd, new FdSlot(d, true));
    return nfd;
  }
  dup2(fd: number, fd2: number, inheritable: boolean): number {
    const d = this.desc(fd);
    if (fd2 < 0) err("EBADF", "Bad file descriptor");
    if (fd === fd2) {
      if (!inheritable) this.slot(fd).cloexec = true;
      return fd2;
    }
    if (this.fds.has(fd2)) this.close(fd2);
    this.share(d);
    this.fds.set(fd2, new FdSlot(d, !inheritable));
    return fd2;
  }
  private share(d: OpenFile | PipeEnd): void {
    if (d instanceof PipeEnd) d.refs++;
  }
  getInheritable(fd: number): boolean {
    return !this.slot(fd).cloexec;
  }
  setInheritable(fd: number, inheritable: boolean): void {
    this.slot(fd).cloexec = !inheritable;
  }
  getBlocking(fd: number): boolean {
    const d = this.desc(fd);
    return d instanceof PipeEnd ? !d.nonblock : (d.flags & O_NONBLOCK) === 0;
  }
  setBlocking(fd: number, blocking: boolean): void {
    const d = this.desc(fd);
    if (d instanceof PipeEnd) d.nonblock = !blocking;
    else d.flags = blocking ? d.flags & ~O_NONBLOCK : d.flags | O_NONBLOCK;
  }
  poll(fd: number): { read: boolean; write: boolean } | null {
    const d = this.desc(fd);
    if (d instanceof PipeEnd) return { read: pipeReady(d, false), write: pipeReady(d, true) };
    return null;
  }
  wouldBlock(fd: number, forWrite: boolean): boolean {
    const d = this.desc(fd);
    return d instanceof PipeEnd && pipeWouldBlock(d, forWrite);
  }
  chmod(p: string, mode: number): void {
    const n = this.lookup(p, true);
    n.mode = (n.mode & S_IFMT) | (mode & 0o7777);
    n.ctimeNs = this.clock();
  }
  access(p: string, mode: number): boolean {
    void mode;
    try {
      this.lookup(p, true);
      return true;
    } catch {
      return false;
    }
  }
  umask(mask: number): number {
    const old = this.mask;
    this.mask = mask & 0o777;
    return old;
  }
}

/** The one user of an in-memory process unless the embedder names another: root, at home in /root. */
export const DEFAULT_MEMORY_USER: HostPasswd = {
  name: "root", passwd: "x", uid: 0, gid: 0, gecos: "root", dir: "/root", shell: "/bin/sh",
};

/** A process with no real identity: fixed ids, entropy from crypto.getRandomValues when the engine has it. Its user
 * database holds one user (`user`, completed from DEFAULT_MEMORY_USER) and its group database that user's group. */
export function createMemoryProcess(clock: () => bigint, user: Partial<HostPasswd> = {}): HostProcess {
  const start = clock();
  const me: HostPasswd = { ...DEFAULT_MEMORY_USER, ...user };
  const group: HostGroup = { name: me.name, passwd: "x", gid: me.gid, members: [] };
  return {
    getpid: () => 42,
    getppid: () => 1,
    getuid: () => me.uid,
    getgid: () => me.gid,
    users: () => [{ ...me }],
    groups: () => [{ ...group, members: [] }],
    urandom: (n) => {
      const b = new Uint8Array(n);
      const c = (globalThis as { crypto?: { getRandomValues(a: Uint8Array): void } }).crypto;
      if (c !== undefined) for (let i = 0; i < n; i += 65536) c.getRandomValues(b.subarray(i, Math.min(n, i + 65536)));
      else for (let i = 0; i < n; i++) b[i] = Math.floor(Math.random() * 256);
      return b;
    },
    times: () => ({ user: 0, system: 0, elapsed: Number(clock() - start) / 1e9 }),
    terminalSize: () => null,
    cpuCount: () => 1,
    sleep: () => undefined,
    uname: () => ({ sysname: "Typhon", nodename: "localhost", release: "0", version: "0", machine: "wasm32" }),
  };
}

/** A complete host over a MemoryFS: stdout/stderr go to the given callbacks, the environment is what you pass. */
export function createMemoryHost(opts: MemoryFSOptions & { env?: Record<string, string>; home?: string | null;
  user?: Partial<HostPasswd> } = {}): Host & { fs: MemoryFS } {
  const clock = opts.clock ?? (() => BigInt(Date.now()) * 1000000n);
  const user = { ...DEFAULT_MEMORY_USER, ...opts.user };
  const memfs = new MemoryFS({ uid: user.uid, gid: user.gid, ...opts, clock });
  const out = opts.stdout ?? (() => undefined);
  const errOut = opts.stderr ?? (() => undefined);
  const env = new Map(Object.entries(opts.env ?? {}));
  const t0 = clock();
  return {
    readFile: (p) => memfs.readFile(p),
    writeStdout: out,
    writeStderr: errOut,
    readStdin: () => (opts.stdin ? opts.stdin() : new Uint8Array(0)),
    cwd: () => memfs.getcwd(),
    env: () => env,
    timeNs: clock,
    monotonicNs: () => clock() - t0,
    fs: memfs,
    proc: createMemoryProcess(clock, user),
    typhonHome: () => opts.home ?? null,
  };
}
