// The interface of a differential mode: one pipeline stage dumped as text by CPython 3.13 and by Typhon.
// tools/diff.ts loads tools/diff_modes/<name>.ts by name, so a new mode is one new pair of files. See docs/parser.md.

/** What one side produced for one file: its dump, or the error text it reported (in the mode's own format). */
export type DumpOutcome =
  | { readonly status: "ok"; readonly text: string }
  | { readonly status: "error"; readonly text: string };

export interface DiffMode {
  /** The name given on the command line: `npm run diff -- <name>`. */
  readonly name: string;
  /**
   * The CPython side: a Python file (path from the repository root) defining `dump(path: str, data: bytes)`
   * that returns `("ok", text)` or `("error", text)`. tools/diff_cpython.py imports it and runs it over a whole
   * batch of paths in one CPython process; any other exception counts as a crash of the CPython side.
   */
  readonly cpythonScript: string;
  /**
   * The Typhon side, run in-process (in a worker thread with a per-file timeout). Must return the same text as the
   * CPython side for the same file; a thrown JavaScript exception counts as a Typhon crash.
   */
  typhon(path: string, data: Uint8Array): DumpOutcome;
}
