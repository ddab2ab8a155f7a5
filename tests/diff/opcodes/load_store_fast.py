def f(a, b):
    c = a + b
    d = c * 2
    del c
    try:
        print(c)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    a, b = b, a
    return a, b, d

print(f(1, 2))

def g():
    if False:
        x = 1
    return x

try:
    g()
except UnboundLocalError as e:
    print(type(e).__name__, e)
