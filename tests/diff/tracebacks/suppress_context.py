def f():
    try:
        {}["k"]
    except KeyError:
        raise TypeError("replaced") from None

f()
