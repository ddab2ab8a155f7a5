def f(kind):
    try:
        if kind == 1:
            raise ValueError("one")
        if kind == 2:
            raise KeyError("two")
        if kind == 3:
            return "returned"
        print("no error")
    except ValueError as e:
        print("ValueError", e)
        return "from except"
    except (KeyError, IndexError) as e:
        print("lookup", repr(e))
    else:
        print("else")
    finally:
        print("finally", kind)
    return "end"

for k in range(4):
    print(f(k))

def override():
    try:
        return 1
    finally:
        return 2

print(override())

def name_cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        err
    except NameError as e:
        print(e)
    except UnboundLocalError as e:
        print(type(e).__name__, e)

name_cleared()
