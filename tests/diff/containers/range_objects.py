r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 5 in r, 6 in r, r.index(8), r.count(11))
print(range(5), range(0), list(range(5, 0, -2)), range(10)[::2], range(10**20)[-1])
try:
    len(range(10**20))
except OverflowError as e:
    print(e)
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5), r.start, r.stop, r.step, hash(range(3)) == hash(range(3)))
for bad in (lambda: range(1, 2, 0), lambda: range(1.5), lambda: r[100], lambda: r.index(4), lambda: range()):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(list(reversed(range(3))), sum(range(101)), range(-5, 5)[::3], bool(range(0)), max(range(7)))
it = iter(range(3))
print(type(it).__name__, next(it), list(it))
