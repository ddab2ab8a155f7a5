class C:
    def m(self):
        return "m"
c = C()
bm = c.m
print(type(bm).__name__, bm.__func__.__qualname__, bm.__self__ is c, bm.__doc__, bm.__module__)
print(bm.__eq__(c.m), hash(bm) == hash(c.m))
try:
    bm.new_attr = 1
except AttributeError as e:
    print(e)
C.m.tag = "on function"
print(bm.tag)
M = type(bm)
bound = M(lambda self: ("bound to", type(self).__name__), 5)
print(bound())
try:
    M(1, 2)
except TypeError as e:
    print(e)
