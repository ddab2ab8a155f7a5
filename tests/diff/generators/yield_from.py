def inner():
    received = yield "inner-1"
    print("inner got", received)
    received = yield "inner-2"
    print("inner got", received)
    return "inner result"

def outer():
    result = yield from inner()
    print("outer got", result)
    yield "outer-end"

g = outer()
print(next(g))
print(g.send("a"))
print(g.gi_yieldfrom.__name__)
print(g.send("b"))
print(g.gi_yieldfrom)
print(list(g))

def delegate_iter():
    yield from [1, 2]
    yield from "ab"
    yield from range(2)
    r = yield from (x for x in ())
    print("genexpr returns", r)

print(list(delegate_iter()))
