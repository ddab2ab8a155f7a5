# CPython side of the "code" mode: a canonical text dump of every code object of compile(source, path, 'exec',
# dont_inherit=True), recursively through co_consts; each line is "<qualname>.<field>: value" so that the first
# differing line names the code object and the field. tools/diff_modes/code.ts prints the same from Typhon.
import marshal
import os
import struct
import types

# TYPHON_OPTIMIZE=1 or 2 compares compile(..., optimize=N) (asserts and __debug__ blocks gone; docstrings at 2).
OPTIMIZE = int(os.environ.get("TYPHON_OPTIMIZE", "0"))
# TYPHON_CODE_KINDS=1 adds co_localspluskinds (hex) to each code object, read from marshal's output (CO_FAST_HIDDEN
# and the other kinds have no Python attribute). Off by default: the golden fixtures were captured without it.
KINDS = os.environ.get("TYPHON_CODE_KINDS") == "1"


def kinds_of(co):
    """localspluskinds of co and its nested code objects, in dump order, by walking marshal's output."""
    data = marshal.dumps(co)
    pos = 0
    refs = []
    out = []
    def r_byte():
        nonlocal pos
        b = data[pos]; pos += 1; return b
    def r_long():
        nonlocal pos
        v = struct.unpack_from('<i', data, pos)[0]; pos += 4; return v
    def r_obj():
        nonlocal pos
        code = r_byte()
        flag = code & 0x80
        t = chr(code & 0x7f)
        idx = None
        if flag:
            idx = len(refs); refs.append(None)
        def ret(v):
            if idx is not None: refs[idx] = v
            return v
        if t in 'N0TFS.': return ret(t)
        if t == 'i': r_long(); return ret(0)
        if t == 'l':
            n = r_long(); pos += 2 * abs(n); return ret(0)
        if t == 'g': pos += 8; return ret(0.0)
        if t == 'y': pos += 16; return ret(0j)
        if t in 'zZ':
            n = r_byte(); s = data[pos:pos+n]; pos += n; return ret(s)
        if t in 'aAustb':
            n = r_long(); s = data[pos:pos+n]; pos += n; return ret(s)
        if t == ')':
            n = r_byte(); v = tuple(r_obj() for _ in range(n)); return ret(v)
        if t in '([<>':
            n = r_long(); v = tuple(r_obj() for _ in range(n)); return ret(v)
        if t == 'r':
            return refs[r_long()]
        if t == 'c':
            for _ in range(5): r_long()   # argcount, posonly, kwonly, stacksize, flags
            r_obj()                        # code
            my = len(out); out.append(None)
            r_obj(); r_obj()               # consts, names
            r_obj()                        # localsplusnames
            kinds = r_obj()                # localspluskinds
            out[my] = kinds
            r_obj(); r_obj(); r_obj()      # filename, name, qualname
            r_long()                       # firstlineno
            r_obj(); r_obj()               # linetable, exceptiontable
            return ret('code')
        raise ValueError('unknown marshal type %r at %d' % (t, pos))
    r_obj()
    return out

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


def dump_code(co, out, kinds=None):
    if KINDS and kinds is None:
        kinds = iter(kinds_of(co))
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
    if kinds is not None:
        out.append("%s.co_localspluskinds: %s" % (q, next(kinds).hex()))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            dump_code(c, out, kinds)


def dump(path, data):
    try:
        co = compile(data, path, "exec", dont_inherit=True, optimize=OPTIMIZE)
    except (SyntaxError, ValueError) as e:
        return "error", "%s: %s\n" % (type(e).__name__, e)
    out = []
    dump_code(co, out)
    return "ok", "\n".join(out) + "\n"
