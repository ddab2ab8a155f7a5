#!/usr/bin/env python3.13
"""Export CPython 3.13's own AST of Python files as compact JSON, for Typhon's compiler while its parser matures.

Usage: ast_json.py [--optimized] FILE...   prints one JSON document per line (null for a file that does not parse).
Encoding: a node is {"_": kind, "a": [fields in _fields order], "p": [lineno, col, end_lineno, end_col]} ("p" only for
located nodes); a field-less singleton (Load, Add, ...) is {"_": kind}; lists are arrays; identifiers and other
strings are JSON strings; constants are null/true/false/str or {"i": "123"} int, {"f": "1.5"} float (repr),
{"j": [re, im]} complex (reprs), {"b": "hex"} bytes, {"e": 1} Ellipsis. The loader is tools/ast_json.ts.
--optimized exports the AST after ast_opt.c at optimize level 0 (compile(..., PyCF_OPTIMIZED_AST)).
"""
import ast
import json
import sys


def const(v):
    if v is None or v is True or v is False:
        return v
    if isinstance(v, str):
        return v
    if isinstance(v, int):
        return {"i": str(v)}
    if isinstance(v, float):
        return {"f": repr(v)}
    if isinstance(v, complex):
        return {"j": [repr(v.real), repr(v.imag)]}
    if isinstance(v, bytes):
        return {"b": v.hex()}
    if v is Ellipsis:
        return {"e": 1}
    if isinstance(v, tuple):
        return {"t": [const(x) for x in v]}
    if isinstance(v, frozenset):
        return {"s": [const(x) for x in v]}
    raise TypeError(type(v))


def enc(n):
    if isinstance(n, ast.AST):
        kind = type(n).__name__
        if not n._fields and not n._attributes:
            return {"_": kind}
        fields = []
        for f in n._fields:
            v = getattr(n, f, None)
            if kind in ("Constant", "MatchSingleton") and f == "value":
                fields.append(const(v))
            else:
                fields.append(enc(v))
        d = {"_": kind, "a": fields}
        if "lineno" in n._attributes:
            d["p"] = [n.lineno, n.col_offset, n.end_lineno, n.end_col_offset]
        return d
    if isinstance(n, list):
        return [enc(x) for x in n]
    return n


def export(path, optimized):
    with open(path, "rb") as f:
        src = f.read()
    try:
        if optimized:
            tree = compile(src, path, "exec", flags=ast.PyCF_ONLY_AST | ast.PyCF_OPTIMIZED_AST, dont_inherit=True, optimize=0)
        else:
            tree = compile(src, path, "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError):
        return None
    return enc(tree)


def main():
    args = sys.argv[1:]
    optimized = False
    if args and args[0] == "--optimized":
        optimized = True
        args = args[1:]
    if args == ["-"]:
        args = [line.rstrip("\n") for line in sys.stdin]
    out = sys.stdout
    for p in args:
        out.write(json.dumps(export(p, optimized), ensure_ascii=True, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    sys.setrecursionlimit(100000)
    main()
