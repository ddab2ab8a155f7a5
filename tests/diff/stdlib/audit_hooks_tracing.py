# Audit hooks run untraced unless their __cantrace__ is true (_PySys_Audit): the tracer sees only loud_hook and what
# it calls, the second time for sys.settrace(None)'s own audit event.
import sys
seen = []
def tracer(frame, event, arg):
    if event == "call":
        seen.append(frame.f_code.co_name)
    return None
def quiet_hook(event, args):
    if event == "x.t":
        helper()
def helper():
    pass
def loud_hook(event, args):
    if event == "x.t":
        helper2()
loud_hook.__cantrace__ = True
def helper2():
    pass
sys.addaudithook(quiet_hook)
sys.addaudithook(loud_hook)
sys.settrace(tracer)
sys.audit("x.t")
sys.settrace(None)
print(seen)
