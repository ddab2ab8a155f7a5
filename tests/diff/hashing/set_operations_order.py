a = {1, 2, 3, 40, 50, 600}
b = {3, 600, 7, 8, 90}
print(a | b, b | a)
print(a & b, b & a)
print(a - b, b - a)
print(a ^ b, b ^ a)
print(a.union([100, 2, 33]), a.intersection(range(10)), a.difference({1}))
print(frozenset("hello") | set("world"))
c = a.copy()
c.update(["x", "y"])
print(len(c), sorted(map(str, c)))
