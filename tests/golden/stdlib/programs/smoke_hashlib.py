import hashlib, io
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_512", "blake2b", "blake2s"]:
    h = hashlib.new(name, b"The quick brown fox"); print(name, h.digest_size, h.block_size, h.hexdigest()[:32])
h = hashlib.sha256(); h.update(b"a"); c = h.copy(); c.update(b"b"); print(h.hexdigest(), c.hexdigest() == hashlib.sha256(b"ab").hexdigest())
print(hashlib.shake_128(b"x").hexdigest(10), hashlib.shake_256(b"x").digest(4), hashlib.blake2b(b"m", key=b"k", digest_size=20, person=b"p").hexdigest())
print(hashlib.blake2s(b"m", salt=b"salty").hexdigest(), hashlib.md5(b"x", usedforsecurity=False).hexdigest(), hashlib.sha1(memoryview(b"abc")).hexdigest())
print(hashlib.file_digest(io.BytesIO(b"file content" * 1000), "sha256").hexdigest(), sorted(hashlib.algorithms_guaranteed))
print(hashlib.sha512(b"").name, repr(hashlib.sha256().name), len(hashlib.sha384(b"q" * 1000000).digest()))
for bad in [lambda: hashlib.new("nope"), lambda: hashlib.sha256("text"), lambda: hashlib.blake2b(digest_size=100)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
