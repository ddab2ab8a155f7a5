d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("a"), d.pop("zz", "dflt"), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, list(d.keys()), list(d.values()), list(d.items()))
print(dict.fromkeys("ab", []), {}.fromkeys([1, 2]), d.copy() == d, len(d), "x" in d, 1 in d)
for bad in (lambda: d["nope"], lambda: d.pop("nope"), lambda: {}.popitem(), lambda: dict([1]), lambda: dict([(1, 2, 3)]), lambda: d.update(5), lambda: {[]: 1}):
    try:
        bad()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
d.clear()
print(d, dict(a=1, **{"b": 2}), dict({"c": 3}, d=4))
print({1: 2} | {3: 4}, {1: 2} == {1: 2}, {1: 2} != {1: 3})
e = {"k": 1}
e |= {"k": 2, "m": 3}
print(e, reversed(e).__class__.__name__, list(reversed(e)))
