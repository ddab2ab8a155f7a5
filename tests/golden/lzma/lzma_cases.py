# Differential cases for _lzma and lzma (tests/unit/modules/lzma.test.ts): one "label = result" line each; compare
# with CPython 3.13's output (tools/capture_cases.py lzma). Streams from liblzma and xz are embedded (embedded.py).
# Typhon's compressor need not match liblzma's bytes: its output is checked by decoding it and by its container.
import lzma, _lzma, hashlib, io, random
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
        print(f"{label} = {type(e).__name__}: {e}")
        return
    print(f"{label} = {show(v)}")

RAW = {"raw lzma1": [{"id": lzma.FILTER_LZMA1, "preset": 2}], "raw lzma2": [{"id": lzma.FILTER_LZMA2, "preset": 4}]}

def dec(name, **kw):
    if name in RAW:
        return lzma.LZMADecompressor(format=lzma.FORMAT_RAW, filters=RAW[name])
    return lzma.LZMADecompressor(**kw)

for name, blob in EMBEDDED.items():
    case(f"{name} whole", lambda: (lambda d: (d.decompress(blob), d.eof, d.check, d.needs_input, d.unused_data))(dec(name)))
    if name not in RAW:
        case(f"{name} lzma.decompress", lambda: lzma.decompress(blob))
    def pieces(name=name, blob=blob, step=7):
        d = dec(name); out = []; checks = set()
        for i in range(0, len(blob), step):
            out.append(d.decompress(blob[i:i + step])); checks.add(d.check)
        return (b"".join(out), d.eof, sorted(checks), d.needs_input, d.unused_data)
    case(f"{name} pieces", pieces)
    def limited(name=name, blob=blob):
        d = dec(name); out = [d.decompress(blob, 50)]; states = [(d.eof, d.needs_input)]
        while not d.eof and len(states) < 500:
            out.append(d.decompress(b"", 300)); states.append((d.eof, d.needs_input))
        return (b"".join(out), states[:3], len(states))
    case(f"{name} max_length", limited)
    for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
        case(f"{name} format {fmt}", lambda: lzma.LZMADecompressor(format=fmt).decompress(blob)[:20])

