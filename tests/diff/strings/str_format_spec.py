for spec in ("", "<8", ">8", "^8", "*^9", ".2", "8.3", "=8" if False else "x>6"):
    print(repr(spec), repr(format("abcd", spec)))
try:
    format("abc", "d")
except ValueError as e:
    print(e)
try:
    format("abc", "=5")
except ValueError as e:
    print(e)
try:
    format("abc", "+")
except ValueError as e:
    print(e)
print(repr(format("日本", "^6")), repr(f"{'x':\u00b7^5}"))
