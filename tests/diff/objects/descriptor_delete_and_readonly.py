class ReadOnly:
    def __get__(self, obj, t=None):
        return 42
    def __set__(self, obj, v):
        raise AttributeError("read-only attribute")
    def __delete__(self, obj):
        print("delete called")

class C:
    r = ReadOnly()

c = C()
print(c.r)
try:
    c.r = 1
except AttributeError as e:
    print(e)
del c.r
class OnlyDelete:
    def __delete__(self, obj):
        print("only delete")
class D:
    x = OnlyDelete()
d = D()
print(type(d.x).__name__)
try:
    d.x = 1
except AttributeError as e:
    print(e)
