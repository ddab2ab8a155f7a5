print("%s %r %a %d %i %u" % ("s", "r", "é", 42, -3, 7))
print("%5s|%-5s|%.2s" % ("ab", "ab", "abcdef"))
print("%x %X %#x %o %#o %c %c" % (255, 255, 255, 8, 8, 65, "z"))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (5, 42, 4, 7, 2, 3.14159))
print("%%" % (), "%s" % ([1, 2],), "%s" % (1,), "%s%s" % ("a", "b"))
for fmt, args in (("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("%(a)s", 5), ("%c", 1114112), ("%d", 1.5)):
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(type(e).__name__, e)
print("%d" % 3.99, "%i" % True, "%s" % None, "%.3d" % 7, "%+d % d" % (5, 5))
