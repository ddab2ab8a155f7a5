import cmath, math
print(cmath.sqrt(-1), cmath.sqrt(2j), cmath.phase(-1), cmath.phase(complex(-1.0, -0.0)), cmath.polar(1j), cmath.rect(2, math.pi / 2))
print(cmath.exp(1j * math.pi), cmath.log(-1), cmath.log(8, 2), cmath.log10(100j), cmath.sin(1 + 1j), cmath.cosh(1j), cmath.atan(2j))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isfinite(complex(1, math.inf)), cmath.isinf(complex(math.inf, 0)), cmath.isnan(complex(0, math.nan)))
print(cmath.acos(2), cmath.asinh(1j), cmath.tanh(complex(1000, 1)), cmath.sqrt(complex(-0.0, -0.0)), cmath.exp(complex(math.inf, 0)))
for bad in [lambda: cmath.log(0), lambda: cmath.exp(1000), lambda: cmath.sqrt("x"), lambda: cmath.log(1, 0)]:
    try:
        bad()
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
