"""Captures CPython 3.13's answers about every code point as compact golden data for tests/unit/unicode/:
for each property, a SHA-1 (first 10 hex digits) per block of 4096 code points over one line per code point.
Also records the aliases/named sequences lookup() accepts and normalization results for tricky strings.
Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_unicode.py   (writes tests/golden/unicode/*.json)
"""
import sys, os, json, hashlib, unicodedata, _sre

assert sys.version_info[:2] == (3, 13)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "tests", "golden", "unicode")
MAX = 0x110000
BLOCK = 4096


def fmt(v):
    """One value as text; the TS test formats its own values the same way."""
    if v is None:
        return "N"
    if v is True:
        return "1"
    if v is False:
        return "0"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, str):
        return ".".join("%x" % ord(c) for c in v)
    raise TypeError(v)


def hashes(fn):
    out = []
    for start in range(0, MAX, BLOCK):
        h = hashlib.sha1()
        for cp in range(start, start + BLOCK):
            h.update((fmt(fn(cp)) + "\n").encode("ascii"))
        out.append(h.hexdigest()[:10])
    # Run-length: equal neighbouring blocks (unassigned planes) are written once as "hash*count".
    runs = []
    for x in out:
        if runs and runs[-1][0] == x:
            runs[-1][1] += 1
        else:
            runs.append([x, 1])
    return " ".join(x if n == 1 else "%s*%d" % (x, n) for x, n in runs)


def safe(f):
    def g(cp):
        try:
            return f(cp)
        except ValueError:
            return None
    return g


CTYPE = {
    "isalpha": lambda c: chr(c).isalpha(),
    "isdecimal": lambda c: chr(c).isdecimal(),
    "isdigit": lambda c: chr(c).isdigit(),
    "isnumeric": lambda c: chr(c).isnumeric(),
    "isalnum": lambda c: chr(c).isalnum(),
    "isspace": lambda c: chr(c).isspace(),
    "isprintable": lambda c: chr(c).isprintable(),
    "islower": lambda c: chr(c).islower(),
    "isupper": lambda c: chr(c).isupper(),
    "istitle": lambda c: chr(c).istitle(),
    "isidentifier": lambda c: chr(c).isidentifier(),
    "isidentifier_continue": lambda c: ("a" + chr(c)).isidentifier(),
    "linebreak": lambda c: len(("a" + chr(c) + "b").splitlines()),
    "lower": lambda c: chr(c).lower(),
    "upper": lambda c: chr(c).upper(),
    "title": lambda c: chr(c).title(),
    "casefold": lambda c: chr(c).casefold(),
    "capitalize": lambda c: (chr(c) + "\u0130\u03a3").capitalize(),
    "swapcase": lambda c: ("\u03a3" + chr(c) + "\u03a3").swapcase(),
    "title_pair": lambda c: (chr(c) + "a\u01c5" + chr(c)).title(),
    "lower_sigma": lambda c: ("A\u03a3" + chr(c) + "A\u03a3" + chr(c)).lower(),
    "istitle_pair": lambda c: ("A" + chr(c)).istitle(),
    "islower_pair": lambda c: ("a" + chr(c)).islower(),
    "isupper_pair": lambda c: ("A" + chr(c)).isupper(),
    "sre_tolower": lambda c: _sre.unicode_tolower(c),
    "sre_iscased": lambda c: _sre.unicode_iscased(c),
    "decimal": lambda c: unicodedata.decimal(chr(c), None),
    "digit": lambda c: unicodedata.digit(chr(c), None),
    "numeric": lambda c: unicodedata.numeric(chr(c), None),
}


def capture_ctype():
    data = {"version": unicodedata.unidata_version, "block": BLOCK, "hashes": {}}
    for name, fn in CTYPE.items():
        data["hashes"][name] = hashes(fn)
    write("ctype.json", data)


