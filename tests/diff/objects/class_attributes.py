class A:
    """Doc of A."""
    x = 1

class B(A):
    pass

print(A.__name__, A.__qualname__, A.__module__, A.__doc__, B.__doc__)
print(A.__bases__, B.__base__, object.__bases__, object.__base__)
print(B.__mro__)
print(isinstance(B(), A), issubclass(B, A), issubclass(B, (int, A)), issubclass(A, B))
A.__name__ = "Renamed"
print(A, A.__qualname__)
try:
    A.__name__ = 5
except TypeError as e:
    print(e)
def outer():
    class Inner:
        class Deeper:
            pass
    return Inner
print(outer().__qualname__, outer().Deeper.__qualname__)
print(type.__dict__["__name__"].__class__.__name__, int.__flags__ & (1 << 10) != 0)
