class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
add5 = Adder(5)
print(add5(1), list(map(add5, [1, 2])), callable(add5))
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(e)
try:
    (lambda: 5)()()
except TypeError as e:
    print(e)
try:
    [str(1)][0]()
except TypeError as e:
    print(e)
def f(*args, **kwargs):
    return len(args), sorted(kwargs)
print(f(*range(300)), f(**{f"k{i}": i for i in range(3)}))
class Meta(type):
    def __call__(cls, *a):
        return ("intercepted", cls.__name__, a)
class X(metaclass=Meta):
    pass
print(X(1, 2))
