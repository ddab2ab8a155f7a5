import functools
from functools import reduce, partial, lru_cache, cache, wraps, total_ordering, singledispatch, cached_property, cmp_to_key, partialmethod
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 0))
p = partial(int, base=2); print(p("1010"), p.func.__name__, p.keywords, repr(partial(max, 1, 2)))
@lru_cache(maxsize=2)
def sq(n): return n * n
for n in [1, 2, 1, 3, 1]: sq(n)
print(sq.cache_info()); sq.cache_clear(); print(sq.cache_info())
@cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits)
def deco(f):
    @wraps(f)
    def inner(*a): return f(*a) + 1
    return inner
@deco
def g(x):
    "doc of g"
    return x
print(g(1), g.__name__, g.__doc__, g.__wrapped__.__name__)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), sorted([V(3), V(1)], key=lambda v: v).__len__())
@singledispatch
def show(x): return "object"
@show.register
def _(x: int): return "int"
@show.register(list)
def _(x): return "list"
print(show(1), show([]), show("s"), show(True), sorted(t.__name__ for t in show.registry))
class C:
    def __init__(self): self.calls = 0
    @cached_property
    def val(self):
        self.calls += 1
        return 42
    def set(self, k, v): setattr(self, k, v)
    set_x = partialmethod(set, "x")
c = C(); print(c.val, c.val, c.calls); c.set_x(9); print(c.x)
print(sorted(["b", "A", "c"], key=cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
