import re
m = re.match(r"(?P<user>\w+)@(?P<host>[\w.]+)", "alice@example.com rest")
print(m.group(0), m.group("user"), m.groupdict(), m.span("host"), m.start(2), m.lastgroup)
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2"), re.split(r"[,;]\s*", "a, b;c"))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.sub(r"\d", lambda m: str(int(m[0]) * 2), "a1b2c3"), re.subn("a", "A", "banana"))
print([m.span() for m in re.finditer(r"o", "foo boo")], re.fullmatch(r"[a-z]+", "abc") is not None, re.search(r"^b", "a\nb", re.M).start())
pat = re.compile(r"""
    (\d{4})-(\d{2})   # year-month
    -(\d{2})          # day
""", re.VERBOSE)
print(pat.search("on 2024-02-29.").groups(), pat.pattern.count("\n"), pat.flags & re.VERBOSE, pat.groups)
print(re.escape("a.b*c"), re.match(r"(?i)straße", "STRASSE"), re.match(r"(?i)ß", "ẞ") is not None)
print(re.findall(r"\bfoo\b", "foo foobar foo."), re.sub(r"(?<=a)b", "X", "abab cb"), re.match(r"(a|b)*?c", "ababc").group(1))
print(re.split(r"(\s)", "a b"), re.findall(r"[^\W\d_]+", "héllo wörld 42"), re.compile(r"x", re.I | re.S))
for bad in [r"(abc", r"a{2,1}", r"[z-a]", r"(?P<1>x)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(type(e).__name__, e, e.pos)
print(re.match(rb"\x00(.)", b"\x00\xff").group(1), re.sub(r"a", r"\g<0>\g<0>", "cab"))
