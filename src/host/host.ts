// The one door to the host: everything Typhon needs from its embedder (files, stdio, clock, environment).
// No file outside src/host/ touches process, fs, or browser globals. See docs/host.md.

/** An error raised by a host operation, carrying a POSIX errno name so the runtime can raise the right OSError. */
export class HostError extends Error {
  readonly errno: string;
  constructor(errno: string, message: string) {
    super(message);
    this.errno = errno;
  }
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
  /** Wall-clock time in nanoseconds since the epoch, and a monotonic clock in nanoseconds. */
  timeNs(): bigint;
  monotonicNs(): bigint;
}
