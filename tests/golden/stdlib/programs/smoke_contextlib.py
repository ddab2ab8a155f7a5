import contextlib, io, sys
from contextlib import contextmanager, suppress, ExitStack, closing, redirect_stdout, redirect_stderr, nullcontext, ContextDecorator, AbstractContextManager
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("b") as t:
    print("inside", t)
try:
    with tag("err"):
        raise KeyError("boom")
except KeyError as e:
    print("caught", e)
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("after suppress")
with ExitStack() as st:
    for i in range(3):
        st.callback(print, "callback", i)
    st.enter_context(tag("stack"))
    print("body")
class Res:
    def close(self): print("closed")
with closing(Res()): print("using")
buf = io.StringIO()
with redirect_stdout(buf):
    print("hidden")
print(repr(buf.getvalue()))
with redirect_stderr(io.StringIO()) as e:
    print("err text", file=sys.stderr)
print(repr(e.getvalue()))
with nullcontext(5) as v: print(v)
class track(ContextDecorator):
    def __enter__(self): print("enter"); return self
    def __exit__(self, *exc): print("exit", exc[0]); return False
@track()
def work(): print("working")
work()
class CM(AbstractContextManager):
    def __exit__(self, *a): return None
with CM() as cm: print(type(cm).__name__)
def outer():
    with ExitStack() as stack:
        stack.push(lambda *exc: print("push sees", exc[0].__name__) or True)
        raise ValueError
outer(); print("swallowed")
@contextlib.asynccontextmanager
async def actx():
    print("aenter"); yield 7; print("aexit")
async def main():
    async with actx() as x: print("got", x)
co = main()
try:
    co.send(None)
except StopIteration:
    print("async done")
with contextlib.chdir("/"):
    import os; print(os.getcwd())
