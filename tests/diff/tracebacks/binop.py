def add(a, b):
    return a + b

x = 1
y = add(x, "two")
