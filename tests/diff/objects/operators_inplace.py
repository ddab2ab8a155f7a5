class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        print("iadd")
        self.items.append(other)
        return self
    def __add__(self, other):
        print("add")
        return NotImplemented
    def __repr__(self):
        return f"Acc{self.items}"

a = Acc()
a += 1
a += 2
print(a)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
o = OnlyAdd(1)
before = o
o += 5
print(o.v, o is before)
l = [1]
alias = l
l += (2, 3)
print(alias, l is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
class NoIadd:
    def __iadd__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return "radd used"
x = 5
x += NoIadd()
print(x)
try:
    l += 5
except TypeError as e:
    print(e)
s = {1}
s |= {2}
s &= {2, 3}
s -= {9}
s ^= {4}
print(s)
