a, b, c = "xyz"
print(a, b, c)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
a, *mid, z = "ab"
print(a, mid, z)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x, y)
try:
    a, b = [1]
except ValueError as e:
    print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
def gen():
    yield 1; yield 2; yield 3
try:
    x, y = gen()
except ValueError as e:
    print(e)
