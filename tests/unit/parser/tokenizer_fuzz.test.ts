// Fuzz test for the tokenizer (deterministic seed): random byte soups, token soups and mutated snippets must end in
// ENDMARKER or a FrontEndSyntaxError in both modes, never a JavaScript exception, a hang, or quadratic time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Tokenizer } from "../../../src/parser/tokenizer.js";
import { FrontEndSyntaxError } from "../../../src/parser/errors.js";
import { ENDMARKER } from "../../../src/parser/token.js";
import { dumpTokens } from "../../../src/debug/dump_tokens.js";
import { DebugDumpFailure } from "../../../src/debug/dump_failure.js";

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

const enc = new TextEncoder();
const ALPHABET = enc.encode("abfrubFRUB_019xoeEjJ.+-*/%@&|^~<>=!:;,()[]{}'\"\\#\n\n\n\r\t \x0c$?`\x00\x01\x7f");
const HIGH = [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xff, 0xf0, 0x9f, 0x98, 0x80, 0xc2, 0xa0, 0xef, 0xbb, 0xbf];
const PIECES = [
  "f'", 'f"', "f'''", 'f"""', "rf'", "'", '"', "'''", '"""', "b'", "{", "}", "{{", "}}", "!r", ":", "=", ":>{w}",
  "\\\n", "\\", "\n", "\n    ", "\n\t", "\n  ", "    ", "(", ")", "[", "]", "if", "x", "é", "€", "0x", "0o", "0b", "1_",
  "1e", "1.", ".5", "07", "1if", "j", "#c", "# coding: latin-1\n", "\r\n", "\x00", "lambda", ":=", "->", "...", " ",
];
const SNIPPETS = [
  "def f(a, *, b=1, **k) -> int:\n    return f'{a!r:>{b}} {k=}'\n",
  "class A(B, metaclass=M):\n    x: int = 0x_ff\n    def g(self):\n        '''doc'''\n        return [i async for i in y]\n",
  "match p:\n    case {'a': [1, *rest]} | Point(x=0):\n        pass\n",
  "s = f\"{'a' if b else f'{c:{d}.{e}f}'}\" + rb'\\x00' + '''\nmulti\n'''\n",
  "if a:\n\tb = (1,\n\t     2)\n\\\n\nelse: c = 1.5e-3j  # comment\n",
];

function runTokenizer(input: Uint8Array | string, extraTokens: boolean): void {
  let t: Tokenizer;
  try {
    t = new Tokenizer(input, { filename: "<fuzz>", extraTokens });
  } catch (e) {
    if (e instanceof FrontEndSyntaxError) return;
    throw e;
  }
  const limit = 4 * (typeof input === "string" ? input.length : input.length) + 100;
  for (let n = 0; n < limit; n++) {
    try {
      if (t.next().type === ENDMARKER) return;
    } catch (e) {
      if (e instanceof FrontEndSyntaxError) return;
      throw e;
    }
  }
  assert.fail(`no ENDMARKER after ${limit} tokens: ${JSON.stringify(typeof input === "string" ? input : Array.from(input))}`);
}

function runAll(bytes: Uint8Array): void {
  runTokenizer(bytes, false);
  runTokenizer(new TextDecoder().decode(bytes), true);
  try {
    dumpTokens("fuzz.py", bytes);
  } catch (e) {
    if (!(e instanceof DebugDumpFailure)) throw e;
  }
}

test("fuzz: random byte soups", () => {
  const rnd = mulberry32(2024);
  for (let i = 0; i < 1500; i++) {
    const n = Math.floor(rnd() * 120);
    const b = new Uint8Array(n);
    for (let k = 0; k < n; k++) b[k] = rnd() < 0.1 ? HIGH[Math.floor(rnd() * HIGH.length)] : ALPHABET[Math.floor(rnd() * ALPHABET.length)];
    runAll(b);
  }
});

test("fuzz: token soups", () => {
  const rnd = mulberry32(7);
  for (let i = 0; i < 1500; i++) {
    let s = "";
    const n = Math.floor(rnd() * 40);
    for (let k = 0; k < n; k++) s += PIECES[Math.floor(rnd() * PIECES.length)];
    runAll(enc.encode(s));
  }
});

test("fuzz: mutated snippets", () => {
  const rnd = mulberry32(99);
  for (let i = 0; i < 1500; i++) {
    const chars = Array.from(SNIPPETS[i % SNIPPETS.length]);
    const edits = 1 + Math.floor(rnd() * 4);
    for (let k = 0; k < edits; k++) {
      const at = Math.floor(rnd() * (chars.length + 1));
      const r = rnd();
      if (r < 0.4) chars.splice(at, 1);
      else if (r < 0.8) chars.splice(at, 0, PIECES[Math.floor(rnd() * PIECES.length)]);
      else if (at < chars.length) chars[at] = String.fromCharCode(ALPHABET[Math.floor(rnd() * ALPHABET.length)]);
    }
    runAll(enc.encode(chars.join("")));
  }
});

test("no quadratic time on long pathological inputs", () => {
  const inputs = [
    "(".repeat(150) + "\n", "x".repeat(200_000) + "\n", "'" + "a".repeat(200_000), "#".repeat(200_000),
    "x = 1 \\\n".repeat(20_000), "é + ".repeat(50_000) + "\n", "f'" + "{{".repeat(50_000) + "'\n",
    "'''" + "\n".repeat(100_000), "f'''" + "{x}\n".repeat(30_000) + "'''\n", "[\n".repeat(150) + "1,\n".repeat(50_000),
  ];
  for (const s of inputs) {
    const t0 = performance.now();
    runTokenizer(s, false);
    runTokenizer(s, true);
    const ms = performance.now() - t0;
    assert.ok(ms < 2000, `${JSON.stringify(s.slice(0, 20))}... took ${ms.toFixed(0)} ms`);
  }
});
