data = [1, 5, 12, 3, 20]
print([y for x in data if (y := x * 2) > 10])
print(y)
if (n := len(data)) > 3:
    print("long", n)
print("big" if n > 4 else "small", "a" if not n else "b")
def f():
    [w := i for i in range(3)]
    return w
print(f())
