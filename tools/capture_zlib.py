# Captures tests/golden/zlib/cases.json: what CPython 3.13's zlib module (zlib 1.2.13) returns for compress,
# compressobj, decompress, decompressobj, adler32 and crc32 over deterministic inputs, so that
# tests/unit/modules/zlib.test.ts runs without CPython. Big outputs are stored as length + SHA-256 prefix.
# Inputs come from gen() below (mirrored in the test) or from members of pyodide's python_stdlib.zip.
# Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_zlib.py
import hashlib, json, os, zipfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ZIP = os.path.join(ROOT, "node_modules", "pyodide", "python_stdlib.zip")
OUT = os.path.join(ROOT, "tests", "golden", "zlib", "cases.json")


def lcg(seed):
    s = seed & 0x7FFFFFFF
    while True:
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        yield s >> 16


def gen(spec):
    """spec: [kind, n, seed]. The test has the same generator."""
    kind, n, seed = spec
    if kind == "zeros":
        return bytes(n)
    if kind == "random":
        g = lcg(seed)
        return bytes(next(g) & 0xFF for _ in range(n))
    if kind == "text":
        g = lcg(seed)
        words = []
        for _ in range(64):
            k = 1 + next(g) % 9
            words.append(bytes(97 + next(g) % 12 for _ in range(k)))
        out = bytearray()
        while len(out) < n:
            out += words[next(g) % 64]
            out += b" \n"[1 if next(g) % 11 == 0 else 0:][:1]
        return bytes(out[:n])
    if kind == "runs":
        g = lcg(seed)
        out = bytearray()
        while len(out) < n:
            out += bytes([next(g) & 3]) * (1 + next(g) % 300)
        return bytes(out[:n])
    if kind == "zip":
        with zipfile.ZipFile(ZIP) as z:
            return z.read(seed)[:n] if n >= 0 else z.read(seed)
    raise ValueError(kind)


def digest(b):
    if len(b) <= 64:
        return {"hex": b.hex()}
    return {"len": len(b), "sha256": hashlib.sha256(b).hexdigest()[:32]}


def err(f):
    try:
        r = f()
    except Exception as e:
        return {"error": type(e).__name__, "message": str(e)}
    return {"ok": digest(r)}


INPUTS = {
    "empty": ["zeros", 0, 0],
    "one": ["random", 1, 7],
    "short": ["text", 40, 3],
    "text4k": ["text", 4000, 1],
    "text200k": ["text", 200000, 2],
    "random70k": ["random", 70000, 5],
    "zeros300k": ["zeros", 300000, 0],
    "runs100k": ["runs", 100000, 9],
    "typing": ["zip", -1, "typing.py"],
    "pydoc": ["zip", -1, "pydoc.py"],
    "unicodedata_like": ["zip", 150000, "_pydatetime.py"],
}


