class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("aenter", self.name)
        return self.name
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.name, et.__name__ if et else None)
        return et is KeyError

async def main():
    async with Resource("r1") as r:
        print("inside", r)
    async with Resource("r2"):
        raise KeyError("suppressed")
    try:
        async with Resource("r3"):
            raise ValueError("kept")
    except ValueError as e:
        print("caught", e)
    try:
        async with object():
            pass
    except TypeError as e:
        print(e)
    return "main done"

try:
    main().send(None)
except StopIteration as e:
    print(e.value)
