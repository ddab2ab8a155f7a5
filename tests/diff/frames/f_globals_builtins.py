import sys

def f():
    fr = sys._getframe()
    return fr.f_globals is globals(), fr.f_builtins is __builtins__.__dict__, fr.f_code is f.__code__

print(f())
g = {"__builtins__": {"len": len}}
exec("import sys\nfr = sys._getframe()\nprint(sorted(fr.f_builtins))", {"__builtins__": {"len": len, "__import__": __import__, "print": print, "sorted": sorted}})
