import itertools, functools, operator
print(list(itertools.permutations("abc", 2)), list(itertools.accumulate([1, 2, 3])), list(itertools.chain("ab", "cd")))
print(functools.reduce(operator.mul, range(1, 6)), list(itertools.islice(itertools.count(5, 2), 3)), list(itertools.product("ab", repeat=2)))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info().hits)
