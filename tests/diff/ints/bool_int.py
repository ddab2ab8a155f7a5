print(True + True, True * 10, -True, ~True if False else "skip", True / 2, True // 2)
print(bool(0), bool(-1), bool(10**100), int(True), str(True), repr(False))
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True + 0).__name__)
print(isinstance(True, int), True == 1, hash(True), True is not None)
print(sum([True, True, False]), max(False, True), sorted([True, False, True]))
try:
    bool.__new__(bool, 5) if False else None
    class B(bool): pass
except TypeError as e:
    print(e)
print(bool("False"), bool([]), bool(()), bool(0.0), bool(0j), bool(None))
