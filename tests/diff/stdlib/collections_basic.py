from collections import OrderedDict, defaultdict, Counter, deque, namedtuple
dd = defaultdict(list)
dd["a"].append(1)
print(dd, Counter("mississippi").most_common(2), deque([1, 2, 3], maxlen=2))
P = namedtuple("P", "x y")
p = P(1, 2)
print(p, p.x, p._replace(x=5), p._asdict(), OrderedDict(a=1, b=2))
