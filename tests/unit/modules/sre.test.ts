// _sre against CPython 3.13: code words captured from re._compiler fed straight into Typhon's engine, compared with
// CPython's match/fullmatch/search registers, findall, finditer, split, subn and pos/endpos variants; the validator
// against CPython's verdicts on mutated code; the case helpers over all code points; deep and catastrophic patterns.
// Fixtures: tests/golden/sre/ (tools/capture_sre.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  _sre_compile, _sre_template, _sre_ascii_iscased, _sre_ascii_tolower, _sre_unicode_iscased, _sre_unicode_tolower,
  pattern_match, pattern_fullmatch, pattern_search, pattern_findall, pattern_split, pattern_subx, SreScanner,
  SreError, sre_chars_from_string, sre_string_slice, sre_set_interrupt_hook, type SreMatch, type SrePattern,
  type SRE_CHARS,
} from "../../../src/modules/_sre/sre.js";
import { SRE_MAGIC } from "../../../src/modules/_sre/sre_constants.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const GOLDEN = resolve(ROOT, "tests/golden/sre");

type Regs = number[] | null;
type Subject = [
  string | number[], Regs, Regs, Regs, unknown[], number[], (string | null)[], [string, number] | null,
  [string, number] | null, [Regs, Regs, Regs, unknown[], (string | null)[]]?,
];
type PatternRecord = [string, number, number, number[], number, Record<string, number>, (string | null)[],
  (string | number)[] | null, Subject[]];

const cases = JSON.parse(gunzipSync(readFileSync(resolve(GOLDEN, "cases.json.gz"))).toString("utf8")) as
  { magic: number; patterns: PatternRecord[] };

function chars(s: string | number[], isbytes: boolean): SRE_CHARS {
  if (Array.isArray(s)) return Int32Array.from(s);
  if (isbytes) return Uint8Array.from(s, (c) => c.charCodeAt(0));
  return sre_chars_from_string(s);
}

function regs(m: SreMatch | null): Regs {
  if (m === null) return null;
  return [...m.mark, m.lastindex];
}

/** Runs every operation of one subject record; returns the first difference, or null. */
function checkSubject(p: SrePattern, rec: PatternRecord, sub: Subject): string | null {
  const isbytes = rec[1] === 1;
  const s = chars(sub[0], isbytes);
  const slice = (i: number, j: number): string => sre_string_slice(s, i, j);
  const eq = (what: string, got: unknown, want: unknown): string | null => {
    try {
      assert.deepStrictEqual(got, want);
      return null;
    } catch {
      return `${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`;
    }
  };
  let d = eq("match", regs(pattern_match(p, s, isbytes)), sub[1])
    ?? eq("fullmatch", regs(pattern_fullmatch(p, s, isbytes)), sub[2])
    ?? eq("search", regs(pattern_search(p, s, isbytes)), sub[3])
    ?? eq("findall", pattern_findall(p, s, isbytes, 0, Number.MAX_SAFE_INTEGER, slice), sub[4]);
  if (d) return d;
  const spans: number[] = [];
  const scanner = new SreScanner(p, s, isbytes, 0, Number.MAX_SAFE_INTEGER);
  for (let m = scanner.search(); m !== null; m = scanner.search()) spans.push(m.mark[0]!, m.mark[1]!);
  d = eq("finditer", spans, sub[5]) ?? eq("split", pattern_split(p, s, isbytes, 0, slice, null), sub[6]);
  if (d) return d;
  const tlist = rec[7];
  if (tlist !== null) {
    const template = _sre_template<string>(tlist, (t) => t.length === 0);
    const r = pattern_subx(p, { kind: "template", template }, s, isbytes, 0, slice);
    d = eq("subn", [r.pieces.join(""), r.n], sub[7]);
    if (d) return d;
    if (sub[8] !== null) {
      const r1 = pattern_subx(p, { kind: "template", template }, s, isbytes, 1, slice);
      d = eq("subn count=1", [r1.pieces.join(""), r1.n], sub[8]);
      if (d) return d;
    }
  }
  const pe = sub[9];
  if (pe !== undefined) {
    const n = s.length;
    d = eq("search(s, 1, n-1)", regs(pattern_search(p, s, isbytes, 1, n - 1)), pe[0])
      ?? eq("match(s, 1)", regs(pattern_match(p, s, isbytes, 1)), pe[1])
      ?? eq("fullmatch(s, 0, n-1)", regs(pattern_fullmatch(p, s, isbytes, 0, n - 1)), pe[2])
      ?? eq("findall(s, 1, n-1)", pattern_findall(p, s, isbytes, 1, n - 1, slice), pe[3])
      ?? eq("split(s, 1)", pattern_split(p, s, isbytes, 1, slice, null), pe[4]);
  }
  return d;
}

