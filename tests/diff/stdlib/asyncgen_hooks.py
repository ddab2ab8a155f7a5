# sys.set_asyncgen_hooks: firstiter is called at an async generator's first __anext__/asend/athrow/aclose (its
# errors propagate), per thread; asyncio's shutdown_asyncgens then closes an abandoned generator at asyncio.run's end.
import sys, asyncio, warnings
calls = []
def firstiter(agen): calls.append(("firstiter", agen.__qualname__))
def finalizer(agen): calls.append(("finalizer", agen.__qualname__))
async def ag():
    yield 1
    yield 2
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(firstiter, finalizer)
print(sys.get_asyncgen_hooks() == (firstiter, finalizer))
g = ag()
print(calls)
c = g.__anext__()
print(calls)
try:
    c.send(None)
except StopIteration as e:
    print("yielded", e.value)
g.__anext__().close()
print(calls)
g2 = ag()
g2.asend(None).close(); g3 = ag(); g3.aclose().close(); g4 = ag(); g4.athrow(ValueError).close()
print(calls)
def bad(agen): raise RuntimeError("no first iteration")
sys.set_asyncgen_hooks(firstiter=bad)
try:
    ag().__anext__()
except RuntimeError as e:
    print("firstiter raised:", e)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print(e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    ag().athrow(ValueError, ValueError(), None).close()
    print([str(x.message) for x in w])

async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")

async def main():
    async for x in agen():
        print(x)
        break
    print("after break")
    print(sys.get_asyncgen_hooks().firstiter is not None)

x = agen()  # never iterated: no hook call, no aclose
asyncio.run(main())
print(sys.get_asyncgen_hooks())
