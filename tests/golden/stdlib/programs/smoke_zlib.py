import zlib
data = b"Typhon compresses the same way as CPython. " * 50
for level in (0, 1, 6, 9):
    c = zlib.compress(data, level); print(level, len(c), zlib.crc32(c), zlib.decompress(c) == data)
print(zlib.crc32(b"hello"), zlib.adler32(b"hello"), zlib.crc32(b"x", 1), zlib.adler32(b"", 7), zlib.ZLIB_VERSION[:2], zlib.MAX_WBITS, zlib.DEFLATED)
co = zlib.compressobj(level=6, wbits=31, memLevel=9); gz = co.compress(data[:100]) + co.compress(data[100:]) + co.flush()
print(len(gz), gz[:3], zlib.decompress(gz, 31) == data, zlib.decompress(gz, 47) == data)
do = zlib.decompressobj(); out = do.decompress(zlib.compress(b"abc") + b"extra", 2)
print(out, do.unconsumed_tail, do.decompress(do.unconsumed_tail), do.eof, do.unused_data, do.flush())
co = zlib.compressobj(zdict=b"common words"); cz = co.compress(b"common words here") + co.flush()
dz = zlib.decompressobj(zdict=b"common words"); print(dz.decompress(cz))
c2 = zlib.compressobj(); p = c2.compress(b"part1") + c2.flush(zlib.Z_SYNC_FLUSH); print(p[-4:], zlib.decompressobj().decompress(p))
for bad in [lambda: zlib.decompress(b"bad data"), lambda: zlib.decompress(zlib.compress(b"x")[:-2]), lambda: zlib.compress(b"", 11), lambda: zlib.decompressobj().decompress(b"x", -1)]:
    try:
        bad()
    except (zlib.error, ValueError) as e:
        print(type(e).__name__, e)
