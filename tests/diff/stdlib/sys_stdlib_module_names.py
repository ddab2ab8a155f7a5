# sys.stdlib_module_names (3.10): a frozenset of the standard library's top-level names (Typhon makes it at first use).
import sys
print('stdlib_module_names' in dir(sys))
s = sys.stdlib_module_names
print(type(s).__name__, len(s), sorted(s)[:5], sorted(s)[-3:])
print(all(m in s for m in ('os', 'sys', 'json', 'asyncio', '_io', 'builtins', 'this', 'tkinter', 'winreg')))
print('typing_extensions' in s, 'numpy' in s, 'site' in s)
print(sys.stdlib_module_names is s, 'stdlib_module_names' in sys.__dict__)
