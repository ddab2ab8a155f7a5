class G:
    def __getattribute__(self, name):
        if name == "boom":
            raise KeyError("not attribute error")
        raise AttributeError(name)
    def __getattr__(self, name):
        return "fallback " + name

g = G()
print(g.anything)
try:
    g.boom
except KeyError as e:
    print("KeyError escapes", e)
try:
    hasattr(g, "boom")
except KeyError as e:
    print("hasattr propagates", e)
