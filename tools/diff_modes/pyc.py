# CPython side of the "pyc" check (tools/diff_modes/pyc.ts): for each "SOURCE\tPYC" line on stdin, load Typhon's
# .pyc with marshal.loads(data[16:]), compare it with compile(source, SOURCE, 'exec', dont_inherit=True) through
# code.py's canonical dump (with co_localspluskinds and co_filename), and compare the bytes with marshal.dumps of
# CPython's own code object held in a variable, as py_compile does. One JSON line per file on stdout.
import importlib.util
import json
import marshal
import os
import subprocess
import sys

_spec = importlib.util.spec_from_file_location(
    "typhon_code_mode", os.path.join(os.path.dirname(os.path.abspath(__file__)), "code.py"))
code_mode = importlib.util.module_from_spec(_spec)  # tools/diff_modes/code.py, the "code" mode's canonical dump
_spec.loader.exec_module(code_mode)

MAGIC = importlib.util.MAGIC_NUMBER
# marshal's type codes depend on what the process interned before (DESIGN-FACTS 1.9-1.10): a file whose bytes differ
# here is compiled again in a fresh process, the state Typhon's writer models.
FRESH = r"""
import marshal, sys
path = sys.argv[1]
with open(path, "rb") as f:
    co = compile(f.read(), path, "exec", dont_inherit=True)
sys.stdout.buffer.write(marshal.dumps(co))
"""


def fresh_dumps(path):
    return subprocess.run([sys.executable, "-S", "-c", FRESH, path], check=True, capture_output=True).stdout


def dump(co):
    out = []
    code_mode.dump_code(co, out, iter(code_mode.kinds_of(co)))
    stack = [co]
    while stack:
        c = stack.pop()
        out.append("%s.co_filename: %s" % (c.co_qualname, c.co_filename))
        stack.extend(x for x in c.co_consts if isinstance(x, type(co)))
    return out


def check(src_path, pyc_path):
    with open(src_path, "rb") as f:
        source = f.read()
    try:
        co = compile(source, src_path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        return {"cpython": "error", "text": "%s: %s" % (type(e).__name__, e)}
    expected = marshal.dumps(co)
    if pyc_path == "":
        return {"cpython": "ok", "loads": False, "detail": "Typhon wrote no .pyc"}
    with open(pyc_path, "rb") as f:
        data = f.read()
    res = {"cpython": "ok", "loads": False, "code": False, "bytes": False, "detail": ""}
    if data[:4] != MAGIC:
        res["detail"] = "bad magic %r" % data[:4]
        return res
    try:
        got = marshal.loads(data[16:])
    except Exception as e:  # any failure to load counts; report it
        res["detail"] = "marshal.loads: %s: %s" % (type(e).__name__, e)
        return res
    res["loads"] = True
    a, b = dump(co), dump(got)
    if a == b:
        res["code"] = True
    else:
        i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        res["detail"] = "code: expected %s | got %s" % ((a + ["<end>"])[i][:300], (b + ["<end>"])[i][:300])
    if data[16:] == expected:
        res["bytes"] = True
    elif data[16:] == fresh_dumps(src_path):
        res["bytes"] = True
        res["fresh"] = True
    else:
        body = data[16:]
        i = next((i for i, (x, y) in enumerate(zip(expected, body)) if x != y), min(len(expected), len(body)))
        res["bytesDetail"] = "byte %d of %d/%d: expected %s | got %s" % (
            i, len(expected), len(body), expected[max(0, i - 24):i + 24], body[max(0, i - 24):i + 24])
    return res


def main():
    for line in sys.stdin:
        src, _, pyc = line.rstrip("\n").partition("\t")
        try:
            res = check(src, pyc)
        except Exception as e:
            res = {"cpython": "crash", "text": "%s: %s" % (type(e).__name__, e)}
        sys.stdout.write(json.dumps(res) + "\n")
        sys.stdout.flush()


main()
