// __future__ statements: which features a module enables (Python/future.c, _PyFuture_FromAST).
// See docs/compiler.md.
import type { mod, stmt, Constant } from "../ast/nodes.js";
import { compileError, type CompileSource } from "./errors.js";

export const CO_FUTURE_DIVISION = 0x20000;
export const CO_FUTURE_ABSOLUTE_IMPORT = 0x40000;
export const CO_FUTURE_WITH_STATEMENT = 0x80000;
export const CO_FUTURE_PRINT_FUNCTION = 0x100000;
export const CO_FUTURE_UNICODE_LITERALS = 0x200000;
export const CO_FUTURE_BARRY_AS_BDFL = 0x400000;
export const CO_FUTURE_GENERATOR_STOP = 0x800000;
export const CO_FUTURE_ANNOTATIONS = 0x1000000;

export interface SourceLocation {
  lineno: number;
  end_lineno: number;
  col_offset: number;
  end_col_offset: number;
}
export const NO_LOCATION: SourceLocation = Object.freeze({ lineno: -1, end_lineno: -1, col_offset: -1, end_col_offset: -1 });

export interface PyFutureFeatures {
  ff_features: number;
  ff_location: SourceLocation;
}

const ACCEPTED = new Set([
  "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
  "unicode_literals", "generator_stop",
]);

/** _PyAST_GetDocString: the docstring constant of a body, if its first statement is a str expression. */
export function getDocString(body: readonly stmt[]): string | null {
  const s = body[0];
  if (s === undefined || s.kind !== "Expr") return null;
  const e = s.value;
  if (e.kind !== "Constant") return null;
  const v = (e as Constant).value;
  return typeof v === "string" ? v : null;
}

function isDocStringStmt(body: readonly stmt[]): boolean {
  const s = body[0];
  if (s === undefined || s.kind !== "Expr" || s.value.kind !== "Constant") return false;
  const v = s.value.value;
  return typeof v === "string" || (v !== null && typeof v === "object" && "codePoints" in v);
}

export function _PyFuture_FromAST(m: mod, src: CompileSource): PyFutureFeatures {
  const ff: PyFutureFeatures = { ff_features: 0, ff_location: NO_LOCATION };
  if (m.kind !== "Module" && m.kind !== "Interactive") return ff;
  const body = m.body;
  let i = isDocStringStmt(body) ? 1 : 0;
  for (; i < body.length; i++) {
    const s = body[i]!;
    if (s.kind !== "ImportFrom" || s.level !== 0 || s.module !== "__future__") return ff;
    for (const a of s.names) {
      const f = a.name;
      if (ACCEPTED.has(f)) continue;
      if (f === "barry_as_FLUFL") ff.ff_features |= CO_FUTURE_BARRY_AS_BDFL;
      else if (f === "annotations") ff.ff_features |= CO_FUTURE_ANNOTATIONS;
      // PyErr_SyntaxLocationObject: end_lineno is the line, end_offset None.
      else if (f === "braces") throw compileError(src, "not a chance", s.lineno, s.col_offset + 1, s.lineno, null);
      else throw compileError(src, `future feature ${f} is not defined`, s.lineno, s.col_offset + 1, s.lineno, null);
    }
    ff.ff_location = { lineno: s.lineno, end_lineno: s.end_lineno, col_offset: s.col_offset, end_col_offset: s.end_col_offset };
  }
  return ff;
}
