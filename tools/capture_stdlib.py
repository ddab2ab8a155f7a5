"""Captures CPython 3.13's stdout, stderr and exit status for the smoke programs of tests/golden/stdlib/programs
(one per module of issue #5's acceptance list, acceptance.json, plus the native modules behind the import system).
Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_stdlib.py [NAME ...]   (writes tests/golden/stdlib/expected.json;
with names, only those programs are re-captured). Each program runs twice; a program whose output differs between
the runs is reported and not written (smoke programs must be deterministic).

Typhon's default stdlib is CPython 3.13.2's Lib (pyodide's python_stdlib.zip) while the oracle is CPython 3.13.0. Where
a pure-Python module changed between the two and the change shows in a program's output, the program is captured with
the shipped copy of that module first on CPython's path (SHIPPED below), so the expected output is CPython's output
for the Lib that Typhon runs.
"""
import json, os, shutil, subprocess, sys, tempfile, zipfile

assert sys.version_info[:2] == (3, 13)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DIR = os.path.join(ROOT, "tests", "golden", "stdlib", "programs")
STDLIB = os.path.dirname(os.__file__)
EXPECTED = os.path.join(ROOT, "tests", "golden", "stdlib", "expected.json")
ZIP = os.path.join(ROOT, "node_modules", "pyodide", "python_stdlib.zip")
# program -> pure-Python members of the zip that it runs with (3.13.0 -> 3.13.2 differences it prints).
SHIPPED = {
    # 3.13.2's argparse prints an invalid choice with repr(): "invalid choice: '99'" (3.13.0: "invalid choice: 99").
    "smoke_argparse.py": ["argparse.py"],
}
only = sys.argv[1:]
out = {}
if only and os.path.exists(EXPECTED):
    with open(EXPECTED) as f:
        out = json.load(f)


def run(name):
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0", "LANG": "C.UTF-8", "TZ": "UTC"}
    # Each program runs in a fresh directory, as the test does.
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as shipped:
        tmp = os.path.realpath(tmp)
        shutil.copy(os.path.join(DIR, name), tmp)
        if name in SHIPPED:
            with zipfile.ZipFile(ZIP) as z:
                for member in SHIPPED[name]:
                    z.extract(member, shipped)
            env["PYTHONPATH"] = shipped
        p = subprocess.run([sys.executable, name], cwd=tmp, env=env, capture_output=True, text=True, timeout=60)
        # The program's directory and the stdlib's (a traceback through a stdlib module) are written as placeholders.
        norm = lambda t: t.replace(tmp, "<DIR>").replace(STDLIB, "<STDLIB>")
        return {"stdout": norm(p.stdout), "stderr": norm(p.stderr), "status": p.returncode}


bad = []
for name in sorted(os.listdir(DIR)):
    if not name.endswith(".py") or (only and name not in only):
        continue
    first, second = run(name), run(name)
    if first != second:
        bad.append(name)
        continue
    out[name] = first
out = {k: v for k, v in out.items() if os.path.exists(os.path.join(DIR, k))}
with open(EXPECTED, "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"captured {len(out)} programs")
if bad:
    print("not deterministic (not written):", " ".join(bad))
    sys.exit(1)
