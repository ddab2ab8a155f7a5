// Unit tests of ast_opt.ts (Python/ast_opt.c), const_ops.ts and ast_unparse.ts (Python/ast_unparse.c), on
// expressions parsed by Typhon's parser. Expected values are CPython 3.13.0's.
import { test } from "node:test";
import assert from "node:assert/strict";
import type * as A from "../../../src/ast/nodes.js";
import { parse } from "../../../src/parser/parser.js";
import { _PyAST_Optimize } from "../../../src/compiler/ast_opt.js";
import { _PyAST_ExprAsUnicode } from "../../../src/compiler/ast_unparse.js";
import { reprConst, type ConstValue } from "../../../src/compiler/consts.js";
import { ratioToFloat, floatPow } from "../../../src/compiler/const_ops.js";

function folded(src: string, optimize = 0): A.expr {
  const m = _PyAST_Optimize(parse(src, "<t>", "eval"), optimize, 0) as A.Expression;
  return m.body;
}

function foldedRepr(src: string, optimize = 0): string {
  const e = folded(src, optimize);
  return e.kind === "Constant" ? reprConst(e.value as ConstValue) : `<${e.kind}>`;
}

test("ast_opt folds constants like CPython (values from compile(..., PyCF_OPTIMIZED_AST))", () => {
  const cases: [string, string][] = [
    ["2**10", "1024"], ["2**200", "<BinOp>"], ["1 << 128", "<BinOp>"], ["1 << 127", "170141183460469231731687303715884105728"],
    ["'ab' * 3", "'ababab'"], ["'ab' * 2049", "<BinOp>"], ["(1,) * 257", "<BinOp>"], ["(1, 2) * 3", "(1, 2, 1, 2, 1, 2)"],
    ["-1", "-1"], ["~5", "-6"], ["not 0", "True"], ["+True", "1"], ["-7 % 3", "2"], ["7 // -2", "-4"],
    ["1 / 0", "<BinOp>"], ["1 / 2", "0.5"], ["-7.5 % 2", "0.5"], ["7.5 // -2", "-4.0"], ["10 ** -5", "1e-05"],
    ["10 ** -20", "1e-20"], ["7 ** -2", "0.02040816326530612"], ["2.0 ** 0.5", "1.4142135623730951"],
    ["(-8) ** 0.5", "(1.7319121124709868e-16+2.8284271247461903j)"], ["'abc'[1]", "'b'"], ["b'abc'[0]", "97"], ["(1, 2)[-1]", "2"], ["'abc'[5]", "<Subscript>"],
    ["'%s' % 'x'", "<BinOp>"], ["1 + 2j", "(1+2j)"], ["(1 + 2j) * (3 - 1j)", "(5+5j)"], ["1j ** 2", "(-1+0j)"],
    ["True & False", "False"], ["True + True", "2"], ["(1, (2, 3))", "(1, (2, 3))"], ["__debug__", "True"],
    ["10**30 / 3", "3.333333333333333e+29"], ["b'a' + b'b'", "b'ab'"],
  ];
  for (const [src, want] of cases) assert.equal(foldedRepr(src), want, src);
  assert.equal(foldedRepr("__debug__", 1), "False");
});

test("ast_opt: `not` folds into is/in comparisons only", () => {
  const e = folded("not (a is b)");
  assert.equal(e.kind, "Compare");
  assert.equal((e as A.Compare).ops[0]!.kind, "IsNot");
  assert.equal((folded("not (a in b)") as A.Compare).ops[0]!.kind, "NotIn");
  assert.equal(folded("not (a == b)").kind, "UnaryOp");
  assert.equal(folded("not (a < b < c)").kind, "UnaryOp");
});

test("ast_opt: fold_iter makes tuples and frozensets of `in` and `for` iterables", () => {
  assert.equal(reprConst(((folded("x in [1, 2, 3]") as A.Compare).comparators[0] as A.Constant).value as ConstValue), "(1, 2, 3)");
  assert.equal((folded("x in [a, b]") as A.Compare).comparators[0]!.kind, "Tuple");
  assert.equal((folded("x in [*a]") as A.Compare).comparators[0]!.kind, "List");
  const s = (folded("x in {1, 1.0, True, 2}") as A.Compare).comparators[0] as A.Constant;
  assert.equal(reprConst(s.value as ConstValue), "frozenset({1, 2})");
  const g = folded("[y for y in [1, 2]]") as A.ListComp;
  assert.equal(g.generators[0]!.iter.kind, "Constant");
});

