# An exception thrown into a generator suspended inside an except block gets the handled exception as its
# __context__ (_PyErr_ChainStackItem); a generator handling nothing chains nothing at the throw.
def g():
    yield
it = g(); next(it)
try:
    raise KeyError('outer')
except KeyError:
    try: it.throw(ValueError)
    except ValueError as e: print('1', repr(e.__context__))
def f():
    try:
        raise KeyError('a')
    except Exception:
        yield
gen = f(); gen.send(None)
try: gen.throw(ValueError)
except ValueError as e: print('2', repr(e.__context__))
def f2():
    try:
        raise KeyError('a')
    except Exception:
        try:
            yield
        except Exception as exc:
            print('3 inside', repr(exc.__context__))
            yield 'r'
gen = f2(); gen.send(None)
print(gen.throw(ValueError))
try:
    raise TypeError('caller')
except TypeError:
    gen = f(); gen.send(None)
    try: gen.throw(ValueError)
    except ValueError as e: print('4', repr(e.__context__), repr(e.__context__.__context__))
