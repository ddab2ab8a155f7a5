def state(g):
    if g.gi_running:
        return "RUNNING"
    if g.gi_frame is None:
        return "CLOSED"
    if g.gi_suspended:
        return "SUSPENDED"
    return "CREATED"

def gen():
    me = yield state(holder[0])
    yield 2

holder = []
g = gen()
holder.append(g)
print(state(g))
print(next(g))
print(state(g))
next(g)
try:
    next(g)
except StopIteration:
    pass
print(state(g))

def reentrant():
    yield next(r)

r = reentrant()
try:
    next(r)
except ValueError as e:
    print(e)
