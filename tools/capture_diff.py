# Captures CPython 3.13's behaviour for the differential program corpus (tests/diff/**/*.py): stdout, stderr, exit
# status beside each program, and the .pyc CPython writes for it under tests/golden/pyc/. Run it with CPython 3.13:
#   PYENV_VERSION=3.13.0 python3.13 tools/capture_diff.py [--check] [PATH ...]
# See docs/testing.md ("Differential programs"); tools/run_diff.ts replays the captures under Typhon.
import json
import os
import py_compile
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIFF_DIR = os.path.join("tests", "diff")
PYC_DIR = os.path.join("tests", "golden", "pyc")
TIMEOUT = 30


def program_options(source):
    """The `# diff-argv: [...]` and `# diff-stdin: "..."` header lines (JSON values), shared with run_diff.ts."""
    argv, stdin = [], ""
    for line in source.splitlines()[:10]:
        if line.startswith("# diff-argv:"):
            argv = json.loads(line[len("# diff-argv:"):])
        elif line.startswith("# diff-stdin:"):
            stdin = json.loads(line[len("# diff-stdin:"):])
    return argv, stdin


def clean_env():
    # A small, fixed environment: the hash seed pins str/bytes hashes (and so set orders), the locale pins UTF-8.
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
    for key in ("HOME", "PYENV_ROOT", "PYENV_VERSION"):
        if key in os.environ:
            env[key] = os.environ[key]
    return env


def normalize(text):
    # CPython makes the __main__ script's path absolute; the expected text names it relative to the repo root.
    return text.replace(ROOT + os.sep, "")


def run(target, argv, stdin):
    p = subprocess.run([sys.executable, target, *argv], cwd=ROOT, env=clean_env(), input=stdin.encode(),
                       capture_output=True, timeout=TIMEOUT)
    return normalize(p.stdout.decode("utf-8", "surrogateescape")), \
        normalize(p.stderr.decode("utf-8", "surrogateescape")), p.returncode


def pyc_path(rel):
    return os.path.join(PYC_DIR, os.path.relpath(rel, DIFF_DIR)[:-3] + ".pyc")


def write_or_remove(path, text, check, problems):
    """Write `text` to `path`, or remove `path` when text is empty; in --check mode only report staleness."""
    old = None
    if os.path.exists(path):
        with open(path, encoding="utf-8", newline="") as f:
            old = f.read()
    new = text if text else None
    if old == new:
        return
    if check:
        problems.append(f"{path}: stale")
        return
    if new is None:
        os.remove(path)
    else:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(new)


def capture(rel, check, problems):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        argv, stdin = program_options(f.read())
    out, err, status = run(rel, argv, stdin)
    out2, err2, status2 = run(rel, argv, stdin)
    if (out, err, status) != (out2, err2, status2):
        problems.append(f"{rel}: not deterministic (two runs differ)")
    base = os.path.join(ROOT, rel[:-3])
    write_or_remove(base + ".out", out, check, problems)
    write_or_remove(base + ".err", err, check, problems)
    write_or_remove(base + ".status", f"{status}\n" if status != 0 else "", check, problems)

    # The .pyc: an unchecked-hash pyc (PEP 552) is reproducible, and its co_filename is the relative path, so
    # running it from the repo root prints the same tracebacks as running the source.
    pyc = pyc_path(rel)
    os.makedirs(os.path.join(ROOT, os.path.dirname(pyc)), exist_ok=True)
    tmp = os.path.join(ROOT, pyc + ".tmp")
    py_compile.compile(os.path.join(ROOT, rel), cfile=tmp, dfile=rel, doraise=True,
                       invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    with open(tmp, "rb") as f:
        data = f.read()
    os.remove(tmp)
    old = None
    if os.path.exists(os.path.join(ROOT, pyc)):
        with open(os.path.join(ROOT, pyc), "rb") as f:
            old = f.read()
    if old != data:
        if check:
            problems.append(f"{pyc}: stale")
        else:
            with open(os.path.join(ROOT, pyc), "wb") as f:
                f.write(data)
    if not check:
        pout, perr, pstatus = run(pyc, argv, stdin)
        if (pout, perr, pstatus) != (out, err, status):
            problems.append(f"{rel}: CPython prints something else when it runs the .pyc")
    return status


def programs(paths):
    found = []
    for p in paths or [DIFF_DIR]:
        full = os.path.join(ROOT, p)
        if os.path.isfile(full):
            found.append(os.path.relpath(full, ROOT))
            continue
        for dirpath, dirnames, filenames in os.walk(full):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(".py"):
                    found.append(os.path.relpath(os.path.join(dirpath, name), ROOT))
    return sorted(found)


def main():
    if sys.version_info[:2] != (3, 13):
        sys.exit("capture_diff.py must run under CPython 3.13 (PYENV_VERSION=3.13.0 python3.13)")
    args = sys.argv[1:]
    check = "--check" in args
    paths = [a for a in args if a != "--check"]
    problems = []
    progs = programs(paths)
    for rel in progs:
        capture(rel, check, problems)
    # Drop captures whose program is gone.
    if not paths:
        for dirpath, _, filenames in os.walk(os.path.join(ROOT, DIFF_DIR)):
            for name in filenames:
                stem, ext = os.path.splitext(name)
                if ext in (".out", ".err", ".status") and not os.path.exists(os.path.join(dirpath, stem + ".py")):
                    problems.append(f"{os.path.join(dirpath, name)}: orphan") if check else os.remove(os.path.join(dirpath, name))
    for p in problems:
        print(p)
    print(f"{'checked' if check else 'captured'} {len(progs)} programs, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
