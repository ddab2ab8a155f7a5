#!/usr/bin/env python3.13
"""Capture golden data for Typhon's _sre engine from CPython 3.13.

For each (pattern, flags) the code words re._compiler._code() emits (what _sre.compile receives), the group
tables and the parsed replacement template; for each subject CPython's match / fullmatch / search registers (all
group spans and lastindex), findall, finditer spans, split, subn, and match/search/fullmatch with pos and endpos.
Patterns come from Lib/test/re_tests.py, from the literal re.* calls of Lib/test/test_re.py (found with ast),
from a hand-written list of tricky cases, and from a seeded random generator. Also: mutated code lists with
CPython's validator verdict, and digests of _sre's case helpers over all code points.

Run with `PYENV_VERSION=3.13.0 python3.13 tools/capture_sre.py` from the repository root; writes
tests/golden/sre/cases.json.gz, validate.json and programs.json.
"""
import ast
import gzip
import hashlib
import json
import os
import random
import re
import struct
import sys
import warnings
import _sre
from re import _compiler, _parser

assert sys.version_info[:2] == (3, 13), "run with CPython 3.13"

LIB = os.path.dirname(re.__file__).rsplit(os.sep, 1)[0]
OUT = "tests/golden/sre"


def compile_code(pattern, flags):
    """What re._compile hands to _sre.compile."""
    p = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(p, flags)]  # plain ints (the constants' repr is their name)
    flags = p.state.flags
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return code, p.state.groups - 1, flags, groupindex, indexgroup


def regs(m):
    if m is None:
        return None
    out = []
    for a, b in m.regs:
        out += [a, b]
    out.append(-1 if m.lastindex is None else m.lastindex)
    return out


def text(x, isbytes):
    if x is None:
        return None
    if isinstance(x, (tuple, list)):
        return [text(y, isbytes) for y in x]
    return x.decode("latin-1") if isbytes else x


def enc_subject(s, isbytes):
    if isbytes:
        return s.decode("latin-1")
    # A str whose code points include a high surrogate followed by a low one cannot round-trip through JSON as a
    # string (JS would read one astral character): store such subjects as lists of code points.
    for a, b in zip(s, s[1:]):
        if 0xD800 <= ord(a) < 0xDC00 and 0xDC00 <= ord(b) < 0xE000:
            return [ord(c) for c in s]
    return s


def subject_record(cp, s, repl, isbytes, k):
    n = len(s)
    rec = [
        enc_subject(s, isbytes),
        regs(cp.match(s)),
        regs(cp.fullmatch(s)),
        regs(cp.search(s)),
        text(cp.findall(s), isbytes),
        [x for m in cp.finditer(s) for x in m.span()],
        text(cp.split(s), isbytes),
    ]
    if repl is not None:
        res, k = cp.subn(repl, s)
        rec.append([text(res, isbytes), k])
        if k == 0:
            res1, k1 = cp.subn(repl, s, count=1)
            rec.append([text(res1, isbytes), k1])
        else:
            rec.append(None)
    else:
        rec += [None, None]
    if n >= 2 and k < 2:
        rec.append([regs(cp.search(s, 1, n - 1)), regs(cp.match(s, 1)), regs(cp.fullmatch(s, 0, n - 1)),
                    text(cp.findall(s, 1, n - 1), isbytes), text(cp.split(s, 1), isbytes)])
    return rec


def template_for(pattern, cp):
    if isinstance(pattern, bytes):
        repl = b"<\\g<0>>" if cp.groups == 0 else b"<\\1|\\g<0>>"
    else:
        repl = "<\\g<0>>" if cp.groups == 0 else "<\\1|\\g<0>>"
    return repl, _parser.parse_template(repl, cp)


def jsonable_template(t, isbytes):
    return [x.decode("latin-1") if isinstance(x, bytes) else x for x in t]


# ---------------------------------------------------------------------------------------------------------------
# Sources of patterns.

STR_SUBJECTS = ["", "a", "ab", "abc", "aaa", "abcabc", "a\nb\n", "Hello World", "foo bar baz", "x1_y2", "  \t\n",
                "ABCabc", "\u00e9\u00c9", "\u017f\u0131\u0130K\u212a", "\U0001f600a\U0001f600", "\ud800a",
                "\u03c3\u03a3\u03c2", "123 456", "a.b*c", "\u00df\u1e9e"]


