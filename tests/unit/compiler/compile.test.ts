// End-to-end cases of the compiler (Typhon's parser, ast_opt, symtable, codegen, flowgraph, assembler): the innermost
// function's instructions (as dis lists them, caches omitted) and co_consts, as CPython 3.13 compiles them. The
// cases re-express Lib/test/test_peepholer.py and test_compiler_codegen.py checks plus each construct of issue #3.
import { test } from "node:test";
import assert from "node:assert/strict";
import { compile } from "../../../src/compiler/compile.js";
import { CodeRecord } from "../../../src/compiler/code.js";
import { reprConst } from "../../../src/compiler/consts.js";
import { CompilerRecursionError } from "../../../src/compiler/errors.js";
import { opname, EXTENDED_ARG } from "../../../src/opcode/opcode_metadata.js";

interface Case { readonly src: string; readonly instrs: readonly string[]; readonly consts: readonly string[] }

// Expected values from CPython 3.13.0: dis.get_instructions(f) as "OPNAME arg", and repr() of f.__code__.co_consts.
const CASES: Readonly<Record<string, Case>> = {
  "not_is": {
    src: "def f(x): return not (x is None)",
    instrs: ["RESUME 0", "LOAD_FAST 0", "LOAD_CONST 0", "IS_OP 1", "RETURN_VALUE"],
    consts: ["None"],
  },
  "swap": {
    src: "def f(a, b):\n    a, b = b, a\n    return a",
    instrs: ["RESUME 0", "LOAD_FAST_LOAD_FAST 16", "STORE_FAST_STORE_FAST 16", "LOAD_FAST 0", "RETURN_VALUE"],
    consts: ["None"],
  },
  "in_list": {
    src: "def f(x): return x in [1, 2, 3]",
    instrs: ["RESUME 0", "LOAD_FAST 0", "LOAD_CONST 1", "CONTAINS_OP 0", "RETURN_VALUE"],
    consts: ["None", "(1, 2, 3)"],
  },
  "in_set": {
    src: "def f(x): return x in {1, 2}",
    instrs: ["RESUME 0", "LOAD_FAST 0", "LOAD_CONST 1", "CONTAINS_OP 0", "RETURN_VALUE"],
    consts: ["None", "frozenset({1, 2})"],
  },
  "nested_tuple": {
    src: "def f(): return (1, 2, (3, 4))",
    instrs: ["RESUME 0", "RETURN_CONST 1"],
    consts: ["None", "(1, 2, (3, 4))"],
  },
  "binops": {
    src: "def f(): return 2**10, 2**200, 'ab'*3, -1, ~5, 1<<3, 7//2, -7%3, 1/2, 'abc'[1]",
    instrs: ["RESUME 0", "LOAD_CONST 1", "LOAD_CONST 2", "LOAD_CONST 3", "BINARY_OP 8", "LOAD_CONST 4", "LOAD_CONST 5", "LOAD_CONST 6", "LOAD_CONST 7", "LOAD_CONST 8", "LOAD_CONST 2", "LOAD_CONST 9", "LOAD_CONST 10", "BUILD_TUPLE 10", "RETURN_VALUE"],
    consts: ["None", "1024", "2", "200", "'ababab'", "-1", "-6", "8", "3", "0.5", "'b'"],
  },
  "percent_format": {
    src: "def f(x): return '%s-%r!' % (x, x)",
    instrs: ["RESUME 0", "LOAD_FAST 0", "CONVERT_VALUE 1", "FORMAT_SIMPLE", "LOAD_CONST 1", "LOAD_FAST 0", "CONVERT_VALUE 2", "FORMAT_SIMPLE", "LOAD_CONST 2", "BUILD_STRING 4", "RETURN_VALUE"],
    consts: ["None", "'-'", "'!'"],
  },
  "unot": {
    src: "def f(x):\n    if not x:\n        return 1\n    return 2",
    instrs: ["RESUME 0", "LOAD_FAST 0", "TO_BOOL", "POP_JUMP_IF_TRUE 1", "RETURN_CONST 1", "RETURN_CONST 2"],
    consts: ["None", "1", "2"],
  },
  "while_one": {
    src: "def f():\n    while 1:\n        g()",
    instrs: ["RESUME 0", "NOP", "LOAD_GLOBAL 1", "CALL 0", "POP_TOP", "JUMP_BACKWARD 12"],
    consts: ["None"],
  },
  "uninitialized": {
    src: "def f(c):\n    if c:\n        y = 1\n    return y",
    instrs: ["RESUME 0", "LOAD_FAST 0", "TO_BOOL", "POP_JUMP_IF_FALSE 2", "LOAD_CONST 1", "STORE_FAST 1", "LOAD_FAST_CHECK 1", "RETURN_VALUE"],
    consts: ["None", "1"],
  },
  "list_set_displays": {
    src: "def f():\n    x = [1, 2, 3]\n    s = {1, 2, 1.0}\n    return x, s",
    instrs: ["RESUME 0", "BUILD_LIST 0", "LOAD_CONST 1", "LIST_EXTEND 1", "STORE_FAST 0", "BUILD_SET 0", "LOAD_CONST 2", "SET_UPDATE 1", "STORE_FAST 1", "LOAD_FAST_LOAD_FAST 1", "BUILD_TUPLE 2", "RETURN_VALUE"],
    consts: ["None", "(1, 2, 3)", "frozenset({1, 2})"],
  },
  "listcomp": {
    src: "def f(x): return [y * 2 for y in x if y]",
    instrs: ["RESUME 0", "LOAD_FAST 0", "GET_ITER", "LOAD_FAST_AND_CLEAR 1", "SWAP 2", "BUILD_LIST 0", "SWAP 2", "FOR_ITER 16", "STORE_FAST_LOAD_FAST 17", "TO_BOOL", "POP_JUMP_IF_TRUE 2", "JUMP_BACKWARD 11", "LOAD_FAST 1", "LOAD_CONST 1", "BINARY_OP 5", "LIST_APPEND 2", "JUMP_BACKWARD 18", "END_FOR", "POP_TOP", "SWAP 2", "STORE_FAST 1", "RETURN_VALUE", "SWAP 2", "POP_TOP", "SWAP 2", "STORE_FAST 1", "RERAISE 0"],
    consts: ["None", "2"],
  },
  "match": {
    src: "def f(x):\n    match x:\n        case [1, *r]:\n            return r\n        case {'k': v, **rest}:\n            return v\n        case C(a=1) | D():\n            return 0\n        case _:\n            return -1",
    instrs: ["RESUME 0", "LOAD_FAST 0", "COPY 1", "MATCH_SEQUENCE", "POP_JUMP_IF_FALSE 16", "GET_LEN", "LOAD_CONST 1", "COMPARE_OP 172", "POP_JUMP_IF_FALSE 10", "UNPACK_EX 1", "LOAD_CONST 1", "COMPARE_OP 88", "POP_JUMP_IF_FALSE 4", "STORE_FAST 1", "POP_TOP", "LOAD_FAST 1", "RETURN_VALUE", "POP_TOP", "COPY 1", "MATCH_MAPPING", "POP_JUMP_IF_FALSE 29", "GET_LEN", "LOAD_CONST 1", "COMPARE_OP 172", "POP_JUMP_IF_FALSE 23", "LOAD_CONST 6", "MATCH_KEYS", "COPY 1", "POP_JUMP_IF_NONE 16", "UNPACK_SEQUENCE 1", "SWAP 3", "SWAP 2", "BUILD_MAP 0", "SWAP 3", "DICT_UPDATE 2", "UNPACK_SEQUENCE 1", "COPY 2", "SWAP 2", "DELETE_SUBSCR", "STORE_FAST_STORE_FAST 50", "POP_TOP", "LOAD_FAST 2", "RETURN_VALUE", "POP_TOP", "POP_TOP", "POP_TOP", "COPY 1", "LOAD_GLOBAL 0", "LOAD_CONST 2", "MATCH_CLASS 0", "COPY 1", "POP_JUMP_IF_NONE 9", "UNPACK_SEQUENCE 1", "LOAD_CONST 1", "COMPARE_OP 88", "POP_JUMP_IF_FALSE 3", "POP_TOP", "RETURN_CONST 4", "POP_TOP", "COPY 1", "LOAD_GLOBAL 2", "LOAD_CONST 3", "MATCH_CLASS 0", "COPY 1", "POP_JUMP_IF_NONE 4", "UNPACK_SEQUENCE 0", "POP_TOP", "RETURN_CONST 4", "POP_TOP", "POP_TOP", "NOP", "RETURN_CONST 5"],
    consts: ["None", "1", "('a',)", "()", "0", "-1", "('k',)"],
  },
  "try_star": {
    src: "def f():\n    try:\n        g()\n    except* ValueError as e:\n        h(e)",
    instrs: ["RESUME 0", "NOP", "LOAD_GLOBAL 1", "CALL 0", "POP_TOP", "RETURN_CONST 0", "PUSH_EXC_INFO", "BUILD_LIST 0", "COPY 2", "LOAD_GLOBAL 2", "CHECK_EG_MATCH", "COPY 1", "POP_JUMP_IF_NONE 24", "STORE_FAST 0", "LOAD_GLOBAL 5", "LOAD_FAST 0", "CALL 1", "POP_TOP", "LOAD_CONST 0", "STORE_FAST 0", "DELETE_FAST 0", "LIST_APPEND 1", "JUMP_FORWARD 9", "LOAD_CONST 0", "STORE_FAST 0", "DELETE_FAST 0", "LIST_APPEND 3", "POP_TOP", "LIST_APPEND 1", "JUMP_FORWARD 2", "POP_TOP", "LIST_APPEND 1", "CALL_INTRINSIC_2 1", "COPY 1", "POP_JUMP_IF_NOT_NONE 3", "POP_TOP", "POP_EXCEPT", "RETURN_CONST 0", "SWAP 2", "POP_EXCEPT", "RERAISE 0", "COPY 3", "POP_EXCEPT", "RERAISE 1"],
    consts: ["None"],
  },
  "generic": {
    src: "def f[T: int, *Ts](x: T) -> T:\n    return x",
    instrs: ["RESUME 0", "LOAD_CONST 0", "LOAD_CONST 1", "MAKE_FUNCTION", "CALL_INTRINSIC_2 2", "COPY 1", "STORE_FAST 1", "LOAD_CONST 2", "CALL_INTRINSIC_1 9", "COPY 1", "STORE_FAST 2", "BUILD_TUPLE 2", "LOAD_CONST 3", "LOAD_FAST 1", "LOAD_CONST 4", "LOAD_FAST 1", "BUILD_TUPLE 4", "LOAD_CONST 5", "MAKE_FUNCTION", "SET_FUNCTION_ATTRIBUTE 4", "SWAP 2", "CALL_INTRINSIC_2 4", "RETURN_VALUE"],
    consts: ["'T'", "<code>", "'Ts'", "'x'", "'return'", "<code>"],
  },
  "async_comp": {
    src: "async def f(y): return [x async for x in y]",
    instrs: ["RETURN_GENERATOR", "POP_TOP", "RESUME 0", "LOAD_FAST 0", "GET_AITER", "LOAD_FAST_AND_CLEAR 1", "SWAP 2", "BUILD_LIST 0", "SWAP 2", "GET_ANEXT", "LOAD_CONST 0", "SEND 3", "YIELD_VALUE 1", "RESUME 3", "JUMP_BACKWARD_NO_INTERRUPT 5", "END_SEND", "STORE_FAST_LOAD_FAST 17", "LIST_APPEND 2", "JUMP_BACKWARD 12", "CLEANUP_THROW", "JUMP_BACKWARD_NO_INTERRUPT 7", "END_ASYNC_FOR", "SWAP 2", "STORE_FAST 1", "RETURN_VALUE", "SWAP 2", "POP_TOP", "SWAP 2", "STORE_FAST 1", "RERAISE 0", "CALL_INTRINSIC_1 3", "RERAISE 1"],
    consts: ["None"],
  },
  "future_annotations": {
    src: "from __future__ import annotations\ndef f(a: list[int] = None, *b: *Ts) -> 'X' | None: pass",
    instrs: ["RESUME 0", "RETURN_CONST 0"],
    consts: ["None"],
  },
  "super": {
    src: "class C:\n    def f(self):\n        return super().f()",
    instrs: ["COPY_FREE_VARS 1", "RESUME 0", "LOAD_GLOBAL 0", "LOAD_DEREF 1", "LOAD_FAST 0", "LOAD_SUPER_ATTR 5", "CALL 0", "RETURN_VALUE"],
    consts: ["None"],
  },
  "while_shared_genexpr": {
    src: "def f():\n    while a and not all(x for x in y):\n        g()",
    instrs: ["RESUME 0", "LOAD_GLOBAL 0", "TO_BOOL", "POP_JUMP_IF_FALSE 80", "LOAD_GLOBAL 3", "LOAD_CONST 1", "MAKE_FUNCTION", "LOAD_GLOBAL 4", "GET_ITER", "CALL 0", "CALL 1", "TO_BOOL", "POP_JUMP_IF_TRUE 52", "LOAD_GLOBAL 7", "CALL 0", "POP_TOP", "LOAD_GLOBAL 0", "TO_BOOL", "POP_JUMP_IF_FALSE 30", "LOAD_GLOBAL 3", "LOAD_CONST 1", "MAKE_FUNCTION", "LOAD_GLOBAL 4", "GET_ITER", "CALL 0", "CALL 1", "TO_BOOL", "POP_JUMP_IF_TRUE 2", "JUMP_BACKWARD 50", "RETURN_CONST 0", "RETURN_CONST 0", "RETURN_CONST 0", "RETURN_CONST 0"],
    consts: ["None", "<code>"],
  },
  "nan_constants": {
    src: "def f():\n    return 1e300 * 1e300 * 0, -1e300 * 1e300 * 0",
    instrs: ["RESUME 0", "RETURN_CONST 1"],
    consts: ["None", "(nan, nan)"],
  },
  "surrogate_pair_strings": {
    src: "def f():\n    return \"\\U0001f600\", \"\\ud83d\\ude00\"",
    instrs: ["RESUME 0", "RETURN_CONST 1"],
    consts: ["None", "('😀', '\\ud83d\\ude00')"],
  },
  "frozenset_equal_items": {
    src: "def f():\n    return {1, 1.0, True}",
    instrs: ["RESUME 0", "BUILD_SET 0", "LOAD_CONST 1", "SET_UPDATE 1", "RETURN_VALUE"],
    consts: ["None", "frozenset({1})"],
  },
  "two_arg_super": {
    src: "class C:\n    def f(self):\n        return super(C, self).f()",
    instrs: ["COPY_FREE_VARS 1", "RESUME 0", "LOAD_GLOBAL 0", "LOAD_GLOBAL 2", "LOAD_FAST 0", "LOAD_SUPER_ATTR 11", "CALL 0", "RETURN_VALUE"],
    consts: ["None"],
  },
};

