class Step:
    def __await__(self):
        yield "step"
        return "stepped"

async def inner():
    return await Step()

async def outer():
    return await inner()

c = outer()
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_await.__name__)
print(type(c.cr_await.cr_await).__name__)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
print(c.cr_await)
