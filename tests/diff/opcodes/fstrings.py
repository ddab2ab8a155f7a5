name = "world"
width = 10
pi = 3.14159265
print(f"hello {name}!")
print(f"{name!r:>{width}}|")
print(f"{pi:.{3}f} {pi:10.2e} {pi:%}")
print(f"{'nested ' + f'{name.upper()}'}")
print(f"{1 + 1 = }")
print(f"{name=!s}")
print(f"{{literal}} {width:#x} {width:08b} {-width:+d}")
print(f"{3000000:,} {3000000:_} {0.5:.0%}")
items = [1, 2]
print(f"{items[0]} {items!s} {len(items):03}")
print(f"""multi
{name}
line""")
print(f"{'a' if width > 5 else 'b'}")