test("fixtures were captured with the same _sre.MAGIC", () => {
  assert.equal(cases.magic, SRE_MAGIC);
});

test("every captured pattern and subject gives CPython's results", () => {
  const failures: string[] = [];
  let subjects = 0;
  for (const rec of cases.patterns) {
    const [pattern, isbytes, flags, code, groups] = rec;
    let p: SrePattern;
    try {
      p = _sre_compile(code, groups, flags, isbytes);
    } catch (e) {
      failures.push(`${JSON.stringify(pattern)}: compile: ${(e as Error).message}`);
      continue;
    }
    for (const sub of rec[8]) {
      subjects++;
      let d: string | null;
      try {
        d = checkSubject(p, rec, sub);
      } catch (e) {
        d = `threw ${(e as Error).stack}`;
      }
      if (d !== null) failures.push(`${JSON.stringify(pattern)} flags=${flags} on ${JSON.stringify(sub[0])}: ${d}`);
    }
  }
  assert.ok(cases.patterns.length > 2000 && subjects > 10000, "the fixture holds thousands of cases");
  assert.deepStrictEqual(failures.slice(0, 20), [], `${failures.length} of ${subjects} subjects differ`);
});

function mutate(code: number[], how: number, i: number, v: number): number[] {
  const c = code.slice();
  switch (how) {
    case 0: c[i] = v; break;
    case 1: c[i] = c[i]! + v; break;
    case 2: c.splice(i, 1); break;
    case 3: c.splice(i, 0, v); break;
    default: c.length = i; break;
  }
  return c;
}

const validate = JSON.parse(readFileSync(resolve(GOLDEN, "validate.json"), "utf8")) as
  { codes: [number, [number, number, number, number, boolean | string][]][]; helpers: Record<string, string[]> };

test("the validator accepts and rejects mutated code as CPython's does", () => {
  const failures: string[] = [];
  let n = 0;
  for (const [ri, rows] of validate.codes) {
    const code = cases.patterns[ri]![3];
    for (const [how, i, v, groups, want] of rows) {
      n++;
      const c = mutate(code, how, i, v);
      let got: boolean | string;
      try {
        _sre_compile(c, groups, 0, -1);
        got = true;
      } catch (e) {
        if (!(e instanceof SreError)) throw e;
        got = e.kind === "RuntimeError" ? false : e.kind;
      }
      if (got !== want) failures.push(`pattern #${ri} ${JSON.stringify(cases.patterns[ri]![0])} mutation ` +
        `${JSON.stringify([how, i, v])} groups=${groups}: got ${got}, want ${want}`);
    }
  }
  assert.ok(n > 1500);
  assert.deepStrictEqual(failures.slice(0, 20), [], `${failures.length} of ${n} differ`);
});

test("unicode_tolower, unicode_iscased, ascii_tolower, ascii_iscased over every code point", () => {
  const fns: Record<string, (c: number) => number> = {
    unicode_tolower: _sre_unicode_tolower,
    unicode_iscased: (c) => (_sre_unicode_iscased(c) ? 1 : 0),
    ascii_tolower: _sre_ascii_tolower,
    ascii_iscased: (c) => (_sre_ascii_iscased(c) ? 1 : 0),
  };
  const bad: string[] = [];
  for (const [name, f] of Object.entries(fns)) {
    const blocks = validate.helpers[name]!;
    for (let b = 0; b < blocks.length; b++) {
      const vals = new Uint32Array(0x10000);
      for (let i = 0; i < 0x10000; i++) vals[i] = f(b * 0x10000 + i);
      const h = createHash("sha1").update(new Uint8Array(vals.buffer)).digest("hex").slice(0, 16);
      if (h !== blocks[b]) bad.push(`${name} U+${(b * 0x10000).toString(16).toUpperCase()}..`);
    }
  }
  assert.deepStrictEqual(bad, []);
});

