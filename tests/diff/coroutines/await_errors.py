async def f():
    await 5

c = f()
try:
    c.send(None)
except TypeError as e:
    print(e)

class BadAwait:
    def __await__(self):
        return 5

async def g():
    await BadAwait()

try:
    g().send(None)
except TypeError as e:
    print(e)

async def h():
    return 1

async def twice():
    c = h()
    await c
    await c

try:
    twice().send(None)
except RuntimeError as e:
    print(e)
def plain_gen():
    yield
async def await_gen():
    await plain_gen()
try:
    await_gen().send(None)
except TypeError as e:
    print(e)
