print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(*[(1, 2), (3, 4)])))
print(list(zip("ab", "cd", strict=True)))
try:
    list(zip("abc", "de", strict=True))
except ValueError as e:
    print(e)
try:
    list(zip("ab", "cde", strict=True))
except ValueError as e:
    print(e)
try:
    list(zip("ab", "ab", "abc", strict=True))
except ValueError as e:
    print(e)
e = enumerate("xy")
print(type(e).__name__, next(e), iter(e) is e, list(e))
try:
    enumerate(5)
except TypeError as e2:
    print(e2)
try:
    zip(1, [])
except TypeError as e3:
    print(e3)
