def inner():
    raise ExceptionGroup("inner", [KeyError("k"), IndexError(3)])

try:
    inner()
except ExceptionGroup as eg:
    outer = ExceptionGroup("outer", [eg, RuntimeError("side")])
    outer.add_note("note on outer")
    raise outer
