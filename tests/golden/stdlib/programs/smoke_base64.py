import base64
data = b"Typhon \x00\xff binary payload!?"
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode), (base64.b32encode, base64.b32decode), (base64.b32hexencode, base64.b32hexdecode), (base64.b16encode, base64.b16decode), (base64.a85encode, base64.a85decode), (base64.b85encode, base64.b85decode)]:
    e = enc(data); print(enc.__name__, e, dec(e) == data)
print(base64.standard_b64encode(b"x"), base64.encodebytes(b"a" * 60), base64.decodebytes(b"YWJj\n"), base64.b64encode(b"\xfb\xff", altchars=b"-_"))
print(base64.a85encode(b"hello world", foldspaces=True, wrapcol=10, adobe=True), base64.z85encode(b"\x86\x4f\xd2\x6f\xb5\x59\xf7\x5b") if hasattr(base64, "z85encode") else None)
print(base64.b64decode("YW Jj\n", validate=False), base64.b32decode("me======", casefold=True), base64.b16decode("ff", casefold=True))
for bad in [lambda: base64.b64decode("abc"), lambda: base64.b64decode("a!bc", validate=True), lambda: base64.b32decode("x"), lambda: base64.b16decode("0g"), lambda: base64.b64encode("str")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
