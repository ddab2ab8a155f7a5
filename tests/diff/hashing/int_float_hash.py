for v in (0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**64, -(2**64), 10**30, True, False):
    print(v, hash(v))
for v in (0.0, -0.0, 1.5, -1.5, 0.1, 1e100, 1e-300, 2.0**61, float("inf"), float("-inf"), 123456.789):
    print(repr(v), hash(v))
print(hash(1) == hash(1.0) == hash(True), hash(2**70) == hash(2.0**70))
