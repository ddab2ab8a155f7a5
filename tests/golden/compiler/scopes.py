x = 0
class A:
    x = 1
    y = [x for _ in range(2)]
    def f(self):
        return x, __class__
    class B:
        def g(self):
            nonlocal_ = 1
            def h():
                return nonlocal_
            return h
    @classmethod
    def c(cls, /, a, *, b=2):
        return lambda: (cls, a, b)

def deco(fn): return fn

@deco
@deco
def decorated(a=lambda: 1, *, b=[i for i in range(3)]):
    del a
    return b

def walrus(xs):
    if (n := len(xs)) > 3:
        return [y for x in xs if (y := x * 2)]
    return n
