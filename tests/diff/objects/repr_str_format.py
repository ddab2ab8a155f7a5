class Both:
    def __repr__(self):
        return "Both-repr"
    def __str__(self):
        return "Both-str"
    def __format__(self, spec):
        return f"Both-format[{spec}]"

b = Both()
print(b, repr(b), str(b), f"{b}", f"{b!r}", f"{b:>5}", format(b, "x"), [b])
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(str(OnlyRepr()), f"{OnlyRepr()}")
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
try:
    format(object(), "d")
except TypeError as e:
    print(e)
print(format(5, ""), format("s"), object.__format__(OnlyRepr(), ""))
