// Anonymous pipes in memory for both hosts (Node's fs cannot make one): Linux's fs/pipe.c semantics, 16 one-page
// slots (64 KiB), writes merged into the last page, EOF once every write end is closed, EAGAIN when non-blocking,
// EPIPE without readers. A blocking read waits through pipeHooks.wait (the green threads). See docs/imports.md.
import { HostError, type HostStat } from "./host.js";

const PAGE_SIZE = 4096;
const PIPE_DEF_BUFFERS = 16;
const S_IFIFO = 0o010000;

/**
 * How a blocking pipe call waits: posix installs one that lets the other green threads run until ready() holds (it
 * raises the interpreter's deadlock error when no thread could make it hold). Without it a blocking call that would
 * wait fails with EDEADLK. wake() tells the scheduler that a waiter's condition may hold now.
 */
export const pipeHooks: { wait: (ready: () => boolean) => void; wake: () => void } = {
  wait: () => { throw new HostError("EDEADLK", "Resource deadlock avoided"); },
  wake: () => undefined,
};

let nextPipeIno = 1000n;

/** The kernel object: a ring of page slots, and how many descriptions of each end are open. */
export class Pipe {
  pages: Uint8Array[];
  /** Per slot: where the unread bytes start and end within its page. */
  starts: number[];
  ends: number[];
  size: number;
  readers: number;
  writers: number;
  ino: bigint;
  uid: number;
  gid: number;
  mode: number;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  clock: () => bigint;
  constructor(clock: () => bigint, uid: number, gid: number) {
    this.pages = [];
    this.starts = [];
    this.ends = [];
    this.size = 0;
    this.readers = 1;
    this.writers = 1;
    this.ino = nextPipeIno++;
    this.uid = uid;
    this.gid = gid;
    this.mode = S_IFIFO | 0o600;
    const now = clock();
    this.atimeNs = now;
    this.mtimeNs = now;
    this.ctimeNs = now;
    this.clock = clock;
  }
  full(): boolean {
    return this.pages.length >= PIPE_DEF_BUFFERS;
  }
}

/** An open file description of one end (what dup shares): the direction, O_NONBLOCK, and the descriptors on it. */
export class PipeEnd {
  pipe: Pipe;
  writing: boolean;
  nonblock: boolean;
  refs: number;
  constructor(pipe: Pipe, writing: boolean, nonblock: boolean) {
    this.pipe = pipe;
    this.writing = writing;
    this.nonblock = nonblock;
    this.refs = 1;
  }
}

/** pipe2(2)'s two descriptions: [read end, write end]. */
export function newPipe(clock: () => bigint, nonblock: boolean, uid: number, gid: number): [PipeEnd, PipeEnd] {
  const p = new Pipe(clock, uid, gid);
  return [new PipeEnd(p, false, nonblock), new PipeEnd(p, true, nonblock)];
}

function take(p: Pipe, n: number): Uint8Array {
  const out = new Uint8Array(Math.min(n, p.size));
  let off = 0;
  while (off < out.length) {
    const s = p.starts[0], e = p.ends[0];
    const k = Math.min(e - s, out.length - off);
    out.set(p.pages[0].subarray(s, s + k), off);
    off += k;
    if (s + k === e) {
      p.pages.shift();
      p.starts.shift();
      p.ends.shift();
    } else p.starts[0] = s + k;
  }
  p.size -= out.length;
  return out;
}

/** read(2) on a pipe end (pipe_read). */
export function pipeRead(end: PipeEnd, n: number): Uint8Array {
  if (end.writing) throw new HostError("EBADF", "Bad file descriptor");
  const p = end.pipe;
  if (n === 0) return new Uint8Array(0);
  for (;;) {
    if (p.size > 0) {
      const wasFull = p.full();
      const out = take(p, n);
      p.atimeNs = p.clock();
      if (wasFull) pipeHooks.wake();
      return out;
    }
    if (p.writers === 0) return new Uint8Array(0);
    if (end.nonblock) throw new HostError("EAGAIN", "Resource temporarily unavailable");
    pipeHooks.wait(() => p.size > 0 || p.writers === 0);
  }
}