def hand_written():
    P = []
    add = lambda p, f=0, subs=(): P.append((p, f, list(subs)))
    add(r"a(b|c)*d", 0, ["abcbd", "ad", "abd", "xabcbcbcd"])
    add(r"(a|b)*c", 0, ["ababc", "abab", "c"])
    add(r"(a|b)*?c", 0, ["ababc", "abab", "c"])
    add(r"(a+)+b", 0, ["aaaaaaaaaaaaaaab", "aaaaaaaaaaaa"])
    add(r"(?:a|ab)(?:c|bcd)(d*)", 0, ["abcd", "abcdd"])
    add(r"(a*)*", 0, ["aaa", "b", ""])
    add(r"(a*)+", 0, ["aaa", "b", ""])
    add(r"(a|)*", 0, ["aaa", "b"])
    add(r"(a*?)*?b", 0, ["aab", "b"])
    add(r"(?:()|a)*", 0, ["aaa"])
    add(r"(?:a*)*b", 0, ["aaab", "aaa"])
    add(r"x*", 0, ["axxb", "", "xx"])
    add(r"\b", 0, ["ab cd", "", " "])
    add(r"\B", 0, ["ab cd", "", " "])
    add(r"^", re.M, ["a\nb\n", "\n\n"])
    add(r"$", re.M, ["a\nb\n", "\n\n"])
    add(r"$", 0, ["a\nb\n", "ab\n", "ab"])
    add(r"\Z", 0, ["a\n", "a"])
    add(r"\A\w+", 0, ["ab cd"])
    add(r"(?i)straße", 0, ["STRASSE", "strasse", "STRAẞE", "straße"])
    add(r"(?i)[a-z]+", 0, ["ABCdef", "\u017f\u212a", "İı"])
    add(r"(?i)[^a-z]+", 0, ["ABCdef", "\u017f\u212a", "12"])
    add(r"(?i)\u017f", 0, ["s", "S", "\u017f"])
    add(r"(?i)k", 0, ["k", "K", "\u212a"])
    add(r"(?i)σ", 0, ["Σ", "ς", "σ"])
    add(r"(?i)[σ-ω]+", 0, ["ΣΤΥ", "ςστ"])
    add(r"(?i)(a)\1", 0, ["aA", "Aa", "ab"])
    add(r"(?i)(\u017f)\1", 0, ["\u017fs", "sS", "ss"])
    add(r"(?a)\w+", 0, ["abc\u00e9d", "123"])
    add(r"\w+", 0, ["abc\u00e9d", "\u0663\u0664", "x\u00b2y"])
    add(r"\d+", 0, ["12\u0663\u00b2", "x"])
    add(r"\s+", 0, [" \t\x1c\x1f\u2028\u00a0x"])
    add(r"(?a)\s+", 0, [" \t\x1c\x1f\u2028\u00a0x"])
    add(r".", re.S, ["\n", "a"])
    add(r".+", 0, ["ab\ncd"])
    add(r"[\U0001f600-\U0001f64f]+", 0, ["a\U0001f600\U0001f601b"])
    add(r"[^\U0001f600]", 0, ["\U0001f600a"])
    add(r"[\u0100-\u2fff\uf000]+", 0, ["a\u0100\u2000\uf000\uf001"])
    add("[" + "".join(chr(c) for c in range(0x100, 0x3000, 7)) + "]+", 0, ["\u0100\u0107\u0108x"])
    add(r"(?i)[\u0100-\u2fff]+", 0, ["\u0101\u0100\u2000"])
    add(r"(?<=a)b", 0, ["ab", "b", "cb"])
    add(r"(?<!a)b", 0, ["ab", "b", "cb"])
    add(r"(?=(a+))a*b\1", 0, ["baaabac"])
    add(r"(?!a)\w", 0, ["ab"])
    add(r"(?>a+)b", 0, ["aaab", "aaa"])
    add(r"(?>a|ab)c", 0, ["abc", "ac"])
    add(r"a*+a", 0, ["aaaa"])
    add(r"a++b", 0, ["aaab"])
    add(r"a?+a", 0, ["a", "aa"])
    add(r"(?:ab)*+ab", 0, ["ababab"])
    add(r"(?:ab)*+c", 0, ["ababc"])
    add(r"(?:a|b){2,3}+b", 0, ["aabb", "abab"])
    add(r"(?:(a)|b)*+", 0, ["abab", "ba"])
    add(r"(a)?(?(1)b|c)", 0, ["ab", "c", "ac"])
    add(r"(?P<x>a)?(?(x)b)c", 0, ["abc", "c", "ac"])
    add(r"(a)|(b)", 0, ["b", "a"])
    add(r"(?P<first>a)(?P<second>b)?", 0, ["ab", "a"])
    add(r"((a)|b)+", 0, ["ab", "ba"])
    add(r"(a)|b", 0, ["b"])
    add(r"(?:(a)|b)*", 0, ["ab", "ba", "bab"])
    add(r"(a){0}b", 0, ["ab"])
    add(r"a{2,}?", 0, ["aaaa"])
    add(r"a{,2}", 0, ["aaaa"])
    add(r"(?:a{2}){2}", 0, ["aaaaa"])
    add(r"(?:a|b)+?c", 0, ["ababc"])
    add(r"(ab|a)(bc|c)?", 0, ["abc"])
    add(r"(.)(?=\1)", 0, ["aabbcd"])
    add(r"(\w+)\s+\1", 0, ["hello hello world world"])
    add(r"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\11", 0, ["abcdefghijkk"])
    add(r"foo|bar|baz", 0, ["xxbazfoo"])
    add(r"Python|Perl|Tcl", 0, ["Perl"])
    add(r"abcabd", 0, ["abcabcabd", "ababcabd"])
    add(r"aab", 0, ["aaab", "aab"])
    add(r"abab", 0, ["abababab"])
    add(r"a.c", 0, ["abcadc"])
    add(r"", 0, ["abc", ""])
    add(r"|a", 0, ["aa"])
    add(r"a|", 0, ["aa", "b"])
    add(r"\b|:+", 0, ["a::bc"])
    add(r"(?=a)|a", 0, ["aa"])
    add(r"(?:)*", 0, ["ab"])
    add(r"[\d\s]+", 0, ["1 2\t3x"])
    add(r"[^\d\s]+", 0, ["1 2\t3xy"])
    add(r"[\w-]+", 0, ["a-b c"])
    add(r"[a-c\W]+", 0, ["ab!?cd"])
    add(r"(?x) a b # comment\n c", 0, ["abc"])
    add(r"(?s:a.)b.", 0, ["a\nbc", "a\nb\n"])
    add(r"(?i:a)b", 0, ["Ab", "AB"])
    add(r"(?-i:a)b", re.I, ["aB", "AB"])
    add(r"(?m)^\w+$", 0, ["ab\ncd\n"])
    add(r"^\w+$", re.M, ["ab\ncd\n"])
    add(r"[a-z]*(?=\d)", 0, ["abc1def2"])
    add(r"(?<=\d{2})x", 0, ["12x1x"])
    add(r"(?<=ab|cd)x", 0, ["abx cdx ex"])
    add(r"(?<=(a))b", 0, ["ab"])
    add(r"(?<!(a))b", 0, ["cb"])
    add(r"(?:x(?=y)|x(?!y))+", 0, ["xyxxz"])
    add(r"((?>a|b)*)c", 0, ["ababc"])
    add(r"(a|ab)*?b", 0, ["abab"])
    add(r"(?:a(?:b(?:c)?)?)+", 0, ["abcabab"])
    add(r"[\u0000-\uffff]+", 0, ["ab\U0001f600"])
    add(r"\x00+", 0, ["a\x00\x00b"])
    add(r"[\x00-\x1f]+", 0, ["\x00\x1f "])
    add(r"(?i)[\x00-\x7f]+", 0, ["\u212a\u017fab"])
    add(r"(?i)[ſ-ſ]", 0, ["s", "S"])
    add(r"(?i)[k-k]", 0, ["\u212a"])
    add(r"(?i)[^k]", 0, ["\u212a", "K"])
    add(r"(?i)ǅ", 0, ["Ǆ", "ǆ", "ǅ"])
    add(r"(?i)[ǅ]", 0, ["Ǆ", "ǆ"])
    add(r"(?i)ΐ", 0, ["\u1fd3"])
    add(r"\ud800", 0, ["a\ud800b"])
    add(r"[\ud800-\udfff]+", 0, ["a\ud800\udbffb"])
    return P


