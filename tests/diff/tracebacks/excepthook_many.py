import sys

def show(fn):
    try:
        fn()
    except BaseException:
        sys.excepthook(*sys.exc_info())

show(lambda: [1][5])
show(lambda: {}.pop("x"))
show(lambda: int("12a"))
show(lambda: None + 1)
show(lambda: (1).real.imag.nope)
show(lambda: 1 / 0.0)

def raiser():
    raise OSError(2, "No such file or directory", "missing.txt")

show(raiser)
print("done")
