def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)

print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7))
print(f(*[1, 2], **{"d": 0, "c": 9}))
for call in (lambda: f(), lambda: f(1), lambda: f(1, a=2, d=3), lambda: f(1, 2, 3, 4, d=5, e=6, e2=7, c=1)):
    try:
        print(call())
    except TypeError as e:
        print(e)

def g(x, y):
    return x - y

print(g(y=1, x=5))
for bad in (lambda: g(1, 2, 3), lambda: g(1, x=2), lambda: g(1, z=3), lambda: g(1, 2, y=3)):
    try:
        bad()
    except TypeError as e:
        print(e)

def kwonly(*, a, b):
    return a + b

try:
    kwonly(1, 2)
except TypeError as e:
    print(e)
try:
    kwonly(a=1)
except TypeError as e:
    print(e)
