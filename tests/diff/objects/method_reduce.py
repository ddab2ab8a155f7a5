# Bound methods pickle and copy through method.__reduce__: (getattr, (self, name)).
import copy, pickle

class A:
    def __init__(self, v): self.v = v
    def m(self): return self.v
    @classmethod
    def c(cls): return cls.__name__

a = A(5)
for o in [a.m, A.c, [1].append]:
    r = o.__reduce__()
    print(r[0], r[1][1], type(r[1][0]).__name__)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(a.m, proto))(), pickle.loads(pickle.dumps(A.c, proto))())
b = copy.deepcopy(a.m)
print(b(), b.__self__ is a, copy.copy(a.m) == a.m)
try:
    a.m.__reduce__(1)
except TypeError as e:
    print(e)
