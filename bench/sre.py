# CPython side of bench/sre.ts: builds the regex workloads (the patterns of ../shared/bench/regex.py over its
# generated log text, plus a few engine stress cases), times each on CPython's _sre (best of --repeat), and prints
# one JSON object: per workload the code words re._compiler emits, the subject(s), a checksum and the seconds.
# `--dump` prints the workloads without timing them; `--one NAME N` runs workload NAME N times (for perf stat).
import json, re, sys, time
from re import _compiler, _parser

MODE = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1].startswith("--") else "time"
REPEAT = int(sys.argv[1]) if MODE == "time" and len(sys.argv) > 1 else 5

LEVELS = ["INFO", "WARN", "ERROR", "DEBUG"]
HOSTS = ["alpha.example.org", "beta.test.net", "gamma.local", "delta.example.org"]


def make_log(lines, seed):
    # as in ../shared/bench/regex.py
    out = []
    x = seed
    for i in range(lines):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        lvl = LEVELS[x % 4]
        host = HOSTS[(x >> 4) % 4]
        ms = (x >> 8) % 5000
        user = "user%d" % ((x >> 12) % 300)
        out.append("2024-%02d-%02d %02d:%02d:%02d [%s] %s: request by %s took %dms id=%x"
                   % (1 + i % 12, 1 + i % 28, i % 24, i % 60, (i * 7) % 60, lvl, host, user, ms, x & 0xFFFFF))
    return out


log = make_log(3000, 7)
text = "\n".join(log)
words = "Ünïcödé naïve café straße Σίσυφος ΣΊΣΥΦΟΣ İstanbul ǅemal ﬁne 😀 emoji ok " * 400

W = []  # (name, op, pattern, flags, subject(s), repl)
W.append(("LINE_RE.match per line", "match_each",
          r"^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) \[(\w+)\] ([\w.]+): (.*)$", 0, log, None))
W.append(("MS_RE.search per line", "search_each", r"took (\d+)ms", 0, log, None))
W.append(("USER_RE.findall", "findall", r"user(\d+)", 0, text, None))
W.append(("HEX_RE.finditer", "finditer", r"id=([0-9a-f]+)", 0, text, None))
W.append(("HOST_RE.findall", "findall", r"[a-z]+\.(example\.org|test\.net)", 0, text, None))
W.append(("USER_RE.sub", "sub", r"user(\d+)", 0, text, "user#"))
W.append(("MS_RE.sub template", "sub", r"took (\d+)ms", 0, text, r"took \1 ms"))
W.append(("split [\\[\\]:= ]+", "split", r"[\[\]:= ]+", 0, text, None))
W.append(("\\bERROR\\b findall", "findall", r"\bERROR\b", 0, text, None))
W.append(("(?i)error|warn findall", "findall", r"(?i)error|warn", 0, text, None))
W.append(("\\w+ findall (unicode)", "findall", r"\w+", 0, words, None))
W.append(("(?i)straße|σίσυφος (unicode)", "findall", r"(?i)straße|σίσυφος", 0, words, None))
W.append(("(a|b)*c backtracking", "match_each", r"(a|b)*c", 0, ["ab" * 50000 + "c"], None))
W.append(("(?:x+x+)+y catastrophic", "search_each", r"(?:x+x+)+y", 0, ["x" * 18], None))
W.append(("(\\w+)\\s+\\1 backref", "findall", r"(\w+)\s+\1", 0, text, None))
W.append(("[^\\n]*ms$ (?m) findall", "findall", r"(?m)[^\n]*ms$", 0, text, None))


def run(cp, op, subj, repl):
    acc = 0
    if op == "match_each":
        for s in subj:
            m = cp.match(s)
            if m:
                acc += m.end() + (m.lastindex or 0)
    elif op == "search_each":
        for s in subj:
            m = cp.search(s)
            if m:
                acc += m.end() + (m.lastindex or 0)
    elif op == "findall":
        acc = len(cp.findall(subj))
    elif op == "finditer":
        for m in cp.finditer(subj):
            acc += m.end()
    elif op == "sub":
        acc = len(cp.sub(repl, subj))
    elif op == "split":
        acc = len(cp.split(subj))
    return acc


if MODE == "--one":
    name, n = sys.argv[2], int(sys.argv[3])
    for wname, op, pattern, flags, subj, repl in W:
        if wname == name:
            cp = re.compile(pattern, flags)
            for _ in range(n):
                run(cp, op, subj, repl)
    sys.exit(0)

out = []
for name, op, pattern, flags, subj, repl in W:
    p = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(p, flags)]
    cp = re.compile(pattern, flags)
    best = 0.0
    acc = run(cp, op, subj, repl)
    if MODE == "time":
        best = float("inf")
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            acc = run(cp, op, subj, repl)
            best = min(best, time.perf_counter() - t0)
    template = _parser.parse_template(repl, cp) if repl is not None else None
    out.append({"name": name, "op": op, "code": code, "groups": p.state.groups - 1, "flags": p.state.flags,
                "subject": subj, "template": template, "checksum": acc, "seconds": best})
print(json.dumps(out))
