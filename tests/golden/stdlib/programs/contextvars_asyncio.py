# asyncio tasks each run in a copy of the caller's context (Task -> loop.call_soon(context=...) -> Context.run).
from contextvars import ContextVar
import asyncio

request = ContextVar("request", default="none")
async def handler(n):
    request.set(f"req{n}")
    await asyncio.sleep(0)
    return request.get()
async def main():
    request.set("main")
    results = await asyncio.gather(*(handler(i) for i in range(3)))
    return results, request.get()
print("asyncio", asyncio.run(main()))
