"""Captures CPython 3.13's output of tests/golden/expat/expat_cases.py (pyexpat events, errors and positions,
ElementTree, minidom, sax) into tests/golden/expat/expected.txt.gz, for tests/unit/modules/pyexpat.test.ts.
Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_expat.py
"""
import gzip, os, subprocess, sys

assert sys.version_info[:2] == (3, 13)
DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "golden", "expat")
out = subprocess.run([sys.executable, os.path.join(DIR, "expat_cases.py")], capture_output=True, text=True, check=True,
                     env={"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0"}).stdout
with open(os.path.join(DIR, "expected.txt.gz"), "wb") as f:
    f.write(gzip.compress(out.encode(), compresslevel=9, mtime=0))
print(f"{out.count(chr(10))} lines")
