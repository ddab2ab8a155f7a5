# math module smoke program: values (correctly rounded or CPython's own algorithms) and CPython's error messages.
import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.exp(1), math.log(10), math.log(8, 2), math.log10(1000), math.log2(1024), math.log2(3))
print(math.log(10**400), math.log10(10**400), math.log2(2**5000))
print(math.sin(1), math.cos(1), math.tan(1), math.atan2(1, 2), math.atan2(0.0, -0.0))
print(math.gamma(0.5), math.gamma(5.5), math.gamma(-2.5), math.lgamma(0.5), math.lgamma(100.5), math.lgamma(-2.5))
print(math.erf(0.5), math.erfc(0.5), math.erf(2.5))
print(math.fsum([0.1]*10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([1e-16, 1, 1e16]))
print(math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot(), math.hypot(1e-320, 1e-320), math.dist((1, 2), (4, 6)))
print(math.factorial(30), math.isqrt(10**40 + 5), math.comb(50, 20), math.perm(10, 3), math.perm(5))
print(math.gcd(12, 18, 27), math.gcd(), math.lcm(4, 6, 10), math.lcm(), math.gcd(-12, 0))
print(math.prod([1, 2, 3, 4]), math.prod([0.5, 3], start=2), math.sumprod([0.1]*10, [0.3]*10), math.sumprod([1, 2], [3, 4]))
print(math.sumprod([1.5, 2, 3], [2, 0.25, True]))
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 2.0, steps=10), math.ulp(1.0), math.ulp(1e308), math.ulp(0.0))
print(math.fma(0.1, 10, -1), math.fma(2, 3, 4), math.remainder(10, 3), math.remainder(-7.5, 5), math.fmod(-10, 3), math.fmod(1, math.inf))
print(math.frexp(8.0), math.frexp(1e-320), math.ldexp(0.5, 4), math.ldexp(1.0, -1074), math.ldexp(1.0, -1080), math.modf(-3.25), math.modf(math.inf))
print(math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.floor(-0.5), math.ceil(10**30), math.floor(True))
print(math.copysign(1, -0.0), math.degrees(math.pi), math.radians(180), math.isclose(1, 1.0000000001), math.isclose(1, 1.1, rel_tol=0.2))
print(math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan), math.cbrt(-64.0), math.exp2(10), math.expm1(1e-10), math.log1p(1e-10))
print(math.pow(2, 0.5), math.pow(-8, 1/3) if False else math.pow(-2, 3), math.pow(math.inf, -1), math.pow(0.0, -math.inf))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5), math.asin(0.5), math.acos(0.5), math.atan(1))
class C:
    def __floor__(self): return "floor!"
    def __ceil__(self): return "ceil!"
    def __trunc__(self): return "trunc!"
    def __index__(self): return 7
print(math.floor(C()), math.ceil(C()), math.trunc(C()), math.factorial(C()), math.gcd(C(), 21))



import math
tests = ["math.sqrt(-1)","math.exp(1000)","math.log(0)","math.log(-5)","math.log(10**400,0)","math.log(1,1)","math.factorial(-1)","math.factorial(1.5)","math.factorial(10**20)","math.isqrt(-1)","math.comb(-1,2)","math.comb(3,-2)","math.perm(-1)","math.perm(3,-1)","math.comb(1.0,2)","math.ldexp(1.0,1.5)","math.ldexp(1e308,10)","math.fmod(1,0)","math.fmod(math.inf,1)","math.remainder(1,0)","math.pow(0,-1)","math.pow(-1,0.5)","math.pow(10,400)","math.gamma(0)","math.gamma(-1)","math.gamma(200)","math.lgamma(0)","math.lgamma(-2)","math.dist([1],[1,2])","math.dist(1,2)","math.sumprod([1],[1,2])","math.fsum([math.inf,-math.inf])","math.fsum([1e308,1e308])","math.fsum([math.nan])","math.nextafter(1,2,steps=-1)","math.isclose(1,1,rel_tol=-1)","math.sqrt('x')","math.floor('x')","math.ceil(None)","math.trunc('x')","math.gcd(1.5)","math.ulp('a')","math.fma(math.inf,0,1)","math.fma(1e308,10,0)","math.atanh(1)","math.acos(2)","math.cosh(1000)","math.hypot('a')","math.prod([1,2],start=3)","math.prod()","math.log()","math.log(1,2,3)","math.atan2(1)","math.copysign(1)","math.fsum(1)","math.frexp('a')","math.modf('a')","math.floor(math.inf)","math.floor(math.nan)","math.ceil(math.inf)","math.trunc(math.nan)","math.comb(10**19,5)","math.perm(10**30, 10**20)","math.exp2(2000)","math.expm1(1000)","math.log2(-1)","math.log10(0)","math.log1p(-1)","math.erf('x')","math.nextafter(1,2,steps=1.5)","math.isqrt(1.5)","math.factorial(True)","math.lcm(1.5)","math.sumprod(1,2)","math.dist([1,'a'],[1,2])","math.isclose(1)", "math.pow(0.0,-math.inf)", "math.log(True,-1)", "math.log(1.0, 10**400)"]
for t in tests:
    try:
        r = eval(t)
        print(t, "->", repr(r))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)
print(math.cbrt(27), math.cbrt(-8), math.cbrt(1e-310), math.cbrt(5e-324), math.cbrt(1e308))
