def eg(f):
    try:
        f()
    except* ValueError as e:
        print(e)
    except* (TypeError, KeyError):
        raise
    return 1
