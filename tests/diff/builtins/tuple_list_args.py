# tuple() and list() argument checks as their clinic code: keywords refused (unless a subclass's own __init__ or
# __new__ takes them), at most one positional argument, with CPython's messages.
for e in ["tuple(1, 2)", "tuple(sequence=())", "list(1, 2)", "list(sequence=())", "tuple([1], x=1)"]:
    try: print(e, eval(e))
    except TypeError as x: print(e, 'TypeError', x)
class S(tuple): pass
class SI(tuple):
    def __init__(self, arg, newarg=None): self.newarg = newarg
for f in (lambda: S([1, 2]), lambda: S(sequence=()), lambda: SI([1, 2], newarg=3), lambda: SI([1], 2), lambda: SI()):
    try: r = f(); print(type(r).__name__, list(r), getattr(r, 'newarg', '-'))
    except TypeError as x: print('TypeError', x)
class SN(tuple):
    def __new__(cls, *a, **k): return super().__new__(cls, a)
print(SN(1, 2, k=3))
