for n in (0, 1, 5, 255, 256, -255, 2**64):
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.is_integer())
print((10).conjugate(), (10).real, (10).imag, (10).numerator, (10).denominator)
print(int.__index__(7), (7).__trunc__(), (7).__floor__(), (7).__ceil__(), round(7), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(5, 2), type(round(5, -1)).__name__)
print(bin(10), oct(10), hex(-255), bin(-5), hex(2**70))
print(format(255, "x"), format(255, "#X"), format(255, "08b"), format(10**10, ","), format(-42, "+d"), format(42, "=+8d"), format(42, "^9"))
print(format(5, "e"), format(5, ".2f"), format(12345, "_x"), format(65, "c"), format(7, "n"))
try:
    format(5, "s")
except ValueError as e:
    print(e)
