// SyntaxErrors raised after parsing (future.c, symtable.c, compile.c), built as the front end's FrontEndSyntaxError.
// CPython: PyErr_RangedSyntaxLocationObject / PyErr_SyntaxLocationObject fetch the source line. See docs/compiler.md.
import { FrontEndSyntaxError } from "../parser/errors.js";

/** What the compiler knows about its input, for error reports. */
export interface CompileSource {
  readonly filename: string;
  /** The source text, or null when unknown (the `text` of errors is then None). */
  readonly text: string | null;
}

function sourceLine(src: CompileSource, lineno: number): string | null {
  if (src.text === null || lineno < 1) return null;
  let start = 0;
  for (let l = 1; l < lineno; l++) {
    const nl = src.text.indexOf("\n", start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  const nl = src.text.indexOf("\n", start);
  return nl < 0 ? src.text.slice(start) : src.text.slice(start, nl + 1);
}

/**
 * A SyntaxError at (lineno, offset) .. (end_lineno, end_offset); offsets are 1-based UTF-8 byte columns as the AST
 * gives them (col_offset + 1). Unlike the parser's errors these stay byte offsets: PyErr_RangedSyntaxLocationObject
 * stores them unconverted.
 */
export function compileError(
  src: CompileSource, msg: string, lineno: number, offset: number, end_lineno: number | null = -1,
  end_offset: number | null = -1,
  kind: "SyntaxError" | "IndentationError" = "SyntaxError",
): FrontEndSyntaxError {
  const text = sourceLine(src, lineno);
  return new FrontEndSyntaxError(kind, msg, src.filename, lineno, offset, end_lineno, end_offset, text);
}

/** RecursionError raised by the compiler's recursion guard. */
export class CompilerRecursionError extends Error {
  readonly msg: string;
  constructor() {
    super("maximum recursion depth exceeded during compilation");
    this.msg = "maximum recursion depth exceeded during compilation";
  }
}
