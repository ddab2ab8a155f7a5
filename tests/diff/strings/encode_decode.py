s = "héllo wörld €"
print(s.encode(), s.encode("utf-8"), s.encode("latin-1", "replace"), s.encode("ascii", "ignore"))
print(s.encode("ascii", "xmlcharrefreplace"), s.encode("ascii", "backslashreplace"), s.encode("utf-16-le")[:6])
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(e)
    print(e.encoding, e.start, e.end, e.reason)
b = b"caf\xc3\xa9 \xff"
print(b.decode("utf-8", "replace"), b.decode("latin-1"), b.decode("utf-8", "ignore"), b.decode("utf-8", "backslashreplace"))
try:
    b.decode()
except UnicodeDecodeError as e:
    print(e)
print(b"\xed\xa0\x80".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print(e)
