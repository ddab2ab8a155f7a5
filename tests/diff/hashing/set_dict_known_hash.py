# Sets and dicts reuse each other's stored hashes (set(d), s.difference(d), dict.fromkeys(a set)), and set
# operations survive their elements mutating the sets.
class H(int):
    hash_count = 0
    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)
n = 10
d = dict.fromkeys(map(H, range(n)))
c = lambda: sum(e.hash_count for e in d)
print(c())
s = set(d); print('set(d)', c())
s.difference(d); print('difference', c())
s.symmetric_difference_update(d); print('symdiff_update', c())
d2 = dict.fromkeys(set(d)); print('fromkeys(set)', c())
d3 = dict.fromkeys(frozenset(d)); print('fromkeys(frozenset)', c())
d3 = dict.fromkeys(frozenset(d), 123); print('fromkeys(frozenset, v)', c())
s2 = set(d); s2.intersection(d); print('intersection', c())
s2.issubset(d); print('issubset', c())
s2.update(d); print('update', c())
s2.difference_update(d); print('difference_update', c())
print(dict.fromkeys({3, 1, 2}), dict.fromkeys(frozenset('abc'), 0), dict.fromkeys({'x': 1, 'y': 2}, 5), dict.fromkeys([1, 2]))
class D(dict): pass
print(D.fromkeys({1, 2}), type(D.fromkeys({1, 2})).__name__)
import collections
print(collections.OrderedDict.fromkeys({1, 2}))
# A set mutated by its elements' __eq__ while an operation walks it: no crash.
import random
random.seed(5)
enabled = False
class Bad:
    def __eq__(self, other):
        if enabled and random.randrange(5) == 0: s1.clear()
        return enabled and bool(random.randrange(2))
    def __hash__(self): return random.randrange(2)
for op in (set.difference, set.intersection, set.issubset, set.symmetric_difference, lambda a, b: a == b):
    for _ in range(30):
        enabled = False
        s1 = set(Bad() for _ in range(20)); d2 = dict.fromkeys(Bad() for _ in range(20))
        enabled = True
        try: op(s1, d2 if op is set.difference else set(d2))
        except RuntimeError as e: assert 'changed size' in str(e)
print('no crash')
