class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for _ in range(self.ticks):
            yield "tick"
        return self.ticks

async def task(name, ticks):
    print(name, "start")
    waited = await Sleep(ticks)
    print(name, "woke after", waited)
    return name.upper()

def run(coros):
    results = {}
    queue = list(coros)
    while queue:
        coro = queue.pop(0)
        try:
            coro.send(None)
        except StopIteration as e:
            results[coro.__name__ + ":" + str(len(results))] = e.value
        else:
            queue.append(coro)
    return results

print(run([task("a", 2), task("b", 1), task("c", 0)]))
