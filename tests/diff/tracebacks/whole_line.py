def check(x):
    raise ValueError("bad value %r" % (x,))

check([1, 2])
