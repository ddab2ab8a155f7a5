print(2 ** 10, 2 ** -2, (-2) ** 3, (-2) ** -3, 0 ** 0, 10 ** 20)
print(pow(3, 4), pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7), pow(2, 100, 10**9 + 7))
print(pow(38, -1, 97) * 38 % 97)
for args in ((2, -1, 4), (3, 2, 0), (2.0, 2, 3), (2, 3, 1)):
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(e)
print((-8) ** (1 / 3))
print(pow(-2, 0.5))
print(4 ** 0.5, 2 ** 0.5)
