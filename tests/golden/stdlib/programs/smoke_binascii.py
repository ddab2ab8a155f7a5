import binascii
print(binascii.hexlify(b"\x01\xab\xff"), binascii.hexlify(b"\x01\xab\xff", "-"), binascii.b2a_hex(b"abcdef", b":", 2), binascii.unhexlify("0aFF"), binascii.a2b_hex(b"00"))
print(binascii.b2a_base64(b"hello"), binascii.b2a_base64(b"hello", newline=False), binascii.a2b_base64(b"aGVsbG8=\n"), binascii.a2b_base64(b"aGVsbG8", strict_mode=False) if False else None)
print(binascii.crc32(b"hello"), binascii.crc32(b" world", binascii.crc32(b"hello")), binascii.crc_hqx(b"hello", 0), binascii.crc_hqx(b"", 0xFFFF))
print(binascii.b2a_qp(b"caf\xe9 = ok\t\n"), binascii.a2b_qp(b"caf=E9=\n more"), binascii.b2a_qp(b"a b", header=True), binascii.b2a_uu(b"uu data"), binascii.a2b_uu(binascii.b2a_uu(b"uu data")))
for bad in [lambda: binascii.unhexlify("abc"), lambda: binascii.unhexlify("zz"), lambda: binascii.a2b_base64(b"a"), lambda: binascii.a2b_base64(b"ab=c", strict_mode=True), lambda: binascii.hexlify("s")]:
    try:
        bad()
    except (binascii.Error, TypeError) as e:
        print(type(e).__name__, e)
print(issubclass(binascii.Error, ValueError), binascii.Incomplete.__mro__[1].__name__)
