import traceback, sys, io
def inner(x): return 1 / x
def outer(): return inner(0)
try:
    outer()
except ZeroDivisionError:
    print(traceback.format_exc())
    etype, ev, tb = sys.exc_info()
    print([(f.name, f.lineno, f.line) for f in traceback.extract_tb(tb)])
    print(traceback.format_exception_only(ev), len(list(traceback.walk_tb(tb))))
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    buf = io.StringIO(); traceback.print_exception(e, file=buf); print(buf.getvalue())
    te = traceback.TracebackException.from_exception(e); print(type(te.__cause__).__name__, te.exc_type_str if hasattr(te, "exc_type_str") else te.exc_type.__name__, "".join(te.format_exception_only()))
    print("".join(traceback.format_exception(e, chain=False, limit=1)))
def deep(n):
    if n == 0: return traceback.extract_stack(limit=3)
    return deep(n - 1)
print([f.name for f in deep(5)], traceback.format_list(deep(1))[-1])
e = SyntaxError("invalid syntax", ("f.py", 3, 5, "x = = 1\n", 3, 6)); print("".join(traceback.format_exception_only(e)))
eg = ExceptionGroup("many", [ValueError("v"), TypeError("t")])
print("".join(traceback.format_exception(eg)))
try:
    raise RuntimeError("with note")
except RuntimeError as err:
    err.add_note("a note"); print("".join(traceback.format_exception_only(err)))
ss = traceback.StackSummary.from_list([("file.py", 10, "fn", "code()")]); print(ss.format())
traceback.print_stack(limit=1, file=sys.stdout)
