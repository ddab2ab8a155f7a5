class Wait:
    def __await__(self):
        yield

async def guarded():
    try:
        await Wait()
    except ValueError as e:
        print("coroutine caught", e)
        return "handled"
    finally:
        print("coroutine finally")

c = guarded()
c.send(None)
try:
    c.throw(ValueError("injected"))
except StopIteration as e:
    print("stopped with", e.value)

c2 = guarded()
c2.send(None)
c2.close()
print("closed", c2.cr_frame)
