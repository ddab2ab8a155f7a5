class Averager:
    def __init__(self):
        self.coro = self._run()
        next(self.coro)

    def _run(self):
        total = count = 0
        avg = None
        while True:
            value = yield avg
            total += value
            count += 1
            avg = total / count

    def add(self, v):
        return self.coro.send(v)

a = Averager()
print(a.add(10), a.add(20), a.add(60))
print(a.coro.gi_frame.f_locals["count"], a.coro.__qualname__)
a.coro.close()
print(a.coro.gi_frame, a.coro.gi_suspended)
