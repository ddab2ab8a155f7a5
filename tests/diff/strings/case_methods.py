for s in ("hello World", "ǅungla", "ß straße", "ΣΑΣ", "i̇stanbul", "123abc", "", "ﬁ ligature", "MiXeD_case-99"):
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
