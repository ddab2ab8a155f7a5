l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(100, 99); l.insert(-1, -1)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(-1)
print(l, l.index(2), l.index(2, 1), l.count(1), l.count(7))
l.reverse()
print(l, l.copy() == l, l.copy() is not l)
l.clear()
print(l, len(l))
for bad in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1, 2].index(1, 1), lambda: [].insert(), lambda: [1] + (2,)):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
