// tools/lower_destructuring.ts: the bundle's rewrite of array destructuring of ARRAY_FUNCTIONS' results into indexed
// loads gives the same bindings as destructuring, and leaves everything else as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { lowerArrayDestructuring } from "../../../tools/lower_destructuring.js";

test("destructured results of the array functions become indexed loads", () => {
  const src = [
    'function f(args, kw) {',
    '  const [a, , c] = parseArgs("f", args, kw, ["a", "b", "c"], 1, 3);',
    '  let [x, y] = unpackArgs(`g${")"}`, args.map((v) => (v)), 0, 2);',
    '  const [p, q] = other(args);',
    '  const [r = 1] = unpackArgs("h", args, 0, 1);',
    '  return [a, c, x, y, p, q, r];',
    '}',
    'function other(v) { return [v.length, "q"]; }',
    'function parseArgs(n, args, kw, names) { return names.map((_, i) => args[i]); }',
    'function unpackArgs(n, args, lo, hi) { const o = new Array(hi); for (let i = 0; i < hi; i++) o[i] = args[i]; return o; }',
    'return f;',
  ].join("\n");
  const { text, count } = lowerArrayDestructuring(src);
  assert.equal(count, 2);
  assert.match(text, /const __ds0 = parseArgs\("f", args, kw, \["a", "b", "c"\], 1, 3\), a = __ds0\[0\], c = __ds0\[2\];/);
  assert.match(text, /let __ds1 = unpackArgs\(`g\$\{"\)"\}`, args\.map\(\(v\) => \(v\)\), 0, 2\), x = __ds1\[0\], y = __ds1\[1\];/);
  assert.match(text, /const \[p, q\] = other\(args\);/); // not an array function
  assert.match(text, /const \[r = 1\] = unpackArgs/); // a default: left alone
  const before = new Function(src)() as (a: unknown[], k: unknown) => unknown[];
  const after = new Function(text)() as (a: unknown[], k: unknown) => unknown[];
  for (const args of [[], [1], [1, 2, 3]]) assert.deepEqual(after(args, null), before(args, null));
});

test("a call it cannot close is left alone", () => {
  const src = 'const [a] = unpackArgs("x", (args';
  assert.deepEqual(lowerArrayDestructuring(src), { text: src, count: 0 });
});
