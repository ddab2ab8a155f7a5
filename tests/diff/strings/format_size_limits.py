# Sizes in %-formatting and format specs: `*` arguments (any int, bool included; a width is a Py_ssize_t, a
# precision a C int), precision limits, and huge widths (a MemoryError where CPython's allocation fails).
for e in ["'%*d' % (2**70, 1)", "'%*d' % (2**40, 1)", "'%.*f' % (2**60, 1.0)", "'%.*f' % (2**40, 1.0)", "'%*d' % (-2**60, 1)",
          "b'%*d' % (2**60, 1)", "b'%*d' % (2**70, 1)", "b'%.*f' % (2**40, 1.0)", "'%*d' % (True, 5)", "'%.*f' % (True, 1.5)",
          "b'%*d' % (True, 5)", "'%*d' % (3.0, 5)", "'%*d|' % (-3, 5)", "'%.*f' % (-3, 1.5)", "b'%.*f' % (-3, 1.5)",
          "b'%*d|' % (-4, 5)", "'%.2147483648d' % 5", "'%.2147483647d' % 5", "'%.2147483645x' % 5", "'%.2147483648f' % 5.0",
          "b'%.2147483648d' % 5", "b'%.2147483647d' % 5", "b'%.*d' % (2**31 - 1, 5)", "'%.*x' % (2**31 - 3, 5)",
          "'%.5d' % 3", "b'%.3x' % 10", "'%.*e' % (1000, 1.0)[:8]"]:
    try: print(e, repr(eval(e))[:50])
    except Exception as x: print(e, type(x).__name__, x)

for s, v in [('{:99999999999999999999}', 1.0), ('{:.99999999999999999999f}', 1.0), ('{:.2147483648}', 1.0),
             ('{:.2147483648f}', 1.0), ('{:.2147483648e}', 1.0), ('{:.2147483648g}', 1.0), ('{:.2147483648}', 1j),
             ('{:.2147483648f}', 1j), ('{:.2147483648d}', 1), ('{:.2147483648}', 'ab'), ('{:.2147483648%}', 1.0),
             ('{:.2147483648f}', 3), ('{:.{}f}', (1.0, 2**31))]:
    try:
        r = s.format(*v) if isinstance(v, tuple) else s.format(v)
        print(s, type(v).__name__, len(r))
    except Exception as e: print(s, type(v).__name__, type(e).__name__, e)
