for ch in "aZ5_ ßİıǅ€😀\u0301\u00a0\u2003٣Ⅻ":
    print(hex(ord(ch)), ch.isalpha(), ch.isupper(), ch.islower(), ch.isspace(), ch.isdigit(), ch.isnumeric(), ch.upper(), ch.lower(), len(ch.upper()))
print(len("😀"), len("e\u0301"), "ﬃ".upper(), "ΐ".upper(), "İ".lower(), len("İ".lower()))
print(chr(0x10FFFF).isprintable(), "\x7f".isprintable(), "\u200b".isprintable(), "Ꭰ".lower(), "ꭰ".upper())
