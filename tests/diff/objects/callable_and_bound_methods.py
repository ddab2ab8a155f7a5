class C:
    def m(self, x):
        return x * 2

c = C()
bm = c.m
print(bm(3), bm.__self__ is c, bm.__func__ is C.m, bm.__name__, bm.__qualname__)
print(bm == c.m, bm is c.m, C.m(c, 4))
print(callable(c), callable(C), callable(bm), callable(len))
try:
    C.m(5)
except TypeError as e:
    print(e)
print(type(bm).__name__, type(len).__name__, type([].append).__name__, type(list.append).__name__)
print(type(str.join).__name__, type(int.__add__).__name__, type((1).__add__).__name__, type(object.__init__).__name__)
print(type(dict.__dict__["fromkeys"]).__name__, type(int.real).__name__, type(type.__dict__["__dict__"]).__name__)
