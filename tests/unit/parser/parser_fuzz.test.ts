// Fuzz test of the tokenizer + parser (fixed seed): random token soups and mutated sources must each end in an AST
// or a FrontEndSyntaxError (or pegen's stack-overflow MemoryError), never a JS error, a hang or quadratic time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "../../../src/parser/parser.js";
import { FrontEndError, FrontEndSyntaxError } from "../../../src/parser/errors.js";
import { ParserStackOverflow } from "../../../src/parser/pegen.js";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCAB = [
  "def", "class", "if", "elif", "else", "for", "while", "in", "not", "and", "or", "is", "lambda", "return", "yield",
  "from", "import", "as", "with", "async", "await", "try", "except", "finally", "raise", "match", "case", "type", "_",
  "global", "nonlocal", "del", "pass", "None", "True", "False", "x", "y", "é", "f", "(", ")", "[", "]", "{", "}", ":",
  ",", ";", ".", "...", "=", "==", ":=", "->", "+", "-", "*", "**", "/", "//", "%", "@", "|", "&", "^", "~", "<",
  ">", "<=", "!=", "<<", "+=", "!", "0", "1.5", "0x1f", "2j", "1_0", "'s'", '"t"', "b'b'", "f'{x}'", "f\"{x!r:>{y}}\"",
  "f'{", "}'", "'''", "\\", "#c", "\n", "\n", "\n    ", "\n        ", "\t", " ",
];

function check(src: string | Uint8Array, ms: number[]): void {
  const t0 = performance.now();
  try {
    parse(src, "<fuzz>", "exec");
  } catch (e) {
    if (!(e instanceof FrontEndSyntaxError) && !(e instanceof ParserStackOverflow) && !(e instanceof FrontEndError)) {
      assert.fail(`JS error ${(e as Error).stack} for input ${JSON.stringify(typeof src === "string" ? src : Buffer.from(src).toString("latin1"))}`);
    }
  }
  ms.push(performance.now() - t0);
}

test("fuzz: random token soups", () => {
  const rnd = mulberry32(0x7f4a7c15);
  const ms: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const n = 1 + Math.floor(rnd() * 40);
    let s = "";
    for (let k = 0; k < n; k++) s += VOCAB[Math.floor(rnd() * VOCAB.length)]! + (rnd() < 0.7 ? " " : "");
    check(s, ms);
  }
  assert.ok(Math.max(...ms) < 1000, `slowest case took ${Math.max(...ms)} ms`);
});

test("fuzz: mutated sources", () => {
  const dir = new URL("../../../../tests/golden/ast/", import.meta.url);
  const corpus = readdirSync(dir).filter((n) => n.endsWith(".py")).map((n) => new Uint8Array(readFileSync(new URL(n, dir))));
  const rnd = mulberry32(0x1234567);
  const ms: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const base = corpus[Math.floor(rnd() * corpus.length)]!;
    let b = Array.from(base);
    const edits = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < edits; k++) {
      const at = Math.floor(rnd() * (b.length + 1));
      const r = rnd();
      if (r < 0.35) b.splice(at, 1 + Math.floor(rnd() * 8));
      else if (r < 0.7) b.splice(at, 0, ...new TextEncoder().encode(VOCAB[Math.floor(rnd() * VOCAB.length)]!));
      else if (r < 0.85) b.splice(at, 0, Math.floor(rnd() * 256));
      else b = b.concat(b.slice(at, at + 40));
    }
    check(new Uint8Array(b), ms);
  }
  assert.ok(Math.max(...ms) < 1000, `slowest case took ${Math.max(...ms)} ms`);
});

test("no quadratic time: parse time grows linearly with input size", () => {
  const unit = "x = [a.b(c, d=1)[2] for a in range(10) if a] + {'k': (1, 2)}\nif x:\n    y = f'{x!r}'\n";
  const time = (n: number): number => {
    const src = unit.repeat(n);
    const t0 = performance.now();
    parse(src, "<big>", "exec");
    return performance.now() - t0;
  };
  time(200);
  // The best of three runs each: the machine may be shared, and one slow sample must not fail the check.
  const small = Math.min(time(1000), time(1000), time(1000));
  const big = Math.min(time(8000), time(8000), time(8000));
  assert.ok(big < small * 8 * 3 + 50, `8x input took ${big.toFixed(1)} ms vs ${small.toFixed(1)} ms`);
});
