async def agen():
    yield 1

g = agen()
print(g.ag_code is agen.__code__, g.ag_running, g.ag_await, g.ag_frame.f_code.co_name)
print(g.__qualname__, type(g.__aiter__()).__name__, g.__aiter__() is g)
print(agen.__code__.co_flags & 0x200 != 0)
step = g.__anext__()
print(type(step).__name__)
try:
    step.send(None)
except StopIteration as e:
    print("yielded", e.value)
g2 = agen()
n = g2.__anext__()
n.close()
print("closed awaitable")
async def ag_with_return():
    yield 1
    return
print("ok")
