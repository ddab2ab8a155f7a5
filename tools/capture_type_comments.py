"""Captures tests/golden/type_comments/cases.json: for each case of tests/golden/type_comments/cases.py (a list of
sources), CPython 3.13's ast.dump(ast.parse(src, type_comments=True), include_attributes=True), or the SyntaxError as
"Kind: msg (lineno, offset, end_lineno, end_offset)". Checked by tests/unit/parser/type_comments.test.ts.
Run: PYENV_VERSION=3.13.0 python3.13 tools/capture_type_comments.py
"""
import ast, json, os, sys, warnings
assert sys.version_info[:2] == (3, 13)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
d = os.path.join(ROOT, "tests", "golden", "type_comments")
ns = {}
with open(os.path.join(d, "cases.py"), encoding="utf-8") as f:
    exec(f.read(), ns)
warnings.simplefilter("ignore")


def dump(src, mode, type_comments):
    try:
        return ast.dump(ast.parse(src, "<s>", mode, type_comments=type_comments), include_attributes=True)
    except SyntaxError as e:
        return "%s: %s (%s, %s, %s, %s)" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)


out = [{"src": src, "mode": mode, "type_comments": dump(src, mode, True), "plain": dump(src, mode, False)}
       for src, mode in ns["CASES"]]
with open(os.path.join(d, "cases.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, indent=0, ensure_ascii=True)
    f.write("\n")
print(f"{len(out)} cases", file=sys.stderr)
