# Smoke program for operator over the native _operator module: every function, attrgetter/itemgetter/methodcaller
# (reprs, calls, pickling state, errors), length_hint's protocol and the concat rules.
import operator, _operator
from operator import *

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

show("native", lambda: (operator.add is _operator.add, operator.itemgetter is _operator.itemgetter, operator.__add__ is _operator.add))
show("arith", lambda: (add(1, 2), sub(5, 3), mul("a", 3), truediv(1, 4), floordiv(7, 2), mod(7, 3), pow(2, 10),
                       lshift(1, 5), rshift(64, 2), and_(6, 3), or_(4, 1), xor(5, 1), mod("%s!", "x")))
show("unary", lambda: (neg(3), pos(-3), abs(-3.5), inv(5), invert(5), index(7), not_([]), truth(1), is_(None, None), is_not(1, None)))
show("compare", lambda: (lt(1, 2), le(2, 2), eq(1, 1.0), ne(1, 2), gt(3, 2), ge(1, 2), eq([1], [1])))
l = [1, 2, 3]
show("sequence", lambda: (concat([1], [2]), concat("a", "b"), contains(l, 2), countOf([1, 1, 2, 1.0], 1), indexOf(l, 3),
                          getitem(l, 1), setitem(l, 0, 9), delitem(l, 2), l, getitem("abc", slice(1, None))))
x = [1]
show("inplace", lambda: (iadd(x, [2]), iconcat(x, (3,)), x, isub(5, 2), imul(3, 3), itruediv(1, 2), ifloordiv(5, 2),
                         imod(5, 2), ipow(2, 3), ilshift(1, 2), irshift(8, 1), iand(7, 3), ior(1, 2), ixor(3, 1)))
show("call", lambda: (call(max, 1, 5, key=lambda v: -v), length_hint([1, 2]), length_hint(iter(range(5))), length_hint(3, 9)))
class Hint:
    def __init__(self, v): self.v = v
    def __length_hint__(self): return self.v
show("hint", lambda: (length_hint(Hint(4)), length_hint(Hint(NotImplemented), 7)))
show("hint neg", lambda: length_hint(Hint(-1)))
show("hint str", lambda: length_hint(Hint("x")))
show("hint default", lambda: length_hint([], "x"))
show("index err", lambda: index(1.5))
show("indexOf err", lambda: indexOf([1], 2))
show("concat err", lambda: concat(1, 2))
show("concat dict", lambda: concat({}, {}))
show("arg count", lambda: add(1))
show("arg count2", lambda: countOf([1], 1, 2))

a = attrgetter("n", "p.p.n"); i = itemgetter(1, "a"); m = methodcaller("f", 1, k=2)
show("reprs", lambda: (a, i, m, attrgetter("x"), itemgetter(0), methodcaller("g")))
show("reduce", lambda: (a.__reduce__(), i.__reduce__(), methodcaller("g", 1).__reduce__(), m.__reduce__()[1]))
class P:
    def __init__(self, n): self.n = n; self.p = self
    def f(self, a, k=0): return (self.n, a, k)
show("calls", lambda: (a(P(4)), attrgetter("n")(P(2)), methodcaller("f", 1, k=2)(P(5)), itemgetter(1)("abc"),
                       itemgetter(0, -1)([1, 2, 3]), itemgetter("a", "b")({"a": 1, "b": 2})))
show("sorted", lambda: sorted([(1, "b"), (0, "c"), (2, "a")], key=itemgetter(1)))
for f in [lambda: attrgetter(1), lambda: attrgetter(), lambda: itemgetter(), lambda: methodcaller(),
          lambda: methodcaller(1), lambda: attrgetter("x")(1), lambda: itemgetter(5)([1]), lambda: attrgetter("x")(),
          lambda: itemgetter(1)(1, 2), lambda: attrgetter("x", k=1), lambda: methodcaller("x")(1)]:
    show("error", f)
show("types", lambda: (type(a).__name__, type(a).__module__, type(i).__qualname__))
show("subclass", lambda: type("X", (itemgetter,), {}))
for x, y in [("a", b"a"), (b"a", "a"), (1, 2), (1, b"a"), (b"a", bytearray(b"a")), ("a", "a"), ("é", "é"), (memoryview(b"ab"), b"ab")]:
    show("compare_digest", lambda: _operator._compare_digest(x, y))
