def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    wrapper.__wrapped__ = fn
    wrapper.__name__ = fn.__name__
    return wrapper

def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco

@trace
@repeat(2)
def greet(name):
    return "hi " + name

print(greet("bob"), greet.__name__, greet.__wrapped__.__name__)
class Registry:
    items = []
    @classmethod
    def register(cls, fn):
        cls.items.append(fn.__name__)
        return fn
@Registry.register
def a(): pass
@Registry.register
def b(): pass
print(Registry.items)
@lambda f: f()
def immediately():
    return "ran at definition"
print(immediately)
