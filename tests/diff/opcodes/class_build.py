class Base:
    kind = "base"

class Child(Base, metaclass=type):
    """Doc."""
    kind = "child"
    def m(self):
        return __class__

print(Child.__doc__, Child.__qualname__, Child.__module__, Child.__bases__)
print(Child().m() is Child)
print(sorted(k for k in Child.__dict__ if not k.startswith("__") or k == "__doc__"))
print(Child.__firstlineno__ if hasattr(Child, "__firstlineno__") else "no firstlineno")
print(Child.__static_attributes__ if hasattr(Child, "__static_attributes__") else "")
class WithAttrs:
    def __init__(self):
        self.a = 1
        self.b = 2
    def other(self):
        self.c = 3
print(WithAttrs.__static_attributes__)
