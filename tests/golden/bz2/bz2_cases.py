# Differential cases for _bz2 and bz2 (tests/unit/modules/bz2.test.ts): one "label = result" line each; compare with
# CPython 3.13's output (tools/capture_cases.py bz2). Inputs are generated deterministically or embedded (embedded.py).

import bz2, _bz2, hashlib, io, random
EMBEDDED = {}
exec(open("embedded.py").read())  # not imported: no __pycache__ beside the fixtures

def show(v):
    if isinstance(v, bytes) and len(v) > 40:
        return f"<{len(v)} bytes {hashlib.sha256(v).hexdigest()[:16]}>"
    if isinstance(v, (tuple, list)):
        return "(" + ", ".join(show(x) for x in v) + ")"
    return repr(v)

def case(label, fn):
    try:
        v = fn()
    except Exception as e:
        v = f"{type(e).__name__}: {e}"
        print(f"{label} = {v}")
        return
    print(f"{label} = {show(v)}")

def gen(kind, n, seed):
    r = random.Random(seed)
    if kind == "text":
        words = [bytes(r.choice(b"etaoinshrdlu ") for _ in range(r.randint(1, 9))) for _ in range(200)]
        return b" ".join(r.choice(words) for _ in range(n // 5))[:n]
    if kind == "runs":
        return b"".join(bytes([r.randrange(4)]) * r.choice([1, 2, 3, 4, 5, 6, 250, 255, 256, 300]) for _ in range(n // 40))[:n]
    if kind == "bin":
        return bytes(r.randrange(256) for _ in range(n))
    if kind == "same":
        return b"\x55" * n
    if kind == "two":
        return bytes(r.choice(b"ab") for _ in range(n))
    raise ValueError(kind)

CORPUS = [(k, n, s) for k in ("text", "runs", "bin", "same", "two") for (n, s) in ((0, 1), (1, 2), (17, 3), (1000, 4), (40000, 5))]
CORPUS += [("text", 250000, 6), ("runs", 120000, 7), ("same", 2000000, 8)]

# Decoding CPython's streams.
for (k, lv), blob in EMBEDDED.items():
    case(f"embedded {k} {lv}", lambda: bz2.decompress(blob))
    def pieces(blob=blob):
        d = _bz2.BZ2Decompressor(); out = []
        for i in range(0, len(blob), 13):
            out.append(d.decompress(blob[i:i + 13]))
        return (b"".join(out), d.eof, d.needs_input, d.unused_data)
    case(f"embedded {k} {lv} pieces", pieces)
    def limited(blob=blob):
        d = _bz2.BZ2Decompressor(); out = [d.decompress(blob, 100)]; states = [(d.eof, d.needs_input)]
        while not d.eof:
            out.append(d.decompress(b"", 1000)); states.append((d.eof, d.needs_input))
        return (b"".join(out), states[:4], len(states))
    case(f"embedded {k} {lv} max_length", limited)

# Compression: the output of libbzip2 1.0.8 at each level, byte for byte.
for (k, n, s) in CORPUS:
    data = gen(k, n, s)
    for lv in ((1, 5, 9) if n < 100000 else (1, 9)):
        case(f"compress {k} {n} {lv}", lambda: bz2.compress(data, lv))
    def rt():
        return bz2.decompress(bz2.compress(data)) == data
    case(f"round trip {k} {n}", rt)
    def chunks():
        c = _bz2.BZ2Compressor(3)
        out = [c.compress(data[i:i + 5000]) for i in range(0, len(data), 5000)]
        return (b"".join(out) + c.flush(), [len(o) for o in out][:6])
    case(f"compressor chunks {k} {n}", chunks)

# Streams, unused data, multi-stream files.
a, b = EMBEDDED[("text", 9)], EMBEDDED[("one", 1)]
def unused():
    d = _bz2.BZ2Decompressor(); x = d.decompress(a + b"trailing")
    return (x, d.eof, d.unused_data, d.needs_input)
case("unused_data", unused)
case("multi-stream", lambda: bz2.decompress(a + b + a))
case("multi-stream garbage", lambda: bz2.decompress(a + b"garbage"))
case("multi-stream zeros", lambda: bz2.decompress(a + b"\0" * 10))
def after_eof():
    d = _bz2.BZ2Decompressor(); d.decompress(b); return d.decompress(b"x")
case("after eof", after_eof)
def fresh():
    d = _bz2.BZ2Decompressor(); return (d.eof, d.needs_input, d.unused_data, d.decompress(b""), d.needs_input)
case("fresh decompressor", fresh)

# Corrupt and truncated data.
case("empty", lambda: bz2.decompress(b""))
case("not bz2", lambda: bz2.decompress(b"hello world"))
case("bad level", lambda: bz2.decompress(b"BZh0" + a[4:]))
case("bad magic", lambda: bz2.decompress(b"BZx9" + a[4:]))
for cut in (1, 3, 4, 5, 10, 20, 40, len(a) // 2, len(a) - 10, len(a) - 1):
    case(f"truncated {cut}", lambda: bz2.decompress(a[:cut]))
    def trunc_dec(cut=cut):
        d = _bz2.BZ2Decompressor(); return (d.decompress(a[:cut]), d.eof, d.needs_input)
    case(f"truncated decompressor {cut}", trunc_dec)
r = random.Random(99)
for i in range(60):
    pos = r.randrange(4, len(a)); bit = 1 << r.randrange(8)
    bad = a[:pos] + bytes([a[pos] ^ bit]) + a[pos + 1:]
    case(f"flip {pos} {bit}", lambda: bz2.decompress(bad))
big = EMBEDDED[("bin", 9)]
for i in range(30):
    pos = r.randrange(4, len(big)); bit = 1 << r.randrange(8)
    bad = big[:pos] + bytes([big[pos] ^ bit]) + big[pos + 1:]
    case(f"flip bin {pos} {bit}", lambda: bz2.decompress(bad))

# Argument errors.
for lv in (0, 10, -1, 1, 9):
    case(f"BZ2Compressor({lv})", lambda: type(_bz2.BZ2Compressor(lv)).__name__)
case("BZ2Compressor('9')", lambda: _bz2.BZ2Compressor("9"))
case("BZ2Compressor(2**40)", lambda: _bz2.BZ2Compressor(2**40))
case("BZ2Compressor(x=1)", lambda: _bz2.BZ2Compressor(x=1))
case("BZ2Decompressor(1)", lambda: _bz2.BZ2Decompressor(1))
def flush_twice():
    c = _bz2.BZ2Compressor(); c.flush(); return c.flush()
case("flush twice", flush_twice)
def compress_after_flush():
    c = _bz2.BZ2Compressor(); c.flush(); return c.compress(b"x")
case("compress after flush", compress_after_flush)
case("compress str", lambda: bz2.compress("text"))
case("decompress str", lambda: _bz2.BZ2Decompressor().decompress("text"))
case("decompress memoryview", lambda: bz2.decompress(memoryview(a)))
case("empty flush", lambda: _bz2.BZ2Compressor().flush())

# The bz2 module's files.
def bzfile():
    buf = io.BytesIO()
    with bz2.BZ2File(buf, "w", compresslevel=4) as f:
        f.write(b"line one\nline two\n" * 100); f.write(b"end")
    raw = buf.getvalue()
    with bz2.BZ2File(io.BytesIO(raw)) as f:
        first = f.readline(); f.seek(30); mid = f.read(10); rest = f.read()
    return (raw, first, mid, len(rest))
case("BZ2File", bzfile)
def bzopen_text():
    buf = io.BytesIO()
    with bz2.open(buf, "wt", encoding="utf-8") as f:
        f.write("héllo\nwörld\n")
    with bz2.open(io.BytesIO(buf.getvalue()), "rt", encoding="utf-8") as f:
        return f.readlines()
case("bz2.open text", bzopen_text)
def bzfile_multi():
    with bz2.BZ2File(io.BytesIO(a + b + a)) as f:
        return f.read()
case("BZ2File multi-stream", bzfile_multi)
def bzfile_bad():
    with bz2.BZ2File(io.BytesIO(b"not bzip2 data")) as f:
        return f.read()
case("BZ2File bad", bzfile_bad)
def bzfile_trunc():
    with bz2.BZ2File(io.BytesIO(a[:-5])) as f:
        return f.read()
case("BZ2File truncated", bzfile_trunc)
case("open bad mode", lambda: bz2.open(io.BytesIO(), "rw"))
case("BZ2File bad level", lambda: bz2.BZ2File(io.BytesIO(), "w", compresslevel=0))
