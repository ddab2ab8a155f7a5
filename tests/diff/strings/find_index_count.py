s = "the cat sat on the mat"
print(s.find("at"), s.find("at", 6), s.find("at", 6, 8), s.rfind("at"), s.find("dog"), s.find(""), s.find("", 100))
print(s.index("sat"), s.rindex("the"), s.count("at"), s.count(""), s.count("at", 0, 10), "aaaa".count("aa"))
try:
    s.index("dog")
except ValueError as e:
    print(e)
try:
    s.rindex("dog")
except ValueError as e:
    print(e)
print(s.startswith("the"), s.startswith(("a", "t")), s.endswith("mat"), s.endswith("at", 0, 7), s.startswith("cat", 4))
try:
    s.startswith(["t"])
except TypeError as e:
    print(e)
print("abc".find("c", -1), "abc".find("a", -100), "abc"[-100:2])
