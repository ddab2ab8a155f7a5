import sys
def body():
    x = 1
    def m(self):
        return x
print(type(__build_class__).__name__)
C = __build_class__(lambda: None, "C")
print(C, C.__name__)
try:
    __build_class__(5, "X")
except TypeError as e:
    print(e)
print(isinstance(1, int), issubclass(bool, int), callable(print), id(5) == id(5), type(id(1)).__name__)
print(getattr(1, "real"), getattr(1, "nope", "default"), hasattr([], "append"), setattr(sys, "_typhon_test", 1), sys._typhon_test)
delattr(sys, "_typhon_test")
print(hasattr(sys, "_typhon_test"))
for bad in (lambda: getattr(1, 2), lambda: getattr(1, "nope"), lambda: setattr(1, "real", 2)):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
