# math.erf, erfc, exp, exp2, expm1, log1p, cosh, sinh, tanh, log10 against CPython 3.13 on this machine's glibc:
# a dense sweep in blocks (one CRC-32 of the packed results per block) and single values around every branch point.
# Captured by tools/capture_cases.py; compared by tests/unit/modules/math_erf.test.ts.
import math, struct, zlib

GOLDEN = 0.6180339887498949  # a low-discrepancy sequence: varied low bits at every point

def sweep(lo, hi, n):
    return [lo + (hi - lo) * ((i * GOLDEN) % 1.0) for i in range(n)]

def crc(vals):
    return f"{zlib.crc32(struct.pack(f'<{len(vals)}d', *vals)):08x}"

# The ranges of glibc's s_erf.c: |x| < 2**-28, < 0.84375 (1/4 splits erfc), < 1.25, < 1/0.35, < 6, < 28, beyond.
RANGES = [(0.0, 2.0 ** -28, 20000), (2.0 ** -28, 0.25, 80000), (0.25, 0.84375, 100000), (0.84375, 1.25, 100000),
          (1.25, 1 / 0.35, 150000), (1 / 0.35, 6.0, 150000), (6.0, 28.0, 60000), (26.0, 28.5, 20000)]
BLOCK = 10000
for lo, hi, n in RANGES:
    xs = sweep(lo, hi, n)
    for sign in (1.0, -1.0):
        for b in range(0, n, BLOCK):
            part = [sign * x for x in xs[b:b + BLOCK]]
            label = f"[{lo!r}, {hi!r}) x{sign:+.0f} block {b // BLOCK}"
            print(f"erf {label} = {crc([math.erf(x) for x in part])}")
            print(f"erfc {label} = {crc([math.erfc(x) for x in part])}")
# tiny and subnormal arguments, log-spaced
tiny = [math.ldexp(1.0 + ((i * GOLDEN) % 1.0), -1074 + i % 1046) for i in range(20000)]  # no pow(): its inputs must agree
print(f"erf tiny = {crc([math.erf(x) for x in tiny])}")
print(f"erf -tiny = {crc([math.erf(-x) for x in tiny])}")
print(f"erfc tiny = {crc([math.erfc(x) for x in tiny])}")
# exp: the arguments erf/erfc give it, results near 1, large results, subnormal results
for lo, hi, n in [(-784.6, -2.1, 60000), (-1.0, 1.0, 40000), (-0.01, 0.01, 20000), (1.0, 709.0, 40000),
                  (-745.2, -700.0, 20000), (-709.0, 0.0, 20000)]:
    print(f"exp [{lo!r}, {hi!r}) = {crc([math.exp(x) for x in sweep(lo, hi, n)])}")

# expm1 over its ranges (|x| < 2**-54, ln2/2, 1.5 ln2, k < 20, k <= 56, beyond), cosh, sinh, tanh (ln2/2, 1, 22, 709.78)
for name in ("expm1", "cosh", "sinh", "tanh"):
    f = getattr(math, name)
    for lo, hi, n in [(-1e-17, 1e-17, 5000), (-0.35, 0.35, 40000), (0.34, 1.04, 30000), (-1.04, -0.34, 30000),
                      (1.0, 14.0, 40000), (-14.0, -1.0, 30000), (13.0, 40.0, 20000), (-45.0, -13.0, 10000),
                      (21.0, 709.0, 20000), (-709.0, -21.0, 10000)]:
        print(f"{name} [{lo!r}, {hi!r}) = {crc([f(x) for x in sweep(lo, hi, n)])}")
    for x in [0.0, -0.0, 5e-324, 2.0 ** -54, 2.0 ** -28, 0.25, 0.3465735902799726, 0.5, 1.0, 1.0397207708399179, 2.0,
              13.862943611198906, 22.0, 38.816242111356935, 39.0, 700.0, 709.78, 710.0, 710.4758600739439, 711.0,
              1e300, math.inf, math.nan]:
        for v in (x, -x, math.nextafter(x, math.inf), math.nextafter(x, -math.inf)):
            try:
                print(f"{name}({v!r}) = {f(v).hex()}")
            except OverflowError as e:
                print(f"{name}({v!r}) = OverflowError {e}")

# exp2 (exp's table, its own polynomial and scaling): near 0, the usual range, overflow and subnormal results
for lo, hi, n in [(-1.0, 1.0, 30000), (-1e-10, 1e-10, 5000), (-60.0, 60.0, 30000), (500.0, 1023.9, 20000),
                  (-1074.9, -900.0, 20000), (-1030.0, -1010.0, 10000), (900.0, 1000.0, 10000)]:
    print(f"exp2 [{lo!r}, {hi!r}) = {crc([math.exp2(x) for x in sweep(lo, hi, n)])}")
for x in [0.0, -0.0, 1e-300, 1024.0 - 1e-13, -1074.0, -1075.0, -1075.5, -1022.5, 1023.0, 928.0, -928.0, 928.5, 1024.0,
          math.inf, -math.inf, math.nan, 0.5, 2.5]:
    try:
        print(f"exp2({x!r}) = {math.exp2(x).hex()}")
    except OverflowError as e:
        print(f"exp2({x!r}) = OverflowError {e}")

