#!/usr/bin/env python3.13
"""Export the code objects CPython 3.13 compiles from Python files as JSON, so that Typhon's dis formatter
(src/debug/dump_dis.ts) can be checked on CPython's own code objects, independently of Typhon's compiler.

Usage: code_json.py FILE... | -   prints one JSON document per line ({"e": error text} when the file does not compile).
A code object is {"c": {field: value}} with the fields of src/compiler/code.ts (bytes as hex); other constants use
tools/ast_json.py's encoding, frozenset items in this process's iteration order. Run with PYTHONHASHSEED=0 to
match a seeded `python -m dis`. The loader is tools/code_json.ts.
"""
import sys
import types
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ast_json import const  # noqa: E402


def localsplus(co):
    names = []
    while True:
        try:
            names.append(co._varname_from_oparg(len(names)))
        except (IndexError, ValueError):
            return names


def enc_code(co):
    lp = localsplus(co)
    kinds = bytearray()
    for n in lp:
        k = 0
        if n in co.co_varnames:
            k |= 0x20
        if n in co.co_cellvars:
            k |= 0x40
        if n in co.co_freevars and n not in co.co_cellvars and n not in co.co_varnames:
            k |= 0x80
        kinds.append(k)
    return {"c": {
        "co_argcount": co.co_argcount, "co_posonlyargcount": co.co_posonlyargcount,
        "co_kwonlyargcount": co.co_kwonlyargcount, "co_stacksize": co.co_stacksize, "co_flags": co.co_flags,
        "co_code": co.co_code.hex(), "co_consts": [enc_const(c) for c in co.co_consts],
        "co_names": list(co.co_names), "co_localsplusnames": lp, "co_localspluskinds": bytes(kinds).hex(),
        "co_filename": co.co_filename, "co_name": co.co_name, "co_qualname": co.co_qualname,
        "co_firstlineno": co.co_firstlineno, "co_linetable": co.co_linetable.hex(),
        "co_exceptiontable": co.co_exceptiontable.hex(),
    }}


def has_surrogate(s):
    return any(0xD800 <= ord(c) <= 0xDFFF for c in s)


def enc_const(v):
    if isinstance(v, types.CodeType):
        return enc_code(v)
    # JSON cannot keep two adjacent lone surrogates apart from one astral character: send the code points.
    if isinstance(v, str) and has_surrogate(v):
        return {"u": [ord(c) for c in v]}
    if isinstance(v, tuple):
        return {"t": [enc_const(x) for x in v]}
    if isinstance(v, frozenset):
        return {"s": [enc_const(x) for x in v]}
    return const(v)


def export(path):
    with open(path, "rb") as f:
        src = f.read()
    try:
        return enc_code(compile(src, path, "exec"))
    except SyntaxError as e:
        return {"e": "%s: %s (%s, %s)\n" % (type(e).__name__, e.msg, e.lineno, e.offset)}
    except (ValueError, RecursionError, MemoryError) as e:
        return {"e": "%s: %s\n" % (type(e).__name__, e)}


def main():
    import argparse, dis, json  # noqa: F401  (the modules `python -m dis` has loaded)
    args = sys.argv[1:]
    if args == ["-"]:
        args = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    for p in args:
        # A fresh fork per file, as `python -m dis FILE` has: frozenset constants' order depends on what the process
        # interned before (intern_constants rebuilds a frozenset when interning replaces one of its strings).
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            with os.fdopen(w, "w", encoding="utf-8") as f:
                f.write(json.dumps(export(p)))
            os._exit(0)
        os.close(w)
        with os.fdopen(r, encoding="utf-8") as f:
            data = f.read()
        os.waitpid(pid, 0)
        sys.stdout.write((data or json.dumps({"e": "export crashed\n"})) + "\n")


if __name__ == "__main__":
    main()
