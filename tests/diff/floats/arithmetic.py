print(0.1 + 0.2, 1.0 - 0.9, 3 * 0.1, 1 / 3, 2 ** 0.5, 10 / 4, 7.0 // 2, -7.0 // 2, 7.0 % -3, -7.0 % 3)
print(1e308 + 1e308, -1e308 * 10, 1e-320 / 1e10, float("inf") - float("inf"))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(e)
try:
    5.0 % 0
except ZeroDivisionError as e:
    print(e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(e)
try:
    (-8.0) ** 0.5
except ValueError as e:
    print(e)
print(divmod(7.5, 2), divmod(-7.5, 2), 0.0 ** 0, (-1.5) ** 2)
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([0.1, 0.2, 0.3]))
