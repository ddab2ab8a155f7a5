import itertools as it
import operator
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3, 4], operator.mul, initial=10)))
print(list(it.chain("ab", [1, 2])), list(it.chain.from_iterable(["xy", "z"])))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)))
print(list(it.permutations(range(3), 2)), list(it.product("ab", repeat=2)))
print([(k, list(g)) for k, g in it.groupby("aaabbcdd")], [(k, len(list(g))) for k, g in it.groupby(range(10), lambda x: x // 4)])
print(list(it.islice(it.count(5, 3), 2, 8, 2)), list(it.islice(it.cycle("xyz"), 7)), list(it.repeat("r", 3)))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(it.zip_longest("abc", [1], fillvalue="-")), list(it.pairwise("abcd")), list(it.batched(range(7), 3)))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1])), list(it.filterfalse(lambda x: x % 2, range(6))))
a, b = it.tee(iter([1, 2, 3])); print(next(a), list(b), list(a))
print(list(it.count(1.5, 0.5))[:0] if False else list(it.islice(it.count(1.5, 0.5), 3)))
print(repr(it.count(3)), repr(it.repeat(1, 2)))
try:
    list(it.batched("abc", 0))
except ValueError as e:
    print(e)
try:
    it.islice([], -1)
except ValueError as e:
    print(e)
