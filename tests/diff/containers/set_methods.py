s = {1, 2, 3}
s.add(4); s.discard(10); s.remove(1)
print(s, s.pop(), s)
for bad in (lambda: s.remove(99), lambda: set().pop(), lambda: {[]}, lambda: s.add({})):
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
a, b = {1, 2, 3}, {2, 3, 4}
print(a.issubset({1, 2, 3, 4}), a <= a, a < a, a.issuperset({1}), a >= {1, 5}, a.isdisjoint({9}), a == {3, 2, 1})
c = set(a)
c.intersection_update(b); print(c)
c = set(a); c.difference_update(b); print(c)
c = set(a); c.symmetric_difference_update(b); print(c)
print(a.union(b, [7]), a.intersection(b, {3}), a.difference(b, {1}), a.symmetric_difference(b))
f = frozenset(a)
print(f, f | {9}, type(f | {9}).__name__, type({9} | f).__name__, f == a, frozenset() == set(), repr(set()), repr(frozenset()))
try:
    f.add(1)
except AttributeError as e:
    print(e)
try:
    a < [1]
except TypeError as e:
    print(e)
print({frozenset({1}): "frozen key"}, set("aa"), set(), len({1, 1.0, True}))
