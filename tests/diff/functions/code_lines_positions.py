def f(x):
    if x:
        return 1
    y = (x +
         2)
    return y

co = f.__code__
lines = sorted({l for _, _, l in co.co_lines() if l is not None})
print(lines)
pos = [p for p in co.co_positions() if p[0] is not None]
print(min(p[0] for p in pos), max(p[1] for p in pos))
print(sorted({(p[0], p[1]) for p in pos}))
def g():
    pass
print(list(g.__code__.co_lines()), list(g.__code__.co_positions()))