test("ast_opt: %-formatting with %s/%r/%a and a literal tuple becomes an f-string", () => {
  const j = folded("'a%sb%-5r%%c%.3a' % (x, y, z)") as A.JoinedStr;
  assert.equal(j.kind, "JoinedStr");
  const parts = j.values.map((v) => v.kind === "Constant" ? `C${reprConst(v.value as ConstValue)}` :
    `F${(v as A.FormattedValue).conversion}:${(v as A.FormattedValue).format_spec === null ? "" : reprConst(((v as A.FormattedValue).format_spec as A.Constant).value as ConstValue)}`);
  assert.deepEqual(parts, ["C'a'", "F115:", "C'b'", "F114:'5'", "C'%c'", "F97:'.3'"]);
  assert.equal(folded("'%d' % (x,)").kind, "BinOp");
  assert.equal(folded("'%s %s' % (x,)").kind, "BinOp");
  assert.equal(folded("'%s' % (*a,)").kind, "BinOp");
});

test("const_ops: correctly rounded int division and float powers", () => {
  assert.equal(ratioToFloat(10n ** 30n, 3n), 3.333333333333333e+29);
  assert.equal(ratioToFloat(1n, 3n), 1 / 3);
  assert.equal(ratioToFloat(2n ** 1100n, 1n), undefined);
  assert.equal(ratioToFloat(1n, 2n ** 1080n), 2 ** -1080);
  assert.equal(floatPow(10, -4), 0.0001);
  assert.equal(floatPow(1, NaN), 1);
  assert.equal(floatPow(-1, Infinity), 1);
  assert.equal(floatPow(0, -1), undefined);
});

// [annotation source, the string CPython 3.13 stores under `from __future__ import annotations`]
const UNPARSE: readonly [string, string][] = [
  ["a", "a"],
  ["a.b[c, d:e:f]", "a.b[c, d:e:f]"],
  ["lambda: 0", "lambda: 0"],
  ["lambda x, /, y=1, *a, z, **k: x", "lambda x, /, y=1, *a, z, **k: x"],
  ["lambda *a: 0", "lambda*a: 0"],
  ["1 .real", "1 .real"],
  ["1.5 .real", "1.5.real"],
  ["(a, b)", "(a, b)"],
  ["(a,)", "(a,)"],
  ["()", "()"],
  ["[*a, b]", "[*a, b]"],
  ["{**a, 'b': 1}", "{**a, 'b': 1}"],
  ["{1, 2}", "{1, 2}"],
  ["{*()}", "{*()}"],
  ["a if b else c", "a if b else c"],
  ["(a if b else c).d", "(a if b else c).d"],
  ["not a and (b or c)", "not a and (b or c)"],
  ["-a ** -b", "-a ** (-b)"],
  ["(-a) ** b", "(-a) ** b"],
  ["a ** b ** c", "a ** b ** c"],
  ["(a ** b) ** c", "(a ** b) ** c"],
  ["a - (b - c)", "a - (b - c)"],
  ["(a - b) - c", "a - b - c"],
  ["a < b < c", "a < b < c"],
  ["a is not b", "a is not b"],
  ["a not in b", "a not in b"],
  ["f(a, *b, c=1, **d)", "f(a, *b, c=1, **d)"],
  ["f(x for x in y)", "f(x for x in y)"],
  ["f((x for x in y), 1)", "f((x for x in y), 1)"],
  ["[x for x in y if z async for w in v]", "[x for x in y if z async for w in v]"],
  ["{k: v for k, v in d}", "{k: v for k, v in d}"],
  ["f'{a!r:>{w}} {{b}} {c=}'", "f'{a!r:>{w}} {{b}} c={c!r}'"],
  ["f'{ {1: 2}[a] }'", "f'{ {1: 2}[a]}'"],
  ["1e309", "1e309"],
  ["-1e309", "-1e309"],
  ["1e309j", "1e309j"],
  ["(1+2j)", "1 + 2j"],
  ["b'x'", "b'x'"],
  ["'\\n'", "'\\n'"],
  ["u'u'", "u'u'"],
  ["...", "..."],
  ["a[()]", "a[()]"],
  ["a[(1,)]", "a[1,]"],
  ["a[1:2, ::3]", "a[1:2, ::3]"],
  ["~a | b & c ^ d << e >> f", "~a | b & c ^ d << e >> f"],
  ["a @ b // c % d / e", "a @ b // c % d / e"],
  ["a[*b]", "a[*b,]"],
  ["list[int] | None", "list[int] | None"],
  ["'X'", "'X'"],
  ["None", "None"],
  ["True", "True"],
  ["-(1)", "-1"],
  ["+a", "+a"],
  ["not not a", "not not a"],
];

test("ast_unparse: annotations as CPython's _PyAST_ExprAsUnicode writes them", () => {
  for (const [src, want] of UNPARSE) {
    const m = parse(src, "<u>", "eval") as A.Expression;
    assert.equal(_PyAST_ExprAsUnicode(m.body), want, src);
  }
});
