g = ExceptionGroup("m", [ValueError(1), KeyError(2)])
m, r = g.split(ValueError)
print(m.__suppress_context__, r.__suppress_context__, m.__cause__)
g.__notes__ = ("a", "b")
m, r = g.split(ValueError)
print(m.__notes__, type(m.__notes__))
g.__notes__ = 5
m, r = g.split(ValueError)
print(getattr(m, "__notes__", "none"))
class Bad(ExceptionGroup):
    def derive(self, excs): return 5
try: Bad("x", [ValueError()]).split(ValueError)
except Exception as e: print(type(e).__name__, e)
try: Bad("x", [ValueError(), KeyError()]).split(ValueError)
except Exception as e: print(type(e).__name__, e)
class D(ExceptionGroup): pass
m, r = D("x", [ValueError(), KeyError()]).split(ValueError)
print(type(m).__name__, type(r).__name__)
m = D("x", [ValueError(), KeyError()]).subgroup(lambda e: isinstance(e, KeyError))
print(type(m).__name__, m)