x, al = EMBEDDED["xz check 4"], EMBEDDED["alone"]
for cut in (0, 1, 5, 6, 11, 12, 13, 20, 40, len(x) // 2, len(x) - 13, len(x) - 12, len(x) - 5, len(x) - 1):
    case(f"xz truncated {cut}", lambda: lzma.decompress(x[:cut]))
    case(f"xz truncated decompressor {cut}", lambda: (lambda d: (show(d.decompress(x[:cut])), d.eof, d.needs_input, d.check))(lzma.LZMADecompressor()))
for cut in (1, 5, 13, 14, 18, 100, len(al) - 1):
    case(f"alone truncated {cut}", lambda: lzma.decompress(al[:cut]))
r = random.Random(3)
for i in range(80):
    pos = r.randrange(len(x)); bit = 1 << r.randrange(8)
    bad = x[:pos] + bytes([x[pos] ^ bit]) + x[pos + 1:]
    case(f"xz flip {pos} {bit}", lambda: lzma.decompress(bad))
for i in range(40):
    pos = r.randrange(len(al)); bit = 1 << r.randrange(8)
    bad = al[:pos] + bytes([al[pos] ^ bit]) + al[pos + 1:]
    case(f"alone flip {pos} {bit}", lambda: lzma.decompress(bad, format=lzma.FORMAT_ALONE))
case("garbage", lambda: lzma.decompress(b"x" * 100))
case("empty", lambda: lzma.decompress(b""))
case("trailing garbage", lambda: lzma.decompress(x + b"garbage!"))
case("trailing garbage only", lambda: lzma.LZMADecompressor().decompress(b"garbage!"))
def after_eof():
    d = lzma.LZMADecompressor(); d.decompress(EMBEDDED["xz two streams"]); return (d.unused_data, d.decompress(b"x"))
case("after eof", after_eof)
case("fresh", lambda: (lambda d: (d.check, d.eof, d.needs_input, d.unused_data))(lzma.LZMADecompressor()))
case("memlimit small", lambda: lzma.LZMADecompressor(memlimit=1000).decompress(x))
case("memlimit small alone", lambda: lzma.LZMADecompressor(memlimit=1000).decompress(al))
case("memlimit big", lambda: len(lzma.LZMADecompressor(memlimit=1 << 30).decompress(x)))

# Typhon's compressor: read back, container structure.
def gen(kind, n, seed):
    r = random.Random(seed)
    if kind == "text":
        return b" ".join(bytes(r.choice(b"etaoinshrdlu") for _ in range(r.randint(1, 8))) for _ in range(n // 5))[:n]
    if kind == "bin":
        return bytes(r.randrange(256) for _ in range(n))
    return b"z" * n
for kind in ("text", "bin", "same"):
    for n in (0, 1, 100, 70000, 200000):
        data = gen(kind, n, n)
        for check in (-1, lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_SHA256):
            def rt():
                c = lzma.compress(data, check=check)
                d = lzma.LZMADecompressor()
                return (d.decompress(c) == data, d.check, d.eof, c[:12], c[-2:], c[-4:-2], len(c) % 4)
            case(f"xz round trip {kind} {n} {check}", rt)
        case(f"chunks {kind} {n}", lambda: (lambda c: lzma.decompress(b"".join(c.compress(data[i:i + 3000]) for i in range(0, len(data), 3000)) + c.flush()) == data)(lzma.LZMACompressor()))
        case(f"delta round trip {kind} {n}", lambda: lzma.decompress(lzma.compress(data, filters=[{"id": lzma.FILTER_DELTA, "dist": 7}, {"id": lzma.FILTER_LZMA2, "preset": 0}])) == data)
        case(f"alone round trip {kind} {n}", lambda: lzma.decompress(lzma.compress(data, format=lzma.FORMAT_ALONE)) == data)
        case(f"raw round trip {kind} {n}", lambda: lzma.decompress(lzma.compress(data, format=lzma.FORMAT_RAW, filters=RAW["raw lzma2"]), format=lzma.FORMAT_RAW, filters=RAW["raw lzma2"]) == data)
case("compress hello", lambda: lzma.compress(b"hello"))
case("compress empty", lambda: lzma.compress(b""))
case("compress empty crc32", lambda: lzma.compress(b"", check=lzma.CHECK_CRC32))
case("compressor first output", lambda: lzma.LZMACompressor(check=lzma.CHECK_SHA256).compress(b"abc"))

# Arguments and errors.
case("LZMACompressor(format=9)", lambda: lzma.LZMACompressor(format=9))
case("LZMACompressor alone check", lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32))
case("LZMACompressor raw no filters", lambda: lzma.LZMACompressor(format=lzma.FORMAT_RAW))
case("LZMACompressor preset and filters", lambda: lzma.LZMACompressor(preset=1, filters=[{"id": lzma.FILTER_LZMA2}]))
case("LZMACompressor preset 10", lambda: lzma.LZMACompressor(preset=10))
case("LZMACompressor check 3", lambda: lzma.LZMACompressor(check=3))
case("LZMACompressor check 16", lambda: lzma.LZMACompressor(check=16))
def flush_twice():
    c = lzma.LZMACompressor(); c.flush(); return c.flush()
case("flush twice", flush_twice)
def compress_after_flush():
    c = lzma.LZMACompressor(); c.flush(); return c.compress(b"x")
case("compress after flush", compress_after_flush)
case("LZMADecompressor(format=7)", lambda: lzma.LZMADecompressor(format=7))
case("LZMADecompressor raw no filters", lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW))
case("LZMADecompressor raw memlimit", lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, memlimit=10, filters=RAW["raw lzma2"]))
case("LZMADecompressor xz filters", lambda: lzma.LZMADecompressor(format=lzma.FORMAT_XZ, filters=RAW["raw lzma2"]))
case("filter not dict", lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, filters=[1]))
case("filter without id", lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, filters=[{"preset": 1}]))
case("filter bad id", lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, filters=[{"id": 99}]))
case("filter bad key", lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2, "foo": 1}]))
case("delta bad key", lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_DELTA, "foo": 1}, RAW["raw lzma2"][0]]))
case("too many filters", lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_DELTA}] * 5))
case("decompress str", lambda: lzma.LZMADecompressor().decompress("text"))
for c in range(17):
    case(f"is_check_supported({c})", lambda: _lzma.is_check_supported(c))
