# CPython side of bench/parse_lib.ts: reads file paths from stdin, loads them all, then times ast.parse over them
# in this one process. Prints one JSON line: {"seconds": s, "ok": [paths parsed]}.
import ast, json, sys, time
paths = [l.rstrip("\n") for l in sys.stdin if l.strip()]
datas = []
for p in paths:
    with open(p, "rb") as f:
        datas.append(f.read())
ok = []
t0 = time.perf_counter()
for p, d in zip(paths, datas):
    try:
        ast.parse(d, p)
        ok.append(p)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        pass
t1 = time.perf_counter()
print(json.dumps({"seconds": t1 - t0, "ok": ok}))
