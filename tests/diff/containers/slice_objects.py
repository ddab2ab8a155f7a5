s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4))
print(slice(5), slice(1, 2), "abcdefghij"[s], [0, 1, 2, 3][slice(None, None, -1)], s == slice(1, 10, 2))
try:
    slice(0, 1, 0).indices(3)
except ValueError as e:
    print(e)
try:
    [1][1:2:0]
except ValueError as e:
    print(e)
print(hash(slice(1, 2)) == hash(slice(1, 2)))
class Idx:
    def __getitem__(self, k):
        return k
print(Idx()[1:2], Idx()[::], Idx()[1:2, 3], Idx()[...], Idx()[:, None])
