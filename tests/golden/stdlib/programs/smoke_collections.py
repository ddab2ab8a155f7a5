from collections import Counter, OrderedDict, defaultdict, deque, namedtuple, ChainMap, UserDict, UserList, UserString
Point = namedtuple("Point", "x y", defaults=[0])
p = Point(1, 2)
print(p, p._asdict(), p._replace(x=5), Point._fields, Point(3), Point._field_defaults)
x, y = p
print(x + y, p[0], p.y, p == (1, 2), Point._make([7, 8]))
c = Counter("abracadabra")
print(c.most_common(3), c["z"], sorted(c.elements())[:5])
c.update({"a": 2}); c.subtract("b")
print(c, c + Counter("zz"), c & Counter("aab"), c | Counter("zzz"), c.total())
d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
print(d, dict(d), d.default_factory)
dq = deque(range(5), maxlen=4); dq.appendleft(-1); dq.rotate(2)
print(dq, dq.maxlen, dq.popleft(), dq.pop(), list(dq), dq.count(1))
dq.extendleft([10, 11]); print(dq, dq.index(10))
od = OrderedDict.fromkeys("abc"); od.move_to_end("a")
print(od, od.popitem(last=False), list(od))
cm = ChainMap({"x": 1}, {"x": 2, "y": 3})
print(cm["x"], cm["y"], cm.new_child({"z": 0}), len(cm), sorted(cm), cm.parents)
class D(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
dd = D(a=1); dd["b"] = 5
print(dd, UserList([3, 1, 2]) + [4], UserString("abc").upper(), isinstance(dd, dict))
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    namedtuple("Bad", "x def")
except ValueError as e:
    print(e)
