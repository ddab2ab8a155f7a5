def f():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise KeyError("second")
        except KeyError as k:
            print("inner context", repr(k.__context__))
        print("still handling", repr(sys.exception()))
    print("after", sys.exception())
import sys
f()
def g():
    try:
        return "try"
    finally:
        print("finally sees", sys.exception())
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
h()
