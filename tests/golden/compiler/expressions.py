def exprs(a, b, c, *args, **kw):
    r = a + b - c * a / b // c % a ** b @ c
    r = a << b >> c & a | b ^ c
    r = -a, +b, ~c, not a
    r = a < b <= c == a != b > c >= a
    r = a is b, a is not b, a in b, a not in b
    r = a and b or c
    r = a if b else c
    r = (yield_ := a)
    r = [a, *b], (a, *b), {a, *b}, {a: b, **kw}
    r = a[b], a[b:c], a[b:c:a], a[:, 1], a[...]
    r = a.b.c, a(b, *args, c=1, **kw), a(*args), a(**kw), a.b(c)
    r = lambda p, q=1, *r, s, **t: p + q
    r = f"{a}{b!r}{c!s:>{a}}{a!a}{b=}{'lit'}" f"tail"
    r = b"bytes", "str", 1.5, 2j, 10**100, -0.0, ..., None, True
    r = (1, 2, (3, 4)), [1, 2, 3], {1: 2, 3: 4}, {"a", "b"}
    r = "abc" * 3, 2 ** 10, (1,) * 3, "x"[0], not not a
    return r
