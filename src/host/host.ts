// The one door to the host: everything Typhon needs from its embedder (files, stdio, clock, environment).
// No file outside src/host/ touches process, fs, or browser globals. node.ts serves the command line; memory.ts is
// an in-memory file system for embedding and browsers. See docs/imports.md ("The host").

/** An error raised by a host operation, carrying a POSIX errno name so the runtime can raise the right OSError. */
export class HostError extends Error {
  readonly errno: string;
  constructor(errno: string, message: string) {
    // No stack trace: V8's capture walks the evaluation loop's frames (~8 us a miss, importlib probes missing
    // paths on every import); a HostError is an errno carrier that posix turns into OSError.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.errno = errno;
  }
}

/** What stat(2) returns; times in nanoseconds since the epoch. `mode` holds the file type bits (S_IFMT) too. */
export interface HostStat {
  mode: number;
  ino: bigint;
  dev: bigint;
  nlink: number;
  uid: number;
  gid: number;
  size: number;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  blksize: number;
  blocks: number;
  rdev: number;
}

/** What statvfs(3) returns (os.statvfs_result's fields). */
export interface HostStatVFS {
  bsize: number;
  frsize: number;
  blocks: bigint;
  bfree: bigint;
  bavail: bigint;
  files: bigint;
  ffree: bigint;
  favail: bigint;
  flag: number;
  namemax: number;
  fsid: bigint;
}

/** One entry of the user database (getpwent(3)), and of the group database (getgrent(3)). */
export interface HostPasswd {
  name: string;
  passwd: string;
  uid: number;
  gid: number;
  gecos: string;
  dir: string;
  shell: string;
}

export interface HostGroup {
  name: string;
  passwd: string;
  gid: number;
  members: string[];
}

/** One directory entry as scandir(3) sees it: the name and, when cheap, the type bits (S_IFDIR, S_IFREG, S_IFLNK). */
export interface HostDirEntry {
  name: string;
  /** S_IFMT bits of the entry itself (not following symlinks), or 0 when unknown. */
  type: number;
}

/**
 * The file-system door: POSIX calls on paths (strings) and integer file descriptors. Flags and modes use Linux's
 * values (O_RDONLY 0, O_WRONLY 1, O_RDWR 2, O_CREAT 0o100, O_EXCL 0o200, O_TRUNC 0o1000, O_APPEND 0o2000, ...).
 * Every failure throws HostError with the errno name (ENOENT, EACCES, EBADF, ESPIPE, ...).
 */
