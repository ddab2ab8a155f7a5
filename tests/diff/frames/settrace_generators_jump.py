# sys.settrace over generators (send, throw, for loops ending in StopIteration), coroutines, opcode events, and
# jumps by setting f_lineno from a 'line' event (with the unbound-local warning) or, refused, from 'call'.
import sys
log = []
def tr(frame, event, arg):
    if frame.f_globals is not globals() or frame.f_code.co_name in ("tr",):
        return tr
    a = arg
    if event == "exception": a = arg[0].__name__
    elif event == "return" and not isinstance(arg, (int, str, type(None))): a = type(arg).__name__
    log.append((event, frame.f_code.co_name, frame.f_lineno, a))
    return tr

def gen(n):
    for i in range(n):
        x = yield i
        if x:
            log.append(("sent", x))
    return "end"

def use_gen():
    g = gen(3)
    next(g)
    g.send("hi")
    try:
        g.throw(ValueError("boom"))
    except ValueError:
        pass
    for v in gen(2):
        pass
    return [i for i in range(2)]

def opcodes():
    sys._getframe().f_trace_opcodes = True
    a = 1
    b = a + 1
    sys._getframe().f_trace_opcodes = False
    return b

async def coro():
    return 5

def run_coro():
    c = coro()
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

def jumper():
    x = 1
    x = 2
    x = 3
    return x

def jtr(frame, event, arg):
    if frame.f_code.co_name == "jumper" and event == "line":
        log.append(("jline", frame.f_lineno))
        if frame.f_lineno == jumper.__code__.co_firstlineno + 1:
            frame.f_lineno = jumper.__code__.co_firstlineno + 3
    if frame.f_code.co_name == "jumper" and event == "call":
        try:
            frame.f_lineno = 3
        except ValueError as e:
            log.append(("err", str(e)))
    return jtr

sys.settrace(tr)
use_gen()
opcodes()
run_coro()
sys.settrace(None)
sys.settrace(jtr)
r = jumper()
sys.settrace(None)
for item in log:
    print(item)
print(r)
