b = b"hello world"
print(b, b[0], b[-1], b[1:5], b[::-1], len(b), b.upper(), b.title(), b.split(), b.replace(b"l", b"L"))
print(b.find(b"o"), b.count(b"l"), b.index(111), 111 in b, b"wor" in b, b.startswith(b"he"), b.hex(), b.hex(":", 2))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(range(5)), bytes.fromhex("de ad be ef"), b"%d-%s" % (5, b"x"))
print(repr(b"\x00\t\n\r\x7f\x80'\"\\"), repr(b"'"), repr(b'"'), b"a" * 3, b"a" + b"b")
for bad in (lambda: bytes([256]), lambda: bytes("x"), lambda: b"a" + "b", lambda: bytes.fromhex("zz"), lambda: b[20], lambda: bytes(-1), lambda: b.index(b"zz")):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(b.decode(), str(b), b.isalpha(), b"123".isdigit(), b"  x ".strip(), b"a,b".split(b","), b"-".join([b"a", b"b"]))
