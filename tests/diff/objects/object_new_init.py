class Point:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, x, y):
        print("init", x, y)
        self.x, self.y = x, y

p = Point(1, 2)
print(p.x, p.y)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Other())
try:
    object(1)
except TypeError as e:
    print(e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
class InitReturns:
    def __init__(self):
        return 1
try:
    InitReturns()
except TypeError as e:
    print(e)
