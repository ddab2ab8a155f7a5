import sys

def count(n):
    return 1 + count(n + 1) if n < 10_000 else 0

sys.setrecursionlimit(100)
try:
    count(0)
except RecursionError as e:
    print("limit 100:", e)

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n

print(depth(0))
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
try:
    sys.setrecursionlimit(-5)
except ValueError as e:
    print(e)
