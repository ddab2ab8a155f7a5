import sys

def a():
    b()

def b():
    try:
        c()
    except ValueError:
        print("caught ValueError")
        raise SystemExit(7)

def c():
    raise ValueError

a()
