def show(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__, repr(e), repr(e.__cause__), e.__suppress_context__)

def r1(): raise ValueError
def r2(): raise ValueError("m")
def r3(): raise ValueError("m") from KeyError("k")
def r4(): raise ValueError from None
def r5(): raise 42
def r6(): raise ValueError from 5
def r7(): raise int
def r8(): raise ValueError("x") from TypeError
for f in (r1, r2, r3, r4, r5, r6, r7, r8):
    show(f)
try:
    raise
except RuntimeError as e:
    print(e)
