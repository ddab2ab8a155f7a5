def f():
    try:
        raise KeyError("original")
    finally:
        print("in finally")
        raise ValueError("from finally")

f()
