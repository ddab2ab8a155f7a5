b = b"  Mixed Case Bytes\t"
print(b.strip(), b.lstrip(), b.rstrip(b"\t"), b.lower(), b.swapcase(), b.center(24, b"*"), b.ljust(22, b"."), b.zfill(22))
print(b"a-b-c".partition(b"-"), b"a-b-c".rpartition(b"-"), b"x\ny\r\nz".splitlines(), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"))
print(b"ab".isalnum(), b"AB".isupper(), b"  ".isspace(), b"Ab Cd".istitle(), b"\x80".isascii(), b"abc".expandtabs(), b"a\tb".expandtabs(4))
t = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(t), b"aabbcc".translate(None, b"b"), len(t))
print(b"%s %r %x %c %c %5.1f %%" % (b"s", b"r", 255, 65, b"B", 2.25))
try:
    b"%s" % "str"
except TypeError as e:
    print(e)
print(sorted(b"hello"), list(b"hi"), max(b"az"), bytes(reversed(b"abc")), b"abc" < b"abd", b"" < b"\x00")
