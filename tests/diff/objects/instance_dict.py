class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2

c = C()
print(c.__dict__)
c.__dict__["c"] = 3
print(c.c, vars(c))
c.__dict__ = {"z": 26}
print(c.z, hasattr(c, "a"))
try:
    c.__dict__ = 5
except TypeError as e:
    print(e)
print(type(C.__dict__).__name__, "cls_attr" in C.__dict__)
try:
    C.__dict__["x"] = 1
except TypeError as e:
    print(e)
try:
    vars(5)
except TypeError as e:
    print(e)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print(e)
