# Smoke program for locale over the native _locale module (the C/POSIX locales): setlocale queries and changes,
# composite names, localeconv, nl_langinfo, getencoding, strcoll/strxfrm, format_string, the errors.
import locale, _locale

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

show("names", lambda: [n for n in dir(_locale) if not n.startswith("__")])
show("constants", lambda: [(n, getattr(_locale, n)) for n in dir(_locale) if isinstance(getattr(_locale, n), int)])
show("query", lambda: (locale.setlocale(locale.LC_ALL), locale.setlocale(locale.LC_CTYPE), locale.setlocale(locale.LC_NUMERIC)))
show("getlocale", lambda: (locale.getlocale(), locale.getencoding(), locale.getpreferredencoding(False)))
show("localeconv", lambda: sorted(locale.localeconv().items()))
show("langinfo", lambda: [(n, locale.nl_langinfo(getattr(locale, n))) for n in
                           ["CODESET", "D_T_FMT", "D_FMT", "T_FMT", "T_FMT_AMPM", "DAY_1", "ABMON_12", "RADIXCHAR",
                            "THOUSEP", "YESEXPR", "NOEXPR", "CRNCYSTR", "ERA", "ALT_DIGITS"]])
show("set C", lambda: (locale.setlocale(locale.LC_ALL, "C"), locale.getencoding(), locale.nl_langinfo(locale.CODESET)))
show("set POSIX", lambda: (locale.setlocale(locale.LC_NUMERIC, "POSIX"), locale.setlocale(locale.LC_ALL)))
saved = locale.setlocale(locale.LC_ALL)
show("set C.UTF-8", lambda: (locale.setlocale(locale.LC_CTYPE, "C.UTF-8"), locale.setlocale(locale.LC_ALL), locale.getencoding()))
show("composite", lambda: locale.setlocale(locale.LC_ALL, locale.setlocale(locale.LC_ALL)))
show("restore", lambda: locale.setlocale(locale.LC_ALL, saved))
show("env", lambda: locale.setlocale(locale.LC_ALL, ""))
show("unsupported", lambda: locale.setlocale(locale.LC_ALL, "xx_YY.UTF-8"))
show("bad category", lambda: locale.setlocale(99, "C"))
show("bad query", lambda: locale.setlocale(99))
show("bad type", lambda: locale.setlocale("x"))
show("bad langinfo", lambda: locale.nl_langinfo(9999))
show("strcoll", lambda: (locale.strcoll("a", "b"), locale.strcoll("b", "a"), locale.strcoll("é", "z"), locale.strcoll("x", "x"), locale.strxfrm("abc")))
show("strcoll err", lambda: locale.strcoll("a", 1))
show("format", lambda: (locale.format_string("%.2f", 1234567.891, grouping=True), locale.str(3.25), locale.atof("1.5"),
                        locale.atoi("42"), locale.currency(1.5) if False else None, locale.delocalize("1.5")))
show("normalize", lambda: (locale.normalize("en_US"), locale.normalize("C.utf8"), locale.getdefaultlocale() if False else None))
show("error", lambda: (locale.Error.__module__, locale.Error.__mro__))
show("gettext", lambda: (_locale.gettext("msg"), _locale.dgettext(None, "m"), _locale.textdomain("dom"), _locale.textdomain(None)))
