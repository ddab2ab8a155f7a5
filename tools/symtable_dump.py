#!/usr/bin/env python3.13
"""Print CPython 3.13's symbol table of a file in the text format of Typhon's `--dump-symtable`.

Usage: symtable_dump.py FILE...  (several files: each dump is preceded by a line `==> FILE`).
Format (src/debug/dump_symtable.ts writes the same): per scope, `<type> <name> line <lineno>[ nested]`, then
`  params: ...` (ste_varnames) when non-empty, then one line per symbol, sorted by name: `  name: FLAGS SCOPE`, then
the children, indented by two more spaces. It reads the raw entries of the `_symtable` module (symtable.c itself).
"""
import sys
import symtable
import _symtable as S

TYPES = ["function", "class", "module", "annotation", "type alias", "type parameters", "type variable"]
FLAGS = [("DEF_GLOBAL", 1), ("DEF_LOCAL", 2), ("DEF_PARAM", 4), ("DEF_NONLOCAL", 8), ("USE", 16),
         ("DEF_FREE", 32), ("DEF_FREE_CLASS", 64), ("DEF_IMPORT", 128), ("DEF_ANNOT", 256),
         ("DEF_COMP_ITER", 512), ("DEF_TYPE_PARAM", 1024), ("DEF_COMP_CELL", 2048)]
SCOPES = ["", "LOCAL", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT", "FREE", "CELL"]


def flags_text(v):
    names = [n for n, b in FLAGS if v & b]
    scope = (v >> S.SCOPE_OFF) & S.SCOPE_MASK
    s = "|".join(names) if names else "0"
    if scope:
        s += " " + SCOPES[scope]
    return s


def dump(e, indent, out):
    out.append(f"{indent}{TYPES[e.type]} {e.name} line {e.lineno}{' nested' if e.nested else ''}")
    if e.varnames:
        out.append(f"{indent}  params: {', '.join(e.varnames)}")
    for name in sorted(e.symbols):
        out.append(f"{indent}  {name}: {flags_text(e.symbols[name])}")
    for c in e.children:
        dump(c, indent + "  ", out)


def dump_source(src, path):
    t = symtable.symtable(src, path, "exec")
    out = []
    dump(t._table, "", out)
    return "\n".join(out) + "\n"


def main():
    paths = sys.argv[1:]
    for p in paths:
        with open(p, "rb") as f:
            src = f.read()
        if len(paths) > 1:
            sys.stdout.write(f"==> {p}\n")
        try:
            sys.stdout.write(dump_source(src.decode("utf-8", "surrogateescape") if False else src, p))
        except SyntaxError as e:
            sys.stdout.write(f"SyntaxError: {e.msg} ({e.lineno}, {e.offset})\n")


if __name__ == "__main__":
    main()
