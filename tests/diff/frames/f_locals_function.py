import sys

def f():
    x = 1
    frame = sys._getframe()
    loc = frame.f_locals
    print(type(loc).__name__)
    print(sorted(loc.keys()))
    loc["x"] = 42
    print(x)
    loc["new"] = "extra"
    print("new" in loc, loc["new"])
    print(sorted(locals().keys()))
    return frame

frame = f()
print(sorted(frame.f_locals.keys()))
print(sys._getframe().f_locals is globals())
