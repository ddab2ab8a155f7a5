z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, +z)
print(z * (1 - 2j), z / (1 + 1j), z ** 2, (1j) ** 2, 2 ** (1j) if False else "skip")
print(complex(1), complex(1, 2), complex("1+2j"), complex(" (3-4j) "), complex("j"), complex("-1.5e3j"))
print(repr(complex(0, -0.0)), repr(complex(-0.0, 0)), repr(1e300j * 1e10), complex(float("nan"), 1))
for bad in ("1+", "1 + 2j", "x"):
    try:
        complex(bad)
    except ValueError as e:
        print(e)
try:
    z < z
except TypeError as e:
    print(e)
try:
    z // 2
except TypeError as e:
    print(e)
try:
    1 / 0j
except ZeroDivisionError as e:
    print(e)
print(format(z, ""), format(z, ".2f"), format(z, "^20"), f"{1.5j:+g}")
print(z == 3 + 4j, z != 3, complex(2, 0) == 2, hash(complex(2, 0)) == hash(2))
