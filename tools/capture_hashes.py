# Captures tests/golden/hashes/cases.json: hexdigests from CPython 3.13's hash modules (_md5, _sha1, _sha2,
# _sha3, _blake2) for many input lengths (first 16 bytes of each digest), split updates, SHAKE lengths, and BLAKE2 parameter sets and errors,
# so tests/unit/modules/hashes.test.ts runs without CPython. Inputs: bytes((i * 31 + 7) & 255 for i in range(n)).
# Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_hashes.py
import json, os
import _md5, _sha1, _sha2, _sha3, _blake2

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "golden", "hashes", "cases.json")
CTORS = {
    "md5": _md5.md5, "sha1": _sha1.sha1, "sha224": _sha2.sha224, "sha256": _sha2.sha256, "sha384": _sha2.sha384,
    "sha512": _sha2.sha512, "sha3_224": _sha3.sha3_224, "sha3_256": _sha3.sha3_256, "sha3_384": _sha3.sha3_384,
    "sha3_512": _sha3.sha3_512, "shake_128": _sha3.shake_128, "shake_256": _sha3.shake_256,
    "blake2b": _blake2.blake2b, "blake2s": _blake2.blake2s,
}
BLOCKS = (64, 72, 104, 128, 136, 144, 168)
LENGTHS = sorted(set(list(range(0, 20)) + [b + d for b in BLOCKS for d in (-9, -8, -1, 0, 1)] + [2 * b + d for b in BLOCKS for d in (-1, 0, 1)]
                     + [111, 112, 113, 300, 1000, 4096, 10000, 65537]))


def data(n):
    return bytes((i * 31 + 7) & 255 for i in range(n))


def main():
    cases = {"lengths": LENGTHS, "digests": {}, "attrs": {}, "split": [], "shake": [], "blake2": [], "blake2_errors": []}
    for name, f in CTORS.items():
        h = f()
        cases["attrs"][name] = [h.name, h.digest_size, h.block_size]
        if name.startswith("shake"):
            cases["digests"][name] = [f(data(n)).hexdigest(16) for n in LENGTHS]
        else:
            cases["digests"][name] = [f(data(n)).hexdigest()[:32] for n in LENGTHS]
        # Incremental: uneven pieces, copy() in the middle, digest() twice.
        for n, cuts in ((1000, [1, 63, 64, 65, 200]), (5000, [127, 128, 129, 1000, 3333])):
            h = f()
            d = data(n)
            pos = 0
            for c in cuts:
                h.update(d[pos:c])
                pos = c
            mid = h.copy()
            h.update(d[pos:])
            mid.update(d[pos:])
            args = (17,) if name.startswith("shake") else ()
            cases["split"].append({"name": name, "n": n, "cuts": cuts, "hex": h.hexdigest(*args), "copy": mid.hexdigest(*args)})
    for name in ("shake_128", "shake_256"):
        for n in (0, 100):
            for length in (0, 1, 135, 136, 137, 168, 169, 500):
                cases["shake"].append({"name": name, "n": n, "length": length, "hex": CTORS[name](data(n)).hexdigest(length)})
    params = [
        {}, {"digest_size": 1}, {"digest_size": 20}, {"key": "6b6579"}, {"key": "ff" * 32}, {"salt": "73616c74"},
        {"person": "706572736f6e"}, {"fanout": 0, "depth": 255, "leaf_size": 4096, "node_offset": 5, "node_depth": 3, "inner_size": 16},
        {"last_node": True}, {"key": "00", "salt": "01", "person": "02", "digest_size": 7, "last_node": True, "node_offset": 123456789},
    ]
    for name in ("blake2b", "blake2s"):
        for p in params:
            kw = {k: bytes.fromhex(v) if k in ("key", "salt", "person") else v for k, v in p.items()}
            for n in (0, 1, 64, 65, 128, 129, 1000):
                cases["blake2"].append({"name": name, "params": p, "n": n, "hex": CTORS[name](data(n), **kw).hexdigest()})
        bad = [{"digest_size": 0}, {"digest_size": 65}, {"digest_size": 33}, {"key": "00" * 65}, {"key": "00" * 33},
               {"salt": "00" * 17}, {"salt": "00" * 9}, {"person": "00" * 17}, {"person": "00" * 9}, {"fanout": 256},
               {"fanout": -1}, {"depth": 0}, {"leaf_size": 2**32}, {"node_offset": 2**48}, {"node_depth": 256},
               {"inner_size": 65}, {"inner_size": 33}, {"salt": "00" * 17, "digest_size": 0}]
        for p in bad:
            kw = {k: bytes.fromhex(v) if k in ("key", "salt", "person") else v for k, v in p.items()}
            try:
                CTORS[name](**kw)
                cases["blake2_errors"].append({"name": name, "params": p, "ok": True})
            except Exception as e:
                cases["blake2_errors"].append({"name": name, "params": p, "error": type(e).__name__, "message": str(e)})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(cases, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
