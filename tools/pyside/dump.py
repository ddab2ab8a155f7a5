# The Python side of tools/diff_pyside.ts and of the diff modes ast_py, tokenize_py, symtable_py, run unchanged under
# CPython 3.13 and under Typhon. As a script: for each file named in the list file argv[2], one record "\x01<path>\n"
# then the mode's dump (argv[1]: ast, tokenize or symtable).
import sys, io

def dump_ast(path, data):
    import ast
    try:
        tree = ast.parse(data, path)
    except SyntaxError as e:
        return "%s: %s (%s, %s, %s, %s)\n" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except (MemoryError, RecursionError, ValueError, UnicodeError) as e:
        return "%s: %s\n" % (type(e).__name__, e)
    return ast.dump(tree, include_attributes=True) + "\n"

def dump_tokenize(path, data):
    # One line per TokenInfo (type, string, start, end); its `line` only when it changes, to keep the dump small.
    import tokenize
    out = []
    last = None
    try:
        for t in tokenize.tokenize(io.BytesIO(data).readline):
            out.append("%d %r %d,%d %d,%d" % (t.type, t.string, t.start[0], t.start[1], t.end[0], t.end[1]))
            if t.line != last:
                out.append("  line %r" % (t.line,))
                last = t.line
    except (tokenize.TokenError, SyntaxError) as e:
        out.append("%s: %s" % (type(e).__name__, e))
    return "\n".join(out) + "\n"

def dump_symtable(path, data):
    import symtable
    try:
        top = symtable.symtable(data, path, "exec")
    except SyntaxError as e:
        return "%s: %s (%s, %s)\n" % (type(e).__name__, e.msg, e.lineno, e.offset)
    out = []
    def walk(t, ind):
        out.append("%s%s %s line %s nested=%s children=%s" % (ind, t.get_type(), t.get_name(), t.get_lineno(), t.is_nested(), t.has_children()))
        for s in t.get_symbols():
            out.append("%s  %s ref=%d imp=%d par=%d glob=%d dglob=%d nl=%d loc=%d free=%d asg=%d ns=%d ann=%d" % (ind, s.get_name(),
                s.is_referenced(), s.is_imported(), s.is_parameter(), s.is_global(), s.is_declared_global(), s.is_nonlocal(),
                s.is_local(), s.is_free(), s.is_assigned(), s.is_namespace(), s.is_annotated()))
        if isinstance(t, symtable.Function):
            out.append("%s  params=%s locals=%s globals=%s nonlocals=%s frees=%s" % (ind, t.get_parameters(), t.get_locals(), t.get_globals(), t.get_nonlocals(), t.get_frees()))
        if isinstance(t, symtable.Class):
            out.append("%s  methods=%s" % (ind, t.get_methods() if hasattr(t, "get_methods") else ()))
        for c in t.get_children():
            walk(c, ind + "  ")
    walk(top, "")
    return "\n".join(out) + "\n"

def main():
    dump = {"ast": dump_ast, "tokenize": dump_tokenize, "symtable": dump_symtable}[sys.argv[1]]
    with open(sys.argv[2], encoding="utf-8") as f:
        paths = [p for p in f.read().split("\n") if p]
    w = sys.stdout.buffer.write
    for p in paths:
        with open(p, "rb") as f:
            data = f.read()
        try:
            text = dump(p, data)
        except Exception as e:
            text = "CRASH %s: %s\n" % (type(e).__name__, e)
        w(("\x01" + p + "\n" + text).encode("utf-8", "backslashreplace"))
        sys.stdout.flush()

if __name__ == "__main__":
    main()
