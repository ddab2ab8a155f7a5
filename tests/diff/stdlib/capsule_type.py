# types.CapsuleType is the type of _socket.CAPI (PyCapsule): its repr, and what Python may not do with it.
import _socket, copy, pickle, re, types

c = _socket.CAPI
print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(c)))
print(type(c), type(c).__module__, type(c).__qualname__, types.CapsuleType is type(c))
print(type(c).__doc__)
print(sorted(set(dir(c)) - set(dir(object()))))
print(c == c, c != c, bool(c), hash(c) == hash(c), str(c) == repr(c))
for what, f in [
    ("call", lambda: types.CapsuleType()),
    ("call with a name", lambda: types.CapsuleType("x")),
    ("__new__", lambda: types.CapsuleType.__new__(types.CapsuleType)),
    ("subclass", lambda: type("X", (types.CapsuleType,), {})),
    ("copy", lambda: copy.copy(c)),
    ("deepcopy", lambda: copy.deepcopy(c)),
    ("pickle", lambda: pickle.dumps(c)),
    ("set attribute", lambda: setattr(c, "x", 1)),
    ("set type attribute", lambda: setattr(types.CapsuleType, "x", 1)),
    ("compare", lambda: c < c),
]:
    try:
        r = f()
        print(what, "->", type(r).__name__)
    except Exception as e:
        print(what, "->", type(e).__name__, e)