function findPattern(pattern: string, flags = 0): SrePattern {
  const rec = cases.patterns.find((r) => r[0] === pattern && r[1] === 0 && (r[2] & ~32) === flags);
  assert.ok(rec, `pattern ${pattern} is in the fixture`);
  return _sre_compile(rec[3], rec[4], rec[2], 0);
}

test("deep backtracking state lives on the engine's own stacks, not the JS stack", () => {
  const n = 1_000_000;
  const p = findPattern("(a|b)*c");
  const s = new Uint8Array(n + 1);
  for (let i = 0; i < n; i++) s[i] = i % 3 === 0 ? 0x62 : 0x61;
  s[n] = 0x63;
  const m = pattern_match(p, s, false);
  assert.ok(m);
  assert.deepStrictEqual([...m.mark], [0, n + 1, n - 1, n]);
  // and a failing one that must unwind all of it
  const t = s.subarray(0, n);
  assert.equal(pattern_match(p, t, false), null);
  const lazy = findPattern("(a|b)*?c");
  assert.deepStrictEqual([...pattern_match(lazy, s, false)!.mark], [0, n + 1, n - 1, n]);
});

test("catastrophic backtracking calls the interrupt hook, which may abort the match", () => {
  const p = findPattern("(a+)+b");
  const s = new Uint8Array(40).fill(0x61);
  let calls = 0;
  sre_set_interrupt_hook(() => {
    if (++calls === 50) throw new Error("interrupted");
  });
  try {
    assert.throws(() => pattern_search(p, s, false), /interrupted/);
  } finally {
    sre_set_interrupt_hook(null);
  }
  assert.equal(calls, 50);
  // the engine is usable afterwards
  const ok = new Uint8Array([0x61, 0x61, 0x62]);
  assert.deepStrictEqual([...pattern_search(p, ok, false)!.mark], [0, 3, 0, 2]);
});

test("scanner and str/bytes kind errors use CPython's messages", () => {
  const p = findPattern("a(b|c)*d");
  assert.throws(() => pattern_search(p, new Uint8Array(0), true),
    { name: "Error", message: "cannot use a string pattern on a bytes-like object" });
  const bp = _sre_compile(p.code, p.groups, 0, 1);
  assert.throws(() => pattern_search(bp, sre_chars_from_string("abd"), false),
    { message: "cannot use a bytes pattern on a string-like object" });
  assert.throws(() => _sre_compile([1, 2, 3], 0, 0, 0), { message: "invalid SRE code" });
  assert.throws(() => _sre_compile([2 ** 32], 0, 0, 0), { message: "regular expression code size limit exceeded" });
  assert.throws(() => _sre_template(["a", -1, "b"], (t: string) => t === ""), { message: "invalid template" });
  assert.throws(() => _sre_template(["a", 1], (t: string) => t === ""), { message: "invalid template" });
  const sc = new SreScanner(p, sre_chars_from_string("abdxacd"), false, 0, 100);
  assert.deepStrictEqual([...sc.match()!.mark], [0, 3, 1, 2]);
  assert.equal(sc.match(), null);
  assert.equal(sc.search(), null); // a failed step ends the scanner
});

test("astral characters and lone surrogates are single code points", () => {
  const s = sre_chars_from_string("a\u{1F600}\ud800b");
  assert.ok(s instanceof Int32Array);
  assert.deepStrictEqual([...s], [0x61, 0x1f600, 0xd800, 0x62]);
  assert.equal(sre_string_slice(s, 1, 3), "\u{1F600}\ud800");
  assert.ok(sre_chars_from_string("abc") instanceof Int32Array);
  assert.deepStrictEqual([...sre_chars_from_string("a\ud800\udc00\udc00")], [0x61, 0x10000, 0xdc00]);
});

