from fractions import Fraction
from decimal import Decimal
import math
a, b = Fraction(3, 4), Fraction("5/6")
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, -a, abs(Fraction(-1, 3)), a // b, a % b, divmod(Fraction(7, 2), 1))
print(repr(a), str(Fraction(6, 3)), Fraction(0.1), Fraction(0.1).limit_denominator(100), Fraction(Decimal("1.25")), Fraction("1.5e-3"), Fraction(" -7/14 "))
print(Fraction(math.pi).limit_denominator(1000), a.numerator, a.denominator, a.as_integer_ratio(), Fraction(5).is_integer(), float(a), int(Fraction(-7, 2)))
print(round(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(22, 7), 2), math.floor(Fraction(-1, 2)), math.ceil(Fraction(1, 3)), math.trunc(Fraction(-5, 3)))
print(a < 1, a == 0.75, a > Fraction(2, 3), hash(Fraction(1, 2)) == hash(0.5), sorted([Fraction(1, 3), 0.25, 1]), a + 1.0, a + 1)
print(format(Fraction(1, 3), ".5f"), f"{Fraction(22, 7):.3e}", format(Fraction(7, 3), "_>10"), format(Fraction(3, 4), "%"), Fraction.from_decimal(Decimal("0.3")))
print(sum(Fraction(1, n) for n in range(1, 10)), Fraction(2, 3) ** Fraction(1, 2) if False else Fraction(4, 9) ** 2, Fraction(1, 2) ** 0.5)
for bad in [lambda: Fraction(1, 0), lambda: Fraction("x/2"), lambda: Fraction(1.5, 2), lambda: Fraction(float("nan"))]:
    try:
        bad()
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
