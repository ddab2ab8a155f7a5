def inner():
    try:
        yield 1
        yield 2
    except KeyError:
        print("inner handled KeyError")
        yield "after KeyError"
    finally:
        print("inner finally")

def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")

g = outer()
next(g)
print(g.throw(KeyError("k")))
g.close()
print("closed")

class Iter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        return self.n
    def close(self):
        print("Iter.close called")

def deleg():
    yield from Iter()

d = deleg()
print(next(d), next(d))
d.close()
d2 = deleg()
next(d2)
try:
    d2.throw(ValueError("to plain iterator"))
except ValueError as e:
    print("re-raised", e)
