import locale
print(locale.setlocale(locale.LC_ALL, "C"), locale.getlocale(locale.LC_NUMERIC), locale.setlocale(locale.LC_CTYPE, None) in ("C", "C.UTF-8"))
conv = locale.localeconv(); print(sorted(conv.items()))
print(locale.format_string("%d items at %.2f", (1234567, 1234.5)), locale.format_string("%d", 1234567, grouping=True), locale.str(3.5), locale.atof("1234.5"), locale.atoi("42"), locale.currency(5, symbol=False) if conv["frac_digits"] != 127 else "no currency")
print(locale.normalize("en_US"), locale.normalize("de"), locale.normalize("C.utf8"), locale.getpreferredencoding(False), locale.getencoding())
print(locale.strcoll("a", "b") < 0, locale.strxfrm("abc"), sorted(["b", "A", "a", "B"], key=locale.strxfrm), locale.delocalize("1,234.5"), locale.localize("1234.5"))
print(locale.LC_ALL, locale.LC_NUMERIC, locale.CHAR_MAX, locale.nl_langinfo(locale.CODESET) if hasattr(locale, "nl_langinfo") else None, locale.nl_langinfo(locale.D_FMT) if hasattr(locale, "nl_langinfo") else None)
try:
    locale.setlocale(locale.LC_ALL, "xx_NOT_A_LOCALE")
except locale.Error as e:
    print(type(e).__name__, e)
try:
    locale.currency(1)
except ValueError as e:
    print(e)