/**
 * write(2) on a pipe end (pipe_write): all of `data` unless non-blocking and the pipe fills up. DEVIATION: a blocking
 * write to a full pipe does not wait here, it grows the pipe past 64 KiB: a writer waiting inside a native call
 * (FileIO.write) for a reader waiting inside another (FileIO.read) is a deadlock for nested green threads. posix.write
 * called from Python code waits for room first (pipeWouldBlock), where the thread can be suspended.
 */
export function pipeWrite(end: PipeEnd, data: Uint8Array): number {
  if (!end.writing) throw new HostError("EBADF", "Bad file descriptor");
  const p = end.pipe;
  // CPython ignores SIGPIPE, so a pipe without readers is only EPIPE (BrokenPipeError).
  if (p.readers === 0) throw new HostError("EPIPE", "Broken pipe");
  let done = 0;
  const total = data.length;
  if (total === 0) return 0;
  // The part beyond whole pages joins the last page when it fits there (a non-empty pipe only).
  const chars = total & (PAGE_SIZE - 1);
  if (chars !== 0 && p.size > 0) {
    const last = p.pages.length - 1;
    if (p.ends[last] + chars <= PAGE_SIZE) {
      p.pages[last].set(data.subarray(0, chars), p.ends[last]);
      p.ends[last] += chars;
      p.size += chars;
      done = chars;
    }
  }
  while (done < total) {
    if (p.readers === 0) {
      if (done > 0) break;
      throw new HostError("EPIPE", "Broken pipe");
    }
    if (!p.full()) {
      const k = Math.min(PAGE_SIZE, total - done);
      const page = new Uint8Array(PAGE_SIZE);
      page.set(data.subarray(done, done + k));
      p.pages.push(page);
      p.starts.push(0);
      p.ends.push(k);
      p.size += k;
      done += k;
      continue;
    }
    if (end.nonblock) {
      if (done > 0) break;
      throw new HostError("EAGAIN", "Resource temporarily unavailable");
    }
    const k = Math.min(PAGE_SIZE, total - done);
    const page = new Uint8Array(PAGE_SIZE);
    page.set(data.subarray(done, done + k));
    p.pages.push(page);
    p.starts.push(0);
    p.ends.push(k);
    p.size += k;
    done += k;
  }
  if (done > 0) {
    p.mtimeNs = p.ctimeNs = p.clock();
    pipeHooks.wake();
  }
  return done;
}

/**
 * select(2)'s view of an end (pipe_poll): a read end is readable with data or without writers (POLLHUP); a write end
 * is writable with a free slot, and both readable and writable without readers (POLLERR).
 */
export function pipeReady(end: PipeEnd, forWrite: boolean): boolean {
  const p = end.pipe;
  if (end.writing) return p.readers === 0 || (forWrite && !p.full());
  return !forWrite && (p.size > 0 || p.writers === 0);
}

/** Would read(2) (write(2)) on this end wait: a blocking end, the right direction, nothing to read (no room)? */
export function pipeWouldBlock(end: PipeEnd, forWrite: boolean): boolean {
  const p = end.pipe;
  if (end.nonblock || end.writing !== forWrite) return false;
  return forWrite ? p.readers > 0 && p.full() : p.size === 0 && p.writers > 0;
}

/** One descriptor on the description is closed; the last one closes the end (readers see EOF, writers EPIPE). */
export function pipeClose(end: PipeEnd): void {
  if (--end.refs > 0) return;
  if (end.writing) end.pipe.writers--;
  else end.pipe.readers--;
  pipeHooks.wake();
}

/** fstat(2) on either end: a FIFO on pipefs, size 0, owned by the process that made it. */
export function pipeStat(end: PipeEnd): HostStat {
  const p = end.pipe;
  return {
    mode: p.mode, ino: p.ino, dev: 15n, nlink: 1, uid: p.uid, gid: p.gid, size: 0, atimeNs: p.atimeNs,
    mtimeNs: p.mtimeNs, ctimeNs: p.ctimeNs, blksize: PAGE_SIZE, blocks: 0, rdev: 0,
  };
}
