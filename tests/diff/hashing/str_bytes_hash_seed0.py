for s in ("", "a", "abc", "hello world", "é", "日本", "\U0001f600", "a" * 100):
    print(repr(s), hash(s))
for b in (b"", b"a", b"abc", b"\x00\xff", bytes(range(20))):
    print(repr(b), hash(b))
print(hash("abc") == hash(b"abc"), hash(memoryview(b"abc")) == hash(b"abc"))
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({"a", "b"})))
