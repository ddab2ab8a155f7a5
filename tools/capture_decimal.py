"""Captures CPython 3.13's output of tests/golden/decimal/decimal_cases.py (about 29,000 decimal operations with the
conditions each raised) into tests/golden/decimal/expected.txt.gz, for tests/unit/modules/decimal.test.ts.
Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_decimal.py
"""
import gzip, os, subprocess, sys

assert sys.version_info[:2] == (3, 13)
DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "golden", "decimal")
out = subprocess.run([sys.executable, os.path.join(DIR, "decimal_cases.py")], capture_output=True, text=True, check=True,
                     env={"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0"}).stdout
with open(os.path.join(DIR, "expected.txt.gz"), "wb") as f:
    f.write(gzip.compress(out.encode(), compresslevel=9, mtime=0))
print(f"{out.count(chr(10))} lines")
