# CPython side of the "dis" and "dis_cpython" modes: exactly what `python3.13 -m dis [-C] [-O] PATH` prints (options
# from TYPHON_DIS_OPTIONS, e.g. "-C -O"), computed with PYTHONHASHSEED=0 (frozenset constants print in hash order) in
# one helper process that lives as long as this one.
import json, os, re, subprocess, sys

# The one part of dis's output the comparison ignores: the memory address in "<code object NAME at 0x..., file".
# Each distinct address becomes the id Typhon prints (src/debug/dump_dis.ts DIS_ADDRESS), numbered in order of
# first appearance, so that a LOAD_CONST of a code object still has to name the same object as its heading.
ADDRESS = re.compile(r"(<code object .*? at )(0x[0-9a-f]+)(, file )")


def fix_addresses(text):
    ids = {}
    def sub(m):
        n = ids.setdefault(m.group(2), len(ids) + 1)
        return "%s0xc0de%08x%s" % (m.group(1), n, m.group(3))
    return ADDRESS.sub(sub, text)

HELPER = r'''
import argparse, dis, io, json, os, sys
# Each file is disassembled in a fresh fork, as `python -m dis FILE` runs in a fresh process: the order of a frozenset
# constant depends on which strings the process had interned before (intern_constants rebuilds the set).
for line in sys.stdin:
    path = line.rstrip("\n")
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            with open(path, "rb") as f:
                source = f.read()
            code = compile(source, path, "exec")
            out = io.StringIO()
            opts = os.environ.get("TYPHON_DIS_OPTIONS", "").split()
            dis.dis(code, file=out, show_caches="-C" in opts, show_offsets="-O" in opts)
            res = ["ok", out.getvalue()]
        except SyntaxError as e:
            res = ["error", "%s: %s (%s, %s)\n" % (type(e).__name__, e.msg, e.lineno, e.offset)]
        except (ValueError, RecursionError, MemoryError) as e:
            res = ["error", "%s: %s\n" % (type(e).__name__, e)]
        with os.fdopen(w, "w", encoding="utf-8") as f:
            f.write(json.dumps(res))
        os._exit(0)
    os.close(w)
    with os.fdopen(r, encoding="utf-8") as f:
        data = f.read()
    os.waitpid(pid, 0)
    sys.stdout.write((data or json.dumps(["crash", "helper child died"])) + "\n")
    sys.stdout.flush()
'''

_helper = None


def dump(path, data):
    global _helper
    if _helper is None:
        env = dict(os.environ, PYTHONHASHSEED="0")
        _helper = subprocess.Popen([sys.executable, "-c", HELPER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   env=env, text=True, encoding="utf-8")
    _helper.stdin.write(path + "\n")
    _helper.stdin.flush()
    status, text = json.loads(_helper.stdout.readline())
    return status, fix_addresses(text) if status == "ok" else text
