# CPython side of the "code" mode: a canonical text dump of every code object of compile(source, path, 'exec',
# dont_inherit=True), recursively through co_consts; each line is "<qualname>.<field>: value" so that the first
# differing line names the code object and the field. tools/diff_modes/code.ts prints the same from Typhon.
import os
import types

# TYPHON_OPTIMIZE=1 or 2 compares compile(..., optimize=N) (asserts and __debug__ blocks gone; docstrings at 2).
OPTIMIZE = int(os.environ.get("TYPHON_OPTIMIZE", "0"))

FIELDS = ["co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
          "co_firstlineno", "co_name", "co_qualname", "co_code", "co_consts", "co_names", "co_varnames",
          "co_cellvars", "co_freevars", "co_linetable", "co_exceptiontable"]


def const_repr(v):
    if isinstance(v, types.CodeType):
        return "<code %s>" % v.co_qualname
    if isinstance(v, tuple):
        inner = ", ".join(const_repr(x) for x in v)
        return "(" + inner + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, frozenset):
        return "frozenset({" + ", ".join(sorted(const_repr(x) for x in v)) + "})" if v else "frozenset()"
    return repr(v)


def dump_code(co, out):
    q = co.co_qualname
    for f in FIELDS:
        v = getattr(co, f)
        if f == "co_consts":
            v = "[" + ", ".join(const_repr(x) for x in v) + "]"
        elif isinstance(v, bytes):
            v = v.hex()
        elif isinstance(v, tuple):
            v = " ".join(v)
        out.append("%s.%s: %s" % (q, f, v))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            dump_code(c, out)


def dump(path, data):
    try:
        co = compile(data, path, "exec", dont_inherit=True, optimize=OPTIMIZE)
    except (SyntaxError, ValueError) as e:
        return "error", "%s: %s\n" % (type(e).__name__, e)
    out = []
    dump_code(co, out)
    return "ok", "\n".join(out) + "\n"
