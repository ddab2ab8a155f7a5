class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        print("V.__add__")
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, int):
            return V(self.x + other)
        return NotImplemented
    def __radd__(self, other):
        print("V.__radd__")
        return V(other + self.x)
    def __repr__(self):
        return f"V({self.x})"

print(V(1) + V(2))
print(V(1) + 5)
print(5 + V(1))
try:
    V(1) + "s"
except TypeError as e:
    print(e)
class W(V):
    def __radd__(self, other):
        print("W.__radd__ first")
        return W(100)
print(V(1) + W(2))
class N:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
try:
    N() + N()
except TypeError as e:
    print(e)
print(sum([V(1), V(2)], V(0)))
