print(hash(1), hash(1.0), hash("") , hash(()), hash(-1), hash(-2))
a = [1]
print(id(a) == id(a), id(a) != id([1]), type(a) is list, type(type) is type, isinstance(type, object))
try:
    hash([])
except TypeError as e:
    print(e)
try:
    hash({})
except TypeError as e:
    print(e)
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
print(type.__instancecheck__(int, 1), object.__subclasshook__() if False else "skip")
