class A:
    def hello(self):
        return "A"
    @classmethod
    def cm(cls):
        return "A.cm " + cls.__name__

class B(A):
    def hello(self):
        return "B>" + super().hello()
    @classmethod
    def cm(cls):
        return "B>" + super().cm()

class C(A):
    def hello(self):
        return "C>" + super().hello()

class D(B, C):
    def hello(self):
        return "D>" + super().hello()

print(D().hello(), D.cm())
print(super(B, D()).hello())
print(super(D, D).hello(D()))
s = super(B, D())
print(s.__thisclass__.__name__, type(s.__self__).__name__, s.__self_class__.__name__)
def outside():
    try:
        super()
    except RuntimeError as e:
        print(e)
outside()
try:
    super(int, "x")
except TypeError as e:
    print(e)
class E:
    def f(self):
        return __class__.__name__
print(E().f())
