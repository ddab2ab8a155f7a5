cases = ["42", "  -17  ", "+5", "0x1F", "1_000", "0b101", "0o17", "१२३", "٣"]
for s in cases:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), e)
for s, base in (("ff", 16), ("0xff", 16), ("0xff", 0), ("z", 36), ("Z1", 36), ("101", 2), ("12", 2), ("0b11", 0), ("010", 0), ("0", 0), ("1__0", 10), ("_1", 10), ("1_", 0)):
    try:
        print(repr(s), base, int(s, base))
    except ValueError as e:
        print(repr(s), base, e)
for bad in ((1, 10), ("1", 1), ("1", 37)):
    try:
        int(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(int(3.99), int(-3.99), int(True), int(b"12"), int(bytearray(b"-3")))
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
try:
    int(float("nan"))
except ValueError as e:
    print(e)
try:
    int("")
except ValueError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
