// The _ast module's class table (src/modules/_ast/asdl.ts, from tools/gen_ast_module.py) against the AST
// declarations (src/ast/nodes.ts, from tools/gen_ast.py): both come from CPython 3.13's `_ast` and must agree, since
// ast2obj/obj2ast walk a node's fields by the one table and read them by the other's property names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ASDL_CLASSES } from "../../../src/modules/_ast/asdl.js";
import { NODE_INFO, type ASTKind } from "../../../src/ast/nodes.js";

test("_ast table: every concrete class is a node kind with the same fields and shapes", () => {
  const concrete = ASDL_CLASSES.filter((c) => !c.abstract);
  assert.deepEqual(concrete.map((c) => c.name).sort(), Object.keys(NODE_INFO).sort());
  for (const c of concrete) {
    const info = NODE_INFO[c.name as ASTKind];
    assert.deepEqual(c.fields.map((f) => f[0]), info.fields, c.name);
    const shapes = c.fields.map((f) => (f[2] === "*" ? "seq" : f[2] === "?" ? "opt" : ""));
    assert.deepEqual(shapes, info.shapes, c.name);
    assert.equal(info.sum === null, c.base === "AST", c.name);
  }
});

test("_ast table: sums carry CPython's location attributes; bases precede their subclasses", () => {
  const seen = new Set(["AST"]);
  for (const c of ASDL_CLASSES) {
    assert.ok(seen.has(c.base), `${c.name} before its base ${c.base}`);
    seen.add(c.name);
  }
  const attrs = (n: string) => ASDL_CLASSES.find((c) => c.name === n)!.attributes;
  assert.deepEqual(attrs("expr"), [["lineno", "int", ""], ["col_offset", "int", ""], ["end_lineno", "int", "?"], ["end_col_offset", "int", "?"]]);
  assert.deepEqual(attrs("pattern"), [["lineno", "int", ""], ["col_offset", "int", ""], ["end_lineno", "int", ""], ["end_col_offset", "int", ""]]);
  assert.deepEqual(attrs("mod"), []);
  assert.equal(attrs("Name"), null);
  assert.equal(ASDL_CLASSES.find((c) => c.name === "Name")!.doc, "Name(identifier id, expr_context ctx)");
});
