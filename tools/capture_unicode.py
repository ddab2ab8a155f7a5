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
