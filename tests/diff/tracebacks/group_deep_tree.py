def leaf(i):
    try:
        raise ValueError(f"leaf {i}")
    except ValueError as e:
        return e

level2 = ExceptionGroup("level2", [leaf(1), leaf(2)])
level1 = ExceptionGroup("level1", [level2, KeyError("k")])
try:
    raise TypeError("context for root")
except TypeError:
    raise ExceptionGroup("root", [level1, leaf(3)])
