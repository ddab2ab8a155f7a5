import copy
a = [1, [2, 3], {"k": [4]}]
s, d = copy.copy(a), copy.deepcopy(a)
a[1].append(99); a[2]["k"].append(5)
print(s, d, s[1] is a[1], d[1] is a[1])
r = [1]; r.append(r); rc = copy.deepcopy(r); print(rc[1] is rc, rc is not r)
class P:
    def __init__(self, x, items): self.x, self.items = x, items
    def __repr__(self): return f"P({self.x}, {self.items})"
p = P(1, [1]); p2 = copy.copy(p); p3 = copy.deepcopy(p); p.items.append(2)
print(p2, p3)
class Custom:
    def __init__(self): self.log = []
    def __copy__(self): c = Custom(); c.log = ["copied"]; return c
    def __deepcopy__(self, memo): c = Custom(); c.log = ["deep", len(memo)]; return c
print(copy.copy(Custom()).log, copy.deepcopy(Custom()).log)
class S:
    __slots__ = ("a", "b")
    def __init__(self): self.a = [1]; self.b = 2
sc = copy.deepcopy(S()); print(sc.a, sc.b)
t = (1, 2, (3,)); print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1])
import collections
Pt = collections.namedtuple("Pt", "x y")
print(copy.replace(Pt(1, 2), y=5))
import dataclasses
@dataclasses.dataclass
class DC:
    a: int
    b: list
print(copy.replace(DC(1, [2]), a=3), copy.deepcopy(DC(1, [2])))
class R:
    def __reduce__(self): return (R2, (5,))
class R2:
    def __init__(self, v): self.v = v
print(type(copy.copy(R())).__name__, copy.deepcopy(R()).v)
try:
    copy.replace(1, x=2)
except TypeError as e:
    print(e)
print(copy.deepcopy({1: frozenset({2}), "f": print})["f"] is print, copy.Error)
