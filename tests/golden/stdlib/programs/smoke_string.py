import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits, repr(string.whitespace), string.punctuation)
print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"), len(string.printable))
f = string.Formatter()
print(f.format("{0} + {x} = {1:>5}", 1, 2, x="y"), list(f.parse("a{b!r:>3}c{}")), f.vformat("{a[0]}", (), {"a": [9]}))
class Upper(string.Formatter):
    def convert_field(self, value, conversion):
        return str(value).upper() if conversion == "u" else super().convert_field(value, conversion)
print(Upper().format("{0!u} {1!r}", "shout", "quiet"))
t = string.Template("$who likes ${what}; $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"), t.get_identifiers(), t.is_valid())
try:
    f.format("{0}")
except IndexError as e:
    print(type(e).__name__, e)
