d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(d)
print(d)
del d["a"]
d["a"] = 99
print(d, list(d), list(d.values()))
d2 = dict.fromkeys([3, 1, 2], 0)
print(d2)
d2.pop(1)
d2[1] = 5
print(d2)
print({**{"x": 1, "y": 2}, **{"x": 3}})
print(dict(zip("cab", range(3))))
e = {i: i for i in range(10)}
for i in range(0, 10, 2):
    del e[i]
e[0] = "back"
print(e)
