def gen_fn():
    yield 1
def normal():
    return 1
async def coro_fn():
    pass
async def agen_fn():
    yield
for f in (gen_fn, normal, coro_fn, agen_fn):
    print(f.__name__, hex(f.__code__.co_flags & 0x2a0))
c = coro_fn()
c.close()
print(type(gen_fn()).__name__, type(agen_fn()).__name__)
