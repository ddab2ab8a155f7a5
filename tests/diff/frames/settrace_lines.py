import sys

events = []

def tracer(frame, event, arg):
    if frame.f_code.co_name in ("work", "helper"):
        events.append((event, frame.f_code.co_name, frame.f_lineno, arg if event == "return" else None))
    return tracer

def helper(x):
    return x * 2

def work(n):
    total = 0
    for i in range(n):
        total += helper(i)
    return total

sys.settrace(tracer)
work(2)
sys.settrace(None)
for e in events:
    print(*e)
