class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", type(inst).__name__)
        return isinstance(inst, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return issubclass(sub, int)

class IntLike(metaclass=Meta):
    pass

print(isinstance(5, IntLike), isinstance("s", IntLike))
print(issubclass(bool, IntLike), issubclass(str, IntLike))
print(isinstance(IntLike(), IntLike))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
print(isinstance(1, (str, (float, int))), isinstance(1, int | str))
