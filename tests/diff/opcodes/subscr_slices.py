s = list(range(10))
print(s[2], s[-1], s[2:5], s[::3], s[::-2], s[-3:], s[:100])
s[1:3] = ["a", "b", "c"]
print(s)
del s[::2]
print(s)
s[::2] = [0] * len(s[::2])
print(s)
try:
    s[::2] = [1]
except ValueError as e:
    print(e)
d = {}
d["k"] = 1
d[1, 2] = "tuple"
print(d)
del d["k"]
print(d)
t = "hello"[1:4]
print(t, "hello"[::-1], b"bytes"[1], b"bytes"[1:3])
