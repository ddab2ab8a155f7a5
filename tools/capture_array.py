"""Captures CPython 3.13's output of tests/golden/array/cases.py (array.array edge cases: every typecode's
conversions and messages, slicing, exports) into cases.out, for tests/unit/modules/array.test.ts.
Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_array.py
"""
import os, subprocess, sys

assert sys.version_info[:2] == (3, 13)
DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "golden", "array")
p = subprocess.run([sys.executable, "cases.py"], cwd=DIR, capture_output=True, text=True, env={"PYTHONHASHSEED": "0", "LANG": "C.UTF-8"})
assert p.returncode == 0 and p.stderr == "", p.stderr
with open(os.path.join(DIR, "cases.out"), "w") as f:
    f.write(p.stdout)
print(f"captured {p.stdout.count(chr(10))} lines")
