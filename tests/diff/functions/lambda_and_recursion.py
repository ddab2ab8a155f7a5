fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20), (lambda *a, **k: (a, k))(1, x=2), (lambda: None)(), (lambda x=[]: x)())
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-5), list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(90), len(fib.__defaults__[0]))
