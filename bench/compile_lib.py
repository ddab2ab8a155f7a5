# CPython side of bench/compile_lib.ts: reads file paths from stdin, loads them all, then times
# compile(data, path, "exec", dont_inherit=True) over them in this one process. Prints one JSON line:
# {"seconds": wall, "cpu": process time, "ok": [paths compiled]}.
import json, sys, time
paths = [l.rstrip("\n") for l in sys.stdin if l.strip()]
datas = []
for p in paths:
    with open(p, "rb") as f:
        datas.append(f.read())
ok = []
t0, c0 = time.perf_counter(), time.process_time()
for p, d in zip(paths, datas):
    try:
        compile(d, p, "exec", dont_inherit=True)
        ok.append(p)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        pass
t1, c1 = time.perf_counter(), time.process_time()
print(json.dumps({"seconds": t1 - t0, "cpu": c1 - c0, "ok": ok}))
