print(all([]), any([]), all([1, 0]), any([0, 0, 3]), all(x > 0 for x in [1, 2]), any(c.isdigit() for c in "ab1"))
def noisy(x):
    print("check", x)
    return x
print(any(noisy(x) for x in [0, 1, 2]), all(noisy(x) for x in [1, 0, 2]))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, None))
print(list(iter(range(3))), len(list(zip(*[iter(range(6))] * 2))))
