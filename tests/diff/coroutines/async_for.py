class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def main():
    total = []
    async for x in Ticker(3):
        total.append(x)
    else:
        total.append("else")
    print(total)
    print([x async for x in Ticker(4) if x % 2 == 0])
    print({x: x * x async for x in Ticker(2)})
    try:
        async for x in 5:
            pass
    except TypeError as e:
        print(e)

def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value

run(main())
