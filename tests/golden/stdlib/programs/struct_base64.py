import struct
for fmt, v in [('b', 200), ('B', -1), ('h', 70000), ('H', -1), ('i', 2**31), ('I', -1), ('l', 2**63), ('L', -1), ('q', 2**63),
               ('<b', 200), ('<h', 70000), ('<H', -1), ('<i', 2**31), ('<I', 2**32), ('<q', 2**63), ('<Q', -1), ('b', 'x'),
               ('c', b'ab'), ('s', 1), ('f', 'x'), ('?', []), ('e', 1e10), ('<f', 1e300)]:
    try:
        print(fmt, struct.pack(fmt, v))
    except Exception as e:
        print(fmt, type(e).__name__, e)
for fmt in ['z', '3', '<P', '<n', 'i i', '@cid', '=cid', 'xxi', '2h3s?', '>Qp']:
    try:
        print(fmt, struct.calcsize(fmt))
    except Exception as e:
        print(fmt, type(e).__name__, e)
for call in [lambda: struct.unpack('i', b'abc'), lambda: struct.pack('ii', 1), lambda: struct.unpack_from('i', b'abcd', 2),
             lambda: list(struct.iter_unpack('i', b'abcde'))]:
    try:
        call()
    except struct.error as e:
        print(e)
print(struct.pack('>hcf', 1, b'x', 1.5), struct.unpack('<3s3p', b'abc\x02xyz'), struct.pack('<e', 0.1), struct.unpack('<e', b'\x66\x2e'))
print(struct.pack('@bi?', -1, 7, True), struct.unpack('>qQ', b'\xff' * 16), struct.pack('!d', -0.0), struct.pack('<5p', b'hello world'))
s = struct.Struct('<ih'); print(repr(s), s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00'), list(s.iter_unpack(bytes(12))))
ba = bytearray(8); struct.pack_into('<hh', ba, 2, 1, -1); print(ba, struct.unpack_from('<h', ba, offset=4))
import base64, binascii
print(base64.b64encode(b'hello'), base64.b64decode(b'aGVsbG8='), base64.b16encode(b'\x01\xff'), base64.urlsafe_b64encode(b'\xfb\xff'))
print(base64.b32encode(b'ab'), base64.a85encode(b'abcd'), base64.b85encode(b'abcd'))
print(binascii.hexlify(b'ab'), binascii.crc32(b'abc'), binascii.unhexlify('6162'), binascii.hexlify(b'abcde', '-', 2), binascii.hexlify(b'abcde', b':', -2))
for f in [lambda: binascii.a2b_base64(b'abc'), lambda: binascii.a2b_base64(b'ab=c', strict_mode=True), lambda: binascii.unhexlify(b'abc'), lambda: binascii.unhexlify(b'zz'), lambda: binascii.a2b_base64('\xe9')]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(binascii.b2a_base64(b'hello'), binascii.b2a_base64(b'hi', newline=False), binascii.a2b_base64(b'aGk=\n'), binascii.b2a_hex(b'\x01\x02\x03', b':'), binascii.crc_hqx(b'abc', 0))
print(binascii.b2a_uu(b'abc'), binascii.a2b_uu(b'#86)C\n'), binascii.b2a_qp(b'a=b\xff'), binascii.a2b_qp(b'a=3Db'), issubclass(binascii.Incomplete, Exception))
import secrets, uuid, zipfile, io
print(len(secrets.token_hex(8)), len(secrets.token_urlsafe(6)), uuid.UUID('12345678123456781234567812345678'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))
b = io.BytesIO()
with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('a.txt', 'hello ' * 20)
with zipfile.ZipFile(b) as z:
    print(z.namelist(), z.read('a.txt')[:11], z.getinfo('a.txt').compress_size < 100)
