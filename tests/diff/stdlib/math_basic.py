import math
print(math.pi, math.e, math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.factorial(20), math.isqrt(10**20 + 1))
print(math.log(100, 10), math.exp(1) == math.e, math.inf, math.isnan(math.nan), math.fsum([0.1] * 10), math.comb(10, 3), math.perm(5, 2))
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
