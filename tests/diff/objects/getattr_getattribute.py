class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        log = object.__getattribute__(self, "log")
        log.append(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return getattr(object.__getattribute__(self, "target"), name)
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)

p = Proxy([3, 1, 2])
print(p.count(1))
p.extra = 1
del p.extra
print(p.log)
class Fallback:
    x = 1
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError(f"no {name}")
f = Fallback()
print(f.x, f.auto_hello)
try:
    f.other
except AttributeError as e:
    print(e)
print(getattr(f, "other", "default"), hasattr(f, "auto_z"), hasattr(f, "zz"))
