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
# Small sources for the rules of src/runtime/py_compile.ts's object model (FLAG_REF, interning, frozenset order).
SNIPPETS = {
    "shared_consts": "def f():\n    return 'a b', 2.5, 10**20, b'xy', (1, 'a b')\ndef g():\n    return 'a b', 2.5, 10**20, b'xy', (1, 'a b')\n",
    "class_qualname": "class A:\n    class B:\n        def g(self): return 'A.B'\n",
    "qualname_seen_before": "def f():\n    def _(): pass\n    def _(): pass\n    class _: pass\n",
    "frozensets": "def f(a, bb):\n    return a in {'x', 'y'}, a in {'225', '226'}, a in {'bb', 'f'}, a in {1, 2.5, (1, 2), b'q', 'z z'}\ndef g(a):\n    return a in {'225', '226'}, a in {'bb', 'f'}, a in {'qqqq', 'f'}\ndef h(a):\n    return a in {'qqqq', 'f'}\n",
    "non_ascii": "def f(p):\n    p.glöbal(glöbal=1)\n    return 'têšt', 'é', 'Ł', ('mödule',)\nfrom m import (wörd,)\n",
    "strings": "x = ('', ' ', 'a' * 300, 'é' * 300, '\\ud800', 'ab\\udc00', '€')\n",
}
CHILD_SNIPPET = r"""
import marshal, sys
co = compile(sys.argv[1], "snippet.py", "exec", dont_inherit=True)
sys.stdout.write(marshal.dumps(co).hex())
"""
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
    for name, source in SNIPPETS.items():
        hexdata = subprocess.run([sys.executable, "-S", "-c", CHILD_SNIPPET, source], cwd=ROOT, check=True,
                                 capture_output=True, text=True).stdout
        out["snippet:" + name] = {"source": source, "bytes": hexdata}
    with open(os.path.join(ROOT, "tests", "golden", "compiler", "pyc.json"), "w") as f:
        json.dump(out, f, indent=0, sort_keys=True)
        f.write("\n")


main()
