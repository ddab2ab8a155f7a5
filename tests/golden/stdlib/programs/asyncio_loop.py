# asyncio on Typhon's event loop: sleeps that really wait, tasks, gather, queues, locks, timeouts, threads
# (to_thread, run_in_executor, call_soon_threadsafe) and streams over a socketpair (the in-memory channel).
import asyncio, socket, threading, time

async def work(name, delay, log):
    log.append(f"start {name}")
    await asyncio.sleep(delay)
    log.append(f"end {name}")
    return name.upper()

async def main():
    t0 = time.monotonic()
    log = []
    print(await asyncio.gather(work("a", 0.25, log), work("b", 0.01, log), work("c", 0.12, log)), log)
    print("waited", time.monotonic() - t0 >= 0.25)

    q = asyncio.Queue(maxsize=2)
    async def producer():
        for i in range(6):
            await q.put(i)
        await q.put(None)
    async def consumer():
        got = []
        while (item := await q.get()) is not None:
            got.append(item)
        return got
    print("queue", (await asyncio.gather(producer(), consumer()))[1])

    lock = asyncio.Lock()
    order = []
    async def critical(i):
        async with lock:
            order.append(("in", i))
            await asyncio.sleep(0.001)
            order.append(("out", i))
    await asyncio.gather(*(critical(i) for i in range(3)))
    print("lock", order)

    sem = asyncio.Semaphore(2)
    running = peak = 0
    async def limited():
        nonlocal running, peak
        async with sem:
            running += 1; peak = max(peak, running)
            await asyncio.sleep(0.005)
            running -= 1
    await asyncio.gather(*(limited() for _ in range(5)))
    print("semaphore peak", peak)

    cond = asyncio.Condition()
    box = []
    async def waiter():
        async with cond:
            await cond.wait_for(lambda: box)
            return box[0]
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    async with cond:
        box.append("item"); cond.notify_all()
    print("condition", await w)

    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout() expired")
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except TimeoutError:
        print("wait_for expired")
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(d, result=d)) for d in (0.01, 1)],
                                       return_when=asyncio.FIRST_COMPLETED)
    print("wait first", [t.result() for t in done], len(pending))
    for t in pending:
        t.cancel()

    inner = asyncio.create_task(asyncio.sleep(0.01, result="shielded"))
    outer = asyncio.shield(inner)
    outer.cancel()
    print("shield", await inner, outer.cancelled())

    def blocking(x):
        time.sleep(0.01)
        return x * 2, threading.current_thread() is not threading.main_thread()
    print("to_thread", await asyncio.to_thread(blocking, 21))
    loop = asyncio.get_running_loop()
    print("run_in_executor", await loop.run_in_executor(None, blocking, 5))
    fut = loop.create_future()
    threading.Thread(target=lambda: (time.sleep(0.01), loop.call_soon_threadsafe(fut.set_result, "from thread"))).start()
    print("call_soon_threadsafe", await fut)

    a, b = socket.socketpair()
    reader, writer = await asyncio.open_connection(sock=a)
    r2, w2 = await asyncio.open_connection(sock=b)
    writer.write(b"hello\nworld\n")
    await writer.drain()
    print("stream", await r2.readline(), await r2.readexactly(6))
    w2.write(b"reply\n")
    w2.write_eof()
    print("stream back", await reader.readline(), await reader.readline(), reader.at_eof())
    writer.close(); w2.close()
    await writer.wait_closed(); await w2.wait_closed()

    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work("x", 0.01, log))
    print("taskgroup", t1.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(asyncio.sleep(1))
            tg.create_task(fail())
    except* ValueError as eg:
        print("group", eg.exceptions)

    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", task.cancelled())

async def fail():
    raise ValueError("bad")

t0 = time.monotonic()
asyncio.run(main())
t1 = time.monotonic()
asyncio.run(asyncio.sleep(0.05))
print("asyncio.sleep(0.05) waited", time.monotonic() - t1 >= 0.05)
