# Smoke program for the native cmath module: every function over the special-value grid of C99 Annex G (CPython's
# 7x7 tables: signed zeros, infinities, NaNs, subnormal and huge parts), rect, log with a base, isclose, the
# constants and the errors. Results are printed exactly (float.hex).
import cmath, math

def fmt(v):
    if isinstance(v, tuple): return "(" + ", ".join(fmt(x) for x in v) + ")"
    if isinstance(v, complex): return f"({v.real.hex()},{v.imag.hex()})"
    if isinstance(v, float): return v.hex()
    return repr(v)

specials = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, math.inf, -math.inf, math.nan, 1e-310, -1e-310, 1e308, -1e308, 0.5, 1e-20]
fns = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log", "log10", "sin", "sinh", "sqrt",
       "tan", "tanh", "phase", "polar", "isfinite", "isinf", "isnan"]
for name in fns:
    f = getattr(cmath, name)
    out = []
    for a in specials:
        for b in specials:
            try:
                out.append(fmt(f(complex(a, b))))
            except Exception as e:
                out.append(type(e).__name__)
    print(name, " ".join(out))
for r in specials:
    row = []
    for p in specials:
        try:
            row.append(fmt(cmath.rect(r, p)))
        except Exception as e:
            row.append(type(e).__name__)
    print("rect", fmt(r), " ".join(row))
for a, b in [(1, 2), (1j, 0), (0, 0), (2, 1j), (math.inf, 2), (8, 2)]:
    try:
        print("log base", a, b, fmt(cmath.log(a, b)))
    except Exception as e:
        print("log base", a, b, type(e).__name__, e)
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(complex(math.inf), complex(math.inf)),
      cmath.isclose(1, 2, abs_tol=1), cmath.isclose(math.nan, math.nan), cmath.isclose(1, math.inf))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.sqrt(-1), cmath.exp(1j * cmath.pi), cmath.polar(1j), cmath.rect(2, cmath.pi / 2), cmath.phase(-1), cmath.log(-1))
class Z:
    def __complex__(self): return 3 + 4j
class F:
    def __float__(self): return 2.0
class I:
    def __index__(self): return 4
print(cmath.sqrt(Z()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.sqrt(10**20), cmath.sqrt(True))
for f in [lambda: cmath.sqrt("x"), lambda: cmath.log(1, "x"), lambda: cmath.log(0), lambda: cmath.exp(1000),
          lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.isclose(1), lambda: cmath.rect("x", 1), lambda: cmath.log(1, 0),
          lambda: cmath.isclose(1, 1, 2), lambda: cmath.sqrt(10**400), lambda: cmath.cosh(1000),
          lambda: cmath.atanh(1), lambda: cmath.log10(0j), lambda: cmath.phase(complex(1e308, 1e-310)), lambda: cmath.rect(1, math.inf)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
