# \N{...} escapes: names, aliases (accepted), case, algorithmic names; named sequences are rejected (see the corpus).
a = "\N{LATIN SMALL LETTER A}\N{latin small letter a}\N{EM DASH}"
b = "\N{LF}\N{NBSP}\N{BYTE ORDER MARK}\N{ZWJ}\N{NULL}"
c = "\N{PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRAKCET}"
d = "\N{CJK UNIFIED IDEOGRAPH-4E00}\N{cjk unified ideograph-4e00}\N{HANGUL SYLLABLE GAG}"
e = f"\N{LINE FEED}{x}\N{SPACE}"
