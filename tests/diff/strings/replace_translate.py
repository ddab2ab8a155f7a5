print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("hello".replace("l", ""), "x".replace("x", "yy", 0), "abc".replace("b", "B", -1))
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), sorted(table.items()))
print("hello".translate({ord("l"): None, ord("o"): "0"}), str.maketrans({"a": "1", "b": None}))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print(e)