BYTES_PATTERNS = [
    (rb"a(b|c)*d", 0), (rb"\w+", 0), (rb"\w+", re.L), (rb"(?i)abc", 0), (rb"(?i)abc", re.L), (rb"\s+", 0),
    (rb"\bfoo\b", 0), (rb"\bfoo\b", re.L), (rb"[\x80-\xff]+", 0), (rb"(?i)[a-z]+", 0), (rb"(?i)[a-z]+", re.L),
    (rb"(?i)(a)\1", 0), (rb"(?i)(a)\1", re.L), (rb"\d+", 0), (rb"[^a]+", re.I), (rb"\xe9", re.I), (rb".", re.S),
    (rb"(?L)[^\W\d]+", 0), (rb"\W+", re.L), (rb"\B.", re.L), (rb"(?i)\xc9", re.L), (rb"(?i)[\xc0-\xdf]", re.L),
    (rb"(?i)[^x]", re.L), (rb"(?i)x", re.L),
]
BYTES_SUBJECTS = [b"", b"abc", b"xabcbd", b"ABC abc", b"foo bar", b"\xe9\xc9\x80\xff", b"aA", b"12 34\t",
                  b"x_y\n", b"\x00a\x00"]


def from_re_tests():
    from test import re_tests
    out = []
    for t in re_tests.tests:
        pattern, s, outcome = t[:3]
        if outcome == re_tests.SYNTAX_ERROR:
            continue
        out.append((pattern, 0, [s]))
    for pattern, s in re_tests.benchmarks:
        out.append((pattern, 0, [s]))
    return out