export interface HostFS {
  stat(path: string, followSymlinks: boolean): HostStat;
  fstat(fd: number): HostStat;
  listdir(path: string): string[];
  scandir(path: string): HostDirEntry[];
  open(path: string, flags: number, mode: number): number;
  read(fd: number, n: number): Uint8Array;
  write(fd: number, data: Uint8Array): number;
  /** lseek(2): how is SEEK_SET 0, SEEK_CUR 1, SEEK_END 2; returns the new position. */
  lseek(fd: number, pos: number, how: number): number;
  close(fd: number): void;
  ftruncate(fd: number, length: number): void;
  isatty(fd: number): boolean;
  getcwd(): string;
  chdir(path: string): void;
  mkdir(path: string, mode: number): void;
  rmdir(path: string): void;
  unlink(path: string): void;
  /** rename(2): replaces an existing destination file (os.rename and os.replace are the same call on POSIX). */
  rename(src: string, dst: string): void;
  readlink(path: string): string;
  symlink(target: string, path: string): void;
  /** utimensat(2): follows a final symlink unless followSymlinks is false. */
  utime(path: string, atimeNs: bigint, mtimeNs: bigint, followSymlinks?: boolean): void;
  futime(fd: number, atimeNs: bigint, mtimeNs: bigint): void;
  chmod(path: string, mode: number): void;
  /** chown(2)/lchown(2)/fchown(2): an id of -1 leaves that id unchanged. */
  chown(path: string, uid: number, gid: number, followSymlinks: boolean): void;
  fchown(fd: number, uid: number, gid: number): void;
  /** statvfs(3) on the file system holding the path or descriptor. */
  statvfs(path: string): HostStatVFS;
  fstatvfs(fd: number): HostStatVFS;
  /** pipe2(2): [read end, write end], flags O_NONBLOCK (0o4000) and O_CLOEXEC (0o2000000). A blocking read of an
   *  empty pipe whose writer is open waits through pipeHooks (pipe.ts); a blocking write never waits (pipeWrite). */
  pipe(flags: number): [number, number];
  /** dup(2) (a non-inheritable copy) and dup3(2)-like dup2 (fd2 closed first; inheritable as asked). */
  dup(fd: number): number;
  dup2(fd: number, fd2: number, inheritable: boolean): number;
  /** The close-on-exec flag seen from Python (os.get_inheritable is its negation) and O_NONBLOCK. */
  getInheritable(fd: number): boolean;
  setInheritable(fd: number, inheritable: boolean): void;
  getBlocking(fd: number): boolean;
  setBlocking(fd: number, blocking: boolean): void;
  /** select(2)'s readiness of a descriptor: null when it is always ready (regular files, terminals). */
  poll(fd: number): { read: boolean; write: boolean } | null;
  /** Would a read (write) on fd wait now: a blocking pipe end with nothing to read (no room)? */
  wouldBlock(fd: number, forWrite: boolean): boolean;
  access(path: string, mode: number): boolean;
  /** The process's umask: sets a new one and returns the old one. */
  umask(mask: number): number;
}

/** Process-level services: identity, entropy, times, terminal size. */
export interface HostProcess {
  getpid(): number;
  getppid(): number;
  getuid(): number;
  getgid(): number;
  /** Cryptographically strong random bytes (os.urandom). */
  urandom(n: number): Uint8Array;
  /** User and system CPU time in seconds, and elapsed seconds (os.times). */
  times(): { user: number; system: number; elapsed: number };
  /** Columns and lines of the terminal on fd, or null when fd is not a terminal. */
  terminalSize(fd: number): [number, number] | null;
  cpuCount(): number | null;
  /** Block the whole process for the given seconds (time.sleep). */
  sleep(seconds: number): void;
  /** The user and group databases (pwd, grp), in the order getpwent/getgrent give them. */
  users(): HostPasswd[];
  groups(): HostGroup[];
  /** The name of the machine and the operating system (os.uname). */
  uname(): { sysname: string; nodename: string; release: string; version: string; machine: string };
}

export interface Host {
  /** Read a whole file as bytes; throws HostError (ENOENT, EACCES, EISDIR, ...) on failure. */
  readFile(path: string): Uint8Array;
  /** Write bytes to the process's standard output / error, synchronously (no output is lost at exit). */
  writeStdout(data: Uint8Array): void;
  writeStderr(data: Uint8Array): void;
  /** Read all of standard input (used for `typhon -`). */
  readStdin(): Uint8Array;
  /** Current working directory, as an absolute path. */
  cwd(): string;
  /** Environment variables granted to Python code (empty in a sandbox). */
  env(): ReadonlyMap<string, string>;
  /** The name of the host's time zone ("Europe/Paris"), for a host without /etc/localtime; null if unknown. */
  localTimeZone?: () => string | null;
  /** Wall-clock time in nanoseconds since the epoch, and a monotonic clock in nanoseconds. */
  timeNs(): bigint;
  monotonicNs(): bigint;
  /** The file system and the process (os, io, time). Hosts without them get memory.ts's versions. */
  fs?: HostFS;
  proc?: HostProcess;
  /** Where Typhon's own build output lives (dist/), for the frozen modules and the default stdlib; null if none. */
  typhonHome?: () => string | null;
  /** Told when the outermost import starts (true) and ends (false): the `typhon` command tunes V8's tiering by it
   *  (src/host/node_main.ts). */
  importPhase?: (active: boolean) => void;
}
