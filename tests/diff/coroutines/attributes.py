async def coro(x):
    return x

c = coro(1)
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_suspended)
print(c.cr_code is coro.__code__, c.cr_await, c.cr_origin)
print(c.cr_frame.f_code.co_name)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
print(c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
print(coro.__code__.co_flags & 0x80 != 0)
c2 = coro(2)
c2.close()
try:
    c2.send(None)
except RuntimeError as e:
    print(e)
