def run(excs):
    try:
        raise ExceptionGroup("batch", excs)
    except* ValueError as eg:
        print("ValueErrors:", [str(e) for e in eg.exceptions])
    except* (KeyError, IndexError) as eg:
        print("lookups:", [repr(e) for e in eg.exceptions])

run([ValueError("a"), KeyError("b"), ValueError("c")])
try:
    run([TypeError("left over"), ValueError("v")])
except ExceptionGroup as rest:
    print("rest:", rest, [repr(e) for e in rest.exceptions])
try:
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        print("wrapped:", repr(eg))
except Exception as e:
    print("unexpected", e)
try:
    try:
        raise TypeError("t")
    except* ValueError:
        pass
except TypeError as e:
    print("plain reraised:", repr(e))
