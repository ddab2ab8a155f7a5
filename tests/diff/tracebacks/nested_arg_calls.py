def h(x):
    return 1 // x

def g(x):
    return x + 1

def f(x):
    return x * 2

print(f(g(h(1))))
print(f(g(h(0))))
