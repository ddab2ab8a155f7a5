class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow

with CM("a") as v:
    print("body", v)
with CM("b", swallow=True):
    raise ValueError("swallowed")
print("after b")
with CM("c") as x, CM("d") as y:
    print(x, y)
try:
    with CM("e"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)

def ret():
    with CM("f"):
        return "value"
print(ret())

class NoEnter:
    pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print(e)
