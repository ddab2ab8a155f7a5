nested = []
for _ in range(100_000):
    nested = [nested]
try:
    repr(nested)
except RecursionError as e:
    print(type(e).__name__, e)
d = {}
cur = d
for _ in range(100_000):
    cur["k"] = {}
    cur = cur["k"]
try:
    str(d)
except RecursionError as e:
    print(type(e).__name__, e)
loop = [1]
loop.append(loop)
print(loop)
dd = {"a": 1}
dd["self"] = dd
print(dd)
