// Compiler golden tests: Typhon's code-object dump, `dis` text (`dis -C -O` for some) and symbol-table dump of each
// tests/golden/compiler/*.py against CPython 3.13's, captured by tools/capture_compiler.py (no CPython needed here).
// Known differences are listed in KNOWN_FAILURES with their reason; a listed case that now passes fails the test
// (ratchet). See docs/compiler.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mode as codeMode } from "../../../tools/diff_modes/code.js";
import { mode as disMode } from "../../../tools/diff_modes/dis.js";
import { dumpSymtableSource } from "../../../src/debug/dump_symtable.js";
import { dumpDis } from "../../../src/debug/dump_dis.js";
import { FrontEndSyntaxError } from "../../../src/parser/errors.js";
import type { DumpOutcome } from "../../../tools/diff_modes/mode.js";

type ModeName = "code" | "dis" | "symtable" | "dis -C -O";
interface Outcome { readonly status: string; readonly text: string }

const dir = new URL("../../../../tests/golden/compiler/", import.meta.url);
const expected = JSON.parse(readFileSync(new URL("expected.json", dir), "utf8")) as Record<string, Record<ModeName, Outcome>>;

/** "<file>:<mode>" -> why Typhon differs from CPython there today. Remove an entry when the case passes. */
const KNOWN_FAILURES: Readonly<Record<string, string>> = {
};

function symtableOutcome(name: string, data: Uint8Array): DumpOutcome {
  try {
    return { status: "ok", text: dumpSymtableSource(name, data) };
  } catch (e) {
    if (e instanceof FrontEndSyntaxError) return { status: "error", text: `SyntaxError: ${e.msg} (${e.lineno}, ${e.offset})\n` };
    throw e;
  }
}

function typhonOutcome(m: ModeName, name: string, data: Uint8Array): DumpOutcome {
  switch (m) {
    case "code": return codeMode.typhon(name, data);
    case "dis": return disMode.typhon(name, data);
    case "symtable": return symtableOutcome(name, data);
    case "dis -C -O": return { status: "ok", text: dumpDis(name, data, { showCaches: true, showOffsets: true }) };
    default: {
      const never: never = m;
      throw new Error(`unknown mode ${String(never)}`);
    }
  }
}

/** The first differing line, for a readable failure message. */
function firstDifference(want: Outcome, got: Outcome): string {
  if (want.status !== got.status) return `status ${got.status}, expected ${want.status}: ${got.text.split("\n")[0]}`;
  const a = want.text.split("\n");
  const b = got.text.split("\n");
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `line ${i + 1}:\n  expected: ${a[i] ?? "<end>"}\n  got:      ${b[i] ?? "<end>"}`;
}

for (const [name, modes] of Object.entries(expected)) {
  const data = new Uint8Array(readFileSync(new URL(name, dir)));
  for (const m of Object.keys(modes) as ModeName[]) {
    const id = `${name}:${m}`;
    test(`compiler golden ${id}`, () => {
      const want = modes[m];
      let got: Outcome;
      try {
        got = typhonOutcome(m, name, data);
      } catch (e) {
        got = { status: "crash", text: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      }
      const same = got.status === want.status && got.text === want.text;
      const reason = KNOWN_FAILURES[id];
      if (reason !== undefined) {
        assert.ok(!same, `${id} now matches CPython: remove it from KNOWN_FAILURES (was: ${reason})`);
        return;
      }
      assert.ok(same, `${id} differs from CPython at ${firstDifference(want, got)}`);
    });
  }
}

test("compiler golden: every KNOWN_FAILURES entry names a captured case", () => {
  for (const id of Object.keys(KNOWN_FAILURES)) {
    const [name, m] = id.split(":") as [string, ModeName];
    assert.ok(expected[name]?.[m] !== undefined, `unknown case ${id}`);
  }
});
