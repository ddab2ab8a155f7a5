# The native _operator, _functools and _json against their pure-Python fallbacks, under one interpreter:
#   node bin/typhon.js bench/natmods.py          (native modules)
#   node bin/typhon.js bench/natmods.py pure     (sys.modules['_operator'/'_functools'/'_json'] = None first)
# and python3.13 bench/natmods.py for CPython's own figures. Prints seconds per workload.
import sys, time
if len(sys.argv) > 1 and sys.argv[1] == "pure":
    for name in ("_operator", "_functools", "_json"):
        sys.modules[name] = None
import operator, functools, json
from operator import itemgetter, attrgetter, methodcaller, add
from functools import partial, reduce, lru_cache, cmp_to_key

def timed(label, f):
    t0 = time.perf_counter()
    f()
    print(f"{label:24} {time.perf_counter() - t0:.3f}s")

data = [(i % 97, -i, str(i)) for i in range(20000)]
class O:
    __slots__ = ("a",)
    def __init__(self, a): self.a = a
objs = [O(i % 13) for i in range(20000)]
timed("sorted itemgetter", lambda: [sorted(data, key=itemgetter(0, 1)) for _ in range(5)])
timed("sorted attrgetter", lambda: [sorted(objs, key=attrgetter("a")) for _ in range(5)])
timed("map add", lambda: [sum(map(add, range(20000), range(20000))) for _ in range(5)])
timed("methodcaller", lambda: [list(map(methodcaller("upper"), ["ab"] * 20000)) for _ in range(5)])

def add3(a, b, c=0): return a + b + c
p = partial(add3, 1, c=2)
timed("partial call", lambda: [p(i) for i in range(100000)])
@lru_cache(maxsize=128)
def f(x): return x
timed("lru_cache", lambda: [f(i % 200) for i in range(100000)])
timed("reduce", lambda: [reduce(lambda a, b: a + b, range(5000)) for _ in range(20)])
k = cmp_to_key(lambda a, b: a - b)
timed("cmp_to_key sort", lambda: [sorted(range(2000, 0, -1), key=k) for _ in range(20)])

doc = json.dumps([{"id": i, "name": f"item {i}", "tags": ["a", "b\u00e9", "c\n"], "price": i * 1.25, "ok": i % 2 == 0,
                   "none": None} for i in range(3000)])
value = json.loads(doc)
timed("json.loads 333 KB", lambda: [json.loads(doc) for _ in range(3)])
timed("json.dumps", lambda: [json.dumps(value) for _ in range(3)])
timed("json.dumps non-ASCII", lambda: [json.dumps(value, ensure_ascii=False) for _ in range(3)])
