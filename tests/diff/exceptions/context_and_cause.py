try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("outer")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError("inner")
    except KeyError as k:
        raise ValueError("outer") from k
except ValueError as e:
    print(repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
try:
    raise TypeError("t") from None
except TypeError as e:
    print(e.__cause__, e.__context__, e.__suppress_context__)
e = RuntimeError()
e.__cause__ = KeyError()
print(e.__suppress_context__)
try:
    e.__cause__ = 5
except TypeError as err:
    print(err)
try:
    e.__context__ = "x"
except TypeError as err:
    print(err)
def loop():
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise a
        except ValueError as b:
            return b.__context__
print(loop())
