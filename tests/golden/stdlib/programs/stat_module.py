# Smoke program for stat over the native _stat module: every constant, the S_IS* predicates, S_IMODE, S_IFMT,
# filemode, and _PyLong_AsMode_t's errors.
import stat, _stat

names = sorted(n for n in dir(_stat) if not n.startswith("_"))
print(names)
print([(n, getattr(_stat, n)) for n in names if isinstance(getattr(_stat, n), int)])
print([getattr(_stat, n).__doc__ for n in names if callable(getattr(_stat, n))])
print(stat.S_ISDIR is _stat.S_ISDIR, stat.filemode is _stat.filemode)
modes = [0, 0o100644, 0o100755, 0o40755, 0o120777, 0o20620, 0o60660, 0o10600, 0o140755, 0o104755, 0o102755,
         0o41777, 0o41776, 0o104644, 0o102644, 0o7777, 0o170000, True]
for m in modes:
    print(oct(m), stat.filemode(m), stat.S_IMODE(m), stat.S_IFMT(m),
          [f(m) for f in (stat.S_ISDIR, stat.S_ISCHR, stat.S_ISBLK, stat.S_ISREG, stat.S_ISFIFO, stat.S_ISLNK,
                          stat.S_ISSOCK, stat.S_ISDOOR, stat.S_ISPORT, stat.S_ISWHT)])
for bad in ["x", -1, 2**40, 2**64, 1.5, None]:
    for f in (stat.S_ISDIR, stat.S_IMODE, stat.filemode):
        try:
            f(bad)
        except Exception as e:
            print(f.__name__, repr(bad), type(e).__name__, e)
import os
st = os.stat(".")
print(stat.S_ISDIR(st.st_mode), stat.filemode(st.st_mode)[0], st[stat.ST_MODE] == st.st_mode)
