import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(2, 3), operator.sub(2, 3), operator.mul("a", 3), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3))
print(operator.neg(5), operator.not_(0), operator.truth([]), operator.is_(None, None), operator.contains([1], 1), operator.countOf([1, 1, 2], 1))
print(operator.indexOf("abc", "c"), operator.concat([1], [2]), operator.getitem({"k": 1}, "k"), operator.index(7), operator.length_hint(iter([1, 2])))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.invert(0), operator.pow(2, 10))
l = [1, 2]; operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l, operator.iadd([1], [2]), operator.matmul.__name__)
data = [("b", 2, 9), ("a", 3, 1), ("c", 1, 5)]
print(sorted(data, key=itemgetter(1)), itemgetter(0, 2)(data[0]), itemgetter(slice(1, None))("abc"))
class P:
    def __init__(self, n): self.name = n; self.child = self if n == "root" else None
    def greet(self, x, y=0): return f"{self.name}:{x}:{y}"
print(attrgetter("name")(P("z")), attrgetter("child.name", "name")(P("root")), methodcaller("greet", 1, y=2)(P("q")))
print(repr(itemgetter(1)), repr(attrgetter("a.b")), repr(methodcaller("m", 1, k=2)))
print(operator.lt(1, 2), operator.ge(1, 2), operator.eq("a", "a"), operator.call(max, 1, 5))
try:
    operator.index(1.5)
except TypeError as e:
    print(e)
try:
    itemgetter()
except TypeError as e:
    print(e)
