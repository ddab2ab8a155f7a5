for s in ("plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\nx", "\x00\x1f\x7f\x80\x9f", "é ñ 日本", "\u200b\ufeff", "\ud800", "\U0001f600", "\\back"):
    print(repr(s), ascii(s))
print(str(b"bytes"), repr("a" * 3), "\N{GREEK SMALL LETTER ALPHA}", "\x41\101\u0041")
