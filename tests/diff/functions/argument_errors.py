def f(a, b, /, c, *, d):
    return a, b, c, d

for call in (lambda: f(1, 2, 3, d=4), lambda: f(1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4), lambda: f(1, 2, c=3), lambda: f(1, 2, d=4),
             lambda: f(), lambda: f(1, 2, 3, d=4, e=5), lambda: f(1, 2, 3, d=4, **{"c": 1})):
    try:
        print(call())
    except TypeError as e:
        print(e)
def g(*, a): pass
def h(a, b=1): pass
def k(**kw): return kw
for call in (lambda: g(1), lambda: h(), lambda: h(1, 2, 3), lambda: k(1), lambda: h(1, c=2, d=3), lambda: k(**{1: 2})):
    try:
        print(call())
    except TypeError as e:
        print(e)
class C:
    def m(self, x): pass
for call in (lambda: C().m(), lambda: C().m(1, 2), lambda: C.m()):
    try:
        call()
    except TypeError as e:
        print(e)
