class Data:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        print("Data.__get__", self.name)
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        print("Data.__set__", self.name, value)
        setattr(obj, self.name, value)

class NonData:
    def __get__(self, obj, objtype=None):
        return "from NonData"

class C:
    d = Data()
    n = NonData()

c = C()
print(c.d)
c.d = 5
print(c.d)
c.__dict__["d"] = "instance dict"
print(c.d)
print(c.n)
c.n = "shadow"
print(c.n)
del c.n
print(c.n)
print(type(C.__dict__["d"]).__name__, C.d.__class__.__name__)
