class Channel:
    def __init__(self):
        self.items = []
    def put(self, x):
        self.items.append(x)
    def get(self):
        return ChannelGet(self)

class ChannelGet:
    def __init__(self, ch):
        self.ch = ch
    def __await__(self):
        while not self.ch.items:
            yield "waiting"
        return self.ch.items.pop(0)

async def producer(ch, n):
    for i in range(n):
        print("produce", i)
        ch.put(i)
        await Yield()

async def consumer(ch, n):
    got = []
    for _ in range(n):
        got.append(await ch.get())
        print("consumed", got[-1])
    return got

class Yield:
    def __await__(self):
        yield "yield"

def run(*coros):
    tasks = list(coros)
    results = []
    while tasks:
        t = tasks.pop(0)
        try:
            t.send(None)
            tasks.append(t)
        except StopIteration as e:
            results.append(e.value)
    return results

ch = Channel()
print(run(consumer(ch, 3), producer(ch, 3)))
