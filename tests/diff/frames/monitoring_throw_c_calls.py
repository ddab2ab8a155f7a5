# sys.monitoring: PY_THROW and the RAISE after it, CALL/C_RETURN around builtins and generator methods, RAISE offsets
# (the last cache unit of the raising instruction, as CPython reports), RERAISE, INSTRUCTION as a local event, and the
# profiler's c_call/c_return/c_exception for builtins and method calls.
import sys
mon = sys.monitoring; E = mon.events; T = 3
log = []
MY = sys._getframe().f_code.co_filename
def cb(ev):
    def f(code, *a):
        if code.co_filename != MY: return
        log.append((ev, code.co_name) + tuple(type(x).__name__ if isinstance(x, BaseException) else (getattr(x, "__name__", x) if callable(x) else (x if isinstance(x, int) else type(x).__name__)) for x in a))
    return f
mon.use_tool_id(T, "t")
for ev in ("INSTRUCTION", "PY_THROW", "C_RAISE", "C_RETURN", "CALL", "RERAISE", "STOP_ITERATION", "PY_UNWIND", "RAISE"):
    mon.register_callback(T, getattr(E, ev), cb(ev))
def g():
    try:
        yield 1
    except KeyError:
        yield 2
def h(x):
    return x + 1
def work():
    it = g(); next(it); it.throw(KeyError); it.close()
    try:
        int("x")
    except ValueError:
        pass
    try:
        try:
            1/0
        finally:
            pass
    except ZeroDivisionError:
        pass
    return h(2)
mon.set_events(T, E.PY_THROW | E.CALL | E.RERAISE | E.PY_UNWIND | E.RAISE)
work()
mon.set_events(T, 0)
mon.set_local_events(T, h.__code__, E.INSTRUCTION)
h(1)
mon.set_local_events(T, h.__code__, 0)
for x in log: print(x)
def prof(frame, event, arg):
    if frame.f_globals is globals() or event.startswith("c_"):
        print("P", event, frame.f_code.co_name, getattr(arg, "__name__", None) if event.startswith("c_") else None)
sys.setprofile(prof)
it = g(); next(it); it.throw(KeyError); it.close()
try: int("x")
except ValueError: pass
sorted([3, 1], key=abs)
sys.setprofile(None)
