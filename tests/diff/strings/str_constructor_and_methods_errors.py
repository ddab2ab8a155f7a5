for bad in (lambda: "abc".find(1), lambda: "abc".replace(1, "x"), lambda: "abc".split(1), lambda: "a".join(5), lambda: "abc".center(), lambda: "abc".count(), lambda: str(b"x", "bad-enc"), lambda: str(5, "utf-8")):
    try:
        print(bad())
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)
