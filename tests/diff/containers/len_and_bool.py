class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(L(5)), bool(L(0)), bool(L(2)))
for n in (-1, 2**63, "x", 1.5):
    try:
        len(L(n))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(e)
print(len([]), len(()), len({}), len(""), len(b""), len(range(3)), len({1: 2}.items()), len(frozenset("abc")))
