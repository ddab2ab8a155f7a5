// The syntax-error corpus (tests/golden/syntax_errors/*.jsonl, captured by tools/capture_syntax_errors.py) and the
// comparison of Typhon's parser against it on CPython's six fields. Used by tools/diff_syntax_errors.ts and by
// tests/unit/parser/syntax_errors.test.ts. See docs/parser.md ("Syntax errors").
import { readFileSync, existsSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url)); // dist/tools
export const ROOT = resolve(HERE, "..", "..");
export const CORPUS_DIR = join(ROOT, "tests", "golden", "syntax_errors");

export type CompileMode = "exec" | "eval" | "single";
export type Stage = "tokenizer" | "parser" | "compiler";

/** One record of parser.jsonl / compiler.jsonl: a source and the SyntaxError CPython 3.13's compile() raises. */
export interface SyntaxErrorRecord {
  readonly id: string;
  readonly origin: string;
  readonly mode: CompileMode;
  readonly src?: string;
  readonly src_hex?: string;
  readonly type: string;
  readonly msg: string;
  readonly lineno: number | null;
  readonly offset: number | null;
  readonly end_lineno: number | null;
  readonly end_offset: number | null;
  readonly stage: Stage;
}

/** The six fields compared, in CPython's order (SyntaxError.args[1] plus the type and message). */
export const FIELDS = ["type", "msg", "lineno", "offset", "end_lineno", "end_offset"] as const;
export type Field = (typeof FIELDS)[number];

export type Observed =
  | { readonly kind: "error"; readonly fields: Readonly<Record<Field, string | number | null>> }
  | { readonly kind: "accepted" }
  | { readonly kind: "crash"; readonly text: string }
  | { readonly kind: "unavailable"; readonly text: string };

export function loadCorpus(name: "parser" | "compiler"): SyntaxErrorRecord[] {
  const text = readFileSync(join(CORPUS_DIR, `${name}.jsonl`), "utf8");
  return text.split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l) as SyntaxErrorRecord);
}

/** The record's source as compile() received it: a str, or bytes (decoded by the tokenizer per PEP 263). */
export function recordSource(rec: SyntaxErrorRecord): string | Uint8Array {
  if (rec.src_hex !== undefined) return Uint8Array.from(Buffer.from(rec.src_hex, "hex"));
  if (rec.src === undefined) throw new Error(`record ${rec.id} has no source`);
  return rec.src;
}

/** expected_failures.txt: "<id> <reason>" per line; blank lines and "#" comments ignored. */
export function loadExpectedFailures(): Map<string, string> {
  const path = join(CORPUS_DIR, "expected_failures.txt");
  const out = new Map<string, string>();
  if (!existsSync(path)) return out;
  for (const raw of readFileSync(path, "utf8").split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const sp = line.indexOf(" ");
    out.set(sp < 0 ? line : line.slice(0, sp), sp < 0 ? "" : line.slice(sp + 1).trim());
  }
  return out;
}

/** Parses source in mode the way compile() does up to the AST, throwing FrontEndSyntaxError on bad input. */
export type ParseFn = (source: string | Uint8Array, filename: string, mode: CompileMode) => unknown;

interface SyntaxErrorLike {
  readonly kind: string;
  readonly msg: string;
  readonly lineno: number | null;
  readonly offset: number | null;
  readonly end_lineno: number | null;
  readonly end_offset: number | null;
}

/** A FrontEndSyntaxError, or a FrontEndError (UnicodeDecodeError, ...: no positions, compared as null). */
function isSyntaxErrorLike(e: unknown): e is SyntaxErrorLike {
  return typeof e === "object" && e !== null && typeof (e as { kind?: unknown }).kind === "string" &&
    typeof (e as { msg?: unknown }).msg === "string";
}

/** A field Typhon leaves unset (undefined, NaN) stands for CPython's None. */
function norm(v: number | null | undefined): number | null {
  return v === undefined || v === null || Number.isNaN(v) ? null : v;
}

/** Loads Typhon's parser entry point, or explains why it cannot (the parser is being built in parallel). */
export async function loadTyphonParser(): Promise<ParseFn | string> {
  const path = join(ROOT, "dist", "src", "parser", "parser.js");
  if (!existsSync(path)) return "parser not built (no src/parser/parser.ts)";
  // A dynamic import: the parser is built in parallel and may not exist when this file is compiled.
  const mod = (await import(path)) as Record<string, unknown>;
  const fn = mod["parse"];
  if (typeof fn !== "function") return "src/parser/parser.ts exports no parse(source, filename, mode)";
  return fn as ParseFn;
}

export function runRecord(parse: ParseFn | string, rec: SyntaxErrorRecord): Observed {
  if (typeof parse === "string") return { kind: "unavailable", text: parse };
  try {
    parse(recordSource(rec), "<string>", rec.mode);
    return { kind: "accepted" };
  } catch (e) {
    if (isSyntaxErrorLike(e)) {
      return {
        kind: "error",
        fields: {
          type: e.kind, msg: e.msg, lineno: norm(e.lineno), offset: norm(e.offset),
          end_lineno: norm(e.end_lineno), end_offset: norm(e.end_offset),
        },
      };
    }
    const err = e as { name?: string; message?: string; stack?: string };
    return { kind: "crash", text: `${err?.name ?? "?"}: ${err?.message ?? String(e)}` };
  }
}

/** null when all six fields are identical, else a one-line description of the first differences. */
export function compareRecord(rec: SyntaxErrorRecord, got: Observed): string | null {
  switch (got.kind) {
    case "unavailable":
      return got.text;
    case "accepted":
      return `no error raised (expected ${rec.type}: ${rec.msg})`;
    case "crash":
      return `crash: ${got.text.split("\n")[0]}`;
    case "error": {
      const diffs: string[] = [];
      for (const f of FIELDS) {
        const want = rec[f];
        const have = got.fields[f];
        if (want !== have) diffs.push(`${f} ${JSON.stringify(have)} != ${JSON.stringify(want)}`);
      }
      return diffs.length === 0 ? null : diffs.join("; ");
    }
    default: {
      const never: never = got;
      throw new Error(`unexpected outcome ${String(never)}`);
    }
  }
}

/** Python-style repr of a short source, clipped, for reports. */
export function showSource(rec: SyntaxErrorRecord, max = 160): string {
  const s = rec.src !== undefined ? JSON.stringify(rec.src) : `b'${rec.src_hex}' (hex)`;
  return s.length > max ? `${s.slice(0, max)}...` : s;
}
