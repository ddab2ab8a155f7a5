// A debug dump that fails the way the CPython tool it mirrors fails: a text for stderr and an exit status
// (e.g. `python -m tokenize` prints "FILE:LINE:COL: error: MSG" and exits 1). src/runtime/main.ts reports it.

export class DebugDumpFailure extends Error {
  readonly stderr: string;
  readonly status: number;
  constructor(stderr: string, status: number) {
    super(stderr);
    this.stderr = stderr;
    this.status = status;
  }
}
