class MyGroup(ExceptionGroup):
    def derive(self, excs):
        g = MyGroup(self.message + "!", excs)
        g.extra = getattr(self, "extra", None)
        return g

g = MyGroup("mine", [ValueError(1), KeyError(2)])
g.extra = "meta"
g.add_note("a note")
m, r = g.split(ValueError)
print(type(m).__name__, m.message, m.extra, getattr(m, "__notes__", None), repr(r))
try:
    raise g
except* KeyError as k:
    print("caught", type(k).__name__, repr(k.exceptions))
except* ValueError as v:
    print("caught", type(v).__name__, repr(v.exceptions))
