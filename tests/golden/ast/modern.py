type Alias[T = int, *Ts = *tuple[int], **P = [int]] = dict[T, P]
class G[T: (int, str), U: int = bool](Base[T], **kw): pass
def f[T](x: T, *args: *Ts) -> T: ...
@a.b(c)
@d[e]
@(lambda f: f)
async def g():
    async with (open(x) as f, open(y) as g,):
        pass
    with (a, b):
        pass
    with (yield):
        pass
    result = [await z async for z in aiter() if await z]
    return {k: v async for k, v in w}
try:
    pass
except* (A, B) as e:
    raise X from e
except* C:
    pass
else:
    pass
finally:
    pass
if (n := len(a)) > 10: print(f"{n=}")
x[1:2, ...:None, *y] = *a, *b = c
del (a), [b, c], d.e
global q; nonlocal r
assert x, "msg"
for (i, *j) in k: continue
else: break
while 1:
    pass
else:
    pass
lambda: (yield)
lambda a, /, b=1, *c, d, e=2, **f: 0
print(*a, *b, c=1, **d, e=2)
x = a if b else c if d else e
x = not a and b or c < d <= e is not f not in g
x = -a ** -b // c @ d % e << f >> g & h ^ i | ~j
x = yield from y
x = {**a, 'b': 1, **c}; x = {*a, b}; x = (a for b in c for d in e if f if g)
