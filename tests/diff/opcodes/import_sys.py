import sys
from sys import maxsize, byteorder as bo
import sys as system
print(system is sys, maxsize == sys.maxsize, bo)
print(sys.version_info[:2], sys.implementation.name in ("cpython", "typhon"))
print(type(sys.path).__name__, type(sys.modules).__name__)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e)
