// Golden tests for the parser: `typhon --dump-ast` against CPython 3.13's ast.dump(..., include_attributes=True)
// captured by tools/capture_ast.py (tests/golden/ast/), plus the recursion limits and the constant reprs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mode } from "../../../tools/diff_modes/ast.js";
import { parse } from "../../../src/parser/parser.js";
import { FrontEndSyntaxError, formatSyntaxError } from "../../../src/parser/errors.js";
import { ParserStackOverflow } from "../../../src/parser/pegen.js";
import { reprConstant, PyComplex, PyBytes, makeStr } from "../../../src/ast/constant.js";

const dir = new URL("../../../../tests/golden/ast/", import.meta.url);
const expected = JSON.parse(readFileSync(new URL("expected.json", dir), "utf8")) as Record<string, { status: string; text: string }>;

for (const [name, want] of Object.entries(expected)) {
  test(`ast.dump: ${name}`, () => {
    const got = mode.typhon(name, new Uint8Array(readFileSync(new URL(name, dir))));
    assert.equal(got.status, want.status);
    assert.equal(got.text, want.text);
  });
}

test("deep nesting: 100,000 unary minus signs raise pegen's MemoryError, not a JS stack overflow", () => {
  assert.throws(() => parse("-".repeat(100000) + "1", "<s>", "exec"), ParserStackOverflow);
  assert.throws(() => parse("not ".repeat(10000) + "x", "<s>", "exec"), ParserStackOverflow);
});

// CPython 3.13's deepest accepted nesting (measured with python3.13, MemoryError one level deeper): unary minus 5968,
// not 5969, elif 5965, ternary 5969, x**x 2984, lambda 2984 (docs/parser.md "Deep nesting"). Prefix operators, elif
// and ternary chains are loops that reach pegen's MAXSTACK a few levels after CPython; power and lambda chains recurse
// in JS and parse about 3000 levels on Node's default stack, cold (pinned here with a margin).
test("deep nesting: CPython's depths parse, MAXSTACK near CPython's", () => {
  const ok = (src: string) => assert.equal(parse(src, "<s>", "exec").kind, "Module");
  const overflow = (src: string) => assert.throws(() => parse(src, "<s>", "exec"), ParserStackOverflow);
  ok("-".repeat(5968) + "1");
  ok("not ".repeat(5969) + "x");
  ok("if x: pass\n" + "elif x: pass\n".repeat(5965));
  ok("x if y else ".repeat(5969) + "x");
  ok("x" + "**x".repeat(2500));
  ok("lambda: ".repeat(2500) + "x");
  overflow("-".repeat(6000) + "1");
  overflow("not ".repeat(6000) + "x");
  overflow("if x: pass\n" + "elif x: pass\n".repeat(6000));
  overflow("x if y else ".repeat(6000) + "x");
});

test("200 nested parentheses parse; 201 hit the tokenizer's limit", () => {
  parse("(".repeat(200) + ")".repeat(200), "<s>", "exec");
  assert.throws(() => parse("(".repeat(201) + ")".repeat(201), "<s>", "exec"),
    (e: unknown) => e instanceof FrontEndSyntaxError && e.msg === "too many nested parentheses");
});

test("constant reprs match Python's repr()", () => {
  const cases: [Parameters<typeof reprConstant>[0], string][] = [
    [1e16, "1e+16"], [1e15, "1000000000000000.0"], [1e-5, "1e-05"], [1e-4, "0.0001"], [-0, "-0.0"],
    [Infinity, "inf"], [NaN, "nan"], [1.5, "1.5"], [new PyComplex(0, 2), "2j"], [new PyComplex(-0, 1), "(-0+1j)"],
    [new PyComplex(1, NaN), "(1+nanj)"], [new PyComplex(0, 1e16), "1e+16j"], [123n ** 5n, "28153056843"],
    ["it's", `"it's"`], ["a'b\"", `'a\\'b"'`], ["\x00\x7f\x85\u00a0\u2028", "'\\x00\\x7f\\x85\\xa0\\u2028'"],
    [new PyBytes(new Uint8Array([0, 39, 255])), `b"\\x00'\\xff"`], [makeStr([0xd800, 0xdc00]), "'\\ud800\\udc00'"],
    [null, "None"], [true, "True"],
  ];
  for (const [v, r] of cases) assert.equal(reprConstant(v), r);
});

