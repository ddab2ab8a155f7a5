"""Captures CPython 3.13's output of a differential case program, tests/golden/NAME/NAME_cases.py, into
tests/golden/NAME/expected.txt.gz, which tests/unit/modules/NAME's test compares with Typhon's output
(tests/unit/modules/golden_program.ts). Programs: array, decimal, expat, math_erf.
Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_cases.py NAME [NAME ...]
"""
import gzip, os, subprocess, sys

assert sys.version_info[:2] == (3, 13)
GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "golden")
for name in sys.argv[1:]:
    d = os.path.join(GOLDEN, name)
    p = subprocess.run([sys.executable, f"{name}_cases.py"], cwd=d, capture_output=True, text=True,
                       env={"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0", "LANG": "C.UTF-8"})
    assert p.returncode == 0 and p.stderr == "", p.stderr
    out = p.stdout
    with open(os.path.join(d, "expected.txt.gz"), "wb") as f:
        f.write(gzip.compress(out.encode(), compresslevel=9, mtime=0))
    print(f"{name}: {out.count(chr(10))} lines")
