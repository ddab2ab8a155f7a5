def worker():
    while True:
        try:
            x = yield
            print("got", x)
        except ValueError as e:
            print("handled", e)
            yield "recovered"

w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad input")))
next(w)
try:
    w.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print(w.gi_frame)
g = (i for i in range(3))
try:
    g.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("unstarted", e)
print(list(g))
def two():
    yield 1
t = two()
try:
    t.throw(TypeError, "legacy form")
except TypeError as e:
    print(e)
