class R:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("R.__eq__")
        return isinstance(o, R) and self.v == o.v
    def __lt__(self, o):
        print("R.__lt__")
        return self.v < o.v if isinstance(o, R) else NotImplemented
    def __repr__(self):
        return f"R({self.v})"

print(R(1) == R(1), R(1) != R(2))
print(R(1) < R(2), R(2) > R(1))
try:
    R(1) <= R(2)
except TypeError as e:
    print(e)
try:
    R(1) < 3
except TypeError as e:
    print(e)
print(R(1) == 3, 3 == R(1))
class S(R):
    def __gt__(self, o):
        print("S.__gt__ (reflected first)")
        return True
print(R(1) < S(0))
print(sorted([R(3), R(1), R(2)]))
class NoEq:
    pass
a = NoEq()
print(a == a, a != a, a == NoEq())
print(NotImplemented.__class__.__name__, repr(NotImplemented))
