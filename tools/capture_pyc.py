# Captures tests/golden/compiler/pyc.json for tests/unit/compiler/pyc.test.ts: for a handful of tests/diff programs,
# marshal.dumps(compile(source, "tests/diff/<name>", "exec", dont_inherit=True)) with the code object held (as
# py_compile holds it), each in a fresh CPython 3.13 process so no earlier compile has interned its strings.
# Usage: PYENV_VERSION=3.13.0 python3.13 tools/capture_pyc.py
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = [
    "functions/closures_nonlocal.py",
    "generators/basics.py",
    "coroutines/async_exceptions.py",
    "containers/comprehension_scopes.py",
    "floats/complex_basic.py",
    "exceptions/context_and_cause.py",
    "builtins/build_class_and_misc.py",
    "recursion/mutual.py",
]
CHILD = r"""
import marshal, sys
path = sys.argv[1]
with open(path, "rb") as f:
    co = compile(f.read(), path, "exec", dont_inherit=True)
sys.stdout.write(marshal.dumps(co).hex())
"""


def main():
    out = {}
    for name in PROGRAMS:
        rel = "tests/diff/" + name
        hexdata = subprocess.run([sys.executable, "-S", "-c", CHILD, rel], cwd=ROOT, check=True,
                                 capture_output=True, text=True).stdout
        out[name] = hexdata
    with open(os.path.join(ROOT, "tests", "golden", "compiler", "pyc.json"), "w") as f:
        json.dump(out, f, indent=0, sort_keys=True)
        f.write("\n")


main()
