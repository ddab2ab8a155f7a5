x = 1234.5678
for spec in ("", "f", ".2f", "10.3f", "<12.1f", "^12.1f", "+.1e", "E", ".3g", "g", "%", ".1%", ",.2f", "_.1f", "012.2f", "#.0f", ".0f", "n", "a" if False else "r" if False else "G"):
    print(repr(spec), format(x, spec))
for v in (1e-7, 1e16, 0.0001, 123456789.0, float("inf"), float("-nan"), -0.0):
    print(format(v, ""), format(v, "g"), format(v, ".3e"), format(v, "f") if abs(v) < 1e20 else "-")
try:
    format(1.5, "d")
except ValueError as e:
    print(e)
try:
    format(1.5, ",_f")
except ValueError as e:
    print(e)
print(f"{3.0:z.1f}" if False else f"{-0.0:z.1f}", f"{-0.00001:z.2f}")
