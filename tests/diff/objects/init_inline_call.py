# Calling a class whose __init__ is a Python function (CALL_ALLOC_AND_ENTER_INIT: the __init__ frame is pushed by
# the CALL itself): results, errors, tracebacks and frames must be those of type.__call__.
import sys
import traceback
from abc import ABC, abstractmethod


class P:
    def __init__(self, x, y=2, *rest, k=3):
        self.v = (x, y, rest, k)


print([P(i).v for i in range(3)], P(1, 5, 6, 7).v)


class Bad:
    def __init__(self, r):
        return r


for _ in range(3):
    print(type(Bad(None)).__name__)
try:
    Bad(5)
except TypeError as e:
    print("TypeError:", e)
    print("".join(traceback.format_tb(e.__traceback__)).count("\n"))


class Raises:
    def __init__(self):
        raise ValueError("in __init__")


def make():
    return Raises()


try:
    make()
except ValueError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(f.name, f.line) for f in tb])


class Frames:
    def __init__(self):
        f = sys._getframe()
        self.chain = [f.f_code.co_name, f.f_back.f_code.co_name]


def caller():
    return Frames().chain


print(caller())
try:
    P()
except TypeError as e:
    print("TypeError:", e)
try:
    P(1, z=2)
except TypeError as e:
    print("TypeError:", e)


class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print("TypeError:", e)


class Abstract(ABC):
    def __init__(self):
        pass

    @abstractmethod
    def f(self):
        pass


try:
    Abstract()
except TypeError as e:
    print("TypeError:", e)


class WithNew:
    def __new__(cls, *a):
        print("__new__", a)
        return super().__new__(cls)

    def __init__(self, *a):
        print("__init__", a)


WithNew(1, 2)


class Other:
    pass


class ReturnsOther:
    def __new__(cls):
        return Other()

    def __init__(self):
        print("never")


print(type(ReturnsOther()).__name__)


def deep(n):
    class R:
        def __init__(self, n):
            self.r = R(n - 1) if n else None
    return R(n)


try:
    deep(100000)
except RecursionError as e:
    print("RecursionError:", e)
print(sum(1 for _ in range(1000) if P(_).v[0] == _))
