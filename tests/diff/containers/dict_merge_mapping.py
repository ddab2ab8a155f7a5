# ** in calls and dict displays needs a mapping (DICT_MERGE/DICT_UPDATE: PyDict_Merge has no pairs fallback), while dict(), update, |= and SimpleNamespace take pairs (dict_update_arg).
def f(**k): return k
for x in [[1], [("a", 1)], "ab", None, 3]:
    try: print(f(**x))
    except TypeError as e: print(e)
class M:
    def keys(self): return ["z"]
    def __getitem__(self, k): return 1
print(f(**M()))
try: print(dict(**[1]))
except TypeError as e: print(e)
try: print(print(*[1], **[2]))
except TypeError as e: print(e)
for x in [[1], [("a", 1)], "ab", None]:
    try: print({**x})
    except TypeError as e: print(e)
import types
print(dict([("a", 1)]), dict({"b": 2}), types.SimpleNamespace([("c", 3)]))
d = {}; d |= [("x", 1)]; d.update([("y", 2)], z=3); print(d)
try: d.update([1])
except TypeError as e: print(e)
try: {} | [("a", 1)]
except TypeError as e: print(e)
class K:
    def keys(self): return iter(["q"])
    def __getitem__(self, k): return k * 2
print(dict(K()), {**K()})
