# The cost of one class statement (and of the lookups class-heavy imports make), under Typhon or CPython:
#   python3.13 bench/classes.py [ROUNDS]   /   node bin/typhon.js bench/classes.py [ROUNDS]
# Each case runs its statement N times per round; prints one line per case: name, microseconds per statement in the
# first round (a cold VM, as at import) and the best round. bench/classes.ts runs both and prints the ratios.
import sys, time
from enum import Enum, IntFlag
from dataclasses import dataclass
from typing import Generic, TypeVar, Protocol, NamedTuple
from abc import ABC, abstractmethod

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
T = TypeVar("T")


class Base:
    def a(self): return 1
    def b(self): return 2


class Mixin:
    def m(self): return 3


def plain(n):
    for _ in range(n):
        class C:
            pass


def with_base(n):
    for _ in range(n):
        class C(Base):
            x = 1
            def f(self): return self.x


def multiple_bases(n):
    for _ in range(n):
        class C(Base, Mixin):
            pass


def methods(n):
    for _ in range(n):
        class C:
            def a(self): pass
            def b(self): pass
            def c(self): pass
            def d(self): pass
            def e(self): pass
            def f(self): pass


def slots(n):
    for _ in range(n):
        class C:
            __slots__ = ("a", "b", "c")
            def __init__(self, a, b, c):
                self.a = a; self.b = b; self.c = c


def dunders(n):
    for _ in range(n):
        class C:
            def __init__(self, x): self.x = x
            def __repr__(self): return "C"
            def __eq__(self, o): return self is o
            def __hash__(self): return 1
            def __lt__(self, o): return False
            def __len__(self): return 0
            def __getitem__(self, i): return i
            def __add__(self, o): return self
            def __iter__(self): return iter(())
            def __contains__(self, o): return False


def exception(n):
    for _ in range(n):
        class E(ValueError):
            pass


def abc_subclass(n):
    for _ in range(n):
        class A(ABC):
            @abstractmethod
            def f(self): ...
            def g(self): return 1


def enum_class(n):
    for _ in range(n):
        class Color(Enum):
            RED = 1
            GREEN = 2
            BLUE = 3


def intflag_class(n):
    for _ in range(n):
        class Perm(IntFlag):
            R = 4
            W = 2
            X = 1


def dataclass_class(n):
    for _ in range(n):
        @dataclass
        class P:
            x: int
            y: int = 0


def generic_class(n):
    for _ in range(n):
        class Box(Generic[T]):
            def get(self) -> T: ...


def protocol_class(n):
    for _ in range(n):
        class P(Protocol):
            def meth(self) -> int: ...


def namedtuple_class(n):
    for _ in range(n):
        class NT(NamedTuple):
            a: int
            b: str = ""


def type_call(n):
    for _ in range(n):
        type("C", (Base,), {"x": 1})


# Lookups: a method through a 5-deep MRO, a class attribute, a module attribute, an instance created with object.__new__.
class L1:
    def meth(self): return 1
    attr = 5
class L2(L1): pass
class L3(L2): pass
class L4(L3): pass
class L5(L4): pass


def method_lookup(n):
    o = L5()
    for _ in range(n // 10):
        o.meth(); o.meth(); o.meth(); o.meth(); o.meth(); o.meth(); o.meth(); o.meth(); o.meth(); o.meth()


def class_attr(n):
    for _ in range(n // 10):
        L5.attr; L5.attr; L5.attr; L5.attr; L5.attr; L5.attr; L5.attr; L5.attr; L5.attr; L5.attr


def module_attr(n):
    for _ in range(n // 10):
        time.time; time.time; time.time; time.time; time.time; time.time; time.time; time.time; time.time; time.time


def new_instance(n):
    new = object.__new__
    for _ in range(n):
        new(L5)


CASES = [
    ("plain", plain, 2000), ("with_base", with_base, 2000), ("multiple_bases", multiple_bases, 2000),
    ("methods", methods, 2000), ("slots", slots, 2000), ("dunders", dunders, 1000), ("exception", exception, 2000),
    ("abc_subclass", abc_subclass, 500), ("enum", enum_class, 200), ("intflag", intflag_class, 200),
    ("dataclass", dataclass_class, 50), ("generic", generic_class, 500), ("protocol", protocol_class, 200),
    ("namedtuple", namedtuple_class, 50), ("type_call", type_call, 2000),
    ("method_lookup", method_lookup, 200000), ("class_attr", class_attr, 200000), ("module_attr", module_attr, 200000),
    ("new_instance", new_instance, 100000),
]

if __name__ == "__main__":
    only = sys.argv[2:]
    for name, f, n in CASES:
        if only and name not in only:
            continue
        times = []
        for _ in range(ROUNDS):
            t0 = time.perf_counter()
            f(n)
            times.append((time.perf_counter() - t0) / n * 1e6)
        print(f"{name} {times[0]:.3f} {min(times):.3f}")