def db_props(db):
    ch = chr
    return {
        "category": lambda c: db.category(ch(c)),
        "bidirectional": lambda c: db.bidirectional(ch(c)),
        "combining": lambda c: db.combining(ch(c)),
        "mirrored": lambda c: db.mirrored(ch(c)),
        "east_asian_width": lambda c: db.east_asian_width(ch(c)),
        "decomposition": lambda c: db.decomposition(ch(c)),
        "decimal": lambda c: db.decimal(ch(c), None),
        "digit": lambda c: db.digit(ch(c), None),
        "numeric": lambda c: db.numeric(ch(c), None),
        "name": lambda c: db.name(ch(c), None),
        "NFC": lambda c: db.normalize("NFC", ch(c)),
        "NFD": lambda c: db.normalize("NFD", ch(c)),
        "NFKC": lambda c: db.normalize("NFKC", ch(c)),
        "NFKD": lambda c: db.normalize("NFKD", ch(c)),
    }


def tricky_strings():
    """Strings that exercise reordering and composition: a sample of NormalizationTest.txt's sources (15.0) and
    pseudo-random runs of starters, combining marks, Hangul jamo and composites (fixed seed)."""
    out = []
    path = os.path.join(UCD_DIR, "NormalizationTest.txt.bz2")
    import bz2, random
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            line = line.split("#")[0].strip()
            if not line or line.startswith("@") or i % 12:
                continue
            out.append("".join(chr(int(x, 16)) for x in line.split(";")[0].split()))
    rng = random.Random(3131)
    marks = [c for c in range(0x300, 0x370)] + [0x5b0, 0x5c1, 0x5c2, 0x93c, 0x94d, 0x1dce, 0x302a, 0x1d165, 0x1d16d]
    bases = [0x41, 0x61, 0x4f, 0x6f, 0x3b1, 0x3c9, 0x415, 0x1100, 0x1161, 0x11a8, 0xac00, 0xac01, 0x1e00, 0x212b,
             0xf900, 0x2f868, 0xf951, 0x1f1, 0xfb2c, 0x9c7, 0x9be, 0xb47, 0xb3e, 0x1025, 0x102e, 0x0, 0xd800]
    for _ in range(600):
        n = rng.randint(1, 8)
        out.append("".join(chr(rng.choice(marks if rng.random() < 0.5 else bases)) for _ in range(n)))
    return out


UCD_DIR = "/usr/share/unicode"


def capture_data():
    data = {"block": BLOCK, "latest": {}, "3.2.0": {}}
    for key, db in (("latest", unicodedata), ("3.2.0", unicodedata.ucd_3_2_0)):
        for name, fn in db_props(db).items():
            data[key][name] = hashes(fn)
    # Every formal alias and named sequence lookup() accepts, checked here by CPython itself.
    aliases = []
    for line in open(os.path.join(UCD_DIR, "NameAliases.txt"), encoding="utf-8"):
        line = line.split("#")[0].strip()
        if line:
            cp, alias, _ = line.split(";")
            if unicodedata.lookup(alias) == chr(int(cp, 16)):
                aliases.append([alias, fmt(unicodedata.lookup(alias))])
    seqs = []
    for line in open(os.path.join(UCD_DIR, "NamedSequences.txt"), encoding="utf-8"):
        line = line.split("#")[0].strip()
        if line:
            name = line.split(";")[0]
            seqs.append([name, fmt(unicodedata.lookup(name))])
    data["aliases"] = aliases
    data["named_sequences"] = seqs
    strings = tricky_strings()
    data["strings"] = [fmt(s) for s in strings]
    norm = {}
    for key, db in (("latest", unicodedata), ("3.2.0", unicodedata.ucd_3_2_0)):
        for form in ("NFC", "NFD", "NFKC", "NFKD"):
            h = hashlib.sha1()
            for s in strings:
                h.update((fmt(db.normalize(form, s)) + ("1" if db.is_normalized(form, s) else "0") + "\n").encode())
            norm["%s:%s" % (key, form)] = h.hexdigest()[:10]
    data["normalized_strings"] = norm
    write("unicodedata.json", data)


def write(name, data):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
    print(name, os.path.getsize(os.path.join(OUT, name)), file=sys.stderr)


if __name__ == "__main__":
    what = os.environ.get("CAPTURE", "ctype,data")
    if "ctype" in what:
        capture_ctype()
    if "data" in what:
        capture_data()
