x = 5
print(f"{x!r:>4}", f"{x:{'>'}{4}}", f"{'a' 'b'}", f"{x:#06x}", f"{[1, 2][0]}", f"{ {'k': 1}['k'] }")
print(f"{'\n'.join(['a', 'b'])}")
print(f"{f'{f'{x}'}'}")
print(f"{x = :>5}", f"{x*2=}", f"{ x = }")
print(f"{3.5!s:>6}", f"{'quote\"s'}", f"{x}" f"{x}" "plain")
width, prec = 8, 3
print(f"{1/3:{width}.{prec}}", f"{'abc':{'^'}{width}}")
try:
    f"{x:zz}"
except ValueError as e:
    print(e)
