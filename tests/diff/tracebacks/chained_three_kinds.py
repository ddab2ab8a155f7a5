def step1():
    raise ValueError("step1")

def step2():
    try:
        step1()
    except ValueError as e:
        err = KeyError("step2")
        err.add_note("note on step2")
        raise err from e

def step3():
    try:
        step2()
    except KeyError:
        raise ExceptionGroup("step3", [TypeError("inside group")])

step3()
