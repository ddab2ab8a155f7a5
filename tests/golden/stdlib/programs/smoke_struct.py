import struct
print(struct.pack("<hIq", -2, 7, 2 ** 40), struct.pack(">d", 1.5), struct.pack("!3sx?", b"abcd", True), struct.pack("@bi", 1, 2))
print(struct.unpack("<hIq", struct.pack("<hIq", -2, 7, 2 ** 40)), struct.unpack(">f", b"\x3f\xc0\x00\x00"), struct.calcsize("@bi"), struct.calcsize("=bi"), struct.calcsize("<5s2e"))
s = struct.Struct("<2H"); print(s.size, s.format, s.pack(1, 2), s.unpack(b"\x01\x00\x02\x00"), list(s.iter_unpack(b"\x01\x00\x02\x00" * 2)))
buf = bytearray(8); struct.pack_into("<I", buf, 2, 0xDEADBEEF); print(buf, struct.unpack_from("<I", buf, 2), struct.unpack_from("<H", buffer=buf, offset=4))
print(struct.pack("<e", 0.5), struct.unpack("<e", b"\x00\x3c"), struct.pack("p", b"hi"), struct.pack(">Q", 2 ** 64 - 1), struct.pack("<n", -1) if False else struct.pack("<?", 0))
for fmt, args in [("<b", (200,)), ("<I", (-1,)), ("<h", ("x",)), ("zz", ()), ("<2i", (1,)), ("<f", (1e300,))]:
    try:
        struct.pack(fmt, *args)
    except (struct.error, OverflowError) as e:
        print(type(e).__name__, e)
try:
    struct.unpack("<I", b"ab")
except struct.error as e:
    print(e)
