// Golden tests for the tokenizer: `typhon --dump-tokens` against `python3.13 -m tokenize -e` output captured by
// tools/capture_tokens.py (tests/golden/tokens/cases.json), plus parser-mode checks of src/parser/tokenizer.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dumpTokens } from "../../../src/debug/dump_tokens.js";
import { DebugDumpFailure } from "../../../src/debug/dump_failure.js";
import { Tokenizer, type Token } from "../../../src/parser/tokenizer.js";
import { FrontEndSyntaxError } from "../../../src/parser/errors.js";
import * as T from "../../../src/parser/token.js";

interface Case { name: string; source_b64: string; status: "ok" | "error"; text: string }

const cases = JSON.parse(readFileSync(new URL("../../../../tests/golden/tokens/cases.json", import.meta.url), "utf8")) as Case[];

for (const c of cases) {
  test(`tokenize -e: ${c.name}`, () => {
    const data = new Uint8Array(Buffer.from(c.source_b64, "base64"));
    let got: { status: string; text: string };
    try {
      got = { status: "ok", text: dumpTokens(`${c.name}.py`, data) };
    } catch (e) {
      if (!(e instanceof DebugDumpFailure)) throw e;
      got = { status: "error", text: e.stderr };
    }
    assert.equal(got.status, c.status);
    assert.equal(got.text, c.text);
  });
}

function parserTokens(src: string): Token[] {
  const t = new Tokenizer(new TextEncoder().encode(src), { filename: "<test>", extraTokens: false });
  const out: Token[] = [];
  for (;;) {
    const tok = t.next();
    out.push(tok);
    if (tok.type === T.ENDMARKER) return out;
  }
}

function parserError(src: string): FrontEndSyntaxError {
  try {
    parserTokens(src);
  } catch (e) {
    if (e instanceof FrontEndSyntaxError) return e;
    throw e;
  }
  assert.fail("no error");
}

test("parser mode: exact operator types, no COMMENT/NL, byte columns", () => {
  const toks = parserTokens("é = (a**=2)  # c\n\nx\n");
  assert.deepEqual(toks.map((t) => T.tok_name[t.type]),
    ["NAME", "EQUAL", "LPAR", "NAME", "DOUBLESTAREQUAL", "NUMBER", "RPAR", "NEWLINE", "NAME", "NEWLINE", "ENDMARKER"]);
  // 'é' is two UTF-8 bytes: '=' starts at byte 3.
  assert.equal(toks[1].col_offset, 3);
  assert.equal(toks[0].end_col_offset, 2);
});

test("parser mode: INDENT/DEDENT carry no position, as CPython's tokens", () => {
  const toks = parserTokens("if a:\n  b\n");
  const indent = toks.find((t) => t.type === T.INDENT)!;
  assert.equal(indent.col_offset, -1);
  assert.equal(toks.filter((t) => t.type === T.DEDENT).length, 1);
});

test("parser mode: CRLF is translated, strings keep their lines", () => {
  const toks = parserTokens("x = '''a\r\nb'''\r\n");
  const s = toks[2];
  assert.equal(s.string, "'''a\nb'''");
  assert.deepEqual([s.lineno, s.col_offset, s.end_lineno, s.end_col_offset], [1, 4, 2, 4]);
});

test("parser mode: f-string debug expression text in token metadata", () => {
  const toks = parserTokens("f'{x + 1 = !r}'\n");
  const bang = toks.find((t) => t.type === T.EXCLAMATION)!;
  assert.equal(bang.metadata, "x + 1 = ");
});

test("parser mode errors: leading zeros, invalid character, unmatched paren", () => {
  let e = parserError("x = 0777\n");
  assert.equal(e.msg, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
  assert.deepEqual([e.lineno, e.offset, e.end_offset], [1, 5, 6]);
  e = parserError("x = a€\n");
  assert.equal(e.msg, "invalid character '€' (U+20AC)");
  assert.deepEqual([e.lineno, e.offset], [1, 6]);
  e = parserError("x = 1)\n");
  assert.equal(e.msg, "unmatched ')'");
  e = parserError("x = (1]\n");
  assert.equal(e.msg, "closing parenthesis ']' does not match opening parenthesis '('");
  e = parserError("x = (1,\n\n]\n");
  assert.equal(e.msg, "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
  e = parserError("x = 1\u00a0\n");
  assert.equal(e.msg, "invalid non-printable character U+00A0");
  e = parserError("x = (1,\n");
  assert.equal(e.msg, "'(' was never closed");
  assert.deepEqual([e.lineno, e.offset], [1, 5]);
});

test("parser mode: invalid UTF-8 and unknown encodings", () => {
  let e = parserError("x = 1\n\xff = 2\n".replace("\xff", "\u0000"));
  assert.equal(e.msg, "source code cannot contain null bytes");
  // Bytes that are not UTF-8 are an error only inside a token that needs decoding (here a NAME), not in a comment.
  const bad = new Uint8Array([0x23, 0xfe, 0x0a, 0x78, 0x0a, 0x61, 0xc3, 0xa9, 0xff, 0x0a]);
  const tok = new Tokenizer(bad, { filename: "<t>", extraTokens: false });
  assert.equal(tok.next().string, "x");
  tok.next();
  try {
    tok.next();
    assert.fail("no error");
  } catch (err) {
    e = err as FrontEndSyntaxError;
    assert.equal(e.msg, "(unicode error) 'utf-8' codec can't decode byte 0xff in position 3: invalid start byte");
    assert.deepEqual([e.lineno, e.offset, e.end_lineno, e.end_offset, e.text], [3, 3, 3, -1, "a\u00e9\ufffd\n"]);
  }
  try {
    new Tokenizer(new TextEncoder().encode("# coding: nope\n"), { filename: "<t>", extraTokens: false });
    assert.fail("no error");
  } catch (err) {
    assert.equal((err as FrontEndSyntaxError).msg, "unknown encoding: nope");
  }
});