RE_FUNCS = {"match", "search", "fullmatch", "findall", "finditer", "split", "sub", "subn", "compile"}


def from_test_re():
    """The literal re.* calls of Lib/test/test_re.py: (pattern, flags, [subject])."""
    with open(os.path.join(LIB, "test", "test_re.py"), encoding="utf-8") as f:
        tree = ast.parse(f.read())
    out = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and
                isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.func.attr in RE_FUNCS):
            continue
        args = node.args
        if not args or not isinstance(args[0], ast.Constant) or not isinstance(args[0].value, (str, bytes)):
            continue
        pattern = args[0].value
        fn = node.func.attr
        subj_i = 2 if fn in ("sub", "subn") else 1
        flags_node = None
        for kw in node.keywords:
            if kw.arg == "flags":
                flags_node = kw.value
        if fn == "compile" and len(args) > 1:
            flags_node = args[1]
        elif fn in ("match", "search", "fullmatch", "findall", "finditer") and len(args) > 2:
            flags_node = args[2]
        flags = 0
        if flags_node is not None:
            try:
                flags = int(eval(compile(ast.Expression(flags_node), "<flags>", "eval"), {"re": re}))
            except Exception:
                continue
        subjects = []
        if fn != "compile" and len(args) > subj_i and isinstance(args[subj_i], ast.Constant):
            s = args[subj_i].value
            if isinstance(s, type(pattern)):
                subjects.append(s)
        out.append((pattern, flags, subjects))
    return out


def random_patterns(rng, n):
    atoms = ["a", "b", "c", ".", "[ab]", "[^a]", "[a-c]", r"\d", r"\w", r"\s", r"\W", "x", "A", r"\.", "é", "ſ",
             "K", "[^\\n]", "(?:ab)", "[b-z]", "\\n"]
    anchors = ["^", "$", r"\b", r"\B", r"\A", r"\Z"]
    quants = ["*", "+", "?", "*?", "+?", "??", "{2}", "{1,3}", "{0,2}?", "{2,}", "*+", "++", "?+", "{1,2}+"]

    def gen(depth, groups):
        parts = []
        for _ in range(rng.randint(1, 4)):
            r = rng.random()
            if r < 0.45 or depth > 2:
                a = rng.choice(atoms)
            elif r < 0.55:
                a = rng.choice(anchors)
            elif r < 0.75:
                groups[0] += 1
                kind = rng.choice(["(", "(", "(?:", "(?P<g%d>" % groups[0], "(?>"])
                if kind in ("(?:", "(?>"):
                    groups[0] -= 1
                a = kind + gen(depth + 1, groups) + ")"
            elif r < 0.85:
                a = "(?:" + gen(depth + 1, groups) + "|" + gen(depth + 1, groups) + ")"
            elif r < 0.9 and groups[0] > 0:
                a = "\\%d" % rng.randint(1, groups[0])
            elif r < 0.95:
                look = rng.choice(["(?=", "(?!", "(?<=", "(?<!"])
                body = rng.choice(["a", "b", "ab", "[ac]", r"\d", "(?:ab|cd)", "(a)"])
                if body == "(a)":
                    groups[0] += 1
                a = look + body + ")"
            elif groups[0] > 0:
                a = "(?(%d)%s|%s)" % (rng.randint(1, groups[0]), rng.choice(atoms), rng.choice(atoms))
            else:
                a = rng.choice(atoms)
            if a not in anchors and not a.startswith("(?=") and not a.startswith("(?!") and not a.startswith("(?<") \
                    and rng.random() < 0.45:
                a += rng.choice(quants)
            parts.append(a)
        return "".join(parts)

    out = []
    alphabet = "abcab \n1_.AxKé"
    for i in range(n):
        groups = [0]
        p = gen(0, groups)
        if rng.random() < 0.3:
            p = p + "|" + gen(0, groups)
        flags = rng.choice([0, 0, 0, re.I, re.M, re.S, re.I | re.M, re.A, re.I | re.A, re.X & 0])
        subs = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(5)]
        out.append((p, flags, subs))
    return out


