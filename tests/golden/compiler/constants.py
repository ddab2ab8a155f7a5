def consts():
    big = 123456789012345678901234567890
    neg = -5, -(2**63), 1e308 * 10, -1e-308, float("nan")
    s = "\x00\n\t'\"\\é\u1234\U0001f600"
    b = b"\x00\xff'\""
    t = (1, 2.0, 3j, "4", b"5", None, True, False, ..., (6,), ())
    fs = 1 in {1, 2, 3}, "a" in {"a", "b", "c"}, 8 in {0, 8, 16, 24}, x in {1.5, -2.5}
    huge = "x" * 5000
    return big, neg, s, b, t, fs, huge
