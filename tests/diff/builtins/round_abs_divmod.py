print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(12345, -2), round(-0.5), round(0.5))
print(abs(-5), abs(5.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-2**100))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-17.5, -5))
class R:
    def __round__(self, n=None):
        return ("rounded", n)
    def __abs__(self):
        return "absolute"
print(round(R()), round(R(), 3), abs(R()))
for bad in (lambda: round("x"), lambda: abs("x"), lambda: divmod(1, "x"), lambda: round(1.5, "2")):
    try:
        bad()
    except TypeError as e:
        print(e)
