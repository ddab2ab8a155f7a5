# sys._getframemodulename as CPython 3.13: the calling function's __module__ (globals' __name__ for module and exec
# frames), None past the outermost frame, argument errors; collections.namedtuple and enum use it for __module__.
import sys, collections, enum
print(sys._getframemodulename(), sys._getframemodulename(0), sys._getframemodulename(depth=0))
def f(d=0):
    return sys._getframemodulename(d)
print(f(), f(1), f(50), f(-3))
f.__module__ = "elsewhere"
print(f(), f(1))
ns = {"__name__": "fake_mod", "sys": sys}
exec("r = sys._getframemodulename()", ns); print(ns["r"])
ns2 = {"sys": sys}
exec("r = sys._getframemodulename()", ns2); print(ns2["r"])
exec("def g(): return sys._getframemodulename()\nr = g()", ns); print(ns["r"])
P = collections.namedtuple("P", "x y"); print(P.__module__)
class Color(enum.Enum):
    RED = 1
E = enum.Enum("E", "A B"); print(E.__module__, Color.__module__)
for bad in [(1.5,), ("x",), (2**40,), (1, 2)]:
    try: sys._getframemodulename(*bad)
    except Exception as e: print(type(e).__name__, e)
try: sys._getframemodulename(dept=1)
except Exception as e: print(type(e).__name__, e)
