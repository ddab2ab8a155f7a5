// The compiler-stage records of the syntax-error corpus (tests/golden/syntax_errors/compiler.jsonl: SyntaxErrors that
// CPython 3.13 raises in future.c, symtable.c or compile.c) through Typhon's whole compile(), compared on type, msg,
// lineno, offset, end_lineno, end_offset. Usage: npm run diff:compile-errors -- [--limit N] [--verbose] [--grep TEXT]
// [--fields 4]. See docs/compiler.md.
import { loadCorpus, recordSource, compareRecord, showSource, FIELDS, type Observed, type SyntaxErrorRecord } from "./syntax_error_corpus.js";
import { compile } from "../src/compiler/compile.js";
import { FrontEndSyntaxError } from "../src/parser/errors.js";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** compile(src, "<string>", mode) in Typhon, as an Observed outcome. */
export function compileRecord(rec: SyntaxErrorRecord): Observed {
  try {
    compile(recordSource(rec), "<string>", rec.mode);
    return { kind: "accepted" };
  } catch (e) {
    if (e instanceof FrontEndSyntaxError) {
      return {
        kind: "error",
        fields: {
          type: e.kind, msg: e.msg, lineno: e.lineno ?? null, offset: e.offset ?? null,
          end_lineno: e.end_lineno ?? null, end_offset: e.end_offset ?? null,
        },
      };
    }
    const err = e as { name?: string; message?: string };
    return { kind: "crash", text: `${err?.name ?? "?"}: ${err?.message ?? String(e)}` };
  }
}

/** compareRecord restricted to the first `n` fields (4: type, msg, lineno, offset; 6: all). */
export function compareFirstFields(rec: SyntaxErrorRecord, got: Observed, n: number): string | null {
  if (got.kind !== "error") return compareRecord(rec, got);
  const diffs: string[] = [];
  for (const f of FIELDS.slice(0, n)) {
    if (rec[f] !== got.fields[f]) diffs.push(`${f} ${JSON.stringify(got.fields[f])} != ${JSON.stringify(rec[f])}`);
  }
  return diffs.length === 0 ? null : diffs.join("; ");
}

function main(): void {
  const argv = process.argv.slice(2);
  let limit = 50, verbose = false, grep: string | null = null, nfields = 6;
  while (argv.length) {
    const a = argv.shift()!;
    if (a === "--limit") limit = Number(argv.shift());
    else if (a === "--verbose") verbose = true;
    else if (a === "--grep") grep = argv.shift() ?? "";
    else if (a === "--fields") nfields = Number(argv.shift());
    else {
      process.stderr.write(`unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  const records = loadCorpus("compiler").filter((r) => grep === null || r.id.includes(grep) || r.msg.includes(grep));
  let same4 = 0, same6 = 0, shown = 0;
  for (const rec of records) {
    const got = compileRecord(rec);
    const d6 = compareFirstFields(rec, got, 6);
    const d4 = compareFirstFields(rec, got, 4);
    if (d4 === null) same4++;
    if (d6 === null) same6++;
    const d = compareFirstFields(rec, got, nfields);
    if (d !== null && (shown++ < limit || verbose)) {
      process.stdout.write(`DIFF ${rec.id} (${rec.origin}, mode ${rec.mode})\n  source: ${showSource(rec)}\n` +
        `  expected: ${rec.type}: ${rec.msg} @ ${rec.lineno}:${rec.offset}-${rec.end_lineno}:${rec.end_offset}\n  ${d}\n`);
    }
  }
  const pct = (k: number): string => ((100 * k) / Math.max(records.length, 1)).toFixed(2);
  process.stdout.write(`compiler-stage records: ${records.length}\n` +
    `identical on type, msg, lineno, offset: ${same4}/${records.length} (${pct(same4)}%)\n` +
    `identical on all six fields: ${same6}/${records.length} (${pct(same6)}%)\n`);
}

// Run only as a command, not when a test imports compileRecord.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
