def leaky():
    yield 1
    raise StopIteration("oops")

try:
    list(leaky())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))

def uses_next():
    it = iter([])
    yield next(it)

try:
    next(uses_next())
except RuntimeError as e:
    print(e)
def fine():
    return
    yield
print(list(fine()))
