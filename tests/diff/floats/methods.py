for v in (1.5, -2.0, 0.1, 1e300, float("inf")):
    print(repr(v), v.is_integer(), v.conjugate(), v.real, v.imag)
    try:
        print(v.as_integer_ratio())
    except OverflowError as e:
        print(e)
print((7.9).__trunc__(), (-7.9).__floor__(), (-7.1).__ceil__(), int(-7.9))
print(float("  3.5 "), float("-inf"), float("NaN"), float("1_000.5"), float(" +1E3"), float(5), float(True))
for bad in ("", "1.2.3", "nan1", "1__0", "0x10"):
    try:
        float(bad)
    except ValueError as e:
        print(e)
try:
    float([])
except TypeError as e:
    print(e)
print(float.__getformat__("double"))
