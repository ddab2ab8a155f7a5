// --dump-symtable FILE: a text dump of every scope of the symbol table (src/compiler/symtable.ts).
// tools/symtable_dump.py prints the same format from CPython's _symtable module. See docs/compiler.md.
import type { Host } from "../host/host.js";
import {
  FLAG_NAMES, SCOPE_NAMES, SCOPE_OFFSET, SCOPE_MASK, _PySymtable_Build, type PySTEntryObject, type Symtable,
} from "../compiler/symtable.js";
import { _PyFuture_FromAST } from "../compiler/future.js";
import { parse } from "../parser/parser.js";
import { DebugDumpFailure } from "./dump_failure.js";

const TYPES = ["function", "class", "module", "annotation", "type alias", "type parameters", "type variable"] as const;

function flagsText(v: number): string {
  const names = FLAG_NAMES.filter(([b]) => (v & b) !== 0).map(([, n]) => n);
  const scope = (v >> SCOPE_OFFSET) & SCOPE_MASK;
  let s = names.length > 0 ? names.join("|") : "0";
  if (scope) s += " " + SCOPE_NAMES[scope];
  return s;
}

function cmpCodePoints(a: string, b: string): number {
  // Python sorts str by code point; JS's default sort compares UTF-16 units (differs only above the BMP).
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function dumpEntry(e: PySTEntryObject, indent: string, out: string[]): void {
  out.push(`${indent}${TYPES[e.ste_type]} ${e.ste_name} line ${e.ste_lineno}${e.ste_nested ? " nested" : ""}`);
  if (e.ste_varnames.length > 0) out.push(`${indent}  params: ${e.ste_varnames.join(", ")}`);
  const names = [...e.ste_symbols.keys()].sort(cmpCodePoints);
  for (const n of names) out.push(`${indent}  ${n}: ${flagsText(e.ste_symbols.get(n)!)}`);
  for (const c of e.ste_children) dumpEntry(c, indent + "  ", out);
}

/** The dump of a whole symbol table. */
export function dumpSymtable(st: Symtable): string {
  const out: string[] = [];
  dumpEntry(st.st_top!, "", out);
  return out.join("\n") + "\n";
}

/** The --dump-symtable text of a file's bytes (Typhon's parser, then the symbol table). Throws FrontEndSyntaxError. */
export function dumpSymtableSource(filename: string, data: Uint8Array): string {
  const m = parse(data, filename, "exec");
  let text: string | null;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    text = null;
  }
  const src = { filename, text };
  return dumpSymtable(_PySymtable_Build(m, src, _PyFuture_FromAST(m, src)));
}

export function dumpSymtableCommand(host: Host, args: readonly string[]): string {
  const filename = args[0];
  if (filename === undefined) throw new DebugDumpFailure("usage: typhon --dump-symtable FILE\n", 2);
  return dumpSymtableSource(filename, host.readFile(filename));
}
