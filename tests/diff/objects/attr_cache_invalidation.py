# The specialized LOAD_ATTR/STORE_ATTR forms must give what the generic lookup gives after every kind of change:
# each loop runs one instruction many times (so it is specialized), then changes the class, the instance, the
# module or the type of the owner, and runs it again.
import sys
import types


def read_x(objs):
    return [o.x for o in objs]


def call_m(objs):
    return [o.m() for o in objs]


def set_x(objs, v):
    for o in objs:
        o.x = v


class A:
    def __init__(self, x):
        self.x = x

    def m(self):
        return "A.m"


class B(A):
    pass


objs = [A(i) for i in range(40)]
print(read_x(objs)[:3], call_m(objs)[:2])
# Instance attribute shadows the method; then a data descriptor on the class shadows the instance attribute.
objs[5].m = lambda: "instance m"
print(call_m(objs)[4:7])
A.x = property(lambda self: "property x")
print(read_x(objs)[:2])
del A.x
print(read_x(objs)[:2])
# A method replaced on the class, and on a base.
A.m = lambda self: "new A.m"
print(call_m(objs)[:1])
bs = [B(i) for i in range(40)]
print(call_m(bs)[:1])
A.m = lambda self: "newer A.m"
print(call_m(bs)[:1])
B.m = lambda self: "B.m"
print(call_m(bs)[:1], call_m(objs)[:1])
# __class__ assignment, __dict__ replacement and deletion of an attribute.
o = objs[0]
o.__class__ = B
print(call_m([o]), read_x([o]))
o.__dict__ = {"x": "from new dict"}
print(read_x([o]))
del o.x
try:
    read_x([o])
except AttributeError as e:
    print("AttributeError:", e)
# Attributes added in different orders (different dict layouts at the same instruction).
class P:
    pass


ps = []
for i in range(30):
    p = P()
    if i % 2:
        p.a = 1
        p.x = i
    else:
        p.x = i
        p.a = 2
    ps.append(p)
print(sum(read_x(ps)))
set_x(ps, 7)
print(sum(read_x(ps)), ps[3].__dict__)
# __slots__ members: read, write, delete, unset.
class S:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


ss = [S(i) for i in range(30)]
print(sum(read_x(ss)))
set_x(ss, 2)
print(sum(read_x(ss)))
del ss[0].x
try:
    read_x(ss[:1])
except AttributeError as e:
    print("AttributeError:", e)
# A class constant, then shadowed by the instance, then a __getattr__ added to the class.
class K:
    x = "class x"


ks = [K() for _ in range(30)]
print(read_x(ks)[:1])
ks[1].x = "inst x"
print(read_x(ks)[:3])
K.__getattr__ = lambda self, n: "getattr " + n
print(read_x(ks)[:2], [k.nothing for k in ks[:1]])
# Class attributes loaded from the class itself (LOAD_ATTR_CLASS) and module attributes (LOAD_ATTR_MODULE).
def from_class(n):
    return [A.m for _ in range(n)][-1]


f1 = from_class(30)
A.m = lambda self: "again"
print(from_class(30) is not f1, from_class(1)(objs[1]))
mod = types.ModuleType("mod")
mod.v = 1


def from_mod(n):
    return [mod.v for _ in range(n)][-1]


print(from_mod(30))
mod.v = 2
print(from_mod(30))
del mod.v
mod.w = 3
try:
    from_mod(1)
except AttributeError as e:
    print("AttributeError:", e)
mod.__getattr__ = lambda n: "module getattr " + n
print(from_mod(1))
# Properties (LOAD_ATTR_PROPERTY): replaced, given another getter, raising (with the traceback's frames).
class Pr:
    def __init__(self, v):
        self._v = v

    @property
    def v(self):
        return self._v * 10


def read_v(objs):
    return [o.v for o in objs]


prs = [Pr(i) for i in range(30)]
print(sum(read_v(prs)))
Pr.v = property(lambda self: "lambda prop")
print(read_v(prs)[:1])


def boom(self):
    raise AttributeError("boom")


Pr.v = property(boom)
try:
    read_v(prs[:1])
except AttributeError as e:
    import traceback
    print("AttributeError:", e, [f.name for f in traceback.extract_tb(e.__traceback__)])
Pr.v = Pr.v.getter(lambda self: "getter " + str(self._v))
print(read_v(prs)[:2])
print(sys.version_info[:2] == (3, 13))
