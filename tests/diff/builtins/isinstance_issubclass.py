print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, bytes)), isinstance([], list | tuple))
print(issubclass(int, object), issubclass(type, object), issubclass(object, type), issubclass(bool, (str, int)))
print(isinstance(int, type), isinstance(type, type), isinstance(object, type), isinstance(None, type(None)))
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, A), issubclass(A, A), issubclass(A, B), isinstance(A, type))
for bad in (lambda: isinstance(1, [int]), lambda: issubclass(int, 1), lambda: issubclass(1, 1)):
    try:
        bad()
    except TypeError as e:
        print(e)
