class Truthy:
    def __bool__(self):
        print("bool called")
        return True

class Sized:
    def __len__(self):
        return 0

class BadBool:
    def __bool__(self):
        return 1

print(Truthy() and "yes", Sized() or "empty", not Sized())
try:
    if BadBool():
        pass
except TypeError as e:
    print(e)

class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadLen())
except ValueError as e:
    print(e)
a = b = c = 7
print(a, b, c)
x = [0, 0]
i = 0
i, x[i] = 1, 2
print(i, x)
print(0 or "" or None or [] or "last", 1 and 2 and 3, 1 and 0 and 3)
