class C:
    a = 1
    def __init__(self):
        self.b = 2
c = C()
print(vars(c), sorted(k for k in vars(C) if not k.startswith("__")))
print([n for n in dir(c) if not n.startswith("__")], "__init__" in dir(C), dir(5)[:3] == sorted(dir(5))[:3])
class D:
    def __dir__(self):
        return ["z", "a", "m"]
print(dir(D()))
def f():
    local = 1
    return sorted(locals()), "f" in globals()
print(f())
print(sorted(n for n in dir() if not n.startswith("__")))
print(len(dir(__builtins__)) > 150, "print" in dir(__builtins__))
