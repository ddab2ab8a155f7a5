d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, 2 in v, ("a", 1) in i, ("a", 2) in i)
d["d"] = 4
print(list(k), list(v))
print(k & {"a", "z"}, k | {"z"}, k - {"a"}, k ^ {"a", "z"}, i & {("b", 2)}, k == {"a", "b", "c", "d"})
print(k.isdisjoint({"x"}), sorted(k, reverse=True), list(reversed(k)), list(reversed(v)))
print(k.mapping if hasattr(k, "mapping") else "", type(k).__name__, type(v).__name__, type(i).__name__)
try:
    for key in d:
        d["new" + key] = 1
except RuntimeError as e:
    print(e)
try:
    v == v
    print(v == d.values())
except TypeError as e:
    print(e)
try:
    hash(k)
except TypeError as e:
    print(e)
