"""Captures the compiler golden fixtures: for each tests/golden/compiler/*.py, CPython 3.13's dumps in the formats
of three diff modes: "code" (tools/diff_modes/code.py, every co_* field), "dis" (tools/diff_modes/dis.py,
`python -m dis` with PYTHONHASHSEED=0 and fixed code-object ids) and "symtable" (tools/symtable_dump.py), into
tests/golden/compiler/expected.json: {name: {mode: {"status": ..., "text": ...}}}. tests/unit/compiler/golden.test.ts
compares Typhon's output with them. Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_compiler.py
"""
import importlib.util, json, os, sys, warnings
assert sys.version_info[:2] == (3, 13)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODES = ("code", "dis", "symtable")
# Inputs also captured as `python -m dis -C -O` prints them (key "dis -C -O"): inline caches and offsets.
OPTION_CASES = ("control.py", "constants.py")


def load(name):
    spec = importlib.util.spec_from_file_location(name + "_mode", os.path.join(ROOT, "tools", "diff_modes", name + ".py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def dis_options(name, dis_mode):
    """`python -m dis -C -O NAME` in a fresh seeded process (as the dis mode's helper), addresses fixed."""
    import subprocess
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run([sys.executable, "-m", "dis", "-C", "-O", name], env=env, capture_output=True, text=True,
                         check=True).stdout
    return dis_mode.fix_addresses(out)


def main():
    modes = {m: load(m) for m in MODES}
    warnings.simplefilter("ignore")
    d = os.path.join(ROOT, "tests", "golden", "compiler")
    os.chdir(d)  # file names in the dumps are the bare names, as the test passes them
    out = {}
    for name in sorted(os.listdir(d)):
        if name.endswith(".py"):
            with open(name, "rb") as f:
                data = f.read()
            out[name] = {}
            for m in MODES:
                status, text = modes[m].dump(name, data)
                out[name][m] = {"status": status, "text": text}
            if name in OPTION_CASES:
                out[name]["dis -C -O"] = {"status": "ok", "text": dis_options(name, modes["dis"])}
    with open("expected.json", "w") as f:
        json.dump(out, f, indent=0, ensure_ascii=True)
        f.write("\n")
    print(f"{len(out)} cases", file=sys.stderr)


main()
