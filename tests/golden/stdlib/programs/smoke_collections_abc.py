import collections.abc as cabc
class Seq(cabc.Sequence):
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * i
s = Seq(5)
print(list(s), 9 in s, s.index(4), s.count(1), list(reversed(s)))
print(isinstance([], cabc.MutableSequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator))
print(issubclass(dict, cabc.MutableMapping), isinstance((x for x in []), cabc.Generator), isinstance(len, cabc.Callable))
print(isinstance({}.keys(), cabc.KeysView), isinstance(b"", cabc.ByteString) if hasattr(cabc, "ByteString") else None, issubclass(str, cabc.Hashable))
class M(cabc.MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = M(); m.update(a=1, b=2); m.setdefault("c", 3)
print(dict(m.items()), m.pop("a"), m.get("zz", 0), list(m.keys()), m == {"b": 2, "c": 3})
class S(cabc.Set):
    def __init__(self, it): self.items = list(dict.fromkeys(it))
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
a, b = S("abc"), S("bcd")
print(sorted(a & b), sorted(a | b), sorted(a - b), a <= S("abcd"), a.isdisjoint(S("xy")))
try:
    cabc.Sequence()
except TypeError as e:
    print(e)
try:
    class Half(cabc.Mapping):
        def __getitem__(self, k): return k
    Half()
except TypeError as e:
    print(e)
print(cabc.Iterable.__subclasshook__(list), issubclass(int, cabc.Iterable))
