"""Captures the ast golden fixtures: for each tests/golden/ast/*.py, CPython 3.13's output in the "ast" diff-mode
format (tools/diff_modes/ast.py) into tests/golden/ast/expected.json: {name: {"status": ..., "text": ...}}.
Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_ast.py
"""
import importlib.util, json, os, sys, warnings
assert sys.version_info[:2] == (3, 13)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("ast_mode", os.path.join(ROOT, "tools", "diff_modes", "ast.py"))
mode = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mode)
warnings.simplefilter("ignore")
d = os.path.join(ROOT, "tests", "golden", "ast")
out = {}
for name in sorted(os.listdir(d)):
    if name.endswith(".py"):
        with open(os.path.join(d, name), "rb") as f:
            status, text = mode.dump(name, f.read())
        out[name] = {"status": status, "text": text}
with open(os.path.join(d, "expected.json"), "w") as f:
    json.dump(out, f, indent=0, ensure_ascii=True)
    f.write("\n")
print(f"{len(out)} cases", file=sys.stderr)
