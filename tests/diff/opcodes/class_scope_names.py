x = "global"

class C:
    x = "class"
    def method(self):
        return x
    y = x
    z = [x for _ in range(1)]

print(C().method(), C.y, C.z)

def f():
    x = "enclosing"
    class D:
        print(x)
        x = "D local"
        print(x)
    class E:
        print(x)
    return D.x

print(f())
