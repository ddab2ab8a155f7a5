import sys

def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno

def caller():
    return where()

print(caller())
print(where())

def chain():
    f = sys._getframe()
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names

def a():
    return b()

def b():
    return chain()

print(a())
try:
    sys._getframe(100)
except ValueError as e:
    print(e)
