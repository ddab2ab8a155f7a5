import numbers
from fractions import Fraction
from decimal import Decimal
for v in [1, True, 1.5, 2j, Fraction(1, 2), Decimal("1.5")]:
    print(type(v).__name__, [c.__name__ for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral) if isinstance(v, c)])
class MyInt(numbers.Integral):
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    __index__ = __int__
    def __abs__(self): return MyInt(abs(self.v))
    def __add__(s, o): return MyInt(s.v + int(o))
    __radd__ = __add__
    def __and__(s, o): return s.v & int(o)
    __rand__ = __and__
    def __ceil__(s): return s.v
    def __eq__(s, o): return s.v == int(o)
    def __floor__(s): return s.v
    def __floordiv__(s, o): return s.v // int(o)
    __rfloordiv__ = __floordiv__
    def __invert__(s): return ~s.v
    def __le__(s, o): return s.v <= int(o)
    def __lshift__(s, o): return s.v << int(o)
    __rlshift__ = __lshift__
    def __lt__(s, o): return s.v < int(o)
    def __mod__(s, o): return s.v % int(o)
    __rmod__ = __mod__
    def __mul__(s, o): return s.v * int(o)
    __rmul__ = __mul__
    def __neg__(s): return -s.v
    def __or__(s, o): return s.v | int(o)
    __ror__ = __or__
    def __pos__(s): return s
    def __pow__(s, o, m=None): return pow(s.v, int(o), m)
    def __rpow__(s, o): return o ** s.v
    def __round__(s, n=None): return s.v
    def __rshift__(s, o): return s.v >> int(o)
    __rrshift__ = __rshift__
    def __truediv__(s, o): return s.v / int(o)
    __rtruediv__ = __truediv__
    def __trunc__(s): return s.v
    def __xor__(s, o): return s.v ^ int(o)
    __rxor__ = __xor__
    def __hash__(s): return hash(s.v)
m = MyInt(6)
print(isinstance(m, numbers.Rational), m.numerator.v, m.denominator, float(m), complex(m), m.real.v, m.imag, m.conjugate().v, [1, 2, 3, 4, 5, 6, 7][m])
class Opaque: pass
numbers.Real.register(Opaque)
print(isinstance(Opaque(), numbers.Complex), issubclass(Opaque, numbers.Integral), numbers.Number.__hash__)
try:
    numbers.Integral()
except TypeError as e:
    print(str(e)[:60])
