class A:
    def f(self):
        return "A.f"

class B:
    def f(self):
        return "B.f"

a = A()
print(a.f())
A.f = lambda self: "patched"
print(a.f())
a.__class__ = B
print(a.f(), type(a).__name__)
try:
    a.__class__ = int
except TypeError as e:
    print(e)
def g(self):
    return "g"
B.g = g
print(a.g())
del B.g
try:
    a.g
except AttributeError as e:
    print(e)
A.__bases__ = (B,) if False else A.__bases__
print(A.__bases__)
