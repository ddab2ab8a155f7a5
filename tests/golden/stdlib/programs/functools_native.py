# Smoke program for functools over the native _functools module: partial (repr, flattening, keywords, state,
# subclasses, __get__'s FutureWarning), reduce, cmp_to_key and the lru_cache wrapper (statistics, LRU order,
# typed keys, recursion, methods).
import functools, _functools, re, warnings
from functools import partial, reduce, cmp_to_key, lru_cache, cache

def show(label, f):
    try:
        print(label, re.sub(r" at 0x[0-9a-f]+", "", repr(f())))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

show("native", lambda: (functools.partial is _functools.partial, functools.reduce is _functools.reduce,
                        functools._lru_cache_wrapper is _functools._lru_cache_wrapper))
def f(a, b, c=0, *rest, **kw):
    return (a, b, c, rest, kw)
p = partial(f, 1, c=3)
show("partial", lambda: (p, p(2), p(2, c=4, d=5), p.func is f, p.args, p.keywords))
show("nested", lambda: (partial(p, 2, e=6), partial(p, 2, e=6)(7)))
show("repr kw", lambda: repr(partial(max, "x", **{"a b": 1})))
show("errors", lambda: partial())
show("errors2", lambda: partial(3))
show("reduce state", lambda: p.__reduce__())
q = partial(f)
q.__setstate__((max, (1,), {"key": abs}, None))
show("setstate", lambda: (q, q(-5, 3)))
show("bad state", lambda: q.__setstate__((1, (), {}, None)))
class MyPartial(partial):
    pass
mp = MyPartial(f, 1)
show("subclass", lambda: (repr(mp).split("(")[0], type(partial(mp, 2)), mp(9)))
mp.attr = 1
show("instance dict", lambda: (mp.__dict__, type(partial(mp, 3)).__name__))
show("readonly", lambda: setattr(p, "func", max))
class C:
    m = partial(lambda *a: a, "bound?")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    show("get", lambda: C().m(1))
    show("warning", lambda: [str(x.category.__name__) for x in w])
show("class_getitem", lambda: partial[int])

show("reduce", lambda: (reduce(lambda a, b: a * b, range(1, 10)), reduce(lambda a, b: a + b, [], 7),
                        reduce(lambda a, b: a + [b], "abc", [])))
show("reduce empty", lambda: reduce(lambda a, b: a, []))
show("reduce noiter", lambda: reduce(lambda a, b: a, 5))
show("reduce kw", lambda: reduce(lambda a, b: a, [1], initial=2))

K = cmp_to_key(lambda a, b: (len(a) > len(b)) - (len(a) < len(b)))
show("cmp_to_key", lambda: (sorted(["ccc", "a", "bb"], key=K), K("x").obj, K("a") < K("bb"), K("a") == K("b")))
show("cmp errors", lambda: K("a") < "b")
show("cmp hash", lambda: hash(K("a")))
show("cmp type", lambda: (type(K).__name__, type(K).__module__))

calls = []
@lru_cache(maxsize=3)
def sq(x):
    calls.append(x)
    return x * x
for v in [1, 2, 3, 1, 4, 2, 5, 1]:
    sq(v)
show("lru", lambda: (calls, sq.cache_info(), sq.cache_parameters(), sq.__name__, sq.__wrapped__.__name__))
sq.cache_clear()
show("cleared", lambda: sq.cache_info())
show("unhashable", lambda: sq([1]))

@lru_cache(typed=True)
def typed(x):
    return repr(x)
show("typed", lambda: ([typed(1), typed(1.0), typed(True), typed(1)], typed.cache_info()))
@lru_cache
def untyped(x, y=0):
    return (x, y)
show("untyped", lambda: ([untyped(1), untyped(1.0), untyped(1, y=2), untyped(1, 2), untyped(x=1)], untyped.cache_info()))

@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
show("fib", lambda: (fib(90), fib.cache_info()))
show("maxsize0", lambda: (lru_cache(maxsize=0)(abs)(-3), functools._lru_cache_wrapper(abs, 0, False, functools._CacheInfo).cache_info()))
show("bad maxsize", lambda: functools._lru_cache_wrapper(abs, "x", False, functools._CacheInfo))
show("not callable", lambda: functools._lru_cache_wrapper(3, 1, False, functools._CacheInfo))

class Obj:
    def __init__(self):
        self.n = 0
    @lru_cache
    def method(self, x):
        self.n += 1
        return x + 1
o = Obj()
show("method", lambda: (o.method(1), o.method(1), o.n, Obj.method.cache_info().hits))
show("reduce_wrapper", lambda: (fib.__reduce__(), fib.__copy__() is fib, fib.__deepcopy__({}) is fib))
