# itertools.pairwise entered again from its iterator's __next__ (CPython's test_pairwise_reenter cases).
from itertools import pairwise

def run(reenter_at, n):
    class I:
        count = 0
        def __iter__(self): return self
        def __next__(self):
            self.count += 1
            if self.count in reenter_at:
                return next(it)
            return [self.count]
    it = pairwise(I())
    return [next(it) for _ in range(n)]

for at in ({1}, {2}, {3}, {1, 2}, {1, 3}, {1, 4}, {2, 3}):
    print(sorted(at), run(at, 3))

def run2(maxcount):
    class I:
        count = 0
        def __iter__(self): return self
        def __next__(self):
            if self.count >= maxcount: raise StopIteration
            self.count += 1
            if self.count == 1: return next(it, None)
            return [self.count]
    it = pairwise(I())
    return list(it)

for m in range(1, 6):
    print(m, run2(m))
print(list(pairwise('abcd')), list(pairwise('')), list(pairwise('a')))
