t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], t + (4,), t * 2, t.count(2), t.index(3), len(t), 2 in t)
print((), (1,), tuple([1, 2]), tuple("ab"), tuple(range(3)), (1, 2) < (1, 3), (1, 2) == (1, 2.0))
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    t.index(9)
except ValueError as e:
    print(e)
try:
    t + [1]
except TypeError as e:
    print(e)
a, b, c = t
print(a + b + c, hash(t) == hash((1, 2, 3)), (1, [2])[1], repr((1,)), repr(()))
x = ([],)
x[0].append(1)
print(x)
try:
    x[0] += [2]
except TypeError as e:
    print(e, x)
