class C:
    count = 0
    @classmethod
    def make(cls, n):
        return cls.__name__, n
    @staticmethod
    def helper(a, b):
        return a + b
    def inst(self):
        return self.make(1), self.helper(1, 2)

class D(C):
    pass

print(C.make(1), D.make(2), D().make(3))
print(C.helper(1, 2), C().helper(3, 4))
print(D().inst())
print(type(C.__dict__["make"]).__name__, type(C.__dict__["helper"]).__name__)
print(C.__dict__["helper"].__func__ is C.helper, C.make.__self__ is C, C.make.__func__.__name__)
sm = staticmethod(len)
print(sm("abc"), sm.__wrapped__ is len)
cm = classmethod(lambda cls: cls)
class E:
    f = cm
print(E.f() is E)
