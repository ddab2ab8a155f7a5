# deque and defaultdict reduce as CPython's (_collections): the items travel as an iterator; pickles and copies.
import pickle, collections, copy
d = collections.defaultdict(list, {"a": [1]})
r = d.__reduce__(); print(r[:4], type(r[4]).__name__)
for q in [collections.deque([1, 2], 5), collections.deque([1])]: r = q.__reduce__(); print(r[:3], type(r[3]))
for p in range(6):
    x = pickle.loads(pickle.dumps(d, p)); print(p, x, type(x).__name__)
    y = pickle.loads(pickle.dumps(collections.deque([1, 2], 3), p)); print(y)
print(copy.copy(d), copy.deepcopy(collections.deque([[1]], 4)))
print(pickle.dumps(collections.OrderedDict(a=1), 0))
print(collections.OrderedDict.__module__, repr(collections.OrderedDict))
