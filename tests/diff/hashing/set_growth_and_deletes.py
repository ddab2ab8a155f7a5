s = set()
for i in range(0, 200, 7):
    s.add(i)
print(list(s)[:15])
for i in range(0, 200, 14):
    s.discard(i)
print(list(s))
for i in range(1000, 1010):
    s.add(i)
print(list(s)[-12:])
t = set(range(100))
for i in range(95):
    t.discard(i)
print(t)
t.add(-5)
print(t, t.pop(), t)
