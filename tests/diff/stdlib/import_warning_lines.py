# Warnings issued while a module is being imported (stacklevel=2) and by a module __getattr__ during
# `from m import name` point at the importing line: IMPORT_NAME/IMPORT_FROM keep the frame's position.
import os, shutil, sys, tempfile, warnings

d = tempfile.mkdtemp()
with open(os.path.join(d, "warnmod_pkg.py"), "w") as f:
    f.write("import warnings\n"
            "warnings.warn('deprecated module', DeprecationWarning, stacklevel=2)\n"
            "def __getattr__(name):\n"
            "    warnings.warn('lazy ' + name, UserWarning, stacklevel=2)\n"
            "    return 42\n")
sys.path.insert(0, d)
warnings.simplefilter("always")
warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: print(
    category.__name__, message, os.path.basename(filename), lineno)
import warnmod_pkg
from warnmod_pkg import answer
print(answer)
def f():
    from warnmod_pkg import other
    return other
print(f())
shutil.rmtree(d)
