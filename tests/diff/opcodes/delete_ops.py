class A:
    pass

a = A()
a.x = 1
del a.x
try:
    del a.x
except AttributeError as e:
    print(e)
lst = [1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
d = {"a": 1}
try:
    del d["b"]
except KeyError as e:
    print(repr(e))
name = 1
del name
try:
    name
except NameError as e:
    print(e)
try:
    del lst[10]
except IndexError as e:
    print(e)
