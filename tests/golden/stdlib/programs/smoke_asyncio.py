import asyncio
async def work(name, delay, log):
    log.append(f"start {name}"); await asyncio.sleep(delay); log.append(f"end {name}"); return name.upper()
async def main():
    log = []
    print(await asyncio.gather(work("a", 0.3, log), work("b", 0.01, log)), log)
    t = asyncio.create_task(work("c", 0, log), name="task-c"); print(t.get_name(), await t, t.done(), t.result())
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except TimeoutError:
        print("wait_for timed out")
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout cm")
    q = asyncio.Queue()
    async def producer():
        for i in range(5): await q.put(i)
        await q.put(None)
    async def consumer():
        got = []
        while (item := await q.get()) is not None: got.append(item)
        return got
    print(await asyncio.gather(producer(), consumer()))
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work("x", 0.01, log)); t2 = tg.create_task(work("y", 0, log))
    print(t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(asyncio.sleep(1)); tg.create_task(fail())
    except* ValueError as eg:
        print("group:", eg.exceptions)
    ev = asyncio.Event(); lock = asyncio.Lock(); sem = asyncio.Semaphore(2)
    async def setter(): await asyncio.sleep(0); ev.set()
    asyncio.create_task(setter()); await ev.wait(); print("event set", ev.is_set())
    async with lock: print("locked", lock.locked())
    async with sem: print("sem", sem.locked())
    task = asyncio.create_task(asyncio.sleep(10)); await asyncio.sleep(0); task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", task.cancelled())
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(0, result=r)) for r in "pq"])
    print(sorted(d.result() for d in done), pending)
    loop = asyncio.get_running_loop(); fut = loop.create_future(); loop.call_soon(fut.set_result, 42); print(await fut)
    print(await asyncio.to_thread(sum, [1, 2, 3]), [r async for r in agen()])
    async for i in agen(): print("agen", i)
async def fail(): raise ValueError("bad")
async def agen():
    for i in range(3): await asyncio.sleep(0); yield i
asyncio.run(main())
print(asyncio.run(asyncio.sleep(0, result="done")), asyncio.iscoroutinefunction(main))
