class Future:
    def __init__(self):
        self.value = None
        self.done = False
    def __await__(self):
        while not self.done:
            yield self
        return self.value

async def leaf(fut):
    v = await fut
    return v * 2

async def middle(fut):
    return await leaf(fut) + 1

async def top(fut):
    r = await middle(fut)
    return f"result={r}"

fut = Future()
c = top(fut)
yielded = c.send(None)
print(yielded is fut)
print(c.send(None) is fut)
fut.value = 20
fut.done = True
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
