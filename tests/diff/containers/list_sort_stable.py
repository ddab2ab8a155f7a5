records = [("bob", 3), ("alice", 1), ("carol", 3), ("dave", 2), ("eve", 1), ("frank", 3)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: -r[1]))
r = list(records)
r.sort(key=lambda x: x[0], reverse=True)
print(r)
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums, key=abs), sorted(nums, key=abs, reverse=True))
data = [3, 1, 2]
data.sort()
print(data, data.sort() is None)
try:
    [1, "a", 2].sort()
except TypeError as e:
    print(e)
def bad_key(x):
    if x == 2:
        raise ValueError("key failed")
    return x
lst = [3, 2, 1]
try:
    lst.sort(key=bad_key)
except ValueError as e:
    print(e, lst)
try:
    sorted([3, 1], lambda x: x)
except TypeError as e:
    print(e)
class Modify:
    def __lt__(self, o):
        victim.append(1)
        return False
victim = [Modify(), Modify()]
try:
    victim.sort()
except ValueError as e:
    print(e)
big = [(i * 7919) % 1000 for i in range(1000)]
print(sorted(big)[::100], sorted(big, reverse=True)[:5])
