# CPython side of tools/diff_compile_fuzz.ts: reads JSON lines {"src", "mode"} on stdin and writes, per line, the
# code-mode dump of compile(src, "<fuzz>", mode) or the SyntaxError's six fields. See docs/compiler.md.
import importlib.util
import json
import os
import sys
import warnings

_spec = importlib.util.spec_from_file_location("typhon_code_mode", os.path.join(os.path.dirname(__file__), "diff_modes", "code.py"))
_code = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_code)
warnings.simplefilter("ignore")

for line in sys.stdin:
    r = json.loads(line)
    try:
        co = compile(r["src"], "<fuzz>", r["mode"], dont_inherit=True)
        out = []
        _code.dump_code(co, out)
        res = {"ok": "\n".join(out)}
    except SyntaxError as e:
        res = {"err": [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]}
    except Exception as e:  # ValueError (null bytes), RecursionError, MemoryError ...
        res = {"other": type(e).__name__}
    sys.stdout.write(json.dumps(res) + "\n")