function instructions(co: CodeRecord): string[] {
  const out: string[] = [];
  const b = co.co_code;
  let ext = 0;
  for (let i = 0; i < b.length; i += 2) {
    const op = b[i]!;
    const name = opname[op]!;
    if (name === "CACHE") continue;
    const arg = (ext << 8) | b[i + 1]!;
    ext = op === EXTENDED_ARG ? arg : 0;
    out.push(op >= 44 || b[i + 1] !== 0 ? `${name} ${arg}` : name);
  }
  return out;
}

function innermost(co: CodeRecord, name: string): CodeRecord {
  const fns = co.co_consts.filter((c): c is CodeRecord => c instanceof CodeRecord);
  const f = fns[fns.length - 1]!;
  if (name === "super" || name === "two_arg_super") return f.co_consts.find((c): c is CodeRecord => c instanceof CodeRecord)!;
  return f;
}

for (const [name, c] of Object.entries(CASES)) {
  test(`compile: ${name}`, () => {
    const co = innermost(compile(c.src, "<case>", "exec"), name);
    assert.deepEqual(instructions(co), c.instrs);
    assert.deepEqual(co.co_consts.map((v) => (v instanceof CodeRecord ? "<code>" : reprConst(v))), c.consts);
  });
}

test("compile: nesting deeper than the JavaScript stack allows is CPython's RecursionError, not a crash", () => {
  assert.throws(() => compile("x = " + "not ".repeat(5000) + "a\n", "<deep>", "exec"), (e: unknown) =>
    e instanceof CompilerRecursionError && e.msg === "maximum recursion depth exceeded during compilation");
});
