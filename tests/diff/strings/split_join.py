print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("  many   spaces here ".split(), " x ".split(" "), "".split(), "".split(","))
print("a\nb\r\nc\rd\n".splitlines(), "a\nb\n".splitlines(True), "x\x0cy\x1cz\u2028w".splitlines())
print("k=v=w".partition("="), "k=v=w".rpartition("="), "kvw".partition("="), "kvw".rpartition("="))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "|".join(str(i) for i in range(3)))
try:
    "-".join(["a", 1])
except TypeError as e:
    print(e)
try:
    "a".split("")
except ValueError as e:
    print(e)
print("1 2 3".split(maxsplit=1), "a  b  c".rsplit(None, 1))
