print(pow(2, 10), pow(2, 10, 1000), pow(2, -1), pow(-2, 3, 5), pow(5, -2, 13), pow(2, 0, 1), pow(0, 0, 7))
print(pow(12345678901234567890, 98765, 10**9 + 9), pow(3, 10**6, 10**9 + 7))
for args in ((2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 3.5, 5), ("2", 2)):
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(pow(base=2, exp=5, mod=7), pow(-1, 0.5) == complex(0, 1) or pow(-1, 0.5))
