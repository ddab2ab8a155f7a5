class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, K) and o.v == self.v
print(K.__hash__)
try:
    {K(1)}
except TypeError as e:
    print(e)
class H(K):
    def __hash__(self):
        return hash(self.v)
print(len({H(1), H(1), H(2)}))
class Unhash:
    __hash__ = None
try:
    hash(Unhash())
except TypeError as e:
    print(e)
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class NegOne:
    def __hash__(self):
        return -1
print(hash(NegOne()))
