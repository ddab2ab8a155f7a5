for v in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 1e16 + 1, 123.456):
    print(repr(v), round(v), round(v, 2), round(v, -1))
print(round(2.5, 0), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(1234.5678, -2), round(-0.0), round(0.49999999999999994))
for bad in (float("inf"), float("nan")):
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(1e300, -300), round(5e-324, 400))
