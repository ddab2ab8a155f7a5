import reprlib
r = reprlib.Repr(maxlist=3, maxstring=12, maxdict=2, maxlevel=2)
print(r.repr(list(range(100))), r.repr("a" * 50), r.repr({i: i for i in range(10)}), r.repr([[[[1]]]]))
print(reprlib.repr(set(range(20))), reprlib.repr(tuple(range(20))), reprlib.repr(10 ** 100), reprlib.repr(frozenset("abcdefgh")))
print(reprlib.aRepr.maxlevel, reprlib.repr(b"x" * 100), reprlib.repr(range(5)))
class Node:
    def __init__(self, v): self.v = v; self.kids = []
    @reprlib.recursive_repr()
    def __repr__(self): return f"Node({self.v}, {self.kids})"
n = Node(1); n.kids.append(n); n.kids.append(Node(2)); print(repr(n))
r2 = reprlib.Repr(indent=2)
print(r2.repr([1, [2, 3], {"a": 4}]))
class MyRepr(reprlib.Repr):
    def repr_int(self, x, level): return hex(x)
print(MyRepr().repr([10, 255]))
