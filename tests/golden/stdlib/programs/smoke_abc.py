from abc import ABC, ABCMeta, abstractmethod, abstractproperty, get_cache_token
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
    def describe(self): return f"{self.name} with area {self.area()}"
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    @property
    def name(self): return "square"
    @classmethod
    def make(cls): return cls(2)
print(Sq.make().describe(), sorted(Shape.__abstractmethods__), Sq.__abstractmethods__)
try:
    Shape()
except TypeError as e:
    print(e)
class Partial(Shape):
    def area(self): return 0
try:
    Partial()
except TypeError as e:
    print(e)
class Duck(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if any("quack" in B.__dict__ for B in C.__mro__): return True
        return NotImplemented
class Mallard:
    def quack(self): pass
print(issubclass(Mallard, Duck), isinstance(1, Duck))
class Registered(ABC): pass
Registered.register(int)
print(isinstance(5, Registered), issubclass(bool, Registered), issubclass(str, Registered))
print(type(get_cache_token()).__name__, type(Shape).__name__, Shape.__mro__)
@Registered.register
class Later: pass
print(issubclass(Later, Registered), Later.__name__)
