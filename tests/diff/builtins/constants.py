print(None, True, False, ..., Ellipsis is ..., NotImplemented, __debug__)
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__, repr(Ellipsis))
print(type(None)(), type(...)() is ..., type(NotImplemented)() is NotImplemented)
try:
    type(None)(1)
except TypeError as e:
    print(e)
print(bool(None), bool(...), None == None, None is None, (None,) == (None,))
import sys
print(sys.maxsize == 2**63 - 1, sys.byteorder, sys.hash_info.width, sys.hash_info.modulus == 2**61 - 1, sys.hash_info.inf, sys.float_info.dig)
print(sys.flags.optimize, sys.version_info >= (3, 13), sys.version_info[:2], sys.getrecursionlimit())
