// Type comments (PyCF_TYPE_COMMENTS, ast.parse(type_comments=True)): parse(..., { typeComments: true }) against
// CPython 3.13's dumps captured by tools/capture_type_comments.py (tests/golden/type_comments/), with and without
// the option (without it, `# type:` comments are plain comments).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parse, type ParseMode } from "../../../src/parser/parser.js";
import { FrontEndSyntaxError, pyField } from "../../../src/parser/errors.js";
import { dumpNode } from "../../../src/debug/dump_ast.js";

interface Case {
  readonly src: string;
  readonly mode: ParseMode;
  readonly type_comments: string;
  readonly plain: string;
}

const file = new URL("../../../../tests/golden/type_comments/cases.json", import.meta.url);
const cases = JSON.parse(readFileSync(file, "utf8")) as Case[];

function dump(c: Case, typeComments: boolean): string {
  try {
    return dumpNode(parse(c.src, "<s>", c.mode, { typeComments }), true);
  } catch (e) {
    if (!(e instanceof FrontEndSyntaxError)) throw e;
    return `${e.kind}: ${e.msg} (${[e.lineno, e.offset, e.end_lineno, e.end_offset].map(pyField).join(", ")})`;
  }
}

test("type comments: the golden cases are there", () => {
  assert.ok(cases.length >= 20);
});

for (const c of cases) {
  test(`type comments: ${JSON.stringify(c.src).slice(0, 60)}`, () => {
    assert.equal(dump(c, true), c.type_comments);
    assert.equal(dump(c, false), c.plain);
  });
}
