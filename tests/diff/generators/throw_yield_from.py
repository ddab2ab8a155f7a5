# generator.throw(): a delegating generator (yield from) whose inner generator handles the exception and returns
# goes on with the returned value; frames seen from the inner generator have the outer one as f_back; an
# exception class whose instantiation fails is thrown in (the generator finishes), as CPython's _gen_throw.
import sys
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls
def boring():
    yield
gen = boring()
try: gen.throw(E)
except TypeError as e: print('TypeError', e)
try: next(gen)
except StopIteration: print('StopIteration')
gen = boring(); next(gen)
try: gen.throw(E)
except TypeError as e: print('TypeError', e)
try: next(gen)
except StopIteration: print('StopIteration')
def names(frame):
    out = []
    while frame:
        if frame.f_code.co_name.startswith('call_'): break
        out.append(frame.f_code.co_name); frame = frame.f_back
    return out
def f():
    print('f start', names(sys._getframe()))
    try:
        yield
    except Exception:
        pass
    print('f after', names(sys._getframe()))
def g():
    print('g start', names(sys._getframe()))
    yield from f()
    print('g after', names(sys._getframe()))
def call_throw():
    gen = g(); gen.send(None)
    try: gen.throw(RuntimeError)
    except StopIteration: pass
call_throw()
def call_send():
    gen = g(); gen.send(None)
    try: gen.send(None)
    except StopIteration: pass
call_send()
class BadNew(Exception):
    def __new__(cls, *a): raise ValueError('no instances')
gen = boring(); next(gen)
try: gen.throw(BadNew)
except ValueError as e: print('ValueError', e)
try: next(gen)
except StopIteration: print('StopIteration')
def f():
    try: yield
    except Exception: pass
    return 5
def g():
    r = yield from f()
    print('g after', r)
    yield 'done'
gen = g(); gen.send(None)
print(gen.throw(RuntimeError))
