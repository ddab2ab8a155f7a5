# sys.monitoring (PEP 669): tools, global and local events, callback arguments (code, offsets, values), DISABLE,
# restart_events, and the errors of the API, compared event by event with CPython.
import sys

mon = sys.monitoring
E = mon.events
TOOL = mon.PROFILER_ID
log = []
MYFILE = sys._getframe().f_code.co_filename

def name(code):
    return code.co_name

def cb(event):
    def f(*args):
        code = args[0]
        if code.co_filename != MYFILE:
            return None
        rest = []
        for a in args[1:]:
            if a is mon.MISSING:
                rest.append("MISSING")
            elif isinstance(a, BaseException):
                rest.append(type(a).__name__)
            elif callable(a):
                rest.append(getattr(a, "__name__", "?"))
            else:
                rest.append(a)
        log.append((event, name(code), *rest))
    return f

def helper(x):
    if x > 1:
        return x * 2
    return -x

def gen(n):
    for i in range(n):
        yield i

def fails():
    try:
        raise ValueError("x")
    except ValueError:
        pass
    raise KeyError("k")

def work():
    total = helper(3) + helper(0)
    for v in gen(2):
        total += v
    total += len("abc")
    try:
        fails()
    except KeyError:
        total += 1
    return total

print(mon.use_tool_id(TOOL, "test"), mon.get_tool(TOOL))
for ev in ("PY_START", "PY_RESUME", "PY_RETURN", "PY_YIELD", "CALL", "C_RETURN", "C_RAISE", "RAISE", "RERAISE",
           "EXCEPTION_HANDLED", "PY_UNWIND", "JUMP", "BRANCH", "LINE"):
    mon.register_callback(TOOL, getattr(E, ev), cb(ev))
mon.set_events(TOOL, E.PY_START | E.PY_RETURN | E.PY_YIELD | E.PY_RESUME | E.CALL | E.RAISE | E.RERAISE |
               E.EXCEPTION_HANDLED | E.PY_UNWIND)
print(mon.get_events(TOOL) == E.PY_START | E.PY_RETURN | E.PY_YIELD | E.PY_RESUME | E.CALL | E.RAISE | E.RERAISE |
      E.EXCEPTION_HANDLED | E.PY_UNWIND)
r = work()
mon.set_events(TOOL, 0)
print(r)
for item in log:
    print(*item)

# Local events: LINE, JUMP and BRANCH for one code object only; DISABLE at one line.
log.clear()
hits = []
def line_cb(code, line):
    hits.append(line)
    if line == helper.__code__.co_firstlineno + 3:
        return mon.DISABLE
mon.register_callback(TOOL, E.LINE, line_cb)
mon.register_callback(TOOL, E.JUMP, cb("JUMP"))
mon.register_callback(TOOL, E.BRANCH, cb("BRANCH"))
mon.set_local_events(TOOL, helper.__code__, E.LINE | E.BRANCH | E.JUMP)
print(mon.get_local_events(TOOL, helper.__code__) == E.LINE | E.BRANCH | E.JUMP, mon.get_events(TOOL))
helper(5); helper(1); helper(0)
print("lines", hits)
mon.restart_events()
hits.clear()
helper(0)
print("after restart", hits)
mon.set_local_events(TOOL, helper.__code__, 0)
for item in log:
    print(*item)

# Errors.
for f in (lambda: mon.use_tool_id(TOOL, "again"), lambda: mon.use_tool_id(6, "x"), lambda: mon.get_tool(9),
          lambda: mon.set_events(TOOL, E.C_RETURN), lambda: mon.set_events(TOOL, 1 << 20),
          lambda: mon.set_local_events(TOOL, helper.__code__, E.RAISE),
          lambda: mon.register_callback(TOOL, E.LINE | E.CALL, print), lambda: mon.use_tool_id(0, 3)):
    try:
        f()
    except ValueError as e:
        print("ValueError", e)
print(mon.register_callback(TOOL, E.LINE, None) is line_cb)
mon.free_tool_id(TOOL)
print(mon.get_tool(TOOL), sorted(k for k in dir(E) if k.isupper()))
