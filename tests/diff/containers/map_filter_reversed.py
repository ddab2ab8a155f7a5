print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(filter(None, [0, 1, "", "a", None, []])), list(filter(lambda x: x % 2, range(7))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(0, 10, 3))))
class Rev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(reversed(Rev())))
for bad in (lambda: reversed(5), lambda: reversed({1, 2}), lambda: map(abs), lambda: list(map(abs, ["x"])), lambda: filter(5, [1])):
    try:
        bad()
    except TypeError as e:
        print(e)
m = map(str, [1])
print(type(m).__name__, next(m), next(m, "done"), type(filter(None, [])).__name__, type(reversed([])).__name__)
