import sys

log = []

def tracer(frame, event, arg):
    if frame.f_code.co_name == "risky":
        if event == "exception":
            log.append((event, frame.f_lineno, arg[0].__name__))
        else:
            log.append((event, frame.f_lineno))
    return tracer

def risky():
    try:
        1 / 0
    except ZeroDivisionError:
        pass
    raise KeyError("out")

sys.settrace(tracer)
try:
    risky()
except KeyError:
    pass
sys.settrace(None)
for item in log:
    print(item)
print(sys.gettrace())
