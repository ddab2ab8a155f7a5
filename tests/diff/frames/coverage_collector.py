# A coverage-style line collector: a global trace function that returns a local one, records (file, line) for
# every 'line' event, switches itself off for frames it does not care about, and reports missed lines.
import sys

executed = set()

def local(frame, event, arg):
    if event == "line":
        executed.add((frame.f_code.co_name, frame.f_lineno))
    return local

def global_trace(frame, event, arg):
    if frame.f_globals is not globals():
        return None
    return local

def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    for d in (2, 3, 5):
        if n % d == 0:
            return f"divisible by {d}"
    return "other"

def gen(n):
    for i in range(n):
        yield i * i

def risky(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        return None
    finally:
        executed.add(("risky-finally", x))

sys._getframe().f_trace = local  # module-level lines too (bdb's set_trace does this)
sys.settrace(global_trace)
results = [classify(v) for v in (-1, 0, 9, 7)]
squares = list(gen(3))
r = (risky(2), risky(0))
while_count = 0
while while_count < 3: while_count += 1
sys.settrace(None)

print(results, squares, r, while_count)
for item in sorted(executed, key=str):
    print(item)
code_lines = {l for _, _, l in classify.__code__.co_lines() if l is not None}
seen = {l for name, l in executed if name == "classify"}
print("missed in classify:", sorted(code_lines - seen - {classify.__code__.co_firstlineno}))