# ---------------------------------------------------------------------------------------------------------------


def build_cases():
    rng = random.Random(20260101)
    sources = hand_written() + from_re_tests() + from_test_re() + random_patterns(rng, 1500)
    sources += [(p, f, list(BYTES_SUBJECTS)) for p, f in BYTES_PATTERNS]
    seen = {}
    order = []
    for pattern, flags, subjects in sources:
        key = (type(pattern), pattern, flags)
        if key not in seen:
            seen[key] = []
            order.append(key)
        for s in subjects:
            if s not in seen[key]:
                seen[key].append(s)
    records = []
    skipped = 0
    for key in order:
        _, pattern, flags = key
        isbytes = isinstance(pattern, bytes)
        try:
            cp = re.compile(pattern, flags)
            code, groups, cflags, groupindex, indexgroup = compile_code(pattern, flags)
        except (re.error, ValueError, TypeError, OverflowError, RecursionError):
            skipped += 1
            continue
        if cflags & re.DEBUG:
            skipped += 1
            continue
        subjects = list(seen[key])
        defaults = BYTES_SUBJECTS[:4] if isbytes else STR_SUBJECTS[:6]
        if len(subjects) < 3:
            subjects += [s for s in defaults if s not in subjects][:3]
        if not isbytes and rng.random() < 0.25:
            subjects.append(rng.choice(STR_SUBJECTS[6:]))
        try:
            repl, template = template_for(pattern, cp)
        except re.error:
            repl = template = None
        subs = []
        for s in subjects:
            if not isinstance(s, type(pattern)) or len(s) > 200:
                continue
            subs.append(subject_record(cp, s, repl, isbytes, len(subs)))
        if not subs:
            continue
        records.append([
            pattern.decode("latin-1") if isbytes else pattern, 1 if isbytes else 0, cflags, code, groups,
            groupindex, indexgroup, None if template is None else jsonable_template(template, isbytes), subs,
        ])
    return records, skipped


def verdict(code, groups):
    """_sre.compile's answer for a code list, found in a forked child: some mutated lists crash CPython's validator
    (it reads past the block it checks), and those are left out (None)."""
    pid = os.fork()
    if pid == 0:
        try:
            _sre.compile(None, 0, code, groups, {}, ())
            rc = 0
        except RuntimeError:
            rc = 1
        except OverflowError:
            rc = 2
        os._exit(rc)
    _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status):
        return None
    return {0: True, 1: False, 2: "OverflowError"}[os.WEXITSTATUS(status)]


def mutate(code, how, i, v):
    """The mutations build_validate applies (mirrored by the test): 0 set, 1 add, 2 delete, 3 insert, 4 truncate."""
    c = list(code)
    if how == 0:
        c[i] = v
    elif how == 1:
        c[i] = c[i] + v
    elif how == 2:
        del c[i]
    elif how == 3:
        c.insert(i, v)
    else:
        c = c[:i]
    return c


