tests = [lambda: b"x".translate(zz=1), lambda: sorted(), lambda: sorted([], zz=1), lambda: sorted([], [], []),
 lambda: int(x=1), lambda: int("1", base=2, zz=3), lambda: "a".split(1, 2, 3), lambda: "a".split(sep=1, zz=2),
 lambda: print(zz=1), lambda: round(), lambda: round(1, 2, 3), lambda: round(number=1, ndigits=2, x=3),
 lambda: "ab".encode("utf-8", "strict", 3), lambda: compile(),
 lambda: compile("1", "f", "eval", source=1), lambda: "a".startswith(), lambda: bytes.fromhex(), lambda: [].sort(1),
 lambda: [].sort(key=None, rev=1), lambda: "abc".splitlines(1, 2), lambda: int.from_bytes(), lambda: int.from_bytes(b"", "big", 1),
 lambda: (1).to_bytes(length=1, byteorder="big", signed=False, x=1), lambda: memoryview()]
for t in tests:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
