import hashlib, hmac, zlib
print(hashlib.md5(b'abc').hexdigest(), hashlib.sha1(b'abc').hexdigest()[:16], hashlib.sha256(b'abc').hexdigest()[:16])
print(hashlib.sha3_256(b'abc').hexdigest()[:16], hashlib.shake_128(b'abc').hexdigest(8), hashlib.blake2b(b'abc', digest_size=16).hexdigest())
h = hashlib.new('sha512'); h.update(b'a'); h2 = h.copy(); h2.update(b'b'); print(h.name, h.digest_size, h.block_size, h2.hexdigest()[:16])
print(hmac.new(b'key', b'msg', 'sha256').hexdigest()[:16], hmac.compare_digest(b'a', b'a'))
print(sorted(hashlib.algorithms_guaranteed)[:5], 'md5' in hashlib.algorithms_available)
c = zlib.compress(b'hello world' * 10); print(len(c), zlib.decompress(c)[:11], zlib.crc32(b'abc'), zlib.adler32(b'abc'))
co = zlib.compressobj(9, zlib.DEFLATED, -15); d = co.compress(b'x' * 100) + co.flush(); print(d, zlib.decompress(d, -15)[:5])
do = zlib.decompressobj(); print(do.decompress(c[:10]), do.decompress(c[10:]) [:5], do.eof, do.unused_data)
try:
    zlib.decompress(b'garbage')
except zlib.error as e:
    print('error', e)
try:
    hashlib.md5('str')
except TypeError as e:
    print(e)