def build_validate(records):
    """Mutated code lists of the captured patterns, with whether CPython's _sre.compile accepts them: per pattern
    index, [how, position, value, groups, verdict] rows (see mutate)."""
    rng = random.Random(7)
    out = []
    for ri in range(0, len(records), max(1, len(records) // 500)):
        code, groups = records[ri][3], records[ri][4]
        rows = []
        for _ in range(4):
            how = rng.randrange(5)
            i = rng.randrange(len(code))
            v = 0
            if how in (0, 3):
                v = rng.randrange(45)
            elif how == 1:
                v = rng.choice([-2, -1, 1, 2])
                if code[i] + v < 0:
                    continue
            g = groups if rng.random() < 0.8 else max(0, groups + rng.choice([-1, 1]))
            ok = verdict(mutate(code, how, i, v), g)
            if ok is None:
                continue  # CPython's own validator crashed on it (see verdict)
            rows.append([how, i, v, g, ok])
        out.append([ri, rows])
    return out


def helper_digests():
    """SHA-1 prefixes per 64K block of _sre's case helpers over every code point (uint32 little-endian)."""
    res = {}
    for name in ("unicode_tolower", "unicode_iscased", "ascii_tolower", "ascii_iscased"):
        f = getattr(_sre, name)
        blocks = []
        for b in range(0x110000 // 0x10000):
            vals = [int(f(c)) for c in range(b * 0x10000, (b + 1) * 0x10000)]
            blocks.append(hashlib.sha1(struct.pack("<%dI" % len(vals), *vals)).hexdigest()[:16])
        res[name] = blocks
    return res


# ---------------------------------------------------------------------------------------------------------------
# Programs that use _sre directly (code lists inlined, so no `re` is needed), run in a fresh CPython each: the
# binding's reprs, attributes and error messages are compared with their output.

PROGRAM_PATTERNS = [
    ("a(b|c)*d", 0, ["xabcbd", "ad", "", "abd acd"]),
    ("(?P<first>\\w+) (?P<last>\\w+)?", 0, ["John Smith", "Jane ", "x"]),
    ("(a)|(b)", 0, ["b", "ab", "c"]),
    ("x*", 0, ["axxb", ""]),
    ("(?i)stra\u00dfe", 0, ["STRASSE", "Stra\u00dfe!"]),
    ("\\d+", 0, ["a1b22c333", "\u0661\u0662 x"]),
    ("(?m)^\\w+$", 0, ["ab\ncd\n"]),
    ("[\U0001f600-\U0001f64f]+", 0, ["a\U0001f600\U0001f601b"]),
    ("b(.)", 0, ["b" * 30 + "c" * 60]),
]

PROGRAM_HEAD = """import sys, _sre
def show(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        print('  ', type(e).__name__, e)
    else:
        print('  ', repr(r))
"""

PROGRAM_BODY = """p = _sre.compile({pattern!r}, {flags}, {code!r}, {groups}, {gi!r}, {ig!r})
print(repr(p), p.pattern == {pattern!r}, p.flags, p.groups, dict(p.groupindex))
for s in {subjects!r}:
    m = p.search(s)
    print(m)
    if m:
        print(m.group(), m.groups(), m.groups('-'), m.groupdict(), m.groupdict(0), m.span(), m.start(), m.end())
        print(m.regs, m.lastindex, m.lastgroup, m.pos, m.endpos, m.re is p, m.string is s, m[0], m.span(p.groups))
        print(m.group(0, p.groups), m.start(p.groups), m.end(p.groups))
        show(m.group, p.groups + 1)
        show(m.group, 'nope')
        show(m.start, -1)
    print(p.match(s), p.fullmatch(s), p.match(s, 1), p.search(s, 1, 3), p.search(s, -5, 100))
    print(p.findall(s), p.findall(s, 1), p.split(s), p.split(s, 1), [m.span() for m in p.finditer(s)])
    print(p.sub('X', s), p.subn('X', s, 1), p.sub(lambda m: '<' + m.group() + '>', s), p.sub(lambda m: None, s))
    print(p.subn(lambda m: str(m.start()), s, count=2))
    sc = p.scanner(s)
    print(sc.pattern is p, sc.search(), sc.match(), sc.search())
"""

PROGRAM_ERRORS = """p = _sre.compile('a(b|c)*d', 32, {code!r}, 1, {{}}, ())
show(p.match, 1)
show(p.match, b'abd')
show(p.search)
show(p.search, 'abd', 'x')
show(p.sub, 'x')
show(p.sub, lambda m: 1, 'abd')
show(p.sub, b'x', 'abd')
show(_sre.compile, None, 0, [1, 2, 3], 0, {{}}, ())
show(_sre.compile, None, 0, [-1], 0, {{}}, ())
show(_sre.compile, None, 0, [2**32], 0, {{}}, ())
show(_sre.compile, None, 0, ['x'], 0, {{}}, ())
show(_sre.compile, None, 0, (1,), 0, {{}}, ())
show(_sre.compile, None, 0, [1], 0, [], ())
show(_sre.template, p, ['a', -1, 'b'])
show(_sre.template, p, ['a', 1])
show(_sre.template, p, ('a',))
bp = _sre.compile(b'a(b|c)*d', 0, {code!r}, 1, {{}}, ())
print(repr(bp))
show(bp.search, 'abd')
show(bp.search, b'xabcd')
show(bp.findall, b'abd acd')
show(bp.split, b'xabdyacdz')
show(bp.sub, b'-', b'xabdy')
show(bp.sub, '-', b'xabdy')
print(p == _sre.compile('a(b|c)*d', 32, {code!r}, 1, {{}}, ()), p != bp, p == 1, hash(p) == hash(p))
print(p.__copy__() is p, p.__deepcopy__({{}}) is p, hash(p), hash(bp), hash(_sre.compile(None, 0, {code!r}, 1, {{}}, ())))
m = p.search('xabd')
print(m.__copy__() is m, m.__deepcopy__(None) is m)
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.ascii_iscased(65), _sre.ascii_iscased(0xe9), _sre.unicode_iscased(0xe9), _sre.unicode_iscased(0x31))
print(_sre.ascii_tolower(65), _sre.ascii_tolower(0xc9), _sre.unicode_tolower(0xc9), _sre.unicode_tolower(0x130))
print(_sre.compile('x', 2 | 8 | 16 | 64 | 256 | 512, [14, 4, 0, 1, 1, 16, 120, 1], 0, {{}}, ()))
print(_sre.compile('x' * 300, 0, [14, 4, 0, 1, 1, 16, 120, 1], 0, {{}}, ()))
print(_sre.compile(b'x', 4, [14, 4, 0, 1, 1, 16, 120, 1], 0, {{}}, ()))
re = type(sys)('re')
re._compile_template = lambda pattern, repl: _sre.template(pattern, ['<', 1, '|' + repl, 0, '>'])
sys.modules['re'] = re
print(p.sub('\\\\1', 'xabdy acd'), m.expand('\\\\0'))
re._compile_template = lambda pattern, repl: _sre.template(pattern, [repl])
print(p.sub('\\\\1', 'xabdy acd'))
re._compile_template = lambda pattern, repl: 42
show(p.sub, '\\\\1', 'xabdy')
re._compile_template = lambda pattern, repl: _sre.template(pattern, ['', 5, ''])
show(p.sub, '\\\\1', 'xabdy')
"""


# CPython's own re._parser and re._compiler on the interpreter under test, over Lib/test/re_tests.py's table (which
# the program carries, since the test package is not in the stdlib zip). If `import re` fails (a module it needs is
# not there yet), a stand-in package object lets re._compiler import from the same directory.
PROGRAM_RE_TESTS = """import sys
try:
    import re._compiler as C
except Exception:
    for k in [k for k in sys.modules if k == 're' or k.startswith('re.')]:
        del sys.modules[k]
    import _sre
    re = type(sys)('re')
    re.__path__ = [p + '/re' for p in sys.path if p.endswith('.zip')]
    re.__package__ = 're'
    sys.modules['re'] = re
    import re._compiler as C
TESTS = {tests!r}
for t in TESTS:
    pattern, s = t[:2]
    try:
        p = C.compile(pattern, {flags})
    except Exception as e:
        print('compile', type(e).__name__, e)
        continue
    m = p.search(s)
    if m is None:
        print('no match')
        continue
    print(m.span(), m.groups(), m.lastindex, m.lastgroup, m.groupdict())
    if len(t) > 3:
        vardict = {{'found': m.group(0), 'groups': m.group(), 'flags': m.re.flags}}
        for i in range(1, 100):
            try:
                gi = m.group(i)
                if gi is None:
                    gi = 'None'
            except IndexError:
                gi = 'Error'
            vardict['g%d' % i] = gi
        for i in m.re.groupindex.keys():
            try:
                gi = m.group(i)
                if gi is None:
                    gi = 'None'
            except IndexError:
                gi = 'Error'
            vardict[i] = gi
        print(repr(eval(t[3], vardict)))
"""


# The `re` module itself, as a user sees it (issue #5's smoke program for re).
PROGRAM_RE_MODULE = r'''import re
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1b2'), re.findall(r'x*', 'axxb'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@example bob@test'), re.sub(r'(?P<u>\w+)@', r'<\g<u>>', 'joe@x'))
print(re.subn('a', lambda m: m.group().upper(), 'banana'), re.sub('', '-', 'abc'), re.sub('x*', '-', 'abxd'))
print(re.split(r'(,)\s*', 'a, b,c'), re.split(r'\b', 'ab cd'), re.split('x', 'axbxc', maxsplit=1))
m = re.search(r'(?P<year>\d{4})-(?P<month>\d\d)(-(?P<day>\d\d))?', 'on 2024-11 ok')
print(m, m.groupdict(), m.groupdict('?'), m.lastgroup, m.lastindex, m.span('month'), m['year'], m.expand(r'\g<month>/\1'))
print([mm.span() for mm in re.finditer(r'\w+', 'ab cd  ef')], re.fullmatch(r'a|ab', 'ab'), re.match(r'a|ab', 'ab'))
p = re.compile(r"""
    (?P<key>\w+) \s* = \s* (?P<value>[^;]*) ;?   # key = value
""", re.VERBOSE)
print(p.findall('a = 1; b=two;c = 3'), p.groups, sorted(p.groupindex.items()), p.flags)
print(re.compile('x', re.I | re.M), re.compile(b'x', re.I), re.compile('x', re.A | re.S | re.X), re.I | re.M)
print(re.escape('a.b*c?[d]'), re.escape(b'a.b'), re.match('(?i)stra\u00dfe', 'STRA\u00dfE'))
print(re.findall('[\u00e0-\u00ff]+', 'caf\u00e9 na\u00efve'), re.findall(r'(?a)\w+', 'caf\u00e9'), re.findall(r'\w+', 'caf\u00e9'))
print(re.search(r'(?<=\$)\d+(?:\.\d\d)?', 'cost: $42.50'), re.search(r'(?<!x)y', 'xyay'), re.findall(r'a(?=b)', 'abac'))
print(re.findall(r'(?m)^\w+', 'one\ntwo\nthree'), re.findall(r'(?s)a.b', 'a\nb'), re.findall(r'a.b', 'a\nb'))
print(re.match(r'(a)(?(1)b|c)', 'ab'), re.match(r'(?>a+)b', 'aaab'), re.match(r'a++b', 'aaab'), re.match(r'a*+a', 'aaa'))
print(re.findall(rb'\d+', b'a1b22'), re.sub(rb'(\d)', rb'<\1>', b'a1b2'), re.match(rb'(?L)\w+', b'abc'))
for bad in ['(', 'a)', '[a', '(?P<1>x)', 'a{2,1}', '(?<=a+)b', '\\', '(?P=n)', 'x**', '(?z)']:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), '->', e, e.pos)
try:
    re.sub('(a)', r'\2', 'a')
except re.error as e:
    print(e)
try:
    re.compile('a').match(1)
except TypeError as e:
    print(e)
print(re.purge(), re.compile('(a)(b)').sub(r'\2\1', 'abab'))
print(re.Pattern, re.Match, type(re.compile('')).__name__, re.compile('a') == re.compile('a'))
m = re.search(rb'(\d)', bytearray(b'xx7'))
print(re.findall(rb'\d', bytearray(b'a1b2')), m, m.group(1), re.findall(rb'\d', memoryview(b'a1b2')))
print(re.sub(rb'\d', b'#', bytearray(b'a1b2')), re.split(rb'\d', bytearray(b'a1b2')), re.Pattern[str], re.Match[bytes])
for f, a in [(re.search, ('a', b'a')), (re.search, (b'a', 'a')), (re.search, ('a', 1))]:
    try:
        f(*a)
    except TypeError as e:
        print(e)
'''


def build_programs():
    import subprocess
    programs = []
    for i, (pattern, flags, subjects) in enumerate(PROGRAM_PATTERNS):
        code, groups, cflags, gi, ig = compile_code(pattern, flags)
        src = PROGRAM_HEAD + PROGRAM_BODY.format(pattern=pattern, flags=cflags, code=code, groups=groups, gi=gi,
                                                 ig=tuple(ig), subjects=subjects)
        programs.append(("pattern%d" % i, src))
    code = compile_code("a(b|c)*d", 0)[0]
    programs.append(("errors", PROGRAM_HEAD + PROGRAM_ERRORS.format(code=code)))
    from test import re_tests
    tests = [t for t in re_tests.tests if isinstance(t[0], str)]
    programs.append(("re_tests", PROGRAM_RE_TESTS.format(tests=tests, flags=0)))
    programs.append(("re_tests_ignorecase", PROGRAM_RE_TESTS.format(tests=tests, flags="2")))
    programs.append(("re_module", PROGRAM_RE_MODULE))
    out = []
    for name, src in programs:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["PYTHONHASHSEED"] = "0"  # as the test runs Typhon: hash(pattern) is part of the output
        r = subprocess.run([sys.executable, "-s", "-S", "-c", src], capture_output=True, env=env)
        out.append({"name": name, "source": src, "stdout": r.stdout.decode("utf-8"), "status": r.returncode})
    return out


def main():
    warnings.simplefilter("ignore")  # test_re's FutureWarning patterns
    os.makedirs(OUT, exist_ok=True)
    records, skipped = build_cases()
    nsubj = sum(len(r[8]) for r in records)
    # gzip (deterministic: no name, mtime 0) keeps the 2 MB of JSON near 0.4 MB in the repository
    data = json.dumps({"magic": _sre.MAGIC, "patterns": records}, separators=(",", ":")) + "\n"
    with open(os.path.join(OUT, "cases.json.gz"), "wb") as f:
        f.write(gzip.compress(data.encode("ascii"), 9, mtime=0))
    val = build_validate(records)
    with open(os.path.join(OUT, "validate.json"), "w") as f:
        json.dump({"codes": val, "helpers": helper_digests()}, f, separators=(",", ":"))
        f.write("\n")
    progs = build_programs()
    with open(os.path.join(OUT, "programs.json"), "w") as f:
        json.dump(progs, f, indent=0, ensure_ascii=True)
        f.write("\n")
    print(f"{len(records)} patterns ({skipped} skipped), {nsubj} subjects; {len(progs)} programs; "
          f"{sum(len(r) for _, r in val)} validator cases")


if __name__ == "__main__":
    main()
