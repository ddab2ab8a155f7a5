async def agen(n):
    for i in range(n):
        got = yield i
        if got:
            print("agen got", got)
    print("agen end")

def drive(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value

async def main():
    g = agen(3)
    print(type(g).__name__, g.__name__, g.ag_running)
    print(await g.__anext__())
    print(await g.asend("hello"))
    print([x async for x in g])
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    return "ok"

print(drive(main()))
