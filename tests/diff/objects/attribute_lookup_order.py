class Meta(type):
    shared = "from meta"
    def meta_method(cls):
        return "meta method on " + cls.__name__

class A(metaclass=Meta):
    x = "class A"

class B(A):
    pass

print(B.x, B.shared, B.meta_method())
try:
    B().shared
except AttributeError as e:
    print(e)
b = B()
b.x = "instance"
print(b.x, B.x)
B.x = "class B"
del b.x
print(b.x, A.x)
