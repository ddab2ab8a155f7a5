print(sorted([3, 1, 2]), sorted("bca"), sorted({3: 1, 1: 2}), sorted([3, 1, 2], reverse=True), sorted([], key=len))
print(sorted(["bb", "a", "ccc"], key=len), sorted([(2, "b"), (1, "z"), (2, "a")]), sorted(range(5), key=lambda x: x % 2))
try:
    sorted()
except TypeError as e:
    print(e)
try:
    sorted([1], cmp=None)
except TypeError as e:
    print(e)
print(list(reversed(sorted("hello"))), sorted(set("mississippi")))
