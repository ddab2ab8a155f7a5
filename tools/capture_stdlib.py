"""Captures CPython 3.13's stdout, stderr and exit status for the smoke programs of tests/golden/stdlib/programs
(the native modules behind the import system: _io, posix, marshal, _codecs, time, itertools, _warnings, ...).
Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_stdlib.py   (writes tests/golden/stdlib/expected.json)
"""
import json, os, shutil, subprocess, sys, tempfile

assert sys.version_info[:2] == (3, 13)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DIR = os.path.join(ROOT, "tests", "golden", "stdlib", "programs")
out = {}
for name in sorted(os.listdir(DIR)):
    if not name.endswith(".py"):
        continue
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0", "LANG": "C.UTF-8", "TZ": "UTC"}
    # Each program runs in a fresh directory, as the test does.
    with tempfile.TemporaryDirectory() as tmp:
        tmp = os.path.realpath(tmp)
        shutil.copy(os.path.join(DIR, name), tmp)
        p = subprocess.run([sys.executable, name], cwd=tmp, env=env, capture_output=True, text=True, timeout=60)
        norm = lambda t: t.replace(tmp, "<DIR>")
        out[name] = {"stdout": norm(p.stdout), "stderr": norm(p.stderr), "status": p.returncode}
with open(os.path.join(ROOT, "tests", "golden", "stdlib", "expected.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"captured {len(out)} programs")
