"""The module docstring."""
import sys
print(__name__)
print(__doc__)
print(type(__builtins__).__name__)
print(__spec__)
print(sys.modules["__main__"].__name__)
print(sorted(k for k in globals() if not k.startswith("_")))
