import sys

seen = []

def local_trace(frame, event, arg):
    if event == "line":
        seen.append(("line", frame.f_lineno))
    return local_trace

def global_trace(frame, event, arg):
    if frame.f_code.co_name == "target":
        frame.f_trace_lines = True
        seen.append(("call", frame.f_lineno))
        return local_trace
    return None

def target(n):
    a = n + 1
    b = a * 2
    return b

sys.settrace(global_trace)
target(3)
sys.settrace(None)
print(seen)
def lines_only():
    f = sys._getframe()
    return f.f_trace, f.f_trace_lines, f.f_trace_opcodes
print(lines_only())
