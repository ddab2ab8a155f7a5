import decimal
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, InvalidOperation, DivisionByZero
print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(7), Decimal("10") ** 20, Decimal(0.1), repr(Decimal("3.14")))
print(Decimal("2").sqrt(), Decimal("1.2345").quantize(Decimal("0.01")), Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
print(Decimal("-7.5").to_integral_value(), Decimal("7") // Decimal("-2"), Decimal("7") % Decimal("-2"), divmod(Decimal(7), 3), round(Decimal("2.5")), round(Decimal("1.2345"), 2))
with localcontext() as ctx:
    ctx.prec = 5; ctx.rounding = ROUND_DOWN
    print(Decimal(2) / 3, Decimal("1234567.89") + 0, ctx.prec)
print(getcontext().prec, Decimal(1) / 3, Decimal("1e-3").normalize(), Decimal("100").normalize(), Decimal("1.500").as_tuple())
print(Decimal("NaN").is_nan(), Decimal("-Infinity"), Decimal("0.00"), Decimal("-0"), Decimal("1E+2").to_eng_string(), Decimal("123.456").scaleb(2))
print(sum(Decimal("0.1") for _ in range(10)) == 1, Decimal("1.0") == 1.0, Decimal(3).ln(), Decimal(100).log10(), Decimal(2).exp())
print(format(Decimal("1234.5678"), ",.2f"), f"{Decimal('0.000123'):.2e}", Decimal("1.23").compare(Decimal("2")), Decimal.from_float(0.5), float(Decimal("1.5")), int(Decimal("-3.9")))
print(Decimal(10).max(Decimal(3)), Decimal("3.000").adjusted(), Decimal(5).fma(2, 1), Decimal("12.3").as_integer_ratio(), hash(Decimal("1.5")) == hash(1.5))
for bad in [lambda: Decimal("abc"), lambda: Decimal(1) / 0, lambda: Decimal(-1).sqrt(), lambda: Decimal("1") < "2"]:
    try:
        bad()
    except (InvalidOperation, DivisionByZero, TypeError) as e:
        print(type(e).__name__, e if not isinstance(e, decimal.DecimalException) else [c.__name__ for c in e.args[0]] if isinstance(e.args[0], list) else "signal")
c = decimal.Context(prec=3, traps=[]); print(c.divide(Decimal(1), 0), c.flags[DivisionByZero], c.create_decimal("1.23456"))
