import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED, list(Color), len(Color))
print(Color.RED.name, Color.RED.value, [m for m in Color.__members__], isinstance(Color.RED, Color), Color.RED in Color)
class Perm(Flag):
    R = auto(); W = auto(); X = auto()
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, list(rw), ~Perm.R, Perm(0), rw.value, Perm(7))
class Shape(IntEnum):
    CIRCLE = auto(); SQUARE = auto()
print(Shape.SQUARE + 1, Shape.CIRCLE == 1, sorted([Shape.SQUARE, Shape.CIRCLE]), format(Shape.SQUARE), f"{Shape.CIRCLE}")
class Mode(StrEnum):
    READ = auto(); WRITE = "w"
print(Mode.READ, Mode.WRITE.upper(), Mode("w"), repr(Mode.READ))
class Bits(IntFlag):
    A = 1; B = 2; C = 4
print(Bits.A | Bits.C, Bits(3), Bits(8) if False else Bits(5), repr(Bits.A | 8))
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius): self.mass, self.radius = mass, radius
    @property
    def g(self): return round(6.67e-11 * self.mass / self.radius ** 2, 2)
print(Planet.EARTH.g, Planet.EARTH.value)
class Lenient(Enum):
    A = "a"
    @classmethod
    def _missing_(cls, value): return cls.A
print(Lenient("zzz"))
try:
    Color(9)
except ValueError as e:
    print(e)
try:
    @unique
    class Dup(Enum):
        A = 1; B = 1
except ValueError as e:
    print(e)
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, enum.Enum.__members__ if False else Animal.__name__)
