print(type(1), type("s"), type(None), type(type), type(object))
X = type("X", (), {"a": 1, "f": lambda self: self.a * 2})
print(X.__name__, X.__bases__, X().f(), X.__module__)
Y = type("Y", (X,), {})
print(Y.__mro__, Y.__qualname__)
for bad in ((), ("a", 1, 2), (1, (), {}), ("Z", (1,), {}), ("Z", (), [])):
    try:
        type(*bad)
    except TypeError as e:
        print(e)
try:
    type("a", "b")
except TypeError as e:
    print(e)
print(type.__call__(int, "5"), type.__name__)
Z = type("Z", (), {"__qualname__": "Outer.Z"})
print(Z.__qualname__, Z.__name__)
