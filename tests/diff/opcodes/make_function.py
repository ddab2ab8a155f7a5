def deco(fn):
    fn.decorated = True
    return fn

@deco
def f(x: int, y: "str" = "d", *, z: list = []) -> bool:
    return x

print(f.__defaults__, f.__kwdefaults__, f.__annotations__, f.decorated)
print(f.__name__, f.__qualname__, f.__module__)

def outer():
    v = 1
    def inner(a=v):
        return a + v
    return inner

i = outer()
print(i(), i(10), i.__qualname__, len(i.__closure__))
lam = lambda *a, **k: (a, k)
print(lam.__name__, lam(1, b=2))
