// Runs the syntax-error corpus through Typhon's parser and compares (type, msg, lineno, offset, end_lineno,
// end_offset) with CPython 3.13's. Usage: npm run diff:syntax-errors -- [--corpus parser|compiler] [--limit N]
// [--verbose] [--grep TEXT] [--write-expected-failures]. Prints each mismatch, then `identical: K/N`. With --corpus
// compiler it checks that the parser accepts the compiler-stage records (their errors are issue #3's). See docs/parser.md.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  CORPUS_DIR, loadCorpus, loadExpectedFailures, loadTyphonParser, runRecord, compareRecord, showSource,
} from "./syntax_error_corpus.js";

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let corpus: "parser" | "compiler" = "parser";
  let limit = 50;
  let verbose = false;
  let grep: string | null = null;
  let writeList = false;
  while (argv.length) {
    const a = argv.shift()!;
    if (a === "--corpus") corpus = argv.shift() === "compiler" ? "compiler" : "parser";
    else if (a === "--limit") limit = Number(argv.shift());
    else if (a === "--verbose") verbose = true;
    else if (a === "--grep") grep = argv.shift() ?? "";
    else if (a === "--write-expected-failures") writeList = true;
    else {
      process.stderr.write(`unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  const parse = await loadTyphonParser();
  const records = loadCorpus(corpus).filter((r) =>
    grep === null || r.id.includes(grep) || r.origin.includes(grep) || r.msg.includes(grep) || (r.src ?? "").includes(grep));
  const failures: { id: string; reason: string }[] = [];
  let identical = 0, shown = 0, crashes = 0, accepted = 0;
  const byStage = new Map<string, [number, number]>();
  for (const rec of records) {
    const got = runRecord(parse, rec);
    // Compiler-stage records must get through the parser (ast.parse accepts them); parser-stage ones must match.
    const diff = corpus === "compiler"
      ? (got.kind === "accepted" ? null : got.kind === "error" ? `parser raised ${got.fields.type}: ${got.fields.msg}` : got.kind === "unavailable" ? got.text : `crash: ${got.text}`)
      : compareRecord(rec, got);
    const st = byStage.get(rec.stage) ?? [0, 0];
    st[1]++;
    if (got.kind === "crash") crashes++;
    if (got.kind === "accepted") accepted++;
    if (diff === null) {
      identical++;
      st[0]++;
    } else {
      failures.push({ id: rec.id, reason: got.kind === "unavailable" ? "parser not built" : `mismatch: ${diff}` });
      if (shown++ < limit || verbose) {
        process.stdout.write(`DIFF ${rec.id} (${rec.origin}, mode ${rec.mode})\n  source: ${showSource(rec)}\n` +
          `  expected: ${rec.type}: ${rec.msg} @ ${rec.lineno}:${rec.offset}-${rec.end_lineno}:${rec.end_offset}\n  ${diff}\n`);
      }
    }
    byStage.set(rec.stage, st);
  }
  if (shown > limit && !verbose) process.stdout.write(`... ${shown - limit} more mismatches (use --limit N or --verbose)\n`);
  if (writeList) {
    const head = "# Syntax-error corpus records Typhon does not yet match on all six fields: \"<id> <reason>\" per line.\n" +
      "# tests/unit/parser/syntax_errors.test.ts fails when a listed record passes (remove it) or an unlisted one fails.\n";
    const old = loadExpectedFailures();
    // The list holds both corpora: keep the other corpus's entries as they are.
    const other = new Set(loadCorpus(corpus === "parser" ? "compiler" : "parser").map((r) => r.id));
    const kept = [...old].filter(([id]) => other.has(id)).map(([id, why]) => `${id} ${why}`);
    const lines = kept.concat(failures.map(({ id, reason }) => {
      const prev = old.get(id);
      // Keep a hand-written reason; otherwise record the observed difference.
      return prev !== undefined && !prev.startsWith("mismatch: ") && prev !== "parser not built" ? `${id} ${prev}` : `${id} ${reason}`;
    }));
    writeFileSync(join(CORPUS_DIR, "expected_failures.txt"), head + lines.map((l) => l.replace(/\n/g, " ")).join("\n") + "\n");
  }
  const stages = [...byStage].map(([s, [k, n]]) => `${s} ${k}/${n}`).join(", ");
  const pct = records.length ? ((100 * identical) / records.length).toFixed(2) : "100.00";
  process.stdout.write(`corpus ${corpus}.jsonl: ${records.length} records (${stages}); no error raised: ${accepted}; crashes: ${crashes}\n` +
    `identical: ${identical}/${records.length} (${pct}%)\n`);
}

await main();
