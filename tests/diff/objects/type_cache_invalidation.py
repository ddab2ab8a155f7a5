# _PyType_Lookup's method cache and the slots of classes follow every change: methods assigned or deleted on a
# class or a base after lookups were cached, __bases__ and __class__ assignment, metaclass __getattribute__, a
# metaclass mro() naming a type that is not a base, native bases, and thousands of classes sharing names.

class Base:
    def meth(self): return "Base.meth"
    attr = "Base.attr"

class Mid(Base): pass
class Leaf(Mid): pass

o = Leaf()
for _ in range(3):
    print(o.meth(), o.attr, Leaf.attr)
Mid.meth = lambda self: "Mid.meth"
print(o.meth(), Leaf.meth(o))
Base.attr = "Base.attr2"
print(o.attr, Leaf.attr, Mid.attr)
del Mid.meth
print(o.meth())
Leaf.attr = "Leaf.attr"
print(o.attr, Mid().attr)
del Leaf.attr
print(o.attr)
setattr(Base, "".join(["ne", "w_name"]), 42)
print(getattr(o, "new" + "_name"), Leaf.new_name)

# Dunders assigned on a base after instances were used reach the slots of the subclasses.
print(repr(o).startswith("<__main__.Leaf object"), len.__name__)
Base.__repr__ = lambda self: "repr from Base"
Base.__len__ = lambda self: 7
Base.__add__ = lambda self, other: ("add", other)
print(repr(o), len(o), o + 1)
Mid.__repr__ = lambda self: "repr from Mid"
print(repr(o), repr(Base()))
del Mid.__repr__
print(repr(o))
del Base.__len__
try:
    len(o)
except TypeError as e:
    print("TypeError:", e)
Base.__eq__ = lambda self, other: True
print(o == 5, Leaf.__hash__ is object.__hash__)
Mid.__hash__ = None
try:
    hash(o)
except TypeError as e:
    print("TypeError:", e)
del Mid.__hash__
print(type(hash(o)).__name__)

# __bases__ assignment: lookups and slots follow the new bases, in subclasses too.
class P1:
    def who(self): return "P1"
    def __repr__(self): return "P1 repr"
class P2:
    def who(self): return "P2"
    def __len__(self): return 2
class Kid(P1): pass
class GrandKid(Kid): pass
g = GrandKid()
print(g.who(), repr(g), hasattr(g, "__len__"))
Kid.__bases__ = (P2,)
print(g.who(), repr(g).startswith("<__main__.GrandKid object"), len(g), GrandKid.__mro__)
Kid.__bases__ = (P2, P1)
print(g.who(), repr(g), len(g))
P1.who = lambda self: "P1 again"
Kid.__bases__ = (P1, P2)
print(g.who())

# __class__ assignment.
class A:
    def f(self): return "A.f"
    def __repr__(self): return "an A"
class B:
    def f(self): return "B.f"
    def __str__(self): return "a B"
x = A()
print(x.f(), repr(x), str(x))
x.__class__ = B
print(x.f(), repr(x).startswith("<__main__.B object"), str(x))
B.f = lambda self: "B.f2"
print(x.f())

# A metaclass __getattribute__, added after class attributes were read.
class Meta(type): pass
class WithMeta(metaclass=Meta):
    value = 1
print(WithMeta.value, WithMeta.value)
def meta_getattribute(cls, name):
    if name == "value":
        return "from Meta.__getattribute__"
    return type.__getattribute__(cls, name)
Meta.__getattribute__ = meta_getattribute
print(WithMeta.value, WithMeta.__name__)
del Meta.__getattribute__
print(WithMeta.value)
class Meta2(type):
    def __getattr__(cls, name): return "missing " + name
class W2(metaclass=Meta2):
    here = "here"
print(W2.here, W2.nothere)
W2.nothere = "now here"
print(W2.nothere)

# A metaclass mro() that names a class which is not a base.
class Outside:
    attr = "Outside.attr"
class CustomMro(type):
    def mro(cls):
        return [cls, Outside, object] if cls.__name__ == "Odd" else type.mro(cls)
class Odd(metaclass=CustomMro): pass
print(Odd.attr, Odd().attr, Odd.__mro__)
Odd.attr = "Odd.attr"
print(Odd.attr, Odd().attr, Outside.attr)

# Native bases, alone and after a mixin.
class L(list): pass
class L2(list):
    def __len__(self): return 99
print(L([1]) + [2], [0] + L([1]), len(L([1, 2])), L2([1]).__len__(), L([3]) * 2)
class Mixin:
    def hello(self): return "hello"
class I(Mixin, int): pass
class IR(Mixin, int):
    def __repr__(self): return "IR"
print(repr(I(5)), I(5) + 1, repr(IR(5)), I(5).hello(), IR.__mro__)
class D(dict): pass
d = D(a=1)
print(d["a"], len(d), "a" in d)
D.__getitem__ = lambda self, k: "overridden"
D.__len__ = lambda self: -1 + 10
print(d["a"], len(d))
del D.__getitem__
print(d["a"])
class E(ValueError): pass
class E2(E):
    def __str__(self): return "E2 str"
print(str(E("x")), str(E2("x")), repr(E("y")))
T = type("T", (Base,), {"__len__": lambda self: 3, "__repr__": lambda self: "T repr"})
print(len(T()), repr(T()), T().meth())

# Many classes with the same attribute names (entries of the cache collide and are replaced).
classes = [type("K%d" % i, (Base,), {"meth": (lambda i: lambda self: i)(i), "attr": i}) for i in range(5000)]
total = 0
for _ in range(2):
    for c in classes:
        total += c().meth() + c.attr
print(total)
classes[17].meth = lambda self: "changed"
print(classes[17]().meth(), classes[18]().meth())

# __set_name__ runs over a copy of the namespace: removing a later attribute does not skip its call.
class SetName:
    def __init__(self, tag): self.tag = tag
    def __set_name__(self, owner, name):
        print("set_name", self.tag, name)
        if name == "first" and "second" in owner.__dict__:
            delattr(owner, "second")
class Owner:
    first = SetName(1)
    second = SetName(2)
print(hasattr(Owner, "second"))

# object.__init_subclass__ takes no keyword arguments.
try:
    class KW(Base, flag=True): pass
except TypeError as e:
    print("TypeError:", e)
class Bad:
    def __set_name__(self, owner, name): raise ValueError("no")
try:
    class HasBad:
        x = Bad()
except ValueError as e:
    print(e, e.__notes__)
class Hook:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class Hooked(Hook, tag=1): pass
class Hooked2(Hooked): pass
