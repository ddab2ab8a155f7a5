# os._exit(n) ends the process at once with status n: no except or finally clause, no atexit callback, no
# generator cleanup runs (only what was flushed before is seen).
import atexit, os, sys

atexit.register(print, "atexit callback ran")

def gen():
    try:
        yield 1
    finally:
        print("generator finally ran")

g = gen()
next(g)
print("before", flush=True)
try:
    os._exit(7)
except BaseException as e:
    print("caught", type(e).__name__)
finally:
    print("finally ran")
print("after")