for f in ({"id": lzma.FILTER_LZMA2, "preset": 6}, {"id": lzma.FILTER_LZMA2, "dict_size": 100000}, {"id": lzma.FILTER_LZMA2, "dict_size": 1 << 30},
          {"id": lzma.FILTER_LZMA1, "preset": 1}, {"id": lzma.FILTER_LZMA1, "lc": 1, "lp": 2, "pb": 3, "dict_size": 12345},
          {"id": lzma.FILTER_DELTA, "dist": 1}, {"id": lzma.FILTER_DELTA, "dist": 256}, {"id": lzma.FILTER_DELTA, "dist": 300},
          {"id": lzma.FILTER_X86}, {"id": lzma.FILTER_X86, "start_offset": 16}, {"id": 99}):
    case(f"_encode_filter_properties({f})", lambda: _lzma._encode_filter_properties(f))
for fid, props in ((lzma.FILTER_LZMA2, b"\x16"), (lzma.FILTER_LZMA2, b"\x28"), (lzma.FILTER_LZMA2, b"\x29"), (lzma.FILTER_LZMA2, b""),
                   (lzma.FILTER_LZMA1, b"\x5d\x00\x00\x80\x00"), (lzma.FILTER_LZMA1, b"\xff\x00\x00\x80\x00"), (lzma.FILTER_LZMA1, b"\x5d"),
                   (lzma.FILTER_DELTA, b"\x00"), (lzma.FILTER_DELTA, b"\xff"), (lzma.FILTER_X86, b""), (lzma.FILTER_X86, b"\x10\x00\x00\x00"),
                   (lzma.FILTER_ARM, b"\x01"), (99, b"")):
    case(f"_decode_filter_properties({fid}, {props!r})", lambda: _lzma._decode_filter_properties(fid, props))
case("constants", lambda: sorted((k, v) for k, v in vars(_lzma).items() if k.isupper()))
case("LZMAError", lambda: (lzma.LZMAError.__module__, lzma.LZMAError.__mro__[1].__name__))

# The lzma module's files.
def xzfile():
    buf = io.BytesIO()
    with lzma.LZMAFile(buf, "w") as f:
        f.write(b"line one\nline two\n" * 100); f.write(b"end")
    with lzma.LZMAFile(io.BytesIO(buf.getvalue())) as f:
        first = f.readline(); f.seek(30); mid = f.read(10); rest = f.read()
    return (first, mid, len(rest))
case("LZMAFile", xzfile)
def xzopen_text():
    buf = io.BytesIO()
    with lzma.open(buf, "wt", encoding="utf-8") as f:
        f.write("héllo\nwörld\n")
    with lzma.open(io.BytesIO(buf.getvalue()), "rt", encoding="utf-8") as f:
        return f.readlines()
case("lzma.open text", xzopen_text)
case("LZMAFile multi-stream", lambda: lzma.LZMAFile(io.BytesIO(EMBEDDED["xz padded"] + EMBEDDED["xz two streams"])).read())
case("LZMAFile alone", lambda: lzma.LZMAFile(io.BytesIO(al)).read())
case("LZMAFile bad", lambda: lzma.LZMAFile(io.BytesIO(b"not xz data")).read())
case("LZMAFile truncated", lambda: lzma.LZMAFile(io.BytesIO(x[:-5])).read())
case("open bad mode", lambda: lzma.open(io.BytesIO(), "rw"))
