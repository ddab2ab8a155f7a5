print(1 < 1.5, 2**53 + 1 > 2.0**53, 2**53 + 1 == 2.0**53, 10**400 > 1e308)
print(10**400 > float("inf"), -10**400 < float("-inf"), 1 == 1 + 0j)
print(float("nan") < 1, float("nan") == float("nan"), 0 == -0.0)
print(max(1, 1.0), max(1.0, 1), min(0, False), sorted([3, 1.5, True, 2**64, -0.5]))
try:
    1 < "1"
except TypeError as e:
    print(e)
try:
    1 < 1j
except TypeError as e:
    print(e)
