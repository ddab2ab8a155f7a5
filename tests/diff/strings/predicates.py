samples = ["abc", "ABC", "Abc Def", "123", "١٢٣", "½", "²", "", " \t\n", "abc123", "a_b", "_id", "1abc", "ⅷ", "\u00a0", "café", "日本"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
