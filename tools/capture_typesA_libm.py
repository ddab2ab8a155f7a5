"""Captures this machine's C library (glibc) results for the functions src/runtime/libm.ts provides, as golden data
for tests/unit/objects/typesA_libm.test.ts: hypot, exp, log, pow, atan2, sin, cos over seeded random arguments
(small, huge, tiny, near-overflow), called through ctypes exactly as CPython's C code calls them.
Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_typesA_libm.py  (writes tests/golden/objects/libm.json.gz)
"""
import ctypes, ctypes.util, gzip, json, os, random, struct

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "tests", "golden", "objects", "libm.json.gz")
libm = ctypes.CDLL(ctypes.util.find_library("m") or "libm.so.6")
FUNCS = {"hypot": 2, "exp": 1, "log": 1, "pow": 2, "atan2": 2, "sin": 1, "cos": 1}
for name, n in FUNCS.items():
    f = getattr(libm, name)
    f.restype = ctypes.c_double
    f.argtypes = [ctypes.c_double] * n

rnd = random.Random(20261122)


def arg():
    k = rnd.randrange(7)
    if k == 0: return rnd.uniform(-10, 10)
    if k == 1: return rnd.uniform(-1, 1) * 10.0 ** rnd.randrange(-320, 308)
    if k == 2: return rnd.uniform(-750, 750)
    if k == 3: return rnd.uniform(-1e5, 1e5)
    if k == 4: return float(rnd.randrange(-64, 64))
    if k == 5: return rnd.uniform(0, 3)
    return rnd.choice([0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-310, 1e308, 709.78, -745.0])


def hexd(x):
    return struct.pack("<d", x).hex()


rows = {}
for name, n in FUNCS.items():
    out = []
    for _ in range(1500):
        a = [arg() for _ in range(n)]
        if name in ("log",):
            a = [abs(a[0])]
        if name == "pow":
            a[0] = abs(a[0])
        out.append("".join(hexd(v) for v in a) + hexd(getattr(libm, name)(*a)))
    rows[name] = out
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with gzip.GzipFile(OUT, "wb", mtime=0) as f:
    f.write(json.dumps(rows, separators=(",", ":")).encode("ascii"))
print(f"{sum(len(v) for v in rows.values())} calls, {os.path.getsize(OUT)} bytes -> {os.path.relpath(OUT, ROOT)}")
