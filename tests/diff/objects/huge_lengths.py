# Lengths and indices between 2**53 and sys.maxsize (2**63 - 1): a Py_ssize_t holds them, a JS number does not
# exactly. len() of a range or of a Python __len__, range slicing, and size arguments beyond 2**53.
import sys, operator

class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n

for n in (2**53 + 1, 2**60 + 7, sys.maxsize, sys.maxsize + 1, -1):
    for f in (len, bool, operator.length_hint, lambda o: o.__len__()):
        try: print(f(L(n)))
        except Exception as e: print(type(e).__name__, e)

for r in (range(sys.maxsize - 1), range(2**62 + 3), range(-2**62, 2**62, 7), range(2**64), range(10**20, 0, -3)):
    for f in (len, bool, lambda o: o.__len__()):
        try: print(f(r))
        except Exception as e: print(type(e).__name__, e)
    for s in (slice(None, None, 2), slice(2**61, None), slice(-5, None), slice(None, None, -1), slice(3, -3, 10**9),
              slice(-2**70, 2**70, 2**40)):
        try:
            x = r[s]
            print(x, x[0] if x else None, x[-1] if x else None)
        except Exception as e: print(type(e).__name__, e)
    print(r[-1], r[2**52 + 1] if len(range(2**52 + 2)) and r.stop > 2**60 else None)

for e in ["[1,2][2**60]", "'ab'[2**60]", "[1,2][2**63]", "(1,2)[-2**60]", "b'ab'[2**62]", "[1,2][2**60:2**61]",
          "'x' * 2**60", "[0] * 2**60", "range(10)[2**60]", "bytearray(2**60)", "'abc'.find('b', 2**60)",
          "[1,2,3].index(2, 0, 2**60)", "memoryview(b'ab')[2**60]", "[1,2].pop(2**60)", "'ab'.center(2**60)",
          "'ab'.ljust(2**62)", "'ab'.zfill(2**61)", "'ab'.center(2**63)", "'a\\tb'.expandtabs(2**60)",
          "slice(0, 2**60).indices(10)", "slice(0, 2**70).indices(10)", "[].insert(2**60, 1)", "(2**62) in range(2**63)",
          "range(2**63).index(2**62)", "range(2**63).count(2**62 + 1)"]:
    try: print(e, '->', repr(eval(e))[:60])
    except Exception as x: print(e, '!!', type(x).__name__, x)
