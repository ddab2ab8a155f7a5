# Issue #5's import line, executed again in the same process: after each round every module it brought in is removed
# from sys.modules, so the next round finds, loads and executes all of them afresh, with the interpreter (and, under
# Typhon, V8) warm. Round 0 is the cold import a fresh process pays. Runs under Typhon and CPython
# (docs/imports.md, "Cold and warm"): `typhon bench/import_rewarm.py` and `python3.13 bench/import_rewarm.py`.
import sys, time

base = set(sys.modules)
times = []
for i in range(8):
    t = time.perf_counter()
    import json, re, collections, dataclasses, typing, asyncio
    times.append((time.perf_counter() - t) * 1000)
    new = [m for m in sys.modules if m not in base]
    for m in new:
        del sys.modules[m]
    del json, re, collections, dataclasses, typing, asyncio
warm = sorted(times[3:])
print("modules", len(new), "| cold round %.1f ms" % times[0],
      "| rounds 1-2 %s ms" % ", ".join("%.1f" % t for t in times[1:3]),
      "| warm (rounds 3-7) median %.1f ms, min %.1f ms" % (warm[len(warm) // 2], warm[0]))
