a, *b = "hello"
print(a, b)
print(list("abc"), tuple("ab"), set("aab") == {"a", "b"}, dict.fromkeys("ab"), [c * 2 for c in "xy"])
it = iter("ab")
print(next(it), next(it), next(it, "end"))
print(list(enumerate("ab", 1)), list(zip("abc", "12")), "".join(sorted("banana")))
print(list(map(str.upper, ["a", "b"])), "-".join(filter(str.isdigit, "a1b2c3")))
