def parse(s):
    try:
        return int(s)
    except ValueError:
        raise LookupError("cannot parse " + s)

parse("abc")
