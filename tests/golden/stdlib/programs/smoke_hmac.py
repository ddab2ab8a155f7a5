import hmac, hashlib
h = hmac.new(b"secret-key", b"message", hashlib.sha256)
print(h.hexdigest(), h.name, h.digest_size, h.block_size)
h2 = h.copy(); h2.update(b" more"); print(h2.hexdigest(), hmac.new(b"secret-key", b"message more", "sha256").hexdigest() == h2.hexdigest())
print(hmac.digest(b"k", b"m", "md5").hex(), hmac.new(b"k" * 200, b"m", "sha1").hexdigest(), hmac.new(b"", digestmod="sha512").hexdigest()[:32])
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("abc", "abd"), hmac.compare_digest(h.digest(), h.copy().digest()))
for bad in [lambda: hmac.new(b"k"), lambda: hmac.new("k", digestmod="md5"), lambda: hmac.compare_digest("a", b"a"), lambda: hmac.compare_digest("é", "é")]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
