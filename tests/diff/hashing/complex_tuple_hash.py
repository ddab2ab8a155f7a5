for v in (0j, 1j, 1 + 2j, -1.5 - 0.5j, complex(3, 0), complex(1e300, -1e300)):
    print(repr(v), hash(v))
print(hash(complex(3, 0)) == hash(3))
for t in ((), (1,), (1, 2), (1, (2, 3)), ("a",) * 0, (0.5, -1, True), (None,)):
    print(repr(t), hash(t) if "'" not in repr(t) else "skip")
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) != hash((2, 1)))
print(hash(None), hash(...) == hash(Ellipsis), hash(range(3)) == hash(range(0, 3, 1)))