// `python FILE` (Parser/tokenizer/file_tokenizer.c) checks each line for UTF-8 as it reads it when no encoding is
// declared; compile() of the same bytes decodes lazily (messages from python3.13 on these files).
test("file input: Non-UTF-8 lines without a declared encoding; compile() semantics otherwise", () => {
  const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const err = (src: Uint8Array, fileInput: boolean) => {
    try {
      parse(src, "/tmp/f.py", "exec", { fileInput });
    } catch (e) {
      if (e instanceof FrontEndSyntaxError) return [e.msg, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset];
      throw e;
    }
    return null;
  };
  const nonUtf8 = (line: number) => [`Non-UTF-8 code starting with '\\xe9' in file /tmp/f.py on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`, null, null, null, null, null];
  const decodeErr = (line: number) => ["(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data", "/tmp/f.py", line, 5, line, 6];
  assert.deepEqual(err(bytes("x = 1\ny = '\xe9'\n"), true), nonUtf8(2));
  assert.deepEqual(err(bytes("x = 1 # \xe9\n"), true), nonUtf8(1));
  assert.equal(err(bytes("x = 1 # \xe9\n"), false), null);
  assert.deepEqual(err(bytes("x = 1\ny = '\xe9'\n"), false), decodeErr(2));
  assert.deepEqual(err(bytes("# coding: utf-8\ny = '\xe9'\n"), true), decodeErr(2));
  assert.deepEqual(err(bytes("\xef\xbb\xbfy = '\xe9'\n"), true), decodeErr(1));
});

// traceback.TracebackException._format_syntax_error with the fields CPython leaves None (output of python3.13 for
// compile(b"# coding: nope\nx", "f", "exec") and compile("x\0", "f", "exec")).
test("formatSyntaxError: None fields", () => {
  const report = (src: string | Uint8Array) => {
    try {
      parse(src, "f", "exec");
    } catch (e) {
      if (e instanceof FrontEndSyntaxError) return formatSyntaxError(e);
      throw e;
    }
    return null;
  };
  assert.equal(report(new TextEncoder().encode("# coding: nope\nx")), '  File "f", line 0\nSyntaxError: unknown encoding: nope\n');
  assert.equal(report("x\0"), "SyntaxError: source code string cannot contain null bytes\n");
  const e = new FrontEndSyntaxError("SyntaxError", "m", "f.py", null, null, null, null, null);
  assert.equal(formatSyntaxError(e), "SyntaxError: m (f.py)\n");
});

// ast.parse(data, FILE) of a file on disk quotes error lines from the file (_PyErr_ProgramDecodedTextObject: BOM kept,
// no newline after a last line without one), which moves converted columns; compile() of "<string>" uses the buffer.
// Fields from python3.13 on these bytes under both names.
test("sourceIsFile: error lines as the file holds them", () => {
  const fields = (src: string, sourceIsFile: boolean) => {
    try {
      parse(Uint8Array.from(src, (c) => c.charCodeAt(0)), "f.py", "exec", { sourceIsFile });
    } catch (e) {
      if (e instanceof FrontEndSyntaxError) return [e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset];
      throw e;
    }
    return null;
  };
  assert.deepEqual(fields("x = 1 +", true), ["invalid syntax", 1, 8, 1, 8]);
  assert.deepEqual(fields("x = 1 +", false), ["invalid syntax", 1, 8, 1, 9]);
  assert.deepEqual(fields("\xef\xbb\xbfx = 1 $\n", true), ["invalid syntax", 1, 5, 1, 6]);
  assert.deepEqual(fields("\xef\xbb\xbfx = 1 $\n", false), ["invalid syntax", 1, 7, 1, 8]);
  const decode = "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data";
  assert.deepEqual(fields("\xef\xbb\xbfy = '\xe9'\n", true), [decode, 1, 3, 1, 6]);
  // err_programtext keeps the last 999-byte chunk of a long line; a continued line is quoted alone.
  const comma = "invalid syntax. Perhaps you forgot a comma?";
  assert.deepEqual(fields("x = [" + "1, ".repeat(400) + "2 3]\n", true), [comma, 1, 212, 1, 212]);
  assert.deepEqual(fields("x = [" + "1, ".repeat(400) + "2 3]\n", false), [comma, 1, 1206, 1, 1209]);
  const linecont = "unexpected character after line continuation character";
  assert.deepEqual(fields("if  x:\\\n    pass \\ \n", true), [linecont, 2, 13, 2, 0]);
  assert.deepEqual(fields("if  x:\\\n    pass \\ \n", false), [linecont, 2, 19, 2, 0]);
});
