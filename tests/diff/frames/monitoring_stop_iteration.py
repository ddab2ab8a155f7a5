# sys.monitoring STOP_ITERATION: END_FOR after a generator run by a (specialized) FOR_ITER returns, END_SEND after
# `yield from`/`await` of a generator or coroutine; the first run of a FOR_ITER is not specialized in CPython, so
# a generator that ends during it reports nothing. Also what sys.settrace sees of it ('exception' events).
import sys
mon = sys.monitoring
E = mon.events
mon.use_tool_id(2, "t")
log = []
mon.register_callback(2, E.STOP_ITERATION, lambda code, off, exc: log.append((code.co_name, off, type(exc).__name__, exc.value)))
def empty():
    return 7
    yield
def one():
    yield 1
    return 8
def f1():
    for x in empty(): pass
def f2():
    for x in one(): pass
def f3():
    for i in range(3):
        for x in empty(): pass
def f4():
    x = yield from empty()
    y = yield from one()
    return x, y
def f5():
    return [x for x in one()]
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration(9)
def f6():
    for x in It(): pass
mon.set_events(2, E.STOP_ITERATION)
f1(); print(log); log.clear()
f2(); print(log); log.clear()
f3(); print(log); log.clear()
print(list(f4())); print(log); log.clear()
f5(); print(log); log.clear()
f6(); print(log); log.clear()
f1(); print(log); log.clear()
mon.set_events(2, 0)
mon.free_tool_id(2)

async def coro():
    return 3
async def awaiter():
    return await coro()
def drive(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
log2 = []
mon.use_tool_id(3, "u")
mon.register_callback(3, E.STOP_ITERATION, lambda code, off, exc: log2.append((code.co_name, off, exc.args)))
mon.register_callback(3, E.BRANCH, lambda *a: None)
mon.set_events(3, E.STOP_ITERATION)
print(drive(awaiter()), log2); log2.clear()
def tup():
    return (1, 2)
    yield
def f7():
    for x in tup(): pass
    y = yield from tup()
f7(); f7(); print(log2); log2.clear()
list(f7()); print(log2); log2.clear()
mon.set_events(3, E.STOP_ITERATION | E.BRANCH)
f2(); f2(); print("with BRANCH:", log2); log2.clear()
mon.set_events(3, 0)
mon.set_local_events(3, f2.__code__, E.STOP_ITERATION)
f2(); f1(); print("local:", log2); log2.clear()
mon.set_local_events(3, f2.__code__, 0)
mon.free_tool_id(3)

def tracer(frame, event, arg):
    if event == "exception":
        print("trace", frame.f_code.co_name, event, arg[0].__name__, arg[1].args)
    return tracer
sys.settrace(tracer)
f2(); f4_list = list(f4())
sys.settrace(None)
print(f4_list)
