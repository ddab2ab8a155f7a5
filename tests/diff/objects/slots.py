class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x

p = P(1)
print(p.x)
try:
    p.y
except AttributeError as e:
    print(e)
try:
    p.z = 3
except AttributeError as e:
    print(e)
print(hasattr(p, "__dict__"), type(P.x).__name__)
p.y = 2
del p.y
try:
    del p.y
except AttributeError as e:
    print(e)
class Q(P):
    pass
q = Q(5)
q.z = 1
print(q.__dict__)
class R(P):
    __slots__ = ("__dict__",)
r = R(1)
r.w = 2
print(r.__dict__)
try:
    class Bad:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print(e)
class S:
    __slots__ = "single"
print(S.__slots__, type(S.single).__name__)
