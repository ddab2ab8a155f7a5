print(sum([1, 2, 3]), sum([1, 2], 10), sum([], 5), sum(range(101)), sum([0.1] * 10), sum([1e100, 1, -1e100, 1]))
print(sum([[1], [2]], []), sum(((1,), (2,)), ()), sum([1.5, 2, True]), sum([1, 2], start=0.5))
for bad in (lambda: sum(["a", "b"], ""), lambda: sum([b"a"], b""), lambda: sum([1, "a"]), lambda: sum(5)):
    try:
        bad()
    except TypeError as e:
        print(e)
print(min(3, 1, 2), max("abc"), min([4, 2, 8]), max([], default="empty"), min([], default=None), max(1, 2, key=lambda x: -x))
print(max([(1, "b"), (1, "a")]), min("bca", key=ord), max([3, 3.0]), max([3.0, 3]), min([[1], [0, 5]]))
for bad in (lambda: min([]), lambda: max(), lambda: max(1), lambda: min(1, 2, default=0), lambda: max([1, "a"])):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
