def f(a, b=1, *args, c, d=2, **kw):
    """Docstring of f."""
    x = a
    return x

print(f.__name__, f.__qualname__, f.__doc__, f.__module__, f.__defaults__, f.__kwdefaults__)
print(f.__annotations__, f.__dict__, f.__closure__, f.__globals__ is globals(), f.__builtins__ is __builtins__.__dict__)
print(f.__type_params__, f.__code__.co_name, type(f).__name__)
f.__defaults__ = (5,)
f.custom = "attr"
print(f.__defaults__, f.custom, f.__dict__)
f.__doc__ = None
f.__qualname__ = "new.qual"
print(f.__doc__, f.__qualname__)
for attr, val in (("__name__", 1), ("__defaults__", [1]), ("__code__", None), ("__kwdefaults__", 1), ("__annotations__", 1), ("__type_params__", 1)):
    try:
        setattr(f, attr, val)
    except TypeError as e:
        print(attr, e)
try:
    del f.__name__
except TypeError as e:
    print(e)
