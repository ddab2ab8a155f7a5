a = [1, [2, 3]]
b = a[:]
c = list(a)
b[1].append(4)
print(a, b, c, a[1] is b[1], a is b)
d = {"k": [1]}
e = dict(d)
e["k"].append(2)
e["new"] = 1
print(d, e)
s = {1, 2}
t = s.copy()
t.add(3)
print(s, t)
t1 = (1, 2)
print(tuple(t1) is t1, t1[:] is t1, t1 * 1 is t1, list(t1) is not t1)
