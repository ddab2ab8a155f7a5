s = "abc"
print(s * 3, 3 * s, s * 0, s * -1, s + "d", s < "abd", s < "ab", "B" < "a", s[1], s[-1], s[::2], s[5:], s in "xabcx")
for bad in (lambda: s + 1, lambda: s * 1.5, lambda: s[3], lambda: s.__setitem__(0, "x"), lambda: s["a"], lambda: 1 + s, lambda: s - "a"):
    try:
        bad()
    except (TypeError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)
print(ord("a"), chr(97), chr(0x1F600), ord("😀"))
for bad in (lambda: ord("ab"), lambda: ord(""), lambda: chr(-1), lambda: chr(0x110000), lambda: ord(5)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(str(), str(5), str(b"x", "ascii"), str(b"\xff", "latin-1"), str(object) , len(str(object)))