def main():
    data = {k: gen(v) for k, v in INPUTS.items()}
    cases = {"inputs": INPUTS, "compress": [], "compressobj": [], "decompress_errors": [], "decompressobj": [], "checksums": []}
    for name, d in data.items():
        for level in range(-1, 10):
            cases["compress"].append({"input": name, "level": level, "wbits": 15, **digest(zlib.compress(d, level))})
    for name in ["short", "text4k", "random70k", "typing", "runs100k"]:
        for level in (0, 1, 6, 9):
            for wbits in (-15, 31, 9, -9, 25, 10):
                cases["compress"].append({"input": name, "level": level, "wbits": wbits, **digest(zlib.compress(data[name], level, wbits))})
    # compressobj: a program of ("c", chunk size) and ("f", mode) steps; each step's output is recorded.
    programs = [
        {"args": [6, 8, 15, 8, 0], "input": "typing", "steps": [["c", 1000], ["c", 50000], ["f", 2], ["c", 7], ["f", 3], ["c", -1], ["f", 4]]},
        {"args": [0, 8, 15, 8, 0], "input": "text200k", "steps": [["c", 100], ["c", 40000], ["c", 70000], ["f", 2], ["c", -1], ["f", 4]]},
        {"args": [0, 8, -15, 1, 0], "input": "text4k", "steps": [["c", 1000], ["f", 1], ["c", -1], ["f", 4]]},
        {"args": [9, 8, 31, 9, 0], "input": "pydoc", "steps": [["c", 30000], ["f", 3], ["c", -1], ["f", 4]]},
        {"args": [1, 8, 15, 2, 1], "input": "text200k", "steps": [["c", 65536], ["c", -1], ["f", 4]]},
        {"args": [6, 8, 15, 8, 2], "input": "typing", "steps": [["c", -1], ["f", 4]]},
        {"args": [6, 8, 15, 8, 3], "input": "runs100k", "steps": [["c", 5000], ["f", 1], ["c", -1], ["f", 4]]},
        {"args": [5, 8, 12, 5, 4], "input": "text4k", "steps": [["c", -1], ["f", 4]]},
        {"args": [3, 8, 15, 8, 0], "input": "random70k", "steps": [["c", 1], ["f", 2], ["f", 2], ["c", -1], ["f", 4]]},
        {"args": [6, 8, 15, 8, 0], "zdict": "short", "input": "text4k", "steps": [["c", -1], ["f", 4]]},
        {"args": [6, 8, -15, 8, 0], "zdict": "text4k", "input": "text200k", "steps": [["c", -1], ["f", 4]]},
    ]
    for p in programs:
        kw = {}
        if "zdict" in p:
            kw["zdict"] = data[p["zdict"]]
        c = zlib.compressobj(*p["args"], **kw)
        src = data[p["input"]]
        pos = 0
        outs = []
        whole = bytearray()
        for op, arg in p["steps"]:
            if op == "c":
                chunk = src[pos:] if arg < 0 else src[pos:pos + arg]
                pos += len(chunk)
                r = c.compress(chunk)
            else:
                r = c.flush(arg)
            outs.append(len(r))
            whole += r
        cases["compressobj"].append({**p, "lens": outs, **digest(bytes(whole))})
    bad = {
        "not_zlib": b"hello world",
        "truncated": zlib.compress(data["text4k"])[:100],
        "bad_check": zlib.compress(b"abc")[:-1] + b"\x00",
        "bad_block_type": b"\x78\x9c\x07",
        "stored_len": b"\x78\x9c\x01\x05\x00\x05\x00abcde",
        "too_far": b"\x78\x9c" + bytes([0x63, 0x00, 0x02, 0x00]),
        "bad_method": b"\x79\x9c\x00",
        "big_window": b"\x88\x9c\x00",
        "gzip_flags": b"\x1f\x8b\x08\xe0" + bytes(6),
        "gzip_method": b"\x1f\x8b\x07\x00" + bytes(6),
        "empty": b"",
        "dict_needed": zlib.compressobj(zdict=b"abcdef").compress(b"abcdef") + zlib.compressobj(zdict=b"abcdef").flush(),
        "trailing": zlib.compress(b"abc") + b"xyz",
        "raw_only": zlib.compress(b"hello", 6, -15),
        "gzip_auto": zlib.compress(b"hello gzip", 6, 31),
        "lens_over": b"\x78\x9c\x05\xc0\x81\x00\x00\x00\x00\x00\x90\xff\x7f",
    }
    for name, b in bad.items():
        for wbits in (15, -15, 31, 47, 0):
            cases["decompress_errors"].append({"name": name, "data": b.hex(), "wbits": wbits, **err(lambda: zlib.decompress(b, wbits))})
    # decompressobj: feed chunks with max_length; record each output and the attributes after each call.
    dprogs = [
        {"wbits": 15, "input": "typing", "level": 6, "chunks": [[1000, 0], [5000, 100], [0, 100], [-1, 0]], "extra": ""},
        {"wbits": 47, "input": "text200k", "level": 9, "wrap": 31, "chunks": [[7, 0], [30000, 20000], [-1, 1]], "extra": "7472"},
        {"wbits": -15, "input": "random70k", "level": 0, "wrap": -15, "chunks": [[65000, 0], [-1, 0]], "extra": "00ff"},
        {"wbits": 15, "input": "short", "level": 6, "chunks": [[-1, 5]], "extra": "6162"},
    ]
    for p in dprogs:
        comp = zlib.compress(data[p["input"]], p["level"], p.get("wrap", 15)) + bytes.fromhex(p["extra"])
        d = zlib.decompressobj(p["wbits"])
        pos = 0
        steps = []
        for size, maxlen in p["chunks"]:
            chunk = comp[pos:] if size < 0 else comp[pos:pos + size]
            pos += len(chunk)
            r = d.decompress(d.unconsumed_tail + chunk, maxlen)
            steps.append({"out": digest(r), "tail": len(d.unconsumed_tail), "unused": d.unused_data.hex(), "eof": d.eof})
        r = d.flush()
        steps.append({"flush": digest(r), "tail": len(d.unconsumed_tail), "unused": d.unused_data.hex(), "eof": d.eof})
        cases["decompressobj"].append({**p, "steps": steps})
    for name, d in data.items():
        for start in (None, 0, 1, 0xFFFFFFFF, 0xFFF0FFF0, 12345):
            a = zlib.adler32(d) if start is None else zlib.adler32(d, start)
            c = zlib.crc32(d) if start is None else zlib.crc32(d, start)
            cases["checksums"].append({"input": name, "start": start, "adler32": a, "crc32": c})
    for n in range(0, 40):
        b = gen(["random", n, n])
        for start in (1, 0xFFFFFFFF, 65521, 0xFFF0FFF0):
            cases["checksums"].append({"spec": ["random", n, n], "start": start, "adler32": zlib.adler32(b, start), "crc32": zlib.crc32(b, start)})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(cases, f, indent=0, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
