class Tick:
    def __await__(self):
        yield

async def fetch(n):
    await Tick()
    if n > 1:
        raise ConnectionError(f"fetch {n} failed")
    return n

async def main():
    total = 0
    for i in range(3):
        total += await fetch(i)
    return total

coro = main()
while True:
    coro.send(None)