test("fuzz: mutated code that passes the validator never crashes or hangs the matcher", () => {
  // Deterministic LCG; mutations as in tools/capture_sre.py's validator cases, many more of them.
  let seed = 12345;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const subjects = ["", "abc", "aaaa", "ab\ncd", "xyzzy", "\u00e9\u017f\u{1F600}", "a1_ b2"].map(sre_chars_from_string);
  let ran = 0;
  let steps = 0;
  sre_set_interrupt_hook(() => {
    if (++steps > 200) throw new Error("budget");
  });
  try {
    for (let k = 0; k < 4000; k++) {
      const rec = cases.patterns[rnd(cases.patterns.length)]!;
      if (rec[1] !== 0) continue;
      let code = rec[3];
      for (let t = 1 + rnd(3); t > 0 && code.length > 0; t--) code = mutate(code, rnd(5), rnd(code.length), rnd(45));
      let p: SrePattern;
      try {
        p = _sre_compile(code, rec[4] + rnd(2), rec[2], 0);
      } catch (e) {
        assert.ok(e instanceof SreError, String(e));
        continue;
      }
      ran++;
      for (const s of subjects) {
        steps = 0;
        try {
          pattern_search(p, s, false);
          pattern_match(p, s, false);
          pattern_findall(p, s, false, 0, 100, (i, j) => j - i);
          pattern_split(p, s, false, 0, (i, j) => j - i, -1);
        } catch (e) {
          // an engine error (RuntimeError for an illegal state) or the budget; never a JS TypeError/RangeError
          if (!(e instanceof SreError) && (e as Error).message !== "budget") throw e;
        }
      }
    }
  } finally {
    sre_set_interrupt_hook(null);
  }
  assert.ok(ran > 200, `${ran} mutated programs passed the validator and ran`);
});

test("findall and split stay linear on large subjects (work counted by the interrupt hook, not timed)", () => {
  const word = findPattern("\\w+");
  const empty = findPattern("x*");
  const work = (n: number): number[] => {
    const js = "lorem ipsum dolor sit amet, ".repeat(n / 28 + 1).slice(0, n);
    const text = sre_chars_from_string(js);
    let calls = 0;
    sre_set_interrupt_hook(() => { calls++; });
    try {
      const words = pattern_findall(word, text, false, 0, n, (i, j) => j - i);
      assert.equal(words.length, js.match(/\w+/g)!.length);
      const c1 = calls;
      const pieces = pattern_split(empty, text, false, 0, (i, j) => j - i, -1);
      assert.equal(pieces.length, n + 2);
      return [c1, calls - c1];
    } finally {
      sre_set_interrupt_hook(null);
    }
  };
  const small = work(1 << 18);
  const large = work(1 << 20);
  for (let k = 0; k < 2; k++) {
    assert.ok(small[k]! > 0 && large[k]! <= 4.5 * small[k]!, `4x the text, ${large[k]! / small[k]!}x the work`);
  }
});

test("long str subjects convert to the same code points on every path (ASCII, UTF-8 route, surrogates)", () => {
  const reference = (s: string): number[] => {
    const out: number[] = [];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const d = s.charCodeAt(i + 1);
      if (c >= 0xd800 && c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
        out.push(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
        i++;
      } else {
        out.push(c);
      }
    }
    return out;
  };
  const pieces = ["plain ascii text ", "caf\u00e9 na\u00efve ", "\u03c3\u03af\u03c3\u03c5\u03c6\u03bf\u03c2 ",
    "\u4e2d\u6587 ", "\u{1F600}\u{10FFFF} ", "\uffff\u0800\u07ff\u0080 "];
  for (const p of pieces) {
    const s = p.repeat(20);
    assert.deepStrictEqual([...sre_chars_from_string(s)], reference(s), JSON.stringify(p));
  }
  const lone = "x".repeat(100) + "\ud800" + "y".repeat(10) + "\udc00\ud83d\ude00";
  assert.deepStrictEqual([...sre_chars_from_string(lone)], reference(lone));
  assert.equal(sre_string_slice(sre_chars_from_string(lone), 0, 200), lone);
});

test("hand-built code nested deeper than the JS stack is rejected, never a crash", () => {
  // ATOMIC_GROUP <skip> ... SUCCESS, nested 200000 deep around a LITERAL: valid in shape, too deep to validate here
  const depth = 200_000;
  const code: number[] = [];
  for (let i = 0; i < depth; i++) code.push(27 /* ATOMIC_GROUP */, 0);
  code.push(16 /* LITERAL */, 0x61);
  for (let i = depth - 1; i >= 0; i--) {
    code.push(1 /* SUCCESS */);
    code[2 * i + 1] = code.length - (2 * i + 1);
  }
  code.push(1 /* SUCCESS */);
  assert.throws(() => _sre_compile(code, 0, 0, 0), { message: "invalid SRE code" });
  // ... while a shallow one of the same shape is valid and runs
  const shallow = [27, 4, 16, 0x61, 1, 1];
  assert.deepStrictEqual([...pattern_match(_sre_compile(shallow, 0, 0, 0), sre_chars_from_string("ab"), false)!.mark],
    [0, 1]);
});
