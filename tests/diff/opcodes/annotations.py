x: int = 5
y: "str"
print(__annotations__)

class C:
    a: int
    b: list[int] = []
    c: "forward" = None

print(C.__annotations__)

def f():
    local: int = 1
    return local

print(f(), f.__annotations__)
try:
    print(y)
except NameError as e:
    print(e)
