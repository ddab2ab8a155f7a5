e = StopIteration(5)
print(e.value, e.args, StopIteration().value, StopIteration(1, 2).value)
def g():
    return "ret"
    yield
try:
    next(g())
except StopIteration as s:
    print(s.value, s.args)
def h():
    return
    yield
try:
    next(h())
except StopIteration as s:
    print(s.value, s.args)
print(StopAsyncIteration.__mro__[1].__name__, issubclass(StopIteration, Exception), issubclass(GeneratorExit, Exception))
