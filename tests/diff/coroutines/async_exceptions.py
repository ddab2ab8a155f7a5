class Tick:
    def __await__(self):
        yield

async def fails():
    await Tick()
    raise ValueError("async failure")

async def catches():
    try:
        await fails()
    except ValueError as e:
        print("caught in caller", e)
        raise RuntimeError("wrapped") from e

c = catches()
c.send(None)
try:
    c.send(None)
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))

async def uncaught():
    await Tick()
    1 / 0

u = uncaught()
u.send(None)
u.send(None)
