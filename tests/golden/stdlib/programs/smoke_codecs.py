import codecs, io
print(codecs.encode("héllo", "utf-16-le"), codecs.decode(b"h\x00i\x00", "utf-16"), codecs.encode("abc", "rot13"), codecs.decode("6869", "hex"))
print("snowman ☃".encode("utf-8"), b"\xe2\x98\x83".decode("utf-8"), "é".encode("latin-1"), "x€".encode("cp1252"), b"\x80".decode("cp1252"))
ci = codecs.lookup("UTF8"); print(ci.name, codecs.lookup("latin_1").name, codecs.lookup("utf_32_be").name)
dec = codecs.getincrementaldecoder("utf-8")(); print(repr(dec.decode(b"\xe2\x98")), repr(dec.decode(b"\x83!", final=True)))
enc = codecs.getincrementalencoder("utf-16")(); print(enc.encode("a"), enc.encode("b"))
buf = io.BytesIO(); w = codecs.getwriter("utf-8")(buf); w.write("ünï"); print(buf.getvalue())
r = codecs.getreader("latin-1")(io.BytesIO(b"caf\xe9\nbar")); print(r.readline(), r.read())
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.escape_decode(b"a\\nb")[0], codecs.unicode_escape_decode("\\u00e9")[0] if False else b"\\u00e9".decode("unicode_escape"))
print("ab\udcff".encode("utf-8", "surrogateescape"), b"a\xffb".decode("ascii", "replace"), "ü".encode("ascii", "xmlcharrefreplace"), "ü".encode("ascii", "backslashreplace"), b"\xff".decode("latin-1", "strict"))
def handler(err): return ("?" * (err.end - err.start), err.end)
codecs.register_error("myqm", handler); print("aéé b".encode("ascii", "myqm"))
print(codecs.encode(b"data", "base64"), codecs.encode(b"zz" * 20, "zlib")[:6], "Iñtër".encode("punycode"), "bücher.de".encode("idna"))
for bad in [lambda: b"\xff".decode("utf-8"), lambda: "é".encode("ascii"), lambda: codecs.lookup("nope"), lambda: b"\xd8\x00".decode("utf-16-be")]:
    try:
        bad()
    except (UnicodeError, LookupError) as e:
        print(type(e).__name__, e)
with codecs.open("cod.txt", "w", "utf-16") as f: f.write("line1\nline2")
with codecs.open("cod.txt", "r", "utf-16") as f: print(f.readlines())
