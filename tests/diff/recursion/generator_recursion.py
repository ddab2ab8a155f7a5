def walk(n):
    yield n
    if n:
        yield from walk(n - 1)

print(sum(walk(200)))

def bad(n):
    yield from bad(n + 1)

try:
    next(bad(0))
except RecursionError as e:
    print(type(e).__name__, e)
