import secrets, string
tb = secrets.token_bytes(16); th = secrets.token_hex(8); tu = secrets.token_urlsafe(12)
print(type(tb).__name__, len(tb), len(th), all(c in string.hexdigits for c in th), len(tu), all(c in string.ascii_letters + string.digits + "-_" for c in tu))
print(len(secrets.token_bytes()), len(secrets.token_hex()), secrets.choice("a") , secrets.randbelow(1), all(0 <= secrets.randbelow(10) < 10 for _ in range(100)))
print(0 <= secrets.randbits(8) < 256, secrets.compare_digest(b"x", b"x"), type(secrets.SystemRandom()).__name__, secrets.DEFAULT_ENTROPY)
alphabet = string.ascii_letters + string.digits
pw = "".join(secrets.choice(alphabet) for _ in range(20)); print(len(pw), set(pw) <= set(alphabet))
sr = secrets.SystemRandom(); print(sorted(sr.sample(range(5), 5)), 1 <= sr.randint(1, 6) <= 6)
try:
    secrets.randbelow(0)
except ValueError as e:
    print(e)
