tests = [
 lambda: [1,2,3][:2**62], lambda: [1,2,3][2**63-1:], lambda: "abc".find("b", 0, 2**63-1), lambda: range(10)[2**62:],
 lambda: [0]*(2**62), lambda: "a"*(2**62), lambda: b"a"*(2**63-1), lambda: [1,2][2**63-1], lambda: [1,2][2**63],
 lambda: (1).to_bytes(2**63, "big"), lambda: "abc".ljust(2**63), lambda: bytearray(2**63-1), lambda: list(range(5)).pop(2**63-1),
 lambda: [1,2,3].index(2, 0, 2**63-1), lambda: (1,2).__getitem__(-2**63), lambda: [1][-2**63-1],
 lambda: "abc"[2**62:2**63+5], lambda: memoryview(b"ab")[2**62]
]
for t in tests:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
