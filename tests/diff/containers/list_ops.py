a = [1, 2, 3]
print(a + [4], a * 2, [0] * 3, 2 * a, a == [1, 2, 3], a < [1, 2, 4], a > [1, 2], [1, [2]] == [1, [2]])
b = a
b += [4]
print(a, a is b)
a[1:1] = [9, 9]
print(a)
a[:] = "xy"
print(a, list(range(3))[::-1], [x for x in range(10)][2:8:3])
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
print(list(), list((1, 2)), list({"a": 1}), list("ab"), len([None] * 100))
try:
    [1, 2] < [1, "x"]
except TypeError as e:
    print(e)
try:
    a[1.0]
except TypeError as e:
    print(e)
print(repr([]), repr([[]]), str([1, "a", None, 2.5]))
