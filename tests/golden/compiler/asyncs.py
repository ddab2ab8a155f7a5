import asyncio

async def agen(xs):
    for x in xs:
        yield x
        await asyncio.sleep(0)

async def main(xs):
    async with asyncio.timeout(1) as t:
        async for v in agen(xs):
            print(v)
    r = [v async for v in agen(xs)]
    return await asyncio.gather(*r)

def gen(n):
    x = yield n
    yield from range(x)
    return x
