import pickle, io, collections, datetime
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
    def __repr__(self): return f"Point({self.x}, {self.y})"
class Stateful:
    def __init__(self): self.a = 1; self.cache = "drop me"
    def __getstate__(self): s = self.__dict__.copy(); del s["cache"]; return s
    def __setstate__(self, s): self.__dict__.update(s); self.cache = "rebuilt"
class Reduced:
    def __init__(self, v): self.v = v
    def __reduce__(self): return (Reduced, (self.v * 10,))
obj = {"int": 1, "big": 2 ** 100, "neg": -5, "float": 1.5, "str": "héllo", "bytes": b"\x00\xff", "none": None, "t": (1, 2), "l": [1, [2]], "set": {1, 2}, "fs": frozenset("a"), "c": 1 + 2j, "ba": bytearray(b"x")}
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    data = pickle.dumps(obj, protocol=proto); print(proto, len(data), pickle.loads(data) == obj)
print(pickle.dumps([1, "a", (None, True)], protocol=0), pickle.dumps({"k": 1.25}, protocol=2), pickle.dumps((1, 2), protocol=5))
print(pickle.loads(pickle.dumps(Point(1, 2))), pickle.loads(pickle.dumps(Stateful())).__dict__, pickle.loads(pickle.dumps(Reduced(4))).v)
rec = [1]; rec.append(rec); r2 = pickle.loads(pickle.dumps(rec)); print(r2[1] is r2)
shared = [0]; pair = pickle.loads(pickle.dumps([shared, shared])); print(pair[0] is pair[1])
nt = collections.namedtuple("nt", "a b"); globals()["nt"] = nt
print(pickle.loads(pickle.dumps(nt(1, 2))), pickle.loads(pickle.dumps(collections.OrderedDict(a=1))), pickle.loads(pickle.dumps(datetime.date(2024, 1, 2))), pickle.loads(pickle.dumps(len)), pickle.loads(pickle.dumps(Point)))
buf = io.BytesIO(); p = pickle.Pickler(buf, protocol=4); p.dump("first"); p.dump([2]); buf.seek(0); u = pickle.Unpickler(buf); print(u.load(), u.load())
for bad in [lambda: pickle.dumps(lambda: 0), lambda: pickle.loads(b"garbage"), lambda: pickle.loads(b""), lambda: pickle.dumps(obj, protocol=9)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
import pickletools
pickletools.dis(pickle.dumps({"a": [1, 2]}, protocol=2))
print(pickletools.optimize(pickle.dumps((1, 1), protocol=0)))