# log1p over its ranges: tiny, the k = 0 band (-0.2929, 0.41422), near -1, 1 + x exact or not, |f| < 2**-20, huge
for lo, hi, n in [(-1e-9, 1e-9, 5000), (-0.2929, 0.41422, 40000), (-0.99999, -0.29, 20000), (0.41, 10.0, 30000),
                  (10.0, 1e6, 20000), (1e15, 1e17, 5000), (1e300, 1e308, 5000), (2.0 ** -21, 2.0 ** -19, 5000)]:
    print(f"log1p [{lo!r}, {hi!r}) = {crc([math.log1p(x) for x in sweep(lo, hi, n)])}")
for x in [0.0, -0.0, 5e-324, 2.0 ** -54, 2.0 ** -29, -0.2928932188134524, 0.41421356237309503, 1.0, 3.0, -0.5,
          -0.9999999999999999, 2.0 ** 53, 2.0 ** 53 - 1, 2.0 ** 52 + 1, 1.7976931348623157e308, math.inf, math.nan]:
    print(f"log1p({x!r}) = {math.log1p(x).hex()}")
for x in [-1.0, -2.0, -math.inf]:
    try:
        math.log1p(x)
    except ValueError as e:
        print(f"log1p({x!r}) = ValueError {e}")

# atanh (on log1p): below 2**-28, the two formulas around 1/2, near 1
for lo, hi, n in [(-1e-9, 1e-9, 3000), (-0.5, 0.5, 30000), (0.5, 0.999999, 20000), (-0.999999, -0.5, 10000)]:
    print(f"atanh [{lo!r}, {hi!r}) = {crc([math.atanh(x) for x in sweep(lo, hi, n)])}")
for x in [0.0, -0.0, 2.0 ** -28, 0.5, -0.5, 0.49999999999999994, 0.9999999999999999, -0.9999999999999999, math.nan]:
    print(f"atanh({x!r}) = {math.atanh(x).hex()}")

# asinh and acosh (on log1p and a correctly rounded log, so single values only): each range's ends and a few inside
for x in [0.0, -0.0, 2.0 ** -28, 1e-10, 0.5, 1.0, 1.5, 2.0, 2.0000000000000004, 3.0, 10.0, 1e5, 2.0 ** 28,
          2.0 ** 28 + 1, 1e300, math.inf, math.nan]:
    print(f"asinh({x!r}) = {math.asinh(x).hex()} {math.asinh(-x).hex()}")
for x in [1.0, 1.0000000000000002, 1.5, 2.0, 2.0000000000000004, 3.0, 10.0, 1e5, 2.0 ** 28, 2.0 ** 28 + 1, 1e300,
          math.inf, math.nan]:
    print(f"acosh({x!r}) = {math.acosh(x).hex()}")
for x in [0.9999999999999999, 0.0, -1.0, -math.inf]:
    try:
        math.acosh(x)
    except ValueError as e:
        print(f"acosh({x!r}) = ValueError {e}")

# log10 (on a correctly rounded log, so single values only): powers of ten, subnormals, mantissa boundaries
for x in [10.0 ** i for i in range(-20, 23)] + [5e-324, 2.2250738585072014e-308, 1e-310, 0.5, 0.7071067811865476,
          1.4142135623730951, 2.0, 3.0, 7.0, 1000.0000000000001, 999.9999999999999, 1.7976931348623157e308, 123456.789]:
    print(f"log10({x!r}) = {math.log10(x).hex()}")

# single values: each branch point, one ulp either side, special values
points = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, 2.0 ** -1022, 2.0 ** -1000, 1e-300, 1e-20]
for b in [2.0 ** -56, 2.0 ** -28, 0.25, 0.5, 0.84375, 1.0, 1.25, 1 / 0.35, 2.857142857142857, 2.8571434020996094,
          3.0, 5.0, 6.0, 10.0, 26.5, 27.0, 27.2, 28.0, 30.0, 1e10, 1e300]:
    for x in (math.nextafter(b, 0.0), b, math.nextafter(b, math.inf)):
        points += [x, -x]
for i in range(60):
    points.append(-6.5 + i * 0.21)
for x in points:
    print(f"erf({x!r}) = {math.erf(x).hex()}")
    print(f"erfc({x!r}) = {math.erfc(x).hex()}")
for x in [0.0, -0.0, 1e-300, 2.0 ** -54, 2.0 ** -53, 1.0, -1.0, 0.5, 700.0, 709.78, -708.0, -709.0, -710.0, -730.0,
          -744.0, -745.1, -745.2, -746.0, -1000.0, 512.0, -512.0, 1023.0 - 1024.0, math.inf, -math.inf, math.nan]:
    print(f"exp({x!r}) = {math.exp(x).hex()}")
for x in [710.0, 1e300, 1024.0]:
    try:
        math.exp(x)
    except OverflowError as e:
        print(f"exp({x!r}) = OverflowError {e}")
