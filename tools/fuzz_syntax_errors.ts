// Replays the cases of tools/fuzz_syntax_errors.py (CPython 3.13's outcomes, JSON lines on stdin or in a file)
// through Typhon's parser and prints each difference, then "identical: K/N". A JS crash counts as a difference.
// Usage: node dist/tools/fuzz_syntax_errors.js [cases.jsonl]. See docs/parser.md ("Testing the parser").
import { readFileSync } from "node:fs";
import { parse, type ParseMode } from "../src/parser/parser.js";
import { FrontEndError, FrontEndSyntaxError } from "../src/parser/errors.js";
import { ParserStackOverflow } from "../src/parser/pegen.js";

interface FuzzCase {
  readonly src?: string;
  readonly src_hex?: string;
  readonly mode: ParseMode;
  readonly want: string;
}

/** json.dumps with ensure_ascii, as the Python side writes values: non-ASCII as \uXXXX escapes. */
function pyJson(v: unknown): string {
  return JSON.stringify(v).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function outcome(c: FuzzCase): string {
  const src = c.src_hex !== undefined ? Uint8Array.from(Buffer.from(c.src_hex, "hex")) : c.src!;
  try {
    parse(src, "<s>", c.mode);
    return "OK";
  } catch (e) {
    if (e instanceof FrontEndSyntaxError) {
      return [e.kind, pyJson(e.msg), ...[e.lineno, e.offset, e.end_lineno, e.end_offset].map((v) => pyJson(v))].join(" ");
    }
    if (e instanceof FrontEndError) return `EXC ${e.kind} ${e.msg}`;
    if (e instanceof ParserStackOverflow) return `EXC MemoryError ${e.msg}`;
    return `CRASH ${(e as Error).stack ?? String(e)}`;
  }
}

const text = readFileSync(process.argv[2] ?? 0, "utf8");
const cases = text.split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l) as FuzzCase);
let same = 0;
for (const c of cases) {
  const got = outcome(c);
  if (got === c.want) { same++; continue; }
  const shown = c.src !== undefined ? JSON.stringify(c.src) : `b'${c.src_hex}' (hex)`;
  process.stdout.write(`DIFF ${shown} [${c.mode}]\n  expected: ${c.want}\n  got:      ${got}\n`);
}
process.stdout.write(`identical: ${same}/${cases.length}\n`);
