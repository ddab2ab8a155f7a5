import sys
print(sys.getrecursionlimit())

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n

d = depth(0)
print(d > 900, d < 1000)

def f():
    f()

for _ in range(3):
    try:
        f()
    except RecursionError as e:
        print(type(e).__name__, e)
print("still alive", sum(range(10)))
