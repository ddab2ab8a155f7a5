class WithInt:
    def __int__(self):
        return 7
class WithIndex:
    def __index__(self):
        return 8
class WithTrunc:
    def __trunc__(self):
        return 9
print(int(WithInt()), int(WithIndex()))
try:
    print(int(WithTrunc()))
except TypeError as e:
    print("TypeError", e)
class BadInt:
    def __int__(self):
        return "x"
try:
    int(BadInt())
except TypeError as e:
    print(e)
print(int("0" * 50 + "1"), int("-0"), int(" 0x_1f ".strip(), 16) if False else int("1f", 16))
print((255).__format__("x"), int.__new__(int, "12"), type(int.__new__(bool.__mro__[1], 3)).__name__)
