def tries(f):
    try:
        f()
    except ValueError as e:
        return e
    except (TypeError, KeyError):
        pass
    except:
        raise
    else:
        f(1)
    finally:
        f(2)
    with open("x") as g, open("y"):
        g.read()
    try:
        return 1
    finally:
        print("done")

def loops(n):
    total = 0
    for i in range(n):
        try:
            if i % 2:
                continue
            total += i
        finally:
            total -= 1
        if total > 100:
            break
    while True:
        n -= 1
        if not n:
            return total
