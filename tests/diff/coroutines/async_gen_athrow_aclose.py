async def agen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("agen caught", e)
        yield "recovered"
    finally:
        print("agen finally")

def drive(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value

async def main():
    g = agen()
    print(await g.asend(None))
    print(await g.athrow(ValueError("boom")))
    await g.aclose()
    print("frame after aclose", g.ag_frame)
    h = agen()
    await h.aclose()
    print("aclose before start")
    k = agen()
    await k.__anext__()
    try:
        await k.athrow(KeyError("not handled"))
    except KeyError as e:
        print("propagated", repr(e))

drive(main())
