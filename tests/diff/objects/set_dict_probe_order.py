# Set and dict probe sequences (perturbation on both hash halves) over str, int, tuple and bytes keys with
# deletions: the iteration order depends on every probe step being CPython's.
import random
r = random.Random(5)
s = set(); d = {}
for i in range(3000):
    k = r.choice([str(r.random()), r.randrange(-10**12, 10**12), (r.random(), i), b'%d' % i, -i * 2**40])
    s.add(k); d[k] = i
    if i % 7 == 0 and s: s.discard(next(iter(s)))
    if i % 11 == 0: d.pop(next(iter(d)))
print(hash(tuple(list(s)[:500])), list(s)[:20], list(d)[-20:], len(s), len(d))
fs = frozenset(str(i) for i in range(1000)); print(list(fs)[:30])
