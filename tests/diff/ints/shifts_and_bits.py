print(1 << 0, 1 << 63, 1 << 64, -1 << 3, 5 >> 1, -5 >> 1, -1 >> 100, 5 >> 100)
try:
    1 << -1
except ValueError as e:
    print(e)
try:
    1 >> -1
except ValueError as e:
    print(e)
print(0xF0 & 0x3C, 0xF0 | 0x0F, 0xF0 ^ 0xFF, -6 & 3, -6 | 3, -6 ^ 3, ~0, ~-1)
print((2**100 - 1) & -(2**50), (-(2**100)) | 1, (-(2**100)) ^ (2**99))
try:
    1.5 & 1
except TypeError as e:
    print(e)
